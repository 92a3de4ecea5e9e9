"""figcheck.compare.prepare: the figures to compare (excluded, duplicate and unclassified ones left out)
and their groups by quantity and currency.
"""
from __future__ import annotations

import pandas as pd

from figcheck.compare.prepare import compare_group_figures, compare_prepare_figures
from figcheck.compare.story import compare_story

from ..support import BN, arts_for, fig, kinds


def test_currencies_are_never_merged_and_unclassified_is_not_compared():
    figs = pd.DataFrame([
        fig("a.txt", "$10 billion", 10 * BN, "USD", "exact", "deal_amount"),
        fig("b.txt", "€10 billion", 10 * BN, "EUR", "exact", "deal_amount"),
        fig("c.txt", "10 billion dollars", 10 * BN, "USD", "exact", "deal_amount"),
        fig("a.txt", "in 2014", 2014, "year", "exact", "unclassified"),
        fig("b.txt", "in 2015", 2015, "year", "exact", ""),
    ])
    prepared = compare_prepare_figures(figs, arts_for(["a.txt", "b.txt", "c.txt"]), {"tolerance": 0.05})
    groups = compare_group_figures(prepared)
    assert sorted(groups) == [("deal_amount", "EUR"), ("deal_amount", "USD")]
    assert sorted(groups[("deal_amount", "USD")]["file"]) == ["a.txt", "c.txt"]
    res = compare_story(figs, arts_for(["a.txt", "b.txt", "c.txt"]), {})
    assert sorted(zip(res.comparison["quantity"], res.comparison["unit"])) == [("deal_amount", "EUR"),
                                                                             ("deal_amount", "USD")]
    assert set(res.evidence["quantity"]) == {"deal_amount"}


def test_excluded_and_duplicate_articles_are_left_out():
    figs = pd.DataFrame([fig(f, "$10 billion", 10 * BN, "USD", "exact", "deal_amount") for f in "abc"]
                        + [fig("d", "$1 billion", 1 * BN, "USD", "exact", "deal_amount")])
    arts = arts_for(list("abcd"))
    arts.loc[arts["file"] == "c", "duplicate_of"] = "a"
    res = compare_story(figs, arts, {"exclude": ["d"]})
    assert res.comparison.iloc[0]["n_outlets"] == 2
    assert set(res.evidence["file"]) == {"a", "b"}
    assert kinds(res, "outlier").empty
