"""figcheck.ingest.cites: the outlets an article cites (sentences written for these tests)."""
import pytest

from figcheck.ingest.cites import cite_canonical, find_article_cites


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
    assert find_article_cites(text, own) == expected


def test_cites_skip_captions():
    text = "Ein Bild. - Keystone\n\nLaut «Golem» steigt der Preis."
    segs = [[0, 20, "caption"], [22, len(text), "body"]]
    assert find_article_cites(text, "", segs) == ["Golem"]


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
    assert find_article_cites(text) == expected


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
    assert find_article_cites(text) == []


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
    assert find_article_cites(text, own) == expected


def test_cite_canonical_names():
    assert cite_canonical("Süddeutschen Zeitung") == "Süddeutsche Zeitung"
    assert cite_canonical("Kölnischen Rundschau") == "Kölnische Rundschau"
    assert cite_canonical("Thüringer Allgemeinen") == "Thüringer Allgemeine"
    assert cite_canonical("Berliner Zeitung") == "Berliner Zeitung"
    assert cite_canonical("Associated Press") == "AP"
