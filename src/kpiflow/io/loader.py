"""The all-or-nothing load: source file -> validated staging -> one transaction.

Fast path: one engine pass parses and checks every value (a failing check raises inside the
engine) into a typed staging table, then a transaction swaps it in. If anything fails, the
diagnostic path re-reads the file keeping the raw text beside each parsed value and lists
every problem (up to a limit) with its line, column and value. Either way, a refused file
leaves the database exactly as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import itertools
import re
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

import duckdb
from sqlglot import exp

from kpiflow.engine.duck import ident, sql
from kpiflow.errors import LoadError, suggest
from kpiflow.io import normalize
from kpiflow.io.mapping import (
    MappingFile,
    check_targets,
    extra_column_name,
    header_key,
    parse_expression,
)
from kpiflow.io.problems import Problem, SourceRefused
from kpiflow.io.scan import check_bytes, locate_break
from kpiflow.io.sources import (
    Source,
    damaged,
    describe,
    open_parquet,
    open_text,
    open_xlsx,
    sniff_format,
    with_rejects,
)
from kpiflow.messages import say
from kpiflow.model.config import ModelFile
from kpiflow.model.schema import TOUCHPOINT_TYPES, Table
from kpiflow.model.schema import table as canonical_table

Mode = Literal["replace", "append", "upsert"]
MODES = ("replace", "append", "upsert")
MAX_PROBLEMS = 20
_ROW = "__row"
_GUARD = "__guard"
_counter = itertools.count(1)


def render(statement: exp.Expression) -> str:
    """DuckDB SQL for a statement the loader built for this one use: SQLGlot's defensive copy of
    the tree (its cleaning layers are long) was half the CPU of loading a small file."""
    return sql(statement, copy=False)


@dataclass(frozen=True)
class LoadResult:
    file: str
    table: str
    mode: str
    format: str
    encoding: str
    sha256: str
    rows: int
    table_rows: int
    extra_columns: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class _Plan:
    """Where each canonical column comes from, as an expression over the source's columns."""

    sources: dict[str, exp.Expression]  # canonical column -> source expression
    shown: dict[str, str]  # canonical column -> how the user knows it (source header)
    extras: dict[str, str]  # extra column name -> source header
    formats: dict[str, tuple[str, ...]]
    values: dict[str, dict[str, str | None]]
    where: exp.Expression | None


class _Digest:
    """The SHA-256 of a file (for the journal), taken in a thread of its own while the load goes
    on: file reads and hashlib release the GIL, so the digest adds no pass to the load's time."""

    def __init__(self, path: Path):
        self._path = path
        self._stop = threading.Event()
        self._value: str | None = None
        self._error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="kpiflow-sha256", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        digest = hashlib.sha256()
        try:
            with self._path.open("rb") as f:
                while chunk := f.read(1 << 20):
                    if self._stop.is_set():
                        return
                    digest.update(chunk)
        except OSError as e:  # raised where the digest is asked for: the load is refused as unreadable
            self._error = e
            return
        self._value = digest.hexdigest()

    def hexdigest(self) -> str:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value

    def cancel(self) -> None:
        """Stop reading (a refused load needs no digest)."""
        self._stop.set()
        self._thread.join()


def _open_source(con, path: Path, mf: MappingFile | None, encoding: str | None, sheet, tag: str) -> Source:
    m = mf.mapping if mf else None
    fmt = sniff_format(path, m.format if m else None)
    header_row = m.header_row if m else 1
    if fmt in ("csv", "tsv"):
        return open_text(
            con,
            path,
            fmt,
            encoding=encoding or (m.encoding if m else None),
            delimiter=m.delimiter if m else None,
            header_row=header_row,
            tag=tag,
        )
    if fmt == "xlsx":
        return open_xlsx(con, path, sheet if sheet is not None else (m.sheet if m else None), header_row, tag)
    if fmt == "parquet":
        return open_parquet(con, path)
    check_bytes(path)
    relation = exp.func(
        "read_json",
        exp.Literal.string(str(path)),
        exp.PropertyEQ(this=exp.var("format"), expression=exp.Literal.string("newline_delimited")),
    )
    try:
        columns = [name for name, _ in describe(con, relation)]
    except duckdb.Error as e:
        raise SourceRefused([damaged("JSON Lines", e, path)]) from None
    return Source(path, fmt, relation, columns, "utf-8", 1)


