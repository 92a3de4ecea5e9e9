"""Scores of one run of a story against hand-made gold figures: the figures, the grouping, the alarms.

The gold table has one row per figure: `file, quantity, value, unit, qualifier, span` (a range
is two rows, its lower and upper bound; a row without a value is vague, "Milliarden").

Figures (`score_figures`)
- recall: share of gold rows with a value matched one to one by an extracted figure of the same
  file and unit within 0.5 % of the value (closest first, a figure whose text overlaps the
  gold span first); a range figure offers its two bounds. Calendar dates (unit `date`) are left
  aside.
- precision: share of extracted figures that match a gold row or overlap a vague gold span.
- traps: extracted figures that overlap a listed non-figure (`not-figures.csv`).
- qualifier accuracy: share of matched figures with the gold qualifier.

Findings (`score_findings`)
- grouping: are two matched figures labelled the same quantity in the same unit exactly when
  the gold says they measure the same thing? Pairwise F1, over all pairs and over pairs from
  different articles ('cross').
- alarms: findings of kind outlier, contradiction or self_contradiction, and derived checks,
  at severity high or medium. An alarm is true when the figures it sets against each other
  measure the same gold quantity and their gold values are incompatible (an outlier: the
  flagged article against another; a self-contradiction: two figures of one article; a
  contradiction: figures of two articles); a derived check when one of its figures is part
  of a real disagreement. Otherwise it is false.
- disagreements: gold quantities with two incompatible figures (approx ±10 %, lower = at least,
  upper = at most, then the tolerance); found when some finding's evidence sets such a pair
  against each other (a progression counts).
These are the rules of the evaluation scorers the project is measured with; standard library only.
"""
from __future__ import annotations

import csv
import itertools
import json
import math
from pathlib import Path

ALARM_KINDS = ("outlier", "contradiction", "self_contradiction")
_UNIT_ALIASES = {"%": "percent", "pct": "percent", "prozent": "percent", "years": "year"}
_NO_LABEL = ("", "unclassified", "other", "nan")


