"""`kpiflow explain`: why a KPI changed between two periods, exactly, down to the segments.

**Factors.** The node's change is split down the KPI tree with the additive LMDI-I
(`kpiflow.analysis.lmdi.decompose_tree`): revenue = won deals x average deal size, won deals =
closed deals x win rate, ... Every contribution is in the node's unit (yen of revenue) and the
leaves sum to the change with no residual. A tree node that is not the product of its factors
in both periods (`kpiflow tree` says why) is not split further: it becomes a leaf, with a note.
A rate undefined in one period (its denominator is 0 there: no won deals, no average deal size)
counts as unchanged from the other period, so the change is credited to the volume that went to
or came from 0; undefined in both periods it counts as 0.

**Segments.** Each leaf factor F, with contribution C_F, is split over the segments of every
dimension asked for (default: the model's `dimensions`). Segment contributions are the
segment's share of F's own change, converted to the node's unit with the factor's exchange
rate C_F / (F_end - F_start) (when F does not change but its segments do, the LMDI weight
L(V) / L(F), the limit of that rate), so they sum to C_F:

- a count or a sum (leads, closed deals, revenue) is the sum of its segments: the segment's
  change is x_i,end - x_i,start;
- a ratio N / D (win rate, average deal size) is sum_i s_i r_i with the segment's weight
  s_i = D_i / D (**mix**) and its own rate r_i = N_i / D_i (**rate**). The change of each
  s_i r_i is split into mix and rate by LMDI-I over the segments, so mix + rate is the
  segment's contribution and every part sums exactly. A segment absent from one period
  (D_i = 0) keeps the other period's rate: its appearance is all mix.

Rounding is spread over the parts (`lmdi.spread`) so the sums are exact to the last bits. When
segments do not add up to the total (a distinct count, where a person belongs to two segments,
or a period-basis ratio with a segment that has a numerator but no denominator in a period:
MQLs this quarter from a show whose leads came last quarter) the difference is reported as a
segment whose value is None and `unattributed` is true, never hidden.

Each segment also gets its **explanatory power** (its share of C_F) and its **surprise**,
Adtributor's Jensen-Shannon term (Bhagwan et al., NSDI 2014) between its share of F before and
after (for a ratio, its share of the numerator): a segment whose share moved explains the
change better than one that merely grew with the rest. The dimension of a finding is the one
whose picked segments include a significant change, then reach 2/3, then surprise most.

**Noise.** Each segment's change is tested: two-proportion z-test for a conversion rate (win
rate 28% -> 60%), the log ratio-of-ratios z-test of four Poisson counts for a throughput ratio
(SQLs / MQLs entered in the period, which may pass 100%), exact Poisson rate test for a count
(deals per day; a normal approximation above 1,000 events), compound-Poisson z-test for a sum of amounts (revenue per day, variance
= sum of squared amounts), Welch's t-test for an average of amounts (average deal size).
Exposure is the length of each period in days, so a 92-day quarter is compared fairly with a
90-day one. Other ratios (cost per lead) are not tested and say so. The p-values of all
segments tested get Benjamini-Hochberg q-values; a segment is significant at q <= 0.05. The
factors' own totals are tested the same way (their own BH family).

**Ranking.** Segments are ranked by the size of their contribution. The explanations are the
few factor x segment findings that account for most of the change: for each leaf factor with
a material share of the change (5% of the gross contributions), the dimension whose segments
concentrate the change most (Adtributor: segments with explanatory power >= 10%, most
surprising first, until they explain 2/3 of the factor; the dimension with the largest total
surprise wins). Findings with a significant segment come first, then the largest; at most 3
are kept. What they do not cover is `rest`.

**Summary.** The narrative names, largest contribution first, every leaf factor whose
contribution is at least 10% of the change and larger than noise (its own test, or a
significant segment of its finding), each with its finding when it has one; then the other
factors together. A throughput ratio (period counts, may pass 100%) is named as one, with why
it passes 100% where it does, never as a rate that rose or fell.

Every scan is one grouped query per table and time column with grouping sets (total + each
dimension) over both periods: the engine reads each table once.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.lmdi import PRODUCT_TOLERANCE, Contribution, decompose, decompose_tree, spread
from kpiflow.analysis.metrics import closure, evaluate_cells
from kpiflow.analysis.result import Described
from kpiflow.engine.base import Engine
from kpiflow.engine.metric_sql import SIDE_COLUMN, segment_queries
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.formatting import format_value
from kpiflow.messages import say
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period
from kpiflow.model.ratios import is_throughput
from kpiflow.model.semantic import check_dimensions, source_of
from kpiflow.stats import (
    SMALL_SAMPLE,
    benjamini_hochberg,
    compound_poisson_test,
    count_ratio_test,
    js_divergence_term,
    log_mean,
    poisson_rate_test,
    ratio,
    two_proportion_test,
    welch_test,
)

ALPHA = 0.05
"""False discovery rate at which a change counts as larger than noise."""
EXACT_POISSON_LIMIT = 1000
"""Above this many events the Poisson rate test uses its normal approximation (the exact sum is slow;
the approximation of a binomial with n > 1000 and p near 1/2 is good to the third digit)."""
MATERIAL_SHARE = 0.05
"""A factor explains a material part of the change from this share of the gross contributions."""
MIN_EXPLANATORY_POWER = 0.10
EXPLAINED = 2 / 3
MAX_EXPLANATIONS = 3
NAMED_SHARE = 0.10
"""The summary names every factor larger than noise whose contribution is at least this share of the change."""
MAX_SEGMENTS_PER_EXPLANATION = 3


@dataclass(frozen=True)
class FactorChange:
    """A node of the KPI tree below the explained metric, with its share of the change."""

    metric: str
    label: str
    parent: str | None
    depth: int
    leaf: bool
    value_from: float | None
    value_to: float | None
    contribution: float
    share: float | None  # of the total change
    numerator_from: float | None = None
    numerator_to: float | None = None
    denominator_from: float | None = None
    denominator_to: float | None = None
    test: str | None = None
    p_value: float | None = None
    q_value: float | None = None
    significant: bool | None = None
    small_sample: bool = False

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class SegmentChange:
    """One segment of one dimension for one leaf factor: where the factor's change came from."""

    factor: str
    dimension: str
    value: object  # the segment (None: the part no segment accounts for)
    contribution: float  # in the explained metric's unit
    mix: float | None  # ratio factors: the part due to the segment's weight
    rate: float | None  # ratio factors: the part due to the rate inside the segment
    explanatory_power: float | None  # share of the factor's contribution
    surprise: float | None
    value_from: float | None  # the factor inside the segment (a count, an amount or a rate)
    value_to: float | None
    numerator_from: float | None = None
    numerator_to: float | None = None
    denominator_from: float | None = None
    denominator_to: float | None = None
    share_from: float | None = None  # weight (ratio) or share of the total (count, sum)
    share_to: float | None = None
    test: str | None = None
    p_value: float | None = None
    q_value: float | None = None
    significant: bool | None = None
    small_sample: bool = False
    unattributed: bool = False  # the part of the change no segment accounts for (value is None)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Explanation:
    """A finding for the summary: one factor, one dimension, the segments that carry its change."""

    factor: str
    dimension: str
    values: list[object]
    contribution: float
    explanatory_power: float | None
    significant: bool

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class ExplainResult(Described):
    metric: str
    label: str
    period_from: str
    period_to: str
    value_from: float
    value_to: float
    total_change: float
    relative_change: float | None
    test: str | None
    p_value: float | None
    significant: bool | None
    factors: list[FactorChange]  # the leaves: they sum to total_change
    tree: list[FactorChange]  # every node, top-down
    dimensions: list[str]
    segments: list[SegmentChange]  # ranked by |contribution|, unattributed parts last
    explanations: list[Explanation]
    rest: float
    summary: str
    summaries: dict[str, str]
    notes: list[str] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)

    ANALYSIS = "explain"
    MAIN = "factors"
    PARAMS = ("metric", "from", "to", "dimensions")
    NOTES = ("notes",)
    # Parts of the change are in the explained metric's unit.
    KINDS = {"contribution": "measure", "mix": "measure", "segments.rate": "measure", "rest": "measure", "surprise": "number"}

    def to_json_data(self) -> dict[str, object]:
        return {
            "metric": self.metric,
            "label": self.label,
            "from": self.period_from,
            "to": self.period_to,
            "value_from": self.value_from,
            "value_to": self.value_to,
            "total_change": self.total_change,
            "relative_change": self.relative_change,
            "test": self.test,
            "p_value": self.p_value,
            "significant": self.significant,
            "factors": [f.to_dict() for f in self.factors],
            "tree": [f.to_dict() for f in self.tree],
            "dimensions": self.dimensions,
            "segments": [s.to_dict() for s in self.segments],
            "explanations": [e.to_dict() for e in self.explanations],
            "rest": self.rest,
            "summary": self.summary,
            "summaries": self.summaries,
            "notes": self.notes,
        }

    def to_frame(self):
        """A pandas DataFrame of the ranked segments (pandas is optional)."""
        return records_frame([s.to_dict() for s in self.segments])

    def factor(self, metric: str) -> FactorChange:
        for node in self.tree:
            if node.metric == metric:
                return node
        raise LookupError(metric)

    def segments_of(self, factor: str, dimension: str | None = None) -> list[SegmentChange]:
        return [s for s in self.segments if s.factor == factor and (dimension is None or s.dimension == dimension)]


