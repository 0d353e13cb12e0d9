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
      t.type IN ('booth_visit', 'demo', 'badge_scan', 'inquiry')
    )
), show AS (
  SELECT
    exhibition_id,
    exhibit_id,
    type,
    occurred_at,
    dwell_seconds,
    person,
    person_contact
  FROM tp
  WHERE
    NOT exhibition_id IS NULL AND type IN ('booth_visit', 'demo', 'badge_scan')
), spans AS (
  SELECT
    exhibition_id,
    MIN(`at`) AS first_at,
    MAX(`at`) AS last_at
  FROM (
    SELECT
      exhibition_id,
      occurred_at AS `at`
    FROM show
    UNION ALL
    SELECT
      exhibition_id,
      hour AS `at`
    FROM booth_traffic
  ) AS moments
  GROUP BY
    exhibition_id
), chosen AS (
  SELECT
    exhibition_id,
    first_at,
    last_at
  FROM spans AS chosen
  WHERE
    TRUE
), people AS (
  SELECT
    s.exhibition_id,
    s.person,
    MAX(s.person_contact) AS contact_id,
    MIN(s.occurred_at) AS first_at
  FROM show AS s
  JOIN chosen AS c
    ON c.exhibition_id = s.exhibition_id
  GROUP BY
    s.exhibition_id,
    s.person
), inquired AS (
  SELECT DISTINCT
    p.exhibition_id,
    p.person
  FROM people AS p
  JOIN tp AS i
    ON i.person = p.person
    AND i.type = 'inquiry'
    AND i.occurred_at >= p.first_at
    AND i.occurred_at <= p.first_at + INTERVAL '180' DAY
), dealt AS (
  SELECT
    p.exhibition_id,
    p.person,
    COUNT(*) AS opportunities,
    COUNTIF(
      d.outcome = 'won'
      AND d.closed_at >= p.first_at
      AND d.closed_at <= p.first_at + INTERVAL '180' DAY
    ) AS won,
    SUM(
      IF(
        d.outcome = 'won'
        AND d.closed_at >= p.first_at
        AND d.closed_at <= p.first_at + INTERVAL '180' DAY,
        d.amount,
        NULL
      )
    ) AS revenue
  FROM people AS p
  JOIN deals AS d
    ON d.contact_id = p.contact_id
    AND d.created_at >= p.first_at
    AND d.created_at <= p.first_at + INTERVAL '180' DAY
  GROUP BY
    p.exhibition_id,
    p.person
), flags AS (
  SELECT
    p.exhibition_id,
    p.person,
    COALESCE(
      ct.created_at >= TIMESTAMP_TRUNC(c.first_at, DAY)
      AND ct.created_at < TIMESTAMP_TRUNC(c.last_at, DAY) + INTERVAL '8' DAY,
      FALSE
    ) AS is_lead,
    NOT q.person IS NULL AS inquired,
    COALESCE(d.opportunities, 0) AS opportunities,
    COALESCE(d.won, 0) AS won,
    COALESCE(d.revenue, 0) AS revenue
  FROM people AS p
  JOIN chosen AS c
    ON c.exhibition_id = p.exhibition_id
  LEFT JOIN contacts AS ct
    ON ct.contact_id = p.contact_id
  LEFT JOIN inquired AS q
    ON q.exhibition_id = p.exhibition_id AND q.person = p.person
  LEFT JOIN dealt AS d
    ON d.exhibition_id = p.exhibition_id AND d.person = p.person
), members AS (
  SELECT
    exhibition_id,
    exhibit_id,
    person,
    LOGICAL_OR(type IN ('booth_visit', 'demo')) AS stopped,
    LOGICAL_OR(type = 'demo') AS demo,
    LOGICAL_OR(type = 'badge_scan') AS scanned
  FROM (
    SELECT
      s.exhibition_id,
      CAST(NULL AS STRING) AS exhibit_id,
      s.person,
      s.type
    FROM show AS s
    JOIN chosen AS c
      ON c.exhibition_id = s.exhibition_id
  ) AS touched
  GROUP BY
    exhibition_id,
    exhibit_id,
    person
), counted AS (
  SELECT
    m.exhibition_id,
    m.exhibit_id,
    COUNT(*) AS people,
    COUNTIF(m.stopped) AS visitors,
    COUNTIF(m.demo) AS demo_visitors,
    COUNTIF(m.scanned) AS badge_scans,
    COUNTIF(f.is_lead) AS leads,
    COUNTIF(f.inquired) AS inquiries,
    COUNTIF(f.opportunities > 0) AS opportunity_contacts,
    SUM(f.opportunities) AS opportunities,
    SUM(f.won) AS won,
    SUM(f.revenue) AS revenue
  FROM members AS m
  JOIN flags AS f
    ON f.exhibition_id = m.exhibition_id AND f.person = m.person
  GROUP BY
    m.exhibition_id,
    m.exhibit_id
), dwell AS (
  SELECT
    exhibition_id,
    exhibit_id,
    AVG(dwell_seconds) AS avg_dwell_seconds,
    MEDIAN(dwell_seconds) AS median_dwell_seconds
  FROM (
    SELECT
      s.exhibition_id,
      CAST(NULL AS STRING) AS exhibit_id,
      s.dwell_seconds
    FROM show AS s
    JOIN chosen AS c
      ON c.exhibition_id = s.exhibition_id
    WHERE
      s.type = 'booth_visit'
  ) AS visits
  GROUP BY
    exhibition_id,
    exhibit_id
), traffic AS (
  SELECT
    exhibition_id,
    exhibit_id,
    SUM(passersby) AS passersby
  FROM (
    SELECT
      b.exhibition_id,
      CAST(NULL AS STRING) AS exhibit_id,
      b.passersby
    FROM booth_traffic AS b
    JOIN chosen AS c
      ON c.exhibition_id = b.exhibition_id
  ) AS counted_traffic
  GROUP BY
    exhibition_id,
    exhibit_id
), spend AS (
  SELECT
    exhibition_id,
    SUM(amount) AS cost
  FROM costs
  WHERE
    NOT exhibition_id IS NULL
  GROUP BY
    exhibition_id
), units AS (
  SELECT
    exhibition_id,
    exhibit_id
  FROM counted
  UNION DISTINCT
  SELECT
    exhibition_id,
    exhibit_id
  FROM traffic
)
SELECT
  u.exhibition_id,
  u.exhibit_id,
  c.first_at,
  c.last_at,
  COALESCE(t.passersby, 0) AS passersby,
  COALESCE(n.people, 0) AS people,
  COALESCE(n.visitors, 0) AS visitors,
  COALESCE(n.demo_visitors, 0) AS demo_visitors,
  COALESCE(n.badge_scans, 0) AS badge_scans,
  w.avg_dwell_seconds,
  w.median_dwell_seconds,
  COALESCE(n.leads, 0) AS leads,
  COALESCE(n.inquiries, 0) AS inquiries,
  COALESCE(n.opportunity_contacts, 0) AS opportunity_contacts,
  COALESCE(n.opportunities, 0) AS opportunities,
  COALESCE(n.won, 0) AS won,
  COALESCE(n.revenue, 0) AS revenue,
  sp.cost
FROM units AS u
JOIN chosen AS c
  ON c.exhibition_id = u.exhibition_id
LEFT JOIN counted AS n
  ON n.exhibition_id = u.exhibition_id
  AND n.exhibit_id IS NOT DISTINCT FROM u.exhibit_id
LEFT JOIN traffic AS t
  ON t.exhibition_id = u.exhibition_id
  AND t.exhibit_id IS NOT DISTINCT FROM u.exhibit_id
LEFT JOIN dwell AS w
  ON w.exhibition_id = u.exhibition_id
  AND w.exhibit_id IS NOT DISTINCT FROM u.exhibit_id
LEFT JOIN spend AS sp
  ON sp.exhibition_id = u.exhibition_id
ORDER BY
  c.first_at NULLS LAST,
  u.exhibition_id NULLS LAST,
  u.exhibit_id NULLS LAST;
