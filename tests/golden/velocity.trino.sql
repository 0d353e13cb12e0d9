WITH stage_order AS (
  SELECT
    *
  FROM (VALUES
    ('contact', 'lead', 0),
    ('contact', 'mql', 1),
    ('contact', 'sql', 2),
    ('contact', 'opportunity', 3),
    ('contact', 'customer', 4)) AS v(entity, stage, position)
), firsts AS (
  SELECT
    stage_history.entity,
    stage_history.entity_id,
    stage_history.stage,
    stage_order.position,
    MIN(stage_history.entered_at) AS entered_at,
    MIN(CAST(NULL AS VARCHAR)) AS segment
  FROM stage_history
  JOIN stage_order
    ON stage_order.entity = stage_history.entity
    AND stage_order.stage = stage_history.stage
  WHERE
    NOT stage_history.entered_at IS NULL
  GROUP BY
    stage_history.entity,
    stage_history.entity_id,
    stage_history.stage,
    stage_order.position
), moves AS (
  SELECT
    entity,
    entity_id,
    segment,
    stage AS from_stage,
    position AS from_pos,
    entered_at AS t0,
    LEAD(stage) OVER (PARTITION BY entity, entity_id ORDER BY position) AS to_stage,
    LEAD(position) OVER (PARTITION BY entity, entity_id ORDER BY position) AS to_pos,
    LEAD(entered_at) OVER (PARTITION BY entity, entity_id ORDER BY position) AS t1
  FROM firsts
), moves_in AS (
  SELECT
    *,
    CASE
      WHEN t1 >= t0
      THEN CAST(DATE_DIFF('MICROSECOND', t0, t1) AS DOUBLE) / 86400000000
    END AS days
  FROM moves
  WHERE
    NOT t0 IS NULL
), pairs AS (
  SELECT
    'step' AS kind,
    a.entity,
    a.stage AS from_stage,
    b.stage AS to_stage,
    a.position AS from_pos,
    b.position AS to_pos
  FROM stage_order AS a
  JOIN stage_order AS b
    ON b.entity = a.entity AND b.position = a.position + 1
  UNION ALL
  SELECT DISTINCT
    'skip' AS kind,
    entity,
    from_stage,
    to_stage,
    from_pos,
    to_pos
  FROM moves_in
  WHERE
    to_pos > from_pos + 1
), leads_in AS (
  SELECT
    entity_id,
    segment,
    entered_at AS t0
  FROM firsts
  WHERE
    entity = 'contact' AND position = 0 AND (
      NOT entered_at IS NULL
    )
), won AS (
  SELECT
    contact_id,
    MIN(closed_at) AS closed_at
  FROM deals
  WHERE
    outcome = 'won' AND (
      NOT closed_at IS NULL
    ) AND NOT contact_id IS NULL
  GROUP BY
    contact_id
), stats AS (
  SELECT
    kind,
    entity,
    from_stage,
    to_stage,
    from_pos,
    to_pos,
    segment,
    overall,
    entered,
    n,
    median_days,
    p25_days,
    p75_days,
    skipped,
    out_of_order
  FROM (
    SELECT
      p.kind,
      p.entity,
      p.from_stage,
      p.to_stage,
      p.from_pos,
      p.to_pos,
      m.segment,
      GROUPING(m.segment) = 1 AS overall,
      COUNT(m.entity_id) AS entered,
      COUNT(*) FILTER(WHERE
        m.to_pos = p.to_pos) AS n,
      PERCENTILE_CONT(m.days, 0.5) FILTER(WHERE
        m.to_pos = p.to_pos) AS median_days,
      PERCENTILE_CONT(m.days, 0.25) FILTER(WHERE
        m.to_pos = p.to_pos) AS p25_days,
      PERCENTILE_CONT(m.days, 0.75) FILTER(WHERE
        m.to_pos = p.to_pos) AS p75_days,
      COUNT(*) FILTER(WHERE
        m.to_pos > p.to_pos) AS skipped,
      COUNT(*) FILTER(WHERE
        m.to_pos = p.to_pos AND m.days IS NULL) AS out_of_order
    FROM pairs AS p
    LEFT JOIN moves_in AS m
      ON m.entity = p.entity AND m.from_stage = p.from_stage
    GROUP BY
      GROUPING SETS (
        (p.kind, p.entity, p.from_stage, p.to_stage, p.from_pos, p.to_pos, m.segment),
        (p.kind, p.entity, p.from_stage, p.to_stage, p.from_pos, p.to_pos)
      )
    HAVING
      (
        FALSE OR GROUPING(m.segment) = 1
      )
      AND (
        GROUPING(m.segment) = 1 OR COUNT(m.entity_id) > 0
      )
      AND (
        p.kind = 'step' OR COUNT(*) FILTER(WHERE
          m.to_pos = p.to_pos) > 0
      )
    UNION ALL
    SELECT
      'total' AS kind,
      'contact' AS entity,
      'lead' AS from_stage,
      'won' AS to_stage,
      0 AS from_pos,
      NULL AS to_pos,
      l.segment,
      GROUPING(l.segment) = 1 AS overall,
      COUNT(*) AS entered,
      COUNT(w.closed_at) AS n,
      PERCENTILE_CONT(
        CASE
          WHEN w.closed_at >= l.t0
          THEN CAST(DATE_DIFF('MICROSECOND', l.t0, w.closed_at) AS DOUBLE) / 86400000000
        END,
        0.5
      ),
      PERCENTILE_CONT(
        CASE
          WHEN w.closed_at >= l.t0
          THEN CAST(DATE_DIFF('MICROSECOND', l.t0, w.closed_at) AS DOUBLE) / 86400000000
        END,
        0.25
      ),
      PERCENTILE_CONT(
        CASE
          WHEN w.closed_at >= l.t0
          THEN CAST(DATE_DIFF('MICROSECOND', l.t0, w.closed_at) AS DOUBLE) / 86400000000
        END,
        0.75
      ),
      NULL AS skipped,
      COUNT(*) FILTER(WHERE
        w.closed_at < l.t0) AS out_of_order
    FROM leads_in AS l
    LEFT JOIN won AS w
      ON w.contact_id = l.entity_id
    GROUP BY
      GROUPING SETS (
        (
          l.segment
        ),
        ()
      )
    HAVING
      FALSE OR GROUPING(l.segment) = 1
    UNION ALL
    SELECT
      'from_lead' AS kind,
      'contact' AS entity,
      'lead' AS from_stage,
      s.stage AS to_stage,
      0 AS from_pos,
      s.position AS to_pos,
      l.segment,
      GROUPING(l.segment) = 1 AS overall,
      COUNT(*) AS entered,
      COUNT(*) AS n,
      PERCENTILE_CONT(
        CASE
          WHEN s.entered_at >= l.t0
          THEN CAST(DATE_DIFF('MICROSECOND', l.t0, s.entered_at) AS DOUBLE) / 86400000000
        END,
        0.5
      ),
      PERCENTILE_CONT(
        CASE
          WHEN s.entered_at >= l.t0
          THEN CAST(DATE_DIFF('MICROSECOND', l.t0, s.entered_at) AS DOUBLE) / 86400000000
        END,
        0.25
      ),
      PERCENTILE_CONT(
        CASE
          WHEN s.entered_at >= l.t0
          THEN CAST(DATE_DIFF('MICROSECOND', l.t0, s.entered_at) AS DOUBLE) / 86400000000
        END,
        0.75
      ),
      NULL AS skipped,
      COUNT(*) FILTER(WHERE
        s.entered_at < l.t0) AS out_of_order
    FROM leads_in AS l
    JOIN firsts AS s
      ON s.entity = 'contact' AND s.entity_id = l.entity_id AND s.position > 0
    GROUP BY
      GROUPING SETS (
        (s.stage, s.position, l.segment),
        (s.stage, s.position)
      )
    HAVING
      FALSE OR GROUPING(l.segment) = 1
  ) AS u
)
SELECT
  kind,
  entity,
  from_stage,
  to_stage,
  from_pos,
  to_pos,
  segment,
  overall,
  entered,
  n,
  median_days,
  p25_days,
  p75_days,
  skipped,
  out_of_order
FROM stats;
