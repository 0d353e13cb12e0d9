"""Conversion rates and throughput ratios: which is which, cohort readings counted by hand, and
bottlenecks that only ever rank a rate between 0 and 100%."""

from __future__ import annotations

import math

import pytest
from sqlglot import exp

import kpiflow
from conftest import workspace_from_csv
from kpiflow.analysis.conversion import cohort_rates, cohort_sql
from kpiflow.errors import ModelError
from kpiflow.model.config import parse_model
from kpiflow.model.periods import parse_period
from kpiflow.model.ratios import cohort_link, condition_implies, ratio_kind
from kpiflow.stats import beta_quantile, count_ratio_test, shrink_rates

# --- which kind of ratio --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("metric", "kind"),
    [
        ("win_rate", "conversion"),  # won deals are a subset of closed deals: same rows, narrower condition
        ("close_rate", "throughput"),  # closed in the period / created in the period
        ("mql_rate", "throughput"),
        ("sql_rate", "throughput"),
        ("opportunity_rate", "throughput"),
        ("demo_rate", "throughput"),  # a demo need not follow a recorded booth visit
        ("stop_rate", "throughput"),  # booth visitors / passers-by counted by a counter
        ("avg_deal_size", None),  # an amount per deal, not a rate
        ("cost_per_lead", None),
        ("revenue", None),
    ],
)
def test_the_default_model_infers_each_ratio_kind(ws, metric, kind):
    assert ratio_kind(ws.model, metric) == kind


@pytest.mark.parametrize(
    ("premise", "conclusion", "implied"),
    [
        ("outcome = 'won'", "outcome IN ('won', 'lost')", True),
        ("outcome IN ('won')", "outcome IN ('won', 'lost')", True),
        ("outcome IN ('won', 'open')", "outcome IN ('won', 'lost')", False),
        ("outcome = 'won' AND amount > 0", "amount > 0", True),
        ("outcome = 'won'", "amount > 0", False),
        ("outcome = 'won'", None, True),
        (None, "outcome = 'won'", False),
        ("stage = 'sql'", "stage = 'mql'", False),
    ],
)
def test_a_condition_implies_another_only_when_provable(premise, conclusion, implied):
    assert condition_implies(premise, conclusion) is implied


MODEL = """
kpiflow: 1
metrics:
  mqls: {count: stage_history, where: "entity = 'contact' AND stage = 'mql'", time: entered_at}
  sqls: {count: stage_history, where: "entity = 'contact' AND stage = 'sql'", time: entered_at}
  sql_rate: {ratio: [sqls, mqls]}
  declared: {ratio: [sqls, mqls], ratio_kind: conversion, window: 30d}
"""


def test_a_declared_kind_and_window_win_over_inference():
    model = parse_model(MODEL)
    assert ratio_kind(model, "sql_rate") == "throughput"
    assert ratio_kind(model, "declared") == "conversion"
    assert cohort_link(model, "declared").window_days == 30
    assert cohort_link(model, "sql_rate").window_days == 90  # the default


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("  mqls2: {count: contacts, ratio_kind: conversion}", "ratio metrics only"),
        ("  bad: {ratio: [sqls, mqls], window: ninety days}", "number of days"),
        ("  bad: {ratio: [sqls, mqls], ratio_kind: proportion}", "conversion"),
    ],
)
def test_ratio_options_are_checked_where_they_are_written(line, message):
    with pytest.raises(ModelError, match=message):
        parse_model(MODEL + line + "\n")


# --- cohort readings, counted by hand ---------------------------------------------------------

CONTACTS = (
    "contact_id,created_at,channel\n"
    "K1,2025-04-01,ads\n"
    "K2,2025-04-05,ads\n"
    "K3,2025-04-10,web\n"
    "K4,2025-05-01,web\n"
    "K5,2025-06-01,web\n"
    "K6,2026-03-01,ads\n"
    "K7,2025-07-01,web\n"
)
STAGES = (
    "entity,entity_id,stage,entered_at\n"
    "contact,K1,mql,2025-04-10\n"
    "contact,K1,sql,2025-04-20\n"  # 10 days: converts
    "contact,K2,mql,2025-05-01\n"  # never goes further
    "contact,K3,mql,2025-04-15\n"
    "contact,K3,opportunity,2025-05-01\n"  # skips sql: passes through it
    "contact,K4,mql,2025-05-02\n"
    "contact,K4,sql,2025-09-01\n"  # 122 days: outside the 90-day window
    "contact,K5,sql,2025-05-25\n"  # before its mql: out of order, still converts
    "contact,K5,mql,2025-06-02\n"
    "contact,K6,mql,2026-03-05\n"  # the window runs past the data's end: immature
    "contact,K7,sql,2025-07-05\n"  # no MQL recorded: it passed through MQL when it became SQL
)
DEALS = (
    "deal_id,contact_id,created_at,amount,outcome,closed_at\n"
    "D1,K1,2025-04-01,100,won,2025-05-01\n"  # closed in 30 days
    "D2,K3,2025-05-01,300,lost,2025-12-01\n"  # closed after 214 days: outside 180
    "D3,K4,2025-06-01,50,open,\n"
)


