"""Publication dates: date lines in German and English, and dates written as in sources.csv."""
from __future__ import annotations

import datetime as _dt
import re


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------
_MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "january": 1, "februar": 2, "feb": 2, "february": 2, "märz": 3,
    "maerz": 3, "mär": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5, "may": 5, "juni": 6,
    "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9,
    "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = (r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|"
             r"thursday|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\.?,?")
_DATE_PREFIX = (r"(?:(?:veröffentlicht|publiziert|erschienen|aktualisiert|geändert|zuletzt aktualisiert|stand|"
                r"datum|published|updated|posted|last updated|date|first published)(?:\s+(?:am|on|at))?\s*:?\s*)?"
                rf"(?:{_WEEKDAYS}\s*)?(?:den\s+|the\s+)?")
_TIME_SUFFIX = (r"(?:\s*(?:,|\||-|–|um|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?"
                r"(?:\s*(?:mez|mesz|cet|cest|utc|gmt|bst|est|edt|pst|pdt))?)?")
_DATE_CORES = [
    r"(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    r"(?P<d2>\d{1,2})\.\s?(?P<m2>\d{1,2})\.\s?(?P<y2>\d{4})",
    r"(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>\d{4})",
    rf"(?P<d4>\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?P<mn4>{_MONTH_RE})\.?,?\s+(?P<y4>\d{{4}})",
    rf"(?P<mn5>{_MONTH_RE})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y5>\d{{4}})",
]
_DATE_LINE = re.compile(rf"^{_DATE_PREFIX}(?:{'|'.join(_DATE_CORES)}){_TIME_SUFFIX}\s*$", re.I)


def _valid_date(y: int, m: int, d: int) -> str:
    """ISO date for y-m-d when it is a real date between 1900 and 2100, else ''."""
    try:
        date = _dt.date(int(y), int(m), int(d))
    except (ValueError, TypeError):
        return ""
    return date.isoformat() if 1900 <= date.year <= 2100 else ""


def parse_date_line(line: str) -> str:
    """ISO date when the whole line is a date (with optional 'Veröffentlicht am', weekday, time), else ''.

    '2025-06-11' -> '2025-06-11'; '11.06.2025, 14:32 Uhr' -> '2025-06-11';
    'Mittwoch, 11. Juni 2025' and 'June 11, 2025' are read too (German and English month names).
    """
    line = line.strip()
    if len(line) > 80:
        return ""
    m = _DATE_LINE.match(line)
    if not m:
        return ""
    g = m.groupdict()
    if g["y1"]:
        return _valid_date(g["y1"], g["m1"], g["d1"])
    if g["y2"]:
        return _valid_date(g["y2"], g["m2"], g["d2"])
    if g["y3"]:
        return _valid_date(g["y3"], g["m3"], g["d3"])
    if g["y4"]:
        return _valid_date(g["y4"], _MONTHS[g["mn4"].lower()], g["d4"])
    if g["y5"]:
        return _valid_date(g["y5"], _MONTHS[g["mn5"].lower()], g["d5"])
    return ""


def parse_published(value: str) -> str:
    """ISO 8601 date (YYYY-MM-DD) for a date written any common way in German or English, else ''.

    Tries the strict date-line patterns first, then dateparser (German and English, day first,
    never relative to today: 'gestern' gives '').
    """
    value = str(value or "").strip()
    if not value:
        return ""
    iso = parse_date_line(value)
    if iso:
        return iso
    if len(value) > 100 or not re.search(r"\d{4}", value):
        return ""
    import dateparser

    parsed = dateparser.parse(value, languages=["de", "en"],
                              settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                                        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        return ""
    return _valid_date(parsed.year, parsed.month, parsed.day)
