"""Predictive customer value (issue 19): BG/NBD (or Pareto/NBD) for how often customers buy again, Gamma-Gamma for
what a repeat purchase is worth, and the shifted-beta-geometric model for contract renewals.

A customer's purchase occasions are its won deals and its orders; several on one day are one
occasion (as in the published analyses), worth what they sum to. For a calibration period the
engine summarises every customer whose first purchase ever falls in it (SQL built as SQLGlot
expressions, so that it runs on every engine): x, the repeat occasions up to the period's last day;
t_x, the time from the first purchase to the last of them; T, the time from the first purchase to
the period's last day; the repeat occasions' mean value; and the occasions of the holdout period
that follows. Only the maximum likelihood runs in Python, with scipy, on those arrays.

The likelihoods are the published ones: Fader, Hardie & Lee (2005) "Counting your customers the
easy way" for BG/NBD (with its conditional expectation E[Y(t) | x, t_x, T]), Fader & Hardie's
(2005) note on the Pareto/NBD, Fader & Hardie (2013)
"The Gamma-Gamma model of monetary value", and Fader & Hardie (2007) "How to project customer
retention" for the shifted-beta-geometric model. On the CDNOW sample they give the published
parameters (tests/test_clv.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlglot import exp

from kpiflow.analysis.result import Table, Tabular, columns
from kpiflow.engine.base import parse
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.messages import say
from kpiflow.stats import SMALL_SAMPLE

MODELS = ("bgnbd", "pareto", "gg", "sbg")
UNITS: dict[str, float] = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}
"""Days in each unit of time a model may count in (a month and a year on average)."""
DEFAULT_UNIT = {"bgnbd": "week", "pareto": "week", "gg": "week", "sbg": "year"}
FREQUENCY_BUCKETS = 7  # the holdout check groups customers by x = 0, 1, ..., 6 and 7 or more (FHL 2005, figure 4)


class ClvError(KpiflowError, ValueError):
    """A customer value model cannot be fitted to these data or these options."""


# --- the models ---------------------------------------------------------------------------------


def _betaln(a: Any, b: Any) -> Any:
    from scipy.special import betaln  # noqa: PLC0415  (scipy loads when a model is fitted)

    return betaln(a, b)


def _gammaln(a: Any) -> Any:
    from scipy.special import gammaln  # noqa: PLC0415

    return gammaln(a)


def _hyp2f1(A: Any, B: Any, C: Any, z: Any) -> np.ndarray:
    """Gauss's 2F1(A, B; C; z). SciPy's gives NaN once A passes about 1e5 with z near 1 / A (a fit
    at its limit: r and alpha without bound at a finite rate); there the power series is summed
    directly, its terms shrinking by about A z / k."""
    from scipy.special import hyp2f1  # noqa: PLC0415

    A, B, C, z = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (A, B, C, z)))
    with np.errstate(all="ignore"):
        value = np.asarray(hyp2f1(A, B, C, z), dtype=float)
    failed = ~np.isfinite(value)
    if failed.any():
        value = value.copy()
        value[failed] = hyp2f1_series(A[failed], B[failed], C[failed], z[failed])
    return value


def hyp2f1_series(A: np.ndarray, B: np.ndarray, C: np.ndarray, z: np.ndarray, terms: int = 100_000) -> np.ndarray:
    """The hypergeometric series sum_k (A)_k (B)_k / ((C)_k k!) z^k, to double precision (|z| < 1)."""
    term = np.ones_like(z)
    total = np.ones_like(z)
    for k in range(terms):
        term = term * (A + k) * (B + k) / ((C + k) * (k + 1)) * z
        total = total + term
        if np.all(np.abs(term) <= 1e-17 * np.abs(total)):
            break
    return total


@dataclass(frozen=True)
class BgNbd:
    """BG/NBD: purchases at Poisson rate lambda ~ Gamma(r, alpha) while alive; after each purchase
    the customer drops out with probability p ~ Beta(a, b)."""

    r: float
    alpha: float
    a: float
    b: float

    def log_likelihood(self, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """Each customer's log-likelihood (FHL 2005, equation 6)."""
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        common = _gammaln(r + x) - _gammaln(r) + r * np.log(alpha)
        still = _betaln(a, b + x) - _betaln(a, b) - (r + x) * np.log(alpha + T)
        repeat = x > 0
        gone = np.full_like(x, -np.inf)
        gone[repeat] = _betaln(a + 1, b + x[repeat] - 1) - _betaln(a, b) - (r + x[repeat]) * np.log(alpha + t_x[repeat])
        return common + np.logaddexp(still, gone)

    def p_alive(self, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """P(still alive at T | x, t_x, T)."""
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        with np.errstate(over="ignore", divide="ignore"):  # a fit at its limit: odds overflow to inf, P(alive) to 0
            return self._p_alive(x, t_x, T)

    def _p_alive(self, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        # ((alpha + T) / (alpha + t_x)) ** (r + x), through log1p: exact when r and alpha are huge
        growth = np.exp((self.r + x) * np.log1p((T - t_x) / (self.alpha + t_x)))
        odds = np.where(x > 0, self.a / np.maximum(self.b + x - 1, 1e-300) * growth, 0.0)
        return 1.0 / (1.0 + odds)

    def expected(self, t: float, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """E[Y(t) | x, t_x, T]: repeat purchases expected in the next `t` units (FHL 2005, equation 10)."""
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        shrink = np.exp(-(r + x) * np.log1p(t / (alpha + T)))  # ((alpha + T) / (alpha + T + t)) ** (r + x)
        hyper = _hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
        numerator = (a + b + x - 1) / (a - 1) * (1 - shrink * hyper)
        return numerator * self.p_alive(x, t_x, T)

    def unconditional(self, t: float) -> float:
        """E[X(t)]: purchases a new customer makes in `t` units after its first (FHL 2005, equation 9)."""
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        shrink = np.exp(-r * np.log1p(t / alpha))  # (alpha / (alpha + t)) ** r
        return float((a + b - 1) / (a - 1) * (1 - shrink * _hyp2f1(r, b, a + b - 1, t / (alpha + t))))

    def params(self) -> dict[str, float]:
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}


@dataclass(frozen=True)
class ParetoNbd:
    """Pareto/NBD (Schmittlein, Morrison & Colombo 1987): purchases at Poisson rate lambda ~
    Gamma(r, alpha) while alive; an exponential lifetime with rate mu ~ Gamma(s, beta)."""

    r: float
    alpha: float
    s: float
    beta: float

    def _log_a0(self, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """log A0 of Fader & Hardie's note on the Pareto/NBD (2005), equations 19 and 20, in
        logarithms so that large x and T do not overflow."""
        from scipy.special import hyp2f1, logsumexp  # noqa: PLC0415

        r, alpha, s, beta = self.r, self.alpha, self.s, self.beta
        high, second = (beta, r + x) if alpha < beta else (alpha, np.full_like(x, s + 1.0))
        gap = abs(alpha - beta)
        rsx = r + s + x
        p1 = hyp2f1(rsx, second, rsx + 1.0, gap / (high + t_x))
        p2 = hyp2f1(rsx, second, rsx + 1.0, gap / (high + T))
        q1, q2 = high + t_x, high + T
        sign = np.ones_like(x)
        terms = [np.log(p1) + rsx * np.log(q2), np.log(p2) + rsx * np.log(q1)]
        return logsumexp(terms, axis=0, b=[sign, -sign]) - rsx * np.log(q1 * q2)

    def log_likelihood(self, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """Each customer's log-likelihood (Fader & Hardie 2005, equation 18)."""
        r, alpha, s, beta = self.r, self.alpha, self.s, self.beta
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        first = _gammaln(r + x) - _gammaln(r) + r * np.log(alpha) + s * np.log(beta)
        alive = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
        return first + np.logaddexp(alive, np.log(s) + self._log_a0(x, t_x, T) - np.log(r + s + x))

    def p_alive(self, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """P(still alive at T | x, t_x, T)."""
        r, alpha, s, beta = self.r, self.alpha, self.s, self.beta
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        with np.errstate(over="ignore"):
            log_odds = np.log(s / (r + s + x)) + (r + x) * np.log(alpha + T) + s * np.log(beta + T) + self._log_a0(x, t_x, T)
            return 1.0 / (1.0 + np.exp(log_odds))

    def expected(self, t: float, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """E[Y(t) | x, t_x, T] (Fader & Hardie 2005, equation 22)."""
        r, alpha, s, beta = self.r, self.alpha, self.s, self.beta
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        rate = (r + x) * (beta + T) / ((alpha + T) * (s - 1))
        return rate * (1 - ((beta + T) / (beta + T + t)) ** (s - 1)) * self.p_alive(x, t_x, T)

    def params(self) -> dict[str, float]:
        return {"r": self.r, "alpha": self.alpha, "s": self.s, "beta": self.beta}


@dataclass(frozen=True)
class GammaGamma:
    """Gamma-Gamma: a customer's transaction values are Gamma(p, nu) around its own mean, and
    nu ~ Gamma(q, gamma) across customers; mean values independent of purchase frequency."""

    p: float
    q: float
    gamma: float

    def log_likelihood(self, x: np.ndarray, m: np.ndarray) -> np.ndarray:
        """Each repeat buyer's log-likelihood of its mean value m over x transactions (FH 2013, equation 4)."""
        p, q, g = self.p, self.q, self.gamma
        x, m = np.asarray(x, dtype=float), np.asarray(m, dtype=float)
        return (
            _gammaln(p * x + q) - _gammaln(p * x) - _gammaln(q) + q * np.log(g)
            + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(g + m * x)
        )

    def expected_value(self, x: np.ndarray, m: np.ndarray) -> np.ndarray:
        """E[M | x, m]: the expected value of a customer's next transaction (FH 2013, equation 5);
        the population mean p * gamma / (q - 1) for a customer who has not bought again."""
        x, m = np.asarray(x, dtype=float), np.asarray(m, dtype=float)
        return (self.gamma + m * x) * self.p / (self.p * x + self.q - 1)

    def params(self) -> dict[str, float]:
        return {"p": self.p, "q": self.q, "gamma": self.gamma}


@dataclass(frozen=True)
class ShiftedBetaGeometric:
    """sBG: a contract is renewed each period with a customer's own probability 1 - theta, where
    theta ~ Beta(alpha, beta) across customers (FH 2007)."""

    alpha: float
    beta: float

    def survival(self, t: np.ndarray | int) -> np.ndarray:
        """S(t): the share of a cohort still under contract after t renewals could have happened."""
        t = np.asarray(t, dtype=float)
        return np.exp(_betaln(self.alpha, self.beta + t) - _betaln(self.alpha, self.beta))

    def churn(self, t: np.ndarray | int) -> np.ndarray:
        """P(T = t): the share that leaves at period t (t = 1, 2, ...)."""
        t = np.asarray(t, dtype=float)
        return np.exp(_betaln(self.alpha + 1, self.beta + t - 1) - _betaln(self.alpha, self.beta))

    def expected_renewals(self, periods: np.ndarray, churned: np.ndarray, T: np.ndarray) -> np.ndarray:
        """Renewals expected of each customer from now until it has been observed `T` periods: none
        of one that left; of one still under contract after n periods, the sum over the renewals
        falling due by then (periods n + 1, ..., floor(T)) of S(n + j) / S(n)."""
        periods, T = np.asarray(periods, dtype=float), np.asarray(T, dtype=float)
        due = np.where(np.asarray(churned, dtype=bool), 0, np.maximum(np.floor(T + 1e-9) - periods, 0)).astype(int)
        total = np.zeros(periods.shape)
        for j in range(1, int(due.max(initial=0)) + 1):  # one vectorised step per period ahead
            total += np.where(j <= due, np.exp(_betaln(self.alpha, self.beta + periods + j) - _betaln(self.alpha, self.beta + periods)), 0.0)
        return total

    def log_likelihood(self, periods: np.ndarray, churned: np.ndarray) -> np.ndarray:
        """Each customer's log-likelihood: left at period `periods` when churned, else still under
        contract after `periods` periods."""
        periods = np.asarray(periods, dtype=float)
        churned = np.asarray(churned, dtype=bool)
        return np.where(churned, np.log(self.churn(np.maximum(periods, 1))), np.log(self.survival(periods)))

    def params(self) -> dict[str, float]:
        return {"alpha": self.alpha, "beta": self.beta}


MONTH_DAYS = 365.25 / 12


def customer_value(
    bgnbd: BgNbd | ParetoNbd,
    gamma_gamma: GammaGamma,
    x: np.ndarray,
    t_x: np.ndarray,
    T: np.ndarray,
    m: np.ndarray,
    months: int,
    monthly_discount: float,
    month: float,
) -> np.ndarray:
    """Each customer's discounted value over the next `months` months: in month k, the purchases
    BG/NBD expects in it (E[Y(k)] - E[Y(k - 1)], given x, t_x, T) times the value Gamma-Gamma
    expects of each, discounted by (1 + monthly_discount)^k; `month` is a month in the models' unit."""
    each = gamma_gamma.expected_value(x, np.where(x > 0, m, 0.0))
    total = np.zeros(np.shape(x), dtype=float)
    before = np.zeros(np.shape(x), dtype=float)
    for k in range(1, months + 1):  # one vectorised step per month of the horizon
        now = bgnbd.expected(k * month, x, t_x, T)
        total += (now - before) * each / (1 + monthly_discount) ** k
        before = now
    return total


def _maximise(negative_log_likelihood: Callable[[np.ndarray], float], start: Sequence[float]) -> tuple[np.ndarray, float]:
    """The positive parameters that maximise a likelihood: Nelder-Mead on their logarithms (no
    bounds to respect), polished by BFGS; (parameters, maximum log-likelihood)."""
    from scipy.optimize import minimize  # noqa: PLC0415

    def objective(logs: np.ndarray) -> float:
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):  # the search may step where the likelihood is 0
            value = negative_log_likelihood(np.exp(logs))
        return value if np.isfinite(value) else 1e300

    found = minimize(objective, np.log(np.asarray(start, dtype=float)), method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-10, "maxiter": 20_000, "maxfev": 40_000})
    polished = minimize(objective, found.x, method="BFGS", options={"gtol": 1e-8})
    best = polished if polished.fun <= found.fun else found
    return np.exp(best.x), -float(best.fun)


def fit_bgnbd(x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> tuple[BgNbd, float]:
    """BG/NBD by maximum likelihood on customers' (x, t_x, T); the model and its log-likelihood."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    # alpha starts at the scale of T so that the search starts where the likelihood is not flat.
    scale = float(np.mean(T)) if T.size else 1.0
    found, ll = _maximise(lambda v: -float(np.sum(BgNbd(*v).log_likelihood(x, t_x, T))), (1.0, scale, 1.0, 1.0))
    return BgNbd(*map(float, found)), ll


def fit_pareto_nbd(x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> tuple[ParetoNbd, float]:
    """Pareto/NBD by maximum likelihood on customers' (x, t_x, T)."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    scale = float(np.mean(T)) if T.size else 1.0
    found, ll = _maximise(lambda v: -float(np.sum(ParetoNbd(*v).log_likelihood(x, t_x, T))), (1.0, scale, 1.0, scale))
    return ParetoNbd(*map(float, found)), ll


def fit_gamma_gamma(x: np.ndarray, m: np.ndarray) -> tuple[GammaGamma, float]:
    """Gamma-Gamma by maximum likelihood on repeat buyers' (x, mean value)."""
    x, m = np.asarray(x, dtype=float), np.asarray(m, dtype=float)
    scale = float(np.mean(m)) if m.size else 1.0
    found, ll = _maximise(lambda v: -float(np.sum(GammaGamma(*v).log_likelihood(x, m))), (1.0, 1.0, scale))
    return GammaGamma(*map(float, found)), ll


def fit_sbg(periods: np.ndarray, churned: np.ndarray) -> tuple[ShiftedBetaGeometric, float]:
    """The shifted-beta-geometric model by maximum likelihood on customers' (periods, churned)."""
    periods, churned = np.asarray(periods, dtype=float), np.asarray(churned, dtype=bool)
    found, ll = _maximise(lambda v: -float(np.sum(ShiftedBetaGeometric(*v).log_likelihood(periods, churned))), (1.0, 1.0))
    return ShiftedBetaGeometric(*map(float, found)), ll


def survivors_to_customers(survival: Sequence[float], cohort: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    """A cohort's survival curve (S(0) = 1 first, as shares) as one (periods, churned) per customer:
    the form the published retention tables come in."""
    alive = np.round(np.asarray(survival, dtype=float) / survival[0] * cohort).astype(int)
    lost = -np.diff(alive)
    periods = np.concatenate([np.repeat(np.arange(1, alive.size), lost), np.full(alive[-1], alive.size - 1)])
    churned = np.concatenate([np.ones(lost.sum(), dtype=bool), np.zeros(alive[-1], dtype=bool)])
    return periods, churned


# --- what the engine summarises -----------------------------------------------------------------


def _col(name: str, table: str | None = None) -> exp.Column:
    return exp.column(name, table=table, quoted=True)


def _date(day: dt.date) -> exp.Expression:
    return exp.cast(exp.Literal.string(day.isoformat()), "DATE")


def _days(later: exp.Expression, earlier: exp.Expression) -> exp.Expression:
    return exp.DateDiff(this=later, expression=earlier, unit=exp.var("DAY"))


def occasions(ws: Any) -> exp.Select:
    """One row per customer and day it bought: (account_id, day, value, renewal). Won deals and
    orders both; what is bought on one day is one occasion, worth its sum."""
    have = ws.columns()
    parts: list[exp.Select] = []
    if "orders" in have:
        kind = _col("kind") if "kind" in have["orders"] else exp.null()
        parts.append(
            exp.select(
                _col("account_id"),
                exp.cast(_col("ordered_at"), "DATE").as_("day"),
                exp.cast(_col("amount"), "DOUBLE").as_("value"),
                exp.Case().when(exp.EQ(this=kind, expression=exp.Literal.string("renewal")), exp.convert(1)).else_(exp.convert(0)).as_("renewal"),
            )
            .from_("orders")
            .where(exp.and_(_col("account_id").is_(exp.null()).not_(), _col("ordered_at").is_(exp.null()).not_()))
        )
    if "deals" in have:
        parts.append(
            exp.select(
                _col("account_id"),
                exp.cast(_col("closed_at"), "DATE").as_("day"),
                exp.cast(exp.func("COALESCE", _col("amount"), exp.convert(0)), "DOUBLE").as_("value"),
                exp.convert(0).as_("renewal"),
            )
            .from_("deals")
            .where(
                exp.and_(
                    exp.EQ(this=_col("outcome"), expression=exp.Literal.string("won")),
                    _col("account_id").is_(exp.null()).not_(),
                    _col("closed_at").is_(exp.null()).not_(),
                )
            )
        )
    union: exp.Query = parts[0]
    for part in parts[1:]:
        union = exp.union(union, part, distinct=False)
    return (
        exp.select(
            _col("account_id"),
            _col("day"),
            exp.func("SUM", _col("value")).as_("value"),
            exp.func("MAX", _col("renewal")).as_("renewal"),
        )
        .from_(union.subquery("purchases"))
        .group_by(_col("account_id"), _col("day"))
    )


SEGMENTS = ("channel", "industry", "size_band", "campaign")
_FIRST_WON = """
SELECT account_id, channel, campaign FROM (
  SELECT d.account_id, COALESCE(d.channel, c.channel) AS channel, c.campaign AS campaign,
         ROW_NUMBER() OVER (PARTITION BY d.account_id ORDER BY d.closed_at, d.deal_id) AS nth
  FROM deals AS d LEFT JOIN contacts AS c ON c.contact_id = d.contact_id
  WHERE d.outcome = 'won' AND d.closed_at IS NOT NULL AND d.account_id IS NOT NULL
) AS ranked WHERE nth = 1
"""


_BOUGHT = """(
  SELECT account_id, product, CAST(ordered_at AS DATE) AS day FROM orders WHERE ordered_at IS NOT NULL
  UNION ALL
  SELECT account_id, product, CAST(closed_at AS DATE) AS day FROM deals WHERE outcome = 'won' AND closed_at IS NOT NULL
)"""
# Customers whose first purchase included a product that renewal orders renew: a contract starts then.
_CONTRACTS = f"""
SELECT DISTINCT b.account_id FROM {_BOUGHT} AS b
JOIN (SELECT account_id, MIN(day) AS first_day FROM {_BOUGHT} AS a GROUP BY account_id) AS f
  ON f.account_id = b.account_id AND b.day = f.first_day
JOIN (SELECT DISTINCT product FROM orders WHERE kind = 'renewal' AND product IS NOT NULL) AS renewed
  ON renewed.product = b.product
"""


def segment_query(by: str) -> exp.Query:
    """(account_id, segment): the channel or campaign of a customer's first won deal (its
    contact's channel when the deal names none), or its account's industry or size band."""
    if by in ("industry", "size_band"):
        return exp.select(_col("account_id"), _col(by).as_("segment")).from_("accounts")
    ranked = parse(_FIRST_WON)
    return exp.select(_col("account_id"), _col(by).as_("segment")).from_(ranked.subquery("first_won"))


def summary_query(
    ws: Any, calibration: tuple[dt.date, dt.date], holdout_end: dt.date | None, by: str | None = None, contracts: bool = False
) -> exp.Select:
    """Per customer whose first purchase falls in the calibration period (first and last day, both
    in): its first day, x, days to its last repeat occasion, days to the period's last day, the
    repeat occasions' value, renewals, and its occasions and value in the holdout (the days after
    the calibration up to `holdout_end`)."""
    first_day, last_day = calibration
    after = last_day + dt.timedelta(days=1)
    day, first = _col("day", "o"), _col("first_day", "f")
    repeat = exp.and_(exp.GT(this=day, expression=first), exp.LTE(this=day.copy(), expression=_date(last_day)))
    if holdout_end is None:
        in_holdout: exp.Expression = exp.false()
    else:
        in_holdout = exp.and_(exp.GTE(this=day.copy(), expression=_date(after)), exp.LTE(this=day.copy(), expression=_date(holdout_end)))

    def when(condition: exp.Expression, value: exp.Expression) -> exp.Case:
        return exp.Case().when(condition.copy(), value)

    firsts = exp.select(_col("account_id"), exp.func("MIN", _col("day")).as_("first_day")).from_("occasions").group_by(_col("account_id"))
    segment = [] if by is None else [exp.func("MAX", _col("segment", "s")).as_("segment")]
    if contracts:  # whether the customer's first purchase was of a product that is renewed (the sBG's population)
        known = exp.Case().when(_col("account_id", "c").is_(exp.null()).not_(), exp.convert(1)).else_(exp.convert(0))
        segment.append(exp.func("MAX", known).as_("contract"))
    query = (
        exp.select(
            _col("account_id", "f"),
            *segment,
            first.copy().as_("first_day"),
            exp.func("COUNT", when(repeat, exp.convert(1))).as_("x"),
            exp.func("COALESCE", exp.func("MAX", when(repeat, _days(day.copy(), first.copy()))), exp.convert(0)).as_("t_x_days"),
            _days(_date(last_day), first.copy()).as_("T_days"),
            exp.func("COALESCE", exp.func("SUM", when(repeat, _col("value", "o"))), exp.convert(0.0)).as_("repeat_value"),
            exp.func("COUNT", when(exp.and_(repeat, exp.EQ(this=_col("renewal", "o"), expression=exp.convert(1))), exp.convert(1))).as_("renewals"),
            exp.func("COUNT", when(in_holdout, exp.convert(1))).as_("holdout_x"),
            exp.func("COALESCE", exp.func("SUM", when(in_holdout, _col("value", "o"))), exp.convert(0.0)).as_("holdout_value"),
            exp.func(
                "COUNT", when(exp.and_(in_holdout, exp.EQ(this=_col("renewal", "o"), expression=exp.convert(1))), exp.convert(1))
            ).as_("holdout_renewals"),
        )
        .with_("occasions", occasions(ws))
        .with_("firsts", firsts)
        .from_(exp.alias_(exp.to_table("firsts"), "f"))
        .join(exp.alias_(exp.to_table("occasions"), "o"), on=exp.EQ(this=_col("account_id", "o"), expression=_col("account_id", "f")))
        .where(exp.and_(exp.GTE(this=first.copy(), expression=_date(first_day)), exp.LTE(this=first.copy(), expression=_date(last_day))))
        .group_by(_col("account_id", "f"), first.copy())
        .order_by(_col("account_id", "f"))
    )
    if contracts:
        query = query.with_("contracts", parse(_CONTRACTS)).join(
            exp.alias_(exp.to_table("contracts"), "c"), on=exp.EQ(this=_col("account_id", "c"), expression=_col("account_id", "f")), join_type="LEFT"
        )
    if by is not None:
        query = query.with_("segments", segment_query(by)).join(
            exp.alias_(exp.to_table("segments"), "s"), on=exp.EQ(this=_col("account_id", "s"), expression=_col("account_id", "f")), join_type="LEFT"
        )
    return query


def span_query(ws: Any) -> exp.Select:
    """The first and last day anyone bought."""
    return exp.select(exp.func("MIN", _col("day")), exp.func("MAX", _col("day"))).from_(occasions(ws).subquery("o"))


# --- the fit, with its holdout check -------------------------------------------------------------


@dataclass(frozen=True)
class ClvFit:
    """A fitted model: its parameters by name, the log-likelihood, the customers it was fitted on,
    and how its predictions compare with the holdout period that followed the calibration."""

    model: str
    unit: str
    period: str
    holdout_period: str | None
    customers: int
    params: Mapping[str, float]
    log_likelihood: float
    holdout: Mapping[str, Any] | None = None
    by_frequency: tuple[Mapping[str, Any], ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    # predicted value per segment (BG/NBD or Pareto/NBD with Gamma-Gamma): its key, the horizon and the discount
    value: tuple[Mapping[str, Any], ...] = ()
    value_params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "unit": self.unit,
            "period": self.period,
            "holdout_period": self.holdout_period,
            "customers": self.customers,
            **dict(self.params),
            "log_likelihood": self.log_likelihood,
            "holdout": None if self.holdout is None else {**dict(self.holdout), "by_frequency": [dict(r) for r in self.by_frequency]},
            **({"value": {**dict(self.value_params), "segments": [dict(r) for r in self.value]}} if self.value else {}),
            "notes": list(self.notes),
        }

    def to_tabular(self) -> Tabular:
        parameters = Table(
            "parameters",
            {"ja": "モデルのパラメータ", "en": "Model parameters"},
            columns(("parameter", "label"), ("value", "number")),
            tuple(
                [{"parameter": k, "value": v} for k, v in self.params.items()]
                + [{"parameter": "log_likelihood", "value": self.log_likelihood}, {"parameter": "customers", "value": self.customers}]
            ),
        )
        tables = [parameters]
        if self.by_frequency:
            tables.append(
                Table(
                    "holdout",
                    {"ja": "検証期間の更新の予測と実績", "en": "Holdout: renewals predicted vs actual"}
                    if self.model == "sbg"
                    else {"ja": "検証期間の予測と実績", "en": "Holdout: predicted vs actual"},
                    columns(("frequency", "label"), ("customers", "count"), ("actual", "number"), ("predicted", "number")),
                    tuple(dict(r) for r in self.by_frequency),
                )
            )
        if self.value:
            tables.append(
                Table(
                    "value",
                    {"ja": "予測顧客価値（割引後）", "en": "Predicted customer value (discounted)"},
                    columns(
                        ("segment", "label"),
                        ("customers", "count"),
                        ("p_alive", "percent"),
                        ("expected_purchases", "number"),
                        ("expected_value", "money"),
                        ("predicted_value", "money"),
                        ("predicted_total", "money"),
                        ("small_sample", "flag"),
                    ),
                    tuple(dict(r) for r in self.value),
                )
            )
        params = {"model": self.model, "unit": self.unit, "period": self.period, "holdout": self.holdout_period, **dict(self.value_params)}
        return Tabular("clv", params, tuple(tables), self.notes)


def _parse_day_range(ws: Any, text: str, lang: str, option: str) -> tuple[dt.date, dt.date]:
    period = ws.resolve_period(text, lang, measured=False)
    return period.start, period.last_day


def fit(
    ws: Any,
    *,
    model: str = "bgnbd",
    period: str | None = None,
    holdout: str | None = None,
    unit: str | None = None,
    by: str | None = None,
    horizon: str | None = None,
    discount: str | float | None = None,
    lang: str | None = None,
) -> ClvFit:
    """Fit `model` on the customers acquired in the calibration `period` (default: the first half
    of the data), and check it on the `holdout` period (default: as long as the calibration, right
    after it, cut at the data's end). With BG/NBD or Pareto/NBD and a `horizon`, also each segment's (`by`)
    predicted value over the horizon after the calibration, discounted at the yearly `discount`."""
    lang = lang or ws.lang
    if by is not None and by not in SEGMENTS:
        raise UnknownNameError.for_name("--by", by, SEGMENTS)
    months = None if horizon is None else parse_months(horizon, lang)
    yearly = parse_discount(discount, lang)
    if model not in MODELS:
        raise UnknownNameError.for_name("--model", model, MODELS)
    unit = unit or DEFAULT_UNIT[model]
    if unit not in UNITS:
        raise UnknownNameError.for_name("--unit", unit, UNITS)
    span = ws.engine.run(span_query(ws)).one()
    if span[0] is None:
        raise ClvError(say("clv.no_purchases", lang))
    data_first, data_last = (_as_date(v) for v in span)
    if period is None:
        calibration = (data_first, data_first + (data_last - data_first) // 2)
    else:
        calibration = _parse_day_range(ws, period, lang, "--period")
    if holdout is None:
        length = calibration[1] - calibration[0]
        hold = (calibration[1] + dt.timedelta(days=1), min(calibration[1] + dt.timedelta(days=1) + length, data_last))
    else:
        hold = _parse_day_range(ws, holdout, lang, "--holdout")
        if hold[0] <= calibration[1]:
            raise ClvError(say("clv.holdout_overlaps", lang, holdout=holdout, end=calibration[1].isoformat()))
    has_holdout = hold[1] >= hold[0]
    rows = dict(ws.engine.arrays(summary_query(ws, calibration, hold[1] if has_holdout else None, by if months else None, model == "sbg")))
    days = UNITS[unit]
    x = np.asarray(rows["x"], dtype=float)
    t_x = np.asarray(rows["t_x_days"], dtype=float) / days
    T = np.asarray(rows["T_days"], dtype=float) / days
    period_label = f"{calibration[0].isoformat()}..{calibration[1].isoformat()}"
    holdout_label = f"{hold[0].isoformat()}..{hold[1].isoformat()}" if has_holdout else None
    customers = int(x.size)
    if model in ("bgnbd", "pareto"):
        if customers < 2 or not np.any(x > 0):
            raise ClvError(say("clv.too_few", lang, customers=customers, repeat=int(np.sum(x > 0)), period=period_label))
        fitted: BgNbd | ParetoNbd
        fitted, ll = fit_bgnbd(x, t_x, T) if model == "bgnbd" else fit_pareto_nbd(x, t_x, T)
        summary, buckets = None, ()
        if has_holdout:
            length = ((hold[1] - hold[0]).days + 1) / days
            predicted = fitted.expected(length, x, t_x, T)
            actual = np.asarray(rows["holdout_x"], dtype=float)
            summary, buckets = _holdout(length, x, actual, predicted)
        notes: list[str] = []
        if isinstance(fitted, BgNbd) and fitted.a / (fitted.a + fitted.b) < 1e-4:
            notes.append(say("clv.no_dropout", lang, share=f"{fitted.a / (fitted.a + fitted.b):.1e}"))
        value: tuple[dict[str, Any], ...] = ()
        value_params: dict[str, Any] = {}
        if months:
            worth = np.asarray(rows["repeat_value"], dtype=float)
            m = np.divide(worth, x, out=np.zeros_like(worth), where=x > 0)
            repeaters = (x > 0) & (m > 0)
            if int(repeaters.sum()) < 2:
                notes.append(say("clv.no_value", lang, repeat=int(repeaters.sum())))
            else:
                gg, _ = fit_gamma_gamma(x[repeaters], m[repeaters])
                monthly = (1 + yearly) ** (1 / 12) - 1
                clv = customer_value(fitted, gg, x, t_x, T, m, months, monthly, MONTH_DAYS / days)
                purchases = fitted.expected(months * MONTH_DAYS / days, x, t_x, T)
                each = gg.expected_value(x, m)
                segments = rows["segment"] if "segment" in rows else np.full(customers, None, dtype=object)
                value = _by_segment(segments, fitted.p_alive(x, t_x, T), purchases, each, clv)
                value_params = {"by": by, "horizon": f"{months}m", "discount": yearly, **{f"gg_{k}": v for k, v in gg.params().items()}}
        return ClvFit(
            model, unit, period_label, holdout_label, customers, fitted.params(), ll, summary, buckets, tuple(notes), value, value_params
        )
    if model == "gg":
        repeaters = x > 0
        if int(repeaters.sum()) < 2:
            raise ClvError(say("clv.too_few", lang, customers=customers, repeat=int(repeaters.sum()), period=period_label))
        value = np.asarray(rows["repeat_value"], dtype=float)
        m = value[repeaters] / x[repeaters]
        if np.any(m <= 0):
            raise ClvError(say("clv.non_positive", lang, count=int(np.sum(m <= 0))))
        fitted_gg, ll = fit_gamma_gamma(x[repeaters], m)
        summary, buckets = None, ()
        if has_holdout:
            held_x = np.asarray(rows["holdout_x"], dtype=float)
            held_value = np.asarray(rows["holdout_value"], dtype=float)
            bought = repeaters & (held_x > 0)
            expected = fitted_gg.expected_value(x[bought], value[bought] / x[bought])
            summary = {
                "customers": int(bought.sum()),
                "actual_mean_value": float(np.sum(held_value[bought]) / np.sum(held_x[bought])) if bought.any() else None,
                "predicted_mean_value": float(np.average(expected, weights=held_x[bought])) if bought.any() else None,
            }
        return ClvFit("gg", unit, period_label, holdout_label, int(repeaters.sum()), fitted_gg.params(), ll, summary, buckets)
    renewals = np.asarray(rows["renewals"], dtype=float)
    held = np.asarray(rows["holdout_renewals"], dtype=float)
    T_end = T + ((hold[1] - calibration[1]).days / days if has_holdout else 0.0)
    contract = np.asarray(rows["contract"], dtype=int) == 1
    if contract.any():  # customers who started with a renewed product only (everyone when renewals name no product)
        renewals, held, T, T_end, customers = renewals[contract], held[contract], T[contract], T_end[contract], int(contract.sum())
    periods, churned = renewal_histories(renewals, T)
    if customers < 2:
        raise ClvError(say("clv.too_few", lang, customers=customers, repeat=int(np.sum(periods > 0)), period=period_label))
    fitted_sbg, ll = fit_sbg(periods, churned)
    summary, buckets = None, ()
    if has_holdout:
        predicted = fitted_sbg.expected_renewals(periods, churned, T_end)
        summary, buckets = _holdout(((hold[1] - hold[0]).days + 1) / days, renewals, held, predicted)
    return ClvFit("sbg", unit, period_label, holdout_label, customers, fitted_sbg.params(), ll, summary, buckets)


def parse_months(text: str, lang: str) -> int:
    """`36m` or `3y` as months."""
    found = re.fullmatch(r"\s*(\d+)\s*([my])\s*", str(text).lower())
    months = 0 if found is None else int(found.group(1)) * (12 if found.group(2) == "y" else 1)
    if months <= 0:
        raise ClvError(say("economics.bad_horizon", lang, value=text))
    return months


def parse_discount(value: str | float | None, lang: str) -> float:
    """A yearly discount rate: 0.1 or 10% (default 10%)."""
    if value is None:
        return 0.1
    text = str(value).strip()
    try:
        rate = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        rate = -1.0
    if not 0 <= rate < 10:
        raise ClvError(say("clv.bad_discount", lang, value=value))
    return rate


def _by_segment(
    segments: np.ndarray, p_alive: np.ndarray, purchases: np.ndarray, each: np.ndarray, clv: np.ndarray
) -> tuple[dict[str, Any], ...]:
    """Per segment (None last): customers, mean P(alive), mean purchases expected over the horizon,
    mean value expected of a purchase, mean and total predicted value."""
    keys = np.array(["\x00" if v is None else str(v) for v in segments], dtype=object)
    names, group = np.unique(keys, return_inverse=True)
    counts = np.bincount(group, minlength=names.size)

    def mean(values: np.ndarray) -> np.ndarray:
        return np.bincount(group, weights=values, minlength=names.size) / counts

    alive, bought, worth, value = mean(p_alive), mean(purchases), mean(each), mean(clv)
    order = sorted(range(names.size), key=lambda i: (names[i] == "\x00", names[i]))
    return tuple(
        {
            "segment": None if names[i] == "\x00" else names[i],
            "customers": int(counts[i]),
            "p_alive": float(alive[i]),
            "expected_purchases": float(bought[i]),
            "expected_value": float(worth[i]),
            "predicted_value": float(value[i]),
            "predicted_total": float(value[i] * counts[i]),
            "small_sample": bool(counts[i] < SMALL_SAMPLE),
        }
        for i in order
    )


def renewal_histories(renewals: np.ndarray, T: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(periods, churned) per customer from its renewals and the contract periods T it has been
    observed (in the renewal cycle's unit): a customer whose next renewal fell due before the
    period's end and did not come has left at period renewals + 1; else it is still under contract
    after `renewals` periods."""
    renewals = np.asarray(renewals, dtype=float)
    due = renewals + 1 <= np.asarray(T, dtype=float)
    return np.where(due, renewals + 1, renewals), due


def _holdout(length: float, x: np.ndarray, actual: np.ndarray, predicted: np.ndarray) -> tuple[dict[str, Any], tuple[dict[str, Any], ...]]:
    """Totals and the figure of FHL 2005: customers grouped by calibration repeat purchases
    (0 .. 6, 7+), their mean holdout purchases against the model's."""
    bucket = np.minimum(x, FREQUENCY_BUCKETS).astype(int)
    counts = np.bincount(bucket, minlength=FREQUENCY_BUCKETS + 1)
    actual_sum = np.bincount(bucket, weights=actual, minlength=FREQUENCY_BUCKETS + 1)
    predicted_sum = np.bincount(bucket, weights=predicted, minlength=FREQUENCY_BUCKETS + 1)
    rows = tuple(
        {
            "frequency": f"{k}+" if k == FREQUENCY_BUCKETS else str(k),
            "customers": int(counts[k]),
            "actual": float(actual_sum[k] / counts[k]),
            "predicted": float(predicted_sum[k] / counts[k]),
        }
        for k in range(FREQUENCY_BUCKETS + 1)
        if counts[k]
    )
    summary = {"length": length, "actual": float(actual.sum()), "predicted": float(predicted.sum())}
    return summary, rows


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def clv(
    ws: Any,
    *,
    model: str = "bgnbd",
    calibration: str | None = None,
    holdout: str | None = None,
    unit: str | None = None,
    by: str | None = None,
    horizon: str = "36m",
    discount: str | float | None = None,
    lang: str | None = None,
) -> Tabular:
    """The registered analysis: the fit's parameters, its holdout check and (BG/NBD) the value it
    predicts per segment, as tables. Its calibration is not called `period`: the report runs
    analyses for its own period, which would leave no holdout after it."""
    return fit(
        ws, model=model, period=calibration, holdout=holdout, unit=unit, by=by, horizon=horizon, discount=discount, lang=lang
    ).to_tabular()


def charts(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The holdout check as bars: mean repeat purchases per customer, actual beside predicted, by
    purchases in the calibration (a Plotly figure drawn from the result's JSON)."""
    tables = data["tables"]
    if "holdout" not in tables:
        return []
    rows = tables["holdout"]["rows"]
    x = [r["frequency"] for r in rows]
    actual, predicted, title, axis = {
        "ja": ("実績", "予測", "検証期間の再購買（1社あたり）", "当てはめ期間の再購買回数"),
        "en": ("Actual", "Predicted", "Repeat purchases per customer in the holdout", "Repeat purchases in the calibration"),
    }[lang if lang == "ja" else "en"]
    return [
        {
            "data": [
                {"type": "bar", "name": actual, "x": x, "y": [r["actual"] for r in rows]},
                {"type": "bar", "name": predicted, "x": x, "y": [r["predicted"] for r in rows]},
            ],
            "layout": {"title": {"text": title}, "barmode": "group", "xaxis": {"title": {"text": axis}, "type": "category"}},
        }
    ]
