"""The hypotheses register (issue 22): verdicts equal hand computations for a supported, a refuted
and an inconclusive hypothesis and a difference in differences; `add` writes the file keeping its
comments, `check` appends the history and reading writes nothing."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from conftest import copy_demo, workspace_from_csv
from kpiflow.analysis.hypotheses import HypothesisCheckError, check, evaluate, hypotheses, verdict
from kpiflow.cli import app
from kpiflow.model import hypotheses as register
from kpiflow.model.hypotheses import HypothesisError

runner = CliRunner()

# Win rate (won / closed) by channel, FY2025Q2 (closed 2025-08-15) -> FY2025Q3 (closed 2025-11-14):
# exhibition 20/100 -> 50/100, ads 50/100 -> 20/100, web_form 20/50 -> 22/50.
WINS = {"exhibition": ((20, 100), (50, 100)), "ads": ((50, 100), (20, 100)), "web_form": ((20, 50), (22, 50))}


def _deals() -> str:
    rows = ["deal_id,created_at,amount,outcome,closed_at,channel"]
    for channel, periods in WINS.items():
        for (won, closed), day in zip(periods, ("2025-08-15", "2025-11-14"), strict=True):
            for i in range(closed):
                outcome = "won" if i < won else "lost"
                rows.append(f"{channel}-{day}-{i},2025-07-01,1000000,{outcome},{day} 10:00,{channel}")
    return "\n".join(rows) + "\n"


REGISTER = """# 仮説の台帳: 上期の振り返りで合意したもの
hypotheses:
  - id: exhibition-win-rate
    statement: 展示会経由の商談は下期に受注率が上がる
    metric: win_rate
    segment: "channel = 'exhibition'"
    expect: up
    min_change: 0.05
    baseline: FY2025Q2
    test: FY2025Q3
    owner: marketing
  # 広告の見直しで受注率が上がるはず
  - id: ads-win-rate
    statement: 広告経由の受注率が上がる
    metric: win_rate
    segment: "channel = 'ads'"
    expect: up
    min_change: 0.05
    baseline: FY2025Q2
    test: FY2025Q3
  - id: web-win-rate
    statement: Webフォーム経由の受注率が上がる
    metric: win_rate
    segment: "channel = 'web_form'"
    expect: up
    min_change: 0.05
    baseline: FY2025Q2
    test: FY2025Q3
  - id: exhibition-vs-ads
    statement: 展示会の受注率の伸びは広告を上回る
    metric: win_rate
    segment: "channel = 'exhibition'"
    control: "channel = 'ads'"
    expect: up
    min_change: 10%
    baseline: FY2025Q2
    test: FY2025Q3
"""


@pytest.fixture(scope="module")
def company(tmp_path_factory):
    ws = workspace_from_csv(tmp_path_factory.mktemp("hypotheses"), {"deals": _deals()})
    (ws.root / register.FILE).write_text(REGISTER, encoding="utf-8")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def results(company):
    return {r["id"]: r for r in check(company, lang="en")}


def _hand(before: tuple[int, int], after: tuple[int, int]) -> tuple[float, float, float, float]:
    """Difference of proportions, its variance (unpooled), and the pooled z-test's two-sided p, by hand."""
    (x0, n0), (x1, n1) = before, after
    r0, r1 = x0 / n0, x1 / n1
    pooled = (x0 + x1) / (n0 + n1)
    z = (r1 - r0) / math.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1))
    return r1 - r0, r0 * (1 - r0) / n0 + r1 * (1 - r1) / n1, math.erfc(abs(z) / math.sqrt(2)), r0


Z = 1.959963984540054  # the 97.5% normal quantile


