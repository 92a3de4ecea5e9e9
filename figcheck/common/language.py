"""The story's language: one rule for findings, charts and the report (parameter, majority, earliest)."""
from __future__ import annotations


import pandas as pd


# ---------------------------------------------------------------------------
# The story's language: one rule for findings, charts and the report.
# ---------------------------------------------------------------------------
def story_language(articles: pd.DataFrame | None, setting: str = "auto") -> str:
    """The language findings, charts and the report are written in: "de" or "en".

    1. An explicit setting ("de" or "en", the story parameter `language`) wins.
    2. Otherwise the majority of articles.csv `language` (only de and en articles count; articles
       marked off story do not, unless every article is).
    3. A tie goes to the language of the earliest-published de/en article (`published`,
       any date pandas can read); when no such article has a date, to the language of
       the first de/en article by file name.
    4. With no de or en article at all: "en".
    """
    if setting in ("de", "en"):
        return setting
    if not isinstance(articles, pd.DataFrame) or "language" not in articles.columns or articles.empty:
        return "en"
    arts = articles[["language"] + [c for c in ("file", "published") if c in articles.columns]].copy()
    if "off_story" in articles.columns:       # a stray article does not set the story's language
        told = articles["off_story"].map(lambda x: not (isinstance(x, str) and x.strip()))
        if told.any():
            arts = arts[told.to_numpy()]
    arts["_lang"] = arts["language"].map(lambda x: str(x).strip().lower() if isinstance(x, str) else "")
    arts = arts[arts["_lang"].isin(["de", "en"])]
    if arts.empty:
        return "en"
    counts = arts["_lang"].value_counts()
    de, en = int(counts.get("de", 0)), int(counts.get("en", 0))
    if de != en:
        return "de" if de > en else "en"
    files = arts["file"].astype(str) if "file" in arts.columns else pd.Series([""] * len(arts), index=arts.index)
    arts["_file"] = files
    if "published" in arts.columns:
        dates = [pd.to_datetime(str(p), errors="coerce", utc=True) if isinstance(p, str) and p.strip() else pd.NaT
                 for p in arts["published"]]
        arts["_date"] = dates
        dated = arts[arts["_date"].notna()]
        if not dated.empty:
            return str(dated.sort_values(["_date", "_file"], kind="stable")["_lang"].iloc[0])
    return str(arts.sort_values("_file", kind="stable")["_lang"].iloc[0])
