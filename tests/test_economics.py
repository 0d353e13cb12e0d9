"""Customer economics (issue 19): CAC, realised LTV, LTV/CAC and payback equal hand counts on a
tiny hand-made company."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import workspace_from_csv
from kpiflow.analysis.economics import EconomicsError, economics
from kpiflow.cli import app
from kpiflow.errors import UnknownNameError

runner = CliRunner()

ACCOUNTS = (
    "account_id,name,industry,size_band\n"
    "A1,a1,automotive,1-99\nA2,a2,food,100-999\nA3,a3,automotive,100-999\nA4,a4,food,1-99\n"
)
CONTACTS = (
    "contact_id,account_id,created_at,channel,campaign\n"
    "C1,A1,2025-01-01,exhibition,show1\nC2,A2,2025-01-01,ads,g1\nC3,A3,2025-01-01,exhibition,show1\nC4,A4,2024-01-01,web_form,\n"
)
# New in FY2025: A1 (exhibition), A2 (ads), A3 (its deal names no channel: its contact's, exhibition).
# A4 first won in FY2024: not new. A1 wins again in June (month 2 of its life).
DEALS = (
    "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,channel\n"
    "D1,A1,C1,2025-03-01,1000,won,2025-04-10,exhibition\n"
    "D2,A2,C2,2025-04-01,400,won,2025-05-20,ads\n"
    "D3,A3,C3,2025-04-01,600,won,2025-06-01,\n"
    "D4,A4,C4,2024-10-01,300,won,2024-12-01,web_form\n"
    "D5,A4,C4,2025-05-01,200,won,2025-07-01,web_form\n"
    "D6,A1,C1,2025-05-01,500,won,2025-06-15,exhibition\n"
    "D7,A2,C2,2025-05-01,900,lost,2025-06-20,ads\n"
)
# Gross margin 240 on 600 of orders: won deals count at a 40% margin. The data end in September.
ORDERS = (
    "order_id,account_id,ordered_at,amount,gross_margin,kind\n"
    "O1,A1,2025-05-05,200,100,repeat\nO2,A2,2025-05-25,100,50,cross_sell\nO3,A3,2025-09-01,300,90,repeat\n"
)
COSTS = (
    "date,channel,campaign,category,amount\n"
    "2025-04-01,exhibition,show1,event,900\n"
    "2025-04-01,exhibition,,content,100\n"
    "2025-05-01,ads,g1,media,200\n"
    "2025-05-01,ads,g1,sales,100\n"
    "2025-06-01,,,system,300\n"
    "2025-03-31,exhibition,show1,event,5000\n"  # FY2024
)


@pytest.fixture(scope="module")
def company(tmp_path_factory):
    tables = {"accounts": ACCOUNTS, "contacts": CONTACTS, "deals": DEALS, "orders": ORDERS, "costs": COSTS}
    ws = workspace_from_csv(tmp_path_factory.mktemp("economics"), tables)
    yield ws
    ws.close()


def rows(result, table="segments") -> dict:
    key = result.params["by"] if table == "segments" else None
    found = result.table(table).records()
    return {r[key]: r for r in found} if key else found


def test_cac_counts_new_customers_by_the_channel_of_their_first_won_deal(company):
    got = rows(economics(company, period="FY2025", horizon="12m"))
    assert set(got) == {"exhibition", "ads", "overhead", "*"}  # * is every new customer
    exhibition, ads, overhead, total = got["exhibition"], got["ads"], got["overhead"], got["*"]
    # marketing = media, event, content: exhibition 900 + 100, ads 200 (its sales cost only fully loaded)
    assert (exhibition["new_customers"], exhibition["cost"], exhibition["cac"]) == (2, 1000, 500)
    assert (ads["new_customers"], ads["cost"], ads["cac"], ads["cost_all"], ads["cac_all"]) == (1, 200, 200, 300, 300)
    # the system cost names no channel: overhead, in the fully loaded figures only
    assert (overhead["cost"], overhead["cost_all"], overhead["cac_all"]) == (0, 300, 100)
    assert (total["new_customers"], total["cost"], total["cac"], total["cost_all"]) == (3, 1200, 400, 1600)
    assert all(r["small_sample"] for r in got.values())


def test_realised_ltv_averages_each_month_over_the_customers_observed_in_it(company):
    result = economics(company, period="FY2025", horizon="12m")
    got = rows(result)
    # exhibition: A1 1000, 200, 500 in months 0-2 (observed April-September: 6 months); A3 600 in
    # month 0 and 300 in month 3 (June-September: 4 months). Means 800, 100, 250, 150, 0, 0.
    assert got["exhibition"]["ltv"] == pytest.approx(1300)
    assert got["exhibition"]["ltv_cac"] == pytest.approx(2.6) and got["exhibition"]["above_3x"] is False
    # ads: A2's deal and order in May
    assert got["ads"]["ltv"] == pytest.approx(500) and got["ads"]["ltv_cac"] == pytest.approx(2.5)
    # everyone: 2100/3, 200/3, 500/3, 300/3, 0, 0
    assert got["*"]["ltv"] == pytest.approx(3100 / 3)
    curve = [r for r in rows(result, "cohorts") if r["channel"] == "exhibition"]
    assert [r["month"] for r in curve] == [0, 1, 2, 3, 4, 5]
    assert [r["observed"] for r in curve] == [2, 2, 2, 2, 1, 1]
    assert [r["cumulative_value"] for r in curve] == pytest.approx([800, 900, 1150, 1300, 1300, 1300])
    assert [r["share_buying"] for r in curve] == pytest.approx([1, 0.5, 0.5, 0.5, 0, 0])
    # in gross margin: means 320, 50, 100, 45, 0, 0 (won deals at the orders' 40%)
    assert [r["cumulative_margin"] for r in curve] == pytest.approx([320, 370, 470, 515, 515, 515])


def wilson(successes: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """Wilson's score interval, written out (E. B. Wilson, 1927)."""
    p = successes / n
    centre, half = p + z * z / (2 * n), z * ((p * (1 - p) + z * z / (4 * n)) / n) ** 0.5
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


