"""figcheck.compare.frames: alarms only on evidence (issue 10, "What to build" 3). frames_agree says whether two
figures set against each other measure one thing (measure, holder, object, time), how sure that is
(`confidence`) and what is unclear; an outlier, contradiction or self-contradiction is high or medium only
when the frames agree.

INVENTED TEST MATERIAL: the figure dicts, sentences, companies (Orbis, Quillon, Aerona, Nordbank) and numbers
are written for these tests.
"""
from __future__ import annotations

import pandas as pd
import pytest

from figcheck.compare.frames import best_agreement, clean_claim, explicit, frames_agree
from figcheck.compare.story import compare_story

from ..extract.test_grouping import TAKEOVER, articles, story
from ..support import BN, arts_for, findings_of, kinds, sfig

ALARMS = ("outlier", "contradiction", "self_contradiction")


def F(measure, frame="noun_after", holder="", obj="", when="", unit="percent", file="a", text=None, part="",
      quantity="stake"):
    """A hand-made figure with its frame columns (as figures.csv has them)."""
    return {"measure": measure, "measure_text": text or measure, "frame": frame, "holder": holder, "object": obj,
            "when": when, "unit": unit, "file": file, "part": part, "quantity": quantity}


# ---------------------------------------------------------------------------
# frames_agree
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("f1,f2,confidence", [
    # the same word and a shared holder or object: high
    (F("anteil", holder="state"), F("anteil", holder="state", file="b"), "high"),
    (F("anteil", obj="aerona"), F("anteil", obj="aerona airlines", file="b"), "high"),
    # the same word, nothing named: medium
    (F("anteil"), F("anteil", file="b"), "medium"),
    # synonyms, at least one bound to its figure: medium
    (F("anteil", "noun_of"), F("stake", file="b"), "medium"),
    (F("anteil", "noun_of"), F("halten", "verb", file="b"), "medium"),
    (F("kaufpreis", "noun_of", unit="USD"), F("purchase price", "noun_of", unit="USD", file="b"), "medium"),
    # two synonyms read from afar agree within one article when one is its headline
    (dict(F("anteil", "subject"), segment="headline"), F("stake", "subject", file="a"), "medium"),
    # the reporter's label is trusted
    (F("stake", "user"), F("anteil", file="b"), "medium"),
    # a generic holder fits a name; a decade holds its year; a recent year is the present
    (F("anteil", holder="bank"), F("anteil", holder="nordbank", file="b"), "medium"),
    (F("anteil", when="2010s"), F("anteil", when="2016", file="b"), "medium"),
    (F("anteil", when="2024"), F("anteil", file="b"), "medium"),
])
def test_frames_that_agree(f1, f2, confidence):
    ag = frames_agree(f1, f2, 2025)
    assert (ag["agree"], ag["confidence"], ag["unclear"]) == (True, confidence, [])


@pytest.mark.parametrize("f1,f2,unclear", [
    (F("", frame=""), F("anteil", file="b"), ["measure"]),
    # two body sentences of one article, two words read from afar: maybe two things (a raise, a share sale)
    (F("anteil", "subject"), F("stake", "subject", file="a"), ["measure"]),
    (F("break fee", unit="USD"), F("takeover", "subject", unit="USD", file="b"), ["measure"]),
    (F("loan", unit="USD"), F("kaufpreis", "noun_of", unit="USD", file="b"), ["measure"]),
    (F("premium"), F("stake", file="b"), ["measure"]),
    # synonyms read from afar in two articles: not enough to say it is one measure
    (F("anteil", "subject"), F("stake", "subject", file="b"), ["measure"]),
    (F("anteil", holder="state"), F("anteil", holder="nordbank", file="b"), ["holder"]),
    (F("anteil", obj="aerona"), F("anteil", obj="quillon", file="b"), ["object"]),
    # what a premium is measured against: word for word, or none
    (F("premium", obj="vs closing price"), F("premium", obj="vs average price", file="b"), ["object"]),
    (F("premium", obj="vs closing price"), F("premium", file="b"), ["object"]),
    (F("anteil", when="before"), F("anteil", file="b"), ["time"]),
    (F("anteil", when="planned"), F("anteil", when="before", file="b"), ["time"]),
    (F("anteil", when="2016"), F("anteil", when="2025", file="b"), ["time"]),
    (F("anteil", when="2016"), F("anteil", file="b"), ["time"]),          # years before the story's present
    (F("anteil", "subject", holder="state", when="before"), F("stake", "subject", holder="nordbank", file="b"),
     ["measure", "holder", "time"]),
    # next year's figure, a move outside the trading session, two articles' moves with no shared time
    (F("kosten", unit="EUR", when="later"), F("kosten", unit="EUR", file="b"), ["time"]),
    (F("rise", "verb", when="after_hours"), F("rise", "verb", file="b"), ["time"]),
    (F("rise", "verb"), F("rise", "verb", file="b"), ["time"]),
    # an order of magnitude in the body ("investors lost millions") is no claim to set against a figure
    (dict(F("lose", "verb", unit="USD"), qualifier="vague"), F("lose", "verb", unit="USD", file="b"), ["vague"]),
    # two ages are one person's only when both name the person ("Der 54-Jährige", "der 28-jährige Kapitän")
    (F("age", "age", unit="other"), F("age", "age", unit="other", file="b"), ["holder"]),
    # counts of one noun whose clauses say different things of them: two populations
    (dict(F("property", unit="count"), verb="rise"), dict(F("property", unit="count", file="b"), verb="sell"),
     ["measure"]),
])
def test_frames_that_do_not_agree_say_what_is_unclear(f1, f2, unclear):
    ag = frames_agree(f1, f2, 2025)
    assert (ag["agree"], ag["confidence"], ag["unclear"]) == (False, "low", unclear)


