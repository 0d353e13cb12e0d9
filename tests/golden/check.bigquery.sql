SELECT
  COUNT(*),
  MIN(`created_at`),
  MAX(`created_at`),
  COUNTIF(`account_id` IS NULL),
  COUNTIF(`name` IS NULL)
FROM accounts;

SELECT
  COUNT(*),
  MIN(`created_at`),
  MAX(`created_at`),
  COUNTIF(`account_id` IS NULL),
  COUNTIF(`name` IS NULL)
FROM accounts;

SELECT
  COUNT(*)
FROM (
  SELECT
    `account_id`
  FROM accounts
  GROUP BY
    `account_id`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    `account_id`
  FROM accounts
  GROUP BY
    `account_id`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN(`created_at`),
  MAX(`created_at`),
  COUNTIF(`contact_id` IS NULL),
  COUNTIF(`created_at` IS NULL)
FROM contacts;

SELECT
  COUNT(*),
  MIN(`created_at`),
  MAX(`created_at`),
  COUNTIF(`contact_id` IS NULL),
  COUNTIF(`created_at` IS NULL)
FROM contacts;

SELECT
  COUNT(*)
FROM (
  SELECT
    `contact_id`
  FROM contacts
  GROUP BY
    `contact_id`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    `contact_id`
  FROM contacts
  GROUP BY
    `contact_id`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN(`s`.`account_id`)
FROM contacts AS s
WHERE
  NOT `s`.`account_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      `t`.`account_id` = `s`.`account_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`account_id`)
FROM contacts AS s
WHERE
  NOT `s`.`account_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      `t`.`account_id` = `s`.`account_id`
  );

SELECT
  COUNT(*),
  MIN(`entered_at`),
  MAX(`entered_at`),
  COUNTIF(`entity` IS NULL),
  COUNTIF(`entity_id` IS NULL),
  COUNTIF(`stage` IS NULL),
  COUNTIF(`entered_at` IS NULL)
FROM stage_history;

SELECT
  COUNT(*),
  MIN(`entered_at`),
  MAX(`entered_at`),
  COUNTIF(`entity` IS NULL),
  COUNTIF(`entity_id` IS NULL),
  COUNTIF(`stage` IS NULL),
  COUNTIF(`entered_at` IS NULL)
FROM stage_history;

SELECT
  COUNT(*)
FROM (
  SELECT
    `entity`,
    `entity_id`,
    `stage`,
    `entered_at`
  FROM stage_history
  GROUP BY
    `entity`,
    `entity_id`,
    `stage`,
    `entered_at`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    `entity`,
    `entity_id`,
    `stage`,
    `entered_at`
  FROM stage_history
  GROUP BY
    `entity`,
    `entity_id`,
    `stage`,
    `entered_at`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN(`s`.`entity_id`)
FROM stage_history AS s
WHERE
  `s`.`entity` = 'contact'
  AND (
    NOT `s`.`entity_id` IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM contacts AS t
      WHERE
        `t`.`contact_id` = `s`.`entity_id`
    )
  );

SELECT
  COUNT(*),
  MIN(`s`.`entity_id`)
FROM stage_history AS s
WHERE
  `s`.`entity` = 'contact'
  AND (
    NOT `s`.`entity_id` IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM contacts AS t
      WHERE
        `t`.`contact_id` = `s`.`entity_id`
    )
  );

SELECT
  COUNT(*),
  MIN(`s`.`entity_id`)
FROM stage_history AS s
WHERE
  `s`.`entity` = 'deal'
  AND (
    NOT `s`.`entity_id` IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM deals AS t
      WHERE
        `t`.`deal_id` = `s`.`entity_id`
    )
  );

SELECT
  COUNT(*),
  MIN(`s`.`entity_id`)
FROM stage_history AS s
WHERE
  `s`.`entity` = 'deal'
  AND (
    NOT `s`.`entity_id` IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM deals AS t
      WHERE
        `t`.`deal_id` = `s`.`entity_id`
    )
  );

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `entity`, ', '
  ORDER BY
    `entity`)
FROM stage_history
WHERE
  NOT `entity` IS NULL AND NOT `entity` IN ('contact', 'deal');

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `entity`, ', '
  ORDER BY
    `entity`)
FROM stage_history
WHERE
  NOT `entity` IS NULL AND NOT `entity` IN ('contact', 'deal');

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `stage`, ', '
  ORDER BY
    `stage`)
FROM stage_history
WHERE
  `entity` = 'contact'
  AND NOT `stage` IN ('lead', 'mql', 'sql', 'opportunity', 'customer');

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `stage`, ', '
  ORDER BY
    `stage`)
FROM stage_history
WHERE
  `entity` = 'contact'
  AND NOT `stage` IN ('lead', 'mql', 'sql', 'opportunity', 'customer');

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `stage`, ', '
  ORDER BY
    `stage`)
FROM stage_history
WHERE
  `entity` = 'deal' AND NOT `stage` IN ('appointment', 'valid', 'proposal', 'won');

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `stage`, ', '
  ORDER BY
    `stage`)
FROM stage_history
WHERE
  `entity` = 'deal' AND NOT `stage` IN ('appointment', 'valid', 'proposal', 'won');

SELECT
  COUNT(*),
  MIN(`created_at`),
  MAX(`created_at`),
  COUNTIF(`deal_id` IS NULL),
  COUNTIF(`created_at` IS NULL),
  COUNTIF(`outcome` IS NULL)
FROM deals;

SELECT
  COUNT(*),
  MIN(`created_at`),
  MAX(`created_at`),
  COUNTIF(`deal_id` IS NULL),
  COUNTIF(`created_at` IS NULL),
  COUNTIF(`outcome` IS NULL)
FROM deals;

SELECT
  COUNT(*)
FROM (
  SELECT
    `deal_id`
  FROM deals
  GROUP BY
    `deal_id`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    `deal_id`
  FROM deals
  GROUP BY
    `deal_id`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN(`s`.`account_id`)
FROM deals AS s
WHERE
  NOT `s`.`account_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      `t`.`account_id` = `s`.`account_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`account_id`)
FROM deals AS s
WHERE
  NOT `s`.`account_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      `t`.`account_id` = `s`.`account_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`contact_id`)
FROM deals AS s
WHERE
  NOT `s`.`contact_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      `t`.`contact_id` = `s`.`contact_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`contact_id`)
FROM deals AS s
WHERE
  NOT `s`.`contact_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      `t`.`contact_id` = `s`.`contact_id`
  );

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `outcome`, ', '
  ORDER BY
    `outcome`)
