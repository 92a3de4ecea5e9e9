"""Section 2 of helpers.py: extract -- find every figure, its hedge and what it measures (notebook 02).

`extract_figures(text, language, quantities)` returns one dict per figure:

    start, end, text   span in `text` (text[start:end]); hedge words ("rund", "über") are inside the span
    value              float in base units (14,3 Milliarden -> 14300000000.0, 49 Prozent -> 49.0);
                       nan for vague figures ("Milliarden", "Hunderttausende")
    unit               ISO 4217 code for money (USD, EUR, CHF, GBP, ...), else percent,
                       percentage_points, count, year, ordinal, date or other
    qualifier          exact, approx, lower, upper, range, vague
    low, high          the interval the wording allows; math.inf / -math.inf where unbounded
    quantity           what the figure measures (deal_amount, stake, valuation, ...) or "unclassified"
    sentence, sentence_start   the sentence around the figure and its offset

Rules for low/high (documented here once, tested in tests/test_extract.py):

    exact    low = high = value
    approx   (rund, etwa, ca., about, around, roughly, some ...)  value -/+ max(10 % of value,
             half a unit of the last written digit, capped at 25 % of value)
    lower    (über, mehr als, mindestens, more than, over, at least ...)  [value, inf)
    upper    "near" words (fast, nahezu, knapp, beinahe, nearly, almost, just under, close to)
             [0.9 * value, value]; "cap" words (bis zu, höchstens, maximal, up to, at most, as much as)
             and "below" words (weniger als, unter, less than, under, fewer than) [0, value]
    range    (10 bis 15, zwischen 10 und 15, 9-10 bn, between 10 and 15)  [a, b]; the scale, currency
             and percent sign of one end are carried to the other; value = midpoint
    vague    value nan; plural scale words mean "at least two": Milliarden/billions [2e9, 1e12),
             Millionen/millions [2e6, 1e9), Tausende/thousands [2e3, 1e4), Zehntausende [2e4, 1e5),
             Hunderttausende / hundreds of thousands [2e5, 1e6), Hunderte [200, 1000), Dutzende [24, 144);
             compounds (Milliardensumme, milliardenschwer, Milliardendeal, billion-dollar) mean at
             least one: [1e9, 1e12)

Money without a stated currency (vague amounts such as "Milliarden", and scaled numbers with no
noun after them that the context labels as money) takes the currency of the nearest figure in the
same text that states one; with none, the unit is "other". A vague plural before a noun
("Millionen Zuschauer", "millions of people") is a count.

Units beyond money and percent: `count` for whole numbers of things (a noun follows, or nothing
says otherwise), `other` for measurements ("800 km", "sechs Stunden", "zwei Mal") and bare
decimals, `year` for 1800-2100 without separators (1000-2199 after a year word such as "im Jahr",
"seit", "in"), `ordinal` for "zweitgrößte", "second-largest", "3rd" and German "3. Etappe"
(quantity "rank" when a superlative says so), `date` for calendar dates with a day, whose value is
YYYYMMDD (MMDD when the year is missing). Dates are never labelled with a quantity.

Not figures: model and product names (a capitalised word right before a bare number: "Llama 4",
"iPhone 15"; or joined by a hyphen: "GPT-5"), road names ("A 7"), times ("14:30 Uhr", "9 Uhr",
"2300 GMT"), scores ("3:1", "19-8", "7-6 4-6"), phone numbers, URLs, e-mail addresses, file
names, footnote and list markers ("[3]", "(2)"), version numbers, numbers glued to letters ("5G").

What a figure measures (`quantity`): cue words of EXTRACT_QUANTITIES (German and English) in the
figure's sentence, weighted by distance, filtered by unit (a stake is a percentage, a valuation
money, a founding year a year); a count's own noun decides ("500 Mitarbeiter" -> employees). The
story's `quantities` parameter adds quantities or replaces the cues of built-in ones; its cues
weigh 1.5 times a built-in cue. Below a minimum score the figure stays "unclassified".

A text yields at most EXTRACT_MAX_FIGURES figures (a safeguard for megabytes of digits; no
article comes near it).

"ein Kredit über drei Milliarden Euro": "über" right after a noun (Kredit, Rechnung, Auftrag...)
means "of", so the figure is exact.

Extraction is one pass of a compiled regular expression plus cheap checks around each match;
sentence bounds and cue words are looked up only in a window around each figure, so the time is
linear in the length of the text. It never raises on any string.
"""
from __future__ import annotations

import bisect
import html as _html
import json
import math
import re
from functools import lru_cache

import pandas as pd

from wip_common import write_csv_atomic

# ---------------------------------------------------------------------------
# Vocabulary: scales, currencies, percent words, number words
# ---------------------------------------------------------------------------
_EX_SCALES = {
    "tsd.": 1e3, "tsd": 1e3, "tausend": 1e3, "thousand": 1e3, "k": 1e3,
    "mio.": 1e6, "mio": 1e6, "million": 1e6, "millionen": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "mrd.": 1e9, "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    "bln": 1e9, "b": 1e9,
    "bio.": 1e12, "billionen": 1e12, "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12,
    "hundred": 1e2, "hundert": 1e2,
}
# words whose value depends on the language of the text: a German "Billion" is 10^12
_EX_SCALES_DE = {"billion": 1e12}