# --- the engine side -------------------------------------------------------------------------

_Cells = dict[tuple[int, str | None, object], dict[str, float]]  # (side, dimension, segment) -> base values


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _scan(engine: Engine, queries, texts: Sequence[str]) -> _Cells:
    cells: _Cells = {}
    for query, text in zip(queries, texts, strict=True):
        result = engine.run(text)
        header = list(result.columns)
        side_at = header.index(SIDE_COLUMN)
        dims = [(d, header.index(d), header.index(f"{d}__total")) for d in query.dimensions]
        values = [(name, i) for i, name in enumerate(header) if name not in {SIDE_COLUMN} and i not in _dim_columns(dims)]
        for row in result.rows:
            dimension = segment = None
            for name, at, total_at in dims:
                if row[total_at] == 0:
                    dimension, segment = name, _plain(row[at])
            cell = cells.setdefault((row[side_at], dimension, segment), {})
            for name, i in values:
                cell[name] = _plain(row[i]) or 0
    return cells


def _dim_columns(dims) -> set[int]:
    return {i for _, at, total_at in dims for i in (at, total_at)}


# --- the analysis ----------------------------------------------------------------------------


def _subtree(model: ModelFile, metric: str) -> list[tuple[str, str | None, int]]:
    """(node, parent, depth) below `metric`, top-down, each node once."""
    out: list[tuple[str, str | None, int]] = []
    seen: set[str] = set()

    def visit(name: str, parent: str | None, depth: int) -> None:
        if name in seen:
            return
        seen.add(name)
        out.append((name, parent, depth))
        for factor in model.tree.get(name, []):
            visit(factor, name, depth + 1)

    visit(metric, None, 0)
    return out


