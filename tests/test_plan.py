"""Planning backwards from the revenue goal, checked by hand and by the forward round trip."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import warnings

import pytest
from typer.testing import CliRunner

import kpiflow
from conftest import open_shared_demo, workspace_from_csv
from kpiflow.analysis.plan import PlanError, backward, parse_assignments, parse_scenarios
from kpiflow.cli import app
from kpiflow.formatting import plan_volumes, whole_needed
from kpiflow.model.config import default_model_text, parse_model

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
    ws = open_shared_demo("small", "en")
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
    # Costs with a channel grow with the leads; the demo's costs without one (sales, systems) are kept.
    with_channel, without_channel = demo.con.execute(
        "SELECT SUM(amount) FILTER (WHERE channel IS NOT NULL), SUM(amount) FILTER (WHERE channel IS NULL) "
        "FROM costs WHERE date >= DATE '2025-04-01' AND date < DATE '2026-04-01'"
    ).fetchone()
    expected = plan.node("leads").required * float(with_channel) / history.value("leads") + float(without_channel) * days
    assert plan.budget_by_leads == pytest.approx(expected)
    # Channel budgets split the same money by each channel's leads and cost per lead.
    assert math.fsum(c.budget for c in plan.channel_budgets) == pytest.approx(plan.budget_by_leads)
    [overhead] = [c for c in plan.channel_budgets if c.kind == "no_channel"]
    assert overhead.channel is None and overhead.budget == pytest.approx(float(without_channel) * days)
    assert "sales" in overhead.note and "system" in overhead.note  # what those costs are
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
    records = plan.to_json_data()["records"]
    assert {r["scenario"] for r in records} == {"base", "better_demo"}
    assert all({"metric", "required"} <= set(r) for r in records)
    assert plan.to_json_data()["scenarios"]["better_demo"]["changes"] == [{"metric": "win_rate", "value": 0.4}]


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


# --- a tiny company, every number of its plan counted by hand -------------------------------
#
# FY2025 (the history of a FY2026 plan), counted on the tables below:
#   leads 10 (C1-C5 ads, C6-C8 exhibition, C9-C10 no channel); MQLs 6 (C1-C6);
#   SQLs 4 (C1-C3, and C0, an MQL of FY2024); opportunities 4 (D1-D4);
#   closed 5 (D1-D3, and D0, D00 created in FY2024); won 3 (D0, D1, D3) for 600.
# Rates: MQL 6/10, SQL 4/6, opportunity 4/4, close 5/4 = 125% (throughput ratios), win 3/5
# (a conversion rate), average deal size 200.
# Cohorts (entries in FY2025, reached within the window; later rows make every one mature):
#   SQL rate 3/6 (C1-C3 of the MQLs C1-C6), close rate 3/4 (D1-D3 closed, D4 open).
# Costs in FY2025: ads 1,000, exhibition 600, no channel 2,000 (sales) + 400 (system);
# 9,999 the day before and 777 the day after are outside.

TINY_CONTACTS = (
    "contact_id,account_id,created_at,channel\n"
    "C0,A1,2025-02-01,ads\n"
    + "".join(f"C{i},A1,2025-05-01,ads\n" for i in range(1, 6))
    + "".join(f"C{i},A1,2025-05-01,exhibition\n" for i in range(6, 9))
    + "C9,A1,2025-05-01,\nC10,A1,2025-05-01,\n"
)
TINY_HISTORY = (
    "entity,entity_id,stage,entered_at\n"
    "contact,C0,mql,2025-03-01\n"
    "contact,C0,sql,2025-05-10\n"
    + "".join(f"contact,C{i},mql,2025-05-10\n" for i in range(1, 7))
    + "".join(f"contact,C{i},sql,2025-05-20\n" for i in range(1, 4))
    + "contact,C10,lead,2026-12-31\n"
)
TINY_DEALS = (
    "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,channel\n"
    "D00,A1,,2025-02-01,80,lost,2025-04-10,ads\n"
    "D0,A1,,2025-03-01,200,won,2025-04-15,ads\n"
    "D1,A1,C1,2025-06-01,100,won,2025-07-01,ads\n"
    "D2,A1,C2,2025-06-01,50,lost,2025-07-15,ads\n"
    "D3,A1,C0,2025-06-01,300,won,2025-08-01,ads\n"
    "D4,A1,C1,2025-06-02,70,open,,ads\n"
    "D9,A1,,2026-12-01,60,lost,2026-12-20,ads\n"
)
TINY_COSTS = (
    "date,channel,category,amount\n"
    "2025-03-31,,sales,9999\n"
    "2025-04-01,ads,media,1000\n"
    "2025-06-01,exhibition,event,600\n"
    "2025-04-30,,sales,2000\n"
    "2026-03-31,,system,400\n"
    "2026-04-01,ads,media,777\n"
)
TINY_RATES = {"mql_rate": 0.6, "sql_rate": 4 / 6, "opportunity_rate": 1.0, "close_rate": 1.25, "win_rate": 0.6, "avg_deal_size": 200}
GOAL = 6100  # 30.5 won deals: every volume of the plan is fractional


TINY_TABLES = {
    "accounts": "account_id,name\nA1,テスト精機\n",
    "contacts": TINY_CONTACTS,
    "stage_history": TINY_HISTORY,
    "deals": TINY_DEALS,
    "costs": TINY_COSTS,
}


@pytest.fixture(scope="module")
def tiny_plan_ws(tmp_path_factory):
    ws = workspace_from_csv(tmp_path_factory.mktemp("tiny_plan"), TINY_TABLES)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def tiny_plan(tiny_plan_ws):
    return tiny_plan_ws.plan({"revenue": GOAL}, "FY2026")


def test_the_tiny_plan_walks_back_from_the_hand_counted_rates(tiny_plan):
    for rate, value in TINY_RATES.items():
        assert tiny_plan.node(rate).required == pytest.approx(value)
    # 6,100 / 200 = 30.5 won; / 0.6 = 50.83 closed; / 1.25 = 40.67 opportunities = SQLs; / (4/6) = 61 MQLs; / 0.6 = 101.67 leads.
    assert tiny_plan.node("closed_deals").required == pytest.approx(6100 / 200 / 0.6)
    assert tiny_plan.node("leads").required == pytest.approx(6100 / 200 / 0.6 / 1.25 / 1.0 / (4 / 6) / 0.6)


def test_a_throughput_ratio_above_100_percent_is_labelled(tiny_plan):
    close = tiny_plan.node("close_rate")
    assert (close.required, close.ratio_kind) == (pytest.approx(1.25), "throughput")
    assert "above 100%" in close.note and "Opportunities" in close.note
    assert tiny_plan.node("sql_rate").ratio_kind == "throughput" and tiny_plan.node("sql_rate").note is None  # 66.7%
    assert tiny_plan.node("win_rate").ratio_kind == "conversion" and tiny_plan.node("avg_deal_size").ratio_kind is None
    [record] = [r for r in tiny_plan.to_json_data()["records"] if r["metric"] == "close_rate"]
    assert record["ratio_kind"] == "throughput" and record["note"] == close.note


def test_volumes_for_people_are_whole_numbers_rounded_up():
    assert whole_needed(1592.1) == 1593 and whole_needed(1593) == 1593 and whole_needed(0.2) == 1
    assert whole_needed(61.00000000000001) == 61  # a rounding error above a whole number is that number
    # The gap is what the row shows: 51 needed - 5 on pace.
    assert plan_volumes(50.8333, 5.0) == (51, 5, 46)
    assert plan_volumes(10.2, 4.5) == (11, 5, 6) and plan_volumes(3.0, None) == (3, None, None)


def test_the_budget_keeps_costs_without_a_channel_at_the_historys_level(tiny_plan, tiny_plan_ws):
    leads = tiny_plan.node("leads").required
    # Costs with a channel: 1,600 for 10 leads, so 160 a lead; the 2,400 without a channel are kept.
    assert tiny_plan.budget_by_leads == pytest.approx(leads * 1600 / 10 + 2400)
    assert tiny_plan.budget_by_opportunities == pytest.approx(tiny_plan.node("opportunities").required * 1600 / 4 + 2400)
    rows = {c.channel: c for c in tiny_plan.channel_budgets}
    assert rows["ads"].budget == pytest.approx(leads * 0.5 * 200)  # half the leads at 1,000 / 5 a lead
    assert rows["exhibition"].budget == pytest.approx(leads * 0.3 * 200)
    (no_channel,) = tiny_plan_ws.con.execute(
        "SELECT SUM(amount) FROM costs WHERE channel IS NULL AND date >= DATE '2025-04-01' AND date < DATE '2026-04-01'"
    ).fetchone()
    days = (dt.date(2027, 4, 1) - dt.date(2026, 4, 1)).days / (dt.date(2026, 4, 1) - dt.date(2025, 4, 1)).days
    assert rows[None].kind == "no_channel" and rows[None].budget == pytest.approx(float(no_channel) * days) == 2400
    assert rows[None].share_of_leads == pytest.approx(0.2)  # C9 and C10 came with no channel
    assert "(sales, system)" in rows[None].note and "kept at the history's level" in rows[None].note
    assert math.fsum(c.budget for c in tiny_plan.channel_budgets) == pytest.approx(tiny_plan.budget_by_leads)


def _cohort_sql_rate(con) -> tuple[int, int]:
    """MQLs first entered in FY2025, and those reaching SQL or a later stage within 90 days."""
    return con.execute(
        """WITH mql AS (SELECT entity_id, MIN(entered_at) AS at FROM stage_history
                        WHERE entity = 'contact' AND stage = 'mql' GROUP BY entity_id),
                later AS (SELECT entity_id, MIN(entered_at) AS at FROM stage_history
                          WHERE entity = 'contact' AND stage IN ('sql', 'opportunity', 'customer') GROUP BY entity_id)
           SELECT COUNT(*) FILTER (WHERE later.at <= mql.at + INTERVAL 90 DAY), COUNT(*)
           FROM mql LEFT JOIN later USING (entity_id)
           WHERE mql.at >= TIMESTAMP '2025-04-01' AND mql.at < TIMESTAMP '2026-04-01'"""
    ).fetchone()


def test_sensitivity_of_a_throughput_ratio_is_one_point_of_its_cohort_rate(tiny_plan, tiny_plan_ws):
    converted, entered = _cohort_sql_rate(tiny_plan_ws.con)
    assert (converted, entered) == (3, 6)  # the hand count: C1-C3 of C1-C6
    c = converted / entered
    by_rate = {s.rate: s for s in tiny_plan.sensitivity}
    sql = by_rate["sql_rate"]
    assert (sql.basis, sql.converted, sql.entered, sql.conversion_rate) == ("cohort", 3, 6, pytest.approx(0.5))
    # Steady state: one point of c scales the SQL rate (4/6) by (c + 0.01) / c.
    improved = backward(MODEL, "revenue", GOAL, TINY_RATES | {"sql_rate": TINY_RATES["sql_rate"] * (c + 0.01) / c})
    base = backward(MODEL, "revenue", GOAL, TINY_RATES)
    assert sql.top_metric == "leads"
    assert sql.top_saved == pytest.approx(base["leads"] - improved["leads"])
    assert sql.budget_saved == pytest.approx((base["leads"] - improved["leads"]) * 160)  # only costs that grow with leads
    # The close rate (125%) is improved through its cohort, 3 of 4 deals created in FY2025 closed.
    close = by_rate["close_rate"]
    assert (close.conversion_rate, close.converted, close.entered) == (pytest.approx(0.75), 3, 4)
    assert close.step == pytest.approx(1.25 * 0.01 / 0.75)
    # A conversion rate gains one point as it stands; an average of amounts 1%.
    assert (by_rate["win_rate"].basis, by_rate["win_rate"].step, by_rate["win_rate"].entered) == ("rate", 0.01, 5)
    assert (by_rate["avg_deal_size"].basis, by_rate["avg_deal_size"].step) == ("amount", pytest.approx(2.0))
    for s in tiny_plan.sensitivity:
        assert s.conversion_rate is None or 0 <= s.conversion_rate <= 1  # no row shows a rate above 100%


def test_a_throughput_ratio_without_a_cohort_reading_has_no_sensitivity_row(tmp_path):
    """Stop rate = booth visitors / passers-by: no contact links a passer-by, so no conversion rate."""
    from kpiflow.analysis.plan import _step  # noqa: PLC0415

    reason = _step(None, MODEL, {}, "stop_rate", 0.2, None, {}, overridden=False, lang="en")
    assert isinstance(reason, str) and "no conversion rate to improve" in reason


def test_a_conversion_rate_that_cannot_gain_a_point_is_left_out(tiny_plan_ws):
    plan = tiny_plan_ws.plan({"revenue": GOAL}, "FY2026", overrides={"win_rate": 0.995})
    assert "win_rate" not in {s.rate for s in plan.sensitivity}
    assert "would pass 100%" in plan.sensitivity_excluded["win_rate"]
    excluded = plan.to_json_data()["sensitivity_excluded"]
    assert excluded == [{"rate": "win_rate", "note": plan.sensitivity_excluded["win_rate"]}]


def test_plan_json_carries_every_table_the_terminal_shows(tiny_plan_ws):
    runner = CliRunner()
    args = ["plan", "--target", f"revenue={GOAL}", "--period", "FY2026", "-w", str(tiny_plan_ws.root)]
    data = json.loads(runner.invoke(app, [*args, "--json", "--scenario", "better:win_rate=0.7"]).output)
    assert {"records", "budget_by_leads", "budget_by_opportunities", "channel_budgets", "sensitivity", "scenarios"} <= set(data)
    closed = next(r for r in data["records"] if r["metric"] == "closed_deals" and r["scenario"] == "base")
    assert closed["required"] == pytest.approx(6100 / 200 / 0.6)  # exact in JSON
    assert data["budget_by_leads"] == pytest.approx(sum(c["budget"] for c in data["channel_budgets"]))
    assert data["scenarios"]["better"]["budget_by_leads"] == pytest.approx(6100 / 200 / 0.7 / 1.25 / 1.0 / (4 / 6) / 0.6 * 160 + 2400)
    assert {s["rate"] for s in data["sensitivity"]} == set(TINY_RATES)
    text = runner.invoke(app, [*args, "--lang", "en"]).output
    rows = {m.group(1).strip(): m.group(2) for m in re.finditer(r"│\s+([A-Za-z ]+?)\s+│\s+([\d,.¥%]+)\s+│", text)}
    # 50.83 closed deals -> 51; 101.67 leads -> 102; 61.000000000000014 MQLs -> 61; 30.5 won -> 31.
    assert (rows["Closed deals"], rows["Leads"], rows["MQLs"], rows["Won deals"]) == ("51", "102", "61", "31")
    assert "Close rate †" in text and "above 100%" in text
    assert "SQL rate (cohort 50.0%, 3/6)" in text and "Win rate (60.0%, 3/5)" in text
    assert "(no channel)" in text and "(sales, system)" in text
    ja = runner.invoke(app, [*args, "--lang", "ja"]).output
    assert "（チャネルなし）" in ja and "期間比" in ja
    assert "SQL化率（コホート" in ja and "50.0%、3/6）" in ja  # the table wraps the cell at 80 columns


def test_the_dashboard_shows_whole_volumes_and_its_json_the_exact_ones(tmp_path, tiny_plan):
    pytest.importorskip("fastapi", reason="the dashboard needs the optional web extra")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
        from fastapi.testclient import TestClient  # noqa: PLC0415

    from kpiflow.dashboard import create_app  # noqa: PLC0415

    ws = workspace_from_csv(tmp_path, TINY_TABLES)  # the dashboard opens it read-only: a copy of its own
    model = ws.root / "kpiflow.yaml"
    text = model.read_text(encoding="utf-8").replace("\ntargets: {}", f"\ntargets: {{FY2026: {{revenue: {GOAL}}}}}")
    model.write_text(text, encoding="utf-8")
    ws.close()
    with TestClient(create_app(ws.root), base_url="http://127.0.0.1") as client:
        params = {"lang": "en", "period": "FY2026", "target": f"revenue={GOAL}"}
        body = client.get("/plan", params=params).text
        response = client.get("/api/plan", params=params)
        assert response.status_code == 200, response.text
        data = response.json()
        # By default: the year after the last complete one in the data (FY2025), with its target in the model.
        assert client.get("/api/plan", params={"lang": "en"}).json() == data
        default = client.get("/plan", params={"lang": "en"}).text
        assert re.search(r'<option value="FY2026"[^>]*selected', default) and f'value="revenue={GOAL}"' in default
        # The nav of a page of data does not carry its past year to the plan.
        assert 'href="/plan?lang=en"' in client.get("/funnel", params={"lang": "en", "period": "FY2025"}).text
    row = re.search(r"<td>closed_deals</td>(.*?)</tr>", body, flags=re.S).group(1)
    assert "<td>51</td>" in row and "<td>5</td>" in row and "<td>46</td>" in row  # needed, pace, gap
    closed = next(r for r in data["records"] if r["metric"] == "closed_deals")
    assert closed["required"] == pytest.approx(6100 / 200 / 0.6)
    assert data["budget_by_leads"] == pytest.approx(tiny_plan.budget_by_leads)
