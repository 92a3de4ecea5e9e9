"""Derived checks: figures that imply each other (amount ÷ stake = valuation, price × shares = total).

The story's own `relations` and a few built-in identities; a built-in one is applied only
where its inputs plausibly describe one transaction, and when it does not fit it is worded
as a question. Also: a share is at most 100 %.
"""
from __future__ import annotations

import json
import math

from figcheck.compare.base import (
    POINT_QUALIFIERS, SHARE_QUANTITY, number_or_none, overlap, widen
)
from figcheck.compare.currencies import MONEY_NONCODES
from figcheck.compare.frames import one_transaction
from figcheck.compare.holders import DEAL_VERBS, HOLDING_VERBS
from figcheck.compare.records import finding
from figcheck.compare.stages import compare_clause


BUILTIN_RELATIONS = [
    {"result": "valuation", "numerator": "deal_amount", "denominator": "stake"},
    {"result": "valuation", "numerator": "investment", "denominator": "stake"},
    {"result": "valuation", "numerator": "funding", "denominator": "stake"},
    {"result": "total", "factors": ["price_per_share", "shares"]},
    {"result": "deal_amount", "factors": ["price_per_share", "shares"]},
    {"result": "market_value", "factors": ["price_per_share", "shares"]},
]


def _fig_clause(fig: dict) -> str:
    """The clause of a figure's sentence around it (its whole sentence when offsets are missing)."""
    sent = str(fig.get("sentence") or "")
    st, en, s0 = number_or_none(fig.get("start")), number_or_none(fig.get("end")), number_or_none(fig.get("sentence_start"))
    if st is None or s0 is None:
        return sent
    return compare_clause(sent, int(st - s0), int((en or st) - s0))


def _is_holding(fig: dict) -> bool:
    """Whether a stake figure describes an existing holding ("who own 29%", "hält 5 Prozent"), not a purchase."""
    return bool(HOLDING_VERBS.search(_fig_clause(fig)))


def compare_same_transaction(amount: dict, stake: dict) -> bool:
    """Whether an article's amount and stake claims plausibly describe one transaction, so that
    amount ÷ stake may be read as a valuation (the built-in identity).

    Rule: some figure of the stake claim (the reported value, or the same value said again)
    does not describe an existing holding (no own/hold/control/hält/besitzt in its clause),
    and either sits in the same sentence as a figure of the amount claim, or its sentence names
    a transaction (buy, acquire, take, invest, pay, übernehmen, kaufen, investieren...) and so
    does the amount's sentence. "Meta übernimmt 49 Prozent" + "Meta investiert 14,3 Milliarden
    Dollar" pass; "McManus and Magnier, who own 29%, will reject a £800m offer" does not.
    """
    def same_value(f, c):
        return overlap(f["lo"], f["hi"], c["rep"]["lo"], c["rep"]["hi"]) if "lo" in f else f is c["rep"]
    stakes = [f for f in stake.get("figures") or [stake["rep"]] if same_value(f, stake) and not _is_holding(f)]
    amounts = [f for f in amount.get("figures") or [amount["rep"]] if same_value(f, amount)]
    for s in stakes:
        for a in amounts:
            same_sentence = (number_or_none(s.get("sentence_start")) is not None and s.get("file") == a.get("file")
                             and number_or_none(s.get("sentence_start")) == number_or_none(a.get("sentence_start")))
            if same_sentence or (DEAL_VERBS.search(str(s.get("sentence") or ""))
                                 and DEAL_VERBS.search(str(a.get("sentence") or ""))):
                return True
    return False


def _builtin_relation(rel: dict, params: dict) -> bool:
    """A built-in identity (BUILTIN_RELATIONS), not one of the story's own relations (story.yaml)."""
    return rel not in (params.get("relations") or [])


def compare_builtin_inputs_fit(rel: dict, got: dict) -> bool:
    """Whether one article's inputs to a built-in identity plausibly belong together: amount ÷
    stake by compare_same_transaction; a product (price per share × shares) only when its
    factors stand in one sentence ("$48 per share for all 50 million shares")."""
    if "numerator" in rel:
        if SHARE_QUANTITY.search(str(rel.get("denominator", ""))):
            amount, stake = got[rel["numerator"]], got[rel["denominator"]]
            return compare_same_transaction(amount, stake) and one_transaction(
                amount.get("figures") or [amount.get("rep") or {}], stake.get("figures") or [stake.get("rep") or {}])
        return True
    reps = [c.get("rep") or {} for c in got.values()]
    starts = {(r.get("file"), number_or_none(r.get("sentence_start"))) for r in reps}
    return len(starts) == 1 and None not in {s for _f, s in starts}


