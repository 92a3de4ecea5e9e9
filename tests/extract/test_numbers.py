"""figcheck.extract.numbers: decimal marks, number words, signs, scale words, currencies, percentages
and dates, read through extract_figures.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import math

import pytest

from .support import close, figs, figure_rows, figure_with_text, one


@pytest.mark.parametrize("text,lang,value", [
    ("Der Umsatz lag bei 14,3 Milliarden Euro.", "de", 14.3e9),
    ("Revenue reached 14.3 billion euros.", "en", 14.3e9),
    ("Der Konzern beschäftigt 1.000 Mitarbeiter.", "de", 1000),
    ("The group employs 1,000 people.", "en", 1000),
    ("Die Firma hat 12.500.000 Kunden.", "de", 12_500_000),
    ("The firm has 12,500,000 customers.", "en", 12_500_000),
    ("Die Stadt hat 1 000 Einwohner.", "de", 1000),
    ("Die Stadt hat 250\u202f000 Einwohner.", "de", 250_000),
    ("Die Stadt hat 250\u00a0000 Einwohner.", "de", 250_000),
    ("Die Stadt hat 250\u2009000 Einwohner.", "de", 250_000),
    ("Das Gemeindebudget beträgt 1'200 Franken.", "de", 1200),
    ("Die Aktie kostete 1.234,56 Euro.", "de", 1234.56),
    ("The share cost 1,234.56 dollars.", "en", 1234.56),
    ("Die Quote stieg auf 0,5 Prozent.", "de", 0.5),
])
def test_decimal_marks_and_thousands_separators(text, lang, value):
    assert close(one(text, lang)["value"], value)


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Meta zahlt eine Milliarde Euro.", "de", 1e9, "EUR"),
    ("Der Fonds verwaltet zwei Milliarden Dollar.", "de", 2e9, "USD"),
    ("Die Firma sammelte eineinhalb Millionen Euro ein.", "de", 1.5e6, "EUR"),
    ("Im Verein sind fünfundzwanzig Mitglieder aktiv.", "de", 25, "count"),
    ("Es kamen drei Besucher.", "de", 3, "count"),
    ("Three companies bid for the licence.", "en", 3, "count"),
    ("The club has twenty-five members.", "en", 25, "count"),
    ("She sold the flat for a million dollars.", "en", 1e6, "USD"),
    ("The budget is one billion euros.", "en", 1e9, "EUR"),
])
def test_number_words(text, lang, value, unit):
    f = one(text, lang)
    assert close(f["value"], value) and f["unit"] == unit


@pytest.mark.parametrize("text,lang,value", [
    ("Die Wirtschaft schrumpfte um -3,5 Prozent.", "de", -3.5),
    ("Der Index lag bei minus 2 Prozent.", "de", -2.0),
    ("The index moved \u22124% on Monday.", "en", -4.0),
    ("The index moved +5% on Monday.", "en", 5.0),
    ("Output fell -0.7 percent in May.", "en", -0.7),
])
def test_negatives_and_signs(text, lang, value):
    assert close(one(text, lang)["value"], value)


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Der Verein erhielt 5 Tsd. Euro.", "de", 5e3, "EUR"),
    ("Der Verein erhielt 5 Tausend Euro.", "de", 5e3, "EUR"),
    ("Das Projekt kostet 3 Mio. Euro.", "de", 3e6, "EUR"),
    ("Das Projekt kostet 3 Millionen Euro.", "de", 3e6, "EUR"),
    ("Das Projekt kostet 1 Million Euro.", "de", 1e6, "EUR"),
    ("Der Bund zahlt 4 Mrd. Euro.", "de", 4e9, "EUR"),
    ("Der Bund zahlt 4 Mrd Euro.", "de", 4e9, "EUR"),
    ("Der Bund zahlt 4 Milliarden Euro.", "de", 4e9, "EUR"),
    ("Die Schulden liegen bei 1,2 Billionen Euro.", "de", 1.2e12, "EUR"),
    ("Die Schulden liegen bei einer Billion Euro.", "de", 1e12, "EUR"),
    ("The debt is one billion dollars.", "en", 1e9, "USD"),
    ("The debt is 2 trillion dollars.", "en", 2e12, "USD"),
    ("The town got 40 thousand pounds.", "en", 4e4, "GBP"),
    ("The deal is worth 5 million dollars.", "en", 5e6, "USD"),
    ("The deal is worth $10B.", "en", 10e9, "USD"),
    ("Meta plant eine $10B-Investition.", "de", 10e9, "USD"),
    ("The fund raised €5bn.", "en", 5e9, "EUR"),
    ("The club paid £600m.", "en", 600e6, "GBP"),
    ("The start-up raised $500k.", "en", 500e3, "USD"),
    ("The start-up raised $3m.", "en", 3e6, "USD"),
    ("The firm lost $4.5bn.", "en", 4.5e9, "USD"),
    ("Sales reached 10 bn dollars.", "en", 10e9, "USD"),
    ("Sales reached 7 mn euros.", "en", 7e6, "EUR"),
])
def test_scale_words(text, lang, value, unit):
    f = one(text, lang)
    assert close(f["value"], value) and f["unit"] == unit, f


@pytest.mark.parametrize("text,lang,unit", [
    ("Der Preis: 10 Dollar.", "de", "USD"),
    ("Der Preis: 10 US-Dollar.", "de", "USD"),
    ("Der Preis: 10 USD.", "de", "USD"),
    ("Der Preis: $10.", "de", "USD"),
    ("Der Preis: US$ 10.", "de", "USD"),
    ("Der Preis: 10 Euro.", "de", "EUR"),
    ("Der Preis: 10 €.", "de", "EUR"),
    ("Der Preis: €10.", "de", "EUR"),
    ("Der Preis: EUR 10.", "de", "EUR"),
    ("Der Preis: 10 Franken.", "de", "CHF"),
    ("Der Preis: CHF 10.", "de", "CHF"),
    ("Der Preis: 10 Schweizer Franken.", "de", "CHF"),
    ("Der Preis: 10 Pfund.", "de", "GBP"),
    ("Der Preis: £10.", "de", "GBP"),
    ("Der Preis: 10 GBP.", "de", "GBP"),
    ("Der Preis: 10 Yen.", "de", "JPY"),
    ("Der Preis: ¥10.", "de", "JPY"),
    ("The price: 10 yuan.", "en", "CNY"),
    ("The price: 10 pounds.", "en", "GBP"),
    ("The price: 10 Swiss francs.", "en", "CHF"),
    ("The price: A$10.", "en", "AUD"),
    ("The price: HK$10.", "en", "HKD"),
])
def test_currencies_become_iso_codes(text, lang, unit):
    f = one(text, lang)
    assert f["unit"] == unit and close(f["value"], 10.0), f


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Ein Brötchen kostet 50 Cent.", "de", 0.5, "EUR"),
    ("A stamp costs 99 cents.", "en", 0.99, "USD"),
    ("A stamp costs 50 pence.", "en", 0.5, "GBP"),
    ("Ein Kaffee kostet 80 Rappen.", "de", 0.8, "CHF"),
])
def test_cents_and_pence_in_their_currency(text, lang, value, unit):
    f = one(text, lang)
    assert close(f["value"], value) and f["unit"] == unit


def test_german_billion_is_a_trillion_and_english_billion_is_not():
    assert close(one("Die Staatsschuld: 2 Billionen Euro.", "de")["value"], 2e12)
    assert close(one("The debt: 2 billion euros.", "en")["value"], 2e9)


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Meta übernimmt 49 Prozent von Scale AI.", "de", 49, "percent"),
    ("Meta übernimmt 49 % von Scale AI.", "de", 49, "percent"),
    ("Meta übernimmt 49% von Scale AI.", "de", 49, "percent"),
    ("Meta sichert sich einen 49-prozentigen Anteil.", "de", 49, "percent"),
    ("Prices rose 3 per cent.", "en", 3, "percent"),
    ("Prices rose 3 percent.", "en", 3, "percent"),
    ("The rate rose 2 percentage points.", "en", 2, "percentage_points"),
    ("Die Quote stieg um 3 Prozentpunkte.", "de", 3, "percentage_points"),
    ("The bank cut rates by 25 basis points.", "en", 0.25, "percentage_points"),
])
def test_percent_and_points(text, lang, value, unit):
    f = one(text, lang)
    assert close(f["value"], value) and f["unit"] == unit, f


@pytest.mark.parametrize("text,lang,value", [
    ("Die Meldung vom 2025-06-11 ist bestätigt.", "de", 20250611),
    ("Die Hauptversammlung ist am 11. Juni 2025.", "de", 20250611),
    ("Die Frist endet am 11.06.2025 um Mitternacht.", "de", 20250611),
    ("The meeting is on June 11, 2025 in Berlin.", "en", 20250611),
    ("The meeting is on 11 June 2025 in Berlin.", "en", 20250611),
])
def test_calendar_dates_are_dates_not_story_figures(text, lang, value):
    f = one(text, lang)
    assert f["unit"] == "date" and f["value"] == value and f["quantity"] == "unclassified"


# --- money sub-units: cents, pence, Rappen read in their currency, the whole span ---------------------------
@pytest.mark.parametrize("text,lang,span,value,unit", [
    ("The dividend rises to 70 euro cents.", "en", "70 euro cents", 0.70, "EUR"),
    ("The dividend was 55 euro cents a year earlier.", "en", "55 euro cents", 0.55, "EUR"),
    ("Die Konkurrenz zahlt 80 Euro-Cent pro Aktie.", "de", "80 Euro-Cent", 0.80, "EUR"),
    ("Die Dividende steigt auf 70 Eurocent.", "de", "70 Eurocent", 0.70, "EUR"),
    ("The buyers offered 300p a share.", "en", "300p", 3.00, "GBP"),
    ("The offer of 530 pence was rejected.", "en", "530 pence", 5.30, "GBP"),
    ("Die Aktie kostet 12 Rappen mehr.", "de", "12 Rappen", 0.12, "CHF"),
])
def test_money_sub_units(text, lang, span, value, unit):
    f = figure_with_text(text, lang, span)
    assert math.isclose(f["value"], value) and f["unit"] == unit


def test_pence_letter_only_in_english_and_only_joined():
    assert figure_rows("Die Gruppe 5p spielt heute.", "de") == []
    assert [(t, u) for t, _v, u, _q in figure_rows("The shares rose to 455p.", "en")] == [("455p", "GBP")]


def test_dollar_sign_with_p_is_not_pence():
    assert all(u != "GBP" for _t, _v, u, _q in figure_rows("The shares are at $5p today.", "en"))


# --- the world's money as newswires write it -----------------------------------------------------------------
@pytest.mark.parametrize("text,lang,value,unit", [
    ("The unit was sold for USD12m in cash.", "en", 12e6, "USD"),
    ("Der Fonds sammelte EUR40m ein.", "de", 40e6, "EUR"),
    ("The miner raised AUD2.5m from investors.", "en", 2.5e6, "AUD"),
    ("The state will spend INR3 trillion on roads.", "en", 3e12, "INR"),
    ("Die Bank verlor CHF3bn im Quartal.", "de", 3e9, "CHF"),
    ("The phone costs 6,499 Chinese yuan.", "en", 6499, "CNY"),
    ("The council approved 12.5 million Australian dollars for roads.", "en", 12.5e6, "AUD"),
    ("The watch sold for 1,980,000 yen.", "en", 1_980_000, "JPY"),
    ("A loaf costs 40 rand in Durban.", "en", 40, "ZAR"),
    ("The fund holds US$4bn in bonds.", "en", 4e9, "USD"),
    ("The miner earned $US5.2 billion last year.", "en", 5.2e9, "USD"),
    ("The airline lost A$1.1 billion.", "en", 1.1e9, "AUD"),
    ("The railway costs C$12 billion.", "en", 12e9, "CAD"),
    ("The port was sold for S$900 million.", "en", 900e6, "SGD"),
    ("The tower fetched HK$8.4bn.", "en", 8.4e9, "HKD"),
    ("The dairy paid NZ$300 million.", "en", 300e6, "NZD"),
    ("The plant cost RM5.6 billion.", "en", 5.6e9, "MYR"),
    ("The bridge will cost Rs 500 crore.", "en", 5e9, "INR"),
    ("The app raised ₹40 crore.", "en", 4e8, "INR"),
    ("Die Anleihe brachte ¥30 Mrd. ein.", "de", 30e9, "JPY"),
    ("The chipmaker invested ₩2 trillion.", "en", 2e12, "KRW"),
    ("The bank lent R$7 billion to farmers.", "en", 7e9, "BRL"),
    ("Der Konzern zahlt 5 Mio. Schweizer Franken.", "de", 5e6, "CHF"),
    ("Die Firma kaufte für 2 Milliarden Australische Dollar ein.", "de", 2e9, "AUD"),
    ("Der Händler verlor 300 Millionen Norwegische Kronen.", "de", 300e6, "NOK"),
    ("The bank wrote off 80 billion rupees.", "en", 80e9, "INR"),
    ("Die Ausgaben stiegen auf 9 Mrd. Rubel.", "de", 9e9, "RUB"),
    ("The retailer sold 1.5 billion Swedish kronor of bonds.", "en", 1.5e9, "SEK"),
    ("Das Werk kostet 4 Milliarden Złoty.", "de", 4e9, "PLN"),
])
def test_money_as_newswires_write_it(text, lang, value, unit):
    f = one(text, lang)
    assert close(f["value"], value) and f["unit"] == unit, f


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Prices rose 5pc in May.", "en", 5, "percent"),
    ("Prices rose 5 pc in May.", "en", 5, "percent"),
    ("Sales reached $40mn.", "en", 40e6, "USD"),
    ("Sales reached $40 mil last year.", "en", 40e6, "USD"),
    ("The debt stands at $2tn.", "en", 2e12, "USD"),
    ("The debt stands at $2trn.", "en", 2e12, "USD"),
    ("Die Bank schätzt den Preis auf 400 Mill. Euro.", "de", 400e6, "EUR"),
    ("Der Verlust liegt bei 2,4 Millarden Euro.", "de", 2.4e9, "EUR"),
    ("Der Fonds hat 800 Milionen Euro.", "de", 800e6, "EUR"),
    ("The deal is worth 3 bilion dollars.", "en", 3e9, "USD"),
    ("Die Schulden betragen 2 Bilionen Euro.", "de", 2e12, "EUR"),
    ("The project will cost 40 lakh rupees.", "en", 4e6, "INR"),
])
def test_percent_and_scale_variants(text, lang, value, unit):
    f = one(text, lang)
    assert close(f["value"], value) and f["unit"] == unit, f


@pytest.mark.parametrize("text,lang,low,high,unit", [
    ("The fraud cost tens of millions of dollars.", "en", 2e7, 1e8, "USD"),
    ("Der Betrug kostete Dutzende Millionen Euro.", "de", 2.4e7, 1.44e8, "EUR"),
    ("Die Reform kostet Hunderte Millionen Euro.", "de", 2e8, 1e9, "EUR"),
])
def test_vague_amounts_with_a_scale_are_intervals(text, lang, low, high, unit):
    f = one(text, lang)
    assert f["qualifier"] == "vague" and f["unit"] == unit and close(f["low"], low) and close(f["high"], high)


@pytest.mark.parametrize("text,lang", [
    ("The team won 3 games in May.", "en"),
    ("Der Klimagipfel COP28 endete spät.", "de"),
    ("She won 5 medals at the games.", "en"),
])
def test_currency_words_that_are_not_money_here(text, lang):
    assert all(not (len(f["unit"]) == 3 and f["unit"].isupper()) for f in figs(text, lang))


def test_half_a_scale_word():
    f = one("Schenker könnte nur rund eine halbe Milliarde Euro aufbringen.")
    assert close(f["value"], 5e8) and f["unit"] == "EUR" and f["qualifier"] == "approx"
    assert close(one("The plan costs half a billion dollars.", "en")["value"], 5e8)
    assert one("Ein halbes Dutzend Firmen bot mit.")["value"] == 6
