"""Files for other tools: CSV that Excel on Japanese Windows opens correctly and safely, and the
canonical tables as Parquet for a data lake or a distributed engine (`kpiflow export --format parquet`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlglot import exp

from kpiflow.errors import KpiflowError
from kpiflow.messages import say
from kpiflow.model.schema import TABLES

# A cell beginning with one of these is run as a formula by Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: object) -> object:
    """A cell value a spreadsheet shows as written: formula-like text gets a leading apostrophe,
    times are 'YYYY-MM-DD HH:MM:SS', None is empty. Numbers are left alone."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """UTF-8 with a byte-order mark (so Excel reads Japanese text), every cell made excel_safe."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        _write(f, header, rows)
    return path


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The same CSV as `write_csv`, as text starting with the byte-order mark (for a download)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    _write(buffer, header, rows)
    return buffer.getvalue()


def _write(f, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    writer = csv.writer(f)
    writer.writerow([excel_safe(h) for h in header])
    writer.writerows([excel_safe(v) for v in row] for row in rows)


# --- Parquet: a workspace's canonical tables as a folder a lake or Spark reads -------------------

# Event tables grow without bound: each is split into one Hive-style folder per month of its time
# column (touchpoints/month=2025-04/...), so an engine reading one period skips the others' files.
PARTITIONED: dict[str, str] = {"touchpoints": "occurred_at"}
PARTITION_COLUMN = "month"


class ExportError(KpiflowError, OSError):
    """An export could not be written; nothing was left in its place."""

    exit_code = 2


@dataclass(frozen=True)
class ParquetExport:
    """Where the tables were written (one folder per table) and how many rows each has."""

    folder: Path
    rows: dict[str, int]

    def path(self, table: str) -> Path:
        return self.folder / table

    def to_dict(self) -> dict[str, object]:
        return {
            "folder": str(self.folder),
            "tables": {name: {"path": str(self.path(name)), "rows": n, "partitioned_by": PARTITION_COLUMN if name in PARTITIONED else None}
                       for name, n in self.rows.items()},
        }


def export_parquet(database: str | Path, out: str | Path, *, lang: str = "en") -> ParquetExport:
    """Write every canonical table of `database` under `out` as Parquet, all or nothing.

    Each table goes to `out/<table>/`; touchpoints are partitioned by the month of their time
    (wall clock of the workspace zone, as stored). The tables are written into a hidden folder
    beside `out` and renamed at the end, so a failure leaves no half export behind. `out` must
    not exist yet or be an empty folder.

    The workspace's own connections are sealed (no file access), so this opens a separate
    in-memory DuckDB that may write files and attaches the database read-only: an export takes
    no write lock and runs beside a dashboard.
    """
    import duckdb  # noqa: PLC0415  (the driver loads only for an export, not for a CSV)

    from kpiflow.engine import duck  # noqa: PLC0415

    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportError(say("export.out_not_empty", lang, path=out))
    staging = out.parent / f".{out.name}.partial-{uuid.uuid4().hex[:8]}"
    con = duck.connect(None, files=True)
    try:
        con.execute(f"ATTACH {_literal(database)} AS workspace (READ_ONLY)")
        staging.mkdir(parents=True)
        rows: dict[str, int] = {}
        for name in TABLES:
            source = exp.table_(name, db="workspace", quoted=True)
            rows[name] = con.execute(duck.sql(exp.select(exp.func("count", exp.Star())).from_(source))).fetchone()[0]
            folder = staging / name
            time_column = PARTITIONED.get(name)
            if time_column and rows[name]:
                month = exp.func("strftime", exp.column(time_column, quoted=True), exp.Literal.string("%Y-%m"))
                query = exp.select(exp.Star(), exp.alias_(month, PARTITION_COLUMN, quoted=True)).from_(source)
                con.execute(f"COPY ({duck.sql(query)}) TO {_literal(folder)} (FORMAT parquet, PARTITION_BY ({PARTITION_COLUMN}))")
            else:
                # An empty table still gets a file: its schema is what an engine reads.
                folder.mkdir()
                con.execute(f"COPY {duck.sql(source)} TO {_literal(folder / f'{name}.parquet')} (FORMAT parquet)")
        if out.exists():
            out.rmdir()
        staging.rename(out)
    except (duckdb.Error, OSError) as e:
        raise ExportError(say("export.failed", lang, path=out, detail=str(e).strip().splitlines()[0])) from e
    finally:
        con.close()
        shutil.rmtree(staging, ignore_errors=True)
    return ParquetExport(out.resolve(), rows)


def read_parquet_table(folder: str | Path) -> str:
    """The DuckDB table function that reads one exported table back (its month folders as Hive partitions)."""
    pattern = str(Path(folder) / "**" / "*.parquet")
    return f"read_parquet({_literal(pattern)}, hive_partitioning = true)"


def _literal(value: str | Path) -> str:
    return exp.Literal.string(str(value)).sql(dialect="duckdb")



def exported_tables(folder: str | Path) -> dict[str, str]:
    """canonical table -> its folder, for each table `export_parquet` wrote under `folder`."""
    folder = Path(folder).resolve()
    return {name: str(folder / name) for name in TABLES if (folder / name).is_dir() and any((folder / name).rglob("*.parquet"))}


def engine_section(tables: dict[str, str], *, master: str = "local[*]") -> str:
    """The `engine:` section of kpiflow.yaml that points Spark at these tables (`kpiflow init --engine spark`)."""
    lines = [
        "engine:                   # 分析を実行するエンジン / where the analyses run (docs/scale.md)",
        "  kind: spark",
        f"  master: {_yaml_text(master)}         # spark://host:7077, yarn, ... for a cluster",
        "  conf: {}                 # e.g. {spark.sql.shuffle.partitions: 8}",
        "  tables:                  # canonical table -> Parquet folder or catalog table (db.table)",
    ]
    lines += [f"    {name}: {_yaml_text(path)}" for name, path in tables.items()]
    return "\n".join(lines) + "\n"


def _yaml_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string, quoted and escaped
