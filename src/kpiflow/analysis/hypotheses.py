"""The hypotheses register (issue 22): every KPI target is the current best hypothesis, checked
by a rule fixed in advance and changed without hesitation.

`check` evaluates each hypothesis of hypotheses.yaml: the metric in its baseline and test periods
(within its segment, a condition), the change, its interval at 1 - alpha and its two-sided p, by
the tests `kpiflow explain` uses (kpiflow.stats):

- a conversion ratio (won deals / closed deals): the pooled two-proportion z-test; the interval
  of the difference of proportions is Wald's (unpooled);
- a throughput ratio of counts: the difference of ratios with the delta-method variance
  r^2 (1/n + 1/d) on each side (the p of kpiflow.stats.count_ratio_test);
- an average of amounts (revenue / won deals): Welch's t-test from the engine's moments;
- a count: the exact conditional Poisson test of the two rates (kpiflow.stats.poisson_rate_test),
  the interval by the normal approximation Var = c1 + c0 (t1/t0)^2;
- a sum of amounts: the compound Poisson z-test, Var = sum of squared amounts.

Without a segment, `root_contribution` is the metric's LMDI contribution to the tree's root
(revenue) from baseline to test, as `kpiflow explain` splits the change.

Counts and sums are compared as rates: the baseline is scaled to the test period's length
(t1/t0 in days) before the change is taken. With a `control` segment the effect is a
difference in differences: (test - baseline in the segment) - (test - baseline in the control),
its variance the sum of the two, its p from the normal distribution.

The verdict, with s = +1 for `expect: up` and -1 for `down`, m = min_change (absolute, or
relative to the baseline value when written as 10%), [lo, hi] the interval of s * change:

- supported: s * change >= m, and p <= alpha (significant in the expected direction, and large enough);
- refuted: p <= alpha and s * change < 0 (significant the other way), or hi < m (the interval
  excludes a change of the size hoped for);
- inconclusive: anything else.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from sqlglot import exp

from kpiflow.analysis.metrics import closure, evaluate_cells
from kpiflow.analysis.result import Column, Table, Tabular, columns
from kpiflow.engine.base import timestamp
from kpiflow.engine.metric_sql import metric_aggregates
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.messages import say
from kpiflow.model import hypotheses as register
from kpiflow.model.hypotheses import Hypothesis
from kpiflow.model.ratios import is_throughput
from kpiflow.model.semantic import Resolver, joins_for, parse_condition, source_of
from kpiflow.stats import count_ratio_test, normal_quantile, poisson_rate_test, two_proportion_test, welch_test

VERDICTS = ("supported", "refuted", "inconclusive")
# The test of each kind of metric, by the name kpiflow explain gives it.
TEST_NAMES = {"conversion": "two_proportion", "throughput": "count_ratio", "average": "welch_t", "count": "poisson_rate", "sum": "compound_poisson"}


class HypothesisCheckError(KpiflowError, ValueError):
    """A hypothesis whose metric cannot be tested."""


@dataclass(frozen=True)
class Side:
    """One segment in one period: the metric's value, and the numbers its test needs."""

    value: float | None
    numerator: float = 0.0
    denominator: float = 0.0
    moments: tuple[float, float, float] = (0.0, 0.0, 0.0)  # (n, sum, sum of squares) of a summed column
    days: float = 1.0


@dataclass(frozen=True)
class Change:
    """test - baseline (baseline scaled to the test's length for counts and sums), its variance and p."""

    value: float
    variance: float
    p_value: float


