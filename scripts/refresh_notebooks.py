#!/usr/bin/env python3
"""Re-execute the committed notebooks in place, top to bottom, on the default story.

    python scripts/refresh_notebooks.py [NN_name.ipynb ...]

This is how the notebooks in notebooks/ are committed: executed with their default
parameters (no papermill injected cell), with volatile metadata removed, so that nbval
can compare the headline cells (# NBVAL_CHECK_OUTPUT) against a fresh run.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def refresh(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
        cell.get("metadata", {}).pop("papermill", None)
    nb.metadata.pop("papermill", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nbformat.write(nb, path)
    print(f"executed {path.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    names = argv[1:] or sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    for name in names:
        refresh(NOTEBOOKS / Path(name).name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
