"""figcheck.extract.offstory: the story check of notebook 01 — names, ties, the story's group, articles
marked off story with their reason, the parameter include, and a folder that holds no story.

Test material: the two test stories of data/ (written by us) and the invented unrelated articles of
tests/fixtures/offstory/ (see its README); sentences below are written here.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from figcheck.extract.offstory import (
    TIE, Ties, article_names, article_ties, judged_articles, mark_off_story, no_common_story, on_story,
    story_check_summary, story_check_view, story_verdict, tie_score, with_openers
)
from figcheck.ingest.story import ingest_folder

ROOT = Path(__file__).resolve().parents[2]
AKKU = ROOT / "data" / "test-de-akkudeal" / "articles"
CHIP = ROOT / "data" / "test-en-chipdeal" / "articles"
UNRELATED = ROOT / "tests" / "fixtures" / "offstory"


def _folder(tmp_path: Path, *sources) -> Path:
    """A folder holding copies of the given article files."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for src in sources:
        for f in sorted(Path(src).glob("*.txt")) if Path(src).is_dir() else [Path(src)]:
            shutil.copy(f, folder / f.name)
    return folder


def _marked(folder: Path, include=()):
    return mark_off_story(ingest_folder(folder), include)


# ---------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------
def test_english_names_are_capitalised_words_inside_a_sentence():
    names = article_names("The deal gives Quillon Semiconductor a 49% stake in Norvane. Shares of "
                          "Norvane rose in London on Monday, Reuters said.", "en")
    assert {"quillon", "semiconductor", "norvane"} <= set(names)
    assert names["norvane"] == "Norvane"                       # shown as written
    # a sentence's first word, months and days, big places and agencies are no story's own
    assert not {"the", "shares", "london", "monday", "reuters"} & set(names)


def test_german_names_are_told_apart_from_capitalised_nouns():
    names = article_names("Der Industriekonzern Nordwerk übernimmt die Mehrheit an Velmar. Die Bahn verkauft "
                          "ihre Tochter an Kühne Logistik, sagte der Chef der EPCG am Mittwoch.", "de")
    assert {"nordwerk", "velmar", "epcg", "kühne", "logistik"} <= set(names)   # unknown words, acronyms, runs
    assert not {"mehrheit", "bahn", "tochter", "chef", "mittwoch", "der", "die"} & set(names)


def test_a_word_that_only_opens_sentences_is_a_name_where_the_folder_uses_it_as_one():
    # invented: article b writes "Quillon" only at its sentences' start, as headline style does
    a = article_ties("Shares in Quillon fell after Norvane sued Quillon over its debts.", "en")
    b = article_ties("Quillon reports higher profits. Quillon says the Bondi claims are old.", "en")
    assert "quillon" not in b.names and "quillon" in b.openers
    both = with_openers({"a": a, "b": b})
    assert "quillon" in both["b"].names
    assert "says" not in both["b"].names                       # an opener nobody uses as a name stays out


def test_ties_hold_names_specific_figures_and_measure_words():
    t = article_ties("Der Konzern Nordwerk zahlt 2,35 Milliarden Euro für 51 Prozent an Velmar. Velmar beschäftigt "
                     "10 Mitarbeiter.", "de")
    assert {"nordwerk", "velmar"} <= t.names
    assert (2.35e9, "EUR") in t.figures and (51.0, "percent") in t.figures
    assert not any(v == 10.0 for v, _u in t.figures)            # one significant digit: anybody's figure
    assert t.measures                                            # what the figures measure


def test_tie_score_weighs_names_figures_and_words():
    a = Ties(frozenset({"nordwerk", "velmar"}), frozenset({(2.35e9, "EUR")}), frozenset({"anteil"}))
    b = Ties(frozenset({"nordwerk", "velmar", "leipzig"}), frozenset({(2.35e9, "EUR")}), frozenset({"anteil"}))
    assert tie_score(a, b) == 2 + 0.5 + 0.25 >= TIE
    c = Ties(frozenset({"velmar"}), frozenset(), frozenset({"anteil"}))
    assert tie_score(a, c) == 1.25 < TIE


# ---------------------------------------------------------------------------
# the story's group
# ---------------------------------------------------------------------------
def test_a_dense_group_is_the_story_and_a_loner_is_not():
    shared = frozenset({"quillon", "norvane", "brightwater"})
    feats = {f"{i}.txt": Ties(shared | {f"own{i}"}, frozenset(), frozenset()) for i in range(4)}
    feats["9.txt"] = Ties(frozenset({"marrowdeen"}), frozenset(), frozenset())
    v = story_verdict(feats)
    assert v.has_story and v.story == ["0.txt", "1.txt", "2.txt", "3.txt"]
    assert v.ties == {"0.txt": 3, "1.txt": 3, "2.txt": 3, "3.txt": 3, "9.txt": 0}


