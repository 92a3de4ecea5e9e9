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
# two figures of one measure, the unit or scale printed once: "von 11,5 auf 9 Millionen Tonnen", "from 18.5 to
# 21-23 billion euros", "auf 12 von zuvor 16,5 Prozent"
PAIR_CONN = re.compile(r"[ ](?P<p>auf|to|von|from)[ ]")
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
                "kilobit", "mbit", "gbit", "kbit", "megapixel", "kilokalorien", "kcal", "dezibel", "barrel",
                # physical measures of industry: output, land, floor space, containers, power
                "barrels", "bpd", "boe", "boe/d", "moebd", "mboe/d", "fass", "kubikmeter", "cubic", "acre",
                "quadratfuß", "quadratfuss", "quadratkilometer", "quadratmetern", "sqft", "sq", "square", "teu",
                "standardcontainer", "äquivalente", "mw", "gw", "mwh", "megawattstunden", "gigawattstunden",
                "terawattstunden", "mah", "stundenkilometer", "stundenkilometern", "km/h", "hectares", "hectare",
                "megawatts", "gigawatts", "kilowatts", "megawatt-hours", "tonnen", "tons", "ounces", "unzen"}
# scale inside the unit: "2 MOEBD" is two million barrels of oil equivalent a day
MEASURE_SCALE = {"moebd": 1e6, "mboe/d": 1e3, "mmboe/d": 1e6, "mbpd": 1e3, "mmbpd": 1e6}
# spans of time after a number: a duration (unit other); decades and centuries count ten and a hundred
# years ("two decades" = 20, "gut drei Jahrzehnte" = 30)
TIME_UNITS = {w: 1.0 for w in (
    "tag", "tage", "tagen", "tages", "woche", "wochen", "monat", "monate", "monaten", "monats", "jahr", "jahre",
    "jahren", "jahres", "quartal", "quartale", "quartalen", "nacht", "nächte", "nächten", "day", "days", "week",
    "weeks", "month", "months", "year", "years", "night", "nights", "hour", "hours", "stunde", "stunden",
    "minute", "minuten", "minutes")}
TIME_UNITS.update({w: 10.0 for w in ("jahrzehnt", "jahrzehnte", "jahrzehnten", "decade", "decades")})
TIME_UNITS.update({w: 100.0 for w in ("jahrhundert", "jahrhunderte", "jahrhunderten", "century", "centuries")})
# the parties a story is about, counted only to refer back to them: "the two companies", "unsere beiden
# Häuser", "Switzerland's two biggest banks" (not figures); a determiner or possessive comes first
PARTY_NOUNS = frozenset("""
companies company firms banks lenders groups sides parties countries nations governments carmakers automakers
businesses rivals competitors partners institutions brothers sisters men women leaders teams clubs agencies
insurers airlines exchanges giants peers utilities operators producers unternehmen konzerne konzernen firmen
banken institute instituten häuser seiten parteien länder ländern staaten partner partnern rivalen
konkurrenten männer frauen brüder schwestern geldhäuser kreditinstitute versicherer
""".split())
REFERRING = frozenset("""
the our their its these those both other all die der den dem diese diesen dieser jene unsere unseren ihre ihren
beiden beide anderen alle allen
""".split())


def time_unit(word: str) -> float:
    """Years, months, days... in a span of time: 1.0, 10.0 for decades, 100.0 for centuries; 0.0
    when `word` is no unit of time."""
    return TIME_UNITS.get(word.lower(), 0.0)


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


def prev_word(text: str, s: int) -> str:
    """The word right before offset s (one space between), as written, or ''."""
    j = s - 1
    if j < 1 or text[j] != " ":
        return ""
    i = j
    while i > 0 and j - i < 30 and (text[i - 1].isalpha() or text[i - 1] in "'’"):
        i -= 1
    return text[i:j]


@lru_cache(maxsize=16384)
def is_measure(word: str) -> bool:
    """True for a unit of measurement or a multiplier ('km', 'Metern', 'Minuten', 'Mal', 'times')."""
    w = word.lower()
    if w in _MEASURES:
        return True
    for suffix in ("n", "en", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2 and w[: -len(suffix)] in _MEASURES:
            return True                   # "Metern", "hours"; not "men" or "ten" (m, t + en)
    return False


# words after a number that end like an adjective but are none: the noun after them is not counted
# ("las Müller 1980 sein Stück", "2000 seien es gewesen")
_NOT_ADJECTIVES_DE = frozenset("""
oder aber unter über wieder immer nur sein seine seinen seinem seiner seines ihre ihren ihrem ihrer ihres unsere
unseren unserem unserer einen einem einer eines diese diesen diesem dieser dieses jeden jedem jeder jedes alle
allen aller welche welchen seien waren wurden werden haben hatten einen denen deren dessen darin daran davon
gegen hinter neben zwischen vorher später""".split())


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
        if language == "en" and len(w) <= 3 and w.isupper() and w.isalpha():
            # "two US banks", "three EU states": an acronym names where, the noun follows
            w2 = next_word(text, end + 1 + len(w))
            return w2 if len(w2) > 2 and w2.islower() and w2 not in _FUNCTION_WORDS_EN else ""
        return w if language == "de" or len(w) > 2 else ""
    lw = w.lower()
    if language == "de" or lw in _FUNCTION_WORDS_EN:
        # German: one adjective may stand between number and noun ("drei neue Produkte")
        if language == "de" and len(lw) > 3 and lw[-1] in "enrs" and lw not in _NOT_ADJECTIVES_DE:
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
