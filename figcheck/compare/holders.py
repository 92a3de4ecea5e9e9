"""Holders: stakes somebody already holds ("TCI holds 5%") are set apart per holder."""
from __future__ import annotations

import re

import pandas as pd

from figcheck.compare.base import SHARE_QUANTITY, number_or_none
from figcheck.wording.words import article_label


# ---------------------------------------------------------------------------
# Holders: "TCI holds 5%" and "Atticus holds 2%" are different stakes
# ---------------------------------------------------------------------------
HOLDING_VERBS = re.compile(r"\b(?:holds?|held|holding|owns?|owned|owning|controls?|controlled|controlling|"
                                r"hält|halten|hielt|hielten|besitzt|besitzen|besaß|kontrolliert|kontrollieren|"
                                r"gehör\w*)\b", re.I)
DEAL_VERBS = re.compile(
    r"\b(?:buy\w*|bought|acquir\w*|acquisition|purchas\w*|take|takes|taking|took|taken|invest\w*|pay|pays|paid|"
    r"paying|sell\w*|sold|sale|offer\w*|bid\w*|deal|übernimm\w*|übernehm\w*|übernahm\w*|übernahme\w*|kauf\w*|"
    r"gekauft|erwirb\w*|erwerb\w*|erwarb\w*|erworben|einsteig\w*|steigt|stieg|einstieg\w*|investier\w*|"
    r"zahl\w*|gezahlt|verkauf\w*|bietet|geboten|gebot\w*|sichert|beteiligt|deal\w*)\b", re.I)
_NAME_STOP = {"Mr", "Mrs", "Ms", "Dr", "Prof", "The", "A", "An", "Der", "Die", "Das", "Ein", "Eine", "Through",
                  "His", "Her", "Its", "Their", "They", "He", "She", "It", "We", "Er", "Sie", "Es", "Wir", "Also",
                  "Auch", "At", "In", "Im", "Am", "Laut", "According", "But", "And", "Und", "Aber", "Now", "Nun",
                  "Currently", "Derzeit", "Already", "Bereits", "Together", "Zusammen", "Family", "Familie"}


def _holding_subject(sentence: str, start: int | None, end: int | None = None) -> str | None:
    """The holder's name when a holding verb (holds, owns, controls, hält, besitzt) stands right
    next to the figure; "" when the verb is there but no name ("They own 29%"); None without one."""
    if not sentence or start is None or start < 0:
        return None
    end = start if end is None else end
    before = sentence[:start]
    clause_start = max(before.rfind(x) for x in (";", ":", " – ", " - ", "\n"))
    before = before[clause_start + 1:] if clause_start >= 0 else before
    verbs = list(HOLDING_VERBS.finditer(before))
    if verbs and len(before) - verbs[-1].end() <= 25:
        subject = before[:verbs[-1].start()]
    elif re.match(r"\s*(?:\w+\s+){0,2}?(?:hält|hielt|besitzt|besaß|kontrolliert)\b", sentence[end:end + 30]):
        subject = before.split(",")[-1]  # German verb after the figure: "an der Meta 49 Prozent hält"
    else:
        return None
    subject = re.split(r"[.!?]\s", subject)[-1]
    subject = re.sub(r"\s*,?\s*\b(?:who|which|that|der|die|das|dem|denen)\s*$", "", subject.strip(" ,"), flags=re.I)
    words = re.findall(r"[A-ZÄÖÜ][\w&.'-]*", " ".join(subject.split()[-7:]))
    names = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    return " ".join(w for w in names if w not in _NAME_STOP and len(w) > 1)


def compare_stake_holder(sentence: str, start: int | None, end: int | None = None) -> str:
    """Who holds a stake, when the sentence says so: the capitalised names of the subject of a
    holding verb (holds, owns, controls, hält, besitzt) right before the figure.

    "Mr Glazer and his family hold a 28.1% stake" -> "Glazer"; "JP McManus and John Magnier,
    who own 29%" -> "JP McManus John Magnier"; "an der Meta 49 Prozent hält" -> "Meta".
    "" when no holding verb stands next to the figure (a stake being bought has no holder here)
    or when it has no named subject ("They own 29%").
    """
    return _holding_subject(sentence, start, end) or ""


def _holder_key(holder: str) -> frozenset:
    """The holder's name tokens, for matching 'JP McManus and John Magnier' with 'John Magnier and JP McManus'."""
    return frozenset(w.lower() for w in holder.split())


def _same_holder(a: frozenset, b: frozenset) -> bool:
    """Two holders are one when more than half of the shorter name's tokens are shared
    ('Malcolm Glazer' ~ 'Glazer'; 'Fund Tessa' is not 'Fund Orrin')."""
    return bool(a and b) and 2 * len(a & b) > min(len(a), len(b))


def compare_split_holders(figs: pd.DataFrame, language: str = "en") -> tuple[pd.DataFrame, dict[str, str]]:
    """Stakes of different holders are different quantities.

    For share quantities in percent (stake, Anteil...), a figure next to a holding verb
    ("Fund Tessa holds 5%", "They own 29%") is somebody's existing holding. When a quantity has
    any holding, its figures are set apart: each named holder's holdings become the quantity
    '<quantity>__<holder>' (label '<label> (<holder>)'), a holding without a named holder
    '<quantity>__<article>' (it cannot be matched with anybody's). The figures without a
    holding verb (stakes bought, sold, planned) keep the quantity; when there are none, the
    holder named in most articles (ties: the earliest file) keeps it. A quantity whose
    holdings all belong to one holder and has no other figures is left as it is.
    Returns (figures, {new quantity: holder name}).
    """
    labels: dict[str, str] = {}
    if figs is None or not len(figs):
        return figs, labels
    figs = figs.copy()
    holders = []
    for r in figs.to_dict("records"):
        h = None
        if SHARE_QUANTITY.search(str(r.get("quantity", ""))) and r.get("unit") == "percent":
            s0, st, en = number_or_none(r.get("sentence_start")), number_or_none(r.get("start")), number_or_none(r.get("end"))
            if s0 is not None and st is not None:
                h = _holding_subject(str(r.get("sentence", "")), int(st - s0), int((en or st) - s0))
        holders.append(h)
    # the holding verb's subject, apart from the frame's holder (which frames_agree compares)
    figs["_holding"] = [h or "" for h in holders]
    holding = pd.Series([h is not None for h in holders], index=figs.index)
    for q in sorted(set(figs.loc[holding, "quantity"])):
        in_q = figs["quantity"] == q
        groups: dict[frozenset, dict] = {}
        for idx, r in figs[in_q & holding].iterrows():
            k = _holder_key(r["_holding"]) if r["_holding"] else frozenset({f"\0{r['file']}"})
            hit = next((g for g in groups if g == k or _same_holder(g, k)), None)
            if hit is None:
                groups[k] = {"name": r["_holding"], "files": {r["file"]}, "rows": [idx]}
            else:
                groups[hit]["files"].add(r["file"])
                groups[hit]["rows"].append(idx)
        others = bool((in_q & ~holding).any())
        if len(groups) < 2 and not others:
            continue
        named = [g for g in groups if groups[g]["name"]]
        main = None if others or not named else min(
            named, key=lambda g: (-len(groups[g]["files"]), min(groups[g]["files"])))
        for g, info in groups.items():
            if g is main:
                continue
            name = info["name"] or article_label(min(info["files"]), "", language)
            new_q = f"{q}__{re.sub(r'[^a-z0-9]+', '_', name.lower()).strip('_')}"
            figs.loc[info["rows"], "quantity"] = new_q
            labels[new_q] = name
    return figs, labels
