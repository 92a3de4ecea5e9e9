"""The dot plot of one quantity: each outlet's figure as a dot (arrow for a bound, band for "about"),
the consensus band shaded, outliers marked. Data, facts and drawing; its words are in wording/charts.py."""
from __future__ import annotations

import math

import pandas as pd
from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from figcheck.charts.layout import (
    fit_names, label_at, label_width, layout, new_figure,
    text_size, place_labels
)
from figcheck.charts.names import (
    comparison_row, findings, outlet_map, quantity_label,
    source_names
)
from figcheck.charts.style import (
    CHART_ROWS, OKABE_ITO, VERDICT_COLOURS, BAND, GREY, INK, PAD_IN, SOFT,
    chart_style
)
from figcheck.charts.tables import chart_table, remember, rows_by
from figcheck.common.language import story_language
from figcheck.common.tables import cell_text, cell_float
from figcheck.wording.charts import (
    consensus_label, dotplot_texts, figure_label, outlier_label, verdict_words
)
from figcheck.wording.numbers import format_amount
from figcheck.wording.words import article_label


# ---------------------------------------------------------------------------
# Chart 1: dot plot per quantity
# ---------------------------------------------------------------------------
def chart_evidence(tables: dict, quantity: str, unit: str | None = None) -> list[dict]:
    """The evidence rows a chart plots for one quantity: figures with a number, each outlet's claims.

    Vague figures ("Milliarden": no number given) are left out. When evidence.csv says which
    figures are an article's claim (column `role`), an article's secondary mentions and
    headline shorthands are left out too, so that each outlet's row shows what it claims.
    """
    return remember(tables, "evidence", f"chart:{quantity}:{unit or ''}", lambda _df: _chart_evidence(tables, quantity, unit))


def _chart_evidence(tables: dict, quantity: str, unit: str | None) -> list[dict]:
    """chart_evidence, computed (it is kept per quantity and unit)."""
    rows = []
    for r in rows_by(tables, "evidence", "quantity").get(quantity, []):
        if unit and cell_text(r.get("unit")) != unit:
            continue
        if cell_text(r.get("qualifier")) == "vague" or math.isnan(cell_float(r.get("value"))):
            continue
        if cell_text(r.get("role")) == "equivalent":  # a conversion into another currency, not a claim
            continue
        rows.append(r)
    claims = {cell_text(r.get("file")) for r in rows if cell_text(r.get("role")) == "claim"}
    return [r for r in rows if cell_text(r.get("file")) not in claims or cell_text(r.get("role")) == "claim"]


def _outlier_files(tables: dict, quantity: str, unit: str | None = None) -> dict:
    """file -> outlier finding (first, by rank) for a quantity (in one unit, when given)."""
    out = {}
    for f in findings(tables, "outlier", quantity):
        if unit and cell_text(f.get("unit")) not in ("", unit):
            continue
        named = f["detail"].get("outlier_files") or f["detail"].get("outlier_file") or f["files"]
        for file in ([named] if isinstance(named, str) else named):
            out.setdefault(file, f)
    return out


def _outlier_gap(finding: dict, comp: dict, value: float) -> tuple[list[float], bool] | None:
    """How many times an outlier is below (less=True) or above the consensus band: (factors, less),
    both ends of the band when they differ; None when it is close (within 1.5-fold) or unknown."""
    cl, ch = cell_float(comp.get("consensus_low")), cell_float(comp.get("consensus_high"))
    if value and value > 0 and not (math.isnan(cl) or math.isnan(ch)):
        factors = sorted({cl / value, ch / value})
    else:
        factors = [cell_float((finding or {}).get("detail", {}).get("factor"))]
    if any(math.isnan(f) or f <= 0 for f in factors) or all(0.67 < f < 1.5 for f in factors):
        return None
    less = factors[0] > 1
    return sorted({round(f if less else 1 / f, 0 if (f if less else 1 / f) >= 3 else 1) for f in factors}), less


