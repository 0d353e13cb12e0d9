"""Customer economics (issue 19): what a new customer cost (CAC), what it has been worth since
(realised LTV), their ratio against the 3x line, and the months to pay the cost back, by channel,
industry, size band or campaign.

- New customers are accounts whose first won deal closed in the period. A customer belongs to the
  channel of that deal, else its contact's channel; to its contact's campaign; to its account's
  industry and size band.
- CAC = the period's costs of the chosen categories (`costs`: marketing = media, event and content;
  all; or a list such as media,event) attributed to the segment / its new customers, beside the
  fully loaded CAC (every category). By channel and by campaign a cost belongs to the segment it
  names; by industry or size band each new customer carries its channel's CAC. Costs that name no
  segment are an `overhead` row of their own, or are spread by a declared rule (`spread`: in
  proportion to new customers, or to the costs segments already carry); a `*` row is the blended figure.
- Realised LTV over the horizon: won deals (the first one included) and orders of every kind,
  by calendar months since acquisition (month 0 is the month of the first won deal). Customers
  acquired recently are observed for fewer months: each month's mean value is taken over the
  customers observed in it, and the LTV is the sum of those means (the cohort curve's last point).
- Payback months = CAC / (lifetime gross margin per customer / months the curve covers). Orders
  carry their gross margin; rows without one (won deals) count at the orders' margin rate
  (revenue when no order has a margin).
- 95% intervals by bootstrap over new customers (seeded, 1,000 draws, all segments at once, so
  that a segment's count varies too); segments under 30 new customers are marked small.

The per-customer and per-month sums are computed by the engine (SQLGlot, every engine); numpy
only resamples the per-customer arrays.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from kpiflow.analysis.result import Table, Tabular, columns
from kpiflow.engine.base import fill
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.messages import say
from kpiflow.model.periods import period_of
from kpiflow.model.schema import COST_CATEGORIES
from kpiflow.stats import SMALL_SAMPLE, wilson_interval

DIMENSIONS = ("channel", "industry", "size_band", "campaign")
MARKETING = ("media", "event", "content")
SPREADS = ("none", "customers", "cost")
COHORTS = ("month", "quarter", "half", "fy")
MARKS = (1, 3, 6, 12, 24, 36)  # months after which each acquisition cohort's cumulative value is shown
DRAWS = 1000
SEED = 0
LINE = 3.0  # LTV/CAC should stay at 3x or more
OVERHEAD, TOTAL = "overhead", "*"  # the rows of costs no segment names, and of every new customer (as score quality's grade *)


class EconomicsError(KpiflowError, ValueError):
    """Options the economics analysis cannot work with."""


def parse_horizon(text: str, lang: str) -> int:
    """`36m` or `3y` as months."""
    found = re.fullmatch(r"\s*(\d+)\s*([my])\s*", str(text).lower())
    months = 0 if found is None else int(found.group(1)) * (12 if found.group(2) == "y" else 1)
    if months <= 0:
        raise EconomicsError(say("economics.bad_horizon", lang, value=text))
    return months


def cost_categories(text: str | None, lang: str) -> tuple[str, ...]:
    """`marketing`, `all`, or a comma list of categories."""
    if text is None or text == "marketing":
        return MARKETING
    if text == "all":
        return COST_CATEGORIES
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    for part in chosen:
        if part not in COST_CATEGORIES:
            raise UnknownNameError.for_name("--costs category", part, (*COST_CATEGORIES, "marketing", "all"))
    if not chosen:
        raise EconomicsError(say("economics.no_categories", lang))
    return chosen


_CUSTOMERS = """
WITH first_won AS (
  SELECT d.account_id, d.closed_at, COALESCE(d.channel, c.channel) AS channel, c.campaign AS campaign,
         ROW_NUMBER() OVER (PARTITION BY d.account_id ORDER BY d.closed_at, d.deal_id) AS nth
  FROM deals AS d LEFT JOIN contacts AS c ON c.contact_id = d.contact_id
  WHERE d.outcome = 'won' AND d.closed_at IS NOT NULL AND d.account_id IS NOT NULL
),
customers AS (
  SELECT f.account_id, f.closed_at AS acquired_at, f.channel, f.campaign, a.industry, a.size_band
  FROM first_won AS f LEFT JOIN accounts AS a ON a.account_id = f.account_id
  WHERE f.nth = 1 AND f.closed_at >= CAST(:start AS TIMESTAMP) AND f.closed_at < CAST(:end AS TIMESTAMP)
),
purchases AS (
  SELECT account_id, closed_at AS at, CAST(amount AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS margin
  FROM deals WHERE outcome = 'won' AND closed_at IS NOT NULL AND amount IS NOT NULL
  UNION ALL
  SELECT account_id, ordered_at AS at, CAST(amount AS DOUBLE) AS value, CAST(gross_margin AS DOUBLE) AS margin
  FROM orders WHERE ordered_at IS NOT NULL
),
months AS (
  SELECT c.account_id,
         (EXTRACT(YEAR FROM p.at) * 12 + EXTRACT(MONTH FROM p.at))
           - (EXTRACT(YEAR FROM c.acquired_at) * 12 + EXTRACT(MONTH FROM c.acquired_at)) AS month,
         p.value, p.margin
  FROM customers AS c JOIN purchases AS p ON p.account_id = c.account_id AND p.at >= c.acquired_at
)
"""


@dataclass(frozen=True)
class CustomerMonths:
    """The new customers of a period (sorted by account) and, customer x month since acquisition,
    what they bought: value, gross margin, whether they were observed and whether they bought."""

    segment: np.ndarray
    channel: np.ndarray
    value: np.ndarray
    margin: np.ndarray
    observed: np.ndarray
    bought: np.ndarray
    margin_known: bool
    margin_rate: float
    acquired_month: np.ndarray  # year * 12 + month of each customer's first won deal


def customer_months(ws: Any, key: str, start: str, end: str, months: int) -> CustomerMonths:
    """The engine sums each new customer's purchases by month since acquisition; numpy lays them out."""
    customer_rows = ws.engine.arrays(
        fill(
            _CUSTOMERS
            + "SELECT account_id, channel, campaign, industry, size_band, "
            "EXTRACT(YEAR FROM acquired_at) * 12 + EXTRACT(MONTH FROM acquired_at) AS acquired_month "
            "FROM customers ORDER BY account_id",
            start=start,
            end=end,
        )
    )
    month_rows = ws.engine.arrays(
        fill(
            _CUSTOMERS
            + f"SELECT account_id, month, SUM(value) AS value, SUM(margin) AS margin, "
            f"SUM(CASE WHEN margin IS NULL THEN value END) AS unmargined "
            f"FROM months WHERE month < {months} GROUP BY account_id, month ORDER BY account_id, month",
            start=start,
            end=end,
        )
    )
    known_margin, margined_value, last = ws.engine.run(
        fill(
            "SELECT (SELECT SUM(CAST(gross_margin AS DOUBLE)) FROM orders WHERE gross_margin IS NOT NULL), "
            "(SELECT SUM(CAST(amount AS DOUBLE)) FROM orders WHERE gross_margin IS NOT NULL), "
            "(SELECT MAX(t) FROM (SELECT MAX(closed_at) AS t FROM deals WHERE outcome = 'won' "
            "UNION ALL SELECT MAX(ordered_at) AS t FROM orders) AS ends)"
        )
    ).one()
    margin_rate = float(known_margin) / float(margined_value) if known_margin is not None and margined_value else 1.0
    customers = np.asarray(customer_rows["account_id"], dtype=object)
    n = customers.size
    # each month row's customer: its position among the customers (found, not assumed, by sorting)
    sorter = np.argsort(customers)
    accounts = np.asarray(month_rows["account_id"], dtype=object)
    row_of = sorter[np.searchsorted(customers, accounts, sorter=sorter)] if accounts.size else np.zeros(0, dtype=int)
    month_of = np.asarray(month_rows["month"], dtype=int)
    value = np.zeros((n, months))
    margin = np.zeros((n, months))
    bought = np.zeros((n, months), dtype=bool)
    np.add.at(value, (row_of, month_of), np.asarray(month_rows["value"], dtype=float))
    unmargined = np.nan_to_num(np.asarray(month_rows["unmargined"], dtype=float))
    np.add.at(margin, (row_of, month_of), np.nan_to_num(np.asarray(month_rows["margin"], dtype=float)) + margin_rate * unmargined)
    bought[row_of, month_of] = True
    last_month = (last.year * 12 + last.month) if isinstance(last, (dt.date, dt.datetime)) else 0
    observed_months = np.clip(last_month - np.asarray(customer_rows["acquired_month"], dtype=int) + 1, 0, months)
    observed = np.arange(months)[None, :] < observed_months[:, None]
    return CustomerMonths(
        _labels(customer_rows[key]),
        _labels(customer_rows["channel"]),
        value,
        margin,
        observed,
        bought,
        known_margin is not None,
        margin_rate,
        np.asarray(customer_rows["acquired_month"], dtype=int),
    )


def economics(
    ws: Any,
    *,
    period: str,
    by: str = "channel",
    horizon: str = "36m",
    costs: str = "marketing",
    spread: str = "none",
    cohort: str = "quarter",
    lang: str | None = None,
) -> Tabular:
    """CAC, realised LTV, LTV/CAC and payback of the new customers of `period` by `by` (see the module doc)."""
    lang = lang or ws.lang
    if spread not in SPREADS:
        raise UnknownNameError.for_name("--spread", spread, SPREADS)
    if cohort not in COHORTS:
        raise UnknownNameError.for_name("--cohort", cohort, COHORTS)
    if by not in DIMENSIONS:
        raise UnknownNameError.for_name("--by", by, DIMENSIONS)
    months = parse_horizon(horizon, lang)
    chosen = cost_categories(costs, lang)
    span = ws.resolve_period(period, lang)
    start, end = (moment.isoformat(sep=" ") for moment in span.sql_bounds())
    key = by
    bought = customer_months(ws, key, start, end, months)
    segment, n = bought.segment, bought.segment.size
    direct = key in ("channel", "campaign")  # costs name the segment; else customers carry their channel's CAC
    cost_by_key, cost_all_by_key = _costs(ws, key if direct else "channel", span, chosen)
    rng = np.random.default_rng(SEED)
    draws = rng.multinomial(n, np.full(n, 1.0 / n), size=DRAWS) if n else np.zeros((DRAWS, 0))
    per_customer_cost = per_customer_cost_all = np.zeros(n)
    if not direct:
        per_customer_cost = _carried(bought.channel, cost_by_key)
        per_customer_cost_all = _carried(bought.channel, cost_all_by_key)

    segments = sorted(set(segment.tolist()) | (set(cost_by_key) - {None} if direct else set()), key=_order)
    members_of = {s: segment == s for s in segments}
    counts = {s: int(members_of[s].sum()) for s in segments}
    if direct:
        # new customers whose deal and contact name no channel (campaign): no cost names them
        base = {s: (0.0, 0.0) if s is None else (cost_by_key.get(s, 0.0), cost_all_by_key.get(s, 0.0)) for s in segments}
    else:
        base = {s: (float(per_customer_cost[members_of[s]].sum()), float(per_customer_cost_all[members_of[s]].sum())) for s in segments}
    total_cost, total_all = sum(cost_by_key.values()), sum(cost_all_by_key.values())
    overhead = total_cost - sum(c for c, _ in base.values())
    overhead_all = total_all - sum(c for _, c in base.values())
    costs_of = dict(base)
    if spread != "none" and n:
        # the declared rule: overhead shared in proportion to new customers, or to the costs segments already carry
        def shares(which: int) -> dict[str | None, float]:
            weights = {s: float(counts[s]) if spread == "customers" else base[s][which] for s in segments}
            whole = sum(weights.values())
            return {s: (w / whole if whole else counts[s] / n) for s, w in weights.items()}

        selected, every_category = shares(0), shares(1)
        costs_of = {s: (base[s][0] + overhead * selected[s], base[s][1] + overhead_all * every_category[s]) for s in segments}
        if not direct:  # each customer carries its share: the bootstrap resamples it
            per_customer_cost = _spread_per_customer(per_customer_cost, overhead, spread)
        overhead = overhead_all = 0.0
    records, curves = [], []
    for s in segments:
        record, curve = _segment(members_of[s], *costs_of[s], bought, draws, None if direct else per_customer_cost)
        records.append({key: s, **record})
        curves.extend({key: s, **point} for point in curve)
    records.append({key: OVERHEAD, **_blank(n, overhead, overhead_all)})
    record, curve = _segment(np.ones(n, dtype=bool), total_cost, total_all, bought, draws, None)
    records.append({key: TOTAL, **record})
    curves.extend({key: TOTAL, **point} for point in curve)

    table = Table(
        "segments",
        {"ja": "セグメント別のLTV・CAC・回収期間", "en": "LTV, CAC and payback by segment"},
        # what a reader needs first comes first: a terminal leaves the last columns out
        columns(
            (key, "label"),
            ("new_customers", "count"),
            ("cac", "money"),
            ("ltv", "money"),
            ("ltv_cac", "ratio"),
            ("payback_months", "number"),
            ("small_sample", "flag"),
            ("above_3x", "flag"),
            ("cac_all", "money"),
            ("cost", "money"),
            ("cost_all", "money"),
            ("ltv_margin", "money"),
            *((name, "money") for name in ("cac_low", "cac_high", "ltv_low", "ltv_high")),
            ("ltv_cac_low", "ratio"),
            ("ltv_cac_high", "ratio"),
            ("payback_low", "number"),
            ("payback_high", "number"),
        ),
        tuple(records),
    )
    cohorts = Table(
        "cohorts",
        {"ja": "獲得後の月別の累積価値", "en": "Cumulative value by months since acquisition"},
        columns(
            (key, "label"),
            ("month", "count"),
            ("observed", "count"),
            ("cumulative_value", "money"),
            ("cumulative_margin", "money"),
            ("share_buying", "percent"),
        ),
        tuple(curves),
    )
    marks = tuple(k for k in MARKS if k <= months)
    acquisition = Table(
        "acquisition",
        {"ja": "獲得時期別コホートの累積価値", "en": "Cumulative value by acquisition cohort"},
        columns(
            (key, "label"),
            ("cohort", "period"),
            ("customers", "count"),
            *((f"value_m{k}", "money") for k in marks),
            ("repeat_customers", "count"),
            ("repeat_share", "rate"),
            ("repeat_low", "rate"),
            ("repeat_high", "rate"),
        ),
        tuple(_acquisition_cohorts(bought, key, segments, cohort, ws.model.fiscal_year_start, marks, lang)),
    )
    notes = (
        say(
            "economics.note",
            lang,
            period=span.label(lang),
            categories=", ".join(chosen),
            months=months,
            margin=f"{bought.margin_rate:.1%}" if bought.margin_known else say("economics.revenue", lang),
        ),
    )
    params = {"period": span.label("en"), "by": by, "horizon": f"{months}m", "costs": ",".join(chosen), "spread": spread, "cohort": cohort}
    return Tabular("economics", params, (table, cohorts, acquisition), notes)


def _acquisition_cohorts(
    bought: CustomerMonths, key: str, segments: list[Any], kind: str, fiscal_year_start: int, marks: tuple[int, ...], lang: str
) -> list[dict[str, Any]]:
    """Each segment's customers by the month, quarter, half or fiscal year of their first won deal:
    cumulative value per customer after 1, 3, 6, 12, 24 and 36 months (only once every customer of
    the cohort has been observed that long, so that a young cohort is never compared on fewer
    months), and how many bought again after their first month."""
    first_days = [dt.date((m - 1) // 12, (m - 1) % 12 + 1, 1) for m in bought.acquired_month.tolist()]
    periods = [period_of(kind, day, fiscal_year_start) for day in first_days]
    cohort_of = np.array([p.label(lang) for p in periods], dtype=object)
    order = sorted({(p, p.label(lang)) for p in periods}, key=lambda pair: pair[0])
    cumulative = np.cumsum(bought.value, axis=1)
    again = (bought.bought[:, 1:] & bought.observed[:, 1:]).any(axis=1)
    rows = []
    for segment in [*segments, TOTAL]:
        in_segment = np.ones(bought.segment.size, dtype=bool) if segment == TOTAL else bought.segment == segment
        for _, label in order:
            members = in_segment & (cohort_of == label)
            count = int(members.sum())
            if not count:
                continue
            repeat = int(again[members].sum())
            low, high = wilson_interval(repeat, count)
            row: dict[str, Any] = {key: segment, "cohort": label, "customers": count}
            for k in marks:
                whole = bool(bought.observed[members, k - 1].all())
                row[f"value_m{k}"] = float(cumulative[members, k - 1].mean()) if whole else None
            rows.append({**row, "repeat_customers": repeat, "repeat_share": repeat / count, "repeat_low": low, "repeat_high": high})
    return rows


def _labels(values: Any) -> np.ndarray:
    return np.array([None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in values], dtype=object)


def _order(value: str | None) -> tuple[int, str]:
    return (1, "") if value is None else (0, value)


def _spread_per_customer(carried: np.ndarray, overhead: float, spread: str) -> np.ndarray:
    """Each new customer's cost with its share of the overhead: equal shares, or in proportion to
    what it already carries."""
    whole = float(carried.sum())
    if spread == "customers" or whole == 0:
        return carried + overhead / carried.size
    return carried * (1 + overhead / whole)


def _carried(channel: np.ndarray, cost_by_channel: dict[str | None, float]) -> np.ndarray:
    """Each new customer's share of its channel's cost: the channel's CAC."""
    out = np.zeros(channel.size)
    for name, cost in cost_by_channel.items():
        if name is None:
            continue
        members = channel == name
        if members.any():
            out[members] = cost / members.sum()
    return out


def _costs(ws: Any, key: str, span: Any, chosen: tuple[str, ...]) -> tuple[dict[str | None, float], dict[str | None, float]]:
    """The period's costs by `key` (channel or campaign): of the chosen categories, and of every one."""
    first, last = span.start.isoformat(), span.last_day.isoformat()
    rows = ws.engine.run(
        fill(
            f"SELECT {key} AS k, category, SUM(CAST(amount AS DOUBLE)) FROM costs "
            "WHERE date >= CAST(:first AS DATE) AND date <= CAST(:last AS DATE) GROUP BY 1, 2 ORDER BY 1, 2",
            first=first,
            last=last,
        )
    ).rows
    chosen_cost: dict[str | None, float] = {}
    every: dict[str | None, float] = {}
    for k, category, amount in rows:
        every[k] = every.get(k, 0.0) + float(amount or 0)
        if category in chosen:
            chosen_cost[k] = chosen_cost.get(k, 0.0) + float(amount or 0)
        else:
            chosen_cost.setdefault(k, 0.0)
    return chosen_cost, every


def _interval(draws: np.ndarray) -> tuple[float | None, float | None]:
    finite = draws[np.isfinite(draws)]
    if finite.size < 0.5 * draws.size:
        return None, None
    low, high = np.percentile(finite, [2.5, 97.5])
    return float(low), float(high)


def _ltv(weights: np.ndarray, value: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """Per draw (a row of weights over customers): the sum over months of the mean value of the
    customers observed in that month."""
    with np.errstate(invalid="ignore", divide="ignore"):
        means = (weights @ (value * observed)) / (weights @ observed)
    return np.nansum(means, axis=-1)


def _segment(
    members: np.ndarray, cost: float, cost_all: float, bought: CustomerMonths, draws: np.ndarray, carried: np.ndarray | None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One segment's row and cohort curve; `carried`: each customer's cost when customers carry it
    (else the segment's cost is fixed and only its count varies in the bootstrap)."""
    value, margin, observed = bought.value, bought.margin, bought.observed
    count = int(members.sum())
    seen = observed[members]
    covered = int(seen.any(axis=0).sum())  # months of the horizon some customer was observed in
    ones = np.ones(count)
    ltv = float(_ltv(ones, value[members], seen)) if count else None
    ltv_margin = float(_ltv(ones, margin[members], seen)) if count else None
    cac = cost / count if count else None
    cac_all = cost_all / count if count else None
    w = draws[:, members]
    n_draw = w.sum(axis=1).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        cost_draw = (w @ carried[members]) if carried is not None else np.full(draws.shape[0], cost)
        cac_draw = np.where(n_draw > 0, cost_draw / n_draw, np.nan)
        ltv_draw = np.where(n_draw > 0, _ltv(w, value[members], seen), np.nan) if count else np.full(draws.shape[0], np.nan)
        ratio_draw = ltv_draw / cac_draw
        margin_draw = np.where(n_draw > 0, _ltv(w, margin[members], seen), np.nan) if count else np.full(draws.shape[0], np.nan)
        payback_draw = cac_draw / (margin_draw / covered) if covered else np.full(draws.shape[0], np.nan)
    cac_low, cac_high = _interval(cac_draw) if count else (None, None)
    ltv_low, ltv_high = _interval(ltv_draw) if count else (None, None)
    ratio_low, ratio_high = _interval(ratio_draw) if count and cost > 0 else (None, None)
    payback_low, payback_high = _interval(payback_draw) if count and covered else (None, None)
    ratio = ltv / cac if ltv is not None and cac else None
    monthly_margin = ltv_margin / covered if ltv_margin and covered else None
    record = {
        "new_customers": count,
        "cost": cost,
        "cac": cac,
        "cac_low": cac_low,
        "cac_high": cac_high,
        "cost_all": cost_all,
        "cac_all": cac_all,
        "ltv": ltv,
        "ltv_low": ltv_low,
        "ltv_high": ltv_high,
        "ltv_margin": ltv_margin,
        "ltv_cac": ratio,
        "ltv_cac_low": ratio_low,
        "ltv_cac_high": ratio_high,
        "above_3x": None if ratio is None else ratio >= LINE,
        "payback_months": cac / monthly_margin if cac is not None and monthly_margin else None,
        "payback_low": payback_low,
        "payback_high": payback_high,
        "small_sample": count < SMALL_SAMPLE,
    }
    curve = []
    if count:
        exposure = seen.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            means = np.where(exposure > 0, (value[members] * seen).sum(axis=0) / exposure, 0.0)
            margins = np.where(exposure > 0, (margin[members] * seen).sum(axis=0) / exposure, 0.0)
            share = (bought.bought[members] & seen).sum(axis=0) / exposure
        cumulative, cumulative_margin = np.cumsum(means), np.cumsum(margins)
        for k in range(covered):
            curve.append(
                {
                    "month": k,
                    "observed": int(exposure[k]),
                    "cumulative_value": float(cumulative[k]),
                    "cumulative_margin": float(cumulative_margin[k]),
                    "share_buying": float(share[k]),
                }
            )
    return record, curve


def _blank(n: int, cost: float, cost_all: float) -> dict[str, Any]:
    """The overhead row: costs no segment names, per new customer of the period."""
    return {
        "new_customers": n,
        "cost": cost,
        "cac": cost / n if n else None,
        "cac_low": None,
        "cac_high": None,
        "cost_all": cost_all,
        "cac_all": cost_all / n if n else None,
        "ltv": None,
        "ltv_low": None,
        "ltv_high": None,
        "ltv_margin": None,
        "ltv_cac": None,
        "ltv_cac_low": None,
        "ltv_cac_high": None,
        "above_3x": None,
        "payback_months": None,
        "payback_low": None,
        "payback_high": None,
        "small_sample": n < SMALL_SAMPLE,
    }


def charts(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The LTV/CAC of each segment against the 3x line, and the cohort curves: Plotly figures
    drawn from the result's JSON (the dashboard page and the report section show them)."""
    key = data["params"]["by"]
    segments = [r for r in data["tables"]["segments"]["rows"] if r[key] not in (OVERHEAD, TOTAL) and r["ltv_cac"] is not None]
    names = [str(r[key]) for r in segments]
    ratio = {
        "type": "bar",
        "x": names,
        "y": [r["ltv_cac"] for r in segments],
        "error_y": {
            "type": "data",
            "symmetric": False,
            "array": [None if r["ltv_cac_high"] is None else r["ltv_cac_high"] - r["ltv_cac"] for r in segments],
            "arrayminus": [None if r["ltv_cac_low"] is None else r["ltv_cac"] - r["ltv_cac_low"] for r in segments],
        },
        "name": "LTV/CAC",
    }
    line = {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": LINE, "y1": LINE, "line": {"dash": "dash", "color": "#c0392b"}}
    words = {
        "ja": ("LTV/CAC（点線は3倍）", "獲得後の月別の累積価値（1社あたり）", "獲得後の月"),
        "en": ("LTV/CAC (dashed: the 3x line)", "Cumulative value per customer by months since acquisition", "Months since acquisition"),
    }[lang if lang == "ja" else "en"]
    figures = [{"data": [ratio], "layout": {"title": {"text": words[0]}, "shapes": [line], "yaxis": {"rangemode": "tozero"}}}]
    curves: dict[str, list[dict[str, Any]]] = {}
    for point in data["tables"]["cohorts"]["rows"]:
        curves.setdefault(str(point[key]), []).append(point)
    figures.append(
        {
            "data": [
                {"type": "scatter", "mode": "lines", "name": name, "x": [p["month"] for p in points], "y": [p["cumulative_value"] for p in points]}
                for name, points in curves.items()
            ],
            "layout": {"title": {"text": words[1]}, "xaxis": {"title": {"text": words[2]}}},
        }
    )
    return figures
