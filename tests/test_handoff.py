"""The sales-marketing handoff on a tiny hand-made workspace; every expected number is counted by hand.

The default model: SLA 24 hours, sales touches meeting/call, recycle
stage `lead`; stalled after 90 days. The data end (as_of) is K8's lead entry, 2025-09-30 12:00.

Handoffs (MQL entries) in FY2025Q1 (2025-04-01..2025-06-30), seven of them:

| handoff | channel | owner | industry | first counted touch | SLA | SQL (lag) | recycled | deals |
|---|---|---|---|---|---|---|---|---|
| K1 04-10 10:00 | ads | sato | automotive | call by sato at +24h exactly | met | 04-20 (10 d) | - | D1 won (50 d after SQL), D2 open |
| K2 04-12 09:00 | ads | sato | automotive | suzuki's call ignored; sato +48h | missed | - | returned 05-01 | D6 lost (not an SQL: ignored) |
| K3 05-01 09:00 | exhibition | tanaka | food | meeting the day before ignored | never | 05-03 (2 d) | - | D3 lost (price) |
| K4 05-05 12:00 | exhibition | tanaka | food | e-mail click, no owner, +6h | met | 05-06 (1 d) | - | D4 lost (timing, owner yamada), D5 won (46 d) |
| K5 06-01 00:00 | web_form | (none) | automotive | meeting by suzuki +23h | met | - | stalled | - |
| K7a 04-02 10:00 | ads | sato | automotive | none in its episode | never | - | returned 04-05 | - |
| K7b 06-10 10:00 | ads | sato | automotive | call by sato +10h | met | 06-15 (5 d) | - | - |

Outside the quarter: K6 (MQL 2025-03-20, ads, sato: nothing follows, stalled) and K9 (MQL
2025-09-01, seminar: immature at the data end).
"""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest

from conftest import open_shared_demo, workspace_from_csv
from kpiflow.analysis.handoff import handoff
from kpiflow.errors import KpiflowError
from kpiflow.model.config import parse_model
from kpiflow.model.periods import Period

ACCOUNTS = "account_id,name,industry\nA1,テスト精機,automotive\nA2,サンプル食品,food\n"
CONTACTS = (
    "contact_id,account_id,created_at,channel,owner\n"
    "K1,A1,2025-04-01 09:00,ads,sato\n"
    "K2,A1,2025-04-02 09:00,ads,sato\n"
    "K3,A2,2025-04-20 09:00,exhibition,tanaka\n"
    "K4,A2,2025-04-25 09:00,exhibition,tanaka\n"
    "K5,A1,2025-05-20 09:00,web_form,\n"
    "K6,A2,2025-03-01 09:00,ads,sato\n"
    "K7,A1,2025-03-25 09:00,ads,sato\n"
    "K8,A2,2025-09-30 12:00,seminar,tanaka\n"
    "K9,A2,2025-08-20 09:00,seminar,tanaka\n"
)
HISTORY = (
    "entity,entity_id,stage,entered_at\n"
    "contact,K1,lead,2025-04-01 09:00\n"
    "contact,K1,mql,2025-04-10 10:00\n"
    "contact,K1,sql,2025-04-20 10:00\n"
    "contact,K1,opportunity,2025-05-01 09:00\n"
    "contact,K2,lead,2025-04-02 09:00\n"
    "contact,K2,mql,2025-04-12 09:00\n"
    "contact,K2,lead,2025-05-01 09:00\n"
    "contact,K3,lead,2025-04-20 09:00\n"
    "contact,K3,mql,2025-05-01 09:00\n"
    "contact,K3,sql,2025-05-03 09:00\n"
    "contact,K4,lead,2025-04-25 09:00\n"
    "contact,K4,mql,2025-05-05 12:00\n"
    "contact,K4,sql,2025-05-06 12:00\n"
    "contact,K5,lead,2025-05-20 09:00\n"
    "contact,K5,mql,2025-06-01 00:00\n"
    "contact,K6,lead,2025-03-01 09:00\n"
    "contact,K6,mql,2025-03-20 09:00\n"
    "contact,K7,lead,2025-03-25 09:00\n"
    "contact,K7,mql,2025-04-02 10:00\n"
    "contact,K7,lead,2025-04-05 10:00\n"
    "contact,K7,mql,2025-06-10 10:00\n"
    "contact,K7,sql,2025-06-15 10:00\n"
    "contact,K9,lead,2025-08-20 09:00\n"
    "contact,K9,mql,2025-09-01 09:00\n"
    "contact,K8,lead,2025-09-30 12:00\n"
)
TOUCHPOINTS = (
    "occurred_at,contact_id,type,owner\n"
    # K1: exactly at the 24-hour limit, by the owner -> met
    "2025-04-11 10:00,K1,call,sato\n"
    # K2: a colleague calls first (does not count), the owner 48 hours later -> missed
    "2025-04-12 10:00,K2,call,suzuki\n"
    "2025-04-14 09:00,K2,call,sato\n"
    # K3: the meeting was before the MQL, the page view is not a sales touch -> never touched
    "2025-04-30 09:00,K3,meeting,tanaka\n"
    "2025-05-01 10:00,K3,page_view,\n"
    # K4: an e-mail click with no owner counts -> 6 hours, met
    "2025-05-05 18:00,K4,email_click,\n"
    "2025-05-05 19:00,K4,call,tanaka\n"
    # K5: the contact has no owner, so anyone's touch counts -> 23 hours, met
    "2025-06-01 23:00,K5,meeting,suzuki\n"
    # K7: nothing in the first episode; 10 hours into the second
    "2025-06-10 20:00,K7,call,sato\n"
)
DEALS = (
    "deal_id,contact_id,created_at,outcome,closed_at,loss_reason,channel,owner\n"
    "D1,K1,2025-05-01 09:00,won,2025-06-09 10:00,,ads,sato\n"
    "D2,K1,2025-05-15 09:00,open,,,ads,sato\n"
    "D3,K3,2025-05-10 09:00,lost,2025-06-01 09:00,price,,tanaka\n"
    "D4,K4,2025-05-20 09:00,lost,2025-07-01 09:00,timing,exhibition,yamada\n"
    "D5,K4,2025-06-01 09:00,won,2025-06-21 12:00,,exhibition,tanaka\n"
    "D6,K2,2025-05-10 09:00,lost,2025-05-20 09:00,price,ads,sato\n"
)

