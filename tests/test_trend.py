"""Trend and pacing (issue 23): values, phased targets, last year, to date, pace needed and status
equal hand computations on a tiny company whose data end on 2025-05-15 (May is 15/31 elapsed)."""

from __future__ import annotations

import json

import pytest
from scipy import stats
from typer.testing import CliRunner

from conftest import workspace_from_csv
from kpiflow.analysis.trend import TrendError, garwood, trend
from kpiflow.cli import app
from kpiflow.errors import UnknownNameError

runner = CliRunner()

CONTACTS = (
    "contact_id,account_id,created_at,channel\n"
    "C0,A1,2024-04-10,ads\nC9,A1,2024-05-02,seminar\n"  # last year: one lead in April, one in May
    "C1,A1,2025-04-03,ads\nC2,A1,2025-04-20,ads\nC3,A1,2025-05-10,seminar\n"
)
DEALS = (
    "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,channel\n"
    "D0,A1,C0,2024-04-11,200,won,2024-04-15,ads\n"
    "D1,A1,C1,2025-04-05,100,won,2025-04-25,ads\n"
    "D2,A1,C2,2025-04-06,50,lost,2025-04-28,ads\n"
    "D3,A1,C3,2025-05-11,300,won,2025-05-15 10:00,seminar\n"  # the data's last moment
)
TARGETS = "targets:\n  FY2025: {leads: 120, revenue: 1200, win_rate: 0.5}\n  FY2025 channel=ads: {leads: 1.2}\n"
MAY = 15 / 31


@pytest.fixture(scope="module")
def company(tmp_path_factory):
    ws = workspace_from_csv(tmp_path_factory.mktemp("trend"), {"accounts": "account_id,name\nA1,a1\n", "contacts": CONTACTS, "deals": DEALS})
    model = ws.root / "kpiflow.yaml"
    text = model.read_text(encoding="utf-8")
    model.write_text(text[: text.index("targets:")] + TARGETS, encoding="utf-8")
    ws.close()
    import kpiflow  # noqa: PLC0415

    ws = kpiflow.open(str(ws.root))
    yield ws
    ws.close()


def rows(result, table="trend", **where):
    return [r for r in result.table(table).records() if all(r.get(k) == v for k, v in where.items())]


def test_counts_by_month_against_an_even_phasing(company):
    result = trend(company, metrics=["leads"], period="FY2025")
    april, may, june = rows(result, period="2025-04")[0], rows(result, period="2025-05")[0], rows(result, period="2025-06")[0]
    assert (april["value"], april["target"], april["last_year"], april["ytd"], april["ytd_target"]) == (2, pytest.approx(10), 1, 2, pytest.approx(10))
    # May counts 15 of its 31 days in the target to date
    assert (may["value"], may["ytd"], may["ytd_target"]) == (1, 3, pytest.approx(10 + 10 * MAY))
    assert june["value"] is None and june["ytd"] is None and june["status"] is None and june["target"] == pytest.approx(10)
    # 3 leads: the exact 95% Poisson interval is about 0.62..8.77, below the 14.8 targeted to date
    assert (may["ytd_low"], may["ytd_high"]) == (pytest.approx(0.6187, abs=1e-4), pytest.approx(8.7673, abs=1e-4))
    assert may["status"] == "behind"


def test_garwood_bounds_leave_two_and_a_half_percent_each_side():
    for count in (1, 3, 17):
        low, high = garwood(count)
        assert stats.poisson.sf(count - 1, low) == pytest.approx(0.025, abs=1e-9)  # P(X >= k | low)
        assert stats.poisson.cdf(count, high) == pytest.approx(0.025, abs=1e-9)  # P(X <= k | high)


def test_pacing_needs_the_rest_of_the_year_in_the_months_left(company):
    pacing = rows(trend(company, metrics=["leads", "revenue", "win_rate"], period="FY2025"), "pacing")
    leads, revenue, win_rate = (next(r for r in pacing if r["metric"] == m) for m in ("leads", "revenue", "win_rate"))
    assert leads["as_of"] == "2025-05-15" and leads["remaining"] == 11  # May (not over) to March
    assert leads["pace_needed"] == pytest.approx((120 - 3) / 11)
    assert leads["last_year_ytd"] == pytest.approx(1 + 1 * MAY)
    assert leads["achieved"] == pytest.approx(3 / (10 + 10 * MAY))
    # revenue 100 + 300 against 100 + 100 x 15/31: compound Poisson +-1.96 x sqrt(100^2 + 300^2) holds it
    assert revenue["ytd"] == 400 and revenue["ytd_target"] == pytest.approx(100 + 100 * MAY)
    assert revenue["ytd_low"] == pytest.approx(400 - 1.959964 * 100_000**0.5, rel=1e-6)
    assert revenue["status"] == "on_track" and revenue["pace_needed"] == pytest.approx((1200 - 400) / 11)
    # win rate: 2 won of 3 closed, Wilson 0.208..0.939 holds the 0.5 target; a rate is not paced
    assert win_rate["ytd"] == pytest.approx(2 / 3) and win_rate["ytd_target"] == 0.5
    assert (win_rate["ytd_low"], win_rate["ytd_high"]) == (pytest.approx(0.2077, abs=1e-4), pytest.approx(0.9385, abs=1e-4))
    assert win_rate["status"] == "on_track" and win_rate["pace_needed"] is None