@pytest.fixture(scope="module")
def flows(tmp_path_factory):
    ws = workspace_from_csv(tmp_path_factory.mktemp("flows"), {"contacts": CONTACTS, "stage_history": STAGES, "deals": DEALS})
    yield ws
    ws.close()


def _cohort(ws, rate, dims=(), within=None):
    start, end = parse_period("FY2025").sql_bounds()
    link = cohort_link(ws.model, rate, within)
    return {
        tuple(c.dimensions.values()): (c.entered, c.converted, c.immature, c.out_of_order)
        for c in cohort_rates(ws.engine, ws.model, link, start=start, end=end, dims=dims, columns=ws.columns())
    }


def test_sql_rate_cohort_counts_skips_and_out_of_order_entries(flows):
    # K1..K5 and K7 (who skipped MQL: it entered the cohort at its SQL) are mature, K6 is not;
    # K1, K3 (through opportunity), K5 (out of order) and K7 convert.
    assert _cohort(flows, "sql_rate") == {(): (6, 4, 1, 1)}
    assert _cohort(flows, "sql_rate", ["channel"]) == {("ads",): (2, 1, 1, 0), ("web",): (4, 3, 0, 1)}


def test_mql_rate_cohort_starts_at_the_lead(flows):
    # Every mature lead reached MQL or later within 90 days. K5 was created on 2025-06-01 but
    # entered sql on 2025-05-25, before it existed: out of order, and counted.
    assert _cohort(flows, "mql_rate") == {(): (6, 6, 1, 1)}


def test_close_rate_cohort_uses_the_declared_window(flows):
    # The default model gives close rate 180 days; data ends at the last close (2025-12-01).
    # D1 closes in 30 days; D2 after 214; D3 is open. All three entered by 2025-06-01 + 180 <= 2025-12-01.
    assert _cohort(flows, "close_rate") == {(): (3, 1, 0, 0)}
    throughput = flows.metrics(["close_rate"], period="FY2025").record("close_rate")
    assert (throughput.numerator, throughput.denominator) == (2, 3)


@pytest.mark.parametrize(
    ("within", "converted"),
    [
        (10, 3),  # K1 reached SQL exactly 10 days after its MQL: the window's end is inside
        (10 - 1 / 86400, 2),  # one second shorter, K1 is left out; K5 (out of order) and K7 still count
    ],
)
def test_the_window_is_exact_to_the_second_and_includes_its_end(flows, within, converted):
    # Every member but K6 (MQL on 2026-03-05, the data's last day) has had its window.
    assert _cohort(flows, "sql_rate", within=within) == {(): (6, converted, 1, 1)}


def test_the_window_is_an_interval_literal_every_engine_parses(flows):
    # Spark's grammar takes only a literal as an interval's value: INTERVAL (864000) SECOND is a
    # syntax error there, INTERVAL '864000' SECOND is read by every engine.
    start, end = parse_period("FY2025").sql_bounds()
    query = cohort_sql(flows.model, cohort_link(flows.model, "sql_rate", 10), start=start, end=end, columns=flows.columns())
    windows = list(query.find_all(exp.Interval))
    assert len(windows) == 2  # the maturity test and the conversion test
    for window in windows:
        assert isinstance(window.this, exp.Literal) and (window.this.name, window.unit.name) == ("864000", "SECOND")


def test_a_throughput_ratio_has_no_binomial_interval_a_conversion_rate_has(flows):
    values = flows.metrics(["sql_rate", "win_rate"], period="FY2025")
    sql, win = values.record("sql_rate"), values.record("win_rate")
    assert (sql.ratio_kind, sql.ci_low, sql.ci_high) == ("throughput", None, None)
    assert win.ratio_kind == "conversion" and 0 <= win.ci_low <= win.value <= win.ci_high <= 1


