SELECT
  CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE) AS period_start,
  COUNT(*) AS `leads`
FROM contacts
WHERE
  `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE) AS period_start,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'mql') AS `mqls`,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'sql') AS `sqls`
FROM stage_history
WHERE
  `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE) AS period_start,
  COUNT(*) AS `opportunities`
FROM deals
WHERE
  `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE) AS period_start,
  COUNTIF(`deals`.`outcome` = 'won') AS `won_deals`,
  COUNTIF(`deals`.`outcome` = 'lost') AS `lost_deals`,
  COUNTIF(`deals`.`outcome` IN ('won', 'lost')) AS `closed_deals`,
  SUM(IF(`deals`.`outcome` = 'won', `deals`.`amount`, NULL)) AS `revenue`
FROM deals
WHERE
  `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`costs`.`date`, MONTH) AS DATE) AS period_start,
  SUM(`costs`.`amount`) AS `cost`
FROM costs
WHERE
  `costs`.`date` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `costs`.`date` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`costs`.`date`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`booth_traffic`.`hour`, MONTH) AS DATE) AS period_start,
  SUM(`booth_traffic`.`passersby`) AS `passersby`
FROM booth_traffic
WHERE
  `booth_traffic`.`hour` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `booth_traffic`.`hour` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`booth_traffic`.`hour`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`touchpoints`.`occurred_at`, MONTH) AS DATE) AS period_start,
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
  `touchpoints`.`occurred_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
  AND `touchpoints`.`occurred_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`touchpoints`.`occurred_at`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE) AS period_start,
  COUNT(*) AS `leads`
FROM contacts
WHERE
  `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`contacts`.`created_at`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE) AS period_start,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'mql') AS `mqls`,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'sql') AS `sqls`
FROM stage_history
WHERE
  `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`stage_history`.`entered_at`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE) AS period_start,
  COUNT(*) AS `opportunities`
FROM deals
WHERE
  `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`deals`.`created_at`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE) AS period_start,
  COUNTIF(`deals`.`outcome` = 'won') AS `won_deals`,
  COUNTIF(`deals`.`outcome` = 'lost') AS `lost_deals`,
  COUNTIF(`deals`.`outcome` IN ('won', 'lost')) AS `closed_deals`,
  SUM(IF(`deals`.`outcome` = 'won', `deals`.`amount`, NULL)) AS `revenue`
FROM deals
WHERE
  `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`costs`.`date`, MONTH) AS DATE) AS period_start,
  SUM(`costs`.`amount`) AS `cost`
FROM costs
WHERE
  `costs`.`date` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `costs`.`date` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`costs`.`date`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`booth_traffic`.`hour`, MONTH) AS DATE) AS period_start,
  SUM(`booth_traffic`.`passersby`) AS `passersby`
FROM booth_traffic
WHERE
  `booth_traffic`.`hour` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `booth_traffic`.`hour` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`booth_traffic`.`hour`, MONTH) AS DATE);

SELECT
  CAST(DATE_TRUNC(`touchpoints`.`occurred_at`, MONTH) AS DATE) AS period_start,
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
  `touchpoints`.`occurred_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `touchpoints`.`occurred_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_TRUNC(`touchpoints`.`occurred_at`, MONTH) AS DATE);

