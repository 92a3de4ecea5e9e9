"""Hedges: "rund", "über", "fast", "bis zu", "about", "more than", "up to"... before or after a figure,
and the interval each allows (low, high)."""
from __future__ import annotations

import math
import re
from functools import lru_cache

from figcheck.extract.context import DURATION, NOT_PRODUCT, TIME_NOUNS, next_word
from figcheck.extract.sentences import is_abbrev


# ---------------------------------------------------------------------------
# Context words (looked up in small dicts, never by scanning the text)
# ---------------------------------------------------------------------------
# hedge before a figure: phrase -> (qualifier, kind); kind picks the low/high rule
_HEDGES = {
    # approx
    "rund": ("approx", "approx"), "etwa": ("approx", "approx"), "ca.": ("approx", "approx"),
    "circa": ("approx", "approx"), "zirka": ("approx", "approx"), "ungefähr": ("approx", "approx"),
    "schätzungsweise": ("approx", "approx"), "geschätzt": ("approx", "approx"), "geschätzte": ("approx", "approx"),
    "geschätzten": ("approx", "approx"), "annähernd": ("approx", "approx"), "um die": ("approx", "approx"),
    "an die": ("approx", "approx"), "grob": ("approx", "approx"), "about": ("approx", "approx"),
    "around": ("approx", "approx"), "roughly": ("approx", "approx"), "approximately": ("approx", "approx"),
    "approx.": ("approx", "approx"), "some": ("approx", "approx"), "an estimated": ("approx", "approx"),
    "estimated": ("approx", "approx"), "c.": ("approx", "approx"), "~": ("approx", "approx"),
    "in the region of": ("approx", "approx"), "circa.": ("approx", "approx"),
    # lower
    "über": ("lower", "lower"), "mehr als": ("lower", "lower"), "mindestens": ("lower", "lower"),
    "wenigstens": ("lower", "lower"), "gut": ("lower", "lower"), "oberhalb von": ("lower", "lower"),
    "jenseits von": ("lower", "lower"), "ab": ("lower", "lower"), "more than": ("lower", "lower"),
    "over": ("lower", "lower"), "at least": ("lower", "lower"), "upwards of": ("lower", "lower"),
    "in excess of": ("lower", "lower"), "above": ("lower", "lower"), "north of": ("lower", "lower"),
    "better than": ("lower", "lower"), "a minimum of": ("lower", "lower"),
    # upper, just below
    "fast": ("upper", "near"), "nahezu": ("upper", "near"), "knapp": ("upper", "near"),
    "beinahe": ("upper", "near"), "nearly": ("upper", "near"), "almost": ("upper", "near"),
    "just under": ("upper", "near"), "close to": ("upper", "near"), "knapp unter": ("upper", "near"),
    "just shy of": ("upper", "near"), "not quite": ("upper", "near"),
    # upper, a cap
    "bis zu": ("upper", "cap"), "höchstens": ("upper", "cap"), "maximal": ("upper", "cap"),
    "bis maximal": ("upper", "cap"), "up to": ("upper", "cap"), "at most": ("upper", "cap"),
    "as much as": ("upper", "cap"), "as many as": ("upper", "cap"), "no more than": ("upper", "cap"),
    "a maximum of": ("upper", "cap"), "bis auf": ("upper", "cap"), "within": ("upper", "cap"),
    "innerhalb von": ("upper", "cap"), "innerhalb": ("upper", "cap"), "binnen": ("upper", "cap"),
    # upper, below
    "weniger als": ("upper", "below"), "unter": ("upper", "below"), "unterhalb von": ("upper", "below"),
    "less than": ("upper", "below"), "under": ("upper", "below"), "fewer than": ("upper", "below"),
    "below": ("upper", "below"),
}
_HEDGE_MAXWORDS = 4
_HEDGE_LAST = frozenset(h.rsplit(" ", 1)[-1] for h in _HEDGES)
_POST_HEDGE = re.compile(r"[ ,]{1,2}(?P<h>oder mehr|und mehr|or more|and more|plus|oder weniger|or less|"
                            r"or fewer|und darüber|and above|or above)\b")


def prev_tokens(text: str, start: int, n: int = _HEDGE_MAXWORDS + 2) -> tuple[list[str], int]:
    """Up to n words before `start` in the same sentence (as written), and how many words precede
    `start` in its sentence (99 when the sentence start lies beyond the 80-character window)."""
    lo = max(0, start - 80)
    window = text[lo:start]
    nl = window.rfind("\n")
    bounded = lo == 0 or nl >= 0
    if nl >= 0:
        window = window[nl + 1:]
    toks = window.split()
    if not bounded and toks and not window[0].isspace():
        toks = toks[1:]
    for i in range(len(toks) - 1, -1, -1):      # the last sentence end among the words, if any
        t = toks[i]
        c = t[-1]
        if c in ".!?" and not (c == "." and is_abbrev(t, len(t) - 1)):
            toks = toks[i + 1:]
            bounded = True
            break
    return toks[-n:], (len(toks) if bounded else 99)


