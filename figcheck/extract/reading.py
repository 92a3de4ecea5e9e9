"""From one candidate match to a raw figure: value, unit and kind (number, vague amount, fraction,
ordinal, date), and whether a bare number is a figure at all.

from_match hands each kind of match to its reader: numbers in digits are read here (_read_digits),
numbers and vague amounts in words in number_words.py, fractions, ratios and splits in ratios.py,
ordinals and ranks in ordinals.py, multiples in multiples.py, dates, decades and fiscal years in
years.py. classify_plain decides what a bare number ("2016", "500") is."""
from __future__ import annotations

import math
import re

from figcheck.extract.context import (
    _FUNCTION_WORDS_EN, IDENTIFIER_WORDS, MEASURE_SCALE, NOT_PRODUCT, YEAR_CUES, count_noun, is_measure, next_word,
    time_unit, url_like
)
from figcheck.extract.hedges import strip
from figcheck.extract.labels import AGE_AFTER, AGE_BEFORE
from figcheck.extract.multiples import read_multiple
from figcheck.extract.number_words import read_compound, read_vague, read_word_number
from figcheck.extract.numbers import base, currency, parse_number, scale_value
from figcheck.extract.ordinals import read_numeric_ordinal, read_ordinal_word, read_superlative_ordinal, top_before
from figcheck.extract.ratios import DIGIT_AFTER, RATIO_AFTER, ratio_share, read_fraction, read_split
from figcheck.extract.vocabulary import MINOR, PERCENT
from figcheck.extract.years import read_date, read_decade, read_fiscal_year, read_year_er


# the alternatives of the two patterns, most frequent first (they exclude each other: one is set)
_TOP_GROUPS = ("num", "wnum", "vague", "date_dmon", "date_dmy", "date_iso", "date_mdy", "skip", "numord", "frac",
                  "ordw", "ordx", "mult", "comp", "decade", "yearer", "split", "fiscal")
# the reader of each other kind of candidate (a date: read_date; numbers in digits: _read_digits)
_READERS = {"numord": read_numeric_ordinal, "ordw": read_superlative_ordinal, "vague": read_vague,
            "frac": read_fraction, "wnum": read_word_number, "decade": read_decade, "yearer": read_year_er,
            "ordx": read_ordinal_word, "mult": read_multiple, "comp": read_compound, "split": read_split,
            "fiscal": read_fiscal_year}


def from_match(m: re.Match, text: str, language: str, pair: bool = False) -> dict | None:
    """Turn one candidate match into a raw figure (no hedge, range, label yet), or None.

    `pair` is True when the match is read as the second half of "9-10", "19-8".
    """
    kind = m.lastgroup
    if kind not in _TOP_GROUPS:
        kind = next((k for k in _TOP_GROUPS if k in m.re.groupindex and m.group(k) is not None), None)
    if kind == "skip":
        return None
    if kind and kind.startswith("date_"):
        return read_date(m, kind)
    reader = _READERS.get(kind)
    if reader is not None:
        return reader(m, text, language)
    return _read_digits(m, text, language, pair)


