"""Blueprints: save a good period, check later periods against it — by hand and on the demo."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from conftest import copy_demo
from kpiflow.analysis.blueprint import BlueprintError, blueprint_path, compare
from kpiflow.cli import app
from kpiflow.stats import two_proportion_test

BLUEPRINT = {
    "period": "FY2025Q3",
    "population": {"units": 1000, "converters": 50},
    "patterns": [
        # held by 100 of 1,000 units, 30 of them converted
        {"pattern": ["demo", "inquiry"], "support": 100, "converters": 30, "lift": 6.0},
        # held by 40, 4 converted
        {"pattern": ["page_view:pricing"], "support": 40, "converters": 4, "lift": 2.0},
    ],
    "kpis": {
        "win_rate": {"value": 0.4, "kind": "ratio", "numerator": 40, "denominator": 100, "higher_is_better": True},
        "cost": {"value": 500.0, "kind": "sum", "higher_is_better": False},
        "leads": {"value": 90, "kind": "count", "higher_is_better": True},
    },
}


def test_compare_by_hand():
    check = compare(
        "q3",
        BLUEPRINT,
        "FY2026Q1",
        population_now=(1000, 40),
        # demo -> inquiry: now held by 50 of 1,000, 5 converted; pricing no longer seen.
        patterns_now={("demo", "inquiry"): (50, 5, 2.5)},
        kpis_now={
            "win_rate": {"value": 0.45, "numerator": 45, "denominator": 100},
            "cost": {"value": 900.0},
            "leads": {"value": 90},
        },
        days=(92, 91),
    )
    rows = {(c.kind, c.name): c for c in check.comparisons}
    frequency = rows["pattern_frequency", "demo -> inquiry"]
    assert (frequency.then, frequency.now) == (0.1, 0.05)
    assert frequency.p_value == pytest.approx(two_proportion_test(50, 1000, 100, 1000)[1])
    confidence = rows["pattern_confidence", "demo -> inquiry"]
    assert (confidence.then, confidence.now) == (0.3, 0.1)
    gone = rows["pattern_frequency", "page_view:pricing"]
    assert gone.now == 0 and gone.worse
    assert rows["pattern_confidence", "page_view:pricing"].now is None  # nobody to measure it on
    win = rows["kpi", "win_rate"]
    assert not win.worse and not win.departs  # better is never a departure
    cost = rows["kpi", "cost"]
    assert cost.worse and cost.p_value is None and not cost.departs  # amounts are shown, not tested
    # BH over the tested rows: compare with the q-values by definition
    tested = [c for c in check.comparisons if c.p_value is not None]
    m = len(tested)
    ranked = sorted(c.p_value for c in tested)
    for c in tested:
        expected = min(1.0, min(m * ranked[j] / (j + 1) for j in range(m) if ranked[j] >= c.p_value))
        assert c.q_value == pytest.approx(expected)
    assert not check.follows
    assert {c.name for c in check.departures} >= {"demo -> inquiry"}
    assert check.comparisons[0].departs  # departures come first


def test_names_that_could_escape_the_folder_are_refused(tmp_path):
    for name in ("../x", "a/b", "", ".hidden", "a" * 81):
        with pytest.raises(BlueprintError):
            blueprint_path(tmp_path, name)
    assert blueprint_path(tmp_path, "FY2025Q3-展示会").name == "FY2025Q3-展示会.yaml"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws, _ = copy_demo(tmp_path_factory.mktemp("blueprint") / "demo", size="default", lang="en")
    yield ws
    ws.close()


def test_the_planted_quarter_blueprint_departs_from_a_normal_quarter(demo):
    runner = CliRunner()
    where = "channel <> 'sales'"
    args = ["-w", str(demo.root)]
    saved = runner.invoke(app, ["blueprint", "save", "q3", "--period", "FY2025Q3", "--within", "180d", "--where", where, *args])
    assert saved.exit_code == 0, saved.output
    document = yaml.safe_load((demo.root / "blueprints" / "q3.yaml").read_text(encoding="utf-8"))
    assert document["period"] == "FY2025Q3" and 0 < len(document["patterns"]) <= 20
    assert document["kpis"]["win_rate"]["denominator"] > 0
    assert ("exhibition_demo_rate" in document["kpis"]) == bool(demo.exhibitions("FY2025Q3").records)  # pooled over its shows

    same = runner.invoke(app, ["blueprint", "check", "q3", "--period", "FY2025Q3", "--json", *args])
    assert same.exit_code == 0, same.output
    assert json.loads(same.output)["follows"] is True

    normal = runner.invoke(app, ["blueprint", "check", "q3", "--period", "FY2024Q3", "--json", *args])
    assert normal.exit_code == 3, normal.output
    data = json.loads(normal.output)
    assert data["follows"] is False and data["departures"]
    assert all(d["q_value"] <= 0.05 and d["worse"] for d in data["departures"])

    listed = runner.invoke(app, ["blueprint", "list", "--json", *args])
    assert json.loads(listed.output)[0]["name"] == "q3"
    again = runner.invoke(app, ["blueprint", "save", "q3", "--period", "FY2025Q3", *args])
    assert again.exit_code == 2 and "--force" in again.output
    missing = runner.invoke(app, ["blueprint", "show", "q4", *args])
    assert missing.exit_code != 0 and "q3" in missing.output and "Traceback" not in missing.output


def test_pooled_exhibition_rates_of_a_year_with_shows(demo):
    demo.blueprint_save("fy2025", "FY2025", within="180d", where="channel <> 'sales'", min_support=30)
    kpis = demo.blueprint("fy2025")["kpis"]
    # passers-by straight from the counters of the shows held in FY2025 (April 2025 - March 2026)
    (passersby,) = demo.con.execute(
        "SELECT sum(passersby) FROM booth_traffic WHERE hour >= TIMESTAMP '2025-04-01' AND hour < TIMESTAMP '2026-04-01'"
    ).fetchone()
    stop = kpis["exhibition_stop_rate"]
    assert stop["denominator"] == passersby
    assert stop["value"] == pytest.approx(stop["numerator"] / passersby)
    shows = demo.exhibitions("FY2025").records
    assert stop["numerator"] == sum(r.visitors for r in shows)
    assert kpis["exhibition_demo_rate"]["denominator"] == stop["numerator"]
