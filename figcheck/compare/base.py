"""The comparison's tables, constants and the small numeric helpers every compare step shares."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd


INF = math.inf

# Columns of the three tables this section writes (docs/tables.md; extra columns last).
COMPARISON_COLUMNS = ["quantity", "unit", "n_outlets", "n_figures", "consensus_low", "consensus_high",
                      "median", "min", "max", "spread", "status", "agree", "compatible", "contradict",
                      "label", "support", "independent_sources"]
EVIDENCE_COLUMNS = ["quantity", "unit", "file", "outlet", "figure_id", "text", "value", "low", "high",
                    "qualifier", "stage", "attributed_to", "verdict", "factor", "sentence", "published",
                    "start", "end", "segment", "role", "stage_cue", "reason"]
FINDING_COLUMNS = ["rank", "kind", "quantity", "unit", "files", "outlets", "values", "severity", "score",
                   "message", "evidence", "detail", "confidence"]

# How specific a wording is: lower is more specific (used to pick the article's claim).
SPECIFICITY = {"exact": 0, "approx": 1, "range": 2, "upper": 3, "lower": 3, "vague": 5}
POINT_QUALIFIERS = ("exact", "approx", "range")
TIMEPOINT = {"past": "past", "projected": "projected", "early": "current", "settled": "current"}
TIMEPOINT_RANK = {"past": 0, "current": 1, "projected": 2}


@dataclass
class ComparisonResult:
    """The three tables of notebook 03 plus the story language the messages are written in, and, when
    the folder holds no common story (notebook 01), the one sentence that says so instead of findings."""
    comparison: pd.DataFrame
    evidence: pd.DataFrame
    findings: pd.DataFrame
    language: str = "en"
    no_story: str = ""


# ---------------------------------------------------------------------------
# Small value helpers
# ---------------------------------------------------------------------------
def number_or_none(x) -> float | None:
    """A finite float, or None for empty cells, NaN, NA and text that is not a number."""
    if x is None or x is pd.NA or isinstance(x, bool):
        return None
    if isinstance(x, str):
        x = x.strip()
        if not x:
            return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def overlap(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    """Whether two closed intervals share at least one value."""
    return a_lo <= b_hi and b_lo <= a_hi


def widen(lo: float, hi: float, tolerance: float) -> tuple[float, float]:
    """Widen [lo, hi] by a relative tolerance on each side (infinite ends stay infinite)."""
    return (lo - abs(lo) * tolerance if math.isfinite(lo) else lo,
            hi + abs(hi) * tolerance if math.isfinite(hi) else hi)
SHARE_QUANTITY = re.compile(r"stake|share(?!s$)|anteil|ownership|beteiligung", re.I)
