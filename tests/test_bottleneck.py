"""Bottlenecks: the revenue gain of each stage rate, checked against an independent computation."""

from __future__ import annotations

import pytest

from kpiflow.errors import KpiflowError
from kpiflow.workspace import build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws, _ = build_demo(tmp_path_factory.mktemp("bottleneck") / "demo", size="small", lang="en")
    yield ws
    ws.close()


def test_gain_is_revenue_times_reference_over_actual(demo):
    result = demo.bottleneck("FY2025")
    rates = ["mql_rate", "sql_rate", "opportunity_rate", "close_rate", "win_rate"]
    assert sorted(b.stage for b in result.ranked) == sorted(rates)
    values = demo.metrics(["revenue", *rates], period="FY2025")
    quarters = demo.metrics(rates, period="quarter", start="FY2025Q1", end="FY2025Q4")
    revenue = values.value("revenue")
    for b in result.ranked:
        actual = values.value(b.stage)
        if b.stage == "win_rate":  # the demo sets a FY2025 win-rate target of 32%
            assert (b.reference, b.reference_source) == (0.32, "target")
        else:
            best = max(r.value for r in quarters.records if r.metric == b.stage and r.denominator >= 30)
            assert (b.reference, b.reference_source) == (pytest.approx(best), "best-period")
        expected = max(0.0, revenue * (b.reference / actual - 1))
        assert b.revenue_gain == pytest.approx(expected), b.stage
    gains = [b.revenue_gain for b in result.ranked]
    assert gains == sorted(gains, reverse=True)


@pytest.mark.slow
def test_planted_weak_channel_comes_out_on_top(tmp_path):
    # The default-size demo, as `make demo` builds it (about 5 s).
    ws, _ = build_demo(tmp_path / "demo", size="default", lang="en")
    top = ws.bottleneck("FY2025", by=["channel"]).ranked[0]
    ws.close()
    assert (top.stage, top.dimensions) == ("sql_rate", {"channel": "ads"})
    assert top.gain_low <= top.revenue_gain <= top.gain_high


def test_best_segment_reference(demo):
    result = demo.bottleneck("FY2025", by=["channel"], against="best-segment")
    values = demo.metrics(["sql_rate"], period="FY2025", by=["channel"])
    eligible = [r.value for r in values.records if r.denominator >= 30]
    sql = [b for b in result.ranked if b.stage == "sql_rate"]
    assert all(b.reference == pytest.approx(max(eligible)) for b in sql)
    record = result.to_dict()[0]
    assert {"stage", "channel", "actual", "reference", "revenue_gain"} <= set(record)


def test_bad_options(demo):
    with pytest.raises(KpiflowError, match="needs --by"):
        demo.bottleneck("FY2025", against="best-segment")
    with pytest.raises(KpiflowError, match="must be one of"):
        demo.bottleneck("FY2025", against="best")


def test_default_period_is_the_last_complete_fiscal_year(demo):
    assert demo.bottleneck().period == "FY2025"