def _fill_undefined(values0: dict[str, float | None], values1: dict[str, float | None]) -> tuple[dict, dict]:
    """A value undefined in one period takes the other period's; in both, 0 (see the module doc)."""
    a, b = dict(values0), dict(values1)
    for name in set(a) | set(b):
        x, y = a.get(name), b.get(name)
        a[name] = x if x is not None else (y if y is not None else 0.0)
        b[name] = y if y is not None else (x if x is not None else 0.0)
    return a, b


def _exact_tree(model: ModelFile, nodes, values0, values1, lang: str) -> tuple[dict[str, list[str]], list[str]]:
    tree: dict[str, list[str]] = {}
    notes = []
    for name, _, _ in nodes:
        factors = model.tree.get(name, [])
        if not factors:
            continue
        exact = all(
            math.isclose(values[name], math.prod(values[f] for f in factors), rel_tol=PRODUCT_TOLERANCE, abs_tol=1e-12)
            for values in (values0, values1)
        )
        if exact:
            tree[name] = list(factors)
        else:
            notes.append(say("explain.not_exact", lang, metric=name, factors=" x ".join(factors)))
    return tree, notes


def explain(
    engine: Engine,
    model: ModelFile,
    metric: str,
    start: Period,
    end: Period,
    *,
    by: Sequence[str] | None = None,
    columns: Mapping[str, Sequence[str]],
    lang: str = "en",
    cache: dict | None = None,
) -> ExplainResult:
    """Explain the change of `metric` from period `start` to period `end` (see the module doc).

    `cache` (owned by the workspace, emptied when data is loaded) keeps the compiled SQL.
    """
    if metric not in model.metrics:
        raise UnknownNameError.for_name("metric", metric, model.metrics)
    if start.start < end.end and end.start < start.end:
        raise KpiflowError(say("explain.overlap", lang, start=start.label(lang), end=end.label(lang)))
    dimensions = list(dict.fromkeys(by if by else model.dimensions))
    check_dimensions(dimensions, columns, model.dimensions)
    nodes = _subtree(model, metric)
    needed = closure(model, [n for n, _, _ in nodes])
    bases = [n for n in needed if source_of(n, model.metrics[n]) is not None]
    ranges = [start.sql_bounds(), end.sql_bounds()]
    key = ("explain", engine.dialect, tuple(bases), tuple(ranges), tuple(dimensions))
    compiled = cache.get(key) if cache is not None else None
    if compiled is None:
        queries = segment_queries(model, bases, ranges=ranges, dimensions=dimensions, columns=columns)
        compiled = (queries, [q.sql(engine.dialect) for q in queries])
        if cache is not None:
            cache[key] = compiled
    queries, texts = compiled
    cells = _scan(engine, queries, texts)
    unreachable = {m: set(q.missing) for q in queries for m in q.metrics}

    totals = [cells.get((side, None, None), {}) for side in (0, 1)]
    raw0, raw1 = evaluate_cells(model, needed, totals)
    values0, values1 = _fill_undefined(raw0, raw1)
    tree, notes = _exact_tree(model, nodes, values0, values1, lang)
    root = decompose_tree(tree, metric, values0, values1)
    exposures = (start.days, end.days)
    labels = {n: model.metrics[n].label.text(lang, n) for n in needed}

    # Factor nodes, with their totals tested.
    parents = {n: p for n, p, _ in nodes}
    depths = {n: d for n, _, d in nodes}
    tree_rows: list[FactorChange] = []
    node_tests: list[tuple[str, float | None]] = []
    total_change = root.contribution
    for node in _unique(root):
        parts = _parts(model, node.metric, totals[0], totals[1], raw0, raw1)
        test, p = _test(model, node.metric, parts, exposures)
        node_tests.append((node.metric, p))
        tree_rows.append(
            FactorChange(
                node.metric,
                labels[node.metric],
                parents.get(node.metric),
                depths.get(node.metric, 0),
                not node.factors,
                raw0.get(node.metric),
                raw1.get(node.metric),
                node.contribution,
                node.contribution / total_change if total_change else None,
                *parts.ratio_counts(),
                test,
                p,
                small_sample=parts.small(),
            )
        )
    # The explained node is the question asked: its own p-value. Its factors are one BH family.
    root_test = tree_rows[0]
    if root_test.p_value is not None:
        root_test = replace(root_test, q_value=root_test.p_value, significant=root_test.p_value <= ALPHA)
    tree_rows = [root_test, *_with_q_values(tree_rows[1:])]
    leaves = root.leaves()
    factors = [r for r in tree_rows if r.leaf]

    # Segments of every leaf factor, in every dimension it can reach.
    segments: list[SegmentChange] = []
    for leaf, contribution in leaves.items():
        if model.metrics[leaf].kind == "formula":
            notes.append(say("explain.formula", lang, metric=leaf))
            continue
        deps = [d for d in closure(model, [leaf]) if d in unreachable]
        for dim in dimensions:
            blocked = sorted({d for d in deps if dim in unreachable[d]})
            if blocked:
                notes.append(say("explain.unreachable", lang, metric=leaf, dimension=dim))
                continue
            segments += _segments(
                model, leaf, dim, contribution, cells, exposures, raw0, raw1, values0, values1, (values0[metric], values1[metric])
            )
    segments = _with_q_values(segments)
    # Ranked by size; the unattributed parts (what no segment explains) after every segment.
    segments.sort(key=lambda s: (s.unattributed, -abs(s.contribution), s.factor, s.dimension, str(s.value)))

    value_from, value_to = raw0.get(metric), raw1.get(metric)
    root_row = tree_rows[0]
    explanations = _explanations(factors, segments, total_change)
    rest = total_change - math.fsum(e.contribution for e in explanations)
    summaries = {
        language: _summary(model, metric, start, end, values0, values1, root_row, factors, segments, explanations, language)
        for language in ("ja", "en")
    }
    return ExplainResult(
        metric=metric,
        label=labels[metric],
        period_from=start.label(lang),
        period_to=end.label(lang),
        value_from=value_from if value_from is not None else 0.0,
        value_to=value_to if value_to is not None else 0.0,
        total_change=total_change,
        relative_change=(total_change / value_from) if value_from else None,
        test=root_row.test,
        p_value=root_row.p_value,
        significant=root_row.significant,
        factors=factors,
        tree=tree_rows,
        dimensions=dimensions,
        segments=segments,
        explanations=explanations,
        rest=rest,
        summary=summaries["ja" if lang == "ja" else "en"],
        summaries=summaries,
        notes=notes,
        queries=list(texts),
    )


