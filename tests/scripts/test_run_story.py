"""scripts/run_story.py (make run): the story is validated before any notebook runs (one line, non-zero,
no traceback), the papermill call, and how a failing notebook is reported.

The validation tests call the script as a reporter would (subprocess) and are fast: every failure
they provoke stops before the first notebook runs.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from figcheck.common.params import default_params
from figcheck.common.paths import DATA_DIR, DEFAULT_STORY, NOTEBOOK_DIR, OUTPUT_DIR, story_paths

from .support import RUN_STORY, load_script, make_story, one_clear_line, run

run_story = load_script(RUN_STORY)


# ---------------------------------------------------------------------------
# validation before any notebook runs
# ---------------------------------------------------------------------------
def test_run_missing_story_names_the_folder_and_the_stories_that_exist():
    proc = run(RUN_STORY, "no-such-story-here")
    assert proc.returncode == 2
    line = one_clear_line(proc)
    assert "data/no-such-story-here/articles" in line
    assert DEFAULT_STORY in line
    assert not (OUTPUT_DIR / "no-such-story-here").exists()


def test_run_bad_story_name_is_one_line():
    proc = run(RUN_STORY, "../etc")
    assert proc.returncode == 2 and "not a story name" in one_clear_line(proc)


def test_run_empty_story_is_one_line(scratch_story):
    make_story(scratch_story)
    (DATA_DIR / scratch_story / "articles" / ".DS_Store").write_bytes(b"\0")
    proc = run(RUN_STORY, scratch_story)
    assert proc.returncode != 0
    line = one_clear_line(proc)
    assert f"data/{scratch_story}/articles/" in line and "no articles" in line
    assert not (OUTPUT_DIR / scratch_story).exists()


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
    assert not (OUTPUT_DIR / scratch_story).exists()


def test_run_accepts_an_all_commented_story_yaml(scratch_story):
    make_story(scratch_story, {"001.txt": "x\n"}, "# nothing set\n")
    assert run_story.check_story(scratch_story) == dict(default_params(), story=scratch_story)


# ---------------------------------------------------------------------------
# the papermill call and how a failure is reported
# ---------------------------------------------------------------------------
def test_papermill_command_passes_yaml_story_and_cwd(scratch_story):
    make_story(scratch_story, {"001.txt": "x\n"}, "tolerance: 0.1\n")
    paths = story_paths(scratch_story)
    cmd = run_story.papermill_command(Path("notebooks/01_ingest.ipynb"), paths.notebooks / "01_ingest.ipynb", paths)
    assert cmd[cmd.index("-f") + 1] == str(paths.story_yaml)
    assert cmd[cmd.index("-r") + 1: cmd.index("-r") + 3] == ["story", scratch_story]
    assert cmd[cmd.index("--cwd") + 1] == str(NOTEBOOK_DIR)
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
        nbformat.v4.new_code_cell("import helpers"),
        nbformat.v4.new_code_cell("story = 'x'", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(body),
    ]
    nbformat.write(nb, path)


@pytest.mark.parametrize("body, expect_lines, expect", [
    ("raise helpers.StoryError('no usable article in data/x/articles/')", 1,
     ["01_first: no usable article in data/x/articles/"]),
    ("# the comparison\nvalues = [1, 2]\nratio = values[0] / 0", 3,
     ["01_first.ipynb failed in code cell 3 `values = [1, 2]`", "ZeroDivisionError: division by zero",
      "executed copy: output/"]),
])
def test_run_reports_a_failing_notebook(scratch_story, tmp_path, monkeypatch, capsys, body, expect_lines, expect):
    make_story(scratch_story, {"001.txt": "x\n"})
    _tiny_notebook(tmp_path / "01_first.ipynb", body)
    _tiny_notebook(tmp_path / "02_second.ipynb", "print('never runs')")
    monkeypatch.setattr(run_story, "NOTEBOOK_DIR", tmp_path)
    assert run_story.main(["run_story.py", scratch_story]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert re.search(r"01_first\s+FAILED\s+\d+\.\d s", out)
    assert "02_second" not in out
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == expect_lines, err
    for part in expect:
        assert part in err, (part, err)
    assert (OUTPUT_DIR / scratch_story / "notebooks" / "01_first.ipynb").exists()


def test_run_story_without_a_usable_article_stops_in_notebook_01_with_one_line(scratch_story):
    make_story(scratch_story)
    (DATA_DIR / scratch_story / "articles" / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    proc = run(RUN_STORY, scratch_story, timeout=300)
    assert proc.returncode == 1
    line = one_clear_line(proc)
    assert line.startswith("make run: 01_ingest: ") and f"data/{scratch_story}/articles/" in line
    assert "scan.txt" in line and DEFAULT_STORY in line
    assert re.search(r"01_ingest\s+FAILED", proc.stdout) and "02_extract" not in proc.stdout


def test_papermill_runs_in_process_with_the_same_parameters(scratch_story):
    make_story(scratch_story, {"001.txt": "x\n"}, "tolerance: 0.1\ninclude: [001.txt]\n")
    paths = story_paths(scratch_story)
    args = run_story.papermill_arguments(Path("notebooks/01_ingest.ipynb"), paths.notebooks / "01_ingest.ipynb", paths)
    assert args["parameters"] == {"tolerance": 0.1, "include": ["001.txt"], "story": scratch_story}
    assert args["cwd"] == str(NOTEBOOK_DIR) and args["kernel_name"] == "python3"
    assert args["request_save_on_cell_execute"] is False      # the executed copy is written once
    paths.story_yaml.unlink()
    assert run_story.papermill_arguments(Path("a.ipynb"), Path("b.ipynb"), paths)["parameters"] == {
        "story": scratch_story}
