"""figcheck.extract.vocabulary: the currency table built from the CLDR (Babel) at import, scale words and
their misspellings, and the word-list regular expressions."""
import re
import time

import pytest

from figcheck.extract import vocabulary as V


def test_the_40_most_traded_currencies_have_codes_names_and_plurals_in_both_languages():
    assert len(V.TRADED_CURRENCIES) >= 40
    for code in V.TRADED_CURRENCIES:
        assert V.CURRENCY[code.casefold()] == code
        assert code in V.CURRENCY_AFTER
    for form, code in [("US dollars", "USD"), ("euro", "EUR"), ("Japanese yen", "JPY"), ("British pounds", "GBP"),
                       ("Chinese yuan", "CNY"), ("Australian dollars", "AUD"), ("Swiss francs", "CHF"),
                       ("Hong Kong dollars", "HKD"), ("Swedish kronor", "SEK"), ("South Korean won", "KRW"),
                       ("Indian rupees", "INR"), ("Mexican pesos", "MXN"), ("South African rand", "ZAR"),
                       ("Brazilian reals", "BRL"), ("Polish zlotys", "PLN"), ("Turkish lira", "TRY"),
                       ("Schweizer Franken", "CHF"), ("Australische Dollar", "AUD"), ("Australischen Dollar", "AUD"),
                       ("Japanischer Yen", "JPY"), ("Dänische Kronen", "DKK"), ("Indische Rupien", "INR"),
                       ("Russische Rubel", "RUB"), ("Südafrikanische Rand", "ZAR"), ("Mexikanische Pesos", "MXN")]:
        assert V.CURRENCY[" ".join(form.casefold().split())] == code, form


@pytest.mark.parametrize("form,code", [
    ("$", "USD"), ("us$", "USD"), ("$us", "USD"), ("a$", "AUD"), ("c$", "CAD"), ("s$", "SGD"), ("hk$", "HKD"),
    ("nz$", "NZD"), ("r$", "BRL"), ("rm", "MYR"), ("rs", "INR"), ("₹", "INR"), ("¥", "JPY"), ("₩", "KRW"),
    ("€", "EUR"), ("£", "GBP"), ("franken", "CHF"), ("dollar", "USD"), ("kronor", "SEK"), ("pfund", "GBP"),
])
def test_symbols_and_shared_names_go_to_the_most_traded_currency(form, code):
    assert V.CURRENCY[form] == code


def test_words_too_common_to_be_money_are_left_out():
    for word in ("won", "real", "sol", "new", "neue", "New", "Neue"):
        assert word not in V.CURRENCY_AFTER
    assert "Won" in V.CURRENCY_AFTER and V.CURRENCY["won"] == "KRW"    # "1.000 Won" as German writes it
    assert "COP" not in V.CURRENCY_BEFORE                 # "COP28" is a conference, not Colombian pesos


def test_the_table_is_built_fast():
    t0 = time.perf_counter()
    table, after, before = V._build_currency_table()
    assert time.perf_counter() - t0 < 1.0
    assert len(after) > 400 and len(before) > 50 and table["usd"] == "USD"


@pytest.mark.parametrize("word,scale", [
    ("millarden", 1e9), ("milionen", 1e6), ("bilion", 1e9), ("milliaden", 1e9), ("mill.", 1e6), ("mia.", 1e9),
    ("crore", 1e7), ("lakh", 1e5), ("mil", 1e6),
])
def test_scale_words_and_misspellings(word, scale):
    assert V.SCALES[word] == scale


def test_misspellings_keep_the_first_and_last_letter_and_leave_real_words_alone():
    assert "bullion" not in V.SCALE_MISSPELT and "billon" not in V.SCALE_MISSPELT
    assert all(m[0] in "mbt" for m in V.SCALE_MISSPELT)
    assert V.SCALES_DE["bilion"] == 1e12                  # a German "Bilion" is still a Billion


def test_trie_regex_matches_exactly_the_words_longest_first():
    words = ["Dollar", "Dollars", "dollar", "US-Dollar", "$", "US$", "Euro", "Euro-Cent"]
    rx = re.compile("(?:" + V.trie_regex(words) + r")(?![^\W\d_])")
    for w in words:
        assert rx.fullmatch(w), w
    assert rx.match("Dollars und").group() == "Dollars"
    assert rx.match("Euro-Cent").group() == "Euro-Cent"
    assert rx.fullmatch("Dolla") is None and rx.fullmatch("euro") is None
