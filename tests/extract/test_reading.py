"""figcheck.extract.reading: which bare numbers and numbers in digits are figures and of which kind
(years, counts, ages, spans of time, measures, German ordinals), read through extract_figures.
Number words, vague amounts and compounds: test_number_words.py; fractions and ratios: test_ratios.py;
ordinals in words and ranks: test_ordinals.py; multiples: test_multiples.py; decades: test_years.py.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import math

import pytest

from .support import close, figs, figure_with_text, one


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


# --- spans of time are figures of unit other (decades and centuries in years) ---------------------------------
@pytest.mark.parametrize("text,lang,value,qualifier", [
    ("Der Käufer bekommt drei Tage Bedenkzeit.", "de", 3, "exact"),
    ("Die Brauerei wurde vor rund zwölf Jahren verkauft.", "de", 12, "approx"),
    ("Die Werft gehörte gut drei Jahrzehnte dem Land.", "de", 30, "lower"),
    ("Der Umbau dauert rund zehn Jahre.", "de", 10, "approx"),
    ("Die Firma wartet seit 18 Monaten auf die Genehmigung.", "de", 18, "exact"),
    ("The mill had closed eight days earlier.", "en", 8, "exact"),
    ("The lender expects a decision within two weeks.", "en", 2, "upper"),
    ("It is the biggest merger in two decades.", "en", 20, "exact"),
    ("The brewery had been family-owned for nearly two centuries.", "en", 200, "upper"),
    ("The shares have fallen over the past 18 months.", "en", 18, "exact"),
    ("The mine was sold 30 years ago.", "en", 30, "exact"),
    ("Customers pulled their money in just one day.", "en", 1, "exact"),
    ("Die Siedlung entstand vor 2000 Jahren.", "de", 2000, "exact"),
    ("It was the first such sale in over 20 years.", "en", 20, "lower"),
])
def test_spans_of_time_are_other(text, lang, value, qualifier):
    f = one(text, lang)
    assert f["unit"] == "other" and close(f["value"], value) and f["qualifier"] == qualifier, f


def test_a_year_before_the_noun_is_still_a_year():
    assert [(f["value"], f["unit"]) for f in figs("Im Jahr 2020 kamen 300 Besucher.")] == [(2020, "year"),
                                                                                        (300, "count")]


# --- years written with a noun, fiscal years, pairs of years -----------------------------------------------


@pytest.mark.parametrize("text,lang,value", [
    ("Analysts recalled the rival's 2017 purchase of a refiner.", "en", 2017),
    ("Der 2015er-Deal gilt als Vorbild.", "de", 2015),
    ("Die Bank half in der Finanzkrise 2008 und 2009 aus.", "de", 2008),
    ("Die Erlöse fallen im Geschäftsjahr 2023/24 an.", "de", 2024),
    ("The club has not won since 1998/9.", "en", 1999),
])
def test_years_written_with_a_noun_or_as_a_fiscal_year(text, lang, value):
    assert figs(text, lang)[0]["unit"] == "year" and figs(text, lang)[0]["value"] == value


def test_both_years_of_a_pair():
    assert [(f["value"], f["unit"]) for f in figs("Die Hilfen flossen 2023 und 2024.")] == [
        (2023, "year"), (2024, "year")]


# --- physical measures are other; "1.4m workers" is a count of millions -----------------------------------
@pytest.mark.parametrize("text,lang,value", [
    ("The field pumps around 1.2 million barrels a day.", "en", 1.2e6),
    ("The group holds more than 1.4 million net acres.", "en", 1.4e6),
    ("The mall covers 1.5 million square feet.", "en", 1.5e6),
    ("The wind farm will deliver 400 megawatts.", "en", 400),
    ("Output should reach approximately 2 MOEBD in 2027.", "en", 2e6),
    ("Die Häfen schlagen 4,3 Millionen zwanzig-Fuß-Äquivalente um.", "de", 4.3e6),
    ("Das Lager misst 1,9 Millionen Quadratfuß.", "de", 1.9e6),
    ("Der Akku fasst 5.000 mAh.", "de", 5000),
])
def test_physical_measures_are_other(text, lang, value):
    f = [f for f in figs(text, lang) if f["unit"] not in ("year",)][0]
    assert f["unit"] == "other" and close(f["value"], value), f


def test_millions_written_m_before_a_plural_noun_are_a_count():
    f = one("The strike involves 1.4m workers.", "en")
    assert f["unit"] == "count" and close(f["value"], 1.4e6)
    assert figs("She won the 200m final and the 100m title.", "en") == []
    assert figs("The tower is 508m tall.", "en") == []


# --- what is left over: a counter after the text, the first term of a ratio, a model name ------------------
def test_a_counter_after_the_last_sentence_is_no_figure():
    assert figs("The bank was sold. 219", "en") == []
    assert one("The bank was sold for 219 pounds.", "en")["value"] == 219


def test_the_one_of_a_ratio_is_no_figure():
    f = one("Holders get 1 new share for every 12.5 old shares.", "en")
    assert f["value"] == 12.5


@pytest.mark.parametrize("text,lang", [
    ("Das Windows 10 Update kam spät.", "de"),
    ("Die Playstation 4 kostet mehr.", "de"),
    ("He bought an iPhone 7 Plus.", "en"),
])
def test_model_names_stay_out(text, lang):
    assert figs(text, lang) == []


def test_a_german_noun_after_a_year_or_a_large_count():
    assert [(f["value"], f["unit"]) for f in figs("Nach Monaten 198 Zivilisten getötet.")] == [(198, "count")]
    assert [(f["value"], f["unit"]) for f in figs("Zusammen erzielten diese Firmen 2023 einen Gewinn.")] == [
        (2023, "year")]


# --- short nouns are no measures; decades with an apostrophe ----------------------------------------------


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Police held eight men at the port.", "en", 8, "count"),
    ("Oil output has fallen since the mid 1990's.", "en", None, "year"),
])
def test_short_nouns_are_no_measures_and_decades_with_an_apostrophe(text, lang, value, unit):
    f = one(text, lang)
    assert f["unit"] == unit and (value is None and math.isnan(f["value"]) or f["value"] == value)


