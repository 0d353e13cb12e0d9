"""Presets (hubspot, salesforce, eight, ga4) on the anonymised sample exports in examples/.

Every expected value is read from the sample file itself (csv module, pyarrow) or written here by
hand next to the raw text it comes from, never taken from the loader's own output.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import importlib.util
import json
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

import kpiflow
from conftest import EXAMPLES, empty_workspace
from kpiflow.cli import app
from kpiflow.errors import LoadError, UnknownNameError
from kpiflow.io.mapping import presets

PRESETS = Path(kpiflow.__file__).parent / "io" / "presets"
ENCODING = {"utf-8": "utf-8-sig", "cp932": "cp932"}
runner = CliRunner()


def csv_rows(name: str, encoding: str) -> list[dict[str, str]]:
    with (EXAMPLES / name).open(encoding=ENCODING[encoding], newline="") as f:
        return list(csv.DictReader(f))


def ga4_events() -> list[dict]:
    pq = pytest.importorskip("pyarrow.parquet")
    return pq.read_table(EXAMPLES / "ga4" / "events_20250401.parquet").to_pylist()


def load_samples_module():
    spec = importlib.util.spec_from_file_location("make_samples", EXAMPLES / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def one(ws, query: str, *params):
    rows = ws.con.execute(query, list(params)).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


# (sample, table, preset, encoding the loader must detect) -- the row count comes from the file.
SAMPLES = [
    ("hubspot/companies_ja.csv", "accounts", "hubspot", "utf-8"),
    ("hubspot/contacts_ja.csv", "contacts", "hubspot", "utf-8"),
    ("hubspot/contacts_en.csv", "contacts", "hubspot", "utf-8"),
    ("hubspot/deals_ja.csv", "deals", "hubspot", "utf-8"),
    ("hubspot/deals_en.csv", "deals", "hubspot", "utf-8"),
    ("salesforce/accounts_ja.csv", "accounts", "salesforce", "cp932"),
    ("salesforce/leads_ja.csv", "contacts", "salesforce", "cp932"),
    ("salesforce/opportunities_ja.csv", "deals", "salesforce", "cp932"),
    ("salesforce/opportunities_en.xlsx", "deals", "salesforce", "-"),
    ("eight/eight_cards.csv", "contacts", "eight", "cp932"),
    ("ga4/events_20250401.parquet", "touchpoints", "ga4", "-"),
]


def expected_rows(name: str, encoding: str) -> int:
    if name.endswith(".csv"):
        return len(csv_rows(name, encoding))
    if name.endswith(".xlsx"):
        return len(load_samples_module().SALESFORCE_OPPORTUNITIES_EN)
    # GA4: session_start and first_visit are not loaded (they repeat the session's first page_view)
    return sum(e["event_name"] not in ("session_start", "first_visit") for e in ga4_events())


def test_presets_and_their_tables():
    assert presets() == {
        "eight": ["contacts"],
        "ga4": ["touchpoints"],
        "hubspot": ["accounts", "contacts", "deals"],
        "salesforce": ["accounts", "contacts", "deals"],
    }


@pytest.mark.parametrize("preset", ["hubspot", "salesforce", "eight", "ga4"])
def test_every_preset_has_a_readme_naming_its_tables_and_samples(preset):
    readme = (PRESETS / preset / "README.md").read_text(encoding="utf-8")
    for table in presets()[preset]:
        assert f"{table}.yaml" in readme
    for sample in (EXAMPLES / preset).iterdir():
        assert sample.name in readme, f"{preset}/README.md does not mention examples/{preset}/{sample.name}"


@pytest.mark.parametrize(("sample", "table", "preset", "encoding"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_sample_loads_through_the_api(loads, sample, table, preset, encoding):
    ws, result = loads(sample)
    n = expected_rows(sample, encoding)
    assert (result.rows, result.table_rows, result.encoding) == (n, n, encoding)
    assert ws.table_rows()[table] == n


@pytest.mark.parametrize(("sample", "table", "preset", "encoding"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_sample_loads_through_the_cli(tmp_path, sample, table, preset, encoding):
    workspace = tmp_path / "ws"
    empty_workspace(workspace, "en").close()  # `kpiflow init` has its own tests (test_cli.py)
    args = ["load", str(EXAMPLES / sample), "--table", table, "--preset", preset, "-w", str(workspace), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    n = expected_rows(sample, encoding)
    assert (payload["rows"], payload["table_rows"], payload["table"]) == (n, n, table)


def test_wrong_table_names_the_tables_the_preset_loads(ws):
    with pytest.raises(
        UnknownNameError, match=r"preset 'hubspot' has no mapping for table 'touchpoints'; it loads: accounts, contacts, deals"
    ):
        ws.load(EXAMPLES / "hubspot" / "deals_ja.csv", "touchpoints", preset="hubspot")
    with pytest.raises(UnknownNameError, match=r"it loads: contacts$"):
        ws.load(EXAMPLES / "eight" / "eight_cards.csv", "accounts", preset="eight")


def test_wrong_table_through_the_cli(tmp_path):
    workspace = tmp_path / "ws"
    empty_workspace(workspace, "en").close()
    args = [
        "load",
        str(EXAMPLES / "ga4" / "events_20250401.parquet"),
        "--table",
        "deals",
        "--preset",
        "ga4",
        "-w",
        str(workspace),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "preset 'ga4' has no mapping for table 'deals'; it loads: touchpoints" in result.output
    assert "Traceback" not in result.output


# --- HubSpot -----------------------------------------------------------------------------------


def jst(text: str, fmt: str) -> dt.datetime:
    """The workspace's wall clock for a local date written with `fmt` (after NFKC)."""
    return dt.datetime.strptime(unicodedata.normalize("NFKC", text), fmt)


