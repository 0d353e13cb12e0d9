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
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

import sqlglot
from sqlglot import exp

from kpiflow.analysis.frames import records_frame
from kpiflow.engine.base import Engine
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
class MetricsResult:
    metrics: list[str]
    dimensions: list[str]
    periods: list[Period]
    records: list[MetricValue]
    queries: list[str] = field(default_factory=list)

    def to_dict(self) -> list[dict[str, object]]:
        return [r.to_dict() for r in self.records]

    def to_frame(self):
        """A pandas DataFrame of the records (pandas is optional)."""
        return records_frame(self.to_dict())

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
    # (period start, dimension values) -> {metric: value}. A scan that cannot reach one of the
    # dimensions files nothing here: its metrics are empty (with a note) at that breakdown,
    # never mixed up with rows whose dimension value really is NULL.
    cells: dict[tuple, dict[str, object]] = {}
    unreachable: dict[str, tuple[str, ...]] = {}
    for scan, text in scans:
        if scan.missing:
            for metric in scan.metrics:
                unreachable[metric] = scan.missing
            continue
        result = engine.run(text)
        header = list(result.columns)
        period_at = header.index(PERIOD_COLUMN)
        dim_at = [header.index(d) for d in dimensions]
        metric_at = [(m, header.index(m)) for m in scan.metrics]
        for row in result.rows:
            cell = cells.setdefault((row[period_at], tuple(row[i] for i in dim_at)), {})
            for metric, i in metric_at:
                cell[metric] = _number(row[i])
    # Every combination of dimension values seen in any period is reported in every period.
    dim_keys = sorted({k[1] for k in cells}, key=lambda t: tuple((v is None, str(v)) for v in t)) if dimensions else [()]
    plans = {name: _Plan.of(model, name, unreachable.get(name, ())) for name in needed}
    records: list[MetricValue] = []
    for p in periods:
        label = p.label(lang)
        for dims in dim_keys:
            cell = cells.get((p.start, dims), {})
            values: dict[str, _Value] = {}
            for name in needed:
                values[name] = plans[name].evaluate(cell, values)
            dimension_values = dict(zip(dimensions, dims, strict=True))
            records += [plans[n].record(values[n], label, p.start, dimension_values) for n in names]
    return MetricsResult(
        list(names), list(dimensions), list(periods), records, [text for scan, text in scans if not scan.missing]
    )


def evaluate_cells(
    model: ModelFile, names: Sequence[str], cells: Sequence[Mapping[str, object]]
) -> list[dict[str, float | None]]:
    """Every metric in `names` (and what they depend on) from cells of base values, one dict per cell.

    For analyses that aggregate base metrics their own way (explain's grouping sets) and need
    ratios and formulas evaluated exactly as `compute_metrics` does.
    """
    needed = closure(model, names)
    plans = [_Plan.of(model, name, ()) for name in needed]
    out = []
    for cell in cells:
        values: dict[str, _Value] = {}
        for plan in plans:
            values[plan.name] = plan.evaluate(dict(cell), values)
        out.append({name: _number(v.value) for name, v in values.items()})
    return out


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


class _Value(NamedTuple):
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    counts: bool = False  # a conversion rate: gets a Wilson interval
    note: str | None = None


@dataclass(frozen=True)
class _Plan:
    """How one metric is evaluated from a cell of base values, prepared once per call."""

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
        formula = sqlglot.parse_one(metric.formula, read="duckdb") if metric.formula else None
        return cls(name, metric.kind, metric.ratio, counts, formula, missing, ratio_kind(model, name))

    def evaluate(self, cell: dict[str, object], values: dict[str, _Value]) -> _Value:
        if self.ratio:
            num, den = values[self.ratio[0]], values[self.ratio[1]]
            if num.value is None or den.value is None:
                return _Value(None, num.value, den.value, self.counts, num.note or den.note)
            if den.value == 0:
                return _Value(None, num.value, den.value, self.counts, "division by zero: the denominator is 0 in this period")
            return _Value(num.value / den.value, num.value, den.value, self.counts)
        if self.formula is not None:
            return _formula(self.name, self.formula, values)
        if self.missing:
            return _Value(None, note=f"{self.name} cannot be broken down by {', '.join(self.missing)}")
        return _Value(cell.get(self.name) or 0)

    def record(self, v: _Value, period: str, start: dt.date, dims: dict[str, object]) -> MetricValue:
        if not self.ratio:
            return MetricValue(self.name, period, start, dims, v.value, note=v.note)
        small = self.counts and v.denominator is not None and v.denominator < SMALL_SAMPLE
        low = high = None
        note = v.note
        # Only a conversion rate is a proportion: a throughput ratio gets no binomial interval.
        if self.counts and self.ratio_kind == CONVERSION and v.value is not None and 0 <= v.numerator <= v.denominator:
            low, high = _wilson(int(v.numerator), int(v.denominator))
        if self.ratio_kind == THROUGHPUT and v.value is not None and v.value > 1 and not note:
            note = "a throughput ratio of period counts: above 100% when entries of earlier periods moved on in this one"
        return MetricValue(self.name, period, start, dims, v.value, v.numerator, v.denominator, low, high, small, note, self.ratio_kind)


def _formula(name: str, expression: exp.Expression, values: dict[str, _Value]) -> _Value:
    note: list[str] = []

    def calc(node: exp.Expression) -> float | None:
        if isinstance(node, exp.Paren):
            return calc(node.this)
        if isinstance(node, exp.Neg):
            inner = calc(node.this)
            return None if inner is None else -inner
        if isinstance(node, exp.Literal):
            return float(node.this)
        if isinstance(node, exp.Column):
            return values[node.name].value
        if isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Div)):
            left, right = calc(node.this), calc(node.expression)
            if left is None or right is None:
                return None
            if isinstance(node, exp.Add):
                return left + right
            if isinstance(node, exp.Sub):
                return left - right
            if isinstance(node, exp.Mul):
                return left * right
            if right == 0:
                note.append("division by zero")
                return None
            return left / right
        raise KpiflowError(f"metric '{name}': formulas may use + - * / and parentheses, not {node.sql()}")

    value = calc(expression)
    if value is not None and (math.isnan(value) or math.isinf(value)):
        value = None
    return _Value(value, note="; ".join(note) or None)


__all__ = ["MetricValue", "MetricsResult", "Moments", "compute_metrics", "evaluate_cells", "resolve_periods", "sum_moments"]
