"""Fiscal periods: labels in both languages, parsing, neighbours, edges and trailing windows.

Expected dates are written out by hand (first day, exclusive end) next to each input, so the
tables check the code against the calendar rather than against itself.
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpiflow.errors import KpiflowError
from kpiflow.model.periods import (
    Period,
    PeriodError,
    TrailingWindow,
    means_all,
    parse_last,
    parse_period,
    period_of,
    periods_between,
    trailing,
)

# -- labels -----------------------------------------------------------------------------------

# fiscal_year_start, kind, start, end (exclusive), English label, Japanese label
LABELS = [
    # April start, the usual Japanese 年度
    (4, "fy", date(2025, 4, 1), date(2026, 4, 1), "FY2025", "2025年度"),
    (4, "quarter", date(2025, 4, 1), date(2025, 7, 1), "FY2025Q1", "2025年度 第1四半期"),
    (4, "quarter", date(2025, 7, 1), date(2025, 10, 1), "FY2025Q2", "2025年度 第2四半期"),
    (4, "quarter", date(2025, 10, 1), date(2026, 1, 1), "FY2025Q3", "2025年度 第3四半期"),
    (4, "quarter", date(2026, 1, 1), date(2026, 4, 1), "FY2025Q4", "2025年度 第4四半期"),
    (4, "half", date(2025, 4, 1), date(2025, 10, 1), "FY2025H1", "2025年度 上期"),
    (4, "half", date(2025, 10, 1), date(2026, 4, 1), "FY2025H2", "2025年度 下期"),
    (4, "month", date(2025, 10, 1), date(2025, 11, 1), "2025-10", "2025年10月"),
    (4, "month", date(2026, 1, 1), date(2026, 2, 1), "2026-01", "2026年1月"),
    (4, "month", date(2026, 3, 1), date(2026, 4, 1), "2026-03", "2026年3月"),
    (4, "custom", date(2025, 4, 1), date(2025, 7, 1), "2025-04-01..2025-06-30", "2025年4月1日〜2025年6月30日"),
    (4, "custom", date(2025, 12, 31), date(2026, 1, 1), "2025-12-31..2025-12-31", "2025年12月31日〜2025年12月31日"),
    # January start: the fiscal year is the calendar year
    (1, "fy", date(2025, 1, 1), date(2026, 1, 1), "FY2025", "2025年度"),
    (1, "quarter", date(2025, 1, 1), date(2025, 4, 1), "FY2025Q1", "2025年度 第1四半期"),
    (1, "quarter", date(2025, 7, 1), date(2025, 10, 1), "FY2025Q3", "2025年度 第3四半期"),
    (1, "quarter", date(2025, 10, 1), date(2026, 1, 1), "FY2025Q4", "2025年度 第4四半期"),
    (1, "half", date(2025, 1, 1), date(2025, 7, 1), "FY2025H1", "2025年度 上期"),
    (1, "half", date(2025, 7, 1), date(2026, 1, 1), "FY2025H2", "2025年度 下期"),
    (1, "month", date(2025, 1, 1), date(2025, 2, 1), "2025-01", "2025年1月"),
    # October start: FY2025 runs from October 2025 to September 2026 (named by its starting year)
    (10, "fy", date(2025, 10, 1), date(2026, 10, 1), "FY2025", "2025年度"),
    (10, "quarter", date(2025, 10, 1), date(2026, 1, 1), "FY2025Q1", "2025年度 第1四半期"),
    (10, "quarter", date(2026, 1, 1), date(2026, 4, 1), "FY2025Q2", "2025年度 第2四半期"),
    (10, "quarter", date(2026, 7, 1), date(2026, 10, 1), "FY2025Q4", "2025年度 第4四半期"),
    (10, "half", date(2025, 10, 1), date(2026, 4, 1), "FY2025H1", "2025年度 上期"),
    (10, "half", date(2026, 4, 1), date(2026, 10, 1), "FY2025H2", "2025年度 下期"),
    (10, "month", date(2025, 9, 1), date(2025, 10, 1), "2025-09", "2025年9月"),
]


@pytest.mark.parametrize(("fys", "kind", "start", "end", "en", "ja"), LABELS)
def test_labels_in_english_and_japanese(fys, kind, start, end, en, ja):
    period = Period(kind, start, end, fys)
    assert period.label() == en
    assert period.label("en") == en
    assert str(period) == en
    assert period.label("ja") == ja


@pytest.mark.parametrize(("fys", "kind", "start", "end", "en", "ja"), LABELS)
def test_every_label_reads_back_as_the_same_period(fys, kind, start, end, en, ja):
    period = Period(kind, start, end, fys)
    assert parse_period(en, fiscal_year_start=fys) == period
    assert parse_period(ja, fiscal_year_start=fys) == period


# constructor call, fiscal_year_start, first day, exclusive end
CONSTRUCTORS = [
    (lambda fys: Period.fy(2025, fys), 4, date(2025, 4, 1), date(2026, 4, 1)),
    (lambda fys: Period.fy(2025, fys), 1, date(2025, 1, 1), date(2026, 1, 1)),
    (lambda fys: Period.fy(2025, fys), 10, date(2025, 10, 1), date(2026, 10, 1)),
    (lambda fys: Period.quarter(2025, 3, fys), 4, date(2025, 10, 1), date(2026, 1, 1)),
    (lambda fys: Period.quarter(2025, 4, fys), 10, date(2026, 7, 1), date(2026, 10, 1)),
    (lambda fys: Period.half(2025, 2, fys), 4, date(2025, 10, 1), date(2026, 4, 1)),
    (lambda fys: Period.month(2025, 12, fys), 4, date(2025, 12, 1), date(2026, 1, 1)),
    (lambda fys: Period.custom(date(2025, 4, 1), date(2025, 6, 30), fys), 4, date(2025, 4, 1), date(2025, 7, 1)),
]


@pytest.mark.parametrize(("build", "fys", "start", "end"), CONSTRUCTORS)
def test_constructors_give_the_calendar_dates(build, fys, start, end):
    period = build(fys)
    assert (period.start, period.end, period.fiscal_year_start) == (start, end, fys)


def test_a_period_knows_its_last_day_length_fiscal_year_and_number():
    q3 = Period("quarter", date(2025, 10, 1), date(2026, 1, 1), 4)
    assert q3.last_day == date(2025, 12, 31)
    assert q3.days == 92
    assert q3.fiscal_year == 2025
    assert q3.number == 3
    assert Period("month", date(2026, 2, 1), date(2026, 3, 1), 4).fiscal_year == 2025  # Feb 2026 is in 2025年度
    assert Period("month", date(2026, 2, 1), date(2026, 3, 1), 4).number == 2  # calendar month number
    assert Period.fy(2025).number is None


# -- parsing ----------------------------------------------------------------------------------

# text, fiscal_year_start, kind, first day, exclusive end
PARSED = [
    ("FY2025", 4, "fy", date(2025, 4, 1), date(2026, 4, 1)),
    ("fy2025", 4, "fy", date(2025, 4, 1), date(2026, 4, 1)),
    ("  FY 2025 ", 4, "fy", date(2025, 4, 1), date(2026, 4, 1)),
    ("ＦＹ２０２５", 4, "fy", date(2025, 4, 1), date(2026, 4, 1)),  # full-width letters and digits
    ("2025年度", 4, "fy", date(2025, 4, 1), date(2026, 4, 1)),
    ("２０２５年度", 4, "fy", date(2025, 4, 1), date(2026, 4, 1)),
    ("FY2025", 1, "fy", date(2025, 1, 1), date(2026, 1, 1)),
    ("FY2025", 10, "fy", date(2025, 10, 1), date(2026, 10, 1)),
    ("FY2025Q3", 4, "quarter", date(2025, 10, 1), date(2026, 1, 1)),
    ("fy2025q3", 4, "quarter", date(2025, 10, 1), date(2026, 1, 1)),
    ("FY2025-Q3", 4, "quarter", date(2025, 10, 1), date(2026, 1, 1)),
    ("FY2025 Q3", 4, "quarter", date(2025, 10, 1), date(2026, 1, 1)),
    ("FY2025 3Q", 4, "quarter", date(2025, 10, 1), date(2026, 1, 1)),
    ("2025年度第3四半期", 4, "quarter", date(2025, 10, 1), date(2026, 1, 1)),
    ("2025年度 第３四半期", 4, "quarter", date(2025, 10, 1), date(2026, 1, 1)),
    ("2025年度 Q3", 4, "quarter", date(2025, 10, 1), date(2026, 1, 1)),
    ("2025年度　３Ｑ", 4, "quarter", date(2025, 10, 1), date(2026, 1, 1)),  # ideographic space, full-width
    ("FY2025Q3", 1, "quarter", date(2025, 7, 1), date(2025, 10, 1)),
    ("FY2025Q3", 10, "quarter", date(2026, 4, 1), date(2026, 7, 1)),
    ("FY2025H1", 4, "half", date(2025, 4, 1), date(2025, 10, 1)),
    ("fy2025h2", 4, "half", date(2025, 10, 1), date(2026, 4, 1)),
    ("2025年度上期", 4, "half", date(2025, 4, 1), date(2025, 10, 1)),
    ("2025年度 上半期", 4, "half", date(2025, 4, 1), date(2025, 10, 1)),
    ("2025年度 下期", 4, "half", date(2025, 10, 1), date(2026, 4, 1)),
    ("2025年度下半期", 4, "half", date(2025, 10, 1), date(2026, 4, 1)),
    ("2025年度 H2", 10, "half", date(2026, 4, 1), date(2026, 10, 1)),
    ("2025-10", 4, "month", date(2025, 10, 1), date(2025, 11, 1)),
    ("2025/10", 4, "month", date(2025, 10, 1), date(2025, 11, 1)),
    ("2025-1", 4, "month", date(2025, 1, 1), date(2025, 2, 1)),
    ("2025年10月", 4, "month", date(2025, 10, 1), date(2025, 11, 1)),
    ("２０２５年１月", 4, "month", date(2025, 1, 1), date(2025, 2, 1)),
    ("2025-12", 1, "month", date(2025, 12, 1), date(2026, 1, 1)),
    ("2025-04-01..2025-06-30", 4, "custom", date(2025, 4, 1), date(2025, 7, 1)),
    ("2025-04-01 .. 2025-06-30", 4, "custom", date(2025, 4, 1), date(2025, 7, 1)),
    ("2025/4/1~2025/6/30", 4, "custom", date(2025, 4, 1), date(2025, 7, 1)),
    ("2025/4/1～2025/6/30", 4, "custom", date(2025, 4, 1), date(2025, 7, 1)),  # full-width tilde
    ("2025年4月1日〜2025年6月30日", 4, "custom", date(2025, 4, 1), date(2025, 7, 1)),  # wave dash
    ("2024-02-29..2024-02-29", 4, "custom", date(2024, 2, 29), date(2024, 3, 1)),  # a single leap day
    ("2025-12-01..2026-01-31", 4, "custom", date(2025, 12, 1), date(2026, 2, 1)),
]


@pytest.mark.parametrize(("text", "fys", "kind", "start", "end"), PARSED)
def test_parse_period(text, fys, kind, start, end):
    assert parse_period(text, fiscal_year_start=fys) == Period(kind, start, end, fys)


def test_fiscal_year_start_defaults_to_april():
    assert parse_period("FY2025Q1") == Period("quarter", date(2025, 4, 1), date(2025, 7, 1), 4)


@pytest.mark.parametrize("fys", range(1, 13))
@pytest.mark.parametrize("kind", ["month", "quarter", "half", "fy"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_labels_round_trip_for_every_fiscal_year_start(fys, kind, lang):
    periods = periods_between(kind, date(2023, 1, 1), date(2027, 1, 1), fys)
    assert periods, "the range should hold periods"
    for period in periods:
        assert parse_period(period.label(lang), fiscal_year_start=fys) == period


@given(
    kind=st.sampled_from(["month", "quarter", "half", "fy"]),
    day=st.dates(min_value=date(1001, 1, 1), max_value=date(9990, 12, 31)),
    fys=st.integers(1, 12),
    lang=st.sampled_from(["en", "ja"]),
)
def test_any_period_round_trips_through_its_label(kind, day, fys, lang):
    period = period_of(kind, day, fys)
    assert parse_period(period.label(lang), fiscal_year_start=fys) == period
    assert period.contains(day)


@given(
    first=st.dates(min_value=date(1000, 1, 1), max_value=date(9990, 12, 31)),
    length=st.integers(0, 800),
    lang=st.sampled_from(["en", "ja"]),
)
def test_any_custom_range_round_trips_through_its_label(first, length, lang):
    period = Period.custom(first, first + dt.timedelta(days=length))
    assert period.days == length + 1
    assert parse_period(period.label(lang)) == period


# text, a fragment the message must contain
BAD_TEXT = [
    ("", "expected a fiscal year (FY2025, 2025年度)"),
    ("next quarter", "a month (2025-10, 2025年10月)"),
    ("FY2025Q5", "Q1, Q2, Q3 or Q4 (got Q5)"),
    ("2025年度 第5四半期", "Q1, Q2, Q3 or Q4"),
    ("FY2025H3", "H1 (上期) or H2 (下期)"),
    ("2025-13", "a month is a number from 1 to 12 (got 13)"),
    ("2025年0月", "from 1 to 12 (got 0)"),
    ("2025Q3", "did you mean FY2025Q3?"),
    ("2025Q3", "calendar quarter 3 write the range 2025-07-01..2025-09-30"),
    ("Q4 2025", "did you mean FY2025Q4?"),
    ("2025", "a bare year is ambiguous: write FY2025"),
    ("FY25", "write the year in full: FY2025"),
    ("2025-04-01", "for a single day write 2025-04-01..2025-04-01"),
    ("2025-02-30..2025-03-31", "'2025-02-30' is not a date"),
    ("2025-06-30..2025-04-01", "ends (2025-04-01) before it starts (2025-06-30)"),
    ("2025-04-01..next week", "expected 2025-04-01, 2025/4/1 or 2025年4月1日"),
    ("FY9999", "outside the supported"),
]


@pytest.mark.parametrize(("text", "fragment"), BAD_TEXT)
def test_bad_period_text_says_what_was_expected(text, fragment):
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert fragment in str(caught.value)
    assert repr(text) in str(caught.value) or f"'{text}'" in str(caught.value)


def test_period_error_is_a_kpiflow_error_and_a_value_error():
    with pytest.raises(KpiflowError):
        parse_period("soon")
    with pytest.raises(ValueError):
        parse_period("soon")


@pytest.mark.parametrize("fys", [0, 13, 4.0, True, "4"])
def test_fiscal_year_start_must_be_a_month_number(fys):
    with pytest.raises(PeriodError, match="fiscal_year_start must be a month number from 1 to 12"):
        parse_period("FY2025", fiscal_year_start=fys)


# kind, start, end, fiscal_year_start, a fragment of the message
BAD_PERIODS = [
    ("quater", date(2025, 4, 1), date(2025, 7, 1), 4, "did you mean 'quarter'?"),
    ("quarter", date(2025, 5, 1), date(2025, 8, 1), 4, "use kind 'custom' for other ranges"),
    ("quarter", date(2025, 4, 1), date(2025, 8, 1), 4, "spans 3 month(s) starting on the 1st of month 1, 4, 7, 10"),
    ("half", date(2025, 1, 1), date(2025, 7, 1), 4, "starting on the 1st of month 4, 10"),
    ("month", date(2025, 4, 2), date(2025, 5, 2), 4, "use kind 'custom'"),
    ("custom", date(2025, 4, 1), date(2025, 4, 1), 4, "must end after it starts"),
    ("custom", datetime(2025, 4, 1, 9), date(2025, 4, 2), 4, "a day, not a timestamp"),
]


@pytest.mark.parametrize(("kind", "start", "end", "fys", "fragment"), BAD_PERIODS)
def test_a_period_refuses_dates_that_do_not_fit_its_kind(kind, start, end, fys, fragment):
    with pytest.raises(PeriodError) as caught:
        Period(kind, start, end, fys)
    assert fragment in str(caught.value)


def test_unknown_label_language_is_refused():
    with pytest.raises(PeriodError, match="expected one of: en, ja"):
        Period.fy(2025).label("fr")


def test_a_custom_range_is_not_the_quarter_with_the_same_days():
    assert parse_period("2025-04-01..2025-06-30") != parse_period("FY2025Q1")
    assert len({parse_period("FY2025"), parse_period("2025年度"), parse_period("fy2025")}) == 1


# -- neighbours -------------------------------------------------------------------------------

# period, the period before it, the same period a year earlier
NEIGHBOURS = [
    # across the fiscal year boundary (April start)
    (Period("quarter", date(2025, 4, 1), date(2025, 7, 1), 4),
     Period("quarter", date(2025, 1, 1), date(2025, 4, 1), 4),
     Period("quarter", date(2024, 4, 1), date(2024, 7, 1), 4)),
    # across the calendar year boundary inside one fiscal year
    (Period("quarter", date(2026, 1, 1), date(2026, 4, 1), 4),
     Period("quarter", date(2025, 10, 1), date(2026, 1, 1), 4),
     Period("quarter", date(2025, 1, 1), date(2025, 4, 1), 4)),
    (Period("month", date(2026, 1, 1), date(2026, 2, 1), 4),
     Period("month", date(2025, 12, 1), date(2026, 1, 1), 4),
     Period("month", date(2025, 1, 1), date(2025, 2, 1), 4)),
    (Period("half", date(2025, 4, 1), date(2025, 10, 1), 4),
     Period("half", date(2024, 10, 1), date(2025, 4, 1), 4),
     Period("half", date(2024, 4, 1), date(2024, 10, 1), 4)),
    (Period("fy", date(2025, 4, 1), date(2026, 4, 1), 4),
     Period("fy", date(2024, 4, 1), date(2025, 4, 1), 4),
     Period("fy", date(2024, 4, 1), date(2025, 4, 1), 4)),
    # January start
    (Period("quarter", date(2025, 1, 1), date(2025, 4, 1), 1),
     Period("quarter", date(2024, 10, 1), date(2025, 1, 1), 1),
     Period("quarter", date(2024, 1, 1), date(2024, 4, 1), 1)),
    # October start: FY2025Q1 follows FY2024Q4 (July-September 2025)
    (Period("quarter", date(2025, 10, 1), date(2026, 1, 1), 10),
     Period("quarter", date(2025, 7, 1), date(2025, 10, 1), 10),
     Period("quarter", date(2024, 10, 1), date(2025, 1, 1), 10)),
    # a custom range: as many days just before; the same days a year earlier
    (Period("custom", date(2025, 4, 1), date(2025, 7, 1), 4),
     Period("custom", date(2024, 12, 31), date(2025, 4, 1), 4),  # 91 days
     Period("custom", date(2024, 4, 1), date(2024, 7, 1), 4)),
    # a leap day falls back to 28 February
    (Period("custom", date(2024, 2, 29), date(2024, 3, 1), 4),
     Period("custom", date(2024, 2, 28), date(2024, 2, 29), 4),
     Period("custom", date(2023, 2, 28), date(2023, 3, 1), 4)),
    (Period("custom", date(2024, 2, 1), date(2024, 3, 1), 4),
     Period("custom", date(2024, 1, 3), date(2024, 2, 1), 4),  # 29 days
     Period("custom", date(2023, 2, 1), date(2023, 3, 1), 4)),
]  # fmt: skip


@pytest.mark.parametrize(("period", "before", "last_year"), NEIGHBOURS)
def test_previous_and_same_period_last_year(period, before, last_year):
    assert period.previous() == before
    assert before.next() == period
    assert period.same_period_last_year() == last_year


@given(
    kind=st.sampled_from(["month", "quarter", "half", "fy"]),
    day=st.dates(min_value=date(1000, 1, 1), max_value=date(9990, 12, 31)),
    fys=st.integers(1, 12),
)
def test_neighbours_touch_and_keep_their_kind(kind, day, fys):
    period = period_of(kind, day, fys)
    assert period.previous().end == period.start
    assert period.next().start == period.end
    assert period.previous().next() == period
    last_year = period.same_period_last_year()
    assert (last_year.kind, last_year.number) == (period.kind, period.number)
    assert last_year.start == date(period.start.year - 1, period.start.month, 1)
    assert last_year.fiscal_year == period.fiscal_year - 1


# -- membership and the midnight edges -------------------------------------------------------

FY2025 = Period("fy", date(2025, 4, 1), date(2026, 4, 1), 4)

# timestamp or day, in FY2025 (April start)?
EDGES = [
    (datetime(2025, 3, 31, 23, 59, 59), False),
    (datetime(2025, 4, 1, 0, 0, 0), True),
    (datetime(2026, 3, 31, 23, 59, 59), True),
    (datetime(2026, 3, 31, 23, 59, 59, 999999), True),
    (datetime(2026, 4, 1, 0, 0, 0), False),
    (date(2025, 3, 31), False),
    (date(2025, 4, 1), True),
    (date(2026, 3, 31), True),
    (date(2026, 4, 1), False),
]


@pytest.mark.parametrize(("when", "inside"), EDGES)
def test_contains_at_the_fiscal_year_edges(when, inside):
    assert FY2025.contains(when) is inside
    assert (when in FY2025) is inside


def test_the_last_second_of_march_is_fy2025_and_midnight_is_fy2026():
    assert period_of("fy", datetime(2026, 3, 31, 23, 59, 59)) == Period.fy(2025)
    assert period_of("fy", datetime(2026, 4, 1, 0, 0)) == Period.fy(2026)
    assert period_of("quarter", datetime(2025, 12, 31, 23, 59, 59)).label() == "FY2025Q3"
    assert period_of("quarter", datetime(2026, 1, 1, 0, 0)).label() == "FY2025Q4"


def test_contains_refuses_a_timestamp_with_a_time_zone():
    aware = datetime(2025, 6, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    with pytest.raises(PeriodError, match="naive wall-clock"):
        FY2025.contains(aware)


def test_sql_bounds_are_midnights_for_a_half_open_range():
    q3 = Period("quarter", date(2025, 10, 1), date(2026, 1, 1), 4)
    assert q3.sql_bounds() == (datetime(2025, 10, 1, 0, 0), datetime(2026, 1, 1, 0, 0))
    start, end = q3.sql_bounds()
    assert start <= datetime(2025, 12, 31, 23, 59, 59) < end
    assert not (datetime(2026, 1, 1) < end)


# -- periods around dates ---------------------------------------------------------------------

# kind, day or timestamp, fiscal_year_start, first day of the period containing it, its English label
PERIOD_OF = [
    ("month", datetime(2025, 10, 31, 23, 59), 4, date(2025, 10, 1), "2025-10"),
    ("quarter", date(2026, 1, 15), 4, date(2026, 1, 1), "FY2025Q4"),
    ("quarter", date(2025, 3, 31), 4, date(2025, 1, 1), "FY2024Q4"),
    ("half", date(2025, 9, 30), 4, date(2025, 4, 1), "FY2025H1"),
    ("half", date(2025, 10, 1), 4, date(2025, 10, 1), "FY2025H2"),
    ("fy", date(2025, 3, 31), 4, date(2024, 4, 1), "FY2024"),
    ("fy", date(2025, 3, 31), 1, date(2025, 1, 1), "FY2025"),
    ("fy", date(2025, 12, 31), 1, date(2025, 1, 1), "FY2025"),
    ("quarter", date(2025, 9, 30), 10, date(2025, 7, 1), "FY2024Q4"),
    ("quarter", date(2025, 10, 1), 10, date(2025, 10, 1), "FY2025Q1"),
    ("half", date(2026, 4, 1), 10, date(2026, 4, 1), "FY2025H2"),
]


@pytest.mark.parametrize(("kind", "when", "fys", "start", "label"), PERIOD_OF)
def test_period_of(kind, when, fys, start, label):
    period = period_of(kind, when, fys)
    assert (period.kind, period.start, period.label()) == (kind, start, label)


# kind, start, end, fiscal_year_start, English labels of the overlapping periods
BETWEEN = [
    ("quarter", date(2025, 5, 15), date(2025, 11, 1), 4, ["FY2025Q1", "FY2025Q2", "FY2025Q3"]),
    ("quarter", date(2025, 4, 1), date(2025, 10, 1), 4, ["FY2025Q1", "FY2025Q2"]),  # the end is exclusive
    ("month", date(2025, 1, 31), date(2025, 3, 1), 4, ["2025-01", "2025-02"]),
    ("fy", date(2025, 1, 1), date(2026, 1, 1), 4, ["FY2024", "FY2025"]),
    ("fy", date(2025, 1, 1), date(2026, 1, 1), 1, ["FY2025"]),
    ("half", datetime(2025, 4, 1), datetime(2025, 10, 1, 0, 0, 1), 4, ["FY2025H1", "FY2025H2"]),
    ("half", datetime(2025, 4, 1), datetime(2025, 10, 1, 0, 0, 0), 4, ["FY2025H1"]),
    ("quarter", date(2025, 6, 1), date(2025, 6, 1), 4, []),  # an empty range overlaps nothing
]


@pytest.mark.parametrize(("kind", "start", "end", "fys", "labels"), BETWEEN)
def test_periods_between(kind, start, end, fys, labels):
    assert [p.label() for p in periods_between(kind, start, end, fys)] == labels


def test_periods_between_refuses_a_reversed_range_and_custom_kind():
    with pytest.raises(PeriodError, match="before the start"):
        periods_between("month", date(2025, 6, 1), date(2025, 5, 1))
    with pytest.raises(PeriodError, match="custom range has no calendar"):
        periods_between("custom", date(2025, 5, 1), date(2025, 6, 1))
    with pytest.raises(PeriodError, match="did you mean 'quarter'"):
        period_of("quartr", date(2025, 5, 1))


# -- trailing windows: --last 4q -------------------------------------------------------------

# spec, today, fiscal_year_start, English labels of the complete periods, oldest first
TRAILING = [
    ("4q", date(2025, 11, 15), 4, ["FY2024Q3", "FY2024Q4", "FY2025Q1", "FY2025Q2"]),
    ("12m", date(2025, 11, 15), 4, ["2024-11", "2024-12"] + [f"2025-{m:02d}" for m in range(1, 11)]),
    ("2h", date(2025, 11, 15), 4, ["FY2024H2", "FY2025H1"]),
    ("3y", date(2025, 11, 15), 4, ["FY2022", "FY2023", "FY2024"]),
    ("1q", date(2025, 10, 1), 4, ["FY2025Q2"]),  # the first day of a quarter: the one just ended
    ("1y", datetime(2026, 3, 31, 23, 59, 59), 4, ["FY2024"]),  # FY2025 is not over yet
    ("1y", datetime(2026, 4, 1, 0, 0), 4, ["FY2025"]),  # ... and now it is
    ("4q", date(2025, 11, 15), 1, ["FY2024Q4", "FY2025Q1", "FY2025Q2", "FY2025Q3"]),
    ("2h", date(2026, 1, 5), 10, ["FY2024H1", "FY2024H2"]),  # 2026-01-05 is in FY2025H1 (October start)
    ("1m", date(2026, 1, 1), 4, ["2025-12"]),
]


@pytest.mark.parametrize(("spec", "today", "fys", "labels"), TRAILING)
def test_trailing_windows_hold_complete_periods_only(spec, today, fys, labels):
    assert [p.label() for p in trailing(spec, today, fys)] == labels


def test_trailing_for_october_start_spelled_out():
    # FY2025 starts 2025-10-01; on 2026-01-05 we are in FY2025H1, so the last two halves are
    # FY2024H1 (2024-10..2025-04) and FY2024H2 (2025-04..2025-10).
    halves = trailing("2h", date(2026, 1, 5), 10)
    assert [(h.start, h.end) for h in halves] == [(date(2024, 10, 1), date(2025, 4, 1)), (date(2025, 4, 1), date(2025, 10, 1))]


def test_trailing_takes_a_parsed_window_too():
    assert trailing(TrailingWindow(2, "quarter"), date(2025, 11, 15)) == trailing("2q", date(2025, 11, 15))


# spec, count, kind
LAST_SPECS = [
    ("4q", 4, "quarter"),
    ("4Q", 4, "quarter"),
    (" 4 q ", 4, "quarter"),
    ("４ｑ", 4, "quarter"),
    ("4 quarters", 4, "quarter"),
    ("4四半期", 4, "quarter"),
    ("12m", 12, "month"),
    ("12 months", 12, "month"),
    ("12ヶ月", 12, "month"),
    ("12か月", 12, "month"),
    ("2h", 2, "half"),
    ("2 halves", 2, "half"),
    ("3y", 3, "fy"),
    ("3 years", 3, "fy"),
    ("3fy", 3, "fy"),
    ("3年", 3, "fy"),
]


@pytest.mark.parametrize(("spec", "count", "kind"), LAST_SPECS)
def test_parse_last(spec, count, kind):
    assert parse_last(spec) == TrailingWindow(count, kind)


@pytest.mark.parametrize(("window", "text"), [(TrailingWindow(4, "quarter"), "4q"), (TrailingWindow(12, "month"), "12m"),
                                              (TrailingWindow(2, "half"), "2h"), (TrailingWindow(3, "fy"), "3y")])  # fmt: skip
def test_a_trailing_window_prints_as_typed(window, text):
    assert str(window) == text
    assert parse_last(text) == window


# spec, a fragment of the message
BAD_LAST = [
    ("", "expected a count and a unit, like 12m (months), 4q (quarters)"),
    ("q4", "cannot read 'q4' as a trailing window"),
    ("-1q", "cannot read '-1q'"),
    ("0q", "needs at least one period"),
    ("4w", "unknown unit 'w'"),
    ("4 quaters", "did you mean 'quarters'?"),
    ("4q2", "cannot read '4q2'"),
]


@pytest.mark.parametrize(("spec", "fragment"), BAD_LAST)
def test_bad_trailing_windows_say_what_was_expected(spec, fragment):
    with pytest.raises(PeriodError) as caught:
        parse_last(spec)
    assert fragment in str(caught.value)


# -- ranges of periods ------------------------------------------------------------------------

# text, fiscal_year_start, kind of the ends, first day, exclusive end, English label, Japanese label
RANGES = [
    ("FY2024..FY2025", 4, "fy", date(2024, 4, 1), date(2026, 4, 1), "FY2024..FY2025", "2024年度〜2025年度"),
    ("2025年度..2026年度", 4, "fy", date(2025, 4, 1), date(2027, 4, 1), "FY2025..FY2026", "2025年度〜2026年度"),
    ("2024年度〜2025年度", 4, "fy", date(2024, 4, 1), date(2026, 4, 1), "FY2024..FY2025", "2024年度〜2025年度"),
    ("ＦＹ２０２４～ＦＹ２０２５", 4, "fy", date(2024, 4, 1), date(2026, 4, 1), "FY2024..FY2025", "2024年度〜2025年度"),
    ("FY2024..FY2025", 1, "fy", date(2024, 1, 1), date(2026, 1, 1), "FY2024..FY2025", "2024年度〜2025年度"),
    ("FY2025Q1..FY2025Q3", 4, "quarter", date(2025, 4, 1), date(2026, 1, 1),
     "FY2025Q1..FY2025Q3", "2025年度 第1四半期〜2025年度 第3四半期"),
    ("FY2024Q4 .. FY2025Q1", 4, "quarter", date(2025, 1, 1), date(2025, 7, 1),
     "FY2024Q4..FY2025Q1", "2024年度 第4四半期〜2025年度 第1四半期"),
    ("2025年度第3四半期〜2025年度第4四半期", 10, "quarter", date(2026, 4, 1), date(2026, 10, 1),
     "FY2025Q3..FY2025Q4", "2025年度 第3四半期〜2025年度 第4四半期"),
    ("fy2025h1~fy2025h2", 4, "half", date(2025, 4, 1), date(2026, 4, 1), "FY2025H1..FY2025H2", "2025年度 上期〜2025年度 下期"),
    ("2025年度下期〜2026年度上期", 4, "half", date(2025, 10, 1), date(2026, 10, 1),
     "FY2025H2..FY2026H1", "2025年度 下期〜2026年度 上期"),
    ("2025-04..2025-09", 4, "month", date(2025, 4, 1), date(2025, 10, 1), "2025-04..2025-09", "2025年4月〜2025年9月"),
    ("2025年4月〜2025年9月", 4, "month", date(2025, 4, 1), date(2025, 10, 1), "2025-04..2025-09", "2025年4月〜2025年9月"),
    ("2025年11月から2026年2月", 4, "month", date(2025, 11, 1), date(2026, 3, 1), "2025-11..2026-02", "2025年11月〜2026年2月"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fys", "of", "start", "end", "en", "ja"), RANGES)
def test_a_range_of_periods_runs_from_the_first_day_of_one_to_the_last_day_of_the_other(text, fys, of, start, end, en, ja):
    period = parse_period(text, fiscal_year_start=fys)
    assert period == Period("custom", start, end, fys, range_of=of)
    assert (period.label("en"), period.label("ja")) == (en, ja)
    assert parse_period(en, fys) == period and parse_period(ja, fys) == period


def test_a_range_is_neither_the_date_range_nor_the_period_with_the_same_days():
    halves = parse_period("FY2025H1..FY2025H2")
    assert halves.sql_bounds() == parse_period("FY2025").sql_bounds()
    assert halves != parse_period("FY2025")
    assert halves != parse_period("2025-04-01..2026-03-31")
    assert parse_period("FY2025..FY2025") == parse_period("FY2025")  # a range of one period is the period


@given(
    kind=st.sampled_from(["month", "quarter", "half", "fy"]),
    day=st.dates(min_value=date(1001, 1, 1), max_value=date(9000, 12, 31)),  # from 1001: the fiscal year of January 1000 would be FY999, a label kpiflow does not write
    count=st.integers(2, 30),
    fys=st.integers(1, 12),
    lang=st.sampled_from(["en", "ja"]),
)
def test_any_range_of_periods_round_trips_and_spans_its_periods(kind, day, count, fys, lang):
    first = last = period_of(kind, day, fys)
    for _ in range(count - 1):
        last = last.next()
    period = Period.span(first, last)
    assert parse_period(period.label(lang), fiscal_year_start=fys) == period
    assert len(periods_between(kind, period.start, period.end, fys)) == count
    assert period.previous().end == period.start and period.next().start == period.end


# a range, the range before it (as many periods), the same range a year earlier
RANGE_NEIGHBOURS = [
    ("FY2024..FY2025", "FY2022..FY2023", "FY2023..FY2024"),
    ("FY2025Q1..FY2025Q3", "FY2024Q2..FY2024Q4", "FY2024Q1..FY2024Q3"),
    ("FY2025H2..FY2026H1", "FY2024H2..FY2025H1", "FY2024H2..FY2025H1"),
    ("2025-11..2026-02", "2025-07..2025-10", "2024-11..2025-02"),
]


@pytest.mark.parametrize(("text", "before", "last_year"), RANGE_NEIGHBOURS)
def test_a_range_steps_by_whole_periods(text, before, last_year):
    period = parse_period(text)
    assert period.previous() == parse_period(before)
    assert parse_period(before).next() == period
    assert period.same_period_last_year() == parse_period(last_year)


# text, a fragment the message must contain
BAD_RANGES = [
    ("FY2025..FY2024", "the range ends (FY2024) before it starts (FY2025)"),
    ("2025-09..2025-04", "the range ends (2025-04) before it starts (2025-09)"),
    ("FY2025..FY2025Q3", "FY2025 is a fiscal year, FY2025Q3 is a quarter"),
    ("FY2025H1..FY2025Q3", "FY2025H1 is a half, FY2025Q3 is a quarter"),
    ("2025-04..2025-09-30", "2025-04 is a month, 2025-09-30 is a day"),
    ("FY2025..soon", "or a period such as FY2025"),
    ("all", "'all' is everything the data covers"),
]


@pytest.mark.parametrize(("text", "fragment"), BAD_RANGES)
def test_bad_ranges_say_what_is_wrong(text, fragment):
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    assert fragment in str(caught.value)
    assert f"'{text}'" in str(caught.value)


# kind, start, end, range_of, a fragment of the message
BAD_RANGE_PERIODS = [
    ("fy", date(2024, 4, 1), date(2025, 4, 1), "fy", "only a custom period can be a range"),
    ("custom", date(2024, 4, 1), date(2025, 4, 1), "fy", "a range from FY2024 to itself is FY2024"),
    ("custom", date(2024, 4, 2), date(2026, 4, 1), "fy", "starts on the first day of one and ends on the last day of another"),
    ("custom", date(2025, 4, 1), date(2025, 8, 1), "quarter", "ends on the last day of another"),
    ("custom", date(2025, 4, 1), date(2025, 8, 1), "week", "unknown period kind 'week'"),
]


@pytest.mark.parametrize(("kind", "start", "end", "of", "fragment"), BAD_RANGE_PERIODS)
def test_a_range_of_periods_must_be_made_of_whole_periods(kind, start, end, of, fragment):
    with pytest.raises(PeriodError) as caught:
        Period(kind, start, end, 4, range_of=of)
    assert fragment in str(caught.value)


def test_span_needs_two_regular_periods_with_one_fiscal_calendar():
    with pytest.raises(PeriodError, match="same fiscal_year_start"):
        Period.span(Period.fy(2024, 4), Period.fy(2025, 1))
    with pytest.raises(PeriodError, match="a month, quarter, half or fiscal year at each end"):
        Period.span(parse_period("2025-04-01..2025-04-30"), Period.month(2025, 6))


@pytest.mark.parametrize(("text", "meant"), [("all", True), (" ALL ", True), ("ａｌｌ", True), ("全期間", True),
                                            ("FY2025", False), ("allx", False), (None, False)])  # fmt: skip
def test_all_means_everything_the_data_covers(text, meant):
    assert means_all(text) is meant


# -- ordering ---------------------------------------------------------------------------------


def test_periods_sort_by_start_then_end():
    fy2025, q1, q4_prev, month = (parse_period(t) for t in ("FY2025", "FY2025Q1", "FY2024Q4", "2025-05"))
    assert sorted([fy2025, month, q1, q4_prev]) == [q4_prev, q1, fy2025, month]
    assert q1 < fy2025 <= fy2025
    assert month > fy2025 >= q1
    assert max(periods_between("month", date(2025, 4, 1), date(2026, 4, 1))).label() == "2026-03"


def test_periods_do_not_compare_with_other_things():
    with pytest.raises(TypeError):
        _ = Period.fy(2025) < "FY2026"


def test_a_workspace_lists_the_periods_its_data_touches(tiny):
    # The tree's data runs from C1's lead at 2025-03-31 23:59 (FY2024Q4) to C4 created 2025-10-10 (FY2025Q3).
    assert [p.label("en") for p in tiny.periods("fy")] == ["FY2024", "FY2025"]
    assert [p.label("en") for p in tiny.periods("quarter")] == ["FY2024Q4", "FY2025Q1", "FY2025Q2", "FY2025Q3"]
    assert [p.label("en") for p in tiny.periods("half")] == ["FY2024H2", "FY2025H1", "FY2025H2"]
    assert [p.label("en") for p in tiny.periods("month")][0] == "2025-03" and len(tiny.periods("month")) == 8
    with pytest.raises(KpiflowError, match="did you mean 'quarter'"):
        tiny.periods("quater")
