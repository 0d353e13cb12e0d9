SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(`hour`) AS lo,
    MAX(`hour`) AS hi
  FROM booth_traffic
  UNION ALL
  SELECT
    MIN(`created_at`) AS lo,
    MAX(`created_at`) AS hi
  FROM contacts
  UNION ALL
  SELECT
    MIN(`date`) AS lo,
    MAX(`date`) AS hi
  FROM costs
  UNION ALL
  SELECT
    MIN(`closed_at`) AS lo,
    MAX(`closed_at`) AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN(`created_at`) AS lo,
    MAX(`created_at`) AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN(`entered_at`) AS lo,
    MAX(`entered_at`) AS hi
  FROM stage_history
  UNION ALL
  SELECT
    MIN(`occurred_at`) AS lo,
    MAX(`occurred_at`) AS hi
  FROM touchpoints
) AS bounds;

SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(`hour`) AS lo,
    MAX(`hour`) AS hi
  FROM booth_traffic
  UNION ALL
  SELECT
    MIN(`created_at`) AS lo,
    MAX(`created_at`) AS hi
  FROM contacts
  UNION ALL
  SELECT
    MIN(`date`) AS lo,
    MAX(`date`) AS hi
  FROM costs
  UNION ALL
  SELECT
    MIN(`closed_at`) AS lo,
    MAX(`closed_at`) AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN(`created_at`) AS lo,
    MAX(`created_at`) AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN(`entered_at`) AS lo,
    MAX(`entered_at`) AS hi
  FROM stage_history
  UNION ALL
  SELECT
    MIN(`occurred_at`) AS lo,
    MAX(`occurred_at`) AS hi
  FROM touchpoints
) AS bounds;

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNT(*) AS `leads`
FROM contacts
WHERE
  `contacts`.`created_at` >= CAST('2023-04-01 00:00:00' AS DATETIME)
  AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'mql') AS `mqls`,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'sql') AS `sqls`
FROM stage_history
WHERE
  `stage_history`.`entered_at` >= CAST('2023-04-01 00:00:00' AS DATETIME)
  AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNT(*) AS `opportunities`
FROM deals
WHERE
  `deals`.`created_at` >= CAST('2023-04-01 00:00:00' AS DATETIME)
  AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNTIF(`deals`.`outcome` = 'won') AS `won_deals`,
  COUNTIF(`deals`.`outcome` = 'lost') AS `lost_deals`,
  COUNTIF(`deals`.`outcome` IN ('won', 'lost')) AS `closed_deals`,
  SUM(IF(`deals`.`outcome` = 'won', `deals`.`amount`, NULL)) AS `revenue`
FROM deals
WHERE
  `deals`.`closed_at` >= CAST('2023-04-01 00:00:00' AS DATETIME)
  AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`costs`.`date`, MONTH) AS DATE), INTERVAL (CAST(MOD(EXTRACT(MONTH FROM CAST(DATE_TRUNC(`costs`.`date`, MONTH) AS DATE)) - 4 + 12, 3) AS INT64)) MONTH) AS DATE) AS period_start,
  SUM(`costs`.`amount`) AS `cost`
FROM costs
WHERE
  `costs`.`date` >= CAST('2023-04-01 00:00:00' AS DATETIME)
  AND `costs`.`date` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`costs`.`date`, MONTH) AS DATE), INTERVAL (CAST(MOD(EXTRACT(MONTH FROM CAST(DATE_TRUNC(`costs`.`date`, MONTH) AS DATE)) - 4 + 12, 3) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`booth_traffic`.`hour`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`booth_traffic`.`hour`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  SUM(`booth_traffic`.`passersby`) AS `passersby`
FROM booth_traffic
WHERE
  `booth_traffic`.`hour` >= CAST('2023-04-01 00:00:00' AS DATETIME)
  AND `booth_traffic`.`hour` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`booth_traffic`.`hour`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`booth_traffic`.`hour`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE);

SELECT
  CAST(DATE_SUB(CAST(DATE_TRUNC(`touchpoints`.`occurred_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`touchpoints`.`occurred_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNT(
    DISTINCT IF(`touchpoints`.`type` = 'booth_visit', `touchpoints`.`contact_id`, NULL)
  ) AS `booth_visitors`,
  COUNT(DISTINCT IF(`touchpoints`.`type` = 'demo', `touchpoints`.`contact_id`, NULL)) AS `demo_experiences`,
  COUNT(
    DISTINCT IF(`touchpoints`.`type` = 'badge_scan', `touchpoints`.`contact_id`, NULL)
  ) AS `badge_scans`,
  COUNT(
    DISTINCT IF(`touchpoints`.`type` = 'page_view', `touchpoints`.`session_id`, NULL)
  ) AS `sessions`,
  COUNTIF(`touchpoints`.`type` = 'page_view') AS `page_views`,
  COUNTIF(`touchpoints`.`type` = 'inquiry') AS `inquiries`
FROM touchpoints
WHERE
  `touchpoints`.`occurred_at` >= CAST('2023-04-01 00:00:00' AS DATETIME)
  AND `touchpoints`.`occurred_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`touchpoints`.`occurred_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`touchpoints`.`occurred_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE);
