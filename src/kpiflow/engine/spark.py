"""Apache Spark through PySpark: `SparkEngine`, the engine of a workspace whose kpiflow.yaml says
`engine: {kind: spark, ...}` (issue 17, docs/scale.md).

The analyses' SQLGlot expressions are rendered in Spark's dialect and run with `spark.sql`. The
canonical tables are temp views over Parquet folders (as `kpiflow export --format parquet` writes
them) or catalog tables, cast to the contract's types, so that the names the analyses use resolve
and every table exists (a table the section does not list is an empty view, as in a new DuckDB
workspace).

The session is set up so that Spark's SQL means what DuckDB's does:
- `spark.sql.timestampType = TIMESTAMP_NTZ`: kpiflow's timestamps are wall-clock times of the
  workspace zone without an offset, DuckDB's TIMESTAMP; Parquet from DuckDB is read as such;
- `spark.sql.session.timeZone` = the model's zone, for whatever still converts;
- `spark.sql.ansi.enabled = true`: a bad cast fails instead of becoming NULL, as in DuckDB;
- partition columns are read as text (a month folder `month=2025-04` stays '2025-04').

PySpark is imported here only, when the first query runs: `import kpiflow` and every DuckDB
workspace stay as fast as before, and pyspark is an optional dependency (`pip install kpiflow[spark]`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import shutil
import threading
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlglot import exp

from kpiflow.engine.base import Engine, EngineError, Query, Result, Temporary
from kpiflow.errors import KpiflowError
from kpiflow.messages import say
from kpiflow.model.schema import TABLES

DIALECT = "spark"
# The month folders of an exported event table (kpiflow.io.export.PARTITION_COLUMN): how the files
# are laid out, not a column of the contract.
_PARTITION_COLUMNS = {"month"}

_SESSION_LOCK = threading.Lock()


class SparkUnavailableError(KpiflowError, RuntimeError):
    """PySpark is not installed, or Java cannot be found to start it."""

    exit_code = 2


def spark_type(sql_type: str) -> str:
    """A contract column's type (DuckDB's spelling) in Spark's."""
    return exp.DataType.build(sql_type, dialect="duckdb").sql(dialect=DIALECT)


