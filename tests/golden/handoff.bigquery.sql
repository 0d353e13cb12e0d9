SELECT
  MAX(entered_at)
FROM stage_history;

SELECT
  MAX(entered_at)
FROM stage_history;

WITH mql_entries AS (
  SELECT
    e.entity_id AS contact_id,
    e.entered_at AS mql_at,
    LEAD(e.entered_at) OVER (PARTITION BY e.entity_id ORDER BY e.entered_at NULLS LAST) AS next_mql_at
  FROM (
    SELECT DISTINCT
      entity_id,
      entered_at
    FROM stage_history
    WHERE
      entity = 'contact' AND stage = 'mql' AND NOT entered_at IS NULL
  ) AS e
), handoffs AS (
  SELECT
    m.contact_id,
    m.mql_at,
    m.next_mql_at,
    contacts.owner AS contact_owner,
    contacts.channel AS contact_channel,
    NULL AS segment
  FROM mql_entries AS m
  LEFT JOIN contacts
    ON contacts.contact_id = m.contact_id
  WHERE
    m.mql_at >= CAST('2025-04-01 00:00:00' AS DATETIME)
    AND m.mql_at < CAST('2026-04-01 00:00:00' AS DATETIME)
), marks AS (
  SELECT
    h.contact_id,
    h.mql_at,
    MIN(IF(s.stage = 'sql', s.entered_at, NULL)) AS sql_at,
    MIN(IF(s.stage = 'lead' AND s.entered_at > h.mql_at, s.entered_at, NULL)) AS returned_at
  FROM handoffs AS h
  JOIN stage_history AS s
    ON s.entity = 'contact'
    AND s.entity_id = h.contact_id
    AND s.stage IN ('sql', 'lead')
    AND s.entered_at >= h.mql_at
    AND (
      h.next_mql_at IS NULL OR s.entered_at < h.next_mql_at
    )
  GROUP BY
    h.contact_id,
    h.mql_at
), touches AS (
  SELECT
    h.contact_id,
    h.mql_at,
    MIN(t.occurred_at) AS touch_at
  FROM handoffs AS h
  JOIN touchpoints AS t
    ON t.contact_id = h.contact_id
    AND (
      t.type IN ('meeting', 'call')
    )
    AND (
      NULLIF(TRIM(t.owner), '') IS NULL
      OR NULLIF(TRIM(h.contact_owner), '') IS NULL
      OR TRIM(t.owner) = TRIM(h.contact_owner)
    )
    AND t.occurred_at >= h.mql_at
    AND (
      h.next_mql_at IS NULL OR t.occurred_at < h.next_mql_at
    )
  GROUP BY
    h.contact_id,
    h.mql_at
), episodes AS (
  SELECT
    h.contact_id,
    h.mql_at,
    h.next_mql_at,
    h.contact_owner,
    h.contact_channel,
    h.segment,
    m.sql_at,
    t.touch_at,
    NOT m.sql_at IS NULL AS is_sql,
    CAST(DATE_DIFF(m.sql_at, h.mql_at, MICROSECOND) AS FLOAT64) / 86400000000 AS lag_days,
    CAST(DATE_DIFF(t.touch_at, h.mql_at, MICROSECOND) AS FLOAT64) / 3600000000 AS touch_hours,
    COALESCE(DATE_DIFF(t.touch_at, h.mql_at, MICROSECOND) <= 86400000000, FALSE) AS sla_met,
    COALESCE(
      NOT m.returned_at IS NULL AND (
        m.sql_at IS NULL OR m.returned_at < m.sql_at
      ),
      FALSE
    ) AS returned,
    DATE_DIFF(CAST('2026-03-31 22:16:00' AS DATETIME), h.mql_at, MICROSECOND) < 7776000000000 AS immature
  FROM handoffs AS h
  LEFT JOIN marks AS m
    ON m.contact_id = h.contact_id AND m.mql_at = h.mql_at
  LEFT JOIN touches AS t
    ON t.contact_id = h.contact_id AND t.mql_at = h.mql_at
), classified AS (
  SELECT
    *,
    NOT returned
    AND NOT immature
    AND (
      sql_at IS NULL OR DATE_DIFF(sql_at, mql_at, MICROSECOND) > 7776000000000
    ) AS stalled
  FROM episodes
), handoff_deals AS (
  SELECT
    h.segment,
    h.contact_id,
    h.mql_at,
    d.deal_id,
    d.outcome,
    d.loss_reason,
    COALESCE(NULLIF(TRIM(d.channel), ''), h.contact_channel) AS channel,
    COALESCE(NULLIF(TRIM(d.owner), ''), h.contact_owner) AS owner,
    CASE
      WHEN d.outcome = 'won'
      THEN CAST(DATE_DIFF(d.closed_at, m.sql_at, MICROSECOND) AS FLOAT64) / 86400000000
    END AS close_days
  FROM handoffs AS h
  JOIN marks AS m
    ON m.contact_id = h.contact_id AND m.mql_at = h.mql_at AND NOT m.sql_at IS NULL
  JOIN deals AS d
    ON d.contact_id = h.contact_id
    AND d.created_at >= h.mql_at
    AND (
      h.next_mql_at IS NULL OR d.created_at < h.next_mql_at
    )
)
SELECT
  'summary' AS part,
  by_segment,
  by_sla,
  segment,
  sla_met,
  mqls,
  sqls,
  median_lag_days,
  p25_lag_days,
  p75_lag_days,
  sla_met_count,
  never_touched,
  median_hours_to_touch,
  returned,
  stalled,
  immature,
  opportunities,
  won,
  lost,
  median_days_to_close,
  NULL AS by_channel,
  NULL AS by_owner,
  NULL AS channel,
  NULL AS owner,
  NULL AS loss_reason,
  NULL AS group_lost
