"""The KPI tree: products of factors, telescoping reasons, targets and last year, by hand."""

from __future__ import annotations

import pytest

import kpiflow
from kpiflow.analysis.tree import telescoping_reason
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.workspace import build_demo


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


def test_tree_is_exact_on_the_demo(tmp_path):
    ws, _ = build_demo(tmp_path / "demo", size="small", lang="en")
    for period in ("FY2024", "FY2025Q3", "2025-10"):
        for node in ws.tree(period).nodes:
            if node.factors and node.relative_difference is not None:
                assert node.exact, (period, node.metric, node.relative_difference)
    ws.close()