def _side(ws: Any, metric: str, period: str, segment: str | None, lang: str) -> Side:
    model = ws.model
    span = ws.resolve_period(period, lang)
    start, end = span.sql_bounds()
    needed = closure(model, [metric])
    columns_of = ws.columns()
    groups: dict[tuple[str, str], list[str]] = {}
    for name in needed:
        source = source_of(name, model.metrics[name])
        if source is not None:
            groups.setdefault((source.table, source.time), []).append(name)
    cell: dict[str, float] = {}
    for (table, time), names in groups.items():
        resolver = Resolver(table, columns_of)
        aggregates, tables = metric_aggregates(model, names, resolver, table, moments=True)
        column = exp.column(time, table=table, quoted=True)
        where = exp.and_(exp.GTE(this=column, expression=timestamp(start)), exp.LT(this=column.copy(), expression=timestamp(end)))
        if segment:
            condition, joined = resolver.qualify(parse_condition(segment, lang=lang), lang)
            where = exp.and_(where, exp.paren(condition))
            tables = tables | joined
        query = exp.select(*aggregates).from_(exp.to_table(table))
        for rel in joins_for(table, tables):
            query = query.join(exp.to_table(rel.table), on=rel.on, join_type="LEFT")
        result = ws.engine.run(query.where(where))
        cell |= {c: float(v or 0) for c, v in zip(result.columns, result.one(), strict=True)}
    value = evaluate_cells(model, [metric], [cell])[0][metric]
    spec = model.metrics[metric]
    days = (end - start).total_seconds() / 86_400
    if spec.ratio:
        num, den = spec.ratio
        moments = (cell.get(f"{num}__n", 0.0), cell.get(num, 0.0), cell.get(f"{num}__sq", 0.0))
        return Side(value, cell.get(num, 0.0), cell.get(den, 0.0), moments, days)
    moments = (cell.get(f"{metric}__n", 0.0), cell.get(metric, 0.0), cell.get(f"{metric}__sq", 0.0))
    return Side(value, cell.get(metric, 0.0), 0.0, moments, days)


def _kind(ws: Any, metric: str) -> str:
    spec = ws.model.metrics[metric]
    kinds = {n: ws.model.metrics[n].kind for n in ws.model.metrics}
    if spec.ratio:
        num, den = spec.ratio
        counts = kinds[num] in ("count", "count_distinct") and kinds[den] in ("count", "count_distinct")
        if counts:
            return "throughput" if is_throughput(ws.model, metric) else "conversion"
        if kinds[num] == "sum" and kinds[den] in ("count", "count_distinct"):
            return "average"
    elif spec.kind in ("count", "count_distinct"):
        return "count"
    elif spec.kind == "sum":
        return "sum"
    return "other"


def _change(kind: str, before: Side, after: Side) -> Change:
    """test - baseline, its variance and the two-sided p of the test explain uses for the kind."""
    nan = Change(math.nan, math.nan, math.nan)
    if kind == "conversion":
        if not before.denominator or not after.denominator:
            return nan
        r0, r1 = before.numerator / before.denominator, after.numerator / after.denominator
        variance = r0 * (1 - r0) / before.denominator + r1 * (1 - r1) / after.denominator
        p = two_proportion_test(int(after.numerator), int(after.denominator), int(before.numerator), int(before.denominator))[1]
        return Change(r1 - r0, variance, p)
    if kind == "throughput":
        if 0 in (before.numerator, before.denominator, after.numerator, after.denominator):
            return nan
        r0, r1 = before.numerator / before.denominator, after.numerator / after.denominator
        variance = r0**2 * (1 / before.numerator + 1 / before.denominator) + r1**2 * (1 / after.numerator + 1 / after.denominator)
        p = count_ratio_test(int(after.numerator), int(after.denominator), int(before.numerator), int(before.denominator))[1]
        return Change(r1 - r0, variance, p)
    if kind == "average":
        (n0, s0, q0), (n1, s1, q1) = before.moments, after.moments
        if n0 < 2 or n1 < 2:
            return nan
        var0, var1 = (q0 - s0 * s0 / n0) / (n0 - 1), (q1 - s1 * s1 / n1) / (n1 - 1)
        p = welch_test(int(n1), s1, q1, int(n0), s0, q0)[2]
        return Change(s1 / n1 - s0 / n0, max(0.0, var0) / n0 + max(0.0, var1) / n1, p)
    scale = after.days / before.days
    if kind == "count":
        c0, c1 = before.numerator, after.numerator
        p = poisson_rate_test(int(c1), after.days, int(c0), before.days)
        return Change(c1 - c0 * scale, c1 + c0 * scale**2, p)
    if kind == "sum":
        s0, s1 = before.moments[1], after.moments[1]
        variance = after.moments[2] + before.moments[2] * scale**2
        z = (s1 - s0 * scale) / math.sqrt(variance) if variance else 0.0
        return Change(s1 - s0 * scale, variance, math.erfc(abs(z) / math.sqrt(2)))
    return nan


