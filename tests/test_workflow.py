"""The story workflow: scaffolding a story, validating it before a run, running it, and the
English test story end to end (data/test-en-chipdeal/, fictional test material written by us).

The validation tests call the scripts as a reporter would (subprocess) and are fast: every
failure they provoke stops before the first notebook runs.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import nbformat
import pytest
import yaml

import wip_common as common

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
NEW_STORY = ROOT / "scripts" / "new_story.py"
RUN_STORY = ROOT / "scripts" / "run_story.py"

sys.path.insert(0, str(ROOT / "scripts"))
import run_story  # noqa: E402


def run(script: Path, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run([PY, str(script), *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def one_clear_line(proc: subprocess.CompletedProcess) -> str:
    """The single stderr line of a refused command (and no traceback anywhere)."""
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.fixture
def scratch_story():
    """A unique story name under data/; the folder and its outputs are removed afterwards."""
    name = f"test-tmp-{uuid.uuid4().hex[:8]}"
    yield name
    shutil.rmtree(common.DATA_DIR / name, ignore_errors=True)
    shutil.rmtree(common.OUTPUT_DIR / name, ignore_errors=True)


def make_story(name: str, articles: dict[str, str] | None = None, story_yaml: str | None = None) -> Path:
    data = common.DATA_DIR / name
    (data / "articles").mkdir(parents=True)
    for fname, text in (articles or {}).items():
        (data / "articles" / fname).write_text(text, encoding="utf-8")
    if story_yaml is not None:
        (data / "story.yaml").write_text(story_yaml, encoding="utf-8")
    return data


# ---------------------------------------------------------------------------
# make new-story
# ---------------------------------------------------------------------------
def test_new_story_scaffolds_folder_yaml_and_sources(scratch_story):
    proc = run(NEW_STORY, scratch_story)
    assert proc.returncode == 0, proc.stderr
    data = common.DATA_DIR / scratch_story
    assert (data / "articles").is_dir() and not any((data / "articles").iterdir())
    assert (data / "sources.csv").read_text(encoding="utf-8") == "file,outlet,url,published\n"
    assert f"make run STORY={scratch_story}" in proc.stdout
    # a fresh story.yaml loads and validates to the defaults
    assert common.load_story(scratch_story) == dict(common.default_params(), story=scratch_story)


def test_new_story_yaml_documents_every_parameter_with_its_default(scratch_story):
    assert run(NEW_STORY, scratch_story).returncode == 0
    text = (common.DATA_DIR / scratch_story / "story.yaml").read_text(encoding="utf-8")
    for key, (_types, default, doc) in common.PARAMETERS.items():
        assert f"# {key} (" in text and doc in text, key
        block = text.split(f"# {key} (", 1)[1].split("\n\n", 1)[0]
        documented = block.split("#   default: ", 1)[1].splitlines()[0]
        assert yaml.safe_load(documented) == default, key
    # the story name comes from the command line, never from the file
    assert "story" not in yaml.safe_load(text)


def test_new_story_examples_are_valid_parameters(scratch_story):
    """Every commented example, uncommented, is accepted by the notebooks' validation."""
    assert run(NEW_STORY, scratch_story).returncode == 0
    text = (common.DATA_DIR / scratch_story / "story.yaml").read_text(encoding="utf-8")
    examples = re.findall(r"#   example:\n((?:#     .*\n)+)", text)
    assert len(examples) >= 4
    merged = {}
    for block in examples:
        merged.update(yaml.safe_load("\n".join(ln[6:] for ln in block.splitlines())))
    assert {"quantities", "relations", "outlets", "exclude"} <= set(merged)
    checked = common.validate_params(merged)
    assert checked["quantities"]["deal_amount"]["unit"] == "USD"
    assert checked["relations"][0]["result"] == "valuation"


def test_new_story_never_overwrites(scratch_story):
    assert run(NEW_STORY, scratch_story).returncode == 0
    yaml_path = common.DATA_DIR / scratch_story / "story.yaml"
    yaml_path.write_text("title: mine\n", encoding="utf-8")
    proc = run(NEW_STORY, scratch_story)
    assert proc.returncode != 0
    assert "already exists" in one_clear_line(proc)
    assert yaml_path.read_text(encoding="utf-8") == "title: mine\n"


@pytest.mark.parametrize("name", ["Bad Name", "../escape", "UPPER", "-dash-first", "a/b", "umläut", "x" * 70, ""])
def test_new_story_refuses_names_that_are_not_slugs(name):
    before = sorted(p.name for p in common.DATA_DIR.iterdir())
    proc = run(NEW_STORY, name)
    assert proc.returncode != 0
    assert "not a simple story name" in one_clear_line(proc)
    assert sorted(p.name for p in common.DATA_DIR.iterdir()) == before


def test_new_story_without_a_name_prints_usage():
    proc = run(NEW_STORY)
    assert proc.returncode == 2 and "usage" in one_clear_line(proc)


# ---------------------------------------------------------------------------
# make run: validation before any notebook runs (one line, non-zero, no traceback)
# ---------------------------------------------------------------------------
def test_run_missing_story_names_the_folder_and_the_stories_that_exist():
    proc = run(RUN_STORY, "no-such-story-here")
    assert proc.returncode == 2
    line = one_clear_line(proc)
    assert "data/no-such-story-here/articles" in line
    assert common.DEFAULT_STORY in line
    assert not (common.OUTPUT_DIR / "no-such-story-here").exists()