def session_conf(timezone: str, conf: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The Spark settings kpiflow needs for DuckDB's semantics, then the model's own (which win)."""
    settings = {
        "spark.sql.session.timeZone": timezone,
        "spark.sql.timestampType": "TIMESTAMP_NTZ",
        "spark.sql.ansi.enabled": "true",
        "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
        "spark.ui.enabled": "false",  # a local run needs no web UI on a port
        "spark.ui.showConsoleProgress": "false",  # kpiflow prints its own output
    }
    settings.update({key: _conf_text(value) for key, value in (conf or {}).items()})
    return settings


def _conf_text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def start_session(master: str, conf: Mapping[str, str]):
    """The process's Spark session (started once: a JVM costs seconds), with `conf` applied."""
    try:
        from pyspark.sql import SparkSession  # noqa: PLC0415  (PySpark is optional and slow to import)
    except ImportError as e:
        raise SparkUnavailableError(say("spark.no_pyspark", "en")) from e
    if shutil.which("java") is None and not _java_home():
        raise SparkUnavailableError(say("spark.no_java", "en"))
    with _SESSION_LOCK:
        builder = SparkSession.builder.master(master).appName("kpiflow")
        for key, value in conf.items():
            builder = builder.config(key, value)
        session = builder.getOrCreate()
        for key, value in conf.items():  # an existing session takes the runtime settings too
            if not key.startswith(("spark.ui.", "spark.driver.", "spark.executor.", "spark.master")):
                session.conf.set(key, value)
        session.sparkContext.setLogLevel("ERROR")
        return session


def _java_home() -> bool:
    import os  # noqa: PLC0415

    home = os.environ.get("JAVA_HOME")
    return bool(home) and (Path(home) / "bin" / "java").exists()


def plain(value: Any) -> Any:
    """A Spark value as DuckDB's Python client gives it: whole decimals as int, others as float
    (Spark keeps DECIMAL through AVG where DuckDB returns DOUBLE), rows as tuples, lists as lists."""
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, tuple):  # pyspark.sql.Row is a tuple
        return tuple(plain(v) for v in value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class SparkEngine(Engine):
    """The analyses' engine on Spark: `tables` maps each canonical table to a Parquet file or
    folder (relative paths from `root`) or a catalog table; `master` and `conf` start the session.

    Errors Spark raises (an AnalysisException for SQL it refuses, a Py4J error from the JVM) come
    out as `EngineError` in `lang`.
    """

    dialect = DIALECT

    def __init__(
        self,
        tables: Mapping[str, str],
        *,
        master: str = "local[*]",
        conf: Mapping[str, Any] | None = None,
        timezone: str = "Asia/Tokyo",
        root: str | Path = ".",
        lang: str = "en",
        session: Any = None,
    ):
        self.tables = dict(tables)
        self.master = master
        self.conf = session_conf(timezone, conf)
        self.root = Path(root)
        self.lang = lang
        self._session = session
        self._columns: dict[str, list[str]] | None = None

    def __repr__(self) -> str:
        return f"SparkEngine(master={self.master!r}, tables={len(self.tables)})"

    @property
    def session(self):
        """The Spark session, started on first use, with every canonical table registered."""
        if self._session is None:
            self._session = start_session(self.master, self.conf)
        if self._columns is None:
            self._columns = self._register()
        return self._session

    def _register(self) -> dict[str, list[str]]:
        """A temp view per canonical table, named as the table, its columns cast to the contract's types."""
        spark = self._session
        found: dict[str, list[str]] = {}
        for name, table in TABLES.items():
            source = self.tables.get(name)
            try:
                frame = self._read(source) if source else spark.range(0)
                present = set(frame.columns) if source else set()
                select = [
                    f"CAST(`{c.name}` AS {spark_type(c.sql_type)}) AS `{c.name}`"
                    if c.name in present
                    else f"CAST(NULL AS {spark_type(c.sql_type)}) AS `{c.name}`"
                    for c in table.columns
                ]
                canonical = set(table.column_names)
                extras = [f"`{c}`" for c in frame.columns if source and c not in canonical and c not in _PARTITION_COLUMNS]
                frame.selectExpr(*select, *extras).createOrReplaceTempView(name)
            except Exception as e:  # AnalysisException (a path that is not there), Py4J errors
                raise EngineError(say("spark.table_failed", self.lang, table=name, source=source, detail=_first_line(e))) from e
            found[name] = [*table.column_names, *(c.strip("`") for c in extras)]
        return found

    def _read(self, source: str):
        path = Path(source) if Path(source).is_absolute() else self.root / source
        if path.exists() or "/" in source or "\\" in source or "://" in source:
            return self._session.read.parquet(str(path) if path.exists() else source)
        return self._session.table(source)  # a catalog table: db.table or catalog.db.table

    def render(self, query: Query) -> str:
        """Spark SQL for `query`, with the rewrites that keep DuckDB's meaning (text is taken as Spark's)."""
        if isinstance(query, str):
            return query
        return _spark_semantics(query.copy()).sql(dialect=DIALECT)

    def run(self, query: Query) -> Result:
        spark = self.session
        text = self.render(query)
        try:
            frame = spark.sql(text)
            rows = frame.collect()
            columns = tuple(frame.columns)
        except Exception as e:  # pyspark's AnalysisException, ParseException, Py4JJavaError ...
            raise _error(e, self.lang) from e
        return Result(columns, [tuple(plain(v) for v in row) for row in rows])

    def arrays(self, query: Query) -> Mapping[str, Any]:
        import numpy as np  # noqa: PLC0415

        result = self.run(query)
        out: dict[str, Any] = {}
        for i, name in enumerate(result.columns):
            values = [row[i] for row in result.rows]
            if values and all(v is None or isinstance(v, dt.datetime) for v in values):
                out[name] = np.array([np.datetime64("NaT") if v is None else np.datetime64(v, "us") for v in values])
            else:
                out[name] = np.array(values, dtype=object if any(isinstance(v, str) or v is None for v in values) else None)
        return out

    def columns(self) -> dict[str, list[str]]:
        self.session  # noqa: B018  (registers the tables)
        assert self._columns is not None
        return {name: list(cols) for name, cols in self._columns.items()}

    @contextmanager
    def temporary(self, query: exp.Query, prefix: str = "result") -> Iterator[Temporary]:
        # A cached temp view: computed once, read by the queries of the block, then released.
        spark = self.session
        name = f"_kpiflow_{prefix}_{uuid.uuid4().hex}"
        statement = self.render(exp.Create(this=exp.to_table(name), kind="VIEW", expression=query,
                                           properties=exp.Properties(expressions=[exp.TemporaryProperty()])))
        try:
            frame = spark.sql(self.render(query)).cache()
            frame.createOrReplaceTempView(name)
        except Exception as e:
            raise _error(e, self.lang) from e
        try:
            yield Temporary(name, statement)
        finally:
            spark.catalog.dropTempView(name)
            frame.unpersist()

    def stop(self) -> None:
        """Stop the Spark session (a later query starts a new one)."""
        if self._session is not None:
            self._session.stop()
            self._session = None
            self._columns = None


def _spark_semantics(tree: exp.Expression) -> exp.Expression:
    """Rewrite what SQLGlot renders for Spark with another meaning than DuckDB's:
    - QUANTILE_CONT(x, q), DuckDB's interpolated quantile, is Spark's PERCENTILE(x, q) (exact,
      interpolated), not PERCENTILE_CONT(x, q), which Spark only takes as WITHIN GROUP; likewise
      QUANTILE_DISC(x, q) is PERCENTILE_DISC(q) WITHIN GROUP (ORDER BY x);
    - DATE_TRUNC of a wall-clock timestamp returns Spark's zoned TIMESTAMP, which PySpark hands
      to Python in the zone of the Python process: cast back to a wall-clock timestamp;
    - WITH name AS [NOT] MATERIALIZED is DuckDB's planning hint, which Spark does not parse: Spark
      plans its common table expressions itself, so the hint is left out."""

    def rewrite(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.CTE) and node.args.get("materialized") is not None:
            node.set("materialized", None)
            return node
        if isinstance(node, exp.PercentileCont) and node.expression is not None:
            return exp.Anonymous(this="PERCENTILE", expressions=[node.this, node.expression])
        if isinstance(node, exp.PercentileDisc) and node.expression is not None:
            ordered = exp.Order(expressions=[exp.Ordered(this=node.this, nulls_first=False)])
            return exp.WithinGroup(this=exp.Anonymous(this="PERCENTILE_DISC", expressions=[node.expression]), expression=ordered)
        if isinstance(node, exp.TimestampTrunc) and not isinstance(node.parent, exp.Cast):
            return exp.cast(node, exp.DataType.build("TIMESTAMP_NTZ", dialect=DIALECT))
        return node

    return tree.transform(rewrite, copy=False)


def _first_line(error: BaseException) -> str:
    lines = [line for line in str(error).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def _error(error: BaseException, lang: str) -> EngineError:
    """A Spark error worded for people; an analysis error about a column or a type (Spark's
    AnalysisException) most often comes from a condition the user wrote."""
    condition = type(error).__name__ in ("AnalysisException", "NumberFormatException", "SparkNumberFormatException")
    return EngineError.of(RuntimeError(_first_line(error)), lang, condition=condition)