def _plan(source: Source, table: Table, mf: MappingFile | None, lang: str) -> tuple[_Plan, list[Problem]]:
    m = mf.mapping if mf else None
    by_key = {header_key(c): c for c in source.columns}
    problems: list[Problem] = []
    sources: dict[str, exp.Expression] = {}
    shown: dict[str, str] = {}
    used: set[str] = set()

    if m:
        for src, target in m.columns.items():
            actual = by_key.get(header_key(src))
            if actual is None:
                if m.strict:
                    problems.append(
                        Problem(
                            "problem.mapping_source",
                            column=src,
                            values={"suggestion": suggest(src, source.columns), "found": ", ".join(source.columns)},
                        )
                    )
                continue
            used.add(actual)
            if target not in sources:  # presets list alternatives; the first present wins
                sources[target] = exp.column(actual, quoted=True)
                shown[target] = actual
        for target, text in m.derive.items():
            expression = parse_expression(mf, text, ("derive", target), source.columns, lang)
            used.update(c.name for c in expression.find_all(exp.Column))
            sources[target] = expression
            shown[target] = target
        for target, value in m.constants.items():
            sources[target] = exp.convert(value)
            shown[target] = target

    # Headers that already say the canonical name (or its Japanese label) map themselves.
    for col in table.columns:
        if col.name in sources:
            continue
        for key in (col.name, header_key(col.doc_ja)):
            actual = by_key.get(key)
            if actual is not None and actual not in used:
                sources[col.name] = exp.column(actual, quoted=True)
                shown[col.name] = actual
                used.add(actual)
                break

    for col in table.columns:
        if col.required and col.name not in sources:
            problems.append(
                Problem(
                    "problem.missing_column",
                    column=col.name,
                    values={
                        "suggestion": suggest(col.name, source.columns),
                        "meaning": {"en": col.doc_en, "ja": col.doc_ja},
                        "found": ", ".join(source.columns),
                    },
                )
            )

    extras: dict[str, str] = {}
    if not m or m.extras == "keep":
        taken = set(table.column_names) | {_ROW, _GUARD}
        for c in source.columns:
            if c not in used:
                extras[extra_column_name(c, taken)] = c

    formats = {}
    values = {}
    where = None
    if m:
        formats = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in m.date_formats.items()}
        values = {k: {str(a): (None if b is None else str(b)) for a, b in v.items()} for k, v in m.values.items()}
        if m.where:
            where = parse_expression(mf, m.where, ("where",), source.columns, lang)
    return _Plan(sources, shown, extras, formats, values, where), problems


def _violations(table: Table, model: ModelFile, names: list[str]) -> list[tuple[str, exp.Expression, Problem]]:
    """Every rule a row must satisfy, as (column, condition that marks a bad row, problem).

    Conditions refer to the parsed column `name` and its cleaned text `name__txt`.
    """
    rules: list[tuple[str, exp.Expression, Problem]] = []
    for col in table.columns:
        if col.name not in names:
            if col.required:  # reported as a missing column before any row is read
                continue
            continue
        p = exp.column(col.name, quoted=True)
        t = exp.column(f"{col.name}__txt", quoted=True)
        if col.type != "text":
            rules.append(
                (
                    col.name,
                    exp.and_(t.is_(exp.null()).not_(), p.is_(exp.null())),
                    Problem("problem.invalid", values={"expected": f"expect.{col.type}"}),
                )
            )
        if col.required:
            rules.append((col.name, t.is_(exp.null()), Problem("problem.required")))
        if col.non_negative:
            rules.append((col.name, exp.LT(this=p, expression=exp.convert(0)), Problem("problem.negative")))
        if col.allowed and col.closed:
            allowed = [exp.convert(a) for a in col.allowed]
            rules.append(
                (
                    col.name,
                    exp.and_(p.is_(exp.null()).not_(), exp.In(this=p, expressions=allowed).not_()),
                    Problem("problem.not_allowed", values={"allowed": ", ".join(col.allowed)}),
                )
            )
    if table.name == "stage_history" and {"stage", "entity"} <= set(names):
        for entity in ("contact", "deal"):
            stages = model.stage_names(entity)
            rules.append(
                (
                    "stage",
                    exp.and_(
                        exp.EQ(this=exp.column("entity", quoted=True), expression=exp.convert(entity)),
                        exp.In(this=exp.column("stage", quoted=True), expressions=[exp.convert(s) for s in stages]).not_(),
                    ),
                    Problem("problem.not_allowed", values={"allowed": ", ".join(stages)}),
                )
            )
    if table.one_of:
        present = [exp.column(c, quoted=True).is_(exp.null()) for c in table.one_of if c in names]
        condition = exp.and_(*present) if present else exp.true()
        rules.append((table.one_of[0], condition, Problem("problem.one_of", values={"columns": " / ".join(table.one_of)})))
    return rules


