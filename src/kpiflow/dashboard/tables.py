"""A page's JSON data as tables for people: numbers are computed in the library and only
formatted here (rates as percentages, money in yen with 万/億, stages and headers by name).
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from kpiflow.analysis.result import is_tabular, tables_of
from kpiflow.formatting import column_kind, format_kind, format_money, format_value, plan_volumes
from kpiflow.reporting.headers import header  # people's words; the JSON twin keeps the keys
from kpiflow.reporting.tabular import text_tables
from kpiflow.reporting.words import Vocabulary


def json_safe(value: object) -> object:
    """`value` as plain JSON data: dates and other objects as strings, NaN and infinities as null."""

    def finite(x: object) -> object:
        if isinstance(x, float) and not math.isfinite(x):
            return None
        if isinstance(x, dict):
            return {k: finite(v) for k, v in x.items()}
        if isinstance(x, list):
            return [finite(v) for v in x]
        return x

    return finite(json.loads(json.dumps(value, default=str)))


# --- rendering: JSON data -> sections of tables (numbers are computed in the library, only formatted here)


@dataclass(frozen=True)
class Section:
    title: str
    columns: list[str]
    rows: list[list[str]]
    total: int = 0  # rows in the data, when more than are shown
    # The columns of the table a page shows (a window of 1,280 px); None: all of them. The others
    # are behind a toggle, in the whole table.
    main: tuple[int, ...] | None = None


# -- curated tables: the main columns fit a 1,280 px window, the rest behind a toggle ---------

PAGE_WIDTH = 1180  # px a table may take in a 1,280 px window (the page's margins and a scrollbar aside)
LONG_TEXT = 48  # characters: a longer text wraps in its cell (see app.css, div.wrap)
WRAP_WIDTH = 420  # px of a wrapped text (30rem)
CELL_PADDING = 18  # px: .6rem each side and a border
# Columns that qualify a row rather than say what it is or how it did: behind the toggle first.
DETAILS = frozenset(
    {"depth", "parent", "leaf", "factors", "product_of_factors", "relative_difference", "exact", "reason", "test"}
    | {"change_test", "change_p_value", "change_q_value", "ratio_kind", "note", "first_at", "last_at", "kind"}
    | {"skipped_ahead", "out_of_order", "immature", "reference_low", "reference_high", "reference_raw", "window_days"}
    | {"badge_scans", "people", "avg_dwell_seconds", "entity", "p25_days", "p75_days", "p25_lag_days", "p75_lag_days"}
    | {"numerator_from", "denominator_from", "numerator_to", "denominator_to", "share_from", "share_to", "actions"}
)
DETAIL_ENDINGS = ("_small_sample", "_others", "_difference", "_z", "_p_value", "_q_value", "_ci_low", "_ci_high")
# What a row did, shown before any other number when not every column fits.
HEADLINE = frozenset(
    {"value", "rate", "ci_low", "ci_high", "target", "status", "change", "actual", "reference", "revenue_gain", "roi"}
    | {"revenue", "leads", "opportunities", "entered", "converted", "median_days", "contribution", "lift", "support"}
    | {"confidence", "q_value", "significant", "mqls", "sqls", "sessions", "cost_per_lead", "required", "gap", "budget"}
)


def _px(text: str) -> float:
    """About how many pixels a text takes at the dashboard's 14 px (wide characters twice)."""
    return sum(14.0 if unicodedata.east_asian_width(ch) in "WF" else 7.8 for ch in text)


def _column_px(heading: str, cells: list[str]) -> float:
    widest = max((min(_px(c), WRAP_WIDTH) if len(c) > LONG_TEXT else _px(c) for c in cells), default=0.0)
    words = heading.split() or [heading]
    heading_px = min(_px(heading), max(max(_px(w) for w in words), 84.0))  # a header wraps between words
    return max(widest, heading_px) + CELL_PADDING


def _detail(key: str, values: list[object], keys: list[str]) -> bool:
    """A column that qualifies the row: by name, one value on every row, or an id beside its label."""
    if key in DETAILS or (key.endswith(DETAIL_ENDINGS) and key not in ("ci_low", "ci_high")):
        return True
    if key.startswith("from_lead_") or (key == "metric" and "label" in keys):
        return True
    return len(values) > 1 and all(v == values[0] for v in values)


