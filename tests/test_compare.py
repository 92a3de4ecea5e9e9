"""Tests of the comparison section (notebook 03): small functions first, then whole stories.

The stories under tests/fixtures/compare/ are test material (see its README): the default
story's figures transcribed by hand over its real articles, and invented German and English
stories that make each kind of finding arise — and not arise where the outlets agree.
"""
from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pandas as pd
import pytest

import helpers
from figcheck.wording import de as de_words, en as en_words
from figcheck.wording.findings import quantity_name

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "compare"
_spec = importlib.util.spec_from_file_location("compare_fixture_build", FIXTURES / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

BN = 1e9


# ---------------------------------------------------------------------------
# helpers for the tests
# ---------------------------------------------------------------------------
def story(name: str, **params) -> helpers.ComparisonResult:
    figs, arts = build.default_story() if name == "meta-scale-ai" else build.build_story(FIXTURES / name)
    return helpers.compare_story(figs, arts, params)


def kinds(res, kind, quantity=None) -> pd.DataFrame:
    f = res.findings
    f = f[f["kind"] == kind]
    return f if quantity is None else f[f["quantity"] == quantity]


def detail(row) -> dict:
    return json.loads(row["detail"])


def fig(file, text, value, unit, qualifier, quantity, low=None, high=None, segment="body", sentence=None,
        outlet=""):
    """One hand-made figure row (no article text needed)."""
    if low is None and qualifier in ("exact", "lower"):
        low = value
    if high is None and qualifier in ("exact", "upper"):
        high = value
    return {"figure_id": f"{file}:{text}", "file": file, "outlet": outlet, "published": "", "language": "en",
            "start": 0, "end": len(text), "text": text, "value": value, "unit": unit, "qualifier": qualifier,
            "low": low, "high": high, "quantity": quantity, "segment": segment,
            "sentence": sentence if sentence is not None else f"{text}.", "sentence_start": 0}


def arts_for(files, language="en", outlets=None):
    outlets = outlets or {}
    return pd.DataFrame([{"file": f, "outlet": outlets.get(f, ""), "published": "", "language": language,
                          "cites": "[]", "duplicate_of": "", "text": ""} for f in files])


@pytest.fixture(scope="module")
def default():
    return story("meta-scale-ai")


@pytest.fixture(scope="module")
def english():
    return story("en-test-acquisition")


@pytest.fixture(scope="module")
def agreeing():
    return story("de-test-einig")


@pytest.fixture(scope="module")
def conflicting():
    return story("de-test-widerspruch")


# ---------------------------------------------------------------------------
# intervals
# ---------------------------------------------------------------------------
def test_exact_interval_is_widened_by_tolerance():
    raw_lo, raw_hi, lo, hi = helpers.compare_figure_interval(14.3 * BN, 14.3 * BN, 14.3 * BN, "exact", "", 0.05)
    assert (raw_lo, raw_hi) == (14.3 * BN, 14.3 * BN)
    assert lo == pytest.approx(14.3 * BN * 0.95) and hi == pytest.approx(14.3 * BN * 1.05)


def test_lower_bound_is_open_upwards():
    raw_lo, raw_hi, _lo, hi = helpers.compare_figure_interval(10 * BN, 10 * BN, None, "lower", "über 10 Milliarden")
    assert raw_lo == 10 * BN and math.isinf(raw_hi) and math.isinf(hi)


def test_close_hedge_is_near_its_bound_but_up_to_is_not():
    fast = helpers.compare_figure_interval(50, None, 50, "upper", "fast die Hälfte")
    bis = helpers.compare_figure_interval(65 * BN, None, 65 * BN, "upper", "bis zu 65 Milliarden Dollar")
    assert 40 <= fast[0] < 49 and fast[1] == 50
    assert bis[0] == 0.0 and bis[1] == 65 * BN


def test_approx_without_bounds_allows_ten_percent():
    raw_lo, raw_hi, _, _ = helpers.compare_figure_interval(1 * BN, None, None, "approx", "rund eine Milliarde")
    assert raw_lo == pytest.approx(0.9 * BN) and raw_hi == pytest.approx(1.1 * BN)


@pytest.mark.parametrize("text,language,low", [
    ("Meta investiert Milliarden", "de", 2e9),          # standalone plural: at least two
    ("eine Milliardensumme", "de", 1e9),                # compound: at least one
    ("milliardenschweren Unternehmen", "de", 1e9),
    ("Hunderttausenden Crowdworkern", "de", 2e5),
    ("Acme invests billions", "en", 2e9),
    ("a multibillion deal", "en", 1e9),
    ("hundreds of thousands of users", "en", 1e5),
])
def test_vague_amounts_take_their_floor_from_the_scale_word(text, language, low):
    got_low, got_high = helpers.compare_vague_bounds(text, language)
    assert got_low == low and got_high > got_low


def test_vague_plural_overrides_a_floor_of_one_but_keeps_higher_floors():
    assert helpers.compare_figure_interval(None, 1e9, None, "vague", "Milliarden", 0.05, "de")[0] == 2e9
    assert helpers.compare_figure_interval(None, 5e9, None, "vague", "Milliarden", 0.05, "de")[0] == 5e9


def test_figure_without_numbers_is_unbounded():
    raw_lo, raw_hi, _, _ = helpers.compare_figure_interval(None, None, None, "exact", "")
    assert math.isinf(raw_lo) and math.isinf(raw_hi)


def test_pointlike_includes_close_hedges_only():
    assert helpers.compare_is_pointlike({"qualifier": "upper", "text": "nahezu 15 Milliarden Dollar"})
    assert not helpers.compare_is_pointlike({"qualifier": "upper", "text": "bis zu 65 Milliarden Dollar"})
    assert not helpers.compare_is_pointlike({"qualifier": "lower", "text": "über 10 Milliarden"})
    assert helpers.compare_is_pointlike({"qualifier": "approx", "text": "rund 1"})


# ---------------------------------------------------------------------------
# consensus by interval voting
# ---------------------------------------------------------------------------
def test_consensus_is_the_stretch_most_voters_share():
    iv = [(13.585, 15.015, "a", True), (14.25, 15.75, "b", True), (9.5, math.inf, "c", False),
          (0.9, 1.1, "d", True)]
    got = helpers.compare_consensus(iv)
    assert got["support"] == 3 and sorted(got["supporters"]) == [0, 1, 2]
    assert (got["region_lo"], got["region_hi"]) == (14.25, 15.015)


def test_a_voter_counts_once():
    iv = [(1, 2, "a", True), (1, 2, "a", True), (5, 6, "b", True), (5, 6, "c", True)]
    got = helpers.compare_consensus(iv)
    assert got["support"] == 2 and sorted(got["supporters"]) == [2, 3]


def test_consensus_tie_goes_to_point_figures_then_the_narrower_stretch():
    # two stretches with support 1 each: the exact figure beats the open bound
    got = helpers.compare_consensus([(100, math.inf, "a", False), (1, 2, "b", True)])
    assert got["supporters"] == [1]
    # both exact: the narrower wins
    got = helpers.compare_consensus([(10, 20, "a", True), (1, 2, "b", True)])
    assert got["supporters"] == [1]


def test_empty_consensus():
    assert helpers.compare_consensus([])["support"] == 0


def test_verdicts():
    region = (14.25 * BN, 15.015 * BN)
    inside = {"lo": 13.6 * BN, "hi": 15 * BN, "qualifier": "exact", "timepoint": "current"}
    bound = {"lo": 9.5 * BN, "hi": math.inf, "qualifier": "lower", "timepoint": "current"}
    far = {"lo": 0.9 * BN, "hi": 1.1 * BN, "qualifier": "approx", "timepoint": "current"}
    earlier = dict(far, timepoint="past")
    assert helpers.compare_verdict(inside, region) == "agrees"
    assert helpers.compare_verdict(bound, region) == "compatible"
    assert helpers.compare_verdict(far, region) == "contradicts"
    assert helpers.compare_verdict(earlier, region) == "compatible"


def test_error_type_scale_slip_only_near_a_power_of_ten():
    claim = {"point": 1.43 * BN, "stage": "settled"}
    assert helpers.compare_error_type(10.0, claim, (14.3 * BN, 14.3 * BN), 0.05) == "scale_slip"
    claim = {"point": 14.3e6, "stage": "settled"}
    assert helpers.compare_error_type(1000.0, claim, (14.3 * BN, 14.3 * BN), 0.05) == "scale_slip"
    claim = {"point": 1 * BN, "stage": "settled"}
    assert helpers.compare_error_type(14.65, claim, (14.3 * BN, 15 * BN), 0.05) == ""
    assert helpers.compare_error_type(14.65, dict(claim, stage="early"), (14.3 * BN, 15 * BN), 0.05) == "early_figure"


# ---------------------------------------------------------------------------
# stage and time
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,span,stage", [
    ("Meta plant eine Investition von 10 Milliarden Dollar.", "10 Milliarden", "early"),
    ("Meta befindet sich Berichten zufolge in Gesprächen, um 10 Milliarden zu investieren.", "10 Milliarden", "early"),
    ("Meta investiert 14,3 Milliarden Dollar in das Start-up.", "14,3 Milliarden", "settled"),
    ("Scale AI werde nun mit 29 Milliarden Dollar bewertet.", "29 Milliarden", "settled"),
    ("Das Unternehmen wurde kürzlich mit 14 Milliarden US-Dollar bewertet, doch ein Angebot könnte seine "
     "Bewertung auf 25 Milliarden US-Dollar steigern.", "14 Milliarden", "past"),
    ("Das Unternehmen wurde kürzlich mit 14 Milliarden US-Dollar bewertet, doch ein Angebot könnte seine "
     "Bewertung auf 25 Milliarden US-Dollar steigern.", "25 Milliarden", "projected"),
    ("Acme is in talks to buy Beta for $2 billion.", "$2 billion", "early"),
    ("Acme reportedly offered $2 billion.", "$2 billion", "early"),
    ("Beta was previously valued at $1 billion.", "$1 billion", "past"),
    ("Revenue could rise to $5 billion next year.", "$5 billion", "projected"),
    ("Acme bought Beta for $2 billion on Monday.", "$2 billion", "settled"),
    ("The deal closed in May at $2 billion.", "$2 billion", "settled"),   # "May" is a month, not a hedge
])
def test_stage(sentence, span, stage):
    start = sentence.index(span)
    assert helpers.compare_stage(sentence, start, start + len(span))[0] == stage


