"""figcheck.compare.holders: stakes of different named holders are different quantities.

Every sentence, company and number in the hand-made tables here is invented for these tests (test material).
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from figcheck.compare.holders import compare_stake_holder
from figcheck.compare.story import compare_story

from ..support import arts_for, findings_of, sfig


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
    assert compare_stake_holder(sentence, i, i + len(span)) == holder


def test_stakes_of_different_holders_are_not_compared():
    figs = pd.DataFrame([
        sfig("a", "Fund Tessa holds more than 5% of Test Exchange.", "more than 5%", 5.0, "percent", "stake",
             "lower", high=None),
        sfig("b", "Fund Orrin holds 2% of Test Exchange.", "2%", 2.0, "percent", "stake"),
        sfig("c", "Fund Orrin, which owns 2% of the shares, is unhappy.", "2%", 2.0, "percent", "stake"),
    ])
    res = compare_story(figs, arts_for(list("abc")), {})
    assert findings_of(res, "contradiction", "outlier").empty, res.findings["message"].tolist()
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
    res = compare_story(figs, arts_for(list("abc")), {})
    cons = findings_of(res, "consensus")
    assert len(cons) == 1 and json.loads(cons.iloc[0]["files"]) == ["a", "b"]
