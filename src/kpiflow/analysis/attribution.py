"""Multi-touch attribution (issue 20): each channel's credit for the conversions and their value
under first, last, linear, U, W, full-path, time-decay, Markov and Shapley models, side by side,
with bootstrap intervals and, from the costs table, cost per attributed conversion and ROAS.

Journeys come from touchpoints or from a path-count file (`path;total_conversions;
total_conversion_value;total_null`, channels joined by ` > `).

- From touchpoints the engine builds one journey per unit (a contact, or an account: every
  person of the buying committee) and aggregates them to distinct keys. A converter's journey is
  its touches in the lookback window before its first outcome (a won deal with its amount, a stage
  reached, or a touchpoint condition), the outcome's own instant excluded; a unit that did not
  convert has a journey ending at its last touch of the period. Touches are the touchpoints that
  name a channel and pass `touches` (default: not page views nor e-mails opened, which are
  impressions rather than interactions); offline touches (booth visits, badge scans, demos,
  seminars, sales meetings and calls) are included unless `offline=exclude`. Each touch keeps its
  age in whole days before the outcome (time decay) and the journey its lead and opportunity
  creation touches (the last touch at or before each, else the first touch; none when the
  milestone comes after the outcome), so that every model reads the same aggregated keys.
- The models' math is in `kpiflow.analysis.attribution_models` (numpy on the aggregated keys).
- Intervals: a bootstrap over journeys (a multinomial resample of the keys' converting and
  non-converting journeys, seeded, `DRAWS` draws), every model recomputed on each draw.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
from sqlglot import exp

from kpiflow.analysis import attribution_models as am
from kpiflow.analysis.result import Column, Table, Tabular, columns
from kpiflow.engine.base import parse
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.messages import say
from kpiflow.stats import SMALL_SAMPLE, wilson_interval

MODELS = ("first", "last", "linear", "u", "w", "full", "time_decay", "markov", "shapley")
MODEL_CHOICES = ("all", *MODELS)
UNITS = ("contact", "account")
OFFLINE = ("include", "exclude")
OFFLINE_TYPES = ("booth_visit", "badge_scan", "demo", "seminar_attend", "meeting", "call")
DEFAULT_TOUCHES = "type NOT IN ('page_view', 'email_open')"
DEFAULT_LOOKBACK = "90d"
DEFAULT_HALF_LIFE = "7d"
DRAWS = 200
SEED = 0
SEPARATOR = " > "
PATH_COLUMNS = ("path", "total_conversions", "total_conversion_value", "total_null")
MODEL_WORDS: dict[str, dict[str, str]] = {
    "first": {"ja": "ファーストタッチ", "en": "First touch"},
    "last": {"ja": "ラストタッチ", "en": "Last touch"},
    "linear": {"ja": "均等配分", "en": "Linear"},
    "u": {"ja": "U字型（40/20/40）", "en": "U-shaped (40/20/40)"},
    "w": {"ja": "W字型（30/30/30/10）", "en": "W-shaped (30/30/30/10)"},
    "full": {"ja": "フルパス（22.5×4/10）", "en": "Full path (22.5x4/10)"},
    "time_decay": {"ja": "時間減衰", "en": "Time decay"},
    "markov": {"ja": "マルコフ連鎖（除去効果）", "en": "Markov chain (removal effect)"},
    "shapley": {"ja": "シャープレイ値", "en": "Shapley value"},
}


class AttributionError(KpiflowError, ValueError):
    """Options, path files or data the attribution cannot work with."""


# --- options ----------------------------------------------------------------------------------


def _days(text: str, option: str, lang: str) -> float:
    """`90d`, `12w`, `36h` as days (a duration longer than zero)."""
    from kpiflow.analysis.touch_funnel import FunnelError, parse_within  # noqa: PLC0415  (one window syntax everywhere)

    try:
        return parse_within(str(text)) / dt.timedelta(days=1)
    except FunnelError:
        raise AttributionError(say("attribution.bad_duration", lang, option=option, value=text)) from None


def _order(text: Any, lang: str) -> int:
    if str(text).strip() not in ("1", "2", "3"):
        raise AttributionError(say("attribution.bad_order", lang, value=text))
    return int(str(text).strip())


# --- a path-count file ------------------------------------------------------------------------


def read_paths(file: str | Path, lang: str) -> am.Paths:
    """A path-count file as distinct keys; a bad row is refused naming the file, row and column."""
    from kpiflow.io.problems import SourceRefused  # noqa: PLC0415  (io only when a file is read)
    from kpiflow.io.sources import detect_encoding  # noqa: PLC0415

    path = Path(file)
    if not path.is_file():
        raise AttributionError(say("attribution.no_file", lang, file=file))
    try:
        encoding = detect_encoding(path)
        text = path.read_text(encoding="utf-8-sig" if encoding == "utf-8" else encoding)
    except (SourceRefused, UnicodeDecodeError):
        raise AttributionError(say("attribution.unreadable", lang, file=path.name)) from None
    lines = list(csv.reader(text.splitlines(), delimiter=";"))
    if not lines:
        raise AttributionError(say("attribution.empty_paths", lang, file=path.name))
    header = [h.strip().lower() for h in lines[0]]
    if header[:2] != list(PATH_COLUMNS[:2]) or any(h not in PATH_COLUMNS for h in header):
        raise AttributionError(say("attribution.bad_header", lang, file=path.name, found=";".join(lines[0]), expected=";".join(PATH_COLUMNS)))
    at = {name: header.index(name) for name in header}
    names: dict[str, int] = {}
    steps, conversions, value, nulls = [], [], [], []
    for row_number, row in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise AttributionError(say("attribution.bad_width", lang, file=path.name, row=row_number, found=len(row), expected=len(header)))

        def number(column: str, whole: bool, row: list[str] = row, row_number: int = row_number) -> float:
            if column not in at:
                return 0.0
            cell = row[at[column]].strip()
            try:
                got = float(cell) if cell else 0.0
            except ValueError:
                got = -1.0
            if not np.isfinite(got) or got < 0 or (whole and got != int(got)):
                expected = say("attribution.whole" if whole else "attribution.amount", lang)
                raise AttributionError(say("attribution.bad_cell", lang, file=path.name, row=row_number, column=column, value=cell, expected=expected))
            return got

        parts = [p.strip() for p in row[at["path"]].split(">")]
        if not all(parts):
            raise AttributionError(
                say("attribution.bad_cell", lang, file=path.name, row=row_number, column="path", value=row[at["path"]], expected=say("attribution.a_path", lang))
            )
        steps.append(tuple(names.setdefault(p, len(names)) for p in parts))
        conversions.append(number("total_conversions", True))
        value.append(number("total_conversion_value", False))
        nulls.append(number("total_null", True))
    if not steps:
        raise AttributionError(say("attribution.empty_paths", lang, file=path.name))
    return _sorted_channels(names, steps, np.array(conversions), np.array(value), np.array(nulls))


def _sorted_channels(
    names: dict[str, int],
    steps: list[tuple[int, ...]],
    conversions: np.ndarray,
    value: np.ndarray,
    nulls: np.ndarray,
    ages: tuple[tuple[float, ...] | None, ...] | None = None,
    lead: np.ndarray | None = None,
    opportunity: np.ndarray | None = None,
) -> am.Paths:
    """Channels numbered in name order, so that every face lists them alike."""
    ordered = sorted(names)
    renumber = {names[name]: i for i, name in enumerate(ordered)}
    renamed = tuple(tuple(renumber[s] for s in path) for path in steps)
    return am.Paths(tuple(ordered), renamed, conversions, value, nulls, ages, lead, opportunity)


# --- journeys from touchpoints ----------------------------------------------------------------


def _literal(value: str) -> str:
    return exp.Literal.string(value).sql("duckdb")


def _stamp(value: dt.datetime) -> str:
    return f"CAST({_literal(value.isoformat(sep=' '))} AS TIMESTAMP)"


def journeys_query(
    ws: Any, *, outcome: str, unit: str, lookback_days: float, start: dt.datetime | None, end: dt.datetime | None, offline: str, touches: str
) -> tuple[exp.Expression, exp.Expression]:
    """Two statements (see the module doc): the distinct journey keys with their counts, and every
    converter's count and value (with or without a touch in its window)."""
    from kpiflow.analysis.patterns import OPPORTUNITY_STAGE, _parse_outcome, _touch_condition  # noqa: PLC0415  (one outcome syntax)

    touch_columns = list(ws.columns().get("touchpoints", []))
    chosen = _parse_outcome(outcome, ws.model, touch_columns)
    keep = _touch_condition(touches, touch_columns, "touches").sql("duckdb") if touches and touches.strip() else "TRUE"
    if offline == "exclude":
        keep = f"({keep}) AND touchpoints.type NOT IN ({', '.join(_literal(t) for t in OFFLINE_TYPES)})"
    account = unit == "account"
    touch_unit = "COALESCE(touchpoints.account_id, contacts.account_id)" if account else "touchpoints.contact_id"
    touch_from = "touchpoints LEFT JOIN contacts ON contacts.contact_id = touchpoints.contact_id" if account else "touchpoints"
    deal_unit = "COALESCE(d.account_id, c.account_id)" if account else "d.contact_id"
    deal_from = "deals AS d LEFT JOIN contacts AS c ON c.contact_id = d.contact_id" if account else "deals AS d"
    zero = "CAST(0 AS DOUBLE)"
    if chosen.kind == "won":
        sources = [f"SELECT {deal_unit} AS u, d.closed_at AS o, CAST(d.amount AS DOUBLE) AS v, d.deal_id AS k FROM {deal_from} WHERE d.outcome = 'won'"]
    elif chosen.kind == "stage":
        stage_unit, joins = ("c.account_id", " LEFT JOIN contacts AS c ON c.contact_id = s.entity_id") if account else ("s.entity_id", "")
        sources = [
            f"SELECT {stage_unit} AS u, s.entered_at AS o, {zero} AS v, s.entity_id AS k FROM stage_history AS s{joins} "
            f"WHERE s.entity = 'contact' AND s.stage = {_literal(chosen.stage or '')}"
        ]
        if chosen.stage == OPPORTUNITY_STAGE:
            sources.append(f"SELECT {deal_unit} AS u, d.created_at AS o, {zero} AS v, d.deal_id AS k FROM {deal_from}")
    elif chosen.kind == "deal_stage":
        sources = [
            f"SELECT {deal_unit} AS u, s.entered_at AS o, {zero} AS v, d.deal_id AS k FROM stage_history AS s "
            f"JOIN {deal_from} ON s.entity = 'deal' AND s.entity_id = d.deal_id WHERE s.stage = {_literal(chosen.stage or '')}"
        ]
    else:
        sources = [
            f"SELECT {touch_unit} AS u, touchpoints.occurred_at AS o, {zero} AS v, CAST(NULL AS VARCHAR) AS k "
            f"FROM {touch_from} WHERE {chosen.condition.sql('duckdb')}"  # type: ignore[union-attr]
        ]
    lead_unit = "account_id" if account else "contact_id"
    opportunity_unit = deal_unit
    within = "TRUE" if start is None else f"o >= {_stamp(start)}"
    within += "" if end is None else f" AND o < {_stamp(end)}"
    touch_within = "TRUE" if start is None else f"t >= {_stamp(start)}"
    touch_within += "" if end is None else f" AND t < {_stamp(end)}"
    before_end = "TRUE" if end is None else f"first_o.o < {_stamp(end)}"
    lookback_us = int(round(lookback_days * 86_400_000_000))
    age = "CAST(FLOOR(CAST(DATE_DIFF('microsecond', tt.t, e.anchor) AS DOUBLE) / 86400000000) AS BIGINT)"
    # a total order (t, channel and type are never NULL: NULLS FIRST is what BigQuery can spell in STRING_AGG)
    order = "ORDER BY t NULLS FIRST, channel NULLS FIRST, type NULLS FIRST"
    ctes = f"""
WITH touches AS (
  SELECT {touch_unit} AS u, touchpoints.occurred_at AS t, touchpoints.channel AS channel, touchpoints.type AS type
  FROM {touch_from}
  WHERE {touch_unit} IS NOT NULL AND touchpoints.channel IS NOT NULL AND touchpoints.occurred_at IS NOT NULL AND ({keep})
),
outcomes AS (
  SELECT u, o, v, ROW_NUMBER() OVER (PARTITION BY u ORDER BY o, v DESC, k) AS nth
  FROM ({" UNION ALL ".join(sources)}) AS sources WHERE u IS NOT NULL AND o IS NOT NULL
),
first_o AS (SELECT u, o, COALESCE(v, 0) AS v FROM outcomes WHERE nth = 1),
converters AS (SELECT u, TRUE AS conv, o AS anchor, v AS value FROM first_o WHERE {within}),
others AS (
  SELECT a.u, FALSE AS conv, a.last_t AS anchor, CAST(0 AS DOUBLE) AS value
  FROM (SELECT u, MAX(t) AS last_t FROM touches WHERE {touch_within} GROUP BY u) AS a
  LEFT JOIN first_o ON first_o.u = a.u
  WHERE first_o.u IS NULL OR NOT ({before_end})
),
leads AS (SELECT {lead_unit} AS u, MIN(created_at) AS lead_at FROM contacts WHERE {lead_unit} IS NOT NULL GROUP BY 1),
opportunities AS (SELECT {opportunity_unit} AS u, MIN(d.created_at) AS opportunity_at FROM {deal_from} GROUP BY 1),
ends AS (
  SELECT n.u, n.conv, n.anchor, n.value,
         CASE WHEN n.conv AND leads.lead_at <= n.anchor THEN leads.lead_at END AS lead_at,
         CASE WHEN n.conv AND opportunities.opportunity_at <= n.anchor THEN opportunities.opportunity_at END AS opportunity_at
  FROM (SELECT * FROM converters UNION ALL SELECT * FROM others) AS n
  LEFT JOIN leads ON leads.u = n.u LEFT JOIN opportunities ON opportunities.u = n.u
),
win AS (
  SELECT e.u, e.conv, e.value, e.anchor, e.lead_at, e.opportunity_at, tt.t, tt.channel, tt.type,
         CASE WHEN e.conv THEN {age} END AS age
  FROM ends AS e JOIN touches AS tt ON tt.u = e.u
  WHERE tt.t <= e.anchor AND NOT (e.conv AND tt.t = e.anchor)
    AND DATE_DIFF('microsecond', tt.t, e.anchor) <= {lookback_us}
),
journeys AS (
  SELECT u, conv, value,
         LISTAGG(channel, {_literal(SEPARATOR)} {order}) AS path,
         LISTAGG(CAST(age AS VARCHAR), ' ' {order}) AS ages,
         CASE WHEN MAX(lead_at) IS NOT NULL THEN SUM(CASE WHEN t <= lead_at THEN 1 ELSE 0 END) END AS lead_n,
         CASE WHEN MAX(opportunity_at) IS NOT NULL THEN SUM(CASE WHEN t <= opportunity_at THEN 1 ELSE 0 END) END AS opportunity_n
  FROM win GROUP BY u, conv, value
)
"""
    keys = (
        "SELECT path, ages, lead_n, opportunity_n, SUM(CASE WHEN conv THEN 1 ELSE 0 END) AS conversions, "
        "SUM(CASE WHEN conv THEN value ELSE 0 END) AS value, SUM(CASE WHEN conv THEN 0 ELSE 1 END) AS nulls "
        "FROM journeys GROUP BY path, ages, lead_n, opportunity_n"
    )
    everyone = "SELECT COUNT(*) AS conversions, SUM(value) AS value FROM converters"
    return parse(ctes + keys), parse(ctes + everyone)


