"""Velocity, the standard journey and the nurture / fast lists on a tiny hand-made workspace.

Every expected duration is the difference of two timestamps written below, and every quantile
is computed with Python's `statistics` on those differences (`quantiles(method="inclusive")`
interpolates linearly between order statistics, as DuckDB's QUANTILE_CONT does). One test on
the small demo checks the effects docs/demo.md describes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import statistics

import pytest

import kpiflow
from conftest import open_shared_demo
from kpiflow.analysis.velocity import fast_list, latest_entry, nurture_list, velocity, write_csv
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.periods import parse_period

ACCOUNTS = "account_id,name,industry\nA1,テスト精機,automotive\nA2,サンプル食品,food\n"
CONTACTS = (
    "contact_id,account_id,created_at,channel,owner\n"
    "K1,A1,2025-04-01,ads,佐藤 健一\n"
    "K2,A1,2025-04-01,ads,鈴木 美咲\n"
    "K3,A2,2025-04-02,referral,田中 亮\n"
    "K4,A2,2025-04-01,exhibition,田中 亮\n"
    "K5,A1,2025-05-25 12:00,exhibition,佐藤 健一\n"
    "K6,A2,2025-04-03,referral,鈴木 美咲\n"
    "K7,A1,2025-03-01,seminar,@SUM(A1)\n"
    "K8,A2,2025-06-01,web_form,佐藤 健一\n"
    "K9,A1,2025-05-30,web_form,佐藤 健一\n"
    "K10,A2,2025-05-27,referral,田中 亮\n"
    "K11,A2,2025-05-28,referral,田中 亮\n"
    "K12,A1,2025-05-20,web_form,=1+2\n"
    "K13,A2,2025-04-01,email,-x\n"
)
# K1 won (DK1); K3 has an open deal (DK3); K6's only deal is lost (DK6, on 05-20), so K6 is closed after that.
DEALS = (
    "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,channel\n"
    "DK1,A1,K1,2025-04-17,100,won,2025-05-17,ads\n"
    "DK3,A2,K3,2025-04-11,300,open,,referral\n"
    "DK6,A2,K6,2025-04-08,50,lost,2025-05-20,referral\n"
)
HISTORY = """entity,entity_id,stage,entered_at
contact,K1,lead,2025-04-01 00:00
contact,K1,mql,2025-04-03 00:00
contact,K1,sql,2025-04-07 00:00
contact,K1,opportunity,2025-04-17 00:00
contact,K1,customer,2025-05-17 00:00
contact,K2,lead,2025-04-01 00:00
contact,K2,mql,2025-04-05 00:00
contact,K2,sql,2025-04-11 00:00
contact,K2,lead,2025-04-15 00:00
contact,K2,mql,2025-04-20 00:00
contact,K3,lead,2025-04-02 00:00
contact,K3,sql,2025-04-05 00:00
contact,K3,opportunity,2025-04-11 00:00
contact,K4,lead,2025-04-01 00:00
contact,K4,mql,2025-04-07 00:00
contact,K4,sql,2025-04-06 00:00
contact,K5,lead,2025-05-25 12:00
contact,K5,mql,2025-05-28 00:00
contact,K6,lead,2025-04-03 00:00
contact,K6,mql,2025-04-04 00:00
contact,K6,sql,2025-04-06 00:00
contact,K6,opportunity,2025-04-08 00:00
contact,K7,lead,2025-03-01 00:00
contact,K7,mql,2025-03-09 00:00
contact,K8,lead,2025-06-01 00:00
contact,K9,lead,2025-05-30 00:00
contact,K9,mql,2025-05-30 18:00
contact,K10,lead,2025-05-27 00:00
contact,K10,sql,2025-05-30 00:00
contact,K11,lead,2025-05-28 00:00
contact,K11,sql,2025-05-30 12:00
contact,K12,lead,2025-05-20 00:00
contact,K13,lead,2025-04-01 00:00
contact,K13,mql,2025-04-01 12:00
deal,DK1,appointment,2025-04-17 00:00
deal,DK1,valid,2025-04-20 00:00
deal,DK1,proposal,2025-05-01 00:00
deal,DK1,won,2025-05-17 00:00
deal,DK3,appointment,2025-04-11 00:00
deal,DK3,proposal,2025-04-16 00:00
deal,DK6,appointment,2025-04-08 00:00
deal,DK6,valid,2025-04-10 00:00
"""
AS_OF = dt.datetime(2025, 6, 1)  # the latest entry (K8's lead)
CONTACT_STAGES = ["lead", "mql", "sql", "opportunity", "customer"]


def parse_history() -> dict[tuple[str, str], dict[str, list[dt.datetime]]]:
    """(entity, id) -> stage -> every entry, read from HISTORY with the csv module."""
    out: dict[tuple[str, str], dict[str, list[dt.datetime]]] = {}
    for row in csv.DictReader(io.StringIO(HISTORY)):
        entries = out.setdefault((row["entity"], row["entity_id"]), {}).setdefault(row["stage"], [])
        entries.append(dt.datetime.fromisoformat(row["entered_at"]))
    return out


HISTORY_ROWS = parse_history()


def first(contact: str, stage: str, entity: str = "contact") -> dt.datetime:
    return min(HISTORY_ROWS[(entity, contact)][stage])


def days(later: dt.datetime, earlier: dt.datetime) -> float:
    return (later - earlier).total_seconds() / 86400


def gaps(pairs: list[tuple[str, str, str]], entity: str = "contact") -> list[float]:
    """Days from the first entry into a stage to the first entry into another, per (id, from, to)."""
    return [days(first(i, b, entity), first(i, a, entity)) for i, a, b in pairs]


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """(p25, median, p75) with linear interpolation; a single value is all three."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    p25, median, p75 = statistics.quantiles(values, n=4, method="inclusive")
    assert median == pytest.approx(statistics.median(values))
    return p25, median, p75


