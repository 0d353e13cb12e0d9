"""Same numbers on Spark: every registered analysis runs on DuckDB and on Spark local mode over the
same exported small demo, and every value agrees (counts exact, other numbers to 1e-9 relative);
the dialect traps issue 17 names are pinned on hand-made rows (issue 17, docs/scale.md).

Spark starts once per test session (a JVM costs seconds). Without PySpark or Java these tests skip
with the reason.
"""

from __future__ import annotations

import datetime as dt
import difflib
import importlib.util
import json
import math
import os
import re
import shutil
import time
from pathlib import Path

import pytest
import sqlglot
from typer.testing import CliRunner

from conftest import copy_demo
from kpiflow.analysis.registry import ANALYSES
from kpiflow.cli import app
from kpiflow.engine.base import EngineError
from kpiflow.engine.duck import DuckEngine
from kpiflow.errors import KpiflowError
from kpiflow.io.export import engine_section, export_parquet, exported_tables

_JAVA = shutil.which("java") or (os.environ.get("JAVA_HOME") and Path(os.environ["JAVA_HOME"], "bin", "java").exists())
pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(importlib.util.find_spec("pyspark") is None, reason="pyspark is not installed (pip install 'kpiflow[spark]')"),
    pytest.mark.skipif(not _JAVA, reason="Java is not found (Spark needs Java 17: install it or set JAVA_HOME)"),
    # PySpark's own modules still use APIs Python deprecates; kpiflow's warnings stay errors.
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
]

# Analyses Spark still refuses, with the reason found (the list only shrinks: a test fails when
# one of them starts to run, so that it is then compared value by value).
NOT_YET_ON_SPARK = {
}
# Fields that are meant to differ by engine: the dictionary shows each metric's SQL in the engine's dialect.
ENGINE_TEXT = {"sql"}
TIMINGS: dict[str, float] = {}


@pytest.fixture(scope="session")
def engines(tmp_path_factory):
    """(DuckDB workspace, Spark workspace) over the same small demo: the Spark one reads its export."""
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    root = tmp_path_factory.mktemp("spark")
    duck_ws, _ = copy_demo(root / "demo", size="small", lang="en")
    duck_ws.close()
    export_parquet(root / "demo" / "kpiflow.duckdb", root / "lake")
    (root / "lake-ws").mkdir()
    model = (root / "demo" / "kpiflow.yaml").read_text(encoding="utf-8")
    (root / "lake-ws" / "kpiflow.yaml").write_text(model + "\n" + engine_section(exported_tables(root / "lake"), master="local[2]"), encoding="utf-8")
    shutil.copy(root / "demo" / "hypotheses.yaml", root / "lake-ws")  # the demo's register of hypotheses (issue 22)
    started = time.perf_counter()
    spark_ws = open_workspace(root / "lake-ws")  # checks the model against Spark's columns: starts the session
    TIMINGS["session start"] = time.perf_counter() - started
    duck_ws = open_workspace(root / "demo")
    yield duck_ws, spark_ws
    duck_ws.close()
    spark_ws.engine.stop()
    for name, seconds in TIMINGS.items():
        print(f"spark timing: {name}: {seconds:.2f} s")


def _same(duck, spark, where: str = "") -> None:
    """Every value of two results' dicts agrees: counts and text exactly, other numbers to 1e-9."""
    if isinstance(duck, dict):
        assert isinstance(spark, dict) and list(duck) == list(spark), where
        for key in duck:
            if key in ENGINE_TEXT:
                assert isinstance(spark[key], str) and spark[key], f"{where}.{key}"
                continue
            _same(duck[key], spark[key], f"{where}.{key}")
    elif isinstance(duck, (list, tuple)):
        assert isinstance(spark, (list, tuple)) and len(duck) == len(spark), f"{where}: {len(duck)} vs {len(spark)}"
        for i, (a, b) in enumerate(zip(duck, spark, strict=True)):
            _same(a, b, f"{where}[{i}]")
    elif isinstance(duck, bool) or duck is None or isinstance(duck, str):
        assert spark == duck, f"{where}: {duck!r} on DuckDB, {spark!r} on Spark"
    elif isinstance(duck, int) and isinstance(spark, int):
        assert spark == duck, f"{where}: {duck} on DuckDB, {spark} on Spark"
    elif isinstance(duck, (int, float)):
        assert isinstance(spark, (int, float)) and not isinstance(spark, bool), f"{where}: {duck!r} vs {spark!r}"
        if math.isnan(duck):
            assert math.isnan(spark), where
        else:
            assert spark == pytest.approx(duck, rel=1e-9, abs=1e-12), f"{where}: {duck} on DuckDB, {spark} on Spark"
    else:
        assert spark == duck, f"{where}: {duck!r} vs {spark!r}"


