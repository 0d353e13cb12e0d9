"""Column headers: every key of every analysis result has one in Japanese and in English.

The keys are gathered from the results themselves (the demo company's), so an analysis that
gains a key without a header fails here, not in front of a user.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pytest

from conftest import copy_demo
from kpiflow.analysis.result import json_data
from kpiflow.errors import UnknownNameError
from kpiflow.reporting.excel import Table, sheet_tables
from kpiflow.reporting.headers import HEADERS, LANGS, header, known_keys
from kpiflow.workspace import Workspace

BLUEPRINT = "fy"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The small demo company (as in test_excel.py), with one blueprint saved so that the
    blueprint sheet, page and check have rows."""
    ws, _ = copy_demo(tmp_path_factory.mktemp("headers") / "demo", size="small", lang="ja")
    ws.blueprint_save(BLUEPRINT, ws.last_complete_year().label("en"), within="180d", min_support=30)
    yield ws
    ws.close()


def column_keys(data: object) -> set[str]:
    """The keys a table shows as headers: every key of every mapping at any depth, except the
    names in a mapping of named entries (a blueprint's KPIs by metric id: ids, not columns)."""
    keys: set[str] = set()
    if isinstance(data, Mapping):
        if not (data and all(isinstance(v, Mapping) for v in data.values())):
            keys |= set(data)
        for value in data.values():
            keys |= column_keys(value)
    elif isinstance(data, (list, tuple)):
        for value in data:
            keys |= column_keys(value)
    return keys


def year(ws: Workspace) -> str:
    return ws.last_complete_year().label("en")


def year_before(ws: Workspace) -> str:
    return ws.last_complete_year().previous().label("en")


# Each analysis as the workbook, the dashboard and the CLI call it, with the options that add keys
# (a breakdown, a comparison period, exhibits, deals).
CALLS: dict[str, Callable[[Workspace], object]] = {
    "tree": lambda ws: ws.tree(year(ws)),
    "metrics": lambda ws: ws.metrics(period="quarter", last="4q"),
    "metrics by channel": lambda ws: ws.metrics(["leads", "win_rate"], period="quarter", last="4q", by=["channel"]),
    "funnel": lambda ws: ws.funnel(year(ws)),
    "funnel by channel, period basis": lambda ws: ws.funnel(year(ws), basis="period", by=["channel"]),
    "bottleneck": lambda ws: ws.bottleneck(year(ws)),
    "bottleneck by industry": lambda ws: ws.bottleneck(year(ws), by=["industry"]),
    "velocity": lambda ws: ws.velocity(year(ws)),
    "velocity by channel, deals": lambda ws: ws.velocity(year(ws), by="channel", deals=True),
    "handoff": lambda ws: ws.handoff(year(ws)),
    "handoff by channel": lambda ws: ws.handoff(year(ws), by="channel"),
    "explain": lambda ws: ws.explain("revenue", year_before(ws), year(ws)),
    "exhibitions": lambda ws: ws.exhibitions(year(ws)),
    "exhibitions by exhibit": lambda ws: ws.exhibitions(year(ws), by_exhibit=True),
    "behaviour": lambda ws: ws.behaviour(year(ws)),
    "behaviour by content": lambda ws: ws.behaviour(year(ws), by="content_id"),
    "patterns with a comparison": lambda ws: ws.patterns("won", period=year(ws), compare=year_before(ws)),
    "blueprint": lambda ws: ws.blueprint(BLUEPRINT),
    "blueprint check": lambda ws: ws.blueprint_check(BLUEPRINT, year(ws)),
    "dictionary": lambda ws: ws.dictionary(),
    "plan": lambda ws: ws.plan({"revenue": 2_000_000_000}, year(ws), scenarios={"high": {"win_rate": 0.4}}),
    "lists fast": lambda ws: ws.lists("fast"),
    "lists nurture by channel": lambda ws: ws.lists("nurture", by="channel"),
    # a table's empty required cells are counted per column of the data contract: ids, not headers
    "check": lambda ws: {
        **ws.check().to_json_data(),
        "tables": [t | {"required_nulls": 0} for t in ws.check().to_json_data()["tables"]],
    },
}


@pytest.mark.parametrize("name", CALLS)
def test_every_key_of_every_result_has_a_header(demo, name):
    result = CALLS[name](demo)
    data = json_data(result) if hasattr(result, "to_dict") else result
    keys = column_keys(data)
    assert keys, f"{name}: no keys found"
    assert sorted(keys - known_keys()) == [], f"{name}: add these keys to kpiflow/reporting/headers.py"


def test_every_column_of_the_workbook_has_a_header_unique_in_its_table(demo):
    sheets = sheet_tables(demo, lang="ja")
    assert all(isinstance(content, list) for content in sheets.values()), sheets  # every sheet has tables
    for sheet, tables in sheets.items():
        for table in tables:
            assert isinstance(table, Table)
            columns = list(dict.fromkeys(key for row in table.rows for key in row))
            assert sorted(set(columns) - known_keys()) == [], f"{sheet}: add these keys to kpiflow/reporting/headers.py"
            for lang in LANGS:
                labels = [header(key, lang) for key in columns]
                assert len(set(labels)) == len(labels), f"{sheet} ({lang}): two columns share a header: {labels}"


def test_every_dimension_of_the_default_model_has_a_header(demo):
    assert sorted(set(demo.model.dimensions) - known_keys()) == []


def test_every_header_is_written_in_both_languages():
    cjk = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for key, entry in HEADERS.items():
        assert set(entry) == set(LANGS), key
        assert entry["ja"].strip() and entry["en"].strip(), key
        assert entry["en"].isascii(), f"{key}: the English header has Japanese in it"
        assert not re.fullmatch(r"[a-z0-9_]+", entry["en"]) or entry["en"] == key, f"{key}: looks like a raw key"
    # Japanese headers are Japanese: only a few names are the same in both (ROI, SQL).
    same = sorted(key for key, entry in HEADERS.items() if entry["ja"] == entry["en"])
    assert len(same) <= 0.02 * len(HEADERS), same
    assert sum(bool(cjk.search(entry["ja"])) for entry in HEADERS.values()) >= 0.95 * len(HEADERS)


@pytest.mark.parametrize(
    ("key", "ja", "en"),
    [
        ("ci_low", "95%下限", "95% low"),
        ("opportunity_rate", "商談化率", "Opportunity rate"),
        ("close_rate", "受注率", "Close rate"),
        ("lift", "リフト", "Lift"),
        ("support", "該当数", "Support"),
        ("q_value", "q値", "q-value"),
        ("stop_rate_ci_low", "立ち寄り率の95%下限", "Stop rate 95% low"),
    ],
)
def test_a_key_reads_as_business_japanese_and_english(key, ja, en):
    assert (header(key, "ja"), header(key, "en")) == (ja, en)


def test_an_unknown_key_is_shown_as_itself_and_an_unknown_language_is_refused():
    assert "no_such_column" not in known_keys()
    assert header("no_such_column", "ja") == "no_such_column"
    assert header("no_such_column", "en") == "no_such_column"
    with pytest.raises(UnknownNameError, match="unknown language 'jp'"):
        header("value", "jp")
    assert known_keys() == frozenset(HEADERS)