def _builtin_share_relation(rel: dict, params: dict) -> bool:
    """A built-in amount ÷ stake identity (not one of the story's own relations)."""
    return (rel not in (params.get("relations") or []) and "numerator" in rel
            and bool(SHARE_QUANTITY.search(str(rel.get("denominator", "")))))


def _relation_terms(rel: dict) -> list[tuple[str, str]]:
    """[(role, quantity)] of a relation: numerator/denominator, factors or parts."""
    if "factors" in rel:
        return [("factor", q) for q in rel.get("factors") or []]
    if "parts" in rel:
        return [("part", q) for q in rel.get("parts") or []]
    return [("numerator", rel.get("numerator")), ("denominator", rel.get("denominator"))]


def _as_factor(value: float, unit: str) -> float:
    """A percent as a fraction (49 -> 0.49); other units unchanged."""
    return value / 100.0 if unit == "percent" else value


def compare_implied(rel: dict, terms: dict[str, dict]) -> tuple[float, float, float | None] | None:
    """(lo, hi, point) the relation implies from the claims of its terms (interval arithmetic).

    numerator ÷ denominator (a percent counts as a fraction: 14.3 bn ÷ 49 % = 29.2 bn),
    product of factors, or sum of parts. None when a term is missing or unbounded.
    """
    def iv(c):
        lo, hi = c["raw_lo"], c["raw_hi"]
        return _as_factor(lo, c["unit"]), _as_factor(hi, c["unit"]), \
            (_as_factor(c["point"], c["unit"]) if c["point"] is not None else None)
    if "factors" in rel or "parts" in rel:
        names = rel.get("factors") or rel.get("parts") or []
        if not names or any(n not in terms for n in names):
            return None
        lo, hi, pt = (1.0, 1.0, 1.0) if "factors" in rel else (0.0, 0.0, 0.0)
        for n in names:
            a, b, p = iv(terms[n])
            if not (math.isfinite(a) and math.isfinite(b)) or a < 0:
                return None
            if "factors" in rel:
                lo, hi = lo * a, hi * b
                pt = pt * p if pt is not None and p is not None else None
            else:
                lo, hi = lo + a, hi + b
                pt = pt + p if pt is not None and p is not None else None
        return lo, hi, pt
    num, den = terms.get(rel.get("numerator")), terms.get(rel.get("denominator"))
    if num is None or den is None:
        return None
    a, b, p = iv(num)
    c, d, r = iv(den)
    if not all(math.isfinite(x) for x in (a, b, c, d)) or c <= 0:
        return None
    return a / d, b / c, (p / r if p is not None and r else None)


def compare_derived_checks(results: dict, params: dict) -> list[dict]:
    """One derived_check finding per relation and article that reports its inputs.

    The built-in identities (amount ÷ stake = valuation; price per share × shares = total)
    and params['relations'] from story.yaml. Inputs come from the same article first; the
    result from the same article, else the consensus of the result quantity. A check is
    consistent when the implied interval meets the reported one widened by the tolerance.
    Also part ≤ whole: a stake is at most 100 %, the amount paid for a stake is at most the
    valuation, and {result: whole, parts: [...]} relations.
    """
    tol = float(params.get("tolerance", 0.05))
    rels = list(params.get("relations") or []) + [r for r in BUILTIN_RELATIONS
                                                     if r not in (params.get("relations") or [])]
    # claims by quantity (current timepoint, non-vague), regardless of currency
    by_q: dict[str, list[dict]] = {}
    cons_by_q: dict[str, list] = {}
    for (q, u), res in results.items():
        for c in res["claims"]:
            if c["timepoint"] == "current" and c["qualifier"] != "vague":
                by_q.setdefault(q, []).append(c)
        if res["consensus"][0] is not None:
            cons_by_q.setdefault(q, []).append((u, res))
    findings: list[dict] = []
    seen = set()
    for rel in rels:
        terms = [q for _r, q in _relation_terms(rel)]
        key = json.dumps(rel, sort_keys=True)
        if not rel.get("result") or not terms or any(not q for q in terms) or key in seen:
            continue
        seen.add(key)
        found = _article_checks(rel, terms, by_q, cons_by_q, params, tol)
        findings += found
        if not found and not (_builtin_relation(rel, params) and "numerator" not in rel):
            # no article reports all inputs: use the consensus values (never for a built-in
            # product, whose factors from different articles need not belong together)
            findings += _consensus_check(rel, terms, cons_by_q, params, tol)
    return findings + _shares_over_100(by_q, tol)