def read_csv(path: Path | str) -> list[dict]:
    """Rows of a CSV file as dicts ('article' and 'file' name the same column)."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r.setdefault("file", r.get("article", ""))
    return rows


def number(text) -> float | None:
    """A finite float, or None."""
    try:
        v = float(text)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def unit_key(unit) -> str:
    """Units compared alike: currency codes upper-case, everything else lower-case."""
    u = str(unit or "").strip()
    if u.lower() in _UNIT_ALIASES:
        return _UNIT_ALIASES[u.lower()]
    return u.upper() if len(u) == 3 and u.isalpha() else u.lower()


def _overlaps(a, b) -> bool:
    a, b = str(a or "").strip().lower(), str(b or "").strip().lower()
    return bool(a) and bool(b) and (a in b or b in a)


def _slots(fig: dict) -> list[tuple[int, float, str]]:
    """The values a figure offers to gold rows: (slot, value, qualifier); a range offers both bounds."""
    if (fig.get("qualifier") or "").strip() == "range":
        return [(k, v, q) for k, (v, q) in enumerate(((number(fig.get("low")), "lower"),
                                                      (number(fig.get("high")), "upper"))) if v is not None]
    v = number(fig.get("value"))
    return [] if v is None else [(0, v, (fig.get("qualifier") or "").strip().lower())]


def _expand(figures: list[dict]) -> list[dict]:
    """The rows figures are scored as: a range as its two bounds (lower, upper); calendar dates left aside."""
    out = []
    for f in figures:
        if unit_key(f.get("unit")) == "date":
            continue
        if (f.get("qualifier") or "").strip() == "range":
            out.append({**f, "value": f.get("low"), "qualifier": "lower"})
            out.append({**f, "value": f.get("high"), "qualifier": "upper"})
        else:
            out.append(f)
    return out


def score_figures(figures: list[dict], gold: list[dict], traps: list[dict] | None = None) -> dict:
    """recall, precision, traps, qualifier accuracy, and the misses and false positives themselves."""
    rows = _expand(figures)
    exact = [gi for gi, g in enumerate(gold) if number(g.get("value")) is not None]
    vague = [g for g in gold if number(g.get("value")) is None]
    cands = []
    for gi in exact:
        g = gold[gi]
        gv = number(g["value"])
        for fi, f in enumerate(rows):
            fv = number(f.get("value"))
            if fv is None or f["file"] != g["file"] or unit_key(f["unit"]) != unit_key(g["unit"]):
                continue
            err = abs(fv - gv) / max(abs(gv), 1e-9)
            if err <= 0.005:
                cands.append((0 if _overlaps(f.get("text"), g.get("span")) else 1, err, gi, fi))
    cands.sort()
    gold_hit, fig_hit = {}, {}
    for _b, _e, gi, fi in cands:
        if gi not in gold_hit and fi not in fig_hit:
            gold_hit[gi], fig_hit[fi] = fi, gi
    vague_ok = {fi for fi, f in enumerate(rows) if fi not in fig_hit
                and any(v["file"] == f["file"] and _overlaps(f.get("text"), v.get("span")) for v in vague)}
    trap_hits = [f for f in rows if any(t["file"] == f["file"] and _overlaps(f.get("text"), t.get("text"))
                                        for t in traps or [])]
    quals = [(gold[gi]["qualifier"].strip().lower(), (rows[fi].get("qualifier") or "").strip().lower())
             for gi, fi in gold_hit.items()]
    return {
        "gold": len(exact), "extracted": len(rows), "matched": len(gold_hit),
        "recall": len(gold_hit) / len(exact) if exact else 1.0,
        "precision": (len(fig_hit) + len(vague_ok)) / len(rows) if rows else 0.0,
        "traps": len(trap_hits),
        "qualifier_acc": sum(g == q for g, q in quals) / len(quals) if quals else math.nan,
        "misses": [gold[gi] for gi in exact if gi not in gold_hit],
        "false_positives": [f for fi, f in enumerate(rows) if fi not in fig_hit and fi not in vague_ok],
        "trap_hits": trap_hits,
    }


def _pair_f1(items: list[tuple[str, str, str]], cross: bool) -> float:
    tp = fp = fn = 0
    for (f1, p1, g1), (f2, p2, g2) in itertools.combinations(items, 2):
        if cross and f1 == f2:
            continue
        same_gold, same_pred = g1 == g2, bool(p1) and p1 == p2
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _interval(g: dict) -> tuple[float, float]:
    v, q = number(g.get("value")), (g.get("qualifier") or "exact").lower()
    if q == "vague" or v is None:
        return g.get("_bounds") or (-math.inf, math.inf)
    return {"approx": (v * 0.9, v * 1.1), "lower": (v, math.inf), "upper": (0.0, v)}.get(q, (v, v))


def incompatible(g1: dict, g2: dict, tolerance: float) -> bool:
    """Whether two gold figures' wordings cannot describe one value (after the tolerance)."""
    (a1, b1), (a2, b2) = _interval(g1), _interval(g2)
    gap = max(a1, a2) - min(b1, b2)
    return gap > tolerance * max(abs(max(a1, a2)), abs(min(b1, b2)), 1e-9)


def _figure_gold(figures: list[dict], gold: list[dict]) -> dict[int, list[int]]:
    """figure index -> gold indices: matched by value, and vague gold rows by their span."""
    out: dict[int, list[int]] = {}
    cands = []
    for fi, f in enumerate(figures):
        for slot, v, _q in _slots(f):
            for gi, g in enumerate(gold):
                gv = number(g.get("value"))
                if gv is None or g["file"] != f["file"] or unit_key(g["unit"]) != unit_key(f["unit"]):
                    continue
                err = abs(v - gv) / max(abs(gv), 1e-9)
                if err <= 0.005:
                    cands.append((0 if _overlaps(f.get("text"), g.get("span")) else 1, err, fi, slot, gi))
        for gi, g in enumerate(gold):
            if number(g.get("value")) is None and g["file"] == f["file"] and _overlaps(f.get("text"), g.get("span")):
                lo, hi = number(f.get("low")), number(f.get("high"))
                g["_bounds"] = (-math.inf if lo is None else lo, math.inf if hi is None else hi)
                cands.append((0, 0.0, fi, 0, gi))
    cands.sort()
    used_slot, used_gold = set(), set()
    for _b, _e, fi, slot, gi in cands:
        if (fi, slot) in used_slot or gi in used_gold:
            continue
        used_slot.add((fi, slot))
        used_gold.add(gi)
        out.setdefault(fi, []).append(gi)
    return out


