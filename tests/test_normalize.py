"""Engine-side normalisation, checked against Python's own implementations."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlglot import exp

from kpiflow.io import normalize


@pytest.fixture(scope="module")
def engine():
    con = duckdb.connect()
    yield con
    con.close()


def evaluate(con, build, value):
    expression = build(exp.Literal.string(value) if value is not None else exp.null())
    return con.execute("SELECT " + expression.sql("duckdb")).fetchall()[0][0]


def evaluate_each(con, build, values: list[str]) -> list:
    """`build` applied to each value, in one query (DuckDB plans an expression once, not per value)."""
    query = f"SELECT {build(exp.column('x')).sql('duckdb')} FROM UNNEST(CAST(? AS VARCHAR[])) WITH ORDINALITY AS t(x, i) ORDER BY i"
    return [value for (value,) in con.execute(query, [values]).fetchall()]


# Characters Japanese exports carry: full-width ASCII, ideographic space, half-width katakana.
JAPANESE_EXPORT_TEXT = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0xFF01, 0xFF5F)]
        + [chr(c) for c in range(0xFF61, 0xFFA0)]
        + ["\u3000", "\uffe5", "㈱", "㈲", "①", "⑩", "⑳", "a", "Z", "0", " ", "株", "式", "会", "社", "あ", "ア", "ー", "-"]
    ),
    max_size=30,
)


@settings(deadline=None)
@given(st.lists(JAPANESE_EXPORT_TEXT, min_size=1, max_size=12))
def test_nfkc_matches_unicodedata(engine, texts):
    assert evaluate_each(engine, normalize.nfkc, texts) == [unicodedata.normalize("NFKC", text) for text in texts]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1200000", Decimal("1200000")),
        ("¥1,200,000", Decimal("1200000")),
        ("￥1,200,000", Decimal("1200000")),
        ("1,200,000円", Decimal("1200000")),
        ("120万円", Decimal("1200000")),
        ("1億2000万円", Decimal("120000000")),
        ("3千円", Decimal("3000")),
        ("１２０万円", Decimal("1200000")),
        ("\\3,000", Decimal("3000")),  # CP932's yen sign decodes as a backslash
        ("12.5", Decimal("12.5")),
        ("▲500", Decimal("-500")),
        ("(500)", Decimal("-500")),
        ("-", None),
        ("", None),
        ("abc", None),
        ("12万abc", None),
    ],
)
def test_money(engine, raw, expected):
    assert evaluate(engine, lambda t: normalize.parse_money(normalize.clean_text(t)), raw) == expected


TIMESTAMPS = [
    ("2025-04-01", dt.datetime(2025, 4, 1)),
    ("2025-04-01 9:00", dt.datetime(2025, 4, 1, 9)),
    ("2025-04-01T09:30:15", dt.datetime(2025, 4, 1, 9, 30, 15)),
    ("2025/4/1", dt.datetime(2025, 4, 1)),
    ("2025/04/01 09:30", dt.datetime(2025, 4, 1, 9, 30)),
    ("2025.4.1", dt.datetime(2025, 4, 1)),
    ("2025年4月1日", dt.datetime(2025, 4, 1)),
    ("2025年4月1日 9時30分", dt.datetime(2025, 4, 1, 9, 30)),
    ("2025年4月1日(火)", dt.datetime(2025, 4, 1)),
    ("令和7年4月1日", dt.datetime(2025, 4, 1)),
    ("令和元年5月1日", dt.datetime(2019, 5, 1)),
    ("平成31年4月30日", dt.datetime(2019, 4, 30)),
    ("R7.4.1", dt.datetime(2025, 4, 1)),
    ("２０２５／４／１", dt.datetime(2025, 4, 1)),
    # Excel serial day numbers count from 1899-12-30.
    ("45748", dt.datetime(2025, 4, 1)),
    ("45748.375", dt.datetime(2025, 4, 1, 9)),
    # Offsets are converted to the workspace zone (Asia/Tokyo is UTC+9).
    ("2025-04-01T00:00:00Z", dt.datetime(2025, 4, 1, 9)),
    ("2025-04-01T09:00:00+09:00", dt.datetime(2025, 4, 1, 9)),
    ("2025-04-01T00:00:00-05:00", dt.datetime(2025, 4, 1, 14)),
    ("2025-05-02", dt.datetime(2025, 5, 2)),  # a date is not an offset
    ("2025-02-30", None),
    ("2025/13/01", None),
    ("yesterday", None),
]


@pytest.fixture(scope="module")
def timestamps(engine):
    """Every case of TIMESTAMPS parsed in one query: DuckDB plans the many formats of the parser
    once instead of once per case (a third of a second each)."""
    build = normalize.parse_timestamp(normalize.clean_text(exp.column("x")), "Asia/Tokyo").sql("duckdb")
    values = [raw for raw, _ in TIMESTAMPS]
    query = f"SELECT x, {build} FROM UNNEST(CAST(? AS VARCHAR[])) AS t(x)"
    return dict(engine.execute(query, [values]).fetchall())


@pytest.mark.parametrize(("raw", "expected"), TIMESTAMPS)
def test_timestamp(timestamps, raw, expected):
    assert timestamps[raw] == expected


def test_excel_serial_agrees_with_python(engine):
    # only five-digit serials are read as dates; four digits are more likely years
    serials = [serial for serial in (1, 60, 61, 43831, 45748, 50000) if serial >= 10000]
    expected = [dt.datetime(1899, 12, 30) + dt.timedelta(days=serial) for serial in serials]
    build = lambda t: normalize.parse_timestamp(normalize.clean_text(t), "Asia/Tokyo")  # noqa: E731
    assert evaluate_each(engine, build, [str(serial) for serial in serials]) == expected


def test_user_formats_come_first(engine):
    build = lambda t: normalize.parse_timestamp(normalize.clean_text(t), "Asia/Tokyo", ("%d/%m/%Y",))  # noqa: E731
    assert evaluate(engine, build, "02/03/2025") == dt.datetime(2025, 3, 2)


@pytest.mark.parametrize(("raw", "expected"), [("1,234", 1234), ("12万", 120000), ("1.5", None), ("７", 7)])
def test_integer(engine, raw, expected):
    assert evaluate(engine, lambda t: normalize.parse_integer(normalize.clean_text(t)), raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [("85%", 85.0), ("1,234.5", 1234.5), ("x", None)])
def test_number(engine, raw, expected):
    assert evaluate(engine, lambda t: normalize.parse_number(normalize.clean_text(t)), raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("TRUE", True), ("はい", True), ("○", True), ("1", True), ("no", False), ("×", False), ("いいえ", False), ("maybe", None)],
)
def test_boolean(engine, raw, expected):
    assert evaluate(engine, lambda t: normalize.parse_boolean(normalize.clean_text(t)), raw) == expected


@pytest.mark.parametrize("marker", ["", "  ", "NULL", "#N/A", "-", "\u3000"])
def test_null_markers(engine, marker):
    assert evaluate(engine, normalize.clean_text, marker) is None
