SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN("closed_at") AS lo,
    MAX("closed_at") AS hi
  FROM deals
) AS bounds;

SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN("closed_at") AS lo,
    MAX("closed_at") AS hi
  FROM deals
) AS bounds;

SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(CAST("contacts"."created_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("contacts"."created_at" AS TIMESTAMP)) AS hi
  FROM contacts
  UNION ALL
  SELECT
    MIN(CAST("stage_history"."entered_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("stage_history"."entered_at" AS TIMESTAMP)) AS hi
  FROM stage_history
  UNION ALL
  SELECT
    MIN(CAST("deals"."created_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("deals"."created_at" AS TIMESTAMP)) AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN(CAST("touchpoints"."occurred_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("touchpoints"."occurred_at" AS TIMESTAMP)) AS hi
  FROM touchpoints
  UNION ALL
  SELECT
    MIN(CAST("booth_traffic"."hour" AS TIMESTAMP)) AS lo,
    MAX(CAST("booth_traffic"."hour" AS TIMESTAMP)) AS hi
  FROM booth_traffic
  UNION ALL
  SELECT
    MIN(CAST("costs"."date" AS TIMESTAMP)) AS lo,
    MAX(CAST("costs"."date" AS TIMESTAMP)) AS hi
  FROM costs
  UNION ALL
  SELECT
    MIN(CAST("orders"."ordered_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("orders"."ordered_at" AS TIMESTAMP)) AS hi
  FROM orders
  UNION ALL
  SELECT
    MIN(CAST("surveys"."answered_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("surveys"."answered_at" AS TIMESTAMP)) AS hi
  FROM surveys
  UNION ALL
  SELECT
    MIN(CAST("brand_signals"."date" AS TIMESTAMP)) AS lo,
    MAX(CAST("brand_signals"."date" AS TIMESTAMP)) AS hi
  FROM brand_signals
  UNION ALL
  SELECT
    MIN(CAST("deals"."closed_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("deals"."closed_at" AS TIMESTAMP)) AS hi
  FROM deals
) AS spans;

SELECT
  MIN(lo),
  MAX(hi)
FROM (
  SELECT
    MIN(CAST("contacts"."created_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("contacts"."created_at" AS TIMESTAMP)) AS hi
  FROM contacts
  UNION ALL
  SELECT
    MIN(CAST("stage_history"."entered_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("stage_history"."entered_at" AS TIMESTAMP)) AS hi
  FROM stage_history
  UNION ALL
  SELECT
    MIN(CAST("deals"."created_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("deals"."created_at" AS TIMESTAMP)) AS hi
  FROM deals
  UNION ALL
  SELECT
    MIN(CAST("touchpoints"."occurred_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("touchpoints"."occurred_at" AS TIMESTAMP)) AS hi
  FROM touchpoints
  UNION ALL
  SELECT
    MIN(CAST("booth_traffic"."hour" AS TIMESTAMP)) AS lo,
    MAX(CAST("booth_traffic"."hour" AS TIMESTAMP)) AS hi
  FROM booth_traffic
  UNION ALL
  SELECT
    MIN(CAST("costs"."date" AS TIMESTAMP)) AS lo,
    MAX(CAST("costs"."date" AS TIMESTAMP)) AS hi
  FROM costs
  UNION ALL
  SELECT
    MIN(CAST("orders"."ordered_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("orders"."ordered_at" AS TIMESTAMP)) AS hi
  FROM orders
  UNION ALL
  SELECT
    MIN(CAST("surveys"."answered_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("surveys"."answered_at" AS TIMESTAMP)) AS hi
  FROM surveys
  UNION ALL
  SELECT
    MIN(CAST("brand_signals"."date" AS TIMESTAMP)) AS lo,
    MAX(CAST("brand_signals"."date" AS TIMESTAMP)) AS hi
  FROM brand_signals
  UNION ALL
  SELECT
    MIN(CAST("deals"."closed_at" AS TIMESTAMP)) AS lo,
    MAX(CAST("deals"."closed_at" AS TIMESTAMP)) AS hi
  FROM deals
) AS spans;

SELECT
  CASE
    WHEN "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    THEN 0
    WHEN "deals"."closed_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    THEN 1
  END AS side,
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue",
  COUNT(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue__n",
  SUM(
    IFF(
      "deals"."outcome" = 'won',
      CAST("deals"."amount" AS DOUBLE) * CAST("deals"."amount" AS DOUBLE),
      NULL
    )
  ) AS "revenue__sq"
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        THEN 0
        WHEN "deals"."closed_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
        THEN 1
      END
    )
  );

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)
  ) AS DATE) AS period_start,
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue",
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
WHERE
  "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)
  ) AS DATE) AS period_start,
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue",
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
WHERE
  "deals"."closed_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE)
  ) AS DATE);

SELECT
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)
  ) AS DATE) AS period_start,
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATEADD(
    MONTH,
    CAST((
      MONTH(CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)) - 4 + 12
    ) % 12 AS INT) * -1,
    CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE)
  ) AS DATE);
