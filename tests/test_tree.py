"""The KPI tree: products of factors, telescoping reasons, targets and last year, by hand."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

import kpiflow
from conftest import workspace_from_csv
from kpiflow.analysis.tree import telescoping_reason
from kpiflow.cli import app
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.workspace import build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The default demo, built once for this module."""
    ws, _ = build_demo(tmp_path_factory.mktemp("tree") / "demo", size="default", lang="en")
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
    records = result.to_dict()
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


def test_changes_are_tested_against_noise_on_a_hand_made_workspace(noisy):
    scipy_stats = pytest.importorskip("scipy.stats")
    result = noisy.tree("FY2024Q4")
    counts = {n.metric: (n.value, n.last_year) for n in result.nodes}
    assert counts["won_deals"] == (13, 2) and counts["closed_deals"] == (16, 8) and counts["opportunities"] == (20, 11)
    share = 90 / (90 + 91)  # exposures: the days of each quarter
    expected = {
        # counts: conditional on the total, this year's count ~ Binomial(total, 90 / 181) under equal daily rates
        "won_deals": ("poisson_rate", scipy_stats.binomtest(13, 15, share).pvalue),  # 0.0040
        "closed_deals": ("poisson_rate", scipy_stats.binomtest(16, 24, share).pvalue),  # 0.106
        "opportunities": ("poisson_rate", scipy_stats.binomtest(20, 31, share).pvalue),  # 0.108
        # ratios of counts: 13/16 won vs 2/8; 16/20 closed vs 8/11
        "win_rate": ("two_proportion", two_proportion_p(13, 16, 2, 8)),  # 0.0073
        "close_rate": ("two_proportion", two_proportion_p(16, 20, 8, 11)),  # 0.643
    }
    assert {n.metric for n in result.nodes if n.change_test is not None} == set(expected)
    for metric, (test, p) in expected.items():
        node = result.node(metric)
        assert node.change_test == test, metric
        assert node.change_p_value == pytest.approx(p, rel=1e-9), metric
    # z**2 of the two-proportion test is Pearson's chi-square of the 2x2 table: a second route.
    chi2 = scipy_stats.chi2_contingency([[13, 3], [2, 6]], correction=False)
    assert result.node("win_rate").change_p_value == pytest.approx(chi2.pvalue, rel=1e-9)
    # Benjamini-Hochberg over the five tested nodes, by scipy's own implementation.
    q_values = scipy_stats.false_discovery_control([p for _, p in expected.values()], method="bh")
    for metric, q in zip(expected, q_values, strict=True):
        node = result.node(metric)
        assert node.change_q_value == pytest.approx(float(q), rel=1e-9), metric
        assert node.change_significant is bool(q <= 0.05), metric
    assert {m for m in expected if result.node(m).change_significant} == {"won_deals", "win_rate"}
    # Amounts are not tested, and say so: revenue (a sum), average deal size (a ratio of amounts).
    for metric in ("revenue", "avg_deal_size"):
        node = result.node(metric)
        assert node.change is not None and node.change_test is None, metric
        assert (node.change_p_value, node.change_q_value, node.change_significant) == (None, None, None), metric
    # Nothing last year (no leads at all): no change, nothing tested.
    leads = result.node("leads")
    assert leads.change is None and leads.change_test is None and leads.change_significant is None


def test_a_ratio_whose_numerator_exceeds_its_denominator_is_not_tested(tiny):
    # FY2025Q1 of the tiny workspace: 4 opportunities from 1 SQL is not a proportion.
    node = tiny.tree("FY2025Q1").node("opportunity_rate")
    assert node.value == 4 and node.change_test is None and node.change_significant is None


def test_the_tree_command_marks_noise_and_keeps_its_json_keys(noisy):
    runner = CliRunner()
    text = runner.invoke(app, ["tree", "--period", "FY2024Q4", "-w", str(noisy.root), "--lang", "en"])
    assert text.exit_code == 0, text.output
    rows = {line.split("│")[1].strip(" ⚠"): line for line in text.output.splitlines() if line.count("│") > 2}
    assert "~+" in rows["Closed deals"] and "~+" in rows["Opportunities"]  # within noise
    assert "~" not in rows["Won deals"] and "~" not in rows["Win rate"]  # larger than noise
    assert "~" not in rows["Revenue"]  # not tested
    assert "within noise" in text.output and "not tested" in text.output
    ja = runner.invoke(app, ["tree", "--period", "FY2024Q4", "-w", str(noisy.root), "--lang", "ja"])
    assert ja.exit_code == 0 and "誤差の範囲" in ja.output
    nodes = json.loads(runner.invoke(app, ["tree", "--period", "FY2024Q4", "-w", str(noisy.root), "--json"]).output)
    old_keys = ["metric", "label", "depth", "value", "factors", "product_of_factors", "relative_difference", "exact"]
    old_keys += ["reason", "target", "status", "last_year", "change", "numerator", "denominator", "ci_low", "ci_high"]
    new_keys = ["small_sample", "change_test", "change_p_value", "change_q_value", "change_significant", "period"]
    assert list(nodes[0]) == old_keys + new_keys
    won = next(n for n in nodes if n["metric"] == "won_deals")
    assert won["change_test"] == "poisson_rate" and won["change_significant"] is True


def test_the_demo_tree_has_changes_beyond_noise_and_within_it(demo):
    result = demo.tree("FY2025")
    tested = [n for n in result.nodes if n.change_test is not None]
    assert any(n.change_significant for n in tested) and not all(n.change_significant for n in tested)
    assert result.node("won_deals").change_significant is True  # 371 against 266 over 365 days each
    assert result.node("win_rate").change_significant is False  # 30.8% against 27.9%
    assert result.node("revenue").change_test is None
    for n in result.nodes:
        assert (n.change_test is None) == (n.change_p_value is None) == (n.change_significant is None), n.metric
