WITH touches AS (
  SELECT
    touchpoints.contact_id AS u,
    touchpoints.occurred_at AS t,
    touchpoints.channel AS channel,
    touchpoints.type AS type
  FROM touchpoints
  WHERE
    NOT touchpoints.contact_id IS NULL
    AND NOT touchpoints.channel IS NULL
    AND NOT touchpoints.occurred_at IS NULL
    AND (
      NOT "touchpoints"."type" IN ('page_view', 'email_open')
    )
), outcomes AS (
  SELECT
    u,
    o,
    v,
    ROW_NUMBER() OVER (PARTITION BY u ORDER BY o, v DESC, k) AS nth
  FROM (
    SELECT
      d.contact_id AS u,
      d.closed_at AS o,
      CAST(d.amount AS DOUBLE) AS v,
      d.deal_id AS k
    FROM deals AS d
    WHERE
      d.outcome = 'won'
  ) AS sources
  WHERE
    NOT u IS NULL AND NOT o IS NULL
), first_o AS (
  SELECT
    u,
    o,
    COALESCE(v, 0) AS v
  FROM outcomes
  WHERE
    nth = 1
), converters AS (
  SELECT
    u,
    TRUE AS conv,
    o AS anchor,
    v AS value
  FROM first_o
  WHERE
    TRUE
), others AS (
  SELECT
    a.u,
    FALSE AS conv,
    a.last_t AS anchor,
    CAST(0 AS DOUBLE) AS value
  FROM (
    SELECT
      u,
      MAX(t) AS last_t
    FROM touches
    WHERE
      TRUE
    GROUP BY
      u
  ) AS a
  LEFT JOIN first_o
    ON first_o.u = a.u
  WHERE
    first_o.u IS NULL OR NOT (
      TRUE
    )
), leads AS (
  SELECT
    contact_id AS u,
    MIN(created_at) AS lead_at
  FROM contacts
  WHERE
    NOT contact_id IS NULL
  GROUP BY
    1
), opportunities AS (
  SELECT
    d.contact_id AS u,
    MIN(d.created_at) AS opportunity_at
  FROM deals AS d
  GROUP BY
    1
), ends AS (
  SELECT
    n.u,
    n.conv,
    n.anchor,
    n.value,
    CASE WHEN n.conv AND leads.lead_at <= n.anchor THEN leads.lead_at END AS lead_at,
    CASE
      WHEN n.conv AND opportunities.opportunity_at <= n.anchor
      THEN opportunities.opportunity_at
    END AS opportunity_at
  FROM (
    SELECT
      *
    FROM converters
    UNION ALL
    SELECT
      *
    FROM others
  ) AS n
  LEFT JOIN leads
    ON leads.u = n.u
  LEFT JOIN opportunities
    ON opportunities.u = n.u
), win AS (
  SELECT
    e.u,
    e.conv,
    e.value,
    e.anchor,
    e.lead_at,
    e.opportunity_at,
    tt.t,
    tt.channel,
    tt.type,
    CASE
      WHEN e.conv
      THEN CAST(FLOOR(
        CAST(DATE_DIFF('MICROSECOND', DATE_TRUNC('MICROSECOND', tt.t), DATE_TRUNC('MICROSECOND', e.anchor)) AS DOUBLE) / 86400000000
      ) AS BIGINT)
    END AS age
  FROM ends AS e
  JOIN touches AS tt
    ON tt.u = e.u
  WHERE
    tt.t <= e.anchor
    AND NOT (
      e.conv AND tt.t = e.anchor
    )
    AND DATE_DIFF('MICROSECOND', DATE_TRUNC('MICROSECOND', tt.t), DATE_TRUNC('MICROSECOND', e.anchor)) <= 7776000000000
), journeys AS (
  SELECT
    u,
    conv,
    value,
    LISTAGG(channel, ' > ') WITHIN GROUP (ORDER BY
      t NULLS FIRST,
      channel NULLS FIRST,
      type NULLS FIRST) AS path,
    LISTAGG(CAST(age AS VARCHAR), ' ') WITHIN GROUP (ORDER BY
      t NULLS FIRST,
      channel NULLS FIRST,
      type NULLS FIRST) AS ages,
    CASE
      WHEN NOT MAX(lead_at) IS NULL
      THEN SUM(CASE WHEN t <= lead_at THEN 1 ELSE 0 END)
    END AS lead_n,
    CASE
      WHEN NOT MAX(opportunity_at) IS NULL
      THEN SUM(CASE WHEN t <= opportunity_at THEN 1 ELSE 0 END)
    END AS opportunity_n
  FROM win
  GROUP BY
    u,
    conv,
    value
)
SELECT
  path,
  ages,
  lead_n,
  opportunity_n,
  SUM(CASE WHEN conv THEN 1 ELSE 0 END) AS conversions,
  SUM(CASE WHEN conv THEN value ELSE 0 END) AS value,
  SUM(CASE WHEN conv THEN 0 ELSE 1 END) AS nulls
