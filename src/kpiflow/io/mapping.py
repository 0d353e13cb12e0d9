"""Mapping files: how a source's columns become a canonical table's columns.

```yaml
table: deals
encoding: cp932
columns:            # source column -> canonical column
  商談ID: deal_id
  金額: amount
values:             # canonical column -> {source value: canonical value}
  outcome: {受注: won, 失注: lost, 商談中: open}
constants:          # canonical column -> the same value on every row
  channel: exhibition
derive:             # canonical column -> SQL expression over source columns
  account_id: "'ACC-' || 取引先番号"
date_formats:       # canonical column -> strptime format(s) tried first
  created_at: "%d/%m/%Y"
where: "ステータス <> '削除'"   # rows to keep (SQL over source columns)
extras: keep        # keep | drop: unmapped source columns become extra text columns
```
Presets are mapping files shipped in `kpiflow/io/presets/<preset>/<table>.yaml` with
`strict: false`, meaning a listed source column that the file lacks is simply not used.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

import sqlglot
from pydantic import BaseModel, ConfigDict, Field
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from kpiflow.errors import ModelError, UnknownNameError, did_you_mean, suggest
from kpiflow.io.sources import FORMATS
from kpiflow.messages import say
from kpiflow.model import yamlfile
from kpiflow.model.schema import Table

Scalar = str | int | float | bool


class Mapping(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    table: str | None = None
    format: Literal["csv", "tsv", "xlsx", "parquet", "jsonl"] | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | int | None = None
    header_row: int = Field(default=1, ge=1)
    strict: bool = True
    columns: dict[str, str] = Field(default_factory=dict)
    derive: dict[str, str] = Field(default_factory=dict)
    values: dict[str, dict[str, Scalar | None]] = Field(default_factory=dict)
    constants: dict[str, Scalar] = Field(default_factory=dict)
    date_formats: dict[str, str | list[str]] = Field(default_factory=dict)
    where: str | None = None
    extras: Literal["keep", "drop"] = "keep"


@dataclass(frozen=True)
class MappingFile:
    mapping: Mapping
    doc: yamlfile.YamlDocument | None = None

    def locate(self, *path: str | int) -> str:
        return str(self.doc.locate(path)) if self.doc else "mapping"


def read_mapping(path: str | Path) -> MappingFile:
    doc = yamlfile.read_yaml(path)
    return MappingFile(yamlfile.validate(Mapping, doc), doc)


def parse_mapping(text: str, file: str = "mapping.yaml") -> MappingFile:
    doc = yamlfile.parse_yaml(text, file)
    return MappingFile(yamlfile.validate(Mapping, doc), doc)


def presets() -> dict[str, list[str]]:
    """Preset name -> tables it can load."""
    root = resources.files("kpiflow.io").joinpath("presets")
    found: dict[str, list[str]] = {}
    for entry in root.iterdir():
        if entry.is_dir() and not entry.name.startswith(("_", ".")):
            tables = sorted(p.name[:-5] for p in entry.iterdir() if p.name.endswith(".yaml"))
            if tables:
                found[entry.name] = tables
    return found


def preset_mapping(preset: str, table: str) -> MappingFile:
    available = presets()
    if preset not in available:
        raise UnknownNameError.for_name("preset", preset, available)
    if table not in available[preset]:
        loads = ", ".join(available[preset])
        raise UnknownNameError.worded(lambda lang: say("mapping.preset_table", lang, preset=preset, table=table, tables=loads))
    resource = resources.files("kpiflow.io").joinpath("presets", preset, f"{table}.yaml")
    doc = yamlfile.parse_yaml(resource.read_text(encoding="utf-8"), f"preset {preset}/{table}.yaml")
    return MappingFile(yamlfile.validate(Mapping, doc), doc)


def header_key(name: str) -> str:
    """How headers are compared: NFKC, case-insensitive, spaces and hyphens as underscores."""
    text = unicodedata.normalize("NFKC", name).strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def extra_column_name(name: str, taken: set[str]) -> str:
    """A safe, stable column name for an unmapped source column."""
    base = re.sub(r"[^\w]+", "_", header_key(name)).strip("_") or "column"
    candidate = base
    n = 2
    while candidate in taken:
        candidate = f"{base}_{'source' if n == 2 else n}"
        n += 1
    taken.add(candidate)
    return candidate


def check_targets(mf: MappingFile, table: Table, lang: str = "en") -> None:
    """Every canonical name in the mapping must be a column of the table (the error in `lang`;
    the command line says it again in the user's language)."""
    m = mf.mapping
    names = table.column_names
    wrong: list[tuple[str, tuple[str | int, ...]]] = []
    for source, target in m.columns.items():
        wrong += [(target, ("columns", source))] if target not in names else []
    for section in ("derive", "values", "constants", "date_formats"):
        wrong += [(target, (section, target)) for target in getattr(m, section) if target not in names]
    other_table = m.table if m.table and m.table != table.name else None
    if not wrong and other_table is None:
        return

    def wording(lang: str) -> str:
        lines = []
        for name, path in wrong:
            hint = suggest(name, names)
            ending = did_you_mean(hint, lang) if hint else say("mapping.columns", lang, columns=", ".join(names))
            lines.append(say("mapping.not_a_column", lang, where=mf.locate(*path), name=name, table=table.name, hint=ending))
        if other_table is not None:
            lines.append(say("mapping.other_table", lang, where=mf.locate("table"), mapped=other_table, table=table.name))
        return "\n".join(lines)

    raise ModelError.worded(wording, lang)


# Functions that read outside the file: the loading connection may read files (it reads the
# source), so a mapping, shared like the model, must not name another one. Table functions
# fail as scalars anyway; they are refused here by name, in words, before the engine sees them.
_OUTSIDE_FUNCTIONS = frozenset(
    {"getenv", "current_setting", "glob", "query", "query_table", "sniff_csv", "parquet_scan", "parquet_metadata"}
)


def _outside(node: exp.Expression) -> tuple[str, dict[str, str]] | None:
    """What in an expression would read beyond the source row, as a message key and values."""
    if isinstance(node, exp.Query):  # SELECT, a subquery, UNION
        return "mapping.what.subquery", {}
    if isinstance(node, (exp.DDL, exp.DML, exp.Command, exp.Table)):
        return "mapping.what.statement", {}
    if isinstance(node, exp.Anonymous):
        name = node.name.lower()
        if name in _OUTSIDE_FUNCTIONS or name.startswith("read_"):
            return "mapping.what.function", {"name": name}
    return None


def parse_expression(
    mf: MappingFile, sql: str, path: tuple[str | int, ...], sources: list[str], lang: str = "en"
) -> exp.Expression:
    """Parse a `derive` or `where` expression; unknown source columns get a suggestion."""
    where = mf.locate(*path)
    try:
        expression = sqlglot.parse_one(sql, read="duckdb")
    except TokenError:  # the tokenizer fails on an unclosed quote, and names no position
        raise ModelError(say("mapping.unclosed", lang, where=where, text=repr(sql))) from None
    except ParseError as e:
        detail = e.errors[0]["description"] if e.errors else str(e)
        raise ModelError(say("mapping.invalid", lang, where=where, text=repr(sql), detail=detail)) from None
    for node in expression.walk():
        found = _outside(node)
        if found is not None:
            key, values = found
            raise ModelError(say("mapping.outside", lang, where=where, what=say(key, lang, **values)))
    lambda_args = {a.name for lam in expression.find_all(exp.Lambda) for a in lam.expressions}
    by_key = {header_key(s): s for s in sources}
    for column in list(expression.find_all(exp.Column)):
        if column.table or column.name in lambda_args:
            continue
        actual = by_key.get(header_key(column.name))
        if actual is None:
            hint, name = suggest(column.name, sources), column.name

            def wording(lang: str, hint: str | None = hint, name: str = name) -> str:
                ending = did_you_mean(hint, lang) if hint else say("mapping.columns", lang, columns=", ".join(sources))
                return say("mapping.not_in_file", lang, where=where, name=name, hint=ending)

            raise ModelError.worded(wording, lang)
        column.replace(exp.column(actual, quoted=True))
    return expression


__all__ = ["FORMATS", "Mapping", "MappingFile", "parse_mapping", "read_mapping", "preset_mapping", "presets"]
