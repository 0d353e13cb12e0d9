"""Metric values on a tiny hand-made workspace; every expected number is counted by hand."""

from __future__ import annotations

import math

import pytest

import kpiflow
from conftest import ACCOUNTS, CONTACTS, DEALS


def test_counts_and_sums_by_fiscal_quarter(tiny):
    result = tiny.metrics(["leads", "mqls", "opportunities", "won_deals", "closed_deals", "revenue", "cost"], period="quarter")
    assert [p.label() for p in result.periods] == ["FY2024Q4", "FY2025Q1", "FY2025Q2", "FY2025Q3"]
    expected = {
        # leads: C1 (Mar 31 23:59) | C2, C3 | - | C4
        "leads": [1, 2, 0, 1],
        "mqls": [0, 3, 0, 0],
        "opportunities": [0, 4, 0, 0],
        # won: D1 (Apr 20) | D2 closed Jul 1 -> Q2; lost D3 closed Jun 30 23:59 -> Q1
        "won_deals": [0, 1, 1, 0],
        "closed_deals": [0, 2, 1, 0],
        "revenue": [0, 100, 300, 0],
        "cost": [0, 1500, 0, 200],
    }
    for metric, values in expected.items():
        assert [result.value(metric, p.label()) for p in result.periods] == values, metric


def test_ratio_is_sum_over_sum_with_counts_and_wilson_interval(tiny):
    result = tiny.metrics(["win_rate"], period="FY2025Q1")
    record = result.record("win_rate")
    assert (record.numerator, record.denominator, record.value) == (1, 2, 0.5)
    # Wilson (1927) score interval, written out independently: p=0.5, n=2, z=1.959964.
    z, n, p = 1.959963984540054, 2, 0.5
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    assert record.ci_low == pytest.approx(centre - half, abs=1e-12)
    assert record.ci_high == pytest.approx(centre + half, abs=1e-12)
    assert record.small_sample is True


def test_average_of_ratios_is_never_used(tiny):
    # Over FY2025 (Q1: 1 won of 2 closed, Q2: 1 of 1) the win rate is 2/3, not mean(0.5, 1.0).
    result = tiny.metrics(["win_rate"], period="FY2025")
    assert result.value("win_rate") == pytest.approx(2 / 3)
    assert result.record("win_rate").denominator == 3


def test_division_by_zero_is_empty_with_a_note(tiny):
    result = tiny.metrics(["win_rate", "roi"], period="FY2024Q4")
    record = result.record("win_rate")
    assert record.value is None and "division by zero" in record.note
    assert result.record("roi").value is None


def test_formula(tiny):
    result = tiny.metrics(["roi"], period="FY2025")
    # revenue 400, cost 1700 -> (400 - 1700) / 1700
    assert result.value("roi") == pytest.approx((400 - 1700) / 1700)


def test_dimensions_through_joins(tiny):
    result = tiny.metrics(["won_deals", "mqls", "revenue"], period="FY2025", by=["industry"])
    # deals -> accounts; mqls: stage_history -> contacts -> accounts (C1, C2 in A1; C3 in A2)
    assert result.value("won_deals", industry="automotive") == 1
    assert result.value("won_deals", industry="food") == 1
    assert result.value("mqls", industry="automotive") == 2
    assert result.value("mqls", industry="food") == 1
    assert result.value("revenue", industry="food") == 300


def test_two_dimensions_and_stage_history_channel(tiny):
    result = tiny.metrics(["mqls"], period="FY2025", by=["channel", "industry"])
    assert result.value("mqls", channel="ads", industry="automotive") == 2
    assert result.value("mqls", channel="exhibition", industry="food") == 1
    # Only combinations that occur are reported (a cross product of dimensions would explode).
    assert {(r.dimensions["channel"], r.dimensions["industry"]) for r in result.records} == {
        ("ads", "automotive"),
        ("exhibition", "food"),
    }


