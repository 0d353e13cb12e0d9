"""Time in the demo company: seconds since 2023-04-01 00:00 (Asia/Tokyo wall clock).

All generator times are int64 seconds from `START`; `to_datetime` turns them into naive
`datetime64[s]` for DuckDB's TIMESTAMP. Business days skip weekends, Japanese national
holidays and the company's summer and new-year closures.
"""

from __future__ import annotations

import numpy as np

START = np.datetime64("2023-04-01", "D")
N_DAYS = 1096  # FY2023, FY2024, FY2025: 2023-04-01 .. 2026-03-31
DAY = 86_400
HOUR = 3_600
END = N_DAYS * DAY  # first second after the data
# The calendar reaches past END because deals and renewals are sampled beyond it, then censored.
SPAN_DAYS = N_DAYS + 1_200

_HOLIDAYS = """
2023-04-29 2023-05-03 2023-05-04 2023-05-05 2023-07-17 2023-08-11 2023-09-18 2023-09-23 2023-10-09 2023-11-03
2023-11-23 2024-01-01 2024-01-08 2024-02-11 2024-02-12 2024-02-23 2024-03-20 2024-04-29 2024-05-03 2024-05-04
2024-05-05 2024-05-06 2024-07-15 2024-08-11 2024-08-12 2024-09-16 2024-09-22 2024-09-23 2024-10-14 2024-11-03
2024-11-04 2024-11-23 2025-01-01 2025-01-13 2025-02-11 2025-02-23 2025-02-24 2025-03-20 2025-04-29 2025-05-03
2025-05-04 2025-05-05 2025-05-06 2025-07-21 2025-08-11 2025-09-15 2025-09-23 2025-10-13 2025-11-03 2025-11-23
2025-11-24 2026-01-01 2026-01-12 2026-02-11 2026-02-23 2026-03-20 2026-04-29 2026-05-04 2026-05-05 2026-05-06
"""


def to_datetime(seconds: np.ndarray) -> np.ndarray:
    return START.astype("datetime64[s]") + seconds.astype("timedelta64[s]")


def day_of(seconds: np.ndarray) -> np.ndarray:
    return seconds // DAY


class Calendar:
    """Per-day lookup arrays over the whole span (index = days since START)."""

    def __init__(self) -> None:
        days = START + np.arange(SPAN_DAYS)
        self.dates = days
        self.weekday = (days.astype("int64") + 3) % 7  # Monday = 0
        md = days.astype("datetime64[M]")
        self.month = (md - START.astype("datetime64[M]")).astype("int64")  # months since 2023-04
        self.month_of_year = (md.astype("int64") % 12) + 1
        self.day_of_month = (days - md.astype("datetime64[D]")).astype("int64") + 1
        holidays = np.array(_HOLIDAYS.split(), dtype="datetime64[D]")
        closed = np.isin(days, holidays)
        mm_dd = self.month_of_year * 100 + self.day_of_month
        closed |= (mm_dd >= 813) & (mm_dd <= 816)  # お盆休み
        closed |= (mm_dd >= 1229) | (mm_dd <= 103)  # 年末年始
        self.business = (self.weekday < 5) & ~closed
        idx = np.arange(SPAN_DAYS)
        # next business day on or after each day
        nxt = np.where(self.business, idx, SPAN_DAYS)
        self.next_business = np.minimum.accumulate(nxt[::-1])[::-1]
        self.next_business = np.where(self.next_business >= SPAN_DAYS, idx, self.next_business)
        prev = np.maximum.accumulate(np.where(self.business, idx, -1))
        self.prev_business = np.where(prev < 0, idx, prev)
        # last and second-to-last business day of each day's month
        n_months = int(self.month.max()) + 1
        last = np.full(n_months, -1)
        second = np.full(n_months, -1)
        b = idx[self.business]
        bm = self.month[b]
        np.maximum.at(last, bm, b)
        rest = self.business & (idx != last[self.month])
        np.maximum.at(second, self.month[rest], idx[rest])
        self.last_business_of_month = last[self.month]
        self.second_last_business_of_month = second[self.month]
        self.month_start = np.searchsorted(self.month, np.arange(n_months))  # day index of each month's 1st
        self.fiscal_year = np.where(
            self.month_of_year >= 4,
            days.astype("datetime64[Y]").astype("int64") + 1970,
            days.astype("datetime64[Y]").astype("int64") + 1969,
        )

    def snap_business(
        self, rng: np.random.Generator, t: np.ndarray, first_hour: float = 9.0, last_hour: float = 19.0
    ) -> np.ndarray:
        """Move times outside office hours to a random time of the next business day (never earlier)."""
        t = np.asarray(t, dtype=np.int64)
        d = np.clip(t // DAY, 0, SPAN_DAYS - 1)
        sec = t - (t // DAY) * DAY
        ok = self.business[d] & (sec >= first_hour * HOUR) & (sec < last_hour * HOUR)
        late = sec >= last_hour * HOUR
        nd = self.next_business[np.clip(d + late, 0, SPAN_DAYS - 1)]
        fresh = nd * DAY + (first_hour * HOUR + rng.random(t.size) * (last_hour - first_hour) * HOUR).astype(np.int64)
        return np.where(ok, t, np.maximum(fresh, t))

    def business_time(
        self, rng: np.random.Generator, days: np.ndarray, first_hour: float = 9.0, last_hour: float = 19.0
    ) -> np.ndarray:
        """A random office-hours time on the first business day on or after each day index."""
        d = self.next_business[np.clip(np.asarray(days, dtype=np.int64), 0, SPAN_DAYS - 1)]
        return d * DAY + (first_hour * HOUR + rng.random(d.size) * (last_hour - first_hour) * HOUR).astype(np.int64)

    def day_weights(self, growth: tuple[float, ...], monthly: tuple[float, ...], weekend: float) -> np.ndarray:
        """Relative activity per day in the data window: fiscal-year growth x month seasonality x weekday."""
        n = N_DAYS
        fy = self.fiscal_year[:n] - 2023
        w = np.asarray(growth)[fy] * np.asarray(monthly)[self.month_of_year[:n] - 1]
        return w * np.where(self.business[:n], 1.0, weekend)


# Month-of-year seasonality (Jan..Dec): quiet at Golden Week, Obon and new year, busy in the
# autumn and before the fiscal year end in March.
SEASON = (0.95, 1.10, 1.25, 0.90, 0.85, 1.00, 1.00, 0.75, 1.05, 1.10, 1.10, 0.85)
GROWTH = (1.0, 1.12, 1.25)  # FY2023, FY2024, FY2025


def office_hour_profile() -> np.ndarray:
    """Share of web sessions by hour of day (Japanese office workers, some evening reading)."""
    p = np.array([2, 1, 1, 1, 1, 2, 4, 8, 18, 30, 34, 32, 22, 30, 33, 32, 30, 26, 18, 12, 10, 9, 7, 4], dtype=float)
    return p / p.sum()
