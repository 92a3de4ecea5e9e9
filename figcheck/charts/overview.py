"""The overview chart: one row per compared quantity, every outlet's figure relative to the consensus
on a log scale, each row's status beside it. Data, facts and drawing; its words are in wording/charts.py."""
from __future__ import annotations

import math

import pandas as pd
from matplotlib.ticker import FixedLocator, FuncFormatter

from figcheck.charts.dotplot import chart_evidence
from figcheck.charts.layout import (
    fit_names, label_width, layout, new_figure, shift_text,
    place_labels
)
from figcheck.charts.names import outlet_map, quantity_label, source_names
from figcheck.charts.progression import progression_data
from figcheck.charts.style import CHART_ROWS, OKABE_ITO, VERDICT_COLOURS, GREY, PAD_IN, chart_style
from figcheck.charts.tables import chart_table
from figcheck.common.language import story_language
from figcheck.common.tables import cell_text, cell_float
from figcheck.wording.charts import cap, overview_side_label, overview_texts, ratio_label


# ---------------------------------------------------------------------------
# Chart 4: overview of all compared quantities
# ---------------------------------------------------------------------------
_STATUS_ORDER = {"contested": 0, "progression": 1, "agreed": 2, "single_source": 3}
_STATUS_COLOURS = {"contested": OKABE_ITO["vermillion"], "progression": OKABE_ITO["orange"],
                          "agreed": OKABE_ITO["blue"], "single_source": GREY}


def overview_data(tables: dict, language: str = "auto", rows_max: int = CHART_ROWS) -> pd.DataFrame:
    """Tidy rows of the overview: every compared figure relative to its quantity's consensus.

    At most `rows_max` quantities, contested ones and those most outlets report first; attrs
    `quantities_total` says how many there were."""
    lang = story_language(chart_table(tables, "articles"), language)
    comp = chart_table(tables, "comparison")
    outlets = outlet_map(tables, lang)
    rows = []
    recs = sorted((c for c in comp.to_dict("records") if cell_text(c.get("quantity")) not in ("", "unclassified")),
                  key=lambda c: (_STATUS_ORDER.get(cell_text(c.get("status")), 4),
                                 -(cell_float(c.get("n_outlets")) or 0), cell_text(c.get("quantity"))))
    recs = [c for c in recs if chart_evidence(tables, cell_text(c.get("quantity")), cell_text(c.get("unit")))
            and cell_text(c.get("status")) != "single_source"
            and (cell_float(c.get("n_outlets")) or 0) >= 2]      # one outlet: nothing to compare
    total = len(recs)
    recs = recs[:rows_max]
    for i, c in enumerate(recs):
        q, unit = cell_text(c.get("quantity")), cell_text(c.get("unit"))
        cl, ch = cell_float(c.get("consensus_low")), cell_float(c.get("consensus_high"))
        ref = (cl + ch) / 2 if not (math.isnan(cl) or math.isnan(ch)) else cell_float(c.get("median"))
        figs = chart_evidence(tables, q, unit)
        if not figs:
            continue
        seen = set()
        for r in figs:
            v = cell_float(r.get("value"))
            key = (r.get("file"), v)
            if math.isnan(v) or v <= 0 or key in seen or not ref or math.isnan(ref) or ref <= 0:
                continue
            seen.add(key)
            rows.append({"row": i, "quantity": q, "label": quantity_label(tables, q, lang, unit), "unit": unit,
                         "status": cell_text(c.get("status")), "n_outlets": int(cell_float(c.get("n_outlets")) or 0),
                         "spread": cell_float(c.get("spread")), "reference": ref,
                         "file": cell_text(r.get("file")),
                         "outlet": outlets.get(cell_text(r.get("file")), ""), "value": v, "ratio": v / ref,
                         "verdict": cell_text(r.get("verdict"))})
        if not any(r["row"] == i for r in rows):
            rows.append({"row": i, "quantity": q, "label": quantity_label(tables, q, lang, unit), "unit": unit,
                         "status": cell_text(c.get("status")), "n_outlets": int(cell_float(c.get("n_outlets")) or 0),
                         "spread": cell_float(c.get("spread")), "reference": ref, "file": "", "outlet": "",
                         "value": math.nan, "ratio": math.nan, "verdict": ""})
    df = pd.DataFrame(rows, columns=["row", "quantity", "label", "unit", "status", "n_outlets", "spread",
                                     "reference", "file", "outlet", "value", "ratio", "verdict"])
    df.attrs["quantities_total"] = total
    return df


def _single_source_count(tables: dict) -> int:
    """How many quantities only one outlet reports (left out of the overview)."""
    comp = chart_table(tables, "comparison")
    return sum(1 for c in comp.to_dict("records")
               if cell_text(c.get("quantity")) not in ("", "unclassified")
               and (cell_text(c.get("status")) == "single_source" or (cell_float(c.get("n_outlets")) or 0) < 2))


