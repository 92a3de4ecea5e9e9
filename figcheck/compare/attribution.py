"""Sentences and attribution: whom an article credits for a figure ("laut Bloomberg", "the FT reported")."""
from __future__ import annotations

import re


# ---------------------------------------------------------------------------
# Sentences and attribution: who says a figure comes from whom
# ---------------------------------------------------------------------------
_ABBREVIATIONS = re.compile(r"(?:\b(?:Inc|Corp|Ltd|Co|Dr|Prof|Mr|Mrs|Ms|St|Nr|Mio|Mrd|Tsd|bzw|ca|vgl|etc|"
                                r"z\.B|u\.a|d\.h|Jan|Feb|Mär|Apr|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec|vs)|\b[A-Z])$")


def compare_sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a text: split at line breaks and at . ! ? followed by a capital."""
    text = text or ""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        base, chunk = line.start(), line.group(0)
        pos = 0
        for m in re.finditer(r"[.!?…]+[»«\"“”')]*\s+(?=[A-ZÄÖÜ0-9«„\"“(])", chunk):
            if _ABBREVIATIONS.search(chunk[pos:m.start()]):
                continue
            spans.append((base + pos, base + m.start() + len(m.group(0).rstrip())))
            pos = m.end()
        if chunk[pos:].strip():
            spans.append((base + pos, base + len(chunk.rstrip())))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_SOURCE_NAME = r"[«»\"„“”']?((?:[A-ZÄÖÜ][\w.&+-]*|[a-z]+-?[A-Z][\w.&-]*)(?:\s(?:[A-ZÄÖÜ][\w.&+-]*|of|der|des|de))*)[«»\"„“”']?"
_ATTRIBUTION_PATTERNS = [
    re.compile(r"\blaut\s+(?:de[mnrs]\s+|die\s+|das\s+)?«([^»]{2,40})»"),
    re.compile(r"\blaut\s+(?:de[mnrs]\s+|die\s+|das\s+)?„([^“]{2,40})“"),
    re.compile(r"\blaut\s+(?:de[mnrs]\s+|die\s+|das\s+)?" + _SOURCE_NAME),
    re.compile(r"\baccording to\s+(?:the\s+)?" + _SOURCE_NAME),
    re.compile(r"(?:de[mnr]\s+|die\s+|das\s+)?" + _SOURCE_NAME + r"\s+zufolge\b"),
]
# Reporting verbs: these also attribute the sentence before ("… , berichtet Bloomberg.").
_REPORTING_PATTERNS = [
    re.compile(r"\b(?:berichtet(?:e|en)?|meldet(?:e|en)?|schreibt|schrieb|zitiert(?:e)?)\s+(?:de[mnrs]\s+|die\s+|das\s+)?"
               + _SOURCE_NAME),
    re.compile(r"(?:wie|so)\s+(?:de[mnr]\s+|die\s+|das\s+)?" + _SOURCE_NAME
               + r"\s+(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)\b"),
    re.compile(_SOURCE_NAME + r"\s+(?:reported|reports|wrote|writes|said)\b"),
    re.compile(r"\b(?:reported|reports|told)\s+(?:by\s+)?(?:the\s+)?" + _SOURCE_NAME),
]
_NOT_SOURCES = {
    "berichten", "angaben", "informationen", "insidern", "kreisen", "medienberichten", "quellen", "experten",
    "analysten", "unternehmen", "unternehmensangaben", "schätzungen", "people", "sources", "reports", "analysts",
    "insiders", "he", "she", "they", "it", "we", "the", "a", "an", "dem", "der", "die", "das", "sie", "er", "es",
    "statistik", "studie", "umfrage", "data", "documents", "dokumenten", "filings", "this", "that",
}
# Reported speech carries an attribution on into the next sentence ("…, sagte Wang laut
# «Handelsblatt». Scale AI werde nun mit 29 Milliarden bewertet."): Konjunktiv I and "demnach".
_REPORTED_SPEECH = re.compile(r"\b(?:sei|seien|werde|werden sollen|habe|hätten|wäre|könne|solle|müsse|wolle|dürfe|"
                                  r"liege|betrage|zahle|gebe|plane|demnach)\b")
_UNNAMED_REPORT = re.compile(r"\b(?:Berichten zufolge|laut Berichten|Medienberichten|Insidern|reportedly|"
                                 r"according to (?:people|sources|reports|media))\b", re.I)


def norm_source(name: str) -> str:
    """A comparable key for a source name: «N-TV», n-tv and NTV are the same."""
    return re.sub(r"[^0-9a-zäöü]", "", (name or "").lower())


def compare_find_sources(text: str, cites: list[str] | None = None, reporting_only: bool = False) -> list[str]:
    """Sources a piece of text attributes something to, in order of appearance.

    Names the article cites (articles.csv `cites`) count where they appear in an attribution
    ("laut «Handelsblatt»", "berichtet Bloomberg", "according to Reuters") or anywhere in the
    text; other names count only in such a pattern. `reporting_only` keeps only reporting-verb
    patterns (used for the sentence after a figure: "…, berichtet Bloomberg.").
    """
    text = text or ""
    found: list[tuple[int, str]] = []
    patterns = _REPORTING_PATTERNS if reporting_only else _ATTRIBUTION_PATTERNS + _REPORTING_PATTERNS
    cited = {norm_source(c): c for c in (cites or []) if isinstance(c, str) and c.strip()}
    for pat in patterns:
        for m in pat.finditer(text):
            name = m.group(1).strip(" .,;:«»\"„“”'")
            key = norm_source(name)
            if not key or key in _NOT_SOURCES or name.split()[0].lower() in _NOT_SOURCES:
                continue
            # prefer the article's own spelling of a cited name; cut a trailing common word
            match = next((c for k, c in cited.items() if k and (key == k or key.startswith(k))), None)
            found.append((m.start(1), match or name))
    if not reporting_only:
        for key, name in cited.items():
            m = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text, re.I)
            if m:
                found.append((m.start(), name))
    out: list[str] = []
    for _pos, name in sorted(found):
        if norm_source(name) not in {norm_source(o) for o in out}:
            out.append(name)
    return out


def compare_attribute(text: str, start: int, sentence_spans: list[tuple[int, int]], cites: list[str]) -> tuple[str, str]:
    """(source, where) a figure at offset `start` of an article is attributed to.

    Looks in the figure's sentence, then the sentence before when the figure's sentence is in
    reported speech (Konjunktiv I: "werde", "sei"; "demnach"),
    then the sentence after when it ends with a reporting verb ("…, berichtet Bloomberg");
    an unnamed report ("Berichten zufolge", "reportedly") in an article that cites exactly
    one source is attributed to that source. ("", "") when nothing says where it comes from.
    """
    idx = next((i for i, (a, b) in enumerate(sentence_spans) if a <= start < b), None)
    if idx is None:
        return "", ""
    own = text[sentence_spans[idx][0]:sentence_spans[idx][1]]
    got = compare_find_sources(own, cites)
    if got:
        return got[0], "sentence"
    if idx > 0 and _REPORTED_SPEECH.search(own):
        got = compare_find_sources(text[sentence_spans[idx - 1][0]:sentence_spans[idx - 1][1]], cites)
        if got:
            return got[0], "previous sentence"
    if idx + 1 < len(sentence_spans):
        got = compare_find_sources(text[sentence_spans[idx + 1][0]:sentence_spans[idx + 1][1]], cites,
                                   reporting_only=True)
        if got:
            return got[0], "next sentence"
    if _UNNAMED_REPORT.search(own) and len(cites) == 1:
        return cites[0], "article"
    return "", ""
