"""Hedge-aware consensus: intervals vote, the stretch most outlets support wins, and each claim's
verdict (agrees, compatible, contradicts) and factor."""
from __future__ import annotations

import math

from figcheck.compare.base import INF, POINT_QUALIFIERS, overlap
from figcheck.compare.claims import specificity_key
from figcheck.compare.intervals import compare_is_pointlike


# ---------------------------------------------------------------------------
# Hedge-aware consensus: interval voting
# ---------------------------------------------------------------------------
def compare_voting_intervals(claims: list[dict], voting: list[int]) -> tuple[list[tuple], list[int]]:
    """The intervals the claims vote with, and which claim each belongs to.

    An article votes with every specific (not vague) figure of its body, as one voter: an
    article that mentions two values of one quantity (this year's and last year's change, two
    deals) backs whichever of them the others confirm, and is not made an outlier by the other.
    Headline figures vote only when the body has none; vague wording only when nothing else.
    """
    iv, owner = [], []
    for i in voting:
        c = claims[i]
        members = [f for f in c["figures"] if f["qualifier"] != "vague" and f.get("segment") != "headline"]
        if not members:
            members = [c["rep"]]
        for f in members:
            iv.append((f["lo"], f["hi"], c["label"], compare_is_pointlike(f)))
            owner.append(i)
    return iv, owner


def compare_refit_claim(claim: dict, region: tuple) -> None:
    """Let the article's most specific figure inside the consensus speak for it, when its first
    choice lies outside (the article reported the consensus value and some other value too)."""
    r_lo, r_hi = region
    if r_lo is None or overlap(claim["lo"], claim["hi"], r_lo, r_hi):
        return
    inside = [f for f in claim["figures"] if overlap(f["lo"], f["hi"], r_lo, r_hi)
              and f.get("segment") != "headline" and f["qualifier"] != "vague"]
    if not inside:
        return
    rep = min(inside, key=specificity_key)
    claim.update(rep=rep, qualifier=rep["qualifier"], pointlike=compare_is_pointlike(rep), stage=rep["stage"],
                 raw_lo=rep["raw_lo"], raw_hi=rep["raw_hi"], lo=rep["lo"], hi=rep["hi"], point=rep["point"],
                 attributed_to=rep.get("attributed_to", "") or claim["attributed_to"])

def compare_consensus(intervals: list[tuple[float, float, str, bool]]) -> dict:
    """The stretch of values most voters' intervals share.

    `intervals`: (lo, hi, voter, is_point) per claim — a voter (outlet) counts once.
    Sweeps over the endpoints; the support of a value is the number of distinct voters whose
    interval holds it. Among the stretches of maximal support, ties go to the one backed by
    more point figures (exact/approx/range), then the narrower, then the lower.
    Returns {region_lo, region_hi, support, supporters (indexes), voters}; support 0 when empty.
    """
    empty = {"region_lo": None, "region_hi": None, "support": 0, "supporters": [], "voters": 0}
    iv = [(lo, hi, v, p) for lo, hi, v, p in intervals if lo <= hi]
    if not iv:
        return empty
    ends = sorted({x for lo, hi, _v, _p in iv for x in (lo, hi) if math.isfinite(x)})
    probes: list[tuple[float, float, float]] = []  # (a, b, probe value)
    if not ends:
        probes.append((-INF, INF, 0.0))
    else:
        probes.append((-INF, ends[0], ends[0] - 1 - abs(ends[0])))
        for i, e in enumerate(ends):
            probes.append((e, e, e))
            if i + 1 < len(ends):
                probes.append((e, ends[i + 1], (e + ends[i + 1]) / 2))
        probes.append((ends[-1], INF, ends[-1] + 1 + abs(ends[-1])))
    scored = []
    for a, b, x in probes:
        members = tuple(i for i, (lo, hi, _v, _p) in enumerate(iv) if lo <= x <= hi)
        scored.append((a, b, members, len({iv[i][2] for i in members})))
    best = max(s[3] for s in scored)
    if best == 0:
        return empty
    # merge neighbouring probes with the same members into stretches
    regions: list[list] = []
    for a, b, members, support in scored:
        if support != best:
            continue
        if regions and regions[-1][2] == members and regions[-1][1] >= a:
            regions[-1][1] = max(regions[-1][1], b)
        else:
            regions.append([a, b, members])

    def key(r):
        n_points = len({iv[i][2] for i in r[2] if iv[i][3]})
        width = r[1] - r[0] if math.isfinite(r[1] - r[0]) else INF
        return (-n_points, width, r[0])

    a, b, members = min(regions, key=key)
    # idx of the original list (skipping empty intervals)
    index_map = [i for i, (lo, hi, _v, _p) in enumerate(intervals) if lo <= hi]
    return {"region_lo": a, "region_hi": b, "support": best,
            "supporters": [index_map[i] for i in members], "voters": len({v for _l, _h, v, _p in iv})}


