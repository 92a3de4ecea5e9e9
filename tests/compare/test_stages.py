"""figcheck.compare.stages: stage and time of a figure from its clause (early, settled, past, projected)."""
from __future__ import annotations

import pytest

from figcheck.compare.stages import compare_stage


@pytest.mark.parametrize("sentence,span,stage", [
    ("Meta plant eine Investition von 10 Milliarden Dollar.", "10 Milliarden", "early"),
    ("Meta befindet sich Berichten zufolge in Gesprächen, um 10 Milliarden zu investieren.", "10 Milliarden", "early"),
    ("Meta investiert 14,3 Milliarden Dollar in das Start-up.", "14,3 Milliarden", "settled"),
    ("Scale AI werde nun mit 29 Milliarden Dollar bewertet.", "29 Milliarden", "settled"),
    ("Das Unternehmen wurde kürzlich mit 14 Milliarden US-Dollar bewertet, doch ein Angebot könnte seine "
     "Bewertung auf 25 Milliarden US-Dollar steigern.", "14 Milliarden", "past"),
    ("Das Unternehmen wurde kürzlich mit 14 Milliarden US-Dollar bewertet, doch ein Angebot könnte seine "
     "Bewertung auf 25 Milliarden US-Dollar steigern.", "25 Milliarden", "projected"),
    ("Acme is in talks to buy Beta for $2 billion.", "$2 billion", "early"),
    ("Acme reportedly offered $2 billion.", "$2 billion", "early"),
    ("Beta was previously valued at $1 billion.", "$1 billion", "past"),
    ("Revenue could rise to $5 billion next year.", "$5 billion", "projected"),
    ("Acme bought Beta for $2 billion on Monday.", "$2 billion", "settled"),
    ("The deal closed in May at $2 billion.", "$2 billion", "settled"),   # "May" is a month, not a hedge
])
def test_stage(sentence, span, stage):
    start = sentence.index(span)
    assert compare_stage(sentence, start, start + len(span))[0] == stage
