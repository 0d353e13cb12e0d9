"""Hostile files and model files: a kpiflow error naming the file and line, in Japanese and English.

Each case is one a probe of kpiflow found (issue 15); the comment says what happened before.
After every refusal the database is exactly as it was.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpiflow
from kpiflow.cli import app
from kpiflow.errors import LoadError, ModelError
from kpiflow.model.config import read_model_document
from test_load import DEALS_HEADER, DEALS_ROWS, EXPECTED_DEALS, deals, snapshot, write

ROW = "D{i},A1,2025-04-01,100,won,,x\n"


def rows(n: int, start: int = 1) -> str:
    return "".join(ROW.format(i=i) for i in range(start, start + n))


def _parquet(folder: Path, keep: float) -> Path:
    """A real Parquet file of deals, cut to a fraction of its bytes as an interrupted copy leaves it."""
    import duckdb  # noqa: PLC0415  (only this case writes Parquet)

    full = folder / "full.parquet"
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT 'D' || i AS deal_id, DATE '2025-04-01' AS created_at, i AS amount, 'won' AS outcome "
        f"FROM range(500) t(i)) TO '{full}' (FORMAT parquet)"
    )
    con.close()
    data = full.read_bytes()
    path = folder / "deals.parquet"
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def _xlsx_cut(folder: Path) -> Path:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    full = folder / "full.xlsx"
    book = xlsxwriter.Workbook(str(full))
    sheet = book.add_worksheet("s")
    for r, row in enumerate([["deal_id", "created_at", "amount", "outcome"], ["D1", "2025-04-01", 100, "won"]]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.close()
    path = folder / "deals.xlsx"
    path.write_bytes(full.read_bytes()[:-40])
    return path


# (make the file, load options, English pattern, Japanese pattern)
HOSTILE = {
    # Before: UnicodeDecodeError traceback (the decoder's final flush was outside the error handling).
    "CP932 file ending inside a character": (
        lambda d: d.joinpath("deals.csv").write_bytes((DEALS_HEADER + "D1,A1,2025-04-01,100,won,,山田\n").encode("cp932") + b"\x82")
        and d / "deals.csv",
        {},
        r"line 3: bytes that are not valid CP932",
        r"3 行目: CP932 として読めないバイトがあります",
    ),
    # Before: _csv.Error traceback ("field larger than field limit (131072)").
    "header line over 131,072 characters": (
        lambda d: write(d, "deals.csv", DEALS_HEADER.rstrip("\n") + ",note" + "x" * 140_000 + "\n" + rows(1)),
        {},
        r"line 1: a value longer than 131,072 characters starts on this line",
        r"1 行目: この行から 131,072 文字を超える値が始まっています",
    ),
    # Before: _duckdb.InvalidInputException traceback ("No magic bytes found at end of file").
    "Parquet file cut short": (
        lambda d: _parquet(d, 0.6),
        {},
        r"the file: the Parquet file is damaged or incomplete \(cut short while copying\?\): No magic bytes",
        r"ファイル全体: Parquet ファイルが壊れているか不完全です",
    ),
    # Before: refused, but as "not a XLSX file (its content looks like a damaged workbook (...))", English in ja.
    "XLSX file cut short": (
        _xlsx_cut,
        {},
        r"the file: the XLSX file is damaged or incomplete",
        r"ファイル全体: XLSX ファイルが壊れているか不完全です",
    ),
    # Before: loaded; only the first 64 KiB were searched for NUL, and DuckDB keeps it inside the value.
    "NUL byte after the first 64 KiB": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + rows(3000) + "D9999,A1,2025-04-01,100,won,,x\x00y\n"),
        {},
        r"line 3002: a NUL byte \(character code 0\)",
        r"3002 行目: NUL バイト（文字コード 0）があります",
    ),
    # Before: loaded, with the key stored as '\ufeffD2' (two exports concatenated).
    "BOM in the middle of the file": (
        lambda d: d.joinpath("deals.csv").write_bytes(
            codecs.BOM_UTF8 + (DEALS_HEADER + rows(1)).encode() + codecs.BOM_UTF8 + rows(1, 2).encode()
        )
        and d / "deals.csv",
        {},
        r"line 3: a byte-order mark \(U\+FEFF",
        r"3 行目: ファイルの途中に BOM（U\+FEFF",
    ),
    # Before: 'the file: could not read this row: Error when sniffing file "/tmp/..."', no line.
    "unbalanced quote": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + rows(3) + 'D4,"A1,2025-04-01,100,won,,x\n' + rows(3, 5)),
        {},
        r"line 5: a quoted value starts on this line and its quote is never closed",
        r"5 行目: この行で始まる引用符（\"）が閉じられていません",
    ),
    # Before: 'Error when sniffing file' with no line.
    "mixed line endings": (
        lambda d: write(d, "deals.csv", (DEALS_HEADER + rows(2)).replace("\n", "\r\n") + rows(2, 3)),
        {},
        r"line 4: this line ends with LF but line 1 ends with CRLF",
        r"4 行目: この行の改行は LF ですが、1 行目は CRLF です",
    ),
    # Before: 'Error when sniffing file' with no line.
    "text after a closing quote": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + rows(2) + 'D3,"A1"x,2025-04-01,100,won,,x\n'),
        {},
        r"line 4: text follows a closing quote before the next ','",
        r"4 行目: 閉じ引用符の後、次の区切り文字「,」の前に文字があります",
    ),
    # Before: "line 1: could not read this row: CSV Error on Line: 1" (the probe's field was 50 MB; any
    # line over DuckDB's 2,000,000-byte limit behaves the same, and 3 MB keeps the test quick).
    "a 3 MB field on line 11": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + rows(9) + "D10,A1,2025-04-01,100,won,," + "y" * 3_000_000 + "\n"),
        {},
        r"line 11: the line is longer than 2,000,000 bytes",
        r"11 行目: 1 行が 2,000,000 バイトを超えています",
    ),
    # Before: "not a text (CSV) file (its content looks like binary data)", with no hint.
    "binary data": (
        lambda d: d.joinpath("deals.csv").write_bytes(bytes(range(256)) * 4) and d / "deals.csv",
        {},
        r"the file: the file is not a text \(CSV\) file .*If it is text saved as UTF-16, give --encoding utf-16-le",
        r"ファイル全体: テキスト（CSV）ファイルではありません.*--encoding utf-16-le",
    ),
    # Before: LookupError traceback ("unknown encoding: utf-9").
    "unknown --encoding": (
        lambda d: write(d, "deals.csv", DEALS_HEADER + DEALS_ROWS),
        {"encoding": "utf-9"},
        r"'utf-9' is not a text encoding \(did you mean 'utf-8'\?\)",
        r"「utf-9」は文字コードではありません（「utf-8」の誤りでは？）",
    ),
    # Before: 'could not read this row: Error when sniffing file "/tmp/.../deals.csv"' (DuckDB's words and a
    # full path). DuckDB cannot read a lone CR inside a quoted header cell, and no line is to blame.
    "a header cell holding a bare CR": (
        lambda d: write(d, "deals.csv", DEALS_HEADER.replace("owner", '"own\rer"') + rows(2)),
        {},
        r"the file: the file could not be read as CSV: no delimiter, quoting and line ending fit all of it",
        r"ファイル全体: CSV として読めませんでした",
    ),
    # Before: the Japanese message said "中身は an Excel/zip file のようです".
    "zip named csv": (
        lambda d: write(d, "deals.csv", "PK\x03\x04 not really a csv"),
        {},
        r"the file is not a CSV file \(its content looks like an Excel/zip file\)",
        r"CSV ファイルではありません（中身は Excel（zip）ファイル のようです）",
    ),
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One workspace for the module: every case is refused, so it must stay as loaded here."""
    folder = tmp_path_factory.mktemp("hostile")
    ws = kpiflow.init(str(folder / "ws"), lang="en")
    ws.load(write(folder, "good.csv", DEALS_HEADER + DEALS_ROWS), "deals")
    yield ws
    ws.close()


