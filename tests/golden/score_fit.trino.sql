SELECT
  "touchpoints"."type" AS type,
  CASE
    WHEN "touchpoints"."type" = 'page_view'
    THEN "touchpoints"."content_type"
    ELSE NULL
  END AS content_type
FROM "touchpoints"
WHERE
  NOT "touchpoints"."contact_id" IS NULL
  AND NOT "touchpoints"."type" IN ('meeting', 'call')
GROUP BY
  type,
  content_type
ORDER BY
  type,
  content_type;

SELECT
  "touchpoints"."type" AS type,
  CASE
    WHEN "touchpoints"."type" = 'page_view'
    THEN "touchpoints"."content_type"
    ELSE NULL
  END AS content_type
FROM "touchpoints"
WHERE
  NOT "touchpoints"."contact_id" IS NULL
  AND NOT "touchpoints"."type" IN ('meeting', 'call')
GROUP BY
  type,
  content_type
ORDER BY
  type,
  content_type;

WITH leads AS (
  SELECT
    "contacts"."contact_id" AS contact_id,
    "contacts"."created_at" AS created_at,
    CAST("contacts"."channel" AS VARCHAR) AS a0,
    CAST("contacts"."campaign" AS VARCHAR) AS a1,
    CAST("contacts"."job_title" AS VARCHAR) AS a2,
    CAST("contacts"."authority" AS VARCHAR) AS a3,
    CAST("contacts"."budget" AS VARCHAR) AS a4,
    CAST("contacts"."timeframe" AS VARCHAR) AS a5,
    CAST("accounts"."industry" AS VARCHAR) AS a6,
    CAST("accounts"."size_band" AS VARCHAR) AS a7,
    CAST("accounts"."region" AS VARCHAR) AS a8,
    CAST("accounts"."is_target" AS VARCHAR) AS a9
  FROM "contacts"
  LEFT JOIN "accounts"
    ON "contacts"."account_id" = "accounts"."account_id"
  WHERE
    CAST(DATE_DIFF('MICROSECOND', "contacts"."created_at", CAST('2026-04-01 00:00:00' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= CAST(104.0 AS DOUBLE)
), reached AS (
  SELECT
    "contact_id",
    MIN("at") AS reached_at
  FROM (
    SELECT
      "entity_id" AS contact_id,
      "entered_at" AS at
    FROM "stage_history"
    WHERE
      "entity" = 'contact' AND "stage" IN ('sql', 'opportunity', 'customer')
  ) AS outcomes
  GROUP BY
    "contact_id"
), touches AS (
  SELECT
    "leads"."contact_id" AS contact_id,
    COUNT(CASE WHEN "touchpoints"."type" = 'badge_scan' THEN 1 ELSE NULL END) AS t0,
    COUNT(CASE WHEN "touchpoints"."type" = 'booth_visit' THEN 1 ELSE NULL END) AS t1,
    COUNT(CASE WHEN "touchpoints"."type" = 'chat' THEN 1 ELSE NULL END) AS t2,
    COUNT(CASE WHEN "touchpoints"."type" = 'demo' THEN 1 ELSE NULL END) AS t3,
    COUNT(CASE WHEN "touchpoints"."type" = 'download' THEN 1 ELSE NULL END) AS t4,
    COUNT(CASE WHEN "touchpoints"."type" = 'download' THEN 1 ELSE NULL END) AS t5,
    COUNT(CASE WHEN "touchpoints"."type" = 'download' THEN 1 ELSE NULL END) AS t6,
    COUNT(CASE WHEN "touchpoints"."type" = 'email_click' THEN 1 ELSE NULL END) AS t7,
    COUNT(CASE WHEN "touchpoints"."type" = 'email_click' THEN 1 ELSE NULL END) AS t8,
    COUNT(CASE WHEN "touchpoints"."type" = 'email_open' THEN 1 ELSE NULL END) AS t9,
    COUNT(CASE WHEN "touchpoints"."type" = 'form_submit' THEN 1 ELSE NULL END) AS t10,
    COUNT(CASE WHEN "touchpoints"."type" = 'form_submit' THEN 1 ELSE NULL END) AS t11,
    COUNT(CASE WHEN "touchpoints"."type" = 'form_submit' THEN 1 ELSE NULL END) AS t12,
    COUNT(CASE WHEN "touchpoints"."type" = 'form_submit' THEN 1 ELSE NULL END) AS t13,
    COUNT(CASE WHEN "touchpoints"."type" = 'inquiry' THEN 1 ELSE NULL END) AS t14,
    COUNT(CASE WHEN "touchpoints"."type" = 'inquiry' THEN 1 ELSE NULL END) AS t15,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'blog'
        THEN 1
        ELSE NULL
      END
    ) AS t16,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view'
        AND "touchpoints"."content_type" = 'cad_download'
        THEN 1
        ELSE NULL
      END
    ) AS t17,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view'
        AND "touchpoints"."content_type" = 'case_study'
        THEN 1
        ELSE NULL
      END
    ) AS t18,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'company'
        THEN 1
        ELSE NULL
      END
    ) AS t19,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'form'
        THEN 1
        ELSE NULL
      END
    ) AS t20,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'news'
        THEN 1
        ELSE NULL
      END
    ) AS t21,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'pricing'
        THEN 1
        ELSE NULL
      END
    ) AS t22,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'product'
        THEN 1
        ELSE NULL
      END
    ) AS t23,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view'
        AND "touchpoints"."content_type" = 'spec_sheet'
        THEN 1
        ELSE NULL
      END
    ) AS t24,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'top'
        THEN 1
        ELSE NULL
      END
    ) AS t25,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'webinar'
        THEN 1
        ELSE NULL
      END
    ) AS t26,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view'
        AND "touchpoints"."content_type" = 'whitepaper'
        THEN 1
        ELSE NULL
      END
    ) AS t27,
    COUNT(CASE WHEN "touchpoints"."type" = 'seminar_attend' THEN 1 ELSE NULL END) AS t28
  FROM leads
  INNER JOIN "touchpoints"
    ON "touchpoints"."contact_id" = "leads"."contact_id"
  WHERE
    CAST(DATE_DIFF('MICROSECOND', "leads"."created_at", "touchpoints"."occurred_at") AS DOUBLE) / 86400000000 < CAST(14.0 AS DOUBLE)
  GROUP BY
    "leads"."contact_id"
)
SELECT
  "leads"."contact_id" AS contact_id,
  "leads"."created_at" AS created_at,
  "leads"."a0" AS a0,
  "leads"."a1" AS a1,
  "leads"."a2" AS a2,
  "leads"."a3" AS a3,
  "leads"."a4" AS a4,
  "leads"."a5" AS a5,
  "leads"."a6" AS a6,
  "leads"."a7" AS a7,
  "leads"."a8" AS a8,
  "leads"."a9" AS a9,
  LEAST(COALESCE("touches"."t0", 0), 10) AS t0,
  LEAST(COALESCE("touches"."t1", 0), 10) AS t1,
  LEAST(COALESCE("touches"."t2", 0), 10) AS t2,
  LEAST(COALESCE("touches"."t3", 0), 10) AS t3,
  LEAST(COALESCE("touches"."t4", 0), 10) AS t4,
  LEAST(COALESCE("touches"."t5", 0), 10) AS t5,
  LEAST(COALESCE("touches"."t6", 0), 10) AS t6,
  LEAST(COALESCE("touches"."t7", 0), 10) AS t7,
  LEAST(COALESCE("touches"."t8", 0), 10) AS t8,
  LEAST(COALESCE("touches"."t9", 0), 10) AS t9,
  LEAST(COALESCE("touches"."t10", 0), 10) AS t10,
  LEAST(COALESCE("touches"."t11", 0), 10) AS t11,
  LEAST(COALESCE("touches"."t12", 0), 10) AS t12,
  LEAST(COALESCE("touches"."t13", 0), 10) AS t13,
  LEAST(COALESCE("touches"."t14", 0), 10) AS t14,
  LEAST(COALESCE("touches"."t15", 0), 10) AS t15,
  LEAST(COALESCE("touches"."t16", 0), 10) AS t16,
  LEAST(COALESCE("touches"."t17", 0), 10) AS t17,
  LEAST(COALESCE("touches"."t18", 0), 10) AS t18,
  LEAST(COALESCE("touches"."t19", 0), 10) AS t19,
  LEAST(COALESCE("touches"."t20", 0), 10) AS t20,
  LEAST(COALESCE("touches"."t21", 0), 10) AS t21,
  LEAST(COALESCE("touches"."t22", 0), 10) AS t22,
  LEAST(COALESCE("touches"."t23", 0), 10) AS t23,
  LEAST(COALESCE("touches"."t24", 0), 10) AS t24,
  LEAST(COALESCE("touches"."t25", 0), 10) AS t25,
  LEAST(COALESCE("touches"."t26", 0), 10) AS t26,
  LEAST(COALESCE("touches"."t27", 0), 10) AS t27,
  LEAST(COALESCE("touches"."t28", 0), 10) AS t28,
  CASE
    WHEN CAST(DATE_DIFF('MICROSECOND', "leads"."created_at", "reached"."reached_at") AS DOUBLE) / 86400000000 < CAST(104.0 AS DOUBLE)
    THEN 1
    ELSE 0
  END AS outcome
