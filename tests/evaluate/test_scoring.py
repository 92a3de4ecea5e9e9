"""figcheck.evaluate.scoring and run (`make evaluate DIR=path`): figure recall and precision, traps, qualifier
accuracy, grouping F1 (all pairs, across articles), alarms, false alarms and disagreements found, on tiny
hand-made tables whose every number is computed by hand below (issue 10, "What to build" 5).

INVENTED TEST MATERIAL: the gold, figures and findings tables and the two articles of the run test are written
for these tests (Orbis buys Quillon); nothing comes from the evaluation stories.
"""
from __future__ import annotations

import csv
import json

import pytest

from figcheck.evaluate.run import _total, run_story, story_folders, summary_line
from figcheck.evaluate.scoring import incompatible, read_csv, score_figures, score_findings, unit_key

B = 1e9
GOLD_COLUMNS = ["file", "quantity", "value", "unit", "qualifier", "span"]
FIG_COLUMNS = ["file", "text", "value", "unit", "qualifier", "low", "high", "quantity", "start"]
FINDING_COLUMNS = ["kind", "severity", "evidence", "detail", "message"]

# gold: one row per figure (a range is two rows; a row without value is vague)
GOLD = [
    ("a", "deal", 62 * B, "USD", "exact", "$62 billion"),      # g0
    ("b", "deal", 62 * B, "USD", "exact", "$62 billion"),      # g1
    ("c", "deal", 26 * B, "USD", "exact", "$26 billion"),      # g2: disagrees with g0, g1
    ("a", "loan", 4 * B, "USD", "exact", "$4 billion"),        # g3
    ("b", "loan", 4 * B, "USD", "exact", "$4 billion"),        # g4
    ("c", "stake", 9, "percent", "exact", "9%"),               # g5
    ("a", "stake", 9, "percent", "approx", "about 9%"),        # g6
    ("b", "deal", "", "USD", "vague", "billions"),             # g7: vague
    ("b", "fee", 2 * B, "USD", "exact", "$2 billion"),         # g8: missed by the extraction
    ("c", "growth", 10, "percent", "lower", "10 to 12"),       # g9: a range's lower bound
    ("c", "growth", 12, "percent", "upper", "10 to 12"),       # g10: its upper bound
]
# extracted figures
FIGURES = [
    ("a", "$62 billion", 62 * B, "USD", "exact", 62 * B, 62 * B, "deal_amount", 10),     # f0 -> g0
    ("b", "$62 billion", 62 * B, "USD", "exact", 62 * B, 62 * B, "deal_amount", 10),     # f1 -> g1
    ("c", "$26 billion", 26 * B, "USD", "exact", 26 * B, 26 * B, "deal_amount", 10),     # f2 -> g2
    ("a", "$4 billion", 4 * B, "USD", "exact", 4 * B, 4 * B, "deal_amount", 50),         # f3 -> g3, grouped wrong
    ("b", "$4 billion", 4 * B, "USD", "exact", 4 * B, 4 * B, "loan", 50),                # f4 -> g4
    ("c", "9%", 9, "percent", "approx", 8.1, 9.9, "stake", 80),                          # f5 -> g5, qualifier wrong
    ("a", "about 9%", 9, "percent", "approx", 8.1, 9.9, "stake", 80),                    # f6 -> g6
    ("b", "billions", "", "USD", "vague", 1 * B, "", "deal_amount", 100),                # f7 -> g7 (by its span)
    ("c", "2024", 2024, "year", "exact", 2024, 2024, "unclassified", 120),               # f8: no gold, a trap
    ("a", "3 March", "", "date", "exact", "", "", "unclassified", 130),                  # f9: a date, left aside
    ("c", "10 to 12 percent", 11, "percent", "range", 10, 12, "growth", 140),            # f10 -> g9 and g10
]
TRAPS = [{"file": "c", "text": "2024"}]


def _ev(*places):
    return json.dumps([{"file": f, "start": s} for f, s in places])


FINDINGS = [
    # true: c's $26 billion against a's $62 billion, c flagged
    ("outlier", "high", _ev(("c", 10), ("a", 10), ("b", 10)), json.dumps({"outlier_file": "c"}), "deal c"),
    # false: a loan against the deal amount of the same article, and an outlier needs two articles
    ("outlier", "medium", _ev(("a", 50), ("a", 10)), json.dumps({"outlier_file": "a"}), "loan a"),
    # false: a stake against a loan of the same article
    ("self_contradiction", "high", _ev(("a", 80), ("a", 50)), "{}", "self a"),
    # false: a derived check whose figure is in no disagreement
    ("derived_check", "medium", _ev(("a", 80)), "{}", "derived"),
    # neither alarm nor hit: a low contradiction of the same pair, a consensus
    ("contradiction", "low", _ev(("b", 10), ("c", 10)), "{}", "worth checking"),
    ("consensus", "info", _ev(("a", 10), ("b", 10)), "{}", "agree"),
]


