"""Intervals and tests that the analyses share: rates with honest error bars, comparisons, FDR.

Pure Python (``math`` and ``statistics`` only), no I/O, nothing done at import time.

Conventions:

- Proportions get a Wilson score interval (no continuity correction), clipped to ``[0, 1]``. With
  no trials there is no information: the interval is ``(nan, nan)``, so it flows through tables
  and charts as "missing" without a special case.
- p-values are two-sided. Comparing two rates of events over exposure (deals per month, leads
  per 1,000 visits) uses the exact conditional test of two Poisson counts.
- Fewer than `SMALL_SAMPLE` observations is a small sample: analyses say so beside the number.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

from kpiflow.errors import KpiflowError

SMALL_SAMPLE = 30
"""Below this many observations a rate is flagged as a small sample."""

_STANDARD_NORMAL = NormalDist()

# Probabilities within this relative distance of the observed one count as "as extreme"
# (the tolerance R's binom.test uses, so that ties survive floating-point noise).
_RELATIVE_TIE = 1 + 1e-7


class StatsError(KpiflowError, ValueError):
    """A statistical function was given numbers it cannot use (negative counts, p outside [0, 1], ...)."""


def _count(value: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise StatsError(f"{name} must be a whole number >= 0 (got {value!r})")
    return value


def _positive(value: float, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise StatsError(f"{name} must be a finite number > 0 (got {value!r})")
    return float(value)


def is_small(n: int) -> bool:
    """Whether `n` observations is a small sample (fewer than `SMALL_SAMPLE`)."""
    return n < SMALL_SAMPLE


@functools.lru_cache(maxsize=64)  # the same few confidence levels are asked for thousands of times
def normal_quantile(p: float) -> float:
    """The standard normal quantile: the z with P(Z <= z) = p, for 0 < p < 1 (0.975 -> 1.95996...)."""
    if not 0 < p < 1:
        raise StatsError(f"a probability strictly between 0 and 1 is needed for a normal quantile (got {p!r})")
    return _STANDARD_NORMAL.inv_cdf(p)


def _two_sided_normal_p(z: float) -> float:
    # erfc keeps precision far in the tail, where 2 * (1 - cdf(|z|)) would round to 0.
    return math.erfc(abs(z) / math.sqrt(2))


def wilson_interval(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval for a proportion ``successes / trials`` (no continuity correction).

    Returns ``(low, high)`` clipped to ``[0, 1]``; exactly 0 at the bottom when there are no
    successes and exactly 1 at the top when every trial succeeded. ``trials == 0`` gives
    ``(nan, nan)``. Reference: Newcombe (1998), Statistics in Medicine 17:857-872, method 3.
    """
    successes, trials = _count(successes, "successes"), _count(trials, "trials")
    if successes > trials:
        raise StatsError(f"successes ({successes}) cannot exceed trials ({trials})")
    if not 0 < confidence < 1:
        raise StatsError(f"confidence must be strictly between 0 and 1, such as 0.95 (got {confidence!r})")
    if trials == 0:
        return (math.nan, math.nan)
    z = normal_quantile(1 - (1 - confidence) / 2)
    z2 = z * z
    rate = successes / trials
    shrink = 1 + z2 / trials
    centre = (rate + z2 / (2 * trials)) / shrink
    half_width = z / shrink * math.sqrt(rate * (1 - rate) / trials + z2 / (4 * trials * trials))
    low = 0.0 if successes == 0 else max(0.0, centre - half_width)
    high = 1.0 if successes == trials else min(1.0, centre + half_width)
    return (low, high)


def two_proportion_test(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float]:
    """Pooled two-proportion z-test of ``x1/n1`` against ``x2/n2``: returns ``(z, two-sided p)``.

    ``z > 0`` when the first proportion is larger; ``z**2`` equals Pearson's chi-square for the
    2x2 table without continuity correction. When the pooled proportion is 0 or 1 the two
    proportions are identical and the result is ``(0.0, 1.0)``.
    """
    for x, n, which in ((x1, n1, "first"), (x2, n2, "second")):
        _count(x, f"successes of the {which} group")
        if _count(n, f"trials of the {which} group") == 0:
            raise StatsError(f"the {which} group has no trials; a proportion needs at least one")
        if x > n:
            raise StatsError(f"the {which} group has more successes ({x}) than trials ({n})")
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance == 0:
        return (0.0, 1.0)
    z = (x1 / n1 - x2 / n2) / math.sqrt(variance)
    return (z, _two_sided_normal_p(z))


