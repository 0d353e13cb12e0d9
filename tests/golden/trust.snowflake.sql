SELECT
  "deals"."owner" AS owner,
  COUNT(*) AS n,
  COUNT_IF(
    (
      DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
    ) IN (
      20230427,
      20230428,
      20230530,
      20230531,
      20230629,
      20230630,
      20230728,
      20230731,
      20230830,
      20230831,
      20230928,
      20230929,
      20231030,
      20231031,
      20231129,
      20231130,
      20231228,
      20231229,
      20240130,
      20240131,
      20240228,
      20240229,
      20240328,
      20240329,
      20240426,
      20240430,
      20240530,
      20240531,
      20240627,
      20240628,
      20240730,
      20240731,
      20240829,
      20240830,
      20240927,
      20240930,
      20241030,
      20241031,
      20241128,
      20241129,
      20241227,
      20241230,
      20250130,
      20250131,
      20250227,
      20250228,
      20250328,
      20250331,
      20250428,
      20250430,
      20250529,
      20250530,
      20250627,
      20250630,
      20250730,
      20250731,
      20250828,
      20250829,
      20250929,
      20250930,
      20251030,
      20251031,
      20251127,
      20251128,
      20251229,
      20251230,
      20260129,
      20260130,
      20260226,
      20260227,
      20260330,
      20260331
    )
  ) AS x
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
  COUNT_IF(
    (
      DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
    ) IN (
      20230427,
      20230428,
      20230530,
      20230531,
      20230629,
      20230630,
      20230728,
      20230731,
      20230830,
      20230831,
      20230928,
      20230929,
      20231030,
      20231031,
      20231129,
      20231130,
      20231228,
      20231229,
      20240130,
      20240131,
      20240228,
      20240229,
      20240328,
      20240329,
      20240426,
      20240430,
      20240530,
      20240531,
      20240627,
      20240628,
      20240730,
      20240731,
      20240829,
      20240830,
      20240927,
      20240930,
      20241030,
      20241031,
      20241128,
      20241129,
      20241227,
      20241230,
      20250130,
      20250131,
      20250227,
      20250228,
      20250328,
      20250331,
      20250428,
      20250430,
      20250529,
      20250530,
      20250627,
      20250630,
      20250730,
      20250731,
      20250828,
      20250829,
      20250929,
      20250930,
      20251030,
      20251031,
      20251127,
      20251128,
      20251229,
      20251230,
      20260129,
      20260130,
      20260226,
      20260227,
      20260330,
      20260331
    )
  ) AS x
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
  COUNT_IF(
    (
      DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
    ) IN (
      20230427,
      20230428,
      20230530,
      20230531,
      20230629,
      20230630,
      20230728,
      20230731,
      20230830,
      20230831,
      20230928,
      20230929,
      20231030,
      20231031,
      20231129,
      20231130,
      20231228,
      20231229,
      20240130,
      20240131,
      20240228,
      20240229,
      20240328,
      20240329,
      20240426,
      20240430,
      20240530,
      20240531,
      20240627,
      20240628,
      20240730,
      20240731,
      20240829,
      20240830,
      20240927,
      20240930,
      20241030,
      20241031,
      20241128,
      20241129,
      20241227,
      20241230,
      20250130,
      20250131,
      20250227,
      20250228,
      20250328,
      20250331,
      20250428,
      20250430,
      20250529,
      20250530,
      20250627,
      20250630,
      20250730,
      20250731,
      20250828,
      20250829,
      20250929,
      20250930,
      20251030,
      20251031,
      20251127,
      20251128,
      20251229,
      20251230,
      20260129,
      20260130,
      20260226,
      20260227,
      20260330,
      20260331
    )
  ) AS x
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
  COUNT_IF(
    (
      DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
    ) IN (
      20230427,
      20230428,
      20230530,
      20230531,
      20230629,
      20230630,
      20230728,
      20230731,
      20230830,
      20230831,
      20230928,
      20230929,
      20231030,
      20231031,
      20231129,
      20231130,
      20231228,
      20231229,
      20240130,
      20240131,
      20240228,
      20240229,
      20240328,
      20240329,
      20240426,
      20240430,
      20240530,
      20240531,
      20240627,
      20240628,
      20240730,
      20240731,
      20240829,
      20240830,
      20240927,
      20240930,
      20241030,
      20241031,
      20241128,
      20241129,
      20241227,
      20241230,
      20250130,
      20250131,
      20250227,
      20250228,
      20250328,
      20250331,
      20250428,
      20250430,
      20250529,
      20250530,
      20250627,
      20250630,
      20250730,
      20250731,
      20250828,
      20250829,
      20250929,
      20250930,
      20251030,
      20251031,
      20251127,
      20251128,
      20251229,
      20251230,
      20260129,
      20260130,
      20260226,
      20260227,
      20260330,
      20260331
    )
  ) AS x
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
  "deals"."owner" AS owner,
  COUNT(*) AS n,
  COUNT_IF(
    CAST(deals.amount AS BIGINT) % 1000000 = 0
    AND deals.amount = CAST(deals.amount AS BIGINT)
  ) AS x
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
  COUNT_IF(
    CAST(deals.amount AS BIGINT) % 1000000 = 0
    AND deals.amount = CAST(deals.amount AS BIGINT)
  ) AS x
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
  COUNT_IF(
    (
      "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      (
        deals.outcome = 'won' AND NOT deals.closed_at IS NULL
      )
      AND "deals"."owner" = '伊藤 誠'
      AND (
        DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n0,
  COUNT_IF(
    (
      "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      (
        deals.outcome = 'won' AND NOT deals.closed_at IS NULL
      )
      AND "deals"."owner" = '松井 拓也'
      AND (
        DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n1,
  COUNT_IF(
    (
      "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      (
        deals.outcome = 'won' AND NOT deals.closed_at IS NULL
      )
      AND "deals"."owner" = '田中 亮'
      AND (
        DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n2,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
    )
  ) AS n3,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
    )
  ) AS n4,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
    )
  ) AS n5,
  COUNT_IF(
    CAST("deals"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n6,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "deals"."deal_id" IS NULL
    )
  ) AS n7,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "deals"."created_at" IS NULL
    )
  ) AS n8,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "deals"."outcome" IS NULL
    )
  ) AS n9,
  COUNT_IF(
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
    )
  ) AS n10,
  COUNT_IF(
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
    )
  ) AS n11,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "deals"."amount" < 0
    )
  ) AS n12,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      NOT "deals"."outcome" IS NULL
      AND NOT "deals"."outcome" IN ('open', 'won', 'lost')
    )
  ) AS n13,
  COUNT_IF(
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
    )
  ) AS n14,
  COUNT_IF(
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
    )
  ) AS n15,
  COUNT_IF(
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
    )
  ) AS n16
