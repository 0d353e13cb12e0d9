SELECT
  MIN(`day`),
  MAX(`day`)
FROM (
  SELECT
    `account_id`,
    `day`,
    SUM(`value`) AS value,
    MAX(`renewal`) AS renewal
  FROM (
    SELECT
      `account_id`,
      CAST(`ordered_at` AS DATE) AS day,
      CAST(`amount` AS FLOAT64) AS value,
      CASE WHEN `kind` = 'renewal' THEN 1 ELSE 0 END AS renewal
    FROM orders
    WHERE
      NOT `account_id` IS NULL AND NOT `ordered_at` IS NULL
    UNION ALL
    SELECT
      `account_id`,
      CAST(`closed_at` AS DATE) AS day,
      CAST(COALESCE(`amount`, 0) AS FLOAT64) AS value,
      0 AS renewal
    FROM deals
    WHERE
      `outcome` = 'won' AND NOT `account_id` IS NULL AND NOT `closed_at` IS NULL
  ) AS purchases
  GROUP BY
    `account_id`,
    `day`
) AS o;

SELECT
  MIN(`day`),
  MAX(`day`)
FROM (
  SELECT
    `account_id`,
    `day`,
    SUM(`value`) AS value,
    MAX(`renewal`) AS renewal
  FROM (
    SELECT
      `account_id`,
      CAST(`ordered_at` AS DATE) AS day,
      CAST(`amount` AS FLOAT64) AS value,
      CASE WHEN `kind` = 'renewal' THEN 1 ELSE 0 END AS renewal
    FROM orders
    WHERE
      NOT `account_id` IS NULL AND NOT `ordered_at` IS NULL
    UNION ALL
    SELECT
      `account_id`,
      CAST(`closed_at` AS DATE) AS day,
      CAST(COALESCE(`amount`, 0) AS FLOAT64) AS value,
      0 AS renewal
    FROM deals
    WHERE
      `outcome` = 'won' AND NOT `account_id` IS NULL AND NOT `closed_at` IS NULL
  ) AS purchases
  GROUP BY
    `account_id`,
    `day`
) AS o;

WITH occasions AS (
  SELECT
    `account_id`,
    `day`,
    SUM(`value`) AS value,
    MAX(`renewal`) AS renewal
  FROM (
    SELECT
      `account_id`,
      CAST(`ordered_at` AS DATE) AS day,
      CAST(`amount` AS FLOAT64) AS value,
      CASE WHEN `kind` = 'renewal' THEN 1 ELSE 0 END AS renewal
    FROM orders
    WHERE
      NOT `account_id` IS NULL AND NOT `ordered_at` IS NULL
    UNION ALL
    SELECT
      `account_id`,
      CAST(`closed_at` AS DATE) AS day,
      CAST(COALESCE(`amount`, 0) AS FLOAT64) AS value,
      0 AS renewal
    FROM deals
    WHERE
      `outcome` = 'won' AND NOT `account_id` IS NULL AND NOT `closed_at` IS NULL
  ) AS purchases
  GROUP BY
    `account_id`,
    `day`
), firsts AS (
  SELECT
    `account_id`,
    MIN(`day`) AS first_day
  FROM occasions
  GROUP BY
    `account_id`
)
SELECT
  `f`.`account_id`,
  `f`.`first_day` AS first_day,
  COUNT(
    CASE
      WHEN `o`.`day` > `f`.`first_day` AND `o`.`day` <= CAST('2024-12-25' AS DATE)
      THEN 1
    END
  ) AS x,
  COALESCE(
    MAX(
      CASE
        WHEN `o`.`day` > `f`.`first_day` AND `o`.`day` <= CAST('2024-12-25' AS DATE)
        THEN DATE_DIFF(`o`.`day`, `f`.`first_day`, DAY)
      END
    ),
    0
  ) AS t_x_days,
  DATE_DIFF(CAST('2024-12-25' AS DATE), `f`.`first_day`, DAY) AS T_days,
  COALESCE(
    SUM(
      CASE
        WHEN `o`.`day` > `f`.`first_day` AND `o`.`day` <= CAST('2024-12-25' AS DATE)
        THEN `o`.`value`
      END
    ),
    0.0
  ) AS repeat_value,
  COUNT(
    CASE
      WHEN (
        `o`.`day` > `f`.`first_day` AND `o`.`day` <= CAST('2024-12-25' AS DATE)
      )
      AND `o`.`renewal` = 1
      THEN 1
    END
  ) AS renewals,
  COUNT(
    CASE
      WHEN `o`.`day` >= CAST('2024-12-26' AS DATE)
      AND `o`.`day` <= CAST('2026-03-31' AS DATE)
      THEN 1
    END
  ) AS holdout_x,
  COALESCE(
    SUM(
      CASE
        WHEN `o`.`day` >= CAST('2024-12-26' AS DATE)
        AND `o`.`day` <= CAST('2026-03-31' AS DATE)
        THEN `o`.`value`
      END
    ),
    0.0
  ) AS holdout_value,
  COUNT(
    CASE
      WHEN (
        `o`.`day` >= CAST('2024-12-26' AS DATE)
        AND `o`.`day` <= CAST('2026-03-31' AS DATE)
      )
      AND `o`.`renewal` = 1
      THEN 1
    END
  ) AS holdout_renewals