def count_ratio_test(n1: int, d1: int, n2: int, d2: int) -> tuple[float, float]:
    """Whether the ratio of two counts ``n1 / d1`` differs from ``n2 / d2``: returns ``(z, two-sided p)``.

    For a throughput ratio (SQLs / MQLs entered in a period): the numerator is not a subset of
    the denominator, so no binomial test applies. Each count is read as Poisson, and the log of
    the ratio of ratios is normal with variance ``1/n1 + 1/d1 + 1/n2 + 1/d2`` (the delta method).
    A count of 0 leaves the log undefined: the result is then ``(nan, nan)`` ("not tested").
    """
    counts = [_count(n1, "n1"), _count(d1, "d1"), _count(n2, "n2"), _count(d2, "d2")]
    if 0 in counts:
        return (math.nan, math.nan)
    z = (math.log(n1 / d1) - math.log(n2 / d2)) / math.sqrt(sum(1 / c for c in counts))
    return (z, _two_sided_normal_p(z))


def _log_binomial_pmf(k: int, n: int, log_p: float, log_q: float) -> float:
    log_choose = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
    # 0 * log(0) counts as 0: with p = 0 only k = 0 is possible, and so on.
    return log_choose + (k * log_p if k else 0.0) + ((n - k) * log_q if n - k else 0.0)


def _log_binomial_pmfs(n: int, log_p: float, log_q: float) -> list[float]:
    """log P(K = k) for k = 0..n, by the ratio of neighbours (one log per term instead of three lgammas).

    The running sum is re-anchored on `_log_binomial_pmf` every 256 terms, so rounding cannot build up.
    """
    out = [0.0] * (n + 1)
    step = log_p - log_q
    for k in range(n + 1):
        if k % 256 == 0:
            out[k] = _log_binomial_pmf(k, n, log_p, log_q)
        else:
            out[k] = out[k - 1] + math.log((n - k + 1) / k) + step
    return out


def poisson_rate_test(c1: int, t1: float, c2: int, t2: float) -> float:
    """Two-sided exact test that two event rates ``c1/t1`` and ``c2/t2`` are equal.

    Conditional on the total, ``c1 | c1 + c2 ~ Binomial(c1 + c2, t1 / (t1 + t2))`` under equal
    rates; the p-value sums the probabilities of every outcome no more likely than the one
    observed (as R's ``poisson.test`` / ``binom.test``). No events at all gives 1.0.
    """
    c1, c2 = _count(c1, "the first count"), _count(c2, "the second count")
    t1, t2 = _positive(t1, "the first exposure"), _positive(t2, "the second exposure")
    total = c1 + c2
    if total == 0:
        return 1.0
    share = t1 / (t1 + t2)
    log_p, log_q = math.log(share), math.log1p(-share)
    log_pmf = _log_binomial_pmfs(total, log_p, log_q)
    cutoff = log_pmf[c1] + math.log(_RELATIVE_TIE)
    as_extreme = [lp for lp in log_pmf if lp <= cutoff]
    if len(as_extreme) == len(log_pmf):
        return 1.0  # every outcome is at least as extreme: exactly 1, not a sum that rounds below it
    peak = max(as_extreme)
    # Scale by the largest term before exponentiating so that large totals do not underflow to zero.
    return min(1.0, math.fsum(math.exp(lp - peak) for lp in as_extreme) * math.exp(peak))


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg q-values (adjusted p-values), in the order given.

    ``q_(i) = min over j >= i of m * p_(j) / j`` for the p-values sorted ascending, capped at 1:
    rejecting every hypothesis with ``q <= alpha`` controls the false discovery rate at alpha
    (Benjamini and Hochberg, 1995). Equal p-values get equal q-values.
    """
    values = [float(p) for p in p_values]
    for index, p in enumerate(values):
        if not 0 <= p <= 1:  # also refuses nan
            raise StatsError(f"p-value #{index + 1} is {p!r}; p-values lie between 0 and 1")
    m = len(values)
    order = sorted(range(m), key=values.__getitem__)
    q_values = [0.0] * m
    running_min = 1.0
    for rank in range(m, 0, -1):
        index = order[rank - 1]
        running_min = min(running_min, values[index] * m / rank)
        q_values[index] = running_min
    return q_values


def log_mean(a: float, b: float) -> float:
    """The logarithmic mean ``L(a, b) = (a - b) / (ln a - ln b)``, with ``L(a, a) = a`` and ``L(a, 0) = 0``.

    The weight of the LMDI decomposition. Symmetric, and between the geometric and the
    arithmetic mean. When ``a`` and ``b`` are within a factor of 2 it is computed as
    ``(a - b) / log1p((a - b) / b)``, which stays accurate as they approach each other.
    """
    for value, name in ((a, "a"), (b, "b")):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
            raise StatsError(f"the logarithmic mean needs finite numbers >= 0; {name} is {value!r}")
    if a == b:
        return float(a)
    if a == 0 or b == 0:
        return 0.0
    low, high = (a, b) if a < b else (b, a)
    if high <= 2 * low:
        return (high - low) / math.log1p((high - low) / low)
    return (high - low) / (math.log(high) - math.log(low))


def _regularized_beta(x: float, a: float, b: float) -> float:
    """The regularized incomplete beta function ``I_x(a, b)`` by its continued fraction (Lentz).

    Numerical Recipes (3rd ed., section 6.4): the fraction converges fast for ``x < (a + 1) /
    (a + b + 2)``; above that the symmetry ``I_x(a, b) = 1 - I_{1-x}(b, a)`` is used.
    """
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x > (a + 1) / (a + b + 2):
        return 1.0 - _regularized_beta(1.0 - x, b, a)
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    fraction = d
    for m in range(1, 10_000):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            fraction *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return math.exp(log_front) * fraction / a


def student_t_two_sided_p(t: float, df: float) -> float:
    """Two-sided p-value of Student's t with `df` degrees of freedom (``df`` may be fractional)."""
    df = _positive(df, "degrees of freedom")
    if math.isinf(t):
        return 0.0
    return min(1.0, _regularized_beta(df / (df + t * t), df / 2, 0.5))


