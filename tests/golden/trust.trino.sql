SELECT
  "deals"."owner" AS owner,
  COUNT(*) AS n,
  COUNT(*) FILTER(WHERE
    CAST("deals"."closed_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )) AS x
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    deals.outcome = 'won' AND NOT deals.closed_at IS NULL
  )
  AND NOT "deals"."owner" IS NULL
GROUP BY
  "deals"."owner"
ORDER BY
  owner;

SELECT
  "deals"."owner" AS owner,
  COUNT(*) AS n,
  COUNT(*) FILTER(WHERE
    CAST("deals"."closed_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )) AS x
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    deals.outcome = 'won' AND NOT deals.closed_at IS NULL
  )
  AND NOT "deals"."owner" IS NULL
GROUP BY
  "deals"."owner"
ORDER BY
  owner;

SELECT
  COALESCE(
    (
      SELECT
        d.owner
      FROM deals AS d
      WHERE
        d.deal_id = stage_history.entity_id
    ),
    NULL
  ) AS owner,
  COUNT(*) AS n,
  COUNT(*) FILTER(WHERE
    CAST("stage_history"."entered_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )) AS x
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND stage_history.entity = 'deal'
  AND NOT COALESCE(
    (
      SELECT
        d.owner
      FROM deals AS d
      WHERE
        d.deal_id = stage_history.entity_id
    ),
    NULL
  ) IS NULL
GROUP BY
  COALESCE(
    (
      SELECT
        d.owner
      FROM deals AS d
      WHERE
        d.deal_id = stage_history.entity_id
    ),
    NULL
  )
ORDER BY
  owner;

SELECT
  COALESCE(
    (
      SELECT
        d.owner
      FROM deals AS d
      WHERE
        d.deal_id = stage_history.entity_id
    ),
    NULL
  ) AS owner,
  COUNT(*) AS n,
  COUNT(*) FILTER(WHERE
    CAST("stage_history"."entered_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )) AS x
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND stage_history.entity = 'deal'
  AND NOT COALESCE(
    (
      SELECT
        d.owner
      FROM deals AS d
      WHERE
        d.deal_id = stage_history.entity_id
    ),
    NULL
  ) IS NULL
GROUP BY
  COALESCE(
    (
      SELECT
        d.owner
      FROM deals AS d
      WHERE
        d.deal_id = stage_history.entity_id
    ),
    NULL
  )
ORDER BY
  owner;

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      deals.outcome = 'won' AND NOT deals.closed_at IS NULL
    )
    AND "deals"."owner" = '伊藤 誠'
    AND CAST("deals"."closed_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      deals.outcome = 'won' AND NOT deals.closed_at IS NULL
    )
    AND "deals"."owner" = '伊藤 誠'
    AND CAST("deals"."closed_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      deals.outcome = 'won' AND NOT deals.closed_at IS NULL
    )
    AND "deals"."owner" = '松井 拓也'
    AND CAST("deals"."closed_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      deals.outcome = 'won' AND NOT deals.closed_at IS NULL
    )
    AND "deals"."owner" = '松井 拓也'
    AND CAST("deals"."closed_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      deals.outcome = 'won' AND NOT deals.closed_at IS NULL
    )
    AND "deals"."owner" = '田中 亮'
    AND CAST("deals"."closed_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      deals.outcome = 'won' AND NOT deals.closed_at IS NULL
    )
    AND "deals"."owner" = '田中 亮'
    AND CAST("deals"."closed_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    stage_history.entity = 'deal'
    AND stage_history.entity_id IN (
      SELECT
        d.deal_id
      FROM deals AS d
      WHERE
        d.owner = '中村 浩二'
    )
    AND CAST("stage_history"."entered_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    stage_history.entity = 'deal'
    AND stage_history.entity_id IN (
      SELECT
        d.deal_id
      FROM deals AS d
      WHERE
        d.owner = '中村 浩二'
    )
    AND CAST("stage_history"."entered_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    stage_history.entity = 'deal'
    AND stage_history.entity_id IN (
      SELECT
        d.deal_id
      FROM deals AS d
      WHERE
        d.owner = '伊藤 誠'
    )
    AND CAST("stage_history"."entered_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    stage_history.entity = 'deal'
    AND stage_history.entity_id IN (
      SELECT
        d.deal_id
      FROM deals AS d
      WHERE
        d.owner = '伊藤 誠'
    )
    AND CAST("stage_history"."entered_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    stage_history.entity = 'deal'
    AND stage_history.entity_id IN (
      SELECT
        d.deal_id
      FROM deals AS d
      WHERE
        d.owner = '山本 裕子'
    )
    AND CAST("stage_history"."entered_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    stage_history.entity = 'deal'
    AND stage_history.entity_id IN (
      SELECT
        d.deal_id
      FROM deals AS d
      WHERE
        d.owner = '山本 裕子'
    )
    AND CAST("stage_history"."entered_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    stage_history.entity = 'deal'
    AND stage_history.entity_id IN (
      SELECT
        d.deal_id
      FROM deals AS d
      WHERE
        d.owner = '松井 拓也'
    )
    AND CAST("stage_history"."entered_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    stage_history.entity = 'deal'
    AND stage_history.entity_id IN (
      SELECT
        d.deal_id
      FROM deals AS d
      WHERE
        d.owner = '松井 拓也'
    )
    AND CAST("stage_history"."entered_at" AS DATE) IN (
      CAST('2023-04-27' AS DATE),
      CAST('2023-04-28' AS DATE),
      CAST('2023-05-30' AS DATE),
      CAST('2023-05-31' AS DATE),
      CAST('2023-06-29' AS DATE),
      CAST('2023-06-30' AS DATE),
      CAST('2023-07-28' AS DATE),
      CAST('2023-07-31' AS DATE),
      CAST('2023-08-30' AS DATE),
      CAST('2023-08-31' AS DATE),
      CAST('2023-09-28' AS DATE),
      CAST('2023-09-29' AS DATE),
      CAST('2023-10-30' AS DATE),
      CAST('2023-10-31' AS DATE),
      CAST('2023-11-29' AS DATE),
      CAST('2023-11-30' AS DATE),
      CAST('2023-12-28' AS DATE),
      CAST('2023-12-29' AS DATE),
      CAST('2024-01-30' AS DATE),
      CAST('2024-01-31' AS DATE),
      CAST('2024-02-28' AS DATE),
      CAST('2024-02-29' AS DATE),
      CAST('2024-03-28' AS DATE),
      CAST('2024-03-29' AS DATE),
      CAST('2024-04-26' AS DATE),
      CAST('2024-04-30' AS DATE),
      CAST('2024-05-30' AS DATE),
      CAST('2024-05-31' AS DATE),
      CAST('2024-06-27' AS DATE),
      CAST('2024-06-28' AS DATE),
      CAST('2024-07-30' AS DATE),
      CAST('2024-07-31' AS DATE),
      CAST('2024-08-29' AS DATE),
      CAST('2024-08-30' AS DATE),
      CAST('2024-09-27' AS DATE),
      CAST('2024-09-30' AS DATE),
      CAST('2024-10-30' AS DATE),
      CAST('2024-10-31' AS DATE),
      CAST('2024-11-28' AS DATE),
      CAST('2024-11-29' AS DATE),
      CAST('2024-12-27' AS DATE),
      CAST('2024-12-30' AS DATE),
      CAST('2025-01-30' AS DATE),
      CAST('2025-01-31' AS DATE),
      CAST('2025-02-27' AS DATE),
      CAST('2025-02-28' AS DATE),
      CAST('2025-03-28' AS DATE),
      CAST('2025-03-31' AS DATE),
      CAST('2025-04-28' AS DATE),
      CAST('2025-04-30' AS DATE),
      CAST('2025-05-29' AS DATE),
      CAST('2025-05-30' AS DATE),
      CAST('2025-06-27' AS DATE),
      CAST('2025-06-30' AS DATE),
      CAST('2025-07-30' AS DATE),
      CAST('2025-07-31' AS DATE),
      CAST('2025-08-28' AS DATE),
      CAST('2025-08-29' AS DATE),
      CAST('2025-09-29' AS DATE),
      CAST('2025-09-30' AS DATE),
      CAST('2025-10-30' AS DATE),
      CAST('2025-10-31' AS DATE),
      CAST('2025-11-27' AS DATE),
      CAST('2025-11-28' AS DATE),
      CAST('2025-12-29' AS DATE),
      CAST('2025-12-30' AS DATE),
      CAST('2026-01-29' AS DATE),
      CAST('2026-01-30' AS DATE),
      CAST('2026-02-26' AS DATE),
      CAST('2026-02-27' AS DATE),
      CAST('2026-03-30' AS DATE),
      CAST('2026-03-31' AS DATE)
    )
  );

SELECT
  "deals"."owner" AS owner,
  COUNT(*) AS n,
  COUNT(*) FILTER(WHERE
    CAST(deals.amount AS BIGINT) % 1000000 = 0
    AND deals.amount = CAST(deals.amount AS BIGINT)) AS x
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND deals.amount > 0
  AND NOT "deals"."owner" IS NULL
GROUP BY
  "deals"."owner"
ORDER BY
  owner;

SELECT
  "deals"."owner" AS owner,
  COUNT(*) AS n,
  COUNT(*) FILTER(WHERE
    CAST(deals.amount AS BIGINT) % 1000000 = 0
    AND deals.amount = CAST(deals.amount AS BIGINT)) AS x
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND deals.amount > 0
  AND NOT "deals"."owner" IS NULL
GROUP BY
  "deals"."owner"
ORDER BY
  owner;

SELECT DISTINCT
  "deals"."owner" AS owner
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND deals.closed_at < deals.created_at
ORDER BY
  owner;

SELECT DISTINCT
  "deals"."owner" AS owner
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND deals.closed_at < deals.created_at
ORDER BY
  owner;

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      stage_history.entity = 'deal'
      AND EXISTS(
        SELECT
          1
        FROM deals AS b
        WHERE
          b.deal_id = stage_history.entity_id AND b.created_at > stage_history.entered_at
      )
    )
    OR (
      stage_history.entity = 'contact'
      AND EXISTS(
        SELECT
          1
        FROM contacts AS b
        WHERE
          b.contact_id = stage_history.entity_id
          AND b.created_at > stage_history.entered_at
      )
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      stage_history.entity = 'deal'
      AND EXISTS(
        SELECT
          1
        FROM deals AS b
        WHERE
          b.deal_id = stage_history.entity_id AND b.created_at > stage_history.entered_at
      )
    )
    OR (
      stage_history.entity = 'contact'
      AND EXISTS(
        SELECT
          1
        FROM contacts AS b
        WHERE
          b.contact_id = stage_history.entity_id
          AND b.created_at > stage_history.entered_at
      )
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    EXISTS(
      SELECT
        1
      FROM stage_history AS e
      WHERE
        "e"."entity" = "stage_history"."entity"
        AND "e"."entity_id" = "stage_history"."entity_id"
        AND CASE
          WHEN "e"."entity" = 'contact' AND "e"."stage" = 'lead'
          THEN 0
          WHEN "e"."entity" = 'contact' AND "e"."stage" = 'mql'
          THEN 1
          WHEN "e"."entity" = 'contact' AND "e"."stage" = 'sql'
          THEN 2
          WHEN "e"."entity" = 'contact' AND "e"."stage" = 'opportunity'
          THEN 3
          WHEN "e"."entity" = 'contact' AND "e"."stage" = 'customer'
          THEN 4
          WHEN "e"."entity" = 'deal' AND "e"."stage" = 'appointment'
          THEN 0
          WHEN "e"."entity" = 'deal' AND "e"."stage" = 'valid'
          THEN 1
          WHEN "e"."entity" = 'deal' AND "e"."stage" = 'proposal'
          THEN 2
          WHEN "e"."entity" = 'deal' AND "e"."stage" = 'won'
          THEN 3
        END < CASE
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
          THEN 0
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
          THEN 1
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
          THEN 2
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
          THEN 3
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
          THEN 4
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
          THEN 0
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
          THEN 1
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
          THEN 2
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
          THEN 3
        END
        AND "e"."entered_at" > "stage_history"."entered_at"
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    EXISTS(
      SELECT
        1
      FROM stage_history AS e
      WHERE
        "e"."entity" = "stage_history"."entity"
        AND "e"."entity_id" = "stage_history"."entity_id"
        AND CASE
          WHEN "e"."entity" = 'contact' AND "e"."stage" = 'lead'
          THEN 0
          WHEN "e"."entity" = 'contact' AND "e"."stage" = 'mql'
          THEN 1
          WHEN "e"."entity" = 'contact' AND "e"."stage" = 'sql'
          THEN 2
          WHEN "e"."entity" = 'contact' AND "e"."stage" = 'opportunity'
          THEN 3
          WHEN "e"."entity" = 'contact' AND "e"."stage" = 'customer'
          THEN 4
          WHEN "e"."entity" = 'deal' AND "e"."stage" = 'appointment'
          THEN 0
          WHEN "e"."entity" = 'deal' AND "e"."stage" = 'valid'
          THEN 1
          WHEN "e"."entity" = 'deal' AND "e"."stage" = 'proposal'
          THEN 2
          WHEN "e"."entity" = 'deal' AND "e"."stage" = 'won'
          THEN 3
        END < CASE
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
          THEN 0
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
          THEN 1
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
          THEN 2
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
          THEN 3
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
          THEN 4
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
          THEN 0
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
          THEN 1
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
          THEN 2
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
          THEN 3
        END
        AND "e"."entered_at" > "stage_history"."entered_at"
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT CASE
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
      THEN 'lead'
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
      THEN 'mql'
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
      THEN 'sql'
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
      THEN 'opportunity'
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
      THEN 'appointment'
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
      THEN 'valid'
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
      THEN 'proposal'
    END IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM stage_history AS e
      WHERE
        "e"."entity" = "stage_history"."entity"
        AND "e"."entity_id" = "stage_history"."entity_id"
        AND "e"."stage" = CASE
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
          THEN 'lead'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
          THEN 'mql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
          THEN 'sql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
          THEN 'opportunity'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
          THEN 'appointment'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
          THEN 'valid'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
          THEN 'proposal'
        END
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT CASE
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
      THEN 'lead'
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
      THEN 'mql'
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
      THEN 'sql'
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
      THEN 'opportunity'
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
      THEN 'appointment'
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
      THEN 'valid'
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
      THEN 'proposal'
    END IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM stage_history AS e
      WHERE
        "e"."entity" = "stage_history"."entity"
        AND "e"."entity_id" = "stage_history"."entity_id"
        AND "e"."stage" = CASE
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
          THEN 'lead'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
          THEN 'mql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
          THEN 'sql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
          THEN 'opportunity'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
          THEN 'appointment'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
          THEN 'valid'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
          THEN 'proposal'
        END
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    stage_history.entered_at IN (
      SELECT
        s.entered_at
      FROM stage_history AS s
      GROUP BY
        s.entered_at
      HAVING
        COUNT(*) >= 20
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    stage_history.entered_at IN (
      SELECT
        s.entered_at
      FROM stage_history AS s
      GROUP BY
        s.entered_at
      HAVING
        COUNT(*) >= 20
    )
  );

SELECT
  COUNT(*)
FROM accounts
WHERE
  CAST("accounts"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM accounts
WHERE
  CAST("accounts"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  CAST("contacts"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  CAST("contacts"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM stage_history
WHERE
  CAST("stage_history"."entered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM stage_history
WHERE
  CAST("stage_history"."entered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM deals
WHERE
  CAST("deals"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM deals
WHERE
  CAST("deals"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  CAST("touchpoints"."occurred_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  CAST("touchpoints"."occurred_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  CAST("booth_traffic"."hour" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  CAST("booth_traffic"."hour" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM costs
WHERE
  CAST("costs"."date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM costs
WHERE
  CAST("costs"."date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM orders
WHERE
  CAST("orders"."ordered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM orders
WHERE
  CAST("orders"."ordered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM surveys
WHERE
  CAST("surveys"."answered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM surveys
WHERE
  CAST("surveys"."answered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  CAST("brand_signals"."date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  CAST("brand_signals"."date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM accounts
WHERE
  (
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "accounts"."account_id" IS NULL
  );

SELECT
  COUNT(*)
FROM accounts
WHERE
  (
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "accounts"."account_id" IS NULL
  );

SELECT
  COUNT(*)
FROM accounts
WHERE
  (
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "accounts"."name" IS NULL
  );

SELECT
  COUNT(*)
FROM accounts
WHERE
  (
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "accounts"."name" IS NULL
  );

SELECT
  COUNT(*)
FROM accounts
WHERE
  (
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "accounts"."employees" < 0
  );

SELECT
  COUNT(*)
FROM accounts
WHERE
  (
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "accounts"."employees" < 0
  );

SELECT
  COUNT(*)
FROM accounts
WHERE
  (
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM accounts AS dup
      WHERE
        "dup"."account_id" = "accounts"."account_id"
    ) > 1
  );

SELECT
  COUNT(*)
FROM accounts
WHERE
  (
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM accounts AS dup
      WHERE
        "dup"."account_id" = "accounts"."account_id"
    ) > 1
  );

SELECT
  COUNT(*)
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "contacts"."contact_id" IS NULL
  );

SELECT
  COUNT(*)
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "contacts"."contact_id" IS NULL
  );

SELECT
  COUNT(*)
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "contacts"."created_at" IS NULL
  );

SELECT
  COUNT(*)
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "contacts"."created_at" IS NULL
  );

SELECT
  COUNT(*)
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM contacts AS dup
      WHERE
        "dup"."contact_id" = "contacts"."contact_id"
    ) > 1
  );

SELECT
  COUNT(*)
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM contacts AS dup
      WHERE
        "dup"."contact_id" = "contacts"."contact_id"
    ) > 1
  );

SELECT
  COUNT(*)
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "contacts"."account_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM accounts AS t
      WHERE
        "t"."account_id" = "contacts"."account_id"
    )
  );

SELECT
  COUNT(*)
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "contacts"."account_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM accounts AS t
      WHERE
        "t"."account_id" = "contacts"."account_id"
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."entity" IS NULL
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."entity" IS NULL
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."entity_id" IS NULL
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."entity_id" IS NULL
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."stage" IS NULL
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."stage" IS NULL
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."entered_at" IS NULL
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."entered_at" IS NULL
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "stage_history"."entity" IS NULL
    AND NOT "stage_history"."entity" IN ('contact', 'deal')
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "stage_history"."entity" IS NULL
    AND NOT "stage_history"."entity" IN ('contact', 'deal')
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "stage_history"."entity" IS NULL
    AND CASE
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
      THEN 0
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
      THEN 1
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
      THEN 2
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
      THEN 3
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
      THEN 4
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
      THEN 0
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
      THEN 1
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
      THEN 2
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
      THEN 3
    END IS NULL
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "stage_history"."entity" IS NULL
    AND CASE
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
      THEN 0
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
      THEN 1
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
      THEN 2
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
      THEN 3
      WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
      THEN 4
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
      THEN 0
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
      THEN 1
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
      THEN 2
      WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
      THEN 3
    END IS NULL
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM stage_history AS dup
      WHERE
        "dup"."entity" = "stage_history"."entity"
        AND "dup"."entity_id" = "stage_history"."entity_id"
        AND "dup"."stage" = "stage_history"."stage"
        AND "dup"."entered_at" = "stage_history"."entered_at"
    ) > 1
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM stage_history AS dup
      WHERE
        "dup"."entity" = "stage_history"."entity"
        AND "dup"."entity_id" = "stage_history"."entity_id"
        AND "dup"."stage" = "stage_history"."stage"
        AND "dup"."entered_at" = "stage_history"."entered_at"
    ) > 1
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."entity" = 'contact'
    AND (
      NOT "stage_history"."entity_id" IS NULL
      AND NOT EXISTS(
        SELECT
          1
        FROM contacts AS t
        WHERE
          "t"."contact_id" = "stage_history"."entity_id"
      )
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."entity" = 'contact'
    AND (
      NOT "stage_history"."entity_id" IS NULL
      AND NOT EXISTS(
        SELECT
          1
        FROM contacts AS t
        WHERE
          "t"."contact_id" = "stage_history"."entity_id"
      )
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."entity" = 'deal'
    AND (
      NOT "stage_history"."entity_id" IS NULL
      AND NOT EXISTS(
        SELECT
          1
        FROM deals AS t
        WHERE
          "t"."deal_id" = "stage_history"."entity_id"
      )
    )
  );

SELECT
  COUNT(*)
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "stage_history"."entity" = 'deal'
    AND (
      NOT "stage_history"."entity_id" IS NULL
      AND NOT EXISTS(
        SELECT
          1
        FROM deals AS t
        WHERE
          "t"."deal_id" = "stage_history"."entity_id"
      )
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."deal_id" IS NULL
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."deal_id" IS NULL
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."created_at" IS NULL
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."created_at" IS NULL
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."outcome" IS NULL
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."outcome" IS NULL
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."closed_at" IS NULL
    AND (
      (
        "deals"."outcome" = 'won'
      )
      OR (
        "deals"."outcome" = 'lost'
      )
      OR (
        "deals"."outcome" IN ('won', 'lost')
      )
      OR (
        "deals"."outcome" = 'won'
      )
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."closed_at" IS NULL
    AND (
      (
        "deals"."outcome" = 'won'
      )
      OR (
        "deals"."outcome" = 'lost'
      )
      OR (
        "deals"."outcome" IN ('won', 'lost')
      )
      OR (
        "deals"."outcome" = 'won'
      )
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."amount" IS NULL AND (
      (
        "deals"."outcome" = 'won'
      )
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."amount" IS NULL AND (
      (
        "deals"."outcome" = 'won'
      )
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."amount" < 0
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "deals"."amount" < 0
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "deals"."outcome" IS NULL
    AND NOT "deals"."outcome" IN ('open', 'won', 'lost')
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "deals"."outcome" IS NULL
    AND NOT "deals"."outcome" IN ('open', 'won', 'lost')
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM deals AS dup
      WHERE
        "dup"."deal_id" = "deals"."deal_id"
    ) > 1
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM deals AS dup
      WHERE
        "dup"."deal_id" = "deals"."deal_id"
    ) > 1
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "deals"."account_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM accounts AS t
      WHERE
        "t"."account_id" = "deals"."account_id"
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "deals"."account_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM accounts AS t
      WHERE
        "t"."account_id" = "deals"."account_id"
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "deals"."contact_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM contacts AS t
      WHERE
        "t"."contact_id" = "deals"."contact_id"
    )
  );

SELECT
  COUNT(*)
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "deals"."contact_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM contacts AS t
      WHERE
        "t"."contact_id" = "deals"."contact_id"
    )
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."occurred_at" IS NULL
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."occurred_at" IS NULL
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."type" IS NULL
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."type" IS NULL
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."contact_id" IS NULL
    AND (
      (
        "touchpoints"."type" = 'booth_visit'
      )
      OR (
        "touchpoints"."type" = 'demo'
      )
      OR (
        "touchpoints"."type" = 'badge_scan'
      )
    )
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."contact_id" IS NULL
    AND (
      (
        "touchpoints"."type" = 'booth_visit'
      )
      OR (
        "touchpoints"."type" = 'demo'
      )
      OR (
        "touchpoints"."type" = 'badge_scan'
      )
    )
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."session_id" IS NULL
    AND (
      (
        "touchpoints"."type" = 'page_view'
      )
    )
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."session_id" IS NULL
    AND (
      (
        "touchpoints"."type" = 'page_view'
      )
    )
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."dwell_seconds" < 0
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."dwell_seconds" < 0
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."scroll_pct" < 0
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "touchpoints"."scroll_pct" < 0
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "touchpoints"."contact_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM contacts AS t
      WHERE
        "t"."contact_id" = "touchpoints"."contact_id"
    )
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "touchpoints"."contact_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM contacts AS t
      WHERE
        "t"."contact_id" = "touchpoints"."contact_id"
    )
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "touchpoints"."account_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM accounts AS t
      WHERE
        "t"."account_id" = "touchpoints"."account_id"
    )
  );

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  (
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "touchpoints"."account_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM accounts AS t
      WHERE
        "t"."account_id" = "touchpoints"."account_id"
    )
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "booth_traffic"."exhibition_id" IS NULL
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "booth_traffic"."exhibition_id" IS NULL
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "booth_traffic"."exhibit_id" IS NULL
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "booth_traffic"."exhibit_id" IS NULL
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "booth_traffic"."hour" IS NULL
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "booth_traffic"."hour" IS NULL
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "booth_traffic"."passersby" IS NULL
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "booth_traffic"."passersby" IS NULL
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "booth_traffic"."passersby" < 0
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "booth_traffic"."passersby" < 0
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM booth_traffic AS dup
      WHERE
        "dup"."exhibition_id" = "booth_traffic"."exhibition_id"
        AND "dup"."exhibit_id" = "booth_traffic"."exhibit_id"
        AND "dup"."hour" = "booth_traffic"."hour"
    ) > 1
  );

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  (
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM booth_traffic AS dup
      WHERE
        "dup"."exhibition_id" = "booth_traffic"."exhibition_id"
        AND "dup"."exhibit_id" = "booth_traffic"."exhibit_id"
        AND "dup"."hour" = "booth_traffic"."hour"
    ) > 1
  );

SELECT
  COUNT(*)
FROM costs
WHERE
  (
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "costs"."date" IS NULL
  );

SELECT
  COUNT(*)
FROM costs
WHERE
  (
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "costs"."date" IS NULL
  );

SELECT
  COUNT(*)
FROM costs
WHERE
  (
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "costs"."category" IS NULL
  );

SELECT
  COUNT(*)
FROM costs
WHERE
  (
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "costs"."category" IS NULL
  );

SELECT
  COUNT(*)
FROM costs
WHERE
  (
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "costs"."amount" IS NULL
  );

SELECT
  COUNT(*)
FROM costs
WHERE
  (
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "costs"."amount" IS NULL
  );

SELECT
  COUNT(*)
FROM costs
WHERE
  (
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "costs"."amount" < 0
  );

SELECT
  COUNT(*)
FROM costs
WHERE
  (
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "costs"."amount" < 0
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "orders"."order_id" IS NULL
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "orders"."order_id" IS NULL
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "orders"."account_id" IS NULL
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "orders"."account_id" IS NULL
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "orders"."ordered_at" IS NULL
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "orders"."ordered_at" IS NULL
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "orders"."amount" IS NULL
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "orders"."amount" IS NULL
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "orders"."amount" < 0
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "orders"."amount" < 0
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "orders"."kind" IS NULL
    AND NOT "orders"."kind" IN ('new', 'repeat', 'upsell', 'cross_sell', 'renewal')
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "orders"."kind" IS NULL
    AND NOT "orders"."kind" IN ('new', 'repeat', 'upsell', 'cross_sell', 'renewal')
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM orders AS dup
      WHERE
        "dup"."order_id" = "orders"."order_id"
    ) > 1
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM orders AS dup
      WHERE
        "dup"."order_id" = "orders"."order_id"
    ) > 1
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "orders"."account_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM accounts AS t
      WHERE
        "t"."account_id" = "orders"."account_id"
    )
  );

SELECT
  COUNT(*)
FROM orders
WHERE
  (
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "orders"."account_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM accounts AS t
      WHERE
        "t"."account_id" = "orders"."account_id"
    )
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "surveys"."response_id" IS NULL
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "surveys"."response_id" IS NULL
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "surveys"."answered_at" IS NULL
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "surveys"."answered_at" IS NULL
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "surveys"."kind" IS NULL
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "surveys"."kind" IS NULL
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "surveys"."kind" IS NULL
    AND NOT "surveys"."kind" IN ('nps', 'csat', 'awareness')
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "surveys"."kind" IS NULL
    AND NOT "surveys"."kind" IN ('nps', 'csat', 'awareness')
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM surveys AS dup
      WHERE
        "dup"."response_id" = "surveys"."response_id"
    ) > 1
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    (
      SELECT
        COUNT(*)
      FROM surveys AS dup
      WHERE
        "dup"."response_id" = "surveys"."response_id"
    ) > 1
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "surveys"."contact_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM contacts AS t
      WHERE
        "t"."contact_id" = "surveys"."contact_id"
    )
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "surveys"."contact_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM contacts AS t
      WHERE
        "t"."contact_id" = "surveys"."contact_id"
    )
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "surveys"."account_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM accounts AS t
      WHERE
        "t"."account_id" = "surveys"."account_id"
    )
  );

SELECT
  COUNT(*)
FROM surveys
WHERE
  (
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "surveys"."account_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM accounts AS t
      WHERE
        "t"."account_id" = "surveys"."account_id"
    )
  );

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  (
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "brand_signals"."date" IS NULL
  );

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  (
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "brand_signals"."date" IS NULL
  );

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  (
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "brand_signals"."kind" IS NULL
  );

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  (
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "brand_signals"."kind" IS NULL
  );

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  (
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "brand_signals"."value" IS NULL
  );

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  (
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    "brand_signals"."value" IS NULL
  );

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  (
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "brand_signals"."kind" IS NULL
    AND NOT "brand_signals"."kind" IN ('branded_search', 'mention', 'review', 'media')
  );

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  (
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT "brand_signals"."kind" IS NULL
    AND NOT "brand_signals"."kind" IN ('branded_search', 'mention', 'review', 'media')
  );

SELECT
  COUNT(*)
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT contacts.email IS NULL
    AND EXISTS(
      SELECT
        1
      FROM contacts AS dup
      WHERE
        LOWER(dup.email) = LOWER(contacts.email)
        AND (
          dup.created_at < contacts.created_at
          OR (
            dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id
          )
        )
    )
  );

SELECT
  COUNT(*)
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND (
    NOT contacts.email IS NULL
    AND EXISTS(
      SELECT
        1
      FROM contacts AS dup
      WHERE
        LOWER(dup.email) = LOWER(contacts.email)
        AND (
          dup.created_at < contacts.created_at
          OR (
            dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id
          )
        )
    )
  );

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
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
  "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
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
  "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '伊藤 誠'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '伊藤 誠'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '伊藤 誠'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '伊藤 誠'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '松井 拓也'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '松井 拓也'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '松井 拓也'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '松井 拓也'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '田中 亮'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '田中 亮'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '田中 亮'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '田中 亮'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '中村 浩二'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '中村 浩二'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '伊藤 誠'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '伊藤 誠'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '山本 裕子'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '山本 裕子'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '松井 拓也'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '松井 拓也'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        EXISTS(
          SELECT
            1
          FROM stage_history AS e
          WHERE
            "e"."entity" = "stage_history"."entity"
            AND "e"."entity_id" = "stage_history"."entity_id"
            AND CASE
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'lead'
              THEN 0
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'mql'
              THEN 1
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'sql'
              THEN 2
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'opportunity'
              THEN 3
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'customer'
              THEN 4
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'appointment'
              THEN 0
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'valid'
              THEN 1
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'proposal'
              THEN 2
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'won'
              THEN 3
            END < CASE
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
              THEN 0
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
              THEN 1
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
              THEN 2
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
              THEN 3
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
              THEN 4
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
              THEN 0
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
              THEN 1
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
              THEN 2
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
              THEN 3
            END
            AND "e"."entered_at" > "stage_history"."entered_at"
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        EXISTS(
          SELECT
            1
          FROM stage_history AS e
          WHERE
            "e"."entity" = "stage_history"."entity"
            AND "e"."entity_id" = "stage_history"."entity_id"
            AND CASE
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'lead'
              THEN 0
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'mql'
              THEN 1
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'sql'
              THEN 2
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'opportunity'
              THEN 3
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'customer'
              THEN 4
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'appointment'
              THEN 0
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'valid'
              THEN 1
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'proposal'
              THEN 2
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'won'
              THEN 3
            END < CASE
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
              THEN 0
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
              THEN 1
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
              THEN 2
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
              THEN 3
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
              THEN 4
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
              THEN 0
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
              THEN 1
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
              THEN 2
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
              THEN 3
            END
            AND "e"."entered_at" > "stage_history"."entered_at"
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        NOT CASE
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
          THEN 'lead'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
          THEN 'mql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
          THEN 'sql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
          THEN 'opportunity'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
          THEN 'appointment'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
          THEN 'valid'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
          THEN 'proposal'
        END IS NULL
        AND NOT EXISTS(
          SELECT
            1
          FROM stage_history AS e
          WHERE
            "e"."entity" = "stage_history"."entity"
            AND "e"."entity_id" = "stage_history"."entity_id"
            AND "e"."stage" = CASE
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
              THEN 'lead'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
              THEN 'mql'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
              THEN 'sql'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
              THEN 'opportunity'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
              THEN 'appointment'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
              THEN 'valid'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
              THEN 'proposal'
            END
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        NOT CASE
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
          THEN 'lead'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
          THEN 'mql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
          THEN 'sql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
          THEN 'opportunity'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
          THEN 'appointment'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
          THEN 'valid'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
          THEN 'proposal'
        END IS NULL
        AND NOT EXISTS(
          SELECT
            1
          FROM stage_history AS e
          WHERE
            "e"."entity" = "stage_history"."entity"
            AND "e"."entity_id" = "stage_history"."entity_id"
            AND "e"."stage" = CASE
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
              THEN 'lead'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
              THEN 'mql'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
              THEN 'sql'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
              THEN 'opportunity'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
              THEN 'appointment'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
              THEN 'valid'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
              THEN 'proposal'
            END
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        NOT contacts.email IS NULL
        AND EXISTS(
          SELECT
            1
          FROM contacts AS dup
          WHERE
            LOWER(dup.email) = LOWER(contacts.email)
            AND (
              dup.created_at < contacts.created_at
              OR (
                dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id
              )
            )
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        NOT contacts.email IS NULL
        AND EXISTS(
          SELECT
            1
          FROM contacts AS dup
          WHERE
            LOWER(dup.email) = LOWER(contacts.email)
            AND (
              dup.created_at < contacts.created_at
              OR (
                dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id
              )
            )
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM accounts;

SELECT
  COUNT(*) FILTER(WHERE
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM accounts;

SELECT
  COUNT(*) FILTER(WHERE
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      (
        (
          "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          NOT contacts.email IS NULL
          AND EXISTS(
            SELECT
              1
            FROM contacts AS dup
            WHERE
              LOWER(dup.email) = LOWER(contacts.email)
              AND (
                dup.created_at < contacts.created_at
                OR (
                  dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id
                )
              )
          )
        )
      )
    )),
  COUNT(*) FILTER(WHERE
    (
      (
        "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        NOT contacts.email IS NULL
        AND EXISTS(
          SELECT
            1
          FROM contacts AS dup
          WHERE
            LOWER(dup.email) = LOWER(contacts.email)
            AND (
              dup.created_at < contacts.created_at
              OR (
                dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id
              )
            )
        )
      )
    ))
FROM contacts;

SELECT
  COUNT(*) FILTER(WHERE
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      (
        (
          "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          NOT contacts.email IS NULL
          AND EXISTS(
            SELECT
              1
            FROM contacts AS dup
            WHERE
              LOWER(dup.email) = LOWER(contacts.email)
              AND (
                dup.created_at < contacts.created_at
                OR (
                  dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id
                )
              )
          )
        )
      )
    )),
  COUNT(*) FILTER(WHERE
    (
      (
        "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        NOT contacts.email IS NULL
        AND EXISTS(
          SELECT
            1
          FROM contacts AS dup
          WHERE
            LOWER(dup.email) = LOWER(contacts.email)
            AND (
              dup.created_at < contacts.created_at
              OR (
                dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id
              )
            )
        )
      )
    ))
FROM contacts;

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '中村 浩二'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '伊藤 誠'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '山本 裕子'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '松井 拓也'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          EXISTS(
            SELECT
              1
            FROM stage_history AS e
            WHERE
              "e"."entity" = "stage_history"."entity"
              AND "e"."entity_id" = "stage_history"."entity_id"
              AND CASE
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'lead'
                THEN 0
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'mql'
                THEN 1
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'sql'
                THEN 2
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'opportunity'
                THEN 3
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'customer'
                THEN 4
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'appointment'
                THEN 0
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'valid'
                THEN 1
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'proposal'
                THEN 2
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'won'
                THEN 3
              END < CASE
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
                THEN 0
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
                THEN 1
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
                THEN 2
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
                THEN 3
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
                THEN 4
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
                THEN 0
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
                THEN 1
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
                THEN 2
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
                THEN 3
              END
              AND "e"."entered_at" > "stage_history"."entered_at"
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          NOT CASE
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
            THEN 'lead'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
            THEN 'mql'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
            THEN 'sql'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
            THEN 'opportunity'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
            THEN 'appointment'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
            THEN 'valid'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
            THEN 'proposal'
          END IS NULL
          AND NOT EXISTS(
            SELECT
              1
            FROM stage_history AS e
            WHERE
              "e"."entity" = "stage_history"."entity"
              AND "e"."entity_id" = "stage_history"."entity_id"
              AND "e"."stage" = CASE
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
                THEN 'lead'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
                THEN 'mql'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
                THEN 'sql'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
                THEN 'opportunity'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
                THEN 'appointment'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
                THEN 'valid'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
                THEN 'proposal'
              END
          )
        )
      )
    )),
  COUNT(*) FILTER(WHERE
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '中村 浩二'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '伊藤 誠'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '山本 裕子'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '松井 拓也'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        EXISTS(
          SELECT
            1
          FROM stage_history AS e
          WHERE
            "e"."entity" = "stage_history"."entity"
            AND "e"."entity_id" = "stage_history"."entity_id"
            AND CASE
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'lead'
              THEN 0
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'mql'
              THEN 1
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'sql'
              THEN 2
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'opportunity'
              THEN 3
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'customer'
              THEN 4
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'appointment'
              THEN 0
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'valid'
              THEN 1
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'proposal'
              THEN 2
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'won'
              THEN 3
            END < CASE
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
              THEN 0
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
              THEN 1
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
              THEN 2
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
              THEN 3
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
              THEN 4
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
              THEN 0
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
              THEN 1
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
              THEN 2
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
              THEN 3
            END
            AND "e"."entered_at" > "stage_history"."entered_at"
        )
      )
    )
    OR (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        NOT CASE
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
          THEN 'lead'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
          THEN 'mql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
          THEN 'sql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
          THEN 'opportunity'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
          THEN 'appointment'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
          THEN 'valid'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
          THEN 'proposal'
        END IS NULL
        AND NOT EXISTS(
          SELECT
            1
          FROM stage_history AS e
          WHERE
            "e"."entity" = "stage_history"."entity"
            AND "e"."entity_id" = "stage_history"."entity_id"
            AND "e"."stage" = CASE
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
              THEN 'lead'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
              THEN 'mql'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
              THEN 'sql'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
              THEN 'opportunity'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
              THEN 'appointment'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
              THEN 'valid'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
              THEN 'proposal'
            END
        )
      )
    ))
