"""DuckDB, embedded: connections, the DDL of the canonical tables, and `DuckEngine`, the
engine the analyses run on by default (`kpiflow.engine.base`).

SQL is built as SQLGlot expressions and rendered for DuckDB here, so that the same
expressions can later be rendered for Spark, BigQuery or Snowflake.
"""

from __future__ import annotations

import functools
import os
import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
from sqlglot import exp

from kpiflow.engine import base
from kpiflow.engine.base import Engine, Query, Result, Temporary, ident
from kpiflow.engine.base import timestamp as timestamp  # re-exported: callers older than the seam import it here
from kpiflow.errors import SettingError
from kpiflow.messages import say
from kpiflow.model.schema import TABLES, Table

DIALECT = "duckdb"

# Nothing may be downloaded at run time: users sit behind firewalls.
_CONFIG = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
# A sealed database reaches nothing outside itself (files, network, extensions), and its
# configuration is locked so that no statement can undo that; only the progress bar, which
# every caller silences, stays switchable.
_SEALED = {
    "enable_external_access": False,
    "allowed_configs": ["enable_progress_bar"],
    "lock_configuration": True,
}


_MEMORY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", re.IGNORECASE)
_BYTES = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12, "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}
# Bounds a value must keep to be a setting and not a mistake: more threads than this only makes
# DuckDB start them for minutes; below this much memory it cannot pin the blocks a query reads.
MAX_THREADS = 256
MIN_MEMORY = 100 * 10**6


def settings(lang: str = "en") -> dict[str, object]:
    """DuckDB settings a user may give kpiflow through the environment, for a shared server or a
    small laptop: KPIFLOW_THREADS (DuckDB uses every core by default) and KPIFLOW_MEMORY_LIMIT
    (80% of the machine's memory by default; beyond it DuckDB spills to disk where it can)."""
    chosen: dict[str, object] = {}
    threads = os.environ.get("KPIFLOW_THREADS", "").strip()
    if threads:
        if not threads.isdigit() or not 1 <= int(threads) <= MAX_THREADS:
            raise SettingError.worded(lambda lang: say("setting.threads", lang, value=threads), lang)
        chosen["threads"] = int(threads)
    memory = os.environ.get("KPIFLOW_MEMORY_LIMIT", "").strip()
    if memory:
        found = _MEMORY.match(memory)
        if not found or float(found[1]) * _BYTES[found[2].lower()] < MIN_MEMORY:
            raise SettingError.worded(lambda lang: say("setting.memory_limit", lang, value=memory), lang)
        chosen["memory_limit"] = memory.replace(" ", "")
    return chosen


def connect(path: str | Path | None = None, *, read_only: bool = False, files: bool | None = None) -> duckdb.DuckDBPyConnection:
    """Open (or create) the workspace database; `None` gives an in-memory database.

    `files` says whether SQL on this connection may reach anything outside the database: files
    (read_csv, read_text, COPY, ATTACH), the network and extensions. Only loading needs them,
    and loading writes, so by default only a writable connection to a database file has them;
    every other connection (each read-only one, which is what analyses open) is sealed, so that
    even a condition that slipped past the condition language (kpiflow.model.conditions) could
    read nothing but the database.
    """
    database = ":memory:" if path is None else str(path)
    sealed = not (files if files is not None else (path is not None and not read_only))
    config = {**_CONFIG, **settings(), **(_SEALED if sealed else {})}
    con = duckdb.connect(database, read_only=read_only, config=config)
    # kpiflow prints its own output: DuckDB's progress bar would scribble over tables and JSON.
    con.execute("SET enable_progress_bar = false")
    return con


def is_sealed(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the connection's database is cut off from files and its configuration locked."""
    found = dict(
        con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration')"
        ).fetchall()
    )
    return found == {"enable_external_access": "false", "lock_configuration": "true"}


