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

import datetime as dt
import decimal
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

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
    "measure": "a value in the unit of a metric of the model (money, a count or a rate, as its format says): "
    "the metric the row names, or the one the result explains",
    "p_value": "a p-value or a q-value",
    "text": "free text",
    "label": "a code or a dimension's value, worded by the vocabulary and kpiflow.yaml's labels",
    "period": "a period (FY2025, FY2025Q3, 2025-10)",
    "date": "a date or a time",
    "flag": "true or false",
    "list": "several values in one cell (a pattern's steps, a node's factors)",
    "mapping": "named values in one cell (a table's columns and their empty rows)",
}
"""Every kind a column can declare, and what it holds."""

# The kinds formatting.format_kind knows by another name.
_FORMAT_KIND = {"rate": "percent", "days": "duration", "measure": "number"}


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
        if self.kind in ("text", "label", "period", "date", "flag", "list", "mapping"):
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
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
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


# -- results written before the registry, described by their JSON -----------------------------------
# The analyses that predate `Tabular` (tree, metrics, funnel, ...) keep the JSON their commands
# promised (`to_json_data()`: records for `kpiflow funnel --json`, an object for explain) and
# describe it as tables for `to_dict()`: each list of records is a table, the scalars beside them
# one row, and every column gets its kind from `kind_of` unless the analysis declares it.

# Column names whose text is prose or an expression, not a code the word list translates.
_TEXT = frozenset(
    {"label", "summary", "detail", "note", "notes", "definition", "sql", "reason", "where", "source", "unit", "time",
     "format", "ja", "en", "outcome", "warning", "message"}
)
_PERIODS = frozenset({"period", "from", "to", "compare", "history_period"})
_MONEY = frozenset(
    {"revenue", "cost", "costs", "amount", "revenue_gain", "gain_low", "gain_high", "budget", "history_cost",
     "cost_per_lead", "cost_per_opportunity", "budget_by_leads", "budget_by_opportunities", "budget_saved"}
)
_MEASURES = frozenset(
    {"value", "value_from", "value_to", "actual", "reference", "reference_low", "reference_high", "reference_raw",
     "target", "required", "history", "gap", "last_year", "product_of_factors", "contribution", "mix", "rest",
     "total_change", "top_saved", "step"}
)
_RATES = frozenset({"rate", "confidence", "base_rate", "conversion_rate"})
_PERCENTS = frozenset({"share", "share_of_leads", "share_from", "share_to", "change", "relative_change",
                       "relative_difference", "explanatory_power"})