FROM stage_history;

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '中村 浩二'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '伊藤 誠'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '山本 裕子'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '松井 拓也'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          EXISTS(
            SELECT
              1
            FROM stage_history AS e
            WHERE
              "e"."entity" = "stage_history"."entity"
              AND "e"."entity_id" = "stage_history"."entity_id"
              AND CASE
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'lead'
                THEN 0
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'mql'
                THEN 1
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'sql'
                THEN 2
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'opportunity'
                THEN 3
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'customer'
                THEN 4
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'appointment'
                THEN 0
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'valid'
                THEN 1
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'proposal'
                THEN 2
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'won'
                THEN 3
              END < CASE
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
                THEN 0
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
                THEN 1
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
                THEN 2
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
                THEN 3
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
                THEN 4
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
                THEN 0
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
                THEN 1
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
                THEN 2
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
                THEN 3
              END
              AND "e"."entered_at" > "stage_history"."entered_at"
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          NOT CASE
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
            THEN 'lead'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
            THEN 'mql'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
            THEN 'sql'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
            THEN 'opportunity'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
            THEN 'appointment'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
            THEN 'valid'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
            THEN 'proposal'
          END IS NULL
          AND NOT EXISTS(
            SELECT
              1
            FROM stage_history AS e
            WHERE
              "e"."entity" = "stage_history"."entity"
              AND "e"."entity_id" = "stage_history"."entity_id"
              AND "e"."stage" = CASE
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
                THEN 'lead'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
                THEN 'mql'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
                THEN 'sql'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
                THEN 'opportunity'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
                THEN 'appointment'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
                THEN 'valid'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
                THEN 'proposal'
              END
          )
        )
      )
    )),
  COUNT(*) FILTER(WHERE
    (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '中村 浩二'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '伊藤 誠'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '山本 裕子'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        stage_history.entity = 'deal'
        AND stage_history.entity_id IN (
          SELECT
            d.deal_id
          FROM deals AS d
          WHERE
            d.owner = '松井 拓也'
        )
        AND CAST("stage_history"."entered_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        EXISTS(
          SELECT
            1
          FROM stage_history AS e
          WHERE
            "e"."entity" = "stage_history"."entity"
            AND "e"."entity_id" = "stage_history"."entity_id"
            AND CASE
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'lead'
              THEN 0
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'mql'
              THEN 1
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'sql'
              THEN 2
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'opportunity'
              THEN 3
              WHEN "e"."entity" = 'contact' AND "e"."stage" = 'customer'
              THEN 4
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'appointment'
              THEN 0
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'valid'
              THEN 1
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'proposal'
              THEN 2
              WHEN "e"."entity" = 'deal' AND "e"."stage" = 'won'
              THEN 3
            END < CASE
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
              THEN 0
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
              THEN 1
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
              THEN 2
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
              THEN 3
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
              THEN 4
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
              THEN 0
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
              THEN 1
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
              THEN 2
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
              THEN 3
            END
            AND "e"."entered_at" > "stage_history"."entered_at"
        )
      )
    )
    OR (
      (
        "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        NOT CASE
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
          THEN 'lead'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
          THEN 'mql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
          THEN 'sql'
          WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
          THEN 'opportunity'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
          THEN 'appointment'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
          THEN 'valid'
          WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
          THEN 'proposal'
        END IS NULL
        AND NOT EXISTS(
          SELECT
            1
          FROM stage_history AS e
          WHERE
            "e"."entity" = "stage_history"."entity"
            AND "e"."entity_id" = "stage_history"."entity_id"
            AND "e"."stage" = CASE
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
              THEN 'lead'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
              THEN 'mql'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
              THEN 'sql'
              WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
              THEN 'opportunity'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
              THEN 'appointment'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
              THEN 'valid'
              WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
              THEN 'proposal'
            END
        )
      )
    ))
