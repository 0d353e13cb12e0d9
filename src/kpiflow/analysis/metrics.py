"""`kpiflow metrics`: the value of every metric per period and dimension.

Base metrics (count, count_distinct, sum) are computed in the engine, one scan per table and
timestamp; ratios are sum(numerator) / sum(denominator) per group, never an average of
ratios; formulas are arithmetic over metric values. A ratio of two counts carries its counts,
and a denominator below 30 is flagged as a small sample; a conversion rate (a proportion of
entities) also carries its 95% Wilson interval, a throughput ratio (period counts, may pass
100%) does not and says so when it passes 100% (`kpiflow.model.ratios`).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat
from typing import NamedTuple

from sqlglot import exp

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.result import Described
from kpiflow.engine.base import Engine, parse
from kpiflow.engine.metric_sql import PERIOD_COLUMN, SIDE_COLUMN, base_queries, segment_queries
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period, means_all, parse_last, parse_period, periods_between, trailing
from kpiflow.model.ratios import CONVERSION, THROUGHPUT, ratio_kind
from kpiflow.model.semantic import MetricSource, check_dimensions, dependencies, source_of
from kpiflow.stats import SMALL_SAMPLE, wilson_interval

PERIOD_KINDS = ("month", "quarter", "half", "fy")


class MetricValue(NamedTuple):
    """One metric in one period and dimension cell (immutable; a named tuple because a
    breakdown by month x channel x industry makes thousands of them)."""

    metric: str
    period: str
    period_start: dt.date
    dimensions: dict[str, object]
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    small_sample: bool = False
    note: str | None = None
    ratio_kind: str | None = None  # conversion | throughput (kpiflow.model.ratios), None otherwise

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"metric": self.metric, "period": self.period, **self.dimensions, "value": self.value}
        if self.denominator is not None or self.numerator is not None:
            out |= {"numerator": self.numerator, "denominator": self.denominator, "ci_low": self.ci_low, "ci_high": self.ci_high}
            out["small_sample"] = self.small_sample
            if self.ratio_kind:
                out["ratio_kind"] = self.ratio_kind
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class MetricsResult(Described):
    metrics: list[str]
    dimensions: list[str]
    periods: list[Period]
    records: list[MetricValue]
    queries: list[str] = field(default_factory=list)

    ANALYSIS = "metrics"
    MAIN = "values"
    KINDS = {"numerator": "count", "denominator": "count", "ci_low": "measure", "ci_high": "measure"}

    def params(self) -> dict[str, object]:
        return {"metrics": list(self.metrics), "periods": list(dict.fromkeys(r.period for r in self.records)), "dimensions": list(self.dimensions)}

    def to_json_data(self) -> list[dict[str, object]]:
        return [r.to_dict() for r in self.records]

    def to_frame(self):
        """A pandas DataFrame of the records (pandas is optional)."""
        return records_frame(self.to_json_data())

    def value(self, metric: str, period: str | None = None, **dimensions: object) -> float | None:
        """The value of one metric in one period (and dimension values): for tests and scripts."""
        for r in self.records:
            if (
                r.metric == metric
                and (period is None or r.period == period)
                and all(r.dimensions.get(k) == v for k, v in dimensions.items())
            ):
                return r.value
        raise LookupError(f"no value for {metric} {period} {dimensions}")

    def record(self, metric: str, period: str | None = None, **dimensions: object) -> MetricValue:
        for r in self.records:
            if (
                r.metric == metric
                and (period is None or r.period == period)
                and all(r.dimensions.get(k) == v for k, v in dimensions.items())
            ):
                return r
        raise LookupError(f"no value for {metric} {period} {dimensions}")


def closure(model: ModelFile, names: Sequence[str]) -> list[str]:
    """The metrics asked for and everything they depend on, dependencies first."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        for dep in dependencies(model, name):
            visit(dep)
        order.append(name)

    for name in names:
        if name not in model.metrics:
            raise UnknownNameError.for_name("metric", name, model.metrics)
        visit(name)
    return order


