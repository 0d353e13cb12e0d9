WITH entities AS (
  SELECT
    stage_history.entity_id,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'lead') AS t0,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'mql') AS t1,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'sql') AS t2,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'opportunity') AS t3,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'customer') AS t4
  FROM stage_history
  WHERE
    stage_history.entity = 'contact'
    AND (
      stage_history.stage IN ('lead', 'mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    stage_history.entity_id
), members AS (
  SELECT
    entity_id,
    positions.position AS position,
    CASE positions.position WHEN 0 THEN t0 WHEN 1 THEN t1 WHEN 2 THEN t2 WHEN 3 THEN t3 END AS recorded_a,
    CASE positions.position WHEN 0 THEN t1 WHEN 1 THEN t2 WHEN 2 THEN t3 WHEN 3 THEN t4 END AS recorded_b,
    CASE positions.position
      WHEN 0
      THEN LEAST(t1, LEAST(t2, LEAST(t3, t4)))
      WHEN 1
      THEN LEAST(t2, LEAST(t3, t4))
      WHEN 2
      THEN LEAST(t3, t4)
      WHEN 3
      THEN t4
    END AS beyond
  FROM entities
  CROSS JOIN (VALUES
    (0),
    (1),
    (2),
    (3)) AS positions(position)
), cohort AS (
  SELECT
    *,
    NOT beyond IS NULL AND TRUE AS converted,
    EXISTS(
      SELECT
        1
      FROM deals AS d
      WHERE
        d.contact_id = m.entity_id AND d.outcome = 'lost'
    ) AS lost,
    CAST(DATE_DIFF('MICROSECOND', reached_a, beyond) AS DOUBLE) / 86400000000 AS days
  FROM (
    SELECT
      *,
      COALESCE(recorded_a, beyond) AS reached_a
    FROM members
  ) AS m
  WHERE
    reached_a >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND reached_a < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
)
SELECT
  position,
  COUNT(*) AS entered,
  COUNT(*) FILTER(WHERE
    converted) AS converted,
  COUNT(*) FILTER(WHERE
    recorded_a IS NULL) AS skipped,
  COUNT(*) FILTER(WHERE
    converted AND recorded_b IS NULL) AS skipped_ahead,
  COUNT(*) FILTER(WHERE
    converted AND beyond < reached_a) AS out_of_order,
  COUNT(*) FILTER(WHERE
    NOT converted AND lost) AS lost,
  COUNT(*) FILTER(WHERE
    NOT converted AND NOT lost) AS open,
  COUNT(*) FILTER(WHERE
    NOT converted AND FALSE) AS immature,
  PERCENTILE_CONT(days, 0.5) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS median_days,
  PERCENTILE_CONT(days, 0.25) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS p25_days,
  PERCENTILE_CONT(days, 0.75) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS p75_days
FROM cohort
GROUP BY
  position;

WITH entities AS (
  SELECT
    stage_history.entity_id,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'lead') AS t0,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'mql') AS t1,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'sql') AS t2,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'opportunity') AS t3,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'customer') AS t4
  FROM stage_history
  WHERE
    stage_history.entity = 'contact'
    AND (
      stage_history.stage IN ('lead', 'mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    stage_history.entity_id
), members AS (
  SELECT
    entity_id,
    positions.position AS position,
    CASE positions.position WHEN 0 THEN t0 WHEN 1 THEN t1 WHEN 2 THEN t2 WHEN 3 THEN t3 END AS recorded_a,
    CASE positions.position WHEN 0 THEN t1 WHEN 1 THEN t2 WHEN 2 THEN t3 WHEN 3 THEN t4 END AS recorded_b,
    CASE positions.position
      WHEN 0
      THEN LEAST(t1, LEAST(t2, LEAST(t3, t4)))
      WHEN 1
      THEN LEAST(t2, LEAST(t3, t4))
      WHEN 2
      THEN LEAST(t3, t4)
      WHEN 3
      THEN t4
    END AS beyond
  FROM entities
  CROSS JOIN (VALUES
    (0),
    (1),
    (2),
    (3)) AS positions(position)
), cohort AS (
  SELECT
    *,
    NOT beyond IS NULL AND TRUE AS converted,
    EXISTS(
      SELECT
        1
      FROM deals AS d
      WHERE
        d.contact_id = m.entity_id AND d.outcome = 'lost'
    ) AS lost,
    CAST(DATE_DIFF('MICROSECOND', reached_a, beyond) AS DOUBLE) / 86400000000 AS days
  FROM (
    SELECT
      *,
      COALESCE(recorded_a, beyond) AS reached_a
    FROM members
  ) AS m
  WHERE
    reached_a >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND reached_a < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
)
SELECT
  position,
  COUNT(*) AS entered,
  COUNT(*) FILTER(WHERE
    converted) AS converted,
  COUNT(*) FILTER(WHERE
    recorded_a IS NULL) AS skipped,
  COUNT(*) FILTER(WHERE
    converted AND recorded_b IS NULL) AS skipped_ahead,
  COUNT(*) FILTER(WHERE
    converted AND beyond < reached_a) AS out_of_order,
  COUNT(*) FILTER(WHERE
    NOT converted AND lost) AS lost,
  COUNT(*) FILTER(WHERE
    NOT converted AND NOT lost) AS open,
  COUNT(*) FILTER(WHERE
    NOT converted AND FALSE) AS immature,
  PERCENTILE_CONT(days, 0.5) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS median_days,
  PERCENTILE_CONT(days, 0.25) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS p25_days,
  PERCENTILE_CONT(days, 0.75) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS p75_days
FROM cohort
GROUP BY
  position;

SELECT
  stage,
  COUNT(*) AS entries,
  COUNT(DISTINCT entity_id) AS entities
FROM stage_history
WHERE
  entity = 'contact'
  AND entered_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND entered_at < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  stage;

SELECT
  stage,
  COUNT(*) AS entries,
  COUNT(DISTINCT entity_id) AS entities
FROM stage_history
WHERE
  entity = 'contact'
  AND entered_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND entered_at < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  stage;

WITH entities AS (
  SELECT
    stage_history.entity_id,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'lead') AS t0,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'mql') AS t1,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'sql') AS t2,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'opportunity') AS t3,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'customer') AS t4
  FROM stage_history
  WHERE
    stage_history.entity = 'contact'
    AND (
      stage_history.stage IN ('lead', 'mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    stage_history.entity_id
), members AS (
  SELECT
    entity_id,
    positions.position AS position,
    CASE positions.position WHEN 0 THEN t0 WHEN 1 THEN t1 WHEN 2 THEN t2 WHEN 3 THEN t3 END AS recorded_a,
    CASE positions.position WHEN 0 THEN t1 WHEN 1 THEN t2 WHEN 2 THEN t3 WHEN 3 THEN t4 END AS recorded_b,
    CASE positions.position
      WHEN 0
      THEN LEAST(t1, LEAST(t2, LEAST(t3, t4)))
      WHEN 1
      THEN LEAST(t2, LEAST(t3, t4))
      WHEN 2
      THEN LEAST(t3, t4)
      WHEN 3
      THEN t4
    END AS beyond
  FROM entities
  CROSS JOIN (VALUES
    (0),
    (1),
    (2),
    (3)) AS positions(position)
), cohort AS (
  SELECT
    *,
    NOT beyond IS NULL
    AND (
      DATE_DIFF('MICROSECOND', reached_a, beyond) <= 7776000000000
    ) AS converted,
    EXISTS(
      SELECT
        1
      FROM deals AS d
      WHERE
        d.contact_id = m.entity_id AND d.outcome = 'lost'
    ) AS lost,
    CAST(DATE_DIFF('MICROSECOND', reached_a, beyond) AS DOUBLE) / 86400000000 AS days
  FROM (
    SELECT
      *,
      COALESCE(recorded_a, beyond) AS reached_a
    FROM members
  ) AS m
  WHERE
    reached_a >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND reached_a < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
)
SELECT
  position,
  COUNT(*) AS entered,
  COUNT(*) FILTER(WHERE
    converted) AS converted,
  COUNT(*) FILTER(WHERE
    recorded_a IS NULL) AS skipped,
  COUNT(*) FILTER(WHERE
    converted AND recorded_b IS NULL) AS skipped_ahead,
  COUNT(*) FILTER(WHERE
    converted AND beyond < reached_a) AS out_of_order,
  COUNT(*) FILTER(WHERE
    NOT converted AND lost) AS lost,
  COUNT(*) FILTER(WHERE
    NOT converted AND NOT lost) AS open,
  COUNT(*) FILTER(WHERE
    NOT converted
    AND (
      DATE_DIFF(
        'MICROSECOND',
        reached_a,
        (
          SELECT
            MAX(entered_at)
          FROM stage_history
          WHERE
            entity = 'contact'
        )
      ) < 7776000000000
    )) AS immature,
  PERCENTILE_CONT(days, 0.5) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS median_days,
  PERCENTILE_CONT(days, 0.25) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS p25_days,
  PERCENTILE_CONT(days, 0.75) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS p75_days
FROM cohort
GROUP BY
  position;

WITH entities AS (
  SELECT
    stage_history.entity_id,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'lead') AS t0,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'mql') AS t1,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'sql') AS t2,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'opportunity') AS t3,
    MIN(stage_history.entered_at) FILTER(WHERE
      stage_history.stage = 'customer') AS t4
  FROM stage_history
  WHERE
    stage_history.entity = 'contact'
    AND (
      stage_history.stage IN ('lead', 'mql', 'sql', 'opportunity', 'customer')
    )
  GROUP BY
    stage_history.entity_id
), members AS (
  SELECT
    entity_id,
    positions.position AS position,
    CASE positions.position WHEN 0 THEN t0 WHEN 1 THEN t1 WHEN 2 THEN t2 WHEN 3 THEN t3 END AS recorded_a,
    CASE positions.position WHEN 0 THEN t1 WHEN 1 THEN t2 WHEN 2 THEN t3 WHEN 3 THEN t4 END AS recorded_b,
    CASE positions.position
      WHEN 0
      THEN LEAST(t1, LEAST(t2, LEAST(t3, t4)))
      WHEN 1
      THEN LEAST(t2, LEAST(t3, t4))
      WHEN 2
      THEN LEAST(t3, t4)
      WHEN 3
      THEN t4
    END AS beyond
  FROM entities
  CROSS JOIN (VALUES
    (0),
    (1),
    (2),
    (3)) AS positions(position)
), cohort AS (
  SELECT
    *,
    NOT beyond IS NULL
    AND (
      DATE_DIFF('MICROSECOND', reached_a, beyond) <= 7776000000000
    ) AS converted,
    EXISTS(
      SELECT
        1
      FROM deals AS d
      WHERE
        d.contact_id = m.entity_id AND d.outcome = 'lost'
    ) AS lost,
    CAST(DATE_DIFF('MICROSECOND', reached_a, beyond) AS DOUBLE) / 86400000000 AS days
  FROM (
    SELECT
      *,
      COALESCE(recorded_a, beyond) AS reached_a
    FROM members
  ) AS m
  WHERE
    reached_a >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
    AND reached_a < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
)
SELECT
  position,
  COUNT(*) AS entered,
  COUNT(*) FILTER(WHERE
    converted) AS converted,
  COUNT(*) FILTER(WHERE
    recorded_a IS NULL) AS skipped,
  COUNT(*) FILTER(WHERE
    converted AND recorded_b IS NULL) AS skipped_ahead,
  COUNT(*) FILTER(WHERE
    converted AND beyond < reached_a) AS out_of_order,
  COUNT(*) FILTER(WHERE
    NOT converted AND lost) AS lost,
  COUNT(*) FILTER(WHERE
    NOT converted AND NOT lost) AS open,
  COUNT(*) FILTER(WHERE
    NOT converted
    AND (
      DATE_DIFF(
        'MICROSECOND',
        reached_a,
        (
          SELECT
            MAX(entered_at)
          FROM stage_history
          WHERE
            entity = 'contact'
        )
      ) < 7776000000000
    )) AS immature,
  PERCENTILE_CONT(days, 0.5) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS median_days,
  PERCENTILE_CONT(days, 0.25) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS p25_days,
  PERCENTILE_CONT(days, 0.75) FILTER(WHERE
    converted AND NOT recorded_a IS NULL AND beyond >= reached_a) AS p75_days
FROM cohort
GROUP BY
  position;

SELECT
  stage,
  COUNT(*) AS entries,
  COUNT(DISTINCT entity_id) AS entities
FROM stage_history
WHERE
  entity = 'contact'
  AND entered_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND entered_at < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  stage;

SELECT
  stage,
  COUNT(*) AS entries,
  COUNT(DISTINCT entity_id) AS entities
FROM stage_history
WHERE
  entity = 'contact'
  AND entered_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND entered_at < CAST('2026-04-01 00:00:00' AS TIMESTAMP)
GROUP BY
  stage;