FROM deals;

SELECT
  COUNT_IF(
    (
      "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      (
        deals.outcome = 'won' AND NOT deals.closed_at IS NULL
      )
      AND "deals"."owner" = '伊藤 誠'
      AND (
        DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n0,
  COUNT_IF(
    (
      "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      (
        deals.outcome = 'won' AND NOT deals.closed_at IS NULL
      )
      AND "deals"."owner" = '松井 拓也'
      AND (
        DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n1,
  COUNT_IF(
    (
      "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      (
        deals.outcome = 'won' AND NOT deals.closed_at IS NULL
      )
      AND "deals"."owner" = '田中 亮'
      AND (
        DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n2,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      deals.closed_at < deals.created_at AND "deals"."owner" = '木村 恵'
    )
  ) AS n3,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      deals.closed_at < deals.created_at AND "deals"."owner" = '松井 拓也'
    )
  ) AS n4,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      deals.closed_at < deals.created_at AND "deals"."owner" = '渡辺 直樹'
    )
  ) AS n5,
  COUNT_IF(
    CAST("deals"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n6,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "deals"."deal_id" IS NULL
    )
  ) AS n7,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "deals"."created_at" IS NULL
    )
  ) AS n8,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "deals"."outcome" IS NULL
    )
  ) AS n9,
  COUNT_IF(
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
    )
  ) AS n10,
  COUNT_IF(
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
    )
  ) AS n11,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "deals"."amount" < 0
    )
  ) AS n12,
  COUNT_IF(
    (
      "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      NOT "deals"."outcome" IS NULL
      AND NOT "deals"."outcome" IN ('open', 'won', 'lost')
    )
  ) AS n13,
  COUNT_IF(
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
    )
  ) AS n14,
  COUNT_IF(
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
    )
  ) AS n15,
  COUNT_IF(
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
    )
  ) AS n16
