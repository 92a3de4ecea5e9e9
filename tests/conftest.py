"""Fixtures shared by every test folder: where the test material lives and the default story."""
from pathlib import Path

import pytest

from figcheck.common.paths import story_paths

# the plain helper modules of the test folders get pytest's assertion messages too
pytest.register_assert_rewrite("tests.ingest.support", "tests.extract.support")

TESTS = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """tests/fixtures/: hand-made test material (gold figures, HTML pages, fixture stories)."""
    return TESTS / "fixtures"


@pytest.fixture(scope="session")
def default_story():
    """StoryPaths of the default story (data/meta-scale-ai/)."""
    return story_paths("meta-scale-ai")