FROM journeys
GROUP BY
  path,
  ages,
  lead_n,
  opportunity_n;

WITH touches AS (
  SELECT
    touchpoints.contact_id AS u,
    touchpoints.occurred_at AS t,
    touchpoints.channel AS channel,
    touchpoints.type AS type
  FROM touchpoints
  WHERE
    NOT touchpoints.contact_id IS NULL
    AND NOT touchpoints.channel IS NULL
    AND NOT touchpoints.occurred_at IS NULL
    AND (
      NOT "touchpoints"."type" IN ('page_view', 'email_open')
    )
), outcomes AS (
  SELECT
    u,
    o,
    v,
    ROW_NUMBER() OVER (PARTITION BY u ORDER BY o, v DESC, k) AS nth
  FROM (
    SELECT
      d.contact_id AS u,
      d.closed_at AS o,
      CAST(d.amount AS DOUBLE) AS v,
      d.deal_id AS k
    FROM deals AS d
    WHERE
      d.outcome = 'won'
  ) AS sources
  WHERE
    NOT u IS NULL AND NOT o IS NULL
), first_o AS (
  SELECT
    u,
    o,
    COALESCE(v, 0) AS v
  FROM outcomes
  WHERE
    nth = 1
), converters AS (
  SELECT
    u,
    TRUE AS conv,
    o AS anchor,
    v AS value
  FROM first_o
  WHERE
    TRUE
), others AS (
  SELECT
    a.u,
    FALSE AS conv,
    a.last_t AS anchor,
    CAST(0 AS DOUBLE) AS value
  FROM (
    SELECT
      u,
      MAX(t) AS last_t
    FROM touches
    WHERE
      TRUE
    GROUP BY
      u
  ) AS a
  LEFT JOIN first_o
    ON first_o.u = a.u
  WHERE
    first_o.u IS NULL OR NOT (
      TRUE
    )
), leads AS (
  SELECT
    contact_id AS u,
    MIN(created_at) AS lead_at
  FROM contacts
  WHERE
    NOT contact_id IS NULL
  GROUP BY
    1
), opportunities AS (
  SELECT
    d.contact_id AS u,
    MIN(d.created_at) AS opportunity_at
  FROM deals AS d
  GROUP BY
    1
), ends AS (
  SELECT
    n.u,
    n.conv,
    n.anchor,
    n.value,
    CASE WHEN n.conv AND leads.lead_at <= n.anchor THEN leads.lead_at END AS lead_at,
    CASE
      WHEN n.conv AND opportunities.opportunity_at <= n.anchor
      THEN opportunities.opportunity_at
    END AS opportunity_at
  FROM (
    SELECT
      *
    FROM converters
    UNION ALL
    SELECT
      *
    FROM others
  ) AS n
  LEFT JOIN leads
    ON leads.u = n.u
  LEFT JOIN opportunities
    ON opportunities.u = n.u
), win AS (
  SELECT
    e.u,
    e.conv,
    e.value,
    e.anchor,
    e.lead_at,
    e.opportunity_at,
    tt.t,
    tt.channel,
    tt.type,
    CASE
      WHEN e.conv
      THEN CAST(FLOOR(
        CAST(DATE_DIFF('MICROSECOND', DATE_TRUNC('MICROSECOND', tt.t), DATE_TRUNC('MICROSECOND', e.anchor)) AS DOUBLE) / 86400000000
      ) AS BIGINT)
    END AS age
  FROM ends AS e
  JOIN touches AS tt
    ON tt.u = e.u
  WHERE
    tt.t <= e.anchor
    AND NOT (
      e.conv AND tt.t = e.anchor
    )
    AND DATE_DIFF('MICROSECOND', DATE_TRUNC('MICROSECOND', tt.t), DATE_TRUNC('MICROSECOND', e.anchor)) <= 7776000000000
), journeys AS (
  SELECT
    u,
    conv,
    value,
    LISTAGG(channel, ' > ') WITHIN GROUP (ORDER BY
      t NULLS FIRST,
      channel NULLS FIRST,
      type NULLS FIRST) AS path,
    LISTAGG(CAST(age AS VARCHAR), ' ') WITHIN GROUP (ORDER BY
      t NULLS FIRST,
      channel NULLS FIRST,
      type NULLS FIRST) AS ages,
    CASE
      WHEN NOT MAX(lead_at) IS NULL
      THEN SUM(CASE WHEN t <= lead_at THEN 1 ELSE 0 END)
    END AS lead_n,
    CASE
      WHEN NOT MAX(opportunity_at) IS NULL
      THEN SUM(CASE WHEN t <= opportunity_at THEN 1 ELSE 0 END)
    END AS opportunity_n
  FROM win
  GROUP BY
    u,
    conv,
    value
)
SELECT
  path,
  ages,
  lead_n,
  opportunity_n,
  SUM(CASE WHEN conv THEN 1 ELSE 0 END) AS conversions,
  SUM(CASE WHEN conv THEN value ELSE 0 END) AS value,
  SUM(CASE WHEN conv THEN 0 ELSE 1 END) AS nulls
