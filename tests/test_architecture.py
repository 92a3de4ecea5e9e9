"""The package's shape, checked automatically (docs/architecture.md, "Import direction").

Every module under figcheck/ is parsed (ast, nothing is imported) and its imports of figcheck
modules, at the top or inside functions, make a graph. On it:
- no cycles;
- imports point down the pipeline: common < ingest < extract < compare < charts < report <
  evaluate, a module never imports a later stage; wording (every text a reader sees) sits
  beside them and may import only common and wording; common imports only common;
- no module is longer than 800 lines, except the data tables (word lists and vocabularies);
- no function is longer than 80 lines.
The checks are plain functions, tested first on small made-up graphs so that they are not blind.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "figcheck"
STAGES = ("common", "ingest", "extract", "compare", "charts", "report", "evaluate")
PARTS = STAGES + ("wording",)
MAY_IMPORT = {"wording": {"common", "wording"}, "common": {"common"}}
MAX_MODULE_LINES = 800
MAX_FUNCTION_LINES = 80
# data tables: the words of each language and the measure and quantity vocabularies, long by nature
DATA_TABLES = {"figcheck/wording/de.py", "figcheck/wording/en.py", "figcheck/extract/measures.py",
               "figcheck/extract/quantities.py"}


# ---------------------------------------------------------------------------
# reading the package
# ---------------------------------------------------------------------------
def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The figcheck modules `name` imports: `import figcheck.x`, `from figcheck.x import y` (and y when
    it is a module), relative imports, at any depth of the code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [module] + [f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in known]
        else:
            continue
        for target in targets:
            while target and target not in known:   # figcheck.x.name -> the module figcheck.x
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    known = set(modules)
    return {name: imported_modules(name, path, known) for name, path in modules.items()}


def part_of(module: str) -> str:
    """The stage or wording a module belongs to ('' for the package's own __init__)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


# ---------------------------------------------------------------------------
# the rules, as functions of a graph
# ---------------------------------------------------------------------------
def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle found by a depth-first walk, each as the modules in order, first repeated."""
    found, state, stack = [], {}, []

    def visit(module):
        state[module] = "open"
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                found.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def direction_violations(graph: dict[str, set[str]]) -> list[str]:
    """Imports that point up the pipeline, or out of wording or common."""
    problems = []
    for module, targets in sorted(graph.items()):
        source = part_of(module)
        if not source:
            continue
        if source not in PARTS:
            problems.append(f"{module}: figcheck/{source}/ has no place in the import rule")
            continue
        for target in sorted(targets):
            into = part_of(target)
            if source in MAY_IMPORT:
                if into not in MAY_IMPORT[source]:
                    problems.append(f"{module} imports {target}: {source} may import only "
                                    f"{' and '.join(sorted(MAY_IMPORT[source]))}")
            elif into in STAGES and STAGES.index(into) > STAGES.index(source):
                problems.append(f"{module} imports {target}: {into} is a later stage than {source}")
    return problems


def long_modules(paths: dict[str, Path]) -> list[str]:
    out = []
    for path in paths.values():
        rel = path.relative_to(ROOT).as_posix()
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_MODULE_LINES and rel not in DATA_TABLES:
            out.append(f"{rel}: {n} lines")
    return out


def long_functions(paths: dict[str, Path]) -> list[str]:
    """Functions (methods and nested ones too) longer than the limit, counted from `def` to their last line."""
    out = []
    for path in paths.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    out.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno} {node.name}: {n} lines")
    return out


# ---------------------------------------------------------------------------
# the checks are not blind
# ---------------------------------------------------------------------------
def test_the_rules_find_what_they_look_for():
    graph = {"figcheck.ingest.a": {"figcheck.compare.b", "figcheck.common.c"},
             "figcheck.compare.b": {"figcheck.wording.w"},
             "figcheck.wording.w": {"figcheck.charts.d", "figcheck.common.c"},
             "figcheck.common.c": {"figcheck.wording.w"},
             "figcheck.charts.d": {"figcheck.charts.e"}, "figcheck.charts.e": {"figcheck.charts.d"},
             "figcheck.extras.x": set()}
    assert direction_violations(graph) == [
        "figcheck.common.c imports figcheck.wording.w: common may import only common",
        "figcheck.extras.x: figcheck/extras/ has no place in the import rule",
        "figcheck.ingest.a imports figcheck.compare.b: compare is a later stage than ingest",
        "figcheck.wording.w imports figcheck.charts.d: wording may import only common and wording"]
    assert cycles(graph) == [["figcheck.charts.d", "figcheck.charts.e", "figcheck.charts.d"],
                             ["figcheck.common.c", "figcheck.wording.w", "figcheck.common.c"]]


def test_imports_are_read_in_every_form(tmp_path):
    module = tmp_path / "x.py"
    module.write_text("import figcheck.report\n"
                      "from .base import overlap\n"
                      "from ..common import paths\n"
                      "from figcheck.wording.numbers import format_amount\n"
                      "def later():\n"
                      "    from figcheck.charts import plan\n", encoding="utf-8")
    known = {"figcheck", "figcheck.report", "figcheck.compare", "figcheck.compare.base", "figcheck.common",
             "figcheck.common.paths", "figcheck.wording", "figcheck.wording.numbers", "figcheck.charts",
             "figcheck.charts.plan"}
    assert imported_modules("figcheck.compare.x", module, known) == {
        "figcheck.report", "figcheck.compare.base", "figcheck.common", "figcheck.common.paths",
        "figcheck.wording.numbers", "figcheck.charts", "figcheck.charts.plan"}


def test_the_import_graph_is_read():
    graph = import_graph()
    assert set(graph) >= {"figcheck", "figcheck.common.paths", "figcheck.report", "figcheck.evaluate.run"}
    assert "figcheck.common.paths" in graph["figcheck.common.params"]      # from figcheck.common.paths import ...
    assert "figcheck.wording.de" in graph["figcheck.wording"]              # from figcheck.wording import de (a module)
    assert "figcheck.wording.report" in graph["figcheck.report"]
    assert sum(len(t) for t in graph.values()) > 100


# ---------------------------------------------------------------------------
# the package
# ---------------------------------------------------------------------------
def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_imports_point_down_the_pipeline():
    assert direction_violations(import_graph()) == []


def test_modules_stay_short_except_the_data_tables():
    assert long_modules(package_modules()) == []


def test_functions_stay_short():
    assert long_functions(package_modules()) == []
