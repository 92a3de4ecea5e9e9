"""figcheck.common.paths: story folders anchored on the project, one-line story errors."""
from pathlib import Path

import pytest

import figcheck
from figcheck.common.paths import StoryError, require_story, story_paths


def test_paths_are_anchored_on_the_project_not_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paths = story_paths("meta-scale-ai")
    assert paths.articles == Path(figcheck.__file__).resolve().parent.parent / "data" / "meta-scale-ai" / "articles"
    assert paths.articles.is_dir()
    assert paths.output.parent.name == "output"


@pytest.mark.parametrize("name", ["does-not-exist", "../etc", "Bad Name", ""])
def test_missing_or_malformed_story_is_one_clear_line(name):
    with pytest.raises(StoryError) as err:
        require_story(name)
    message = str(err.value)
    assert "\n" not in message
    if name == "does-not-exist":
        assert "data/does-not-exist/articles" in message and "meta-scale-ai" in message
