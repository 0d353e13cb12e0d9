SELECT
  COUNT(*),
  MIN("created_at"),
  MAX("created_at"),
  COUNT_IF("account_id" IS NULL),
  COUNT_IF("name" IS NULL)
FROM accounts;

SELECT
  COUNT(*),
  MIN("created_at"),
  MAX("created_at"),
  COUNT_IF("account_id" IS NULL),
  COUNT_IF("name" IS NULL)
FROM accounts;

SELECT
  COUNT(*)
FROM (
  SELECT
    "account_id"
  FROM accounts
  GROUP BY
    "account_id"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    "account_id"
  FROM accounts
  GROUP BY
    "account_id"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN("created_at"),
  MAX("created_at"),
  COUNT_IF("contact_id" IS NULL),
  COUNT_IF("created_at" IS NULL)
FROM contacts;

SELECT
  COUNT(*),
  MIN("created_at"),
  MAX("created_at"),
  COUNT_IF("contact_id" IS NULL),
  COUNT_IF("created_at" IS NULL)
FROM contacts;

SELECT
  COUNT(*)
FROM (
  SELECT
    "contact_id"
  FROM contacts
  GROUP BY
    "contact_id"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    "contact_id"
  FROM contacts
  GROUP BY
    "contact_id"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN("s"."account_id")
FROM contacts AS s
WHERE
  NOT "s"."account_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      "t"."account_id" = "s"."account_id"
  );

SELECT
  COUNT(*),
  MIN("s"."account_id")
FROM contacts AS s
WHERE
  NOT "s"."account_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      "t"."account_id" = "s"."account_id"
  );

SELECT
  COUNT(*),
  MIN("entered_at"),
  MAX("entered_at"),
  COUNT_IF("entity" IS NULL),
  COUNT_IF("entity_id" IS NULL),
  COUNT_IF("stage" IS NULL),
  COUNT_IF("entered_at" IS NULL)
FROM stage_history;

SELECT
  COUNT(*),
  MIN("entered_at"),
  MAX("entered_at"),
  COUNT_IF("entity" IS NULL),
  COUNT_IF("entity_id" IS NULL),
  COUNT_IF("stage" IS NULL),
  COUNT_IF("entered_at" IS NULL)
FROM stage_history;

SELECT
  COUNT(*)
FROM (
  SELECT
    "entity",
    "entity_id",
    "stage",
    "entered_at"
  FROM stage_history
  GROUP BY
    "entity",
    "entity_id",
    "stage",
    "entered_at"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    "entity",
    "entity_id",
    "stage",
    "entered_at"
  FROM stage_history
  GROUP BY
    "entity",
    "entity_id",
    "stage",
    "entered_at"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN("s"."entity_id")
FROM stage_history AS s
WHERE
  "s"."entity" = 'contact'
  AND (
    NOT "s"."entity_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM contacts AS t
      WHERE
        "t"."contact_id" = "s"."entity_id"
    )
  );

SELECT
  COUNT(*),
  MIN("s"."entity_id")
FROM stage_history AS s
WHERE
  "s"."entity" = 'contact'
  AND (
    NOT "s"."entity_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM contacts AS t
      WHERE
        "t"."contact_id" = "s"."entity_id"
    )
  );

SELECT
  COUNT(*),
  MIN("s"."entity_id")
FROM stage_history AS s
WHERE
  "s"."entity" = 'deal'
  AND (
    NOT "s"."entity_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM deals AS t
      WHERE
        "t"."deal_id" = "s"."entity_id"
    )
  );

SELECT
  COUNT(*),
  MIN("s"."entity_id")
FROM stage_history AS s
WHERE
  "s"."entity" = 'deal'
  AND (
    NOT "s"."entity_id" IS NULL
    AND NOT EXISTS(
      SELECT
        1
      FROM deals AS t
      WHERE
        "t"."deal_id" = "s"."entity_id"
    )
  );

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "entity", ', ') WITHIN GROUP (ORDER BY
    "entity" NULLS FIRST)
FROM stage_history
WHERE
  NOT "entity" IS NULL AND NOT "entity" IN ('contact', 'deal');

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "entity", ', ') WITHIN GROUP (ORDER BY
    "entity" NULLS FIRST)
