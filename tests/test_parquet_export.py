"""`kpiflow export --format parquet`: every canonical table as Parquet, touchpoints by month,
read back by DuckDB with the same rows and the same values; all or nothing (issue 17)."""

from __future__ import annotations

import json
import re

import duckdb
import pytest
from typer.testing import CliRunner

from conftest import copy_demo
from kpiflow.cli import app
from kpiflow.errors import ModelError
from kpiflow.io.export import ExportError, export_parquet, read_parquet_table
from kpiflow.model.config import parse_model, read_model
from kpiflow.model.schema import TABLES

runner = CliRunner()


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The small demo and its export, written through the CLI (as a user would)."""
    root = tmp_path_factory.mktemp("parquet")
    ws, rows = copy_demo(root / "demo", size="small", lang="en")
    ws.close()
    result = runner.invoke(app, ["export", "--format", "parquet", "--out", str(root / "lake"), "-w", str(root / "demo"), "--json"])
    assert result.exit_code == 0, result.output
    return root, rows, json.loads(result.output)


def _both(root, query: str) -> tuple[list, list]:
    """`query` over the workspace database and over the export ({t} stands for table t)."""
    db = duckdb.connect(str(root / "demo" / "kpiflow.duckdb"), read_only=True)
    try:
        original = db.execute(query.format(**{t: t for t in TABLES})).fetchall()
    finally:
        db.close()
    lake = duckdb.connect()
    try:
        copied = lake.execute(query.format(**{t: read_parquet_table(root / "lake" / t) for t in TABLES})).fetchall()
    finally:
        lake.close()
    return original, copied


def test_every_table_comes_back_with_its_rows(exported):
    root, rows, report = exported
    assert set(report["tables"]) == set(TABLES)
    assert {t: v["rows"] for t, v in report["tables"].items()} == rows
    for table in TABLES:
        original, copied = _both(root, f"SELECT count(*) FROM {{{table}}}")
        assert copied == original == [(rows[table],)], table
    assert rows["touchpoints"] > 0 and rows["deals"] > 0


def test_values_and_types_survive_the_round_trip(exported):
    root, _, _ = exported
    # Money stays exact (DECIMAL), timestamps stay wall-clock, text and NULLs stay as they were.
    queries = [
        "SELECT sum(amount), count(amount), min(created_at), max(closed_at), count(DISTINCT owner) FROM {deals}",
        "SELECT outcome, count(*), sum(amount) FROM {deals} GROUP BY ALL ORDER BY ALL",
        "SELECT count(DISTINCT contact_id), count(anonymous_id), sum(dwell_seconds), min(occurred_at), max(occurred_at) FROM {touchpoints}",
        "SELECT entity, stage, count(*) FROM {stage_history} GROUP BY ALL ORDER BY ALL",
    ]
    for query in queries:
        original, copied = _both(root, query)
        assert copied == original, query


def test_touchpoints_are_split_by_the_month_they_happened_in(exported):
    root, rows, report = exported
    assert report["tables"]["touchpoints"]["partitioned_by"] == "month"
    folders = sorted(p.name for p in (root / "lake" / "touchpoints").iterdir())
    lake = duckdb.connect()
    try:
        # Each folder holds exactly the events of its month (read without partition discovery).
        for folder in folders:
            month = folder.removeprefix("month=")
            got = lake.execute(
                f"SELECT count(*), count(*) FILTER (WHERE strftime(occurred_at, '%Y-%m') <> '{month}') "
                f"FROM read_parquet('{root / 'lake' / 'touchpoints' / folder}/*.parquet', hive_partitioning = false)"
            ).fetchone()
            assert got[0] > 0 and got[1] == 0, folder
    finally:
        lake.close()
    original, _ = _both(root, "SELECT DISTINCT strftime(occurred_at, '%Y-%m') FROM {touchpoints} ORDER BY 1")
    assert folders == [f"month={m}" for (m,) in original]


def test_an_empty_table_still_has_a_file_with_its_columns(exported):
    root, rows, _ = exported
    empty = [t for t, n in rows.items() if n == 0]
    lake = duckdb.connect()
    try:
        for table in empty or ["touchpoints"]:
            names = [r[0] for r in lake.execute(f"DESCRIBE SELECT * FROM {read_parquet_table(root / 'lake' / table)}").fetchall()]
            assert set(TABLES[table].column_names) <= set(names), table
    finally:
        lake.close()


def test_an_existing_folder_with_files_is_refused_and_left_alone(exported, tmp_path):
    root, _, _ = exported
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("mine")
    with pytest.raises(ExportError, match="not empty"):
        export_parquet(root / "demo" / "kpiflow.duckdb", taken)
    assert [p.name for p in taken.iterdir()] == ["keep.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]  # no staging folder left behind
    result = runner.invoke(app, ["export", "--format", "parquet", "--out", str(taken), "-w", str(root / "demo"), "--lang", "ja"])
    assert result.exit_code == 2 and "空ではありません" in result.output and "Traceback" not in result.output


def test_a_failed_export_leaves_nothing(tmp_path):
    # Not a DuckDB database: attaching fails before anything is written.
    bogus = tmp_path / "kpiflow.duckdb"
    bogus.write_text("not a database")
    with pytest.raises(ExportError, match="nothing was written"):
        export_parquet(bogus, tmp_path / "lake")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kpiflow.duckdb"]


def test_an_unknown_format_names_the_choices(exported):
    root, _, _ = exported
    result = runner.invoke(app, ["export", "--format", "parket", "--out", str(root / "x"), "-w", str(root / "demo")])
    assert result.exit_code != 0 and "parquet" in result.output and "Traceback" not in result.output


def test_init_with_spark_points_the_model_at_the_exported_folders(exported, tmp_path):
    root, _, _ = exported
    result = runner.invoke(app, ["init", str(tmp_path / "lake-ws"), "--engine", "spark", "--tables", str(root / "lake"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    model = read_model(tmp_path / "lake-ws" / "kpiflow.yaml")
    assert model.engine.kind == "spark" and model.engine.master == "local[*]"
    assert model.engine.tables == {t: str((root / "lake" / t).resolve()) for t in TABLES}
    assert not (tmp_path / "lake-ws" / "kpiflow.duckdb").exists()  # the data stays in the lake


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--engine", "spark"], "--tables"),
        (["--engine", "spork", "--tables", "."], "did you mean 'spark'"),
        (["--engine", "spark", "--tables", "."], "no exported table"),
    ],
)
def test_init_with_spark_refuses_what_it_cannot_use(tmp_path, args, expected):
    result = runner.invoke(app, ["init", str(tmp_path / "ws"), *args, "--lang", "en"])
    assert result.exit_code != 0 and expected in result.output and "Traceback" not in result.output
    assert not (tmp_path / "ws" / "kpiflow.yaml").exists()


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("engine:\n  kind: spork\n", "kpiflow.yaml:3:3: engine.kind: Input should be 'duckdb' or 'spark'"),
        ("engine:\n  kind: spark\n  tables:\n    toochpoints: lake/tp\n", "unknown table 'toochpoints' (did you mean 'touchpoints'?)"),
        ("engine:\n  kind: spark\n", "engine kind spark needs tables"),
    ],
)
def test_the_engine_section_is_checked_with_its_line(section, expected):
    with pytest.raises(ModelError, match=re.escape(expected)):
        parse_model("kpiflow: 1\n" + section)