def test_acquisition_cohorts_show_value_only_once_every_customer_was_observed_that_long(company):
    got = rows(economics(company, period="FY2025", horizon="12m"), "acquisition")
    by = {(r["channel"], r["cohort"]): r for r in got}
    assert set(by) == {("exhibition", "FY2025Q1"), ("ads", "FY2025Q1"), ("*", "FY2025Q1")}
    # exhibition: A1 (April: 1000, 200, 500 in months 0-2, observed 6 months) and A3 (June: 600, then
    # 300 in month 3, observed 4 months): after 1 month (1000 + 600) / 2, after 3 (1700 + 600) / 2;
    # after 6 months A3 has not been observed long enough, so nothing is shown
    exhibition = by["exhibition", "FY2025Q1"]
    assert (exhibition["customers"], exhibition["value_m1"], exhibition["value_m3"]) == (2, 800, 1150)
    assert exhibition["value_m6"] is None and exhibition["value_m12"] is None and "value_m24" not in exhibition
    assert (exhibition["repeat_customers"], exhibition["repeat_share"]) == (2, 1.0)
    # ads: A2 bought its deal and its order in May, nothing after: no repeat
    ads = by["ads", "FY2025Q1"]
    assert (ads["value_m1"], ads["value_m3"], ads["repeat_customers"], ads["repeat_share"]) == (500, 500, 0, 0)
    everyone = by["*", "FY2025Q1"]
    assert everyone["value_m1"] == pytest.approx(2100 / 3) and everyone["value_m3"] == pytest.approx(2800 / 3)
    assert (everyone["repeat_low"], everyone["repeat_high"]) == pytest.approx(wilson(2, 3))


