"""Forecast and pipeline coverage (issue 23): where a period will land for the metrics of won
deals (won deals, revenue), from what was known at the as-of moment `t` only.

forecast = actual to date + pipeline expected + future expected, where

- **actual to date**: the metric over the period up to `t`;
- **pipeline expected**: each deal open at `t` (created by then, not closed by then), in the
  last deal stage it entered by `t`, `a` days ago, counts with the probability that a deal like it
  wins within the period. Cohort basis, on the team's own history as known at `t`: among the deals
  that entered the same stage, were still open `a` days after entering it, and were observed long
  enough (entered at least `a + h` days before `t`, `h` the days from `t` to the period's end), the
  share that won between `a + l` and `a + h` days after entering it (`l` the days from `t` to the
  period's start, 0 once it has begun). It is the stage-to-won rate of those deals (`p_win`)
  times the share of their wins that fell in that window (`p_in_period`). Revenue weighs each deal's
  amount by it;
- **future expected**: leads still to come at the planned volume (the month's `leads` target,
  else the same month last year's count, in proportion to the part of the month left), each
  yielding the won deals (and amounts) per lead that leads of the past year yielded within the
  days from the middle of that part of the month to the period's end.

The interval is analytic: the pipeline is a sum of independent Bernoulli deals (variance
sum p(1 - p) x^2, x = 1 or the amount), the future a compound Poisson sum (variance = the planned
leads x the per-lead sum of squared amounts), the forecast +- 1.96 standard deviations (never
below the actual to date). The back-test rebuilds the forecast as of the start of each past
quarter with at least a year of history before it and compares it with what the quarter then
did: the error, the mean absolute percentage error (MAPE) and the bias (mean signed percentage).

Coverage = the open pipeline expected to close in the period / the target still to reach (target
- actual to date): the deals counted are those whose expected close date (entry into their
stage + the median days from that stage to a win, as known at `t`; today when overdue) falls in
the period. By owner and channel, and by expected close quarter, with the deals that make it up.

Per-deal work runs in the engine (one join of open deals with their stage's history); numpy only
adds the small per-deal probability vector up.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlglot import exp

from kpiflow.analysis.result import Table, Tabular, columns
from kpiflow.analysis.trend import as_of
from kpiflow.engine.base import days_between, fill, objects
from kpiflow.errors import KpiflowError
from kpiflow.messages import say
from kpiflow.model.periods import Period
from kpiflow.model.ratios import condition_implies
from kpiflow.model.targets import months_of, target_of

Z95 = 1.959963984540054
HISTORY_DAYS = 365  # the leads whose yield is measured: the year before the horizon
BY = ("owner", "channel")


class ForecastError(KpiflowError, ValueError):
    """A forecast the workspace cannot make."""


@dataclass(frozen=True)
class Won:
    """The model's metrics of won deals: a count (won deals) and the amount (revenue), either may be missing."""

    count: str | None
    amount: str | None


def won_metrics(model: Any) -> Won:
    """The metrics that count or sum won deals by their close date."""
    count = amount = None
    for name, metric in model.metrics.items():
        if metric.time != "closed_at" or not metric.where:
            continue
        won = condition_implies(metric.where, "outcome = 'won'") and condition_implies("outcome = 'won'", metric.where)
        if won and metric.count == "deals" and count is None:
            count = name
        elif won and metric.sum == "deals.amount" and amount is None:
            amount = name
    return Won(count, amount)


def _query(text: str, **values: Any) -> exp.Expression:
    """DuckDB SQL with `:name` placeholders (timestamps as text, numbers) and DAYS(later, earlier)
    spelled as every engine means it (`days_between`)."""
    tree = fill(text)  # parsed once per process: the back-test sends the same statements quarter after quarter
    for placeholder in list(tree.find_all(exp.Placeholder)):
        value = values[placeholder.name]
        if isinstance(value, dt.datetime):
            placeholder.replace(exp.cast(exp.Literal.string(value.isoformat(sep=" ")), "TIMESTAMP"))
        elif isinstance(value, str):
            placeholder.replace(exp.Literal.string(value))
        else:
            placeholder.replace(exp.convert(value))
    for call in list(tree.find_all(exp.Anonymous)):
        if str(call.this).upper() == "DAYS":
            later, earlier = call.expressions
            call.replace(days_between(later.copy(), earlier.copy()))
    return tree


