"""The KPI tree: products of factors, telescoping reasons, targets and last year, by hand."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

import kpiflow
from conftest import open_shared_demo, workspace_from_csv
from kpiflow.analysis.metrics import Moments, sum_moments
from kpiflow.analysis.tree import telescoping_reason
from kpiflow.cli import app
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.model.periods import parse_period


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The default demo, built once for this module."""
    ws = open_shared_demo("default", "en")
    yield ws
    ws.close()


def test_default_tree_telescopes_by_definition():
    model = parse_model(default_model_text("en"))
    for parent, factors in model.tree.items():
        assert telescoping_reason(model, parent, factors) is None, parent


def test_a_ratio_with_the_wrong_denominator_is_explained():
    text = default_model_text("en").replace("  won_deals: [closed_deals, win_rate]", "  won_deals: [opportunities, win_rate]")
    model = parse_model(text)
    reason = telescoping_reason(model, "won_deals", ["opportunities", "win_rate"])
    assert reason == (
        "win_rate's denominator closed_deals is not the sibling opportunities "
        "(time deals.closed_at vs deals.created_at; where 'outcome IN ('won', 'lost')' vs '')"
    )


def test_tree_values_on_the_tiny_workspace(tiny):
    result = tiny.tree("FY2025Q1", lang="en")
    # FY2025Q1 by hand: leads C2, C3 = 2; mqls C1, C3, C2 = 3; sqls C1 = 1; opportunities D1..D4 = 4;
    # closed D1 (won) and D3 (lost) = 2; won 1; revenue 100.
    expected = {"revenue": 100, "won_deals": 1, "closed_deals": 2, "opportunities": 4, "sqls": 1, "mqls": 3, "leads": 2}
    for metric, value in expected.items():
        assert result.node(metric).value == value, metric
    node = result.node("opportunities")
    assert node.factors == ["sqls", "opportunity_rate"]
    assert node.product_of_factors == pytest.approx(4.0)  # 1 sql x 4/1
    assert node.exact is True and node.reason is None
    assert result.node("win_rate").value == 0.5
    assert [n.metric for n in result.nodes][:3] == ["revenue", "won_deals", "closed_deals"]


def test_targets_and_last_year(tmp_path):
    ws = kpiflow.init(str(tmp_path / "w"), lang="en")
    path = ws.root / "kpiflow.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("targets: {}", "targets:\n  FY2025: {revenue: 500, win_rate: 0.5}"),
        encoding="utf-8",
    )
    ws.close()
    ws = kpiflow.open(str(tmp_path / "w"))
    deals = (
        "deal_id,created_at,amount,outcome,closed_at\n"
        "D0,2024-05-01,200,won,2024-06-01\n"  # FY2024: revenue 200
        "D1,2025-05-01,300,won,2025-06-01\n"  # FY2025: revenue 300 + 400 = 700, win rate 2/3
        "D2,2025-05-01,400,won,2025-07-01\n"
        "D3,2025-05-01,100,lost,2025-08-01\n"
    )
    (tmp_path / "d.csv").write_text(deals, encoding="utf-8")
    ws.load(tmp_path / "d.csv", "deals")
    result = ws.tree("FY2025")
    revenue = result.node("revenue")
    assert (revenue.value, revenue.target, revenue.status, revenue.last_year) == (700, 500, "on_track", 200)
    assert revenue.change == pytest.approx(2.5)
    win = result.node("win_rate")
    assert win.value == pytest.approx(2 / 3) and win.status == "on_track"
    records = result.to_json_data()
    assert {"metric", "value", "product_of_factors", "factors"} <= set(records[0])


def test_tree_is_exact_on_the_demo(demo):
    for period in ("FY2024", "FY2025Q3", "2025-10"):
        for node in demo.tree(period).nodes:
            if node.factors and node.relative_difference is not None:
                assert node.exact, (period, node.metric, node.relative_difference)


# --- noise: does the change against last year exceed it? ------------------------------------

