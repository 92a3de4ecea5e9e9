"""Whether two figures set against each other measure the same thing, by their measure frames.

An alarm (outlier, contradiction, self-contradiction, a derived check that does not fit) is
raised only on evidence: the figures' frames (figures.csv `measure`, `holder`, `object`,
`when`, `frame`) must name one measure, and their holders, objects and times must not differ.
`frames_agree` says whether they do, how sure that is, and which words say so, so that a
finding can quote them ("both name the stake of the state").
"""
from __future__ import annotations

from figcheck.extract.names import is_generic, same_name
from figcheck.extract.grouping import figure_key, same_time
from figcheck.extract.quantities import unit_class_of

# times a figure holds apart from the present: before, planned, next year ('later'), outside the trading session
_STRICT_WHEN = ("before", "planned", "later", "premarket", "after_hours")
# measures of a person: two figures are one only when both name the person
_PERSONAL = ("age",)
# moves of a price or a level hold for their day: two articles' moves are one only at one named time
_MOVES = ("growth", "decline", "change")
# frames read from words bound to the figure; 'verb' and 'subject' frames are read from further away
STRONG_FRAMES = ("glued", "per_share", "noun_after", "in_noun", "noun_of", "unit_after", "age", "user")


def _text(fig: dict, key: str) -> str:
    v = fig.get(key)
    return "" if v is None or v != v else str(v).strip()


def explicit(fig: dict) -> bool:
    """Whether the words bound to a figure name its measure (not only cue words nearby)."""
    return bool(_text(fig, "frame") and _text(fig, "measure"))


def _names_differ(a: str, b: str) -> bool:
    return not same_name(a, b)


def _share_a_name(f1: dict, f2: dict) -> bool:
    """Both figures name a holder or an object, the same one, and a name, not a word that only
    describes ('des Staates' and 'des Staates'; not 'the state' and 'the bank')."""
    for role in ("holder", "object"):
        a, b = _text(f1, role), _text(f2, role)
        if a and b and not is_generic(a) and not is_generic(b) and not a.startswith("vs ") and same_name(a, b):
            return True
    return False


def frames_agree(f1: dict, f2: dict, present_year: int | None = None) -> dict:
    """{agree, confidence, unclear, words} for two figures of one quantity.

    agree: both frames name a measure and it is one measure: the same word, or synonyms of the
    table (measures.py) where at least one of the two words is bound to its figure (a noun at it,
    not a verb or a clause's subject read from afar; within one article two such words suffice);
    and neither holder, object nor time differs; two synonyms read from afar agree when both name the
    same holder or object ('Der Anteil des Staates', 'Die Beteiligung des Staates'). confidence: 'high'
    when both name the same word and a holder or an object that share a name ('scale ai', 'us-start-up
    scale ai'), 'medium' otherwise when they agree, 'low' when they do not.
    unclear: what is missing or different ('measure', 'holder', 'object', 'time'). words: the
    measure words of the two figures, for the message.
    """
    words = [_text(f1, "measure_text") or _text(f1, "measure"), _text(f2, "measure_text") or _text(f2, "measure")]
    (k1, known1), (k2, known2) = _key(f1), _key(f2)
    unclear = []
    same_word = _text(f1, "measure") == _text(f2, "measure")
    if not (explicit(f1) and explicit(f2)):
        unclear.append("measure")
    else:
        strong = (_text(f1, "frame") in STRONG_FRAMES) + (_text(f2, "frame") in STRONG_FRAMES)
        # within one article, a headline restates the body's figure ("Meta investiert Milliarden" over
        # "eine Summe von rund einer Milliarde"); two body sentences with two words may measure two things
        same_article = f1.get("file") == f2.get("file") and "headline" in (_text(f1, "segment"), _text(f2, "segment"))
        named = _share_a_name(f1, f2)
        if k1 != k2 or not (same_word or strong == 2 or known1 and known2 and (strong or same_article or named)):
            # read from afar (a verb, a clause's subject), two different words are not enough to say
            # that both figures measure one thing
            unclear.append("measure")
    if _names_differ(_text(f1, "holder"), _text(f2, "holder")):
        unclear.append("holder")
    if _names_differ(_text(f1, "object"), _text(f2, "object")):
        unclear.append("object")
    w1, w2 = _text(f1, "when"), _text(f2, "when")
    if (w1 in _STRICT_WHEN or w2 in _STRICT_WHEN) and w1 != w2 or (w1[:1].isdigit() and w2[:1].isdigit()
                                                                      and not same_time(w1, w2)) \
            or _old(w1, present_year) != _old(w2, present_year):
        unclear.append("time")
    elif f1.get("file") != f2.get("file") and k1.split("__")[0] in _MOVES \
            and not (w1 and w1 == w2 and w1 != "now"):
        unclear.append("time")           # "up 2.4%" and "up 4% on Friday": a day's move each, which days?
    v1, v2 = _text(f1, "verb"), _text(f2, "verb")
    if _ucls(f1) == "count" and v1 and v2 and v1 != v2 and not _share_a_name(f1, f2):
        unclear.append("measure")        # "67 properties ... rose" and "436 properties sold": two populations
    if k1 in _PERSONAL and not _share_a_name(f1, f2):
        unclear.append("holder")         # "Der 54-Jährige" and "der 28-jährige Abwehrchef": whose ages?
    if any(_text(f, "qualifier") == "vague" and _text(f, "segment") != "headline" for f in (f1, f2)):
        unclear.append("vague")          # "investors lost millions": an order of magnitude, not a claim
    agree = not unclear
    if not agree:
        confidence = "low"
    elif same_word and _share_a_name(f1, f2):
        confidence = "high"
    else:
        confidence = "medium"
    return {"agree": agree, "confidence": confidence, "unclear": unclear, "words": words,
            "holder": _text(f1, "holder") or _text(f2, "holder")}