def curate(keys: list[str], headings: list[str], items: list[dict], rows: list[list[str]]) -> tuple[int, ...] | None:
    """The columns a page shows so that the table fits PAGE_WIDTH: the row's names and results in
    their order, the details after; None when every column fits."""
    widths = [_column_px(h, [r[i] for r in rows]) for i, h in enumerate(headings)]
    if sum(widths) <= PAGE_WIDTH:
        return None
    values = {k: [item.get(k) for item in items] for k in keys}
    numbers = [i for i, k in enumerate(keys) if any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values[k])]
    names = [i for i in range(min(numbers, default=len(keys))) if not _detail(keys[i], values[keys[i]], keys)]
    headline = [i for i, k in enumerate(keys) if (k in HEADLINE or k.endswith("_rate")) and not _detail(k, values[k], keys)]
    order = list(dict.fromkeys([*names, *headline, *(i for i, k in enumerate(keys) if not _detail(k, values[k], keys))]))
    order += [i for i in range(len(keys)) if i not in order]
    chosen, used = [], 0.0
    for i in order:
        if used + widths[i] <= PAGE_WIDTH or not chosen:
            chosen.append(i)
            used += widths[i]
    return tuple(sorted(chosen))


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "—"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return " → ".join(cell(v) for v in value) if value else "—"
    if isinstance(value, dict) and all(not isinstance(v, (dict, list)) for v in value.values()):
        return ", ".join(f"{k}: {cell(v)}" for k, v in value.items())
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# Shares and relative changes are percentages whatever their size (a segment can explain 139% of a
# change); a column ending in "rate" or "confidence" is one only within [-1.5, 1.5] (a rate of counts).
_SHARES = ("share", "explanatory_power", "change", "relative_change", "relative_difference", "share_from", "share_to")
_SHARES += ("share_of_leads", "step")  # a plan's channel split; the point of a rate its sensitivity adds
_PERCENT = ("rate", "confidence")
_MONEY = ("revenue", "cost", "amount", "contribution", "revenue_gain", "gain_low", "gain_high", "mix", "cost_per_lead")
_MONEY += ("budget", "budget_by_leads", "budget_by_opportunities", "budget_saved", "history_cost")  # a plan's budgets
_DURATIONS = ("within_seconds",)  # windows: shown in days
_SEQUENCES = ("pattern", "path", "steps")
_ONE_CELL = ("stages",)  # a mapping shown in one cell (each entity's stages in order), not as a table
DAYS = {"ja": "日", "en": " days"}


def formatted(
    value: object, column: str, lang: str, words: Vocabulary | None = None, row: Mapping[str, object] | None = None
) -> str:
    """A cell formatted for people: rates as percentages, money in yen (万/億 in Japanese), codes,
    stages and labelled values in words (`row` is the record the cell belongs to)."""
    words = words or Vocabulary(lang)
    if column == "stages" and isinstance(value, dict):  # the stages of each entity, in order
        return "; ".join(f"{words.code(k)}: {words.steps(v) if isinstance(v, list) else cell(v)}" for k, v in value.items())
    value = words.cell(column, value, row)
    if isinstance(value, list) and column not in _SEQUENCES and all(not isinstance(v, (dict, list)) for v in value):
        return ", ".join(cell(v) for v in value)  # a set of things; a sequence (a pattern) keeps its arrows
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if column in _SHARES and isinstance(value, float):
            return f"{value:+.1%}" if column.endswith(("change", "difference")) else f"{value:.1%}"
        if column == "top_saved":  # the volume a plan's improvement saves: whole, as the CLI shows it
            return f"{value:,.0f}"
        if column in _DURATIONS:
            return f"{value / 86400:,.4g}{DAYS['ja' if lang == 'ja' else 'en']}"
        kind = column_kind(column)
        if kind is not None:  # returns, days, dwell, lifts, p-values: as every face shows them
            return format_kind(value, kind, lang)
    if isinstance(value, float) and not isinstance(value, bool):
        # The bound of a rate's interval: sla_ci_low beside sla_rate, missed_ci_low beside missed_sql_rate.
        prefix = column.rsplit("_ci_", 1)[0]
        rate_bound = column.endswith(("_ci_low", "_ci_high")) and (
            prefix.endswith(_PERCENT) or any(k.startswith(prefix + "_") and k.endswith("rate") for k in row or {})
        )
        if (column.endswith(_PERCENT) or rate_bound) and -1.5 <= value <= 1.5:
            return f"{value:.1%}"
        if column in _MONEY or column.endswith(("_cost", "revenue")):
            return format_money(value, lang)
    if isinstance(value, int) and not isinstance(value, bool) and column in _MONEY:
        return format_money(value, lang)
    return cell(value)


# Columns holding a value of the row's metric (named by "metric", "stage", "factor" or "name"):
# formatted by that metric's own format in the model (money, percent, count).
METRIC_VALUES = frozenset(
    {"value", "target", "last_year", "product_of_factors", "value_from", "value_to", "actual", "reference", "then", "now"}
    | {"required", "history", "gap"}  # a plan's numbers
)
METRIC_KEYS = ("metric", "stage", "factor", "name")
PLAN_VOLUMES = ("required", "history", "gap")  # a plan's volume row: as `plan_volumes` returns them
# Parts of a change (explain's factors and segments) are in the unit of the metric being explained.
CHANGE_PARTS = frozenset({"contribution", "mix", "rate"})
MAX_ROWS = 100  # a page shows the first rows of a long table; its JSON twin has them all