_EX_CURRENCY = {
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
_EX_MINOR = {"cent": None, "cents": None, "pence": "GBP", "p": "GBP", "rappen": "CHF"}

_EX_PERCENT = {"%": "percent", "prozent": "percent", "v. h.": "percent", "v.h.": "percent", "per cent": "percent",
               "percent": "percent", "pct": "percent", "prozentpunkt": "percentage_points",
               "prozentpunkte": "percentage_points", "prozentpunkten": "percentage_points",
               "percentage point": "percentage_points", "percentage points": "percentage_points",
               "basispunkt": "bp", "basispunkte": "bp", "basispunkten": "bp", "basis point": "bp",
               "basis points": "bp", "bps": "bp", "bp": "bp"}

_EX_WORD_NUM = {
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "eines": 1, "one": 1, "a": 1, "an": 1,
    "eineinhalb": 1.5, "anderthalb": 1.5,
}
_EX_FRACTIONS = {"hälfte": 0.5, "halb": 0.5, "half": 0.5, "halves": 0.5, "drittel": 1 / 3, "third": 1 / 3,
                 "thirds": 1 / 3, "viertel": 0.25, "quarter": 0.25, "quarters": 0.25, "fünftel": 0.2,
                 "fifth": 0.2, "fifths": 0.2, "zehntel": 0.1, "tenth": 0.1, "tenths": 0.1}
_EX_ORDINAL_WORDS = {"zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "acht": 8,
                     "neunt": 9, "zehnt": 10, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                     "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

# vague amounts: lowercase stem -> (low, high, kind); kind "money" = amount of money unless a noun follows
_EX_VAGUE = [
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

# ---------------------------------------------------------------------------
# The master pattern: one pass finds every candidate
# ---------------------------------------------------------------------------
_EX_SP = "[ \u00a0\u202f\u2009]"
_EX_MONTHS_DE = ("Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
                 "Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\.")
_EX_MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|December|"
                 "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.")
_EX_NUM = (r"[0-9]{1,3}(?:[.,'’\u00a0\u202f\u2009][0-9]{3})+(?:[.,][0-9]+)?(?![0-9])"
           r"|[0-9]{1,3}(?: [0-9]{3})+(?![0-9]|[.,][0-9])"
           r"|[0-9]+(?:[.,][0-9]+)?")
_EX_SCALE_RE = (r"Tsd\.|Tausend|Mio\.|Mio|Millionen|Million|Mrd\.|Mrd|Milliarden|Milliarde|Bio\.|Billionen|Billion|"
                r"[Tt]housand|[Mm]illions?|[Bb]illions?|[Tt]rillions?|mn|bn|tn|mln|bln|trn|Mn|Bn|MN|BN")
_EX_CUR_SUFFIX = (r"US-Dollar|US-\$|US[ ]Dollars?|U\.S\.[ ]dollars|Dollars?|dollars?|USD|Euros?|euros?|EUR|€|\$|"
                  r"Schweizer[ ]Franken|Franken|Swiss[ ]francs|francs|CHF|Fr\.|Pfund[ ]Sterling|Pfund|"
                  r"pounds?[ ]sterling|pounds?|sterling|GBP|£|Yen|yen|JPY|Yuan|yuan|Renminbi|CNY|RMB|"
                  r"Rupien|rupees|INR|Rubel|roubles|rubles|RUB|Won|KRW|SEK|NOK|DKK|PLN|Zloty|AUD|CAD|HKD|"
                  r"rupiah|Rupiah|IDR|Rand|rand|ZAR|reais|Forint|forint|HUF|kronor|CZK|MXN|"
                  r"Cents?|cents?|pence|Rappen")
_EX_CUR_PREFIX = (r"(?:US\$|U\.S\.\$|US-\$|HK\$|NZ\$|CA\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|₽|₩)" + _EX_SP + "?|"
                  r"(?:USD|EUR|CHF|GBP|JPY|CNY|AUD|CAD|HKD|SEK|NOK|DKK|SFr\.|Fr\.)" + _EX_SP + "?")
_EX_PCT_RE = (r"%|Prozentpunkten|Prozentpunkte|Prozentpunkt|Prozent|v\.[ ]?H\.|per[ ]cent|percentage[ ]points?|"
              r"percent|pct|Basispunkten|Basispunkte|Basispunkt|basis[ ]points?|bps|bp")
_EX_SUPERL_DE_STEMS = ("größt", "groesst", "grösst", "höchst", "best", "wichtigst", "stärkst", "teuerst",
                       "wertvollst", "bedeutendst", "erfolgreichst", "beliebtest", "kleinst", "niedrigst",
                       "schlechtest", "reichst", "schnellst", "ältest", "häufigst", "längst", "schwächst",
                       "günstigst", "billigst", "weitest", "schwerst", "tiefst", "umsatzstärkst",
                       "bevölkerungsreichst", "meistverkauft", "platziert")
_EX_SUPERL_DE = "(?:" + "|".join(_EX_SUPERL_DE_STEMS) + ")e[nmrs]?"
_EX_SUPERL_EN = (r"(?:largest|biggest|highest|most|best|smallest|lowest|richest|oldest|longest|fastest|"
                 r"busiest|worst|strongest|weakest|top|leading)")
_EX_CARD_DE = (r"(?:[Zz]wei|[Zz]wan|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ech|[Ss]ieben|[Ss]ieb|[Aa]cht|[Nn]eun|"
               r"[Zz]ehn|[Ee]lf|[Zz]wölf|[Hh]undert|[Tt]ausend|[Ee]in(?=und|hundert|tausend))"
               r"(?:zwei|zwan|drei|vier|fünf|sechs|sech|sieben|sieb|acht|neun|zehn|elf|zwölf|zig|ßig|ssig|"
               r"hundert|tausend|und|eins|ein)*")
_EX_EN_ONES = "one|two|three|four|five|six|seven|eight|nine"
_EX_CARD_EN = (r"(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|"
               r"[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen|[Tt]wenty|"
               r"[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)"
               r"(?:-(?:" + _EX_EN_ONES + r"))?")
_EX_NOT_LETTER = r"(?![^\W\d_])"
_EX_TAIL = (
    r"(?:(?P<sp1>" + _EX_SP + r"?)(?P<scale>" + _EX_SCALE_RE + r")" + _EX_NOT_LETTER +
    r"|(?P<sscale>bn|mn|tn|[kKmMbB])" + _EX_NOT_LETTER + r")?"
    r"(?:" + _EX_SP + r"?(?P<pct>" + _EX_PCT_RE + r")" + _EX_NOT_LETTER +
    r"|(?P<pctadj>-?[Pp]rozentig\w{0,4}|-[Pp]rozent\w{0,12}|-per-?cent\w{0,4})"
    r"|(?:" + _EX_SP + r"|-)?(?P<csuf>" + _EX_CUR_SUFFIX + r")" + _EX_NOT_LETTER + r")?"
)
# Numbers written with digits, matched at the start of each run of digits (or the currency sign
# or month name before it). Dates and things that are never figures come first: the first
# branch that matches wins.
_EX_NUMERIC = re.compile(
    r"(?P<date_iso>[0-9]{4}-[01][0-9]-[0-3][0-9])(?![0-9])"
    r"|(?P<date_dmy>[0-9]{1,2}\.[ ]?[0-9]{1,2}\.[ ]?(?:[0-9]{4}|[0-9]{2})(?![0-9.,]?[0-9])"
    r"|[0-9]{1,2}/[0-9]{1,2}/(?:[0-9]{4}|[0-9]{2})(?![0-9/]))"
    r"|(?P<date_dmon>[0-9]{1,2}(?:\.|st|nd|rd|th)?" + _EX_SP + r"(?:" + _EX_MONTHS_DE + "|" + _EX_MONTHS_EN +
    r")(?:,?" + _EX_SP + r"[0-9]{4})?)(?![0-9\w])"
    r"|(?P<date_mdy>(?:" + _EX_MONTHS_EN + r")" + _EX_SP + r"[0-9]{1,2}(?:st|nd|rd|th)?(?:," + _EX_SP +
    r"?[0-9]{4})?)(?![0-9])"
    r"|(?P<skip>[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?" + _EX_SP + r"?(?:Uhr|h\b|[ap]\.m\.|[ap]m\b|GMT|MEZ|CET|UTC)"
    r"|[0-9]+:[0-9]+(?::[0-9]+)*(?:[.,][0-9]+)?"
    r"|[0-9]{4}" + _EX_SP + r"?(?:GMT|UTC|BST|CET|CEST|MEZ|MESZ|EST|EDT|PST|PDT)\b"
    r"|[0-9]{1,2}" + _EX_SP + r"?(?:Uhr|[ap]\.m\.|[ap]m\b)"
    r"|\+[0-9]{1,3}[ ./-]?\(?[0-9]{1,5}\)?(?:[ ./-]?[0-9]{2,}){2,}"
    r"|\(0[0-9]{2,5}\)" + _EX_SP + r"?[0-9]{3,}(?:[ -][0-9]{2,})*"
    r"|0[0-9]{2,5}[/-][0-9]{3,}(?:[ -][0-9]{2,})*"
    r"|0[0-9]{3,}(?: [0-9]{2,})+(?![0-9.,])"
    r"|\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-][0-9]{4}(?![0-9])"
    r"|1-[0-9]{3}-[0-9]{3}-[0-9]{4}(?![0-9])"
    r"|[0-9]+[a-zA-Z_]+[0-9][0-9a-zA-Z_]*)"
    r"|(?P<numord>[0-9]+(?:st|nd|rd|th)(?:[ -]" + _EX_SUPERL_EN + r")?)(?![^\W\d_])"
    r"|(?P<num>(?P<cpre>" + _EX_CUR_PREFIX + r")?(?P<sign>(?<![\w.,)\]])[-+−](?=[0-9]))?"
    r"(?P<digits>" + _EX_NUM + r")" + _EX_TAIL + r")"
)
# Figures written in words, matched at the start of candidate words (see _ex_word_starts)
_EX_WORDS = re.compile(
    r"\b(?:"
    r"(?P<ordw>(?:[Zz]weit|[Dd]ritt|[Vv]iert|[Ff]ünft|[Ss]echst|[Ss]iebt|[Aa]cht|[Nn]eunt|[Zz]ehnt)"
    + _EX_SUPERL_DE + r"|(?:[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)"
    r"[ -]" + _EX_SUPERL_EN + r")" + _EX_NOT_LETTER +
    r"|"
    r"(?P<frac>(?:(?:[Dd]ie|[Dd]er|zur|[Ee]ine?|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Nn]eun|[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|"
    r"[Ff]our)" + _EX_SP + r"|[Tt]wo-|[Tt]hree-)?(?:Hälfte|Drittel|Viertel|Fünftel|Zehntel|[Hh]alf|thirds?|"
    r"quarters?|fifths?|tenths?))" + _EX_NOT_LETTER +
    r"|(?P<wnum>(?P<wsmall>(?:[Ee]ine[mnrs]?|[Ee]in|[Oo]ne|[Aa]n?)(?=" + _EX_SP +
    r"(?:Tausend|Millionen|Million|Milliarde|Billion|thousand|million|billion|trillion|hundred)\b)|[Ee]ineinhalb|"
    r"[Aa]nderthalb|(?P<cardde>" + _EX_CARD_DE + r")|(?P<carden>" + _EX_CARD_EN + r"))" + _EX_NOT_LETTER +
    r"(?:" + _EX_SP + r"(?P<wscale>Tausend|Millionen|Million|Milliarden|Milliarde|Billionen|Billion|thousand|"
    r"millions?|billions?|trillions?|hundred))?"
    r"(?:" + _EX_SP + r"(?P<wpct>Prozent|percent|per[ ]cent|Prozentpunkte|percentage[ ]points?)" + _EX_NOT_LETTER +
    r"|(?:" + _EX_SP + r"|-)(?P<wcsuf>" + _EX_CUR_SUFFIX + r")" + _EX_NOT_LETTER + r")?)"
    r"|(?P<vague>(?P<vword>(?:[Hh]undreds|[Tt]ens)[ ]of[ ](?:thousands|millions|billions)|[Mm]ulti-?(?:billion|million)\w*|"
    r"(?:[Mm]ulti)?[Mm]illiarden\w*|[Mm]illionen\w*|[Bb]illionen\w*|(?:[Bb]illion|[Mm]illion|[Tt]rillion)-"
    r"(?:dollar|euro|pound)\w*|(?:[Zz]ehn|[Hh]undert|[Aa]ber)?[Tt]ausende[nr]?|(?:[Aa]ber)?[Hh]underte[nr]?|"
    r"[Dd]utzende[nr]?|[Bb]illions|[Mm]illions|[Tt]rillions|[Tt]housands|[Hh]undreds|[Dd]ozens)(?![^\W\d_])"
    r"(?:" + _EX_SP + r"(?:of" + _EX_SP + r")?(?P<vcsuf>US-Dollar|Dollar|dollars|Euro|euros|pounds|Franken|francs|"
    r"yen|Yen|yuan|Yuan)" + _EX_NOT_LETTER + r")?)"
    r")"
)



def _ex_build_word_vocab() -> dict[str, str]:
    """Every word at which a figure written in words can start or end (both capitalisations).

    Finding candidates by set intersection over the text's words is much faster than letting a
    regular expression try every word start (the benchmark target is 3,000 articles a second).
    """
    de_ones = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
    de_tens = ["zwanzig", "dreißig", "dreissig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]
    words = set(de_ones[1:]) | set(de_tens) | {
        "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn",
        "hundert", "tausend", "eineinhalb", "anderthalb"}
    words |= {o + "und" + t for o in de_ones for t in de_tens}
    words |= {o + "hundert" for o in de_ones} | {o + "tausend" for o in de_ones}
    en = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred").split()
    words |= set(en)
    words |= {"hälfte", "drittel", "viertel", "fünftel", "zehntel", "half", "third", "thirds", "quarter",
              "quarters", "fifth", "fifths", "tenth", "tenths", "second", "fourth", "sixth", "seventh", "eighth",
              "ninth"}
    words |= {"hunderte", "hunderten", "hunderter", "tausende", "tausenden", "tausender", "zehntausende",
              "zehntausenden", "hunderttausende", "hunderttausenden", "abertausende", "abertausenden",
              "aberhunderte", "aberhunderten", "dutzende", "dutzenden", "dutzend", "thousands", "hundreds",
              "dozens", "thousand"}
    for pre in ("zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt"):
        for sup in _EX_SUPERL_DE_STEMS:
            for end in ("e", "en", "er", "es", "em"):
                words.add(pre + sup + end)
                if "ß" in sup:
                    words.add(pre + sup.replace("ß", "ss") + end)
    ones = "one two three four five six seven eight nine".split()
    words |= {t + "-" + o for t in en[17:26] for o in ones}
    words |= {"two-thirds", "three-quarters", "two-third", "three-quarter"}
    for o in ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"):
        for sup in _EX_SUPERL_EN.strip("(?:)").split("|"):
            words.add(o + "-" + sup)
    words |= {w[:1].upper() + w[1:] for w in words}
    # tokens as text.split() leaves them, with punctuation attached: token -> word
    out = {}
    for w in words:
        out[w] = w
        for p in ",.;:!?)\"“”»«'’":
            out[w + p] = w
        for p in "(\"„“«»":
            out[p + w] = w
    return out


_EX_WORD_VOCAB = _ex_build_word_vocab()
# substrings that mark scale words and their compounds (Milliarde, Millionenbetrag, billion-dollar)
_EX_SCALE_STEMS = ("illiard", "illion")
# words after which a scale or fraction word may carry the figure's start ("eine Milliarde", "die Hälfte")
_EX_PUNCT_RE = re.compile("[.,;:!?()\\[\\]{}\"'«»„“”‚‘’\\-–—/…]")
_EX_PREFIX_BEFORE = re.compile(r"(?:\(|(?:" + _EX_CUR_PREFIX + r")?[-+−]?)\Z")
_EX_PREFIX_CHARS = frozenset("$€£¥₹₽₩+-−( \u00a0\u202f\u2009.")
_EX_MONTH_BEFORE = re.compile(r"(?:" + _EX_MONTHS_EN + r")" + _EX_SP + r"\Z")


# A safeguard, not a limit any article reaches: a text yields at most this many figures (the
# first ones), so that megabytes of digits and scale words cannot stall a run.
EXTRACT_MAX_FIGURES = 5000


def _ex_word_start(text: str, i: int) -> int:
    """Start of the word holding offset i (at most 40 characters back)."""
    lo = max(0, i - 40)
    while i > lo and (text[i - 1].isalpha()):
        i -= 1
    return i


def _ex_candidates(text: str) -> list:
    """Regex matches for every candidate figure, in text order, not overlapping."""
    nums = []
    last = 0
    for r in _EX_DIGIT_RUN.finditer(text):
        if len(nums) > EXTRACT_MAX_FIGURES:
            break
        p = r.start()
        if p < last:
            continue
        m = None
        c = text[p - 1] if p else ""
        if c and c in _EX_PREFIX_CHARS and (not c.isspace() or p > 1 and text[p - 2] in "DRFPYK.$€£¥₹₽₩"):
            b = _EX_PREFIX_BEFORE.search(text, max(0, p - 7), p)
            if b is not None and b.start() < p:
                m = _EX_NUMERIC.match(text, b.start())
        if m is None and c == " " and p > 3 and text[p - 2] in "yhletr.":
            b = _EX_MONTH_BEFORE.search(text, max(0, p - 11), p)
            if b is not None:
                m = _EX_NUMERIC.match(text, b.start())
                if m is not None and m.lastgroup != "date_mdy":
                    m = None
        if m is None:
            m = _EX_NUMERIC.match(text, p)
        if m is not None and m.end() > p:
            nums.append(m)
            last = m.end()
        else:
            last = r.end()
    starts = set()
    found = {_EX_WORD_VOCAB[t] for t in _EX_WORD_VOCAB.keys() & text.split()}
    for w in found:
        i = text.find(w)
        while i >= 0 and len(starts) <= 2 * EXTRACT_MAX_FIGURES:
            if (i == 0 or not text[i - 1].isalpha()) and (i + len(w) >= len(text) or not text[i + len(w)].isalpha()):
                starts.add(i)
            i = text.find(w, i + 1)
    for stem in _EX_SCALE_STEMS:
        i = text.find(stem)
        while i >= 0 and len(starts) <= 2 * EXTRACT_MAX_FIGURES:
            starts.add(_ex_word_start(text, i))
            i = text.find(stem, i + 1)
    words = []
    last = 0
    num_starts = [m.start() for m in nums]
    for i in sorted(starts):
        if i < last:
            continue
        k = bisect.bisect_right(num_starts, i) - 1
        if k >= 0 and nums[k].end() > i:
            continue                              # inside "14,3 Milliarden": read with its number
        if len(words) > EXTRACT_MAX_FIGURES:
            break
        m = None
        j = i - 1
        if j > 0 and text[j] in " \u00a0\u202f":
            pws = _ex_word_start(text, j)
            if pws < j:
                m = _EX_WORDS.match(text, pws)
                if m is not None and (m.end() <= i or pws < last):
                    m = None
        if m is None:
            m = _EX_WORDS.match(text, i)
        if m is not None:
            words.append(m)
            last = m.end()
    if not words:
        return nums
    out = []
    last = 0
    for m in sorted(nums + words, key=lambda x: (x.start(), -x.end())):
        if m.start() >= last:
            out.append(m)
            last = m.end()
    return out


_EX_DIGIT_RUN = re.compile(r"[0-9]+")

# ---------------------------------------------------------------------------
# Context words (looked up in small dicts, never by scanning the text)
# ---------------------------------------------------------------------------
# hedge before a figure: phrase -> (qualifier, kind); kind picks the low/high rule
_EX_HEDGES = {
    # approx
    "rund": ("approx", "approx"), "etwa": ("approx", "approx"), "ca.": ("approx", "approx"),
    "circa": ("approx", "approx"), "zirka": ("approx", "approx"), "ungefähr": ("approx", "approx"),
    "schätzungsweise": ("approx", "approx"), "geschätzt": ("approx", "approx"), "geschätzte": ("approx", "approx"),
    "geschätzten": ("approx", "approx"), "annähernd": ("approx", "approx"), "um die": ("approx", "approx"),
    "an die": ("approx", "approx"), "grob": ("approx", "approx"), "about": ("approx", "approx"),
    "around": ("approx", "approx"), "roughly": ("approx", "approx"), "approximately": ("approx", "approx"),
    "approx.": ("approx", "approx"), "some": ("approx", "approx"), "an estimated": ("approx", "approx"),
    "estimated": ("approx", "approx"), "c.": ("approx", "approx"), "~": ("approx", "approx"),
    "in the region of": ("approx", "approx"), "circa.": ("approx", "approx"),
    # lower
    "über": ("lower", "lower"), "mehr als": ("lower", "lower"), "mindestens": ("lower", "lower"),
    "wenigstens": ("lower", "lower"), "gut": ("lower", "lower"), "oberhalb von": ("lower", "lower"),
    "jenseits von": ("lower", "lower"), "ab": ("lower", "lower"), "more than": ("lower", "lower"),
    "over": ("lower", "lower"), "at least": ("lower", "lower"), "upwards of": ("lower", "lower"),
    "in excess of": ("lower", "lower"), "above": ("lower", "lower"), "north of": ("lower", "lower"),
    "better than": ("lower", "lower"), "a minimum of": ("lower", "lower"),
    # upper, just below
    "fast": ("upper", "near"), "nahezu": ("upper", "near"), "knapp": ("upper", "near"),
    "beinahe": ("upper", "near"), "nearly": ("upper", "near"), "almost": ("upper", "near"),
    "just under": ("upper", "near"), "close to": ("upper", "near"), "knapp unter": ("upper", "near"),
    "just shy of": ("upper", "near"), "not quite": ("upper", "near"),
    # upper, a cap
    "bis zu": ("upper", "cap"), "höchstens": ("upper", "cap"), "maximal": ("upper", "cap"),
    "bis maximal": ("upper", "cap"), "up to": ("upper", "cap"), "at most": ("upper", "cap"),
    "as much as": ("upper", "cap"), "as many as": ("upper", "cap"), "no more than": ("upper", "cap"),
    "a maximum of": ("upper", "cap"),
    # upper, below
    "weniger als": ("upper", "below"), "unter": ("upper", "below"), "unterhalb von": ("upper", "below"),
    "less than": ("upper", "below"), "under": ("upper", "below"), "fewer than": ("upper", "below"),
    "below": ("upper", "below"),
}
_EX_HEDGE_MAXWORDS = 4
_EX_HEDGE_LAST = frozenset(h.rsplit(" ", 1)[-1] for h in _EX_HEDGES)
# words that may sit before "über"/"over" without making it a hedge, though capitalised
_EX_TIME_NOUNS = {"jahr", "jahre", "jahren", "monat", "monate", "monaten", "woche", "wochen", "tag", "tage",
                  "tagen", "quartal", "zeitraum", "insgesamt"}
# words after "over" that make it "during", not "more than"
_EX_DURATION = {"years", "year", "months", "month", "weeks", "week", "days", "decades", "hours", "jahre", "jahren",
                "monate", "monaten", "wochen", "tage", "tagen", "jahrzehnte"}
_EX_POST_HEDGE = re.compile(r"[ ,]{1,2}(?P<h>oder mehr|und mehr|or more|and more|plus|oder weniger|or less|"
                            r"or fewer|und darüber|and above|or above)\b")
_EX_RANGE_CONN = re.compile(r"-?(?P<c>[ ]?(?:-|–|—)[ ]?|[ ](?:bis|to|und|and|or|oder)[ ])")
_EX_YEAR_CUES = {"jahr", "jahre", "jahres", "jahren", "im", "seit", "bis", "ab", "von", "vor", "nach", "anfang",
                 "ende", "mitte", "frühjahr", "frühling", "sommer", "herbst", "winter", "in", "since", "until",
                 "by", "from", "year", "early", "late", "mid", "für", "for", "zwischen", "between", "of",
                 "geschäftsjahr", "geschäftsjahres", "saison", "quartal", "stand", "während", "during", "um",
                 "around", "circa", "ca.", "etwa", "before", "after", "spring", "summer", "autumn", "fall",
                 "end", "start", "beginning", "fiscal", "q1", "q2", "q3", "q4"}
_EX_MONTH_WORDS = {m.lower().rstrip(".") for m in (_EX_MONTHS_DE + "|" + _EX_MONTHS_EN).replace("\\", "").split("|")}
_EX_YEAR_CUES |= _EX_MONTH_WORDS
# capitalised words that may stand right before a bare number without it being a product name
_EX_NOT_PRODUCT = _EX_YEAR_CUES | {
    "the", "a", "an", "der", "die", "das", "den", "dem", "des", "ein", "eine", "im", "am", "um", "auf", "mit",
    "bei", "zu", "zum", "zur", "aus", "und", "oder", "aber", "doch", "nur", "noch", "schon", "bereits", "erst",
    "insgesamt", "damals", "heute", "jetzt", "mehr", "weitere", "alle", "diese", "dieser", "jeder", "jede",
    "only", "just", "about", "all", "some", "nearly", "almost", "over", "under", "these", "those", "another",
    "and", "or", "but", "with", "at", "on", "to", "per", "je", "pro", "platz", "rang", "rank", "no.", "nr.",
    "weitere", "rund", "etwa", "über", "fast", "knapp", "nahezu", "gut", "bis", "laut", "allein", "gerade",
    "mal", "top", "both", "beide", "total", "nun", "dann", "damit", "so", "als", "wie", "when", "as", "than",
    "because", "weil", "dass", "that", "which", "who", "while", "with", "without", "ohne", "gegen", "against",
}
_EX_IDENTIFIER_WORDS = {"nr.", "no.", "nummer", "number", "#", "artikel", "art.", "paragraf", "paragraph", "§",
                        "abs.", "kapitel", "chapter", "seite", "s.", "page", "p.", "pp.", "vol.", "band", "heft",
                        "issue", "folge", "episode", "staffel", "season", "version", "v.", "tel.", "fax",
                        "telefon", "phone", "postfach", "plz", "zimmer", "room", "gate", "flight", "flug",
                        "linie", "line", "route", "highway", "bus", "kw", "figure", "abbildung", "abb.",
                        "tabelle", "table", "grafik"}
_EX_FUNCTION_WORDS_EN = {
    "of", "and", "or", "the", "a", "an", "to", "in", "on", "at", "for", "by", "with", "from", "as", "is", "was",
    "were", "are", "be", "been", "has", "have", "had", "will", "would", "could", "should", "may", "might", "can",
    "that", "this", "these", "those", "than", "then", "but", "not", "per", "into", "over", "under", "after",
    "before", "since", "until", "up", "down", "out", "off", "more", "less", "so", "if", "when", "while", "which",
    "who", "whom", "what", "where", "it", "its", "their", "his", "her", "our", "your", "they", "he", "she", "we",
    "you", "i", "to", "times", "against", "between", "among", "during", "about", "around", "each", "other",
    "others", "percent", "cent", "million", "billion", "trillion", "thousand", "hundred", "bn", "m", "am", "pm",
    "also", "said", "says", "say", "last", "next", "ago", "earlier", "later", "only", "all", "both", "either",
    "nor", "yet", "via", "too", "very", "much", "many", "most", "least", "later", "compared", "versus", "vs",
    "through", "across", "despite", "there", "here", "because", "although", "though", "whether", "is", "being",
}
_EX_MEASURES = {"km", "m", "cm", "mm", "kg", "g", "t", "h", "min", "sek", "gb", "tb", "mb", "ghz", "mhz", "mw",
                "gw", "kw", "kwh", "gwh", "twh", "grad", "°c", "ha", "qm", "meter", "kilometer", "tonnen",
                "kilogramm", "gramm", "liter", "stunden", "minuten", "sekunden", "miles", "metres", "meters",
                "kilometres", "kilometers", "tonnes", "tons", "litres", "liters", "hours", "minutes", "seconds",
                "degrees", "mph", "feet", "inches", "acres", "hektar", "quadratmeter", "euro-cent", "milliseconds",
                "millisekunden", "kilobytes", "megabytes", "gigabytes", "terabytes", "megawatt", "gigawatt",
                "kilowatt", "kilowattstunden", "zentimeter", "millimeter", "celsius", "yards", "pounds-weight",
                "promille", "knoten", "volt", "watt", "pixel", "ps", "bar", "mbit/s", "prozentpunkte", "minute", "sekunde",
                "stunde", "zoll", "inch", "meile", "mile", "mal", "times", "fach", "grad", "metre", "meter",
                "kilometre", "kilometer", "tonne", "ton", "liter", "litre", "hektar", "seemeile", "byte", "gigabyte",
                "megabyte", "terabyte", "hertz", "kalorie", "calorie", "millisekunde", "millisecond", "lichtjahr",
                "jahrhundert", "jahrzehnt", "fuß", "fuss", "foot", "zentner", "pfund-gewicht", "megabit", "gigabit",
                "kilobit", "mbit", "gbit", "kbit", "megapixel", "kilokalorien", "kcal", "dezibel", "barrel"}
_EX_ABBREV_END = re.compile(
    r"(?:\b(?:Mio|Mrd|Tsd|Bio|ca|Nr|No|Dr|Prof|St|Inc|Co|Corp|Ltd|bzw|etc|vgl|usw|Jan|Feb|Mär|Apr|Aug|Sep|Sept|"
    r"Okt|Oct|Nov|Dez|Dec|Mr|Mrs|Ms|Hr|Fr|z\.B|u\.a|v\.a|d\.h|U\.S|a\.m|p\.m|v\.H|Abs|Art|Abb|Vol|S|p|pp|vs)"
    r"|\b[A-Z])\.$")
_EX_SENT_END = re.compile(r"[.!?…\n](?:(?<=\n)|[.!?…]*[\"'»«“”’)\]]*(?=\s))")


def _ex_float(digits: str, language: str) -> tuple[float, float]:
    """Parse a written number ('14,3', '1.000', '1 000', "1'000") as (value, unit of its last digit).

    The language decides between decimal comma (de) and decimal point (en); a separator
    followed by exactly three digits and not the language's decimal mark is a thousands
    separator; two different marks: the last is the decimal one.
    """
    s = digits
    for ch in (" ", "\u00a0", "\u202f", "\u2009", "'", "’"):
        if ch in s:
            s = s.replace(ch, "")
    ndot, ncom = s.count("."), s.count(",")
    if ndot and ncom:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif ndot + ncom == 1:
        sep = "." if ndot else ","
        head, _, tail = s.partition(sep)
        dec_mark = "," if language == "de" else "."
        if len(tail) == 3 and sep != dec_mark and head not in ("0", ""):
            s = head + tail
        else:
            s = head + "." + tail
    elif ndot + ncom > 1:
        s = s.replace(".", "").replace(",", "")
    try:
        value = float(s)
    except ValueError:
        return math.nan, math.nan
    unit = 10.0 ** -(len(s) - s.index(".") - 1) if "." in s else 1.0
    return value, unit


@lru_cache(maxsize=4096)
def _ex_word_value(word: str, language: str) -> float | None:
    """Value of a number word ('drei', 'fünfundzwanzig', 'twenty-five', 'eine'), or None."""
    w = word.lower()
    if w in _EX_WORD_NUM:
        return float(_EX_WORD_NUM[w])
    try:
        from text_to_num import text2num
    except ImportError:  # pragma: no cover - text2num is pinned in requirements.txt
        return None
    for lang in ((language, "de", "en") if language in ("de", "en") else ("de", "en")):
        try:
            return float(text2num(w, lang))
        except (ValueError, TypeError, IndexError, KeyError):
            continue
    return None


def _ex_prev_tokens(text: str, start: int, n: int = _EX_HEDGE_MAXWORDS + 2) -> tuple[list[str], int]:
    """Up to n words before `start` in the same sentence (as written), and how many words precede
    `start` in its sentence (99 when the sentence start lies beyond the 80-character window)."""
    lo = max(0, start - 80)
    window = text[lo:start]
    nl = window.rfind("\n")
    bounded = lo == 0 or nl >= 0
    if nl >= 0:
        window = window[nl + 1:]
    toks = window.split()
    if not bounded and toks and not window[0].isspace():
        toks = toks[1:]
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if t[-1] in ".!?" and not (t[-1] == "." and _ex_is_abbrev(t, len(t) - 1)):
            toks = toks[i + 1:]
            bounded = True
            break
    return toks[-n:], (len(toks) if bounded else 99)


def _ex_strip(tok: str) -> str:
    """A token without surrounding quotes and brackets, lowercased."""
    return tok.strip("\"'„“”«»‚‘’()[]{},;:").lower()


def _ex_find_hedge(toks: list[str]) -> tuple[str, str, int]:
    """(qualifier, rule, number of tokens) for the hedge phrase ending the token list, else ('', '', 0)."""
    if not toks or _ex_strip(toks[-1]) not in _EX_HEDGE_LAST:
        return "", "", 0
    low = [_ex_strip(t) for t in toks[-_EX_HEDGE_MAXWORDS:]]
    for k in range(min(_EX_HEDGE_MAXWORDS, len(low)), 0, -1):
        phrase = " ".join(low[-k:])
        hit = _EX_HEDGES.get(phrase)
        if hit:
            return hit[0], hit[1], k
    return "", "", 0


def _ex_bounds(value: float, qualifier: str, rule: str, digit_unit: float) -> tuple[float, float]:
    """low, high for a single value under its hedge (see the module docstring)."""
    if math.isnan(value):
        return math.nan, math.nan
    a = abs(value)
    if qualifier == "approx":
        band = max(0.10 * a, min(0.5 * digit_unit, 0.25 * a))
        return value - band, value + band
    if qualifier == "lower":
        return value, math.inf
    if qualifier == "upper":
        if rule == "near":
            lo, hi = 0.9 * value, value
        else:
            lo, hi = (0.0, value) if value >= 0 else (-math.inf, value)
        return min(lo, hi), max(lo, hi)
    return value, value


def _ex_next_word(text: str, end: int) -> str:
    """The word right after `end` (skipping one space), as written, or ''."""
    j = end
    n = len(text)
    if j < n and text[j] in " \u00a0\u202f":
        j += 1
    k = j
    while k < n and k - j < 40 and (text[k].isalpha() or text[k] == "-"):
        k += 1
    return text[j:k]


def _ex_is_measure(word: str) -> bool:
    """True for a unit of measurement or a multiplier ('km', 'Metern', 'Minuten', 'Mal', 'times')."""
    w = word.lower()
    if w in _EX_MEASURES:
        return True
    for suffix in ("n", "en", "s", "e"):
        if w.endswith(suffix) and w[: -len(suffix)] in _EX_MEASURES:
            return True
    return False


def _ex_measure_after(text: str, end: int) -> bool:
    """True when a unit of measurement follows a number: '800 km', '64,33 Metern', '45-Minuten-Takt'."""
    w = _ex_next_word(text, end + 1 if end < len(text) and text[end] == "-" else end)
    return _ex_is_measure(w.split("-")[0])


def _ex_count_noun(text: str, end: int, language: str) -> str:
    """The countable noun after a number ('Mitarbeiter', 'employees'), or '' when none follows."""
    w = _ex_next_word(text, end)
    if not w or end < len(text) and not text[end].isspace():
        return ""
    if w[0].isupper():
        lw = w.lower()
        if lw in _EX_MONTH_WORDS or lw in ("uhr", "und", "bis", "oder") or lw in _EX_SCALES:
            return ""
        return w if language == "de" or len(w) > 2 else ""
    lw = w.lower()
    if language == "de" or lw in _EX_FUNCTION_WORDS_EN:
        # German: one adjective may stand between number and noun ("drei neue Produkte")
        if language == "de" and len(lw) > 3 and lw[-1] in "enrs" and lw not in ("oder", "aber", "unter", "über",
                                                                              "wieder", "immer", "nur"):
            w2 = _ex_next_word(text, end + 1 + len(w))
            if w2 and w2[0].isupper() and w2.lower() not in _EX_MONTH_WORDS:
                return w2
        return ""
    return w if len(w) > 2 else ""


def _ex_url_like(text: str, start: int, end: int) -> bool:
    """True when the number sits in a URL, e-mail address, file name or path."""
    lo = max(0, start - 60)
    a = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start)) + 1
    if a == 0 and lo > 0:
        a = lo
    b = end
    n = len(text)
    while b < n and b - end < 60 and not text[b].isspace():
        b += 1
    tok = text[a:b]
    if "://" in tok or "www." in tok or "@" in tok:
        return True
    if "/" in tok and tok.count("/") >= 2 or "=" in tok and ("?" in tok or "&" in tok):
        return True
    m = re.search(r"\.(?:pdf|jpe?g|png|gif|docx?|xlsx?|csv|html?|txt|zip|mp[34]|json|xml|pptx?)\b", tok, re.I)
    return bool(m)


# ---------------------------------------------------------------------------
# Quantities: what a figure measures
# ---------------------------------------------------------------------------
# name -> (unit class, cues). A cue is a word prefix ("investi" matches "investiert", "Investition");
# "*x" matches x anywhere in a word (German compounds: "Firmenbewertung"); "~x" is a weak cue (0.4),
# "!x" a strong one (1.5: words that name the quantity outright, "bewertet", "valued");
# a cue with a space is a phrase. Unit classes: money, percent, points, count, year, ordinal.
EXTRACT_QUANTITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "deal_amount": ("money", (
        "investi", "*investition", "übernahme", "*übernahme", "übernehm", "übernimmt", "übernommen", "kauf", "kauft",
        "gekauft", "*kaufpreis", "erwerb", "erwirbt", "erworben", "zukauf", "deal", "deals", "*deal", "transaktion",
        "einstieg", "~beteiligung", "~anteil", "~summe", "~betrag", "zahlt", "bezahlt", "~zahlen", "angebot",
        "*angebot", "offerte", "fusion", "mehrheit", "*mehrheit", "invest", "acquisition", "acquire", "buy", "buys",
        "bought", "purchase", "takeover", "transaction", "~stake", "paid", "pays", "pay", "paying", "offer", "bid",
        "merger", "~sum", "~amount", "majority",
    )),
    "valuation": ("money", (
        "!bewertet", "!bewertung", "!*bewertung", "~wert", "!valued", "!valuation", "!valuing", "!values",
        "~worth",
    )),
    "market_value": ("money", (
        "börsenwert", "*börsenwert", "marktwert", "marktkapitalisierung", "market value", "market cap",
        "market capitalisation", "market capitalization",
    )),
    "revenue": ("money", (
        "umsatz", "*umsatz", "umsätze", "erlös", "*erlöse", "einnahmen", "revenue", "revenues", "sales", "turnover",
    )),
    "profit": ("money", (
        "gewinn", "*gewinn", "überschuss", "ergebnis", "ebit", "ebitda", "profit", "profits", "net income",
        "earnings", "verdient",
    )),
    "loss": ("money", ("verlust", "*verlust", "fehlbetrag", "defizit", "loss", "losses", "deficit", "lost")),
    "price_per_share": ("money", ("je aktie", "pro aktie", "aktienkurs", "per share", "a share", "share price",
                                  "kurs", "*kurs")),
    "funding": ("money", ("finanzierungsrunde", "*finanzierungsrunde", "finanzierung", "risikokapital",
                          "eingesammelt", "sammelt", "funding", "raised", "raises", "raise", "~round", "venture")),
    "spending": ("money", ("ausgaben", "ausgeben", "investitionsausgaben", "infrastruktur", "*infrastruktur",
                           "rechenzentr", "initiative", "*initiativen", "budget", "*budget", "capex", "spending",
                           "spend", "capital expenditure", "data centre", "data center", "infrastructure",
                           "initiatives", "spent", "spends", "ausgegeben", "hardware")),
    "debt": ("money", ("schulden", "kredit", "*kredit", "darlehen", "anleihe", "verbindlichkeiten", "debt", "loan",
                       "loans", "bond", "bonds", "borrow")),
    "price": ("money", ("kostet", "~kosten", "preis", "*preis", "price", "prices", "costs", "cost", "priced",
                        "ticket")),
    "backlog": ("money", ("auftragsbestand", "*auftragsbestand", "auftragseingang", "backlog", "order book",
                          "orders")),
    "fine": ("money", ("strafe", "*strafe", "bußgeld", "*bußgeld", "geldbuße", "fine", "fined", "penalty")),
    "stake": ("percent", (
        "anteil", "*anteil", "beteiligung", "*beteiligung", "übernehm", "übernimmt", "übernommen", "kauf", "kauft",
        "erwerb", "erwirbt", "hält", "halten", "aktien", "stake", "share of", "holding", "owns", "acquire",
        "buy", "bought", "zahlt", "zahlen", "pay", "pays", "paying", "paid", "mehrheit", "majority",
    )),
    "market_share": ("percent", ("marktanteil", "*marktanteil", "market share")),
    "change": ("percent", ("gestiegen", "steigt", "stieg", "wachstum", "*wachstum", "gewachsen", "zugelegt", "plus",
                           "gesunken", "sinkt", "sank", "fiel", "gefallen", "rückgang", "*rückgang", "einbruch",
                           "verlor", "minus", "rose", "rise", "rises", "grew", "growth", "increase", "increased",
                           "jump", "jumped", "fell", "fall", "falls", "drop", "dropped", "decline", "declined",
                           "~up", "~down", "gain", "gained")),
    "change_points": ("points", ("gestiegen", "stieg", "gesunken", "sank", "fiel", "rose", "fell", "increase",
                                 "decrease", "up", "down")),
    "interest_rate": ("percent", ("zins", "*zins", "leitzins", "zinssatz", "rendite", "interest", "rate", "rates",
                                  "yield")),
    "inflation": ("percent", ("inflation", "teuerung", "preissteigerung")),
    "unemployment_rate": ("percent", ("arbeitslosenquote", "arbeitslos", "unemployment", "jobless")),
    "margin": ("percent", ("marge", "*marge", "margin")),
    "vote_share": ("percent", ("stimmen", "wähler", "votes", "vote", "wahl", "gewählt", "umfrage", "poll")),
    "users": ("count", ("nutzer", "*nutzer", "user", "users", "abonnent", "subscriber", "mitglied", "member",
                        "accounts", "konten")),
    "customers": ("count", ("kunden", "*kunden", "customers", "clients")),
    "employees": ("count", ("mitarbeiter", "*mitarbeiter", "beschäftigt", "angestellte", "belegschaft", "stellen",
                            "arbeitsplätze", "*worker", "arbeiter", "*arbeiter", "employees", "staff", "workers",
                            "jobs", "workforce", "people employed")),
    "shares": ("count", ("aktien", "shares", "anteilsscheine")),
    "people": ("count", ("menschen", "personen", "einwohner", "people", "persons", "residents", "inhabitants",
                         "bürger", "citizens", "besucher", "visitors", "zuschauer", "spectators")),
    "casualties": ("count", ("tote", "toten", "getötet", "verletzt", "verletzte", "opfer", "dead", "killed",
                             "deaths", "died", "injured", "victims")),
    "year_founded": ("year", ("gegründet", "gründ", "*gründung", "founded", "founding", "founder", "established",
                              "aufgebaut", "ins leben gerufen", "set up")),
    "year_acquired": ("year", ("kauf", "gekauft", "übernahme", "übernommen", "erworben", "acquired", "acquisition",
                               "bought", "takeover")),
    "rank": ("ordinal", ()),
}
_EX_UNIT_CLASS = {"percent": "percent", "percentage_points": "points", "count": "count", "year": "year",
                  "ordinal": "ordinal", "date": "date", "other": "other"}