def sql(expression: exp.Expression, *, copy: bool = True) -> str:
    """DuckDB SQL for `expression`. SQLGlot copies the tree first because its generator may
    rewrite parts of it; `copy=False` is for a tree built for this one statement and dropped."""
    return expression.sql(dialect=DIALECT, copy=copy)


def table_ddl(table: Table, name: str | None = None, *, temporary: bool = False) -> exp.Create:
    """CREATE TABLE for a canonical table, typed and keyed as the contract says."""
    columns: list[exp.Expression] = []
    for col in table.columns:
        constraints = []
        if col.required:
            constraints.append(exp.ColumnConstraint(kind=exp.NotNullColumnConstraint()))
        columns.append(
            exp.ColumnDef(
                this=ident(col.name),
                kind=exp.DataType.build(col.sql_type, dialect=DIALECT),
                constraints=constraints,
            )
        )
    if table.key:
        columns.append(exp.PrimaryKey(expressions=[exp.Ordered(this=ident(k)) for k in table.key]))
    schema = exp.Schema(this=exp.Table(this=ident(name or table.name)), expressions=columns)
    properties = exp.Properties(expressions=[exp.TemporaryProperty()]) if temporary else None
    return exp.Create(this=schema, kind="TABLE", exists=True, properties=properties)


def _comment(kind: str, target: exp.Expression, text: str) -> exp.Comment:
    return exp.Comment(this=target, kind=kind, expression=exp.Literal.string(text))


def table_comments(table: Table, lang: str = "en") -> list[exp.Expression]:
    """COMMENT ON statements that document the table and each column in the database itself."""
    grain = table.grain_ja if lang == "ja" else table.grain_en
    statements: list[exp.Expression] = [_comment("TABLE", exp.Table(this=ident(table.name)), grain)]
    for col in table.columns:
        doc = col.doc_ja if lang == "ja" else col.doc_en
        if col.allowed:
            doc += " [" + ", ".join(col.allowed) + "]"
        target = exp.Column(this=ident(col.name), table=ident(table.name))
        statements.append(_comment("COLUMN", target, doc))
    return statements


LOADS_DDL = exp.Create(
    this=exp.Schema(
        this=exp.Table(this=ident("_loads")),
        expressions=[
            exp.ColumnDef(this=ident(name), kind=exp.DataType.build(kind, dialect=DIALECT))
            for name, kind in (
                ("loaded_at", "TIMESTAMP"),
                ("table_name", "VARCHAR"),
                ("file_name", "VARCHAR"),
                ("sha256", "VARCHAR"),
                ("rows", "BIGINT"),
                ("mode", "VARCHAR"),
                ("source_format", "VARCHAR"),
                ("encoding", "VARCHAR"),
            )
        ],
    ),
    kind="TABLE",
    exists=True,
)


@functools.cache
def _table_script(name: str, lang: str) -> str:
    """CREATE TABLE IF NOT EXISTS and the COMMENT ONs of one canonical table, as one script
    (rendered once per process: a workspace is created in milliseconds, not a tenth of a second)."""
    table = TABLES[name]
    return ";\n".join(sql(s) for s in [table_ddl(table), *table_comments(table, lang)])


