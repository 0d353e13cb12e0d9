"""Base metrics compiled to one aggregate query per (table, time column).

Metrics that read the same table on the same timestamp share one scan: each becomes an
aggregate with its own FILTER (its extraction condition). Rows are bucketed into fiscal
periods inside the engine, and grouped by the dimensions asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlglot import exp

from kpiflow.engine.base import timestamp as sql_timestamp
from kpiflow.model.config import ModelFile
from kpiflow.model.semantic import Resolver, joins_for, parse_condition, source_of

PERIOD_COLUMN = "period_start"
MONTHS = {"month": 1, "quarter": 3, "half": 6, "fy": 12}


@dataclass(frozen=True)
class BaseQuery:
    """One scan: the metrics it computes (output column = metric name) and its SQL."""

    table: str
    time: str
    metrics: tuple[str, ...]
    dimensions: tuple[str, ...]  # dimensions this table can be broken down by
    missing: tuple[str, ...]  # dimensions asked for that this table cannot reach
    query: exp.Select

    def sql(self, dialect: str = "duckdb") -> str:
        return self.query.sql(dialect=dialect)


def period_bucket(time: exp.Expression, kind: str, fiscal_year_start: int) -> exp.Expression:
    """First day of the fiscal period (month, quarter, half or fiscal year) containing `time`."""
    months = MONTHS[kind]
    month_start = exp.cast(exp.func("DATE_TRUNC", exp.Literal.string("month"), time), "DATE")
    if months == 1:
        return month_start
    # Months since the fiscal period began: (month - fiscal start + 12) % n, never negative.
    since = exp.Add(
        this=exp.Sub(this=exp.func("MONTH", month_start.copy()), expression=exp.convert(fiscal_year_start)),
        expression=exp.convert(12),
    )
    offset = exp.cast(exp.Mod(this=exp.paren(since), expression=exp.convert(months)), "INT")
    # DateSub transpiles to each engine's own month arithmetic (ADD_MONTHS, DATE_SUB, DATEADD, ...).
    return exp.cast(exp.DateSub(this=month_start, expression=offset, unit=exp.var("MONTH")), "DATE")


def base_queries(
    model: ModelFile,
    metrics: Sequence[str],
    *,
    kind: str | None,
    start: dt.datetime,
    end: dt.datetime,
    dimensions: Sequence[str] = (),
    columns: Mapping[str, Sequence[str]],
) -> list[BaseQuery]:
    """The scans that compute the base (count/count_distinct/sum) metrics among `metrics`.

    `kind` None puts the whole range in one bucket (start). Rows are those with
    start <= time < end; the bounds are wall-clock timestamps in the workspace zone.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for name in metrics:
        source = source_of(name, model.metrics[name])
        if source is None:
            continue
        groups.setdefault((source.table, source.time), []).append(name)
    out = []
    for (table, time), names in groups.items():
        resolver = Resolver(table, columns)
        needed: set[str] = set()
        time_column = exp.column(time, table=table, quoted=True)
        if kind is None:
            bucket: exp.Expression = exp.cast(exp.Literal.string(start.date().isoformat()), "DATE")
        else:
            bucket = period_bucket(time_column, kind, model.fiscal_year_start)
        selects: list[exp.Expression] = [bucket.as_(PERIOD_COLUMN)]
        # Grouped by the expressions, not output names: a name such as channel can exist on
        # several joined tables, and not every engine accepts GROUP BY ALL.
        group_by: list[exp.Expression] = [bucket.copy()]
        reachable, missing = [], []
        for dim in dimensions:
            try:
                expression, tables = resolver.resolve(dim)
            except LookupError:
                missing.append(dim)
                continue
            needed |= tables
            reachable.append(dim)
            selects.append(expression.as_(dim, quoted=True))
            group_by.append(expression.copy())
        aggregates, tables = metric_aggregates(model, names, resolver, table)
        selects += aggregates
        needed |= tables
        query = exp.select(*selects).from_(exp.to_table(table))
        for rel in joins_for(table, needed):
            query = query.join(exp.to_table(rel.table), on=rel.on, join_type="LEFT")
        in_range = exp.and_(
            exp.GTE(this=time_column, expression=sql_timestamp(start)),
            exp.LT(this=time_column.copy(), expression=sql_timestamp(end)),
        )
        query = query.where(in_range).group_by(*group_by)
        out.append(BaseQuery(table, time, tuple(names), tuple(reachable), tuple(missing), query))
    return out


