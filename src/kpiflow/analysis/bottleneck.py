"""`kpiflow bottleneck`: which stage conversion rate, repaired, is worth the most revenue.

Only conversion rates are ranked: proportions of entities between 0 and 1 that a team can
raise. A stage ratio of the tree that is itself a conversion rate (win rate: won among closed
deals) is read as it is, per period. A throughput ratio (SQL rate = SQLs / MQLs entered in the
period, close rate = closed / created deals) can pass 100% and is never a rate to improve: it is
read as its cohort conversion rate instead (`kpiflow.analysis.conversion`: the MQLs that entered
in the period and became SQL, or went further, within the ratio's window; immature members left
out). A ratio no entity links (a count of one table over a sum of another) is not ranked.

The reference is the target for the period where one is set (a rate between 0 and 1), else the
team's best recent quarter (`best-period`: the four latest quarters whose cohorts have matured,
each of at least 30), or the best segment of the same period (`best-segment`). The best of noisy
rates is biased upwards (the winner's curse), so each candidate is first shrunk toward the
pooled rate by empirical Bayes (`kpiflow.stats.shrink_rates`), and the reference carries its
own 95% interval; the raw best is kept as `reference_raw`. Revenue is the product of the tree's
factors, so raising one rate from `actual` to `reference` with everything else held multiplies
revenue by reference / actual: the gain is revenue x (reference / actual - 1), with the range
that the actual rate's Wilson interval gives. Small samples are marked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from kpiflow.analysis.conversion import CohortRate, cohort_rates
from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.metrics import compute_metrics
from kpiflow.analysis.result import Described
from kpiflow.analysis.tree import tree_order
from kpiflow.engine.base import Engine
from kpiflow.errors import KpiflowError
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period, trailing
from kpiflow.model.ratios import CONVERSION, cohort_link, ratio_kind
from kpiflow.stats import SMALL_SAMPLE, ShrunkRate, shrink_rates, wilson_interval

REFERENCES = ("target", "best-period", "best-segment")
HISTORY_QUARTERS = 4


@dataclass(frozen=True)
class Bottleneck:
    stage: str  # the rate's metric name
    label: str
    dimensions: dict[str, object]
    actual: float | None
    numerator: float | None
    denominator: float | None
    reference: float | None
    reference_source: str | None
    revenue: float | None
    revenue_gain: float | None
    gain_low: float | None
    gain_high: float | None
    small_sample: bool
    note: str | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    # period: the ratio is a conversion rate as it stands; cohort: a throughput ratio's cohort reading.
    basis: str = "period"
    window_days: float | None = None
    immature: int | None = None
    reference_low: float | None = None
    reference_high: float | None = None
    reference_raw: float | None = None

    def to_dict(self) -> dict[str, object]:
        out = asdict(self)
        dims = out.pop("dimensions")
        return {"stage": self.stage, **dims} | {k: v for k, v in out.items() if k != "stage"}


@dataclass(frozen=True)
class BottleneckResult(Described):
    period: str
    root: str
    dimensions: list[str]
    ranked: list[Bottleneck]
    # Stage ratios left out of the ranking, with the reason (no entity links their two sides).
    excluded: dict[str, str] | None = None

    ANALYSIS = "bottleneck"
    MAIN = "ranked"
    TITLES = {
        "ranked": {"ja": "ボトルネック（改善の価値順）", "en": "Bottlenecks, by the revenue a repair is worth"},
        "excluded": {"ja": "順位の対象外の率", "en": "Rates left out of the ranking"},
    }
    KINDS = {"numerator": "count", "denominator": "count", "ci_low": "measure", "ci_high": "measure", "revenue": "money"}

    def params(self) -> dict[str, object]:
        return {"period": self.period, "root": self.root, "dimensions": list(self.dimensions)}

    def described_data(self) -> dict[str, object]:
        excluded = [{"stage": stage, "note": why} for stage, why in (self.excluded or {}).items()]
        return {"ranked": self.to_json_data(), "excluded": excluded}

    def to_json_data(self) -> list[dict[str, object]]:
        return [b.to_dict() | {"period": self.period} for b in self.ranked]

    def to_frame(self):
        """A pandas DataFrame of the ranking (pandas is optional)."""
        return records_frame(self.to_json_data())


def stage_rates(model: ModelFile) -> tuple[str, list[str]]:
    """The tree's root (revenue) and its stage rates: ratios of two counts, top to bottom."""
    order = tree_order(model)
    if not order:
        raise KpiflowError("the model has no tree: bottlenecks are computed through the KPI tree")
    rates = [
        name
        for name, _ in order
        if model.metrics[name].ratio
        and all(model.metrics[m].kind in ("count", "count_distinct") for m in model.metrics[name].ratio)
    ]
    return order[0][0], rates


