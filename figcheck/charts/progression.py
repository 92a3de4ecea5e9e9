"""The progression chart of one quantity reported at several stages (first report, projected, settled),
with the most telling derived check as a diamond. Data, facts and drawing; its words are in wording/charts.py."""
from __future__ import annotations

import math
import re

import pandas as pd
from matplotlib.ticker import MaxNLocator

from figcheck.charts.dotplot import x_formatter, chart_evidence
from figcheck.charts.layout import (
    label_width, layout, new_figure, shift_text, wrap,
    place_labels
)
from figcheck.charts.names import (
    comparison_row, findings, outlet_map, quantity_label,
    source_names
)
from figcheck.charts.style import (
    CHART_WIDTH_IN, OKABE_ITO, GREY, INK, LABEL_PT, PAD_IN,
    STAGE_ORDER, chart_style
)
from figcheck.charts.tables import chart_table
from figcheck.common.language import story_language
from figcheck.common.tables import cell_text, cell_float
from figcheck.wording.charts import (
    figure_label, formula_terms, implied_texts, progression_texts, stage_label
)
from figcheck.wording.numbers import format_amount
from figcheck.wording.words import article_label


# ---------------------------------------------------------------------------
# Chart 2: progression of one quantity over time or stage, with derived checks
# ---------------------------------------------------------------------------
def _relation(detail: dict) -> tuple[str, list[str]]:
    """('÷', [numerator, denominator]) or ('×', factors) of a derived check's relation, ('', []) if unknown."""
    rel = detail.get("relation")
    if isinstance(rel, str):
        parts = [p.strip() for p in re.split(r"[/÷]", rel)]
        if len(parts) == 2:
            return "÷", parts
        parts = [p.strip() for p in re.split(r"[*×]", rel)]
        return ("×", parts) if len(parts) >= 2 else ("", [])
    if isinstance(rel, dict):
        if rel.get("numerator") and rel.get("denominator"):
            return "÷", [str(rel["numerator"]), str(rel["denominator"])]
        if isinstance(rel.get("factors"), list):
            return "×", [str(x) for x in rel["factors"]]
    return "", []


def _apply(op: str, a: float, b: float, unit_b: str) -> float:
    """a ÷ b or a × b, with a percentage taken as a share (49 % -> 0.49)."""
    share = b / 100 if unit_b == "percent" else b
    if op == "÷":
        return a / share if share else math.nan
    return a * share


def _lookup_inputs(tables: dict, op: str, names: list[str], files: list[str], implied: float) -> list:
    """[(quantity, value), (quantity, value)] from evidence whose result is closest to `implied`.

    Used when the derived check names its inputs but not their values; figures of the
    check's own articles are preferred.
    """
    if op == "" or len(names) != 2 or math.isnan(implied):
        return []
    cands = []
    for name in names:
        rows = [r for r in chart_evidence(tables, name)]
        own = [r for r in rows if cell_text(r.get("file")) in files]
        cands.append([(cell_float(r.get("value")), cell_text(r.get("unit"))) for r in (own or rows)])
    best = None
    for a, _ua in cands[0]:
        for b, ub in cands[1]:
            got = _apply(op, a, b, ub)
            if got and not math.isnan(got):
                err = abs(got - implied) / abs(implied)
                if best is None or err < best[0]:
                    best = (err, a, b)
    if best is None or best[0] > 0.01:
        return []
    return [(names[0], best[1]), (names[1], best[2])]


def _derived(tables: dict, quantity: str) -> list[dict]:
    """Derived checks whose result is this quantity, the most telling first.

    Each: implied and reported value, inputs [(quantity, value)], the operator, consistent.
    Checks built on an outlier come last; then inconsistent ones; then those that combine
    figures from different articles.
    """
    out = []
    for f in findings(tables, "derived_check", quantity):
        d, vals = f["detail"], [cell_float(v) for v in f["values"]]
        implied = cell_float(d.get("implied"))
        reported = cell_float(d.get("reported"))
        if math.isnan(implied) and len(vals) >= 2:
            implied = vals[-2]
        if math.isnan(reported) and len(vals) >= 2:
            reported = vals[-1]
        if math.isnan(implied):
            continue
        op, names = _relation(d)
        inputs = d.get("inputs")
        if isinstance(inputs, dict):
            inputs = [(k, cell_float(v)) for k, v in inputs.items()]
        elif isinstance(inputs, list):
            inputs = [("", cell_float(v)) for v in inputs]
        else:
            inputs = _lookup_inputs(tables, op, names, f["files"], implied)
        consistent = d.get("consistent")
        if not isinstance(consistent, bool):
            tol = cell_float(d.get("tolerance"))
            tol = 0.05 if math.isnan(tol) else tol
            consistent = not math.isnan(reported) and abs(implied - reported) <= tol * abs(reported)
        out.append({"implied": implied, "reported": reported, "inputs": inputs, "op": op or "÷",
                    "consistent": consistent, "unit": cell_text(f.get("unit")), "files": f["files"],
                    "from_outlier": bool(d.get("from_outlier")),
                    "same_article": d.get("result_from") == "same article" or len(set(f["files"])) == 1})
    out.sort(key=lambda c: (c["from_outlier"], not c["consistent"], not c["same_article"]))
    return out