def _write(path, columns, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        w.writerows(rows)
    return read_csv(path)


@pytest.fixture()
def tables(tmp_path):
    return {"gold": _write(tmp_path / "gold.csv", GOLD_COLUMNS, GOLD),
            "figures": _write(tmp_path / "figures.csv", FIG_COLUMNS, FIGURES),
            "findings": _write(tmp_path / "findings.csv", FINDING_COLUMNS, FINDINGS)}


def test_figure_scores(tables):
    s = score_figures(tables["figures"], tables["gold"], TRAPS)
    # 10 gold rows with a value; 11 rows scored (the date left aside, the range as two bounds)
    assert (s["gold"], s["extracted"], s["matched"]) == (10, 11, 9)
    assert s["recall"] == pytest.approx(9 / 10)
    # 9 matched + the vague 'billions' over 11 rows; the year is the one false positive, and a trap
    assert s["precision"] == pytest.approx(10 / 11)
    assert s["traps"] == 1 and [f["text"] for f in s["false_positives"]] == ["2024"]
    assert [g["span"] for g in s["misses"]] == ["$2 billion"]
    # 8 of the 9 matched figures have the gold qualifier (c's '9%' is exact in the gold)
    assert s["qualifier_acc"] == pytest.approx(8 / 9)


def test_a_figure_in_another_unit_or_file_or_off_by_more_than_half_a_percent_does_not_match():
    gold = [{"file": "a", "quantity": "deal", "value": "100", "unit": "USD", "qualifier": "exact", "span": "$100"}]
    for fig in ({"file": "a", "text": "€100", "value": "100", "unit": "EUR", "qualifier": "exact"},
                {"file": "b", "text": "$100", "value": "100", "unit": "USD", "qualifier": "exact"},
                {"file": "a", "text": "$101", "value": "100.6", "unit": "USD", "qualifier": "exact"}):
        assert score_figures([fig], gold)["recall"] == 0.0
    near = {"file": "a", "text": "$100.4", "value": "100.4", "unit": "usd", "qualifier": "exact"}
    assert score_figures([near], gold)["recall"] == 1.0           # within 0.5 %, units compared case-free


def test_grouping_f1_over_all_pairs_and_across_articles(tables):
    s = score_findings(tables["figures"], tables["findings"], tables["gold"])
    assert s["matched"] == 9
    # all pairs: same gold 8 (deal 6, loan 1, stake 1), same label 11 (deal_amount|USD 10, stake 1);
    # tp 7, fp 4 (the loan labelled deal_amount with the four deal figures), fn 1 (the two loans)
    assert s["grouping_f1"] == pytest.approx(2 * 7 / (2 * 7 + 4 + 1))
    # across articles: same gold 7, same label 9; tp 6, fp 3, fn 1
    assert s["cross_f1"] == pytest.approx(2 * 6 / (2 * 6 + 3 + 1))


def test_alarms_false_alarms_and_disagreements_found(tables):
    s = score_findings(tables["figures"], tables["findings"], tables["gold"])
    assert (s["alarms"], s["false_alarms"]) == (4, 3)
    assert s["disagreements"] == ["deal"] and s["found"] == ["deal"]
    assert [line[:5] for line in s["alarm_lines"]] == ["TRUE ", "FALSE", "FALSE", "FALSE"]


def test_a_low_finding_or_a_progression_finds_a_disagreement_without_an_alarm(tables):
    for kind in ("contradiction", "progression"):
        findings = [{"kind": kind, "severity": "low", "evidence": _ev(("b", 10), ("c", 10)), "detail": "{}"}]
        s = score_findings(tables["figures"], findings, tables["gold"])
        assert (s["alarms"], s["false_alarms"], s["found"]) == (0, 0, ["deal"])
    s = score_findings(tables["figures"], [], tables["gold"])
    assert (s["alarms"], s["found"], s["disagreements"]) == (0, [], ["deal"])


def test_an_outlier_that_flags_an_article_outside_the_disagreement_is_false():
    """a and b disagree on the deal; c's figure is a loan. An outlier that flags c is false, though its evidence
    holds the pair that disagrees; one that flags b is true."""
    gold = [{"file": f, "quantity": q, "value": v, "unit": "USD", "qualifier": "exact", "span": "x"}
            for f, q, v in (("a", "deal", "62"), ("b", "deal", "26"), ("c", "loan", "62"))]
    figs = [{"file": f, "text": "x", "value": v, "unit": "USD", "qualifier": "exact", "quantity": "deal_amount",
             "start": "0"} for f, v in (("a", "62"), ("b", "26"), ("c", "62"))]
    evidence = _ev(("c", 0), ("a", 0), ("b", 0))
    flag_c = {"kind": "outlier", "severity": "high", "evidence": evidence, "detail": json.dumps({"outlier_file": "c"})}
    flag_b = dict(flag_c, detail=json.dumps({"outlier_file": "b"}))
    assert score_findings(figs, [flag_c], gold)["false_alarms"] == 1
    assert score_findings(figs, [flag_b], gold)["false_alarms"] == 0
    # a contradiction may set any two articles against each other
    assert score_findings(figs, [dict(flag_c, kind="contradiction")], gold)["false_alarms"] == 0


@pytest.mark.parametrize("g1,g2,expected", [
    (("100", "exact"), ("100", "exact"), False),
    (("100", "exact"), ("104", "exact"), False),        # within the 5 % tolerance
    (("100", "exact"), ("120", "exact"), True),
    (("100", "approx"), ("115", "exact"), False),       # approx: ±10 %, then the tolerance
    (("100", "lower"), ("300", "exact"), False),        # at least 100
    (("100", "upper"), ("300", "exact"), True),         # at most 100
])
def test_incompatible(g1, g2, expected):
    a, b = ({"value": v, "qualifier": q} for v, q in (g1, g2))
    assert incompatible(a, b, 0.05) is expected


def test_units_compared_alike():
    assert [unit_key(u) for u in ("usd", "%", "Prozent", "percent", "years", "count")] == \
        ["USD", "percent", "percent", "percent", "year", "count"]


# ---------------------------------------------------------------------------
# the run: story folders, one story end to end, the summary lines
# ---------------------------------------------------------------------------
ARTICLE_A = "Orbis buys Quillon\n\nOrbis will pay $62 billion for Quillon, the company said on Monday.\n"
ARTICLE_B = "Quillon sold\n\nThe takeover of Quillon is worth $26 billion, Orbis said.\n"


def _story_folder(root, name="orbis-quillon"):
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "01_first.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "02_second.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "notes.txt").write_text("not an article", encoding="utf-8")
    _write(folder / "gold.csv", ["file", "quantity", "value", "unit", "qualifier", "span"],
           [("01_first.txt", "deal", 62 * B, "USD", "exact", "$62 billion"),
            ("02_second.txt", "deal", 26 * B, "USD", "exact", "$26 billion")])
    return folder


