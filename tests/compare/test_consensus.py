"""figcheck.compare.consensus: intervals vote, the stretch most outlets support wins; each claim's
verdict, factor and error type; an article's figure inside the consensus speaks for it.
"""
from __future__ import annotations

import json
import math

import pandas as pd

from figcheck.compare.consensus import compare_consensus, compare_error_type, compare_verdict
from figcheck.compare.story import compare_story

from ..support import BN, arts_for, fig, kinds


def test_consensus_is_the_stretch_most_voters_share():
    iv = [(13.585, 15.015, "a", True), (14.25, 15.75, "b", True), (9.5, math.inf, "c", False),
          (0.9, 1.1, "d", True)]
    got = compare_consensus(iv)
    assert got["support"] == 3 and sorted(got["supporters"]) == [0, 1, 2]
    assert (got["region_lo"], got["region_hi"]) == (14.25, 15.015)


def test_a_voter_counts_once():
    iv = [(1, 2, "a", True), (1, 2, "a", True), (5, 6, "b", True), (5, 6, "c", True)]
    got = compare_consensus(iv)
    assert got["support"] == 2 and sorted(got["supporters"]) == [2, 3]


def test_consensus_tie_goes_to_point_figures_then_the_narrower_stretch():
    # two stretches with support 1 each: the exact figure beats the open bound
    got = compare_consensus([(100, math.inf, "a", False), (1, 2, "b", True)])
    assert got["supporters"] == [1]
    # both exact: the narrower wins
    got = compare_consensus([(10, 20, "a", True), (1, 2, "b", True)])
    assert got["supporters"] == [1]


def test_empty_consensus():
    assert compare_consensus([])["support"] == 0


def test_verdicts():
    region = (14.25 * BN, 15.015 * BN)
    inside = {"lo": 13.6 * BN, "hi": 15 * BN, "qualifier": "exact", "timepoint": "current"}
    bound = {"lo": 9.5 * BN, "hi": math.inf, "qualifier": "lower", "timepoint": "current"}
    far = {"lo": 0.9 * BN, "hi": 1.1 * BN, "qualifier": "approx", "timepoint": "current"}
    earlier = dict(far, timepoint="past")
    assert compare_verdict(inside, region) == "agrees"
    assert compare_verdict(bound, region) == "compatible"
    assert compare_verdict(far, region) == "contradicts"
    assert compare_verdict(earlier, region) == "compatible"


def test_error_type_scale_slip_only_near_a_power_of_ten():
    claim = {"point": 1.43 * BN, "stage": "settled"}
    assert compare_error_type(10.0, claim, (14.3 * BN, 14.3 * BN), 0.05) == "scale_slip"
    claim = {"point": 14.3e6, "stage": "settled"}
    assert compare_error_type(1000.0, claim, (14.3 * BN, 14.3 * BN), 0.05) == "scale_slip"
    claim = {"point": 1 * BN, "stage": "settled"}
    assert compare_error_type(14.65, claim, (14.3 * BN, 15 * BN), 0.05) == ""
    assert compare_error_type(14.65, dict(claim, stage="early"), (14.3 * BN, 15 * BN), 0.05) == "early_figure"


def test_an_article_with_two_values_backs_the_one_others_confirm():
    figs = pd.DataFrame([
        fig("a", "$3 billion", 3 * BN, "USD", "exact", "deal_amount"),
        fig("b", "$3 billion", 3 * BN, "USD", "exact", "deal_amount"),
        fig("c", "$1.6 billion", 1.6 * BN, "USD", "exact", "deal_amount"),   # c mentions another deal first
        fig("c", "$3 billion", 3 * BN, "USD", "exact", "deal_amount"),
    ])
    res = compare_story(figs, arts_for(list("abc")), {})
    assert kinds(res, "outlier").empty and kinds(res, "contradiction").empty
    assert json.loads(res.comparison.iloc[0]["agree"]) == ["a", "b", "c"]
    # two different values in one body are not a self-contradiction (they may be two things) ...
    assert kinds(res, "self_contradiction").empty