_EX_TOKEN_PUNCT = ".,;:!?()[]{}\"'«»„“”‚‘’…*"
_EX_WORDRUN = re.compile(r"[^\W\d_]{2,}")
_EX_WORD_RE = re.compile(r"[^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)*")
_EX_CLAUSE_BREAK = re.compile(r"[;:–—]|, (?:und|aber|doch|während|sondern|but|while|whereas|and)\b")


class _ExVocab:
    """Compiled cue vocabulary: built-in quantities merged with a story's own (which win)."""

    def __init__(self, quantities: dict | None):
        spec = {name: (unit, list(cues), 1.0) for name, (unit, cues) in EXTRACT_QUANTITIES.items()}
        for name, q in (quantities or {}).items():
            if not isinstance(q, dict):
                continue
            unit = _ex_unit_class_of(str(q.get("unit", "")) or spec.get(name, ("money",))[0])
            cues = [str(c) for c in (q.get("cues") or []) if str(c).strip()]
            spec[str(name)] = (unit, cues or (spec[name][1] if name in spec else []), 1.5)
        self.unit_of = {name: unit for name, (unit, _c, _w) in spec.items()}
        self.prefix: dict[str, list] = {}
        self.infix: list[tuple[str, str, float]] = []
        self.phrases: list[tuple[str, str, float]] = []
        for name, (unit, cues, weight) in spec.items():
            for cue in cues:
                w = weight
                c = cue.strip().lower()
                if c.startswith("~"):
                    c, w = c[1:], weight * 0.4
                elif c.startswith("!"):
                    c, w = c[1:], weight * 1.5
                if not c:
                    continue
                if " " in c:
                    self.phrases.append((c, name, w))
                elif c.startswith("*"):
                    self.infix.append((c[1:], name, w * 0.8))   # a compound's head: a little weaker
                else:
                    self.prefix.setdefault(c, []).append((name, w))
        self.lengths = sorted({len(c) for c in self.prefix}, reverse=True)
        alts = [re.escape(c) for c in sorted(self.prefix, key=len, reverse=True)]
        infix = [re.escape(f) for f, _n, _w in self.infix]
        self.any_cue = re.compile("(?:" + "|".join(alts or ["(?!)"]) + ")" +
                                  ("|.*?(?:" + "|".join(infix) + ")" if infix else ""), re.S)
        self.phrase_re = (re.compile("|".join(re.escape(p) for p, _n, _w in sorted(self.phrases, key=lambda x: -len(x[0]))),
                                     re.I) if self.phrases else None)
        self.phrase_map: dict[str, list] = {}
        for p, n, w in self.phrases:
            self.phrase_map.setdefault(p, []).append((n, w))
        self.phrase_list = [(p.split(" ", 1)[0], p, tuple(h)) for p, h in self.phrase_map.items()]
        self.cache: dict[str, tuple] = {}
        self.tok_cache: dict[str, tuple] = {}

    def token_cues(self, tok: str) -> tuple:
        """(hits, offset, length) for one lowercase whitespace-delimited token ('bewertet,',
        '$10b-investition'): the cues of its hyphen- or slash-separated parts; () when none. Memoised."""
        hit = self.tok_cache.get(tok)
        if hit is not None:
            return hit
        found: dict[str, float] = {}
        first = None
        for m in _EX_WORDRUN.finditer(tok):
            cues = self.word_cues(m.group())
            if cues and first is None:
                first = m
            for name, w in cues:
                if w > found.get(name, 0):
                    found[name] = w
        # the position is that of the first part with a cue ("investition" in "$10b-investition")
        hit = (tuple(found.items()), first.start(), first.end() - first.start()) if found else ()
        if len(self.tok_cache) > 200_000:
            self.tok_cache.clear()
        self.tok_cache[tok] = hit
        return hit

    def word_cues(self, word: str) -> tuple:
        """((quantity, weight), ...) for one lowercase word; memoised."""
        hit = self.cache.get(word)
        if hit is not None:
            return hit
        if self.any_cue.match(word) is None:          # most words: one C-level test
            if len(self.cache) > 200_000:
                self.cache.clear()
            self.cache[word] = ()
            return ()
        found: dict[str, float] = {}
        for n in self.lengths:
            if n <= len(word):
                for name, w in self.prefix.get(word[:n], ()):
                    if w > found.get(name, 0):
                        found[name] = w
        for frag, name, w in self.infix:
            if frag in word and w > found.get(name, 0):
                found[name] = w
        hit = tuple(found.items())
        if len(self.cache) > 200_000:
            self.cache.clear()
        self.cache[word] = hit
        return hit


