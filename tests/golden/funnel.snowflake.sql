WITH entities AS (
  SELECT
    stage_history.entity_id,
    MIN(IFF(stage_history.stage = 'lead', stage_history.entered_at, NULL)) AS t0,
    MIN(IFF(stage_history.stage = 'mql', stage_history.entered_at, NULL)) AS t1,
    MIN(IFF(stage_history.stage = 'sql', stage_history.entered_at, NULL)) AS t2,
    MIN(IFF(stage_history.stage = 'opportunity', stage_history.entered_at, NULL)) AS t3,
    MIN(IFF(stage_history.stage = 'customer', stage_history.entered_at, NULL)) AS t4
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
      THEN LEAST_IGNORE_NULLS(t1, LEAST_IGNORE_NULLS(t2, LEAST_IGNORE_NULLS(t3, t4)))
      WHEN 1
      THEN LEAST_IGNORE_NULLS(t2, LEAST_IGNORE_NULLS(t3, t4))
      WHEN 2
      THEN LEAST_IGNORE_NULLS(t3, t4)
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
    CAST(DATEDIFF(MICROSECOND, reached_a, beyond) AS DOUBLE) / 86400000000 AS days
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
  COUNT_IF(converted) AS converted,
  COUNT_IF(recorded_a IS NULL) AS skipped,
  COUNT_IF(converted AND recorded_b IS NULL) AS skipped_ahead,
  COUNT_IF(converted AND beyond < reached_a) AS out_of_order,
  COUNT_IF(NOT converted AND lost) AS lost,
  COUNT_IF(NOT converted AND NOT lost) AS open,
  COUNT_IF(NOT converted AND FALSE) AS immature,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS median_days,
  PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS p25_days,
  PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS p75_days
FROM cohort
GROUP BY
  position;

WITH entities AS (
  SELECT
    stage_history.entity_id,
    MIN(IFF(stage_history.stage = 'lead', stage_history.entered_at, NULL)) AS t0,
    MIN(IFF(stage_history.stage = 'mql', stage_history.entered_at, NULL)) AS t1,
    MIN(IFF(stage_history.stage = 'sql', stage_history.entered_at, NULL)) AS t2,
    MIN(IFF(stage_history.stage = 'opportunity', stage_history.entered_at, NULL)) AS t3,
    MIN(IFF(stage_history.stage = 'customer', stage_history.entered_at, NULL)) AS t4
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
      THEN LEAST_IGNORE_NULLS(t1, LEAST_IGNORE_NULLS(t2, LEAST_IGNORE_NULLS(t3, t4)))
      WHEN 1
      THEN LEAST_IGNORE_NULLS(t2, LEAST_IGNORE_NULLS(t3, t4))
      WHEN 2
      THEN LEAST_IGNORE_NULLS(t3, t4)
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
    CAST(DATEDIFF(MICROSECOND, reached_a, beyond) AS DOUBLE) / 86400000000 AS days
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
  COUNT_IF(converted) AS converted,
  COUNT_IF(recorded_a IS NULL) AS skipped,
  COUNT_IF(converted AND recorded_b IS NULL) AS skipped_ahead,
  COUNT_IF(converted AND beyond < reached_a) AS out_of_order,
  COUNT_IF(NOT converted AND lost) AS lost,
  COUNT_IF(NOT converted AND NOT lost) AS open,
  COUNT_IF(NOT converted AND FALSE) AS immature,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS median_days,
  PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS p25_days,
  PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS p75_days
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
    MIN(IFF(stage_history.stage = 'lead', stage_history.entered_at, NULL)) AS t0,
    MIN(IFF(stage_history.stage = 'mql', stage_history.entered_at, NULL)) AS t1,
    MIN(IFF(stage_history.stage = 'sql', stage_history.entered_at, NULL)) AS t2,
    MIN(IFF(stage_history.stage = 'opportunity', stage_history.entered_at, NULL)) AS t3,
    MIN(IFF(stage_history.stage = 'customer', stage_history.entered_at, NULL)) AS t4
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
      THEN LEAST_IGNORE_NULLS(t1, LEAST_IGNORE_NULLS(t2, LEAST_IGNORE_NULLS(t3, t4)))
      WHEN 1
      THEN LEAST_IGNORE_NULLS(t2, LEAST_IGNORE_NULLS(t3, t4))
      WHEN 2
      THEN LEAST_IGNORE_NULLS(t3, t4)
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
      DATEDIFF(MICROSECOND, reached_a, beyond) <= 7776000000000
    ) AS converted,
    EXISTS(
      SELECT
        1
      FROM deals AS d
      WHERE
        d.contact_id = m.entity_id AND d.outcome = 'lost'
    ) AS lost,
    CAST(DATEDIFF(MICROSECOND, reached_a, beyond) AS DOUBLE) / 86400000000 AS days
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
  COUNT_IF(converted) AS converted,
  COUNT_IF(recorded_a IS NULL) AS skipped,
  COUNT_IF(converted AND recorded_b IS NULL) AS skipped_ahead,
  COUNT_IF(converted AND beyond < reached_a) AS out_of_order,
  COUNT_IF(NOT converted AND lost) AS lost,
  COUNT_IF(NOT converted AND NOT lost) AS open,
  COUNT_IF(
    NOT converted
    AND (
      DATEDIFF(
        MICROSECOND,
        reached_a,
        (
          SELECT
            MAX(entered_at)
          FROM stage_history
          WHERE
            entity = 'contact'
        )
      ) < 7776000000000
    )
  ) AS immature,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS median_days,
  PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS p25_days,
  PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS p75_days
FROM cohort
GROUP BY
  position;

WITH entities AS (
  SELECT
    stage_history.entity_id,
    MIN(IFF(stage_history.stage = 'lead', stage_history.entered_at, NULL)) AS t0,
    MIN(IFF(stage_history.stage = 'mql', stage_history.entered_at, NULL)) AS t1,
    MIN(IFF(stage_history.stage = 'sql', stage_history.entered_at, NULL)) AS t2,
    MIN(IFF(stage_history.stage = 'opportunity', stage_history.entered_at, NULL)) AS t3,
    MIN(IFF(stage_history.stage = 'customer', stage_history.entered_at, NULL)) AS t4
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
      THEN LEAST_IGNORE_NULLS(t1, LEAST_IGNORE_NULLS(t2, LEAST_IGNORE_NULLS(t3, t4)))
      WHEN 1
      THEN LEAST_IGNORE_NULLS(t2, LEAST_IGNORE_NULLS(t3, t4))
      WHEN 2
      THEN LEAST_IGNORE_NULLS(t3, t4)
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
      DATEDIFF(MICROSECOND, reached_a, beyond) <= 7776000000000
    ) AS converted,
    EXISTS(
      SELECT
        1
      FROM deals AS d
      WHERE
        d.contact_id = m.entity_id AND d.outcome = 'lost'
    ) AS lost,
    CAST(DATEDIFF(MICROSECOND, reached_a, beyond) AS DOUBLE) / 86400000000 AS days
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
  COUNT_IF(converted) AS converted,
  COUNT_IF(recorded_a IS NULL) AS skipped,
  COUNT_IF(converted AND recorded_b IS NULL) AS skipped_ahead,
  COUNT_IF(converted AND beyond < reached_a) AS out_of_order,
  COUNT_IF(NOT converted AND lost) AS lost,
  COUNT_IF(NOT converted AND NOT lost) AS open,
  COUNT_IF(
    NOT converted
    AND (
      DATEDIFF(
        MICROSECOND,
        reached_a,
        (
          SELECT
            MAX(entered_at)
          FROM stage_history
          WHERE
            entity = 'contact'
        )
      ) < 7776000000000
    )
  ) AS immature,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS median_days,
  PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS p25_days,
  PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY
    IFF(converted AND NOT recorded_a IS NULL AND beyond >= reached_a, days, NULL)) AS p75_days
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
