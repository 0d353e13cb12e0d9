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


def _log_binomial_pmf(k: int, n: int, log_p: float, log_q: float) -> float:
    log_choose = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
    # 0 * log(0) counts as 0: with p = 0 only k = 0 is possible, and so on.
    return log_choose + (k * log_p if k else 0.0) + ((n - k) * log_q if n - k else 0.0)


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
    log_pmf = [_log_binomial_pmf(k, total, log_p, log_q) for k in range(total + 1)]
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
