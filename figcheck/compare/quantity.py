"""One quantity in one unit, across the articles: claims, consensus, verdicts and findings.

`compare_quantity_group` runs the steps in order: the claims and their consensus
(`analyse_group`), then one function per kind of finding (consensus, outliers and
contradictions, progression, self-contradiction), the evidence rows and the row of
comparison.csv. Findings are records (compare/records.py); their sentences are written later
by wording/findings.py.
"""
from __future__ import annotations

import json
import math

import pandas as pd

from figcheck.compare.attribution import norm_source
from figcheck.compare.base import number_or_none, overlap
from figcheck.compare.claims import compare_article_claims
from figcheck.compare.frames import best_agreement, clean_claim, frames_agree
from figcheck.compare.consensus import (
    compare_consensus, compare_consensus_range, compare_error_type, compare_factor, compare_refit_claim,
    compare_verdict, compare_voting_intervals
)
from figcheck.compare.intervals import compare_is_pointlike
from figcheck.compare.records import finding


def compare_timeline(claims: list[dict]) -> list[dict]:
    """Claims of one quantity in the order they held.

    By publication date when every claim has one; otherwise by what the wording says:
    past values first, then a projection ("könnte auf 25 Milliarden steigen"), then the
    current value of another article ("nun mit 29 Milliarden") — but an article's own current
    value comes before its own projection.
    """
    files_with_projection = {c["file"] for c in claims if c["timepoint"] == "projected"}

    def rank(c):
        if c["timepoint"] == "past":
            return 0
        if c["timepoint"] == "current" and c["file"] in files_with_projection:
            return 1
        return 2 if c["timepoint"] == "projected" else 3

    if claims and all(c.get("published") for c in claims):
        return sorted(claims, key=lambda c: (c["published"], rank(c), c["file"]))
    return sorted(claims, key=lambda c: (rank(c), c.get("published") or "~", c["file"]))


# ---------------------------------------------------------------------------
# Step 1: claims, consensus, verdicts
# ---------------------------------------------------------------------------
def analyse_group(group: pd.DataFrame, tolerance: float) -> dict:
    """The claims of one (quantity, unit) with their consensus and verdicts, and the status.

    Returns a dict the finding steps read: quantity, unit, claims, voting (indices of the claims
    that vote: current ones), supporters, region, consensus (low, high), single_voice, majority,
    status, upstream (supporters by the source they rely on).
    """
    quantity, unit = str(group["quantity"].iloc[0]), str(group["unit"].iloc[0])
    claims = compare_article_claims(group)
    current = [i for i, c in enumerate(claims) if c["timepoint"] == "current"]
    voting = current or list(range(len(claims)))
    iv, owner = compare_voting_intervals(claims, voting)
    cons = compare_consensus(iv)
    supporters = sorted({owner[j] for j in cons["supporters"]})
    region = (cons["region_lo"], cons["region_hi"])
    if cons["support"] >= 2:  # only a consensus of several outlets may pick an article's value for it
        for i in supporters:
            compare_refit_claim(claims[i], region)
    c_lo, c_hi = compare_consensus_range(claims, supporters, region) if supporters else (None, None)
    for c in claims:
        c["verdict"] = compare_verdict(c, region) if supporters else "agrees"
        c["factor"] = compare_factor(c_lo, c_hi, c)
        c["moved"] = c["timepoint"] != "current" and c["verdict"] != "agrees" and not (
            region[0] is not None and overlap(c["lo"], c["hi"], region[0], region[1]))
    # one voice is no disagreement: when every current claim comes from one article (outlet),
    # its differing values are that article's own, never a contradiction between outlets
    single_voice = len({claims[i]["label"] for i in voting}) < 2
    if single_voice:
        for c in claims:
            if c["verdict"] == "contradicts":
                c["verdict"], c["moved"] = "agrees", False
    # a consensus stands when at least two outlets back it and no other stretch has as many
    rest = [t for j, t in enumerate(iv) if owner[j] not in supporters]
    majority = cons["support"] >= 2 and compare_consensus(rest)["support"] < cons["support"]
    upstream: dict[str, list] = {}
    for i in supporters:  # independence: who the supporters rely on
        c = claims[i]
        upstream.setdefault(norm_source(c["attributed_to"]) or norm_source(c["label"]), []).append(c)
    return {"quantity": quantity, "unit": unit, "claims": claims, "voting": voting, "cons": cons,
            "supporters": supporters, "region": region, "consensus": (c_lo, c_hi), "single_voice": single_voice,
            "majority": majority, "status": _status(claims), "upstream": upstream, "tolerance": tolerance,
            "agreeing": sorted((claims[i] for i in supporters if claims[i]["verdict"] == "agrees"),
                               key=lambda c: c["file"])}