@dataclass(frozen=True)
class _Reading:
    """One stage rate in one cell: converted of entered, and what is known about it."""

    converted: int
    entered: int
    immature: int | None = None


def _best(candidates: Sequence[tuple[int, int]], higher_is_better: bool) -> ShrunkRate | None:
    """The best of several rates after shrinking each toward the pooled rate; only groups of at
    least `SMALL_SAMPLE` may be the best (all of them inform the pooled rate)."""
    shrunk = [r for r in shrink_rates(candidates) if r.trials >= SMALL_SAMPLE]
    if not shrunk:
        return None
    return (max if higher_is_better else min)(shrunk, key=lambda r: (r.value, r.raw))


def bottleneck(
    engine: Engine,
    model: ModelFile,
    *,
    period: Period,
    by: Sequence[str] = (),
    against: str | None = None,
    within_days: float | None = None,
    columns: Mapping[str, Sequence[str]],
    lang: str = "en",
) -> BottleneckResult:
    if against is not None and against not in REFERENCES:
        raise KpiflowError(f"--against must be one of {', '.join(REFERENCES)}, not '{against}'")
    if against == "best-segment" and not by:
        raise KpiflowError("--against best-segment needs --by DIM")
    root, rates = stage_rates(model)
    dims = list(by)
    kind = period.kind if period.kind in ("month", "quarter", "half", "fy") else None
    start, end = period.sql_bounds()
    # The quarters before the period's end; cohorts need time to mature, so look back eight.
    quarters = trailing(f"{2 * HISTORY_QUARTERS}q", period.end, model.fiscal_year_start)
    history_start, _ = quarters[0].sql_bounds()

    period_rates = [r for r in rates if ratio_kind(model, r) == CONVERSION]
    current = compute_metrics(
        engine, model, [root, *period_rates], [period], kind=kind, dimensions=dims, columns=columns, lang=lang
    )
    revenue = {tuple(r.dimensions.get(d) for d in dims): r for r in current.records if r.metric == root}
    readings: dict[str, dict[tuple, _Reading]] = {}
    history: dict[str, list[tuple[int, int]]] = {}
    excluded: dict[str, str] = {}
    windows: dict[str, float | None] = {}
    notes: dict[str, str] = {}
    if period_rates:
        past = compute_metrics(engine, model, period_rates, quarters, kind="quarter", columns=columns, lang=lang)
        for rate in period_rates:
            readings[rate] = {
                tuple(r.dimensions.get(d) for d in dims): _Reading(int(r.numerator or 0), int(r.denominator or 0))
                for r in current.records
                if r.metric == rate and r.denominator is not None and 0 <= (r.numerator or 0) <= r.denominator
            }
            counts = [
                (int(r.numerator), int(r.denominator))
                for r in past.records
                if r.metric == rate and r.denominator and 0 <= (r.numerator or 0) <= r.denominator
            ]
            history[rate] = counts[-HISTORY_QUARTERS:]
            windows[rate] = None
    for rate in rates:
        if rate in readings:
            continue
        link = cohort_link(model, rate, within_days)
        if link is None:
            excluded[rate] = "a throughput ratio whose two sides no contact or deal links: it has no conversion rate to rank"
            continue
        windows[rate] = link.window_days
        try:
            cells: list[CohortRate] = cohort_rates(engine, model, link, start=start, end=end, dims=dims, columns=columns)
        except LookupError as e:
            excluded[rate] = str(e).strip("'\"")
            continue
        readings[rate] = {tuple(c.dimensions.get(d) for d in dims): _Reading(c.converted, c.entered, c.immature) for c in cells}
        past_cells = cohort_rates(engine, model, link, start=history_start, end=end, bucket="quarter", columns=columns)
        # Only quarters whose every member has had its full window, and enough of them.
        mature = sorted((c for c in past_cells if c.immature == 0 and c.entered > 0), key=lambda c: c.period_start)
        history[rate] = [(c.converted, c.entered) for c in mature][-HISTORY_QUARTERS:]
        if any(c.out_of_order for c in cells):
            notes[rate] = f"{sum(c.out_of_order for c in cells)} converted before they entered (timestamps out of order)"

    targets = model.targets.get(period.label("en"), {})

    def reference_for(rate: str) -> tuple[ShrunkRate | float | None, str | None]:
        higher = model.metrics[rate].higher_is_better
        if against == "best-segment":
            return _best([(r.converted, r.entered) for r in readings[rate].values()], higher), "best-segment"
        target = targets.get(rate)
        if against in (None, "target") and target is not None and 0 < target <= 1:
            return target, "target"
        if against == "target":
            return None, None
        return _best(history.get(rate, []), higher), "best-period"

    found = []
    for rate in rates:
        if rate not in readings:
            continue
        reference, source = reference_for(rate)
        shrunk = reference if isinstance(reference, ShrunkRate) else None
        level = shrunk.value if shrunk else reference
        if level is None and source in ("best-period", "best-segment"):
            notes[rate] = "; ".join(
                filter(None, [notes.get(rate), f"no {source.replace('-', ' ')} with {SMALL_SAMPLE} or more mature members"])
            )
        label = model.metrics[rate].label.text(lang, rate)
        for key, reading in readings[rate].items():
            root_record = revenue.get(key)
            money = root_record.value if root_record else None
            actual = reading.converted / reading.entered if reading.entered else None
            low_rate = high_rate = None
            if reading.entered:
                low_rate, high_rate = wilson_interval(reading.converted, reading.entered)
            gain = low = high = None
            note = root_record.note if root_record else None
            if level is not None and actual is not None and money is not None:
                if actual >= level:
                    gain = low = high = 0.0
                elif actual > 0:
                    gain = money * (level / actual - 1)
                    low = max(0.0, money * (level / high_rate - 1))
                    high = money * (level / low_rate - 1) if low_rate else None
                else:
                    note = "the rate is 0: the gain cannot be scaled from this segment's revenue"
            found.append(
                Bottleneck(
                    rate,
                    label,
                    dict(zip(dims, key, strict=True)),
                    actual,
                    reading.converted,
                    reading.entered,
                    level,
                    source if level is not None else None,
                    money,
                    gain,
                    low,
                    high,
                    reading.entered < SMALL_SAMPLE,
                    note or notes.get(rate),
                    low_rate,
                    high_rate,
                    "cohort" if windows.get(rate) is not None else "period",
                    windows.get(rate),
                    reading.immature,
                    shrunk.ci_low if shrunk else None,
                    shrunk.ci_high if shrunk else None,
                    shrunk.raw if shrunk else None,
                )
            )
    # Largest gain first; ties (no gain, a rate already at its reference) in the tree's order, then
    # by segment, so that the ranking does not depend on the order an engine returns groups in.
    found.sort(key=lambda b: (-(b.revenue_gain if b.revenue_gain is not None else -1), rates.index(b.stage), _segment_order(b)))
    return BottleneckResult(period.label(lang), root, dims, found, excluded or None)


def _segment_order(found: Bottleneck) -> tuple[tuple[bool, str], ...]:
    """A segment's place among its ties: by each dimension's value as text, no value last."""
    return tuple((value is None, str(value)) for value in found.dimensions.values())
