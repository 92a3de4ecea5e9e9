"""Multiples: "verdoppelt", "fast verdoppelt", "more than double", "doubling", "dreifach", "das Doppelte",
"threefold", "twice as" -> 2, 3, ... (unit other)."""
from __future__ import annotations

import re

from figcheck.extract.context import next_word, prev_word
from figcheck.extract.numbers import base, word_value


_MULT_STEMS = (("doppel", 2), ("dopple", 2), ("dopp", 2), ("doubl", 2), ("tripl", 3), ("quadrupl", 4),
               ("dreifach", 3), ("vierfach", 4), ("fünffach", 5), ("zehnfach", 10), ("hundertfach", 100),
               ("tausendfach", 1000), ("twice", 2))
# words before a bare "double"/"triple" that make it the verb ("more than double", "expected to double")
_MULT_VERB_BEFORE = frozenset(("to", "will", "would", "could", "can", "may", "might", "should", "than", "nearly",
                               "almost", "roughly", "about", "around", "more", "did", "does", "do"))


def read_multiple(m: re.Match, text: str, language: str) -> dict | None:
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
        if after == "-" or prev_word(text, s).lower() not in _MULT_VERB_BEFORE:
            return None                       # "double-digit", "double taxation"
    elif lw.startswith(("doubl", "tripl", "quadrupl")):
        if nxt in ("down", "up", "over", "as", "back") or after == "-":
            return None                       # "doubled down", "doubling as"
    elif lw == "twice":
        if nxt not in ("as", "the"):
            return None                       # "twice a year" is a frequency
    elif lw.startswith("doppelt") and not w.startswith("ver"):
        pw = prev_word(text, s).lower()
        if not (lw == "doppelt" and nxt in ("so", "soviel") or lw.startswith("doppelte") and w[0] == "D" and
                pw in ("das", "dem", "um", "aufs")):
            return None                       # "doppelte Staatsbürgerschaft": not a multiple
    elif lw.endswith(("fach", "fache", "fachen", "facher", "faches", "fachem")) and after == "-":
        return None
    fig = base(s, e, float(v), "other", "exact", float(v), float(v))
    return dict(fig, _kind="number", _plain=False, _scaled=False, _digit_unit=1.0, _mult=1.0, _noun="")
