"""From one candidate match to a raw figure: value, unit and kind (number, vague amount, fraction,
ordinal, date), and whether a bare number is a figure at all."""
from __future__ import annotations

import math
import re

from figcheck.extract.context import (
    _FUNCTION_WORDS_EN, IDENTIFIER_WORDS, MEASURE_SCALE, NOT_PRODUCT, PAIR_CONN, PARTY_NOUNS, RANGE_CONN,
    REFERRING, YEAR_CUES, count_noun, is_measure, next_word, time_unit, url_like
)
from figcheck.extract.hedges import strip
from figcheck.extract.labels import AGE_AFTER, AGE_BEFORE, COMPANY_NOUNS
from figcheck.extract.numbers import (
    base, currency, date_value, parse_number, scale_value, word_value
)
from figcheck.extract.vocabulary import FRACTIONS, MINOR, ORDINAL_WORDS, PERCENT, VAGUE


# the alternatives of the two patterns, most frequent first (they exclude each other: one is set)
_TOP_GROUPS = ("num", "wnum", "vague", "date_dmon", "date_dmy", "date_iso", "date_mdy", "skip", "numord", "frac",
                  "ordw", "ordx", "mult", "comp", "decade", "yearer", "split", "fiscal")


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


_VAGUE_ONE_WORD = [v for v in VAGUE if " " not in v[0]]