def _unique(root: Contribution) -> list[Contribution]:
    seen: set[str] = set()
    out = []
    for node in root.walk():
        if node.metric not in seen:
            seen.add(node.metric)
            out.append(node)
    return out


# --- one factor in one segment (or in total): its parts and its test -------------------------


@dataclass(frozen=True)
class _Parts:
    """What a factor is made of in two periods: a value, or a numerator and a denominator."""

    kind: str  # count | sum | ratio | formula
    value0: float | None
    value1: float | None
    num0: float | None = None
    num1: float | None = None
    den0: float | None = None
    den1: float | None = None
    moments0: tuple[float, float, float] | None = None  # (n, sum, sum of squares) of the amounts
    moments1: tuple[float, float, float] | None = None
    numerator: str | None = None
    denominator: str | None = None

    def ratio_counts(self) -> tuple[float | None, float | None, float | None, float | None]:
        return self.num0, self.num1, self.den0, self.den1

    def small(self) -> bool:
        if self.kind == "ratio":
            return any(d is not None and d < SMALL_SAMPLE for d in (self.den0, self.den1))
        if self.kind == "count":  # a count is compared through the total of both periods
            return (self.value0 or 0) + (self.value1 or 0) < SMALL_SAMPLE
        if self.kind == "sum" and self.moments0 and self.moments1:
            return min(self.moments0[0], self.moments1[0]) < SMALL_SAMPLE
        return False


