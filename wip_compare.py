"""Section 3 of helpers.py: compare the outlets (work in progress module).

Reads the figures of notebook 02 (figures.csv) and the articles of notebook 01
(articles.csv) and tells, per quantity, what the outlets agree on, who is out of line,
who contradicts themselves, which figures imply each other, how a value moved over time
and who cites whom. Public entry points: `compare_story` and `write_comparison`;
everything below them is a small pure function.

Vocabulary used throughout:
  figure    one row of figures.csv (a span in one article)
  claim     what one article says about one quantity at one point in time: its body's
            most specific figure (headline figures are shorthand), with an interval
  interval  [lo, hi] the wording allows, widened by the tolerance for exact values
  region    the stretch of values most outlets' intervals share (the consensus)
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from wip_common import (article_label, cell_json, default_params, format_amount, format_number, format_range,
                        join_words, read_table, story_language, write_csv_atomic)

INF = math.inf

# Columns of the three tables this section writes (docs/tables.md; extra columns last).
COMPARISON_COLUMNS = ["quantity", "unit", "n_outlets", "n_figures", "consensus_low", "consensus_high",
                      "median", "min", "max", "spread", "status", "agree", "compatible", "contradict",
                      "label", "support", "independent_sources"]
EVIDENCE_COLUMNS = ["quantity", "unit", "file", "outlet", "figure_id", "text", "value", "low", "high",
                    "qualifier", "stage", "attributed_to", "verdict", "factor", "sentence", "published",
                    "start", "end", "segment", "role", "stage_cue", "reason"]
FINDING_COLUMNS = ["rank", "kind", "quantity", "unit", "files", "outlets", "values", "severity", "score",
                   "message", "evidence", "detail"]

# How specific a wording is: lower is more specific (used to pick the article's claim).
_CMP_SPECIFICITY = {"exact": 0, "approx": 1, "range": 2, "upper": 3, "lower": 3, "vague": 5}
_CMP_POINT_QUALIFIERS = ("exact", "approx", "range")
_CMP_STAGE_RANK = {"past": 0, "early": 1, "projected": 2, "settled": 3}
_CMP_TIMEPOINT = {"past": "past", "projected": "projected", "early": "current", "settled": "current"}
_CMP_TIMEPOINT_RANK = {"past": 0, "current": 1, "projected": 2}


@dataclass
class ComparisonResult:
    """The three tables of notebook 03 plus the story language the messages are written in."""
    comparison: pd.DataFrame
    evidence: pd.DataFrame
    findings: pd.DataFrame
    language: str = "en"


# ---------------------------------------------------------------------------
# Small value helpers
# ---------------------------------------------------------------------------
def _cmp_num(x) -> float | None:
    """A finite float, or None for empty cells, NaN, NA and text that is not a number."""
    if x is None or x is pd.NA or isinstance(x, bool):
        return None
    if isinstance(x, str):
        x = x.strip()
        if not x:
            return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _cmp_overlap(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    """Whether two closed intervals share at least one value."""
    return a_lo <= b_hi and b_lo <= a_hi


def _cmp_widen(lo: float, hi: float, tolerance: float) -> tuple[float, float]:
    """Widen [lo, hi] by a relative tolerance on each side (infinite ends stay infinite)."""
    return (lo - abs(lo) * tolerance if math.isfinite(lo) else lo,
            hi + abs(hi) * tolerance if math.isfinite(hi) else hi)


# ---------------------------------------------------------------------------
# Intervals: what a wording allows
# ---------------------------------------------------------------------------
# Scale words of vague amounts ("Milliarden", "billions", "Hunderttausende"): regex, scale,
# and how far above the scale the wording still reaches (the next scale word).
_CMP_VAGUE_SCALES_DE = [
    (r"hunderttausend", 1e5, 10), (r"zehntausend", 1e4, 10), (r"tausend", 1e3, 10), (r"hundert", 1e2, 10),
    (r"billion", 1e12, 1000), (r"milliard", 1e9, 1000), (r"million", 1e6, 1000),
]
_CMP_VAGUE_SCALES_EN = [
    (r"hundreds of thousands", 1e5, 10), (r"tens of thousands", 1e4, 10), (r"hundreds of millions", 1e8, 10),
    (r"tens of millions", 1e7, 10), (r"hundreds of billions", 1e11, 10), (r"tens of billions", 1e10, 10),
    (r"thousand", 1e3, 10), (r"hundred", 1e2, 10),
    (r"trillion", 1e12, 1000), (r"billion", 1e9, 1000), (r"million", 1e6, 1000),
]
# A standalone plural ("Milliarden", "billions") means at least two of the scale;
# a compound ("Milliardendeal", "milliardenschwer", "multibillion") means at least one.
_CMP_PLURAL_WORD = re.compile(
    r"^(?:milliarden|millionen|billionen|tausende|tausenden|hunderte|hunderten|zehntausende|zehntausenden|"
    r"hunderttausende|hunderttausenden|billions|millions|trillions|thousands|hundreds)$", re.I)
_CMP_CLOSE_HEDGE = re.compile(r"\b(?:fast|nahezu|knapp|beinahe|annähernd|nearly|almost|close to|just under|"
                              r"just shy of|approaching)\b", re.I)


def compare_vague_bounds(text: str, language: str = "de") -> tuple[float | None, float | None]:
    """The interval a vague amount allows, from its scale word.

    "Milliarden" / "billions" (a standalone plural) -> at least 2 billion; "Milliardensumme",
    "milliardenschwer", "multibillion" (compounds) -> at least 1 billion; the top is the next
    scale word (a thousand billions). (None, None) when no scale word is found.
    """
    low_text = (text or "").lower()
    tables = _CMP_VAGUE_SCALES_EN if language == "en" else _CMP_VAGUE_SCALES_DE
    if language not in ("de", "en"):
        tables = _CMP_VAGUE_SCALES_DE + _CMP_VAGUE_SCALES_EN
    for pattern, scale, reach in tables:
        m = re.search(pattern, low_text)
        if not m:
            continue
        word_m = re.search(r"[\w-]*" + pattern + r"[\w-]*", low_text)
        word = word_m.group(0) if word_m else ""
        multiple = " " in pattern  # "hundreds of thousands": already plural
        plural = multiple or bool(_CMP_PLURAL_WORD.match(word))
        return (2 * scale if plural and not multiple else scale), scale * reach
    return None, None


def compare_figure_interval(value, low, high, qualifier: str, text: str = "", tolerance: float = 0.05,
                            language: str = "de") -> tuple[float, float, float, float]:
    """(raw_lo, raw_hi, lo, hi): the interval a figure's wording allows, and the same widened by tolerance.

    exact 14.3 -> [14.3, 14.3], widened [13.585, 15.015] at 5 %; approx ("rund") keeps the
    extractor's low/high or takes +-10 %; lower ("über 10") -> [10, inf); upper ("fast 50")
    -> [42.5, 50] for close hedges (fast, nahezu, almost), [0, 50] for "bis zu"/"up to";
    range -> [low, high]; vague -> from the scale word (compare_vague_bounds). Missing numbers
    give (-inf, inf), which contradicts nothing.
    """
    v, lo, hi = _cmp_num(value), _cmp_num(low), _cmp_num(high)
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
            elif _CMP_CLOSE_HEDGE.search(text or ""):
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
    w_lo, w_hi = _cmp_widen(raw_lo, raw_hi, tolerance)
    return raw_lo, raw_hi, w_lo, w_hi


def compare_is_pointlike(fig: dict) -> bool:
    """Whether a figure names a value rather than a bound: exact, approx, range, and close
    hedges ("fast 15", "nahezu 15", "almost half"), unlike "bis zu"/"up to" or "über"."""
    q = fig.get("qualifier", "")
    if q in _CMP_POINT_QUALIFIERS:
        return True
    return q == "upper" and bool(_CMP_CLOSE_HEDGE.search(str(fig.get("text", "") or "")))


def compare_point(value, low, high, qualifier: str) -> float | None:
    """The single number a figure stands for (None for vague wording and open bounds without a value)."""
    v, lo, hi = _cmp_num(value), _cmp_num(low), _cmp_num(high)
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


# ---------------------------------------------------------------------------
# Stage and time: early (talks, plans, reports), settled, past, projected
# ---------------------------------------------------------------------------
_CMP_PAST_CUES = re.compile(
    r"\b(?:kürzlich|zuvor|vorher|zuletzt|damals|früher|ehemals|einst|im Vorjahr|vergangenen Jahr|letzten Jahr|"
    r"vor (?:einem|einer|zwei|drei|vier|fünf|\d+) (?:Jahr|Jahren|Monat|Monaten|Woche|Wochen)|"
    r"previously|formerly|earlier|last (?:year|month|week|round|valued)|a year ago|in the past|recently|"
    r"had been valued|was valued)\b", re.I)
_CMP_MODAL_CUES = re.compile(
    r"\b(?:könnte|könnten|würde|würden|dürfte|dürften|soll|sollen|sollte|wird|werden|could|would|might|will|"
    r"expected to|set to|likely to|(?-i:may))\b", re.I)
_CMP_CHANGE_CUES = re.compile(
    r"\b(?:steig\w*|steiger\w*|erhöh\w*|wachs\w*|wächst|klettern?|erreich\w*|anheb\w*|anstieg\w*|"
    r"rise|rises|rising|increase\w*|grow\w*|climb\w*|reach\w*|boost\w*|lift\w*|jump\w*)\b", re.I)
_CMP_FORECAST_CUES = re.compile(r"\b(?:prognostiz\w*|Prognose\w*|forecast\w*|projected|projection\w*)\b", re.I)
_CMP_NOW_CUES = re.compile(r"\b(?:nun|jetzt|inzwischen|mittlerweile|nunmehr|now|currently|derzeit|aktuell)\b", re.I)
_CMP_EARLY_CUES = re.compile(
    r"\b(?:plan\w*|geplant\w*|Pläne\w*|Gespräch\w*|Verhandlung\w*|verhandel\w*|Berichten zufolge|laut Berichten|"
    r"Medienberichten|Insider\w*|angeblich|offenbar|wohl|erwäg\w*|potenziell\w*|möglich\w*|soll|sollen|sollte|"
    r"könnte|könnten|würde|würden|im Falle|talks|negotiat\w*|reportedly|is said to|are said to|"
    r"people familiar|considering|potential|proposed|would|could|might|aims? to|in discussions|(?-i:may))\b",
    re.I)
_CMP_CLAUSE_SPLIT = re.compile(
    r"[,;:()\[\]–—]|\s-\s|\b(?:doch|aber|jedoch|während|obwohl|but|while|whereas|although|however)\b", re.I)


def compare_clause(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` that holds the span [start, end) (split at commas, dashes, 'doch', 'but'...)."""
    sentence = sentence or ""
    cuts = [0]
    for m in _CMP_CLAUSE_SPLIT.finditer(sentence):
        if m.start() >= end or m.end() <= start:
            cuts.append(m.start() if m.start() >= end else m.end())
    left = max([c for c in cuts if c <= start] or [0])
    rights = [c for c in cuts if c >= end]
    right = min(rights) if rights else len(sentence)
    return sentence[left:right]


