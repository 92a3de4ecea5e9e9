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
import pandas as pd
import pytest
import yaml

import helpers as common

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
NEW_STORY = ROOT / "scripts" / "new_story.py"
RUN_STORY = ROOT / "scripts" / "run_story.py"


def _load_script(path: Path):
    """A script of scripts/ as a module (scripts/ is not a package)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run_story = _load_script(RUN_STORY)


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


def test_run_story_without_a_usable_article_stops_in_notebook_01_with_one_line(scratch_story):
    make_story(scratch_story)
    (common.DATA_DIR / scratch_story / "articles" / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    proc = run(RUN_STORY, scratch_story, timeout=300)
    assert proc.returncode == 1
    line = one_clear_line(proc)
    assert line.startswith("make run: 01_ingest: ") and f"data/{scratch_story}/articles/" in line
    assert "scan.txt" in line and common.DEFAULT_STORY in line
    assert re.search(r"01_ingest\s+FAILED", proc.stdout) and "02_extract" not in proc.stdout


# ---------------------------------------------------------------------------
# The English test story end to end (data/test-en-chipdeal/: fictional test material).
# Zero configuration: no story.yaml, only articles/ and sources.csv.
# ---------------------------------------------------------------------------
CHIPDEAL = "test-en-chipdeal"
OUTLETS = {
    "001_tech-ledger.txt": ("The Tech Ledger", "2025-03-03"),
    "002_harbor-street-journal.txt": ("Harbor Street Journal", "2025-03-05"),
    "003_pacific-business-wire.txt": ("Pacific Business Wire", "2025-03-05"),
    "004_daily-circuit.txt": ("The Daily Circuit", "2025-03-06"),
    "005_morning-byte.txt": ("The Morning Byte", "2025-03-06"),
}
# (file prefix, a piece of the span, value, unit, qualifier, quantity or None = not checked).
# Every figure whose span contains the piece must read this way (headline and body alike).
CHIPDEAL_FIGURES = [
    ("001", "$900 million", 9e8, "USD", "approx", "deal_amount"),
    ("001", "40 percent", 40.0, "percent", "upper", "stake"),
    ("001", "1,400", 1400.0, "count", "approx", None),
    ("001", "2016", 2016.0, "year", "exact", None),
    ("002", "$1.2 billion", 1.2e9, "USD", "exact", "deal_amount"),
    ("002", "40%", 40.0, "percent", "exact", "stake"),
    ("002", "$3 billion", 3e9, "USD", "exact", "valuation"),
    ("002", "$1.8 billion", 1.8e9, "USD", "exact", "valuation"),
    ("002", "$450 million", 4.5e8, "USD", "approx", None),
    ("003", "$1.2 billion", 1.2e9, "USD", "approx", "deal_amount"),
    ("003", "40 percent", 40.0, "percent", "upper", "stake"),
    ("003", "$3 billion", 3e9, "USD", "approx", "valuation"),
    ("003", "$1.8 billion", 1.8e9, "USD", "exact", "valuation"),
    ("003", "1,400", 1400.0, "count", "upper", None),
    ("003", "$1 billion", 1e9, "USD", "lower", None),
    ("004", "$1.2 million", 1.2e6, "USD", "exact", "deal_amount"),
    ("004", "40%", 40.0, "percent", "exact", "stake"),
    ("005", "$1.5 billion", 1.5e9, "USD", "exact", "deal_amount"),
    ("005", "$1.2 billion", 1.2e9, "USD", "exact", "deal_amount"),
    ("005", "40 percent", 40.0, "percent", "exact", "stake"),
    ("005", "$3 billion", 3e9, "USD", "exact", "valuation"),
    ("005", "$1 billion", 1e9, "USD", "lower", "deal_amount"),
]
NOT_FIGURES = ["X2", "9:30", "8:00", "555", "(512)"]


def _close(a, b, rel=0.01) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= rel * abs(float(b))


def _num(value):
    try:
        return None if value in ("", None) else float(value)
    except (TypeError, ValueError):
        return None


def _json(value, default):
    try:
        parsed = json.loads(value) if isinstance(value, str) and value.strip() else default
    except ValueError:
        return default
    return parsed


def _findings(paths, kind: str) -> list[dict]:
    rows = common.read_table(paths.out("findings.csv")).to_dict("records")
    out = []
    for row in rows:
        if row["kind"] != kind:
            continue
        row = dict(row, files=_json(row.get("files"), []), values=[_num(v) for v in _json(row.get("values"), [])],
                   detail=_json(row.get("detail"), {}), evidence=_json(row.get("evidence"), []))
        out.append(row)
    return out


def _svg_title(svg: Path) -> str:
    """The chart's title as drawn: the text of the SVG group with id chart-title."""
    group = re.search(r'<g id="chart-title">(.*?)</g>', svg.read_text(encoding="utf-8"), re.S)
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", group.group(1))).strip() if group else ""


