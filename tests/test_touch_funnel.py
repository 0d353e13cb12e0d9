"""Touchpoint funnels on tiny hand-made tables; every expected number is counted by hand.

The last tests compare every mode, with exclusions and a breakdown, against a plain-Python
reading of the rules in the module docstring on a few hundred random units.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import random
import statistics

import pytest
import sqlglot
from sqlglot import exp

from kpiflow.analysis.touch_funnel import (
    Exclusion,
    FunnelError,
    TouchFunnelResult,
    parse_within,
    touch_funnel,
)
from kpiflow.engine import duck
from kpiflow.engine.duck import DuckEngine
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.schema import TABLES
from kpiflow.model.semantic import contract_columns

BOOTH, DEMO, INQUIRY = "type = 'booth_visit'", "type = 'demo'", "type = 'inquiry'"
STEPS = [BOOTH, DEMO, INQUIRY]
DAY = dt.timedelta(days=1)
T0 = dt.datetime(2025, 4, 1, 10, 0)
COLUMNS = ("occurred_at", "contact_id", "anonymous_id", "account_id", "type", "channel", "content_type")


@pytest.fixture(scope="module")
def _database():
    connection = duck.connect()
    duck.create_tables(connection)
    yield connection
    connection.close()


@pytest.fixture
def con(_database):
    """One database for the module, every table emptied before each test: creating the tables for
    each of its sixty tests cost more than the funnels they run."""
    for table in TABLES:
        _database.execute(f'DELETE FROM "{table}"')
    return _database


def at(days: float = 0, **delta: float) -> dt.datetime:
    return T0 + dt.timedelta(days=days, **delta)


def put(con, rows, *, accounts=(), contacts=()) -> None:
    """Insert touchpoints: (time, contact, type) or (time, contact, type, {other columns})."""
    con.execute("DELETE FROM touchpoints")
    con.execute("DELETE FROM accounts")
    con.execute("DELETE FROM contacts")
    records = [{"occurred_at": r[0], "contact_id": r[1], "type": r[2], **(r[3] if len(r) > 3 else {})} for r in rows]
    if records:
        # One statement: a list of structs, unnested (row-by-row inserts are slow in DuckDB).
        con.execute(
            f"INSERT INTO touchpoints ({', '.join(COLUMNS)}) SELECT {', '.join('r.' + c for c in COLUMNS)} FROM "
            f"(SELECT unnest(?::STRUCT({', '.join(c + (' TIMESTAMP' if c == 'occurred_at' else ' VARCHAR') for c in COLUMNS)})[]) AS r)",
            [[{c: v.get(c) for c in COLUMNS} for v in records]],
        )
    for account_id, industry in accounts:
        con.execute("INSERT INTO accounts (account_id, name, industry) VALUES (?, ?, ?)", [account_id, account_id, industry])
    for contact_id, account_id in contacts:
        con.execute("INSERT INTO contacts (contact_id, account_id, created_at) VALUES (?, ?, ?)", [contact_id, account_id, T0])


class PortableDuckEngine(DuckEngine):
    """DuckDB sent the plan an engine without ASOF JOIN gets (Spark): range joins and ROW_NUMBER."""

    asof_join = False


def funnel(con, steps=STEPS, within=30 * DAY, **kw) -> TouchFunnelResult:
    """The funnel with its per-unit list. Every case is also computed without the list (one
    statement instead of a kept table), and with the portable plan other engines run: its
    figures and its per-unit list must be the same."""
    engine = DuckEngine(con)
    full = touch_funnel(engine, steps=steps, within=within, columns=contract_columns(), per_unit=True, **kw)
    counted = touch_funnel(engine, steps=steps, within=within, columns=contract_columns(), **kw)
    assert counted.to_dict() == full.to_dict()
    portable = touch_funnel(PortableDuckEngine(con), steps=steps, within=within, columns=contract_columns(), per_unit=True, **kw)
    assert " ASOF " not in " ".join(portable.queries).upper()
    assert portable.to_dict() == full.to_dict()
    assert sorted(portable.dropped(), key=str) == sorted(full.dropped(), key=str)
    assert sorted(portable.units_reaching(len(steps))) == sorted(full.units_reaching(len(steps)))
    return full


def counts(result: TouchFunnelResult) -> list[int]:
    return [s.reached for s in result.steps]


def last_steps(result: TouchFunnelResult) -> dict[str, int]:
    """Each unit's furthest step, read through the public lists."""
    n = len(result.steps)
    out = {u: n for u in result.units_reaching(n)}
    out |= {r.unit: r.last_step for r in result.dropped()}
    return out


# --- modes ----------------------------------------------------------------------------------