def compare_stage(sentence: str, start: int | None = None, end: int | None = None) -> tuple[str, str]:
    """(stage, cue): when a figure holds, read from its clause and sentence.

    past      "kürzlich mit 14 Milliarden bewertet", "previously valued at"  (clause)
    projected "könnte auf 25 Milliarden steigen", "could rise to", "forecast" (clause)
    settled   "nun", "now" in the clause, or plain indicative
    early     plans, talks, reports in the sentence: "plant", "in Gesprächen", "Berichten
              zufolge", "soll", "könnte", "reportedly", "talks"
    `start`/`end` are offsets of the span inside the sentence (None: the whole sentence).
    """
    sentence = sentence or ""
    if start is None or end is None or not 0 <= start <= end <= len(sentence):
        clause = sentence
    else:
        clause = compare_clause(sentence, start, end)
    m = _CMP_PAST_CUES.search(clause)
    if m:
        return "past", m.group(0)
    modal, change = _CMP_MODAL_CUES.search(clause), _CMP_CHANGE_CUES.search(clause)
    if modal and change:
        return "projected", f"{modal.group(0)} … {change.group(0)}" if modal.start() < change.start() \
            else f"{change.group(0)} … {modal.group(0)}"
    m = _CMP_FORECAST_CUES.search(clause)
    if m:
        return "projected", m.group(0)
    m = _CMP_NOW_CUES.search(clause)
    if m:
        return "settled", m.group(0)
    m = _CMP_EARLY_CUES.search(sentence)
    if m:
        return "early", m.group(0)
    return "settled", ""


# ---------------------------------------------------------------------------
# Sentences and attribution: who says a figure comes from whom
# ---------------------------------------------------------------------------
_CMP_ABBREVIATIONS = re.compile(r"(?:\b(?:Inc|Corp|Ltd|Co|Dr|Prof|Mr|Mrs|Ms|St|Nr|Mio|Mrd|Tsd|bzw|ca|vgl|etc|"
                                r"z\.B|u\.a|d\.h|Jan|Feb|Mär|Apr|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec|vs)|\b[A-Z])$")


