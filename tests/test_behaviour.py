"""Web behaviour on a tiny hand-made workspace (every number counted by hand) and on the demo company.

Page views in FY2025Q1 (2025-04-01..06-30), by session:

| session | who | time | content_type (channel) | dwell | scroll | also in the session |
|---|---|---|---|---|---|---|
| S1 | V1 (anonymous; S2 shows V1 is K1) | 05-01 10:00 | pricing (web_form) | 100 | 50 | |
| S1 | V1 | 05-01 10:02 | product (web_form) | 60 | 80 | a product download at 10:03 |
| S2 | K1 + V1 | 05-31 10:00 | top (web_form) | 10 | 20 | |
| S3 | V2 | 05-02 09:00 | pricing (ads) | 200 | 100 | |
| S4 | V2 | 06-01 09:00:01 | product (ads) | 30 | (empty) | |
| S5 | K3 | 05-03 12:00 | case_study (web_form) | 300 | 90 | |
| S5 | K3 | 05-03 12:05 | pricing (web_form) | 120 | 60 | a pricing form submit at 12:06 |
| - | V4 | 05-04 08:00 | blog (email) | 40 | 30 | |
| - | V4 | 05-05 08:00 | blog (email) | 20 | 10 | |

Outside the quarter: V9 views pricing (ads) on 2025-03-31 23:59 in S9.
Inquiries: K1 on 05-31 10:05, K3 on 05-03 12:07. Deals: K1 created 06-15, K3 created 08-01 12:05.
"""

from __future__ import annotations

import json
import math

import pytest

from conftest import open_shared_demo, workspace_from_csv
from kpiflow.analysis.behaviour import BehaviourError, behaviour, build_query
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.periods import Period

CONTACTS = "contact_id,created_at,channel\nK1,2025-05-31 09:59,web_form\nK3,2025-04-01,web_form\n"
TOUCHPOINTS = (
    "occurred_at,contact_id,anonymous_id,type,channel,content_id,content_type,session_id,dwell_seconds,scroll_pct\n"
    "2025-05-01 10:00,,V1,page_view,web_form,/pricing,pricing,S1,100,50\n"
    "2025-05-01 10:02,,V1,page_view,web_form,/p1,product,S1,60,80\n"
    "2025-05-01 10:03,,V1,download,web_form,/p1.pdf,product,S1,,\n"
    "2025-05-31 10:00,K1,V1,page_view,web_form,/,top,S2,10,20\n"
    "2025-05-31 10:05,K1,V1,inquiry,web_form,/contact,form,S2,,\n"
    "2025-05-02 09:00,,V2,page_view,ads,/pricing,pricing,S3,200,100\n"
    "2025-06-01 09:00:01,,V2,page_view,ads,/p1,product,S4,30,\n"
    "2025-05-03 12:00,K3,,page_view,web_form,/cases/a,case_study,S5,300,90\n"
    "2025-05-03 12:05,K3,,page_view,web_form,/pricing,pricing,S5,120,60\n"
    "2025-05-03 12:06,K3,,form_submit,web_form,/pricing/quote,pricing,S5,,\n"
    "2025-05-03 12:07,K3,,inquiry,web_form,/contact,form,S5,,\n"
    "2025-05-04 08:00,,V4,page_view,email,/blog/x,blog,,40,30\n"
    "2025-05-05 08:00,,V4,page_view,email,/blog/y,blog,,20,10\n"
    "2025-03-31 23:59,,V9,page_view,ads,/pricing,pricing,S9,50,40\n"
)
DEALS = "deal_id,contact_id,created_at,outcome\nD1,K1,2025-06-15,open\nD2,K3,2025-08-01 12:05,open\n"

Q1 = Period.quarter(2025, 1)
Z = 1.959963984540054


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    tables = {"contacts": CONTACTS, "touchpoints": TOUCHPOINTS, "deals": DEALS}
    workspace = workspace_from_csv(tmp_path_factory.mktemp("behaviour"), tables)
    yield workspace
    workspace.close()


def run(ws, **kw):
    return behaviour(ws.engine, ws.model, columns=ws.columns(), **kw)


def wilson(x: int, n: int) -> tuple[float, float]:
    """Wilson (1927) score interval, written out independently of kpiflow.stats."""
    p = x / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return (0.0 if x == 0 else centre - half), (1.0 if x == n else centre + half)


