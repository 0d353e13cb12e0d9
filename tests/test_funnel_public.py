"""The stage funnel on Olist's real MQLs, checked against the raw CSVs by origin."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

import kpiflow
from conftest import EXAMPLES, dataset

MQL_FILE = "olist_marketing_qualified_leads_dataset.csv"
CLOSED_FILE = "olist_closed_deals_dataset.csv"


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def olist(tmp_path_factory):
    folder = dataset("olist_marketing_funnel")
    root = tmp_path_factory.mktemp("olist_funnel") / "w"
    kpiflow.init(str(root), lang="en").close()
    # The data hold MQLs and their wins only: the funnel's stages are mql -> customer.
    model = root / "kpiflow.yaml"
    model.write_text(
        model.read_text(encoding="utf-8").replace("contact: [lead, mql, sql, opportunity, customer]", "contact: [mql, customer]"),
        encoding="utf-8",
    )
    ws = kpiflow.open(str(root))
    ws.load(folder / MQL_FILE, "contacts", mapping=EXAMPLES / "olist" / "contacts.yaml")
    ws.load(folder / MQL_FILE, "stage_history", mapping=EXAMPLES / "olist" / "stage_history_mql.yaml")
    ws.load(folder / CLOSED_FILE, "deals", mapping=EXAMPLES / "olist" / "deals.yaml")
    ws.load(folder / CLOSED_FILE, "stage_history", mode="append", mapping=EXAMPLES / "olist" / "stage_history_customer.yaml")
    yield ws, read(folder / MQL_FILE), read(folder / CLOSED_FILE)
    ws.close()


def test_mql_to_won_by_origin_matches_the_raw_csv(olist):
    ws, mqls, closed = olist
    first_contact = {m["mql_id"]: m["first_contact_date"] for m in mqls}
    # A lead converts when its deal was won on or after its first contact (one published lead
    # was "won" 1.18 days before it: a cohort cannot convert before it enters).
    won = {c["mql_id"] for c in closed if c["won_date"] >= first_contact[c["mql_id"]]}  # ISO strings sort as times
    entered = Counter(m["origin"] or None for m in mqls)
    converted = Counter(m["origin"] or None for m in mqls if m["mql_id"] in won)
    result = ws.funnel("2017-01-01..2018-12-31", basis="cohort", by=["channel"])
    got = {s.dimensions["channel"]: (s.entered, s.converted) for s in result.steps if s.from_stage == "mql"}
    assert got == {origin: (entered[origin], converted[origin]) for origin in entered}
    overall = ws.funnel("2017-01-01..2018-12-31", basis="cohort").step("mql")
    assert (overall.entered, overall.converted) == (8000, len(won))
    assert len(won) == 841
