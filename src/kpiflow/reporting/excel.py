"""The Excel workbook: every analysis of one period on its own sheet, with typed cells.

Each sheet holds one analysis: its main table first (header frozen, autofilter on), then any
further tables of the same result below it. Column headers are the result's keys as people read
them (`kpiflow.reporting.headers`), in the workbook's language. Cells keep their types: numbers
stay numbers (rates as fractions shown as 0.0%, money as ¥#,##0), dates and times become Excel
dates, None is an empty cell, and every text is written as text, so a contact or campaign named
``=HYPERLINK(...)`` is never run as a formula. The file is written to a temporary name beside
the target and moved into place, so a failed run leaves no partial workbook behind.

The numbers come from the workspace's analyses unchanged; this module only lays them out.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import io
import json
import math
import os
import secrets
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kpiflow.analysis.registry import analysis, generic_analyses
from kpiflow.analysis.result import tables_of
from kpiflow.analysis.tree import tree_order
from kpiflow.errors import KpiflowError, UnknownNameError
from kpiflow.formatting import EXCEL_FORMATS, column_kind, format_kind
from kpiflow.model.periods import Period, period_of
from kpiflow.reporting.headers import header
from kpiflow.reporting.words import vocabulary

if TYPE_CHECKING:
    from kpiflow.model.config import ModelFile
    from kpiflow.workspace import Workspace

LANGS = ("ja", "en")

SHEETS: dict[str, dict[str, str]] = {
    "tree": {"ja": "KPIツリー", "en": "KPI tree"},
    "plan": {"ja": "計画と実績", "en": "Plan vs actual"},
    "metrics": {"ja": "四半期推移", "en": "Metrics by quarter"},
    "funnel": {"ja": "ファネル", "en": "Funnel"},
    "bottleneck": {"ja": "ボトルネック", "en": "Bottleneck"},
    "velocity": {"ja": "育成期間", "en": "Velocity"},
    "handoff": {"ja": "営業引き渡し", "en": "Handoff"},
    "explain": {"ja": "変化要因", "en": "Explain"},
    "exhibitions": {"ja": "展示会", "en": "Exhibitions"},
    "behaviour": {"ja": "Web行動", "en": "Web behaviour"},
    "patterns": {"ja": "勝ちパターン", "en": "Patterns"},
    "blueprints": {"ja": "ブループリント", "en": "Blueprints"},
    "check": {"ja": "データ品質", "en": "Data check"},
    "dictionary": {"ja": "指標辞書", "en": "Metric dictionary"},
}
"""Sheet labels, in the order the sheets are written."""

SECTIONS: dict[str, dict[str, str]] = {
    "stage_counts": {"ja": "ステージ別の件数", "en": "Entities per stage"},
    "journey": {"ja": "標準的な道のり（リードから受注まで）", "en": "Standard journey (lead to won)"},
    "journey_total": {"ja": "リードから受注までの実測", "en": "Lead to won, measured"},
    "loss_reasons": {"ja": "失注理由", "en": "Loss reasons"},
    "speed_effect": {"ja": "SLA遵守とSQL化率", "en": "SLA met and SQL rate"},
    "settings": {"ja": "設定", "en": "Settings"},
    "segments": {"ja": "セグメント別の寄与", "en": "Contributions by segment"},
    "summary": {"ja": "概要", "en": "Summary"},
    "paths": {"ja": "主な経路", "en": "Top paths"},
    "population": {"ja": "母集団", "en": "Population"},
    "violations": {"ja": "データ契約違反", "en": "Contract violations"},
    "warnings": {"ja": "注意（読み込みは済み、数字に影響しうるもの）", "en": "Warnings (loaded, but may bend the numbers)"},
}
"""Titles of the tables below a sheet's main table."""

NOTES: dict[str, dict[str, str]] = {
    "failed": {
        "ja": "{sheet}: この期間のデータでは分析できませんでした（{error}）",
        "en": "{sheet}: not available for this data ({error})",
    },
    "empty": {"ja": "{sheet}: 該当するデータがありません。", "en": "{sheet}: no rows."},
    "no_blueprints": {
        "ja": "ブループリントはまだ保存されていません（kpiflow blueprint save で保存します）。",
        "en": "No blueprint saved yet (save one with kpiflow blueprint save).",
    },
}

MAX_SHEET_NAME = 31
_FORBIDDEN_IN_SHEET_NAMES = str.maketrans({c: "_" for c in "[]:*?/\\"})
_MAX_WIDTH, _MIN_WIDTH = 60, 6
_BLANK = object()  # a cell to leave empty

