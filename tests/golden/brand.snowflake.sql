SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(CAST("surveys"."answered_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("surveys"."answered_at" AS TIMESTAMP)) AS hi
  FROM surveys
  UNION ALL
  SELECT
    MIN(CAST("brand_signals"."date" AS TIMESTAMP)) AS lo,
    MAX(CAST("brand_signals"."date" AS TIMESTAMP)) AS hi
  FROM brand_signals
) AS spans;

SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(CAST("surveys"."answered_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("surveys"."answered_at" AS TIMESTAMP)) AS hi
  FROM surveys
  UNION ALL
  SELECT
    MIN(CAST("brand_signals"."date" AS TIMESTAMP)) AS lo,
    MAX(CAST("brand_signals"."date" AS TIMESTAMP)) AS hi
  FROM brand_signals
) AS spans;

SELECT
  DATE_PART(YEAR, s.answered_at) AS y,
  DATE_PART(MONTH, s.answered_at) AS m,
  s.kind,
  CAST(NULL AS VARCHAR) AS segment,
  CAST(s.score AS DOUBLE) AS score,
  COUNT(*) AS n
FROM surveys AS s
LEFT JOIN accounts AS a
  ON a.account_id = s.account_id
WHERE
  NOT s.score IS NULL
  AND s.answered_at >= CAST('2023-04-01 00:00:00' AS TIMESTAMPNTZ)
  AND s.answered_at < CAST('2026-04-01 00:00:00' AS TIMESTAMPNTZ)
GROUP BY
  1,
  2,
  3,
  4,
  5
ORDER BY
  1,
  2,
  3,
  4,
  5;

SELECT
  DATE_PART(YEAR, s.answered_at) AS y,
  DATE_PART(MONTH, s.answered_at) AS m,
  s.kind,
  CAST(NULL AS VARCHAR) AS segment,
  CAST(s.score AS DOUBLE) AS score,
  COUNT(*) AS n
FROM surveys AS s
LEFT JOIN accounts AS a
  ON a.account_id = s.account_id
WHERE
  NOT s.score IS NULL
  AND s.answered_at >= CAST('2023-04-01 00:00:00' AS TIMESTAMPNTZ)
  AND s.answered_at < CAST('2026-04-01 00:00:00' AS TIMESTAMPNTZ)
GROUP BY
  1,
  2,
  3,
  4,
  5
ORDER BY
  1,
  2,
  3,
  4,
  5;

SELECT
  DATE_PART(YEAR, date) AS y,
  DATE_PART(MONTH, date) AS m,
  kind,
  COUNT(*) AS n,
  SUM(CAST(value AS DOUBLE)) AS total,
  SUM(CAST(value AS DOUBLE) * CAST(value AS DOUBLE)) AS squares,
  SUM(CAST(sentiment AS DOUBLE)) AS sentiment,
  COUNT(sentiment) AS rated
FROM brand_signals
WHERE
  NOT value IS NULL
  AND date >= CAST('2023-04-01' AS DATE)
  AND date < CAST('2026-04-01' AS DATE)
GROUP BY
  1,
  2,
  3
ORDER BY
  1,
  2,
  3;

SELECT
  DATE_PART(YEAR, date) AS y,
  DATE_PART(MONTH, date) AS m,
  kind,
  COUNT(*) AS n,
  SUM(CAST(value AS DOUBLE)) AS total,
  SUM(CAST(value AS DOUBLE) * CAST(value AS DOUBLE)) AS squares,
  SUM(CAST(sentiment AS DOUBLE)) AS sentiment,
  COUNT(sentiment) AS rated
FROM brand_signals
WHERE
  NOT value IS NULL
  AND date >= CAST('2023-04-01' AS DATE)
  AND date < CAST('2026-04-01' AS DATE)
GROUP BY
  1,
  2,
  3
ORDER BY
  1,
  2,
  3;

SELECT
  kind,
  DATE_PART(YEAR, date) AS y,
  DATE_PART(MONTH, date) AS m,
  SUM(CAST(value AS DOUBLE)) AS v
FROM brand_signals
WHERE
  NOT value IS NULL
GROUP BY
  1,
  2,
  3
ORDER BY
  1,
  2,
  3;

SELECT
  kind,
  DATE_PART(YEAR, date) AS y,
  DATE_PART(MONTH, date) AS m,
  SUM(CAST(value AS DOUBLE)) AS v
FROM brand_signals
WHERE
  NOT value IS NULL
GROUP BY
  1,
  2,
  3
ORDER BY
  1,
  2,
  3;

SELECT
  DATE_PART(YEAR, created_at) AS y,
  DATE_PART(MONTH, created_at) AS m,
  COUNT(*) AS v
FROM contacts
WHERE
  NOT created_at IS NULL
GROUP BY
  1,
  2
ORDER BY
  1,
  2;

SELECT
  DATE_PART(YEAR, created_at) AS y,
  DATE_PART(MONTH, created_at) AS m,
  COUNT(*) AS v
FROM contacts
WHERE
  NOT created_at IS NULL
GROUP BY
  1,
  2
ORDER BY
  1,
  2;

SELECT
  DATE_PART(YEAR, created_at) AS y,
  DATE_PART(MONTH, created_at) AS m,
  COUNT(*) AS v
FROM deals
WHERE
  NOT created_at IS NULL
GROUP BY
  1,
  2
ORDER BY
  1,
  2;

SELECT
  DATE_PART(YEAR, created_at) AS y,
  DATE_PART(MONTH, created_at) AS m,
  COUNT(*) AS v
FROM deals
WHERE
  NOT created_at IS NULL
GROUP BY
  1,
  2
ORDER BY
  1,
  2;