def _ex_unit_class_of(unit: str) -> str:
    """The unit class of a unit or of a story's quantity spec ('USD' -> money, 'percent' -> percent)."""
    u = unit.strip()
    if u.lower() in ("money", "currency"):
        return "money"
    if u.lower() in ("percentage_points", "points"):
        return "points"
    if u.lower() in _EX_UNIT_CLASS:
        return _EX_UNIT_CLASS[u.lower()]
    if len(u) == 3 and u.isalpha():
        return "money"
    return u.lower() or "money"


_EX_VOCAB_CACHE: dict[str, _ExVocab] = {}


def _ex_vocab(quantities: dict | None) -> _ExVocab:
    """The compiled vocabulary for a story's quantities parameter (cached per distinct parameter)."""
    if not quantities:
        key = ""
        voc = _EX_VOCAB_CACHE.get(key)
        if voc is not None:
            return voc
    try:
        key = json.dumps(quantities, sort_keys=True, default=str) if quantities else ""
    except (TypeError, ValueError):
        key = repr(quantities)
    voc = _EX_VOCAB_CACHE.get(key)
    if voc is None:
        if len(_EX_VOCAB_CACHE) > 64:
            _EX_VOCAB_CACHE.clear()
        voc = _EX_VOCAB_CACHE[key] = _ExVocab(quantities)
    return voc