# Number formats by kind, as every face shows the kind (kpiflow.formatting); "money" is built from the model's currency.
_NUMBER_FORMATS = EXCEL_FORMATS | {
    "integer": "#,##0",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm:ss",
}
# Columns that hold a row's metric (its own format applies: a rate, an amount, a count).
_VALUE_KEYS = frozenset(
    {"value", "target", "last_year", "product_of_factors", "actual", "reference", "value_from", "value_to", "ci_low", "ci_high"}
)
_NUMERATOR_KEYS = frozenset({"numerator", "numerator_from", "numerator_to"})
_DENOMINATOR_KEYS = frozenset({"denominator", "denominator_from", "denominator_to"})
# Key names, judged when the model does not say: fractions and amounts of money.
_PERCENT_NAMES = ("rate", "share", "confidence", "explanatory_power", "change", "difference", "roi")
_MONEY_NAMES = ("revenue", "cost", "amount", "gain", "deal_size")
_PLAIN_ENDINGS = ("p_value", "q_value", "_z", "small_sample", "_count", "_total", "_n", "_days", "_seconds", "_hours")
_GENERAL_ENDINGS = ("p_value", "q_value")  # tiny numbers: Excel's General format shows them as 4.8E-45
# Suffixes that keep the kind of what they qualify (stop_rate_ci_low is a rate, gain_low is money).
_QUALIFIERS = ("_ci_low", "_ci_high", "_others", "_difference", "_then", "_from", "_to", "_low", "_high")


class WorkbookError(KpiflowError, OSError):
    """The workbook could not be written where asked (missing folder, no permission, wrong suffix)."""


@dataclass(frozen=True)
class Table:
    """Rows of one table of a sheet, and how to type their numbers.

    `row_metric` names the key that holds each row's metric: that metric's format (percent,
    money) then applies to the value columns. `formats` fixes a column's kind outright
    ("percent", "money", "number", or None for no special format), overriding what the key's name
    would suggest.
    """

    rows: list[dict[str, object]]
    title: str | None = None
    row_metric: str | None = None
    formats: Mapping[str, str | None] = field(default_factory=dict)
    measures: frozenset[str] = frozenset()  # columns in the unit of the row's metric (kind "measure")


@dataclass(frozen=True)
class _Context:
    ws: Workspace
    period: Period
    compare: Period
    lang: str

    @property
    def label(self) -> str:
        return self.period.label("en")

    def section(self, key: str) -> str:
        return SECTIONS[key][self.lang]


# -- the sheets: one function per analysis ---------------------------------------------------


def _tree(c: _Context) -> list[Table]:
    return [Table(c.ws.tree(c.label, lang=c.lang).to_json_data(), row_metric="metric")]


def _plan(c: _Context) -> list[Table]:
    """Plan vs actual: every tree node with a target in kpiflow.yaml for the period."""
    rows = []
    for n in c.ws.tree(c.label, lang=c.lang).nodes:
        if n.target is None:
            continue
        rows.append(
            {
                "metric": n.metric,
                "label": n.label,
                "target": n.target,
                "value": n.value,
                "gap": n.value - n.target if n.value is not None else None,
                "achieved": n.value / n.target if n.value is not None and n.target else None,
                "status": n.status,
            }
        )
    return [Table(rows, row_metric="metric", formats={"achieved": "percent"})]


def _check(c: _Context) -> list[Table]:
    """The data check (`kpiflow check`): each table's rows and dates, then violations and warnings."""
    result = c.ws.check().to_json_data()
    tables = [
        t | {"required_nulls": ", ".join(f"{k}: {v}" for k, v in t["required_nulls"].items() if v) or None}
        for t in result["tables"]
    ]
    return [
        Table(tables),
        Table(result["violations"], title=c.section("violations")),
        Table(result["warnings"], title=c.section("warnings")),
    ]


def _metrics(c: _Context) -> list[Table]:
    """The tree's metrics per quarter: the quarters of the period, and at least the four up to its end."""
    fys = c.ws.model.fiscal_year_start
    last = period_of("quarter", c.period.last_day, fys)
    first = last
    for _ in range(3):
        first = first.previous()
    first = min(first, period_of("quarter", c.period.start, fys))
    result = c.ws.metrics(_tree_metrics(c.ws.model), period="quarter", start=first.label("en"), end=last.label("en"), lang=c.lang)
    model = c.ws.model
    rows = [
        {
            "metric": r.metric,
            "label": model.metrics[r.metric].label.text(c.lang, r.metric) if r.metric in model.metrics else r.metric,
            "period_start": r.period_start,
        }
        | r.to_dict()
        for r in result.records
    ]
    return [Table(rows, row_metric="metric")]


