"""Numbers as written: digits with German or English separators, number words, scale words,
currencies, dates."""
from __future__ import annotations

import math
import re
from functools import lru_cache

from figcheck.extract.vocabulary import CURRENCY, SCALES, SCALES_DE, WORD_NUM


@lru_cache(maxsize=16384)
def parse_number(digits: str, language: str) -> tuple[float, float]:
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
def word_value(word: str, language: str) -> float | None:
    """Value of a number word ('drei', 'fünfundzwanzig', 'twenty-five', 'eine'), or None."""
    w = word.lower()
    if w in WORD_NUM:
        return float(WORD_NUM[w])
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


# ---------------------------------------------------------------------------
# From a regex match to a figure
# ---------------------------------------------------------------------------
def scale_value(word: str | None, language: str) -> float:
    """Multiplier of a scale word ('Mrd.' -> 1e9; 'Billion' -> 1e12 in German, 1e9 in English)."""
    if not word:
        return 1.0
    w = word.lower()
    if language == "de" and w in SCALES_DE and word[0] == "B":
        return SCALES_DE[w]
    return SCALES.get(w, 1.0)


@lru_cache(maxsize=4096)
def currency(word: str | None) -> str:
    """ISO 4217 code of a currency word or symbol, '' when it is none."""
    if not word:
        return ""
    w = " ".join(word.lower().split())
    return CURRENCY.get(w, "")


def date_value(kind: str, s: str) -> float:
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
            mo = next(i for i, names in enumerate(_MONTH_LIST, 1) if word in names)
            d = int(nums[0])
            y = int(nums[1]) if len(nums) > 1 else 0
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return math.nan
        return float(y * 10000 + mo * 100 + d)
    except (ValueError, StopIteration, AttributeError, IndexError):
        return math.nan


_MONTH_LIST = [
    {"januar", "jänner", "jan", "january"}, {"februar", "feb", "february"}, {"märz", "mär", "march", "mar"},
    {"april", "apr"}, {"mai", "may"}, {"juni", "jun", "june"}, {"juli", "jul", "july"}, {"august", "aug"},
    {"september", "sep", "sept"}, {"oktober", "okt", "october", "oct"}, {"november", "nov"},
    {"dezember", "dez", "december", "dec"},
]


def base(start: int, end: int, value: float, unit: str, qualifier: str, low: float, high: float) -> dict:
    """A figure dict with the contract keys (text, quantity and sentence filled in later)."""
    return {"start": start, "end": end, "text": "", "value": value, "unit": unit, "qualifier": qualifier,
            "low": low, "high": high, "quantity": "unclassified", "sentence": "", "sentence_start": start}