FROM firsts AS f
JOIN occasions AS o
  ON `o`.`account_id` = `f`.`account_id`
WHERE
  `f`.`first_day` >= CAST('2023-09-22' AS DATE)
  AND `f`.`first_day` <= CAST('2024-12-25' AS DATE)
GROUP BY
  `f`.`account_id`,
  first_day
ORDER BY
  `f`.`account_id`;

WITH occasions AS (
  SELECT
    `account_id`,
    `day`,
    SUM(`value`) AS value,
    MAX(`renewal`) AS renewal
  FROM (
    SELECT
      `account_id`,
      CAST(`ordered_at` AS DATE) AS day,
      CAST(`amount` AS FLOAT64) AS value,
      CASE WHEN `kind` = 'renewal' THEN 1 ELSE 0 END AS renewal
    FROM orders
    WHERE
      NOT `account_id` IS NULL AND NOT `ordered_at` IS NULL
    UNION ALL
    SELECT
      `account_id`,
      CAST(`closed_at` AS DATE) AS day,
      CAST(COALESCE(`amount`, 0) AS FLOAT64) AS value,
      0 AS renewal
    FROM deals
    WHERE
      `outcome` = 'won' AND NOT `account_id` IS NULL AND NOT `closed_at` IS NULL
  ) AS purchases
  GROUP BY
    `account_id`,
    `day`
), firsts AS (
  SELECT
    `account_id`,
    MIN(`day`) AS first_day
  FROM occasions
  GROUP BY
    `account_id`
)
SELECT
  `f`.`account_id`,
  `f`.`first_day` AS first_day,
  COUNT(
    CASE
      WHEN `o`.`day` > `f`.`first_day` AND `o`.`day` <= CAST('2024-12-25' AS DATE)
      THEN 1
    END
  ) AS x,
  COALESCE(
    MAX(
      CASE
        WHEN `o`.`day` > `f`.`first_day` AND `o`.`day` <= CAST('2024-12-25' AS DATE)
        THEN DATE_DIFF(`o`.`day`, `f`.`first_day`, DAY)
      END
    ),
    0
  ) AS t_x_days,
  DATE_DIFF(CAST('2024-12-25' AS DATE), `f`.`first_day`, DAY) AS T_days,
  COALESCE(
    SUM(
      CASE
        WHEN `o`.`day` > `f`.`first_day` AND `o`.`day` <= CAST('2024-12-25' AS DATE)
        THEN `o`.`value`
      END
    ),
    0.0
  ) AS repeat_value,
  COUNT(
    CASE
      WHEN (
        `o`.`day` > `f`.`first_day` AND `o`.`day` <= CAST('2024-12-25' AS DATE)
      )
      AND `o`.`renewal` = 1
      THEN 1
    END
  ) AS renewals,
  COUNT(
    CASE
      WHEN `o`.`day` >= CAST('2024-12-26' AS DATE)
      AND `o`.`day` <= CAST('2026-03-31' AS DATE)
      THEN 1
    END
  ) AS holdout_x,
  COALESCE(
    SUM(
      CASE
        WHEN `o`.`day` >= CAST('2024-12-26' AS DATE)
        AND `o`.`day` <= CAST('2026-03-31' AS DATE)
        THEN `o`.`value`
      END
    ),
    0.0
  ) AS holdout_value,
  COUNT(
    CASE
      WHEN (
        `o`.`day` >= CAST('2024-12-26' AS DATE)
        AND `o`.`day` <= CAST('2026-03-31' AS DATE)
      )
      AND `o`.`renewal` = 1
      THEN 1
    END
  ) AS holdout_renewals
FROM firsts AS f
JOIN occasions AS o
  ON `o`.`account_id` = `f`.`account_id`
WHERE
  `f`.`first_day` >= CAST('2023-09-22' AS DATE)
  AND `f`.`first_day` <= CAST('2024-12-25' AS DATE)
GROUP BY
  `f`.`account_id`,
  first_day
ORDER BY
  `f`.`account_id`;
