"""Section 4 of helpers.py: narrative charts (notebook 04) (work in progress module).

Every chart function takes the comparison's tables and returns ``(figure, data)``: a
matplotlib Figure (never shown, never saved here) and the tidy DataFrame it plots. The
chart's texts, all written from the findings in the story's language, travel with the
data in ``data.attrs``: ``title``, ``subtitle``, ``source``, ``alt``. ``save_chart`` writes
``charts/<name>.png|.svg|.txt|.csv`` atomically and byte-identically on a re-run.

    tables = load_chart_tables(paths)          # comparison, evidence, findings, figures, articles
    for chart in make_charts(tables, "auto"):
        save_chart(chart.figure, chart.data, paths.charts, chart.name)
"""
from __future__ import annotations

import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import matplotlib.style as _mpl_style
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from wip_common import (ROOT, _common_amount_parts, article_label, cell_float, cell_json, format_amount, format_number,
                        format_range, join_words, read_table, story_language, write_bytes_atomic, write_csv_atomic,
                        write_text_atomic)

# ---------------------------------------------------------------------------
# House style
# ---------------------------------------------------------------------------
CHART_STYLE = ROOT / "styles" / "newsroom.mplstyle"
CHART_WIDTH_IN = 6.4          # 640 px at the layout's 100 dpi
CHART_TABLES = ("comparison", "evidence", "findings", "figures", "articles")

# Okabe & Ito (2008), safe for the common colour-vision deficiencies
OKABE_ITO = {"black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73",
             "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7"}
VERDICT_COLOURS = {"agrees": OKABE_ITO["blue"], "compatible": OKABE_ITO["sky_blue"],
                   "contradicts": OKABE_ITO["vermillion"]}
_CHARTS_GREY = "#8A8A8A"
_CHARTS_BAND = "#E4E4E4"
_CHARTS_INK = "#222222"
_CHARTS_SOFT = "#555555"
_CHARTS_TITLE_PT = 13.5
_CHARTS_SUB_PT = 9.5
_CHARTS_SOURCE_PT = 8
_CHARTS_LABEL_PT = 9
_CHARTS_PAD_IN = 0.2

_CHARTS_WORDS = {
    "de": {
        "outlet": ("Medium", "Medien"), "source": "Quelle", "consensus": "Konsens", "to": "bis",
        "only": "nur", "even": "sogar", "computed": "berechnet",
        "numbers": ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
                    "elf", "zwölf"],
        "hedge": {"approx": "rund ", "lower": "über ", "upper": "bis zu ", "range": "", "exact": "", "vague": ""},
        "stage": {"past": "früher", "early": "erste Meldung", "projected": "erwartet", "settled": "aktuell", "": ""},
        "status": {"contested": "umstritten", "agreed": "einig", "progression": "verändert",
                   "single_source": "nur eine Quelle"},
        "units": {"USD": "US-Dollar", "EUR": "Euro", "GBP": "Pfund", "CHF": "Franken", "percent": "Prozent",
                  "percentage_points": "Prozentpunkten"},
    },
    "en": {
        "outlet": ("outlet", "outlets"), "source": "Source", "consensus": "consensus", "to": "to",
        "only": "only", "even": "as much as", "computed": "computed",
        "numbers": ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve"],
        "hedge": {"approx": "about ", "lower": "more than ", "upper": "up to ", "range": "", "exact": "",
                  "vague": ""},
        "stage": {"past": "earlier", "early": "first report", "projected": "projected", "settled": "now", "": ""},
        "status": {"contested": "contested", "agreed": "agreed", "progression": "changed",
                   "single_source": "single source"},
        "units": {"USD": "US dollars", "EUR": "euros", "GBP": "pounds", "CHF": "Swiss francs",
                  "percent": "per cent", "percentage_points": "percentage points"},
    },
}
_CHARTS_STAGE_ORDER = {"past": 0, "early": 1, "projected": 2, "settled": 3, "": 3}


def chart_style():
    """Context manager applying the house style (styles/newsroom.mplstyle) to figures made inside it."""
    return _mpl_style.context(str(CHART_STYLE))


# ---------------------------------------------------------------------------
# Small readers: cells of the comparison's tables
# ---------------------------------------------------------------------------
def _charts_text(x) -> str:
    """A text cell as a stripped string ('' for empty or NA)."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return ""
    return str(x).strip()


def _charts_table(tables: dict, name: str) -> pd.DataFrame:
    """One of the tables, or an empty frame when it is missing."""
    df = tables.get(name)
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


def load_chart_tables(paths) -> dict:
    """Read the tables the charts need from output/<story>/ (figures.csv is optional)."""
    tables = {}
    for name in CHART_TABLES:
        path = paths.out(f"{name}.csv")
        if name == "figures" and not path.exists():
            tables[name] = pd.DataFrame()
            continue
        tables[name] = read_table(path)
    return tables


# ---------------------------------------------------------------------------
# Words (numbers: format_amount / format_range / format_number in wip_common)
# ---------------------------------------------------------------------------
def _charts_count(n: int, language: str, capital: bool = True) -> str:
    """A small count as a word ("Vier", "three"), digits from 13 on."""
    words = _CHARTS_WORDS[language]["numbers"]
    w = words[n] if 0 <= n < len(words) else str(n)
    if language == "de" and n == 1:
        w = "ein"
    return w[:1].upper() + w[1:] if capital else w


def _charts_join_some(items: list[str], language: str, k: int = 3) -> str:
    """Like join_words, but at most k items: 'A, B, C und 2 weitere' / 'A, B, C and 2 more'."""
    if len(items) <= k + 1:
        return join_words(items, language)
    more = f"{len(items) - k} weitere" if language == "de" else f"{len(items) - k} more"
    return join_words(items[:k] + [more], language)


def _charts_outlets_word(n: int, language: str) -> str:
    """'Medium'/'Medien', 'outlet'/'outlets' for n."""
    one, many = _CHARTS_WORDS[language]["outlet"]
    return one if n == 1 else many


def _charts_lower_first(title: str, names) -> str:
    """The title to follow 'where': first letter lower-cased unless it starts with a name (outlet, source)."""
    if any(n and title.startswith(n) for n in names):
        return title
    return title[:1].lower() + title[1:]


def _charts_mid(label: str, language: str) -> str:
    """A label inside an English sentence: 'Deal amount' -> 'deal amount' (acronyms like 'AI spend' kept)."""
    if language == "en" and label[:1].isupper() and label[1:2].islower():
        return label[:1].lower() + label[1:]
    return label


def _charts_cap(s: str) -> str:
    """First letter upper-cased, the rest untouched."""
    return s[:1].upper() + s[1:]


def _charts_hedge(text: str, qualifier: str, language: str) -> str:
    """The hedge as the article wrote it ("nahezu ", "more than "), else the language's generic word."""
    qualifier = _charts_text(qualifier)
    if qualifier in ("exact", "range", "vague", ""):
        return ""
    words = []
    for w in _charts_text(text).split():
        if re.match(r"^[\d$€£¥]", w) or not re.fullmatch(r"[^\W\d_]+", w):
            break
        words.append(w)
    lead = " ".join(words)
    if words and len(words) <= 3 and len(words) < len(_charts_text(text).split()) and any(
            c.isdigit() for c in _charts_text(text)):
        return lead.lower() + " "
    return _CHARTS_WORDS[language]["hedge"].get(qualifier, "")


def _charts_figure_label(row: dict, language: str, quote_words: bool = True) -> str:
    """How a mark is labelled: hedge + formatted value; the quote itself when it has no digits
    ("fast die Hälfte"), unless quote_words is False."""
    text = _charts_text(row.get("text"))
    if quote_words and text and not any(c.isdigit() for c in text):
        return f"„{text}“" if language == "de" else f"“{text}”"
    q = _charts_text(row.get("qualifier"))
    if q == "range":
        lo, hi = cell_float(row.get("low")), cell_float(row.get("high"))
        if not (math.isnan(lo) or math.isnan(hi)):
            return format_range(lo, hi, row.get("unit"), language)
    return _charts_hedge(text, q, language) + format_amount(row.get("value"), row.get("unit"), language)


def _charts_quote(text: str, language: str) -> str:
    """A span in the language's quotation marks."""
    return f"„{text}“" if language == "de" else f"“{text}”"


# ---------------------------------------------------------------------------
# Who is who: outlet names, quantity labels, sources
# ---------------------------------------------------------------------------
def _charts_outlet_map(tables: dict, language: str) -> dict:
    """file -> the name charts use for it (outlet, else 'Artikel 001' / 'article 001')."""
    out = {}
    for table in ("articles", "evidence"):
        df = _charts_table(tables, table)
        if {"file", "outlet"} <= set(df.columns):
            for f, o in zip(df["file"], df["outlet"]):
                f = _charts_text(f)
                if f and (f not in out or (_charts_text(o) and out[f] == article_label(f, "", language))):
                    out[f] = article_label(f, _charts_text(o), language)
    return out


def _charts_quantity_label(tables: dict, quantity: str, language: str) -> str:
    """The quantity's label from comparison.csv, else its name in words ('deal amount')."""
    comp = _charts_table(tables, "comparison")
    if {"quantity", "label"} <= set(comp.columns):
        for q, lab in zip(comp["quantity"], comp["label"]):
            if q == quantity and _charts_text(lab):
                return _charts_text(lab)
    return quantity.replace("_", " ")


def _charts_source_line(files: list[str], outlets: dict, language: str) -> str:
    """'Quelle: finanzen.ch, IT BOLTWISE, Artikel 001; eigene Auswertung' (outlets in file order)."""
    names = []
    for f in sorted(set(files)):
        name = outlets.get(f) or article_label(f, "", language)
        if name not in names:
            names.append(name)
    tail = "eigene Auswertung der Artikel" if language == "de" else "analysis of the articles"
    word = "Quelle" if language == "de" else "Source"
    return f"{word}: {', '.join(names)}; {tail}" if names else f"{word}: {tail}"


