"""Exhibitions on a tiny hand-made workspace (every number counted by hand) and on the demo company.

Three shows. E1 (2025-06-11..12, FY2025Q1) has a zone X1 and a demo station X2; E2
(2025-09-24, FY2025Q2) one zone Y1; E3 (2025-01-22, FY2024) has no traffic counter.

E1's show touchpoints (people: P1..P5 contacts, V1 and V9 anonymous browsers/kiosk ids):

| # | time | who | type | exhibit | dwell |
|---|---|---|---|---|---|
| 1 | 06-11 09:30 | P5 | badge_scan | X1 | |
| 2 | 06-11 10:00 | V1 (anonymous; row 3 says V1 is P1) | booth_visit | X1 | 100 |
| 3 | 06-11 10:05 | P1 + V1 | badge_scan | X1 | |
| 4 | 06-11 10:10 | P1 | demo | X2 | 300 |
| 5 | 06-11 11:00 | P2 | booth_visit | X1 | 200 |
| 6 | 06-11 11:05 | P2 | badge_scan | X1 | |
| 7 | 06-12 14:00 | P3 | booth_visit | X2 | 50 |
| 8 | 06-12 14:01 | P3 | badge_scan | X2 | |
| 9 | 06-12 15:00 | P4 | booth_visit | X1 | 400 |
| 10 | 06-12 15:30 | V9 (never identified) | booth_visit | X1 | (empty) |
| 11 | 06-12 16:00 | P4 | demo | X2 | 600 |

E1 runs from 06-11 09:30 (row 1) to 06-12 16:00 (row 11); its leads are contacts created from
06-11 00:00 up to (not including) 06-20 00:00, the end of the 7th day after the last day.
"""

from __future__ import annotations

import json
import math

import pytest

from conftest import open_shared_demo, workspace_from_csv
from kpiflow.analysis.exhibitions import ExhibitionsError, exhibitions
from kpiflow.model.periods import Period

