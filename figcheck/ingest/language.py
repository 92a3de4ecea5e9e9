"""An article's language (de/en) and its word count."""
from __future__ import annotations

import re


# ---------------------------------------------------------------------------
# Language, words, cited sources
# ---------------------------------------------------------------------------
_LANGID = None


def detect_article_language(text: str) -> str:
    """'de' or 'en' for a text (py3langid restricted to those two; deterministic)."""
    global _LANGID
    if _LANGID is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        ident.set_languages(["de", "en"])
        _LANGID = ident
    sample = text[:20000]
    if not sample.strip():
        return ""
    return _LANGID.classify(sample)[0]


_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*")


def count_article_words(text: str) -> int:
    """Words in a text ('14,3', 'KI-Startup' and "Meta's" count as one word each)."""
    return len(_WORD.findall(text))
