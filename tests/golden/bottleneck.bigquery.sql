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
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE) AS period_start,
  COUNTIF(`deals`.`outcome` = 'won') AS `won_deals`,
  COUNTIF(`deals`.`outcome` IN ('won', 'lost')) AS `closed_deals`
FROM deals
WHERE
  `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
  AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
GROUP BY
  CAST(DATE_SUB(CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE), INTERVAL (CAST(MOD(
    EXTRACT(MONTH FROM CAST(DATE_TRUNC(`deals`.`closed_at`, MONTH) AS DATE)) - 4 + 12,
    3
  ) AS INT64)) MONTH) AS DATE);

WITH entering AS (
  SELECT
    `contacts`.`contact_id` AS entity_key,
    MIN(`contacts`.`created_at`) AS `at`
  FROM contacts
  WHERE
    NOT `contacts`.`contact_id` IS NULL
  GROUP BY
    `contacts`.`contact_id`
), reaching AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    MIN(`stage_history`.`entered_at`) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`entered_at`)
        FROM stage_history
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members;

WITH entering AS (
  SELECT
    `contacts`.`contact_id` AS entity_key,
    MIN(`contacts`.`created_at`) AS `at`
  FROM contacts
  WHERE
    NOT `contacts`.`contact_id` IS NULL
  GROUP BY
    `contacts`.`contact_id`
), reaching AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    MIN(`stage_history`.`entered_at`) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`entered_at`)
        FROM stage_history
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members;

WITH entering AS (
  SELECT
    `contacts`.`contact_id` AS entity_key,
    MIN(`contacts`.`created_at`) AS `at`
  FROM contacts
  WHERE
    NOT `contacts`.`contact_id` IS NULL
  GROUP BY
    `contacts`.`contact_id`
), reaching AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    MIN(`stage_history`.`entered_at`) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`entered_at`)
        FROM stage_history
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted,
    CAST(DATE_SUB(CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE), INTERVAL (CAST(MOD(EXTRACT(MONTH FROM CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE)) - 4 + 12, 3) AS INT64)) MONTH) AS DATE) AS period_start
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  `period_start`,
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members
GROUP BY
  `period_start`;

WITH entering AS (
  SELECT
    `contacts`.`contact_id` AS entity_key,
    MIN(`contacts`.`created_at`) AS `at`
  FROM contacts
  WHERE
    NOT `contacts`.`contact_id` IS NULL
  GROUP BY
    `contacts`.`contact_id`
), reaching AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    MIN(`stage_history`.`entered_at`) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`entered_at`)
        FROM stage_history
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted,
    CAST(DATE_SUB(CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE), INTERVAL (CAST(MOD(EXTRACT(MONTH FROM CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE)) - 4 + 12, 3) AS INT64)) MONTH) AS DATE) AS period_start
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  `period_start`,
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members
GROUP BY
  `period_start`;

WITH entering AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    COALESCE(
      MIN(IF(`stage_history`.`stage` = 'mql', `stage_history`.`entered_at`, NULL)),
      MIN(`stage_history`.`entered_at`)
    ) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), reaching AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    MIN(`stage_history`.`entered_at`) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`entered_at`)
        FROM stage_history
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members;

WITH entering AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    COALESCE(
      MIN(IF(`stage_history`.`stage` = 'mql', `stage_history`.`entered_at`, NULL)),
      MIN(`stage_history`.`entered_at`)
    ) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), reaching AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    MIN(`stage_history`.`entered_at`) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`entered_at`)
        FROM stage_history
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members;

WITH entering AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    COALESCE(
      MIN(IF(`stage_history`.`stage` = 'mql', `stage_history`.`entered_at`, NULL)),
      MIN(`stage_history`.`entered_at`)
    ) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), reaching AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    MIN(`stage_history`.`entered_at`) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`entered_at`)
        FROM stage_history
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted,
    CAST(DATE_SUB(CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE), INTERVAL (CAST(MOD(EXTRACT(MONTH FROM CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE)) - 4 + 12, 3) AS INT64)) MONTH) AS DATE) AS period_start
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  `period_start`,
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members
GROUP BY
  `period_start`;

WITH entering AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    COALESCE(
      MIN(IF(`stage_history`.`stage` = 'mql', `stage_history`.`entered_at`, NULL)),
      MIN(`stage_history`.`entered_at`)
    ) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), reaching AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    MIN(`stage_history`.`entered_at`) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`entered_at`)
        FROM stage_history
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted,
    CAST(DATE_SUB(CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE), INTERVAL (CAST(MOD(EXTRACT(MONTH FROM CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE)) - 4 + 12, 3) AS INT64)) MONTH) AS DATE) AS period_start
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  `period_start`,
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members
GROUP BY
  `period_start`;

WITH entering AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    COALESCE(
      MIN(IF(`stage_history`.`stage` = 'sql', `stage_history`.`entered_at`, NULL)),
      MIN(`stage_history`.`entered_at`)
    ) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), reaching AS (
  SELECT
    `deals`.`contact_id` AS entity_key,
    MIN(`deals`.`created_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`contact_id` IS NULL
  GROUP BY
    `deals`.`contact_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`created_at`)
        FROM deals
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members;

WITH entering AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    COALESCE(
      MIN(IF(`stage_history`.`stage` = 'sql', `stage_history`.`entered_at`, NULL)),
      MIN(`stage_history`.`entered_at`)
    ) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), reaching AS (
  SELECT
    `deals`.`contact_id` AS entity_key,
    MIN(`deals`.`created_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`contact_id` IS NULL
  GROUP BY
    `deals`.`contact_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`created_at`)
        FROM deals
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members;

WITH entering AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    COALESCE(
      MIN(IF(`stage_history`.`stage` = 'sql', `stage_history`.`entered_at`, NULL)),
      MIN(`stage_history`.`entered_at`)
    ) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), reaching AS (
  SELECT
    `deals`.`contact_id` AS entity_key,
    MIN(`deals`.`created_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`contact_id` IS NULL
  GROUP BY
    `deals`.`contact_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`created_at`)
        FROM deals
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted,
    CAST(DATE_SUB(CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE), INTERVAL (CAST(MOD(EXTRACT(MONTH FROM CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE)) - 4 + 12, 3) AS INT64)) MONTH) AS DATE) AS period_start
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  `period_start`,
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members
GROUP BY
  `period_start`;

WITH entering AS (
  SELECT
    `stage_history`.`entity_id` AS entity_key,
    COALESCE(
      MIN(IF(`stage_history`.`stage` = 'sql', `stage_history`.`entered_at`, NULL)),
      MIN(`stage_history`.`entered_at`)
    ) AS `at`
  FROM stage_history
  WHERE
    NOT `stage_history`.`entity_id` IS NULL
    AND (
      `stage_history`.`entity` = 'contact'
      AND `stage_history`.`stage` IN ('sql', 'opportunity', 'customer')
    )
  GROUP BY
    `stage_history`.`entity_id`
), reaching AS (
  SELECT
    `deals`.`contact_id` AS entity_key,
    MIN(`deals`.`created_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`contact_id` IS NULL
  GROUP BY
    `deals`.`contact_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '7776000' SECOND <= (
      (
        SELECT
          MAX(`created_at`)
        FROM deals
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '7776000' SECOND AS converted,
    CAST(DATE_SUB(CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE), INTERVAL (CAST(MOD(EXTRACT(MONTH FROM CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE)) - 4 + 12, 3) AS INT64)) MONTH) AS DATE) AS period_start
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  `period_start`,
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members
GROUP BY
  `period_start`;

WITH entering AS (
  SELECT
    `deals`.`deal_id` AS entity_key,
    MIN(`deals`.`created_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`deal_id` IS NULL
  GROUP BY
    `deals`.`deal_id`
), reaching AS (
  SELECT
    `deals`.`deal_id` AS entity_key,
    MIN(`deals`.`closed_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`deal_id` IS NULL AND `deals`.`outcome` IN ('won', 'lost')
  GROUP BY
    `deals`.`deal_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '15552000' SECOND <= (
      (
        SELECT
          MAX(`closed_at`)
        FROM deals
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '15552000' SECOND AS converted
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members;

WITH entering AS (
  SELECT
    `deals`.`deal_id` AS entity_key,
    MIN(`deals`.`created_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`deal_id` IS NULL
  GROUP BY
    `deals`.`deal_id`
), reaching AS (
  SELECT
    `deals`.`deal_id` AS entity_key,
    MIN(`deals`.`closed_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`deal_id` IS NULL AND `deals`.`outcome` IN ('won', 'lost')
  GROUP BY
    `deals`.`deal_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '15552000' SECOND <= (
      (
        SELECT
          MAX(`closed_at`)
        FROM deals
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '15552000' SECOND AS converted
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members;

WITH entering AS (
  SELECT
    `deals`.`deal_id` AS entity_key,
    MIN(`deals`.`created_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`deal_id` IS NULL
  GROUP BY
    `deals`.`deal_id`
), reaching AS (
  SELECT
    `deals`.`deal_id` AS entity_key,
    MIN(`deals`.`closed_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`deal_id` IS NULL AND `deals`.`outcome` IN ('won', 'lost')
  GROUP BY
    `deals`.`deal_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '15552000' SECOND <= (
      (
        SELECT
          MAX(`closed_at`)
        FROM deals
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '15552000' SECOND AS converted,
    CAST(DATE_SUB(CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE), INTERVAL (CAST(MOD(EXTRACT(MONTH FROM CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE)) - 4 + 12, 3) AS INT64)) MONTH) AS DATE) AS period_start
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  `period_start`,
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members
GROUP BY
  `period_start`;

WITH entering AS (
  SELECT
    `deals`.`deal_id` AS entity_key,
    MIN(`deals`.`created_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`deal_id` IS NULL
  GROUP BY
    `deals`.`deal_id`
), reaching AS (
  SELECT
    `deals`.`deal_id` AS entity_key,
    MIN(`deals`.`closed_at`) AS `at`
  FROM deals
  WHERE
    NOT `deals`.`deal_id` IS NULL AND `deals`.`outcome` IN ('won', 'lost')
  GROUP BY
    `deals`.`deal_id`
), members AS (
  SELECT
    e.entity_key,
    e.`at` AS entered_at,
    r.`at` AS reached_at,
    e.`at` + INTERVAL '15552000' SECOND <= (
      (
        SELECT
          MAX(`closed_at`)
        FROM deals
      )
    ) AS mature,
    NOT r.`at` IS NULL AND r.`at` <= e.`at` + INTERVAL '15552000' SECOND AS converted,
    CAST(DATE_SUB(CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE), INTERVAL (CAST(MOD(EXTRACT(MONTH FROM CAST(DATE_TRUNC(e.`at`, MONTH) AS DATE)) - 4 + 12, 3) AS INT64)) MONTH) AS DATE) AS period_start
  FROM entering AS e
  LEFT JOIN reaching AS r
    ON r.entity_key = e.entity_key
  WHERE
    e.`at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND e.`at` < CAST('2026-04-01 00:00:00' AS DATETIME)
)
SELECT
  `period_start`,
  COUNTIF(mature) AS entered,
  COUNTIF(mature AND converted) AS converted,
  COUNTIF(NOT mature) AS immature,
  COUNTIF(mature AND converted AND reached_at < entered_at) AS out_of_order
FROM members
GROUP BY
  `period_start`;