_EX_ABBREVS = frozenset(
    "Mio Mrd Tsd Bio ca Nr No Dr Prof St Inc Co Corp Ltd bzw etc vgl usw Jan Feb Mär Apr Aug Sep Sept Okt Oct Nov "
    "Dez Dec Mr Mrs Ms Hr Fr Abs Art Abb Vol pp vs Jr Sr Gen Gov Sen Rep Bd Hrsg engl franz lat sog ggf evtl inkl "
    "zzgl max min Std Mon Tue Wed Thu Fri Sat Sun Mo Di Mi Do Sa So".split())


def _ex_is_abbrev(text: str, dot: int) -> bool:
    """True when the '.' at offset `dot` ends an abbreviation (Mio., Nr., z.B., U.S.), not a sentence."""
    i = dot
    lo = max(0, dot - 6)
    while i > lo and text[i - 1].isalpha():
        i -= 1
    w = text[i:dot]
    if not w:
        return False
    if len(w) == 1:
        return True                               # single letters: initials, z.B., U.S.
    return w in _EX_ABBREVS and (i == 0 or not text[i - 1].isalpha())


def _ex_sentence_break(text: str, k: int, end_mark: int) -> int:
    """Offset where the next sentence starts when the mark text[k:end_mark] ends one, else -1
    (the '.' of an abbreviation such as 'Mio.', or a lowercase word follows)."""
    if text[k] == "\n":
        return k + 1
    after = end_mark
    n = len(text)
    while after < n and text[after] in " \u00a0\t":
        after += 1
    if after < n and text[after].islower():
        return -1
    if text[k] == "." and not text[max(0, k - 6):k].isalpha() and _ex_is_abbrev(text, k):
        return -1
    return after


def _ex_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around [start, end): the nearest sentence breaks before and after
    (at most 400 characters away), without surrounding spaces."""
    lo = max(0, start - 400)
    s = max(0, (start // 200) * 200 - 200)      # no break found: a fixed block, shared by neighbours
    j = start
    for _step in range(8):                      # the nearest marks only: bounded work per figure
        k = max(text.rfind(".", lo, j), text.rfind("!", lo, j), text.rfind("?", lo, j),
                text.rfind("\n", lo, j), text.rfind("…", lo, j))
        if k < 0:
            break
        m = _EX_SENT_END.match(text, k)
        if m is not None:
            b = _ex_sentence_break(text, k, m.end())
            if 0 <= b <= start:
                s = b
                break
        j = k
    hi = min(len(text), end + 400)
    e = min(len(text), (end // 200) * 200 + 400)
    for step, m in enumerate(_EX_SENT_END.finditer(text, end, hi)):
        if step >= 8:
            break
        if _ex_sentence_break(text, m.start(), m.end()) >= 0:
            e = m.start() if text[m.start()] == "\n" else m.end()
            break
    while s < start and text[s].isspace():
        s += 1
    while e > end and text[e - 1].isspace():
        e -= 1
    return s, e


def _ex_cue_hits(text: str, a: int, b: int, voc: _ExVocab) -> list[tuple[int, int, tuple]]:
    """Cue words in text[a:b]: (start, end, ((quantity, weight), ...)) for each occurrence.

    The span is split on whitespace and each distinct token looked up in a memo (punctuation and
    hyphenated parts are handled by _ExVocab.token_cues), so only cue words cost Python work.
    """
    seg = text[a:b]
    low = seg.lower()
    if len(low) != len(seg):                    # lowercasing changed offsets (rare letters)
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in seg)
    out = []
    get = voc.tok_cache.get
    nl = len(low)
    toks = set(low.split())
    for tok, hit in zip(toks, map(get, toks)):
        if hit is None:
            hit = voc.token_cues(tok)
        if not hit:
            continue
        hits, off, length = hit
        k = len(tok)
        i = low.find(tok)
        while i >= 0:
            if (i == 0 or low[i - 1].isspace()) and (i + k >= nl or low[i + k].isspace()):
                out.append((a + i + off, a + i + off + length, hits))
            i = low.find(tok, i + 1)
    for first, phrase, hits in voc.phrase_list:
        if first in low:
            i = low.find(phrase)
            while i >= 0:
                out.append((a + i, a + i + len(phrase), hits))
                i = low.find(phrase, i + 1)
    return out


def _ex_label(text: str, fig: dict, ucls: str, sent: tuple[int, int], voc: _ExVocab,
              own: str = "", cache: dict | None = None) -> tuple[str, float]:
    """(quantity, score) for one figure from the cue words of its sentence, weighted by distance
    (weight / (1 + distance / 40 characters), halved across a clause break); the sentence before
    counts at half weight when the figure's own sentence gives no clear answer."""
    if ucls == "ordinal":
        return ("rank" if fig.get("_rank") and voc.unit_of.get("rank") == "ordinal" else "unclassified"), 1.0
    allowed = ("money", "count") if ucls == "money_or_count" else (ucls,)
    cache = {} if cache is None else cache
    s0, e0 = sent
    fs, fe = fig["start"], fig["end"]
    scores: dict[str, float] = {}
    unit_of = voc.unit_of

    def add(hits, pos_s, pos_e, factor, breaks=()):
        if pos_e <= fs:
            d = fs - pos_e
            if d > 8 and breaks and bisect.bisect_left(breaks, pos_e) != bisect.bisect_left(breaks, fs):
                factor *= 0.5
        elif pos_s >= fe:
            d = pos_s - fe
            if d > 8 and breaks and bisect.bisect_left(breaks, fe) != bisect.bisect_left(breaks, pos_s):
                factor *= 0.5
        else:
            if factor != _EX_OWN and pos_s >= fs and pos_e <= fe:
                return                                 # words inside the figure ("up to"): not cues
            d = 0
        if d > 240:
            return
        f = factor / (1.0 + d / 40.0)
        for name, w in hits:
            if unit_of.get(name) in allowed:
                scores[name] = scores.get(name, 0.0) + w * f

    def scan(a, b, factor):
        key = (a, b)
        got = cache.get(key)
        if got is None:
            seg = text[a:b]
            breaks = ([m.start() + a for m in _EX_CLAUSE_BREAK.finditer(seg)]
                      if (";" in seg or ":" in seg or "–" in seg or "—" in seg or ", " in seg) else [])
            got = cache[key] = (_ex_cue_hits(text, a, b, voc), breaks)
        hits, breaks = got
        for ps, pe, h in hits:
            add(h, ps, pe, factor, breaks)

    scan(s0, e0, 1.0)
    if own:
        hits = voc.word_cues(own)
        if hits:
            add(hits, fs, fe, _EX_OWN)
    best = max(scores.items(), key=lambda kv: (kv[1], kv[0])) if scores else ("unclassified", 0.0)
    if best[1] < _EX_LABEL_MIN and s0 > 0 and ucls in ("money", "percent", "money_or_count"):
        scan(max(0, s0 - 200), s0, 0.5)
        best = max(scores.items(), key=lambda kv: (kv[1], kv[0])) if scores else ("unclassified", 0.0)
    return best if best[1] >= _EX_LABEL_MIN else ("unclassified", best[1])


