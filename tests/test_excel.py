"""The Excel workbook: one sheet per analysis, typed cells, text never run as a formula, written atomically."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from python_calamine import CalamineWorkbook

from conftest import copy_demo, open_shared_demo, shared_workbook
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.periods import Period
from kpiflow.reporting import excel
from kpiflow.reporting.excel import WorkbookError, write_workbook
from kpiflow.reporting.headers import header

JA_SHEETS = [
    "KPIツリー",
    "計画と実績",
    "四半期推移",
    "ファネル",
    "ボトルネック",
    "育成期間",
    "営業引き渡し",
    "変化要因",
    "展示会",
    "Web行動",
    "勝ちパターン",
    "ブループリント",
    "データ品質",
    "リードの質",
    "顧客価値の予測",
    "LTV・CAC・回収期間",
    "アトリビューション",
    "コンテンツの効果",
    "ブランド・NPS",
    "数字の信頼性",
    "仮説の台帳",
    "推移と進捗",
    "着地見込みとカバー率",
    "指標辞書",
]
EN_SHEETS = [
    "KPI tree",
    "Plan vs actual",
    "Metrics by quarter",
    "Funnel",
    "Bottleneck",
    "Velocity",
    "Handoff",
    "Explain",
    "Exhibitions",
    "Web behaviour",
    "Patterns",
    "Blueprints",
    "Data check",
    "Lead quality",
    "Customer value model",
    "LTV, CAC and payback",
    "Attribution",
    "Content",
    "Brand and NPS",
    "Trust",
    "Hypotheses",
    "Trend and pacing",
    "Forecast and coverage",
    "Metric dictionary",
]
HOSTILE = {
    "loss_reason": '=HYPERLINK("http://x","y")',
    "campaign": "@SUM(1+1)",
    "channel": "-2+3",
}
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_shared_demo("small", "ja")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def book_ja(demo) -> tuple[Path, list[str]]:
    return shared_workbook("ja")


@pytest.fixture(scope="module")
def book_en() -> tuple[Path, list[str]]:
    return shared_workbook("en")  # the English demo's, which tests of the other faces read too


def ja(key: str) -> str:
    """The Japanese header of a result's key, as the Japanese workbook shows it."""
    return header(key, "ja")


def en(key: str) -> str:
    return header(key, "en")


def rows(path: Path, sheet: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def table(path: Path, sheet: str) -> list[dict[str, object]]:
    """The sheet's main table (from the header row to the first blank row) as dicts keyed by header."""
    header, *body = rows(path, sheet)
    out = []
    for row in body:
        if all(v == "" for v in row):
            break
        out.append(dict(zip(header, row, strict=False)))
    return out


def sheet_xml(path: Path, names: list[str], sheet: str) -> str:
    # XlsxWriter names the parts sheet1.xml, sheet2.xml, ... in the order the sheets were added.
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{names.index(sheet) + 1}.xml").decode("utf-8")


def number_format(path: Path, names: list[str], sheet: str, ref: str) -> str | None:
    """The number format code of one cell, read from the sheet and styles XML (not through XlsxWriter)."""
    with zipfile.ZipFile(path) as z:
        styles = ElementTree.fromstring(z.read("xl/styles.xml"))
    cell = ElementTree.fromstring(sheet_xml(path, names, sheet)).find(f".//{{{MAIN}}}c[@r='{ref}']")
    assert cell is not None, f"{sheet}!{ref} is empty"
    xfs = styles.find(f"{{{MAIN}}}cellXfs").findall(f"{{{MAIN}}}xf")
    fmt_id = xfs[int(cell.get("s", "0"))].get("numFmtId")
    codes = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(f"{{{MAIN}}}numFmt")}
    return codes.get(fmt_id, {"0": None, "10": "0.00%"}.get(fmt_id))