FROM stage_history;

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '伊藤 誠'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '松井 拓也'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '田中 亮'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
        )
      )
    )),
  COUNT(*) FILTER(WHERE
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '伊藤 誠'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '松井 拓也'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '田中 亮'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
      )
    )
    OR (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
      )
    )
    OR (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
      )
    ))
FROM deals;

SELECT
  COUNT(*) FILTER(WHERE
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '伊藤 誠'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '松井 拓也'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '田中 亮'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
        )
      )
    )),
  COUNT(*) FILTER(WHERE
    (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '伊藤 誠'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '松井 拓也'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        (
          deals.outcome = 'won' AND NOT deals.closed_at IS NULL
        )
        AND "deals"."owner" = '田中 亮'
        AND CAST("deals"."closed_at" AS DATE) IN (
          CAST('2023-04-27' AS DATE),
          CAST('2023-04-28' AS DATE),
          CAST('2023-05-30' AS DATE),
          CAST('2023-05-31' AS DATE),
          CAST('2023-06-29' AS DATE),
          CAST('2023-06-30' AS DATE),
          CAST('2023-07-28' AS DATE),
          CAST('2023-07-31' AS DATE),
          CAST('2023-08-30' AS DATE),
          CAST('2023-08-31' AS DATE),
          CAST('2023-09-28' AS DATE),
          CAST('2023-09-29' AS DATE),
          CAST('2023-10-30' AS DATE),
          CAST('2023-10-31' AS DATE),
          CAST('2023-11-29' AS DATE),
          CAST('2023-11-30' AS DATE),
          CAST('2023-12-28' AS DATE),
          CAST('2023-12-29' AS DATE),
          CAST('2024-01-30' AS DATE),
          CAST('2024-01-31' AS DATE),
          CAST('2024-02-28' AS DATE),
          CAST('2024-02-29' AS DATE),
          CAST('2024-03-28' AS DATE),
          CAST('2024-03-29' AS DATE),
          CAST('2024-04-26' AS DATE),
          CAST('2024-04-30' AS DATE),
          CAST('2024-05-30' AS DATE),
          CAST('2024-05-31' AS DATE),
          CAST('2024-06-27' AS DATE),
          CAST('2024-06-28' AS DATE),
          CAST('2024-07-30' AS DATE),
          CAST('2024-07-31' AS DATE),
          CAST('2024-08-29' AS DATE),
          CAST('2024-08-30' AS DATE),
          CAST('2024-09-27' AS DATE),
          CAST('2024-09-30' AS DATE),
          CAST('2024-10-30' AS DATE),
          CAST('2024-10-31' AS DATE),
          CAST('2024-11-28' AS DATE),
          CAST('2024-11-29' AS DATE),
          CAST('2024-12-27' AS DATE),
          CAST('2024-12-30' AS DATE),
          CAST('2025-01-30' AS DATE),
          CAST('2025-01-31' AS DATE),
          CAST('2025-02-27' AS DATE),
          CAST('2025-02-28' AS DATE),
          CAST('2025-03-28' AS DATE),
          CAST('2025-03-31' AS DATE),
          CAST('2025-04-28' AS DATE),
          CAST('2025-04-30' AS DATE),
          CAST('2025-05-29' AS DATE),
          CAST('2025-05-30' AS DATE),
          CAST('2025-06-27' AS DATE),
          CAST('2025-06-30' AS DATE),
          CAST('2025-07-30' AS DATE),
          CAST('2025-07-31' AS DATE),
          CAST('2025-08-28' AS DATE),
          CAST('2025-08-29' AS DATE),
          CAST('2025-09-29' AS DATE),
          CAST('2025-09-30' AS DATE),
          CAST('2025-10-30' AS DATE),
          CAST('2025-10-31' AS DATE),
          CAST('2025-11-27' AS DATE),
          CAST('2025-11-28' AS DATE),
          CAST('2025-12-29' AS DATE),
          CAST('2025-12-30' AS DATE),
          CAST('2026-01-29' AS DATE),
          CAST('2026-01-30' AS DATE),
          CAST('2026-02-26' AS DATE),
          CAST('2026-02-27' AS DATE),
          CAST('2026-03-30' AS DATE),
          CAST('2026-03-31' AS DATE)
        )
      )
    )
    OR (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
      )
    )
    OR (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
      )
    )
    OR (
      (
        "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
        AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
      )
      AND (
        deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
      )
    ))
