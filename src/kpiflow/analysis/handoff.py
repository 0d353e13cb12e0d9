"""`kpiflow handoff`: how marketing's MQLs fare once they are handed to sales.

The unit is the **handoff**: one entry of a contact into the `mql` stage. A contact that sales
sends back and marketing qualifies again is handed off twice; each handoff is an *episode* that
runs from its `mql` entry to the contact's next `mql` entry (or to the end of the data), and
everything below is looked for inside the episode only. The handoffs of a period are the `mql`
entries in it (``period=None``: all of them).

- **SQL**: the first `sql` entry at or after the MQL. An `sql` entry recorded *before* the MQL
  (a stage-order problem that `kpiflow check` reports) does not make that MQL an SQL. The lag is
  the time from the MQL to that entry, in days (median and quartiles of the SQLs).
- **First sales touch**: the first touchpoint at or after the MQL whose type is one of
  `handoff.sales_touch_types` and that was made by the contact's owner. A touch whose `owner`
  is set to someone else (a colleague, another team) does not count. A touch with an empty
  `owner` counts: most CRMs do not record who sent an e-mail or logged an activity, and the
  model declares these types to be sales touches (drop a type from `sales_touch_types` if it
  is marketing's, such as a newsletter `email_open`). When the contact has no owner, a touch
  by anyone counts. The SLA is met when the first touch comes within `handoff.sla_hours` of
  the MQL, the limit itself included; an MQL never touched misses it.
- **Recycled**: sales sent the MQL back (the contact re-entered `handoff.recycle_stage` after
  the MQL and before any SQL of the episode: *returned*), or the MQL sat without an SQL for
  `stale_days` (default 90) after the MQL although that much time has passed by `as_of`
  (*stalled*). The two are disjoint. MQLs younger than `stale_days` at `as_of` are *immature*:
  their SQL, recycle and stall counts can still grow. `as_of` defaults to the latest entry in
  stage_history (the end of the export).
- **Handed-off leads** (the SQLs): the deals of the contact created at or after the MQL within
  the episode. `opportunities` counts SQLs with at least one deal; `won` and `lost` count
  deals, and the close rate is won / (won + lost). The time to close is from the SQL to the
  `closed_at` of each won deal, in days.
- **Loss reasons**: the lost deals of handed-off leads by reason, overall, by channel and by
  owner, where channel and owner are the deal's own (the contact's when the deal has none).
- **Speed effect**: the SQL rate of MQLs that met the SLA against those that missed it (never
  touched included), with a pooled two-proportion z-test. It is an association: sales may call
  the leads that look hottest first.

Every rate carries its counts and a 95% Wilson interval; fewer than 30 MQLs in a segment is a
small sample. One query computes the episodes once (window functions and range joins), then
aggregates them by segment, by SLA status and overall (grouping sets) and counts the loss
reasons beside them. Nothing loops over rows in Python.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

from sqlglot import exp

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.result import Described
from kpiflow.engine.base import Engine, fill, parse
from kpiflow.engine.base import timestamp as sql_timestamp
from kpiflow.errors import KpiflowError, ModelError, UnknownNameError, hint_or_expected, suggest
from kpiflow.messages import say
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period
from kpiflow.model.semantic import Resolver, joins_for
from kpiflow.stats import SMALL_SAMPLE, Rate, two_proportion_test

MQL_STAGE = "mql"
SQL_STAGE = "sql"
STALE_DAYS = 90
"""Days without an SQL after which an MQL counts as recycled (stalled)."""


class HandoffError(KpiflowError, ValueError):
    """An option of the handoff analysis cannot be used (stale_days, as_of)."""

    exit_code = 2


_US_PER_HOUR = 3_600_000_000
_US_PER_DAY = 24 * _US_PER_HOUR

# Placeholders: :mql, :sql, :recycle (stage names), :in_period, :sales_touch, :touch_owner
# (conditions), :segment (the breakdown expression), :sla_us, :stale_us (microseconds), :as_of.
# Durations are whole microseconds (exact on every engine) divided as DOUBLE, as
# kpiflow.engine.base.days_between spells them: a DECIMAL divisor such as 86400000000.0 makes
# Spark divide in DECIMAL and cut the digits.
# The joins the segment needs (contacts -> accounts) are added to `handoffs` by `_episodes`.
_EPISODES = """
WITH mql_entries AS (
  SELECT e.entity_id AS contact_id, e.entered_at AS mql_at,
         LEAD(e.entered_at) OVER (PARTITION BY e.entity_id ORDER BY e.entered_at) AS next_mql_at
  FROM (
    SELECT DISTINCT entity_id, entered_at FROM stage_history
    WHERE entity = 'contact' AND stage = :mql AND entered_at IS NOT NULL
  ) AS e
),
handoffs AS (
  SELECT m.contact_id, m.mql_at, m.next_mql_at, contacts.owner AS contact_owner,
         contacts.channel AS contact_channel, :segment AS segment
  FROM mql_entries AS m
  LEFT JOIN contacts ON contacts.contact_id = m.contact_id
  WHERE :in_period
),
marks AS (
  SELECT h.contact_id, h.mql_at,
         MIN(s.entered_at) FILTER (WHERE s.stage = :sql) AS sql_at,
         MIN(s.entered_at) FILTER (WHERE s.stage = :recycle AND s.entered_at > h.mql_at) AS returned_at
  FROM handoffs AS h
  JOIN stage_history AS s
    ON s.entity = 'contact' AND s.entity_id = h.contact_id AND s.stage IN (:sql, :recycle)
   AND s.entered_at >= h.mql_at AND (h.next_mql_at IS NULL OR s.entered_at < h.next_mql_at)
  GROUP BY h.contact_id, h.mql_at
),
touches AS (
  SELECT h.contact_id, h.mql_at, MIN(t.occurred_at) AS touch_at
  FROM handoffs AS h
  JOIN touchpoints AS t
    ON t.contact_id = h.contact_id AND :sales_touch AND :touch_owner
   AND t.occurred_at >= h.mql_at AND (h.next_mql_at IS NULL OR t.occurred_at < h.next_mql_at)
  GROUP BY h.contact_id, h.mql_at
),
episodes AS (
  SELECT h.contact_id, h.mql_at, h.next_mql_at, h.contact_owner, h.contact_channel, h.segment,
         m.sql_at, t.touch_at,
         m.sql_at IS NOT NULL AS is_sql,
         CAST(DATE_DIFF('microsecond', h.mql_at, m.sql_at) AS DOUBLE) / 86400000000 AS lag_days,
         CAST(DATE_DIFF('microsecond', h.mql_at, t.touch_at) AS DOUBLE) / 3600000000 AS touch_hours,
         COALESCE(DATE_DIFF('microsecond', h.mql_at, t.touch_at) <= :sla_us, FALSE) AS sla_met,
         COALESCE(m.returned_at IS NOT NULL AND (m.sql_at IS NULL OR m.returned_at < m.sql_at), FALSE) AS returned,
         DATE_DIFF('microsecond', h.mql_at, :as_of) < :stale_us AS immature
  FROM handoffs AS h
  LEFT JOIN marks AS m ON m.contact_id = h.contact_id AND m.mql_at = h.mql_at
  LEFT JOIN touches AS t ON t.contact_id = h.contact_id AND t.mql_at = h.mql_at
),
classified AS (
  SELECT *,
         NOT returned AND NOT immature
           AND (sql_at IS NULL OR DATE_DIFF('microsecond', mql_at, sql_at) > :stale_us) AS stalled
  FROM episodes
),
handoff_deals AS (
  SELECT h.segment, h.contact_id, h.mql_at, d.deal_id, d.outcome, d.loss_reason,
         COALESCE(NULLIF(TRIM(d.channel), ''), h.contact_channel) AS channel,
         COALESCE(NULLIF(TRIM(d.owner), ''), h.contact_owner) AS owner,
         CASE WHEN d.outcome = 'won' THEN CAST(DATE_DIFF('microsecond', m.sql_at, d.closed_at) AS DOUBLE) / 86400000000 END AS close_days
  FROM handoffs AS h
  JOIN marks AS m ON m.contact_id = h.contact_id AND m.mql_at = h.mql_at AND m.sql_at IS NOT NULL
  JOIN deals AS d
    ON d.contact_id = h.contact_id AND d.created_at >= h.mql_at
   AND (h.next_mql_at IS NULL OR d.created_at < h.next_mql_at)
)
SELECT 1
"""

# One row per handoff and one per deal of a handed-off lead, aggregated three ways at once.
_SUMMARY = """
SELECT
  GROUPING(segment) AS by_segment, GROUPING(sla_met) AS by_sla, segment, sla_met,
  COUNT(*) FILTER (WHERE kind = 'handoff') AS mqls,
  COUNT(*) FILTER (WHERE kind = 'handoff' AND is_sql) AS sqls,
  QUANTILE_CONT(lag_days, 0.5) AS median_lag_days,
  QUANTILE_CONT(lag_days, 0.25) AS p25_lag_days,
  QUANTILE_CONT(lag_days, 0.75) AS p75_lag_days,
  COUNT(*) FILTER (WHERE kind = 'handoff' AND sla_met) AS sla_met_count,
  COUNT(*) FILTER (WHERE kind = 'handoff' AND touch_hours IS NULL) AS never_touched,
  QUANTILE_CONT(touch_hours, 0.5) AS median_hours_to_touch,
  COUNT(*) FILTER (WHERE kind = 'handoff' AND returned) AS returned,
  COUNT(*) FILTER (WHERE kind = 'handoff' AND stalled) AS stalled,
  COUNT(*) FILTER (WHERE kind = 'handoff' AND immature) AS immature,
  COUNT(DISTINCT CASE WHEN kind = 'deal' THEN handoff_key END) AS opportunities,
  COUNT(*) FILTER (WHERE kind = 'deal' AND outcome = 'won') AS won,
  COUNT(*) FILTER (WHERE kind = 'deal' AND outcome = 'lost') AS lost,
  QUANTILE_CONT(close_days, 0.5) AS median_days_to_close
