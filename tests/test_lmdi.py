"""LMDI-I decomposition, checked against LMDIR's published figures, hand-worked examples and properties.

The independent computations here take another route than the code: the plain textbook formula
with `math.log` of the ratios (no residual spreading), the change as a difference of products,
and the zero rules as limits of Ang's small-value strategy evaluated with a tiny value.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import dataset
from kpiflow.analysis.lmdi import (
    Contribution,
    DecompositionError,
    decompose,
    decompose_product,
    decompose_tree,
)
from kpiflow.errors import KpiflowError


def rows(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def close(a: float, b: float, scale: float = 0.0) -> bool:
    """Relative error below 1e-9, with a floor at 1e-12 of the gross amounts (floating-point rounding)."""
    return abs(a - b) <= 1e-9 * abs(b) + 1e-12 * scale


# -- LMDIR (R package) fixture -----------------------------------------------------------------


@pytest.fixture(scope="module")
def lmdir():
    path = dataset("lmdi_lmdir_simple")
    years: dict[str, dict[str, dict[str, float]]] = defaultdict(dict)
    for row in rows(path / "input.csv"):
        years[row["year"]][row["subcategory"]] = {k: float(row[k]) for k in ("factor_1", "factor_2", "factor_3")}
    return path, years


def test_lmdir_additive_and_multiplicative_every_year_pair(lmdir):
    path, years = lmdir
    expected = rows(path / "expected.csv")
    assert len(expected) == 3
    for row in expected:
        result = decompose(years[row["from_year"]], years[row["to_year"]])
        assert result.change == pytest.approx(float(row["dV_agg"]), abs=1e-8)
        assert result.end / result.start == pytest.approx(float(row["D_agg"]), abs=1e-8)
        ratios = result.ratios()
        for factor in ("factor_1", "factor_2", "factor_3"):
            assert result.contributions[factor] == pytest.approx(float(row[f"dV_{factor}"]), abs=1e-8)
            assert ratios[factor] == pytest.approx(float(row[f"D_{factor}"]), abs=1e-8)


def test_lmdir_cells_1971_1972(lmdir):
    path, years = lmdir
    result = decompose(years["1971"], years["1972"])
    expected = rows(path / "expected_Zij_1971_1972.csv")
    assert len(expected) == len(result.cells) == 6
    for row in expected:
        assert result.cells[(row["subcategory"], row["factor"])] == pytest.approx(float(row["Z_LMDI_I"]), abs=1e-8)


# -- hand-worked examples ----------------------------------------------------------------------


def test_one_factor_takes_the_whole_change():
    # revenue = deals x size; only deals moves: 10 x 5 = 50 -> 20 x 5 = 100
    assert decompose_product({"deals": 10, "size": 5}, {"deals": 20, "size": 5}) == {"deals": 50.0, "size": 0.0}


def test_opposite_moves_cancel_at_the_log_mean():
    # 10 x 10 = 100 -> 20 x 5 = 100: L(100, 100) = 100, so +-100 ln 2
    out = decompose_product({"deals": 10, "size": 10}, {"deals": 20, "size": 5})
    assert out["deals"] == pytest.approx(100 * math.log(2), rel=1e-15)
    assert out["size"] == pytest.approx(-100 * math.log(2), rel=1e-15)


def test_two_factors_by_hand():
    # 4 x 5 = 20 -> 6 x 5.5 = 33: L(33, 20) = 13 / ln 1.65; deals get L ln 1.5, size L ln 1.1
    weight = 13 / math.log(1.65)
    out = decompose_product({"deals": 4, "size": 5}, {"deals": 6, "size": 5.5})
    assert out["deals"] == pytest.approx(weight * math.log(1.5), rel=1e-14)
    assert out["size"] == pytest.approx(weight * math.log(1.1), rel=1e-14)
    assert out["deals"] + out["size"] == pytest.approx(13, rel=1e-15)


def test_equal_periods_give_zero():
    table = {"ads": {"deals": 3.0, "size": 7.0}, "events": {"deals": 0.0, "size": 2.0}}
    result = decompose(table, table)
    assert result.change == 0
    assert set(result.contributions.values()) == {0.0}
    assert set(result.cells.values()) == {0.0}
    assert result.ratios() == {"deals": 1.0, "size": 1.0}


def test_factor_from_zero_takes_the_whole_value():
    # 0 x 5 -> 3 x 6 = 18: the limit of L(18, d) ln(3 / d) as d -> 0 is 18, the size term vanishes
    assert decompose_product({"deals": 0, "size": 5}, {"deals": 3, "size": 6}) == {"deals": 18.0, "size": 0.0}


def test_factor_to_zero_takes_the_whole_loss():
    assert decompose_product({"deals": 3, "size": 6}, {"deals": 3, "size": 0}) == {"deals": 0.0, "size": -18.0}


def test_two_factors_from_zero_share_equally():
    out = decompose_product({"deals": 0, "size": 0, "rate": 2}, {"deals": 3, "size": 4, "rate": 5})
    assert out == {"deals": 30.0, "size": 30.0, "rate": 0.0}


def test_zero_in_both_periods_contributes_nothing():
    assert decompose_product({"deals": 0, "size": 5}, {"deals": 2, "size": 0}) == {"deals": 0.0, "size": 0.0}


def test_small_value_strategy_converges_to_the_zero_rule():
    # Ang's strategy: replace 0 by a tiny d. The limit rule is the d -> 0 value (slow: 1 / ln d).
    exact = decompose_product({"deals": 0, "size": 5}, {"deals": 3, "size": 6})
    for d, tolerance in ((1e-20, 0.05), (1e-200, 0.005)):
        near = decompose_product({"deals": d, "size": 5}, {"deals": 3, "size": 6})
        assert near["deals"] == pytest.approx(exact["deals"], rel=tolerance)
        assert abs(near["size"]) < tolerance * 18


def test_sign_change_goes_through_zero():
    # margin 2 -> -1 with volume 10 -> 20: 20 -> -20, the whole -40 to the factor that crossed 0
    assert decompose_product({"margin": 2, "volume": 10}, {"margin": -1, "volume": 20}) == {"margin": -40.0, "volume": 0.0}


def test_two_sign_flips_credit_the_magnitudes():
    # (-2) x (-3) = 6 -> 4 x 1.5 = 6 and both flip: the value keeps its sign, magnitudes double and halve
    out = decompose_product({"a": -2, "b": -3}, {"a": 4, "b": 1.5})
    assert out["a"] == pytest.approx(6 * math.log(2), rel=1e-15)
    assert out["b"] == pytest.approx(-6 * math.log(2), rel=1e-15)


def test_negative_value_with_the_same_sign():
    # loss -10 x 2 = -20 -> -15 x 2 = -30: L(-30, -20) = -L(30, 20), ln(15 / 10) > 0, contribution -10
    assert decompose_product({"margin": -10, "volume": 2}, {"margin": -15, "volume": 2}) == pytest.approx(
        {"margin": -10.0, "volume": 0.0}, abs=1e-14
    )


def test_new_subcategory_is_shared_by_all_factors():
    start = {"ads": {"deals": 2, "size": 3}}
    end = {"ads": {"deals": 2, "size": 3}, "events": {"deals": 1, "size": 4}}
    result = decompose(start, end)
    assert result.cells == {("ads", "deals"): 0.0, ("ads", "size"): 0.0, ("events", "deals"): 2.0, ("events", "size"): 2.0}
    assert result.contributions == {"deals": 2.0, "size": 2.0}
    assert (result.start, result.end, result.change) == (6.0, 10.0, 4.0)


def test_lost_subcategory_is_shared_by_all_factors():
    result = decompose({"ads": {"deals": 2, "size": 3}, "events": {"deals": 1, "size": 4}}, {"ads": {"deals": 2, "size": 3}})
    assert result.contributions == {"deals": -2.0, "size": -2.0}


def test_multiplicative_by_hand():
    # one sub-category: D_k is the factor's own ratio
    ratios = decompose({"": {"deals": 4, "size": 5}}, {"": {"deals": 6, "size": 5.5}}).ratios()
    assert ratios["deals"] == pytest.approx(1.5, rel=1e-14)
    assert ratios["size"] == pytest.approx(1.1, rel=1e-14)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ({"deals": 0, "size": 5}, {"deals": 3, "size": 6}),  # V^0 = 0
        ({"deals": 3, "size": 6}, {"deals": 0, "size": 6}),  # V^T = 0
        ({"margin": 2, "volume": 10}, {"margin": -1, "volume": 20}),  # sign change
    ],
)
def test_multiplicative_needs_a_positive_ratio(start, end):
    result = decompose({"": start}, {"": end})
    with pytest.raises(DecompositionError, match="same sign, neither 0") as info:
        result.ratios()
    assert isinstance(info.value, KpiflowError) and isinstance(info.value, ValueError)
    assert math.fsum(result.contributions.values()) == result.change  # the additive one still works


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ({}, {}, "nothing to decompose"),
        ({"a": {"x": 1, "y": 2}}, {"a": {"x": 1}}, r"'a' in the end period .* missing \['y'\]"),
        ({"a": {"x": 1}}, {"a": {"x": 1, "z": 2}}, r"unexpected \['z'\]"),
        ({"a": {}}, {"a": {}}, "no factors"),
        ({"a": {"x": float("nan")}}, {"a": {"x": 1}}, "factor 'x' of sub-category 'a' in the start period must be a finite"),
        ({"a": {"x": "3"}}, {"a": {"x": 1}}, "finite number"),
        ({"a": {"x": True}}, {"a": {"x": 1}}, "finite number"),
        ({"a": {"x": 1e200, "y": 1e200}}, {"a": {"x": 1, "y": 1}}, "overflows"),
        ([1, 2], {"a": {"x": 1}}, "mapping"),
    ],
)
def test_refusals_say_what_is_wrong(start, end, message):
    with pytest.raises(DecompositionError, match=message):
        decompose(start, end)


# -- KPI trees ---------------------------------------------------------------------------------

TREE = {"revenue": ["won_deals", "avg_deal_size"], "won_deals": ["deals", "win_rate"]}


def tree_values(deals: float, win_rate: float, size: float) -> dict[str, float]:
    return {
        "revenue": deals * win_rate * size,
        "won_deals": deals * win_rate,
        "deals": deals,
        "win_rate": win_rate,
        "avg_deal_size": size,
    }


def test_tree_by_hand():
    # revenue 100 x 0.2 x 50 = 1000 -> 120 x 0.25 x 40 = 1200; weight L(1200, 1000) = 200 / ln 1.2
    top = decompose_tree(TREE, "revenue", tree_values(100, 0.2, 50), tree_values(120, 0.25, 40))
    weight = 200 / math.log(1.2)
    assert top.contribution == pytest.approx(200, rel=1e-14)
    won, size = top.factors
    assert (won.metric, size.metric) == ("won_deals", "avg_deal_size")
    assert won.contribution == pytest.approx(weight * math.log(1.5), rel=1e-13)
    assert size.contribution == pytest.approx(weight * math.log(0.8), rel=1e-13)
    assert won.change == pytest.approx(10)  # its own change, in deals
    leaves = top.leaves()
    assert leaves["deals"] == pytest.approx(200, rel=1e-13)  # L(1200, 1000) ln 1.2 = 200: deals alone grew revenue 20%
    assert leaves["win_rate"] == pytest.approx(weight * math.log(1.25), rel=1e-13)
    assert leaves.keys() == {"deals", "win_rate", "avg_deal_size"}
    assert [node.metric for node in top.walk()] == ["revenue", "won_deals", "deals", "win_rate", "avg_deal_size"]


def test_tree_through_zero():
    # no deals at the start: the root's whole change goes to won_deals, and within it to deals
    top = decompose_tree(TREE, "revenue", tree_values(0, 0.2, 50), tree_values(10, 0.25, 40))
    assert top.leaves() == {"deals": 100.0, "win_rate": 0.0, "avg_deal_size": 0.0}
    assert top.factors[0].contribution == 100.0


def test_leaf_root():
    assert decompose_tree({}, "revenue", {"revenue": 3}, {"revenue": 5}) == Contribution("revenue", 3.0, 5.0, 2.0)


@pytest.mark.parametrize(
    ("tree", "start", "message"),
    [
        (TREE, tree_values(100, 0.2, 50) | {"revenue": 1001}, r"'revenue' is 1001.0 in the start period but the product"),
        (TREE, {k: v for k, v in tree_values(100, 0.2, 50).items() if k != "win_rate"}, "no start value for 'win_rate'"),
        ({"revenue": ["revenu"]}, {"revenue": 1, "revenu": 1}, "no end value for 'revenu'"),
        ({"a": ["b"], "b": ["a"]}, {"a": 1, "b": 1}, "cycle: a -> b -> a"),
    ],
)
def test_tree_refusals(tree, start, message):
    end = tree_values(120, 0.25, 40) if tree is TREE else {"a": 1, "b": 1, "revenue": 1}
    with pytest.raises(DecompositionError, match=message):
        decompose_tree(tree, "revenue" if "revenue" in tree else "a", start, end)


def test_tree_misspelt_metric_gets_a_suggestion():
    with pytest.raises(DecompositionError, match="did you mean 'win_rate'"):
        decompose_tree(
            {"won": ["deals", "winrate"]},
            "won",
            {"won": 2, "deals": 10, "winrate": 0.2},
            {"won": 2, "win_rate": 0.2, "deals": 10},
        )


# -- properties --------------------------------------------------------------------------------

positive = st.floats(min_value=1e-3, max_value=1e3)
anything = st.one_of(st.just(0.0), positive, positive.map(lambda x: -x))


def tables(values, max_factors=4, max_subs=4, allow_missing=False):
    """Two periods {sub: {factor: value}} with the same factors and sub-categories (some may be absent)."""

    @st.composite
    def build(draw):
        factors = [f"f{k}" for k in range(draw(st.integers(1, max_factors)))]
        subs = [f"s{i}" for i in range(draw(st.integers(1, max_subs)))]
        periods = []
        for _ in range(2):
            table = {sub: {f: draw(values) for f in factors} for sub in subs}
            if allow_missing:
                table = {sub: row for sub, row in table.items() if draw(st.booleans())}
            periods.append(table)
        return periods

    return build()


def products(table, subs, factors):
    return [math.prod(table[sub][f] for f in factors) if sub in table else 0.0 for sub in subs]


def check_sums(start, end, result):
    subs = list(dict.fromkeys([*start, *end]))
    factors = list(result.contributions)
    v0, v1 = products(start, subs, factors), products(end, subs, factors)
    change = math.fsum(v1) - math.fsum(v0)
    gross = math.fsum(abs(c) for c in result.cells.values()) + math.fsum(map(abs, v0 + v1))
    assert all(math.isfinite(c) for c in [*result.cells.values(), *result.contributions.values()])
    assert close(math.fsum(result.contributions.values()), change, gross)
    assert close(result.change, change, gross)
    for sub, a, b in zip(subs, v0, v1, strict=True):
        assert close(math.fsum(result.cells[(sub, f)] for f in factors), b - a, gross)
    for f in factors:
        assert math.fsum(result.cells[(sub, f)] for sub in subs) == pytest.approx(result.contributions[f], abs=1e-12 * gross)


@given(tables(positive))
def test_positive_contributions_sum_to_the_change_and_ratios_multiply_to_the_ratio(periods):
    start, end = periods
    result = decompose(start, end)
    check_sums(start, end, result)
    ratios = result.ratios()
    assert math.prod(ratios.values()) == pytest.approx(result.end / result.start, rel=1e-9)
    # the textbook formula, cell by cell
    for (sub, f), cell in result.cells.items():
        v0, v1 = math.prod(start[sub].values()), math.prod(end[sub].values())
        weight = v0 if v0 == v1 else (v1 - v0) / math.log(v1 / v0)
        assert cell == pytest.approx(weight * math.log(end[sub][f] / start[sub][f]), rel=1e-9, abs=1e-12 * (v0 + v1))


@given(tables(positive.map(lambda x: 1 + x)))
def test_factors_all_growing_sum_to_the_change_relatively(periods):
    # no cancellation between factors: the plain relative error is below 1e-9
    start = {sub: {f: 1.0 for f in row} for sub, row in periods[0].items()}
    result = decompose(start, periods[1])
    assert abs(math.fsum(result.contributions.values()) - result.change) <= 1e-9 * result.change


@given(tables(anything, allow_missing=True))
@settings(max_examples=300)
def test_zeros_signs_and_missing_subcategories_never_break_the_sum(periods):
    start, end = periods
    if not start and not end:
        return
    check_sums(start, end, decompose(start, end))


@given(tables(positive, max_subs=1))
def test_equal_periods_give_zero_contributions(periods):
    start, _ = periods
    result = decompose(start, start)
    assert set(result.contributions.values()) == {0.0}
    assert set(result.ratios().values()) == {1.0}


@given(tables(anything, max_subs=1))
def test_decompose_product_matches_a_single_subcategory(periods):
    start, end = periods
    assert decompose_product(start["s0"], end["s0"]) == decompose({"x": start["s0"]}, {"x": end["s0"]}).contributions


@given(st.lists(anything, min_size=6, max_size=6))
def test_tree_sums_at_every_level(values):
    # revenue = won_deals x avg_deal_size, won_deals = deals x win_rate, deals = leads x conversion
    tree = {"revenue": ["won_deals", "avg_deal_size"], "won_deals": ["deals", "win_rate"], "deals": ["leads", "conversion"]}
    periods = []
    for leads, conversion, win_rate in (values[:3], values[3:]):
        deals = leads * conversion
        periods.append(
            {"leads": leads, "conversion": conversion, "deals": deals, "win_rate": win_rate, "won_deals": deals * win_rate}
        )
    for period, size in zip(periods, (7.5, 3.0), strict=True):
        period |= {"avg_deal_size": size, "revenue": period["won_deals"] * size}
    top = decompose_tree(tree, "revenue", *periods)
    change = periods[1]["revenue"] - periods[0]["revenue"]
    scale = abs(periods[0]["revenue"]) + abs(periods[1]["revenue"])
    assert top.contribution == change
    for node in top.walk():
        assert math.isfinite(node.contribution)
        if node.factors:
            gross = scale + math.fsum(abs(f.contribution) for f in node.factors)
            assert close(math.fsum(f.contribution for f in node.factors), node.contribution, gross)
    assert top.leaves().keys() == {"leads", "conversion", "win_rate", "avg_deal_size"}
    assert close(math.fsum(top.leaves().values()), change, scale + math.fsum(abs(v) for v in top.leaves().values()))
    # the root level is the same as decomposing the product directly
    direct = decompose_product({f: periods[0][f] for f in tree["revenue"]}, {f: periods[1][f] for f in tree["revenue"]})
    assert [f.contribution for f in top.factors] == pytest.approx(list(direct.values()), abs=1e-12 * (scale + 1))