FROM deals;

SELECT
  COUNT_IF(
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
      AND (
        DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n0,
  COUNT_IF(
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
      AND (
        DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n1,
  COUNT_IF(
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
      AND (
        DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n2,
  COUNT_IF(
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
      AND (
        DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n3,
  COUNT_IF(
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
    )
  ) AS n4,
  COUNT_IF(
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
  ) AS n5,
  COUNT_IF(
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
  ) AS n6,
  COUNT_IF(
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
    )
  ) AS n7,
  COUNT_IF(
    CAST("stage_history"."entered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n8,
  COUNT_IF(
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "stage_history"."entity" IS NULL
    )
  ) AS n9,
  COUNT_IF(
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "stage_history"."entity_id" IS NULL
    )
  ) AS n10,
  COUNT_IF(
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "stage_history"."stage" IS NULL
    )
  ) AS n11,
  COUNT_IF(
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "stage_history"."entered_at" IS NULL
    )
  ) AS n12,
  COUNT_IF(
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      NOT "stage_history"."entity" IS NULL
      AND NOT "stage_history"."entity" IN ('contact', 'deal')
    )
  ) AS n13,
  COUNT_IF(
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
    )
  ) AS n14,
  COUNT_IF(
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
    )
  ) AS n15,
  COUNT_IF(
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
    )
  ) AS n16,
  COUNT_IF(
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
    )
  ) AS n17
FROM stage_history;

SELECT
  COUNT_IF(
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
      AND (
        DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n0,
  COUNT_IF(
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
      AND (
        DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n1,
  COUNT_IF(
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
      AND (
        DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n2,
  COUNT_IF(
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
      AND (
        DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
      ) IN (
        20230427,
        20230428,
        20230530,
        20230531,
        20230629,
        20230630,
        20230728,
        20230731,
        20230830,
        20230831,
        20230928,
        20230929,
        20231030,
        20231031,
        20231129,
        20231130,
        20231228,
        20231229,
        20240130,
        20240131,
        20240228,
        20240229,
        20240328,
        20240329,
        20240426,
        20240430,
        20240530,
        20240531,
        20240627,
        20240628,
        20240730,
        20240731,
        20240829,
        20240830,
        20240927,
        20240930,
        20241030,
        20241031,
        20241128,
        20241129,
        20241227,
        20241230,
        20250130,
        20250131,
        20250227,
        20250228,
        20250328,
        20250331,
        20250428,
        20250430,
        20250529,
        20250530,
        20250627,
        20250630,
        20250730,
        20250731,
        20250828,
        20250829,
        20250929,
        20250930,
        20251030,
        20251031,
        20251127,
        20251128,
        20251229,
        20251230,
        20260129,
        20260130,
        20260226,
        20260227,
        20260330,
        20260331
      )
    )
  ) AS n3,
  COUNT_IF(
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
    )
  ) AS n4,
  COUNT_IF(
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
  ) AS n5,
  COUNT_IF(
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
  ) AS n6,
  COUNT_IF(
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
    )
  ) AS n7,
  COUNT_IF(
    CAST("stage_history"."entered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n8,
  COUNT_IF(
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "stage_history"."entity" IS NULL
    )
  ) AS n9,
  COUNT_IF(
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "stage_history"."entity_id" IS NULL
    )
  ) AS n10,
  COUNT_IF(
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "stage_history"."stage" IS NULL
    )
  ) AS n11,
  COUNT_IF(
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "stage_history"."entered_at" IS NULL
    )
  ) AS n12,
  COUNT_IF(
    (
      "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      NOT "stage_history"."entity" IS NULL
      AND NOT "stage_history"."entity" IN ('contact', 'deal')
    )
  ) AS n13,
  COUNT_IF(
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
    )
  ) AS n14,
  COUNT_IF(
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
    )
  ) AS n15,
  COUNT_IF(
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
    )
  ) AS n16,
  COUNT_IF(
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
    )
  ) AS n17
FROM stage_history;

SELECT
  COUNT_IF(
    CAST("accounts"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "accounts"."account_id" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "accounts"."name" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "accounts"."employees" < 0
    )
  ) AS n3,
  COUNT_IF(
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
    )
  ) AS n4
FROM accounts;

