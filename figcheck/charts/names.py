"""Who is who in the chart tables: the outlet of each file, a quantity's label, the articles behind a
chart, findings and comparison rows (with JSON cells parsed). Facts only; the words are in wording/charts.py."""
from __future__ import annotations

import math

from figcheck.charts.tables import chart_table, remember, rows_by
from figcheck.common.tables import cell_text, cell_float, cell_json
from figcheck.wording.charts import quantity_words
from figcheck.wording.words import article_label


# ---------------------------------------------------------------------------
# Who is who: outlet names, quantity labels, sources
# ---------------------------------------------------------------------------
def outlet_map(tables: dict, language: str) -> dict:
    """file -> the name charts use for it (outlet, else 'Artikel 001' / 'article 001')."""
    def build(_df) -> dict:
        out = {}
        for table in ("articles", "evidence"):
            df = chart_table(tables, table)
            if {"file", "outlet"} <= set(df.columns):
                for f, o in zip(df["file"], df["outlet"]):
                    f = cell_text(f)
                    if f and (f not in out or (cell_text(o) and out[f] == article_label(f, "", language))):
                        out[f] = article_label(f, cell_text(o), language)
        return out
    # kept per language, and made again when the articles or the evidence table is replaced
    return remember(tables, "articles", f"outlets:{language}:{id(chart_table(tables, 'evidence'))}", build)


def quantity_label(tables: dict, quantity: str, language: str, unit: str | None = None) -> str:
    """The quantity's label from comparison.csv, else its name in words ('deal amount').

    With `unit`, a quantity compared in several units (GBP and USD) is named with its unit,
    'deal amount (GBP)', so that no title or row names two different things alike."""
    rows = rows_by(tables, "comparison", "quantity").get(quantity, [])
    label = next((cell_text(r.get("label")) for r in rows if cell_text(r.get("label"))), "")
    several = bool(unit) and len({cell_text(r.get("unit")) for r in rows}) > 1
    return quantity_words(quantity, label, unit if several else "", language)


def source_names(files: list[str], outlets: dict, language: str) -> list[str]:
    """The outlets behind a chart's files, each once, in file order (for wording/charts.source_line)."""
    names = []
    for f in sorted(set(files)):
        name = outlets.get(f) or article_label(f, "", language)
        if name not in names:
            names.append(name)
    return names


def findings(tables: dict, kind: str, quantity: str | None = None) -> list[dict]:
    """Findings of one kind (optionally for one quantity), in rank order, with JSON cells parsed."""
    rows = remember(tables, "findings", f"kind:{kind}", lambda _df: _parsed_findings(tables, kind))
    if quantity is None:
        return list(rows)
    return [r for r in rows if cell_text(r.get("quantity")) == quantity or r["detail"].get("result") == quantity]


def _parsed_findings(tables: dict, kind: str) -> list[dict]:
    """The findings of one kind with their JSON cells parsed, in rank order."""
    rows = []
    for rec in rows_by(tables, "findings", "kind").get(kind, []):
        rows.append(dict(rec, files=cell_json(rec.get("files"), []), outlets=cell_json(rec.get("outlets"), []),
                         values=cell_json(rec.get("values"), []), evidence=cell_json(rec.get("evidence"), []),
                         detail=cell_json(rec.get("detail"), {})))
    rows.sort(key=lambda r: (cell_float(r.get("rank")) if not math.isnan(cell_float(r.get("rank"))) else 1e9))
    return rows


def comparison_row(tables: dict, quantity: str, unit: str | None = None) -> dict:
    """The comparison.csv row of a quantity (and unit), {} when absent."""
    for rec in rows_by(tables, "comparison", "quantity").get(quantity, []):
        if unit is None or rec.get("unit") == unit:
            return rec
    return {}
