"""`kpiflow tree`: the key point map (KPI tree) evaluated on real data.

Each parent should equal the product of its factors (revenue = won_deals x avg_deal_size,
won_deals = closed_deals x win_rate, ...). For every node the tree reports the value, the
product of its factors, their relative difference, and, when they do not telescope, why:
a ratio whose denominator is not the sibling, or whose numerator is not the parent, with the
time columns and conditions that make them differ. Each node also carries its target and the
same period a year earlier.

**Noise.** The change against last year says whether it exceeds noise (BtoB samples are small:
a quarter of 9 won deals against 6 is not a trend). The test follows the rule of `kpiflow
explain`: a count (leads, won deals) gets the exact Poisson rate test (`poisson_rate`) of events
per day, the exposure being the length of each period in days, so a 366-day year is compared
fairly with a 365-day one; a ratio of two counts (win rate) gets the pooled two-proportion z-test
(`two_proportion`) when each numerator is at most its denominator. A sum of amounts (revenue),
a ratio of amounts (average deal size), a ratio whose numerator can exceed its denominator
(opportunities per SQL), a formula and a node without a change (nothing last year) are not
tested: their `change_test` is None and so is `change_significant`, which means "not tested",
never "not significant". The nodes of one tree are read side by side, so their p-values are one
Benjamini-Hochberg family: `change_q_value` is the BH q-value over the tested nodes of the tree,
and a change is significant at q <= 0.05.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, replace

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.metrics import MetricsResult, MetricValue
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period
from kpiflow.model.semantic import source_of
from kpiflow.stats import benjamini_hochberg, poisson_rate_test, two_proportion_test

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
    change_test: str | None = None  # poisson_rate | two_proportion | None (not tested)
    change_p_value: float | None = None  # two-sided, of the change against last year
    change_q_value: float | None = None  # Benjamini-Hochberg over the tested nodes of the tree
    change_significant: bool | None = None  # q <= 0.05; None when not tested


@dataclass(frozen=True)
class TreeResult:
    period: str
    nodes: list[TreeNode]

    def to_dict(self) -> list[dict[str, object]]:
        return [asdict(n) | {"period": self.period} for n in self.nodes]

    def to_frame(self):
        """A pandas DataFrame of the records (pandas is optional)."""
        return records_frame(self.to_dict())

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


def noise_test(
    model: ModelFile, name: str, current: MetricValue, previous: MetricValue, days: tuple[int, int]
) -> tuple[str | None, float | None]:
    """(test name, two-sided p) for a metric's change from `previous` to `current`, or (None, None).

    `days` is (days of the current period, days of the previous one): the exposures of the
    Poisson rate test. Counts and ratios of counts are tested; sums and ratios of amounts are not.
    """
    metric = model.metrics[name]
    if _is_count(model, name):
        c1, c0 = _whole(current.value), _whole(previous.value)
        if c1 is None or c0 is None:
            return None, None
        return "poisson_rate", poisson_rate_test(c1, days[0], c0, days[1])
    if metric.ratio and all(_is_count(model, part) for part in metric.ratio):
        x1, n1 = _whole(current.numerator), _whole(current.denominator)
        x0, n0 = _whole(previous.numerator), _whole(previous.denominator)
        if None in (x1, n1, x0, n0) or not n1 or not n0 or x1 > n1 or x0 > n0:
            return None, None
        return "two_proportion", two_proportion_test(x1, n1, x0, n0)[1]
    return None, None


def evaluate_tree(
    model: ModelFile, period: Period, current: MetricsResult, last_year: MetricsResult | None, lang: str = "en"
) -> TreeResult:
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
            test, p_value = noise_test(model, name, record, previous_record, days)
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
            )
        )
    return TreeResult(label, _with_q_values(nodes))


def _with_q_values(nodes: list[TreeNode]) -> list[TreeNode]:
    """The tested nodes' BH q-values and significance (q <= ALPHA); untested nodes stay None."""
    tested = [i for i, n in enumerate(nodes) if n.change_p_value is not None]
    q_values = benjamini_hochberg([nodes[i].change_p_value for i in tested])
    out = list(nodes)
    for i, q in zip(tested, q_values, strict=True):
        out[i] = replace(out[i], change_q_value=q, change_significant=q <= ALPHA)
    return out
