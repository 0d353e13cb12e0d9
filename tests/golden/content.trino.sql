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
      THEN CONCAT(CAST('c:' AS VARCHAR), CAST(COALESCE(t.contact_id, ids.contact_id) AS VARCHAR))
      ELSE CONCAT(CAST('a:' AS VARCHAR), CAST(t.anonymous_id AS VARCHAR))
    END AS person
  FROM touchpoints AS t
  LEFT JOIN ids
    ON ids.anonymous_id = t.anonymous_id
  WHERE
    NOT COALESCE(t.contact_id, t.anonymous_id) IS NULL AND (
      t.type = 'page_view'
    )
), raw AS (
  SELECT
    tp.person_contact AS contact,
    tp.occurred_at AS at,
    tp.content_type AS item,
    tp.content_type AS item_type,
    CAST(tp.dwell_seconds AS DOUBLE) AS dwell,
    CAST(tp.scroll_pct AS DOUBLE) AS scroll,
    COALESCE(
      tp.session_id,
      CONCAT(
        CAST('view:' AS VARCHAR),
        CAST(tp.person AS VARCHAR),
        CAST(':' AS VARCHAR),
        CAST(tp.occurred_at AS VARCHAR)
      )
    ) AS session_key
  FROM tp
  WHERE
    NOT tp.person_contact IS NULL
), sessions AS (
  SELECT
    session_key,
    COUNT(*) AS pages,
    AVG(dwell) AS mean_dwell,
    MAX(COALESCE(dwell, 0)) AS most_dwell,
    MAX(at) AS last_at
  FROM raw
  GROUP BY
    session_key
), views AS (
  SELECT
    r.contact,
    r.at,
    r.item,
    r.item_type,
    r.dwell,
    r.scroll,
    r.session_key,
    s.last_at
  FROM raw AS r
  JOIN sessions AS s
    ON s.session_key = r.session_key
  WHERE
    NOT (
      s.pages >= 20 AND COALESCE(s.mean_dwell, 0) < 2.0
    )
    AND NOT (
      s.pages = 1 AND s.most_dwell = 0
    )
), lengths AS (
  SELECT
    item,
    PERCENTILE_CONT(dwell, 0.5) AS typical
  FROM views
  WHERE
    NOT item IS NULL
  GROUP BY
    item
), marked AS (
  SELECT
    v.contact,
    v.at,
    v.item,
    v.item_type,
    v.dwell,
    v.scroll,
    v.session_key,
    v.last_at,
    COALESCE(v.dwell >= 30.0 AND COALESCE(v.scroll >= 50.0, TRUE), FALSE) AS engaged
  FROM views AS v
  LEFT JOIN lengths AS l
    ON l.item = v.item
), people AS (
  SELECT
    contact,
    MAX(at) AS last_at
  FROM views
  GROUP BY
    contact
), oc AS (
  SELECT
    u,
    MIN(o) AS o
  FROM (
    SELECT
      s.entity_id AS u,
      s.entered_at AS o
    FROM stage_history AS s
    WHERE
      s.entity = 'contact' AND s.stage = 'opportunity'
    UNION ALL
    SELECT
      d.contact_id AS u,
      d.created_at AS o
    FROM deals AS d
  ) AS sources
  WHERE
    NOT u IS NULL AND NOT o IS NULL
  GROUP BY
    u
), units AS (
  SELECT
    p.contact,
    (
      NOT oc.o IS NULL
    ) AS converted,
    CASE WHEN (
      NOT oc.o IS NULL
    ) THEN oc.o ELSE p.last_at END AS anchor
  FROM people AS p
  LEFT JOIN oc
    ON oc.u = p.contact
  WHERE
    (
      TRUE
    )
), in_window AS (
  SELECT
    u.contact,
    m.item,
    m.engaged
  FROM units AS u
  JOIN marked AS m
    ON m.contact = u.contact
  WHERE
    m.at <= u.anchor
    AND NOT (
      u.converted AND m.at = u.anchor
    )
    AND DATE_DIFF('MICROSECOND', DATE_TRUNC('MICROSECOND', m.at), DATE_TRUNC('MICROSECOND', u.anchor)) <= 2592000000000
), banded AS (
  SELECT
    u.contact,
    u.converted,
    NTILE(5) OVER (ORDER BY COALESCE(w.n, 0), u.contact) AS stratum
  FROM units AS u
  LEFT JOIN (
    SELECT
      contact,
      COUNT(*) AS n
    FROM in_window
    GROUP BY
      contact
  ) AS w
    ON w.contact = u.contact
), strata AS (
  SELECT
    stratum,
    COUNT(*) AS people,
    COUNT(*) FILTER(WHERE
      converted) AS hits
  FROM banded
  GROUP BY
    stratum
), readers AS (
  SELECT DISTINCT
    item,
    contact
  FROM in_window
  WHERE
    engaged AND NOT item IS NULL
), compared AS (
  SELECT
    r.item,
    b.stratum,
    COUNT(*) AS readers,
    COUNT(*) FILTER(WHERE
      b.converted) AS read_hits
  FROM readers AS r
  JOIN banded AS b
    ON b.contact = r.contact
  GROUP BY
    r.item,
    b.stratum
), per_item AS (
  SELECT
    m.item,
    MIN(m.item_type) AS item_type,
    COUNT(*) AS views,
    COUNT(DISTINCT m.contact) AS reach,
    COUNT(DISTINCT c.account_id) AS accounts,
    COUNT(DISTINCT CASE WHEN m.engaged THEN m.contact END) AS engaged_people,
    PERCENTILE_CONT(m.dwell, 0.5) AS median_dwell,
    PERCENTILE_CONT(m.scroll, 0.5) AS median_scroll,
    COUNT(*) FILTER(WHERE
      m.last_at > m.at) AS onward_views
  FROM marked AS m
  LEFT JOIN contacts AS c
    ON c.contact_id = m.contact
  WHERE
    NOT m.item IS NULL
  GROUP BY
    m.item
), revisits AS (
  SELECT
    item,
    COUNT(*) AS revisitors
  FROM (
    SELECT
      item,
      contact
    FROM marked
    WHERE
      NOT item IS NULL
    GROUP BY
      item,
      contact
    HAVING
      COUNT(DISTINCT session_key) > 1
  ) AS again
  GROUP BY
    item
)
SELECT
  'item' AS part,
  i.item,
  i.item_type,
  CAST(NULL AS BIGINT) AS stratum,
  i.views,
  i.reach,
  i.accounts,
  i.engaged_people,
  i.median_dwell,
  i.median_scroll,
  i.onward_views,
  COALESCE(r.revisitors, 0) AS a,
  CAST(NULL AS BIGINT) AS b,
  CAST(NULL AS BIGINT) AS c,
  CAST(NULL AS BIGINT) AS d,
  CAST(NULL AS BIGINT) AS e
