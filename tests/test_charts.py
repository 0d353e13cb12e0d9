"""Figures draw the library's numbers unchanged: bars are the rates, error bars their intervals,
the waterfall's steps the exact contributions, the Sankey's links the paths."""

from __future__ import annotations

import pytest

from kpiflow.reporting import charts
from kpiflow.reporting.headers import STAGES, stage_label


def test_rate_bars_are_the_rates_and_error_bars_the_interval():
    rows = [
        {"name": "A", "stop_rate": 0.5, "stop_rate_ci_low": 0.4, "stop_rate_ci_high": 0.62},
        {"name": "B", "stop_rate": None, "stop_rate_ci_low": None, "stop_rate_ci_high": None},  # no denominator
        {"name": "C", "stop_rate": 0.1, "stop_rate_ci_low": 0.05, "stop_rate_ci_high": 0.2, "stop_rate_small_sample": True},
    ]
    trace = charts.rate_bars(rows, "name", "stop_rate", "en")["data"][0]
    assert trace["y"] == ["A", "C"] and trace["x"] == [0.5, 0.1]
    assert trace["error_x"]["array"] == pytest.approx([0.12, 0.1])
    assert trace["error_x"]["arrayminus"] == pytest.approx([0.1, 0.05])
    assert trace["marker"]["color"] == [charts.ACCENT, charts.MUTED]  # a small sample is drawn grey


def test_funnel_rates_on_the_tiny_workspace(tiny):
    result = tiny.funnel("FY2025Q1")
    figure = charts.funnel_rates(result.to_json_data(), "en")
    trace = figure["data"][0]
    shown = [s for s in result.steps if s.rate is not None]
    assert trace["y"] == [f"{STAGES[s.from_stage]['en']} → {STAGES[s.to_stage]['en']}" for s in shown]  # MQL → SQL
    assert trace["x"] == [s.rate for s in shown]
    assert trace["error_x"]["array"] == pytest.approx([s.ci_high - s.rate for s in shown])


def test_waterfall_starts_at_the_first_value_adds_each_leaf_and_ends_at_the_second():
    explained = {
        "from": "FY2024",
        "to": "FY2025",
        "value_from": 100.0,
        "value_to": 120.0,
        "factors": [
            {"label": "Won deals", "leaf": False, "contribution": 20.0, "significant": True},  # not a leaf: not drawn
            {"label": "Volume", "leaf": True, "contribution": 30.0, "significant": True},
            {"label": "Rate", "leaf": True, "contribution": -10.0, "significant": False},
        ],
    }
    trace = charts.waterfall(explained, "en", money=True)["data"][0]
    assert trace["measure"] == ["absolute", "relative", "relative", "total"]
    assert trace["x"] == ["FY2024", "Volume<br>(significant)", "Rate<br>(within noise)", "FY2025"]
    assert trace["y"] == [100.0, 30.0, -10.0, 120.0]
    assert trace["text"] == ["¥100", "+¥30", "-¥10", "¥120"]


def test_the_waterfall_of_a_real_explanation_adds_up(tiny):
    explained = tiny.explain("mqls", "FY2024Q4", "FY2025Q1").to_json_data()  # 0 -> 3 MQLs (C1, C3, C2)
    assert (explained["value_from"], explained["value_to"]) == (0, 3)
    trace = charts.waterfall(explained, "en")["data"][0]
    steps = trace["y"][1:-1]
    assert trace["y"][0] + sum(steps) == pytest.approx(trace["y"][-1])  # LMDI is exact: no residual bar


def test_money_axis_ticks_are_round_and_labelled_in_yen():
    axis = charts.money_axis([1.044e9, 1.36e9, 1.5e9], "ja")
    assert axis["tickvals"][:3] == [0, 250_000_000, 500_000_000]
    assert axis["tickvals"][-1] >= 1.5e9
    assert axis["ticktext"][:3] == ["0円", "2.50億円", "5.00億円"]
    negative = charts.money_axis([-3e6, 5e6], "en")
    assert negative["tickvals"] == [-4e6, -2e6, 0, 2e6, 4e6, 6e6]
    assert negative["ticktext"][0] == "-¥4M"
    assert charts.money_axis([0.0, 0.0], "en") == {} and charts.money_axis([], "en") == {}