def _funnel(c: _Context) -> list[Table]:
    result = c.ws.funnel(c.label, lang=c.lang)
    return [Table(result.to_json_data()), Table(list(result.stage_counts), title=c.section("stage_counts"))]


def _bottleneck(c: _Context) -> list[Table]:
    return [Table(c.ws.bottleneck(c.label, lang=c.lang).to_json_data(), row_metric="stage")]


def _velocity(c: _Context) -> list[Table]:
    result = c.ws.velocity(c.label, lang=c.lang)
    journey = result.journey.to_dict()
    total = journey["total"] | {"sum_of_medians_days": journey["sum_of_medians_days"]}
    return [
        Table([r.to_dict() for r in result.records]),
        Table(journey["steps"], title=c.section("journey")),
        Table([total], title=c.section("journey_total")),
    ]


def _handoff(c: _Context) -> list[Table]:
    result = analysis("handoff").run(c.ws, period=c.label, lang=c.lang)
    settings = result.settings
    return [
        Table([r.to_dict() for r in result.records]),
        Table([r.to_dict() for r in result.loss_reasons], title=c.section("loss_reasons")),
        Table([result.speed_effect.to_dict()], title=c.section("speed_effect")),
        Table(
            [
                {
                    "period": result.period,
                    "sla_hours": settings.sla_hours,
                    "sales_touch_types": list(settings.sales_touch_types),
                    "recycle_stage": settings.recycle_stage,
                    "stale_days": settings.stale_days,
                    "as_of": settings.as_of,
                }
            ],
            title=c.section("settings"),
        ),
    ]


def _explain(c: _Context) -> list[Table]:
    names = _tree_metrics(c.ws.model) or list(c.ws.model.metrics)
    result = c.ws.explain(names[0], c.compare.label("en"), c.label, lang=c.lang)
    unit = c.ws.model.metrics[result.metric].format if result.metric in c.ws.model.metrics else None
    in_unit = {key: unit or "number" for key in ("contribution", "mix", "rate", "total_change", "rest", "value_from", "value_to")}
    headline = {k: v for k, v in result.to_json_data().items() if not isinstance(v, (list, dict))}
    headline |= {
        "dimensions": result.dimensions,
        "rest": result.rest,
        "summary": result.summary,
        "notes": "\n".join(result.notes),
    }
    return [
        Table([f.to_dict() for f in result.tree], row_metric="metric", formats={"contribution": unit or "number"}),
        Table(
            [s.to_dict() for s in result.segments],
            title=c.section("segments"),
            row_metric="factor",
            # `value` is the segment itself (a channel, an industry), not the factor's value.
            formats={k: v for k, v in in_unit.items() if k in ("contribution", "mix", "rate")} | {"value": None},
        ),
        Table([headline], title=c.section("summary"), formats=in_unit),
    ]


def _exhibitions(c: _Context) -> list[Table]:
    return [Table(c.ws.exhibitions(c.label, lang=c.lang).to_json_data())]


def _behaviour(c: _Context) -> list[Table]:
    return [Table(c.ws.behaviour(c.label, lang=c.lang).to_json_data())]


def _patterns(c: _Context) -> list[Table]:
    result = analysis("patterns").run(c.ws, period=c.label, lang=c.lang)  # the registry's defaults, as every face
    records = [r.to_dict() | {"pattern": _arrow(r.pattern)} for r in result.records]
    paths = [p.to_dict() | {"path": _arrow(p.steps)} for p in result.paths.paths]
    population = {k: v for k, v in result.to_json_data().items() if k not in ("records", "paths")}
    return [
        Table(records, formats={"ci_low": "number", "ci_high": "number"}),  # the interval of the lift
        Table(paths, title=c.section("paths")),
        Table([population], title=c.section("population")),
    ]


def _blueprints(c: _Context) -> list[Table]:
    rows = []
    for name in c.ws.blueprints():
        saved = c.ws.blueprint(name)
        population = saved.get("population") or {}
        rows.append(
            {
                "name": name,
                "period": saved.get("period"),
                "saved_at": saved.get("saved_at"),
                "outcome": saved.get("outcome"),
                "within_days": saved.get("within_days"),
                "unit": saved.get("unit"),
                "strict": saved.get("strict"),
                "where": saved.get("where"),
                "max_length": saved.get("max_length"),
                "units": population.get("units"),
                "converters": population.get("converters"),
                "patterns": len(saved.get("patterns") or []),
                "kpis": len(saved.get("kpis") or {}),
            }
        )
    if not rows:
        raise _NothingToShow(NOTES["no_blueprints"][c.lang])
    return [Table(rows)]


