"""Forecast and pipeline coverage (issue 23): the cohort chance of each open deal, the yield of the
leads to come, the interval, coverage and the back-test equal hand computations on a tiny company
whose data end on 2025-06-30 12:00, forecasting FY2025Q2 (July to September)."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from conftest import workspace_from_csv
from kpiflow.analysis.forecast import ForecastError, forecast
from kpiflow.cli import app

runner = CliRunner()

# C0 (2023) owns the deals; C1-C4 are a year's leads: C1 wins 10 days after arriving, C2 50 days after.
CONTACTS = (
    "contact_id,account_id,created_at,channel\n"
    "C0,A1,2023-01-01,ads\n"
    "C1,A1,2024-09-01,ads\nC2,A1,2024-09-01,ads\nC3,A1,2024-09-01,ads\nC4,A1,2024-09-01,ads\n"
    "C9,A1,2025-06-30 12:00,ads\n"  # the data's last moment
)
DEALS = (
    "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,channel,owner\n"
    "H1,A1,C0,2024-04-25,100,won,2024-05-06,ads,sato\n"  # 5 days after 'valid': closed before the open deal's age
    "H2,A1,C0,2024-04-25,100,won,2024-05-31,ads,sato\n"  # 30 days: inside the window (10.5, 102.5]
    "H3,A1,C0,2024-04-25,100,won,2024-11-17,ads,sato\n"  # 200 days: a win outside the window
    "H4,A1,C0,2024-04-25,100,lost,2024-06-20,ads,sato\n"  # lost after 50 days
    "H5,A1,C0,2025-04-25,100,won,2025-05-21,ads,sato\n"  # entered 60 days before now: not observed long enough
    "H6,A1,C0,2024-05-25,100,open,,ads,sato\n"  # still open after a year in 'valid'
    "W1,A1,C1,2024-09-02,400,won,2024-09-11,ads,sato\n"
    "W2,A1,C2,2024-09-02,600,won,2024-10-21,ads,sato\n"
    "O1,A1,C0,2025-06-15,1000,open,,ads,sato\n"
    "O2,A1,C0,2025-06-01,500,open,,seminar,ito\n"
)
HISTORY = (
    "entity,entity_id,stage,entered_at\n"
    "deal,H1,valid,2024-05-01\ndeal,H2,valid,2024-05-01\ndeal,H3,valid,2024-05-01\ndeal,H4,valid,2024-05-01\n"
    "deal,H5,valid,2025-05-01\ndeal,H6,valid,2024-06-01\n"
    "deal,O1,valid,2025-06-20 12:00\ndeal,O2,proposal,2025-06-10\n"
)
TARGETS = "targets:\n  FY2025Q2: {revenue: 5000, leads: 30}\n  FY2025Q1 owner=sato: {revenue: 1100}\n"
Z = 1.959963984540054


@pytest.fixture(scope="module")
def company(tmp_path_factory):
    import kpiflow  # noqa: PLC0415

    tables = {"accounts": "account_id,name\nA1,a1\n", "contacts": CONTACTS, "deals": DEALS, "stage_history": HISTORY}
    ws = workspace_from_csv(tmp_path_factory.mktemp("forecast"), tables)
    model = ws.root / "kpiflow.yaml"
    text = model.read_text(encoding="utf-8")
    model.write_text(text[: text.index("targets:")] + TARGETS, encoding="utf-8")
    root = ws.root
    ws.close()
    ws = kpiflow.open(str(root))
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def result(company):
    return forecast(company, period="FY2025Q2")


def test_an_open_deal_counts_with_the_chance_deals_like_it_won_in_the_window(result):
    deals = {r["deal_id"]: r for r in result.table("deals").records()}
    o1 = deals["O1"]
    # O1 is 10 days into 'valid'; comparable: H2, H3, H4, H6 (open at day 10, observed 102.5 days);
    # 2 of them won (H2, H3), 1 of those between day 10.5 and day 102.5 (H2)
    assert (o1["alike"], o1["p_win"], o1["p_in_period"]) == (4, 0.5, 0.5)
    assert o1["weighted"] == pytest.approx(250) and o1["days_in_stage"] == pytest.approx(10)
    # wins from 'valid' took 5, 20, 30 and 200 days: the median 25 puts O1's close on 15 July
    assert o1["expected_close"] == "2025-07-15" and o1["in_period"] is True
    assert deals["O2"]["alike"] == 0 and deals["O2"]["weighted"] == 0 and deals["O2"]["expected_close"] is None


def test_the_forecast_adds_the_pipeline_and_the_leads_to_come(result):
    rows = {r["metric"]: r for r in result.table("forecast").records()}
    revenue, won = rows["revenue"], rows["won_deals"]
    # 10 planned leads a month; a year's leads (C1-C4) yielded within 76.5 days (July's middle to
    # October) 2 wins worth 1,000; within 45.5 days (August) and 15 days (September) 1 worth 400
    assert revenue["planned_leads"] == pytest.approx(30)
    assert revenue["future_expected"] == pytest.approx(10 / 4 * (1000 + 400 + 400))
    assert won["future_expected"] == pytest.approx(10 / 4 * (2 + 1 + 1))
    assert revenue["actual_to_date"] == 0 and revenue["pipeline_expected"] == pytest.approx(250)
    assert revenue["forecast"] == pytest.approx(4750)
    # Bernoulli O1 (p = 1/4, 1,000) and the compound Poisson leads (2.5 x the squares per horizon)
    sd = math.sqrt(0.25 * 0.75 * 1000**2 + 2.5 * ((400**2 + 600**2) + 400**2 + 400**2))
    assert (revenue["ci_low"], revenue["ci_high"]) == (pytest.approx(4750 - Z * sd), pytest.approx(4750 + Z * sd))
    assert won["ci_high"] - won["forecast"] == pytest.approx(Z * math.sqrt(0.25 * 0.75 + 10))


def test_coverage_is_the_pipeline_closing_in_the_period_over_the_target_left(result):
    revenue = next(r for r in result.table("forecast").records() if r["metric"] == "revenue")
    assert revenue["target"] == 5000 and revenue["pipeline_in_period"] == 1000 and revenue["coverage"] == pytest.approx(0.2)
    coverage = result.table("coverage").records()
    by_owner = {r["key"]: r for r in coverage if r["dimension"] == "owner"}
    assert set(by_owner) == {"sato"} and by_owner["sato"]["pipeline_value"] == 1000  # O2 has no expected close
    quarters = {r["key"]: r for r in coverage if r["dimension"] == "expected_close"}
    assert (quarters["FY2025Q2"]["open_deals"], quarters["FY2025Q2"]["coverage"]) == (1, pytest.approx(0.2))
    # H6, a year in 'valid' and long past the median, is expected now: in the quarter the data end in
    assert quarters["FY2025Q1"]["open_deals"] == 1 and quarters["FY2025Q1"]["pipeline_value"] == 100


def test_a_segments_coverage_is_against_its_own_target_less_its_actual(company):
    """FY2025Q1 is under way at the as-of moment: sato won H5 (100) in it against a 1,100 target,
    and has H6 (100, long overdue, so expected now) to close in it: 100 / (1,100 - 100)."""
    sato = next(r for r in forecast(company, period="FY2025Q1", backtest=False).table("coverage").records() if r["key"] == "sato")
    assert (sato["open_deals"], sato["pipeline_value"], sato["remaining_target"], sato["coverage"]) == (1, 100, 1000, pytest.approx(0.1))


def test_the_back_test_uses_only_what_was_known_at_each_quarters_start(result):
    rows = [r for r in result.table("backtest").records() if r["metric"] == "revenue"]
    periods = [r["period"] for r in rows]
    assert periods == ["FY2023Q4", "FY2024Q1", "FY2024Q2", "FY2024Q3", "FY2024Q4", "*"]  # a year after 2023-01-01
    q1 = rows[1]
    # on 1 April 2024 no deal of the quarter existed and no lead came a year before: forecast 0;
    # the quarter then won H1 and H2 (200)
    assert (q1["forecast"], q1["actual"], q1["error"], q1["abs_pct_error"]) == (0, 200, -200, 1.0)
    q3 = rows[3]
    assert q3["actual"] == 700  # W2 (21 October) and H3 (17 November)
    scored = [r for r in rows[:-1] if r["actual"]]
    assert rows[-1]["abs_pct_error"] == pytest.approx(sum(abs(r["error"]) / r["actual"] for r in scored) / len(scored))


def test_json_records_keep_the_contract(company):
    out = runner.invoke(app, ["forecast", "--period", "FY2025Q2", "--json", "-w", str(company.root)])
    assert out.exit_code == 0, out.output
    records = json.loads(out.output)
    keys = {"metric", "actual_to_date", "pipeline_expected", "future_expected", "forecast", "ci_low", "ci_high", "target", "coverage"}
    assert keys <= set(records[0]) and {r["metric"] for r in records} == {"won_deals", "revenue"}


def test_a_model_without_won_metrics_is_told_what_to_add(company, tmp_path):
    import shutil  # noqa: PLC0415

    import kpiflow  # noqa: PLC0415

    shutil.copytree(company.root, tmp_path / "ws")
    model = tmp_path / "ws" / "kpiflow.yaml"
    text = model.read_text(encoding="utf-8").replace("where: outcome = 'won'", "where: outcome = 'lost'")
    model.write_text(text[: text.index("tree:")] + "targets: {}\n", encoding="utf-8")
    with kpiflow.open(str(tmp_path / "ws")) as ws, pytest.raises(ForecastError, match="closed_at"):
        forecast(ws)


def test_a_back_test_row_is_the_forecast_made_on_the_data_cut_at_the_quarters_start(tmp_path):
    """The small demo's FY2025Q3 back-test row equals a live forecast on a copy whose data stop at
    that quarter's first moment: only what was known then went into it."""
    from conftest import copy_demo, open_shared_demo  # noqa: PLC0415

    whole = open_shared_demo("small", "en")
    row = next(r for r in forecast(whole).table("backtest").records() if r["period"] == "FY2025Q3" and r["metric"] == "revenue")
    whole.close()
    cut, _ = copy_demo(tmp_path / "cut", size="small", lang="en")
    t = "TIMESTAMP '2025-09-30 23:59:59.999999'"
    con = cut.writer()
    con.execute(f"UPDATE deals SET outcome = 'open', closed_at = NULL, loss_reason = NULL WHERE closed_at > {t}")
    for table, column in (("deals", "created_at"), ("contacts", "created_at"), ("stage_history", "entered_at"), ("touchpoints", "occurred_at"),
                          ("orders", "ordered_at"), ("surveys", "answered_at"), ("costs", "date"), ("brand_signals", "date"), ("booth_traffic", "hour")):
        con.execute(f"DELETE FROM {table} WHERE CAST({column} AS TIMESTAMP) > {t}")
    con.execute(f"INSERT INTO contacts (contact_id, created_at) VALUES ('NOW', {t})")  # the data's last moment: t
    cut.close()
    import kpiflow  # noqa: PLC0415

    with kpiflow.open(str(tmp_path / "cut")) as ws:
        live = next(r for r in forecast(ws, backtest=False).table("forecast").records() if r["metric"] == "revenue")
    assert live["period"] == "FY2025Q3" and live["actual_to_date"] == 0
    assert (live["forecast"], live["ci_low"], live["ci_high"]) == (pytest.approx(row["forecast"]), pytest.approx(row["ci_low"]), pytest.approx(row["ci_high"]))