class _Pipeline:
    """The SELECTs that take a source to typed canonical rows."""

    def __init__(self, con, source: Source, table: Table, model: ModelFile, plan: _Plan):
        self.con, self.source, self.table, self.model, self.plan = con, source, table, model, plan
        self.rules = _violations(table, model, list(plan.sources))

    def _mapped(self, relation: exp.Expression, numbered: bool) -> exp.Select:
        # Row numbers cost a window over the whole file; only the diagnostic path needs them.
        row = exp.Window(this=exp.RowNumber()) if numbered else exp.null()
        numbered = exp.select(exp.Star(), row.as_(_ROW, copy=False), copy=False).from_(relation, copy=False)
        columns: list[exp.Expression] = [exp.column(_ROW)]
        columns += [e.copy().as_(f"{name}__src", quoted=True, copy=False) for name, e in self.plan.sources.items()]
        columns += [exp.column(src, quoted=True).as_(name, quoted=True, copy=False) for name, src in self.plan.extras.items()]
        query = exp.select(*columns, copy=False).from_(numbered.subquery("numbered", copy=False), copy=False)
        # Rows with every cell empty (Excel leaves ",,," lines below a table) are not data.
        blank = exp.and_(*[exp.column(c, quoted=True).is_(exp.null()) for c in self.source.columns])
        query = query.where(exp.not_(exp.paren(blank)), copy=False)
        if self.plan.where is not None:
            query = query.where(self.plan.where.copy(), copy=False)
        return query

    def parsed(self, relation: exp.Expression, numbered: bool = True) -> exp.Select:
        """Rows with each canonical column parsed (`name`) beside its cleaned text (`name__txt`).

        Built as layers of subqueries (map, NFKC, trim, null markers and vocabularies, parse) so
        that each function is evaluated once per value.
        """
        query = self._mapped(relation, numbered)
        types = dict(describe(self.con, query.subquery("m", copy=False)))
        texts = [n for n in self.plan.sources if types[f"{n}__src"] == "VARCHAR"]
        passthrough = [_ROW, *[f"{n}__src" for n in self.plan.sources if n not in texts], *self.plan.extras]
        layers = normalize.CLEANING_LAYERS
        if not _may_expand(self.source):
            layers = tuple(functools.partial(normalize.nfkc, expansions=False) if f is normalize.nfkc else f for f in layers)
        for layer in layers:
            query = _layer(query, {f"{n}__src": layer(exp.column(f"{n}__src", quoted=True)) for n in texts}, passthrough)

        tz = self.model.timezone
        cleaned: dict[str, exp.Expression] = {}
        parsed: dict[str, exp.Expression] = {}
        for name in self.plan.sources:
            col = self.table.column(name)
            src = exp.column(f"{name}__src", quoted=True)
            txt = exp.column(f"{name}__txt", quoted=True)
            source_type = types[f"{name}__src"]
            if name in self.plan.values:
                text = src if name in texts else exp.cast(src, "VARCHAR")
                mapped = normalize.map_values(text, self.plan.values[name], casefold=True)
                cleaned[name] = exp.func("LOWER", mapped) if (col.allowed or name == "stage") else mapped
                parsed[name] = normalize.parse(col.type, txt, timezone=tz, formats=self.plan.formats.get(name, ()))
            elif name in texts:
                cleaned[name] = exp.func("LOWER", src) if (col.allowed or name == "stage") else src
                parsed[name] = normalize.parse(col.type, txt, timezone=tz, formats=self.plan.formats.get(name, ()))
            else:
                cleaned[name] = src
                parsed[name] = normalize.convert_typed(col.type, txt, source_type, tz)
        extras = [exp.cast(exp.column(e, quoted=True), "VARCHAR").as_(e, quoted=True, copy=False) for e in self.plan.extras]
        inner = exp.select(
            exp.column(_ROW), *[e.as_(f"{n}__txt", quoted=True, copy=False) for n, e in cleaned.items()], *extras, copy=False
        ).from_(query.subquery("cleaning", copy=False), copy=False)
        columns: list[exp.Expression] = [exp.column(_ROW)]
        for name, value in parsed.items():
            columns += [value.as_(name, quoted=True, copy=False), exp.column(f"{name}__txt", quoted=True)]
        columns += [exp.column(e, quoted=True) for e in self.plan.extras]
        return exp.select(*columns, copy=False).from_(inner.subquery("cleaned", copy=False), copy=False)

    def guarded(self, relation: exp.Expression) -> exp.Select:
        """Fast path: typed rows; a failing rule raises inside the engine at once."""
        keep = [exp.column(_ROW)] + [exp.column(n, quoted=True) for n in self.plan.sources]
        keep += [exp.column(e, quoted=True) for e in self.plan.extras]
        if self.rules:
            guard = exp.Case()
            for _, condition, problem in self.rules:
                guard = guard.when(condition.copy(), exp.func("error", exp.Literal.string(f"kpiflow:{problem.key}")), copy=False)
            keep.append(guard.as_(_GUARD, copy=False))
        return exp.select(*keep, copy=False).from_(self.parsed(relation, numbered=False).subquery("parsed", copy=False), copy=False)