# P1 does the three steps with a page view in between; P2 does them in reverse order; P3 does
# booth -> demo only; P4 visits the booth twice, then demo and inquiry back to back.
MODES_TABLE = [
    (at(0), "P1", "booth_visit"),
    (at(1), "P1", "page_view"),
    (at(2), "P1", "demo"),
    (at(3), "P1", "inquiry"),
    (at(0), "P2", "inquiry"),
    (at(1), "P2", "demo"),
    (at(2), "P2", "booth_visit"),
    (at(0), "P3", "booth_visit"),
    (at(5), "P3", "demo"),
    (at(0), "P4", "booth_visit"),
    (at(1), "P4", "booth_visit"),
    (at(2), "P4", "demo"),
    (at(3), "P4", "inquiry"),
]


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        # P2 reaches step 1 only (its booth visit comes last); everyone else as described.
        ("ordered", {"P1": 3, "P2": 1, "P3": 2, "P4": 3}),
        # P1's page view breaks the chain after the booth; P4's second booth visit starts a strict run.
        ("strict", {"P1": 1, "P2": 1, "P3": 2, "P4": 3}),
        # Any order: P2 did all three within three days.
        ("unordered", {"P1": 3, "P2": 3, "P3": 2, "P4": 3}),
    ],
)
def test_each_mode_counts_units_at_their_furthest_step(con, mode, expected):
    put(con, MODES_TABLE)
    result = funnel(con, mode=mode)
    assert last_steps(result) == expected
    reached = [sum(1 for v in expected.values() if v >= k) for k in (1, 2, 3)]
    assert counts(result) == reached
    assert [s.entered for s in result.steps] == [reached[0], reached[0], reached[1]]
    assert [s.dropped for s in result.steps] == [0, reached[0] - reached[1], reached[1] - reached[2]]


def test_rates_and_wilson_intervals(con):
    put(con, MODES_TABLE)
    result = funnel(con)  # ordered: 4 / 3 / 2
    first, second, third = result.steps
    assert first.rate is None and first.ci_low is None and first.rate_from_start == 1.0
    assert second.rate == pytest.approx(3 / 4) and second.rate_from_start == pytest.approx(3 / 4)
    assert third.rate == pytest.approx(2 / 3) and third.rate_from_start == pytest.approx(2 / 4)
    # Wilson score interval written out: centre +- half width, z = 1.959964.
    z = 1.959963984540054
    for step, (x, n) in ((second, (3, 4)), (third, (2, 3))):
        p = x / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        assert (step.ci_low, step.ci_high) == pytest.approx((centre - half, centre + half))
        assert step.small_sample


def test_labels_and_conditions(con):
    put(con, MODES_TABLE)
    assert [s.label for s in funnel(con).steps] == STEPS
    unordered = funnel(con, mode="unordered")
    assert [s.label for s in unordered.steps] == ["at least 1 of 3 steps", "at least 2 of 3 steps", "at least 3 of 3 steps"]
    assert [s.condition for s in unordered.steps] == STEPS
    assert funnel(con, mode="unordered", lang="ja").steps[1].label == "3ステップ中2ステップ以上"


# --- window -----------------------------------------------------------------------------------


def test_a_step_exactly_at_the_window_limit_counts(con):
    put(
        con,
        [
            (at(0), "EDGE", "booth_visit"),
            (at(30), "EDGE", "demo"),  # exactly 30 days: counts
            (at(0), "LATE", "booth_visit"),
            (at(30, seconds=1), "LATE", "demo"),  # one second over: does not
            (at(0), "MICRO", "booth_visit"),
            (at(30, microseconds=1), "MICRO", "demo"),
        ],
    )
    for mode in ("ordered", "strict", "unordered"):
        result = funnel(con, steps=[BOOTH, DEMO], mode=mode)
        assert last_steps(result) == {"EDGE": 2, "LATE": 1, "MICRO": 1}, mode


def test_the_window_is_counted_from_step_one_not_from_the_previous_step(con):
    put(con, [(at(0), "P", "booth_visit"), (at(20), "P", "demo"), (at(31), "P", "inquiry")])
    assert counts(funnel(con)) == [1, 1, 0]
    assert counts(funnel(con, within=31 * DAY)) == [1, 1, 1]
    assert counts(funnel(con, within=None)) == [1, 1, 1]
    assert counts(funnel(con, within="31d")) == [1, 1, 1]


def test_parse_within():
    assert parse_within("30d") == dt.timedelta(days=30)
    assert parse_within("12h") == dt.timedelta(hours=12)
    assert parse_within("90m") == dt.timedelta(minutes=90)
    assert parse_within("2w") == dt.timedelta(days=14)
    assert parse_within("45s") == dt.timedelta(seconds=45)
    assert parse_within(" 1.5 D ") == dt.timedelta(hours=36)
    assert parse_within("30日") == dt.timedelta(days=30)
    for bad in ("30", "d", "30 days", "-1d", "0d", ""):
        with pytest.raises(FunnelError, match="conversion window"):
            parse_within(bad)