def _read_vague(m: re.Match, text: str, language: str) -> dict | None:
    """A vague amount ("Milliarden", "billions", "Milliardensumme", "dozens"): no number, an interval."""
    s, e = m.span()
    w = m.group("vword").lower()
    for stem, lo, hi, vk in (VAGUE if " " in w else _VAGUE_ONE_WORD):
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
    if after == "of" and text.startswith((" of a million", " of a billion", " of a trillion"), e):
        return None                           # "a quarter of a million": read with its scale word
    if word in ("hälfte",):
        if not det:
            return None
        n = 1.0
    elif word in ("half",):
        if det not in ("", "a", "one") or after not in ("of", "the", "its", "their", "his", "her", "a", "an",
                                                     "our", "all"):
            return None
        if after in ("a", "an") and time_unit(next_word(text, e + 1 + len(after))):
            return None                       # "half an hour", "half a century": a span of time, not a share
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
        elif after not in ("der", "des", "aller", "von", "seiner", "ihrer", "unserer", "davon", "dessen", "deren",
                           "hiervon", "daran", "ihres", "seines", "unseres", "dieser", "dieses") and \
                not (after[:1].isupper()):
            return None                       # "zwei Drittel der Aktien", "knapp ein Drittel davon"
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
    if g("whalf"):
        n = 0.5                           # "eine halbe Milliarde", "half a million", "ein halbes Dutzend"
    elif g("wsmall") in ("a", "an") and text.endswith(("quarter of ", "third of ", "half of "), max(0, s - 11), s):
        # "a quarter of a million": the fraction of the scale word, the fraction's words in the span
        k = text.rfind(" ", 0, s - 4)
        word = text[k + 1:s].split()[0]
        n = {"quarter": 0.25, "third": 1 / 3, "half": 0.5}[word]
        s = k + 1
        if word != "half" and text.endswith((" a", " one"), 0, k) or text.endswith(("A", "One"), 0, k):
            s = text.rfind(" ", 0, k - 1) + 1 if text.rfind(" ", 0, k - 1) >= 0 else 0
    else:
        raw = g("wsmall") or g("cardde") or g("carden") or g("wnum").split()[0]
        n = word_value(raw.split()[0] if raw else "", language)
    if n is None:
        return None
    ratio = _ratio(text, s, e, language)
    if ratio is not None:
        return ratio                      # "one in six", "three out of four": a share in percent
    if text.startswith((" in ", " out of ", " von "), e) and _RATIO_AFTER.match(text, e) and \
            not (g("wscale") or g("wpct") or g("wcsuf")):
        return None                       # the first number of a ratio: read with the second
    top = _top_before(text, s)
    if top and not (g("wscale") or g("wpct") or g("wcsuf")) and n >= 2 and float(n).is_integer():
        # "the top five banks", "unter die Top Ten": a rank at most n
        nxt = next_word(text, e)
        if nxt and (nxt[0].islower() if language == "en" else nxt[0].isupper()) or text[e:e + 1] == "-":
            fig = base(s - top, e, n, "ordinal", "upper", 1.0, n)
            return dict(fig, _kind="ordinal", _rank=True)
    scale = scale_value(g("wscale"), language)
    pct = g("wpct")
    cur = currency(g("wcsuf"))
    minor = (g("wcsuf") or "").lower() in MINOR
    noun = ""
    range_start = False
    tmul = 0.0
    if not (g("wscale") or pct or cur or minor):
        small = (g("wsmall") or "").lower() == "one"
        noun = count_noun(text, e, language) if n >= 2 or small else ""
        if not noun and n >= 2 and text.startswith(" times", e):
            noun = "times"                # "five or six times": a multiple
        if small and not (noun and time_unit(noun) and _prev_word(text, s).lower() in _ONE_BEFORE):
            return None                   # "one day" only as a span: "in just one day", not "one day, ..."
        if noun and (_referring(text, s, e, language) or _enumerated(text, e, n)):
            return None                   # "the two companies", "two rivals, Alpha and Beta"
        if not noun:
            if _partitive(text, e, language, n):
                # "four of the largest oil companies", "Zwei der vier Hochöfen": a count of a named whole
                fig = base(s, e, n, "count", "exact", n, n)
                return dict(fig, _kind="number", _noun="", _scaled=False, _digit_unit=1.0, _words=True,
                            _minor=False, _sub=False, _mult=1.0)
            rc = RANGE_CONN.match(text, e)
            if (rc is None or rc.group("c").strip() not in ("bis", "to", "-", "–", "und", "and", "or", "oder")) and \
                    PAIR_CONN.match(text, e) is None:
                return None
            range_start = True            # "zwei bis drei Milliarden", "von elf auf neun Millionen Tonnen"
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
        tmul = time_unit(noun)
        if tmul:
            v = v * tmul                  # "drei Tage", "two decades" (20 years), "nearly two centuries"
            unit = "other"
        else:
            unit = "other" if is_measure(noun) else "count"
    fig = base(s, e, v, unit, "exact", v, v)
    fig["_noun"] = noun
    fig["_kind"] = "number"
    fig["_scaled"] = bool(g("wscale"))
    fig["_digit_unit"] = scale * (tmul or 1.0)
    fig["_words"] = True
    fig["_minor"] = minor and not unit
    fig["_sub"] = minor
    fig["_mult"] = scale / 100.0 if minor else scale * (tmul or 1.0)
    if range_start:
        fig["unit"] = "count"
        fig["_plain"] = True
        fig["_range_only"] = True
    return fig


# words before "one" that make "one day" a span of time
_ONE_BEFORE = frozenset(("in", "within", "for", "over", "after", "just", "only", "than", "by", "about",
                         "around", "nearly", "almost", "least", "once", "last", "past", "next", "barely", "under"))


_RATIO_BEFORE = re.compile(r"(?<![^\s(])(?P<a>[0-9]{1,3}|[Oo]ne|[Ee]ine[rs]?|[Ee]in|[Jj]ede[rs]?|[Tt]wo|[Tt]hree|"
                           r"[Ff]our|[Ff]ive|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Nn]eun|[Ss]ieben)"
                           r"[ ](?:in|out[ ]of|von)[ ]\Z")
_DIGIT_AFTER = re.compile(r"[ ](?:in|out[ ]of|von)[ ]([0-9]+)(?![0-9.,])")
_RATIO_AFTER = re.compile(r"[ ](?:in|out[ ]of|von)[ ](?:[0-9]|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)")


