"""figcheck.extract.labels: what a figure measures (its quantity label), also when other amounts sit
in the same sentence: loans, tax bills, damages, share prices, dividends, deaths and injured people.

Every sentence, company and number here is invented test material written for these tests.
"""
import pytest

from .support import fig_at, figure_rows, figure_with_text, one


@pytest.mark.parametrize("text,lang,span,quantity", [
    ("Meta investiert 14 Milliarden Dollar in das Start-up.", "de", "14", "deal_amount"),
    ("Das Start-up wurde mit 29 Milliarden Dollar bewertet.", "de", "29", "valuation"),
    ("Meta sichert sich einen Anteil von 49 Prozent.", "de", "49", "stake"),
    ("Der Umsatz stieg auf 3 Milliarden Euro.", "de", "3", "revenue"),
    ("Der Konzern machte einen Verlust von 2 Milliarden Euro.", "de", "2", "loss"),
    ("Der Gewinn lag bei 5 Millionen Euro.", "de", "5", "profit"),
    ("Der Börsenwert liegt bei 800 Milliarden Dollar.", "de", "800", "market_value"),
    ("The start-up raised $300m in a funding round.", "en", "300", "funding"),
    ("The company was valued at $29bn.", "en", "29", "valuation"),
    ("Google agreed to buy the firm for $2.1bn.", "en", "2.1", "deal_amount"),
    ("The shares rose to $12 per share.", "en", "12", "price_per_share"),
    # money put into initiatives and infrastructure is an investment, not the price of a deal
    ("Meta plant, bis zu 65 Milliarden Dollar in KI-bezogene Initiativen und Infrastruktur zu investieren.",
     "de", "65", "investment"),
])
def test_quantity_labels(text, lang, span, quantity):
    assert fig_at(text, span, lang)["quantity"] == quantity


@pytest.mark.parametrize("text,lang,span,quantity", [
    ("The deal values the bakery chain at $2 billion.", "en", "$2 billion", "valuation"),
    ("The deal values the chain at $2 billion, up from $1.5 billion last year in a funding round.", "en",
     "$1.5 billion", "valuation__before"),
    ("Brio ended the year with an order backlog of about $300 million, the company said.", "en", "$300 million",
     "backlog"),
    ("The group has spent more than $2 billion a year on servers.", "en", "$2 billion", "spending"),
    ("The insurer would take a stake of up to 30 percent.", "en", "30 percent", "stake"),
    ("Alder to pay $800 million for 25% of Brio", "en", "$800 million", "deal_amount"),
    ("Alder to pay $800 million for 25% of Brio", "en", "25%", "stake"),
    ("Der Versicherer lässt sich die Mehrheit an der Bank rund 2 Mrd. Euro kosten.", "de", "2 Mrd. Euro",
     "deal_amount"),
    ("Sie baute ein milliardenschweres Unternehmen auf, das heute 3 Milliarden Euro wert ist.", "de",
     "milliardenschweres", "valuation"),
])
def test_more_quantity_labels(text, lang, span, quantity):
    assert fig_at(text, span, lang)["quantity"] == quantity


def test_a_counted_noun_no_table_knows_names_its_quantity():
    """Frames name quantities in the story's own words: '12 Spielern' are players (the old closed list of
    quantities left them unclassified); a number nothing names stays unclassified."""
    assert one("Die Mannschaft gewann mit 12 Spielern.")["quantity"] == "spieler"
    assert one("It ended 12 in the end.", "en")["quantity"] == "unclassified"


def test_year_labels_founded_and_acquired_are_apart():
    assert one("Die Firma wurde 2016 von Alexandr Wang gegründet.")["quantity"] == "year_founded"
    assert one("Facebook kaufte WhatsApp im Jahr 2014.")["quantity"] == "year_acquired"
    assert one("KI ist die oberste Priorität für 2025.")["quantity"] == "unclassified"


# --- money and counts: the noun at the figure wins over the deal words of the sentence ----------------------
@pytest.mark.parametrize("text,lang,span,quantity", [
    # a loan is debt, also when the buyer and "pay back" are in the sentence
    ("Kestrel Oil wants the buyer of its unit to pay back a $700m (£380m) loan.", "en", "$700m", "loan"),
    ("Kestrel Oil wants the buyer of its unit to pay back a $700m (£380m) loan.", "en", "£380m", "loan"),
    ("Für die Übernahme gewährt die Bank einen Kredit von 600 Millionen Euro.", "de", "600 Millionen Euro", "loan"),
    ("Der Käufer übernimmt ein Darlehen über 200 Millionen Euro.", "de", "200 Millionen Euro", "loan"),
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
    ("Its shares closed at £0.37 after the takeover bid.", "en", "£0.37", "share_price"),
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
    assert figure_with_text(text, lang, span)["quantity"] == quantity


def test_a_share_bought_for_money_is_no_share_price():
    assert figure_with_text("Ostmark paid $1bn for a share in the venture.", "en", "$1bn")["quantity"] == "deal_amount"


def test_a_payout_to_settle_a_lawsuit_is_no_dividend():
    assert figure_with_text("It blamed a $640m payout to settle a lawsuit.", "en", "$640m")["quantity"] != "dividend"


def test_a_fine_and_its_conversion():
    text = "Ostmark agreed to pay a $2.5m (£1.3m) fine for bribing an official."
    assert [q for _t, _v, _u, q in figure_rows(text, "en")] == ["fine", "fine"]


def test_pence_are_a_price_not_a_deal():
    text = "The single is now on sale for 79p, the usual cost of a song."
    assert figure_with_text(text, "en", "79p")["quantity"] == "price"
    text = "Shares in Nordex were down more than 4% at 325.5p as analysts worried over earnings."
    assert figure_with_text(text, "en", "325.5p")["quantity"] == "price_per_share"


def test_before_tax_is_no_tax_bill():
    assert figure_with_text("The group made a profit before tax of $3bn.", "en", "$3bn")["quantity"] != "tax_bill"


def test_a_change_in_pence_is_no_share_price():
    got = {t: q for t, _v, _u, q in figure_rows("Nordex shares closed at 270.25p, down 3.75p on the day.", "en")}
    assert got["270.25p"] == "share_price"          # the market price of a share, not a price paid per share
    assert got["3.75p"] not in ("share_price", "price_per_share")


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
    ("About 300 fans protested outside the ground.", "en", "About 300", "fan"),
    # the noun for employees wins, also after an adjective
    ("Nearly 2,300 employees will lose their jobs.", "en", "Nearly 2,300", "employees"),
    ("Nearly 2,300 full-time employees are affected.", "en", "Nearly 2,300", "employees"),
    ("The plant has nearly 2,300 staff.", "en", "nearly 2,300", "employees"),
    ("Rund 1.400 Beschäftigte sind betroffen.", "de", "Rund 1.400", "employees"),
    ("Das Werk hat fast 1.400 feste Mitarbeiter.", "de", "fast 1.400", "employees"),
])
def test_count_labels(text, lang, span, quantity):
    assert figure_with_text(text, lang, span)["quantity"] == quantity
