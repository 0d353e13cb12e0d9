"""The CRM-stage funnel on both bases, every count worked out by hand on five contacts."""

from __future__ import annotations

import datetime as dt

import pytest

import kpiflow
from conftest import workspace_from_csv
from kpiflow.analysis.funnel import funnel
from kpiflow.model.periods import parse_period

CONTACTS = (
    "contact_id,created_at,channel\n"
    "K1,2025-04-01,ads\nK2,2025-04-02,ads\nK3,2025-04-03,exhibition\nK4,2025-03-30,exhibition\nK5,2025-06-30 23:00,exhibition\n"
)
HISTORY = (
    "entity,entity_id,stage,entered_at\n"
    "contact,K1,lead,2025-04-01 10:00\ncontact,K1,mql,2025-04-10 10:00\ncontact,K1,sql,2025-04-20 10:00\n"
    "contact,K2,lead,2025-04-02 10:00\ncontact,K2,mql,2025-05-02 10:00\n"  # exactly 30 days later
    "contact,K3,lead,2025-04-03 10:00\ncontact,K3,sql,2025-04-15 10:00\n"  # skips mql
    "contact,K4,lead,2025-03-30 10:00\ncontact,K4,mql,2025-04-05 10:00\n"  # lead before the period
    "contact,K5,lead,2025-06-30 23:00\ncontact,K5,mql,2025-07-05 22:00\n"  # mql after the period
)
DEALS = "deal_id,contact_id,created_at,amount,outcome,closed_at\nX3,K3,2025-04-16,100,lost,2025-05-01\n"


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    workspace = workspace_from_csv(
        tmp_path_factory.mktemp("funnel"), {"contacts": CONTACTS, "stage_history": HISTORY, "deals": DEALS}
    )
    yield workspace
    workspace.close()


def run(ws, **options):
    return funnel(ws.con, ws.model, period=parse_period("FY2025Q1"), columns=ws.columns(), **options)


def test_cohort_basis(ws):
    result = run(ws, basis="cohort")
    lead = result.step("lead")
    # Leads first entered in Q1: K1, K2, K3, K5. Reached MQL afterwards: K1, K2, K5.
    assert (lead.entered, lead.converted, lead.rate) == (4, 3, 0.75)
    # K3 never reached MQL and has a lost deal (it also skipped ahead to SQL: lost comes first).
    assert (lead.lost, lead.skipped_ahead, lead.open) == (1, 0, 0)
    # Days to MQL: K1 9, K2 30, K5 4 days 23 hours -> median 9.
    assert lead.median_days == pytest.approx(9)
    assert lead.p25_days == pytest.approx((4 + 23 / 24 + 9) / 2)
    mql = result.step("mql")
    # MQLs first entered in Q1: K1, K2, K4; only K1 reached SQL. K3 entered SQL without MQL.
    assert (mql.entered, mql.converted, mql.skipped) == (3, 1, 1)
    assert mql.open == 2


def test_window_counts_the_exact_limit(ws):
    assert run(ws, basis="cohort", within=dt.timedelta(days=30)).step("lead").converted == 3  # K2 at exactly 30 days
    assert run(ws, basis="cohort", within=dt.timedelta(days=29)).step("lead").converted == 2


def test_immature_cohort_members(ws):
    # The data end on 2025-07-05 22:00. With a 100-day window K3 (lead on 04-03, no MQL) could
    # still convert until 07-12: immature. With 30 days its window closed on 05-03.
    assert run(ws, basis="cohort", within=dt.timedelta(days=100)).step("lead").immature == 1
    assert run(ws, basis="cohort", within=dt.timedelta(days=30)).step("lead").immature == 0


def test_period_basis_matches_the_metrics(ws):
    result = run(ws, basis="period")
    lead, mql = result.step("lead"), result.step("mql")
    # Entries in Q1: lead K1, K2, K3, K5 = 4; mql K1, K2, K4 = 3; sql K1, K3 = 2.
    assert (lead.entered, lead.converted) == (4, 3)
    assert (mql.entered, mql.converted, mql.skipped) == (3, 2, 1)
    metrics = ws.metrics(["mqls", "sqls", "sql_rate"], period="FY2025Q1")
    assert mql.rate == pytest.approx(metrics.value("sql_rate"))
    assert [c["entries"] for c in result.stage_counts] == [4, 3, 2, 0, 0]


def test_breakdown_by_channel_with_intervals(ws):
    result = run(ws, basis="cohort", by=["channel"])
    ads = result.step("lead", channel="ads")
    exhibition = result.step("lead", channel="exhibition")
    assert (ads.entered, ads.converted) == (2, 2)
    assert (exhibition.entered, exhibition.converted) == (2, 1)
    assert ads.small_sample is True
    assert ads.ci_low == pytest.approx(0.3423802275066531) and ads.ci_high == 1.0  # Wilson 2/2
    records = result.to_dict()
    assert {"from_stage", "to_stage", "channel", "entered", "converted", "rate", "ci_low", "ci_high"} <= set(records[0])


def test_bad_basis(ws):
    with pytest.raises(kpiflow.errors.KpiflowError, match="cohort or period"):
        run(ws, basis="weekly")
