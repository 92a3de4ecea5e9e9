"""Numbers the way the story's language writes them, for findings, charts and the report:
style "short" (de "14,3 Mrd. $", en "$14.3bn") and "long" (de "14,3 Milliarden USD", en "14.3 billion USD")."""
from __future__ import annotations

import math
import re

from figcheck.common.tables import cell_float


# ---------------------------------------------------------------------------
# Numbers the way the story's language writes them: one formatter for findings,
# charts and the report. style="short" (charts, tables): de "14,3 Mrd. $", "49 %",
# en "$14.3bn", "49%"; style="long" (sentences of findings): de "14,3 Milliarden USD",
# en "14.3 billion USD".
# ---------------------------------------------------------------------------
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_SCALES = {
    ("de", "short"): [(1e12, "Bio.", "Bio."), (1e9, "Mrd.", "Mrd."), (1e6, "Mio.", "Mio.")],
    ("en", "short"): [(1e12, "trn", "trn"), (1e9, "bn", "bn"), (1e6, "m", "m")],
    ("de", "long"): [(1e12, "Billion", "Billionen"), (1e9, "Milliarde", "Milliarden"), (1e6, "Million", "Millionen")],
    ("en", "long"): [(1e12, "trillion", "trillion"), (1e9, "billion", "billion"), (1e6, "million", "million")],
}
_RANGE_WORDS = {"de": ("bis", "mindestens", "höchstens"), "en": ("to", "at least", "at most")}


def format_number(x: float, language: str = "de", decimals: int | None = None) -> str:
    """x with the language's separators (de 14,3 / 12.000 / 1200; en 14.3 / 12,000), hyphen-minus sign.

    Without `decimals`: as few as show the value exactly (up to two), else one; below 1,
    two significant digits (0.0049). German four-digit numbers have no separator (Duden).
    """
    if decimals is None:
        decimals = next((d for d in (0, 1, 2) if abs(round(x, d) - x) <= 1e-9 * max(1.0, abs(x))), None)
        if decimals is None:
            decimals = 1 if abs(x) >= 1 else min(6, 1 - math.floor(math.log10(abs(x))))
    s = f"{abs(x):,.{decimals}f}"
    if language == "de":
        s = s.replace(",", "\u0001").replace(".", ",").replace("\u0001", ".")
        if abs(x) < 10000:
            s = s.replace(".", "")
    return ("-" if x < 0 and s.strip("0.,") else "") + s


def _scale(value: float, language: str, style: str, plural: bool) -> tuple[float, str]:
    """(scaled value, scale word) for big numbers: de Mrd./Milliarden, en bn/billion; ('', value) below a million."""
    for factor, one, many in _SCALES[(language, style)]:
        if abs(value) >= factor * 0.9995:
            scaled = value / factor
            return scaled, (one if not plural and abs(scaled - 1) < 1e-9 else many)
    return value, ""


def amount_parts(value: float, unit: str, language: str, style: str = "short",
                         plural: bool = False) -> tuple[str, str, str]:
    """(prefix, number, suffix) of a formatted figure, so that a range can share the unit."""
    language = "en" if language == "en" else "de"
    style = "long" if style == "long" else "short"
    unit = unit.strip() if isinstance(unit, str) else ""
    if unit == "percent":
        return "", format_number(value, language), " %" if language == "de" else "%"
    if unit == "percentage_points":
        words = {("de", "short"): " Pp.", ("en", "short"): " points",
                 ("de", "long"): " Prozentpunkte", ("en", "long"): " percentage points"}
        return "", format_number(value, language), words[(language, style)]
    if unit in ("year", "date"):
        return "", (str(int(round(value))) if abs(value - round(value)) < 1e-9 else format_number(value, language)), ""
    if unit == "ordinal":
        n = int(round(value))
        suffix = "." if language == "de" else {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, "th")
        return "", str(n), suffix
    money = bool(re.fullmatch(r"[A-Z]{3}", unit))
    if not money and unit != "count":
        return "", format_number(value, language), ""
    scaled, name = _scale(value, language, style, plural)
    number = format_number(scaled, language)
    if style == "long":
        tail = " ".join(w for w in (name, unit if money else "") if w)
        return "", number, f" {tail}" if tail else ""
    if unit == "count":
        return "", number, (f" {name}" if language == "de" and name else name)
    symbol = _SYMBOLS.get(unit, unit)
    if language == "de":
        return "", number, f" {name} {symbol}" if name else f" {symbol}"
    sign = "-" if number.startswith("-") else ""
    return f"{sign}{symbol}{' ' if len(symbol) > 1 else ''}", number.lstrip("-"), name


def format_amount(value, unit: str, language: str = "de", style: str = "short") -> str:
    """A figure as the story's language writes it; '' for an empty or non-finite value.

    style="short" (charts, tables): de "14,3 Mrd. $", "1 Mrd. $", "49 %", "1,2 Mio.";
    en "$14.3bn", "$1bn", "49%", "1.2m". style="long" (sentences): de "14,3 Milliarden USD",
    "1 Milliarde USD", en "14.3 billion USD". Money in ISO 4217 codes (USD $, EUR €,
    GBP £, JPY ¥, others by code), percent, percentage points, counts, years, dates, ordinals.
    """
    v = cell_float(value)
    if not math.isfinite(v):
        return ""
    prefix, number, suffix = amount_parts(v, unit, language, style)
    return f"{prefix}{number}{suffix}"


def format_range(low, high, unit: str, language: str = "de", style: str = "short") -> str:
    """A range the way the language writes it.

    short: de "10 bis 15 Mrd. $", en "$10bn to $15bn"; long: de "14,3–15 Milliarden USD",
    en "14.3–15 billion USD". Equal ends give one value; a missing or infinite end gives
    "mindestens 10 Mrd. $" / "at most $65bn"; '' when both are missing.
    """
    language = "en" if language == "en" else "de"
    to, at_least, at_most = _RANGE_WORDS[language]
    lo, hi = cell_float(low), cell_float(high)
    lo_ok, hi_ok = math.isfinite(lo), math.isfinite(hi)
    if not lo_ok and not hi_ok:
        return ""
    if not lo_ok:
        return f"{at_most} {format_amount(hi, unit, language, style)}"
    if not hi_ok:
        return f"{at_least} {format_amount(lo, unit, language, style)}"
    if abs(lo - hi) <= 1e-9 * max(1.0, abs(hi)):
        return format_amount(lo, unit, language, style)
    p1, n1, s1 = amount_parts(lo, unit, language, style, plural=True)
    p2, n2, s2 = amount_parts(hi, unit, language, style, plural=True)
    shared = (p1, s1) == (p2, s2)
    if shared and n1 == n2:
        return format_amount(lo, unit, language, style)
    if style == "long":
        if shared:
            return f"{p1}{n1}–{n2}{s1}"
        return f"{format_amount(lo, unit, language, style)} – {format_amount(hi, unit, language, style)}"
    if language == "de" and shared:
        return f"{p1}{n1} {to} {n2}{s2}"
    return f"{p1}{n1}{s1} {to} {p2}{n2}{s2}"
