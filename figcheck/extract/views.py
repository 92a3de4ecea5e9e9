"""What notebook 02 shows: figures per article, counts per unit, and the articles with their figures
highlighted."""
from __future__ import annotations

import html as _html
import math

import pandas as pd


def _fmt_value(value: float, unit: str) -> str:
    """A figure's value for people: 14.3 bn USD, 49 %, 2016, ~ (vague)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "vague"
    a = abs(value)
    for div, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if a >= div and unit not in ("year", "date", "ordinal"):
            return f"{value / div:g}{suffix}"
    return f"{value:g}" if unit != "date" else f"{int(value)}"


def figures_summary(figures: pd.DataFrame) -> str:
    """Plain-text list of the figures: file prefix, text, value, unit, qualifier, quantity."""
    lines = []
    for _, f in figures.iterrows():
        prefix = str(f["file"]).split("_")[0]
        lines.append(f"{prefix} | {f['text']!s:<34} | {_fmt_value(f['value'], f['unit']):>9} {f['unit']:<8} | "
                     f"{f['qualifier']:<6} | {f['quantity']}")
    return "\n".join(lines)


_UNIT_COLOURS = {"percent": "#d6eaff", "percentage_points": "#d6eaff", "count": "#e6f5d0", "year": "#f0e0ff",
                    "ordinal": "#f0e0ff", "date": "#eeeeee", "other": "#eeeeee"}


def _cell(x) -> str:
    return "" if x is None or x != x else str(x).strip()


def _frame_words(f: dict) -> str:
    """'measure: Anteil; whose: state; of what: commerzbank; when: before' for a figure's frame."""
    parts = [("measure", _cell(f.get("measure_text")) or _cell(f.get("measure"))), ("whose", _cell(f.get("holder"))),
             ("of what", _cell(f.get("object"))), ("when", _cell(f.get("when"))), ("read from", _cell(f.get("frame")))]
    return "; ".join(f"{k}: {v}" for k, v in parts if v)


def highlight_figures_html(text: str, figures) -> str:
    """HTML of one article with its figures highlighted (every piece of text escaped).

    `figures` is a list of figure dicts or a DataFrame with start, end, value, unit, qualifier,
    quantity and the frame columns. Overlapping spans are skipped after the first. The title of each
    mark (shown on hover) says what the figure was read as and what it measures (its frame: measure,
    whose, of what, when, and which words it was read from); its small label names the quantity,
    the measure word, the holder and the time, so that a wrong reading is easy to spot.
    """
    text = text if isinstance(text, str) else ""
    if isinstance(figures, pd.DataFrame):
        figs = figures.to_dict("records")
    else:
        figs = list(figures or [])
    figs = sorted(figs, key=lambda f: (int(f["start"]), -int(f["end"])))
    out = []
    pos = 0
    for f in figs:
        s, e = int(f["start"]), int(f["end"])
        if s < pos or e > len(text) or s >= e:
            continue
        unit = str(f.get("unit", ""))
        colour = _UNIT_COLOURS.get(unit, "#fff2b3")
        frame = _frame_words(f)
        tip = (f"{_fmt_value(f.get('value'), unit)} {unit} · {f.get('qualifier', '')} · "
               f"{f.get('quantity', '')}" + (f" — {frame}" if frame else " — no measure named at the figure"))
        label = " · ".join(x for x in (str(f.get("quantity", "")), _cell(f.get("measure_text")) or _cell(f.get("measure")),
                                        _cell(f.get("holder")), _cell(f.get("when"))) if x)
        out.append(_html.escape(text[pos:s]))
        out.append(f'<mark style="background:{colour}" title="{_html.escape(tip, quote=True)}">'
                   f"{_html.escape(text[s:e])}<sub style=\"font-size:70%;color:#555\">"
                   f"{_html.escape(label)}</sub></mark>")
        pos = e
    out.append(_html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>\n")
    return f'<div style="font-family:sans-serif;line-height:1.6;max-width:60em">{body}</div>'


def figure_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures per article (rows, by file prefix) and unit (columns), with totals."""
    if figures.empty:
        return pd.DataFrame()
    df = figures.assign(article=figures["file"].astype(str).str.split("_").str[0])
    table = pd.crosstab(df["article"], df["unit"], margins=True, margins_name="total")
    table.columns.name = None
    return table


def highlight_story_html(articles: pd.DataFrame, figures: pd.DataFrame) -> str:
    """One HTML block per article: an escaped heading (file, outlet) and the text with its figures
    highlighted by highlight_figures_html. Every piece of article text is escaped."""
    parts = []
    for _, art in articles.sort_values("file").iterrows():
        own = figures[figures["file"] == art["file"]] if len(figures) else figures
        head = f"{art['file']} · {art.get('outlet') or 'outlet unknown'} · {len(own)} figures"
        parts.append(f"<h4>{_html.escape(head)}</h4>")
        parts.append(highlight_figures_html(art.get("text") or "", own))
    return "\n".join(parts)
