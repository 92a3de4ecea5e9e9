"""From one candidate match to a raw figure: value, unit and kind (number, vague amount, fraction,
ordinal, date), and whether a bare number is a figure at all."""
from __future__ import annotations

import math
import re

from figcheck.extract.context import (
    IDENTIFIER_WORDS, NOT_PRODUCT, RANGE_CONN, YEAR_CUES, count_noun,
    is_measure, next_word, url_like
)
from figcheck.extract.hedges import strip
from figcheck.extract.labels import AGE_AFTER, AGE_BEFORE, COMPANY_NOUNS
from figcheck.extract.numbers import (
    base, currency, date_value, parse_number, scale_value, word_value
)
from figcheck.extract.vocabulary import FRACTIONS, MINOR, ORDINAL_WORDS, PERCENT, VAGUE


_TOP_GROUPS = ("date_iso", "date_dmy", "date_dmon", "date_mdy", "skip", "numord", "num", "frac", "wnum", "ordw",
                  "vague")


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
        return _read_date(m, kind)
    reader = _READERS.get(kind)
    if reader is not None:
        return reader(m, text, language)
    return _read_digits(m, text, language, pair)


def _read_date(m: re.Match, kind: str) -> dict | None:
    """A calendar date ("11. September 2024", "2024-09-11"): unit date."""
    s, e = m.span()
    v = date_value(kind, m.group())
    if math.isnan(v):
        return None
    return dict(base(s, e, v, "date", "exact", v, v), _kind="date")


def _read_numeric_ordinal(m: re.Match, text: str, language: str) -> dict | None:
    """An ordinal in digits ("3rd", "21st place")."""
    s, e = m.span()
    if s and text[s - 1].isalnum():
        return None
    v = float(re.match(r"[0-9]+", m.group()).group())
    return dict(base(s, e, v, "ordinal", "exact", v, v), _kind="ordinal", _rank=" " in m.group() or
                "-" in m.group())


def _read_word_ordinal(m: re.Match, text: str, language: str) -> dict | None:
    """An ordinal in words that ranks ("zweitgrößte", "third-largest")."""
    s, e = m.span()
    w = m.group().lower()
    v = float(next((n for stem, n in ORDINAL_WORDS.items() if w.startswith(stem)), math.nan))
    return dict(base(s, e, v, "ordinal", "exact", v, v), _kind="ordinal", _rank=True)


def _read_vague(m: re.Match, text: str, language: str) -> dict | None:
    """A vague amount ("Milliarden", "billions", "Milliardensumme", "dozens"): no number, an interval."""
    s, e = m.span()
    w = m.group("vword").lower()
    for stem, lo, hi, vk in VAGUE:
        if w.startswith(stem):
            break
    else:
        return None
    rest = w[len(stem):].strip("-")
    if rest and stem in ("milliarden", "millionen", "billionen"):
        lo = lo / 2          # compounds: "Milliardensumme", "milliardenschwer" are one billion or more
    cur = currency(m.group("vcsuf"))
    if stem.endswith("-"):
        cur = cur or currency(rest.split("-")[0].rstrip("s") if rest else "")
    fig = base(s, e, math.nan, cur or "", "vague", lo, hi)
    fig["_kind"] = "vague"
    fig["_vkind"] = "money" if cur else vk
    if not cur and vk == "money" and not stem.endswith("-") and not rest:
        # "millions of us", "Millionen Zuschauer": a count when a noun, not a currency, follows
        nxt = next_word(text, e)
        if language == "en" and nxt.lower() == "of":
            nxt = next_word(text, e + 1 + len(nxt))
            if nxt and not currency(nxt) and nxt.lower() not in ("pounds", "dollars", "euros"):
                fig["_vkind"] = "count"
        elif nxt[:1].isupper() and not currency(nxt) and e < len(text) and text[e] == " ":
            fig["_vkind"] = "count"
    fig["_own"] = rest if len(rest) > 2 else ""
    if rest.startswith("schwer") or rest in ("dollar", "euro", "pound"):
        # "ein milliardenschweres Unternehmen", "a billion-dollar company": a company worth that much
        noun = next_word(text, e).lower()
        fig["_own"] = noun
        if noun in COMPANY_NOUNS:
            fig["_company"] = True
    fig["_bare"] = not rest
    return fig


def _read_fraction(m: re.Match, text: str, language: str) -> dict | None:
    """A fraction of a whole ("die Hälfte", "a third of", "zwei Drittel"): percent."""
    s, e = m.span()
    g = m.group("frac")
    parts = g.replace("-", " ").split()
    word = parts[-1].lower()
    frac = FRACTIONS.get(word)
    if frac is None:
        return None
    det = parts[0].lower() if len(parts) > 1 else ""
    after = next_word(text, e).lower()
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
        n = word_value(det, language) or math.nan
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
    fig = base(s, e, v, "percent", "exact", v, v)
    fig["_kind"] = "fraction"
    return fig