def resolve_periods(
    engine: Engine,
    model: ModelFile,
    names: Sequence[str],
    *,
    period: str | Period | None,
    start: str | None,
    end: str | None,
    last: str | None,
    today: dt.date | None = None,
    cache: dict | None = None,
) -> tuple[str | None, list[Period]]:
    """The period kind and the list of periods to report, from the CLI's options.

    `period` is a kind (month, quarter, half, fy: every such period the data touches), one
    period or range of periods (text or a `Period`: that one alone), or ``all`` (one period
    from the first to the last day the metrics could count).
    """
    fys = model.fiscal_year_start
    kind = period if period in PERIOD_KINDS else None

    def bounds() -> tuple[dt.date | None, dt.date | None]:
        key = ("bounds", tuple(names))
        if cache is None:
            return _bounds(engine, model, names)
        if key not in cache:
            cache[key] = _bounds(engine, model, names)
        return cache[key]

    if isinstance(period, Period):
        return (period.kind if period.kind in PERIOD_KINDS else None), [period]
    if means_all(period):
        earliest, latest = bounds()
        return None, ([Period.custom(earliest, latest, fys)] if earliest and latest else [])
    if period and kind is None:
        single = parse_period(period, fys)
        return (single.kind if single.kind in PERIOD_KINDS else None), [single]
    kind = kind or "quarter"
    if last:
        window = parse_last(last)
        # Complete periods before today, or before the day after the data ends if that is earlier
        # (a demo or an old export should not show empty recent quarters).
        latest = bounds()[1]
        reference = today or min(dt.date.today(), latest + dt.timedelta(days=1)) if latest else (today or dt.date.today())
        periods = trailing(window, reference, fys)
        return periods[0].kind, periods
    if start or end:
        first = parse_period(start, fys).start if start else bounds()[0]
        stop = parse_period(end, fys).end if end else (bounds()[1] or first) + dt.timedelta(days=1)
        return kind, periods_between(kind, first, stop, fys)
    earliest, latest = bounds()
    if earliest is None or latest is None:
        return kind, []
    return kind, periods_between(kind, earliest, latest + dt.timedelta(days=1), fys)


def _bounds(engine: Engine, model: ModelFile, names: Sequence[str]) -> tuple[dt.date | None, dt.date | None]:
    """Earliest and latest timestamp the metrics could count, in one query."""
    scans = []
    sources = {(s.table, s.time) for n in closure(model, names) if (s := source_of(n, model.metrics[n])) is not None}
    for table, time in sorted(sources):
        source = MetricSource(table, None, time)
        column = exp.column(source.time, quoted=True)
        scans.append(
            exp.select(exp.func("min", column).as_("lo"), exp.func("max", column).as_("hi")).from_(exp.to_table(source.table))
        )
    if not scans:
        return None, None
    union = scans[0]
    for scan in scans[1:]:
        union = exp.union(union, scan, distinct=False)
    query = exp.select(exp.func("min", exp.column("lo")), exp.func("max", exp.column("hi"))).from_(union.subquery("bounds"))
    low, high = engine.run(query).one()
    as_date = lambda v: v.date() if isinstance(v, dt.datetime) else v  # noqa: E731
    return as_date(low), as_date(high)


def _number(value: object) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value  # type: ignore[return-value]