def test_pricing_in_the_quarter(ws):
    r = run(ws, period=Q1).record("pricing")
    # Views: S1 (V1 = K1), S3 (V2), S5 (K3); V9's view is in March.
    assert (r.page_views, r.sessions, r.visitors) == (3, 3, 3)
    # Whole sessions: S1 2 page views (the download is not one), S3 1, S5 2.
    assert r.pages_per_session == pytest.approx(5 / 3)
    assert (r.onward_rate.count, r.onward_rate.total) == (2, 3)
    assert (r.onward_rate.ci_low, r.onward_rate.ci_high) == pytest.approx(wilson(2, 3), abs=1e-12)
    assert r.onward_rate.small_sample is True
    assert (r.avg_dwell_seconds, r.avg_scroll_pct) == pytest.approx(((100 + 200 + 120) / 3, (50 + 100 + 60) / 3))
    # Actions of type pricing: K3's form submit. Sessions with an action: S1 (download), S5 (form).
    assert r.actions == 1
    assert (r.action_rate.count, r.action_rate.total) == (2, 3)


def test_revisit_window_and_identity(ws):
    r = run(ws, period=Q1)
    # pricing: K1 (first view as anonymous V1 on 05-01 10:00) is back in S2 exactly 30 days later:
    # counted (and only because V1 is known to be K1). V2 is back 30 days and 1 second later: not.
    assert (r.record("pricing").revisit_rate.count, r.record("pricing").revisit_rate.total) == (1, 3)
    # product: K1 first at 05-01 10:02, back 05-31 10:00 -> yes; V2's first product view is its last.
    assert r.record("product").revisit_rate.value == pytest.approx(1 / 2)
    # blog: V4's two views have no session: each is a session of its own, so the second is a revisit.
    blog = r.record("blog")
    assert (blog.sessions, blog.visitors, blog.pages_per_session, blog.onward_rate.value) == (2, 1, 1.0, 0.0)
    assert blog.revisit_rate.value == 1.0
    # A later view in the same session is not a revisit (K3 in S5).
    assert r.record("case_study").revisit_rate.value == 0.0


def test_inquiry_window_edges(ws):
    r = run(ws, period=Q1)
    # K1's inquiry (05-31 10:05) is 5 minutes past 30 days after its first pricing view (05-01 10:00);
    # K3 inquired 2 minutes after its pricing view.
    pricing = r.record("pricing")
    assert (pricing.inquiry_rate.count, pricing.inquiry_rate.total) == (1, 3)
    assert r.record("top").inquiry_rate.value == 1.0  # K1 five minutes after its 05-31 view
    assert r.record("product").inquiry_rate.value == 0.0
    assert run(ws, period=Q1, inquiry_days=31).record("pricing").inquiry_rate.count == 2


def test_opportunity_window_edges(ws):
    r = run(ws, period=Q1)
    # K3's deal comes exactly 90 days after its pricing view (counted) and 90 days 5 minutes after
    # its case-study view (not counted). K1's deal is 45 days after 05-01.
    assert (r.record("pricing").opportunity_rate.count, r.record("pricing").opportunity_rate.total) == (2, 3)
    assert r.record("case_study").opportunity_rate.value == 0.0
    assert r.record("product").opportunity_rate.value == pytest.approx(1 / 2)
    assert run(ws, period=Q1, opportunity_days=89).record("pricing").opportunity_rate.count == 1


def test_groups_and_order(ws):
    result = run(ws, period=Q1)
    # Most page views first, then by name.
    assert [(r.key, r.page_views) for r in result.records] == [
        ("pricing", 3),
        ("blog", 2),
        ("product", 2),
        ("case_study", 1),
        ("top", 1),
    ]
    product = result.record("product")
    assert (product.avg_dwell_seconds, product.avg_scroll_pct) == pytest.approx((45, 80))  # empty scroll ignored
    assert (product.actions, product.action_rate.value) == (1, 0.5)
    # Without a period V9's March view counts too.
    assert (run(ws).record("pricing").page_views, run(ws).record("pricing").visitors) == (4, 4)


def test_by_channel(ws):
    result = run(ws, by="channel", period=Q1)
    web = result.record("web_form")
    # S1 (2 views), S2 (1), S5 (2): K1 and K3.
    assert (web.page_views, web.sessions, web.visitors, web.pages_per_session) == (5, 3, 2, pytest.approx(5 / 3))
    ads = result.record("ads")
    assert (ads.page_views, ads.sessions, ads.visitors, ads.revisit_rate.value) == (2, 2, 1, 0.0)
    assert result.to_json_data()[0]["channel"] == "web_form"


def test_by_content_id(ws):
    result = run(ws, by="content_id", period=Q1)
    assert result.record("/pricing").page_views == 3
    assert result.record("/p1").visitors == 2