# FY2024Q4 (2025-01-01..03-31, 90 days) against FY2023Q4 (2024-01-01..03-31, 91 days: a leap February).
# This year 13 won, 3 lost, 4 open (20 opportunities); last year 2 won, 6 lost, 3 open (11).
NOISE_DEALS = "deal_id,created_at,amount,outcome,closed_at\n" + "".join(
    f"{prefix}{i},{year}-01-{i + 1:02d},{amount},{outcome},{f'{year}-02-{i + 1:02d}' if outcome != 'open' else ''}\n"
    for prefix, year, outcomes in (
        ("N", 2025, ["won"] * 13 + ["lost"] * 3 + ["open"] * 4),
        ("L", 2024, ["won"] * 2 + ["lost"] * 6 + ["open"] * 3),
    )
    for i, (outcome, amount) in enumerate(zip(outcomes, [100 + 10 * k for k in range(len(outcomes))], strict=True))
)


@pytest.fixture(scope="module")
def noisy(tmp_path_factory):
    ws = workspace_from_csv(tmp_path_factory.mktemp("noise"), {"deals": NOISE_DEALS})
    yield ws
    ws.close()


def two_proportion_p(x1: int, n1: int, x0: int, n0: int) -> float:
    """The pooled two-proportion z-test written out, its two-sided p from scipy's normal tail."""
    scipy_stats = pytest.importorskip("scipy.stats")
    pooled = (x1 + x0) / (n1 + n0)
    z = (x1 / n1 - x0 / n0) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0))
    return float(2 * scipy_stats.norm.sf(abs(z)))


def count_ratio_p(n1: int, d1: int, n0: int, d0: int) -> float:
    """The delta-method z-test of log(n1/d1) - log(n0/d0), its two-sided p from scipy's normal tail."""
    scipy_stats = pytest.importorskip("scipy.stats")
    z = (math.log(n1 / d1) - math.log(n0 / d0)) / math.sqrt(1 / n1 + 1 / d1 + 1 / n0 + 1 / d0)
    return float(2 * scipy_stats.norm.sf(abs(z)))


def test_changes_are_tested_against_noise_on_a_hand_made_workspace(noisy):
    scipy_stats = pytest.importorskip("scipy.stats")
    result = noisy.tree("FY2024Q4")
    counts = {n.metric: (n.value, n.last_year) for n in result.nodes}
    assert counts["won_deals"] == (13, 2) and counts["closed_deals"] == (16, 8) and counts["opportunities"] == (20, 11)
    share = 90 / (90 + 91)  # exposures: the days of each quarter
    # Won amounts: this year 100, 110, ..., 220 (13 deals), last year 100 and 110.
    won_now, won_then = [100 + 10 * k for k in range(13)], [100, 110]
    expected = {
        # counts: conditional on the total, this year's count ~ Binomial(total, 90 / 181) under equal daily rates
        "won_deals": ("poisson_rate", scipy_stats.binomtest(13, 15, share).pvalue),  # 0.0040
        "closed_deals": ("poisson_rate", scipy_stats.binomtest(16, 24, share).pvalue),  # 0.106
        "opportunities": ("poisson_rate", scipy_stats.binomtest(20, 31, share).pvalue),  # 0.108
        # a conversion rate: 13/16 won vs 2/8 (won deals are a subset of closed deals)
        "win_rate": ("two_proportion", two_proportion_p(13, 16, 2, 8)),  # 0.0073
        # a throughput ratio: 16 closed / 20 created vs 8 / 11, four Poisson counts, log ratio of ratios
        "close_rate": ("count_ratio", count_ratio_p(16, 20, 8, 11)),
        # a sum of amounts: 2,080 in 90 days against 210 in 91
        "revenue": ("compound_poisson", compound_poisson_p(won_now, 90, won_then, 91)),  # 0.0022
        # an average of amounts (160 against 105): Welch's t-test, by scipy
        "avg_deal_size": ("welch_t", scipy_stats.ttest_ind(won_now, won_then, equal_var=False).pvalue),  # 0.00067
    }
    assert {n.metric for n in result.nodes if n.change_test is not None} == set(expected)
    for metric, (test, p) in expected.items():
        node = result.node(metric)
        assert node.change_test == test, metric
        assert node.change_p_value == pytest.approx(p, rel=1e-9), metric
    # z**2 of the two-proportion test is Pearson's chi-square of the 2x2 table: a second route.
    chi2 = scipy_stats.chi2_contingency([[13, 3], [2, 6]], correction=False)
    assert result.node("win_rate").change_p_value == pytest.approx(chi2.pvalue, rel=1e-9)
    # The root (revenue) is the map's question: judged on its own p, as explain judges it.
    root = result.node("revenue")
    assert root.change_q_value == root.change_p_value and root.change_significant is (root.change_p_value <= 0.05)
    # Benjamini-Hochberg over the six other tested nodes, by scipy's own implementation.
    family = {m: p for m, (_, p) in expected.items() if m != "revenue"}
    q_values = scipy_stats.false_discovery_control(list(family.values()), method="bh")
    for metric, q in zip(family, q_values, strict=True):
        node = result.node(metric)
        assert node.change_q_value == pytest.approx(float(q), rel=1e-9), metric
        assert node.change_significant is bool(q <= 0.05), metric
    assert {m for m in expected if result.node(m).change_significant} == {"won_deals", "win_rate", "revenue", "avg_deal_size"}
    # Nothing last year (no leads at all): no change, nothing tested.
    leads = result.node("leads")
    assert leads.change is None and leads.change_test is None and leads.change_significant is None