FROM deals;

SELECT
  COUNT(*) FILTER(WHERE
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM touchpoints;

SELECT
  COUNT(*) FILTER(WHERE
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM touchpoints;

SELECT
  COUNT(*) FILTER(WHERE
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM booth_traffic;

SELECT
  COUNT(*) FILTER(WHERE
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM booth_traffic;

SELECT
  COUNT(*) FILTER(WHERE
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM costs;

SELECT
  COUNT(*) FILTER(WHERE
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM costs;

SELECT
  COUNT(*) FILTER(WHERE
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM orders;

SELECT
  COUNT(*) FILTER(WHERE
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM orders;

SELECT
  COUNT(*) FILTER(WHERE
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM surveys;

SELECT
  COUNT(*) FILTER(WHERE
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM surveys;

SELECT
  COUNT(*) FILTER(WHERE
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM brand_signals;

SELECT
  COUNT(*) FILTER(WHERE
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)),
  COUNT(*) FILTER(WHERE
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )),
  COUNT(*) FILTER(WHERE
    FALSE)
FROM brand_signals;

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
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
  "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
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
  "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        (
          "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          NOT contacts.email IS NULL
          AND EXISTS(
            SELECT
              1
            FROM contacts AS dup
            WHERE
              LOWER(dup.email) = LOWER(contacts.email)
              AND (
                dup.created_at < contacts.created_at
                OR (
                  dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id
                )
              )
          )
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "leads"
FROM contacts
WHERE
  (
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        (
          "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          NOT contacts.email IS NULL
          AND EXISTS(
            SELECT
              1
            FROM contacts AS dup
            WHERE
              LOWER(dup.email) = LOWER(contacts.email)
              AND (
                dup.created_at < contacts.created_at
                OR (
                  dup.created_at = contacts.created_at AND dup.contact_id < contacts.contact_id
                )
              )
          )
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '中村 浩二'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '伊藤 誠'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '山本 裕子'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '松井 拓也'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          EXISTS(
            SELECT
              1
            FROM stage_history AS e
            WHERE
              "e"."entity" = "stage_history"."entity"
              AND "e"."entity_id" = "stage_history"."entity_id"
              AND CASE
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'lead'
                THEN 0
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'mql'
                THEN 1
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'sql'
                THEN 2
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'opportunity'
                THEN 3
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'customer'
                THEN 4
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'appointment'
                THEN 0
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'valid'
                THEN 1
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'proposal'
                THEN 2
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'won'
                THEN 3
              END < CASE
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
                THEN 0
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
                THEN 1
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
                THEN 2
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
                THEN 3
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
                THEN 4
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
                THEN 0
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
                THEN 1
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
                THEN 2
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
                THEN 3
              END
              AND "e"."entered_at" > "stage_history"."entered_at"
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          NOT CASE
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
            THEN 'lead'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
            THEN 'mql'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
            THEN 'sql'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
            THEN 'opportunity'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
            THEN 'appointment'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
            THEN 'valid'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
            THEN 'proposal'
          END IS NULL
          AND NOT EXISTS(
            SELECT
              1
            FROM stage_history AS e
            WHERE
              "e"."entity" = "stage_history"."entity"
              AND "e"."entity_id" = "stage_history"."entity_id"
              AND "e"."stage" = CASE
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
                THEN 'lead'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
                THEN 'mql'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
                THEN 'sql'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
                THEN 'opportunity'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
                THEN 'appointment'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
                THEN 'valid'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
                THEN 'proposal'
              END
          )
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls",
  COUNT(*) FILTER(WHERE
    "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  (
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '中村 浩二'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '伊藤 誠'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '山本 裕子'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          stage_history.entity = 'deal'
          AND stage_history.entity_id IN (
            SELECT
              d.deal_id
            FROM deals AS d
            WHERE
              d.owner = '松井 拓也'
          )
          AND CAST("stage_history"."entered_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          EXISTS(
            SELECT
              1
            FROM stage_history AS e
            WHERE
              "e"."entity" = "stage_history"."entity"
              AND "e"."entity_id" = "stage_history"."entity_id"
              AND CASE
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'lead'
                THEN 0
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'mql'
                THEN 1
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'sql'
                THEN 2
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'opportunity'
                THEN 3
                WHEN "e"."entity" = 'contact' AND "e"."stage" = 'customer'
                THEN 4
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'appointment'
                THEN 0
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'valid'
                THEN 1
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'proposal'
                THEN 2
                WHEN "e"."entity" = 'deal' AND "e"."stage" = 'won'
                THEN 3
              END < CASE
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'lead'
                THEN 0
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
                THEN 1
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
                THEN 2
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
                THEN 3
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
                THEN 4
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'appointment'
                THEN 0
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
                THEN 1
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
                THEN 2
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
                THEN 3
              END
              AND "e"."entered_at" > "stage_history"."entered_at"
          )
        )
      )
      OR (
        (
          "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          NOT CASE
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
            THEN 'lead'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
            THEN 'mql'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
            THEN 'sql'
            WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
            THEN 'opportunity'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
            THEN 'appointment'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
            THEN 'valid'
            WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
            THEN 'proposal'
          END IS NULL
          AND NOT EXISTS(
            SELECT
              1
            FROM stage_history AS e
            WHERE
              "e"."entity" = "stage_history"."entity"
              AND "e"."entity_id" = "stage_history"."entity_id"
              AND "e"."stage" = CASE
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql'
                THEN 'lead'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql'
                THEN 'mql'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'opportunity'
                THEN 'sql'
                WHEN "stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'customer'
                THEN 'opportunity'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'valid'
                THEN 'appointment'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'proposal'
                THEN 'valid'
                WHEN "stage_history"."entity" = 'deal' AND "stage_history"."stage" = 'won'
                THEN 'proposal'
              END
          )
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '伊藤 誠'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '松井 拓也'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '田中 亮'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT(*) AS "opportunities"
FROM deals
WHERE
  (
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '伊藤 誠'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '松井 拓也'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '田中 亮'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
        )
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '伊藤 誠'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '松井 拓也'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '田中 亮'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
        )
      )
    ),
    FALSE
  );

SELECT
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
  (
    "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  )
  AND NOT COALESCE(
    (
      (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '伊藤 誠'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '松井 拓也'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            deals.outcome = 'won' AND NOT deals.closed_at IS NULL
          )
          AND "deals"."owner" = '田中 亮'
          AND CAST("deals"."closed_at" AS DATE) IN (
            CAST('2023-04-27' AS DATE),
            CAST('2023-04-28' AS DATE),
            CAST('2023-05-30' AS DATE),
            CAST('2023-05-31' AS DATE),
            CAST('2023-06-29' AS DATE),
            CAST('2023-06-30' AS DATE),
            CAST('2023-07-28' AS DATE),
            CAST('2023-07-31' AS DATE),
            CAST('2023-08-30' AS DATE),
            CAST('2023-08-31' AS DATE),
            CAST('2023-09-28' AS DATE),
            CAST('2023-09-29' AS DATE),
            CAST('2023-10-30' AS DATE),
            CAST('2023-10-31' AS DATE),
            CAST('2023-11-29' AS DATE),
            CAST('2023-11-30' AS DATE),
            CAST('2023-12-28' AS DATE),
            CAST('2023-12-29' AS DATE),
            CAST('2024-01-30' AS DATE),
            CAST('2024-01-31' AS DATE),
            CAST('2024-02-28' AS DATE),
            CAST('2024-02-29' AS DATE),
            CAST('2024-03-28' AS DATE),
            CAST('2024-03-29' AS DATE),
            CAST('2024-04-26' AS DATE),
            CAST('2024-04-30' AS DATE),
            CAST('2024-05-30' AS DATE),
            CAST('2024-05-31' AS DATE),
            CAST('2024-06-27' AS DATE),
            CAST('2024-06-28' AS DATE),
            CAST('2024-07-30' AS DATE),
            CAST('2024-07-31' AS DATE),
            CAST('2024-08-29' AS DATE),
            CAST('2024-08-30' AS DATE),
            CAST('2024-09-27' AS DATE),
            CAST('2024-09-30' AS DATE),
            CAST('2024-10-30' AS DATE),
            CAST('2024-10-31' AS DATE),
            CAST('2024-11-28' AS DATE),
            CAST('2024-11-29' AS DATE),
            CAST('2024-12-27' AS DATE),
            CAST('2024-12-30' AS DATE),
            CAST('2025-01-30' AS DATE),
            CAST('2025-01-31' AS DATE),
            CAST('2025-02-27' AS DATE),
            CAST('2025-02-28' AS DATE),
            CAST('2025-03-28' AS DATE),
            CAST('2025-03-31' AS DATE),
            CAST('2025-04-28' AS DATE),
            CAST('2025-04-30' AS DATE),
            CAST('2025-05-29' AS DATE),
            CAST('2025-05-30' AS DATE),
            CAST('2025-06-27' AS DATE),
            CAST('2025-06-30' AS DATE),
            CAST('2025-07-30' AS DATE),
            CAST('2025-07-31' AS DATE),
            CAST('2025-08-28' AS DATE),
            CAST('2025-08-29' AS DATE),
            CAST('2025-09-29' AS DATE),
            CAST('2025-09-30' AS DATE),
            CAST('2025-10-30' AS DATE),
            CAST('2025-10-31' AS DATE),
            CAST('2025-11-27' AS DATE),
            CAST('2025-11-28' AS DATE),
            CAST('2025-12-29' AS DATE),
            CAST('2025-12-30' AS DATE),
            CAST('2026-01-29' AS DATE),
            CAST('2026-01-30' AS DATE),
            CAST('2026-02-26' AS DATE),
            CAST('2026-02-27' AS DATE),
            CAST('2026-03-30' AS DATE),
            CAST('2026-03-31' AS DATE)
          )
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
        )
      )
      OR (
        (
          "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
          AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
        )
        AND (
          deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
        )
      )
    ),
    FALSE
  );

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  SUM("costs"."amount") AS "cost"
FROM costs
WHERE
  "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  entity,
  from_stage,
  to_stage,
  COUNT(*) AS moves
FROM (
  SELECT
    "h"."entity" AS entity,
    LAG("h"."stage") OVER (
      PARTITION BY "h"."entity", "h"."entity_id"
      ORDER BY "h"."entered_at", CASE
        WHEN "h"."entity" = 'contact' AND "h"."stage" = 'lead'
        THEN 0
        WHEN "h"."entity" = 'contact' AND "h"."stage" = 'mql'
        THEN 1
        WHEN "h"."entity" = 'contact' AND "h"."stage" = 'sql'
        THEN 2
        WHEN "h"."entity" = 'contact' AND "h"."stage" = 'opportunity'
        THEN 3
        WHEN "h"."entity" = 'contact' AND "h"."stage" = 'customer'
        THEN 4
        WHEN "h"."entity" = 'deal' AND "h"."stage" = 'appointment'
        THEN 0
        WHEN "h"."entity" = 'deal' AND "h"."stage" = 'valid'
        THEN 1
        WHEN "h"."entity" = 'deal' AND "h"."stage" = 'proposal'
        THEN 2
        WHEN "h"."entity" = 'deal' AND "h"."stage" = 'won'
        THEN 3
      END, "h"."stage"
    ) AS from_stage,
    "h"."stage" AS to_stage
  FROM stage_history AS h
  WHERE
    "h"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "h"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
) AS m
GROUP BY
  entity,
  from_stage,
  to_stage;

SELECT
  entity,
  from_stage,
  to_stage,
  COUNT(*) AS moves
FROM (
  SELECT
    "h"."entity" AS entity,
    LAG("h"."stage") OVER (
      PARTITION BY "h"."entity", "h"."entity_id"
      ORDER BY "h"."entered_at", CASE
        WHEN "h"."entity" = 'contact' AND "h"."stage" = 'lead'
        THEN 0
        WHEN "h"."entity" = 'contact' AND "h"."stage" = 'mql'
        THEN 1
        WHEN "h"."entity" = 'contact' AND "h"."stage" = 'sql'
        THEN 2
        WHEN "h"."entity" = 'contact' AND "h"."stage" = 'opportunity'
        THEN 3
        WHEN "h"."entity" = 'contact' AND "h"."stage" = 'customer'
        THEN 4
        WHEN "h"."entity" = 'deal' AND "h"."stage" = 'appointment'
        THEN 0
        WHEN "h"."entity" = 'deal' AND "h"."stage" = 'valid'
        THEN 1
        WHEN "h"."entity" = 'deal' AND "h"."stage" = 'proposal'
        THEN 2
        WHEN "h"."entity" = 'deal' AND "h"."stage" = 'won'
        THEN 3
      END, "h"."stage"
    ) AS from_stage,
    "h"."stage" AS to_stage
  FROM stage_history AS h
  WHERE
    "h"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "h"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
) AS m
GROUP BY
  entity,
  from_stage,
  to_stage;