FROM leads
LEFT JOIN reached
  ON "reached"."contact_id" = "leads"."contact_id"
LEFT JOIN touches
  ON "touches"."contact_id" = "leads"."contact_id"
WHERE
  "reached"."reached_at" IS NULL
  OR CAST(DATE_DIFF('MICROSECOND', "leads"."created_at", "reached"."reached_at") AS DOUBLE) / 86400000000 >= CAST(14.0 AS DOUBLE)
ORDER BY
  "leads"."created_at",
  "leads"."contact_id";

WITH leads AS (
  SELECT
    "contacts"."contact_id" AS contact_id,
    "contacts"."created_at" AS created_at,
    CAST("contacts"."channel" AS VARCHAR) AS a0,
    CAST("contacts"."campaign" AS VARCHAR) AS a1,
    CAST("contacts"."job_title" AS VARCHAR) AS a2,
    CAST("contacts"."authority" AS VARCHAR) AS a3,
    CAST("contacts"."budget" AS VARCHAR) AS a4,
    CAST("contacts"."timeframe" AS VARCHAR) AS a5,
    CAST("accounts"."industry" AS VARCHAR) AS a6,
    CAST("accounts"."size_band" AS VARCHAR) AS a7,
    CAST("accounts"."region" AS VARCHAR) AS a8,
    CAST("accounts"."is_target" AS VARCHAR) AS a9
  FROM "contacts"
  LEFT JOIN "accounts"
    ON "contacts"."account_id" = "accounts"."account_id"
  WHERE
    CAST(DATE_DIFF('MICROSECOND', "contacts"."created_at", CAST('2026-04-01 00:00:00' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= CAST(104.0 AS DOUBLE)
), reached AS (
  SELECT
    "contact_id",
    MIN("at") AS reached_at
  FROM (
    SELECT
      "entity_id" AS contact_id,
      "entered_at" AS at
    FROM "stage_history"
    WHERE
      "entity" = 'contact' AND "stage" IN ('sql', 'opportunity', 'customer')
  ) AS outcomes
  GROUP BY
    "contact_id"
), touches AS (
  SELECT
    "leads"."contact_id" AS contact_id,
    COUNT(CASE WHEN "touchpoints"."type" = 'badge_scan' THEN 1 ELSE NULL END) AS t0,
    COUNT(CASE WHEN "touchpoints"."type" = 'booth_visit' THEN 1 ELSE NULL END) AS t1,
    COUNT(CASE WHEN "touchpoints"."type" = 'chat' THEN 1 ELSE NULL END) AS t2,
    COUNT(CASE WHEN "touchpoints"."type" = 'demo' THEN 1 ELSE NULL END) AS t3,
    COUNT(CASE WHEN "touchpoints"."type" = 'download' THEN 1 ELSE NULL END) AS t4,
    COUNT(CASE WHEN "touchpoints"."type" = 'download' THEN 1 ELSE NULL END) AS t5,
    COUNT(CASE WHEN "touchpoints"."type" = 'download' THEN 1 ELSE NULL END) AS t6,
    COUNT(CASE WHEN "touchpoints"."type" = 'email_click' THEN 1 ELSE NULL END) AS t7,
    COUNT(CASE WHEN "touchpoints"."type" = 'email_click' THEN 1 ELSE NULL END) AS t8,
    COUNT(CASE WHEN "touchpoints"."type" = 'email_open' THEN 1 ELSE NULL END) AS t9,
    COUNT(CASE WHEN "touchpoints"."type" = 'form_submit' THEN 1 ELSE NULL END) AS t10,
    COUNT(CASE WHEN "touchpoints"."type" = 'form_submit' THEN 1 ELSE NULL END) AS t11,
    COUNT(CASE WHEN "touchpoints"."type" = 'form_submit' THEN 1 ELSE NULL END) AS t12,
    COUNT(CASE WHEN "touchpoints"."type" = 'form_submit' THEN 1 ELSE NULL END) AS t13,
    COUNT(CASE WHEN "touchpoints"."type" = 'inquiry' THEN 1 ELSE NULL END) AS t14,
    COUNT(CASE WHEN "touchpoints"."type" = 'inquiry' THEN 1 ELSE NULL END) AS t15,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'blog'
        THEN 1
        ELSE NULL
      END
    ) AS t16,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view'
        AND "touchpoints"."content_type" = 'cad_download'
        THEN 1
        ELSE NULL
      END
    ) AS t17,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view'
        AND "touchpoints"."content_type" = 'case_study'
        THEN 1
        ELSE NULL
      END
    ) AS t18,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'company'
        THEN 1
        ELSE NULL
      END
    ) AS t19,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'form'
        THEN 1
        ELSE NULL
      END
    ) AS t20,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'news'
        THEN 1
        ELSE NULL
      END
    ) AS t21,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'pricing'
        THEN 1
        ELSE NULL
      END
    ) AS t22,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'product'
        THEN 1
        ELSE NULL
      END
    ) AS t23,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view'
        AND "touchpoints"."content_type" = 'spec_sheet'
        THEN 1
        ELSE NULL
      END
    ) AS t24,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'top'
        THEN 1
        ELSE NULL
      END
    ) AS t25,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'webinar'
        THEN 1
        ELSE NULL
      END
    ) AS t26,
    COUNT(
      CASE
        WHEN "touchpoints"."type" = 'page_view'
        AND "touchpoints"."content_type" = 'whitepaper'
        THEN 1
        ELSE NULL
      END
    ) AS t27,
    COUNT(CASE WHEN "touchpoints"."type" = 'seminar_attend' THEN 1 ELSE NULL END) AS t28
  FROM leads
  INNER JOIN "touchpoints"
    ON "touchpoints"."contact_id" = "leads"."contact_id"
  WHERE
    CAST(DATE_DIFF('MICROSECOND', "leads"."created_at", "touchpoints"."occurred_at") AS DOUBLE) / 86400000000 < CAST(14.0 AS DOUBLE)
  GROUP BY
    "leads"."contact_id"
)
SELECT
  "leads"."contact_id" AS contact_id,
  "leads"."created_at" AS created_at,
  "leads"."a0" AS a0,
  "leads"."a1" AS a1,
  "leads"."a2" AS a2,
  "leads"."a3" AS a3,
  "leads"."a4" AS a4,
  "leads"."a5" AS a5,
  "leads"."a6" AS a6,
  "leads"."a7" AS a7,
  "leads"."a8" AS a8,
  "leads"."a9" AS a9,
  LEAST(COALESCE("touches"."t0", 0), 10) AS t0,
  LEAST(COALESCE("touches"."t1", 0), 10) AS t1,
  LEAST(COALESCE("touches"."t2", 0), 10) AS t2,
  LEAST(COALESCE("touches"."t3", 0), 10) AS t3,
  LEAST(COALESCE("touches"."t4", 0), 10) AS t4,
  LEAST(COALESCE("touches"."t5", 0), 10) AS t5,
  LEAST(COALESCE("touches"."t6", 0), 10) AS t6,
  LEAST(COALESCE("touches"."t7", 0), 10) AS t7,
  LEAST(COALESCE("touches"."t8", 0), 10) AS t8,
  LEAST(COALESCE("touches"."t9", 0), 10) AS t9,
  LEAST(COALESCE("touches"."t10", 0), 10) AS t10,
  LEAST(COALESCE("touches"."t11", 0), 10) AS t11,
  LEAST(COALESCE("touches"."t12", 0), 10) AS t12,
  LEAST(COALESCE("touches"."t13", 0), 10) AS t13,
  LEAST(COALESCE("touches"."t14", 0), 10) AS t14,
  LEAST(COALESCE("touches"."t15", 0), 10) AS t15,
  LEAST(COALESCE("touches"."t16", 0), 10) AS t16,
  LEAST(COALESCE("touches"."t17", 0), 10) AS t17,
  LEAST(COALESCE("touches"."t18", 0), 10) AS t18,
  LEAST(COALESCE("touches"."t19", 0), 10) AS t19,
  LEAST(COALESCE("touches"."t20", 0), 10) AS t20,
  LEAST(COALESCE("touches"."t21", 0), 10) AS t21,
  LEAST(COALESCE("touches"."t22", 0), 10) AS t22,
  LEAST(COALESCE("touches"."t23", 0), 10) AS t23,
  LEAST(COALESCE("touches"."t24", 0), 10) AS t24,
  LEAST(COALESCE("touches"."t25", 0), 10) AS t25,
  LEAST(COALESCE("touches"."t26", 0), 10) AS t26,
  LEAST(COALESCE("touches"."t27", 0), 10) AS t27,
  LEAST(COALESCE("touches"."t28", 0), 10) AS t28,
  CASE
    WHEN CAST(DATE_DIFF('MICROSECOND', "leads"."created_at", "reached"."reached_at") AS DOUBLE) / 86400000000 < CAST(104.0 AS DOUBLE)
    THEN 1
    ELSE 0
  END AS outcome