def compare_sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a text: split at line breaks and at . ! ? followed by a capital."""
    text = text or ""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        base, chunk = line.start(), line.group(0)
        pos = 0
        for m in re.finditer(r"[.!?…]+[»«\"“”')]*\s+(?=[A-ZÄÖÜ0-9«„\"“(])", chunk):
            if _CMP_ABBREVIATIONS.search(chunk[pos:m.start()]):
                continue
            spans.append((base + pos, base + m.start() + len(m.group(0).rstrip())))
            pos = m.end()
        if chunk[pos:].strip():
            spans.append((base + pos, base + len(chunk.rstrip())))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_CMP_SOURCE_NAME = r"[«»\"„“”']?((?:[A-ZÄÖÜ][\w.&+-]*|[a-z]+-?[A-Z][\w.&-]*)(?:\s(?:[A-ZÄÖÜ][\w.&+-]*|of|der|des|de))*)[«»\"„“”']?"
_CMP_ATTRIBUTION_PATTERNS = [
    re.compile(r"\blaut\s+(?:de[mnrs]\s+|die\s+|das\s+)?«([^»]{2,40})»"),
    re.compile(r"\blaut\s+(?:de[mnrs]\s+|die\s+|das\s+)?„([^“]{2,40})“"),
    re.compile(r"\blaut\s+(?:de[mnrs]\s+|die\s+|das\s+)?" + _CMP_SOURCE_NAME),
    re.compile(r"\baccording to\s+(?:the\s+)?" + _CMP_SOURCE_NAME),
    re.compile(r"(?:de[mnr]\s+|die\s+|das\s+)?" + _CMP_SOURCE_NAME + r"\s+zufolge\b"),
]
# Reporting verbs: these also attribute the sentence before ("… , berichtet Bloomberg.").
_CMP_REPORTING_PATTERNS = [
    re.compile(r"\b(?:berichtet(?:e|en)?|meldet(?:e|en)?|schreibt|schrieb|zitiert(?:e)?)\s+(?:de[mnrs]\s+|die\s+|das\s+)?"
               + _CMP_SOURCE_NAME),
    re.compile(r"(?:wie|so)\s+(?:de[mnr]\s+|die\s+|das\s+)?" + _CMP_SOURCE_NAME
               + r"\s+(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)\b"),
    re.compile(_CMP_SOURCE_NAME + r"\s+(?:reported|reports|wrote|writes|said)\b"),
    re.compile(r"\b(?:reported|reports|told)\s+(?:by\s+)?(?:the\s+)?" + _CMP_SOURCE_NAME),
]
_CMP_NOT_SOURCES = {
    "berichten", "angaben", "informationen", "insidern", "kreisen", "medienberichten", "quellen", "experten",
    "analysten", "unternehmen", "unternehmensangaben", "schätzungen", "people", "sources", "reports", "analysts",
    "insiders", "he", "she", "they", "it", "we", "the", "a", "an", "dem", "der", "die", "das", "sie", "er", "es",
    "statistik", "studie", "umfrage", "data", "documents", "dokumenten", "filings", "this", "that",
}
# Reported speech carries an attribution on into the next sentence ("…, sagte Wang laut
# «Handelsblatt». Scale AI werde nun mit 29 Milliarden bewertet."): Konjunktiv I and "demnach".
_CMP_REPORTED_SPEECH = re.compile(r"\b(?:sei|seien|werde|werden sollen|habe|hätten|wäre|könne|solle|müsse|wolle|dürfe|"
                                  r"liege|betrage|zahle|gebe|plane|demnach)\b")
_CMP_UNNAMED_REPORT = re.compile(r"\b(?:Berichten zufolge|laut Berichten|Medienberichten|Insidern|reportedly|"
                                 r"according to (?:people|sources|reports|media))\b", re.I)


def _cmp_norm_source(name: str) -> str:
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
    patterns = _CMP_REPORTING_PATTERNS if reporting_only else _CMP_ATTRIBUTION_PATTERNS + _CMP_REPORTING_PATTERNS
    cited = {_cmp_norm_source(c): c for c in (cites or []) if isinstance(c, str) and c.strip()}
    for pat in patterns:
        for m in pat.finditer(text):
            name = m.group(1).strip(" .,;:«»\"„“”'")
            key = _cmp_norm_source(name)
            if not key or key in _CMP_NOT_SOURCES or name.split()[0].lower() in _CMP_NOT_SOURCES:
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
        if _cmp_norm_source(name) not in {_cmp_norm_source(o) for o in out}:
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
    if idx > 0 and _CMP_REPORTED_SPEECH.search(own):
        got = compare_find_sources(text[sentence_spans[idx - 1][0]:sentence_spans[idx - 1][1]], cites)
        if got:
            return got[0], "previous sentence"
    if idx + 1 < len(sentence_spans):
        got = compare_find_sources(text[sentence_spans[idx + 1][0]:sentence_spans[idx + 1][1]], cites,
                                   reporting_only=True)
        if got:
            return got[0], "next sentence"
    if _CMP_UNNAMED_REPORT.search(own) and len(cites) == 1:
        return cites[0], "article"
    return "", ""


# ---------------------------------------------------------------------------
# Preparing the figures: one row per figure with interval, stage, source, label
# ---------------------------------------------------------------------------
def _cmp_segment_of(start, segments) -> str:
    """The segment kind (headline, caption, body) holding offset `start`, from articles.csv `segments`."""
    s = _cmp_num(start)
    for seg in cell_json(segments, []):
        if isinstance(seg, list) and len(seg) >= 3 and s is not None and seg[0] <= s < seg[1]:
            return str(seg[2])
    return ""


def compare_opening_span(text: str, segments, sentence_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """(start, end) of an article's opening: the first sentence of its first body segment
    (without segments: the first sentence after the first line). (0, 0) when there is none."""
    body_start = None
    for seg in cell_json(segments, []):
        if isinstance(seg, list) and len(seg) >= 3 and seg[2] == "body":
            body_start = seg[0]
            break
    if body_start is None:
        nl = (text or "").find("\n")
        body_start = nl + 1 if nl >= 0 else 0
    for a, b in sentence_spans:
        if b > body_start and len(text[max(a, body_start):b].strip()) >= 20:
            return max(a, body_start), b
    return 0, 0


def compare_prepare_figures(figures: pd.DataFrame, articles: pd.DataFrame, params: dict) -> pd.DataFrame:
    """The figures to compare, one row each, with everything the comparison needs.

    Drops figures of excluded and duplicate articles, of quantity 'unclassified' or empty,
    and without any number; adds outlet (params 'outlets' > articles.csv > figures.csv),
    label, published, segment, stage, stage_cue, timepoint, attributed_to, the interval
    (raw_lo, raw_hi, lo, hi) and point.
    """
    tol = float(params.get("tolerance", 0.05))
    figs = figures.copy() if figures is not None else pd.DataFrame()
    for col in ("file", "quantity", "unit", "qualifier", "text", "sentence", "segment", "outlet", "published",
                "language", "figure_id"):
        if col not in figs.columns:
            figs[col] = ""
        figs[col] = figs[col].fillna("").astype(str)
    for col in ("start", "end", "value", "low", "high", "sentence_start"):
        if col not in figs.columns:
            figs[col] = None
    arts = {}
    if articles is not None and len(articles):
        for rec in articles.to_dict("records"):
            arts[str(rec.get("file", ""))] = rec
    exclude = set(params.get("exclude") or [])
    outlets_param = params.get("outlets") or {}
    lang_story = story_language(articles, params.get("language", "auto"))
    keep = []
    spans_cache: dict[str, list] = {}
    for rec in figs.to_dict("records"):
        f = rec["file"]
        art = arts.get(f, {})
        q = rec["quantity"].strip()
        if f in exclude or not q or q == "unclassified":
            continue
        if str(art.get("duplicate_of", "") or "").strip():
            continue
        rec["unit"] = rec["unit"].strip() or "other"
        rec["qualifier"] = rec["qualifier"].strip().lower() or "exact"
        outlet = outlets_param.get(f) or str(art.get("outlet", "") or "").strip() or rec["outlet"].strip()
        rec["outlet"] = outlet
        rec["label"] = article_label(f, outlet, lang_story)
        rec["published"] = str(art.get("published", "") or "").strip() or rec["published"].strip()
        lang = str(art.get("language", "") or rec["language"] or lang_story)
        raw_lo, raw_hi, lo, hi = compare_figure_interval(rec["value"], rec["low"], rec["high"], rec["qualifier"],
                                                         rec["text"], tol, lang)
        if not (math.isfinite(raw_lo) or math.isfinite(raw_hi)):
            continue
        rec.update(raw_lo=raw_lo, raw_hi=raw_hi, lo=lo, hi=hi,
                   point=compare_point(rec["value"], rec["low"], rec["high"], rec["qualifier"]))
        if not rec["segment"]:
            rec["segment"] = _cmp_segment_of(rec["start"], art.get("segments")) or "body"
        start, end = _cmp_num(rec["start"]), _cmp_num(rec["end"])
        s_start = _cmp_num(rec["sentence_start"])
        sentence = rec["sentence"]
        if start is not None and s_start is not None:
            rel_s, rel_e = int(start - s_start), int((end or start) - s_start)
        else:
            pos = sentence.find(rec["text"]) if rec["text"] else -1
            rel_s, rel_e = (pos, pos + len(rec["text"])) if pos >= 0 else (None, None)
        rec["stage"], rec["stage_cue"] = compare_stage(sentence, rel_s, rel_e)
        rec["timepoint"] = _CMP_TIMEPOINT[rec["stage"]]
        text = str(art.get("text", "") or "")
        cites = [c for c in cell_json(art.get("cites", ""), []) if isinstance(c, str)]
        if text and start is not None:
            if f not in spans_cache:
                spans_cache[f] = compare_sentence_spans(text)
            src, where = compare_attribute(text, int(start), spans_cache[f], cites)
            o_start, o_end = compare_opening_span(text, art.get("segments"), spans_cache[f])
            rec["opening"] = o_start <= start < o_end
        else:
            got = compare_find_sources(sentence, cites)
            src, where = (got[0], "sentence") if got else ("", "")
        rec["attributed_to"], rec["attributed_where"] = src, where
        rec.setdefault("opening", False)
        keep.append(rec)
    cols = list(figs.columns) + [c for c in ("label", "raw_lo", "raw_hi", "lo", "hi", "point", "stage", "stage_cue",
                                             "timepoint", "attributed_to", "attributed_where", "opening") if c not in figs.columns]
    out = pd.DataFrame(keep, columns=cols)
    if len(out):
        out["_start_sort"] = out["start"].map(lambda x: _cmp_num(x) if _cmp_num(x) is not None else -1.0)
        out = out.sort_values(["quantity", "unit", "file", "_start_sort"], kind="mergesort").drop(columns="_start_sort")
    return out.reset_index(drop=True)


def compare_group_figures(figs: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """Like with like: the prepared figures grouped by (quantity, unit).

    Money in different currencies lands in different groups and is never compared as one;
    'unclassified' figures were already left out by compare_prepare_figures.
    """
    groups: dict[tuple[str, str], pd.DataFrame] = {}
    if figs is None or not len(figs):
        return groups
    for (q, u), g in figs.groupby(["quantity", "unit"], sort=True):
        if q and q != "unclassified":
            groups[(str(q), str(u))] = g.reset_index(drop=True)
    return groups


# ---------------------------------------------------------------------------
# Claims: what one article says about one quantity at one point in time
# ---------------------------------------------------------------------------
def _cmp_specificity_key(fig: dict) -> tuple:
    """Sort key: body before headline/caption, then exact > approx > range > bounds > vague, narrow first."""
    seg_rank = 1 if fig.get("segment") == "headline" else 0
    spec = _CMP_SPECIFICITY.get(fig.get("qualifier", "exact"), 4)
    lo, hi = fig.get("raw_lo", -INF), fig.get("raw_hi", INF)
    if math.isfinite(lo) and math.isfinite(hi):
        width = (hi - lo) / max(abs(hi), abs(lo), 1e-12)
    else:
        width = INF
    stage_rank = 0 if fig.get("stage") == "settled" else 1
    return (seg_rank if spec < 5 else 3, spec, width, stage_rank, _cmp_num(fig.get("start")) or 0.0)


def compare_article_claims(group: pd.DataFrame) -> list[dict]:
    """One claim per (article, timepoint) of one quantity group.

    The claim is represented by the body's most specific figure: a headline's "$10B" is
    shorthand for the body's "über 10 Milliarden", so the body speaks for the article (a
    headline or caption figure represents it only when the body has none). Each claim keeps
    all its figures, for the self-contradiction check.
    """
    claims = []
    if group is None or not len(group):
        return claims
    recs = group.to_dict("records")
    keys = sorted({(r["file"], r["timepoint"]) for r in recs}, key=lambda k: (k[0], _CMP_TIMEPOINT_RANK[k[1]]))
    for file, tp in keys:
        members = [r for r in recs if r["file"] == file and r["timepoint"] == tp]
        rep = min(members, key=_cmp_specificity_key)
        claims.append({
            "file": file, "outlet": rep["outlet"], "label": rep["label"], "quantity": rep["quantity"],
            "unit": rep["unit"], "timepoint": tp, "stage": rep["stage"], "published": rep.get("published", ""),
            "rep": rep, "figures": members, "qualifier": rep["qualifier"], "pointlike": compare_is_pointlike(rep),
            "raw_lo": rep["raw_lo"], "raw_hi": rep["raw_hi"], "lo": rep["lo"], "hi": rep["hi"], "point": rep["point"],
            "attributed_to": rep.get("attributed_to", "") or next(
                (m.get("attributed_to") for m in members if m.get("attributed_to")), ""),
        })
    return claims


# ---------------------------------------------------------------------------
# Hedge-aware consensus: interval voting
# ---------------------------------------------------------------------------
def compare_voting_intervals(claims: list[dict], voting: list[int]) -> tuple[list[tuple], list[int]]:
    """The intervals the claims vote with, and which claim each belongs to.

    An article votes with every specific (not vague) figure of its body, as one voter: an
    article that mentions two values of one quantity (this year's and last year's change, two
    deals) backs whichever of them the others confirm, and is not made an outlier by the other.
    Headline figures vote only when the body has none; vague wording only when nothing else.
    """
    iv, owner = [], []
    for i in voting:
        c = claims[i]
        members = [f for f in c["figures"] if f["qualifier"] != "vague" and f.get("segment") != "headline"]
        if not members:
            members = [c["rep"]]
        for f in members:
            iv.append((f["lo"], f["hi"], c["label"], compare_is_pointlike(f)))
            owner.append(i)
    return iv, owner


def compare_refit_claim(claim: dict, region: tuple) -> None:
    """Let the article's most specific figure inside the consensus speak for it, when its first
    choice lies outside (the article reported the consensus value and some other value too)."""
    r_lo, r_hi = region
    if r_lo is None or _cmp_overlap(claim["lo"], claim["hi"], r_lo, r_hi):
        return
    inside = [f for f in claim["figures"] if _cmp_overlap(f["lo"], f["hi"], r_lo, r_hi)
              and f.get("segment") != "headline" and f["qualifier"] != "vague"]
    if not inside:
        return
    rep = min(inside, key=_cmp_specificity_key)
    claim.update(rep=rep, qualifier=rep["qualifier"], pointlike=compare_is_pointlike(rep), stage=rep["stage"],
                 raw_lo=rep["raw_lo"], raw_hi=rep["raw_hi"], lo=rep["lo"], hi=rep["hi"], point=rep["point"],
                 attributed_to=rep.get("attributed_to", "") or claim["attributed_to"])

def compare_consensus(intervals: list[tuple[float, float, str, bool]]) -> dict:
    """The stretch of values most voters' intervals share.

    `intervals`: (lo, hi, voter, is_point) per claim — a voter (outlet) counts once.
    Sweeps over the endpoints; the support of a value is the number of distinct voters whose
    interval holds it. Among the stretches of maximal support, ties go to the one backed by
    more point figures (exact/approx/range), then the narrower, then the lower.
    Returns {region_lo, region_hi, support, supporters (indexes), voters}; support 0 when empty.
    """
    empty = {"region_lo": None, "region_hi": None, "support": 0, "supporters": [], "voters": 0}
    iv = [(lo, hi, v, p) for lo, hi, v, p in intervals if lo <= hi]
    if not iv:
        return empty
    ends = sorted({x for lo, hi, _v, _p in iv for x in (lo, hi) if math.isfinite(x)})
    probes: list[tuple[float, float, float]] = []  # (a, b, probe value)
    if not ends:
        probes.append((-INF, INF, 0.0))
    else:
        probes.append((-INF, ends[0], ends[0] - 1 - abs(ends[0])))
        for i, e in enumerate(ends):
            probes.append((e, e, e))
            if i + 1 < len(ends):
                probes.append((e, ends[i + 1], (e + ends[i + 1]) / 2))
        probes.append((ends[-1], INF, ends[-1] + 1 + abs(ends[-1])))
    scored = []
    for a, b, x in probes:
        members = tuple(i for i, (lo, hi, _v, _p) in enumerate(iv) if lo <= x <= hi)
        scored.append((a, b, members, len({iv[i][2] for i in members})))
    best = max(s[3] for s in scored)
    if best == 0:
        return empty
    # merge neighbouring probes with the same members into stretches
    regions: list[list] = []
    for a, b, members, support in scored:
        if support != best:
            continue
        if regions and regions[-1][2] == members and regions[-1][1] >= a:
            regions[-1][1] = max(regions[-1][1], b)
        else:
            regions.append([a, b, members])

    def key(r):
        n_points = len({iv[i][2] for i in r[2] if iv[i][3]})
        width = r[1] - r[0] if math.isfinite(r[1] - r[0]) else INF
        return (-n_points, width, r[0])

    a, b, members = min(regions, key=key)
    # idx of the original list (skipping empty intervals)
    index_map = [i for i, (lo, hi, _v, _p) in enumerate(intervals) if lo <= hi]
    return {"region_lo": a, "region_hi": b, "support": best,
            "supporters": [index_map[i] for i in members], "voters": len({v for _l, _h, v, _p in iv})}


def compare_consensus_range(claims: list[dict], supporters: list[int], region: tuple[float, float]) -> tuple:
    """(consensus_low, consensus_high): the values the supporting claims name.

    Point claims give their values (14.3, 15, 15 -> 14.3–15); when only bounds support the
    consensus, the stretch all of their wordings allow (über 10 and fast 15 -> 10–15).
    """
    pts = []
    for i in supporters:
        c = claims[i]
        if c["qualifier"] == "range":
            pts += [c["raw_lo"], c["raw_hi"]]
        elif c["qualifier"] in _CMP_POINT_QUALIFIERS and c["point"] is not None:
            pts.append(c["point"])
    if pts:
        return min(pts), max(pts)
    lo = max(claims[i]["raw_lo"] for i in supporters)
    hi = min(claims[i]["raw_hi"] for i in supporters)
    if lo > hi:
        lo, hi = region
    if lo <= 0 < hi and all(claims[i]["qualifier"] == "upper" for i in supporters):
        lo = -INF  # "bis zu 65": no floor worth reporting
    return (lo if math.isfinite(lo) else None), (hi if math.isfinite(hi) else None)


def compare_factor(consensus_low: float | None, consensus_high: float | None, claim: dict) -> float | None:
    """How far off a claim is: consensus midpoint / the claim's nearest value (> 1: the claim is lower)."""
    vals = [x for x in (consensus_low, consensus_high) if x is not None]
    if not vals:
        return None
    mid = sum(vals) / len(vals)
    if claim.get("point") is not None and (claim.get("qualifier") in _CMP_POINT_QUALIFIERS
                                           or claim.get("pointlike")):
        v = claim["point"]
    elif math.isfinite(claim["raw_hi"]) and claim["raw_hi"] < mid:
        v = claim["raw_hi"]
    elif math.isfinite(claim["raw_lo"]) and claim["raw_lo"] > mid:
        v = claim["raw_lo"]
    else:
        v = claim.get("point")
    if not v or mid == 0 or (v < 0) != (mid < 0):
        return None
    return mid / v


