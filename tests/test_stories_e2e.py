"""End to end: whole stories through the pipeline.

- the default story in memory: ingest -> extract -> compare (nothing written), the comparison's
  headline results on the figures the real extraction finds — so a change in ingestion or extraction
  that breaks one fails here;
- the English test story (data/test-en-chipdeal/) through `make run` (papermill, scripts/run_story.py):
  zero configuration, then with a story.yaml whose parameters change the results, then articles only;
- the German test story (data/test-de-akkudeal/), articles only.
The test stories are fictional test material written by us (each folder's README says so). The
papermill runs are marked slow.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pandas as pd
import pytest

from figcheck.common.params import load_story
from figcheck.common.paths import DATA_DIR, NOTEBOOK_DIR, OUTPUT_DIR, story_paths
from figcheck.common.tables import read_table
from figcheck.compare.story import compare_story
from figcheck.extract.table import extract_story_figures
from figcheck.ingest.story import ingest_story
from figcheck.report import build_report_html

from .scripts.support import RUN_STORY, run


# ---------------------------------------------------------------------------
# the default story in memory: ingest -> extract -> compare
# ---------------------------------------------------------------------------
BN = 1e9

F000, F001, F002, F003, F004 = ("000_c4e7b7921a2cde72.txt", "001_6b933f934256e5b5.txt", "002_063d8c8ae8a83d5a.txt",
                                "003_f8a4403dadf464df.txt", "004_735e3cab86f0cf67.txt")


@pytest.fixture(scope="module")
def real():
    params = load_story("meta-scale-ai")
    paths = story_paths("meta-scale-ai")
    articles = ingest_story(paths, params).articles
    figures = extract_story_figures(articles, params)
    return compare_story(figures, articles, params)


def _kind(res, kind, quantity=None):
    f = res.findings[res.findings["kind"] == kind]
    return f if quantity is None else f[f["quantity"] == quantity]


def test_deal_amount_consensus_and_the_early_bound(real):
    row = real.comparison.set_index(["quantity", "unit"]).loc[("deal_amount", "USD")]
    assert (row["consensus_low"], row["consensus_high"]) == (14.3 * BN, 15 * BN)
    assert json.loads(row["agree"]) == [F001, F002, F003]
    assert json.loads(row["compatible"]) == [F004]
    ev = real.evidence[(real.evidence["file"] == F004) & (real.evidence["quantity"] == "deal_amount")]
    assert set(ev["verdict"]) == {"compatible"}          # the headline "$10B" too
    claim = ev[ev["role"] == "claim"].iloc[0]
    assert claim["text"].startswith("über 10 Milliarden") and claim["stage"] == "early"


def test_finanzen_outlier_and_self_contradiction(real):
    out = _kind(real, "outlier", "deal_amount")
    assert len(out) == 1
    d = json.loads(out.iloc[0]["detail"])
    assert d["outlier_file"] == F000 and 14 <= d["factor"] <= 15
    sc = _kind(real, "self_contradiction", "deal_amount")
    assert len(sc) == 1 and json.loads(sc.iloc[0]["files"]) == [F000]
    assert "rund eine Milliarde" in sc.iloc[0]["message"]
    bad = real.findings[real.findings["kind"].isin(["outlier", "contradiction", "self_contradiction"])]
    assert all(F004 not in json.loads(files) or len(json.loads(files)) > 1 for files in bad["files"])


def test_stake_agrees(real):
    row = real.comparison.set_index("quantity").loc["stake"]
    assert row["status"] == "agreed" and row["consensus_low"] == 49 and json.loads(row["contradict"]) == []
    assert "fast die Hälfte" in _kind(real, "consensus", "stake").iloc[0]["message"]


def test_implied_valuation(real):
    checks = [json.loads(d) for d in _kind(real, "derived_check", "valuation")["detail"]]
    same = [d for d in checks if d["result_from"] == "same article" and d["consistent"]]
    assert same and same[0]["implied"] == pytest.approx(29.18 * BN, rel=1e-3) and same[0]["reported"] == 29 * BN


def test_valuation_progression(real):
    assert real.comparison.set_index("quantity").loc["valuation", "status"] == "progression"
    seq = json.loads(_kind(real, "progression", "valuation").iloc[0]["detail"])["sequence"]
    assert [s["value"] for s in seq] == [14 * BN, 25 * BN, 29 * BN]
    assert _kind(real, "contradiction", "valuation").empty and _kind(real, "outlier", "valuation").empty


def test_cited_sources(real):
    att = _kind(real, "attribution")
    sources = {json.loads(r["files"])[0]: json.loads(r["detail"])["sources"] for _, r in att.iterrows()
               if not r["quantity"]}
    assert "Bloomberg" in sources[F004]
    assert {"Handelsblatt", "N-TV", "Golem"} <= set(sources[F001])


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
    ("003", "$1.8 billion", 1.8e9, "USD", "exact", "valuation__before"),  # "up from": the earlier value
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
    rows = read_table(paths.out("findings.csv")).to_dict("records")
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
    return proc, story_paths(CHIPDEAL)


@pytest.mark.slow
def test_chipdeal_runs_with_progress_lines(chipdeal):
    proc, paths = chipdeal
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    notebooks = sorted(p.stem for p in NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    assert len(notebooks) == 4
    for stem in notebooks:
        assert re.search(rf"^\s+{re.escape(stem)}\s+ok\s+\d+\.\d s$", proc.stdout, re.M), proc.stdout
        assert (paths.notebooks / f"{stem}.ipynb").exists()
    assert re.search(r"^\s+report\.html\s+ok\s+\d+\.\d s$", proc.stdout, re.M)
    assert f"Outputs in output/{CHIPDEAL}/" in proc.stdout and f"output/{CHIPDEAL}/report.html" in proc.stdout


@pytest.mark.slow
def test_chipdeal_articles(chipdeal):
    _proc, paths = chipdeal
    articles = read_table(paths.out("articles.csv")).set_index("file")
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
    figures = read_table(paths.out("figures.csv"))
    rows = figures[figures["file"].str.startswith(prefix) & figures["text"].str.contains(piece, regex=False)]
    assert len(rows), f"{prefix}: no figure with {piece!r}"
    articles = read_table(paths.out("articles.csv")).set_index("file")
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
    figures = read_table(paths.out("figures.csv"))
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
    comparison = read_table(paths.out("comparison.csv"))
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
    evidence = read_table(paths.out("evidence.csv"))
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
        assert len(read_table(csv)), csv
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
    assert page.count('class="finding"') == len(read_table(paths.out("findings.csv")))
    assert "<mark>$1.2 million</mark>" in page
    for outlet, _date in OUTLETS.values():
        assert outlet in page
    assert '<html lang="en">' in page and f"make run STORY={CHIPDEAL}" in page
    # re-building from the same tables gives the same bytes
    assert build_report_html(paths, load_story(CHIPDEAL)) == page


@pytest.fixture(scope="module")
def chipdeal_tuned():
    """A copy of the test story with a story.yaml whose parameters change the results."""
    name = f"test-tmp-tuned-{uuid.uuid4().hex[:6]}"
    data = DATA_DIR / name
    shutil.copytree(DATA_DIR / CHIPDEAL, data)
    (data / "story.yaml").write_text(
        'title: "Test: what did Norvane pay for Quillon?"\n'
        "language: en\n"
        "exclude: [004_daily-circuit.txt]\n"
        'outlets: {"002_harbor-street-journal.txt": "HSJ Markets"}\n'
        "quantities:\n  order_backlog: {cues: [backlog], unit: USD, label: Order backlog}\n",
        encoding="utf-8")
    try:
        yield _run_story(name), story_paths(name)
    finally:
        shutil.rmtree(data, ignore_errors=True)
        shutil.rmtree(OUTPUT_DIR / name, ignore_errors=True)


@pytest.mark.slow
def test_story_parameters_change_results_as_documented(chipdeal_tuned):
    proc, paths = chipdeal_tuned
    assert proc.returncode == 0, proc.stdout + proc.stderr
    articles = read_table(paths.out("articles.csv")).set_index("file")
    assert "004_daily-circuit.txt" not in articles.index and len(articles) == 4  # exclude
    assert articles.loc["002_harbor-street-journal.txt", "outlet"] == "HSJ Markets"  # outlets
    assert articles.loc["002_harbor-street-journal.txt", "outlet_from"] == "parameter"
    figures = read_table(paths.out("figures.csv"))
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
    data = DATA_DIR / scratch_story
    shutil.copytree(DATA_DIR / CHIPDEAL / "articles", data / "articles")
    proc = _run_story(scratch_story)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    paths = story_paths(scratch_story)
    for name in ("articles.csv", "figures.csv", "comparison.csv", "findings.csv", "report.html"):
        assert paths.out(name).exists(), name
    assert list(paths.charts.glob("*.png"))
    articles = read_table(paths.out("articles.csv")).set_index("file")
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
    return proc, story_paths(AKKUDEAL)


@pytest.mark.slow
def test_akkudeal_runs_with_no_configuration(akkudeal):
    proc, paths = akkudeal
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not paths.story_yaml.exists() and not paths.sources_csv.exists()
    articles = read_table(paths.out("articles.csv")).set_index("file")
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
    figures = read_table(paths.out("figures.csv"))
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


# ---------------------------------------------------------------------------
# folders that are not one story, through `make run` (invented articles: tests/fixtures/offstory/)
# ---------------------------------------------------------------------------
OFFSTORY = Path(__file__).resolve().parent / "fixtures" / "offstory"


def _copy_articles(story: str, *sources: Path) -> None:
    folder = DATA_DIR / story / "articles"
    folder.mkdir(parents=True)
    for src in sources:
        for f in sorted(src.glob("*.txt")):
            shutil.copy(f, folder / f.name)


@pytest.mark.slow
def test_a_mixed_folder_keeps_the_storys_findings_and_marks_the_strays(scratch_story):
    _copy_articles(scratch_story, DATA_DIR / "test-de-akkudeal" / "articles", OFFSTORY / "de-unrelated")
    proc = _run_story(scratch_story)
    assert proc.returncode == 0, proc.stderr
    paths = story_paths(scratch_story)
    report = read_table(paths.out("ingest_report.csv"))
    strays = {"11_kreisbote.txt", "12_tierpark-zeitung.txt", "13_radsport-echo.txt"}
    assert set(report.loc[report["status"] == "off_story", "file"]) == strays
    findings = read_table(paths.out("findings.csv"))
    assert len(findings) > 0
    files = {f for cell in findings["files"] for f in json.loads(cell)}
    assert files and not files & strays
    # the story's own findings are those of the story alone
    alone = f"{scratch_story}-alone"
    try:
        _copy_articles(alone, DATA_DIR / "test-de-akkudeal" / "articles")
        assert _run_story(alone).returncode == 0
        assert sorted(read_table(story_paths(alone).out("findings.csv"))["message"]) == sorted(findings["message"])
    finally:
        shutil.rmtree(DATA_DIR / alone, ignore_errors=True)
        shutil.rmtree(OUTPUT_DIR / alone, ignore_errors=True)
    page = paths.out("report.html").read_text(encoding="utf-8")
    assert "Weggelassene Artikel: nicht Teil der Geschichte" in page and "11_kreisbote.txt" in page


@pytest.mark.slow
def test_a_folder_of_unrelated_articles_stops_with_one_sentence(scratch_story):
    _copy_articles(scratch_story, OFFSTORY / "en-unrelated")
    proc = _run_story(scratch_story)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"04_narrative_charts\s+ok", proc.stdout)
    paths = story_paths(scratch_story)
    sentence = ("The 6 articles in this folder do not tell one story — too few of them share names, measure "
                "words or figures — so nothing is compared (the parameter include keeps articles that belong "
                "together).")
    assert read_table(paths.out("findings.csv")).empty and read_table(paths.out("comparison.csv")).empty
    assert set(read_table(paths.out("ingest_report.csv"))["status"]) == {"off_story"}
    nb03 = json.loads((paths.notebooks / "03_compare_sources.ipynb").read_text(encoding="utf-8"))
    printed = ["".join(o.get("text", "")) for c in nb03["cells"] for o in c.get("outputs", [])]
    assert sentence + "\n" in printed                      # the findings cell prints the sentence alone
    assert not list(paths.charts.glob("*.png"))
    page = paths.out("report.html").read_text(encoding="utf-8")
    assert sentence in page and "the articles do not tell one story" in page