FROM deals
WHERE
  NOT `outcome` IS NULL AND NOT `outcome` IN ('open', 'won', 'lost');

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `outcome`, ', '
  ORDER BY
    `outcome`)
FROM deals
WHERE
  NOT `outcome` IS NULL AND NOT `outcome` IN ('open', 'won', 'lost');

SELECT
  COUNT(*),
  MIN(`occurred_at`),
  MAX(`occurred_at`),
  COUNTIF(`occurred_at` IS NULL),
  COUNTIF(`type` IS NULL)
FROM touchpoints;

SELECT
  COUNT(*),
  MIN(`occurred_at`),
  MAX(`occurred_at`),
  COUNTIF(`occurred_at` IS NULL),
  COUNTIF(`type` IS NULL)
FROM touchpoints;

SELECT
  COUNT(*),
  MIN(`s`.`contact_id`)
FROM touchpoints AS s
WHERE
  NOT `s`.`contact_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      `t`.`contact_id` = `s`.`contact_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`contact_id`)
FROM touchpoints AS s
WHERE
  NOT `s`.`contact_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      `t`.`contact_id` = `s`.`contact_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`account_id`)
FROM touchpoints AS s
WHERE
  NOT `s`.`account_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      `t`.`account_id` = `s`.`account_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`account_id`)