def test_unknown_breakdown_suggests(ws):
    with pytest.raises(UnknownNameError, match="did you mean 'content_type'") as info:
        run(ws, by="content_typ")
    assert isinstance(info.value, KpiflowError)
    with pytest.raises(BehaviourError, match="revisit_days"):
        run(ws, revisit_days=-3)


def test_to_dict_is_plain_json(ws):
    rows = run(ws, period=Q1).to_json_data()
    json.dumps(rows)
    keys = set(rows[0])
    assert {"content_type", "sessions", "visitors", "page_views", "pages_per_session", "onward_rate", "revisit_rate"} <= keys
    assert {"inquiry_rate", "inquiry_rate_ci_low", "inquiry_rate_ci_high", "inquiry_rate_small_sample"} <= keys


def test_to_frame(ws):
    pytest.importorskip("pandas")
    assert list(run(ws, period=Q1).to_frame()["content_type"])[:1] == ["pricing"]


# --- edges: ties, sessions across the period's start, windows past its end --------------------
#
# | session | who | time | content_type | also |
# |---|---|---|---|---|
# | S71, S72 | V7 | 05-10 10:00 in both | pricing | S72 goes on to top at 10:05 |
# | - and S81 | V8 | 05-11 09:00 in both | blog | S81 goes on to blog at 09:10 |
# | S91 | V9 | 03-31 23:50 news, 23:55 a news download, 04-01 00:10 news | news | |
# | S101, S102 | V10 | 06-30 12:00 (S101); 07-20 12:00 (S102) | case_study; top | an inquiry 07-25 |

EDGE_TOUCHPOINTS = (
    "occurred_at,contact_id,anonymous_id,type,channel,content_id,content_type,session_id\n"
    "2025-05-10 10:00,,V7,page_view,ads,/pricing,pricing,S71\n"
    "2025-05-10 10:00,,V7,page_view,ads,/pricing,pricing,S72\n"
    "2025-05-10 10:05,,V7,page_view,ads,/,top,S72\n"
    "2025-05-11 09:00,,V8,page_view,email,/blog/a,blog,\n"
    "2025-05-11 09:00,,V8,page_view,email,/blog/a,blog,S81\n"
    "2025-05-11 09:10,,V8,page_view,email,/blog/b,blog,S81\n"
    "2025-03-31 23:50,,V9,page_view,ads,/news/1,news,S91\n"
    "2025-03-31 23:55,,V9,download,ads,/news/1.pdf,news,S91\n"
    "2025-04-01 00:10,,V9,page_view,ads,/news/2,news,S91\n"
    "2025-06-30 12:00,,V10,page_view,web_form,/cases/b,case_study,S101\n"
    "2025-07-20 12:00,,V10,page_view,web_form,/,top,S102\n"
    "2025-07-25 12:00,,V10,inquiry,web_form,/contact,form,S102\n"
)


@pytest.fixture(scope="module")
def edges(tmp_path_factory):
    workspace = workspace_from_csv(tmp_path_factory.mktemp("behaviour-edges"), {"touchpoints": EDGE_TOUCHPOINTS})
    yield workspace
    workspace.close()


def test_simultaneous_first_views_take_the_smallest_session(edges):
    # V7 opens pricing in S71 and S72 at the same second: the view in S71 is "the first view",
    # so its top page in S72 five minutes later is a revisit. Every run gives the same answer.
    results = [run(edges, period=Q1).record("pricing") for _ in range(3)]
    assert [(r.revisit_rate.count, r.revisit_rate.total) for r in results] == [(1, 1)] * 3
    pricing = results[0]
    assert (pricing.page_views, pricing.sessions, pricing.visitors) == (2, 2, 1)
    assert (pricing.pages_per_session, pricing.onward_rate.count) == (1.5, 1)  # S71: 1 page, S72: 2


def test_a_view_without_a_session_comes_after_one_with_a_session(edges):
    # V8's two blog views at 09:00: the one in S81 is the first, so the 09:10 view (S81 again)
    # is no revisit. The view without a session is a session of its own with one page.
    blog = run(edges, period=Q1).record("blog")
    assert (blog.page_views, blog.sessions, blog.visitors, blog.pages_per_session) == (3, 2, 1, 1.5)
    assert (blog.revisit_rate.count, blog.revisit_rate.total) == (0, 1)