def _ratio(text: str, s: int, e: int, language: str) -> dict | None:
    """A ratio read as a share: "one in six" -> 16.7 percent, "three out of four" -> 75 percent, "zwei von
    drei" -> 66.7 percent (the span from its first number; the first number is no figure of its own)."""
    if s < 5 or not text.endswith((" in ", " of ", " von "), max(0, s - 5), s):
        return None
    m = _RATIO_BEFORE.search(text, max(0, s - 20), s)
    if m is None:
        return None
    a = m.group("a")
    one = a == "1" or a.lower().startswith(("one", "ein", "jede"))
    conn = text[m.end("a"):s].strip()
    if conn == "in" and not one:
        return None                                    # "rose to 310 in 2004": a year, no ratio
    if a.isdigit() and conn == "von" and _prev_word(text, m.start()).lower() in ("platz", "rang", "rank", "position"):
        return None                                    # "Platz 149 von 180": a rank
    num = float(a) if a.isdigit() else 1.0 if one else word_value(a, language)
    den = word_value(text[s:e], language) if not text[s].isdigit() else parse_number(text[s:e], language)[0]
    if not num or not den or math.isnan(den) or num >= den or \
            text[s].isdigit() and len(text[s:e]) == 4 and 1800 <= den <= 2100:
        return None                                    # "one in 1992", "18 in 1969": a year
    v = 100.0 * num / den
    return dict(base(m.start(), e, v, "percent", "exact", v, v), _kind="number", _plain=False, _scaled=False,
                _digit_unit=1.0, _mult=1.0, _noun="")


def _prev_word(text: str, s: int) -> str:
    """The word right before offset s (one space between), as written, or ''."""
    j = s - 1
    if j < 1 or text[j] != " ":
        return ""
    i = j
    while i > 0 and j - i < 30 and (text[i - 1].isalpha() or text[i - 1] in "'’"):
        i -= 1
    return text[i:j]


def _top_before(text: str, s: int) -> int:
    """Length of "top " / "Top-" / "Top " right before s (a rank at most N follows), else 0."""
    if s >= 4 and text[s - 4:s - 1] in ("top", "Top", "TOP") and text[s - 1] in " -" and \
            (s == 4 or not text[s - 5].isalpha()):
        return 4
    return 0


def _referring(text: str, s: int, e: int, language: str) -> bool:
    """True when a number word only refers back to the story's parties: a determiner or possessive
    before it and a party noun within the next three words ("the two companies", "our two
    companies", "Switzerland's two biggest banks", "die zwei Konzerne")."""
    before = _prev_word(text, s)
    if not before:
        return False
    b = before.lower()
    n = word_value(text[s:e], language) or 0
    if b.endswith(("'s", "’s")):
        if n != 2:
            return False                               # "Britain's five big banks": a count
    elif b not in REFERRING or n > 4:
        return False
    pos = e
    for _ in range(3):
        w = next_word(text, pos)
        if not w:
            return False
        lw = w.lower()
        if lw in PARTY_NOUNS:
            return True
        if n >= 3 and (lw.endswith(("est", "sten", "ste", "ster")) or lw in ("top", "leading", "größten")):
            return False                               # "die vier besten Teams": a ranking, a figure
        pos = pos + 1 + len(w)
        if pos >= len(text) or text[pos] != " ":
            return False
    return False


_ENUM_END = re.compile(r"[,;.:()]| (?:for|für|in|im|at|bei|to|zu|um|with|mit)\b")


def _enumerated(text: str, e: int, n: float) -> bool:
    """True when a small count is followed by the names it counts: "acquired two rivals, Alpha Corp and
    Beta Ltd, for ...", "zwei Konkurrenten, Alpha und Beta," (the names, not the number, are the news)."""
    if not 2 <= n <= 5:
        return False
    c = text.find(",", e, e + 60)
    k = text.find(":", e, e + 60)
    c = min(x for x in (c, k) if x >= 0) if c >= 0 or k >= 0 else -1
    if c < 0 or any(ch in ".;()" for ch in text[e:c]):
        return False
    rest = text[c + 1:c + 160].lstrip()
    m = _ENUM_END.search(rest)
    items = rest[:m.start()] if m else rest
    parts = [p.strip() for p in re.split(r",| and | und | & ", items) if p.strip()]
    return len(parts) == int(n) and all(p[:1].isupper() for p in parts) and (" and " in items or " und " in items)