CONTACTS = (
    "contact_id,created_at,channel,campaign\n"
    "P1,2025-06-11 10:05,exhibition,E1\n"
    "P2,2025-06-19 23:59,exhibition,E1\n"  # last minute of the lead window: a lead
    "P3,2025-06-20 00:00,exhibition,E1\n"  # first minute after it: not a lead
    "P4,2024-01-01 09:00,referral,\n"  # an existing contact who came by: not a lead
    "P5,2025-06-11 09:00,exhibition,E1\n"  # created before the first touch, on the first day: a lead
    "Q1,2025-09-24 10:00,exhibition,E2\n"
    "Q2,2025-10-02 00:00,exhibition,E2\n"  # E2 ended 09-24: the window ends 10-02 00:00, excluded
    "R1,2025-01-22 10:00,exhibition,E3\n"
)
TOUCHPOINTS = (
    "occurred_at,contact_id,anonymous_id,type,exhibition_id,exhibit_id,dwell_seconds\n"
    "2025-06-11 09:30,P5,,badge_scan,E1,X1,\n"
    "2025-06-11 10:00,,V1,booth_visit,E1,X1,100\n"
    "2025-06-11 10:05,P1,V1,badge_scan,E1,X1,\n"
    "2025-06-11 10:10,P1,,demo,E1,X2,300\n"
    "2025-06-11 11:00,P2,,booth_visit,E1,X1,200\n"
    "2025-06-11 11:05,P2,,badge_scan,E1,X1,\n"
    "2025-06-12 14:00,P3,,booth_visit,E1,X2,50\n"
    "2025-06-12 14:01,P3,,badge_scan,E1,X2,\n"
    "2025-06-12 15:00,P4,,booth_visit,E1,X1,400\n"
    "2025-06-12 15:30,,V9,booth_visit,E1,X1,\n"
    "2025-06-12 16:00,P4,,demo,E1,X2,600\n"
    # inquiries: P1 exactly 30 days after its first touch (06-11 10:00, the anonymous visit) counts;
    # P2 one second after its limit (06-11 11:00 + 30 d) does not; P4's is before the show.
    "2025-07-11 10:00,P1,,inquiry,,,\n"
    "2025-07-11 11:00:01,P2,,inquiry,,,\n"
    "2025-06-01 10:00,P4,,inquiry,,,\n"
    # E2
    "2025-09-24 10:00,Q1,,booth_visit,E2,Y1,60\n"
    "2025-09-24 10:10,Q1,,demo,E2,Y1,120\n"
    "2025-09-24 11:00,Q2,,booth_visit,E2,Y1,80\n"
    "2025-09-24 12:00,,V5,booth_visit,E2,Y1,90\n"
    # E3
    "2025-01-22 10:00,R1,,booth_visit,E3,Z1,30\n"
)
BOOTH = (
    "exhibition_id,exhibit_id,hour,passersby\n"
    "E1,X1,2025-06-11 10:00,30\n"
    "E1,X1,2025-06-12 10:00,20\n"
    "E1,X2,2025-06-11 10:00,10\n"
    "E2,Y1,2025-09-24 10:00,40\n"
)
# Windows of 30 days after each person's first touch at E1: P1 to 07-11 10:00, P2 to 07-11 11:00,
# P3 to 07-12 14:00, P4 to 07-12 15:00, P5 to 07-11 09:30 (limits included).
DEALS = (
    "deal_id,contact_id,created_at,amount,outcome,closed_at\n"
    "D1,P1,2025-06-20,1000,won,2025-07-10\n"  # opportunity, won in the window
    "D2,P1,2025-07-01,500,lost,2025-07-05\n"  # opportunity
    "D3,P2,2025-07-01,700,won,2025-07-11 11:00:01\n"  # opportunity; won one second too late
    "D4,P4,2025-06-01,900,won,2025-06-30\n"  # created before the show: not an opportunity of it
    "D5,P3,2025-07-12 14:00,300,open,\n"  # created exactly at the limit: an opportunity
    "D6,P5,2025-07-11 09:30:01,400,open,\n"  # one second late at 30 days; inside 180 days
)
COSTS = (
    "date,channel,exhibition_id,category,amount\n"
    "2025-03-01,exhibition,E1,event,3000\n"  # booked months ahead: still E1's
    "2025-06-11,exhibition,E1,media,1000\n"
    "2025-01-10,exhibition,E3,event,500\n"
    "2025-06-01,ads,,media,999\n"
)

Z = 1.959963984540054


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    tables = {"contacts": CONTACTS, "touchpoints": TOUCHPOINTS, "booth_traffic": BOOTH, "deals": DEALS, "costs": COSTS}
    workspace = workspace_from_csv(tmp_path_factory.mktemp("exhibitions"), tables)
    yield workspace
    workspace.close()


def run(ws, **kw):
    return exhibitions(ws.engine, ws.model, columns=ws.columns(), **kw)


def wilson(x: int, n: int) -> tuple[float, float]:
    """Wilson (1927) score interval, written out independently of kpiflow.stats."""
    p = x / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return (0.0 if x == 0 else centre - half), (1.0 if x == n else centre + half)