def test_an_article_tied_to_one_core_article_joins_the_story():
    shared = frozenset({"quillon", "norvane", "brightwater"})
    feats = {f"{i}.txt": Ties(shared, frozenset(), frozenset()) for i in range(4)}
    feats["4.txt"] = Ties(frozenset({"quillon", "norvane", "anand"}), frozenset(), frozenset())
    feats["0.txt"] = Ties(shared | {"anand"}, frozenset(), frozenset())
    v = story_verdict(feats)
    assert "4.txt" in v.story and v.has_story


def test_pairs_that_share_by_chance_are_no_story():
    feats = {f"{i}.txt": Ties(frozenset({f"a{i}", f"b{i}", f"c{i}"}), frozenset(), frozenset()) for i in range(6)}
    feats["0.txt"] = Ties(frozenset({"x", "y", "z"}), frozenset(), frozenset())
    feats["1.txt"] = Ties(frozenset({"x", "y", "z"}), frozenset(), frozenset())   # two of six: no story
    v = story_verdict(feats)
    assert not v.has_story and v.story == []


def test_one_article_is_not_judged():
    v = story_verdict({"a.txt": Ties(frozenset(), frozenset(), frozenset())})
    assert v.has_story and v.story == ["a.txt"]


# ---------------------------------------------------------------------------
# whole folders: the test stories alone, mixed with unrelated articles, and no story at all
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("story", [AKKU, CHIP])
def test_no_article_of_a_test_story_is_off_story(tmp_path, story):
    res = _marked(_folder(tmp_path, story))
    assert set(res.report["status"]) == {"ok"}
    assert (res.articles["off_story"] == "").all() and (res.articles["story_ties"] >= 2).all()
    assert all(json.loads(s) for s in res.articles["shares"])     # each shares something, listed
    assert not no_common_story(res.articles)


def test_a_mixed_folder_keeps_the_story_and_marks_the_strays(tmp_path):
    res = _marked(_folder(tmp_path, AKKU, UNRELATED / "de-unrelated"))
    status = dict(zip(res.report["file"], res.report["status"]))
    strays = {"11_kreisbote.txt", "12_tierpark-zeitung.txt", "13_radsport-echo.txt"}
    assert {f for f, s in status.items() if s == "off_story"} == strays
    reasons = res.report.set_index("file")["reason"]
    assert reasons["11_kreisbote.txt"].startswith("nicht Teil der Geschichte: teilt keine Namen")  # German story
    assert set(on_story(res.articles)["file"]) == set(status) - strays
    assert set(res.articles.loc[res.articles["off_story"] != "", "off_story"]) == {"no_ties"}
    summary = story_check_summary(res.articles)
    assert summary.startswith("4 von 7 Artikeln erzählen eine Geschichte; 3 sind nicht Teil davon")


def test_unrelated_articles_tell_no_story(tmp_path):
    res = _marked(_folder(tmp_path, UNRELATED / "en-unrelated"))
    assert set(res.report["status"]) == {"off_story"}
    assert set(res.articles["off_story"]) == {"no_story"}
    assert no_common_story(res.articles)
    assert story_check_summary(res.articles) == (
        "The 6 articles in this folder do not tell one story — too few of them share names, measure words "
        "or figures — so nothing is compared (the parameter include keeps articles that belong together).")
    assert res.report["reason"].str.startswith("off story: the folder holds no common story").all()


def test_include_keeps_an_off_story_article(tmp_path):
    res = _marked(_folder(tmp_path, CHIP, UNRELATED / "en-unrelated" / "03_weather-desk.txt"),
                  include=["03_weather-desk.txt"])
    row = res.report.set_index("file").loc["03_weather-desk.txt"]
    assert row["status"] == "ok" and row["reason"].startswith("kept by the parameter include")
    assert res.articles.set_index("file").loc["03_weather-desk.txt", "off_story"] == ""


def test_a_duplicate_follows_its_original(tmp_path):
    folder = _folder(tmp_path, CHIP, UNRELATED / "en-unrelated" / "01_harbour-gazette.txt")
    shutil.copy(folder / "01_harbour-gazette.txt", folder / "99_copy.txt")
    res = _marked(folder)
    status = res.report.set_index("file")["status"]
    assert status["01_harbour-gazette.txt"] == "off_story" and status["99_copy.txt"] == "duplicate"
    arts = res.articles.set_index("file")
    assert arts.loc["99_copy.txt", "off_story"] == "no_ties"
    assert len(judged_articles(res.articles)) == len(res.articles) - 1


def test_the_view_lists_ties_shares_and_marks(tmp_path):
    res = _marked(_folder(tmp_path, CHIP, UNRELATED / "en-unrelated" / "02_board-and-clock.txt"))
    view = story_check_view(res.articles)
    assert list(view.columns) == ["file", "outlet", "story_ties", "shares", "off_story"]
    row = view.set_index("file").loc["001_tech-ledger.txt"]
    assert "Quillon" in row["shares"] and row["off_story"] == ""
    assert view.set_index("file").loc["02_board-and-clock.txt", "off_story"] == "no_ties"


def test_without_the_check_nothing_is_off_story(tmp_path):
    arts = ingest_folder(_folder(tmp_path, CHIP)).articles
    assert not no_common_story(arts) and len(on_story(arts)) == len(arts)
    assert story_check_summary(arts) == ""