def test_acquisition_cohorts_can_be_months(company):
    got = rows(economics(company, period="FY2025", horizon="6m", cohort="month"), "acquisition")
    exhibition = {r["cohort"]: r for r in got if r["channel"] == "exhibition"}
    assert sorted(exhibition) == ["2025-04", "2025-06"]
    # A1 alone, observed all 6 months: 1000 + 200 + 500
    assert (exhibition["2025-04"]["value_m3"], exhibition["2025-04"]["value_m6"]) == (1700, 1700)
    assert (exhibition["2025-06"]["value_m3"], exhibition["2025-06"]["value_m6"]) == (600, None)
    with pytest.raises(UnknownNameError, match="did you mean 'quarter'"):
        economics(company, period="FY2025", cohort="quartre")


def test_payback_is_cac_over_the_monthly_gross_margin_per_customer(company):
    got = rows(economics(company, period="FY2025", horizon="12m"))
    # exhibition margin: A1 400 (40% of 1000), 100, 200; A3 240, 90 -> means 320, 50, 100, 45, 0, 0 = 515 over 6 months
    assert got["exhibition"]["ltv_margin"] == pytest.approx(515)
    assert got["exhibition"]["payback_months"] == pytest.approx(500 / (515 / 6))
    # ads: 40% of 400 + 50 = 210 over the 5 months May-September
    assert got["ads"]["payback_months"] == pytest.approx(200 / (210 / 5))


def test_other_segments_carry_their_channel_s_cac(company):
    industry = rows(economics(company, period="FY2025", by="industry", horizon="12m"))
    assert (industry["automotive"]["new_customers"], industry["automotive"]["cost"]) == (2, 1000)
    assert (industry["food"]["cost"], industry["food"]["cost_all"]) == (200, 300)
    assert (industry["overhead"]["cost"], industry["overhead"]["cost_all"]) == (0, 300)
    campaign = rows(economics(company, period="FY2025", by="campaign", horizon="12m"))
    # by campaign a cost belongs to the campaign it names; the content cost names none
    assert (campaign["show1"]["cost"], campaign["show1"]["cac"], campaign["g1"]["cost"]) == (900, 450, 200)
    assert campaign["overhead"]["cost"] == 100


def test_the_cost_categories_can_be_chosen(company):
    assert rows(economics(company, period="FY2025", costs="media,event"))["exhibition"]["cost"] == 900
    every = rows(economics(company, period="FY2025", costs="all"))
    assert (every["exhibition"]["cost"], every["ads"]["cost"], every["overhead"]["cost"]) == (1000, 300, 300)


def test_overhead_can_be_spread_by_a_declared_rule(company):
    # every category: exhibition 1000 (2 customers), ads 300 (1), overhead 300 (the system cost)
    by_customers = rows(economics(company, period="FY2025", costs="all", spread="customers"))
    assert (by_customers["exhibition"]["cost"], by_customers["exhibition"]["cac"]) == pytest.approx((1200, 600))
    assert (by_customers["ads"]["cost"], by_customers["overhead"]["cost"], by_customers["*"]["cost"]) == pytest.approx((400, 0, 1600))
    by_cost = rows(economics(company, period="FY2025", costs="all", spread="cost"))
    assert by_cost["exhibition"]["cost"] == pytest.approx(1000 + 300 * 1000 / 1300)
    assert by_cost["ads"]["cost"] == pytest.approx(300 + 300 * 300 / 1300)
    # by industry each customer carries its channel's CAC (A1, A3: 500; A2: 300) and a third of the overhead
    industry = rows(economics(company, period="FY2025", by="industry", costs="all", spread="customers"))
    assert (industry["automotive"]["cost"], industry["food"]["cost"]) == pytest.approx((1200, 400))
    assert industry["food"]["cac_low"] == industry["food"]["cac_high"] == pytest.approx(400)  # one customer, one cost
    with pytest.raises(UnknownNameError, match="did you mean 'customers'"):
        economics(company, period="FY2025", spread="customer")


