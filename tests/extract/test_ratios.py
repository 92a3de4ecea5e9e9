"""figcheck.extract.ratios: fractions and ratios are shares in percent, read through extract_figures.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import pytest

from .support import close, figs, one


@pytest.mark.parametrize("text,lang,value", [
    ("Die Stiftung hält die Hälfte der Aktien.", "de", 50.0),
    ("Der Staat hält zwei Drittel der Anteile.", "de", 200 / 3),
    ("Ein Viertel der Belegschaft arbeitet im Ausland.", "de", 25.0),
    ("The state holds a third of the shares.", "en", 100 / 3),
    ("A quarter of the staff work abroad.", "en", 25.0),
    ("Half of the voters stayed at home.", "en", 50.0),
    ("Two-thirds of the members agreed.", "en", 200 / 3),
])
def test_fractions_are_shares_in_percent(text, lang, value):
    f = one(text, lang)
    assert f["unit"] == "percent" and close(f["value"], value)


@pytest.mark.parametrize("text,lang", [
    ("In der zweiten Hälfte fiel das Tor.", "de"),
    ("The third quarter was weak.", "en"),
    ("He scored in the first half.", "en"),
])
def test_fraction_words_that_are_no_share(text, lang):
    assert [f for f in figs(text, lang) if f["unit"] == "percent"] == []


# --- ratios are shares ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang,value,qualifier", [
    ("Only one in six voters knew his name.", "en", 100 / 6, "exact"),
    ("Just 1 in 10 firms replied.", "en", 10, "exact"),
    ("Nearly three out of four girls said yes.", "en", 75, "upper"),
    ("Zwei von drei Befragten sind dafür.", "de", 200 / 3, "exact"),
    ("Das Team gewann 12 von 16 Spielen.", "de", 75, "exact"),
])
def test_ratios_are_shares(text, lang, value, qualifier):
    f = one(text, lang)
    assert f["unit"] == "percent" and close(f["value"], value) and f["qualifier"] == qualifier, f


def test_one_in_five_is_no_count():
    assert [f for f in figs("The show lost one in five of its viewers.", "en") if f["unit"] == "count"] == []


@pytest.mark.parametrize("text,lang,expected", [
    ("Releases rose to 310 in 2004 from 287.", "en", [(310, "count"), (2004, "year"), (287, "count")]),
    ("He lost the next one in 1992 to his rival.", "en", [(1992, "year")]),
    ("Das Land liegt auf Platz 149 von 180 Staaten.", "de", [(149, "ordinal"), (180, "count")]),
    ("Der Freibetrag beträgt zehn Prozent von 101 bis 800 Euro.", "de",
     [(10, "percent"), (450.5, "EUR")]),
])
def test_what_only_looks_like_a_ratio(text, lang, expected):
    assert [(f["value"], f["unit"]) for f in figs(text, lang)] == expected
