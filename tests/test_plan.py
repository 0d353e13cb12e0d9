"""Planning backwards from the revenue goal, checked by hand and by the forward round trip."""

from __future__ import annotations

import datetime as dt
import math

import pytest

import kpiflow
from kpiflow.analysis.plan import PlanError, backward, parse_assignments, parse_scenarios
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.workspace import build_demo

MODEL = parse_model(default_model_text("en"))
RATES = {
    "avg_deal_size": 4_000_000,
    "win_rate": 0.25,
    "close_rate": 0.8,
    "opportunity_rate": 0.5,
    "sql_rate": 0.4,
    "mql_rate": 0.5,
}


def test_backward_by_hand():
    required = backward(MODEL, "revenue", 600_000_000, RATES)
    # 600M / 4M = 150 won; / 0.25 = 600 closed; / 0.8 = 750 opportunities; / 0.5 = 1500 SQLs;
    # / 0.4 = 3750 MQLs; / 0.5 = 7500 leads.
    assert required == pytest.approx(
        {"revenue": 600e6, "won_deals": 150, "closed_deals": 600, "opportunities": 750, "sqls": 1500, "mqls": 3750, "leads": 7500}
    )


def test_forward_round_trip_reproduces_the_target():
    required = backward(MODEL, "revenue", 600_000_000, RATES)
    forward = required["leads"]
    for rate in ("mql_rate", "sql_rate", "opportunity_rate", "close_rate", "win_rate", "avg_deal_size"):
        forward *= RATES[rate]
    assert forward == pytest.approx(600_000_000, rel=1e-12)


def test_a_zero_rate_is_a_clear_error():
    with pytest.raises(PlanError, match=r"the rate win_rate is 0 in the history; set it with --set win_rate="):
        backward(MODEL, "revenue", 1e8, RATES | {"win_rate": 0})


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws, _ = build_demo(tmp_path_factory.mktemp("plan") / "demo", size="small", lang="en")
    yield ws
    ws.close()


def test_plan_on_history(demo):
    plan = demo.plan({"revenue": 150_000_000}, "FY2026")
    assert plan.history_period == "2025-04-01..2026-03-31"  # the four quarters before FY2026
    history = demo.metrics(["revenue", "won_deals", "leads", "win_rate", "avg_deal_size", "cost_per_lead"], period="FY2025")
    assert plan.node("win_rate").required == pytest.approx(history.value("win_rate"))
    assert plan.node("won_deals").required == pytest.approx(150_000_000 / history.value("avg_deal_size"))
    # Run-rate: the history volume scaled to the plan period's length in days.
    days = (dt.date(2027, 4, 1) - dt.date(2026, 4, 1)).days / (dt.date(2026, 4, 1) - dt.date(2025, 4, 1)).days
    assert plan.node("leads").history == pytest.approx(history.value("leads") * days)
    assert plan.node("leads").gap == pytest.approx(plan.node("leads").required - plan.node("leads").history)
    assert plan.budget_by_leads == pytest.approx(plan.node("leads").required * history.value("cost_per_lead"))
    # Channel budgets split the same money by each channel's leads and cost per lead.
    assert math.fsum(c.budget for c in plan.channel_budgets) == pytest.approx(plan.budget_by_leads)
    # Round trip: leads x every rate = the target.
    forward = plan.node("leads").required
    for rate in ("mql_rate", "sql_rate", "opportunity_rate", "close_rate", "win_rate", "avg_deal_size"):
        forward *= plan.node(rate).required
    assert forward == pytest.approx(150_000_000, rel=1e-9)


def test_sensitivity_is_the_closed_form(demo):
    plan = demo.plan({"revenue": 150_000_000}, "FY2026")
    leads = plan.node("leads").required
    by_rate = {s.rate: s for s in plan.sensitivity}
    win = plan.node("win_rate").required
    # Leads needed scale with 1 / win_rate: one point more saves leads x (1 - w / (w + 0.01)).
    assert by_rate["win_rate"].top_saved == pytest.approx(leads * (1 - win / (win + 0.01)))
    saved = [s.budget_saved for s in plan.sensitivity]
    assert saved == sorted(saved, reverse=True)


def test_overrides_and_scenarios(demo):
    plan = demo.plan(
        {"revenue": 150_000_000}, "FY2026", overrides={"avg_deal_size": 5_000_000}, scenarios={"better_demo": {"win_rate": 0.4}}
    )
    assert plan.node("won_deals").required == pytest.approx(30)
    assert plan.node("avg_deal_size").source == "override"
    better = plan.node("closed_deals", "better_demo")
    assert better.required == pytest.approx(30 / 0.4)
    records = plan.to_dict()
    assert {r["scenario"] for r in records} == {"base", "better_demo"}
    assert all({"metric", "required"} <= set(r) for r in records)


def test_unknown_override_is_named(demo):
    with pytest.raises(kpiflow.errors.UnknownNameError, match="did you mean 'win_rate'"):
        demo.plan({"revenue": 1e8}, "FY2026", overrides={"win_rat": 0.3})


def test_assignment_parsing():
    assert parse_assignments(["win_rate=0.3", "avg_deal_size=4,000,000"], "--set") == {
        "win_rate": 0.3,
        "avg_deal_size": 4_000_000,
    }
    assert parse_scenarios(["x:win_rate=0.32,mql_rate=0.5"]) == {"x": {"win_rate": 0.32, "mql_rate": 0.5}}
    with pytest.raises(PlanError, match="NAME=NUMBER"):
        parse_assignments(["win_rate"], "--set")
