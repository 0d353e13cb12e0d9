"""Key points of the tree: missed targets first, then met ones, then changes beyond noise (worse
first), then how many changes are within noise, in Japanese and English."""

from __future__ import annotations

from kpiflow.analysis.tree import TreeNode, TreeResult
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.reporting.highlights import tree_highlights

MODEL = parse_model(default_model_text("en"))


def node(metric: str, label: str, value: float, **values) -> TreeNode:
    base = dict(factors=[], product_of_factors=None, relative_difference=None, exact=None, reason=None)
    base |= dict(target=None, status=None, last_year=None, change=None)
    return TreeNode(metric=metric, label=label, depth=0, value=value, **(base | values))


NODES = [
    node("revenue", "Revenue", 1_360_000_000, target=1_500_000_000, status="behind", last_year=1_044_000_000, change=0.3027),
    node("win_rate", "Win rate", 0.33, target=0.30, status="on_track", last_year=0.28, change=0.1786, change_significant=False),
    node("won_deals", "Won deals", 371, last_year=266, change=105 / 266, change_significant=True),
    node("cost_per_lead", "Cost per lead", 31_000, last_year=25_000, change=0.24, change_significant=True),
    node("leads", "Leads", 100, last_year=99, change=1 / 99, change_significant=False),
]


def test_english_key_points_in_order():
    got = [(h.kind, h.text) for h in tree_highlights(TreeResult("FY2025", NODES), MODEL, "en")]
    assert got == [
        ("behind", "Revenue ¥1,360,000,000: 91% of the ¥1,500,000,000 target (behind)"),  # 1.36 / 1.5 = 90.7%
        ("on_track", "Win rate 33.0%: target 30.0% met (110%)"),
        ("worse", "Cost per lead +24.0% on last year (¥25,000 -> ¥31,000, significant)"),  # lower is better
        ("better", "Won deals +39.5% on last year (266 -> 371, significant)"),
        ("noise", "2 changes within noise (Win rate, Leads): differences chance alone could make"),
    ]


def test_japanese_key_points():
    texts = [h.text for h in tree_highlights(TreeResult("2025年度", NODES), MODEL, "ja")]
    assert texts[0] == "Revenue 13.60億円: 目標 15.00億円 に対し 91%（未達）"
    assert texts[3] == "Won deals 前年比 +39.5%（266 → 371、有意）"
    assert texts[-1] == "誤差の範囲の変化 2 件（Win rate、Leads）: 偶然でも起こりうる差です"


def test_untested_changes_are_neither_listed_nor_counted_as_noise():
    quiet = [node("revenue", "Revenue", 10.0, last_year=5.0, change=1.0)]  # a sum of amounts: untested
    assert tree_highlights(TreeResult("P", quiet), MODEL, "en") == []