SELECT
  COUNT_IF(
    CAST("accounts"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "accounts"."account_id" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "accounts"."name" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "accounts"."employees" < 0
    )
  ) AS n3,
  COUNT_IF(
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
    )
  ) AS n4
FROM accounts;

SELECT
  COUNT_IF(
    CAST("contacts"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "contacts"."contact_id" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "contacts"."created_at" IS NULL
    )
  ) AS n2,
  COUNT_IF(
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
    )
  ) AS n3,
  COUNT_IF(
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
    )
  ) AS n4,
  COUNT_IF(
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
  ) AS n5
FROM contacts;

SELECT
  COUNT_IF(
    CAST("contacts"."created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "contacts"."contact_id" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "contacts"."created_at" IS NULL
    )
  ) AS n2,
  COUNT_IF(
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
    )
  ) AS n3,
  COUNT_IF(
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
    )
  ) AS n4,
  COUNT_IF(
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
  ) AS n5
FROM contacts;

SELECT
  COUNT_IF(
    CAST("touchpoints"."occurred_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "touchpoints"."occurred_at" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "touchpoints"."type" IS NULL
    )
  ) AS n2,
  COUNT_IF(
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
    )
  ) AS n3,
  COUNT_IF(
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
    )
  ) AS n4,
  COUNT_IF(
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "touchpoints"."dwell_seconds" < 0
    )
  ) AS n5,
  COUNT_IF(
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "touchpoints"."scroll_pct" < 0
    )
  ) AS n6,
  COUNT_IF(
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
    )
  ) AS n7,
  COUNT_IF(
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
    )
  ) AS n8
FROM touchpoints;

SELECT
  COUNT_IF(
    CAST("touchpoints"."occurred_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "touchpoints"."occurred_at" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "touchpoints"."type" IS NULL
    )
  ) AS n2,
  COUNT_IF(
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
    )
  ) AS n3,
  COUNT_IF(
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
    )
  ) AS n4,
  COUNT_IF(
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "touchpoints"."dwell_seconds" < 0
    )
  ) AS n5,
  COUNT_IF(
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "touchpoints"."scroll_pct" < 0
    )
  ) AS n6,
  COUNT_IF(
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
    )
  ) AS n7,
  COUNT_IF(
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
    )
  ) AS n8
FROM touchpoints;

SELECT
  COUNT_IF(
    CAST("booth_traffic"."hour" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "booth_traffic"."exhibition_id" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "booth_traffic"."exhibit_id" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "booth_traffic"."hour" IS NULL
    )
  ) AS n3,
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "booth_traffic"."passersby" IS NULL
    )
  ) AS n4,
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "booth_traffic"."passersby" < 0
    )
  ) AS n5,
  COUNT_IF(
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
    )
  ) AS n6
FROM booth_traffic;

SELECT
  COUNT_IF(
    CAST("booth_traffic"."hour" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "booth_traffic"."exhibition_id" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "booth_traffic"."exhibit_id" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "booth_traffic"."hour" IS NULL
    )
  ) AS n3,
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "booth_traffic"."passersby" IS NULL
    )
  ) AS n4,
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "booth_traffic"."passersby" < 0
    )
  ) AS n5,
  COUNT_IF(
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
    )
  ) AS n6
FROM booth_traffic;

SELECT
  COUNT_IF(CAST("costs"."date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)) AS n0,
  COUNT_IF(
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "costs"."date" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "costs"."category" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "costs"."amount" IS NULL
    )
  ) AS n3,
  COUNT_IF(
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "costs"."amount" < 0
    )
  ) AS n4
FROM costs;

SELECT
  COUNT_IF(CAST("costs"."date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)) AS n0,
  COUNT_IF(
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "costs"."date" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "costs"."category" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "costs"."amount" IS NULL
    )
  ) AS n3,
  COUNT_IF(
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "costs"."amount" < 0
    )
  ) AS n4
FROM costs;

SELECT
  COUNT_IF(
    CAST("orders"."ordered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "orders"."order_id" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "orders"."account_id" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "orders"."ordered_at" IS NULL
    )
  ) AS n3,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "orders"."amount" IS NULL
    )
  ) AS n4,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "orders"."amount" < 0
    )
  ) AS n5,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      NOT "orders"."kind" IS NULL
      AND NOT "orders"."kind" IN ('new', 'repeat', 'upsell', 'cross_sell', 'renewal')
    )
  ) AS n6,
  COUNT_IF(
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
    )
  ) AS n7,
  COUNT_IF(
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
    )
  ) AS n8
