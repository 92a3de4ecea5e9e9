"""compare/quantity: TODO docstring."""
from __future__ import annotations

import json
import math

import pandas as pd

from figcheck.compare.attribution import norm_source
from figcheck.compare.base import number_or_none, overlap
from figcheck.compare.claims import compare_article_claims
from figcheck.compare.consensus import (
    compare_consensus, compare_consensus_range, compare_error_type, compare_factor, compare_refit_claim,
    compare_verdict, compare_voting_intervals
)
from figcheck.compare.intervals import compare_is_pointlike
from figcheck.compare.records import finding
from figcheck.wording.findings import (
    context_quote, factor_words, outlier_message, in_quotes, reason, span_quote,
    compare_describe_interval, compare_quantity_label
)
from figcheck.wording.numbers import format_range
from figcheck.wording.words import join_words


# ---------------------------------------------------------------------------
# Per-quantity analysis
# ---------------------------------------------------------------------------
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


def compare_quantity_group(group: pd.DataFrame, params: dict, language: str) -> dict:
    """Everything about one (quantity, unit): claims, consensus, verdicts, status, findings, evidence rows."""
    tol = float(params.get("tolerance", 0.05))
    quantity, unit = str(group["quantity"].iloc[0]), str(group["unit"].iloc[0])
    label = compare_quantity_label(quantity, language, params.get("quantities"))
    holder = (params.get("_holder_labels") or {}).get(quantity)
    if holder:
        label = f"{compare_quantity_label(quantity.split('__')[0], language, params.get('quantities'))} ({holder})"
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
    if supporters:
        c_lo, c_hi = compare_consensus_range(claims, supporters, region)
    else:
        c_lo = c_hi = None
    for i, c in enumerate(claims):
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
    n_voters = cons["voters"]
    # a consensus stands when at least two outlets back it and no other stretch has as many
    rest = [t for j, t in enumerate(iv) if owner[j] not in supporters]
    majority = cons["support"] >= 2 and compare_consensus(rest)["support"] < cons["support"]
    contradicting = [c for c in claims if c["verdict"] == "contradicts"]
    moved = [c for c in claims if c["moved"]]
    outlets_all = sorted({c["label"] for c in claims})
    if contradicting:
        status = "contested"
    elif moved:
        status = "progression"
    elif len(outlets_all) <= 1:
        status = "single_source"
    else:
        status = "agreed"

    findings: list[dict] = []
    fmt = lambda lo, hi: format_range(lo, hi, unit, language, style="long")  # noqa: E731
    de = language == "de"

    # independence: who the supporters rely on
    upstream = {}
    for i in supporters:
        c = claims[i]
        upstream.setdefault(norm_source(c["attributed_to"]) or norm_source(c["label"]), []).append(c)
    independent = len(upstream)

    # consensus finding
    agreeing_all = sorted((claims[i] for i in supporters if claims[i]["verdict"] == "agrees"), key=lambda c: c["file"])
    if supporters and len({c["label"] for c in agreeing_all}) >= 2:
        sup = sorted((claims[i] for i in supporters), key=lambda c: c["file"])
        agreeing = agreeing_all
        compat = [c for c in claims if c["verdict"] == "compatible" and not c["moved"]]
        parts = [f"{c['label']} ({span_quote(c['rep'], language)})" for c in agreeing]
        n_agree = len({c["label"] for c in agreeing})
        if de:
            msg = (f"{label}: {n_agree} Medien stimmen überein – {join_words(parts, language)} "
                   f"{'nennen' if len(parts) > 1 else 'nennt'} {fmt(c_lo, c_hi)}.")
        else:
            msg = (f"{label}: {n_agree} outlets agree — {join_words(parts, language)} "
                   f"{'report' if len(parts) > 1 else 'reports'} {fmt(c_lo, c_hi)}.")
        for c in compat:
            kind = {"lower": ("eine Untergrenze", "a lower bound"), "upper": ("eine Obergrenze", "an upper bound"),
                    "vague": ("eine vage Angabe", "vague wording")}.get(c["qualifier"], ("eine Rundung", "a rounding"))
            early = c["stage"] == "early"
            cue = c["rep"].get("stage_cue", "")
            if de:
                msg += (f" {span_quote(c['rep'], language)} ({c['label']}) ist {kind[0]} und widerspricht "
                        f"dem nicht" + (f"; die Zahl stammt aus einem frühen Stadium ({in_quotes(cue, language)}), "
                                        f"als der Deal noch nicht feststand" if early else "") + ".")
            else:
                msg += (f" {c['label']}'s {span_quote(c['rep'], language)} is {kind[1]} and does not "
                        f"contradict it" + (f"; it is an early figure ({in_quotes(cue, language)}), reported before "
                                            f"the deal was settled" if early else "") + ".")
        shared = [(src, cs) for src, cs in upstream.items() if len(cs) >= 2]
        if shared:
            names = [cs[0]["attributed_to"] or cs[0]["label"] for _s, cs in shared]
            msg += (f" Nicht unabhängig: mehrere berufen sich auf {join_words(names, language)}." if de else
                    f" Not independent: several rely on {join_words(names, language)}.")
        figs = [c["rep"] for c in sup] + [c["rep"] for c in compat]
        findings.append(finding(
            "consensus", quantity, unit, figs, "info", 30 + min(len(sup), 10),
            msg, {"consensus_low": c_lo, "consensus_high": c_hi, "support": cons["support"],
                  "independent_sources": independent, "compatible": [c["file"] for c in compat]},
            values=[v for v in (c_lo, c_hi) if v is not None]))

    # outliers and contradictions
    if contradicting:
        if majority:
            for c in contradicting:
                f = c["factor"]
                wide = f is not None and (f >= 2 or f <= 0.5)
                etype = compare_error_type(f, c, (c_lo, c_hi), tol)
                sup_labels = join_words(sorted({c["label"] for c in agreeing_all}
                                              or {claims[i]["label"] for i in supporters}), language)
                times = factor_words(f, language, (c_lo, c_hi), c["point"]) if f else "?"
                msg = outlier_message(c, f, etype, wide, label, times, fmt(c_lo, c_hi), sup_labels, language)
                kind = "outlier" if wide else "contradiction"
                if kind == "outlier":
                    sev, score = ("medium", 60) if etype == "early_figure" else (
                        "high", 90 + min(10.0, 5 * abs(math.log10(f))))
                else:
                    sev, score = "medium", 65
                figs = [c["rep"]] + [claims[i]["rep"] for i in sorted(supporters, key=lambda i: claims[i]["file"])]
                findings.append(finding(
                    kind, quantity, unit, figs, sev, score, msg,
                    {"factor": f, "error_type": etype, "consensus_low": c_lo, "consensus_high": c_hi,
                     "stage": c["stage"], "outlier_file": c["file"]}))
        else:
            parts = [f"{c['label']} {span_quote(c['rep'], language)} ({compare_describe_interval(c, language)})"
                     for c in sorted((claims[i] for i in voting), key=lambda c: c["file"])]
            msg = (f"{label}: Die Medien widersprechen sich, keine Zahl hat eine Mehrheit – {join_words(parts, language)}."
                   if de else f"{label}: the outlets contradict each other and no value has a majority — "
                              f"{join_words(parts, language)}.")
            vals = [claims[i]["point"] for i in voting if claims[i]["point"]]
            ratio = max(vals) / min(vals) if vals and min(vals) > 0 else None
            findings.append(finding(
                "contradiction", quantity, unit, [claims[i]["rep"] for i in voting],
                "high" if ratio and ratio >= 2 else "medium", 75 if ratio and ratio >= 2 else 65, msg,
                {"factor": ratio, "support": cons["support"], "voters": n_voters}))

    # progression: the same quantity at different points in time
    if moved:
        seq = compare_timeline([c for c in claims if c["verdict"] != "contradicts" and c["qualifier"] != "vague"])
        stage_words = {"past": ("früher", "earlier"), "projected": ("erwartet", "projected"),
                       "current": ("aktuell", "now")}
        steps = []
        for c in seq:
            cue = c["rep"].get("stage_cue", "")
            w = stage_words[c["timepoint"]][0 if de else 1]
            steps.append(f"{compare_describe_interval(c, language)} ({w}, {c['label']}: "
                         f"{span_quote(c['rep'], language)}" + (f", {in_quotes(cue, language)}" if cue else "") + ")")
        if len(steps) > 8:
            steps = steps[:4] + ["…"] + steps[-3:]
        arrow = " → "
        msg = (f"{label}: Kein Widerspruch, sondern eine Entwicklung über die Zeit – {arrow.join(steps)}." if de else
               f"{label}: not a contradiction but a change over time — {arrow.join(steps)}.")
        findings.append(finding(
            "progression", quantity, unit, [c["rep"] for c in seq], "low", 40, msg,
            {"sequence": [{"file": c["file"], "stage": c["stage"], "timepoint": c["timepoint"], "value": c["point"]}
                          for c in seq]},
            values=[c["point"] for c in seq]))

    # self-contradiction: an article's headline/opening against its own body
    for c in claims:
        rep = c["rep"]
        bad = [f for f in c["figures"] if f is not rep and (f.get("segment") == "headline" or f.get("opening"))
               and not overlap(f["lo"], f["hi"], rep["lo"], rep["hi"])]
        if not bad:
            continue
        seg_words = {"headline": ("Schlagzeile", "headline"), "caption": ("Bildunterschrift", "caption"),
                     "body": ("Text", "body"), "opening": ("Einstieg", "opening")}
        parts = [f"{seg_words['opening' if f.get('opening') and f['segment'] != 'headline' else f['segment']][0 if de else 1]} "
                 f"{context_quote(f, language)} ({compare_describe_interval(f, language)})" for f in bad]
        rep_desc = compare_describe_interval(rep, language)
        if de:
            msg = (f"{label}: {c['label']} widerspricht sich selbst – {join_words(parts, language)}, "
                   f"aber im {seg_words.get(rep['segment'], ('Text', 'text'))[0]} {span_quote(rep, language)} "
                   f"({rep_desc}).")
        else:
            msg = (f"{label}: {c['label']} contradicts itself — its {join_words(parts, language)}, but its "
                   f"{seg_words.get(rep['segment'], ('Text', 'text'))[1]} says {span_quote(rep, language)} "
                   f"({rep_desc}).")
        findings.append(finding(
            "self_contradiction", quantity, unit, bad + [rep], "high", 85, msg,
            {"file": c["file"], "segments": [("opening" if f.get("opening") and f["segment"] != "headline"
                                              else f["segment"]) for f in bad] + [rep["segment"]]}))

    # evidence rows: every figure of the group, with the verdict of its claim
    evidence = []
    for c in claims:
        for f in c["figures"]:
            role = "claim" if f is c["rep"] else (f"{f['segment']}_shorthand" if f["segment"] in ("headline", "caption")
                                                 else "secondary")
            if f is c["rep"]:
                verdict, factor = c["verdict"], c["factor"]
            else:
                fc = dict(f, timepoint=c["timepoint"], pointlike=compare_is_pointlike(f))
                verdict = compare_verdict(fc, region) if supporters else "agrees"
                factor = compare_factor(c_lo, c_hi, fc)
                if verdict == "contradicts" and overlap(f["lo"], f["hi"], c["rep"]["lo"], c["rep"]["hi"]):
                    verdict, factor = c["verdict"], c["factor"]  # shorthand for what the body says
                if verdict == "contradicts" and single_voice:
                    verdict, factor = "compatible", None  # another value of the only article: not a dispute
            evidence.append({
                "quantity": quantity, "unit": unit, "file": f["file"], "outlet": f["outlet"],
                "figure_id": f.get("figure_id", ""), "text": f.get("text", ""), "value": number_or_none(f.get("value")),
                "low": number_or_none(f.get("low")), "high": number_or_none(f.get("high")), "qualifier": f["qualifier"],
                "stage": f["stage"], "attributed_to": f.get("attributed_to", ""), "verdict": verdict,
                "factor": round(factor, 4) if factor else None, "sentence": f.get("sentence", ""),
                "published": f.get("published", ""), "start": number_or_none(f.get("start")), "end": number_or_none(f.get("end")),
                "segment": f["segment"], "role": role, "stage_cue": f.get("stage_cue", ""),
                "reason": ((("weitere Zahl desselben Artikels, kein Vergleich zwischen Medien" if de else
                             "another value in the same article, not compared across outlets")
                            if single_voice and role == "secondary" and verdict == "compatible" and factor is None
                            else reason(f, c, verdict, role, language))),
            })

    pts = [c["point"] for c in claims if c["point"] is not None and c["qualifier"] != "vague"]
    pts_sorted = sorted(pts)
    median = (pts_sorted[len(pts) // 2] if len(pts) % 2 else (pts_sorted[len(pts) // 2 - 1] + pts_sorted[len(pts) // 2]) / 2) if pts else None
    row = {
        "quantity": quantity, "unit": unit, "n_outlets": len(outlets_all), "n_figures": int(len(group)),
        "consensus_low": c_lo, "consensus_high": c_hi, "median": median,
        "min": min(pts) if pts else None, "max": max(pts) if pts else None,
        "spread": round(max(pts) / min(pts), 4) if pts and min(pts) > 0 else None, "status": status,
        "agree": json.dumps(sorted({c["file"] for c in claims if c["verdict"] == "agrees"}), ensure_ascii=False),
        "compatible": json.dumps(sorted({c["file"] for c in claims if c["verdict"] == "compatible"}), ensure_ascii=False),
        "contradict": json.dumps(sorted({c["file"] for c in claims if c["verdict"] == "contradicts"}), ensure_ascii=False),
        "label": label, "support": cons["support"], "independent_sources": independent,
    }
    return {"row": row, "claims": claims, "findings": findings, "evidence": evidence,
            "consensus": (c_lo, c_hi), "status": status}