def _partitive(text: str, e: int, language: str, n: float) -> bool:
    """True for a count of part of a named whole: "four of the largest oil companies", "drei der
    Banken", "Zwei der vier Hochöfen". "two of the ..." with no total refers back to two parties
    and is no figure; "one of the" never is."""
    w1 = next_word(text, e)
    before = text[max(0, e - 40):e].split()
    if len(before) > 1 and before[-2].lower() in ("all", "alle", "allen", "in", "of", "aus", "von", "unter"):
        return False                                   # "all three of them", "one in five of its viewers"
    if language == "en":
        if w1 != "of":
            return False
        w2 = next_word(text, e + 1 + len(w1))
        if w2 not in ("the", "its", "their", "our", "his", "her", "these", "those"):
            return False
    elif w1 not in ("der", "von"):
        return False
    if n >= 3:
        return True
    pos = e + 1 + len(w1)
    for _ in range(3):                                 # a total named after it: "Zwei der vier Hochöfen"
        if pos + 1 < len(text) and text[pos + 1].isdigit():
            return True
        w = next_word(text, pos)
        if not w:
            return False
        if word_value(w, language) is not None and w.lower() not in ("ein", "eine", "einer", "a", "an", "one"):
            return True
        pos = pos + 1 + len(w)
    return False


def _read_decade(m: re.Match, text: str, language: str) -> dict | None:
    """A decade: "the late 1990s", "in den 1970er-Jahren" -> the years 1990 to 1999 (unit year, a range)."""
    s, e = m.span()
    if s and (text[s - 1].isalnum() or text[s - 1] in "_/\\#§."):
        return None
    y = float(m.group()[:4])
    # no single year: the value is left empty (like a vague amount), the interval holds the decade
    fig = base(s, e, math.nan, "year", "range", y, y + 9)
    return dict(fig, _kind="decade", _range=True)


def _read_year_er(m: re.Match, text: str, language: str) -> dict | None:
    """A year before a noun, German style: "der 2015er-Deal" -> 2015."""
    s, e = m.span()
    if s and (text[s - 1].isalnum() or text[s - 1] in "_/\\#§."):
        return None
    y = float(m.group()[:4])
    if not 1800 <= y <= 2100:
        return None
    return dict(base(s, e, y, "year", "exact", y, y), _kind="number", _plain=False)


_ORD_VALUE = {"first": 1, "erst": 1, "elft": 11, "zwölft": 12, "siebent": 7}
# nouns after an ordinal that make it a rank or a step in a sequence ("an zweiter Stelle", "the second
# phase", "zum dritten Mal"); "first"/"erst-" only in a rank ("first place", "an erster Stelle")
_ORD_RANK = frozenset("""
stelle platz rang position place spot rank ranking
""".split())
_ORD_STEP = frozenset("""
mal runde phase stufe tranche welle amtszeit anlauf versuch etappe schritt
time round phase stage tranche wave term attempt leg tier
""".split()) | _ORD_RANK
_ORD_TIME = frozenset("day days week weeks month months year years session quarter tag woche monat jahr".split())
_ORD_STREAK = frozenset(("straight", "consecutive", "successive", "running"))


def _read_ordinal_word(m: re.Match, text: str, language: str) -> dict | None:
    """An ordinal in words where it ranks or counts steps: "an zweiter Stelle", "the second phase",
    "for a second day", "the first to ...", "the second- and third-largest"."""
    s, e = m.span()
    w = m.group("ordx").lower()
    stem = w if w in ORDINAL_WORDS or w in _ORD_VALUE else w.rstrip("nmrs")[:-1] if w[-1] != "e" else w[:-1]
    v = _ORD_VALUE.get(stem) or ORDINAL_WORDS.get(stem)
    if v is None:
        return None
    first = v == 1
    ok = False
    if m.group("ordsusp"):
        ok = not first                         # "the second- and third-largest"
    else:
        nxt = next_word(text, e)
        lw = nxt.lower()
        pw = _prev_word(text, s).lower()
        if first:
            # "moved up to first place", "the first to deliver"; not "in the first place", "the first place to"
            ok = lw in _ORD_RANK and pw not in ("the", "a") or lw == "to" and pw in ("the", "was", "is", "be") \
                and next_word(text, e + 4) not in ("be", "have")    # "the first to be released": the first one
        elif lw in _ORD_STEP:
            ok = not (lw in ("schritt", "step") and _prev_word(text, s).lower() in ("ein", "a"))
        elif lw in _ORD_STREAK:
            ok = True                          # "a second straight day"
        elif lw in _ORD_TIME:
            after = text[e + 1 + len(nxt):e + 14 + len(nxt)]
            ok = pw == "a" or after.startswith(("in Folge", "in a row", "running"))
    if not ok:
        return None
    return dict(base(s, e, float(v), "ordinal", "exact", float(v), float(v)), _kind="ordinal", _rank=True)


