"""`kpiflow exhibitions`, `behaviour` and `patterns` from the command line: JSON contracts and ja/en tables."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kpiflow.cli import app
from kpiflow.workspace import build_demo

runner = CliRunner()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws, _ = build_demo(tmp_path_factory.mktemp("experience") / "demo", size="small", lang="ja")
    yield ws
    ws.close()


def run(demo, *args: str):
    result = runner.invoke(app, [*args, "-w", str(demo.root)])
    assert result.exit_code == 0, result.output
    return result.output


def test_exhibitions_json_keys_and_numbers_match_the_library(demo):
    data = json.loads(run(demo, "exhibitions", "--json"))
    assert data, "the demo has exhibitions"
    for key in ("exhibition_id", "passersby", "visitors", "stop_rate", "demo_rate", "leads", "opportunities", "revenue"):
        assert key in data[0], key
    library = {r.exhibition_id: r for r in demo.exhibitions().records}
    for row in data:
        assert row["passersby"] == library[row["exhibition_id"]].passersby
        # independent count: passers-by straight from the counter table
        (expected,) = demo.con.execute(
            "SELECT sum(passersby) FROM booth_traffic WHERE exhibition_id = ?", [row["exhibition_id"]]
        ).fetchone()
        assert row["passersby"] == expected
    assert "展示会" in run(demo, "exhibitions")  # the title (columns wrap in a narrow test terminal)


def test_behaviour_by_channel_and_a_wrong_dimension(demo):
    data = json.loads(run(demo, "behaviour", "--by", "channel", "--json"))
    assert data and "channel" in data[0] and "inquiry_rate" in data[0]
    assert "Web行動" in run(demo, "behaviour")
    bad = runner.invoke(app, ["behaviour", "--by", "content_typ", "-w", str(demo.root)])
    assert bad.exit_code != 0 and "content_type" in bad.output and "Traceback" not in bad.output


def test_patterns_json_records_and_paths(demo):
    output = run(demo, "patterns", "--outcome", "stage:opportunity", "--period", "FY2025", "--max-length", "2", "--json")
    data = json.loads(output)
    records = data["records"]
    assert records
    for key in ("pattern", "support", "confidence", "lift", "ci_low", "ci_high", "q_value"):
        assert key in records[0], key
    assert isinstance(records[0]["pattern"], list)
    assert "links" in data["paths"]
    table = run(demo, "patterns", "--outcome", "stage:opportunity", "--period", "FY2025", "--max-length", "2", "--lang", "en")
    assert "What precedes stage:opportunity" in table
    bad = runner.invoke(app, ["patterns", "--outcome", "type = ", "-w", str(demo.root)])
    assert bad.exit_code != 0 and "Traceback" not in bad.output