# --- attempts, ties, one event per step ------------------------------------------------------


def test_the_most_complete_attempt_wins_and_gives_the_times(con):
    put(
        con,
        [
            # First try stalls at the demo; the second (40 days later) goes all the way.
            (at(0), "P", "booth_visit"),
            (at(1), "P", "demo"),
            (at(40), "P", "booth_visit"),
            (at(42), "P", "demo"),
            (at(45), "P", "inquiry"),
            # Two complete tries: the earliest is the unit's attempt (2 days then 1 day).
            (at(0), "Q", "booth_visit"),
            (at(2), "Q", "demo"),
            (at(3), "Q", "inquiry"),
            (at(50), "Q", "booth_visit"),
            (at(51), "Q", "demo"),
            (at(51, hours=1), "Q", "inquiry"),
        ],
    )
    result = funnel(con)
    assert counts(result) == [2, 2, 2]
    assert result.dropped() == []
    # demo: P 2 days (day 40 -> 42), Q 2 days; inquiry: P 3 days, Q 1 day (its first attempt).
    assert result.steps[1].time.mean_seconds == 2 * 86400
    assert result.steps[2].time.median_seconds == 2 * 86400
    assert result.steps[2].time.mean_seconds == 2 * 86400
    assert result.conversion_time.mean_seconds == (5 + 3) / 2 * 86400
    assert result.units_reaching(3) == ["P", "Q"]


def test_events_at_the_same_instant_are_taken_in_step_order(con):
    put(
        con,
        [
            # A booth scan and a demo logged in the same minute, demo inserted first.
            (at(0), "SAME", "demo"),
            (at(0), "SAME", "booth_visit"),
            (at(1), "SAME", "inquiry"),
        ],
    )
    for mode in ("ordered", "strict", "unordered"):
        assert counts(funnel(con, mode=mode)) == [1, 1, 1], mode


def test_one_event_never_fills_two_steps(con):
    pricing = {"content_type": "pricing"}
    steps = ["type = 'page_view'", "content_type = 'pricing'"]
    put(con, [(at(0), "ONE", "page_view", pricing), (at(0), "TWO", "page_view", pricing), (at(1), "TWO", "page_view", pricing)])
    result = funnel(con, steps=steps)
    assert last_steps(result) == {"ONE": 1, "TWO": 2}
    # Repeating a step needs a second event too.
    put(con, [(at(0), "ONE", "page_view"), (at(0), "TWO", "page_view"), (at(1), "TWO", "page_view")])
    assert last_steps(funnel(con, steps=["type = 'page_view'", "type = 'page_view'"])) == {"ONE": 1, "TWO": 2}


def test_strict_needs_the_very_next_event_of_any_type(con):
    put(
        con,
        [
            (at(0), "GAP", "booth_visit"),
            (at(0, hours=1), "GAP", "email_open"),
            (at(1), "GAP", "demo"),
            (at(1, hours=1), "GAP", "inquiry"),
            # Unrelated events at the very instant of a step are not between two steps.
            (at(0), "TIE", "page_view"),
            (at(0), "TIE", "booth_visit"),
            (at(1), "TIE", "demo"),
            (at(1), "TIE", "badge_scan"),
            (at(2), "TIE", "inquiry"),
            # A second demo after an e-mail: only the first demo follows the booth strictly.
            (at(0), "TWICE", "booth_visit"),
            (at(1), "TWICE", "demo"),
            (at(1, hours=1), "TWICE", "email_open"),
            (at(1, hours=2), "TWICE", "demo"),
            (at(2), "TWICE", "inquiry"),
            # A retry: the second booth visit runs strictly through.
            (at(0), "RETRY", "booth_visit"),
            (at(1), "RETRY", "email_open"),
            (at(2), "RETRY", "booth_visit"),
            (at(3), "RETRY", "demo"),
            (at(4), "RETRY", "inquiry"),
        ],
    )
    assert last_steps(funnel(con, mode="strict")) == {"GAP": 1, "TIE": 3, "TWICE": 2, "RETRY": 3}
    assert last_steps(funnel(con, mode="ordered")) == {"GAP": 3, "TIE": 3, "TWICE": 3, "RETRY": 3}


def test_unordered_times_are_completion_times_in_order(con):
    put(con, [(at(0), "P", "inquiry"), (at(2), "P", "booth_visit"), (at(3), "P", "demo"), (at(0), "Q", "demo")])
    result = funnel(con, mode="unordered")
    assert counts(result) == [2, 1, 1]
    assert result.steps[1].time.mean_seconds == 2 * 86400
    assert result.steps[2].time.mean_seconds == 1 * 86400
    assert result.conversion_time.mean_seconds == 3 * 86400


# --- exclusions -------------------------------------------------------------------------------

LOST = "type = 'other'"