_OPEN = """
WITH entries AS (
  SELECT entity_id AS deal_id, stage, entered_at FROM stage_history
  WHERE entity = 'deal' AND entered_at <= :t AND stage IN ({stages})
),
known AS (
  SELECT deal_id, owner, channel, created_at, closed_at, CAST(amount AS DOUBLE) AS amount,
         CASE WHEN closed_at IS NOT NULL AND closed_at <= :t AND outcome IN ('won', 'lost') THEN outcome ELSE 'open' END AS outcome_then
  FROM deals WHERE created_at <= :t
),
ranked AS (
  SELECT deal_id, stage, entered_at,
         ROW_NUMBER() OVER (PARTITION BY deal_id ORDER BY entered_at DESC, {order} DESC) AS nth
  FROM entries
),
open_deals AS (
  SELECT k.deal_id, k.owner, k.channel, k.amount, COALESCE(r.stage, :first) AS stage,
         COALESCE(r.entered_at, k.created_at) AS since, DAYS(:t, COALESCE(r.entered_at, k.created_at)) AS age
  FROM known AS k LEFT JOIN ranked AS r ON r.deal_id = k.deal_id AND r.nth = 1
  WHERE k.outcome_then = 'open'
),
history AS (
  SELECT e.deal_id, e.stage, DAYS(:t, e.entered_at) AS observed,
         CASE WHEN k.outcome_then <> 'open' THEN DAYS(k.closed_at, e.entered_at) END AS closed_after,
         CASE WHEN k.outcome_then = 'won' THEN 1 ELSE 0 END AS won
  FROM entries AS e JOIN known AS k ON k.deal_id = e.deal_id
)
"""

_PIPELINE = _OPEN + """
SELECT o.deal_id, o.owner, o.channel, o.stage, o.since, o.age, o.amount,
       COUNT(h.deal_id) AS alike,
       COALESCE(SUM(h.won), 0) AS alike_won,
       COALESCE(SUM(CASE WHEN h.won = 1 AND h.closed_after > o.age + :lo AND h.closed_after <= o.age + :hi THEN 1 ELSE 0 END), 0) AS alike_in_window
FROM open_deals AS o
LEFT JOIN history AS h
  ON h.stage = o.stage AND h.deal_id <> o.deal_id AND h.observed >= o.age + :hi
 AND (h.closed_after IS NULL OR h.closed_after > o.age)
GROUP BY o.deal_id, o.owner, o.channel, o.stage, o.since, o.age, o.amount
ORDER BY o.deal_id
"""

_MEDIANS = _OPEN + """
SELECT stage, closed_after FROM history WHERE won = 1 ORDER BY stage, closed_after
"""

_YIELD = """
WITH horizons AS (SELECT * FROM (VALUES {horizons}) AS h(k, days)),
leads AS (SELECT contact_id, created_at FROM contacts WHERE created_at <= :t AND contact_id IS NOT NULL),
wins AS (
  SELECT contact_id, closed_at, CAST(amount AS DOUBLE) AS amount FROM deals
  WHERE outcome = 'won' AND closed_at IS NOT NULL AND closed_at <= :t AND contact_id IS NOT NULL
),
cohort AS (
  SELECT h.k, h.days, l.contact_id, l.created_at FROM horizons AS h JOIN leads AS l
    ON DAYS(:t, l.created_at) >= h.days AND DAYS(:t, l.created_at) < h.days + :history
)
SELECT c.k, COUNT(DISTINCT c.contact_id) AS leads, COUNT(w.contact_id) AS wins,
       COALESCE(SUM(w.amount), 0) AS amount, COALESCE(SUM(w.amount * w.amount), 0) AS squares
FROM cohort AS c LEFT JOIN wins AS w ON w.contact_id = c.contact_id
  AND w.closed_at >= c.created_at AND DAYS(w.closed_at, c.created_at) <= c.days
GROUP BY c.k ORDER BY c.k
"""


