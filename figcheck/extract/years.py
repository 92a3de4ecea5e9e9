"""Dates and years that are more than a bare number: calendar dates ("11. September 2024",
"2024-09-11"), decades ("the late 1990s", "in den 1970er-Jahren"), a year before a noun ("der
2015er-Deal") and fiscal or season years ("2023/24"). A bare year ("seit 2016") is told apart from a
count in reading.py (classify_plain)."""
from __future__ import annotations

import math
import re

from figcheck.extract.numbers import base, date_value


def read_date(m: re.Match, kind: str) -> dict | None:
    """A calendar date ("11. September 2024", "2024-09-11"): unit date."""
    s, e = m.span()
    v = date_value(kind, m.group())
    if math.isnan(v):
        return None
    return dict(base(s, e, v, "date", "exact", v, v), _kind="date")


def read_decade(m: re.Match, text: str, language: str) -> dict | None:
    """A decade: "the late 1990s", "in den 1970er-Jahren" -> the years 1990 to 1999 (unit year, a range)."""
    s, e = m.span()
    if s and (text[s - 1].isalnum() or text[s - 1] in "_/\\#§."):
        return None
    y = float(m.group()[:4])
    # no single year: the value is left empty (like a vague amount), the interval holds the decade
    fig = base(s, e, math.nan, "year", "range", y, y + 9)
    return dict(fig, _kind="decade", _range=True)


def read_year_er(m: re.Match, text: str, language: str) -> dict | None:
    """A year before a noun, German style: "der 2015er-Deal" -> 2015."""
    s, e = m.span()
    if s and (text[s - 1].isalnum() or text[s - 1] in "_/\\#§."):
        return None
    y = float(m.group()[:4])
    if not 1800 <= y <= 2100:
        return None
    return dict(base(s, e, y, "year", "exact", y, y), _kind="number", _plain=False)


def read_fiscal_year(m: re.Match, text: str, language: str) -> dict | None:
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
