"""figcheck.charts.plan: which charts a story gets and drawing them all (make_charts), on the fixture
tables, an invented English story, the real comparison's tables and a story with nothing compared.

Runs on hand-made tables shaped like docs/tables.md (tests/fixtures/charts/, test material): the
default story as the comparison describes it, and an invented English story.
"""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from figcheck.charts.plan import chart_plan, make_charts
from figcheck.charts.save import save_charts
from figcheck.compare.story import compare_story

from ..support import BN, F0, F1, F4, arts_for, findings_of, sfig


# ---------------------------------------------------------------------------
# the default story
# ---------------------------------------------------------------------------
def test_default_story_plan(meta):
    assert [n for n, *_ in chart_plan(meta)] == ["overview", "dots_deal_amount", "progression_valuation",
                                                          "dots_stake", "citations"]


# ---------------------------------------------------------------------------
# an English story of our own with other quantities: no code change
# ---------------------------------------------------------------------------
def test_english_story_gets_sensible_charts(battery):
    charts = make_charts(battery)
    names = [c.name for c in charts]
    assert names == ["overview", "dots_investment", "dots_jobs", "progression_capacity", "citations"]
    titles = {c.name: c.title for c in charts}
    assert titles["dots_investment"] == "Three outlets report €2bn to €2.5bn, Harbor Post only €200m"
    assert titles["dots_jobs"] == "Jobs: three outlets agree on 1,200"
    assert titles["progression_capacity"] == "Capacity (GWh) rose from 8 to 16"
    assert titles["overview"].startswith("Outlets disagree on the investment but agree on")
    for c in charts:
        assert c.source.startswith("Source: ")
        assert not re.search(r"\b(Medien|Quelle|Konsens|Mrd)\b", c.title + c.alt + c.subtitle), c.name
    inv = charts[1].data
    assert list(inv.loc[inv["highlight"] == "outlier", "outlet"]) == ["Harbor Post"]
    assert "10 times less" in inv.loc[inv["highlight"] == "outlier", "label"].iloc[0]


# ---------------------------------------------------------------------------
# the real shape: charts from notebook 03's comparison of the default story
# ---------------------------------------------------------------------------
def test_charts_from_the_real_comparison(compared):
    charts = {c.name: c for c in make_charts(compared)}
    assert {"overview", "dots_deal_amount", "progression_valuation", "dots_stake", "citations"} <= set(charts)
    dots = charts["dots_deal_amount"]
    assert dots.title == "Vier Medien nennen 10 bis 15 Mrd. $, finanzen.ch nur rund 1 Mrd. $"
    assert list(dots.data.loc[dots.data["highlight"] == "outlier", "file"]) == [F0]
    assert dots.data["file"].is_unique            # one row per outlet: its claim, not headline shorthands
    assert not dots.data["text"].str.contains("Milliarden$|Milliardendeal", regex=True).any()  # no vague figures
    prog = charts["progression_valuation"]
    assert prog.title == "Bewertung stieg von 14 auf 29 Mrd. $ – und die Rechnung geht auf"
    implied = prog.data[prog.data["kind"] == "implied"].iloc[0]
    assert implied["value"] == pytest.approx(14.3e9 / 0.49, rel=1e-6)
    assert implied["text"] == "14,3 Mrd. $ ÷ 49 % = 29,2 Mrd. $"
    cites = charts["citations"].data
    assert {(F1, "Handelsblatt"), (F1, "N-TV"), (F1, "Golem"), (F4, "Bloomberg")} <= set(zip(cites["file"], cites["source"]))
    figs = {(f, s): json.loads(x) for f, s, x in zip(cites["file"], cites["source"], cites["figures"])}
    assert "Bewertung: 29 Mrd. $" in figs[(F1, "Handelsblatt")]
    assert "Investitionssumme: über 10 Mrd. $" in figs[(F4, "Bloomberg")]
    for c in charts.values():
        assert c.source.startswith("Quelle: ") and c.alt and c.title