def _present_columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Table -> the columns the database holds (what `create_tables` and `schema_behind` compare with the contract)."""
    present: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database()"
    ).fetchall():
        present.setdefault(table, set()).add(column)
    return present


def create_tables(con: duckdb.DuckDBPyConnection, lang: str = "en") -> None:
    """Create every canonical table (if missing) and the `_loads` journal.

    A workspace made by an earlier release gets the contract's newer (optional) columns added.
    One transaction: all of it or nothing, and one commit instead of one per statement (which
    made creating a workspace twice as slow).
    """
    present = _present_columns(con)
    con.execute("BEGIN TRANSACTION")
    try:
        for table in TABLES.values():
            for col in table.columns:
                if table.name in present and col.name not in present[table.name]:
                    con.execute(
                        sql(
                            exp.Alter(
                                this=exp.Table(this=ident(table.name)),
                                kind="TABLE",
                                actions=[exp.ColumnDef(this=ident(col.name), kind=exp.DataType.build(col.sql_type, dialect=DIALECT))],
                            )
                        )
                    )
            con.execute(_table_script(table.name, lang))  # after the new columns: their comments need them
        con.execute(sql(LOADS_DDL))
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


class EngineError(base.EngineError):
    """A DuckDB error worded for people (`kpiflow.engine.base.EngineError`, which analyses catch)."""

    @classmethod
    def of(cls, error: BaseException, lang: str = "en", *, condition: bool | None = None) -> EngineError:
        """`error` in the user's language; a conversion or binder error (a value of the wrong
        type, an unknown column) most often comes from a condition the user wrote."""
        if condition is None:
            condition = isinstance(error, (duckdb.ConversionException, duckdb.BinderException))
        return super().of(error, lang, condition=condition)  # type: ignore[return-value]


class DuckEngine(Engine):
    """The analyses' engine over one DuckDB connection (the workspace's, or an in-memory one).

    Every DuckDB error a query raises comes out as an `EngineError` in `lang`.
    """

    dialect = DIALECT

    def __init__(self, con: duckdb.DuckDBPyConnection, *, lang: str = "en"):
        self.con = con
        self.lang = lang

    def __repr__(self) -> str:
        return f"DuckEngine({self.con!r})"

    asof_join = True

    def first_in_group(self, value: exp.Expression, order: list[exp.Ordered]) -> exp.Expression:
        """ARG_MIN_NULL over a CREATE_SORT_KEY of the order: one aggregate, no window, and a NULL
        value kept (ARG_MIN skips it)."""
        keys: list[exp.Expression] = []
        for key in order:
            direction = "DESC" if key.args.get("desc") else "ASC"
            nulls = "NULLS FIRST" if key.args.get("nulls_first") else "NULLS LAST"
            keys += [key.this.copy(), exp.Literal.string(f"{direction} {nulls}")]
        return exp.Anonymous(this="ARG_MIN_NULL", expressions=[value.copy(), exp.Anonymous(this="CREATE_SORT_KEY", expressions=keys)])

    def run(self, query: Query) -> Result:
        try:
            cursor = self.con.execute(self.render(query))
            description = cursor.description or []
            return Result(tuple(d[0] for d in description), cursor.fetchall() if description else [])
        except duckdb.Error as e:
            raise EngineError.of(e, self.lang) from e

    def arrays(self, query: Query) -> Mapping[str, Any]:
        try:
            return self.con.execute(self.render(query)).fetchnumpy()
        except duckdb.Error as e:
            raise EngineError.of(e, self.lang) from e

    def columns(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for table, column in self.run(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE database_name = current_database() ORDER BY table_name, column_index"
        ):
            found.setdefault(table, []).append(column)
        return found

    @contextmanager
    def temporary(self, query: exp.Query, prefix: str = "result") -> Iterator[Temporary]:
        name = f"_kpiflow_{prefix}_{uuid.uuid4().hex}"
        create = exp.Create(
            this=exp.to_table(name),
            kind="TABLE",
            expression=query,
            properties=exp.Properties(expressions=[exp.TemporaryProperty()]),
        )
        statement = self.render(create)
        self.run(statement)
        try:
            yield Temporary(name, statement)
        finally:
            self.run(exp.Drop(tables=[exp.to_table(name)], kind="TABLE", exists=True))


def is_lock_conflict(error: Exception) -> bool:
    """Whether DuckDB refused to open a file because another process holds its write lock."""
    text = str(error).lower()
    return "could not set lock" in text or "conflicting lock" in text


def schema_behind(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database lacks a canonical table, a contract column or the `_loads` journal
    (a workspace made by an earlier release: `create_tables` brings it up to date)."""
    present = _present_columns(con)
    if "_loads" not in present:
        return True
    return any(not set(t.column_names) <= present.get(t.name, set()) for t in TABLES.values())
