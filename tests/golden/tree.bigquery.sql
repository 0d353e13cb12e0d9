SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(`closed_at`) AS lo,
    MAX(`closed_at`) AS hi
  FROM deals
) AS bounds;

SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(`closed_at`) AS lo,
    MAX(`closed_at`) AS hi
  FROM deals
) AS bounds;

SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(CAST(`contacts`.`created_at` AS DATETIME)) AS lo,
    MAX(CAST(`contacts`.`created_at` AS DATETIME)) AS hi
  FROM contacts
  UNION ALL
  SELECT
    MIN(CAST(`stage_history`.`entered_at` AS DATETIME)) AS lo,
    MAX(CAST(`stage_history`.`entered_at` AS DATETIME)) AS hi
  FROM stage_history
  UNION ALL
  SELECT
    MIN(CAST(`deals`.`created_at` AS DATETIME)) AS lo,
    MAX(CAST(`deals`.`created_at` AS DATETIME)) AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN(CAST(`touchpoints`.`occurred_at` AS DATETIME)) AS lo,
    MAX(CAST(`touchpoints`.`occurred_at` AS DATETIME)) AS hi
  FROM touchpoints
  UNION ALL
  SELECT
    MIN(CAST(`booth_traffic`.`hour` AS DATETIME)) AS lo,
    MAX(CAST(`booth_traffic`.`hour` AS DATETIME)) AS hi
  FROM booth_traffic
  UNION ALL
  SELECT
    MIN(CAST(`costs`.`date` AS DATETIME)) AS lo,
    MAX(CAST(`costs`.`date` AS DATETIME)) AS hi
  FROM costs
  UNION ALL
  SELECT
    MIN(CAST(`orders`.`ordered_at` AS DATETIME)) AS lo,
    MAX(CAST(`orders`.`ordered_at` AS DATETIME)) AS hi
  FROM orders
  UNION ALL
  SELECT
    MIN(CAST(`surveys`.`answered_at` AS DATETIME)) AS lo,
    MAX(CAST(`surveys`.`answered_at` AS DATETIME)) AS hi
  FROM surveys
  UNION ALL
  SELECT
    MIN(CAST(`brand_signals`.`date` AS DATETIME)) AS lo,
    MAX(CAST(`brand_signals`.`date` AS DATETIME)) AS hi
  FROM brand_signals
  UNION ALL
  SELECT
    MIN(CAST(`deals`.`closed_at` AS DATETIME)) AS lo,
    MAX(CAST(`deals`.`closed_at` AS DATETIME)) AS hi
  FROM deals
) AS spans;

SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(CAST(`contacts`.`created_at` AS DATETIME)) AS lo,
    MAX(CAST(`contacts`.`created_at` AS DATETIME)) AS hi
  FROM contacts
  UNION ALL
  SELECT
    MIN(CAST(`stage_history`.`entered_at` AS DATETIME)) AS lo,
    MAX(CAST(`stage_history`.`entered_at` AS DATETIME)) AS hi
  FROM stage_history
  UNION ALL
  SELECT
    MIN(CAST(`deals`.`created_at` AS DATETIME)) AS lo,
    MAX(CAST(`deals`.`created_at` AS DATETIME)) AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN(CAST(`touchpoints`.`occurred_at` AS DATETIME)) AS lo,
    MAX(CAST(`touchpoints`.`occurred_at` AS DATETIME)) AS hi
  FROM touchpoints
  UNION ALL
  SELECT
    MIN(CAST(`booth_traffic`.`hour` AS DATETIME)) AS lo,
    MAX(CAST(`booth_traffic`.`hour` AS DATETIME)) AS hi
  FROM booth_traffic
  UNION ALL
  SELECT
    MIN(CAST(`costs`.`date` AS DATETIME)) AS lo,
    MAX(CAST(`costs`.`date` AS DATETIME)) AS hi
  FROM costs
  UNION ALL
  SELECT
    MIN(CAST(`orders`.`ordered_at` AS DATETIME)) AS lo,
    MAX(CAST(`orders`.`ordered_at` AS DATETIME)) AS hi
  FROM orders
  UNION ALL
  SELECT
    MIN(CAST(`surveys`.`answered_at` AS DATETIME)) AS lo,
    MAX(CAST(`surveys`.`answered_at` AS DATETIME)) AS hi
  FROM surveys
  UNION ALL
  SELECT
    MIN(CAST(`brand_signals`.`date` AS DATETIME)) AS lo,
    MAX(CAST(`brand_signals`.`date` AS DATETIME)) AS hi
  FROM brand_signals
  UNION ALL
  SELECT
    MIN(CAST(`deals`.`closed_at` AS DATETIME)) AS lo,
    MAX(CAST(`deals`.`closed_at` AS DATETIME)) AS hi
  FROM deals
) AS spans;

SELECT
  CASE
    WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
    THEN 1
  END AS side,
  SUM(IF(`deals`.`outcome` = 'won', `deals`.`amount`, NULL)) AS `revenue`,
  COUNT(IF(`deals`.`outcome` = 'won', `deals`.`amount`, NULL)) AS `revenue__n`,
  SUM(
    IF(
      `deals`.`outcome` = 'won',
      CAST(`deals`.`amount` AS FLOAT64) * CAST(`deals`.`amount` AS FLOAT64),
      NULL
    )
  ) AS `revenue__sq`
FROM deals
WHERE
  (
    `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 1
      END
    )
  );

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  SUM(IF(`deals`.`outcome` = 'won', `deals`.`amount`, NULL)) AS `revenue`,
  COUNTIF(`deals`.`outcome` = 'won') AS `won_deals`,
  COUNTIF(`deals`.`outcome` IN ('won', 'lost')) AS `closed_deals`
FROM deals
WHERE
  `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNT(*) AS `opportunities`
FROM deals
WHERE
  `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'sql') AS `sqls`,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'mql') AS `mqls`
FROM stage_history
WHERE
  `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNT(*) AS `leads`
FROM contacts
WHERE
  `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  SUM(IF(`deals`.`outcome` = 'won', `deals`.`amount`, NULL)) AS `revenue`,
  COUNTIF(`deals`.`outcome` = 'won') AS `won_deals`,
  COUNTIF(`deals`.`outcome` IN ('won', 'lost')) AS `closed_deals`
FROM deals
WHERE
  `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNT(*) AS `opportunities`
FROM deals
WHERE
  `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'sql') AS `sqls`,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'mql') AS `mqls`
FROM stage_history
WHERE
  `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNT(*) AS `leads`
FROM contacts
WHERE
  `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    12
  ) AS INT64)) MONTH) AS DATE);