# ---------------------------------------------------------------------------
# one quantity in two currencies; nothing compared
# ---------------------------------------------------------------------------
def test_a_progression_in_one_currency_charts_only_that_currency():
    figs = pd.DataFrame([
        sfig("a", "Quarry Group pays $2.5bn.", "$2.5bn", 2.5 * BN, "USD", "deal_amount"),
        sfig("b", "Quarry Group pays $2.5bn.", "$2.5bn", 2.5 * BN, "USD", "deal_amount"),
        sfig("c", "Last year Quarry Group had offered $1.9bn.", "$1.9bn", 1.9 * BN, "USD", "deal_amount"),
        sfig("d", "Quarry Group pays £2bn.", "£2bn", 2 * BN, "GBP", "deal_amount"),
        sfig("e", "Quarry Group pays £2bn.", "£2bn", 2 * BN, "GBP", "deal_amount"),
    ])
    files = list("abcde")
    res = compare_story(figs, arts_for(files), {})
    assert set(findings_of(res, "progression")["unit"]) == {"USD"}
    tables = {"comparison": res.comparison, "evidence": res.evidence, "findings": res.findings,
              "figures": figs, "articles": arts_for(files)}
    names = [n for n, *_ in chart_plan(tables)]
    assert "progression_deal_amount_usd" in names and "dots_deal_amount_gbp" in names
    assert "progression_deal_amount_gbp" not in names


def test_nothing_compared_gives_no_charts_and_clears_old_ones(meta, tmp_path):
    empty = {k: v.iloc[0:0] for k, v in meta.items()}
    assert make_charts(empty) == []
    (tmp_path / "overview.png").write_bytes(b"old run")
    assert save_charts([], tmp_path).empty
    assert not (tmp_path / "overview.png").exists()
    # figures but no evidence rows: nothing to plot except who cites whom
    no_evidence = dict(meta, evidence=meta["evidence"].iloc[0:0])
    assert [c.name for c in make_charts(no_evidence)] == ["citations"]


# ---------------------------------------------------------------------------
# a big folder: the charts of single quantities are capped, the most important first
# ---------------------------------------------------------------------------
def test_a_big_folder_gets_at_most_the_cap_and_says_what_was_left_out():
    from figcheck.charts.plan import chart_selection
    from figcheck.charts.style import QUANTITY_CHARTS
    from figcheck.wording.charts import cap_line, cap_status

    from .support import big_folder_tables

    tables = big_folder_tables()
    sel = chart_selection(tables)
    single = [p for p in sel["plan"] if p[1] in ("dotplot", "progression")]
    assert len(single) == sel["drawn"] == QUANTITY_CHARTS == 12
    assert sel["candidates"] == 17 and len(sel["left_out"]) == 5
    assert single[0] == ("dots_deal_amount", "dotplot", "deal_amount", "USD")      # its outlier ranks first
    assert sel["plan"][0][0] == "overview"
    assert chart_plan(tables) == sel["plan"]
    assert cap_line(sel, "en") == ("12 of the 17 quantities that several outlets report have a chart of their "
                                   "own, the most important first (at most 12 per story); all quantities are in "
                                   "comparison.csv.")
    assert cap_status(sel, "de").startswith("12 der 17 Größen, die mehrere Medien nennen")
    assert [c.name for c in make_charts(tables, "en", chart_selection(tables, cap=2))] == [
        "overview", "dots_deal_amount", "dots_depots_00"]


def test_a_story_under_the_cap_says_every_quantity_has_its_chart(meta):
    from figcheck.charts.plan import chart_selection
    from figcheck.wording.charts import cap_line, cap_status

    sel = chart_selection(meta)
    assert sel["left_out"] == [] and cap_line(sel, "en") == ""
    assert cap_status(sel, "en") == ("Every quantity that several outlets report has a chart of its own "
                                     "(at most 12 per story).")