FROM per_item AS i
LEFT JOIN revisits AS r
  ON r.item = i.item
UNION ALL
SELECT
  'stratum',
  CAST(NULL AS VARCHAR),
  CAST(NULL AS VARCHAR),
  stratum,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  people,
  hits,
  NULL,
  NULL,
  NULL
FROM strata
UNION ALL
SELECT
  'reader',
  item,
  CAST(NULL AS VARCHAR),
  stratum,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  readers,
  read_hits,
  NULL,
  NULL,
  NULL
FROM compared
ORDER BY
  1,
  2,
  4;

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
      THEN CONCAT(CAST('c:' AS VARCHAR), CAST(COALESCE(t.contact_id, ids.contact_id) AS VARCHAR))
      ELSE CONCAT(CAST('a:' AS VARCHAR), CAST(t.anonymous_id AS VARCHAR))
    END AS person
  FROM touchpoints AS t
  LEFT JOIN ids
    ON ids.anonymous_id = t.anonymous_id
  WHERE
    NOT COALESCE(t.contact_id, t.anonymous_id) IS NULL AND (
      t.type = 'page_view'
    )
), raw AS (
  SELECT
    tp.person_contact AS contact,
    tp.occurred_at AS at,
    tp.content_type AS item,
    tp.content_type AS item_type,
    CAST(tp.dwell_seconds AS DOUBLE) AS dwell,
    CAST(tp.scroll_pct AS DOUBLE) AS scroll,
    COALESCE(
      tp.session_id,
      CONCAT(
        CAST('view:' AS VARCHAR),
        CAST(tp.person AS VARCHAR),
        CAST(':' AS VARCHAR),
        CAST(tp.occurred_at AS VARCHAR)
      )
    ) AS session_key
  FROM tp
  WHERE
    NOT tp.person_contact IS NULL
), sessions AS (
  SELECT
    session_key,
    COUNT(*) AS pages,
    AVG(dwell) AS mean_dwell,
    MAX(COALESCE(dwell, 0)) AS most_dwell,
    MAX(at) AS last_at
  FROM raw
  GROUP BY
    session_key
), views AS (
  SELECT
    r.contact,
    r.at,
    r.item,
    r.item_type,
    r.dwell,
    r.scroll,
    r.session_key,
    s.last_at
  FROM raw AS r
  JOIN sessions AS s
    ON s.session_key = r.session_key
  WHERE
    NOT (
      s.pages >= 20 AND COALESCE(s.mean_dwell, 0) < 2.0
    )
    AND NOT (
      s.pages = 1 AND s.most_dwell = 0
    )
), lengths AS (
  SELECT
    item,
    PERCENTILE_CONT(dwell, 0.5) AS typical
  FROM views
  WHERE
    NOT item IS NULL
  GROUP BY
    item
), marked AS (
  SELECT
    v.contact,
    v.at,
    v.item,
    v.item_type,
    v.dwell,
    v.scroll,
    v.session_key,
    v.last_at,
    COALESCE(v.dwell >= 30.0 AND COALESCE(v.scroll >= 50.0, TRUE), FALSE) AS engaged
  FROM views AS v
  LEFT JOIN lengths AS l
    ON l.item = v.item
), people AS (
  SELECT
    contact,
    MAX(at) AS last_at
  FROM views
  GROUP BY
    contact
), oc AS (
  SELECT
    u,
    MIN(o) AS o
  FROM (
    SELECT
      s.entity_id AS u,
      s.entered_at AS o
    FROM stage_history AS s
    WHERE
      s.entity = 'contact' AND s.stage = 'opportunity'
    UNION ALL
    SELECT
      d.contact_id AS u,
      d.created_at AS o
    FROM deals AS d
  ) AS sources
  WHERE
    NOT u IS NULL AND NOT o IS NULL
  GROUP BY
    u
), units AS (
  SELECT
    p.contact,
    (
      NOT oc.o IS NULL
    ) AS converted,
    CASE WHEN (
      NOT oc.o IS NULL
    ) THEN oc.o ELSE p.last_at END AS anchor
  FROM people AS p
  LEFT JOIN oc
    ON oc.u = p.contact
  WHERE
    (
      TRUE
    )
), in_window AS (
  SELECT
    u.contact,
    m.item,
    m.engaged
  FROM units AS u
  JOIN marked AS m
    ON m.contact = u.contact
  WHERE
    m.at <= u.anchor
    AND NOT (
      u.converted AND m.at = u.anchor
    )
    AND DATE_DIFF('MICROSECOND', DATE_TRUNC('MICROSECOND', m.at), DATE_TRUNC('MICROSECOND', u.anchor)) <= 2592000000000
), banded AS (
  SELECT
    u.contact,
    u.converted,
    NTILE(5) OVER (ORDER BY COALESCE(w.n, 0), u.contact) AS stratum
  FROM units AS u
  LEFT JOIN (
    SELECT
      contact,
      COUNT(*) AS n
    FROM in_window
    GROUP BY
      contact
  ) AS w
    ON w.contact = u.contact
), strata AS (
  SELECT
    stratum,
    COUNT(*) AS people,
    COUNT(*) FILTER(WHERE
      converted) AS hits
  FROM banded
  GROUP BY
    stratum
), readers AS (
  SELECT DISTINCT
    item,
    contact
  FROM in_window
  WHERE
    engaged AND NOT item IS NULL
), compared AS (
  SELECT
    r.item,
    b.stratum,
    COUNT(*) AS readers,
    COUNT(*) FILTER(WHERE
      b.converted) AS read_hits
  FROM readers AS r
  JOIN banded AS b
    ON b.contact = r.contact
  GROUP BY
    r.item,
    b.stratum
), per_item AS (
  SELECT
    m.item,
    MIN(m.item_type) AS item_type,
    COUNT(*) AS views,
    COUNT(DISTINCT m.contact) AS reach,
    COUNT(DISTINCT c.account_id) AS accounts,
    COUNT(DISTINCT CASE WHEN m.engaged THEN m.contact END) AS engaged_people,
    PERCENTILE_CONT(m.dwell, 0.5) AS median_dwell,
    PERCENTILE_CONT(m.scroll, 0.5) AS median_scroll,
    COUNT(*) FILTER(WHERE
      m.last_at > m.at) AS onward_views
  FROM marked AS m
  LEFT JOIN contacts AS c
    ON c.contact_id = m.contact
  WHERE
    NOT m.item IS NULL
  GROUP BY
    m.item
), revisits AS (
  SELECT
    item,
    COUNT(*) AS revisitors
  FROM (
    SELECT
      item,
      contact
    FROM marked
    WHERE
      NOT item IS NULL
    GROUP BY
      item,
      contact
    HAVING
      COUNT(DISTINCT session_key) > 1
  ) AS again
  GROUP BY
    item
)
SELECT
  'item' AS part,
  i.item,
  i.item_type,
  CAST(NULL AS BIGINT) AS stratum,
  i.views,
  i.reach,
  i.accounts,
  i.engaged_people,
  i.median_dwell,
  i.median_scroll,
  i.onward_views,
  COALESCE(r.revisitors, 0) AS a,
  CAST(NULL AS BIGINT) AS b,
  CAST(NULL AS BIGINT) AS c,
  CAST(NULL AS BIGINT) AS d,
  CAST(NULL AS BIGINT) AS e