def dotplot_data(tables: dict, quantity: str, unit: str | None = None, language: str = "auto",
                 rows: int = CHART_ROWS) -> pd.DataFrame:
    """Tidy rows of a dot plot: one per outlet and distinct figure, ordered as drawn (top first).

    At most `rows` rows (rows <= 0: all), the most telling (see shown_rows); attrs `rows_total` and
    `outlets_total` say how many there were before."""
    lang = story_language(chart_table(tables, "articles"), language)
    outlets = outlet_map(tables, lang)
    comp = comparison_row(tables, quantity, unit)
    unit = unit or cell_text(comp.get("unit"))
    outliers = _outlier_files(tables, quantity, unit)
    recs, seen = [], set()
    for r in chart_evidence(tables, quantity, unit):
        value, low, high = (cell_float(r.get(k)) for k in ("value", "low", "high"))
        key = (r.get("file"), cell_text(r.get("qualifier")), value, low, high)
        if key in seen:
            continue
        seen.add(key)
        file = cell_text(r.get("file"))
        f = outliers.get(file)
        vals = [cell_float(v) for v in (f or {}).get("values", [])]
        one = f is not None and len(f.get("files", [])) == 1
        is_outlier = f is not None and (not (one and vals) or any(abs(v - value) <= 1e-9 * max(1, abs(value))
                                                                  for v in vals))
        q = cell_text(r.get("qualifier"))
        mark = {"lower": "arrow_right", "upper": "arrow_left", "approx": "band", "range": "band"}.get(q, "dot")
        row = {"quantity": quantity, "unit": unit, "file": file, "outlet": outlets.get(file, article_label(file, "", lang)),
               "text": cell_text(r.get("text")), "qualifier": q, "value": value, "low": low, "high": high,
               "stage": cell_text(r.get("stage")), "verdict": cell_text(r.get("verdict")),
               "attributed_to": cell_text(r.get("attributed_to")), "mark": mark,
               "highlight": "outlier" if is_outlier else "",
               "consensus_low": cell_float(comp.get("consensus_low")),
               "consensus_high": cell_float(comp.get("consensus_high"))}
        row["label"] = (outlier_label(row, _outlier_gap(f, comp, value), lang) if is_outlier
                        else figure_label(row, lang))
        recs.append(row)
    df = pd.DataFrame(recs, columns=["quantity", "unit", "file", "outlet", "text", "qualifier", "value", "low",
                                     "high", "stage", "verdict", "attributed_to", "mark", "highlight", "label",
                                     "consensus_low", "consensus_high"])
    if df.empty:
        return df
    if df["outlet"].nunique() < 2:      # one outlet: no consensus to shade
        df["consensus_low"] = math.nan
        df["consensus_high"] = math.nan
    return shown_rows(df, rows)


def shown_rows(df: pd.DataFrame, rows: int = CHART_ROWS) -> pd.DataFrame:
    """A dot plot's rows as drawn, top first: at most `rows` of them (rows <= 0: all), the most telling
    (_most_telling); attrs `rows_total` and `outlets_total` say how many there were."""
    total = (len(df), df["outlet"].nunique())
    df = _most_telling(df, rows) if rows > 0 else df
    best = df.groupby("outlet")["value"].transform("max")
    df = df.assign(_best=best).sort_values(["_best", "outlet", "value", "file"], ascending=[False, True, False, True])
    df = df.drop(columns="_best").reset_index(drop=True)
    df.attrs.update(rows_total=total[0], outlets_total=total[1])
    return df