@pytest.mark.parametrize(
    ("exclude", "expected"),
    [
        # Between demo (2) and inquiry (3): LOST1 loses after the demo -> stops at 2.
        ([(LOST, 2, 3)], {"LOST1": 2, "BEFORE": 3, "AFTER": 3, "SAMEAS3": 3, "NODEMO": 1}),
        # Between booth (1) and inquiry (3): LOST1 credited with booth and demo (both before it),
        # BEFORE (lost between booth and demo) only with the booth.
        ([(LOST, 1, 3)], {"LOST1": 2, "BEFORE": 1, "AFTER": 3, "SAMEAS3": 3, "NODEMO": 1}),
        # A bare condition covers the whole funnel: the same as (LOST, 1, 3).
        ([LOST], {"LOST1": 2, "BEFORE": 1, "AFTER": 3, "SAMEAS3": 3, "NODEMO": 1}),
        ([Exclusion(LOST, 1, 2)], {"LOST1": 3, "BEFORE": 1, "AFTER": 3, "SAMEAS3": 3, "NODEMO": 1}),
    ],
)
def test_exclusions_stop_the_attempt_at_the_excluded_event(con, exclude, expected):
    put(
        con,
        [
            (at(0), "LOST1", "booth_visit"),
            (at(1), "LOST1", "demo"),
            (at(2), "LOST1", "other"),
            (at(3), "LOST1", "inquiry"),
            (at(0), "BEFORE", "booth_visit"),
            (at(1), "BEFORE", "other"),
            (at(2), "BEFORE", "demo"),
            (at(3), "BEFORE", "inquiry"),
            (at(0), "AFTER", "booth_visit"),
            (at(1), "AFTER", "demo"),
            (at(2), "AFTER", "inquiry"),
            (at(3), "AFTER", "other"),
            # At the very instant of the inquiry: not before it, so it does not count.
            (at(0), "SAMEAS3", "booth_visit"),
            (at(1), "SAMEAS3", "demo"),
            (at(2), "SAMEAS3", "inquiry"),
            (at(2), "SAMEAS3", "other"),
            (at(0), "NODEMO", "booth_visit"),
            (at(1), "NODEMO", "other"),
        ],
    )
    assert last_steps(funnel(con, exclude=exclude)) == expected


def test_an_exclusion_is_judged_per_attempt(con):
    # The first attempt hits the exclusion; a new booth visit after it starts a clean attempt.
    put(
        con,
        [
            (at(0), "P", "booth_visit"),
            (at(1), "P", "other"),
            (at(2), "P", "booth_visit"),
            (at(3), "P", "demo"),
        ],
    )
    result = funnel(con, steps=[BOOTH, DEMO], exclude=[LOST])
    assert counts(result) == [1, 1]
    assert result.dropped() == []
    assert result.steps[1].time.mean_seconds == 86400  # from the second booth visit


def test_exclusions_in_strict_and_unordered_modes(con):
    put(con, [(at(0), "P", "demo"), (at(1), "P", "other"), (at(2), "P", "booth_visit"), (at(3), "P", "inquiry")])
    # unordered, the attempt from the demo: the 1st and 2nd completed steps are the demo and the
    # booth, with the exclusion between them -> 1 step. The attempt from the booth (day 2) sees
    # booth and inquiry and no exclusion -> 2 steps, the unit's most complete attempt.
    assert counts(funnel(con, mode="unordered", exclude=[(LOST, 1, 2)])) == [1, 1, 0]
    assert counts(funnel(con, mode="unordered", exclude=[(LOST, 2, 3)])) == [1, 1, 1]
    # strict: an exclusion between steps 2 and 3 after the demo (P has no strict run past step 1 here).
    put(con, [(at(0), "P", "booth_visit"), (at(1), "P", "demo"), (at(2), "P", "other"), (at(3), "P", "inquiry")])
    assert counts(funnel(con, mode="strict", exclude=[(LOST, 2, 3)])) == [1, 1, 0]
    put(con, [(at(0), "P", "booth_visit"), (at(1), "P", "demo"), (at(1), "P", "other"), (at(1), "P", "inquiry")])
    # ... and at one instant: booth, demo, inquiry sort before the unrelated event; nothing between.
    assert counts(funnel(con, mode="strict", exclude=[(LOST, 2, 3)])) == [1, 1, 1]


@pytest.mark.parametrize(
    ("exclude", "message"),
    [
        ([(LOST, 2, 2)], "from_step < to_step"),
        ([(LOST, 0, 2)], "numbered from 1"),
        ([(LOST, 1, 4)], "<= 3"),
        ([(LOST, 1)], "from_step, to_step"),
        ([(LOST, "1", 2)], "whole numbers"),
    ],
)
def test_bad_exclusions_are_refused(con, exclude, message):
    with pytest.raises(FunnelError, match=message):
        funnel(con, exclude=exclude)


# --- units --------------------------------------------------------------------------------------


