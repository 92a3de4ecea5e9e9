"""figcheck.wording.words: article names and lists."""
from figcheck.wording.words import article_label, join_words


def test_article_label_falls_back_to_the_file_number():
    assert article_label("001_6b93.txt", "") == "article 001"
    assert article_label("001_6b93.txt", "", "de") == "Artikel 001"
    assert article_label("000_c4e7.txt", "finanzen.ch", "de") == "finanzen.ch"


def test_join_words():
    assert join_words(["A", "", "B", "C"], "de") == "A, B und C"
    assert join_words(["A", "B"], "en") == "A and B"
    assert join_words(["A"], "de") == "A" and join_words([], "en") == ""
