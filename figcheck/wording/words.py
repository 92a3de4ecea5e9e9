"""wording/words: TODO docstring."""
from __future__ import annotations

from pathlib import Path


def article_label(file: str, outlet: str = "", language: str = "en") -> str:
    """How charts and messages name an article: its outlet, else 'article 001' / 'Artikel 001'."""
    if isinstance(outlet, str) and outlet.strip():
        return outlet.strip()
    stem = Path(str(file)).stem
    short = stem.split("_")[0] if "_" in stem else stem
    return f"{'Artikel' if language == 'de' else 'article'} {short}"


def join_words(items: list[str], language: str = "en") -> str:
    """'A, B und C' / 'A, B and C' (empty items left out)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" und " if language == "de" else " and ") + items[-1]
