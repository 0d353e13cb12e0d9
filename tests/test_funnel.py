"""The CRM-stage funnel on both bases, every count worked out by hand on eight contacts.

The stages are lead -> mql -> sql -> opportunity -> customer; the period is FY2025Q1
(2025-04-01 to 2025-06-30). On the cohort basis an entity that reached a later stage has passed
through the stages it skipped (HubSpot's lifecycle semantics), and a time out of order is
counted and flagged, never dropped.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics

import pytest

import kpiflow
from conftest import workspace_from_csv
from kpiflow.analysis.funnel import funnel
from kpiflow.model.periods import parse_period

CONTACTS = (
    "contact_id,created_at,channel\n"
    "K1,2025-04-01,ads\nK2,2025-04-02,ads\nK3,2025-04-03,exhibition\nK4,2025-03-30,exhibition\n"
    "K5,2025-06-30 23:00,exhibition\nK6,2025-04-05,ads\nK7,2025-05-10,referral\nK8,2025-05-01,exhibition\n"
)
HISTORY = (
    "entity,entity_id,stage,entered_at\n"
    "contact,K1,lead,2025-04-01 10:00\ncontact,K1,mql,2025-04-10 10:00\ncontact,K1,sql,2025-04-20 10:00\n"
    "contact,K2,lead,2025-04-02 10:00\ncontact,K2,mql,2025-05-02 10:00\n"  # exactly 30 days later
    "contact,K3,lead,2025-04-03 10:00\ncontact,K3,sql,2025-04-15 10:00\n"  # skips mql
    "contact,K4,lead,2025-03-30 10:00\ncontact,K4,mql,2025-04-05 10:00\n"  # lead before the period
    "contact,K5,lead,2025-06-30 23:00\ncontact,K5,mql,2025-07-05 22:00\n"  # mql after the period: the data's end
    "contact,K6,lead,2025-04-05 10:00\ncontact,K6,mql,2025-04-20 10:00\ncontact,K6,sql,2025-04-18 10:00\n"  # sql before mql
    "contact,K7,sql,2025-05-10 10:00\n"  # a referral recorded at sql only: skips lead and mql
    "contact,K8,lead,2025-05-01 10:00\n"
)
DEALS = "deal_id,contact_id,created_at,amount,outcome,closed_at\nX3,K3,2025-04-16,100,lost,2025-05-01\n"
Z = statistics.NormalDist().inv_cdf(0.975)


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    workspace = workspace_from_csv(
        tmp_path_factory.mktemp("funnel"), {"contacts": CONTACTS, "stage_history": HISTORY, "deals": DEALS}
    )
    yield workspace
    workspace.close()


def run(ws, **options):
    return funnel(ws.engine, ws.model, period=parse_period("FY2025Q1"), columns=ws.columns(), **options)


def counts(step) -> tuple[int, ...]:
    return (step.entered, step.converted, step.skipped, step.skipped_ahead, step.out_of_order, step.lost, step.open)


# (from stage, entered, converted, skipped, skipped_ahead, out_of_order, lost, open), by hand:
OTHERS = ("skipped", "ahead", "order", "lost", "still_open")
COHORT = [
    # Reached lead in Q1: K1, K2, K3, K5, K6, K8 at their lead entries and K7 implicitly (at its sql
    # entry, 05-10: skipped). Reached mql or beyond: all but K8; K3 (sql) and K7 without an mql entry.
    ("lead", 7, 6, 1, 2, 0, 0, 1),
    # Reached mql in Q1: K1, K2, K4, K6 recorded, K3 (04-15) and K7 (05-10) implicitly. Reached sql
    # or beyond: K1; K3 and K7 (skipped mql); K6, whose sql (04-18) is recorded before its mql (04-20).
    ("mql", 6, 4, 2, 0, 1, 0, 2),
    # Reached sql in Q1: K1, K3, K6, K7. None went further; K3 has a lost deal.
    ("sql", 4, 0, 0, 0, 0, 1, 3),
]


@pytest.mark.parametrize(("from_stage", "entered", "converted", *OTHERS), COHORT)
def test_cohort_basis_counts(ws, from_stage, entered, converted, skipped, ahead, order, lost, still_open):
    step = run(ws, basis="cohort").step(from_stage)
    assert counts(step) == (entered, converted, skipped, ahead, order, lost, still_open)
    assert step.converted + step.lost + step.open == step.entered
    assert step.rate == converted / entered


def test_cohort_steps_stop_where_nobody_entered(ws):
    # Nobody reached opportunity, so there is no opportunity -> customer cohort.
    assert [s.from_stage for s in run(ws, basis="cohort").steps] == ["lead", "mql", "sql"]


def test_a_skip_converts_through_the_skipped_stage(ws):
    # K3 went lead -> sql: it converts at lead -> mql (counted in skipped_ahead) and is an mql member
    # that passed mql without a record (counted in skipped); alone, it would be 1 of 1 at both.
    result = run(ws, basis="cohort", by=["channel"])
    exhibition_lead, exhibition_mql = result.step("lead", channel="exhibition"), result.step("mql", channel="exhibition")
    # Exhibition leads in Q1: K3, K5, K8 (K4's lead is in March); K3 (sql) and K5 (mql) went on.
    assert counts(exhibition_lead) == (3, 2, 0, 1, 0, 0, 1)
    # Exhibition mqls in Q1: K4 (recorded) and K3 (implicitly, at its sql entry).
    assert counts(exhibition_mql) == (2, 1, 1, 0, 0, 0, 1)


def test_durations_leave_out_skips_and_times_out_of_order(ws):
    result = run(ws, basis="cohort")
    # lead -> mql or beyond, from the recorded lead entry: K1 9 days, K2 30, K3 12 (to its sql),
    # K5 4 days 23 hours, K6 13 (to its sql on 04-18, before its mql). K7 has no lead entry.
    lead_days = [9, 30, 12, 4 + 23 / 24, 13]
    p25, median, p75 = statistics.quantiles(lead_days, n=4, method="inclusive")
    lead = result.step("lead")
    assert (lead.p25_days, lead.median_days, lead.p75_days) == pytest.approx((p25, median, p75))
    # mql -> sql: K1's 10 days only; K6's sql came two days before its mql.
    mql = result.step("mql")
    assert (mql.p25_days, mql.median_days, mql.p75_days) == (10, 10, 10)


@pytest.mark.parametrize(
    ("days", "from_stage", "converted"),
    [
        (30, "lead", 6),  # K2 at exactly 30 days counts
        (29, "lead", 5),
        # K1 9 days, K5 4.96, and K7 at once (it skipped lead: it entered lead and mql at its sql entry);
        # K3 needed 12 days to reach sql and K6 13.
        (10, "lead", 3),
        # K3 and K7 at once (skipped mql), K6 at once (sql recorded before mql); K1 needed 10 days.
        (1, "mql", 3),
    ],
)
def test_window(ws, days, from_stage, converted):
    step = run(ws, basis="cohort", within=dt.timedelta(days=days)).step(from_stage)
    assert step.converted == converted
    assert step.converted + step.lost + step.open == step.entered


def test_immature_cohort_members(ws):
    # The data end on 2025-07-05 22:00. With a 100-day window K8 (lead on 05-01, nothing since)
    # could still convert until 08-09: immature. With 30 days its window closed on 05-31.
    assert run(ws, basis="cohort", within=dt.timedelta(days=100)).step("lead").immature == 1
    assert run(ws, basis="cohort", within=dt.timedelta(days=30)).step("lead").immature == 0


def test_period_basis_matches_the_metrics(ws):
    result = run(ws, basis="period")
    lead, mql = result.step("lead"), result.step("mql")
    # Entries in Q1: lead K1, K2, K3, K5, K6, K8 = 6; mql K1, K2, K4, K6 = 4; sql K1, K3, K6, K7 = 4.
    assert (lead.entered, lead.converted, lead.skipped) == (6, 4, 0)
    # Entered sql without any mql entry: K3 and K7, the mql cohort's `skipped` too.
    assert (mql.entered, mql.converted, mql.skipped) == (4, 4, 2)
    assert run(ws, basis="cohort").step("mql").skipped == 2
    assert (mql.out_of_order, mql.skipped_ahead) == (None, None)  # cohort-basis columns
    metrics = ws.metrics(["mqls", "sqls", "sql_rate"], period="FY2025Q1")
    assert mql.rate == pytest.approx(metrics.value("sql_rate"))
    assert [c["entries"] for c in result.stage_counts] == [6, 4, 4, 0, 0]


def test_breakdown_by_channel_with_intervals(ws):
    result = run(ws, basis="cohort", by=["channel"])
    ads, referral = result.step("lead", channel="ads"), result.step("lead", channel="referral")
    assert counts(ads) == (3, 3, 0, 0, 0, 0, 0)  # K1, K2, K6
    assert counts(referral) == (1, 1, 1, 1, 0, 0, 0)  # K7, at its sql entry
    assert counts(result.step("mql", channel="ads")) == (3, 2, 0, 0, 1, 0, 1)  # K1 and K6 (out of order); K2 not
    assert ads.small_sample is True
    # Wilson with every trial a success: low = n / (n + z^2), high = 1.
    assert ads.ci_low == pytest.approx(3 / (3 + Z * Z)) and ads.ci_high == 1.0
    # The segments add up to the overall cohort.
    overall = run(ws, basis="cohort")
    for stage in ("lead", "mql", "sql"):
        parts = [s for s in result.steps if s.from_stage == stage]
        assert tuple(map(sum, zip(*(counts(s) for s in parts), strict=True))) == counts(overall.step(stage))
    records = result.to_json_data()
    assert {"from_stage", "to_stage", "channel", "entered", "converted", "rate", "ci_low", "ci_high", "out_of_order"} <= set(
        records[0]
    )


STAGES = ["lead", "mql", "sql", "opportunity", "customer"]


def reference_cohort(history, lost, start, end, within):
    """The cohort basis counted in Python, entity by entity: {from stage: (entered, converted, ...)}."""
    out = {}
    for i, a in enumerate(STAGES[:-1]):
        rows = []
        for entity, first in history.items():
            later = [first[s] for s in STAGES[i + 1 :] if s in first]
            beyond = min(later) if later else None
            reached = first.get(a, beyond)
            if reached is None or not start <= reached < end:
                continue
            converted = beyond is not None and (within is None or beyond - reached <= within)
            rows.append((entity, first, beyond, reached, converted))
        if rows:
            out[a] = (
                len(rows),
                sum(c for *_, c in rows),
                sum(a not in f for _, f, *_ in rows),
                sum(c and STAGES[i + 1] not in f for _, f, _, _, c in rows),
                sum(c and b < r for _, _, b, r, c in rows),
                sum(not c and e in lost for e, *_, c in rows),
                sum(not c and e not in lost for e, *_, c in rows),
            )
    return out


@pytest.mark.parametrize("within", [None, dt.timedelta(days=20)])
def test_cohort_matches_a_count_in_python_on_random_histories(tmp_path_factory, within):
    # 300 contacts, each with a random set of stages at random times: skips, times out of order and
    # entries before and after the period in every combination; a lost deal for one in five.
    rng = random.Random(14)
    history: dict[str, dict[str, dt.datetime]] = {}
    lines = ["entity,entity_id,stage,entered_at"]
    for n in range(300):
        entity = f"R{n}"
        start = dt.datetime(2025, 3, 1) + dt.timedelta(hours=rng.randrange(24 * 120))
        for i, stage in enumerate(STAGES):
            if rng.random() < 0.55 - 0.08 * i:
                at = start + dt.timedelta(hours=rng.randrange(-48, 24 * 12 * (i + 1)))
                history.setdefault(entity, {})[stage] = at
                lines.append(f"contact,{entity},{stage},{at:%Y-%m-%d %H:%M}")
    lost = {e for e in history if rng.random() < 0.2}
    contacts = "contact_id,created_at\n" + "".join(f"{e},2025-03-01\n" for e in history)
    deals = "deal_id,contact_id,created_at,amount,outcome,closed_at\n" + "".join(
        f"D{e},{e},2025-03-01,1,lost,2025-09-01\n" for e in lost
    )
    workspace = workspace_from_csv(
        tmp_path_factory.mktemp("random"), {"contacts": contacts, "stage_history": "\n".join(lines) + "\n", "deals": deals}
    )
    try:
        result = run(workspace, basis="cohort", within=within)
    finally:
        workspace.close()
    expected = reference_cohort(history, lost, dt.datetime(2025, 4, 1), dt.datetime(2025, 7, 1), within)
    assert {s.from_stage: counts(s) for s in result.steps} == expected
    assert all(0 < s.out_of_order for s in result.steps[:3])  # the data exercise every column


def test_bad_basis(ws):
    with pytest.raises(kpiflow.errors.KpiflowError, match="cohort or period"):
        run(ws, basis="weekly")