@pytest.mark.parametrize("name", [a.name for a in ANALYSES])
def test_every_analysis_gives_the_same_numbers_on_spark(engines, name):
    duck_ws, spark_ws = engines
    entry = next(a for a in ANALYSES if a.name == name)
    try:
        expected = entry.run(duck_ws).to_dict()
    except KpiflowError as refusal:  # the small demo does not allow it (a fit needs 100 positives): Spark says the same
        with pytest.raises(KpiflowError) as on_spark:
            entry.run(spark_ws)
        assert str(on_spark.value) == str(refusal)
        return
    if name in NOT_YET_ON_SPARK:
        try:
            entry.run(spark_ws)
        except KpiflowError:  # EngineError, or the analysis's own wording of it
            pytest.xfail(NOT_YET_ON_SPARK[name])
        pytest.fail(f"{name} now runs on Spark: remove it from NOT_YET_ON_SPARK so its numbers are compared")
    started = time.perf_counter()
    got = entry.run(spark_ws).to_dict()
    TIMINGS[name] = time.perf_counter() - started
    _same(expected, got, name)


def test_the_touchpoint_funnel_gives_the_same_numbers_on_spark(engines):
    # An ordered 3-step funnel with a 30-day window: Spark has no ASOF JOIN, so it runs the
    # portable plan (range joins, ROW_NUMBER), tests/test_touch_funnel.py pins it to DuckDB's.
    duck_ws, spark_ws = engines
    steps = ["type = 'booth_visit'", "type = 'demo'", "type = 'inquiry'"]
    expected = duck_ws.touch_funnel(steps, within="30d").to_dict()
    assert expected["steps"][1]["reached"] > 0  # demos follow booth visits: the step joins find rows
    started = time.perf_counter()
    got = spark_ws.touch_funnel(steps, within="30d").to_dict()
    TIMINGS["touch_funnel"] = time.perf_counter() - started
    _same(expected, got, "touch_funnel")


# --- dialect traps, on rows written out by hand ------------------------------------------------

ROWS = "(VALUES (1, 7, CAST('2025-03-31 23:30:00' AS TIMESTAMP)), (2, 2, NULL), (3, NULL, CAST('2025-04-01 00:30:00' AS TIMESTAMP)), (4, 10, NULL)) AS t(id, x, at)"


def _both(engines, duckdb_sql: str) -> tuple[list, list]:
    """A query written in DuckDB's SQL, parsed by SQLGlot once and run on both engines."""
    duck_ws, spark_ws = engines
    tree = sqlglot.parse_one(duckdb_sql, read="duckdb")
    return duck_ws.engine.run(tree.copy()).rows, spark_ws.engine.run(tree.copy()).rows


def test_integer_division_is_exact_division_on_both(engines):
    duck, spark = _both(engines, "SELECT 7 / 2, 7 // 2, CAST(7 AS BIGINT) / CAST(2 AS BIGINT)")
    assert duck == spark == [(3.5, 3, 3.5)]


def test_nulls_sort_last_on_both_ascending_and_descending(engines):
    duck, spark = _both(engines, f"SELECT x FROM {ROWS} ORDER BY x")
    assert duck == spark == [(2,), (7,), (10,), (None,)]
    duck, spark = _both(engines, f"SELECT x FROM {ROWS} ORDER BY x DESC")
    assert duck == spark == [(10,), (7,), (2,), (None,)]


def test_medians_and_quartiles_interpolate_on_both(engines):
    # x = 2, 7, 10 (NULL ignored): median 7; quartiles interpolate to 4.5 and 8.5; the discrete median is 7.
    duck, spark = _both(engines, f"SELECT MEDIAN(x), QUANTILE_CONT(x, 0.25), QUANTILE_CONT(x, 0.75), QUANTILE_DISC(x, 0.5) FROM {ROWS}")
    assert duck == spark == [(7.0, 4.5, 8.5, 7)]


def test_timestamps_are_wall_clock_months_in_the_workspace_zone(engines):
    # 23:30 on 31 March stays in March: no engine shifts a wall-clock time by the session's zone.
    duck, spark = _both(engines, f"SELECT id, DATE_TRUNC('month', at), EXTRACT(month FROM at) FROM {ROWS} WHERE at IS NOT NULL ORDER BY id")
    assert duck == spark == [(1, dt.datetime(2025, 3, 1), 3), (3, dt.datetime(2025, 4, 1), 4)]