def compare_verdict(claim: dict, region: tuple[float | None, float | None]) -> str:
    """agrees (a point figure inside the consensus), compatible (a bound, vague wording or a value
    from another point in time that does not contradict), or contradicts."""
    r_lo, r_hi = region
    if r_lo is None and r_hi is None:
        return "agrees"
    r_lo = -INF if r_lo is None else r_lo
    r_hi = INF if r_hi is None else r_hi
    if _cmp_overlap(claim["lo"], claim["hi"], r_lo, r_hi):
        return "agrees" if (claim["qualifier"] in _CMP_POINT_QUALIFIERS or claim.get("pointlike")) else "compatible"
    if claim.get("timepoint", "current") != "current":
        return "compatible"
    return "contradicts"


def compare_error_type(factor: float | None, claim: dict, consensus: tuple, tolerance: float,
                       other_currencies: list[str] | None = None) -> str:
    """What kind of error a contradicting figure looks like, where a rule can tell.

    scale_slip     off by a power of ten (10, 100, 1000...): the value times 10^k lands in the consensus
    early_figure   the figure comes from an early stage (talks, plans, reports)
    ""             no rule applies
    (A different currency is reported separately: currencies are never compared.)
    """
    if factor and factor > 0:
        k = round(math.log10(factor))
        if k != 0:
            lo, hi = consensus
            lo = lo if lo is not None else hi
            hi = hi if hi is not None else lo
            v = claim.get("point")
            if v is not None and lo is not None:
                scaled = v * 10 ** k
                if lo * (1 - 2 * tolerance) <= scaled <= hi * (1 + 2 * tolerance):
                    return "scale_slip"
    if claim.get("stage") == "early":
        return "early_figure"
    return ""


# ---------------------------------------------------------------------------
# Words: labels, numbers and lists in the story's language
# ---------------------------------------------------------------------------
_CMP_QUANTITY_LABELS = {
    "deal_amount": ("Investitionssumme", "Deal amount"), "investment": ("Investition", "Investment"),
    "stake": ("Anteil", "Stake"), "valuation": ("Bewertung", "Valuation"), "revenue": ("Umsatz", "Revenue"),
    "profit": ("Gewinn", "Profit"), "loss": ("Verlust", "Loss"), "net_income": ("Nettogewinn", "Net income"),
    "price_per_share": ("Preis je Aktie", "Price per share"), "shares": ("Anzahl Aktien", "Number of shares"),
    "total": ("Gesamtbetrag", "Total"), "market_value": ("Börsenwert", "Market value"),
    "funding": ("Finanzierung", "Funding"), "users": ("Nutzer", "Users"), "employees": ("Beschäftigte", "Employees"),
    "year_founded": ("Gründungsjahr", "Year founded"), "ai_spending": ("KI-Ausgaben", "AI spending"),
    "workers": ("Arbeitskräfte", "Workers"), "customers": ("Kunden", "Customers"), "price": ("Preis", "Price"),
    "jobs": ("Stellen", "Jobs"), "job_cuts": ("Stellenabbau", "Job cuts"), "fine": ("Strafe", "Fine"),
    "spending": ("Ausgaben", "Spending"), "rank": ("Rang", "Rank"), "year_acquired": ("Jahr der Übernahme",
                                                                                     "Year acquired"),
    "market_share": ("Marktanteil", "Market share"), "change": ("Veränderung", "Change"),
    "change_points": ("Veränderung in Prozentpunkten", "Change in percentage points"),
    "interest_rate": ("Zinssatz", "Interest rate"), "inflation": ("Inflation", "Inflation"),
    "unemployment_rate": ("Arbeitslosenquote", "Unemployment rate"), "margin": ("Marge", "Margin"),
    "vote_share": ("Stimmenanteil", "Vote share"), "people": ("Personen", "People"),
    "casualties": ("Opfer", "Casualties"), "debt": ("Schulden", "Debt"),
}
_CMP_WORDS = {
    "en": {"article": "article", "stage": {"early": "early stage", "settled": "settled",
                                                  "past": "earlier", "projected": "projected"},
           "lower": "lower", "higher": "higher", "q": ("“", "”")},
    "de": {"article": "Artikel", "stage": {"early": "frühes Stadium", "settled": "feststehend",
                                                  "past": "früher", "projected": "erwartet"},
           "lower": "niedriger", "higher": "höher", "q": ("„", "“")},
}


def compare_quantity_label(quantity: str, language: str = "en", quantities: dict | None = None) -> str:
    """A reader's name for a quantity: the story's 'label', a built-in name, or the name with spaces."""
    spec = (quantities or {}).get(quantity) or {}
    if isinstance(spec, dict) and spec.get("label"):
        return str(spec["label"])
    if quantity in _CMP_QUANTITY_LABELS:
        return _CMP_QUANTITY_LABELS[quantity][0 if language == "de" else 1]
    return quantity.replace("_", " ").capitalize()


def compare_describe_interval(claim_or_fig: dict, language: str = "en") -> str:
    """What a wording allows, in words: 'at least 2 billion USD', 'up to 50 %', '14.3 billion USD'."""
    lo, hi, unit = claim_or_fig["raw_lo"], claim_or_fig["raw_hi"], claim_or_fig["unit"]
    q = claim_or_fig.get("qualifier", "exact")
    de = language == "de"
    if q in ("exact", "approx") and claim_or_fig.get("point") is not None:
        v = format_amount(claim_or_fig["point"], unit, language, style="long")
        return (f"rund {v}" if de else f"about {v}") if q == "approx" else v
    if math.isfinite(lo) and not math.isfinite(hi):
        return f"{'mindestens' if de else 'at least'} {format_amount(lo, unit, language, style='long')}"
    if math.isfinite(hi) and (not math.isfinite(lo) or lo <= 0):
        return f"{'höchstens' if de else 'at most'} {format_amount(hi, unit, language, style='long')}"
    if q == "vague":
        return (f"mindestens {format_amount(lo, unit, language, style='long')}" if de
                else f"at least {format_amount(lo, unit, language, style='long')}")
    if q == "upper":
        return f"{'knapp unter' if de else 'just under'} {format_amount(hi, unit, language, style='long')}"
    return format_range(lo, hi, unit, language, style="long")


def _cmp_q(text: str, language: str) -> str:
    """A span in the language's quotation marks."""
    a, b = _CMP_WORDS["de" if language == "de" else "en"]["q"]
    return f"{a}{text}{b}"


def _cmp_factor_words(factor: float, language: str, consensus: tuple | None = None, value: float | None = None) -> str:
    """'about 14', '14–15' (from both ends of the consensus), or '12 %' for small gaps."""
    f = factor if factor >= 1 else 1 / factor
    if consensus and value and all(x is not None for x in consensus) and value > 0:
        a, b = sorted(((consensus[0] / value), (consensus[1] / value)))
        if factor < 1:
            a, b = sorted((1 / b, 1 / a))
        if round(a) != round(b) and a >= 2:
            return f"{round(a)}–{round(b)}"
    if f >= 2:
        return f"{'etwa' if language == 'de' else 'about'} {round(f):d}" if f < 20 else \
            f"{'etwa' if language == 'de' else 'about'} {format_number(round(f, -int(math.floor(math.log10(f)))), language)}"
    pct = (1 - 1 / factor) * 100 if factor >= 1 else (1 / factor - 1) * 100
    return format_amount(pct, "percent", language, style="long")


# ---------------------------------------------------------------------------
# Evidence items and finding records
# ---------------------------------------------------------------------------
def _cmp_evidence_item(fig: dict) -> dict:
    """The {file, outlet, text, sentence, start, end} a finding cites for one figure."""
    s, e = _cmp_num(fig.get("start")), _cmp_num(fig.get("end"))
    return {"file": fig["file"], "outlet": fig.get("outlet", ""), "text": fig.get("text", ""),
            "sentence": fig.get("sentence", ""), "start": int(s) if s is not None else None,
            "end": int(e) if e is not None else None}


def _cmp_finding(kind, quantity, unit, figs: list[dict], severity, score, message, detail=None, values=None) -> dict:
    """One findings.csv record (before ranking)."""
    files = sorted({f["file"] for f in figs})
    outlets = []
    for f in sorted(figs, key=lambda f: f["file"]):
        if f.get("label") and f["label"] not in outlets:
            outlets.append(f["label"])
    if values is None:
        values = [f["point"] if f.get("point") is not None else
                  (f["raw_lo"] if math.isfinite(f.get("raw_lo", -INF)) else None) for f in figs]
    return {"kind": kind, "quantity": quantity, "unit": unit, "files": files, "outlets": outlets,
            "values": [v for v in values if v is not None], "severity": severity, "score": round(float(score), 3),
            "message": message, "evidence": [_cmp_evidence_item(f) for f in figs], "detail": detail or {}}


def _cmp_span_quote(fig: dict, language: str) -> str:
    """The figure's span, quoted."""
    return _cmp_q(fig.get("text", ""), language)


def _cmp_context_quote(fig: dict, language: str) -> str:
    """A headline's figure quoted with its headline when the span alone says little ("Milliarden")."""
    sentence = str(fig.get("sentence", "") or "").strip()
    text = str(fig.get("text", "") or "")
    if fig.get("segment") == "headline" and sentence and text in sentence and len(sentence) <= 140 \
            and len(text.split()) < 3:
        return _cmp_q(sentence, language)
    return _cmp_span_quote(fig, language)