def test_frames_agree_quotes_the_measure_words_and_the_holder():
    ag = frames_agree(F("staatsanteil", "noun_of", holder="state", text="Staatsanteil"),
                      F("anteil", "subject", holder="state", text="Anteil", file="b"))
    assert ag["words"] == ["Staatsanteil", "Anteil"] and ag["holder"] == "state"


def test_a_figure_is_explicit_only_when_its_words_name_a_measure():
    assert explicit(F("anteil")) and not explicit(F("", frame="")) and not explicit(F("anteil", frame=""))
    assert not explicit({"measure": float("nan"), "frame": "noun_of"})


def test_confidence_is_the_same_either_way_round_and_a_generic_holder_is_no_shared_name():
    a, b = F("anteil", holder="state"), F("anteil", holder="bank", file="b")
    assert frames_agree(a, b)["confidence"] == frames_agree(b, a)["confidence"] == "medium"


# ---------------------------------------------------------------------------
# best_agreement, clean_claim
# ---------------------------------------------------------------------------
def test_best_agreement_takes_the_best_other_and_never_the_figure_itself():
    me = F("anteil", holder="state")
    others = [me, F("anteil", holder="nordbank", file="b"), F("anteil", file="d"), F("anteil", holder="state",
                                                                                     file="c")]
    assert best_agreement(me, others) == {"agree": True, "confidence": "high", "unclear": [],
                                          "words": ["anteil", "anteil"], "holder": "state"}
    assert best_agreement(me, others[:3])["confidence"] == "medium"
    assert best_agreement(me, others[:2])["unclear"] == ["holder"]


def test_best_agreement_with_no_other_is_no_agreement():
    assert best_agreement(F("anteil"), []) == {"agree": False, "confidence": "low", "unclear": ["measure"],
                                               "words": [], "holder": ""}


def _claim(*figs):
    return {"figures": [dict(F(m, frame=fr), lo=lo, hi=hi, segment=seg) for m, fr, lo, hi, seg in figs]}


def test_clean_claim():
    # one article, two body figures whose words name a measure and whose values differ: it mixes two things
    assert not clean_claim(_claim(("anteil", "noun_of", 20, 20, "body"), ("anteil", "noun_of", 25, 25, "body")))
    assert clean_claim(_claim(("anteil", "noun_of", 20, 20, "body"), ("anteil", "noun_of", 19, 21, "body")))
    # headlines, captions and figures with no measure words are left aside
    assert clean_claim(_claim(("anteil", "noun_of", 20, 20, "body"), ("anteil", "noun_of", 25, 25, "headline")))
    assert clean_claim(_claim(("anteil", "noun_of", 20, 20, "body"), ("", "", 25, 25, "body")))
    assert clean_claim({"figures": []})