def check(record, values: list[float], out_of_order: int = 0) -> None:
    """The record's quartiles are those of `values`; its n adds the moves out of order (not measured)."""
    assert (record.n, record.out_of_order) == (len(values) + out_of_order, out_of_order)
    p25, median, p75 = quartiles(values)
    assert (record.p25_days, record.median_days, record.p75_days) == pytest.approx((p25, median, p75), abs=1e-9)


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    root = tmp_path_factory.mktemp("velocity")
    workspace = kpiflow.init(str(root / "w"), lang="en")
    for table, text in [("accounts", ACCOUNTS), ("contacts", CONTACTS), ("deals", DEALS), ("stage_history", HISTORY)]:
        path = root / f"{table}.csv"
        path.write_text(text, encoding="utf-8")
        workspace.load(path, table)
    yield workspace
    workspace.close()


def run(ws, **kw):
    return velocity(ws.engine, ws.model, columns=ws.columns(), **kw)


# The moves, written out: (contact, from stage, to stage), first entries only.
LEAD_MQL = [(k, "lead", "mql") for k in ("K1", "K2", "K4", "K5", "K6", "K7", "K9", "K13")]
MQL_SQL = [("K1", "mql", "sql"), ("K2", "mql", "sql"), ("K6", "mql", "sql")]  # K4 entered sql before mql
SQL_OPP = [("K1", "sql", "opportunity"), ("K3", "sql", "opportunity"), ("K6", "sql", "opportunity")]
LEAD_SQL_SKIPS = [("K3", "lead", "sql"), ("K10", "lead", "sql"), ("K11", "lead", "sql")]  # no mql entry


# --- velocity ---------------------------------------------------------------------------------


