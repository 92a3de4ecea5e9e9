"""figcheck.charts.dotplot: the dot plot's data, its title and alt text from the findings, and
which evidence it plots.

Runs on hand-made tables shaped like docs/tables.md (tests/fixtures/charts/, test material): the
default story as the comparison describes it, and an invented English story.
"""
from __future__ import annotations

import json

import matplotlib
import pandas as pd

from figcheck.charts.dotplot import chart_dotplot, chart_evidence
from figcheck.compare.story import compare_story

from ..support import BN, CONVERTED, F0, F1, F2, F3, F4, arts_for, sfig


def test_dotplot_data_default_story(meta):
    fig, data = chart_dotplot(meta, "deal_amount")
    assert isinstance(fig, matplotlib.figure.Figure)
    assert set(data["file"]) == {F0, F1, F2, F3, F4}
    assert len(data) == 5                      # IT BOLTWISE's repeated "15 Milliarden Dollar" counts once
    by_file = data.set_index("file")
    assert by_file.loc[F1, "value"] == 14.3e9
    assert by_file.loc[F4, "mark"] == "arrow_right"      # "über 10 Milliarden"
    assert by_file.loc[F3, "mark"] == "arrow_left"       # "nahezu 15 Milliarden"
    assert by_file.loc[F0, "mark"] == "band"             # "rund eine Milliarde"
    assert list(data.loc[data["highlight"] == "outlier", "file"]) == [F0]
    assert by_file.loc[F0, "label"].startswith("„rund eine Milliarde US-Dollar“")
    assert "14- bis 15-mal weniger" in by_file.loc[F0, "label"]
    assert (data["consensus_low"] == 14.3e9).all() and (data["consensus_high"] == 15e9).all()
    assert data["outlet"].iloc[-1] == "finanzen.ch"       # lowest figure at the bottom
    # the outlier is labelled in the figure with its quote
    assert any(t.get_text().startswith("„rund eine Milliarde") for t in fig.axes[0].texts)


def test_dotplot_title_and_alt_follow_the_findings(meta):
    _fig, data = chart_dotplot(meta, "deal_amount")
    assert data.attrs["title"] == "Vier Medien nennen 10 bis 15 Mrd. $, finanzen.ch nur rund 1 Mrd. $"
    assert data.attrs["alt"].startswith("Punktdiagramm: Investitionssumme laut fünf Medien, wo sich zeigt: Vier Medien")
    assert "finanzen.ch: „rund eine Milliarde US-Dollar“ (1 Mrd. $)" in data.attrs["alt"]
    assert data.attrs["source"] == ("Quelle: finanzen.ch, Artikel 001, IT BOLTWISE, Artikel 003, Artikel 004; "
                                    "eigene Auswertung der Artikel")
    _fig, en = chart_dotplot(meta, "deal_amount", language="en")
    assert en.attrs["title"] == "Four outlets report $10bn to $15bn, finanzen.ch only about $1bn"
    assert en.attrs["alt"].startswith("Dot plot of the investitionssumme reported by five outlets, where four outlets")


def test_changing_a_finding_changes_the_title(meta):
    # the outlier is now IT BOLTWISE: the title names it, and finanzen.ch joins the others
    findings = meta["findings"].copy()
    i = findings.index[findings["kind"] == "outlier"][0]
    findings.loc[i, "files"] = json.dumps([F2])
    findings.loc[i, "values"] = json.dumps([15e9])
    _fig, data = chart_dotplot(dict(meta, findings=findings), "deal_amount")
    assert data.attrs["title"] == "Vier Medien nennen 1 bis 15 Mrd. $, IT BOLTWISE sogar 15 Mrd. $"
    # no outlier at all: the status decides (contested)
    no_outlier = dict(meta, findings=findings[findings["kind"] != "outlier"])
    _fig, data = chart_dotplot(no_outlier, "deal_amount")
    assert data.attrs["title"] == "Investitionssumme: Die Medien widersprechen sich, 1 bis 15 Mrd. $"
    assert not (data["highlight"] == "outlier").any()
    # agreed quantity: consensus from the comparison
    _fig, data = chart_dotplot(meta, "stake")
    assert data.attrs["title"] == "Anteil: Drei Medien sind sich einig, 49 bis 50 %"


def test_conversion_evidence_is_not_plotted():
    other = "Quarry Group will pay £1.3bn for the mill."
    figs = pd.DataFrame([sfig("a", CONVERTED, "£1.3bn", 1.3 * BN, "GBP", "deal_amount"),
                         sfig("a", CONVERTED, "$2.48bn", 2.48 * BN, "USD", "deal_amount"),
                         sfig("b", other, "£1.3bn", 1.3 * BN, "GBP", "deal_amount")])
    res = compare_story(figs, arts_for(["a", "b"]), {})
    tables = {"comparison": res.comparison, "evidence": res.evidence, "findings": res.findings,
              "figures": figs, "articles": arts_for(["a", "b"])}
    assert chart_evidence(tables, "deal_amount", "USD") == []


def test_a_dot_plot_of_many_outlets_keeps_the_most_telling_rows_and_says_so():
    """30 outlets, one of them reporting a tenth: 25 rows drawn, the outlier among them, the title and
    the alt text about all 30."""
    from figcheck.charts.dotplot import dotplot_data

    from .support import big_folder_tables

    tables = big_folder_tables(n_quantities=1, n_outlets=30)
    data = dotplot_data(tables, "deal_amount", "USD", "en")
    assert len(data) == 25 and data.attrs["rows_total"] == 30 and data.attrs["outlets_total"] == 30
    assert "Outlet 29" in set(data["outlet"])                   # the outlier is always kept
    fig, drawn = chart_dotplot(tables, "deal_amount", "USD", "en")
    assert drawn.attrs["subtitle"].endswith("; 25 of 30 outlets shown, half of them those that contradict")
    assert drawn.attrs["title"] == "29 outlets report $2.5bn, Outlet 29 only $250m"    # all rows, not those drawn
    assert drawn.attrs["alt"].startswith("Dot plot of the deal amount reported by 30 outlets")
    assert "Outlet 29" in drawn.attrs["alt"]
    few = dotplot_data(tables, "deal_amount", "USD", "en", rows=50)
    assert len(few) == 30 and "shown" not in chart_dotplot(load_meta(), "stake", None, "en")[1].attrs["subtitle"]


def load_meta():
    from ..support import load
    return load("meta-scale-ai")


def test_deviating_rows_take_at_most_half_of_a_capped_dot_plot():
    from figcheck.charts.dotplot import shown_rows

    rows = [{"file": f"{i:03d}.txt", "outlet": f"O{i:03d}", "value": float(i), "verdict": v, "highlight": h}
            for i, (v, h) in enumerate([("contradicts", "outlier")] * 20 + [("agrees", "")] * 20)]
    kept = shown_rows(pd.DataFrame(rows), 10)
    assert len(kept) == 10 and (kept["highlight"] == "outlier").sum() == 5
    assert kept.attrs == {"rows_total": 40, "outlets_total": 40}
    few_agree = pd.DataFrame(rows[:20] + rows[20:22])
    assert (shown_rows(few_agree, 10)["verdict"] == "agrees").sum() == 2     # the rest go to the outliers