def test_timeline_orders_past_projection_then_another_articles_current_value():
    claims = [{"file": "b", "timepoint": "current", "published": ""},
              {"file": "a", "timepoint": "projected", "published": ""},
              {"file": "a", "timepoint": "past", "published": ""}]
    assert [c["timepoint"] for c in helpers.compare_timeline(claims)] == ["past", "projected", "current"]
    # an article's own current value comes before its own projection
    claims = [{"file": "a", "timepoint": "projected", "published": ""},
              {"file": "a", "timepoint": "current", "published": ""}]
    assert [c["timepoint"] for c in helpers.compare_timeline(claims)] == ["current", "projected"]
    # publication dates win when every claim has one
    claims = [{"file": "a", "timepoint": "current", "published": "2030-01-02"},
              {"file": "b", "timepoint": "current", "published": "2030-01-01"}]
    assert [c["file"] for c in helpers.compare_timeline(claims)] == ["b", "a"]


# ---------------------------------------------------------------------------
# attribution
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,cites,expected", [
    ("Die Investition ist laut «N-TV» die zweitgrösste.", [], ["N-TV"]),
    ("…, berichtet Bloomberg.", [], ["Bloomberg"]),
    ("Acme paid $2 billion, according to Reuters.", [], ["Reuters"]),
    ("Acme paid $2 billion, Reuters reported.", [], ["Reuters"]),
    ("Laut Berichten plant Meta, fast die Hälfte zu übernehmen.", [], []),
    ("Meta soll Berichten zufolge zahlen.", [], []),
    ("Wie die dpa berichtet, zahlt Acme viel.", ["dpa"], ["dpa"]),
    ("Der Deal, so das Handelsblatt, ist groß.", ["Handelsblatt"], ["Handelsblatt"]),
])
def test_find_sources(text, cites, expected):
    assert helpers.compare_find_sources(text, cites) == expected