def test_steps_use_first_entries_in_model_order(ws):
    result = run(ws)
    lead = result.record("lead")
    assert (lead.to_stage, lead.kind, lead.entered) == ("mql", "step", 13)
    check(lead, gaps(LEAD_MQL))
    # By hand: 0.5 0.75 1 2 | 2.5 4 6 8 -> median 2.25, p25 0.75 + 0.75 * 0.25, p75 4 + 0.25 * 2
    assert (lead.p25_days, lead.median_days, lead.p75_days) == (0.9375, 2.25, 4.5)
    check(result.record("mql"), gaps(MQL_SQL), out_of_order=1)  # K4
    check(result.record("sql"), gaps(SQL_OPP))
    check(result.record("opportunity"), [30.0])
    assert [r.entered for r in result.records if r.kind == "step"] == [13, 8, 7, 3]


def test_reentries_are_ignored(ws):
    # K2 re-entered lead on 04-15 and mql on 04-20: its moves are lead 04-01 -> mql 04-05 -> sql 04-11.
    # With the later mql entry, mql -> sql would have been out of order; only K4's is.
    result = run(ws)
    assert gaps([("K2", "lead", "mql"), ("K2", "mql", "sql")]) == [4.0, 6.0]
    assert result.record("mql").out_of_order == 1
    assert result.record("lead").out_of_order == 0


def test_skipped_stages_are_counted_and_the_skip_is_measured(ws):
    result = run(ws)
    assert result.record("lead").skipped == 3  # K3, K10, K11 went from lead straight to sql
    skip = result.record("lead", "sql")
    assert (skip.kind, skip.skipped, skip.out_of_order) == ("skip", 0, 0)
    check(skip, gaps(LEAD_SQL_SKIPS))
    assert [r.kind for r in result.records] == ["step", "skip", "step", "step", "step", "total"]


def test_out_of_order_moves_are_counted_and_flagged_not_measured(ws):
    record = run(ws).record("mql")
    # K1, K2, K6 and K4, whose sql (04-06) is recorded before its mql (04-07): it made the move, but
    # a negative duration is no duration, so the quartiles are those of the other three.
    assert (record.n, record.out_of_order) == (4, 1)
    assert days(first("K4", "sql"), first("K4", "mql")) < 0
    assert record.median_days == statistics.median(gaps(MQL_SQL)) == 4.0


def test_lead_to_won_uses_the_won_deals_close(ws):
    total = run(ws).record("lead", "won")
    assert (total.kind, total.entered, total.n, total.skipped) == ("total", 13, 1, None)
    assert total.median_days == days(dt.datetime(2025, 5, 17), first("K1", "lead")) == 46.0


def test_standard_journey_chains_the_medians(ws):
    journey = run(ws).journey
    medians = [quartiles(gaps(m))[1] for m in (LEAD_MQL, MQL_SQL, SQL_OPP)] + [30.0]
    assert [s.median_days for s in journey.steps] == pytest.approx(medians)
    assert [s.cumulative_days for s in journey.steps] == pytest.approx([2.25, 6.25, 12.25, 42.25])
    assert journey.sum_of_medians == pytest.approx(42.25)
    assert (journey.total_n, journey.total_median_days) == (1, 46.0)
    # Measured from lead to each stage, whatever the path: sql is reached by 7 contacts.
    to_sql = gaps([(k, "lead", "sql") for k in ("K1", "K2", "K3", "K4", "K6", "K10", "K11")])
    step = journey.steps[1]
    assert step.from_lead_n == 7
    assert (step.from_lead_p25_days, step.from_lead_median_days, step.from_lead_p75_days) == pytest.approx(quartiles(to_sql))


def test_period_filters_on_the_from_stage_entry(ws):
    # FY2025 starts on 2025-04-01: K7 (lead 03-01, mql 03-09) leaves the lead and mql records.
    result = run(ws, period=parse_period("FY2025", 4))
    assert result.period == "FY2025"
    lead = result.record("lead")
    assert lead.entered == 12
    check(lead, gaps([m for m in LEAD_MQL if m[0] != "K7"]))
    assert result.record("mql").entered == 7
    assert run(ws, period=parse_period("FY2024", 4)).record("lead").n == 1