def _stage_sql(model: Any) -> tuple[str, str, str]:
    """The open deal stages (every deal stage but the last, won), their order as SQL, the first one."""
    stages = model.stage_names("deal")[:-1] or model.stage_names("deal")
    quoted = ", ".join("'" + s.replace("'", "''") + "'" for s in stages)
    order = "CASE stage " + " ".join(f"WHEN '{s.replace(chr(39), chr(39) * 2)}' THEN {i}" for i, s in enumerate(stages)) + " END"
    return quoted, order, stages[0]


@dataclass(frozen=True)
class Pipeline:
    """The deals open at `t` with their probability of winning within the period."""

    rows: list[dict[str, Any]]
    p: np.ndarray
    amount: np.ndarray
    expected_close: list[dt.datetime]


def pipeline(ws: Any, t: dt.datetime, period: Period) -> Pipeline:
    """Open deals at `t` and, per deal, the cohort probability of a win inside `period` (engine work)."""
    stages, order, first = _stage_sql(ws.model)
    start, end = period.sql_bounds()
    lo, hi = max(0.0, (start - t).total_seconds() / 86400), (end - t).total_seconds() / 86400
    text = _PIPELINE.replace("{stages}", stages).replace("{order}", order)
    rows = ws.engine.run(_query(text, t=t, first=first, lo=lo, hi=hi)).records() if hi > 0 else []
    medians: dict[str, float] = {}
    found = ws.engine.arrays(_query(_MEDIANS.replace("{stages}", stages).replace("{order}", order), t=t, first=first))
    by_stage = objects(found["stage"])
    closed_after = np.asarray(np.ma.getdata(found["closed_after"]), dtype=float)
    for stage in dict.fromkeys(by_stage.tolist()):
        medians[stage] = float(np.median(closed_after[by_stage == stage]))
    p, expected_close = [], []
    for row in rows:
        alike, won, inside = (int(row[k] or 0) for k in ("alike", "alike_won", "alike_in_window"))
        row["p_win"] = won / alike if alike else None
        row["p_in_period"] = inside / won if won else None
        p.append(inside / alike if alike else 0.0)
        days = medians.get(row["stage"])
        close = row["since"] + dt.timedelta(days=days) if days is not None else None
        expected_close.append(max(close, t + dt.timedelta(seconds=1)) if close is not None else None)  # overdue: from now on
    amounts = np.asarray([float(r["amount"] or 0) for r in rows])
    return Pipeline(rows, np.asarray(p, dtype=float), amounts, expected_close)


def future(ws: Any, t: dt.datetime, period: Period, leads_metric: str | None) -> tuple[float, float, float, float, float]:
    """(planned leads, expected wins, expected amount, variance of wins, variance of amount) of the
    leads still to come in the period, at the planned volume."""
    start, end = period.sql_bounds()
    parts = []
    for month in months_of(period):
        m_start, m_end = month.sql_bounds()
        left_start = max(m_start, t)
        if left_start >= m_end:
            continue
        planned = _planned(ws, month, leads_metric, t) * (m_end - left_start) / (m_end - m_start)
        middle = left_start + (m_end - left_start) / 2
        parts.append((planned, (end - middle).total_seconds() / 86400))
    if not parts:
        return 0.0, 0.0, 0.0, 0.0, 0.0
    horizons = ", ".join(f"({k}, {days!r})" for k, (_, days) in enumerate(parts))
    found = {r["k"]: r for r in ws.engine.run(_query(_YIELD.replace("{horizons}", horizons), t=t, history=HISTORY_DAYS)).records()}
    planned_total = wins = amount = var_wins = var_amount = 0.0
    for k, (planned, _) in enumerate(parts):
        row = found.get(k)
        planned_total += planned
        if not row or not row["leads"]:
            continue
        per_lead = planned / float(row["leads"])
        wins += per_lead * float(row["wins"])
        amount += per_lead * float(row["amount"])
        var_wins += per_lead * float(row["wins"])  # a count of rare events: Poisson
        var_amount += per_lead * float(row["squares"])
    return planned_total, wins, amount, var_wins, var_amount


