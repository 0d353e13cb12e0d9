"""`kpiflow explain`: exact factor and segment contributions, mix vs rate, noise, by hand.

Two quarters of closed deals, counted by hand:

    FY2025Q1 (Apr-Jun 2025)             FY2025Q2 (Jul-Sep 2025)
    ads:        won 100, lost           ads:        won 100, won 200, lost
    exhibition: won 300, lost, lost     exhibition: won 300, won 500

    closed 5 -> 5, won 2 -> 4, revenue 400 -> 1,100, win rate 0.4 -> 0.8, average 200 -> 275.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpiflow
from conftest import open_shared_demo
from kpiflow.cli import app
from kpiflow.engine.metric_sql import segment_queries
from kpiflow.errors import KpiflowError
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.model.periods import parse_period
from kpiflow.stats import benjamini_hochberg, log_mean

DEALS = (
    "deal_id,created_at,amount,outcome,closed_at,channel\n"
    "D1,2025-04-01,100,won,2025-04-20,ads\n"
    "D2,2025-04-01,80,lost,2025-05-20,ads\n"
    "D3,2025-04-01,300,won,2025-06-20,exhibition\n"
    "D4,2025-04-01,90,lost,2025-06-21,exhibition\n"
    "D5,2025-04-01,70,lost,2025-06-30 23:59,exhibition\n"
    "D6,2025-05-01,100,won,2025-07-01,ads\n"
    "D7,2025-05-01,200,won,2025-08-01,ads\n"
    "D8,2025-05-01,60,lost,2025-09-01,ads\n"
    "D9,2025-05-01,300,won,2025-09-10,exhibition\n"
    "D10,2025-05-01,500,won,2025-09-30 23:59,exhibition\n"
    "D11,2025-05-01,999,won,2025-10-01,exhibition\n"  # FY2025Q3: in neither period
)
L = log_mean(1100, 400)  # the log-mean weight of revenue


def workspace(tmp_path: Path, tree: str, deals: str = DEALS):
    """A workspace whose KPI tree is only `tree`, with `deals` loaded."""
    ws = kpiflow.init(str(tmp_path / "ws"), lang="en")
    path = ws.root / "kpiflow.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\ntree:.*?\n\n", "\ntree:\n" + tree + "\n\n", text, count=1, flags=re.S)
    path.write_text(text, encoding="utf-8")
    ws.close()
    ws = kpiflow.open(str(tmp_path / "ws"))
    (tmp_path / "deals.csv").write_text(deals, encoding="utf-8")
    ws.load(tmp_path / "deals.csv", "deals")
    return ws


@pytest.fixture
def two_factor(tmp_path):
    ws = workspace(tmp_path, "  revenue: [won_deals, avg_deal_size]")
    yield ws
    ws.close()


@pytest.fixture
def three_factor(tmp_path):
    ws = workspace(tmp_path, "  revenue: [won_deals, avg_deal_size]\n  won_deals: [closed_deals, win_rate]")
    yield ws
    ws.close()


def test_two_factor_tree_by_hand(two_factor):
    result = two_factor.explain("revenue", "FY2025Q1", "FY2025Q2", by=["channel"])
    assert (result.value_from, result.value_to, result.total_change) == (400, 1100, 700)
    factors = {f.metric: f.contribution for f in result.factors}
    # LMDI-I: C_k = L(1100, 400) ln(x_k^T / x_k^0).
    assert factors["won_deals"] == pytest.approx(L * math.log(4 / 2), rel=1e-12)
    assert factors["avg_deal_size"] == pytest.approx(L * math.log(275 / 200), rel=1e-12)
    assert math.fsum(factors.values()) == pytest.approx(700, rel=1e-12)
    assert result.relative_change == pytest.approx(700 / 400)


def test_three_factor_tree_by_hand(three_factor):
    result = three_factor.explain("revenue", "FY2025Q1", "FY2025Q2", by=["channel"])
    factors = {f.metric: f.contribution for f in result.factors}
    assert set(factors) == {"closed_deals", "win_rate", "avg_deal_size"}
    assert factors["closed_deals"] == 0  # 5 -> 5
    assert factors["win_rate"] == pytest.approx(L * math.log(0.8 / 0.4), rel=1e-12)
    assert factors["avg_deal_size"] == pytest.approx(L * math.log(275 / 200), rel=1e-12)
    assert abs(math.fsum(factors.values()) - 700) <= 1e-9 * 700
    won = result.factor("won_deals")
    assert won.contribution == pytest.approx(L * math.log(2), rel=1e-12) and not won.leaf
    assert result.factor("won_deals").parent == "revenue"


def test_mix_and_rate_on_two_segments_by_hand(three_factor):
    result = three_factor.explain("revenue", "FY2025Q1", "FY2025Q2", by=["channel"])
    c_win = result.factor("win_rate").contribution
    to_yen = c_win / (0.8 - 0.4)  # the factor's exchange rate into yen of revenue
    # win rate = sum_i s_i r_i. ads: s 2/5 -> 3/5, r 1/2 -> 2/3 (s r 0.2 -> 0.4);
    # exhibition: s 3/5 -> 2/5, r 1/3 -> 1 (s r 0.2 -> 0.4). LMDI over the segments:
    weight = log_mean(0.4, 0.2)
    expected = {
        "ads": (weight * math.log(1.5), weight * math.log(4 / 3)),
        "exhibition": (weight * math.log(2 / 3), weight * math.log(3)),
    }
    rows = {s.value: s for s in result.segments_of("win_rate", "channel")}
    assert set(rows) == {"ads", "exhibition"}
    for name, (mix, rate) in expected.items():
        assert rows[name].mix == pytest.approx(mix * to_yen, rel=1e-12)
        assert rows[name].rate == pytest.approx(rate * to_yen, rel=1e-12)
        assert rows[name].mix + rows[name].rate == pytest.approx(rows[name].contribution, rel=1e-15)
    assert rows["exhibition"].value_from == pytest.approx(1 / 3) and rows["exhibition"].value_to == 1
    assert (rows["exhibition"].share_from, rows["exhibition"].share_to) == (pytest.approx(0.6), pytest.approx(0.4))
    assert math.fsum(r.contribution for r in rows.values()) == pytest.approx(c_win, rel=1e-12)

    # average deal size: the won-deal mix stays 1/2 : 1/2, so the change is all rate:
    # ads 100 -> 150 (s r 50 -> 75), exhibition 300 -> 400 (s r 150 -> 200).
    avg = {s.value: s for s in result.segments_of("avg_deal_size", "channel")}
    to_yen = result.factor("avg_deal_size").contribution / 75
    assert avg["ads"].mix == 0 and avg["exhibition"].mix == 0
    assert avg["ads"].rate == pytest.approx(log_mean(75, 50) * math.log(1.5) * to_yen, rel=1e-12)  # = 25 x to_yen
    assert avg["exhibition"].rate == pytest.approx(50 * to_yen, rel=1e-12)


def test_counts_split_by_segment_even_when_the_total_does_not_move(three_factor):
    result = three_factor.explain("revenue", "FY2025Q1", "FY2025Q2", by=["channel"])
    closed = {s.value: s for s in result.segments_of("closed_deals", "channel")}
    # closed deals 5 -> 5: ads 2 -> 3, exhibition 3 -> 2. No net contribution, but each segment
    # moved one deal, worth L(V) / L(F) = L(1100, 400) / 5 yen.
    assert closed["ads"].contribution == pytest.approx(L / 5, rel=1e-12)
    assert closed["exhibition"].contribution == pytest.approx(-L / 5, rel=1e-12)
    assert closed["ads"].mix is None and closed["ads"].rate is None
    assert closed["ads"].explanatory_power is None  # a share of a zero contribution


def test_segment_tests_match_scipy(three_factor):
    stats = pytest.importorskip("scipy.stats")
    result = three_factor.explain("revenue", "FY2025Q1", "FY2025Q2", by=["channel"])
    ads = next(s for s in result.segments_of("win_rate") if s.value == "ads")
    # ads win rate 1/2 -> 2/3: Pearson chi-square without continuity correction = pooled z test.
    _, p, _, _ = stats.chi2_contingency([[2, 1], [1, 1]], correction=False)
    assert ads.test == "two_proportion" and ads.p_value == pytest.approx(p, rel=1e-9)
    closed = next(s for s in result.segments_of("closed_deals") if s.value == "ads")
    # 2 deals in 91 days, 3 in 92 days: exact conditional test = binomial test of 3 of 5 at 92/183.
    binom = stats.binomtest(3, 5, 92 / 183).pvalue
    assert closed.test == "poisson_rate" and closed.p_value == pytest.approx(binom, rel=1e-9)
    tested = [s for s in result.segments if s.p_value is not None]
    assert [s.q_value for s in tested] == pytest.approx(list(stats.false_discovery_control([s.p_value for s in tested])))
    assert [s.q_value for s in tested] == pytest.approx(benjamini_hochberg([s.p_value for s in tested]))


def test_average_deal_size_uses_welch_on_the_amounts(tmp_path):
    stats = pytest.importorskip("scipy.stats")
    q1 = [100, 250, 90, 400, 120]
    q2 = [300, 180, 520, 610, 240, 330]
    rows = ["deal_id,created_at,amount,outcome,closed_at,channel"]
    rows += [f"A{i},2025-04-01,{a},won,2025-05-{i + 1:02d},ads" for i, a in enumerate(q1)]
    rows += [f"B{i},2025-04-01,{a},won,2025-08-{i + 1:02d},ads" for i, a in enumerate(q2)]
    ws = workspace(tmp_path, "  revenue: [won_deals, avg_deal_size]", "\n".join(rows) + "\n")
    result = ws.explain("revenue", "FY2025Q1", "FY2025Q2", by=["channel"])
    ws.close()
    node = result.factor("avg_deal_size")
    assert node.test == "welch_t"
    assert node.p_value == pytest.approx(stats.ttest_ind(q2, q1, equal_var=False).pvalue, rel=1e-9)
    revenue = result.factor("revenue")
    # compound Poisson: z = (S2/t2 - S1/t1) / sqrt(Q2/t2^2 + Q1/t1^2), t = days in the quarter.
    s1, s2, sq1, sq2 = sum(q1), sum(q2), sum(a * a for a in q1), sum(a * a for a in q2)
    z = (s2 / 92 - s1 / 91) / math.sqrt(sq2 / 92**2 + sq1 / 91**2)
    assert revenue.test == "compound_poisson" and revenue.p_value == pytest.approx(math.erfc(abs(z) / math.sqrt(2)), rel=1e-12)


def test_a_period_without_deals_credits_the_volume(tmp_path):
    deals = "deal_id,created_at,amount,outcome,closed_at,channel\nD1,2025-04-01,100,won,2025-08-01,ads\nD2,2025-04-01,50,won,2025-08-02,ads\n"
    ws = workspace(tmp_path, "  revenue: [won_deals, avg_deal_size]", deals)
    result = ws.explain("revenue", "FY2025Q1", "FY2025Q2", by=["channel"])
    ws.close()
    # 0 -> 150: no won deals in Q1, so no average deal size there; it counts as unchanged (75)
    # and the whole change goes to the won deals that appeared (rule 2 of the LMDI module).
    factors = {f.metric: f.contribution for f in result.factors}
    assert factors == {"won_deals": 150, "avg_deal_size": 0}
    assert result.relative_change is None
    assert not any(math.isnan(s.contribution) for s in result.segments)


def test_overlapping_periods_and_unknown_names_are_refused(three_factor):
    with pytest.raises(KpiflowError, match="overlap"):
        three_factor.explain("revenue", "FY2025", "FY2025Q2")
    with pytest.raises(KpiflowError, match="did you mean 'revenue'"):
        three_factor.explain("revenu", "FY2025Q1", "FY2025Q2")
    with pytest.raises(KpiflowError, match="did you mean 'channel'"):
        three_factor.explain("revenue", "FY2025Q1", "FY2025Q2", by=["chanel"])


def test_segment_queries_read_each_table_once_and_transpile():
    model = parse_model(default_model_text("en"))
    columns = {
        "deals": ["deal_id", "contact_id", "account_id", "created_at", "closed_at", "amount", "outcome", "channel", "owner"],
        "contacts": ["contact_id", "account_id", "created_at", "channel", "owner"],
        "accounts": ["account_id", "industry", "region"],
        "stage_history": ["entity", "entity_id", "stage", "entered_at"],
    }
    p0, p1 = parse_period("FY2025Q2"), parse_period("FY2025Q3")
    queries = segment_queries(
        model,
        ["revenue", "won_deals", "closed_deals", "opportunities", "leads"],
        ranges=[p0.sql_bounds(), p1.sql_bounds()],
        dimensions=["channel", "industry"],
        columns=columns,
    )
    assert sorted((q.table, q.metrics) for q in queries) == [
        ("contacts", ("leads",)),
        ("deals", ("opportunities",)),
        ("deals", ("revenue", "won_deals", "closed_deals")),
    ]
    for query in queries:
        for dialect in ("spark", "bigquery", "snowflake", "postgres"):
            text = query.sql(dialect)
            assert "GROUPING SETS" in text.upper(), dialect


# --- the demo: the planted good quarter ------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_shared_demo("default", "en")
    yield ws
    ws.close()


def planted_quarter() -> tuple[str, str]:
    """The quarter and the channel of the planted win-rate effect, as docs/demo.md states them."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "demo.md").read_text(encoding="utf-8")
    heading = re.search(r"### 1\. A hands-on demo wins deals in FY(\d{4}) Q(\d)", text)
    channel = re.search(r"`channel = '(\w+)'` whose\s+contact has any touchpoint with `type = 'demo'`", text)
    assert heading and channel, "docs/demo.md no longer states planted effect 1 as this test expects"
    return f"FY{heading[1]}Q{heading[2]}", channel[1]