def test_attribution_looks_at_neighbouring_sentences():
    text = ("«Das ist gut», sagte Wang laut «Handelsblatt». Scale AI werde nun mit 29 Milliarden bewertet. "
            "Meta zahlt 14 Milliarden. Das sei viel, berichtet Bloomberg. Acme ist groß.")
    spans = helpers.compare_sentence_spans(text)
    cites = ["Handelsblatt", "Bloomberg"]
    # reported speech (Konjunktiv) carries the previous sentence's source
    assert helpers.compare_attribute(text, text.index("29"), spans, cites) == ("Handelsblatt", "previous sentence")
    # a reporting verb in the next sentence covers the figure before it
    assert helpers.compare_attribute(text, text.index("14"), spans, cites) == ("Bloomberg", "next sentence")
    # plain indicative does not inherit the previous sentence's source
    text2 = "Laut «Handelsblatt» ist Wang klug. Meta zahlt 14 Milliarden."
    assert helpers.compare_attribute(text2, text2.index("14"), helpers.compare_sentence_spans(text2), cites) == ("", "")


def test_unnamed_report_in_an_article_citing_one_source():
    text = "Acme is reportedly paying $2 billion for Beta."
    spans = helpers.compare_sentence_spans(text)
    assert helpers.compare_attribute(text, text.index("$2"), spans, ["Bloomberg"]) == ("Bloomberg", "article")
    assert helpers.compare_attribute(text, text.index("$2"), spans, ["Bloomberg", "Reuters"]) == ("", "")


def test_sentence_spans_keep_abbreviations_together():
    text = "Meta Platforms Inc. befindet sich in Gesprächen. Das ist neu.\nZweite Zeile"
    spans = helpers.compare_sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Meta Platforms Inc. befindet sich in Gesprächen.", "Das ist neu.",
                                             "Zweite Zeile"]


# ---------------------------------------------------------------------------
# grouping and claims
# ---------------------------------------------------------------------------
def test_currencies_are_never_merged_and_unclassified_is_not_compared():
    figs = pd.DataFrame([
        fig("a.txt", "$10 billion", 10 * BN, "USD", "exact", "deal_amount"),
        fig("b.txt", "€10 billion", 10 * BN, "EUR", "exact", "deal_amount"),
        fig("c.txt", "10 billion dollars", 10 * BN, "USD", "exact", "deal_amount"),
        fig("a.txt", "in 2014", 2014, "year", "exact", "unclassified"),
        fig("b.txt", "in 2015", 2015, "year", "exact", ""),
    ])
    prepared = helpers.compare_prepare_figures(figs, arts_for(["a.txt", "b.txt", "c.txt"]), {"tolerance": 0.05})
    groups = helpers.compare_group_figures(prepared)
    assert sorted(groups) == [("deal_amount", "EUR"), ("deal_amount", "USD")]
    assert sorted(groups[("deal_amount", "USD")]["file"]) == ["a.txt", "c.txt"]
    res = helpers.compare_story(figs, arts_for(["a.txt", "b.txt", "c.txt"]), {})
    assert sorted(zip(res.comparison["quantity"], res.comparison["unit"])) == [("deal_amount", "EUR"),
                                                                             ("deal_amount", "USD")]
    assert set(res.evidence["quantity"]) == {"deal_amount"}