def _planned(ws: Any, month: Period, leads_metric: str | None, t: dt.datetime) -> float:
    """A month's planned leads: its target, else the same month last year's count (known at `t`)."""
    if leads_metric is not None:
        target = target_of(ws.model, leads_metric, month)
        if target is not None:
            return float(target)
    before = month.same_period_last_year()
    lo, hi = before.sql_bounds()
    hi = min(hi, t)
    if hi <= lo:
        return 0.0
    query = _query("SELECT COUNT(*) FROM contacts WHERE created_at >= :lo AND created_at < :hi", lo=lo, hi=hi)
    return float(ws.engine.run(query).scalar() or 0)


def _leads_metric(model: Any) -> str | None:
    """The metric that counts every new lead (contacts by creation), whose targets are the planned volume."""
    return next((n for n, m in model.metrics.items() if m.count == "contacts" and not m.where and m.time in (None, "created_at")), None)


def actual(ws: Any, start: dt.datetime, end: dt.datetime) -> tuple[float, float]:
    """Won deals and their amount closed in [start, end)."""
    query = _query(
        "SELECT COUNT(*), COALESCE(SUM(CAST(amount AS DOUBLE)), 0) FROM deals "
        "WHERE outcome = 'won' AND closed_at >= :start AND closed_at < :end",
        start=start,
        end=end,
    )
    count, amount = ws.engine.run(query).one()
    return float(count or 0), float(amount or 0)


def _actual_by(ws: Any, dimension: str, start: dt.datetime, end: dt.datetime, *, amount: bool) -> dict[object, float]:
    """Won deals (or their amount) closed in [start, end) by a column of deals (owner, channel)."""
    measure = "COALESCE(SUM(CAST(amount AS DOUBLE)), 0)" if amount else "COUNT(*)"
    query = _query(
        f"SELECT {dimension}, {measure} FROM deals WHERE outcome = 'won' AND closed_at >= :start AND closed_at < :end GROUP BY {dimension}",
        start=start,
        end=end,
    )
    return {key: float(total or 0) for key, total in ws.engine.run(query)}


@dataclass(frozen=True)
class Estimate:
    """One metric's forecast of a period as of `t`."""

    actual_to_date: float
    pipeline_expected: float
    future_expected: float
    sd: float
    pipeline_in_period: float  # unweighted: the deals expected to close in the period

    @property
    def forecast(self) -> float:
        return self.actual_to_date + self.pipeline_expected + self.future_expected

    @property
    def interval(self) -> tuple[float, float]:
        return max(self.actual_to_date, self.forecast - Z95 * self.sd), self.forecast + Z95 * self.sd


def estimate(ws: Any, t: dt.datetime, period: Period) -> tuple[dict[str, Estimate], Pipeline, float]:
    """Both metrics' forecasts of `period` as of `t` (keys count and amount), the pipeline, the planned leads."""
    start, end = period.sql_bounds()
    count_now, amount_now = actual(ws, start, min(end, t + dt.timedelta(microseconds=1))) if t >= start else (0.0, 0.0)
    deals = pipeline(ws, t, period)
    planned, wins, amount, var_wins, var_amount = future(ws, t, period, _leads_metric(ws.model))
    inside = np.asarray([c is not None and start <= c < end for c in deals.expected_close], dtype=bool)
    p = deals.p
    out = {
        "count": Estimate(count_now, float(p.sum()), wins, math.sqrt(float((p * (1 - p)).sum()) + var_wins), float(inside.sum())),
        "amount": Estimate(
            amount_now,
            float((p * deals.amount).sum()),
            amount,
            math.sqrt(float((p * (1 - p) * deals.amount**2).sum()) + var_amount),
            float(deals.amount[inside].sum()),
        ),
    }
    return out, deals, planned