def _status(claims: list[dict]) -> str:
    """contested (someone contradicts), progression (values moved in time), single_source, agreed."""
    if any(c["verdict"] == "contradicts" for c in claims):
        return "contested"
    if any(c["moved"] for c in claims):
        return "progression"
    if len({c["label"] for c in claims}) <= 1:
        return "single_source"
    return "agreed"


# ---------------------------------------------------------------------------
# Step 2: findings, one function per kind
# ---------------------------------------------------------------------------
def consensus_findings(a: dict) -> list[dict]:
    """The consensus, when at least two outlets agree; compatible bounds and roundings named."""
    claims, supporters, agreeing = a["claims"], a["supporters"], a["agreeing"]
    if not supporters or len({c["label"] for c in agreeing}) < 2:
        return []
    sup = sorted((claims[i] for i in supporters), key=lambda c: c["file"])
    compat = [c for c in claims if c["verdict"] == "compatible" and not c["moved"]]
    shared = [cs[0]["attributed_to"] or cs[0]["label"] for cs in a["upstream"].values() if len(cs) >= 2]
    c_lo, c_hi = a["consensus"]
    reps = [c["rep"] for c in agreeing]
    agreement = [best_agreement(r, reps, a.get("present_year")) for r in reps]
    confidence = "low" if any(not g["agree"] for g in agreement) else \
        "high" if all(g["confidence"] == "high" for g in agreement) else "medium"
    words = {"template": "consensus", "agreeing": agreeing, "compatible": compat, "range": (c_lo, c_hi),
             "unit": a["unit"], "shared": shared}
    return [finding("consensus", a["quantity"], a["unit"], [c["rep"] for c in sup] + [c["rep"] for c in compat],
                    "info", 30 + min(len(sup), 10), words,
                    {"consensus_low": c_lo, "consensus_high": c_hi, "support": a["cons"]["support"],
                     "independent_sources": len(a["upstream"]), "compatible": [c["file"] for c in compat]},
                    values=[v for v in (c_lo, c_hi) if v is not None], confidence=confidence)]


def disagreement_findings(a: dict) -> list[dict]:
    """Outliers and contradictions against a majority; a contradiction when no value has one."""
    claims = a["claims"]
    contradicting = [c for c in claims if c["verdict"] == "contradicts"]
    if not contradicting:
        return []
    if not a["majority"]:
        return [_no_majority_finding(a)]
    out = []
    c_lo, c_hi = a["consensus"]
    support = sorted({c["label"] for c in a["agreeing"]} or {claims[i]["label"] for i in a["supporters"]})
    for c in contradicting:
        f = c["factor"]
        wide = f is not None and (f >= 2 or f <= 0.5)
        etype = compare_error_type(f, c, (c_lo, c_hi), a["tolerance"])
        kind = "outlier" if wide else "contradiction"
        if kind == "outlier":
            sev, score = ("medium", 60) if etype == "early_figure" else ("high", 90 + min(10.0, 5 * abs(math.log10(f))))
        else:
            sev, score = "medium", 65
        figs = [c["rep"]] + [claims[i]["rep"] for i in sorted(a["supporters"], key=lambda i: claims[i]["file"])]
        clean = [claims[i] for i in a["supporters"] if clean_claim(claims[i])]
        ag = best_agreement(c["rep"], [s["rep"] for s in clean], a.get("present_year"))
        if not clean_claim(c):
            ag = dict(ag, agree=False, confidence="low", unclear=sorted(set(ag["unclear"]) | {"claim"}))
        if not ag["agree"]:                    # no evidence that they measure one thing: worth a look only
            sev, score = "low", 35
        words = {"template": "outlier", "claim": c, "factor": f, "error_type": etype, "wide": wide,
                 "range": (c_lo, c_hi), "unit": a["unit"], "support": support, "frames": ag}
        out.append(finding(kind, a["quantity"], a["unit"], figs, sev, score, words,
                           {"factor": f, "error_type": etype, "consensus_low": c_lo, "consensus_high": c_hi,
                            "stage": c["stage"], "outlier_file": c["file"], "unclear": ag["unclear"]},
                           confidence=ag["confidence"]))
    return out