@pytest.mark.parametrize(
    ("by", "value", "from_stage", "moves", "entered", "skipped"),
    [
        ("channel", "ads", "lead", [("K1", "lead", "mql"), ("K2", "lead", "mql")], 2, 0),
        ("channel", "ads", "mql", [("K1", "mql", "sql"), ("K2", "mql", "sql")], 2, 0),
        ("channel", "referral", "lead", [("K6", "lead", "mql")], 4, 3),
        ("channel", "referral", "sql", [("K3", "sql", "opportunity"), ("K6", "sql", "opportunity")], 4, 0),
        # industry is reached through contacts -> accounts
        ("industry", "automotive", "lead", [(k, "lead", "mql") for k in ("K1", "K2", "K5", "K7", "K9")], 6, 0),
        ("industry", "food", "lead", [(k, "lead", "mql") for k in ("K4", "K6", "K13")], 7, 3),
        ("owner", "田中 亮", "lead", [("K4", "lead", "mql")], 4, 3),
    ],
)
def test_by_dimension(ws, by, value, from_stage, moves, entered, skipped):
    result = run(ws, by=by)
    record = result.record(from_stage, **{by: value})
    assert record.dimensions == {by: value}
    assert (record.entered, record.skipped) == (entered, skipped)
    check(record, gaps(moves))


def test_by_keeps_overall_records_and_a_journey_per_segment(ws):
    result = run(ws, by="channel")
    assert all(r.dimensions for r in result.records)
    assert result.record("lead").n == 8  # without dimensions: the overall record
    exhibition = result.record("mql", channel="exhibition")
    assert (exhibition.entered, exhibition.n, exhibition.median_days, exhibition.out_of_order) == (2, 1, None, 1)
    journeys = {j.dimensions["channel"]: j for j in result.journeys}
    assert sorted(journeys) == ["ads", "email", "exhibition", "referral", "seminar", "web_form"]
    assert (journeys["ads"].total_n, journeys["ads"].total_median_days) == (1, 46.0)
    assert journeys["referral"].total_n == 0 and journeys["referral"].total_median_days is None
    assert result.journey.sum_of_medians == pytest.approx(42.25)
    data = result.to_json_data()
    assert data["by"] == "channel" and data["records"][0]["channel"] == "ads"
    assert len(data["overall"]) == 6 and len(data["journeys"]) == 6
    json.dumps(data, default=str)


def test_deal_stages(ws):
    result = run(ws, deals=True)
    assert result.stages["deal"] == ["appointment", "valid", "proposal", "won"]
    appointment = result.record("appointment", entity="deal")
    assert (appointment.entered, appointment.skipped) == (3, 1)  # DK3 skipped valid
    check(appointment, gaps([("DK1", "appointment", "valid"), ("DK6", "appointment", "valid")], "deal"))
    check(result.record("appointment", "proposal", entity="deal"), gaps([("DK3", "appointment", "proposal")], "deal"))
    check(result.record("proposal", entity="deal"), [16.0])
    assert result.record("valid", entity="deal").entered == 2
    assert not any(r.entity == "deal" for r in run(ws).records)


def test_to_dict_and_frame(ws):
    result = run(ws)
    row = result.to_json_data()["records"][0]
    assert list(row)[:4] == ["entity", "kind", "from_stage", "to_stage"]
    assert {"n", "median_days", "p25_days", "p75_days", "skipped", "out_of_order"} <= set(row)
    assert result.to_json_data()["journey"]["total"]["median_days"] == 46.0
    try:
        import pandas  # noqa: F401, PLC0415
    except ImportError:
        with pytest.raises(KpiflowError, match="pip install pandas"):
            result.to_frame()
    else:
        assert list(result.to_frame()["n"]) == [r.n for r in result.records]


def test_unknown_dimension_suggests(ws):
    with pytest.raises(UnknownNameError, match="did you mean 'channel'"):
        run(ws, by="chanel")


def test_a_dimension_must_be_a_column(ws):
    # The name is resolved against the columns, never pasted into the SQL.
    with pytest.raises(UnknownNameError):
        run(ws, by="channel; DROP TABLE contacts")
    assert ws.con.execute("SELECT count(*) FROM contacts").fetchall()[0][0] == 13


