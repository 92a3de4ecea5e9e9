"""Which charts a story gets (chart_plan) and drawing them all (make_charts), each as a Chart with
its name, kind, texts, figure and data."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from figcheck.charts.citations import chart_citations, citations_data
from figcheck.charts.dotplot import chart_dotplot, chart_evidence
from figcheck.charts.names import findings, outlet_map
from figcheck.charts.overview import chart_overview, overview_data
from figcheck.charts.progression import chart_progression, progression_data
from figcheck.charts.style import PROGRESSION_STEPS, QUANTITY_CHARTS
from figcheck.charts.tables import chart_table
from figcheck.common.language import story_language
from figcheck.common.tables import cell_text, cell_float


# ---------------------------------------------------------------------------
# All charts of a story, and saving them
# ---------------------------------------------------------------------------
@dataclass
class Chart:
    """One chart ready to save: its file name stem, kind, quantity, texts, figure and data (and, once
    saved, its PNG's bytes)."""
    name: str
    kind: str
    quantity: str
    title: str
    subtitle: str
    source: str
    alt: str
    figure: Figure
    data: pd.DataFrame
    png: bytes = b""          # the saved PNG, once save_charts has written it (for the notebook's preview)


def _slug(s: str) -> str:
    """A file-name-safe version of a quantity name."""
    return re.sub(r"[^a-z0-9_]+", "_", s.lower()).strip("_") or "quantity"


def chart_plan(tables: dict, cap: int = QUANTITY_CHARTS) -> list[tuple[str, str, str, str]]:
    """Which charts a story gets: [(name, kind, quantity, unit)], in reading order.

    overview (when anything was compared), one chart for each compared quantity that several
    outlets report (a progression chart when it moved over time in at most PROGRESSION_STEPS
    reported values, else a dot plot), the most important finding first and at most `cap` of
    them, and who-cites-whom when any outlet names a source.
    """
    return chart_selection(tables, cap)["plan"]


def chart_selection(tables: dict, cap: int = QUANTITY_CHARTS) -> dict:
    """The chart plan and what the cap left out: {plan, cap, drawn, candidates, left_out}.

    `candidates` counts the quantities that would get a chart of their own without the cap,
    `drawn` those that get one, `left_out` names the others (quantity, unit), in rank order.
    """
    comp = chart_table(tables, "comparison")
    recs = [c for c in comp.to_dict("records") if cell_text(c.get("quantity")) not in ("", "unclassified")]
    ranks = {}
    for f in _findings_all(tables):
        ranks.setdefault(cell_text(f.get("quantity")), cell_float(f.get("rank")))
    recs.sort(key=lambda c: (ranks.get(cell_text(c.get("quantity")), 1e9), cell_text(c.get("quantity"))))
    units: dict[str, list] = {}
    for c in recs:
        units.setdefault(c["quantity"], []).append(c["unit"])
    plan = [("overview", "overview", "", "")] if overview_data(tables)["ratio"].notna().any() else []
    # a progression belongs to one quantity in one unit: the dollar figures' change over time
    # says nothing about the pound figures of the same quantity
    progression = {(cell_text(f.get("quantity")), cell_text(f.get("unit")))
                   for f in findings(tables, "progression")}
    drawn, left_out = 0, []
    for c in recs:
        q, u = cell_text(c.get("quantity")), cell_text(c.get("unit"))
        kind = _chart_kind(tables, c, (q, u) in progression)
        if not kind:
            continue
        if drawn >= cap:
            left_out.append((q, u))
            continue
        stem = _slug(q) + (f"_{_slug(u)}" if len(units[q]) > 1 else "")
        plan.append((f"{'progression' if kind == 'progression' else 'dots'}_{stem}", kind, q, u))
        drawn += 1
    if not citations_data(tables, "en").empty:
        plan.append(("citations", "citations", "", ""))
    return {"plan": plan, "cap": cap, "drawn": drawn, "candidates": drawn + len(left_out), "left_out": left_out}


def _chart_kind(tables: dict, comp: dict, in_progression: bool) -> str:
    """'progression', 'dotplot' or '' (no chart of its own) for one comparison row."""
    q, u = cell_text(comp.get("quantity")), cell_text(comp.get("unit"))
    if cell_text(comp.get("status")) == "progression" or in_progression:
        reported = progression_data(tables, q, u or None)
        values = reported[reported["kind"] == "reported"]["value"]
        if values.nunique() >= 2 and len(values) <= PROGRESSION_STEPS:
            return "progression"
    if _n_outlets(tables, q, u) >= 2:
        return "dotplot"
    return ""


def _n_outlets(tables: dict, quantity: str, unit: str) -> int:
    """How many outlets a dot plot of the quantity would show (without drawing it)."""
    outlets = outlet_map(tables, "en")
    return len({outlets.get(cell_text(r.get("file")), cell_text(r.get("file")))
                for r in chart_evidence(tables, quantity, unit or None)})


def _findings_all(tables: dict) -> list[dict]:
    """All findings rows in rank order (raw cells)."""
    df = chart_table(tables, "findings")
    if df.empty or "rank" not in df.columns:
        return []
    return sorted(df.to_dict("records"), key=lambda r: cell_float(r.get("rank")))


def make_charts(tables: dict, language: str = "auto", selection: dict | None = None) -> list[Chart]:
    """Draw every chart of chart_plan(tables) (or of `selection`, chart_selection's result) in the
    story's language."""
    lang = story_language(chart_table(tables, "articles"), language)
    charts = []
    for name, kind, quantity, unit in (selection or chart_selection(tables))["plan"]:
        if kind == "overview":
            fig, data = chart_overview(tables, lang)
        elif kind == "dotplot":
            fig, data = chart_dotplot(tables, quantity, unit or None, lang)
        elif kind == "progression":
            fig, data = chart_progression(tables, quantity, unit or None, lang)
        else:
            fig, data = chart_citations(tables, lang)
        data.attrs["name"] = name
        a = data.attrs
        charts.append(Chart(name, kind, quantity, a["title"], a["subtitle"], a["source"], a["alt"], fig, data))
    return charts
