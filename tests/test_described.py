"""Every analysis's `to_dict()` is the parameters it used and its tables, each column with a kind
(issue 16); the older analyses keep the JSON their commands promised as `to_json_data()`."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from conftest import open_shared_demo
from kpiflow.analysis.registry import ANALYSES, Analysis
from kpiflow.analysis.result import KINDS, describe, is_tabular, json_data, kind_of
from kpiflow.cli import app

RUN = [a for a in ANALYSES if a.name != "score_fit"]  # a fit takes seconds: tests/test_scoring.py has its tables


@pytest.fixture(scope="module")
def demo():
    ws = open_shared_demo("small", "en")
    yield ws
    ws.close()


def _plain(data):
    return json.loads(json.dumps(data, default=str))


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# What a value of each kind may be: a kind that a column's values contradict is a wrong declaration.
FITS = {
    "count": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
    "rate": lambda v: _number(v) and -1e-9 <= v <= 1 + 1e-9,
    "p_value": lambda v: _number(v) and 0 <= v <= 1 + 1e-9,
    "percent": _number,
    "money": _number,
    "measure": _number,
    "days": lambda v: _number(v),
    "seconds": lambda v: _number(v) and v >= 0,
    "ratio": lambda v: _number(v) and v >= 0,
    "roi": _number,
    "number": _number,
    "flag": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list),
    "mapping": lambda v: isinstance(v, dict),
    "label": lambda v: isinstance(v, str),
    "text": lambda v: isinstance(v, str),
    "period": lambda v: isinstance(v, str),
    "date": lambda v: isinstance(v, str) and dt.datetime.fromisoformat(v) is not None,
}


@pytest.mark.parametrize("entry", RUN, ids=[a.name for a in RUN])
def test_to_dict_is_the_parameters_and_tables_whose_values_fit_their_kinds(demo, entry: Analysis):
    data = entry.run(demo).to_dict()
    assert is_tabular(data) and data["analysis"] == entry.name
    assert isinstance(data["params"], dict)
    json.dumps(data, allow_nan=False)  # plain JSON as it is: no datetime, decimal or NaN left to a default
    assert set(FITS) == set(KINDS)
    for name, table in data["tables"].items():
        declared = [c["name"] for c in table["columns"]]
        assert len(set(declared)) == len(declared), name
        for column in table["columns"]:
            assert column["kind"] in KINDS, (name, column)
            values = [row[column["name"]] for row in table["rows"] if row[column["name"]] is not None]
            wrong = [v for v in values if not FITS[column["kind"]](v)]
            assert not wrong, f"{entry.name}.{name}.{column['name']} ({column['kind']}): {wrong[:3]}"


@pytest.mark.parametrize("entry", [a for a in RUN if not a.generic], ids=lambda a: a.name)
def test_the_tables_hold_every_record_of_the_promised_json(demo, entry: Analysis):
    result = entry.run(demo)
    promised, tables = _plain(result.to_json_data()), result.to_dict()["tables"]

    def filled(key, records):  # a record without a table's column holds no value there
        return [{c["name"]: r.get(c["name"]) for c in tables[key]["columns"]} for r in records]

    if isinstance(promised, list):
        assert tables[result.MAIN]["rows"] == filled(result.MAIN, promised)
        return
    for key, value in promised.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            assert tables[key]["rows"] == filled(key, value), key
        elif key in result.PARAMS:
            assert result.to_dict()["params"][key] == value, key


@pytest.mark.parametrize(
    "args", [["funnel"], ["tree", "--period", "FY2025"], ["exhibitions"], ["explain", "revenue", "--from", "FY2024", "--to", "FY2025"], ["check"]]
)
def test_the_json_command_still_prints_the_promised_json(demo, args):
    from kpiflow.analysis.registry import analysis  # noqa: PLC0415

    entry = analysis(args[0])
    printed = CliRunner().invoke(app, [*args, "-w", str(demo.root), "--json"])
    assert printed.exit_code == 0, printed.output
    expected = _plain(json_data(entry.run(demo)))
    assert json.loads(printed.output) == json.loads(json.dumps(expected, default=str).replace("NaN", "null"))
    assert not is_tabular(json.loads(printed.output))


def test_a_list_of_records_is_one_table_whose_kinds_come_from_names_and_values():
    data = [
        {"stage": "mql", "entered": 10, "converted": 4, "rate": 0.4, "median_days": 3.5, "small_sample": True},
        {"stage": "sql", "entered": 4, "converted": 1, "rate": 0.25, "median_days": None, "small_sample": True},
    ]
    described = describe("toy", {"period": "FY2025"}, data, main="steps")
    (table,) = described.tables
    assert table.name == "steps" and described.params == {"period": "FY2025"}
    assert [(c.name, c.kind) for c in table.columns] == [
        ("stage", "label"), ("entered", "count"), ("converted", "count"), ("rate", "rate"), ("median_days", "days"),
        ("small_sample", "flag"),
    ]
    assert table.records() == data


def test_an_object_becomes_its_parameters_a_summary_row_and_a_table_per_list():
    data = {
        "period": "FY2025",
        "units": 120,
        "base_rate": 0.1,
        "records": [{"pattern": ["a", "b"], "lift": 2.0, "p_value": 0.01}],
        "paths": {"with_steps": 3, "links": [{"source": "a", "value": 3}]},
        "settings": {"days": 30, "types": ["call", "meeting"]},
        "excluded": [],
        "warnings": ["no touch matches x"],
    }
    described = describe("toy", dict.fromkeys(["period"]), data, main="records", notes=("warnings",), kinds={"paths_links.value": "count"})
    tables = {t.name: t for t in described.tables}
    assert described.params == {"period": "FY2025"} and described.notes == ("no touch matches x",)
    assert list(tables) == ["summary", "records", "paths", "paths_links", "settings", "excluded"]
    assert tables["summary"].records() == [{"units": 120, "base_rate": 0.1}]
    assert [c.kind for c in tables["records"].columns] == ["list", "ratio", "p_value"]
    assert tables["paths_links"].column("value").kind == "count" and tables["paths"].records() == [{"with_steps": 3}]
    assert tables["settings"].column("types").kind == "list" and tables["excluded"].rows == ()


@pytest.mark.parametrize(
    ("name", "values", "kind"),
    [
        ("revenue", [1.5e6], "money"),
        ("roi", [14.98], "roi"),
        ("stop_rate_ci_high", [0.3], "rate"),
        ("change_q_value", [0.04], "p_value"),
        ("avg_dwell_seconds", [12.0], "seconds"),
        ("value", [3.0], "measure"),  # a metric's value: its format says money, count or rate
        ("value", ["ads"], "label"),  # a segment's value
        ("entered_at", [dt.datetime(2025, 4, 1)], "date"),
        ("reason", [None], "text"),
        ("sla_hours", [24.0], "number"),
    ],
)
def test_kind_of_reads_a_column_s_name_and_values(name, values, kind):
    assert kind_of(name, values) == kind


def test_a_described_result_s_params_are_json_values(demo):
    result = demo.lists("fast")
    data = result.to_dict()
    assert data["params"]["as_of"] == result.as_of.isoformat(sep=" ") and data["params"]["kind"] == "fast"
    assert len(data["tables"]["contacts"]["rows"]) == len(result.records)
