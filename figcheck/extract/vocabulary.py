"""Words that make figures: scale words, currencies, percent words, number words, fractions,
ordinals and vague amounts ("Milliarden", "dozens")."""
from __future__ import annotations



# ---------------------------------------------------------------------------
# Vocabulary: scales, currencies, percent words, number words
# ---------------------------------------------------------------------------
SCALES = {
    "tsd.": 1e3, "tsd": 1e3, "tausend": 1e3, "thousand": 1e3, "k": 1e3,
    "mio.": 1e6, "mio": 1e6, "million": 1e6, "millionen": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "mrd.": 1e9, "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    "bln": 1e9, "b": 1e9,
    "bio.": 1e12, "billionen": 1e12, "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12,
    "hundred": 1e2, "hundert": 1e2,
}
# words whose value depends on the language of the text: a German "Billion" is 10^12
SCALES_DE = {"billion": 1e12}

CURRENCY = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "us-$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "us-dollar": "USD", "us dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "a$": "AUD", "aud": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "hk$": "HKD", "hkd": "HKD",
    "nz$": "NZD", "nzd": "NZD", "s$": "SGD", "sgd": "SGD", "r$": "BRL", "brl": "BRL",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pfund": "GBP", "pfund sterling": "GBP", "pound": "GBP", "pounds": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP",
    "chf": "CHF", "fr.": "CHF", "sfr.": "CHF", "franken": "CHF", "schweizer franken": "CHF", "swiss francs": "CHF",
    "francs": "CHF",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rmb": "CNY",
    "₹": "INR", "inr": "INR", "rupien": "INR", "rupees": "INR", "₽": "RUB", "rub": "RUB", "rubel": "RUB",
    "roubles": "RUB", "rubles": "RUB", "₩": "KRW", "krw": "KRW", "won": "KRW",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "zloty": "PLN", "try": "TRY", "lira": "TRY",
    "rupiah": "IDR", "idr": "IDR", "rand": "ZAR", "zar": "ZAR", "reais": "BRL", "forint": "HUF",
    "huf": "HUF", "kronor": "SEK", "czk": "CZK", "mxn": "MXN", "ruble": "RUB", "rouble": "RUB",
}
# minor units: (currency or None = the text's money currency / the language's default, divisor)
MINOR = {"cent": None, "cents": None, "pence": "GBP", "p": "GBP", "rappen": "CHF", "euro cents": "EUR",
             "euro cent": "EUR", "euro-cent": "EUR", "euro-cents": "EUR", "eurocent": "EUR", "eurocents": "EUR",
             "us-cent": "USD", "us-cents": "USD", "dollar cents": "USD", "dollar-cents": "USD"}

PERCENT = {"%": "percent", "prozent": "percent", "v. h.": "percent", "v.h.": "percent", "per cent": "percent",
               "percent": "percent", "pct": "percent", "prozentpunkt": "percentage_points",
               "prozentpunkte": "percentage_points", "prozentpunkten": "percentage_points",
               "percentage point": "percentage_points", "percentage points": "percentage_points",
               "basispunkt": "bp", "basispunkte": "bp", "basispunkten": "bp", "basis point": "bp",
               "basis points": "bp", "bps": "bp", "bp": "bp"}

WORD_NUM = {
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "eines": 1, "one": 1, "a": 1, "an": 1,
    "eineinhalb": 1.5, "anderthalb": 1.5,
}
FRACTIONS = {"hälfte": 0.5, "halb": 0.5, "half": 0.5, "halves": 0.5, "drittel": 1 / 3, "third": 1 / 3,
                 "thirds": 1 / 3, "viertel": 0.25, "quarter": 0.25, "quarters": 0.25, "fünftel": 0.2,
                 "fifth": 0.2, "fifths": 0.2, "zehntel": 0.1, "tenth": 0.1, "tenths": 0.1}
ORDINAL_WORDS = {"zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "acht": 8,
                     "neunt": 9, "zehnt": 10, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                     "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

# vague amounts: lowercase stem -> (low, high, kind); kind "money" = amount of money unless a noun follows
VAGUE = [
    ("hundreds of thousands", 2e5, 1e6, "count"), ("tens of thousands", 2e4, 1e5, "count"),
    ("hundreds of millions", 2e8, 1e9, "money"), ("tens of millions", 2e7, 1e8, "money"),
    ("hundreds of billions", 2e11, 1e12, "money"), ("tens of billions", 2e10, 1e11, "money"),
    ("multimilliarden", 2e9, 1e12, "money"), ("multi-billion", 2e9, 1e12, "money"),
    ("multibillion", 2e9, 1e12, "money"), ("multi-million", 2e6, 1e9, "money"), ("multimillion", 2e6, 1e9, "money"),
    ("milliarden", 2e9, 1e12, "money"), ("billionen", 2e12, 1e15, "money"), ("millionen", 2e6, 1e9, "money"),
    ("billions", 2e9, 1e12, "money"), ("trillions", 2e12, 1e15, "money"), ("millions", 2e6, 1e9, "money"),
    ("billion-", 1e9, 1e12, "money"), ("million-", 1e6, 1e9, "money"), ("trillion-", 1e12, 1e15, "money"),
    ("hunderttausende", 2e5, 1e6, "count"), ("zehntausende", 2e4, 1e5, "count"), ("abertausende", 2e3, 1e5, "count"),
    ("aberhunderte", 200, 1e4, "count"), ("tausende", 2e3, 1e4, "count"), ("hunderte", 200, 1e3, "count"),
    ("dutzende", 24, 144, "count"), ("thousands", 2e3, 1e4, "count"), ("hundreds", 200, 1e3, "count"),
    ("dozens", 24, 144, "count"),
]
