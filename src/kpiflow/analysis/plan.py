"""`kpiflow plan`: from the revenue goal (KGI) back to the volume every stage must deliver.

Walking the KPI tree down from the target, each node's volume factor must be the parent's
requirement divided by the node's rates (win rate, average deal size, ...). Rates come from
trailing history (`last:4q`: the four complete quarters before the plan period, as sum over
sum) or from overrides. The plan also gives the budget at the current cost per lead and per
opportunity (overall and by channel), the gap to the current run-rate, and which one-point
improvement of a rate saves the most top-of-funnel volume and money.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

import duckdb

from kpiflow.analysis.frames import records_frame
from kpiflow.analysis.metrics import MetricsResult, compute_metrics
from kpiflow.analysis.tree import tree_order
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.config import ModelFile
from kpiflow.model.periods import Period, parse_last, trailing


class PlanError(KpiflowError, ValueError):
    exit_code = 2


@dataclass(frozen=True)
class PlanNode:
    metric: str
    label: str
    depth: int
    role: str  # volume | rate
    required: float | None  # volume to deliver, or the rate assumed
    history: float | None  # the rate in history, or the volume scaled to the plan period's length
    gap: float | None  # required - history (volumes only)
    source: str  # history | override | target | derived
    scenario: str = "base"


@dataclass(frozen=True)
class Sensitivity:
    rate: str
    step: float  # the improvement tried: +0.01 (one point) for rates, +1% for amounts
    top_metric: str
    top_saved: float  # top-of-funnel volume no longer needed
    budget_saved: float | None


@dataclass(frozen=True)
class ChannelBudget:
    channel: str
    share_of_leads: float
    cost_per_lead: float | None
    budget: float


@dataclass(frozen=True)
class PlanResult:
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

    def node(self, metric: str, scenario: str = "base") -> PlanNode:
        nodes = self.nodes if scenario == "base" else self.scenarios[scenario]
        for n in nodes:
            if n.metric == metric:
                return n
        raise LookupError(metric)

    def to_dict(self) -> list[dict[str, object]]:
        out = [asdict(n) | {"period": self.period} for n in self.nodes]
        for nodes in self.scenarios.values():
            out += [asdict(n) | {"period": self.period} for n in nodes]
        return out

    def to_frame(self):
        """A pandas DataFrame of the records (pandas is optional)."""
        return records_frame(self.to_dict())

    def summary(self) -> dict[str, object]:
        return {
            "period": self.period,
            "target_metric": self.target_metric,
            "target": self.target,
            "history_period": self.history_period,
            "budget_by_leads": self.budget_by_leads,
            "budget_by_opportunities": self.budget_by_opportunities,
            "channel_budgets": [asdict(c) for c in self.channel_budgets],
            "sensitivity": [asdict(s) for s in self.sensitivity],
        }


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
            nodes.append(PlanNode(name, label, depth, "rate", rates.get(name), history.get(name), None, source, scenario))
    return nodes


def history_window(model: ModelFile, plan_period: Period, spec: str) -> Period:
    """`last:4q` -> one custom period covering the 4 complete quarters before the plan period."""
    kind, _, window = spec.partition(":")
    if kind != "last" or not window:
        raise PlanError(f"--rates must look like last:4q or last:12m, not '{spec}'")
    periods = trailing(parse_last(window), plan_period.start, model.fiscal_year_start)
    return Period.custom(periods[0].start, periods[-1].last_day, model.fiscal_year_start)


def make_plan(
    con: duckdb.DuckDBPyConnection,
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
    past = compute_metrics(con, model, list(dict.fromkeys(names + extra)), [window], kind=None, columns=columns, lang=lang)
    history = {r.metric: r.value for r in past.records}
    scale = period.days / window.days

    def solve(changes: Mapping[str, float]) -> tuple[dict[str, float], dict[str, float]]:
        rates = {n: history.get(n) for n, _ in subtree if not is_volume(model, n)}
        rates |= dict(overrides) | dict(changes)
        return backward(model, target_metric, target, rates), rates

    required, rates = solve({})
    nodes = _nodes(model, subtree, required, rates, history, scale, overrides, target_metric, lang, "base")
    cpl, cpo = history.get("cost_per_lead"), history.get("cost_per_opportunity")
    by_leads = required["leads"] * cpl if "leads" in required and cpl is not None else None
    by_opps = required["opportunities"] * cpo if "opportunities" in required and cpo is not None else None
    channels = _channel_budgets(con, model, columns, window, required.get("leads"), lang) if by_leads is not None else []

    top = max((n for n, _ in subtree if is_volume(model, n)), key=lambda n: dict(subtree)[n])
    sensitivity = []
    for name, rate in rates.items():
        if rate is None:
            continue
        step = 0.01 if model.metrics[name].format == "percent" or rate <= 1 else rate * 0.01
        improved, _ = solve({name: rate + step})
        saved = required[top] - improved[top]
        money = saved * cpl if top == "leads" and cpl is not None else None
        sensitivity.append(Sensitivity(name, step, top, saved, money))
    sensitivity.sort(key=lambda s: -(s.budget_saved if s.budget_saved is not None else s.top_saved))

    scenario_nodes = {}
    for scenario, changes in (scenarios or {}).items():
        req, rts = solve(changes)
        scenario_nodes[scenario] = _nodes(
            model, subtree, req, rts, history, scale, {**overrides, **changes}, target_metric, lang, scenario
        )
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
    )


def _channel_budgets(con, model, columns, window: Period, leads_needed: float | None, lang: str) -> list[ChannelBudget]:
    """Required leads split by each channel's share of past leads, at that channel's cost per lead."""
    if leads_needed is None or "leads" not in model.metrics or "cost" not in model.metrics:
        return []
    result: MetricsResult = compute_metrics(
        con, model, ["leads", "cost"], [window], kind=None, dimensions=["channel"], columns=columns, lang=lang
    )
    leads = {r.dimensions["channel"]: r.value or 0 for r in result.records if r.metric == "leads"}
    cost = {r.dimensions["channel"]: r.value or 0 for r in result.records if r.metric == "cost"}
    total = sum(leads.values())
    if not total:
        return []
    out = []
    for channel in sorted(set(leads) | set(cost), key=lambda c: (c is None, str(c))):
        n = leads.get(channel, 0)
        share = n / total
        cpl = cost.get(channel, 0) / n if n else None
        # budget_c = needed x share_c x cpl_c = needed x cost_c / total: the channels sum to the overall budget.
        out.append(
            ChannelBudget(
                str(channel) if channel is not None else "(none)", share, cpl, leads_needed * cost.get(channel, 0) / total
            )
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
            raise PlanError(f"{option} expects NAME=NUMBER (e.g. win_rate=0.3), not '{item}'") from None
    return out


def parse_scenarios(items: Sequence[str] | None) -> dict[str, dict[str, float]]:
    """`better_demo:win_rate=0.32,avg_deal_size=4000000` -> {"better_demo": {...}}."""
    out = {}
    for item in items or []:
        name, sep, body = item.partition(":")
        if not sep or not name:
            raise PlanError(f"--scenario expects NAME:METRIC=VALUE[,METRIC=VALUE], not '{item}'")
        out[name] = parse_assignments(body.split(","), "--scenario")
    return out


__all__ = ["PlanResult", "make_plan", "backward", "parse_assignments", "parse_scenarios"]
