"""figcheck.compare.quantity: one quantity across the articles — the timeline of its claims, outliers
and contradictions between outlets (never between the values of one article), self-contradictions
of a headline or opening against the body.

Every sentence, company and number in the hand-made tables here is invented for these tests (test material).
"""
from __future__ import annotations

import json

import pandas as pd

from figcheck.compare.attribution import compare_sentence_spans
from figcheck.compare.quantity import compare_timeline
from figcheck.compare.story import compare_story

from ..support import BN, arts_for, detail, fig, findings_of, kinds, sfig


# ---------------------------------------------------------------------------
# the timeline
# ---------------------------------------------------------------------------
def test_timeline_orders_past_projection_then_another_articles_current_value():
    claims = [{"file": "b", "timepoint": "current", "published": ""},
              {"file": "a", "timepoint": "projected", "published": ""},
              {"file": "a", "timepoint": "past", "published": ""}]
    assert [c["timepoint"] for c in compare_timeline(claims)] == ["past", "projected", "current"]
    # an article's own current value comes before its own projection
    claims = [{"file": "a", "timepoint": "projected", "published": ""},
              {"file": "a", "timepoint": "current", "published": ""}]
    assert [c["timepoint"] for c in compare_timeline(claims)] == ["current", "projected"]
    # publication dates win when every claim has one
    claims = [{"file": "a", "timepoint": "current", "published": "2030-01-02"},
              {"file": "b", "timepoint": "current", "published": "2030-01-01"}]
    assert [c["file"] for c in compare_timeline(claims)] == ["b", "a"]


# ---------------------------------------------------------------------------
# outliers and contradictions are between outlets
# ---------------------------------------------------------------------------
def test_two_outlets_that_disagree_give_a_contradiction_not_an_outlier():
    figs = pd.DataFrame([fig("a", "$10 billion", 10 * BN, "USD", "exact", "deal_amount"),
                         fig("b", "$12 billion", 12 * BN, "USD", "exact", "deal_amount")])
    res = compare_story(figs, arts_for(["a", "b"]), {})
    assert kinds(res, "outlier").empty
    c = kinds(res, "contradiction", "deal_amount")
    assert len(c) == 1 and json.loads(c.iloc[0]["files"]) == ["a", "b"]
    assert res.comparison.iloc[0]["status"] == "contested"


def test_values_of_one_article_are_not_a_contradiction_between_outlets():
    s1 = "Around 50 workers were hurt, the fire service said."
    s2 = "Later the hospital counted 120 workers in its wards."
    figs = pd.DataFrame([sfig("a", s1, "Around 50", 50.0, "count", "injured", "approx", low=45.0, high=55.0),
                         sfig("a", s2, "120", 120.0, "count", "injured", offset=60)])
    for language in ("en", "de"):
        res = compare_story(figs, arts_for(["a"], language), {})
        assert findings_of(res, "contradiction", "outlier").empty, res.findings["message"].tolist()
        assert res.comparison.iloc[0]["status"] == "single_source"
        assert not res.findings["message"].str.contains("widersprechen sich|contradict each other").any()
        assert "contradicts" not in set(res.evidence["verdict"])


def test_two_outlets_that_differ_still_contradict():
    figs = pd.DataFrame([sfig("a", "Around 50 workers were hurt.", "Around 50", 50.0, "count", "injured"),
                         sfig("b", "Some 120 workers were hurt.", "120", 120.0, "count", "injured")])
    res = compare_story(figs, arts_for(["a", "b"]), {})
    assert len(findings_of(res, "contradiction")) == 1


# ---------------------------------------------------------------------------
# self-contradiction
# ---------------------------------------------------------------------------
def test_english_self_contradiction_vague_plural_against_one_billion():
    figs = pd.DataFrame([
        fig("a", "Acme invests billions", None, "USD", "vague", "deal_amount", low=1 * BN, segment="headline"),
        fig("a", "about $1 billion", 1 * BN, "USD", "approx", "deal_amount"),
    ])
    res = compare_story(figs, arts_for(["a"], outlets={"a": "The Test Gazette"}), {})
    sc = kinds(res, "self_contradiction", "deal_amount")
    assert len(sc) == 1
    msg = sc.iloc[0]["message"]
    assert "The Test Gazette contradicts itself" in msg and "“Acme invests billions”" in msg
    assert "at least 2 billion USD" in msg and "“about $1 billion”" in msg
    ev = json.loads(sc.iloc[0]["evidence"])
    assert {e["text"] for e in ev} == {"Acme invests billions", "about $1 billion"}


def test_a_headline_that_is_shorthand_is_not_a_self_contradiction():
    figs = pd.DataFrame([
        fig("a", "$10B", 10 * BN, "USD", "exact", "deal_amount", segment="headline"),
        fig("a", "more than $10 billion", 10 * BN, "USD", "lower", "deal_amount"),
    ])
    res = compare_story(figs, arts_for(["a"]), {})
    assert kinds(res, "self_contradiction").empty


def test_opening_against_body_is_a_self_contradiction():
    text = "Acme buys Beta\nAcme pays about $1 billion for Beta. Later in the text: the price is $5 billion."
    arts = pd.DataFrame([{"file": "a", "outlet": "", "published": "", "language": "en", "cites": "[]",
                          "duplicate_of": "", "segments": json.dumps([[0, 14, "headline"], [14, len(text), "body"]]),
                          "text": text}])
    rows = []
    for span, value, q in (("about $1 billion", 1 * BN, "approx"), ("$5 billion", 5 * BN, "exact")):
        r = fig("a", span, value, "USD", q, "deal_amount")
        r["start"] = text.index(span)
        r["end"] = r["start"] + len(span)
        sents = compare_sentence_spans(text)
        a, b = next((a, b) for a, b in sents if a <= r["start"] < b)
        r["sentence"], r["sentence_start"] = text[a:b], a
        rows.append(r)
    res = compare_story(pd.DataFrame(rows), arts, {})
    sc = kinds(res, "self_contradiction")
    assert len(sc) == 1 and "its opening “about $1 billion”" in sc.iloc[0]["message"]
    assert detail(sc.iloc[0])["segments"] == ["opening", "body"]
