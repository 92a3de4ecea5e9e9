"""figcheck.extract.context: spans of time, measures, the noun a number counts, the parties a story refers to.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import pytest

from figcheck.extract.context import PAIR_CONN, count_noun, is_measure, time_unit


@pytest.mark.parametrize("word,years", [
    ("Tage", 1), ("Jahren", 1), ("months", 1), ("Jahrzehnte", 10), ("decades", 10), ("centuries", 100),
    ("Jahrhunderten", 100), ("Firmen", 0), ("times", 0),
])
def test_time_units(word, years):
    assert time_unit(word) == years


@pytest.mark.parametrize("word", ["barrels", "acres", "Quadratfuß", "TEU", "megawatts", "mAh", "MOEBD", "bpd"])
def test_physical_measures(word):
    assert is_measure(word)


@pytest.mark.parametrize("text,lang,noun", [
    ("two US banks failed", "en", "banks"),
    ("three EU states agreed", "en", "states"),
    ("zwei neue Werke", "de", "Werke"),
    ("1980 sein Stück", "de", ""),
    ("2000 einen Gewinn", "de", ""),
])
def test_count_noun(text, lang, noun):
    end = text.index(" ")
    assert count_noun(text, end, lang) == noun


def test_pair_connectors():
    assert PAIR_CONN.match(" auf 9", 0).group("p") == "auf"
    assert PAIR_CONN.match(" to 9", 0).group("p") == "to"
    assert PAIR_CONN.match(" bis 9", 0) is None
