"""figcheck.compare.currencies: a money figure converted into another currency in brackets is the
same claim, not a rival; a figure in another currency than the others may be the wrong currency.

Every sentence, company and number in the hand-made tables here is invented for these tests (test material).
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from figcheck.compare.currencies import compare_currency_equivalents
from figcheck.compare.story import compare_story

from ..support import BN, CONVERTED, M, arts_for, findings_of, sfig


def test_bracketed_conversions_are_found():
    loan = "The firm took a $900m (£479m) loan from Test Bank."
    figs = pd.DataFrame([
        sfig("a", CONVERTED, "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
        sfig("a", CONVERTED, "$2.48bn", 2.48 * BN, "USD", "unclassified"),
        sfig("a", CONVERTED, "1.88bn euros", 1.88 * BN, "EUR", "deal_amount"),
        sfig("b", loan, "$900m", 900 * M, "USD", "loan"),
        sfig("b", loan, "£479m", 479 * M, "GBP", "loan"),
    ])
    eq = compare_currency_equivalents(figs)
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
    eq = compare_currency_equivalents(figs)
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
    assert compare_currency_equivalents(figs) == {}


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
    res = compare_story(figs, arts_for(["a", "b", "c"]), {})
    assert findings_of(res, "contradiction", "outlier").empty
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
    res = compare_story(figs, arts_for(["a", "b", "c"]), {})
    out = findings_of(res, "outlier")
    assert len(out) == 1 and json.loads(out.iloc[0]["detail"])["error_type"] == "currency"
    assert out.iloc[0]["unit"] == "EUR" and "currency may be wrong" in out.iloc[0]["message"]
    assert findings_of(res, "contradiction").empty
