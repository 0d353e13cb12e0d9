"""`kpiflow load`: formats, encodings, mappings, modes, and bad input refused with nothing written."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kpiflow.errors import LoadError, ModelError
from kpiflow.model.schema import TABLES

DEALS_HEADER = "deal_id,account_id,created_at,amount,outcome,closed_at,owner\n"
DEALS_ROWS = (
    "D1,A1,2025-04-01,1200000,won,2025-05-01,山田\n"
    "D2,A1,2025-04-02,800000,lost,2025-05-02,佐藤\n"
    "D3,A2,2025-04-03 09:00,3000000,open,,山田\n"
)


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def snapshot(ws) -> dict[str, list]:
    """Every table's full contents, to prove a refused load changed nothing."""
    out = {name: sorted(map(repr, ws.sql(f'SELECT * FROM "{name}"').fetchall())) for name in TABLES}
    out["_loads"] = sorted(map(repr, ws.sql("SELECT * FROM _loads").fetchall()))
    out["_columns"] = ws.sql("SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal ORDER BY ALL").fetchall()
    return out


def deals(ws) -> list[tuple]:
    return ws.sql(
        "SELECT deal_id, account_id, created_at, amount, outcome, closed_at, owner FROM deals ORDER BY deal_id"
    ).fetchall()


EXPECTED_DEALS = [
    ("D1", "A1", dt.datetime(2025, 4, 1), Decimal("1200000"), "won", dt.datetime(2025, 5, 1), "山田"),
    ("D2", "A1", dt.datetime(2025, 4, 2), Decimal("800000"), "lost", dt.datetime(2025, 5, 2), "佐藤"),
    ("D3", "A2", dt.datetime(2025, 4, 3, 9), Decimal("3000000"), "open", None, "山田"),
]


# --- formats and encodings ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected_label"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("cp932", "cp932"), ("utf-16", "utf-16"), ("euc_jp", "euc-jp")],
)
def test_csv_encodings_are_detected(ws, tmp_path, encoding, expected_label):
    path = write(tmp_path, "deals.csv", DEALS_HEADER + DEALS_ROWS, encoding)
    result = ws.load(path, "deals")
    assert result.encoding == expected_label
    assert result.rows == 3
    assert deals(ws) == EXPECTED_DEALS


def test_cp932_specials_and_yen_sign(ws, tmp_path):
    # CP932 (not plain Shift_JIS) has ① and ㈱; its 0x5C byte is shown as ¥ in Japanese Windows.
    text = "deal_id,created_at,amount,outcome,owner\nD1,2025/4/1,\\1,200,won,㈱テスト①\n".replace("\\1,200", '"\\1,200"')
    path = write(tmp_path, "deals.csv", text, "cp932")
    ws.load(path, "deals")
    assert ws.sql("SELECT amount, owner FROM deals").fetchall() == [(Decimal("1200"), "(株)テスト1")]


def test_expanding_characters_are_normalised_whether_or_not_the_sql_plans_for_them(ws, tmp_path, monkeypatch):
    # NFKC expands ① and ㈱ to several characters; a small file without any is loaded by SQL that
    # leaves those REPLACEs out, a file with some (or a file too large to read again) by SQL with them.
    import kpiflow.io.loader as loader  # noqa: PLC0415
    from kpiflow.io.normalize import has_expansions  # noqa: PLC0415

    sent: list[str] = []
    monkeypatch.setattr(loader, "render", lambda statement, original=loader.render: sent.append(original(statement)) or sent[-1])
    plain = write(tmp_path, "plain.csv", "deal_id,created_at,amount,outcome,owner\nD1,2025/4/1,1200,won,ＡＢＣ商事\n")
    ws.load(plain, "deals")
    assert ws.sql("SELECT owner FROM deals").fetchall() == [("ABC商事",)]  # full-width letters still become ASCII
    planned = lambda: any("'(株)'" in q for q in sent)  # noqa: E731  (the REPLACE of ㈱ by (株))
    assert not planned()
    sent.clear()
    special = write(tmp_path, "special.csv", "deal_id,created_at,amount,outcome,owner\nD1,2025/4/1,1200,won,㈱テスト⑳\n")
    ws.load(special, "deals", mode="replace")
    assert ws.sql("SELECT owner FROM deals").fetchall() == [("(株)テスト20",)]
    assert planned()
    monkeypatch.setattr(loader, "SMALL_TEXT", 10)  # too large to read again: planned for, as any large file
    sent.clear()
    ws.load(plain, "deals", mode="replace")
    assert planned()
    assert has_expansions("①".encode()) and has_expansions("x㈹".encode()) and not has_expansions("ＡＢＣ ｶﾞ".encode())


