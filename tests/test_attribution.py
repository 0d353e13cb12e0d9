"""Multi-touch attribution (issue 20): every model's credits equal hand counts on tiny journeys,
the ChannelAttribution reference data's first/last/linear totals and exact Markov removal effects
equal computations written differently here, and journeys built from touchpoints follow the
lookback, unit, offline and milestone rules counted by hand."""

from __future__ import annotations

import csv
import json
from fractions import Fraction

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import dataset, workspace_from_csv
from kpiflow.analysis import attribution_models as am
from kpiflow.analysis.attribution import DRAWS, MODELS, SEED, AttributionError, attribution, charts
from kpiflow.cli import app
from kpiflow.errors import UnknownNameError

runner = CliRunner()
HEADER = "path;total_conversions;total_conversion_value;total_null\n"


def by(result, model: str, key: str = "conversions") -> dict[str, float]:
    return {r["channel"]: r[key] for r in result.table("credits").records() if r["model"] == model}


def path_file(tmp_path, rows: str, name: str = "paths.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes((HEADER + rows).encode(encoding))
    return str(path)


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    ws = workspace_from_csv(tmp_path_factory.mktemp("attribution-empty"), {})
    yield ws
    ws.close()


# --- the hand-checkable cases -----------------------------------------------------------


def test_markov_removal_effects_of_two_paths(empty, tmp_path):
    # a > b converts 3 times in 4 journeys, a > c once in 2: P(conversion) = 4/6 * 3/4 + 2/6 * 1/2 = 2/3.
    # Without a nothing converts (1); without b only a > c does: 1/6, 1 - (1/6)/(2/3) = 0.75; without c 1/2: 0.25.
    result = attribution(empty, model="markov", paths=path_file(tmp_path, "a > b;3;30;1\na > c;1;10;1\n"))
    assert result.table("journeys").records()[0]["conversion_rate"] == pytest.approx(2 / 3)
    assert by(result, "markov", "removal_effect") == pytest.approx({"a": 1, "b": 0.75, "c": 0.25})
    # the 4 conversions shared in proportion to 1 : 0.75 : 0.25
    assert by(result, "markov") == pytest.approx({"a": 2.0, "b": 1.5, "c": 0.5})
    assert by(result, "markov", "value") == pytest.approx({"a": 20, "b": 15, "c": 5})
    # the fundamental matrix's answer for the start state, by the solver itself
    paths = am.Paths(("a", "b", "c"), ((0, 1), (0, 2)), np.array([3.0, 1]), np.array([30.0, 10]), np.array([1.0, 1]))
    for order in (2, 3):  # with two steps, every order sees the same chain
        assert am.markov_credit(paths, order, paths.conversions[None], paths.nulls[None], paths.value[None]).conversions[0] == pytest.approx([2, 1.5, 0.5])


def test_a_second_order_chain_remembers_where_a_journey_came_from(empty, tmp_path):
    # a > b converts, c > b does not. First order: b converts half the time whoever came before, so
    # removing c halves P(conversion) like removing a (effects a 0.5, b 1, c 0.5). Second order:
    # the state (c, b) never converts and removing c changes nothing (a 1, b 1, c 0).
    file = path_file(tmp_path, "a > b;1;10;0\nc > b;0;0;1\n")
    first = attribution(empty, model="markov", paths=file)
    assert by(first, "markov", "removal_effect") == pytest.approx({"a": 0.5, "b": 1, "c": 0.5})
    assert by(first, "markov") == pytest.approx({"a": 0.25, "b": 0.5, "c": 0.25})
    second = attribution(empty, model="markov", order="2", paths=file)
    assert by(second, "markov", "removal_effect") == pytest.approx({"a": 1, "b": 1, "c": 0})
    assert by(second, "markov") == pytest.approx({"a": 0.5, "b": 0.5, "c": 0})


def test_shapley_of_a_and_a_then_b(empty, tmp_path):
    # v({a}) = 4, v({b}) = 0, v({a, b}) = 10: a = (4 + 10) / 2 = 7, b = (0 + 6) / 2 = 3
    result = attribution(empty, model="shapley", paths=path_file(tmp_path, "a;4;40;0\na > b;6;60;2\n"))
    assert by(result, "shapley") == pytest.approx({"a": 7, "b": 3})
    assert by(result, "shapley", "value") == pytest.approx({"a": 70, "b": 30})


def test_linear_shares_a_conversion_equally_between_touches(empty, tmp_path):
    result = attribution(empty, model="linear", paths=path_file(tmp_path, "a > b > c > d;10;100;0\n"))
    assert by(result, "linear") == pytest.approx({"a": 2.5, "b": 2.5, "c": 2.5, "d": 2.5})


def test_position_models_count_each_touch(empty, tmp_path):
    # a touched twice gets two shares, as in the reference implementations
    result = attribution(empty, paths=path_file(tmp_path, "a > b > a;1;10;0\nb;1;20;3\n"))
    assert by(result, "first") == {"a": 1, "b": 1}
    assert by(result, "last") == {"a": 1, "b": 1}
    assert by(result, "linear") == pytest.approx({"a": 2 / 3, "b": 1 + 1 / 3})
    assert by(result, "u") == pytest.approx({"a": 0.8, "b": 1.2})  # 40 / 20 / 40
    assert by(result, "u", "value") == pytest.approx({"a": 8, "b": 22})
    # a path file has neither milestones nor times: W, full path and time decay are left out, said why
    assert result.params["models"] == ["first", "last", "linear", "u", "markov", "shapley"]
    assert sum("path-count file" in n or "time before" in n for n in result.notes) == 3


def test_the_u_shape_gives_the_middle_touches_a_fifth():
    paths = am.Paths(tuple("abcd"), ((0, 1, 2, 3),), np.array([1.0]), np.array([0.0]), np.array([0.0]))
    assert am.touch_weights("u", paths, 0) == pytest.approx([0.4, 0.1, 0.1, 0.4])


def test_shapley_enumerating_coalitions_equals_the_sum_of_dividends():
    # v(S) = sum of w(T) over T within S is a sum of unanimity games: each member of T gets w(T)/|T|
    rng = np.random.default_rng(3)
    n = 6
    worth = np.zeros((1, 1 << n))
    dividends = np.zeros(n)
    for mask in rng.choice(np.arange(1, 1 << n), size=20, replace=False):
        w = float(rng.integers(1, 50))
        worth[0, mask] = w
        members = [i for i in range(n) if mask >> i & 1]
        dividends[members] += w / len(members)
    assert am.shapley_values(worth, n)[0] == pytest.approx(dividends)


# --- every model's credits sum to the totals --------------------------------------------------


def test_every_model_s_credits_sum_to_the_conversions_and_the_value(tiny_company):
    result = attribution(tiny_company)
    assert result.params["models"] == list(MODELS)
    summary = result.table("journeys").records()[0]
    for model in MODELS:
        assert sum(by(result, model).values()) == pytest.approx(summary["conversions"]), model
        assert sum(by(result, model, "value").values()) == pytest.approx(summary["value"]), model


# --- the ChannelAttribution reference data --------------------------------------------------------


@pytest.fixture(scope="module")
def reference(empty):
    data = dataset("channelattribution_paths") / "Data.csv"
    with data.open(encoding="utf-8") as f:
        rows = [(r["path"].split(" > "), int(r["total_conversions"]), float(r["total_conversion_value"]), int(r["total_null"])) for r in csv.DictReader(f, delimiter=";")]
    return rows, attribution(empty, paths=str(data))


def test_the_reference_data_s_totals(reference):
    rows, result = reference
    summary = result.table("journeys").records()[0]
    assert (summary["paths"], summary["conversions"], summary["nulls"], summary["channels"]) == (10_000, 19_785, 68_602, 12)
    assert summary["value"] == pytest.approx(74_802.972, abs=1e-3)
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    linear: dict[str, Fraction] = {}
    for steps, conversions, _, _ in rows:
        first[steps[0]] = first.get(steps[0], 0) + conversions
        last[steps[-1]] = last.get(steps[-1], 0) + conversions
        for step in steps:
            linear[step] = linear.get(step, Fraction(0)) + Fraction(conversions, len(steps))
    assert by(result, "first") == first
    assert by(result, "last") == last
    assert by(result, "linear") == pytest.approx({k: float(v) for k, v in linear.items()}, rel=1e-12)
    for model in result.params["models"]:
        assert sum(by(result, model).values()) == pytest.approx(19_785), model
        assert sum(by(result, model, "value").values()) == pytest.approx(summary["value"]), model


def _absorbing(rows, removed: str | None) -> float:
    """P(conversion) from the start of the first-order chain, by value iteration over a dictionary
    of transition counts (no matrix): x(s) <- sum over s' of p(s, s') x(s') + p(s, conversion)."""
    counts: dict[str, dict[str, int]] = {}
    for steps, conversions, _, nulls in rows:
        journeys = conversions + nulls
        walk = ["(start)", *steps]
        for here, there in zip(walk, walk[1:], strict=False):
            counts.setdefault(here, {}).setdefault(there, 0)
            counts[here][there] += journeys
        ends = counts.setdefault(walk[-1], {})
        ends["(conversion)"] = ends.get("(conversion)", 0) + conversions
        ends["(null)"] = ends.get("(null)", 0) + nulls
    x = dict.fromkeys(counts, 0.0)
    x["(conversion)"], x["(null)"] = 1.0, 0.0
    for _ in range(100_000):
        change = 0.0
        for state, out in counts.items():
            if state == removed:
                continue
            total = sum(out.values())
            new = sum(n * (0.0 if there == removed else x[there]) for there, n in out.items()) / total
            change = max(change, abs(new - x[state]))
            x[state] = new
        if change < 1e-15:
            break
    return x["(start)"]


def test_the_reference_data_s_exact_removal_effects(reference):
    rows, result = reference
    base = _absorbing(rows, None)
    assert base == pytest.approx(19_785 / 88_387, abs=1e-9)  # the estimated chain reproduces the data's rate
    effects = by(result, "markov", "removal_effect")
    expected = {channel: 1 - _absorbing(rows, channel) / base for channel in effects}
    assert effects == pytest.approx(expected, abs=1e-6)


def test_the_reference_data_s_shapley_is_each_converting_set_shared_equally(reference):
    # the exact Shapley values of this game are each path's conversions shared among its distinct channels
    rows, result = reference
    shares: dict[str, float] = {}
    for steps, conversions, _, _ in rows:
        for channel in set(steps):
            shares[channel] = shares.get(channel, 0.0) + conversions / len(set(steps))
    assert by(result, "shapley") == pytest.approx(shares, rel=1e-9)


# --- the bootstrap ------------------------------------------------------------------------------


def test_the_intervals_are_a_seeded_bootstrap_over_journeys(empty, tmp_path):
    file = path_file(tmp_path, "a > b;3;30;1\nb;2;10;4\na;1;5;9\n")
    result = attribution(empty, model="first", paths=file)
    assert result.to_dict() == attribution(empty, model="first", paths=file).to_dict()
    # the bootstrap written as a loop: 20 journeys drawn with replacement, each cell (a key's
    # conversions, then its non-conversions) as likely as its count; first touch a: keys 0 and 2
    cells = [3, 2, 1, 1, 4, 9]
    draws = np.random.default_rng(SEED).multinomial(20, np.array(cells) / 20, size=DRAWS)
    credit_a = [d[0] + d[2] for d in draws]
    got = next(r for r in result.table("credits").records() if r["channel"] == "a")
    assert (got["conversions_low"], got["conversions_high"]) == pytest.approx(tuple(np.percentile(credit_a, [2.5, 97.5])))
    assert got["small_sample"] is True and got["journeys"] == 4  # converting journeys that touched a


# --- journeys from touchpoints ------------------------------------------------------------------

ACCOUNTS = "account_id,name\nA1,a1\nA2,a2\n"
CONTACTS = (
    "contact_id,account_id,created_at,channel\n"
    "C1,A1,2025-04-10,web_form\nC2,A1,2025-04-20,email\nC3,A2,2025-05-01,seminar\nC4,A2,2025-05-01,email\n"
)
# C1: an ad in January (more than 90 days before its won deal), two web touches (the second at its
# lead creation), a page view (not a touch), a booth visit and a sales meeting. C2 of the same
# account only clicks an e-mail; C3 attends a seminar and downloads; C4 only opens an e-mail.
TOUCHES = (
    "occurred_at,contact_id,account_id,type,channel\n"
    "2025-01-01,C1,A1,download,ads\n"
    "2025-04-05,C1,A1,download,web_form\n"
    "2025-04-10,C1,A1,form_submit,web_form\n"
    "2025-04-12,C1,A1,page_view,web_form\n"
    "2025-04-20,C2,A1,email_click,email\n"
    "2025-05-01,C1,A1,booth_visit,exhibition\n"
    "2025-05-10,C1,A1,meeting,sales\n"
    "2025-05-02,C3,A2,seminar_attend,seminar\n"
    "2025-05-03,C3,A2,download,web_form\n"
    "2025-05-05,C4,A2,email_open,email\n"
)
DEALS = (
    "deal_id,account_id,contact_id,created_at,amount,outcome,closed_at,channel\n"
    "D1,A1,C1,2025-05-05,1000,won,2025-06-01,web_form\n"
    "D2,A2,C3,2025-06-01,500,won,2025-07-01,seminar\n"
)
HISTORY = "entity,entity_id,stage,entered_at\ncontact,C1,sql,2025-04-15\n"
COSTS = "date,channel,category,amount\n2025-04-01,web_form,media,300\n2025-05-01,exhibition,event,600\n2025-05-01,sales,sales,100\n"


@pytest.fixture(scope="module")
def tiny_company(tmp_path_factory):
    tables = {"accounts": ACCOUNTS, "contacts": CONTACTS, "touchpoints": TOUCHES, "deals": DEALS, "stage_history": HISTORY, "costs": COSTS}
    ws = workspace_from_csv(tmp_path_factory.mktemp("attribution"), tables)
    yield ws
    ws.close()


def test_contact_journeys_keep_the_lookback_s_touches_before_the_won_deal(tiny_company):
    result = attribution(tiny_company, model="linear")
    # C1: web_form, web_form, exhibition, sales (1000); C2: email, no conversion; C3: seminar, web_form (500)
    summary = result.table("journeys").records()[0]
    assert (summary["journeys"], summary["conversions"], summary["nulls"], summary["value"], summary["paths"]) == (3, 2, 1, 1500, 3)
    assert by(result, "linear") == pytest.approx({"email": 0, "exhibition": 0.25, "sales": 0.25, "seminar": 0.5, "web_form": 1.0})
    assert by(result, "linear", "value") == pytest.approx({"email": 0, "exhibition": 250, "sales": 250, "seminar": 250, "web_form": 750})


def test_money_is_cost_per_attributed_conversion_and_roas(tiny_company):
    rows = {r["channel"]: r for r in attribution(tiny_company, model="linear").table("credits").records()}
    # marketing costs: web_form 300, exhibition 600 (the sales category is not marketing's)
    assert (rows["web_form"]["cost"], rows["web_form"]["cost_per_conversion"], rows["web_form"]["roas"]) == pytest.approx((300, 300, 2.5))
    assert (rows["exhibition"]["cost_per_conversion"], rows["exhibition"]["roas"]) == pytest.approx((2400, 250 / 600))
    assert rows["sales"]["cost"] is None and rows["sales"]["roas"] is None
    every = {r["channel"]: r for r in attribution(tiny_company, model="linear", costs="all").table("credits").records()}
    assert every["sales"]["cost"] == 100 and every["sales"]["roas"] == pytest.approx(2.5)


def test_markov_on_touchpoint_journeys_by_hand(tiny_company):
    result = attribution(tiny_company, model="markov")
    # from the start 1/3 each to web_form, email, seminar; P(conversion) = 2/3. Without web_form
    # nothing converts (1); without exhibition, sales or seminar 1/3 (1/2 each); email changes nothing.
    assert by(result, "markov", "removal_effect") == pytest.approx({"email": 0, "exhibition": 0.5, "sales": 0.5, "seminar": 0.5, "web_form": 1})
    assert by(result, "markov") == pytest.approx({"email": 0, "exhibition": 0.4, "sales": 0.4, "seminar": 0.4, "web_form": 0.8})
    # value: 1000 leaves from sales, 500 from web_form; E[value] 500 falls to 500/3 without
    # exhibition or sales (2/3 each) and to 250 without seminar (1/2): 1500 in proportion 1 : 2/3 : 2/3 : 1/2
    whole = 1 + 2 / 3 + 2 / 3 + 1 / 2
    assert by(result, "markov", "value") == pytest.approx(
        {"email": 0, "exhibition": 1500 * 2 / 3 / whole, "sales": 1500 * 2 / 3 / whole, "seminar": 1500 * 0.5 / whole, "web_form": 1500 / whole}
    )


def test_w_and_full_path_read_the_lead_and_opportunity_creation_touches(tiny_company):
    result = attribution(tiny_company)
    # C1: first touch web_form (30), lead creation = its second touch web_form (30), opportunity
    # creation 5 May = the booth visit (30), the meeting the rest (10). C3: lead created 1 May,
    # before its touches (the first touch), opportunity 1 June (its last touch before, web_form):
    # 30 + 30 on the seminar, 30 on web_form, no other touch for the 10: scaled to 2/3 and 1/3.
    assert by(result, "w") == pytest.approx({"email": 0, "exhibition": 0.3, "sales": 0.1, "seminar": 2 / 3, "web_form": 0.6 + 1 / 3})
    # full path: C1 22.5 each on its four touches (nothing left over); C3 22.5 x 2 on the
    # seminar (first, lead), 22.5 x 2 on web_form (opportunity, last): a half each
    assert by(result, "full") == pytest.approx({"email": 0, "exhibition": 0.25, "sales": 0.25, "seminar": 0.5, "web_form": 0.5 + 0.5})


def test_time_decay_halves_a_touch_s_weight_every_half_life(tiny_company):
    result = attribution(tiny_company, model="time_decay", half_life="7d")
    # C1's touches 57, 52, 31 and 22 days before 1 June; C3's 60 and 59 days before 1 July
    c1 = np.power(0.5, np.array([57, 52, 31, 22]) / 7)
    c3 = np.power(0.5, np.array([60, 59]) / 7)
    c1, c3 = c1 / c1.sum(), c3 / c3.sum()
    expected = {"email": 0, "exhibition": c1[2], "sales": c1[3], "seminar": c3[0], "web_form": c1[0] + c1[1] + c3[1]}
    assert by(result, "time_decay") == pytest.approx(expected)


def test_account_journeys_join_the_buying_committee(tiny_company):
    result = attribution(tiny_company, model="linear", unit="account")
    # A1: web_form, web_form, email (C2), exhibition, sales; A2: seminar, web_form (C4's e-mail opened is no touch)
    assert result.table("journeys").records()[0]["journeys"] == 2
    assert by(result, "linear") == pytest.approx({"email": 0.2, "exhibition": 0.2, "sales": 0.2, "seminar": 0.5, "web_form": 0.4 + 0.5})


def test_offline_touches_can_be_left_out(tiny_company):
    result = attribution(tiny_company, model="linear", offline="exclude")
    # no booth visit, meeting or seminar: C1 web_form x2, C3 web_form
    assert by(result, "linear") == pytest.approx({"email": 0, "web_form": 2})


def test_a_shorter_lookback_leaves_conversions_without_a_touch(tiny_company):
    summary = attribution(tiny_company, model="first", lookback="30d").table("journeys").records()[0]
    # C1 keeps only its meeting (22 days before); C3's touches are all 59 days or more before
    assert (summary["conversions"], summary["unattributed_conversions"], summary["unattributed_value"]) == (1, 1, 500)


def test_other_outcomes_a_stage_or_a_touch(tiny_company):
    # reaching SQL on 15 April: C1's two web touches; no value
    stage = attribution(tiny_company, model="first", outcome="stage:sql")
    assert by(stage, "first") == pytest.approx({"email": 0, "seminar": 0, "web_form": 1})  # C2 and C3 did not convert
    assert stage.table("journeys").records()[0]["value"] == 0
    # a sales meeting: what came before it (the meeting itself is the outcome, not a touch)
    meeting = attribution(tiny_company, model="last", outcome="type = 'meeting'")
    assert by(meeting, "last")["exhibition"] == 1


def test_a_period_keeps_the_outcomes_in_it(tiny_company):
    summary = attribution(tiny_company, model="first", period="2025-06").table("journeys").records()[0]
    # C1's deal closed in June; C3's in July is after it: C3's journey ends at its last touch in June (none)
    assert summary["conversions"] == 1


# --- faces and errors ---------------------------------------------------------------------------


def test_the_command_prints_the_records_as_json(empty, tmp_path):
    file = path_file(tmp_path, "a > b;3;30;1\na > c;1;10;1\n")
    result = runner.invoke(app, ["attribution", "--model", "markov", "--paths", file, "-w", str(empty.root), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert isinstance(data, list) and len(data) == 3
    assert all({"channel", "model", "conversions", "value", "removal_effect"} <= set(r) for r in data)
    assert {r["channel"]: r["removal_effect"] for r in data} == pytest.approx({"a": 1, "b": 0.75, "c": 0.25})


def test_a_cp932_path_file_is_read(empty, tmp_path):
    file = path_file(tmp_path, "展示会 > ウェブ;3;300;1\nウェブ;1;100;0\n", "経路.csv", "cp932")
    assert by(attribution(empty, model="first", paths=file), "first") == {"ウェブ": 1, "展示会": 3}


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        ("a > b;3;30;x\n", ["paths.csv", "row 2", "'total_null'", "'x'", "whole number"]),
        ("a > b;3;30;1\na >  > b;1;1;1\n", ["row 3", "'path'"]),
        ("a > b;-2;30;1\n", ["row 2", "'total_conversions'"]),
        ("a > b;3;30\n", ["row 2", "3 column(s)"]),
    ],
)
def test_a_bad_row_is_named_by_file_row_and_column(empty, tmp_path, rows, words):
    with pytest.raises(AttributionError) as refused:
        attribution(empty, paths=path_file(tmp_path, rows))
    for word in words:
        assert word in str(refused.value)


def test_bad_files_and_options_are_named(empty, tmp_path):
    bad_header = tmp_path / "h.csv"
    bad_header.write_text("path,conversions\na,1\n", encoding="utf-8")
    with pytest.raises(AttributionError, match="row 1.*path;total_conversions"):
        attribution(empty, paths=str(bad_header))
    with pytest.raises(AttributionError, match="no such file"):
        attribution(empty, paths=str(tmp_path / "missing.csv"))
    binary = tmp_path / "paths.xlsx"
    binary.write_bytes(b"PK\x03\x04\x00\x00\xff\xfe\x00\x01" * 50)
    with pytest.raises(AttributionError, match="paths.xlsx: not a text file"):
        attribution(empty, paths=str(binary))
    file = path_file(tmp_path, "a;1;1;1\n")
    with pytest.raises(UnknownNameError, match="did you mean 'markov'"):
        attribution(empty, model="markv", paths=file)
    with pytest.raises(AttributionError, match="path-count file"):
        attribution(empty, model="w", paths=file)
    with pytest.raises(AttributionError, match="1, 2 or 3"):
        attribution(empty, model="markov", order="4", paths=file)
    with pytest.raises(AttributionError, match="--lookback"):
        attribution(empty, lookback="ninety", paths=file)
    result = runner.invoke(app, ["attribution", "--unit", "acount", "--paths", file, "-w", str(empty.root)])
    assert result.exit_code == 1 and "did you mean 'account'" in result.output and "Traceback" not in result.output


def test_shapley_refuses_more_than_fifteen_channels_and_all_leaves_it_out(empty, tmp_path):
    many = " > ".join(f"c{i:02d}" for i in range(16))
    file = path_file(tmp_path, f"{many};1;1;0\n")
    with pytest.raises(AttributionError, match="at most 15 channels; the journeys have 16"):
        attribution(empty, model="shapley", paths=file)
    assert "shapley" not in attribution(empty, model="linear", paths=file).params["models"]
    assert "shapley" not in attribution(empty, paths=file).params["models"]


def test_the_chart_compares_the_models_per_channel(tiny_company):
    data = json.loads(json.dumps(attribution(tiny_company, model="all").to_dict()))
    (figure,) = charts(data, "ja")
    assert [t["name"] for t in figure["data"]][:2] == ["ファーストタッチ", "ラストタッチ"]
    linear = next(t for t in figure["data"] if t["name"] == "均等配分")
    assert dict(zip(linear["x"], linear["y"], strict=True)) == pytest.approx(by(attribution(tiny_company, model="linear"), "linear"))
    assert figure["layout"]["barmode"] == "group"
