"""The brand behind the pipeline (issue 21): NPS and its interval, CSAT, awareness and signals by
period equal hand counts; the prewhitened cross-correlation equals a second implementation."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import open_shared_demo, workspace_from_csv
from kpiflow.analysis.brand import BrandError, brand, fit_ar, nps, prewhitened_ccf
from kpiflow.cli import app
from kpiflow.errors import UnknownNameError

runner = CliRunner()
Z = 1.959963984540054

ACCOUNTS = "account_id,name,industry\nA1,a1,automotive\nA2,a2,food\n"


def _answers() -> str:
    lines = ["response_id,account_id,answered_at,kind,score"]
    # FY2025Q1 (April-June 2025): 50 promoters, 30 passives, 20 detractors of 100 (the case)
    scores = [10] * 25 + [9] * 25 + [8] * 15 + [7] * 15 + [6] * 10 + [0] * 10
    lines += [f"N{i},{'A1' if i % 2 else 'A2'},2025-05-{1 + i % 28:02d} 10:00,nps,{s}" for i, s in enumerate(scores)]
    # FY2025Q2: 10 promoters, 10 passives, 20 detractors (NPS -25); A1 answers them all
    scores = [9] * 10 + [7] * 10 + [3] * 20
    lines += [f"M{i},A1,2025-08-{1 + i % 28:02d} 10:00,nps,{s}" for i, s in enumerate(scores)]
    # CSAT: Q1 3 of 4 answer 4-5; Q2 1 of 2
    lines += [f"S{i},A1,2025-06-0{i + 1} 10:00,csat,{s}" for i, s in enumerate((5, 4, 4, 2))]
    lines += [f"T{i},A1,2025-07-0{i + 1} 10:00,csat,{s}" for i, s in enumerate((5, 1))]
    # awareness panel: 20 of 80 aware in Q2
    lines += [f"W{i},,2025-07-{10 + i % 7} 10:00,awareness,{1 if i < 20 else 0}" for i in range(80)]
    return "\n".join(lines) + "\n"


# Weekly branded search: 100, 110, 120 in April; 200, 220 in July (plus one review a quarter)
SIGNALS = (
    "date,kind,source,value,sentiment\n"
    "2025-04-07,branded_search,sc,100,\n2025-04-14,branded_search,sc,110,\n2025-04-21,branded_search,sc,120,\n"
    "2025-07-07,branded_search,sc,200,\n2025-07-14,branded_search,sc,220,\n"
    "2025-06-30,review,rs,4.0,0.5\n2025-09-30,review,rs,4.5,0.7\n"
)


@pytest.fixture(scope="module")
def company(tmp_path_factory):
    tables = {"accounts": ACCOUNTS, "surveys": _answers(), "brand_signals": SIGNALS}
    ws = workspace_from_csv(tmp_path_factory.mktemp("brand"), tables)
    yield ws
    ws.close()


def test_nps_of_fifty_thirty_twenty_is_thirty_with_a_standard_error_of_seven_point_eight_one():
    got = nps(50, 30, 20)
    assert got["nps"] == pytest.approx(30.0)
    assert round(got["nps_se"], 2) == 7.81  # 100 sqrt((0.5 + 0.2 - 0.3^2) / 100) = 100 sqrt(0.0061)
    assert (got["nps_ci_low"], got["nps_ci_high"]) == pytest.approx((30 - Z * 7.8102497, 30 + Z * 7.8102497))
    assert nps(3, 0, 0)["nps_ci_high"] == 100  # clipped to the scale
    assert nps(0, 0, 0)["nps"] is None


def test_scores_by_quarter_count_promoters_passives_detractors_and_csat(company):
    got = {r["period"]: r for r in brand(company, period="quarter").table("scores").records()}
    q1, q2 = got["FY2025Q1"], got["FY2025Q2"]
    assert (q1["responses"], q1["promoters"], q1["passives"], q1["detractors"]) == (100, 50, 30, 20)
    assert q1["nps"] == pytest.approx(30) and q1["nps_se"] == pytest.approx(100 * math.sqrt(0.0061))
    assert (q1["promoter_share"], q1["passive_share"], q1["detractor_share"]) == (0.5, 0.3, 0.2)
    assert q2["nps"] == pytest.approx(-25)
    assert (q1["small_sample"], q2["small_sample"]) == (False, False)  # 100 and 40 answers: 30 or more
    # change: -55 points; its z uses both variances: se2 = 100 sqrt((0.25 + 0.5 - 0.0625) / 40)
    se2 = 100 * math.sqrt((0.25 + 0.5 - 0.0625) / 40)
    assert q2["nps_change"] == pytest.approx(-55)
    assert q2["nps_change_p"] == pytest.approx(math.erfc(55 / math.hypot(100 * math.sqrt(0.0061), se2) / math.sqrt(2)))
    assert (q1["csat_responses"], q1["csat"], q2["csat"]) == (4, 0.75, 0.5)
    # pooled two-proportion test of 3/4 against 1/2: z = 0.25 / sqrt(2/3 * 1/3 * (1/4 + 1/2))
    z = 0.25 / math.sqrt(2 / 3 * 1 / 3 * (1 / 4 + 1 / 2))
    assert q2["csat_change_p"] == pytest.approx(math.erfc(z / math.sqrt(2)))


def test_scores_by_segment_add_up_to_every_segment_together(company):
    got = brand(company, period="quarter", by="industry").table("scores").records()
    q2 = {r["industry"]: r for r in got if r["period"] == "FY2025Q2"}
    assert (q2["automotive"]["responses"], q2["food"]["responses"], q2["*"]["responses"]) == (40, 0, 40)
    q1 = {r["industry"]: r for r in got if r["period"] == "FY2025Q1"}
    assert q1["automotive"]["responses"] + q1["food"]["responses"] == q1["*"]["responses"] == 100
    # fewer than 30 answers are marked (the interval and the change test are rough): Q1 has 50 per
    # industry, Q2 40 from automotive and none from food
    assert (q1["automotive"]["small_sample"], q1["food"]["small_sample"]) == (False, False)
    assert (q2["automotive"]["small_sample"], q2["food"]["small_sample"]) == (False, True)


def test_the_distribution_shows_every_score_of_the_period(company):
    got = {r["period"]: r for r in brand(company, period="quarter").table("distribution").records()}
    q1 = got["FY2025Q1"]
    assert {k: q1[f"score_{k}"] for k in range(11) if q1[f"score_{k}"]} == {0: 10, 6: 10, 7: 15, 8: 15, 9: 25, 10: 25}
    assert q1["responses"] == sum(q1[f"score_{k}"] for k in range(11)) == 100
    assert "FY2025Q3" not in got  # nobody answered


def test_signals_by_period_with_awareness_and_a_welch_test_of_the_weeks(company):
    got = {(r["signal"], r["period"]): r for r in brand(company, period="quarter").table("signals").records()}
    aware = got[("awareness", "FY2025Q2")]
    assert (aware["observations"], aware["value"]) == (80, 0.25)
    search1, search2 = got[("branded_search", "FY2025Q1")], got[("branded_search", "FY2025Q2")]
    assert (search1["value"], search2["value"]) == (330, 420)
    # Welch: means 110 and 210, variances 100 and 200 over 3 and 2 weeks
    t = (210 - 110) / math.sqrt(200 / 2 + 100 / 3)
    df = (200 / 2 + 100 / 3) ** 2 / ((200 / 2) ** 2 / 1 + (100 / 3) ** 2 / 2)
    from scipy import stats  # noqa: PLC0415

    assert search2["change_p"] == pytest.approx(2 * stats.t.sf(t, df), rel=1e-6)
    assert got[("review", "FY2025Q2")]["value"] == 4.5 and got[("review", "FY2025Q2")]["sentiment"] == 0.7


def test_a_period_range_is_shown_in_its_own_periods(company):
    got = brand(company, period="FY2025Q1..FY2025Q2").table("scores").records()
    assert [r["period"] for r in got] == ["FY2025Q1", "FY2025Q2"]
    # one period is shown in its parts: a year in quarters, a quarter in months
    assert [r["period"] for r in brand(company, period="FY2025").table("scores").records()] == [f"FY2025Q{q}" for q in range(1, 5)]
    assert [r["period"] for r in brand(company, period="FY2025Q1").table("scores").records()] == ["2025-04", "2025-05", "2025-06"]


def _ccf_by_hand(a: np.ndarray, b: np.ndarray, k: int) -> float:
    """R's ccf(a, b) at lag -k (a leading b), written out term by term."""
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    sa = math.sqrt(sum((v - ma) ** 2 for v in a) / n)
    sb = math.sqrt(sum((v - mb) ** 2 for v in b) / n)
    return sum((a[t] - ma) * (b[t + k] - mb) for t in range(n - k)) / (n * sa * sb)


