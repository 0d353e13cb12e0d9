WITH ev AS MATERIALIZED (
  SELECT
    "touchpoints"."contact_id" AS u,
    "touchpoints"."occurred_at" AS t,
    DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMP), "touchpoints"."occurred_at") * 64 + CASE
      WHEN "touchpoints"."type" = 'booth_visit'
      THEN 0
      WHEN "touchpoints"."type" = 'demo'
      THEN 1
      WHEN "touchpoints"."type" = 'inquiry'
      THEN 2
      ELSE 3
    END AS k,
    NULL AS g,
    COALESCE("touchpoints"."type" = 'booth_visit', FALSE) AS m1,
    COALESCE("touchpoints"."type" = 'demo', FALSE) AS m2,
    COALESCE("touchpoints"."type" = 'inquiry', FALSE) AS m3
  FROM touchpoints
  WHERE
    NOT "touchpoints"."contact_id" IS NULL
    AND (
      "touchpoints"."type" = 'booth_visit'
      OR "touchpoints"."type" = 'demo'
      OR "touchpoints"."type" = 'inquiry'
    )
), s1 AS (
  SELECT
    u,
    t,
    k,
    g
  FROM ev
  WHERE
    m1
), s2 AS (
  SELECT
    u,
    t,
    k
  FROM ev
  WHERE
    m2
), s3 AS (
  SELECT
    u,
    t,
    k
  FROM ev
  WHERE
    m3
), a1 AS (
  SELECT
    u,
    g,
    t AS t1,
    k AS k1
  FROM s1
), a2 AS (
  SELECT
    a.u,
    a.g,
    a.t1,
    a.k1,
    MIN(s.t) AS t2,
    MIN(s.k) AS k2
  FROM a1 AS a
  LEFT JOIN s2 AS s
    ON a.u = s.u
    AND s.k > a.k1
    AND (
      s.t <= a.t1 + INTERVAL '2592000000000 MICROSECOND'
    )
  GROUP BY
    a.u,
    a.g,
    a.t1,
    a.k1
), a3 AS (
  SELECT
    a.u,
    a.g,
    a.t1,
    a.k1,
    a.t2,
    a.k2,
    MIN(s.t) AS t3,
    MIN(s.k) AS k3
  FROM a2 AS a
  LEFT JOIN s3 AS s
    ON a.u = s.u
    AND s.k > a.k2
    AND (
      s.t <= a.t1 + INTERVAL '2592000000000 MICROSECOND'
    )
  GROUP BY
    a.u,
    a.g,
    a.t1,
    a.k1,
    a.t2,
    a.k2
), scored AS (
  SELECT
    u,
    g,
    k1,
    CAST(NOT t1 IS NULL AS INT) + CAST(NOT t2 IS NULL AS INT) + CAST(NOT t3 IS NULL AS INT) AS reached,
    t1,
    t2,
    t3
  FROM a3
), ranked AS (
  SELECT
    *,
    ROW_NUMBER() OVER (PARTITION BY u ORDER BY reached DESC NULLS LAST, k1, g) AS r
  FROM scored
), units AS (
  SELECT
    u AS unit,
    reached,
    g AS grp,
    CASE WHEN reached >= 1 THEN t1 END AS t1,
    CASE WHEN reached >= 2 THEN t2 END AS t2,
    CASE WHEN reached >= 3 THEN t3 END AS t3
  FROM ranked
  WHERE
    r = 1
)
SELECT
  1 AS is_total,
  NULL AS grp,
  COUNT_IF(reached >= 1) AS n1,
  COUNT_IF(reached >= 2) AS n2,
  COUNT_IF(reached >= 3) AS n3,
  COUNT(
    CAST(DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t2) - DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t1) AS DOUBLE) / 1000000
  ) AS d2_count,
  AVG(
    CAST(DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t2) - DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t1) AS DOUBLE) / 1000000
  ) AS d2_mean,
  PERCENTILE_CONT([0.5, 0.25, 0.75]) WITHIN GROUP (ORDER BY
    CAST(DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t2) - DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t1) AS DOUBLE) / 1000000) AS d2_q,
  COUNT(
    CAST(DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t3) - DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t2) AS DOUBLE) / 1000000
  ) AS d3_count,
  AVG(
    CAST(DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t3) - DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t2) AS DOUBLE) / 1000000
  ) AS d3_mean,
  PERCENTILE_CONT([0.5, 0.25, 0.75]) WITHIN GROUP (ORDER BY
    CAST(DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t3) - DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t2) AS DOUBLE) / 1000000) AS d3_q,
  COUNT(
    CAST(DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t3) - DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t1) AS DOUBLE) / 1000000
  ) AS dall_count,
  AVG(
    CAST(DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t3) - DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t1) AS DOUBLE) / 1000000
  ) AS dall_mean,
  PERCENTILE_CONT([0.5, 0.25, 0.75]) WITHIN GROUP (ORDER BY
    CAST(DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t3) - DATEDIFF(MICROSECOND, CAST('1970-01-01 00:00:00' AS TIMESTAMPNTZ), t1) AS DOUBLE) / 1000000) AS dall_q
FROM units;

SELECT
  EXISTS(
    SELECT
      1
    FROM touchpoints
    LIMIT 1
  ) AS rows,
  EXISTS(
    SELECT
      1
    FROM touchpoints
    WHERE
      "touchpoints"."type" = 'inquiry'
    LIMIT 1
  ) AS a3,
  EXISTS(
    SELECT
      1
    FROM touchpoints
    WHERE
      "touchpoints"."type" = 'inquiry'
    LIMIT 1
  ) AS p3;

SELECT
  EXISTS(
    SELECT
      1
    FROM touchpoints
    LIMIT 1
  ) AS rows,
  EXISTS(
    SELECT
      1
    FROM touchpoints
    WHERE
      "touchpoints"."type" = 'inquiry'
    LIMIT 1
  ) AS a3,
  EXISTS(
    SELECT
      1
    FROM touchpoints
    WHERE
      "touchpoints"."type" = 'inquiry'
    LIMIT 1
  ) AS p3;
