SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN("hour") AS lo,
    MAX("hour") AS hi
  FROM booth_traffic
  UNION ALL
  SELECT
    MIN("created_at") AS lo,
    MAX("created_at") AS hi
  FROM contacts
  UNION ALL
  SELECT
    MIN("date") AS lo,
    MAX("date") AS hi
  FROM costs
  UNION ALL
  SELECT
    MIN("closed_at") AS lo,
    MAX("closed_at") AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN("created_at") AS lo,
    MAX("created_at") AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN("entered_at") AS lo,
    MAX("entered_at") AS hi
  FROM stage_history
  UNION ALL
  SELECT
    MIN("occurred_at") AS lo,
    MAX("occurred_at") AS hi
  FROM touchpoints
) AS bounds;

SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN("hour") AS lo,
    MAX("hour") AS hi
  FROM booth_traffic
  UNION ALL
  SELECT
    MIN("created_at") AS lo,
    MAX("created_at") AS hi
  FROM contacts
  UNION ALL
  SELECT
    MIN("date") AS lo,
    MAX("date") AS hi
  FROM costs
  UNION ALL
  SELECT
    MIN("closed_at") AS lo,
    MAX("closed_at") AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN("created_at") AS lo,
    MAX("created_at") AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN("entered_at") AS lo,
    MAX("entered_at") AS hi
  FROM stage_history
  UNION ALL
  SELECT
    MIN("occurred_at") AS lo,
    MAX("occurred_at") AS hi
  FROM touchpoints
) AS bounds;

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
FROM deals
WHERE
  "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "costs"."date") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "costs"."date") AS DATE)
  ) AS DATE) AS period_start,
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "costs"."date") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "costs"."date") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "booth_traffic"."hour") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "booth_traffic"."hour") AS DATE)
  ) AS DATE) AS period_start,
  SUM("booth_traffic"."passersby") AS "passersby"
FROM booth_traffic
WHERE
  "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "booth_traffic"."hour") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "booth_traffic"."hour") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "touchpoints"."occurred_at") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "touchpoints"."occurred_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT(
    DISTINCT IFF("touchpoints"."type" = 'booth_visit', "touchpoints"."contact_id", NULL)
  ) AS "booth_visitors",
  COUNT(DISTINCT IFF("touchpoints"."type" = 'demo', "touchpoints"."contact_id", NULL)) AS "demo_experiences",
  COUNT(
    DISTINCT IFF("touchpoints"."type" = 'badge_scan', "touchpoints"."contact_id", NULL)
  ) AS "badge_scans",
  COUNT(
    DISTINCT IFF("touchpoints"."type" = 'page_view', "touchpoints"."session_id", NULL)
  ) AS "sessions",
  COUNT_IF("touchpoints"."type" = 'page_view') AS "page_views",
  COUNT_IF("touchpoints"."type" = 'inquiry') AS "inquiries"
FROM touchpoints
WHERE
  "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "touchpoints"."occurred_at") AS DATE)) - 4 + 12
    ) % 3 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "touchpoints"."occurred_at") AS DATE)
  ) AS DATE);
