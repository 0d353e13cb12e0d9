CREATE TEMPORARY TABLE _kpiflow_judged_1 AS
SELECT
  "s"."score",
  "s"."grade",
  "s"."channel",
  "s"."campaign",
  "s"."exhibition_id",
  CASE
    WHEN CAST(DATEDIFF(MICROSECOND, "leads"."created_at", "reached"."reached_at") AS DOUBLE) / 86400000000 < CAST(104.0 AS DOUBLE)
    THEN 1
    ELSE 0
  END AS converted
FROM (
  WITH scored AS (
    SELECT
      "contacts"."contact_id" AS contact_id,
      "contacts"."created_at" AS created_at,
      "contacts"."channel" AS k0,
      "contacts"."campaign" AS k1,
      "first_show"."exhibition_id" AS k2,
      CASE
        WHEN "contacts"."authority" = 'decision_maker'
        THEN CAST(15.0 AS DOUBLE)
        ELSE CAST(0.0 AS DOUBLE)
      END AS f0,
      CASE
        WHEN "contacts"."budget" = 'approved'
        THEN CAST(15.0 AS DOUBLE)
        ELSE CAST(0.0 AS DOUBLE)
      END AS f1,
      CASE
        WHEN "contacts"."budget" = 'planned'
        THEN CAST(8.0 AS DOUBLE)
        ELSE CAST(0.0 AS DOUBLE)
      END AS f2,
      CASE
        WHEN "contacts"."timeframe" IN ('within_3m', 'within_6m')
        THEN CAST(10.0 AS DOUBLE)
        ELSE CAST(0.0 AS DOUBLE)
      END AS f3,
      CASE
        WHEN "accounts"."is_target"
        THEN CAST(10.0 AS DOUBLE)
        ELSE CAST(0.0 AS DOUBLE)
      END AS f4
    FROM "contacts"
    LEFT JOIN "accounts"
      ON "contacts"."account_id" = "accounts"."account_id"
    LEFT JOIN (
      SELECT
        "contact_id",
        "exhibition_id"
      FROM (
        SELECT
          "touchpoints"."contact_id" AS contact_id,
          "touchpoints"."exhibition_id" AS exhibition_id,
          ROW_NUMBER() OVER (
            PARTITION BY "touchpoints"."contact_id"
            ORDER BY "touchpoints"."occurred_at", "touchpoints"."exhibition_id"
          ) AS rank
        FROM "touchpoints"
        WHERE
          NOT "touchpoints"."contact_id" IS NULL
          AND NOT "touchpoints"."exhibition_id" IS NULL
      ) AS ranked
      WHERE
        "rank" = 1
    ) AS first_show
      ON "first_show"."contact_id" = "contacts"."contact_id"
    WHERE
      CAST(DATEDIFF(MICROSECOND, "contacts"."created_at", CAST('2026-04-01 00:00:00' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= CAST(104.0 AS DOUBLE)
  ), engaged AS (
    SELECT
      "scored"."contact_id" AS contact_id,
      SUM(
        CASE
          WHEN "touchpoints"."type" = 'inquiry'
          THEN POWER(
            CAST(0.5 AS DOUBLE),
            (
              CAST(14.0 AS DOUBLE) - CAST(DATEDIFF(MICROSECOND, "scored"."created_at", "touchpoints"."occurred_at") AS DOUBLE) / 86400000000
            ) / CAST(60.0 AS DOUBLE)
          )
          ELSE CAST(0.0 AS DOUBLE)
        END
      ) AS d0,
      COUNT(CASE WHEN "touchpoints"."type" = 'inquiry' THEN 1 ELSE NULL END) AS n0,
      SUM(
        CASE
          WHEN "touchpoints"."type" = 'demo'
          THEN POWER(
            CAST(0.5 AS DOUBLE),
            (
              CAST(14.0 AS DOUBLE) - CAST(DATEDIFF(MICROSECOND, "scored"."created_at", "touchpoints"."occurred_at") AS DOUBLE) / 86400000000
            ) / CAST(60.0 AS DOUBLE)
          )
          ELSE CAST(0.0 AS DOUBLE)
        END
      ) AS d1,
      COUNT(CASE WHEN "touchpoints"."type" = 'demo' THEN 1 ELSE NULL END) AS n1,
      SUM(
        CASE
          WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'pricing'
          THEN POWER(
            CAST(0.5 AS DOUBLE),
            (
              CAST(14.0 AS DOUBLE) - CAST(DATEDIFF(MICROSECOND, "scored"."created_at", "touchpoints"."occurred_at") AS DOUBLE) / 86400000000
            ) / CAST(30.0 AS DOUBLE)
          )
          ELSE CAST(0.0 AS DOUBLE)
        END
      ) AS d2,
      COUNT(
        CASE
          WHEN "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'pricing'
          THEN 1
          ELSE NULL
        END
      ) AS n2,
      SUM(
        CASE
          WHEN "touchpoints"."type" = 'page_view'
          AND "touchpoints"."content_type" = 'case_study'
          THEN POWER(
            CAST(0.5 AS DOUBLE),
            (
              CAST(14.0 AS DOUBLE) - CAST(DATEDIFF(MICROSECOND, "scored"."created_at", "touchpoints"."occurred_at") AS DOUBLE) / 86400000000
            ) / CAST(30.0 AS DOUBLE)
          )
          ELSE CAST(0.0 AS DOUBLE)
        END
      ) AS d3,
      COUNT(
        CASE
          WHEN "touchpoints"."type" = 'page_view'
          AND "touchpoints"."content_type" = 'case_study'
          THEN 1
          ELSE NULL
        END
      ) AS n3,
      SUM(
        CASE
          WHEN "touchpoints"."type" = 'seminar_attend'
          THEN POWER(
            CAST(0.5 AS DOUBLE),
            (
              CAST(14.0 AS DOUBLE) - CAST(DATEDIFF(MICROSECOND, "scored"."created_at", "touchpoints"."occurred_at") AS DOUBLE) / 86400000000
            ) / CAST(90.0 AS DOUBLE)
          )
          ELSE CAST(0.0 AS DOUBLE)
        END
      ) AS d4,
      COUNT(CASE WHEN "touchpoints"."type" = 'seminar_attend' THEN 1 ELSE NULL END) AS n4,
      SUM(
        CASE
          WHEN "touchpoints"."type" = 'email_click'
          THEN POWER(
            CAST(0.5 AS DOUBLE),
            (
              CAST(14.0 AS DOUBLE) - CAST(DATEDIFF(MICROSECOND, "scored"."created_at", "touchpoints"."occurred_at") AS DOUBLE) / 86400000000
            ) / CAST(30.0 AS DOUBLE)
          )
          ELSE CAST(0.0 AS DOUBLE)
        END
      ) AS d5,
      COUNT(CASE WHEN "touchpoints"."type" = 'email_click' THEN 1 ELSE NULL END) AS n5
    FROM scored
    INNER JOIN "touchpoints"
      ON "touchpoints"."contact_id" = "scored"."contact_id"
    WHERE
      (
        CAST(14.0 AS DOUBLE) - CAST(DATEDIFF(MICROSECOND, "scored"."created_at", "touchpoints"."occurred_at") AS DOUBLE) / 86400000000
      ) > 0
      AND (
        "touchpoints"."type" = 'inquiry'
        OR "touchpoints"."type" = 'demo'
        OR (
          "touchpoints"."type" = 'page_view' AND "touchpoints"."content_type" = 'pricing'
        )
        OR (
          "touchpoints"."type" = 'page_view'
          AND "touchpoints"."content_type" = 'case_study'
        )
        OR "touchpoints"."type" = 'seminar_attend'
        OR "touchpoints"."type" = 'email_click'
      )
    GROUP BY
      "scored"."contact_id"
  ), parts AS (
    SELECT
      "scored"."contact_id" AS contact_id,
      "scored"."k0" AS k0,
      "scored"."k1" AS k1,
      "scored"."k2" AS k2,
      "scored"."f0" AS f0,
      "scored"."f1" AS f1,
      "scored"."f2" AS f2,
      "scored"."f3" AS f3,
      "scored"."f4" AS f4,
      LEAST(
        CAST(20.0 AS DOUBLE) * COALESCE("engaged"."d0", CAST(0.0 AS DOUBLE)),
        CAST(30.0 AS DOUBLE)
      ) AS r0,
      LEAST(
        CAST(15.0 AS DOUBLE) * COALESCE("engaged"."d1", CAST(0.0 AS DOUBLE)),
        CAST(30.0 AS DOUBLE)
      ) AS r1,
      LEAST(
        CAST(5.0 AS DOUBLE) * COALESCE("engaged"."d2", CAST(0.0 AS DOUBLE)),
        CAST(20.0 AS DOUBLE)
      ) AS r2,
      LEAST(
        CAST(2.0 AS DOUBLE) * COALESCE("engaged"."d3", CAST(0.0 AS DOUBLE)),
        CAST(10.0 AS DOUBLE)
      ) AS r3,
      LEAST(
        CAST(8.0 AS DOUBLE) * COALESCE("engaged"."d4", CAST(0.0 AS DOUBLE)),
        CAST(16.0 AS DOUBLE)
      ) AS r4,
      LEAST(
        CAST(1.0 AS DOUBLE) * COALESCE("engaged"."d5", CAST(0.0 AS DOUBLE)),
        CAST(5.0 AS DOUBLE)
      ) AS r5,
      COALESCE("engaged"."n0", 0) AS n0,
      COALESCE("engaged"."n1", 0) AS n1,
      COALESCE("engaged"."n2", 0) AS n2,
      COALESCE("engaged"."n3", 0) AS n3,
      COALESCE("engaged"."n4", 0) AS n4,
      COALESCE("engaged"."n5", 0) AS n5,
      LEAST(
        (
          "scored"."f0" + "scored"."f1" + "scored"."f2" + "scored"."f3" + "scored"."f4"
        ),
        CAST(50.0 AS DOUBLE)
      ) AS fit,
      LEAST(
        (
          LEAST(
            CAST(20.0 AS DOUBLE) * COALESCE("engaged"."d0", CAST(0.0 AS DOUBLE)),
            CAST(30.0 AS DOUBLE)
          ) + LEAST(
            CAST(15.0 AS DOUBLE) * COALESCE("engaged"."d1", CAST(0.0 AS DOUBLE)),
            CAST(30.0 AS DOUBLE)
          ) + LEAST(
            CAST(5.0 AS DOUBLE) * COALESCE("engaged"."d2", CAST(0.0 AS DOUBLE)),
            CAST(20.0 AS DOUBLE)
          ) + LEAST(
            CAST(2.0 AS DOUBLE) * COALESCE("engaged"."d3", CAST(0.0 AS DOUBLE)),
            CAST(10.0 AS DOUBLE)
          ) + LEAST(
            CAST(8.0 AS DOUBLE) * COALESCE("engaged"."d4", CAST(0.0 AS DOUBLE)),
            CAST(16.0 AS DOUBLE)
          ) + LEAST(
            CAST(1.0 AS DOUBLE) * COALESCE("engaged"."d5", CAST(0.0 AS DOUBLE)),
            CAST(5.0 AS DOUBLE)
          )
        ),
        CAST(60.0 AS DOUBLE)
      ) AS engagement
    FROM scored
    LEFT JOIN engaged
      ON "engaged"."contact_id" = "scored"."contact_id"
  )
  SELECT
    "parts"."contact_id" AS contact_id,
    "parts"."k0" AS channel,
    "parts"."k1" AS campaign,
    "parts"."k2" AS exhibition_id,
    LEAST("parts"."fit" + "parts"."engagement", CAST(100.0 AS DOUBLE)) AS score,
    "parts"."fit" AS fit,
    "parts"."engagement" AS engagement,
    CAST(CASE
      WHEN LEAST("parts"."fit" + "parts"."engagement", CAST(100.0 AS DOUBLE)) >= CAST(50.0 AS DOUBLE)
      THEN 'A'
      WHEN LEAST("parts"."fit" + "parts"."engagement", CAST(100.0 AS DOUBLE)) >= CAST(30.0 AS DOUBLE)
      THEN 'B'
      WHEN LEAST("parts"."fit" + "parts"."engagement", CAST(100.0 AS DOUBLE)) >= CAST(15.0 AS DOUBLE)
      THEN 'C'
      WHEN LEAST("parts"."fit" + "parts"."engagement", CAST(100.0 AS DOUBLE)) >= CAST(0.0 AS DOUBLE)
      THEN 'D'
      ELSE NULL
    END AS VARCHAR) AS grade
  FROM parts
) AS s
INNER JOIN (
  SELECT
    "contacts"."contact_id",
    "contacts"."created_at"
  FROM "contacts"
) AS leads
  ON "leads"."contact_id" = "s"."contact_id"
LEFT JOIN (
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
  ON "reached"."contact_id" = "s"."contact_id"
WHERE
  "reached"."reached_at" IS NULL
  OR CAST(DATEDIFF(MICROSECOND, "leads"."created_at", "reached"."reached_at") AS DOUBLE) / 86400000000 >= CAST(14.0 AS DOUBLE);

SELECT
  "grade" AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "grade";

SELECT
  "grade" AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "grade";

SELECT
  '*' AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1";

SELECT
  '*' AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1";

SELECT
  "channel" AS value,
  "grade" AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "channel",
  "grade";

SELECT
  "channel" AS value,
  "grade" AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "channel",
  "grade";

SELECT
  "channel" AS value,
  '*' AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "channel";

SELECT
  "channel" AS value,
  '*' AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "channel";

SELECT
  "campaign" AS value,
  "grade" AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "campaign",
  "grade";

SELECT
  "campaign" AS value,
  "grade" AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "campaign",
  "grade";

SELECT
  "campaign" AS value,
  '*' AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "campaign";

SELECT
  "campaign" AS value,
  '*' AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "campaign";

SELECT
  "exhibition_id" AS value,
  "grade" AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "exhibition_id",
  "grade";

SELECT
  "exhibition_id" AS value,
  "grade" AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "exhibition_id",
  "grade";

SELECT
  "exhibition_id" AS value,
  '*' AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "exhibition_id";

SELECT
  "exhibition_id" AS value,
  '*' AS grade,
  COUNT(*) AS leads,
  SUM("converted") AS converted,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    "score") AS median_score
FROM "_kpiflow_judged_1"
GROUP BY
  "exhibition_id";

DROP TABLE IF EXISTS _kpiflow_judged_1;

DROP TABLE IF EXISTS _kpiflow_judged_1;