def test_a_table_without_a_key_is_appended_in_any_order_by_that_load_alone(ws, tmp_path):
    # DuckDB may append touchpoints as its threads finish them; the connection preserves insertion
    # order again afterwards, refused or not, so that a refused file's lines are numbered as read.
    def preserved() -> bool:
        return ws.writer().execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0][0]

    good = write(tmp_path, "tp.csv", "occurred_at,contact_id,type\n2025-04-01,C1,page_view\n2025-04-02,C2,download\n")
    assert ws.load(good, "touchpoints").rows == 2 and preserved()
    bad = write(tmp_path, "bad.csv", "occurred_at,contact_id,type\n2025-04-01,C1,page_view\n,C2,page_view\n2025-04-02,C3,\n")
    with pytest.raises(LoadError) as refused:
        ws.load(bad, "touchpoints")
    assert [p.line for p in refused.value.problems] == [3, 4] and preserved()
    assert ws.sql("SELECT count(*) FROM touchpoints").fetchall() == [(2,)]


def test_encoding_override(ws, tmp_path):
    path = write(tmp_path, "deals.csv", DEALS_HEADER + DEALS_ROWS, "cp932")
    assert ws.load(path, "deals", encoding="shift_jis").encoding == "cp932"
    assert deals(ws) == EXPECTED_DEALS


def test_tsv(ws, tmp_path):
    path = write(tmp_path, "deals.tsv", (DEALS_HEADER + DEALS_ROWS).replace(",", "\t"))
    ws.load(path, "deals")
    assert deals(ws) == EXPECTED_DEALS


def test_semicolon_delimiter_is_sniffed(ws, tmp_path):
    path = write(tmp_path, "deals.csv", (DEALS_HEADER + DEALS_ROWS).replace(",", ";"))
    ws.load(path, "deals")
    assert deals(ws) == EXPECTED_DEALS


def test_quoted_fields_with_commas_and_newlines(ws, tmp_path):
    text = 'deal_id,created_at,amount,outcome,loss_reason\nD1,2025-04-01,"1,200,000",lost,"価格, 納期\n両方"\n'
    ws.load(write(tmp_path, "d.csv", text), "deals")
    assert ws.sql("SELECT amount, loss_reason FROM deals").fetchall() == [(Decimal("1200000"), "価格, 納期\n両方")]


def _xlsx(path: Path, sheets: dict[str, list[list]], merge: str | None = None) -> Path:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    book = xlsxwriter.Workbook(str(path))
    date_format = book.add_format({"num_format": "yyyy/mm/dd"})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.datetime):
                    sheet.write_datetime(r, c, value, date_format)
                elif value is not None:
                    sheet.write(r, c, value)
        if merge:
            sheet.merge_range(merge, "merged")
    book.close()
    return path


XLSX_ROWS = [
    ["deal_id", "created_at", "amount", "outcome"],
    ["D1", dt.datetime(2025, 4, 1), 1200000, "won"],
    ["D2", "2025年4月2日", "120万円", "open"],
    ["D3", 45750, 5.5, "lost"],  # an Excel serial typed as a number
]