def test_each_cell_of_a_breakdown_is_evaluated_on_its_own(tiny):
    # Quarter by quarter: a division by zero empties its own cell, with its own note.
    result = tiny.metrics(["win_rate", "roi"], period="quarter")
    assert [p.label() for p in result.periods] == ["FY2025Q1", "FY2025Q2", "FY2025Q3"]  # deals closed, costs
    win = [result.record("win_rate", p.label()) for p in result.periods]
    # closed deals: D1 won, D3 lost | D2 won | none
    assert [(r.numerator, r.denominator, r.value) for r in win] == [(1, 2, 0.5), (1, 1, 1.0), (0, 0, None)]
    assert ["division by zero" in (r.note or "") for r in win] == [False, False, True]
    assert (win[1].ci_low, win[1].ci_high) == (pytest.approx(0.2065493143772375), 1.0)  # Wilson, 1 of 1: 1 / (1 + z²)
    assert (win[2].ci_low, win[2].ci_high) == (None, None)
    # revenue 100 | 300 | 0 over cost 1500 | 0 | 200
    roi = [result.record("roi", p.label()) for p in result.periods]
    assert [r.value for r in roi] == [(100 - 1500) / 1500, None, -1.0]
    assert [r.note for r in roi] == [None, "division by zero", None]


def test_records_come_period_by_period_then_by_dimension_values_then_in_the_order_asked(tiny):
    result = tiny.metrics(["revenue", "won_deals"], period="quarter", start="FY2025Q1", end="FY2025Q2", by=["industry"])
    # D1 (automotive, 100) won in Q1, D2 (food, 300) in Q2; D3 (food) was lost.
    assert [(r.period, r.dimensions["industry"], r.metric, r.value) for r in result.records] == [
        ("FY2025Q1", "automotive", "revenue", 100),
        ("FY2025Q1", "automotive", "won_deals", 1),
        ("FY2025Q1", "food", "revenue", 0),
        ("FY2025Q1", "food", "won_deals", 0),
        ("FY2025Q2", "automotive", "revenue", 0),
        ("FY2025Q2", "automotive", "won_deals", 0),
        ("FY2025Q2", "food", "revenue", 300),
        ("FY2025Q2", "food", "won_deals", 1),
    ]


def test_dimension_a_table_cannot_reach(tiny):
    result = tiny.metrics(["cost_per_lead"], period="FY2025", by=["industry"])
    record = result.record("cost_per_lead", industry="automotive")
    assert record.value is None and "cost cannot be broken down by industry" in record.note


def test_month_and_custom_range(tiny):
    months = tiny.metrics(["leads"], period="month", start="2025-03", end="2025-05")
    assert [(p.label(), months.value("leads", p.label())) for p in months.periods] == [
        ("2025-03", 1),
        ("2025-04", 1),
        ("2025-05", 1),
    ]
    custom = tiny.metrics(["leads"], period="2025-03-31..2025-04-01")
    assert custom.value("leads") == 2


def test_fiscal_year_start_january(tmp_path):
    ws = kpiflow.init(str(tmp_path / "w"), lang="en")
    path = ws.root / "kpiflow.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("fiscal_year_start: 4", "fiscal_year_start: 1"), encoding="utf-8")
    ws.close()
    ws = kpiflow.open(str(tmp_path / "w"))
    (tmp_path / "c.csv").write_text(CONTACTS, encoding="utf-8")
    ws.load(tmp_path / "c.csv", "contacts")
    result = ws.metrics(["leads"], period="fy")
    assert [(p.label(), result.value("leads", p.label())) for p in result.periods] == [("FY2025", 4)]


def test_json_records_carry_the_contract_keys(tiny):
    records = tiny.metrics(["win_rate", "leads"], period="FY2025", by=["channel"]).to_json_data()
    rate = next(r for r in records if r["metric"] == "win_rate" and r["channel"] == "exhibition")
    assert {"metric", "period", "channel", "value", "numerator", "denominator", "ci_low", "ci_high"} <= set(rate)
    assert rate["period"] == "FY2025" and rate["numerator"] == 1 and rate["denominator"] == 2