# --- the lists --------------------------------------------------------------------------------


def test_as_of_defaults_to_the_latest_entry(ws):
    assert latest_entry(ws.engine) == AS_OF
    assert nurture_list(ws.engine, ws.model, columns=ws.columns()).as_of == AS_OF


def test_nurture_list(ws):
    result = nurture_list(ws.engine, ws.model, columns=ws.columns())
    # Standards: the median of the step out of the current stage (overall).
    standard = {"lead": 2.25, "mql": 4.0, "sql": 6.0, "opportunity": 30.0}
    current = {"K3": "opportunity", "K4": "sql", "K2": "sql", "K7": "mql", "K13": "mql", "K12": "lead"}
    # Later stages first, then the most overdue: K4 is 50 days over, K2 45; K7 80, K13 56.5.
    # Not listed: K1 (customer), K6 (only a lost deal), K5 (exactly 4.0 days in mql = the standard),
    # K8, K9, K10, K11 (within the standard).
    assert [r.contact_id for r in result.records] == ["K3", "K4", "K2", "K7", "K13", "K12"]
    for r in result.records:
        assert r.stage == current[r.contact_id]
        assert r.entered_at == first(r.contact_id, r.stage)
        assert r.days_in_stage == pytest.approx(days(AS_OF, r.entered_at))
        assert r.standard_days == standard[r.stage]
        assert r.days_in_stage > r.standard_days
    assert days(AS_OF, first("K5", "mql")) == 4.0
    k2 = result.records[2]
    assert (k2.account_id, k2.owner, k2.channel, k2.days_from_lead) == ("A1", "鈴木 美咲", "ads", 10.0)


def test_fast_list(ws):
    result = fast_list(ws.engine, ws.model, columns=ws.columns())
    # p25 of lead -> sql: 2.5 3 3 3 5 6 10 -> 3.0; K11 took 2.5 days, K10 exactly 3.0 (not listed).
    # p25 of lead -> mql: 0.9375; K9 took 0.75. K13 took 0.5 but has since overstayed mql (nurture list).
    assert [(r.contact_id, r.stage, r.days_from_lead, r.standard_days) for r in result.records] == [
        ("K11", "sql", 2.5, 3.0),
        ("K9", "mql", 0.75, 0.9375),
    ]
    to_sql = gaps([(k, "lead", "sql") for k in ("K1", "K2", "K3", "K4", "K6", "K10", "K11")])
    assert quartiles(to_sql)[0] == 3.0 and days(first("K10", "sql"), first("K10", "lead")) == 3.0
    assert result.records[0].days_in_stage == 1.5
    nurture = {r.contact_id for r in nurture_list(ws.engine, ws.model, columns=ws.columns()).records}
    assert not nurture & {r.contact_id for r in result.records}


def test_lists_by_segment_use_the_segments_standard(ws):
    nurture = nurture_list(ws.engine, ws.model, columns=ws.columns(), by="channel")
    # ads sql -> opportunity: K1 only, 10 days. web_form lead -> mql: K9 only, 0.75 days.
    # Segments without a measured step have no standard: K3, K4, K7, K13 are not listed.
    assert [(r.contact_id, r.standard_days, r.dimensions) for r in nurture.records] == [
        ("K2", 10.0, {"channel": "ads"}),
        ("K12", 0.75, {"channel": "web_form"}),
    ]
    fast = fast_list(ws.engine, ws.model, columns=ws.columns(), by="channel")
    # referral lead -> sql: 2.5 3 3 3 -> p25 2.875; exhibition lead -> mql: 2.5 (K5) 6 (K4) -> p25 3.375
    # (K5 has no exhibition mql -> sql standard to overstay); web_form lead -> mql: 0.75 alone, K9 is not below it.
    referral = [days(first(k, "sql"), first(k, "lead")) for k in ("K3", "K6", "K10", "K11")]
    assert quartiles(referral)[0] == 2.875
    assert quartiles(gaps([("K5", "lead", "mql"), ("K4", "lead", "mql")]))[0] == 3.375
    assert [(r.contact_id, r.standard_days) for r in fast.records] == [("K11", 2.875), ("K5", 3.375)]


