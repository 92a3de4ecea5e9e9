"""figcheck.ingest.html: HTML pages and Markdown files (own test material in tests/fixtures/ingest/)."""
import json
import shutil

from figcheck.ingest.html import extract_html_article
from figcheck.ingest.story import ingest_article, ingest_folder


def test_html_scripts_and_onerror_never_leak(tmp_story, ingest_fixtures):
    art = tmp_story.articles
    (art / "x.html").write_text(
        "<html><head><title>Testseite</title><script>var a='SCRIPT-LEAK';</script></head><body>"
        "<article><h1>Firma verdoppelt Gewinn</h1><p>Die Firma hat ihren Gewinn im Jahr 2024 auf 40 Millionen Euro "
        "verdoppelt, wie sie am Montag mitteilte. Der Umsatz stieg um 15 Prozent auf 310 Millionen Euro.</p>"
        "<img src=x onerror=\"alert('ONERROR-LEAK')\"><script>document.write('SCRIPT-LEAK-2')</script>"
        "<p>Die Aktie legte nach der Mitteilung um 6 Prozent zu, der höchste Stand seit drei Jahren.</p>"
        "</article></body></html>", encoding="utf-8")
    shutil.copy(ingest_fixtures / "de_page.html", art / "de_page.html")
    shutil.copy(ingest_fixtures / "en_page.html", art / "en_page.html")
    res = ingest_folder(art)
    for text in res.articles["text"]:
        assert "LEAK" not in text and "alert(" not in text and "<" not in text
    assert "LEAK" not in "".join(res.boilerplate["text"])
    assert "40 Millionen Euro" in res.articles.set_index("file").loc["x.html", "text"]


def test_german_html_page(ingest_fixtures):
    meta = extract_html_article((ingest_fixtures / "de_page.html").read_text(encoding="utf-8"))
    assert meta["title"] == "Rheinwerk übernimmt Solarfirma für 2,4 Milliarden Euro"
    assert meta["sitename"] == "Rheinland-Kurier" and meta["date"] == "2024-09-17"
    assert meta["url"].startswith("https://www.rheinland-kurier.example/")
    art = ingest_article("de_page.html", (ingest_fixtures / "de_page.html").read_bytes())
    text = art["text"]
    for kept in ("rund 2,4 Milliarden Euro", "75 Prozent", "1.800 Menschen", "4,2 Prozent"):
        assert kept in text
    for gone in ("Startseite", "Cookies", "300 Euro sparen", "Lesen Sie auch", "Newsletter", "Teilen",
                 "moderiert", "Solarbranche unter Druck", "Alle Rechte", "LEAK"):
        assert gone not in text, gone
    caption = "Im Werk in Bonn arbeiten 1.800 Menschen. Foto: Max Muster"
    start = text.index(caption)
    assert [start, start + len(caption), "caption"] in art["segments"]
    assert art["published"] == "2024-09-17" and art["html_outlet"] == "Rheinland-Kurier"


def test_english_html_page(tmp_story, ingest_fixtures):
    art = tmp_story.articles
    shutil.copy(ingest_fixtures / "en_page.html", art / "en_page.html")
    row = ingest_folder(art).articles.iloc[0]
    assert row["language"] == "en" and row["outlet"] == "Harbour Gazette" and row["outlet_from"] == "html"
    assert row["published"] == "2024-03-05"
    assert json.loads(row["cites"]) == ["Reuters", "Financial Times", "BBC"]
    text = row["text"]
    assert "about $850 million" in text and "The chain runs 112 shops." in text
    for gone in ("Advertisement", "Read more", "Sign up", "Related articles", "By Sam Example", "Subscribe",
                 "All rights reserved", "Grocers face new price rules"):
        assert gone not in text, gone
    assert any(k == "caption" for _s, _e, k in json.loads(row["segments"]))


def test_markdown_article(tmp_story):
    art = tmp_story.articles
    (art / "note.md").write_text("# Hafen wächst um 8 Prozent\n\nDer **Hafen** hat 2024 rund "
                                 "[12 Millionen Tonnen](https://x.example) umgeschlagen, 8 Prozent mehr als im "
                                 "Vorjahr, teilte die Hafengesellschaft mit.\n", encoding="utf-8")
    row = ingest_folder(art).articles.iloc[0]
    assert row["title"] == "Hafen wächst um 8 Prozent"
    assert "Der Hafen hat 2024 rund 12 Millionen Tonnen umgeschlagen" in row["text"]
    assert "#" not in row["text"] and "](" not in row["text"]