FROM leads
LEFT JOIN reached
  ON "reached"."contact_id" = "leads"."contact_id"
LEFT JOIN touches
  ON "touches"."contact_id" = "leads"."contact_id"
WHERE
  "reached"."reached_at" IS NULL
  OR CAST(DATE_DIFF('MICROSECOND', "leads"."created_at", "reached"."reached_at") AS DOUBLE) / 86400000000 >= CAST(14.0 AS DOUBLE)
ORDER BY
  "leads"."created_at",
  "leads"."contact_id";

SELECT
  COUNT(*)
FROM "contacts"
INNER JOIN (
  SELECT
    "contact_id",
    MIN("at") AS reached_at
  FROM (
    SELECT
      "entity_id" AS contact_id,
      "entered_at" AS at
    FROM "stage_history"
    WHERE
      "entity" = 'contact' AND "stage" IN ('sql', 'opportunity', 'customer')
  ) AS outcomes
  GROUP BY
    "contact_id"
) AS reached
  ON "reached"."contact_id" = "contacts"."contact_id"
WHERE
  CAST(DATE_DIFF('MICROSECOND', "contacts"."created_at", CAST('2026-04-01 00:00:00' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= CAST(104.0 AS DOUBLE)
  AND CAST(DATE_DIFF('MICROSECOND', "contacts"."created_at", "reached"."reached_at") AS DOUBLE) / 86400000000 < CAST(14.0 AS DOUBLE);

SELECT
  COUNT(*)
FROM "contacts"
INNER JOIN (
  SELECT
    "contact_id",
    MIN("at") AS reached_at
  FROM (
    SELECT
      "entity_id" AS contact_id,
      "entered_at" AS at
    FROM "stage_history"
    WHERE
      "entity" = 'contact' AND "stage" IN ('sql', 'opportunity', 'customer')
  ) AS outcomes
  GROUP BY
    "contact_id"
) AS reached
  ON "reached"."contact_id" = "contacts"."contact_id"
WHERE
  CAST(DATE_DIFF('MICROSECOND', "contacts"."created_at", CAST('2026-04-01 00:00:00' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= CAST(104.0 AS DOUBLE)
  AND CAST(DATE_DIFF('MICROSECOND', "contacts"."created_at", "reached"."reached_at") AS DOUBLE) / 86400000000 < CAST(14.0 AS DOUBLE);
