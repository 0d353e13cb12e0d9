"""Exact factor decomposition (LMDI-I): how much of a KPI's change each of its factors explains.

The core of `kpiflow explain`. Pure Python, no I/O, nothing done at import time.

A value is a sum over sub-categories ``i`` (channels, segments, ...) of a product of factors
``k``: ``V = sum_i prod_k x[i][k]``. Between a start (0) and an end (T), the additive LMDI-I
(Ang 2005, "The LMDI approach to decomposition analysis: a practical guide", Energy Policy
33:867-871) credits factor ``k`` with

    C_k = sum_i Z_ik,    Z_ik = L(V_i^T, V_i^0) * ln(x_ik^T / x_ik^0)     (one cell per (i, k))

where ``L`` is the logarithmic mean (`kpiflow.stats.log_mean`). The logs of the factor ratios
add up to the log of the value ratio and ``L(a, b) ln(a / b) = a - b``, so the cells of a
sub-category sum to its change and the ``C_k`` to ``V^T - V^0``: no residual. The multiplicative
form is ``D_k = exp(C_k / L(V^T, V^0))`` (the same as Ang's ``exp(sum_i L(V_i^T, V_i^0) / L(V^T,
V^0) ln(x_ik^T / x_ik^0))``), and the ``D_k`` multiply to ``V^T / V^0``.

Zeros, signs and missing sub-categories, cell by cell (never a crash, a NaN or an infinity):

1. When a sub-category's value is non-zero with the same sign in both periods, the formula above
   applies with ratio magnitudes ``|x^T / x^0|`` and, for negative values, ``L(a, b) = -L(|a|,
   |b|)``. Factors may be negative: two that flip sign together leave the value's sign alone, and
   each is credited with the change of its magnitude.
2. Otherwise the value is 0 in a period or changes sign, so the way from start to end passes
   through 0. The sub-category's whole change ``V_i^T - V_i^0`` is then shared equally by the
   factors that are 0 in either period or change sign; the others get 0. This is the exact
   limit of Ang's small-value strategy (write each 0 as the same small ``d`` and let ``d -> 0``):
   with one factor at ``d``, ``L(V^T, d c) ln(x^T / d) -> V^T`` while the other terms vanish like
   ``1 / ln d``; with ``m`` factors at ``d`` each takes ``1 / m``. A sign change counts as the factor
   going through 0. So a sub-category that is 0 in both periods contributes nothing, and one that
   appears (0 -> V^T through a factor 0 -> x^T) credits that factor with all of ``V^T``.
3. A sub-category missing from one period is one whose factors are all 0 there: by rule 2 its
   appearance (or disappearance) is shared equally by all the factors.

The multiplicative form needs ``V^0`` and ``V^T`` non-zero with the same sign (a positive
ratio); otherwise `DecompositionError`, and the additive contributions are the answer. The
sub-category cells inside it follow rules 1-3.

Exactness is to floating-point rounding. Within each sub-category the rounding residual (a few
units in the last place) is spread over the cells in proportion to their size, so the cells sum
to the sub-category's change to the last bits and the contributions sum to the change with a
relative error far below 1e-9; only when factors cancel each other out (one +1,000, one -999.99)
is the error relative to the gross amounts rather than to the net change.

KPI trees. A node of the tree is the product of its factors (revenue = won_deals x avg_deal_size,
won_deals = closed_deals x win_rate). `decompose_tree` decomposes the root's change over its
factors as one sub-category, and splits each factor F that is itself a product F = G H exactly
among G and H: F's contribution is ``L(V^T, V^0) ln(F^T / F^0)`` with the *root's* weight, and
``ln(F^T / F^0) = ln(G^T / G^0) + ln(H^T / H^0)``, so ``L(V^T, V^0) ln(G^T / G^0)`` and ``L(V^T,
V^0) ln(H^T / H^0)`` add up to it. Every contribution is in the root's unit (yen of revenue),
not the factor's own change. When the root passes through 0 (rule 2), a node's contribution is
shared equally by its factors that are 0 or change sign. Each parent must equal the product of
its factors in both periods to a relative 1e-9 (what `kpiflow tree` checks); the rounding left
is spread like the residual above.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from numbers import Real

from kpiflow.errors import KpiflowError, did_you_mean, suggest
from kpiflow.messages import say
from kpiflow.stats import log_mean

PRODUCT_TOLERANCE = 1e-9
"""How far (relatively) a tree parent may be from the product of its factors."""

_MAX_LOG = math.log(sys.float_info.max)


class DecompositionError(KpiflowError, ValueError):
    """A decomposition was given numbers it cannot use, or asked for a ratio of a total that is 0."""


@dataclass(frozen=True)
class Decomposition:
    """The additive LMDI-I decomposition of ``start -> end`` over factors and sub-categories.

    `contributions` maps each factor to its share of `change`; `cells` maps each (sub-category,
    factor) to its share, and sums over sub-categories to `contributions`. `change` is the sum of
    the sub-categories' changes, computed without the cancellation of ``end - start``.
    """

    start: float
    end: float
    change: float
    contributions: dict[str, float]
    cells: dict[tuple[str, str], float]

    def ratios(self) -> dict[str, float]:
        """The multiplicative decomposition: each factor's ratio ``D_k``; they multiply to ``end / start``."""
        weight = _weight(self.start, self.end)
        if weight is None:
            raise DecompositionError(
                f"a multiplicative decomposition needs a start and an end of the same sign, neither 0 "
                f"(got {self.start!r} -> {self.end!r}); use the additive contributions instead"
            )
        ratios = {}
        for factor, contribution in self.contributions.items():
            log_ratio = contribution / weight
            if abs(log_ratio) > _MAX_LOG:
                raise DecompositionError(
                    f"the ratio of factor '{factor}' is too large to represent (e^{log_ratio:.4g}); "
                    f"use the additive contributions instead"
                )
            ratios[factor] = math.exp(log_ratio)
        return ratios