def test_bottleneck_gains_name_the_segment_and_keep_the_range():
    records = [
        {"stage": "sql_rate", "label": "SQL rate", "channel": "ads", "revenue_gain": 5e6, "gain_low": 2e6, "gain_high": 9e6},
        {"stage": "win_rate", "label": "Win rate", "channel": "web", "revenue_gain": None},
    ]
    trace = charts.bottleneck_gains(records, "en", ["channel"])["data"][0]
    assert trace["y"] == ["SQL rate (Channel=ads)"]
    assert charts.bottleneck_gains(records, "ja", ["channel"])["data"][0]["y"] == ["SQL rate (チャネル=ads)"]
    assert trace["x"] == [5e6] and trace["error_x"]["array"] == [4e6] and trace["error_x"]["arrayminus"] == [3e6]
    assert trace["text"] == ["¥5M"]


def test_sankey_links_are_the_paths():
    paths = {
        "outcome": "won",
        "nodes": ["1. demo", "won", "1. web"],
        "links": [{"source": "1. demo", "target": "won", "value": 7}, {"source": "1. web", "target": "won", "value": 3}],
    }
    trace = charts.sankey(paths)["data"][0]
    assert trace["link"] == {"source": [0, 2], "target": [1, 1], "value": [7, 3]}
    assert trace["node"]["color"][1] == charts.GOOD
    assert charts.sankey({"outcome": "won", "nodes": [], "links": []}) is None


def test_journey_days_are_the_medians_with_quartiles():
    steps = [{"to_stage": "mql", "from_lead_median_days": 10.0, "from_lead_p25_days": 5.0, "from_lead_p75_days": 19.0}]
    trace = charts.journey_days(steps, "ja")["data"][0]
    assert trace["x"] == [10.0] and trace["error_x"]["array"] == [9.0] and trace["error_x"]["arrayminus"] == [5.0]


def test_stages_are_named_as_people_say_them():
    assert stage_label("opportunity", "ja") == "商談" and stage_label("lead", "en") == "Lead"
    assert stage_label("pilot", "ja") == "pilot"  # a stage the user added keeps its name
    trace = charts.journey_days([{"to_stage": "customer", "from_lead_median_days": 80.0}], "ja")["data"][0]
    assert trace["y"] == ["→ 顧客"]


def test_rate_charts_say_which_rate_they_draw():
    rows = [{"name": "A", "stop_rate": 0.5, "stop_rate_ci_low": 0.4, "stop_rate_ci_high": 0.6}]
    assert charts.rate_bars(rows, "name", "stop_rate", "ja")["layout"]["xaxis"]["title"]["text"] == "立ち寄り率 （95%区間）"
    steps = [{"from_stage": "lead", "to_stage": "mql", "rate": 0.4, "ci_low": 0.3, "ci_high": 0.5}]
    assert charts.funnel_rates(steps, "en")["layout"]["xaxis"]["title"]["text"] == "Conversion to the next stage (95% interval)"


def test_plan_gaps_are_what_each_volume_needs_beyond_the_current_pace():
    nodes = [
        {"metric": "revenue", "label": "Revenue", "role": "volume", "required": 150.0, "history": 100.0},
        {"metric": "leads", "label": "Leads", "role": "volume", "required": 80.0, "history": 100.0},
        {"metric": "win_rate", "label": "Win rate", "role": "rate", "required": 0.3, "history": 0.25},  # not a volume
        {"metric": "sqls", "label": "SQLs", "role": "volume", "required": 5.0, "history": 0.0},  # no pace to compare
    ]
    trace = charts.plan_gaps(nodes, "en")["data"][0]
    assert trace["y"] == ["Revenue", "Leads"] and trace["x"] == pytest.approx([0.5, -0.2])
    assert trace["text"] == ["+50.0%", "-20.0%"] and trace["marker"]["color"] == [charts.BAD, charts.GOOD]
