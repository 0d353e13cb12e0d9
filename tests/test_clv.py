"""Predictive customer value (issue 19): BG/NBD, Gamma-Gamma and the shifted-beta-geometric model
reproduce their published figures through kpiflow's own loader, and the engine's per-customer
summaries equal hand counts and the published CDNOW summary."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from decimal import Decimal, localcontext

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import dataset, workspace_from_csv
from kpiflow.analysis.clv import (
    BgNbd,
    ClvError,
    GammaGamma,
    ParetoNbd,
    ShiftedBetaGeometric,
    customer_value,
    fit,
    fit_sbg,
    summary_query,
    survivors_to_customers,
)
from kpiflow.cli import app

runner = CliRunner()
CALIBRATION = "1997-01-01..1997-09-30"
# Fader & Hardie (2007), "How to project customer retention", the regular customers' survival.
REGULAR = (1.0, 0.631, 0.468, 0.382, 0.326, 0.289, 0.262, 0.241)


def cdnow_rows() -> list[tuple[str, str, float]]:
    """(customer, YYYY-MM-DD, dollars) of every transaction of the CDNOW 1/10 sample."""
    rows = []
    for line in (dataset("cdnow_btyd") / "CDNOW_sample.txt").read_text().splitlines():
        if line.strip():
            _, customer, day, _, dollars = line.split()
            rows.append((str(int(customer)), f"{day[:4]}-{day[4:6]}-{day[6:]}", float(dollars)))
    return rows


@pytest.fixture(scope="module")
def cdnow(tmp_path_factory):
    """A workspace with the CDNOW sample loaded into `orders` by kpiflow's loader."""
    text = "order_id,account_id,ordered_at,amount\n" + "".join(
        f"{i},{customer},{day},{dollars}\n" for i, (customer, day, dollars) in enumerate(cdnow_rows(), 1)
    )
    ws = workspace_from_csv(tmp_path_factory.mktemp("cdnow"), {"orders": text})
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def bgnbd(cdnow):
    result = runner.invoke(app, ["clv", "fit", "--model", "bgnbd", "--unit", "week", "--period", CALIBRATION, "-w", str(cdnow.root), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_bgnbd_reproduces_fader_hardie_lee_2005_on_cdnow(bgnbd):
    assert bgnbd["customers"] == 2357
    assert [round(bgnbd[k], 3) for k in ("r", "alpha", "a", "b")] == [0.243, 4.414, 0.793, 2.426]
    assert round(bgnbd["log_likelihood"], 1) == -9582.4


def test_pareto_nbd_reproduces_fader_hardie_lee_2005_on_cdnow(cdnow):
    result = runner.invoke(app, ["clv", "fit", "--model", "pareto", "--period", CALIBRATION, "-w", str(cdnow.root), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["customers"] == 2357
    assert [round(data[k], 3) for k in ("r", "alpha", "s", "beta")] == [0.553, 10.578, 0.606, 11.669]
    assert round(data["log_likelihood"], 1) == -9595.0


def test_pareto_nbd_s_expressions_equal_lifetimes_per_customer():
    x, t_x, T, _ = published_summary()
    params = json.loads((dataset("cdnow_btyd") / "expected" / "cdnow_model_params.json").read_text(encoding="utf-8"))
    fitted = params["pareto_nbd"]["lifetimes"]
    model = ParetoNbd(fitted["r"], fitted["alpha"], fitted["s"], fitted["beta"])
    with open(dataset("cdnow_btyd") / "expected" / "cdnow_per_customer_lifetimes.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert model.p_alive(x, t_x, T) == pytest.approx([float(r["pnbd_p_alive"]) for r in rows], rel=1e-7)
    assert model.expected(39, x, t_x, T) == pytest.approx([float(r["pnbd_E_Y_39w"]) for r in rows], rel=1e-7)
    assert float(np.sum(model.log_likelihood(x, t_x, T))) == pytest.approx(fitted["log_likelihood"], rel=1e-9)


def test_the_conditional_expectation_of_the_published_example(bgnbd):
    model = BgNbd(bgnbd["r"], bgnbd["alpha"], bgnbd["a"], bgnbd["b"])
    assert round(float(model.expected(39, 2, 30.43, 38.86)), 3) == 1.226
    # a customer who never bought again: E[Y(t)] = E[X(t)] scaled by P(alive) = 1, so the
    # conditional expectation at T = 0 is the unconditional one (FHL 2005, equations 9 and 10)
    assert float(model.expected(10, 0, 0, 0)) == pytest.approx(model.unconditional(10), rel=1e-12)


def test_the_engine_s_summaries_equal_the_published_cdnow_summary(cdnow):
    from kpiflow.analysis.clv import _parse_day_range  # noqa: PLC0415

    arrays = dict(cdnow.engine.arrays(summary_query(cdnow, _parse_day_range(cdnow, CALIBRATION, "en", "--period"), None)))
    published = {}
    with open(dataset("cdnow_btyd") / "cdnow_customers_summary_with_transactions.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            published[row["ID"]] = (int(row["x"]), float(row["t_x"]), float(row["T"]), float(row["zbar"]))
    assert len(arrays["account_id"]) == len(published) == 2357
    for i, customer in enumerate(arrays["account_id"]):
        x, t_x, T, zbar = published[customer]
        assert arrays["x"][i] == x, customer
        assert round(arrays["t_x_days"][i] / 7, 2) == t_x and round(arrays["T_days"][i] / 7, 2) == T, customer
        if x:
            assert arrays["repeat_value"][i] / x == pytest.approx(zbar, abs=0.0051), customer


def test_the_holdout_figures_equal_a_count_of_the_file_and_the_published_predictions(bgnbd):
    holdout_days = defaultdict(set)
    for customer, day, _ in cdnow_rows():
        if "1997-10-01" <= day <= "1998-06-30":
            holdout_days[customer].add(day)
    assert bgnbd["holdout_period"] == "1997-10-01..1998-06-30" and bgnbd["holdout"]["length"] == 39
    assert bgnbd["holdout"]["actual"] == sum(len(days) for days in holdout_days.values())
    # lifetimes 0.11.3's E[Y(39) | x, t_x, T] per customer, on the 2-decimal summary
    with open(dataset("cdnow_btyd") / "expected" / "cdnow_per_customer_lifetimes.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert bgnbd["holdout"]["predicted"] == pytest.approx(sum(float(r["bgnbd_E_Y_39w"]) for r in rows), rel=2e-4)
    # docs/economics.md quotes them: "made 1,882 repeat purchases; BG/NBD predicted 1,653"
    assert (bgnbd["holdout"]["actual"], round(bgnbd["holdout"]["predicted"])) == (1882, 1653)
    buckets = bgnbd["holdout"]["by_frequency"]
    assert [b["frequency"] for b in buckets] == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert sum(b["customers"] for b in buckets) == 2357
    zero = [r for r in rows if r["x"] == "0"]
    assert buckets[0]["customers"] == len(zero)
    assert buckets[0]["predicted"] == pytest.approx(np.mean([float(r["bgnbd_E_Y_39w"]) for r in zero]), rel=2e-4)


def test_gamma_gamma_reproduces_fader_hardie_2013_on_the_946_repeat_buyers(cdnow):
    result = runner.invoke(app, ["clv", "fit", "--model", "gg", "--unit", "week", "--period", CALIBRATION, "-w", str(cdnow.root), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["customers"] == 946
    assert [round(data[k], 2) for k in ("p", "q", "gamma")] == [6.25, 3.74, 15.44]


@pytest.fixture(scope="module")
def renewals(tmp_path_factory):
    """1,000 contracts started on 2000-01-01, renewed each 1 January while the customer stays, as
    many staying each year as Fader & Hardie's regular customers (100, 63.1, ... 24.1%)."""
    alive = [round(s * 1000) for s in REGULAR]
    rows = ["order_id,account_id,ordered_at,amount,product,kind"]
    for customer in range(1000):
        rows.append(f"N{customer},{customer},2000-01-01,100,plan,new")
        for year in range(1, len(alive)):
            if customer < alive[year]:
                rows.append(f"R{customer}-{year},{customer},{2000 + year}-01-01,100,plan,renewal")
    # customers who started with a product nobody renews hold no contract: not in the model
    rows += [f"S{customer},S{customer},2000-01-01,100,sensor,new" for customer in range(50)]
    rows += [f"X{customer},S{customer},2003-01-01,100,plan,new" for customer in range(10)]
    ws = workspace_from_csv(tmp_path_factory.mktemp("sbg"), {"orders": "\n".join(rows) + "\n"})
    yield ws
    ws.close()


def test_the_shifted_beta_geometric_model_reproduces_fader_hardie_2007(renewals):
    result = runner.invoke(app, ["clv", "fit", "--model", "sbg", "--unit", "year", "--period", "2000-01-01..2007-06-30", "-w", str(renewals.root), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["customers"] == 1000
    assert (round(data["alpha"], 3), round(data["beta"], 3)) == (0.704, 1.182)
    # the same fit from the published survival curve itself
    model, _ = fit_sbg(*survivors_to_customers(REGULAR))
    assert (model.alpha, model.beta) == pytest.approx((data["alpha"], data["beta"]), rel=1e-5)


def test_the_shifted_beta_geometric_holdout_expects_the_renewals_falling_due(renewals):
    # calibration to mid-2004: renewals of 2001-2004 seen; 326 customers still under contract after
    # 4 periods; the holdout to mid-2007 sees the renewals of 2005-2007 (289 + 262 + 241)
    data = fit(renewals, model="sbg", unit="year", period="2000-01-01..2004-06-30", holdout="2004-07-01..2007-06-30").to_dict()
    assert data["customers"] == 1000 and data["holdout"]["actual"] == 289 + 262 + 241
    alpha, beta = data["alpha"], data["beta"]

    def survival(t: int) -> float:  # the product form: S(t) = prod_{i=1..t} (beta + i - 1) / (alpha + beta + i - 1)
        return float(np.prod([(beta + i - 1) / (alpha + beta + i - 1) for i in range(1, t + 1)]))

    assert data["holdout"]["predicted"] == pytest.approx(326 * sum(survival(4 + j) / survival(4) for j in (1, 2, 3)), rel=1e-9)
    four = next(b for b in data["holdout"]["by_frequency"] if b["frequency"] == "4")
    assert four["customers"] == 326 and four["actual"] == pytest.approx((289 + 262 + 241) / 326)


def test_the_shifted_beta_geometric_closed_forms():
    # Beta(1, 1): S(t) = 1 / (t + 1) and P(T = t) = 1 / (t (t + 1))
    model = ShiftedBetaGeometric(1.0, 1.0)
    assert model.survival(np.arange(4)).tolist() == pytest.approx([1, 1 / 2, 1 / 3, 1 / 4])
    assert model.churn(np.arange(1, 4)).tolist() == pytest.approx([1 / 2, 1 / 6, 1 / 12])


# --- purchase occasions, counted by hand ----------------------------------------------------------

ACCOUNTS = "account_id,name\nA,a\nB,b\nC,c\n"
# A: won deal and an order on 1 Jan (one occasion), two orders on 15 Jan (one occasion worth 50),
# an order on 5 Feb (holdout). B bought first in December (not in the January cohort). C: orders only.
DEALS = "deal_id,account_id,created_at,amount,outcome,closed_at\nD1,A,2024-12-01,100,won,2025-01-01\nD2,C,2024-12-01,900,lost,2025-01-03\n"
ORDERS = (
    "order_id,account_id,ordered_at,amount\n"
    "O1,A,2025-01-01 10:00,50\nO2,A,2025-01-15 09:00,30\nO3,A,2025-01-15 17:00,20\nO4,A,2025-02-05,70\n"
    "O5,B,2024-12-20,10\nO6,B,2025-01-20,10\nO7,C,2025-01-10,40\n"
)


@pytest.fixture(scope="module")
def hand(tmp_path_factory):
    ws = workspace_from_csv(tmp_path_factory.mktemp("occasions"), {"accounts": ACCOUNTS, "deals": DEALS, "orders": ORDERS})
    yield ws
    ws.close()


def test_same_day_purchases_are_one_occasion_and_won_deals_count(hand):
    from kpiflow.analysis.clv import _parse_day_range  # noqa: PLC0415

    query = summary_query(hand, _parse_day_range(hand, "2025-01-01..2025-01-31", "en", "--period"), hand.resolve_period("2025-02").last_day)
    got = {r["account_id"]: r for r in hand.engine.run(query).records()}
    assert set(got) == {"A", "C"}
    a, c = got["A"], got["C"]
    assert (a["x"], a["t_x_days"], a["T_days"], a["repeat_value"], a["holdout_x"], a["holdout_value"]) == (1, 14, 30, 50, 1, 70)
    assert (c["x"], c["t_x_days"], c["T_days"], c["repeat_value"], c["holdout_x"]) == (0, 0, 21, 0, 0)


def test_too_few_buyers_or_a_holdout_inside_the_calibration_is_refused(hand):
    with pytest.raises(ClvError, match="too few customers"):
        fit(hand, model="gg", period="2025-01-01..2025-01-31")
    with pytest.raises(ClvError, match="must start after"):
        fit(hand, period="2025-01-01..2025-01-31", holdout="2025-01-20..2025-02-28")


def test_bad_options_are_named_with_what_was_expected(cdnow):
    result = runner.invoke(app, ["clv", "fit", "--model", "bgndb", "-w", str(cdnow.root)])
    assert result.exit_code == 1 and "did you mean 'bgnbd'" in result.output
    result = runner.invoke(app, ["clv", "fit", "--unit", "fortnight", "-w", str(cdnow.root)])
    assert result.exit_code == 1 and "--unit" in result.output and "week" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["clv", "--discount", "ten", "-w", str(cdnow.root)])
    assert result.exit_code == 1 and "--discount ten" in result.output and "10%" in result.output
    result = runner.invoke(app, ["clv", "--by", "industri", "-w", str(cdnow.root)])
    assert result.exit_code == 1 and "did you mean 'industry'" in result.output


def test_a_workspace_without_purchases_says_what_to_load(ws):
    result = runner.invoke(app, ["clv", "fit", "-w", str(ws.root), "--lang", "ja"])
    assert result.exit_code == 1 and "注文を読み込んで" in result.output


def test_the_holdout_chart_puts_actual_beside_predicted(cdnow, bgnbd):
    from kpiflow.analysis.clv import charts  # noqa: PLC0415

    data = json.loads(json.dumps(cdnow.clv(calibration=CALIBRATION, unit="week").to_dict()))
    (figure,) = charts(data, "en")
    actual, predicted = figure["data"]
    assert actual["x"] == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert actual["y"] == pytest.approx([b["actual"] for b in bgnbd["holdout"]["by_frequency"]])
    assert predicted["y"] == pytest.approx([b["predicted"] for b in bgnbd["holdout"]["by_frequency"]])


# --- predicted value, against lifetimes 0.11.3 (a second implementation) --------------------------


def published_summary() -> tuple[np.ndarray, ...]:
    with open(dataset("cdnow_btyd") / "cdnow_customers_summary_with_transactions.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return tuple(np.array([float(r[k]) for r in rows]) for k in ("x", "t_x", "T", "zbar"))


def lifetimes_models() -> tuple[BgNbd, GammaGamma, dict]:
    params = json.loads((dataset("cdnow_btyd") / "expected" / "cdnow_model_params.json").read_text(encoding="utf-8"))
    bg, gg = params["bgnbd"]["lifetimes"], params["gamma_gamma"]["lifetimes"]
    return BgNbd(bg["r"], bg["alpha"], bg["a"], bg["b"]), GammaGamma(gg["p"], gg["q"], gg["v"]), params


def test_customer_value_equals_lifetimes_per_customer():
    # lifetimes' customer_lifetime_value: 12 months of 4.345 weeks, 1% a month, Gamma-Gamma's expected value
    x, t_x, T, zbar = published_summary()
    bgnbd, gamma_gamma, params = lifetimes_models()
    with open(dataset("cdnow_btyd") / "expected" / "cdnow_per_customer_lifetimes.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    expected = {k: np.array([float(r[k]) for r in rows]) for k in ("clv_12m_disc1pct_monthly", "gg_E_avg_value", "bgnbd_p_alive", "bgnbd_E_Y_39w")}
    assert customer_value(bgnbd, gamma_gamma, x, t_x, T, zbar, 12, 0.01, 4.345) == pytest.approx(expected["clv_12m_disc1pct_monthly"], rel=1e-8)
    assert gamma_gamma.expected_value(x, zbar) == pytest.approx(expected["gg_E_avg_value"], rel=1e-8)
    assert bgnbd.p_alive(x, t_x, T) == pytest.approx(expected["bgnbd_p_alive"], rel=1e-8)
    assert bgnbd.expected(39, x, t_x, T) == pytest.approx(expected["bgnbd_E_Y_39w"], rel=1e-8)
    assert bgnbd.unconditional(39) == pytest.approx(params["unconditional_E_X_39_weeks_bgnbd_lifetimes"], rel=1e-8)


def test_the_predicted_value_table_is_the_mean_of_the_customers_values(cdnow):
    # 12 months at 1% a month (12.68% a year): lifetimes' mean CLV, to the difference a month of
    # 30.4375 days (not 4.345 weeks) and parameters fitted on unrounded times make
    with open(dataset("cdnow_btyd") / "expected" / "cdnow_per_customer_lifetimes.csv", encoding="utf-8") as f:
        mean = np.mean([float(r["clv_12m_disc1pct_monthly"]) for r in csv.DictReader(f)])
    result = cdnow.clv(calibration=CALIBRATION, unit="week", horizon="12m", discount=str(1.01**12 - 1))
    (row,) = result.table("value").records()
    assert row["segment"] is None and row["customers"] == 2357
    assert row["predicted_value"] == pytest.approx(mean, rel=2e-3)
    assert row["predicted_total"] == pytest.approx(row["predicted_value"] * 2357)


SEGMENTED = {
    "accounts": "account_id,name,industry\nA1,a1,food\nA2,a2,food\nA3,a3,metals\n",
    "contacts": "contact_id,account_id,created_at,channel\nC1,A1,2024-01-01,ads\nC2,A2,2024-01-01,seminar\n",
    # A1's deal names its channel; A2's does not (its contact's, seminar); A3 buys by order only (no channel)
    "deals": (
        "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,channel\n"
        "D1,A1,C1,2024-12-01,100,won,2025-01-02,exhibition\nD2,A2,C2,2024-12-01,100,won,2025-01-03,\n"
    ),
    "orders": (
        "order_id,account_id,ordered_at,amount\n"
        "O1,A1,2025-01-20,50\nO2,A2,2025-01-21,60\nO3,A3,2025-01-05,70\nO4,A3,2025-01-25,80\nO5,A1,2025-02-10,40\n"
    ),
}


@pytest.fixture(scope="module")
def segmented(tmp_path_factory):
    ws = workspace_from_csv(tmp_path_factory.mktemp("segmented"), SEGMENTED)
    yield ws
    ws.close()


def test_segments_are_the_first_won_deal_s_channel_else_the_contact_s_or_the_account_s_industry(segmented):
    from kpiflow.analysis.clv import _parse_day_range  # noqa: PLC0415

    calibration = _parse_day_range(segmented, "2025-01-01..2025-01-31", "en", "--period")
    channel = {r["account_id"]: r["segment"] for r in segmented.engine.run(summary_query(segmented, calibration, None, "channel")).records()}
    assert channel == {"A1": "exhibition", "A2": "seminar", "A3": None}
    industry = {r["account_id"]: r["segment"] for r in segmented.engine.run(summary_query(segmented, calibration, None, "industry")).records()}
    assert industry == {"A1": "food", "A2": "food", "A3": "metals"}
    result = segmented.clv(calibration="2025-01-01..2025-01-31", by="industry", horizon="6m")
    value = {r["segment"]: r for r in result.table("value").records()}
    assert {k: r["customers"] for k, r in value.items()} == {"food": 2, "metals": 1}
    assert all(r["small_sample"] for r in value.values())


def decimal_2f1(A: float, B: float, C: float, z: float) -> Decimal:
    """2F1's power series in 50-digit decimal arithmetic."""
    with localcontext() as context:
        context.prec = 50
        A_, B_, C_, z_ = (Decimal(v) for v in (A, B, C, z))
        term = total = Decimal(1)
        k = 0
        while abs(term) > Decimal("1e-40") * abs(total):
            term = term * (A_ + k) * (B_ + k) / ((C_ + k) * (k + 1)) * z_
            total += term
            k += 1
        return +total


def test_a_fit_at_its_limit_predicts_the_poisson_rate_it_has_reached():
    from scipy.special import hyp2f1  # noqa: PLC0415

    from kpiflow.analysis.clv import hyp2f1_series  # noqa: PLC0415

    # r and alpha without bound at rate r / alpha = 0.04 and no drop-out (a -> 0): every customer
    # buys at 0.04 per unit whatever its history, so 10 units bring 0.4 purchases
    limit = BgNbd(r=1e15, alpha=1e15 / 0.04, a=1e-9, b=2.0)
    x, t_x, T = np.array([0.0, 2.0, 7.0]), np.array([0.0, 30.0, 38.0]), np.array([40.0, 40.0, 40.0])
    assert limit.expected(10, x, t_x, T) == pytest.approx([0.4, 0.4, 0.4], rel=1e-6)
    assert limit.unconditional(10) == pytest.approx(0.4, rel=1e-6)
    # the directly summed series equals the same series in 50-digit decimals, and SciPy's 2F1 where
    # SciPy is accurate (at A = 1e3 SciPy is already off by 1e-9; past 1e5 it gives NaN)
    A, B, C = np.array([10.0, 1e3, 1e4, 1e9]), np.array([2.0, 4.0, 2.0, 3.0]), np.array([1.3, 3.3, 2.5, 2.2])
    z = 0.4 / A
    exact = [float(decimal_2f1(*v)) for v in zip(A.tolist(), B.tolist(), C.tolist(), z.tolist(), strict=True)]
    assert hyp2f1_series(A, B, C, z) == pytest.approx(exact, rel=1e-13)
    assert hyp2f1_series(A[:1], B[:1], C[:1], z[:1]) == pytest.approx(hyp2f1(A[:1], B[:1], C[:1], z[:1]), rel=1e-12)
    for r in (1e5, 2e7, 1e12):
        assert np.all(np.isfinite(BgNbd(r=r, alpha=r / 0.04, a=0.3, b=2.0).expected(10, x, t_x, T)))


def test_a_number_that_is_not_one_is_no_value_in_json():
    from kpiflow.analysis.result import Table, columns  # noqa: PLC0415

    table = Table("t", {"en": "t"}, columns(("a", "number"), ("b", "number")), ({"a": float("nan"), "b": float("inf")},))
    assert table.records() == [{"a": None, "b": None}]
    assert "NaN" not in json.dumps(table.to_dict())
