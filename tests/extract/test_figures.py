"""figcheck.extract.figures: extract_figures as a whole (ranges, what is no figure, robustness,
linear time).

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import math
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.extract.figures import extract_figures

from .support import close, figs, one


# --- ranges -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang,low,high,unit", [
    ("Der Preis liegt bei 10 bis 15 Milliarden Euro.", "de", 10e9, 15e9, "EUR"),
    ("Der Preis liegt zwischen 10 und 15 Milliarden Euro.", "de", 10e9, 15e9, "EUR"),
    ("The price is 9-10 bn dollars.", "en", 9e9, 10e9, "USD"),
    ("The price is between 10 and 15 million dollars.", "en", 10e6, 15e6, "USD"),
    ("The price is 10 to 15 million dollars.", "en", 10e6, 15e6, "USD"),
    ("Der Anteil liegt bei 20 bis 25 Prozent.", "de", 20, 25, "percent"),
    ("Der Deal kostet zwei bis drei Milliarden Euro.", "de", 2e9, 3e9, "EUR"),
    ("Es demonstrierten drei oder vier Millionen Menschen.", "de", 3e6, 4e6, "count"),
    ("The firm cut between eight and ten jobs.", "en", 8, 10, "count"),
])
def test_ranges_carry_the_scale_to_both_ends(text, lang, low, high, unit):
    f = one(text, lang)
    assert f["qualifier"] == "range" and f["unit"] == unit
    assert close(f["low"], low) and close(f["high"], high) and close(f["value"], (low + high) / 2)


def test_zwischen_is_inside_the_range_span():
    f = one("Der Preis liegt zwischen 10 und 15 Milliarden Euro.")
    assert f["text"] == "zwischen 10 und 15 Milliarden Euro"


def test_more_currencies_and_descending_between():
    f = one("The damage was 20 trillion rupiah.", "en")
    assert f["unit"] == "IDR" and f["value"] == 20e12
    f = one("Die Quote lag zwischen 64 und 50 Prozent.")
    assert f["qualifier"] == "range" and (f["low"], f["high"]) == (50, 64)


# --- not figures, rules found by reading real news text -----------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Zuletzt sorgte die Verschiebung von Llama 4 für Unsicherheit.", "de"),
    ("Der Start ihrer Llama 4-Modelle enttäuschte.", "de"),
    ("OpenAI bereitet die Einführung von GPT-5 vor.", "de"),
    ("Apple stellte das iPhone 15 vor.", "de"),
    ("The update for Windows 11 arrives soon.", "en"),
    ("The airline retired its last Boeing 747 in spring.", "en"),
    ("Die Sitzung beginnt um 14:30 Uhr.", "de"),
    ("Die Sitzung beginnt um 9 Uhr.", "de"),
    ("The meeting starts at 2:30 p.m. sharp.", "en"),
    ("Rufen Sie uns an: +49 30 1234567.", "de"),
    ("Hotline: 0800 123 456 (kostenlos).", "de"),
    ("Details unter https://example.org/2024/bericht-15.html abrufbar.", "de"),
    ("Details at www.example.com/report2024 online.", "en"),
    ("Schreiben Sie an info2024@example.org bitte.", "de"),
    ("Die Datei bericht_2024.pdf liegt bei.", "de"),
    ("Das Gesetz wurde geändert.[3] Danach nicht mehr.", "de"),
    ("Auf der A 7 gab es Stau.", "de"),
    ("Das Spiel endete 3:1.", "de"),
    ("They won 19-8 at home.", "en"),
    ("Die neue Version 2.1.3 ist da.", "de"),
    ("Die Covid-19-Pandemie traf alle.", "de"),
])
def test_not_figures(text, lang):
    assert figs(text, lang) == [], [(f["text"], f["unit"]) for f in figs(text, lang)]


@pytest.mark.parametrize("text,lang,expected", [
    ("The team plays in the Six Nations this spring.", "en", []),
    ("The rapper 50 Cent released an album.", "en", []),
    ("The match ended Leeds 1-1 Hull on Sunday.", "en", []),
    ("Margins rose from 29% to 40% of sales.", "en", [(29.0, "percent", "exact"), (40.0, "percent", "exact")]),
    ("Der Tunnel ist 800 km lang.", "de", [(800.0, "other", "exact")]),
    ("Die Schule hat einen 45-Minuten-Takt.", "de", [(45.0, "other", "exact")]),
    ("Die Brücke ist 50 - 80 Meter breit.", "de", [(65.0, "other", "range")]),
    ("Bei den 30- bis 49-Jährigen sind es weniger.", "de", [(39.5, "other", "range")]),   # ages, not a count
    ("Es waren zwei Mal so viele wie 2019.", "de", [(2.0, "other", "exact"), (2019.0, "year", "exact")]),
    ("The port ships some 15 million tonnes a year.", "en", [(15e6, "other", "approx")]),
    ("See example.org/page?id=2024&x=5 for details.", "en", []),
    ("He won 7-6 4-6 6-3 in the final.", "en", []),
    ("Kinder von 6-10 Jahren spielen mit.", "de", [(8.0, "other", "range")]),   # a span of years
    ("Sie gewann die 3. Etappe souverän.", "de", [(3.0, "ordinal", "exact")]),
    ("Das Tor fiel spät (88.), danach nichts.", "de", [(88.0, "ordinal", "exact")]),
    ("The plane flew about 50 feet above ground.", "en", [(50.0, "other", "approx")]),
])
def test_rules_from_reading_real_text(text, lang, expected):
    got = [(f["value"], f["unit"], f["qualifier"]) for f in figs(text, lang)]
    assert got == expected


# --- robustness: never raises, spans are exact, linear time -------------------------------------------------
_PIECES = st.sampled_from(["0", "1", "9", "14", "2016", ",", ".", " ", "\u00a0", "\u202f", "-", "–", "−", "+",
                           "$", "€", "£", "%", ":", "/", "(", ")", "[", "]", "\n", "Milliarden", "Mrd.", "Mio.",
                           "billion", "bn", "m", "k", "B", "rund ", "über ", "bis zu ", "zwischen ", " und ",
                           " bis ", "eine ", "die Hälfte", "Prozent", "Dollar", "Euro", "Llama ", "GPT-",
                           "zwei ", "a ", "million", "Kredit ", "İ", "ß", "ﬁ", "\u0301", "e", "A", "."])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_raises_on_arbitrary_unicode(text):
    for lang in ("de", "en"):
        for f in figs(text, lang):
            assert 0 <= f["start"] <= f["end"] <= len(text)
            assert text[f["start"]:f["end"]] == f["text"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_spans_are_exact_on_number_soup(text):
    for lang in ("de", "en"):
        for f in figs(text, lang):
            assert 0 <= f["start"] < f["end"] <= len(text)
            assert text[f["start"]:f["end"]] == f["text"]
            assert f["qualifier"] in ("exact", "approx", "lower", "upper", "range", "vague")
            assert f["unit"] in ("percent", "percentage_points", "count", "year", "ordinal", "date", "other") \
                or (len(f["unit"]) == 3 and f["unit"].isupper())
            assert math.isnan(f["value"]) == (f["qualifier"] == "vague")
            assert not (f["low"] > f["high"])
            assert text[f["sentence_start"]:f["sentence_start"] + len(f["sentence"])] == f["sentence"]


def test_non_strings_give_no_figures():
    assert extract_figures(None) == [] and extract_figures("") == []


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["1.000.000 Milliarden ", "12345678901234567890", "1,2,3,4,5,6 ",
                                  "rund 5 Mrd. Euro bis 10 Mrd. ", "9-10 bn ", "1 000 000 ", "1. 2. 3. ",
                                  "Milliarden Millionen Hunderte ", "$1.5bn-$2bn, "])
def test_linear_time_on_a_megabyte(unit):
    def run(size):
        text = (unit * (size // len(unit) + 1))[:size]
        t0 = time.perf_counter()
        extract_figures(text, "de")
        return time.perf_counter() - t0
    small, big = run(100_000), run(1_000_000)
    assert big < 2.0, f"1 MB took {big:.2f} s"
    assert big < 15 * small + 0.2, f"not linear: {small:.3f} s for 100 KB, {big:.3f} s for 1 MB"


# --- ranges and pairs whose unit or scale is printed once ---------------------------------------------------
@pytest.mark.parametrize("text,lang,low,high,unit", [
    ("Die Sanierung kostet eine bis 2,5 Millionen Euro.", "de", 1e6, 2.5e6, "EUR"),
    ("The repairs cost one to two billion dollars.", "en", 1e9, 2e9, "USD"),
    ("The share price rose five or six times.", "en", 5, 6, "other"),
    ("The bill was put at $2 billion to $4 billion.", "en", 2e9, 4e9, "USD"),
    ("Die Zusagen liegen bei drei bis fünf Jahren.", "de", 3, 5, "other"),
])
def test_ranges_from_words_and_repeated_units(text, lang, low, high, unit):
    f = [f for f in figs(text, lang) if f["qualifier"] == "range"][0]
    assert close(f["low"], low) and close(f["high"], high) and f["unit"] == unit, f


@pytest.mark.parametrize("text,lang,expected", [
    ("Die Kapazität sinkt von 11,5 auf 9 Millionen Tonnen.", "de", [(11.5e6, "other"), (9e6, "other")]),
    ("Die Kapazität sinkt von elf auf neun Millionen Tonnen.", "de", [(11e6, "other"), (9e6, "other")]),
    ("Der Anteil sinkt auf 12 von zuvor rund 16,5 Prozent.", "de", [(12, "percent"), (16.5, "percent")]),
    ("Costs rose from 18.5 to 21-23 billion euros.", "en", [(18.5e9, "EUR"), (22e9, "EUR")]),
    ("Die Zahl stieg von 500 auf 1,2 Millionen Nutzer.", "de", [(500, "count"), (1.2e6, "count")]),
    ("Die Umstellung lief von 2019 auf 2020.", "de", [(2019, "year"), (2020, "year")]),
])
def test_pairs_share_the_second_figures_unit(text, lang, expected):
    got = [(f["value"], f["unit"]) for f in figs(text, lang)]
    assert len(got) == len(expected) and all(close(a, b) and u == v for (a, u), (b, v) in zip(got, expected)), got


def test_a_range_keeps_its_scale_on_both_ends_and_its_hedge():
    f = one("Der Bund rechnet mit rund zehn Jahren.")
    assert f["unit"] == "other" and f["qualifier"] == "approx" and close(f["value"], 10)
    f = one("The repairs cost 21-23 billion euros.", "en")
    assert close(f["low"], 21e9) and close(f["high"], 23e9) and f["unit"] == "EUR"


# --- the currency the text carries, conversions, exchange-rate notes, votes ----------------------------------
def test_a_bare_amount_takes_the_currency_named_before_it():
    text = "The buyer paid $60 billion; the previous record was 45 billion."
    got = [(f["value"], f["unit"]) for f in figs(text, "en")]
    assert got == [(60e9, "USD"), (45e9, "USD")]


def test_a_conversion_is_never_the_currency_of_what_it_converts():
    text = ("The miner bought a rival for about 36 billion dollars (£29bn). Earlier, a merger totalled more "
            "than 80 billion (£65bn).")
    got = [(f["value"], f["unit"], f["qualifier"]) for f in figs(text, "en")]
    assert got == [(36e9, "USD", "approx"), (29e9, "GBP", "approx"), (80e9, "USD", "lower"), (65e9, "GBP", "lower")]


def test_a_bracketed_conversion_shares_the_hedge():
    got = [(f["unit"], f["qualifier"], f["low"], f["high"]) for f in
           figs("The bank will take up to 5 billion francs (US$5.4 billion) in losses.", "en")]
    assert got == [("CHF", "upper", 0.0, 5e9), ("USD", "upper", 0.0, 5.4e9)]
    got = [(f["unit"], f["qualifier"]) for f in figs("The plant cost 3 billion francs ($3.3 billion).", "en")]
    assert got == [("CHF", "exact"), ("USD", "exact")]


def test_an_exchange_rate_note_is_one_rate():
    got = [(f["value"], f["unit"]) for f in figs("The offer was raised. ($1 = 0.91 Swiss francs)", "en")]
    assert got == [(0.91, "other")]


def test_a_vote_is_two_counts_but_a_score_is_none():
    got = [(f["value"], f["unit"]) for f in figs("The board said the vote was 4-1 in favour.", "en")]
    assert got == [(4, "count"), (1, "count")]
    assert figs("The hosts won 4-1 on Sunday.", "en") == []