@pytest.mark.parametrize(
    ("hypothesis", "channel", "expected"),
    [("exhibition-win-rate", "exhibition", "supported"), ("ads-win-rate", "ads", "refuted"), ("web-win-rate", "web_form", "inconclusive")],
)
def test_verdicts_equal_hand_computations(results, hypothesis, channel, expected):
    got = results[hypothesis]
    change, variance, p, r0 = _hand(*WINS[channel])
    assert got["verdict"] == expected
    assert got["baseline_value"] == pytest.approx(r0) and got["change"] == pytest.approx(change)
    assert got["p_value"] == pytest.approx(p)
    assert (got["ci_low"], got["ci_high"]) == (pytest.approx(change - Z * math.sqrt(variance)), pytest.approx(change + Z * math.sqrt(variance)))


def test_the_hand_figures_behind_the_three_verdicts(results):
    # exhibition: +0.30, p = 1.7e-5 (z 4.30): significant, up, and above 0.05 -> supported.
    assert results["exhibition-win-rate"]["p_value"] < 1e-4
    # ads: -0.30, significant the other way -> refuted.
    assert results["ads-win-rate"]["change"] == pytest.approx(-0.30) and results["ads-win-rate"]["p_value"] < 0.05
    # web_form: +0.04 with p 0.84 and an interval (-0.15, 0.23) that still holds 0.05 -> inconclusive.
    web = results["web-win-rate"]
    assert web["p_value"] > 0.05 and web["ci_low"] < 0.05 < web["ci_high"]


def test_a_control_segment_gives_a_difference_in_differences(results):
    got = results["exhibition-vs-ads"]
    exhibition, ads = _hand(*WINS["exhibition"]), _hand(*WINS["ads"])
    effect, variance = exhibition[0] - ads[0], exhibition[1] + ads[1]
    assert got["change"] == pytest.approx(0.60) == pytest.approx(effect)
    assert got["control_change"] == pytest.approx(-0.30)
    assert got["p_value"] == pytest.approx(math.erfc(abs(effect) / math.sqrt(2 * variance)))
    # min_change 10% of the baseline rate 20%: 0.02
    assert got["min_change"] == pytest.approx(0.02) and got["verdict"] == "supported"


@pytest.mark.parametrize(
    ("expect", "change", "low", "high", "p", "found"),
    [
        ("up", 0.06, 0.01, 0.11, 0.01, "supported"),
        ("up", 0.04, 0.01, 0.07, 0.01, "inconclusive"),  # significant but smaller than hoped; the interval still holds 0.05
        ("up", 0.02, 0.00, 0.04, 0.04, "refuted"),  # the interval excludes a change of 0.05
        ("down", -0.06, -0.11, -0.01, 0.01, "supported"),
        ("down", 0.06, 0.01, 0.11, 0.01, "refuted"),
        ("up", 0.06, -0.01, 0.13, 0.08, "inconclusive"),
    ],
)
def test_the_rule_fixed_in_advance(expect, change, low, high, p, found):
    assert verdict(expect, change, low, high, p, 0.05, 0.05) == found


