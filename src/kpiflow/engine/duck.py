"""DuckDB, embedded: connections and the DDL of the canonical tables.

SQL is built as SQLGlot expressions and rendered for DuckDB here, so that the same
expressions can later be rendered for Spark, BigQuery or Snowflake.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
from sqlglot import exp

from kpiflow.errors import KpiflowError
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
    config = {**_CONFIG, **(_SEALED if sealed else {})}
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


def sql(expression: exp.Expression) -> str:
    return expression.sql(dialect=DIALECT)


def timestamp(value: dt.datetime) -> exp.Expression:
    """A wall-clock timestamp literal (the workspace zone), as every engine spells it."""
    return exp.cast(exp.Literal.string(value.isoformat(sep=" ")), "TIMESTAMP")


def ident(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


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


def create_tables(con: duckdb.DuckDBPyConnection, lang: str = "en") -> None:
    """Create every canonical table (if missing) and the `_loads` journal.

    A workspace made by an earlier release gets the contract's newer (optional) columns added.
    """
    for table in TABLES.values():
        con.execute(sql(table_ddl(table)))
        present = {
            row[0]
            for row in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND database_name = current_database()",
                [table.name],
            ).fetchall()
        }
        for col in table.columns:
            if col.name not in present:
                con.execute(
                    sql(
                        exp.Alter(
                            this=exp.Table(this=ident(table.name)),
                            kind="TABLE",
                            actions=[exp.ColumnDef(this=ident(col.name), kind=exp.DataType.build(col.sql_type, dialect=DIALECT))],
                        )
                    )
                )
        for statement in table_comments(table, lang):
            con.execute(sql(statement))
    con.execute(sql(LOADS_DDL))


class EngineError(KpiflowError, RuntimeError):
    """The engine refused a query that kpiflow built: most often a condition comparing a column
    with a value of another type that only fails once the table has rows."""

    @classmethod
    def of(cls, error: duckdb.Error, lang: str = "en") -> EngineError:
        lines = str(error).strip().splitlines()
        detail = lines[0] if lines else type(error).__name__
        detail = detail if len(detail) <= 300 else detail[:299] + "…"
        message = say("engine.failed", lang, detail=detail)
        if isinstance(error, (duckdb.ConversionException, duckdb.BinderException)):
            message += " " + say("engine.condition_hint", lang)
        return cls(message)


def is_lock_conflict(error: Exception) -> bool:
    """Whether DuckDB refused to open a file because another process holds its write lock."""
    text = str(error).lower()
    return "could not set lock" in text or "conflicting lock" in text


def schema_behind(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database lacks a canonical table, a contract column or the `_loads` journal
    (a workspace made by an earlier release: `create_tables` brings it up to date)."""
    present: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database()"
    ).fetchall():
        present.setdefault(table, set()).add(column)
    if "_loads" not in present:
        return True
    return any(not set(t.column_names) <= present.get(t.name, set()) for t in TABLES.values())
