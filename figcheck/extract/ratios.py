"""Shares of a whole, in percent: fractions ("die Hälfte", "zwei Drittel", "a third of"), ratios
("one in six", "three out of four", "zwei von drei") and splits ("50/50-Joint-Venture", "a 60:40 split")."""
from __future__ import annotations

import math
import re

from figcheck.extract.context import next_word, prev_word, time_unit
from figcheck.extract.numbers import base, parse_number, word_value
from figcheck.extract.vocabulary import FRACTIONS


def read_fraction(m: re.Match, text: str, language: str) -> dict | None:
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


# a ratio's first number and its connective before the second: "one in ", "drei von ", "12 out of "
_RATIO_BEFORE = re.compile(r"(?<![^\s(])(?P<a>[0-9]{1,3}|[Oo]ne|[Ee]ine[rs]?|[Ee]in|[Jj]ede[rs]?|[Tt]wo|[Tt]hree|"
                           r"[Ff]our|[Ff]ive|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Nn]eun|[Ss]ieben)"
                           r"[ ](?:in|out[ ]of|von)[ ]\Z")
# after a number: " in 2004" (its digits, to tell a year), " out of four" (a ratio's first number)
DIGIT_AFTER = re.compile(r"[ ](?:in|out[ ]of|von)[ ]([0-9]+)(?![0-9.,])")
RATIO_AFTER = re.compile(r"[ ](?:in|out[ ]of|von)[ ](?:[0-9]|one|two|three|four|five|six|seven|eight|nine|ten|"
                         r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)")


def ratio_share(text: str, s: int, e: int, language: str) -> dict | None:
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
    if a.isdigit() and conn == "von" and prev_word(text, m.start()).lower() in ("platz", "rang", "rank", "position"):
        return None                                    # "Platz 149 von 180": a rank
    num = float(a) if a.isdigit() else 1.0 if one else word_value(a, language)
    den = word_value(text[s:e], language) if not text[s].isdigit() else parse_number(text[s:e], language)[0]
    if not num or not den or math.isnan(den) or num >= den or \
            text[s].isdigit() and len(text[s:e]) == 4 and 1800 <= den <= 2100:
        return None                                    # "one in 1992", "18 in 1969": a year
    v = 100.0 * num / den
    return dict(base(m.start(), e, v, "percent", "exact", v, v), _kind="number", _plain=False, _scaled=False,
                _digit_unit=1.0, _mult=1.0, _noun="")


def read_split(m: re.Match, text: str, language: str) -> dict | None:
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