def _progression_move(tables: dict, quantity: str, unit: str) -> str:
    """How a progression quantity moved from its first to its last reported value: rose, fell or changed."""
    rep = progression_data(tables, quantity, unit or None)
    rep = rep[rep["kind"] == "reported"]
    if rep.empty or rep["value"].iloc[-1] == rep["value"].iloc[0]:
        return "changed"
    return "rose" if rep["value"].iloc[-1] > rep["value"].iloc[0] else "fell"


def overview_facts(tables: dict, data: pd.DataFrame, language: str) -> dict:
    """What the overview's texts state (wording/charts.overview_texts): each row's quantity, status,
    outlets and spread (and how a progression moved), the quantities left out, the outlets behind it."""
    rows = [{"label": r["label"], "status": r["status"], "n_outlets": r["n_outlets"], "spread": r["spread"],
             "move": _progression_move(tables, r["quantity"], r["unit"]) if r["status"] == "progression" else ""}
            for _, r in data.drop_duplicates("row").iterrows()]
    files = [f for f in data["file"] if f]
    shown = (len(rows), data.attrs.get("quantities_total", len(rows)))
    return {"rows": rows, "single_source": _single_source_count(tables), "shown": shown,
            "sources": source_names(files, outlet_map(tables, language), language)}


OUTLIER_NAMES = 2   # contradicting outlets named in one overview row, the farthest from the consensus first


def _named_outliers(pts: pd.DataFrame) -> set[int]:
    """Positions (in pts) of the contradicting figures whose outlet the row names: at most OUTLIER_NAMES,
    the farthest from the consensus first."""
    far = sorted((-abs(math.log(p)), k) for k, (p, v, o) in enumerate(zip(pts["ratio"], pts["verdict"], pts["outlet"]))
                 if v == "contradicts" and o and p > 0)
    return {k for _d, k in far[:OUTLIER_NAMES]}


def chart_overview(tables: dict, language: str = "auto"):
    """Overview: one row per compared quantity, each figure relative to the consensus. (Figure, data)."""
    lang = story_language(chart_table(tables, "articles"), language)
    data = overview_data(tables, lang)
    texts = overview_texts(overview_facts(tables, data, lang), lang)
    q = data.drop_duplicates("row")
    ratios = data["ratio"].dropna().astype(float)
    lo = min([0.5] + list(ratios / 1.6))
    hi = max([2.0] + list(ratios * 1.6))
    candidates = [1 / 1000, 1 / 100, 1 / 20, 1 / 10, 1 / 5, 1 / 2, 1, 2, 5, 10, 20, 100, 1000]
    ticks = [t for t in candidates if lo <= t <= hi]
    while len(ticks) > 7:
        ticks = [t for i, t in enumerate(ticks) if t == 1 or i % 2 == ticks.index(1) % 2]
    side = [overview_side_label(r["status"], r["n_outlets"], r["spread"], lang) for _, r in q.iterrows()]
    with chart_style():
        fig = new_figure()
        ax = fig.add_subplot()
        labels = fit_names(fig, [cap(s) for s in q["label"]], 10, 1.9)
        left = PAD_IN + label_width(fig, labels, 10) + 0.12
        right = PAD_IN + label_width(fig, side, 8.5) + 0.15
        layout(fig, ax, texts, max(1.0, 0.62 * len(q)), left, right, below_in=0.35, above_in=0.05)
        ax.set_xscale("log")
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_minor_locator(FixedLocator([]))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: ratio_label(v, lang)))
        ax.set_ylim(len(q) - 0.5, -0.5)
        ax.set_yticks(range(len(q)), labels)
        ax.axvline(1, color="#444444", lw=1.2, zorder=1)
        notes = []
        for i, (_, r) in enumerate(q.iterrows()):
            pts = data[(data["row"] == r["row"]) & data["ratio"].notna()]
            m = len(pts)
            named = _named_outliers(pts)
            dys = [(k - (m - 1) / 2) * min(0.11, 0.6 / max(m, 1)) for k in range(m)]
            if m:   # one collection per row: a row of a big folder holds a hundred dots
                ax.scatter(list(pts["ratio"]), [i + dy for dy in dys], s=49, marker="o", zorder=3, alpha=0.95,
                           c=[VERDICT_COLOURS.get(v, GREY) for v in pts["verdict"]], edgecolors="white",
                           linewidths=0.7)
            for k, (_, p) in enumerate(pts.iterrows()):
                dy = dys[k]
                if k in named:
                    t = ax.text(p["ratio"], i + dy, p["outlet"], ha="left" if p["ratio"] < 1 else "right",
                                va="center", fontsize=8.5, color=OKABE_ITO["vermillion"], parse_math=False)
                    shift_text(t, 8 if p["ratio"] < 1 else -8, 0)
                    notes.append(t)
            ax.text(1.02, i, side[i], transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=8.5,
                    color=_STATUS_COLOURS.get(r["status"], GREY), parse_math=False, clip_on=False,
                    linespacing=1.1)
        fig.canvas.draw()
        place_labels(fig, notes, direction="down")
    data.attrs.update(texts, name="overview", kind="overview")
    return fig, data
