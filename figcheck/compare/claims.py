"""Claims: what one article says about one quantity at one point in time, represented by its most
specific figure."""
from __future__ import annotations

import math

import pandas as pd

from figcheck.compare.base import INF, SPECIFICITY, TIMEPOINT_RANK, number_or_none
from figcheck.compare.intervals import compare_is_pointlike


# ---------------------------------------------------------------------------
# Claims: what one article says about one quantity at one point in time
# ---------------------------------------------------------------------------
def specificity_key(fig: dict) -> tuple:
    """Sort key: body before headline/caption, a figure whose words name its measure first, then exact >
    approx > range > bounds > vague, narrow first."""
    seg_rank = 1 if fig.get("segment") == "headline" else 0
    spec = SPECIFICITY.get(fig.get("qualifier", "exact"), 4)
    lo, hi = fig.get("raw_lo", -INF), fig.get("raw_hi", INF)
    if math.isfinite(lo) and math.isfinite(hi):
        width = (hi - lo) / max(abs(hi), abs(lo), 1e-12)
    else:
        width = INF
    stage_rank = 0 if fig.get("stage") == "settled" else 1
    framed = 0 if str(fig.get("frame") or "").strip() not in ("", "nan") else 1   # its own words name the measure
    return (seg_rank if spec < 5 else 3, framed, spec, width, stage_rank, number_or_none(fig.get("start")) or 0.0)


def compare_article_claims(group: pd.DataFrame) -> list[dict]:
    """One claim per (article, timepoint) of one quantity group.

    The claim is represented by the body's most specific figure: a headline's "$10B" is
    shorthand for the body's "über 10 Milliarden", so the body speaks for the article (a
    headline or caption figure represents it only when the body has none). Each claim keeps
    all its figures, for the self-contradiction check.
    """
    claims = []
    if group is None or not len(group):
        return claims
    recs = group.to_dict("records")
    keys = sorted({(r["file"], r["timepoint"]) for r in recs}, key=lambda k: (k[0], TIMEPOINT_RANK[k[1]]))
    for file, tp in keys:
        members = [r for r in recs if r["file"] == file and r["timepoint"] == tp]
        rep = min(members, key=specificity_key)
        claims.append({
            "file": file, "outlet": rep["outlet"], "label": rep["label"], "quantity": rep["quantity"],
            "unit": rep["unit"], "timepoint": tp, "stage": rep["stage"], "published": rep.get("published", ""),
            "rep": rep, "figures": members, "qualifier": rep["qualifier"], "pointlike": compare_is_pointlike(rep),
            "raw_lo": rep["raw_lo"], "raw_hi": rep["raw_hi"], "lo": rep["lo"], "hi": rep["hi"], "point": rep["point"],
            "attributed_to": rep.get("attributed_to", "") or next(
                (m.get("attributed_to") for m in members if m.get("attributed_to")), ""),
        })
    return claims