def _read_word_number(m: re.Match, text: str, language: str) -> dict | None:
    """A number in words ("zwei Milliarden Euro", "three million", "fünf Prozent", "drei Tage")."""
    s, e = m.span()
    prev = text[s - 1] if s else " "
    g = m.group
    if prev.isalnum() or prev == "-":
        return None
    raw = g("wsmall") or g("cardde") or g("carden") or g("wnum").split()[0]
    n = word_value(raw.split()[0] if raw else "", language)
    if n is None:
        return None
    scale = scale_value(g("wscale"), language)
    pct = g("wpct")
    cur = currency(g("wcsuf"))
    minor = (g("wcsuf") or "").lower() in MINOR
    noun = ""
    range_start = False
    if not (g("wscale") or pct or cur or minor):
        noun = count_noun(text, e, language) if n >= 2 else ""
        if not noun:
            rc = RANGE_CONN.match(text, e)
            if rc is None or rc.group("c").strip() not in ("bis", "to", "-", "–", "und", "and", "or", "oder"):
                return None
            range_start = True            # "zwei bis drei Milliarden": kept only if a range follows
    elif g("wscale") and not (pct or cur or minor):
        noun = count_noun(text, e, language)
    v = n * scale
    unit = ""
    if pct:
        unit = PERCENT.get(pct.lower(), "percent")
    elif cur:
        unit = cur
    elif minor:
        v = v / 100.0
        unit = MINOR[(g("wcsuf") or "").lower()] or ""
    if noun and language == "en" and noun[0].isupper():
        return None                       # "Six Nations", "Three Lions": a name
    if noun:
        unit = "other" if is_measure(noun) else "count"
    fig = base(s, e, v, unit, "exact", v, v)
    fig["_noun"] = noun
    fig["_kind"] = "number"
    fig["_scaled"] = bool(g("wscale"))
    fig["_digit_unit"] = scale
    fig["_words"] = True
    fig["_minor"] = minor and not unit
    fig["_sub"] = minor
    fig["_mult"] = scale / 100.0 if minor else scale
    if range_start:
        fig["unit"] = "count"
        fig["_plain"] = True
        fig["_range_only"] = True
    return fig


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
    if sscale and not cur:
        return None                           # "10m" without a currency: metres, not millions
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
        if is_measure(w0.split("-")[0]):
            fig["unit"] = "other"             # "15 million tonnes"
        else:
            noun = count_noun(text, e, language, None if hyphen else w0)
            if noun:
                fig["unit"] = "count"
                fig["_noun"] = noun
    return fig


_READERS = {"numord": _read_numeric_ordinal, "ordw": _read_word_ordinal, "vague": _read_vague,
            "frac": _read_fraction, "wnum": _read_word_number}


def classify_plain(fig: dict, text: str, language: str, toks: list[str], n_before: int) -> bool:
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
    pt = strip(prev_tok)
    if pt in IDENTIFIER_WORDS or prev_tok in ("#", "§"):
        return False
    if len(prev_tok) == 1 and prev_tok.isupper() and prev == " " and not (language == "en" and prev_tok in "AI"):
        return False                          # road and grade names: A 67, B 96, Q 3
    if nxt in "-j " and AGE_AFTER.match(text, e, e + 12) is not None or pt == "aged" or \
            pt in ("of", "von") and len(toks) > 1 and strip(toks[-2]) in AGE_BEFORE:
        fig["unit"] = "other"                 # an age ("35-jährige", "a 42-year-old", "aged 80"): not a count
        return True
    v = fig["value"]
    is_year_shape = fig["_int4"] and (1000 <= v <= 2199 if YEAR_CUES.__contains__(pt) else 1800 <= v <= 2100)
    year_cue = pt in YEAR_CUES or pt.endswith(("jahr", "jahres", "quartal", "quartals"))
    # product and model names: a capitalised word (not a function word) right before the number
    # (a rest that is all lowercase has no capital: the character loop runs only otherwise)
    if prev == " " and prev_tok and (prev_tok[0].isupper() or not prev_tok[1:].islower() and
                                     any(c.isupper() for c in prev_tok[1:])) \
            and prev_tok[-1].isalnum() and pt not in NOT_PRODUCT and not year_cue:
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
    # a unit of measurement after the number ('800 km'), keeping the next word for count_noun
    hyphen = e < len(text) and text[e] == "-"
    w0 = next_word(text, e + 1 if hyphen else e)
    if is_measure(w0.split("-")[0]):
        fig["unit"] = "other"
        return True
    noun = count_noun(text, e, language, None if hyphen else w0)
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
