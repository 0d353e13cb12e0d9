"""`kpiflow tree`: the key point map (KPI tree) evaluated on real data.

Each parent should equal the product of its factors (revenue = won_deals x avg_deal_size,
won_deals = closed_deals x win_rate, ...). For every node the tree reports the value, the
product of its factors, their relative difference, and, when they do not telescope, why:
a ratio whose denominator is not the sibling, or whose numerator is not the parent, with the
time columns and conditions that make them differ. Each node also carries its target and the
same period a year earlier.

**Noise.** The change against last year says whether it exceeds noise (BtoB samples are small:
a quarter of 9 won deals against 6 is not a trend). Each node is tested exactly as `kpiflow
explain` tests the same node between the same two periods, so the key point map and the
explanation give one change one label:

- a count (leads, won deals): the exact Poisson rate test (`poisson_rate`) of events per day,
  or its normal approximation (`poisson_rate_normal`) above explain's `EXACT_POISSON_LIMIT`
  events in the two periods together;
- a sum of amounts (revenue): the compound-Poisson z-test (`compound_poisson`) of amount per day,
  its variance the sum of squared amounts;
- a conversion rate (win rate: won among closed deals): the pooled two-proportion z-test
  (`two_proportion`) when each numerator is at most its denominator;
- a throughput ratio of two counts (SQLs / MQLs entered in the period, which may pass 100%): the
  log ratio-of-ratios z-test of four Poisson counts (`count_ratio`, `kpiflow.stats.count_ratio_test`);
- an average of amounts (average deal size = revenue / won deals): Welch's t-test (`welch_t`)
  when the amounts summed are exactly the denominator's count in both periods, and at least 2.

The exposure is the length of each period in days, so a 366-day year is compared fairly with a
365-day one. The count, sum and sum of squares of the amounts come from the engine
(`kpiflow.analysis.metrics.sum_moments`: explain's own scan). Any other ratio (cost per lead), a
formula, a node without a
change (nothing last year) and an amount whose moments were not given are not tested: their
`change_test` is None and so is `change_significant`, which means "not tested", never "not
significant". A root of the tree (revenue) is the question the map asks: its change is judged
on its own p-value, as `kpiflow explain` judges the node it explains. The other nodes are read
side by side, so their p-values are one Benjamini-Hochberg family: `change_q_value` is their BH
q-value (a root's q-value is its p-value) and a change is significant at q <= 0.05. The root's
card and the explanation of the root's change therefore say the same; explaining a deeper node
makes it the question, so its label there can differ from the map's in borderline cases.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace

from kpiflow.analysis.explain import EXACT_POISSON_LIMIT
from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.metrics import MetricsResult, MetricValue, Moments
from kpiflow.analysis.result import Described
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period
from kpiflow.model.ratios import is_throughput, ratio_kind
from kpiflow.model.semantic import source_of
from kpiflow.stats import (
    benjamini_hochberg,
    compound_poisson_test,
    count_ratio_test,
    poisson_rate_test,
    two_proportion_test,
    welch_test,
)

EXACT = 1e-9
ALPHA = 0.05
"""False discovery rate at which a change against last year counts as larger than noise."""


@dataclass(frozen=True)
class TreeNode:
    metric: str
    label: str
    depth: int
    value: float | None
    factors: list[str]
    product_of_factors: float | None
    relative_difference: float | None
    exact: bool | None
    reason: str | None
    target: float | None
    status: str | None  # on_track | behind | None (no target)
    last_year: float | None
    change: float | None  # relative change against last year
    numerator: float | None = None
    denominator: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    small_sample: bool = False
    # poisson_rate | poisson_rate_normal | compound_poisson | two_proportion | count_ratio | welch_t | None (not tested)
    change_test: str | None = None
    change_p_value: float | None = None  # two-sided, of the change against last year
    change_q_value: float | None = None  # Benjamini-Hochberg over the tested nodes of the tree
    change_significant: bool | None = None  # q <= 0.05; None when not tested
    ratio_kind: str | None = None  # conversion | throughput for a ratio of counts (kpiflow.model.ratios)
    note: str | None = None  # e.g. why a throughput ratio passes 100%


@dataclass(frozen=True)
class TreeResult(Described):
    period: str
    nodes: list[TreeNode]

    ANALYSIS = "tree"
    MAIN = "nodes"
    KINDS = {"numerator": "count", "denominator": "count", "ci_low": "measure", "ci_high": "measure", "change": "percent"}

    def params(self) -> dict[str, object]:
        return {"period": self.period}

    def to_json_data(self) -> list[dict[str, object]]:
        return [asdict(n) | {"period": self.period} for n in self.nodes]

    def to_frame(self):
        """A pandas DataFrame of the records (pandas is optional)."""
        return records_frame(self.to_json_data())

    def node(self, metric: str) -> TreeNode:
        for n in self.nodes:
            if n.metric == metric:
                return n
        raise LookupError(metric)


def tree_order(model: ModelFile) -> list[tuple[str, int]]:
    """Nodes top-down (depth first from each root), each once, with their depth."""
    children = {f for factors in model.tree.values() for f in factors}
    roots = [p for p in model.tree if p not in children]
    seen: list[tuple[str, int]] = []

    def visit(name: str, depth: int) -> None:
        if any(name == n for n, _ in seen):
            return
        seen.append((name, depth))
        for factor in model.tree.get(name, []):
            visit(factor, depth + 1)

    for root in roots:
        visit(root, 0)
    return seen


def _symbols(model: ModelFile, name: str) -> tuple[Counter, Counter]:
    """A metric as a fraction of base metrics (numerator, denominator multisets)."""
    metric = model.metrics[name]
    if metric.ratio:
        n_num, n_den = _symbols(model, metric.ratio[0])
        d_num, d_den = _symbols(model, metric.ratio[1])
        return n_num + d_den, n_den + d_num
    return Counter([name]), Counter()


def telescoping_reason(model: ModelFile, parent: str, factors: list[str], lang: str = "en") -> str | None:
    """None when parent = product(factors) holds by definition; else why it does not."""
    num, den = Counter(), Counter()
    for f in factors:
        n, d = _symbols(model, f)
        num += n
        den += d
    p_num, p_den = _symbols(model, parent)
    num += p_den
    den += p_num
    common = num & den
    num, den = num - common, den - common
    if not num and not den:
        return None
    ja = lang == "ja"
    parts = []
    for factor in factors:
        metric = model.metrics[factor]
        if not metric.ratio:
            continue
        numerator, denominator = metric.ratio
        siblings = [f for f in factors if f != factor]
        if numerator != parent and numerator in num:
            parts.append(
                f"{factor} の分子 {numerator} が親 {parent} ではありません"
                if ja
                else f"{factor}'s numerator {numerator} is not the parent {parent}{_differs(model, numerator, parent, ja)}"
            )
        if denominator not in siblings and denominator in den:
            sibling = siblings[0] if siblings else "?"
            parts.append(
                f"{factor} の分母 {denominator} が兄弟 {sibling} ではありません{_differs(model, denominator, sibling, ja)}"
                if ja
                else f"{factor}'s denominator {denominator} is not the sibling {sibling}{_differs(model, denominator, sibling, ja)}"
            )
    if not parts:
        left = " x ".join(sorted(num.elements())) or "1"
        right = " x ".join(sorted(den.elements())) or "1"
        parts.append(f"積の余り: {left} / {right}" if ja else f"the product leaves {left} / {right} over")
    return "; ".join(parts)


def _differs(model: ModelFile, a: str, b: str, ja: bool) -> str:
    """How two base metrics differ: table, time column or condition."""
    if a not in model.metrics or b not in model.metrics:
        return ""
    sa, sb = source_of(a, model.metrics[a]), source_of(b, model.metrics[b])
    if sa is None or sb is None:
        return ""
    notes = []
    if sa.table != sb.table:
        notes.append(f"{sa.table} vs {sb.table}")
    if sa.time != sb.time:
        notes.append(f"{'期間の基準' if ja else 'time'} {sa.table}.{sa.time} vs {sb.table}.{sb.time}")
    if (model.metrics[a].where or "") != (model.metrics[b].where or ""):
        notes.append(f"{'抽出条件' if ja else 'where'} '{model.metrics[a].where or ''}' vs '{model.metrics[b].where or ''}'")
    return f" ({'; '.join(notes)})" if notes else ""


def _whole(value: float | None) -> int | None:
    """A count as an int, or None when it is missing or not a whole number >= 0."""
    if value is None or value < 0 or not float(value).is_integer():
        return None
    return int(value)


def _is_count(model: ModelFile, name: str) -> bool:
    return model.metrics[name].kind in ("count", "count_distinct")


def _is_sum(model: ModelFile, name: str) -> bool:
    return model.metrics[name].kind == "sum"


def amounts(model: ModelFile, names: Sequence[str]) -> list[str]:
    """The sum metrics whose moments the tests of `names` read: the sums, and the numerators of averages."""
    out: list[str] = []
    for name in names:
        metric = model.metrics[name]
        candidate = metric.ratio[0] if metric.ratio else name
        if _is_sum(model, candidate) and candidate not in out:
            out.append(candidate)
    return out


def _poisson_rate_normal(c1: int, t1: float, c0: int, t0: float) -> float:
    """Explain's normal approximation of the Poisson rate test (the same expression, the same p)."""
    share = t1 / (t0 + t1)
    z = (c1 - (c0 + c1) * share) / math.sqrt((c0 + c1) * share * (1 - share))
    return math.erfc(abs(z) / math.sqrt(2))