FROM (
  SELECT 'handoff' AS kind, segment, sla_met, CAST(mql_at AS VARCHAR) || contact_id AS handoff_key, is_sql,
         lag_days, touch_hours, returned, stalled, immature, CAST(NULL AS VARCHAR) AS outcome,
         CAST(NULL AS DOUBLE) AS close_days
  FROM classified
  UNION ALL
  SELECT 'deal', d.segment, c.sla_met, CAST(d.mql_at AS VARCHAR) || d.contact_id, NULL, NULL, NULL, NULL, NULL, NULL,
         d.outcome, d.close_days
  FROM handoff_deals AS d JOIN classified AS c ON c.contact_id = d.contact_id AND c.mql_at = d.mql_at
) AS unioned
GROUP BY GROUPING SETS ((segment), (sla_met), ())
"""

_LOSSES = """
SELECT
  GROUPING(channel) AS by_channel, GROUPING(owner) AS by_owner, channel, owner, loss_reason,
  COUNT(*) AS lost,
  SUM(COUNT(*)) OVER (PARTITION BY GROUPING(channel), GROUPING(owner), channel, owner) AS group_lost
FROM handoff_deals
WHERE outcome = 'lost'
GROUP BY GROUPING SETS ((loss_reason), (channel, loss_reason), (owner, loss_reason))
"""


@dataclass(frozen=True)
class HandoffRecord:
    """The handoff of one segment (or of everything, when `dimension` is None)."""

    dimension: str | None
    key: object
    mqls: int
    sqls: int
    sql_rate: Rate
    median_lag_days: float | None
    p25_lag_days: float | None
    p75_lag_days: float | None
    sla_met: int
    sla_rate: Rate
    never_touched: int
    median_hours_to_touch: float | None
    returned: int
    stalled: int
    recycled: int
    recycle_rate: Rate
    immature: int
    opportunities: int
    opportunity_rate: Rate
    won: int
    lost: int
    close_rate: Rate
    median_days_to_close: float | None

    @property
    def small_sample(self) -> bool:
        return self.mqls < SMALL_SAMPLE

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {self.dimension: self.key} if self.dimension else {}
        out |= {
            "mqls": self.mqls,
            "sqls": self.sqls,
            "sql_rate": self.sql_rate.value,
            "ci_low": self.sql_rate.ci_low,
            "ci_high": self.sql_rate.ci_high,
            "median_lag_days": self.median_lag_days,
            "p25_lag_days": self.p25_lag_days,
            "p75_lag_days": self.p75_lag_days,
            "sla_met": self.sla_met,
            "sla_rate": self.sla_rate.value,
            "sla_ci_low": self.sla_rate.ci_low,
            "sla_ci_high": self.sla_rate.ci_high,
            "never_touched": self.never_touched,
            "median_hours_to_touch": self.median_hours_to_touch,
            "returned": self.returned,
            "stalled": self.stalled,
            "recycled": self.recycled,
            "recycle_rate": self.recycle_rate.value,
            "recycle_ci_low": self.recycle_rate.ci_low,
            "recycle_ci_high": self.recycle_rate.ci_high,
            "immature": self.immature,
            "opportunities": self.opportunities,
            "opportunity_rate": self.opportunity_rate.value,
            "opportunity_ci_low": self.opportunity_rate.ci_low,
            "opportunity_ci_high": self.opportunity_rate.ci_high,
            "won": self.won,
            "lost": self.lost,
            "close_rate": self.close_rate.value,
            "close_ci_low": self.close_rate.ci_low,
            "close_ci_high": self.close_rate.ci_high,
            "median_days_to_close": self.median_days_to_close,
            "small_sample": self.small_sample,
        }
        return out


@dataclass(frozen=True)
class LossReason:
    """Lost deals of handed-off leads with one reason, within a group (all, a channel or an owner)."""

    dimension: str | None  # None (all lost deals), "channel" or "owner"
    key: object
    loss_reason: str | None
    lost: int
    share: Rate  # of the group's lost deals

    @property
    def small_sample(self) -> bool:
        return self.share.total < SMALL_SAMPLE

    def to_dict(self) -> dict[str, object]:
        return {
            "dimension": self.dimension,
            "key": self.key,
            "loss_reason": self.loss_reason,
            "lost": self.lost,
            "group_lost": self.share.total,
            "share": self.share.value,
            "ci_low": self.share.ci_low,
            "ci_high": self.share.ci_high,
            "small_sample": self.small_sample,
        }


@dataclass(frozen=True)
class SpeedEffect:
    """SQL rate of MQLs that met the follow-up SLA against those that missed it."""

    met: Rate
    missed: Rate
    difference: float | None  # met - missed
    z: float | None
    p_value: float | None

    @property
    def small_sample(self) -> bool:
        return min(self.met.total, self.missed.total) < SMALL_SAMPLE

    def to_dict(self) -> dict[str, object]:
        return {
            "met_mqls": self.met.total,
            "met_sqls": self.met.count,
            "met_sql_rate": self.met.value,
            "met_ci_low": self.met.ci_low,
            "met_ci_high": self.met.ci_high,
            "missed_mqls": self.missed.total,
            "missed_sqls": self.missed.count,
            "missed_sql_rate": self.missed.value,
            "missed_ci_low": self.missed.ci_low,
            "missed_ci_high": self.missed.ci_high,
            "difference": self.difference,
            "z": self.z,
            "p_value": self.p_value,
            "small_sample": self.small_sample,
        }


@dataclass(frozen=True)
class HandoffSettings:
    sla_hours: float
    sales_touch_types: tuple[str, ...]
    recycle_stage: str | None
    stale_days: float
    as_of: dt.datetime | None


@dataclass(frozen=True)
class HandoffResult(Described):
    period: str | None  # the period's label; None for all MQLs
    by: str | None
    settings: HandoffSettings
    total: HandoffRecord
    records: list[HandoffRecord]  # one per segment (just the total without `by`)
    loss_reasons: list[LossReason]
    speed_effect: SpeedEffect
    queries: list[str] = field(default_factory=list)

    ANALYSIS = "handoff"
    MAIN = "records"
    PARAMS = ("period", "by")

    def record(self, key: object = None) -> HandoffRecord:
        """The record of one segment (`key` is the dimension value; without `by`, the total)."""
        if self.by is None:
            return self.total
        for r in self.records:
            if r.key == key:
                return r
        raise LookupError(
            f"no handoff record for {self.by} = {key!r}; segments: {', '.join(map(str, (r.key for r in self.records)))}"
        )

    def losses(self, dimension: str | None = None, key: object = None) -> dict[str | None, int]:
        """Lost deals by reason within one group: all (default), or ("channel", "ads"), ("owner", ...)."""
        return {r.loss_reason: r.lost for r in self.loss_reasons if r.dimension == dimension and r.key == key}

    def to_json_data(self) -> dict[str, object]:
        settings = asdict(self.settings)
        settings["sales_touch_types"] = list(self.settings.sales_touch_types)
        settings["as_of"] = self.settings.as_of.isoformat(sep=" ") if self.settings.as_of else None
        return {
            "period": self.period,
            "by": self.by,
            "settings": settings,
            "total": self.total.to_dict(),
            "records": [r.to_dict() for r in self.records],
            "loss_reasons": [r.to_dict() for r in self.loss_reasons],
            "speed_effect": self.speed_effect.to_dict(),
        }

    def to_frame(self):
        """A pandas DataFrame of the records, one row per segment (pandas is optional)."""
        return records_frame([r.to_dict() for r in self.records])


def handoff(
    engine: Engine,
    model: ModelFile,
    *,
    period: Period | None = None,
    by: str | None = None,
    columns: Mapping[str, Sequence[str]],
    lang: str = "en",
    stale_days: float = STALE_DAYS,
    as_of: dt.datetime | dt.date | None = None,
) -> HandoffResult:
    """MQL -> SQL rate and lag, follow-up SLA, recycling and the fate of handed-off leads.

    `by` is any column reachable from contacts (channel, owner, campaign, industry, region,
    `accounts.size_band`, ...). `columns` are the columns each table really has
    (`Workspace.columns()`). `stale_days` is how long an MQL may wait for an SQL before it
    counts as recycled; `as_of` is when the data end (default: the latest stage entry; a date
    means its midnight). See the module docstring for every definition.
    """
    if isinstance(stale_days, bool) or not isinstance(stale_days, (int, float)) or not 0 < stale_days < math.inf:
        raise HandoffError(f"stale_days must be a number of days > 0, such as 90 (got {stale_days!r})")
    if isinstance(as_of, dt.datetime) and as_of.utcoffset() is not None:
        raise HandoffError(
            f"as_of {as_of.isoformat()} has a time zone; kpiflow timestamps are naive wall-clock times in the workspace zone"
        )
    if isinstance(as_of, dt.date) and not isinstance(as_of, dt.datetime):
        as_of = dt.datetime.combine(as_of, dt.time())
    settings = model.handoff
    stages = model.stage_names("contact")
    for stage in (MQL_STAGE, SQL_STAGE):
        if stage not in stages:
            raise ModelError.worded(lambda lang, stage=stage: say("handoff.needs_stage", lang, stage=stage, stages=", ".join(stages)))
    recycle = settings.recycle_stage
    if recycle is not None and recycle not in stages:
        hint = suggest(recycle, stages)
        raise ModelError.worded(
            lambda lang: say(
                "handoff.recycle_stage", lang, stage=recycle, hint=hint_or_expected(hint, stages, lang)
            )
        )
    if as_of is None:
        as_of = engine.run(exp.select(exp.func("MAX", exp.column("entered_at"))).from_("stage_history")).scalar()
    episodes = _episodes(model, period, by, columns, stale_days, as_of)
    # Both parts in one statement, so that the episodes are computed once (the loss reasons need no touches).
    sql = engine.render(_finish(episodes, _stacked({"summary": _SUMMARY, "losses": _LOSSES})))
    parts: dict[str, list[dict[str, object]]] = {"summary": [], "losses": []}
    for record in engine.run(sql).records():
        parts[record["part"]].append(record)
    rows, loss_rows = parts["summary"], parts["losses"]

    total = next((r for r in rows if r["by_segment"] and r["by_sla"]), None)
    segments = [r for r in rows if not r["by_segment"]]
    by_sla = {bool(r["sla_met"]): r for r in rows if not r["by_sla"] and r["by_segment"]}
    records = [_record(by, r["segment"], r) for r in sorted(segments, key=lambda r: (r["segment"] is None, str(r["segment"])))]
    total_record = _record(None, None, total or {})
    return HandoffResult(
        period=period.label(lang) if period else None,
        by=by,
        settings=HandoffSettings(settings.sla_hours, tuple(settings.sales_touch_types), recycle, stale_days, as_of),
        total=total_record,
        records=records if by else [total_record],
        loss_reasons=_loss_reasons(loss_rows),
        speed_effect=_speed(by_sla.get(True, {}), by_sla.get(False, {})),
        queries=[sql],
    )


def _episodes(
    model: ModelFile,
    period: Period | None,
    by: str | None,
    columns: Mapping[str, Sequence[str]],
    stale_days: float,
    as_of: dt.datetime | None,
) -> exp.Select:
    """The CTE chain that yields one row per handoff (`classified`) and per deal (`handoff_deals`)."""
    settings = model.handoff
    segment: exp.Expression = exp.null()
    needed: set[str] = set()
    if by:
        table, _, name = by.rpartition(".")
        try:
            segment, needed = Resolver("contacts", columns).resolve(name, table or None)
        except LookupError as e:
            raise UnknownNameError(str(e).strip("'\"")) from None
    if period is None:
        in_period: exp.Expression = exp.true()
    else:
        start, end = period.sql_bounds()
        mql_at = exp.column("mql_at", table="m")
        in_period = exp.and_(mql_at >= sql_timestamp(start), mql_at.copy() < sql_timestamp(end))
    touch_type = exp.column("type", table="t")
    sales_touch = touch_type.isin(*settings.sales_touch_types) if settings.sales_touch_types else exp.false()
    query = fill(
        _EPISODES,
        mql=exp.Literal.string(MQL_STAGE),
        sql=exp.Literal.string(SQL_STAGE),
        recycle=exp.Literal.string(settings.recycle_stage) if settings.recycle_stage else exp.null(),
        in_period=in_period,
        sales_touch=sales_touch,
        touch_owner=_touch_by_owner(columns),
        segment=segment,
        sla_us=exp.Literal.number(round(settings.sla_hours * _US_PER_HOUR)),
        stale_us=exp.Literal.number(round(stale_days * _US_PER_DAY)),
        as_of=sql_timestamp(as_of) if as_of is not None else exp.cast(exp.null(), "TIMESTAMP"),
    )
    handoffs = next(cte for cte in query.find_all(exp.CTE) if cte.alias == "handoffs").this
    for rel in joins_for("contacts", needed):
        handoffs.join(exp.to_table(rel.table), on=rel.on, join_type="LEFT", copy=False)
    return query


def _touch_by_owner(columns: Mapping[str, Sequence[str]]) -> exp.Expression:
    """A touch counts when its owner is empty, the contact has no owner, or they are the same person."""
    if "owner" not in columns.get("touchpoints", ()):
        return exp.true()
    return exp.paren(
        parse(
            "NULLIF(TRIM(t.owner), '') IS NULL OR NULLIF(TRIM(h.contact_owner), '') IS NULL OR TRIM(t.owner) = TRIM(h.contact_owner)",
        )
    )


def _finish(episodes: exp.Select, final: exp.Query) -> exp.Expression:
    """The episodes' CTEs followed by `final` as the outer query."""
    query = final.copy()
    query.set("with_", episodes.args["with_"].copy())
    return query


