"""Section 0 of helpers.py: paths, story parameters, atomic writes."""
import os
from pathlib import Path

import pandas as pd
import pytest

import helpers


def test_paths_are_anchored_on_helpers_not_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paths = helpers.story_paths("meta-scale-ai")
    assert paths.articles == Path(helpers.__file__).resolve().parent / "data" / "meta-scale-ai" / "articles"
    assert paths.articles.is_dir()
    assert paths.output.parent.name == "output"


def test_default_story_is_listed_and_loads_with_defaults():
    assert "meta-scale-ai" in helpers.list_stories()
    params = helpers.load_story("meta-scale-ai")
    assert params["story"] == "meta-scale-ai"
    assert params["tolerance"] == pytest.approx(0.05)
    assert params["language"] == "auto"


@pytest.mark.parametrize("name", ["does-not-exist", "../etc", "Bad Name", ""])
def test_missing_or_malformed_story_is_one_clear_line(name):
    with pytest.raises(helpers.StoryError) as err:
        helpers.require_story(name)
    message = str(err.value)
    assert "\n" not in message
    if name == "does-not-exist":
        assert "data/does-not-exist/articles" in message and "meta-scale-ai" in message


def test_unknown_parameter_names_the_key_and_the_valid_ones():
    with pytest.raises(helpers.ParameterError) as err:
        helpers.validate_params({"tolerence": 0.1})
    assert "'tolerence'" in str(err.value)
    for key in helpers.PARAMETERS:
        assert key in str(err.value)


@pytest.mark.parametrize("key,value", [("tolerance", "5%"), ("exclude", "a.txt"), ("quantities", ["x"]),
                                       ("language", "fr"), ("tolerance", 2.0), ("outlets", {"a.txt": 3}),
                                       ("tolerance", True)])
def test_wrong_types_are_refused(key, value):
    with pytest.raises(helpers.ParameterError) as err:
        helpers.validate_params({key: value})
    assert key in str(err.value)


def test_valid_parameters_are_kept_and_none_means_default():
    params = helpers.validate_params({"tolerance": 0, "exclude": ["a.txt"], "title": None,
                                      "quantities": {"fine": {"cues": ["Strafe"], "unit": "EUR"}}})
    assert params["tolerance"] == 0.0 and isinstance(params["tolerance"], float)
    assert params["exclude"] == ["a.txt"]
    assert params["title"] == ""
    assert params["quantities"]["fine"]["unit"] == "EUR"


def test_notebook_params_sees_injected_names():
    namespace = {"helpers": helpers, "In": [], "_i1": "x"}
    before = set(namespace)
    namespace.update({"story": "meta-scale-ai", "tolerance": 0.1})
    assert helpers.notebook_params(namespace, before)["tolerance"] == 0.1
    namespace["typo_key"] = 1
    with pytest.raises(helpers.ParameterError, match="typo_key"):
        helpers.notebook_params(namespace, before)


def test_atomic_csv_write_is_deterministic_and_leaves_no_temp_files(tmp_path):
    df = pd.DataFrame({"file": ["b.txt", "ä ö.txt"], "value": [14.3e9, float("nan")], "text": ["x,y", 'say "hi"']})
    path = tmp_path / "out" / "t.csv"
    helpers.write_csv_atomic(df, path)
    first = path.read_bytes()
    helpers.write_csv_atomic(df, path)
    assert path.read_bytes() == first
    assert b"\r\n" not in first
    assert os.listdir(path.parent) == ["t.csv"]
    back = helpers.read_table(path)
    assert list(back["text"]) == ["x,y", 'say "hi"']
    assert back["value"].iloc[0] == pytest.approx(14.3e9)


def test_failed_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("old\n")

    class Boom(pd.DataFrame):
        def to_csv(self, *a, **k):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        helpers.write_csv_atomic(Boom({"a": [1]}), path)
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["t.csv"]


def test_article_label_falls_back_to_the_file_number():
    assert helpers.article_label("001_6b93.txt", "") == "article 001"
    assert helpers.article_label("001_6b93.txt", "", "de") == "Artikel 001"
    assert helpers.article_label("000_c4e7.txt", "finanzen.ch", "de") == "finanzen.ch"


def test_atomic_write_gives_an_ordinary_readable_file(tmp_path):
    path = helpers.write_text_atomic(tmp_path / "r.html", "<p>x</p>")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
