#!/usr/bin/env python3
"""Run every notebooks/NN_*.ipynb in order with papermill for one story.

    python scripts/run_story.py [STORY]

Executed copies go to output/<story>/notebooks/. The story's story.yaml is passed with -f
when it exists. One line per notebook with its time; on failure, the notebook, the cell
and the error, a pointer to the executed copy, and a non-zero exit.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import helpers  # noqa: E402


def failing_cell(executed: Path) -> tuple[str, str]:
    """(where, error) of the first cell with an error in an executed notebook."""
    try:
        nb = json.loads(executed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "before the first cell", "the notebook could not be executed"
    code_cells = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    for number, cell in enumerate(code_cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                first_line = "".join(cell.get("source", "")).strip().splitlines()[:1]
                where = f"code cell {number}" + (f" ({first_line[0][:60]})" if first_line else "")
                return where, f"{out.get('ename')}: {out.get('evalue')}"
    return "an unknown cell", "see the executed copy"


def main(argv: list[str]) -> int:
    story = argv[1] if len(argv) > 1 else helpers.DEFAULT_STORY
    try:
        helpers.load_story(story)
    except (helpers.StoryError, helpers.ParameterError) as exc:
        print(f"make run: {exc}", file=sys.stderr)
        return 2
    paths = helpers.story_paths(story)
    notebooks = sorted(helpers.NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    paths.notebooks.mkdir(parents=True, exist_ok=True)
    print(f"Story {story}: {len(notebooks)} notebooks")
    started = time.monotonic()
    for nb in notebooks:
        executed = paths.notebooks / nb.name
        cmd = [sys.executable, "-m", "papermill", str(nb), str(executed),
               "--cwd", str(helpers.NOTEBOOK_DIR), "--kernel", "python3",
               "--no-progress-bar", "--log-level", "WARNING"]
        if paths.story_yaml.exists():
            cmd += ["-f", str(paths.story_yaml)]
        cmd += ["-p", "story", story]
        t0 = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        took = time.monotonic() - t0
        if proc.returncode != 0:
            where, error = failing_cell(executed)
            print(f"  FAILED {nb.stem:<24} {took:6.1f} s", file=sys.stderr)
            print(f"make run: {nb.name} failed in {where}:\n  {error}\n"
                  f"  executed copy: {executed.relative_to(ROOT)}", file=sys.stderr)
            if "error" in where or not executed.exists():
                print(proc.stderr[-2000:], file=sys.stderr)
            return 1
        print(f"  ok     {nb.stem:<24} {took:6.1f} s")
    print(f"Done in {time.monotonic() - started:.1f} s. Outputs: {paths.output.relative_to(ROOT)}/ "
          f"(report: {(paths.output / 'report.html').relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