def test_account_unit_lets_any_person_do_a_step(con):
    put(
        con,
        [
            (at(0), "C1", "booth_visit", {"account_id": "A1"}),
            (at(1), "C2", "demo", {"account_id": "A1"}),
            # C3's touchpoint has no account: its contact's account (A1) is used.
            (at(2), "C3", "inquiry"),
            (at(0), "C4", "booth_visit", {"account_id": "A2"}),
            # Anonymous web visits: no contact, no account.
            (at(0), None, "booth_visit", {"anonymous_id": "cookie-1"}),
            (at(1), None, "demo", {"anonymous_id": "cookie-1"}),
        ],
        contacts=[("C3", "A1")],
    )
    assert last_steps(funnel(con, unit="account")) == {"A1": 3, "A2": 1}
    assert last_steps(funnel(con, unit="contact")) == {"C1": 1, "C4": 1}
    assert last_steps(funnel(con, unit="anonymous")) == {"cookie-1": 2}
    account = funnel(con, unit="account", mode="strict")
    assert last_steps(account) == {"A1": 3, "A2": 1}
    assert account.unit_column == "account_id"


def test_unknown_unit_mode_and_columns_say_what_to_use(con):
    put(con, MODES_TABLE)
    with pytest.raises(UnknownNameError, match="did you mean 'account'"):
        funnel(con, unit="acount")
    with pytest.raises(UnknownNameError, match="did you mean 'strict'"):
        funnel(con, mode="strickt")
    with pytest.raises(UnknownNameError, match="step 2.*did you mean 'type'"):
        funnel(con, steps=[BOOTH, "typ = 'demo'"])
    with pytest.raises(UnknownNameError, match="breakdown.*did you mean 'channel'"):
        funnel(con, by="chanel")
    with pytest.raises(FunnelError, match="step 1: not a valid SQL condition"):
        funnel(con, steps=["type = = 'x'", DEMO])
    with pytest.raises(FunnelError, match="list of steps"):
        funnel(con, steps="type = 'demo'")
    with pytest.raises(FunnelError, match="end .* is not after start"):
        funnel(con, start=at(1), end=at(0))
    with pytest.raises(FunnelError, match="positive timedelta"):
        funnel(con, within=dt.timedelta(0))
    assert issubclass(FunnelError, KpiflowError) and issubclass(FunnelError, ValueError)


# --- breakdowns -------------------------------------------------------------------------------


def test_breakdown_by_a_property_of_the_step_one_event(con):
    put(
        con,
        [
            # P tries from an ad (stalls) and then from the exhibition (completes): exhibition.
            (at(0), "P", "booth_visit", {"channel": "ads"}),
            (at(40), "P", "booth_visit", {"channel": "exhibition"}),
            (at(41), "P", "demo", {"channel": "web"}),
            (at(42), "P", "inquiry", {"channel": "web"}),
            (at(0), "Q", "booth_visit", {"channel": "exhibition"}),
            (at(1), "Q", "demo"),
            (at(0), "R", "booth_visit", {"channel": "ads"}),
            (at(0), "S", "booth_visit"),  # no channel: its own group, None
        ],
    )
    result = funnel(con, by="channel")
    table = {(s.group, s.step): s.reached for s in result.breakdown}
    assert table == {
        ("ads", 1): 1,
        ("ads", 2): 0,
        ("ads", 3): 0,
        ("exhibition", 1): 2,
        ("exhibition", 2): 2,
        ("exhibition", 3): 1,
        (None, 1): 1,
        (None, 2): 0,
        (None, 3): 0,
    }
    # The groups add up to the total.
    for k in (1, 2, 3):
        assert sum(v for (g, step), v in table.items() if step == k) == result.steps[k - 1].reached
    exhibition = result.step(2, "exhibition")
    assert (exhibition.entered, exhibition.reached, exhibition.rate, exhibition.rate_from_start) == (2, 2, 1.0, 1.0)
    assert result.step(3, "exhibition").rate == 0.5
    assert result.step(2, "ads").rate == 0.0 and result.step(2, "ads").ci_low == 0.0
    assert {r.unit: r.group for r in result.dropped()} == {"Q": "exhibition", "R": "ads", "S": None}
    record = result.to_dict()["breakdown"][0]
    assert record["channel"] == "ads" and record["step"] == 1


