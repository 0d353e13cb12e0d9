"""`kpiflow plan`: from the revenue goal (KGI) back to the volume every stage must deliver.

Walking the KPI tree down from the target, each node's volume factor must be the parent's
requirement divided by the node's rates (win rate, average deal size, ...). Rates come from
trailing history (`last:4q`: the four complete quarters before the plan period, as sum over
sum) or from overrides. Required volumes are exact here (1,592.1 closed deals); people see them
rounded up to whole numbers (`kpiflow.formatting.whole_needed`): a tenth of a deal cannot be
planned.

**Budget.** Costs with a channel (media, events, content bought for a channel) are taken to grow
with the leads: each channel's cost per lead in history, times the leads the plan needs, split by
each channel's share of past leads. Costs without a channel (in the demo: sales salaries and
systems, more than half of all costs) are not bought per lead: they are kept at the history's
level, scaled only to the plan period's length, and shown as their own row with what they are.
The budget at the cost per opportunity is read the same way. The channel rows and that row sum
to the budget.

**Sensitivity.** Which one-point improvement of a conversion rate saves the most top-of-funnel
volume and money. A stage ratio that is a conversion rate (win rate: won among closed deals) is
raised by one point. A throughput ratio (SQL rate = SQLs / MQLs entered in the period; it can
pass 100%) is never raised as such: its cohort conversion rate c (the MQLs that entered in the
history window and reached SQL or later within the ratio's window, `kpiflow.analysis.conversion`)
is raised by one point, which in steady state scales the flow through the stage, and so the
throughput ratio, by (c + 0.01) / c. A throughput ratio without a cohort reading gets no row
(`sensitivity_excluded` says why). Averages of amounts (average deal size) are raised by 1%.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from kpiflow.analysis.conversion import cohort_rates
from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.metrics import compute_metrics
from kpiflow.analysis.result import Described
from kpiflow.analysis.tree import tree_order
from kpiflow.engine.base import Engine
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.formatting import format_money
from kpiflow.messages import say
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period, parse_last, trailing
from kpiflow.model.ratios import CONVERSION, THROUGHPUT, cohort_link, ratio_kind
from kpiflow.model.semantic import source_of
from kpiflow.model.targets import largest_remainder, months_of, profile_of, weights_of

POINT = 0.01
"""One point of a conversion rate."""
AMOUNT_STEP = 0.01
"""An average of amounts (average deal size) is improved by 1% of its value."""


class PlanError(KpiflowError, ValueError):
    exit_code = 2


@dataclass(frozen=True)
class PlanNode:
    metric: str
    label: str
    depth: int
    role: str  # volume | rate
    required: float | None  # volume to deliver (exact: people see it rounded up), or the rate assumed
    history: float | None  # the rate in history, or the volume scaled to the plan period's length
    gap: float | None  # required - history (volumes only)
    source: str  # history | override | target | derived
    scenario: str = "base"
    ratio_kind: str | None = None  # rates: conversion | throughput (kpiflow.model.ratios), None for amounts
    note: str | None = None  # a throughput ratio above 100%: why it can be


@dataclass(frozen=True)
class Sensitivity:
    rate: str
    step: float  # what is added to the tree's ratio: 0.01 (a conversion rate), r x 0.01 / c (a throughput ratio), 1% (an amount)
    top_metric: str
    top_saved: float  # top-of-funnel volume no longer needed (exact)
    budget_saved: float | None
    # rate: the ratio is a conversion rate, +1 point; cohort: a throughput ratio whose cohort
    # conversion rate gains one point; amount: an average of amounts, +1%.
    basis: str = "rate"
    conversion_rate: float | None = None  # the conversion rate that gains the point (rate and cohort bases)
    converted: int | None = None  # its counts in the history window (None when the rate was set)
    entered: int | None = None
    window_days: float | None = None  # cohort basis: the time an entrant has to convert
    immature: int | None = None  # cohort basis: entrants of the history window whose window has not elapsed (left out)


@dataclass(frozen=True)
class ChannelBudget:
    channel: str | None  # None: the costs without a channel
    share_of_leads: float
    cost_per_lead: float | None
    budget: float
    kind: str = "channel"  # channel: grows with the leads | no_channel: kept at the history's level
    history_cost: float | None = None  # the channel's cost in the history window
    note: str | None = None


@dataclass(frozen=True)
class _Costs:
    """The history's costs, split into what grows with the leads and what does not."""

    leads: dict[object, float]  # channel -> leads in history (None: leads without a channel)
    cost: dict[object, float]  # channel -> cost in history (None: costs without a channel)
    categories: tuple[str, ...]  # the categories of the costs without a channel

    @property
    def total_leads(self) -> float:
        return math.fsum(self.leads.values())

    @property
    def with_channel(self) -> float:
        return math.fsum(v for k, v in self.cost.items() if k is not None)

    @property
    def without_channel(self) -> float:
        return self.cost.get(None, 0.0)