def journeys(ws: Any, query: exp.Expression) -> am.Paths:
    """The engine's distinct keys as `Paths` (ordered so that every engine gives the same keys)."""
    rows = ws.engine.run(query).rows
    rows = sorted(rows, key=lambda r: (r[0], r[1] or "", -1 if r[2] is None else r[2], -1 if r[3] is None else r[3]))
    names: dict[str, int] = {}
    steps, ages, lead, opportunity = [], [], [], []
    for path, age_text, lead_n, opportunity_n, *_ in rows:
        steps.append(tuple(names.setdefault(p, len(names)) for p in path.split(SEPARATOR)))
        ages.append(tuple(float(a) for a in age_text.split(" ")) if age_text else None)
        lead.append(-1 if lead_n is None else max(int(lead_n), 1) - 1)
        opportunity.append(-1 if opportunity_n is None else max(int(opportunity_n), 1) - 1)
    counts = [np.array([float(r[i] or 0) for r in rows]) for i in (4, 5, 6)]
    return _sorted_channels(names, steps, *counts, tuple(ages), np.array(lead, dtype=int), np.array(opportunity, dtype=int))


# --- costs --------------------------------------------------------------------------------------


def channel_costs(ws: Any, categories: tuple[str, ...], start: dt.datetime | None, end: dt.datetime | None) -> dict[str, float]:
    """The costs that name a channel, of the chosen categories, within the period (all when no period)."""
    where = [f"category IN ({', '.join(_literal(c) for c in categories)})", "channel IS NOT NULL"]
    if start is not None:
        where.append(f"date >= CAST({_literal(start.date().isoformat())} AS DATE)")
    if end is not None:
        where.append(f"date < CAST({_literal(end.date().isoformat())} AS DATE)")
    query = parse(
        f"SELECT channel, SUM(CAST(amount AS DOUBLE)) FROM costs WHERE {' AND '.join(where)} GROUP BY channel"
    )
    return {str(channel): float(amount or 0) for channel, amount in ws.engine.run(query).rows}


