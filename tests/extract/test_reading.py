"""figcheck.extract.reading: which candidates are figures and of which kind (fractions, years,
counts, ordinals, vague amounts, ages, measures), read through extract_figures.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import math

import pytest

from .support import close, figs, figure_with_text, one


@pytest.mark.parametrize("text,lang", [
    ("Sie ist einer der führenden Köpfe der Branche.", "de"),
    ("Das ist eine gute Nachricht.", "de"),
    ("He is one of the best players.", "en"),
    ("It was a good year for the firm.", "en"),
    ("Die zwei trafen sich gestern.", "de"),
])
def test_number_words_without_unit_or_noun_are_not_figures(text, lang):
    assert figs(text, lang) == []


@pytest.mark.parametrize("text,lang,value", [
    ("Die Stiftung hält die Hälfte der Aktien.", "de", 50.0),
    ("Der Staat hält zwei Drittel der Anteile.", "de", 200 / 3),
    ("Ein Viertel der Belegschaft arbeitet im Ausland.", "de", 25.0),
    ("The state holds a third of the shares.", "en", 100 / 3),
    ("A quarter of the staff work abroad.", "en", 25.0),
    ("Half of the voters stayed at home.", "en", 50.0),
    ("Two-thirds of the members agreed.", "en", 200 / 3),
])
def test_fractions_are_shares_in_percent(text, lang, value):
    f = one(text, lang)
    assert f["unit"] == "percent" and close(f["value"], value)


@pytest.mark.parametrize("text,lang", [
    ("In der zweiten Hälfte fiel das Tor.", "de"),
    ("The third quarter was weak.", "en"),
    ("He scored in the first half.", "en"),
])
def test_fraction_words_that_are_no_share(text, lang):
    assert [f for f in figs(text, lang) if f["unit"] == "percent"] == []


@pytest.mark.parametrize("text,lang,value", [
    ("Wang leitet die Firma seit 2016.", "de", 2016),
    ("Facebook kaufte WhatsApp im Jahr 2014.", "de", 2014),
    ("Die Firma wurde 2016 gegründet.", "de", 2016),
    ("Facebook bought WhatsApp in 2014.", "en", 2014),
    ("The plan runs until 2030.", "en", 2030),
    ("Die Ziele für 2025 sind ehrgeizig.", "de", 2025),
])
def test_years(text, lang, value):
    f = one(text, lang)
    assert f["unit"] == "year" and f["value"] == value and f["qualifier"] == "exact"


@pytest.mark.parametrize("text,lang,value,quantity", [
    ("Die Firma beschäftigt 500 Mitarbeiter.", "de", 500, "employees"),
    ("The firm employs 500 people.", "en", 500, "people"),
    ("Der Dienst hat 3 Millionen Nutzer.", "de", 3e6, "users"),
    ("The app has 2 million users.", "en", 2e6, "users"),
])
def test_counts(text, lang, value, quantity):
    f = one(text, lang)
    assert f["unit"] == "count" and close(f["value"], value) and f["quantity"] == quantity


@pytest.mark.parametrize("text,lang,value", [
    ("Es ist die zweitgrößte Übernahme des Jahres.", "de", 2),
    ("Es ist die zweitgrösste Übernahme des Jahres.", "de", 2),
    ("Es ist der drittwichtigste Markt.", "de", 3),
    ("It is the second-largest deal this year.", "en", 2),
    ("It is the third biggest deal this year.", "en", 3),
    ("She finished 3rd in the race.", "en", 3),
])
def test_ordinals(text, lang, value):
    f = one(text, lang)
    assert f["unit"] == "ordinal" and f["value"] == value


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


# --- ages are no counts, measures stay out of counts --------------------------------------------------------
@pytest.mark.parametrize("text,lang,span", [
    ("Unter den Verletzten ist eine etwa 41-jährige Frau.", "de", "etwa 41"),
    ("A 42-year-old woman was among the injured.", "en", "42"),
    ("The man, 42 years old, was unhurt.", "en", "42"),
    ("The actor died last July at the age of 81.", "en", "81"),
    ("The singer, aged 45, was not hurt.", "en", "45"),
    ("Er starb im Alter von 81 Jahren.", "de", "81"),
])
def test_an_age_is_not_a_count(text, lang, span):
    f = figure_with_text(text, lang, span)
    assert f["unit"] == "other" and f["quantity"] == "age" and f["measure"] == "age"


@pytest.mark.parametrize("text,lang,span", [
    ("Der Schnee lag 3,5 Zentimeter hoch.", "de", "3,5"),
    ("Das Dach trug rund 240 Tonnen.", "de", "rund 240"),
])
def test_measures_stay_out_of_counts(text, lang, span):
    """A physical measure is unit other, named by its unit word ('tonne'), never a count of people."""
    f = figure_with_text(text, lang, span)
    assert f["unit"] == "other" and f["frame"] == "unit_after" and f["quantity"] not in ("people", "employees")