@dataclass(frozen=True)
class PlanResult(Described):
    period: str
    target_metric: str
    target: float
    history_period: str
    nodes: list[PlanNode]
    budget_by_leads: float | None
    budget_by_opportunities: float | None
    channel_budgets: list[ChannelBudget] = field(default_factory=list)
    sensitivity: list[Sensitivity] = field(default_factory=list)
    scenarios: dict[str, list[PlanNode]] = field(default_factory=dict)
    # rate -> why it has no sensitivity row (a throughput ratio without a cohort reading, ...)
    sensitivity_excluded: dict[str, str] = field(default_factory=dict)
    # scenario -> its changes ([{"metric": ..., "value": ...}]) and budgets
    scenario_settings: dict[str, dict[str, object]] = field(default_factory=dict)

    ANALYSIS = "plan"
    MAIN = "records"
    PARAMS = ("period", "target_metric", "target", "history_period")
    KINDS = {"target": "measure", "sensitivity.rate": "label", "sensitivity.step": "percent", "top_saved": "measure"}

    def node(self, metric: str, scenario: str = "base") -> PlanNode:
        nodes = self.nodes if scenario == "base" else self.scenarios[scenario]
        for n in nodes:
            if n.metric == metric:
                return n
        raise LookupError(metric)

    def records(self) -> list[dict[str, object]]:
        """Every node of the base plan and of each scenario (its `scenario` says which)."""
        out = [asdict(n) | {"period": self.period} for n in self.nodes]
        for nodes in self.scenarios.values():
            out += [asdict(n) | {"period": self.period} for n in nodes]
        return out

    def to_json_data(self) -> dict[str, object]:
        """Every table `kpiflow plan` shows: the nodes (`records`, the base plan's and each
        scenario's), the budgets, the budget by channel with the costs without a channel as their
        own row, the sensitivity (and the rates left out of it, with why) and the scenarios."""
        return {
            "period": self.period,
            "target_metric": self.target_metric,
            "target": self.target,
            "history_period": self.history_period,
            "budget_by_leads": self.budget_by_leads,
            "budget_by_opportunities": self.budget_by_opportunities,
            "records": self.records(),
            "channel_budgets": [asdict(c) for c in self.channel_budgets],
            "sensitivity": [asdict(s) for s in self.sensitivity],
            "sensitivity_excluded": [{"rate": r, "note": why} for r, why in self.sensitivity_excluded.items()],
            "scenarios": {name: dict(settings) for name, settings in self.scenario_settings.items()},
        }

    def to_frame(self):
        """A pandas DataFrame of the nodes (pandas is optional)."""
        return records_frame(self.records())

    def summary(self) -> dict[str, object]:
        """`to_dict()` without the nodes."""
        return {k: v for k, v in self.to_json_data().items() if k != "records"}


def is_volume(model: ModelFile, name: str) -> bool:
    metric = model.metrics[name]
    return name in model.tree or metric.kind in ("count", "count_distinct", "sum")


