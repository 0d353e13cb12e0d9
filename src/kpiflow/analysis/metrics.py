"""`kpiflow metrics`: the value of every metric per period and dimension.

Base metrics (count, count_distinct, sum) are computed in the engine, one scan per table and
timestamp; ratios are sum(numerator) / sum(denominator) per group, never an average of
ratios; formulas are arithmetic over metric values. A ratio of two counts carries its counts
and a 95% Wilson interval, and a denominator below 30 is flagged as a small sample.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import duckdb
import sqlglot
from sqlglot import exp

from kpiflow.analysis.frames import records_frame
from kpiflow.engine.metric_sql import PERIOD_COLUMN, base_queries
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period, parse_last, parse_period, periods_between, trailing
from kpiflow.model.semantic import dependencies, source_of
from kpiflow.stats import SMALL_SAMPLE, wilson_interval

PERIOD_KINDS = ("month", "quarter", "half", "fy")


@dataclass(frozen=True)
class MetricValue:
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

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"metric": self.metric, "period": self.period, **self.dimensions, "value": self.value}
        if self.denominator is not None or self.numerator is not None:
            out |= {"numerator": self.numerator, "denominator": self.denominator, "ci_low": self.ci_low, "ci_high": self.ci_high}
            out["small_sample"] = self.small_sample
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
    con: duckdb.DuckDBPyConnection,
    model: ModelFile,
    names: Sequence[str],
    *,
    period: str | None,
    start: str | None,
    end: str | None,
    last: str | None,
    today: dt.date | None = None,
) -> tuple[str | None, list[Period]]:
    """The period kind and the list of periods to report, from the CLI's options."""
    fys = model.fiscal_year_start
    kind = period if period in PERIOD_KINDS else None
    if period and kind is None:
        single = parse_period(period, fys)
        return (single.kind if single.kind in PERIOD_KINDS else None), [single]
    kind = kind or "quarter"
    if last:
        window = parse_last(last)
        # Complete periods before today, or before the day after the data ends if that is earlier
        # (a demo or an old export should not show empty recent quarters).
        latest = _latest(con, model, names)
        reference = today or min(dt.date.today(), latest + dt.timedelta(days=1)) if latest else (today or dt.date.today())
        periods = trailing(window, reference, fys)
        return periods[0].kind, periods
    if start or end:
        first = parse_period(start, fys).start if start else _earliest(con, model, names)
        stop = parse_period(end, fys).end if end else (_latest(con, model, names) or first) + dt.timedelta(days=1)
        return kind, periods_between(kind, first, stop, fys)
    earliest, latest = _earliest(con, model, names), _latest(con, model, names)
    if earliest is None or latest is None:
        return kind, []
    return kind, periods_between(kind, earliest, latest + dt.timedelta(days=1), fys)


def _time_bounds(con, model: ModelFile, names: Sequence[str], func: str) -> dt.date | None:
    found = []
    for name in closure(model, names):
        source = source_of(name, model.metrics[name])
        if source is None:
            continue
        query = exp.select(exp.func(func, exp.column(source.time, quoted=True))).from_(exp.to_table(source.table))
        value = con.execute(query.sql("duckdb")).fetchall()[0][0]
        if value is not None:
            found.append(value.date() if isinstance(value, dt.datetime) else value)
    if not found:
        return None
    return min(found) if func == "min" else max(found)


def _earliest(con, model, names):
    return _time_bounds(con, model, names, "min")


def _latest(con, model, names):
    return _time_bounds(con, model, names, "max")


def _number(value: object) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value  # type: ignore[return-value]


def compute_metrics(
    con: duckdb.DuckDBPyConnection,
    model: ModelFile,
    names: Sequence[str],
    periods: Sequence[Period],
    *,
    kind: str | None,
    dimensions: Sequence[str] = (),
    columns: Mapping[str, Sequence[str]],
    lang: str = "en",
) -> MetricsResult:
    """Evaluate `names` for each period (all of one kind, or one custom range) and dimension."""
    if not periods:
        return MetricsResult(list(names), list(dimensions), [], [])
    needed = closure(model, names)
    start, _ = periods[0].sql_bounds()
    _, end = periods[-1].sql_bounds()
    scans = base_queries(model, needed, kind=kind, start=start, end=end, dimensions=dimensions, columns=columns)
    # (period start, dimension values) -> {metric: value}
    cells: dict[tuple, dict[str, object]] = {}
    missing_dims: dict[str, tuple[str, ...]] = {}
    for scan in scans:
        for metric in scan.metrics:
            missing_dims[metric] = scan.missing
        cursor = con.execute(scan.sql())
        header = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            record = dict(zip(header, row, strict=True))
            key = (record[PERIOD_COLUMN], tuple(record.get(d) for d in dimensions))
            cell = cells.setdefault(key, {})
            for metric in scan.metrics:
                cell[metric] = _number(record[metric])
    # Every combination of dimension values seen in any period is reported in every period.
    dim_keys = sorted({k[1] for k in cells}, key=lambda t: tuple((v is None, str(v)) for v in t)) if dimensions else [()]
    records: list[MetricValue] = []
    for p in periods:
        for dims in dim_keys:
            cell = cells.get((p.start, dims), {})
            values: dict[str, MetricValue] = {}
            for name in needed:
                values[name] = _evaluate(
                    model, name, cell, values, p, dict(zip(dimensions, dims, strict=True)), missing_dims, lang
                )
            records += [values[n] for n in names]
    return MetricsResult(list(names), list(dimensions), list(periods), records, [s.sql() for s in scans])


def _evaluate(model, name, cell, values, period: Period, dims, missing_dims, lang) -> MetricValue:
    metric = model.metrics[name]
    label = period.label(lang)
    if source_of(name, metric) is not None:
        missing = [d for d in missing_dims.get(name, ()) if dims.get(d) is not None]
        if missing:
            note = f"{name} cannot be broken down by {', '.join(missing)}"
            return MetricValue(name, label, period.start, dims, None, note=note)
        return MetricValue(name, label, period.start, dims, cell.get(name, 0) or 0)
    if metric.ratio:
        num, den = (values[m] for m in metric.ratio)
        if num.value is None or den.value is None:
            return MetricValue(name, label, period.start, dims, None, num.value, den.value, note=num.note or den.note)
        counts = all(model.metrics[m].kind in ("count", "count_distinct") for m in metric.ratio)
        small = counts and den.value < SMALL_SAMPLE
        if den.value == 0:
            return MetricValue(
                name,
                label,
                period.start,
                dims,
                None,
                num.value,
                den.value,
                small_sample=small,
                note="division by zero: the denominator is 0 in this period",
            )
        value = num.value / den.value
        low = high = None
        if counts and 0 <= num.value <= den.value:
            low, high = wilson_interval(int(num.value), int(den.value))
        return MetricValue(name, label, period.start, dims, value, num.value, den.value, low, high, small)
    return _formula(model, name, metric.formula, values, label, period, dims)


def _formula(model, name, formula, values, label, period, dims) -> MetricValue:
    expression = sqlglot.parse_one(formula, read="duckdb")
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
    return MetricValue(name, label, period.start, dims, value, note="; ".join(note) or None)


__all__ = ["MetricValue", "MetricsResult", "compute_metrics", "resolve_periods"]