def _charts_findings(tables: dict, kind: str, quantity: str | None = None) -> list[dict]:
    """Findings of one kind (optionally for one quantity), in rank order, with JSON cells parsed."""
    df = _charts_table(tables, "findings")
    if df.empty or "kind" not in df.columns:
        return []
    rows = []
    for rec in df.to_dict("records"):
        if _charts_text(rec.get("kind")) != kind:
            continue
        detail = cell_json(rec.get("detail"), {})
        if quantity is not None and _charts_text(rec.get("quantity")) != quantity and detail.get("result") != quantity:
            continue
        rec = dict(rec, files=cell_json(rec.get("files"), []), outlets=cell_json(rec.get("outlets"), []),
                   values=cell_json(rec.get("values"), []), evidence=cell_json(rec.get("evidence"), []),
                   detail=detail)
        rows.append(rec)
    rows.sort(key=lambda r: (cell_float(r.get("rank")) if not math.isnan(cell_float(r.get("rank"))) else 1e9))
    return rows


def _charts_comparison_row(tables: dict, quantity: str, unit: str | None = None) -> dict:
    """The comparison.csv row of a quantity (and unit), {} when absent."""
    comp = _charts_table(tables, "comparison")
    for rec in comp.to_dict("records"):
        if rec.get("quantity") == quantity and (unit is None or rec.get("unit") == unit):
            return rec
    return {}


# ---------------------------------------------------------------------------
# Layout: header (title, subtitle), body (one axes), footer (source line), in inches
# ---------------------------------------------------------------------------
def _charts_new_figure() -> Figure:
    """A figure in the house width on an Agg canvas (so text can be measured); call inside chart_style()."""
    fig = Figure(figsize=(CHART_WIDTH_IN, 4.0))
    FigureCanvasAgg(fig)
    return fig


def _charts_text_size(fig: Figure, text: str, size: float, weight: str = "normal") -> tuple[float, float]:
    """(width, height) of one line of text in inches, measured with the figure's renderer."""
    renderer = fig.canvas.get_renderer()
    prop = FontProperties(size=size, weight=weight)
    w, h, _d = renderer.get_text_width_height_descent(text or " ", prop, ismath=False)
    return w / fig.dpi, h / fig.dpi


_CHARTS_UNIT_TOKENS = {"Mrd.", "Mio.", "Bio.", "%", "$", "€", "£", "¥", "Pp.", "CHF", "bis"}


def _charts_wrap(fig: Figure, text: str, size: float, width_in: float, weight: str = "normal") -> str:
    """Word-wrap text so that no line is wider than width_in (measured, not guessed)."""
    lines, cur = [], ""
    words = []
    for word in text.split():      # never break between a number and its unit ("14,3 Mrd. $", "49 %")
        if words and (word in _CHARTS_UNIT_TOKENS or words[-1].endswith(("Mrd.", "Mio.", "Bio.")) and word in "$€£¥"):
            words[-1] += " " + word
        else:
            words.append(word)
    for word in words:
        trial = f"{cur} {word}".strip()
        if cur and _charts_text_size(fig, trial, size, weight)[0] > width_in:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return "\n".join(lines)


def _charts_layout(fig: Figure, ax, texts: dict, body_in: float, left_in: float, right_in: float,
                   below_in: float = 0.45, above_in: float = 0.1) -> None:
    """Size the figure and place title, subtitle, axes and source line without overlaps.

    body_in: height of the plotting area; left_in/right_in: room for labels beside it;
    below_in: room under it for tick labels; above_in: room over it for annotations.
    """
    width = CHART_WIDTH_IN
    text_w = width - 2 * _CHARTS_PAD_IN
    title = _charts_wrap(fig, texts["title"], _CHARTS_TITLE_PT, text_w, "bold")
    subtitle = _charts_wrap(fig, texts["subtitle"], _CHARTS_SUB_PT, text_w)
    source = _charts_wrap(fig, texts["source"], _CHARTS_SOURCE_PT, text_w)
    line = lambda pt, n: n * pt * 1.22 / 72
    title_h = line(_CHARTS_TITLE_PT, title.count("\n") + 1)
    sub_h = line(_CHARTS_SUB_PT, subtitle.count("\n") + 1)
    src_h = line(_CHARTS_SOURCE_PT, source.count("\n") + 1)
    top = 0.16 + title_h + 0.07 + sub_h + 0.14 + above_in
    bottom = 0.12 + src_h + 0.14 + below_in
    height = top + body_in + bottom
    fig.set_size_inches(width, height)
    ax.set_position([left_in / width, bottom / height, (width - left_in - right_in) / width, body_in / height])
    x0 = _CHARTS_PAD_IN / width
    fig.text(x0, 1 - 0.16 / height, title, ha="left", va="top", fontsize=_CHARTS_TITLE_PT, weight="bold",
             color=_CHARTS_INK, gid="chart-title", parse_math=False, linespacing=1.15)
    fig.text(x0, 1 - (0.16 + title_h + 0.07) / height, subtitle, ha="left", va="top", fontsize=_CHARTS_SUB_PT,
             color=_CHARTS_SOFT, gid="chart-subtitle", parse_math=False, linespacing=1.15)
    fig.text(x0, 0.12 / height, source, ha="left", va="bottom", fontsize=_CHARTS_SOURCE_PT, color="#6B6B6B",
             gid="chart-source", parse_math=False, linespacing=1.15)


def _charts_fit_names(fig: Figure, names, size: float, max_in: float, weight: str = "normal") -> list[str]:
    """Names wrapped onto more lines where they are wider than max_in inches (keeps margins sane)."""
    return [_charts_wrap(fig, str(n), size, max_in, weight) for n in names]


def _charts_label_width(fig: Figure, labels, size: float, weight: str = "normal") -> float:
    """Widest of several (possibly multi-line) labels, in inches."""
    widest = 0.0
    for lab in labels:
        for part in str(lab).split("\n"):
            widest = max(widest, _charts_text_size(fig, part, size, weight)[0])
    return widest


def _charts_shift_text(text, dx_px: float, dy_px: float) -> None:
    """Move a Text artist by a distance in display pixels, whatever its coordinate system."""
    tr = text.get_transform()
    px, py = tr.transform(text.get_position())
    text.set_position(tuple(tr.inverted().transform((px + dx_px, py + dy_px))))


def place_labels(fig: Figure, labels: list, fixed: list = (), direction: str = "down", pad_px: float = 2.0,
                 max_steps: int = 60) -> int:
    """Collision avoidance: nudge `labels` (Text artists) until no two boxes, nor a fixed one, overlap.

    Labels are taken top to bottom (left to right for direction 'right'); each one that
    overlaps a label already placed (or a `fixed` artist) is moved past it in `direction`
    ('down', 'up' or 'right'). Returns how many moves were made.
    """
    renderer = fig.canvas.get_renderer()
    placed = [t.get_window_extent(renderer) for t in fixed if t.get_text()]
    key = (lambda b: (b.x0, -b.y1)) if direction == "right" else (lambda b: (-b.y1, b.x0))
    if direction == "up":
        key = lambda b: (b.y0, b.x0)
    order = sorted((t for t in labels if t.get_text()), key=lambda t: key(t.get_window_extent(renderer)))
    moves = 0
    for t in order:
        for _ in range(max_steps):
            box = t.get_window_extent(renderer)
            hit = next((p for p in placed if box.x0 < p.x1 + pad_px and p.x0 < box.x1 + pad_px
                        and box.y0 < p.y1 + pad_px and p.y0 < box.y1 + pad_px), None)
            if hit is None:
                break
            if direction == "down":
                _charts_shift_text(t, 0, -(box.y1 - hit.y0 + pad_px))
            elif direction == "up":
                _charts_shift_text(t, 0, hit.y1 - box.y0 + pad_px)
            else:
                _charts_shift_text(t, hit.x1 - box.x0 + pad_px, 0)
            moves += 1
        placed.append(t.get_window_extent(renderer))
    return moves


def _charts_label_at(ax, x: float, y: float, text: str, room_px: float, side: str = "auto", **kw):
    """Put a label beside a point, right of it if it fits inside the axes, else left of it."""
    fig = ax.figure
    size = kw.pop("fontsize", _CHARTS_LABEL_PT)
    width_px = _charts_text_size(fig, text, size, kw.get("weight", "normal"))[0] * fig.dpi
    px, py = ax.transData.transform((x, y))
    right_edge = ax.get_window_extent().x1
    if side == "auto":
        side = "right" if px + room_px + width_px + 4 <= right_edge else "left"
    ha = "left" if side == "right" else "right"
    return ax.text(x, y, text, ha=ha, va="center", fontsize=size, parse_math=False, clip_on=False,
                   **kw), side


# ---------------------------------------------------------------------------
# Chart 1: dot plot per quantity
# ---------------------------------------------------------------------------
def chart_evidence(tables: dict, quantity: str, unit: str | None = None) -> list[dict]:
    """The evidence rows a chart plots for one quantity: figures with a number, each outlet's claims.

    Vague figures ("Milliarden": no number given) are left out. When evidence.csv says which
    figures are an article's claim (column `role`), an article's secondary mentions and
    headline shorthands are left out too, so that each outlet's row shows what it claims.
    """
    ev = _charts_table(tables, "evidence")
    rows = []
    for r in (ev.to_dict("records") if not ev.empty else []):
        if r.get("quantity") != quantity or (unit and _charts_text(r.get("unit")) != unit):
            continue
        if _charts_text(r.get("qualifier")) == "vague" or math.isnan(cell_float(r.get("value"))):
            continue
        rows.append(r)
    claims = {_charts_text(r.get("file")) for r in rows if _charts_text(r.get("role")) == "claim"}
    return [r for r in rows if _charts_text(r.get("file")) not in claims or _charts_text(r.get("role")) == "claim"]