Q1 = Period.quarter(2025, 1)


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    tables = {"accounts": ACCOUNTS, "contacts": CONTACTS, "stage_history": HISTORY, "touchpoints": TOUCHPOINTS, "deals": DEALS}
    workspace = workspace_from_csv(tmp_path_factory.mktemp("handoff"), tables)
    yield workspace
    workspace.close()


def run(ws, **kw):
    return handoff(ws.engine, ws.model, columns=ws.columns(), **kw)


def wilson(x: int, n: int) -> tuple[float, float]:
    """Wilson (1927) score interval, written out independently of kpiflow.stats."""
    z = 1.959963984540054
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def test_quarter_totals_counted_by_hand(ws):
    r = run(ws, period=Q1).record()
    assert (r.mqls, r.sqls) == (7, 4)
    assert r.sql_rate.value == pytest.approx(4 / 7)
    assert (r.sql_rate.ci_low, r.sql_rate.ci_high) == pytest.approx(wilson(4, 7), abs=1e-12)
    # Lags of the SQLs: 10, 1, 2, 5 days -> median 3.5; quartiles interpolated (1.75, 6.25).
    assert (r.median_lag_days, r.p25_lag_days, r.p75_lag_days) == pytest.approx((3.5, 1.75, 6.25))
    assert r.small_sample is True


def test_sla_limit_other_rep_and_never_touched(ws):
    r = run(ws, period=Q1).record()
    # Met: K1 (exactly 24 h), K4 (6 h, ownerless), K5 (23 h, ownerless contact), K7b (10 h).
    assert r.sla_met == 4
    assert r.sla_rate.value == pytest.approx(4 / 7)
    # Never touched: K3 (touch before the MQL only), K7a (the touch belongs to the next episode).
    assert r.never_touched == 2
    # Hours to the first counted touch: 24, 48, 6, 23, 10 -> median 23.
    assert r.median_hours_to_touch == pytest.approx(23)