def test_japanese_period_labels(tiny):
    result = tiny.metrics(["leads"], period="FY2025Q1", lang="ja")
    assert result.records[0].period == "2025年度 第1四半期"


def test_count_distinct_and_where_on_a_joined_table(tmp_path):
    ws = kpiflow.init(str(tmp_path / "w"), lang="en")
    path = ws.root / "kpiflow.yaml"
    extra = (
        "  buying_accounts:\n    label: {en: Accounts with a deal}\n    count_distinct: deals.account_id\n    time: created_at\n"
        "  food_deals:\n    label: {en: Food deals}\n    count: deals\n    where: accounts.industry = 'food' AND outcome <> 'lost'\n    time: created_at\n"
    )
    path.write_text(path.read_text(encoding="utf-8").replace("metrics:\n", "metrics:\n" + extra, 1), encoding="utf-8")
    ws.close()
    ws = kpiflow.open(str(tmp_path / "w"))
    for table, text in (("accounts", ACCOUNTS), ("deals", DEALS)):
        (tmp_path / f"{table}.csv").write_text(text, encoding="utf-8")
        ws.load(tmp_path / f"{table}.csv", table)
    result = ws.metrics(["buying_accounts", "food_deals"], period="FY2025")
    # Deals D1..D4 belong to A1, A2, A2, A1: two accounts. Food (A2) deals not lost: D2 only.
    assert result.value("buying_accounts") == 2
    assert result.value("food_deals") == 1
    ws.close()


def test_to_frame_needs_pandas_only_when_asked(tiny):
    result = tiny.metrics(["leads"], period="FY2025")
    try:
        import pandas  # noqa: F401, PLC0415
    except ImportError:
        with pytest.raises(kpiflow.errors.KpiflowError, match="pip install pandas"):
            result.to_frame()
    else:
        frame = result.to_frame()
        assert list(frame["value"]) == [3]


def test_last_window_ends_where_the_data_ends(tiny):
    # The tiny data end on 2025-10-10, so the two complete quarters before FY2025Q3 are shown.
    result = tiny.metrics(["leads"], last="2q")
    assert [p.label() for p in result.periods] == ["FY2025Q1", "FY2025Q2"]
    assert [result.value("leads", p.label()) for p in result.periods] == [2, 0]


def test_an_unreachable_dimension_is_not_confused_with_an_empty_value(tmp_path):
    ws = kpiflow.init(str(tmp_path / "w"), lang="en")
    files = {
        "accounts": "account_id,name,industry\nA1,Acme,automotive\n",
        "contacts": "contact_id,account_id,created_at,channel\nC1,A1,2025-04-01,ads\nC2,,2025-04-02,ads\n",
        "costs": "date,channel,category,amount\n2025-04-01,ads,media,1000\n",
    }
    for table, text in files.items():
        (tmp_path / f"{table}.csv").write_text(text, encoding="utf-8")
        ws.load(tmp_path / f"{table}.csv", table)
    result = ws.metrics(["cost", "leads", "cost_per_lead"], period="FY2025Q1", by=["industry"])
    # C2 has no account, so it is a lead with no industry: a real NULL, not "cost for all industries".
    assert result.value("leads", industry=None) == 1
    for industry in ("automotive", None):
        record = result.record("cost_per_lead", industry=industry)
        assert record.value is None and "cost cannot be broken down by industry" in record.note
    ws.close()


def test_fiscal_halves(tiny):
    result = tiny.metrics(["leads", "won_deals"], period="half")
    # H2 of FY2024 holds C1 (Mar 31 23:59); H1 of FY2025 (Apr-Sep) C2, C3 and D1, D2 (Jul 1); H2 C4.
    assert [p.label() for p in result.periods] == ["FY2024H2", "FY2025H1", "FY2025H2"]
    assert [result.value("leads", p.label()) for p in result.periods] == [1, 2, 1]
    assert [result.value("won_deals", p.label()) for p in result.periods] == [0, 2, 0]
    assert result.periods[1].label("ja") == "2025年度 上期"
