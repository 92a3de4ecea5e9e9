"""figcheck.wording.numbers: one number formatter (short for charts and tables, long for sentences)."""
import pytest

from figcheck.wording.numbers import format_amount, format_number, format_range


@pytest.mark.parametrize("value, unit, lang, style, expected", [
    (14.3e9, "USD", "de", "short", "14,3 Mrd. $"), (1e9, "USD", "de", "short", "1 Mrd. $"),
    (49, "percent", "de", "short", "49 %"), (14.3e9, "USD", "en", "short", "$14.3bn"),
    (1e9, "USD", "en", "short", "$1bn"), (49, "percent", "en", "short", "49%"),
    (14.3e9, "USD", "de", "long", "14,3 Milliarden USD"), (1e9, "USD", "de", "long", "1 Milliarde USD"),
    (2e9, "EUR", "en", "long", "2 billion EUR"), (1.2e6, "count", "de", "long", "1,2 Millionen"),
    (450, "USD", "en", "long", "450 USD"), (49, "percent", "en", "long", "49%"),
    (-3.5, "percentage_points", "de", "long", "-3,5 Prozentpunkte"), (2, "ordinal", "de", "long", "2."),
    (0.0049, "percent", "en", "short", "0.0049%"), (29183673469.39, "USD", "en", "long", "29.2 billion USD"),
    (float("inf"), "USD", "en", "short", ""), ("", "USD", "de", "long", ""),
])
def test_format_amount_both_styles(value, unit, lang, style, expected):
    assert format_amount(value, unit, lang, style=style) == expected


def test_format_range_both_styles_and_open_ends():
    assert format_range(10e9, 15e9, "USD", "de") == "10 bis 15 Mrd. $"
    assert format_range(10e9, 15e9, "USD", "en") == "$10bn to $15bn"
    assert format_range(1e9, 2e9, "USD", "de", style="long") == "1–2 Milliarden USD"
    assert format_range(5e8, 2e9, "USD", "en", style="long") == "500 million USD – 2 billion USD"
    assert format_range(10, 15, "percent", "de", style="long") == "10–15 %"
    assert format_range(14.301e9, 14.299e9, "USD", "de") == "14,3 Mrd. $"   # the same once rounded
    assert format_range(float("-inf"), 65e9, "USD", "en") == "at most $65bn"
    assert format_range(2e9, float("inf"), "USD", "de", style="long") == "mindestens 2 Milliarden USD"
    assert format_range(None, None, "USD", "de") == ""


def test_format_number_separators():
    assert format_number(12000, "de") == "12.000"
    assert format_number(1200, "de") == "1200"
    assert format_number(1200, "en") == "1,200"
    assert format_number(14.3, "de") == "14,3"
    assert format_number(-0.0001, "en", 1) == "0.0"


def test_format_range_long_keeps_the_singular_when_the_ends_differ_in_scale():
    assert format_range(2e5, 1e6, "count", "de", style="long") == "200.000 – 1 Million"
