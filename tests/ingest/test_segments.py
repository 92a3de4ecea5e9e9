"""figcheck.ingest.segments: the clean text and its headline, caption and body segments."""
import json

from figcheck.ingest.boilerplate import classify_article_lines
from figcheck.ingest.segments import assemble_clean_text


def test_caption_kept_and_marked(default_row):
    row = default_row("001")
    caption = "Meta übernimmt wohl 49 Prozent von Scale AI. - Keystone"
    text, segs = row["text"], json.loads(row["segments"])
    start = text.index(caption)
    kinds = [k for s, e, k in segs if s <= start and start + len(caption) <= e]
    assert kinds == ["caption"]


def test_headline_vs_lead(default_row):
    row = default_row("000")
    headline = "Meta investiert Milliarden in KI-Startup Scale AI – und holt Top-Talent ins Haus!"
    assert row["text"].count(headline) == 1
    segs = json.loads(row["segments"])
    assert segs[0] == [0, len(headline), "headline"]
    assert row["title"] == headline
    for prefix in ("001", "002"):
        assert json.loads(default_row(prefix)["segments"])[0][2] == "body"
    for prefix in ("003", "004"):
        assert json.loads(default_row(prefix)["segments"])[0][2] == "headline"


def test_segments_cover_clean_text(default_result):
    for _, row in default_result.articles.iterrows():
        segs = json.loads(row["segments"])
        assert segs and segs[0][0] == 0 and segs[-1][1] == len(row["text"])
        for (s1, e1, k1), (s2, _e2, _k2) in zip(segs, segs[1:]):
            assert s1 < e1 <= s2 and k1 in ("headline", "caption", "body")
            assert row["text"][e1:s2].strip() == ""


def test_assemble_clean_text_offsets():
    lines, _ = classify_article_lines(
        "Titel der Meldung\n\nErster Absatz mit Text.\nZweite Zeile des Absatzes.\n\nAnzeige\n\n"
        "Ein Bild vom Ort. Foto: Muster\n\nLetzter Absatz.")
    text, segs = assemble_clean_text(lines)
    assert text == ("Titel der Meldung\n\nErster Absatz mit Text.\nZweite Zeile des Absatzes.\n\n"
                    "Ein Bild vom Ort. Foto: Muster\n\nLetzter Absatz.")
    assert [k for _s, _e, k in segs] == ["headline", "body", "caption", "body"]
    assert text[segs[2][0]:segs[2][1]] == "Ein Bild vom Ort. Foto: Muster"
