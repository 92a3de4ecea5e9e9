"""helpers.py, the notebooks' one import: a short list of names, each the package's own object
(a re-export, never a copy or a wrapper). It holds the contract names checks outside the
notebooks rely on and every name the notebooks call, and nothing else; the scripts and the
package never import it. Every other test imports from figcheck directly."""
import ast
import importlib
import inspect
import json
import re
from pathlib import Path

import helpers
from figcheck.common import paths

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ("extract_figures", "story_paths", "require_story", "notebook_params", "read_table", "write_csv_atomic",
            "ingest_story", "write_ingest_outputs", "extract_story_figures", "write_figures", "compare_story",
            "write_comparison", "make_charts", "save_charts", "write_report", "load_chart_tables", "chart_bytes",
            "ROOT", "StoryError", "ParameterError")
# contract names that are values, not functions or classes: the module that owns them
VALUES = {"ROOT": paths}


def test_helpers_re_exports_the_contract_names_from_the_package():
    problems = []
    for name in CONTRACT:
        if not hasattr(helpers, name):
            problems.append(f"{name}: missing from helpers")
            continue
        obj = getattr(helpers, name)
        if name in VALUES:
            owner = VALUES[name]
        else:
            assert inspect.isfunction(obj) or inspect.isclass(obj), name
            if not obj.__module__.startswith("figcheck."):
                problems.append(f"{name}: defined in {obj.__module__}, not in the figcheck package")
                continue
            owner = importlib.import_module(obj.__module__)
        if getattr(owner, name, None) is not obj:
            problems.append(f"{name}: not the object {owner.__name__}.{name}")
    assert problems == []


def test_the_facade_is_its_list_and_nothing_else():
    assert len(helpers.__all__) == len(set(helpers.__all__))
    public = {name for name in vars(helpers) if not name.startswith("_")}
    assert public == set(helpers.__all__)
    assert set(CONTRACT) <= public
    for name in helpers.__all__:
        obj = getattr(helpers, name)
        if name not in VALUES:
            assert obj.__module__.startswith("figcheck."), name
            assert getattr(importlib.import_module(obj.__module__), name) is obj, name


def test_every_name_the_notebooks_call_is_in_the_facade():
    used = set()
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            used |= set(re.findall(r"\bhelpers\.([A-Za-z_]\w*)", "".join(cell["source"])))
    assert used, "no helpers.<name> found in the notebooks"
    assert used - set(helpers.__all__) == set()


def test_scripts_and_the_package_never_import_the_facade():
    importers = []
    for path in sorted([*(ROOT / "scripts").glob("*.py"), *(ROOT / "figcheck").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and not node.level else [])
            if "helpers" in names:
                importers.append(str(path.relative_to(ROOT)))
    assert importers == []