FROM orders;

SELECT
  COUNT_IF(
    CAST("orders"."ordered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "orders"."order_id" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "orders"."account_id" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "orders"."ordered_at" IS NULL
    )
  ) AS n3,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "orders"."amount" IS NULL
    )
  ) AS n4,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "orders"."amount" < 0
    )
  ) AS n5,
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      NOT "orders"."kind" IS NULL
      AND NOT "orders"."kind" IN ('new', 'repeat', 'upsell', 'cross_sell', 'renewal')
    )
  ) AS n6,
  COUNT_IF(
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
    )
  ) AS n7,
  COUNT_IF(
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
    )
  ) AS n8
FROM orders;

SELECT
  COUNT_IF(
    CAST("surveys"."answered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "surveys"."response_id" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "surveys"."answered_at" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "surveys"."kind" IS NULL
    )
  ) AS n3,
  COUNT_IF(
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      NOT "surveys"."kind" IS NULL
      AND NOT "surveys"."kind" IN ('nps', 'csat', 'awareness')
    )
  ) AS n4,
  COUNT_IF(
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
    )
  ) AS n5,
  COUNT_IF(
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
    )
  ) AS n6,
  COUNT_IF(
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
    )
  ) AS n7
FROM surveys;

SELECT
  COUNT_IF(
    CAST("surveys"."answered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "surveys"."response_id" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "surveys"."answered_at" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "surveys"."kind" IS NULL
    )
  ) AS n3,
  COUNT_IF(
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      NOT "surveys"."kind" IS NULL
      AND NOT "surveys"."kind" IN ('nps', 'csat', 'awareness')
    )
  ) AS n4,
  COUNT_IF(
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
    )
  ) AS n5,
  COUNT_IF(
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
    )
  ) AS n6,
  COUNT_IF(
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
    )
  ) AS n7
FROM surveys;

SELECT
  COUNT_IF(
    CAST("brand_signals"."date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "brand_signals"."date" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "brand_signals"."kind" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "brand_signals"."value" IS NULL
    )
  ) AS n3,
  COUNT_IF(
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      NOT "brand_signals"."kind" IS NULL
      AND NOT "brand_signals"."kind" IN ('branded_search', 'mention', 'review', 'media')
    )
  ) AS n4
FROM brand_signals;

SELECT
  COUNT_IF(
    CAST("brand_signals"."date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP)
  ) AS n0,
  COUNT_IF(
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "brand_signals"."date" IS NULL
    )
  ) AS n1,
  COUNT_IF(
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "brand_signals"."kind" IS NULL
    )
  ) AS n2,
  COUNT_IF(
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      "brand_signals"."value" IS NULL
    )
  ) AS n3,
  COUNT_IF(
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    AND (
      NOT "brand_signals"."kind" IS NULL
      AND NOT "brand_signals"."kind" IN ('branded_search', 'mention', 'review', 'media')
    )
  ) AS n4
FROM brand_signals;

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
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
FROM deals
WHERE
  "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
FROM deals
WHERE
  "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
        )
      )
    ),
    FALSE
  );

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
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
  COUNT_IF(
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM accounts;

SELECT
  COUNT_IF(
    "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "accounts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "accounts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM accounts;

SELECT
  COUNT_IF(
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
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
    )
  ),
  COUNT_IF(
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
  )
FROM contacts;

SELECT
  COUNT_IF(
    "contacts"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "contacts"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
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
    )
  ),
  COUNT_IF(
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
  )
FROM contacts;

SELECT
  COUNT_IF(
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
    )
  ),
  COUNT_IF(
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
  )
FROM stage_history;

SELECT
  COUNT_IF(
    "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
    )
  ),
  COUNT_IF(
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
  )
FROM stage_history;

SELECT
  COUNT_IF(
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
    )
  ),
  COUNT_IF(
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
  )
FROM deals;

