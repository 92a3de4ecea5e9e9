"""End to end on the default story: ingest -> extract -> compare, in memory (nothing is written).

These are the done-when conditions of the comparison (issue 4), checked on the figures the real
extraction finds rather than on a hand-made table — so a change in ingestion or extraction that
breaks a headline result of the comparison fails here.
"""
from __future__ import annotations

import json

import pytest

import helpers

BN = 1e9
F000, F001, F002, F003, F004 = ("000_c4e7b7921a2cde72.txt", "001_6b933f934256e5b5.txt", "002_063d8c8ae8a83d5a.txt",
                                "003_f8a4403dadf464df.txt", "004_735e3cab86f0cf67.txt")


@pytest.fixture(scope="module")
def real():
    params = helpers.load_story("meta-scale-ai")
    paths = helpers.story_paths("meta-scale-ai")
    articles = helpers.ingest_story(paths, params).articles
    figures = helpers.extract_story_figures(articles, params)
    return helpers.compare_story(figures, articles, params)


def _kind(res, kind, quantity=None):
    f = res.findings[res.findings["kind"] == kind]
    return f if quantity is None else f[f["quantity"] == quantity]


def test_deal_amount_consensus_and_the_early_bound(real):
    row = real.comparison.set_index(["quantity", "unit"]).loc[("deal_amount", "USD")]
    assert (row["consensus_low"], row["consensus_high"]) == (14.3 * BN, 15 * BN)
    assert json.loads(row["agree"]) == [F001, F002, F003]
    assert json.loads(row["compatible"]) == [F004]
    ev = real.evidence[(real.evidence["file"] == F004) & (real.evidence["quantity"] == "deal_amount")]
    assert set(ev["verdict"]) == {"compatible"}          # the headline "$10B" too
    claim = ev[ev["role"] == "claim"].iloc[0]
    assert claim["text"].startswith("über 10 Milliarden") and claim["stage"] == "early"


def test_finanzen_outlier_and_self_contradiction(real):
    out = _kind(real, "outlier", "deal_amount")
    assert len(out) == 1
    d = json.loads(out.iloc[0]["detail"])
    assert d["outlier_file"] == F000 and 14 <= d["factor"] <= 15
    sc = _kind(real, "self_contradiction", "deal_amount")
    assert len(sc) == 1 and json.loads(sc.iloc[0]["files"]) == [F000]
    assert "rund eine Milliarde" in sc.iloc[0]["message"]
    bad = real.findings[real.findings["kind"].isin(["outlier", "contradiction", "self_contradiction"])]
    assert all(F004 not in json.loads(files) or len(json.loads(files)) > 1 for files in bad["files"])


def test_stake_agrees(real):
    row = real.comparison.set_index("quantity").loc["stake"]
    assert row["status"] == "agreed" and row["consensus_low"] == 49 and json.loads(row["contradict"]) == []
    assert "fast die Hälfte" in _kind(real, "consensus", "stake").iloc[0]["message"]


def test_implied_valuation(real):
    checks = [json.loads(d) for d in _kind(real, "derived_check", "valuation")["detail"]]
    same = [d for d in checks if d["result_from"] == "same article" and d["consistent"]]
    assert same and same[0]["implied"] == pytest.approx(29.18 * BN, rel=1e-3) and same[0]["reported"] == 29 * BN


def test_valuation_progression(real):
    assert real.comparison.set_index("quantity").loc["valuation", "status"] == "progression"
    seq = json.loads(_kind(real, "progression", "valuation").iloc[0]["detail"])["sequence"]
    assert [s["value"] for s in seq] == [14 * BN, 25 * BN, 29 * BN]
    assert _kind(real, "contradiction", "valuation").empty and _kind(real, "outlier", "valuation").empty


def test_cited_sources(real):
    att = _kind(real, "attribution")
    sources = {json.loads(r["files"])[0]: json.loads(r["detail"])["sources"] for _, r in att.iterrows()
               if not r["quantity"]}
    assert "Bloomberg" in sources[F004]
    assert {"Handelsblatt", "N-TV", "Golem"} <= set(sources[F001])
