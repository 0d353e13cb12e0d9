"""The demo company: deterministic, coherent, and carrying the planted effects docs/demo.md describes.

Every effect is measured here with plain SQL written independently of the generator.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from conftest import copy_demo
from kpiflow.analysis.check import check
from kpiflow.demo import DEFAULT_SEED, SIZES, populate
from kpiflow.demo.catalog import BULK_UPDATE_TEAM, EXHIBITIONS, TEAMS
from kpiflow.engine import duck
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.model.config import default_model_text, parse_model
from kpiflow.model.schema import TABLES, TOUCHPOINT_TYPES

DOC = Path(__file__).resolve().parents[1] / "docs" / "demo.md"
MODEL = parse_model(default_model_text("en"))
BULK_REPS = TEAMS[BULK_UPDATE_TEAM].reps


def build(size: str = "small", seed: int = DEFAULT_SEED):
    con = duck.connect()
    duck.create_tables(con)
    rows = populate(con, size, seed)
    return con, rows


@pytest.fixture(scope="module")
def small():
    con, rows = build()
    yield con, rows
    con.close()


@pytest.fixture(scope="module")
def con(small):
    return small[0]


def one(con, query: str, *params):
    return con.execute(query, list(params)).fetchall()[0]


def fingerprint(con, table: str) -> tuple[int, str]:
    """Row count and a hash of every value, in storage order (so row order must match too)."""
    cols = ", ".join(f"coalesce(CAST(\"{c}\" AS VARCHAR), '<null>')" for c in TABLES[table].column_names)
    return one(
        con, f"SELECT count(*), md5(coalesce(string_agg(concat_ws('|', {cols}), '\n' ORDER BY rowid), '')) FROM \"{table}\""
    )


# --- determinism and size ------------------------------------------------------------------


def test_same_seed_builds_identical_tables(con):
    again, _ = build()
    try:
        for table in TABLES:
            assert fingerprint(again, table) == fingerprint(con, table), table
    finally:
        again.close()


def test_another_seed_builds_another_company(con):
    other, _ = build(seed=7)
    try:
        for table in ("accounts", "contacts", "deals", "stage_history", "touchpoints", "orders"):
            assert fingerprint(other, table) != fingerprint(con, table), table
    finally:
        other.close()


def test_row_counts_returned_and_in_documented_ranges(small):
    con, rows = small
    assert list(rows) == list(TABLES)
    for table, n in rows.items():
        assert one(con, f'SELECT count(*) FROM "{table}"')[0] == n
    expected = {
        "accounts": (300, 300),
        "contacts": (2_500, 2_500),
        "deals": (180, 320),
        "stage_history": (4_000, 6_000),
        "touchpoints": (55_000, 65_000),
        "booth_traffic": (588, 588),
        "costs": (400, 700),
        "orders": (20, 120),
        "surveys": (150, 400),
        "brand_signals": (480, 520),
    }
    for table, (low, high) in expected.items():
        assert low <= rows[table] <= high, (table, rows[table])


def test_unknown_size_suggests_the_right_name(con):
    with pytest.raises(UnknownNameError, match="did you mean 'small'"):
        populate(con, "smal")


def test_refuses_tables_that_already_hold_rows(con):
    with pytest.raises(KpiflowError, match="empty tables"):
        populate(con, "small")


def test_sizes_are_declared():
    assert set(SIZES) == {"small", "default", "large"}
    assert SIZES["default"].contacts == 30_000 and SIZES["large"].touchpoints == 30_000_000


# --- coherence -----------------------------------------------------------------------------

COHERENCE = {
    "contacts without a lead entry at created_at": """
        SELECT count(*) FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM stage_history h WHERE h.entity = 'contact'
          AND h.entity_id = c.contact_id AND h.stage = 'lead' AND h.entered_at = c.created_at)""",
    "deals without the contact's opportunity entry at created_at": """
        SELECT count(*) FROM deals d WHERE NOT EXISTS (SELECT 1 FROM stage_history h WHERE h.entity = 'contact'
          AND h.entity_id = d.contact_id AND h.stage = 'opportunity' AND h.entered_at = d.created_at)""",
    "opportunity entries without a deal": """
        SELECT count(*) FROM stage_history h WHERE h.entity = 'contact' AND h.stage = 'opportunity'
          AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.contact_id = h.entity_id)""",
    "won deals without closed_at or a positive amount": """
        SELECT count(*) FROM deals WHERE outcome = 'won' AND (closed_at IS NULL OR amount IS NULL OR amount <= 0)""",
    "lost deals without closed_at or loss_reason": """
        SELECT count(*) FROM deals WHERE outcome = 'lost' AND (closed_at IS NULL OR loss_reason IS NULL)""",
    "open deals with closed_at or loss_reason": """
        SELECT count(*) FROM deals WHERE outcome = 'open' AND (closed_at IS NOT NULL OR loss_reason IS NOT NULL)""",
    "deals whose channel, account or owner is not the contact's": """
        SELECT count(*) FROM deals d JOIN contacts c USING (contact_id)
        WHERE d.channel <> c.channel OR d.account_id <> c.account_id OR d.owner <> c.owner""",
    "customer entries not at a won deal's close": """
        SELECT count(*) FROM stage_history h WHERE h.entity = 'contact' AND h.stage = 'customer' AND NOT EXISTS (
          SELECT 1 FROM stage_history w JOIN deals d ON w.entity_id = d.deal_id
          WHERE w.entity = 'deal' AND w.stage = 'won' AND d.contact_id = h.entity_id AND w.entered_at = h.entered_at)""",
    "exhibition contacts not created at a badge scan": """
        SELECT count(*) FROM contacts c WHERE channel = 'exhibition' AND NOT EXISTS (SELECT 1 FROM touchpoints t
          WHERE t.contact_id = c.contact_id AND t.type = 'badge_scan' AND t.occurred_at = c.created_at)""",
    "badge scans outside the exhibition's counted hours": """
        SELECT count(*) FROM touchpoints t WHERE type = 'badge_scan' AND NOT EXISTS (SELECT 1 FROM booth_traffic b
          WHERE b.exhibition_id = t.exhibition_id AND b.exhibit_id = t.exhibit_id AND b.hour = date_trunc('hour', t.occurred_at))""",
    "touchpoints whose account is not their contact's": """
        SELECT count(*) FROM touchpoints t JOIN contacts c USING (contact_id) WHERE t.account_id <> c.account_id""",
    "web sessions shared by two people": """
        SELECT count(*) FROM (SELECT session_id FROM touchpoints WHERE session_id IS NOT NULL GROUP BY 1
          HAVING count(DISTINCT coalesce(contact_id, anonymous_id)) > 1)""",
    "a stage entered twice by the same entity": """
        SELECT count(*) FROM (SELECT entity, entity_id, stage FROM stage_history GROUP BY ALL HAVING count(*) > 1)""",
    "orders not preceded by a won deal of the account": """
        SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM deals d WHERE d.account_id = o.account_id
          AND d.outcome = 'won' AND d.closed_at < o.ordered_at)""",
    "NPS answers from non-customers or out of 0-10": """
        SELECT count(*) FROM surveys s WHERE kind = 'nps' AND (score NOT BETWEEN 0 AND 10 OR NOT EXISTS (
          SELECT 1 FROM deals d WHERE d.contact_id = s.contact_id AND d.outcome = 'won'))""",
    "touchpoints with neither contact nor anonymous id": """
        SELECT count(*) FROM touchpoints WHERE contact_id IS NULL AND anonymous_id IS NULL""",
    "accounts created after their first contact": """
        SELECT count(*) FROM accounts a WHERE created_at > (SELECT min(created_at) FROM contacts c WHERE c.account_id = a.account_id)""",
}


@pytest.mark.parametrize("name", COHERENCE)
def test_coherence(con, name):
    assert one(con, COHERENCE[name])[0] == 0


@pytest.mark.parametrize("table", [t for t in TABLES.values() if t.references])
def test_every_reference_resolves(con, table):
    for ref in table.references:
        when = f"AND s.{ref.when[0]} = '{ref.when[1]}'" if ref.when else ""
        orphans = one(
            con,
            f"""SELECT count(*) FROM {table.name} s WHERE s.{ref.column} IS NOT NULL {when}
            AND NOT EXISTS (SELECT 1 FROM {ref.table} t WHERE t.{ref.target_column} = s.{ref.column})""",
        )[0]
        assert orphans == 0, (table.name, ref.column)


def test_vocabularies(con):
    assert one(con, "SELECT count(*) FROM touchpoints WHERE type NOT IN (SELECT unnest(?))", list(TOUCHPOINT_TYPES))[0] == 0
    assert (
        one(
            con,
            "SELECT count(*) FROM stage_history WHERE entity = 'contact' AND stage NOT IN (SELECT unnest(?))",
            MODEL.stage_names("contact"),
        )[0]
        == 0
    )
    assert (
        one(
            con,
            "SELECT count(*) FROM stage_history WHERE entity = 'deal' AND stage NOT IN (SELECT unnest(?))",
            MODEL.stage_names("deal"),
        )[0]
        == 0
    )
    channels = {r[0] for r in con.execute("SELECT DISTINCT channel FROM contacts").fetchall()}
    assert channels == {"exhibition", "web_form", "seminar", "referral", "ads", "email"}


def test_everything_happens_in_the_three_fiscal_years(con):
    for table in TABLES.values():
        first, last = one(con, f'SELECT min("{table.time_column}")::DATE, max("{table.time_column}")::DATE FROM "{table.name}"')
        assert str(first) >= "2023-04-01" and str(last) <= "2026-03-31", table.name


def test_exhibitions_have_three_days_of_hourly_counts(con):
    rows = con.execute("""SELECT exhibition_id, count(DISTINCT exhibit_id), count(DISTINCT hour::DATE),
        min(hour(hour)), max(hour(hour)) FROM booth_traffic GROUP BY 1 ORDER BY 1""").fetchall()
    assert [r[0] for r in rows] == sorted(e.exhibition_id for e in EXHIBITIONS)
    for _, exhibits, n_days, first, last in rows:
        assert 3 <= exhibits <= 5 and n_days == 3 and (first, last) == (10, 16)


# --- data-quality issues: exact, documented counts ------------------------------------------

STAGE_ORDER = """
    WITH r AS (SELECT entity_id, entered_at, list_position(?, stage) AS pos FROM stage_history WHERE entity = ?)
    SELECT count(DISTINCT a.entity_id) FROM r a JOIN r b ON a.entity_id = b.entity_id AND b.pos < a.pos AND b.entered_at > a.entered_at"""


def test_planted_data_quality_issues_are_exact(con):
    size = SIZES["small"]
    assert one(con, "SELECT count(*) FROM deals WHERE closed_at < created_at")[0] == size.closed_before_created
    assert one(con, STAGE_ORDER, MODEL.stage_names("contact"), "contact")[0] == size.contact_stage_swaps
    assert one(con, STAGE_ORDER, MODEL.stage_names("deal"), "deal")[0] == size.deal_stage_swaps
    dup = one(con, "SELECT count(email) - count(DISTINCT email) FROM contacts")[0]
    assert dup == size.duplicate_contacts


def test_check_loads_the_demo_with_warnings_only(con):
    result = check(duck.DuckEngine(con), MODEL)
    assert result.ok, result.violations
    kinds = {(f.kind, f.detail.split(":")[0]) for f in result.warnings}
    assert ("closed_before_created", "") in kinds
    flagged = {f.detail.split(":")[0].removeprefix("owner ") for f in result.warnings if f.kind == "month_end_burst"}
    assert flagged <= set(BULK_REPS) and len(flagged) >= 3


# --- planted effects, measured independently ------------------------------------------------

REACHED = """
    WITH s AS (SELECT entity_id, bool_or(stage = 'mql') AS mql, bool_or(stage = 'sql') AS sql,
                      bool_or(stage = 'opportunity') AS opp
               FROM stage_history WHERE entity = 'contact' GROUP BY 1)"""


def test_effect2_ads_leads_rarely_pass_mql_to_sql(con):
    ads, others = con.execute(
        REACHED
        + """
        SELECT count_if(mql AND sql AND channel = 'ads') / count_if(mql AND channel = 'ads'),
               count_if(mql AND sql AND channel <> 'ads') / count_if(mql AND channel <> 'ads')
        FROM s JOIN contacts c ON c.contact_id = s.entity_id"""
    ).fetchall()[0]
    assert ads < 0.15 and others > 0.25 and ads < others / 2


def test_effect2_ads_is_the_worst_channel_at_mql_to_sql(con):
    worst = con.execute(
        REACHED
        + """
        SELECT channel FROM s JOIN contacts c ON c.contact_id = s.entity_id GROUP BY 1
        ORDER BY count_if(mql AND sql) / count_if(mql) LIMIT 1"""
    ).fetchall()[0][0]
    assert worst == "ads"


PRICING = (
    REACHED
    + """
    , viewed AS (SELECT DISTINCT contact_id FROM touchpoints WHERE content_type = 'pricing' AND contact_id IS NOT NULL)
    SELECT avg(opp::INT), avg(opp::INT) FILTER (WHERE v.contact_id IS NOT NULL), count(v.contact_id)
    FROM s LEFT JOIN viewed v ON v.contact_id = s.entity_id"""
)


def test_effect3_pricing_viewers_become_opportunities_several_times_as_often(con):
    base, viewers, n = one(con, PRICING)
    assert n >= 100 and viewers > 3 * base


MONTH_END = """
    SELECT avg((last_day(h.entered_at::DATE) - h.entered_at::DATE <= 3)::INT) FILTER (WHERE d.owner IN (SELECT unnest(?))),
           avg((last_day(h.entered_at::DATE) - h.entered_at::DATE <= 3)::INT) FILTER (WHERE d.owner NOT IN (SELECT unnest(?)))
    FROM stage_history h JOIN deals d ON h.entity = 'deal' AND h.entity_id = d.deal_id
    WHERE h.stage <> 'appointment'"""


def test_effect4_one_team_enters_stages_at_month_end(con):
    team, others = one(con, MONTH_END, list(BULK_REPS), list(BULK_REPS))
    assert team > 0.4 and team > 3 * others


DEMO_WIN = """
    WITH d AS (SELECT d.*, channel = 'exhibition' AND EXISTS (SELECT 1 FROM touchpoints t
                 WHERE t.contact_id = d.contact_id AND t.type = 'demo') AS demo
               FROM deals d WHERE outcome IN ('won', 'lost'))
    SELECT count(*) FILTER (WHERE demo AND q3), avg((outcome = 'won')::INT) FILTER (WHERE demo AND q3),
           count(*) FILTER (WHERE NOT (demo AND q3)), avg((outcome = 'won')::INT) FILTER (WHERE NOT (demo AND q3)),
           avg((outcome = 'won')::INT) FILTER (WHERE q3), avg((outcome = 'won')::INT) FILTER (WHERE NOT q3)
    FROM (SELECT *, closed_at >= DATE '2025-10-01' AND closed_at < DATE '2026-01-01' AS q3 FROM d)"""


def test_effect1_demo_deals_win_more_in_fy2025_q3(con):
    n_demo, demo, _, rest, _, _ = one(con, DEMO_WIN)
    assert n_demo >= 5 and demo > rest + 0.15


# --- the default size: the same effects are statistically clear ------------------------------


@pytest.fixture(scope="module")
def default(tmp_path_factory):
    # The session's one default-size build (other modules read it too): the same generator, seed and rows.
    ws, rows = copy_demo(tmp_path_factory.mktemp("default-demo") / "demo", size="default", lang="en")
    yield ws.con, rows
    ws.close()


def z_two_proportions(p1: float, n1: int, p2: float, n2: int) -> float:
    p = (p1 * n1 + p2 * n2) / (n1 + n2)
    return (p1 - p2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))


@pytest.mark.slow
def test_default_size_counts(default):
    _, rows = default
    assert rows["accounts"] == 5_000 and rows["contacts"] == 30_000
    assert 2_500 <= rows["deals"] <= 3_500
    assert 2_900_000 <= rows["touchpoints"] <= 3_100_000
    assert rows["booth_traffic"] == 588


@pytest.mark.slow
def test_default_size_funnel_is_realistic(default):
    con, _ = default
    lead_mql, mql_sql, sql_opp = con.execute(
        REACHED
        + """
        SELECT avg(mql::INT), count_if(mql AND sql) / count_if(mql), count_if(sql AND opp) / count_if(sql) FROM s"""
    ).fetchall()[0]
    assert 0.40 <= lead_mql <= 0.52 and 0.27 <= mql_sql <= 0.36 and 0.55 <= sql_opp <= 0.70
    win = one(con, "SELECT avg((outcome = 'won')::INT) FROM deals WHERE outcome <> 'open'")[0]
    assert 0.25 <= win <= 0.33
    days = one(
        con, "SELECT median(date_diff('day', c.created_at, d.created_at)) FROM deals d JOIN contacts c USING (contact_id)"
    )[0]
    assert 55 <= days <= 95
    march, average = one(
        con,
        """SELECT count(*) FILTER (WHERE month(closed_at) = 3) / 3, count(*) / 36
        FROM deals WHERE outcome = 'won'""",
    )
    assert march > 1.5 * average


@pytest.mark.slow
def test_default_size_effects_are_significant(default):
    con, _ = default
    n_demo, demo, n_rest, rest, q3, other_quarters = one(con, DEMO_WIN)
    assert 0.45 <= demo <= 0.75 and 0.22 <= rest <= 0.34
    assert z_two_proportions(demo, n_demo, rest, n_rest) > 3
    assert q3 > other_quarters + 0.04
    ads, others = con.execute(
        REACHED
        + """
        SELECT count_if(mql AND sql AND channel = 'ads') / count_if(mql AND channel = 'ads'),
               count_if(mql AND sql AND channel <> 'ads') / count_if(mql AND channel <> 'ads')
        FROM s JOIN contacts c ON c.contact_id = s.entity_id"""
    ).fetchall()[0]
    assert ads < 0.12 and 0.30 <= others <= 0.40
    base, viewers, _ = one(con, PRICING)
    assert viewers > 4 * base
    team, rest_share = one(con, MONTH_END, list(BULK_REPS), list(BULK_REPS))
    assert team > 0.5 and rest_share < 0.2


# --- the command ----------------------------------------------------------------------------


def test_cli_demo_builds_and_rebuilds_a_workspace(tmp_path):
    from typer.testing import CliRunner  # noqa: PLC0415  (only this test needs it)

    from kpiflow.cli import app  # noqa: PLC0415

    # the first build without its report (a report costs as much as the build): the rebuild writes it
    runs = [CliRunner().invoke(app, ["demo", str(tmp_path / "d"), "--size", "small", "--json", *extra]) for extra in (["--no-report"], [])]
    for result in runs:
        assert result.exit_code == 0, result.output
    assert json.loads(runs[0].output)["report"] is None
    first, second = (json.loads(r.output)["rows"] for r in runs)
    assert first["accounts"] == 300 and second == first  # rebuilding replaces, never appends
    # `make demo` promises the report beside the workspace: one file that opens offline.
    report = (tmp_path / "d" / "report.html").read_text(encoding="utf-8")
    assert report.lower().startswith("<!doctype html>") and '<section id="tree">' in report and "<script src=" not in report


# --- the documentation ----------------------------------------------------------------------


def test_docs_state_the_exact_anomaly_counts_and_every_exhibition():
    text = DOC.read_text(encoding="utf-8")
    for exhibition in EXHIBITIONS:
        assert exhibition.exhibition_id in text and exhibition.name_ja in text
    for key in SIZES["default"].anomalies:
        counts = " | ".join(str(SIZES[s].anomalies[key]) for s in ("small", "default", "large"))
        assert re.search(rf"^\| `{key}` \| {counts} \|", text, re.MULTILINE), f"docs/demo.md: row for {key}: {counts}"
    for rep in BULK_REPS:
        assert rep in text
