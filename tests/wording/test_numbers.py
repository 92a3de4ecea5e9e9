"""figcheck.wording.numbers: one number formatter (short for charts and tables, long for sentences)."""
import pytest

from figcheck.wording.numbers import format_amount, format_number, format_range

from ..support import BN


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


def test_format_values_in_both_languages():
    # findings write the long style of the one formatter (format_amount / format_range)
    assert format_amount(14.3 * BN, "USD", "en", style="long") == "14.3 billion USD"
    assert format_amount(14.3 * BN, "USD", "de", style="long") == "14,3 Milliarden USD"
    assert format_amount(1 * BN, "USD", "de", style="long") == "1 Milliarde USD"
    assert format_amount(49.0, "percent", "de", style="long") == "49 %"
    assert format_amount(2016.0, "year", "en", style="long") == "2016"
    assert format_range(14.3 * BN, 15 * BN, "USD", "de", style="long") == "14,3–15 Milliarden USD"
    assert format_range(2.4 * BN, 2.4 * BN, "USD", "en", style="long") == "2.4 billion USD"


def test_consensus_range_is_not_padded_when_both_ends_round_alike():
    assert format_range(6.8 * BN, 6.8000001 * BN, "USD", "en", style="long") == "6.8 billion USD"
    assert format_range(None, 65 * BN, "USD", "de", style="long") == "höchstens 65 Milliarden USD"
    assert format_range(1 * BN, None, "count", "en", style="long") == "at least 1 billion"


@pytest.mark.parametrize("value, unit, lang, expected", [
    (14.3e9, "USD", "de", "14,3 Mrd. $"), (1e9, "USD", "de", "1 Mrd. $"), (49, "percent", "de", "49 %"),
    (14.3e9, "USD", "en", "$14.3bn"), (1e9, "USD", "en", "$1bn"), (49, "percent", "en", "49%"),
    (2.5e9, "EUR", "de", "2,5 Mrd. €"), (2e8, "EUR", "en", "€200m"), (3e6, "GBP", "en", "£3m"),
    (14.3e9, "CHF", "de", "14,3 Mrd. CHF"), (14.3e9, "CHF", "en", "CHF 14.3bn"), (5e6, "USD", "de", "5 Mio. $"),
    (29183673469.39, "USD", "de", "29,2 Mrd. $"), (12000, "count", "de", "12.000"), (1200, "count", "de", "1200"),
    (1200, "count", "en", "1,200"), (1.2e6, "count", "en", "1.2m"), (2014, "year", "de", "2014"),
    (2, "ordinal", "en", "2nd"), (2, "ordinal", "de", "2."), (-3.5, "percentage_points", "en", "-3.5 points"),
    (-2e9, "USD", "en", "-$2bn"), (float("nan"), "USD", "en", ""), (None, "USD", "de", ""),
])
def test_format_amount(value, unit, lang, expected):
    assert format_amount(value, unit, lang) == expected


def test_format_range_shares_the_unit_in_german():
    assert format_range(10e9, 15e9, "USD", "de") == "10 bis 15 Mrd. $"
    assert format_range(10e9, 15e9, "USD", "en") == "$10bn to $15bn"
    assert format_range(2e9, 2e9, "EUR", "en") == "€2bn"


@pytest.mark.parametrize("value, unit, language, expected", [
    (1.2e9, "USD", "en", "$1.2bn"), (1.2e6, "USD", "en", "$1.2m"), (14.3e9, "USD", "de", "14,3 Mrd. $"),
    (5e9, "EUR", "en", "€5bn"), (3e6, "CHF", "en", "CHF 3m"), (3e6, "CHF", "de", "3 Mio. CHF"),
    (450.5, "USD", "en", "$450.5"), (1400.0, "count", "en", "1,400"), (1400.0, "count", "de", "1400"),
    (14000.0, "count", "de", "14.000"),
    (40.0, "percent", "en", "40%"), (49.0, "percent", "de", "49 %"), (2016.0, "year", "en", "2016"),
    ("", "USD", "en", ""), (None, "count", "en", ""), (float("nan"), "USD", "en", ""),
])
def test_format_value(value, unit, language, expected):
    # the report's table uses the one formatter (short style, as the charts)
    assert format_amount(value, unit, language) == expected