@dataclass(frozen=True)
class Contribution:
    """A node of a KPI tree with its share of the root's change (in the root's unit).

    `factors` holds the node's own factors, whose contributions sum to this one; a leaf has none.
    """

    metric: str
    start: float
    end: float
    contribution: float
    factors: tuple[Contribution, ...] = field(default=())

    @property
    def change(self) -> float:
        """The node's own change, in its own unit."""
        return self.end - self.start

    def walk(self) -> Iterator[Contribution]:
        """This node and every node below it, depth first."""
        yield self
        for factor in self.factors:
            yield from factor.walk()

    def leaves(self) -> dict[str, float]:
        """The contribution of every leaf factor (summed when a metric is reached by two paths)."""
        out: dict[str, float] = {}
        for node in self.walk():
            if not node.factors:
                out[node.metric] = out.get(node.metric, 0.0) + node.contribution
        return out


def decompose(
    start: Mapping[str, Mapping[str, float]],
    end: Mapping[str, Mapping[str, float]],
) -> Decomposition:
    """Decompose ``V = sum_i prod_k x[i][k]`` between two periods, each ``{sub-category: {factor: value}}``.

    Every sub-category has the same factors; one absent from a period counts as all 0 there.
    The zero and sign rules are in the module's docstring.
    """
    for table, period in ((start, "start"), (end, "end")):
        if not isinstance(table, Mapping) or not all(isinstance(row, Mapping) for row in table.values()):
            raise DecompositionError(f"the {period} period must be a mapping {{sub-category: {{factor: value}}}}")
    subcategories = list(start) + [sub for sub in end if sub not in start]
    if not subcategories:
        raise DecompositionError("nothing to decompose: both periods are empty")
    factors = _factor_names(start, end, subcategories)
    cells: dict[tuple[str, str], float] = {}
    starts: list[float] = []
    ends: list[float] = []
    for sub in subcategories:
        pairs = [(_value(start, sub, factor, "start"), _value(end, sub, factor, "end")) for factor in factors]
        v0 = _product([a for a, _ in pairs], sub, "start")
        v1 = _product([b for _, b in pairs], sub, "end")
        starts.append(v0)
        ends.append(v1)
        for factor, cell in zip(factors, _split(v1 - v0, _weight(v0, v1), pairs), strict=True):
            cells[(sub, factor)] = cell
    contributions = {factor: math.fsum(cells[(sub, factor)] for sub in subcategories) for factor in factors}
    change = math.fsum(ends + [-v for v in starts])
    return Decomposition(math.fsum(starts), math.fsum(ends), change, contributions, cells)


def decompose_product(start: Mapping[str, float], end: Mapping[str, float]) -> dict[str, float]:
    """Each factor's share of the change of their product, ``{factor: value}`` in each period."""
    return decompose({"": start}, {"": end}).contributions


def decompose_tree(
    tree: Mapping[str, Sequence[str]],
    root: str,
    start: Mapping[str, float],
    end: Mapping[str, float],
) -> Contribution:
    """Decompose the change of `root` down a KPI tree ``{parent: [factors]}`` to its leaves.

    `start` and `end` give every metric's value. Each parent must be the product of its factors.
    The result's `leaves()` sum to the root's change, and at every node the factors'
    contributions sum to the node's.
    """
    v0, v1 = _metric(start, root, "start"), _metric(end, root, "end")
    return _node(tree, root, v0, v1, v1 - v0, _weight(v0, v1), start, end, (root,))


