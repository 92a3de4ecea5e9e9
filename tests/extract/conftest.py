"""Fixtures of the extraction tests: the default story's figures, computed once."""
import pytest

from figcheck.common.params import default_params
from figcheck.extract.table import extract_story_figures
from figcheck.ingest.story import ingest_folder


@pytest.fixture(scope="session")
def story_figures(default_story):
    """(articles, figures) of the default story: ingested, then extracted with the default parameters."""
    articles = ingest_folder(default_story.articles).articles
    return articles, extract_story_figures(articles, default_params())
