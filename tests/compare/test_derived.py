"""figcheck.compare.derived: figures that imply each other — the story's own relations, the built-in
amount ÷ stake = valuation and price × shares = total (only for one transaction, worded with care),
a share above 100 %.

Every sentence, company and number in the hand-made tables here is invented for these tests (test material).
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from figcheck.compare.derived import compare_implied
from figcheck.compare.story import compare_story

from ..support import BN, M, arts_for, checks, detail, fig, findings_of, kinds, sfig


# ---------------------------------------------------------------------------
# the story's relations and the implied value
# ---------------------------------------------------------------------------
def _claim(q, value, unit="USD", qualifier="exact", lo=None, hi=None):
    return {"quantity": q, "unit": unit, "qualifier": qualifier, "point": value,
            "raw_lo": value if lo is None else lo, "raw_hi": value if hi is None else hi}


def test_implied_value_of_amount_over_stake():
    rel = {"result": "valuation", "numerator": "deal_amount", "denominator": "stake"}
    lo, hi, pt = compare_implied(rel, {"deal_amount": _claim("deal_amount", 14.3 * BN),
                                       "stake": _claim("stake", 49.0, "percent")})
    assert pt == pytest.approx(29.18 * BN, rel=1e-3) and lo == hi == pytest.approx(pt)


def test_implied_value_of_a_product_and_of_a_bound():
    rel = {"result": "total", "factors": ["price_per_share", "shares"]}
    _lo, _hi, pt = compare_implied(rel, {"price_per_share": _claim("p", 48.0),
                                         "shares": _claim("s", 5e7, "count")})
    assert pt == pytest.approx(2.4 * BN)
    rel = {"result": "valuation", "numerator": "deal_amount", "denominator": "stake"}
    lo, hi, _pt = compare_implied(rel, {"deal_amount": _claim("d", 15 * BN, "USD", "upper", 12.75 * BN, 15 * BN),
                                        "stake": _claim("s", 49.0, "percent")})
    assert lo < 29 * BN < hi


def test_story_relations_from_params_and_an_inconsistent_product():
    figs = pd.DataFrame([
        fig("a", "$5 per widget", 5.0, "USD", "exact", "unit_price"),
        fig("a", "1,000 widgets", 1000.0, "count", "exact", "units_sold"),
        fig("a", "$9,000 in sales", 9000.0, "USD", "exact", "sales"),
    ])
    rel = {"result": "sales", "factors": ["unit_price", "units_sold"]}
    res = compare_story(figs, arts_for(["a"]), {"relations": [rel]})
    checks = kinds(res, "derived_check", "sales")
    assert len(checks) == 1
    d = detail(checks.iloc[0])
    assert d["consistent"] is False and d["implied"] == pytest.approx(5000.0) and d["tolerance"] == 0.05
    assert checks.iloc[0]["severity"] == "high"
    # the same with a matching total is consistent
    figs.loc[2, ["value", "low", "high"]] = 5000.0
    res = compare_story(figs, arts_for(["a"]), {"relations": [rel]})
    assert detail(kinds(res, "derived_check", "sales").iloc[0])["consistent"] is True


def test_a_stake_above_100_percent_is_flagged():
    figs = pd.DataFrame([fig("a", "120 percent", 120.0, "percent", "exact", "stake")])
    res = compare_story(figs, arts_for(["a"]), {})
    checks = kinds(res, "derived_check", "stake")
    assert len(checks) == 1 and detail(checks.iloc[0])["check"] == "part_le_whole"


def test_consensus_values_are_used_when_no_article_reports_all_inputs():
    figs = pd.DataFrame([
        sfig("a", "Orbis pays $10 billion for Quillon.", "$10 billion", 10 * BN, "USD", "deal_amount"),
        sfig("b", "Orbis takes a 50 percent stake in Quillon.", "50 percent", 50.0, "percent", "stake"),
        sfig("c", "The deal values Quillon at $20 billion.", "$20 billion", 20 * BN, "USD", "valuation"),
    ])
    res = compare_story(figs, arts_for(list("abc")), {})
    d = detail(kinds(res, "derived_check", "valuation").iloc[0])
    assert d["consistent"] is True and d["implied"] == pytest.approx(20 * BN) and d["result_from"] == "consensus"


def test_no_consensus_check_from_an_amount_and_a_stake_of_two_transactions():
    # invented: Orbis pays for Quillon; a charity holds 50 percent of another company
    figs = pd.DataFrame([
        sfig("a", "Orbis pays $10 billion for Quillon.", "$10 billion", 10 * BN, "USD", "deal_amount"),
        sfig("b", "The Harlow Trust was given a 50 percent stake in Brightwave.", "50 percent", 50.0, "percent", "stake"),
        sfig("c", "The deal values Quillon at $30 billion.", "$30 billion", 30 * BN, "USD", "valuation"),
    ])
    res = compare_story(figs, arts_for(list("abc")), {})
    assert kinds(res, "derived_check", "valuation").empty


def test_parts_relation_checks_part_le_whole():
    rel = {"result": "total_jobs", "parts": ["jobs_germany", "jobs_abroad"]}
    figs = pd.DataFrame([fig("a", "300 jobs in Germany", 300.0, "count", "exact", "jobs_germany"),
                         fig("a", "200 abroad", 200.0, "count", "exact", "jobs_abroad"),
                         fig("a", "1,000 jobs in all", 1000.0, "count", "exact", "total_jobs")])
    res = compare_story(figs, arts_for(["a"]), {"relations": [rel]})
    assert detail(kinds(res, "derived_check", "total_jobs").iloc[0])["consistent"] is True
    figs.loc[2, ["value", "low", "high"]] = 400.0
    res = compare_story(figs, arts_for(["a"]), {"relations": [rel]})
    assert detail(kinds(res, "derived_check", "total_jobs").iloc[0])["consistent"] is False


# ---------------------------------------------------------------------------
# the built-in amount ÷ stake and price × shares identities
# ---------------------------------------------------------------------------
def test_builtin_check_skips_an_unrelated_holding():
    a = "Ann Vell and Bo Krantz, who own a 30% stake in Test United, will reject any formal £600m offer."
    figs = pd.DataFrame([
        sfig("a", a, "30%", 30.0, "percent", "stake"),
        sfig("a", a, "£600m", 600 * M, "GBP", "deal_amount"),
        sfig("b", "The offer values Test United at £600m.", "£600m", 600 * M, "GBP", "valuation"),
        sfig("c", "Ann Vell and Bo Krantz own 30% of the club.", "30%", 30.0, "percent", "stake"),
    ])
    res = compare_story(figs, arts_for(list("abc")), {})
    assert checks(res).empty, checks(res)["message"].tolist()


def test_builtin_check_never_compares_the_amount_with_itself():
    a = "Gamma Test buys 29% of Delta Test for £800m."
    figs = pd.DataFrame([sfig("a", a, "29%", 29.0, "percent", "stake"),
                         sfig("a", a, "£800m", 800 * M, "GBP", "deal_amount"),
                         sfig("b", "The bid values Delta Test at £800m.", "£800m", 800 * M, "GBP", "valuation"),
                         sfig("c", "Delta Test is valued at £800m.", "£800m", 800 * M, "GBP", "valuation")])
    res = compare_story(figs, arts_for(list("abc")), {})
    assert checks(res).empty, checks(res)["message"].tolist()


def test_builtin_check_for_one_transaction_across_sentences():
    s1 = "Alpha Test takes a 40% stake in Beta Test."
    s2 = "Alpha Test pays $2bn for the shares."
    figs = pd.DataFrame([sfig("a", s1, "40%", 40.0, "percent", "stake"),
                         sfig("a", s2, "$2bn", 2 * BN, "USD", "deal_amount", offset=50),
                         sfig("a", "That values Beta Test at $5bn.", "$5bn", 5 * BN, "USD", "valuation", offset=90)])
    res = compare_story(figs, arts_for(["a"]), {})
    d = json.loads(checks(res).iloc[0]["detail"])
    assert d["consistent"] is True and d["implied"] == pytest.approx(5 * BN)


def test_an_inconsistent_builtin_check_is_a_question_ranked_below_disagreements():
    s1 = "Alpha Test takes a 40% stake in Beta Test."
    s2 = "Alpha Test pays $2bn for the shares."
    figs = pd.DataFrame([sfig("a", s1, "40%", 40.0, "percent", "stake"),
                         sfig("a", s2, "$2bn", 2 * BN, "USD", "deal_amount", offset=50),
                         sfig("a", "Beta Test is worth $9bn.", "$9bn", 9 * BN, "USD", "valuation", offset=90),
                         sfig("b", "Beta Test is worth $9bn.", "$9bn", 9 * BN, "USD", "valuation"),
                         sfig("b", "Beta had 500 staff.", "500", 500.0, "count", "employees", offset=30),
                         sfig("c", "Beta had 900 staff.", "900", 900.0, "count", "employees")])
    res = compare_story(figs, arts_for(list("abc")), {})
    check = checks(res).iloc[0]
    assert json.loads(check["detail"])["consistent"] is False
    assert check["severity"] != "high" and "worth checking" in check["message"]
    dispute = findings_of(res, "contradiction").iloc[0]
    assert dispute["rank"] < check["rank"]
    # the same relation set in story.yaml is the story's own rule: a firm verdict
    rel = {"result": "valuation", "numerator": "deal_amount", "denominator": "stake"}
    own = checks(compare_story(figs, arts_for(list("abc")), {"relations": [rel]})).iloc[0]
    assert own["severity"] == "high" and "worth checking" not in own["message"]


def test_builtin_product_needs_its_factors_in_one_sentence():
    figs = pd.DataFrame([
        sfig("a", "Testco shares closed at $300 each.", "$300", 300.0, "USD", "price_per_share"),
        sfig("a", "Some 305 fans protested outside.", "305", 305.0, "count", "shares", offset=40),
        sfig("b", "Testco is bid for at $800m.", "$800m", 800 * M, "USD", "deal_amount"),
        sfig("c", "Testco is bid for at $800m.", "$800m", 800 * M, "USD", "deal_amount"),
    ])
    res = compare_story(figs, arts_for(list("abc")), {})
    assert res.findings[res.findings["kind"] == "derived_check"].empty
    one = "Testco will pay $48 per share for all 50 million shares, $2.4bn in all."
    figs = pd.DataFrame([sfig("a", one, "$48", 48.0, "USD", "price_per_share"),
                         sfig("a", one, "50 million", 50 * M, "count", "shares"),
                         sfig("a", one, "$2.4bn", 2.4 * BN, "USD", "deal_amount")])
    d = json.loads(checks(compare_story(figs, arts_for(["a"]), {}), "deal_amount").iloc[0]["detail"])
    assert d["consistent"] is True