def _moments(model: ModelFile, name: str, cell: Mapping[str, float]) -> tuple[float, float, float] | None:
    if model.metrics[name].kind != "sum":
        return None
    return (cell.get(f"{name}__n", 0), cell.get(name, 0), cell.get(f"{name}__sq", 0.0))


def _parts(model: ModelFile, name: str, cell0, cell1, values0, values1) -> _Parts:
    metric = model.metrics[name]
    kind = {"count": "count", "count_distinct": "count", "sum": "sum"}.get(metric.kind, metric.kind)
    v0, v1 = values0.get(name), values1.get(name)
    if metric.ratio:
        num, den = metric.ratio
        return _Parts(
            "ratio",
            v0,
            v1,
            values0.get(num),
            values1.get(num),
            values0.get(den),
            values1.get(den),
            _moments(model, num, cell0),
            _moments(model, num, cell1),
            num,
            den,
        )
    return _Parts(kind, v0, v1, moments0=_moments(model, name, cell0), moments1=_moments(model, name, cell1))


def _is_count(model: ModelFile, name: str | None) -> bool:
    return name is not None and model.metrics[name].kind in ("count", "count_distinct")


def _test(model: ModelFile, name: str, parts: _Parts, exposures: tuple[int, int]) -> tuple[str | None, float | None]:
    """(test name, two-sided p) for the change of one factor, or (None, None) when none applies."""
    t0, t1 = exposures
    if parts.kind == "count":
        c0, c1 = int(parts.value0 or 0), int(parts.value1 or 0)
        if c0 + c1 > EXACT_POISSON_LIMIT:
            share = t1 / (t0 + t1)
            z = (c1 - (c0 + c1) * share) / math.sqrt((c0 + c1) * share * (1 - share))
            return "poisson_rate_normal", math.erfc(abs(z) / math.sqrt(2))
        return "poisson_rate", poisson_rate_test(c1, t1, c0, t0)
    if parts.kind == "sum" and parts.moments0 and parts.moments1:
        (_, s0, q0), (_, s1, q1) = parts.moments0, parts.moments1
        return "compound_poisson", compound_poisson_test(s1, q1, t1, s0, q0, t0)[1]
    if parts.kind == "ratio":
        metric = model.metrics[name]
        num, den = metric.ratio
        n0, n1, d0, d1 = parts.num0, parts.num1, parts.den0, parts.den1
        if None in (n0, n1, d0, d1) or not d0 or not d1:
            return None, None
        if _is_count(model, num) and _is_count(model, den):
            if is_throughput(model, name):
                p = count_ratio_test(int(n1), int(d1), int(n0), int(d0))[1]
                return ("count_ratio", p) if not math.isnan(p) else (None, None)
            if 0 <= n0 <= d0 and 0 <= n1 <= d1:
                return "two_proportion", two_proportion_test(int(n1), int(d1), int(n0), int(d0))[1]
            return None, None
        moments0, moments1 = parts.moments0, parts.moments1
        # An average of amounts: the sum's own row count must be the denominator.
        if moments0 and moments1 and _is_count(model, den) and moments0[0] == d0 and moments1[0] == d1:
            if d0 >= 2 and d1 >= 2:
                return "welch_t", welch_test(int(d1), moments1[1], moments1[2], int(d0), moments0[1], moments0[2])[2]
    return None, None


