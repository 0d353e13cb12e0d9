"""A `Tabular` result's tables for people, on every face alike: each cell is formatted by its
column's declared kind (`kpiflow.analysis.result`), never by guessing from its name.

The terminal, the report and the dashboard print the same texts (`text_table`); the workbook
keeps numbers as numbers with the kind's Excel format (`kpiflow.reporting.excel`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kpiflow.analysis.result import Column, columns_of
from kpiflow.formatting import format_kind, format_value
from kpiflow.reporting.words import STAGE_COLUMNS, Vocabulary

FLAG = {"ja": ("はい", "いいえ"), "en": ("yes", "no")}


@dataclass(frozen=True)
class TextTable:
    """One table as texts: its title, its column headings, its rows, and which columns are numbers."""

    name: str
    title: str
    keys: list[str]  # the columns' names
    headings: list[str]
    rows: list[list[str]]
    numeric: list[bool]


def cell_text(
    value: object, column: Column, words: Vocabulary, currency: str = "JPY", row: Mapping[str, Any] | None = None
) -> str:
    """A cell as people read it: a number by its kind (29.4%, ¥1,234 or 1,235万円, 12.3), a
    metric's value by the format of the metric its row names, a label in the vocabulary's words
    and kpiflow.yaml's labels, a flag as yes/no."""
    lang = words.lang
    if value is None:
        return "—"
    if column.kind == "measure" and isinstance(value, (int, float)) and not isinstance(value, bool):
        metric = words.metrics.get(row.get("metric")) if row else None  # type: ignore[arg-type]
        if getattr(metric, "format", None) is None and getattr(metric, "kind", None) in ("count", "count_distinct"):
            return format_kind(value, "count", lang, currency)  # a count's bound, 645.25 leads: 645
        return format_value(value, getattr(metric, "format", None), lang, currency)
    if column.kind == "flag":
        return FLAG["ja" if lang == "ja" else "en"][0 if value else 1]
    if column.kind == "label":
        if column.name in STAGE_COLUMNS or words.is_stage(value):
            return words.stage(value)
        labelled = words.value(column.name, value)
        return words.code(value) if labelled == str(value) else labelled
    if column.format_kind is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_kind(value, column.format_kind, lang, currency)
    if isinstance(value, list):
        return " → ".join(str(v) for v in value)
    return str(value)


def text_tables(data: Mapping[str, Any], words: Vocabulary, currency: str = "JPY") -> list[TextTable]:
    """Every table of a `Tabular.to_dict()` as texts in the vocabulary's language."""
    lang = words.lang
    out = []
    for name, table in data["tables"].items():
        title, records, cols = table["title"], table["rows"], columns_of(table)
        out.append(
            TextTable(
                name,
                title.get(lang) or title.get("en") or name,
                [c.name for c in cols],
                [c.heading(lang) for c in cols],
                [[cell_text(r.get(c.name), c, words, currency, r) for c in cols] for r in records],
                [c.format_kind is not None for c in cols],
            )
        )
    return out

