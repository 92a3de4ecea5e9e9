"""Which charts a story gets (chart_plan) and drawing them all (make_charts), each as a Chart with
its name, kind, texts, figure and data."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from figcheck.charts.citations import chart_citations, citations_data
from figcheck.charts.dotplot import chart_dotplot, dotplot_data
from figcheck.charts.names import findings
from figcheck.charts.overview import chart_overview, overview_data
from figcheck.charts.progression import chart_progression, progression_data
from figcheck.charts.tables import chart_table
from figcheck.common.language import story_language
from figcheck.common.tables import cell_text, cell_float


# ---------------------------------------------------------------------------
# All charts of a story, and saving them
# ---------------------------------------------------------------------------
@dataclass
class Chart:
    """One chart ready to save: its file name stem, kind, quantity, texts, figure and data."""
    name: str
    kind: str
    quantity: str
    title: str
    subtitle: str
    source: str
    alt: str
    figure: Figure
    data: pd.DataFrame


def _slug(s: str) -> str:
    """A file-name-safe version of a quantity name."""
    return re.sub(r"[^a-z0-9_]+", "_", s.lower()).strip("_") or "quantity"


def chart_plan(tables: dict) -> list[tuple[str, str, str, str]]:
    """Which charts a story gets: [(name, kind, quantity, unit)], in reading order.

    overview (when anything was compared), a dot plot for each compared quantity that is
    not a progression (most important finding first), a progression chart for each
    progression, and who-cites-whom when any outlet names a source.
    """
    comp = chart_table(tables, "comparison")
    recs = [c for c in comp.to_dict("records") if cell_text(c.get("quantity")) not in ("", "unclassified")]
    ranks = {}
    for f in _findings_all(tables):
        ranks.setdefault(cell_text(f.get("quantity")), cell_float(f.get("rank")))
    recs.sort(key=lambda c: (ranks.get(cell_text(c.get("quantity")), 1e9), cell_text(c.get("quantity"))))
    units = {}
    for c in recs:
        units.setdefault(c["quantity"], []).append(c["unit"])
    plan = [("overview", "overview", "", "")] if overview_data(tables)["ratio"].notna().any() else []
    # a progression belongs to one quantity in one unit: the dollar figures' change over time
    # says nothing about the pound figures of the same quantity
    progression = {(cell_text(f.get("quantity")), cell_text(f.get("unit")))
                   for f in findings(tables, "progression")}
    for c in recs:
        q, u = cell_text(c.get("quantity")), cell_text(c.get("unit"))
        stem = _slug(q) + (f"_{_slug(u)}" if len(units[q]) > 1 else "")
        moved = cell_text(c.get("status")) == "progression" or (q, u) in progression
        reported = progression_data(tables, q, u or None) if moved else None
        if moved and reported[reported["kind"] == "reported"]["value"].nunique() >= 2:
            plan.append((f"progression_{stem}", "progression", q, u))
        elif dotplot_data(tables, q, u or None)["outlet"].nunique() >= 2:
            plan.append((f"dots_{stem}", "dotplot", q, u))
    if not citations_data(tables, "en").empty:
        plan.append(("citations", "citations", "", ""))
    return plan


def _findings_all(tables: dict) -> list[dict]:
    """All findings rows in rank order (raw cells)."""
    df = chart_table(tables, "findings")
    if df.empty or "rank" not in df.columns:
        return []
    return sorted(df.to_dict("records"), key=lambda r: cell_float(r.get("rank")))


def make_charts(tables: dict, language: str = "auto") -> list[Chart]:
    """Draw every chart of chart_plan(tables) in the story's language."""
    lang = story_language(chart_table(tables, "articles"), language)
    charts = []
    for name, kind, quantity, unit in chart_plan(tables):
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