# ---------------------------------------------------------------------------
# end to end: compare_story on hand-made figures (frames read from their sentences)
# ---------------------------------------------------------------------------
PAY = "Orbis will pay $62 billion for Quillon."
COMMIT = "Orbis made an $8 billion equity commitment to the deal."
PAY_LOW = "Orbis will pay $31 billion for Quillon."


def _compare(rows, files, language="en"):
    return compare_story(pd.DataFrame(rows), arts_for(files, language), {})


def _alarms(res):
    f = findings_of(res, *ALARMS)
    return f[f["severity"].isin(["high", "medium"])]


def test_an_outlier_with_another_frame_is_only_worth_checking():
    """A buyer's equity commitment filed under the deal amount is no outlier against the price."""
    res = _compare([sfig("a", PAY, "$62 billion", 62 * BN, "USD", "deal_amount"),
                    sfig("b", PAY, "$62 billion", 62 * BN, "USD", "deal_amount"),
                    sfig("c", COMMIT, "$8 billion", 8 * BN, "USD", "deal_amount")], "abc")
    assert _alarms(res).empty
    out = kinds(res, "outlier", "deal_amount").iloc[0]
    assert (out["severity"], out["confidence"]) == ("low", "low")
    assert "equity commitment" in out["message"] and "pay" in out["message"]


def test_an_outlier_with_the_same_frame_is_an_alarm_with_high_confidence():
    res = _compare([sfig("a", PAY, "$62 billion", 62 * BN, "USD", "deal_amount"),
                    sfig("b", PAY, "$62 billion", 62 * BN, "USD", "deal_amount"),
                    sfig("c", PAY_LOW, "$31 billion", 31 * BN, "USD", "deal_amount")], "abc")
    out = kinds(res, "outlier", "deal_amount")
    assert len(out) == 1 and (out.iloc[0]["severity"], out.iloc[0]["confidence"]) == ("high", "high")


def test_a_contradiction_needs_frames_that_agree():
    other = _compare([sfig("a", PAY, "$62 billion", 62 * BN, "USD", "deal_amount"),
                      sfig("b", COMMIT, "$8 billion", 8 * BN, "USD", "deal_amount")], "ab")
    assert _alarms(other).empty
    same = _compare([sfig("a", PAY, "$62 billion", 62 * BN, "USD", "deal_amount"),
                     sfig("b", PAY_LOW, "$31 billion", 31 * BN, "USD", "deal_amount")], "ab")
    alarms = _alarms(same)
    assert len(alarms) == 1 and alarms.iloc[0]["kind"] == "contradiction"
    assert alarms.iloc[0]["confidence"] in ("high", "medium")


def _state_stakes(s2):
    s1 = "Der Anteil des Staates an der Fluglinie liegt bei 20 Prozent."
    return _compare([sfig("a", s1, "20 Prozent", 20.0, "percent", "stake", language="de"),
                     sfig("b", s2, "25 Prozent", 25.0, "percent", "stake", language="de")], "ab", "de")


def test_stakes_of_the_state_in_the_same_words_that_differ_contradict():
    alarms = _alarms(_state_stakes("Der Anteil des Staates beträgt 25 Prozent."))
    assert len(alarms) == 1 and alarms.iloc[0]["kind"] == "contradiction"
    assert alarms.iloc[0]["confidence"] in ("high", "medium")
    assert "Anteil" in alarms.iloc[0]["message"]


# compare_split_holders (compare/holders.py) keeps the frame's `holder`: frames_agree compares it
def test_the_same_word_and_the_same_holder_give_high_confidence():
    alarms = _alarms(_state_stakes("Der Anteil des Staates beträgt 25 Prozent."))
    assert alarms.iloc[0]["confidence"] == "high"


def test_loans_of_two_lenders_are_no_alarm():
    texts = ("de|Die Werft erhält einen Kredit der Förderbank über zwei Milliarden Euro.",
             "de|Die Werft bekommt einen Kredit der Nordbank über drei Milliarden Euro.")
    figs = story(*texts)
    assert list(figs["holder"]) == ["förderbank", "nordbank"]
    assert _alarms(compare_story(figs, articles(*texts), {})).empty


def test_stakes_of_the_state_in_synonyms_that_differ_contradict():
    alarms = _alarms(_state_stakes("Die Beteiligung des Staates beträgt 25 Prozent."))
    assert len(alarms) == 1 and alarms.iloc[0]["confidence"] == "medium"


