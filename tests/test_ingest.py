"""Tests of the ingest section (helpers.ingest_*; notebook 01).

The default story's articles are read from data/meta-scale-ai/articles/; everything else is
written here or in tests/fixtures/ingest/ (invented test material, see its README).
"""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import helpers

ROOT = Path(helpers.ROOT)
FIX = Path(__file__).parent / "fixtures"
ING = FIX / "ingest"
DEFAULT = helpers.story_paths("meta-scale-ai")


def _paths(tmp_path: Path, name: str = "tmpstory"):
    """StoryPaths for a story that lives in tmp_path (articles/ and output/)."""
    data = tmp_path / "data" / name
    out = tmp_path / "output" / name
    (data / "articles").mkdir(parents=True, exist_ok=True)
    return helpers.StoryPaths(story=name, data=data, articles=data / "articles", story_yaml=data / "story.yaml",
                              sources_csv=data / "sources.csv", output=out, charts=out / "charts",
                              notebooks=out / "notebooks")


def _hashes(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def default_result():
    return helpers.ingest_story(DEFAULT, helpers.default_params())


def _row(result, prefix):
    rows = result.articles[result.articles["file"].str.startswith(prefix)]
    assert len(rows) == 1, prefix
    return rows.iloc[0]


# ---------------------------------------------------------------------------
# Done-when checks on the default story
# ---------------------------------------------------------------------------
def test_default_story_metadata(default_result):
    arts = default_result.articles
    assert list(arts.columns) == helpers.ARTICLE_COLUMNS
    assert len(arts) == 5
    a000 = _row(default_result, "000")
    assert a000["outlet"] == "finanzen.ch" and a000["outlet_from"] == "text"
    assert a000["published"] == "2025-06-11"
    assert _row(default_result, "002")["outlet"] == "IT BOLTWISE"
    assert set(arts["language"]) == {"de"}
    cites001 = json.loads(_row(default_result, "001")["cites"])
    assert cites001[:3] == ["N-TV", "Handelsblatt", "Golem"]
    assert "Bloomberg" in json.loads(_row(default_result, "004")["cites"])
    assert (arts["duplicate_of"] == "").all()
    assert (arts["word_count"] > 200).all()
    assert list(default_result.report["status"]) == ["ok"] * 5


def test_gold_spans_survive(default_result):
    texts = dict(zip(default_result.articles["file"], default_result.articles["text"]))
    with open(FIX / "meta-scale-ai.gold.csv", encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh))
    assert gold
    missing = [(g["article"], g["span"]) for g in gold if g["span"] not in texts[g["article"]]]
    assert missing == []