def _article_checks(rel: dict, terms: list[str], by_q: dict, cons_by_q: dict, params: dict, tol: float) -> list[dict]:
    """The relation checked in every article that reports all its inputs."""
    out = []
    result_q = rel["result"]
    for file in sorted({c["file"] for q in terms for c in by_q.get(q, [])}):
        got = {q: next((c for c in by_q.get(q, []) if c["file"] == file), None) for q in terms}
        if any(v is None for v in got.values()):
            continue
        if any(g["qualifier"] not in POINT_QUALIFIERS + ("upper", "lower") for g in got.values()):
            continue
        money = {g["unit"] for g in got.values() if g["unit"] not in MONEY_NONCODES}
        if len(money) > 1:
            continue
        builtin = _builtin_relation(rel, params)
        if builtin and not compare_builtin_inputs_fit(rel, got):
            continue  # e.g. the amount and the stake may belong to different deals or holders
        implied = compare_implied(rel, got)
        if implied is None:
            continue
        own = next((c for c in by_q.get(result_q, []) if c["file"] == file
                    and (not money or c["unit"] in money)), None)
        f = _derived_finding(rel, got, implied, own, cons_by_q.get(result_q, []), money, tol, builtin=builtin)
        if f:
            out.append(f)
    return out


def _consensus_check(rel: dict, terms: list[str], cons_by_q: dict, params: dict, tol: float) -> list[dict]:
    """The relation checked on the consensus values of its inputs (no article reports them all), when
    the inputs' frames name one transaction (a built-in amount ÷ stake)."""
    got, agreeing = {}, {}
    for q in terms:
        opts = cons_by_q.get(q, [])
        if not opts:
            return []
        u, res = max(opts, key=lambda ur: ur[1]["row"]["n_outlets"])
        if _builtin_share_relation(rel, params) and q == rel.get("denominator") and any(
                _is_holding(c["rep"]) for c in res["claims"] if c["verdict"] == "agrees"):
            return []  # a holder's existing stake, not the share a deal buys
        agreeing[q] = [f for c in res["claims"] if c["verdict"] == "agrees" for f in (c.get("figures") or [c["rep"]])]
        lo, hi = res["consensus"]
        got[q] = {"raw_lo": lo, "raw_hi": hi if hi is not None else lo, "unit": u,
                  "point": (lo + hi) / 2 if hi is not None else lo, "qualifier": "range",
                  "file": "", "label": "", "rep": None, "consensus_of": res}
    if _builtin_share_relation(rel, params) and not one_transaction(
            agreeing.get(rel["numerator"], []), agreeing.get(rel["denominator"], []), params.get("_present_year")):
        return []  # the amount and the stake name no common holder or object: maybe two transactions
    money = {g["unit"] for g in got.values() if g["unit"] not in MONEY_NONCODES}
    implied = compare_implied(rel, got) if len(money) <= 1 else None
    if implied is None:
        return []
    f = _derived_finding(rel, got, implied, None, cons_by_q.get(rel["result"], []), money, tol,
                         builtin=_builtin_relation(rel, params))
    return [f] if f else []


def _shares_over_100(by_q: dict, tol: float) -> list[dict]:
    """part <= whole: shares of a whole are at most 100 %."""
    out = []
    for q, cs in sorted(by_q.items()):
        if not SHARE_QUANTITY.search(q):
            continue
        for c in cs:
            if c["unit"] == "percent" and math.isfinite(c["raw_lo"]) and c["raw_lo"] > 100 * (1 + tol):
                out.append(finding("derived_check", q, c["unit"], [c["rep"]], "high", 80,
                                   {"template": "over_100", "claim": c},
                                   {"check": "part_le_whole", "consistent": False, "whole": 100.0,
                                    "tolerance": tol}))
    return out