def compute_metrics(
    engine: Engine,
    model: ModelFile,
    names: Sequence[str],
    periods: Sequence[Period],
    *,
    kind: str | None,
    dimensions: Sequence[str] = (),
    columns: Mapping[str, Sequence[str]],
    lang: str = "en",
    cache: dict | None = None,
) -> MetricsResult:
    """Evaluate `names` for each period (all of one kind, or one custom range) and dimension.

    `cache` (owned by the workspace, emptied when data is loaded) keeps compiled SQL.
    """
    check_dimensions(dimensions, columns, model.dimensions)
    if not periods:
        return MetricsResult(list(names), list(dimensions), [], [])
    needed = closure(model, names)
    start, _ = periods[0].sql_bounds()
    _, end = periods[-1].sql_bounds()
    key = ("scans", engine.dialect, tuple(needed), kind, start, end, tuple(dimensions))
    scans = cache.get(key) if cache is not None else None
    if scans is None:
        scans = base_queries(model, needed, kind=kind, start=start, end=end, dimensions=dimensions, columns=columns)
        scans = [(scan, scan.sql(engine.dialect)) for scan in scans]
        if cache is not None:
            cache[key] = scans
    # (period start, *dimension values) -> the scan's row, per scan (the period start alone without
    # dimensions). A scan that cannot reach one of the dimensions files nothing here: its metrics
    # are empty (with a note) at that breakdown, never mixed up with rows whose dimension value
    # really is NULL.
    found: list[tuple[list[tuple[str, int]], dict]] = []
    unreachable: dict[str, tuple[str, ...]] = {}
    for scan, text in scans:
        if scan.missing:
            for metric in scan.metrics:
                unreachable[metric] = scan.missing
            continue
        result = engine.run(text)
        header = list(result.columns)
        cell_of = operator.itemgetter(header.index(PERIOD_COLUMN), *(header.index(d) for d in dimensions))
        rows = dict(zip(map(cell_of, result.rows), result.rows, strict=True))
        found.append(([(m, header.index(m)) for m in scan.metrics], rows))
    # Every combination of dimension values seen in any period is reported in every period.
    if dimensions:
        seen = {key[1:] for _, rows in found for key in rows}
        dim_keys = sorted(seen, key=lambda t: tuple((v is None, str(v)) for v in t))
        keys = [(p.start,) + dims for p in periods for dims in dim_keys]  # the cells, in the records' order
    else:
        dim_keys, keys = [()], [p.start for p in periods]
    base: dict[str, list] = {}
    for metric_at, rows in found:
        matched = [rows.get(key) for key in keys]
        for metric, i in metric_at:
            base[metric] = _base_values(matched, i)
    plans = _plans(model, needed, unreachable, cache)
    evaluated = _evaluate(plans, base, len(keys))
    # One dict of dimension values per combination, shared by its records in every period.
    shared = [dict(zip(dimensions, dims, strict=True)) for dims in dim_keys]
    cells = _Cells(
        [label for p in periods for label in [p.label(lang)] * len(dim_keys)],
        [start for p in periods for start in [p.start] * len(dim_keys)],
        shared * len(periods),
    )
    per_metric = [plans[n].records(evaluated[n], cells) for n in names]
    records = list(itertools.chain.from_iterable(zip(*per_metric, strict=True)))
    return MetricsResult(
        list(names), list(dimensions), list(periods), records, [text for scan, text in scans if not scan.missing]
    )


def _base_values(rows: Sequence[tuple | None], i: int) -> list:
    """Column `i` of each row as a number, 0 where there is no row or no value."""
    values = [None if row is None else row[i] for row in rows]
    if any(isinstance(v, Decimal) for v in values):  # a column has one type: sums of DECIMAL
        values = [_number(v) for v in values]
    return [v or 0 for v in values]


_CELL_PLANS: dict[tuple[int, tuple[str, ...]], tuple[ModelFile, list[str], dict[str, _Plan]]] = {}
"""evaluate_cells' plans by model and metrics: trend evaluates one cell at a time, thousands of times."""


def evaluate_cells(
    model: ModelFile, names: Sequence[str], cells: Sequence[Mapping[str, object]]
) -> list[dict[str, float | None]]:
    """Every metric in `names` (and what they depend on) from cells of base values, one dict per cell.

    For analyses that aggregate base metrics their own way (explain's grouping sets) and need
    ratios and formulas evaluated exactly as `compute_metrics` does.
    """
    key = (id(model), tuple(names))
    kept = _CELL_PLANS.get(key)
    if kept is None or kept[0] is not model:  # the same id may be a later model's
        if len(_CELL_PLANS) > 64:
            _CELL_PLANS.clear()
        needed = closure(model, names)
        kept = _CELL_PLANS[key] = (model, needed, _plans(model, needed, {}, None))
    _, needed, plans = kept
    base = {name: [cell.get(name) or 0 for cell in cells] for name in needed}
    evaluated = _evaluate(plans, base, len(cells))
    values = [[_number(v) for v in evaluated[name].values] for name in needed]
    return [dict(zip(needed, cell, strict=True)) for cell in zip(*values, strict=True)] if values else [{} for _ in cells]


class Moments(NamedTuple):
    """The amounts behind a sum metric in one period: what the tests on amounts read."""

    n: float  # amounts summed (non-null values)
    total: float  # their sum: the metric's value
    squares: float  # their sum of squares