def test_the_body_speaks_for_the_article_not_the_headline():
    figs = pd.DataFrame([
        fig("a.txt", "$10B", 10 * BN, "USD", "exact", "deal_amount", segment="headline"),
        fig("a.txt", "more than $10 billion", 10 * BN, "USD", "lower", "deal_amount"),
        fig("a.txt", "billions", None, "USD", "vague", "deal_amount"),
    ])
    prepared = helpers.compare_prepare_figures(figs, arts_for(["a.txt"]), {"tolerance": 0.05})
    claims = helpers.compare_article_claims(prepared)
    assert len(claims) == 1 and claims[0]["rep"]["text"] == "more than $10 billion"
    assert len(claims[0]["figures"]) == 3


def test_a_headline_figure_represents_the_article_when_the_body_has_none():
    figs = pd.DataFrame([fig("a.txt", "$10B", 10 * BN, "USD", "exact", "deal_amount", segment="headline")])
    prepared = helpers.compare_prepare_figures(figs, arts_for(["a.txt"]), {"tolerance": 0.05})
    assert helpers.compare_article_claims(prepared)[0]["rep"]["text"] == "$10B"


def test_excluded_and_duplicate_articles_are_left_out():
    figs = pd.DataFrame([fig(f, "$10 billion", 10 * BN, "USD", "exact", "deal_amount") for f in "abc"]
                        + [fig("d", "$1 billion", 1 * BN, "USD", "exact", "deal_amount")])
    arts = arts_for(list("abcd"))
    arts.loc[arts["file"] == "c", "duplicate_of"] = "a"
    res = helpers.compare_story(figs, arts, {"exclude": ["d"]})
    assert res.comparison.iloc[0]["n_outlets"] == 2
    assert set(res.evidence["file"]) == {"a", "b"}
    assert kinds(res, "outlier").empty


# ---------------------------------------------------------------------------
# words
# ---------------------------------------------------------------------------
def test_format_values_in_both_languages():
    # findings write the long style of the one formatter (helpers.format_amount / format_range)
    assert helpers.format_amount(14.3 * BN, "USD", "en", style="long") == "14.3 billion USD"
    assert helpers.format_amount(14.3 * BN, "USD", "de", style="long") == "14,3 Milliarden USD"
    assert helpers.format_amount(1 * BN, "USD", "de", style="long") == "1 Milliarde USD"
    assert helpers.format_amount(49.0, "percent", "de", style="long") == "49 %"
    assert helpers.format_amount(2016.0, "year", "en", style="long") == "2016"
    assert helpers.format_range(14.3 * BN, 15 * BN, "USD", "de", style="long") == "14,3–15 Milliarden USD"
    assert helpers.format_range(2.4 * BN, 2.4 * BN, "USD", "en", style="long") == "2.4 billion USD"


def test_story_language():
    arts = pd.DataFrame({"language": ["de", "de", "en"]})
    assert helpers.story_language(arts, "auto") == "de"
    assert helpers.story_language(arts, "en") == "en"
    # a tie goes to the first file by name when no article has a date (details: test_common.py)
    assert helpers.story_language(pd.DataFrame({"file": ["b.txt", "a.txt"], "language": ["de", "en"]}), "auto") == "en"


def test_quantity_label_prefers_the_storys_label():
    assert quantity_name("deal_amount", "de") == "Investitionssumme"
    assert quantity_name("deal_amount", "en", {"deal_amount": {"label": "Kaufpreis"}}) == "Kaufpreis"
    assert quantity_name("widget_count", "en") == "Widget count"


# ---------------------------------------------------------------------------
# derived checks
# ---------------------------------------------------------------------------
def _claim(q, value, unit="USD", qualifier="exact", lo=None, hi=None):
    return {"quantity": q, "unit": unit, "qualifier": qualifier, "point": value,
            "raw_lo": value if lo is None else lo, "raw_hi": value if hi is None else hi}


def test_implied_value_of_amount_over_stake():
    rel = {"result": "valuation", "numerator": "deal_amount", "denominator": "stake"}
    lo, hi, pt = helpers.compare_implied(rel, {"deal_amount": _claim("deal_amount", 14.3 * BN),
                                               "stake": _claim("stake", 49.0, "percent")})
    assert pt == pytest.approx(29.18 * BN, rel=1e-3) and lo == hi == pytest.approx(pt)