def _input_unit(tables: dict, name: str, fallback: str) -> str:
    """Unit of an input quantity of a derived check (from comparison.csv)."""
    row = comparison_row(tables, name) if name else {}
    return cell_text(row.get("unit")) or fallback


def _formula_facts(tables: dict, check: dict, unit: str) -> dict:
    """A derived check as wording/charts.formula needs it: its terms [(value, unit), (value, unit)]
    (when both inputs are known), operator, result and the result's unit."""
    terms = []
    if len(check["inputs"]) == 2:
        (n1, v1), (n2, v2) = check["inputs"]
        terms = [(v1, _input_unit(tables, n1, unit)),
                 (v2, _input_unit(tables, n2, "percent" if 0 < v2 <= 100 and v1 > 1000 else "other"))]
    return {"terms": terms, "op": check["op"], "result": check["implied"], "unit": unit}


def progression_data(tables: dict, quantity: str, unit: str | None = None, language: str = "auto") -> pd.DataFrame:
    """Tidy rows of a progression chart: reported values by stage and date, plus implied values."""
    lang = story_language(chart_table(tables, "articles"), language)
    comp = comparison_row(tables, quantity, unit)
    unit = unit or cell_text(comp.get("unit"))
    outlets = outlet_map(tables, lang)
    rows, seen = [], set()
    for r in chart_evidence(tables, quantity, unit):
        v = cell_float(r.get("value"))
        stage = cell_text(r.get("stage"))
        key = (cell_text(r.get("file")), v, stage)
        if math.isnan(v) or key in seen:
            continue
        seen.add(key)
        rows.append({"quantity": quantity, "unit": unit, "kind": "reported", "file": key[0],
                     "outlet": outlets.get(key[0], article_label(key[0], "", lang)), "text": cell_text(r.get("text")),
                     "value": v, "qualifier": cell_text(r.get("qualifier")), "stage": stage,
                     "stage_label": stage_label(stage, lang),
                     "published": cell_text(r.get("published")), "consistent": pd.NA})
    rows.sort(key=lambda r: (STAGE_ORDER.get(r["stage"], 2), r["published"] or "9999", r["file"], r["value"]))
    for i, r in enumerate(rows):
        r["step"] = i
        r["label"] = figure_label(r, lang)
    for check in _derived(tables, quantity)[:1]:      # the most telling check
        near = min(rows, key=lambda r: abs(r["value"] - check["reported"]) if not math.isnan(check["reported"])
                   else -r["step"]) if rows else None
        words = implied_texts(_formula_facts(tables, check, unit), lang)
        rows.append({"quantity": quantity, "unit": unit, "kind": "implied", "file": "", "outlet": "",
                     "text": words["text"], "value": check["implied"], "qualifier": "",
                     "stage": near["stage"] if near else "", "stage_label": words["stage_label"],
                     "published": "", "consistent": check["consistent"], "step": len(rows),
                     "checks_step": near["step"] if near else pd.NA, "label": words["label"]})
    cols = ["quantity", "unit", "kind", "step", "file", "outlet", "text", "value", "qualifier", "stage",
            "stage_label", "published", "consistent", "checks_step", "label"]
    return pd.DataFrame(rows, columns=cols)


def _check_inputs(tables: dict, quantity: str, language: str) -> dict | None:
    """The named inputs of the chart's derived check, {a, op, b} ('Investitionssumme', '÷', 'Anteil'), else None."""
    for check in _derived(tables, quantity)[:1]:
        names = [n for n, _v in check["inputs"] if n]
        if len(names) == 2:
            a, b = (quantity_label(tables, n, language) for n in names)
            return {"a": a, "op": check["op"], "b": b}
    return None


