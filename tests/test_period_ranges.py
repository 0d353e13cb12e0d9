"""Periods through a workspace: ranges add up, `all` covers the data, periods outside the data and
conditions that match nothing are refused with what the data does hold.

Expected numbers come from hand counts on tiny tables written here, or from plain SQL and the
single periods computed separately on the demo.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import open_shared_demo, workspace_from_csv
from kpiflow.analysis.patterns import PatternsError
from kpiflow.analysis.touch_funnel import NoMatchError
from kpiflow.cli import app
from kpiflow.model.periods import PeriodError

runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


# --- a tiny CRM history, every count below made by hand --------------------------------------

# P1 converts across the fiscal year boundary; P2 is a lead one minute before FY2025 and an MQL on
# its first instant; P3 is a lead of FY2025 only; P4 comes after the range; P5 was a lead in FY2023.
CONTACTS = (
    "contact_id,created_at,channel\n"
    "P1,2024-05-01,ads\n"
    "P2,2025-03-31 23:59,ads\n"
    "P3,2025-04-01 00:00,web\n"
    "P4,2026-04-01 00:00,web\n"
    "P5,2024-03-31 23:59,web\n"
)
HISTORY = (
    "entity,entity_id,stage,entered_at\n"
    "contact,P1,lead,2024-05-01\n"
    "contact,P1,mql,2024-06-01\n"
    "contact,P1,sql,2025-05-01\n"
    "contact,P2,lead,2025-03-31 23:59\n"
    "contact,P2,mql,2025-04-01 00:00\n"
    "contact,P3,lead,2025-04-01 00:00\n"
    "contact,P4,lead,2026-04-01 00:00\n"
    "contact,P5,lead,2024-03-31 23:59\n"
    "contact,P5,mql,2024-04-02\n"
)
# Two booth visits, one demo, one inquiry: values of type by count are booth_visit, demo, inquiry.
TOUCHPOINTS = (
    "occurred_at,contact_id,type,channel\n"
    "2025-04-10 10:00,P1,booth_visit,exhibition\n"
    "2025-04-11 10:00,P1,demo,exhibition\n"
    "2025-06-01 10:00,P2,booth_visit,exhibition\n"
    "2025-10-05 10:00,P2,inquiry,web\n"
)


@pytest.fixture(scope="module")
def crm(tmp_path_factory):
    tables = {"contacts": CONTACTS, "stage_history": HISTORY, "touchpoints": TOUCHPOINTS}
    ws = workspace_from_csv(tmp_path_factory.mktemp("ranges"), tables)
    yield ws
    ws.close()


def cohort(result) -> dict[tuple[str, str], tuple[int, int]]:
    """(from, to) -> (entered, converted) of a cohort funnel without breakdown."""
    return {(s.from_stage, s.to_stage): (s.entered, s.converted) for s in result.steps}


# (from, to): (entered, converted) by hand. FY2024: leads P1, P2 (both reached MQL); MQLs P1, P5
# (P1 reached SQL). FY2025: lead P3; MQL P2; SQL P1. P4 is in FY2026, P5's lead in FY2023.
HAND = {
    "FY2024": {("lead", "mql"): (2, 2), ("mql", "sql"): (2, 1), ("sql", "opportunity"): (0, 0)},
    "FY2025": {("lead", "mql"): (1, 0), ("mql", "sql"): (1, 0), ("sql", "opportunity"): (1, 0)},
    "FY2024..FY2025": {("lead", "mql"): (3, 2), ("mql", "sql"): (3, 1), ("sql", "opportunity"): (1, 0)},
}


@pytest.mark.parametrize("period", list(HAND))
def test_cohort_funnel_of_a_range_counts_by_hand(crm, period):
    found = cohort(crm.funnel(period))
    for pair, expected in HAND[period].items():
        assert found.get(pair, (0, 0)) == expected, pair


def test_a_range_of_quarters_and_of_months_is_the_same_days(crm):
    # FY2024Q1..FY2025Q4 and 2024-04..2026-03 are the days of FY2024..FY2025.
    for text in ("FY2024Q1..FY2025Q4", "2024-04..2026-03", "2024年度〜2025年度"):
        assert cohort(crm.funnel(text)) == cohort(crm.funnel("FY2024..FY2025"))


def test_all_is_everything_the_data_covers(crm):
    # From P5's lead (2024-03-31 23:59) to P4's (2026-04-01 00:00): every contact is a lead.
    assert crm.metrics(["leads"], period="all").value("leads") == 5
    assert crm.funnel("all").steps[0].entered == 5
    assert crm.funnel("全期間").period == "2024-03-31..2026-04-01"


def test_a_period_outside_the_data_names_the_periods_it_covers(crm):
    with pytest.raises(PeriodError) as caught:
        crm.funnel("FY2022")
    assert str(caught.value) == (
        "FY2022 is outside the data: it covers FY2023 to FY2026 (2024-03-31 to 2026-04-01); choose a period within it, or all"
    )
    with pytest.raises(PeriodError, match=r"it covers FY2023Q4 to FY2026Q1 \(2024-03-31 to 2026-04-01\)"):
        crm.metrics(["leads"], period="FY2030Q1..FY2030Q2")
    with pytest.raises(PeriodError, match="it covers 2024-03 to 2026-04"):
        crm.velocity("2026-05")
    with pytest.raises(PeriodError, match="FY2027..FY2028 is outside the data"):
        crm.metrics(["leads"], period="fy", start="FY2027", end="FY2028")
    # A period partly covered is measured: FY2026 holds P4's first minute.
    assert crm.metrics(["leads"], period="FY2026").value("leads") == 1


def test_touchpoint_analyses_look_at_the_touchpoints_span(crm):
    # The CRM history reaches 2024, the touchpoints only April-October 2025.
    with pytest.raises(PeriodError, match=r"FY2024 is outside the touchpoints data: it covers FY2025 \(2025-04-10 to 2025-10-05\)"):
        crm.touch_funnel(["type = 'booth_visit'"], period="FY2024")
    assert crm.touch_funnel(["type = 'booth_visit'"], period="all").steps[0].reached == 2


def test_a_misspelt_step_names_the_nearest_value(crm):
    with pytest.raises(NoMatchError) as caught:
        crm.touch_funnel(["type = 'boothvisit'", "type = 'demo'"])
    assert str(caught.value) == (
        "step 1 `type = 'boothvisit'` matches no touchpoint in the data; did you mean 'booth_visit'? "
        "(values of type: booth_visit, demo, inquiry)"
    )
    assert caught.value.exit_code == 2
    # Every step that matches nothing is named, each with its own column's values; one value of an
    # IN list that exists is enough for a step to match.
    with pytest.raises(NoMatchError) as caught:
        steps = ["type IN ('Demo', 'inqiury')", "type IN ('demo', 'x')", "accounts.industry = 'food'", "channel = 'exhibitoin'"]
        crm.touch_funnel(steps, lang="en")
    assert str(caught.value).splitlines() == [
        "step 1 `type IN ('Demo', 'inqiury')` matches no touchpoint in the data; did you mean 'demo', 'inquiry'? "
        "(values of type: booth_visit, demo, inquiry)",
        "step 3 `accounts.industry = 'food'` matches no touchpoint in the data",  # no account loaded: no values to offer
        "step 4 `channel = 'exhibitoin'` matches no touchpoint in the data; did you mean 'exhibition'? "
        "(values of channel: exhibition, web)",
    ]


def test_a_step_that_matches_only_other_periods_is_a_warning(crm):
    # October 2025 holds the inquiry only: neither the booth visits nor the demo.
    result = crm.touch_funnel(["type = 'booth_visit'", "type = 'demo'"], period="2025-10")
    assert [s.reached for s in result.steps] == [0, 0]
    assert result.warnings == [
        "step 1 `type = 'booth_visit'` matches no touchpoint in 2025-10 (it does in other periods)",
        "step 2 `type = 'demo'` matches no touchpoint in 2025-10 (it does in other periods)",
    ]
    assert result.to_dict()["warnings"] == result.warnings
    # FY2025: P1 visited the booth and saw the demo; P2 visited and never saw one.
    fine = crm.touch_funnel(["type = 'booth_visit'", "type = 'demo'"], period="FY2025")
    assert [s.reached for s in fine.steps] == [2, 1] and fine.warnings == []


def test_a_misspelt_outcome_names_the_nearest_value(crm):
    with pytest.raises(PatternsError) as caught:
        crm.patterns("type = 'inqury'", min_support=1)
    assert str(caught.value) == (
        "outcome `type = 'inqury'` matches no touchpoint in the data; did you mean 'inquiry'? "
        "(values of type: booth_visit, demo, inquiry)"
    )
    # April 2025: P1 is active, and the inquiry (P2, October) is elsewhere.
    april = crm.patterns("type = 'inquiry'", min_support=1, period="2025-04")
    assert (april.population.units, april.population.converters) == (1, 0)
    assert april.warnings == ["outcome `type = 'inquiry'` matches no touchpoint in 2025-04 (it does in other periods)"]


def test_the_cli_refuses_in_both_languages(crm):
    result = run("funnel", "--period", "FY2099", "-w", crm.root, "--lang", "ja")
    assert result.exit_code == 2
    assert "2099年度 はデータの範囲外です。データがあるのは 2023年度〜2026年度（2024-03-31〜2026-04-01）です。" in result.output
    result = run("funnel", "--step", "type = 'boothvisit'", "-w", crm.root, "--lang", "ja")
    assert result.exit_code == 2
    assert "ステップ1「type = 'boothvisit'」に当てはまる接点がデータにありません。'booth_visit' の誤りではありませんか？" in result.output
    assert "Traceback" not in result.output
    result = run("funnel", "--step", "type = 'booth_visit'", "--step", "type = 'demo'", "--period", "2025-10", "-w", crm.root)
    assert result.exit_code == 0 and "matches no touchpoint in 2025-10" in result.output


# --- the demo company: a range is the sum of its years ----------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_shared_demo("small", "en")
    yield ws
    ws.close()


@pytest.mark.parametrize("basis", ["cohort", "period"])
def test_funnel_of_two_years_is_the_sum_of_each_year(demo, basis):
    def counts(period: str) -> dict[tuple[str, str], tuple[int, int]]:
        return {(s.from_stage, s.to_stage): (s.entered, s.converted) for s in demo.funnel(period, basis=basis).steps}

    both, first, second = counts("FY2024..FY2025"), counts("FY2024"), counts("FY2025")
    assert both.keys() == first.keys() == second.keys() and both
    for pair in both:
        assert both[pair] == (first[pair][0] + second[pair][0], first[pair][1] + second[pair][1]), pair


def test_metrics_of_two_years_are_the_sum_of_each_year_and_of_plain_sql(demo):
    both = demo.metrics(["revenue", "won_deals"], period="FY2024..FY2025")
    assert both.records[0].period == "FY2024..FY2025"
    years = demo.metrics(["revenue"], period="fy")
    assert both.value("revenue") == years.value("revenue", "FY2024") + years.value("revenue", "FY2025")
    [(revenue, won)] = demo.sql(
        "SELECT SUM(amount), COUNT(*) FROM deals WHERE outcome = 'won' "
        "AND closed_at >= TIMESTAMP '2024-04-01' AND closed_at < TIMESTAMP '2026-04-01'"
    ).fetchall()
    assert both.value("revenue") == revenue and both.value("won_deals") == won


def test_all_counts_every_row_of_the_demo(demo):
    [(contacts, won)] = demo.sql("SELECT (SELECT COUNT(*) FROM contacts), (SELECT COUNT(*) FROM deals WHERE outcome = 'won')").fetchall()
    found = demo.metrics(["leads", "won_deals"], period="all")
    assert (found.value("leads"), found.value("won_deals")) == (contacts, won)


def test_the_demo_refuses_fy2099_in_both_languages(demo):
    [(first, last)] = demo.sql(
        "SELECT MIN(t), MAX(t) FROM (SELECT occurred_at AS t FROM touchpoints UNION ALL SELECT created_at FROM contacts "
        "UNION ALL SELECT CAST(date AS TIMESTAMP) FROM costs UNION ALL SELECT closed_at FROM deals)"
    ).fetchall()
    days = f"({first.date()} to {last.date()})"
    # The demo company's three fiscal years (docs/demo.md).
    result = run("funnel", "--period", "FY2099", "-w", demo.root, "--lang", "en")
    assert result.exit_code == 2 and f"FY2099 is outside the data: it covers FY2023 to FY2025 {days}" in result.output
    result = run("metrics", "revenue", "--period", "FY2099", "-w", demo.root, "--lang", "ja")
    assert result.exit_code == 2 and "2099年度 はデータの範囲外です。データがあるのは 2023年度〜2025年度" in result.output
    result = run("explain", "revenue", "--from", "FY2010", "--to", "FY2025", "-w", demo.root, "--lang", "en")
    assert result.exit_code == 2 and "FY2010 is outside the data" in result.output


def test_a_plan_is_for_a_period_the_data_has_not_reached(demo):
    # The plan's period is planned for, not measured: FY2026 starts the day after the demo's data.
    assert demo.plan({"revenue": 1_800_000_000}, "FY2026").period == "FY2026"


@pytest.mark.parametrize("command", [["report", "--out", "r.html"], ["export", "--format", "xlsx", "--out", "k.xlsx"]])
def test_report_and_workbook_understand_periods_as_every_command_does(crm, tmp_path, command):
    out = [str(tmp_path / part) if part.endswith((".html", ".xlsx")) else part for part in command]
    refused = runner.invoke(app, [*out, "--period", "FY2099", "-w", str(crm.root), "--lang", "en"])
    assert refused.exit_code == 2 and "outside the data" in refused.output
    assert not list(tmp_path.iterdir())  # nothing half-written
    done = runner.invoke(app, [*out, "--period", "all", "-w", str(crm.root), "--lang", "en"])
    assert done.exit_code == 0, done.output
    assert len(list(tmp_path.iterdir())) == 1
