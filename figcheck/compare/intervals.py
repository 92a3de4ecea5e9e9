"""Intervals: the values a figure's wording allows (an exact figure, "rund", "über", "bis zu",
a range, a vague "Milliarden")."""
from __future__ import annotations

import re

from figcheck.compare.base import INF, POINT_QUALIFIERS, number_or_none, widen


# ---------------------------------------------------------------------------
# Intervals: what a wording allows
# ---------------------------------------------------------------------------
# Scale words of vague amounts ("Milliarden", "billions", "Hunderttausende"): regex, scale,
# and how far above the scale the wording still reaches (the next scale word).
_VAGUE_SCALES_DE = [
    (r"hunderttausend", 1e5, 10), (r"zehntausend", 1e4, 10), (r"tausend", 1e3, 10), (r"hundert", 1e2, 10),
    (r"billion", 1e12, 1000), (r"milliard", 1e9, 1000), (r"million", 1e6, 1000),
]
_VAGUE_SCALES_EN = [
    (r"hundreds of thousands", 1e5, 10), (r"tens of thousands", 1e4, 10), (r"hundreds of millions", 1e8, 10),
    (r"tens of millions", 1e7, 10), (r"hundreds of billions", 1e11, 10), (r"tens of billions", 1e10, 10),
    (r"thousand", 1e3, 10), (r"hundred", 1e2, 10),
    (r"trillion", 1e12, 1000), (r"billion", 1e9, 1000), (r"million", 1e6, 1000),
]
# A standalone plural ("Milliarden", "billions") means at least two of the scale;
# a compound ("Milliardendeal", "milliardenschwer", "multibillion") means at least one.
_PLURAL_WORD = re.compile(
    r"^(?:milliarden|millionen|billionen|tausende|tausenden|hunderte|hunderten|zehntausende|zehntausenden|"
    r"hunderttausende|hunderttausenden|billions|millions|trillions|thousands|hundreds)$", re.I)
_CLOSE_HEDGE = re.compile(r"\b(?:fast|nahezu|knapp|beinahe|annähernd|nearly|almost|close to|just under|"
                              r"just shy of|approaching)\b", re.I)


def compare_vague_bounds(text: str, language: str = "de") -> tuple[float | None, float | None]:
    """The interval a vague amount allows, from its scale word.

    "Milliarden" / "billions" (a standalone plural) -> at least 2 billion; "Milliardensumme",
    "milliardenschwer", "multibillion" (compounds) -> at least 1 billion; the top is the next
    scale word (a thousand billions). (None, None) when no scale word is found.
    """
    low_text = (text or "").lower()
    tables = _VAGUE_SCALES_EN if language == "en" else _VAGUE_SCALES_DE
    if language not in ("de", "en"):
        tables = _VAGUE_SCALES_DE + _VAGUE_SCALES_EN
    for pattern, scale, reach in tables:
        m = re.search(pattern, low_text)
        if not m:
            continue
        word_m = re.search(r"[\w-]*" + pattern + r"[\w-]*", low_text)
        word = word_m.group(0) if word_m else ""
        multiple = " " in pattern  # "hundreds of thousands": already plural
        plural = multiple or bool(_PLURAL_WORD.match(word))
        return (2 * scale if plural and not multiple else scale), scale * reach
    return None, None


def compare_figure_interval(value, low, high, qualifier: str, text: str = "", tolerance: float = 0.05,
                            language: str = "de") -> tuple[float, float, float, float]:
    """(raw_lo, raw_hi, lo, hi): the interval a figure's wording allows, and the same widened by half the
    tolerance on each side.

    exact 14.3 -> [14.3, 14.3], widened [13.9425, 14.6575] at 5 %; approx ("rund") keeps the
    extractor's low/high or takes +-10 %; lower ("über 10") -> [10, inf); upper ("fast 50")
    -> [42.5, 50] for close hedges (fast, nahezu, almost), [0, 50] for "bis zu"/"up to";
    range -> [low, high]; vague -> from the scale word (compare_vague_bounds). Missing numbers
    give (-inf, inf), which contradicts nothing.
    """
    v, lo, hi = number_or_none(value), number_or_none(low), number_or_none(high)
    q = (qualifier or "exact").strip().lower()
    raw_lo, raw_hi = -INF, INF
    if q == "vague":
        vlo, vhi = compare_vague_bounds(text, language)
        los = [x for x in (lo, vlo) if x is not None]
        his = [x for x in (hi, vhi) if x is not None]
        raw_lo = max(los) if los else -INF
        raw_hi = min(his) if his else INF
        if raw_lo > raw_hi:  # the two readings disagree: trust the extractor
            raw_lo = lo if lo is not None else -INF
            raw_hi = hi if hi is not None else INF
    elif q == "exact":
        if v is None:
            v = lo if lo is not None else hi
        if v is not None:
            raw_lo = raw_hi = v
    elif q == "approx":
        if v is not None:
            r = max(0.1, 2 * tolerance)
            raw_lo = lo if lo is not None and lo < v else v - abs(v) * r
            raw_hi = hi if hi is not None and hi > v else v + abs(v) * r
        elif lo is not None and hi is not None:
            raw_lo, raw_hi = lo, hi
    elif q == "lower":
        base = lo if lo is not None else v
        if base is not None:
            raw_lo = base
            raw_hi = hi if hi is not None and hi > base else INF
    elif q == "upper":
        base = hi if hi is not None else v
        if base is not None:
            raw_hi = base
            if lo is not None and lo < base:
                raw_lo = lo
            elif _CLOSE_HEDGE.search(text or ""):
                raw_lo = base - abs(base) * 0.15
            else:
                raw_lo = 0.0 if base > 0 else -INF
    elif q == "range":
        a = lo if lo is not None else v
        b = hi if hi is not None else v
        if a is not None and b is not None:
            raw_lo, raw_hi = min(a, b), max(a, b)
    else:  # an unknown qualifier: treat the value as exact
        if v is not None:
            raw_lo = raw_hi = v
    # half the tolerance on each side: two exact figures agree when they are at most about the
    # tolerance apart (75 and 81 billion do not, at 5 %; 14.3 and 15 billion do)
    w_lo, w_hi = widen(raw_lo, raw_hi, tolerance / 2)
    return raw_lo, raw_hi, w_lo, w_hi


def compare_is_pointlike(fig: dict) -> bool:
    """Whether a figure names a value rather than a bound: exact, approx, range, and close
    hedges ("fast 15", "nahezu 15", "almost half"), unlike "bis zu"/"up to" or "über"."""
    q = fig.get("qualifier", "")
    if q in POINT_QUALIFIERS:
        return True
    return q == "upper" and bool(_CLOSE_HEDGE.search(str(fig.get("text", "") or "")))


def compare_point(value, low, high, qualifier: str) -> float | None:
    """The single number a figure stands for (None for vague wording and open bounds without a value)."""
    v, lo, hi = number_or_none(value), number_or_none(low), number_or_none(high)
    q = (qualifier or "").lower()
    if q == "vague":
        return None
    if q == "range" and lo is not None and hi is not None:
        return (lo + hi) / 2
    if v is not None:
        return v
    if q == "lower":
        return lo
    if q == "upper":
        return hi
    return lo if lo is not None else hi