def _charts_outlier_files(tables: dict, quantity: str) -> dict:
    """file -> outlier finding (first, by rank) for a quantity."""
    out = {}
    for f in _charts_findings(tables, "outlier", quantity):
        named = f["detail"].get("outlier_files") or f["detail"].get("outlier_file") or f["files"]
        for file in ([named] if isinstance(named, str) else named):
            out.setdefault(file, f)
    return out


def _charts_factor_words(finding: dict, comp: dict, value: float, language: str) -> str:
    """', 14- bis 15-mal weniger' / ', 14 to 15 times less': how far an outlier is from the consensus band."""
    cl, ch = cell_float(comp.get("consensus_low")), cell_float(comp.get("consensus_high"))
    if value and value > 0 and not (math.isnan(cl) or math.isnan(ch)):
        factors = sorted({cl / value, ch / value})
    else:
        factors = [cell_float((finding or {}).get("detail", {}).get("factor"))]
    if any(math.isnan(f) or f <= 0 for f in factors) or all(0.67 < f < 1.5 for f in factors):
        return ""
    less = factors[0] > 1
    nums = sorted({round(f if less else 1 / f, 0 if (f if less else 1 / f) >= 3 else 1) for f in factors})
    words = [format_number(n, language) for n in nums]
    if language == "de":
        n = words[0] if len(words) == 1 else f"{words[0]}- bis {words[-1]}"
        return f", {n}-mal {'weniger' if less else 'mehr'}"
    n = words[0] if len(words) == 1 else f"{words[0]} to {words[-1]}"
    return f", {n} times {'less' if less else 'more'}"


def dotplot_data(tables: dict, quantity: str, unit: str | None = None, language: str = "auto") -> pd.DataFrame:
    """Tidy rows of a dot plot: one per outlet and distinct figure, ordered as drawn (top first)."""
    lang = story_language(_charts_table(tables, "articles"), language)
    ev = _charts_table(tables, "evidence")
    outlets = _charts_outlet_map(tables, lang)
    comp = _charts_comparison_row(tables, quantity, unit)
    unit = unit or _charts_text(comp.get("unit"))
    outliers = _charts_outlier_files(tables, quantity)
    rows, seen = [], set()
    for r in chart_evidence(tables, quantity, unit):
        value, low, high = (cell_float(r.get(k)) for k in ("value", "low", "high"))
        key = (r.get("file"), _charts_text(r.get("qualifier")), value, low, high)
        if key in seen:
            continue
        seen.add(key)
        file = _charts_text(r.get("file"))
        f = outliers.get(file)
        vals = [cell_float(v) for v in (f or {}).get("values", [])]
        one = f is not None and len(f.get("files", [])) == 1
        is_outlier = f is not None and (not (one and vals) or any(abs(v - value) <= 1e-9 * max(1, abs(value))
                                                                  for v in vals))
        q = _charts_text(r.get("qualifier"))
        mark = {"lower": "arrow_right", "upper": "arrow_left", "approx": "band", "range": "band"}.get(q, "dot")
        row = {"quantity": quantity, "unit": unit, "file": file, "outlet": outlets.get(file, article_label(file, "", lang)),
               "text": _charts_text(r.get("text")), "qualifier": q, "value": value, "low": low, "high": high,
               "stage": _charts_text(r.get("stage")), "verdict": _charts_text(r.get("verdict")),
               "attributed_to": _charts_text(r.get("attributed_to")), "mark": mark,
               "highlight": "outlier" if is_outlier else "",
               "consensus_low": cell_float(comp.get("consensus_low")),
               "consensus_high": cell_float(comp.get("consensus_high"))}
        row["label"] = _charts_figure_label(row, lang)
        if is_outlier:
            row["label"] = (_charts_quote(row["text"], lang) if row["text"] else row["label"]) + \
                _charts_factor_words(f, comp, value, lang)
        rows.append(row)
    df = pd.DataFrame(rows, columns=["quantity", "unit", "file", "outlet", "text", "qualifier", "value", "low",
                                     "high", "stage", "verdict", "attributed_to", "mark", "highlight", "label",
                                     "consensus_low", "consensus_high"])
    if df.empty:
        return df
    if df["outlet"].nunique() < 2:      # one outlet: no consensus to shade
        df["consensus_low"] = math.nan
        df["consensus_high"] = math.nan
    best = df.groupby("outlet")["value"].transform("max")
    df = df.assign(_best=best).sort_values(["_best", "outlet", "value", "file"], ascending=[False, True, False, True])
    return df.drop(columns="_best").reset_index(drop=True)


def _charts_dot_title(tables: dict, data: pd.DataFrame, quantity: str, language: str) -> str:
    """The dot plot's title, stating the finding: outliers against the rest, agreement, or disagreement."""
    unit = data["unit"].iloc[0] if not data.empty else ""
    comp = _charts_comparison_row(tables, quantity, unit or None)
    status = _charts_text(comp.get("status"))
    label = _charts_quantity_label(tables, quantity, language)
    w = _CHARTS_WORDS[language]
    out = data[data["highlight"] == "outlier"]
    rest = data[data["highlight"] != "outlier"]
    n_rest = rest["outlet"].nunique()
    if not out.empty and not rest.empty:
        lo, hi = rest["value"].min(), rest["value"].max()
        verb = ("nennt" if n_rest == 1 else "nennen") if language == "de" else ("reports" if n_rest == 1 else "report")
        head = f"{_charts_count(n_rest, language)} {_charts_outlets_word(n_rest, language)} {verb} " \
               f"{format_range(lo, hi, unit, language)}"
        tails = []
        for _, r in out.drop_duplicates("outlet").head(2).iterrows():
            below = r["value"] < lo
            word = w["only"] if below else w["even"]
            hedge = w["hedge"].get(r["qualifier"], "")
            tails.append(f"{r['outlet']} {word} {hedge}{format_amount(r['value'], unit, language)}")
        return head + ", " + ", ".join(tails)
    n = data["outlet"].nunique()
    if status == "contested" or _charts_findings(tables, "contradiction", quantity):
        rng = format_range(data["value"].min(), data["value"].max(), unit, language)
        return (f"{_charts_cap(label)}: Die Medien widersprechen sich, {rng}" if language == "de"
                else f"{_charts_cap(label)}: outlets disagree, with figures from {rng}")
    if n == 1:
        r = data.iloc[0]
        return (f"{_charts_cap(label)}: Nur {r['outlet']} nennt eine Zahl, {r['label']}" if language == "de"
                else f"{_charts_cap(label)}: only {r['outlet']} gives a figure, {r['label']}")
    cl, ch = cell_float(comp.get("consensus_low")), cell_float(comp.get("consensus_high"))
    if math.isnan(cl) or math.isnan(ch):
        cl, ch = data["value"].min(), data["value"].max()
    cons = format_range(cl, ch, unit, language)
    return (f"{_charts_cap(label)}: {_charts_count(n, language)} Medien sind sich einig, {cons}" if language == "de"
            else f"{_charts_cap(label)}: {_charts_count(n, language, False)} outlets agree on {cons}")


def _charts_unit_words(unit: str, language: str) -> str:
    """'US-Dollar', 'per cent', ... for a subtitle; the code itself when unknown."""
    return _CHARTS_WORDS[language]["units"].get(unit, unit if re.fullmatch(r"[A-Z]{3}", unit or "") else "")


def _charts_alt_values(data: pd.DataFrame, language: str) -> str:
    """'finanzen.ch: „rund …“ (1 Mrd. $); …' for alt text."""
    parts = []
    for _, r in data.iterrows():
        val = format_amount(r["value"], r["unit"], language)
        quote = _charts_quote(r["text"], language) if r["text"] else r["label"]
        parts.append(f"{r['outlet']}: {quote}" + (f" ({val})" if val and val not in quote else ""))
    return "; ".join(parts)


def dotplot_texts(tables: dict, data: pd.DataFrame, quantity: str, language: str, log_scale: bool = False) -> dict:
    """Title, subtitle, source line and alt text of a dot plot, from the findings."""
    label = _charts_quantity_label(tables, quantity, language)
    unit = data["unit"].iloc[0] if not data.empty else ""
    title = _charts_dot_title(tables, data, quantity, language) if not data.empty else label
    uw = _charts_unit_words(unit, language)
    n = data["outlet"].nunique()
    finding = title[len(label) + 2:] if title.startswith(f"{_charts_cap(label)}: ") else title
    band = not data.empty and not math.isnan(float(data["consensus_low"].iloc[0]))
    if language == "de":
        subtitle = f"{_charts_cap(label)} laut jedem Artikel" + (f", in {uw}" if uw else "") + \
                   ("; grau hinterlegt: die Spanne, die die meisten Medien stützen" if band else "")
        if log_scale:
            subtitle += ". Logarithmische Achse: jede Gitterlinie ist zehnmal so viel wie die vorige"
        alt = (f"Punktdiagramm: {label} laut {_charts_count(n, language, False)} "
               f"{_charts_outlets_word(n, language)}, wo sich zeigt: {finding}. Werte: {_charts_alt_values(data, language)}.")
    else:
        subtitle = f"{_charts_cap(label)} as reported in each article" + (f", in {uw}" if uw else "") + \
                   ("; grey band: the range most outlets support" if band else "")
        if log_scale:
            subtitle += ". Logarithmic axis: each gridline is ten times the one before"
        alt = (f"Dot plot of the {_charts_mid(label, language)} reported by {_charts_count(n, language, False)} "
               f"{_charts_outlets_word(n, language)}, where {_charts_lower_first(finding, data['outlet'])}. "
               f"Figures: {_charts_alt_values(data, language)}.")
    source = _charts_source_line(list(data["file"]), _charts_outlet_map(tables, language), language)
    return {"title": title, "subtitle": subtitle, "source": source, "alt": alt}


def _charts_x_formatter(unit: str, language: str) -> FuncFormatter:
    """Tick labels in the story's number style ('0' at zero, hyphen-minus)."""
    return FuncFormatter(lambda v, _pos: "0" if v == 0 else format_amount(v, unit, language))