def _dictionary(c: _Context) -> list[Table]:
    return [Table(c.ws.dictionary(lang=c.lang).to_json_data())]


BUILDERS: dict[str, Callable[[_Context], list[Table]]] = {
    "tree": _tree,
    "plan": _plan,
    "metrics": _metrics,
    "funnel": _funnel,
    "bottleneck": _bottleneck,
    "velocity": _velocity,
    "handoff": _handoff,
    "explain": _explain,
    "exhibitions": _exhibitions,
    "behaviour": _behaviour,
    "patterns": _patterns,
    "blueprints": _blueprints,
    "check": _check,
    "dictionary": _dictionary,
}
"""How each sheet is made, keyed like SHEETS."""


class _NothingToShow(Exception):
    """Raised by a sheet's builder when there is nothing to lay out; the message becomes the sheet's note."""


def _tree_metrics(model: ModelFile) -> list[str]:
    return [name for name, _ in tree_order(model)]


def _arrow(steps: Sequence[str]) -> str:
    return " → ".join(map(str, steps))


# -- the workbook -----------------------------------------------------------------------------


def write_workbook(
    ws: Workspace, path: str | Path, *, period: str | None = None, compare: str | None = None, lang: str = "ja"
) -> list[str]:
    """Write every analysis of `period` to an Excel workbook at `path`; return the sheet names.

    `period` defaults to the last complete fiscal year in the data; `compare` (for the change
    explanation) defaults to the period before it. An analysis the data does not allow (no
    exhibitions, say) gets a sheet with a one-line note instead of stopping the workbook. The
    file appears only when complete: it is written beside `path` and then moved into place.
    """
    if lang not in LANGS:
        raise UnknownNameError.for_name("language", lang, LANGS)
    target = _checked_target(Path(path))
    contents = sheet_tables(ws, period=period, compare=compare, lang=lang)
    used: set[str] = set()
    sheets = [(_sheet_name(sheet_title(key, lang), used), content) for key, content in contents.items()]

    _write_atomically(target, _render(sheets, ws.model, lang))
    return [name for name, _ in sheets]


def sheet_tables(
    ws: Workspace, *, period: str | None = None, compare: str | None = None, lang: str = "ja"
) -> dict[str, list[Table] | str]:
    """What each sheet of the workbook holds, keyed like SHEETS: its tables, or the note that
    replaces them when the analysis has nothing to show. Arguments as for `write_workbook`."""
    if lang not in LANGS:
        raise UnknownNameError.for_name("language", lang, LANGS)
    chosen = ws.resolve_period(period, lang) if period else ws.last_complete_year()
    context = _Context(ws, chosen, ws.resolve_period(compare, lang) if compare else chosen.previous(), lang)

    # Registered analyses that declare their tables get a sheet each, before the dictionary (an appendix).
    builders = dict(BUILDERS)
    dictionary = builders.pop("dictionary")
    builders |= {a.name: functools.partial(_analysis_sheet, a) for a in generic_analyses("workbook")}
    builders["dictionary"] = dictionary
    sheets: dict[str, list[Table] | str] = {}
    for key, build in builders.items():
        try:
            tables = build(context)
        except _NothingToShow as e:
            sheets[key] = str(e)
            continue
        except KpiflowError as e:
            sheets[key] = NOTES["failed"][lang].format(sheet=sheet_title(key, lang), error=_one_line(str(e)))
            continue
        sheets[key] = tables if tables[0].rows else NOTES["empty"][lang].format(sheet=sheet_title(key, lang))
    return sheets


def sheet_title(key: str, lang: str) -> str:
    """A sheet's title: SHEETS's words, or a registered analysis's title."""
    if key in SHEETS:
        return SHEETS[key][lang]
    return analysis(key).title[lang]


# A declared column kind (kpiflow.analysis.result.KINDS) as the workbook's number format; others are text.
_SHEET_KINDS = {"count": "count", "money": "money", "percent": "percent", "rate": "percent", "days": "duration"}
_SHEET_KINDS |= {"seconds": "seconds", "ratio": "ratio", "roi": "roi", "number": "number"}


