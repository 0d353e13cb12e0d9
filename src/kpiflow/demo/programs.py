"""The marketing calendar: webinars, e-mail sends, and the campaign and content vocabularies.

Deterministic (no randomness): it depends only on the calendar, so campaign and content codes
are the same for every size and seed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kpiflow.demo.calendar import DAY, HOUR, N_DAYS, Calendar
from kpiflow.demo.catalog import CONTENT, EXHIBITIONS

ADS_KINDS = ("search", "display", "sns")
ADS_KIND_SHARE = (0.55, 0.30, 0.15)
FISCAL_YEARS = (2023, 2024, 2025)


def _nth_weekday(cal: Calendar, month: int, weekday: int, n: int) -> int:
    """Day index of the n-th (0-based) business `weekday` of a month (the last one if fewer)."""
    first = cal.month_start[month]
    days = np.arange(first, first + 31)
    days = days[(cal.month[days] == month) & (cal.weekday[days] == weekday) & cal.business[days]]
    return int(days[min(n, days.size - 1)])


@dataclass(frozen=True)
class Programs:
    webinar_ids: tuple[str, ...]
    webinar_t: np.ndarray  # start time (14:00)
    email_ids: tuple[str, ...]
    email_t: np.ndarray  # send time (10:00)
    email_nurture: np.ndarray  # bool: nurture mail (only to leads not yet handed to sales)
    campaigns: tuple[str, ...]
    contents: tuple[tuple[str, str], ...]  # (content_id, content_type): the web catalogue, then webinars, then mails

    def campaign(self, name: str) -> int:
        return self.campaigns.index(name)

    def content(self, content_id: str) -> int:
        return [c for c, _ in self.contents].index(content_id)

    def content_codes(self, content_type: str) -> np.ndarray:
        return np.array([i for i, (_, t) in enumerate(self.contents) if t == content_type])


def plan(cal: Calendar) -> Programs:
    n_months = int(cal.month[N_DAYS - 1]) + 1
    webinar_ids, webinar_t, email_ids, email_t, nurture = [], [], [], [], []
    for m in range(n_months):
        ym = str(cal.dates[cal.month_start[m]])[:7]
        for n, tag in ((1, "A"), (3, "B")):  # 2nd and 4th Thursday, 14:00
            webinar_ids.append(f"WB{ym}{tag}")
            webinar_t.append(_nth_weekday(cal, m, 3, n) * DAY + 14 * HOUR)
        email_ids.append(f"NL{ym}")  # newsletter: 2nd Tuesday, 10:00
        email_t.append(_nth_weekday(cal, m, 1, 1) * DAY + 10 * HOUR)
        nurture.append(False)
        email_ids.append(f"NT{ym}")  # nurture mail: 4th Tuesday
        email_t.append(_nth_weekday(cal, m, 1, 3) * DAY + 10 * HOUR)
        nurture.append(True)
    campaigns = [ex.exhibition_id for ex in EXHIBITIONS]
    campaigns += ["web-inquiry", "web-download"]
    campaigns += [f"ads-{k}-FY{fy}" for fy in FISCAL_YEARS for k in ADS_KINDS]
    campaigns += webinar_ids
    campaigns += ["partner-referral", "customer-referral"]
    campaigns += [f"media-mail-FY{fy}" for fy in FISCAL_YEARS]
    campaigns += ["newsletter", "nurture"]
    contents = [*CONTENT, *((w, "webinar") for w in webinar_ids), *((e, "newsletter") for e in email_ids)]
    return Programs(
        tuple(webinar_ids),
        np.array(webinar_t, dtype=np.int64),
        tuple(email_ids),
        np.array(email_t, dtype=np.int64),
        np.array(nurture),
        tuple(campaigns),
        tuple(contents),
    )