def _with_q_values(rows: list):
    tested = [i for i, r in enumerate(rows) if r.p_value is not None]
    q_values = benjamini_hochberg([rows[i].p_value for i in tested])
    out = list(rows)
    for i, q in zip(tested, q_values, strict=True):
        out[i] = replace(out[i], q_value=q, significant=q <= ALPHA)
    return out


# --- segments --------------------------------------------------------------------------------


def _exchange_rate(contribution: float, own0: float, own1: float, root0: float, root1: float) -> float:
    """Node-unit per factor-unit: C_F / dF, or the LMDI weight ratio when the factor did not move."""
    change = own1 - own0
    if change != 0:
        return contribution / change
    if root0 > 0 and root1 > 0 and own0 > 0:
        return log_mean(root0, root1) / own0
    return 0.0


def _segments(
    model: ModelFile,
    factor: str,
    dimension: str,
    contribution: float,
    cells: _Cells,
    exposures: tuple[int, int],
    raw0: dict,
    raw1: dict,
    values0: dict,
    values1: dict,
    root_values: tuple[float, float],
) -> list[SegmentChange]:
    keys = sorted({k[2] for k in cells if k[1] == dimension}, key=lambda v: (v is None, str(v)))
    if not keys:
        return []
    seg_cells = [(cells.get((0, dimension, key), {}), cells.get((1, dimension, key), {})) for key in keys]
    evaluated0 = evaluate_cells(model, [factor], [c0 for c0, _ in seg_cells])
    evaluated1 = evaluate_cells(model, [factor], [c1 for _, c1 in seg_cells])
    parts = [_parts(model, factor, c0, c1, e0, e1) for (c0, c1), e0, e1 in zip(seg_cells, evaluated0, evaluated1, strict=True)]
    total = _parts(model, factor, {}, {}, raw0, raw1)
    own0, own1 = values0[factor], values1[factor]
    metric = model.metrics[factor]
    if metric.ratio:
        rows = _ratio_segments(parts, total)
    else:
        rows = [((p.value0 or 0.0), (p.value1 or 0.0), None, None) for p in parts]
    # rows: (segment value in period 0 as part of F, in period 1, mix, rate) in the factor's unit
    changes = [b - a if mix is None else mix + rate for a, b, mix, rate in rows]
    residual = (own1 - own0) - math.fsum(changes)
    gross = math.fsum(abs(c) for c in changes) + abs(own1 - own0)
    keys_out: list[object] = list(keys)
    parts_out = list(parts)
    if gross and abs(residual) > 1e-9 * gross:
        changes.append(residual)
        rows.append((None, None, None, None))
        keys_out.append(None)
        parts_out.append(None)
    rate_of_exchange = _exchange_rate(contribution, own0, own1, *root_values)
    contributions = spread([c * rate_of_exchange for c in changes], contribution) if changes else []
    num_total0 = total.num0 if metric.ratio else own0
    num_total1 = total.num1 if metric.ratio else own1
    out = []
    for key, part, row, share_of_node in zip(keys_out, parts_out, rows, contributions, strict=True):
        if part is None:  # what no segment accounts for
            out.append(
                SegmentChange(
                    factor,
                    dimension,
                    None,
                    share_of_node,
                    None,
                    None,
                    ratio(share_of_node, contribution),
                    None,
                    None,
                    None,
                    unattributed=True,
                )
            )
            continue
        mix = rate = None
        if metric.ratio:
            _, _, mix_own, rate_own = row
            mix, rate = spread([mix_own * rate_of_exchange, rate_own * rate_of_exchange], share_of_node)
        numerator0 = part.num0 if metric.ratio else part.value0
        numerator1 = part.num1 if metric.ratio else part.value1
        p_share = ratio(numerator0, num_total0)
        q_share = ratio(numerator1, num_total1)
        surprise = js_divergence_term(p_share, q_share) if _shares_ok(p_share, q_share) else None
        test, p = _test(model, factor, part, exposures)
        weights = (ratio(part.den0, total.den0), ratio(part.den1, total.den1)) if metric.ratio else (p_share, q_share)
        out.append(
            SegmentChange(
                factor,
                dimension,
                key,
                share_of_node,
                mix,
                rate,
                ratio(share_of_node, contribution),
                surprise,
                part.value0,
                part.value1,
                part.num0,
                part.num1,
                part.den0,
                part.den1,
                weights[0],
                weights[1],
                test,
                p,
                small_sample=part.small(),
            )
        )
    return out