def test_breakdown_by_a_dimension_through_the_account(con):
    put(
        con,
        [
            (at(0), "C1", "booth_visit", {"account_id": "A1"}),
            (at(1), "C1", "demo", {"account_id": "A1"}),
            (at(0), "C2", "booth_visit", {"account_id": "A2"}),
            (at(0), "C3", "booth_visit", {"account_id": "A3"}),
            (at(2), "C3", "demo", {"account_id": "A3"}),
        ],
        accounts=[("A1", "automotive"), ("A2", "food"), ("A3", "automotive")],
    )
    result = funnel(con, steps=[BOOTH, DEMO], by="industry")
    assert {(s.group, s.step): s.reached for s in result.breakdown} == {
        ("automotive", 1): 2,
        ("automotive", 2): 2,
        ("food", 1): 1,
        ("food", 2): 0,
    }
    assert result.step(2, "automotive").time.mean_seconds == 1.5 * 86400
    qualified = funnel(con, steps=[BOOTH, DEMO], by="accounts.industry", unit="account")
    assert {(s.group, s.step): s.reached for s in qualified.breakdown} == {
        ("automotive", 1): 2,
        ("automotive", 2): 2,
        ("food", 1): 1,
        ("food", 2): 0,
    }


def test_step_conditions_may_use_joined_tables(con):
    put(
        con,
        [
            (at(0), "C1", "booth_visit", {"account_id": "A1"}),
            (at(1), "C1", "demo", {"account_id": "A1"}),
            (at(0), "C2", "booth_visit", {"account_id": "A2"}),
            (at(1), "C2", "demo", {"account_id": "A2"}),
        ],
        accounts=[("A1", "automotive"), ("A2", "food")],
    )
    result = funnel(con, steps=["type = 'booth_visit' AND industry = 'food'", DEMO])
    assert last_steps(result) == {"C2": 2}


# --- times, period ----------------------------------------------------------------------------


def test_time_to_convert_distribution(con):
    rows = []
    # Demo after 1, 2, 3 and 10 hours; inquiry 1 and 3 hours after the demo for the first two.
    for unit, demo, inquiry in (("A", 1, 1), ("B", 2, 3), ("C", 3, None), ("D", 10, None)):
        rows += [(at(0), unit, "booth_visit"), (at(0, hours=demo), unit, "demo")]
        if inquiry is not None:
            rows.append((at(0, hours=demo + inquiry), unit, "inquiry"))
    rows.append((at(0), "E", "booth_visit"))
    put(con, rows)
    result = funnel(con)
    demo, inquiry = result.steps[1].time, result.steps[2].time
    # Hours 1, 2, 3, 10: mean 4, median 2.5, quartiles 1.75 and 4.75 (linear interpolation).
    assert demo == (4, 4 * 3600.0, 2.5 * 3600, 1.75 * 3600, 4.75 * 3600)
    assert inquiry == (2, 2 * 3600.0, 2 * 3600.0, 1.5 * 3600, 2.5 * 3600)
    # Start to finish: 2 and 5 hours.
    assert result.conversion_time == (2, 3.5 * 3600, 3.5 * 3600, 2.75 * 3600, 4.25 * 3600)
    assert result.steps[0].time.count == 0 and result.steps[0].time.median_seconds is None


def test_the_period_filters_step_one_only(con):
    put(
        con,
        [
            (at(-1), "EARLY", "booth_visit"),  # before the period: not an attempt
            (at(1), "EARLY", "demo"),
            (at(0), "IN", "booth_visit"),
            (at(20), "IN", "demo"),  # after the period's end: still counts
            (at(5), "LATE", "booth_visit"),  # the period's end is exclusive
        ],
    )
    result = funnel(con, steps=[BOOTH, DEMO], start=at(0), end=at(5))
    assert last_steps(result) == {"IN": 2}
    dates = funnel(con, steps=[BOOTH, DEMO], start=at(0).date(), end=at(5).date())
    assert last_steps(dates) == {"IN": 2}
    assert last_steps(funnel(con, steps=[BOOTH, DEMO], start=at(0), end=at(5), mode="strict")) == {"IN": 2}
    # unordered: EARLY's demo (day 1) is in the period and starts an attempt of its own.
    assert last_steps(funnel(con, steps=[BOOTH, DEMO], start=at(0), end=at(5), mode="unordered")) == {"IN": 2, "EARLY": 1}
    # With an exclusion, whose events are read from the same widened range.
    put(con, [(at(0), "X", "booth_visit"), (at(10), "X", "other"), (at(20), "X", "demo")])
    assert counts(funnel(con, steps=[BOOTH, DEMO], start=at(0), end=at(5), exclude=[LOST])) == [1, 0]


def test_no_events_gives_zeros(con):
    put(con, [])
    result = funnel(con, by="channel")
    assert counts(result) == [0, 0, 0]
    assert [s.rate for s in result.steps] == [None, None, None]
    assert result.breakdown == [] and result.dropped() == [] and result.units_reaching(1) == []
    assert result.conversion_time == (0, None, None, None, None)
    json.dumps(result.to_dict())


# --- dropped lists and CSV --------------------------------------------------------------------