def test_not_figures_boilerplate_and_metadata_gone(default_result):
    texts = dict(zip(default_result.articles["file"], default_result.articles["text"]))
    with open(FIX / "meta-scale-ai.not-figures.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if "boilerplate" in row["why"] or "metadata" in row["why"]:
                assert row["text"] not in texts[row["article"]], row


@pytest.mark.parametrize("prefix, gone", [
    ("002", "Duales Studium"), ("002", "Stellenangebote"), ("002", "Kommentar"), ("002", "moderiert"),
    ("002", "respektvoll"), ("002", "per eMail"), ("002", "Patreon"), ("002", "RSS"), ("002", "Bücher"),
    ("002", "StepStone"), ("002", "Werkstudent"), ("002", "Du willst nichts verpassen"),
    ("000", "Empfehlungen"), ("001", "Mehr zum Thema"), ("001", "ZuckerbergVerwaltungsrat"),
    ("001", "Stört es dich"), ("000", "2025-06-11"), ("000", "finanzen.ch"),
])
def test_boilerplate_removed(default_result, prefix, gone):
    assert gone not in _row(default_result, prefix)["text"]


def test_ad_lines_removed(default_result):
    text = _row(default_result, "001")["text"]
    assert "Ad" not in text.split("\n")
    assert "\nmeta\n" not in text          # photo tags before captions


def test_caption_kept_and_marked(default_result):
    row = _row(default_result, "001")
    caption = "Meta übernimmt wohl 49 Prozent von Scale AI. - Keystone"
    text, segs = row["text"], json.loads(row["segments"])
    start = text.index(caption)
    kinds = [k for s, e, k in segs if s <= start and start + len(caption) <= e]
    assert kinds == ["caption"]


def test_headline_vs_lead(default_result):
    row = _row(default_result, "000")
    headline = "Meta investiert Milliarden in KI-Startup Scale AI – und holt Top-Talent ins Haus!"
    assert row["text"].count(headline) == 1
    segs = json.loads(row["segments"])
    assert segs[0] == [0, len(headline), "headline"]
    assert row["title"] == headline
    for prefix in ("001", "002"):
        assert json.loads(_row(default_result, prefix)["segments"])[0][2] == "body"
    for prefix in ("003", "004"):
        assert json.loads(_row(default_result, prefix)["segments"])[0][2] == "headline"


def test_segments_cover_clean_text(default_result):
    for _, row in default_result.articles.iterrows():
        segs = json.loads(row["segments"])
        assert segs and segs[0][0] == 0 and segs[-1][1] == len(row["text"])
        for (s1, e1, k1), (s2, _e2, _k2) in zip(segs, segs[1:]):
            assert s1 < e1 <= s2 and k1 in ("headline", "caption", "body")
            assert row["text"][e1:s2].strip() == ""


def test_boilerplate_table_is_auditable(default_result):
    bp = default_result.boilerplate
    assert list(bp.columns) == helpers.BOILERPLATE_COLUMNS
    raw = {p.name: p.read_text(encoding="utf-8").splitlines() for p in DEFAULT.articles.iterdir()}
    for _, r in bp.iterrows():       # line numbers point at the raw file
        assert raw[r["file"]][r["line"] - 1].strip() == r["text"]
    rules = set(bp["rule"])
    assert {"date_line", "source_line", "repeated_title", "advert", "recommendations", "jobs",
            "comment_policy", "newsletter_social", "tag_cloud"} <= rules
    rep = default_result.report.set_index("file")["lines_removed"]
    assert dict(bp.groupby("file").size()) == {k: v for k, v in rep.items() if v}


def test_outputs_atomic_and_byte_identical(tmp_path, default_result):
    paths = _paths(tmp_path)
    before = _hashes(DEFAULT.articles)
    helpers.write_ingest_outputs(default_result, paths)
    first = {n: (paths.output / n).read_bytes() for n in ("articles.csv", "ingest_report.csv", "boilerplate.csv")}
    again = helpers.ingest_story(DEFAULT, helpers.default_params())
    helpers.write_ingest_outputs(again, paths)
    for name, data in first.items():
        assert (paths.output / name).read_bytes() == data
    assert sorted(p.name for p in paths.output.iterdir()) == sorted(first)   # no temp files left
    assert _hashes(DEFAULT.articles) == before
    back = helpers.read_table(paths.output / "articles.csv")
    assert list(back["text"]) == list(default_result.articles["text"])
    assert json.loads(back.loc[1, "cites"]) == json.loads(default_result.articles.loc[1, "cites"])


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------
GOOD_DE = ("Stadtrat beschließt neues Busnetz\n\nDer Stadtrat hat am Dienstag ein neues Busnetz beschlossen. "
           "Es kostet 12 Millionen Euro und soll ab 2026 gelten, teilte die Verwaltung mit.\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


@pytest.fixture
def bad_folder(tmp_path):
    art = _paths(tmp_path).articles
    (art / "a_good.txt").write_text(GOOD_DE, encoding="utf-8")
    (art / "b_empty.txt").write_bytes(b"")
    (art / "c_blank.txt").write_bytes(b"  \n\t \r\n \xc2\xa0\n\n")
    (art / "d_image.txt").write_bytes(PNG)
    (art / "e_document.txt").write_bytes(PDF)
    (art / "f_cp1252.txt").write_bytes(
        "Größere Märkte für Öl\n\nDie Übernahme kostet 5 € je Aktie, insgesamt über 300 Millionen €. "
        "Das Geschäft wurde am Freitag in Zürich abgeschlossen, hieß es.\n".encode("cp1252"))
    (art / "g_utf16.txt").write_bytes(
        "Wasserstoff-Werk eröffnet\n\nIn Rostock hat ein Wasserstoff-Werk mit 150 Beschäftigten eröffnet. "
        "Die Investition beträgt 80 Millionen Euro, sagte die Betreiberin.\n".encode("utf-16"))
    shutil.copy(ING / "de_page.html", art / "h_page.html")
    (art / "i_copy1.txt").write_text(GOOD_DE.replace("Busnetz", "Radnetz"), encoding="utf-8")
    (art / "i_copy2.txt").write_text(GOOD_DE.replace("Busnetz", "Radnetz").replace("\n", "\r\n"), encoding="utf-8")
    (art / "Bericht über Märkte 2024.txt").write_text(GOOD_DE.replace("Busnetz", "Markthalle"), encoding="utf-8")
    (art / "j_table.xyz").write_text("a,b\n1,2\n", encoding="utf-8")
    (art / "k_doc.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (art / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return art


def test_bad_input_folder(bad_folder):
    before = _hashes(bad_folder)
    res = helpers.ingest_folder(bad_folder)
    rep = res.report.set_index("file")
    assert list(res.report.columns) == helpers.REPORT_COLUMNS
    assert ".DS_Store" not in rep.index                     # hidden files are ignored
    assert rep.loc["b_empty.txt", "status"] == "skipped" and rep.loc["b_empty.txt", "reason"] == "empty file"
    assert rep.loc["c_blank.txt", "status"] == "skipped" and "whitespace" in rep.loc["c_blank.txt", "reason"]
    assert "PNG" in rep.loc["d_image.txt", "reason"] and rep.loc["d_image.txt", "status"] == "skipped"
    assert "PDF" in rep.loc["e_document.txt", "reason"]
    assert rep.loc["j_table.xyz", "reason"].startswith("unsupported file type .xyz")
    assert rep.loc["k_doc.docx", "reason"].startswith("unsupported file type .docx")
    assert rep.loc["i_copy2.txt", "status"] == "duplicate" and "i_copy1.txt" in rep.loc["i_copy2.txt", "reason"]
    for f in ("a_good.txt", "f_cp1252.txt", "g_utf16.txt", "h_page.html", "i_copy1.txt", "Bericht über Märkte 2024.txt"):
        assert rep.loc[f, "status"] == "ok", (f, rep.loc[f, "reason"])
    assert rep.loc["f_cp1252.txt", "encoding"] == "cp1252"
    assert rep.loc["g_utf16.txt", "encoding"] == "utf-16"
    assert (rep["bytes"] > 0).sum() == len(rep) - 1
    arts = res.articles.set_index("file")
    assert "5 € je Aktie" in arts.loc["f_cp1252.txt", "text"] and "Größere Märkte für Öl" in arts.loc["f_cp1252.txt", "text"]
    assert "150 Beschäftigten" in arts.loc["g_utf16.txt", "text"]
    assert arts.loc["i_copy2.txt", "duplicate_of"] == "i_copy1.txt" and arts.loc["i_copy2.txt", "similarity"] == 1.0
    assert arts.loc["Bericht über Märkte 2024.txt", "article_id"] == "Bericht über Märkte 2024"
    assert set(arts.index) == {"a_good.txt", "f_cp1252.txt", "g_utf16.txt", "h_page.html", "i_copy1.txt",
                               "i_copy2.txt", "Bericht über Märkte 2024.txt"}
    assert _hashes(bad_folder) == before                    # raw files never modified


def test_html_scripts_and_onerror_never_leak(tmp_path):
    art = _paths(tmp_path).articles
    (art / "x.html").write_text(
        "<html><head><title>Testseite</title><script>var a='SCRIPT-LEAK';</script></head><body>"
        "<article><h1>Firma verdoppelt Gewinn</h1><p>Die Firma hat ihren Gewinn im Jahr 2024 auf 40 Millionen Euro "
        "verdoppelt, wie sie am Montag mitteilte. Der Umsatz stieg um 15 Prozent auf 310 Millionen Euro.</p>"
        "<img src=x onerror=\"alert('ONERROR-LEAK')\"><script>document.write('SCRIPT-LEAK-2')</script>"
        "<p>Die Aktie legte nach der Mitteilung um 6 Prozent zu, der höchste Stand seit drei Jahren.</p>"
        "</article></body></html>", encoding="utf-8")
    shutil.copy(ING / "de_page.html", art / "de_page.html")
    shutil.copy(ING / "en_page.html", art / "en_page.html")
    res = helpers.ingest_folder(art)
    for text in res.articles["text"]:
        assert "LEAK" not in text and "alert(" not in text and "<" not in text
    assert "LEAK" not in "".join(res.boilerplate["text"])
    assert "40 Millionen Euro" in res.articles.set_index("file").loc["x.html", "text"]


@pytest.mark.slow
def test_big_text_file_is_linear(tmp_path):
    art = _paths(tmp_path).articles
    para = ("Absatz {i}: Der Umsatz stieg im dritten Quartal um 4,5 Prozent auf 1,2 Milliarden Euro, wie laut "
            "Reuters berichtet wurde. Die Zahl der Beschäftigten lag bei 12.400, rund 300 mehr als im Vorjahr.\n\n")
    chunks, size, i = ["Großer Bericht über Zahlen\n\n"], 0, 0
    while size < 20_000_000:
        chunks.append(para.replace("{i}", str(i)))
        size += len(chunks[-1])
        i += 1
    (art / "big.txt").write_text("".join(chunks), encoding="utf-8")
    (art / "small.txt").write_text(GOOD_DE, encoding="utf-8")
    t0 = time.perf_counter()
    res = helpers.ingest_folder(art)
    elapsed = time.perf_counter() - t0
    assert elapsed < 60, f"20 MB took {elapsed:.1f} s"
    big = res.articles.set_index("file").loc["big.txt"]
    assert big["word_count"] > 2_500_000 and big["language"] == "de"
    assert res.report.set_index("file").loc["big.txt", "status"] == "ok"


def test_missing_story_folder():
    with pytest.raises(helpers.StoryError) as exc:
        helpers.ingest_folder(helpers.DATA_DIR / "no-such-story" / "articles")
    msg = str(exc.value)
    assert "\n" not in msg and "no-such-story" in msg and "meta-scale-ai" in msg


def test_folder_without_usable_article(tmp_path):
    art = _paths(tmp_path).articles
    (art / "empty.txt").write_bytes(b"")
    (art / "pic.txt").write_bytes(PNG)
    (art / "notes.odt").write_bytes(b"PK\x03\x04")
    with pytest.raises(helpers.StoryError) as exc:
        helpers.ingest_folder(art)
    msg = str(exc.value)
    assert "\n" not in msg and "no usable article" in msg and str(art) in msg and "meta-scale-ai" in msg
    with pytest.raises(helpers.StoryError):
        helpers.ingest_folder(tmp_path / "data" / "tmpstory" / "empty-dir-that-is-not-there")


def test_only_boilerplate_is_not_usable(tmp_path):
    art = _paths(tmp_path).articles
    (art / "promo.txt").write_text("Anzeige\nNewsletter abonnieren!\nFolgen Sie uns auf Instagram!\n", encoding="utf-8")
    (art / "ok.txt").write_text(GOOD_DE, encoding="utf-8")
    rep = helpers.ingest_folder(art).report.set_index("file")
    assert rep.loc["promo.txt", "status"] == "skipped" and "boilerplate" in rep.loc["promo.txt", "reason"]


# ---------------------------------------------------------------------------
# sources.csv, parameters, outlet priority
# ---------------------------------------------------------------------------
def test_outlet_priority_and_sources_csv(tmp_path):
    paths = _paths(tmp_path)
    text = ("Neue Brücke kostet mehr\n\n2024-05-02\nlokalblatt.example\n\nDie neue Brücke kostet 45 Millionen Euro "
            "statt der geplanten 30 Millionen Euro, teilte das Bauamt am Donnerstag mit.\n")
    for name in ("a.txt", "b.txt", "c.txt"):
        (paths.articles / name).write_text(text.replace("Brücke", f"Brücke {name[0].upper()}"), encoding="utf-8")
    paths.sources_csv.write_text("file,outlet,url,published\nb.txt,Abendzeitung,https://a.example/x,3. Mai 2024\n"
                                 "c.txt,Abendzeitung,,\n", encoding="utf-8")
    params = helpers.validate_params({"story": "tmpstory", "outlets": {"c.txt": "Morgenpost"}, "exclude": []})
    arts = helpers.ingest_story(paths, params).articles.set_index("file")
    assert (arts.loc["a.txt", "outlet"], arts.loc["a.txt", "outlet_from"]) == ("lokalblatt.example", "text")
    assert arts.loc["a.txt", "published"] == "2024-05-02"
    assert (arts.loc["b.txt", "outlet"], arts.loc["b.txt", "outlet_from"]) == ("Abendzeitung", "sources.csv")
    assert arts.loc["b.txt", "published"] == "2024-05-03" and arts.loc["b.txt", "url"] == "https://a.example/x"
    assert (arts.loc["c.txt", "outlet"], arts.loc["c.txt", "outlet_from"]) == ("Morgenpost", "parameter")
    assert arts.loc["c.txt", "published"] == "2024-05-02"      # empty in sources.csv: the text's date line


def test_exclude_parameter(tmp_path):
    paths = _paths(tmp_path)
    (paths.articles / "a.txt").write_text(GOOD_DE, encoding="utf-8")
    (paths.articles / "b.txt").write_text(GOOD_DE.replace("Bus", "Tram"), encoding="utf-8")
    res = helpers.ingest_story(paths, helpers.validate_params({"exclude": ["b.txt"]}))
    assert list(res.articles["file"]) == ["a.txt"]
    rep = res.report.set_index("file")
    assert rep.loc["b.txt", "status"] == "skipped" and "exclude" in rep.loc["b.txt", "reason"]


@pytest.mark.parametrize("content, words", [
    ("outlet,url\nx,y\n", "'file' column"),
    ("file,outlet,paper\na.txt,X,Y\n", "unknown column 'paper'"),
    ("file,outlet,url,published\na.txt,X,,gestern\n", "not a date"),
    ("file,outlet\na.txt,X\na.txt,Y\n", "twice"),
    ("file,outlet\na.txt,X,extra,more\n", "fields"),
])
def test_malformed_sources_csv(tmp_path, content, words):
    path = tmp_path / "sources.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(helpers.StoryError) as exc:
        helpers.read_sources_csv(path)
    assert words in str(exc.value) and "\n" not in str(exc.value)


def test_sources_csv_absent_or_valid(tmp_path):
    assert helpers.read_sources_csv(None) == {}
    assert helpers.read_sources_csv(tmp_path / "nope.csv") == {}
    p = tmp_path / "s.csv"
    p.write_bytes("\ufefffile,published\nä b.txt,2025-01-31\n".encode("utf-8"))
    assert helpers.read_sources_csv(p) == {"ä b.txt": {"outlet": "", "url": "", "published": "2025-01-31"}}


# ---------------------------------------------------------------------------
# HTML pages (own test material)
# ---------------------------------------------------------------------------
def test_german_html_page():
    meta = helpers.extract_html_article((ING / "de_page.html").read_text(encoding="utf-8"))
    assert meta["title"] == "Rheinwerk übernimmt Solarfirma für 2,4 Milliarden Euro"
    assert meta["sitename"] == "Rheinland-Kurier" and meta["date"] == "2024-09-17"
    assert meta["url"].startswith("https://www.rheinland-kurier.example/")
    art = helpers.ingest_article("de_page.html", (ING / "de_page.html").read_bytes())
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


def test_english_html_page(tmp_path):
    art = _paths(tmp_path).articles
    shutil.copy(ING / "en_page.html", art / "en_page.html")
    row = helpers.ingest_folder(art).articles.iloc[0]
    assert row["language"] == "en" and row["outlet"] == "Harbour Gazette" and row["outlet_from"] == "html"
    assert row["published"] == "2024-03-05"
    assert json.loads(row["cites"]) == ["Reuters", "Financial Times", "BBC"]
    text = row["text"]
    assert "about $850 million" in text and "The chain runs 112 shops." in text
    for gone in ("Advertisement", "Read more", "Sign up", "Related articles", "By Sam Example", "Subscribe",
                 "All rights reserved", "Grocers face new price rules"):
        assert gone not in text, gone
    assert any(k == "caption" for _s, _e, k in json.loads(row["segments"]))


def test_trailing_boilerplate_in_other_words():
    art = helpers.ingest_article("de_promo.txt", (ING / "de_promo.txt").read_bytes())
    text = art["text"]
    assert "rund 180 Euro mehr" in text and "7 Prozent" in text
    for gone in ("Newsletter", "Instagram", "Sachbearbeiter", "Werkstudent", "Ratgeber", "Kommentare", "sachlich"):
        assert gone not in text, gone
    cap = "Das Wärmenetz soll bis 2030 um 40 Kilometer wachsen. - Archivbild: Stadtwerke Nordhafen"
    assert [text.index(cap), text.index(cap) + len(cap), "caption"] in art["segments"]
    assert {r for _n, r, _t in art["removed"]} == {"newsletter_social", "jobs", "shop_promo", "comment_policy"}


def test_markdown_article(tmp_path):
    art = _paths(tmp_path).articles
    (art / "note.md").write_text("# Hafen wächst um 8 Prozent\n\nDer **Hafen** hat 2024 rund "
                                 "[12 Millionen Tonnen](https://x.example) umgeschlagen, 8 Prozent mehr als im "
                                 "Vorjahr, teilte die Hafengesellschaft mit.\n", encoding="utf-8")
    row = helpers.ingest_folder(art).articles.iloc[0]
    assert row["title"] == "Hafen wächst um 8 Prozent"
    assert "Der Hafen hat 2024 rund 12 Millionen Tonnen umgeschlagen" in row["text"]
    assert "#" not in row["text"] and "](" not in row["text"]


# ---------------------------------------------------------------------------
# Step functions
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("data, encoding", [
    ("Straße € 5".encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + "Straße € 5".encode("utf-8"), "utf-8-sig"),
    ("Straße € 5".encode("utf-16"), "utf-16"),
    ("Straße € 5".encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
    ("Die Straße kostet 5 € und die Größe ist üblich, sagt der Bürgermeister.".encode("cp1252"), "cp1252"),
])
def test_decode_article_bytes(data, encoding):
    text, enc = helpers.decode_article_bytes(data)
    assert enc == encoding
    assert "Straße" in text and "€" in text and "\ufeff" not in text


@pytest.mark.parametrize("data, words", [
    (b"", "empty"), (PNG, "PNG"), (PDF, "PDF"), (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00", "ZIP"), (b"abc\x00\x00def\x00" * 10, "NUL"),
])
def test_decode_refuses_binary(data, words):
    with pytest.raises(helpers.IngestSkip) as exc:
        helpers.decode_article_bytes(data)
    assert words in str(exc.value)


def test_html_declared_charset():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Gr\xf6\xdfe: 5 \x80</p></body></html>'
    text, enc = helpers.decode_article_bytes(page.encode("latin-1"), html=True)
    assert enc == "cp1252" and "Größe: 5 €" in text


def test_normalize_article_text():
    raw = "A\u00a0B\u2009C\u202fD\r\nZei\u00adtung\rE\u200bF  G \nu\u0308ber\t\tx"
    out = helpers.normalize_article_text(raw)
    assert out == "A B C D\nZeitung\nEF G\nüber x"
    assert out.count("\n") == raw.count("\r\n") + raw.count("\r") - raw.count("\r\n") + raw.count("\n") - raw.count("\r\n")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_normalize_is_idempotent_and_keeps_lines(raw):
    once = helpers.normalize_article_text(raw)
    assert helpers.normalize_article_text(once) == once
    assert "\r" not in once and "\u00ad" not in once and "\u00a0" not in once
    unified = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    assert once.count("\n") == unified.count("\n")


def test_fix_mojibake():
    broken = "Die GrÃ¶ÃŸe fÃ¼r MÃ¤rkte â€“ 5 â‚¬\nSauber: Größe"
    fixed, n = helpers.fix_mojibake(broken)
    assert fixed == "Die Größe für Märkte – 5 €\nSauber: Größe" and n == 1
    assert helpers.fix_mojibake("Größe für Märkte") == ("Größe für Märkte", 0)


@pytest.mark.parametrize("line, iso", [
    ("2025-06-11", "2025-06-11"), ("11.06.2025", "2025-06-11"), ("11.06.2025, 14:32 Uhr", "2025-06-11"),
    ("Veröffentlicht am 11. Juni 2025", "2025-06-11"), ("Mittwoch, 11. Juni 2025", "2025-06-11"),
    ("June 11, 2025", "2025-06-11"), ("Published 11 June 2025 at 10:30 BST", "2025-06-11"),
    ("Stand: 1.3.2024 | 09:15", "2024-03-01"), ("2025-06-11T08:30:00+02:00", "2025-06-11"),
    ("2025-13-45", ""), ("Am 11. Juni 2025 stieg der Kurs.", ""), ("Juni 2025", ""), ("12.400 Beschäftigte", ""),
])
def test_parse_date_line(line, iso):
    assert helpers.parse_date_line(line) == iso


@pytest.mark.parametrize("value, iso", [
    ("11. Juni 2025", "2025-06-11"), ("3. Mai 2024", "2024-05-03"), ("5 March 2024", "2024-03-05"),
    ("Wed, 11 Jun 2025", "2025-06-11"), ("gestern", ""), ("", ""), ("kein Datum", ""),
])
def test_parse_published(value, iso):
    assert helpers.parse_published(value) == iso


@pytest.mark.parametrize("line, rule", [
    ("Anzeige", "advert"), ("ADVERTISEMENT", "advert"), ("Werbung:", "advert"),
    ("Das könnte Sie auch interessieren", "recommendations"), ("Lesen Sie auch: Warum Mieten steigen", "recommendations"),
    ("Related stories", "recommendations"), ("Read more: Markets rally again", "recommendations"),
    ("Stellenmarkt", "jobs"), ("Jobs", "jobs"), ("Projektleiter Energie (m/w/d)", "jobs"),
    ("Jetzt Karriere-Chancen entdecken und bewerben!", "jobs"),
    ("Jetzt den Newsletter abonnieren!", "newsletter_social"), ("Folgen Sie uns auf Instagram", "newsletter_social"),
    ("Get the morning briefing in your inbox: sign up for our newsletter", "newsletter_social"),
    ("Kommentare werden vor der Veröffentlichung moderiert.", "comment_policy"),
    ("Bitte beachten Sie unsere Netiquette: beleidigende Kommentare löschen wir.", "comment_policy"),
    ("- Der große Ratgeber zur Rente | Jetzt im Shop bestellen", "shop_promo"),
    ("Tags: Energie | Strompreis | Netzausbau", "tag_cloud"),
    ("BundestagHaushaltSchuldenbremseFinanzministerium", "tag_cloud"),
    ("Energie · Strom · Gas · Wärme · Netze", "tag_cloud"),
    ("Teilen", "navigation"), ("Lesezeit: 4 Min.", "reading_time"), ("© 2024 Beispielverlag GmbH", "copyright"),
    ("Von Anna Muster und Ben Beispiel", "byline"), ("By Jane Doe", "byline"),
    ("Was meinst du: Sollte der Staat mehr investieren?", "reader_prompt"),
    ("Hinweise an die Redaktion: redaktion@zeitung.example", "contact"),
])
def test_classify_line_rules(line, rule):
    assert helpers.classify_ingest_line(line) == rule


@pytest.mark.parametrize("line", [
    "Meta Platforms, der Mutterkonzern von Facebook, Instagram und WhatsApp, plant eine Investition.",
    "Die Diskussion über die Kommentare des Ministers wurde im Bundestag lebhaft geführt.",
    "Die Zahl der Teilzeitbeschäftigten stieg um 3 Prozent auf 12 Millionen.",
    "Der Newsletter-Anbieter meldete einen Umsatz von 40 Millionen Euro, ein Plus von 12 Prozent.",
    "Jobs bei Tesla: Der Konzern streicht 14.000 Stellen weltweit.",
    "Scale AI: Ein Schlüsselspieler im Bereich KI-Datenbeschriftung",
    "The company declined to comment on the report, which said 300 jobs could go.",
    "OpenAI, DeepSeek und YouTube wachsen weiter",
    "Ausblick",
])
def test_classify_line_keeps_article_text(line):
    assert helpers.classify_ingest_line(line) is None


@pytest.mark.parametrize("line, expected", [
    ("Meta übernimmt wohl 49 Prozent von Scale AI. - Keystone", True),
    ("Der Hafen von Hamburg bei Nacht. Foto: Max Muster/dpa", True),
    ("A Greenleaf store. (Image: Getty Images)", True),
    ("Blick auf die Baustelle. © Stadt Köln", True),
    ("Die Preise steigen - Analysten warnen", False),
    ("Der Umsatz stieg um 5 Prozent - so viel wie nie.", False),
    ("Foto: dpa", False),
])
def test_looks_like_caption(line, expected):
    assert helpers.looks_like_caption(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Meta plant $10B-Investition in KI-Startup", True),
    ("Meta wagt Milliardeninvestition in Scale AI: Ein visionärer Coup oder gewagtes Experiment?", True),
    ("Regierung beschließt Haushalt!", True),
    ("Nach Rückschlägen investiert Meta nun in Scale AI. Dessen CEO wird für Zuckerberg arbeiten.", False),
    ("Der Stadtrat hat am Dienstag ein neues Busnetz beschlossen.", False),
    ("Dies ist eine sehr lange Zeile mit weit mehr als zwanzig Wörtern, die eher wie ein Absatz aussieht und "
     "deshalb keine Überschrift sein kann oder soll", False),
])
def test_looks_like_headline(line, expected):
    assert helpers.looks_like_headline(line) is expected


def test_classify_article_lines_metadata_and_blocks():
    text = helpers.normalize_article_text(
        "Werk schließt Ende 2025\n\nMittwoch, 5. März 2025\nbeispielzeitung.example\n\n"
        "BERLIN (dpa) – Das Werk mit 900 Beschäftigten schließt Ende 2025, teilte der Konzern am Mittwoch mit. "
        "Die Produktion wandert nach Polen.\n\nStellenangebote\nSchichtleiter (m/w/d)\nLagerhelfer Vollzeit\n\n"
        "Der Betriebsrat kündigte Widerstand an und will mit der Geschäftsführung über einen Sozialplan verhandeln.\n")
    lines, meta = helpers.classify_article_lines(text)
    assert meta == {"published": "2025-03-05", "outlet": "beispielzeitung.example", "agency": "dpa"}
    rules = {ln.text: ln.rule for ln in lines if ln.kind == "removed"}
    assert rules == {"Mittwoch, 5. März 2025": "date_line", "beispielzeitung.example": "source_line",
                     "Stellenangebote": "jobs", "Schichtleiter (m/w/d)": "jobs", "Lagerhelfer Vollzeit": "jobs"}
    kept = [ln.kind for ln in lines if ln.kind not in ("blank", "removed")]
    assert kept == ["headline", "body", "body"]       # the paragraph after the job block is kept


def test_header_byline_with_outlet_and_masthead():
    lines, meta = helpers.classify_article_lines("Kurs steigt\n\nVon Eva Test | Nordblatt | 2. Mai 2024\n\n"
                                                 "Die Aktie stieg am Donnerstag um 7 Prozent auf ein Rekordhoch, "
                                                 "wie Händler berichteten.\n")
    assert meta["published"] == "2024-05-02" and meta["outlet"] == "Nordblatt"
    lines, meta = helpers.classify_article_lines("Kurs steigt\n\nSüdkurier Online\nMay 2, 2024\n\nThe share "
                                                 "price rose by 7 percent to a record high on Thursday, "
                                                 "traders said.\n")
    assert meta["outlet"] == "Südkurier Online" and meta["published"] == "2024-05-02"


def test_interview_questions_are_not_polls():
    text = ("Ein Gespräch mit der Regisseurin\n\nWie bist du zum Film gekommen?\n\nDurch Zufall, mit 19 Jahren, "
            "als Praktikantin bei einem Sender in Köln.\n\nWas inspiriert dich?\n\nMenschen und ihre Geschichten, "
            "vor allem die kleinen.\n\nArbeitest du an etwas Neuem?\n\nJa, an einem Dokumentarfilm über Häfen.\n")
    lines, _ = helpers.classify_article_lines(text)
    assert not [ln for ln in lines if ln.kind == "removed"]


def test_assemble_clean_text_offsets():
    lines, _ = helpers.classify_article_lines(
        "Titel der Meldung\n\nErster Absatz mit Text.\nZweite Zeile des Absatzes.\n\nAnzeige\n\n"
        "Ein Bild vom Ort. Foto: Muster\n\nLetzter Absatz.")
    text, segs = helpers.assemble_clean_text(lines)
    assert text == ("Titel der Meldung\n\nErster Absatz mit Text.\nZweite Zeile des Absatzes.\n\n"
                    "Ein Bild vom Ort. Foto: Muster\n\nLetzter Absatz.")
    assert [k for _s, _e, k in segs] == ["headline", "body", "caption", "body"]
    assert text[segs[2][0]:segs[2][1]] == "Ein Bild vom Ort. Foto: Muster"


@pytest.mark.parametrize("text, own, expected", [
    ("Die Investition ist laut «N-TV» die zweitgrösste. Wang sagte laut „Handelsblatt“, es sei gut.", "",
     ["N-TV", "Handelsblatt"]),
    ("Das Geschäft wäre eines der größten, berichtet Bloomberg. Reuters zufolge ist es fast fertig.", "",
     ["Bloomberg", "Reuters"]),
    ("Wie die Nachrichtenagentur Reuters meldete, stieg der Kurs. Der US-Sender CNBC bestätigte das.", "",
     ["Reuters", "CNBC"]),
    ("Revenue rose, according to the Financial Times. A spokesperson told the BBC the deal was done.", "",
     ["Financial Times", "BBC"]),
    ("Berlin (dpa) - Der Bundestag hat das Gesetz beschlossen (AFP/Reuters).", "", ["dpa", "AFP", "Reuters"]),
    ("Laut Berichten plant Meta den Kauf. Laut Experten ist das teuer. Bloomberg wurde 1981 gegründet.", "", []),
    ("Laut «Handelsblatt» ist der Preis hoch; das Handelsblatt berichtete zuerst.", "Handelsblatt", []),
    ("The newspaper Harbour Gazette reported the figure first, the Guardian said.", "", ["Harbour Gazette", "Guardian"]),
])
def test_find_article_cites(text, own, expected):
    assert helpers.find_article_cites(text, own) == expected


def test_cites_skip_captions():
    text = "Ein Bild. - Keystone\n\nLaut «Golem» steigt der Preis."
    segs = [[0, 20, "caption"], [22, len(text), "body"]]
    assert helpers.find_article_cites(text, "", segs) == ["Golem"]


@pytest.mark.parametrize("text, lang", [
    ("Meta investiert Milliarden in das Start-up und übernimmt fast die Hälfte des Unternehmens.", "de"),
    ("Meta is investing billions in the start-up and takes almost half of the company.", "en"),
    ("", ""),
])
def test_detect_article_language(text, lang):
    assert helpers.detect_article_language(text) == lang
    assert helpers.detect_article_language(text) == lang        # deterministic


def test_find_duplicate_articles():
    base = " ".join(f"Satz {i} über die Lage am Markt mit {i * 3} Prozent." for i in range(60))
    near = base.replace("Satz 59 über", "Satz neunundfünfzig über")
    other = " ".join(f"Anderer Text {i} ganz ohne Bezug zu {i + 7} Dingen." for i in range(60))
    dups = helpers.find_duplicate_articles({"a.txt": base, "b.txt": base.upper(), "c.txt": near, "d.txt": other,
                                            "e.txt": ""})
    assert dups["b.txt"] == ("a.txt", 1.0)
    assert dups["c.txt"][0] == "a.txt" and 0.8 <= dups["c.txt"][1] < 1.0
    assert "d.txt" not in dups and "a.txt" not in dups and "e.txt" not in dups


def test_count_article_words():
    assert helpers.count_article_words("Meta investiert 14,3 Milliarden in KI-Startup – Meta's Plan.") == 8


def test_notebook_views(default_result):
    summary = helpers.ingest_summary(default_result.articles)
    assert summary.splitlines()[0].startswith("000_c4e7b7921a2cde72.txt | finanzen.ch (text) | 2025-06-11 | de")
    bp = helpers.boilerplate_by_article(default_result.boilerplate)
    assert "[jobs]" in bp and "Stellenangebote" in bp
    seg = helpers.show_article_segments(default_result.articles.loc[1, "text"], default_result.articles.loc[1, "segments"])
    assert "[caption ] Meta übernimmt wohl 49 Prozent von Scale AI. - Keystone" in seg


# ---------------------------------------------------------------------------
# Subscription promos, outlet-and-date source lines, more citation shapes (own invented text)
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "Subscribe to the Lakeside Courier's Evening Digest for the day's top stories.",
    "Subscribe now and read every story on any device.",
    "Sign up for our Weekend Markets newsletter.",
    "Sign up to receive the Morning Memo, free, every weekday.",
    "Get the best of the week's business news in your inbox every Saturday.",
    "Enjoyed this story? Subscribe to our weekly briefing.",
    "Abonnieren Sie den Börsenbrief der Redaktion.",
    "Melden Sie sich für unseren kostenlosen Wirtschafts-Newsletter an.",
    "Jetzt melden Sie sich für den Morgen-Newsletter an und bleiben informiert.",
])
def test_subscription_promos_removed(line):
    assert helpers.classify_ingest_line(line) == "newsletter_social"


@pytest.mark.parametrize("line", [
    "The streaming service added 2 million subscribers in the quarter, the company said.",
    "Investors did not subscribe to the rights issue, the bank said on Tuesday.",
    "The company said customers can sign up for the service from Monday.",
    "Der Verlag zählt inzwischen 120.000 Abonnenten, zwölf Prozent mehr als im Vorjahr.",
    "Melden Sie sich bei der Polizei, wenn Sie etwas gesehen haben, bat der Sprecher.",
    "Analysts subscribe to the view that rates will fall, according to a survey.",
])
def test_subscription_words_in_article_text_kept(line):
    assert helpers.classify_ingest_line(line) is None


@pytest.mark.parametrize("line, outlet, iso", [
    ("LAKESIDE EVENING WIRE, April 2, 2024", "Lakeside Evening Wire", "2024-04-02"),
    ("The Valley Ledger - April 3, 2024", "The Valley Ledger", "2024-04-03"),
    ("Handelsblatt, 5. März 2025", "Handelsblatt", "2025-03-05"),
    ("Nordstädter Anzeiger – Mittwoch, 5. März 2025", "Nordstädter Anzeiger", "2025-03-05"),
    ("Elbtal-Kurier, 12.06.2024", "Elbtal-Kurier", "2024-06-12"),
    ("beispielblatt.example, 12.06.2024", "beispielblatt.example", "2024-06-12"),
    ("BERLIN, 5. März 2025", "", "2025-03-05"),             # a place, not an outlet: date only
    ("New York, April 2, 2024", "", "2024-04-02"),
])
def test_outlet_date_line(line, outlet, iso):
    assert helpers.outlet_date_line(line) == {"published": iso, "outlet": outlet}


@pytest.mark.parametrize("line", [
    "Die Messe, die am 5. März 2025 beginnt, ist ausverkauft",
    "Results were strong, April 2, 2024",
    "Umsatz, Gewinn und Ausblick",
    "The Valley Ledger",
])
def test_outlet_date_line_rejects_other_lines(line):
    assert helpers.outlet_date_line(line) is None


@pytest.mark.parametrize("header, outlet, iso, rule", [
    ("LAKESIDE EVENING WIRE, April 2, 2024", "Lakeside Evening Wire", "2024-04-02", "source_line"),
    ("The Valley Ledger - April 3, 2024", "The Valley Ledger", "2024-04-03", "source_line"),
    ("Nordstädter Anzeiger | 5. März 2025", "Nordstädter Anzeiger", "2025-03-05", "byline"),
    ("By Mara Quell | The Valley Ledger", "The Valley Ledger", "", "byline"),
    ("HAMBURG, 5. März 2025", "", "2025-03-05", "date_line"),
])
def test_header_source_line_gives_outlet_and_date(header, outlet, iso, rule):
    text = (f"Hafenbetreiber meldet Rekord\n\n{header}\n\nDer Umschlag im Hafen stieg im vergangenen Jahr um "
            "vier Prozent auf 130 Millionen Tonnen, teilte der Betreiber mit.\n")
    lines, meta = helpers.classify_article_lines(text)
    assert (meta["outlet"], meta["published"]) == (outlet, iso)
    removed = [(ln.text, ln.rule) for ln in lines if ln.kind == "removed"]
    assert removed == [(header, rule)]
    clean, _ = helpers.assemble_clean_text(lines)
    assert header not in clean and "130 Millionen Tonnen" in clean


def test_outlet_date_line_only_in_the_header():
    text = ("Hafenbetreiber meldet Rekord\n\nDer Umschlag im Hafen stieg im vergangenen Jahr um vier Prozent auf "
            "130 Millionen Tonnen, teilte der Betreiber mit.\n\nTermine\nNordstädter Anzeiger, 5. März 2025\n")
    lines, meta = helpers.classify_article_lines(text)
    assert meta["outlet"] == "" and "Nordstädter Anzeiger, 5. März 2025" in helpers.assemble_clean_text(lines)[0]


def test_zero_config_folder_takes_outlet_and_date_from_source_lines(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Brückenbau verzögert sich\n\nELBTAL RUNDSCHAU, 4. Juni 2024\n\nDer Neubau der "
                                  "Brücke wird nach Angaben der Stadt rund 18 Monate später fertig als geplant.\n\n"
                                  "Abonnieren Sie unseren Newsletter für alle Nachrichten aus der Region.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Bridge works delayed\n\nThe Valley Ledger - June 5, 2024\n\nThe new bridge will "
                                  "open about 18 months later than planned, the city said on Tuesday.\n\n"
                                  "Get our local news briefing in your inbox every morning.\n", encoding="utf-8")
    res = helpers.ingest_folder(folder)
    got = res.articles.set_index("file")[["outlet", "outlet_from", "published"]].to_dict("index")
    assert got == {"a.txt": {"outlet": "Elbtal Rundschau", "outlet_from": "text", "published": "2024-06-04"},
                   "b.txt": {"outlet": "The Valley Ledger", "outlet_from": "text", "published": "2024-06-05"}}
    assert set(res.boilerplate["rule"]) == {"source_line", "newsletter_social"}
    assert not res.articles["text"].str.contains("Newsletter|inbox|Ledger -|RUNDSCHAU").any()


@pytest.mark.parametrize("text, expected", [
    ("Die Zeitung Rheinblick hatte zunächst berichtet. Das Handelsblatt hatte zuerst über den Verkauf berichtet.",
     ["Rheinblick", "Handelsblatt"]),
    ("Der Spiegel hat am Montag darüber berichtet, dass der Preis steigt.", ["Der Spiegel"]),
    ("Wie die Westtaler Rundschau berichtete, wird die Brücke teurer.", ["Westtaler Rundschau"]),
    ("Wie die Süddeutsche Zeitung berichtet, stieg der Kurs.", ["Süddeutsche Zeitung"]),
    ("The Valley Ledger first reported the plan on Monday.", ["The Valley Ledger"]),
    ("The Financial Times had first reported the talks.", ["Financial Times"]),
    ("The mayor told the Lakeside Courier that costs would rise.", ["Lakeside Courier"]),
    ("In an interview with Bloomberg, the chief executive said so.", ["Bloomberg"]),
    ("A report by the Wall Street Journal put the price higher.", ["Wall Street Journal"]),
    ("The deal was first reported by Reuters last week.", ["Reuters"]),
])
def test_more_citation_shapes(text, expected):
    assert helpers.find_article_cites(text) == expected


@pytest.mark.parametrize("text", [
    "Der Konzern hatte zuerst über Verluste berichtet.",
    "Wie das Unternehmen berichtet, stieg der Umsatz um 4 Prozent.",
    "Die Zeitung hatte zunächst über den Verkauf berichtet.",
    "Medien hatten berichtet, dass der Preis steigt.",
    "Mehr als 800 Betriebe hatten sich für die Aktion gemeldet.",
    "Laut Datenblatt des Herstellers hält der Akku länger.",
    "The company said it had reported a loss. Analysts said margins were thin.",
    "Independent News & Media said it would buy a stake.",
    "Westtaler Rundschau GmbH reported higher revenue.",
])
def test_berichtet_without_an_outlet_is_no_cite(text):
    assert helpers.find_article_cites(text) == []


# --- near duplicates by containment, cite aliases (invented test material) ---------------------------------
_DUP_PARAS = [
    "The harbour authority of Nordhaven said on Tuesday that cargo volumes rose by {n} percent in the spring.",
    "Officials expect the new crane terminal, which cost {n} million euros, to open before the winter storms.",
    "A spokeswoman for the dockworkers' union said members would vote on the wage offer within {n} days.",
    "Shipping lines have added {n} weekly calls since the canal reopened, according to the port's own figures.",
    "Local shops report that visitors from cruise ships spent around {n} euros each during the first weekend.",
    "The council plans to review the rail link to the inland depot after {n} complaints about night noise.",
]


def _dup_story(seed: int, paras: int) -> list[str]:
    """Invented paragraphs: the templates above with numbers that depend on the seed."""
    return [_DUP_PARAS[i % len(_DUP_PARAS)].replace("{n}", str(seed * 31 + i * 7)) + f" Paragraph marker {seed}-{i}."
            for i in range(paras)]


def test_near_duplicate_with_new_headline_and_added_paragraph():
    body = _dup_story(1, 12)
    original = "Port of Nordhaven grows\n\n" + "\n\n".join(body)
    # another headline, one paragraph cut and three new ones added: Jaccard below 0.8, containment above
    copy = ("Cargo boom lifts Nordhaven harbour\n\n" + "\n\n".join(body[:5] + body[6:])
            + "\n\n" + "\n\n".join(_dup_story(9, 3)))
    dups = helpers.find_duplicate_articles({"a.txt": original, "b.txt": copy})
    assert dups["b.txt"][0] == "a.txt" and 0.8 <= dups["b.txt"][1] < 1.0


def test_near_duplicate_lightly_edited_throughout():
    body = _dup_story(2, 10)
    edited = [p.replace("said", "told reporters").replace(" the ", " a ", 1) if i % 3 == 0 else p
              for i, p in enumerate(body)]
    dups = helpers.find_duplicate_articles({"x1.txt": "Headline one\n\n" + "\n\n".join(body),
                                            "x2.txt": "Quite another headline\n\n" + "\n\n".join(edited)})
    assert dups.get("x2.txt", ("", 0))[0] == "x1.txt"


def test_short_article_inside_a_long_one_is_not_a_duplicate():
    short = "\n\n".join(_dup_story(3, 4))
    long = short + "\n\n" + "\n\n".join(_dup_story(4, 12))      # quotes the short one, adds three times as much
    assert helpers.find_duplicate_articles({"a.txt": short, "b.txt": long}) == {}
    assert helpers.find_duplicate_articles({"a.txt": long, "b.txt": short}) == {}


def test_duplicate_check_is_fast_on_many_articles():
    texts = {f"{i:04d}.txt": "\n\n".join(_dup_story(i + 10, 8)) for i in range(3000)}
    texts["9999.txt"] = "New headline\n\n" + texts["0042.txt"]
    t0 = time.perf_counter()
    dups = helpers.find_duplicate_articles(texts)
    elapsed = time.perf_counter() - t0
    assert dups == {"9999.txt": ("0042.txt", dups["9999.txt"][1])} and dups["9999.txt"][1] >= 0.95
    assert elapsed < 15, f"3000 articles took {elapsed:.1f} s"


@pytest.mark.parametrize("text, own, expected", [
    ('A senior source told the Valley Courier: "This time it is different". The club said nothing.', "",
     ["Valley Courier"]),
    ('The minister told the BBC "I reject that entirely" and left.', "", ["BBC"]),
    ("According to the Financial Times, the bid rose. The FT said banks were involved.", "", ["Financial Times"]),
    ("The FT reported the bid first.", "", ["Financial Times"]),
    ("According to the Financial Times, the bid rose. The FT said banks were involved.", "FT", []),
    ("A minister told the BBC that costs rose.", "", ["BBC"]),
    ("A minister told the BBC that costs rose.", "BBC News", []),        # its own outlet, under another form
    ("The WSJ reported a higher price, the Wall Street Journal said later.", "", ["Wall Street Journal"]),
    ("The NYT reported the talks; according to the New York Times they stalled.", "", ["New York Times"]),
    ("The Associated Press reported the vote (AP).", "", ["AP"]),
    ("Wie die Deutsche Presse-Agentur meldete, stieg der Preis (dpa).", "", ["dpa"]),
    ("Laut der Süddeutschen Zeitung steigt die Miete; die SZ berichtete zuerst.", "", ["Süddeutsche Zeitung"]),
    ("Wie die Frankfurter Allgemeine Zeitung berichtet, sinkt der Kurs; die FAZ zitierte Händler.", "",
     ["Frankfurter Allgemeine"]),
    ("Der Frankfurter Allgemeinen zufolge sinkt der Kurs.", "", ["Frankfurter Allgemeine"]),
    ("Der Oberländischen Rundschau zufolge steigt die Miete.", "", ["Oberländische Rundschau"]),
])
def test_cite_aliases_inflection_and_quotations(text, own, expected):
    assert helpers.find_article_cites(text, own) == expected


def test_cite_canonical_names():
    assert helpers.cite_canonical("Süddeutschen Zeitung") == "Süddeutsche Zeitung"
    assert helpers.cite_canonical("Kölnischen Rundschau") == "Kölnische Rundschau"
    assert helpers.cite_canonical("Thüringer Allgemeinen") == "Thüringer Allgemeine"
    assert helpers.cite_canonical("Berliner Zeitung") == "Berliner Zeitung"
    assert helpers.cite_canonical("Associated Press") == "AP"
