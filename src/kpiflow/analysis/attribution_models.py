"""The math of multi-touch attribution on aggregated journeys (issue 20): pure numpy, no I/O.

Journeys arrive aggregated by the engine (`Paths`: each distinct key's channel path, its
conversions, conversion value and non-converting journeys, with each touch's age in days and the
lead and opportunity creation touches where the data have them). Every model is one function of
the per-key counts, written for a stack of count vectors at once: row 0 the observed counts, the
other rows the bootstrap's resamples. Each returns the credit of every channel in conversions and
in value; the credits of one row sum to that row's conversions and value.

- Position models give each touch a share of a conversion (a channel touched twice gets two
  shares): first, last, linear, U-shaped (40/20/40), W-shaped (30 at the first touch, the lead
  creation touch and the opportunity creation touch, 10 shared by the rest), full path (22.5 at
  those three and at the last touch, 10 shared by the rest) and time decay (a touch's weight
  halves every `half_life` days of age before the outcome). A milestone the journey lacks gives
  nothing, and the shares of each journey are scaled to sum to one.
- Markov: the absorbing chain of order k (states: the last k channels) estimated from the
  journeys; a channel's removal effect is 1 - P(conversion with the channel removed) / P(conversion),
  each probability solved exactly from the chain (no simulation); credits share the totals in
  proportion to removal effects. Value uses each state's mean conversion value on its way out.
- Shapley: the characteristic function v(S) is the conversions (or value) of the journeys whose
  set of channels is within S (order ignored); exact values by enumerating the 2^n coalitions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import factorial

import numpy as np
from scipy import sparse
from scipy.linalg import lu_factor, lu_solve
from scipy.sparse.linalg import splu

MAX_SHAPLEY_CHANNELS = 15
U_SHAPE = (0.4, 0.2, 0.4)
W_SHARE, W_REST = 0.3, 0.1
FULL_SHARE, FULL_REST = 0.225, 0.1
_DENSE_STATES = 400  # above this many states the chain is solved as a sparse system


@dataclass(frozen=True)
class Paths:
    """Distinct journeys: `steps[k]` the channel indices of key k in time order; its counts.

    `ages[k]`: each touch's age in days before the outcome (converting keys of touchpoint data;
    None elsewhere). `lead[k]`, `opportunity[k]`: the index of the lead / opportunity creation
    touch, -1 when the journey has none (path files carry no milestones: `milestones` is False)."""

    channels: tuple[str, ...]
    steps: tuple[tuple[int, ...], ...]
    conversions: np.ndarray
    value: np.ndarray
    nulls: np.ndarray
    ages: tuple[tuple[float, ...] | None, ...] | None = None
    lead: np.ndarray | None = None
    opportunity: np.ndarray | None = None

    @property
    def milestones(self) -> bool:
        return self.lead is not None and self.opportunity is not None

    @property
    def journeys(self) -> int:
        return int(self.conversions.sum() + self.nulls.sum())


@dataclass(frozen=True)
class Credit:
    """Credits of every channel for a stack of count vectors: rows as the input's, columns as `Paths.channels`."""

    conversions: np.ndarray
    value: np.ndarray
    removal_effect: np.ndarray | None = None  # Markov only: by conversions


# --- position models --------------------------------------------------------------------------


def _milestone_weights(n: int, shares: Sequence[tuple[int, float]], rest: float) -> np.ndarray:
    """Shares at milestone touches (index -1: absent), `rest` spread over the other touches,
    scaled to sum to one."""
    w = np.zeros(n)
    marked = np.zeros(n, dtype=bool)
    for index, share in shares:
        if 0 <= index < n:
            w[index] += share
            marked[index] = True
    others = ~marked
    if others.any():
        w[others] += rest / others.sum()
    return w / w.sum()