def backward(model: ModelFile, target_metric: str, target: float, rates: Mapping[str, float]) -> dict[str, float]:
    """Required value of every volume node below `target_metric`, given the rates."""
    required = {target_metric: float(target)}
    for name, _ in tree_order(model):
        if name not in required or name not in model.tree:
            continue
        factors = model.tree[name]
        volumes = [f for f in factors if is_volume(model, f)]
        if len(volumes) != 1:
            raise PlanError(f"cannot plan through {name}: it needs exactly one volume factor, has {volumes or 'none'}")
        divisor = 1.0
        for f in factors:
            if f == volumes[0]:
                continue
            rate = rates.get(f)
            if rate is None:
                raise PlanError(
                    f"cannot plan through {name}: {f} has no value in the history (no data there?); set it with --set {f}=..."
                )
            if rate == 0:
                raise PlanError(f"cannot plan through {name}: the rate {f} is 0 in the history; set it with --set {f}=...")
            divisor *= rate
        required[volumes[0]] = required[name] / divisor
    return required


def _subtree(model: ModelFile, root: str) -> list[tuple[str, int]]:
    order = tree_order(model)
    if root not in dict(order):
        raise UnknownNameError.for_name("tree node", root, dict(order))
    inside: set[str] = {root}
    for name, _ in order:
        if name in inside:
            inside.update(model.tree.get(name, []))
    base_depth = dict(order)[root]
    return [(n, d - base_depth) for n, d in order if n in inside]


def throughput_note(model: ModelFile, name: str, value: float | None, lang: str) -> str | None:
    """Why a throughput ratio above 100% can be: its numerator in the period includes entities
    that entered its denominator in earlier periods."""
    if value is None or value <= 1 or ratio_kind(model, name) != THROUGHPUT:
        return None
    numerator, denominator = model.metrics[name].ratio
    return say(
        "plan.throughput_over",
        lang,
        numerator=model.metrics[numerator].label.text(lang, numerator),
        denominator=model.metrics[denominator].label.text(lang, denominator),
    )


def _nodes(model, subtree, required, rates, history, scale, overrides, target_metric, lang, scenario) -> list[PlanNode]:
    nodes = []
    for name, depth in subtree:
        label = model.metrics[name].label.text(lang, name)
        if is_volume(model, name):
            past = history.get(name)
            run_rate = past * scale if past is not None else None
            need = required.get(name)
            gap = need - run_rate if need is not None and run_rate is not None else None
            source = "target" if name == target_metric else "derived"
            nodes.append(PlanNode(name, label, depth, "volume", need, run_rate, gap, source, scenario))
        else:
            source = "override" if name in overrides else "history"
            value = rates.get(name)
            note = throughput_note(model, name, value, lang) or throughput_note(model, name, history.get(name), lang)
            nodes.append(
                PlanNode(
                    name,
                    label,
                    depth,
                    "rate",
                    value,
                    history.get(name),
                    None,
                    source,
                    scenario,
                    ratio_kind(model, name),
                    note,
                )
            )
    return nodes


def history_window(model: ModelFile, plan_period: Period, spec: str) -> Period:
    """`last:4q` -> one custom period covering the 4 complete quarters before the plan period."""
    kind, _, window = spec.partition(":")
    if kind != "last" or not window:
        raise PlanError(f"--rates must look like last:4q or last:12m, not '{spec}'")
    periods = trailing(parse_last(window), plan_period.start, model.fiscal_year_start)
    return Period.custom(periods[0].start, periods[-1].last_day, model.fiscal_year_start)


