"""What a figure measures when other amounts sit in the same sentence: loans, tax bills, damages,
share prices, dividends, sub-units of money (cents, pence), ages, deaths and injured people.

Every sentence, company and number here is invented test material written for these tests.
"""
import math

import pytest

import helpers


def figs(text, lang):
    """(text, value, unit, quantity) of every figure that is not a date or year."""
    return [(f["text"], f["value"], f["unit"], f["quantity"]) for f in helpers.extract_figures(text, lang)
            if f["unit"] not in ("date", "year")]


def one(text, lang, span):
    """The figure whose text is `span`."""
    got = [f for f in helpers.extract_figures(text, lang) if f["text"] == span]
    assert len(got) == 1, [f["text"] for f in helpers.extract_figures(text, lang)]
    return got[0]


# --- money: the noun at the figure wins over the deal words of the sentence ----------------------
@pytest.mark.parametrize("text,lang,span,quantity", [
    # a loan is debt, also when the buyer and "pay back" are in the sentence
    ("Kestrel Oil wants the buyer of its unit to pay back a $700m (£380m) loan.", "en", "$700m", "debt"),
    ("Kestrel Oil wants the buyer of its unit to pay back a $700m (£380m) loan.", "en", "£380m", "debt"),
    ("Für die Übernahme gewährt die Bank einen Kredit von 600 Millionen Euro.", "de", "600 Millionen Euro", "debt"),
    ("Der Käufer übernimmt ein Darlehen über 200 Millionen Euro.", "de", "200 Millionen Euro", "debt"),
    # tax bills, back taxes: one label, whatever else the sentence says about the sale or fines
    ("The unit was sold to help Kestrel pay part of a $31bn bill in unpaid taxes and fines.", "en", "$31bn",
     "tax_bill"),
    ("The state says Kestrel owes more than $31bn in back taxes.", "en", "more than $31bn", "tax_bill"),
    ("Kestrel was hit with a $31bn (£17bn) back tax bill before the auction.", "en", "$31bn", "tax_bill"),
    ("It sold the unit to recover tax claims against Kestrel totalling over $31bn.", "en", "over $31bn", "tax_bill"),
    ("Die Steuerschuld von 4 Milliarden Euro belastet den Verkauf.", "de", "4 Milliarden Euro", "tax_bill"),
    ("Eine Steuernachforderung über 2 Milliarden Euro droht dem Käufer.", "de", "2 Milliarden Euro", "tax_bill"),
    # damages
    ("Kestrel is claiming more than $15bn (£8bn) in damages after the sale.", "en", "more than $15bn", "damages"),
    ("The owners will sue the buyer for $15bn in damages.", "en", "$15bn", "damages"),
    ("The company wants damages of $15bn, saying the unit was sold too cheaply.", "en", "$15bn", "damages"),
    ("Der Konzern verlangt nach der Übernahme 3 Milliarden Euro Schadenersatz.", "de", "3 Milliarden Euro",
     "damages"),
    # the price of one share
    ("Grauwald put an informal offer of 640 pence per Nordex share on the table.", "en", "640 pence",
     "price_per_share"),
    ("The 640 pence-a-share offer valued the exchange at £2.1bn.", "en", "640 pence", "price_per_share"),
    ("The buyers offered 410p a share for the club.", "en", "410p", "price_per_share"),
    ("The board considered a buyout at just over 410p but did not go ahead.", "en", "over 410p",
     "price_per_share"),
    ("Its shares closed at £0.37 after the takeover bid.", "en", "£0.37", "price_per_share"),
    ("Die Aktionäre erhalten im Rahmen der Übernahme 45 Euro je Aktie.", "de", "45 Euro", "price_per_share"),
    # dividends, and their bracketed conversions
    ("Nordex will lift its dividend payment to 45 euro cents (£0.31; $0.58) from 30 euro cents.", "en",
     "45 euro cents", "dividend"),
    ("Nordex will lift its dividend payment to 45 euro cents (£0.31; $0.58) from 30 euro cents.", "en",
     "£0.31", "dividend"),
    ("Nordex will lift its dividend payment to 45 euro cents (£0.31; $0.58) from 30 euro cents.", "en",
     "$0.58", "dividend"),
    ("Die Firma zahlt eine Dividende von 65 Cent je Aktie.", "de", "65 Cent", "dividend"),
    # a sale price: "sold for", "bought for", "won ... for"
    ("The refinery was sold for $7.2bn in an auction last year.", "en", "$7.2bn", "deal_amount"),
    ("In the end the auction was won by an unknown firm for $7.2bn - far below most estimates.", "en", "$7.2bn",
     "deal_amount"),
    ("The state sold its refinery to Ostmark for $7.2bn to offset a huge back tax bill.", "en", "$7.2bn",
     "deal_amount"),
])
def test_money_label_from_the_words_at_the_figure(text, lang, span, quantity):
    assert one(text, lang, span)["quantity"] == quantity


def test_a_share_bought_for_money_is_no_share_price():
    assert one("Ostmark paid $1bn for a share in the venture.", "en", "$1bn")["quantity"] == "deal_amount"