FROM touchpoints AS s
WHERE
  NOT `s`.`account_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      `t`.`account_id` = `s`.`account_id`
  );

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `type`, ', '
  ORDER BY
    `type`)
FROM touchpoints
WHERE
  NOT `type` IS NULL
  AND NOT `type` IN (
    'page_view',
    'download',
    'form_submit',
    'inquiry',
    'email_open',
    'email_click',
    'seminar_attend',
    'booth_visit',
    'demo',
    'badge_scan',
    'meeting',
    'call',
    'chat',
    'other'
  );

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `type`, ', '
  ORDER BY
    `type`)
FROM touchpoints
WHERE
  NOT `type` IS NULL
  AND NOT `type` IN (
    'page_view',
    'download',
    'form_submit',
    'inquiry',
    'email_open',
    'email_click',
    'seminar_attend',
    'booth_visit',
    'demo',
    'badge_scan',
    'meeting',
    'call',
    'chat',
    'other'
  );

SELECT
  COUNT(*),
  MIN(`hour`),
  MAX(`hour`),
  COUNTIF(`exhibition_id` IS NULL),
  COUNTIF(`exhibit_id` IS NULL),
  COUNTIF(`hour` IS NULL),
  COUNTIF(`passersby` IS NULL)
FROM booth_traffic;

SELECT
  COUNT(*),
  MIN(`hour`),
  MAX(`hour`),
  COUNTIF(`exhibition_id` IS NULL),
  COUNTIF(`exhibit_id` IS NULL),
  COUNTIF(`hour` IS NULL),
  COUNTIF(`passersby` IS NULL)
FROM booth_traffic;

SELECT
  COUNT(*)
FROM (
  SELECT
    `exhibition_id`,
    `exhibit_id`,
    `hour`
  FROM booth_traffic
  GROUP BY
    `exhibition_id`,
    `exhibit_id`,
    `hour`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    `exhibition_id`,
    `exhibit_id`,
    `hour`
  FROM booth_traffic
  GROUP BY
    `exhibition_id`,
    `exhibit_id`,
    `hour`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN(`date`),
  MAX(`date`),
  COUNTIF(`date` IS NULL),
  COUNTIF(`category` IS NULL),
  COUNTIF(`amount` IS NULL)
FROM costs;

SELECT
  COUNT(*),
  MIN(`date`),
  MAX(`date`),
  COUNTIF(`date` IS NULL),
  COUNTIF(`category` IS NULL),
  COUNTIF(`amount` IS NULL)
FROM costs;

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `category`, ', '
  ORDER BY
    `category`)
FROM costs
WHERE
  NOT `category` IS NULL
  AND NOT `category` IN ('media', 'event', 'content', 'system', 'sales', 'other');

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `category`, ', '
  ORDER BY
    `category`)
FROM costs
WHERE
  NOT `category` IS NULL
  AND NOT `category` IN ('media', 'event', 'content', 'system', 'sales', 'other');

SELECT
  COUNT(*),
  MIN(`ordered_at`),
  MAX(`ordered_at`),
  COUNTIF(`order_id` IS NULL),
  COUNTIF(`account_id` IS NULL),
  COUNTIF(`ordered_at` IS NULL),
  COUNTIF(`amount` IS NULL)
FROM orders;

SELECT
  COUNT(*),
  MIN(`ordered_at`),
  MAX(`ordered_at`),
  COUNTIF(`order_id` IS NULL),
  COUNTIF(`account_id` IS NULL),
  COUNTIF(`ordered_at` IS NULL),
  COUNTIF(`amount` IS NULL)
FROM orders;

SELECT
  COUNT(*)
FROM (
  SELECT
    `order_id`
  FROM orders
  GROUP BY
    `order_id`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    `order_id`
  FROM orders
  GROUP BY
    `order_id`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN(`s`.`account_id`)
FROM orders AS s
WHERE
  NOT `s`.`account_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      `t`.`account_id` = `s`.`account_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`account_id`)
FROM orders AS s
WHERE
  NOT `s`.`account_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      `t`.`account_id` = `s`.`account_id`
  );

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `kind`, ', '
  ORDER BY
    `kind`)
FROM orders
WHERE
  NOT `kind` IS NULL
  AND NOT `kind` IN ('new', 'repeat', 'upsell', 'cross_sell', 'renewal');

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `kind`, ', '
  ORDER BY
    `kind`)
FROM orders
WHERE
  NOT `kind` IS NULL
  AND NOT `kind` IN ('new', 'repeat', 'upsell', 'cross_sell', 'renewal');

SELECT
  COUNT(*),
  MIN(`answered_at`),
  MAX(`answered_at`),
  COUNTIF(`response_id` IS NULL),
  COUNTIF(`answered_at` IS NULL),
  COUNTIF(`kind` IS NULL)
FROM surveys;

SELECT
  COUNT(*),
  MIN(`answered_at`),
  MAX(`answered_at`),
  COUNTIF(`response_id` IS NULL),
  COUNTIF(`answered_at` IS NULL),
  COUNTIF(`kind` IS NULL)
FROM surveys;

SELECT
  COUNT(*)
FROM (
  SELECT
    `response_id`
  FROM surveys
  GROUP BY
    `response_id`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    `response_id`
  FROM surveys
  GROUP BY
    `response_id`
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN(`s`.`contact_id`)
FROM surveys AS s
WHERE
  NOT `s`.`contact_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      `t`.`contact_id` = `s`.`contact_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`contact_id`)
