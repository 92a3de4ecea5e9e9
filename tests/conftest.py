"""Fixtures shared by every test folder: where the test material lives, the default story, the chart
tables of tests/fixtures/charts/ and a scratch story under data/."""
import shutil
import uuid
from pathlib import Path

import pytest

# the plain helper modules of the test folders get pytest's assertion messages too (registered
# before the first of them is imported)
pytest.register_assert_rewrite("tests.support", "tests.ingest.support", "tests.extract.support",
                               "tests.charts.support", "tests.scripts.support")

from figcheck.common.paths import DATA_DIR, OUTPUT_DIR, story_paths  # noqa: E402

from .support import load  # noqa: E402

TESTS = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """tests/fixtures/: hand-made test material (gold figures, HTML pages, fixture stories)."""
    return TESTS / "fixtures"


@pytest.fixture(scope="session")
def default_story():
    """StoryPaths of the default story (data/meta-scale-ai/)."""
    return story_paths("meta-scale-ai")


@pytest.fixture()
def meta():
    """The default story's chart tables as the comparison describes it (tests/fixtures/charts/meta-scale-ai/)."""
    return load("meta-scale-ai")


@pytest.fixture()
def battery():
    """An invented English story's chart tables (tests/fixtures/charts/en-battery-plant/)."""
    return load("en-battery-plant")


@pytest.fixture
def scratch_story():
    """A unique story name under data/; the folder and its outputs are removed afterwards."""
    name = f"test-tmp-{uuid.uuid4().hex[:8]}"
    yield name
    shutil.rmtree(DATA_DIR / name, ignore_errors=True)
    shutil.rmtree(OUTPUT_DIR / name, ignore_errors=True)
