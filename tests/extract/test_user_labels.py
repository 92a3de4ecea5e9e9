"""The `labels` story parameter: a reporter's corrections of what a figure measures (issue 10, "What to build"
4): {figure id or measure word: quantity}. Validated with the other parameters (figcheck.common.params),
applied by figcheck.extract.grouping.apply_labels at the end of extract_story_figures (notebook 02's path),
trusted by the comparison (frame 'user').

INVENTED TEST MATERIAL: the articles (Orbis buys Quillon; an aid package for the airline Aerona) and every
number are written for these tests.
"""
import json
from pathlib import Path

import pytest

from figcheck.common.params import PARAMETERS, validate_params
from figcheck.common.paths import ParameterError
from figcheck.compare.story import compare_story
from figcheck.extract.grouping import apply_labels

from .test_grouping import articles, story

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
DEAL = ("en|Orbis will pay $62 billion for Quillon.", "en|Orbis will pay $62 billion for Quillon.",
        "en|Orbis made an $8 billion equity commitment to the deal.")


# ---------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("labels", [
    {"02_a:14": 3}, {"Hilfspaket": ["aid"]}, {"Hilfspaket": ""}, {"Hilfspaket": "   "}, {3: "aid"},
    {"Hilfspaket": None},
])
def test_labels_that_are_not_text_to_text_are_refused(labels):
    with pytest.raises(ParameterError, match="labels"):
        validate_params({"labels": labels})


@pytest.mark.parametrize("labels", [["Hilfspaket"], "Hilfspaket: aid", 3])
def test_labels_must_be_a_mapping(labels):
    with pytest.raises(ParameterError, match="'labels' must be dict"):
        validate_params({"labels": labels})


@pytest.mark.parametrize("key", ["", "  "])
def test_an_empty_key_is_refused(key):
    with pytest.raises(ParameterError, match="labels"):
        validate_params({"labels": {key: "stake"}})


def test_valid_labels_are_kept_and_default_to_none():
    assert validate_params({})["labels"] == {}
    assert validate_params({"labels": None})["labels"] == {}
    labels = {"02_a:14": "deal_amount", "Hilfspaket": "aid", "break fee": "unclassified"}
    assert validate_params({"labels": labels})["labels"] == labels
    assert PARAMETERS["labels"][1] == {}


# ---------------------------------------------------------------------------
# apply_labels on figure rows
# ---------------------------------------------------------------------------
def _rows():
    base = {"measure_text": "", "frame": "noun_of", "holder": "", "object": "", "when": "", "part": ""}
    return [dict(base, figure_id="00_a:10", measure="hilfspaket", measure_text="Hilfspaket", quantity="aid"),
            dict(base, figure_id="01_a:20", measure="euro-hilfspaket", measure_text="Euro-Hilfspaket",
                 quantity="aid"),
            dict(base, figure_id="02_a:30", measure="equity commitment", measure_text="equity commitment",
                 quantity="commitment"),
            dict(base, figure_id="03_a:40", measure="", frame="", quantity="unclassified")]


def test_a_figure_id_names_one_figure():
    rows = _rows()
    assert apply_labels(rows, {"02_a:30": "Deal Amount"}) == 1
    assert rows[2]["quantity"] == "deal_amount" and rows[2]["frame"] == "user"
    assert rows[2]["measure"] == "equity commitment"          # the words stay, the reporter's quantity wins
    assert [r["quantity"] for r in rows[:2]] == ["aid", "aid"]


def test_a_figure_with_no_measure_takes_the_quantity_as_its_measure():
    rows = _rows()
    assert apply_labels(rows, {"03_a:40": "aid"}) == 1
    assert (rows[3]["quantity"], rows[3]["frame"], rows[3]["measure"]) == ("aid", "user", "aid")


