"""Small pieces of wording every part uses: lists ("A, B und C"), quotation marks, article names."""
from __future__ import annotations

from pathlib import Path

from figcheck.wording import texts


def article_label(file: str, outlet: str = "", language: str = "en") -> str:
    """How charts and messages name an article: its outlet, else 'article 001' / 'Artikel 001'."""
    if isinstance(outlet, str) and outlet.strip():
        return outlet.strip()
    stem = Path(str(file)).stem
    short = stem.split("_")[0] if "_" in stem else stem
    return f"{texts(language).ARTICLE} {short}"


def join_words(items: list[str], language: str = "en") -> str:
    """'A, B und C' / 'A, B and C' (empty items left out)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + texts(language).AND + items[-1]


def in_quotes(text: str, language: str) -> str:
    """A span in the language's quotation marks."""
    a, b = texts(language).QUOTES
    return f"{a}{text}{b}"