# --- the analysis -------------------------------------------------------------------------------


def credit(model: str, paths: am.Paths, conversions: np.ndarray, nulls: np.ndarray, value: np.ndarray, *, half_life: float, order: int) -> am.Credit:
    """One model's credits for stacked counts (rows x keys)."""
    if conversions.shape[0] == 0:  # no journey to resample
        empty = np.zeros((0, len(paths.channels)))
        return am.Credit(empty, empty, empty if model == "markov" else None)
    if model == "markov":
        return am.markov_credit(paths, order, conversions, nulls, value)
    if model == "shapley":
        parts = [am.shapley_credit(paths, conversions[i : i + 25], value[i : i + 25]) for i in range(0, conversions.shape[0], 25)]
        return am.Credit(np.vstack([p.conversions for p in parts]), np.vstack([p.value for p in parts]))
    return am.position_credit(am.channel_shares(model, paths, half_life), conversions, value)


def _models(model: str, paths: am.Paths, from_file: bool, lang: str) -> tuple[list[str], list[str]]:
    """The models to compute and notes for those `all` leaves out; an explicit model that cannot run is refused."""
    wanted = list(MODELS) if model == "all" else [model]
    chosen, notes = [], []
    for name in wanted:
        reason = None
        if name in ("w", "full") and not paths.milestones:
            reason = say("attribution.needs_milestones", lang, model=MODEL_WORDS[name][_lang(lang)])
        elif name == "time_decay" and from_file:
            reason = say("attribution.needs_ages", lang)
        elif name == "shapley" and len(paths.channels) > am.MAX_SHAPLEY_CHANNELS:
            reason = say("attribution.too_many_channels", lang, count=len(paths.channels), most=am.MAX_SHAPLEY_CHANNELS)
        if reason is None:
            chosen.append(name)
        elif model == "all":
            notes.append(reason)
        else:
            raise AttributionError(reason)
    return chosen, notes