def test_xlsx_with_sheet_choice(ws, tmp_path):
    path = _xlsx(tmp_path / "deals.xlsx", {"Summary": [["note"], ["ignore me"]], "商談": XLSX_ROWS})
    ws.load(path, "deals", sheet="商談")
    assert ws.sql("SELECT deal_id, created_at, amount FROM deals ORDER BY 1").fetchall() == [
        ("D1", dt.datetime(2025, 4, 1), Decimal("1200000")),
        ("D2", dt.datetime(2025, 4, 2), Decimal("1200000")),
        ("D3", dt.datetime(1899, 12, 30) + dt.timedelta(days=45750), Decimal("5.5")),
    ]
    ws.load(path, "deals", sheet="2")  # by 1-based position too
    assert ws.sql("SELECT count(*) FROM deals").fetchall() == [(3,)]


def test_xlsx_unknown_sheet_suggests(ws, tmp_path):
    path = _xlsx(tmp_path / "deals.xlsx", {"商談一覧": XLSX_ROWS})
    with pytest.raises(LoadError, match="商談一覧"):
        ws.load(path, "deals", sheet="商談一欄", lang="en")


def test_parquet_and_jsonl(ws, tmp_path):
    parquet = tmp_path / "deals.parquet"
    ws.writer().execute(  # writing a file: the writable connection (reads are sealed)
        f"""COPY (SELECT 'D1' AS deal_id, TIMESTAMP '2025-04-01 10:00' AS created_at, 1200000 AS amount, 'won' AS outcome,
                  TIMESTAMPTZ '2025-05-01 00:00:00+00' AS closed_at) TO '{parquet}' (FORMAT parquet)"""
    )
    ws.load(parquet, "deals")
    # A zoned timestamp is converted to the workspace zone (Asia/Tokyo, UTC+9).
    assert ws.sql("SELECT created_at, amount, closed_at FROM deals").fetchall() == [
        (dt.datetime(2025, 4, 1, 10), Decimal("1200000"), dt.datetime(2025, 5, 1, 9))
    ]
    lines = [{"deal_id": "D9", "created_at": "2025/4/1", "amount": "¥5,000", "outcome": "Won"}]
    jsonl = write(tmp_path, "deals.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n")
    ws.load(jsonl, "deals")
    assert ws.sql("SELECT deal_id, created_at, amount, outcome FROM deals").fetchall() == [
        ("D9", dt.datetime(2025, 4, 1), Decimal("5000"), "won")
    ]


# --- mapping ----------------------------------------------------------------------------------

MAPPING = """
columns:
  商談ID: deal_id
  企業ID: account_id
  作成日: created_at
  金額: amount
  結果: outcome
  クローズ日: closed_at
values:
  outcome: {受注: won, 失注: lost, 商談中: open}
constants:
  channel: exhibition
derive:
  product: "'P-' || 製品コード"
date_formats:
  closed_at: "%d/%m/%Y"
where: "状態 <> '削除'"
"""

JAPANESE_EXPORT = (
    "商談ID,企業ID,作成日,金額,結果,クローズ日,製品コード,状態,メモ\n"
    'Ｄ１,A1,令和7年4月1日,"￥1,200,000",受注,01/05/2025,X1,有効,初回\n'
    "D2,A1,2025年4月2日,120万円,失注,02/05/2025,X2,有効,\n"
    "D3,A2,2025/4/3 9:00,３００万円,商談中,,X1,削除,重複登録\n"
)


def test_mapping_file(ws, tmp_path):
    mapping = write(tmp_path, "map.yaml", MAPPING)
    path = write(tmp_path, "商談.csv", JAPANESE_EXPORT, "cp932")
    result = ws.load(path, "deals", mapping=mapping)
    assert result.rows == 2
    assert any("1" in w for w in result.warnings)  # one row skipped by `where`
    assert ws.sql(
        "SELECT deal_id, created_at, amount, outcome, closed_at, channel, product FROM deals ORDER BY 1"
    ).fetchall() == [
        ("D1", dt.datetime(2025, 4, 1), Decimal("1200000"), "won", dt.datetime(2025, 5, 1), "exhibition", "P-X1"),
        ("D2", dt.datetime(2025, 4, 2), Decimal("1200000"), "lost", dt.datetime(2025, 5, 2), "exhibition", "P-X2"),
    ]
    # Unmapped source columns are kept as extra text columns, usable as dimensions.
    assert result.extra_columns == ["状態", "メモ"]
    assert ws.sql('SELECT "メモ" FROM deals ORDER BY deal_id').fetchall() == [("初回",), (None,)]


