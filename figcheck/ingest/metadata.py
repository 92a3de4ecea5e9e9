"""Outlet and date lines at the top of an article: source lines, mastheads, datelines, photo tags."""
from __future__ import annotations

import re

from figcheck.ingest.cites import INGEST_KNOWN_OUTLETS, AGENCY_KEYS, cite_key
from figcheck.ingest.dates import parse_date_line
from figcheck.ingest.lines import (
    IngestLine, BYLINE, END_PUNCT, is_paragraph, words_in
)


def meta_parts(line: str) -> dict | None:
    """For a header line made of parts separated by '|' or '·' ('By Dana Whitfield | The Tech Ledger |
    March 3, 2025'), with at least one byline or date part: {published, outlet}; else None."""
    parts = [p.strip() for p in re.split(r"\s+[|·•]\s+", line) if p.strip()]
    if len(parts) < 2:
        return None
    dates = [parse_date_line(p) for p in parts]
    bylines = [bool(BYLINE.match(p)) for p in parts]
    if not any(dates) and not any(bylines):
        return None
    rest = [p for p, d, b in zip(parts, dates, bylines) if not d and not b]
    if any(words_in(p) > 6 or END_PUNCT.search(p) for p in rest):
        return None
    return {"published": next((d for d in dates if d), ""), "outlet": rest[0] if len(rest) == 1 else ""}


# Last words that make a name an outlet's name ('Pacific Business Wire', 'Handelsblatt', 'Finanzecho'): checked as
# the end of the name's last word, lower case. A place ('BERLIN', 'New York') has none of them.
_OUTLET_HEADS = ("zeitung", "blatt", "kurier", "journal", "times", "news", "wire", "herald", "gazette",
                        "tribune", "chronicle", "ledger", "courier", "observer", "dispatch", "rundschau", "anzeiger",
                        "bote", "echo", "magazin", "magazine", "online", "presse", "press", "report", "daily",
                        "spiegel", "standard", "nachrichten", "post", "circuit", "byte", "insider", "review")
_NAME_DATE_SEP = re.compile(r",\s+|\s+[-–—|]\s+")


def _outlet_like(name: str) -> bool:
    """True when a short name reads as an outlet rather than a place: a known outlet, a web domain, a name
    starting with 'The', or one whose last word ends like a media title ('Wire', 'Journal', '...blatt')."""
    words = name.split()
    if not words or len(words) > 6:
        return False
    low = name.lower()
    if any(cite_key(name) == cite_key(k) for k in INGEST_KNOWN_OUTLETS):
        return True
    if re.fullmatch(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}", low):
        return True
    if len(words) >= 2 and words[0].lower() == "the":
        return True
    return re.sub(r"[\W_]+$", "", words[-1].lower()).endswith(_OUTLET_HEADS)


def _tidy_outlet(name: str) -> str:
    """An outlet name as a masthead in capitals would be written normally ('PACIFIC BUSINESS WIRE' ->
    'Pacific Business Wire'); short acronyms (BBC, FAZ) and mixed-case names are kept as they are."""
    name = name.strip()
    if not re.search(r"[A-ZÄÖÜ]", name) or re.search(r"[a-zäöüß]", name):
        return name
    known = {k.lower(): k for k in INGEST_KNOWN_OUTLETS}
    if name.lower() in known:
        return known[name.lower()]
    return " ".join(w.capitalize() if len(w) >= 4 or w in ("THE", "DER", "DIE", "DAS") else w for w in name.split())


def outlet_date_line(line: str) -> dict | None:
    """For a header line made of a short name and a date ('PACIFIC BUSINESS WIRE, March 5, 2025',
    'The Daily Circuit - March 6, 2025', 'Handelsblatt, 5. März 2025'): {published, outlet}, where outlet
    is '' when the name reads as a place ('BERLIN, 5. März 2025'); None for any other line."""
    if len(line) > 120 or not line[:1].isalnum():
        return None
    for m in _NAME_DATE_SEP.finditer(line):
        name, rest = line[:m.start()].strip(), line[m.end():]
        if not name or words_in(name) > 6 or re.search(r"[.!?:;,]$|\d{3,}", name):
            continue
        iso = parse_date_line(rest)
        if not iso:
            continue
        domain = re.fullmatch(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}", name.lower())
        if not domain and not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in ("of", "am", "im", "and", "und",
                                                                                      "&", "de") for w in name.split()):
            return None
        return {"published": iso, "outlet": _tidy_outlet(name) if _outlet_like(name) else ""}
    return None


def masthead_outlet(lines: list[IngestLine]) -> str:
    """In the header (before the first paragraph of running text), a short name line next to a date
    or byline line is the outlet's masthead ('Harbor Street Journal' above 'March 5, 2025'): mark it
    as a source line and return the name ('' when there is none)."""
    nonblank = [ln for ln in lines if ln.kind != "blank"]
    for k, ln in enumerate(nonblank):
        if ln.kind == "body" and is_paragraph(ln.text):
            return ""
        if ln.kind != "body" or words_in(ln.text) > 5 or END_PUNCT.search(ln.text) \
                or not ln.text[:1].isupper():
            continue
        near = [nonblank[j].rule for j in (k - 1, k + 1) if 0 <= j < len(nonblank)]
        if any(r in ("date_line", "byline", "source_line") for r in near):
            ln.kind, ln.rule = "removed", "source_line"
            return ln.text
    return ""


def mark_photo_tags(lines: list[IngestLine]) -> None:
    """A one- or two-word lowercase line right before a caption is an image's tag or alt text: remove it."""
    nonblank = [ln for ln in lines if ln.kind != "blank"]
    for prev, nxt in zip(nonblank, nonblank[1:]):
        if prev.kind == "body" and nxt.kind == "caption" and words_in(prev.text) <= 2 \
                and prev.text == prev.text.lower() and not END_PUNCT.search(prev.text):
            prev.kind, prev.rule = "removed", "photo_tag"


_DATELINE = re.compile(r"^(?P<place>[A-ZÄÖÜ][\wÄÖÜäöüß.' -]{1,40}(?:\s*/\s*[A-ZÄÖÜ][\wÄÖÜäöüß.' -]{1,40}){0,3})"
                       r"\s*\((?P<who>[^()\n]{2,40})\)\s*[-–—:]\s+\S")


def dateline(line: str) -> tuple[str, bool] | None:
    """('IT BOLTWISE', False) for 'SILICON VALLEY / LONDON (IT BOLTWISE) – ...'; (agency, True) when the
    name in brackets is a news agency ('Berlin (dpa) - ...'); None when the line has no dateline."""
    m = _DATELINE.match(line[:200])
    if not m:
        return None
    who = re.sub(r"[®™©]", "", m.group("who")).strip()
    parts = [p.strip() for p in re.split(r"[/,]", who) if p.strip()]
    if parts and all(cite_key(p) in AGENCY_KEYS for p in parts):
        return parts[0], True
    return who, False