def excel_serial(text: str) -> dt.datetime:
    return dt.datetime(1899, 12, 30) + dt.timedelta(days=float(text))


# (sample, table, key column in the file, key, source column, raw text, canonical column, expected)
HUBSPOT_SPOTS = [
    ("hubspot/companies_ja.csv", "accounts", "レコードID", "9001002", "従業員数", "３５０", "employees", 350),
    ("hubspot/companies_ja.csv", "accounts", "レコードID", "9001007", "従業員数", "1.2万", "employees", 12_000),
    ("hubspot/companies_ja.csv", "accounts", "レコードID", "9001001", "ターゲットアカウント", "はい", "is_target", True),
    ("hubspot/companies_ja.csv", "accounts", "レコードID", "9001005", "作成日", "45500", "created_at", excel_serial("45500")),
    (
        "hubspot/companies_ja.csv",
        "accounts",
        "レコードID",
        "9001002",
        "作成日",
        "2024年5月14日",
        "created_at",
        dt.datetime(2024, 5, 14),
    ),
    (
        "hubspot/contacts_ja.csv",
        "contacts",
        "レコードID",
        "1003",
        "作成日",
        "２０２５/０４/０５\u3000１０:００",
        "created_at",
        jst("２０２５/０４/０５\u3000１０:００", "%Y/%m/%d %H:%M"),
    ),
    ("hubspot/contacts_ja.csv", "contacts", "レコードID", "1003", "オリジナルソース", "検索連動型広告", "channel", "paid_search"),
    # the campaign is in drill-down 1 for paid search, e-mail and other campaigns ...
    (
        "hubspot/contacts_ja.csv",
        "contacts",
        "レコードID",
        "1003",
        "オリジナルソースの詳細1",
        "プレス機_指名",
        "campaign",
        "プレス機_指名",
    ),
    (
        "hubspot/contacts_ja.csv",
        "contacts",
        "レコードID",
        "1004",
        "オリジナルソースの詳細1",
        "2025年4月号",
        "campaign",
        "2025年4月号",
    ),
    (
        "hubspot/contacts_ja.csv",
        "contacts",
        "レコードID",
        "1008",
        "オリジナルソースの詳細1",
        "セミナー_202504",
        "campaign",
        "セミナー_202504",
    ),
    # ... in drill-down 2 (the import) for offline sources ...
    (
        "hubspot/contacts_ja.csv",
        "contacts",
        "レコードID",
        "1001",
        "オリジナルソースの詳細2",
        "FOOMA JAPAN 2024 名刺",
        "campaign",
        "FOOMA JAPAN 2024 名刺",
    ),
    # ... and there is none for organic search (drill-downs: search term, engine) or referrals
    ("hubspot/contacts_ja.csv", "contacts", "レコードID", "1002", "オリジナルソースの詳細2", "google", "campaign", None),
    (
        "hubspot/contacts_ja.csv",
        "contacts",
        "レコードID",
        "1005",
        "オリジナルソースの詳細1",
        "partner.example.jp",
        "campaign",
        None,
    ),
    ("hubspot/contacts_ja.csv", "contacts", "レコードID", "1005", "作成日", "45757.375", "created_at", excel_serial("45757.375")),
    ("hubspot/contacts_ja.csv", "contacts", "レコードID", "1005", "Eメール", "", "email", None),
    (
        "hubspot/contacts_ja.csv",
        "contacts",
        "レコードID",
        "1008",
        "作成日",
        "2025年4月18日 13時00分",
        "created_at",
        dt.datetime(2025, 4, 18, 13),
    ),
    ("hubspot/contacts_ja.csv", "contacts", "レコードID", "1009", "オリジナルソース", "ｵｰｶﾞﾆｯｸ検索", "channel", "organic_search"),
    ("hubspot/contacts_ja.csv", "contacts", "レコードID", "1010", "オリジナルソース", "オフラインソース", "channel", "offline"),
    ("hubspot/contacts_ja.csv", "contacts", "レコードID", "1009", "プライマリーの関連会社ID", "", "account_id", None),
    (
        "hubspot/contacts_en.csv",
        "contacts",
        "Record ID",
        "2002",
        "Original Source Drill-Down 1",
        "cpc_brand_2025",
        "campaign",
        "cpc_brand_2025",
    ),
    (
        "hubspot/contacts_en.csv",
        "contacts",
        "Record ID",
        "2005",
        "Original Source Drill-Down 2",
        "FOOMA JAPAN 2025",
        "campaign",
        "FOOMA JAPAN 2025",
    ),
    ("hubspot/contacts_en.csv", "contacts", "Record ID", "2001", "Original Source Drill-Down 2", "google", "campaign", None),
    (
        "hubspot/contacts_en.csv",
        "contacts",
        "Record ID",
        "2005",
        "Create Date",
        "2025-06-10 13:20",
        "created_at",
        dt.datetime(2025, 6, 10, 13, 20),
    ),
    ("hubspot/contacts_en.csv", "contacts", "Record ID", "2004", "Original Source", "Referrals", "channel", "referral"),
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5002", "金額", "850万円", "amount", Decimal("8500000")),
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5002", "取引ステージ", "失注", "outcome", "lost"),
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5002", "クローズ日", "2025/7/15", "closed_at", dt.datetime(2025, 7, 15)),
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5002", "失注理由", "価格", "loss_reason", "価格"),
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5003", "金額", "３，５００，０００", "amount", Decimal("3500000")),
    # an open deal: HubSpot's close date is a forecast, not a closing
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5003", "クローズ日", "2025/09/30", "closed_at", None),
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5003", "取引ステージ", "プレゼン予定済み", "outcome", "open"),
    # a stage the team renamed: 受注 is a won stage too
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5005", "取引ステージ", "受注", "outcome", "won"),
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5005", "クローズ日", "2025年7月1日", "closed_at", dt.datetime(2025, 7, 1)),
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5010", "金額", "1億2000万円", "amount", Decimal("120000000")),
    ("hubspot/deals_ja.csv", "deals", "レコードID", "5004", "金額", "", "amount", None),
    ("hubspot/deals_en.csv", "deals", "Record ID", "6006", "Amount", "¥15,400,000", "amount", Decimal("15400000")),
    ("hubspot/deals_en.csv", "deals", "Record ID", "6006", "Deal Stage", "Closed Won", "outcome", "won"),
    (
        "hubspot/deals_en.csv",
        "deals",
        "Record ID",
        "6001",
        "Close Date",
        "2025-07-31 00:00",
        "closed_at",
        dt.datetime(2025, 7, 31),
    ),
    ("hubspot/deals_en.csv", "deals", "Record ID", "6002", "Closed Lost Reason", "Budget", "loss_reason", "Budget"),
    ("hubspot/deals_en.csv", "deals", "Record ID", "6005", "Deal Stage", "Qualified To Buy", "outcome", "open"),
    (
        "hubspot/deals_en.csv",
        "deals",
        "Record ID",
        "6003",
        "Create Date",
        "2025-05-20 15:45",
        "created_at",
        dt.datetime(2025, 5, 20, 15, 45),
    ),
]

