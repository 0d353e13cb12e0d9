"""`ws.metrics` on real public data: Maven's CRM sales pipeline, loaded through examples/maven.

Every expected number is computed here from the raw CSV with Python's csv module: the close
date decides the fiscal quarter (the year starts in April), a deal is won when its
deal_stage is 'Won' and lost when it is 'Lost'. Without ../shared these tests skip, saying so.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections import Counter, defaultdict
from decimal import Decimal

import pytest

import kpiflow
from conftest import EXAMPLES, dataset

MAVEN = "maven_crm_sales_opportunities"


def read(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def fiscal_quarter(day: str) -> str:
    """'2017-03-01' -> 'FY2016Q4' with an April fiscal year start, written out independently."""
    year, month, _ = (int(part) for part in day.split("-"))
    fiscal_year = year if month >= 4 else year - 1
    return f"FY{fiscal_year}Q{(month - 4) % 12 // 3 + 1}"


def next_quarter(label: str) -> str:
    year, number = int(label[2:6]), int(label[7])
    return f"FY{year + 1}Q1" if number == 4 else f"FY{year}Q{number + 1}"


@pytest.fixture(scope="module")
def maven(tmp_path_factory):
    folder = dataset(MAVEN)
    ws = kpiflow.init(str(tmp_path_factory.mktemp("maven-metrics") / "ws"), lang="en")
    ws.load(folder / "accounts.csv", "accounts", mapping=EXAMPLES / "maven" / "accounts.yaml")
    loaded = ws.load(folder / "sales_pipeline.csv", "deals", mapping=EXAMPLES / "maven" / "deals.yaml")
    yield ws, loaded, read(folder / "sales_pipeline.csv"), read(folder / "accounts.csv")
    ws.close()


@pytest.fixture(scope="module")
def expected(maven):
    """Won, lost and won revenue per fiscal quarter of the close date, from the raw CSV."""
    _, _, pipeline, _ = maven
    won: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    revenue: defaultdict[str, Decimal] = defaultdict(Decimal)
    for row in pipeline:
        if row["deal_stage"] == "Won":
            won[fiscal_quarter(row["close_date"])] += 1
            revenue[fiscal_quarter(row["close_date"])] += Decimal(row["close_value"])
        elif row["deal_stage"] == "Lost":
            lost[fiscal_quarter(row["close_date"])] += 1
    return won, lost, revenue


def test_the_mapping_keeps_every_closed_deal(maven):
    # The deals mapping skips rows without an engage date: only Prospecting ones, never a closed deal.
    _, loaded, pipeline, _ = maven
    skipped = [r for r in pipeline if not r["engage_date"].strip()]
    assert {r["deal_stage"] for r in skipped} == {"Prospecting"}
    assert loaded.rows == len(pipeline) - len(skipped)
    assert all(r["close_date"] for r in pipeline if r["deal_stage"] in ("Won", "Lost"))
    assert not any(r["close_date"] for r in pipeline if r["deal_stage"] not in ("Won", "Lost"))


def test_quarters_span_the_first_to_the_last_close(maven, expected):
    ws, _, _, _ = maven
    won, lost, _ = expected
    result = ws.metrics(["won_deals", "revenue", "win_rate"], period="quarter")
    quarters = sorted(set(won) | set(lost))
    labels = [quarters[0]]
    while labels[-1] != quarters[-1]:
        labels.append(next_quarter(labels[-1]))
    assert [p.label() for p in result.periods] == labels
    assert labels == ["FY2016Q4", "FY2017Q1", "FY2017Q2", "FY2017Q3"]  # closes run 2017-03-01 .. 2017-12-31
    assert result.periods[0].start == dt.date(2017, 1, 1)


def test_won_deals_revenue_and_win_rate_per_fiscal_quarter(maven, expected):
    ws, _, _, _ = maven
    won, lost, revenue = expected
    result = ws.metrics(["won_deals", "revenue", "win_rate"], period="quarter")
    assert sum(won.values()) == 4238 and sum(lost.values()) == 2473  # the counts the README gives
    for period in result.periods:
        label = period.label()
        assert result.value("won_deals", label) == won[label], label
        assert result.value("revenue", label) == revenue[label], label
        record = result.record("win_rate", label)
        closed = won[label] + lost[label]
        assert (record.numerator, record.denominator) == (won[label], closed), label
        assert record.value == pytest.approx(won[label] / closed, rel=1e-12), label
        assert record.small_sample is (closed < 30)
    # Summed over the year, revenue is the sum of every won close_value.
    total = sum(Decimal(r["close_value"]) for r in maven[2] if r["deal_stage"] == "Won")
    assert sum(result.value("revenue", p.label()) for p in result.periods) == total


def test_win_rate_over_a_fiscal_year_is_pooled_not_averaged(maven, expected):
    ws, _, _, _ = maven
    won, lost, _ = expected
    fy2017 = [f"FY2017Q{n}" for n in (1, 2, 3, 4)]
    pooled = sum(won[q] for q in fy2017) / sum(won[q] + lost[q] for q in fy2017)
    assert ws.metrics(["win_rate"], period="FY2017").value("win_rate") == pytest.approx(pooled, rel=1e-12)


def test_wilson_interval_of_one_quarter(maven, expected):
    ws, _, _, _ = maven
    won, lost, _ = expected
    label = "FY2016Q4"  # March 2017 alone: the smallest quarter
    record = ws.metrics(["win_rate"], period=label).record("win_rate")
    x, n = won[label], won[label] + lost[label]
    assert (x, n) == (531, 647)
    # Wilson (1927) score interval, no continuity correction: p = x/n, z = the 97.5% normal quantile.
    z, p = 1.959963984540054, x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    assert record.ci_low == pytest.approx(centre - half, abs=1e-12)
    assert record.ci_high == pytest.approx(centre + half, abs=1e-12)
    assert record.ci_low < record.value < record.ci_high
    assert record.small_sample is False


def test_won_revenue_by_industry_per_quarter(maven):
    # industry comes from accounts.csv's sector (the 'technolgy' typo mapped to 'technology').
    ws, _, pipeline, accounts = maven
    sector = {a["account"]: ("technology" if a["sector"] == "technolgy" else a["sector"]) for a in accounts}
    revenue: defaultdict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for row in pipeline:
        if row["deal_stage"] == "Won":
            revenue[fiscal_quarter(row["close_date"]), sector[row["account"]]] += Decimal(row["close_value"])
    result = ws.metrics(["revenue"], period="quarter", by=["industry"])
    got = {(r.period, r.dimensions["industry"]): r.value for r in result.records}
    assert {industry for _, industry in got} == set(sector.values())  # every closed deal has an account
    for key, value in got.items():
        assert value == revenue.get(key, 0), key