SELECT
  CASE
    WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-05-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `deals`.`closed_at` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-06-01 00:00:00' AS DATETIME)
    THEN 1
    WHEN `deals`.`closed_at` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-07-01 00:00:00' AS DATETIME)
    THEN 2
    WHEN `deals`.`closed_at` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-08-01 00:00:00' AS DATETIME)
    THEN 3
    WHEN `deals`.`closed_at` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-09-01 00:00:00' AS DATETIME)
    THEN 4
    WHEN `deals`.`closed_at` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-10-01 00:00:00' AS DATETIME)
    THEN 5
    WHEN `deals`.`closed_at` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-11-01 00:00:00' AS DATETIME)
    THEN 6
    WHEN `deals`.`closed_at` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-12-01 00:00:00' AS DATETIME)
    THEN 7
    WHEN `deals`.`closed_at` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-01-01 00:00:00' AS DATETIME)
    THEN 8
    WHEN `deals`.`closed_at` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-02-01 00:00:00' AS DATETIME)
    THEN 9
    WHEN `deals`.`closed_at` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-03-01 00:00:00' AS DATETIME)
    THEN 10
    WHEN `deals`.`closed_at` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 11
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
    AND `deals`.`closed_at` < CAST('2025-05-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-06-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-07-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-08-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-09-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-10-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-11-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-12-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-01-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-02-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-03-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-05-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2025-05-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-06-01 00:00:00' AS DATETIME)
        THEN 1
        WHEN `deals`.`closed_at` >= CAST('2025-06-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-07-01 00:00:00' AS DATETIME)
        THEN 2
        WHEN `deals`.`closed_at` >= CAST('2025-07-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-08-01 00:00:00' AS DATETIME)
        THEN 3
        WHEN `deals`.`closed_at` >= CAST('2025-08-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-09-01 00:00:00' AS DATETIME)
        THEN 4
        WHEN `deals`.`closed_at` >= CAST('2025-09-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-10-01 00:00:00' AS DATETIME)
        THEN 5
        WHEN `deals`.`closed_at` >= CAST('2025-10-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-11-01 00:00:00' AS DATETIME)
        THEN 6
        WHEN `deals`.`closed_at` >= CAST('2025-11-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-12-01 00:00:00' AS DATETIME)
        THEN 7
        WHEN `deals`.`closed_at` >= CAST('2025-12-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-01-01 00:00:00' AS DATETIME)
        THEN 8
        WHEN `deals`.`closed_at` >= CAST('2026-01-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-02-01 00:00:00' AS DATETIME)
        THEN 9
        WHEN `deals`.`closed_at` >= CAST('2026-02-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-03-01 00:00:00' AS DATETIME)
        THEN 10
        WHEN `deals`.`closed_at` >= CAST('2026-03-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 11
      END
    )
  );

SELECT
  CASE
    WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-05-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `deals`.`closed_at` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-06-01 00:00:00' AS DATETIME)
    THEN 1
    WHEN `deals`.`closed_at` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-07-01 00:00:00' AS DATETIME)
    THEN 2
    WHEN `deals`.`closed_at` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-08-01 00:00:00' AS DATETIME)
    THEN 3
    WHEN `deals`.`closed_at` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-09-01 00:00:00' AS DATETIME)
    THEN 4
    WHEN `deals`.`closed_at` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-10-01 00:00:00' AS DATETIME)
    THEN 5
    WHEN `deals`.`closed_at` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-11-01 00:00:00' AS DATETIME)
    THEN 6
    WHEN `deals`.`closed_at` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-12-01 00:00:00' AS DATETIME)
    THEN 7
    WHEN `deals`.`closed_at` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-01-01 00:00:00' AS DATETIME)
    THEN 8
    WHEN `deals`.`closed_at` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-02-01 00:00:00' AS DATETIME)
    THEN 9
    WHEN `deals`.`closed_at` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-03-01 00:00:00' AS DATETIME)
    THEN 10
    WHEN `deals`.`closed_at` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 11
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
    AND `deals`.`closed_at` < CAST('2025-05-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-06-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-07-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-08-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-09-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-10-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-11-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-12-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-01-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-02-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-03-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-05-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2025-05-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-06-01 00:00:00' AS DATETIME)
        THEN 1
        WHEN `deals`.`closed_at` >= CAST('2025-06-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-07-01 00:00:00' AS DATETIME)
        THEN 2
        WHEN `deals`.`closed_at` >= CAST('2025-07-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-08-01 00:00:00' AS DATETIME)
        THEN 3
        WHEN `deals`.`closed_at` >= CAST('2025-08-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-09-01 00:00:00' AS DATETIME)
        THEN 4
        WHEN `deals`.`closed_at` >= CAST('2025-09-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-10-01 00:00:00' AS DATETIME)
        THEN 5
        WHEN `deals`.`closed_at` >= CAST('2025-10-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-11-01 00:00:00' AS DATETIME)
        THEN 6
        WHEN `deals`.`closed_at` >= CAST('2025-11-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-12-01 00:00:00' AS DATETIME)
        THEN 7
        WHEN `deals`.`closed_at` >= CAST('2025-12-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-01-01 00:00:00' AS DATETIME)
        THEN 8
        WHEN `deals`.`closed_at` >= CAST('2026-01-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-02-01 00:00:00' AS DATETIME)
        THEN 9
        WHEN `deals`.`closed_at` >= CAST('2026-02-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-03-01 00:00:00' AS DATETIME)
        THEN 10
        WHEN `deals`.`closed_at` >= CAST('2026-03-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 11
      END
    )
  );