def test_as_of_in_the_past_sees_only_what_was_known(ws):
    # On 2025-04-12 nobody has reached customer and contacts K5, K8-K12 do not exist yet. Steps known:
    # mql -> sql 4 (K1) 6 (K2, sql on 04-11) 2 (K6) -> median 4; sql -> opportunity 6 (K3) 2 (K6) -> median 4.
    as_of = dt.datetime(2025, 4, 12)
    result = nurture_list(ws.engine, ws.model, columns=ws.columns(), as_of=as_of)
    # K1: sql for 5 days (> 4); K4: sql for 6; K7, K13: mql for 34 and 10.5 days (> 4).
    # K2 has been in sql for 1 day; K3 and K6 are at opportunity, with no standard yet.
    assert [(r.contact_id, r.stage, r.standard_days) for r in result.records] == [
        ("K4", "sql", 4.0),
        ("K1", "sql", 4.0),
        ("K7", "mql", 4.0),
        ("K13", "mql", 4.0),
    ]
    assert [r.days_in_stage for r in result.records] == [days(as_of, r.entered_at) for r in result.records] == [6, 5, 34, 10.5]


def test_a_deal_lost_after_as_of_is_still_open(ws):
    # On 2025-05-18 K1 has just become a customer (opportunity -> customer: 30 days); K6's deal is lost
    # only on 05-20, so K6 (at opportunity since 04-08) is still an open lead that overstayed.
    as_of = dt.datetime(2025, 5, 18)
    before = nurture_list(ws.engine, ws.model, columns=ws.columns(), as_of=as_of)
    assert [(r.contact_id, r.days_in_stage, r.standard_days) for r in before.records if r.stage == "opportunity"] == [
        ("K6", 40.0, 30.0),
        ("K3", 37.0, 30.0),
    ]
    after = nurture_list(ws.engine, ws.model, columns=ws.columns())
    assert "K6" not in {r.contact_id for r in after.records}


def test_write_csv_is_utf8_with_bom_and_defuses_formulas(ws, tmp_path):
    path = nurture_list(ws.engine, ws.model, columns=ws.columns()).write_csv(tmp_path / "nurture.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == [
        "contact_id",
        "account_id",
        "stage",
        "entered_at",
        "days_in_stage",
        "days_from_lead",
        "standard_days",
        "owner",
        "channel",
    ]
    owners = {r["contact_id"]: r["owner"] for r in rows}
    assert owners == {"K3": "田中 亮", "K4": "田中 亮", "K2": "鈴木 美咲", "K7": "'@SUM(A1)", "K13": "'-x", "K12": "'=1+2"}
    assert rows[0]["entered_at"] == "2025-04-11 00:00:00" and float(rows[0]["days_in_stage"]) == 51.0


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+81-3-1234-5678", "'+81-3-1234-5678"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("a=b", "a=b"),
        ("東和", "東和"),
        (-1.5, "-1.5"),  # numbers stay numbers
        (None, ""),
    ],
)
def test_csv_cells(tmp_path, cell, written):
    path = write_csv(tmp_path / "x.csv", ["value"], [[cell]])
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    assert rows == [["value"], [written]]


