"""The records the comparison produces: findings and the evidence items they cite.

A finding record holds what findings.csv needs (kind, quantity, unit, files, outlets, values,
severity, score, evidence, detail) and `words`: the template and the claims or figures its
sentence is told with. The sentence itself (`message`) is written by wording/findings.py.
"""
from __future__ import annotations

import math

from figcheck.compare.base import INF, number_or_none


def _evidence_item(fig: dict) -> dict:
    """The {file, outlet, text, sentence, start, end} a finding cites for one figure."""
    s, e = number_or_none(fig.get("start")), number_or_none(fig.get("end"))
    return {"file": fig["file"], "outlet": fig.get("outlet", ""), "text": fig.get("text", ""),
            "sentence": fig.get("sentence", ""), "start": int(s) if s is not None else None,
            "end": int(e) if e is not None else None}


def finding(kind, quantity, unit, figs: list[dict], severity, score, words: dict, detail=None, values=None,
            confidence: str = "medium") -> dict:
    """One findings.csv record (before ranking); `words` is what wording/findings.py tells it with;
    `confidence` (high, medium, low) how sure the finding is that its figures measure one thing."""
    files = sorted({f["file"] for f in figs})
    outlets = []
    for f in sorted(figs, key=lambda f: f["file"]):
        if f.get("label") and f["label"] not in outlets:
            outlets.append(f["label"])
    if values is None:
        values = [f["point"] if f.get("point") is not None else
                  (f["raw_lo"] if math.isfinite(f.get("raw_lo", -INF)) else None) for f in figs]
    return {"kind": kind, "quantity": quantity, "unit": unit, "files": files, "outlets": outlets,
            "values": [v for v in values if v is not None], "severity": severity, "score": round(float(score), 3),
            "message": "", "words": words, "evidence": [_evidence_item(f) for f in figs], "detail": detail or {},
            "confidence": confidence}
