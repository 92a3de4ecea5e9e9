#!/usr/bin/env python3
"""Run every notebooks/NN_*.ipynb in order with papermill for one story, then write the report.

    python scripts/run_story.py [STORY]          (make run STORY=name)

Before anything runs, the story is checked: its folder exists, articles/ holds files, and
story.yaml is well-formed with known keys of the right type; each problem is one line and
exit code 2. Then each notebook runs with papermill, in this process (the story's story.yaml
as parameters, the story name added as text, the notebooks folder as working directory: the
call `papermill_command` spells out); executed copies go to output/<story>/notebooks/. One line per notebook with its time. When a notebook fails: the
notebook, the cell and the error, a pointer to the executed copy, and exit code 1 (a
StoryError or ParameterError raised inside a notebook is shown as its one-line message).
After all notebooks succeed, output/<story>/report.html is written and the outputs listed.
"""
from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from figcheck.common.params import load_story, read_story_yaml
from figcheck.common.paths import DEFAULT_STORY, NOTEBOOK_DIR, ParameterError, StoryError, StoryPaths, story_paths
from figcheck.report import write_report

ROOT = Path(__file__).resolve().parent.parent

PROG = "make run"
CLEAN_ERRORS = ("StoryError", "ParameterError")  # raised on purpose, with a message for the reader


def rel(path: Path) -> str:
    """A path relative to the repository when it is inside it, for short messages."""
    path = Path(path)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def article_files(paths: StoryPaths) -> list[Path]:
    """The files in the story's articles/ folder (hidden files such as .DS_Store left out)."""
    return sorted(p for p in paths.articles.iterdir() if p.is_file() and not p.name.startswith("."))


def check_story(story: str) -> dict:
    """Validate a story before anything runs; its parameters, or StoryError/ParameterError."""
    params = load_story(story)
    paths = story_paths(story)
    if not article_files(paths):
        raise StoryError(
            f"{rel(paths.articles)}/ holds no articles: put the articles (.txt, .md, .html) there first")
    return params


def papermill_command(nb: Path, executed: Path, paths: StoryPaths) -> list[str]:
    """The papermill command line that runs one notebook of one story, as a reporter would type it
    (run_notebook makes the same call in this process: papermill_arguments)."""
    cmd = [sys.executable, "-m", "papermill", str(nb), str(executed),
           "--cwd", str(NOTEBOOK_DIR), "--kernel", "python3",
           "--no-progress-bar", "--log-level", "WARNING"]
    if paths.story_yaml.exists():
        cmd += ["-f", str(paths.story_yaml)]
    # -r passes the name as raw text: -p would turn a story called "2025" into an int.
    cmd += ["-r", "story", paths.story]
    return cmd


def papermill_arguments(nb: Path, executed: Path, paths: StoryPaths) -> dict:
    """papermill.execute_notebook's arguments for one notebook of one story: the same call as
    papermill_command, made in this process (one papermill start-up per run, not one per notebook).
    The story's story.yaml gives the parameters, the story name (as text) is added last."""
    parameters = dict(read_story_yaml(paths.story)) if paths.story_yaml.exists() else {}
    parameters["story"] = paths.story
    return {"input_path": str(nb), "output_path": str(executed), "parameters": parameters,
            "cwd": str(NOTEBOOK_DIR), "kernel_name": "python3", "progress_bar": False, "log_output": False,
            # the executed copy is written once at the end (and when a cell fails), not after every
            # cell: a big folder's notebooks hold megabytes of tables and charts
            "request_save_on_cell_execute": False}


