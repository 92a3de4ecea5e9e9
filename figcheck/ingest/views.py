"""What notebook 01 shows: a summary of the articles, the removed lines, an article's segments."""
from __future__ import annotations

import json

import pandas as pd


# ---------------------------------------------------------------------------
# Views for the notebook
# ---------------------------------------------------------------------------
def ingest_summary(articles: pd.DataFrame) -> str:
    """One plain-text line per article: file, outlet, published, language, cites, words, status."""
    lines = []
    for _, r in articles.sort_values("file").iterrows():
        cites = ", ".join(json.loads(r["cites"])) if r["cites"] else ""
        status = f"duplicate of {r['duplicate_of']}" if r["duplicate_of"] else "ok"
        lines.append(f"{r['file']} | {r['outlet'] or '-'} ({r['outlet_from']}) | {r['published'] or '-'} | "
                     f"{r['language']} | cites: {cites or '-'} | {r['word_count']} words | {status}")
    return "\n".join(lines)


def boilerplate_by_article(boilerplate: pd.DataFrame, width: int = 90) -> str:
    """The removed lines, grouped by article and rule, as readable plain text."""
    out = []
    for file, grp in boilerplate.groupby("file", sort=True):
        out.append(f"== {file}: {len(grp)} line{'s' if len(grp) != 1 else ''} removed")
        for rule, g in grp.groupby("rule", sort=False):
            out.append(f"   [{rule}]")
            for _, r in g.iterrows():
                txt = r["text"] if len(r["text"]) <= width else r["text"][:width - 1] + "…"
                out.append(f"      {r['line']:>4}  {txt}")
    return "\n".join(out)


def show_article_segments(text: str, segments, width: int = 100) -> str:
    """The clean text with each segment labelled ([headline], [caption], [body]), lines shortened."""
    if isinstance(segments, str):
        segments = json.loads(segments)
    out = []
    for s, e, kind in segments:
        for para in text[s:e].split("\n"):
            if para.strip():
                out.append(f"[{kind:8}] " + (para if len(para) <= width else para[:width - 1] + "…"))
    return "\n".join(out)