KEYS = {"accounts": "account_id", "contacts": "contact_id", "deals": "deal_id"}


@pytest.fixture(scope="module")
def loads(tmp_path_factory):
    """sample -> a new workspace with that sample loaded through its preset, and the load's result
    (each sample loaded once for the module; the tests only read these workspaces)."""
    made = {}

    def get(sample: str):
        if sample not in made:
            _, table, preset, _ = next(s for s in SAMPLES if s[0] == sample)
            ws = empty_workspace(tmp_path_factory.mktemp("ws") / "ws", "en")
            made[sample] = ws, ws.load(EXAMPLES / sample, table, preset=preset)
        return made[sample]

    yield get
    for ws, _ in made.values():
        ws.close()


@pytest.fixture(scope="module")
def loaded(loads):
    """sample -> the workspace with that sample loaded (see `loads`)."""
    return lambda sample: loads(sample)[0]


def check_spot(loaded, sample, table, key_column, key, column, raw, canonical, expected):
    encoding = {s[0]: s[3] for s in SAMPLES}[sample]
    row = next(r for r in csv_rows(sample, encoding) if r[key_column] == key)
    assert row[column] == raw, "the sample no longer holds the text this case is about"
    assert one(loaded(sample), f'SELECT "{canonical}" FROM {table} WHERE {KEYS[table]} = ?', key)[0] == expected