SMALL_TEXT = 4 << 20
"""A text file up to this size is read once more, to leave NFKC's expansions out of its SQL when
it holds none (planning them is a third of a small load; reading 4 MB takes a millisecond)."""


def _may_expand(source: Source) -> bool:
    """Whether the source may hold a character NFKC expands to several (①, ㈱): yes unless it is a
    small UTF-8 text file (as DuckDB reads it) found to hold none."""
    try:
        if source.text is None or source.text.stat().st_size > SMALL_TEXT:
            return True
        return normalize.has_expansions(source.text.read_bytes())
    except OSError:
        return True


def _layer(query: exp.Select, transforms: dict[str, exp.Expression], passthrough: list[str]) -> exp.Select:
    """One more SELECT over `query` that rewrites some columns and passes the others on."""
    columns = [exp.column(c, quoted=True) for c in passthrough]
    columns += [e.as_(name, quoted=True, copy=False) for name, e in transforms.items()]
    return exp.select(*columns, copy=False).from_(query.subquery(copy=False), copy=False)  # built once, never shared: no copies


def _temp_table(name: str, query: exp.Expression) -> str:
    return render(
        exp.Create(
            this=exp.to_table(name),
            kind="TABLE",
            expression=query,
            replace=True,
            properties=exp.Properties(expressions=[exp.TemporaryProperty()]),
        )
    )


def _drop(con, name: str) -> None:
    con.execute(render(exp.Drop(tables=[exp.to_table(name)], kind="TABLE", exists=True)))


def _count(con, table_name: str | exp.Expression, where: exp.Expression | None = None) -> int:
    query = exp.select(exp.func("count", exp.Star())).from_(table_name)
    if where is not None:
        query = query.where(where)
    return con.execute(render(query)).fetchall()[0][0]


def _line(source: Source, row: int) -> int:
    return source.first_line + row - 1


def _key_columns(table: Table) -> list[exp.Column]:
    return [exp.column(k, quoted=True) for k in table.key]


def _diagnose(con, pipeline: _Pipeline, source: Source, table: Table, mode: str, tag: str) -> list[Problem]:
    """List every problem with its line; called only after the fast path failed."""
    if source.format in ("csv", "tsv"):
        rejected = _rejected_rows(con, source, tag)
        if rejected:
            return rejected
    stage = f"_kf_diag_{tag}"
    con.execute(_temp_table(stage, pipeline.parsed(source.relation)))
    problems: list[Problem] = []
    try:
        if _count(con, stage) == 0:
            return [Problem("problem.empty")]
        for name, condition, problem in pipeline.rules:
            shown = pipeline.plan.shown.get(name, name)
            value = exp.column(f"{name}__txt", quoted=True) if name in pipeline.plan.sources else exp.null()
            query = exp.select(exp.column(_ROW), value).from_(stage).where(condition).order_by(_ROW).limit(MAX_PROBLEMS)
            for row, raw in con.execute(render(query)).fetchall():
                problems.append(Problem(problem.key, _line(source, row), shown, {**problem.values, "value": raw}))
        if table.key:
            problems += _duplicate_keys(con, stage, source, table, pipeline.plan)
            if mode == "append":
                problems += _existing_keys(con, stage, source, table, pipeline.plan)
    finally:
        _drop(con, stage)
    problems.sort(key=lambda p: p.line or 0)
    return problems


