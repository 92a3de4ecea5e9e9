"""Reading the tables a run writes, and one reading of empty, numeric and JSON cells for every stage."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from figcheck.common.paths import ROOT, StoryError


# Columns of the tables in docs/tables.md that hold numbers; every other column is text.
NUMERIC_COLUMNS = frozenset({
    "start", "end", "value", "low", "high", "sentence_start", "word_count", "similarity", "bytes",
    "lines_removed", "line", "n_outlets", "n_figures", "consensus_low", "consensus_high", "median",
    "min", "max", "spread", "support", "independent_sources", "factor", "rank", "score"})


def read_table(path: Path) -> pd.DataFrame:
    """Read a table this collection wrote; empty strings stay empty strings, not NaN, in text columns."""
    path = Path(path)
    if not path.exists():
        raise StoryError(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} is missing: "
                         "run the notebooks before it first (make run)")
    df = pd.read_csv(path, keep_default_na=False, na_values=[""], dtype_backend="numpy_nullable")
    for col in df.columns:
        if df[col].dtype == object or str(df[col].dtype).startswith("string"):
            df[col] = df[col].fillna("").astype(object)
        elif df[col].isna().all() and col not in NUMERIC_COLUMNS:
            # a text column that happens to be empty in every row (no article names its outlet)
            # must not come back as a column of integer NAs
            df[col] = pd.Series([""] * len(df), index=df.index, dtype=object)
        elif df[col].isna().all():
            df[col] = pd.array([pd.NA] * len(df), dtype="Float64")
    return df


# ---------------------------------------------------------------------------
# Table cells: one reading of empty, numeric and JSON cells for every section.
# ---------------------------------------------------------------------------
def cell_float(x) -> float:
    """A table cell as float; NaN for None, NA, empty text or text that is not a number."""
    try:
        if x is None or x is pd.NA or isinstance(x, bool) or (isinstance(x, str) and not x.strip()):
            return math.nan
        return float(x)
    except (TypeError, ValueError):
        return math.nan


def cell_json(cell, default):
    """A JSON cell (list or object) parsed; `default` when empty, malformed or of another type."""
    if isinstance(cell, (list, dict)):
        return cell if isinstance(cell, type(default)) else default
    if not isinstance(cell, str) or not cell.strip():
        return default
    try:
        out = json.loads(cell)
    except ValueError:
        return default
    return out if isinstance(out, type(default)) else default


# ---------------------------------------------------------------------------
# Small readers: cells of the comparison's tables
# ---------------------------------------------------------------------------
def cell_text(x) -> str:
    """A text cell as a stripped string ('' for empty or NA)."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return ""
    return str(x).strip()