@pytest.mark.parametrize(("sample", "table", "key_column", "key", "column", "raw", "canonical", "expected"), HUBSPOT_SPOTS)
def test_hubspot_values(loaded, sample, table, key_column, key, column, raw, canonical, expected):
    check_spot(loaded, sample, table, key_column, key, column, raw, canonical, expected)


def test_hubspot_outcome_follows_the_stage_for_every_deal(ws):
    won = {"成約", "受注", "Closed Won"}
    lost = {"失注", "Closed Lost"}
    for sample in ("hubspot/deals_ja.csv", "hubspot/deals_en.csv"):
        ws.load(EXAMPLES / sample, "deals", preset="hubspot")
        stage_column = "取引ステージ" if sample.endswith("_ja.csv") else "Deal Stage"
        for row in csv_rows(sample, "utf-8"):
            key = row.get("レコードID") or row["Record ID"]
            outcome, closed_at = one(ws, "SELECT outcome, closed_at FROM deals WHERE deal_id = ?", key)
            stage = row[stage_column]
            assert outcome == ("won" if stage in won else "lost" if stage in lost else "open"), key
            assert (closed_at is None) == (outcome == "open"), key


def test_hubspot_keeps_both_source_drill_downs(loaded):
    ws = loaded("hubspot/contacts_en.csv")
    assert one(
        ws,
        "SELECT original_source_drill_down_1, original_source_drill_down_2, campaign FROM contacts WHERE contact_id = ?",
        "2001",
    ) == ("servo press price", "google", None)


def test_hubspot_keeps_unmapped_columns_and_the_raw_close_date(ws):
    result = ws.load(EXAMPLES / "hubspot" / "deals_ja.csv", "deals", preset="hubspot")
    assert result.extra_columns == ["取引名", "パイプライン", "クローズ日"]
    assert one(ws, 'SELECT "クローズ日", "パイプライン" FROM deals WHERE deal_id = ?', "5003") == (
        "2025/09/30",
        "営業パイプライン",
    )


def test_hubspot_deals_without_a_stage_column_are_refused_and_nothing_changes(ws, tmp_path):
    ws.load(EXAMPLES / "hubspot" / "deals_en.csv", "deals", preset="hubspot")
    bad = tmp_path / "deals.csv"
    bad.write_text("Record ID,Deal Name,Amount,Create Date\n1,X,100,2025-04-01\n", encoding="utf-8-sig")
    with pytest.raises(LoadError, match="deal stage"):
        ws.load(bad, "deals", preset="hubspot")
    assert ws.table_rows()["deals"] == len(csv_rows("hubspot/deals_en.csv", "utf-8"))