def noise_test(
    model: ModelFile,
    name: str,
    current: MetricValue,
    previous: MetricValue,
    days: tuple[int, int],
    moments: tuple[Mapping[str, Moments], Mapping[str, Moments]] = ({}, {}),
) -> tuple[str | None, float | None]:
    """(test name, two-sided p) for a metric's change from `previous` to `current`, or (None, None).

    `days` is (days of the current period, days of the previous one): the exposures. `moments`
    is (current, previous) `Moments` of the sum metrics (see `amounts`); a sum or an average of
    amounts without them is not tested. The rule is explain's, node for node (module doc).
    """
    metric = model.metrics[name]
    t1, t0 = days
    if _is_count(model, name):
        c1, c0 = _whole(current.value), _whole(previous.value)
        if c1 is None or c0 is None:
            return None, None
        if c1 + c0 > EXACT_POISSON_LIMIT:
            return "poisson_rate_normal", _poisson_rate_normal(c1, t1, c0, t0)
        return "poisson_rate", poisson_rate_test(c1, t1, c0, t0)
    if _is_sum(model, name):
        m1, m0 = moments[0].get(name), moments[1].get(name)
        if m1 is None or m0 is None:
            return None, None
        return "compound_poisson", compound_poisson_test(m1.total, m1.squares, t1, m0.total, m0.squares, t0)[1]
    if not metric.ratio:
        return None, None
    numerator, denominator = metric.ratio
    n1, d1, n0, d0 = current.numerator, current.denominator, previous.numerator, previous.denominator
    if None in (n1, d1, n0, d0) or not d1 or not d0:
        return None, None
    if _is_count(model, numerator) and _is_count(model, denominator):
        x1, k1, x0, k0 = _whole(n1), _whole(d1), _whole(n0), _whole(d0)
        if None in (x1, k1, x0, k0):
            return None, None
        if is_throughput(model, name):
            p = count_ratio_test(x1, k1, x0, k0)[1]
            return ("count_ratio", p) if not math.isnan(p) else (None, None)
        if x1 > k1 or x0 > k0:
            return None, None
        return "two_proportion", two_proportion_test(x1, k1, x0, k0)[1]
    if _is_sum(model, numerator) and _is_count(model, denominator):
        # An average of amounts: the sum's own count of amounts must be the denominator.
        a1, a0 = moments[0].get(numerator), moments[1].get(numerator)
        if a1 is None or a0 is None or a1.n != d1 or a0.n != d0 or d1 < 2 or d0 < 2:
            return None, None
        return "welch_t", welch_test(int(d1), a1.total, a1.squares, int(d0), a0.total, a0.squares)[2]
    return None, None