def _node(
    tree: Mapping[str, Sequence[str]],
    metric: str,
    v0: float,
    v1: float,
    contribution: float,
    weight: float | None,
    start: Mapping[str, float],
    end: Mapping[str, float],
    path: tuple[str, ...],
) -> Contribution:
    factors = list(tree.get(metric) or ())
    if not factors:
        return Contribution(metric, v0, v1, contribution)
    for factor in factors:
        if factor in path:
            raise DecompositionError(f"the tree has a cycle: {' -> '.join((*path, factor))}")
    pairs = [(_metric(start, factor, "start"), _metric(end, factor, "end")) for factor in factors]
    for value, index, period in ((v0, 0, "start"), (v1, 1, "end")):
        product = math.prod(pair[index] for pair in pairs)
        if not math.isclose(value, product, rel_tol=PRODUCT_TOLERANCE):
            raise DecompositionError(
                f"'{metric}' is {value!r} in the {period} period but the product of its factors "
                f"({' x '.join(factors)}) is {product!r}; an exact decomposition needs a parent equal to "
                f"the product of its factors (`kpiflow tree` shows why they differ)"
            )
    shares = _split(contribution, weight, pairs)
    # Below a node that goes through 0 there is no log-mean weight: shares pass down by rule 2.
    below = weight if _crossing(pairs) is None else None
    children = tuple(
        _node(tree, factor, a, b, share, below, start, end, (*path, factor))
        for factor, (a, b), share in zip(factors, pairs, shares, strict=True)
    )
    return Contribution(metric, v0, v1, contribution, children)


def _factor_names(start: Mapping, end: Mapping, subcategories: list) -> list[str]:
    first = start.get(subcategories[0], end.get(subcategories[0]))
    factors = list(first)
    if not factors:
        where = f"sub-category {subcategories[0]!r} has" if subcategories[0] != "" else "there are"
        raise DecompositionError(f"{where} no factors; a product needs at least one")
    expected = set(factors)
    for table, period in ((start, "start"), (end, "end")):
        for sub, row in table.items():
            if set(row) != expected:
                missing, extra = sorted(expected - set(row)), sorted(set(row) - expected)
                detail = "; ".join(
                    part for part in (f"missing {missing}" if missing else "", f"unexpected {extra}" if extra else "") if part
                )
                raise DecompositionError(
                    f"sub-category {sub!r} in the {period} period does not have the factors {factors}: {detail}"
                )
    return factors


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        raise DecompositionError(f"{where} must be a finite number (got {value!r})")
    return float(value)


def _value(table: Mapping, sub: str, factor: str, period: str) -> float:
    row = table.get(sub)
    if row is None:
        return 0.0  # rule 3: a missing sub-category is all zeros
    where = f"factor '{factor}'" + (f" of sub-category {sub!r}" if sub != "" else "") + f" in the {period} period"
    return _number(row[factor], where)


def _product(values: list[float], sub: str, period: str) -> float:
    value = math.prod(values)
    if not math.isfinite(value):
        where = f" of sub-category {sub!r}" if sub != "" else ""
        raise DecompositionError(f"the product of the factors{where} overflows in the {period} period ({values})")
    return value


def _metric(values: Mapping[str, float], metric: str, period: str) -> float:
    if metric not in values:
        hint = suggest(metric, [str(name) for name in values])
        raise DecompositionError.worded(
            lambda lang: say("lmdi.no_value", lang, period=say(f"lmdi.{period}", lang), metric=metric, hint=did_you_mean(hint, lang))
        )
    return _number(values[metric], f"'{metric}' in the {period} period")


def _weight(v0: float, v1: float) -> float | None:
    """The signed logarithmic mean of two values of the same sign, or None when they are not."""
    if v0 == 0 or v1 == 0 or (v0 > 0) != (v1 > 0):
        return None
    return math.copysign(log_mean(abs(v0), abs(v1)), v0)


def _log_ratio(end: float, start: float) -> float:
    """``ln |end / start|`` for two non-zero numbers, accurate when they are close and when far apart."""
    end, start = abs(end), abs(start)
    if start / 2 <= end <= 2 * start:
        return math.log1p((end - start) / start)  # end - start is exact here (Sterbenz)
    ratio = end / start
    if sys.float_info.min <= ratio <= sys.float_info.max:
        return math.log(ratio)
    return math.log(end) - math.log(start)


def _crossing(pairs: list[tuple[float, float]]) -> list[int] | None:
    """The factors through which the product goes through 0 (rule 2), or None when it does not."""
    flips = [i for i, (a, b) in enumerate(pairs) if a == 0 or b == 0 or (a > 0) != (b > 0)]
    if any(a == 0 or b == 0 for a, b in pairs) or len(flips) % 2:
        return flips
    return None


def _split(total: float, weight: float | None, pairs: list[tuple[float, float]]) -> list[float]:
    """Share `total` among factors given as (start, end) pairs: by log-change, or by rule 2."""
    crossing = _crossing(pairs)
    if crossing is None and weight is not None:
        shares = [weight * _log_ratio(b, a) for a, b in pairs]
    else:
        # A product that underflows to 0 with no factor at 0 has no weight either: share among all.
        sharers = crossing or list(range(len(pairs)))
        share = total / len(sharers)
        shares = [share if i in sharers else 0.0 for i in range(len(pairs))]
    return spread(shares, total)


def spread(shares: list[float], total: float) -> list[float]:
    """Spread the rounding residual over the shares in proportion to their size, so they sum to `total`."""
    residual = total - math.fsum(shares)
    if residual == 0:
        return shares
    gross = math.fsum(abs(share) for share in shares)
    if gross == 0:
        return [share + residual / len(shares) for share in shares]
    return [share + residual * (abs(share) / gross) for share in shares]
