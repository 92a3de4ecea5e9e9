"""Calling the scripts of scripts/ as a reporter would (subprocess), or loading one as a module,
and a story folder made under data/ (plain functions: tests call them directly)."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from figcheck.common.paths import DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
NEW_STORY = ROOT / "scripts" / "new_story.py"
RUN_STORY = ROOT / "scripts" / "run_story.py"


def load_script(path: Path):
    """A script of scripts/ as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(script: Path, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run([PY, str(script), *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def one_clear_line(proc: subprocess.CompletedProcess) -> str:
    """The single stderr line of a refused command (and no traceback anywhere)."""
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


def make_story(name: str, articles: dict[str, str] | None = None, story_yaml: str | None = None) -> Path:
    data = DATA_DIR / name
    (data / "articles").mkdir(parents=True)
    for fname, text in (articles or {}).items():
        (data / "articles" / fname).write_text(text, encoding="utf-8")
    if story_yaml is not None:
        (data / "story.yaml").write_text(story_yaml, encoding="utf-8")
    return data