def evaluate_tree(
    model: ModelFile,
    period: Period,
    current: MetricsResult,
    last_year: MetricsResult | None,
    lang: str = "en",
    *,
    moments: tuple[Mapping[str, Moments], Mapping[str, Moments]] = ({}, {}),
) -> TreeResult:
    """The tree of `period` from its metrics and last year's; `moments` (this period's, last
    year's) of the sum metrics in `amounts(model, names)` let sums and averages of amounts be tested."""
    label = period.label(lang)
    previous_period = last_year.periods[0] if last_year is not None and last_year.periods else period.same_period_last_year()
    days = (period.days, previous_period.days)
    targets = model.targets.get(period.label("en"), {})
    nodes = []
    for name, depth in tree_order(model):
        record = current.record(name)
        factors = model.tree.get(name, [])
        product = None
        if factors:
            values = [current.record(f).value for f in factors]
            if all(v is not None for v in values):
                product = 1.0
                for v in values:
                    product *= v
        value = record.value
        rel = None
        if product is not None and value not in (None, 0):
            rel = (product - value) / value
        elif product is not None and value == 0:
            rel = 0.0 if product == 0 else None
        exact = None if rel is None else abs(rel) < EXACT
        reason = telescoping_reason(model, name, factors, lang) if factors else None
        target = targets.get(name)
        status = None
        if target is not None and value is not None:
            higher = model.metrics[name].higher_is_better
            status = "on_track" if (value >= target if higher else value <= target) else "behind"
        previous_record = last_year.record(name) if last_year is not None else None
        previous = previous_record.value if previous_record is not None else None
        change = (value - previous) / previous if value is not None and previous not in (None, 0) else None
        test, p_value = None, None
        if previous_record is not None and change is not None:
            test, p_value = noise_test(model, name, record, previous_record, days, moments)
        nodes.append(
            TreeNode(
                name,
                model.metrics[name].label.text(lang, name),
                depth,
                value,
                list(factors),
                product,
                rel,
                exact,
                reason,
                target,
                status,
                previous,
                change,
                record.numerator,
                record.denominator,
                record.ci_low,
                record.ci_high,
                record.small_sample,
                test,
                p_value,
                ratio_kind=ratio_kind(model, name),
                note=_throughput_note(model, name, value, lang),
            )
        )
    return TreeResult(label, _with_q_values(nodes))


def _throughput_note(model: ModelFile, name: str, value: float | None, lang: str) -> str | None:
    """Why a throughput ratio passes 100% (the tree keeps it: it makes the product exact)."""
    if value is None or value <= 1 or not is_throughput(model, name):
        return None
    if lang == "ja":
        return "期間比: 前期以前に入った分が今期に進んだため100%を超えます（改善対象の転換率ではありません）"
    return "throughput ratio: above 100% because entries of earlier periods moved on in this one (not a conversion rate to raise)"


def _with_q_values(nodes: list[TreeNode]) -> list[TreeNode]:
    """Roots judged on their own p; the other tested nodes' BH q-values (q <= ALPHA); untested stay None."""
    out = list(nodes)
    for i, n in enumerate(nodes):
        if n.depth == 0 and n.change_p_value is not None:
            out[i] = replace(n, change_q_value=n.change_p_value, change_significant=n.change_p_value <= ALPHA)
    tested = [i for i, n in enumerate(nodes) if n.change_p_value is not None and n.depth > 0]
    q_values = benjamini_hochberg([nodes[i].change_p_value for i in tested])
    for i, q in zip(tested, q_values, strict=True):
        out[i] = replace(out[i], change_q_value=q, change_significant=q <= ALPHA)
    return out
