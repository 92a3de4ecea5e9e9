"""Stage and time of a figure from its clause: early (talks, plans, reports), settled, past, projected."""
from __future__ import annotations

import re


# ---------------------------------------------------------------------------
# Stage and time: early (talks, plans, reports), settled, past, projected
# ---------------------------------------------------------------------------
_PAST_CUES = re.compile(
    r"\b(?:kürzlich|zuvor|vorher|zuletzt|damals|früher|ehemals|einst|im Vorjahr|vergangenen Jahr|letzten Jahr|"
    r"vor (?:einem|einer|zwei|drei|vier|fünf|\d+) (?:Jahr|Jahren|Monat|Monaten|Woche|Wochen)|"
    r"previously|formerly|earlier|last (?:year|month|week|round|valued)|a year ago|in the past|recently|"
    r"had been valued|was valued)\b", re.I)
_MODAL_CUES = re.compile(
    r"\b(?:könnte|könnten|würde|würden|dürfte|dürften|soll|sollen|sollte|wird|werden|could|would|might|will|"
    r"expected to|set to|likely to|(?-i:may))\b", re.I)
_CHANGE_CUES = re.compile(
    r"\b(?:steig\w*|steiger\w*|erhöh\w*|wachs\w*|wächst|klettern?|erreich\w*|anheb\w*|anstieg\w*|"
    r"rise|rises|rising|increase\w*|grow\w*|climb\w*|reach\w*|boost\w*|lift\w*|jump\w*)\b", re.I)
_FORECAST_CUES = re.compile(r"\b(?:prognostiz\w*|Prognose\w*|forecast\w*|projected|projection\w*)\b", re.I)
_NOW_CUES = re.compile(r"\b(?:nun|jetzt|inzwischen|mittlerweile|nunmehr|now|currently|derzeit|aktuell)\b", re.I)
_EARLY_CUES = re.compile(
    r"\b(?:plan\w*|geplant\w*|Pläne\w*|Gespräch\w*|Verhandlung\w*|verhandel\w*|Berichten zufolge|laut Berichten|"
    r"Medienberichten|Insider\w*|angeblich|offenbar|wohl|erwäg\w*|potenziell\w*|möglich\w*|soll|sollen|sollte|"
    r"könnte|könnten|würde|würden|im Falle|talks|negotiat\w*|reportedly|is said to|are said to|"
    r"people familiar|considering|potential|proposed|would|could|might|aims? to|in discussions|(?-i:may))\b",
    re.I)
_CLAUSE_SPLIT = re.compile(
    r"[,;:()\[\]–—]|\s-\s|\b(?:doch|aber|jedoch|während|obwohl|but|while|whereas|although|however)\b", re.I)


def compare_clause(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` that holds the span [start, end) (split at commas, dashes, 'doch', 'but'...)."""
    sentence = sentence or ""
    cuts = [0]
    for m in _CLAUSE_SPLIT.finditer(sentence):
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
    m = _PAST_CUES.search(clause)
    if m:
        return "past", m.group(0)
    modal, change = _MODAL_CUES.search(clause), _CHANGE_CUES.search(clause)
    if modal and change:
        return "projected", f"{modal.group(0)} … {change.group(0)}" if modal.start() < change.start() \
            else f"{change.group(0)} … {modal.group(0)}"
    m = _FORECAST_CUES.search(clause)
    if m:
        return "projected", m.group(0)
    m = _NOW_CUES.search(clause)
    if m:
        return "settled", m.group(0)
    m = _EARLY_CUES.search(sentence)
    if m:
        return "early", m.group(0)
    return "settled", ""
