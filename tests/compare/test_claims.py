"""figcheck.compare.claims: one claim per article and quantity, represented by its most specific figure."""
from __future__ import annotations

import pandas as pd

from figcheck.compare.claims import compare_article_claims
from figcheck.compare.prepare import compare_prepare_figures

from ..support import BN, arts_for, fig


def test_the_body_speaks_for_the_article_not_the_headline():
    figs = pd.DataFrame([
        fig("a.txt", "$10B", 10 * BN, "USD", "exact", "deal_amount", segment="headline"),
        fig("a.txt", "more than $10 billion", 10 * BN, "USD", "lower", "deal_amount"),
        fig("a.txt", "billions", None, "USD", "vague", "deal_amount"),
    ])
    prepared = compare_prepare_figures(figs, arts_for(["a.txt"]), {"tolerance": 0.05})
    claims = compare_article_claims(prepared)
    assert len(claims) == 1 and claims[0]["rep"]["text"] == "more than $10 billion"
    assert len(claims[0]["figures"]) == 3


def test_a_headline_figure_represents_the_article_when_the_body_has_none():
    figs = pd.DataFrame([fig("a.txt", "$10B", 10 * BN, "USD", "exact", "deal_amount", segment="headline")])
    prepared = compare_prepare_figures(figs, arts_for(["a.txt"]), {"tolerance": 0.05})
    assert compare_article_claims(prepared)[0]["rep"]["text"] == "$10B"