def _lang(lang: str) -> str:
    return "ja" if lang == "ja" else "en"


def attribution(
    ws: Any,
    *,
    model: str = "all",
    paths: str | None = None,
    outcome: str = "won",
    unit: str = "contact",
    lookback: str = DEFAULT_LOOKBACK,
    period: str | None = None,
    offline: str = "include",
    touches: str = DEFAULT_TOUCHES,
    order: str = "1",
    half_life: str = DEFAULT_HALF_LIFE,
    costs: str = "marketing",
    lang: str | None = None,
) -> Tabular:
    """Every channel's credit under each model, with intervals and money (see the module doc)."""
    from kpiflow.analysis.economics import cost_categories  # noqa: PLC0415  (one --costs syntax)

    lang = lang or ws.lang
    if unit not in UNITS:
        raise UnknownNameError.for_name("--unit", unit, UNITS)
    if offline not in OFFLINE:
        raise UnknownNameError.for_name("--offline", offline, OFFLINE)
    if model not in MODEL_CHOICES:
        raise UnknownNameError.for_name("--model", model, MODEL_CHOICES)
    markov_order = _order(order, lang)
    half_life_days = _days(half_life, "--half-life", lang)
    lookback_days = _days(lookback, "--lookback", lang)
    categories = cost_categories(costs, lang)
    start = end = None
    span = None
    if period is not None:
        span = ws.resolve_period(period, lang)
        start, end = span.sql_bounds()
    unattributed = (0, 0.0)
    if paths:
        found = read_paths(paths, lang)
    else:
        keys, everyone = journeys_query(
            ws, outcome=outcome, unit=unit, lookback_days=lookback_days, start=start, end=end, offline=offline, touches=touches
        )
        found = journeys(ws, keys)
        all_conversions, all_value = ws.engine.run(everyone).one()
        unattributed = (int(all_conversions or 0) - int(found.conversions.sum()), float(all_value or 0) - float(found.value.sum()))
    chosen, notes = _models(model, found, bool(paths), lang)
    spend = channel_costs(ws, categories, start, end)

    observed = (found.conversions[None, :], found.nulls[None, :], found.value[None, :])
    resampled = _resample(found)
    records, comparison = [], {name: {"channel": name} for name in found.channels}
    touched = _converting_journeys(found)
    total_conversions, total_value = float(found.conversions.sum()), float(found.value.sum())
    for name in chosen:
        point = credit(name, found, *observed, half_life=half_life_days, order=markov_order)
        draws = credit(name, found, *resampled, half_life=half_life_days, order=markov_order)
        conv_low, conv_high = np.percentile(draws.conversions, [2.5, 97.5], axis=0) if draws.conversions.size else (None, None)
        value_low, value_high = np.percentile(draws.value, [2.5, 97.5], axis=0) if draws.value.size else (None, None)
        for i, channel in enumerate(found.channels):
            conversions, value = float(point.conversions[0, i]), float(point.value[0, i])
            cost = spend.get(channel)
            records.append(
                {
                    "model": name,
                    "model_name": MODEL_WORDS[name][_lang(lang)],
                    "channel": channel,
                    "conversions": conversions,
                    "conversions_low": float(conv_low[i]),
                    "conversions_high": float(conv_high[i]),
                    "share": conversions / total_conversions if total_conversions else None,
                    "value": value,
                    "value_low": float(value_low[i]),
                    "value_high": float(value_high[i]),
                    "removal_effect": float(point.removal_effect[0, i]) if point.removal_effect is not None else None,
                    "journeys": int(touched[i]),
                    "small_sample": bool(touched[i] < SMALL_SAMPLE),
                    "cost": cost,
                    "cost_per_conversion": cost / conversions if cost and conversions > 0 else None,
                    "roas": value / cost if cost and total_value > 0 else None,  # outcomes without value have no return
                }
            )
            comparison[channel][f"credit_{name}"] = conversions
    journeys_total = found.journeys
    low, high = wilson_interval(int(total_conversions), journeys_total) if journeys_total else (None, None)
    summary = {
        "journeys": journeys_total,
        "conversions": total_conversions,
        "nulls": float(found.nulls.sum()),
        "conversion_rate": total_conversions / journeys_total if journeys_total else None,
        "ci_low": low,
        "ci_high": high,
        "value": total_value,
        "paths": len(found.steps),
        "channels": len(found.channels),
        "unattributed_conversions": unattributed[0],
        "unattributed_value": unattributed[1],
    }
    source = Path(paths).name if paths else say("attribution.from_touches", lang, outcome=outcome, unit=unit, lookback=lookback)
    notes.insert(0, say("attribution.note", lang, source=source, draws=DRAWS, small=SMALL_SAMPLE))
    params = {
        "model": model,
        "paths": paths,
        "outcome": None if paths else outcome,
        "unit": None if paths else unit,
        "lookback": None if paths else lookback,
        "period": span.label("en") if span is not None else None,
        "offline": offline,
        "touches": touches,
        "order": markov_order,
        "half_life": half_life,
        "costs": ",".join(categories),
        "models": chosen,
    }
    return Tabular("attribution", params, _tables(records, comparison, summary, chosen), tuple(notes))