def sum_moments(
    engine: Engine,
    model: ModelFile,
    names: Sequence[str],
    periods: Sequence[Period],
    *,
    columns: Mapping[str, Sequence[str]],
    cache: dict | None = None,
) -> list[dict[str, Moments]]:
    """The moments of each sum metric among `names` in each of `periods` (which must not overlap).

    The compound-Poisson test of a sum and Welch's test of an average of amounts need the count,
    the sum and the sum of squares, computed in the engine: this is explain's scan
    (`segment_queries` with no dimension), one query per table and time column for all the
    periods at once, with each metric's extraction condition, time column and joins. A metric
    with no amount in a period gets ``Moments(0, 0, 0.0)``. Non-sum metrics are left out.
    """
    sums = [n for n in dict.fromkeys(names) if model.metrics[n].kind == "sum"]
    out = [dict.fromkeys(sums, Moments(0, 0, 0.0)) for _ in periods]
    if not sums or not periods:
        return out
    ranges = [p.sql_bounds() for p in periods]
    key = ("moments", engine.dialect, tuple(sums), tuple(ranges))
    compiled = cache.get(key) if cache is not None else None
    if compiled is None:
        queries = segment_queries(model, sums, ranges=ranges, dimensions=(), columns=columns)
        compiled = [(q.metrics, q.sql(engine.dialect)) for q in queries]
        if cache is not None:
            cache[key] = compiled
    for metrics, text in compiled:
        for cell in engine.run(text).records():
            for name in metrics:
                moments = (_number(cell[c]) or 0 for c in (f"{name}__n", name, f"{name}__sq"))
                out[cell[SIDE_COLUMN]][name] = Moments(*moments)
    return out


# Breakdowns repeat the same small counts over and over: remember their intervals.
_wilson = functools.lru_cache(maxsize=65536)(wilson_interval)


@functools.lru_cache(maxsize=256)
def _parse_formula(text: str) -> exp.Expression:
    return parse(text)  # kept (cached) and never changed: callers copy what they build on


class _Column(NamedTuple):
    """One metric over every cell of a call: the values, and for a ratio the values of its
    numerator and denominator; a note per cell (None where there is nothing to say)."""

    values: list
    notes: list
    numerators: list | None = None
    denominators: list | None = None


@dataclass(frozen=True)
class _Plan:
    """How one metric is evaluated from the base values of every cell (prepared once per workspace).

    Evaluation goes metric by metric over lists of cells rather than cell by cell: a breakdown
    by month x channel x industry has thousands of cells, and a list comprehension per metric
    costs a fraction of a call per cell and metric."""

    name: str
    kind: str
    ratio: tuple[str, str] | None
    counts: bool  # a ratio of two counts: its counts are shown and small samples flagged
    formula: exp.Expression | None
    missing: tuple[str, ...]
    ratio_kind: str | None = None

    @classmethod
    def of(cls, model: ModelFile, name: str, missing: tuple[str, ...]) -> _Plan:
        metric = model.metrics[name]
        counts = bool(metric.ratio) and all(model.metrics[m].kind in ("count", "count_distinct") for m in metric.ratio)
        formula = _parse_formula(metric.formula) if metric.formula else None
        return cls(name, metric.kind, metric.ratio, counts, formula, missing, ratio_kind(model, name))

    def evaluate(self, base: Mapping[str, list], columns: Mapping[str, _Column], size: int) -> _Column:
        if self.ratio:
            num, den = columns[self.ratio[0]], columns[self.ratio[1]]
            values, notes = [], []
            for n, d, n_note, d_note in zip(num.values, den.values, num.notes, den.notes, strict=True):
                if n is None or d is None:
                    values.append(None)
                    notes.append(n_note or d_note)
                elif d == 0:
                    values.append(None)
                    notes.append("division by zero: the denominator is 0 in this period")
                else:
                    values.append(n / d)
                    notes.append(None)
            return _Column(values, notes, num.values, den.values)
        if self.formula is not None:
            return _formula(self.name, self.formula, columns, size)
        if self.missing:
            return _Column([None] * size, [f"{self.name} cannot be broken down by {', '.join(self.missing)}"] * size)
        return _Column(base.get(self.name) or [0] * size, [None] * size)

    def records(self, column: _Column, cells: _Cells) -> list[MetricValue]:
        """The metric's record in every cell."""
        n = len(cells.labels)
        if not self.ratio:
            # Made from zipped columns without a Python call per record: thousands in a breakdown.
            empty = (repeat(None, n) for _ in range(4))  # numerator, denominator, interval: none
            fields = zip(
                repeat(self.name, n), *cells, column.values, *empty, repeat(False, n), column.notes, repeat(None, n), strict=True
            )
            return list(map(_new_record, fields))
        kind = self.ratio_kind
        values, numerators, denominators, notes = column.values, column.numerators, column.denominators, column.notes
        lows: Iterable = repeat(None, n)
        highs: Iterable = repeat(None, n)
        small: Iterable = repeat(False, n)
        if self.counts:
            small = [d is not None and d < SMALL_SAMPLE for d in denominators]
            # Only a conversion rate is a proportion: a throughput ratio gets no binomial interval.
            if kind == CONVERSION and n:
                bounds = [
                    _wilson(int(k), int(m)) if v is not None and 0 <= k <= m else _NO_INTERVAL
                    for v, k, m in zip(values, numerators, denominators, strict=True)
                ]
                lows, highs = zip(*bounds, strict=True)
        if kind == THROUGHPUT:
            notes = [
                _ABOVE_100 if v is not None and v > 1 and not note else note for v, note in zip(values, notes, strict=True)
            ]
        fields = zip(
            repeat(self.name, n), *cells, values, numerators, denominators, lows, highs, small, notes, repeat(kind, n), strict=True
        )
        return list(map(_new_record, fields))