def _run_story(name: str) -> subprocess.CompletedProcess:
    return run(RUN_STORY, name, timeout=1200)


@pytest.fixture(scope="module")
def chipdeal():
    """One full run of the English test story (module-scoped: the assertions below share it)."""
    proc = _run_story(CHIPDEAL)
    return proc, common.story_paths(CHIPDEAL)


@pytest.mark.slow
def test_chipdeal_runs_with_progress_lines(chipdeal):
    proc, paths = chipdeal
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    notebooks = sorted(p.stem for p in common.NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    assert len(notebooks) == 4
    for stem in notebooks:
        assert re.search(rf"^\s+{re.escape(stem)}\s+ok\s+\d+\.\d s$", proc.stdout, re.M), proc.stdout
        assert (paths.notebooks / f"{stem}.ipynb").exists()
    assert re.search(r"^\s+report\.html\s+ok\s+\d+\.\d s$", proc.stdout, re.M)
    assert f"Outputs in output/{CHIPDEAL}/" in proc.stdout and f"output/{CHIPDEAL}/report.html" in proc.stdout


@pytest.mark.slow
def test_chipdeal_articles(chipdeal):
    _proc, paths = chipdeal
    articles = common.read_table(paths.out("articles.csv")).set_index("file")
    assert sorted(articles.index) == sorted(OUTLETS)
    for file, (outlet, published) in OUTLETS.items():
        assert articles.loc[file, "outlet"] == outlet
        assert articles.loc[file, "published"] == published
        assert articles.loc[file, "language"] == "en"
        text = articles.loc[file, "text"]
        for promo in ("Read more", "newsletter", "Advertisement", "Subscribe to", "Sign up", "Follow ", "Share it"):
            assert promo.lower() not in text.lower(), (file, promo)
    assert "Reuters" in _json(articles.loc["001_tech-ledger.txt", "cites"], [])
    assert {"Reuters", "Financial Times"} <= set(_json(articles.loc["003_pacific-business-wire.txt", "cites"], []))
    assert "Bloomberg" in _json(articles.loc["004_daily-circuit.txt", "cites"], [])


@pytest.mark.slow
@pytest.mark.parametrize("prefix, piece, value, unit, qualifier, quantity", CHIPDEAL_FIGURES)
def test_chipdeal_figures(chipdeal, prefix, piece, value, unit, qualifier, quantity):
    _proc, paths = chipdeal
    figures = common.read_table(paths.out("figures.csv"))
    rows = figures[figures["file"].str.startswith(prefix) & figures["text"].str.contains(piece, regex=False)]
    assert len(rows), f"{prefix}: no figure with {piece!r}"
    articles = common.read_table(paths.out("articles.csv")).set_index("file")
    for row in rows.to_dict("records"):
        assert articles.loc[row["file"], "text"][int(row["start"]):int(row["end"])] == row["text"]
        assert _close(row["value"], value), row
        assert (row["unit"], row["qualifier"]) == (unit, qualifier), row
        if qualifier == "lower":
            assert _close(row["low"], value), row
        if qualifier == "upper":
            assert _close(row["high"], value), row
        if quantity:
            assert row["quantity"] == quantity, row


@pytest.mark.slow
def test_chipdeal_number_bearing_non_figures_are_not_figures(chipdeal):
    _proc, paths = chipdeal
    figures = common.read_table(paths.out("figures.csv"))
    for piece in NOT_FIGURES:
        hits = figures[figures["text"].str.contains(piece, regex=False)]
        assert hits.empty, (piece, hits[["file", "text", "unit"]].to_dict("records"))
    # "more than $1 billion a year on AI hardware" is spending and "$450 million" an order backlog:
    # neither may join the deal amount, the valuation or the stake
    spending = figures[figures["file"].str.startswith("003") & figures["text"].str.contains("$1 billion", regex=False)]
    backlog = figures[figures["text"].str.contains("$450 million", regex=False)]
    assert len(spending) == 1 and len(backlog) == 2
    for row in pd.concat([spending, backlog]).to_dict("records"):
        assert row["quantity"] not in ("deal_amount", "valuation", "stake"), row


@pytest.mark.slow
def test_chipdeal_consensus(chipdeal):
    _proc, paths = chipdeal
    comparison = common.read_table(paths.out("comparison.csv"))
    deal = comparison[(comparison["quantity"] == "deal_amount") & (comparison["unit"] == "USD")].iloc[0]
    assert _num(deal["consensus_low"]) <= 1.2e9 <= _num(deal["consensus_high"])
    assert _num(deal["consensus_high"]) < 1.5e9 and int(deal["n_outlets"]) >= 4
    assert _close(deal["min"], 1.2e6)
    stake = comparison[(comparison["quantity"] == "stake") & (comparison["unit"] == "percent")].iloc[0]
    assert _num(stake["consensus_low"]) <= 40 <= _num(stake["consensus_high"]) and stake["status"] == "agreed"
    consensus = {f["quantity"] for f in _findings(paths, "consensus")}
    assert {"deal_amount", "stake"} <= consensus


@pytest.mark.slow
def test_chipdeal_outlier_is_a_scale_slip(chipdeal):
    _proc, paths = chipdeal
    outliers = [f for f in _findings(paths, "outlier") if f["quantity"] == "deal_amount"]
    # `files` lists every article the finding quotes (the outlier and the consensus it departs from)
    slip = [f for f in outliers if f["detail"].get("outlier_file") == "004_daily-circuit.txt"]
    assert len(slip) == 1, outliers
    slip = slip[0]
    assert slip["severity"] == "high"
    assert "scale" in json.dumps(slip["detail"]).lower()
    assert 900 <= float(slip["detail"]["factor"]) <= 1100
    assert "The Daily Circuit" in slip["message"] and "$1.2 million" in slip["message"]
    assert any(e.get("text", "").endswith("$1.2 million") for e in slip["evidence"])
    # the early talks-stage figure of 001 is not called an outlier
    assert not [f for f in outliers if f["detail"].get("outlier_file") == "001_tech-ledger.txt"]


@pytest.mark.slow
def test_chipdeal_self_contradiction_headline_against_body(chipdeal):
    _proc, paths = chipdeal
    found = [f for f in _findings(paths, "self_contradiction") if f["files"] == ["005_morning-byte.txt"]]
    assert len(found) == 1, _findings(paths, "self_contradiction")
    assert any(_close(v, 1.5e9) for v in found[0]["values"]) and any(_close(v, 1.2e9) for v in found[0]["values"])
    assert "$1.5 billion" in found[0]["message"] and "$1.2 billion" in found[0]["message"]
    # only the article that contradicts itself
    assert all(f["files"] == ["005_morning-byte.txt"] for f in _findings(paths, "self_contradiction"))


@pytest.mark.slow
def test_chipdeal_early_figure_and_progression(chipdeal):
    _proc, paths = chipdeal
    evidence = common.read_table(paths.out("evidence.csv"))
    early = evidence[(evidence["file"] == "001_tech-ledger.txt") & (evidence["quantity"] == "deal_amount")]
    assert len(early) and set(early["stage"]) == {"early"}
    past = evidence[(evidence["quantity"] == "valuation") & evidence["text"].str.contains("$1.8 billion", regex=False)]
    assert len(past) and set(past["stage"]) == {"past"}
    progressions = _findings(paths, "progression")
    assert any(f["quantity"] == "valuation" and any(_close(v, 1.8e9) for v in f["values"])
               and any(_close(v, 3e9) for v in f["values"]) for f in progressions), progressions


@pytest.mark.slow
def test_chipdeal_derived_check(chipdeal):
    _proc, paths = chipdeal
    checks = [f for f in _findings(paths, "derived_check") if f["quantity"] == "valuation"]
    assert checks, _findings(paths, "derived_check")
    assert any(_close(f["detail"].get("implied"), 3e9) and _close(f["detail"].get("reported"), 3e9)
               for f in checks), checks


@pytest.mark.slow
def test_chipdeal_attribution(chipdeal):
    _proc, paths = chipdeal
    found = _findings(paths, "attribution")
    text = json.dumps(found, ensure_ascii=False)
    for source in ("Reuters", "Financial Times", "Bloomberg"):
        assert source in text, source
    reuters = [f for f in found if "Reuters" in json.dumps(f["detail"]) + f["message"]]
    # Reuters is the shared upstream source of 001 and 003 (and 005 cites the Tech Ledger's Reuters report)
    assert any({"001_tech-ledger.txt", "003_pacific-business-wire.txt"} <= set(f["files"]) for f in reuters), reuters


@pytest.mark.slow
def test_chipdeal_charts(chipdeal):
    _proc, paths = chipdeal
    pngs = sorted(paths.charts.glob("*.png"))
    assert len(pngs) >= 2
    titles = []
    for png in pngs:
        assert png.stat().st_size > 5000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        svg, alt, csv = png.with_suffix(".svg"), png.with_suffix(".txt"), png.with_suffix(".csv")
        assert svg.exists() and alt.exists() and csv.exists(), png
        assert len(alt.read_text(encoding="utf-8").strip()) > 30, alt
        assert len(common.read_table(csv)), csv
        title = _svg_title(svg)
        assert len(title) > 10, svg
        titles.append(title)
    alts = " ".join(p.with_suffix(".txt").read_text(encoding="utf-8") for p in pngs)
    assert "The Daily Circuit" in alts
    # the deal's dot plot states the finding: the scale slip of The Daily Circuit
    assert any("Daily Circuit" in t for t in titles), titles


@pytest.mark.slow
def test_chipdeal_report(chipdeal):
    _proc, paths = chipdeal
    page = paths.out("report.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert page.count("<img ") == len(list(paths.charts.glob("*.png"))) >= 2
    assert page.count('class="finding"') == len(common.read_table(paths.out("findings.csv")))
    assert "<mark>$1.2 million</mark>" in page
    for outlet, _date in OUTLETS.values():
        assert outlet in page
    assert '<html lang="en">' in page and f"make run STORY={CHIPDEAL}" in page
    # re-building from the same tables gives the same bytes
    import helpers
    assert helpers.build_report_html(paths, common.load_story(CHIPDEAL)) == page


@pytest.fixture(scope="module")
def chipdeal_tuned():
    """A copy of the test story with a story.yaml whose parameters change the results."""
    name = f"test-tmp-tuned-{uuid.uuid4().hex[:6]}"
    data = common.DATA_DIR / name
    shutil.copytree(common.DATA_DIR / CHIPDEAL, data)
    (data / "story.yaml").write_text(
        'title: "Test: what did Norvane pay for Quillon?"\n'
        "language: en\n"
        "exclude: [004_daily-circuit.txt]\n"
        'outlets: {"002_harbor-street-journal.txt": "HSJ Markets"}\n'
        "quantities:\n  order_backlog: {cues: [backlog], unit: USD, label: Order backlog}\n",
        encoding="utf-8")
    try:
        yield _run_story(name), common.story_paths(name)
    finally:
        shutil.rmtree(data, ignore_errors=True)
        shutil.rmtree(common.OUTPUT_DIR / name, ignore_errors=True)


@pytest.mark.slow
def test_story_parameters_change_results_as_documented(chipdeal_tuned):
    proc, paths = chipdeal_tuned
    assert proc.returncode == 0, proc.stdout + proc.stderr
    articles = common.read_table(paths.out("articles.csv")).set_index("file")
    assert "004_daily-circuit.txt" not in articles.index and len(articles) == 4  # exclude
    assert articles.loc["002_harbor-street-journal.txt", "outlet"] == "HSJ Markets"  # outlets
    assert articles.loc["002_harbor-street-journal.txt", "outlet_from"] == "parameter"
    figures = common.read_table(paths.out("figures.csv"))
    backlog = figures[figures["text"].str.contains("$450 million", regex=False)]
    assert len(backlog) == 2 and set(backlog["quantity"]) == {"order_backlog"}  # quantities
    assert "004_daily-circuit.txt" not in set(figures["file"])
    assert not [f for f in _findings(paths, "outlier") if f["quantity"] == "deal_amount"
                and "scale" in json.dumps(f["detail"]).lower()]
    page = paths.out("report.html").read_text(encoding="utf-8")
    assert "<h1>Test: what did Norvane pay for Quillon?</h1>" in page  # title
    assert "HSJ Markets" in page and "The Daily Circuit" not in page.split('<section id="articles">')[1]


@pytest.mark.slow
def test_zero_configuration_articles_only(scratch_story):
    """A folder with nothing but articles/: outlets and dates come from the source lines in the text."""
    data = common.DATA_DIR / scratch_story
    shutil.copytree(common.DATA_DIR / CHIPDEAL / "articles", data / "articles")
    proc = _run_story(scratch_story)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    paths = common.story_paths(scratch_story)
    for name in ("articles.csv", "figures.csv", "comparison.csv", "findings.csv", "report.html"):
        assert paths.out(name).exists(), name
    assert list(paths.charts.glob("*.png"))
    articles = common.read_table(paths.out("articles.csv")).set_index("file")
    found = {f: (articles.loc[f, "outlet"], articles.loc[f, "published"]) for f in OUTLETS}
    assert found == OUTLETS


# ---------------------------------------------------------------------------
# The German test story (data/test-de-akkudeal/: fictional test material), articles only.
# ---------------------------------------------------------------------------
AKKUDEAL = "test-de-akkudeal"
AKKUDEAL_FIGURES = [
    ("001", "zwei Milliarden Euro", 2e9, "EUR", "lower", "deal_amount"),
    ("001", "3.200", 3200.0, "count", "approx", None),
    ("002", "2,5 Milliarden Euro", 2.5e9, "EUR", "exact", "deal_amount"),
    ("002", "51 Prozent", 51.0, "percent", "exact", "stake"),
    ("002", "4,9 Milliarden Euro", 4.9e9, "EUR", "upper", "valuation"),
    ("002", "3 Milliarden Euro", 3e9, "EUR", "exact", "valuation"),
    ("003", "250 Millionen Euro", 2.5e8, "EUR", "exact", "deal_amount"),
    ("003", "51-prozentigen", 51.0, "percent", "exact", "stake"),
    ("004", "2,5 Mrd. Euro", 2.5e9, "EUR", "approx", "deal_amount"),
    ("004", "4,9 Milliarden Euro", 4.9e9, "EUR", "approx", "valuation"),
]


@pytest.fixture(scope="module")
def akkudeal():
    proc = _run_story(AKKUDEAL)
    return proc, common.story_paths(AKKUDEAL)


@pytest.mark.slow
def test_akkudeal_runs_with_no_configuration(akkudeal):
    proc, paths = akkudeal
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not paths.story_yaml.exists() and not paths.sources_csv.exists()
    articles = common.read_table(paths.out("articles.csv")).set_index("file")
    assert set(articles["language"]) == {"de"}
    assert articles.loc["002_rheinische-handelszeitung.txt", "outlet"] == "Rheinische Handelszeitung"
    assert articles.loc["002_rheinische-handelszeitung.txt", "published"] == "2025-04-03"
    assert articles.loc["003_finanzecho.txt", "outlet"] == "Finanzecho"
    assert "dpa" in _json(articles.loc["003_finanzecho.txt", "cites"], [])
    assert "Handelsblatt" in _json(articles.loc["002_rheinische-handelszeitung.txt", "cites"], [])


@pytest.mark.slow
@pytest.mark.parametrize("prefix, piece, value, unit, qualifier, quantity", AKKUDEAL_FIGURES)
def test_akkudeal_figures(akkudeal, prefix, piece, value, unit, qualifier, quantity):
    _proc, paths = akkudeal
    figures = common.read_table(paths.out("figures.csv"))
    rows = figures[figures["file"].str.startswith(prefix) & figures["text"].str.contains(piece, regex=False)]
    assert len(rows), f"{prefix}: no figure with {piece!r}"
    for row in rows.to_dict("records"):
        assert _close(row["value"], value) and (row["unit"], row["qualifier"]) == (unit, qualifier), row
        if quantity:
            assert row["quantity"] == quantity, row
    assert figures[figures["text"].str.contains("V7|15:30|7 Uhr", regex=True)].empty


@pytest.mark.slow
def test_akkudeal_findings_and_german_report(akkudeal):
    _proc, paths = akkudeal
    slips = [f for f in _findings(paths, "outlier") if f["detail"].get("outlier_file") == "003_finanzecho.txt"]
    assert len(slips) == 1 and 9 <= float(slips[0]["detail"]["factor"]) <= 11, slips
    assert "250 Millionen Euro" in slips[0]["message"]
    assert any(_close(f["detail"].get("implied"), 4.9e9, rel=0.02) for f in _findings(paths, "derived_check"))
    page = paths.out("report.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in page and ">Befunde</h2>" in page and "make run STORY=test-de-akkudeal" in page
    assert "<mark>250 Millionen Euro</mark>" in page
