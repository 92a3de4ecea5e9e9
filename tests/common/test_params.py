"""figcheck.common.params: story parameters, story.yaml and the notebooks' parameters cell."""
from types import ModuleType

import pytest

import figcheck.common.paths
from figcheck.common.params import PARAMETERS, default_params, load_story, notebook_params, validate_params
from figcheck.common.paths import ParameterError, list_stories

# what a notebook imports before its parameters cell (never a parameter)
NOTEBOOK_MODULE = ModuleType("helpers")


def test_default_story_is_listed_and_loads_with_defaults():
    assert "meta-scale-ai" in list_stories()
    params = load_story("meta-scale-ai")
    assert params["story"] == "meta-scale-ai"
    assert params["tolerance"] == pytest.approx(0.05)
    assert params["language"] == "auto"


def test_unknown_parameter_names_the_key_and_the_valid_ones():
    with pytest.raises(ParameterError) as err:
        validate_params({"tolerence": 0.1})
    assert "'tolerence'" in str(err.value)
    for key in PARAMETERS:
        assert key in str(err.value)


@pytest.mark.parametrize("key,value", [("tolerance", "5%"), ("exclude", "a.txt"), ("quantities", ["x"]),
                                       ("include", "a.txt"), ("include", [3]),
                                       ("language", "fr"), ("tolerance", 2.0), ("outlets", {"a.txt": 3}),
                                       ("tolerance", True)])
def test_wrong_types_are_refused(key, value):
    with pytest.raises(ParameterError) as err:
        validate_params({key: value})
    assert key in str(err.value)


def test_valid_parameters_are_kept_and_none_means_default():
    params = validate_params({"tolerance": 0, "exclude": ["a.txt"], "title": None,
                              "quantities": {"fine": {"cues": ["Strafe"], "unit": "EUR"}}})
    assert params["tolerance"] == 0.0 and isinstance(params["tolerance"], float)
    assert params["exclude"] == ["a.txt"]
    assert params["include"] == []
    assert validate_params({"include": ["004_interview.txt"]})["include"] == ["004_interview.txt"]
    assert params["title"] == ""
    assert params["quantities"]["fine"]["unit"] == "EUR"


def test_notebook_params_sees_injected_names():
    namespace = {"helpers": NOTEBOOK_MODULE, "In": [], "_i1": "x"}
    before = set(namespace)
    namespace.update({"story": "meta-scale-ai", "tolerance": 0.1})
    assert notebook_params(namespace, before)["tolerance"] == 0.1
    namespace["typo_key"] = 1
    with pytest.raises(ParameterError, match="typo_key"):
        notebook_params(namespace, before)


def test_notebook_params_apply_story_yaml_unless_the_cell_sets_a_value(tmp_path, monkeypatch):
    story_dir = tmp_path / "data" / "acme"
    (story_dir / "articles").mkdir(parents=True)
    (story_dir / "story.yaml").write_text("title: From the file\ntolerance: 0.2\n", encoding="utf-8")
    monkeypatch.setattr(figcheck.common.paths, "DATA_DIR", tmp_path / "data")
    before = {"helpers"}
    cell = {"helpers": NOTEBOOK_MODULE, **default_params(), "story": "acme"}
    params = notebook_params(cell, before)
    assert params["title"] == "From the file" and params["tolerance"] == 0.2
    cell["tolerance"] = 0.1  # set by hand in the parameters cell: wins over the file
    assert notebook_params(cell, before)["tolerance"] == 0.1
    (story_dir / "story.yaml").write_text("tolerence: 0.2\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="tolerence"):
        notebook_params(cell, before)
