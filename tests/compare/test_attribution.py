"""figcheck.compare.attribution: sentences, and whom an article credits for a figure."""
from __future__ import annotations

import pytest

from figcheck.compare.attribution import compare_attribute, compare_find_sources, compare_sentence_spans


@pytest.mark.parametrize("text,cites,expected", [
    ("Die Investition ist laut «N-TV» die zweitgrösste.", [], ["N-TV"]),
    ("…, berichtet Bloomberg.", [], ["Bloomberg"]),
    ("Acme paid $2 billion, according to Reuters.", [], ["Reuters"]),
    ("Acme paid $2 billion, Reuters reported.", [], ["Reuters"]),
    ("Laut Berichten plant Meta, fast die Hälfte zu übernehmen.", [], []),
    ("Meta soll Berichten zufolge zahlen.", [], []),
    ("Wie die dpa berichtet, zahlt Acme viel.", ["dpa"], ["dpa"]),
    ("Der Deal, so das Handelsblatt, ist groß.", ["Handelsblatt"], ["Handelsblatt"]),
])
def test_find_sources(text, cites, expected):
    assert compare_find_sources(text, cites) == expected


def test_attribution_looks_at_neighbouring_sentences():
    text = ("«Das ist gut», sagte Wang laut «Handelsblatt». Scale AI werde nun mit 29 Milliarden bewertet. "
            "Meta zahlt 14 Milliarden. Das sei viel, berichtet Bloomberg. Acme ist groß.")
    spans = compare_sentence_spans(text)
    cites = ["Handelsblatt", "Bloomberg"]
    # reported speech (Konjunktiv) carries the previous sentence's source
    assert compare_attribute(text, text.index("29"), spans, cites) == ("Handelsblatt", "previous sentence")
    # a reporting verb in the next sentence covers the figure before it
    assert compare_attribute(text, text.index("14"), spans, cites) == ("Bloomberg", "next sentence")
    # plain indicative does not inherit the previous sentence's source
    text2 = "Laut «Handelsblatt» ist Wang klug. Meta zahlt 14 Milliarden."
    assert compare_attribute(text2, text2.index("14"), compare_sentence_spans(text2), cites) == ("", "")


def test_unnamed_report_in_an_article_citing_one_source():
    text = "Acme is reportedly paying $2 billion for Beta."
    spans = compare_sentence_spans(text)
    assert compare_attribute(text, text.index("$2"), spans, ["Bloomberg"]) == ("Bloomberg", "article")
    assert compare_attribute(text, text.index("$2"), spans, ["Bloomberg", "Reuters"]) == ("", "")


def test_sentence_spans_keep_abbreviations_together():
    text = "Meta Platforms Inc. befindet sich in Gesprächen. Das ist neu.\nZweite Zeile"
    spans = compare_sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Meta Platforms Inc. befindet sich in Gesprächen.", "Das ist neu.",
                                             "Zweite Zeile"]
