"""figcheck.extract.ordinals: ordinals in digits and words, ranks and the top N, read through
extract_figures.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import pytest

from .support import figs, one


@pytest.mark.parametrize("text,lang,value", [
    ("Es ist die zweitgrößte Übernahme des Jahres.", "de", 2),
    ("Es ist die zweitgrösste Übernahme des Jahres.", "de", 2),
    ("Es ist der drittwichtigste Markt.", "de", 3),
    ("It is the second-largest deal this year.", "en", 2),
    ("It is the third biggest deal this year.", "en", 3),
    ("She finished 3rd in the race.", "en", 3),
])
def test_ordinals(text, lang, value):
    f = one(text, lang)
    assert f["unit"] == "ordinal" and f["value"] == value


# --- ordinals in words ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang,value,qualifier", [
    ("The merger enters the second phase in May.", "en", 2, "exact"),
    ("Shares of the lender fell for a second day.", "en", 2, "exact"),
    ("The bank was the first to offer the card.", "en", 1, "exact"),
    ("The brand moved up to first place.", "en", 1, "exact"),
    ("An vierter Stelle steht der Staatsfonds.", "de", 4, "exact"),
    ("Der Verein wurde zum dritten Mal Meister.", "de", 3, "exact"),
    ("Die Firma ist die zweitgrößte im Land.", "de", 2, "exact"),
    ("Only the top five banks took part.", "en", 5, "upper"),
    ("Die Gruppe zählt nun zur Top-10-Liga der Branche.", "de", 10, "upper"),
])
def test_ordinals_in_words(text, lang, value, qualifier):
    f = one(text, lang)
    assert f["unit"] == "ordinal" and f["value"] == value and f["qualifier"] == qualifier, f
    if qualifier == "upper":
        assert f["low"] == 1 and f["high"] == value


def test_a_suspended_hyphen_gives_both_ordinals():
    got = [(f["value"], f["unit"]) for f in figs("They were the second- and third-largest lenders.", "en")]
    assert got == [(2, "ordinal"), (3, "ordinal")]


@pytest.mark.parametrize("text,lang", [
    ("Ein erster Schritt ist getan.", "de"),
    ("Die Aktien kamen bei der ersten Platzierung weg.", "de"),
    ("Die Schulden stiegen zum ersten Halbjahr.", "de"),
    ("The paper first reported the talks.", "en"),
    ("Why did they join in the first place?", "en"),
    ("Sales were weak in the second half.", "en"),
    ("The third quarter was weak.", "en"),
    ("The deal needs a second look.", "en"),
])
def test_ordinal_words_that_are_no_rank(text, lang):
    assert [f for f in figs(text, lang) if f["unit"] == "ordinal"] == []