FROM stage_history
WHERE
  NOT "entity" IS NULL AND NOT "entity" IN ('contact', 'deal');

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "stage", ', ') WITHIN GROUP (ORDER BY
    "stage" NULLS FIRST)
FROM stage_history
WHERE
  "entity" = 'contact'
  AND NOT "stage" IN ('lead', 'mql', 'sql', 'opportunity', 'customer');

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "stage", ', ') WITHIN GROUP (ORDER BY
    "stage" NULLS FIRST)
FROM stage_history
WHERE
  "entity" = 'contact'
  AND NOT "stage" IN ('lead', 'mql', 'sql', 'opportunity', 'customer');

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "stage", ', ') WITHIN GROUP (ORDER BY
    "stage" NULLS FIRST)
FROM stage_history
WHERE
  "entity" = 'deal' AND NOT "stage" IN ('appointment', 'valid', 'proposal', 'won');

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "stage", ', ') WITHIN GROUP (ORDER BY
    "stage" NULLS FIRST)
FROM stage_history
WHERE
  "entity" = 'deal' AND NOT "stage" IN ('appointment', 'valid', 'proposal', 'won');

SELECT
  COUNT(*),
  MIN("created_at"),
  MAX("created_at"),
  COUNT_IF("deal_id" IS NULL),
  COUNT_IF("created_at" IS NULL),
  COUNT_IF("outcome" IS NULL)
FROM deals;

SELECT
  COUNT(*),
  MIN("created_at"),
  MAX("created_at"),
  COUNT_IF("deal_id" IS NULL),
  COUNT_IF("created_at" IS NULL),
  COUNT_IF("outcome" IS NULL)
FROM deals;

SELECT
  COUNT(*)
FROM (
  SELECT
    "deal_id"
  FROM deals
  GROUP BY
    "deal_id"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    "deal_id"
  FROM deals
  GROUP BY
    "deal_id"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN("s"."account_id")
FROM deals AS s
WHERE
  NOT "s"."account_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      "t"."account_id" = "s"."account_id"
  );

SELECT
  COUNT(*),
  MIN("s"."account_id")
FROM deals AS s
WHERE
  NOT "s"."account_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      "t"."account_id" = "s"."account_id"
  );

SELECT
  COUNT(*),
  MIN("s"."contact_id")
FROM deals AS s
WHERE
  NOT "s"."contact_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      "t"."contact_id" = "s"."contact_id"
  );

SELECT
  COUNT(*),
  MIN("s"."contact_id")
FROM deals AS s
WHERE
  NOT "s"."contact_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      "t"."contact_id" = "s"."contact_id"
  );

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "outcome", ', ') WITHIN GROUP (ORDER BY
    "outcome" NULLS FIRST)
FROM deals
WHERE
  NOT "outcome" IS NULL AND NOT "outcome" IN ('open', 'won', 'lost');

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "outcome", ', ') WITHIN GROUP (ORDER BY
    "outcome" NULLS FIRST)
FROM deals
WHERE
  NOT "outcome" IS NULL AND NOT "outcome" IN ('open', 'won', 'lost');

SELECT
  COUNT(*),
  MIN("occurred_at"),
  MAX("occurred_at"),
  COUNT_IF("occurred_at" IS NULL),
  COUNT_IF("type" IS NULL)
FROM touchpoints;

SELECT
  COUNT(*),
  MIN("occurred_at"),
  MAX("occurred_at"),
  COUNT_IF("occurred_at" IS NULL),
  COUNT_IF("type" IS NULL)
FROM touchpoints;

SELECT
  COUNT(*),
  MIN("s"."contact_id")
FROM touchpoints AS s
WHERE
  NOT "s"."contact_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      "t"."contact_id" = "s"."contact_id"
  );

SELECT
  COUNT(*),
  MIN("s"."contact_id")
FROM touchpoints AS s
WHERE
  NOT "s"."contact_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      "t"."contact_id" = "s"."contact_id"
  );

SELECT
  COUNT(*),
  MIN("s"."account_id")
FROM touchpoints AS s
WHERE
  NOT "s"."account_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      "t"."account_id" = "s"."account_id"
  );

SELECT
  COUNT(*),
  MIN("s"."account_id")
FROM touchpoints AS s
WHERE
  NOT "s"."account_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      "t"."account_id" = "s"."account_id"
  );

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "type", ', ') WITHIN GROUP (ORDER BY
    "type" NULLS FIRST)
