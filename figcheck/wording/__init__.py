"""Wording: every sentence and label the collection writes for a reader.

The analysis (compare/, charts/) returns records; the modules here turn them into text:
`findings` (findings.csv messages, evidence reasons, quantity names), `charts` (titles,
subtitles, alt text, chart labels, the chart cap), `report` (report.html labels), `story` (the
story check: why an article is off story, the sentence for a folder with no story), `numbers`
(figures as each language writes them) and `words` (lists, quotes, article names). The words themselves live
in one module per language, `de.py` and `en.py`, which `texts(language)` returns.
"""
from __future__ import annotations

from types import ModuleType

from figcheck.wording import de, en


def texts(language: str) -> ModuleType:
    """The words of a language: `de` for German, `en` for everything else."""
    return de if language == "de" else en