def score_findings(figures: list[dict], findings: list[dict], gold: list[dict], tolerance: float = 0.05) -> dict:
    """Grouping F1 (all pairs, across articles), alarms and false alarms, disagreements found."""
    gold = [dict(g) for g in gold]
    fig_gold = _figure_gold(figures, gold)

    def label(f):
        q = (f.get("quantity") or "").strip()
        return "" if q in _NO_LABEL else f"{q}|{unit_key(f.get('unit'))}"
    items = [(figures[fi]["file"], label(figures[fi]), gold[gis[0]]["quantity"]) for fi, gis in fig_gold.items()]
    by_place = {(f["file"], int(number(f.get("start")))): fi for fi, f in enumerate(figures)
                if number(f.get("start")) is not None}

    def bad_pair(a, b):
        return gold[a]["quantity"] == gold[b]["quantity"] and incompatible(gold[a], gold[b], tolerance)

    in_disagreement = {a for a, b in itertools.permutations(range(len(gold)), 2) if bad_pair(a, b)}
    alarms, lines, found = [], [], set()
    for f in findings:
        kind, severity = f.get("kind", ""), f.get("severity", "")
        rows = _evidence_gold(f, by_place, fig_gold)
        if kind in ALARM_KINDS or kind == "progression":
            hits = _set_against(kind if kind != "progression" else "contradiction", f, rows, gold, bad_pair)
        elif kind == "derived_check":
            hits = {gold[gi]["quantity"] for _file, gi in rows if gi in in_disagreement}
        else:
            hits = set()
        found |= hits
        if severity in ("high", "medium") and (kind in ALARM_KINDS or kind == "derived_check"):
            alarms.append(bool(hits))
            lines.append(f"{'TRUE ' if hits else 'FALSE'} alarm [{kind}/{severity}] {f.get('message', '')[:220]}")
    disagreements = sorted({gold[a]["quantity"] for a, b in itertools.combinations(range(len(gold)), 2)
                            if number(gold[a].get("value")) is not None and number(gold[b].get("value")) is not None
                            and bad_pair(a, b)})
    return {"matched": len(fig_gold), "grouping_f1": _pair_f1(items, False), "cross_f1": _pair_f1(items, True),
            "alarms": len(alarms), "false_alarms": alarms.count(False), "disagreements": disagreements,
            "found": [q for q in disagreements if q in found], "alarm_lines": lines}


def _evidence_gold(finding: dict, by_place: dict, fig_gold: dict) -> list[tuple[str, int]]:
    """(file, gold index) of the finding's evidence figures that match gold."""
    try:
        ev = json.loads(finding.get("evidence") or "[]")
    except (json.JSONDecodeError, TypeError):
        ev = []
    rows = []
    for e in ev if isinstance(ev, list) else []:
        if isinstance(e, dict) and e.get("start") is not None:
            fi = by_place.get((e.get("file"), int(float(e["start"]))))
            rows += [(e.get("file"), gi) for gi in fig_gold.get(fi, [])]
    return rows


def _set_against(kind: str, finding: dict, rows: list, gold: list[dict], bad_pair) -> set[str]:
    """The gold quantities of the incompatible pairs a finding sets against each other."""
    try:
        flagged = json.loads(finding.get("detail") or "{}").get("outlier_file")
    except (json.JSONDecodeError, AttributeError, TypeError):
        flagged = None
    hits = set()
    for (f1, a), (f2, b) in itertools.combinations(rows, 2):
        if kind == "self_contradiction" and f1 != f2:
            continue
        if kind in ("outlier", "contradiction") and f1 == f2:
            continue
        if kind == "outlier" and flagged and flagged not in (f1, f2):
            continue
        if bad_pair(a, b):
            hits.add(gold[a]["quantity"])
    return hits
