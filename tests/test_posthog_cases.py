"""PostHog's funnel tests replayed through `touch_funnel`: every case in posthog_funnel_cases.

Each case's events are written to a CSV with explicit UTC offsets ("...Z") and loaded into the
touchpoints of a fresh workspace, so the loader converts them to the workspace's wall clock
(Asia/Tokyo, no daylight saving: every duration is unchanged). The PostHog event name becomes
the touchpoint `type` and the person its `contact_id`; the query's UTC date range is converted
the same way. PostHog numbers its result list from 0 (`step_1_average_conversion_time` is the
time into the second step) but its actors from 1 (`actors_at_step_1` is everyone at the first
step); both are mapped to kpiflow's steps, numbered from 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import kpiflow
from conftest import DATASETS, dataset
from kpiflow.analysis.touch_funnel import touch_funnel

UNITS = {"day": "days", "minute": "minutes", "hour": "hours", "week": "weeks"}


def _cases() -> list[dict]:
    # Read when the tests are collected; when the dataset is absent, one placeholder case
    # reaches `dataset()`, which skips it with the reason.
    path = DATASETS / "posthog_funnel_cases" / "cases.json"
    if not path.exists():
        return [{"id": "posthog_funnel_cases (absent)"}]
    return json.loads(path.read_text(encoding="utf-8"))["cases"]


def _replays() -> list[tuple[dict, str, int]]:
    """(case, mode, variant index) for every case, every order type it applies to and every variant."""
    out = []
    for case in _cases():
        for mode in case.get("applies_to_order_types", ["ordered"]):
            for variant in range(len(case.get("variants", [None]))):
                out.append(pytest.param(case, mode, variant, id=f"{case['id']}-{mode}-{variant}"))
    return out


def _utc(text: str) -> dt.datetime:
    """A PostHog/Salesforce timestamp (UTC; naive, Z or +0000) as an aware datetime."""
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("+0000", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _wall_clock(value: dt.datetime, zone: str) -> dt.datetime:
    return value.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def _period(case: dict, zone: str) -> tuple[dt.datetime, dt.datetime]:
    """PostHog's date_from/date_to (UTC; a bare date_to covers that whole day) on the workspace clock."""
    start = _utc(case["date_from"])
    to = case.get("date_to") or case["now"]
    end = _utc(to) + (dt.timedelta(days=1) if len(to) == 10 else dt.timedelta(microseconds=1))
    return _wall_clock(start, zone), _wall_clock(end, zone)


def _load(tmp_path: Path, events: list[tuple[str, str, dt.datetime]]):
    """A fresh workspace whose touchpoints are these (person, event, UTC time) rows."""
    ws = kpiflow.init(str(tmp_path / "w"), lang="en")
    path = tmp_path / "touchpoints.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["occurred_at", "contact_id", "type"])
        for person, event, at in events:
            writer.writerow([at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), person, event])
    result = ws.load(path, "touchpoints")
    assert result.rows == len(events)
    return ws


def _step(event: str) -> str:
    return "type = '" + event.replace("'", "''") + "'"


def _salesforce_events(folder: Path, case: dict) -> list[tuple[str, str, dt.datetime]]:
    """Leads and opportunities as touchpoints: lead created, opportunity created, opportunity closed.

    The actor of a lead is its converted opportunity id when it has one (as in the PostHog
    test), so that the three steps of one deal share a person.
    """
    null = case["null_marker"]

    def rows(table: str) -> list[dict[str, str]]:
        with (folder / case["tables"][table]).open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    events = []
    for lead in rows("lead"):
        actor = lead["converted_opportunity_id"] if lead["converted_opportunity_id"] != null else lead["id"]
        events.append((actor, "lead_created", _utc(lead["created_date"])))
    for opportunity in rows("opportunity"):
        events.append((opportunity["id"], "opportunity_created", _utc(opportunity["created_date"])))
        if opportunity["close_date"] != null:
            events.append((opportunity["id"], "opportunity_closed", _utc(opportunity["close_date"])))
    return events


@pytest.mark.parametrize(("case", "mode", "variant"), _replays())
def test_posthog_case(tmp_path, case, mode, variant):
    folder = dataset("posthog_funnel_cases")
    if "tables" in case:
        events = _salesforce_events(folder, case)
        steps = [_step("lead_created"), _step("opportunity_created"), _step("opportunity_closed")]
    else:
        events = [(e["person"], e["event"], _utc(e["timestamp"])) for e in case["events"]]
        steps = [_step(s) for s in case["steps"]]
    spec = case["variants"][variant] if "variants" in case else case
    window = spec["conversion_window"]
    within = dt.timedelta(**{UNITS[window["unit"]]: window["interval"]})
    ws = _load(tmp_path, events)
    try:
        start, end = _period(case, ws.model.timezone)
        result = touch_funnel(
            ws.engine, steps=steps, within=within, mode=mode, start=start, end=end, columns=ws.columns(), lang="en", per_unit=True
        )
    finally:
        ws.close()
    expected = spec["expected"]
    counts = [s.reached for s in result.steps]
    checked = 0
    for key, value in expected.items():
        if key == "step_counts":
            assert counts == value, key
        elif key.startswith("step_") and key.endswith("_count"):
            assert counts[int(key.split("_")[1])] == value, key
        elif key.startswith("actors_at_step_"):
            assert result.units_reaching(int(key.rsplit("_", 1)[1])) == sorted(value), key
        elif key.startswith("step_") and key.endswith("_conversion_time"):
            index = int(key.split("_")[1])
            stats = result.steps[index].time
            got = stats.mean_seconds if "_average_" in key else stats.median_seconds
            assert got == pytest.approx(value), key
        elif key in ("average_conversion_time", "median_conversion_time"):
            got = [s.time.mean_seconds if key.startswith("average") else s.time.median_seconds for s in result.steps]
            # The first step has no time from a previous step: None on both sides.
            assert [g is None for g in got] == [v is None for v in value], key
            assert [g for g in got if g is not None] == pytest.approx([v for v in value if v is not None]), key
        else:
            raise AssertionError(f"unknown expectation {key!r} in case {case['id']}")
        checked += 1
    assert checked == len(expected) > 0


def test_every_case_is_replayed():
    folder = dataset("posthog_funnel_cases")
    cases = json.loads((folder / "cases.json").read_text(encoding="utf-8"))["cases"]
    replayed = {p.values[0]["id"] for p in _replays()}
    assert replayed == {c["id"] for c in cases}
    # 3 conversion-time cases x 3 order types (one with 2 windows) + the Salesforce case.
    assert len(_replays()) == 3 * 3 + 3 + 1