def z_test(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float]:
    pooled = (x1 + x2) / (n1 + n2)
    z = (x1 / n1 - x2 / n2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return z, math.erfc(abs(z) / math.sqrt(2))


def test_e1_booth_counted_by_hand(ws):
    r = run(ws, within_days=30).record("E1")
    assert (r.first_at, r.last_at) == ("2025-06-11 09:30:00", "2025-06-12 16:00:00")
    assert r.passersby == 30 + 20 + 10
    # Stopped (a booth visit or a demo): P1 (its anonymous visit as V1 and its demo), P2, P3, P4, V9.
    # Without joining V1 to P1 there would be 6.
    assert r.visitors == 5
    assert r.stop_rate.value == pytest.approx(5 / 60)
    assert (r.stop_rate.ci_low, r.stop_rate.ci_high) == pytest.approx(wilson(5, 60), abs=1e-12)
    assert r.stop_rate.small_sample is False  # 60 passers-by
    # Demos: P1 and P4 -> 2 of the 5 who stopped.
    assert r.demo_visitors == 2
    assert r.demo_rate.value == pytest.approx(2 / 5)
    assert (r.demo_rate.ci_low, r.demo_rate.ci_high) == pytest.approx(wilson(2, 5), abs=1e-12)
    assert r.demo_rate.small_sample is True
    # Booth-visit dwell: 100, 200, 50, 400 and one empty -> mean 187.5, median (100 + 200) / 2.
    assert r.avg_dwell_seconds == pytest.approx(187.5)
    assert r.median_dwell_seconds == pytest.approx(150)
    # Scanned: P5, P1, P2, P3. People: those and P4, V9.
    assert (r.badge_scans, r.people) == (4, 6)


def test_e1_leads_window_edges(ws):
    # P1 (06-11 10:05), P2 (06-19 23:59, last minute) and P5 (06-11 09:00, the first day) are leads;
    # P3 (06-20 00:00) is one minute late, P4 existed before, V9 is not a contact.
    assert run(ws).record("E1").leads == 3


def test_e1_what_followed_in_30_days(ws):
    r = run(ws, within_days=30).record("E1")
    assert r.inquiries == 1  # P1 exactly at its limit; P2 one second late; P4 before the show
    assert r.inquiry_rate.value == pytest.approx(1 / 6)
    # Opportunities: D1, D2 (P1), D3 (P2), D5 (P3, at the limit); not D4 (before) nor D6 (1 s late).
    assert (r.opportunities, r.opportunity_contacts) == (4, 3)
    assert r.opportunity_rate.value == pytest.approx(3 / 6)
    # Won in the window: D1 only (D3 closed one second after P2's limit).
    assert (r.won, r.revenue) == (1, pytest.approx(1000))
    # Cost 3000 + 1000 (the ads row has no exhibition).
    assert r.cost == pytest.approx(4000)
    assert r.cost_per_lead == pytest.approx(4000 / 3)
    assert r.cost_per_opportunity == pytest.approx(1000)
    assert r.roi == pytest.approx((1000 - 4000) / 4000)


def test_default_window_is_180_days(ws):
    r = run(ws).record("E1")
    # D6 (P5, 30 days + 1 s) now counts; D3 is still won at 07-11 11:00:01, inside 180 days.
    assert (r.opportunities, r.opportunity_contacts, r.won) == (5, 4, 2)
    assert r.revenue == pytest.approx(1700)


def test_e2_no_cost_and_late_contact(ws):
    r = run(ws).record("E2")
    assert (r.passersby, r.visitors, r.demo_visitors, r.people, r.badge_scans) == (40, 3, 1, 3, 0)
    assert r.stop_rate.value == pytest.approx(3 / 40)
    assert r.demo_rate.value == pytest.approx(1 / 3)
    assert (r.avg_dwell_seconds, r.median_dwell_seconds) == pytest.approx((230 / 3, 80))
    assert r.leads == 1  # Q1; Q2 was created on the 8th day after the show
    assert (r.opportunities, r.won, r.revenue) == (0, 0, 0)
    assert r.cost is None and r.cost_per_lead is None and r.cost_per_opportunity is None and r.roi is None


def test_zero_passersby_gives_none(ws):
    r = run(ws).record("E3")
    assert (r.passersby, r.visitors) == (0, 1)
    assert (r.stop_rate.value, r.stop_rate.ci_low, r.stop_rate.ci_high) == (None, None, None)
    assert r.demo_rate.value == 0.0
    assert r.cost_per_opportunity is None  # no opportunities
    assert r.cost_per_lead == pytest.approx(500)
    assert r.roi == pytest.approx(-1.0)
    row = next(d for d in run(ws).to_json_data() if d["exhibition_id"] == "E3")
    assert row["stop_rate"] is None and row["stop_rate_z"] is None and row["stop_rate_q_value"] is None


def test_by_exhibit_counted_by_hand(ws):
    result = run(ws, by_exhibit=True, within_days=30)
    x1, x2 = result.record("E1", "X1"), result.record("E1", "X2")
    # X1: P5 (scan), P1 (V1's visit, scan), P2, P4 (visit), V9 -> 5 people, 4 stopped, no demo.
    assert (x1.passersby, x1.people, x1.visitors, x1.demo_visitors, x1.badge_scans) == (50, 5, 4, 0, 3)
    assert (x1.avg_dwell_seconds, x1.median_dwell_seconds) == pytest.approx((700 / 3, 200))
    assert (x1.leads, x1.inquiries, x1.opportunities, x1.opportunity_contacts, x1.won) == (3, 1, 3, 2, 1)
    # X2: P1 (demo), P3 (visit, scan), P4 (demo) -> all stopped, 2 demos.
    assert (x2.passersby, x2.people, x2.visitors, x2.demo_visitors, x2.badge_scans) == (10, 3, 3, 2, 1)
    assert x2.stop_rate.value == pytest.approx(3 / 10)
    assert (x2.leads, x2.opportunities, x2.opportunity_contacts, x2.won) == (1, 3, 2, 1)
    # Costs are booked per exhibition, not per exhibit.
    assert x1.cost is None and x1.roi is None
    keys = [(r.exhibition_id, r.exhibit_id) for r in result.records]
    assert keys == [("E3", "Z1"), ("E1", "X1"), ("E1", "X2"), ("E2", "Y1")]
    assert result.to_json_data()[1]["exhibit_id"] == "X1"


def test_period_keeps_shows_that_start_in_it(ws):
    assert [r.exhibition_id for r in run(ws).records] == ["E3", "E1", "E2"]
    assert [r.exhibition_id for r in run(ws, period=Period.fy(2025)).records] == ["E1", "E2"]
    result = run(ws, period=Period.quarter(2025, 2))
    assert [r.exhibition_id for r in result.records] == ["E2"]
    assert result.period == "FY2025Q2"


def test_comparisons_against_the_others_pooled(ws):
    result = run(ws)
    tests = {(c.exhibition_id, c.metric): c for c in result.comparisons}
    # E3 has no passers-by: its stop rate is not tested and is not pooled into the others.
    assert tests[("E3", "stop_rate")].p_value is None
    expected = {
        ("E1", "stop_rate"): (5, 60, 3, 40),
        ("E2", "stop_rate"): (3, 40, 5, 60),
        ("E1", "demo_rate"): (2, 5, 1 + 0, 3 + 1),
        ("E2", "demo_rate"): (1, 3, 2 + 0, 5 + 1),
        ("E3", "demo_rate"): (0, 1, 2 + 1, 5 + 3),
    }
    for key, (x1, n1, x2, n2) in expected.items():
        c = tests[key]
        assert (c.rate.count, c.rate.total, c.others.count, c.others.total) == (x1, n1, x2, n2)
        z, p = z_test(x1, n1, x2, n2)
        assert (c.z, c.p_value) == pytest.approx((z, p), abs=1e-12)
        assert c.difference == pytest.approx(x1 / n1 - x2 / n2)
    # Benjamini-Hochberg by hand over the five p-values: q_(i) = min_{j >= i} m p_(j) / j.
    keys = list(expected)
    p = [tests[k].p_value for k in keys]
    order = sorted(range(5), key=p.__getitem__)
    q = [0.0] * 5
    running = 1.0
    for rank in range(5, 0, -1):
        running = min(running, p[order[rank - 1]] * 5 / rank)
        q[order[rank - 1]] = running
    assert [tests[k].q_value for k in keys] == pytest.approx(q, abs=1e-12)


def test_q_values_match_scipy(ws):
    stats = pytest.importorskip("scipy.stats")
    tested = [c for c in run(ws).comparisons if c.p_value is not None]
    expected = stats.false_discovery_control([c.p_value for c in tested], method="bh")
    assert [c.q_value for c in tested] == pytest.approx(list(expected), abs=1e-12)


def test_to_dict_is_plain_json_with_the_required_keys(ws):
    rows = run(ws, by_exhibit=True).to_json_data()
    json.dumps(rows)
    required = {"exhibition_id", "exhibit_id", "passersby", "visitors", "stop_rate", "demo_rate", "leads"}
    required |= {"opportunities", "revenue"}
    assert required <= set(rows[0])
    assert {"stop_rate_ci_low", "stop_rate_ci_high", "stop_rate_small_sample", "demo_rate_q_value", "roi"} <= set(rows[0])
    assert "exhibit_id" not in run(ws).to_json_data()[0]


def test_to_frame(ws):
    pytest.importorskip("pandas")
    frame = run(ws).to_frame()
    assert list(frame["exhibition_id"]) == ["E3", "E1", "E2"]


def test_bad_window_is_refused(ws):
    with pytest.raises(ExhibitionsError, match="within_days"):
        run(ws, within_days=-1)


# --- the demo company -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    workspace = open_shared_demo("small", "en")
    yield workspace
    workspace.close()


def test_demo_counts_match_plain_sql(demo):
    result = exhibitions(demo.engine, demo.model, columns=demo.columns())
    # In the demo every show touchpoint carries its contact, and every scanned visitor is a new
    # contact whose campaign is the exhibition: an independent count of the leads.
    plain = demo.con.execute(
        """
        SELECT t.exhibition_id,
               (SELECT SUM(passersby) FROM booth_traffic b WHERE b.exhibition_id = t.exhibition_id),
               COUNT(DISTINCT t.contact_id) FILTER (WHERE t.type IN ('booth_visit', 'demo')),
               COUNT(DISTINCT t.contact_id) FILTER (WHERE t.type = 'demo'),
               (SELECT COUNT(*) FROM contacts c WHERE c.campaign = t.exhibition_id),
               (SELECT SUM(amount) FROM costs k WHERE k.exhibition_id = t.exhibition_id)
        FROM touchpoints t WHERE t.exhibition_id IS NOT NULL GROUP BY t.exhibition_id
        """
    ).fetchall()
    got = {r.exhibition_id: (r.passersby, r.visitors, r.demo_visitors, r.leads, r.cost) for r in result.records}
    assert got == {e: (p, v, d, n, pytest.approx(float(c))) for e, p, v, d, n, c in plain}
    assert len(got) == 8


def test_demo_fy2025_shows_have_the_planted_demo_share(demo):
    # docs/demo.md: the demo share rose to 55% at EX2025-IOT and EX2025-MNT (0.28-0.30 before).
    result = exhibitions(demo.engine, demo.model, columns=demo.columns())
    ranked = sorted(result.records, key=lambda r: r.demo_rate.value, reverse=True)
    assert {r.exhibition_id for r in ranked[:2]} == {"EX2025-IOT", "EX2025-MNT"}
    for record in ranked[:2]:
        (test,) = [c for c in record.comparisons if c.metric == "demo_rate"]
        assert test.difference > 0.15 and test.q_value < 0.01
    # Stop rates are alike across shows (scans follow the counted traffic): nothing significant.
    assert all(c.q_value > 0.05 for c in result.comparisons if c.metric == "stop_rate")
    fy2025 = exhibitions(demo.engine, demo.model, period=Period.fy(2025), columns=demo.columns())
    assert [r.exhibition_id for r in fy2025.records] == ["EX2025-IOT", "EX2025-MNT"]