def test_empty_groups_count_zero_and_sum_null_on_both(engines):
    duck, spark = _both(engines, f"SELECT count(x), sum(x), avg(x) FROM {ROWS} WHERE id > 99")
    assert duck == spark == [(0, None, None)]


def test_a_query_spark_refuses_is_an_engine_error_in_the_users_words(engines):
    _, spark_ws = engines
    with pytest.raises(EngineError, match="no_such_column"):
        spark_ws.engine.run("SELECT no_such_column FROM deals")


def test_spark_sees_every_canonical_table_with_the_contract_columns(engines):
    duck_ws, spark_ws = engines
    assert spark_ws.columns() == duck_ws.columns()
    assert spark_ws.table_rows() == duck_ws.table_rows()


def test_duckdb_workspaces_still_run_on_duckdb(engines):
    duck_ws, _ = engines
    assert isinstance(duck_ws.engine, DuckEngine)


def test_weeks_and_months_add_and_truncate_alike_in_wall_clock_time(engines):
    # ISO weeks start on Monday (31 March 2025 is one); a month after 31 January is 28 February;
    # a week after 23:30 on 31 March is 23:30 on 7 April, in no zone but the workspace's wall clock.
    duck, spark = _both(
        engines,
        "SELECT DATE_TRUNC('week', CAST('2025-04-03 12:00:00' AS TIMESTAMP)),"
        " CAST('2025-01-31 08:00:00' AS TIMESTAMP) + INTERVAL 1 MONTH,"
        " CAST('2025-03-31 23:30:00' AS TIMESTAMP) + INTERVAL 7 DAY",
    )
    assert duck == spark == [(dt.datetime(2025, 3, 31), dt.datetime(2025, 2, 28, 8), dt.datetime(2025, 4, 7, 23, 30))]


def test_the_last_value_ignoring_nulls_carries_forward_alike(engines):
    # x by id: 7, NULL, NULL, 10 -> the last non-NULL so far: 7, 7, 7, 10.
    duck, spark = _both(
        engines,
        f"SELECT id, LAST_VALUE(x IGNORE NULLS) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
        f" FROM (SELECT id, CASE WHEN id IN (2, 3) THEN NULL ELSE x END AS x FROM {ROWS}) ORDER BY id",
    )
    assert duck == spark == [(1, 7), (2, 7), (3, 7), (4, 10)]


# --- what users type: the commands of issue 17's "done when", and breakdowns --------------------


@pytest.mark.parametrize(
    "command",
    [
        ["metrics", "revenue", "win_rate", "--period", "quarter", "--by", "channel"],
        ["funnel", "--period", "FY2025", "--by", "channel"],
        ["bottleneck", "--period", "FY2025", "--by", "channel"],
        ["explain", "revenue", "--from", "FY2024", "--to", "FY2025", "--by", "channel"],
    ],
    ids=["metrics", "funnel", "bottleneck", "explain"],
)
def test_the_commands_print_the_same_json_on_spark(engines, command):
    duck_ws, spark_ws = engines
    runs = [CliRunner().invoke(app, [*command, "-w", str(ws.root), "--json"]) for ws in (duck_ws, spark_ws)]
    for run in runs:
        assert run.exit_code == 0, run.output
    _same(json.loads(runs[0].output), json.loads(runs[1].output), " ".join(command))


def test_the_report_is_the_same_on_spark(engines):
    from kpiflow.reporting.html import build_report  # noqa: PLC0415

    duck_ws, spark_ws = engines
    reports = [build_report(ws, lang="en") for ws in (duck_ws, spark_ws)]
    stamp = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d</")  # when it was generated
    charts = re.compile(r'<script type="application/json" id="kpiflow-charts">(.*?)</script>', re.S)
    (duck_page, spark_page), (duck_charts, spark_charts) = zip(
        *((stamp.sub("</", charts.sub("", r)), json.loads(charts.search(r).group(1))) for r in reports), strict=True
    )
    # What people read is the same text; the charts' data the same numbers (to 1e-9, as everywhere).
    difference = "\n".join(difflib.unified_diff(duck_page.splitlines(), spark_page.splitlines(), "duckdb", "spark", n=1, lineterm=""))
    assert not difference, difference[:3000]
    _same(duck_charts, spark_charts, "charts")