def _charts_dot_scale(data: pd.DataFrame) -> tuple[bool, float, float]:
    """(log scale?, xmin, xmax): linear from zero unless the figures span more than 50-fold."""
    vals = pd.concat([data["value"], data["low"], data["high"], data["consensus_low"], data["consensus_high"]])
    vals = vals.astype(float)
    vals = vals[vals.notna() & (vals > 0)]
    if vals.empty:
        return False, 0.0, 1.0
    lo, hi = float(vals.min()), float(vals.max())
    if _charts_text(data["unit"].iloc[0]) in ("year", "date", "ordinal"):   # no meaningful zero
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
    lang = story_language(_charts_table(tables, "articles"), language)
    data = dotplot_data(tables, quantity, unit, lang)
    log, xmin, xmax = _charts_dot_scale(data)
    texts = dotplot_texts(tables, data, quantity, lang, log)
    unit = data["unit"].iloc[0] if not data.empty else (unit or "")
    with chart_style():
        fig = _charts_new_figure()
        ax = fig.add_subplot()
        ylabels = _charts_fit_names(fig, data["outlet"], 10, 2.0, "bold")
        left = max(0.9, _charts_label_width(fig, ylabels, 10, "bold") + _CHARTS_PAD_IN + 0.12)
        body = max(1.0, (0.42 if all("\n" not in y for y in ylabels) else 0.55) * len(data))
        legend = len({"agrees", "compatible", "contradicts"} & set(data["verdict"])) >= 2
        _charts_layout(fig, ax, texts, body, left, 0.3, below_in=0.62 if legend else 0.35, above_in=0.12)
        if log:
            ax.set_xscale("log")
            ax.xaxis.set_major_locator(FixedLocator([10 ** k for k in range(int(round(math.log10(xmin))),
                                                                           int(round(math.log10(xmax))) + 1)]))
            ax.xaxis.set_minor_locator(FixedLocator([]))
        else:
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3))
        ax.set_xlim(xmin, xmax)
        ax.xaxis.set_major_formatter(_charts_x_formatter(unit, lang))
        ax.set_ylim(len(data) - 0.5, -0.5)
        ax.set_yticks(range(len(data)), ylabels)
        for tick, (_, r) in zip(ax.get_yticklabels(), data.iterrows()):
            if r["highlight"] == "outlier":
                tick.set_color(OKABE_ITO["vermillion"])
                tick.set_fontweight("bold")
        _charts_draw_consensus(ax, data, unit, lang, log)
        labels = _charts_draw_marks(ax, data, log, xmin, xmax)
        _charts_verdict_legend(ax, data, lang, 0.36 / body)
        fig.canvas.draw()
        place_labels(fig, labels, fixed=[t for t in ax.get_yticklabels()], direction="down")
    data.attrs.update(texts, name=f"dots_{quantity}", kind="dotplot")
    return fig, data


def _charts_draw_consensus(ax, data: pd.DataFrame, unit: str, language: str, log: bool) -> None:
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
    ax.axvspan(cl, ch, color=_CHARTS_BAND, zorder=0, lw=0)
    word = _CHARTS_WORDS[language]["consensus"]
    text = f"{_charts_cap(word)}: {format_range(data['consensus_low'].iloc[0], data['consensus_high'].iloc[0], unit, language)}"
    mid_x = math.sqrt(cl * ch) if log and cl > 0 else (cl + ch) / 2
    px = ax.transData.transform((mid_x, 0))[0]
    w = _charts_text_size(fig, text, 8.5)[0] * fig.dpi
    box = ax.get_window_extent()
    ha = "center"
    if px + w / 2 > box.x1:
        ha, mid_x = "right", ch
    elif px - w / 2 < box.x0:
        ha, mid_x = "left", cl
    ax.text(mid_x, -0.55, text, ha=ha, va="bottom", fontsize=8.5, color=_CHARTS_SOFT, parse_math=False,
            clip_on=False, gid="consensus-label")


_CHARTS_VERDICT_WORDS = {"de": {"agrees": "stimmt mit dem Konsens überein", "compatible": "passt dazu (Rundung, Grenze)",
                                 "contradicts": "widerspricht"},
                          "en": {"agrees": "matches the consensus", "compatible": "compatible (rounded, a bound)",
                                 "contradicts": "contradicts"}}


def _charts_verdict_legend(ax, data: pd.DataFrame, language: str, below: float) -> None:
    """A one-line key under the axis for the dot colours that occur (agrees, compatible, contradicts)."""
    from matplotlib.lines import Line2D
    present = [v for v in ("agrees", "compatible", "contradicts") if v in set(data["verdict"])]
    if len(present) < 2:
        return
    handles = [Line2D([], [], ls="", marker="o", ms=7, color=VERDICT_COLOURS[v], mec="white") for v in present]
    fig = ax.figure
    x0 = _CHARTS_PAD_IN / fig.get_figwidth()
    y0 = ax.get_position().y0 - below * ax.get_position().height
    fig.legend(handles, [_CHARTS_VERDICT_WORDS[language][v] for v in present], loc="upper left",
               bbox_to_anchor=(x0, y0), bbox_transform=fig.transFigure, ncol=len(present), fontsize=8.5,
               handlelength=0.8, handletextpad=0.4, columnspacing=1.2, borderaxespad=0, borderpad=0,
               labelcolor=_CHARTS_SOFT)


def _charts_draw_marks(ax, data: pd.DataFrame, log: bool, xmin: float, xmax: float) -> list:
    """Draw every row's dot, hedge arrow or band, and its value label; returns the labels."""
    labels = []
    span_px = ax.get_window_extent().width
    arrow_px = 0.08 * span_px
    for y, (_, r) in enumerate(data.iterrows()):
        colour = VERDICT_COLOURS.get(r["verdict"], _CHARTS_GREY)
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
        tcolour = OKABE_ITO["vermillion"] if r["highlight"] == "outlier" else _CHARTS_INK
        right_room = right_px - px + 7
        text, side = _charts_label_at(ax, v, y, r["label"], right_room, color=tcolour, weight=weight)
        if side == "left":
            x_left = ax.transData.inverted().transform((left_px - 7, 0))[0]
            text.set_position((x_left, y))
        else:
            text.set_position((ax.transData.inverted().transform((right_px + 7, 0))[0], y))
        labels.append(text)
    return labels


# ---------------------------------------------------------------------------
# Chart 2: progression of one quantity over time or stage, with derived checks
# ---------------------------------------------------------------------------
def _charts_relation(detail: dict) -> tuple[str, list[str]]:
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


def _charts_apply(op: str, a: float, b: float, unit_b: str) -> float:
    """a ÷ b or a × b, with a percentage taken as a share (49 % -> 0.49)."""
    share = b / 100 if unit_b == "percent" else b
    if op == "÷":
        return a / share if share else math.nan
    return a * share


def _charts_lookup_inputs(tables: dict, op: str, names: list[str], files: list[str], implied: float) -> list:
    """[(quantity, value), (quantity, value)] from evidence whose result is closest to `implied`.

    Used when the derived check names its inputs but not their values; figures of the
    check's own articles are preferred.
    """
    if op == "" or len(names) != 2 or math.isnan(implied):
        return []
    cands = []
    for name in names:
        rows = [r for r in chart_evidence(tables, name)]
        own = [r for r in rows if _charts_text(r.get("file")) in files]
        cands.append([(cell_float(r.get("value")), _charts_text(r.get("unit"))) for r in (own or rows)])
    best = None
    for a, _ua in cands[0]:
        for b, ub in cands[1]:
            got = _charts_apply(op, a, b, ub)
            if got and not math.isnan(got):
                err = abs(got - implied) / abs(implied)
                if best is None or err < best[0]:
                    best = (err, a, b)
    if best is None or best[0] > 0.01:
        return []
    return [(names[0], best[1]), (names[1], best[2])]


def _charts_derived(tables: dict, quantity: str) -> list[dict]:
    """Derived checks whose result is this quantity, the most telling first.

    Each: implied and reported value, inputs [(quantity, value)], the operator, consistent.
    Checks built on an outlier come last; then inconsistent ones; then those that combine
    figures from different articles.
    """
    out = []
    for f in _charts_findings(tables, "derived_check", quantity):
        d, vals = f["detail"], [cell_float(v) for v in f["values"]]
        implied = cell_float(d.get("implied"))
        reported = cell_float(d.get("reported"))
        if math.isnan(implied) and len(vals) >= 2:
            implied = vals[-2]
        if math.isnan(reported) and len(vals) >= 2:
            reported = vals[-1]
        if math.isnan(implied):
            continue
        op, names = _charts_relation(d)
        inputs = d.get("inputs")
        if isinstance(inputs, dict):
            inputs = [(k, cell_float(v)) for k, v in inputs.items()]
        elif isinstance(inputs, list):
            inputs = [("", cell_float(v)) for v in inputs]
        else:
            inputs = _charts_lookup_inputs(tables, op, names, f["files"], implied)
        consistent = d.get("consistent")
        if not isinstance(consistent, bool):
            tol = cell_float(d.get("tolerance"))
            tol = 0.05 if math.isnan(tol) else tol
            consistent = not math.isnan(reported) and abs(implied - reported) <= tol * abs(reported)
        out.append({"implied": implied, "reported": reported, "inputs": inputs, "op": op or "÷",
                    "consistent": consistent, "unit": _charts_text(f.get("unit")), "files": f["files"],
                    "from_outlier": bool(d.get("from_outlier")),
                    "same_article": d.get("result_from") == "same article" or len(set(f["files"])) == 1})
    out.sort(key=lambda c: (c["from_outlier"], not c["consistent"], not c["same_article"]))
    return out


def _charts_input_unit(tables: dict, name: str, fallback: str) -> str:
    """Unit of an input quantity of a derived check (from comparison.csv)."""
    row = _charts_comparison_row(tables, name) if name else {}
    return _charts_text(row.get("unit")) or fallback


