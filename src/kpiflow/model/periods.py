"""Fiscal periods: months, quarters, halves, fiscal years and custom date ranges.

Conventions (the same everywhere in kpiflow):

- A fiscal year is named after the calendar year in which it **starts**, as 年度 is in Japan:
  with ``fiscal_year_start=4``, FY2025 (2025年度) runs from 2025-04-01 to 2026-03-31. With
  ``fiscal_year_start=1`` the fiscal year is the calendar year; with ``fiscal_year_start=10``
  FY2025 runs from 2025-10-01 to 2026-09-30 (some US companies would call that FY2026; kpiflow
  does not).
- Quarters and halves are fiscal: FY2025Q1 starts on the fiscal year's first day. Months are
  calendar months and are labelled as such (``2025-10``, ``2025年10月``).
- A period is the half-open range ``[start, end)``: ``start`` is its first day, ``end`` the day
  after its last. Timestamps are naive wall-clock times in the workspace zone (Asia/Tokyo), so
  2026-03-31 23:59:59 is in FY2025 and 2026-04-01 00:00:00 is in FY2026. In SQL:
  ``ts >= start AND ts < end`` with the bounds from `Period.sql_bounds`.
- Date ranges are typed with both ends included (``2025-04-01..2025-06-30``) and stored with
  the end exclusive (``end = 2025-07-01``).
- Ranges of periods are typed the same way, both ends included and of the same kind
  (``FY2024..FY2025``, ``FY2025Q1..FY2025Q3``, ``2025-04..2025-09``, ``2024年度〜2025年度``): from
  the first day of the first period to the last day of the last. They are custom periods that
  remember the kind of their ends (`Period.range_of`), so they label and step as typed.
- ``all`` (``全期間``) means everything the data covers; only a workspace knows that, so
  `parse_period` refuses it and `Workspace` resolves it.
- Trailing windows (``--last 4q``) hold complete periods only: the N periods of that kind just
  before the one containing today, oldest first.

Everything here is pure: no I/O, nothing done at import time.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from kpiflow.errors import KpiflowError, did_you_mean, hint_or_expected, suggest
from kpiflow.messages import say

PeriodKind = Literal["month", "quarter", "half", "fy", "custom"]

KINDS: tuple[str, ...] = ("month", "quarter", "half", "fy", "custom")
"""Every kind of period, shortest regular kind first."""

MONTHS_IN: dict[str, int] = {"month": 1, "quarter": 3, "half": 6, "fy": 12}
"""How many months each regular (non-custom) kind spans."""

LANGS: tuple[str, ...] = ("en", "ja")

ALL: tuple[str, ...] = ("all", "全期間")
"""The words for "everything the data covers" (resolved by a workspace, which knows the data)."""


def _kind_name(end: Period | dt.date, lang: str) -> str:
    """What one end of a range is, in a message: a month, a quarter, ..., a day."""
    return say(f"period.a.{end.kind if isinstance(end, Period) else 'day'}", lang)


class PeriodError(KpiflowError, ValueError):
    """A period, a period kind or a trailing window (``--last 4q``) could not be understood."""

    exit_code = 2


def _check_fiscal_year_start(fiscal_year_start: int) -> None:
    if isinstance(fiscal_year_start, bool) or not isinstance(fiscal_year_start, int) or not 1 <= fiscal_year_start <= 12:
        raise PeriodError(f"fiscal_year_start must be a month number from 1 to 12 (got {fiscal_year_start!r}); 4 means April")


def _first_of_month(year: int, month: int) -> dt.date:
    try:
        return dt.date(year, month, 1)
    except ValueError:
        raise PeriodError.worded(lambda lang: say("period.year_range", lang, year=year)) from None


def _add_months(first_of_month: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after the month of `first_of_month`."""
    index = first_of_month.year * 12 + (first_of_month.month - 1) + months
    try:
        return dt.date(index // 12, index % 12 + 1, 1)
    except ValueError:
        raise PeriodError(
            f"the period is outside the supported dates (years 1 to 9999): {index // 12}-{index % 12 + 1:02d}"
        ) from None


def _shift_day_by_years(day: dt.date, years: int) -> dt.date:
    """The same day-of-month `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        if day.month == 2 and day.day == 29:
            return day.replace(year=day.year + years, day=28)
        raise PeriodError(f"{day.isoformat()} shifted by {years} year(s) is outside the supported dates") from None


def _naive(value: dt.datetime, what: str) -> dt.datetime:
    if value.tzinfo is not None and value.utcoffset() is not None:
        raise PeriodError(
            f"{what} {value.isoformat()} has a time zone; kpiflow timestamps are naive wall-clock times in the "
            "workspace zone (convert with .astimezone(ZoneInfo('Asia/Tokyo')).replace(tzinfo=None))"
        )
    return value


def _as_datetime(value: dt.date | dt.datetime, what: str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return _naive(value, what)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    raise TypeError(f"{what} must be a datetime.date or datetime.datetime, not {type(value).__name__}")


def _as_date(value: dt.date | dt.datetime, what: str) -> dt.date:
    return _as_datetime(value, what).date()


def _fiscal_year_of(day: dt.date, fiscal_year_start: int) -> int:
    return day.year if day.month >= fiscal_year_start else day.year - 1


@dataclass(frozen=True)
class Period:
    """A month, fiscal quarter, fiscal half, fiscal year or custom range: the days ``[start, end)``.

    Build regular periods with `Period.fy`, `Period.quarter`, `Period.half`, `Period.month`, a
    range with `Period.custom`, or any of them from text with `parse_period`. Periods sort by
    start, then end (so FY2025Q1 sorts before FY2025), and ``str()`` is the English label.
    Two periods are equal only if kind, dates and fiscal_year_start all are: a custom range
    covering the same days as FY2025Q1 is not FY2025Q1.

    A range of regular periods (``FY2024..FY2025``, built with `Period.span`) is a custom
    period whose `range_of` is the kind of its ends: it spans whole periods of that kind, at
    least two, and labels itself with its ends' labels.
    """

    kind: PeriodKind
    start: dt.date
    end: dt.date
    fiscal_year_start: int = 4
    range_of: PeriodKind | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            hint = suggest(str(self.kind), KINDS)
            raise PeriodError(
                f"unknown period kind '{self.kind}'"
                + (f" (did you mean '{hint}'?)" if hint else f"; expected one of: {', '.join(KINDS)}")
            )
        _check_fiscal_year_start(self.fiscal_year_start)
        for name in ("start", "end"):
            value = getattr(self, name)
            if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
                raise PeriodError(f"Period.{name} must be a datetime.date (a day, not a timestamp); got {value!r}")
        if self.end <= self.start:
            raise PeriodError(f"a period must end after it starts; got start {self.start} and (exclusive) end {self.end}")
        if self.range_of is not None:
            self._check_range()
        if self.kind == "custom":
            return
        months = MONTHS_IN[self.kind]
        aligned = self.start.day == 1 and (self.start.month - self.fiscal_year_start) % months == 0
        if not aligned or self.end != _add_months(self.start, months):
            starts = sorted({(self.fiscal_year_start - 1 + k * months) % 12 + 1 for k in range(12 // months)})
            raise PeriodError(
                f"a {self.kind} spans {months} month(s) starting on the 1st of month "
                f"{', '.join(map(str, starts))} (fiscal_year_start={self.fiscal_year_start}); "
                f"got {self.start}..{self.end} (end exclusive); use kind 'custom' for other ranges"
            )

    def _check_range(self) -> None:
        if self.kind != "custom":
            raise PeriodError(f"only a custom period can be a range of periods (got kind '{self.kind}' with range_of)")
        _check_regular_kind(self.range_of)  # type: ignore[arg-type]
        first, last = self._ends()
        if first.start != self.start or last.end != self.end:
            raise PeriodError(
                f"a range of {self.range_of} periods starts on the first day of one and ends on the last day of another; "
                f"got {self.start}..{self.last_day} (fiscal_year_start={self.fiscal_year_start})"
            )
        if first == last:
            raise PeriodError(f"a range from {first} to itself is {first}; use the period itself")

    def _ends(self) -> tuple[Period, Period]:
        """The first and the last period of a range of periods."""
        kind = str(self.range_of)
        return period_of(kind, self.start, self.fiscal_year_start), period_of(kind, self.last_day, self.fiscal_year_start)

    # -- constructors ---------------------------------------------------------------------

    @classmethod
    def fy(cls, year: int, fiscal_year_start: int = 4) -> Period:
        """Fiscal year `year` (2025年度): from the 1st of month `fiscal_year_start` of `year`, for 12 months."""
        _check_fiscal_year_start(fiscal_year_start)
        start = _first_of_month(year, fiscal_year_start)
        return cls("fy", start, _add_months(start, 12), fiscal_year_start)

    @classmethod
    def quarter(cls, year: int, number: int, fiscal_year_start: int = 4) -> Period:
        """Fiscal quarter `number` (1-4) of fiscal year `year`: FY2025Q3."""
        if number not in (1, 2, 3, 4):
            raise PeriodError(f"a quarter number is 1, 2, 3 or 4 (got {number!r})")
        start = _add_months(cls.fy(year, fiscal_year_start).start, 3 * (number - 1))
        return cls("quarter", start, _add_months(start, 3), fiscal_year_start)

    @classmethod
    def half(cls, year: int, number: int, fiscal_year_start: int = 4) -> Period:
        """Fiscal half `number` (1 = 上期, 2 = 下期) of fiscal year `year`: FY2025H2."""
        if number not in (1, 2):
            raise PeriodError(f"a half number is 1 (上期, first half) or 2 (下期, second half) (got {number!r})")
        start = _add_months(cls.fy(year, fiscal_year_start).start, 6 * (number - 1))
        return cls("half", start, _add_months(start, 6), fiscal_year_start)

    @classmethod
    def month(cls, year: int, month: int, fiscal_year_start: int = 4) -> Period:
        """Calendar month `month` (1-12) of calendar year `year`: 2025-10."""
        if month not in range(1, 13):
            raise PeriodError(f"a month is a number from 1 to 12 (got {month!r})")
        start = _first_of_month(year, month)
        return cls("month", start, _add_months(start, 1), fiscal_year_start)

    @classmethod
    def custom(cls, first_day: dt.date, last_day: dt.date, fiscal_year_start: int = 4) -> Period:
        """The days from `first_day` to `last_day`, **both included** (stored with the end exclusive)."""
        first_day, last_day = _as_date(first_day, "first_day"), _as_date(last_day, "last_day")
        if last_day < first_day:
            raise PeriodError.worded(lambda lang: say("period.range_backwards", lang, first=first_day, last=last_day))
        try:
            end = last_day + dt.timedelta(days=1)
        except OverflowError:
            raise PeriodError(f"{last_day} is the last supported date; a range cannot include it") from None
        return cls("custom", first_day, end, fiscal_year_start)

    @classmethod
    def span(cls, first: Period, last: Period) -> Period:
        """The periods from `first` to `last`, both included, as one range: FY2024..FY2025.

        Both ends are regular periods of the same kind and fiscal_year_start; a range from a
        period to itself is that period.
        """
        for end in (first, last):
            if not isinstance(end, Period):
                raise PeriodError(f"a range of periods is made of two periods (got {end!r})")
            if end.kind not in MONTHS_IN:
                raise PeriodError(f"a range of periods has a month, quarter, half or fiscal year at each end (got {end})")
        if first.kind != last.kind:
            raise PeriodError.worded(
                lambda lang: say(
                    "period.span_kinds", lang, first=first, last=last, first_kind=_kind_name(first, lang), last_kind=_kind_name(last, lang)
                )
            )
        if first.fiscal_year_start != last.fiscal_year_start:
            raise PeriodError(f"both ends of a range need the same fiscal_year_start ({first.fiscal_year_start} and {last.fiscal_year_start})")
        if last.start < first.start:
            raise PeriodError.worded(lambda lang: say("period.range_backwards", lang, first=first, last=last))
        if first == last:
            return first
        return cls("custom", first.start, last.end, first.fiscal_year_start, first.kind)

    # -- what it is ------------------------------------------------------------------------

    @property
    def last_day(self) -> dt.date:
        """The last day in the period (``end`` minus one day)."""
        return self.end - dt.timedelta(days=1)

    @property
    def days(self) -> int:
        """How many days the period spans."""
        return (self.end - self.start).days

    @property
    def fiscal_year(self) -> int:
        """The fiscal year (by its label year) that contains the period's first day."""
        return _fiscal_year_of(self.start, self.fiscal_year_start)

    @property
    def number(self) -> int | None:
        """Quarter 1-4, half 1-2, calendar month 1-12; None for a fiscal year or a custom range."""
        if self.kind == "month":
            return self.start.month
        if self.kind in ("quarter", "half"):
            return (self.start.month - self.fiscal_year_start) % 12 // MONTHS_IN[self.kind] + 1
        return None

    def label(self, lang: str = "en") -> str:
        """FY2025 / FY2025Q3 / FY2025H2 / 2025-10 / 2025-04-01..2025-06-30 / FY2024..FY2025 in English;
        2025年度 / 2025年度 第3四半期 / 2025年度 下期 / 2025年10月 / 2025年4月1日〜2025年6月30日 /
        2024年度〜2025年度 in Japanese.

        Every label reads back with `parse_period` (given the same fiscal_year_start).
        """
        if lang not in LANGS:
            raise PeriodError(f"unknown label language '{lang}'; expected one of: {', '.join(LANGS)}")
        year, ja = self.fiscal_year, lang == "ja"
        if self.range_of is not None:
            first, last = self._ends()
            return f"{first.label(lang)}{'〜' if ja else '..'}{last.label(lang)}"
        if self.kind == "fy":
            return f"{year}年度" if ja else f"FY{year}"
        if self.kind == "quarter":
            return f"{year}年度 第{self.number}四半期" if ja else f"FY{year}Q{self.number}"
        if self.kind == "half":
            return f"{year}年度 {'上期' if self.number == 1 else '下期'}" if ja else f"FY{year}H{self.number}"
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月" if ja else f"{self.start.year}-{self.start.month:02d}"
        first, last = self.start, self.last_day
        if ja:
            return f"{first.year}年{first.month}月{first.day}日〜{last.year}年{last.month}月{last.day}日"
        return f"{first.isoformat()}..{last.isoformat()}"

    def __str__(self) -> str:
        return self.label("en")

    # -- ordering --------------------------------------------------------------------------

    def _sort_key(self) -> tuple[dt.date, dt.date, int, int, str]:
        return (self.start, self.end, KINDS.index(self.kind), self.fiscal_year_start, self.range_of or "")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() >= other._sort_key()

    # -- neighbours ------------------------------------------------------------------------

    def _months(self) -> int:
        """How many months a regular period or a range of periods spans."""
        if self.range_of is None:
            return MONTHS_IN[self.kind]
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month

    def _shifted(self, months: int) -> Period:
        start = _add_months(self.start, months)
        return Period(self.kind, start, _add_months(start, self._months()), self.fiscal_year_start, self.range_of)

    def previous(self) -> Period:
        """The period of the same kind just before this one (a custom range: as many days, ending at our start;
        a range of periods: as many periods, FY2022..FY2023 before FY2024..FY2025)."""
        if self.range_of is not None:
            return self._shifted(-self._months())
        if self.kind == "custom":
            try:
                return Period("custom", self.start - (self.end - self.start), self.start, self.fiscal_year_start)
            except OverflowError:
                raise PeriodError(f"the range before {self} starts before year 1") from None
        return self._shifted(-MONTHS_IN[self.kind])

    def next(self) -> Period:
        """The period of the same kind just after this one (a custom range: as many days, starting at our end;
        a range of periods: as many periods)."""
        if self.range_of is not None:
            return self._shifted(self._months())
        if self.kind == "custom":
            try:
                return Period("custom", self.end, self.end + (self.end - self.start), self.fiscal_year_start)
            except OverflowError:
                raise PeriodError(f"the range after {self} ends after year 9999") from None
        return self._shifted(MONTHS_IN[self.kind])

    def same_period_last_year(self) -> Period:
        """The same period one year earlier: FY2025Q3 -> FY2024Q3, 2025-10 -> 2024-10.

        A custom range moves its first and last day back one calendar year each (29 February
        becomes 28 February); a range of periods moves back twelve months (FY2023..FY2024 for
        FY2024..FY2025).
        """
        if self.kind == "custom" and self.range_of is None:
            return Period.custom(
                _shift_day_by_years(self.start, -1), _shift_day_by_years(self.last_day, -1), self.fiscal_year_start
            )
        return self._shifted(-12)

    # -- membership ------------------------------------------------------------------------

    def contains(self, when: dt.date | dt.datetime) -> bool:
        """Whether a day or a naive wall-clock timestamp falls in ``[start, end)``.

        2026-03-31 23:59:59 is in FY2025 (April start); 2026-04-01 00:00:00 is in FY2026.
        A timestamp with a time zone is refused: kpiflow timestamps are naive, in the workspace zone.
        """
        start, end = self.sql_bounds()
        return start <= _as_datetime(when, "the timestamp") < end

    def __contains__(self, when: object) -> bool:
        return self.contains(when)  # type: ignore[arg-type]

    def sql_bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """``(start, end)`` as midnights, for ``ts >= start AND ts < end``."""
        return dt.datetime.combine(self.start, dt.time()), dt.datetime.combine(self.end, dt.time())


# -- periods around a date --------------------------------------------------------------------


def _check_regular_kind(kind: str) -> None:
    if kind not in MONTHS_IN:
        regular = list(MONTHS_IN)
        hint = suggest(str(kind), regular)

        def wording(lang: str) -> str:
            extra = say("period.custom_has_no_calendar", lang) if kind == "custom" else ""
            ending = hint_or_expected(hint, regular, lang)
            return say("period.unknown_kind", lang, kind=kind, extra=extra, hint=ending)

        raise PeriodError.worded(wording)


def period_of(kind: str, when: dt.date | dt.datetime, fiscal_year_start: int = 4) -> Period:
    """The month, quarter, half or fiscal year that contains a day or a naive timestamp."""
    _check_regular_kind(kind)
    _check_fiscal_year_start(fiscal_year_start)
    day = _as_date(when, "the date")
    if kind == "month":
        return Period.month(day.year, day.month, fiscal_year_start)
    fiscal_year = Period.fy(_fiscal_year_of(day, fiscal_year_start), fiscal_year_start)
    if kind == "fy":
        return fiscal_year
    months = MONTHS_IN[kind]
    offset = (day.month - fiscal_year_start) % 12 // months * months
    start = _add_months(fiscal_year.start, offset)
    return Period(kind, start, _add_months(start, months), fiscal_year_start)  # type: ignore[arg-type]


def periods_between(
    kind: str, start: dt.date | dt.datetime, end: dt.date | dt.datetime, fiscal_year_start: int = 4
) -> list[Period]:
    """Every period of `kind` that overlaps ``[start, end)``, in order; empty when start == end."""
    _check_regular_kind(kind)
    start_at, end_at = _as_datetime(start, "the start"), _as_datetime(end, "the end")
    if end_at < start_at:
        raise PeriodError(f"the end ({end}) is before the start ({start}); periods_between takes [start, end)")
    found: list[Period] = []
    period = period_of(kind, start_at, fiscal_year_start)
    while start_at < end_at and period.sql_bounds()[0] < end_at:
        found.append(period)
        period = period.next()
    return found


# -- trailing windows: --last 4q ------------------------------------------------------------

_WINDOW_UNITS: dict[str, str] = {
    **dict.fromkeys(("m", "mo", "mon", "month", "months", "か月", "ヶ月", "カ月", "ケ月", "ヵ月"), "month"),
    **dict.fromkeys(("q", "qtr", "quarter", "quarters", "四半期"), "quarter"),
    **dict.fromkeys(("h", "half", "halves", "halfyear", "halfyears", "半期"), "half"),
    **dict.fromkeys(("y", "yr", "year", "years", "fy", "年", "年度"), "fy"),
}
_WINDOW_LETTER = {"month": "m", "quarter": "q", "half": "h", "fy": "y"}


@dataclass(frozen=True)
class TrailingWindow:
    """The last `count` complete periods of `kind`, as written after ``--last`` (``4q``)."""

    count: int
    kind: str

    def __post_init__(self) -> None:
        _check_regular_kind(self.kind)
        if isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 1:
            raise PeriodError(f"a trailing window needs a whole number of periods, at least 1 (got {self.count!r})")

    def __str__(self) -> str:
        return f"{self.count}{_WINDOW_LETTER[self.kind]}"


def parse_last(spec: str) -> TrailingWindow:
    """Read a trailing window: ``12m`` (months), ``4q`` (quarters), ``2h`` (halves), ``3y`` (fiscal years).

    Case, spaces and full-width digits do not matter; long forms (``4 quarters``) and Japanese
    units (``12ヶ月``, ``4四半期``, ``3年``) are accepted too.
    """
    if not isinstance(spec, str):
        raise PeriodError(f"a trailing window is text like '4q' (got {spec!r})")
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", spec)).lower()
    match = re.fullmatch(r"(\d+)(\D+)", compact)

    def refused(key: str, hint: str | None = None, **values: object) -> PeriodError:
        return PeriodError.worded(
            lambda lang: say(key, lang, spec=spec, hint=did_you_mean(hint, lang), expected=say("window.expected", lang), **values)
        )

    if match is None:
        raise refused("window.unreadable")
    count, unit = int(match.group(1)), match.group(2)
    if unit not in _WINDOW_UNITS:
        raise refused("window.unknown_unit", suggest(unit, [u for u in _WINDOW_UNITS if u.isascii() and len(u) > 1]), unit=unit)
    if count < 1:
        raise refused("window.no_period")
    return TrailingWindow(count, _WINDOW_UNITS[unit])


def trailing(spec: str | TrailingWindow, today: dt.date | dt.datetime, fiscal_year_start: int = 4) -> list[Period]:
    """The `count` complete periods before the one containing `today`, oldest first.

    The period containing `today` is never included, because it is not over: on 2025-11-15
    with an April start, ``4q`` is FY2024Q3, FY2024Q4, FY2025Q1, FY2025Q2.
    """
    window = parse_last(spec) if isinstance(spec, str) else spec
    period = period_of(window.kind, today, fiscal_year_start)
    periods: list[Period] = []
    for _ in range(window.count):
        period = period.previous()
        periods.append(period)
    return periods[::-1]


# -- parsing -------------------------------------------------------------------------------


def _year(text: str) -> int:
    year = int(text)
    if year < 1:
        raise PeriodError.worded(lambda lang: say("period.year_range", lang, year=text))
    return year


def _quarter_number(*groups: str | None) -> int:
    value = next(g for g in groups if g is not None)
    number = int(value)
    if not 1 <= number <= 4:
        raise PeriodError.worded(lambda lang: say("period.quarter_number", lang, value=value))
    return number


def _half_number(*groups: str | None) -> int:
    value = next(g for g in groups if g is not None)
    if value in ("上", "下"):
        return 1 if value == "上" else 2
    if value not in ("1", "2"):
        raise PeriodError.worded(lambda lang: say("period.half_number", lang, value=value))
    return int(value)


def _month_number(text: str) -> int:
    month = int(text)
    if not 1 <= month <= 12:
        raise PeriodError.worded(lambda lang: say("period.month_number", lang, value=text))
    return month


_DAY_PATTERNS = (
    re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
)


def _day(text: str) -> dt.date:
    for pattern in _DAY_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise PeriodError.worded(lambda lang, ymd=(year, month, day): say("period.no_such_day", lang, text=text, year=ymd[0], month=ymd[1], day=ymd[2])) from None
    raise PeriodError.worded(lambda lang: say("period.not_a_day", lang, text=text))


Builder = Callable[[re.Match[str], int], Period]

_FY = r"(?:fy(\d{4})[-_/]?|(\d{4})年度)"  # FY2025 or 2025年度, then a quarter or a half
_Q = r"(?:第(\d+)四半期|q(\d+)|(\d+)q)"  # 第3四半期, Q3 or 3Q
_H = r"(?:([上下])半?期|h(\d+)|(\d+)h)"  # 上期, 上半期, H1 or 1H

# Each form of a period as (pattern over the compacted, lower-cased, NFKC text, builder).
_FORMS: tuple[tuple[re.Pattern[str], Builder], ...] = (
    (re.compile(r"fy(\d{4})|(\d{4})年度"), lambda m, fys: Period.fy(_year(m[1] or m[2]), fys)),
    (re.compile(_FY + _Q), lambda m, fys: Period.quarter(_year(m[1] or m[2]), _quarter_number(m[3], m[4], m[5]), fys)),
    (re.compile(_FY + _H), lambda m, fys: Period.half(_year(m[1] or m[2]), _half_number(m[3], m[4], m[5]), fys)),
    (re.compile(r"(\d{4})[-/](\d{1,2})"), lambda m, fys: Period.month(_year(m[1]), _month_number(m[2]), fys)),
    (re.compile(r"(\d{4})年(\d{1,2})月"), lambda m, fys: Period.month(_year(m[1]), _month_number(m[2]), fys)),
)
_RANGE = re.compile(r"(.+?)(?:\.\.|~|〜|から)(.+)")


def _range_end(text: str, fiscal_year_start: int) -> Period | dt.date:
    """One end of a range as typed: a day (2025-04-01) or a single period (FY2025, 2025-04)."""
    if any(pattern.fullmatch(text) for pattern in _DAY_PATTERNS):
        return _day(text)
    for pattern, build in _FORMS:
        match = pattern.fullmatch(text)
        if match:
            return build(match, fiscal_year_start)
    raise PeriodError.worded(lambda lang: say("period.range_end", lang, text=text))


def _range(left: str, right: str, fiscal_year_start: int) -> Period:
    """A date range (both days included) or a range of periods of one kind (both periods included)."""
    first, last = _range_end(left, fiscal_year_start), _range_end(right, fiscal_year_start)
    if isinstance(first, Period) and isinstance(last, Period):
        return Period.span(first, last)
    if isinstance(first, Period) or isinstance(last, Period):
        raise PeriodError.worded(
            lambda lang: say(
                "period.range_kinds", lang, first=first, last=last, first_kind=_kind_name(first, lang), last_kind=_kind_name(last, lang)
            )
        )
    return Period.custom(first, last, fiscal_year_start)


def _hint(compact: str, fiscal_year_start: int, lang: str = "en") -> str:
    """A targeted suggestion for near misses that are easy to make."""
    calendar_quarter = re.fullmatch(r"(\d{4})[-_/]?(?:q(\d)|(\d)q)", compact) or re.fullmatch(r"q(\d)[-_/]?(\d{4})", compact)
    if calendar_quarter:
        groups = [g for g in calendar_quarter.groups() if g]
        year, number = (int(groups[0]), int(groups[1])) if len(groups[0]) == 4 else (int(groups[1]), int(groups[0]))
        if not (1 <= year and 1 <= number <= 4):
            return ""
        calendar = Period.custom(
            dt.date(year, 3 * number - 2, 1), _add_months(dt.date(year, 3 * number - 2, 1), 3) - dt.timedelta(days=1)
        )
        return say("period.hint.calendar_quarter", lang, year=year, number=number, start=fiscal_year_start, calendar=calendar)
    if re.fullmatch(r"\d{4}", compact):
        return say("period.hint.bare_year", lang, year=compact)
    if re.fullmatch(r"\d{4}[-/]\d{1,2}[-/]\d{1,2}", compact):
        return say("period.hint.single_day", lang, day=compact)
    if re.fullmatch(r"fy\d{2}", compact):
        return say("period.hint.short_year", lang, yy=compact[2:])
    if means_all(compact):
        return say("period.hint.all", lang)
    return ""


def means_all(text: object) -> bool:
    """Whether the text is ``all`` (``全期間``): everything the data covers, whatever case or width."""
    return isinstance(text, str) and re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower() in ALL


def parse_period(text: str, fiscal_year_start: int = 4, lang: str = "en") -> Period:
    """Read a period as people type it, in English or Japanese.

    Accepted: ``FY2025`` / ``fy2025`` / ``2025年度``; ``FY2025Q3`` / ``2025年度第3四半期`` /
    ``2025年度 Q3``; ``FY2025H1`` / ``2025年度上期`` (下期 for H2); ``2025-10`` / ``2025/10`` /
    ``2025年10月``; ``2025-04-01..2025-06-30`` (both ends included; ``~`` and ``〜`` work too);
    ranges of periods of one kind, both ends included: ``FY2024..FY2025``,
    ``FY2025Q1..FY2025Q3``, ``2025-04..2025-09``, ``2024年度〜2025年度``, ``2025年4月〜2025年9月``.
    Full-width digits and letters, case and spaces do not matter. ``parse_period(p.label(lang))``
    gives back ``p`` for every period and both languages. A text that is none of these raises
    PeriodError in `lang` (the command line says it again in the user's language).
    """
    _check_fiscal_year_start(fiscal_year_start)
    if not isinstance(text, str):
        raise PeriodError(f"a period is text like FY2025Q3 (got {text!r}); expected {say('period.examples')}")
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()
    for pattern, build in (*_FORMS, (_RANGE, lambda m, fys: _range(m[1], m[2], fys))):
        match = pattern.fullmatch(compact)
        if match:
            try:
                return build(match, fiscal_year_start)
            except PeriodError as error:
                raise PeriodError.worded(lambda lang, error=error: say("period.unreadable_because", lang, text=text, reason=error.message(lang)), lang) from None
    raise PeriodError.worded(
        lambda lang: say("period.unreadable", lang, text=text, hint=_hint(compact, fiscal_year_start, lang), examples=say("period.examples", lang)),
        lang,
    )