def make_plan(
    engine: Engine,
    model: ModelFile,
    columns: Mapping[str, Sequence[str]],
    *,
    target_metric: str,
    target: float,
    period: Period,
    rates_spec: str = "last:4q",
    overrides: Mapping[str, float] | None = None,
    scenarios: Mapping[str, Mapping[str, float]] | None = None,
    lang: str = "en",
) -> PlanResult:
    overrides = dict(overrides or {})
    for name in [*overrides, *(n for s in (scenarios or {}).values() for n in s)]:
        if name not in model.metrics:
            raise UnknownNameError.for_name("metric", name, model.metrics)
    subtree = _subtree(model, target_metric)
    window = history_window(model, period, rates_spec)
    names = [n for n, _ in subtree]
    extra = [m for m in ("cost", "leads", "opportunities", "cost_per_lead", "cost_per_opportunity") if m in model.metrics]
    past = compute_metrics(engine, model, list(dict.fromkeys(names + extra)), [window], kind=None, columns=columns, lang=lang)
    history = {r.metric: r.value for r in past.records}
    counts = {r.metric: (r.numerator, r.denominator) for r in past.records}
    scale = period.days / window.days

    def solve(changes: Mapping[str, float]) -> tuple[dict[str, float], dict[str, float]]:
        rates = {n: history.get(n) for n, _ in subtree if not is_volume(model, n)}
        rates |= dict(overrides) | dict(changes)
        return backward(model, target_metric, target, rates), rates

    costs = _history_costs(engine, model, columns, window, lang)
    budgets = _budgets(history, costs, scale)

    required, rates = solve({})
    nodes = _nodes(model, subtree, required, rates, history, scale, overrides, target_metric, lang, "base")
    by_leads, by_opps = budgets(required)
    channels = _channel_budgets(costs, required.get("leads"), scale, window, model.currency, lang) if by_leads is not None else []

    top = max((n for n, _ in subtree if is_volume(model, n)), key=lambda n: dict(subtree)[n])
    sensitivity: list[Sensitivity] = []
    excluded: dict[str, str] = {}
    for name, rate in rates.items():
        if rate is None:
            continue
        step = _step(engine, model, columns, name, rate, window, counts, overridden=name in overrides, lang=lang)
        if isinstance(step, str):
            excluded[name] = step
            continue
        improved_rate, item = step
        improved, _ = solve({name: improved_rate})
        saved = required[top] - improved[top]
        money = by_leads - budgets(improved)[0] if top == "leads" and by_leads is not None else None
        sensitivity.append(
            Sensitivity(
                name,
                item.step,
                top,
                saved,
                money,
                item.basis,
                item.conversion_rate,
                item.converted,
                item.entered,
                item.window_days,
                item.immature,
            )
        )
    sensitivity.sort(key=lambda s: -(s.budget_saved if s.budget_saved is not None else s.top_saved))

    scenario_nodes = {}
    settings: dict[str, dict[str, object]] = {}
    for scenario, changes in (scenarios or {}).items():
        req, rts = solve(changes)
        scenario_nodes[scenario] = _nodes(
            model, subtree, req, rts, history, scale, {**overrides, **changes}, target_metric, lang, scenario
        )
        leads_budget, opps_budget = budgets(req)
        settings[scenario] = {
            "changes": [{"metric": name, "value": value} for name, value in changes.items()],
            "budget_by_leads": leads_budget,
            "budget_by_opportunities": opps_budget,
        }
    return PlanResult(
        period.label(lang),
        target_metric,
        float(target),
        window.label(lang),
        nodes,
        by_leads,
        by_opps,
        channels,
        sensitivity,
        scenario_nodes,
        excluded,
        settings,
    )


# --- the one-point step of each rate ---------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    basis: str
    step: float
    conversion_rate: float | None = None
    converted: int | None = None
    entered: int | None = None
    window_days: float | None = None
    immature: int | None = None


