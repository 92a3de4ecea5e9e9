"""Fixtures of the ingest tests: the default story ingested once, a story folder in tmp_path."""
from pathlib import Path

import pytest

from figcheck.common.params import default_params
from figcheck.common.paths import StoryPaths
from figcheck.ingest.story import ingest_story


@pytest.fixture(scope="session")
def ingest_fixtures(fixtures_dir) -> Path:
    """tests/fixtures/ingest/: invented test pages and texts (see its README)."""
    return fixtures_dir / "ingest"


@pytest.fixture(scope="session")
def default_result(default_story):
    """The default story's articles, ingested with the default parameters."""
    return ingest_story(default_story, default_params())


@pytest.fixture(scope="session")
def default_row(default_result):
    """default_row("001"): the one article of the default story whose file name starts so."""
    def row(prefix):
        rows = default_result.articles[default_result.articles["file"].str.startswith(prefix)]
        assert len(rows) == 1, prefix
        return rows.iloc[0]
    return row


@pytest.fixture
def tmp_story(tmp_path) -> StoryPaths:
    """StoryPaths for a story 'tmpstory' that lives in tmp_path (data/tmpstory/articles/ exists)."""
    name = "tmpstory"
    data = tmp_path / "data" / name
    out = tmp_path / "output" / name
    (data / "articles").mkdir(parents=True, exist_ok=True)
    return StoryPaths(story=name, data=data, articles=data / "articles", story_yaml=data / "story.yaml",
                      sources_csv=data / "sources.csv", output=out, charts=out / "charts",
                      notebooks=out / "notebooks")
