"""Trends and pacing (issue 23): every metric by month or quarter against its phased target and
last year, the total to date, the pace the rest of the period needs, and a status.

- "Now" is the data's as-of moment: the last timestamp in the workspace (`as_of`), never the
  wall clock. A month is elapsed in proportion to its days up to and including the as-of day.
- A period's target comes from kpiflow.yaml's `targets:` at any grain, phased into months by the
  metric's profile (kpiflow.model.targets); last year's months give the `last_year` shape.
- To date (`ytd`) is the metric over the period's months so far (ratios: sum of numerators over
  sum of denominators, never a mean of monthly ratios); its target (`ytd_target`) is the sum of
  the elapsed months' targets, the month in progress in proportion to its elapsed days (a rate's
  target is its level).
- Status rule: the 95% interval of the value to date (`ytd_low`..`ytd_high`) is, for a count,
  the exact Poisson (Garwood) interval; for a sum, the compound Poisson one (sum +- 1.96 x the
  root of its sum of squared amounts); for a conversion rate, Wilson's; for a throughput ratio of
  counts, Garwood's on its numerator over its denominator. **On track** when the phased target to
  date lies within that interval; **ahead** when the interval lies wholly on the better side of
  it (above, or below for a metric where lower is better), **behind** on the worse side. An
  amount per unit or a formula has no noise model: ahead when at or better than its target,
  behind otherwise.
- Pace needed = (the period's target - the value to date) / the grain periods not yet complete
  (amounts only: a rate's target is its level for every month).

The metric values come from the engine (`compute_metrics`, one scan per table for all months);
the sums of squared amounts from explain's moment scan. Python adds months up and applies the rule.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from scipy import stats as distributions

from kpiflow.analysis.metrics import closure, compute_metrics, evaluate_cells
from kpiflow.analysis.result import Column, Table, Tabular, columns
from kpiflow.engine.metric_sql import SIDE_COLUMN, segment_queries
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.messages import say
from kpiflow.model.periods import Period
from kpiflow.model.ratios import CONVERSION, THROUGHPUT, ratio_kind
from kpiflow.model.targets import is_additive, monthly_targets, months_of, target_of
from kpiflow.stats import wilson_interval

GRAINS = ("month", "quarter")
Z95 = 1.959963984540054
AHEAD, ON_TRACK, BEHIND = "ahead", "on_track", "behind"


class TrendError(KpiflowError, ValueError):
    """Options the trend cannot work with."""


def as_of(ws: Any) -> dt.datetime:
    """The workspace's "now": the last timestamp of its data."""
    last = ws.time_span()[1]
    if last is None:
        raise TrendError(say("trend.no_data", ws.lang))
    return last if isinstance(last, dt.datetime) else dt.datetime.combine(last, dt.time())


def elapsed(period: Period, now: dt.datetime) -> float:
    """The share of a period's days up to and including the as-of day (0 before it starts, 1 once over)."""
    days = (now.date() - period.start).days + 1
    return min(1.0, max(0.0, days / period.days))


