"""The words around a figure: years and months, product names, identifiers, units of measurement,
the noun a number counts."""
from __future__ import annotations

import re
from functools import lru_cache

from figcheck.extract.scanner import MONTHS_DE, MONTHS_EN
from figcheck.extract.vocabulary import SCALES


# words that may sit before "über"/"over" without making it a hedge, though capitalised
TIME_NOUNS = {"jahr", "jahre", "jahren", "monat", "monate", "monaten", "woche", "wochen", "tag", "tage",
                  "tagen", "quartal", "zeitraum", "insgesamt"}
# words after "over" that make it "during", not "more than"
DURATION = {"years", "year", "months", "month", "weeks", "week", "days", "decades", "hours", "jahre", "jahren",
                "monate", "monaten", "wochen", "tage", "tagen", "jahrzehnte"}
RANGE_CONN = re.compile(r"-?(?P<c>[ ]?(?:-|–|—)[ ]?|[ ](?:bis|to|und|and|or|oder)[ ])")
YEAR_CUES = {"jahr", "jahre", "jahres", "jahren", "im", "seit", "bis", "ab", "von", "vor", "nach", "anfang",
                 "ende", "mitte", "frühjahr", "frühling", "sommer", "herbst", "winter", "in", "since", "until",
                 "by", "from", "year", "early", "late", "mid", "für", "for", "zwischen", "between", "of",
                 "geschäftsjahr", "geschäftsjahres", "saison", "quartal", "stand", "während", "during", "um",
                 "around", "circa", "ca.", "etwa", "before", "after", "spring", "summer", "autumn", "fall",
                 "end", "start", "beginning", "fiscal", "q1", "q2", "q3", "q4"}
_MONTH_WORDS = {m.lower().rstrip(".") for m in (MONTHS_DE + "|" + MONTHS_EN).replace("\\", "").split("|")}
YEAR_CUES |= _MONTH_WORDS
# capitalised words that may stand right before a bare number without it being a product name
NOT_PRODUCT = YEAR_CUES | {
    "the", "a", "an", "der", "die", "das", "den", "dem", "des", "ein", "eine", "im", "am", "um", "auf", "mit",
    "bei", "zu", "zum", "zur", "aus", "und", "oder", "aber", "doch", "nur", "noch", "schon", "bereits", "erst",
    "insgesamt", "damals", "heute", "jetzt", "mehr", "weitere", "alle", "diese", "dieser", "jeder", "jede",
    "only", "just", "about", "all", "some", "nearly", "almost", "over", "under", "these", "those", "another",
    "and", "or", "but", "with", "at", "on", "to", "per", "je", "pro", "platz", "rang", "rank", "no.", "nr.",
    "weitere", "rund", "etwa", "über", "fast", "knapp", "nahezu", "gut", "bis", "laut", "allein", "gerade",
    "mal", "top", "both", "beide", "total", "nun", "dann", "damit", "so", "als", "wie", "when", "as", "than",
    "because", "weil", "dass", "that", "which", "who", "while", "with", "without", "ohne", "gegen", "against",
}
IDENTIFIER_WORDS = {"nr.", "no.", "nummer", "number", "#", "artikel", "art.", "paragraf", "paragraph", "§",
                        "abs.", "kapitel", "chapter", "seite", "s.", "page", "p.", "pp.", "vol.", "band", "heft",
                        "issue", "folge", "episode", "staffel", "season", "version", "v.", "tel.", "fax",
                        "telefon", "phone", "postfach", "plz", "zimmer", "room", "gate", "flight", "flug",
                        "linie", "line", "route", "highway", "bus", "kw", "figure", "abbildung", "abb.",
                        "tabelle", "table", "grafik"}
_FUNCTION_WORDS_EN = {
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
_MEASURES = {"km", "m", "cm", "mm", "kg", "g", "t", "h", "min", "sek", "gb", "tb", "mb", "ghz", "mhz", "mw",
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


_NEXT_WORD = re.compile(r"[ \u00a0\u202f]?((?:[^\W\d_]|-)*)")


def next_word(text: str, end: int) -> str:
    """The word right after `end` (skipping one space), as written, or ''.

    The letters and hyphens, at most 40 of them; one regex match does it, and the character loop
    runs only when the match holds a non-letter word character (superscripts, roman numerals).
    """
    n = len(text)
    m = _NEXT_WORD.match(text, end, min(n, end + 41))
    j = m.start(1)
    w = m.group(1)[:40]
    if not w or w.isalpha() or w.replace("-", "").isalpha() or w.strip("-") == "":
        return w
    k = j
    while k < n and k - j < 40 and (text[k].isalpha() or text[k] == "-"):
        k += 1
    return text[j:k]


@lru_cache(maxsize=16384)
def is_measure(word: str) -> bool:
    """True for a unit of measurement or a multiplier ('km', 'Metern', 'Minuten', 'Mal', 'times')."""
    w = word.lower()
    if w in _MEASURES:
        return True
    for suffix in ("n", "en", "s", "e"):
        if w.endswith(suffix) and w[: -len(suffix)] in _MEASURES:
            return True
    return False


def count_noun(text: str, end: int, language: str, w: str | None = None) -> str:
    """The countable noun after a number ('Mitarbeiter', 'employees'), or '' when none follows;
    `w` is next_word(text, end) when the caller has it already."""
    if w is None:
        w = next_word(text, end)
    if not w or end < len(text) and not text[end].isspace():
        return ""
    if w[0].isupper():
        lw = w.lower()
        if lw in _MONTH_WORDS or lw in ("uhr", "und", "bis", "oder") or lw in SCALES:
            return ""
        return w if language == "de" or len(w) > 2 else ""
    lw = w.lower()
    if language == "de" or lw in _FUNCTION_WORDS_EN:
        # German: one adjective may stand between number and noun ("drei neue Produkte")
        if language == "de" and len(lw) > 3 and lw[-1] in "enrs" and lw not in ("oder", "aber", "unter", "über",
                                                                              "wieder", "immer", "nur"):
            w2 = next_word(text, end + 1 + len(w))
            if w2 and w2[0].isupper() and w2.lower() not in _MONTH_WORDS:
                return w2
        return ""
    return w if len(w) > 2 else ""


def url_like(text: str, start: int, end: int) -> bool:
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