def _step(engine: Engine, model: ModelFile, columns, name: str, rate: float, window: Period, counts, *, overridden: bool, lang: str):
    """(the improved value of the tree's ratio, how it was improved), or why it is not improved."""
    kind = ratio_kind(model, name)
    metric = model.metrics[name]
    if kind == CONVERSION:
        if rate + POINT > 1:
            return say("plan.excluded.at_top", lang, value=f"{rate:.1%}")
        numerator, denominator = counts.get(name, (None, None))
        known = not overridden and denominator is not None and numerator is not None
        return rate + POINT, _Step("rate", POINT, rate, int(numerator) if known else None, int(denominator) if known else None)
    if kind == THROUGHPUT:
        link = cohort_link(model, name)
        if link is None:
            return say("plan.excluded.no_cohort", lang)
        start, end = window.sql_bounds()
        try:
            cells = cohort_rates(engine, model, link, start=start, end=end, columns=columns)
        except LookupError as e:
            return str(e).strip("'\"")
        cell = cells[0] if cells else None
        if cell is None or cell.value is None:
            return say("plan.excluded.immature", lang, window=window.label(lang), days=f"{link.window_days:g}")
        c = cell.value
        if c == 0:
            return say("plan.excluded.zero", lang, window=window.label(lang))
        if c + POINT > 1:
            return say("plan.excluded.at_top", lang, value=f"{c:.1%}")
        # Steady state: the flow through the stage is proportional to its conversion rate.
        improved = rate * (c + POINT) / c
        return improved, _Step("cohort", improved - rate, c, cell.converted, cell.entered, link.window_days, cell.immature)
    if metric.format == "percent" and rate > 1:
        return say("plan.excluded.above_100", lang, value=f"{rate:.1%}")
    return rate * (1 + AMOUNT_STEP), _Step("amount", rate * AMOUNT_STEP)


# --- budgets ---------------------------------------------------------------------------------


def _history_costs(engine: Engine, model: ModelFile, columns, window: Period, lang: str) -> _Costs | None:
    """Leads and cost by channel in the history window, and what the costs without one are."""
    if "leads" not in model.metrics or "cost" not in model.metrics:
        return None
    result = compute_metrics(engine, model, ["leads", "cost"], [window], kind=None, dimensions=["channel"], columns=columns, lang=lang)
    leads = {r.dimensions["channel"]: float(r.value or 0) for r in result.records if r.metric == "leads"}
    cost = {r.dimensions["channel"]: float(r.value or 0) for r in result.records if r.metric == "cost"}
    if not any(r.metric == "cost" and r.value is not None for r in result.records):
        return None  # the cost cannot be broken down by channel: no split
    categories: tuple[str, ...] = ()
    source = source_of("cost", model.metrics["cost"])
    if cost.get(None) and source is not None and "category" in columns.get(source.table, ()):
        by_category = compute_metrics(
            engine, model, ["cost"], [window], kind=None, dimensions=["channel", "category"], columns=columns, lang=lang
        )
        categories = tuple(
            sorted(
                str(r.dimensions["category"])
                for r in by_category.records
                if r.dimensions["channel"] is None and r.dimensions["category"] is not None and r.value
            )
        )
    return _Costs({k: v for k, v in leads.items() if v}, {k: v for k, v in cost.items() if v}, categories)


def _budgets(history: Mapping[str, float | None], costs: _Costs | None, scale: float) -> Callable:
    """required volumes -> (budget at the cost per lead, at the cost per opportunity).

    Costs with a channel grow with the volume; costs without one stay at the history's level,
    scaled to the plan period's length. Without a channel breakdown every cost grows.
    """
    leads, opportunities = history.get("leads"), history.get("opportunities")
    if costs is not None and costs.total_leads:
        grows, kept = costs.with_channel, costs.without_channel * scale
    elif history.get("cost") is not None:
        grows, kept = float(history["cost"]), 0.0
    else:
        grows, kept = None, 0.0

    def at(required: Mapping[str, float], volume: str, past: float | None) -> float | None:
        if grows is None or volume not in required or not past:
            return None
        return required[volume] * grows / past + kept

    return lambda required: (at(required, "leads", leads), at(required, "opportunities", opportunities))