def default_period(now: dt.datetime, fiscal_year_start: int) -> Period:
    """The quarter of the moment after the data's last: the current quarter, or the next once the data end with one."""
    after = now + dt.timedelta(seconds=1)
    month = Period.month(after.year, after.month, fiscal_year_start)
    return Period.quarter(month.fiscal_year, (after.month - fiscal_year_start) % 12 // 3 + 1, fiscal_year_start)


def forecast(ws: Any, *, period: str | None = None, backtest: bool = True, lang: str | None = None) -> Tabular:
    """Where `period` (default: this quarter) will land for won deals and revenue, its coverage and back-test."""
    lang = lang or ws.lang
    model = ws.model
    won = won_metrics(model)
    if won.count is None and won.amount is None:
        raise ForecastError(say("forecast.no_metric", lang))
    t = as_of(ws)
    fys = model.fiscal_year_start
    span = ws.resolve_period(period, lang, measured=False) if period else default_period(t, fys)
    if span.kind not in ("month", "quarter", "half", "fy"):
        raise ForecastError(say("forecast.bad_period", lang, period=span.label(lang)))
    estimates, deals, planned = estimate(ws, t, span)
    records = []
    for key, name in (("count", won.count), ("amount", won.amount)):
        if name is None:
            continue
        e = estimates[key]
        target = target_of(model, name, span)
        left = None if target is None else target - e.actual_to_date
        low, high = e.interval
        records.append(
            {
                "metric": name,
                "period": span.label("en"),
                "as_of": t.date().isoformat(),
                "actual_to_date": e.actual_to_date,
                "pipeline_expected": e.pipeline_expected,
                "future_expected": e.future_expected,
                "forecast": e.forecast,
                "ci_low": low,
                "ci_high": high,
                "target": target,
                "remaining_target": left,
                "pipeline_in_period": e.pipeline_in_period,
                "coverage": e.pipeline_in_period / left if left is not None and left > 0 else None,
                "planned_leads": planned,
                "label": model.metrics[name].label.text(lang, name),
            }
        )
    tables = [
        Table(
            "forecast",
            {"ja": "着地見込み", "en": "Forecast"},
            columns(
                ("label", "text"), ("period", "period"), ("forecast", "measure"), ("ci_low", "measure"), ("ci_high", "measure"),
                ("target", "measure"), ("coverage", "ratio"), ("actual_to_date", "measure"), ("pipeline_expected", "measure"),
                ("future_expected", "measure"), ("remaining_target", "measure"), ("pipeline_in_period", "measure"),
                ("planned_leads", "number"), ("as_of", "date"), ("metric", "label"),
            ),
            tuple(records),
        ),
        _coverage(ws, won, span, deals, estimates, t),
        _deals(deals, span),
    ]
    notes = [say("forecast.note", lang, as_of=t.date().isoformat(), period=span.label(lang))]
    if backtest:
        table, summary = _backtest(ws, won, t)
        tables.append(table)
        if summary:
            notes.append(say("forecast.backtest", lang, **summary))
    return Tabular("forecast", {"period": span.label("en"), "as_of": t.isoformat(sep=" "), "backtest": backtest}, tuple(tables), tuple(notes))


def _coverage(ws: Any, won: Won, span: Period, deals: Pipeline, estimates: Mapping[str, Estimate], t: dt.datetime) -> Table:
    """Open pipeline by expected close quarter (against each quarter's target still to reach), and
    of this period by owner and channel (against a segment's own target, less its actual to date)."""
    model = ws.model
    name = won.amount or won.count
    value = deals.amount if won.amount else np.ones(len(deals.rows))
    unit = "money" if won.amount else "number"  # the pipeline's value, or its count of deals
    rows: list[dict[str, Any]] = []
    fys = model.fiscal_year_start
    quarters: dict[Period, list[int]] = {}
    for i, close in enumerate(deals.expected_close):
        if close is not None:
            quarters.setdefault(default_period(close - dt.timedelta(seconds=1), fys), []).append(i)
    for quarter in sorted(quarters):
        members = quarters[quarter]
        target = target_of(model, name, quarter)
        start, _ = quarter.sql_bounds()
        done = estimates["amount" if won.amount else "count"].actual_to_date if quarter == span else 0.0
        left = None if target is None else target - (done if t >= start else 0.0)
        total = float(value[members].sum())
        rows.append(
            {
                "dimension": "expected_close",
                "key": quarter.label("en"),
                "open_deals": len(members),
                "pipeline_value": total,
                "weighted": float((value[members] * deals.p[members]).sum()),
                "remaining_target": left,
                "coverage": total / left if left else None,
            }
        )
    start, end = span.sql_bounds()
    inside = [i for i, c in enumerate(deals.expected_close) if c is not None and start <= c < end]
    for dimension in BY:
        groups: dict[object, list[int]] = {}
        for i in inside:
            groups.setdefault(deals.rows[i][dimension], []).append(i)
        done = _actual_by(ws, dimension, start, min(end, t + dt.timedelta(microseconds=1)), amount=won.amount is not None) if t >= start else {}
        for segment in sorted(groups, key=lambda v: (v is None, str(v))):
            members = groups[segment]
            target = target_of(model, name, span, segment=(dimension, str(segment))) if segment is not None else None
            left = None if target is None else target - done.get(segment, 0.0)
            total = float(value[members].sum())
            rows.append(
                {
                    "dimension": dimension,
                    "key": segment,
                    "open_deals": len(members),
                    "pipeline_value": total,
                    "weighted": float((value[members] * deals.p[members]).sum()),
                    "remaining_target": left,
                    "coverage": total / left if left is not None and left > 0 else None,
                }
            )
    return Table(
        "coverage",
        {"ja": "パイプラインのカバー率", "en": "Pipeline coverage"},
        columns(
            ("dimension", "label"), ("key", "label"), ("open_deals", "count"), ("pipeline_value", unit), ("weighted", unit),
            ("remaining_target", unit), ("coverage", "ratio"),
        ),
        tuple(rows),
    )


def _deals(deals: Pipeline, span: Period) -> Table:
    """The open deals behind the forecast, the likeliest (by weighted amount) first."""
    start, end = span.sql_bounds()
    rows = []
    for i, row in enumerate(deals.rows):
        close = deals.expected_close[i]
        rows.append(
            {
                "deal_id": row["deal_id"],
                "owner": row["owner"],
                "channel": row["channel"],
                "stage": row["stage"],
                "days_in_stage": row["age"],
                "amount": row["amount"],
                "p_win": row["p_win"],
                "p_in_period": row["p_in_period"],
                "weighted": float(deals.p[i] * deals.amount[i]),
                "expected_close": close.date().isoformat() if close is not None else None,
                "in_period": close is not None and start <= close < end,
                "alike": int(row["alike"] or 0),
            }
        )
    rows.sort(key=lambda r: (-r["weighted"], str(r["deal_id"])))
    return Table(
        "deals",
        {"ja": "内訳の商談（未クローズ）", "en": "Open deals behind it"},
        columns(
            ("deal_id", "text"), ("owner", "label"), ("channel", "label"), ("stage", "label"), ("days_in_stage", "days"), ("amount", "money"),
            ("p_win", "rate"), ("p_in_period", "rate"), ("weighted", "money"), ("expected_close", "date"), ("in_period", "flag"),
            ("alike", "count"),
        ),
        tuple(rows),
    )


def backtest_quarters(ws: Any, t: dt.datetime) -> list[Period]:
    """Past quarters over by `t` that start at least a year after the data begin."""
    first = ws.time_span()[0]
    fys = ws.model.fiscal_year_start
    quarter = default_period(first + dt.timedelta(days=HISTORY_DAYS) - dt.timedelta(seconds=1), fys)
    if quarter.start < (first + dt.timedelta(days=HISTORY_DAYS)).date():
        quarter = quarter.next()
    out = []
    while dt.datetime.combine(quarter.end, dt.time()) <= t + dt.timedelta(seconds=1):
        out.append(quarter)
        quarter = quarter.next()
    return out


def _backtest(ws: Any, won: Won, t: dt.datetime) -> tuple[Table, dict[str, Any]]:
    """Each past quarter forecast as of its first moment from what was known then, against what it did."""
    rows: list[dict[str, Any]] = []
    errors: dict[str, list[tuple[float, float]]] = {}
    for quarter in backtest_quarters(ws, t):
        start, end = quarter.sql_bounds()
        then = start - dt.timedelta(microseconds=1)
        estimates, _, _ = estimate(ws, then, quarter)
        count, amount = actual(ws, start, end)
        for key, name, done in (("count", won.count, count), ("amount", won.amount, amount)):
            if name is None:
                continue
            e = estimates[key]
            low, high = e.interval
            rows.append(
                {
                    "period": quarter.label("en"),
                    "metric": name,
                    "forecast": e.forecast,
                    "ci_low": low,
                    "ci_high": high,
                    "actual": done,
                    "error": e.forecast - done,
                    "abs_pct_error": abs(e.forecast - done) / done if done else None,
                    "within": low <= done <= high,
                }
            )
            errors.setdefault(name, []).append((e.forecast, done))
    summary: dict[str, Any] = {}
    for name, pairs in errors.items():
        scored = [(f, a) for f, a in pairs if a]
        mape = float(np.mean([abs(f - a) / a for f, a in scored])) if scored else None
        bias = float(np.mean([(f - a) / a for f, a in scored])) if scored else None
        inside = [r["within"] for r in rows if r["metric"] == name]
        rows.append(
            {"period": "*", "metric": name, "abs_pct_error": mape, "error": None, "bias": bias, "within": None, "hit_rate": sum(inside) / len(inside)}
        )
        if name == (won.amount or won.count):
            summary = {"quarters": len(pairs), "metric": name, "mape": mape or 0.0, "bias": bias or 0.0, "hits": sum(inside), "n": len(inside)}
    table = Table(
        "backtest",
        {"ja": "過去の四半期での検証（期初時点の予測と実績）", "en": "Back-test: each past quarter forecast at its start"},
        columns(
            ("period", "period"), ("metric", "label"), ("forecast", "measure"), ("ci_low", "measure"), ("ci_high", "measure"),
            ("actual", "measure"), ("error", "measure"), ("abs_pct_error", "percent"), ("bias", "percent"), ("within", "flag"),
            ("hit_rate", "percent"),
        ),
        tuple(rows),
    )
    return table, summary


def charts(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    """The forecast's parts against the target, and the back-test's forecasts against the actuals."""
    ja = lang == "ja"
    words = {
        "actual": "実績（累計）" if ja else "Actual to date",
        "pipeline": "パイプライン（期待値）" if ja else "Pipeline (expected)",
        "future": "今後のリード（期待値）" if ja else "Leads to come (expected)",
        "target": "目標" if ja else "Target",
        "title": "着地見込みの内訳" if ja else "Forecast by part",
        "backtest": "過去の四半期: 期初の予測と実績" if ja else "Past quarters: forecast at the start vs actual",
        "forecast": "予測" if ja else "Forecast",
        "done": "実績" if ja else "Actual",
    }
    figures: list[dict[str, Any]] = []
    rows = data["tables"]["forecast"]["rows"]
    for row in rows:
        x = [row["label"]]
        figures.append(
            {
                "data": [
                    {"type": "bar", "x": x, "y": [row["actual_to_date"]], "name": words["actual"], "marker": {"color": "#1565c0"}},
                    {"type": "bar", "x": x, "y": [row["pipeline_expected"]], "name": words["pipeline"], "marker": {"color": "#64b5f6"}},
                    {"type": "bar", "x": x, "y": [row["future_expected"]], "name": words["future"], "marker": {"color": "#bbdefb"}},
                    {
                        "type": "scatter", "mode": "markers", "x": x, "y": [row["target"]], "name": words["target"],
                        "marker": {"symbol": "line-ew-open", "size": 40, "color": "#c62828", "line": {"width": 3}},
                    },
                ],
                "layout": {"title": {"text": f"{words['title']}: {row['label']} {row['period']}"}, "barmode": "stack"},
            }
        )
    backtest = data["tables"].get("backtest")
    if backtest:
        amount = [r for r in backtest["rows"] if r["period"] != "*"]
        metric = amount[-1]["metric"] if amount else None
        amount = [r for r in amount if r["metric"] == metric]
        if amount:
            periods = [r["period"] for r in amount]
            figures.append(
                {
                    "data": [
                        {
                            "type": "scatter", "mode": "markers", "x": periods, "y": [r["forecast"] for r in amount], "name": words["forecast"],
                            "error_y": {"type": "data", "symmetric": False, "array": [r["ci_high"] - r["forecast"] for r in amount],
                                        "arrayminus": [r["forecast"] - r["ci_low"] for r in amount]},
                        },
                        {"type": "scatter", "mode": "lines+markers", "x": periods, "y": [r["actual"] for r in amount], "name": words["done"]},
                    ],
                    "layout": {"title": {"text": words["backtest"]}, "xaxis": {"type": "category"}},
                }
            )
    return figures