def test_stakes_in_synonyms_that_name_no_common_holder_are_only_worth_checking():
    res = _state_stakes("Die Beteiligung beträgt 25 Prozent.")
    found = findings_of(res, "contradiction")
    assert len(found) == 1 and found.iloc[0]["confidence"] == "low"


def test_a_headline_with_another_frame_is_no_self_contradiction_alarm():
    head = "Orbis values Quillon at $30 billion"
    body = "Orbis will invest $14 billion in Quillon."
    rows = [sfig("a", head, "$30 billion", 30 * BN, "USD", "deal_amount", segment="headline"),
            sfig("a", body, "$14 billion", 14 * BN, "USD", "deal_amount", offset=40)]
    sc = kinds(_compare(rows, "a"), "self_contradiction")
    assert len(sc) == 1 and (sc.iloc[0]["severity"], sc.iloc[0]["confidence"]) == ("low", "low")


def test_a_headline_with_the_same_frame_that_differs_is_a_self_contradiction():
    head = "Orbis will pay $20 billion for Quillon"
    body = "Orbis will pay $14 billion for Quillon."
    rows = [sfig("a", head, "$20 billion", 20 * BN, "USD", "deal_amount", segment="headline"),
            sfig("a", body, "$14 billion", 14 * BN, "USD", "deal_amount", offset=40)]
    sc = kinds(_compare(rows, "a"), "self_contradiction")
    assert len(sc) == 1 and sc.iloc[0]["severity"] == "high" and sc.iloc[0]["confidence"] in ("high", "medium")


# ---------------------------------------------------------------------------
# end to end from invented articles: extraction, then comparison
# ---------------------------------------------------------------------------
def _story_result(texts):
    return compare_story(story(*texts), articles(*texts), {})


def test_look_alikes_of_an_invented_takeover_raise_no_alarm():
    """A loan, a break fee, an equity stake, a premium, a share price and a euro conversion beside the deal
    amount: every quantity agrees across the outlets, nothing is an alarm."""
    res = _story_result(TAKEOVER)
    assert _alarms(res).empty
    assert set(kinds(res, "consensus")["quantity"]) >= {"deal_amount", "loan", "fee", "premium", "stake",
                                                       "share_price"}
    assert set(res.findings["confidence"]) <= {"high", "medium", "low"}


def test_a_real_disagreement_in_an_invented_takeover_is_found():
    res = _story_result(list(TAKEOVER) + ["en|Orbis will pay $26 billion for Quillon, a 38% premium."])
    alarms = _alarms(res)
    assert len(alarms) == 1
    a = alarms.iloc[0]
    assert (a["kind"], a["quantity"], a["confidence"]) == ("outlier", "deal_amount", "high")


def test_a_derived_check_needs_operands_of_one_transaction():
    texts = ("en|Orbis will invest $3 billion in Quillon. A charity, the Quillon Foundation, was given a 2% stake "
             "in the platform. The deal values Quillon at $30 billion.",
             "en|Orbis is investing $3 billion in Quillon, which is valued at $30 billion.",
             "en|Orbis invests $3 billion in Quillon.")
    figs = story(*texts)
    stake = figs[figs["text"] == "2%"].iloc[0]
    assert stake["holder"] != "orbis" and stake["object"] != "quillon"
    checks = findings_of(compare_story(figs, articles(*texts), {}), "derived_check")
    assert checks[checks["severity"].isin(["high", "medium"])].empty


def test_moves_of_one_named_time_and_within_one_article_may_agree():
    assert frames_agree(F("rise", "verb", when="premarket"), F("rise", "verb", when="premarket", file="b"),
                        2025)["agree"]
    assert frames_agree(F("rise", "verb"), F("rise", "verb"), 2025)["agree"]     # one article


def test_rival_bids_and_estimates_of_two_bodies_raise_no_alarm():
    # invented: two bidders for Quillon; two bodies' estimates of one cost
    texts = ("en|Orbis has bid $6.3 billion for Quillon, the paper reported.",
             "en|Larsen Group agreed to bid $6.8 billion for Quillon.",
             "de|Das Ministerium erwartet für die Werft Kosten von drei Milliarden Euro.",
             "de|Der Rechnungshof schätzt die Kosten für die Werft im kommenden Jahr auf 2,6 Milliarden Euro.")
    assert _alarms(compare_story(story(*texts), articles(*texts), {})).empty