def test_run_bad_story_name_is_one_line():
    proc = run(RUN_STORY, "../etc")
    assert proc.returncode == 2 and "not a story name" in one_clear_line(proc)


def test_run_empty_story_is_one_line(scratch_story):
    make_story(scratch_story)
    (common.DATA_DIR / scratch_story / "articles" / ".DS_Store").write_bytes(b"\0")
    proc = run(RUN_STORY, scratch_story)
    assert proc.returncode != 0
    line = one_clear_line(proc)
    assert f"data/{scratch_story}/articles/" in line and "no articles" in line
    assert not (common.OUTPUT_DIR / scratch_story).exists()


@pytest.mark.parametrize("story_yaml, expected", [
    ("titel: Chip deal\n", ["'titel'", "title", "tolerance", "exclude"]),
    ("tolerance: high\n", ["'tolerance'", "float"]),
    ("exclude: one.txt\n", ["'exclude'", "list"]),
    ("language: fr\n", ["'language'", "auto, de, en"]),
    ("quantities:\n  deal: {cues: [deal], unti: USD}\n", ["'deal'", "'unti'", "cues, unit"]),
    ("title: [unclosed\n", ["story.yaml", "not valid YAML"]),
    ("- just\n- a list\n", ["story.yaml", "key: value"]),
])
def test_run_bad_story_yaml_is_one_line_naming_the_key(scratch_story, story_yaml, expected):
    make_story(scratch_story, {"001.txt": "Acme buys Widgets for $5 million.\n"}, story_yaml)
    proc = run(RUN_STORY, scratch_story)
    assert proc.returncode == 2
    line = one_clear_line(proc)
    for part in expected:
        assert part in line, (part, line)
    assert not (common.OUTPUT_DIR / scratch_story).exists()


def test_run_accepts_an_all_commented_story_yaml(scratch_story):
    make_story(scratch_story, {"001.txt": "x\n"}, "# nothing set\n")
    assert run_story.check_story(scratch_story) == dict(common.default_params(), story=scratch_story)


# ---------------------------------------------------------------------------
# make run: the papermill call and how a failure is reported
# ---------------------------------------------------------------------------
def test_papermill_command_passes_yaml_story_and_cwd(scratch_story):
    make_story(scratch_story, {"001.txt": "x\n"}, "tolerance: 0.1\n")
    paths = common.story_paths(scratch_story)
    cmd = run_story.papermill_command(Path("notebooks/01_ingest.ipynb"), paths.notebooks / "01_ingest.ipynb", paths)
    assert cmd[cmd.index("-f") + 1] == str(paths.story_yaml)
    assert cmd[cmd.index("-r") + 1: cmd.index("-r") + 3] == ["story", scratch_story]
    assert cmd[cmd.index("--cwd") + 1] == str(common.NOTEBOOK_DIR)
    # -f comes first so that the command line's story name wins over a story key in the file
    assert cmd.index("-f") < cmd.index("-r")
    (paths.story_yaml).unlink()
    assert "-f" not in run_story.papermill_command(Path("a.ipynb"), Path("b.ipynb"), paths)


def test_failing_cell_counts_cells_of_the_source_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# title"),
        nbformat.v4.new_code_cell("import helpers"),
        nbformat.v4.new_code_cell("story = 'x'", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("story = 'y'", metadata={"tags": ["injected-parameters"]}),
        nbformat.v4.new_code_cell("# compare\nfindings = helpers.compare(1 / 0)",
                                  outputs=[nbformat.v4.new_output("error", ename="ZeroDivisionError",
                                                                  evalue="division by zero", traceback=[])]),
    ]
    path = tmp_path / "03_x.ipynb"
    nbformat.write(nb, path)
    where, ename, evalue = run_story.failing_cell(path)
    assert where == "code cell 3 `findings = helpers.compare(1 / 0)`"
    assert (ename, evalue) == ("ZeroDivisionError", "division by zero")
    assert run_story.failing_cell(tmp_path / "missing.ipynb") == ("", "", "")


def _tiny_notebook(path: Path, body: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nb.cells = [
        nbformat.v4.new_code_cell(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nimport wip_common"),
        nbformat.v4.new_code_cell("story = 'x'", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(body),
    ]
    nbformat.write(nb, path)


@pytest.mark.parametrize("body, expect_lines, expect", [
    ("raise wip_common.StoryError('no usable article in data/x/articles/')", 1,
     ["01_first: no usable article in data/x/articles/"]),
    ("# the comparison\nvalues = [1, 2]\nratio = values[0] / 0", 3,
     ["01_first.ipynb failed in code cell 3 `values = [1, 2]`", "ZeroDivisionError: division by zero",
      "executed copy: output/"]),
])
def test_run_reports_a_failing_notebook(scratch_story, tmp_path, monkeypatch, capsys, body, expect_lines, expect):
    make_story(scratch_story, {"001.txt": "x\n"})
    _tiny_notebook(tmp_path / "01_first.ipynb", body)
    _tiny_notebook(tmp_path / "02_second.ipynb", "print('never runs')")
    monkeypatch.setattr(common, "NOTEBOOK_DIR", tmp_path)
    assert run_story.main(["run_story.py", scratch_story]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert re.search(r"01_first\s+FAILED\s+\d+\.\d s", out)
    assert "02_second" not in out
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == expect_lines, err
    for part in expect:
        assert part in err, (part, err)
    assert (common.OUTPUT_DIR / scratch_story / "notebooks" / "01_first.ipynb").exists()