def verdict(expect: str, change: float, low: float, high: float, p: float, min_change: float, alpha: float) -> str:
    """The rule fixed in advance (module doc): supported, refuted or inconclusive."""
    if any(math.isnan(v) for v in (change, low, high, p)):
        return "inconclusive"
    s = 1 if expect == "up" else -1
    directed, top = s * change, max(s * low, s * high)
    if directed >= min_change and p <= alpha:
        return "supported"
    if (p <= alpha and directed < 0) or top < min_change:
        return "refuted"
    return "inconclusive"


def evaluate(ws: Any, h: Hypothesis, lang: str) -> dict[str, Any]:
    """One hypothesis checked: its verdict, values, change, interval and p."""
    if h.metric not in ws.model.metrics:
        raise UnknownNameError.for_name(f"metric of hypothesis {h.id}", h.metric, ws.model.metrics)
    kind = _kind(ws, h.metric)
    if kind == "other":
        raise HypothesisCheckError(say("hypotheses.untestable", lang, id=h.id, metric=h.metric))
    before, after = _side(ws, h.metric, h.baseline, h.segment, lang), _side(ws, h.metric, h.test, h.segment, lang)
    change = _change(kind, before, after)
    effect, variance, p = change.value, change.variance, change.p_value
    control_change = None
    if h.control:
        c0, c1 = _side(ws, h.metric, h.baseline, h.control, lang), _side(ws, h.metric, h.test, h.control, lang)
        control = _change(kind, c0, c1)
        control_change = control.value
        effect, variance = change.value - control.value, change.variance + control.variance
        p = math.erfc(abs(effect) / math.sqrt(2 * variance)) if variance > 0 else (1.0 if effect == 0 else 0.0)
    z = normal_quantile(1 - h.alpha / 2)
    half = z * math.sqrt(variance) if variance >= 0 else math.nan
    low, high = effect - half, effect + half
    threshold = h.threshold(before.value)
    found = verdict(h.expect, effect, low, high, p, threshold, h.alpha)
    contribution = _root_contribution(ws, h, lang)
    plain = [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in (effect, low, high, p)]
    return {
        "id": h.id,
        "verdict": found,
        "metric": h.metric,
        "baseline_value": before.value,
        "test_value": after.value,
        "change": plain[0],
        "ci_low": plain[1],
        "ci_high": plain[2],
        "p_value": plain[3],
        "min_change": threshold,
        "control_change": control_change,
        "root_contribution": contribution,
        "test": TEST_NAMES[kind],
    }


def _root_contribution(ws: Any, h: Hypothesis, lang: str) -> float | None:
    """The metric's LMDI contribution to the KPI tree's root (revenue) from baseline to test, as
    `kpiflow explain` splits it; None for a segment (explain reads the whole company) or a metric
    outside the tree."""
    root = next(iter(ws.model.tree), None)
    if root is None or h.segment or h.control or h.metric == root:
        return None
    try:
        explained = ws.explain(root, h.baseline, h.test, lang=lang)
    except KpiflowError:
        return None
    return next((f.contribution for f in explained.factors if f.metric == h.metric), None)