FROM surveys AS s
WHERE
  NOT `s`.`contact_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      `t`.`contact_id` = `s`.`contact_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`account_id`)
FROM surveys AS s
WHERE
  NOT `s`.`account_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      `t`.`account_id` = `s`.`account_id`
  );

SELECT
  COUNT(*),
  MIN(`s`.`account_id`)
FROM surveys AS s
WHERE
  NOT `s`.`account_id` IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      `t`.`account_id` = `s`.`account_id`
  );

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `kind`, ', '
  ORDER BY
    `kind`)
FROM surveys
WHERE
  NOT `kind` IS NULL AND NOT `kind` IN ('nps', 'csat', 'awareness');

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `kind`, ', '
  ORDER BY
    `kind`)
FROM surveys
WHERE
  NOT `kind` IS NULL AND NOT `kind` IN ('nps', 'csat', 'awareness');

SELECT
  COUNT(*),
  MIN(`date`),
  MAX(`date`),
  COUNTIF(`date` IS NULL),
  COUNTIF(`kind` IS NULL),
  COUNTIF(`value` IS NULL)
FROM brand_signals;

SELECT
  COUNT(*),
  MIN(`date`),
  MAX(`date`),
  COUNTIF(`date` IS NULL),
  COUNTIF(`kind` IS NULL),
  COUNTIF(`value` IS NULL)
FROM brand_signals;

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `kind`, ', '
  ORDER BY
    `kind`)
FROM brand_signals
WHERE
  NOT `kind` IS NULL
  AND NOT `kind` IN ('branded_search', 'mention', 'review', 'media');

SELECT
  COUNT(*),
  STRING_AGG(DISTINCT `kind`, ', '
  ORDER BY
    `kind`)
FROM brand_signals
WHERE
  NOT `kind` IS NULL
  AND NOT `kind` IN ('branded_search', 'mention', 'review', 'media');

SELECT
  COUNT(*)
FROM deals
WHERE
  `closed_at` < `created_at`;

SELECT
  COUNT(*)
FROM deals
WHERE
  `closed_at` < `created_at`;

SELECT
  COUNT(DISTINCT `a`.`entity_id`)
FROM (
  SELECT
    `entity_id`,
    CASE `stage`
      WHEN 'lead'
      THEN 0
      WHEN 'mql'
      THEN 1
      WHEN 'sql'
      THEN 2
      WHEN 'opportunity'
      THEN 3
      WHEN 'customer'
      THEN 4
    END AS position,
    `entered_at`
  FROM stage_history
  WHERE
    `entity` = 'contact'
) AS a
JOIN (
  SELECT
    `entity_id`,
    CASE `stage`
      WHEN 'lead'
      THEN 0
      WHEN 'mql'
      THEN 1
      WHEN 'sql'
      THEN 2
      WHEN 'opportunity'
      THEN 3
      WHEN 'customer'
      THEN 4
    END AS position,
    `entered_at`
  FROM stage_history
  WHERE
    `entity` = 'contact'
) AS b
  ON `a`.`entity_id` = `b`.`entity_id`
  AND `b`.`position` < `a`.`position`
  AND `b`.`entered_at` > `a`.`entered_at`;

SELECT
  COUNT(DISTINCT `a`.`entity_id`)
FROM (
  SELECT
    `entity_id`,
    CASE `stage`
      WHEN 'lead'
      THEN 0
      WHEN 'mql'
      THEN 1
      WHEN 'sql'
      THEN 2
      WHEN 'opportunity'
      THEN 3
      WHEN 'customer'
      THEN 4
    END AS position,
    `entered_at`
  FROM stage_history
  WHERE
    `entity` = 'contact'
) AS a
JOIN (
  SELECT
    `entity_id`,
    CASE `stage`
      WHEN 'lead'
      THEN 0
      WHEN 'mql'
      THEN 1
      WHEN 'sql'
      THEN 2
      WHEN 'opportunity'
      THEN 3
      WHEN 'customer'
      THEN 4
    END AS position,
    `entered_at`
  FROM stage_history
  WHERE
    `entity` = 'contact'
) AS b
  ON `a`.`entity_id` = `b`.`entity_id`
  AND `b`.`position` < `a`.`position`
  AND `b`.`entered_at` > `a`.`entered_at`;

SELECT
  COUNT(DISTINCT `a`.`entity_id`)
FROM (
  SELECT
    `entity_id`,
    CASE `stage`
      WHEN 'appointment'
      THEN 0
      WHEN 'valid'
      THEN 1
      WHEN 'proposal'
      THEN 2
      WHEN 'won'
      THEN 3
    END AS position,
    `entered_at`
  FROM stage_history
  WHERE
    `entity` = 'deal'
) AS a
JOIN (
  SELECT
    `entity_id`,
    CASE `stage`
      WHEN 'appointment'
      THEN 0
      WHEN 'valid'
      THEN 1
      WHEN 'proposal'
      THEN 2
      WHEN 'won'
      THEN 3
    END AS position,
    `entered_at`
  FROM stage_history
  WHERE
    `entity` = 'deal'
) AS b
  ON `a`.`entity_id` = `b`.`entity_id`
  AND `b`.`position` < `a`.`position`
  AND `b`.`entered_at` > `a`.`entered_at`;

SELECT
  COUNT(DISTINCT `a`.`entity_id`)
FROM (
  SELECT
    `entity_id`,
    CASE `stage`
      WHEN 'appointment'
      THEN 0
      WHEN 'valid'
      THEN 1
      WHEN 'proposal'
      THEN 2
      WHEN 'won'
      THEN 3
    END AS position,
    `entered_at`
  FROM stage_history
  WHERE
    `entity` = 'deal'
) AS a
JOIN (
  SELECT
    `entity_id`,
    CASE `stage`
      WHEN 'appointment'
      THEN 0
      WHEN 'valid'
      THEN 1
      WHEN 'proposal'
      THEN 2
      WHEN 'won'
      THEN 3
    END AS position,
    `entered_at`
  FROM stage_history
  WHERE
    `entity` = 'deal'
) AS b
  ON `a`.`entity_id` = `b`.`entity_id`
  AND `b`.`position` < `a`.`position`
  AND `b`.`entered_at` > `a`.`entered_at`;

SELECT
  COUNT(*)
FROM accounts
WHERE
  CAST(`created_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM accounts