_MULT_STEMS = (("doppel", 2), ("dopple", 2), ("dopp", 2), ("doubl", 2), ("tripl", 3), ("quadrupl", 4),
               ("dreifach", 3), ("vierfach", 4), ("fünffach", 5), ("zehnfach", 10), ("hundertfach", 100),
               ("tausendfach", 1000), ("twice", 2))
# words before a bare "double"/"triple" that make it the verb ("more than double", "expected to double")
_MULT_VERB_BEFORE = frozenset(("to", "will", "would", "could", "can", "may", "might", "should", "than", "nearly",
                               "almost", "roughly", "about", "around", "more", "did", "does", "do"))


def _read_multiple(m: re.Match, text: str, language: str) -> dict | None:
    """A multiple: "verdoppelt", "fast verdoppelt", "more than double", "doubling", "dreifach",
    "das Doppelte", "threefold", "twice as" -> 2, 3, ... (unit other)."""
    s, e = m.span()
    if s and (text[s - 1].isalnum() or text[s - 1] == "-"):
        return None
    w = m.group("mult")
    lw = w.lower()
    nxt = next_word(text, e).lower()
    after = text[e:e + 1]
    if lw.startswith("ver"):
        lw = lw[3:]
    v = next((n for stem, n in _MULT_STEMS if lw.startswith(stem)), None)
    if lw.endswith("fold"):
        v = word_value(lw[:-4].rstrip("-"), language)
    elif v is None and "fach" in lw:
        v = word_value(lw[:lw.index("fach")], language)
    if v is None or v < 2:
        return None
    if lw in ("double", "triple", "quadruple"):
        if after == "-" or _prev_word(text, s).lower() not in _MULT_VERB_BEFORE:
            return None                       # "double-digit", "double taxation"
    elif lw.startswith(("doubl", "tripl", "quadrupl")):
        if nxt in ("down", "up", "over", "as", "back") or after == "-":
            return None                       # "doubled down", "doubling as"
    elif lw == "twice":
        if nxt not in ("as", "the"):
            return None                       # "twice a year" is a frequency
    elif lw.startswith("doppelt") and not w.startswith("ver"):
        pw = _prev_word(text, s).lower()
        if not (lw == "doppelt" and nxt in ("so", "soviel") or lw.startswith("doppelte") and w[0] == "D" and
                pw in ("das", "dem", "um", "aufs")):
            return None                       # "doppelte Staatsbürgerschaft": not a multiple
    elif lw.endswith(("fach", "fache", "fachen", "facher", "faches", "fachem")) and after == "-":
        return None
    fig = base(s, e, float(v), "other", "exact", float(v), float(v))
    return dict(fig, _kind="number", _plain=False, _scaled=False, _digit_unit=1.0, _mult=1.0, _noun="")