def test_the_planted_quarter_is_explained_by_win_rate_at_the_shows(demo):
    quarter, channel = planted_quarter()
    previous = parse_period(quarter).previous().label("en")
    result = demo.explain("win_rate", previous, quarter, by=["channel", "industry", "size_band", "region", "owner"])
    top = result.segments[0]
    assert (top.dimension, top.value) == ("channel", channel)
    assert top.significant and top.rate > top.mix > 0  # the rate inside the segment rose, not its weight
    assert result.explanations[0].dimension == "channel" and result.explanations[0].values[0] == channel
    revenue = demo.explain("revenue", previous, quarter)
    assert revenue.factor("win_rate").contribution > 0
    wins = revenue.segments_of("win_rate")
    assert (wins[0].dimension, wins[0].value) == ("channel", channel)
    assert "Win rate" in revenue.summaries["en"] and "受注率" in revenue.summaries["ja"]


@pytest.mark.parametrize(
    "start,end", [("FY2025Q2", "FY2025Q3"), ("FY2024Q3", "FY2025Q3"), ("FY2024", "FY2025"), ("2025-09", "2025-10")]
)
def test_every_sum_is_exact_on_the_demo(demo, start, end):
    result = demo.explain("revenue", start, end)
    total = result.total_change
    assert total == pytest.approx(result.value_to - result.value_from, rel=1e-12)
    gross = math.fsum(abs(f.contribution) for f in result.factors)
    assert abs(math.fsum(f.contribution for f in result.factors) - total) <= 1e-9 * max(abs(total), gross)
    by_node = {n.metric: n for n in result.tree}
    for node in result.tree:
        children = [n for n in result.tree if n.parent == node.metric]
        if children:
            assert abs(math.fsum(c.contribution for c in children) - node.contribution) <= 1e-9 * max(
                abs(node.contribution), math.fsum(abs(c.contribution) for c in children)
            )
    for factor in result.factors:
        for dim in result.dimensions:
            rows = result.segments_of(factor.metric, dim)
            if not rows:
                continue
            scale = max(abs(factor.contribution), math.fsum(abs(r.contribution) for r in rows), 1.0)
            assert abs(math.fsum(r.contribution for r in rows) - factor.contribution) <= 1e-9 * scale, (factor.metric, dim)
            for r in rows:
                if r.mix is not None:
                    assert abs(r.mix + r.rate - r.contribution) <= 1e-9 * max(abs(r.mix) + abs(r.rate), 1.0)
                assert not any(isinstance(v, float) and math.isnan(v) for v in (r.contribution, r.mix, r.rate))
    assert by_node["revenue"].contribution == total