def welch_test(n1: int, sum1: float, squares1: float, n2: int, sum2: float, squares2: float) -> tuple[float, float, float]:
    """Welch's unequal-variance t-test of two means, from each group's count, sum and sum of squares.

    Returns ``(t, degrees of freedom, two-sided p)``, ``t > 0`` when the first mean is larger.
    The engine aggregates the three moments, so no row ever reaches Python. Each group needs at
    least 2 values; two groups without spread give ``(0, inf, 1)`` when their means are equal.
    """
    moments = []
    for n, total, squares, which in ((n1, sum1, squares1, "first"), (n2, sum2, squares2, "second")):
        if _count(n, f"count of the {which} group") < 2:
            raise StatsError(f"the {which} group has {n} value(s); a t-test needs at least 2 in each")
        mean = total / n
        variance = max(0.0, (squares - total * mean) / (n - 1))  # clipped: rounding can dip below 0
        moments.append((n, mean, variance / n))
    (_, mean1, se1), (_, mean2, se2) = moments
    spread = se1 + se2
    if spread == 0:
        return (0.0, math.inf, 1.0) if mean1 == mean2 else (math.copysign(math.inf, mean1 - mean2), math.inf, 0.0)
    t = (mean1 - mean2) / math.sqrt(spread)
    df = spread**2 / (se1**2 / (n1 - 1) + se2**2 / (n2 - 1))
    return (t, df, student_t_two_sided_p(t, df))


def compound_poisson_test(
    sum1: float, squares1: float, exposure1: float, sum2: float, squares2: float, exposure2: float
) -> tuple[float, float]:
    """Test that two totals of amounts (revenue, cost) accrue at the same rate per unit of exposure.

    Each total is a compound Poisson sum: deals arrive at random and each brings its amount, so
    ``Var(S) = sum of squared amounts``. The z-statistic compares the rates ``S / t``
    (``z > 0`` when the first is larger) with a normal approximation, adequate once each
    side has a handful of amounts. Returns ``(z, two-sided p)``; no amounts at all gives ``(0, 1)``.
    """
    exposure1, exposure2 = _positive(exposure1, "the first exposure"), _positive(exposure2, "the second exposure")
    for value, name in ((squares1, "the first sum of squares"), (squares2, "the second sum of squares")):
        if not math.isfinite(value) or value < 0:
            raise StatsError(f"{name} must be a finite number >= 0 (got {value!r})")
    variance = squares1 / exposure1**2 + squares2 / exposure2**2
    if variance == 0:
        return (0.0, 1.0)
    z = (sum1 / exposure1 - sum2 / exposure2) / math.sqrt(variance)
    return (z, _two_sided_normal_p(z))


def js_divergence_term(p: float, q: float) -> float:
    """One element's Jensen-Shannon term ``(p ln(2p / (p + q)) + q ln(2q / (p + q))) / 2`` (natural log).

    Adtributor's *surprise* (Bhagwan et al., NSDI 2014): how far an element's share after a
    change (`q`) departs from its share before (`p`). 0 when they are equal; ``0 ln 0 = 0``.
    Summed over all elements of a dimension it is the Jensen-Shannon divergence, at most ln 2.
    """
    for value, name in ((p, "p"), (q, "q")):
        if not math.isfinite(value) or value < 0:
            raise StatsError(f"a share must be a finite number >= 0; {name} is {value!r}")
    mean = (p + q) / 2
    terms = [x * math.log(x / mean) for x in (p, q) if x > 0]
    return max(0.0, math.fsum(terms) / 2)