def test_implied_value_of_a_product_and_of_a_bound():
    rel = {"result": "total", "factors": ["price_per_share", "shares"]}
    _lo, _hi, pt = helpers.compare_implied(rel, {"price_per_share": _claim("p", 48.0),
                                                 "shares": _claim("s", 5e7, "count")})
    assert pt == pytest.approx(2.4 * BN)
    rel = {"result": "valuation", "numerator": "deal_amount", "denominator": "stake"}
    lo, hi, _pt = helpers.compare_implied(rel, {"deal_amount": _claim("d", 15 * BN, "USD", "upper", 12.75 * BN, 15 * BN),
                                                "stake": _claim("s", 49.0, "percent")})
    assert lo < 29 * BN < hi


def test_story_relations_from_params_and_an_inconsistent_product():
    figs = pd.DataFrame([
        fig("a", "$5 per widget", 5.0, "USD", "exact", "unit_price"),
        fig("a", "1,000 widgets", 1000.0, "count", "exact", "units_sold"),
        fig("a", "$9,000 in sales", 9000.0, "USD", "exact", "sales"),
    ])
    rel = {"result": "sales", "factors": ["unit_price", "units_sold"]}
    res = helpers.compare_story(figs, arts_for(["a"]), {"relations": [rel]})
    checks = kinds(res, "derived_check", "sales")
    assert len(checks) == 1
    d = detail(checks.iloc[0])
    assert d["consistent"] is False and d["implied"] == pytest.approx(5000.0) and d["tolerance"] == 0.05
    assert checks.iloc[0]["severity"] == "high"
    # the same with a matching total is consistent
    figs.loc[2, ["value", "low", "high"]] = 5000.0
    res = helpers.compare_story(figs, arts_for(["a"]), {"relations": [rel]})
    assert detail(kinds(res, "derived_check", "sales").iloc[0])["consistent"] is True


def test_a_stake_above_100_percent_is_flagged():
    figs = pd.DataFrame([fig("a", "120 percent", 120.0, "percent", "exact", "stake")])
    res = helpers.compare_story(figs, arts_for(["a"]), {})
    checks = kinds(res, "derived_check", "stake")
    assert len(checks) == 1 and detail(checks.iloc[0])["check"] == "part_le_whole"


def test_consensus_values_are_used_when_no_article_reports_all_inputs():
    figs = pd.DataFrame([
        fig("a", "$10 billion", 10 * BN, "USD", "exact", "deal_amount"),
        fig("b", "50 percent", 50.0, "percent", "exact", "stake"),
        fig("c", "$20 billion", 20 * BN, "USD", "exact", "valuation"),
    ])
    res = helpers.compare_story(figs, arts_for(list("abc")), {})
    d = detail(kinds(res, "derived_check", "valuation").iloc[0])
    assert d["consistent"] is True and d["implied"] == pytest.approx(20 * BN) and d["result_from"] == "consensus"


# ---------------------------------------------------------------------------
# self-contradiction on a hand-made English table
# ---------------------------------------------------------------------------
def test_english_self_contradiction_vague_plural_against_one_billion():
    figs = pd.DataFrame([
        fig("a", "Acme invests billions", None, "USD", "vague", "deal_amount", low=1 * BN, segment="headline"),
        fig("a", "about $1 billion", 1 * BN, "USD", "approx", "deal_amount"),
    ])
    res = helpers.compare_story(figs, arts_for(["a"], outlets={"a": "The Test Gazette"}), {})
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
    res = helpers.compare_story(figs, arts_for(["a"]), {})
    assert kinds(res, "self_contradiction").empty


def test_two_outlets_that_disagree_give_a_contradiction_not_an_outlier():
    figs = pd.DataFrame([fig("a", "$10 billion", 10 * BN, "USD", "exact", "deal_amount"),
                         fig("b", "$12 billion", 12 * BN, "USD", "exact", "deal_amount")])
    res = helpers.compare_story(figs, arts_for(["a", "b"]), {})
    assert kinds(res, "outlier").empty
    c = kinds(res, "contradiction", "deal_amount")
    assert len(c) == 1 and json.loads(c.iloc[0]["files"]) == ["a", "b"]
    assert res.comparison.iloc[0]["status"] == "contested"


# ---------------------------------------------------------------------------
# the default story (hand-transcribed figures over the real articles)
# ---------------------------------------------------------------------------
def test_default_deal_amount_consensus(default):
    row = default.comparison.set_index(["quantity", "unit"]).loc[("deal_amount", "USD")]
    assert row["consensus_low"] == 14.3 * BN and row["consensus_high"] == 15 * BN
    assert json.loads(row["agree"]) == ["001_6b933f934256e5b5.txt", "002_063d8c8ae8a83d5a.txt",
                                        "003_f8a4403dadf464df.txt"]
    assert json.loads(row["compatible"]) == ["004_735e3cab86f0cf67.txt"]
    assert json.loads(row["contradict"]) == ["000_c4e7b7921a2cde72.txt"]
    cons = kinds(default, "consensus", "deal_amount").iloc[0]
    assert "14,3–15 Milliarden USD" in cons["message"] and "„über 10 Milliarden Dollar“" in cons["message"]
    assert "frühen Stadium" in cons["message"]


