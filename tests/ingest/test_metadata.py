"""figcheck.ingest.metadata: outlet and date from the article's header lines (own invented text)."""
import pytest

from figcheck.ingest.boilerplate import classify_article_lines
from figcheck.ingest.metadata import outlet_date_line
from figcheck.ingest.segments import assemble_clean_text
from figcheck.ingest.story import ingest_folder


def test_header_byline_with_outlet_and_masthead():
    lines, meta = classify_article_lines("Kurs steigt\n\nVon Eva Test | Nordblatt | 2. Mai 2024\n\n"
                                                 "Die Aktie stieg am Donnerstag um 7 Prozent auf ein Rekordhoch, "
                                                 "wie Händler berichteten.\n")
    assert meta["published"] == "2024-05-02" and meta["outlet"] == "Nordblatt"
    lines, meta = classify_article_lines("Kurs steigt\n\nSüdkurier Online\nMay 2, 2024\n\nThe share "
                                                 "price rose by 7 percent to a record high on Thursday, "
                                                 "traders said.\n")
    assert meta["outlet"] == "Südkurier Online" and meta["published"] == "2024-05-02"


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
    assert outlet_date_line(line) == {"published": iso, "outlet": outlet}


@pytest.mark.parametrize("line", [
    "Die Messe, die am 5. März 2025 beginnt, ist ausverkauft",
    "Results were strong, April 2, 2024",
    "Umsatz, Gewinn und Ausblick",
    "The Valley Ledger",
])
def test_outlet_date_line_rejects_other_lines(line):
    assert outlet_date_line(line) is None


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
    lines, meta = classify_article_lines(text)
    assert (meta["outlet"], meta["published"]) == (outlet, iso)
    removed = [(ln.text, ln.rule) for ln in lines if ln.kind == "removed"]
    assert removed == [(header, rule)]
    clean, _ = assemble_clean_text(lines)
    assert header not in clean and "130 Millionen Tonnen" in clean


def test_outlet_date_line_only_in_the_header():
    text = ("Hafenbetreiber meldet Rekord\n\nDer Umschlag im Hafen stieg im vergangenen Jahr um vier Prozent auf "
            "130 Millionen Tonnen, teilte der Betreiber mit.\n\nTermine\nNordstädter Anzeiger, 5. März 2025\n")
    lines, meta = classify_article_lines(text)
    assert meta["outlet"] == "" and "Nordstädter Anzeiger, 5. März 2025" in assemble_clean_text(lines)[0]


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
    res = ingest_folder(folder)
    got = res.articles.set_index("file")[["outlet", "outlet_from", "published"]].to_dict("index")
    assert got == {"a.txt": {"outlet": "Elbtal Rundschau", "outlet_from": "text", "published": "2024-06-04"},
                   "b.txt": {"outlet": "The Valley Ledger", "outlet_from": "text", "published": "2024-06-05"}}
    assert set(res.boilerplate["rule"]) == {"source_line", "newsletter_social"}
    assert not res.articles["text"].str.contains("Newsletter|inbox|Ledger -|RUNDSCHAU").any()
