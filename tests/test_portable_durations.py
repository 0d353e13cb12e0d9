"""Durations and dates every engine computes alike (issue 17): the builders of kpiflow.engine.base
that funnel, velocity, the lists and check use, on rows written out by hand and checked against
Python's own datetime arithmetic, on DuckDB and on Spark; then those analyses with the options
the registry's Spark test leaves at their defaults (a window, segments, a period, the other list).
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib.util
import os
import shutil
from pathlib import Path

import duckdb
import pytest
from sqlglot import exp

from conftest import copy_demo
from kpiflow.analysis.check import _distinct_list, _last_two_days
from kpiflow.engine.base import MICROSECONDS_PER_DAY, days_between, microseconds_between, seconds_between, side_by_side
from kpiflow.engine.duck import DuckEngine

_JAVA = shutil.which("java") or (os.environ.get("JAVA_HOME") and Path(os.environ["JAVA_HOME"], "bin", "java").exists())


def on_spark(test):
    """Marks a test that runs on Spark local mode (skipped, with the reason, without PySpark or Java)."""
    marks = [
        pytest.mark.spark,
        pytest.mark.skipif(importlib.util.find_spec("pyspark") is None, reason="pyspark is not installed (pip install 'kpiflow[spark]')"),
        pytest.mark.skipif(not _JAVA, reason="Java is not found (Spark needs Java 17: install it or set JAVA_HOME)"),
        # PySpark's own modules still use APIs Python deprecates; kpiflow's warnings stay errors.
        pytest.mark.filterwarnings("ignore::DeprecationWarning"),
        pytest.mark.filterwarnings("ignore::ResourceWarning"),
    ]
    for mark in marks:
        test = mark(test)
    return test

# (later, earlier): sub-second on both sides, later first (negative), the night New York moved its
# clocks (a wall-clock day is still 24 hours), across a leap day, three years, a missing time.
PAIRS = [
    (dt.datetime(2025, 3, 31, 23, 59, 59, 500000), dt.datetime(2025, 3, 1, 0, 0, 0, 1)),
    (dt.datetime(2025, 3, 1, 0, 0, 0, 1), dt.datetime(2025, 3, 31, 23, 59, 59, 500000)),
    (dt.datetime(2025, 3, 9, 12), dt.datetime(2025, 3, 8, 12)),
    (dt.datetime(2024, 3, 1), dt.datetime(2024, 2, 28, 12)),
    (dt.datetime(2026, 3, 31, 22, 16), dt.datetime(2023, 4, 1, 9, 0, 0, 123456)),
    (None, dt.datetime(2025, 1, 1)),
]


def _expected(later: dt.datetime | None, earlier: dt.datetime) -> tuple:
    if later is None:
        return (None, None, None)
    micros = (later - earlier) // dt.timedelta(microseconds=1)
    # Python divides two ints with one correct rounding, as a DOUBLE divided by an exact DOUBLE is.
    return (micros, micros / 1_000_000, micros / MICROSECONDS_PER_DAY)


def _literal(value: dt.datetime | None) -> exp.Expression:
    text = exp.Literal.string(value.isoformat(sep=" ")) if value else exp.null()
    return exp.cast(text, "TIMESTAMP")


def _durations() -> exp.Select:
    rows = [exp.Tuple(expressions=[exp.convert(i), _literal(a), _literal(b)]) for i, (a, b) in enumerate(PAIRS)]
    pairs = exp.Values(expressions=rows, alias=exp.TableAlias(this=exp.to_identifier("p"), columns=[exp.to_identifier(c) for c in ("i", "later", "earlier")]))
    later, earlier = exp.column("later"), exp.column("earlier")
    return (
        exp.select(microseconds_between(later, earlier), seconds_between(later.copy(), earlier.copy()), days_between(later.copy(), earlier.copy()))
        .from_(pairs)
        .order_by("i")
    )


# The days of the month that count as its last two, for the month-end bursts of `check`.
DAYS = [dt.date(2025, 2, 26), dt.date(2025, 2, 27), dt.date(2025, 2, 28), dt.date(2024, 2, 27), dt.date(2024, 2, 28),
        dt.date(2024, 2, 29), dt.date(2025, 4, 28), dt.date(2025, 4, 29), dt.date(2025, 4, 30), dt.date(2025, 12, 30),
        dt.date(2025, 12, 31), dt.date(2026, 1, 1)]


def _month_end(day: dt.date) -> bool:
    return calendar.monthrange(day.year, day.month)[1] - day.day <= 1


def _month_ends() -> exp.Select:
    rows = [exp.Tuple(expressions=[exp.convert(i), _literal(dt.datetime.combine(d, dt.time(23, 30)))]) for i, d in enumerate(DAYS)]
    days = exp.Values(expressions=rows, alias=exp.TableAlias(this=exp.to_identifier("d"), columns=[exp.to_identifier("i"), exp.to_identifier("at")]))
    return exp.select(_last_two_days(exp.column("at"))).from_(days).order_by("i")


# Three entities' first entries into four stages (NULL: not recorded), as funnel and the lists hold them.
ENTITIES = "(VALUES ('a', 1, 2, 3, 4), ('b', 5, NULL, 7, NULL), ('c', NULL, NULL, NULL, 9)) AS entities(entity_id, t0, t1, t2, t3)"


def _steps(source: str) -> exp.Select:
    """Each entity's step i -> i + 1 side by side (the shape of funnel's `members`)."""
    t = [exp.column(f"t{i}") for i in range(4)]
    zipped = side_by_side(source, [exp.column("entity_id")], {"a": t[:3], "b": t[1:]})
    return exp.select("*").from_(zipped.subquery("z")).order_by("entity_id", "position")


# Unknown values as check lists them: once each, sorted, whatever the order of the rows.
WORDS = "(VALUES (1, 'zoom_call'), (2, 'web_quiz'), (3, NULL), (4, 'zoom_call'), (5, 'ad_click')) AS w(i, word)"


def _listed() -> exp.Select:
    return exp.select(_distinct_list(exp.column("word"))).from_(WORDS)


@pytest.fixture(scope="module")
def duck() -> DuckEngine:
    return DuckEngine(duckdb.connect())


def test_durations_are_pythons_to_the_microsecond_on_duckdb(duck):
    assert duck.run(_durations()).rows == [_expected(a, b) for a, b in PAIRS]


def test_a_month_end_is_its_last_two_days_on_duckdb(duck):
    assert [v for (v,) in duck.run(_month_ends()).rows] == [_month_end(d) for d in DAYS]


def test_side_by_side_zips_lists_as_duckdbs_unnest_does(duck):
    expected = [(e, i, ts[i], ts[i + 1]) for e, ts in (("a", (1, 2, 3, 4)), ("b", (5, None, 7, None)), ("c", (None, None, None, 9))) for i in range(3)]
    assert duck.run(_steps(ENTITIES)).rows == expected
    # The DuckDB spelling it replaces: UNNEST of parallel lists in one SELECT.
    unnest = f"SELECT entity_id, UNNEST([0, 1, 2]) AS position, UNNEST([t0, t1, t2]) AS a, UNNEST([t1, t2, t3]) AS b FROM {ENTITIES} ORDER BY entity_id, position"
    assert duck.run(unnest).rows == expected


def test_distinct_values_are_listed_sorted_on_duckdb(duck):
    assert duck.run(_listed()).scalar() == "ad_click, web_quiz, zoom_call"


def test_side_by_side_needs_lists_of_one_length():
    with pytest.raises(ValueError, match="one length"):
        side_by_side("t", [], {"a": [exp.column("x")], "b": []})


# --- the same on Spark ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark():
    """A Spark engine over empty tables. The process's session is left running for the next Spark
    tests (a JVM costs seconds; tests/test_spark.py stops it)."""
    from kpiflow.engine.spark import SparkEngine  # noqa: PLC0415  (PySpark is optional)

    return SparkEngine({}, master="local[2]")


@pytest.fixture(scope="module")
def demo_on_both(tmp_path_factory, spark):
    """(DuckDB workspace, Spark workspace) over the same small demo, the Spark one on its Parquet export."""
    from kpiflow.io.export import engine_section, export_parquet, exported_tables  # noqa: PLC0415
    from kpiflow.workspace import open_workspace  # noqa: PLC0415

    root = tmp_path_factory.mktemp("portable")
    duck_ws, _ = copy_demo(root / "demo", size="small", lang="en")
    duck_ws.close()
    export_parquet(root / "demo" / "kpiflow.duckdb", root / "lake")
    (root / "lake-ws").mkdir()
    model = (root / "demo" / "kpiflow.yaml").read_text(encoding="utf-8")
    section = engine_section(exported_tables(root / "lake"), master="local[2]")
    (root / "lake-ws" / "kpiflow.yaml").write_text(model + "\n" + section, encoding="utf-8")
    duck_ws, spark_ws = open_workspace(root / "demo"), open_workspace(root / "lake-ws")
    yield duck_ws, spark_ws
    duck_ws.close()


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/New_York"])
@on_spark
def test_durations_are_the_same_on_spark_in_any_session_zone(spark, duck, zone):
    session = spark.session
    before = session.conf.get("spark.sql.session.timeZone")
    session.conf.set("spark.sql.session.timeZone", zone)
    try:
        got = spark.run(_durations()).rows
    finally:
        session.conf.set("spark.sql.session.timeZone", before)
    assert got == duck.run(_durations()).rows == [_expected(a, b) for a, b in PAIRS]


@on_spark
def test_month_ends_lists_and_side_by_side_are_the_same_on_spark(spark, duck):
    assert spark.run(_month_ends()).rows == duck.run(_month_ends()).rows
    assert spark.run(_listed()).rows == duck.run(_listed()).rows
    assert spark.run(_steps(ENTITIES)).rows == duck.run(_steps(ENTITIES)).rows


# The options tests/test_spark.py leaves at their defaults: a window (immature members), segments,
# the period basis, deal stages, a period, and the nurture list (the list without segments is there).
VARIANTS = {
    "funnel within a window by channel": lambda ws: ws.funnel(by=["channel"], within="14d"),
    "period-basis funnel by industry": lambda ws: ws.funnel(basis="period", by=["industry"]),
    "velocity of FY2025 by channel with deals": lambda ws: ws.velocity("FY2025", by="channel", deals=True),
    "nurture list by channel": lambda ws: ws.lists("nurture", by="channel"),
}


@pytest.mark.parametrize("name", list(VARIANTS))
@on_spark
def test_options_give_the_same_numbers_on_spark(demo_on_both, name):
    from test_spark import _same  # noqa: PLC0415  (its comparison: counts exact, other numbers to 1e-9)

    duck_ws, spark_ws = demo_on_both
    expected = VARIANTS[name](duck_ws).to_dict()
    assert expected, f"{name}: nothing to compare"
    _same(expected, VARIANTS[name](spark_ws).to_dict(), name)
