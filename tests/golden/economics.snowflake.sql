WITH first_won AS (
  SELECT
    d.account_id,
    d.closed_at,
    COALESCE(d.channel, c.channel) AS channel,
    c.campaign AS campaign,
    ROW_NUMBER() OVER (PARTITION BY d.account_id ORDER BY d.closed_at, d.deal_id) AS nth
  FROM deals AS d
  LEFT JOIN contacts AS c
    ON c.contact_id = d.contact_id
  WHERE
    d.outcome = 'won' AND NOT d.closed_at IS NULL AND NOT d.account_id IS NULL
), customers AS (
  SELECT
    f.account_id,
    f.closed_at AS acquired_at,
    f.channel,
    f.campaign,
    a.industry,
    a.size_band
  FROM first_won AS f
  LEFT JOIN accounts AS a
    ON a.account_id = f.account_id
  WHERE
    f.nth = 1
    AND f.closed_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMPNTZ)
    AND f.closed_at < CAST('2026-04-01 00:00:00' AS TIMESTAMPNTZ)
), purchases AS (
  SELECT
    account_id,
    closed_at AS at,
    CAST(amount AS DOUBLE) AS value,
    CAST(NULL AS DOUBLE) AS margin
  FROM deals
  WHERE
    outcome = 'won' AND NOT closed_at IS NULL AND NOT amount IS NULL
  UNION ALL
  SELECT
    account_id,
    ordered_at AS at,
    CAST(amount AS DOUBLE) AS value,
    CAST(gross_margin AS DOUBLE) AS margin
  FROM orders
  WHERE
    NOT ordered_at IS NULL
), months AS (
  SELECT
    c.account_id,
    (
      DATE_PART(YEAR, p.at) * 12 + DATE_PART(MONTH, p.at)
    ) - (
      DATE_PART(YEAR, c.acquired_at) * 12 + DATE_PART(MONTH, c.acquired_at)
    ) AS month,
    p.value,
    p.margin
  FROM customers AS c
  JOIN purchases AS p
    ON p.account_id = c.account_id AND p.at >= c.acquired_at
)
SELECT
  account_id,
  channel,
  campaign,
  industry,
  size_band,
  DATE_PART(YEAR, acquired_at) * 12 + DATE_PART(MONTH, acquired_at) AS acquired_month
FROM customers
ORDER BY
  account_id;

WITH first_won AS (
  SELECT
    d.account_id,
    d.closed_at,
    COALESCE(d.channel, c.channel) AS channel,
    c.campaign AS campaign,
    ROW_NUMBER() OVER (PARTITION BY d.account_id ORDER BY d.closed_at, d.deal_id) AS nth
  FROM deals AS d
  LEFT JOIN contacts AS c
    ON c.contact_id = d.contact_id
  WHERE
    d.outcome = 'won' AND NOT d.closed_at IS NULL AND NOT d.account_id IS NULL
), customers AS (
  SELECT
    f.account_id,
    f.closed_at AS acquired_at,
    f.channel,
    f.campaign,
    a.industry,
    a.size_band
  FROM first_won AS f
  LEFT JOIN accounts AS a
    ON a.account_id = f.account_id
  WHERE
    f.nth = 1
    AND f.closed_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMPNTZ)
    AND f.closed_at < CAST('2026-04-01 00:00:00' AS TIMESTAMPNTZ)
), purchases AS (
  SELECT
    account_id,
    closed_at AS at,
    CAST(amount AS DOUBLE) AS value,
    CAST(NULL AS DOUBLE) AS margin
  FROM deals
  WHERE
    outcome = 'won' AND NOT closed_at IS NULL AND NOT amount IS NULL
  UNION ALL
  SELECT
    account_id,
    ordered_at AS at,
    CAST(amount AS DOUBLE) AS value,
    CAST(gross_margin AS DOUBLE) AS margin
  FROM orders
  WHERE
    NOT ordered_at IS NULL
), months AS (
  SELECT
    c.account_id,
    (
      DATE_PART(YEAR, p.at) * 12 + DATE_PART(MONTH, p.at)
    ) - (
      DATE_PART(YEAR, c.acquired_at) * 12 + DATE_PART(MONTH, c.acquired_at)
    ) AS month,
    p.value,
    p.margin
  FROM customers AS c
  JOIN purchases AS p
    ON p.account_id = c.account_id AND p.at >= c.acquired_at
)
SELECT
  account_id,
  channel,
  campaign,
  industry,
  size_band,
  DATE_PART(YEAR, acquired_at) * 12 + DATE_PART(MONTH, acquired_at) AS acquired_month
FROM customers
ORDER BY
  account_id;