_EX_LABEL_MIN = 0.25
_EX_COMPANY_NOUNS = {"unternehmen", "unternehmens", "konzern", "konzerns", "firma", "start-up", "startup",
                     "start-ups", "startups", "company", "firm", "group", "business", "gruppe"}
# words before a figure that make it the same quantity as the figure before it in the sentence
_EX_SAME_AS_BEFORE = ("up from", "down from", "compared with", "compared to", "versus", "vs.", "gegenüber",
                      "nach zuvor", "von zuvor", "zuvor", "previously", "from a previous")
_EX_OWN = 1.0000001          # the factor that marks the figure's own compound word ("Milliardendeal")
_EX_COUNTISH = {"count": ("count",), "other": ()}


# ---------------------------------------------------------------------------
# From a regex match to a figure
# ---------------------------------------------------------------------------
def _ex_scale_value(word: str | None, language: str) -> float:
    """Multiplier of a scale word ('Mrd.' -> 1e9; 'Billion' -> 1e12 in German, 1e9 in English)."""
    if not word:
        return 1.0
    w = word.lower()
    if language == "de" and w in _EX_SCALES_DE and word[0] == "B":
        return _EX_SCALES_DE[w]
    return _EX_SCALES.get(w, 1.0)


def _ex_currency(word: str | None) -> str:
    """ISO 4217 code of a currency word or symbol, '' when it is none."""
    if not word:
        return ""
    w = " ".join(word.lower().split())
    return _EX_CURRENCY.get(w, "")


def _ex_date_value(kind: str, s: str) -> float:
    """A date as a sortable number YYYYMMDD (missing year -> MMDD); nan when it is not a real date."""
    try:
        if kind == "date_iso":
            y, mo, d = (int(x) for x in s.split("-"))
        elif kind == "date_dmy":
            parts = [p for p in re.split(r"[./ ]+", s) if p]
            if "/" in s:
                mo, d, y = (int(x) for x in parts[:3])
                if mo > 12:
                    mo, d = d, mo
            else:
                d, mo, y = (int(x) for x in parts[:3])
            if y < 100:
                y += 2000 if y < 70 else 1900
        else:
            nums = re.findall(r"[0-9]+", s)
            word = re.search(r"[A-Za-zÄÖÜäöüß]+", s).group().lower()
            mo = next(i for i, names in enumerate(_EX_MONTH_LIST, 1) if word in names)
            d = int(nums[0])
            y = int(nums[1]) if len(nums) > 1 else 0
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return math.nan
        return float(y * 10000 + mo * 100 + d)
    except (ValueError, StopIteration, AttributeError, IndexError):
        return math.nan


_EX_MONTH_LIST = [
    {"januar", "jänner", "jan", "january"}, {"februar", "feb", "february"}, {"märz", "mär", "march", "mar"},
    {"april", "apr"}, {"mai", "may"}, {"juni", "jun", "june"}, {"juli", "jul", "july"}, {"august", "aug"},
    {"september", "sep", "sept"}, {"oktober", "okt", "october", "oct"}, {"november", "nov"},
    {"dezember", "dez", "december", "dec"},
]


def _ex_base(start: int, end: int, value: float, unit: str, qualifier: str, low: float, high: float) -> dict:
    """A figure dict with the contract keys (text, quantity and sentence filled in later)."""
    return {"start": start, "end": end, "text": "", "value": value, "unit": unit, "qualifier": qualifier,
            "low": low, "high": high, "quantity": "unclassified", "sentence": "", "sentence_start": start}


_EX_TOP_GROUPS = ("date_iso", "date_dmy", "date_dmon", "date_mdy", "skip", "numord", "num", "frac", "wnum", "ordw",
                  "vague")


def _ex_from_match(m: re.Match, text: str, language: str, pair: bool = False) -> dict | None:
    """Turn one candidate match into a raw figure (no hedge, range, label yet), or None.

    `pair` is True when the match is read as the second half of "9-10", "19-8".
    """
    kind = m.lastgroup
    if kind not in _EX_TOP_GROUPS:
        kind = next((k for k in _EX_TOP_GROUPS if k in m.re.groupindex and m.group(k) is not None), None)
    s, e = m.span()
    if kind == "skip":
        return None
    if kind and kind.startswith("date_"):
        v = _ex_date_value(kind, m.group())
        if math.isnan(v):
            return None
        return dict(_ex_base(s, e, v, "date", "exact", v, v), _kind="date")
    prev = text[s - 1] if s else " "
    if kind == "numord":
        if prev.isalnum():
            return None
        v = float(re.match(r"[0-9]+", m.group()).group())
        return dict(_ex_base(s, e, v, "ordinal", "exact", v, v), _kind="ordinal", _rank=" " in m.group() or
                    "-" in m.group())
    if kind == "ordw":
        w = m.group().lower()
        v = float(next((n for stem, n in _EX_ORDINAL_WORDS.items() if w.startswith(stem)), math.nan))
        return dict(_ex_base(s, e, v, "ordinal", "exact", v, v), _kind="ordinal", _rank=True)
    if kind == "vague":
        w = m.group("vword").lower()
        for stem, lo, hi, vk in _EX_VAGUE:
            if w.startswith(stem):
                break
        else:
            return None
        rest = w[len(stem):].strip("-")
        if rest and stem in ("milliarden", "millionen", "billionen"):
            lo = lo / 2          # compounds: "Milliardensumme", "milliardenschwer" are one billion or more
        cur = _ex_currency(m.group("vcsuf"))
        if stem.endswith("-"):
            cur = cur or _ex_currency(rest.split("-")[0].rstrip("s") if rest else "")
        fig = _ex_base(s, e, math.nan, cur or "", "vague", lo, hi)
        fig["_kind"] = "vague"
        fig["_vkind"] = "money" if cur else vk
        if not cur and vk == "money" and not stem.endswith("-") and not rest:
            # "millions of us", "Millionen Zuschauer": a count when a noun, not a currency, follows
            nxt = _ex_next_word(text, e)
            if language == "en" and nxt.lower() == "of":
                nxt = _ex_next_word(text, e + 1 + len(nxt))
                if nxt and not _ex_currency(nxt) and nxt.lower() not in ("pounds", "dollars", "euros"):
                    fig["_vkind"] = "count"
            elif nxt[:1].isupper() and not _ex_currency(nxt) and e < len(text) and text[e] == " ":
                fig["_vkind"] = "count"
        fig["_own"] = rest if len(rest) > 2 else ""
        if rest.startswith("schwer") or rest in ("dollar", "euro", "pound"):
            # "ein milliardenschweres Unternehmen", "a billion-dollar company": a company worth that much
            noun = _ex_next_word(text, e).lower()
            fig["_own"] = noun
            if noun in _EX_COMPANY_NOUNS:
                fig["_company"] = True
        fig["_bare"] = not rest
        return fig
    if kind == "frac":
        g = m.group("frac")
        parts = g.replace("-", " ").split()
        word = parts[-1].lower()
        frac = _EX_FRACTIONS.get(word)
        if frac is None:
            return None
        det = parts[0].lower() if len(parts) > 1 else ""
        after = _ex_next_word(text, e).lower()
        if word in ("hälfte",):
            if not det:
                return None
            n = 1.0
        elif word in ("half",):
            if det not in ("", "a", "one") or after not in ("of", "the", "its", "their", "his", "her", "a", "an",
                                                         "our", "all"):
                return None
            n = 1.0
        else:
            if not det or det in ("die", "der", "zur"):
                return None
            n = _ex_word_value(det, language) or math.nan
            if math.isnan(n):
                return None
            if language == "en" or word in ("third", "thirds", "quarter", "quarters", "fifth", "fifths",
                                            "tenth", "tenths"):
                if after not in ("of", "the", "der", "des", "aller", "von"):
                    return None
            elif after not in ("der", "des", "aller", "von", "seiner", "ihrer", "unserer") and \
                    not (after[:1].isupper()):
                return None
        v = 100.0 * n * frac
        fig = _ex_base(s, e, v, "percent", "exact", v, v)
        fig["_kind"] = "fraction"
        return fig
    if kind == "wnum":
        g = m.group
        if prev.isalnum() or prev == "-":
            return None
        raw = g("wsmall") or g("cardde") or g("carden") or g("wnum").split()[0]
        n = _ex_word_value(raw.split()[0] if raw else "", language)
        if n is None:
            return None
        scale = _ex_scale_value(g("wscale"), language)
        pct = g("wpct")
        cur = _ex_currency(g("wcsuf"))
        minor = (g("wcsuf") or "").lower() in _EX_MINOR
        noun = ""
        range_start = False
        if not (g("wscale") or pct or cur or minor):
            noun = _ex_count_noun(text, e, language) if n >= 2 else ""
            if not noun:
                rc = _EX_RANGE_CONN.match(text, e)
                if rc is None or rc.group("c").strip() not in ("bis", "to", "-", "–", "und", "and", "or", "oder"):
                    return None
                range_start = True            # "zwei bis drei Milliarden": kept only if a range follows
        elif g("wscale") and not (pct or cur or minor):
            noun = _ex_count_noun(text, e, language)
        v = n * scale
        unit = ""
        if pct:
            unit = _EX_PERCENT.get(pct.lower(), "percent")
        elif cur:
            unit = cur
        elif minor:
            v = v / 100.0
            unit = _EX_MINOR[(g("wcsuf") or "").lower()] or ""
        if noun and language == "en" and noun[0].isupper():
            return None                       # "Six Nations", "Three Lions": a name
        if noun:
            unit = "other" if _ex_is_measure(noun) else "count"
        fig = _ex_base(s, e, v, unit, "exact", v, v)
        fig["_noun"] = noun
        fig["_kind"] = "number"
        fig["_scaled"] = bool(g("wscale"))
        fig["_digit_unit"] = scale
        fig["_words"] = True
        fig["_minor"] = minor and not unit
        fig["_mult"] = scale / 100.0 if minor else scale
        if range_start:
            fig["unit"] = "count"
            fig["_plain"] = True
            fig["_range_only"] = True
        return fig
    # a written number
    g = m.group
    cpre, sign, digits, scale_w, sscale, csuf, pct, pctadj = g("cpre", "sign", "digits", "scale", "sscale", "csuf",
                                                               "pct", "pctadj")
    nstart = m.start("digits")
    first = s if cpre else (m.start("sign") if sign else nstart)
    p = text[first - 1] if first else " "
    if not cpre:
        if p.isalnum() or p in "_/\\#§":
            return None
        if p in "-‑" and first >= 2 and text[first - 2].isalpha():
            return None                       # GPT-5, COVID-19
        if p == "." and first >= 2 and text[first - 2].isalnum():
            return None                       # version numbers, 1.2.3
        if p in "-–" and first >= 2 and text[first - 2].isdigit() and not pair:
            return None                       # second half of a pair left unread: "Leeds 1-1 Hull", "2014-15"
    if (p in "=?&@.:~" or (e < len(text) and text[e] in "/@_")) and _ex_url_like(text, first, e):
        return None
    value, dunit = _ex_float(digits, language)
    if math.isnan(value):
        return None
    if sign and sign in "-−":
        value = -value
    cur = _ex_currency(cpre.strip() if cpre else None) or _ex_currency(csuf)
    minor = bool(csuf) and csuf.lower() in _EX_MINOR and not cpre
    if minor and language == "en" and csuf[0].isupper():
        return None                           # "50 Cent" in English text is a name, not half a dollar
    if sscale and not cur:
        return None                           # "10m" without a currency: metres, not millions
    after = text[e] if e < len(text) else " "
    if after.isalnum() and not (after.isdigit()):
        return None
    scale = _ex_scale_value(scale_w or sscale, language)
    v = value * scale
    unit = ""
    if pct or pctadj:
        unit = _EX_PERCENT.get(" ".join((pct or "").lower().split()), "percent") if pct else "percent"
        if unit == "bp":
            unit, v = "percentage_points", v / 100.0
    elif cur:
        unit = cur
    elif minor:
        v = v / 100.0
        unit = _EX_MINOR[csuf.lower()] or ""
    fig = _ex_base(s, e, v, unit, "exact", v, v)
    fig["_kind"] = "number"
    fig["_scaled"] = bool(scale_w or sscale)
    fig["_digit_unit"] = dunit * scale
    fig["_plain"] = not (cpre or sign or scale_w or sscale or csuf or pct or pctadj)
    fig["_int4"] = fig["_plain"] and len(digits) == 4 and digits.isdigit()
    fig["_minor"] = minor and not unit
    fig["_digits"] = digits
    fig["_mult"] = (v / value) if value else scale
    if fig["_scaled"] and not unit:
        if _ex_measure_after(text, e):
            fig["unit"] = "other"             # "15 million tonnes"
        else:
            noun = _ex_count_noun(text, e, language)
            if noun:
                fig["unit"] = "count"
                fig["_noun"] = noun
    return fig


