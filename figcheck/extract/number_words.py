"""Numbers written in words: "zwei Milliarden Euro", "three million", "fünf Prozent", "drei Tage"; vague
amounts ("Milliarden", "billions", "Tausende", "dozens"), number words fused with a unit ("zweijährige",
"a three-year deal"), and the counts in words that are no figure ("the two companies", "two rivals,
Alpha and Beta")."""
from __future__ import annotations

import math
import re

from figcheck.extract.context import (
    PAIR_CONN, PARTY_NOUNS, RANGE_CONN, REFERRING, count_noun, is_measure, next_word, prev_word, time_unit
)
from figcheck.extract.labels import COMPANY_NOUNS
from figcheck.extract.numbers import base, currency, scale_value, word_value
from figcheck.extract.ordinals import top_rank
from figcheck.extract.ratios import RATIO_AFTER, ratio_share
from figcheck.extract.vocabulary import MINOR, PERCENT, VAGUE


_VAGUE_ONE_WORD = [v for v in VAGUE if " " not in v[0]]


def read_vague(m: re.Match, text: str, language: str) -> dict | None:
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


def read_word_number(m: re.Match, text: str, language: str) -> dict | None:
    """A number in words ("zwei Milliarden Euro", "three million", "fünf Prozent", "drei Tage").

    In turn: the number the words say (_words_value), a ratio it ends or begins ("one in six"), a
    rank after "top" ("the top five banks"), else the figure with its unit and noun (_word_figure).
    """
    s, e = m.span()
    prev = text[s - 1] if s else " "
    g = m.group
    if prev.isalnum() or prev == "-":
        return None
    n, s = _words_value(m, text, s, language)
    if n is None:
        return None
    ratio = ratio_share(text, s, e, language)
    if ratio is not None:
        return ratio                      # "one in six", "three out of four": a share in percent
    if text.startswith((" in ", " out of ", " von "), e) and RATIO_AFTER.match(text, e) and \
            not (g("wscale") or g("wpct") or g("wcsuf")):
        return None                       # the first number of a ratio: read with the second
    if not (g("wscale") or g("wpct") or g("wcsuf")) and n >= 2 and float(n).is_integer():
        rank = top_rank(text, s, e, n, language)
        if rank is not None:
            return rank                   # "the top five banks", "unter die Top Ten": a rank at most n
    return _word_figure(m, text, s, e, n, language)


def _words_value(m: re.Match, text: str, s: int, language: str) -> tuple[float | None, int]:
    """The number a match of number words says (None when none) and where its figure starts: a half
    before a scale word ("eine halbe Milliarde"), a fraction before "a million" ("a quarter of a
    million", the fraction's words in the span), else the value of the number word."""
    g = m.group
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
    return n, s


def _word_figure(m: re.Match, text: str, s: int, e: int, n: float, language: str) -> dict | None:
    """The figure of number words worth n, from s to e: the scale, percent or currency word after them
    and the noun they count make its value and unit ("drei Tage" is a span of time, "Millionen
    Zuschauer" a count); a bare number word is a figure only before its noun, as a partitive ("vier der
    Banken") or as the start of a range ("zwei bis drei Milliarden"). None when it is no figure."""
    g = m.group
    scale = scale_value(g("wscale"), language)
    pct = g("wpct")
    cur = currency(g("wcsuf"))
    minor = (g("wcsuf") or "").lower() in MINOR
    noun = ""
    range_start = False
    tmul = 0.0
    if not (g("wscale") or pct or cur or minor):
        noun = _bare_noun(m, text, s, e, n, language)
        if noun is None:
            return None
        if not noun:
            if _partitive(text, e, language, n):
                # "four of the largest oil companies", "Zwei der vier Hochöfen": a count of a named whole
                fig = base(s, e, n, "count", "exact", n, n)
                return dict(fig, _kind="number", _noun="", _scaled=False, _digit_unit=1.0, _words=True,
                            _minor=False, _sub=False, _mult=1.0)
            if not _starts_range(text, e):
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


def _bare_noun(m: re.Match, text: str, s: int, e: int, n: float, language: str) -> str | None:
    """The noun a number word with no scale, percent or currency after it counts ('' when none;
    "times" in "five or six times"), or None when the words are no figure: "one" that starts no span
    of time ("One day, ..."), a count that only refers back ("the two companies") or is followed by
    the names it counts ("two rivals, Alpha and Beta")."""
    small = (m.group("wsmall") or "").lower() == "one"
    noun = count_noun(text, e, language) if n >= 2 or small else ""
    if not noun and n >= 2 and text.startswith(" times", e):
        noun = "times"                    # "five or six times": a multiple
    if small and not (noun and time_unit(noun) and prev_word(text, s).lower() in _ONE_BEFORE):
        return None                       # "one day" only as a span: "in just one day", not "one day, ..."
    if noun and (_referring(text, s, e, language) or _enumerated(text, e, n)):
        return None                       # "the two companies", "two rivals, Alpha and Beta"
    return noun


def _starts_range(text: str, e: int) -> bool:
    """True when a range or a pair goes on after a bare number word ("zwei bis drei Milliarden", "von
    elf auf neun Millionen Tonnen"): the first number is read with the second's unit."""
    rc = RANGE_CONN.match(text, e)
    return rc is not None and rc.group("c").strip() in ("bis", "to", "-", "–", "und", "and", "or", "oder") or \
        PAIR_CONN.match(text, e) is not None


# words before "one" that make "one day" a span of time
_ONE_BEFORE = frozenset(("in", "within", "for", "over", "after", "just", "only", "than", "by", "about",
                         "around", "nearly", "almost", "least", "once", "last", "past", "next", "barely", "under"))


def _referring(text: str, s: int, e: int, language: str) -> bool:
    """True when a number word only refers back to the story's parties: a determiner or possessive
    before it and a party noun within the next three words ("the two companies", "our two
    companies", "Switzerland's two biggest banks", "die zwei Konzerne")."""
    before = prev_word(text, s)
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


def read_compound(m: re.Match, text: str, language: str) -> dict | None:
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