def _stacked(parts: Mapping[str, str]) -> exp.Query:
    """The rows of every part (name -> DuckDB SQL) in one result, `part` telling them apart:
    each part lists every part's columns, NULL for those it lacks (what DuckDB's UNION BY NAME
    does, spelt so that every engine reads it), and a column two parts share is one column."""
    queries = {name: parse(sql) for name, sql in parts.items()}
    names = list(dict.fromkeys(column.alias_or_name for query in queries.values() for column in query.selects))
    selects = []
    for part, query in queries.items():
        own = {column.alias_or_name for column in query.selects}
        columns = [exp.column(name) if name in own else exp.null().as_(name) for name in names]
        selects.append(exp.select(exp.Literal.string(part).as_("part"), *columns).from_(query.subquery(part)))
    return exp.union(*selects, distinct=False)


def _number(value: object) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _record(dimension: str | None, key: object, row: Mapping[str, object]) -> HandoffRecord:
    count = lambda name: int(row.get(name) or 0)  # noqa: E731
    mqls, sqls = count("mqls"), count("sqls")
    returned, stalled = count("returned"), count("stalled")
    opportunities, won, lost = count("opportunities"), count("won"), count("lost")
    return HandoffRecord(
        dimension=dimension,
        key=key,
        mqls=mqls,
        sqls=sqls,
        sql_rate=Rate.of(sqls, mqls),
        median_lag_days=_number(row.get("median_lag_days")),
        p25_lag_days=_number(row.get("p25_lag_days")),
        p75_lag_days=_number(row.get("p75_lag_days")),
        sla_met=count("sla_met_count"),
        sla_rate=Rate.of(count("sla_met_count"), mqls),
        never_touched=count("never_touched"),
        median_hours_to_touch=_number(row.get("median_hours_to_touch")),
        returned=returned,
        stalled=stalled,
        recycled=returned + stalled,
        recycle_rate=Rate.of(returned + stalled, mqls),
        immature=count("immature"),
        opportunities=opportunities,
        opportunity_rate=Rate.of(opportunities, sqls),
        won=won,
        lost=lost,
        close_rate=Rate.of(won, won + lost),
        median_days_to_close=_number(row.get("median_days_to_close")),
    )