def test_bottleneck_ranks_cohort_rates_only(flows):
    result = flows.bottleneck("FY2025")
    by_stage = {b.stage: b for b in result.ranked}
    assert (by_stage["sql_rate"].numerator, by_stage["sql_rate"].denominator) == (4, 6)
    assert by_stage["sql_rate"].basis == "cohort" and by_stage["sql_rate"].immature == 1
    assert by_stage["win_rate"].basis == "period"
    for b in result.ranked:
        assert b.actual is None or 0 <= b.actual <= 1
        assert b.reference is None or 0 <= b.reference <= 1


# --- statistics -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("p", "a", "b"), [(0.025, 3, 7), (0.5, 0.5, 0.5), (0.975, 120.5, 300.25), (0.01, 1, 1)])
def test_beta_quantile_matches_scipy(p, a, b):
    scipy_stats = pytest.importorskip("scipy.stats")
    assert beta_quantile(p, a, b) == pytest.approx(scipy_stats.beta.ppf(p, a, b), abs=1e-9)


def test_shrinkage_pulls_a_lucky_small_group_toward_the_pool():
    # Three large quarters near 30% and a small lucky one at 60%.
    counts = [(300, 1000), (310, 1000), (290, 1000), (18, 30)]
    shrunk = shrink_rates(counts)
    pooled = sum(s for s, _ in counts) / sum(n for _, n in counts)
    lucky = shrunk[-1]
    assert pooled < lucky.value < lucky.raw  # pulled most of the way back
    assert lucky.value - pooled < (lucky.raw - pooled) / 2
    # Moment estimate of the spread between groups, written out independently:
    k, total = len(counts), sum(n for _, n in counts)
    observed = sum(n * (s / n - pooled) ** 2 for s, n in counts)
    tau2 = (observed - (k - 1) * pooled * (1 - pooled)) / (total - sum(n * n for _, n in counts) / total)
    strength = pooled * (1 - pooled) / tau2 - 1
    assert lucky.value == pytest.approx((18 + strength * pooled) / (30 + strength))
    assert lucky.ci_low < lucky.value < lucky.ci_high


def test_groups_no_more_different_than_chance_all_shrink_to_the_pool():
    shrunk = shrink_rates([(50, 100), (50, 100), (51, 100)])
    assert {round(s.value, 12) for s in shrunk} == {round(151 / 300, 12)}


def test_count_ratio_test_is_the_delta_method_on_log_ratios():
    z, p = count_ratio_test(1203, 1169, 954, 1004)
    expected_z = (math.log(1203 / 1169) - math.log(954 / 1004)) / math.sqrt(1 / 1203 + 1 / 1169 + 1 / 954 + 1 / 1004)
    assert z == pytest.approx(expected_z)
    assert p == pytest.approx(2 * (1 - 0.5 * (1 + math.erf(abs(expected_z) / math.sqrt(2)))))
    assert all(math.isnan(v) for v in count_ratio_test(0, 10, 5, 10))


def test_entries_reached_before_they_began_are_noted(flows):
    # K5 became SQL on 2025-05-25 and MQL on 2025-06-02: the one out-of-order conversion of the
    # cohort; and six contacts make no quarter big enough to be a best period.
    sql = next(b for b in flows.bottleneck("FY2025").ranked if b.stage == "sql_rate")
    assert sql.note == (
        "1 converted before they entered (timestamps out of order); no best period with 30 or more mature members"
    )


def test_a_ratio_no_entity_links_is_left_out_of_the_ranking_with_why(tmp_path):
    # Inquiries per session: sessions are a distinct count of session ids, which no contact or deal names.
    assert cohort_link(parse_model(MODEL_WITH_SESSIONS), "inquiry_rate") is None
    ws = workspace_from_csv(tmp_path, {"contacts": CONTACTS, "stage_history": STAGES, "deals": DEALS})
    model = ws.root / "kpiflow.yaml"
    text = model.read_text(encoding="utf-8")
    model.write_text(
        text.replace("  inquiries:\n", "  inquiry_rate: {ratio: [inquiries, sessions]}\n  inquiries:\n", 1).replace(
            "tree:", "tree:\n  inquiries: [sessions, inquiry_rate]", 1
        ),
        encoding="utf-8",
    )
    ws.close()
    with kpiflow.open(str(ws.root)) as again:
        result = again.bottleneck("FY2025")
    assert "inquiry_rate" not in {b.stage for b in result.ranked}
    assert "no contact or deal links" in result.excluded["inquiry_rate"]


MODEL_WITH_SESSIONS = """
kpiflow: 1
metrics:
  sessions: {count_distinct: touchpoints.session_id, where: "type = 'page_view'", time: occurred_at}
  inquiries: {count: touchpoints, where: "type = 'inquiry'", time: occurred_at}
  inquiry_rate: {ratio: [inquiries, sessions]}
"""
