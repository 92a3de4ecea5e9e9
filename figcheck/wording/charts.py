"""wording/charts: TODO docstring."""
from __future__ import annotations

import math
import re

from figcheck.common.tables import cell_text, cell_float
from figcheck.wording.numbers import format_amount, format_range
from figcheck.wording.words import join_words


WORDS = {
    "de": {
        "outlet": ("Medium", "Medien"), "source": "Quelle", "consensus": "Konsens", "to": "bis",
        "only": "nur", "even": "sogar", "computed": "berechnet",
        "numbers": ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
                    "elf", "zwölf"],
        "hedge": {"approx": "rund ", "lower": "über ", "upper": "bis zu ", "range": "", "exact": "", "vague": ""},
        "stage": {"past": "früher", "early": "erste Meldung", "projected": "erwartet", "settled": "aktuell", "": ""},
        "status": {"contested": "umstritten", "agreed": "einig", "progression": "verändert",
                   "single_source": "nur eine Quelle"},
        "units": {"USD": "US-Dollar", "EUR": "Euro", "GBP": "Pfund", "CHF": "Franken", "percent": "Prozent",
                  "percentage_points": "Prozentpunkten"},
    },
    "en": {
        "outlet": ("outlet", "outlets"), "source": "Source", "consensus": "consensus", "to": "to",
        "only": "only", "even": "as much as", "computed": "computed",
        "numbers": ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve"],
        "hedge": {"approx": "about ", "lower": "more than ", "upper": "up to ", "range": "", "exact": "",
                  "vague": ""},
        "stage": {"past": "earlier", "early": "first report", "projected": "projected", "settled": "now", "": ""},
        "status": {"contested": "contested", "agreed": "agreed", "progression": "changed",
                   "single_source": "single source"},
        "units": {"USD": "US dollars", "EUR": "euros", "GBP": "pounds", "CHF": "Swiss francs",
                  "percent": "per cent", "percentage_points": "percentage points"},
    },
}


# ---------------------------------------------------------------------------
# Words (numbers: format_amount / format_range / format_number in helpers (section 0))
# ---------------------------------------------------------------------------
def count(n: int, language: str, capital: bool = True) -> str:
    """A small count as a word ("Vier", "three"), digits from 13 on."""
    words = WORDS[language]["numbers"]
    w = words[n] if 0 <= n < len(words) else str(n)
    if language == "de" and n == 1:
        w = "ein"
    return w[:1].upper() + w[1:] if capital else w


def join_some(items: list[str], language: str, k: int = 3) -> str:
    """Like join_words, but at most k items: 'A, B, C und 2 weitere' / 'A, B, C and 2 more'."""
    if len(items) <= k + 1:
        return join_words(items, language)
    more = f"{len(items) - k} weitere" if language == "de" else f"{len(items) - k} more"
    return join_words(items[:k] + [more], language)


def outlets_word(n: int, language: str) -> str:
    """'Medium'/'Medien', 'outlet'/'outlets' for n."""
    one, many = WORDS[language]["outlet"]
    return one if n == 1 else many


def lower_first(title: str, names) -> str:
    """The title to follow 'where': first letter lower-cased unless it starts with a name (outlet, source)."""
    if any(n and title.startswith(n) for n in names):
        return title
    return title[:1].lower() + title[1:]


def mid_sentence(label: str, language: str) -> str:
    """A label inside an English sentence: 'Deal amount' -> 'deal amount' (acronyms like 'AI spend' kept)."""
    if language == "en" and label[:1].isupper() and label[1:2].islower():
        return label[:1].lower() + label[1:]
    return label


def cap(s: str) -> str:
    """First letter upper-cased, the rest untouched."""
    return s[:1].upper() + s[1:]


def _hedge(text: str, qualifier: str, language: str) -> str:
    """The hedge as the article wrote it ("nahezu ", "more than "), else the language's generic word."""
    qualifier = cell_text(qualifier)
    if qualifier in ("exact", "range", "vague", ""):
        return ""
    words = []
    for w in cell_text(text).split():
        if re.match(r"^[\d$€£¥]", w) or not re.fullmatch(r"[^\W\d_]+", w):
            break
        words.append(w)
    lead = " ".join(words)
    if words and len(words) <= 3 and len(words) < len(cell_text(text).split()) and any(
            c.isdigit() for c in cell_text(text)):
        return lead.lower() + " "
    return WORDS[language]["hedge"].get(qualifier, "")


def figure_label(row: dict, language: str, quote_words: bool = True) -> str:
    """How a mark is labelled: hedge + formatted value; the quote itself when it has no digits
    ("fast die Hälfte"), unless quote_words is False."""
    text = cell_text(row.get("text"))
    if quote_words and text and not any(c.isdigit() for c in text):
        return f"„{text}“" if language == "de" else f"“{text}”"
    q = cell_text(row.get("qualifier"))
    if q == "range":
        lo, hi = cell_float(row.get("low")), cell_float(row.get("high"))
        if not (math.isnan(lo) or math.isnan(hi)):
            return format_range(lo, hi, row.get("unit"), language)
    return _hedge(text, q, language) + format_amount(row.get("value"), row.get("unit"), language)


def chart_quote(text: str, language: str) -> str:
    """A span in the language's quotation marks."""
    return f"„{text}“" if language == "de" else f"“{text}”"


def unit_words(unit: str, language: str) -> str:
    """'US-Dollar', 'per cent', ... for a subtitle; the code itself when unknown."""
    return WORDS[language]["units"].get(unit, unit if re.fullmatch(r"[A-Z]{3}", unit or "") else "")