def _most_telling(df: pd.DataFrame, rows: int) -> pd.DataFrame:
    """At most `rows` rows, half of them (or more, when the others are fewer) for outliers and figures
    that contradict the consensus, the rest for figures that agree with it or are compatible, each part
    in file order: a big folder's dot plot shows both what deviates and what most outlets say."""
    if len(df) <= rows:
        return df
    order = sorted(range(len(df)), key=lambda i: (df["file"].iloc[i], i))
    deviating = [i for i in order if df["highlight"].iloc[i] == "outlier" or df["verdict"].iloc[i] == "contradicts"]
    deviating.sort(key=lambda i: df["highlight"].iloc[i] != "outlier")          # outliers first
    others = [i for i in order if i not in set(deviating)]
    n_dev = max(rows // 2, rows - len(others))
    keep = deviating[:n_dev] + others[:rows - min(n_dev, len(deviating))]
    return df.iloc[sorted(keep)]


def _dot_finding(tables: dict, data: pd.DataFrame, quantity: str) -> dict:
    """What a dot plot shows, for its title: outliers against the rest, disagreement, one source, or agreement."""
    unit = data["unit"].iloc[0] if not data.empty else ""
    comp = comparison_row(tables, quantity, unit or None)
    out = data[data["highlight"] == "outlier"]
    rest = data[data["highlight"] != "outlier"]
    if not out.empty and not rest.empty:
        lo, hi = rest["value"].min(), rest["value"].max()
        outliers = [{"outlet": r["outlet"], "below": r["value"] < lo, "qualifier": r["qualifier"],
                     "value": r["value"]} for _, r in out.drop_duplicates("outlet").head(2).iterrows()]
        return {"kind": "outliers", "n_rest": rest["outlet"].nunique(), "low": lo, "high": hi, "outliers": outliers}
    n = data["outlet"].nunique()
    if cell_text(comp.get("status")) == "contested" or findings(tables, "contradiction", quantity):
        return {"kind": "contested", "low": data["value"].min(), "high": data["value"].max()}
    if n == 1:
        return {"kind": "single", "outlet": data["outlet"].iloc[0], "figure": data["label"].iloc[0]}
    cl, ch = cell_float(comp.get("consensus_low")), cell_float(comp.get("consensus_high"))
    if math.isnan(cl) or math.isnan(ch):
        cl, ch = data["value"].min(), data["value"].max()
    return {"kind": "agreed", "n": n, "low": cl, "high": ch}


def dotplot_facts(tables: dict, data: pd.DataFrame, quantity: str, language: str, log_scale: bool = False,
                  every: pd.DataFrame | None = None) -> dict:
    """What a dot plot's texts state (wording/charts.dotplot_texts): the quantity, its finding,
    the figures, whether a consensus band and a log axis are drawn, the outlets behind it.

    `every`: all the rows when `data` holds only those drawn; the finding and the number of outlets
    are then those of all rows, the figures and sources those drawn, and `shown` says how many."""
    unit = data["unit"].iloc[0] if not data.empty else ""
    every = data if every is None else every
    shown = (data["outlet"].nunique(), data.attrs.get("outlets_total", every["outlet"].nunique()))
    return {"label": quantity_label(tables, quantity, language, unit), "unit": unit,
            "n_outlets": shown[1], "shown": shown if len(data) < data.attrs.get("rows_total", len(every)) else None,
            "log": log_scale,
            "finding": _dot_finding(tables, every, quantity) if not every.empty else None,
            "band": not data.empty and not math.isnan(float(data["consensus_low"].iloc[0])),
            "figures": [{k: r[k] for k in ("outlet", "text", "label", "value", "unit")} for _, r in data.iterrows()],
            "sources": source_names(list(data["file"]), outlet_map(tables, language), language)}


def x_formatter(unit: str, language: str) -> FuncFormatter:
    """Tick labels in the story's number style ('0' at zero, hyphen-minus)."""
    return FuncFormatter(lambda v, _pos: "0" if v == 0 else format_amount(v, unit, language))


def _dot_scale(data: pd.DataFrame) -> tuple[bool, float, float]:
    """(log scale?, xmin, xmax): linear from zero unless the figures span more than 50-fold."""
    vals = pd.concat([data["value"], data["low"], data["high"], data["consensus_low"], data["consensus_high"]])
    vals = vals.astype(float)
    vals = vals[vals.notna() & (vals > 0)]
    if vals.empty:
        return False, 0.0, 1.0
    lo, hi = float(vals.min()), float(vals.max())
    if cell_text(data["unit"].iloc[0]) in ("year", "date", "ordinal"):   # no meaningful zero
        pad = max(2.0, (hi - lo) * 0.25)
        return False, math.floor(lo - pad), math.ceil(hi + pad)
    if lo > 0 and hi / lo > 50:
        return True, 10 ** math.floor(math.log10(lo / 1.3)), 10 ** math.ceil(math.log10(hi * 1.3))
    return False, 0.0, hi * 1.12


def chart_dotplot(tables: dict, quantity: str, unit: str | None = None, language: str = "auto"):
    """Dot plot of one quantity across outlets: (Figure, tidy data).

    Each outlet's figure is a row; hedges are drawn (arrow: lower/upper bound, band: about /
    range), the consensus band is shaded, outliers are labelled with their quote.
    """
    lang = story_language(chart_table(tables, "articles"), language)
    every = dotplot_data(tables, quantity, unit, lang, rows=0)
    data = shown_rows(every) if not every.empty else every
    log, xmin, xmax = _dot_scale(data)
    texts = dotplot_texts(dotplot_facts(tables, data, quantity, lang, log, every), lang)
    unit = data["unit"].iloc[0] if not data.empty else (unit or "")
    with chart_style():
        fig = new_figure()
        ax = fig.add_subplot()
        ylabels = fit_names(fig, data["outlet"], 10, 2.0, "bold")
        left = max(0.9, label_width(fig, ylabels, 10, "bold") + PAD_IN + 0.12)
        body = max(1.0, (0.42 if all("\n" not in y for y in ylabels) else 0.55) * len(data))
        legend = len({"agrees", "compatible", "contradicts"} & set(data["verdict"])) >= 2
        layout(fig, ax, texts, body, left, 0.3, below_in=0.62 if legend else 0.35, above_in=0.12)
        if log:
            ax.set_xscale("log")
            ax.xaxis.set_major_locator(FixedLocator([10 ** k for k in range(int(round(math.log10(xmin))),
                                                                           int(round(math.log10(xmax))) + 1)]))
            ax.xaxis.set_minor_locator(FixedLocator([]))
        else:
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3))
        ax.set_xlim(xmin, xmax)
        ax.xaxis.set_major_formatter(x_formatter(unit, lang))
        ax.set_ylim(len(data) - 0.5, -0.5)
        ax.set_yticks(range(len(data)), ylabels)
        for tick, (_, r) in zip(ax.get_yticklabels(), data.iterrows()):
            if r["highlight"] == "outlier":
                tick.set_color(OKABE_ITO["vermillion"])
                tick.set_fontweight("bold")
        _draw_consensus(ax, data, unit, lang, log)
        labels = _draw_marks(ax, data, log, xmin, xmax)
        _verdict_legend(ax, data, lang, 0.36 / body)
        fig.canvas.draw()
        place_labels(fig, labels, fixed=[t for t in ax.get_yticklabels()], direction="down")
    data.attrs.update(texts, name=f"dots_{quantity}", kind="dotplot")
    return fig, data