def test_story_folders_are_the_folders_with_a_gold_csv(tmp_path):
    a = _story_folder(tmp_path, "b-story")
    b = _story_folder(tmp_path, "a-story")
    (tmp_path / "no-gold").mkdir()
    assert story_folders(tmp_path) == [b, a]
    assert story_folders(a) == [a]


def test_run_story_scores_an_invented_story_end_to_end(tmp_path):
    folder = _story_folder(tmp_path / "stories")
    s = run_story(folder, tmp_path / "out")
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"articles.csv", "figures.csv", "findings.csv"}
    figures = read_csv(tmp_path / "out" / "figures.csv")
    assert {f["file"] for f in figures} == {"01_first.txt", "02_second.txt"}   # notes.txt is no article
    assert (s["figures"]["recall"], s["figures"]["matched"]) == (1.0, 2)
    assert s["findings"]["grouping_f1"] == 1.0 and s["findings"]["cross_f1"] == 1.0
    # two outlets disagree on the one quantity both name the same way: found, and no false alarm
    assert s["findings"]["disagreements"] == ["deal"] and s["findings"]["found"] == ["deal"]
    assert s["findings"]["false_alarms"] == 0
    line = summary_line(folder.name, s)
    assert line.startswith("orbis-quillon") and "recall=1.000" in line and "false_alarms=0" in line


def test_total_pools_figures_and_averages_grouping():
    def s(gold, extracted, matched, precision, f1, alarms, false_alarms):
        return {"figures": {"gold": gold, "extracted": extracted, "matched": matched, "recall": matched / gold,
                            "precision": precision, "traps": 1},
                "findings": {"grouping_f1": f1, "cross_f1": f1, "alarms": alarms, "false_alarms": false_alarms,
                             "disagreements": ["q"], "found": []}}
    t = _total([s(10, 10, 9, 0.9, 1.0, 2, 1), s(30, 20, 15, 0.5, 0.5, 1, 0)])
    assert t["figures"]["recall"] == pytest.approx(24 / 40)
    assert t["figures"]["precision"] == pytest.approx((9 + 10) / 30)
    assert t["figures"]["traps"] == 2
    assert t["findings"]["grouping_f1"] == pytest.approx(0.75)
    assert (t["findings"]["alarms"], t["findings"]["false_alarms"]) == (3, 1)
    assert t["findings"]["disagreements"] == ["q", "q"] and t["findings"]["found"] == []