def test_the_intervals_are_a_seeded_bootstrap_over_customers(company):
    first = economics(company, period="FY2025", horizon="12m")
    assert first.to_dict() == economics(company, period="FY2025", horizon="12m").to_dict()
    # the bootstrap written as a loop over draws: 1,000 resamples of the 3 new customers (A1, A2,
    # A3 in that order), each month's mean value over the resampled customers observed in it
    values = {"A1": {0: 1000, 1: 200, 2: 500}, "A2": {0: 500}, "A3": {0: 600, 3: 300}}
    observed = {"A1": 6, "A2": 5, "A3": 4}
    draws = np.random.default_rng(0).multinomial(3, [1 / 3] * 3, size=1000)
    ltvs = []
    for counts in draws:
        ltv = 0.0
        for month in range(12):
            weight = sum(c for c, a in zip(counts, values, strict=True) if month < observed[a])
            if weight:
                ltv += sum(c * values[a].get(month, 0) for c, a in zip(counts, values, strict=True) if month < observed[a]) / weight
        ltvs.append(ltv)
    total = rows(first)["*"]
    assert (total["ltv_low"], total["ltv_high"]) == pytest.approx(tuple(np.percentile(ltvs, [2.5, 97.5])))
    # the blended cost over a fixed number of customers does not vary
    assert total["cac_low"] == total["cac_high"] == pytest.approx(400)
    for r in rows(first).values():
        for low, point, high in (("cac_low", "cac", "cac_high"), ("ltv_low", "ltv", "ltv_high"), ("payback_low", "payback_months", "payback_high")):
            if r[low] is not None:
                assert r[low] <= r[point] + 1e-9 <= r[high] + 2e-9


