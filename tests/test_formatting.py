"""Locale formats, checked against values written out by hand."""

import pytest

from kpiflow.formatting import (
    EXCEL_FORMATS,
    column_kind,
    format_interval,
    format_kind,
    format_money,
    format_money_short,
    format_value,
)


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1_234_567, "en", "¥1,234,567"),
        (123_456_789, "ja", "1.23億円"),
        (12_345_678, "ja", "1,235万円"),
        (9_800, "ja", "9,800円"),
        (-50_000, "ja", "-50,000円"),
        (29_876, "ja", "29,876円"),
        (3_165_312, "ja", "317万円"),
        (1_500_000_000, "ja", "15.00億円"),
    ],
)
def test_money(value, lang, expected):
    assert format_money(value, lang) == expected


def test_values():
    assert format_value(0.2944, "percent") == "29.4%"
    assert format_value(2883) == "2,883"
    assert format_value(None) == "—"
    assert format_value(2.5) == "2.50"
    assert format_interval(0.25, 0.3) == "25.0%–30.0%"
    assert format_interval(None, None) == ""


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1_360_130_000, "en", "¥1.36B"),
        (136_637_849, "en", "¥137M"),
        (9_121_484, "en", "¥9.12M"),
        (-453_031, "en", "-¥453K"),
        (950, "en", "¥950"),
        (2_500_000_000_000, "en", "¥2,500B"),
        (136_637_849, "ja", "1.37億円"),
    ],
)
def test_short_money_for_chart_labels(value, lang, expected):
    assert format_money_short(value, lang) == expected


@pytest.mark.parametrize(
    ("key", "value", "text", "excel"),
    [
        ("roi", 14.983, "1498%", "0%"),  # a return is a percentage to the whole percent, on every face
        ("median_days", 9.2441, "9.2", "#,##0.0"),  # days between events to a tenth
        ("median_lag_days", 23.0, "23.0", "#,##0.0"),
        ("days_in_stage", 8.46, "8.5", "#,##0.0"),
        ("median_hours_to_touch", 106.0067, "106.0", "#,##0.0"),
        ("stale_days", 90, "90", "#,##0.0"),  # a setting in whole days stays whole in text
        ("median_dwell_seconds", 236.4, "236", "#,##0"),
        ("lift", 10.016, "10.02", "#,##0.00"),
        ("lift_now", 1.5, "1.50", "#,##0.00"),
        ("pages_per_session", 3.069, "3.07", "#,##0.00"),
        ("q_value", 5.8147e-28, "5.81e-28", None),
    ],
)
def test_a_kind_of_number_reads_the_same_in_text_and_in_the_workbook(key, value, text, excel):
    kind = column_kind(key)
    assert format_kind(value, kind) == text
    assert EXCEL_FORMATS.get(kind) == excel


def test_kinds_without_a_column_name():
    assert format_kind(0.2944, "percent") == "29.4%"
    assert format_kind(12_345_678, "money", "ja") == "1,235万円"
    assert format_kind(12_345_678, "money", "en") == "¥12,345,678"
    assert format_kind(None, "roi") == "—"
    assert column_kind("revenue") is None and column_kind("within_seconds") is None  # a window: shown in days