FROM journeys
GROUP BY
  path,
  ages,
  lead_n,
  opportunity_n;

WITH touches AS (
  SELECT
    touchpoints.contact_id AS u,
    touchpoints.occurred_at AS t,
    touchpoints.channel AS channel,
    touchpoints.type AS type
  FROM touchpoints
  WHERE
    NOT touchpoints.contact_id IS NULL
    AND NOT touchpoints.channel IS NULL
    AND NOT touchpoints.occurred_at IS NULL
    AND (
      NOT "touchpoints"."type" IN ('page_view', 'email_open')
    )
), outcomes AS (
  SELECT
    u,
    o,
    v,
    ROW_NUMBER() OVER (PARTITION BY u ORDER BY o, v DESC, k) AS nth
  FROM (
    SELECT
      d.contact_id AS u,
      d.closed_at AS o,
      CAST(d.amount AS DOUBLE) AS v,
      d.deal_id AS k
    FROM deals AS d
    WHERE
      d.outcome = 'won'
  ) AS sources
  WHERE
    NOT u IS NULL AND NOT o IS NULL
), first_o AS (
  SELECT
    u,
    o,
    COALESCE(v, 0) AS v
  FROM outcomes
  WHERE
    nth = 1
), converters AS (
  SELECT
    u,
    TRUE AS conv,
    o AS anchor,
    v AS value
  FROM first_o
  WHERE
    TRUE
), others AS (
  SELECT
    a.u,
    FALSE AS conv,
    a.last_t AS anchor,
    CAST(0 AS DOUBLE) AS value
  FROM (
    SELECT
      u,
      MAX(t) AS last_t
    FROM touches
    WHERE
      TRUE
    GROUP BY
      u
  ) AS a
  LEFT JOIN first_o
    ON first_o.u = a.u
  WHERE
    first_o.u IS NULL OR NOT (
      TRUE
    )
), leads AS (
  SELECT
    contact_id AS u,
    MIN(created_at) AS lead_at
  FROM contacts
  WHERE
    NOT contact_id IS NULL
  GROUP BY
    1
), opportunities AS (
  SELECT
    d.contact_id AS u,
    MIN(d.created_at) AS opportunity_at
  FROM deals AS d
  GROUP BY
    1
), ends AS (
  SELECT
    n.u,
    n.conv,
    n.anchor,
    n.value,
    CASE WHEN n.conv AND leads.lead_at <= n.anchor THEN leads.lead_at END AS lead_at,
    CASE
      WHEN n.conv AND opportunities.opportunity_at <= n.anchor
      THEN opportunities.opportunity_at
    END AS opportunity_at
  FROM (
    SELECT
      *
    FROM converters
    UNION ALL
    SELECT
      *
    FROM others
  ) AS n
  LEFT JOIN leads
    ON leads.u = n.u
  LEFT JOIN opportunities
    ON opportunities.u = n.u
), win AS (
  SELECT
    e.u,
    e.conv,
    e.value,
    e.anchor,
    e.lead_at,
    e.opportunity_at,
    tt.t,
    tt.channel,
    tt.type,
    CASE
      WHEN e.conv
      THEN CAST(FLOOR(
        CAST(DATE_DIFF('MICROSECOND', DATE_TRUNC('MICROSECOND', tt.t), DATE_TRUNC('MICROSECOND', e.anchor)) AS DOUBLE) / 86400000000
      ) AS BIGINT)
    END AS age
  FROM ends AS e
  JOIN touches AS tt
    ON tt.u = e.u
  WHERE
    tt.t <= e.anchor
    AND NOT (
      e.conv AND tt.t = e.anchor
    )
    AND DATE_DIFF('MICROSECOND', DATE_TRUNC('MICROSECOND', tt.t), DATE_TRUNC('MICROSECOND', e.anchor)) <= 7776000000000
), journeys AS (
  SELECT
    u,
    conv,
    value,
    LISTAGG(channel, ' > ') WITHIN GROUP (ORDER BY
      t NULLS FIRST,
      channel NULLS FIRST,
      type NULLS FIRST) AS path,
    LISTAGG(CAST(age AS VARCHAR), ' ') WITHIN GROUP (ORDER BY
      t NULLS FIRST,
      channel NULLS FIRST,
      type NULLS FIRST) AS ages,
    CASE
      WHEN NOT MAX(lead_at) IS NULL
      THEN SUM(CASE WHEN t <= lead_at THEN 1 ELSE 0 END)
    END AS lead_n,
    CASE
      WHEN NOT MAX(opportunity_at) IS NULL
      THEN SUM(CASE WHEN t <= opportunity_at THEN 1 ELSE 0 END)
    END AS opportunity_n
  FROM win
  GROUP BY
    u,
    conv,
    value
)
SELECT
  COUNT(*) AS conversions,
  SUM(value) AS value