SELECT
  COUNT_IF(
    "deals"."created_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "deals"."created_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
    )
  ),
  COUNT_IF(
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
        AND (
          DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
        ) IN (
          20230427,
          20230428,
          20230530,
          20230531,
          20230629,
          20230630,
          20230728,
          20230731,
          20230830,
          20230831,
          20230928,
          20230929,
          20231030,
          20231031,
          20231129,
          20231130,
          20231228,
          20231229,
          20240130,
          20240131,
          20240228,
          20240229,
          20240328,
          20240329,
          20240426,
          20240430,
          20240530,
          20240531,
          20240627,
          20240628,
          20240730,
          20240731,
          20240829,
          20240830,
          20240927,
          20240930,
          20241030,
          20241031,
          20241128,
          20241129,
          20241227,
          20241230,
          20250130,
          20250131,
          20250227,
          20250228,
          20250328,
          20250331,
          20250428,
          20250430,
          20250529,
          20250530,
          20250627,
          20250630,
          20250730,
          20250731,
          20250828,
          20250829,
          20250929,
          20250930,
          20251030,
          20251031,
          20251127,
          20251128,
          20251229,
          20251230,
          20260129,
          20260130,
          20260226,
          20260227,
          20260330,
          20260331
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
  )
FROM deals;

SELECT
  COUNT_IF(
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM touchpoints;

SELECT
  COUNT_IF(
    "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "touchpoints"."occurred_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "touchpoints"."occurred_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM touchpoints;

SELECT
  COUNT_IF(
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM booth_traffic;

SELECT
  COUNT_IF(
    "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "booth_traffic"."hour" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "booth_traffic"."hour" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM booth_traffic;

SELECT
  COUNT_IF(
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM costs;

SELECT
  COUNT_IF(
    "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "costs"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "costs"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM costs;

SELECT
  COUNT_IF(
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM orders;

SELECT
  COUNT_IF(
    "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "orders"."ordered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "orders"."ordered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM orders;

SELECT
  COUNT_IF(
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM surveys;

SELECT
  COUNT_IF(
    "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "surveys"."answered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "surveys"."answered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM surveys;

SELECT
  COUNT_IF(
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
FROM brand_signals;

SELECT
  COUNT_IF(
    "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
    AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
  ),
  COUNT_IF(
    (
      "brand_signals"."date" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
      AND "brand_signals"."date" < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
    )
    OR (
      FALSE
    )
  ),
  COUNT_IF(FALSE)
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
FROM stage_history
WHERE
  "stage_history"."entered_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "stage_history"."entered_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
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
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
FROM deals
WHERE
  "deals"."closed_at" >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND "deals"."closed_at" < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'sql') AS "sqls",
  COUNT_IF("stage_history"."entity" = 'contact' AND "stage_history"."stage" = 'mql') AS "mqls"
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "stage_history"."entered_at") * 10000 + DATE_PART(MONTH, "stage_history"."entered_at") * 100 + DATE_PART(DAY, "stage_history"."entered_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
  COUNT_IF("deals"."outcome" = 'won') AS "won_deals",
  COUNT_IF("deals"."outcome" = 'lost') AS "lost_deals",
  COUNT_IF("deals"."outcome" IN ('won', 'lost')) AS "closed_deals",
  SUM(IFF("deals"."outcome" = 'won', "deals"."amount", NULL)) AS "revenue"
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
          AND (
            DATE_PART(YEAR, "deals"."closed_at") * 10000 + DATE_PART(MONTH, "deals"."closed_at") * 100 + DATE_PART(DAY, "deals"."closed_at")
          ) IN (
            20230427,
            20230428,
            20230530,
            20230531,
            20230629,
            20230630,
            20230728,
            20230731,
            20230830,
            20230831,
            20230928,
            20230929,
            20231030,
            20231031,
            20231129,
            20231130,
            20231228,
            20231229,
            20240130,
            20240131,
            20240228,
            20240229,
            20240328,
            20240329,
            20240426,
            20240430,
            20240530,
            20240531,
            20240627,
            20240628,
            20240730,
            20240731,
            20240829,
            20240830,
            20240927,
            20240930,
            20241030,
            20241031,
            20241128,
            20241129,
            20241227,
            20241230,
            20250130,
            20250131,
            20250227,
            20250228,
            20250328,
            20250331,
            20250428,
            20250430,
            20250529,
            20250530,
            20250627,
            20250630,
            20250730,
            20250731,
            20250828,
            20250829,
            20250929,
            20250930,
            20251030,
            20251031,
            20251127,
            20251128,
            20251229,
            20251230,
            20260129,
            20260130,
            20260226,
            20260227,
            20260330,
            20260331
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