def ref(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def test_every_analysis_has_its_sheet_in_japanese_and_english(book_ja, book_en):
    path, names = book_ja
    assert names == JA_SHEETS
    assert CalamineWorkbook.from_path(str(path)).sheet_names == JA_SHEETS
    path_en, english = book_en
    assert english == EN_SHEETS
    assert CalamineWorkbook.from_path(str(path_en)).sheet_names == EN_SHEETS
    assert table(path_en, "KPI tree")[0][en("label")] == "Revenue"
    assert all(len(n) <= 31 for n in names + english)


# The first columns of some tables, written out by hand: people's words, not the JSON keys.
HEADER_ROWS = [
    pytest.param("ja", "KPIツリー", None, ["指標", "名称", "階層", "値", "構成要素", "要素の積"], id="ja-tree"),
    pytest.param("en", "KPI tree", None, ["Metric", "Label", "Depth", "Value", "Factors", "Product of factors"], id="en-tree"),
    pytest.param(
        "ja",
        "ファネル",
        None,
        ["集計基準", "ステージ（元）", "ステージ（先）", "流入", "通過", "率", "95%下限", "95%上限"],
        id="ja-funnel",
    ),
    pytest.param(
        "en", "Funnel", None, ["Basis", "From", "To", "Entered", "Converted", "Rate", "95% low", "95% high"], id="en-funnel"
    ),
    pytest.param(
        "ja",
        "営業引き渡し",
        None,
        ["MQL数", "SQL数", "SQL化率", "95%下限", "95%上限", "SQL化までの中央値（日）"],
        id="ja-handoff",
    ),
    pytest.param(
        "en", "Handoff", None, ["MQLs", "SQLs", "SQL rate", "95% low", "95% high", "Median days to SQL"], id="en-handoff"
    ),
    pytest.param(
        "ja", "営業引き渡し", "失注理由", ["軸", "区分", "失注理由", "失注", "区分内の失注", "構成比"], id="ja-loss-reasons"
    ),
    pytest.param(
        "en",
        "Handoff",
        "Loss reasons",
        ["Dimension", "Group", "Loss reason", "Lost", "Lost in group", "Share"],
        id="en-loss-reasons",
    ),
    pytest.param(
        "ja",
        "勝ちパターン",
        None,
        ["パターン", "ステップ数", "該当数", "成果到達数", "到達率", "ベースライン到達率", "リフト"],
        id="ja-patterns",
    ),
    pytest.param(
        "en",
        "Patterns",
        None,
        ["Pattern", "Length", "Support", "Converters", "Confidence", "Base rate", "Lift"],
        id="en-patterns",
    ),
]


@pytest.mark.parametrize(("lang", "sheet", "title", "expected"), HEADER_ROWS)
def test_header_rows_are_in_the_workbooks_language(book_ja, book_en, lang, sheet, title, expected):
    path, _ = book_ja if lang == "ja" else book_en
    found = rows(path, sheet)
    at = 0 if title is None else [r[0] for r in found].index(title) + 1  # a further table: the row under its title
    assert found[at][: len(expected)] == expected


def test_no_header_is_a_raw_key_and_japanese_headers_are_japanese(book_ja, book_en):
    raw = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)+|[a-z]+")  # ci_low, from_stage, mqls
    kana_or_kanji = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for (path, names), lang in ((book_ja, "ja"), (book_en, "en")):
        for name in names:
            cells = [c for c in rows(path, name)[0] if c != ""]
            assert not [c for c in cells if raw.fullmatch(c)], f"{lang} {name}: {cells}"
            japanese = [c for c in cells if kana_or_kanji.search(c)]
            if lang == "en":
                assert japanese == [], f"{name}: {japanese}"
            else:
                assert len(japanese) >= 0.9 * len(cells), f"{name}: {cells}"


def test_header_rows_are_frozen_and_filtered(book_ja):
    path, names = book_ja
    for name in ("KPIツリー", "ファネル", "変化要因", "指標辞書"):
        xml = sheet_xml(path, names, name)
        assert re.search(r'<pane [^>]*ySplit="1"[^>]*state="frozen"', xml), name
        assert "<autoFilter " in xml, name
        assert "<cols>" in xml, name  # widths fitted to the content