def _derived_finding(rel, got, implied, own, result_opts, money, tol, builtin=False) -> dict | None:
    """The finding for one derived check: implied vs reported (same article, else consensus).

    None when the reported result is one of the inputs itself (the same figure, or for
    amount ÷ stake a 'valuation' equal to the amount while the stake is below 90 %: the
    amount was the whole price, so the identity says nothing). A built-in check that does
    not fit is worded as a question and ranked below disagreements between outlets."""
    reported = _reported_result(own, result_opts, money)
    if reported is None:
        return None
    r_lo, r_hi, r_pt, r_unit, rep_figs, reporters = reported
    inputs = [c for c in got.values() if c.get("rep")]
    ident = lambda f: (f["file"], number_or_none(f.get("start")), number_or_none(f.get("end")), f.get("text"))  # noqa: E731
    if any(ident(f) == ident(c["rep"]) for f in rep_figs if f for c in inputs):
        return None  # never compare a figure with itself
    if _result_is_the_amount(rel, got, r_lo, r_hi, tol):
        return None
    lo, hi, pt = implied
    w_lo, w_hi = widen(r_lo, r_hi, tol)
    consistent = overlap(lo, hi, w_lo, w_hi) if "parts" not in rel else lo <= w_hi  # parts: at most the whole
    bounded = any(c.get("qualifier") in ("upper", "lower") for c in got.values())
    est = pt if pt is not None else ((lo + hi) / 2 if math.isfinite(hi) else lo)
    if bounded:  # a bound implies a stretch of values: the gap is the distance between the stretches
        gap = 0.0 if overlap(lo, hi, r_lo, r_hi) else min(abs(lo - r_hi), abs(hi - r_lo))
        diff = gap / abs(r_pt) if r_pt else None
    else:
        diff = abs(est - r_pt) / abs(r_pt) if r_pt else None
    from_outlier = [c for c in got.values() if c.get("verdict") == "contradicts"]
    sev, score, note = _derived_severity(consistent, builtin, from_outlier, own, got)
    words = {"template": "derived", "result": rel["result"], "terms": [got[q] for _r, q in _relation_terms(rel)],
             "operator": " ÷ " if "numerator" in rel else (" × " if "factors" in rel else " + "),
             "who": next((c["label"] for c in got.values() if c.get("label")), ""), "bounded": bounded,
             "implied_low": lo, "implied_high": hi, "estimate": est, "approx": pt is not None and not bounded,
             "unit": r_unit, "consistent": consistent, "reported_low": r_lo, "reported_high": r_hi,
             "same_article": own is not None, "reporters": reporters, "difference": diff, "tolerance": tol,
             "note": note, "outliers": sorted({c["label"] for c in from_outlier})}
    figs = [c["rep"] for c in got.values() if c.get("rep")] + [f for f in rep_figs if f]
    seen, uniq = set(), []
    for f in figs:
        k = (f["file"], f.get("start"))
        if k not in seen:
            seen.add(k)
            uniq.append(f)
    return finding(
        "derived_check", rel["result"], r_unit, uniq, sev, score, words,
        {"relation": rel, "implied": est, "implied_low": lo, "implied_high": hi if math.isfinite(hi) else None,
         "reported": r_pt, "reported_low": r_lo, "reported_high": r_hi, "consistent": consistent,
         "difference": diff, "tolerance": tol, "result_from": "same article" if own is not None else "consensus",
         "from_outlier": sorted({c["file"] for c in from_outlier})},
        values=[v for v in (est, r_pt) if v is not None])


def _reported_result(own, result_opts, money):
    """(low, high, point, unit, figures, reporters) of the reported result: the article's own
    claim, else the consensus of the result quantity; None when there is none."""
    if own is not None:
        r_lo, r_hi, r_pt, r_unit = own["raw_lo"], own["raw_hi"], own["point"], own["unit"]
        rep_figs, reporters = [own["rep"]], [own["label"]]
    else:
        opts = [(u, res) for u, res in result_opts if not money or u in money]
        if not opts:
            return None
        r_unit, res = max(opts, key=lambda ur: ur[1]["row"]["n_outlets"])
        r_lo, r_hi = res["consensus"]
        r_hi = r_hi if r_hi is not None else r_lo
        r_pt = (r_lo + r_hi) / 2
        agreeing = [c for c in res["claims"] if c["verdict"] == "agrees"]
        rep_figs, reporters = [c["rep"] for c in agreeing], sorted({c["label"] for c in agreeing})
    if r_lo is None or not math.isfinite(r_lo):
        return None
    return r_lo, r_hi, r_pt, r_unit, rep_figs, reporters


def _result_is_the_amount(rel, got, r_lo, r_hi, tol) -> bool:
    """amount ÷ stake where the reported 'valuation' equals the amount itself and the stake is below
    90 %: the amount was the whole price, so the identity says nothing."""
    if "numerator" not in rel:
        return False
    num, den = got.get(rel["numerator"]), got.get(rel["denominator"])
    if num and den and num.get("point") is not None and den.get("unit") == "percent" \
            and den.get("point") is not None and den["point"] < 90:
        w = widen(r_lo, r_hi if r_hi is not None else r_lo, tol / 5)
        return w[0] <= num["point"] <= w[1]
    return False


def _derived_severity(consistent, builtin, from_outlier, own, got) -> tuple[str, float, str]:
    """(severity, score, note) of a derived check: consistent is info; a built-in rule of thumb
    that does not fit is a question; one that follows from an outlier is no new alarm."""
    if consistent:
        return "info", 25, ""
    if builtin and not from_outlier:  # a rule of thumb the story did not ask for: a question, not a verdict
        return "medium", 50, "rule_of_thumb"
    if from_outlier:  # follows from an outlier already reported: worth a look, not a new alarm
        return "medium", (48 if builtin else 55), "from_outlier"
    if own is None and not any(c.get("rep") for c in got.values()):
        return "medium", 58, ""  # built from consensus values of different articles: a lead, not a verdict
    return "high", 80, ""
