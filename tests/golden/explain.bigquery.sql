SELECT
  CASE
    WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 1
  END AS side,
  COALESCE(`deals`.`channel`, `contacts`.`channel`) AS `channel`,
  GROUPING(COALESCE(`deals`.`channel`, `contacts`.`channel`)) AS `channel__total`,
  `contacts`.`campaign` AS `campaign`,
  GROUPING(`contacts`.`campaign`) AS `campaign__total`,
  `accounts`.`industry` AS `industry`,
  GROUPING(`accounts`.`industry`) AS `industry__total`,
  `accounts`.`size_band` AS `size_band`,
  GROUPING(`accounts`.`size_band`) AS `size_band__total`,
  `accounts`.`region` AS `region`,
  GROUPING(`accounts`.`region`) AS `region__total`,
  `deals`.`product` AS `product`,
  GROUPING(`deals`.`product`) AS `product__total`,
  COALESCE(`deals`.`owner`, `contacts`.`owner`) AS `owner`,
  GROUPING(COALESCE(`deals`.`owner`, `contacts`.`owner`)) AS `owner__total`,
  SUM(IF(`deals`.`outcome` = 'won', `deals`.`amount`, NULL)) AS `revenue`,
  COUNT(IF(`deals`.`outcome` = 'won', `deals`.`amount`, NULL)) AS `revenue__n`,
  SUM(
    IF(
      `deals`.`outcome` = 'won',
      CAST(`deals`.`amount` AS FLOAT64) * CAST(`deals`.`amount` AS FLOAT64),
      NULL
    )
  ) AS `revenue__sq`,
  COUNTIF(`deals`.`outcome` = 'won') AS `won_deals`,
  COUNTIF(`deals`.`outcome` IN ('won', 'lost')) AS `closed_deals`
FROM deals
LEFT JOIN accounts
  ON `deals`.`account_id` = `accounts`.`account_id`
LEFT JOIN contacts
  ON `deals`.`contact_id` = `contacts`.`contact_id`
WHERE
  (
    `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END
    ),
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      COALESCE(`deals`.`channel`, `contacts`.`channel`)
    ),
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `contacts`.`campaign`
    ),
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`industry`
    ),
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`size_band`
    ),
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`region`
    ),
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `deals`.`product`
    ),
    (
      CASE
        WHEN `deals`.`closed_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`closed_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`closed_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      COALESCE(`deals`.`owner`, `contacts`.`owner`)
    )
  );

SELECT
  CASE
    WHEN `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 1
  END AS side,
  COALESCE(`deals`.`channel`, `contacts`.`channel`) AS `channel`,
  GROUPING(COALESCE(`deals`.`channel`, `contacts`.`channel`)) AS `channel__total`,
  `contacts`.`campaign` AS `campaign`,
  GROUPING(`contacts`.`campaign`) AS `campaign__total`,
  `accounts`.`industry` AS `industry`,
  GROUPING(`accounts`.`industry`) AS `industry__total`,
  `accounts`.`size_band` AS `size_band`,
  GROUPING(`accounts`.`size_band`) AS `size_band__total`,
  `accounts`.`region` AS `region`,
  GROUPING(`accounts`.`region`) AS `region__total`,
  `deals`.`product` AS `product`,
  GROUPING(`deals`.`product`) AS `product__total`,
  COALESCE(`deals`.`owner`, `contacts`.`owner`) AS `owner`,
  GROUPING(COALESCE(`deals`.`owner`, `contacts`.`owner`)) AS `owner__total`,
  COUNT(*) AS `opportunities`
FROM deals
LEFT JOIN accounts
  ON `deals`.`account_id` = `accounts`.`account_id`
LEFT JOIN contacts
  ON `deals`.`contact_id` = `contacts`.`contact_id`
WHERE
  (
    `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
  )
  OR (
    `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END
    ),
    (
      CASE
        WHEN `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      COALESCE(`deals`.`channel`, `contacts`.`channel`)
    ),
    (
      CASE
        WHEN `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `contacts`.`campaign`
    ),
    (
      CASE
        WHEN `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`industry`
    ),
    (
      CASE
        WHEN `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`size_band`
    ),
    (
      CASE
        WHEN `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`region`
    ),
    (
      CASE
        WHEN `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `deals`.`product`
    ),
    (
      CASE
        WHEN `deals`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `deals`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `deals`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      COALESCE(`deals`.`owner`, `contacts`.`owner`)
    )
  );

SELECT
  CASE
    WHEN `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 1
  END AS side,
  COALESCE(`contacts`.`channel`, `deals`.`channel`) AS `channel`,
  GROUPING(COALESCE(`contacts`.`channel`, `deals`.`channel`)) AS `channel__total`,
  `contacts`.`campaign` AS `campaign`,
  GROUPING(`contacts`.`campaign`) AS `campaign__total`,
  `accounts`.`industry` AS `industry`,
  GROUPING(`accounts`.`industry`) AS `industry__total`,
  `accounts`.`size_band` AS `size_band`,
  GROUPING(`accounts`.`size_band`) AS `size_band__total`,
  `accounts`.`region` AS `region`,
  GROUPING(`accounts`.`region`) AS `region__total`,
  `deals`.`product` AS `product`,
  GROUPING(`deals`.`product`) AS `product__total`,
  COALESCE(`contacts`.`owner`, `deals`.`owner`) AS `owner`,
  GROUPING(COALESCE(`contacts`.`owner`, `deals`.`owner`)) AS `owner__total`,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'sql') AS `sqls`,
  COUNTIF(`stage_history`.`entity` = 'contact' AND `stage_history`.`stage` = 'mql') AS `mqls`