def _charts_formula(tables: dict, check: dict, unit: str, language: str) -> str:
    """'14,3 Mrd. $ ÷ 49 % = 29,2 Mrd. $' for a derived check (as far as the inputs are known)."""
    implied = format_amount(check["implied"], unit, language)
    ins = check["inputs"]
    if len(ins) == 2:
        (n1, v1), (n2, v2) = ins
        u1 = _charts_input_unit(tables, n1, unit)
        u2 = _charts_input_unit(tables, n2, "percent" if 0 < v2 <= 100 and v1 > 1000 else "other")
        return f"{format_amount(v1, u1, language)} {check['op']} {format_amount(v2, u2, language)} = {implied}"
    return implied


def progression_data(tables: dict, quantity: str, unit: str | None = None, language: str = "auto") -> pd.DataFrame:
    """Tidy rows of a progression chart: reported values by stage and date, plus implied values."""
    lang = story_language(_charts_table(tables, "articles"), language)
    ev = _charts_table(tables, "evidence")
    comp = _charts_comparison_row(tables, quantity, unit)
    unit = unit or _charts_text(comp.get("unit"))
    outlets = _charts_outlet_map(tables, lang)
    rows, seen = [], set()
    for r in chart_evidence(tables, quantity, unit):
        v = cell_float(r.get("value"))
        stage = _charts_text(r.get("stage"))
        key = (_charts_text(r.get("file")), v, stage)
        if math.isnan(v) or key in seen:
            continue
        seen.add(key)
        rows.append({"quantity": quantity, "unit": unit, "kind": "reported", "file": key[0],
                     "outlet": outlets.get(key[0], article_label(key[0], "", lang)), "text": _charts_text(r.get("text")),
                     "value": v, "qualifier": _charts_text(r.get("qualifier")), "stage": stage,
                     "stage_label": _CHARTS_WORDS[lang]["stage"].get(stage, stage),
                     "published": _charts_text(r.get("published")), "consistent": pd.NA})
    rows.sort(key=lambda r: (_CHARTS_STAGE_ORDER.get(r["stage"], 2), r["published"] or "9999", r["file"], r["value"]))
    for i, r in enumerate(rows):
        r["step"] = i
        r["label"] = _charts_figure_label(r, lang)
    for check in _charts_derived(tables, quantity)[:1]:      # the most telling check
        near = min(rows, key=lambda r: abs(r["value"] - check["reported"]) if not math.isnan(check["reported"])
                   else -r["step"]) if rows else None
        rows.append({"quantity": quantity, "unit": unit, "kind": "implied", "file": "", "outlet": "",
                     "text": _charts_formula(tables, check, unit, lang), "value": check["implied"], "qualifier": "",
                     "stage": near["stage"] if near else "", "stage_label": _CHARTS_WORDS[lang]["computed"],
                     "published": "", "consistent": check["consistent"], "step": len(rows),
                     "checks_step": near["step"] if near else pd.NA,
                     "label": f"{_CHARTS_WORDS[lang]['computed']}: {_charts_formula(tables, check, unit, lang)}"})
    cols = ["quantity", "unit", "kind", "step", "file", "outlet", "text", "value", "qualifier", "stage",
            "stage_label", "published", "consistent", "checks_step", "label"]
    return pd.DataFrame(rows, columns=cols)


def _charts_inputs_words(tables: dict, quantity: str, language: str) -> str:
    """'als Investitionssumme ÷ Anteil' / 'as deal amount ÷ stake', or 'aus anderen Zahlen' when unknown."""
    for check in _charts_derived(tables, quantity)[:1]:
        names = [n for n, _v in check["inputs"] if n]
        if len(names) == 2:
            a, b = (_charts_quantity_label(tables, n, language) for n in names)
            return f"als {a} {check['op']} {b}" if language == "de" else f"as {a} {check['op']} {b}"
    return "aus anderen Zahlen" if language == "de" else "from other figures"


def progression_texts(tables: dict, data: pd.DataFrame, quantity: str, language: str) -> dict:
    """Title (how the value moved, and whether the derived check agrees), subtitle, source, alt text."""
    label = _charts_quantity_label(tables, quantity, language)
    rep = data[data["kind"] == "reported"]
    imp = data[data["kind"] == "implied"]
    unit = data["unit"].iloc[0] if not data.empty else ""
    if rep.empty:
        title = _charts_cap(label)
    else:
        a, b = rep["value"].iloc[0], rep["value"].iloc[-1]
        up = b >= a
        first, last = rep.iloc[0].to_dict(), rep.iloc[-1].to_dict()
        plain = first["qualifier"] in ("exact", "") and last["qualifier"] in ("exact", "")
        la, lb = _charts_figure_label(first, language), _charts_figure_label(last, language)
        if language == "de":
            p1, n1, s1 = _common_amount_parts(a, unit, language)
            p2, n2, s2 = _common_amount_parts(b, unit, language)
            rng = f"von {n1} auf {n2}{s2}" if plain and s1 == s2 and not p1 else f"von {la} auf {lb}"
            title = f"{_charts_cap(label)} {'stieg' if up else 'sank'} {rng}"
        else:
            title = f"{_charts_cap(label)} {'rose' if up else 'fell'} from {la} to {lb}"
        if not imp.empty:
            ok = bool(imp["consistent"].iloc[0])
            implied = format_amount(imp["value"].iloc[0], unit, language)
            if language == "de":
                title += " – und die Rechnung geht auf" if ok else f" – doch die Rechnung ergibt {implied}"
            else:
                title += ", and the arithmetic checks out" if ok else f", but the arithmetic gives {implied}"
    steps = "; ".join(f"{r['stage_label']} ({r['outlet']}): {r['label']}" for _, r in rep.iterrows())
    if language == "de":
        subtitle = f"{_charts_cap(label)} nach Zeitpunkt der Angabe"
        if not imp.empty:
            subtitle += f"; Raute: berechnet {_charts_inputs_words(tables, quantity, language)}"
        alt = f"Liniendiagramm: {label} in {len(rep)} Angaben, wo sich zeigt: {title}. Werte: {steps}."
    else:
        subtitle = f"{_charts_cap(label)} by when the figure applies"
        if not imp.empty:
            subtitle += f"; diamond: computed {_charts_inputs_words(tables, quantity, language)}"
        alt = (f"Line chart of the {_charts_mid(label, language)} in {len(rep)} reports, where {_charts_lower_first(title, rep['outlet'])}. "
               f"Figures: {steps}.")
    if not imp.empty:
        alt = alt[:-1] + "; " + "; ".join(imp["label"]) + "."
    files = list(rep["file"]) + [f for c in _charts_derived(tables, quantity)[:1] for f in c["files"]]
    source = _charts_source_line(files, _charts_outlet_map(tables, language), language)
    return {"title": title, "subtitle": subtitle, "source": source, "alt": alt}


def chart_progression(tables: dict, quantity: str, unit: str | None = None, language: str = "auto"):
    """Progression chart of a quantity reported at several stages: (Figure, tidy data)."""
    lang = story_language(_charts_table(tables, "articles"), language)
    data = progression_data(tables, quantity, unit, lang)
    texts = progression_texts(tables, data, quantity, lang)
    unit = data["unit"].iloc[0] if not data.empty else (unit or "")
    rep = data[data["kind"] == "reported"]
    imp = data[data["kind"] == "implied"]
    with chart_style():
        fig = _charts_new_figure()
        ax = fig.add_subplot()
        ncat = max(len(rep) + len(imp), 1)
        ymax = max([1.0] + list(data["value"].astype(float))) * 1.22
        tick_w = _charts_label_width(fig, ["0", format_amount(ymax, unit, lang)], 9)
        left = _CHARTS_PAD_IN + tick_w + 0.12
        step_in = (CHART_WIDTH_IN - left - 0.3) / ncat - 0.1
        ticks = [_charts_wrap(fig, r["stage_label"], 9, step_in) + "\n" + _charts_wrap(fig, r["outlet"], 9, step_in)
                 for _, r in rep.iterrows()]
        ticks += [_charts_wrap(fig, r["stage_label"], 9, step_in) + "\n"
                  + _charts_wrap(fig, r["text"].split(" = ")[0], 9, step_in) for _, r in imp.iterrows()]
        below = 0.2 + 0.16 * max([2] + [t.count("\n") + 1 for t in ticks])
        _charts_layout(fig, ax, texts, 2.5, left, 0.3, below_in=below, above_in=0.05)
        ax.grid(axis="x", visible=False)
        ax.grid(axis="y", visible=True)
        ax.set_xlim(-0.5, ncat - 0.5)
        ax.set_ylim(0, ymax)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
        ax.yaxis.set_major_formatter(_charts_x_formatter(unit, lang))
        ax.set_xticks(range(ncat), ticks, fontsize=9)
        ax.plot(rep["step"], rep["value"], color=_CHARTS_GREY, lw=1.6, zorder=2)
        colours = [OKABE_ITO["blue"] if s != "projected" else OKABE_ITO["sky_blue"] for s in rep["stage"]]
        ax.scatter(rep["step"], rep["value"], s=70, c=colours, zorder=3, edgecolors="white", linewidths=0.8)
        labels = [ax.text(r["step"], r["value"], r["label"], ha="center", va="bottom", fontsize=_CHARTS_LABEL_PT,
                          parse_math=False, color=_CHARTS_INK) for _, r in rep.iterrows()]
        for _, r in imp.iterrows():
            colour = OKABE_ITO["green"] if r["consistent"] is True else OKABE_ITO["vermillion"]
            if not pd.isna(r["checks_step"]):
                ref = rep[rep["step"] == r["checks_step"]]["value"].iloc[0]
                ax.plot([r["checks_step"], r["step"]], [ref, r["value"]], ls=(0, (2, 2)), lw=1.2, color=colour,
                        zorder=1)
            ax.plot([r["step"]], [r["value"]], "D", ms=8, mfc="white", mec=colour, mew=2, zorder=4)
            labels.append(ax.text(r["step"], r["value"], format_amount(r["value"], unit, lang), ha="center",
                                  va="bottom", fontsize=_CHARTS_LABEL_PT, color=colour, parse_math=False))
        for t in labels:
            _charts_shift_text(t, 0, 9)
        for tick, colour in zip(ax.get_xticklabels()[len(rep):], [OKABE_ITO["green"] if c is True else
                                                                   OKABE_ITO["vermillion"] for c in imp["consistent"]]):
            tick.set_color(colour)
        fig.canvas.draw()
        place_labels(fig, labels, direction="up")
    data.attrs.update(texts, name=f"progression_{quantity}", kind="progression")
    return fig, data


