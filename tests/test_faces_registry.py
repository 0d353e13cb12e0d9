"""Every registered analysis, every face it has: a number its result holds reads the same on the
terminal, the dashboard, the HTML report and the workbook (issue 16).

For each analysis the test takes the first rows of its tables (`to_dict()`, whose columns declare
their kind) and writes each number as people should read it, with plain format specs rather than
kpiflow.formatting: a rate 29.4%, a return 1498%, money ¥1,234, days 12.3, a lift 2.35, a metric's
value in its metric's format. On each face it finds the row that shows that record (a row holding
two or more of its distinctive numbers) and fails when the row shows one of the record's numbers
another way (0.294, 29%, 1,234 without its ¥, 12 days for 12.3), or when no row of a face shows
any record of the analysis. tests/test_faces.py pins two numbers of two analyses by hand.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from xml.etree import ElementTree

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from conftest import open_shared_demo, shared_report, shared_workbook
from kpiflow.analysis.registry import ANALYSES, Analysis
from kpiflow.cli import app
from kpiflow.reporting.excel import sheet_title
from test_faces import BUILT_IN, MAIN, column_letters, html_rows

YEAR = "FY2025"
ROWS = 5  # records compared per table
# Parts of a change are in the unit of the metric explained; other measures in their row's metric's.
CHANGE_PARTS = ("contribution", "mix", "rate", "rest", "total_change")

# Faces that show no row of an analysis's tables as a row, and why; every other face must.
NOT_ROWS = {
    ("metrics", "cli"): "a pivot: one metric per row, one period per column",
    ("metrics", "workbook"): "a pivot: one metric per row, one quarter per column",
    ("check", "cli"): "one number per row (each table's rows)",
    ("check", "dashboard"): "one number per row (each table's rows)",
    ("check", "workbook"): "one number per row (each table's rows)",
    ("dictionary", "cli"): "definitions and SQL: no numbers",
    ("dictionary", "dashboard"): "definitions and SQL: no numbers",
    ("dictionary", "report"): "definitions and SQL: no numbers",
    ("dictionary", "workbook"): "definitions and SQL: no numbers",
    ("hypotheses", "cli"): "the demo's hypotheses are checked by `kpiflow hypotheses check`, not yet recorded: no numbers",
    ("hypotheses", "dashboard"): "the demo's hypotheses are not yet recorded: no numbers",
    ("hypotheses", "report"): "the demo's hypotheses are not yet recorded: no numbers",
    ("hypotheses", "workbook"): "the demo's hypotheses are not yet recorded: no numbers",
}
COMMANDS = {"score": ["score", "quality"]}  # `kpiflow score` lists contacts' scores; its quality is the analysis
COMPARED = [a for a in ANALYSES if a.name != "score_fit"]  # a fit's faces are its command's (waived elsewhere)


def expected(value: float, kind: str) -> str | None:
    """How people read a number of a kind (English, yen)."""
    return {
        "rate": f"{value * 100:.1f}%",
        "percent": f"{value * 100:.1f}%",
        "roi": f"{value * 100:.0f}%",
        "money": f"¥{value:,.0f}" if value >= 0 else f"-¥{-value:,.0f}",
        "count": f"{value:,.0f}",
        "days": f"{value:,.1f}",
        "ratio": f"{value:,.2f}",
        "seconds": f"{value:,.0f}",
    }.get(kind)


def other_ways(value: float, kind: str) -> set[str]:
    """Other ways a face could write it: a face showing one of these wrote the number its own way."""
    return {
        "rate": {f"{value * 100:.0f}%", f"{value * 100:.2f}%", f"{value:.2f}", f"{value:.3f}", f"{value:.4f}"},
        "percent": {f"{value * 100:.0f}%", f"{value * 100:.2f}%", f"{value:.2f}", f"{value:.3f}", f"{value:.4f}"},
        "roi": {f"{value * 100:.1f}%", f"{value:.2f}", f"{value * 100:.2f}%"},
        "money": {f"{value:,.0f}", f"¥{value:,.2f}", f"{value:.0f}"},
        "days": {f"{value:.0f}", f"{value:.2f}", f"{value:.3g}"},
        "ratio": {f"{value:.3f}"},
        "seconds": {f"{value:,.0f}s", f"{value:.1f}", f"{value:,.0f} s"},
        "count": {f"{value:,.2f}", f"{value:,.1f}"} if value % 1 else set(),  # a count's bound: 645, not 645.25
    }.get(kind, set())


def kind_in_row(kind: str, column: str, record: dict, params: dict, model) -> str | None:
    """A `measure` column's kind: its metric's format (money, a rate, else a count)."""
    if kind != "measure":
        return kind
    name = params.get("metric") if column in CHANGE_PARTS else None
    metric = model.metrics.get(name or record.get("metric") or record.get("stage") or record.get("factor") or "")
    if metric is None:
        return None
    return {"money": "money", "percent": "rate"}.get(metric.format or "", "count" if metric.kind != "ratio" else None)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def terminal_rows(output: str) -> list[list[str]]:
    """Cells of a terminal table's rows, boxed (│) or not (two spaces or more between cells)."""
    split = lambda line: re.split(r"\s*│\s*", line.strip(" │┃")) if "│" in line else re.split(r"\s{2,}", line.strip())  # noqa: E731
    return [split(line) for line in output.splitlines() if line.strip()]


