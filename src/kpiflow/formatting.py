"""Numbers for people: yen with 万/億 in Japanese, percentages, counts with separators.

Renderers (terminal, report, dashboard) format here; the numbers themselves are computed once,
in the engine, and never rounded before they reach this module.
"""

from __future__ import annotations

import math


def format_value(value: float | int | None, fmt: str | None = None, lang: str = "en", currency: str = "JPY") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if fmt == "percent":
        return f"{value:.1%}"
    if fmt == "money":
        return format_money(value, lang, currency)
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def format_money(value: float, lang: str = "en", currency: str = "JPY") -> str:
    """¥1,234,567 in English; 1.23億円 / 1,235万円 / 29,876円 in Japanese (yen only)."""
    if currency != "JPY":
        return f"{value:,.0f} {currency}"
    sign = "-" if value < 0 else ""
    amount = abs(value)
    if lang != "ja":
        return f"{sign}¥{amount:,.0f}"
    if amount >= 1e8:
        return f"{sign}{amount / 1e8:,.2f}億円"
    if amount >= 1e6:  # below a million yen, 万 would round away too much (3万円 for ¥29,876)
        return f"{sign}{amount / 1e4:,.0f}万円"
    return f"{sign}{amount:,.0f}円"


def format_money_short(value: float, lang: str = "en", currency: str = "JPY") -> str:
    """Money for a chart label: ¥1.36B, ¥136.6M, ¥912K in English; 億/万 in Japanese (as format_money)."""
    if lang == "ja" or currency != "JPY":
        return format_money(value, lang, currency)
    sign = "-" if value < 0 else ""
    amount = abs(value)
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if amount >= size:
            return f"{sign}¥{amount / size:,.3g}{suffix}" if amount < size * 1000 else f"{sign}¥{amount / size:,.0f}{suffix}"
    return f"{sign}¥{amount:,.0f}"


def whole_needed(value: float) -> int:
    """A volume a plan needs as a whole number, rounded up (1,592.1 closed deals -> 1,593): a tenth
    of a deal cannot be planned. A value a rounding error above a whole number stays that number."""
    return math.ceil(value - 1e-9 * max(1.0, abs(value)))


def plan_volumes(required: float | None, run_rate: float | None) -> tuple[int | None, int | None, int | None]:
    """A plan's volume row for people: what is needed rounded up, the current pace to the nearest
    whole number, and the gap as the difference of the two shown, so that the row adds up."""
    need = whole_needed(required) if required is not None else None
    pace = math.floor(run_rate + 0.5) if run_rate is not None else None
    gap = need - pace if need is not None and pace is not None else None
    return need, pace, gap


# -- kinds of number, formatted the same way on every face ----------------------------------
# A kind is what a column's numbers are; each medium renders a kind one way: `format_kind` for the
# text media (terminal, HTML report, dashboard), `EXCEL_FORMATS` for the workbook's cells.

EXCEL_FORMATS: dict[str, str] = {
    "count": "#,##0",
    "percent": "0.0%",  # a rate or share: 29.4%
    "roi": "0%",  # a return can be 1498%: a tenth of a percent says nothing more
    "duration": "#,##0.0",  # days or hours between events, to a tenth
    "seconds": "#,##0",  # dwell
    "ratio": "#,##0.00",  # a lift, pages per session
    "number": "#,##0.00",
}
"""The workbook's number format of each kind ("money" is built from the model's currency)."""


def column_kind(key: str) -> str | None:
    """The kind a result's column holds, where its name says it on every face alike (None: the
    model's format or the face's own reading decides)."""
    parts = key.split("_")
    if key == "roi" or key.endswith("_roi"):
        return "roi"
    if key.endswith(("p_value", "q_value")):
        return "p_value"
    if "days" in parts or "hours" in parts:
        return "duration"
    if "seconds" in parts and key != "within_seconds":
        return "seconds"
    if key == "lift" or key.startswith("lift_") or key == "pages_per_session":
        return "ratio"
    return None


def format_kind(value: float | None, kind: str | None, lang: str = "en", currency: str = "JPY") -> str:
    """A number of a kind for the text media (terminal, report, dashboard): 1498% for a return,
    12.3 for days, 29.4% for a rate, ¥1,234 or 1,235万円 for money, 4.8e-45 for a p-value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if kind == "roi":
        return f"{value:.0%}"
    if kind == "percent":
        return f"{value:.1%}"
    if kind == "duration":  # a measured time to a tenth; a setting (stale after 90 days) as it is
        return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    if kind == "seconds":
        return f"{value:,.0f}"
    if kind == "ratio":
        return f"{value:,.2f}"
    if kind == "p_value":
        return f"{value:.3g}"
    if kind == "money":
        return format_money(value, lang, currency)
    if kind == "count":
        return f"{value:,.0f}"
    return format_value(value, None, lang, currency)


def format_interval(low: float | None, high: float | None) -> str:
    if low is None or high is None or math.isnan(low) or math.isnan(high):
        return ""
    return f"{low:.1%}–{high:.1%}"
