"""`kpiflow bottleneck`: which stage rate, repaired, is worth the most revenue.

For every stage rate of the KPI tree (a ratio of two counts: MQL rate, SQL rate, ..., win
rate), overall or per segment, the actual rate is compared with a reference: the target for
the period where one is set, else the team's best recent quarter (`best-period`; quarters with
fewer than 30 in the denominator are too noisy to count), or the best
segment of the same period (`best-segment`, segments of at least 30). Because revenue is the
product of the tree's factors, raising one rate from `actual` to `reference` with everything
else held multiplies revenue by reference / actual: the gain is revenue x (reference / actual
- 1). Its interval comes from the rate's Wilson interval; small samples are marked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

import duckdb

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.metrics import compute_metrics
from kpiflow.analysis.tree import tree_order
from kpiflow.errors import KpiflowError
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period, trailing
from kpiflow.stats import SMALL_SAMPLE

REFERENCES = ("target", "best-period", "best-segment")


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

    def to_dict(self) -> dict[str, object]:
        out = asdict(self)
        dims = out.pop("dimensions")
        return {"stage": self.stage, **dims} | {k: v for k, v in out.items() if k != "stage"}


@dataclass(frozen=True)
class BottleneckResult:
    period: str
    root: str
    dimensions: list[str]
    ranked: list[Bottleneck]

    def to_dict(self) -> list[dict[str, object]]:
        return [b.to_dict() | {"period": self.period} for b in self.ranked]

    def to_frame(self):
        """A pandas DataFrame of the ranking (pandas is optional)."""
        return records_frame(self.to_dict())


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


def bottleneck(
    con: duckdb.DuckDBPyConnection,
    model: ModelFile,
    *,
    period: Period,
    by: Sequence[str] = (),
    against: str | None = None,
    columns: Mapping[str, Sequence[str]],
    lang: str = "en",
) -> BottleneckResult:
    if against is not None and against not in REFERENCES:
        raise KpiflowError(f"--against must be one of {', '.join(REFERENCES)}, not '{against}'")
    if against == "best-segment" and not by:
        raise KpiflowError("--against best-segment needs --by DIM")
    root, rates = stage_rates(model)
    kind = period.kind if period.kind in ("month", "quarter", "half", "fy") else None
    current = compute_metrics(con, model, [root, *rates], [period], kind=kind, dimensions=list(by), columns=columns, lang=lang)
    # The team's recent quarters: the four complete quarters up to the end of the period.
    quarters = trailing("4q", period.end, model.fiscal_year_start)
    history = compute_metrics(con, model, rates, quarters, kind="quarter", columns=columns, lang=lang)
    best_period = {}
    for rate in rates:
        # A quarter with a small denominator is too noisy to be the team's "best".
        values = [
            r.value for r in history.records if r.metric == rate and r.value is not None and (r.denominator or 0) >= SMALL_SAMPLE
        ]
        if values:
            best_period[rate] = max(values) if model.metrics[rate].higher_is_better else min(values)
    targets = model.targets.get(period.label("en"), {})
    best_segment = {}
    if by:
        for rate in rates:
            candidates = [
                r.value
                for r in current.records
                if r.metric == rate and r.value is not None and (r.denominator or 0) >= SMALL_SAMPLE
            ]
            if candidates:
                best_segment[rate] = max(candidates) if model.metrics[rate].higher_is_better else min(candidates)

    def reference_for(rate: str) -> tuple[float | None, str | None]:
        if against == "best-segment":
            return best_segment.get(rate), "best-segment"
        if against == "best-period":
            return best_period.get(rate), "best-period"
        if rate in targets:
            return targets[rate], "target"
        if against == "target":
            return None, None
        return best_period.get(rate), "best-period"

    cells = {}
    for r in current.records:
        cells.setdefault(tuple(r.dimensions.items()), {})[r.metric] = r
    found = []
    for key, values in cells.items():
        revenue = values[root].value
        for rate in rates:
            r = values[rate]
            reference, source = reference_for(rate)
            gain = low = high = None
            note = values[root].note
            if reference is not None and r.value is not None and revenue is not None:
                if r.value >= reference:
                    gain = low = high = 0.0
                elif r.value > 0:
                    gain = revenue * (reference / r.value - 1)
                    low = max(0.0, revenue * (reference / r.ci_high - 1)) if r.ci_high else None
                    high = revenue * (reference / r.ci_low - 1) if r.ci_low else None
                else:
                    note = "the rate is 0: the gain cannot be scaled from this segment's revenue"
            label = model.metrics[rate].label.text(lang, rate)
            found.append(
                Bottleneck(
                    rate,
                    label,
                    dict(key),
                    r.value,
                    r.numerator,
                    r.denominator,
                    reference,
                    source,
                    revenue,
                    gain,
                    low,
                    high,
                    r.small_sample,
                    note or r.note,
                )
            )
    found.sort(key=lambda b: -(b.revenue_gain if b.revenue_gain is not None else -1))
    return BottleneckResult(period.label(lang), root, list(by), found)
