SELECT
  CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE) AS period_start,
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE) AS period_start,
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE) AS period_start,
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE) AS period_start,
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'lost') AS "lost_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM("deals"."amount") FILTER(WHERE
    "deals"."outcome" = 'won') AS "revenue"
FROM deals
WHERE
  "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "costs"."date") AS DATE) AS period_start,
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "costs"."date") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "booth_traffic"."hour") AS DATE) AS period_start,
  SUM("booth_traffic"."passersby") AS "passersby"
FROM booth_traffic
WHERE
  "booth_traffic"."hour" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "booth_traffic"."hour") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "touchpoints"."occurred_at") AS DATE) AS period_start,
  COUNT(DISTINCT "touchpoints"."contact_id") FILTER(WHERE
    "touchpoints"."type" = 'booth_visit') AS "booth_visitors",
  COUNT(DISTINCT "touchpoints"."contact_id") FILTER(WHERE
    "touchpoints"."type" = 'demo') AS "demo_experiences",
  COUNT(DISTINCT "touchpoints"."contact_id") FILTER(WHERE
    "touchpoints"."type" = 'badge_scan') AS "badge_scans",
  COUNT(DISTINCT "touchpoints"."session_id") FILTER(WHERE
    "touchpoints"."type" = 'page_view') AS "sessions",
  COUNT(*) FILTER(WHERE
    "touchpoints"."type" = 'page_view') AS "page_views",
  COUNT(*) FILTER(WHERE
    "touchpoints"."type" = 'inquiry') AS "inquiries"
FROM touchpoints
WHERE
  "touchpoints"."occurred_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "touchpoints"."occurred_at") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE) AS period_start,
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "contacts"."created_at") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE) AS period_start,
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "stage_history"."entered_at") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE) AS period_start,
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "deals"."created_at") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE) AS period_start,
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'lost') AS "lost_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM("deals"."amount") FILTER(WHERE
    "deals"."outcome" = 'won') AS "revenue"
FROM deals
WHERE
  "deals"."closed_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "deals"."closed_at") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "costs"."date") AS DATE) AS period_start,
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "costs"."date") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "booth_traffic"."hour") AS DATE) AS period_start,
  SUM("booth_traffic"."passersby") AS "passersby"
FROM booth_traffic
WHERE
  "booth_traffic"."hour" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "booth_traffic"."hour" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "booth_traffic"."hour") AS DATE);

SELECT
  CAST(DATE_TRUNC('MONTH', "touchpoints"."occurred_at") AS DATE) AS period_start,
  COUNT(DISTINCT "touchpoints"."contact_id") FILTER(WHERE
    "touchpoints"."type" = 'booth_visit') AS "booth_visitors",
  COUNT(DISTINCT "touchpoints"."contact_id") FILTER(WHERE
    "touchpoints"."type" = 'demo') AS "demo_experiences",
  COUNT(DISTINCT "touchpoints"."contact_id") FILTER(WHERE
    "touchpoints"."type" = 'badge_scan') AS "badge_scans",
  COUNT(DISTINCT "touchpoints"."session_id") FILTER(WHERE
    "touchpoints"."type" = 'page_view') AS "sessions",
  COUNT(*) FILTER(WHERE
    "touchpoints"."type" = 'page_view') AS "page_views",
  COUNT(*) FILTER(WHERE
    "touchpoints"."type" = 'inquiry') AS "inquiries"
FROM touchpoints
WHERE
  "touchpoints"."occurred_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "touchpoints"."occurred_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  CAST(DATE_TRUNC('MONTH', "touchpoints"."occurred_at") AS DATE);

SELECT
  CASE
    WHEN "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    THEN 0
    WHEN "deals"."closed_at" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    THEN 1
    WHEN "deals"."closed_at" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    THEN 2
    WHEN "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    THEN 3
    WHEN "deals"."closed_at" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    THEN 4
    WHEN "deals"."closed_at" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    THEN 5
    WHEN "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    THEN 6
    WHEN "deals"."closed_at" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    THEN 7
    WHEN "deals"."closed_at" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    THEN 8
    WHEN "deals"."closed_at" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    THEN 9
    WHEN "deals"."closed_at" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    THEN 10
    WHEN "deals"."closed_at" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    THEN 11
  END AS side,
  SUM("deals"."amount") FILTER(WHERE
    "deals"."outcome" = 'won') AS "revenue",
  COUNT("deals"."amount") FILTER(WHERE
    "deals"."outcome" = 'won') AS "revenue__n",
  SUM(CAST("deals"."amount" AS DOUBLE) * CAST("deals"."amount" AS DOUBLE)) FILTER(WHERE
    "deals"."outcome" = 'won') AS "revenue__sq"
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        THEN 0
        WHEN "deals"."closed_at" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        THEN 1
        WHEN "deals"."closed_at" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        THEN 2
        WHEN "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        THEN 3
        WHEN "deals"."closed_at" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        THEN 4
        WHEN "deals"."closed_at" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        THEN 5
        WHEN "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        THEN 6
        WHEN "deals"."closed_at" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        THEN 7
        WHEN "deals"."closed_at" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        THEN 8
        WHEN "deals"."closed_at" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        THEN 9
        WHEN "deals"."closed_at" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        THEN 10
        WHEN "deals"."closed_at" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        THEN 11
      END
    )
  );

