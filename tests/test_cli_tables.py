"""The terminal never cuts a number: on an 80-column terminal every command's table keeps each
number whole (text wraps, columns are left out with a note), and --wide shows every column.

The check is independent of the fitting: each number printed at 80 columns must be a number the
same command prints in full with --wide, so a number folded or shortened ("¥1,36…") fails.
"""

from __future__ import annotations

import io
import re

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from typer.testing import CliRunner

from conftest import shared_demo
from kpiflow.analysis.registry import REGISTRY
from kpiflow.cli import app
from kpiflow.cli_tables import fit
from kpiflow.reporting.headers import STAGES
from kpiflow.reporting.words import FINDINGS, REFERENCES, STATUSES, TOUCHES

# Every analysis of the registry as a command with the arguments it needs on the demo, and the
# other commands that print tables.
COMMANDS: dict[str, list[str]] = {
    "tree": ["tree", "--period", "FY2025"],
    "metrics": ["metrics", "revenue", "win_rate", "leads", "--period", "FY2025", "--by", "channel"],
    "plan": ["plan", "--target", "revenue=2000000000", "--period", "FY2026"],
    "funnel": ["funnel", "--by", "channel"],
    "bottleneck": ["bottleneck", "--by", "channel"],
    "velocity": ["velocity", "--by", "channel"],
    "handoff": ["handoff", "--by", "channel"],
    "lists": ["lists", "fast"],
    "explain": ["explain", "revenue", "--from", "FY2024", "--to", "FY2025"],
    "exhibitions": ["exhibitions"],
    "behaviour": ["behaviour"],
    "patterns": ["patterns"],
    "check": ["check"],
    "dictionary": ["dictionary"],
    "score": ["score", "quality"],
    "economics": ["economics"],
    "clv": ["clv"],
    # attribution (issue 20)
    "attribution": ["attribution"],
    # content, brand (issue 21)
    "content": ["content"],
    "brand": ["brand"],
    # trust, hypotheses (issue 22)
    "trust": ["trust"],
    "hypotheses": ["hypotheses"],
    # trend, forecast (issue 23)
    "trend": ["trend", "revenue", "leads", "win_rate"],
    "forecast": ["forecast"],
}
OTHERS: dict[str, list[str]] = {
    "touch funnel": ["funnel", "--step", "type = 'booth_visit'", "--step", "type = 'demo'", "--step", "type = 'inquiry'"],
    "schema": ["schema"],
    "analyses": ["analyses"],
}
DIGITS = re.compile(r"\d[\d,.]*\d|\d")  # a number's digits with its separators: 1,345 / 46.2 / 2025


def test_every_analysis_of_the_registry_has_a_command_here():
    assert set(COMMANDS) == {name for name, entry in REGISTRY.items() if "cli" in entry.faces}


@pytest.fixture(scope="module")
def demos(tmp_path_factory):
    roots = {}
    for lang in ("en", "ja"):
        roots[lang] = shared_demo("small", lang)
    return roots


