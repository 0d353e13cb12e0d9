SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(CAST(`surveys`.`answered_at` AS DATETIME)) AS lo,
    MAX(CAST(`surveys`.`answered_at` AS DATETIME)) AS hi
  FROM surveys
  UNION ALL
  SELECT
    MIN(CAST(`brand_signals`.`date` AS DATETIME)) AS lo,
    MAX(CAST(`brand_signals`.`date` AS DATETIME)) AS hi
  FROM brand_signals
) AS spans;

SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(CAST(`surveys`.`answered_at` AS DATETIME)) AS lo,
    MAX(CAST(`surveys`.`answered_at` AS DATETIME)) AS hi
  FROM surveys
  UNION ALL
  SELECT
    MIN(CAST(`brand_signals`.`date` AS DATETIME)) AS lo,
    MAX(CAST(`brand_signals`.`date` AS DATETIME)) AS hi
  FROM brand_signals
) AS spans;

SELECT
  EXTRACT(YEAR FROM s.answered_at) AS y,
  EXTRACT(MONTH FROM s.answered_at) AS m,
  s.kind,
  CAST(NULL AS STRING) AS segment,
  CAST(s.score AS FLOAT64) AS score,
  COUNT(*) AS n
FROM surveys AS s
LEFT JOIN accounts AS a
  ON a.account_id = s.account_id
WHERE
  NOT s.score IS NULL
  AND s.answered_at >= CAST('2023-04-01 00:00:00' AS DATETIME)
  AND s.answered_at < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  1,
  2,
  3,
  4,
  5
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST,
  3 NULLS LAST,
  4 NULLS LAST,
  5 NULLS LAST;

SELECT
  EXTRACT(YEAR FROM s.answered_at) AS y,
  EXTRACT(MONTH FROM s.answered_at) AS m,
  s.kind,
  CAST(NULL AS STRING) AS segment,
  CAST(s.score AS FLOAT64) AS score,
  COUNT(*) AS n
FROM surveys AS s
LEFT JOIN accounts AS a
  ON a.account_id = s.account_id
WHERE
  NOT s.score IS NULL
  AND s.answered_at >= CAST('2023-04-01 00:00:00' AS DATETIME)
  AND s.answered_at < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  1,
  2,
  3,
  4,
  5
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST,
  3 NULLS LAST,
  4 NULLS LAST,
  5 NULLS LAST;

SELECT
  EXTRACT(YEAR FROM date) AS y,
  EXTRACT(MONTH FROM date) AS m,
  kind,
  COUNT(*) AS n,
  SUM(CAST(value AS FLOAT64)) AS total,
  SUM(CAST(value AS FLOAT64) * CAST(value AS FLOAT64)) AS squares,
  SUM(CAST(sentiment AS FLOAT64)) AS sentiment,
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
  1 NULLS LAST,
  2 NULLS LAST,
  3 NULLS LAST;

SELECT
  EXTRACT(YEAR FROM date) AS y,
  EXTRACT(MONTH FROM date) AS m,
  kind,
  COUNT(*) AS n,
  SUM(CAST(value AS FLOAT64)) AS total,
  SUM(CAST(value AS FLOAT64) * CAST(value AS FLOAT64)) AS squares,
  SUM(CAST(sentiment AS FLOAT64)) AS sentiment,
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
  1 NULLS LAST,
  2 NULLS LAST,
  3 NULLS LAST;

SELECT
  kind,
  EXTRACT(YEAR FROM date) AS y,
  EXTRACT(MONTH FROM date) AS m,
  SUM(CAST(value AS FLOAT64)) AS v
FROM brand_signals
WHERE
  NOT value IS NULL
GROUP BY
  1,
  2,
  3
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST,
  3 NULLS LAST;

SELECT
  kind,
  EXTRACT(YEAR FROM date) AS y,
  EXTRACT(MONTH FROM date) AS m,
  SUM(CAST(value AS FLOAT64)) AS v
FROM brand_signals
WHERE
  NOT value IS NULL
GROUP BY
  1,
  2,
  3
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST,
  3 NULLS LAST;

SELECT
  EXTRACT(YEAR FROM created_at) AS y,
  EXTRACT(MONTH FROM created_at) AS m,
  COUNT(*) AS v
FROM contacts
WHERE
  NOT created_at IS NULL
GROUP BY
  1,
  2
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;

SELECT
  EXTRACT(YEAR FROM created_at) AS y,
  EXTRACT(MONTH FROM created_at) AS m,
  COUNT(*) AS v
FROM contacts
WHERE
  NOT created_at IS NULL
GROUP BY
  1,
  2
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;

SELECT
  EXTRACT(YEAR FROM created_at) AS y,
  EXTRACT(MONTH FROM created_at) AS m,
  COUNT(*) AS v
FROM deals
WHERE
  NOT created_at IS NULL
GROUP BY
  1,
  2
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;

SELECT
  EXTRACT(YEAR FROM created_at) AS y,
  EXTRACT(MONTH FROM created_at) AS m,
  COUNT(*) AS v
FROM deals
WHERE
  NOT created_at IS NULL
GROUP BY
  1,
  2
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
