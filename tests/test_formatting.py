"""Locale formats, checked against values written out by hand."""

import pytest

from kpiflow.formatting import format_interval, format_money, format_money_short, format_value


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