def _key_text(values: tuple) -> str:
    return "(" + ", ".join(str(v) for v in values) + ")" if len(values) > 1 else str(values[0])


def _duplicate_keys(con, stage: str, source: Source, table: Table, plan: _Plan) -> list[Problem]:
    keys = _key_columns(table)
    query = (
        exp.select(*keys, exp.func("min", exp.column(_ROW)).as_("first"), exp.func("max", exp.column(_ROW)).as_("last"))
        .from_(stage)
        .where(exp.and_(*[k.is_(exp.null()).not_() for k in keys]))
        .group_by(*keys)
        .having(exp.GT(this=exp.func("count", exp.Star()), expression=exp.convert(1)))
        .order_by("first")
        .limit(MAX_PROBLEMS)
    )
    shown = ", ".join(plan.shown.get(k, k) for k in table.key)
    return [
        Problem("problem.duplicate_key", _line(source, r[-1]), shown, {"key": _key_text(r[:-2]), "other": _line(source, r[-2])})
        for r in con.execute(render(query)).fetchall()
    ]


def _existing_keys(con, stage: str, source: Source, table: Table, plan: _Plan) -> list[Problem]:
    s, t = "s", "t"
    condition = exp.and_(
        *[exp.EQ(this=exp.column(k, table=s, quoted=True), expression=exp.column(k, table=t, quoted=True)) for k in table.key]
    )
    query = (
        exp.select(exp.column(_ROW, table=s), *[exp.column(k, table=s, quoted=True) for k in table.key])
        .from_(exp.to_table(stage).as_(s))
        .join(exp.to_table(table.name).as_(t), on=condition)
        .order_by(exp.column(_ROW, table=s))
        .limit(MAX_PROBLEMS)
    )
    shown = ", ".join(plan.shown.get(k, k) for k in table.key)
    return [
        Problem("problem.key_exists", _line(source, r[0]), shown, {"key": _key_text(r[1:]), "table": table.name})
        for r in con.execute(render(query)).fetchall()
    ]


def _rejected_rows(con, source: Source, tag: str) -> list[Problem]:
    """Rows the CSV reader could not split or decode, with the lines the reader reports."""
    rejects, scan = f"_kf_rejects_{tag}", f"_kf_scan_{tag}"
    reading = exp.select(exp.func("count", exp.Star())).from_(with_rejects(source.relation, tag))
    try:
        con.execute(render(reading)).fetchall()
        query = (
            exp.select("line", "column_name", "error_type", "csv_line", "error_message")
            .from_(rejects)
            .order_by("line")
            .limit(MAX_PROBLEMS)
        )
        rows = con.execute(render(query)).fetchall()
    except duckdb.Error as e:
        return [_engine_problem(e, source)]
    finally:
        _drop(con, rejects)
        _drop(con, scan)
    problems = []
    seen: set[tuple[int, str]] = set()
    for line, column, error_type, csv_line, message in rows:
        if (line, error_type) in seen:  # DuckDB records a short row once per missing column
            continue
        seen.add((line, error_type))
        if error_type in ("TOO MANY COLUMNS", "MISSING COLUMNS"):
            text = (csv_line or "").replace("\r", " ").replace("\n", " ")
            found = len(next(csv.reader([text], delimiter=source.delimiter), []))
            problems.append(Problem("problem.ragged", line, None, {"found": found, "expected": len(source.columns)}))
        elif "ENCODING" in error_type or "UNICODE" in error_type:
            problems.append(Problem("problem.encoding", line, None, {"encoding": source.encoding.upper(), "hint": "cp932"}))
        else:
            problems.append(Problem("problem.csv", line, column, {"detail": _first_line(message)}))
    return problems