@dataclass(frozen=True)
class Rate:
    """A proportion with its counts and 95% Wilson interval.

    No denominator: value and interval are None. More successes than trials (a counter that
    missed people): the value is given as is, without an interval.
    """

    count: int
    total: int
    value: float | None
    ci_low: float | None
    ci_high: float | None

    @classmethod
    def of(cls, count: int, total: int) -> Rate:
        if total <= 0:
            return cls(count, total, None, None, None)
        if count > total:
            return cls(count, total, count / total, None, None)
        low, high = wilson_interval(count, total)
        return cls(count, total, count / total, low, high)

    @property
    def small_sample(self) -> bool:
        return self.total < SMALL_SAMPLE

    @property
    def testable(self) -> bool:
        return self.total > 0 and self.count <= self.total

    def items(self, name: str) -> dict[str, object]:
        """The flat JSON fields of this rate under `name`: value, interval, small-sample flag."""
        return {
            name: self.value,
            f"{name}_ci_low": self.ci_low,
            f"{name}_ci_high": self.ci_high,
            f"{name}_small_sample": self.small_sample,
        }


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def beta_quantile(p: float, a: float, b: float) -> float:
    """The `p` quantile of Beta(a, b): the x with I_x(a, b) = p, by bisection on the regularized
    incomplete beta (60 halvings: far below any digit a rate is shown to)."""
    if not 0 < p < 1:
        raise StatsError(f"a probability strictly between 0 and 1 is needed for a beta quantile (got {p!r})")
    a, b = _positive(a, "a"), _positive(b, "b")
    low, high = 0.0, 1.0
    for _ in range(60):
        middle = (low + high) / 2
        if _regularized_beta(middle, a, b) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2


@dataclass(frozen=True)
class ShrunkRate:
    """A rate pulled toward the pooled rate by empirical Bayes: its posterior mean and 95% interval."""

    successes: int
    trials: int
    raw: float
    value: float
    ci_low: float
    ci_high: float


def shrink_rates(counts: Sequence[tuple[int, int]], confidence: float = 0.95) -> list[ShrunkRate]:
    """Empirical-Bayes (beta-binomial) estimates of several rates, each ``successes / trials``.

    The best of several noisy rates is biased upwards (the winner's curse): a small lucky
    quarter or segment looks best by chance. Each rate is therefore read as a draw from one
    Beta(alpha, beta) whose mean is the pooled rate and whose variance is the spread between the
    groups beyond what sampling alone explains (method of moments: the weighted variance of the
    rates minus the binomial variance expected at the groups' sizes). The posterior mean
    ``(successes + alpha) / (trials + alpha + beta)`` shrinks small groups most; when the groups
    differ no more than sampling explains, every rate shrinks to the pooled rate. The interval is
    the posterior's equal-tailed interval (with no spread, the pooled rate's Wilson interval).
    Groups with no trials are left out. Reference: Efron & Morris (1975); Kleinman (1973) for
    the moment estimator of the between-group variance.
    """
    groups = [(_count(s, "successes"), _count(n, "trials")) for s, n in counts]
    for s, n in groups:
        if s > n:
            raise StatsError(f"successes ({s}) cannot exceed trials ({n})")
    groups = [(s, n) for s, n in groups if n > 0]
    if not groups:
        return []
    total = sum(n for _, n in groups)
    pooled = sum(s for s, _ in groups) / total
    # Method of moments: E[sum n (r - pooled)^2] = (k - 1) p (1 - p) + tau^2 (N - sum n^2 / N).
    spread = sum(n * (s / n - pooled) ** 2 for s, n in groups)
    sampling = pooled * (1 - pooled) * (len(groups) - 1)
    weight = total - sum(n * n for _, n in groups) / total
    between = (spread - sampling) / weight if weight > 0 else 0.0
    if pooled in (0.0, 1.0):
        strength = math.inf
    elif between <= 0:
        strength = math.inf  # no difference beyond sampling: every group is the pooled rate
    else:
        strength = max(pooled * (1 - pooled) / between - 1, 1e-9)
    tail = (1 - confidence) / 2
    out = []
    for s, n in groups:
        if math.isinf(strength):
            low, high = wilson_interval(sum(x for x, _ in groups), total, confidence)
            out.append(ShrunkRate(s, n, s / n, pooled, low, high))
            continue
        a, b = s + strength * pooled, n - s + strength * (1 - pooled)
        out.append(ShrunkRate(s, n, s / n, a / (a + b), beta_quantile(tail, a, b), beta_quantile(1 - tail, a, b)))
    return out