FROM touchpoints
WHERE
  NOT "type" IS NULL
  AND NOT "type" IN (
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
  LISTAGG(DISTINCT "type", ', ') WITHIN GROUP (ORDER BY
    "type" NULLS FIRST)
FROM touchpoints
WHERE
  NOT "type" IS NULL
  AND NOT "type" IN (
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
  MIN("hour"),
  MAX("hour"),
  COUNT_IF("exhibition_id" IS NULL),
  COUNT_IF("exhibit_id" IS NULL),
  COUNT_IF("hour" IS NULL),
  COUNT_IF("passersby" IS NULL)
FROM booth_traffic;

SELECT
  COUNT(*),
  MIN("hour"),
  MAX("hour"),
  COUNT_IF("exhibition_id" IS NULL),
  COUNT_IF("exhibit_id" IS NULL),
  COUNT_IF("hour" IS NULL),
  COUNT_IF("passersby" IS NULL)
FROM booth_traffic;

SELECT
  COUNT(*)
FROM (
  SELECT
    "exhibition_id",
    "exhibit_id",
    "hour"
  FROM booth_traffic
  GROUP BY
    "exhibition_id",
    "exhibit_id",
    "hour"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    "exhibition_id",
    "exhibit_id",
    "hour"
  FROM booth_traffic
  GROUP BY
    "exhibition_id",
    "exhibit_id",
    "hour"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN("date"),
  MAX("date"),
  COUNT_IF("date" IS NULL),
  COUNT_IF("category" IS NULL),
  COUNT_IF("amount" IS NULL)
FROM costs;

SELECT
  COUNT(*),
  MIN("date"),
  MAX("date"),
  COUNT_IF("date" IS NULL),
  COUNT_IF("category" IS NULL),
  COUNT_IF("amount" IS NULL)
FROM costs;

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "category", ', ') WITHIN GROUP (ORDER BY
    "category" NULLS FIRST)
FROM costs
WHERE
  NOT "category" IS NULL
  AND NOT "category" IN ('media', 'event', 'content', 'system', 'sales', 'other');

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "category", ', ') WITHIN GROUP (ORDER BY
    "category" NULLS FIRST)
FROM costs
WHERE
  NOT "category" IS NULL
  AND NOT "category" IN ('media', 'event', 'content', 'system', 'sales', 'other');

SELECT
  COUNT(*),
  MIN("ordered_at"),
  MAX("ordered_at"),
  COUNT_IF("order_id" IS NULL),
  COUNT_IF("account_id" IS NULL),
  COUNT_IF("ordered_at" IS NULL),
  COUNT_IF("amount" IS NULL)
FROM orders;

SELECT
  COUNT(*),
  MIN("ordered_at"),
  MAX("ordered_at"),
  COUNT_IF("order_id" IS NULL),
  COUNT_IF("account_id" IS NULL),
  COUNT_IF("ordered_at" IS NULL),
  COUNT_IF("amount" IS NULL)
FROM orders;

SELECT
  COUNT(*)
FROM (
  SELECT
    "order_id"
  FROM orders
  GROUP BY
    "order_id"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    "order_id"
  FROM orders
  GROUP BY
    "order_id"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN("s"."account_id")
FROM orders AS s
WHERE
  NOT "s"."account_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      "t"."account_id" = "s"."account_id"
  );

SELECT
  COUNT(*),
  MIN("s"."account_id")
FROM orders AS s
WHERE
  NOT "s"."account_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      "t"."account_id" = "s"."account_id"
  );

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "kind", ', ') WITHIN GROUP (ORDER BY
    "kind" NULLS FIRST)
FROM orders
WHERE
  NOT "kind" IS NULL
  AND NOT "kind" IN ('new', 'repeat', 'upsell', 'cross_sell', 'renewal');

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "kind", ', ') WITHIN GROUP (ORDER BY
    "kind" NULLS FIRST)
FROM orders
WHERE
  NOT "kind" IS NULL
  AND NOT "kind" IN ('new', 'repeat', 'upsell', 'cross_sell', 'renewal');

SELECT
  COUNT(*),
  MIN("answered_at"),
  MAX("answered_at"),
  COUNT_IF("response_id" IS NULL),
  COUNT_IF("answered_at" IS NULL),
  COUNT_IF("kind" IS NULL)
FROM surveys;

