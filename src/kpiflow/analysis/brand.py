"""The brand behind the pipeline (issue 21): NPS with its interval, the promoter / passive /
detractor shares and the score distribution, CSAT, awareness from surveys, branded search,
mentions, reviews and media from brand_signals, period by period with changes tested against
noise, and the lagged relation of brand series to the pipeline as a hypothesis to test.
`docs/content-and-brand.md` has every definition; in short:

- **NPS** (surveys of kind `nps`, 0-10): promoters score 9-10, detractors 0-6, passives the rest;
  NPS = 100 (p - d) in points from -100 to 100, its standard error
  100 sqrt((p + d - (p - d)^2) / n) and the 95% interval NPS +- 1.96 SE (clipped to +-100). A
  change against the previous period is a z-test of the two NPS (their variances add), with
  Benjamini-Hochberg q-values over the changes.
- **CSAT** (kind `csat`, 1-5): the share answering 4 or 5, Wilson interval, change by the pooled
  two-proportion test. **Awareness** (kind `awareness`): the share of answers above 0.
- **Signals** (brand_signals by kind): branded_search, mention and media as the period's total;
  review as the mean rating; each with the mean sentiment where given; a change is Welch's test
  of the observations (weeks) of the period against the previous one's.
- **Lags**: for each brand series observed every month (brand_signals' kinds) against leads
  (contacts created) and opportunities (deals created) by month, the cross-correlation at lags
  0..k months (brand leading) after prewhitening: an AR(p) model (p <= 3 by AIC, least squares)
  is fitted to the brand series and both series are filtered with it; |r| above 1.96 / sqrt(n)
  stands out from noise. A lead in time is a hypothesis to test (an experiment, a holdout
  region), not a cause.

The engine aggregates answers and signals by month (and segment, and score); Python adds months
into periods and does the small arithmetic.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np

from kpiflow.engine.base import fill, timestamp
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.messages import say
from kpiflow.model.periods import PeriodError, periods_between
from kpiflow.stats import SMALL_SAMPLE, benjamini_hochberg, normal_quantile, two_proportion_test, welch_test, wilson_interval

KINDS = ("month", "quarter", "half", "fy")
DIMENSIONS = ("industry", "size_band", "region")
LAGS = 6
AR_ORDERS = (1, 2, 3)
ALL = "*"  # the row of every segment together
Z = normal_quantile(0.975)
PIPELINE = {"leads": ("contacts", "created_at"), "opportunities": ("deals", "created_at")}


class BrandError(KpiflowError, ValueError):
    """Options the brand analysis cannot work with."""

    exit_code = 2


def nps(promoters: int, passives: int, detractors: int) -> dict[str, float | None]:
    """NPS in points with its standard error and 95% interval (see the module doc)."""
    n = promoters + passives + detractors
    if n == 0:
        return {"nps": None, "nps_se": None, "nps_ci_low": None, "nps_ci_high": None}
    p, d = promoters / n, detractors / n
    se = 100 * math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    score = 100 * (p - d)
    return {"nps": score, "nps_se": se, "nps_ci_low": max(-100.0, score - Z * se), "nps_ci_high": min(100.0, score + Z * se)}


def _periods(ws: Any, period: str, lang: str) -> tuple[list[Any], Any, Any]:
    """(the periods to show, the first moment, the end): every period of a kind over the data, the
    periods of a range (FY2024Q1..FY2025Q4 in quarters), or one period in its parts (FY2025 in
    quarters, FY2025Q3 in months, `all` or a date range in quarters)."""
    tables = ("surveys", "brand_signals")
    fys = ws.model.fiscal_year_start
    if period in KINDS:
        first, last = ws.time_span(tables)
        if first is None or last is None:
            raise BrandError(say("brand.no_surveys", lang))
        found = periods_between(period, first, last + dt.timedelta(microseconds=1), fys)
        return found, found[0].sql_bounds()[0], found[-1].sql_bounds()[1]
    try:
        chosen = ws.resolve_period(period, lang, tables=tables)
    except PeriodError as e:
        if any(ch.isalpha() for ch in str(period)) and not str(period).upper().startswith(("FY", "ALL")):
            raise BrandError(say("brand.bad_period", lang, value=period)) from None
        raise e from None
    start, end = chosen.sql_bounds()
    # a trend, not one number: a range in its own periods, a year or half in quarters, a quarter in months
    inner = chosen.range_of or {"fy": "quarter", "half": "quarter", "quarter": "month", "month": "month"}.get(chosen.kind, "quarter")
    found = periods_between(inner, start, end, fys)
    return found, min(start, found[0].sql_bounds()[0]), max(end, found[-1].sql_bounds()[1])


def _month_index(year: Any, month: Any) -> int:
    return int(year) * 12 + int(month) - 1


def brand(ws: Any, *, period: str = "quarter", by: str | None = None, lags: int = LAGS, lang: str | None = None) -> Any:
    """NPS, CSAT, awareness and brand signals by period (and segment), the NPS distribution, and the
    lagged relation of brand series to the pipeline (see the module doc)."""
    from kpiflow.analysis.result import Table, Tabular, columns  # noqa: PLC0415  (kept beside its use)

    lang = lang or ws.lang
    if by is not None and by not in DIMENSIONS:
        raise UnknownNameError.for_name("--by", by, DIMENSIONS)
    if isinstance(lags, bool) or not isinstance(lags, int) or not 1 <= lags <= 12:
        raise BrandError(say("brand.bad_lags", lang, value=lags))
    periods, start, end = _periods(ws, str(period), lang)
    segment = f"a.{by}" if by else "CAST(NULL AS VARCHAR)"
    bounds = f"s.answered_at >= {timestamp(start).sql('duckdb')} AND s.answered_at < {timestamp(end).sql('duckdb')}"
    answers = ws.engine.run(
        fill(
            f"SELECT EXTRACT(YEAR FROM s.answered_at) AS y, EXTRACT(MONTH FROM s.answered_at) AS m, s.kind, {segment} AS segment, "
            "CAST(s.score AS DOUBLE) AS score, COUNT(*) AS n "
            f"FROM surveys AS s LEFT JOIN accounts AS a ON a.account_id = s.account_id WHERE s.score IS NOT NULL AND {bounds} "
            "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4 NULLS LAST, 5"
        )
    ).rows
    month_of_period = _month_map(periods)
    labels = [p.label("en") for p in periods]
    segments = [ALL] + (sorted({str(r[3]) if r[3] is not None else "" for r in answers}) if by else [])
    # counts[(period, segment)] = [promoters, passives, detractors, csat yes, csat all, aware, awareness all]
    counts: dict[tuple[str, str], list[int]] = {(p, s): [0] * 7 for p in labels for s in segments}
    scores: dict[tuple[str, int], int] = {}
    for y, m, kind, seg, score, n in answers:
        label = month_of_period.get(_month_index(y, m))
        if label is None:
            continue
        n, score = int(n), float(score)
        for s in (ALL, (str(seg) if seg is not None else "")) if by else (ALL,):
            row = counts[(label, s)]
            if kind == "nps":
                row[0 if score >= 9 else 2 if score <= 6 else 1] += n
            elif kind == "csat":
                row[3] += n if score >= 4 else 0
                row[4] += n
            elif kind == "awareness":
                row[5] += n if score > 0 else 0
                row[6] += n
        if kind == "nps" and float(score).is_integer() and 0 <= score <= 10:
            scores[(label, int(score))] = scores.get((label, int(score)), 0) + n

    records = []
    for s in segments:
        previous = None
        for label in labels:
            pro, pas, det, yes, asked, _, _ = counts[(label, s)]
            n = pro + pas + det
            figures = nps(pro, pas, det)
            low, high = wilson_interval(yes, asked) if asked else (None, None)
            change = change_p = csat_p = None
            if previous is not None and figures["nps"] is not None and previous[0]["nps"] is not None:
                change = figures["nps"] - previous[0]["nps"]
                spread = math.hypot(figures["nps_se"], previous[0]["nps_se"])
                change_p = math.erfc(abs(change / spread) / math.sqrt(2)) if spread > 0 else None
            if previous is not None and asked and previous[1][1] and (yes + previous[1][0]) not in (0, asked + previous[1][1]):
                csat_p = two_proportion_test(yes, asked, previous[1][0], previous[1][1])[1]
            record = {
                "period": label,
                **({by: s} if by else {}),
                "responses": n,
                "nps": figures["nps"],
                "nps_ci_low": figures["nps_ci_low"],
                "nps_ci_high": figures["nps_ci_high"],
                "nps_se": figures["nps_se"],
                "promoters": pro,
                "passives": pas,
                "detractors": det,
                "promoter_share": pro / n if n else None,
                "passive_share": pas / n if n else None,
                "detractor_share": det / n if n else None,
                "nps_change": change,
                "nps_change_p": change_p,
                "nps_change_q": None,
                "csat_responses": asked,
                "csat": yes / asked if asked else None,
                "csat_low": low,
                "csat_high": high,
                "csat_change_p": csat_p,
                # few answers: the normal approximation behind the interval and the change test is rough
                "small_sample": n < SMALL_SAMPLE,
            }
            records.append(record)
            previous = (figures, (yes, asked)) if n or asked else previous
    tested = [r for r in records if r["nps_change_p"] is not None]
    for r, q in zip(tested, benjamini_hochberg([r["nps_change_p"] for r in tested]), strict=True):
        r["nps_change_q"] = q

    # one row per period: how many answered each score, 0 to 10 (Japanese answers crowd the middle)
    distribution = [
        {"period": label, "responses": total, **{f"score_{k}": scores.get((label, k), 0) for k in range(11)}}
        for label in labels
        for total in [sum(scores.get((label, j), 0) for j in range(11))]
        if total
    ]
    signals = _signals(ws, periods, labels, month_of_period, counts, start, end)
    lag_rows, lag_notes = _lags(ws, lags, lang)
    tables = (
        Table(
            "scores",
            {"ja": "NPS・CSAT（期間別）", "en": "NPS and CSAT by period"},
            columns(
                ("period", "period"),
                *(((by, "label"),) if by else ()),
                ("responses", "count"),
                ("nps", "number"),
                ("nps_ci_low", "number"),
                ("nps_ci_high", "number"),
                ("promoters", "count"),
                ("passives", "count"),
                ("detractors", "count"),
                # what a reader needs first comes first: a terminal leaves the last columns out
                ("csat", "rate"),
                ("nps_change", "number"),
                ("nps_change_q", "p_value"),
                ("promoter_share", "percent"),
                ("passive_share", "percent"),
                ("detractor_share", "percent"),
                ("nps_change_p", "p_value"),
                ("csat_responses", "count"),
                ("csat_low", "rate"),
                ("csat_high", "rate"),
                ("csat_change_p", "p_value"),
                ("nps_se", "number"),
                ("small_sample", "flag"),
            ),
            tuple(records),
        ),
        Table(
            "distribution",
            {"ja": "NPS の点数の分布", "en": "Distribution of NPS scores"},
            columns(("period", "period"), ("responses", "count"), *((f"score_{k}", "count") for k in range(11))),
            tuple(distribution),
        ),
        Table(
            "signals",
            {"ja": "認知・検索・言及・レビュー・掲載", "en": "Awareness, branded search, mentions, reviews, media"},
            columns(
                ("period", "period"),
                ("signal", "label"),
                ("observations", "count"),
                ("value", "number"),
                ("signal_low", "number"),
                ("signal_high", "number"),
                ("sentiment", "number"),
                ("change_p", "p_value"),
                ("change_q", "p_value"),
            ),
            tuple(signals),
        ),
        Table(
            "lags",
            {"ja": "ブランド指標とパイプラインの時間差相関（仮説）", "en": "Brand series leading the pipeline (a hypothesis)"},
            columns(
                ("series", "label"),
                ("pipeline", "label"),
                ("lag_months", "count"),
                ("correlation", "number"),
                ("bound", "number"),
                ("stands_out", "flag"),
                ("months", "count"),
                ("ar_order", "count"),
            ),
            tuple(lag_rows),
        ),
    )
    notes = (say("brand.note", lang), *lag_notes)
    params = {"period": str(period), "by": by, "lags": lags}
    return Tabular("brand", params, tables, notes)


def _month_map(periods: list[Any]) -> dict[int, str]:
    """Month index (year * 12 + month - 1) -> the label of the period that holds it (a custom
    period's answers are kept to its bounds by the query; its months all map to it)."""
    out: dict[int, str] = {}
    for p in periods:
        start, end = p.sql_bounds()
        last = end - dt.timedelta(microseconds=1)
        for month in range(_month_index(start.year, start.month), _month_index(last.year, last.month) + 1):
            out[month] = p.label("en")
    return out


def _signals(
    ws: Any, periods: list[Any], labels: list[str], month_of_period: dict[int, str], counts: dict, start: Any, end: Any
) -> list[dict[str, Any]]:
    """Awareness from surveys and each brand_signals kind, period by period, with changes tested."""
    first, last = start.date().isoformat(), end.date().isoformat()
    found = ws.engine.run(
        fill(
            "SELECT EXTRACT(YEAR FROM date) AS y, EXTRACT(MONTH FROM date) AS m, kind, COUNT(*) AS n, "
            "SUM(CAST(value AS DOUBLE)) AS total, SUM(CAST(value AS DOUBLE) * CAST(value AS DOUBLE)) AS squares, "
            "SUM(CAST(sentiment AS DOUBLE)) AS sentiment, COUNT(sentiment) AS rated "
            f"FROM brand_signals WHERE value IS NOT NULL AND date >= CAST('{first}' AS DATE) AND date < CAST('{last}' AS DATE) "
            "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        )
    ).rows
    sums: dict[tuple[str, str], list[float]] = {}
    for y, m, kind, n, total, squares, sentiment, rated in found:
        label = month_of_period.get(_month_index(y, m))
        if label is None:
            continue
        row = sums.setdefault((str(kind), label), [0, 0.0, 0.0, 0.0, 0])
        row[0] += int(n)
        row[1] += float(total or 0)
        row[2] += float(squares or 0)
        row[3] += float(sentiment or 0)
        row[4] += int(rated)
    out: list[dict[str, Any]] = []
    if any(counts[(label, ALL)][6] for label in labels):
        previous = None
        for label in labels:
            aware, asked = counts[(label, ALL)][5], counts[(label, ALL)][6]
            if not asked:
                continue
            low, high = wilson_interval(aware, asked)
            change = None
            if previous is not None and (aware + previous[0]) not in (0, asked + previous[1]):
                change = two_proportion_test(aware, asked, *previous)[1]
            out.append(_signal(label, "awareness", asked, aware / asked, low, high, None, change))
            previous = (aware, asked)
    for kind in sorted({k for k, _ in sums}):
        previous = None
        for label in labels:
            if (kind, label) not in sums:
                continue
            n, total, squares, sentiment, rated = sums[(kind, label)]
            mean = total / n
            value = mean if kind == "review" else total
            low = high = None
            if kind == "review" and n > 1:
                sd = math.sqrt(max(squares - n * mean * mean, 0.0) / (n - 1))
                low, high = mean - Z * sd / math.sqrt(n), mean + Z * sd / math.sqrt(n)
            change = None
            spread = squares - n * mean * mean
            if previous is not None and n > 1 and previous[0] > 1 and (spread > 1e-9 or previous[3] > 1e-9):
                _, _, p = welch_test(n, total, squares, *previous[:3])
                change = None if p is None or math.isnan(p) else p
            out.append(_signal(label, kind, n, value, low, high, sentiment / rated if rated else None, change))
            previous = (n, total, squares, spread)
    tested = [r for r in out if r["change_p"] is not None]
    for r, q in zip(tested, benjamini_hochberg([r["change_p"] for r in tested]), strict=True):
        r["change_q"] = q
    return out


def _signal(period: str, kind: str, n: int, value: float, low: Any, high: Any, sentiment: Any, change: Any) -> dict[str, Any]:
    return {
        "period": period,
        "signal": kind,
        "observations": n,
        "value": value,
        "signal_low": low,
        "signal_high": high,
        "sentiment": sentiment,
        "change_p": change,
        "change_q": None,
    }


def _monthly(ws: Any, text: str) -> dict[int, float]:
    return {_month_index(y, m): float(v) for y, m, v in ws.engine.run(fill(text)).rows if y is not None}


def fit_ar(x: np.ndarray, orders: tuple[int, ...] = AR_ORDERS) -> np.ndarray:
    """Least-squares AR coefficients of a demeaned series, the order chosen by AIC over `orders`
    (every order fitted on the same observations, from max(orders) on)."""
    x = np.asarray(x, dtype=float) - float(np.mean(x))
    top = max(orders)
    best: tuple[float, np.ndarray] | None = None
    for p in orders:
        design = np.column_stack([x[top - i : x.size - i] for i in range(1, p + 1)])
        target = x[top:]
        coefficients, *_ = np.linalg.lstsq(design, target, rcond=None)
        residual = float(np.sum((target - design @ coefficients) ** 2))
        aic = target.size * math.log(max(residual, 1e-300) / target.size) + 2 * p
        if best is None or aic < best[0]:
            best = (aic, coefficients)
    assert best is not None
    return best[1]


def prewhitened_ccf(x: np.ndarray, y: np.ndarray, lags: int) -> tuple[list[float], int, int]:
    """The cross-correlation of x (leading) and y at lags 0..`lags` after filtering both with the AR
    model fitted to x: (r_0..r_lags, the filtered length n, the AR order). r_k = sum over t of
    (a_t - mean a)(b_(t+k) - mean b) / (n sd_a sd_b), as R's ccf."""
    phi = fit_ar(x)
    p = phi.size

    def whiten(series: np.ndarray) -> np.ndarray:
        z = np.asarray(series, dtype=float) - float(np.mean(series))
        return z[p:] - sum(phi[i] * z[p - 1 - i : z.size - 1 - i] for i in range(p))

    a, b = whiten(x), whiten(y)
    n = a.size
    a, b = a - a.mean(), b - b.mean()
    scale = n * a.std() * b.std()
    return [float(np.sum(a[: n - k] * b[k:]) / scale) if scale > 0 else math.nan for k in range(lags + 1)], n, p


def _lags(ws: Any, lags: int, lang: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Each brand_signals kind observed every month against leads and opportunities."""
    brand_rows = ws.engine.run(
        fill(
            "SELECT kind, EXTRACT(YEAR FROM date) AS y, EXTRACT(MONTH FROM date) AS m, SUM(CAST(value AS DOUBLE)) AS v "
            "FROM brand_signals WHERE value IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        )
    ).rows
    series: dict[str, dict[int, float]] = {}
    for kind, y, m, v in brand_rows:
        series.setdefault(str(kind), {})[_month_index(y, m)] = float(v)
    pipeline = {
        name: _monthly(
            ws,
            f"SELECT EXTRACT(YEAR FROM {column}) AS y, EXTRACT(MONTH FROM {column}) AS m, COUNT(*) AS v "
            f"FROM {table} WHERE {column} IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
        )
        for name, (table, column) in PIPELINE.items()
    }
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    for kind, months in sorted(series.items()):
        low, high = min(months), max(months)
        if len(months) != high - low + 1:
            continue  # not observed every month (media articles): no monthly series to correlate
        for name, counts in pipeline.items():
            span = [k for k in range(low, high + 1) if counts and min(counts) <= k <= max(counts)]
            if len(span) < lags + 2 * max(AR_ORDERS) + 8:
                continue
            x = np.array([months[k] for k in span])
            y = np.array([counts.get(k, 0.0) for k in span])
            if np.std(x) == 0 or np.std(y) == 0:
                continue
            r, n, order = prewhitened_ccf(x, y, lags)
            bound = 1.96 / math.sqrt(n)
            rows.extend(
                {
                    "series": kind,
                    "pipeline": name,
                    "lag_months": k,
                    "correlation": value,
                    "bound": bound,
                    "stands_out": abs(value) > bound,
                    "months": n,
                    "ar_order": order,
                }
                for k, value in enumerate(r)
            )
            notes.append(say("brand.lags_note", lang, series=kind, pipeline=name, order=order, bound=bound))
    return rows, notes[:1]


def charts(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The NPS trend with its 95% band, the promoter / passive / detractor shares, and the lagged
    correlations against their noise bounds: Plotly figures drawn from the result's JSON."""
    by = data["params"].get("by")
    rows = [r for r in data["tables"]["scores"]["rows"] if (not by or r.get(by) == ALL) and r["nps"] is not None]
    x = [r["period"] for r in rows]
    words = {
        "ja": ("NPS の推移（帯は95%区間）", "推奨者・中立者・批判者の割合", ("推奨者", "中立者", "批判者"), "NPS（ポイント）"),
        "en": ("NPS over time (band: 95% interval)", "Promoters, passives, detractors", ("promoters", "passives", "detractors"), "NPS (points)"),
    }[lang if lang == "ja" else "en"]
    band = [
        {"type": "scatter", "mode": "lines", "x": x, "y": [r["nps_ci_high"] for r in rows], "line": {"width": 0}, "showlegend": False, "hoverinfo": "skip"},
        {
            "type": "scatter",
            "mode": "lines",
            "x": x,
            "y": [r["nps_ci_low"] for r in rows],
            "fill": "tonexty",
            "fillcolor": "rgba(46, 125, 50, 0.18)",
            "line": {"width": 0},
            "showlegend": False,
            "hoverinfo": "skip",
        },
        {"type": "scatter", "mode": "lines+markers", "x": x, "y": [r["nps"] for r in rows], "name": "NPS", "line": {"color": "#2e7d32"}},
    ]
    trend = {"data": band, "layout": {"title": {"text": words[0]}, "yaxis": {"title": {"text": words[3]}}, "xaxis": {"type": "category"}}}
    colours = ("#2e7d32", "#9e9e9e", "#c0392b")
    shares = {
        "data": [
            {"type": "bar", "x": x, "y": [r[f"{key}_share"] for r in rows], "name": name, "marker": {"color": colour}}
            for key, name, colour in zip(("promoter", "passive", "detractor"), words[2], colours, strict=True)
        ],
        "layout": {"title": {"text": words[1]}, "barmode": "stack", "yaxis": {"tickformat": ".0%"}, "xaxis": {"type": "category"}},
    }
    return [trend, shares]