def compound_poisson_p(amounts1: list[float], days1: int, amounts0: list[float], days0: int) -> float:
    """stats.compound_poisson_test written out: z = (S1/t1 - S0/t0) / sqrt(Q1/t1^2 + Q0/t0^2), Q the
    sum of squared amounts; its two-sided p from scipy's normal tail."""
    scipy_stats = pytest.importorskip("scipy.stats")
    s1, s0 = sum(amounts1), sum(amounts0)
    q1, q0 = sum(a * a for a in amounts1), sum(a * a for a in amounts0)
    z = (s1 / days1 - s0 / days0) / math.sqrt(q1 / days1**2 + q0 / days0**2)
    return float(2 * scipy_stats.norm.sf(abs(z)))


# FY2024 (2024-04-01..2025-03-31, 365 days) against FY2023 (2023-04-01..2024-03-31, 366 days: 29 Feb 2024).
# Revenue counts won deals by the day they closed: W3 was created in FY2023 but closed in FY2024,
# V3 was created in FY2023 but closes in FY2025; X1 (lost) and O1 (open) bring no revenue; W4 is
# won with no amount: a won deal that revenue does not sum.
AMOUNT_DEALS = """deal_id,created_at,amount,outcome,closed_at
W1,2024-05-01,300,won,2024-06-01
W2,2024-05-01,500,won,2024-09-01
W3,2024-02-01,700,won,2024-05-01
W4,2024-05-01,,won,2024-10-01
X1,2024-05-01,10000,lost,2024-07-01
O1,2024-05-01,9000,open,
V1,2023-04-10,200,won,2023-05-01
V2,2023-04-10,400,won,2023-12-01
V3,2024-03-01,5000,won,2025-04-02
"""


@pytest.fixture(scope="module")
def amounts_ws(tmp_path_factory):
    ws = workspace_from_csv(tmp_path_factory.mktemp("amounts"), {"deals": AMOUNT_DEALS})
    yield ws
    ws.close()