def test_hubspot_workspace_passes_check_with_the_one_deal_closed_before_it_was_created(ws):
    ws.load(EXAMPLES / "hubspot" / "companies_ja.csv", "accounts", preset="hubspot")
    ws.load(EXAMPLES / "hubspot" / "contacts_ja.csv", "contacts", preset="hubspot")
    ws.load(EXAMPLES / "hubspot" / "contacts_en.csv", "contacts", preset="hubspot", mode="append")
    first = ws.load(EXAMPLES / "hubspot" / "deals_ja.csv", "deals", preset="hubspot")
    ws.load(EXAMPLES / "hubspot" / "deals_en.csv", "deals", preset="hubspot", mode="append")
    # GA4's user_id is the HubSpot contact ID of a visitor who signed in (1003).
    ws.load(EXAMPLES / "ga4" / "events_20250401.parquet", "touchpoints", preset="ga4")
    report = ws.check()
    assert report.ok, report.violations
    assert [(f.table, f.kind, f.count) for f in report.warnings] == [("deals", "closed_before_created", 1)]
    # deal 5009 was closed on 2025/06/20 but created on 2025/06/25: loaded, and said out loud
    row = next(r for r in csv_rows("hubspot/deals_ja.csv", "utf-8") if r["レコードID"] == "5009")
    assert (row["クローズ日"], row["作成日"]) == ("2025/06/20", "2025/06/25")
    assert first.warnings == ["1 deal(s) closed before they were created (e.g. 5009)."]


def test_hubspot_lifecycle_dates_to_stage_history(ws):
    contacts = csv_rows("hubspot/contacts_en.csv", "utf-8")
    ws.load(EXAMPLES / "hubspot" / "companies_ja.csv", "accounts", preset="hubspot")
    ws.load(EXAMPLES / "hubspot" / "contacts_en.csv", "contacts", preset="hubspot")
    for stage, column, mode in (
        ("mql", "Became a Marketing Qualified Lead Date", "replace"),
        ("sql", "Became a Sales Qualified Lead Date", "append"),
    ):
        result = ws.load(
            EXAMPLES / "hubspot" / "contacts_en.csv",
            "stage_history",
            mode=mode,
            mapping=EXAMPLES / "hubspot" / f"stage_history_{stage}.yaml",
        )
        dated = {r["Record ID"]: dt.datetime.strptime(r[column], "%Y-%m-%d %H:%M") for r in contacts if r[column]}
        assert result.rows == len(dated) and result.warnings == [
            f"{len(contacts) - len(dated)} row(s) skipped by the mapping's where condition."
        ]
        loaded = ws.con.execute("SELECT entity_id, entered_at FROM stage_history WHERE entity = 'contact' AND stage = ?", [stage])
        assert dict(loaded.fetchall()) == dated
    report = ws.check()
    assert report.ok and report.warnings == []


# --- Salesforce --------------------------------------------------------------------------------

