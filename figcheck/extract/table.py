"""The story's figures table: every article's figures with file, outlet and segment; figures.csv."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from figcheck.common.files import write_csv_atomic
from figcheck.extract.figures import extract_figures
from figcheck.extract.grouping import apply_labels, name_quantities


# ---------------------------------------------------------------------------
# The story table, the notebook views
# ---------------------------------------------------------------------------
FIGURE_COLUMNS = ["figure_id", "file", "article_id", "outlet", "published", "language", "start", "end", "text",
                  "value", "unit", "qualifier", "low", "high", "quantity", "segment", "sentence", "sentence_start",
                  "measure", "holder", "object", "when", "frame", "measure_text", "verb", "part"]


def _segment_at(segments, pos: int) -> str:
    """The kind (headline, caption, body) of the segment holding offset pos; 'body' when none does."""
    for seg in segments or ():
        try:
            s, e, kind = seg
        except (TypeError, ValueError):
            continue
        if s <= pos < e:
            return str(kind)
    return "body"


def extract_story_figures(articles: pd.DataFrame, params: dict | None = None) -> pd.DataFrame:
    """figures.csv for a story: every figure of every article (docs/tables.md), sorted by file and start.

    `articles` is articles.csv (notebook 01); the article's own language is used, and the story's
    `quantities` parameter extends the vocabulary. low/high are NaN (written empty) where unbounded.
    """
    params = params or {}
    quantities = params.get("quantities") or {}
    exclude = set(params.get("exclude") or [])
    rows = []
    for _, art in articles.iterrows():
        if art.get("file") in exclude:
            continue
        text = art.get("text") or ""
        if not isinstance(text, str):
            text = ""
        lang = art.get("language") or "de"
        try:
            segments = json.loads(art.get("segments") or "[]")
        except (TypeError, ValueError):
            segments = []
        for f in extract_figures(text, lang, quantities, name=False):
            rows.append({
                "figure_id": f"{art.get('article_id', '')}:{f['start']}",
                "file": art.get("file", ""), "article_id": art.get("article_id", ""),
                "outlet": art.get("outlet", ""), "published": art.get("published", ""), "language": lang,
                "start": f["start"], "end": f["end"], "text": f["text"],
                "value": f["value"], "unit": f["unit"], "qualifier": f["qualifier"],
                "low": f["low"] if math.isfinite(f["low"]) else math.nan,
                "high": f["high"] if math.isfinite(f["high"]) else math.nan,
                "quantity": f["quantity"], "segment": _segment_at(segments, f["start"]),
                "sentence": f["sentence"], "sentence_start": f["sentence_start"],
                "measure": f["measure"], "holder": f["holder"], "object": f["object"], "when": f["when"],
                "frame": f["frame"], "measure_text": f["measure_text"], "cue": f["cue"], "verb": f["verb"], "part": f["part"],
            })
    name_quantities(rows, quantities)          # across the articles: the story's quantities
    apply_labels(rows, params.get("labels"))   # the reporter's corrections win
    df = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    if len(df):
        df = df.sort_values(["file", "start"], kind="stable").reset_index(drop=True)
    for col in ("value", "low", "high"):
        df[col] = df[col].astype(float)
    for col in ("start", "end", "sentence_start"):
        df[col] = df[col].astype(int)
    return df


def write_figures(df: pd.DataFrame, paths) -> Path:
    """Write figures.csv to the story's output folder, atomically; returns its path."""
    return write_csv_atomic(df[FIGURE_COLUMNS], paths.out("figures.csv"))
