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
      "touchpoints"."channel" <> 'sales'
    )
    AND touchpoints.occurred_at <= n.anchor
    AND NOT (
      n.conv AND touchpoints.occurred_at = n.anchor
    )
    AND touchpoints.occurred_at >= n.anchor - INTERVAL '2592000000000' MICROSECOND
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
), seq AS (
  SELECT
    u,
    t,
    step,
    LAG(step) OVER (PARTITION BY u ORDER BY t, step) AS prev
  FROM win
  WHERE
    conv
), collapsed AS (
  SELECT
    u,
    step,
    ROW_NUMBER() OVER (PARTITION BY u ORDER BY t, step) AS pos,
    COUNT(*) OVER (PARTITION BY u) AS len
  FROM seq
  WHERE
    prev IS NULL OR prev <> step
), slotted AS (
  SELECT
    u,
    step,
    len,
    CASE
      WHEN len <= 5
      THEN pos
      WHEN pos = 1
      THEN 1
      WHEN pos > len - 3
      THEN pos - len + 5
    END AS slot
  FROM collapsed
), cut AS (
  SELECT
    MAX(CASE WHEN slot = 1 THEN step END) AS p1,
    CASE WHEN MAX(len) > 5 THEN '…' ELSE MAX(CASE WHEN slot = 2 THEN step END) END AS p2,
    MAX(CASE WHEN slot = 3 THEN step END) AS p3,
    MAX(CASE WHEN slot = 4 THEN step END) AS p4,
    MAX(CASE WHEN slot = 5 THEN step END) AS p5
  FROM slotted
  WHERE
    NOT slot IS NULL
  GROUP BY
    u
), counted AS (
  SELECT
    p1,
    p2,
    p3,
    p4,
    p5,
    COUNT(*) AS n,
    SUM(COUNT(*)) OVER () AS total
  FROM cut
  GROUP BY
    p1,
    p2,
    p3,
    p4,
    p5
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
) AS counts
UNION ALL
SELECT
  -1,
  NULL,
  NULL,
  NULL,
  n,
  NULL,
  p1,
  p2,
  p3,
  p4,
  p5,
  total
FROM (
  SELECT
    p1,
    p2,
    p3,
    p4,
    p5,
    n,
    total
  FROM counted
  ORDER BY
    n DESC,
    p1 NULLS FIRST,
    p2 NULLS FIRST,
    p3 NULLS FIRST,
    p4 NULLS FIRST,
    p5 NULLS FIRST
  LIMIT 10
) AS top_paths;