def failing_cell(executed: Path) -> tuple[str, str, str]:
    """(where, error name, error message) of the first cell with an error in an executed notebook.

    Cells are counted as in the source notebook: papermill's injected-parameters cell and
    its error banner are not counted.
    """
    try:
        nb = json.loads(Path(executed).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "", "", ""
    number = 0
    for cell in nb.get("cells", []):
        tags = cell.get("metadata", {}).get("tags", [])
        if "injected-parameters" in tags or cell.get("cell_type") != "code":
            continue
        number += 1
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                source = "".join(cell.get("source", ""))
                lines = [ln.strip() for ln in source.splitlines()
                         if ln.strip() and not ln.strip().startswith("#")]
                where = f"code cell {number}" + (f" `{lines[0][:70]}`" if lines else "")
                return where, str(out.get("ename", "")), str(out.get("evalue", "")).strip()
    return "", "", ""


def tail(text: str, n: int = 12) -> str:
    """The last n non-empty lines of what papermill and the kernel wrote, indented."""
    lines = [ln for ln in (text or "").splitlines() if ln.strip()]
    return "\n".join("    " + ln for ln in lines[-n:])


def execute(arguments: dict) -> str | None:
    """Run one notebook with papermill in this process: None when every cell ran, else what went
    wrong (the error papermill raised; the cell that failed is read from the executed copy)."""
    import papermill   # imported once, on the first notebook (it takes a second)
    logging.getLogger("papermill").setLevel(logging.WARNING)
    sys.stderr.flush()
    with tempfile.TemporaryFile() as log:
        # what papermill and the kernel (which inherits this process's stderr) write goes to a file,
        # as a subprocess's captured stderr did: shown only when the notebook could not run
        saved = os.dup(2)
        os.dup2(log.fileno(), 2)
        try:
            papermill.execute_notebook(**arguments)
            return None
        except Exception as exc:   # a failing cell (PapermillExecutionError), a dead kernel, a broken notebook
            sys.stderr.flush()
            log.seek(0)
            return log.read().decode("utf-8", "replace") + f"\n{type(exc).__name__}: {exc}"
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def run_notebook(nb: Path, paths: StoryPaths) -> int:
    """Run one notebook with papermill; print its line (and the error); 0 when it succeeded."""
    executed = paths.notebooks / nb.name
    print(f"  {nb.stem:<26}", end="", flush=True)
    t0 = time.monotonic()
    problem = execute(papermill_arguments(nb, executed, paths))
    took = time.monotonic() - t0
    if problem is None:
        print(f" ok      {took:6.1f} s", flush=True)
        return 0
    print(f" FAILED  {took:6.1f} s", flush=True)
    where, ename, evalue = failing_cell(executed)
    if ename in CLEAN_ERRORS:
        first = evalue.splitlines()[0] if evalue else ename
        print(f"{PROG}: {nb.stem}: {first}", file=sys.stderr)
    elif where:
        print(f"{PROG}: {nb.name} failed in {where}\n  {ename}: {evalue}\n"
              f"  executed copy: {rel(executed)}", file=sys.stderr)
    else:  # the kernel died or papermill itself failed: no cell holds the error
        print(f"{PROG}: {nb.name} could not be executed (no cell recorded an error):\n"
              f"{tail(problem)}", file=sys.stderr)
        if executed.exists():
            print(f"  executed copy: {rel(executed)}", file=sys.stderr)
    return 1


def main(argv: list[str]) -> int:
    story = argv[1] if len(argv) > 1 else DEFAULT_STORY
    try:
        params = check_story(story)
    except (StoryError, ParameterError) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    paths = story_paths(story)
    notebooks = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    if not notebooks:
        print(f"{PROG}: no notebooks in {rel(NOTEBOOK_DIR)}/", file=sys.stderr)
        return 2
    paths.notebooks.mkdir(parents=True, exist_ok=True)
    config = f"with {rel(paths.story_yaml)}" if paths.story_yaml.exists() else "no story.yaml: defaults"
    n = len(article_files(paths))
    print(f"Story {story}: {n} article file{'s' if n != 1 else ''}, {len(notebooks)} notebooks ({config})")
    started = time.monotonic()
    started_wall = time.time()
    try:
        for nb in notebooks:
            if run_notebook(nb, paths):
                return 1
        t0 = time.monotonic()
        print(f"  {'report.html':<26}", end="", flush=True)
        try:
            report = paths.out("report.html")
            if not report.exists() or report.stat().st_mtime < started_wall:
                report = write_report(paths, params)  # notebook 04 normally writes it
        except (StoryError, ParameterError) as exc:
            print(f" FAILED  {time.monotonic() - t0:6.1f} s\n{PROG}: report: {exc}", file=sys.stderr)
            return 1
        except Exception as exc:  # a bug in the report section: one line with where it happened
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            print(f" FAILED  {time.monotonic() - t0:6.1f} s\n{PROG}: report.html could not be written: "
                  f"{type(exc).__name__}: {exc} ({rel(Path(frame.filename))}:{frame.lineno})", file=sys.stderr)
            return 1
        print(f" ok      {time.monotonic() - t0:6.1f} s")
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return 130
    print(f"Done in {time.monotonic() - started:.1f} s. Outputs in {rel(paths.output)}/:")
    print(f"  {'report.html':<15} {rel(report)}  (one page to share: findings, evidence, charts)")
    for name in ("articles.csv", "figures.csv", "comparison.csv", "findings.csv"):
        if paths.out(name).exists():
            print(f"  {name:<15} {rel(paths.out(name))}")
    if paths.charts.is_dir():
        n = len(list(paths.charts.glob("*.png")))
        print(f"  {'charts':<15} {rel(paths.charts)}/ ({n} charts, each with .svg, .txt alt text and .csv data)")
    print(f"  {'notebooks':<15} {rel(paths.notebooks)}/ (the executed copies)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