def _engine_problem(error: duckdb.Error, source: Source) -> Problem:
    """Translate an engine error about the file into a problem with its line, if it has one."""
    text = str(error)
    if source.format in ("parquet", "jsonl"):  # the reader failed inside the file
        return damaged({"parquet": "Parquet", "jsonl": "JSON Lines"}[source.format], error, source.path)
    found = re.search(r"Line: (\d+)", text)
    line = int(found.group(1)) if found else None
    if "Invalid unicode" in text or "not utf-8 encoded" in text:
        return Problem("problem.encoding", line, None, {"encoding": source.encoding.upper(), "hint": "cp932"})
    # The sniffer's failures carry no line, and an over-long line is reported on line 1: find it.
    if source.text is not None and (line is None or "Maximum line size" in text or "sniffing" in text):
        located = locate_break(source.text, source.delimiter, source.header_line, len(source.columns))
        if located is not None:
            return located
        if "sniffing" in text:
            return Problem("problem.sniff")
    detail = re.sub(r"^[A-Za-z ]+Error: ", "", _first_line(error)).replace(str(source.text or source.path), source.path.name)
    return Problem("problem.csv", line, None, {"detail": detail})


def _first_line(error: object) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _warnings(con, stage: exp.Expression, table: Table, model: ModelFile, lang: str) -> list[str]:
    """Well-formed but suspicious rows: loaded, and said out loud."""
    out: list[str] = []
    names = {name for name, _ in describe(con, stage)}
    for col in table.columns:
        if col.allowed and not col.closed and col.name in names:
            c = exp.column(col.name, quoted=True)
            outside = exp.and_(c.is_(exp.null()).not_(), exp.In(this=c, expressions=[exp.convert(a) for a in col.allowed]).not_())
            query = (
                exp.select(c, exp.func("count", exp.Star()).as_("n"))
                .from_(stage)
                .where(outside)
                .group_by(c)
                .order_by(exp.Ordered(this=exp.column("n"), desc=True))
                .limit(5)
            )
            rows = con.execute(render(query)).fetchall()
            if rows:
                total = _count(con, stage, outside)
                shown = ", ".join(f"{v} ({n:,})" for v, n in rows)
                out.append(say("warn.unknown_values", lang, table=table.name, column=col.name, count=total, values=shown))
    if table.name == "deals" and {"closed_at", "created_at"} <= names:
        early = exp.LT(this=exp.column("closed_at"), expression=exp.column("created_at"))
        n = _count(con, stage, early)
        if n:
            example = con.execute(render(exp.select("deal_id").from_(stage).where(early).order_by("deal_id").limit(1))).fetchall()[
                0
            ][0]
            out.append(say("warn.closed_before_created", lang, count=n, example=example))
    now = dt.datetime.now(tz=_zone(model.timezone)).replace(tzinfo=None) + dt.timedelta(days=1)
    for col in table.columns:
        if col.type in ("timestamp", "date") and col.name in names:
            c = exp.column(col.name, quoted=True)
            future = exp.GT(
                this=exp.cast(c, "TIMESTAMP"), expression=exp.cast(exp.Literal.string(now.isoformat(sep=" ")), "TIMESTAMP")
            )
            n = _count(con, stage, future)
            if n:
                example = con.execute(render(exp.select(exp.func("max", c)).from_(stage))).fetchall()[0][0]
                out.append(say("warn.future", lang, table=table.name, column=col.name, count=n, example=example))
    return out


def _zone(name: str):
    from zoneinfo import ZoneInfo  # noqa: PLC0415  (stdlib, cheap)

    return ZoneInfo(name)


def _columns_of(con, table_name: str) -> list[str]:
    return [name for name, _ in describe(con, exp.to_table(table_name))]