def _shares_ok(p: float | None, q: float | None) -> bool:
    return p is not None and q is not None and p >= 0 and q >= 0


def _ratio_segments(parts: list[_Parts], total: _Parts) -> list[tuple[float, float, float, float]]:
    """Mix and rate of each segment of a ratio N / D = sum_i (D_i / D)(N_i / D_i), by LMDI-I."""
    d0, d1 = total.den0 or 0.0, total.den1 or 0.0
    start: dict[str, dict[str, float]] = {}
    end: dict[str, dict[str, float]] = {}
    for i, p in enumerate(parts):
        s0 = (p.den0 or 0.0) / d0 if d0 else 0.0
        s1 = (p.den1 or 0.0) / d1 if d1 else 0.0
        r0 = p.num0 / p.den0 if p.den0 else None
        r1 = p.num1 / p.den1 if p.den1 else None
        # A segment absent from a period keeps the other period's rate: its appearance is all mix.
        r0, r1 = (r0 if r0 is not None else (r1 or 0.0)), (r1 if r1 is not None else (r0 or 0.0))
        start[str(i)] = {"mix": s0, "rate": r0}
        end[str(i)] = {"mix": s1, "rate": r1}
    result = decompose(start, end)
    rows = []
    for i in range(len(parts)):
        a = start[str(i)]["mix"] * start[str(i)]["rate"]
        b = end[str(i)]["mix"] * end[str(i)]["rate"]
        rows.append((a, b, result.cells[(str(i), "mix")], result.cells[(str(i), "rate")]))
    return rows


# --- explanations and the narrative ----------------------------------------------------------


def _explanations(factors: list[FactorChange], segments: list[SegmentChange], total: float) -> list[Explanation]:
    gross = math.fsum(abs(f.contribution) for f in factors)
    if gross == 0:
        return []
    out: list[Explanation] = []
    for factor in factors:
        if abs(factor.contribution) < MATERIAL_SHARE * gross:
            continue
        best: tuple[tuple[bool, bool, float], str, list[SegmentChange]] | None = None
        by_dimension: dict[str, list[SegmentChange]] = {}
        for s in segments:
            if s.factor == factor.metric and s.value is not None:
                by_dimension.setdefault(s.dimension, []).append(s)
        for dimension, rows in by_dimension.items():
            candidates = [s for s in rows if (s.explanatory_power or 0) >= MIN_EXPLANATORY_POWER]
            candidates.sort(key=lambda s: -(s.surprise or 0))
            picked, power = [], 0.0
            for s in candidates:
                if power >= EXPLAINED or len(picked) >= MAX_SEGMENTS_PER_EXPLANATION:
                    break
                picked.append(s)
                power += s.explanatory_power or 0
            if not picked:
                continue
            score = (
                any(bool(s.significant) for s in picked),
                min(power, 1.0) >= EXPLAINED,
                math.fsum(s.surprise or 0 for s in picked),
            )
            if best is None or score > best[0]:
                best = (score, dimension, picked)
        if best is None:
            continue
        _, dimension, picked = best
        picked.sort(key=lambda s: -abs(s.contribution))
        contribution = math.fsum(s.contribution for s in picked)
        out.append(
            Explanation(
                factor.metric,
                dimension,
                [s.value for s in picked],
                contribution,
                ratio(contribution, factor.contribution),
                any(bool(s.significant) for s in picked),
            )
        )
    # Findings larger than noise first, then the largest: the change a manager can act on.
    out.sort(key=lambda e: (not e.significant, -abs(e.contribution)))
    return out[:MAX_EXPLANATIONS]


def _format(model: ModelFile, name: str, value: float | None, lang: str) -> str:
    metric = model.metrics[name]
    return format_value(value, metric.format, lang, model.currency)


def signed_change(model: ModelFile, name: str, value: float, lang: str) -> str:
    """A change in the metric's unit: +1.48億円, -¥26,185,593, +6.3 pts (a rate changes in points)."""
    if model.metrics[name].format == "percent":
        return say("explain.points", lang, points=f"{value * 100:+.1f}")
    text = _format(model, name, abs(value), lang)
    return ("+" if value >= 0 else "-") + text


def _noise(significant: bool | None, lang: str) -> str:
    if significant is None:
        return say("explain.untested", lang)
    return say("explain.significant" if significant else "explain.noise", lang)