def excel_text(value, code: str | None) -> str:
    """A cell as Excel shows it under its number format code (the codes kpiflow writes)."""
    if not _number(value) or code in (None, "General"):
        return str(value)
    if code.endswith("%"):
        return f"{value * 100:.{len(code.split('.')[1]) - 1 if '.' in code else 0}f}%"
    prefix = code.split("#")[0] if "#" in code else ""
    return prefix + f"{value:,.{len(code.split('.')[1]) if '.' in code else 0}f}"


def workbook_rows(path, names: list[str]) -> dict[str, list[list[str]]]:
    """Each sheet's rows as Excel shows them, read from the file (not through XlsxWriter)."""
    book = CalamineWorkbook.from_path(str(path))
    out: dict[str, list[list[str]]] = {}
    with zipfile.ZipFile(path) as z:
        styles = ElementTree.fromstring(z.read("xl/styles.xml"))
        xfs = styles.find(f"{MAIN}cellXfs").findall(f"{MAIN}xf")
        codes = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(f"{MAIN}numFmt")}
        for k, name in enumerate(names):
            xml = ElementTree.fromstring(z.read(f"xl/worksheets/sheet{k + 1}.xml"))
            fmt = {}
            for c in xml.iter(f"{MAIN}c"):
                fid = xfs[int(c.get("s", "0"))].get("numFmtId")
                fmt[c.get("r")] = codes.get(fid, BUILT_IN.get(fid))
            out[name] = [
                [excel_text(v, fmt.get(f"{column_letters(j + 1)}{i + 1}")) for j, v in enumerate(row)]
                for i, row in enumerate(book.get_sheet_by_name(name).to_python())
            ]
    return out


@pytest.fixture(scope="module")
def demo():
    ws = open_shared_demo("small", "en")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def faces(demo):
    """Each face's rows: the terminal's per analysis, the dashboard's per page, the report's and the
    workbook's whole, all for the demo's last complete year in English."""
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
        from fastapi.testclient import TestClient  # noqa: PLC0415

    from kpiflow.dashboard import create_app  # noqa: PLC0415
    from kpiflow.dashboard.pages import all_pages  # noqa: PLC0415

    assert demo.last_complete_year().label("en") == YEAR  # the faces' default period
    runner = CliRunner()
    terminal, pages = {}, {}
    paths = {page.name: page.path for page in all_pages()}  # the key point map is the home page
    with TestClient(create_app(demo.root), base_url="http://127.0.0.1:8765") as client:
        for entry in COMPARED:
            period = ["--period", YEAR] if _has_period(entry) else []
            if "cli" in entry.faces:
                argv = [*COMMANDS.get(entry.name, [entry.name]), *period, "-w", str(demo.root), "--lang", "en", "--wide"]
                done = runner.invoke(app, argv, env={"COLUMNS": "400"})
                assert done.exit_code == 0, done.output
                terminal[entry.name] = terminal_rows(done.output)
            if "dashboard" in entry.faces:
                page = client.get(paths[entry.name], params={"lang": "en", **({"period": YEAR} if period else {})})
                assert page.status_code == 200, page.text
                pages[entry.name] = html_rows(page.text)
    book, names = shared_workbook("en")  # the last complete year's, as every face here
    report = shared_report("en")
    sections = dict(re.findall(r'<section id="([^"]+)">(.*?)</section>', report, re.S))
    sheets = workbook_rows(book, names)
    return {
        "cli": terminal,
        "dashboard": pages,
        # an analysis's own section and sheet: a row elsewhere holding two of its numbers is not its row
        "report": {e.name: html_rows(sections[e.report_section or e.name]) for e in COMPARED if "report" in e.faces},
        "workbook": {e.name: sheets[sheet_title(e.name, "en")[:31]] for e in COMPARED if "workbook" in e.faces},
    }