def _ex_classify_plain(fig: dict, text: str, language: str, toks: list[str], n_before: int) -> bool:
    """Decide the unit of a bare number (year, count, other) or drop it (product names, footnotes,
    identifiers). Returns False when the number is not a figure."""
    s, e = fig["start"], fig["end"]
    prev = text[s - 1] if s else " "
    nxt = text[e] if e < len(text) else " "
    if prev == "[" and nxt == "]":
        return False                          # footnote marker [3]
    if prev == "(" and nxt == ")" and abs(fig["value"]) < 100 and not fig["_int4"]:
        return False                          # list marker (2)
    if nxt == "." and e + 1 < len(text) and text[e + 1] == " " and (s == 0 or text[s - 1] == "\n"):
        return False                          # enumeration "1. "
    digits = fig.get("_digits", "")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return False                          # "000", "0049": codes and broken numbers, not amounts
    prev_tok = toks[-1] if toks else ""
    pt = _ex_strip(prev_tok)
    if pt in _EX_IDENTIFIER_WORDS or prev_tok in ("#", "§"):
        return False
    if len(prev_tok) == 1 and prev_tok.isupper() and prev == " " and not (language == "en" and prev_tok in "AI"):
        return False                          # road and grade names: A 67, B 96, Q 3
    if nxt == "-" and e + 1 < len(text) and text[e + 1].isalpha() and fig.get("_digits", "").isdigit():
        # "4-Modelle", "10-year": a number joined to a word
        pass
    v = fig["value"]
    is_year_shape = fig["_int4"] and (1000 <= v <= 2199 if _EX_YEAR_CUES.__contains__(pt) else 1800 <= v <= 2100)
    year_cue = pt in _EX_YEAR_CUES or pt.endswith(("jahr", "jahres", "quartal", "quartals"))
    # product and model names: a capitalised word (not a function word) right before the number
    if prev == " " and prev_tok and (prev_tok[0].isupper() or any(c.isupper() for c in prev_tok[1:])) \
            and prev_tok[-1].isalnum() and pt not in _EX_NOT_PRODUCT and not year_cue:
        mixed = any(c.isupper() for c in prev_tok[1:]) or any(c.isdigit() for c in prev_tok)
        if mixed or n_before != 1 or language == "en":
            return False
    if language == "de" and nxt == "." and not fig["_int4"] and v < 100 and float(v).is_integer() and \
            (e + 1 >= len(text) or text[e + 1] in " )+/,–-\n") and not (e + 2 < len(text) and text[e + 1] == " "
                                                                  and text[e + 2] in "\n"):
        fig["unit"] = "ordinal"                # "3. Etappe", "1. Ogier", "(38.)": German ordinals
        fig["end"] = e + 1
        return True
    if pt in ("platz", "rang", "rank", "position") and float(v).is_integer():
        fig["unit"] = "ordinal"
        fig["_rank"] = True
        return True
    if _ex_measure_after(text, e):
        fig["unit"] = "other"
        return True
    noun = _ex_count_noun(text, e, language)
    if is_year_shape and (year_cue or not noun or language == "en"):
        fig["unit"] = "year"
        return True
    if year_cue and pt in ("jahr", "jahre", "jahres", "year") and 1 <= v <= 2199 and float(v).is_integer():
        fig["unit"] = "year"
        return True
    if float(v).is_integer():
        fig["unit"] = "count"
    else:
        fig["unit"] = "other"
    fig["_noun"] = noun
    return True


def extract_figures(text: str, language: str = "de", quantities: dict | None = None) -> list[dict]:
    """Every figure in one text, in order: see the module docstring for the fields and rules.

    `language` ("de" or "en") decides the decimal mark and what "Billion" means; `quantities` is
    the story's quantities parameter ({name: {cues: [...], unit: ...}}), which adds to or
    overrides the built-in vocabulary EXTRACT_QUANTITIES. Never raises on a string.
    """
    if not isinstance(text, str) or not text:
        return []
    language = language if language in ("de", "en") else "de"
    voc = _ex_vocab(quantities if isinstance(quantities, dict) else None)
    matches = _ex_candidates(text)
    raw: list[dict] = []
    i = 0
    n = len(matches)
    while i < n and len(raw) < EXTRACT_MAX_FIGURES:
        m = matches[i]
        i += 1
        try:
            fig = _ex_from_match(m, text, language)
        except (ValueError, OverflowError, ZeroDivisionError):
            fig = None
        if fig is None:
            continue
        kind = fig["_kind"]
        toks, n_before = _ex_prev_tokens(text, fig["start"])
        if kind == "number" and fig.get("_plain") and not fig.get("_words"):
            if not _ex_classify_plain(fig, text, language, toks, n_before):
                continue
        # ranges: "10 bis 15 Milliarden", "zwischen 10 und 15", "9-10 bn"
        if kind == "number" and i < n and fig["unit"] not in ("date",):
            rc = _EX_RANGE_CONN.match(text, fig["end"])
            if rc and matches[i].start() == rc.end() and matches[i].lastgroup == "skip":
                continue                                   # "von 10 bis 12 Uhr"
            if rc and matches[i].start() == rc.end() and rc.group("c") in ("-", "–", ":") and fig.get("_plain"):
                nxt = _ex_from_match(matches[i], text, language, pair=True)
                if nxt is not None and nxt.get("_plain") and nxt["value"] <= fig["value"] < 1000:
                    i += 1
                    continue                               # a score: "19-8", "3–1"
            if rc and matches[i].start() == rc.end() and matches[i].lastgroup in ("num", "wnum"):
                conn = rc.group("c").strip()
                between = _ex_strip(toks[-1]) if toks else ""
                ok = conn in ("-", "–", "—", "bis", "to") or (conn in ("und", "and") and between in
                                                                ("zwischen", "between"))
                if conn == "to" and between == "from":
                    ok = False                             # "rose from 29% to 40%": two figures
                if conn in ("or", "oder"):
                    # "drei oder vier Millionen": a range when the second carries the scale or unit
                    ok = bool(fig.get("_plain")) and matches[i].lastgroup in ("num", "wnum") and \
                        text[matches[i].end() - 1].isalpha()
                fig2 = _ex_from_match(matches[i], text, language, pair=True) if ok else None
                if fig2 is not None and fig2["_kind"] == "number":
                    fig2_plain = fig2.get("_plain")
                    if fig2_plain and not fig2.get("_words"):
                        _ex_classify_plain(fig2, text, language, [], 99)
                    if rc.group("c") in ("-", "–") and fig.get("_plain") and fig2_plain and fig["unit"] == "count" \
                            and fig2["unit"] == "count" and not fig2.get("_noun") and fig2["value"] < 100:
                        i += 1
                        continue                           # "4-6 6-3": set scores, not a range
                    merged = _ex_merge_range(fig, fig2, language, conn)
                    if merged is not None:
                        if conn in ("und", "and"):
                            j = text.rfind(toks[-1], max(0, fig["start"] - 80), fig["start"])
                            merged["start"] = j if j >= 0 else fig["start"]
                        fig = merged
                        i += 1
                        toks, n_before = _ex_prev_tokens(text, fig["start"])
        if fig.get("_range_only"):
            continue                                       # a number word that began no range
        fig["_before"] = " ".join(_ex_strip(t) for t in toks[-2:])
        _ex_apply_hedge(fig, text, toks)
        raw.append(fig)
    _ex_fill_currency(raw, language)
    out = []
    sent_cache = (-1, -1)
    sent_text = ""
    cue_cache: dict = {}
    prev_fig = None
    for fig in raw:
        s, e = fig["start"], fig["end"]
        if not (sent_cache[0] <= s and e <= sent_cache[1]):
            sent_cache = _ex_sentence(text, s, e)
            sent_text = text[sent_cache[0]:sent_cache[1]]
        ucls = fig.pop("_ucls", None) or _ex_unit_class_of(fig["unit"]) if fig["unit"] else "other"
        if fig["unit"] == "date":
            quantity = "unclassified"
        else:
            own = fig.get("_own", "")
            if fig.get("_noun") and fig["unit"] in ("count", "other"):
                # "500 Mitarbeiter", "four minutes": the noun says what is counted
                hit = voc.token_cues(fig["_noun"].lower())
                allowed = _EX_COUNTISH.get(fig["unit"], ())
                cands = [(w, q) for q, w in (hit[0] if hit else ()) if voc.unit_of.get(q) in allowed]
                quantity = max(cands)[1] if cands else "unclassified"
            elif fig.get("_company") and voc.unit_of.get("valuation") == "money":
                quantity = "valuation"
            elif prev_fig is not None and prev_fig[0] == sent_cache[0] and prev_fig[1] == ucls and \
                    fig.get("_before", "").endswith(_EX_SAME_AS_BEFORE):
                quantity = prev_fig[2]                     # "$3 billion, up from $1.8 billion": the same quantity
            else:
                quantity, _score = _ex_label(text, fig, ucls, sent_cache, voc, own, cue_cache)
            if fig.get("_money_pending"):
                if voc.unit_of.get(quantity) == "money":
                    fig["unit"] = fig["_money_pending"]
                else:
                    # a count by context ("Milliarden Nutzer"); with no context a vague amount stays
                    # money, a scaled number becomes "other"
                    if voc.unit_of.get(quantity) == "count":
                        fig["unit"] = "count"
                    elif fig["_kind"] != "vague":
                        fig["unit"] = "other"
        fig["quantity"] = quantity
        if quantity != "unclassified":
            prev_fig = (sent_cache[0], ucls, quantity)
        fig["text"] = text[s:e]
        fig["sentence_start"] = sent_cache[0]
        fig["sentence"] = sent_text
        out.append({k: fig[k] for k in ("start", "end", "text", "value", "unit", "qualifier", "low", "high",
                                        "quantity", "sentence", "sentence_start")})
    return out