def touch_weights(model: str, paths: Paths, k: int, half_life: float | None = None) -> np.ndarray:
    """Each touch's share of one conversion of key k under a position or time model."""
    n = len(paths.steps[k])
    if model == "first":
        return np.eye(n)[0]
    if model == "last":
        return np.eye(n)[-1]
    if model == "linear":
        return np.full(n, 1.0 / n)
    if model == "u":
        if n <= 2:
            return np.full(n, 1.0 / n)
        first, middle, last = U_SHAPE
        return np.concatenate(([first], np.full(n - 2, middle / (n - 2)), [last]))
    if model in ("w", "full"):
        assert paths.lead is not None and paths.opportunity is not None
        lead, opportunity = int(paths.lead[k]), int(paths.opportunity[k])
        if model == "w":
            return _milestone_weights(n, [(0, W_SHARE), (lead, W_SHARE), (opportunity, W_SHARE)], W_REST)
        return _milestone_weights(n, [(0, FULL_SHARE), (lead, FULL_SHARE), (opportunity, FULL_SHARE), (n - 1, FULL_SHARE)], FULL_REST)
    if model == "time_decay":
        ages = paths.ages[k] if paths.ages is not None else None
        if ages is None or half_life is None:
            raise ValueError("time decay needs each touch's age and a half-life")
        w = np.power(0.5, np.asarray(ages, dtype=float) / half_life)
        return w / w.sum()
    raise ValueError(f"not a position model: {model}")


def channel_shares(model: str, paths: Paths, half_life: float | None = None) -> np.ndarray:
    """Keys x channels: each channel's share of one conversion of the key (rows sum to 1).
    Keys without conversions have no ages: their row is left at zero (they carry no credit)."""
    out = np.zeros((len(paths.steps), len(paths.channels)))
    for k, steps in enumerate(paths.steps):
        if paths.conversions[k] <= 0 or not steps:
            continue
        np.add.at(out[k], list(steps), touch_weights(model, paths, k, half_life))
    return out


def position_credit(shares: np.ndarray, conversions: np.ndarray, value: np.ndarray) -> Credit:
    """Credits of stacked counts (rows x keys) under per-key channel shares."""
    return Credit(conversions @ shares, value @ shares)


# --- Markov chains ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Chain:
    """The states of an order-k chain over the paths and where each key's journeys go.

    States: 0 is the start, then every tuple of the last (up to) k channels seen. `moves` is a
    keys x transitions matrix: how many times one journey of the key makes each transition
    between transient states; `last[k]` the state a journey of key k leaves the chain from."""

    states: tuple[tuple[int, ...], ...]
    sources: np.ndarray
    targets: np.ndarray
    moves: sparse.csr_matrix
    last: np.ndarray
    newest: np.ndarray  # each state's latest channel (-1 for the start)


def chain(paths: Paths, order: int) -> Chain:
    index: dict[tuple[int, ...], int] = {(): 0}
    transitions: dict[tuple[int, int], int] = {}
    rows, cols, last = [], [], []
    for k, steps in enumerate(paths.steps):
        here, seen = 0, ()
        for channel in steps:
            seen = (*seen, channel)[-order:]
            there = index.setdefault(seen, len(index))
            t = transitions.setdefault((here, there), len(transitions))
            rows.append(k)
            cols.append(t)
            here = there
        last.append(here)
    states = tuple(sorted(index, key=index.get))  # type: ignore[arg-type]
    pairs = np.array(sorted(transitions, key=transitions.get), dtype=int).reshape(-1, 2)
    moves = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(paths.steps), len(transitions)))
    newest = np.array([s[-1] if s else -1 for s in states], dtype=int)
    return Chain(states, pairs[:, 0], pairs[:, 1], moves, np.array(last, dtype=int), newest)


def _absorption(c: Chain, moved: np.ndarray, to_conversion: np.ndarray, to_null: np.ndarray, gains: Sequence[np.ndarray], removed: np.ndarray | None) -> list[float]:
    """From the start: the expected gain of each vector of `gains` (per state, collected on leaving
    the chain from it), removed states absorbing into the null state: the start's row of
    N g, N = (I - Q)^-1 the fundamental matrix, found by solving (I - Q) x = g."""
    n = len(c.states)
    out = np.bincount(c.sources, minlength=n, weights=moved) + to_conversion + to_null
    keep = out > 0
    if removed is not None:
        keep = keep & ~removed
    scale = np.divide(1.0, out, out=np.zeros(n), where=keep)
    weights = moved * scale[c.sources]
    rhs = np.column_stack([g * scale for g in gains])
    # LU factorisations (LAPACK's getrf, SuperLU): numpy's solve can spin its BLAS threads on a busy machine
    if n <= _DENSE_STATES:
        system = np.eye(n)
        system[c.sources, c.targets] -= weights  # each transition once: the pairs are distinct
        solved = lu_solve(lu_factor(system, check_finite=False), rhs, check_finite=False)
    else:
        q = sparse.csc_matrix((weights, (c.sources, c.targets)), shape=(n, n))
        solved = splu((sparse.identity(n, format="csc") - q).tocsc()).solve(rhs)
    return [float(v) for v in solved[0]]