def test_check_appends_the_history_and_reading_writes_nothing(company):
    before = sorted(p.name for p in company.root.iterdir())
    shown = hypotheses(company, lang="en")
    assert sorted(p.name for p in company.root.iterdir()) == before
    status = shown.table("hypotheses").records()
    assert [r["id"] for r in status] == ["exhibition-win-rate", "ads-win-rate", "web-win-rate", "exhibition-vs-ads"]
    assert [r["verdict"] for r in status] == ["supported", "refuted", "inconclusive", "supported"] and not any(r["recorded"] for r in status)
    result = runner.invoke(app, ["hypotheses", "check", "-w", str(company.root), "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert list(records[0])[:8] == ["id", "verdict", "baseline_value", "test_value", "change", "ci_low", "ci_high", "p_value"]
    assert [r["verdict"] for r in records] == ["supported", "refuted", "inconclusive", "supported"]
    past = register.history(company.root)
    assert [r["id"] for r in past][-4:] == [r["id"] for r in records] and all(r["checked"] for r in past)
    shown = hypotheses(company, lang="en")
    assert {r["id"]: r["recorded"] for r in shown.table("hypotheses").records()}["ads-win-rate"] == "refuted"
    assert len(shown.table("history").rows) == len(past)


def test_add_writes_an_entry_and_keeps_the_comments(tmp_path):
    ws = workspace_from_csv(tmp_path, {"deals": _deals()})
    root = ws.root
    ws.close()
    (root / register.FILE).write_text(REGISTER, encoding="utf-8")
    args = ["hypotheses", "add", "-w", str(root), "--id", "opps-up", "--statement", "商談数が増える", "--metric", "opportunities",
            "--expect", "up", "--min-change", "10%", "--baseline", "FY2025Q2", "--test", "FY2025Q3"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = (root / register.FILE).read_text(encoding="utf-8")
    assert text.startswith(REGISTER) and "# 広告の見直しで受注率が上がるはず" in text
    assert [h.id for h in register.read(root)][-1] == "opps-up"
    again = runner.invoke(app, args)
    assert again.exit_code != 0 and "opps-up" in again.output and "Traceback" not in again.output
    wrong = runner.invoke(app, [("x2" if a == "opps-up" else "win_rat" if a == "opportunities" else a) for a in args])
    assert wrong.exit_code != 0 and "win_rate" in wrong.output  # did you mean


def test_a_bad_entry_is_refused_in_words(tmp_path):
    (tmp_path / register.FILE).write_text("hypotheses:\n  - id: a\n    statement: s\n    metric: leads\n    expect: sideways\n"
                                          "    min_change: 1\n    baseline: FY2025\n    test: FY2026\n", encoding="utf-8")
    with pytest.raises(HypothesisError, match="expect 'sideways'"):
        register.read(tmp_path)


def test_a_hypothesis_without_a_segment_carries_its_lmdi_contribution_to_revenue(tmp_path):
    ws, _ = copy_demo(tmp_path / "demo", size="small", lang="en")
    try:
        leads = next(h for h in register.read(ws.root) if h.id == "leads-up")
        got = evaluate(ws, leads, "en")
        explained = ws.explain("revenue", "FY2024", "FY2025")
    finally:
        ws.close()
    assert got["root_contribution"] == pytest.approx(next(f.contribution for f in explained.factors if f.metric == "leads"))
    # leads counted in each fiscal year (a count test; FY2024 and FY2025 both have 365 days)
    assert got["test"] == "poisson_rate" and got["change"] == got["test_value"] - got["baseline_value"]


def test_counts_are_compared_as_rates_over_periods_of_different_lengths():
    from kpiflow.analysis.hypotheses import Side, _change  # noqa: PLC0415

    # 100 leads in 366 days (FY2023, with 2024-02-29), then 120 in 365: the baseline's pace over 365 days
    got = _change("count", Side(100.0, 100.0, days=366.0), Side(120.0, 120.0, days=365.0))
    assert got.value == pytest.approx(120 - 100 * 365 / 366) and got.variance == pytest.approx(120 + 100 * (365 / 366) ** 2)


def test_a_hypothesis_the_data_cannot_answer_is_named_with_a_did_you_mean(tmp_path):
    ws = workspace_from_csv(tmp_path, {"deals": _deals()})
    try:
        (ws.root / register.FILE).write_text(
            REGISTER + "  - id: typo\n    statement: x\n    metric: win_rate\n    segment: \"chanel = 'ads'\"\n    expect: up\n"
            "    min_change: 0.05\n    baseline: FY2025Q2\n    test: FY2025Q3\n",
            encoding="utf-8",
        )
        with pytest.raises(HypothesisCheckError, match="typo: .*did you mean 'channel'"):
            check(ws, lang="en")
        shown = hypotheses(ws, lang="en")  # the page shows the others and says what is wrong with this one
        assert [r["verdict"] for r in shown.table("hypotheses").records()][-1] is None
        assert any(note.startswith("typo: ") for note in shown.notes)
    finally:
        ws.close()
