"""The engine seam: what `DuckEngine` returns, how its errors read, and that analyses reach the
database only through an engine (kpiflow.engine.base)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from kpiflow.engine import base, duck
from kpiflow.engine.duck import DuckEngine
from kpiflow.errors import KpiflowError
from kpiflow.model.schema import TABLES

ANALYSIS = Path(__file__).resolve().parents[1] / "src" / "kpiflow" / "analysis"


def _driver_bound(module: str) -> bool:
    """DuckDB, or the one kpiflow module built on it: analyses know neither, only an Engine."""
    return any(module == name or module.startswith(name + ".") for name in ("duckdb", "kpiflow.engine.duck"))


@pytest.fixture
def engine(con):
    """Three hand-made deals in an otherwise empty in-memory database."""
    con.execute(
        "INSERT INTO deals (deal_id, created_at, amount, outcome) VALUES "
        "('D1', TIMESTAMP '2025-04-01', 100, 'won'), ('D2', TIMESTAMP '2025-05-01', 300, 'lost'), "
        "('D3', TIMESTAMP '2025-06-01', NULL, 'open')"
    )
    return DuckEngine(con)


# --- results --------------------------------------------------------------------------------


def test_a_result_names_its_columns_and_holds_its_rows(engine):
    result = engine.run("SELECT deal_id, amount FROM deals ORDER BY deal_id")
    assert result.columns == ("deal_id", "amount")
    assert result.rows == [("D1", 100), ("D2", 300), ("D3", None)]
    assert len(result) == 3 and list(result) == result.rows
    assert result.records() == [
        {"deal_id": "D1", "amount": 100},
        {"deal_id": "D2", "amount": 300},
        {"deal_id": "D3", "amount": None},
    ]


def test_one_row_and_one_value(engine):
    aggregate = engine.run("SELECT count(*) AS n, sum(amount) AS total FROM deals")
    assert aggregate.one() == (3, 400) and aggregate.scalar() == 3
    with pytest.raises(ValueError, match="expected one row, the query returned 3"):
        engine.run("SELECT deal_id FROM deals").one()
    with pytest.raises(ValueError, match="returned 0"):
        engine.run("SELECT deal_id FROM deals WHERE amount > 1000").scalar()


def test_an_empty_result_keeps_its_columns(engine):
    empty = engine.run("SELECT deal_id, outcome FROM deals WHERE false")
    assert empty.columns == ("deal_id", "outcome") and empty.rows == [] and empty.records() == []


def test_arrays_hold_the_same_values_as_rows(engine):
    query = "SELECT deal_id, amount FROM deals WHERE amount IS NOT NULL ORDER BY deal_id"
    arrays = engine.arrays(query)
    assert list(arrays) == ["deal_id", "amount"]
    assert list(zip(arrays["deal_id"].tolist(), arrays["amount"].tolist(), strict=True)) == engine.run(query).rows


# --- dialect ----------------------------------------------------------------------------------


def test_expressions_are_rendered_in_the_engines_dialect(engine):
    assert DuckEngine.dialect == engine.dialect == "duckdb"
    # Written in Snowflake's SQL (IFF, no FILTER): the engine runs it as DuckDB SQL.
    query = sqlglot.parse_one("SELECT COUNT_IF(IFF(amount > 200, 1, 0) = 1) AS big FROM deals", read="snowflake")
    assert "IFF" not in engine.render(query).upper()
    assert engine.run(query).scalar() == 1  # D2 alone: 300 > 200
    # Text is taken as written in the engine's dialect and passed through unchanged.
    assert engine.render("SELECT 1 FROM deals") == "SELECT 1 FROM deals"


def test_columns_lists_every_table_in_column_order(engine):
    found = engine.columns()
    for table in TABLES.values():
        assert found[table.name] == list(table.column_names), table.name
    engine.run("CREATE TABLE extra (b INTEGER, a VARCHAR)")
    assert engine.columns()["extra"] == ["b", "a"]


# --- temporary results ---------------------------------------------------------------------


def test_a_temporary_result_lives_for_its_block(engine):
    per_outcome = exp.select("outcome", exp.func("count", exp.Star()).as_("n")).from_("deals").group_by("outcome")
    with engine.temporary(per_outcome, prefix="test") as kept:
        assert kept.name.startswith("_kpiflow_test_") and kept.name in kept.statement
        assert kept.statement.upper().startswith("CREATE TEMPORARY TABLE")
        assert sorted(engine.run(f"SELECT outcome, n FROM {kept.name}").rows) == [("lost", 1), ("open", 1), ("won", 1)]
    assert kept.name not in {t for (t,) in engine.run("SELECT table_name FROM duckdb_tables()")}


def test_a_temporary_result_is_dropped_when_the_block_fails(engine):
    with pytest.raises(RuntimeError, match="stop"), engine.temporary(exp.select("deal_id").from_("deals")) as kept:
        raise RuntimeError("stop")
    assert kept.name not in {t for (t,) in engine.run("SELECT table_name FROM duckdb_tables()")}


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "failed", "hint"),
    [
        ("en", "the database could not run this: Conversion Error", "amount > 'abc'"),
        ("ja", "データベースが処理を実行できませんでした: Conversion Error", "型の違う値"),
    ],
)
def test_a_driver_error_becomes_a_kpiflow_error_in_the_users_language(con, lang, failed, hint):
    con.execute("INSERT INTO deals (deal_id, created_at, amount, outcome) VALUES ('D1', TIMESTAMP '2025-04-01', 5, 'won')")
    engine = DuckEngine(con, lang=lang)
    with pytest.raises(base.EngineError) as caught:  # fails only once the table has a row
        engine.run("SELECT count(*) FROM deals WHERE amount > 'abc'")
    error = caught.value
    assert isinstance(error, KpiflowError) and error.exit_code == 1
    assert str(error).startswith(failed) and "'abc'" in str(error)  # what failed, and on which value
    assert hint in str(error)  # a value of the wrong type: most often a condition the user wrote
    assert error.detail.startswith("Conversion Error") and "\n" not in error.detail
    assert isinstance(error.__cause__, Exception) and "abc" in str(error.__cause__)  # --debug shows the driver's error


def test_an_error_that_no_condition_causes_has_no_condition_hint(engine):
    with pytest.raises(base.EngineError) as caught:
        engine.run("SELECT * FROM no_such_table")
    assert "no_such_table" in str(caught.value) and "amount > 'abc'" not in str(caught.value)
    with pytest.raises(base.EngineError, match="no_such_table"):
        engine.arrays("SELECT * FROM no_such_table")


def test_a_long_driver_message_is_cut_for_people_and_kept_whole_in_detail():
    error = duck.EngineError.of(RuntimeError("x" * 400 + "\nsecond line"), "en")
    assert str(error) == "the database could not run this: " + "x" * 299 + "…"
    assert error.detail == "x" * 400


# --- the workspace --------------------------------------------------------------------------


def test_the_workspace_runs_analyses_on_one_engine_over_its_connection(ws):
    engine = ws.engine
    assert isinstance(engine, base.Engine) and engine.con is ws.con and ws.engine is engine
    assert engine.run("SELECT count(*) FROM deals").scalar() == 0
    ws.close()
    assert ws.engine is not engine and ws.engine.con is ws.con  # reopened: a new connection, a new engine


# --- the seam holds -------------------------------------------------------------------------


def _imported(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, anywhere in it (functions and TYPE_CHECKING blocks included)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.lineno, node.module)] + [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


def test_the_import_scan_sees_every_way_of_importing_the_driver(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        "import duckdb as db\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from duckdb import DuckDBPyConnection\n"
        "def f():\n    from kpiflow.engine import duck\n    import duckdb.typing\n",
        encoding="utf-8",
    )
    assert [name for _, name in _imported(module) if _driver_bound(name)] == [
        "duckdb", "duckdb", "duckdb.DuckDBPyConnection", "kpiflow.engine.duck", "duckdb.typing"
    ]  # fmt: skip


def test_no_analysis_module_imports_duckdb():
    modules = sorted(ANALYSIS.glob("*.py"))
    assert len(modules) > 10  # the folder was found
    leaks = [f"{path.name}:{line}: {name}" for path in modules for line, name in _imported(path) if _driver_bound(name)]
    assert leaks == [], "analyses reach the database through kpiflow.engine.base.Engine only"


def test_importing_every_analysis_loads_no_database_driver():
    # A fresh interpreter: nothing an analysis imports, however indirectly, may load DuckDB.
    names = ", ".join(repr(f"kpiflow.analysis.{path.stem}") for path in sorted(ANALYSIS.glob("*.py")))
    script = f"import importlib, sys\nfor name in [{names}]:\n    importlib.import_module(name)\nprint('duckdb' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- DuckDB settings from the environment ---------------------------------------------------


def test_threads_and_memory_limit_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KPIFLOW_THREADS", "3")
    monkeypatch.setenv("KPIFLOW_MEMORY_LIMIT", "2GB")
    for con in (duck.connect(), duck.connect(tmp_path / "sealed.duckdb", read_only=False, files=False)):
        threads, memory = con.execute("SELECT current_setting('threads'), current_setting('memory_limit')").fetchone()
        con.close()
        assert (threads, memory) == (3, "1.8 GiB")  # DuckDB shows 2 GB (2e9 bytes) in GiB


@pytest.mark.parametrize(
    ("variable", "value", "english", "japanese"),
    [
        ("KPIFLOW_THREADS", "two", "KPIFLOW_THREADS is 'two'; expected a whole number of threads from 1 to 256", "KPIFLOW_THREADS が「two」です"),
        ("KPIFLOW_THREADS", "0", "KPIFLOW_THREADS is '0'; expected a whole number of threads from 1 to 256", "1 から 256 までの整数"),
        ("KPIFLOW_THREADS", "100000", "KPIFLOW_THREADS is '100000'; expected a whole number", "KPIFLOW_THREADS が「100000」です"),
        ("KPIFLOW_MEMORY_LIMIT", "1KB", "KPIFLOW_MEMORY_LIMIT is '1KB'; expected an amount of memory of 100MB or more", "100MB 以上"),
        ("KPIFLOW_MEMORY_LIMIT", "lots", "KPIFLOW_MEMORY_LIMIT is 'lots'; expected an amount of memory of 100MB or more, such as 4GB", "4GB、512MB、8GiB"),
    ],
)
def test_a_bad_setting_is_refused_naming_the_variable_in_the_users_language(monkeypatch, tmp_path, variable, value, english, japanese):
    from typer.testing import CliRunner  # noqa: PLC0415

    from kpiflow.cli import app  # noqa: PLC0415
    from kpiflow.errors import SettingError  # noqa: PLC0415

    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingError) as refused:
        duck.connect()
    assert english in str(refused.value) and japanese in refused.value.message("ja")
    result = CliRunner().invoke(app, ["init", str(tmp_path / "ws"), "--lang", "en"])
    assert result.exit_code == 2 and english in result.output and "Traceback" not in result.output
