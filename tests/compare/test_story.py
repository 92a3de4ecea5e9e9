"""figcheck.compare.story: the whole comparison of a story — changes set aside, the tables and their
columns, and the findings of whole fixture stories (tests/fixtures/compare/, test material: the
default story's figures transcribed by hand over its real articles, and invented German and English
stories that make each kind of finding arise, and not arise where the outlets agree).
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from figcheck.common.paths import story_paths
from figcheck.common.tables import read_table
from figcheck.compare.story import compare_is_change_by, compare_story, write_comparison

from ..support import BN, arts_for, build, detail, findings_of, kinds, sfig, story


# ---------------------------------------------------------------------------
# a change is not a level
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
    res = compare_story(figs, arts_for(list("abc")), {})
    assert findings_of(res, "contradiction", "outlier", "progression").empty, res.findings["message"].tolist()
    assert "27%" not in set(res.evidence["text"])
    assert set(res.comparison["quantity"]) == {"stake__article_b", "stake__fund_orrin", "stake__fund_tessa"}


@pytest.mark.parametrize("sentence, span, expected", [
    ("Test Exchange will boost its dividend by 27%.", "27%", True),
    ("Der Umsatz wurde um knapp 3 Prozent gesenkt.", "3 Prozent", True),
    ("Alpha Test takes a 40% stake.", "40%", False),
    ("Die Bewertung könnte auf 25 Milliarden steigen.", "25 Milliarden", False),
])
def test_change_by(sentence, span, expected):
    assert compare_is_change_by(sfig("a", sentence, span, 1.0, "percent", "stake")) is expected


@pytest.mark.parametrize("sentence, span", [
    ("Alpha Test ist in Gesprächen, um über 10 Milliarden Dollar in Beta Test zu investieren.", "über 10 Milliarden Dollar"),
    ("The club is owned by 3 families.", "3"),
])
def test_by_or_um_without_a_change_is_a_level(sentence, span):
    assert compare_is_change_by(sfig("a", sentence, span, 1.0, "USD", "deal_amount")) is False


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
    # the evidence is what the articles attribute to Reuters, one figure per article
    row = kinds(english, "attribution", "deal_amount").iloc[0]
    assert sorted(e["file"] for e in json.loads(row["evidence"])) == ["101_ledger.txt", "102_metro.txt"]
    assert "According to Reuters" in json.loads(row["evidence"])[1]["sentence"]
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
                                              "severity", "score", "message", "evidence", "detail", "confidence"]
    assert set(default.findings["confidence"]) <= {"high", "medium", "low"}
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
    paths = story_paths("meta-scale-ai")
    out = type(paths)(**{**paths.__dict__, "output": tmp_path})
    first = [p.read_bytes() for p in write_comparison(default, out)]
    again = story("meta-scale-ai")
    second = [p.read_bytes() for p in write_comparison(again, out)]
    assert first == second
    back = read_table(tmp_path / "findings.csv")
    assert list(back["kind"]) == list(default.findings["kind"])


def test_empty_input_gives_empty_tables():
    res = compare_story(pd.DataFrame(), pd.DataFrame(), {})
    assert res.comparison.empty and res.evidence.empty and res.findings.empty
    assert "quantity" in res.comparison.columns and "message" in res.findings.columns


# ---------------------------------------------------------------------------
# articles notebook 01 marked off story
# ---------------------------------------------------------------------------
def _with_story_check(arts, off: dict):
    """articles.csv as notebook 01 writes it: `off_story` per file ('' on the story)."""
    return arts.assign(off_story=[off.get(f, "") for f in arts["file"]], story_ties=0, shares="[]")


def test_off_story_articles_are_left_out_of_the_comparison():
    s = "Quarry Group pays $2.5bn for the stake."
    figs = pd.DataFrame([sfig(f, s, "$2.5bn", 2.5 * BN, "USD", "deal_amount") for f in "ab"]
                        + [sfig("c", s, "$2.5bn", 25 * BN, "USD", "deal_amount")])
    arts = _with_story_check(arts_for(list("abc")), {"c": "no_ties"})
    res = compare_story(figs, arts, {})
    assert res.no_story == ""
    assert "c" not in set(res.evidence["file"]) and set(res.evidence["file"]) == {"a", "b"}
    assert findings_of(res, "outlier", "contradiction").empty      # c's tenfold figure is not compared
    kept = compare_story(figs, _with_story_check(arts_for(list("abc")), {}), {})
    assert not findings_of(kept, "outlier", "contradiction").empty


def test_a_folder_without_a_story_gives_one_sentence_and_empty_tables(tmp_path):
    s = "Quarry Group pays $2.5bn for the stake."
    figs = pd.DataFrame([sfig(f, s, "$2.5bn", 2.5 * BN, "USD", "deal_amount") for f in "abc"])
    arts = _with_story_check(arts_for(list("abc"), language="de"), {f: "no_story" for f in "abc"})
    res = compare_story(figs, arts, {})
    assert res.no_story.startswith("Die 3 Artikel in diesem Ordner erzählen keine gemeinsame Geschichte")
    assert res.findings.empty and res.comparison.empty and res.evidence.empty
    written = write_comparison(res, tmp_path)
    assert [len(read_table(p)) for p in written] == [0, 0, 0]
    assert list(read_table(tmp_path / "findings.csv").columns) == list(res.findings.columns)