SELECT
  CASE
    WHEN `costs`.`date` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-05-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `costs`.`date` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-06-01 00:00:00' AS DATETIME)
    THEN 1
    WHEN `costs`.`date` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-07-01 00:00:00' AS DATETIME)
    THEN 2
    WHEN `costs`.`date` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-08-01 00:00:00' AS DATETIME)
    THEN 3
    WHEN `costs`.`date` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-09-01 00:00:00' AS DATETIME)
    THEN 4
    WHEN `costs`.`date` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-10-01 00:00:00' AS DATETIME)
    THEN 5
    WHEN `costs`.`date` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-11-01 00:00:00' AS DATETIME)
    THEN 6
    WHEN `costs`.`date` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-12-01 00:00:00' AS DATETIME)
    THEN 7
    WHEN `costs`.`date` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-01-01 00:00:00' AS DATETIME)
    THEN 8
    WHEN `costs`.`date` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-02-01 00:00:00' AS DATETIME)
    THEN 9
    WHEN `costs`.`date` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-03-01 00:00:00' AS DATETIME)
    THEN 10
    WHEN `costs`.`date` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 11
  END AS side,
  SUM(`costs`.`amount`) AS `cost`,
  COUNT(`costs`.`amount`) AS `cost__n`,
  SUM(CAST(`costs`.`amount` AS FLOAT64) * CAST(`costs`.`amount` AS FLOAT64)) AS `cost__sq`
FROM costs
WHERE
  (
    `costs`.`date` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-05-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-06-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-07-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-08-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-09-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-10-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-11-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-12-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-01-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-02-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-03-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `costs`.`date` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-05-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `costs`.`date` >= CAST('2025-05-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-06-01 00:00:00' AS DATETIME)
        THEN 1
        WHEN `costs`.`date` >= CAST('2025-06-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-07-01 00:00:00' AS DATETIME)
        THEN 2
        WHEN `costs`.`date` >= CAST('2025-07-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-08-01 00:00:00' AS DATETIME)
        THEN 3
        WHEN `costs`.`date` >= CAST('2025-08-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-09-01 00:00:00' AS DATETIME)
        THEN 4
        WHEN `costs`.`date` >= CAST('2025-09-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-10-01 00:00:00' AS DATETIME)
        THEN 5
        WHEN `costs`.`date` >= CAST('2025-10-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-11-01 00:00:00' AS DATETIME)
        THEN 6
        WHEN `costs`.`date` >= CAST('2025-11-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-12-01 00:00:00' AS DATETIME)
        THEN 7
        WHEN `costs`.`date` >= CAST('2025-12-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2026-01-01 00:00:00' AS DATETIME)
        THEN 8
        WHEN `costs`.`date` >= CAST('2026-01-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2026-02-01 00:00:00' AS DATETIME)
        THEN 9
        WHEN `costs`.`date` >= CAST('2026-02-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2026-03-01 00:00:00' AS DATETIME)
        THEN 10
        WHEN `costs`.`date` >= CAST('2026-03-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 11
      END
    )
  );

SELECT
  CASE
    WHEN `costs`.`date` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-05-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `costs`.`date` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-06-01 00:00:00' AS DATETIME)
    THEN 1
    WHEN `costs`.`date` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-07-01 00:00:00' AS DATETIME)
    THEN 2
    WHEN `costs`.`date` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-08-01 00:00:00' AS DATETIME)
    THEN 3
    WHEN `costs`.`date` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-09-01 00:00:00' AS DATETIME)
    THEN 4
    WHEN `costs`.`date` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-10-01 00:00:00' AS DATETIME)
    THEN 5
    WHEN `costs`.`date` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-11-01 00:00:00' AS DATETIME)
    THEN 6
    WHEN `costs`.`date` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-12-01 00:00:00' AS DATETIME)
    THEN 7
    WHEN `costs`.`date` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-01-01 00:00:00' AS DATETIME)
    THEN 8
    WHEN `costs`.`date` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-02-01 00:00:00' AS DATETIME)
    THEN 9
    WHEN `costs`.`date` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-03-01 00:00:00' AS DATETIME)
    THEN 10
    WHEN `costs`.`date` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 11
  END AS side,
  SUM(`costs`.`amount`) AS `cost`,
  COUNT(`costs`.`amount`) AS `cost__n`,
  SUM(CAST(`costs`.`amount` AS FLOAT64) * CAST(`costs`.`amount` AS FLOAT64)) AS `cost__sq`