def load_file(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    table: str,
    *,
    model: ModelFile,
    mode: Mode = "replace",
    mapping: MappingFile | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    lang: str = "en",
) -> LoadResult:
    """Load one file into one canonical table, all or nothing.

    Raises LoadError (listing every problem found, up to a limit) and leaves the database
    exactly as it was when the file cannot be loaded as a whole.
    """
    path = Path(path)
    target = canonical_table(table)
    if mode not in MODES:
        raise LoadError(say("load.mode", lang, mode=mode, modes=", ".join(MODES)))
    if mode == "upsert" and not target.key:
        raise LoadError(say("problem.no_key", lang, table=table))
    if not path.is_file():
        raise LoadError(say("load.not_found", lang, path=path))
    if mapping:
        check_targets(mapping, target)
    tag = f"{next(_counter)}"
    source: Source | None = None
    digest = _Digest(path)  # read beside the load; the journal asks for it last
    try:
        try:
            source = _open_source(con, path, mapping, encoding, sheet, tag)
        except duckdb.Error as e:  # a reader failing on the content while opening it (each format has its own)
            raise SourceRefused([Problem("problem.csv", values={"detail": _first_line(e)})]) from None
        plan, problems = _plan(source, target, mapping, lang)
        if problems:
            raise SourceRefused(problems)
        pipeline = _Pipeline(con, source, target, model, plan)
        load = _load_staged if target.key else _load_direct
        try:
            rows, table_rows, warnings = load(con, pipeline, mode, tag, lang, (path, digest))
        except duckdb.Error as failure:
            try:
                problems = _diagnose(con, pipeline, source, target, mode, tag)
            except duckdb.Error as second:
                problems = [_engine_problem(second, source)]
            raise SourceRefused(problems or [_engine_problem(failure, source)]) from None
        skipped = _skipped(con, source, plan)
        if skipped:
            warnings.append(say("warn.filtered", lang, count=skipped))
        return LoadResult(
            str(path), table, mode, source.format, source.encoding, digest.hexdigest(), rows, table_rows, list(plan.extras), warnings
        )
    except SourceRefused as refused:
        raise _refusal(path, refused.problems, lang) from None
    except OSError as e:  # unreadable, or gone while being read: nothing was written yet
        raise LoadError(say("load.unreadable", lang, file=path.name, reason=e.strerror or type(e).__name__)) from None
    finally:
        digest.cancel()
        if source is not None:
            source.close(con)


def _refusal(path: Path, problems: list[Problem], lang: str) -> LoadError:
    shown = problems[:MAX_PROBLEMS]
    lines = [say("load.refused", lang, file=path.name, count=len(problems))]
    lines += ["  " + p.render(lang) for p in shown]
    if len(problems) > len(shown):
        lines.append("  " + say("load.more", lang, count=len(problems) - len(shown)))
    return LoadError("\n".join(lines), problems)


def _has_duplicates(con, stage: str, table: Table) -> bool:
    keys = _key_columns(table)
    query = (
        exp.select(exp.func("count", exp.Star()))
        .from_(stage)
        .group_by(*keys)
        .having(exp.GT(this=exp.func("count", exp.Star()), expression=exp.convert(1)))
        .limit(1)
    )
    return con.execute(render(query)).fetchall() != []


def _collides(con, stage: str, table: Table) -> bool:
    condition = exp.and_(
        *[exp.EQ(this=exp.column(k, table="s", quoted=True), expression=exp.column(k, table="t", quoted=True)) for k in table.key]
    )
    query = exp.select("1").from_(exp.to_table(stage).as_("s")).join(exp.to_table(table.name).as_("t"), on=condition).limit(1)
    return con.execute(render(query)).fetchall() != []


def _skipped(con, source: Source, plan: _Plan) -> int:
    if plan.where is None:
        return 0
    total = con.execute(render(exp.select(exp.func("count", exp.Star())).from_(source.relation))).fetchall()[0][0]
    kept = con.execute(render(exp.select(exp.func("count", exp.Star())).from_(source.relation).where(plan.where))).fetchall()[0][0]
    return total - kept


def _load_staged(con, pipeline: _Pipeline, mode: str, tag: str, lang: str, file: tuple[Path, _Digest]) -> tuple[int, int, list[str]]:
    """Keyed tables: stage, check keys (within the file, and against the table on append), swap."""
    table = pipeline.table
    stage = f"_kf_stage_{tag}"
    try:
        con.execute(_temp_table(stage, pipeline.guarded(pipeline.source.relation)))
        rows = _count(con, stage)
        if rows == 0:
            raise SourceRefused([Problem("problem.empty")])
        if _has_duplicates(con, stage, table):
            raise duckdb.ConstraintException("duplicate key in file")
        if mode == "append" and _collides(con, stage, table):
            raise duckdb.ConstraintException("key already in table")
        warnings = _warnings(con, exp.to_table(stage), table, pipeline.model, lang)
        columns = [*pipeline.plan.sources, *pipeline.plan.extras]
        target = exp.to_table(table.name)
        with _transaction(con):
            _add_extras(con, table, pipeline.plan)
            if mode == "replace":
                con.execute(render(exp.delete(target.copy())))
            elif mode == "upsert":
                match = exp.and_(
                    *[
                        exp.EQ(
                            this=exp.column(k, table=table.name, quoted=True), expression=exp.column(k, table=stage, quoted=True)
                        )
                        for k in table.key
                    ]
                )
                con.execute(render(exp.delete(target.copy(), where=exp.Exists(this=exp.select("1").from_(stage).where(match)))))
            select = exp.select(*[exp.column(c, quoted=True) for c in columns]).from_(stage)
            con.execute(render(exp.insert(select, target.copy(), columns=[ident(c) for c in columns])))
            _journal(con, table, mode, rows, pipeline.source, file)
            total = _count(con, table.name)
    finally:
        _drop(con, stage)
    return rows, total, warnings