def test_headers_in_japanese_labels_map_themselves(ws, tmp_path):
    path = write(tmp_path, "d.csv", "商談ID,商談化日時,金額,結果（open / won / lost）\nD1,2025-04-01,100,won\n")
    ws.load(path, "deals")
    assert ws.sql("SELECT deal_id, amount, outcome FROM deals").fetchall() == [("D1", Decimal("100"), "won")]


def test_mapping_typo_in_canonical_name_points_at_yaml_line(ws, tmp_path):
    mapping = write(tmp_path, "map.yaml", "columns:\n  商談ID: deal_id\n  作成日: create_at\n")
    with pytest.raises(ModelError, match=r"map.yaml:3:3: 'create_at' is not a column of deals \(did you mean 'created_at'\?\)"):
        ws.load(write(tmp_path, "d.csv", "商談ID,作成日\nD1,2025-04-01\n"), "deals", mapping=mapping)


def test_mapping_typo_in_source_column_suggests_header(ws, tmp_path):
    mapping = write(tmp_path, "map.yaml", "columns:\n  商談ID: deal_id\n  作成: created_at\n  結果: outcome\n")
    before = snapshot(ws)
    with pytest.raises(LoadError) as refused:
        ws.load(write(tmp_path, "d.csv", "商談ID,作成日,結果\nD1,2025-04-01,won\n"), "deals", mapping=mapping, lang="en")
    assert "'作成'" in str(refused.value) and "did you mean '作成日'" in str(refused.value)
    assert snapshot(ws) == before


def test_mapping_unknown_key_and_bad_yaml(ws, tmp_path):
    with pytest.raises(ModelError, match=r"map.yaml:1:1: .*unknown key 'colums' \(did you mean 'columns'\?\)"):
        ws.load(write(tmp_path, "d.csv", DEALS_HEADER + DEALS_ROWS), "deals", mapping=write(tmp_path, "map.yaml", "colums: {}\n"))
    with pytest.raises(ModelError, match=r"map.yaml:\d+:\d+: not valid YAML"):
        ws.load(
            write(tmp_path, "d.csv", DEALS_HEADER + DEALS_ROWS),
            "deals",
            mapping=write(tmp_path, "map.yaml", "columns:\n  a: [b\n"),
        )


def test_derive_with_unknown_column_points_at_yaml(ws, tmp_path):
    mapping = write(tmp_path, "map.yaml", "derive:\n  product: \"'P-' || 製品ｺｰﾄﾞx\"\n")
    with pytest.raises(ModelError, match=r"map.yaml:2:3: column '製品ｺｰﾄﾞx' is not in the file"):
        ws.load(
            write(tmp_path, "d.csv", "deal_id,created_at,outcome,製品コード\nD1,2025-04-01,won,X\n"), "deals", mapping=mapping
        )


# --- modes and idempotency ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding"), [("d.csv", "utf-8"), ("d.csv", "utf-8-sig"), ("d.csv", "cp932"), ("d.csv", "utf-16"), ("d.jsonl", "utf-8")]
)
def test_the_journal_keeps_the_sha256_of_the_bytes_as_given(ws, tmp_path, name, encoding):
    # The digest is taken beside the load (in a thread of its own): of the user's file, never of
    # the UTF-8 copy a transcoded file is read from.
    if name.endswith(".jsonl"):
        text = '{"deal_id": "D1", "created_at": "2025-04-01", "outcome": "won", "owner": "山田"}\n'
    else:
        text = DEALS_HEADER + DEALS_ROWS
    path = write(tmp_path, name, text, encoding)
    result = ws.load(path, "deals")
    expected = hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.sha256 == expected
    assert ws.sql("SELECT sha256 FROM _loads").fetchall() == [(expected,)]


