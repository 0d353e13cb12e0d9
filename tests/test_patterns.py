"""Winning patterns on a tiny hand-made event table; every expected count is worked out by hand below.

Period June 2025, outcome the first inquiry, window 7 days, unit contact. Steps: `pricing` is
page_view:pricing, `top` page_view:top, `email` email_open:newsletter.

| contact (account) | events | outcome | window | steps in it |
|---|---|---|---|---|
| P1 (A1) | pricing 06-03 10:00 (exactly 7 d before), pricing 11:00, email 06-04, demo 06-05 | inquiry 06-10 10:00 | [06-03 10:00, 06-10 10:00) | pricing, pricing, email, demo |
| P2 (A1) | demo 06-04 09:00 (exactly at the limit), pricing 06-06, meeting 06-07 (sales) | inquiry 06-11 09:00 | [06-04 09:00, 06-11 09:00) | demo, pricing, meeting |
| P3 (A2) | pricing 06-05 08:59:59 (one second too early), demo 06-08 | inquiry 06-12 09:00 | [06-05 09:00, 06-12 09:00) | demo |
| P4 (A2) | top 06-14, demo 06-15 12:00 at the very instant of the inquiry | inquiry 06-15 12:00 | [06-08 12:00, 06-15 12:00) | top |
| P5 (A3) | pricing 06-20 09:00, demo 06-25 09:00 (last in June) | - | [06-18 09:00, 06-25 09:00] | pricing, demo |
| P6 (A3) | demo 06-02 (too early), top 06-20 10:00 (last) | - | [06-13 10:00, 06-20 10:00] | top |
| P7 (A4) | top 06-10, top 06-12 (last) | - | [06-05 09:00, 06-12 09:00] | top, top |
| P8 (A4) | inquiry in May, pricing 06-05 | before June: not in the population | | |
| P9 (A5) | pricing 06-28 (last in June), inquiry 07-05 | after June: a non-converter | [06-21, 06-28] | pricing |
| P10 (A6) | demo in May only | not active in June | | |

An anonymous visitor of A2 (V1, no contact) reads a case study on 06-10: only the account unit sees it.
Population: P1-P4 converted, P5, P6, P7, P9 did not: 8 units, 4 converters, base rate 1/2.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random

import pytest

from conftest import open_shared_demo, workspace_from_csv
from kpiflow.analysis.patterns import PATH_STEPS, PatternsError, patterns
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.periods import Period

ACCOUNTS = "account_id,name\nA1,一号精機\nA2,二号工業\nA3,三号製作所\nA4,四号電機\nA5,五号化学\nA6,六号食品\n"
CONTACTS = (
    "contact_id,account_id,created_at\n"
    "P1,A1,2025-05-01\nP2,A1,2025-05-01\nP3,A2,2025-05-01\nP4,A2,2025-05-01\nP5,A3,2025-05-01\n"
    "P6,A3,2025-05-01\nP7,A4,2025-05-01\nP8,A4,2025-05-01\nP9,A5,2025-05-01\nP10,A6,2025-05-01\n"
)
TOUCHPOINTS = (
    "occurred_at,contact_id,anonymous_id,account_id,type,channel,content_type\n"
    "2025-06-03 10:00:00,P1,,,page_view,web_form,pricing\n"
    "2025-06-03 11:00:00,P1,,,page_view,web_form,pricing\n"
    "2025-06-04 12:00:00,P1,,,email_open,email,newsletter\n"
    "2025-06-05 10:00:00,P1,,,demo,exhibition,\n"
    "2025-06-10 10:00:00,P1,,,inquiry,web_form,form\n"
    "2025-06-04 09:00:00,P2,,,demo,exhibition,\n"
    "2025-06-06 09:00:00,P2,,,page_view,web_form,pricing\n"
    "2025-06-07 09:00:00,P2,,,meeting,sales,\n"
    "2025-06-11 09:00:00,P2,,,inquiry,web_form,\n"
    "2025-06-05 08:59:59,P3,,,page_view,web_form,pricing\n"
    "2025-06-08 09:00:00,P3,,,demo,exhibition,\n"
    "2025-06-12 09:00:00,P3,,,inquiry,referral,\n"
    "2025-06-14 09:00:00,P4,,,page_view,web_form,top\n"
    "2025-06-15 12:00:00,P4,,,demo,exhibition,\n"
    "2025-06-15 12:00:00,P4,,,inquiry,exhibition,\n"
    "2025-06-20 09:00:00,P5,,,page_view,web_form,pricing\n"
    "2025-06-25 09:00:00,P5,,,demo,exhibition,\n"
    "2025-06-02 09:00:00,P6,,,demo,exhibition,\n"
    "2025-06-20 10:00:00,P6,,,page_view,web_form,top\n"
    "2025-06-10 09:00:00,P7,,,page_view,web_form,top\n"
    "2025-06-12 09:00:00,P7,,,page_view,web_form,top\n"
    "2025-05-20 09:00:00,P8,,,inquiry,web_form,\n"
    "2025-06-05 09:00:00,P8,,,page_view,web_form,pricing\n"
    "2025-06-28 09:00:00,P9,,,page_view,web_form,pricing\n"
    "2025-07-05 09:00:00,P9,,,inquiry,web_form,\n"
    "2025-05-10 09:00:00,P10,,,demo,exhibition,\n"
    "2025-06-10 09:00:00,,V1,A2,page_view,web_form,case_study\n"
)
# P2 enters opportunity on 06-20; P5 has only a deal (created 06-22); P3's deal D2 was created on
# 06-01 (an opportunity too), reached proposal on 06-09 and was won on 06-30.
HISTORY = "entity,entity_id,stage,entered_at\ncontact,P2,opportunity,2025-06-20 09:00\ndeal,D2,proposal,2025-06-09 09:00\n"
DEALS = (
    "deal_id,account_id,contact_id,created_at,outcome,closed_at\n"
    "D1,A3,P5,2025-06-22 09:00,open,\n"
    "D2,A2,P3,2025-06-01 00:00,won,2025-06-30 12:00\n"
)
JUNE = Period.month(2025, 6)
INQUIRY = "type = 'inquiry'"
PRICING, TOP, EMAIL = "page_view:pricing", "page_view:top", "email_open:newsletter"


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    tables = {
        "accounts": ACCOUNTS,
        "contacts": CONTACTS,
        "touchpoints": TOUCHPOINTS,
        "stage_history": HISTORY,
        "deals": DEALS,
    }
    workspace = workspace_from_csv(tmp_path_factory.mktemp("patterns"), tables)
    yield workspace
    workspace.close()


def run(ws, **options):
    settings = {"outcome": INQUIRY, "within": "7d", "period": JUNE, "min_support": 1, "columns": ws.columns()}
    return patterns(ws.engine, ws.model, **(settings | options))


def counts(result) -> dict[tuple[str, ...], tuple[int, int]]:
    return {r.pattern: (r.support, r.converters) for r in result.records}


# --- counts, rates and the window ---------------------------------------------------------


def test_population_steps_and_sequences_with_gaps(ws):
    result = run(ws, max_length=3)
    assert (result.population.units, result.population.converters) == (8, 4)
    assert result.base_rate == 0.5
    assert counts(result) == {
        # (support, converters): holders among P1-P4 are converters
        (PRICING,): (4, 2),  # P1, P2 | P5, P9 (P3's view is one second too early)
        ("demo",): (4, 3),  # P1, P2, P3 | P5 (P4's demo is at the outcome's instant; P6's is too early)
        (TOP,): (3, 1),  # P4 | P6, P7
        (EMAIL,): (1, 1),  # P1
        ("meeting",): (1, 1),  # P2
        (PRICING, PRICING): (1, 1),  # P1 10:00 -> 11:00
        (PRICING, EMAIL): (1, 1),  # P1
        (PRICING, "demo"): (2, 1),  # P1 (with the e-mail in between) | P5
        (EMAIL, "demo"): (1, 1),  # P1
        ("demo", PRICING): (1, 1),  # P2
        ("demo", "meeting"): (1, 1),  # P2
        (PRICING, "meeting"): (1, 1),  # P2
        (TOP, TOP): (1, 0),  # P7
        (PRICING, PRICING, EMAIL): (1, 1),  # P1
        (PRICING, PRICING, "demo"): (1, 1),
        (PRICING, EMAIL, "demo"): (1, 1),
        ("demo", PRICING, "meeting"): (1, 1),  # P2
    }
    demo = result.record("demo")
    assert (demo.confidence, demo.base_rate, demo.lift, demo.length) == (0.75, 0.5, 1.5, 1)
    assert result.record(TOP).lift == pytest.approx(2 / 3)
    assert result.record(PRICING, "demo").lift == 1.0


def test_strict_needs_the_very_next_instant(ws):
    result = run(ws, max_length=3, strict=True)
    assert counts(result) == {
        (PRICING,): (4, 2),
        ("demo",): (4, 3),
        (TOP,): (3, 1),
        (EMAIL,): (1, 1),
        ("meeting",): (1, 1),
        (PRICING, PRICING): (1, 1),  # P1 10:00 -> 11:00, nothing between
        (PRICING, EMAIL): (1, 1),  # P1 11:00 -> e-mail
        (EMAIL, "demo"): (1, 1),
        (PRICING, "demo"): (1, 0),  # only P5 now: P1 read an e-mail in between
        ("demo", PRICING): (1, 1),  # P2
        (PRICING, "meeting"): (1, 1),  # P2 (demo -> meeting has the pricing view between)
        (TOP, TOP): (1, 0),
        (PRICING, PRICING, EMAIL): (1, 1),
        (PRICING, EMAIL, "demo"): (1, 1),
        ("demo", PRICING, "meeting"): (1, 1),
    }


def test_the_window_limit_counts_and_one_second_more_does_not(ws):
    # P1's first pricing view and P2's demo are exactly 7 days before the inquiry; P3's view one second more.
    holders = {"P1", "P2", "P5", "P9"}
    assert run(ws, max_length=1).record(PRICING).support == len(holders)
    # A window one second shorter loses P1's 10:00 view (it keeps the 11:00 one) and P2's demo.
    shorter = run(ws, max_length=1, within=dt.timedelta(days=7) - dt.timedelta(seconds=1))
    assert counts(shorter)[("demo",)] == (3, 2)  # P1, P3 | P5
    assert counts(shorter)[(PRICING,)] == (4, 2)
    # One second longer takes in P3's early view.
    longer = run(ws, max_length=1, within=dt.timedelta(days=7, seconds=1))
    assert counts(longer)[(PRICING,)] == (5, 3)


def test_without_a_window_everything_before_counts(ws):
    # P6's demo on 06-02 is now in its window (up to its last touch), P3's early pricing view too.
    result = run(ws, max_length=1, within=None)
    assert counts(result)[("demo",)] == (5, 3)
    assert counts(result)[(PRICING,)] == (5, 3)


def test_min_support_and_the_order_of_records(ws):
    result = run(ws, max_length=3, min_support=2)
    # Nothing is significant with 8 units: ordered by support, then lift.
    assert [r.pattern for r in result.records] == [("demo",), (PRICING,), (TOP,), (PRICING, "demo")]
    assert not result.significant


def test_where_keeps_only_some_events_as_steps(ws):
    result = run(ws, max_length=2, where="channel <> 'sales'")
    assert ("meeting",) not in counts(result)
    assert ("demo", "meeting") not in counts(result)
    assert (result.population.units, result.population.converters) == (8, 4)
    assert result.where == "channel <> 'sales'"


# --- units and outcomes ---------------------------------------------------------------------


def test_account_unit_pools_the_buying_committee(ws):
    result = run(ws, unit="account", max_length=2)
    # A1 (P1 06-10) and A2 (P3 06-12) converted; A3 and A5 did not; A4 converted in May (P8); A6 is idle.
    assert (result.population.units, result.population.converters) == (4, 2)
    got = counts(result)
    assert got[("demo",)] == (3, 2)  # A1, A2 | A3
    assert got[(PRICING,)] == (3, 1)  # A1 | A3, A5
    assert got[("page_view:case_study",)] == (1, 1)  # A2's anonymous visitor, before P3's inquiry
    assert got[(PRICING, "demo")] == (2, 1)  # A1 (P1 then P1 or P2's later demo) | A3
    assert got[("demo", PRICING)] == (1, 1)  # A1: P2's demo 06-04 before P2's pricing view 06-06
    assert got[(PRICING, TOP)] == (1, 0)  # A3: P5 09:00, P6 10:00 the same day
    assert ("page_view:case_study",) not in counts(run(ws, max_length=1))


def test_stage_opportunity_takes_the_stage_or_the_deal(ws):
    result = run(ws, outcome="stage:opportunity", max_length=1)
    # P2 (stage 06-20), P3 (deal created 06-01), P5 (deal 06-22, no stage entry) in June; all nine are active.
    assert (result.population.units, result.population.converters) == (9, 3)
    # P1 (window ends at its last touch 06-10), P5 (06-20, before its deal), P8, P9 | P2's window is empty.
    assert counts(result)[(PRICING,)] == (4, 1)
    assert result.outcome == "stage:opportunity"


def test_a_deal_stage_and_won(ws):
    proposal = run(ws, outcome="stage:proposal", max_length=1)
    assert (proposal.population.units, proposal.population.converters) == (9, 1)
    # P3's proposal 06-09 09:00: its pricing view (06-05 08:59:59) and demo are within 7 days.
    # demo: P3 | P1, P2, P5 and P4 (a non-converter's window includes its last touch, 06-15 12:00).
    assert counts(proposal)[("demo",)] == (5, 1)
    assert counts(proposal)[(PRICING,)][1] == 1
    won = run(ws, outcome="won", max_length=1)
    assert (won.population.units, won.population.converters) == (9, 1)  # P3, closed 06-30
    assert won.paths.without_steps == 1  # nothing of P3 in the week before the close


def test_compare_counts_the_same_patterns_in_another_period(ws):
    result = run(ws, max_length=2, period=JUNE, compare=Period.month(2025, 5))
    # May: P8 (inquiry 05-20) and P10 (demo 05-10) are active; P8 converted with nothing before it.
    assert (result.population_then.units, result.population_then.converters) == (2, 1)
    demo = result.record("demo")
    assert (demo.then.support, demo.then.converters, demo.then.confidence) == (1, 0, 0.0)
    assert demo.then.lift == 0.0
    assert demo.then.rose is False
    assert result.record(PRICING).then.support == 0
    assert result.record(PRICING).then.rose is None
    row = demo.to_dict()
    assert {"support_then", "confidence_then", "lift_then", "change_p_value", "change_q_value", "rose"} <= row.keys()


def test_an_empty_period_and_an_outcome_nobody_reached(ws):
    empty = run(ws, period=Period.month(2024, 1))
    assert (empty.population.units, empty.population.converters, empty.base_rate) == (0, 0, None)
    assert empty.records == [] and empty.paths.paths == []
    # P8's inquiry came in May, before the period: it matches a touchpoint, only none in June.
    never = run(ws, outcome="type = 'inquiry' AND contact_id = 'P8'", max_length=1)
    assert never.population.converters == 0
    assert never.warnings == [
        "outcome `type = 'inquiry' AND contact_id = 'P8'` matches no touchpoint in 2025-06 (it does in other periods)"
    ]
    demo = never.record("demo")
    assert (demo.lift, demo.ci_low, demo.ci_high, demo.p_value, demo.significant) == (None, None, None, 1.0, False)
    # An outcome no touchpoint matches at all is refused, with the values the column holds.
    with pytest.raises(PatternsError, match=r"outcome `type = 'chat'` matches no touchpoint in the data \(values of type: "):
        run(ws, outcome="type = 'chat'", max_length=1)


@pytest.mark.parametrize("strict", [False, True])
def test_compared_counts_equal_a_separate_run_over_that_period(ws, strict):
    later = Period.custom(dt.date(2025, 6, 8), dt.date(2025, 6, 30))
    result = run(ws, max_length=3, strict=strict, compare=later)
    alone = run(ws, max_length=3, strict=strict, period=later)
    assert (result.population_then.units, result.population_then.converters) == (
        alone.population.units,
        alone.population.converters,
    )
    expected = counts(alone)
    assert any(r.then.support for r in result.records if r.length == 3)
    for r in result.records:
        assert (r.then.support, r.then.converters) == expected.get(r.pattern, (0, 0)), r.pattern


# --- statistics -----------------------------------------------------------------------------


def test_p_values_lift_intervals_and_q_values_against_scipy(ws):
    stats = pytest.importorskip("scipy.stats")
    result = run(ws, max_length=3)
    n, x = result.population.units, result.population.converters
    for r in result.records:
        table = [[r.converters, r.support - r.converters], [x - r.converters, n - r.support - (x - r.converters)]]
        assert r.p_value == pytest.approx(stats.fisher_exact(table).pvalue, rel=1e-9)
    assert [r.q_value for r in result.records] == pytest.approx(
        list(stats.false_discovery_control([r.p_value for r in result.records])), rel=1e-9
    )
    # demo: 3 of 4 holders against 1 of 4 others; Katz's interval of RR = 3, carried to lift with share 1/2.
    demo = result.record("demo")
    rr = stats.contingency.relative_risk(3, 4, 1, 4).confidence_interval(0.95)
    assert (demo.ci_low, demo.ci_high) == pytest.approx((rr.low / (rr.low / 2 + 0.5), rr.high / (rr.high / 2 + 0.5)))
    assert demo.p_value == pytest.approx(0.4857142857)


def test_q_values_on_the_demo_match_scipy(demo):
    stats = pytest.importorskip("scipy.stats")
    result = patterns(demo.engine, demo.model, outcome="stage:opportunity", period="FY2025", max_length=2)
    p_values = [r.p_value for r in result.records]
    assert len(p_values) > 50
    assert [r.q_value for r in result.records] == pytest.approx(list(stats.false_discovery_control(p_values)), rel=1e-9)
    n, x = result.population.units, result.population.converters
    for r in result.records[:20]:
        table = [[r.converters, r.support - r.converters], [x - r.converters, n - r.support - (x - r.converters)]]
        assert r.p_value == pytest.approx(stats.fisher_exact(table).pvalue, rel=1e-6, abs=1e-300)
        assert r.significant == (r.q_value <= 0.05)
        assert r.ci_low <= r.lift <= r.ci_high


# --- paths ------------------------------------------------------------------------------------


def test_paths_into_the_outcome_collapse_repeats(ws):
    paths = run(ws).paths
    assert (paths.with_steps, paths.without_steps) == (4, 0)
    assert {p.steps: p.count for p in paths.paths} == {
        (PRICING, EMAIL, "demo"): 1,  # P1's two pricing views are one step
        ("demo", PRICING, "meeting"): 1,
        ("demo",): 1,
        (TOP,): 1,
    }
    assert {(link.source, link.target): link.value for link in paths.links} == {
        (f"1. {PRICING}", f"2. {EMAIL}"): 1,
        (f"2. {EMAIL}", "3. demo"): 1,
        ("3. demo", INQUIRY): 1,
        ("1. demo", f"2. {PRICING}"): 1,
        (f"2. {PRICING}", "3. meeting"): 1,
        ("3. meeting", INQUIRY): 1,
        ("1. demo", INQUIRY): 1,
        (f"1. {TOP}", INQUIRY): 1,
    }
    assert INQUIRY in paths.nodes and len(paths.nodes) == 8
    assert run(ws, top_paths=0).paths.paths == []


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "error", "fragment"),
    [
        ("inquiry", UnknownNameError, "did you mean \"type = 'inquiry'\""),
        ("typo = 'inquiry'", UnknownNameError, "did you mean 'type'"),
        ('type = "inquiry"', UnknownNameError, "text takes single quotes"),
        ("type IN (SELECT type FROM touchpoints)", PatternsError, "a subquery is not allowed"),
        ("type = 'inquiry'; DROP TABLE deals", PatternsError, "one condition only"),
        ("contacts.channel = 'ads'", PatternsError, "only columns of touchpoints"),
        ("count(*) > 1", PatternsError, "aggregate"),
        ("type =", PatternsError, "not a valid SQL condition"),
        ("", PatternsError, "no outcome given"),
        ("stage:opportunty", UnknownNameError, "did you mean 'opportunity'"),
    ],
)
def test_a_bad_outcome_says_what_to_write(ws, outcome, error, fragment):
    with pytest.raises(error) as caught:
        run(ws, outcome=outcome)
    assert fragment in str(caught.value)
    assert isinstance(caught.value, KpiflowError)


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"max_length": 4}, "max_length must be a whole number from 1 to 3"),
        ({"min_support": 0}, "min_support"),
        ({"unit": "person"}, "unknown patterns unit 'person'"),
        ({"within": "30x"}, "not a conversion window"),
        ({"period": None, "compare": JUNE}, "compare needs a period"),
        ({"where": "channel = (SELECT 1)"}, "where"),
    ],
)
def test_bad_options_are_refused(ws, options, fragment):
    with pytest.raises(KpiflowError) as caught:
        run(ws, **options)
    assert fragment in str(caught.value)


def test_the_result_as_json(ws):
    result = run(ws, max_length=2, min_support=2)
    data = json.loads(json.dumps(result.to_json_data()))
    assert data["units"] == 8 and data["converters"] == 4 and data["within_seconds"] == 7 * 86400
    first = data["records"][0]
    assert first["pattern"] == ["demo"]
    assert {
        "pattern",
        "support",
        "confidence",
        "lift",
        "ci_low",
        "ci_high",
        "p_value",
        "q_value",
        "length",
        "significant",
    } <= first.keys()
    assert set(data["paths"]) >= {"nodes", "links", "paths"}
    assert data["paths"]["links"][0].keys() == {"source", "target", "value"}
    with pytest.raises(LookupError, match="no pattern"):
        result.record("webinar")


# --- against a brute force on random data ----------------------------------------------------


def _random_tables(seed: int) -> tuple[str, str, list[tuple[str, dt.datetime, str]]]:
    rng = random.Random(seed)
    steps = ["demo", "booth_visit", "page_view:pricing", "page_view:top", "inquiry"]
    events = []
    for person in range(30):
        for _ in range(rng.randint(0, 14)):
            # A coarse grid of 6-hour slots from mid-May to early July: ties at the same instant happen.
            when = dt.datetime(2025, 5, 15) + dt.timedelta(hours=6 * rng.randint(0, 4 * 55))
            events.append((f"R{person:02d}", when, rng.choices(steps, weights=[4, 4, 6, 6, 1])[0]))
    contacts = "contact_id,account_id,created_at\n" + "".join(f"R{p:02d},B{p % 15},2025-04-01\n" for p in range(30))
    lines = ["occurred_at,contact_id,type,content_type"]
    for person, when, step in events:
        kind, _, content = step.partition(":")
        lines.append(f"{when:%Y-%m-%d %H:%M:%S},{person},{kind},{content}")
    return contacts, "\n".join(lines) + "\n", events


def _brute_force(events, unit_of, within, start, end, strict, max_length):
    """Per unit, in plain Python: population, windows and every pattern held (the module's rules)."""
    by_unit: dict[str, list[tuple[dt.datetime, str]]] = {}
    for person, when, step in events:
        by_unit.setdefault(unit_of(person), []).append((when, step))
    population = converters = 0
    held: dict[tuple[str, ...], list[int]] = {}
    for rows in by_unit.values():
        in_period = [w for w, _ in rows if start <= w < end]
        first = min((w for w, s in rows if s == "inquiry"), default=None)
        if not in_period or (first is not None and first < start):
            continue
        converted = first is not None and first < end
        anchor = first if converted else max(in_period)
        window = sorted(
            (w, s)
            for w, s in rows
            if (w < anchor or (not converted and w == anchor)) and (within is None or w >= anchor - within)
        )
        population += 1
        converters += converted
        instants = sorted({w for w, _ in window})
        found = set()
        for length in range(1, max_length + 1):
            for combo in _combos(window, length):
                times = [w for w, _ in combo]
                if any(b <= a for a, b in zip(times, times[1:], strict=False)):
                    continue
                if strict and any(instants.index(b) != instants.index(a) + 1 for a, b in zip(times, times[1:], strict=False)):
                    continue
                found.add(tuple(s for _, s in combo))
        for pattern in found:
            held.setdefault(pattern, [0, 0])
            held[pattern][0] += 1
            held[pattern][1] += converted
    return population, converters, {k: tuple(v) for k, v in held.items()}


def _combos(window, length):
    if length == 0:
        yield ()
        return
    for i, event in enumerate(window):
        for rest in _combos(window[i + 1 :], length - 1):
            yield (event, *rest)


@pytest.mark.parametrize(
    ("seed", "strict", "unit", "within"),
    [(1, False, "contact", "10d"), (2, True, "contact", "10d"), (3, False, "account", "3d"), (4, True, "account", None)],
)
def test_counts_agree_with_a_brute_force_on_random_data(tmp_path, seed, strict, unit, within):
    contacts, touchpoints, events = _random_tables(seed)
    accounts = "account_id,name\n" + "".join(f"B{i},社{i}\n" for i in range(15))
    ws = workspace_from_csv(tmp_path, {"accounts": accounts, "contacts": contacts, "touchpoints": touchpoints})
    try:
        period = Period.month(2025, 6)
        result = patterns(
            ws.engine, ws.model, outcome=INQUIRY, within=within, period=period, strict=strict, unit=unit, max_length=3, min_support=1
        )
    finally:
        ws.close()
    start, end = period.sql_bounds()
    window = None if within is None else dt.timedelta(days=int(within[:-1]))
    unit_of = (lambda p: p) if unit == "contact" else (lambda p: f"B{int(p[1:]) % 15}")
    population, converters, held = _brute_force(events, unit_of, window, start, end, strict, 3)
    assert converters >= 2 and population - converters >= 2 and sum(len(k) == 3 for k in held) >= 3  # not vacuous
    assert (result.population.units, result.population.converters) == (population, converters)
    assert counts(result) == held


# --- the demo company: the planted patterns come out on top ----------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    workspace = open_shared_demo("small", "en")
    yield workspace
    workspace.close()


def test_pricing_pages_lead_into_opportunity(demo):
    # docs/demo.md, effect 3: contacts who will reach opportunity view a pricing page before it.
    marketing = patterns(
        demo.engine, demo.model, outcome="stage:opportunity", period="FY2025", max_length=1, where="channel <> 'sales'"
    )
    top = marketing.records[0]
    assert top.pattern == ("page_view:pricing",)
    assert top.significant and top.lift > 5 and top.ci_low > 3
    # With the sales calls and meetings left in, pricing is still among the first three.
    everything = patterns(demo.engine, demo.model, outcome="stage:opportunity", period="FY2025", max_length=1)
    assert ("page_view:pricing",) in [r.pattern for r in everything.records[:3]]


def test_a_hands_on_demo_comes_before_won_deals_in_fy2025_q3(demo):
    # docs/demo.md, effect 1: exhibition deals with a demo, closed in FY2025 Q3, are won twice as often.
    result = patterns(
        demo.engine,
        demo.model,
        outcome="won",
        within="180d",
        period="FY2025Q3",
        compare="FY2024Q3",
        max_length=1,
        where="channel <> 'sales'",
    )
    top3 = [r.pattern for r in result.records[:3]]
    assert ("demo",) in top3
    record = result.record("demo")
    assert record.significant and record.lift > 3
    assert record.then.lift < record.lift / 2  # the same quarter a year earlier: no such effect


def test_sequences_and_paths_on_the_demo(demo):
    result = patterns(demo.engine, demo.model, outcome="stage:opportunity", period="FY2025", unit="account")
    assert {r.length for r in result.records} == {1, 2, 3}
    assert result.records[0].significant
    paths = result.paths
    assert len(paths.paths) == 10
    assert all(len(p.steps) <= PATH_STEPS for p in paths.paths)
    assert all("…" not in p.steps or p.steps.index("…") == 1 for p in paths.paths)
    into = sum(link.value for link in paths.links if link.target == "stage:opportunity")
    assert into == sum(p.count for p in paths.paths)
    assert math.isclose(sum(p.share for p in paths.paths), sum(p.count for p in paths.paths) / paths.with_steps)