def _load_direct(con, pipeline: _Pipeline, mode: str, tag: str, lang: str, file: tuple[Path, _Digest]) -> tuple[int, int, list[str]]:
    """Tables without a key (touchpoints, costs, ...): parse straight into the table inside a
    transaction; a failing rule raises in the engine and the transaction is rolled back."""
    # A table without a key has no order that any analysis reads (each sorts what it needs), so
    # DuckDB may append the rows as its threads finish them: a quarter of a large load's time.
    # Only for this transaction (a setting, not transactional, so it is reset after it whatever
    # happened): the diagnostics number a refused file's lines in the order they were read.
    con.execute("SET preserve_insertion_order = false")
    try:
        return _insert_direct(con, pipeline, mode, lang, file)
    finally:
        con.execute("RESET preserve_insertion_order")


def _insert_direct(con, pipeline: _Pipeline, mode: str, lang: str, file: tuple[Path, _Digest]) -> tuple[int, int, list[str]]:
    table = pipeline.table
    target = exp.to_table(table.name)
    columns = [*pipeline.plan.sources, *pipeline.plan.extras]
    with _transaction(con):
        _add_extras(con, table, pipeline.plan)
        if mode == "replace":
            con.execute(render(exp.delete(target.copy())))
        first_new = con.execute(
            render(exp.select(exp.func("coalesce", exp.func("max", exp.column("rowid")) + 1, 0)).from_(target.copy()))
        ).fetchall()[0][0]
        guarded = pipeline.guarded(pipeline.source.relation)
        select = exp.select(*[exp.column(c, quoted=True) for c in columns], copy=False).from_(guarded.subquery("g", copy=False), copy=False)
        if pipeline.rules:
            select = select.where(exp.column(_GUARD).is_(exp.null()), copy=False)
        con.execute(render(exp.insert(select, target.copy(), columns=[ident(c) for c in columns])))
        new_rows = (
            exp.select(exp.Star())
            .from_(target.copy())
            .where(exp.GTE(this=exp.column("rowid"), expression=exp.convert(first_new)))
        )
        rows = _count_of(con, new_rows)
        if rows == 0:
            raise SourceRefused([Problem("problem.empty")])
        warnings = _warnings(con, new_rows.subquery("new_rows"), table, pipeline.model, lang)
        _journal(con, table, mode, rows, pipeline.source, file)
        total = _count(con, table.name)
    return rows, total, warnings


class _transaction:
    """BEGIN ... COMMIT, or ROLLBACK on any exception (the database is left as it was)."""

    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, kind, *_):
        self.con.execute("ROLLBACK" if kind else "COMMIT")
        return False


def _add_extras(con, table: Table, plan: _Plan) -> None:
    existing = set(_columns_of(con, table.name))
    for extra in plan.extras:
        if extra not in existing:
            con.execute(
                render(
                    exp.Alter(
                        this=exp.to_table(table.name),
                        kind="TABLE",
                        actions=[exp.ColumnDef(this=ident(extra), kind=exp.DataType.build("VARCHAR"))],
                    )
                )
            )


def _journal(con, table: Table, mode: str, rows: int, source: Source, file: tuple[Path, _Digest]) -> None:
    path, digest = file
    journal = exp.select(
        exp.cast(exp.Literal.string(dt.datetime.now().isoformat(sep=" ")), "TIMESTAMP"),
        exp.Literal.string(table.name),
        exp.Literal.string(path.name),
        exp.Literal.string(digest.hexdigest()),
        exp.convert(rows),
        exp.Literal.string(mode),
        exp.Literal.string(source.format),
        exp.Literal.string(source.encoding),
    )
    con.execute(render(exp.insert(journal, "_loads")))


def _count_of(con, query: exp.Select) -> int:
    return con.execute(render(exp.select(exp.func("count", exp.Star())).from_(query.subquery("q")))).fetchall()[0][0]


__all__ = ["MODES", "LoadResult", "load_file", "TOUCHPOINT_TYPES"]