def _ex_merge_range(a: dict, b: dict, language: str, conn: str) -> dict | None:
    """One range figure from two numbers joined by bis/to/-/und, the scale carried across; or None."""
    if b.get("_plain") and not a.get("_plain"):
        return None                                    # "10 Mrd. bis 2025": not a range
    if a["unit"] in ("year",) and b["unit"] != "year" and b.get("_plain"):
        return None
    va, vb = a["value"], b["value"]
    unit = b["unit"] or a["unit"]
    if a.get("_plain") and not b.get("_plain"):
        # carry the scale of the second number to the first: "10 bis 15 Milliarden"
        va = va * b.get("_mult", 1.0)
        unit = b["unit"]
    elif a.get("_plain") and b.get("_plain") and a["unit"] in ("count", "other") and b["unit"] in ("count", "other"):
        unit = b["unit"]                               # "50 - 80 Metern": the unit word follows the second
    elif a["unit"] and b["unit"] and a["unit"] != b["unit"]:
        return None
    if conn in ("-", "–", "—") and not (va <= vb):
        return None                                    # 3-1: a score, not a range
    if not va <= vb:
        if conn not in ("und", "and"):
            return None
        va, vb = vb, va                                # "zwischen 64 und 50 Prozent"
    if a["unit"] == "year" and b["unit"] == "year" and a.get("_plain") and b.get("_plain"):
        unit = "year"
    fig = _ex_base(a["start"], b["end"], (va + vb) / 2.0, unit, "range", va, vb)
    fig["_kind"] = "number"
    fig["_scaled"] = b.get("_scaled")
    fig["_digit_unit"] = b.get("_digit_unit", 1.0)
    fig["_minor"] = b.get("_minor")
    fig["_noun"] = b.get("_noun", "")
    fig["_range"] = True
    return fig


def _ex_apply_hedge(fig: dict, text: str, toks: list[str]) -> None:
    """Read the hedge before (and after) a figure: qualifier, low/high, span widened over the hedge."""
    kind = fig["_kind"]
    if kind in ("date", "ordinal") or fig.get("_range"):
        return
    qual, rule, k = _ex_find_hedge(toks)
    if qual:
        head = _ex_strip(toks[-k])
        before = toks[-k - 1] if len(toks) > k else ""
        nxt = _ex_next_word(text, fig["end"]).lower()
        if head in ("über", "over") and k == 1:
            b = _ex_strip(before)
            if head == "über" and before[:1].isupper() and b not in _EX_NOT_PRODUCT and \
                    b not in _EX_TIME_NOUNS and len(toks) > k + 1:
                qual = ""                              # "ein Kredit über drei Milliarden": of
            elif head == "over" and nxt in _EX_DURATION:
                qual = ""                              # "over five years": during
        if head in ("ab", "bis", "unter", "under", "below", "above", "gut", "some") and fig["unit"] in ("year",):
            qual = ""
        if head in ("gut",) and fig["unit"] in ("count", "other", "") and kind == "vague":
            qual = ""
        if kind == "vague":
            qual = ""                                  # "mehrere Milliarden": stays vague
        if qual and fig["unit"] == "year" and qual != "approx":
            qual = ""
    if qual:
        # widen the span over the hedge words
        pos = fig["start"]
        for t in reversed(toks[-k:]):
            j = text.rfind(t, max(0, pos - 80), pos)
            if j < 0:
                break
            pos = j
        lead = len(toks[-k]) - len(toks[-k].lstrip("\"'„“”«»‚‘’([{"))
        fig["start"] = pos + lead
        fig["qualifier"] = qual
        fig["low"], fig["high"] = _ex_bounds(fig["value"], qual, rule, fig.get("_digit_unit", 1.0) or 1.0)
    ph = _EX_POST_HEDGE.match(text, fig["end"])
    if ph and kind != "vague" and fig["qualifier"] == "exact":
        h = ph.group("h")
        if h in ("oder mehr", "und mehr", "or more", "and more", "plus", "und darüber", "and above", "or above"):
            fig["qualifier"], fig["low"], fig["high"] = "lower", fig["value"], math.inf
        else:
            fig["qualifier"], fig["low"], fig["high"] = "upper", 0.0, fig["value"]
        fig["end"] = ph.end()
    # "minus 5 Prozent"
    if toks and _ex_strip(toks[-1]) == "minus" and kind == "number" and fig["value"] > 0 and not qual:
        fig["value"] = -fig["value"]
        fig["low"], fig["high"] = -fig["high"], -fig["low"]
        fig["start"] = fig["start"] - len(toks[-1]) - 1


def _ex_fill_currency(figs: list[dict], language: str) -> None:
    """Give money figures without a stated currency the currency of the nearest figure that has one."""
    pos = [f["start"] for f in figs if len(f["unit"]) == 3 and f["unit"].isupper()]
    cur = [f["unit"] for f in figs if len(f["unit"]) == 3 and f["unit"].isupper()]

    def nearest(p: int) -> str:
        if not pos:
            return ""
        j = bisect.bisect_left(pos, p)
        cands = [k for k in (j - 1, j) if 0 <= k < len(pos)]
        return cur[min(cands, key=lambda k: abs(pos[k] - p))]

    for f in figs:
        if f["unit"]:
            continue
        kind = f["_kind"]
        if f.get("_minor"):
            f["unit"] = nearest(f["start"]) or ("EUR" if language == "de" else "USD")
            continue
        c = nearest(f["start"]) or "other"
        if kind == "vague" and f["_vkind"] == "count":
            f["unit"] = "count"
            f["_ucls"] = "count"
        elif kind in ("vague", "number"):
            # "Milliarden", "10 Milliarden" with no currency and no noun: money or a count, by context
            f["unit"] = c
            f["_money_pending"] = c
            f["_ucls"] = "money_or_count"
        else:
            f["unit"] = "other"


# ---------------------------------------------------------------------------
# The story table, the notebook views
# ---------------------------------------------------------------------------
FIGURE_COLUMNS = ["figure_id", "file", "article_id", "outlet", "published", "language", "start", "end", "text",
                  "value", "unit", "qualifier", "low", "high", "quantity", "segment", "sentence", "sentence_start"]


def _ex_segment_of(segments, pos: int) -> str:
    """The kind (headline, caption, body) of the segment holding offset pos; 'body' when none does."""
    for seg in segments or ():
        try:
            s, e, kind = seg
        except (TypeError, ValueError):
            continue
        if s <= pos < e:
            return str(kind)
    return "body"


def extract_story_figures(articles: pd.DataFrame, params: dict | None = None) -> pd.DataFrame:
    """figures.csv for a story: every figure of every article (docs/tables.md), sorted by file and start.

    `articles` is articles.csv (notebook 01); the article's own language is used, and the story's
    `quantities` parameter extends the vocabulary. low/high are NaN (written empty) where unbounded.
    """
    params = params or {}
    quantities = params.get("quantities") or {}
    exclude = set(params.get("exclude") or [])
    rows = []
    for _, art in articles.iterrows():
        if art.get("file") in exclude:
            continue
        text = art.get("text") or ""
        if not isinstance(text, str):
            text = ""
        lang = art.get("language") or "de"
        try:
            segments = json.loads(art.get("segments") or "[]")
        except (TypeError, ValueError):
            segments = []
        for f in extract_figures(text, lang, quantities):
            rows.append({
                "figure_id": f"{art.get('article_id', '')}:{f['start']}",
                "file": art.get("file", ""), "article_id": art.get("article_id", ""),
                "outlet": art.get("outlet", ""), "published": art.get("published", ""), "language": lang,
                "start": f["start"], "end": f["end"], "text": f["text"],
                "value": f["value"], "unit": f["unit"], "qualifier": f["qualifier"],
                "low": f["low"] if math.isfinite(f["low"]) else math.nan,
                "high": f["high"] if math.isfinite(f["high"]) else math.nan,
                "quantity": f["quantity"], "segment": _ex_segment_of(segments, f["start"]),
                "sentence": f["sentence"], "sentence_start": f["sentence_start"],
            })
    df = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    if len(df):
        df = df.sort_values(["file", "start"], kind="stable").reset_index(drop=True)
    for col in ("value", "low", "high"):
        df[col] = df[col].astype(float)
    for col in ("start", "end", "sentence_start"):
        df[col] = df[col].astype(int)
    return df


def write_figures(df: pd.DataFrame, paths) -> "Path":
    """Write figures.csv to the story's output folder, atomically; returns its path."""
    return write_csv_atomic(df[FIGURE_COLUMNS], paths.out("figures.csv"))


def _ex_fmt_value(value: float, unit: str) -> str:
    """A figure's value for people: 14.3 bn USD, 49 %, 2016, ~ (vague)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "vague"
    a = abs(value)
    for div, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if a >= div and unit not in ("year", "date", "ordinal"):
            return f"{value / div:g}{suffix}"
    return f"{value:g}" if unit != "date" else f"{int(value)}"


def figures_summary(figures: pd.DataFrame) -> str:
    """Plain-text list of the figures: file prefix, text, value, unit, qualifier, quantity."""
    lines = []
    for _, f in figures.iterrows():
        prefix = str(f["file"]).split("_")[0]
        lines.append(f"{prefix} | {f['text']!s:<34} | {_ex_fmt_value(f['value'], f['unit']):>9} {f['unit']:<8} | "
                     f"{f['qualifier']:<6} | {f['quantity']}")
    return "\n".join(lines)


_EX_UNIT_COLOURS = {"percent": "#d6eaff", "percentage_points": "#d6eaff", "count": "#e6f5d0", "year": "#f0e0ff",
                    "ordinal": "#f0e0ff", "date": "#eeeeee", "other": "#eeeeee"}


def highlight_figures_html(text: str, figures) -> str:
    """HTML of one article with its figures highlighted (every piece of text escaped).

    `figures` is a list of figure dicts or a DataFrame with start, end, value, unit, qualifier,
    quantity. Overlapping spans are skipped after the first. The title of each mark says what
    the figure was read as.
    """
    text = text if isinstance(text, str) else ""
    if isinstance(figures, pd.DataFrame):
        figs = figures.to_dict("records")
    else:
        figs = list(figures or [])
    figs = sorted(figs, key=lambda f: (int(f["start"]), -int(f["end"])))
    out = []
    pos = 0
    for f in figs:
        s, e = int(f["start"]), int(f["end"])
        if s < pos or e > len(text) or s >= e:
            continue
        unit = str(f.get("unit", ""))
        colour = _EX_UNIT_COLOURS.get(unit, "#fff2b3")
        tip = (f"{_ex_fmt_value(f.get('value'), unit)} {unit} · {f.get('qualifier', '')} · "
               f"{f.get('quantity', '')}")
        out.append(_html.escape(text[pos:s]))
        out.append(f'<mark style="background:{colour}" title="{_html.escape(tip, quote=True)}">'
                   f"{_html.escape(text[s:e])}<sub style=\"font-size:70%;color:#555\">"
                   f"{_html.escape(str(f.get('quantity', '')))}</sub></mark>")
        pos = e
    out.append(_html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>\n")
    return f'<div style="font-family:sans-serif;line-height:1.6;max-width:60em">{body}</div>'


def figure_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures per article (rows, by file prefix) and unit (columns), with totals."""
    if figures.empty:
        return pd.DataFrame()
    df = figures.assign(article=figures["file"].astype(str).str.split("_").str[0])
    table = pd.crosstab(df["article"], df["unit"], margins=True, margins_name="total")
    table.columns.name = None
    return table


def highlight_story_html(articles: pd.DataFrame, figures: pd.DataFrame) -> str:
    """One HTML block per article: an escaped heading (file, outlet) and the text with its figures
    highlighted by highlight_figures_html. Every piece of article text is escaped."""
    parts = []
    for _, art in articles.sort_values("file").iterrows():
        own = figures[figures["file"] == art["file"]] if len(figures) else figures
        head = f"{art['file']} · {art.get('outlet') or 'outlet unknown'} · {len(own)} figures"
        parts.append(f"<h4>{_html.escape(head)}</h4>")
        parts.append(highlight_figures_html(art.get("text") or "", own))
    return "\n".join(parts)