WITH first_won AS (
  SELECT
    d.account_id,
    d.closed_at,
    COALESCE(d.channel, c.channel) AS channel,
    c.campaign AS campaign,
    ROW_NUMBER() OVER (PARTITION BY d.account_id ORDER BY d.closed_at, d.deal_id) AS nth
  FROM deals AS d
  LEFT JOIN contacts AS c
    ON c.contact_id = d.contact_id
  WHERE
    d.outcome = 'won' AND NOT d.closed_at IS NULL AND NOT d.account_id IS NULL
), customers AS (
  SELECT
    f.account_id,
    f.closed_at AS acquired_at,
    f.channel,
    f.campaign,
    a.industry,
    a.size_band
  FROM first_won AS f
  LEFT JOIN accounts AS a
    ON a.account_id = f.account_id
  WHERE
    f.nth = 1
    AND f.closed_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMPNTZ)
    AND f.closed_at < CAST('2026-04-01 00:00:00' AS TIMESTAMPNTZ)
), purchases AS (
  SELECT
    account_id,
    closed_at AS at,
    CAST(amount AS DOUBLE) AS value,
    CAST(NULL AS DOUBLE) AS margin
  FROM deals
  WHERE
    outcome = 'won' AND NOT closed_at IS NULL AND NOT amount IS NULL
  UNION ALL
  SELECT
    account_id,
    ordered_at AS at,
    CAST(amount AS DOUBLE) AS value,
    CAST(gross_margin AS DOUBLE) AS margin
  FROM orders
  WHERE
    NOT ordered_at IS NULL
), months AS (
  SELECT
    c.account_id,
    (
      DATE_PART(YEAR, p.at) * 12 + DATE_PART(MONTH, p.at)
    ) - (
      DATE_PART(YEAR, c.acquired_at) * 12 + DATE_PART(MONTH, c.acquired_at)
    ) AS month,
    p.value,
    p.margin
  FROM customers AS c
  JOIN purchases AS p
    ON p.account_id = c.account_id AND p.at >= c.acquired_at
)
SELECT
  account_id,
  month,
  SUM(value) AS value,
  SUM(margin) AS margin,
  SUM(CASE WHEN margin IS NULL THEN value END) AS unmargined
FROM months
WHERE
  month < 36
GROUP BY
  account_id,
  month
ORDER BY
  account_id,
  month;

WITH first_won AS (
  SELECT
    d.account_id,
    d.closed_at,
    COALESCE(d.channel, c.channel) AS channel,
    c.campaign AS campaign,
    ROW_NUMBER() OVER (PARTITION BY d.account_id ORDER BY d.closed_at, d.deal_id) AS nth
  FROM deals AS d
  LEFT JOIN contacts AS c
    ON c.contact_id = d.contact_id
  WHERE
    d.outcome = 'won' AND NOT d.closed_at IS NULL AND NOT d.account_id IS NULL
), customers AS (
  SELECT
    f.account_id,
    f.closed_at AS acquired_at,
    f.channel,
    f.campaign,
    a.industry,
    a.size_band
  FROM first_won AS f
  LEFT JOIN accounts AS a
    ON a.account_id = f.account_id
  WHERE
    f.nth = 1
    AND f.closed_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMPNTZ)
    AND f.closed_at < CAST('2026-04-01 00:00:00' AS TIMESTAMPNTZ)
), purchases AS (
  SELECT
    account_id,
    closed_at AS at,
    CAST(amount AS DOUBLE) AS value,
    CAST(NULL AS DOUBLE) AS margin
  FROM deals
  WHERE
    outcome = 'won' AND NOT closed_at IS NULL AND NOT amount IS NULL
  UNION ALL
  SELECT
    account_id,
    ordered_at AS at,
    CAST(amount AS DOUBLE) AS value,
    CAST(gross_margin AS DOUBLE) AS margin
  FROM orders
  WHERE
    NOT ordered_at IS NULL
), months AS (
  SELECT
    c.account_id,
    (
      DATE_PART(YEAR, p.at) * 12 + DATE_PART(MONTH, p.at)
    ) - (
      DATE_PART(YEAR, c.acquired_at) * 12 + DATE_PART(MONTH, c.acquired_at)
    ) AS month,
    p.value,
    p.margin
  FROM customers AS c
  JOIN purchases AS p
    ON p.account_id = c.account_id AND p.at >= c.acquired_at
)
SELECT
  account_id,
  month,
  SUM(value) AS value,
  SUM(margin) AS margin,
  SUM(CASE WHEN margin IS NULL THEN value END) AS unmargined
FROM months
WHERE
  month < 36
GROUP BY
  account_id,
  month
ORDER BY
  account_id,
  month;

SELECT
  (
    SELECT
      SUM(CAST(gross_margin AS DOUBLE))
    FROM orders
    WHERE
      NOT gross_margin IS NULL
  ),
  (
    SELECT
      SUM(CAST(amount AS DOUBLE))
    FROM orders
    WHERE
      NOT gross_margin IS NULL
  ),
  (
    SELECT
      MAX(t)
    FROM (
      SELECT
        MAX(closed_at) AS t
      FROM deals
      WHERE
        outcome = 'won'
      UNION ALL
      SELECT
        MAX(ordered_at) AS t
      FROM orders
    ) AS ends
  );

SELECT
  (
    SELECT
      SUM(CAST(gross_margin AS DOUBLE))
    FROM orders
    WHERE
      NOT gross_margin IS NULL
  ),
  (
    SELECT
      SUM(CAST(amount AS DOUBLE))
    FROM orders
    WHERE
      NOT gross_margin IS NULL
  ),
  (
    SELECT
      MAX(t)
    FROM (
      SELECT
        MAX(closed_at) AS t
      FROM deals
      WHERE
        outcome = 'won'
      UNION ALL
      SELECT
        MAX(ordered_at) AS t
      FROM orders
    ) AS ends
  );

SELECT
  channel AS k,
  category,
  SUM(CAST(amount AS DOUBLE))
FROM costs
WHERE
  date >= CAST('2025-04-01' AS DATE) AND date <= CAST('2026-03-31' AS DATE)
GROUP BY
  1,
  2
ORDER BY
  1,
  2;

SELECT
  channel AS k,
  category,
  SUM(CAST(amount AS DOUBLE))
FROM costs
WHERE
  date >= CAST('2025-04-01' AS DATE) AND date <= CAST('2026-03-31' AS DATE)
GROUP BY
  1,
  2
ORDER BY
  1,
  2;