def test_sla_limit_is_inclusive_and_moves_with_the_model(ws):
    # At 23.999 hours K1's touch (24 h) misses; K5 (23 h) still meets it.
    model = parse_model("handoff: {sla_hours: 23.999}\n")
    r = handoff(ws.engine, model, period=Q1, columns=ws.columns()).record()
    assert r.sla_met == 3
    # Without calls only K4 (e-mail click) and K5 (meeting) are touched; the other five never are.
    model = parse_model("handoff: {sales_touch_types: [meeting, email_click]}\n")
    r = handoff(ws.engine, model, period=Q1, columns=ws.columns()).record()
    assert (r.sla_met, r.never_touched) == (2, 5)


def test_recycled_returned_and_stalled(ws):
    r = run(ws, period=Q1).record()
    # Returned to `lead` before any SQL: K2, K7a. Stalled (no SQL for 90 days): K5.
    assert (r.returned, r.stalled, r.recycled, r.immature) == (2, 1, 3, 0)
    assert r.recycle_rate.value == pytest.approx(3 / 7)


def test_without_a_recycle_stage_only_stalling_counts(ws):
    model = parse_model("handoff: {recycle_stage: null}\n")
    r = handoff(ws.engine, model, period=Q1, columns=ws.columns()).record()
    # K2, K7a (its SQL belongs to the next episode) and K5 have no SQL within 90 days.
    assert (r.returned, r.stalled, r.recycled) == (0, 3, 3)


def test_stalled_needs_the_time_to_have_passed(ws):
    # As of 2025-08-30 00:00 K5's MQL (06-01 00:00) is 90 days old: stalled; a second earlier it is immature.
    # K7b (06-10, already an SQL) is younger than 90 days either way.
    r = run(ws, period=Q1, as_of=dt.datetime(2025, 8, 30)).record()
    assert (r.stalled, r.immature) == (1, 1)
    r = run(ws, period=Q1, as_of=dt.datetime(2025, 8, 29, 23, 59, 59)).record()
    assert (r.stalled, r.immature) == (0, 2)


def test_handed_off_leads_deals(ws):
    r = run(ws, period=Q1).record()
    # SQLs K1, K3, K4 have deals; K7b has none. D6 belongs to K2, which never became an SQL.
    assert (r.opportunities, r.opportunity_rate.value) == (3, pytest.approx(3 / 4))
    assert (r.won, r.lost) == (2, 2)
    assert r.close_rate.value == pytest.approx(0.5)
    assert (r.close_rate.ci_low, r.close_rate.ci_high) == pytest.approx(wilson(2, 4), abs=1e-12)
    # SQL -> won: D1 50 days, D5 46 days.
    assert r.median_days_to_close == pytest.approx(48)


def test_loss_reasons_by_channel_and_owner(ws):
    result = run(ws, period=Q1)
    assert result.losses() == {"price": 1, "timing": 1}
    # D3 has no channel of its own: the contact's (exhibition).
    assert result.losses("channel", "exhibition") == {"price": 1, "timing": 1}
    assert result.losses("channel", "ads") == {}
    # D4's own owner is yamada, not the contact's tanaka.
    assert result.losses("owner", "tanaka") == {"price": 1}
    assert result.losses("owner", "yamada") == {"timing": 1}
    shares = {(r.dimension, r.key, r.loss_reason): r.share.value for r in result.loss_reasons}
    assert shares[(None, None, "price")] == pytest.approx(0.5)
    assert shares[("owner", "yamada", "timing")] == pytest.approx(1.0)


def test_breakdown_by_channel(ws):
    result = run(ws, period=Q1, by="channel")
    assert [r.key for r in result.records] == ["ads", "exhibition", "web_form"]
    ads, exhibition, web = result.records
    assert (ads.mqls, ads.sqls, ads.sla_met, ads.never_touched, ads.returned, ads.stalled) == (4, 2, 2, 1, 2, 0)
    assert (exhibition.mqls, exhibition.sqls, exhibition.sla_met, exhibition.never_touched) == (2, 2, 1, 1)
    assert (exhibition.won, exhibition.lost, exhibition.median_lag_days) == (1, 2, pytest.approx(1.5))
    assert (web.mqls, web.sqls, web.stalled, web.sql_rate.value) == (1, 0, 1, 0.0)
    assert (web.sql_rate.ci_low, web.sql_rate.ci_high) == pytest.approx(wilson(0, 1))
    assert all(r.small_sample for r in result.records)
    # The total is the same as without a breakdown.
    assert result.total == run(ws, period=Q1).total