def test_the_command_prints_the_records_as_json(company):
    result = runner.invoke(app, ["economics", "--period", "FY2025", "--horizon", "1y", "-w", str(company.root), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)  # records, as the contract says: one per segment with its key
    assert isinstance(data, list) and all("channel" in r and "ltv_cac" in r for r in data)
    exhibition = next(r for r in data if r["channel"] == "exhibition")
    assert {k: exhibition[k] for k in ("new_customers", "cost", "cac")} == {"new_customers": 2, "cost": 1000, "cac": 500}
    assert exhibition["ltv"] == pytest.approx(1300) and exhibition["payback_months"] == pytest.approx(500 / (515 / 6))


def test_bad_options_are_named(company):
    with pytest.raises(EconomicsError, match="36m"):
        economics(company, period="FY2025", horizon="36 weeks")
    with pytest.raises(UnknownNameError, match="did you mean 'media'"):
        economics(company, period="FY2025", costs="medai")
    result = runner.invoke(app, ["economics", "--by", "chanel", "-w", str(company.root)])
    assert result.exit_code == 1 and "did you mean 'channel'" in result.output


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from conftest import open_shared_demo  # noqa: PLC0415

    ws = open_shared_demo("default", "en")
    yield ws
    ws.close()


def test_the_demo_s_exhibition_customers_cost_more_than_the_web_s_and_are_worth_the_most(demo):
    # The seed's point: a trade show costs more per customer than the web form and the seminars,
    # and brings the customers who reorder most (the highest LTV of every channel).
    got = rows(economics(demo, period="FY2023..FY2025", costs="all"))
    channels = {k: r for k, r in got.items() if k not in ("overhead", "*")}
    exhibition = channels["exhibition"]
    assert not exhibition["small_sample"]
    assert max(channels, key=lambda k: channels[k]["ltv"]) == "exhibition"
    assert exhibition["ltv_low"] > channels["web_form"]["ltv"]
    assert exhibition["cac"] > max(channels["web_form"]["cac"], channels["seminar"]["cac"])
    # in FY2023 its CAC is the highest of the channels that acquired 30 customers or more
    fy2023 = {k: r for k, r in rows(economics(demo, period="FY2023", costs="all")).items() if k not in ("overhead", "*")}
    large = {k: r for k, r in fy2023.items() if not r["small_sample"]}
    assert max(large, key=lambda k: large[k]["cac"]) == "exhibition"


def test_the_demo_s_ltv_equals_a_second_computation_and_the_figures_docs_quote(demo):
    # Written out again in plain Python over the rows: each account's first won deal (its channel,
    # else its contact's) in FY2023..FY2025, then month by month since it the mean value of the
    # customers observed in that month, summed over 36 months.
    deals = demo.engine.run(
        "SELECT d.account_id, d.deal_id, d.closed_at, d.amount, COALESCE(d.channel, c.channel) AS channel "
        "FROM deals AS d LEFT JOIN contacts AS c ON c.contact_id = d.contact_id "
        "WHERE d.outcome = 'won' AND d.closed_at IS NOT NULL AND d.account_id IS NOT NULL"
    ).rows
    orders = demo.engine.run("SELECT account_id, ordered_at, amount FROM orders WHERE ordered_at IS NOT NULL").rows
    first: dict = {}
    for account, deal, closed, _, channel in deals:
        if account not in first or (closed, deal) < first[account][:2]:
            first[account] = (closed, deal, channel)
    start, end = dt.datetime(2023, 4, 1), dt.datetime(2026, 4, 1)
    customers = {a: (closed, channel) for a, (closed, _, channel) in first.items() if start <= closed < end}
    last = max([row[2] for row in deals] + [row[1] for row in orders])

    def month(at: dt.datetime) -> int:
        return at.year * 12 + at.month

    value = defaultdict(float)  # (account, months since acquisition) -> value
    for account, at, amount in [(a, t, m) for a, _, t, m, _ in deals if m is not None] + list(orders):
        if account in customers and at >= customers[account][0] and month(at) - month(customers[account][0]) < 36:
            value[account, month(at) - month(customers[account][0])] += float(amount)
    ltv = {}
    for channel in ("exhibition", "web_form"):
        members = [a for a, (_, c) in customers.items() if c == channel]
        ltv[channel] = 0.0
        for k in range(36):
            seen = [a for a in members if month(last) - month(customers[a][0]) + 1 > k]
            ltv[channel] += sum(value[a, k] for a in seen) / len(seen) if seen else 0.0
    got = rows(economics(demo, period="FY2023..FY2025", costs="all"))
    assert got["exhibition"]["ltv"] == pytest.approx(ltv["exhibition"], rel=1e-9)
    assert got["web_form"]["ltv"] == pytest.approx(ltv["web_form"], rel=1e-9)
    # docs/economics.md: "about ¥17.6M against ¥13.4M for the web form"
    assert (round(ltv["exhibition"] / 1e6, 1), round(ltv["web_form"] / 1e6, 1)) == (17.6, 13.4)


def test_the_charts_show_ltv_cac_against_the_3x_line_and_the_cohort_curves(company):
    from kpiflow.analysis.economics import charts  # noqa: PLC0415

    data = json.loads(json.dumps(economics(company, period="FY2025", horizon="12m").to_dict()))
    ratios, curves = charts(data, "ja")
    assert ratios["data"][0]["x"] == ["ads", "exhibition"]
    assert ratios["data"][0]["y"] == pytest.approx([2.5, 2.6])
    assert ratios["layout"]["shapes"][0]["y0"] == 3 and "3倍" in ratios["layout"]["title"]["text"]
    exhibition = next(c for c in curves["data"] if c["name"] == "exhibition")
    assert exhibition["x"] == [0, 1, 2, 3, 4, 5] and exhibition["y"] == pytest.approx([800, 900, 1150, 1300, 1300, 1300])