def test_a_sum_of_amounts_gets_the_compound_poisson_test_by_hand(amounts_ws):
    scipy_stats = pytest.importorskip("scipy.stats")
    fy2024, fy2023 = (parse_period(label, 4) for label in ("FY2024", "FY2023"))
    # The moments come from the engine, with revenue's condition (won) and time column (closed_at).
    now, then = sum_moments(
        amounts_ws.engine, amounts_ws.model, ["revenue", "won_deals"], [fy2024, fy2023], columns=amounts_ws.columns()
    )
    assert now == {"revenue": Moments(3, 1500, 300**2 + 500**2 + 700**2)}  # W1, W2, W3: 830,000
    assert then == {"revenue": Moments(2, 600, 200**2 + 400**2)}  # V1, V2: 200,000
    # z = (1500/365 - 600/366) / sqrt(830000/365^2 + 200000/366^2) = 2.4703 / 2.7790 = 0.8889
    z = (1500 / 365 - 600 / 366) / math.sqrt(830_000 / 365**2 + 200_000 / 366**2)
    assert z == pytest.approx(0.8889, abs=1e-4)
    p = float(2 * scipy_stats.norm.sf(z))
    assert p == pytest.approx(0.3741, abs=1e-4)
    assert compound_poisson_p([300, 500, 700], 365, [200, 400], 366) == pytest.approx(p, rel=1e-12)
    result = amounts_ws.tree("FY2024")
    revenue = result.node("revenue")
    assert (revenue.value, revenue.last_year) == (1500, 600)
    assert revenue.change_test == "compound_poisson"
    assert revenue.change_p_value == pytest.approx(p, rel=1e-9)
    assert revenue.change_significant is False
    # 4 won deals but 3 amounts: the average deal size is not an average of the amounts summed,
    # so it is not tested (explain does not test it either).
    size = result.node("avg_deal_size")
    assert size.value == 375 and size.change_test is None and size.change_significant is None
    # Explain tests the same change the same way: the same test, the same p, for every node.
    explained = amounts_ws.explain("revenue", "FY2023", "FY2024")
    assert (explained.test, explained.p_value) == ("compound_poisson", pytest.approx(p, rel=1e-9))
    for factor in explained.tree:
        node = result.node(factor.metric)
        assert (node.change_test, node.change_p_value) == (factor.test, factor.p_value), factor.metric


def test_a_sum_whose_condition_needs_a_join_is_tested_on_its_own_rows(tmp_path):
    accounts = "account_id,name,industry\nA1,x,automotive\nA2,y,food\n"
    deals = (
        "deal_id,account_id,created_at,amount,outcome,closed_at\n"
        "W1,A1,2024-05-01,300,won,2024-06-01\n"
        "W2,A2,2024-05-01,500,won,2024-09-01\n"  # food: not automotive revenue
        "W3,A1,2024-05-01,700,won,2024-10-01\n"
        "V1,A1,2023-05-01,200,won,2023-06-01\n"
        "V2,A2,2023-05-01,400,won,2023-12-01\n"
    )
    ws = workspace_from_csv(tmp_path, {"accounts": accounts, "deals": deals})
    path = ws.root / "kpiflow.yaml"
    text = path.read_text(encoding="utf-8")
    won = "    sum: deals.amount\n    where: outcome = 'won'\n"
    assert won in text
    path.write_text(
        text.replace(won, "    sum: deals.amount\n    where: outcome = 'won' AND industry = 'automotive'\n"), encoding="utf-8"
    )
    ws.close()
    ws = kpiflow.open(str(ws.root))
    try:
        revenue = ws.tree("FY2024").node("revenue")
        assert (revenue.value, revenue.last_year) == (1000, 200)  # W1 + W3 against V1
        assert revenue.change_test == "compound_poisson"
        assert revenue.change_p_value == pytest.approx(compound_poisson_p([300, 700], 365, [200], 366), rel=1e-9)
    finally:
        ws.close()


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory):
    ws = open_shared_demo("small", "en")
    yield ws
    ws.close()


@pytest.mark.parametrize(
    ("start", "end"), [("FY2024", "FY2025"), ("FY2023Q4", "FY2024Q4"), ("FY2024Q3", "FY2025Q3")]
)  # 365/365 and 91/90 days; in FY2025Q3 revenue is significant on its own p (0.034) but not among all nodes
def test_the_tree_tests_every_node_as_explain_does(small_demo, start, end):
    result = small_demo.tree(end)
    explained = small_demo.explain("revenue", start, end)
    revenue = result.node("revenue")
    assert revenue.change_test == explained.test == "compound_poisson"
    assert revenue.change_p_value == pytest.approx(explained.p_value, rel=1e-12)
    for factor in explained.tree:  # revenue's tree is the whole key point map
        node = result.node(factor.metric)
        assert node.change_test == factor.test, factor.metric
        if factor.p_value is None:
            assert node.change_p_value is None, factor.metric
        else:
            assert node.change_p_value == pytest.approx(factor.p_value, rel=1e-12), factor.metric
        # and the same verdict: the root on its own p, the rest as one BH family, in both
        assert node.change_significant == factor.significant, factor.metric
    assert {n.metric for n in result.nodes} == {f.metric for f in explained.tree}
    assert result.node("avg_deal_size").change_test == "welch_t"


