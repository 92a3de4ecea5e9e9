"""compare/records: TODO docstring."""
from __future__ import annotations

import math

from figcheck.compare.base import INF, number_or_none


# ---------------------------------------------------------------------------
# Evidence items and finding records
# ---------------------------------------------------------------------------
def _evidence_item(fig: dict) -> dict:
    """The {file, outlet, text, sentence, start, end} a finding cites for one figure."""
    s, e = number_or_none(fig.get("start")), number_or_none(fig.get("end"))
    return {"file": fig["file"], "outlet": fig.get("outlet", ""), "text": fig.get("text", ""),
            "sentence": fig.get("sentence", ""), "start": int(s) if s is not None else None,
            "end": int(e) if e is not None else None}


def finding(kind, quantity, unit, figs: list[dict], severity, score, message, detail=None, values=None) -> dict:
    """One findings.csv record (before ranking)."""
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
            "message": message, "evidence": [_evidence_item(f) for f in figs], "detail": detail or {}}