def test_a_payout_to_settle_a_lawsuit_is_no_dividend():
    assert one("It blamed a $640m payout to settle a lawsuit.", "en", "$640m")["quantity"] != "dividend"


def test_a_fine_and_its_conversion():
    text = "Ostmark agreed to pay a $2.5m (£1.3m) fine for bribing an official."
    assert [q for _t, _v, _u, q in figs(text, "en")] == ["fine", "fine"]


def test_pence_are_a_price_not_a_deal():
    assert one("The single is now on sale for 79p, the usual cost of a song.", "en", "79p")["quantity"] == "price"
    text = "Shares in Nordex were down more than 4% at 325.5p as analysts worried over earnings."
    assert one(text, "en", "325.5p")["quantity"] == "price_per_share"


def test_before_tax_is_no_tax_bill():
    assert one("The group made a profit before tax of $3bn.", "en", "$3bn")["quantity"] != "tax_bill"


def test_a_change_in_pence_is_no_share_price():
    got = {t: q for t, _v, _u, q in figs("Nordex shares closed at 270.25p, down 3.75p on the day.", "en")}
    assert got["270.25p"] == "price_per_share"
    assert got["3.75p"] != "price_per_share"


# --- money sub-units: cents, pence, Rappen read in their currency, the whole span ------------------
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
    f = one(text, lang, span)
    assert math.isclose(f["value"], value) and f["unit"] == unit


def test_pence_letter_only_in_english_and_only_joined():
    assert figs("Die Gruppe 5p spielt heute.", "de") == []
    assert [(t, u) for t, _v, u, _q in figs("The shares rose to 455p.", "en")] == [("455p", "GBP")]


def test_dollar_sign_with_p_is_not_pence():
    assert all(u != "GBP" for _t, _v, u, _q in figs("The shares are at $5p today.", "en"))


# --- counts: ages are no counts; deaths and injured people apart from people present -------------
@pytest.mark.parametrize("text,lang,span", [
    ("Unter den Verletzten ist eine etwa 41-jährige Frau.", "de", "etwa 41"),
    ("A 42-year-old woman was among the injured.", "en", "42"),
    ("The man, 42 years old, was unhurt.", "en", "42"),
    ("The actor died last July at the age of 81.", "en", "81"),
    ("The singer, aged 45, was not hurt.", "en", "45"),
    ("Er starb im Alter von 81 Jahren.", "de", "81"),
])
def test_an_age_is_not_a_count(text, lang, span):
    f = one(text, lang, span)
    assert f["unit"] == "other" and f["quantity"] == "unclassified"


@pytest.mark.parametrize("text,lang,span,quantity", [
    ("Bis zum Abend wurden mindestens sechs Menschen tot geborgen.", "de", "mindestens sechs", "deaths"),
    ("Mindestens sechs Menschen kamen ums Leben, 15 bis 18 wurden verletzt.", "de", "Mindestens sechs", "deaths"),
    ("Mindestens sechs Menschen kamen ums Leben, 15 bis 18 wurden verletzt.", "de", "15 bis 18", "injured"),
    ("30 bis 35 Menschen wurden bei dem Unglück verletzt, ebenso viele werden vermisst.", "de", "30 bis 35",
     "injured"),
    ("Es gab mindestens vier Tote und 12 Verletzte.", "de", "mindestens vier", "deaths"),
    ("Es gab mindestens vier Tote und 12 Verletzte.", "de", "12", "injured"),
    ("Bei dem Einsturz starben mindestens fünf Menschen.", "de", "mindestens fünf", "deaths"),
    ("In der Halle waren zirka 60 Personen, darunter viele Kinder.", "de", "zirka 60", "people"),
    ("At least seven people were killed; 30 to 35 people were injured.", "en", "At least seven", "deaths"),
    ("At least seven people were killed; 30 to 35 people were injured.", "en", "30 to 35", "injured"),
    ("The storm killed at least nine people and injured 30 others.", "en", "at least nine", "deaths"),
    ("About 300 fans protested outside the ground.", "en", "About 300", "unclassified"),
    # the noun for employees wins, also after an adjective
    ("Nearly 2,300 employees will lose their jobs.", "en", "Nearly 2,300", "employees"),
    ("Nearly 2,300 full-time employees are affected.", "en", "Nearly 2,300", "employees"),
    ("The plant has nearly 2,300 staff.", "en", "nearly 2,300", "employees"),
    ("Rund 1.400 Beschäftigte sind betroffen.", "de", "Rund 1.400", "employees"),
    ("Das Werk hat fast 1.400 feste Mitarbeiter.", "de", "fast 1.400", "employees"),
])
def test_count_labels(text, lang, span, quantity):
    assert one(text, lang, span)["quantity"] == quantity


@pytest.mark.parametrize("text,lang,span", [
    ("Der Schnee lag 3,5 Zentimeter hoch.", "de", "3,5"),
    ("Das Dach trug rund 240 Tonnen.", "de", "rund 240"),
])
def test_measures_stay_out_of_counts(text, lang, span):
    f = one(text, lang, span)
    assert f["unit"] == "other" and f["quantity"] == "unclassified"