def test_dropped_lists(con):
    put(con, MODES_TABLE)
    result = funnel(con)  # P1 3, P2 1, P3 2, P4 3
    assert [r.unit for r in result.dropped(2)] == ["P2"]
    assert [(r.unit, r.last_step) for r in result.dropped(3)] == [("P3", 2)]
    assert [(r.unit, r.last_step) for r in result.dropped()] == [("P2", 1), ("P3", 2)]
    p3 = result.dropped(3)[0]
    assert (p3.first_at, p3.last_at) == (at(0), at(5))
    assert result.units_reaching(2) == ["P1", "P3", "P4"]
    with pytest.raises(FunnelError, match="from 2 to 3"):
        result.dropped(1)
    with pytest.raises(FunnelError, match="from 1 to 3"):
        result.units_reaching(4)


def test_the_per_unit_list_is_fetched_only_when_asked(con, tmp_path):
    put(con, MODES_TABLE)
    result = touch_funnel(DuckEngine(con), steps=STEPS, within=30 * DAY, columns=contract_columns())
    assert counts(result) == [4, 3, 2]  # P1 3, P2 1, P3 2, P4 3
    assert len(result.queries) == 1  # one statement: no table kept for a list nobody asked for
    for ask in (result.dropped, lambda: result.units_reaching(2), lambda: result.write_dropped_csv(tmp_path / "d.csv")):
        with pytest.raises(FunnelError, match="per_unit=True"):
            ask()
    assert not (tmp_path / "d.csv").exists()


@pytest.mark.parametrize("mode", ["ordered", "strict", "unordered"])
def test_touchpoints_are_read_once_whatever_the_steps_and_exclusions(con, mode):
    put(con, MODES_TABLE)
    result = funnel(con, mode=mode, exclude=["type = 'page_view'"], by="channel")
    for statement in result.queries:
        scans = [t for t in sqlglot.parse_one(statement, read="duckdb").find_all(exp.Table) if t.name == "touchpoints"]
        assert len(scans) <= 1, statement
    assert sum("touchpoints" in q for q in result.queries) == 1  # the kept units are read twice, the events once