# ---------------------------------------------------------------------------
# Per-quantity analysis
# ---------------------------------------------------------------------------
def compare_timeline(claims: list[dict]) -> list[dict]:
    """Claims of one quantity in the order they held.

    By publication date when every claim has one; otherwise by what the wording says:
    past values first, then a projection ("könnte auf 25 Milliarden steigen"), then the
    current value of another article ("nun mit 29 Milliarden") — but an article's own current
    value comes before its own projection.
    """
    files_with_projection = {c["file"] for c in claims if c["timepoint"] == "projected"}

    def rank(c):
        if c["timepoint"] == "past":
            return 0
        if c["timepoint"] == "current" and c["file"] in files_with_projection:
            return 1
        return 2 if c["timepoint"] == "projected" else 3

    if claims and all(c.get("published") for c in claims):
        return sorted(claims, key=lambda c: (c["published"], rank(c), c["file"]))
    return sorted(claims, key=lambda c: (rank(c), c.get("published") or "~", c["file"]))

_CMP_OUTLIER_TEXTS = {
    "de": {"gap": ("etwa {times}-mal {direction}", "{times}-mal {direction}", "{times} {direction}"),
           "message": "{label}: {who} nennt {quote} ({value}) – {gap} als der Konsens von {consensus} ({support}).",
           "scale_slip": " Der Abstand ist fast genau eine Zehnerpotenz (×{power:g}): vermutlich ein Fehler in der "
                         "Größenordnung (etwa Millionen statt Milliarden).",
           "early_figure": " Die Zahl stammt aus einem frühen Stadium ({cue}) und ist womöglich überholt."},
    "en": {"gap": ("{times} times {direction}", "{times} times {direction}", "{times} {direction}"),
           "message": "{label}: {who} reports {quote} ({value}), {gap} than the consensus of {consensus} ({support}).",
           "scale_slip": " The gap is almost exactly a power of ten (×{power:g}): probably a scale slip "
                         "(e.g. million for billion).",
           "early_figure": " It is an early figure ({cue}) and may be out of date."},
}


def _cmp_outlier_message(claim: dict, factor: float | None, etype: str, wide: bool, label: str, times: str,
                         consensus_txt: str, support_txt: str, language: str) -> str:
    """The sentence of an outlier or contradiction finding: who says what, how far from the consensus, and why
    (a scale slip or an early figure) when the error type tells."""
    lang = "de" if language == "de" else "en"
    texts = _CMP_OUTLIER_TEXTS[lang]
    direction = _CMP_WORDS[lang]["lower" if (factor or 1) >= 1 else "higher"]
    about, many, few = texts["gap"]
    gap = (about if wide and times[:1].isdigit() else many if wide else few).format(times=times, direction=direction)
    msg = texts["message"].format(label=label, who=claim["label"], quote=_cmp_span_quote(claim["rep"], language),
                                  value=compare_describe_interval(claim, language), gap=gap,
                                  consensus=consensus_txt, support=support_txt)
    if etype == "scale_slip":
        msg += texts["scale_slip"].format(power=10 ** round(math.log10(factor)))
    elif etype == "early_figure":
        msg += texts["early_figure"].format(cue=_cmp_q(claim["rep"].get("stage_cue", ""), language))
    return msg


