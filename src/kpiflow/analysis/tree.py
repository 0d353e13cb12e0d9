"""`kpiflow tree`: the key point map (KPI tree) evaluated on real data.

Each parent should equal the product of its factors (revenue = won_deals x avg_deal_size,
won_deals = closed_deals x win_rate, ...). For every node the tree reports the value, the
product of its factors, their relative difference, and, when they do not telescope, why:
a ratio whose denominator is not the sibling, or whose numerator is not the parent, with the
time columns and conditions that make them differ. Each node also carries its target and the
same period a year earlier.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.metrics import MetricsResult
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period
from kpiflow.model.semantic import source_of

EXACT = 1e-9


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


def evaluate_tree(
    model: ModelFile, period: Period, current: MetricsResult, last_year: MetricsResult | None, lang: str = "en"
) -> TreeResult:
    label = period.label(lang)
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
        previous = last_year.record(name).value if last_year is not None else None
        change = (value - previous) / previous if value is not None and previous not in (None, 0) else None
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
            )
        )
    return TreeResult(label, nodes)