def metric_aggregates(
    model: ModelFile, names: Sequence[str], resolver: Resolver, table: str, *, moments: bool = False
) -> tuple[list[exp.Expression], set[str]]:
    """One aggregate per base metric (with its extraction condition as a FILTER) and the tables it needs.

    With `moments`, a sum metric also gets ``<name>__n`` (values summed) and ``<name>__sq`` (sum of
    squares): enough for the tests that explain runs on amounts, without a row leaving the engine.
    """
    selects: list[exp.Expression] = []
    needed: set[str] = set()
    for name in names:
        metric = model.metrics[name]
        source = source_of(name, metric)
        condition = None
        if metric.where:
            condition, tables = resolver.qualify(parse_condition(metric.where))
            needed |= tables
        aggregates: list[tuple[str, exp.Expression]] = []
        if metric.count_distinct:
            column = exp.column(source.column, table=table, quoted=True)
            aggregates.append((name, exp.Count(this=exp.Distinct(expressions=[column]))))
        elif metric.sum:
            column = exp.column(source.column, table=table, quoted=True)
            aggregates.append((name, exp.Sum(this=column)))
            if moments:
                aggregates.append((f"{name}__n", exp.Count(this=column.copy())))
                # In floating point: squared yen overflow an engine's DECIMAL(18).
                value = exp.cast(column.copy(), "DOUBLE")
                aggregates.append((f"{name}__sq", exp.Sum(this=exp.Mul(this=value, expression=value.copy()))))
        else:
            aggregates.append((name, exp.Count(this=exp.Star())))
        for alias, agg in aggregates:
            if condition is not None:
                agg = exp.Filter(this=agg, expression=exp.Where(this=condition.copy()))
            selects.append(agg.as_(alias, quoted=True))
    return selects, needed


@dataclass(frozen=True)
class SegmentQuery:
    """One scan for explain: base metrics of two periods, in total and per segment of each dimension."""

    table: str
    metrics: tuple[str, ...]
    dimensions: tuple[str, ...]  # reachable from this table, one grouping set each
    missing: tuple[str, ...]
    query: exp.Select

    def sql(self, dialect: str = "duckdb") -> str:
        return self.query.sql(dialect=dialect)


SIDE_COLUMN = "side"


def segment_queries(
    model: ModelFile,
    metrics: Sequence[str],
    *,
    ranges: Sequence[tuple[dt.datetime, dt.datetime]],
    dimensions: Sequence[str],
    columns: Mapping[str, Sequence[str]],
) -> list[SegmentQuery]:
    """The scans behind `kpiflow explain`: one per (table, time column) for all periods and dimensions.

    Each row gets the index of the range (`side`) it falls in; the grouping sets give the total
    of each side and its split by every reachable dimension, so a table is read once however many
    dimensions are asked for. ``GROUPING(<dimension>)`` (output ``<dimension>__total``) tells a
    total row from a segment whose value is NULL. Sum metrics carry their moments.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for name in metrics:
        source = source_of(name, model.metrics[name])
        if source is not None:
            groups.setdefault((source.table, source.time), []).append(name)
    out = []
    for (table, time), names in groups.items():
        resolver = Resolver(table, columns)
        time_column = exp.column(time, table=table, quoted=True)
        in_range = [
            exp.and_(
                exp.GTE(this=time_column.copy(), expression=sql_timestamp(start)),
                exp.LT(this=time_column.copy(), expression=sql_timestamp(end)),
            )
            for start, end in ranges
        ]
        side = exp.Case(ifs=[exp.If(this=cond, true=exp.convert(i)) for i, cond in enumerate(in_range)])
        selects: list[exp.Expression] = [side.as_(SIDE_COLUMN)]
        needed: set[str] = set()
        reachable, missing, expressions = [], [], []
        for dim in dimensions:
            try:
                expression, tables = resolver.resolve(dim)
            except LookupError:
                missing.append(dim)
                continue
            needed |= tables
            reachable.append(dim)
            expressions.append(expression)
            selects.append(expression.as_(dim, quoted=True))
            selects.append(exp.func("GROUPING", expression.copy()).as_(f"{dim}__total", quoted=True))
        aggregates, tables = metric_aggregates(model, names, resolver, table, moments=True)
        selects += aggregates
        needed |= tables
        query = exp.select(*selects).from_(exp.to_table(table))
        for rel in joins_for(table, needed):
            query = query.join(exp.to_table(rel.table), on=rel.on, join_type="LEFT")
        query = query.where(exp.or_(*in_range))
        sets = [exp.Tuple(expressions=[side.copy()])]
        sets += [exp.Tuple(expressions=[side.copy(), e.copy()]) for e in expressions]
        query = query.group_by(exp.GroupingSets(expressions=sets))
        out.append(SegmentQuery(table, tuple(names), tuple(reachable), tuple(missing), query))
    return out