def _has_period(entry: Analysis) -> bool:
    return any(p.name == "period" for p in entry.params)


def _compare(result: dict, rows: list[list[str]], model) -> tuple[int, list[str]]:
    """(records found as a row of the face, numbers a found row writes its own way)."""
    found, wrong = 0, []
    # "29.4% (12/41)": a rate with its counts; "+¥1,234": a change
    cell_sets = [(row, set(row) | {c.split(" (")[0] for c in row} | {c.lstrip("+") for c in row}) for row in rows]
    for name, table in result["tables"].items():
        kinds = {c["name"]: c["kind"] for c in table["columns"]}
        for record in table["rows"][:ROWS]:
            shown = {}
            for column, value in record.items():
                kind = kind_in_row(kinds[column], column, record, result.get("params", {}), model)
                if _number(value) and kind and expected(value, kind):
                    shown[column] = (expected(value, kind), other_ways(value, kind))
            # Distinctive: a count below 10 (a depth, a length) would match many rows.
            telling = [text for column, (text, _) in shown.items() if not (kinds[column] == "count" and abs(record[column]) < 10)]
            for row, cells in cell_sets:
                if sum(text in cells for text in telling) < 2:
                    continue
                found += 1
                for column, (text, ways) in shown.items():
                    # What the record's other numbers read as is not a sign of this one.
                    others = set()
                    for other, value in record.items():
                        if other != column and _number(value):
                            others |= {f"{value:,.0f}", f"{value:,.1f}", f"{value:,.2f}", f"{value:g}", str(value)}
                            others |= {shown[other][0], *shown[other][1]} if other in shown else set()
                    if text not in cells and (ways - others) & cells:
                        wrong.append(f"{name}.{column}: {text} shown as {sorted((ways - others) & cells)} in {row}")
                break
    return found, wrong


@pytest.mark.parametrize("entry", COMPARED, ids=[a.name for a in COMPARED])
def test_every_face_writes_the_analysis_s_numbers_as_the_others_do(demo, faces, entry: Analysis):
    result = entry.run(demo, **({"period": YEAR} if _has_period(entry) else {})).to_dict()
    compared = 0
    for face in ("cli", "dashboard", "report", "workbook"):
        if face not in entry.faces:
            continue
        rows = faces[face][entry.name]
        found, wrong = _compare(result, rows, demo.model)
        assert not wrong, f"{entry.name} on the {face}:\n" + "\n".join(wrong)
        if (entry.name, face) in NOT_ROWS:
            assert found == 0, f"{entry.name} on the {face} now shows its rows: compare it (remove it from NOT_ROWS)"
            continue
        assert found, f"{entry.name}: no row of the {face} shows a record of its tables"
        compared += 1
    assert compared or all((entry.name, f) in NOT_ROWS for f in entry.faces if f != "json")


def test_a_number_written_another_way_is_caught():
    result = {"tables": {"t": {"columns": [{"name": "n", "kind": "count"}, {"name": "rate", "kind": "rate"},
                                           {"name": "revenue", "kind": "money"}],
                               "rows": [{"n": 1234, "rate": 0.2941, "revenue": 5_600_000}]}}}
    good = [["Ads", "1,234", "29.4%", "¥5,600,000"]]
    assert _compare(result, good, model=None) == (1, [])
    found, wrong = _compare(result, [["Ads", "1,234", "0.29", "¥5,600,000"]], model=None)
    assert found == 1 and wrong == ["t.rate: 29.4% shown as ['0.29'] in ['Ads', '1,234', '0.29', '¥5,600,000']"]
    assert _compare(result, [["Ads", "1,234", "29.4%", "5,600,000"]], model=None)[1]  # money without its ¥
    assert _compare(result, [["Other", "99", "1.0%"]], model=None) == (0, [])  # no row shows the record
