"""One number, one format, on every face: the terminal, the dashboard, the HTML report and the
workbook show a return, a median of days, a rate and an amount of money the same way.

The expected texts are written here from the library's numbers with plain format specs (a return
of 14.98 reads 1498%), not through kpiflow.formatting, so a face that formats on its own fails.
"""

from __future__ import annotations

import html
import re
import warnings
import zipfile
from xml.etree import ElementTree

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from conftest import open_shared_demo, shared_report, shared_workbook
from kpiflow.cli import app
from kpiflow.reporting.headers import header
from kpiflow.reporting.words import Vocabulary

YEAR = "FY2025"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
BUILT_IN = {"0": None, "1": "0", "2": "0.00", "3": "#,##0", "4": "#,##0.00", "9": "0%", "10": "0.00%"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_shared_demo("small", "en")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def faces(demo):
    """Each face's rendering of the exhibitions and the funnel of the demo's last complete year."""
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
        from fastapi.testclient import TestClient  # noqa: PLC0415

    from kpiflow.dashboard import create_app  # noqa: PLC0415

    assert demo.last_complete_year().label("en") == YEAR  # the faces' default period
    runner = CliRunner()
    terminal = {
        name: runner.invoke(app, [name, "--period", YEAR, "-w", str(demo.root), "--lang", "en"], env={"COLUMNS": "250"}).output
        for name in ("exhibitions", "funnel")
    }
    with TestClient(create_app(demo.root), base_url="http://127.0.0.1:8765") as client:
        pages = {name: client.get(f"/{name}", params={"lang": "en", "period": YEAR}).text for name in ("exhibitions", "funnel")}
    return {"terminal": terminal, "dashboard": pages, "report": shared_report("en"), "book": shared_workbook("en")}


def terminal_row(output: str, first: str) -> list[str]:
    """The cells of the terminal table's row that starts with `first`."""
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip("│").split("│")]
        if cells and cells[0] == first:
            return cells
    raise AssertionError(f"no row {first!r} in:\n{output}")


def html_rows(body: str) -> list[list[str]]:
    """The text of each cell (header or data) of each row of the HTML tables in `body`."""
    return [
        [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def column_letters(n: int) -> str:
    """A worksheet column's letters: 1 -> A, 28 -> AB."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def html_row(body: str, first: str) -> list[str]:
    """The cells of the HTML table row whose first cell is `first` (the dashboard's and the report's)."""
    return next(cells for cells in html_rows(body) if cells and cells[0] == first)


def html_row_with(body: str, *texts: str) -> list[str]:
    """The cells of the first HTML table row that has each of `texts` as a cell."""
    return next(cells for cells in html_rows(body) if all(t in cells for t in texts))


def workbook_cell(book, sheet: str, first_header: str, first: str, column: str) -> tuple[object, str | None]:
    """A cell's value and its number format code, read from the file (not through XlsxWriter)."""
    path, names = book
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    heads = rows[0]
    i = next(i for i, row in enumerate(rows) if row[heads.index(first_header)] == first)
    j = heads.index(column)
    letters = column_letters(j + 1)
    with zipfile.ZipFile(path) as z:
        styles = ElementTree.fromstring(z.read("xl/styles.xml"))
        xml = ElementTree.fromstring(z.read(f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"))
    cell = xml.find(f".//{MAIN}c[@r='{letters}{i + 1}']")
    fmt_id = styles.find(f"{MAIN}cellXfs").findall(f"{MAIN}xf")[int(cell.get("s", "0"))].get("numFmtId")
    codes = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(f"{MAIN}numFmt")}
    return rows[i][j], codes.get(fmt_id, BUILT_IN.get(fmt_id))


def test_an_exhibitions_return_and_revenue_read_the_same_on_every_face(demo, faces):
    record = max((r for r in demo.exhibitions(YEAR).records if r.roi is not None), key=lambda r: r.roi)
    roi = f"{record.roi * 100:.0f}%"  # 14.98 -> 1498%: a return is a percentage, to the whole percent
    revenue = f"¥{record.revenue:,.0f}"
    show = record.exhibition_id

    cli = terminal_row(faces["terminal"]["exhibitions"], show)
    assert roi in cli and revenue in cli
    page = html_row(faces["dashboard"]["exhibitions"], show)
    assert roi in page and revenue in page
    report = html_row(faces["report"], show)
    assert roi in report and revenue in report

    value, fmt = workbook_cell(faces["book"], "Exhibitions", header("exhibition_id", "en"), show, header("roi", "en"))
    assert (value, fmt) == (pytest.approx(record.roi), "0%")
    value, fmt = workbook_cell(faces["book"], "Exhibitions", header("exhibition_id", "en"), show, header("revenue", "en"))
    assert (value, fmt) == (pytest.approx(record.revenue), "¥#,##0")


def test_a_funnel_steps_rate_and_median_days_read_the_same_on_every_face(demo, faces):
    step = next(s for s in demo.funnel(YEAR).steps if s.median_days is not None and s.median_days % 1 > 0.05)
    rate = f"{step.rate * 100:.1f}%"
    days = f"{step.median_days:.1f}"  # days to a tenth on every face (the report showed whole days)
    words = Vocabulary("en")
    pair, start, end = words.pair(step.from_stage, step.to_stage), words.stage(step.from_stage), words.stage(step.to_stage)

    cli = terminal_row(faces["terminal"]["funnel"], pair)
    assert rate in cli and days in cli
    report = html_row(faces["report"], pair)
    assert rate in report and days in report
    page = html_row_with(faces["dashboard"]["funnel"], start, end)  # its stages in two columns
    assert rate in page and days in page

    value, fmt = workbook_cell(faces["book"], "Funnel", header("from_stage", "en"), start, header("median_days", "en"))
    assert (value, fmt) == (pytest.approx(step.median_days), "#,##0.0")
    value, fmt = workbook_cell(faces["book"], "Funnel", header("from_stage", "en"), start, header("rate", "en"))
    assert (value, fmt) == (pytest.approx(step.rate), "0.0%")
