"""Japanese business days (Asia/Tokyo): weekends, national holidays and the bank holidays of
12/31-1/3 are not business days.

The national holidays follow the Act on National Holidays (国民の祝日に関する法律) as amended
up to 2026: fixed days, the "Happy Monday" days, the equinoxes by the usual astronomical
approximation (valid 1980-2099), the substitute holiday (振替休日: a holiday on a Sunday moves to
the next day that is not a holiday) and the citizens' holiday (国民の休日: a day between two
holidays). The one-off days of 2019-2021 (the enthronement, the Olympic moves) are listed.
Computed here rather than read from a library: the rules are short, and the tests pin them
against the Cabinet Office's published dates.
"""

from __future__ import annotations

import datetime as dt
import functools

_ONE_OFF = {
    2019: ("2019-04-30", "2019-05-01", "2019-05-02", "2019-10-22"),
    2020: ("2020-07-23", "2020-07-24", "2020-08-10"),
    2021: ("2021-07-22", "2021-07-23", "2021-08-08"),
}
# Happy Monday days moved for the Olympics in these years: (month, n-th Monday) not observed.
_MOVED = {2020: {(7, 3), (10, 2)}, 2021: {(7, 3), (10, 2)}}


def _nth_monday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


def _equinox(year: int, base: float) -> int:
    return int(base + 0.242194 * (year - 1980) - (year - 1980) // 4)


@functools.cache
def holidays(year: int) -> frozenset[dt.date]:
    """The national holidays of `year` (substitute and citizens' holidays included)."""
    days = {dt.date(year, m, d) for m, d in ((1, 1), (2, 11), (4, 29), (5, 3), (5, 4), (5, 5), (11, 3), (11, 23))}
    days.add(dt.date(year, 3, _equinox(year, 20.8431)))
    days.add(dt.date(year, 9, _equinox(year, 23.2488)))
    if year >= 2020:
        days.add(dt.date(year, 2, 23))  # 天皇誕生日 (Reiwa)
    elif 1989 <= year <= 2018:
        days.add(dt.date(year, 12, 23))  # 天皇誕生日 (Heisei)
    mondays = [(1, 2), (9, 3), (10, 2)] + ([(7, 3)] if year >= 2003 else [])
    for month, n in mondays:
        if (month, n) not in _MOVED.get(year, set()):
            days.add(_nth_monday(year, month, n))
    if year >= 2016 and year not in (2020, 2021):
        days.add(dt.date(year, 8, 11))  # 山の日
    days |= {dt.date.fromisoformat(d) for d in _ONE_OFF.get(year, ())}
    # 振替休日: a holiday on a Sunday moves to the next day that is not a holiday.
    for day in sorted(days):
        if day.weekday() == 6:
            substitute = day + dt.timedelta(days=1)
            while substitute in days:
                substitute += dt.timedelta(days=1)
            days.add(substitute)
    # 国民の休日: a weekday between two holidays.
    for day in sorted(days):
        between = day + dt.timedelta(days=1)
        if between not in days and day + dt.timedelta(days=2) in days and between.weekday() != 6:
            days.add(between)
    return frozenset(days)


def is_business_day(day: dt.date) -> bool:
    """A weekday that is neither a national holiday nor a bank holiday (12/31-1/3)."""
    if day.weekday() >= 5 or day in holidays(day.year):
        return False
    return not ((day.month == 12 and day.day == 31) or (day.month == 1 and day.day <= 3))


def business_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """The business days from `start` up to but not including `end`."""
    out, day = [], start
    while day < end:
        if is_business_day(day):
            out.append(day)
        day += dt.timedelta(days=1)
    return out
