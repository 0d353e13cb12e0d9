WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2026-03-31 23:59:59' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2026-03-31 23:59:59' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074073e-05
        AND h.closed_after <= o.age + 91.00001157407408
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 91.00001157407408
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2026-03-31 23:59:59' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2026-03-31 23:59:59' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074073e-05
        AND h.closed_after <= o.age + 91.00001157407408
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 91.00001157407408
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2026-03-31 23:59:59' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2026-03-31 23:59:59' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2026-03-31 23:59:59' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2026-03-31 23:59:59' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2025-05-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2025-05-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2025-06-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2025-05-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2025-06-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2025-07-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2025-06-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2025-07-01 00:00:00' AS TIMESTAMP);

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.0),
    (1, 45.5),
    (2, 15.0)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP) AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2026-03-31 23:59:59' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2026-03-31 23:59:59' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.0),
    (1, 45.5),
    (2, 15.0)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP) AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2026-03-31 23:59:59' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2026-03-31 23:59:59' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2026-03-31 23:59:59' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 91.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 91.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 91.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 91.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-05-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-04-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-05-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-05-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-06-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-05-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-06-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-06-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-07-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-06-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-07-01 00:00:00' AS TIMESTAMP);

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.0),
    (1, 45.5),
    (2, 15.0)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.0),
    (1, 45.5),
    (2, 15.0)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2024-07-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2024-04-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2024-07-01 00:00:00' AS TIMESTAMP);

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 92.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 92.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 92.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 92.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-07-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-08-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-07-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-08-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-08-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-09-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-08-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-09-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-09-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-10-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-09-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-10-01 00:00:00' AS TIMESTAMP);

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.5),
    (1, 45.5),
    (2, 15.0)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.5),
    (1, 45.5),
    (2, 15.0)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2024-07-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2024-10-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2024-07-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2024-10-01 00:00:00' AS TIMESTAMP);

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 92.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 92.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 92.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 92.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-10-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-11-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-10-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-11-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-11-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-12-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-11-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2023-12-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-12-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2024-01-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2023-12-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2024-01-01 00:00:00' AS TIMESTAMP);

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.5),
    (1, 46.0),
    (2, 15.5)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.5),
    (1, 46.0),
    (2, 15.5)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2024-10-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2025-01-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2024-10-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2025-01-01 00:00:00' AS TIMESTAMP);

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 90.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 90.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 90.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 90.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2024-01-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2024-02-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2024-01-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2024-02-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2024-02-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2024-03-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2024-02-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2024-03-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2024-03-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2024-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*)
FROM contacts
WHERE
  created_at >= CAST('2024-03-01 00:00:00' AS TIMESTAMP)
  AND created_at < CAST('2024-04-01 00:00:00' AS TIMESTAMP);

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 74.5),
    (1, 45.0),
    (2, 15.5)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 74.5),
    (1, 45.0),
    (2, 15.5)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2024-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2025-01-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2025-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2025-01-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2025-04-01 00:00:00' AS TIMESTAMP);

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 91.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 91.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 91.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 91.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.0),
    (1, 45.5),
    (2, 15.0)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.0),
    (1, 45.5),
    (2, 15.0)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-03-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2025-07-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2025-04-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2025-07-01 00:00:00' AS TIMESTAMP);

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 92.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 92.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 92.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 92.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.5),
    (1, 45.5),
    (2, 15.0)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.5),
    (1, 45.5),
    (2, 15.0)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-06-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2025-10-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2025-07-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2025-10-01 00:00:00' AS TIMESTAMP);

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 92.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 92.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 92.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 92.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.5),
    (1, 46.0),
    (2, 15.5)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 76.5),
    (1, 46.0),
    (2, 15.5)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-09-30 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2026-01-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2025-10-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2026-01-01 00:00:00' AS TIMESTAMP);

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 90.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 90.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount,
  COUNT(h.deal_id) AS alike,
  COALESCE(SUM(h.won), 0) AS alike_won,
  COALESCE(
    SUM(
      CASE
        WHEN h.won = 1
        AND h.closed_after > o.age + 1.1574074074074074e-11
        AND h.closed_after <= o.age + 90.00000000001158
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage
  AND h.deal_id <> o.deal_id
  AND h.observed >= o.age + 90.00000000001158
  AND (
    h.closed_after IS NULL OR h.closed_after > o.age
  )
GROUP BY
  o.deal_id,
  o.owner,
  o.channel,
  o.stage,
  o.since,
  o.age,
  o.amount
ORDER BY
  o.deal_id;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH entries AS (
  SELECT
    entity_id AS deal_id,
    stage,
    entered_at
  FROM stage_history
  WHERE
    entity = 'deal'
    AND entered_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    AND stage IN ('appointment', 'valid', 'proposal')
), known AS (
  SELECT
    deal_id,
    owner,
    channel,
    created_at,
    closed_at,
    CAST(amount AS DOUBLE) AS amount,
    CASE
      WHEN NOT closed_at IS NULL
      AND closed_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
      AND outcome IN ('won', 'lost')
      THEN outcome
      ELSE 'open'
    END AS outcome_then
  FROM deals
  WHERE
    created_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
), ranked AS (
  SELECT
    deal_id,
    stage,
    entered_at,
    ROW_NUMBER() OVER (
      PARTITION BY deal_id
      ORDER BY entered_at DESC, CASE stage WHEN 'appointment' THEN 0 WHEN 'valid' THEN 1 WHEN 'proposal' THEN 2 END DESC
    ) AS nth
  FROM entries
), open_deals AS (
  SELECT
    k.deal_id,
    k.owner,
    k.channel,
    k.amount,
    COALESCE(r.stage, 'appointment') AS stage,
    COALESCE(r.entered_at, k.created_at) AS since,
    CAST(DATE_DIFF(
      'MICROSECOND',
      COALESCE(r.entered_at, k.created_at),
      CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    ) AS DOUBLE) / 86400000000 AS age
  FROM known AS k
  LEFT JOIN ranked AS r
    ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE
    k.outcome_then = 'open'
), history AS (
  SELECT
    e.deal_id,
    e.stage,
    CAST(DATE_DIFF('MICROSECOND', e.entered_at, CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 AS observed,
    CASE
      WHEN k.outcome_then <> 'open'
      THEN CAST(DATE_DIFF('MICROSECOND', e.entered_at, k.closed_at) AS DOUBLE) / 86400000000
    END AS closed_after,
    CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e
  JOIN known AS k
    ON k.deal_id = e.deal_id
)
SELECT
  stage,
  closed_after
FROM history
WHERE
  won = 1
ORDER BY
  stage,
  closed_after;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 74.5),
    (1, 45.0),
    (2, 15.5)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

WITH horizons AS (
  SELECT
    *
  FROM (VALUES
    (0, 74.5),
    (1, 45.0),
    (2, 15.5)) AS h(k, days)
), leads AS (
  SELECT
    contact_id,
    created_at
  FROM contacts
  WHERE
    created_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), wins AS (
  SELECT
    contact_id,
    closed_at,
    CAST(amount AS DOUBLE) AS amount
  FROM deals
  WHERE
    outcome = 'won'
    AND NOT closed_at IS NULL
    AND closed_at <= CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)
    AND NOT contact_id IS NULL
), cohort AS (
  SELECT
    h.k,
    h.days,
    l.contact_id,
    l.created_at
  FROM horizons AS h
  JOIN leads AS l
    ON CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 >= h.days
    AND CAST(DATE_DIFF('MICROSECOND', l.created_at, CAST('2025-12-31 23:59:59.999999' AS TIMESTAMP)) AS DOUBLE) / 86400000000 < h.days + 365
)
SELECT
  c.k,
  COUNT(DISTINCT c.contact_id) AS leads,
  COUNT(w.contact_id) AS wins,
  COALESCE(SUM(w.amount), 0) AS amount,
  COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c
LEFT JOIN wins AS w
  ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at
  AND CAST(DATE_DIFF('MICROSECOND', c.created_at, w.closed_at) AS DOUBLE) / 86400000000 <= c.days
GROUP BY
  c.k
ORDER BY
  c.k;

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2026-04-01 00:00:00' AS TIMESTAMP);

SELECT
  COUNT(*),
  COALESCE(SUM(CAST(amount AS DOUBLE)), 0)
FROM deals
WHERE
  outcome = 'won'
  AND closed_at >= CAST('2026-01-01 00:00:00' AS TIMESTAMP)
  AND closed_at < CAST('2026-04-01 00:00:00' AS TIMESTAMP);