def _read_digits(m: re.Match, text: str, language: str, pair: bool) -> dict | None:
    """A number in digits with what is glued to it: currency, sign, scale word, percent, minor unit."""
    s, e = m.span()
    g = m.group
    cpre, sign, digits, scale_w, sscale, csuf, pct, pctadj, pmin = g("cpre", "sign", "digits", "scale", "sscale",
                                                                     "csuf", "pct", "pctadj", "pmin")
    if pmin:
        if language != "en" or cpre or scale_w or sscale:
            return None                       # "5p" outside an English price: not a figure
        csuf = "p"
    nstart = m.start("digits")
    first = s if cpre else (m.start("sign") if sign else nstart)
    p = text[first - 1] if first else " "
    if not cpre:
        if p.isalnum() or p in "_/\\#§":
            return None
        if p in "-‑" and first >= 2 and text[first - 2].isalpha():
            top = top_before(text, first)
            if top and not (scale_w or sscale or csuf or pct or pctadj) and digits.isdigit() and \
                    1 < int(digits) <= 100:
                v = float(digits)             # "Top-5-Liga", "a top-10 bank": a rank at most N
                return dict(base(first - top, e, v, "ordinal", "upper", 1.0, v), _kind="ordinal", _rank=True)
            return None                       # GPT-5, COVID-19
        if p == "." and first >= 2 and text[first - 2].isalnum():
            return None                       # version numbers, 1.2.3
        if p in "-–" and first >= 2 and text[first - 2].isdigit() and not pair:
            return None                       # second half of a pair left unread: "Leeds 1-1 Hull", "2014-15"
    if (p in "=?&@.:~" or (e < len(text) and text[e] in "/@_")) and url_like(text, first, e):
        return None
    value, dunit = parse_number(digits, language)
    if math.isnan(value):
        return None
    if sign and sign in "-−":
        value = -value
    cur = currency(cpre.strip() if cpre else None) or currency(csuf)
    minor = bool(csuf) and csuf.lower() in MINOR and not cpre
    if minor and language == "en" and csuf[0].isupper() and csuf.lower() in ("cent", "cents"):
        return None                           # "50 Cent" in English text is a name, not half a dollar
    if sscale and not cur and sscale not in ("bn", "mn", "tn"):
        if sscale not in "mk" or not _counted_after(text, e, digits):
            return None                       # "10m" without a currency: metres, not millions
    after = text[e] if e < len(text) else " "
    if after.isalnum() and not (after.isdigit()):
        return None
    scale = scale_value(scale_w or sscale, language)
    v = value * scale
    unit = ""
    if pct or pctadj:
        unit = PERCENT.get(" ".join((pct or "").lower().split()), "percent") if pct else "percent"
        if unit == "bp":
            unit, v = "percentage_points", v / 100.0
    elif cur:
        unit = cur
    elif minor:
        v = v / 100.0
        unit = MINOR[csuf.lower()] or ""
    scaled = bool(scale_w or sscale)
    plain = not (cpre or sign or scale_w or sscale or csuf or pct or pctadj)
    # base's keys and the reading's own, in one dict display
    fig = {"start": s, "end": e, "text": "", "value": v, "unit": unit, "qualifier": "exact", "low": v, "high": v,
           "quantity": "unclassified", "sentence": "", "sentence_start": s,
           "_kind": "number", "_scaled": scaled, "_digit_unit": dunit * scale, "_plain": plain,
           "_int4": plain and len(digits) == 4 and digits.isdigit(), "_minor": minor and not unit,
           "_digits": digits, "_mult": (v / value) if value else scale, "_sub": minor}
    if scaled and not unit:
        # a unit of measurement after the number ('800 km'), keeping the next word for count_noun
        hyphen = e < len(text) and text[e] == "-"
        w0 = next_word(text, e + 1 if hyphen else e)
        if _measure_after(text, e, w0, language):
            fig["unit"] = "other"             # "15 million tonnes", "1.4 million net acres"
        else:
            noun = count_noun(text, e, language, None if hyphen else w0)
            if noun:
                fig["unit"] = "count"
                fig["_noun"] = noun
    return fig


# nouns after "300m" that make it a count of millions, not metres ("1.4m workers"); sport distances stay out
_NOT_COUNTED = frozenset("race races sprint hurdles freestyle butterfly backstroke breaststroke relay final dash "
                         "medley run title record gold silver bronze tall long high deep wide away above below "
                         "from of in to".split())
_COUNTED_IRREGULAR = frozenset(("people", "children", "men", "women", "staff", "police", "cattle", "personnel"))


# race distances in metres ("the 100m and 200m titles"): a count of millions only before people
_RACE_METRES = frozenset(("60", "100", "110", "200", "400", "800", "1500", "1,500", "3000", "5000", "5,000",
                          "10000", "10,000"))


def _counted_after(text: str, e: int, digits: str = "") -> bool:
    """True when the word after "1.4m" / "300k" is a plural noun: a count of millions or thousands."""
    if e >= len(text) or text[e] != " ":
        return False
    w = next_word(text, e)
    if len(w) < 3 or not w.islower() or w in _NOT_COUNTED or is_measure(w):
        return False
    if digits in _RACE_METRES:
        return w in _COUNTED_IRREGULAR
    return w in _COUNTED_IRREGULAR or w.endswith("s") and not w.endswith("ss")


def _measure_after(text: str, e: int, w0: str, language: str) -> bool:
    """True when a unit of measurement follows the number: the next word, either end of a hyphenated
    word ("zwanzig-Fuß-Äquivalente"), or the word after one lowercase adjective ("net acres",
    "intensiven Minuten")."""
    if not w0:
        return False
    if is_measure(w0.split("-")[0]) or "-" in w0 and is_measure(w0.rsplit("-", 1)[-1]):
        return True
    if w0.islower() and len(w0) > 2 and e < len(text) and text[e] == " " and (
            w0 not in _FUNCTION_WORDS_EN if language == "en" else w0.endswith(("e", "en", "er", "es", "em"))
            and w0 not in ("pro", "je", "bis", "oder", "und", "eine", "einen", "einer", "seine", "ihre", "über")):
        w1 = next_word(text, e + 1 + len(w0))
        return bool(w1) and is_measure(w1) and not time_unit(w1) and (w1.islower() or language == "de")
    return False


# capitalised words after a model number that keep it a name ("iPhone 7 Plus", "Windows 10 Home")
_PRODUCT_TAILS = frozenset("plus pro max mini ultra edge lite air neo gt xl se prime go note home mobile "
                           "professional enterprise classic".split())