def _draw_consensus(ax, data: pd.DataFrame, unit: str, language: str, log: bool) -> None:
    """Shade the consensus band and label it above the plot."""
    if data.empty:
        return
    cl, ch = float(data["consensus_low"].iloc[0]), float(data["consensus_high"].iloc[0])
    if math.isnan(cl) or math.isnan(ch):
        return
    fig = ax.figure
    x0, x1 = ax.transData.transform([(cl, 0), (ch, 0)])[:, 0]
    if x1 - x0 < 6:      # keep a single-value consensus visible
        mid = (x0 + x1) / 2
        cl, ch = (ax.transData.inverted().transform([(mid - 3, 0), (mid + 3, 0)])[:, 0])
    ax.axvspan(cl, ch, color=BAND, zorder=0, lw=0)
    text = consensus_label(data["consensus_low"].iloc[0], data["consensus_high"].iloc[0], unit, language)
    mid_x = math.sqrt(cl * ch) if log and cl > 0 else (cl + ch) / 2
    px = ax.transData.transform((mid_x, 0))[0]
    w = text_size(fig, text, 8.5)[0] * fig.dpi
    box = ax.get_window_extent()
    ha = "center"
    if px + w / 2 > box.x1:
        ha, mid_x = "right", ch
    elif px - w / 2 < box.x0:
        ha, mid_x = "left", cl
    ax.text(mid_x, -0.55, text, ha=ha, va="bottom", fontsize=8.5, color=SOFT, parse_math=False,
            clip_on=False, gid="consensus-label")