FROM per_item AS i
LEFT JOIN revisits AS r
  ON r.item = i.item
UNION ALL
SELECT
  'stratum',
  CAST(NULL AS VARCHAR),
  CAST(NULL AS VARCHAR),
  stratum,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  people,
  hits,
  NULL,
  NULL,
  NULL
FROM strata
UNION ALL
SELECT
  'reader',
  item,
  CAST(NULL AS VARCHAR),
  stratum,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  readers,
  read_hits,
  NULL,
  NULL,
  NULL
FROM compared
ORDER BY
  1,
  2,
  4;

WITH units AS MATERIALIZED (
  WITH act AS (
    SELECT
      "touchpoints"."contact_id" AS u,
      MAX(touchpoints.occurred_at) AS last_t
    FROM touchpoints
    WHERE
      NOT "touchpoints"."contact_id" IS NULL AND TRUE
    GROUP BY
      1
  ), oc AS (
    SELECT
      u,
      MIN(o) AS o
    FROM (
      SELECT
        d.contact_id AS u,
        d.closed_at AS o
      FROM deals AS d
      WHERE
        d.outcome = 'won'
    ) AS sources
    WHERE
      NOT u IS NULL AND NOT o IS NULL
    GROUP BY
      u
  )
  SELECT
    a.u,
    NOT oc.o IS NULL AS conv,
    CASE WHEN NOT oc.o IS NULL THEN oc.o ELSE a.last_t END AS anchor
  FROM act AS a
  LEFT JOIN oc
    ON oc.u = a.u
  WHERE
    TRUE
), win AS MATERIALIZED (
  SELECT
    n.u,
    n.conv,
    touchpoints.occurred_at AS t,
    CASE
      WHEN TRIM("touchpoints"."type") IN ('page_view', 'download', 'form_submit', 'email_open', 'email_click')
      AND NOT NULLIF(TRIM("touchpoints"."content_type"), '') IS NULL
      THEN CONCAT(
        CAST(TRIM("touchpoints"."type") AS VARCHAR),
        CAST(':' AS VARCHAR),
        CAST(NULLIF(TRIM("touchpoints"."content_type"), '') AS VARCHAR)
      )
      ELSE TRIM("touchpoints"."type")
    END AS step
  FROM touchpoints
  JOIN units AS n
    ON n.u = "touchpoints"."contact_id"
  WHERE
    TRUE
    AND (
      "touchpoints"."type" IN ('page_view', 'download')
    )
    AND touchpoints.occurred_at <= n.anchor
    AND NOT (
      n.conv AND touchpoints.occurred_at = n.anchor
    )
    AND touchpoints.occurred_at >= n.anchor - INTERVAL '15552000000000' MICROSECOND
), fs AS MATERIALIZED (
  SELECT
    u,
    step,
    BOOL_OR(conv) AS conv,
    MIN(t) AS f,
    MAX(t) AS l
  FROM win
  GROUP BY
    u,
    step
), p2 AS (
  SELECT
    a.step AS s1,
    b.step AS s2,
    COUNT(*) AS n,
    COUNT(*) FILTER(WHERE
      a.conv) AS x
  FROM fs AS a
  JOIN fs AS b
    ON b.u = a.u AND a.f < b.l
  GROUP BY
    a.step,
    b.step
), fp AS (
  SELECT
    s1,
    s2
  FROM p2
  WHERE
    n >= 20
), g AS (
  SELECT
    a.u,
    a.conv,
    a.step AS s1,
    e.step AS s2,
    MIN(e.t) AS g
  FROM fs AS a
  JOIN win AS e
    ON e.u = a.u AND e.t > a.f
  JOIN fp AS ab
    ON ab.s1 = a.step AND ab.s2 = e.step
  GROUP BY
    a.u,
    a.conv,
    a.step,
    e.step
), p3 AS (
  SELECT
    g.s1,
    g.s2,
    c.step AS s3,
    COUNT(*) AS n,
    COUNT(*) FILTER(WHERE
      g.conv) AS x
  FROM g
  JOIN fs AS c
    ON c.u = g.u AND c.l > g.g
  JOIN fp AS bc
    ON bc.s1 = g.s2 AND bc.s2 = c.step
  GROUP BY
    g.s1,
    g.s2,
    c.step
)
SELECT
  *,
  CAST(NULL AS VARCHAR) AS p1,
  CAST(NULL AS VARCHAR) AS p2,
  CAST(NULL AS VARCHAR) AS p3,
  CAST(NULL AS VARCHAR) AS p4,
  CAST(NULL AS VARCHAR) AS p5,
  CAST(NULL AS BIGINT) AS total
FROM (
  SELECT
    0 AS length,
    CAST(NULL AS VARCHAR) AS s1,
    CAST(NULL AS VARCHAR) AS s2,
    CAST(NULL AS VARCHAR) AS s3,
    COUNT(*) AS n,
    COUNT(*) FILTER(WHERE
      conv) AS x
  FROM units
  UNION ALL
  SELECT
    1,
    step,
    NULL,
    NULL,
    COUNT(*),
    COUNT(*) FILTER(WHERE
      conv)
  FROM fs
  GROUP BY
    step
  HAVING
    COUNT(*) >= 20
  UNION ALL
  SELECT
    2,
    s1,
    s2,
    NULL,
    n,
    x
  FROM p2
  WHERE
    n >= 20
  UNION ALL
  SELECT
    3,
    s1,
    s2,
    s3,
    n,
    x
  FROM p3
  WHERE
    n >= 20
) AS counts;