def compare_consensus_range(claims: list[dict], supporters: list[int], region: tuple[float, float]) -> tuple:
    """(consensus_low, consensus_high): the values the supporting claims name.

    Point claims give their values (14.3, 15, 15 -> 14.3–15); when only bounds support the
    consensus, the stretch all of their wordings allow (über 10 and fast 15 -> 10–15).
    """
    pts = []
    for i in supporters:
        c = claims[i]
        if c["qualifier"] == "range":
            pts += [c["raw_lo"], c["raw_hi"]]
        elif c["qualifier"] in POINT_QUALIFIERS and c["point"] is not None:
            pts.append(c["point"])
    if pts:
        return min(pts), max(pts)
    lo = max(claims[i]["raw_lo"] for i in supporters)
    hi = min(claims[i]["raw_hi"] for i in supporters)
    if lo > hi:
        lo, hi = region
    if lo <= 0 < hi and all(claims[i]["qualifier"] == "upper" for i in supporters):
        lo = -INF  # "bis zu 65": no floor worth reporting
    return (lo if math.isfinite(lo) else None), (hi if math.isfinite(hi) else None)


def compare_factor(consensus_low: float | None, consensus_high: float | None, claim: dict) -> float | None:
    """How far off a claim is: consensus midpoint / the claim's nearest value (> 1: the claim is lower)."""
    vals = [x for x in (consensus_low, consensus_high) if x is not None]
    if not vals:
        return None
    mid = sum(vals) / len(vals)
    if claim.get("point") is not None and (claim.get("qualifier") in POINT_QUALIFIERS
                                           or claim.get("pointlike")):
        v = claim["point"]
    elif math.isfinite(claim["raw_hi"]) and claim["raw_hi"] < mid:
        v = claim["raw_hi"]
    elif math.isfinite(claim["raw_lo"]) and claim["raw_lo"] > mid:
        v = claim["raw_lo"]
    else:
        v = claim.get("point")
    if not v or mid == 0 or (v < 0) != (mid < 0):
        return None
    return mid / v


def compare_verdict(claim: dict, region: tuple[float | None, float | None]) -> str:
    """agrees (a point figure inside the consensus), compatible (a bound, vague wording or a value
    from another point in time that does not contradict), or contradicts."""
    r_lo, r_hi = region
    if r_lo is None and r_hi is None:
        return "agrees"
    r_lo = -INF if r_lo is None else r_lo
    r_hi = INF if r_hi is None else r_hi
    if overlap(claim["lo"], claim["hi"], r_lo, r_hi):
        return "agrees" if (claim["qualifier"] in POINT_QUALIFIERS or claim.get("pointlike")) else "compatible"
    if claim.get("timepoint", "current") != "current":
        return "compatible"
    return "contradicts"


def compare_error_type(factor: float | None, claim: dict, consensus: tuple, tolerance: float) -> str:
    """What kind of error a contradicting figure looks like, where a rule can tell.

    scale_slip     off by a power of ten (10, 100, 1000...): the value times 10^k lands in the consensus
    early_figure   the figure comes from an early stage (talks, plans, reports)
    ""             no rule applies
    (A different currency is reported separately: currencies are never compared.)
    """
    if factor and factor > 0:
        k = round(math.log10(factor))
        if k != 0:
            lo, hi = consensus
            lo = lo if lo is not None else hi
            hi = hi if hi is not None else lo
            v = claim.get("point")
            if v is not None and lo is not None:
                scaled = v * 10 ** k
                if lo * (1 - 2 * tolerance) <= scaled <= hi * (1 + 2 * tolerance):
                    return "scale_slip"
    if claim.get("stage") == "early":
        return "early_figure"
    return ""