def test_the_demos_back_test_error_is_what_the_docs_state(tmp_path_factory):
    """Each past quarter's actual revenue counted by a plain query; the MAPE and bias recomputed
    from them equal the note's and docs/demo.md's figures."""
    from pathlib import Path  # noqa: PLC0415

    from conftest import open_shared_demo  # noqa: PLC0415

    ws = open_shared_demo("default", "en")
    result = forecast(ws)
    rows = [r for r in result.table("backtest").records() if r["metric"] == "revenue" and r["period"] != "*"]
    actuals = dict(
        ws.sql(
            "SELECT 'FY' || CAST(YEAR(closed_at - INTERVAL 3 MONTH) AS VARCHAR) || 'Q' || CAST(QUARTER(closed_at - INTERVAL 3 MONTH) AS VARCHAR), "
            "SUM(amount) FROM deals WHERE outcome = 'won' GROUP BY 1"
        ).fetchall()
    )
    ws.close()
    assert [r["period"] for r in rows] == [f"FY{y}Q{q}" for y in (2024, 2025) for q in (1, 2, 3, 4)]
    assert all(r["actual"] == float(actuals[r["period"]]) for r in rows)
    errors = [(r["forecast"] - float(actuals[r["period"]])) / float(actuals[r["period"]]) for r in rows]
    mape, bias = sum(abs(e) for e in errors) / 8, sum(errors) / 8
    assert f"MAPE {mape:.1%}, bias {bias:+.1%}" in result.notes[1]
    doc = (Path(__file__).resolve().parents[1] / "docs" / "demo.md").read_text(encoding="utf-8")
    assert f"revenue **MAPE {mape:.1%}, bias {bias:.1%}**" in doc, (mape, bias)
