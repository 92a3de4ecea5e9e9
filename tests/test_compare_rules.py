"""General rules of the comparison that keep false alarms out (test material: every sentence,
company and number here is invented for these tests).

- a money figure converted into another currency in brackets is the same claim, not a rival;
- several values from one article are no disagreement between outlets;
- stakes of different named holders are different quantities;
- the built-in amount ÷ stake = valuation identity only for one transaction, worded with care;
- charts name a quantity compared in several currencies with its unit, never twice alike.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

import helpers

BN, M = 1e9, 1e6


def sfig(file, sentence, span, value, unit, quantity, qualifier="exact", offset=0, low=None, high=None,
         segment="body"):
    """A figure row for `span` inside `sentence`, which starts at character `offset` of the article."""
    i = sentence.index(span)
    low = value if low is None and qualifier in ("exact", "lower") else low
    high = value if high is None and qualifier in ("exact", "upper") else high
    return {"figure_id": f"{file}:{offset + i}", "file": file, "outlet": "", "published": "", "language": "en",
            "start": offset + i, "end": offset + i + len(span), "text": span, "value": value, "unit": unit,
            "qualifier": qualifier, "low": low, "high": high, "quantity": quantity, "segment": segment,
            "sentence": sentence, "sentence_start": offset}


def arts(files, language="en", outlets=None):
    outlets = outlets or {}
    return pd.DataFrame([{"file": f, "outlet": outlets.get(f, ""), "published": "", "language": language,
                          "cites": "[]", "duplicate_of": "", "text": ""} for f in files])


def kinds(res, *names):
    return res.findings[res.findings["kind"].isin(names)]


# ---------------------------------------------------------------------------
# 1. currency conversions in brackets
# ---------------------------------------------------------------------------
CONVERTED = "Quarry Group agreed to buy the mill for £1.3bn ($2.48bn; 1.88bn euros) on Monday."


def test_bracketed_conversions_are_found():
    loan = "The firm took a $900m (£479m) loan from Test Bank."
    figs = pd.DataFrame([
        sfig("a", CONVERTED, "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
        sfig("a", CONVERTED, "$2.48bn", 2.48 * BN, "USD", "unclassified"),
        sfig("a", CONVERTED, "1.88bn euros", 1.88 * BN, "EUR", "deal_amount"),
        sfig("b", loan, "$900m", 900 * M, "USD", "loan"),
        sfig("b", loan, "£479m", 479 * M, "GBP", "loan"),
    ])
    eq = helpers.compare_currency_equivalents(figs)
    assert {k: v["text"] for k, v in eq.items()} == {"a:48": "£1.3bn", "a:57": "£1.3bn", "b:23": "$900m"}


def test_conversion_chains_with_colon_and_comma():
    s1 = "Testbank paid 26bn roubles ($9.3bn: £4.8bn) for the unit."
    s2 = "Testbank bought the unit for $9.3bn (26bn roubles, £4.8bn) on Sunday."
    figs = pd.DataFrame([sfig("a", s1, "26bn roubles", 26 * BN, "RUB", "deal_amount"),
                         sfig("a", s1, "$9.3bn", 9.3 * BN, "USD", "deal_amount"),
                         sfig("a", s1, "£4.8bn", 4.8 * BN, "GBP", "deal_amount"),
                         sfig("b", s2, "$9.3bn", 9.3 * BN, "USD", "deal_amount"),
                         sfig("b", s2, "26bn roubles", 26 * BN, "RUB", "deal_amount"),
                         sfig("b", s2, "£4.8bn", 4.8 * BN, "GBP", "deal_amount")])
    eq = helpers.compare_currency_equivalents(figs)
    assert sorted((k[0], v["text"]) for k, v in eq.items()) == [
        ("a", "26bn roubles"), ("a", "26bn roubles"), ("b", "$9.3bn"), ("b", "$9.3bn")]


@pytest.mark.parametrize("sentence, first, second", [
    ("Alpha Test paid £5m and Beta Test paid $8m for their shares.", "£5m", "$8m"),
    ("Sales reached €10m, up from $8m a year earlier.", "€10m", "$8m"),
    ("The fee was £5m (£3m after tax).", "£5m", "£3m"),
])
def test_other_money_pairs_are_not_conversions(sentence, first, second):
    units = {"£": "GBP", "$": "USD", "€": "EUR"}
    figs = pd.DataFrame([sfig("a", sentence, first, 5 * M, units[first[0]], "deal_amount"),
                         sfig("a", sentence, second, 8 * M, units[second[0]], "deal_amount")])
    assert helpers.compare_currency_equivalents(figs) == {}


def test_conversions_never_make_currency_disagreements():
    other = "Quarry Group will pay £1.3bn for the mill, the company said."
    third = "The mill goes to Quarry Group for £1.3bn."
    figs = pd.DataFrame([
        sfig("a", CONVERTED, "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
        sfig("a", CONVERTED, "$2.48bn", 2.48 * BN, "USD", "deal_amount"),
        sfig("a", CONVERTED, "1.88bn euros", 1.88 * BN, "EUR", "deal_amount"),
        sfig("b", other, "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
        sfig("c", third, "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
        sfig("c", "In dollars that is $2.5bn, analysts said.", "$2.5bn", 2.5 * BN, "USD", "deal_amount", offset=50),
    ])
    res = helpers.compare_story(figs, arts(["a", "b", "c"]), {})
    assert kinds(res, "contradiction", "outlier").empty
    ev = res.evidence.set_index("text")
    assert ev.loc["$2.48bn", "role"] == "equivalent" and ev.loc["1.88bn euros", "role"] == "equivalent"
    assert "conversion of “£1.3bn”" in ev.loc["$2.48bn", "reason"]
    cmp = res.comparison.set_index(["quantity", "unit"])
    assert ("deal_amount", "EUR") not in cmp.index                       # a conversion is no claim of its own
    assert json.loads(cmp.loc[("deal_amount", "USD"), "agree"]) == ["c"]  # only c's own dollar figure
    assert cmp.loc[("deal_amount", "GBP"), "consensus_low"] == 1.3 * BN
    # a quantity truly reported in two currencies is two rows of the comparison, never a finding
    assert ("deal_amount", "USD") in cmp.index and not (res.findings["unit"] == "USD").any()


def test_same_number_in_another_currency_is_an_outlier_of_the_currency():
    texts = {"a": "Quarry Group will pay £1.3bn for the mill.", "b": "Quarry Group pays £1.3bn for the mill.",
             "c": "Quarry Group pays €1.3bn for the mill."}
    units = {"a": "GBP", "b": "GBP", "c": "EUR"}
    spans = {"a": "£1.3bn", "b": "£1.3bn", "c": "€1.3bn"}
    figs = pd.DataFrame([sfig(k, t, spans[k], 1.3 * BN, units[k], "deal_amount") for k, t in texts.items()])
    res = helpers.compare_story(figs, arts(["a", "b", "c"]), {})
    out = kinds(res, "outlier")
    assert len(out) == 1 and json.loads(out.iloc[0]["detail"])["error_type"] == "currency"
    assert out.iloc[0]["unit"] == "EUR" and "currency may be wrong" in out.iloc[0]["message"]
    assert kinds(res, "contradiction").empty


def test_conversion_evidence_is_not_plotted():
    other = "Quarry Group will pay £1.3bn for the mill."
    figs = pd.DataFrame([sfig("a", CONVERTED, "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
                         sfig("a", CONVERTED, "$2.48bn", 2.48 * BN, "USD", "deal_amount"),
                         sfig("b", other, "£1.3bn", 1.3 * BN, "GBP", "deal_amount")])
    res = helpers.compare_story(figs, arts(["a", "b"]), {})
    tables = {"comparison": res.comparison, "evidence": res.evidence, "findings": res.findings,
              "figures": figs, "articles": arts(["a", "b"])}
    assert helpers.chart_evidence(tables, "deal_amount", "USD") == []


# ---------------------------------------------------------------------------
# 2. one article is no disagreement between outlets
# ---------------------------------------------------------------------------
def test_values_of_one_article_are_not_a_contradiction_between_outlets():
    s1 = "Around 50 workers were hurt, the fire service said."
    s2 = "Later the hospital counted 120 workers in its wards."
    figs = pd.DataFrame([sfig("a", s1, "Around 50", 50.0, "count", "injured", "approx", low=45.0, high=55.0),
                         sfig("a", s2, "120", 120.0, "count", "injured", offset=60)])
    for language in ("en", "de"):
        res = helpers.compare_story(figs, arts(["a"], language), {})
        assert kinds(res, "contradiction", "outlier").empty, res.findings["message"].tolist()
        assert res.comparison.iloc[0]["status"] == "single_source"
        assert not res.findings["message"].str.contains("widersprechen sich|contradict each other").any()
        assert "contradicts" not in set(res.evidence["verdict"])


def test_two_outlets_that_differ_still_contradict():
    figs = pd.DataFrame([sfig("a", "Around 50 workers were hurt.", "Around 50", 50.0, "count", "injured"),
                         sfig("b", "Some 120 workers were hurt.", "120", 120.0, "count", "injured")])
    res = helpers.compare_story(figs, arts(["a", "b"]), {})
    assert len(kinds(res, "contradiction")) == 1


# ---------------------------------------------------------------------------
# 3. stakes of different holders
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, span, holder", [
    ("Fund Tessa holds more than 5% of Test Exchange.", "more than 5%", "Fund Tessa"),
    ("Mr Brindle and his family hold a 21.5% stake, making them the largest owners.", "21.5%", "Brindle"),
    ("Ann Vell and Bo Krantz, who own 24% of the club, are silent.", "24%", "Ann Vell Bo Krantz"),
    ("They own 24% of the club.", "24%", ""),
    ("Probe AG übernimmt 49 Prozent von Testfirma.", "49 Prozent", ""),
    ("Testfirma, an der Probe AG 30 Prozent hält, wächst.", "30 Prozent", "Probe AG"),
])
def test_stake_holder(sentence, span, holder):
    i = sentence.index(span)
    assert helpers.compare_stake_holder(sentence, i, i + len(span)) == holder


def test_stakes_of_different_holders_are_not_compared():
    figs = pd.DataFrame([
        sfig("a", "Fund Tessa holds more than 5% of Test Exchange.", "more than 5%", 5.0, "percent", "stake",
             "lower", high=None),
        sfig("b", "Fund Orrin holds 2% of Test Exchange.", "2%", 2.0, "percent", "stake"),
        sfig("c", "Fund Orrin, which owns 2% of the shares, is unhappy.", "2%", 2.0, "percent", "stake"),
    ])
    res = helpers.compare_story(figs, arts(list("abc")), {})
    assert kinds(res, "contradiction", "outlier").empty, res.findings["message"].tolist()
    cmp = res.comparison.set_index("quantity")
    assert cmp.loc["stake", "status"] == "agreed" and json.loads(cmp.loc["stake", "agree"]) == ["b", "c"]
    other = [q for q in cmp.index if q.startswith("stake__")]
    assert other == ["stake__fund_tessa"] and cmp.loc[other[0], "label"] == "Stake (Fund Tessa)"


def test_similar_stakes_of_different_holders_do_not_agree():
    figs = pd.DataFrame([
        sfig("a", "Mr Brindle owns 21.5% of the club.", "21.5%", 21.5, "percent", "stake"),
        sfig("b", "Mr Brindle and his family hold a 21.5% stake.", "21.5%", 21.5, "percent", "stake"),
        sfig("c", "Ann Vell and Bo Krantz, who own 22% of the club, are silent.", "22%", 22.0, "percent", "stake"),
    ])
    res = helpers.compare_story(figs, arts(list("abc")), {})
    cons = kinds(res, "consensus")
    assert len(cons) == 1 and json.loads(cons.iloc[0]["files"]) == ["a", "b"]


# ---------------------------------------------------------------------------
# 4. the built-in amount ÷ stake identity
# ---------------------------------------------------------------------------
def checks(res, quantity="valuation"):
    f = res.findings
    return f[(f["kind"] == "derived_check") & (f["quantity"] == quantity)]


def test_builtin_check_skips_an_unrelated_holding():
    a = "Ann Vell and Bo Krantz, who own a 30% stake in Test United, will reject any formal £600m offer."
    figs = pd.DataFrame([
        sfig("a", a, "30%", 30.0, "percent", "stake"),
        sfig("a", a, "£600m", 600 * M, "GBP", "deal_amount"),
        sfig("b", "The offer values Test United at £600m.", "£600m", 600 * M, "GBP", "valuation"),
        sfig("c", "Ann Vell and Bo Krantz own 30% of the club.", "30%", 30.0, "percent", "stake"),
    ])
    res = helpers.compare_story(figs, arts(list("abc")), {})
    assert checks(res).empty, checks(res)["message"].tolist()


def test_builtin_check_never_compares_the_amount_with_itself():
    a = "Gamma Test buys 29% of Delta Test for £800m."
    figs = pd.DataFrame([sfig("a", a, "29%", 29.0, "percent", "stake"),
                         sfig("a", a, "£800m", 800 * M, "GBP", "deal_amount"),
                         sfig("b", "The bid values Delta Test at £800m.", "£800m", 800 * M, "GBP", "valuation"),
                         sfig("c", "Delta Test is valued at £800m.", "£800m", 800 * M, "GBP", "valuation")])
    res = helpers.compare_story(figs, arts(list("abc")), {})
    assert checks(res).empty, checks(res)["message"].tolist()


def test_builtin_check_for_one_transaction_across_sentences():
    s1 = "Alpha Test takes a 40% stake in Beta Test."
    s2 = "Alpha Test pays $2bn for the shares."
    figs = pd.DataFrame([sfig("a", s1, "40%", 40.0, "percent", "stake"),
                         sfig("a", s2, "$2bn", 2 * BN, "USD", "deal_amount", offset=50),
                         sfig("a", "That values Beta Test at $5bn.", "$5bn", 5 * BN, "USD", "valuation", offset=90)])
    res = helpers.compare_story(figs, arts(["a"]), {})
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
    res = helpers.compare_story(figs, arts(list("abc")), {})
    check = checks(res).iloc[0]
    assert json.loads(check["detail"])["consistent"] is False
    assert check["severity"] != "high" and "worth checking" in check["message"]
    dispute = kinds(res, "contradiction").iloc[0]
    assert dispute["rank"] < check["rank"]
    # the same relation set in story.yaml is the story's own rule: a firm verdict
    rel = {"result": "valuation", "numerator": "deal_amount", "denominator": "stake"}
    own = checks(helpers.compare_story(figs, arts(list("abc")), {"relations": [rel]})).iloc[0]
    assert own["severity"] == "high" and "worth checking" not in own["message"]


# ---------------------------------------------------------------------------
# 5. charts: one quantity in two currencies
# ---------------------------------------------------------------------------
def test_overview_names_each_currency_once():
    figs = pd.DataFrame([
        sfig("a", "Quarry Group pays £1.3bn.", "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
        sfig("b", "Quarry Group pays £1.3bn.", "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
        sfig("c", "Quarry Group pays £130m.", "£130m", 130 * M, "GBP", "deal_amount"),
        sfig("d", "Quarry Group pays $2.5bn.", "$2.5bn", 2.5 * BN, "USD", "deal_amount"),
        sfig("e", "Quarry Group pays $2.5bn.", "$2.5bn", 2.5 * BN, "USD", "deal_amount"),
    ])
    files = list("abcde")
    res = helpers.compare_story(figs, arts(files), {})
    tables = {"comparison": res.comparison, "evidence": res.evidence, "findings": res.findings,
              "figures": figs, "articles": arts(files)}
    _fig, data = helpers.chart_overview(tables, "en")
    labels = list(data.drop_duplicates("row")["label"])
    assert labels == ["Deal amount (GBP)", "Deal amount (USD)"]
    assert data.attrs["title"] == "Outlets disagree on the deal amount (GBP) but agree on the deal amount (USD)"
    names = [n for n, *_ in helpers.chart_plan(tables)]
    assert "dots_deal_amount_gbp" in names and "dots_deal_amount_usd" in names


# ---------------------------------------------------------------------------
# 6. a change is not a level
# ---------------------------------------------------------------------------
def test_holdings_and_changes_do_not_make_a_progression():
    s0 = "Test Exchange will boost its dividend by 27%, it said."
    s1 = "The group owns more than 5% of Test Exchange."
    s2 = "Fund Orrin, which owns a 1% stake in Test Exchange, may call a vote."
    s3 = "Fund Tessa, holding 2% of Test Exchange, wants a buyback."
    figs = pd.DataFrame([sfig("a", s0, "27%", 27.0, "percent", "stake"),
                         sfig("b", s1, "more than 5%", 5.0, "percent", "stake", "lower", high=None),
                         sfig("c", s2, "1%", 1.0, "percent", "stake"),
                         sfig("c", s3, "2%", 2.0, "percent", "stake", offset=80)])
    res = helpers.compare_story(figs, arts(list("abc")), {})
    assert kinds(res, "contradiction", "outlier", "progression").empty, res.findings["message"].tolist()
    assert "27%" not in set(res.evidence["text"])
    assert set(res.comparison["quantity"]) == {"stake__article_b", "stake__fund_orrin", "stake__fund_tessa"}


@pytest.mark.parametrize("sentence, span, expected", [
    ("Test Exchange will boost its dividend by 27%.", "27%", True),
    ("Der Umsatz wurde um knapp 3 Prozent gesenkt.", "3 Prozent", True),
    ("Alpha Test takes a 40% stake.", "40%", False),
    ("Die Bewertung könnte auf 25 Milliarden steigen.", "25 Milliarden", False),
])
def test_change_by(sentence, span, expected):
    assert helpers.compare_is_change_by(sfig("a", sentence, span, 1.0, "percent", "stake")) is expected


@pytest.mark.parametrize("sentence, span", [
    ("Alpha Test ist in Gesprächen, um über 10 Milliarden Dollar in Beta Test zu investieren.", "über 10 Milliarden Dollar"),
    ("The club is owned by 3 families.", "3"),
])
def test_by_or_um_without_a_change_is_a_level(sentence, span):
    assert helpers.compare_is_change_by(sfig("a", sentence, span, 1.0, "USD", "deal_amount")) is False


def test_a_progression_in_one_currency_charts_only_that_currency():
    figs = pd.DataFrame([
        sfig("a", "Quarry Group pays $2.5bn.", "$2.5bn", 2.5 * BN, "USD", "deal_amount"),
        sfig("b", "Quarry Group pays $2.5bn.", "$2.5bn", 2.5 * BN, "USD", "deal_amount"),
        sfig("c", "Last year Quarry Group had offered $1.9bn.", "$1.9bn", 1.9 * BN, "USD", "deal_amount"),
        sfig("d", "Quarry Group pays £2bn.", "£2bn", 2 * BN, "GBP", "deal_amount"),
        sfig("e", "Quarry Group pays £2bn.", "£2bn", 2 * BN, "GBP", "deal_amount"),
    ])
    files = list("abcde")
    res = helpers.compare_story(figs, arts(files), {})
    assert set(kinds(res, "progression")["unit"]) == {"USD"}
    tables = {"comparison": res.comparison, "evidence": res.evidence, "findings": res.findings,
              "figures": figs, "articles": arts(files)}
    names = [n for n, *_ in helpers.chart_plan(tables)]
    assert "progression_deal_amount_usd" in names and "dots_deal_amount_gbp" in names
    assert "progression_deal_amount_gbp" not in names


def test_builtin_product_needs_its_factors_in_one_sentence():
    figs = pd.DataFrame([
        sfig("a", "Testco shares closed at $300 each.", "$300", 300.0, "USD", "price_per_share"),
        sfig("a", "Some 305 fans protested outside.", "305", 305.0, "count", "shares", offset=40),
        sfig("b", "Testco is bid for at $800m.", "$800m", 800 * M, "USD", "deal_amount"),
        sfig("c", "Testco is bid for at $800m.", "$800m", 800 * M, "USD", "deal_amount"),
    ])
    res = helpers.compare_story(figs, arts(list("abc")), {})
    assert res.findings[res.findings["kind"] == "derived_check"].empty
    one = "Testco will pay $48 per share for all 50 million shares, $2.4bn in all."
    figs = pd.DataFrame([sfig("a", one, "$48", 48.0, "USD", "price_per_share"),
                         sfig("a", one, "50 million", 50 * M, "count", "shares"),
                         sfig("a", one, "$2.4bn", 2.4 * BN, "USD", "deal_amount")])
    d = json.loads(checks(helpers.compare_story(figs, arts(["a"]), {}), "deal_amount").iloc[0]["detail"])
    assert d["consistent"] is True