def grain_periods(span: Period, grain: str) -> list[Period]:
    """The months or quarters that make up a fiscal year, half or quarter."""
    months = months_of(span)
    if grain == "month":
        return months
    fys = span.fiscal_year_start
    quarters = list(dict.fromkeys(Period.quarter(m.fiscal_year, (m.start.month - fys) % 12 // 3 + 1, fys) for m in months))
    return quarters


def interval(model: Any, metric: str, base: Mapping[str, float], squares: float | None) -> tuple[float | None, float | None]:
    """The 95% interval of a metric's value to date (see the module doc), from its base values."""
    definition = model.metrics[metric]
    value = base.get(metric)
    if definition.kind in ("count", "count_distinct"):
        return garwood(int(round(value or 0)))
    if definition.kind == "sum":
        if squares is None or value is None:
            return None, None
        spread = Z95 * math.sqrt(max(squares, 0.0))
        return value - spread, value + spread
    kind = ratio_kind(model, metric)
    if definition.ratio and kind in (CONVERSION, THROUGHPUT):
        num, den = (base.get(part) or 0 for part in definition.ratio)
        if den <= 0:
            return None, None
        if kind == CONVERSION:
            return wilson_interval(int(round(num)), int(round(den)))
        low, high = garwood(int(round(num)))
        return low / den, high / den
    return None, None


def garwood(count: int) -> tuple[float, float]:
    """The exact 95% interval of a Poisson mean from one count (Garwood, by the chi-square quantiles)."""
    low = 0.0 if count == 0 else float(distributions.chi2.ppf(0.025, 2 * count)) / 2
    return low, float(distributions.chi2.ppf(0.975, 2 * count + 2)) / 2


def status(value: float | None, target: float | None, low: float | None, high: float | None, higher_is_better: bool) -> str | None:
    """Ahead, on track or behind by the stated rule; None without a value or a target."""
    if value is None or target is None:
        return None
    if low is None or high is None:
        better = value >= target if higher_is_better else value <= target
        return AHEAD if better else BEHIND
    if low <= target <= high:
        return ON_TRACK
    above = low > target
    return AHEAD if above == higher_is_better else BEHIND


def trend(
    ws: Any,
    *,
    metrics: Sequence[str] | None = None,
    grain: str = "month",
    period: str | None = None,
    by: str | None = None,
    lang: str | None = None,
) -> Tabular:
    """Each metric by month or quarter of `period` (default: the fiscal year of the as-of day)
    against its target and last year, to date, with the pace needed and a status."""
    lang = lang or ws.lang
    model = ws.model
    names = list(metrics or model.metrics)
    for name in names:
        if name not in model.metrics:
            raise UnknownNameError.for_name("metric", name, model.metrics)
    if grain not in GRAINS:
        raise UnknownNameError.for_name("--grain", grain, GRAINS)
    now = as_of(ws)
    fys = model.fiscal_year_start
    if period:
        span = ws.resolve_period(period, lang)
    else:
        span = Period.fy(Period.month(now.year, now.month, fys).fiscal_year, fys)
    if span.kind not in ("fy", "half", "quarter") or (grain == "quarter" and span.kind == "quarter"):
        raise TrendError(say("trend.bad_period", lang, period=span.label(lang), grain=grain))
    months = months_of(span)
    dims = [by] if by else []
    needed = closure(model, names)
    columns_of = ws.columns()
    this = compute_metrics(ws.engine, model, needed, months, kind="month", dimensions=dims, columns=columns_of, lang="en", cache=ws._cache)
    before = [m.same_period_last_year() for m in months]
    then = compute_metrics(ws.engine, model, needed, before, kind="month", dimensions=dims, columns=columns_of, lang="en", cache=ws._cache)
    squares = _squares(ws, needed, months, by)

    def cells(result: Any) -> dict[tuple[object, str], dict[str, float]]:
        out: dict[tuple[object, str], dict[str, float]] = {}
        for record in result.records:
            key = (record.dimensions.get(by) if by else None, record.period)
            out.setdefault(key, {})[record.metric] = record.value or 0
        return out

    now_cells, then_cells = cells(this), cells(then)
    segments = sorted({k[0] for k in now_cells} | {k[0] for k in then_cells}, key=lambda v: (v is None, str(v))) if by else [None]
    grains = grain_periods(span, grain)
    share = {m.label("en"): elapsed(m, now) for m in months}
    base_names = [n for n in needed if model.metrics[n].kind in ("count", "count_distinct", "sum")]

    def summed(cells_of: Mapping[tuple[object, str], Mapping[str, float]], segment: object, labels: Sequence[str]) -> dict[str, float]:
        return {n: sum(cells_of.get((segment, label), {}).get(n, 0) for label in labels) for n in base_names}

    def evaluate(base: Mapping[str, float]) -> dict[str, float | None]:
        return evaluate_cells(model, names, [base])[0]

    trend_rows, pacing_rows = [], []
    for segment in segments:
        seg = (by, str(segment)) if by and segment is not None else None
        for name in names:
            definition = model.metrics[name]
            additive = is_additive(model, name)
            last_months = {b.label("en"): evaluate(summed(then_cells, segment, [b.label("en")]))[name] for b in before}
            year_targets: dict[str, float | None] = {}
            for fy in dict.fromkeys(Period.fy(m.fiscal_year, fys) for m in months):
                year_targets |= monthly_targets(model, name, fy, segment=seg, last_year=last_months)
            done: list[str] = []
            target_to_date: float | None = 0.0
            for g in grains:
                g_months = [m.label("en") for m in months_of(g)]
                started = share[g_months[0]] > 0
                done += [m for m in g_months if share[m] > 0]
                base_g = summed(now_cells, segment, g_months)
                value = evaluate(base_g)[name] if started else None
                last_year = evaluate(summed(then_cells, segment, [m.same_period_last_year().label("en") for m in months_of(g)]))[name]
                target = target_of(model, name, g, segment=seg, last_year=last_months)
                ytd_base = summed(now_cells, segment, done)
                ytd = evaluate(ytd_base)[name] if started else None
                if additive:
                    for m in g_months:
                        month_target = year_targets.get(m)
                        target_to_date = None if target_to_date is None or month_target is None else target_to_date + month_target * share[m]
                    ytd_target = target_to_date if started else None
                else:
                    ytd_target = target_of(model, name, Period("custom", span.start, g.end, fys), segment=seg) if started else None
                low, high = interval(model, name, ytd_base, _sum_of(squares, name, segment, done)) if started else (None, None)
                num, den = (ytd_base.get(part) for part in definition.ratio) if definition.ratio else (None, None)
                row = {
                    "metric": name,
                    "label": definition.label.text(lang, name),
                    **({by: segment} if by else {}),
                    "period": g.label("en"),
                    "value": value,
                    "target": target,
                    "last_year": last_year,
                    "ytd": ytd,
                    "ytd_target": ytd_target,
                    "ytd_low": low,
                    "ytd_high": high,
                    "numerator": num if started else None,
                    "denominator": den if started else None,
                    "status": status(ytd, ytd_target, low, high, definition.higher_is_better) if started else None,
                }
                trend_rows.append(row)
            pacing_rows.append(_pacing(model, name, span, grains, trend_rows[-len(grains):], share, now, by, segment, seg, last_months, lang))
    by_columns = [Column(by, "label")] if by else []
    trend_table = Table(
        "trend",
        {"ja": "月次・四半期の推移と目標", "en": "By period against target and last year"},
        columns(
            ("label", "text"), *by_columns, ("period", "period"), ("value", "measure"), ("target", "measure"),
            ("last_year", "measure"), ("ytd", "measure"), ("ytd_target", "measure"), ("status", "label"), ("ytd_low", "measure"),
            ("ytd_high", "measure"), ("numerator", "count"), ("denominator", "count"), ("metric", "label"),
        ),
        tuple(trend_rows),
    )
    pacing_table = Table(
        "pacing",
        {"ja": "期間の進捗（目標に対して）", "en": "Pacing of the period"},
        columns(
            ("label", "text"), *by_columns, ("status", "label"), ("target", "measure"), ("ytd", "measure"), ("ytd_target", "measure"),
            ("pace_needed", "measure"), ("remaining", "count"), ("achieved", "ratio"), ("ytd_low", "measure"), ("ytd_high", "measure"),
            ("last_year_ytd", "measure"), ("period", "period"), ("as_of", "date"), ("metric", "label"),
        ),
        tuple(pacing_rows),
    )
    params = {"metrics": names, "grain": grain, "period": span.label("en"), "by": by, "as_of": now.isoformat(sep=" ")}
    note = say("trend.note", lang, as_of=now.date().isoformat(), period=span.label(lang))
    return Tabular("trend", params, (trend_table, pacing_table), (note,))


def _pacing(
    model: Any,
    name: str,
    span: Period,
    grains: Sequence[Period],
    rows: Sequence[Mapping[str, Any]],
    share: Mapping[str, float],
    now: dt.datetime,
    by: str | None,
    segment: object,
    seg: tuple[str, str] | None,
    last_months: Mapping[str, float | None],
    lang: str,
) -> dict[str, Any]:
    """One metric's period as of now: its target, the value to date, the pace the rest needs."""
    started = [r for r in rows if r["ytd"] is not None]
    latest = started[-1] if started else {}
    target = target_of(model, name, span, segment=seg, last_year=last_months)
    remaining = sum(1 for g in grains if elapsed(g, now) < 1)
    ytd = latest.get("ytd")
    pace = None
    if is_additive(model, name) and target is not None and remaining:
        pace = (target - (ytd or 0)) / remaining
    last_year_ytd = None
    if is_additive(model, name):
        # last year's value over as much of the same months as has elapsed this year
        parts = [(last_months.get(m.same_period_last_year().label("en")) or 0) * share[m.label("en")] for m in months_of(span)]
        last_year_ytd = sum(parts)
    ytd_target = latest.get("ytd_target")
    return {
        "metric": name,
        "label": model.metrics[name].label.text(lang, name),
        **({by: segment} if by else {}),
        "period": span.label("en"),
        "as_of": now.date().isoformat(),
        "target": target,
        "ytd": ytd,
        "ytd_target": ytd_target,
        "ytd_low": latest.get("ytd_low"),
        "ytd_high": latest.get("ytd_high"),
        "achieved": ytd / ytd_target if ytd is not None and ytd_target else None,
        "last_year_ytd": last_year_ytd,
        "remaining": remaining,
        "pace_needed": pace,
        "status": latest.get("status"),
    }


def _squares(ws: Any, names: Sequence[str], months: Sequence[Period], by: str | None) -> dict[tuple[str, object, str], float]:
    """Each sum metric's sum of squared amounts per (metric, segment, month), from explain's moment scan."""
    sums = [n for n in names if ws.model.metrics[n].kind == "sum"]
    out: dict[tuple[str, object, str], float] = {}
    if not sums:
        return out
    ranges = [m.sql_bounds() for m in months]
    for query in segment_queries(ws.model, sums, ranges=ranges, dimensions=[by] if by else [], columns=ws.columns()):
        if by and by in query.missing:
            continue
        for record in ws.engine.run(query.query).records():
            if by and not record.get(f"{by}__total"):
                segment = record.get(by)
            elif by:
                continue
            else:
                segment = None
            if record[SIDE_COLUMN] is None:
                continue
            for name in query.metrics:
                out[(name, segment, months[int(record[SIDE_COLUMN])].label("en"))] = float(record.get(f"{name}__sq") or 0)
    return out


def _sum_of(squares: Mapping[tuple[str, object, str], float], name: str, segment: object, labels: Sequence[str]) -> float | None:
    if not any(key[0] == name for key in squares):
        return None
    return sum(squares.get((name, segment, label), 0.0) for label in labels)


def charts(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    """The value to date against its phased target per metric (100% is on plan), and each of the
    first metrics by period against target and last year."""
    pacing = data["tables"]["pacing"]["rows"]
    colours = {AHEAD: "#2e7d32", ON_TRACK: "#1565c0", BEHIND: "#c62828"}
    words = {
        "ja": {"title": "目標に対する進捗（累計）", "target": "目標", "actual": "実績", "last": "前年", "pace": "目標比"},
        "en": {"title": "To date against the phased target", "target": "Target", "actual": "Actual", "last": "Last year", "pace": "Of target"},
    }["ja" if lang == "ja" else "en"]
    shown = [r for r in pacing if r.get("achieved") is not None]
    figures: list[dict[str, Any]] = []
    if shown:
        figures.append(
            {
                "data": [
                    {
                        "type": "bar",
                        "x": [r["label"] for r in shown],
                        "y": [r["achieved"] for r in shown],
                        "marker": {"color": [colours.get(r.get("status"), "#757575") for r in shown]},
                        "name": words["pace"],
                        "hovertemplate": "%{x}: %{y:.0%}<extra></extra>",
                    }
                ],
                "layout": {
                    "title": {"text": words["title"]},
                    "yaxis": {"tickformat": ".0%", "title": {"text": words["pace"]}},
                    "shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 1, "y1": 1, "line": {"dash": "dash", "color": "#424242"}}],
                    "showlegend": False,
                },
            }
        )
    rows = data["tables"]["trend"]["rows"]
    segmented = bool(data.get("params", {}).get("by"))  # one line per metric would mix segments
    for metric in list(dict.fromkeys(r["metric"] for r in rows if r.get("target") is not None))[: 0 if segmented else 3]:
        mine = [r for r in rows if r["metric"] == metric]
        periods = [r["period"] for r in mine]
        figures.append(
            {
                "data": [
                    {"type": "bar", "x": periods, "y": [r["value"] for r in mine], "name": words["actual"], "marker": {"color": "#1565c0"}},
                    {"type": "scatter", "mode": "lines+markers", "x": periods, "y": [r["target"] for r in mine], "name": words["target"], "line": {"color": "#c62828", "dash": "dash"}},
                    {"type": "scatter", "mode": "lines", "x": periods, "y": [r["last_year"] for r in mine], "name": words["last"], "line": {"color": "#9e9e9e"}},
                ],
                "layout": {"title": {"text": mine[0]["label"]}, "xaxis": {"type": "category"}},
            }
        )
    return figures