def run(args: list[str], lang: str, *extra: str) -> str:
    result = CliRunner().invoke(app, [*args, "--lang", lang, *extra], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def screen(demos):
    """A command's output on an 80-column terminal, by name, language and --wide (each run once)."""
    outputs: dict[tuple[str, str, bool], str] = {}

    def shown(name: str, lang: str, wide: bool = False) -> str:
        if (name, lang, wide) not in outputs:
            where = [] if name in ("schema", "analyses") else ["-w", str(demos[lang])]  # these read no workspace
            outputs[name, lang, wide] = run([*{**COMMANDS, **OTHERS}[name], *where], lang, *(["--wide"] if wide else []))
        return outputs[name, lang, wide]

    return shown


WIDTH_NOTE = re.compile(r"(?<=Left out to fit )80|(?<=端末の幅（)80")  # the terminal's width in the note


def numbers(output: str) -> set[str]:
    return {m.group(0) for m in DIGITS.finditer(WIDTH_NOTE.sub("", output))}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", [*COMMANDS, *OTHERS])
def test_at_80_columns_no_number_is_cut(screen, name, lang):
    narrow, wide = screen(name, lang), screen(name, lang, wide=True)
    assert "…" not in narrow
    too_wide = [line for line in narrow.splitlines() if cell_len(line) > 80]
    assert too_wide == [], f"kpiflow {name}: lines wider than the terminal"
    cut = sorted(numbers(narrow) - numbers(wide))
    assert cut == [], f"kpiflow {name} ({lang}): numbers at 80 columns that are not whole numbers of --wide: {cut}"


def test_wide_shows_every_column_that_80_columns_leave_out(screen):
    narrow, wide = screen("exhibitions", "en"), screen("exhibitions", "en", wide=True)
    note = " ".join(narrow.split())
    assert "Left out to fit 80 columns: " in note and "(--wide shows every column)" in note
    left_out = note.split("Left out to fit 80 columns: ")[1].split(" (--wide")[0].split(", ")
    assert "Median dwell (s)" in left_out  # the show's details go first, its results stay
    assert "ROI" in narrow and "Revenue" in narrow
    header = next(line for line in wide.splitlines() if "ROI" in line)
    assert all(name in header for name in left_out)
    assert "Left out" not in wide and max(cell_len(line) for line in wide.splitlines()) > 80


# Codes that must never reach a Japanese screen (kpiflow.reporting.words has a word for each; tests/
# test_words.py checks that every code the analyses emit is among them). A quoted one is a condition.
SHOWN = {*STATUSES, *FINDINGS, *STAGES, *TOUCHES, *REFERENCES, "cohort", "throughput", "stage:opportunity"}
CODE = re.compile(r"(?<![\w'\".=/-])(" + "|".join(sorted(map(re.escape, SHOWN), key=len, reverse=True)) + r")(?![\w'\"-])")


@pytest.mark.parametrize("name", COMMANDS)
def test_a_japanese_terminal_table_shows_no_code(screen, name):
    rows = [line for line in screen(name, "ja").splitlines() if "│" in line or "  " in line.strip()]
    assert rows, f"{name}: no table"
    codes = {m.group(1) for line in rows for m in CODE.finditer(line)}
    assert not codes, f"kpiflow {name}: codes on a Japanese screen: {sorted(codes)}"


def printed(table: Table, width: int) -> list[str]:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(table)
    return console.export_text().splitlines()


def test_a_number_column_keeps_its_widest_number_and_text_wraps_around_it():
    table = Table("campaign", "revenue", "note")
    table.columns[1].justify = "right"
    table.add_row("Spring exhibition in Nagoya", "¥1,360,130,000", "the biggest show of the year, by far")
    table.add_row("Web", "¥9,800", "")
    assert fit(table, 50) == []  # everything stays: the text wraps
    assert [c.width for c in table.columns] == [20, 14, 12]  # the row's name and the note wrap, the number does not
    lines = printed(table, 50)
    assert max(cell_len(line) for line in lines) <= 50
    assert any("¥1,360,130,000" in line for line in lines)
    assert "…" not in "\n".join(lines)


def test_columns_are_left_out_text_first_when_numbers_alone_are_too_wide():
    table = Table("name", "a", "b", "note", "c")
    for column in table.columns[1:3] + table.columns[4:]:
        column.justify = "right"
    table.add_row("x", "1,111,111,111", "2,222,222,222", "a note", "3,333,333,333")
    assert fit(table, 36) == ["note", "c"]  # text first, then numbers from the right
    assert [c.header for c in table.columns] == ["name", "a", "b"]
    lines = printed(table, 36)
    assert any("1,111,111,111" in line and "2,222,222,222" in line for line in lines)


def test_a_number_keeps_its_width_when_columns_left_out_are_before_the_last():
    # Seen on the default demo's exhibitions at 80 columns: Leads "1,297" printed as "1,29" over "7".
    # The column left out was not the last one, so the last one kept the edge padding a compact
    # table does not have, and rich took that column back from a number.
    table = Table("name", "a", "note", "b", "c")
    for column in (table.columns[1], *table.columns[3:]):
        column.justify = "right"
    table.add_row("x", "1,297", "a long note that goes", "22,222", "3,333")
    left_out = fit(table, 26)
    assert left_out == ["note"]
    lines = printed(table, 26)
    assert max(cell_len(line) for line in lines) <= 26
    assert any("1,297" in line and "22,222" in line and "3,333" in line for line in lines), lines


def test_a_table_that_fits_is_left_as_it_is():
    table = Table("name", "value")
    table.add_row("leads", "953")
    assert fit(table, 80) == []
    assert table.show_edge and table.columns[0].width is None