@pytest.mark.parametrize("case", list(HOSTILE))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_hostile_file_is_refused_with_its_line_and_changes_nothing(loaded, tmp_path, case, lang):
    make, options, english, japanese = HOSTILE[case]
    folder = tmp_path / "in"
    folder.mkdir()
    path = make(folder)
    before = snapshot(loaded)
    with pytest.raises(LoadError) as refused:
        loaded.load(path, "deals", lang=lang, **options)
    message = str(refused.value)
    headline = "not loaded" if lang == "en" else "読み込みを中止しました"
    assert message.startswith(f"{path.name}: {headline}")
    pattern = english if lang == "en" else japanese
    assert re.search(pattern, message), f"{pattern!r} not in:\n{message}"
    assert str(tmp_path) not in message  # no temporary or absolute path, only the file's name
    assert snapshot(loaded) == before
    assert deals(loaded) == EXPECTED_DEALS


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(ws, tmp_path, encoding):
    # Before: refused as "binary data" with no hint (every other byte of ASCII text is NUL).
    path = write(tmp_path, "deals.csv", DEALS_HEADER + DEALS_ROWS, encoding)
    assert path.read_bytes()[:2] not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    result = ws.load(path, "deals")
    assert result.encoding == encoding
    assert deals(ws) == EXPECTED_DEALS


