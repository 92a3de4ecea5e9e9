"""What notebook 03 shows: the findings as text, one quantity's evidence, the comparison table."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from figcheck.common.tables import cell_json
from figcheck.compare.base import number_or_none
from figcheck.wording.numbers import format_range


def compare_findings_text(findings: pd.DataFrame) -> str:
    """The ranked findings as plain text, one block each: rank, severity, kind, quantity, message."""
    lines = []
    for r in findings.to_dict("records"):
        q = f" · {r['quantity']}" if r["quantity"] else ""
        lines.append(f"{r['rank']:>2}. [{r['severity']}] {r['kind']}{q}\n    {r['message']}")
    return "\n".join(lines) if lines else "(no findings)"


def compare_evidence_table(evidence: pd.DataFrame, quantity: str) -> pd.DataFrame:
    """The evidence of one quantity, with the columns a reader looks at first."""
    cols = ["file", "outlet", "text", "qualifier", "value", "stage", "verdict", "factor", "attributed_to",
            "segment", "role", "reason"]
    return evidence[evidence["quantity"] == quantity][cols].reset_index(drop=True)


def compare_quantities_shown(result, n: int = 12) -> list[tuple[str, str]]:
    """The quantities notebook 03 shows the evidence of: [(quantity, label)], those of the most important
    findings first (findings.csv rank), then the others by name; at most n."""
    comp = result.comparison
    if comp is None or comp.empty:
        return []
    labels = {}
    for q, lab in zip(comp["quantity"], comp["label"]):
        labels.setdefault(q, lab or q)
    rank = {}
    for q, r in zip(result.findings.get("quantity", []), result.findings.get("rank", [])):
        if q in labels:
            rank.setdefault(q, r)
    order = sorted(labels, key=lambda q: (q not in rank, rank.get(q, 0), q))
    return [(q, labels[q]) for q in order[:n]]


def compare_table_view(comparison: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """comparison.csv for reading: one line per quantity with the consensus in words and short file ids."""
    def ids(cell):
        return ", ".join(Path(f).stem.split("_")[0] for f in cell_json(cell, []))
    rows = []
    for r in comparison.to_dict("records"):
        num = lambda x: number_or_none(x)  # noqa: E731
        rows.append({
            "quantity": r["label"], "unit": r["unit"], "status": r["status"], "outlets": r["n_outlets"],
            "consensus": format_range(num(r["consensus_low"]), num(r["consensus_high"]), r["unit"], language, style="long"),
            "range reported": format_range(num(r["min"]), num(r["max"]), r["unit"], language, style="long"),
            "agree": ids(r["agree"]), "compatible": ids(r["compatible"]), "contradict": ids(r["contradict"]),
        })
    return pd.DataFrame(rows)