def kind_of(name: str, values: Sequence[Any]) -> str:
    """The kind of a column of an older result, from its name and its values (see KINDS)."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "flag"
    if present and all(isinstance(v, list) for v in present):
        return "list"
    if present and all(isinstance(v, Mapping) for v in present):
        return "mapping"
    if present and all(isinstance(v, str) for v in present):
        if name in _TEXT or name.endswith("_note"):
            return "text"
        if name in _PERIODS:
            return "period"
        if name.endswith(("_at", "_date")) or name == "as_of":
            return "date"
        return "label"
    if present and not all(isinstance(v, (int, float, decimal.Decimal)) for v in present):
        return "date"  # a datetime: entered_at
    if not present and name in _TEXT:
        return "text"
    parts = name.split("_")
    if name.endswith(("p_value", "q_value")):
        return "p_value"
    if name == "roi" or name.endswith("_roi"):
        return "roi"
    if name in _MEASURES:
        return "measure"
    if name in _MONEY:
        return "money"
    if "days" in parts:
        return "days"
    if "seconds" in parts:
        return "seconds"
    if name in _PERCENTS or name.startswith("share_"):
        return "percent"
    if name in _RATES or name.endswith(("_rate", "ci_low", "ci_high", "_rate_others")):
        return "rate"
    if name in ("lift", "pages_per_session") or name.startswith("lift_"):
        return "ratio"
    if parts[0] in ("numerator", "denominator"):  # a ratio's counts, whatever number type an engine returns
        return "count"
    if present and all(isinstance(v, int) for v in present):
        return "count"
    return "number"


def _title(name: str) -> dict[str, str]:
    from kpiflow.reporting.headers import HEADERS  # noqa: PLC0415  (faces' words; analyses do not need them)

    return dict(HEADERS.get(name) or {"en": name.replace("_", " ").capitalize(), "ja": name})


def describe(
    analysis: str,
    params: Mapping[str, Any],
    data: Any,
    *,
    main: str,
    kinds: Mapping[str, str] | None = None,
    titles: Mapping[str, Words] | None = None,
    notes: Sequence[str] = (),
) -> Tabular:
    """An older result's JSON as a `Tabular`: a list of records is the table `main`; an object's
    lists of records are tables by their keys, its objects of values one-row tables, its other
    values the one-row table `summary`, and the lists of words named in `notes` its notes. A key
    of `params` found in the object is a parameter, not a column. `kinds` declares columns that
    `kind_of` would not read right (by column name, or `table.column`)."""
    kinds = dict(kinds or {})
    titles = dict(titles or {})
    found: dict[str, list[Mapping[str, Any]]] = {}
    said: list[str] = []
    params = dict(params)

    def collect(prefix: str, value: Any) -> None:
        if prefix in notes:
            said.extend(str(v) for v in value)
        elif isinstance(value, list) and all(isinstance(v, Mapping) for v in value):
            found[prefix] = list(value)
        elif isinstance(value, Mapping) and value and all(isinstance(v, list) for v in value.values()):
            found[prefix] = [{"name": k, "values": v} for k, v in value.items()]  # each entity's stages in order
        elif isinstance(value, Mapping):
            flat = {k: v for k, v in value.items() if _cell(v)}
            if flat:
                found[prefix] = [flat]
            for k, v in value.items():
                if k not in flat:
                    collect(f"{prefix}_{k}", v)

    if isinstance(data, list):
        found[main] = data
    else:
        top = {k: v for k, v in data.items() if k not in params}
        params |= {k: v for k, v in data.items() if k in params}
        scalars = {k: v for k, v in top.items() if _cell(v) and k not in notes}
        if scalars:
            found["summary"] = [scalars]
        for key, value in top.items():
            if key not in scalars:
                collect(key, value)
    tables = []
    for name, records in found.items():
        names: dict[str, None] = {}
        for r in records:
            names.update(dict.fromkeys(r))
        cols = tuple(
            Column(c, kinds.get(f"{name}.{c}") or kinds.get(c) or kind_of(c, [r.get(c) for r in records])) for c in names
        )
        tables.append(Table(name, titles.get(name) or _title(name), cols, rows(records)))
    if not tables:
        tables.append(Table(main, titles.get(main) or _title(main), ()))
    return Tabular(analysis, {k: _plain(v) for k, v in finite(params).items()}, tuple(tables), tuple(said))


def _cell(value: Any) -> bool:
    """Whether a value sits in one cell: a scalar, or some scalars (a pattern's steps). An empty
    list is an empty table."""
    if isinstance(value, list):
        return bool(value) and all(not isinstance(v, (Mapping, list)) for v in value)
    return not isinstance(value, Mapping)


def json_data(result: Any) -> Any:
    """The JSON a result's command prints with --json and its dashboard page's twin returns: what
    an older result promised (`to_json_data()`), else its `to_dict()`."""
    promised = getattr(result, "to_json_data", None)
    return promised() if promised is not None else result.to_dict()


class Described:
    """A result written before `Tabular` (mixed into its dataclass): `to_json_data()` is the JSON
    its command promised, `to_dict()` the same result as described tables with its parameters."""

    ANALYSIS: ClassVar[str]
    MAIN: ClassVar[str]  # the table a list of records becomes
    KINDS: ClassVar[Mapping[str, str]] = {}
    TITLES: ClassVar[Mapping[str, Words]] = {}
    NOTES: ClassVar[tuple[str, ...]] = ()
    PARAMS: ClassVar[tuple[str, ...]] = ()  # keys of the promised object that are parameters

    def to_json_data(self) -> Any:
        raise NotImplementedError

    def params(self) -> dict[str, Any]:
        """The parameters the result was computed with, beyond the promised object's `PARAMS`."""
        return {}

    def described_data(self) -> Any:
        """What the tables describe: the promised JSON, or more where it leaves a table out."""
        return self.to_json_data()

    def tabular(self) -> Tabular:
        params = self.params() | dict.fromkeys(self.PARAMS)
        return describe(
            self.ANALYSIS, params, self.described_data(), main=self.MAIN, kinds=self.KINDS, titles=self.TITLES, notes=self.NOTES
        )

    def to_dict(self) -> dict[str, Any]:
        return self.tabular().to_dict()