SELECT
  COUNT(*),
  MIN("answered_at"),
  MAX("answered_at"),
  COUNT_IF("response_id" IS NULL),
  COUNT_IF("answered_at" IS NULL),
  COUNT_IF("kind" IS NULL)
FROM surveys;

SELECT
  COUNT(*)
FROM (
  SELECT
    "response_id"
  FROM surveys
  GROUP BY
    "response_id"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*)
FROM (
  SELECT
    "response_id"
  FROM surveys
  GROUP BY
    "response_id"
  HAVING
    COUNT(*) > 1
) AS d;

SELECT
  COUNT(*),
  MIN("s"."contact_id")
FROM surveys AS s
WHERE
  NOT "s"."contact_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      "t"."contact_id" = "s"."contact_id"
  );

SELECT
  COUNT(*),
  MIN("s"."contact_id")
FROM surveys AS s
WHERE
  NOT "s"."contact_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM contacts AS t
    WHERE
      "t"."contact_id" = "s"."contact_id"
  );

SELECT
  COUNT(*),
  MIN("s"."account_id")
FROM surveys AS s
WHERE
  NOT "s"."account_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      "t"."account_id" = "s"."account_id"
  );

SELECT
  COUNT(*),
  MIN("s"."account_id")
FROM surveys AS s
WHERE
  NOT "s"."account_id" IS NULL
  AND NOT EXISTS(
    SELECT
      1
    FROM accounts AS t
    WHERE
      "t"."account_id" = "s"."account_id"
  );

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "kind", ', ') WITHIN GROUP (ORDER BY
    "kind" NULLS FIRST)
FROM surveys
WHERE
  NOT "kind" IS NULL AND NOT "kind" IN ('nps', 'csat', 'awareness');

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "kind", ', ') WITHIN GROUP (ORDER BY
    "kind" NULLS FIRST)
FROM surveys
WHERE
  NOT "kind" IS NULL AND NOT "kind" IN ('nps', 'csat', 'awareness');

SELECT
  COUNT(*),
  MIN("date"),
  MAX("date"),
  COUNT_IF("date" IS NULL),
  COUNT_IF("kind" IS NULL),
  COUNT_IF("value" IS NULL)
FROM brand_signals;

SELECT
  COUNT(*),
  MIN("date"),
  MAX("date"),
  COUNT_IF("date" IS NULL),
  COUNT_IF("kind" IS NULL),
  COUNT_IF("value" IS NULL)
FROM brand_signals;

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "kind", ', ') WITHIN GROUP (ORDER BY
    "kind" NULLS FIRST)
FROM brand_signals
WHERE
  NOT "kind" IS NULL
  AND NOT "kind" IN ('branded_search', 'mention', 'review', 'media');

SELECT
  COUNT(*),
  LISTAGG(DISTINCT "kind", ', ') WITHIN GROUP (ORDER BY
    "kind" NULLS FIRST)
FROM brand_signals
WHERE
  NOT "kind" IS NULL
  AND NOT "kind" IN ('branded_search', 'mention', 'review', 'media');

SELECT
  COUNT(*)
FROM deals
WHERE
  "closed_at" < "created_at";

SELECT
  COUNT(*)
FROM deals
WHERE
  "closed_at" < "created_at";

SELECT
  COUNT(DISTINCT "a"."entity_id")
FROM (
  SELECT
    "entity_id",
    CASE "stage"
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
    "entered_at"
  FROM stage_history
  WHERE
    "entity" = 'contact'
) AS a
JOIN (
  SELECT
    "entity_id",
    CASE "stage"
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
    "entered_at"
  FROM stage_history
  WHERE
    "entity" = 'contact'
) AS b
  ON "a"."entity_id" = "b"."entity_id"
  AND "b"."position" < "a"."position"
  AND "b"."entered_at" > "a"."entered_at";

SELECT
  COUNT(DISTINCT "a"."entity_id")
FROM (
  SELECT
    "entity_id",
    CASE "stage"
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
    "entered_at"
  FROM stage_history
  WHERE
    "entity" = 'contact'
) AS a
JOIN (
  SELECT
    "entity_id",
    CASE "stage"
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
    "entered_at"
  FROM stage_history
  WHERE
    "entity" = 'contact'
) AS b
  ON "a"."entity_id" = "b"."entity_id"
  AND "b"."position" < "a"."position"
  AND "b"."entered_at" > "a"."entered_at";