_ARTICLES = frozenset("der die das den dem des einer eines the of in im seit since during".split())


def _named_figure(fig: dict, text: str, toks: list[str], language: str, is_year_shape: bool) -> bool:
    """A bare number after a capitalised word that is a figure after all, not a model name: after a
    possessive ("SVB's 17 branches", "Petroleum's 2019 purchase"), a year after an article and a noun
    ("in der Finanzkrise 2008"), or (German) a count before a noun ("Monaten 198 Zivilisten")."""
    prev_tok = toks[-1]
    e = fig["end"]
    nxt = next_word(text, e) if e < len(text) and text[e] == " " else ""
    if prev_tok.endswith(("'s", "’s")) and nxt[:1].islower():
        return True
    if is_year_shape and (len(toks) > 1 and strip(toks[-2]) in _ARTICLES or
                          language == "de" and 1950 <= fig["value"] <= 2050 and not prev_tok.isupper()):
        return True                           # "in der Finanzkrise 2008", "alle diese Firmen 2023"
    if language == "de" and nxt[:1].isupper() and nxt.lower() not in _PRODUCT_TAILS and len(nxt) > 2 and \
            not nxt.isupper() and (fig["value"] >= 50 or fig["value"] >= 2 and
                                   prev_tok.endswith(("en", "ern", "ung", "heit", "keit"))):
        return True                           # "nach Monaten 198 Zivilisten", "Montagfrüh 7.000 Helfer"
    return False


def classify_plain(fig: dict, text: str, language: str, toks: list[str], n_before: int) -> bool:
    """Decide the unit of a bare number (year, count, other) or drop it (product names, footnotes,
    identifiers). Returns False when the number is not a figure.

    The rules in order, the first that decides wins: marks and codes (_marks_no_figure), an age, a
    product or model name (_model_name), a number left over by a ratio or the text's end (_left_over),
    a ratio ("1 in 10"), an ordinal or a rank (_ordinal_or_rank), a span of time or a measure after
    it (_unit_after); else a year, a count of the noun after it, or other.
    """
    s, e = fig["start"], fig["end"]
    prev = text[s - 1] if s else " "
    nxt = text[e] if e < len(text) else " "
    prev_tok = toks[-1] if toks else ""
    pt = strip(prev_tok)
    if _marks_no_figure(fig, text, language, prev, nxt, prev_tok, pt):
        return False
    if nxt in "-j " and AGE_AFTER.match(text, e, e + 12) is not None or pt == "aged" or \
            pt in ("of", "von") and len(toks) > 1 and strip(toks[-2]) in AGE_BEFORE:
        fig["unit"] = "other"                 # an age ("35-jährige", "a 42-year-old", "aged 80"): not a count
        return True
    v = fig["value"]
    is_year_shape = fig["_int4"] and (1000 <= v <= 2199 if YEAR_CUES.__contains__(pt) else 1800 <= v <= 2100)
    year_cue = pt in YEAR_CUES or pt.endswith(("jahr", "jahres", "quartal", "quartals"))
    if _model_name(fig, text, language, toks, n_before, prev, is_year_shape, year_cue):
        return False
    if _left_over(text, s, e, v, nxt, pt):
        return False
    ratio = ratio_share(text, s, e, language) if prev == " " else None
    if ratio is not None:
        fig.update(ratio)                     # "1 in 10 voters" -> 10 percent
        return True
    # the word after the number (after its hyphen: '10-year'), for the unit, the rank and count_noun
    hyphen = e < len(text) and text[e] == "-"
    w0 = next_word(text, e + 1 if hyphen else e)
    if _ordinal_or_rank(fig, text, language, nxt, prev_tok, pt, hyphen, w0):
        return True
    if _unit_after(fig, text, language, w0):
        return True
    noun = count_noun(text, e, language, None if hyphen else w0)
    if is_year_shape and (year_cue or not noun or noun.isupper() or language == "en"):
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


def _marks_no_figure(fig: dict, text: str, language: str, prev: str, nxt: str, prev_tok: str, pt: str) -> bool:
    """True when the marks around a bare number or the token before it make it no figure: a footnote
    marker, a list marker, an enumeration, a code with leading zeros, an identifier ("Nr. 5", "#3"), a
    road or grade name ("A 67")."""
    s, e = fig["start"], fig["end"]
    if prev == "[" and nxt == "]":
        return True                           # footnote marker [3]
    if prev == "(" and nxt == ")" and abs(fig["value"]) < 100 and not fig["_int4"]:
        return True                           # list marker (2)
    if nxt == "." and e + 1 < len(text) and text[e + 1] == " " and (s == 0 or text[s - 1] == "\n"):
        return True                           # enumeration "1. "
    digits = fig.get("_digits", "")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return True                           # "000", "0049": codes and broken numbers, not amounts
    if pt in IDENTIFIER_WORDS or prev_tok in ("#", "§"):
        return True
    if len(prev_tok) == 1 and prev_tok.isupper() and prev == " " and not (language == "en" and prev_tok in "AI"):
        return True                           # road and grade names: A 67, B 96, Q 3
    return False


