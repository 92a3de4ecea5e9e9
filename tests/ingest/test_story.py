"""figcheck.ingest.story: a story folder in, the articles, report and boilerplate tables out (notebook 01).

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

from figcheck.common.params import default_params, validate_params
from figcheck.common.paths import DATA_DIR, StoryError
from figcheck.common.tables import read_table
from figcheck.ingest.base import ARTICLE_COLUMNS, REPORT_COLUMNS
from figcheck.ingest.story import ingest_folder, ingest_story, write_ingest_outputs

from .support import PDF, PNG

GOOD_DE = ("Stadtrat beschließt neues Busnetz\n\nDer Stadtrat hat am Dienstag ein neues Busnetz beschlossen. "
           "Es kostet 12 Millionen Euro und soll ab 2026 gelten, teilte die Verwaltung mit.\n")


def _hashes(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


# ---------------------------------------------------------------------------
# Done-when checks on the default story
# ---------------------------------------------------------------------------
def test_default_story_metadata(default_result, default_row):
    arts = default_result.articles
    assert list(arts.columns) == ARTICLE_COLUMNS
    assert len(arts) == 5
    a000 = default_row("000")
    assert a000["outlet"] == "finanzen.ch" and a000["outlet_from"] == "text"
    assert a000["published"] == "2025-06-11"
    assert default_row("002")["outlet"] == "IT BOLTWISE"
    assert set(arts["language"]) == {"de"}
    cites001 = json.loads(default_row("001")["cites"])
    assert cites001[:3] == ["N-TV", "Handelsblatt", "Golem"]
    assert "Bloomberg" in json.loads(default_row("004")["cites"])
    assert (arts["duplicate_of"] == "").all()
    assert (arts["word_count"] > 200).all()
    assert list(default_result.report["status"]) == ["ok"] * 5


def test_gold_spans_survive(default_result, fixtures_dir):
    texts = dict(zip(default_result.articles["file"], default_result.articles["text"]))
    with open(fixtures_dir / "meta-scale-ai.gold.csv", encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh))
    assert gold
    missing = [(g["article"], g["span"]) for g in gold if g["span"] not in texts[g["article"]]]
    assert missing == []


def test_outputs_atomic_and_byte_identical(tmp_story, default_result, default_story):
    paths = tmp_story
    before = _hashes(default_story.articles)
    write_ingest_outputs(default_result, paths)
    first = {n: (paths.output / n).read_bytes() for n in ("articles.csv", "ingest_report.csv", "boilerplate.csv")}
    again = ingest_story(default_story, default_params())
    write_ingest_outputs(again, paths)
    for name, data in first.items():
        assert (paths.output / name).read_bytes() == data
    assert sorted(p.name for p in paths.output.iterdir()) == sorted(first)   # no temp files left
    assert _hashes(default_story.articles) == before
    back = read_table(paths.output / "articles.csv")
    assert list(back["text"]) == list(default_result.articles["text"])
    assert json.loads(back.loc[1, "cites"]) == json.loads(default_result.articles.loc[1, "cites"])


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------
@pytest.fixture
def bad_folder(tmp_story, ingest_fixtures):
    art = tmp_story.articles
    (art / "a_good.txt").write_text(GOOD_DE, encoding="utf-8")
    (art / "b_empty.txt").write_bytes(b"")
    (art / "c_blank.txt").write_bytes(b"  \n\t \r\n \xc2\xa0\n\n")
    (art / "d_image.txt").write_bytes(PNG)
    (art / "e_document.txt").write_bytes(PDF)
    (art / "f_cp1252.txt").write_bytes(
        "Größere Märkte für Öl\n\nDie Übernahme kostet 5 € je Aktie, insgesamt über 300 Millionen €. "
        "Das Geschäft wurde am Freitag in Zürich abgeschlossen, hieß es.\n".encode("cp1252"))
    # short enough that a statistical guess goes wrong (it was read as Mac Turkish)
    (art / "f_cp1252_short.txt").write_bytes("Größter Zukauf … 3,2 Mio. € für die Übernahme".encode("cp1252"))
    (art / "g_utf16.txt").write_bytes(
        "Wasserstoff-Werk eröffnet\n\nIn Rostock hat ein Wasserstoff-Werk mit 150 Beschäftigten eröffnet. "
        "Die Investition beträgt 80 Millionen Euro, sagte die Betreiberin.\n".encode("utf-16"))
    shutil.copy(ingest_fixtures / "de_page.html", art / "h_page.html")
    (art / "i_copy1.txt").write_text(GOOD_DE.replace("Busnetz", "Radnetz"), encoding="utf-8")
    (art / "i_copy2.txt").write_text(GOOD_DE.replace("Busnetz", "Radnetz").replace("\n", "\r\n"), encoding="utf-8")
    (art / "Bericht über Märkte 2024.txt").write_text(GOOD_DE.replace("Busnetz", "Markthalle"), encoding="utf-8")
    (art / "j_table.xyz").write_text("a,b\n1,2\n", encoding="utf-8")
    (art / "k_doc.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (art / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return art


def test_bad_input_folder(bad_folder):
    before = _hashes(bad_folder)
    res = ingest_folder(bad_folder)
    rep = res.report.set_index("file")
    assert list(res.report.columns) == REPORT_COLUMNS
    assert ".DS_Store" not in rep.index                     # hidden files are ignored
    assert rep.loc["b_empty.txt", "status"] == "skipped" and rep.loc["b_empty.txt", "reason"] == "empty file"
    assert rep.loc["c_blank.txt", "status"] == "skipped" and "whitespace" in rep.loc["c_blank.txt", "reason"]
    assert "PNG" in rep.loc["d_image.txt", "reason"] and rep.loc["d_image.txt", "status"] == "skipped"
    assert "PDF" in rep.loc["e_document.txt", "reason"]
    assert rep.loc["j_table.xyz", "reason"].startswith("unsupported file type .xyz")
    assert rep.loc["k_doc.docx", "reason"].startswith("unsupported file type .docx")
    assert rep.loc["i_copy2.txt", "status"] == "duplicate" and "i_copy1.txt" in rep.loc["i_copy2.txt", "reason"]
    for f in ("a_good.txt", "f_cp1252.txt", "f_cp1252_short.txt", "g_utf16.txt", "h_page.html", "i_copy1.txt",
              "Bericht über Märkte 2024.txt"):
        assert rep.loc[f, "status"] == "ok", (f, rep.loc[f, "reason"])
    assert rep.loc["f_cp1252.txt", "encoding"] == "cp1252"
    assert rep.loc["f_cp1252_short.txt", "encoding"] == "cp1252"
    assert rep.loc["g_utf16.txt", "encoding"] == "utf-16"
    assert (rep["bytes"] > 0).sum() == len(rep) - 1
    arts = res.articles.set_index("file")
    assert "5 € je Aktie" in arts.loc["f_cp1252.txt", "text"] and "Größere Märkte für Öl" in arts.loc["f_cp1252.txt", "text"]
    assert arts.loc["f_cp1252_short.txt", "text"] == "Größter Zukauf … 3,2 Mio. € für die Übernahme"
    assert "150 Beschäftigten" in arts.loc["g_utf16.txt", "text"]
    assert arts.loc["i_copy2.txt", "duplicate_of"] == "i_copy1.txt" and arts.loc["i_copy2.txt", "similarity"] == 1.0
    assert arts.loc["Bericht über Märkte 2024.txt", "article_id"] == "Bericht über Märkte 2024"
    assert set(arts.index) == {"a_good.txt", "f_cp1252.txt", "f_cp1252_short.txt", "g_utf16.txt", "h_page.html",
                               "i_copy1.txt", "i_copy2.txt", "Bericht über Märkte 2024.txt"}
    assert _hashes(bad_folder) == before                    # raw files never modified


@pytest.mark.slow
def test_big_text_file_is_linear(tmp_story):
    art = tmp_story.articles
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
    res = ingest_folder(art)
    elapsed = time.perf_counter() - t0
    assert elapsed < 60, f"20 MB took {elapsed:.1f} s"
    big = res.articles.set_index("file").loc["big.txt"]
    assert big["word_count"] > 2_500_000 and big["language"] == "de"
    assert res.report.set_index("file").loc["big.txt", "status"] == "ok"


def test_missing_story_folder():
    with pytest.raises(StoryError) as exc:
        ingest_folder(DATA_DIR / "no-such-story" / "articles")
    msg = str(exc.value)
    assert "\n" not in msg and "no-such-story" in msg and "meta-scale-ai" in msg


def test_folder_without_usable_article(tmp_path, tmp_story):
    art = tmp_story.articles
    (art / "empty.txt").write_bytes(b"")
    (art / "pic.txt").write_bytes(PNG)
    (art / "notes.odt").write_bytes(b"PK\x03\x04")
    with pytest.raises(StoryError) as exc:
        ingest_folder(art)
    msg = str(exc.value)
    assert "\n" not in msg and "no usable article" in msg and str(art) in msg and "meta-scale-ai" in msg
    with pytest.raises(StoryError):
        ingest_folder(tmp_path / "data" / "tmpstory" / "empty-dir-that-is-not-there")


def test_only_boilerplate_is_not_usable(tmp_story):
    art = tmp_story.articles
    (art / "promo.txt").write_text("Anzeige\nNewsletter abonnieren!\nFolgen Sie uns auf Instagram!\n", encoding="utf-8")
    (art / "ok.txt").write_text(GOOD_DE, encoding="utf-8")
    rep = ingest_folder(art).report.set_index("file")
    assert rep.loc["promo.txt", "status"] == "skipped" and "boilerplate" in rep.loc["promo.txt", "reason"]


# ---------------------------------------------------------------------------
# sources.csv, parameters, outlet priority
# ---------------------------------------------------------------------------
def test_outlet_priority_and_sources_csv(tmp_story):
    paths = tmp_story
    text = ("Neue Brücke kostet mehr\n\n2024-05-02\nlokalblatt.example\n\nDie neue Brücke kostet 45 Millionen Euro "
            "statt der geplanten 30 Millionen Euro, teilte das Bauamt am Donnerstag mit.\n")
    for name in ("a.txt", "b.txt", "c.txt"):
        (paths.articles / name).write_text(text.replace("Brücke", f"Brücke {name[0].upper()}"), encoding="utf-8")
    paths.sources_csv.write_text("file,outlet,url,published\nb.txt,Abendzeitung,https://a.example/x,3. Mai 2024\n"
                                 "c.txt,Abendzeitung,,\n", encoding="utf-8")
    params = validate_params({"story": "tmpstory", "outlets": {"c.txt": "Morgenpost"}, "exclude": []})
    arts = ingest_story(paths, params).articles.set_index("file")
    assert (arts.loc["a.txt", "outlet"], arts.loc["a.txt", "outlet_from"]) == ("lokalblatt.example", "text")
    assert arts.loc["a.txt", "published"] == "2024-05-02"
    assert (arts.loc["b.txt", "outlet"], arts.loc["b.txt", "outlet_from"]) == ("Abendzeitung", "sources.csv")
    assert arts.loc["b.txt", "published"] == "2024-05-03" and arts.loc["b.txt", "url"] == "https://a.example/x"
    assert (arts.loc["c.txt", "outlet"], arts.loc["c.txt", "outlet_from"]) == ("Morgenpost", "parameter")
    assert arts.loc["c.txt", "published"] == "2024-05-02"      # empty in sources.csv: the text's date line


def test_exclude_parameter(tmp_story):
    paths = tmp_story
    (paths.articles / "a.txt").write_text(GOOD_DE, encoding="utf-8")
    (paths.articles / "b.txt").write_text(GOOD_DE.replace("Bus", "Tram"), encoding="utf-8")
    res = ingest_story(paths, validate_params({"exclude": ["b.txt"]}))
    assert list(res.articles["file"]) == ["a.txt"]
    rep = res.report.set_index("file")
    assert rep.loc["b.txt", "status"] == "skipped" and "exclude" in rep.loc["b.txt", "reason"]