def test_prewhitening_fits_the_brand_series_and_finds_the_planted_lag():
    rng = np.random.default_rng(3)
    n = 400
    x = np.zeros(n)
    for t in range(1, n):
        x[t] = 0.7 * x[t - 1] + rng.normal()
    y = np.r_[np.zeros(2), x[:-2]] + rng.normal(0, 0.5, n)  # the pipeline follows two months later
    phi = fit_ar(x)
    assert phi[0] == pytest.approx(0.7, abs=0.08)
    r, m, order = prewhitened_ccf(x, y, 4)
    assert int(np.argmax(np.abs(r))) == 2 and abs(r[2]) > 1.96 / math.sqrt(m)
    # the same numbers from the filter written out and R's formula
    zx, zy = x - x.mean(), y - y.mean()
    p = len(phi)
    a = np.array([zx[t] - sum(phi[i] * zx[t - 1 - i] for i in range(p)) for t in range(p, n)])
    b = np.array([zy[t] - sum(phi[i] * zy[t - 1 - i] for i in range(p)) for t in range(p, n)])
    assert (m, order) == (n - p, p)
    assert r == pytest.approx([_ccf_by_hand(a, b, k) for k in range(5)])


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"by": "industy"}, UnknownNameError, "industry"),
        ({"lags": 40}, BrandError, "1 to 12"),
        ({"period": "weekly"}, BrandError, "quarter"),
    ],
)
def test_bad_options_are_refused_in_words(company, options, error, words):
    with pytest.raises(error, match=words):
        brand(company, **options)


