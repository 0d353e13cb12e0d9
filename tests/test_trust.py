"""kpiflow trust (issue 22): each detector finds the rows planted in a tiny hand-made company and
nothing in a clean one; the burst test, q-values and KPI moves equal hand computations; the
Japanese business calendar equals the Cabinet Office's published holidays."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from scipy.stats import binomtest
from typer.testing import CliRunner

from conftest import open_shared_demo, workspace_from_csv
from kpiflow.analysis.trust import TrustError, period_end_days, trust
from kpiflow.cli import app
from kpiflow.model.business_days import holidays, is_business_day

runner = CliRunner()
PERIOD = "FY2025Q1"  # 2025-04-01 .. 2025-06-30

# Business days of FY2025Q1 counted on a calendar: April 21 (22 weekdays, 4/29 昭和の日), May 20
# (22 weekdays, 5/5 こどもの日 and 5/6 its substitute for 5/4 on a Sunday), June 21: 62. The last
# two of each month: 4/28 and 4/30 (4/29 is a holiday), 5/29 and 5/30, 6/27 and 6/30.
MONTH_ENDS = ["2025-04-28", "2025-04-30", "2025-05-29", "2025-05-30", "2025-06-27", "2025-06-30"]
EXPECTED = 6 / 62


def _deals() -> str:
    rows = ["deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,owner"]
    # burst: 10 won deals, every close on a month end; calm: 10 won deals, closed mid-month.
    for i in range(10):
        rows.append(f"B{i},,,2025-04-0{1 + i % 9},1234000,won,{MONTH_ENDS[i % 6]} 18:00,burst")
        rows.append(f"C{i},,,2025-04-0{1 + i % 9},2345000,won,2025-05-1{i} 11:00,calm")
    # round: 10 lost deals, every amount a multiple of a million (the others: none).
    for i in range(10):
        rows.append(f"R{i},,,2025-04-1{i},{(i + 1) * 1_000_000},lost,2025-06-1{i} 10:00,round")
    rows.append("X1,,,2025-05-20,500000,lost,2025-05-01,round")  # closed before it was created
    rows.append("X2,,NOPE,2025-05-02,700000,lost,2025-05-12,")  # its contact does not exist
    rows.append("X3,,,2025-05-03,,won,2025-05-13,")  # won without an amount
    return "\n".join(rows) + "\n"


def _contacts() -> str:
    rows = ["contact_id,created_at,email"]
    rows += [f"K{i},2025-05-15 12:00,k{i}@example.jp" for i in range(20)]
    rows += ["S1,2025-04-01,s1@example.jp", "S2,2025-05-10,s2@example.jp", "S3,2025-04-02,SHARED@example.jp", "S4,2025-04-20,shared@example.jp"]
    rows += ["F1,2999-01-01,f1@example.jp"]  # entered in the future
    return "\n".join(rows) + "\n"


HISTORY = "\n".join(
    ["entity,entity_id,stage,entered_at"]
    # bulk: 20 leads entered at one instant
    + [f"contact,K{i},lead,2025-05-15 12:00" for i in range(20)]
    + [
        "contact,S1,lead,2025-04-01",
        "contact,S1,sql,2025-04-09",  # skipped mql
        "contact,S2,lead,2025-05-01",  # before S2 was created (5/10)
        "deal,X2,appointment,2025-05-02",
        "deal,X2,valid,2025-05-10",
        "deal,X2,proposal,2025-05-05",  # before valid: out of order
    ]
) + "\n"


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    tables = {"contacts": _contacts(), "deals": _deals(), "stage_history": HISTORY}
    ws = workspace_from_csv(tmp_path_factory.mktemp("trust"), tables)
    yield ws
    ws.close()


CLEAN_DEALS = (
    "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,owner\n"
    "D1,,P1,2025-04-01,1234000,won,2025-05-14 10:00,a\nD2,,P2,2025-04-02,2345000,lost,2025-05-15 10:00,b\n"
)
CLEAN_CONTACTS = "contact_id,created_at,email\nP1,2025-04-01,p1@example.jp\nP2,2025-04-01,p2@example.jp\n"
CLEAN_HISTORY = (
    "entity,entity_id,stage,entered_at\n"
    "contact,P1,lead,2025-04-01\ncontact,P1,mql,2025-04-03\ncontact,P1,sql,2025-04-05\n"
    "deal,D1,appointment,2025-04-01\ndeal,D1,valid,2025-04-10\ndeal,D1,proposal,2025-04-20\ndeal,D1,won,2025-05-14 10:00\n"
)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    tables = {"contacts": CLEAN_CONTACTS, "deals": CLEAN_DEALS, "stage_history": CLEAN_HISTORY}
    ws = workspace_from_csv(tmp_path_factory.mktemp("trust-clean"), tables)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def found(planted):
    return trust(planted, period=PERIOD, lang="en")


def _by_kind(result) -> dict[tuple[str, str, str | None], dict]:
    return {(r["kind"], r["table"], r["owner"]): r for r in result.table("findings").records()}


def test_the_business_calendar_has_the_published_holidays():
    # 内閣府「国民の祝日について」: 2025 and 2026, substitute and citizens' holidays included.
    assert sorted(d.isoformat() for d in holidays(2025)) == [
        "2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24", "2025-03-20", "2025-04-29", "2025-05-03",
        "2025-05-04", "2025-05-05", "2025-05-06", "2025-07-21", "2025-08-11", "2025-09-15", "2025-09-23", "2025-10-13",
        "2025-11-03", "2025-11-23", "2025-11-24",
    ]
    assert {dt.date(2026, 9, 21), dt.date(2026, 9, 22), dt.date(2026, 9, 23)} <= holidays(2026)  # 国民の休日 between two
    assert dt.date(2019, 5, 1) in holidays(2019) and dt.date(2020, 7, 24) in holidays(2020) and dt.date(2020, 10, 12) not in holidays(2020)
    assert not is_business_day(dt.date(2025, 1, 2)) and not is_business_day(dt.date(2025, 12, 31)) and is_business_day(dt.date(2025, 12, 30))


def test_period_end_days_are_the_last_business_days_of_each_month_quarter_and_year():
    days, business = period_end_days(dt.date(2025, 4, 1), dt.date(2025, 7, 1), "month", 2, 4)
    assert [d.isoformat() for d in days] == MONTH_ENDS and business == 62
    quarter, _ = period_end_days(dt.date(2025, 4, 1), dt.date(2025, 7, 1), "quarter", 2, 4)
    assert [d.isoformat() for d in quarter] == MONTH_ENDS[-2:]
    year, _ = period_end_days(dt.date(2025, 4, 1), dt.date(2026, 4, 1), "fy", 1, 4)
    assert [d.isoformat() for d in year] == ["2026-03-31"]


def test_a_period_end_burst_names_its_owner_with_a_binomial_test_and_bh_q_value(found):
    got = _by_kind(found)
    burst = got[("period_end_burst", "deals", "burst")]
    p = binomtest(10, 10, EXPECTED, alternative="greater").pvalue
    assert burst["rows"] == 10 and burst["share"] == 1.0 and burst["expected"] == pytest.approx(EXPECTED)
    assert burst["p_value"] == pytest.approx(EXPECTED**10) == pytest.approx(p)
    # two owners tested (burst, calm): BH multiplies the smaller p by 2
    assert burst["q_value"] == pytest.approx(2 * EXPECTED**10)
    owners = {r["owner"]: r for r in found.table("owners").records()}
    assert set(owners) == {"burst", "calm"} and owners["calm"]["hits"] == 0 and not owners["calm"]["flagged"]
    assert not any(k[0] == "period_end_burst" and k[2] == "calm" for k in got)


def test_a_finding_says_how_much_each_kpi_moves_without_its_rows(found):
    burst = _by_kind(found)[("period_end_burst", "deals", "burst")]
    moves = {r["metric"]: r for r in found.table("impacts").records() if r["finding"] == burst["finding"]}
    # won: burst 10, calm 10, X3 1 -> 21 and 11 without; closed adds round's 10 lost, X1 and X2.
    assert (moves["won_deals"]["value"], moves["won_deals"]["value_without"]) == (21, 11)
    assert (moves["revenue"]["value"], moves["revenue"]["value_without"]) == (10 * 1234000 + 10 * 2345000, 10 * 2345000)
    assert moves["win_rate"]["value"] == pytest.approx(21 / 33) and moves["win_rate"]["value_without"] == pytest.approx(11 / 23)
    assert "won_deals" in burst["kpis"] and "win_rate" in burst["kpis"]


def test_round_amounts_are_tested_per_owner_against_every_owners_share(found):
    got = _by_kind(found)[("round_amount", "deals", "round")]
    # 10 of round's 11 deals with an amount are round (X1 is 500,000); 10 of the 31 deals with an
    # owner and an amount (burst 10, calm 10, round 11; X2 has no owner).
    pooled = 10 / 31
    p = binomtest(10, 11, pooled, alternative="greater").pvalue
    assert (got["rows"], got["share"], got["expected"]) == (10, pytest.approx(10 / 11), pytest.approx(pooled))
    assert got["p_value"] == pytest.approx(p)
    # three owners tested (burst, calm, round; X2 and X3 have none): q = 3p
    assert got["q_value"] == pytest.approx(min(1.0, 3 * p))


@pytest.mark.parametrize(
    ("kind", "table", "owner", "rows"),
    [
        ("back_dated", "deals", "round", 1),  # X1 closed before it was created
        ("back_dated", "stage_history", None, 1),  # S2 entered lead before it was created
        ("stage_order", "stage_history", None, 1),  # X2's proposal before its valid
        ("stage_skip", "stage_history", None, 1),  # S1's sql without an mql
        ("bulk", "stage_history", None, 20),  # K0..K19 at one instant
        ("missing", "deals", None, 1),  # X3 won without an amount
        ("duplicate", "contacts", None, 1),  # S4 has S3's e-mail
        ("orphan", "deals", None, 1),  # X2's contact NOPE
        ("future", "contacts", None, 1),  # F1 in 2999
    ],
)
def test_each_detector_finds_the_rows_planted_for_it(found, kind, table, owner, rows):
    assert _by_kind(found)[(kind, table, owner)]["rows"] == rows


def test_nothing_is_found_in_a_clean_company(clean):
    result = trust(clean, period=PERIOD, lang="en")
    assert result.table("findings").records() == []
    assert {r["table"]: r["trust"] for r in result.table("tables").records()} == {"contacts": 1.0, "stage_history": 1.0, "deals": 1.0}


def test_trust_scores_a_table_by_its_rows_behind_no_finding_and_a_kpi_by_how_little_it_moves(found):
    tables = {r["table"]: r for r in found.table("tables").records()}
    # deals: 33 in the period; behind findings: burst's 10, round's 10, X1, X2, X3 = 23
    assert (tables["deals"]["rows"], tables["deals"]["flagged"]) == (33, 23)
    assert tables["deals"]["trust"] == pytest.approx(10 / 33)
    kpis = {r["metric"]: r for r in found.table("kpis").records()}
    # won deals without every finding's rows: calm's 10 of 21
    assert kpis["won_deals"]["value_without"] == 10 and kpis["won_deals"]["trust"] == pytest.approx(1 - 11 / 21)


def test_the_transition_matrix_counts_observed_moves_and_marks_skips(found):
    moves = {(r["entity"], r["from_stage"], r["to_stage"]): (r["moves"], r["skip"]) for r in found.table("transitions").records()}
    assert moves[("contact", "lead", "sql")] == (1, True)
    # X2 entered appointment, proposal, then valid: in time order a skip, then a move back
    assert moves[("deal", "appointment", "proposal")] == (1, True) and moves[("deal", "proposal", "valid")] == (1, False)


def test_cli_json_records_and_the_rows_behind_each_finding(planted, tmp_path):
    result = runner.invoke(app, ["trust", "-w", str(planted.root), "--period", PERIOD, "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert {"kind", "table", "owner", "rows", "expected", "p_value", "q_value", "kpis"} <= set(records[0])
    out = tmp_path / "rows.csv"
    result = runner.invoke(app, ["trust", "-w", str(planted.root), "--period", PERIOD, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert sum(r["kind"] == "bulk" for r in rows) == 20
    assert {r["key"] for r in rows if r["kind"] == "period_end_burst"} == {f"B{i}" for i in range(10)}


def test_bad_options_are_refused_in_words(planted):
    with pytest.raises(TrustError, match="--days 0"):
        trust(planted, period=PERIOD, days=0, lang="en")
    result = runner.invoke(app, ["trust", "-w", str(planted.root), "--end-of", "week"])
    assert result.exit_code != 0 and "month" in result.output and "Traceback" not in result.output


CHUBU = {"伊藤 誠", "山本 裕子", "中村 浩二", "松井 拓也"}  # the team planted to update in bulk at month end (docs/demo.md, 4)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_shared_demo("small", "en")
    yield ws
    ws.close()


def test_the_demo_plants_one_rep_booking_wins_on_the_last_business_days(demo):
    # Counted on the demo generator's own calendar (its business days also skip お盆 and 12/29-1/3).
    from kpiflow.demo.calendar import Calendar  # noqa: PLC0415

    cal = Calendar()
    ends = {
        str(cal.dates[d]) for d in range(cal.dates.size)
        if cal.business[d] and d in (cal.last_business_of_month[d], cal.second_last_business_of_month[d])
    }
    won = demo.con.execute("SELECT owner, CAST(CAST(closed_at AS DATE) AS VARCHAR) FROM deals WHERE outcome = 'won'").fetchall()
    share = {o: sum(d in ends for w, d in won if w == o) / sum(w == o for w, _ in won) for o in {w for w, _ in won}}
    assert share["田中 亮"] >= 0.5
    assert max(v for o, v in share.items() if o not in CHUBU | {"田中 亮"}) < 0.25


@pytest.fixture(scope="module")
def demo_found(demo):
    return trust(demo, lang="en").table("findings").records()


def test_the_demo_names_the_rep_planted_to_book_wins_at_month_end(demo_found):
    named = {r["owner"] for r in demo_found if r["kind"] == "period_end_burst" and r["table"] == "deals"}
    assert "田中 亮" in named and named - CHUBU == {"田中 亮"}


def test_the_demo_s_planted_data_quality_issues_are_found_in_their_exact_counts(demo_found):
    from kpiflow.demo.company import SIZES  # noqa: PLC0415

    planted = SIZES["small"].anomalies
    found = demo_found

    def rows(kind: str, table: str) -> int:
        return sum(r["rows"] for r in found if r["kind"] == kind and r["table"] == table)

    assert rows("back_dated", "deals") == planted["closed_before_created"]
    assert rows("stage_order", "stage_history") == planted["contact_stage_swaps"] + planted["deal_stage_swaps"]
    assert rows("duplicate", "contacts") == planted["duplicate_contacts"]


def test_the_dashboards_home_shows_beside_the_map_the_kpis_that_found_rows_move(demo):
    """Beside the key point map: every KPI of the map that the last complete year's findings move,
    with its value and its value without their rows, as `kpiflow trust` computes them."""
    import warnings  # noqa: PLC0415

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
        from fastapi.testclient import TestClient  # noqa: PLC0415

    from kpiflow.analysis.tree import tree_order  # noqa: PLC0415
    from kpiflow.dashboard import create_app  # noqa: PLC0415

    year = demo.last_complete_year().label("en")
    on_map = {n for n, _ in tree_order(demo.model)}
    moved = [r for r in trust(demo, period=year, lang="en").table("kpis").records() if r["findings"] and r["metric"] in on_map]
    assert moved  # the demo's planted rows move some KPI of the map
    with TestClient(create_app(demo.root), base_url="http://127.0.0.1:8765") as client:
        html = client.get(f"/?lang=en&period={year}").text
    block = html.split(f"Can these numbers be trusted? ({year})", 1)[1].split("</ul>", 1)[0]
    assert block.count("<li") == len(moved)
    won = next(r for r in moved if r["metric"] == "won_deals")
    assert f"{won['label']}: {won['value']:,.0f}, {won['value_without']:,.0f} without the rows of {won['findings']} finding(s)" in block


def test_the_reports_key_point_map_has_the_same_kpis_beside_it(demo):
    from kpiflow.reporting.html import build_report  # noqa: PLC0415

    year = demo.last_complete_year().label("en")
    kpis = {r["metric"]: r for r in trust(demo, period=year, lang="en").table("kpis").records()}
    html = build_report(demo, period=year, lang="en")
    block = html.split(f'<a href="#trust">Can these numbers be trusted? ({year})</a>', 1)[1].split("</ul>", 1)[0]
    won = kpis["won_deals"]
    assert f"{won['label']}: {won['value']:,.0f}, {won['value_without']:,.0f} without the rows of {won['findings']} finding(s)" in block
    assert '<section id="trust">' in html  # where the link leads: the findings themselves