def test_the_default_period_is_the_last_complete_fiscal_year(demo, book_ja):
    path, _ = book_ja
    expected = demo.tree(demo.last_complete_year().label("en"), lang="ja").period
    assert {r[ja("period")] for r in table(path, "KPIツリー")} == {expected}


def test_numbers_stay_numbers_with_money_and_percent_formats(demo, book_ja):
    path, names = book_ja
    tree = demo.tree(demo.last_complete_year().label("en"), lang="ja")
    header = rows(path, "KPIツリー")[0]
    records = table(path, "KPIツリー")
    by_metric = {r[ja("metric")]: (i, r) for i, r in enumerate(records, start=1)}

    i, revenue = by_metric["revenue"]
    assert isinstance(revenue[ja("value")], float)
    assert revenue[ja("value")] == tree.node("revenue").value
    assert number_format(path, names, "KPIツリー", ref(i, header.index(ja("value")))) == "¥#,##0"

    i, win_rate = by_metric["win_rate"]
    assert win_rate[ja("value")] == pytest.approx(tree.node("win_rate").value, rel=1e-12)
    assert 0 < win_rate[ja("value")] < 1  # a fraction, shown as a percentage
    assert number_format(path, names, "KPIツリー", ref(i, header.index(ja("value")))) == "0.0%"
    assert number_format(path, names, "KPIツリー", ref(i, header.index(ja("ci_low")))) == "0.0%"

    # Counts are plain numbers; lists are text; None is an empty cell.
    i, won = by_metric["won_deals"]
    assert won[ja("value")] == tree.node("won_deals").value
    assert number_format(path, names, "KPIツリー", ref(i, header.index(ja("value")))) == "#,##0"
    # a list of metrics is text, by the metrics' names (the JSON keeps their ids)
    assert won[ja("factors")] == ", ".join(demo.model.metrics[f].label.ja for f in tree.node("won_deals").factors)
    assert revenue[ja("reason")] == ""

    with zipfile.ZipFile(path) as z:
        assert 'formatCode="0.0%"' in z.read("xl/styles.xml").decode("utf-8")


def test_rates_named_by_the_result_are_percentages(demo, book_ja):
    path, names = book_ja
    funnel = demo.funnel(demo.last_complete_year().label("en"))
    header = rows(path, "ファネル")[0]
    first = table(path, "ファネル")[0]
    assert first[ja("rate")] == pytest.approx(funnel.steps[0].rate, rel=1e-12)
    assert number_format(path, names, "ファネル", ref(1, header.index(ja("rate")))) == "0.0%"
    assert number_format(path, names, "ファネル", ref(1, header.index(ja("entered")))) == "#,##0"
    # The patterns' interval is of the lift (around 15), not of a rate.
    header = rows(path, "勝ちパターン")[0]
    assert number_format(path, names, "勝ちパターン", ref(1, header.index(ja("confidence")))) == "0.0%"
    assert number_format(path, names, "勝ちパターン", ref(1, header.index(ja("ci_low")))) != "0.0%"


def test_dates_and_times_are_excel_dates(demo, book_ja):
    path, _ = book_ja
    year = demo.last_complete_year()
    quarters = table(path, "四半期推移")
    assert {r[ja("period_start")] for r in quarters} == {Period.quarter(year.fiscal_year, n).start for n in (1, 2, 3, 4)}
    shows = table(path, "展示会")
    assert shows and all(isinstance(r[ja("first_at")], dt.datetime) for r in shows)