def test_rates_carry_their_counts_by_month(company):
    april = rows(trend(company, metrics=["win_rate"], period="FY2025"), period="2025-04")[0]
    assert (april["value"], april["numerator"], april["denominator"], april["target"]) == (0.5, 1, 2, 0.5)


def test_quarters_add_their_months(company):
    q1 = rows(trend(company, metrics=["leads"], grain="quarter", period="FY2025"), period="FY2025Q1")[0]
    assert (q1["value"], q1["target"], q1["last_year"], q1["ytd_target"]) == (3, pytest.approx(30), 2, pytest.approx(10 + 10 * MAY))


def test_a_segment_has_its_own_target_and_can_be_ahead(company):
    result = trend(company, metrics=["leads"], period="FY2025", by="channel")
    ads = rows(result, "pacing", channel="ads")[0]
    # 2 ads leads against 0.1 + 0.1 x 15/31: the Poisson interval of 2 starts at 0.24, above it
    assert ads["target"] == pytest.approx(1.2) and ads["ytd"] == 2 and ads["status"] == "ahead"
    assert rows(result, "pacing", channel="seminar")[0]["target"] is None


def test_json_records_keep_the_contract(company):
    out = runner.invoke(app, ["trend", "leads", "win_rate", "--period", "FY2025", "--json", "-w", str(company.root)])
    assert out.exit_code == 0, out.output
    records = json.loads(out.output)
    assert {"metric", "period", "value", "target", "last_year", "ytd", "ytd_target", "status"} <= set(records[0])
    assert [r["metric"] for r in records].count("leads") == 12


def test_bad_options_say_what_was_expected(company):
    with pytest.raises(UnknownNameError, match="leeds"):
        trend(company, metrics=["leeds"])
    with pytest.raises(UnknownNameError, match="quarter"):
        trend(company, grain="week")
    with pytest.raises(TrendError, match="FY2025Q1"):
        trend(company, grain="quarter", period="FY2025Q1")
    out = runner.invoke(app, ["trend", "--grain", "weekly", "-w", str(company.root)])
    assert out.exit_code != 0 and "Traceback" not in out.output and "month" in out.output


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from conftest import open_shared_demo  # noqa: PLC0415

    ws = open_shared_demo("default", "en")
    yield ws
    ws.close()


def test_the_demos_monthly_targets_leave_sqls_behind(demo):
    """The demo's kpiflow.yaml sets FY2025's stage volumes by month: SQLs fall behind (1,753
    accepted against 2,100 planned, counted here by a plain query), the other stages do not."""
    pacing = {r["metric"]: r for r in trend(demo, metrics=["leads", "mqls", "sqls", "opportunities", "won_deals"]).table("pacing").records()}
    count = demo.sql(
        "SELECT COUNT(*) FROM stage_history WHERE entity = 'contact' AND stage = 'sql' "
        "AND entered_at >= TIMESTAMP '2025-04-01' AND entered_at < TIMESTAMP '2026-04-01'"
    ).fetchall()[0][0]
    sqls = pacing["sqls"]
    assert sqls["period"] == "FY2025" and sqls["as_of"] == "2026-03-31"
    assert (sqls["ytd"], sqls["target"], sqls["ytd_target"]) == (count, 2100, 2100) == (1753, 2100, 2100)
    assert stats.poisson.cdf(count, 2100) < 0.025 and sqls["status"] == "behind"
    assert [m for m, r in pacing.items() if r["status"] == "behind"] == ["sqls"]
    assert pacing["opportunities"]["status"] == "on_track" and pacing["leads"]["status"] == "ahead"


def test_the_dashboards_home_shows_this_quarters_pacing_beside_the_map(demo):
    """The home (the key point map) lists FY2025Q4's pacing, the quarter of the data's last day:
    the same statuses `kpiflow trend --period FY2025Q4` gives, worded, SQLs among those behind."""
    import warnings  # noqa: PLC0415

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
        from fastapi.testclient import TestClient  # noqa: PLC0415

    from kpiflow.dashboard import create_app  # noqa: PLC0415

    quarter = {r["label"]: r["status"] for r in trend(demo, period="FY2025Q4").table("pacing").records() if r["status"]}
    with TestClient(create_app(demo.root), base_url="http://127.0.0.1:8765") as client:
        html = client.get("/?lang=en").text
    pacing = html.split('<ul class="pacing">', 1)[1].split("</ul>", 1)[0]
    assert "This quarter&#39;s pacing (FY2025Q4, as of 2026-03-31)" in html
    assert quarter["SQLs"] == "behind" and '<li class="behind">SQLs: Behind' in pacing
    assert pacing.count("<li") == len(quarter)
