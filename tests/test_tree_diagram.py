"""The drawn key point map: where each card goes, what it says, and that data cannot break out of it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kpiflow.analysis.tree import TreeNode, TreeResult
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.reporting.tree_diagram import CARD_HEIGHT, CARD_WIDTH, GAP_X, GAP_Y, MARGIN, layout, tree_svg

MODEL = parse_model(default_model_text("en"))


def node(metric: str, factors: list[str] = (), depth: int = 0, **values) -> TreeNode:
    fields = dict(
        metric=metric,
        label=values.pop("label", metric),
        depth=depth,
        value=values.pop("value", 1.0),
        factors=list(factors),
        product_of_factors=None,
        relative_difference=None,
        exact=None,
        reason=None,
        target=values.pop("target", None),
        status=values.pop("status", None),
        last_year=values.pop("last_year", None),
        change=values.pop("change", None),
    )
    return TreeNode(**fields, **values)


def positions(result: TreeResult) -> dict[str, tuple[int, int]]:
    return {p.node.metric: (p.row, p.column) for p in layout(result)}


def test_the_default_chain_runs_down_one_column_with_the_rates_beside_it():
    chain = [("revenue", ["won_deals", "avg_deal_size"])] + [
        (parent, factors) for parent, factors in MODEL.tree.items() if parent != "revenue"
    ]
    nodes = []
    for parent, factors in chain:
        nodes.append(node(parent, factors))
    leaves = {f for _, fs in chain for f in fs} - {p for p, _ in chain}
    nodes += [node(leaf) for leaf in sorted(leaves)]
    got = positions(TreeResult("FY2025", nodes))
    # revenue = won_deals x avg_deal_size; won_deals = closed_deals x win_rate; ... mqls = leads x mql_rate
    assert got == {
        "revenue": (0, 0),
        "won_deals": (1, 0),
        "avg_deal_size": (1, 1),
        "closed_deals": (2, 0),
        "win_rate": (2, 1),
        "opportunities": (3, 0),
        "close_rate": (3, 1),
        "sqls": (4, 0),
        "opportunity_rate": (4, 1),
        "mqls": (5, 0),
        "sql_rate": (5, 1),
        "leads": (6, 0),
        "mql_rate": (6, 1),
    }


def test_a_later_sibling_with_factors_moves_right_instead_of_overlapping():
    # a = b x c; b = f x g; c = d x e. Row 2 holds f, g (under b) and then d, e (under c).
    nodes = [node("a", ["b", "c"]), node("b", ["f", "g"]), node("c", ["d", "e"])] + [node(x) for x in "fgde"]
    got = positions(TreeResult("P", nodes))
    assert got == {"a": (0, 0), "b": (1, 0), "c": (1, 1), "f": (2, 0), "g": (2, 1), "d": (2, 2), "e": (2, 3)}
    assert len(set(got.values())) == len(got)


def test_two_trees_sit_side_by_side():
    got = positions(TreeResult("P", [node("a", ["b"]), node("b"), node("x", ["y"]), node("y")]))
    assert got == {"a": (0, 0), "b": (1, 0), "x": (0, 1), "y": (1, 1)}


def _svg(nodes, lang="en", href=None) -> ET.Element:
    text = tree_svg(TreeResult("FY2025", nodes), MODEL, lang, href=href)
    return ET.fromstring(text)  # well-formed: every text and attribute escaped


def test_each_card_says_value_target_status_and_change_with_its_noise_label():
    nodes = [
        node("revenue", ["won_deals", "avg_deal_size"], label="Revenue", value=1_360_130_000, target=1_500_000_000, status="behind", change=0.303),
        node("won_deals", label="Won deals", value=371, change=0.395, change_significant=True, change_p_value=1e-5, change_test="poisson_rate"),
        node("avg_deal_size", value=3_666_118, change=-0.066),
        node("win_rate", label="Win rate", value=0.308, target=0.3, status="on_track", change=0.106, change_significant=False),
    ]
    svg = _svg(nodes)
    cards = {g.get("data-metric"): " | ".join(t.text for t in g.iter("text")) for g in svg.iter("g")}
    assert cards["revenue"] == "Revenue | ¥1,360,130,000 | Target ¥1,500,000,000 behind | vs LY ▲+30.3% (not tested)"
    assert cards["won_deals"] == "Won deals | 371 | no target | vs LY ▲+39.5% (significant)"
    assert cards["win_rate"] == "Win rate | 30.8% | Target 30.0% on track | vs LY ▲+10.6% (within noise)"
    assert cards["avg_deal_size"].endswith("vs LY ▼-6.6% (not tested)")
    # status colours the card's border; a significant change is coloured, noise is grey
    rects = {g.get("data-metric"): g.find("rect").get("stroke") for g in svg.iter("g")}
    assert rects["revenue"] == "#b3261e" and rects["win_rate"] == "#1b7f4b" and rects["won_deals"] == "#9aa5b4"
    fills = {g.get("data-metric"): g.findall("text")[-1].get("fill") for g in svg.iter("g")}
    assert fills["won_deals"] == "#1b7f4b" and fills["win_rate"] == "#5f6b7a"


def test_labels_come_from_the_node_and_japanese_is_formatted_for_japanese():
    nodes = [node("revenue", [], label="売上", value=136_013_000.0, change=None)]
    svg = _svg(nodes, lang="ja")
    texts = [t.text for t in svg.iter("text")]
    assert texts == ["売上", "1.36億円", "目標なし", "前年比 —"]


def test_a_worse_significant_change_is_red_when_lower_is_better():
    assert MODEL.metrics["cost_per_lead"].higher_is_better is False
    text = tree_svg(TreeResult("P", [node("cost_per_lead", change=0.2, change_significant=True)]), MODEL, "en")
    last = ET.fromstring(text).findall(".//text")[-1]
    assert last.get("fill") == "#b3261e"


def test_hostile_labels_and_links_are_escaped():
    hostile = "<script>alert(1)</script>"
    nodes = [node("revenue", [], label=hostile)]
    text = tree_svg(TreeResult("P", nodes), MODEL, "en", href=lambda m: f"/explain?metric={m}&from=\"x\"")
    assert "<script>" not in text and "&lt;script&gt;" in text
    link = ET.fromstring(text).find("a")
    assert link.get("href") == '/explain?metric=revenue&from="x"'  # the attribute round-trips exactly


def test_the_canvas_fits_the_cards():
    nodes = [node("revenue", ["won_deals", "avg_deal_size"]), node("won_deals"), node("avg_deal_size")]
    svg = _svg(nodes)
    width, height = int(svg.get("width")), int(svg.get("height"))
    assert width == 2 * MARGIN + 2 * CARD_WIDTH + GAP_X
    assert height == 2 * MARGIN + 2 * CARD_HEIGHT + GAP_Y
    assert svg.get("viewBox") == f"0 0 {width} {height}"


def test_long_labels_are_shortened_with_the_whole_label_in_the_tooltip():
    long = "商談化率（展示会経由、初回接触から九十日以内）"
    svg = _svg([node("revenue", [], label=long)], lang="ja")
    shown = next(svg.iter("text")).text
    assert shown.endswith("…") and long.startswith(shown[:-1])
    assert long in svg.find(".//title").text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_demo_tree_draws_every_node(tiny, lang):
    result = tiny.tree("FY2025Q1", lang=lang)
    svg = ET.fromstring(tree_svg(result, tiny.model, lang, href=lambda m: f"#{m}"))
    drawn = [g.get("data-metric") for g in svg.iter("g")]
    assert sorted(drawn) == sorted(n.metric for n in result.nodes)
    assert [a.get("href") for a in svg.iter("a")] == [f"#{p.node.metric}" for p in layout(result)]


@pytest.mark.parametrize(("change", "shown"), [(-0.0001, "→+0.0%"), (0.0004, "→+0.0%"), (0.0006, "▲+0.1%"), (-0.0006, "▼-0.1%")])
def test_a_change_that_rounds_to_zero_has_no_direction(change, shown):
    svg = _svg([node("revenue", [], label="R", change=change)])
    assert svg.findall(".//text")[-1].text == f"vs LY {shown} (not tested)"