FROM stage_history
LEFT JOIN contacts
  ON `stage_history`.`entity` = 'contact'
  AND `stage_history`.`entity_id` = `contacts`.`contact_id`
LEFT JOIN deals
  ON `stage_history`.`entity` = 'deal'
  AND `stage_history`.`entity_id` = `deals`.`deal_id`
LEFT JOIN accounts
  ON COALESCE(`contacts`.`account_id`, `deals`.`account_id`) = `accounts`.`account_id`
WHERE
  (
    `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
  )
  OR (
    `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END
    ),
    (
      CASE
        WHEN `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      COALESCE(`contacts`.`channel`, `deals`.`channel`)
    ),
    (
      CASE
        WHEN `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `contacts`.`campaign`
    ),
    (
      CASE
        WHEN `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`industry`
    ),
    (
      CASE
        WHEN `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`size_band`
    ),
    (
      CASE
        WHEN `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`region`
    ),
    (
      CASE
        WHEN `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `deals`.`product`
    ),
    (
      CASE
        WHEN `stage_history`.`entered_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `stage_history`.`entered_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `stage_history`.`entered_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      COALESCE(`contacts`.`owner`, `deals`.`owner`)
    )
  );

SELECT
  CASE
    WHEN `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
    THEN 0
    WHEN `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
    THEN 1
  END AS side,
  `contacts`.`channel` AS `channel`,
  GROUPING(`contacts`.`channel`) AS `channel__total`,
  `contacts`.`campaign` AS `campaign`,
  GROUPING(`contacts`.`campaign`) AS `campaign__total`,
  `accounts`.`industry` AS `industry`,
  GROUPING(`accounts`.`industry`) AS `industry__total`,
  `accounts`.`size_band` AS `size_band`,
  GROUPING(`accounts`.`size_band`) AS `size_band__total`,
  `accounts`.`region` AS `region`,
  GROUPING(`accounts`.`region`) AS `region__total`,
  `contacts`.`owner` AS `owner`,
  GROUPING(`contacts`.`owner`) AS `owner__total`,
  COUNT(*) AS `leads`
FROM contacts
LEFT JOIN accounts
  ON `contacts`.`account_id` = `accounts`.`account_id`
WHERE
  (
    `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
    AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
  )
  OR (
    `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
  )
GROUP BY
  GROUPING SETS (
    (
      CASE
        WHEN `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END
    ),
    (
      CASE
        WHEN `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `contacts`.`channel`
    ),
    (
      CASE
        WHEN `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `contacts`.`campaign`
    ),
    (
      CASE
        WHEN `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`industry`
    ),
    (
      CASE
        WHEN `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`size_band`
    ),
    (
      CASE
        WHEN `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `accounts`.`region`
    ),
    (
      CASE
        WHEN `contacts`.`created_at` >= CAST('2024-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2025-04-01 00:00:00' AS DATETIME)
        THEN 0
        WHEN `contacts`.`created_at` >= CAST('2025-04-01 00:00:00' AS DATETIME)
        AND `contacts`.`created_at` < CAST('2026-04-01 00:00:00' AS DATETIME)
        THEN 1
      END,
      `contacts`.`owner`
    )
  );