def markov_credit(paths: Paths, order: int, conversions: np.ndarray, nulls: np.ndarray, value: np.ndarray) -> Credit:
    """Removal-effect credits of stacked counts (rows x keys) under the order-`order` chain."""
    c = chain(paths, order)
    n_channels = len(paths.channels)
    removed_by = [c.newest == ch for ch in range(n_channels)]
    rows = conversions.shape[0]
    conv_credit, value_credit, effects = np.zeros((rows, n_channels)), np.zeros((rows, n_channels)), np.zeros((rows, n_channels))
    n = len(c.states)
    moves = c.moves.T.tocsr()
    for r in range(rows):
        moved = moves @ (conversions[r] + nulls[r])
        to_conversion = np.bincount(c.last, weights=conversions[r], minlength=n)
        to_null = np.bincount(c.last, weights=nulls[r], minlength=n)
        to_value = np.bincount(c.last, weights=value[r], minlength=n)
        base_conv, base_value = _absorption(c, moved, to_conversion, to_null, (to_conversion, to_value), None)
        if base_conv <= 0:
            continue
        conv_effect, value_effect = np.zeros(n_channels), np.zeros(n_channels)
        for ch in range(n_channels):
            without_conv, without_value = _absorption(c, moved, to_conversion, to_null, (to_conversion, to_value), removed_by[ch])
            conv_effect[ch] = 1.0 - without_conv / base_conv
            value_effect[ch] = 1.0 - without_value / base_value if base_value > 0 else 0.0
        effects[r] = conv_effect
        conv_credit[r] = conversions[r].sum() * conv_effect / conv_effect.sum()
        if value_effect.sum() > 0:
            value_credit[r] = value[r].sum() * value_effect / value_effect.sum()
    return Credit(conv_credit, value_credit, effects)


# --- Shapley values ---------------------------------------------------------------------------


def channel_sets(paths: Paths) -> np.ndarray:
    """Each key's set of channels as a bit mask (bit i: channel i)."""
    return np.array([sum(1 << ch for ch in set(steps)) for steps in paths.steps], dtype=np.int64)


def shapley_values(worth_of_sets: np.ndarray, n: int) -> np.ndarray:
    """Exact Shapley values of the games v(S) = sum of `worth_of_sets[:, T]` over T within S
    (rows: games; columns: the 2^n sets as bit masks)."""
    v = worth_of_sets.astype(float).copy()
    games = v.shape[0]
    for i in range(n):  # v(S) = sum over subsets: one pass per channel over the cube
        cube = v.reshape(games, -1, 2, 1 << i)
        cube[:, :, 1, :] += cube[:, :, 0, :]
    size = np.array([bin(m).count("1") for m in range(1 << n)], dtype=int)
    weight = np.array([factorial(s) * factorial(n - s - 1) / factorial(n) for s in range(n)])
    out = np.zeros((games, n))
    for i in range(n):
        cube = v.reshape(games, -1, 2, 1 << i)
        without = size.reshape(-1, 2, 1 << i)[:, 0, :]  # |S| of the coalitions without i
        out[:, i] = ((cube[:, :, 1, :] - cube[:, :, 0, :]) * weight[without]).sum(axis=(1, 2))
    return out


def shapley_credit(paths: Paths, conversions: np.ndarray, value: np.ndarray) -> Credit:
    """Shapley credits of stacked counts (rows x keys); at most MAX_SHAPLEY_CHANNELS channels."""
    n = len(paths.channels)
    masks = channel_sets(paths)
    width = 1 << n
    conv_worth = np.zeros((conversions.shape[0], width))
    value_worth = np.zeros((conversions.shape[0], width))
    for r in range(conversions.shape[0]):
        conv_worth[r] = np.bincount(masks, weights=conversions[r], minlength=width)
        value_worth[r] = np.bincount(masks, weights=value[r], minlength=width)
    return Credit(shapley_values(conv_worth, n), shapley_values(value_worth, n))