FROM costs
WHERE
  (
    `costs`.`date` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-05-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-06-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-07-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-08-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-09-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-10-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-11-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2025-12-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-01-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-02-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-03-01 00:00:00' AS DATETIME)
  )
  OR (
    `costs`.`date` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `costs`.`date` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `costs`.`date` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-05-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `costs`.`date` >= CAST('2025-05-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-06-01 00:00:00' AS DATETIME)
        THEN 1
        WHEN `costs`.`date` >= CAST('2025-06-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-07-01 00:00:00' AS DATETIME)
        THEN 2
        WHEN `costs`.`date` >= CAST('2025-07-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-08-01 00:00:00' AS DATETIME)
        THEN 3
        WHEN `costs`.`date` >= CAST('2025-08-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-09-01 00:00:00' AS DATETIME)
        THEN 4
        WHEN `costs`.`date` >= CAST('2025-09-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-10-01 00:00:00' AS DATETIME)
        THEN 5
        WHEN `costs`.`date` >= CAST('2025-10-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-11-01 00:00:00' AS DATETIME)
        THEN 6
        WHEN `costs`.`date` >= CAST('2025-11-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2025-12-01 00:00:00' AS DATETIME)
        THEN 7
        WHEN `costs`.`date` >= CAST('2025-12-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2026-01-01 00:00:00' AS DATETIME)
        THEN 8
        WHEN `costs`.`date` >= CAST('2026-01-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2026-02-01 00:00:00' AS DATETIME)
        THEN 9
        WHEN `costs`.`date` >= CAST('2026-02-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2026-03-01 00:00:00' AS DATETIME)
        THEN 10
        WHEN `costs`.`date` >= CAST('2026-03-01 00:00:00' AS DATETIME)
        AND `costs`.`date` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 11
      END
    )
  );

SELECT
  CASE
    WHEN `booth_traffic`.`hour` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-05-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `booth_traffic`.`hour` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-06-01 00:00:00' AS DATETIME)
    THEN 1
    WHEN `booth_traffic`.`hour` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-07-01 00:00:00' AS DATETIME)
    THEN 2
    WHEN `booth_traffic`.`hour` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-08-01 00:00:00' AS DATETIME)
    THEN 3
    WHEN `booth_traffic`.`hour` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-09-01 00:00:00' AS DATETIME)
    THEN 4
    WHEN `booth_traffic`.`hour` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-10-01 00:00:00' AS DATETIME)
    THEN 5
    WHEN `booth_traffic`.`hour` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-11-01 00:00:00' AS DATETIME)
    THEN 6
    WHEN `booth_traffic`.`hour` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-12-01 00:00:00' AS DATETIME)
    THEN 7
    WHEN `booth_traffic`.`hour` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-01-01 00:00:00' AS DATETIME)
    THEN 8
    WHEN `booth_traffic`.`hour` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-02-01 00:00:00' AS DATETIME)
    THEN 9
    WHEN `booth_traffic`.`hour` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-03-01 00:00:00' AS DATETIME)
    THEN 10
    WHEN `booth_traffic`.`hour` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 11
  END AS side,
  SUM(`booth_traffic`.`passersby`) AS `passersby`,
  COUNT(`booth_traffic`.`passersby`) AS `passersby__n`,
  SUM(
    CAST(`booth_traffic`.`passersby` AS FLOAT64) * CAST(`booth_traffic`.`passersby` AS FLOAT64)
  ) AS `passersby__sq`
FROM booth_traffic
WHERE
  (
    `booth_traffic`.`hour` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-05-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-06-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-07-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-08-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-09-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-10-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-11-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-12-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-01-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-02-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-03-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `booth_traffic`.`hour` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-05-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `booth_traffic`.`hour` >= CAST('2025-05-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-06-01 00:00:00' AS DATETIME)
        THEN 1
        WHEN `booth_traffic`.`hour` >= CAST('2025-06-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-07-01 00:00:00' AS DATETIME)
        THEN 2
        WHEN `booth_traffic`.`hour` >= CAST('2025-07-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-08-01 00:00:00' AS DATETIME)
        THEN 3
        WHEN `booth_traffic`.`hour` >= CAST('2025-08-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-09-01 00:00:00' AS DATETIME)
        THEN 4
        WHEN `booth_traffic`.`hour` >= CAST('2025-09-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-10-01 00:00:00' AS DATETIME)
        THEN 5
        WHEN `booth_traffic`.`hour` >= CAST('2025-10-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-11-01 00:00:00' AS DATETIME)
        THEN 6
        WHEN `booth_traffic`.`hour` >= CAST('2025-11-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-12-01 00:00:00' AS DATETIME)
        THEN 7
        WHEN `booth_traffic`.`hour` >= CAST('2025-12-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2026-01-01 00:00:00' AS DATETIME)
        THEN 8
        WHEN `booth_traffic`.`hour` >= CAST('2026-01-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2026-02-01 00:00:00' AS DATETIME)
        THEN 9
        WHEN `booth_traffic`.`hour` >= CAST('2026-02-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2026-03-01 00:00:00' AS DATETIME)
        THEN 10
        WHEN `booth_traffic`.`hour` >= CAST('2026-03-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 11
      END
    )
  );

