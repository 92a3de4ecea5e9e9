"""The who-cites-whom chart: outlets left, the sources they name right, the figures attributed to each
source on the link between them. Data, facts and drawing; its words are in wording/charts.py."""
from __future__ import annotations

import json
import math

import pandas as pd

from figcheck.charts.layout import (
    fit_names, label_width, layout, new_figure, shift_text,
    text_size, wrap, place_labels
)
from figcheck.charts.names import (
    findings, outlet_map, quantity_label, source_names
)
from figcheck.charts.style import (
    CHART_ROWS, CHART_WIDTH_IN, OKABE_ITO, GREY, INK, PAD_IN, chart_style
)
from figcheck.charts.tables import chart_table, rows_by, table_rows
from figcheck.common.language import story_language
from figcheck.common.tables import cell_text, cell_float, cell_json
from figcheck.wording.charts import attributed_figure, citations_texts, edge_label, figure_label
from figcheck.wording.numbers import format_amount
from figcheck.wording.words import article_label


# ---------------------------------------------------------------------------
# Chart 3: who cites whom
# ---------------------------------------------------------------------------
def citations_data(tables: dict, language: str = "auto") -> pd.DataFrame:
    """Tidy edges outlet -> cited source, with the figures attributed along each edge."""
    lang = story_language(chart_table(tables, "articles"), language)
    outlets = outlet_map(tables, lang)
    edges: dict[tuple[str, str], dict] = {}

    def edge(file, source):
        key = (file, source)
        if key not in edges:
            edges[key] = {"file": file, "outlet": outlets.get(file, article_label(file, "", lang)),
                          "source": source, "figures": [], "quantities": [], "order": len(edges)}
        return edges[key]

    def add_figure(e, label, quantity):
        if label and label not in e["figures"]:
            e["figures"].append(label)
            e["quantities"].append(quantity)

    for rec in table_rows(tables, "articles"):
        if cell_text(rec.get("off_story")):     # an article off the story is not part of the comparison
            continue
        for src in cell_json(rec.get("cites"), []):
            if isinstance(src, str) and src.strip():
                edge(cell_text(rec.get("file")), src.strip())
    for r in table_rows(tables, "evidence"):
        src = cell_text(r.get("attributed_to"))
        if src:
            r = dict(r, value=cell_float(r.get("value")), low=cell_float(r.get("low")),
                     high=cell_float(r.get("high")))
            q = cell_text(r.get("quantity"))
            add_figure(edge(cell_text(r.get("file")), src),
                       attributed_figure(quantity_label(tables, q, lang), figure_label(r, lang, False), lang), q)
    for f in findings(tables, "attribution"):
        for a in f["detail"].get("attributions", []) if isinstance(f["detail"].get("attributions"), list) else []:
            if isinstance(a, dict) and cell_text(a.get("source")) and f["files"]:
                file = cell_text(a.get("file")) or f["files"][0]
                e = edge(file, cell_text(a.get("source")))
                q = cell_text(a.get("quantity"))
                fig_id = cell_text(a.get("figure_id"))
                hit = rows_by(tables, "evidence", "figure_id").get(fig_id, []) if fig_id else []
                if hit and not e["figures"]:
                    r = dict(hit[0], value=cell_float(hit[0].get("value")), low=cell_float(hit[0].get("low")),
                             high=cell_float(hit[0].get("high")))
                    add_figure(e, attributed_figure(quantity_label(tables, q, lang), figure_label(r, lang, False), lang), q)
        for src in f["detail"].get("sources", []) if isinstance(f["detail"].get("sources"), list) else []:
            for file in f["files"][:1]:
                if isinstance(src, str) and src.strip():
                    edge(file, src.strip())
        src = cell_text(f["detail"].get("source"))
        if not src:
            continue
        for i, file in enumerate(f["files"]):
            e = edge(file, src)
            vals = f["values"]
            if i < len(vals) and not math.isnan(cell_float(vals[i])) and not e["figures"]:
                q = cell_text(f.get("quantity"))
                amount = format_amount(vals[i], f.get("unit"), lang)
                add_figure(e, attributed_figure(quantity_label(tables, q, lang), amount, lang) if q else amount, q)
    rows = sorted(edges.values(), key=lambda e: (e["file"], e["order"]))
    out = pd.DataFrame([{"file": e["file"], "outlet": e["outlet"], "source": e["source"],
                         "figures": json.dumps(e["figures"], ensure_ascii=False),
                         "quantities": json.dumps(e["quantities"], ensure_ascii=False),
                         "n_figures": len(e["figures"])} for e in rows],
                       columns=["file", "outlet", "source", "figures", "quantities", "n_figures"])
    return out