# ---------------------------------------------------------------------------
# Chart 3: who cites whom
# ---------------------------------------------------------------------------
def citations_data(tables: dict, language: str = "auto") -> pd.DataFrame:
    """Tidy edges outlet -> cited source, with the figures attributed along each edge."""
    lang = story_language(_charts_table(tables, "articles"), language)
    outlets = _charts_outlet_map(tables, lang)
    arts = _charts_table(tables, "articles")
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

    for rec in (arts.to_dict("records") if not arts.empty else []):
        for src in cell_json(rec.get("cites"), []):
            if isinstance(src, str) and src.strip():
                edge(_charts_text(rec.get("file")), src.strip())
    ev = _charts_table(tables, "evidence")
    for r in (ev.to_dict("records") if not ev.empty else []):
        src = _charts_text(r.get("attributed_to"))
        if src:
            r = dict(r, value=cell_float(r.get("value")), low=cell_float(r.get("low")),
                     high=cell_float(r.get("high")))
            q = _charts_text(r.get("quantity"))
            add_figure(edge(_charts_text(r.get("file")), src),
                       f"{_charts_quantity_label(tables, q, lang)}: {_charts_figure_label(r, lang, False)}", q)
    for f in _charts_findings(tables, "attribution"):
        for a in f["detail"].get("attributions", []) if isinstance(f["detail"].get("attributions"), list) else []:
            if isinstance(a, dict) and _charts_text(a.get("source")) and f["files"]:
                file = _charts_text(a.get("file")) or f["files"][0]
                e = edge(file, _charts_text(a.get("source")))
                q = _charts_text(a.get("quantity"))
                fig_id = _charts_text(a.get("figure_id"))
                hit = [r for r in (ev.to_dict("records") if not ev.empty else []) if fig_id and r.get("figure_id") == fig_id]
                if hit and not e["figures"]:
                    r = dict(hit[0], value=cell_float(hit[0].get("value")), low=cell_float(hit[0].get("low")),
                             high=cell_float(hit[0].get("high")))
                    add_figure(e, f"{_charts_quantity_label(tables, q, lang)}: {_charts_figure_label(r, lang, False)}", q)
        for src in f["detail"].get("sources", []) if isinstance(f["detail"].get("sources"), list) else []:
            for file in f["files"][:1]:
                if isinstance(src, str) and src.strip():
                    edge(file, src.strip())
        src = _charts_text(f["detail"].get("source"))
        if not src:
            continue
        for i, file in enumerate(f["files"]):
            e = edge(file, src)
            vals = f["values"]
            if i < len(vals) and not math.isnan(cell_float(vals[i])) and not e["figures"]:
                q = _charts_text(f.get("quantity"))
                add_figure(e, f"{_charts_quantity_label(tables, q, lang)}: {format_amount(vals[i], f.get('unit'), lang)}"
                           if q else format_amount(vals[i], f.get("unit"), lang), q)
    rows = sorted(edges.values(), key=lambda e: (e["file"], e["order"]))
    out = pd.DataFrame([{"file": e["file"], "outlet": e["outlet"], "source": e["source"],
                         "figures": json.dumps(e["figures"], ensure_ascii=False),
                         "quantities": json.dumps(e["quantities"], ensure_ascii=False),
                         "n_figures": len(e["figures"])} for e in rows],
                       columns=["file", "outlet", "source", "figures", "quantities", "n_figures"])
    return out


def _charts_all_files(tables: dict) -> list[str]:
    """Every article file the tables know about, sorted."""
    files = set()
    for name in ("articles", "evidence"):
        df = _charts_table(tables, name)
        if "file" in df.columns:
            files |= {_charts_text(f) for f in df["file"] if _charts_text(f)}
    return sorted(files)


def citations_texts(tables: dict, data: pd.DataFrame, language: str) -> dict:
    """Title (shared upstream sources, or how many outlets name one), subtitle, source line, alt text."""
    files = _charts_all_files(tables)
    outlets = _charts_outlet_map(tables, language)
    n_all = len(files)
    citing = list(dict.fromkeys(data["file"]))
    sources = list(dict.fromkeys(data["source"]))
    shared = [(s, list(dict.fromkeys(data.loc[data["source"] == s, "outlet"]))) for s in sources]
    shared = [(s, o) for s, o in shared if len(o) >= 2]
    src_list = join_words(sources[:4], language) + (
        (" und weitere" if language == "de" else " and others") if len(sources) > 4 else "")
    k = len(citing)
    if shared:
        s, o = max(shared, key=lambda x: len(x[1]))
        who = join_words(o[:3], language)
        title = (f"{who} berufen sich {'beide' if len(o) == 2 else 'alle'} auf {s}" if language == "de"
                 else f"{who} {'both' if len(o) == 2 else 'all'} rely on {s}")
    elif k == 0:
        title = "Kein Medium nennt eine Quelle" if language == "de" else "No outlet names a source"
    elif language == "de":
        verb = "nennt" if k == 1 else "nennen"
        title = f"{'Nur ' if k < n_all else ''}{_charts_count(k, language, k == n_all)} von " \
                f"{_charts_count(n_all, language, False)} Medien {verb} Quellen: {src_list}"
        title = title.replace("Nur ein von", "Nur eines von").replace("Ein von", "Eines von")
    else:
        verb = "names" if k == 1 else "name"
        title = f"{'Only ' if k < n_all else ''}{_charts_count(k, language, k == n_all)} of " \
                f"{_charts_count(n_all, language, False)} outlets {verb} sources: {src_list}"
    silent = [outlets.get(f, f) for f in files if f not in citing]
    links = "; ".join(f"{r['outlet']} → {r['source']}" + (f" ({', '.join(json.loads(r['figures']))})"
                                                          if r["n_figures"] else "") for _, r in data.iterrows())
    if language == "de":
        subtitle = "Welches Medium sich auf welche Quelle beruft; in der Mitte: die Zahlen, die es ihr zuschreibt"
        if silent:
            subtitle += "; grau: nennt keine Quelle"
        alt = f"Verbindungsdiagramm: Medien links, zitierte Quellen rechts, wo sich zeigt: {title}. " \
              f"Verbindungen: {links or 'keine'}." + (f" Ohne Quelle: {', '.join(silent)}." if silent else "")
    else:
        subtitle = "Which outlet cites which source; in the middle: the figures it attributes to that source"
        if silent:
            subtitle += "; grey: names no source"
        alt = f"Network diagram of outlets (left) and the sources they cite (right), where " \
              f"{_charts_lower_first(title, list(outlets.values()) + sources)}. Links: {links or 'none'}." + \
              (f" No source named: {', '.join(silent)}." if silent else "")
    return {"title": title, "subtitle": subtitle, "source": _charts_source_line(files, outlets, language),
            "alt": alt}


def _charts_edge_label(figures: list[str]) -> str:
    """'Deal amount: $1.2bn, $3bn · Stake: 40%' from ['Deal amount: $1.2bn', 'Deal amount: $3bn', 'Stake: 40%']."""
    groups: dict[str, list[str]] = {}
    for f in figures:
        head, sep, val = f.partition(": ")
        groups.setdefault(head if sep else "", []).append(val if sep else f)
    return " · ".join((f"{k}: " if k else "") + ", ".join(v) for k, v in groups.items())


_CHARTS_LINK_IN, _CHARTS_LINK_OUT = 0.18, 0.82   # where a link's straight middle stretch starts and ends