def _analysis_sheet(entry, c: _Context) -> list[Table]:
    """A registered analysis's tables, each number in its column's declared kind."""
    values = {"period": c.label} if any(p.name == "period" for p in entry.params) else {}
    result = entry.run(c.ws, **values, lang=c.lang).to_dict()
    return [
        Table(
            rows,
            title.get(c.lang) or name,
            row_metric="metric" if any(column == "metric" for column, _ in specs) else None,
            formats={column: _SHEET_KINDS.get(kind) for column, kind in specs if kind != "measure"},
            measures=frozenset(column for column, kind in specs if kind == "measure"),
        )
        for name, title, specs, rows in tables_of(result)
    ]


def _checked_target(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise WorkbookError(f"{path}: an Excel workbook's name must end in .xlsx (for example {path.with_suffix('.xlsx').name})")
    folder = path.parent
    if not folder.is_dir():
        raise WorkbookError(f"{path}: the folder {folder} does not exist; create it first or choose another path")
    if path.is_dir():
        raise WorkbookError(f"{path} is a folder; give a file name ending in .xlsx")
    return path


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _sheet_name(label: str, used: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters, unique ignoring case."""
    base = label.translate(_FORBIDDEN_IN_SHEET_NAMES).strip("'")[:MAX_SHEET_NAME] or "Sheet"
    name, n = base, 1
    while name.casefold() in used:
        n += 1
        tail = f" ({n})"
        name = base[: MAX_SHEET_NAME - len(tail)] + tail
    used.add(name.casefold())
    return name


def _write_atomically(path: Path, content: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        # O_EXCL: never reuse someone else's file; 0o666 lets the umask decide the final permissions.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except OSError as e:
        temporary.unlink(missing_ok=True)
        raise WorkbookError(f"{path}: could not write the workbook ({e.strerror or e}); nothing was written") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _render(sheets: Sequence[tuple[str, list[Table] | str]], model: ModelFile, lang: str) -> bytes:
    import xlsxwriter  # noqa: PLC0415  (optional `report` extra; keeps `import kpiflow` light)

    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "remove_timezone": True,
    }
    book = xlsxwriter.Workbook(buffer, options)
    writer = _Writer(book, model, lang)
    for name, content in sheets:
        sheet = book.add_worksheet(name)
        if isinstance(content, str):
            sheet.write_string(0, 0, content)
            sheet.set_column(0, 0, min(_MAX_WIDTH, _text_width(content) + 2))
        else:
            writer.write_tables(sheet, content)
    book.close()
    return buffer.getvalue()


class _Writer:
    """Lays tables out on a worksheet with typed cells, shared formats and fitted widths; headers in `lang`."""

    def __init__(self, book, model: ModelFile, lang: str):
        self.book = book
        self.model = model
        self.lang = lang
        self.words = vocabulary(model, lang)  # codes and labelled values as people read them
        self._formats: dict[str, object] = {}
        money = "¥#,##0" if model.currency == "JPY" else f'#,##0 "{model.currency}"'
        self._number_formats = _NUMBER_FORMATS | {"money": money}

    def format(self, kind: str | None):
        if kind is None:
            return None
        if kind not in self._formats:
            if kind == "header":
                spec = {"bold": True, "bottom": 1, "bg_color": "#DDEBF7"}
            elif kind == "title":
                spec = {"bold": True}
            else:
                spec = {"num_format": self._number_formats[kind]}
            self._formats[kind] = self.book.add_format(spec)
        return self._formats[kind]

    def write_tables(self, sheet, tables: Sequence[Table]) -> None:
        widths: dict[int, float] = {}
        row = 0
        for i, table in enumerate(tables):
            if i:
                row += 1  # a blank line between tables
                if table.title:
                    sheet.write_string(row, 0, table.title, self.format("title"))
                    row += 1
            columns = list(dict.fromkeys(key for r in table.rows for key in r))
            if not columns:
                continue
            header_row = row
            for j, key in enumerate(columns):
                label = header(key, self.lang)
                sheet.write_string(row, j, label, self.format("header"))
                widths[j] = max(widths.get(j, 0), _text_width(label) + (3 if i == 0 else 1))  # room for the filter button
            for record in table.rows:
                row += 1
                for j, key in enumerate(columns):
                    width = self.write_cell(sheet, row, j, key, record.get(key), record, table)
                    widths[j] = max(widths.get(j, 0), width)
            if i == 0:
                sheet.freeze_panes(1, 0)
                sheet.autofilter(header_row, 0, row, len(columns) - 1)
            row += 1
        for j, width in widths.items():
            sheet.set_column(j, j, max(_MIN_WIDTH, min(_MAX_WIDTH, width + 1)))

    def write_cell(self, sheet, row: int, col: int, key: str, value: object, record: Mapping[str, object], table: Table) -> float:
        """Write one value with its type; return the width it needs."""
        value = _cell_value(key, self.words.cell(key, value, record))
        if value is _BLANK:
            return 0
        if isinstance(value, bool):
            sheet.write_boolean(row, col, value)
            return 5
        if isinstance(value, dt.datetime):
            sheet.write_datetime(row, col, value, self.format("datetime"))
            return 19
        if isinstance(value, dt.date):
            sheet.write_datetime(row, col, value, self.format("date"))
            return 10
        if isinstance(value, (int, float)):
            kind = self.kind(key, record, table)
            if kind == "duration" and isinstance(value, int):
                kind = "integer"  # a setting (stale after 90 days), not a measured time
            if kind is None and not key.endswith(_GENERAL_ENDINGS):
                kind = "integer" if float(value).is_integer() else "number"
            sheet.write_number(row, col, value, self.format(kind))
            return _number_width(value, kind)
        text = str(value)
        sheet.write_string(row, col, text)  # never a formula, whatever the text starts with
        return _text_width(text)

    def kind(self, key: str, record: Mapping[str, object], table: Table) -> str | None:
        """How a number is shown: "percent", "money", "number", or None (decided by its size)."""
        if key in table.formats:
            return table.formats[key]
        metrics = self.model.metrics
        metric = record.get(table.row_metric) if table.row_metric else None
        if isinstance(metric, str) and metric in metrics:
            definition = metrics[metric]
            if key in table.measures and definition.format is None and definition.kind in ("count", "count_distinct"):
                return "count"  # a count's bound: 645 leads, as the text faces show it
            if key in _VALUE_KEYS or key in table.measures:
                return definition.format
            if definition.ratio is not None and key in _NUMERATOR_KEYS | _DENOMINATOR_KEYS:
                part = definition.ratio[0] if key in _NUMERATOR_KEYS else definition.ratio[1]
                return metrics[part].format if part in metrics else None
        return _kind_by_name(key, self.model)


def _kind_by_name(key: str, model: ModelFile) -> str | None:
    """The kind a column's name implies: the kind every face gives it (a return, days, a lift), a
    model metric's format, else the name's ending."""
    kind = column_kind(key)
    if kind in ("roi", "duration", "seconds", "ratio"):
        return kind
    if key in model.metrics:
        return model.metrics[key].format
    if key in ("ci_low", "ci_high"):
        return "percent"  # intervals in kpiflow results are of rates, unless a table says otherwise
    if key.endswith(_PLAIN_ENDINGS):
        return None
    for qualifier in _QUALIFIERS:
        if key.endswith(qualifier) and len(key) > len(qualifier):
            found = _kind_by_name(key[: -len(qualifier)], model)
            if found is not None:
                return found
            if qualifier in ("_ci_low", "_ci_high"):
                return "percent"
            break  # judge the whole name (relative_difference)
    if any(key == name or key.endswith("_" + name) for name in _PERCENT_NAMES):
        return "percent"
    if any(key == name or key.endswith("_" + name) for name in _MONEY_NAMES):
        return "money"
    return None


def _cell_value(key: str, value: object) -> object:
    """The value as a cell holds it: a number, a bool, a date, or text (None and NaN: empty)."""
    if value is None:
        return _BLANK
    if isinstance(value, bool):
        return value
    if isinstance(value, decimal.Decimal):
        value = float(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else _BLANK
    if isinstance(value, int):
        return value if abs(value) < 2**53 else str(value)  # Excel keeps 15 significant digits
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, str):
        if key.endswith("_at") and value[:4].isdigit():
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                return value
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(map(str, value))
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _text_width(text: str) -> float:
    """Columns a text needs: its longest line, with East Asian wide characters counted twice."""
    lines = text.splitlines() or [""]
    return max(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in lines)


def _number_width(value: float, kind: str | None) -> float:
    if kind in ("percent", "roi", "duration", "seconds", "ratio"):
        return len(format_kind(value, kind))
    if kind in ("money", "integer"):
        return len(f"{value:,.0f}") + (1 if kind == "money" else 0)
    if kind == "number":
        return len(f"{value:,.2f}")
    return min(len(repr(value)), 12)