def test_default_004_is_an_early_compatible_bound_and_its_headline_no_contradiction(default):
    ev = default.evidence[(default.evidence["file"] == "004_735e3cab86f0cf67.txt")
                          & (default.evidence["quantity"] == "deal_amount")].set_index("text")
    assert ev.loc["über 10 Milliarden Dollar", "verdict"] == "compatible"
    assert ev.loc["über 10 Milliarden Dollar", "stage"] == "early"
    assert ev.loc["$10B-Investition", "verdict"] == "compatible"
    involved = [json.loads(f) for f in default.findings[default.findings["kind"].isin(
        ["outlier", "contradiction", "self_contradiction"])]["files"]]
    assert not any(files == ["004_735e3cab86f0cf67.txt"] for files in involved)
    outliers = kinds(default, "outlier")
    assert all(detail(r)["outlier_file"] != "004_735e3cab86f0cf67.txt" for _, r in outliers.iterrows())


def test_default_finanzen_is_an_outlier_about_14_times_below(default):
    out = kinds(default, "outlier", "deal_amount")
    assert len(out) == 1
    row = out.iloc[0]
    d = detail(row)
    assert d["outlier_file"] == "000_c4e7b7921a2cde72.txt"
    assert 14 <= d["factor"] <= 15 and row["severity"] == "high"
    assert "finanzen.ch" in row["message"] and "„rund eine Milliarde US-Dollar“" in row["message"]
    assert "14–15-mal niedriger" in row["message"]
    assert row["rank"] == 1


def test_default_finanzen_contradicts_its_own_headline(default):
    sc = kinds(default, "self_contradiction", "deal_amount")
    assert len(sc) == 1
    row = sc.iloc[0]
    assert json.loads(row["files"]) == ["000_c4e7b7921a2cde72.txt"]
    assert "„Meta investiert Milliarden“" in row["message"] and "„rund eine Milliarde US-Dollar“" in row["message"]
    assert "mindestens 2 Milliarden" in row["message"]


def test_default_stake_agrees(default):
    row = default.comparison.set_index("quantity").loc["stake"]
    assert row["status"] == "agreed" and row["consensus_low"] == row["consensus_high"] == 49
    assert json.loads(row["contradict"]) == []
    msg = kinds(default, "consensus", "stake").iloc[0]["message"]
    assert "„fast die Hälfte“" in msg and "49 %" in msg


def test_default_implied_valuation_is_consistent(default):
    checks = kinds(default, "derived_check", "valuation")
    ok = [detail(r) for _, r in checks.iterrows() if detail(r)["consistent"]]
    own = [d for d in ok if d["result_from"] == "same article"]
    assert own and own[0]["implied"] == pytest.approx(14.3 * BN / 0.49) and own[0]["reported"] == 29 * BN
    msg = checks[checks["severity"] == "info"].iloc[0]["message"]
    assert "etwa 29,2 Milliarden USD" in msg and "29 Milliarden USD" in msg and "Toleranz 5 %" in msg


def test_default_valuations_are_a_progression(default):
    row = default.comparison.set_index("quantity").loc["valuation"]
    assert row["status"] == "progression"
    prog = kinds(default, "progression", "valuation")
    assert len(prog) == 1
    assert [s["value"] for s in detail(prog.iloc[0])["sequence"]] == [14 * BN, 25 * BN, 29 * BN]
    assert kinds(default, "contradiction", "valuation").empty and kinds(default, "outlier", "valuation").empty


def test_default_cited_sources(default):
    att = kinds(default, "attribution")
    by_file = {json.loads(r["files"])[0]: detail(r)["sources"] for _, r in att.iterrows() if r["quantity"] == ""}
    assert by_file["004_735e3cab86f0cf67.txt"] == ["Bloomberg"]
    assert set(by_file["001_6b933f934256e5b5.txt"]) >= {"Handelsblatt", "N-TV", "Golem"}
    ev = default.evidence.set_index("text")
    assert ev.loc["über 10 Milliarden Dollar", "attributed_to"] == "Bloomberg"
    assert ev.loc["29 Milliarden Dollar", "attributed_to"] == "Handelsblatt"


def test_default_messages_follow_the_language_parameter():
    res = story("meta-scale-ai", language="en")
    msg = kinds(res, "outlier", "deal_amount").iloc[0]["message"]
    assert msg.startswith("Deal amount: finanzen.ch reports “rund eine Milliarde US-Dollar”")
    assert "14–15 times lower" in msg


def test_default_excluding_finanzen_removes_the_outlier():
    res = story("meta-scale-ai", exclude=["000_c4e7b7921a2cde72.txt"])
    assert kinds(res, "outlier").empty and kinds(res, "self_contradiction").empty
    assert res.comparison.set_index("quantity").loc["deal_amount", "status"] == "agreed"