def _all_files(tables: dict) -> list[str]:
    """Every article file the tables know about (those off the story left out), sorted."""
    files = set()
    for name in ("articles", "evidence"):
        df = chart_table(tables, name)
        if "file" in df.columns:
            off = df["off_story"].map(cell_text) if "off_story" in df.columns else pd.Series("", index=df.index)
            files |= {cell_text(f) for f, o in zip(df["file"], off) if cell_text(f) and not o}
    return sorted(files)


def citations_facts(tables: dict, data: pd.DataFrame, language: str) -> dict:
    """What the who-cites-whom chart's texts state (wording/charts.citations_texts): how many articles
    name a source, the source most outlets share, every link with its figures, the outlets naming none."""
    files = _all_files(tables)
    outlets = outlet_map(tables, language)
    citing = list(dict.fromkeys(data["file"]))
    sources = list(dict.fromkeys(data["source"]))
    shared = [(s, list(dict.fromkeys(data.loc[data["source"] == s, "outlet"]))) for s in sources]
    shared = [(s, o) for s, o in shared if len(o) >= 2]
    return {"n_articles": len(files), "n_citing": len(citing), "sources": sources,
            "shared": max(shared, key=lambda x: len(x[1])) if shared else None,
            "silent": [outlets.get(f, f) for f in files if f not in citing],
            "links": [{"outlet": r["outlet"], "source": r["source"],
                       "figures": json.loads(r["figures"]) if r["n_figures"] else []} for _, r in data.iterrows()],
            "names": list(outlets.values()) + sources,      # names a title may start with
            "source_names": source_names(files, outlets, language)}


def _most_telling_links(data: pd.DataFrame, rows: int) -> pd.DataFrame:
    """At most `rows` links, those that carry a figure first, each group in file order; the links
    kept stay in their order."""
    if len(data) <= rows:
        return data
    order = sorted(range(len(data)), key=lambda i: (data["n_figures"].iloc[i] == 0, i))
    return data.iloc[sorted(order[:rows])].reset_index(drop=True)


_LINK_IN, _LINK_OUT = 0.18, 0.82   # where a link's straight middle stretch starts and ends