def _records(
    title: str,
    items: list[dict],
    lang: str = "en",
    formats: Mapping[str, str | None] | None = None,
    unit: str | None = None,
    words: Vocabulary | None = None,
) -> Section:
    columns: list[str] = []
    for item in items:
        columns += [k for k in item if k not in columns]
    # An interval beside a rate is a rate too; beside a lift (patterns) it is a lift.
    interval_of_rate = any(c in ("confidence", "value", "share") or c.endswith("rate") for c in columns) and "lift" not in columns
    interval_of = "rate" if interval_of_rate else ("lift" if "lift" in columns else None)
    shown = {c: (interval_of if interval_of and c in ("ci_low", "ci_high") else c) for c in columns}
    formats = formats or {}

    def row(item: dict) -> list[str]:
        metric = next((item[k] for k in METRIC_KEYS if isinstance(item.get(k), str) and item[k] in formats), None)
        fmt = formats.get(metric) if metric else None
        own = METRIC_VALUES | ({"ci_low", "ci_high"} if fmt == "percent" else set())

        def show(c: str) -> str:
            v = item.get(c)
            numeric = isinstance(v, (int, float)) and not isinstance(v, bool)
            if numeric and unit is not None and metric is not None and c in CHANGE_PARTS:
                return format_value(v, formats.get(unit), lang)
            if numeric and metric is not None and c in own:
                if item.get("role") == "volume" and fmt is None and c in PLAN_VOLUMES:
                    # A count a plan needs (1,592.1 closed deals): whole numbers rounded up, as the CLI shows it.
                    shown_volumes = plan_volumes(item.get("required"), item.get("history"))
                    return format_value(shown_volumes[PLAN_VOLUMES.index(c)], None, lang)
                return format_value(v, fmt, lang)
            return formatted(v, shown[c], lang, words, item)

        return [show(c) for c in columns]

    headings = [header(c, lang) for c in columns]
    rows = [row(item) for item in items[:MAX_ROWS]]
    return Section(title, headings, rows, len(items), curate(columns, headings, items[:MAX_ROWS], rows))


def sections(
    data: object,
    title: str = "",
    lang: str = "en",
    formats: Mapping[str, str | None] | None = None,
    unit: str | None = None,
    words: Vocabulary | None = None,
) -> list[Section]:
    """Tables for a result's `to_dict()`: a list of records is one table; a dict is a key-value table
    of its scalars followed by a table per nested list of records or dict. `formats` (metric ->
    its model format) formats the values of rows that name a metric; `words` words the codes and
    labels the values (the model's labels)."""
    words = words or Vocabulary(lang)
    if is_tabular(data):  # a result that declares its columns' kinds: formatted by them
        out = []
        for t, (*_, records) in zip(text_tables(data, words), tables_of(data), strict=True):  # type: ignore[arg-type]
            shown = t.rows[:MAX_ROWS]
            out.append(Section(t.title, t.headings, shown, len(t.rows), curate(t.keys, t.headings, records[:MAX_ROWS], shown)))
        return out
    if isinstance(data, list):
        if all(isinstance(x, dict) for x in data):
            return [_records(title, data, lang, formats, unit, words)]
        return [Section(title, ["value"], [[cell(x)] for x in data])]
    if not isinstance(data, dict):
        return [Section(title, ["value"], [[cell(data)]])]
    simple = [(k, v) for k, v in data.items() if not _nested(v) or k in _ONE_CELL]
    # A result about one metric (explain): its values and its change in the metric's own format.
    fmt = (formats or {}).get(data.get("metric")) if isinstance(data.get("metric"), str) else None
    own = METRIC_VALUES | {"total_change"} if fmt else frozenset()
    if isinstance(data.get("target_metric"), str):  # a plan: its goal in the goal metric's format
        own, fmt = frozenset({"target"}), (formats or {}).get(data["target_metric"])

    interval_of_rate = any(k.endswith("rate") for k in data) and "lift" not in data

    def value(key: str, v: object) -> str:
        numeric = isinstance(v, (int, float)) and not isinstance(v, bool)
        if key in own and numeric:
            return format_value(v, fmt, lang)
        return formatted(v, "rate" if interval_of_rate and key in ("ci_low", "ci_high") else key, lang, words, data)

    out = [Section(title, ["", ""], [[header(k, lang), value(k, v)] for k, v in simple])] if simple else []
    for key, value in data.items():
        if _nested(value) and key not in _ONE_CELL:
            heading = f"{title} › {header(key, lang)}" if title else header(key, lang)
            out += sections(value, heading, lang, formats, data["metric"] if fmt and "metric" in data else unit, words)
    return out


def table_records(data: object) -> list[dict] | None:
    """A page's one table, for its CSV twin: its records, or None when the data is not one table."""
    if isinstance(data, list) and all(isinstance(x, dict) for x in data):
        return data
    if isinstance(data, dict) and isinstance(data.get("records"), list):
        return data["records"]
    if is_tabular(data):  # its first table (every table is in the JSON twin)
        return next(iter(data["tables"].values()))["rows"]  # type: ignore[index]
    return None


def csv_cell(value: object) -> object:
    """Lists (a pattern's steps) joined with arrows, other nested values as JSON; scalars as they are."""
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return " -> ".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _nested(value: object) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and bool(value) and all(isinstance(x, dict) for x in value))