# ---------------------------------------------------------------------------
# invented stories: each kind of finding arises, and not where outlets agree
# ---------------------------------------------------------------------------
def test_all_outlets_agree_gives_a_consensus_and_nothing_else(agreeing):
    assert set(agreeing.findings["kind"]) == {"consensus"}
    row = agreeing.comparison.set_index("quantity").loc["deal_amount"]
    assert row["status"] == "agreed" and row["n_outlets"] == 3 and row["consensus_low"] == 120e6
    assert set(agreeing.evidence["verdict"]) == {"agrees"}
    msg = agreeing.findings.iloc[0]["message"]
    assert msg.startswith("Investitionssumme: 3 Medien stimmen überein") and "Artikel 203" in msg


def test_english_scale_slip(english):
    out = kinds(english, "outlier", "deal_amount")
    assert len(out) == 1
    d = detail(out.iloc[0])
    assert d["error_type"] == "scale_slip" and d["factor"] == pytest.approx(10)
    assert "Tech Wire (test)" in out.iloc[0]["message"] and "scale slip" in out.iloc[0]["message"]


def test_english_euro_figure_is_kept_apart(english):
    cmp = english.comparison.set_index(["quantity", "unit"])
    assert ("deal_amount", "EUR") in cmp.index and ("deal_amount", "USD") in cmp.index
    assert cmp.loc[("deal_amount", "USD"), "consensus_low"] == 2.4 * BN
    # two currencies are two rows, never a disagreement: no finding pits the euro figure against the dollars
    eur_files = set(json.loads(cmp.loc[("deal_amount", "EUR"), "agree"]))
    for _, r in english.findings[english.findings["kind"].isin(["outlier", "contradiction"])].iterrows():
        assert not (set(json.loads(r["files"])) & eur_files) or detail(r).get("error_type") != "currency"
        assert r["unit"] != "EUR"


def test_english_early_bound_and_shared_source(english):
    ev = english.evidence.set_index("text")
    assert ev.loc["more than $2 billion", "verdict"] == "compatible"
    assert ev.loc["more than $2 billion", "stage"] == "early"
    shared = [detail(r) for _, r in kinds(english, "attribution", "deal_amount").iterrows()]
    assert shared and shared[0]["source"] == "Reuters" and shared[0]["files"] == ["101_ledger.txt", "102_metro.txt"]
    cons = kinds(english, "consensus", "deal_amount").iloc[0]
    assert detail(cons)["independent_sources"] < detail(cons)["support"]


def test_english_progression_and_derived_product(english):
    assert english.comparison.set_index("quantity").loc["valuation", "status"] == "progression"
    prog = kinds(english, "progression", "valuation").iloc[0]
    assert [s["value"] for s in detail(prog)["sequence"]] == [1.1 * BN, 2.4 * BN]
    checks = [detail(r) for _, r in kinds(english, "derived_check", "deal_amount").iterrows()]
    assert checks and checks[0]["consistent"] and checks[0]["implied"] == pytest.approx(2.4 * BN)


def test_german_conflicts(conflicting):
    f = conflicting.findings
    assert {"outlier", "contradiction", "self_contradiction", "derived_check", "progression", "attribution",
            "consensus"} <= set(f["kind"])
    out = kinds(conflicting, "outlier", "deal_amount")
    assert len(out) == 1 and detail(out.iloc[0])["error_type"] == "" and "Börsenblick (Test)" in out.iloc[0]["message"]
    con = kinds(conflicting, "contradiction", "deal_amount")
    assert len(con) == 1 and "Wochenblatt (Test)" in con.iloc[0]["message"] and "25 % niedriger" in con.iloc[0]["message"]
    sc = kinds(conflicting, "self_contradiction", "deal_amount")
    assert len(sc) == 1 and "Schlagzeile „Korn & Kruste investiert Millionen in Mokka“" in sc.iloc[0]["message"]
    bad = [detail(r) for _, r in kinds(conflicting, "derived_check", "valuation").iterrows()
           if detail(r)["result_from"] == "same article"]
    assert bad and bad[0]["consistent"] is False and bad[0]["implied"] == pytest.approx(50e6)
    prog = detail(kinds(conflicting, "progression", "valuation").iloc[0])
    assert [s["value"] for s in prog["sequence"]] == [35e6, 70e6, 60e6]  # by publication date


# ---------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------
def test_tables_have_the_codebook_columns(default):
    assert list(default.comparison.columns[:15]) == [
        "quantity", "unit", "n_outlets", "n_figures", "consensus_low", "consensus_high", "median", "min", "max",
        "spread", "status", "agree", "compatible", "contradict", "label"]
    assert list(default.evidence.columns[:17]) == [
        "quantity", "unit", "file", "outlet", "figure_id", "text", "value", "low", "high", "qualifier", "stage",
        "attributed_to", "verdict", "factor", "sentence", "published", "start"]
    assert list(default.findings.columns) == ["rank", "kind", "quantity", "unit", "files", "outlets", "values",
                                              "severity", "score", "message", "evidence", "detail"]
    assert list(default.findings["rank"]) == list(range(1, len(default.findings) + 1))
    assert list(default.findings["score"]) == sorted(default.findings["score"], reverse=True)
    assert set(default.findings["severity"]) <= {"high", "medium", "low", "info"}
    assert set(default.evidence["verdict"]) <= {"agrees", "compatible", "contradicts"}
    assert set(default.evidence["stage"]) <= {"early", "settled", "past", "projected"}
    for _, r in default.findings.iterrows():
        for e in json.loads(r["evidence"]):
            assert set(e) == {"file", "outlet", "text", "sentence", "start", "end"}