def chart_citations(tables: dict, language: str = "auto"):
    """Who cites whom: outlets left, cited sources right, one row per link in the middle. (Figure, data).

    Every link (outlet -> source) fans out from the outlet to its own row, runs straight
    across the middle and fans in to the source; the figures the outlet attributes to that
    source sit just above the straight stretch, where no other line passes, so labels never
    sit on each other or on a crossing. Outlets that name no source are listed in grey at the bottom.
    """
    lang = story_language(_charts_table(tables, "articles"), language)
    data = citations_data(tables, lang)
    texts = citations_texts(tables, data, lang)
    outlets = _charts_outlet_map(tables, lang)
    files = _charts_all_files(tables)
    left_names = list(dict.fromkeys(outlets.get(f, article_label(f, "", lang)) for f in files))
    citing = list(dict.fromkeys(data["outlet"]))
    silent = [o for o in left_names if o not in citing]
    sources = list(dict.fromkeys(data["source"]))
    with chart_style():
        fig = _charts_new_figure()
        ax = fig.add_subplot()
        shown = dict(zip(left_names, _charts_fit_names(fig, left_names, 10, 1.7)))
        shown.update(zip(sources, _charts_fit_names(fig, sources, 10, 1.5, "bold")))
        lw = _charts_label_width(fig, [shown[o] for o in left_names], 10) + 0.12
        rw = _charts_label_width(fig, [shown[s_] for s_ in sources], 10, "bold") + 0.12
        mid_w = (CHART_WIDTH_IN - 2 * _CHARTS_PAD_IN - lw - rw) * (_CHARTS_LINK_OUT - _CHARTS_LINK_IN - 0.04)
        edge_text = []
        for f in data["figures"]:
            one = _charts_edge_label(json.loads(f))
            if _charts_text_size(fig, one, 8.5)[0] > mid_w:      # one quantity per line, then wrap
                one = "\n".join(_charts_wrap(fig, part, 8.5, mid_w) for part in one.split(" · "))
            edge_text.append(one)
        lines = max([1] + [t.count("\n") + 1 for t in edge_text])
        name_lines = max([1] + [v.count("\n") + 1 for v in shown.values()])
        row_in = max(0.3 + 0.15 * lines, 0.14 + 0.18 * name_lines)
        rows = len(data) + len(silent)
        n = max(rows, len(sources), 1)
        _charts_layout(fig, ax, texts, max(1.0, row_in * n), _CHARTS_PAD_IN + lw, _CHARTS_PAD_IN + rw,
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
            colour = _CHARTS_INK if name in citing else _CHARTS_GREY
            ax.plot([0], [y], "o", ms=7, color=colour, zorder=3, clip_on=False)
            t = ax.text(0, y, shown[name], ha="right", va="center", fontsize=10, color=colour, parse_math=False,
                        clip_on=False, linespacing=1.05)
            _charts_shift_text(t, -9, 0)
        for s_, y in ry.items():
            ax.plot([1], [y], "s", ms=8, color=OKABE_ITO["orange"], zorder=3, clip_on=False)
            t = ax.text(1, y, shown[s_], ha="left", va="center", fontsize=10, weight="bold", color=_CHARTS_INK,
                        parse_math=False, clip_on=False, linespacing=1.05)
            _charts_shift_text(t, 10, 0)
        labels = []
        for y, (_, r), label in zip(edge_y, data.iterrows(), edge_text):
            y0, y1 = ly[r["outlet"]], ry[r["source"]]
            strong = r["n_figures"] > 0
            ax.plot([0, _CHARTS_LINK_IN, _CHARTS_LINK_OUT, 1], [y0, y, y, y1],
                    color=OKABE_ITO["blue"] if strong else "#BBBBBB", lw=2.0 if strong else 1.1, zorder=2,
                    solid_joinstyle="round", solid_capstyle="round")
            if strong:
                label_t = ax.text((_CHARTS_LINK_IN + _CHARTS_LINK_OUT) / 2, y, label, ha="center", va="bottom",
                                  fontsize=8.5, linespacing=1.1, color=OKABE_ITO["blue"], parse_math=False, zorder=5)
                _charts_shift_text(label_t, 0, 3)
                labels.append(label_t)
        fig.canvas.draw()
        nodes = [t for t in ax.texts if all(t is not lab for lab in labels)]
        place_labels(fig, labels, fixed=nodes, direction="down")
    data.attrs.update(texts, name="citations", kind="citations")
    return fig, data


# ---------------------------------------------------------------------------
# Chart 4: overview of all compared quantities
# ---------------------------------------------------------------------------
_CHARTS_STATUS_ORDER = {"contested": 0, "progression": 1, "agreed": 2, "single_source": 3}
_CHARTS_STATUS_COLOURS = {"contested": OKABE_ITO["vermillion"], "progression": OKABE_ITO["orange"],
                          "agreed": OKABE_ITO["blue"], "single_source": _CHARTS_GREY}


def overview_data(tables: dict, language: str = "auto") -> pd.DataFrame:
    """Tidy rows of the overview: every compared figure relative to its quantity's consensus."""
    lang = story_language(_charts_table(tables, "articles"), language)
    comp = _charts_table(tables, "comparison")
    ev = _charts_table(tables, "evidence")
    outlets = _charts_outlet_map(tables, lang)
    rows = []
    recs = sorted((c for c in comp.to_dict("records") if _charts_text(c.get("quantity")) not in ("", "unclassified")),
                  key=lambda c: (_CHARTS_STATUS_ORDER.get(_charts_text(c.get("status")), 4),
                                 -(cell_float(c.get("n_outlets")) or 0), _charts_text(c.get("quantity"))))
    recs = [c for c in recs if chart_evidence(tables, _charts_text(c.get("quantity")), _charts_text(c.get("unit")))
            and _charts_text(c.get("status")) != "single_source"
            and (cell_float(c.get("n_outlets")) or 0) >= 2]      # one outlet: nothing to compare
    for i, c in enumerate(recs):
        q, unit = _charts_text(c.get("quantity")), _charts_text(c.get("unit"))
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
            rows.append({"row": i, "quantity": q, "label": _charts_quantity_label(tables, q, lang), "unit": unit,
                         "status": _charts_text(c.get("status")), "n_outlets": int(cell_float(c.get("n_outlets")) or 0),
                         "spread": cell_float(c.get("spread")), "reference": ref,
                         "file": _charts_text(r.get("file")),
                         "outlet": outlets.get(_charts_text(r.get("file")), ""), "value": v, "ratio": v / ref,
                         "verdict": _charts_text(r.get("verdict"))})
        if not any(r["row"] == i for r in rows):
            rows.append({"row": i, "quantity": q, "label": _charts_quantity_label(tables, q, lang), "unit": unit,
                         "status": _charts_text(c.get("status")), "n_outlets": int(cell_float(c.get("n_outlets")) or 0),
                         "spread": cell_float(c.get("spread")), "reference": ref, "file": "", "outlet": "",
                         "value": math.nan, "ratio": math.nan, "verdict": ""})
    return pd.DataFrame(rows, columns=["row", "quantity", "label", "unit", "status", "n_outlets", "spread",
                                       "reference", "file", "outlet", "value", "ratio", "verdict"])


def _charts_single_source_count(tables: dict) -> int:
    """How many quantities only one outlet reports (left out of the overview)."""
    comp = _charts_table(tables, "comparison")
    return sum(1 for c in comp.to_dict("records")
               if _charts_text(c.get("quantity")) not in ("", "unclassified")
               and (_charts_text(c.get("status")) == "single_source" or (cell_float(c.get("n_outlets")) or 0) < 2))


# the overview's words, (German, English) per phrase
_CHARTS_OVERVIEW_WORDS = {
    "both": ("Uneinig bei {contested}, einig bei {agreed}", "Outlets disagree on the {contested} but agree on the {agreed}"),
    "contested": ("Die Medien sind uneins bei {contested}", "Outlets disagree on the {contested}"),
    "agreed": ("Einig bei {agreed}", "Outlets agree on the {agreed}"),
    "all_agreed": ("Die Medien sind sich bei allen {n} Größen einig", "Outlets agree on all {n} figures"),
    "none": ("Jede Zahl stammt nur aus einer Quelle", "Every figure comes from a single source"),
    "rose": ("{q} stieg", "the {q} rose"), "fell": ("{q} sank", "the {q} fell"),
    "changed": ("{q} veränderte sich", "the {q} changed"),
    "subtitle": ("Jede Zahl im Verhältnis zum Konsens der Medien (Mittellinie; ÷10 = ein Zehntel davon)",
                 "Each figure relative to the outlets' consensus (centre line; ÷10 = a tenth of it)"),
    "times": ("; {q}: Werte aus verschiedenen Zeitpunkten", "; {q}: figures from different points in time"),
    "single": (". Nicht gezeigt: {n} {noun}, die nur ein Medium nennt", ". Not shown: {n} {noun} only one outlet reports"),
    "nouns": (("Größe", "Größen"), ("figure", "figures")), "spread": ("Spanne", "spread"),
    "alt": ("Übersichtsdiagramm: alle {n} verglichenen Größen, je Zeile die Zahlen der Medien im Verhältnis zum "
            "Konsens, wo sich zeigt: {title}. {rows}.",
            "Overview chart of all {n} compared figures, one row each with every outlet's figure relative to the "
            "consensus, where {title_mid}. {rows}."),
}


def _charts_overview_words(language: str) -> dict:
    """The overview's phrases in one language."""
    return {k: v[0 if language == "de" else 1] for k, v in _CHARTS_OVERVIEW_WORDS.items()}


def _charts_progression_move(tables: dict, quantity: str, unit: str) -> str:
    """How a progression quantity moved from its first to its last reported value: rose, fell or changed."""
    rep = progression_data(tables, quantity, unit or None)
    rep = rep[rep["kind"] == "reported"]
    if rep.empty or rep["value"].iloc[-1] == rep["value"].iloc[0]:
        return "changed"
    return "rose" if rep["value"].iloc[-1] > rep["value"].iloc[0] else "fell"


def overview_title(tables: dict, data: pd.DataFrame, language: str) -> str:
    """Where the outlets agree and where they do not; a progression is named as a change, never as agreement.

    de "Uneinig bei Investitionssumme, einig bei Anteil und Gründungsjahr; Bewertung stieg",
    en "Outlets disagree on the deal amount but agree on the stake; the valuation rose".
    """
    words = _charts_overview_words(language)
    q = data.drop_duplicates("row")
    names = lambda status: [_charts_mid(x, language) for x in q.loc[q["status"] == status, "label"]]  # noqa: E731
    contested, agreed = names("contested"), names("agreed")
    moves = [words[_charts_progression_move(tables, r["quantity"], r["unit"])].format(q=_charts_mid(r["label"], language))
             for _, r in q[q["status"] == "progression"].iterrows()]
    some = {"contested": _charts_join_some(contested, language), "agreed": _charts_join_some(agreed, language)}
    if contested and agreed:
        title = words["both"].format(**some)
    elif contested:
        title = words["contested"].format(**some)
    elif agreed and moves:
        title = words["agreed"].format(**some)
    elif agreed:
        title = words["all_agreed"].format(n=_charts_count(len(agreed), language, False))
    elif moves:
        return _charts_cap(join_words(moves, language))
    else:
        return words["none"]
    return f"{title}; {join_words(moves, language)}" if moves else title


def overview_texts(tables: dict, data: pd.DataFrame, language: str) -> dict:
    """Title (where outlets agree, where they do not, what changed), subtitle, source line, alt text."""
    words = _charts_overview_words(language)
    q = data.drop_duplicates("row")
    single = _charts_single_source_count(tables)
    changed = list(q.loc[q["status"] == "progression", "label"])
    title = overview_title(tables, data, language)
    subtitle = words["subtitle"]
    if changed:
        subtitle += words["times"].format(q=join_words(changed, language))
    if single:
        subtitle += words["single"].format(n=single, noun=words["nouns"][single != 1])
    rows = "; ".join(f"{r['label']}: {_CHARTS_WORDS[language]['status'].get(r['status'], r['status'])}, "
                     f"{r['n_outlets']} {_charts_outlets_word(r['n_outlets'], language)}"
                     + (f", {words['spread']} ×{format_number(r['spread'], language, 1 if r['spread'] < 10 else 0)}"
                        if not math.isnan(r['spread']) and r['n_outlets'] > 1 else "")
                     for _, r in q.iterrows())
    alt = words["alt"].format(n=len(q), title=title, title_mid=_charts_lower_first(title, []), rows=rows)
    files = [f for f in data["file"] if f]
    return {"title": title, "subtitle": subtitle,
            "source": _charts_source_line(files, _charts_outlet_map(tables, language), language), "alt": alt}


def _charts_ratio_label(r: float, language: str) -> str:
    """'×2', '÷10', 'Konsens' for a ratio tick."""
    if abs(r - 1) < 1e-9:
        return "Konsens" if language == "de" else "consensus"
    if r > 1:
        return f"×{format_number(r, language)}"
    return f"÷{format_number(1 / r, language)}"


def chart_overview(tables: dict, language: str = "auto"):
    """Overview: one row per compared quantity, each figure relative to the consensus. (Figure, data)."""
    lang = story_language(_charts_table(tables, "articles"), language)
    data = overview_data(tables, lang)
    texts = overview_texts(tables, data, lang)
    q = data.drop_duplicates("row")
    ratios = data["ratio"].dropna().astype(float)
    lo = min([0.5] + list(ratios / 1.6))
    hi = max([2.0] + list(ratios * 1.6))
    candidates = [1 / 1000, 1 / 100, 1 / 20, 1 / 10, 1 / 5, 1 / 2, 1, 2, 5, 10, 20, 100, 1000]
    ticks = [t for t in candidates if lo <= t <= hi]
    while len(ticks) > 7:
        ticks = [t for i, t in enumerate(ticks) if t == 1 or i % 2 == ticks.index(1) % 2]
    w = _CHARTS_WORDS[lang]
    side = []
    for _, r in q.iterrows():
        spread = "" if math.isnan(r["spread"]) or r["n_outlets"] < 2 else f", ×{format_number(r['spread'], lang, 1 if r['spread'] < 10 else 0)}"
        side.append(f"{w['status'].get(r['status'], r['status'])}\n{r['n_outlets']} "
                    f"{_charts_outlets_word(r['n_outlets'], lang)}{spread}")
    with chart_style():
        fig = _charts_new_figure()
        ax = fig.add_subplot()
        labels = _charts_fit_names(fig, [_charts_cap(s) for s in q["label"]], 10, 1.9)
        left = _CHARTS_PAD_IN + _charts_label_width(fig, labels, 10) + 0.12
        right = _CHARTS_PAD_IN + _charts_label_width(fig, side, 8.5) + 0.15
        _charts_layout(fig, ax, texts, max(1.0, 0.62 * len(q)), left, right, below_in=0.35, above_in=0.05)
        ax.set_xscale("log")
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_minor_locator(FixedLocator([]))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: _charts_ratio_label(v, lang)))
        ax.set_ylim(len(q) - 0.5, -0.5)
        ax.set_yticks(range(len(q)), labels)
        ax.axvline(1, color="#444444", lw=1.2, zorder=1)
        notes = []
        for i, (_, r) in enumerate(q.iterrows()):
            pts = data[(data["row"] == r["row"]) & data["ratio"].notna()]
            m = len(pts)
            for k, (_, p) in enumerate(pts.iterrows()):
                dy = (k - (m - 1) / 2) * min(0.11, 0.6 / max(m, 1))
                ax.plot([p["ratio"]], [i + dy], "o", ms=7, color=VERDICT_COLOURS.get(p["verdict"], _CHARTS_GREY),
                        mec="white", mew=0.7, zorder=3, alpha=0.95)
                if p["verdict"] == "contradicts" and p["outlet"]:
                    t = ax.text(p["ratio"], i + dy, p["outlet"], ha="left" if p["ratio"] < 1 else "right",
                                va="center", fontsize=8.5, color=OKABE_ITO["vermillion"], parse_math=False)
                    _charts_shift_text(t, 8 if p["ratio"] < 1 else -8, 0)
                    notes.append(t)
            ax.text(1.02, i, side[i], transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=8.5,
                    color=_CHARTS_STATUS_COLOURS.get(r["status"], _CHARTS_GREY), parse_math=False, clip_on=False,
                    linespacing=1.1)
        fig.canvas.draw()
        place_labels(fig, notes, direction="down")
    data.attrs.update(texts, name="overview", kind="overview")
    return fig, data


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


