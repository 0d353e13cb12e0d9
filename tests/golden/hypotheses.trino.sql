SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'exhibition'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'exhibition'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'exhibition'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'exhibition'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'exhibition'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'exhibition'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'exhibition'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'exhibition'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'web_form'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'web_form'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'web_form'
  );

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."outcome" = 'won') AS "won_deals",
  COUNT(*) FILTER(WHERE
    "deals"."outcome" IN ('won', 'lost')) AS "closed_deals"
FROM deals
LEFT JOIN contacts
  ON "deals"."contact_id" = "contacts"."contact_id"
WHERE
  (
    "deals"."closed_at" >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    COALESCE("deals"."channel", "contacts"."channel") = 'web_form'
  );

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2025-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);