def _model_name(fig: dict, text: str, language: str, toks: list[str], n_before: int, prev: str,
                is_year_shape: bool, year_cue: bool) -> bool:
    """True when a bare number belongs to a product or model name: a capitalised word (not a function
    word, no year cue) right before it ("Windows 10", "iPhone 7"), unless _named_figure finds it a
    figure after all."""
    prev_tok = toks[-1] if toks else ""
    pt = strip(prev_tok)
    # product and model names: a capitalised word (not a function word) right before the number
    # (a rest that is all lowercase has no capital: the character loop runs only otherwise)
    if prev == " " and prev_tok and (prev_tok[0].isupper() or not prev_tok[1:].islower() and
                                     any(c.isupper() for c in prev_tok[1:])) \
            and prev_tok[-1].isalnum() and pt not in NOT_PRODUCT and not year_cue:
        mixed = any(c.isupper() for c in prev_tok[1:]) or any(c.isdigit() for c in prev_tok)
        if (mixed or n_before != 1 or language == "en") and not _named_figure(fig, text, toks, language, is_year_shape):
            return True
    return False


def _left_over(text: str, s: int, e: int, v: float, nxt: str, pt: str) -> bool:
    """True for a bare number that is no figure of its own: a counter left after the last sentence, the
    1 of "1 share for every 22.48", the first term of "3 out of 4" (the ratio is read at its second)."""
    if s >= 2 and text[s - 1] == " " and text[s - 2] in ".!?" and (e == len(text) or text[e] in "\n " and
                                                                  not text[e:e + 200].strip()):
        return True                           # a counter left after the last sentence ("... meltdowns. 219")
    if v == 1 and text.find(" for every ", e, e + 40) >= 0:
        return True                           # "1 UBS share for every 22.48": a ratio, read as its second term
    if nxt == " " and text.startswith((" in ", " out of ", " von "), e) and RATIO_AFTER.match(text, e) \
            and v == int(v) and v < 1000 and (v == 1 or not text.startswith(" in ", e)) and \
            pt not in ("platz", "rang", "rank", "position"):
        nd = DIGIT_AFTER.match(text, e)
        if nd is None or not (len(nd.group(1)) == 4 and 1800 <= int(nd.group(1)) <= 2100):
            return True                       # "3 out of 4": the ratio is read at its second number
    return False


def _ordinal_or_rank(fig: dict, text: str, language: str, nxt: str, prev_tok: str, pt: str, hyphen: bool,
                     w0: str) -> bool:
    """True when a bare number is an ordinal or a rank, with fig set so: a German ordinal ("3. Etappe",
    "(38.)"), a place ("Platz 3", "rank 5"), the top N ("the top 10 banks": a rank at most N)."""
    s, e = fig["start"], fig["end"]
    v = fig["value"]
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
    if pt == "top" and float(v).is_integer() and 1 < v <= 100 and (hyphen or w0[:1].islower() or
                                                                  language == "de" and w0[:1].isupper()):
        fig["unit"], fig["qualifier"], fig["low"] = "ordinal", "upper", 1.0    # "the top 10 banks"
        fig["_kind"], fig["_rank"] = "ordinal", True
        fig["start"] = text.rfind(prev_tok, max(0, s - 40), s)
        return True
    return False


def _unit_after(fig: dict, text: str, language: str, w0: str) -> bool:
    """True when the word after a bare number makes it unit other, value scaled: a span of time ("vor
    knapp 20 Jahren", "a 10-year bond", "2 decades" -> 20) or a unit of measurement ("800 km", "2 MOEBD")."""
    e = fig["end"]
    v = fig["value"]
    tmul = time_unit(w0.split("-")[0]) if w0 else 0.0
    if tmul:
        # a span of time: "vor knapp 20 Jahren", "the 30 days prior", "a 10-year bond", "2 decades" (20)
        fig["unit"] = "other"
        fig["value"] = fig["low"] = fig["high"] = v * tmul
        fig["_mult"] = tmul
        fig["_digit_unit"] = fig.get("_digit_unit", 1.0) * tmul
        return True
    if _measure_after(text, e, w0, language):
        fig["unit"] = "other"
        k = MEASURE_SCALE.get(w0.lower())
        if k:
            fig["value"] = fig["low"] = fig["high"] = v * k          # "2 MOEBD": two million barrels a day
            fig["_mult"] = k
        return True
    return False
