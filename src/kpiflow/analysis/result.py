"""Results that describe their tables (issue 16): a `Tabular` result holds the parameters it was
computed with and its tables, and every column of a table says what kind of value it holds.

The faces read the kinds instead of guessing from column names: one formatter per medium renders a
kind (`kpiflow.formatting.format_kind` for the terminal, the report and the dashboard;
`kpiflow.formatting.EXCEL_FORMATS` for the workbook), and the column's words come from its own
declaration or from the one ja/en word list (`kpiflow.reporting.headers`). An analysis whose
`run` returns a `Tabular` needs no face of its own: the registry gives it a CLI command with
`--json`, a dashboard page with JSON and CSV twins, a report section and a workbook sheet.

`to_dict()` is the JSON every machine face shows::

    {"analysis": "name", "params": {...},
     "tables": {"table": {"title": {"ja": ..., "en": ...},
                          "columns": [{"name": "leads", "kind": "count"}, ...],
                          "rows": [{"leads": 12, ...}, ...]}},
     "notes": [...]}
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kpiflow.errors import KpiflowError, UnknownNameError

Words = Mapping[str, str]

KINDS: dict[str, str] = {
    "count": "a whole number of things (leads, deals, people)",
    "money": "an amount in the model's currency",
    "percent": "a share from 0 to 1, shown as 29.4%",
    "rate": "a conversion rate from 0 to 1 (a share of the same rows: it cannot pass 100%)",
    "days": "a duration in days",
    "seconds": "a duration in seconds",
    "ratio": "a multiple or a lift (2.35)",
    "roi": "a return on cost (14.98 shown as 1498%)",
    "number": "any other number",
    "p_value": "a p-value or a q-value",
    "text": "free text",
    "label": "a code or a dimension's value, worded by the vocabulary and kpiflow.yaml's labels",
    "period": "a period (FY2025, FY2025Q3, 2025-10)",
    "date": "a date or a time",
    "flag": "true or false",
}
"""Every kind a column can declare, and what it holds."""

# The kinds formatting.format_kind knows by another name.
_FORMAT_KIND = {"rate": "percent", "days": "duration"}


@dataclass(frozen=True)
class Column:
    """One column of a table: its key in the rows, its kind, and its words when the shared word
    list does not have them."""

    name: str
    kind: str
    title: Words = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise UnknownNameError.for_name("column kind", self.kind, KINDS)

    @property
    def format_kind(self) -> str | None:
        """The kind's name for `formatting.format_kind` (None: not a number)."""
        if self.kind in ("text", "label", "period", "date", "flag"):
            return None
        return _FORMAT_KIND.get(self.kind, self.kind)

    def heading(self, lang: str) -> str:
        if self.title:
            return self.title.get(lang) or self.title.get("en") or self.name
        from kpiflow.reporting.headers import header  # noqa: PLC0415  (faces' words; analyses do not need them)

        return header(self.name, lang)


@dataclass(frozen=True)
class Table:
    """Rows of one table, each a mapping of column name -> value, in the columns' order."""

    name: str
    title: Words
    columns: tuple[Column, ...]
    rows: tuple[Mapping[str, Any], ...] = ()

    def __post_init__(self) -> None:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise KpiflowError(f"table {self.name}: a column is declared twice ({names})")
        for i, row in enumerate(self.rows):
            extra = set(row) - set(names)
            if extra:
                raise KpiflowError(f"table {self.name}, row {i + 1}: undeclared columns {sorted(extra)}")

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise UnknownNameError.for_name(f"column of {self.name}", name, [c.name for c in self.columns])

    def records(self) -> list[dict[str, Any]]:
        """The rows as plain JSON values (a database's decimals as floats)."""
        return [{c.name: _plain(row.get(c.name)) for c in self.columns} for row in self.rows]

    def heading(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.name

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": dict(self.title),
            "columns": [{"name": c.name, "kind": c.kind} | ({"title": dict(c.title)} if c.title else {}) for c in self.columns],
            "rows": self.records(),
        }


@dataclass(frozen=True)
class Tabular:
    """An analysis's result: the parameters used and its tables (at least one)."""

    analysis: str
    params: Mapping[str, Any]
    tables: tuple[Table, ...]
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.tables:
            raise KpiflowError(f"{self.analysis}: a result has at least one table")
        names = [t.name for t in self.tables]
        if len(set(names)) != len(names):
            raise KpiflowError(f"{self.analysis}: a table name is used twice ({names})")

    def table(self, name: str | None = None) -> Table:
        """The table called `name`, or the first one."""
        if name is None:
            return self.tables[0]
        for t in self.tables:
            if t.name == name:
                return t
        raise UnknownNameError.for_name(f"table of {self.analysis}", name, [t.name for t in self.tables])

    def to_dict(self) -> dict[str, Any]:
        return {
            "analysis": self.analysis,
            "params": dict(self.params),
            "tables": {t.name: t.to_dict() for t in self.tables},
            "notes": list(self.notes),
        }

    def to_frame(self, table: str | None = None):
        """One table as a pandas DataFrame (needs pandas)."""
        from kpiflow.analysis.frames import records_frame  # noqa: PLC0415

        return records_frame(self.table(table).records())


def _plain(value: Any) -> Any:
    """A value as JSON holds it: a database's decimal as a float, and a number that is not one
    (NaN, infinity: a model at its limit) as no value, since JSON has no NaN and a page's
    JSON.parse refuses the whole document for one."""
    if isinstance(value, decimal.Decimal):
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def finite(value: Any) -> Any:
    """JSON data with every NaN or infinity, at any depth, as no value: JSON has neither, and a
    browser's JSON.parse refuses a whole document (every chart of a report) for one."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def is_tabular(data: object) -> bool:
    """Whether JSON data (a `to_dict()`) is a `Tabular` result's."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("tables"), dict)
        and "analysis" in data
        and all(isinstance(t, dict) and "columns" in t and "rows" in t for t in data["tables"].values())
    )


def tables_of(data: Mapping[str, Any]) -> list[tuple[str, Words, list[tuple[str, str]], list[dict[str, Any]]]]:
    """(name, title, [(column, kind)], rows) of each table of a `Tabular.to_dict()`."""
    return [
        (name, t["title"], [(c["name"], c["kind"]) for c in t["columns"]], t["rows"]) for name, t in data["tables"].items()
    ]


def columns_of(table: Mapping[str, Any]) -> list[Column]:
    """The declared columns of one table of a `Tabular.to_dict()`, with their words when declared."""
    return [Column(c["name"], c["kind"], c.get("title") or {}) for c in table["columns"]]


def columns(*specs: tuple[str, str] | Column) -> tuple[Column, ...]:
    """Columns from (name, kind) pairs, for a compact declaration."""
    return tuple(s if isinstance(s, Column) else Column(*s) for s in specs)


def rows(records: Sequence[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    return tuple(dict(r) for r in records)