def test_the_demo_revenue_change_has_one_label(small_demo):
    # FY2024 -> FY2025 on the small demo: 65.7M -> 101.29M, p = 0.267 both ways: within noise on the
    # key point map card and in the explanation.
    revenue = small_demo.tree("FY2025").node("revenue")
    explained = small_demo.explain("revenue", "FY2024", "FY2025")
    assert (revenue.last_year, revenue.value) == (explained.value_from, explained.value_to) == (65_700_000, 101_290_000)
    assert revenue.change_p_value == pytest.approx(0.2671, abs=1e-4)
    assert revenue.change_significant is explained.significant is False


def test_a_ratio_whose_numerator_exceeds_its_denominator_is_not_tested(tiny):
    # FY2025Q1 of the tiny workspace: 4 opportunities from 1 SQL is not a proportion.
    node = tiny.tree("FY2025Q1").node("opportunity_rate")
    assert node.value == 4 and node.change_test is None and node.change_significant is None


def test_the_tree_command_marks_noise_and_keeps_its_json_keys(noisy):
    runner = CliRunner()
    text = runner.invoke(app, ["tree", "--period", "FY2024Q4", "-w", str(noisy.root), "--lang", "en"], env={"COLUMNS": "200"})
    assert text.exit_code == 0, text.output
    rows = {line.split("│")[1].strip(" ⚠"): line for line in text.output.splitlines() if line.count("│") > 2}
    assert "~+" in rows["Closed deals"] and "~+" in rows["Opportunities"]  # within noise
    assert "~" not in rows["Won deals"] and "~" not in rows["Win rate"]  # larger than noise
    assert "~" not in rows["Revenue"]  # larger than noise (compound Poisson; the JSON below says which)
    assert "within noise" in text.output and "not tested" in text.output
    ja = runner.invoke(app, ["tree", "--period", "FY2024Q4", "-w", str(noisy.root), "--lang", "ja"])
    assert ja.exit_code == 0 and "誤差の範囲" in ja.output
    nodes = json.loads(runner.invoke(app, ["tree", "--period", "FY2024Q4", "-w", str(noisy.root), "--json"]).output)
    old_keys = ["metric", "label", "depth", "value", "factors", "product_of_factors", "relative_difference", "exact"]
    old_keys += ["reason", "target", "status", "last_year", "change", "numerator", "denominator", "ci_low", "ci_high"]
    new_keys = ["small_sample", "change_test", "change_p_value", "change_q_value", "change_significant"]
    new_keys += ["ratio_kind", "note", "period"]
    assert list(nodes[0]) == old_keys + new_keys
    won = next(n for n in nodes if n["metric"] == "won_deals")
    assert won["change_test"] == "poisson_rate" and won["change_significant"] is True
    revenue = next(n for n in nodes if n["metric"] == "revenue")
    assert revenue["change_test"] == "compound_poisson" and revenue["change_significant"] is True


def test_the_demo_tree_has_changes_beyond_noise_and_within_it(demo):
    result = demo.tree("FY2025")
    tested = [n for n in result.nodes if n.change_test is not None]
    assert any(n.change_significant for n in tested) and not all(n.change_significant for n in tested)
    assert result.node("won_deals").change_significant is True  # 371 against 266 over 365 days each
    assert result.node("win_rate").change_significant is False  # 30.8% against 27.9%
    assert result.node("revenue").change_test == "compound_poisson"
    assert result.node("avg_deal_size").change_test == "welch_t"
    for n in result.nodes:
        assert (n.change_test is None) == (n.change_p_value is None) == (n.change_significant is None), n.metric