def test_breakdown_through_accounts_and_by_owner(ws):
    result = run(ws, period=Q1, by="industry")
    assert {r.key: (r.mqls, r.sqls) for r in result.records} == {"automotive": (5, 2), "food": (2, 2)}
    result = run(ws, period=Q1, by="owner")
    # An owner that is empty is its own segment (None), listed last.
    assert [(r.key, r.mqls, r.sla_met) for r in result.records] == [("sato", 4, 2), ("tanaka", 2, 1), (None, 1, 1)]
    assert run(ws, period=Q1, by="accounts.industry").record("food").sqls == 2


def test_speed_effect_two_proportion_test(ws):
    effect = run(ws, period=Q1).speed_effect
    # SLA met: K1, K4, K5, K7b -> 3 SQLs of 4; missed: K2, K3, K7a -> 1 of 3.
    assert (effect.met.count, effect.met.total, effect.missed.count, effect.missed.total) == (3, 4, 1, 3)
    pooled = 4 / 7
    z = (3 / 4 - 1 / 3) / math.sqrt(pooled * (1 - pooled) * (1 / 4 + 1 / 3))
    assert effect.z == pytest.approx(z)
    assert effect.p_value == pytest.approx(math.erfc(abs(z) / math.sqrt(2)))
    assert effect.difference == pytest.approx(3 / 4 - 1 / 3)
    assert effect.small_sample is True


def test_all_periods_and_data_end(ws):
    result = run(ws)
    r = result.record()
    # Nine handoffs: the seven above, K6 (stalled) and K9 (immature at 2025-09-30 12:00).
    assert (r.mqls, r.sqls, r.returned, r.stalled, r.immature) == (9, 4, 2, 2, 1)
    assert result.settings.as_of == dt.datetime(2025, 9, 30, 12)
    assert result.period is None


def test_empty_period(ws):
    result = run(ws, period=Period.quarter(2024, 1), by="channel")
    assert result.records == []
    assert result.total.mqls == 0 and result.total.sql_rate.value is None
    assert result.speed_effect.p_value is None
    assert result.loss_reasons == []


def test_to_dict_and_to_frame(ws):
    result = run(ws, period=Q1, by="channel", lang="ja")
    data = result.to_json_data()
    assert data["period"] == Q1.label("ja")
    assert data["settings"]["sla_hours"] == 24
    first = data["records"][0]
    assert first["channel"] == "ads"
    for key in ("mqls", "sqls", "sql_rate", "ci_low", "ci_high", "median_lag_days", "sla_met", "sla_rate", "never_touched"):
        assert key in first
    for key in ("median_hours_to_touch", "recycled", "recycle_rate", "opportunities", "won", "lost", "close_rate"):
        assert key in first
    assert "median_days_to_close" in first and "small_sample" in first
    assert data["speed_effect"]["met_mqls"] == 4
    assert json.loads(json.dumps(data, ensure_ascii=False))["settings"]["as_of"] == "2025-09-30 12:00:00"
    try:
        import pandas  # noqa: F401, PLC0415
    except ImportError:
        with pytest.raises(KpiflowError, match="pip install pandas"):
            result.to_frame()
    else:
        assert list(result.to_frame()["channel"]) == ["ads", "exhibition", "web_form"]


def test_unknown_dimension_is_a_helpful_error(ws):
    with pytest.raises(LookupError, match="did you mean 'channel'") as info:
        run(ws, by="chanel")
    assert isinstance(info.value, KpiflowError)


def test_bad_options_are_refused(ws):
    with pytest.raises(ValueError, match="stale_days"):
        run(ws, stale_days=0)
    with pytest.raises(ValueError, match="time zone"):
        run(ws, as_of=dt.datetime(2025, 9, 1, tzinfo=dt.UTC))


def test_recycle_stage_must_be_a_stage(ws):
    model = parse_model("handoff: {recycle_stage: leed}\n")
    with pytest.raises(ValueError, match="did you mean 'lead'"):
        handoff(ws.engine, model, columns=ws.columns())


# --- the demo: docs/demo.md, planted effect 2 -------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    workspace = open_shared_demo("small", "en")
    yield workspace
    workspace.close()