FROM (
  SELECT
    GROUPING(segment) AS by_segment,
    GROUPING(sla_met) AS by_sla,
    segment,
    sla_met,
    COUNTIF(kind = 'handoff') AS mqls,
    COUNTIF(kind = 'handoff' AND is_sql) AS sqls,
    PERCENTILE_CONT(lag_days, 0.5) AS median_lag_days,
    PERCENTILE_CONT(lag_days, 0.25) AS p25_lag_days,
    PERCENTILE_CONT(lag_days, 0.75) AS p75_lag_days,
    COUNTIF(kind = 'handoff' AND sla_met) AS sla_met_count,
    COUNTIF(kind = 'handoff' AND touch_hours IS NULL) AS never_touched,
    PERCENTILE_CONT(touch_hours, 0.5) AS median_hours_to_touch,
    COUNTIF(kind = 'handoff' AND returned) AS returned,
    COUNTIF(kind = 'handoff' AND stalled) AS stalled,
    COUNTIF(kind = 'handoff' AND immature) AS immature,
    COUNT(DISTINCT CASE WHEN kind = 'deal' THEN handoff_key END) AS opportunities,
    COUNTIF(kind = 'deal' AND outcome = 'won') AS won,
    COUNTIF(kind = 'deal' AND outcome = 'lost') AS lost,
    PERCENTILE_CONT(close_days, 0.5) AS median_days_to_close
  FROM (
    SELECT
      'handoff' AS kind,
      segment,
      sla_met,
      CAST(mql_at AS STRING) || contact_id AS handoff_key,
      is_sql,
      lag_days,
      touch_hours,
      returned,
      stalled,
      immature,
      CAST(NULL AS STRING) AS outcome,
      CAST(NULL AS FLOAT64) AS close_days
    FROM classified
    UNION ALL
    SELECT
      'deal',
      d.segment,
      c.sla_met,
      CAST(d.mql_at AS STRING) || d.contact_id,
      NULL,
      NULL,
      NULL,
      NULL,
      NULL,
      NULL,
      d.outcome,
      d.close_days
    FROM handoff_deals AS d
    JOIN classified AS c
      ON c.contact_id = d.contact_id AND c.mql_at = d.mql_at
  ) AS unioned
  GROUP BY
    GROUPING SETS (
      (
        segment
      ),
      (
        sla_met
      ),
      ()
    )
) AS summary
UNION ALL
SELECT
  'losses' AS part,
  NULL AS by_segment,
  NULL AS by_sla,
  NULL AS segment,
  NULL AS sla_met,
  NULL AS mqls,
  NULL AS sqls,
  NULL AS median_lag_days,
  NULL AS p25_lag_days,
  NULL AS p75_lag_days,
  NULL AS sla_met_count,
  NULL AS never_touched,
  NULL AS median_hours_to_touch,
  NULL AS returned,
  NULL AS stalled,
  NULL AS immature,
  NULL AS opportunities,
  NULL AS won,
  lost,
  NULL AS median_days_to_close,
  by_channel,
  by_owner,
  channel,
  owner,
  loss_reason,
  group_lost
FROM (
  SELECT
    GROUPING(channel) AS by_channel,
    GROUPING(owner) AS by_owner,
    channel,
    owner,
    loss_reason,
    COUNT(*) AS lost,
    SUM(COUNT(*)) OVER (PARTITION BY GROUPING(channel), GROUPING(owner), channel, owner) AS group_lost
  FROM handoff_deals
  WHERE
    outcome = 'lost'
  GROUP BY
    GROUPING SETS (
      (
        loss_reason
      ),
      (channel, loss_reason),
      (owner, loss_reason)
    )
) AS losses;
