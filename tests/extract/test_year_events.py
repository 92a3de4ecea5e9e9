"""figcheck.extract.year_events: which event a year dates.

INVENTED TEST MATERIAL: every sentence (Orbis, Quillon, Harrow Bank, Norland Savings...) is written for
these tests.
"""
import pytest

from figcheck.extract.year_events import year_frame


def event(sentence, year, lang="en"):
    i = sentence.index(year)
    f = year_frame(sentence, i, i + len(year), lang)
    return f["measure"], f["object"]


@pytest.mark.parametrize("sentence,year,lang,measure,obj", [
    ("It was the 2009 collapse of Norland Savings that changed the rules.", "2009", "en", "collapse",
     "norland savings"),
    ("Orbis bought Quillon Robotics in 2015.", "2015", "en", "buy", "quillon robotics"),
    ("Die Übernahme von Quillon 2015 war teuer.", "2015", "de", "übernahme", "quillon"),
    # the event a superlative is measured against
    ("It was the biggest lender failure since Norland Savings in 2009.", "2009", "en", "failure", "norland savings"),
    ("Harrow now ranks as the third-biggest collapse, behind Norland Savings in 2009.", "2009", "en", "collapse",
     "norland savings"),
    # a year opening the sentence dates the event of the main clause, its name past a descriptor
    ("In the early 1980s, a merger between Orbis and Quillon formed the group.", "1980s", "en", "merger", "quillon"),
    ("In 2019, Orbis acquired two smaller rivals, Vessel Energy and Plume Energy, for $9 billion.", "2019", "en",
     "acquire", "plume energy"),
])
def test_the_event_a_year_dates(sentence, year, lang, measure, obj):
    assert event(sentence, year, lang) == (measure, obj)


@pytest.mark.parametrize("sentence,year,lang", [
    ("Orbis was founded in the year 2001 by two engineers.", "2001", "en"),   # no name after the event
    ("In 2019, sales rose by a third.", "2019", "en"),
    ("Seit 2016 wächst der Umsatz.", "2016", "de"),
])
def test_a_year_without_a_named_event_is_no_quantity(sentence, year, lang):
    assert event(sentence, year, lang) == ("", "")
