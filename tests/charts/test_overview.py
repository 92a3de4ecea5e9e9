"""figcheck.charts.overview: one row per compared quantity, contested first; its title names
disagreement, agreement and change, and each currency of a quantity once.

Runs on hand-made tables shaped like docs/tables.md (tests/fixtures/charts/, test material): the
default story as the comparison describes it, and an invented English story.
"""
from __future__ import annotations

import pandas as pd
import pytest

from figcheck.charts.overview import chart_overview
from figcheck.charts.plan import chart_plan
from figcheck.compare.story import compare_story

from ..support import BN, F0, M, arts_for, sfig


def test_overview(meta):
    _fig, data = chart_overview(meta)
    rows = data.drop_duplicates("row")
    assert list(rows["quantity"]) == ["deal_amount", "valuation", "stake"]      # contested first
    assert list(rows["status"]) == ["contested", "progression", "agreed"]
    out = data[(data["file"] == F0) & (data["quantity"] == "deal_amount")].iloc[0]
    assert out["ratio"] == pytest.approx(1e9 / 14.65e9)
    # a progression is a change, not an agreement: named as such in the title and the alt text
    assert data.attrs["title"] == "Uneinig bei Investitionssumme, einig bei Anteil; Bewertung stieg"
    assert "wo sich zeigt: Uneinig bei Investitionssumme, einig bei Anteil; Bewertung stieg." in data.attrs["alt"]


def test_overview_names_a_falling_progression_and_a_story_without_disagreement(meta):
    ev = meta["evidence"].copy()
    val = ev["quantity"] == "valuation"
    ev.loc[val, "value"] = ev.loc[val, "value"].max() * 2 - ev.loc[val, "value"]   # mirror: now it fell
    comp = meta["comparison"].copy()
    comp = comp[comp["quantity"] != "deal_amount"]
    _fig, data = chart_overview(dict(meta, evidence=ev, comparison=comp))
    assert data.attrs["title"] == "Einig bei Anteil; Bewertung sank"
    _fig, data = chart_overview(dict(meta, evidence=ev, comparison=comp), "en")
    assert data.attrs["title"].startswith("Outlets agree on the ") and data.attrs["title"].endswith(" fell")
    assert "; the " in data.attrs["alt"] and " fell. " in data.attrs["alt"]


def test_overview_names_each_currency_once():
    figs = pd.DataFrame([
        sfig("a", "Quarry Group pays £1.3bn.", "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
        sfig("b", "Quarry Group pays £1.3bn.", "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
        sfig("c", "Quarry Group pays £130m.", "£130m", 130 * M, "GBP", "deal_amount"),
        sfig("d", "Quarry Group pays $2.5bn.", "$2.5bn", 2.5 * BN, "USD", "deal_amount"),
        sfig("e", "Quarry Group pays $2.5bn.", "$2.5bn", 2.5 * BN, "USD", "deal_amount"),
    ])
    files = list("abcde")
    res = compare_story(figs, arts_for(files), {})
    tables = {"comparison": res.comparison, "evidence": res.evidence, "findings": res.findings,
              "figures": figs, "articles": arts_for(files)}
    _fig, data = chart_overview(tables, "en")
    labels = list(data.drop_duplicates("row")["label"])
    assert labels == ["Deal amount (GBP)", "Deal amount (USD)"]
    assert data.attrs["title"] == "Outlets disagree on the deal amount (GBP) but agree on the deal amount (USD)"
    names = [n for n, *_ in chart_plan(tables)]
    assert "dots_deal_amount_gbp" in names and "dots_deal_amount_usd" in names


def test_the_overview_of_a_big_folder_shows_its_first_rows_and_says_so():
    from figcheck.charts.overview import overview_data

    from .support import big_folder_tables

    tables = big_folder_tables(n_quantities=30, n_outlets=4)
    data = overview_data(tables, "en")
    assert data["row"].nunique() == 25 and data.attrs["quantities_total"] == 31
    assert data["quantity"].iloc[0] == "deal_amount"            # contested first
    _fig, drawn = chart_overview(tables, "en")
    assert drawn.attrs["subtitle"].endswith(". Shown: 25 of 31 compared figures, the contested ones first")
    assert overview_data(tables, "en", rows_max=3)["row"].nunique() == 3
