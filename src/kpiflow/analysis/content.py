"""Content that moves buyers (issue 21): per content item or content type, the quality of the time
spent on it, the next action it leads to, and the lift in that action over comparable people who
did not read it, within strata of overall engagement; an intent score per row (a shrunk log-lift)
to set content priorities; and the ordered consumption sequences that go with closing (through
the patterns engine). `docs/content-and-brand.md` has every definition; in short:

- **People** are contacts: a page view's `contact_id`, or the contact its browser's `anonymous_id`
  carries on another touchpoint (as in `behaviour`). Visitors never identified cannot reach a CRM
  outcome and are left out. The page views read are those of the period (all data by default).
- **Sessions that are not reading** are dropped before anything is counted: a *bot's* session
  (`BOT_PAGES` or more page views at a mean dwell under `BOT_DWELL` seconds) and a *zero-dwell
  single-page* session (one page view whose dwell is 0 or unknown). A page view without a
  `session_id` is a session of its own.
- **Engaged view**: dwell at least `dwell` (seconds, `30`; or a multiple of the item's median
  dwell, `0.5x`, standing in for the item's length, which the data contract does not carry) and
  scroll at least `scroll` percent where the scroll depth is known.
- Per row: `views`, `reach` (people), `accounts`, `engaged` (people with an engaged view),
  `engaged_rate`, median dwell and scroll over the views, `revisit_rate` (people who viewed it in
  two sessions or more), `onward_rate` (views followed by another page view in the same session).
- **Next action** (`outcome`: a touchpoint condition, `stage:NAME` or `won`, as in patterns) and
  the comparison follow the patterns engine's windows: a person whose first outcome falls in the
  period is a converter and is looked at over the `within` before it (the outcome's instant
  excluded); everyone else over a reference window of the same length that ends with their last
  page view of the period, so that both groups are seen over equally long stretches. People
  whose first outcome came before the period have nothing left to reach and are left out.
  A *reader* of a row has an engaged view of it in their window; `outcome_rate` = readers who
  converted / readers.
- **Lift**: the Mantel-Haenszel risk ratio of readers against non-readers over strata of overall
  engagement (`strata` quantile bands of each person's page views in their window, ties ordered
  by contact id), with the Greenland-Robins 95% interval, the Cochran-Mantel-Haenszel test (no
  continuity correction) and Benjamini-Hochberg q-values over the rows.
- **Intent score**: the log of the lift shrunk toward 0 by empirical Bayes (normal-normal): each
  log-lift `y` with standard error `s` becomes `y * tau2 / (tau2 + s^2)`, `tau2` the spread of the
  true log-lifts estimated by the method of moments (`max(0, mean(y^2 - s^2))`): a row read by
  few people is pulled to 0 ("no evidence"), a well-measured one keeps its lift.

The engine counts (one statement: views, sessions, strata and per-stratum readers and outcomes);
numpy and kpiflow.stats only combine the small per-stratum tables.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import numpy as np
from sqlglot import exp

from kpiflow.analysis.exhibitions import IDENTITY_CTES
from kpiflow.analysis.patterns import Population, _check_outcome, _parse_outcome, _Plan, patterns
from kpiflow.analysis.result import Table, Tabular, columns
from kpiflow.analysis.touch_funnel import parse_within
from kpiflow.engine.base import parse
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.messages import say
from kpiflow.stats import SMALL_SAMPLE, benjamini_hochberg, normal_quantile, wilson_interval

BY = ("content_id", "content_type")
OUTCOME = "stage:opportunity"
WITHIN = "30d"
DWELL = "30"
SCROLL = 50.0
STRATA = 5
BOT_PAGES = 20  # a session this long ...
BOT_DWELL = 2.0  # ... at a mean dwell under this many seconds is a crawler's, not a reader's
CLOSE = "won"  # the outcome consumption sequences are read against
CLOSE_WITHIN = "180d"
SEQUENCE_STEPS = "type IN ('page_view', 'download')"
SEQUENCES = 15  # rows of the sequence table
Z = normal_quantile(0.975)


class ContentError(KpiflowError, ValueError):
    """Options the content analysis cannot work with."""

    exit_code = 2


def parse_dwell(text: str | int | float, lang: str) -> tuple[float, bool]:
    """`30` (seconds) or `0.5x` (a multiple of the item's median dwell): (value, relative)."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|x)?\s*", str(text).lower())
    if found is None or float(found.group(1)) < 0:
        raise ContentError(say("content.bad_dwell", lang, value=text))
    return float(found.group(1)), found.group(2) == "x"


def _number(value: Any, name: str, low: float, high: float, lang: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not low <= number <= high:
        raise ContentError(say("content.bad_number", lang, name=name, value=value, low=low, high=high))
    return number


# Placeholders: :tp_filter (the period's page views), :item (the row's key of `tp`), :engaged (a
# condition over v and l), :hit_read, :hit_first (an outcome within the window of each anchor).
_QUERY = (
    "WITH "
    + IDENTITY_CTES
    + """,
raw AS (
  SELECT tp.person_contact AS contact, tp.occurred_at AS at, :item AS item, tp.content_type AS item_type,
         CAST(tp.dwell_seconds AS DOUBLE) AS dwell, CAST(tp.scroll_pct AS DOUBLE) AS scroll,
         COALESCE(tp.session_id, 'view:' || tp.person || ':' || CAST(tp.occurred_at AS VARCHAR)) AS session_key
  FROM tp WHERE tp.person_contact IS NOT NULL
),
sessions AS (
  SELECT session_key, COUNT(*) AS pages, AVG(dwell) AS mean_dwell, MAX(COALESCE(dwell, 0)) AS most_dwell, MAX(at) AS last_at
  FROM raw GROUP BY session_key
),
views AS (
  SELECT r.contact, r.at, r.item, r.item_type, r.dwell, r.scroll, r.session_key, s.last_at
  FROM raw AS r JOIN sessions AS s ON s.session_key = r.session_key
  WHERE NOT (s.pages >= :bot_pages AND COALESCE(s.mean_dwell, 0) < :bot_dwell) AND NOT (s.pages = 1 AND s.most_dwell = 0)
),
lengths AS (
  SELECT item, MEDIAN(dwell) AS typical FROM views WHERE item IS NOT NULL GROUP BY item
),
marked AS (
  SELECT v.contact, v.at, v.item, v.item_type, v.dwell, v.scroll, v.session_key, v.last_at,
         COALESCE(:engaged, FALSE) AS engaged
  FROM views AS v LEFT JOIN lengths AS l ON l.item = v.item
),
people AS (
  SELECT contact, MAX(at) AS last_at FROM views GROUP BY contact
),
oc AS (:outcomes),
units AS (
  SELECT p.contact, :converted AS converted, CASE WHEN :converted THEN oc.o ELSE p.last_at END AS anchor
  FROM people AS p LEFT JOIN oc ON oc.u = p.contact
  WHERE :open
),
in_window AS (
  SELECT u.contact, m.item, m.engaged
  FROM units AS u JOIN marked AS m ON m.contact = u.contact
  WHERE m.at <= u.anchor AND NOT (u.converted AND m.at = u.anchor) AND DATE_DIFF('microsecond', m.at, u.anchor) <= :micros
),
banded AS (
  SELECT u.contact, u.converted, NTILE(:strata) OVER (ORDER BY COALESCE(w.n, 0), u.contact) AS stratum
  FROM units AS u LEFT JOIN (SELECT contact, COUNT(*) AS n FROM in_window GROUP BY contact) AS w ON w.contact = u.contact
),
strata AS (
  SELECT stratum, COUNT(*) AS people, COUNT(*) FILTER (WHERE converted) AS hits FROM banded GROUP BY stratum
),
readers AS (
  SELECT DISTINCT item, contact FROM in_window WHERE engaged AND item IS NOT NULL
),
compared AS (
  SELECT r.item, b.stratum, COUNT(*) AS readers, COUNT(*) FILTER (WHERE b.converted) AS read_hits
  FROM readers AS r JOIN banded AS b ON b.contact = r.contact
  GROUP BY r.item, b.stratum
),
per_item AS (
  SELECT m.item, MIN(m.item_type) AS item_type, COUNT(*) AS views, COUNT(DISTINCT m.contact) AS reach,
         COUNT(DISTINCT c.account_id) AS accounts, COUNT(DISTINCT CASE WHEN m.engaged THEN m.contact END) AS engaged_people,
         MEDIAN(m.dwell) AS median_dwell, MEDIAN(m.scroll) AS median_scroll,
         COUNT(*) FILTER (WHERE m.last_at > m.at) AS onward_views
  FROM marked AS m LEFT JOIN contacts AS c ON c.contact_id = m.contact
  WHERE m.item IS NOT NULL
  GROUP BY m.item
),
revisits AS (
  SELECT item, COUNT(*) AS revisitors
  FROM (SELECT item, contact FROM marked WHERE item IS NOT NULL GROUP BY item, contact HAVING COUNT(DISTINCT session_key) > 1) AS again
  GROUP BY item
)
SELECT 'item' AS part, i.item, i.item_type, CAST(NULL AS BIGINT) AS stratum, i.views, i.reach, i.accounts, i.engaged_people,
       i.median_dwell, i.median_scroll, i.onward_views, COALESCE(r.revisitors, 0) AS a, CAST(NULL AS BIGINT) AS b,
       CAST(NULL AS BIGINT) AS c, CAST(NULL AS BIGINT) AS d, CAST(NULL AS BIGINT) AS e
FROM per_item AS i LEFT JOIN revisits AS r ON r.item = i.item
UNION ALL
SELECT 'stratum', CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), stratum, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       people, hits, NULL, NULL, NULL
FROM strata
UNION ALL
SELECT 'reader', item, CAST(NULL AS VARCHAR), stratum, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       readers, read_hits, NULL, NULL, NULL
FROM compared
ORDER BY 1, 2, 4
"""
)


def build_query(
    *, by: str, parsed: Any, within_micros: int, dwell: tuple[float, bool], scroll: float, strata: int, period: Any
) -> exp.Expression:
    """The counting statement (DuckDB SQL parsed by SQLGlot; every engine runs it); `parsed` is
    the outcome as the patterns engine reads it."""
    outcomes = parse(_Plan(unit="contact", outcome=parsed, keep=None, within=None, start=None, end=None).outcomes())
    tp_filter: exp.Expression = exp.column("type", table="t").eq(exp.Literal.string("page_view"))
    reached: exp.Expression = exp.column("o", table="oc").is_(exp.null()).not_()
    still_open: exp.Expression = exp.true()
    if period is not None:
        start, end = period.sql_bounds()
        at = exp.column("occurred_at", table="t")
        tp_filter = exp.and_(tp_filter, at >= _timestamp(start), at.copy() < _timestamp(end))
        reached = exp.and_(reached, exp.column("o", table="oc") < _timestamp(end))
        # people whose first outcome came before the period have nothing left to reach
        still_open = exp.or_(exp.column("o", table="oc").is_(exp.null()), exp.column("o", table="oc") >= _timestamp(start))
    value, relative = dwell
    long_enough = f"v.dwell >= {value} * l.typical" if relative else f"v.dwell >= {value}"
    engaged = parse(f"{long_enough} AND COALESCE(v.scroll >= {scroll}, TRUE)")
    tree = parse(_QUERY)
    return exp.replace_placeholders(
        tree,
        tp_filter=tp_filter,
        item=exp.column(by, table="tp"),
        engaged=engaged,
        outcomes=outcomes,
        converted=exp.Paren(this=reached),
        open=exp.Paren(this=still_open),
        micros=exp.convert(within_micros),
        strata=exp.convert(strata),
        bot_pages=exp.convert(BOT_PAGES),
        bot_dwell=exp.convert(BOT_DWELL),
    )


def _timestamp(value: Any) -> exp.Expression:
    from kpiflow.engine.base import timestamp  # noqa: PLC0415  (one spelling of a wall-clock literal)

    return timestamp(value)


def mantel_haenszel(a: np.ndarray, n1: np.ndarray, c: np.ndarray, n0: np.ndarray) -> dict[str, float | None]:
    """Mantel-Haenszel risk ratio of the exposed (a events of n1) against the unexposed (c of n0)
    over strata, its Greenland-Robins (1985) 95% interval, and the Cochran-Mantel-Haenszel test
    (no continuity correction). Strata with nobody on one side carry no comparison and drop out."""
    a, n1, c, n0 = (np.asarray(x, dtype=float) for x in (a, n1, c, n0))
    keep = (n1 > 0) & (n0 > 0)
    a, n1, c, n0 = a[keep], n1[keep], c[keep], n0[keep]
    n = n1 + n0
    r = float(np.sum(a * n0 / n)) if n.size else 0.0
    s = float(np.sum(c * n1 / n)) if n.size else 0.0
    out: dict[str, float | None] = {"lift": None, "ci_low": None, "ci_high": None, "log_lift": None, "se": None, "p_value": None}
    m1 = a + c
    with np.errstate(invalid="ignore", divide="ignore"):
        variance = np.where(n > 1, n1 * n0 * m1 * (n - m1) / (n * n * (n - 1)), 0.0)
    total_variance = float(np.sum(variance))
    if total_variance > 0:
        chi2 = (float(np.sum(a)) - float(np.sum(n1 * m1 / n))) ** 2 / total_variance
        out["p_value"] = math.erfc(math.sqrt(chi2 / 2))
    if r > 0 and s > 0:
        lift = r / s
        var_log = float(np.sum((n1 * n0 * m1 - a * c * n) / (n * n))) / (r * s)
        se = math.sqrt(max(var_log, 0.0))
        out.update(
            lift=lift,
            log_lift=math.log(lift),
            se=se,
            ci_low=math.exp(math.log(lift) - Z * se),
            ci_high=math.exp(math.log(lift) + Z * se),
        )
    return out


def shrink_log_lifts(log_lifts: list[float | None], errors: list[float | None]) -> tuple[list[float | None], float]:
    """Each log-lift pulled toward 0 by empirical Bayes (see the module doc): (scores, tau2)."""
    known = [(y, s) for y, s in zip(log_lifts, errors, strict=True) if y is not None and s is not None and s > 0]
    tau2 = max(0.0, float(np.mean([y * y - s * s for y, s in known]))) if known else 0.0
    scores: list[float | None] = []
    for y, s in zip(log_lifts, errors, strict=True):
        if y is None or s is None:
            scores.append(None)
        elif s == 0:
            scores.append(y)
        else:
            scores.append(y * tau2 / (tau2 + s * s))
    return scores, tau2


def content(
    ws: Any,
    *,
    by: str = "content_type",
    outcome: str = OUTCOME,
    within: str = WITHIN,
    period: str | None = None,
    dwell: str = DWELL,
    scroll: float | str = SCROLL,
    strata: int = STRATA,
    lang: str | None = None,
) -> Tabular:
    """Reach, engagement, next action and its stratified lift per content item or type, the intent
    score, and the consumption sequences that go with closing (see the module doc)."""
    lang = lang or ws.lang
    if by not in BY:
        raise UnknownNameError.for_name("--by", by, BY)
    try:
        window = parse_within(within)
    except KpiflowError:
        raise ContentError(say("content.bad_within", lang, value=within)) from None
    threshold = parse_dwell(dwell, lang)
    depth = _number(scroll, "--scroll", 0, 100, lang)
    bands = int(_number(strata, "--strata", 1, 20, lang))
    span = ws.resolve_period(period, lang) if period is not None else None
    micros = window // dt.timedelta(microseconds=1)
    parsed = _parse_outcome(outcome, ws.model, list(ws.columns().get("touchpoints", [])))
    query = build_query(by=by, parsed=parsed, within_micros=micros, dwell=threshold, scroll=depth, strata=bands, period=span)
    found = ws.engine.run(query).records()
    items = [r for r in found if r["part"] == "item"]
    people = {int(r["stratum"]): (int(r["a"]), int(r["b"])) for r in found if r["part"] == "stratum"}
    read: dict[str, dict[int, tuple[int, int]]] = {}
    for r in found:
        if r["part"] == "reader":
            read.setdefault(r["item"], {})[int(r["stratum"])] = (int(r["a"]), int(r["b"]))
    order = sorted(people)
    # an outcome condition no touchpoint matches is a typo: refused with the values that exist
    warnings = _check_outcome(
        ws.engine, parsed, outcome, span, Population(sum(n for n, _ in people.values()), sum(x for _, x in people.values())), lang
    )
    records = []
    for item in items:
        key = item["item"]
        per = read.get(key, {})
        readers = np.array([per.get(k, (0, 0))[0] for k in order])
        read_hits = np.array([per.get(k, (0, 0))[1] for k in order])
        others = np.array([people[k][0] for k in order]) - readers
        other_hits = np.array([people[k][1] for k in order]) - read_hits
        compared = mantel_haenszel(read_hits, readers, other_hits, others)
        n1, x1 = int(readers.sum()), int(read_hits.sum())
        engaged = int(item["engaged_people"])
        reach = int(item["reach"])
        views = int(item["views"])
        rate_low, rate_high = wilson_interval(x1, n1) if n1 else (None, None)
        engaged_low, engaged_high = wilson_interval(engaged, reach) if reach else (None, None)
        revisitors = int(item["a"])
        onward = int(item["onward_views"])
        revisit_low, revisit_high = wilson_interval(revisitors, reach) if reach else (None, None)
        onward_low, onward_high = wilson_interval(onward, views) if views else (None, None)
        records.append(
            {
                by: key,
                **({"content_type": item["item_type"]} if by == "content_id" else {}),
                "views": views,
                "reach": reach,
                "accounts": int(item["accounts"]),
                "engaged": engaged,
                "engaged_rate": engaged / reach if reach else None,
                "engaged_low": engaged_low,
                "engaged_high": engaged_high,
                "median_dwell": _float(item["median_dwell"]),
                "median_scroll": _float(item["median_scroll"]),
                "revisitors": revisitors,
                "revisit_rate": revisitors / reach if reach else None,
                "revisit_rate_ci_low": revisit_low,
                "revisit_rate_ci_high": revisit_high,
                "onward_views": onward,
                "onward_rate": onward / views if views else None,
                "onward_rate_ci_low": onward_low,
                "onward_rate_ci_high": onward_high,
                "outcome_people": n1,
                "outcomes": x1,
                "outcome_rate": x1 / n1 if n1 else None,
                "outcome_low": rate_low,
                "outcome_high": rate_high,
                "lift": compared["lift"],
                "ci_low": compared["ci_low"],
                "ci_high": compared["ci_high"],
                "p_value": compared["p_value"],
                "q_value": None,
                "intent_score": None,
                "small_sample": n1 < SMALL_SAMPLE,
                "_log": compared["log_lift"],
                "_se": compared["se"],
            }
        )
    tested = [i for i, r in enumerate(records) if r["p_value"] is not None]
    for i, q in zip(tested, benjamini_hochberg([records[i]["p_value"] for i in tested]), strict=True):
        records[i]["q_value"] = q
    scores, tau2 = shrink_log_lifts([r.pop("_log") for r in records], [r.pop("_se") for r in records])
    for record, score in zip(records, scores, strict=True):
        record["intent_score"] = score
    records.sort(key=lambda r: (r["intent_score"] is None, -(r["intent_score"] or 0.0), -r["reach"], str(r[by])))
    table = Table(
        "items",
        {"ja": "コンテンツ別の閲覧の質と次の行動", "en": "Content: quality of reading and the next action"},
        columns(
            (by, "label"),
            *((("content_type", "label"),) if by == "content_id" else ()),
            ("intent_score", "number"),
            ("lift", "ratio"),
            ("ci_low", "ratio"),
            ("ci_high", "ratio"),
            ("q_value", "p_value"),
            ("outcome_rate", "rate"),
            ("reach", "count"),
            ("engaged", "count"),
            ("outcome_people", "count"),
            ("outcomes", "count"),
            ("outcome_low", "rate"),
            ("outcome_high", "rate"),
            ("views", "count"),
            ("accounts", "count"),
            ("engaged_rate", "rate"),
            ("engaged_low", "rate"),
            ("engaged_high", "rate"),
            ("median_dwell", "seconds"),
            ("median_scroll", "number"),
            ("revisitors", "count"),
            ("revisit_rate", "rate"),
            ("revisit_rate_ci_low", "rate"),
            ("revisit_rate_ci_high", "rate"),
            ("onward_views", "count"),
            ("onward_rate", "rate"),
            ("onward_rate_ci_low", "rate"),
            ("onward_rate_ci_high", "rate"),
            ("p_value", "p_value"),
            ("small_sample", "flag"),
        ),
        tuple(records),
    )
    sequences = _sequences(ws, span, lang)
    notes = (
        say(
            "content.note",
            lang,
            outcome=outcome,
            within=within,
            dwell=dwell,
            scroll=f"{depth:g}",
            strata=bands,
            tau=f"{math.sqrt(tau2):.3f}",
        ),
        *warnings,
    )
    params = {
        "by": by,
        "outcome": outcome,
        "within": within,
        "period": span.label("en") if span is not None else None,
        "dwell": str(dwell),
        "scroll": depth,
        "strata": bands,
    }
    return Tabular("content", params, (table, sequences), notes)


def _sequences(ws: Any, span: Any, lang: str) -> Table:
    """Ordered consumption (page views and downloads, by content type) that goes with closing: the
    patterns engine's steps and sequences before a won deal, most lifted first."""
    found = patterns(
        ws.engine,
        ws.model,
        outcome=CLOSE,
        within=CLOSE_WITHIN,
        period=span,
        where=SEQUENCE_STEPS,
        top_paths=0,
        columns=ws.columns(),
        lang=lang,
    )
    kept = [r for r in found.records if r.lift is not None][:SEQUENCES]
    rows = [
        {
            "sequence": " → ".join(r.pattern),
            "steps": r.length,
            "support": r.support,
            "converters": r.converters,
            "confidence": r.confidence,
            "lift": r.lift,
            "ci_low": r.ci_low,
            "ci_high": r.ci_high,
            "q_value": r.q_value,
            "significant": r.significant,
        }
        for r in kept
    ]
    return Table(
        "sequences",
        {"ja": "受注に先立つ閲覧の順序", "en": "Consumption sequences before a won deal"},
        columns(
            ("sequence", "label"),
            ("steps", "count"),
            ("support", "count"),
            ("converters", "count"),
            ("confidence", "rate"),
            ("lift", "ratio"),
            ("ci_low", "ratio"),
            ("ci_high", "ratio"),
            ("q_value", "p_value"),
            ("significant", "flag"),
        ),
        tuple(rows),
    )


def _float(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def charts(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The intent score of each row (bars, best first) and its lift with the 95% interval: Plotly
    figures drawn from the result's JSON."""
    key = data["params"]["by"]
    rows = [r for r in data["tables"]["items"]["rows"] if r["intent_score"] is not None][:25]
    names = [str(r[key]) for r in rows]
    words = {
        "ja": ("インテントスコア（縮小した対数リフト、0 = 差なし）", "リフト（層別、95%区間）", "リフト（対数軸）"),
        "en": ("Intent score (shrunk log-lift; 0 = no difference)", "Lift within engagement strata (95% interval)", "Lift (log axis)"),
    }[lang if lang == "ja" else "en"]
    intent = {
        "data": [
            {
                "type": "bar",
                "x": names,
                "y": [r["intent_score"] for r in rows],
                "marker": {"color": ["#2e7d32" if r["intent_score"] > 0 else "#9e9e9e" for r in rows]},
                "name": "intent_score",
            }
        ],
        "layout": {"title": {"text": words[0]}, "xaxis": {"automargin": True, "type": "category"}},
    }
    lifted = [r for r in rows if r["lift"] is not None]
    lift = {
        "data": [
            {
                "type": "scatter",
                "mode": "markers",
                "x": [str(r[key]) for r in lifted],
                "y": [r["lift"] for r in lifted],
                "error_y": {
                    "type": "data",
                    "symmetric": False,
                    "array": [None if r["ci_high"] is None else r["ci_high"] - r["lift"] for r in lifted],
                    "arrayminus": [None if r["ci_low"] is None else r["lift"] - r["ci_low"] for r in lifted],
                },
                "name": "lift",
            }
        ],
        "layout": {
            "title": {"text": words[1]},
            "yaxis": {"type": "log", "title": {"text": words[2]}},
            "xaxis": {"automargin": True, "type": "category"},
            "shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 1, "y1": 1, "line": {"dash": "dash", "color": "#c0392b"}}],
        },
    }
    return [intent, lift]
