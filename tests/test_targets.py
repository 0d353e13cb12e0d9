"""Targets at any grain (issue 23): keys, phasing profiles and the split down the grains equal
hand computations; whole numbers by largest remainder add up to the year."""

from __future__ import annotations

import pytest

from kpiflow.errors import ModelError
from kpiflow.model.config import parse_model
from kpiflow.model.periods import Period
from kpiflow.model.targets import TargetError, largest_remainder, monthly_targets, parse_key, target_of

MODEL = """
kpiflow: 1
locale: en
fiscal_year_start: 4
dimensions: [channel]
metrics:
  leads: {count: contacts, time: created_at}
  won_deals: {count: deals, where: "outcome = 'won'", time: closed_at}
  closed_deals: {count: deals, where: "outcome IN ('won', 'lost')", time: closed_at}
  win_rate: {ratio: [won_deals, closed_deals]}
"""
FY = Period.fy(2025)
MONTHS = ["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]


def model(targets: str, phasing: str = "") -> object:
    return parse_model(MODEL + "targets:\n" + targets + (f"phasing: {phasing}\n" if phasing else ""))


def test_a_yearly_target_phased_evenly_gives_each_month_a_twelfth():
    months = monthly_targets(model("  FY2025: {leads: 1200}\n"), "leads", FY)
    assert list(months) == MONTHS
    assert all(v == pytest.approx(100.0) for v in months.values())


def test_explicit_weights_follow_the_fiscal_years_months():
    # weights 2 for April and March, 1 for the other ten: 14 parts of 1400 -> 200, 100 x 10, 200
    months = monthly_targets(model("  FY2025: {leads: 1400}\n", "{leads: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]}"), "leads", FY)
    assert months["2025-04"] == pytest.approx(200) and months["2026-03"] == pytest.approx(200)
    assert months["2025-10"] == pytest.approx(100)


def test_last_years_shape_splits_the_year_as_last_year_went():
    last = {m.replace("2025-", "2024-").replace("2026-", "2025-"): 0.0 for m in MONTHS} | {"2024-04": 30.0, "2024-05": 10.0}
    months = monthly_targets(model("  FY2025: {leads: 800}\n", "last_year"), "leads", FY, last_year=last)
    # 30 and 10 of 40 last year: 600 and 200, nothing in the other months
    assert months["2025-04"] == pytest.approx(600) and months["2025-05"] == pytest.approx(200)
    assert months["2025-06"] == pytest.approx(0)


def test_finer_targets_are_taken_off_before_the_rest_is_split():
    # FY 1200; Q1 set at 600 (so the other three quarters share 600: 200 each), April set at 300
    # (so May and June share Q1's other 300: 150 each)
    text = "  FY2025: {leads: 1200}\n  FY2025Q1: {leads: 600}\n  2025-04: {leads: 300}\n"
    months = monthly_targets(model(text), "leads", FY)
    assert [months[m] for m in MONTHS[:6]] == pytest.approx([300, 150, 150, 200 / 3, 200 / 3, 200 / 3])
    assert sum(months.values()) == pytest.approx(1200)
    assert target_of(model(text), "leads", Period.quarter(2025, 2)) == pytest.approx(200)
    assert target_of(model(text), "leads", Period.half(2025, 2)) == pytest.approx(400)


def test_months_no_target_covers_have_none_and_a_rate_is_not_split():
    m = model("  FY2025H2: {leads: 600}\n  FY2025: {win_rate: 0.3}\n  FY2025Q4: {win_rate: 0.4}\n")
    months = monthly_targets(m, "leads", FY)
    assert months["2025-04"] is None and months["2025-10"] == pytest.approx(100)
    rates = monthly_targets(m, "win_rate", FY)
    assert rates["2025-04"] == 0.3 and rates["2026-01"] == 0.4
    assert target_of(m, "leads", FY) is None  # the first half has no target
    assert target_of(m, "win_rate", Period.quarter(2025, 4)) == 0.4


def test_segment_targets_are_their_own():
    m = model("  FY2025: {leads: 1200}\n  FY2025 channel=ads: {leads: 240}\n")
    assert parse_key("FY2025 channel=ads").segment == ("channel", "ads")
    assert target_of(m, "leads", FY, segment=("channel", "ads")) == pytest.approx(240)
    assert target_of(m, "leads", FY, segment=("channel", "seminar")) is None
    assert target_of(m, "leads", FY) == pytest.approx(1200)


def test_parts_that_ask_more_than_the_whole_are_refused():
    with pytest.raises(TargetError, match="FY2025Q1.*more than"):
        monthly_targets(model("  FY2025: {leads: 100}\n  FY2025Q1: {leads: 300}\n"), "leads", FY)


@pytest.mark.parametrize(
    ("targets", "phasing", "message"),
    [
        ("  FY2025X: {leads: 1}\n", "", "cannot read"),
        ("  FY2025 chanel=ads: {leads: 1}\n", "", "did you mean 'channel'"),
        ("  FY2025: {leads: 1}\n", "evn", "did you mean 'even'"),
        ("  FY2025: {leads: 1}\n", "[1, 2]", "12 non-negative"),
        ("  FY2025: {leads: 1}\n", "{lead: even}", "did you mean 'leads'"),
    ],
)
def test_bad_keys_and_profiles_point_at_the_line(targets, phasing, message):
    with pytest.raises(ModelError, match=message):
        model(targets, phasing)


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        (10, [1, 1, 1], [4, 3, 3]),  # 3.33 each: the first takes the one left over
        (100, [1] * 12, [9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]),  # 8.33: four 9s
        (7, [0.5, 0.25, 0.25], [3, 2, 2]),  # 3.5, 1.75, 1.75: floors 3, 1, 1; the two left go to remainders .75, .75
        (0, [1, 2], [0, 0]),
    ],
)
def test_largest_remainder_keeps_the_total(total, weights, expected):
    assert largest_remainder(total, weights) == expected
    assert sum(expected) == total