def test_evidence_spans_point_into_the_article_text(default):
    _figs, arts = build.default_story()
    texts = dict(zip(arts["file"], arts["text"]))
    for _, r in default.findings.iterrows():
        for e in json.loads(r["evidence"]):
            if e["start"] is not None:
                assert texts[e["file"]][e["start"]:e["end"]] == e["text"]


def test_write_comparison_is_byte_identical_on_rerun(tmp_path, default):
    paths = helpers.story_paths("meta-scale-ai")
    out = type(paths)(**{**paths.__dict__, "output": tmp_path})
    first = [p.read_bytes() for p in helpers.write_comparison(default, out)]
    again = story("meta-scale-ai")
    second = [p.read_bytes() for p in helpers.write_comparison(again, out)]
    assert first == second
    back = helpers.read_table(tmp_path / "findings.csv")
    assert list(back["kind"]) == list(default.findings["kind"])


def test_empty_input_gives_empty_tables():
    res = helpers.compare_story(pd.DataFrame(), pd.DataFrame(), {})
    assert res.comparison.empty and res.evidence.empty and res.findings.empty
    assert "quantity" in res.comparison.columns and "message" in res.findings.columns


def test_findings_text_is_plain(default):
    text = helpers.compare_findings_text(default.findings)
    assert text.splitlines()[0].startswith(" 1. [high] outlier · deal_amount")


def test_an_article_with_two_values_backs_the_one_others_confirm():
    figs = pd.DataFrame([
        fig("a", "$3 billion", 3 * BN, "USD", "exact", "deal_amount"),
        fig("b", "$3 billion", 3 * BN, "USD", "exact", "deal_amount"),
        fig("c", "$1.6 billion", 1.6 * BN, "USD", "exact", "deal_amount"),   # c mentions another deal first
        fig("c", "$3 billion", 3 * BN, "USD", "exact", "deal_amount"),
    ])
    res = helpers.compare_story(figs, arts_for(list("abc")), {})
    assert kinds(res, "outlier").empty and kinds(res, "contradiction").empty
    assert json.loads(res.comparison.iloc[0]["agree"]) == ["a", "b", "c"]
    # two different values in one body are not a self-contradiction (they may be two things) ...
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
        sents = helpers.compare_sentence_spans(text)
        a, b = next((a, b) for a, b in sents if a <= r["start"] < b)
        r["sentence"], r["sentence_start"] = text[a:b], a
        rows.append(r)
    res = helpers.compare_story(pd.DataFrame(rows), arts, {})
    sc = kinds(res, "self_contradiction")
    assert len(sc) == 1 and "its opening “about $1 billion”" in sc.iloc[0]["message"]
    assert detail(sc.iloc[0])["segments"] == ["opening", "body"]


def test_consensus_range_is_not_padded_when_both_ends_round_alike():
    assert helpers.format_range(6.8 * BN, 6.8000001 * BN, "USD", "en", style="long") == "6.8 billion USD"
    assert helpers.format_range(None, 65 * BN, "USD", "de", style="long") == "höchstens 65 Milliarden USD"
    assert helpers.format_range(1 * BN, None, "count", "en", style="long") == "at least 1 billion"


def test_parts_relation_checks_part_le_whole():
    rel = {"result": "total_jobs", "parts": ["jobs_germany", "jobs_abroad"]}
    figs = pd.DataFrame([fig("a", "300 jobs in Germany", 300.0, "count", "exact", "jobs_germany"),
                         fig("a", "200 abroad", 200.0, "count", "exact", "jobs_abroad"),
                         fig("a", "1,000 jobs in all", 1000.0, "count", "exact", "total_jobs")])
    res = helpers.compare_story(figs, arts_for(["a"]), {"relations": [rel]})
    assert detail(kinds(res, "derived_check", "total_jobs").iloc[0])["consistent"] is True
    figs.loc[2, ["value", "low", "high"]] = 400.0
    res = helpers.compare_story(figs, arts_for(["a"]), {"relations": [rel]})
    assert detail(kinds(res, "derived_check", "total_jobs").iloc[0])["consistent"] is False


def test_every_built_in_quantity_has_a_german_and_english_name():
    """A quantity extraction can assign is named in both languages in messages and charts."""
    for quantity in helpers.EXTRACT_QUANTITIES:
        assert quantity in de_words.QUANTITY_NAMES and quantity in en_words.QUANTITY_NAMES, quantity
        de, en = quantity_name(quantity, "de"), quantity_name(quantity, "en")
        assert de and en, quantity
        assert "_" not in de and "_" not in en, (quantity, de, en)