def _no_majority_finding(a: dict) -> dict:
    claims = a["claims"]
    voters = sorted((claims[i] for i in a["voting"]), key=lambda c: c["file"])
    vals = [claims[i]["point"] for i in a["voting"] if claims[i]["point"]]
    ratio = max(vals) / min(vals) if vals and min(vals) > 0 else None
    wide = bool(ratio and ratio >= 2)
    ag = _disagreeing_pair_agreement(voters, a.get("present_year"))
    sev, score = ("high", 75) if wide else ("medium", 65)
    if not ag["agree"] or (ratio or 0) > 100:   # no majority and a hundredfold apart: not one thing measured
        sev, score = "low", 35
    return finding("contradiction", a["quantity"], a["unit"], [claims[i]["rep"] for i in a["voting"]],
                   sev, score, {"template": "no_majority", "claims": voters, "frames": ag},
                   {"factor": ratio, "support": a["cons"]["support"], "voters": a["cons"]["voters"],
                    "unclear": ag["unclear"]}, confidence=ag["confidence"])


def _disagreeing_pair_agreement(claims: list[dict], present_year: int | None = None) -> dict:
    """The best frame agreement among pairs of claims (of different articles) whose values differ."""
    best = {"agree": False, "confidence": "low", "unclear": ["measure"], "words": [], "holder": ""}
    rank = {"high": 0, "medium": 1, "low": 2}
    for i, c1 in enumerate(claims):
        for c2 in claims[i + 1:]:
            if c1["file"] == c2["file"] or overlap(c1["lo"], c1["hi"], c2["lo"], c2["hi"]):
                continue
            ag = frames_agree(c1["rep"], c2["rep"], present_year)
            if (not ag["agree"], rank[ag["confidence"]]) < (not best["agree"], rank[best["confidence"]]):
                best = ag
    return best


def progression_findings(a: dict) -> list[dict]:
    """The same quantity at different points in time: the values in the order they held."""
    if not any(c["moved"] for c in a["claims"]):
        return []
    seq = compare_timeline([c for c in a["claims"] if c["verdict"] != "contradicts" and c["qualifier"] != "vague"])
    return [finding("progression", a["quantity"], a["unit"], [c["rep"] for c in seq], "low", 40,
                    {"template": "progression", "sequence": seq},
                    {"sequence": [{"file": c["file"], "stage": c["stage"], "timepoint": c["timepoint"],
                                   "value": c["point"]} for c in seq]},
                    values=[c["point"] for c in seq])]


def self_contradiction_findings(a: dict) -> list[dict]:
    """An article's headline or opening against its own body."""
    out = []
    for c in a["claims"]:
        rep = c["rep"]
        bad = [f for f in c["figures"] if f is not rep and (f.get("segment") == "headline" or f.get("opening"))
               and not overlap(f["lo"], f["hi"], rep["lo"], rep["hi"])]
        if not bad:
            continue
        segments = [("opening" if f.get("opening") and f["segment"] != "headline" else f["segment"]) for f in bad]
        ag = best_agreement(rep, bad, a.get("present_year"))
        sev, score = ("high", 85) if ag["agree"] else ("low", 35)
        out.append(finding("self_contradiction", a["quantity"], a["unit"], bad + [rep], sev, score,
                           {"template": "self_contradiction", "claim": c, "bad": bad, "segments": segments,
                            "frames": ag},
                           {"file": c["file"], "segments": segments + [rep["segment"]], "unclear": ag["unclear"]},
                           confidence=ag["confidence"]))
    return out