def test_plan_phase_monthly_saves_whole_months_that_add_up_to_the_plan(tmp_path):
    """`kpiflow plan --phase monthly --save-targets` on the small demo: each stage's twelve whole
    numbers add up to its planned volume rounded up, differ by at most one (even phasing), and
    are written into kpiflow.yaml with its comments, readable back as the same targets."""
    import json  # noqa: PLC0415
    import math  # noqa: PLC0415

    from typer.testing import CliRunner  # noqa: PLC0415

    from conftest import copy_demo  # noqa: PLC0415
    from kpiflow.cli import app  # noqa: PLC0415
    from kpiflow.model.config import read_model  # noqa: PLC0415

    ws, _ = copy_demo(tmp_path / "demo", size="small", lang="en")
    root = ws.root
    ws.close()
    before = (root / "kpiflow.yaml").read_text(encoding="utf-8")
    args = ["plan", "--target", "revenue=1800000000", "--period", "FY2026", "--phase", "monthly", "--save-targets", "--json", "-w", str(root)]
    out = CliRunner().invoke(app, args)
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    monthly = result["monthly_targets"]
    assert list(monthly) == [f"2026-{m:02d}" for m in range(4, 13)] + ["2027-01", "2027-02", "2027-03"]
    volumes = {r["metric"]: r["required"] for r in result["records"] if r["role"] == "volume" and r.get("scenario", "base") == "base"}
    assert set(volumes) == set(monthly["2026-04"])
    model = read_model(root / "kpiflow.yaml")
    for metric, required in volumes.items():
        parts = [monthly[m][metric] for m in monthly]
        assert sum(parts) == math.ceil(round(required, 6)) and max(parts) - min(parts) <= 1
        assert target_of(model, metric, Period.fy(2026)) == sum(parts)
    after = (root / "kpiflow.yaml").read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(line in after.splitlines() for line in comments)
    assert model.targets["FY2025"] == {"revenue": 1500000000, "win_rate": 0.32}  # the yearly targets stay
    assert sum(monthly[m]["revenue"] for m in monthly) == 1_800_000_000  # the goal to the yen: 150,000,000 a month
    plan = ["plan", "--target", "revenue=1800000000", "--period", "FY2026", "--lang", "en", "-w", str(root)]
    alone = CliRunner().invoke(app, [*plan, "--save-targets"])
    weekly = CliRunner().invoke(app, [*plan, "--phase", "weekly"])
    assert alone.exit_code != 0 and "add --phase monthly" in alone.output and "Traceback" not in alone.output
    assert weekly.exit_code != 0 and "expected one of: monthly" in weekly.output


def test_save_targets_keeps_comments_and_merges_lines():
    from kpiflow.model.targets import save_targets  # noqa: PLC0415

    text = "targets:  # ours\n  FY2025: {revenue: 10}  # the year\n  2025-04: {sqls: 1, mqls: 2}\nlabels: {}\n"
    saved = save_targets(text, {"2025-04": {"sqls": 5}, "2025-05": {"sqls": 6}})
    assert saved == "targets:  # ours\n  FY2025: {revenue: 10}  # the year\n  2025-04: {sqls: 5, mqls: 2}\n  2025-05: {sqls: 6}\nlabels: {}\n"
    assert save_targets("targets: {}  # e.g.\n", {"2025-04": {"sqls": 5}}) == "targets:  # e.g.\n  2025-04: {sqls: 5}\n"