def clean_claim(claim: dict) -> bool:
    """Whether an article's figures for a quantity agree among themselves (headlines and captions,
    shorthand, and figures whose own words name no measure left aside): when they do not, the
    article may mix two things under one name, and which of them is its claim is unclear."""
    body = [f for f in claim.get("figures") or [] if f.get("segment") not in ("headline", "caption") and explicit(f)]
    for i, f in enumerate(body):
        for g in body[i + 1:]:
            if not (f["lo"] <= g["hi"] and g["lo"] <= f["hi"]):
                return False
    return True


def _key(fig: dict) -> tuple[str, bool]:
    """The measure key a figure is compared by: the reporter's quantity when the figure was labelled."""
    if _text(fig, "frame") == "user":
        return _text(fig, "quantity"), True
    return figure_key({"measure": _text(fig, "measure"), "frame": _text(fig, "frame"), "part": _text(fig, "part")},
                      _ucls(fig))


def _old(when: str, present_year: int | None) -> bool:
    """A year two or more years before the story's present: another time than the story's figures."""
    return when[:4].isdigit() and present_year is not None and int(when[:4]) <= present_year - 2


def _ucls(fig: dict) -> str:
    unit = _text(fig, "unit")
    return unit_class_of(unit) if unit else "other"


def best_agreement(fig: dict, others: list[dict], present_year: int | None = None) -> dict:
    """frames_agree of `fig` with the first of `others` it agrees with best (high before medium)."""
    rank = {"high": 0, "medium": 1, "low": 2}
    results = [frames_agree(fig, o, present_year) for o in others if o is not fig]
    if not results:
        return {"agree": False, "confidence": "low", "unclear": ["measure"], "words": [], "holder": ""}
    return min(results, key=lambda r: (not r["agree"], rank[r["confidence"]]))


def one_transaction(first: list[dict], second: list[dict], present_year: int | None = None) -> bool:
    """Whether figures of two quantities name one transaction, so that one may be computed from the
    other (amount ÷ stake = valuation): two of them stand in one sentence, or their frames name the
    same holder or object ('Orbis' investment in Quillon' and 'a 49% stake in Quillon'), and neither
    is dated years before the other. A charity's 2% of 'the platform' shares nothing with Orbis's
    investment in Quillon."""
    for f in first:
        for g in second:
            if _old(_text(f, "when"), present_year) != _old(_text(g, "when"), present_year):
                continue
            if f.get("file") and f.get("file") == g.get("file") and f.get("sentence_start") is not None \
                    and f.get("sentence_start") == g.get("sentence_start"):
                return True
            names_f = [_text(f, k) for k in ("holder", "object")]
            names_g = [_text(g, k) for k in ("holder", "object")]
            if any(a and b and not is_generic(a) and not is_generic(b) and not a.startswith("vs ")
                   and same_name(a, b) for a in names_f for b in names_g):
                return True
    return False
