"""`kpiflow exhibitions`, `behaviour` and `patterns` from the command line: JSON contracts and ja/en tables."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import open_shared_demo
from kpiflow.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = open_shared_demo("small", "ja")
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
    assert "What precedes Reached Opportunity" in table  # the outcome in words (kpiflow.reporting.words)
    bad = runner.invoke(app, ["patterns", "--outcome", "type = ", "-w", str(demo.root)])
    assert bad.exit_code != 0 and "Traceback" not in bad.output


def test_the_model_stop_and_demo_rates_equal_the_exhibitions_analysis(demo):
    # Two implementations: the model's metrics (count_distinct contact_id, sum of passers-by,
    # by exhibition_id) and `kpiflow exhibitions` (people incl. anonymous visitors). Every demo
    # visitor is scanned, so they must agree exhibition by exhibition.
    metrics = demo.metrics(["stop_rate", "demo_rate"], period="FY2024", by=["exhibition_id"], lang="en")
    shows = {r.exhibition_id: r for r in demo.exhibitions("FY2024").records}
    assert shows
    for exhibition_id, show in shows.items():
        stop = metrics.record("stop_rate", exhibition_id=exhibition_id)
        assert (stop.numerator, stop.denominator) == (show.visitors, show.passersby)
        demo_rate = metrics.record("demo_rate", exhibition_id=exhibition_id)
        assert (demo_rate.numerator, demo_rate.denominator) == (show.demo_visitors, show.visitors)


def test_an_unknown_breakdown_column_is_a_message_not_a_traceback(demo):
    result = runner.invoke(app, ["funnel", "--by", "chanel", "-w", str(demo.root)])
    assert result.exit_code != 0 and "chanel" in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_misspelt_dimension_is_refused_with_a_suggestion(demo):
    for command in (["bottleneck", "--by", "chanel"], ["metrics", "win_rate", "--by", "chanel"]):
        result = runner.invoke(app, [*command, "-w", str(demo.root)])
        assert result.exit_code != 0 and "channel" in result.output and "Traceback" not in result.output, command