def test_excel_line_breaks_inside_cells_are_not_mixed_line_endings(ws, tmp_path):
    # Excel ends rows with CRLF and line breaks inside a cell with LF: one record ending, so it loads.
    text = DEALS_HEADER.replace("\n", "\r\n").replace("owner", "loss_reason") + 'D1,A1,2025-04-01,100,lost,2025-05-01,"価格\n納期"\r\n'
    ws.load(write(tmp_path, "deals.csv", text), "deals")
    assert ws.sql("SELECT loss_reason FROM deals").fetchall() == [("価格\n納期",)]


def test_a_header_cell_with_a_line_break_names_the_whole_column(ws, tmp_path):
    # Before: the column was named '受注' (the header was read up to its first line end).
    text = DEALS_HEADER.replace("owner", '"受注\n金額"') + "D1,A1,2025-04-01,100,won,,5\nD2,A1,2025-02-30,100,won,,6\n"
    with pytest.raises(LoadError, match=r"line 4, column 'created_at': '2025-02-30'"):  # the header takes lines 1-2
        ws.load(write(tmp_path, "deals.csv", text), "deals", lang="en")
    result = ws.load(write(tmp_path, "deals.csv", text.replace("2025-02-30", "2025-04-02")), "deals")
    assert result.extra_columns == ["受注_金額"]
    assert ws.sql('SELECT "受注_金額" FROM deals ORDER BY deal_id').fetchall() == [("5",), ("6",)]


def test_a_trailing_delimiter_in_the_header_is_a_column_named_by_its_position(ws, tmp_path):
    # Before: "could not read this row: Positional argument ''VARCHAR'' cannot follow named arguments".
    text = "deal_id,created_at,amount,outcome,\nD1,2025-04-01,100,won,\nD2,2025-04-01,200,lost,x\n"
    result = ws.load(write(tmp_path, "deals.csv", text), "deals")
    assert result.extra_columns == ["column_5"]
    assert ws.sql("SELECT deal_id, column_5 FROM deals ORDER BY deal_id").fetchall() == [("D1", None), ("D2", "x")]


def test_a_bom_at_the_start_still_loads(ws, tmp_path):
    path = tmp_path / "deals.csv"
    path.write_bytes(codecs.BOM_UTF8 + (DEALS_HEADER + DEALS_ROWS).encode())
    ws.load(path, "deals")
    assert deals(ws) == EXPECTED_DEALS