def test_hostile_text_stays_text_and_a_failing_analysis_gets_a_note(tmp_path, monkeypatch):
    ws, _ = copy_demo(tmp_path / "demo", size="small", lang="en")
    ws.writer().execute("UPDATE deals SET loss_reason = ? WHERE loss_reason IS NOT NULL", [HOSTILE["loss_reason"]])
    ws.writer().execute("UPDATE contacts SET campaign = ?", [HOSTILE["campaign"]])
    ws.writer().execute("UPDATE contacts SET channel = ? WHERE channel = (SELECT min(channel) FROM contacts)", [HOSTILE["channel"]])

    def no_shows(_context):
        raise KpiflowError("no exhibitions in the data")

    monkeypatch.setitem(excel.BUILDERS, "exhibitions", no_shows)
    path = tmp_path / "hostile.xlsx"
    try:
        names = write_workbook(ws, path, lang="en")
    finally:
        ws.close()

    assert names == EN_SHEETS
    found = {
        cell for name in names for row in rows(path, name) for cell in row if isinstance(cell, str) and cell in HOSTILE.values()
    }
    assert found == set(HOSTILE.values())
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml  # no formula anywhere
    assert rows(path, "Exhibitions") == [["Exhibitions: not available for this data (no exhibitions in the data)"]]
    assert rows(path, "Handoff")[0][0] == en("mqls")  # the other sheets are complete


def test_a_missing_folder_is_refused_and_nothing_is_written(demo, tmp_path):
    target = tmp_path / "missing" / "kpi.xlsx"
    with pytest.raises(WorkbookError, match="does not exist") as raised:
        write_workbook(demo, target)
    assert isinstance(raised.value, KpiflowError)
    assert not target.parent.exists()


def test_a_failure_mid_way_leaves_the_old_file_and_no_temporary_file(demo, tmp_path, monkeypatch):
    target = tmp_path / "kpi.xlsx"
    target.write_bytes(b"the previous workbook")

    def broken(_context):
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(excel.BUILDERS, "tree", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_workbook(demo, target)
    assert target.read_bytes() == b"the previous workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["kpi.xlsx"]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"lang": "fr"}, UnknownNameError, "unknown language 'fr'"),
        ({"name": "kpi.csv"}, WorkbookError, "must end in .xlsx"),
        ({"period": "FY20x5"}, KpiflowError, "FY20x5"),
    ],
)
def test_bad_arguments_are_refused_before_any_work(demo, tmp_path, kwargs, error, message):
    target = tmp_path / kwargs.pop("name", "kpi.xlsx")
    with pytest.raises(error, match=re.escape(message)):
        write_workbook(demo, target, **kwargs)
    assert list(tmp_path.iterdir()) == []


def test_plan_vs_actual_sheet_by_hand(demo, book_ja):
    path, names = book_ja
    year = demo.last_complete_year().label("en")
    targets = demo.model.targets[year]  # FY2025: revenue 1,500,000,000 and win_rate 0.32 in the demo's model
    tree = demo.tree(year, lang="ja")
    records = {r[ja("metric")]: r for r in table(path, "計画と実績")}
    assert set(records) == set(targets)
    revenue = records["revenue"]
    actual = tree.node("revenue").value
    assert revenue[ja("target")] == targets["revenue"] and revenue[ja("value")] == actual
    assert revenue[ja("gap")] == actual - targets["revenue"]
    assert revenue[ja("achieved")] == pytest.approx(actual / targets["revenue"], rel=1e-12)
    header = rows(path, "計画と実績")[0]
    i = [r[0] for r in rows(path, "計画と実績")].index("revenue")
    assert number_format(path, names, "計画と実績", ref(i, header.index(ja("target")))) == "¥#,##0"
    assert number_format(path, names, "計画と実績", ref(i, header.index(ja("achieved")))) == "0.0%"


def test_data_check_sheet_lists_every_table_and_each_warning(demo, book_ja):
    path, _ = book_ja
    check = demo.check()
    tables = table(path, "データ品質")
    assert [t[ja("table")] for t in tables] == [t.table for t in check.tables]
    assert [t[ja("rows")] for t in tables] == [t.rows for t in check.tables]
    found = rows(path, "データ品質")
    title = [r[0] for r in found].index(excel.SECTIONS["warnings"]["ja"])
    warnings = [r for r in found[title + 2 :] if r[0] != ""]
    assert len(warnings) == len(check.warnings) > 0