def test_dropped_csv_is_protected_against_formula_injection(con, tmp_path):
    put(
        con,
        [
            (at(0), '=HYPERLINK("http://x")', "booth_visit", {"channel": "@SUM(A1)"}),
            (at(0), "+81-3-0000", "booth_visit", {"channel": "-1+1"}),
            (at(0), "田中", "booth_visit", {"channel": "展示会"}),
            (at(0), "OK", "booth_visit"),
            (at(1), "OK", "demo"),
            (at(2), "OK", "inquiry"),
        ],
    )
    result = funnel(con, by="channel")
    path = tmp_path / "dropped.csv"
    assert result.write_dropped_csv(path) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, for Excel
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == [
        "contact_id",
        "last_step",
        "last_step_condition",
        "dropped_before_step",
        "first_step_at",
        "last_step_at",
        "channel",
    ]
    body = {r[0]: r for r in rows[1:]}
    assert set(body) == {"'+81-3-0000", '\'=HYPERLINK("http://x")', "田中"}
    assert body['\'=HYPERLINK("http://x")'][6] == "'@SUM(A1)"
    assert body["'+81-3-0000"][6] == "'-1+1"
    assert body["田中"][1:] == ["1", BOOTH, "2", "2025-04-01 10:00:00", "2025-04-01 10:00:00", "展示会"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    # Japanese headers; a single step's list.
    assert result.write_dropped_csv(path, step=2, lang="ja") == 3
    with path.open(encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    assert header[:2] == ["コンタクトID", "最終到達ステップ"]
    assert result.write_dropped_csv(path, step=3) == 0


def test_result_as_json_and_records(con):
    put(con, MODES_TABLE)
    result = funnel(con, exclude=[LOST], start=at(0), end=at(10))
    data = json.loads(json.dumps(result.to_dict()))
    assert data["mode"] == "ordered" and data["within_seconds"] == 30 * 86400
    assert data["exclusions"] == [{"condition": LOST, "from_step": 1, "to_step": 3}]
    assert [s["reached"] for s in data["steps"]] == [4, 3, 2]
    assert set(data["steps"][1]) >= {"step", "condition", "entered", "reached", "rate", "rate_from_start", "ci_low", "ci_high"}
    assert data["conversion_time"]["count"] == 2
    assert "ASOF" in result.queries[0]


def test_to_frame_needs_pandas(con):
    put(con, MODES_TABLE)
    result = funnel(con)
    try:
        import pandas  # noqa: F401, PLC0415  (optional)
    except ImportError:
        with pytest.raises(KpiflowError, match="pip install pandas"):
            result.to_frame()
    else:
        assert list(result.to_frame()["reached"]) == [4, 3, 2]


# --- against a plain-Python reading of the rules ---------------------------------------------


def reference(events, steps, mode, within, exclusions, start, end):
    """The module's rules, event by event: {unit: (reached, [step times], group)}."""
    n = len(steps)
    by_unit: dict[str, list] = {}
    for e in events:
        by_unit.setdefault(e["unit"], []).append(e)
    result = {}
    for unit, evs in by_unit.items():

        def rank(e):
            return next((i for i, s in enumerate(steps) if s(e)), n)

        evs = sorted(evs, key=lambda e: (e["t"], rank(e)))
        key = {id(e): (e["t"], rank(e)) for e in evs}
        attempts = []
        starts = [e for e in evs if (steps[0](e) if mode != "unordered" else any(s(e) for s in steps))]
        for s0 in starts:
            if not (start <= s0["t"] < end):
                continue
            limit = s0["t"] + within
            if mode == "ordered":
                times, current = [s0["t"]], s0
                for j in range(1, n):
                    nxt = [e for e in evs if steps[j](e) and key[id(e)] > key[id(current)]]
                    if not nxt or nxt[0]["t"] > limit:
                        break
                    current = nxt[0]
                    times.append(current["t"])
            elif mode == "strict":
                # The next step may come no later than the unit's next instant after the current step.
                times, current = [s0["t"]], s0
                for j in range(1, n):
                    later = [e["t"] for e in evs if e["t"] > current["t"]]
                    nxt = [e for e in evs if steps[j](e) and key[id(e)] > key[id(current)]]
                    if not nxt or nxt[0]["t"] > limit or (later and nxt[0]["t"] > min(later)):
                        break
                    current = nxt[0]
                    times.append(current["t"])
            else:
                firsts = []
                for s in steps:
                    found = [e["t"] for e in evs if s(e) and s0["t"] <= e["t"] <= limit]
                    if found:
                        firsts.append(min(found))
                times = sorted(firsts)
            reached = len(times)
            for condition, a, b in exclusions:
                if reached < a:
                    continue
                xs = [e["t"] for e in evs if condition(e) and e["t"] > times[a - 1]]
                if xs and (reached < b or xs[0] < times[b - 1]):
                    reached = min(reached, sum(1 for t in times if t < xs[0]))
            attempts.append((reached, -key[id(s0)][0].timestamp(), -key[id(s0)][1], times[:reached], s0["channel"]))
        if attempts:
            best = max(attempts, key=lambda a: a[:3])
            result[unit] = (best[0], best[3], best[4])
    return result


def random_events(seed: int, units: int = 300):
    rng = random.Random(seed)
    types = ["booth_visit", "demo", "inquiry", "page_view", "other"]
    events = []
    for u in range(units):
        base = T0 + dt.timedelta(days=rng.randint(0, 60))
        # Whole, distinct hours: steps land exactly on the window limit now and then, and no two
        # events of a unit share an instant (same-instant order is tested by hand above).
        for hour in rng.sample(range(24 * 20), rng.randint(1, 12)):
            t = base + dt.timedelta(hours=hour)
            kind = rng.choices(types, weights=[3, 3, 3, 1, 2])[0]
            events.append({"unit": f"U{u:03d}", "t": t, "type": kind, "channel": rng.choice(["ads", "web", None])})
    return events


@pytest.mark.parametrize("mode", ["ordered", "strict", "unordered"])
@pytest.mark.parametrize("seed", [1, 2])
def test_every_mode_agrees_with_the_rules_on_random_data(con, mode, seed):
    events = random_events(seed)
    put(con, [(e["t"], e["unit"], e["type"], {"channel": e["channel"]}) for e in events])
    steps_text = [BOOTH, DEMO, INQUIRY]
    steps = [lambda e, t=t: e["type"] == t for t in ("booth_visit", "demo", "inquiry")]
    lost = lambda e: e["type"] == "other"  # noqa: E731
    within = dt.timedelta(days=7)
    start, end = T0 + dt.timedelta(days=10), T0 + dt.timedelta(days=50)
    for exclusions in ([], [(lost, 2, 3)], [(lost, 1, 2), (lost, 1, 3)]):
        expected = reference(events, steps, mode, within, exclusions, start, end)
        result = funnel(
            con,
            steps=steps_text,
            within=within,
            mode=mode,
            exclude=[(LOST, a, b) for _, a, b in exclusions],
            by="channel",
            start=start,
            end=end,
        )
        assert last_steps(result) == {u: r for u, (r, _, _) in expected.items()}
        assert counts(result) == [sum(1 for r, _, _ in expected.values() if r >= k) for k in (1, 2, 3)]
        for k in (2, 3):
            gaps = [(ts[k - 1] - ts[k - 2]).total_seconds() for r, ts, _ in expected.values() if r >= k]
            assert result.steps[k - 1].time.count == len(gaps)
            if gaps:
                assert result.steps[k - 1].time.median_seconds == pytest.approx(statistics.median(gaps))
                assert result.steps[k - 1].time.mean_seconds == pytest.approx(statistics.fmean(gaps))
        groups = {r.unit: r.group for r in result.dropped()}
        assert groups == {u: g for u, (r, _, g) in expected.items() if r < 3}