def test_fast_list_with_by_adds_the_dimension_column(ws, tmp_path):
    result = fast_list(ws.engine, ws.model, columns=ws.columns(), by="industry")
    path = result.write_csv(tmp_path / "fast.csv")
    header = next(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    assert header[-1] == "industry"
    assert all("industry" in r for r in result.to_json_data())


def test_empty_workspace(tmp_path):
    empty = kpiflow.init(str(tmp_path / "e"), lang="en")
    try:
        result = run(empty)
        assert result.record("lead").n == 0 and result.record("lead").median_days is None
        assert result.journey.sum_of_medians is None
        listed = nurture_list(empty.engine, empty.model, columns=empty.columns())
        assert listed.as_of is None and listed.records == []
    finally:
        empty.close()


# --- the demo ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    workspace = open_shared_demo("small", "en")
    yield workspace
    workspace.close()


def test_demo_velocity_matches_docs(demo):
    result = velocity(demo.engine, demo.model, columns=demo.columns(), deals=True)
    journey = result.journey
    # docs/demo.md: median lead -> opportunity 68 days (default size); stage gaps log-normal with
    # medians lead -> MQL 10, MQL -> SQL 19, SQL -> opportunity 28, opportunity -> close 48 + 3.
    assert 50 <= journey.steps[2].from_lead_median_days <= 90
    lead, mql, sql, opportunity = (s.median_days for s in journey.steps)
    assert 7 <= lead <= 14 and 14 <= mql <= 28 and 20 <= sql <= 38 and 35 <= opportunity <= 70
    # Customer is entered at the won deal's close, so lead -> customer is lead -> won.
    assert journey.total_n == journey.steps[3].from_lead_n > 0
    assert journey.total_median_days == pytest.approx(journey.steps[3].from_lead_median_days, rel=0.02)
    assert journey.total_median_days > journey.steps[2].from_lead_median_days
    # Planted data-quality issues (exact counts at small size): 13 referral contacts skip MQL,
    # 4 contacts have mql after sql, 3 deals have valid after proposal.
    assert result.record("lead").skipped == 13
    assert result.record("mql").out_of_order == 4
    assert result.record("valid", entity="deal").out_of_order == 3
    # Effect 2: ads MQLs rarely reach SQL.
    by_channel = velocity(demo.engine, demo.model, columns=demo.columns(), by="channel")
    share = {r.dimensions["channel"]: r.n / r.entered for r in by_channel.records if r.kind == "step" and r.from_stage == "mql"}
    assert min(share, key=share.get) == "ads" and share["ads"] < 0.15


def test_demo_lists(demo):
    as_of = latest_entry(demo.engine)
    assert as_of.date() == dt.date(2026, 3, 31)
    nurture = nurture_list(demo.engine, demo.model, columns=demo.columns())
    fast = fast_list(demo.engine, demo.model, columns=demo.columns())
    assert nurture.records and fast.records
    assert not {r.contact_id for r in nurture.records} & {r.contact_id for r in fast.records}
    assert all(r.stage != "customer" and r.days_in_stage > r.standard_days for r in nurture.records)
    assert all(r.stage != "lead" and r.days_from_lead < r.standard_days for r in fast.records)
    # No listed contact has a won deal, or only lost ones.
    listed = [r.contact_id for r in nurture.records + fast.records]
    closed = demo.con.execute(
        """SELECT contact_id FROM deals WHERE contact_id IN (SELECT unnest(?)) GROUP BY contact_id
           HAVING bool_or(outcome = 'won') OR bool_and(outcome = 'lost')""",
        [listed],
    ).fetchall()
    assert closed == []


@pytest.mark.parametrize("by", [None, "channel", "industry"])
def test_demo_list_standards_are_velocitys(demo, by):
    # The lists compute their standards in their own query; they must be velocity's numbers: the
    # median of the step out of the current stage and the p25 of the time from lead to it.
    result = velocity(demo.engine, demo.model, columns=demo.columns(), by=by)
    journeys = {tuple(j.dimensions.items()): j for j in (result.journeys if by else [result.journey])}
    nurture = nurture_list(demo.engine, demo.model, columns=demo.columns(), by=by)
    fast = fast_list(demo.engine, demo.model, columns=demo.columns(), by=by)
    assert nurture.records and fast.records
    for r in nurture.records:
        assert r.standard_days == pytest.approx(result.record(r.stage, **r.dimensions).median_days, rel=1e-12, abs=0)
    for r in fast.records:
        step = next(s for s in journeys[tuple(r.dimensions.items())].steps if s.to_stage == r.stage)
        assert r.standard_days == pytest.approx(step.from_lead_p25_days, rel=1e-12, abs=0)