SELECT
  CASE
    WHEN "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    THEN 0
    WHEN "deals"."closed_at" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    THEN 1
    WHEN "deals"."closed_at" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    THEN 2
    WHEN "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    THEN 3
    WHEN "deals"."closed_at" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    THEN 4
    WHEN "deals"."closed_at" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    THEN 5
    WHEN "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    THEN 6
    WHEN "deals"."closed_at" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    THEN 7
    WHEN "deals"."closed_at" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    THEN 8
    WHEN "deals"."closed_at" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    THEN 9
    WHEN "deals"."closed_at" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    THEN 10
    WHEN "deals"."closed_at" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    THEN 11
  END AS side,
  SUM("deals"."amount") FILTER(WHERE
    "deals"."outcome" = 'won') AS "revenue",
  COUNT("deals"."amount") FILTER(WHERE
    "deals"."outcome" = 'won') AS "revenue__n",
  SUM(CAST("deals"."amount" AS DOUBLE) * CAST("deals"."amount" AS DOUBLE)) FILTER(WHERE
    "deals"."outcome" = 'won') AS "revenue__sq"
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "deals"."closed_at" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN "deals"."closed_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        THEN 0
        WHEN "deals"."closed_at" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        THEN 1
        WHEN "deals"."closed_at" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        THEN 2
        WHEN "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        THEN 3
        WHEN "deals"."closed_at" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        THEN 4
        WHEN "deals"."closed_at" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        THEN 5
        WHEN "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        THEN 6
        WHEN "deals"."closed_at" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        THEN 7
        WHEN "deals"."closed_at" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        THEN 8
        WHEN "deals"."closed_at" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        THEN 9
        WHEN "deals"."closed_at" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        THEN 10
        WHEN "deals"."closed_at" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        THEN 11
      END
    )
  );

SELECT
  CASE
    WHEN "costs"."date" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    THEN 0
    WHEN "costs"."date" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    THEN 1
    WHEN "costs"."date" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    THEN 2
    WHEN "costs"."date" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    THEN 3
    WHEN "costs"."date" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    THEN 4
    WHEN "costs"."date" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    THEN 5
    WHEN "costs"."date" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    THEN 6
    WHEN "costs"."date" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    THEN 7
    WHEN "costs"."date" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    THEN 8
    WHEN "costs"."date" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    THEN 9
    WHEN "costs"."date" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    THEN 10
    WHEN "costs"."date" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    THEN 11
  END AS side,
  SUM("costs"."amount") AS "cost",
  COUNT("costs"."amount") AS "cost__n",
  SUM(CAST("costs"."amount" AS DOUBLE) * CAST("costs"."amount" AS DOUBLE)) AS "cost__sq"
FROM costs
WHERE
  (
    "costs"."date" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN "costs"."date" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        THEN 0
        WHEN "costs"."date" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        THEN 1
        WHEN "costs"."date" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        THEN 2
        WHEN "costs"."date" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        THEN 3
        WHEN "costs"."date" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        THEN 4
        WHEN "costs"."date" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        THEN 5
        WHEN "costs"."date" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        THEN 6
        WHEN "costs"."date" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        THEN 7
        WHEN "costs"."date" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        THEN 8
        WHEN "costs"."date" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        THEN 9
        WHEN "costs"."date" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        THEN 10
        WHEN "costs"."date" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        THEN 11
      END
    )
  );

SELECT
  CASE
    WHEN "costs"."date" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    THEN 0
    WHEN "costs"."date" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    THEN 1
    WHEN "costs"."date" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    THEN 2
    WHEN "costs"."date" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    THEN 3
    WHEN "costs"."date" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    THEN 4
    WHEN "costs"."date" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    THEN 5
    WHEN "costs"."date" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    THEN 6
    WHEN "costs"."date" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    THEN 7
    WHEN "costs"."date" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    THEN 8
    WHEN "costs"."date" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    THEN 9
    WHEN "costs"."date" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    THEN 10
    WHEN "costs"."date" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    THEN 11
  END AS side,
  SUM("costs"."amount") AS "cost",
  COUNT("costs"."amount") AS "cost__n",
  SUM(CAST("costs"."amount" AS DOUBLE) * CAST("costs"."amount" AS DOUBLE)) AS "cost__sq"
