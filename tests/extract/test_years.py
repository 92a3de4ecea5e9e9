"""figcheck.extract.years: decades are ranges of years, read through extract_figures.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import math

import pytest

from .support import one


@pytest.mark.parametrize("text,lang,low,high", [
    ("The company was founded in the early 2000s.", "en", 2000, 2009),
    ("The two firms merged in the late 1990s.", "en", 1990, 1999),
    ("Die Werft entstand in den 1970er-Jahren.", "de", 1970, 1979),
    ("Die Marke war in den 1980er Jahren beliebt.", "de", 1980, 1989),
    ("Der Boom der 1990er ist vorbei.", "de", 1990, 1999),
])
def test_decades_are_year_ranges(text, lang, low, high):
    f = one(text, lang)
    assert f["unit"] == "year" and f["qualifier"] == "range" and f["low"] == low and f["high"] == high
    assert math.isnan(f["value"])                       # no single year: the story's present is not a decade