# ---------------------------------------------------------------------------
# Step 3: evidence rows and the comparison row
# ---------------------------------------------------------------------------
def evidence_rows(a: dict) -> list[dict]:
    """Every figure of the group, with the verdict of its claim and a reason (a record for wording)."""
    out = []
    region, (c_lo, c_hi) = a["region"], a["consensus"]
    for c in a["claims"]:
        for f in c["figures"]:
            role = "claim" if f is c["rep"] else (f"{f['segment']}_shorthand" if f["segment"] in ("headline", "caption")
                                                 else "secondary")
            if f is c["rep"]:
                verdict, factor = c["verdict"], c["factor"]
            else:
                fc = dict(f, timepoint=c["timepoint"], pointlike=compare_is_pointlike(f))
                verdict = compare_verdict(fc, region) if a["supporters"] else "agrees"
                factor = compare_factor(c_lo, c_hi, fc)
                if verdict == "contradicts" and overlap(f["lo"], f["hi"], c["rep"]["lo"], c["rep"]["hi"]):
                    verdict, factor = c["verdict"], c["factor"]  # shorthand for what the body says
                if verdict == "contradicts" and a["single_voice"]:
                    verdict, factor = "compatible", None  # another value of the only article: not a dispute
            if a["single_voice"] and role == "secondary" and verdict == "compatible" and factor is None:
                reason = {"code": "same_article"}
            else:
                reason = _reason(f, c, verdict, role)
            out.append({
                "quantity": a["quantity"], "unit": a["unit"], "file": f["file"], "outlet": f["outlet"],
                "figure_id": f.get("figure_id", ""), "text": f.get("text", ""), "value": number_or_none(f.get("value")),
                "low": number_or_none(f.get("low")), "high": number_or_none(f.get("high")), "qualifier": f["qualifier"],
                "stage": f["stage"], "attributed_to": f.get("attributed_to", ""), "verdict": verdict,
                "factor": round(factor, 4) if factor else None, "sentence": f.get("sentence", ""),
                "published": f.get("published", ""), "start": number_or_none(f.get("start")),
                "end": number_or_none(f.get("end")), "segment": f["segment"], "role": role,
                "stage_cue": f.get("stage_cue", ""), "reason": reason,
            })
    return out


def _reason(fig: dict, claim: dict, verdict: str, role: str) -> dict:
    """Why a figure got its verdict, as a record for wording/findings.evidence_reason."""
    if role.endswith("_shorthand") and verdict != "contradicts":
        return {"code": "shorthand", "text": claim["rep"].get("text", "")}
    if claim["timepoint"] != "current" and verdict == "compatible":
        return {"code": "other_time"}
    if verdict == "compatible":
        return {"code": "compatible", "qualifier": fig["qualifier"]}
    return {"code": "agrees" if verdict == "agrees" else "contradicts"}


def comparison_row(a: dict, n_figures: int) -> dict:
    """The row of comparison.csv for the group (its `label` is filled in by the wording step)."""
    claims = a["claims"]
    pts = sorted(c["point"] for c in claims if c["point"] is not None and c["qualifier"] != "vague")
    n = len(pts)
    median = (pts[n // 2] if n % 2 else (pts[n // 2 - 1] + pts[n // 2]) / 2) if pts else None
    files = lambda verdict: json.dumps(sorted({c["file"] for c in claims if c["verdict"] == verdict}),  # noqa: E731
                                       ensure_ascii=False)
    c_lo, c_hi = a["consensus"]
    return {
        "quantity": a["quantity"], "unit": a["unit"], "n_outlets": len({c["label"] for c in claims}),
        "n_figures": n_figures, "consensus_low": c_lo, "consensus_high": c_hi, "median": median,
        "min": pts[0] if pts else None, "max": pts[-1] if pts else None,
        "spread": round(pts[-1] / pts[0], 4) if pts and pts[0] > 0 else None, "status": a["status"],
        "agree": files("agrees"), "compatible": files("compatible"), "contradict": files("contradicts"),
        "label": "", "support": a["cons"]["support"], "independent_sources": len(a["upstream"]),
    }


def compare_quantity_group(group: pd.DataFrame, params: dict) -> dict:
    """Everything about one (quantity, unit): claims, consensus, verdicts, status, findings, evidence rows."""
    a = analyse_group(group, float(params.get("tolerance", 0.05)))
    a["present_year"] = params.get("_present_year")
    findings = consensus_findings(a) + disagreement_findings(a) + progression_findings(a) + \
        self_contradiction_findings(a)
    return {"row": comparison_row(a, int(len(group))), "claims": a["claims"], "findings": findings,
            "evidence": evidence_rows(a), "consensus": a["consensus"], "status": a["status"]}
