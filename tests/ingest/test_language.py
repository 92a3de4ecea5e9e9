"""figcheck.ingest.language: an article's language and word count."""
import pytest

from figcheck.ingest.language import count_article_words, detect_article_language


@pytest.mark.parametrize("text, lang", [
    ("Meta investiert Milliarden in das Start-up und übernimmt fast die Hälfte des Unternehmens.", "de"),
    ("Meta is investing billions in the start-up and takes almost half of the company.", "en"),
    ("", ""),
])
def test_detect_article_language(text, lang):
    assert detect_article_language(text) == lang
    assert detect_article_language(text) == lang        # deterministic


def test_count_article_words():
    assert count_article_words("Meta investiert 14,3 Milliarden in KI-Startup – Meta's Plan.") == 8