SALESFORCE_SPOTS = [
    ("salesforce/accounts_ja.csv", "accounts", "取引先 ID", "001Q50000004AbCQAU", "従業員数", "１，５００", "employees", 1500),
    (
        "salesforce/accounts_ja.csv",
        "accounts",
        "取引先 ID",
        "001Q50000003AbCQAU",
        "取引先名",
        "㈱さくらエレクトロニクス",
        "name",
        "(株)さくらエレクトロニクス",
    ),
    (
        "salesforce/accounts_ja.csv",
        "accounts",
        "取引先 ID",
        "001Q50000003AbCQAU",
        "作成日",
        "2023/7/10 9:00",
        "created_at",
        dt.datetime(2023, 7, 10, 9),
    ),
    (
        "salesforce/accounts_ja.csv",
        "accounts",
        "取引先 ID",
        "001Q50000005AbCQAU",
        "取引先名",
        "株式会社髙島製作所",
        "name",
        "株式会社髙島製作所",
    ),
    (
        "salesforce/leads_ja.csv",
        "contacts",
        "リード ID",
        "00QQ50000004AbCQAU",
        "作成日",
        "令和7年4月4日",
        "created_at",
        dt.datetime(2025, 4, 4),
    ),
    (
        "salesforce/leads_ja.csv",
        "contacts",
        "リード ID",
        "00QQ50000006AbCQAU",
        "作成日",
        "２０２５/０４/１０",
        "created_at",
        dt.datetime(2025, 4, 10),
    ),
    ("salesforce/leads_ja.csv", "contacts", "リード ID", "00QQ50000001AbCQAU", "リードソース", "展示会", "channel", "exhibition"),
    ("salesforce/leads_ja.csv", "contacts", "リード ID", "00QQ50000007AbCQAU", "リードソース", "その他", "channel", "other"),
    ("salesforce/leads_ja.csv", "contacts", "リード ID", "00QQ50000008AbCQAU", "リードソース", "", "channel", None),
    ("salesforce/leads_ja.csv", "contacts", "リード ID", "00QQ50000001AbCQAU", "リード所有者", "高橋 一郎", "owner", "高橋 一郎"),
    (
        "salesforce/opportunities_ja.csv",
        "deals",
        "商談 ID",
        "006Q50000001AbCQAU",
        "金額",
        "￥12,000,000",
        "amount",
        Decimal("12000000"),
    ),
    ("salesforce/opportunities_ja.csv", "deals", "商談 ID", "006Q50000001AbCQAU", "フェーズ", "成立", "outcome", "won"),
    (
        "salesforce/opportunities_ja.csv",
        "deals",
        "商談 ID",
        "006Q50000001AbCQAU",
        "完了予定日",
        "2025/06/30",
        "closed_at",
        dt.datetime(2025, 6, 30),
    ),
    ("salesforce/opportunities_ja.csv", "deals", "商談 ID", "006Q50000002AbCQAU", "フェーズ", "不成立", "outcome", "lost"),
    (
        "salesforce/opportunities_ja.csv",
        "deals",
        "商談 ID",
        "006Q50000002AbCQAU",
        "金額",
        "850万円",
        "amount",
        Decimal("8500000"),
    ),
    (
        "salesforce/opportunities_ja.csv",
        "deals",
        "商談 ID",
        "006Q50000003AbCQAU",
        "作成日",
        "2025年4月21日",
        "created_at",
        dt.datetime(2025, 4, 21),
    ),
    ("salesforce/opportunities_ja.csv", "deals", "商談 ID", "006Q50000003AbCQAU", "完了予定日", "2025/09/30", "closed_at", None),
    ("salesforce/opportunities_ja.csv", "deals", "商談 ID", "006Q50000005AbCQAU", "フェーズ", "受注", "outcome", "won"),
    (
        "salesforce/opportunities_ja.csv",
        "deals",
        "商談 ID",
        "006Q50000006AbCQAU",
        "金額",
        "２４００万",
        "amount",
        Decimal("24000000"),
    ),
    ("salesforce/opportunities_ja.csv", "deals", "商談 ID", "006Q50000007AbCQAU", "失注理由", "競合", "loss_reason", "競合"),
    (
        "salesforce/opportunities_ja.csv",
        "deals",
        "商談 ID",
        "006Q50000004AbCQAU",
        "リードソース",
        "電話問い合わせ",
        "channel",
        "phone_inquiry",
    ),
    (
        "salesforce/opportunities_ja.csv",
        "deals",
        "商談 ID",
        "006Q50000002AbCQAU",
        "取引先 ID",
        "001Q50000002AbCQAU",
        "account_id",
        "001Q50000002AbCQAU",
    ),
]


@pytest.mark.parametrize(("sample", "table", "key_column", "key", "column", "raw", "canonical", "expected"), SALESFORCE_SPOTS)
def test_salesforce_values(loaded, sample, table, key_column, key, column, raw, canonical, expected):
    check_spot(loaded, sample, table, key_column, key, column, raw, canonical, expected)


def test_salesforce_english_workbook(ws):
    samples = load_samples_module()
    header = samples.SALESFORCE_OPPORTUNITIES_EN_HEADER
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in samples.SALESFORCE_OPPORTUNITIES_EN}
    ws.load(EXAMPLES / "salesforce" / "opportunities_en.xlsx", "deals", preset="salesforce")
    won = rows["006Q50000009AbCQAU"]  # real date and number cells
    assert (won["Stage"], won["Amount"], won["Close Date"]) == ("Closed Won", 8_600_000, dt.date(2025, 7, 18))
    assert one(
        ws, "SELECT outcome, amount, closed_at, created_at, channel FROM deals WHERE deal_id = ?", won["Opportunity ID"]
    ) == ("won", Decimal("8600000"), dt.datetime(2025, 7, 18), dt.datetime(2025, 5, 9), "exhibition")
    typed = rows["006Q50000011AbCQAU"]  # text a user typed over the cells: ¥ amount, en_US date
    assert (typed["Amount"], typed["Created Date"]) == ("¥2,400,000", "5/20/2025")
    assert one(ws, "SELECT outcome, amount, created_at, closed_at FROM deals WHERE deal_id = ?", typed["Opportunity ID"]) == (
        "open",
        Decimal("2400000"),
        dt.datetime(2025, 5, 20),
        None,
    )
    stamp = rows["006Q50000012AbCQAU"]  # a date-time cell
    assert one(ws, "SELECT created_at FROM deals WHERE deal_id = ?", stamp["Opportunity ID"])[0] == stamp["Created Date"]
    lost = rows["006Q50000010AbCQAU"]
    assert one(ws, "SELECT outcome, amount FROM deals WHERE deal_id = ?", lost["Opportunity ID"]) == ("lost", Decimal("0"))