def test_demo_ads_mql_to_sql_rate_is_far_below_the_others(demo):
    result = run(demo, by="channel")
    rates = {r.key: r for r in result.records}
    ads = rates.pop("ads")
    assert ads.sql_rate.value < 0.12
    for channel, r in rates.items():
        assert r.sql_rate.value > 0.25, channel
    # Ads' interval lies below every other channel's with enough MQLs to say so.
    assert all(ads.sql_rate.ci_high < r.sql_rate.ci_low for r in rates.values() if not r.small_sample)
    # Independently: MQL contacts with an SQL entry at or after their MQL, counted in plain SQL.
    mqls, sqls = demo.sql(
        """
        SELECT count(*), count(*) FILTER (WHERE EXISTS (
            SELECT 1 FROM stage_history s WHERE s.entity = 'contact' AND s.entity_id = m.entity_id
              AND s.stage = 'sql' AND s.entered_at >= m.entered_at))
        FROM stage_history m JOIN contacts c ON c.contact_id = m.entity_id
        WHERE m.entity = 'contact' AND m.stage = 'mql' AND c.channel = 'ads'
        """
    ).fetchall()[0]
    assert (ads.mqls, ads.sqls) == (mqls, sqls)


def test_demo_sla_counts_match_plain_sql(demo):
    r = run(demo).record()
    # Independently: each MQL's earliest sales-type touch at or after it, by the contact's owner or by nobody
    # recorded (the demo's meetings and calls carry the owner, its e-mail opens and clicks none).
    met, never, total = demo.sql(
        """
        WITH first_touch AS (
            SELECT m.entity_id, m.entered_at,
                   (SELECT min(t.occurred_at) FROM touchpoints t JOIN contacts c ON c.contact_id = t.contact_id
                    WHERE t.contact_id = m.entity_id AND t.occurred_at >= m.entered_at
                      AND t.type IN ('meeting', 'call')
                      AND (t.owner IS NULL OR c.owner IS NULL OR t.owner = c.owner)) AS touched
            FROM stage_history m WHERE m.entity = 'contact' AND m.stage = 'mql')
        SELECT count(*) FILTER (WHERE touched <= entered_at + INTERVAL 24 HOUR), count(*) FILTER (WHERE touched IS NULL), count(*)
        FROM first_touch
        """
    ).fetchall()[0]
    assert (r.sla_met, r.never_touched, r.mqls) == (met, never, total)
    assert 0 < r.never_touched < r.mqls


def test_demo_deals_and_losses_match_plain_sql(demo):
    result = run(demo, by="channel")
    r = result.total
    # Independently: each MQL entry's episode runs to the contact's next MQL entry; the deals created
    # in the episode of an MQL that reached SQL in it are its handed-off leads.
    rows = demo.sql(
        """
        WITH entries AS (SELECT DISTINCT entity_id AS contact_id, entered_at AS mql_at FROM stage_history
                         WHERE entity = 'contact' AND stage = 'mql' AND entered_at IS NOT NULL),
        episodes AS (SELECT e.*, (SELECT min(n.mql_at) FROM entries n WHERE n.contact_id = e.contact_id AND n.mql_at > e.mql_at)
                         AS ends FROM entries e),
        sqls AS (SELECT * FROM episodes e WHERE EXISTS (
                     SELECT 1 FROM stage_history s WHERE s.entity = 'contact' AND s.entity_id = e.contact_id AND s.stage = 'sql'
                       AND s.entered_at >= e.mql_at AND (e.ends IS NULL OR s.entered_at < e.ends)))
        SELECT d.outcome, d.loss_reason, e.contact_id, e.mql_at
        FROM sqls e JOIN deals d ON d.contact_id = e.contact_id AND d.created_at >= e.mql_at
         AND (e.ends IS NULL OR d.created_at < e.ends)
        """
    ).fetchall()
    assert r.won == sum(outcome == "won" for outcome, *_ in rows) > 0
    assert r.lost == sum(outcome == "lost" for outcome, *_ in rows) > 0
    assert r.opportunities == len({(contact, at) for *_, contact, at in rows})
    reasons: dict[str | None, int] = {}
    for outcome, reason, *_ in rows:
        if outcome == "lost":
            reasons[reason] = reasons.get(reason, 0) + 1
    assert result.losses() == reasons
    # Each deal counts in its handoff's channel: the channels add up to the total.
    assert sum(s.won for s in result.records) == r.won and sum(s.lost for s in result.records) == r.lost
