"""Shared statistics, each number checked against a published figure or an independent computation.

The independent computations here deliberately take another route than the code: the Wilson
bounds as roots of a quadratic, Poisson p-values in exact rational arithmetic, q-values by their
definition, chi-square from the 2x2 table.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from statistics import NormalDist

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kpiflow.errors import KpiflowError
from kpiflow.stats import (
    SMALL_SAMPLE,
    StatsError,
    benjamini_hochberg,
    compound_poisson_test,
    is_small,
    js_divergence_term,
    log_mean,
    normal_quantile,
    poisson_rate_test,
    student_t_two_sided_p,
    two_proportion_test,
    welch_test,
    wilson_interval,
)

# The 97.5% standard normal quantile, as tabulated to 15 digits.
Z_975 = 1.959963984540054


# -- normal quantile --------------------------------------------------------------------------

# p, z from standard normal tables
NORMAL_TABLE = [
    (0.5, 0.0),
    (0.841344746, 1.0),
    (0.95, 1.644853627),
    (0.975, 1.959963985),
    (0.995, 2.575829304),
    (0.025, -1.959963985),
    (0.001, -3.090232306),
]


@pytest.mark.parametrize(("p", "z"), NORMAL_TABLE)
def test_normal_quantile_matches_the_tables(p, z):
    assert normal_quantile(p) == pytest.approx(z, abs=1e-8)


@pytest.mark.parametrize("p", [0.0, 1.0, -0.1, 1.5, math.nan])
def test_normal_quantile_needs_a_probability_strictly_inside_0_1(p):
    with pytest.raises(StatsError, match="strictly between 0 and 1"):
        normal_quantile(p)


# -- Wilson interval --------------------------------------------------------------------------


def wilson_by_quadratic(successes: int, trials: int, z: float) -> tuple[float, float]:
    """The bounds are the p where |x/n - p| = z sqrt(p(1-p)/n), i.e. the roots of
    (n + z^2) p^2 - (2x + z^2) p + x^2/n = 0."""
    a = trials + z * z
    b = -(2 * successes + z * z)
    c = successes * successes / trials
    root = math.sqrt(b * b - 4 * a * c)
    return ((-b - root) / (2 * a), (-b + root) / (2 * a))


# successes, trials, published lower and upper bound (Newcombe 1998, Stat Med 17:857-872, Table I, method 3)
NEWCOMBE_TABLE_I = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
]


@pytest.mark.parametrize(("successes", "trials", "low", "high"), NEWCOMBE_TABLE_I)
def test_wilson_interval_matches_newcombe_1998(successes, trials, low, high):
    got = wilson_interval(successes, trials)
    assert (round(got[0], 4), round(got[1], 4)) == (low, high)
    independent = wilson_by_quadratic(successes, trials, Z_975)
    assert got == pytest.approx(independent, abs=1e-12)


@given(trials=st.integers(1, 10_000), data=st.data(), confidence=st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_wilson_interval_is_the_pair_of_quadratic_roots(trials, data, confidence):
    successes = data.draw(st.integers(0, trials))
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    low, high = wilson_interval(successes, trials, confidence)
    expected_low, expected_high = wilson_by_quadratic(successes, trials, z)
    assert low == pytest.approx(max(0.0, expected_low), abs=1e-12)
    assert high == pytest.approx(min(1.0, expected_high), abs=1e-12)
    assert 0.0 <= low <= successes / trials <= high <= 1.0


def test_wilson_interval_is_exactly_0_or_1_at_the_extremes():
    assert wilson_interval(0, 20)[0] == 0.0
    assert wilson_interval(20, 20)[1] == 1.0
    # by symmetry, all successes mirror no successes
    low, high = wilson_interval(20, 20)
    assert (round(1 - high, 12), round(1 - low, 12)) == tuple(round(v, 12) for v in wilson_interval(0, 20))


def test_wilson_interval_narrows_with_more_trials_and_widens_with_more_confidence():
    def width(interval):
        return interval[1] - interval[0]

    assert width(wilson_interval(30, 100)) > width(wilson_interval(300, 1000))
    assert width(wilson_interval(30, 100, 0.99)) > width(wilson_interval(30, 100, 0.95)) > width(wilson_interval(30, 100, 0.8))


def test_no_trials_gives_an_interval_of_nan():
    low, high = wilson_interval(0, 0)
    assert math.isnan(low) and math.isnan(high)


# arguments, a fragment of the message
BAD_WILSON = [
    ((5, 4), "successes (5) cannot exceed trials (4)"),
    ((-1, 4), "successes must be a whole number >= 0"),
    ((1, 4.0), "trials must be a whole number >= 0"),
    ((1, 4, 1.0), "confidence must be strictly between 0 and 1"),
    ((1, 4, 95), "confidence must be strictly between 0 and 1"),
]


@pytest.mark.parametrize(("args", "fragment"), BAD_WILSON)
def test_wilson_interval_refuses_impossible_counts(args, fragment):
    with pytest.raises(StatsError) as caught:
        wilson_interval(*args)
    assert fragment in str(caught.value)


def test_stats_error_is_a_kpiflow_error_and_a_value_error():
    assert issubclass(StatsError, KpiflowError)
    assert issubclass(StatsError, ValueError)


# -- two proportions --------------------------------------------------------------------------


def pearson_chi_square(x1: int, n1: int, x2: int, n2: int) -> float:
    """Sum of (observed - expected)^2 / expected over the four cells of the 2x2 table."""
    total, successes = n1 + n2, x1 + x2
    observed = [x1, n1 - x1, x2, n2 - x2]
    expected = [
        n1 * successes / total,
        n1 * (total - successes) / total,
        n2 * successes / total,
        n2 * (total - successes) / total,
    ]
    return sum((o - e) ** 2 / e for o, e in zip(observed, expected, strict=True))


def test_two_proportion_test_worked_example():
    # 45/100 against 30/100: pooled 0.375, variance 0.375 * 0.625 * (1/100 + 1/100) = 0.0046875,
    # z^2 = 0.15^2 / 0.0046875 = 4.8 exactly; a chi-square of 4.8 on 1 df has p = 0.0285.
    z, p = two_proportion_test(45, 100, 30, 100)
    assert z * z == pytest.approx(4.8, rel=1e-12)
    assert z > 0
    assert round(p, 4) == 0.0285
    assert p == pytest.approx(2 * (1 - NormalDist().cdf(math.sqrt(4.8))), rel=1e-9)


@given(
    n1=st.integers(1, 500),
    n2=st.integers(1, 500),
    data=st.data(),
)
def test_two_proportion_z_squared_is_pearsons_chi_square(n1, n2, data):
    x1, x2 = data.draw(st.integers(0, n1)), data.draw(st.integers(0, n2))
    assume(0 < x1 + x2 < n1 + n2)
    z, p = two_proportion_test(x1, n1, x2, n2)
    assert z * z == pytest.approx(pearson_chi_square(x1, n1, x2, n2), rel=1e-9, abs=1e-12)
    # NormalDist.cdf goes through 1 + erf(x), so it only agrees to ~1e-16 absolute in the far tail.
    assert p == pytest.approx(2 * NormalDist().cdf(-abs(z)), rel=1e-9, abs=1e-15)
    swapped_z, swapped_p = two_proportion_test(x2, n2, x1, n1)
    assert (swapped_z, swapped_p) == pytest.approx((-z, p))


@pytest.mark.parametrize("counts", [(0, 10, 0, 20), (10, 10, 20, 20), (3, 10, 6, 20)])
def test_identical_proportions_give_z_0_and_p_1(counts):
    assert two_proportion_test(*counts) == pytest.approx((0.0, 1.0))


def test_two_proportion_test_keeps_precision_far_in_the_tail():
    z, p = two_proportion_test(900, 1000, 100, 1000)
    assert z == pytest.approx(0.8 / math.sqrt(0.25 * 0.002))  # pooled 0.5
    assert 0 < p < 1e-200


@pytest.mark.parametrize(
    ("args", "fragment"),
    [((1, 0, 1, 5), "the first group has no trials"), ((6, 5, 1, 5), "more successes (6) than trials (5)")],
)
def test_two_proportion_test_refuses_impossible_counts(args, fragment):
    with pytest.raises(StatsError, match=re.escape(fragment)):
        two_proportion_test(*args)


# -- two Poisson rates ------------------------------------------------------------------------


def exact_poisson_p(c1: int, t1: int, c2: int, t2: int) -> Fraction:
    """The conditional binomial p-value in exact rational arithmetic: sum of P(k) <= P(c1)."""
    n = c1 + c2
    share = Fraction(t1, t1 + t2)
    pmf = [math.comb(n, k) * share**k * (1 - share) ** (n - k) for k in range(n + 1)]
    return min(Fraction(1), sum(p for p in pmf if p <= pmf[c1]))


# c1, t1, c2, t2, p-value worked by hand
POISSON_BY_HAND = [
    # n = 3, share 1/2: P = 1/8, 3/8, 3/8, 1/8; outcomes as unlikely as 3 are 0 and 3.
    (3, 1, 0, 1, Fraction(2, 8)),
    # n = 12, share 1/2: 2 * (C(12,10) + C(12,11) + C(12,12)) / 2^12 = 2 * 79 / 4096.
    (10, 1, 2, 1, Fraction(158, 4096)),
    # n = 2, share 1/2: P = 1/4, 1/2, 1/4; observing the mode leaves nothing less likely out.
    (1, 1, 1, 1, Fraction(1)),
    # n = 4, share 1/3: P(k) = C(4,k) 2^(4-k) / 81 = 16, 32, 24, 8, 1 (/81); P(4) = 1/81 is the least likely.
    (4, 1, 0, 2, Fraction(1, 81)),
    # the same table, observing k = 3 (8/81): outcomes 3 and 4 are no more likely.
    (3, 1, 1, 2, Fraction(9, 81)),
]


@pytest.mark.parametrize(("c1", "t1", "c2", "t2", "expected"), POISSON_BY_HAND)
def test_poisson_rate_test_small_cases_by_hand(c1, t1, c2, t2, expected):
    assert poisson_rate_test(c1, t1, c2, t2) == pytest.approx(float(expected), rel=1e-12)
    assert exact_poisson_p(c1, t1, c2, t2) == expected


def test_poisson_rate_test_matches_the_r_documentation_example():
    # R ?poisson.test: poisson.test(c(11, 6+8+7), c(800, 1083+1050+878)) prints p-value = 0.07967.
    p = poisson_rate_test(11, 800, 6 + 8 + 7, 1083 + 1050 + 878)
    assert round(p, 5) == 0.07967
    assert p == pytest.approx(float(exact_poisson_p(11, 800, 21, 3011)), rel=1e-9)


@given(
    c1=st.integers(0, 40),
    c2=st.integers(0, 40),
    t1=st.integers(1, 6),
    t2=st.integers(1, 6),
)
def test_poisson_rate_test_agrees_with_exact_rational_arithmetic(c1, c2, t1, t2):
    assume(c1 + c2 > 0)
    assert poisson_rate_test(c1, t1, c2, t2) == pytest.approx(float(exact_poisson_p(c1, t1, c2, t2)), rel=1e-9)


def test_poisson_rate_test_does_not_underflow_with_large_counts():
    # share 1/2: P(k) = C(n, k) / 2^n, so the exact p-value is a ratio of integers.
    c1, c2 = 5_000, 4_800
    n = c1 + c2
    row = [1]  # C(n, 0), C(n, 1), ... by C(n, k + 1) = C(n, k) (n - k) / (k + 1)
    for k in range(n):
        row.append(row[-1] * (n - k) // (k + 1))
    exact = Fraction(sum(c for c in row if c <= row[c1]), 2**n)
    assert poisson_rate_test(c1, 7.5, c2, 7.5) == pytest.approx(float(exact), rel=1e-9)


def test_poisson_rate_test_is_symmetric_and_1_without_events():
    assert poisson_rate_test(7, 2.0, 3, 5.0) == pytest.approx(poisson_rate_test(3, 5.0, 7, 2.0), rel=1e-12)
    assert poisson_rate_test(0, 1, 0, 3) == 1.0
    assert poisson_rate_test(5, 2, 10, 4) == 1.0  # observed rates equal and at the mode: every outcome counts


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((-1, 1, 2, 1), "the first count must be a whole number >= 0"),
        ((1, 1, 2.5, 1), "the second count must be a whole number >= 0"),
        ((1, 0, 2, 1), "the first exposure must be a finite number > 0"),
        ((1, 1, 2, math.inf), "the second exposure must be a finite number > 0"),
    ],
)
def test_poisson_rate_test_refuses_bad_counts_and_exposures(args, fragment):
    with pytest.raises(StatsError) as caught:
        poisson_rate_test(*args)
    assert fragment in str(caught.value)


# (c1, t1, c2, t2) compared with scipy when it happens to be installed
SCIPY_CASES = [(11, 800, 21, 3011), (10, 1, 2, 1), (6, 1.0, 2, 3.0), (0, 2, 9, 1), (37, 12.5, 50, 30.25), (400, 1, 350, 1)]


@pytest.mark.parametrize(("c1", "t1", "c2", "t2"), SCIPY_CASES)
def test_poisson_rate_test_agrees_with_scipy_binomtest(c1, t1, c2, t2):
    scipy_stats = pytest.importorskip("scipy.stats")
    expected = scipy_stats.binomtest(c1, c1 + c2, t1 / (t1 + t2)).pvalue
    assert poisson_rate_test(c1, t1, c2, t2) == pytest.approx(expected, rel=1e-7)


# -- Benjamini-Hochberg ----------------------------------------------------------------------


def q_values_by_definition(p_values: list[float]) -> list[float]:
    """q_i = min over every p_(j) >= p_i of m * p_(j) / j (j its rank among the sorted p-values), capped at 1."""
    m = len(p_values)
    ranked = sorted(p_values)
    return [min(1.0, min(m * ranked[j] / (j + 1) for j in range(m) if ranked[j] >= p)) for p in p_values]


def test_benjamini_hochberg_hand_worked_example():
    # sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); m * p / rank = 0.02, 0.02, 0.04, 0.04;
    # the running minimum from the top changes nothing; results return in the order given.
    assert benjamini_hochberg([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.02, 0.04, 0.04, 0.02])


def test_benjamini_hochberg_takes_the_minimum_over_larger_p_values():
    # m * p / rank = 0.075, 0.042, 0.03: the larger p-value's 0.03 is lower, so all three become 0.03.
    assert benjamini_hochberg([0.025, 0.028, 0.03]) == pytest.approx([0.03, 0.03, 0.03])


# The 15 p-values of Benjamini & Hochberg (1995), J R Stat Soc B 57:289-300, section 4.
BH_1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000]


def test_benjamini_hochberg_1995_example_rejects_four_at_0_05():
    q = benjamini_hochberg(BH_1995)
    assert [p for p, qv in zip(BH_1995, q, strict=True) if qv <= 0.05] == [0.0001, 0.0004, 0.0019, 0.0095]
    # Bonferroni, the paper's comparison, rejects only three.
    assert sum(p * len(BH_1995) <= 0.05 for p in BH_1995) == 3
    # hand-worked: the fourth is 0.0095 * 15 / 4; the fifth 0.0201 * 15 / 5; the sixth is lowered to the seventh's.
    assert q[3] == pytest.approx(0.035625)
    assert q[4] == pytest.approx(0.0603)
    assert q[5] == pytest.approx(0.0298 * 15 / 7)
    assert q == pytest.approx(q_values_by_definition(BH_1995))


@given(st.lists(st.floats(0, 1), max_size=40))
def test_benjamini_hochberg_matches_its_definition(p_values):
    q = benjamini_hochberg(p_values)
    assert q == pytest.approx(q_values_by_definition(p_values), rel=1e-12)
    assert all(p * (1 - 1e-12) <= qv <= 1 for p, qv in zip(p_values, q, strict=True))
    # monotone: a smaller p-value never gets a larger q-value
    pairs = sorted(zip(p_values, q, strict=True))
    assert all(a[1] <= b[1] for a, b in zip(pairs, pairs[1:], strict=False))


def test_benjamini_hochberg_gives_ties_equal_q_values_and_accepts_no_p_values():
    q = benjamini_hochberg([0.04, 0.01, 0.04, 0.04])
    assert q[0] == q[2] == q[3]
    assert benjamini_hochberg([]) == []


@pytest.mark.parametrize("bad", [1.5, -0.01, math.nan])
def test_benjamini_hochberg_refuses_numbers_that_are_not_p_values(bad):
    with pytest.raises(StatsError, match="p-value #2"):
        benjamini_hochberg([0.1, bad])


# -- logarithmic mean ------------------------------------------------------------------------


# a, b, L(a, b) worked by hand
LOG_MEAN_BY_HAND = [
    (2.0, 8.0, 6 / math.log(4)),
    (1.0, math.e, math.e - 1),
    (5.0, 5.0, 5.0),
    (3.0, 0.0, 0.0),
    (0.0, 0.0, 0.0),
    (100.0, 1.0, 99 / math.log(100)),
]


@pytest.mark.parametrize(("a", "b", "expected"), LOG_MEAN_BY_HAND)
def test_log_mean_by_hand(a, b, expected):
    assert log_mean(a, b) == pytest.approx(expected, rel=1e-14)
    assert log_mean(b, a) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("h", [1e-4, 1e-8, 1e-12, -1e-12])
def test_log_mean_stays_accurate_when_the_arguments_nearly_agree(h):
    # L(1, 1 + h) = h / ln(1 + h) = 1 + h/2 - h^2/12 + h^3/24 + O(h^4)
    assert log_mean(1.0, 1.0 + h) == pytest.approx(1 + h / 2 - h**2 / 12 + h**3 / 24, rel=2e-16, abs=0)


positive = st.floats(1e-6, 1e6, allow_nan=False, allow_infinity=False)


@given(a=positive, b=positive)
def test_log_mean_lies_between_the_geometric_and_arithmetic_means(a, b):
    value = log_mean(a, b)
    assert value == log_mean(b, a)
    assert math.sqrt(a * b) * (1 - 1e-12) <= value <= (a + b) / 2 * (1 + 1e-12)


@given(a=positive, b=positive, k=st.floats(1e-3, 1e3))
def test_log_mean_is_homogeneous_and_inverts_the_log_difference(a, b, k):
    assert log_mean(k * a, k * b) == pytest.approx(k * log_mean(a, b), rel=1e-10)
    assume(abs(a - b) > 1e-3 * max(a, b))  # well away from a = b, where the defining quotient is 0/0
    assert log_mean(a, b) * (math.log(a) - math.log(b)) == pytest.approx(a - b, rel=1e-10)


@pytest.mark.parametrize(("a", "b"), [(-1.0, 2.0), (1.0, math.nan), (math.inf, 1.0)])
def test_log_mean_refuses_negative_and_non_finite_numbers(a, b):
    with pytest.raises(StatsError, match="finite numbers >= 0"):
        log_mean(a, b)


# -- small samples ---------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "small"), [(0, True), (29, True), (30, False), (1000, False)])
def test_fewer_than_thirty_is_a_small_sample(n, small):
    assert SMALL_SAMPLE == 30
    assert is_small(n) is small


# -- tests on amounts (explain): Welch, compound Poisson, Student t, Jensen-Shannon -----------


def test_student_t_p_values_by_closed_form():
    # df = 1 is the Cauchy distribution: P(|T| > t) = 1 - 2 atan(t) / pi. df = 2: 1 - t / sqrt(2 + t^2).
    for t in (0.0, 0.3, 1.0, 4.0, 50.0):
        assert student_t_two_sided_p(t, 1) == pytest.approx(1 - 2 * math.atan(t) / math.pi, rel=1e-12, abs=1e-15)
        assert student_t_two_sided_p(-t, 2) == pytest.approx(1 - t / math.sqrt(2 + t * t), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize(("t", "df"), [(0.1, 1), (5, 2.5), (40, 100), (-3, 7.3), (2.1, 1e4)])
def test_student_t_p_values_agree_with_scipy(t, df):
    scipy_stats = pytest.importorskip("scipy.stats")
    assert student_t_two_sided_p(t, df) == pytest.approx(2 * scipy_stats.t.sf(abs(t), df), rel=1e-10)


WELCH_CASES = [
    ([1, 2], [3, 5]),
    ([100, 250, 90, 400, 120], [300, 180, 520, 610, 240, 330]),
    ([3.1e6, 2.2e6, 9e6], [1e6] * 2 + [5e6]),
]


@pytest.mark.parametrize(("a", "b"), WELCH_CASES)
def test_welch_test_from_moments_agrees_with_scipy(a, b):
    scipy_stats = pytest.importorskip("scipy.stats")
    t, df, p = welch_test(len(a), sum(a), sum(x * x for x in a), len(b), sum(b), sum(x * x for x in b))
    expected = scipy_stats.ttest_ind(a, b, equal_var=False)
    assert t == pytest.approx(expected.statistic, rel=1e-9)
    assert df == pytest.approx(expected.df, rel=1e-9)
    assert p == pytest.approx(expected.pvalue, rel=1e-9)


def test_welch_test_needs_two_values_and_handles_no_spread():
    with pytest.raises(KpiflowError, match="at least 2"):
        welch_test(1, 5, 25, 3, 6, 14)
    assert welch_test(2, 10, 50, 3, 15, 75) == (0.0, math.inf, 1.0)  # 5, 5 and 5, 5, 5


def test_compound_poisson_test_by_hand():
    # amounts 3 and 4 over 2 days against 10 over 5 days: rates 3.5 and 2 per day,
    # variance 25 / 4 + 100 / 25 = 10.25, z = 1.5 / sqrt(10.25).
    z, p = compound_poisson_test(7, 25, 2, 10, 100, 5)
    assert z == pytest.approx(1.5 / math.sqrt(10.25), rel=1e-15)
    assert p == pytest.approx(2 * (1 - NormalDist().cdf(z)), rel=1e-12)
    assert compound_poisson_test(0, 0, 1, 0, 0, 1) == (0.0, 1.0)
    # With every amount 1 it is the normal approximation of the Poisson rate comparison.
    z, _ = compound_poisson_test(30, 30, 1, 20, 20, 1)
    assert z == pytest.approx(10 / math.sqrt(50))


def test_jensen_shannon_terms_sum_to_scipy_divergence():
    distance = pytest.importorskip("scipy.spatial.distance")
    p, q = [0.2, 0.5, 0.3, 0.0], [0.1, 0.6, 0.1, 0.2]
    total = math.fsum(js_divergence_term(a, b) for a, b in zip(p, q, strict=True))
    assert total == pytest.approx(distance.jensenshannon(p, q) ** 2, rel=1e-12)
    assert js_divergence_term(0.3, 0.3) == 0 and js_divergence_term(0, 0) == 0
    assert js_divergence_term(0, 1) == pytest.approx(math.log(2) / 2)  # all of one element's share is new