def check(ws: Any, *, lang: str | None = None, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Every hypothesis evaluated, each record stamped with the day it was checked (no writing here:
    `kpiflow hypotheses check` appends the records to the history)."""
    lang = lang or ws.lang
    day = (today or dt.date.today()).isoformat()
    out = []
    for h in register.read(ws.root, lang):
        try:
            out.append(evaluate(ws, h, lang) | {"checked": day})
        except KpiflowError as e:  # say which hypothesis the data or the register cannot answer
            error = HypothesisCheckError(f"{h.id}: {e}")
            error.exit_code = e.exit_code
            raise error from None
    return out


def shown(record: dict[str, Any]) -> dict[str, Any]:
    """A check's record as the tables show it: its `change` (the JSON's word, as issue 22's contract
    names it) as `effect` (a change between two chosen periods, not against last year)."""
    names = {c.name for c in RESULT_COLUMNS}
    return {("effect" if k == "change" else k): v for k, v in record.items() if ("effect" if k == "change" else k) in names}


RESULT_COLUMNS = columns(
    ("checked", "date"),
    ("id", "text"),
    ("verdict", "label"),
    ("metric", "label"),
    ("baseline_value", "measure"),
    ("test_value", "measure"),
    ("effect", "measure"),
    Column("ci_low", "measure", {"ja": "区間の下限", "en": "Interval low"}),
    Column("ci_high", "measure", {"ja": "区間の上限", "en": "Interval high"}),
    ("p_value", "p_value"),
    ("min_change", "measure"),
    ("control_change", "measure"),
    Column("root_contribution", "number", {"ja": "売上への寄与（LMDI）", "en": "Contribution to revenue (LMDI)"}),
    ("test", "label"),
)


def hypotheses(ws: Any, *, lang: str | None = None) -> Tabular:
    """The register as it stands: each hypothesis evaluated on the data now (nothing recorded), its
    last recorded verdict, what it says, and the history of checks. Reading never writes:
    `kpiflow hypotheses check` records checks."""
    lang = lang or ws.lang
    listed = register.read(ws.root, lang)
    past = register.history(ws.root)
    last = {r["id"]: r for r in past}
    status, notes = [], []
    for h in listed:
        try:
            now = evaluate(ws, h, lang)
        except KpiflowError as e:  # one hypothesis the data cannot answer leaves the others shown
            now = {}
            notes.append(f"{h.id}: {e}")
        status.append(
            {
                "id": h.id, "metric": h.metric, "baseline": h.baseline, "test_period": h.test, "verdict": now.get("verdict"),
                "effect": now.get("change"), "p_value": now.get("p_value"), "recorded": last.get(h.id, {}).get("verdict"),
                "checked": last.get(h.id, {}).get("checked"),
            }
        )
    register_table = Table(
        "hypotheses",
        {"ja": "仮説の状況（現在のデータで判定）", "en": "Hypotheses, judged on the data now"},
        columns(
            ("id", "text"), ("metric", "label"), ("baseline", "period"), ("test_period", "period"),
            ("verdict", "label"), ("effect", "measure"), ("p_value", "p_value"),
            ("recorded", "label"), ("checked", "date"),
        ),
        tuple(status),
    )
    statements = tuple(
        {"id": h.id, "statement": h.statement, "segment": h.segment, "control": h.control, "expect": h.expect, "min_change": str(h.min_change), "owner": h.owner}
        for h in listed
    )
    statement_table = Table(
        "statements",
        {"ja": "仮説の内容", "en": "What each hypothesis says"},
        columns(("id", "text"), ("statement", "text"), ("segment", "text"), ("control", "text"), ("expect", "label"), ("min_change", "text"), ("owner", "text")),
        statements,
    )
    history_table = Table("history", {"ja": "検証の履歴", "en": "History of checks"}, RESULT_COLUMNS, tuple(shown(r) for r in past))
    if not listed:
        notes.append(say("hypotheses.none", lang))
    return Tabular("hypotheses", {}, (register_table, statement_table, history_table), tuple(notes))