def test_salesforce_workspace_passes_check(ws):
    ws.load(EXAMPLES / "salesforce" / "accounts_ja.csv", "accounts", preset="salesforce")
    ws.load(EXAMPLES / "salesforce" / "leads_ja.csv", "contacts", preset="salesforce")
    ws.load(EXAMPLES / "salesforce" / "opportunities_ja.csv", "deals", preset="salesforce")
    ws.load(EXAMPLES / "salesforce" / "opportunities_en.xlsx", "deals", preset="salesforce", mode="append")
    report = ws.check()
    assert report.ok, report.violations
    assert report.warnings == []


# --- Eight -------------------------------------------------------------------------------------


def eight_id(row: dict[str, str]) -> str:
    basis = row["e-mail"].strip() or "|".join(v for v in (row["会社名"], row["姓"], row["名"]) if v)
    return "eight-" + hashlib.md5(basis.strip().lower().encode("utf-8")).hexdigest()[:16]


def test_eight_same_person_twice_is_refused_naming_both_lines(ws, tmp_path):
    cards = (EXAMPLES / "eight" / "eight_cards.csv").read_bytes().splitlines(keepends=True)
    twice = tmp_path / "eight_twice.csv"
    twice.write_bytes(b"".join([*cards, cards[1]]))  # the first card again, at the end
    with pytest.raises(LoadError, match=rf"line {len(cards) + 1}.*line 2"):
        ws.load(twice, "contacts", preset="eight")
    assert ws.table_rows()["contacts"] == 0


def test_eight_cards(ws):
    cards = csv_rows("eight/eight_cards.csv", "cp932")
    ws.load(EXAMPLES / "eight" / "eight_cards.csv", "contacts", preset="eight")
    loaded = {
        r[0]: r[1:] for r in ws.con.execute("SELECT contact_id, created_at, email, job_title, channel FROM contacts").fetchall()
    }
    assert set(loaded) == {eight_id(c) for c in cards}
    by_name = {(c["姓"], c["名"]): c for c in cards}
    morita = by_name["森田", "優子"]
    assert loaded[eight_id(morita)] == (dt.datetime(2025, 6, 11), "Y.Morita@sakura-elec.example.jp", "部長", "business_card")
    ishii = by_name["石井", "亮"]  # no e-mail: the ID comes from company and name
    assert ishii["e-mail"] == "" and loaded[eight_id(ishii)][1] is None
    takahashi = by_name["髙橋", "和也"]  # full-width date, no title
    assert takahashi["名刺交換日"] == "２０２５/０６/１２"
    assert loaded[eight_id(takahashi)][0] == dt.datetime(2025, 6, 12) and loaded[eight_id(takahashi)][2] is None
    # the "my tag" columns stay, so exhibition leads can be told apart
    assert one(ws, "SELECT fooma2025 FROM contacts WHERE contact_id = ?", eight_id(morita))[0] == "1"


# --- GA4 ---------------------------------------------------------------------------------------


def param(event: dict, key: str):
    for p in event["event_params"]:
        if p["key"] == key:
            v = p["value"]
            return next((v[k] for k in ("string_value", "int_value", "double_value", "float_value") if v[k] is not None), None)
    return None


def tokyo(microseconds: int) -> dt.datetime:
    """GA4's event_timestamp (microseconds since the epoch, UTC) on a Tokyo wall clock (UTC+9, no DST)."""
    return dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=microseconds) + dt.timedelta(hours=9)