def _named_factors(metric: str, factors: list[FactorChange], explanations: list[Explanation], change: float) -> list[FactorChange]:
    """The factors the summary names, largest contribution first: every one whose contribution is
    at least `NAMED_SHARE` of the change and larger than noise (its own change, or a segment of its
    finding). A metric explained by itself (no tree below it) is named by its finding."""
    findings = {e.factor: e for e in explanations}
    if all(f.metric == metric for f in factors):
        return [f for f in factors if f.metric in findings]
    named = [
        f
        for f in factors
        if f.contribution
        and abs(f.contribution) >= NAMED_SHARE * abs(change)
        and (f.significant or (f.metric in findings and findings[f.metric].significant))
    ]
    return sorted(named, key=lambda f: -abs(f.contribution))


def _factor_sentence(model: ModelFile, metric: str, factor: FactorChange, label: str, ends: bool, lang: str) -> str:
    """How much of the change one factor brought. A throughput ratio (period counts, may pass 100%)
    is named as one, never as a rate that rose or fell: it is not a rate to improve."""
    values = {
        "contribution": signed_change(model, metric, factor.contribution, lang),
        "factor": label,
        "value_from": _format(model, factor.metric, factor.value_from, lang),
        "value_to": _format(model, factor.metric, factor.value_to, lang),
        "noise": _noise(factor.significant, lang),
    }
    if is_throughput(model, factor.metric):
        over = ""
        if any(v is not None and v > 1 for v in (factor.value_from, factor.value_to)):
            numerator, denominator = model.metrics[factor.metric].ratio
            over = say(
                "explain.throughput_over",
                lang,
                numerator=model.metrics[numerator].label.text(lang, numerator),
                denominator=model.metrics[denominator].label.text(lang, denominator),
            )
        return say("explain.summary.throughput" + ("_end" if ends else ""), lang, over=over, **values)
    direction = "up" if (factor.value_to or 0) >= (factor.value_from or 0) else "down"
    move = say(f"explain.move.{direction}.{'rate' if model.metrics[factor.metric].ratio else 'volume'}", lang)
    return say("explain.summary.factor_end" if ends else f"explain.summary.factor_{direction}", lang, move=move, **values)


def _summary(model, metric, start, end, values0, values1, root, factors, segments, explanations, lang) -> str:
    label = model.metrics[metric].label.text(lang, metric)
    change = root.contribution
    relative = f"{change / values0[metric]:+.1%}" if values0[metric] else "—"
    parts = [
        say(
            "explain.summary.total",
            lang,
            metric=label,
            start=start.label(lang),
            end=end.label(lang),
            value_from=_format(model, metric, values0[metric], lang),
            value_to=_format(model, metric, values1[metric], lang),
            change=signed_change(model, metric, change, lang),
            relative=relative,
            noise=_noise(root.significant, lang),
        )
    ]
    findings = {e.factor: e for e in explanations}
    named = _named_factors(metric, factors, explanations, change)
    for factor in named:
        factor_label = model.metrics[factor.metric].label.text(lang, factor.metric)
        if is_throughput(model, factor.metric):
            factor_label += say("explain.throughput_mark", lang)
        explanation = findings.get(factor.metric)
        if factor.metric != metric:  # a metric explained by itself needs no "came from a rise in itself"
            parts.append(_factor_sentence(model, metric, factor, factor_label, explanation is None, lang))
        if explanation is None:
            continue
        top = next(
            s
            for s in segments
            if s.factor == explanation.factor and s.dimension == explanation.dimension and s.value == explanation.values[0]
        )
        values = ", ".join(str(v) for v in explanation.values)
        power = f"{explanation.explanatory_power:.0%}" if explanation.explanatory_power is not None else "—"
        over = (explanation.explanatory_power or 0) > 1
        parts.append(
            say(
                "explain.summary.segment_over" if over else "explain.summary.segment",
                lang,
                share=power,
                dimension=explanation.dimension,
                values=values,
                factor=factor_label,
                value_from=_format(model, factor.metric, top.value_from, lang),
                value_to=_format(model, factor.metric, top.value_to, lang),
                noise=_noise(top.significant, lang),
            )
        )
    rest = change - math.fsum(f.contribution for f in named)
    if named and abs(rest) > 0.005 * max(abs(change), 1e-12):
        parts.append(say("explain.summary.rest", lang, rest=signed_change(model, metric, rest, lang)))
    return ("" if lang == "ja" else " ").join(parts)


__all__ = ["ExplainResult", "Explanation", "FactorChange", "SegmentChange", "explain", "signed_change"]
