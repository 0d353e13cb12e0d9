"""Dimensions through keys: a deal inherits what it does not record from its contact, then its account,
and any `table.column` reachable through keys is a dimension. Every count is worked out by hand.

Nine deals over two quarters (the deal's own channel, owner and region where it has one):

    deal  account contact  own channel  closed       outcome  -> channel    contacts.channel  accounts.industry  region
    D1    A1      C1       web_form     2025-05-01   won 100     web_form   ads               automotive         osaka (own)
    D2    A2      C2       -            2025-05-02   won 200     exhibition exhibition        food               kansai (account)
    D3    A2      C3       -            2025-05-03   lost        None       None              food               kansai (account)
    D4    -       -        -            2025-05-04   won 400     None       None              None               None
    D5    A1      C2       ads          2025-05-05   lost        ads        exhibition        automotive         kanto (account)
    D6    A1      C1       -            2025-08-01   won 150     ads        ads               automotive         tohoku (contact)
    D7    A2      C2       -            2025-08-02   won 250     exhibition exhibition        food               kansai (account)
    D8    A2      C3       seminar      2025-08-03   won 350     seminar    None              food               kansai (account)
    D9    A1      C1       -            2025-08-04   lost        ads        ads               automotive         tohoku (contact)

C1 (ads, owner sato, region tohoku), C2 (exhibition, owner suzuki, no region), C3 (nothing).
A1 automotive in kanto, A2 food in kansai. FY2025Q1 = Apr-Jun 2025, FY2025Q2 = Jul-Sep 2025.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter

import pytest
from typer.testing import CliRunner

import kpiflow
from conftest import open_shared_demo
from kpiflow.cli import app
from kpiflow.errors import UnknownNameError
from kpiflow.model.semantic import Resolver, contract_columns

ACCOUNTS = "account_id,name,industry,region\nA1,Acme,automotive,kanto\nA2,Beta,food,kansai\n"
# region is not a contact column of the contract: it loads as an extra column.
CONTACTS = (
    "contact_id,account_id,created_at,channel,owner,region\n"
    "C1,A1,2025-04-01,ads,sato,tohoku\n"
    "C2,A2,2025-04-01,exhibition,suzuki,\n"
    "C3,A2,2025-04-01,,,\n"
)
DEALS = (
    "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,channel,owner,region\n"
    "D1,A1,C1,2025-04-02,100,won,2025-05-01,web_form,tanaka,osaka\n"
    "D2,A2,C2,2025-04-02,200,won,2025-05-02,,,\n"
    "D3,A2,C3,2025-04-02,300,lost,2025-05-03,,,\n"
    "D4,,,2025-04-02,400,won,2025-05-04,,,\n"
    "D5,A1,C2,2025-04-02,500,lost,2025-05-05,ads,,\n"
    "D6,A1,C1,2025-07-01,150,won,2025-08-01,,,\n"
    "D7,A2,C2,2025-07-01,250,won,2025-08-02,,,\n"
    "D8,A2,C3,2025-07-01,350,won,2025-08-03,seminar,,\n"
    "D9,A1,C1,2025-07-01,50,lost,2025-08-04,,,\n"
)
# C1 and C3 become MQLs, C2 does not.
HISTORY = (
    "entity,entity_id,stage,entered_at\n"
    "contact,C1,lead,2025-04-01\ncontact,C1,mql,2025-04-10\n"
    "contact,C2,lead,2025-04-01\n"
    "contact,C3,lead,2025-04-01\ncontact,C3,mql,2025-04-11\n"
)
EXTRA_METRICS = (
    "  exhibition_deals:\n    label: {en: Exhibition deals}\n    count: deals\n"
    "    where: channel = 'exhibition'\n    time: closed_at\n"
    "  own_exhibition_deals:\n    label: {en: Deals recorded as exhibition}\n    count: deals\n"
    "    where: deals.channel = 'exhibition'\n    time: closed_at\n"
)
TREE = "  revenue: [won_deals, avg_deal_size]\n  won_deals: [closed_deals, win_rate]"

# Hand counts of won deals in FY2025 (D1, D2, D4, D6, D7, D8), by each way of naming a channel.
WON_FY2025 = {
    "channel": {"web_form": 1, "exhibition": 2, None: 1, "ads": 1, "seminar": 1},
    "contacts.channel": {"ads": 2, "exhibition": 2, None: 2},
    "deals.channel": {"web_form": 1, "seminar": 1, None: 4},
    "accounts.industry": {"automotive": 2, "food": 3, None: 1},
    "owner": {"tanaka": 1, "suzuki": 2, None: 2, "sato": 1},
    "region": {"osaka": 1, "kansai": 3, None: 1, "tohoku": 1},
}


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    root = tmp_path_factory.mktemp("dimensions")
    workspace = kpiflow.init(str(root / "ws"), lang="en")
    path = workspace.root / "kpiflow.yaml"
    text = path.read_text(encoding="utf-8").replace("metrics:\n", "metrics:\n" + EXTRA_METRICS, 1)
    text = re.sub(r"\ntree:.*?\n\n", "\ntree:\n" + TREE + "\n\n", text, count=1, flags=re.S)
    path.write_text(text, encoding="utf-8")
    workspace.close()
    workspace = kpiflow.open(str(root / "ws"))
    for table, rows in (("accounts", ACCOUNTS), ("contacts", CONTACTS), ("deals", DEALS), ("stage_history", HISTORY)):
        (root / f"{table}.csv").write_text(rows, encoding="utf-8")
        workspace.load(root / f"{table}.csv", table)
    yield workspace
    workspace.close()


def counts(result, metric: str, dimension: str) -> dict[object, float]:
    """Values of `metric` per value of `dimension`, summed over periods, zeros left out."""
    out: Counter = Counter()
    for r in result.records:
        if r.metric == metric:
            out[r.dimensions[dimension]] += r.value
    return {k: v for k, v in out.items() if v}


@pytest.mark.parametrize("dimension", list(WON_FY2025))
def test_won_deals_by_each_name_of_a_dimension(ws, dimension):
    result = ws.metrics(["won_deals"], period="FY2025", by=[dimension])
    assert counts(result, "won_deals", dimension) == WON_FY2025[dimension]
    assert result.dimensions == [dimension]
    assert all(set(r) >= {"metric", "period", dimension, "value"} for r in result.to_json_data())


def test_own_value_wins_then_the_contact_then_the_account(ws):
    result = ws.metrics(["won_deals", "lost_deals"], period="quarter", by=["channel", "region"])
    # D1 keeps web_form (its contact came from ads); D2 takes its contact's exhibition;
    # D3 (contact with no channel) and D4 (no contact) are under None.
    q1 = {
        (r.dimensions["channel"], r.dimensions["region"]): r.value for r in result.records if r.period == "FY2025Q1" and r.value
    }
    q1_metrics = {(r.metric, r.dimensions["channel"]) for r in result.records if r.period == "FY2025Q1" and r.value}
    assert q1_metrics == {
        ("won_deals", "web_form"),
        ("won_deals", "exhibition"),
        ("won_deals", None),
        ("lost_deals", None),
        ("lost_deals", "ads"),
    }
    # Regions: D1 its own osaka; D2 and D3 their account's kansai (their contacts have none);
    # D5 its account's kanto, not its contact C2's account; D4 nothing at all.
    assert q1 == {
        ("web_form", "osaka"): 1,
        ("exhibition", "kansai"): 1,
        (None, "kansai"): 1,
        (None, None): 1,
        ("ads", "kanto"): 1,
    }
    # D6 and D9 take their contact's tohoku before their account's kanto.
    assert result.value("won_deals", "FY2025Q2", channel="ads", region="tohoku") == 1
    assert result.value("lost_deals", "FY2025Q2", channel="ads", region="tohoku") == 1


def test_a_where_condition_reads_a_name_as_a_breakdown_does(ws):
    result = ws.metrics(["exhibition_deals", "own_exhibition_deals", "closed_deals"], period="FY2025", by=["channel"])
    # D2, D7 inherit exhibition from C2 (won); D5 is recorded as ads although C2 came from an exhibition.
    assert ws.metrics(["exhibition_deals"], period="FY2025").value("exhibition_deals") == 2
    assert result.value("closed_deals", channel="exhibition") == 2
    assert counts(result, "exhibition_deals", "channel") == {"exhibition": 2}
    # Qualified with the base table, a name means the deal's own column: no deal records exhibition.
    assert ws.metrics(["own_exhibition_deals"], period="FY2025").value("own_exhibition_deals") == 0


def test_sums_and_ratios_by_a_qualified_dimension(ws):
    result = ws.metrics(["revenue", "win_rate"], period="FY2025", by=["contacts.channel"])
    # contacts.channel: ads D1 100 won, D6 150 won, D9 lost; exhibition D2 200, D7 250 won, D5 lost;
    # None D3 lost, D4 400 won, D8 350 won.
    assert counts(result, "revenue", "contacts.channel") == {"ads": 250, "exhibition": 450, None: 750}
    ads = result.record("win_rate", **{"contacts.channel": "ads"})
    assert (ads.numerator, ads.denominator, ads.value) == (2, 3, pytest.approx(2 / 3))
    assert ads.ci_low is not None and ads.ci_low < 2 / 3 < ads.ci_high


def test_a_table_a_metric_cannot_reach_is_a_note_not_a_number(ws):
    # costs reference nothing, so cost cannot be split by the contact's channel; leads (contacts) can.
    result = ws.metrics(["cost", "leads"], period="FY2025", by=["contacts.channel"])
    assert counts(result, "leads", "contacts.channel") == {"ads": 1, "exhibition": 1, None: 1}
    record = result.record("cost", **{"contacts.channel": "ads"})
    assert record.value is None and "cost cannot be broken down by contacts.channel" in record.note


@pytest.mark.parametrize(
    ("dimension", "message"),
    [
        ("contacts.chanel", "unknown dimension 'contacts.chanel' (did you mean 'contacts.channel'?)"),
        ("contact.channel", "unknown dimension 'contact.channel' (did you mean 'contacts.channel'?)"),
        ("accounts.zzz", "unknown dimension 'accounts.zzz'; expected one of: accounts.account_id, accounts.name"),
        ("nowhere.zzz", "'nowhere' is not a table, expected one of: accounts, contacts"),
        ("chanel", "unknown dimension 'chanel' (did you mean 'channel'?)"),
    ],
)
def test_unknown_names_are_refused_with_a_hint(ws, dimension, message):
    with pytest.raises(UnknownNameError) as refused:
        ws.metrics(["won_deals"], period="FY2025", by=[dimension])
    assert message in str(refused.value)


def test_the_cli_takes_a_qualified_dimension(ws):
    runner = CliRunner()
    for dimension in ("contacts.channel", "accounts.industry"):
        out = runner.invoke(app, ["metrics", "won_deals", "--period", "FY2025", "--by", dimension, "-w", str(ws.root), "--json"])
        assert out.exit_code == 0, out.output
        records = json.loads(out.output)
        assert {r[dimension]: r["value"] for r in records if r["value"]} == WON_FY2025[dimension]
    text = runner.invoke(app, ["metrics", "won_deals", "--period", "FY2025", "--by", "contacts.channel", "-w", str(ws.root)])
    assert text.exit_code == 0 and "contacts.channel" in text.output
    bad = runner.invoke(app, ["metrics", "won_deals", "--by", "contact.channel", "-w", str(ws.root)])
    assert bad.exit_code == 1 and "did you mean 'contacts.channel'" in bad.output and "Traceback" not in bad.output


def test_explain_splits_each_factor_exactly_by_a_qualified_dimension(ws):
    result = ws.explain("revenue", "FY2025Q1", "FY2025Q2", by=["contacts.channel", "channel"])
    # Revenue 700 (D1, D2, D4) -> 750 (D6, D7, D8); closed 5 -> 4; won 3 -> 3.
    assert (result.value_from, result.value_to) == (700, 750)
    assert result.dimensions == ["contacts.channel", "channel"]
    for factor in result.factors:
        for dimension in result.dimensions:
            rows = result.segments_of(factor.metric, dimension)
            assert rows, (factor.metric, dimension)
            assert math.fsum(s.contribution for s in rows) == pytest.approx(factor.contribution, rel=1e-9, abs=1e-9)
    # Win rate by the contact's channel: ads 1/1 (D1) -> 1/2 (D6, D9), exhibition 1/2 (D2, D5) -> 1/1 (D7),
    # None 1/2 (D4, D3) -> 1/1 (D8).
    rates = {
        s.value: (s.value_from, s.value_to) for s in result.segments_of("win_rate", "contacts.channel") if not s.unattributed
    }
    assert rates == {"ads": (1.0, 0.5), "exhibition": (0.5, 1.0), None: (0.5, 1.0)}
    payload = json.dumps(result.to_json_data(), default=str)
    assert '"dimension": "contacts.channel"' in payload


def test_funnel_by_a_qualified_dimension(ws):
    result = ws.funnel("FY2025Q1", by=["contacts.channel"])
    # lead -> mql: C1 (ads) converts, C2 (exhibition) does not, C3 (no channel) converts.
    by_channel = {s.dimensions["contacts.channel"]: (s.entered, s.converted) for s in result.steps if s.from_stage == "lead"}
    assert by_channel == {"ads": (1, 1), "exhibition": (1, 0), None: (1, 1)}
    assert all("contacts.channel" in r for r in result.to_json_data())


def test_bottleneck_by_a_qualified_dimension(ws):
    result = ws.bottleneck("FY2025", by=["accounts.industry"])
    assert result.dimensions == ["accounts.industry"]
    assert {b.dimensions["accounts.industry"] for b in result.ranked} <= {"automotive", "food", None}


def test_which_names_inherit():
    columns = contract_columns()
    deals = Resolver("deals", columns)
    # Nearest first: the deal, its contact, (its account has no channel).
    assert deals.resolve("channel")[0].sql() == 'COALESCE("deals"."channel", "contacts"."channel")'
    assert deals.resolve("owner")[1] == {"contacts"}
    # Identifiers and required columns are the deal's own: they never come from another row.
    for own in ("account_id", "contact_id", "created_at", "deal_id", "outcome"):
        assert deals.resolve(own) == (deals.resolve(f"deals.{own}")[0], set())
    # An event keeps its own value: a page view without an owner had none.
    touches = Resolver("touchpoints", columns)
    assert touches.resolve("owner")[0].sql() == '"touchpoints"."owner"'
    assert touches.resolve("contacts.owner")[0].sql() == '"contacts"."owner"'
    # A table out of reach is named as such, with what can be reached.
    with pytest.raises(UnknownNameError, match="table 'contacts' cannot be reached from costs; reachable: costs"):
        Resolver("costs", columns).resolve("contacts.channel")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    workspace = open_shared_demo("small", "en")
    yield workspace
    workspace.close()


def test_the_fallback_changes_nothing_where_every_deal_has_its_own_channel(demo):
    # Every demo deal records its channel and owner, so the contact's are never read.
    missing = demo.con.execute("SELECT count(*) FILTER (WHERE channel IS NULL), count(*) FILTER (WHERE owner IS NULL) FROM deals")
    assert missing.fetchone() == (0, 0)
    for name in ("channel", "owner"):
        inherited = demo.metrics(["won_deals", "revenue"], period="fy", by=[name]).to_json_data()
        own = demo.metrics(["won_deals", "revenue"], period="fy", by=[f"deals.{name}"]).to_json_data()
        assert [r.pop(name) for r in inherited] == [r.pop(f"deals.{name}") for r in own]
        assert inherited == own