def progression_facts(tables: dict, data: pd.DataFrame, quantity: str, language: str) -> dict:
    """What a progression chart's texts state (wording/charts.progression_texts): the reported steps,
    the first and last figure, the derived check and its inputs, the outlets behind it."""
    rep = data[data["kind"] == "reported"]
    imp = data[data["kind"] == "implied"]
    implied = None
    if not imp.empty:
        implied = {"consistent": bool(imp["consistent"].iloc[0]), "value": imp["value"].iloc[0],
                   "labels": list(imp["label"])}
    files = list(rep["file"]) + [f for c in _derived(tables, quantity)[:1] for f in c["files"]]
    return {"label": quantity_label(tables, quantity, language),
            "unit": data["unit"].iloc[0] if not data.empty else "",
            "steps": [{k: r[k] for k in ("stage_label", "outlet", "label")} for _, r in rep.iterrows()],
            "first": rep.iloc[0].to_dict() if not rep.empty else None,
            "last": rep.iloc[-1].to_dict() if not rep.empty else None,
            "implied": implied, "inputs": _check_inputs(tables, quantity, language) if implied else None,
            "sources": source_names(files, outlet_map(tables, language), language)}


def chart_progression(tables: dict, quantity: str, unit: str | None = None, language: str = "auto"):
    """Progression chart of a quantity reported at several stages: (Figure, tidy data)."""
    lang = story_language(chart_table(tables, "articles"), language)
    data = progression_data(tables, quantity, unit, lang)
    texts = progression_texts(progression_facts(tables, data, quantity, lang), lang)
    unit = data["unit"].iloc[0] if not data.empty else (unit or "")
    rep = data[data["kind"] == "reported"]
    imp = data[data["kind"] == "implied"]
    with chart_style():
        fig = new_figure()
        ax = fig.add_subplot()
        ncat = max(len(rep) + len(imp), 1)
        ymax = max([1.0] + list(data["value"].astype(float))) * 1.22
        tick_w = label_width(fig, ["0", format_amount(ymax, unit, lang)], 9)
        left = PAD_IN + tick_w + 0.12
        step_in = (CHART_WIDTH_IN - left - 0.3) / ncat - 0.1
        ticks = [wrap(fig, r["stage_label"], 9, step_in) + "\n" + wrap(fig, r["outlet"], 9, step_in)
                 for _, r in rep.iterrows()]
        ticks += [wrap(fig, r["stage_label"], 9, step_in) + "\n"
                  + wrap(fig, formula_terms(r["text"]), 9, step_in) for _, r in imp.iterrows()]
        below = 0.2 + 0.16 * max([2] + [t.count("\n") + 1 for t in ticks])
        layout(fig, ax, texts, 2.5, left, 0.3, below_in=below, above_in=0.05)
        ax.grid(axis="x", visible=False)
        ax.grid(axis="y", visible=True)
        ax.set_xlim(-0.5, ncat - 0.5)
        ax.set_ylim(0, ymax)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
        ax.yaxis.set_major_formatter(x_formatter(unit, lang))
        ax.set_xticks(range(ncat), ticks, fontsize=9)
        ax.plot(rep["step"], rep["value"], color=GREY, lw=1.6, zorder=2)
        colours = [OKABE_ITO["blue"] if s != "projected" else OKABE_ITO["sky_blue"] for s in rep["stage"]]
        ax.scatter(rep["step"], rep["value"], s=70, c=colours, zorder=3, edgecolors="white", linewidths=0.8)
        labels = [ax.text(r["step"], r["value"], r["label"], ha="center", va="bottom", fontsize=LABEL_PT,
                          parse_math=False, color=INK) for _, r in rep.iterrows()]
        for _, r in imp.iterrows():
            colour = OKABE_ITO["green"] if r["consistent"] is True else OKABE_ITO["vermillion"]
            if not pd.isna(r["checks_step"]):
                ref = rep[rep["step"] == r["checks_step"]]["value"].iloc[0]
                ax.plot([r["checks_step"], r["step"]], [ref, r["value"]], ls=(0, (2, 2)), lw=1.2, color=colour,
                        zorder=1)
            ax.plot([r["step"]], [r["value"]], "D", ms=8, mfc="white", mec=colour, mew=2, zorder=4)
            labels.append(ax.text(r["step"], r["value"], format_amount(r["value"], unit, lang), ha="center",
                                  va="bottom", fontsize=LABEL_PT, color=colour, parse_math=False))
        for t in labels:
            shift_text(t, 0, 9)
        for tick, colour in zip(ax.get_xticklabels()[len(rep):], [OKABE_ITO["green"] if c is True else
                                                                   OKABE_ITO["vermillion"] for c in imp["consistent"]]):
            tick.set_color(colour)
        fig.canvas.draw()
        place_labels(fig, labels, direction="up")
    data.attrs.update(texts, name=f"progression_{quantity}", kind="progression")
    return fig, data