def _charts_slug(s: str) -> str:
    """A file-name-safe version of a quantity name."""
    return re.sub(r"[^a-z0-9_]+", "_", s.lower()).strip("_") or "quantity"


def chart_plan(tables: dict) -> list[tuple[str, str, str, str]]:
    """Which charts a story gets: [(name, kind, quantity, unit)], in reading order.

    overview (when anything was compared), a dot plot for each compared quantity that is
    not a progression (most important finding first), a progression chart for each
    progression, and who-cites-whom when any outlet names a source.
    """
    comp = _charts_table(tables, "comparison")
    recs = [c for c in comp.to_dict("records") if _charts_text(c.get("quantity")) not in ("", "unclassified")]
    ranks = {}
    for f in _charts_findings_all(tables):
        ranks.setdefault(_charts_text(f.get("quantity")), cell_float(f.get("rank")))
    recs.sort(key=lambda c: (ranks.get(_charts_text(c.get("quantity")), 1e9), _charts_text(c.get("quantity"))))
    units = {}
    for c in recs:
        units.setdefault(c["quantity"], []).append(c["unit"])
    plan = [("overview", "overview", "", "")] if overview_data(tables)["ratio"].notna().any() else []
    progression = {f["quantity"] for f in _charts_findings(tables, "progression")}
    for c in recs:
        q, u = _charts_text(c.get("quantity")), _charts_text(c.get("unit"))
        stem = _charts_slug(q) + (f"_{_charts_slug(u)}" if len(units[q]) > 1 else "")
        moved = _charts_text(c.get("status")) == "progression" or q in progression
        if moved and (progression_data(tables, q, u or None)["kind"] == "reported").sum() >= 2:
            plan.append((f"progression_{stem}", "progression", q, u))
        elif dotplot_data(tables, q, u or None)["outlet"].nunique() >= 2:
            plan.append((f"dots_{stem}", "dotplot", q, u))
    if not citations_data(tables, "en").empty:
        plan.append(("citations", "citations", "", ""))
    return plan


def _charts_findings_all(tables: dict) -> list[dict]:
    """All findings rows in rank order (raw cells)."""
    df = _charts_table(tables, "findings")
    if df.empty or "rank" not in df.columns:
        return []
    return sorted(df.to_dict("records"), key=lambda r: cell_float(r.get("rank")))


def make_charts(tables: dict, language: str = "auto") -> list[Chart]:
    """Draw every chart of chart_plan(tables) in the story's language."""
    lang = story_language(_charts_table(tables, "articles"), language)
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


def chart_bytes(fig: Figure, fmt: str, dpi: float | None = None) -> bytes:
    """The figure as PNG or SVG bytes, reproducibly: no dates, no software stamp, fixed SVG ids.

    PNGs are written at the style's savefig.dpi (200: 1280 px, sharp at 640 px on dense
    screens); dpi=100 gives the 640 px preview a notebook shows.
    """
    buf = io.BytesIO()
    with chart_style():
        if fmt == "svg":
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        else:
            fig.savefig(buf, format="png", metadata={"Software": None}, **({"dpi": dpi} if dpi else {}))
    return buf.getvalue()


def save_chart(fig: Figure, data: pd.DataFrame, charts_dir, name: str | None = None, alt: str | None = None) -> list[Path]:
    """Write charts/<name>.png, .svg, .txt (alt text) and .csv (the data), each atomically."""
    charts_dir = Path(charts_dir)
    name = name or data.attrs.get("name") or "chart"
    alt = alt if alt is not None else data.attrs.get("alt", "")
    paths = [write_bytes_atomic(charts_dir / f"{name}.png", chart_bytes(fig, "png")),
             write_bytes_atomic(charts_dir / f"{name}.svg", chart_bytes(fig, "svg")),
             write_text_atomic(charts_dir / f"{name}.txt", alt.strip() + "\n")]
    table = data.copy()
    table.attrs = {}
    for col in table.columns:
        if table[col].dtype == float:
            table[col] = table[col].map(lambda v: "" if pd.isna(v) else repr(float(v)))
    paths.append(write_csv_atomic(table, charts_dir / f"{name}.csv"))
    return paths


def save_charts(charts: list[Chart], charts_dir) -> pd.DataFrame:
    """Save every chart and remove chart files of an earlier run that this run no longer draws.

    Returns one row per chart: name, kind, quantity, title, files.
    """
    charts_dir = Path(charts_dir)
    keep = set()
    rows = []
    for c in charts:
        paths = save_chart(c.figure, c.data, charts_dir, c.name, c.alt)
        keep |= {p.name for p in paths}
        rows.append({"name": c.name, "kind": c.kind, "quantity": c.quantity, "title": c.title,
                     "files": " ".join(p.name for p in paths)})
    if charts_dir.is_dir():
        for p in sorted(charts_dir.iterdir()):
            if p.suffix in (".png", ".svg", ".txt", ".csv") and p.name not in keep:
                p.unlink()
    return pd.DataFrame(rows, columns=["name", "kind", "quantity", "title", "files"])