WHERE
  CAST(`created_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM contacts
WHERE
  CAST(`created_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM contacts
WHERE
  CAST(`created_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM stage_history
WHERE
  CAST(`entered_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM stage_history
WHERE
  CAST(`entered_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM deals
WHERE
  CAST(`created_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM deals
WHERE
  CAST(`created_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  CAST(`occurred_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  CAST(`occurred_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  CAST(`hour` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  CAST(`hour` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM costs
WHERE
  CAST(`date` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM costs
WHERE
  CAST(`date` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM orders
WHERE
  CAST(`ordered_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM orders
WHERE
  CAST(`ordered_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM surveys
WHERE
  CAST(`answered_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM surveys
WHERE
  CAST(`answered_at` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  CAST(`date` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  CAST(`date` AS DATETIME) > CAST('<now>' AS DATETIME) + INTERVAL '1' DAY;

SELECT
  `d`.`owner`,
  COUNT(*) AS n,
  AVG(
    CAST(EXTRACT(DAY FROM CAST(`h`.`entered_at` AS DATE)) >= EXTRACT(DAY FROM LAST_DAY(CAST(`h`.`entered_at` AS DATE))) - 1 AS FLOAT64)
  ) AS share
FROM stage_history AS h
JOIN deals AS d
  ON `h`.`entity` = 'deal' AND `h`.`entity_id` = `d`.`deal_id`
WHERE
  NOT `d`.`owner` IS NULL
GROUP BY
  `d`.`owner`
HAVING
  n >= 30 AND share > 0.2
ORDER BY
  share DESC;

SELECT
  `d`.`owner`,
  COUNT(*) AS n,
  AVG(
    CAST(EXTRACT(DAY FROM CAST(`h`.`entered_at` AS DATE)) >= EXTRACT(DAY FROM LAST_DAY(CAST(`h`.`entered_at` AS DATE))) - 1 AS FLOAT64)
  ) AS share
FROM stage_history AS h
JOIN deals AS d
  ON `h`.`entity` = 'deal' AND `h`.`entity_id` = `d`.`deal_id`
WHERE
  NOT `d`.`owner` IS NULL
GROUP BY
  `d`.`owner`
HAVING
  n >= 30 AND share > 0.2
ORDER BY
  share DESC;
