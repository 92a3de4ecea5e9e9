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


@pytest.mark.parametrize("text,lang", [
    ("One day the harbour will be full again.", "en"),
    ("Die Bank hatte vor einer Woche verkauft.", "de"),
    ("The board met a week later.", "en"),
])
def test_bare_one_or_a_week_is_no_figure(text, lang):
    assert figs(text, lang) == []


def test_a_year_before_the_noun_is_still_a_year():
    assert [(f["value"], f["unit"]) for f in figs("Im Jahr 2020 kamen 300 Besucher.")] == [(2020, "year"),
                                                                                        (300, "count")]


# --- number words inside compounds and adjectives ------------------------------------------------------------
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


# --- multiples and decades ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang,value,qualifier", [
    ("Output is expected to more than double by 2030.", "en", 2, "lower"),
    ("The deal means doubling output in the basin.", "en", 2, "exact"),
    ("Profits tripled last year.", "en", 3, "exact"),
    ("The pool is twice as large as planned.", "en", 2, "exact"),
    ("Der Umsatz hat sich fast verdoppelt.", "de", 2, "upper"),
    ("Die Kosten haben sich verdreifacht.", "de", 3, "exact"),
    ("Der Verkehr soll um das Achtfache wachsen.", "de", 8, "exact"),
    ("Das Risiko ist dreifach so hoch.", "de", 3, "exact"),
    ("Revenue grew threefold in a year.", "en", 3, "exact"),
])
def test_multiples(text, lang, value, qualifier):
    f = [f for f in figs(text, lang) if f["unit"] == "other"][0]
    assert close(f["value"], value) and f["qualifier"] == qualifier, f


@pytest.mark.parametrize("text,lang,low,high", [
    ("The company was founded in the early 2000s.", "en", 2000, 2009),
    ("The two firms merged in the late 1990s.", "en", 1990, 1999),
    ("Die Werft entstand in den 1970er-Jahren.", "de", 1970, 1979),
    ("Die Marke war in den 1980er Jahren beliebt.", "de", 1980, 1989),
    ("Der Boom der 1990er ist vorbei.", "de", 1990, 1999),
])
def test_decades_are_year_ranges(text, lang, low, high):
    f = one(text, lang)
    assert f["unit"] == "year" and f["qualifier"] == "range" and f["low"] == low and f["high"] == high
    assert math.isnan(f["value"])                       # no single year: the story's present is not a decade


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


# --- ordinals in words --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang,value,qualifier", [
    ("The merger enters the second phase in May.", "en", 2, "exact"),
    ("Shares of the lender fell for a second day.", "en", 2, "exact"),
    ("The bank was the first to offer the card.", "en", 1, "exact"),
    ("The brand moved up to first place.", "en", 1, "exact"),
    ("An vierter Stelle steht der Staatsfonds.", "de", 4, "exact"),
    ("Der Verein wurde zum dritten Mal Meister.", "de", 3, "exact"),
    ("Die Firma ist die zweitgrößte im Land.", "de", 2, "exact"),
    ("Only the top five banks took part.", "en", 5, "upper"),
    ("Die Gruppe zählt nun zur Top-10-Liga der Branche.", "de", 10, "upper"),
])
def test_ordinals_in_words(text, lang, value, qualifier):
    f = one(text, lang)
    assert f["unit"] == "ordinal" and f["value"] == value and f["qualifier"] == qualifier, f
    if qualifier == "upper":
        assert f["low"] == 1 and f["high"] == value


def test_a_suspended_hyphen_gives_both_ordinals():
    got = [(f["value"], f["unit"]) for f in figs("They were the second- and third-largest lenders.", "en")]
    assert got == [(2, "ordinal"), (3, "ordinal")]


@pytest.mark.parametrize("text,lang", [
    ("Ein erster Schritt ist getan.", "de"),
    ("Die Aktien kamen bei der ersten Platzierung weg.", "de"),
    ("Die Schulden stiegen zum ersten Halbjahr.", "de"),
    ("The paper first reported the talks.", "en"),
    ("Why did they join in the first place?", "en"),
    ("Sales were weak in the second half.", "en"),
    ("The third quarter was weak.", "en"),
    ("The deal needs a second look.", "en"),
])
def test_ordinal_words_that_are_no_rank(text, lang):
    assert [f for f in figs(text, lang) if f["unit"] == "ordinal"] == []


# --- counts that only refer back, partitives, enumerations -------------------------------------------------
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


def test_one_in_five_is_no_count():
    assert [f for f in figs("The show lost one in five of its viewers.", "en") if f["unit"] == "count"] == []


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


# --- ratios are shares ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang,value,qualifier", [
    ("Only one in six voters knew his name.", "en", 100 / 6, "exact"),
    ("Just 1 in 10 firms replied.", "en", 10, "exact"),
    ("Nearly three out of four girls said yes.", "en", 75, "upper"),
    ("Zwei von drei Befragten sind dafür.", "de", 200 / 3, "exact"),
    ("Das Team gewann 12 von 16 Spielen.", "de", 75, "exact"),
])
def test_ratios_are_shares(text, lang, value, qualifier):
    f = one(text, lang)
    assert f["unit"] == "percent" and close(f["value"], value) and f["qualifier"] == qualifier, f


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Police held eight men at the port.", "en", 8, "count"),
    ("Oil output has fallen since the mid 1990's.", "en", None, "year"),
])
def test_short_nouns_are_no_measures_and_decades_with_an_apostrophe(text, lang, value, unit):
    f = one(text, lang)
    assert f["unit"] == unit and (value is None and math.isnan(f["value"]) or f["value"] == value)


def test_all_three_refers_back():
    assert figs("All three parties courted older voters.", "en") == []


@pytest.mark.parametrize("text,lang,expected", [
    ("Releases rose to 310 in 2004 from 287.", "en", [(310, "count"), (2004, "year"), (287, "count")]),
    ("He lost the next one in 1992 to his rival.", "en", [(1992, "year")]),
    ("Das Land liegt auf Platz 149 von 180 Staaten.", "de", [(149, "ordinal"), (180, "count")]),
    ("Der Freibetrag beträgt zehn Prozent von 101 bis 800 Euro.", "de",
     [(10, "percent"), (450.5, "EUR")]),
])
def test_what_only_looks_like_a_ratio(text, lang, expected):
    assert [(f["value"], f["unit"]) for f in figs(text, lang)] == expected