def test_a_measure_word_names_every_figure_measured_by_it_in_any_case():
    rows = _rows()
    assert apply_labels(rows, {"HILFSPAKET": "rescue package"}) == 1
    assert rows[0]["quantity"] == "rescue_package"
    rows = _rows()
    assert apply_labels(rows, {" euro-hilfspaket ": "rescue package", "Equity Commitment": "deal_amount"}) == 2
    assert [r["quantity"] for r in rows] == ["aid", "rescue_package", "deal_amount", "unclassified"]


def test_a_figure_id_wins_over_a_measure_word():
    rows = _rows()
    apply_labels(rows, {"equity commitment": "deal_amount", "02_a:30": "commitment"})
    assert rows[2]["quantity"] == "commitment"


def test_unclassified_leaves_a_figure_out_and_keeps_its_frame():
    rows = _rows()
    assert apply_labels(rows, {"00_a:10": "unclassified"}) == 1
    assert (rows[0]["quantity"], rows[0]["frame"], rows[0]["measure"]) == ("unclassified", "noun_of", "hilfspaket")


def test_no_labels_change_nothing():
    rows = _rows()
    assert apply_labels(rows, {}) == 0 and apply_labels(rows, None) == 0
    assert rows == _rows()
    assert apply_labels(rows, {"99_z:1": "aid", "nothing": "aid"}) == 0


# ---------------------------------------------------------------------------
# the story path of notebook 02, and what the comparison makes of it
# ---------------------------------------------------------------------------
def _labelled(labels):
    params = validate_params({"labels": labels})
    return story(*DEAL, labels=params["labels"])


def test_without_labels_the_equity_commitment_is_its_own_quantity():
    df = _labelled({})
    assert list(df["quantity"]) == ["deal_amount", "deal_amount", "commitment"]
    assert list(df["figure_id"]) == ["00_a:15", "01_a:15", "02_a:14"]


@pytest.mark.parametrize("labels", [{"02_a:14": "deal_amount"}, {"Equity Commitment": "deal_amount"}])
def test_the_story_path_honours_labels_and_the_comparison_trusts_them(labels):
    df = _labelled(labels)
    assert list(df["quantity"]) == ["deal_amount"] * 3
    assert df.iloc[2]["frame"] == "user"
    res = compare_story(df, articles(*DEAL), {})
    out = res.findings[res.findings["kind"] == "outlier"]
    # the reporter said it is the deal amount: $8 billion against $62 billion is an alarm
    assert len(out) == 1 and out.iloc[0]["severity"] == "high" and out.iloc[0]["confidence"] in ("high", "medium")


def test_the_story_path_leaves_a_figure_labelled_unclassified_out_of_the_comparison():
    df = _labelled({"equity commitment": "unclassified"})
    assert list(df["quantity"]) == ["deal_amount", "deal_amount", "unclassified"]
    res = compare_story(df, articles(*DEAL), {})
    assert set(res.comparison["quantity"]) == {"deal_amount"}
    assert "02_a.txt" not in set(res.evidence["file"])


def test_labels_apply_across_the_articles_of_a_german_story():
    texts = ("de|Die Regierung schnürt ein Hilfspaket von sechs Milliarden Euro für Aerona.",
             "de|Das Hilfspaket umfasst sechs Milliarden Euro.",
             "de|Ein Rettungsfonds von 500 Millionen Euro soll Zulieferern helfen.")
    df = story(*texts, labels=validate_params({"labels": {"hilfspaket": "rettungspaket",
                                                          "Rettungsfonds": "Zulieferer-Fonds"}})["labels"])
    assert list(df["quantity"]) == ["rettungspaket", "rettungspaket", "zulieferer_fonds"]
    assert set(df["frame"]) == {"user"}


@pytest.mark.parametrize("notebook", ["02_extract_figures", "03_compare_sources", "04_narrative_charts"])
def test_the_notebooks_parameters_cell_has_labels(notebook):
    nb = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1 and "labels = {}" in "".join(cells[0]["source"])
