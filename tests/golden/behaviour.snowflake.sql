WITH ids AS (
  SELECT
    anonymous_id,
    MIN(contact_id) AS contact_id
  FROM touchpoints
  WHERE
    NOT contact_id IS NULL AND NOT anonymous_id IS NULL
  GROUP BY
    anonymous_id
), tp AS (
  SELECT
    t.*,
    COALESCE(t.contact_id, ids.contact_id) AS person_contact,
    CASE
      WHEN NOT COALESCE(t.contact_id, ids.contact_id) IS NULL
      THEN 'c:' || COALESCE(t.contact_id, ids.contact_id)
      ELSE 'a:' || t.anonymous_id
    END AS person
  FROM touchpoints AS t
  LEFT JOIN ids
    ON ids.anonymous_id = t.anonymous_id
  WHERE
    NOT COALESCE(t.contact_id, t.anonymous_id) IS NULL
    AND (
      t.type IN ('page_view', 'inquiry')
    )
), page_views AS (
  SELECT
    session_id,
    pv.content_type AS grp,
    dwell_seconds,
    scroll_pct
  FROM touchpoints AS pv
  WHERE
    type = 'page_view'
    AND (
      NOT contact_id IS NULL OR NOT anonymous_id IS NULL
    )
    AND TRUE
), per_view AS (
  SELECT
    grp,
    COUNT(*) AS page_views,
    AVG(dwell_seconds) AS avg_dwell_seconds,
    AVG(scroll_pct) AS avg_scroll_pct,
    COUNT_IF(session_id IS NULL) AS lone_views
  FROM page_views
  GROUP BY
    grp
), group_sessions AS (
  SELECT DISTINCT
    grp,
    session_id
  FROM page_views
  WHERE
    NOT session_id IS NULL
), sessions AS (
  SELECT
    session_id,
    COUNT_IF(type = 'page_view') AS pages,
    BOOLOR_AGG(type IN ('download', 'form_submit')) AS acted
  FROM (
    SELECT
      session_id,
      type
    FROM touchpoints AS st
    WHERE
      type IN ('page_view', 'download', 'form_submit')
      AND NOT session_id IS NULL
      AND (
        NOT contact_id IS NULL OR NOT anonymous_id IS NULL
      )
      AND TRUE
    UNION ALL
    SELECT
      session_id,
      type
    FROM touchpoints AS st
    WHERE
      session_id IN (
        SELECT
          session_id
        FROM group_sessions
      )
      AND (
        NOT TRUE
      )
      AND type IN ('page_view', 'download', 'form_submit')
      AND (
        NOT contact_id IS NULL OR NOT anonymous_id IS NULL
      )
  ) AS session_touchpoints
  GROUP BY
    session_id
), per_session AS (
  SELECT
    g.grp,
    COUNT(*) AS sessions,
    SUM(s.pages) AS session_page_views,
    COUNT_IF(s.pages > 1) AS onward_sessions,
    COUNT_IF(s.acted) AS action_sessions
  FROM group_sessions AS g
  JOIN sessions AS s
    ON s.session_id = g.session_id
  GROUP BY
    g.grp
), events AS NOT MATERIALIZED (
  SELECT
    type,
    tp.content_type AS grp,
    person,
    person_contact,
    occurred_at,
    session_id
  FROM tp
), viewed AS (
  SELECT
    grp,
    person,
    person_contact,
    occurred_at,
    session_id,
    ROW_NUMBER() OVER (PARTITION BY grp, person, person_contact ORDER BY occurred_at, session_id) AS view_rank
  FROM events AS views
  WHERE
    type = 'page_view' AND TRUE
), visitors AS (
  SELECT
    grp,
    person,
    person_contact AS contact_id,
    MIN(occurred_at) AS first_at,
    MIN(CASE WHEN view_rank = 1 THEN session_id END) AS first_session
  FROM viewed
  GROUP BY
    grp,
    person,
    person_contact
), per_visitor AS (
  SELECT
    grp,
    COUNT(*) AS visitors
  FROM visitors
  GROUP BY
    grp
), revisited AS (
  SELECT
    p.grp,
    COUNT(*) AS revisitors
  FROM (
    SELECT
      grp,
      person,
      first_at,
      first_at + INTERVAL '30 DAY' AS until,
      first_session
    FROM visitors
  ) AS p
  WHERE
    EXISTS(
      SELECT
        1
      FROM events AS v
      WHERE
        v.person = p.person
        AND v.type = 'page_view'
        AND v.occurred_at > p.first_at
        AND v.occurred_at <= p.until
        AND COALESCE(v.session_id <> p.first_session, TRUE)
    )
  GROUP BY
    p.grp
), inquired AS (
  SELECT
    p.grp,
    COUNT(*) AS inquirers
  FROM (
    SELECT
      grp,
      person,
      first_at,
      first_at + INTERVAL '30 DAY' AS until
    FROM visitors
  ) AS p
  WHERE
    EXISTS(
      SELECT
        1
      FROM events AS i
      WHERE
        i.person = p.person
        AND i.type = 'inquiry'
        AND i.occurred_at >= p.first_at
        AND i.occurred_at <= p.until
    )
  GROUP BY
    p.grp
), dealt AS (
  SELECT
    p.grp,
    COUNT(*) AS opportunity_visitors
  FROM (
    SELECT
      grp,
      contact_id,
      first_at,
      first_at + INTERVAL '90 DAY' AS until
    FROM visitors
  ) AS p
  WHERE
    EXISTS(
      SELECT
        1
      FROM deals AS d
      WHERE
        d.contact_id = p.contact_id
        AND d.created_at >= p.first_at
        AND d.created_at <= p.until
    )
  GROUP BY
    p.grp
), per_action AS (
  SELECT
    COUNT(*) AS actions,
    acts.content_type AS grp
  FROM touchpoints AS acts
  WHERE
    type IN ('download', 'form_submit')
    AND (
      NOT contact_id IS NULL OR NOT anonymous_id IS NULL
    )
    AND TRUE
  GROUP BY
    grp
)
SELECT
  w.grp,
  w.page_views,
  w.avg_dwell_seconds,
  w.avg_scroll_pct,
  COALESCE(s.sessions, 0) + w.lone_views AS sessions,
  COALESCE(s.session_page_views, 0) + w.lone_views AS session_page_views,
  COALESCE(s.onward_sessions, 0) AS onward_sessions,
  COALESCE(s.action_sessions, 0) AS action_sessions,
  p.visitors,
  COALESCE(r.revisitors, 0) AS revisitors,
  COALESCE(q.inquirers, 0) AS inquirers,
  COALESCE(d.opportunity_visitors, 0) AS opportunity_visitors,
  COALESCE(a.actions, 0) AS actions
FROM per_view AS w
JOIN per_visitor AS p
  ON p.grp IS NOT DISTINCT FROM w.grp
LEFT JOIN per_session AS s
  ON s.grp IS NOT DISTINCT FROM w.grp
LEFT JOIN revisited AS r
  ON r.grp IS NOT DISTINCT FROM w.grp
LEFT JOIN inquired AS q
  ON q.grp IS NOT DISTINCT FROM w.grp
LEFT JOIN dealt AS d
  ON d.grp IS NOT DISTINCT FROM w.grp
LEFT JOIN per_action AS a
  ON a.grp IS NOT DISTINCT FROM w.grp
ORDER BY
  w.page_views DESC NULLS LAST,
  w.grp;