SELECT
  COUNT(DISTINCT "a"."entity_id")
FROM (
  SELECT
    "entity_id",
    CASE "stage"
      WHEN 'appointment'
      THEN 0
      WHEN 'valid'
      THEN 1
      WHEN 'proposal'
      THEN 2
      WHEN 'won'
      THEN 3
    END AS position,
    "entered_at"
  FROM stage_history
  WHERE
    "entity" = 'deal'
) AS a
JOIN (
  SELECT
    "entity_id",
    CASE "stage"
      WHEN 'appointment'
      THEN 0
      WHEN 'valid'
      THEN 1
      WHEN 'proposal'
      THEN 2
      WHEN 'won'
      THEN 3
    END AS position,
    "entered_at"
  FROM stage_history
  WHERE
    "entity" = 'deal'
) AS b
  ON "a"."entity_id" = "b"."entity_id"
  AND "b"."position" < "a"."position"
  AND "b"."entered_at" > "a"."entered_at";

SELECT
  COUNT(DISTINCT "a"."entity_id")
FROM (
  SELECT
    "entity_id",
    CASE "stage"
      WHEN 'appointment'
      THEN 0
      WHEN 'valid'
      THEN 1
      WHEN 'proposal'
      THEN 2
      WHEN 'won'
      THEN 3
    END AS position,
    "entered_at"
  FROM stage_history
  WHERE
    "entity" = 'deal'
) AS a
JOIN (
  SELECT
    "entity_id",
    CASE "stage"
      WHEN 'appointment'
      THEN 0
      WHEN 'valid'
      THEN 1
      WHEN 'proposal'
      THEN 2
      WHEN 'won'
      THEN 3
    END AS position,
    "entered_at"
  FROM stage_history
  WHERE
    "entity" = 'deal'
) AS b
  ON "a"."entity_id" = "b"."entity_id"
  AND "b"."position" < "a"."position"
  AND "b"."entered_at" > "a"."entered_at";

SELECT
  COUNT(*)
FROM accounts
WHERE
  CAST("created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM accounts
WHERE
  CAST("created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM contacts
WHERE
  CAST("created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM contacts
WHERE
  CAST("created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM stage_history
WHERE
  CAST("entered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM stage_history
WHERE
  CAST("entered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM deals
WHERE
  CAST("created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM deals
WHERE
  CAST("created_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  CAST("occurred_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM touchpoints
WHERE
  CAST("occurred_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  CAST("hour" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM booth_traffic
WHERE
  CAST("hour" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM costs
WHERE
  CAST("date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM costs
WHERE
  CAST("date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM orders
WHERE
  CAST("ordered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM orders
WHERE
  CAST("ordered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM surveys
WHERE
  CAST("answered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM surveys
WHERE
  CAST("answered_at" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  CAST("date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  COUNT(*)
FROM brand_signals
WHERE
  CAST("date" AS TIMESTAMP) > CAST('<now>' AS TIMESTAMP) + INTERVAL '1 DAY';

SELECT
  "d"."owner",
  COUNT(*) AS n,
  AVG(
    CAST(DAY(CAST("h"."entered_at" AS DATE)) >= DAY(LAST_DAY(CAST("h"."entered_at" AS DATE))) - 1 AS DOUBLE)
  ) AS share
FROM stage_history AS h
JOIN deals AS d
  ON "h"."entity" = 'deal' AND "h"."entity_id" = "d"."deal_id"
WHERE
  NOT "d"."owner" IS NULL
GROUP BY
  "d"."owner"
HAVING
  n >= 30 AND share > 0.2
ORDER BY
  share DESC NULLS LAST;

SELECT
  "d"."owner",
  COUNT(*) AS n,
  AVG(
    CAST(DAY(CAST("h"."entered_at" AS DATE)) >= DAY(LAST_DAY(CAST("h"."entered_at" AS DATE))) - 1 AS DOUBLE)
  ) AS share
FROM stage_history AS h
JOIN deals AS d
  ON "h"."entity" = 'deal' AND "h"."entity_id" = "d"."deal_id"
WHERE
  NOT "d"."owner" IS NULL
GROUP BY
  "d"."owner"
HAVING
  n >= 30 AND share > 0.2
ORDER BY
  share DESC NULLS LAST;
