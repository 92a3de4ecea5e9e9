"""figcheck.common.language: one story-language rule for findings, charts and the report."""
import pandas as pd

from figcheck.common.language import story_language


def _arts(rows):
    return pd.DataFrame(rows, columns=["file", "language", "published"])


def test_story_language_setting_wins_then_majority():
    arts = _arts([("a.txt", "de", ""), ("b.txt", "de", ""), ("c.txt", "en", "")])
    assert story_language(arts, "en") == "en"
    assert story_language(arts, "de") == "de"
    assert story_language(arts) == "de"
    assert story_language(_arts([("a.txt", "en", ""), ("b.txt", "en", ""), ("c.txt", "de", "")])) == "en"
    # other languages do not vote
    assert story_language(_arts([("a.txt", "fr", ""), ("b.txt", "fr", ""), ("c.txt", "en", "")])) == "en"


def test_story_language_tie_goes_to_the_earliest_published_article():
    arts = _arts([("a.txt", "de", "2025-06-12"), ("b.txt", "en", "2025-06-10T08:00:00+02:00"),
                  ("c.txt", "de", ""), ("d.txt", "en", "not a date")])
    assert story_language(arts) == "en"
    arts.loc[0, "published"] = "2025-06-01"
    assert story_language(arts) == "de"


def test_story_language_tie_without_dates_goes_to_the_first_file_by_name():
    assert story_language(_arts([("b.txt", "de", ""), ("a.txt", "en", "")])) == "en"
    assert story_language(_arts([("b.txt", "en", ""), ("a.txt", "de", "")])) == "de"


def test_story_language_without_usable_articles_is_english():
    assert story_language(pd.DataFrame()) == "en"
    assert story_language(None) == "en"
    assert story_language(_arts([("a.txt", "fr", "")])) == "en"


def test_story_language():
    arts = pd.DataFrame({"language": ["de", "de", "en"]})
    assert story_language(arts, "auto") == "de"
    assert story_language(arts, "en") == "en"
    # a tie goes to the first file by name when no article has a date (details: the tie tests above)
    assert story_language(pd.DataFrame({"file": ["b.txt", "a.txt"], "language": ["de", "en"]}), "auto") == "en"


def test_language_auto_is_the_articles_majority(meta, battery):
    assert story_language(meta["articles"], "auto") == "de"
    assert story_language(battery["articles"], "auto") == "en"
    assert story_language(meta["articles"], "en") == "en"