def _shown_links(tables: dict, lang: str) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(every link, the links drawn, the chart's texts): at most CHART_ROWS links, the texts stating
    the whole picture and how many links are shown."""
    everything = citations_data(tables, lang)
    data = _most_telling_links(everything, CHART_ROWS)
    facts = citations_facts(tables, everything, lang)
    shown = {(f, s_) for f, s_ in zip(data["file"], data["source"])}
    facts["links"] = [e for e, f, s_ in zip(facts["links"], everything["file"], everything["source"])
                      if (f, s_) in shown]
    facts["shown"] = (len(data), len(everything))
    return everything, data, citations_texts(facts, lang)


def chart_citations(tables: dict, language: str = "auto"):
    """Who cites whom: outlets left, cited sources right, one row per link in the middle. (Figure, data).

    Every link (outlet -> source) fans out from the outlet to its own row, runs straight
    across the middle and fans in to the source; the figures the outlet attributes to that
    source sit just above the straight stretch, where no other line passes, so labels never
    sit on each other or on a crossing. Outlets that name no source are listed in grey at the bottom.
    """
    lang = story_language(chart_table(tables, "articles"), language)
    everything, data, texts = _shown_links(tables, lang)
    outlets = outlet_map(tables, lang)
    files = _all_files(tables)
    left_names = list(dict.fromkeys(outlets.get(f, article_label(f, "", lang)) for f in files))
    citing = list(dict.fromkeys(data["outlet"]))
    silent = [o for o in left_names if o not in set(everything["outlet"])]
    silent = silent[:max(0, CHART_ROWS - len(data))]      # a big folder lists its silent outlets in the alt text
    sources = list(dict.fromkeys(data["source"]))
    with chart_style():
        fig = new_figure()
        ax = fig.add_subplot()
        shown = dict(zip(left_names, fit_names(fig, left_names, 10, 1.7)))
        shown.update(zip(sources, fit_names(fig, sources, 10, 1.5, "bold")))
        lw = label_width(fig, [shown[o] for o in left_names], 10) + 0.12
        rw = label_width(fig, [shown[s_] for s_ in sources], 10, "bold") + 0.12
        mid_w = (CHART_WIDTH_IN - 2 * PAD_IN - lw - rw) * (_LINK_OUT - _LINK_IN - 0.04)
        edge_text = []
        for f in data["figures"]:
            one = edge_label(json.loads(f))
            if text_size(fig, one, 8.5)[0] > mid_w:      # one quantity per line, then wrap
                one = "\n".join(wrap(fig, part, 8.5, mid_w) for part in one.split(" · "))
            edge_text.append(one)
        lines = max([1] + [t.count("\n") + 1 for t in edge_text])
        name_lines = max([1] + [v.count("\n") + 1 for v in shown.values()])
        row_in = max(0.3 + 0.15 * lines, 0.14 + 0.18 * name_lines)
        rows = len(data) + len(silent)
        n = max(rows, len(sources), 1)
        layout(fig, ax, texts, max(1.0, row_in * n), PAD_IN + lw, PAD_IN + rw,
                       below_in=0.05, above_in=0.05)
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(n - 0.5, -0.5)
        offset = (n - rows) / 2
        edge_y = [offset + i for i in range(len(data))]
        ly = {o: sum(y for y, e in zip(edge_y, data["outlet"]) if e == o) / list(data["outlet"]).count(o)
              for o in citing}
        ly.update({o: offset + len(data) + i for i, o in enumerate(silent)})
        order = sorted(sources, key=lambda s_: (sum(y for y, e in zip(edge_y, data["source"]) if e == s_)
                                                / list(data["source"]).count(s_), sources.index(s_)))
        ry = {s_: (n - len(order)) / 2 + i for i, s_ in enumerate(order)}
        for name, y in ly.items():
            colour = INK if name in citing else GREY
            ax.plot([0], [y], "o", ms=7, color=colour, zorder=3, clip_on=False)
            t = ax.text(0, y, shown[name], ha="right", va="center", fontsize=10, color=colour, parse_math=False,
                        clip_on=False, linespacing=1.05)
            shift_text(t, -9, 0)
        for s_, y in ry.items():
            ax.plot([1], [y], "s", ms=8, color=OKABE_ITO["orange"], zorder=3, clip_on=False)
            t = ax.text(1, y, shown[s_], ha="left", va="center", fontsize=10, weight="bold", color=INK,
                        parse_math=False, clip_on=False, linespacing=1.05)
            shift_text(t, 10, 0)
        labels = []
        for y, (_, r), label in zip(edge_y, data.iterrows(), edge_text):
            y0, y1 = ly[r["outlet"]], ry[r["source"]]
            strong = r["n_figures"] > 0
            ax.plot([0, _LINK_IN, _LINK_OUT, 1], [y0, y, y, y1],
                    color=OKABE_ITO["blue"] if strong else "#BBBBBB", lw=2.0 if strong else 1.1, zorder=2,
                    solid_joinstyle="round", solid_capstyle="round")
            if strong:
                label_t = ax.text((_LINK_IN + _LINK_OUT) / 2, y, label, ha="center", va="bottom",
                                  fontsize=8.5, linespacing=1.1, color=OKABE_ITO["blue"], parse_math=False, zorder=5)
                shift_text(label_t, 0, 3)
                labels.append(label_t)
        fig.canvas.draw()
        nodes = [t for t in ax.texts if all(t is not lab for lab in labels)]
        place_labels(fig, labels, fixed=nodes, direction="down")
    data.attrs.update(texts, name="citations", kind="citations")
    return fig, data