def test_ga4_events(ws):
    events = ga4_events()
    ws.load(EXAMPLES / "ga4" / "events_20250401.parquet", "touchpoints", preset="ga4")
    rows = ws.con.execute(
        "SELECT occurred_at, type, anonymous_id, contact_id, session_id, content_id, channel, campaign, dwell_seconds, scroll_pct "
        "FROM touchpoints ORDER BY occurred_at, type"
    ).fetchall()
    assert len(rows) == len([e for e in events if e["event_name"] not in ("session_start", "first_visit")])

    landing = next(e for e in events if e["event_name"] == "page_view")
    assert landing["event_timestamp"] == 1743435000123456  # 2025-03-31 15:30:00.123456 UTC
    expected_time = tokyo(landing["event_timestamp"])
    assert expected_time == dt.datetime(2025, 4, 1, 0, 30, 0, 123456)  # the next day in Tokyo
    session = f"{landing['user_pseudo_id']}.{param(landing, 'ga_session_id')}"
    assert param(landing, "page_location").endswith("?utm_source=google&utm_medium=cpc&utm_campaign=FY25Q1_ServoPress")
    assert rows[0] == (
        expected_time,
        "page_view",
        landing["user_pseudo_id"],
        landing["user_id"],
        session,
        "https://www.example.jp/products/servo-press",
        "paid_search",
        "FY25Q1_ServoPress",
        None,
        None,
    )

    by_name = {}
    for e in events:
        by_name.setdefault(e["event_name"], e)
    scroll = by_name["scroll"]
    assert one(
        ws, "SELECT type, scroll_pct, dwell_seconds FROM touchpoints WHERE occurred_at = ?", tokyo(scroll["event_timestamp"])
    ) == ("other", param(scroll, "percent_scrolled"), param(scroll, "engagement_time_msec") / 1000)
    download = by_name["file_download"]
    assert one(ws, "SELECT type, content_id FROM touchpoints WHERE occurred_at = ?", tokyo(download["event_timestamp"])) == (
        "download",
        param(download, "link_url"),
    )
    for name, kind in (("form_submit", "form_submit"), ("generate_lead", "inquiry")):
        e = by_name[name]
        assert one(ws, "SELECT type, contact_id FROM touchpoints WHERE occurred_at = ?", tokyo(e["event_timestamp"])) == (
            kind,
            "1003",
        )

    organic = next(e for e in events if e["event_name"] == "page_view" and e["user_id"] is None)
    assert organic["traffic_source"] == {"name": "(organic)", "medium": "organic", "source": "google"}
    assert one(
        ws,
        "SELECT channel, campaign, contact_id, content_id FROM touchpoints WHERE occurred_at = ?",
        tokyo(organic["event_timestamp"]),
    ) == ("organic_search", None, None, "https://www.example.jp/case-studies/food-plant")

    late = [e for e in events if e["user_id"] == ""]  # an empty user_id is no contact
    assert {tokyo(e["event_timestamp"]) for e in late} == {dt.datetime(2025, 4, 1, 23, 59, 59, 999999)}
    assert ws.con.execute(
        "SELECT DISTINCT channel, contact_id, anonymous_id FROM touchpoints WHERE occurred_at = ?",
        [tokyo(late[0]["event_timestamp"])],
    ).fetchall() == [("direct", None, late[0]["user_pseudo_id"])]

    columns = [c[0] for c in ws.con.execute("DESCRIBE touchpoints").fetchall()]
    assert "event_params" not in columns  # extras: drop


# --- the samples are what make_samples.py writes ------------------------------------------------


def test_samples_match_their_generator(tmp_path):
    pytest.importorskip("xlsxwriter")
    pq = pytest.importorskip("pyarrow.parquet")
    samples = load_samples_module()
    written = samples.write_all(tmp_path)
    assert {p.relative_to(tmp_path) for p in written} == {
        p.relative_to(EXAMPLES) for p in EXAMPLES.glob("*/*") if p.suffix in (".csv", ".xlsx", ".parquet")
    }
    for path in written:
        committed = EXAMPLES / path.relative_to(tmp_path)
        if path.suffix == ".csv":
            assert path.read_bytes() == committed.read_bytes(), committed
        elif path.suffix == ".parquet":
            assert pq.read_table(path).equals(pq.read_table(committed)), committed
        else:
            fresh, old = (CalamineWorkbook.from_path(str(p)).get_sheet_by_index(0).to_python() for p in (path, committed))
            assert fresh == old, committed
