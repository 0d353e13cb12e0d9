SELECT
  MAX(entered_at)
FROM stage_history;

SELECT
  MAX(entered_at)
FROM stage_history;

WITH entries AS (
  SELECT
    stage_history.entity_id AS contact_id,
    MIN(CAST(NULL AS STRING)) AS segment,
    MIN(IF(stage_history.stage = 'lead', stage_history.entered_at, NULL)) AS t0,
    MIN(IF(stage_history.stage = 'lead', CAST(NULL AS STRING), NULL)) AS s0,
    MIN(IF(stage_history.stage = 'mql', stage_history.entered_at, NULL)) AS t1,
    MIN(IF(stage_history.stage = 'mql', CAST(NULL AS STRING), NULL)) AS s1,
    MIN(IF(stage_history.stage = 'sql', stage_history.entered_at, NULL)) AS t2,
    MIN(IF(stage_history.stage = 'sql', CAST(NULL AS STRING), NULL)) AS s2,
    MIN(IF(stage_history.stage = 'opportunity', stage_history.entered_at, NULL)) AS t3,
    MIN(IF(stage_history.stage = 'opportunity', CAST(NULL AS STRING), NULL)) AS s3,
    MIN(IF(stage_history.stage = 'customer', stage_history.entered_at, NULL)) AS t4,
    MIN(IF(stage_history.stage = 'customer', CAST(NULL AS STRING), NULL)) AS s4
  FROM stage_history
  WHERE
    stage_history.entity = 'contact'
    AND stage_history.entered_at <= CAST('2026-03-31 22:16:00' AS DATETIME)
    AND (
      stage_history.stage IN ('lead', 'mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    stage_history.entity_id
), walks AS (
  SELECT
    contact_id,
    s0 AS lead_segment,
    positions.position AS position,
    CASE positions.position
      WHEN 0
      THEN s0
      WHEN 1
      THEN s1
      WHEN 2
      THEN s2
      WHEN 3
      THEN s3
      WHEN 4
      THEN s4
    END AS segment,
    CASE positions.position
      WHEN 0
      THEN CASE
        WHEN t1 >= t0
        THEN CAST(DATE_DIFF(t1, t0, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 1
      THEN CASE
        WHEN t2 >= t1
        THEN CAST(DATE_DIFF(t2, t1, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 2
      THEN CASE
        WHEN t3 >= t2
        THEN CAST(DATE_DIFF(t3, t2, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 3
      THEN CASE
        WHEN t4 >= t3
        THEN CAST(DATE_DIFF(t4, t3, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 4
      THEN NULL
    END AS step_days,
    CASE positions.position
      WHEN 0
      THEN NULL
      WHEN 1
      THEN CASE
        WHEN t1 >= t0
        THEN CAST(DATE_DIFF(t1, t0, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 2
      THEN CASE
        WHEN t2 >= t0
        THEN CAST(DATE_DIFF(t2, t0, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 3
      THEN CASE
        WHEN t3 >= t0
        THEN CAST(DATE_DIFF(t3, t0, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 4
      THEN CASE
        WHEN t4 >= t0
        THEN CAST(DATE_DIFF(t4, t0, MICROSECOND) AS FLOAT64) / 86400000000
      END
    END AS lead_days
  FROM entries
  CROSS JOIN UNNEST([
    STRUCT(0 AS position),
    STRUCT(1 AS position),
    STRUCT(2 AS position),
    STRUCT(3 AS position),
    STRUCT(4 AS position)
  ]) AS positions
), step_standard AS (
  SELECT
    position,
    segment,
    PERCENTILE_CONT(step_days, 0.5) AS days
  FROM walks
  GROUP BY
    position,
    segment
), lead_standard AS (
  SELECT
    position,
    lead_segment AS segment,
    PERCENTILE_CONT(lead_days, 0.25) AS days
  FROM walks
  GROUP BY
    position,
    lead_segment
), reached AS (
  SELECT
    contact_id,
    segment,
    t0 AS lead_at,
    CASE
      WHEN NOT t4 IS NULL
      THEN 4
      WHEN NOT t3 IS NULL
      THEN 3
      WHEN NOT t2 IS NULL
      THEN 2
      WHEN NOT t1 IS NULL
      THEN 1
      ELSE 0
    END AS position,
    CASE
      WHEN NOT t4 IS NULL
      THEN 'customer'
      WHEN NOT t3 IS NULL
      THEN 'opportunity'
      WHEN NOT t2 IS NULL
      THEN 'sql'
      WHEN NOT t1 IS NULL
      THEN 'mql'
      ELSE 'lead'
    END AS stage,
    CASE
      WHEN NOT t4 IS NULL
      THEN t4
      WHEN NOT t3 IS NULL
      THEN t3
      WHEN NOT t2 IS NULL
      THEN t2
      WHEN NOT t1 IS NULL
      THEN t1
      ELSE t0
    END AS entered_at
  FROM entries
), deal_state AS (
  SELECT
    contact_id,
    LOGICAL_OR(
      outcome = 'won'
      AND COALESCE(closed_at, created_at) <= CAST('2026-03-31 22:16:00' AS DATETIME)
    ) AS won,
    LOGICAL_OR(
      outcome = 'lost'
      AND COALESCE(closed_at, created_at) <= CAST('2026-03-31 22:16:00' AS DATETIME)
    ) AS lost,
    LOGICAL_OR(
      NOT (
        outcome IN ('won', 'lost')
        AND COALESCE(closed_at, created_at) <= CAST('2026-03-31 22:16:00' AS DATETIME)
      )
    ) AS open
  FROM deals
  WHERE
    created_at <= CAST('2026-03-31 22:16:00' AS DATETIME) AND NOT contact_id IS NULL
  GROUP BY
    contact_id
), candidates AS (
  SELECT
    c.contact_id,
    contacts.account_id,
    c.stage,
    c.entered_at,
    CAST(DATE_DIFF(CAST('2026-03-31 22:16:00' AS DATETIME), c.entered_at, MICROSECOND) AS FLOAT64) / 86400000000 AS days_in_stage,
    CASE
      WHEN c.lead_at <= c.entered_at
      THEN CAST(DATE_DIFF(c.entered_at, c.lead_at, MICROSECOND) AS FLOAT64) / 86400000000
    END AS days_from_lead,
    step.days AS step_standard,
    fl.days AS lead_standard,
    contacts.owner,
    contacts.channel,
    c.segment,
    c.position
  FROM reached AS c
  LEFT JOIN contacts
    ON contacts.contact_id = c.contact_id
  LEFT JOIN deal_state AS d
    ON d.contact_id = c.contact_id
  LEFT JOIN step_standard AS step
    ON step.position = c.position AND step.segment IS NOT DISTINCT FROM c.segment
  LEFT JOIN lead_standard AS fl
    ON fl.position = c.position AND fl.segment IS NOT DISTINCT FROM c.segment
  WHERE
    c.position < 4
    AND NOT COALESCE(d.won, FALSE)
    AND NOT (
      COALESCE(d.lost, FALSE) AND NOT COALESCE(d.open, FALSE)
    )
)
SELECT
  contact_id,
  account_id,
  stage,
  entered_at,
  days_in_stage,
  days_from_lead,
  lead_standard,
  owner,
  channel,
  segment
FROM candidates
WHERE
  position > 0
  AND days_from_lead < lead_standard
  AND COALESCE(days_in_stage <= step_standard, TRUE)
ORDER BY
  position DESC,
  days_from_lead - lead_standard NULLS LAST,
  contact_id NULLS LAST;

WITH entries AS (
  SELECT
    stage_history.entity_id AS contact_id,
    MIN(CAST(NULL AS STRING)) AS segment,
    MIN(IF(stage_history.stage = 'lead', stage_history.entered_at, NULL)) AS t0,
    MIN(IF(stage_history.stage = 'lead', CAST(NULL AS STRING), NULL)) AS s0,
    MIN(IF(stage_history.stage = 'mql', stage_history.entered_at, NULL)) AS t1,
    MIN(IF(stage_history.stage = 'mql', CAST(NULL AS STRING), NULL)) AS s1,
    MIN(IF(stage_history.stage = 'sql', stage_history.entered_at, NULL)) AS t2,
    MIN(IF(stage_history.stage = 'sql', CAST(NULL AS STRING), NULL)) AS s2,
    MIN(IF(stage_history.stage = 'opportunity', stage_history.entered_at, NULL)) AS t3,
    MIN(IF(stage_history.stage = 'opportunity', CAST(NULL AS STRING), NULL)) AS s3,
    MIN(IF(stage_history.stage = 'customer', stage_history.entered_at, NULL)) AS t4,
    MIN(IF(stage_history.stage = 'customer', CAST(NULL AS STRING), NULL)) AS s4
  FROM stage_history
  WHERE
    stage_history.entity = 'contact'
    AND stage_history.entered_at <= CAST('2026-03-31 22:16:00' AS DATETIME)
    AND (
      stage_history.stage IN ('lead', 'mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    stage_history.entity_id
), walks AS (
  SELECT
    contact_id,
    s0 AS lead_segment,
    positions.position AS position,
    CASE positions.position
      WHEN 0
      THEN s0
      WHEN 1
      THEN s1
      WHEN 2
      THEN s2
      WHEN 3
      THEN s3
      WHEN 4
      THEN s4
    END AS segment,
    CASE positions.position
      WHEN 0
      THEN CASE
        WHEN t1 >= t0
        THEN CAST(DATE_DIFF(t1, t0, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 1
      THEN CASE
        WHEN t2 >= t1
        THEN CAST(DATE_DIFF(t2, t1, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 2
      THEN CASE
        WHEN t3 >= t2
        THEN CAST(DATE_DIFF(t3, t2, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 3
      THEN CASE
        WHEN t4 >= t3
        THEN CAST(DATE_DIFF(t4, t3, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 4
      THEN NULL
    END AS step_days,
    CASE positions.position
      WHEN 0
      THEN NULL
      WHEN 1
      THEN CASE
        WHEN t1 >= t0
        THEN CAST(DATE_DIFF(t1, t0, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 2
      THEN CASE
        WHEN t2 >= t0
        THEN CAST(DATE_DIFF(t2, t0, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 3
      THEN CASE
        WHEN t3 >= t0
        THEN CAST(DATE_DIFF(t3, t0, MICROSECOND) AS FLOAT64) / 86400000000
      END
      WHEN 4
      THEN CASE
        WHEN t4 >= t0
        THEN CAST(DATE_DIFF(t4, t0, MICROSECOND) AS FLOAT64) / 86400000000
      END
    END AS lead_days
  FROM entries
  CROSS JOIN UNNEST([
    STRUCT(0 AS position),
    STRUCT(1 AS position),
    STRUCT(2 AS position),
    STRUCT(3 AS position),
    STRUCT(4 AS position)
  ]) AS positions
), step_standard AS (
  SELECT
    position,
    segment,
    PERCENTILE_CONT(step_days, 0.5) AS days
  FROM walks
  GROUP BY
    position,
    segment
), lead_standard AS (
  SELECT
    position,
    lead_segment AS segment,
    PERCENTILE_CONT(lead_days, 0.25) AS days
  FROM walks
  GROUP BY
    position,
    lead_segment
), reached AS (
  SELECT
    contact_id,
    segment,
    t0 AS lead_at,
    CASE
      WHEN NOT t4 IS NULL
      THEN 4
      WHEN NOT t3 IS NULL
      THEN 3
      WHEN NOT t2 IS NULL
      THEN 2
      WHEN NOT t1 IS NULL
      THEN 1
      ELSE 0
    END AS position,
    CASE
      WHEN NOT t4 IS NULL
      THEN 'customer'
      WHEN NOT t3 IS NULL
      THEN 'opportunity'
      WHEN NOT t2 IS NULL
      THEN 'sql'
      WHEN NOT t1 IS NULL
      THEN 'mql'
      ELSE 'lead'
    END AS stage,
    CASE
      WHEN NOT t4 IS NULL
      THEN t4
      WHEN NOT t3 IS NULL
      THEN t3
      WHEN NOT t2 IS NULL
      THEN t2
      WHEN NOT t1 IS NULL
      THEN t1
      ELSE t0
    END AS entered_at
  FROM entries
), deal_state AS (
  SELECT
    contact_id,
    LOGICAL_OR(
      outcome = 'won'
      AND COALESCE(closed_at, created_at) <= CAST('2026-03-31 22:16:00' AS DATETIME)
    ) AS won,
    LOGICAL_OR(
      outcome = 'lost'
      AND COALESCE(closed_at, created_at) <= CAST('2026-03-31 22:16:00' AS DATETIME)
    ) AS lost,
    LOGICAL_OR(
      NOT (
        outcome IN ('won', 'lost')
        AND COALESCE(closed_at, created_at) <= CAST('2026-03-31 22:16:00' AS DATETIME)
      )
    ) AS open
  FROM deals
  WHERE
    created_at <= CAST('2026-03-31 22:16:00' AS DATETIME) AND NOT contact_id IS NULL
  GROUP BY
    contact_id
), candidates AS (
  SELECT
    c.contact_id,
    contacts.account_id,
    c.stage,
    c.entered_at,
    CAST(DATE_DIFF(CAST('2026-03-31 22:16:00' AS DATETIME), c.entered_at, MICROSECOND) AS FLOAT64) / 86400000000 AS days_in_stage,
    CASE
      WHEN c.lead_at <= c.entered_at
      THEN CAST(DATE_DIFF(c.entered_at, c.lead_at, MICROSECOND) AS FLOAT64) / 86400000000
    END AS days_from_lead,
    step.days AS step_standard,
    fl.days AS lead_standard,
    contacts.owner,
    contacts.channel,
    c.segment,
    c.position
  FROM reached AS c
  LEFT JOIN contacts
    ON contacts.contact_id = c.contact_id
  LEFT JOIN deal_state AS d
    ON d.contact_id = c.contact_id
  LEFT JOIN step_standard AS step
    ON step.position = c.position AND step.segment IS NOT DISTINCT FROM c.segment
  LEFT JOIN lead_standard AS fl
    ON fl.position = c.position AND fl.segment IS NOT DISTINCT FROM c.segment
  WHERE
    c.position < 4
    AND NOT COALESCE(d.won, FALSE)
    AND NOT (
      COALESCE(d.lost, FALSE) AND NOT COALESCE(d.open, FALSE)
    )
)
SELECT
  contact_id,
  account_id,
  stage,
  entered_at,
  days_in_stage,
  days_from_lead,
  lead_standard,
  owner,
  channel,
  segment
FROM candidates
WHERE
  position > 0
  AND days_from_lead < lead_standard
  AND COALESCE(days_in_stage <= step_standard, TRUE)
ORDER BY
  position DESC,
  days_from_lead - lead_standard NULLS LAST,
  contact_id NULLS LAST;