def test_whole_sessions_reach_outside_the_period(edges):
    # S91 began on 03-31 with a news page and a download: its one page view in the quarter sits
    # in a session of 2 pages with an action; the download itself is March's, not the quarter's.
    news = run(edges, period=Q1).record("news")
    assert (news.page_views, news.sessions, news.pages_per_session) == (1, 1, 2.0)
    assert (news.onward_rate.count, news.action_rate.count, news.actions) == (1, 1, 0)


def test_windows_run_past_the_period_end(edges):
    # V10's first case study view is on the quarter's last day; the revisit (07-20) and the
    # inquiry (07-25) come after the quarter but within 30 days, and count.
    case = run(edges, period=Q1).record("case_study")
    assert (case.revisit_rate.count, case.inquiry_rate.count, case.visitors) == (1, 1, 1)
    assert run(edges, period=Q1, revisit_days=19, inquiry_days=24).record("case_study").revisit_rate.count == 0
    assert run(edges, period=Q1, revisit_days=20, inquiry_days=24).record("case_study").inquiry_rate.count == 0


def test_no_window_function_over_the_touchpoints(edges):
    # Counting each session's pages with COUNT(*) OVER (PARTITION BY session) over every page view
    # made this analysis take seconds on the demo company; sessions are grouped instead.
    assert " OVER " not in run(edges, period=Q1).queries[0].upper()


def test_the_portable_first_view_is_the_same_on_duckdb(ws, edges):
    # Engines without DuckDB's ARG_MIN_NULL (Spark) number the views with ROW_NUMBER instead: run
    # both plans on DuckDB over the simultaneous views and the view without a session above.
    for workspace in (ws, edges):
        for by, period in [("content_type", Q1), ("channel", None), ("content_id", Q1)]:
            windows = {"revisit_days": 30, "inquiry_days": 30, "opportunity_days": 90}
            fast = build_query(by, period, first=workspace.engine.first_in_group, **windows)
            portable = build_query(by, period, first=None, **windows)
            assert "ARG_MIN_NULL" in workspace.engine.render(fast) and " OVER " in workspace.engine.render(portable)
            assert workspace.engine.run(portable).rows == workspace.engine.run(fast).rows


# --- the demo company -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    workspace = open_shared_demo("small", "en")
    yield workspace
    workspace.close()


def test_demo_pricing_signals_opportunities(demo):
    # docs/demo.md, effect 3: contacts who view pricing pages reach opportunity far more often.
    result = behaviour(demo.engine, demo.model, columns=demo.columns())
    pricing = result.record("pricing")
    others = [r for r in result.records if r.key != "pricing" and r.visitors >= 100]
    assert pricing.opportunity_rate.value > 2 * max(r.opportunity_rate.value for r in others)
    assert pricing.opportunity_rate.ci_low > max(r.opportunity_rate.ci_high for r in others)
    # The same counts, by a plain query: a browser id seen with a contact is that contact.
    visitors, with_deal = demo.con.execute(
        """
        WITH known AS (
          SELECT anonymous_id, MIN(contact_id) AS contact_id FROM touchpoints
          WHERE contact_id IS NOT NULL AND anonymous_id IS NOT NULL GROUP BY anonymous_id
        ),
        firsts AS (
          SELECT COALESCE(t.contact_id, k.contact_id) AS contact_id,
                 COALESCE(t.contact_id, k.contact_id, t.anonymous_id) AS who, MIN(t.occurred_at) AS first_view
          FROM touchpoints t LEFT JOIN known k ON k.anonymous_id = t.anonymous_id
          WHERE t.type = 'page_view' AND t.content_type = 'pricing'
          GROUP BY 1, 2
        )
        SELECT COUNT(*), COUNT(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM deals d WHERE d.contact_id = firsts.contact_id
            AND d.created_at BETWEEN firsts.first_view AND firsts.first_view + INTERVAL 90 DAY))
        FROM firsts
        """
    ).fetchone()
    assert (pricing.visitors, pricing.opportunity_rate.count) == (visitors, with_deal)


def test_demo_sessions_match_plain_sql(demo):
    result = behaviour(demo.engine, demo.model, by="channel", period=Period.fy(2024), columns=demo.columns())
    plain = demo.con.execute(
        """
        SELECT channel, COUNT(*), COUNT(DISTINCT session_id), AVG(dwell_seconds)
        FROM touchpoints
        WHERE type = 'page_view' AND occurred_at >= TIMESTAMP '2024-04-01' AND occurred_at < TIMESTAMP '2025-04-01'
        GROUP BY channel
        """
    ).fetchall()
    got = {r.key: (r.page_views, r.sessions, r.avg_dwell_seconds) for r in result.records}
    assert got == {c: (n, s, pytest.approx(d)) for c, n, s, d in plain}