def _channel_budgets(
    costs: _Costs | None, leads_needed: float | None, scale: float, window: Period, currency: str, lang: str
) -> list[ChannelBudget]:
    """Required leads split by each channel's share of past leads, at that channel's cost per
    lead; then the costs without a channel, kept at the history's level."""
    if leads_needed is None or costs is None or not costs.total_leads:
        return []
    total = costs.total_leads
    out = []
    channels = sorted({k for k in (*costs.leads, *costs.cost) if k is not None}, key=str)
    for channel in channels:
        n = costs.leads.get(channel, 0.0)
        spent = costs.cost.get(channel, 0.0)
        # budget_c = needed x share_c x cpl_c = needed x cost_c / total leads.
        out.append(ChannelBudget(str(channel), n / total, spent / n if n else None, leads_needed * spent / total, history_cost=spent))
    if None in costs.cost or None in costs.leads:
        kept = costs.without_channel
        what = ", ".join(costs.categories) or say("plan.no_channel.unknown", lang)
        note = say(
            "plan.no_channel.note",
            lang,
            categories=what,
            cost=format_money(kept, lang, currency),
            window=window.label(lang),
            scale=f"{scale:.3g}",
        )
        out.append(
            ChannelBudget(None, costs.leads.get(None, 0.0) / total, None, kept * scale, "no_channel", kept, note)
        )
    return out


def parse_assignments(items: Sequence[str] | None, option: str) -> dict[str, float]:
    """`win_rate=0.3` -> {"win_rate": 0.3}; a bad item names the option and the expected form."""
    out = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        try:
            if not sep:
                raise ValueError
            out[name.strip()] = float(value.replace(",", "").replace("_", ""))
        except ValueError:
            raise PlanError.worded(lambda lang, item=item: say("plan.bad_assignment", lang, option=option, item=item)) from None
    return out


def parse_scenarios(items: Sequence[str] | None) -> dict[str, dict[str, float]]:
    """`better_demo:win_rate=0.32,avg_deal_size=4000000` -> {"better_demo": {...}}."""
    out = {}
    for item in items or []:
        name, sep, body = item.partition(":")
        if not sep or not name:
            raise PlanError.worded(lambda lang, item=item: say("plan.bad_scenario", lang, item=item))
        out[name] = parse_assignments(body.split(","), "--scenario")
    return out


__all__ = ["PlanResult", "make_plan", "backward", "parse_assignments", "parse_scenarios"]


def phase_monthly(
    engine: Engine, model: ModelFile, columns: Mapping[str, Sequence[str]], result: PlanResult, period: Period, lang: str = "en"
) -> dict[str, dict[str, int]]:
    """The base plan's volumes as monthly targets (`kpiflow plan --phase monthly`): each volume's
    whole number for the period (rounded up, as the plan shows it) split into its months by the
    metric's phasing profile (kpiflow.yaml's `phasing:`; last year's shape is measured on the same
    months a year before) by largest remainder, so that the months add up to it exactly."""
    if period.kind not in ("fy", "half", "quarter"):
        raise PlanError(say("plan.phase_period", lang, period=period.label(lang)))
    months = months_of(period)
    volumes = [n for n in result.nodes if n.role == "volume" and n.required is not None]
    shaped = [n.metric for n in volumes if profile_of(model, n.metric) == "last_year"]
    last: dict[str, dict[str, float]] = {}
    if shaped:
        before = [m.same_period_last_year() for m in months]
        past = compute_metrics(engine, model, shaped, before, kind="month", columns=columns, lang="en")
        for record in past.records:
            last.setdefault(record.metric, {})[record.period] = record.value or 0.0
    out: dict[str, dict[str, int]] = {m.label("en"): {} for m in months}
    for node in volumes:
        total = math.ceil(round(node.required, 6))  # rounded up, a float's last digits aside (1.8e9 stays 1,800,000,000)
        weights = weights_of(profile_of(model, node.metric), months, last.get(node.metric))
        for month, part in zip(months, largest_remainder(total, weights), strict=True):
            out[month.label("en")][node.metric] = part
    return out