def _verdict_legend(ax, data: pd.DataFrame, language: str, below: float) -> None:
    """A one-line key under the axis for the dot colours that occur (agrees, compatible, contradicts)."""
    from matplotlib.lines import Line2D
    present = [v for v in ("agrees", "compatible", "contradicts") if v in set(data["verdict"])]
    if len(present) < 2:
        return
    handles = [Line2D([], [], ls="", marker="o", ms=7, color=VERDICT_COLOURS[v], mec="white") for v in present]
    fig = ax.figure
    x0 = PAD_IN / fig.get_figwidth()
    y0 = ax.get_position().y0 - below * ax.get_position().height
    fig.legend(handles, verdict_words(present, language), loc="upper left",
               bbox_to_anchor=(x0, y0), bbox_transform=fig.transFigure, ncol=len(present), fontsize=8.5,
               handlelength=0.8, handletextpad=0.4, columnspacing=1.2, borderaxespad=0, borderpad=0,
               labelcolor=SOFT)


def _draw_marks(ax, data: pd.DataFrame, log: bool, xmin: float, xmax: float) -> list:
    """Draw every row's dot, hedge arrow or band, and its value label; returns the labels."""
    labels = []
    span_px = ax.get_window_extent().width
    arrow_px = 0.08 * span_px
    for y, (_, r) in enumerate(data.iterrows()):
        colour = VERDICT_COLOURS.get(r["verdict"], GREY)
        if r["highlight"] == "outlier":
            colour = OKABE_ITO["vermillion"]
        v = float(r["value"])
        px = ax.transData.transform((v, y))[0]
        left_px, right_px = px, px
        if r["mark"] == "band":
            lo = float(r["low"]) if not math.isnan(r["low"]) else v
            hi = float(r["high"]) if not math.isnan(r["high"]) else v
            ax.plot([lo, hi], [y, y], color=colour, alpha=0.35, lw=9, solid_capstyle="butt", zorder=2)
            left_px = min(px, ax.transData.transform((lo, y))[0])
            right_px = max(px, ax.transData.transform((hi, y))[0])
        elif r["mark"] in ("arrow_right", "arrow_left"):
            sign = 1 if r["mark"] == "arrow_right" else -1
            end = ax.transData.inverted().transform((px + sign * arrow_px, 0))[0]
            ax.add_patch(FancyArrowPatch((v, y), (end, y), arrowstyle="-|>,head_length=5,head_width=3.5",
                                         color=colour, lw=1.8, zorder=2, shrinkA=0, shrinkB=0))
            if sign > 0:
                right_px = px + arrow_px
            else:
                left_px = px - arrow_px
        ax.plot([v], [y], "o", color=colour, ms=8, zorder=3, mec="white", mew=0.8)
        weight = "bold" if r["highlight"] == "outlier" else "normal"
        tcolour = OKABE_ITO["vermillion"] if r["highlight"] == "outlier" else INK
        right_room = right_px - px + 7
        text, side = label_at(ax, v, y, r["label"], right_room, color=tcolour, weight=weight)
        if side == "left":
            x_left = ax.transData.inverted().transform((left_px - 7, 0))[0]
            text.set_position((x_left, y))
        else:
            text.set_position((ax.transData.inverted().transform((right_px + 7, 0))[0], y))
        labels.append(text)
    return labels