def test_a_workspace_without_answers_or_signals_is_told_what_to_load(ws_ja):
    with pytest.raises(BrandError, match="surveys"):
        brand(ws_ja)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_shared_demo("small", "en")
    yield ws
    ws.close()


def test_the_command_prints_the_contracted_records_and_the_lags_are_a_hypothesis(demo):
    result = runner.invoke(app, ["brand", "-w", str(demo.root), "--period", "half", "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    for key in ("period", "responses", "nps", "nps_ci_low", "nps_ci_high", "promoters", "passives", "detractors", "csat"):
        assert key in records[0]
    assert all(r["period"].startswith("FY") and "H" in r["period"] for r in records)
    found = brand(demo)
    lags = found.table("lags").records()
    assert {r["pipeline"] for r in lags} == {"leads", "opportunities"} and all(r["bound"] > 0 for r in lags)
    assert any("hypothesis" in note for note in found.notes)


@pytest.fixture(scope="module")
def company_demo(tmp_path_factory):
    ws = open_shared_demo("default", "en")
    yield ws
    ws.close()


def test_the_demos_nps_dips_in_the_half_of_the_false_alerts_and_recovers(company_demo):
    got = {r["period"]: r for r in brand(company_demo, period="half").table("scores").records()}
    # FY2024H2: a firmware release raised false alerts (kpiflow.demo.finance.NPS_DIP)
    before, dip, after = got["FY2024H1"], got["FY2024H2"], got["FY2025H1"]
    assert dip["nps"] < 0 < before["nps"] and dip["nps_ci_high"] < before["nps_ci_low"]
    assert dip["nps_change"] < 0 and dip["nps_change_q"] < 0.01
    assert after["nps_change"] > 0 and after["nps_change_q"] < 0.05
    # the same answers counted in plain SQL: 100 x (share of 9-10 - share of 0-6)
    sql = (
        "SELECT 100 * (AVG(CASE WHEN score >= 9 THEN 1 ELSE 0 END) - AVG(CASE WHEN score <= 6 THEN 1 ELSE 0 END)), COUNT(*) "
        "FROM surveys WHERE kind = 'nps' AND answered_at >= '2024-10-01' AND answered_at < '2025-04-01'"
    )
    score, n = company_demo.sql(sql).fetchall()[0]
    assert (dip["nps"], dip["responses"]) == (pytest.approx(score), n)