SELECT
  CASE
    WHEN `booth_traffic`.`hour` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-05-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `booth_traffic`.`hour` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-06-01 00:00:00' AS DATETIME)
    THEN 1
    WHEN `booth_traffic`.`hour` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-07-01 00:00:00' AS DATETIME)
    THEN 2
    WHEN `booth_traffic`.`hour` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-08-01 00:00:00' AS DATETIME)
    THEN 3
    WHEN `booth_traffic`.`hour` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-09-01 00:00:00' AS DATETIME)
    THEN 4
    WHEN `booth_traffic`.`hour` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-10-01 00:00:00' AS DATETIME)
    THEN 5
    WHEN `booth_traffic`.`hour` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-11-01 00:00:00' AS DATETIME)
    THEN 6
    WHEN `booth_traffic`.`hour` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-12-01 00:00:00' AS DATETIME)
    THEN 7
    WHEN `booth_traffic`.`hour` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-01-01 00:00:00' AS DATETIME)
    THEN 8
    WHEN `booth_traffic`.`hour` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-02-01 00:00:00' AS DATETIME)
    THEN 9
    WHEN `booth_traffic`.`hour` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-03-01 00:00:00' AS DATETIME)
    THEN 10
    WHEN `booth_traffic`.`hour` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 11
  END AS side,
  SUM(`booth_traffic`.`passersby`) AS `passersby`,
  COUNT(`booth_traffic`.`passersby`) AS `passersby__n`,
  SUM(
    CAST(`booth_traffic`.`passersby` AS FLOAT64) * CAST(`booth_traffic`.`passersby` AS FLOAT64)
  ) AS `passersby__sq`
FROM booth_traffic
WHERE
  (
    `booth_traffic`.`hour` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-05-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-05-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-06-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-06-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-07-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-07-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-08-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-08-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-09-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-09-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-10-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-10-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-11-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-11-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2025-12-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2025-12-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-01-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2026-01-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-02-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2026-02-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-03-01 00:00:00' AS DATETIME)
  )
  OR (
    `booth_traffic`.`hour` >= CAST('2026-03-01 00:00:00' AS DATETIME)
    AND `booth_traffic`.`hour` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `booth_traffic`.`hour` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-05-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `booth_traffic`.`hour` >= CAST('2025-05-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-06-01 00:00:00' AS DATETIME)
        THEN 1
        WHEN `booth_traffic`.`hour` >= CAST('2025-06-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-07-01 00:00:00' AS DATETIME)
        THEN 2
        WHEN `booth_traffic`.`hour` >= CAST('2025-07-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-08-01 00:00:00' AS DATETIME)
        THEN 3
        WHEN `booth_traffic`.`hour` >= CAST('2025-08-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-09-01 00:00:00' AS DATETIME)
        THEN 4
        WHEN `booth_traffic`.`hour` >= CAST('2025-09-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-10-01 00:00:00' AS DATETIME)
        THEN 5
        WHEN `booth_traffic`.`hour` >= CAST('2025-10-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-11-01 00:00:00' AS DATETIME)
        THEN 6
        WHEN `booth_traffic`.`hour` >= CAST('2025-11-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2025-12-01 00:00:00' AS DATETIME)
        THEN 7
        WHEN `booth_traffic`.`hour` >= CAST('2025-12-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2026-01-01 00:00:00' AS DATETIME)
        THEN 8
        WHEN `booth_traffic`.`hour` >= CAST('2026-01-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2026-02-01 00:00:00' AS DATETIME)
        THEN 9
        WHEN `booth_traffic`.`hour` >= CAST('2026-02-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2026-03-01 00:00:00' AS DATETIME)
        THEN 10
        WHEN `booth_traffic`.`hour` >= CAST('2026-03-01 00:00:00' AS DATETIME)
        AND `booth_traffic`.`hour` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 11
      END
    )
  );