@lru_cache(maxsize=65536)
def strip(tok: str) -> str:
    """A token without surrounding quotes and brackets, lowercased."""
    return tok.strip("\"'„“”«»‚‘’()[]{},;:").lower()


def _find_hedge(toks: list[str]) -> tuple[str, str, int]:
    """(qualifier, rule, number of tokens) for the hedge phrase ending the token list, else ('', '', 0)."""
    if not toks or strip(toks[-1]) not in _HEDGE_LAST:
        return "", "", 0
    low = [strip(t) for t in toks[-_HEDGE_MAXWORDS:]]
    for k in range(min(_HEDGE_MAXWORDS, len(low)), 0, -1):
        phrase = " ".join(low[-k:])
        hit = _HEDGES.get(phrase)
        if hit:
            return hit[0], hit[1], k
    return "", "", 0


def _bounds(value: float, qualifier: str, rule: str, digit_unit: float) -> tuple[float, float]:
    """low, high for a single value under its hedge (see the module docstring)."""
    if math.isnan(value):
        return math.nan, math.nan
    a = abs(value)
    if qualifier == "approx":
        band = max(0.10 * a, min(0.5 * digit_unit, 0.25 * a))
        return value - band, value + band
    if qualifier == "lower":
        return value, math.inf
    if qualifier == "upper":
        if rule == "near":
            lo, hi = 0.9 * value, value
        else:
            lo, hi = (0.0, value) if value >= 0 else (-math.inf, value)
        return min(lo, hi), max(lo, hi)
    return value, value


def apply_hedge(fig: dict, text: str, toks: list[str]) -> None:
    """Read the hedge before (and after) a figure: qualifier, low/high, span widened over the hedge."""
    kind = fig["_kind"]
    if kind in ("date", "ordinal") or fig.get("_range"):
        return
    qual, rule, k = _find_hedge(toks)
    if qual:
        head = strip(toks[-k])
        before = toks[-k - 1] if len(toks) > k else ""
        nxt = next_word(text, fig["end"]).lower()
        if head in ("über", "over") and k == 1:
            b = strip(before)
            if head == "über" and before[:1].isupper() and b not in NOT_PRODUCT and \
                    b not in TIME_NOUNS and len(toks) > k + 1:
                qual = ""                              # "ein Kredit über drei Milliarden": of
            elif head == "over" and nxt in DURATION and strip(before) not in ("in", "for", "than"):
                qual = ""                              # "over five years": during ("in over 20 years": more than)
        if head in ("ab", "bis", "unter", "under", "below", "above", "gut", "some") and fig["unit"] in ("year",):
            qual = ""
        if head in ("gut",) and fig["unit"] in ("count", "other", "") and kind == "vague":
            qual = ""
        if kind == "vague":
            qual = ""                                  # "mehrere Milliarden": stays vague
        if qual and fig["unit"] == "year" and qual != "approx":
            qual = ""
    if qual:
        # widen the span over the hedge words
        pos = fig["start"]
        for t in reversed(toks[-k:]):
            j = text.rfind(t, max(0, pos - 80), pos)
            if j < 0:
                break
            pos = j
        lead = len(toks[-k]) - len(toks[-k].lstrip("\"'„“”«»‚‘’([{"))
        fig["start"] = pos + lead
        fig["qualifier"] = qual
        fig["_hedge_rule"] = rule
        fig["low"], fig["high"] = _bounds(fig["value"], qual, rule, fig.get("_digit_unit", 1.0) or 1.0)
    ph = _POST_HEDGE.match(text, fig["end"])
    if ph and kind != "vague" and fig["qualifier"] == "exact":
        h = ph.group("h")
        if h in ("oder mehr", "und mehr", "or more", "and more", "plus", "und darüber", "and above", "or above"):
            fig["qualifier"], fig["low"], fig["high"] = "lower", fig["value"], math.inf
            fig["_hedge_rule"] = "lower"
        else:
            fig["qualifier"], fig["low"], fig["high"] = "upper", 0.0, fig["value"]
            fig["_hedge_rule"] = "cap"
        fig["end"] = ph.end()
    # "minus 5 Prozent"
    if toks and strip(toks[-1]) == "minus" and kind == "number" and fig["value"] > 0 and not qual:
        fig["value"] = -fig["value"]
        fig["low"], fig["high"] = -fig["high"], -fig["low"]
        fig["start"] = fig["start"] - len(toks[-1]) - 1


def copy_hedge(src: dict, dst: dict) -> None:
    """Give `dst` the hedge of `src` (a bracketed conversion shares the hedge of the amount it converts:
    "up to 5 billion francs (US$5.4 billion)" -> both upper), its interval computed on its own value."""
    qual = src["qualifier"]
    rule = src.get("_hedge_rule") or {"approx": "approx", "lower": "lower"}.get(qual, "cap")
    dst["qualifier"] = qual
    dst["_hedge_rule"] = rule
    dst["low"], dst["high"] = _bounds(dst["value"], qual, rule, dst.get("_digit_unit", 1.0) or 1.0)
