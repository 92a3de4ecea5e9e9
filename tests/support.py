"""Plain functions and constants shared by the test folders (compare, charts, common, wording).

Not fixtures: parametrized tests and module-level helpers call them directly, so the test files
import them from here (`from ..support import ...`). The fixtures built on them are in conftest.py.

- the hand-made fixture stories of tests/fixtures/compare/ (`build`, `story`) and the chart
  tables of tests/fixtures/charts/ (`load`): test material, see the README in each folder;
- one hand-made figure row (`fig`: no article text needed; `sfig`: a span inside its sentence)
  and the articles table for a list of files (`arts_for`);
- picking findings out of a comparison (`kinds`, `findings_of`, `checks`, `detail`).
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd

from figcheck.charts.style import CHART_TABLES
from figcheck.common.tables import read_table
from figcheck.compare.base import ComparisonResult
from figcheck.compare.story import compare_story

FIXTURES = Path(__file__).resolve().parent / "fixtures"
COMPARE_FIXTURES = FIXTURES / "compare"
CHART_FIXTURES = FIXTURES / "charts"

_spec = importlib.util.spec_from_file_location("compare_fixture_build", COMPARE_FIXTURES / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

BN, M = 1e9, 1e6
# an invented sentence with an amount and its conversions into two other currencies, in brackets
CONVERTED = "Quarry Group agreed to buy the mill for £1.3bn ($2.48bn; 1.88bn euros) on Monday."
# the default story's five articles
F0, F1, F2, F3, F4 = ("000_c4e7b7921a2cde72.txt", "001_6b933f934256e5b5.txt", "002_063d8c8ae8a83d5a.txt",
                      "003_f8a4403dadf464df.txt", "004_735e3cab86f0cf67.txt")


# ---------------------------------------------------------------------------
# the fixture stories
# ---------------------------------------------------------------------------
def story(name: str, **params) -> ComparisonResult:
    """A fixture story of tests/fixtures/compare/ (or the default story's hand-made figures), compared."""
    figs, arts = build.default_story() if name == "meta-scale-ai" else build.build_story(COMPARE_FIXTURES / name)
    return compare_story(figs, arts, params)


def load(story: str) -> dict:
    """The chart tables of tests/fixtures/charts/<story>/ (comparison, evidence, findings, figures, articles)."""
    return {n: read_table(CHART_FIXTURES / story / f"{n}.csv") for n in CHART_TABLES}


# ---------------------------------------------------------------------------
# hand-made rows
# ---------------------------------------------------------------------------
def fig(file, text, value, unit, qualifier, quantity, low=None, high=None, segment="body", sentence=None,
        outlet=""):
    """One hand-made figure row (no article text needed)."""
    if low is None and qualifier in ("exact", "lower"):
        low = value
    if high is None and qualifier in ("exact", "upper"):
        high = value
    return {"figure_id": f"{file}:{text}", "file": file, "outlet": outlet, "published": "", "language": "en",
            "start": 0, "end": len(text), "text": text, "value": value, "unit": unit, "qualifier": qualifier,
            "low": low, "high": high, "quantity": quantity, "segment": segment,
            "sentence": sentence if sentence is not None else f"{text}.", "sentence_start": 0}


FRAME_KEYS = ("measure", "holder", "object", "when", "frame", "measure_text", "verb", "part")


def frame_columns(sentence, start, end, language="en"):
    """The measure frame extraction reads for the figure at [start, end) of `sentence` (figures.csv's
    frame columns), so that hand-made figures are compared as extracted ones are."""
    from figcheck.extract.figures import extract_figures
    found = [f for f in extract_figures(sentence, language) if f["start"] < end and start < f["end"]]
    if not found:
        return {k: "" for k in FRAME_KEYS}
    best = max(found, key=lambda f: min(f["end"], end) - max(f["start"], start))
    return {k: best.get(k, "") for k in FRAME_KEYS}


def sfig(file, sentence, span, value, unit, quantity, qualifier="exact", offset=0, low=None, high=None,
         segment="body", language="en"):
    """A figure row for `span` inside `sentence`, which starts at character `offset` of the article,
    with the measure frame extraction reads for it there."""
    i = sentence.index(span)
    low = value if low is None and qualifier in ("exact", "lower") else low
    high = value if high is None and qualifier in ("exact", "upper") else high
    return {"figure_id": f"{file}:{offset + i}", "file": file, "outlet": "", "published": "", "language": language,
            "start": offset + i, "end": offset + i + len(span), "text": span, "value": value, "unit": unit,
            "qualifier": qualifier, "low": low, "high": high, "quantity": quantity, "segment": segment,
            "sentence": sentence, "sentence_start": offset, **frame_columns(sentence, i, i + len(span), language)}


def arts_for(files, language="en", outlets=None):
    """The articles table for `files` (outlets by file, none by default; no text)."""
    outlets = outlets or {}
    return pd.DataFrame([{"file": f, "outlet": outlets.get(f, ""), "published": "", "language": language,
                          "cites": "[]", "duplicate_of": "", "text": ""} for f in files])


# ---------------------------------------------------------------------------
# findings of a comparison
# ---------------------------------------------------------------------------
def kinds(res, kind, quantity=None) -> pd.DataFrame:
    """The findings of one kind (and one quantity, when given)."""
    f = res.findings
    f = f[f["kind"] == kind]
    return f if quantity is None else f[f["quantity"] == quantity]


def findings_of(res, *names):
    """The findings of any of the kinds `names`."""
    return res.findings[res.findings["kind"].isin(names)]


def checks(res, quantity="valuation"):
    """The derived checks of one quantity."""
    f = res.findings
    return f[(f["kind"] == "derived_check") & (f["quantity"] == quantity)]


def detail(row) -> dict:
    return json.loads(row["detail"])