FROM converters;

WITH touches AS (
  SELECT
    touchpoints.contact_id AS u,
    touchpoints.occurred_at AS t,
    touchpoints.channel AS channel,
    touchpoints.type AS type
  FROM touchpoints
  WHERE
    NOT touchpoints.contact_id IS NULL
    AND NOT touchpoints.channel IS NULL
    AND NOT touchpoints.occurred_at IS NULL
    AND (
      NOT "touchpoints"."type" IN ('page_view', 'email_open')
    )
), outcomes AS (
  SELECT
    u,
    o,
    v,
    ROW_NUMBER() OVER (PARTITION BY u ORDER BY o, v DESC, k) AS nth
  FROM (
    SELECT
      d.contact_id AS u,
      d.closed_at AS o,
      CAST(d.amount AS DOUBLE) AS v,
      d.deal_id AS k
    FROM deals AS d
    WHERE
      d.outcome = 'won'
  ) AS sources
  WHERE
    NOT u IS NULL AND NOT o IS NULL
), first_o AS (
  SELECT
    u,
    o,
    COALESCE(v, 0) AS v
  FROM outcomes
  WHERE
    nth = 1
), converters AS (
  SELECT
    u,
    TRUE AS conv,
    o AS anchor,
    v AS value
  FROM first_o
  WHERE
    TRUE
), others AS (
  SELECT
    a.u,
    FALSE AS conv,
    a.last_t AS anchor,
    CAST(0 AS DOUBLE) AS value
  FROM (
    SELECT
      u,
      MAX(t) AS last_t
    FROM touches
    WHERE
      TRUE
    GROUP BY
      u
  ) AS a
  LEFT JOIN first_o
    ON first_o.u = a.u
  WHERE
    first_o.u IS NULL OR NOT (
      TRUE
    )
), leads AS (
  SELECT
    contact_id AS u,
    MIN(created_at) AS lead_at
  FROM contacts
  WHERE
    NOT contact_id IS NULL
  GROUP BY
    1
), opportunities AS (
  SELECT
    d.contact_id AS u,
    MIN(d.created_at) AS opportunity_at
  FROM deals AS d
  GROUP BY
    1
), ends AS (
  SELECT
    n.u,
    n.conv,
    n.anchor,
    n.value,
    CASE WHEN n.conv AND leads.lead_at <= n.anchor THEN leads.lead_at END AS lead_at,
    CASE
      WHEN n.conv AND opportunities.opportunity_at <= n.anchor
      THEN opportunities.opportunity_at
    END AS opportunity_at
  FROM (
    SELECT
      *
    FROM converters
    UNION ALL
    SELECT
      *
    FROM others
  ) AS n
  LEFT JOIN leads
    ON leads.u = n.u
  LEFT JOIN opportunities
    ON opportunities.u = n.u
), win AS (
  SELECT
    e.u,
    e.conv,
    e.value,
    e.anchor,
    e.lead_at,
    e.opportunity_at,
    tt.t,
    tt.channel,
    tt.type,
    CASE
      WHEN e.conv
      THEN CAST(FLOOR(
        CAST(DATE_DIFF('MICROSECOND', DATE_TRUNC('MICROSECOND', tt.t), DATE_TRUNC('MICROSECOND', e.anchor)) AS DOUBLE) / 86400000000
      ) AS BIGINT)
    END AS age
  FROM ends AS e
  JOIN touches AS tt
    ON tt.u = e.u
  WHERE
    tt.t <= e.anchor
    AND NOT (
      e.conv AND tt.t = e.anchor
    )
    AND DATE_DIFF('MICROSECOND', DATE_TRUNC('MICROSECOND', tt.t), DATE_TRUNC('MICROSECOND', e.anchor)) <= 7776000000000
), journeys AS (
  SELECT
    u,
    conv,
    value,
    LISTAGG(channel, ' > ') WITHIN GROUP (ORDER BY
      t NULLS FIRST,
      channel NULLS FIRST,
      type NULLS FIRST) AS path,
    LISTAGG(CAST(age AS VARCHAR), ' ') WITHIN GROUP (ORDER BY
      t NULLS FIRST,
      channel NULLS FIRST,
      type NULLS FIRST) AS ages,
    CASE
      WHEN NOT MAX(lead_at) IS NULL
      THEN SUM(CASE WHEN t <= lead_at THEN 1 ELSE 0 END)
    END AS lead_n,
    CASE
      WHEN NOT MAX(opportunity_at) IS NULL
      THEN SUM(CASE WHEN t <= opportunity_at THEN 1 ELSE 0 END)
    END AS opportunity_n
  FROM win
  GROUP BY
    u,
    conv,
    value
)
SELECT
  COUNT(*) AS conversions,
  SUM(value) AS value
FROM converters;

SELECT
  channel,
  SUM(CAST(amount AS DOUBLE))
FROM costs
WHERE
  category IN ('media', 'event', 'content') AND NOT channel IS NULL
GROUP BY
  channel;

SELECT
  channel,
  SUM(CAST(amount AS DOUBLE))
FROM costs
WHERE
  category IN ('media', 'event', 'content') AND NOT channel IS NULL
GROUP BY
  channel;
