"""figcheck.ingest.boilerplate: which lines are boilerplate, headline, caption or article text.

The default story's articles are read from data/meta-scale-ai/articles/; everything else is
written here or in tests/fixtures/ingest/ (invented test material, see its README).
"""
import csv

import pytest

from figcheck.ingest.base import BOILERPLATE_COLUMNS
from figcheck.ingest.boilerplate import (classify_article_lines, classify_ingest_line, looks_like_caption,
                                         looks_like_headline)
from figcheck.ingest.decode import normalize_article_text
from figcheck.ingest.story import ingest_article


# --- on the default story -----------------------------------------------------------------------------------
def test_not_figures_boilerplate_and_metadata_gone(default_result, fixtures_dir):
    texts = dict(zip(default_result.articles["file"], default_result.articles["text"]))
    with open(fixtures_dir / "meta-scale-ai.not-figures.csv", encoding="utf-8") as fh:
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
def test_boilerplate_removed(default_row, prefix, gone):
    assert gone not in default_row(prefix)["text"]


def test_ad_lines_removed(default_row):
    text = default_row("001")["text"]
    assert "Ad" not in text.split("\n")
    assert "\nmeta\n" not in text          # photo tags before captions


def test_boilerplate_table_is_auditable(default_result, default_story):
    bp = default_result.boilerplate
    assert list(bp.columns) == BOILERPLATE_COLUMNS
    raw = {p.name: p.read_text(encoding="utf-8").splitlines() for p in default_story.articles.iterdir()}
    for _, r in bp.iterrows():       # line numbers point at the raw file
        assert raw[r["file"]][r["line"] - 1].strip() == r["text"]
    rules = set(bp["rule"])
    assert {"date_line", "source_line", "repeated_title", "advert", "recommendations", "jobs",
            "comment_policy", "newsletter_social", "tag_cloud"} <= rules
    rep = default_result.report.set_index("file")["lines_removed"]
    assert dict(bp.groupby("file").size()) == {k: v for k, v in rep.items() if v}


# --- own test material --------------------------------------------------------------------------------------
def test_trailing_boilerplate_in_other_words(ingest_fixtures):
    art = ingest_article("de_promo.txt", (ingest_fixtures / "de_promo.txt").read_bytes())
    text = art["text"]
    assert "rund 180 Euro mehr" in text and "7 Prozent" in text
    for gone in ("Newsletter", "Instagram", "Sachbearbeiter", "Werkstudent", "Ratgeber", "Kommentare", "sachlich"):
        assert gone not in text, gone
    cap = "Das Wärmenetz soll bis 2030 um 40 Kilometer wachsen. - Archivbild: Stadtwerke Nordhafen"
    assert [text.index(cap), text.index(cap) + len(cap), "caption"] in art["segments"]
    assert {r for _n, r, _t in art["removed"]} == {"newsletter_social", "jobs", "shop_promo", "comment_policy"}


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
    assert classify_ingest_line(line) == rule


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
    assert classify_ingest_line(line) is None


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
    assert looks_like_caption(line) is expected


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
    assert looks_like_headline(line) is expected


def test_classify_article_lines_metadata_and_blocks():
    text = normalize_article_text(
        "Werk schließt Ende 2025\n\nMittwoch, 5. März 2025\nbeispielzeitung.example\n\n"
        "BERLIN (dpa) – Das Werk mit 900 Beschäftigten schließt Ende 2025, teilte der Konzern am Mittwoch mit. "
        "Die Produktion wandert nach Polen.\n\nStellenangebote\nSchichtleiter (m/w/d)\nLagerhelfer Vollzeit\n\n"
        "Der Betriebsrat kündigte Widerstand an und will mit der Geschäftsführung über einen Sozialplan verhandeln.\n")
    lines, meta = classify_article_lines(text)
    assert meta == {"published": "2025-03-05", "outlet": "beispielzeitung.example", "agency": "dpa"}
    rules = {ln.text: ln.rule for ln in lines if ln.kind == "removed"}
    assert rules == {"Mittwoch, 5. März 2025": "date_line", "beispielzeitung.example": "source_line",
                     "Stellenangebote": "jobs", "Schichtleiter (m/w/d)": "jobs", "Lagerhelfer Vollzeit": "jobs"}
    kept = [ln.kind for ln in lines if ln.kind not in ("blank", "removed")]
    assert kept == ["headline", "body", "body"]       # the paragraph after the job block is kept


def test_interview_questions_are_not_polls():
    text = ("Ein Gespräch mit der Regisseurin\n\nWie bist du zum Film gekommen?\n\nDurch Zufall, mit 19 Jahren, "
            "als Praktikantin bei einem Sender in Köln.\n\nWas inspiriert dich?\n\nMenschen und ihre Geschichten, "
            "vor allem die kleinen.\n\nArbeitest du an etwas Neuem?\n\nJa, an einem Dokumentarfilm über Häfen.\n")
    lines, _ = classify_article_lines(text)
    assert not [ln for ln in lines if ln.kind == "removed"]


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
    assert classify_ingest_line(line) == "newsletter_social"


@pytest.mark.parametrize("line", [
    "The streaming service added 2 million subscribers in the quarter, the company said.",
    "Investors did not subscribe to the rights issue, the bank said on Tuesday.",
    "The company said customers can sign up for the service from Monday.",
    "Der Verlag zählt inzwischen 120.000 Abonnenten, zwölf Prozent mehr als im Vorjahr.",
    "Melden Sie sich bei der Polizei, wenn Sie etwas gesehen haben, bat der Sprecher.",
    "Analysts subscribe to the view that rates will fall, according to a survey.",
])
def test_subscription_words_in_article_text_kept(line):
    assert classify_ingest_line(line) is None