@pytest.mark.parametrize(
    ("lang", "mode", "name", "expected"),
    [
        ("en", "merge", "deals.csv", r"unknown mode 'merge'; expected one of: replace, append, upsert"),
        ("ja", "merge", "deals.csv", r"モード「merge」はありません。次のいずれかを指定してください: replace, append, upsert"),
        ("en", "replace", "missing.csv", r"missing.csv: file not found"),
        ("ja", "replace", "missing.csv", r"missing.csv: ファイルが見つかりません"),
    ],
)
def test_options_and_missing_files_in_the_users_language(loaded, tmp_path, lang, mode, name, expected):
    # Before: the unknown mode was English under ja.
    write(tmp_path, "deals.csv", DEALS_HEADER + DEALS_ROWS)
    with pytest.raises(LoadError, match=expected):
        loaded.load(tmp_path / name, "deals", mode=mode, lang=lang)


def test_a_file_that_cannot_be_read_is_refused_in_words(loaded, tmp_path, monkeypatch):
    # Before: PermissionError traceback. The operating system's refusal is simulated: root, as in
    # many CI containers, reads any file whatever its mode.
    path = write(tmp_path, "deals.csv", DEALS_HEADER + DEALS_ROWS)
    real_open = Path.open

    def denied(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(LoadError, match=r"deals.csv: 読み込めません（Permission denied）。データベースは変更されていません。"):
        loaded.load(path, "deals", lang="ja")


def test_cli_load_of_a_hostile_file_exits_3_without_traceback(tmp_path):
    kpiflow.init(str(tmp_path / "ws"), lang="ja").close()
    bad = write(tmp_path, "deals.csv", DEALS_HEADER + rows(2) + 'D3,"A1,2025-04-01,100,won,,x\n')
    result = CliRunner().invoke(app, ["load", str(bad), "--table", "deals", "-w", str(tmp_path / "ws")])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert "4 行目: この行で始まる引用符" in result.output


# --- mapping files' derive and where -----------------------------------------------------------

SECRET = "kpiflow-secret-7d41"

HOSTILE_MAPPINGS = {
    # Before: sqlglot.errors.TokenError traceback.
    "unclosed quote in derive": (
        "derive:\n  owner: \"'x\"\n",
        r"map.yaml:2:3: not a valid SQL expression: \"'x\" \(a quote that is never closed\)",
        r"map.yaml:2:3: SQL の式として読めません: \"'x\"（閉じていない引用符があります）",
    ),
    # Before: the file's content was loaded into every row's owner (the loading connection reads files).
    "derive reading a file": (
        "derive:\n  owner: \"(SELECT t.content FROM read_text('{secret}') AS t)\"\n",
        r"map.yaml:2:3: a subquery is not allowed in a mapping: an expression may use the file's columns",
        r"map.yaml:2:3: マッピングの式にサブクエリは使えません",
    ),
    # Before: refused in DuckDB's words ("read_text is a table function ...").
    "where calling a table function": (
        "where: \"length(read_text('{secret}')::VARCHAR) > 0\"\n",
        r"map.yaml:1:1: the function read_text\(\) is not allowed in a mapping",
        r"map.yaml:1:1: マッピングの式に関数 read_text\(\)は使えません",
    ),
    # Before: refused in DuckDB's words ("Scalar Function with name getenv does not exist!"); it
    # exists in other DuckDB builds.
    "derive reading the environment": (
        "derive:\n  owner: \"getenv('HOME')\"\n",
        r"map.yaml:2:3: the function getenv\(\) is not allowed in a mapping",
        r"map.yaml:2:3: マッピングの式に関数 getenv\(\)は使えません",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE_MAPPINGS))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_mapping_expressions_read_only_the_file(loaded, tmp_path, case, lang):
    text, english, japanese = HOSTILE_MAPPINGS[case]
    secret = write(tmp_path, "secret.txt", SECRET)
    mapping = write(tmp_path, "map.yaml", text.format(secret=secret))
    before = snapshot(loaded)
    with pytest.raises(ModelError) as refused:
        loaded.load(write(tmp_path, "deals.csv", DEALS_HEADER + DEALS_ROWS), "deals", mapping=mapping, lang=lang)
    pattern = english if lang == "en" else japanese
    assert re.search(pattern, str(refused.value)), f"{pattern!r} not in:\n{refused.value}"
    assert snapshot(loaded) == before
    assert SECRET not in repr(before)


# --- the model file ----------------------------------------------------------------------------

MODEL_EN = "kpiflow: 1\nlocale: en\nmetrics:\n  won_deals:\n    count: deals\n    where: outcome = 'won'\n"
MODEL_JA = MODEL_EN.replace("locale: en", "locale: ja")

HOSTILE_MODELS = {
    # Before: yaml.reader.ReaderError traceback ("unacceptable character #x0000").
    "NUL byte": (
        lambda text: text.replace("count: deals", "count: de\x00als").encode(),
        r"kpiflow.yaml:5:14: the character U\+0000 is not allowed in a YAML file",
        r"kpiflow.yaml:5:14: 文字 U\+0000 は YAML ファイルに使えません",
    ),
    # Before: "not UTF-8 text" with no line.
    "bytes that are not UTF-8": (
        lambda text: text.encode().replace(b"won_deals", b"won_\x93\x8edeals"),
        r"kpiflow.yaml:4: not UTF-8 text",
        r"kpiflow.yaml:4: UTF-8 のテキストではありません",
    ),
    # Before: hours of walking and validating a million aliased values.
    "aliases that expand a billionfold": (
        lambda text: (
            text
            + "x0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))
        ).encode(),
        r"kpiflow.yaml:\d+:\d+: the YAML expands to more than 100,000 values",
        r"kpiflow.yaml:\d+:\d+: YAML を展開すると 100,000 個を超える値になります",
    ),
    # Before: RecursionError traceback.
    "nesting 1,000 deep": (
        lambda text: (text + "deep: " + "[" * 1000 + "]" * 1000 + "\n").encode(),
        r"kpiflow.yaml: the YAML is nested too deeply",
        r"kpiflow.yaml: YAML の入れ子が深すぎます",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE_MODELS))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_hostile_model_file_names_its_line_in_the_files_language(tmp_path, case, lang):
    make, english, japanese = HOSTILE_MODELS[case]
    path = tmp_path / "kpiflow.yaml"
    path.write_bytes(make(MODEL_EN if lang == "en" else MODEL_JA))
    with pytest.raises(ModelError) as refused:
        read_model_document(path)
    pattern = english if lang == "en" else japanese
    assert re.search(pattern, str(refused.value)), f"{pattern!r} not in:\n{refused.value}"


def test_workspace_with_a_nul_in_its_model_is_a_model_error(tmp_path):
    # Before: opening the workspace (every command does) printed a yaml.reader traceback.
    root = tmp_path / "ws"
    kpiflow.init(str(root), lang="en").close()
    model = root / "kpiflow.yaml"
    model.write_bytes(model.read_bytes().replace(b"kpiflow: 1", b"kpiflow: 1\x00", 1))
    result = CliRunner().invoke(app, ["metrics", "-w", str(root)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert re.search(r"kpiflow.yaml:\d+:11: the character U\+0000 is not allowed", result.output)


def test_model_file_that_is_a_folder(tmp_path):
    # Before: IsADirectoryError traceback.
    (tmp_path / "kpiflow.yaml").mkdir()
    with pytest.raises(ModelError, match=r"kpiflow.yaml: cannot be read \(Is a directory\)"):
        read_model_document(tmp_path / "kpiflow.yaml")