def compare_quantity_group(group: pd.DataFrame, params: dict, language: str) -> dict:
    """Everything about one (quantity, unit): claims, consensus, verdicts, status, findings, evidence rows."""
    tol = float(params.get("tolerance", 0.05))
    quantity, unit = str(group["quantity"].iloc[0]), str(group["unit"].iloc[0])
    label = compare_quantity_label(quantity, language, params.get("quantities"))
    claims = compare_article_claims(group)
    current = [i for i, c in enumerate(claims) if c["timepoint"] == "current"]
    voting = current or list(range(len(claims)))
    iv, owner = compare_voting_intervals(claims, voting)
    cons = compare_consensus(iv)
    supporters = sorted({owner[j] for j in cons["supporters"]})
    region = (cons["region_lo"], cons["region_hi"])
    if cons["support"] >= 2:  # only a consensus of several outlets may pick an article's value for it
        for i in supporters:
            compare_refit_claim(claims[i], region)
    if supporters:
        c_lo, c_hi = compare_consensus_range(claims, supporters, region)
    else:
        c_lo = c_hi = None
    for i, c in enumerate(claims):
        c["verdict"] = compare_verdict(c, region) if supporters else "agrees"
        c["factor"] = compare_factor(c_lo, c_hi, c)
        c["moved"] = c["timepoint"] != "current" and c["verdict"] != "agrees" and not (
            region[0] is not None and _cmp_overlap(c["lo"], c["hi"], region[0], region[1]))
    n_voters = cons["voters"]
    # a consensus stands when at least two outlets back it and no other stretch has as many
    rest = [t for j, t in enumerate(iv) if owner[j] not in supporters]
    majority = cons["support"] >= 2 and compare_consensus(rest)["support"] < cons["support"]
    contradicting = [c for c in claims if c["verdict"] == "contradicts"]
    moved = [c for c in claims if c["moved"]]
    outlets_all = sorted({c["label"] for c in claims})
    if contradicting:
        status = "contested"
    elif moved:
        status = "progression"
    elif len(outlets_all) <= 1:
        status = "single_source"
    else:
        status = "agreed"

    findings: list[dict] = []
    fmt = lambda lo, hi: format_range(lo, hi, unit, language, style="long")  # noqa: E731
    de = language == "de"

    # independence: who the supporters rely on
    upstream = {}
    for i in supporters:
        c = claims[i]
        upstream.setdefault(_cmp_norm_source(c["attributed_to"]) or _cmp_norm_source(c["label"]), []).append(c)
    independent = len(upstream)

    # consensus finding
    agreeing_all = sorted((claims[i] for i in supporters if claims[i]["verdict"] == "agrees"), key=lambda c: c["file"])
    if supporters and len({c["label"] for c in agreeing_all}) >= 2:
        sup = sorted((claims[i] for i in supporters), key=lambda c: c["file"])
        agreeing = agreeing_all
        compat = [c for c in claims if c["verdict"] == "compatible" and not c["moved"]]
        parts = [f"{c['label']} ({_cmp_span_quote(c['rep'], language)})" for c in agreeing]
        n_agree = len({c["label"] for c in agreeing})
        if de:
            msg = (f"{label}: {n_agree} Medien stimmen überein – {join_words(parts, language)} "
                   f"{'nennen' if len(parts) > 1 else 'nennt'} {fmt(c_lo, c_hi)}.")
        else:
            msg = (f"{label}: {n_agree} outlets agree — {join_words(parts, language)} "
                   f"{'report' if len(parts) > 1 else 'reports'} {fmt(c_lo, c_hi)}.")
        for c in compat:
            kind = {"lower": ("eine Untergrenze", "a lower bound"), "upper": ("eine Obergrenze", "an upper bound"),
                    "vague": ("eine vage Angabe", "vague wording")}.get(c["qualifier"], ("eine Rundung", "a rounding"))
            early = c["stage"] == "early"
            cue = c["rep"].get("stage_cue", "")
            if de:
                msg += (f" {_cmp_span_quote(c['rep'], language)} ({c['label']}) ist {kind[0]} und widerspricht "
                        f"dem nicht" + (f"; die Zahl stammt aus einem frühen Stadium ({_cmp_q(cue, language)}), "
                                        f"als der Deal noch nicht feststand" if early else "") + ".")
            else:
                msg += (f" {c['label']}'s {_cmp_span_quote(c['rep'], language)} is {kind[1]} and does not "
                        f"contradict it" + (f"; it is an early figure ({_cmp_q(cue, language)}), reported before "
                                            f"the deal was settled" if early else "") + ".")
        shared = [(src, cs) for src, cs in upstream.items() if len(cs) >= 2]
        if shared:
            names = [cs[0]["attributed_to"] or cs[0]["label"] for _s, cs in shared]
            msg += (f" Nicht unabhängig: mehrere berufen sich auf {join_words(names, language)}." if de else
                    f" Not independent: several rely on {join_words(names, language)}.")
        figs = [c["rep"] for c in sup] + [c["rep"] for c in compat]
        findings.append(_cmp_finding(
            "consensus", quantity, unit, figs, "info", 30 + min(len(sup), 10),
            msg, {"consensus_low": c_lo, "consensus_high": c_hi, "support": cons["support"],
                  "independent_sources": independent, "compatible": [c["file"] for c in compat]},
            values=[v for v in (c_lo, c_hi) if v is not None]))

    # outliers and contradictions
    if contradicting:
        if majority:
            for c in contradicting:
                f = c["factor"]
                wide = f is not None and (f >= 2 or f <= 0.5)
                etype = compare_error_type(f, c, (c_lo, c_hi), tol)
                sup_labels = join_words(sorted({c["label"] for c in agreeing_all}
                                              or {claims[i]["label"] for i in supporters}), language)
                times = _cmp_factor_words(f, language, (c_lo, c_hi), c["point"]) if f else "?"
                msg = _cmp_outlier_message(c, f, etype, wide, label, times, fmt(c_lo, c_hi), sup_labels, language)
                kind = "outlier" if wide else "contradiction"
                if kind == "outlier":
                    sev, score = ("medium", 60) if etype == "early_figure" else (
                        "high", 90 + min(10.0, 5 * abs(math.log10(f))))
                else:
                    sev, score = "medium", 65
                figs = [c["rep"]] + [claims[i]["rep"] for i in sorted(supporters, key=lambda i: claims[i]["file"])]
                findings.append(_cmp_finding(
                    kind, quantity, unit, figs, sev, score, msg,
                    {"factor": f, "error_type": etype, "consensus_low": c_lo, "consensus_high": c_hi,
                     "stage": c["stage"], "outlier_file": c["file"]}))
        else:
            parts = [f"{c['label']} {_cmp_span_quote(c['rep'], language)} ({compare_describe_interval(c, language)})"
                     for c in sorted((claims[i] for i in voting), key=lambda c: c["file"])]
            msg = (f"{label}: Die Medien widersprechen sich, keine Zahl hat eine Mehrheit – {join_words(parts, language)}."
                   if de else f"{label}: the outlets contradict each other and no value has a majority — "
                              f"{join_words(parts, language)}.")
            vals = [claims[i]["point"] for i in voting if claims[i]["point"]]
            ratio = max(vals) / min(vals) if vals and min(vals) > 0 else None
            findings.append(_cmp_finding(
                "contradiction", quantity, unit, [claims[i]["rep"] for i in voting],
                "high" if ratio and ratio >= 2 else "medium", 75 if ratio and ratio >= 2 else 65, msg,
                {"factor": ratio, "support": cons["support"], "voters": n_voters}))

    # progression: the same quantity at different points in time
    if moved:
        seq = compare_timeline([c for c in claims if c["verdict"] != "contradicts" and c["qualifier"] != "vague"])
        stage_words = {"past": ("früher", "earlier"), "projected": ("erwartet", "projected"),
                       "current": ("aktuell", "now")}
        steps = []
        for c in seq:
            cue = c["rep"].get("stage_cue", "")
            w = stage_words[c["timepoint"]][0 if de else 1]
            steps.append(f"{compare_describe_interval(c, language)} ({w}, {c['label']}: "
                         f"{_cmp_span_quote(c['rep'], language)}" + (f", {_cmp_q(cue, language)}" if cue else "") + ")")
        if len(steps) > 8:
            steps = steps[:4] + ["…"] + steps[-3:]
        arrow = " → "
        msg = (f"{label}: Kein Widerspruch, sondern eine Entwicklung über die Zeit – {arrow.join(steps)}." if de else
               f"{label}: not a contradiction but a change over time — {arrow.join(steps)}.")
        findings.append(_cmp_finding(
            "progression", quantity, unit, [c["rep"] for c in seq], "low", 40, msg,
            {"sequence": [{"file": c["file"], "stage": c["stage"], "timepoint": c["timepoint"], "value": c["point"]}
                          for c in seq]},
            values=[c["point"] for c in seq]))

    # self-contradiction: an article's headline/opening against its own body
    for c in claims:
        rep = c["rep"]
        bad = [f for f in c["figures"] if f is not rep and (f.get("segment") == "headline" or f.get("opening"))
               and not _cmp_overlap(f["lo"], f["hi"], rep["lo"], rep["hi"])]
        if not bad:
            continue
        seg_words = {"headline": ("Schlagzeile", "headline"), "caption": ("Bildunterschrift", "caption"),
                     "body": ("Text", "body"), "opening": ("Einstieg", "opening")}
        parts = [f"{seg_words['opening' if f.get('opening') and f['segment'] != 'headline' else f['segment']][0 if de else 1]} "
                 f"{_cmp_context_quote(f, language)} ({compare_describe_interval(f, language)})" for f in bad]
        rep_desc = compare_describe_interval(rep, language)
        if de:
            msg = (f"{label}: {c['label']} widerspricht sich selbst – {join_words(parts, language)}, "
                   f"aber im {seg_words.get(rep['segment'], ('Text', 'text'))[0]} {_cmp_span_quote(rep, language)} "
                   f"({rep_desc}).")
        else:
            msg = (f"{label}: {c['label']} contradicts itself — its {join_words(parts, language)}, but its "
                   f"{seg_words.get(rep['segment'], ('Text', 'text'))[1]} says {_cmp_span_quote(rep, language)} "
                   f"({rep_desc}).")
        findings.append(_cmp_finding(
            "self_contradiction", quantity, unit, bad + [rep], "high", 85, msg,
            {"file": c["file"], "segments": [("opening" if f.get("opening") and f["segment"] != "headline"
                                              else f["segment"]) for f in bad] + [rep["segment"]]}))

    # evidence rows: every figure of the group, with the verdict of its claim
    evidence = []
    for c in claims:
        for f in c["figures"]:
            role = "claim" if f is c["rep"] else (f"{f['segment']}_shorthand" if f["segment"] in ("headline", "caption")
                                                 else "secondary")
            if f is c["rep"]:
                verdict, factor = c["verdict"], c["factor"]
            else:
                fc = dict(f, timepoint=c["timepoint"], pointlike=compare_is_pointlike(f))
                verdict = compare_verdict(fc, region) if supporters else "agrees"
                factor = compare_factor(c_lo, c_hi, fc)
                if verdict == "contradicts" and _cmp_overlap(f["lo"], f["hi"], c["rep"]["lo"], c["rep"]["hi"]):
                    verdict, factor = c["verdict"], c["factor"]  # shorthand for what the body says
            evidence.append({
                "quantity": quantity, "unit": unit, "file": f["file"], "outlet": f["outlet"],
                "figure_id": f.get("figure_id", ""), "text": f.get("text", ""), "value": _cmp_num(f.get("value")),
                "low": _cmp_num(f.get("low")), "high": _cmp_num(f.get("high")), "qualifier": f["qualifier"],
                "stage": f["stage"], "attributed_to": f.get("attributed_to", ""), "verdict": verdict,
                "factor": round(factor, 4) if factor else None, "sentence": f.get("sentence", ""),
                "published": f.get("published", ""), "start": _cmp_num(f.get("start")), "end": _cmp_num(f.get("end")),
                "segment": f["segment"], "role": role, "stage_cue": f.get("stage_cue", ""),
                "reason": _cmp_reason(f, c, verdict, role, language),
            })

    pts = [c["point"] for c in claims if c["point"] is not None and c["qualifier"] != "vague"]
    pts_sorted = sorted(pts)
    median = (pts_sorted[len(pts) // 2] if len(pts) % 2 else (pts_sorted[len(pts) // 2 - 1] + pts_sorted[len(pts) // 2]) / 2) if pts else None
    row = {
        "quantity": quantity, "unit": unit, "n_outlets": len(outlets_all), "n_figures": int(len(group)),
        "consensus_low": c_lo, "consensus_high": c_hi, "median": median,
        "min": min(pts) if pts else None, "max": max(pts) if pts else None,
        "spread": round(max(pts) / min(pts), 4) if pts and min(pts) > 0 else None, "status": status,
        "agree": json.dumps(sorted({c["file"] for c in claims if c["verdict"] == "agrees"}), ensure_ascii=False),
        "compatible": json.dumps(sorted({c["file"] for c in claims if c["verdict"] == "compatible"}), ensure_ascii=False),
        "contradict": json.dumps(sorted({c["file"] for c in claims if c["verdict"] == "contradicts"}), ensure_ascii=False),
        "label": label, "support": cons["support"], "independent_sources": independent,
    }
    return {"row": row, "claims": claims, "findings": findings, "evidence": evidence,
            "consensus": (c_lo, c_hi), "status": status}


def _cmp_reason(fig: dict, claim: dict, verdict: str, role: str, language: str) -> str:
    """A few plain words on why a figure got its verdict (evidence.csv `reason`)."""
    de = language == "de"
    if role.endswith("_shorthand") and verdict != "contradicts":
        return (f"Kurzform für {_cmp_span_quote(claim['rep'], language)}" if de
                else f"shorthand for {_cmp_span_quote(claim['rep'], language)}")
    if claim["timepoint"] != "current" and verdict == "compatible":
        return ("Wert zu einem anderen Zeitpunkt" if de else "a value at another point in time")
    if verdict == "compatible":
        return {"lower": ("Untergrenze, kein Widerspruch", "lower bound, no contradiction"),
                "upper": ("Obergrenze, kein Widerspruch", "upper bound, no contradiction"),
                "vague": ("vage Angabe, kein Widerspruch", "vague wording, no contradiction")}.get(
            fig["qualifier"], ("gerundet, kein Widerspruch", "rounded, no contradiction"))[0 if de else 1]
    if verdict == "agrees":
        return "im Konsens" if de else "within the consensus"
    return "widerspricht dem Konsens" if de else "contradicts the consensus"


# ---------------------------------------------------------------------------
# Currencies: the same quantity reported in different currencies
# ---------------------------------------------------------------------------
_CMP_MONEY_NONCODES = {"percent", "percentage_points", "count", "year", "ordinal", "date", "other"}


def compare_currency_findings(results: dict, language: str, tolerance: float) -> list[dict]:
    """A finding per quantity reported in more than one currency (never converted, never merged).

    The minority currency's figures are flagged; when its number equals the majority's
    consensus, the currency itself looks wrong (error type 'currency')."""
    out = []
    by_q: dict[str, list] = {}
    for (q, u), res in results.items():
        if u not in _CMP_MONEY_NONCODES and re.fullmatch(r"[A-Z]{3}", u):
            by_q.setdefault(q, []).append((u, res))
    de = language == "de"
    for q, items in sorted(by_q.items()):
        if len(items) < 2:
            continue
        items.sort(key=lambda ur: (-ur[1]["row"]["n_outlets"], ur[0]))
        main_u, main = items[0]
        label = compare_quantity_label(q, language)
        for u, res in items[1:]:
            figs = [c["rep"] for c in res["claims"]]
            same_number = any(
                c["point"] is not None and main["consensus"][0] is not None and
                main["consensus"][0] * (1 - tolerance) <= c["point"] <= (main["consensus"][1] or main["consensus"][0]) * (1 + tolerance)
                for c in res["claims"])
            quotes = join_words([f"{c['label']} {_cmp_span_quote(c['rep'], language)}" for c in res["claims"]], language)
            main_labels = join_words(sorted({c["label"] for c in main["claims"]}), language)
            if de:
                msg = (f"{label}: {quotes} in {u}, {main_labels} in {main_u}; Beträge in verschiedenen Währungen "
                       f"werden nicht verglichen." + (" Die Zahl gleicht dem Konsens in " + main_u +
                                                       " – womöglich ist die Währung falsch." if same_number else ""))
            else:
                msg = (f"{label}: {quotes} in {u}, {main_labels} in {main_u}; amounts in different currencies are not "
                       f"compared." + (f" The number matches the {main_u} consensus — the currency may be wrong."
                                       if same_number else ""))
            out.append(_cmp_finding(
                "outlier" if same_number else "contradiction", q, u, figs + [c["rep"] for c in main["claims"]],
                "medium", 62 if same_number else 55, msg,
                {"error_type": "currency", "currencies": [main_u, u], "same_number": same_number}))
    return out


# ---------------------------------------------------------------------------
# Derived checks: figures that imply each other
# ---------------------------------------------------------------------------
BUILTIN_RELATIONS = [
    {"result": "valuation", "numerator": "deal_amount", "denominator": "stake"},
    {"result": "valuation", "numerator": "investment", "denominator": "stake"},
    {"result": "valuation", "numerator": "funding", "denominator": "stake"},
    {"result": "total", "factors": ["price_per_share", "shares"]},
    {"result": "deal_amount", "factors": ["price_per_share", "shares"]},
    {"result": "market_value", "factors": ["price_per_share", "shares"]},
]
_CMP_SHARE_QUANTITY = re.compile(r"stake|share(?!s$)|anteil|ownership|beteiligung", re.I)


def _cmp_relation_terms(rel: dict) -> list[tuple[str, str]]:
    """[(role, quantity)] of a relation: numerator/denominator, factors or parts."""
    if "factors" in rel:
        return [("factor", q) for q in rel.get("factors") or []]
    if "parts" in rel:
        return [("part", q) for q in rel.get("parts") or []]
    return [("numerator", rel.get("numerator")), ("denominator", rel.get("denominator"))]


def _cmp_as_factor(value: float, unit: str) -> float:
    """A percent as a fraction (49 -> 0.49); other units unchanged."""
    return value / 100.0 if unit == "percent" else value


def compare_implied(rel: dict, terms: dict[str, dict]) -> tuple[float, float, float | None] | None:
    """(lo, hi, point) the relation implies from the claims of its terms (interval arithmetic).

    numerator ÷ denominator (a percent counts as a fraction: 14.3 bn ÷ 49 % = 29.2 bn),
    product of factors, or sum of parts. None when a term is missing or unbounded.
    """
    def iv(c):
        lo, hi = c["raw_lo"], c["raw_hi"]
        return _cmp_as_factor(lo, c["unit"]), _cmp_as_factor(hi, c["unit"]), \
            (_cmp_as_factor(c["point"], c["unit"]) if c["point"] is not None else None)
    if "factors" in rel or "parts" in rel:
        names = rel.get("factors") or rel.get("parts") or []
        if not names or any(n not in terms for n in names):
            return None
        lo, hi, pt = (1.0, 1.0, 1.0) if "factors" in rel else (0.0, 0.0, 0.0)
        for n in names:
            a, b, p = iv(terms[n])
            if not (math.isfinite(a) and math.isfinite(b)) or a < 0:
                return None
            if "factors" in rel:
                lo, hi = lo * a, hi * b
                pt = pt * p if pt is not None and p is not None else None
            else:
                lo, hi = lo + a, hi + b
                pt = pt + p if pt is not None and p is not None else None
        return lo, hi, pt
    num, den = terms.get(rel.get("numerator")), terms.get(rel.get("denominator"))
    if num is None or den is None:
        return None
    a, b, p = iv(num)
    c, d, r = iv(den)
    if not all(math.isfinite(x) for x in (a, b, c, d)) or c <= 0:
        return None
    return a / d, b / c, (p / r if p is not None and r else None)


def compare_derived_checks(results: dict, params: dict, language: str) -> list[dict]:
    """One derived_check finding per relation and article that reports its inputs.

    The built-in identities (amount ÷ stake = valuation; price per share × shares = total)
    and params['relations'] from story.yaml. Inputs come from the same article first; the
    result from the same article, else the consensus of the result quantity. A check is
    consistent when the implied interval meets the reported one widened by the tolerance.
    Also part ≤ whole: a stake is at most 100 %, the amount paid for a stake is at most the
    valuation, and {result: whole, parts: [...]} relations.
    """
    tol = float(params.get("tolerance", 0.05))
    de = language == "de"
    rels = list(params.get("relations") or []) + [r for r in BUILTIN_RELATIONS
                                                     if r not in (params.get("relations") or [])]
    # claims by quantity (current timepoint, non-vague), regardless of currency
    by_q: dict[str, list[dict]] = {}
    cons_by_q: dict[str, list] = {}
    for (q, u), res in results.items():
        for c in res["claims"]:
            if c["timepoint"] == "current" and c["qualifier"] != "vague":
                by_q.setdefault(q, []).append(c)
        if res["consensus"][0] is not None:
            cons_by_q.setdefault(q, []).append((u, res))
    findings: list[dict] = []
    seen = set()
    for rel in rels:
        result_q = rel.get("result")
        terms = [q for _r, q in _cmp_relation_terms(rel)]
        if not result_q or not terms or any(not q for q in terms):
            continue
        key = json.dumps(rel, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        files = sorted({c["file"] for q in terms for c in by_q.get(q, [])})
        done_any = False
        for file in files:
            got = {q: next((c for c in by_q.get(q, []) if c["file"] == file), None) for q in terms}
            if any(v is None for v in got.values()):
                continue
            if any(g["qualifier"] not in _CMP_POINT_QUALIFIERS + ("upper", "lower") for g in got.values()):
                continue
            money = {g["unit"] for g in got.values() if g["unit"] not in _CMP_MONEY_NONCODES}
            if len(money) > 1:
                continue
            implied = compare_implied(rel, got)
            if implied is None:
                continue
            own = next((c for c in by_q.get(result_q, []) if c["file"] == file
                        and (not money or c["unit"] in money)), None)
            f = _cmp_derived_finding(rel, got, implied, own, cons_by_q.get(result_q, []), money, tol, language)
            if f:
                findings.append(f)
                done_any = True
        if not done_any:
            # no article reports all inputs: use the consensus values
            got = {}
            for q in terms:
                opts = cons_by_q.get(q, [])
                if not opts:
                    break
                u, res = max(opts, key=lambda ur: ur[1]["row"]["n_outlets"])
                lo, hi = res["consensus"]
                got[q] = {"raw_lo": lo, "raw_hi": hi if hi is not None else lo, "unit": u,
                          "point": (lo + hi) / 2 if hi is not None else lo, "qualifier": "range",
                          "file": "", "label": "", "rep": None, "consensus_of": res}
            if len(got) == len(terms):
                money = {g["unit"] for g in got.values() if g["unit"] not in _CMP_MONEY_NONCODES}
                implied = compare_implied(rel, got) if len(money) <= 1 else None
                if implied is not None:
                    f = _cmp_derived_finding(rel, got, implied, None, cons_by_q.get(result_q, []), money, tol, language)
                    if f:
                        findings.append(f)
    # part <= whole: shares of a whole are at most 100 %
    for q, cs in sorted(by_q.items()):
        if not _CMP_SHARE_QUANTITY.search(q):
            continue
        for c in cs:
            if c["unit"] == "percent" and math.isfinite(c["raw_lo"]) and c["raw_lo"] > 100 * (1 + tol):
                label = compare_quantity_label(q, language, params.get("quantities"))
                msg = (f"{label}: {c['label']} nennt {_cmp_span_quote(c['rep'], language)} – ein Anteil kann "
                       f"nicht über 100 % liegen." if de else
                       f"{label}: {c['label']} reports {_cmp_span_quote(c['rep'], language)} — a share cannot "
                       f"exceed 100 %.")
                findings.append(_cmp_finding("derived_check", q, c["unit"], [c["rep"]], "high", 80, msg,
                                             {"check": "part_le_whole", "consistent": False, "whole": 100.0,
                                              "tolerance": tol}))
    return findings


def _cmp_derived_finding(rel, got, implied, own, result_opts, money, tol, language) -> dict | None:
    """The finding for one derived check: implied vs reported (same article, else consensus)."""
    de = language == "de"
    result_q = rel["result"]
    lo, hi, pt = implied
    if own is not None:
        r_lo, r_hi = own["raw_lo"], own["raw_hi"]
        r_pt, r_unit = own["point"], own["unit"]
        reporter = own["label"]
        rep_figs = [own["rep"]]
        r_source = "same article"
    else:
        opts = [(u, res) for u, res in result_opts if not money or u in money]
        if not opts:
            return None
        r_unit, res = max(opts, key=lambda ur: ur[1]["row"]["n_outlets"])
        r_lo, r_hi = res["consensus"]
        r_hi = r_hi if r_hi is not None else r_lo
        r_pt = (r_lo + r_hi) / 2
        reporter = join_words(sorted({c["label"] for c in res["claims"] if c["verdict"] == "agrees"}), language)
        rep_figs = [c["rep"] for c in res["claims"] if c["verdict"] == "agrees"]
        r_source = "consensus"
    if r_lo is None or not math.isfinite(r_lo):
        return None
    w_lo, w_hi = _cmp_widen(r_lo, r_hi, tol)
    consistent = _cmp_overlap(lo, hi, w_lo, w_hi) if "parts" not in rel else lo <= w_hi  # parts: at most the whole
    bounded = any(c.get("qualifier") in ("upper", "lower") for c in got.values())
    est = pt if pt is not None else ((lo + hi) / 2 if math.isfinite(hi) else lo)
    if bounded:  # a bound implies a stretch of values: the gap is the distance between the stretches
        gap = 0.0 if _cmp_overlap(lo, hi, r_lo, r_hi) else min(abs(lo - r_hi), abs(hi - r_lo))
        diff = gap / abs(r_pt) if r_pt else None
    else:
        diff = abs(est - r_pt) / abs(r_pt) if r_pt else None
    from_outlier = [c for c in got.values() if c.get("verdict") == "contradicts"]
    labels = {q: compare_quantity_label(q, language) for q in [result_q] + [q for _r, q in _cmp_relation_terms(rel)]}
    unit_of = lambda c: c["unit"]  # noqa: E731
    parts = []
    for role, q in _cmp_relation_terms(rel):
        c = got[q]
        txt = _cmp_span_quote(c["rep"], language) if c.get("rep") else format_range(
            c["raw_lo"], c["raw_hi"], unit_of(c), language, style="long")
        parts.append(txt)
    op = " ÷ " if "numerator" in rel else (" × " if "factors" in rel else " + ")
    if bounded:
        implied_txt = (format_range(lo, hi, r_unit, language, style="long") if math.isfinite(hi) else
                       f"{'mindestens' if de else 'at least'} {format_amount(lo, r_unit, language, style='long')}")
    else:
        implied_txt = format_amount(est, r_unit, language, style="long")
    approx = (("etwa " if de else "about ") if pt is not None and not bounded else "")
    reported_txt = format_range(r_lo, r_hi, r_unit, language, style="long")
    who = next((c["label"] for c in got.values() if c.get("label")), "")
    diff_txt = format_amount(diff * 100, "percent", language, style="long") if diff is not None else "?"
    tol_txt = format_amount(tol * 100, "percent", language, style="long")
    if de:
        head = f"{labels[result_q]}: " + (f"Aus {who}: " if who else "Aus den Konsenswerten: ")
        msg = (f"{head}{op.join(parts)} ergibt {approx}{implied_txt}; "
               + (f"{'passt zur' if consistent else 'passt nicht zur'} Bewertung von {reported_txt}"
                  if result_q == "valuation" else f"{'passt zu' if consistent else 'passt nicht zu'} {reported_txt}")
               + f" ({'im selben Artikel' if own is not None else reporter}; Abweichung {diff_txt}, Toleranz {tol_txt}).")
    else:
        head = f"{labels[result_q]}: " + (f"from {who}: " if who else "from the consensus values: ")
        msg = (f"{head}{op.join(parts)} = {approx}{implied_txt}, "
               f"{'consistent' if consistent else 'not consistent'} with the reported {reported_txt} "
               f"({'same article' if own is not None else reporter}; difference {diff_txt}, tolerance {tol_txt}).")
    figs = [c["rep"] for c in got.values() if c.get("rep")] + [f for f in rep_figs if f]
    seen, uniq = set(), []
    for f in figs:
        k = (f["file"], f.get("start"))
        if k not in seen:
            seen.add(k)
            uniq.append(f)
    if consistent:
        sev, score = "info", 25
    elif from_outlier:  # follows from an outlier already reported: worth a look, not a new alarm
        sev, score = "medium", 55
        msg += (f" Folgt aus der abweichenden Zahl von {join_words(sorted({c['label'] for c in from_outlier}), language)}."
                if de else f" This follows from {join_words(sorted({c['label'] for c in from_outlier}), language)}'s "
                           f"outlying figure.")
    elif own is None and not any(c.get("rep") for c in got.values()):
        sev, score = "medium", 58  # built from consensus values of different articles: a lead, not a verdict
    else:
        sev, score = "high", 80
    return _cmp_finding(
        "derived_check", result_q, r_unit, uniq, sev, score, msg,
        {"relation": rel, "implied": est, "implied_low": lo, "implied_high": hi if math.isfinite(hi) else None,
         "reported": r_pt, "reported_low": r_lo, "reported_high": r_hi, "consistent": consistent,
         "difference": diff, "tolerance": tol, "result_from": r_source,
         "from_outlier": sorted({c["file"] for c in from_outlier})},
        values=[v for v in (est, r_pt) if v is not None])


# ---------------------------------------------------------------------------
# Who cites whom
# ---------------------------------------------------------------------------
def compare_attribution_findings(figs: pd.DataFrame, articles: pd.DataFrame, results: dict,
                                 params: dict, language: str) -> list[dict]:
    """Attribution findings: per article, the sources it cites and the figures it attributes to
    them; per quantity, outlets whose figures share one upstream source (not independent)."""
    de = language == "de"
    out = []
    arts = articles.to_dict("records") if articles is not None and len(articles) else []
    exclude = set(params.get("exclude") or [])
    outlets_param = params.get("outlets") or {}
    lang = language
    for art in sorted(arts, key=lambda a: str(a.get("file", ""))):
        file = str(art.get("file", ""))
        if file in exclude or str(art.get("duplicate_of", "") or "").strip():
            continue
        cites = [c for c in cell_json(art.get("cites", ""), []) if isinstance(c, str) and c.strip()]
        mine = figs[figs["file"] == file] if len(figs) else figs
        attributed = [r for r in mine.to_dict("records") if r.get("attributed_to")] if len(mine) else []
        sources = list(cites)
        for r in attributed:
            if _cmp_norm_source(r["attributed_to"]) not in {_cmp_norm_source(s) for s in sources}:
                sources.append(r["attributed_to"])
        if not sources:
            continue
        outlet = outlets_param.get(file) or str(art.get("outlet", "") or "")
        who = article_label(file, outlet, lang)
        per_src: dict[str, list[dict]] = {}
        for r in attributed:
            per_src.setdefault(r["attributed_to"], []).append(r)
        bits = []
        for src, rs in per_src.items():
            spans = join_words([f"{_cmp_span_quote(r, language)} "
                               f"({compare_quantity_label(r['quantity'], language, params.get('quantities'))})"
                               for r in rs], language)
            bits.append(f"{spans} {'auf' if de else 'to'} {src}")
        if de:
            msg = f"{who} beruft sich auf {join_words(sources, language)}"
            msg += (f"; führt {join_words(bits, language)} zurück." if bits else ".")
        else:
            msg = f"{who} cites {join_words(sources, language)}"
            msg += (f"; it attributes {join_words(bits, language)}." if bits else ".")
        ev = [dict(r) for r in attributed]
        if not ev:
            ev = [{"file": file, "outlet": outlet, "text": "", "sentence": "", "start": None, "end": None,
                   "label": who, "raw_lo": -INF, "point": None}]
        f = _cmp_finding("attribution", "", "", ev, "info", 15 + min(len(sources), 5), msg,
                         {"cites": cites, "sources": sources,
                          "attributions": [{"figure_id": r.get("figure_id", ""), "quantity": r["quantity"],
                                            "source": r["attributed_to"], "where": r.get("attributed_where", "")}
                                           for r in attributed]},
                         values=[r["point"] for r in attributed if r.get("point") is not None])
        f["outlets"] = [who]
        out.append(f)
    # shared upstream per quantity
    for (q, u), res in sorted(results.items()):
        by_src: dict[str, list[dict]] = {}
        for c in res["claims"]:
            if c["timepoint"] != "current":
                continue
            src = c["attributed_to"]
            if src:
                by_src.setdefault(_cmp_norm_source(src), []).append(c)
        for key, cs in sorted(by_src.items()):
            # an outlet that IS the source counts as relying on it too
            cs = cs + [c for c in res["claims"] if c["timepoint"] == "current" and _cmp_norm_source(c["outlet"]) == key
                       and c not in cs]
            labels = sorted({c["label"] for c in cs})
            if len(labels) < 2:
                continue
            src = next(c["attributed_to"] for c in cs if c["attributed_to"])
            label = compare_quantity_label(q, language, params.get("quantities"))
            msg = (f"{label}: {join_words(labels, language)} stützen sich auf dieselbe Quelle ({src}) – "
                   f"ihre Übereinstimmung ist nicht unabhängig." if de else
                   f"{label}: {join_words(labels, language)} rely on the same source ({src}) — their agreement "
                   f"is not independent.")
            out.append(_cmp_finding("attribution", q, u, [c["rep"] for c in cs], "medium", 50, msg,
                                    {"source": src, "shared": True, "files": sorted({c["file"] for c in cs})}))
    return out


# ---------------------------------------------------------------------------
# The whole comparison
# ---------------------------------------------------------------------------
def _cmp_jsonable(x):
    """Values JSON can hold: NaN/inf -> None, numpy numbers -> float/int."""
    if isinstance(x, dict):
        return {str(k): _cmp_jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_cmp_jsonable(v) for v in x]
    if isinstance(x, bool) or x is None or isinstance(x, str):
        return x
    if isinstance(x, (int, float)) or hasattr(x, "__float__"):
        f = float(x)
        if not math.isfinite(f):
            return None
        return int(f) if f.is_integer() and abs(f) < 2 ** 53 else round(f, 6)
    return str(x)


def compare_rank_findings(findings: list[dict]) -> pd.DataFrame:
    """findings.csv: ranked by score (how much a reader should care), ties by kind, quantity, files."""
    if not findings:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    order = sorted(findings, key=lambda f: (-f["score"], f["kind"], f["quantity"], f["files"], f["message"]))
    rows = []
    for i, f in enumerate(order, start=1):
        rows.append({
            "rank": i, "kind": f["kind"], "quantity": f["quantity"], "unit": f["unit"],
            "files": json.dumps(f["files"], ensure_ascii=False), "outlets": json.dumps(f["outlets"], ensure_ascii=False),
            "values": json.dumps(_cmp_jsonable(f["values"]), ensure_ascii=False), "severity": f["severity"],
            "score": f["score"], "message": f["message"],
            "evidence": json.dumps(_cmp_jsonable(f["evidence"]), ensure_ascii=False),
            "detail": json.dumps(_cmp_jsonable(f["detail"]), ensure_ascii=False, sort_keys=True),
        })
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def compare_story(figures: pd.DataFrame, articles: pd.DataFrame, params: dict | None = None) -> ComparisonResult:
    """Compare the outlets of one story: the tables comparison, evidence and findings.

    `figures` and `articles` are shaped like figures.csv and articles.csv (docs/tables.md);
    `params` are the story parameters (tolerance, language, relations, quantities, outlets,
    exclude; missing keys take their defaults).
    """
    p = default_params()
    p.update({k: v for k, v in (params or {}).items() if v is not None})
    p["tolerance"] = float(p["tolerance"])
    language = story_language(articles, p["language"])
    figs = compare_prepare_figures(figures, articles, p)
    groups = compare_group_figures(figs)
    results = {key: compare_quantity_group(g, p, language) for key, g in groups.items()}
    findings: list[dict] = []
    for key in sorted(results):
        findings += results[key]["findings"]
    findings += compare_currency_findings(results, language, p["tolerance"])
    findings += compare_derived_checks(results, p, language)
    findings += compare_attribution_findings(figs, articles, results, p, language)
    comparison = pd.DataFrame([results[k]["row"] for k in sorted(results)], columns=COMPARISON_COLUMNS)
    evidence = pd.DataFrame([e for k in sorted(results) for e in results[k]["evidence"]], columns=EVIDENCE_COLUMNS)
    if len(evidence):
        evidence = evidence.sort_values(["quantity", "unit", "file", "start"], kind="mergesort",
                                        na_position="first").reset_index(drop=True)
    return ComparisonResult(comparison=comparison, evidence=evidence, findings=compare_rank_findings(findings),
                            language=language)


def write_comparison(result: ComparisonResult, paths) -> list[Path]:
    """Write comparison.csv, evidence.csv and findings.csv into the story's output folder (atomically)."""
    out_dir = Path(paths.output) if hasattr(paths, "output") else Path(paths)
    written = []
    for name, df in (("comparison.csv", result.comparison), ("evidence.csv", result.evidence),
                     ("findings.csv", result.findings)):
        written.append(write_csv_atomic(df, out_dir / name))
    return written


def compare_load_inputs(paths) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(figures, articles) of a story, as notebooks 02 and 01 wrote them."""
    out_dir = Path(paths.output) if hasattr(paths, "output") else Path(paths)
    return read_table(out_dir / "figures.csv"), read_table(out_dir / "articles.csv")


def compare_findings_text(findings: pd.DataFrame) -> str:
    """The ranked findings as plain text, one block each: rank, severity, kind, quantity, message."""
    lines = []
    for r in findings.to_dict("records"):
        q = f" · {r['quantity']}" if r["quantity"] else ""
        lines.append(f"{r['rank']:>2}. [{r['severity']}] {r['kind']}{q}\n    {r['message']}")
    return "\n".join(lines) if lines else "(no findings)"


def compare_evidence_table(evidence: pd.DataFrame, quantity: str) -> pd.DataFrame:
    """The evidence of one quantity, with the columns a reader looks at first."""
    cols = ["file", "outlet", "text", "qualifier", "value", "stage", "verdict", "factor", "attributed_to",
            "segment", "role", "reason"]
    return evidence[evidence["quantity"] == quantity][cols].reset_index(drop=True)


def compare_table_view(comparison: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """comparison.csv for reading: one line per quantity with the consensus in words and short file ids."""
    def ids(cell):
        return ", ".join(Path(f).stem.split("_")[0] for f in cell_json(cell, []))
    rows = []
    for r in comparison.to_dict("records"):
        num = lambda x: _cmp_num(x)  # noqa: E731
        rows.append({
            "quantity": r["label"], "unit": r["unit"], "status": r["status"], "outlets": r["n_outlets"],
            "consensus": format_range(num(r["consensus_low"]), num(r["consensus_high"]), r["unit"], language, style="long"),
            "range reported": format_range(num(r["min"]), num(r["max"]), r["unit"], language, style="long"),
            "agree": ids(r["agree"]), "compatible": ids(r["compatible"]), "contradict": ids(r["contradict"]),
        })
    return pd.DataFrame(rows)
