"""scripts/new_story.py (make new-story): the scaffolded folder, story.yaml documenting every parameter,
never overwriting, refusing names that are not slugs. Called as a reporter would (subprocess).
"""
from __future__ import annotations

import re

import pytest
import yaml

from figcheck.common.params import default_params, load_story, PARAMETERS, validate_params
from figcheck.common.paths import DATA_DIR

from .support import NEW_STORY, one_clear_line, run


def test_new_story_scaffolds_folder_yaml_and_sources(scratch_story):
    proc = run(NEW_STORY, scratch_story)
    assert proc.returncode == 0, proc.stderr
    data = DATA_DIR / scratch_story
    assert (data / "articles").is_dir() and not any((data / "articles").iterdir())
    assert (data / "sources.csv").read_text(encoding="utf-8") == "file,outlet,url,published\n"
    assert f"make run STORY={scratch_story}" in proc.stdout
    # a fresh story.yaml loads and validates to the defaults
    assert load_story(scratch_story) == dict(default_params(), story=scratch_story)


def test_new_story_yaml_documents_every_parameter_with_its_default(scratch_story):
    assert run(NEW_STORY, scratch_story).returncode == 0
    text = (DATA_DIR / scratch_story / "story.yaml").read_text(encoding="utf-8")
    for key, (_types, default, doc) in PARAMETERS.items():
        assert f"# {key} (" in text and doc in text, key
        block = text.split(f"# {key} (", 1)[1].split("\n\n", 1)[0]
        documented = block.split("#   default: ", 1)[1].splitlines()[0]
        assert yaml.safe_load(documented) == default, key
    # the story name comes from the command line, never from the file
    assert "story" not in yaml.safe_load(text)


def test_new_story_examples_are_valid_parameters(scratch_story):
    """Every commented example, uncommented, is accepted by the notebooks' validation."""
    assert run(NEW_STORY, scratch_story).returncode == 0
    text = (DATA_DIR / scratch_story / "story.yaml").read_text(encoding="utf-8")
    examples = re.findall(r"#   example:\n((?:#     .*\n)+)", text)
    assert len(examples) >= 4
    merged = {}
    for block in examples:
        merged.update(yaml.safe_load("\n".join(ln[6:] for ln in block.splitlines())))
    assert {"quantities", "relations", "outlets", "exclude"} <= set(merged)
    checked = validate_params(merged)
    assert checked["quantities"]["deal_amount"]["unit"] == "USD"
    assert checked["relations"][0]["result"] == "valuation"


def test_new_story_never_overwrites(scratch_story):
    assert run(NEW_STORY, scratch_story).returncode == 0
    yaml_path = DATA_DIR / scratch_story / "story.yaml"
    yaml_path.write_text("title: mine\n", encoding="utf-8")
    proc = run(NEW_STORY, scratch_story)
    assert proc.returncode != 0
    assert "already exists" in one_clear_line(proc)
    assert yaml_path.read_text(encoding="utf-8") == "title: mine\n"


@pytest.mark.parametrize("name", ["Bad Name", "../escape", "UPPER", "-dash-first", "a/b", "umläut", "x" * 70, ""])
def test_new_story_refuses_names_that_are_not_slugs(name):
    before = sorted(p.name for p in DATA_DIR.iterdir())
    proc = run(NEW_STORY, name)
    assert proc.returncode != 0
    assert "not a simple story name" in one_clear_line(proc)
    assert sorted(p.name for p in DATA_DIR.iterdir()) == before


def test_new_story_without_a_name_prints_usage():
    proc = run(NEW_STORY)
    assert proc.returncode == 2 and "usage" in one_clear_line(proc)