FROM costs
WHERE
  (
    "costs"."date" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "costs"."date" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN "costs"."date" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        THEN 0
        WHEN "costs"."date" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        THEN 1
        WHEN "costs"."date" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        THEN 2
        WHEN "costs"."date" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        THEN 3
        WHEN "costs"."date" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        THEN 4
        WHEN "costs"."date" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        THEN 5
        WHEN "costs"."date" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        THEN 6
        WHEN "costs"."date" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        THEN 7
        WHEN "costs"."date" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        THEN 8
        WHEN "costs"."date" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        THEN 9
        WHEN "costs"."date" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        THEN 10
        WHEN "costs"."date" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        THEN 11
      END
    )
  );

SELECT
  CASE
    WHEN "booth_traffic"."hour" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    THEN 0
    WHEN "booth_traffic"."hour" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    THEN 1
    WHEN "booth_traffic"."hour" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    THEN 2
    WHEN "booth_traffic"."hour" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    THEN 3
    WHEN "booth_traffic"."hour" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    THEN 4
    WHEN "booth_traffic"."hour" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    THEN 5
    WHEN "booth_traffic"."hour" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    THEN 6
    WHEN "booth_traffic"."hour" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    THEN 7
    WHEN "booth_traffic"."hour" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    THEN 8
    WHEN "booth_traffic"."hour" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    THEN 9
    WHEN "booth_traffic"."hour" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    THEN 10
    WHEN "booth_traffic"."hour" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    THEN 11
  END AS side,
  SUM("booth_traffic"."passersby") AS "passersby",
  COUNT("booth_traffic"."passersby") AS "passersby__n",
  SUM(
    CAST("booth_traffic"."passersby" AS DOUBLE) * CAST("booth_traffic"."passersby" AS DOUBLE)
  ) AS "passersby__sq"
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN "booth_traffic"."hour" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        THEN 0
        WHEN "booth_traffic"."hour" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        THEN 1
        WHEN "booth_traffic"."hour" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        THEN 2
        WHEN "booth_traffic"."hour" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        THEN 3
        WHEN "booth_traffic"."hour" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        THEN 4
        WHEN "booth_traffic"."hour" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        THEN 5
        WHEN "booth_traffic"."hour" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        THEN 6
        WHEN "booth_traffic"."hour" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        THEN 7
        WHEN "booth_traffic"."hour" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        THEN 8
        WHEN "booth_traffic"."hour" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        THEN 9
        WHEN "booth_traffic"."hour" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        THEN 10
        WHEN "booth_traffic"."hour" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        THEN 11
      END
    )
  );

SELECT
  CASE
    WHEN "booth_traffic"."hour" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    THEN 0
    WHEN "booth_traffic"."hour" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    THEN 1
    WHEN "booth_traffic"."hour" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    THEN 2
    WHEN "booth_traffic"."hour" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    THEN 3
    WHEN "booth_traffic"."hour" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    THEN 4
    WHEN "booth_traffic"."hour" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    THEN 5
    WHEN "booth_traffic"."hour" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    THEN 6
    WHEN "booth_traffic"."hour" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    THEN 7
    WHEN "booth_traffic"."hour" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    THEN 8
    WHEN "booth_traffic"."hour" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    THEN 9
    WHEN "booth_traffic"."hour" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    THEN 10
    WHEN "booth_traffic"."hour" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    THEN 11
  END AS side,
  SUM("booth_traffic"."passersby") AS "passersby",
  COUNT("booth_traffic"."passersby") AS "passersby__n",
  SUM(
    CAST("booth_traffic"."passersby" AS DOUBLE) * CAST("booth_traffic"."passersby" AS DOUBLE)
  ) AS "passersby__sq"
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
  )
  OR (
    "booth_traffic"."hour" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN "booth_traffic"."hour" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        THEN 0
        WHEN "booth_traffic"."hour" >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        THEN 1
        WHEN "booth_traffic"."hour" >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        THEN 2
        WHEN "booth_traffic"."hour" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        THEN 3
        WHEN "booth_traffic"."hour" >= CAST('2025-08-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        THEN 4
        WHEN "booth_traffic"."hour" >= CAST('2025-09-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        THEN 5
        WHEN "booth_traffic"."hour" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        THEN 6
        WHEN "booth_traffic"."hour" >= CAST('2025-11-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        THEN 7
        WHEN "booth_traffic"."hour" >= CAST('2025-12-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        THEN 8
        WHEN "booth_traffic"."hour" >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        THEN 9
        WHEN "booth_traffic"."hour" >= CAST('2026-02-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        THEN 10
        WHEN "booth_traffic"."hour" >= CAST('2026-03-01 00:00:00' AS TIMESTAMP)
        AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        THEN 11
      END
    )
  );
