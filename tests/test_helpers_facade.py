"""helpers.py, the notebooks' entry point while the package settles: the names the notebooks and
scripts call through it stay there and are the package's own objects (re-exports, never copies
or wrappers). Every other test imports from figcheck directly."""
import importlib
import inspect

import helpers
from figcheck.common import paths

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