class _Cells(NamedTuple):
    """The period label, period start and dimension values of every cell, in the records' order."""

    labels: list[str]
    starts: list[dt.date]
    dimensions: list[dict[str, object]]


# A record from a tuple of its fields (`MetricValue._make` without its Python-level call).
_new_record = functools.partial(tuple.__new__, MetricValue)
_NO_INTERVAL = (None, None)
_ABOVE_100 = "a throughput ratio of period counts: above 100% when entries of earlier periods moved on in this one"


def _plans(model: ModelFile, needed: Sequence[str], unreachable: Mapping[str, tuple[str, ...]], cache: dict | None) -> dict[str, _Plan]:
    """Each needed metric's plan, dependencies first; kept in the workspace's cache (the model
    does not change while a workspace is open)."""
    key = ("plans", tuple(needed), tuple(sorted(unreachable.items())))
    plans = cache.get(key) if cache is not None else None
    if plans is None:
        plans = {name: _Plan.of(model, name, unreachable.get(name, ())) for name in needed}
        if cache is not None:
            cache[key] = plans
    return plans


def _evaluate(plans: Mapping[str, _Plan], base: Mapping[str, list], size: int) -> dict[str, _Column]:
    """Every plan's column over `size` cells, dependencies first (`plans` is in that order)."""
    columns: dict[str, _Column] = {}
    for plan in plans.values():
        columns[plan.name] = plan.evaluate(base, columns, size)
    return columns


def _formula(name: str, expression: exp.Expression, columns: Mapping[str, _Column], size: int) -> _Column:
    """A formula over metric values in every cell; a cell where it divides by zero is empty and
    noted once per division by zero."""
    zero_divisions = [0] * size

    def calc(node: exp.Expression) -> list:
        if isinstance(node, exp.Paren):
            return calc(node.this)
        if isinstance(node, exp.Neg):
            return [None if v is None else -v for v in calc(node.this)]
        if isinstance(node, exp.Literal):
            return [float(node.this)] * size
        if isinstance(node, exp.Column):
            return columns[node.name].values
        if isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Div)):
            pairs = zip(calc(node.this), calc(node.expression), strict=True)
            if isinstance(node, exp.Add):
                return [None if a is None or b is None else a + b for a, b in pairs]
            if isinstance(node, exp.Sub):
                return [None if a is None or b is None else a - b for a, b in pairs]
            if isinstance(node, exp.Mul):
                return [None if a is None or b is None else a * b for a, b in pairs]
            out = []
            for i, (a, b) in enumerate(pairs):
                if a is None or b is None:
                    out.append(None)
                elif b == 0:
                    zero_divisions[i] += 1
                    out.append(None)
                else:
                    out.append(a / b)
            return out
        raise KpiflowError(f"metric '{name}': formulas may use + - * / and parentheses, not {node.sql()}")

    values = [None if v is not None and (math.isnan(v) or math.isinf(v)) else v for v in calc(expression)]
    return _Column(values, ["; ".join(["division by zero"] * k) or None for k in zero_divisions])


__all__ = ["MetricValue", "MetricsResult", "Moments", "compute_metrics", "evaluate_cells", "resolve_periods", "sum_moments"]
