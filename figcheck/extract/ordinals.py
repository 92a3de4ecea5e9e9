"""Ordinals and ranks: in digits ("3rd", "21st place"), in words that rank ("zweitgrößte",
"third-largest") or count steps ("an zweiter Stelle", "the second phase", "zum dritten Mal"), and
the top N ("the top five banks": a rank at most N)."""
from __future__ import annotations

import math
import re

from figcheck.extract.context import next_word, prev_word
from figcheck.extract.numbers import base
from figcheck.extract.vocabulary import ORDINAL_WORDS


def read_numeric_ordinal(m: re.Match, text: str, language: str) -> dict | None:
    """An ordinal in digits ("3rd", "21st place")."""
    s, e = m.span()
    if s and text[s - 1].isalnum():
        return None
    v = float(re.match(r"[0-9]+", m.group()).group())
    return dict(base(s, e, v, "ordinal", "exact", v, v), _kind="ordinal", _rank=" " in m.group() or
                "-" in m.group())


def read_superlative_ordinal(m: re.Match, text: str, language: str) -> dict | None:
    """An ordinal in words that ranks ("zweitgrößte", "third-largest")."""
    s, e = m.span()
    w = m.group().lower()
    v = float(next((n for stem, n in ORDINAL_WORDS.items() if w.startswith(stem)), math.nan))
    return dict(base(s, e, v, "ordinal", "exact", v, v), _kind="ordinal", _rank=True)


def top_before(text: str, s: int) -> int:
    """Length of "top " / "Top-" / "Top " right before s (a rank at most N follows), else 0."""
    if s >= 4 and text[s - 4:s - 1] in ("top", "Top", "TOP") and text[s - 1] in " -" and \
            (s == 4 or not text[s - 5].isalpha()):
        return 4
    return 0


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


def read_ordinal_word(m: re.Match, text: str, language: str) -> dict | None:
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
        pw = prev_word(text, s).lower()
        if first:
            # "moved up to first place", "the first to deliver"; not "in the first place", "the first place to"
            ok = lw in _ORD_RANK and pw not in ("the", "a") or lw == "to" and pw in ("the", "was", "is", "be") \
                and next_word(text, e + 4) not in ("be", "have")    # "the first to be released": the first one
        elif lw in _ORD_STEP:
            ok = not (lw in ("schritt", "step") and prev_word(text, s).lower() in ("ein", "a"))
        elif lw in _ORD_STREAK:
            ok = True                          # "a second straight day"
        elif lw in _ORD_TIME:
            after = text[e + 1 + len(nxt):e + 14 + len(nxt)]
            ok = pw == "a" or after.startswith(("in Folge", "in a row", "running"))
    if not ok:
        return None
    return dict(base(s, e, float(v), "ordinal", "exact", float(v), float(v)), _kind="ordinal", _rank=True)


def top_rank(text: str, s: int, e: int, n: float, language: str) -> dict | None:
    """A number word after "top" that is a rank at most n ("the top five banks", "unter die Top Ten"),
    its span from "top"; None when no "top" stands before it or no noun (or hyphen) follows."""
    top = top_before(text, s)
    if not top:
        return None
    nxt = next_word(text, e)
    if nxt and (nxt[0].islower() if language == "en" else nxt[0].isupper()) or text[e:e + 1] == "-":
        fig = base(s - top, e, n, "ordinal", "upper", 1.0, n)
        return dict(fig, _kind="ordinal", _rank=True)
    return None
