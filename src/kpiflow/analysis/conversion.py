"""Cohort conversion rates of the KPI tree's stage ratios: the rates a team can try to improve.

For a stage ratio such as SQL rate (SQLs / MQLs) the cohort is every entity whose first entry
into the denominator's stage (its first MQL, or, if it skipped MQL, its first entry into a later
stage) falls in the period; it has converted when the numerator counts it (an SQL entry, or an
entry into a later stage: a skipped stage is passed through) within the ratio's window after it
entered. These are `kpiflow funnel`'s cohort semantics (HubSpot's lifecycle stages). Members whose window has not elapsed by the end of
the data are *immature*: they are left out of the rate (counted apart), so a recent cohort does
not look worse only because it has had less time. A conversion reached before the entry
(timestamps out of order) still counts and is counted in `out_of_order`.

The rate is converted / entered, between 0 and 1, with its Wilson interval. One query per ratio
and per call runs in the engine; the grouping is by the entering row's dimensions and,
optionally, by the fiscal period (quarter, ...) of the entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlglot import exp

from kpiflow.engine.base import Engine, parse
from kpiflow.engine.base import timestamp as sql_timestamp
from kpiflow.engine.metric_sql import period_bucket
from kpiflow.model.config import ModelFile
from kpiflow.model.ratios import CohortLink
from kpiflow.model.semantic import Resolver, joins_for, parse_condition, source_of


@dataclass(frozen=True)
class CohortRate:
    """One cohort conversion rate: `converted` of `entered` mature members."""

    rate: str
    period_start: dt.date | None  # the entry's fiscal period when grouped by one
    dimensions: dict[str, object]
    entered: int
    converted: int
    immature: int
    out_of_order: int
    window_days: float

    @property
    def value(self) -> float | None:
        return self.converted / self.entered if self.entered else None


def _stages_in(condition: exp.Expression, stages: Sequence[str]) -> exp.Expression:
    """`stage = 'sql'` becomes `stage IN ('sql', 'opportunity', ...)`: later stages pass through."""

    def widen(node: exp.Expression) -> exp.Expression:
        if (
            isinstance(node, exp.EQ)
            and isinstance(node.this, exp.Column)
            and node.this.name == "stage"
            and isinstance(node.expression, exp.Literal)
            and node.expression.this == stages[0]
        ):
            return exp.In(this=node.this.copy(), expressions=[exp.convert(s) for s in stages])
        return node

    return condition.transform(widen)


def _side(
    model: ModelFile,
    metric: str,
    key: str,
    columns: Mapping[str, Sequence[str]],
    *,
    dims: Sequence[str] = (),
    stages: Sequence[str] = (),
    entering: bool = False,
) -> tuple[exp.Select, str]:
    """First time each entity is counted by `metric` (with the entering side's dimensions)."""
    source = source_of(metric, model.metrics[metric])
    table = source.table
    resolver = Resolver(table, columns)
    needed: set[str] = set()
    key_column = exp.column(key, table=table, quoted=True)
    time = exp.column(source.time, table=table, quoted=True)
    conditions: list[exp.Expression] = [exp.Not(this=exp.Is(this=key_column.copy(), expression=exp.null()))]
    where = model.metrics[metric].where
    if where:
        condition = parse_condition(where)
        if stages:
            condition = _stages_in(condition, stages)
        condition, tables = resolver.qualify(condition)
        needed |= tables
        conditions.append(condition)
    first: exp.Expression = exp.func("MIN", time)
    if stages and entering:
        # Entered at its own entry into the stage; only one that skipped it enters at a later stage's.
        own = exp.Filter(
            this=exp.func("MIN", time.copy()),
            expression=exp.Where(this=exp.EQ(this=exp.column("stage", table=table, quoted=True), expression=exp.convert(stages[0]))),
        )
        first = exp.func("COALESCE", own, first)
    selects: list[exp.Expression] = [key_column.as_("entity_key"), first.as_("at")]
    for dim in dims:
        expression, tables = resolver.resolve(dim)
        needed |= tables
        # One value per entity: the dimensions of a contact or a deal do not vary by row.
        selects.append(exp.func("MIN", expression).as_(dim, quoted=True))
    query = exp.select(*selects).from_(exp.to_table(table))
    for rel in joins_for(table, needed):
        query = query.join(exp.to_table(rel.table), on=rel.on, join_type="LEFT")
    return query.where(exp.and_(*conditions)).group_by(key_column.copy()), source.time


def window_interval(days: float) -> exp.Interval:
    """`days` as a whole number of seconds, written as every engine reads an interval literal:
    INTERVAL '7776000' SECOND (Spark's grammar takes no expression, such as (7776000), as its value)."""
    return exp.Interval(this=exp.Literal.string(str(int(round(days * 86400)))), unit=exp.var("SECOND"))


def cohort_sql(
    model: ModelFile,
    link: CohortLink,
    *,
    start: dt.datetime,
    end: dt.datetime,
    bucket: str | None = None,
    dims: Sequence[str] = (),
    columns: Mapping[str, Sequence[str]],
) -> exp.Select:
    """Entered, converted, immature and out-of-order members per (bucket, dimensions)."""
    entering, _ = _side(model, link.entering, link.entering_key, columns, dims=dims, stages=link.entering_stages, entering=True)
    reaching, _ = _side(model, link.reaching, link.reaching_key, columns, stages=link.reaching_stages)
    reach_source = source_of(link.reaching, model.metrics[link.reaching])
    # The end of the data for the numerator's table: a window that runs past it has not elapsed.
    latest = exp.select(exp.func("MAX", exp.column(reach_source.time, quoted=True))).from_(exp.to_table(reach_source.table))
    template = parse(
        """SELECT e.entity_key, e.at AS entered_at, r.at AS reached_at,
                  e.at + :window <= (:latest) AS mature,
                  r.at IS NOT NULL AND r.at <= e.at + :window AS converted
           FROM entering AS e LEFT JOIN reaching AS r ON r.entity_key = e.entity_key
           WHERE e.at >= :start AND e.at < :end""",
    )
    members = exp.replace_placeholders(template, latest=latest.subquery(), start=sql_timestamp(start), end=sql_timestamp(end))
    for window in [p for p in members.find_all(exp.Placeholder) if p.name == "window"]:
        window.replace(window_interval(link.window_days))  # a node of its own at each use
    groups: list[exp.Expression] = []
    if bucket:
        groups.append(period_bucket(exp.column("at", table="e"), bucket, model.fiscal_year_start).as_("period_start"))
    groups += [exp.column(d, table="e", quoted=True).as_(d, quoted=True) for d in dims]
    members = members.select(*groups)
    summary = parse(
        """SELECT COUNT(*) FILTER (WHERE mature) AS entered,
                  COUNT(*) FILTER (WHERE mature AND converted) AS converted,
                  COUNT(*) FILTER (WHERE NOT mature) AS immature,
                  COUNT(*) FILTER (WHERE mature AND converted AND reached_at < entered_at) AS out_of_order
           FROM members""",
    )
    outputs = [exp.column(g.alias, quoted=True) for g in groups]
    query = exp.select(*outputs, *summary.expressions).from_("members")
    if outputs:
        query = query.group_by(*[o.copy() for o in outputs])
    return query.with_("entering", as_=entering).with_("reaching", as_=reaching).with_("members", as_=members)


def cohort_rates(
    engine: Engine,
    model: ModelFile,
    link: CohortLink,
    *,
    start: dt.datetime,
    end: dt.datetime,
    bucket: str | None = None,
    dims: Sequence[str] = (),
    columns: Mapping[str, Sequence[str]],
) -> list[CohortRate]:
    """The cohort conversion rate of one stage ratio for entries in [start, end)."""
    query = cohort_sql(model, link, start=start, end=end, bucket=bucket, dims=dims, columns=columns)
    out = []
    for r in engine.run(query).records():
        period_start = r.get("period_start")
        out.append(
            CohortRate(
                link.rate,
                period_start,
                {d: r[d] for d in dims},
                int(r["entered"] or 0),
                int(r["converted"] or 0),
                int(r["immature"] or 0),
                int(r["out_of_order"] or 0),
                link.window_days,
            )
        )
    return out