def test_values_equal_the_metrics_command(demo):
    result = demo.explain("revenue", "FY2025Q2", "FY2025Q3", by=["channel"])
    metrics = demo.metrics(["revenue", "win_rate", "leads"], period="FY2025Q3", by=["channel"], lang="en")
    for s in result.segments_of("win_rate", "channel"):
        if s.value is not None:
            assert s.value_to == pytest.approx(metrics.value("win_rate", "FY2025Q3", channel=s.value))
    totals = demo.metrics(["revenue", "leads"], period="FY2025Q2", lang="en")
    assert result.value_from == totals.value("revenue", "FY2025Q2")
    assert result.factor("leads").value_from == totals.value("leads", "FY2025Q2")


def test_cli_json_contract_and_japanese_narrative(demo):
    runner = CliRunner()
    args = ["explain", "revenue", "--from", "FY2025Q2", "--to", "FY2025Q3", "--by", "channel", "-w", str(demo.root)]
    run = runner.invoke(app, [*args, "--json"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    for key in ("metric", "from", "to", "value_from", "value_to", "total_change", "factors", "segments", "summary"):
        assert key in data
    assert (data["from"], data["to"]) == ("FY2025Q2", "FY2025Q3")
    assert math.fsum(f["contribution"] for f in data["factors"]) == pytest.approx(data["total_change"], rel=1e-9)
    for key in ("factor", "dimension", "value", "contribution", "mix", "rate", "p_value", "significant"):
        assert key in data["segments"][0]
    contributions = [abs(s["contribution"]) for s in data["segments"] if not s["unattributed"]]
    assert all(s["unattributed"] for s in data["segments"][len(contributions) :])
    assert contributions == sorted(contributions, reverse=True)
    run = runner.invoke(app, [*args, "--lang", "ja"])
    assert run.exit_code == 0, run.output
    assert "売上は2025年度 第2四半期" in run.output and "億円" in run.output
    bad = runner.invoke(app, ["explain", "revenue", "--from", "FY2025Q9", "--to", "FY2025Q3", "-w", str(demo.root)])
    assert bad.exit_code != 0 and "Traceback" not in bad.output


# --- the narrative: every factor beyond noise and at least 10% of the change is named ---------


def test_the_summary_names_every_large_significant_factor_before_the_others(tmp_path):
    """Q1: 400 closed deals, 100 won at 90/110 (average 100). Q2: 800 closed, 360 won at 95/115
    (average 105). Revenue 10,000 -> 37,800; LMDI-I gives closed deals L ln 2 (52%), win rate
    L ln(0.45 / 0.25) (44%) and average deal size L ln 1.05 (3.7%): all three larger than noise."""
    rows = ["deal_id,created_at,amount,outcome,closed_at,channel"]
    quarters = {"A": ("2025-04-01", 400, 100, (90, 110)), "B": ("2025-07-01", 800, 360, (95, 115))}
    for prefix, (first, closed, won, amounts) in quarters.items():
        day = dt.date.fromisoformat(first)
        for i in range(closed):
            outcome, amount = ("won", amounts[i % 2]) if i < won else ("lost", 50)
            rows.append(f"{prefix}{i},2025-01-01,{amount},{outcome},{day + dt.timedelta(days=i % 90)},ads")
    ws = workspace(tmp_path, "  revenue: [won_deals, avg_deal_size]\n  won_deals: [closed_deals, win_rate]", "\n".join(rows) + "\n")
    result = ws.explain("revenue", "FY2025Q1", "FY2025Q2", by=["channel"])
    ws.close()
    weight = log_mean(37_800, 10_000)
    expected = {"closed_deals": weight * math.log(2), "win_rate": weight * math.log(0.45 / 0.25), "avg_deal_size": weight * math.log(1.05)}
    for name, contribution in expected.items():
        factor = result.factor(name)
        assert factor.contribution == pytest.approx(contribution, rel=1e-9) and factor.significant, name
    assert expected["avg_deal_size"] / 27_800 < 0.10 <= expected["win_rate"] / 27_800
    en, ja = result.summaries["en"], result.summaries["ja"]
    # Named in order of contribution, then the rest: the average deal size, below 10%, is folded.
    assert en.index("an increase in Closed deals") < en.index("a rise in Win rate") < en.index("The other factors together")
    assert "Average deal size" not in en
    assert en.endswith(f"The other factors together: +¥{expected['avg_deal_size']:,.0f}.")
    assert ja.index("クローズ商談数の増加") < ja.index("受注率の上昇") < ja.index("その他の要因の合計は")
    assert "平均受注単価" not in ja and ja.endswith(f"その他の要因の合計は +{expected['avg_deal_size']:,.0f}円。")


@pytest.mark.parametrize("start,end", [("FY2025Q1", "FY2025Q2"), ("FY2025Q2", "FY2025Q3"), ("FY2025Q3", "FY2025Q4")])
def test_on_the_demo_no_significant_factor_of_10_percent_is_folded_into_other(demo, start, end):
    result = demo.explain("revenue", start, end)
    text = result.summaries["en"]
    rest = text.index("The other factors together") if "The other factors together" in text else len(text)
    large = [f for f in result.factors if f.significant and abs(f.contribution) >= 0.10 * abs(result.total_change)]
    large.sort(key=lambda f: -abs(f.contribution))
    at = [text.index(f"in {f.label}") for f in large]
    assert at == sorted(at) and all(a < rest for a in at), (start, end)


def test_a_throughput_ratio_is_named_as_one_and_not_as_a_rate_that_rose(demo):
    """The demo's close rate (closed deals / opportunities created in the quarter) went from 70.4%
    to 104.0% between FY2025Q2 and Q3: the sentence names it a throughput ratio and says why it
    passes 100%."""
    from kpiflow.analysis.explain import FactorChange, _factor_sentence  # noqa: PLC0415

    model = demo.model
    close = FactorChange("close_rate", "Close rate", "closed_deals", 3, True, 257 / 365, 337 / 324, 151e6, 1.02, significant=True)
    en = _factor_sentence(model, "revenue", close, "Close rate (throughput ratio)", True, "en")
    assert en == (
        "+¥151,000,000 of it came with a change in Close rate (throughput ratio) (70.4% -> 104.0%; above 100% because "
        "some Closed deals in a period came from Opportunities of earlier periods, significant)."
    )
    ja = _factor_sentence(model, "revenue", close, "クローズ率（期間比）", False, "ja")
    assert ja.startswith("うち +1.51億円 はクローズ率（期間比）の変化（70.4% → 104.0%。100%超は、期間内のクローズ商談数に")
    win = FactorChange("win_rate", "Win rate", "won_deals", 2, True, 0.323, 0.386, 6.9e7, 0.47, significant=True)
    assert "from a rise in Win rate (32.3% -> 38.6%" in _factor_sentence(model, "revenue", win, "Win rate", True, "en")
    # On the demo a throughput ratio is never said to rise or fall, and the terminal marks its rows.
    for start, end in [("FY2025Q1", "FY2025Q2"), ("FY2025Q2", "FY2025Q3"), ("FY2025Q3", "FY2025Q4")]:
        summary = demo.explain("revenue", start, end).summaries["en"]
        for rate in ("MQL rate", "SQL rate", "Opportunity rate", "Close rate"):
            assert f"a rise in {rate}" not in summary and f"a fall in {rate}" not in summary
    runner = CliRunner()
    text = runner.invoke(app, ["explain", "revenue", "--from", "FY2025Q2", "--to", "FY2025Q3", "-w", str(demo.root), "--lang", "en"])
    assert "Close rate †" in text.output and "Win rate †" not in text.output and "† throughput ratio" in text.output