def test_replace_and_upsert_are_idempotent(ws, tmp_path):
    path = write(tmp_path, "deals.csv", DEALS_HEADER + DEALS_ROWS)
    for mode in ("replace", "replace", "upsert", "upsert"):
        ws.load(path, "deals", mode=mode)
        assert deals(ws) == EXPECTED_DEALS
    journal = ws.sql("SELECT file_name, rows, mode, sha256 FROM _loads ORDER BY loaded_at").fetchall()
    assert [(f, r, m) for f, r, m, _ in journal] == [("deals.csv", 3, m) for m in ("replace", "replace", "upsert", "upsert")]
    assert {s for *_, s in journal} == {hashlib.sha256(path.read_bytes()).hexdigest()}


def test_upsert_updates_by_key_and_adds(ws, tmp_path):
    ws.load(write(tmp_path, "a.csv", DEALS_HEADER + DEALS_ROWS), "deals")
    update = DEALS_HEADER + "D3,A2,2025-04-03 09:00,3500000,won,2025-06-01,山田\nD4,A3,2025-04-04,100,open,,鈴木\n"
    result = ws.load(write(tmp_path, "b.csv", update), "deals", mode="upsert")
    assert (result.rows, result.table_rows) == (2, 4)
    assert ws.sql("SELECT deal_id, amount, outcome FROM deals ORDER BY 1").fetchall() == [
        ("D1", Decimal("1200000"), "won"),
        ("D2", Decimal("800000"), "lost"),
        ("D3", Decimal("3500000"), "won"),
        ("D4", Decimal("100"), "open"),
    ]


def test_append_refuses_existing_keys(ws, tmp_path):
    ws.load(write(tmp_path, "a.csv", DEALS_HEADER + DEALS_ROWS), "deals")
    before = snapshot(ws)
    with pytest.raises(LoadError, match=r"line 2, column 'deal_id': key D2 is already in deals"):
        ws.load(
            write(tmp_path, "b.csv", DEALS_HEADER + DEALS_ROWS.splitlines(keepends=True)[1]), "deals", mode="append", lang="en"
        )
    assert snapshot(ws) == before


def test_append_to_unkeyed_table_and_upsert_refused(ws, tmp_path):
    text = "occurred_at,contact_id,type\n2025-04-01,C1,page_view\n"
    ws.load(write(tmp_path, "t.csv", text), "touchpoints", mode="append")
    ws.load(write(tmp_path, "t.csv", text), "touchpoints", mode="append")
    assert ws.sql("SELECT count(*) FROM touchpoints").fetchall() == [(2,)]
    with pytest.raises(LoadError, match="no key"):
        ws.load(write(tmp_path, "t.csv", text), "touchpoints", mode="upsert", lang="en")


def test_unknown_touchpoint_types_are_kept_with_a_warning(ws, tmp_path):
    text = "occurred_at,anonymous_id,type\n2025-04-01,x1,page_view\n2025-04-01,x2,webinar_watch\n2025-04-02,x3,Webinar_Watch\n"
    result = ws.load(write(tmp_path, "t.csv", text), "touchpoints", lang="en")
    assert ws.sql("SELECT type, count(*) FROM touchpoints GROUP BY 1 ORDER BY 1").fetchall() == [
        ("page_view", 1),
        ("webinar_watch", 2),
    ]
    assert result.warnings == ["touchpoints.type: 2 row(s) with values outside the vocabulary, kept: webinar_watch (2)."]


def test_suspicious_rows_load_with_warnings(ws, tmp_path):
    text = DEALS_HEADER + "D1,A1,2025-05-01,100,won,2025-04-01,山田\nD2,A1,2099-01-01,100,open,,山田\n"
    result = ws.load(write(tmp_path, "d.csv", text), "deals", lang="en")
    assert result.rows == 2
    assert "1 deal(s) closed before they were created (e.g. D1)." in result.warnings
    assert any(w.startswith("deals.created_at: 1 row(s) dated in the future") for w in result.warnings)