def _read_compound(m: re.Match, text: str, language: str) -> dict | None:
    """A number word fused with its unit: "zweijährige Frist", "dreistufiges Verfahren", "Vierjahrestief",
    "a three-year deal", "a two-decade career" (20) -> unit other."""
    s, e = m.span()
    if s and (text[s - 1].isalnum() or text[s - 1] == "-"):
        return None
    g = m.group
    if g("compde"):
        v = word_value(g("compde"), language)
    else:
        v = word_value(g("compen"), language)
        unit_word = g("compunit")
        if v is not None and unit_word in ("decade", "century"):
            v = v * (10 if unit_word == "decade" else 100)
    if v is None:
        return None
    fig = base(s, e, float(v), "other", "exact", float(v), float(v))
    return dict(fig, _kind="number", _plain=False, _scaled=False, _digit_unit=1.0, _mult=1.0, _noun="")


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
            top = _top_before(text, first)
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


def _read_split(m: re.Match, text: str, language: str) -> dict | None:
    """An even or uneven split of a joint venture: "50/50-Joint-Venture", "a 60:40 split" -> the
    shares in percent (one figure when they are equal)."""
    s, e = m.span()
    if s and (text[s - 1].isalnum() or text[s - 1] in "/:.,"):
        return None
    a, b = (float(x) for x in re.split("[/:]", m.group()))
    if a + b != 100:
        return None
    fig = dict(base(s, e, a, "percent", "exact", a, a), _kind="number", _plain=False, _scaled=False,
               _digit_unit=1.0, _mult=1.0, _noun="")
    if a != b:
        fig["_pair_next"] = dict(fig, value=b, low=b, high=b)
    return fig


def _read_fiscal_year(m: re.Match, text: str, language: str) -> dict | None:
    """A fiscal or season year "2023/24", "1998/9", "2019/2020": the year it ends."""
    s, e = m.span()
    if s and (text[s - 1].isalnum() or text[s - 1] in "/.,"):
        return None
    a, b = m.group().split("/")
    y0 = int(a)
    y = int(b) if len(b) == 4 else y0 - y0 % 10 ** len(b) + int(b)
    if y <= y0:
        y += 10 ** len(b)
    if not (y == y0 + 1 and 1800 <= y <= 2100):
        return None
    return dict(base(s, e, float(y), "year", "exact", float(y), float(y)), _kind="number", _plain=False)


_READERS = {"numord": _read_numeric_ordinal, "ordw": _read_word_ordinal, "vague": _read_vague,
            "frac": _read_fraction, "wnum": _read_word_number, "decade": _read_decade, "yearer": _read_year_er,
            "ordx": _read_ordinal_word, "mult": _read_multiple, "comp": _read_compound, "split": _read_split,
            "fiscal": _read_fiscal_year}


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
        if (mixed or n_before != 1 or language == "en") and not _named_figure(fig, text, toks, language, is_year_shape):
            return False
    if s >= 2 and text[s - 1] == " " and text[s - 2] in ".!?" and (e == len(text) or text[e] in "\n " and
                                                                  not text[e:e + 200].strip()):
        return False                          # a counter left after the last sentence ("... meltdowns. 219")
    if v == 1 and text.find(" for every ", e, e + 40) >= 0:
        return False                          # "1 UBS share for every 22.48": a ratio, read as its second term
    if nxt == " " and text.startswith((" in ", " out of ", " von "), e) and _RATIO_AFTER.match(text, e) \
            and v == int(v) and v < 1000 and (v == 1 or not text.startswith(" in ", e)) and \
            pt not in ("platz", "rang", "rank", "position"):
        nd = _DIGIT_AFTER.match(text, e)
        if nd is None or not (len(nd.group(1)) == 4 and 1800 <= int(nd.group(1)) <= 2100):
            return False                      # "3 out of 4": the ratio is read at its second number
    ratio = _ratio(text, s, e, language) if prev == " " else None
    if ratio is not None:
        fig.update(ratio)                     # "1 in 10 voters" -> 10 percent
        return True
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
    if pt == "top" and float(v).is_integer() and 1 < v <= 100 and (hyphen or w0[:1].islower() or
                                                                  language == "de" and w0[:1].isupper()):
        fig["unit"], fig["qualifier"], fig["low"] = "ordinal", "upper", 1.0    # "the top 10 banks"
        fig["_kind"], fig["_rank"] = "ordinal", True
        fig["start"] = text.rfind(prev_tok, max(0, s - 40), s)
        return True
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