def test_demo_sessions_and_first_views_match_plain_sql(demo):
    # The last fiscal year by content type, against queries written another way: whole sessions
    # over every page view, each visitor's first view (the smallest session among simultaneous
    # ones) and EXISTS for what follows it.
    result = behaviour(demo.engine, demo.model, period=Period.fy(2025), columns=demo.columns())
    plain = demo.con.execute(
        """
        WITH known AS (
          SELECT anonymous_id, MIN(contact_id) AS contact_id FROM touchpoints
          WHERE contact_id IS NOT NULL AND anonymous_id IS NOT NULL GROUP BY anonymous_id
        ),
        who AS (
          SELECT t.*, COALESCE(t.contact_id, k.contact_id) AS contact,
                 {'contact': COALESCE(t.contact_id, k.contact_id),
                  'browser': CASE WHEN COALESCE(t.contact_id, k.contact_id) IS NULL THEN t.anonymous_id END} AS person
          FROM touchpoints t LEFT JOIN known k ON k.anonymous_id = t.anonymous_id
          WHERE COALESCE(t.contact_id, t.anonymous_id) IS NOT NULL
        ),
        session_pages AS (SELECT session_id, COUNT(*) AS pages FROM who WHERE type = 'page_view' GROUP BY session_id),
        acted AS (SELECT DISTINCT session_id FROM who WHERE type IN ('download', 'form_submit')),
        fy AS (
          SELECT * FROM who
          WHERE type = 'page_view' AND occurred_at >= TIMESTAMP '2025-04-01' AND occurred_at < TIMESTAMP '2026-04-01'
        ),
        by_session AS (
          SELECT g.content_type, COUNT(*) AS sessions, SUM(p.pages) AS pages,
                 COUNT(*) FILTER (WHERE p.pages > 1) AS onward, COUNT(a.session_id) AS acting
          FROM (SELECT DISTINCT content_type, session_id FROM fy) AS g
          JOIN session_pages AS p ON p.session_id = g.session_id
          LEFT JOIN acted AS a ON a.session_id = g.session_id
          GROUP BY g.content_type
        ),
        firsts AS (
          SELECT f.content_type, f.person, ANY_VALUE(f.contact) AS contact, f.first_at, MIN(v.session_id) AS session_id
          FROM (SELECT content_type, person, ANY_VALUE(contact) AS contact, MIN(occurred_at) AS first_at FROM fy GROUP BY ALL) AS f
          JOIN fy AS v ON v.content_type = f.content_type AND v.person = f.person AND v.occurred_at = f.first_at
          GROUP BY f.content_type, f.person, f.first_at
        ),
        by_visitor AS (
          SELECT content_type, COUNT(*) AS visitors,
                 COUNT(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM who AS w WHERE w.type = 'page_view' AND w.person = f.person AND w.session_id <> f.session_id
                     AND w.occurred_at > f.first_at AND w.occurred_at <= f.first_at + INTERVAL 30 DAY)) AS revisitors,
                 COUNT(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM who AS w WHERE w.type = 'inquiry' AND w.person = f.person
                     AND w.occurred_at BETWEEN f.first_at AND f.first_at + INTERVAL 30 DAY)) AS inquirers,
                 COUNT(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM deals AS d WHERE d.contact_id = f.contact
                     AND d.created_at BETWEEN f.first_at AND f.first_at + INTERVAL 90 DAY)) AS with_deal
          FROM firsts AS f GROUP BY content_type
        )
        SELECT s.content_type, s.sessions, s.pages, s.onward, s.acting, v.visitors, v.revisitors, v.inquirers, v.with_deal
        FROM by_session AS s JOIN by_visitor AS v USING (content_type)
        """
    ).fetchall()
    got = {
        r.key: (
            r.sessions,
            round(r.pages_per_session * r.sessions),
            r.onward_rate.count,
            r.action_rate.count,
            r.visitors,
            r.revisit_rate.count,
            r.inquiry_rate.count,
            r.opportunity_rate.count,
        )
        for r in result.records
    }
    assert got == {row[0]: tuple(row[1:]) for row in plain}
    assert sum(r.revisit_rate.count for r in result.records) > 0  # the windows are not empty
    # The portable plan (other engines' first view by ROW_NUMBER) gives the same rows on DuckDB.
    windows = {"revisit_days": 30, "inquiry_days": 30, "opportunity_days": 90}
    portable = build_query("content_type", Period.fy(2025), first=None, **windows)
    assert demo.engine.run(portable).rows == demo.engine.run(result.queries[0]).rows