def test_stage_names_come_from_the_model(ws, tmp_path):
    text = (
        "entity,entity_id,stage,entered_at\ncontact,C1,lead,2025-04-01\ncontact,C1,MQL,2025-04-02\ndeal,D1,proposal,2025-04-03\n"
    )
    ws.load(write(tmp_path, "s.csv", text), "stage_history")
    assert ws.sql("SELECT stage FROM stage_history ORDER BY entered_at").fetchall() == [("lead",), ("mql",), ("proposal",)]
    bad = "entity,entity_id,stage,entered_at\ncontact,C1,lead,2025-04-01\ndeal,D1,mql,2025-04-02\n"
    with pytest.raises(
        LoadError, match=r"line 3, column 'stage': 'mql' is not allowed; expected one of: appointment, valid, proposal, won"
    ):
        ws.load(write(tmp_path, "s.csv", bad), "stage_history", lang="en")


# --- bad input: a clear error that names file, line, column; nothing written ------------------

BAD_INPUTS = {
    "wrong encoding": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + DEALS_ROWS, "cp932"),
        {"encoding": "utf-8"},
        [r"deals.csv: not loaded", r"line 2: bytes that are not valid UTF-8 \(wrong encoding\? try --encoding cp932\)"],
    ),
    "ragged rows": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + "D1,A1,2025-04-01,1,won,,x,EXTRA\nD2,A1,2025-04-01\n"),
        {},
        [r"line 2: 8 field\(s\) where the header has 7", r"line 3: 3 field\(s\) where the header has 7"],
    ),
    "missing required column": (
        lambda d: write(d, "deals.csv", "deal_id,amount,outcome\nD1,100,won\n"),
        {},
        [r"column 'created_at': required column 'created_at' is missing .*Columns found: deal_id, amount, outcome"],
    ),
    "duplicate keys": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + DEALS_ROWS + "D1,A9,2025-04-09,1,open,,x\n"),
        {},
        [r"line 5, column 'deal_id': key D1 appears more than once \(also on line 2\)"],
    ),
    "impossible date": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + "D1,A1,2025-02-30,100,won,2025-03-01,x\n"),
        {},
        [r"line 2, column 'created_at': '2025-02-30' is not a date/time"],
    ),
    "negative amount": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + "D1,A1,2025-04-01,-100,won,2025-05-01,x\n"),
        {},
        [r"line 2, column 'amount': '-100' is negative"],
    ),
    "non-numeric amount": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + "D1,A1,2025-04-01,TBD,won,2025-05-01,x\n"),
        {},
        [r"line 2, column 'amount': 'TBD' is not an amount"],
    ),
    "unknown outcome": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + "D1,A1,2025-04-01,100,pending,,x\n"),
        {},
        [r"line 2, column 'outcome': 'pending' is not allowed; expected one of: open, won, lost"],
    ),
    "empty file": (lambda d: write(d, "deals.csv", ""), {}, [r"the file has no data rows"]),
    "header only": (lambda d: write(d, "deals.csv", DEALS_HEADER), {}, [r"the file has no data rows"]),
    "zip named csv": (
        lambda d: write(d, "deals.csv", "PK\x03\x04 not really a csv"),
        {},
        [r"the file is not a CSV file \(its content looks like an Excel/zip file\)"],
    ),
    "text named xlsx": (
        lambda d: write(d, "deals.xlsx", DEALS_HEADER + DEALS_ROWS),
        {},
        [r"the file is not a XLSX file \(its content looks like text\)"],
    ),
    "binary named csv": (
        lambda d: write(d, "deals.csv", "a\x00b\x00c"),
        {},
        [r"not a text \(CSV\) file \(its content looks like binary data\)"],
    ),
    "merged header cells": (
        lambda d: _xlsx(d / "deals.xlsx", {"s": XLSX_ROWS}, merge="B1:C1"),
        {},
        [r"line 1: the header row has merged cells \(B1:C1\)"],
    ),
    "duplicate header": (
        lambda d: write(d, "deals.csv", "deal_id,created_at,outcome,Outcome\nD1,2025-04-01,won,won\n"),
        {},
        [r"line 1: the header names column 'Outcome' twice"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_refused_and_changes_nothing(ws, tmp_path, case):
    make, options, patterns = BAD_INPUTS[case]
    ws.load(write(tmp_path, "good.csv", DEALS_HEADER + DEALS_ROWS), "deals")
    before = snapshot(ws)
    path = make(tmp_path)
    with pytest.raises(LoadError) as refused:
        ws.load(path, "deals", lang="en", **options)
    message = str(refused.value)
    assert message.startswith(f"{path.name}: not loaded")
    assert "the database was not changed" in message
    for pattern in patterns:
        assert re.search(pattern, message), f"{pattern!r} not in:\n{message}"
    assert "Traceback" not in message
    assert snapshot(ws) == before


def test_several_problems_are_listed_together(ws, tmp_path):
    rows = "".join(f"D{i},A1,2025-02-30,abc,maybe,,x\n" for i in range(30))
    with pytest.raises(LoadError) as refused:
        ws.load(write(tmp_path, "d.csv", DEALS_HEADER + rows), "deals", lang="en")
    problems = refused.value.problems
    assert len(problems) > 20
    lines = str(refused.value).splitlines()
    assert len(lines) == 1 + 20 + 1  # headline, the first 20 problems, "... and N more"
    assert lines[-1].strip().startswith("... and")


def test_errors_in_japanese(ws_ja, tmp_path):
    with pytest.raises(LoadError) as refused:
        ws_ja.load(write(tmp_path, "商談.csv", DEALS_HEADER + "D1,A1,2025-02-30,-5,won,,x\n"), "deals")
    message = str(refused.value)
    assert message.startswith("商談.csv: 読み込みを中止しました（問題 2 件）。データベースは変更されていません。")
    assert "2 行目、列「created_at」: 「2025-02-30」は日時" in message
    assert "2 行目、列「amount」: 「-5」は負の値です。" in message


def test_xlsx_table_lower_on_the_sheet_reports_sheet_rows(ws, tmp_path):
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "deals.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("s")
    for r, row in enumerate(
        [["deal_id", "created_at", "amount", "outcome"], ["D1", "2025-04-01", 100, "won"], ["D2", "2025-02-30", 100, "won"]]
    ):
        sheet.write_row(r + 3, 1, row)  # the table starts at B4
    book.close()
    with pytest.raises(LoadError, match=r"line 6, column 'created_at': '2025-02-30' is not a date"):
        ws.load(path, "deals", lang="en")


def test_value_map_default_and_unlisted_values_keep_their_case(ws, tmp_path):
    mapping = write(tmp_path, "m.yaml", "values:\n  outcome: {受注: won, 失注: lost, '*': open}\n  product: {GTXPro: GTX Pro}\n")
    text = "deal_id,created_at,outcome,product\nD1,2025-04-01,受注,GTXPro\nD2,2025-04-01,提案中,GTX Basic\nD3,2025-04-01,失注,\n"
    ws.load(write(tmp_path, "d.csv", text), "deals", mapping=mapping)
    assert ws.sql("SELECT deal_id, outcome, product FROM deals ORDER BY 1").fetchall() == [
        ("D1", "won", "GTX Pro"),
        ("D2", "open", "GTX Basic"),
        ("D3", "lost", None),
    ]


def test_blank_rows_below_a_table_are_not_data(ws, tmp_path):
    ws.load(write(tmp_path, "d.csv", DEALS_HEADER + DEALS_ROWS + ",,,,,,\n,,,,,,\n"), "deals")
    assert deals(ws) == EXPECTED_DEALS


def test_a_short_row_is_reported_once_and_a_report_footer_is_named(ws, tmp_path):
    with pytest.raises(LoadError) as refused:
        ws.load(write(tmp_path, "d.csv", "deal_id,created_at,outcome\nD1,2025-04-01,won\nD2\n"), "deals", lang="en")
    assert [p.line for p in refused.value.problems] == [3]
    footer = 'deal_id,created_at,outcome\nD1,2025-04-01,won\n\n"Generated by Salesforce"\n'
    with pytest.raises(LoadError, match=r"line 4: 1 field\(s\) where the header has 3"):
        ws.load(write(tmp_path, "d.csv", footer), "deals", lang="en")
