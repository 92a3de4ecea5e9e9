"""figcheck.extract.number_words: numbers and vague amounts in words, number words fused with a unit,
and the counts in words that are no figure, read through extract_figures.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import math

import pytest

from .support import close, figs, one


@pytest.mark.parametrize("text,lang", [
    ("Sie ist einer der führenden Köpfe der Branche.", "de"),
    ("Das ist eine gute Nachricht.", "de"),
    ("He is one of the best players.", "en"),
    ("It was a good year for the firm.", "en"),
    ("Die zwei trafen sich gestern.", "de"),
])
def test_number_words_without_unit_or_noun_are_not_figures(text, lang):
    assert figs(text, lang) == []


@pytest.mark.parametrize("text,lang,low,high,unit", [
    ("Meta investiert Milliarden in Scale AI, zuvor 2 Milliarden Dollar.", "de", 2e9, 1e12, "USD"),
    ("Es ist ein milliardenschwerer Deal, der 3 Milliarden Euro kostet.", "de", 1e9, 1e12, "EUR"),
    ("Die Milliardensumme von 4 Milliarden Franken ist hoch.", "de", 1e9, 1e12, "CHF"),
    ("Hunderttausende Menschen demonstrierten.", "de", 2e5, 1e6, "count"),
    ("Tausende Menschen demonstrierten.", "de", 2e3, 1e4, "count"),
    ("Dutzende Menschen demonstrierten.", "de", 24, 144, "count"),
    ("The firm spent billions on the plan, up from $2bn.", "en", 2e9, 1e12, "USD"),
    ("Hundreds of thousands of people marched.", "en", 2e5, 1e6, "count"),
    ("Thousands of people marched.", "en", 2e3, 1e4, "count"),
])
def test_vague_amounts(text, lang, low, high, unit):
    f = [f for f in figs(text, lang) if f["qualifier"] == "vague"][0]
    assert math.isnan(f["value"]) and f["unit"] == unit
    assert close(f["low"], low) and close(f["high"], high)


def test_vague_money_without_any_stated_currency_is_other():
    f = one("Der Konzern investiert Milliarden in neue Werke.")
    # money put into plants is an investment, not the price of a deal
    assert f["qualifier"] == "vague" and f["unit"] == "other" and f["quantity"] == "investment"
    f = one("Der Konzern investiert Milliarden in den Rivalen Nordwerk.")
    assert f["qualifier"] == "vague" and f["unit"] == "other" and f["quantity"] == "deal_amount"


def test_milliardaer_is_a_person_not_an_amount():
    assert figs("Der Milliardär kaufte eine Jacht.") == []


def test_vague_plural_before_a_noun_is_a_count():
    assert one("The cards are used by millions of people.", "en")["unit"] == "count"
    assert one("Millionen Zuschauer sahen das Finale.")["unit"] == "count"
    assert one("Die Firma verdient Milliarden Dollar im Jahr.")["unit"] == "USD"


@pytest.mark.parametrize("text,lang", [
    ("One day the harbour will be full again.", "en"),
    ("Die Bank hatte vor einer Woche verkauft.", "de"),
    ("The board met a week later.", "en"),
])
def test_bare_one_or_a_week_is_no_figure(text, lang):
    assert figs(text, lang) == []


# --- number words inside compounds and adjectives ---------------------------------------------------------------
@pytest.mark.parametrize("text,lang,value,unit", [
    ("Der Bund schnürt ein Sechs-Milliarden-Euro-Paket für die Werften.", "de", 6e9, "EUR"),
    ("Das Land beschließt ein 50-Millionen-Euro-Programm.", "de", 50e6, "EUR"),
    ("Die Prüfung ist ein dreistufiges Verfahren.", "de", 3, "other"),
    ("Es gilt eine zweijährige Frist.", "de", 2, "other"),
    ("Der Kupferpreis fiel auf ein Vierjahrestief.", "de", 4, "other"),
    ("The club signed a three-year deal with the striker.", "en", 3, "other"),
    ("The union called a two-day strike.", "en", 2, "other"),
    ("She ended a two-decade career at the bank.", "en", 20, "other"),
])
def test_number_words_inside_compounds(text, lang, value, unit):
    f = one(text, lang)
    assert close(f["value"], value) and f["unit"] == unit, f


@pytest.mark.parametrize("text,lang", [
    ("Das ist einfach zu teuer.", "de"),
    ("Er hatte Zweifel an dem Plan.", "de"),
    ("Der Elfmeter entschied das Spiel.", "de"),
    ("The shares posted double-digit growth.", "en"),
    ("Avoiding double taxation matters to them.", "en"),
    ("Sie hat die doppelte Staatsbürgerschaft.", "de"),
])
def test_words_that_only_look_like_compounds_or_multiples(text, lang):
    assert figs(text, lang) == []


# --- counts that only refer back, partitives, enumerations ------------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("The two companies declined to comment.", "en"),
    ("Our two companies will create value.", "en"),
    ("It merges Norway's two biggest banks.", "en"),
    ("The latter two were not named.", "en"),
    ("It would combine two of the region's largest growers.", "en"),
    ("He is one of the richest men.", "en"),
    ("Die zwei Konzerne äußerten sich nicht.", "de"),
    ("Beide Seiten einigten sich.", "de"),
    ("The group bought two rivals, Alder Mills and Birch Foods, last year.", "en"),
])
def test_counts_that_only_refer_back(text, lang):
    assert [f for f in figs(text, lang) if f["unit"] == "count"] == []


@pytest.mark.parametrize("text,lang,value", [
    ("Four of the largest oil firms control the field.", "en", 4),
    ("Zwei der vier Öfen gehen vom Netz.", "de", 2),
    ("The collapse of two US banks rattled markets.", "en", 2),
    ("Die vier besten Teams spielen im Finale.", "de", 4),
    ("The lender's 17 branches reopen on Monday.", "en", 17),
])
def test_counts_of_a_named_whole_are_figures(text, lang, value):
    assert [f["value"] for f in figs(text, lang) if f["unit"] == "count"][0] == value


def test_all_three_refers_back():
    assert figs("All three parties courted older voters.", "en") == []