def _resample(found: am.Paths) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """DRAWS multinomial resamples of the journeys: each key's converting and non-converting journeys
    drawn as cells, the value moving with the conversions (each key's mean value per conversion)."""
    cells = np.concatenate([found.conversions, found.nulls])
    n = int(cells.sum())
    keys = len(found.steps)
    if n == 0:
        return np.zeros((0, keys)), np.zeros((0, keys)), np.zeros((0, keys))
    draws = np.random.default_rng(SEED).multinomial(n, cells / cells.sum(), size=DRAWS).astype(float)
    conversions, nulls = draws[:, :keys], draws[:, keys:]
    mean_value = np.divide(found.value, found.conversions, out=np.zeros(keys), where=found.conversions > 0)
    return conversions, nulls, conversions * mean_value


def _converting_journeys(found: am.Paths) -> np.ndarray:
    """Converting journeys that touched each channel."""
    out = np.zeros(len(found.channels))
    for k, steps in enumerate(found.steps):
        for channel in set(steps):
            out[channel] += found.conversions[k]
    return out


def _tables(records: list[dict[str, Any]], comparison: dict[str, dict[str, Any]], summary: dict[str, Any], chosen: list[str]) -> tuple[Table, ...]:
    credits = Table(
        "credits",
        {"ja": "モデル別・チャネル別の貢献", "en": "Credit by model and channel"},
        # what a reader needs first comes first (a terminal leaves the last columns out); the model's code last
        columns(
            ("model_name", "text"),
            ("channel", "label"),
            ("conversions", "number"),
            ("conversions_low", "number"),
            ("conversions_high", "number"),
            ("share", "percent"),
            Column("value", "money", {"ja": "貢献した成果金額", "en": "Attributed value"}),
            ("removal_effect", "number"),
            ("cost_per_conversion", "money"),
            ("roas", "ratio"),
            ("small_sample", "flag"),
            Column("journeys", "count", {"ja": "接触した成果の道のり", "en": "Converting journeys touched"}),
            ("cost", "money"),
            ("value_low", "money"),
            ("value_high", "money"),
            ("model", "label"),
        ),
        tuple(records),
    )
    side = Table(
        "models",
        {"ja": "チャネル別の貢献コンバージョン（モデル比較）", "en": "Attributed conversions by channel, models side by side"},
        columns(("channel", "label"), *((f"credit_{name}", "number") for name in chosen)),
        tuple(comparison.values()),
    )
    overview = Table(
        "journeys",
        {"ja": "道のりの集計", "en": "Journeys"},
        columns(
            Column("journeys", "count", {"ja": "道のり", "en": "Journeys"}),
            Column("conversions", "number", {"ja": "成果", "en": "Conversions"}),
            ("nulls", "number"),
            ("conversion_rate", "rate"),
            ("ci_low", "rate"),
            ("ci_high", "rate"),
            Column("value", "money", {"ja": "成果金額", "en": "Conversion value"}),
            Column("paths", "count", {"ja": "異なる経路", "en": "Distinct paths"}),
            ("channels", "count"),
            ("unattributed_conversions", "count"),
            ("unattributed_value", "money"),
        ),
        (summary,),
    )
    return credits, side, overview


def charts(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """Each channel's attributed conversions under every model, side by side (one bar per model),
    with the bootstrap's 95% interval."""
    rows = data["tables"]["credits"]["rows"]
    words = MODEL_WORDS
    traces = []
    for name in data["params"].get("models", []):
        mine = [r for r in rows if r["model"] == name]
        traces.append(
            {
                "type": "bar",
                "name": words[name][_lang(lang)],
                "x": [r["channel"] for r in mine],
                "y": [r["conversions"] for r in mine],
                "error_y": {
                    "type": "data",
                    "symmetric": False,
                    "array": [r["conversions_high"] - r["conversions"] for r in mine],
                    "arrayminus": [r["conversions"] - r["conversions_low"] for r in mine],
                },
            }
        )
    title = {"ja": "モデル別のチャネルの貢献コンバージョン（95%区間）", "en": "Attributed conversions by channel and model (95% intervals)"}[_lang(lang)]
    axis = {"ja": "貢献コンバージョン", "en": "Attributed conversions"}[_lang(lang)]
    return [{"data": traces, "layout": {"title": {"text": title}, "barmode": "group", "height": 480, "yaxis": {"title": {"text": axis}, "rangemode": "tozero"}}}]