def _loss_reasons(rows: Sequence[Mapping[str, object]]) -> list[LossReason]:
    out = []
    for r in rows:
        if not r["by_channel"]:
            dimension, key = "channel", r["channel"]
        elif not r["by_owner"]:
            dimension, key = "owner", r["owner"]
        else:
            dimension, key = None, None
        out.append(LossReason(dimension, key, r["loss_reason"], int(r["lost"]), Rate.of(int(r["lost"]), int(r["group_lost"]))))
    order = {None: 0, "channel": 1, "owner": 2}
    return sorted(
        out,
        key=lambda r: (order[r.dimension], r.key is None, str(r.key), -r.lost, r.loss_reason is None, str(r.loss_reason)),
    )


def _speed(met: Mapping[str, object], missed: Mapping[str, object]) -> SpeedEffect:
    met_rate = Rate.of(int(met.get("sqls") or 0), int(met.get("mqls") or 0))
    missed_rate = Rate.of(int(missed.get("sqls") or 0), int(missed.get("mqls") or 0))
    if met_rate.total == 0 or missed_rate.total == 0:
        return SpeedEffect(met_rate, missed_rate, None, None, None)
    z, p = two_proportion_test(met_rate.count, met_rate.total, missed_rate.count, missed_rate.total)
    return SpeedEffect(met_rate, missed_rate, met_rate.value - missed_rate.value, z, p)


__all__ = ["HandoffError", "HandoffRecord", "HandoffResult", "LossReason", "Rate", "SpeedEffect", "STALE_DAYS", "handoff"]
