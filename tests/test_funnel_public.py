"""The stage funnel and velocity on Olist's real MQLs, checked against the raw CSVs.

Olist's public funnel holds 8,000 marketing-qualified leads (first contact date, origin) and the
842 of them that became sellers (won date). Each lead enters `mql` at its first contact and
`customer` when its deal is won. One lead was won 1.18 days *before* its recorded first contact
(the data set's README): it reached customer all the same, and is counted and flagged as out of
order, never dropped. Every expected figure here comes from the CSVs through the csv module.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import statistics
from collections import Counter

import pytest
from typer.testing import CliRunner

import kpiflow
from conftest import EXAMPLES, dataset
from kpiflow.cli import app

MQL_FILE = "olist_marketing_qualified_leads_dataset.csv"
CLOSED_FILE = "olist_closed_deals_dataset.csv"
PERIOD = "2017-01-01..2018-12-31"  # every first contact (2017-06 to 2018-05)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Raw:
    """The figures, from the CSVs."""

    def __init__(self, folder):
        self.mqls = read(folder / MQL_FILE)
        self.closed = read(folder / CLOSED_FILE)
        first_contact = {m["mql_id"]: dt.datetime.fromisoformat(m["first_contact_date"]) for m in self.mqls}
        origin = {m["mql_id"]: m["origin"] or None for m in self.mqls}
        won = {c["mql_id"]: dt.datetime.fromisoformat(c["won_date"]) for c in self.closed if c["won_date"]}
        self.won = [i for i in won if i in first_contact]  # closed deals of a known MQL
        self.early = [i for i in self.won if won[i] < first_contact[i]]
        self.days = [(won[i] - first_contact[i]).total_seconds() / 86400 for i in self.won if i not in self.early]
        self.entered_by_origin = Counter(origin.values())
        self.won_by_origin = Counter(origin[i] for i in self.won)


def load(root, folder, stages: str | None = None):
    kpiflow.init(str(root), lang="en").close()
    if stages:
        model = root / "kpiflow.yaml"
        text = model.read_text(encoding="utf-8")
        model.write_text(text.replace("contact: [lead, mql, sql, opportunity, customer]", f"contact: {stages}"), encoding="utf-8")
    ws = kpiflow.open(str(root))
    ws.load(folder / MQL_FILE, "contacts", mapping=EXAMPLES / "olist" / "contacts.yaml")
    ws.load(folder / MQL_FILE, "stage_history", mapping=EXAMPLES / "olist" / "stage_history_mql.yaml")
    ws.load(folder / CLOSED_FILE, "deals", mapping=EXAMPLES / "olist" / "deals.yaml")
    ws.load(folder / CLOSED_FILE, "stage_history", mode="append", mapping=EXAMPLES / "olist" / "stage_history_customer.yaml")
    return ws


@pytest.fixture(scope="module")
def raw():
    return Raw(dataset("olist_marketing_funnel"))


@pytest.fixture(scope="module")
def olist(tmp_path_factory):
    """The default model's stages: the leads go from mql straight to customer, past sql and opportunity."""
    ws = load(tmp_path_factory.mktemp("olist_funnel") / "w", dataset("olist_marketing_funnel"))
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def olist_two_stages(tmp_path_factory):
    """The model cut down to the data's two stages: mql -> customer."""
    ws = load(tmp_path_factory.mktemp("olist_funnel2") / "w", dataset("olist_marketing_funnel"), "[mql, customer]")
    yield ws
    ws.close()


def test_the_raw_figures(raw):
    assert (len(raw.mqls), len(raw.won), len(raw.early)) == (8000, 842, 1)  # as the data set's README says


def test_mql_to_won_by_origin_matches_the_raw_csv(olist_two_stages, raw):
    result = olist_two_stages.funnel(PERIOD, basis="cohort", by=["channel"])
    got = {s.dimensions["channel"]: (s.entered, s.converted) for s in result.steps if s.from_stage == "mql"}
    assert got == {origin: (n, raw.won_by_origin[origin]) for origin, n in raw.entered_by_origin.items()}
    mql = olist_two_stages.funnel(PERIOD, basis="cohort").step("mql")
    assert (mql.entered, mql.converted, mql.out_of_order, mql.skipped, mql.skipped_ahead) == (8000, 842, 1, 0, 0)
    # The quartiles leave out the lead won before its first contact.
    p25, median, p75 = statistics.quantiles(raw.days, n=4, method="inclusive")
    assert (mql.p25_days, mql.median_days, mql.p75_days) == pytest.approx((p25, median, p75), rel=1e-12)


def test_the_skipped_stages_convert(olist, raw):
    steps = {s.from_stage: s for s in olist.funnel(PERIOD, basis="cohort").steps}
    counts = {k: (s.entered, s.converted, s.skipped, s.skipped_ahead, s.out_of_order) for k, s in steps.items()}
    mqls, won = len(raw.mqls), len(raw.won)
    assert counts == {
        "lead": (mqls, mqls, mqls, 0, 0),  # no lead entry: every MQL passed lead on its way
        "mql": (mqls, won, 0, won, len(raw.early)),  # 842 reached customer, past sql
        "sql": (won, won, won, won, 0),
        "opportunity": (won, won, won, 0, 0),
    }


def test_the_terminal_table_shows_the_conversions_through_skipped_stages(olist, raw):
    result = CliRunner().invoke(app, ["funnel", "--period", PERIOD, "-w", str(olist.root)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = {}
    for line in result.output.splitlines():
        cells = [c.strip() for c in re.split(r"[│┃]", line)[1:-1]]
        if cells and "→" in cells[0]:
            rows[cells[0]] = cells[1:]
    won, mqls = f"{len(raw.won):,}", f"{len(raw.mqls):,}"
    assert rows["MQL → SQL"][:2] == [mqls, won]
    assert rows["Opportunity → Customer"][:2] == [won, won]
    assert "out of order" in result.output and rows["MQL → SQL"][5] == str(len(raw.early))


def test_velocity_counts_every_lead_that_reached_customer(olist, olist_two_stages, raw):
    p25, median, p75 = statistics.quantiles(raw.days, n=4, method="inclusive")
    # The default stages: the move from mql to customer skips sql and opportunity.
    skip = olist.velocity().record("mql", "customer")
    assert (skip.kind, skip.n, skip.out_of_order) == ("skip", len(raw.won), len(raw.early))
    assert (skip.p25_days, skip.median_days, skip.p75_days) == pytest.approx((p25, median, p75), rel=1e-12)
    # mql -> customer as the model's step, and mql -> won (the first stage to the won deal's close).
    result = olist_two_stages.velocity()
    for record in (result.record("mql"), result.record("mql", "won")):
        assert (record.n, record.out_of_order) == (len(raw.won), len(raw.early))
        assert (record.p25_days, record.median_days, record.p75_days) == pytest.approx((p25, median, p75), rel=1e-12)
