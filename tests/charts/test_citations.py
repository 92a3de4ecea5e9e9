"""figcheck.charts.citations: who cites whom — the data, the title, labels clear of every line.

Runs on hand-made tables shaped like docs/tables.md (tests/fixtures/charts/, test material): the
default story as the comparison describes it, and an invented English story.
"""
from __future__ import annotations

import json

import pytest

from figcheck.charts.citations import chart_citations
from figcheck.wording.charts import edge_label

from ..support import F1, F4


def test_citations_data(meta):
    _fig, data = chart_citations(meta)
    assert set(zip(data["file"], data["source"])) == {(F1, "N-TV"), (F1, "Handelsblatt"), (F1, "Golem"),
                                                      (F4, "Bloomberg")}
    figs = {s: json.loads(f) for s, f in zip(data["source"], data["figures"])}
    assert figs["Handelsblatt"] == ["Bewertung: 29 Mrd. $"]
    assert figs["Bloomberg"] == ["Investitionssumme: über 10 Mrd. $"]
    assert figs["N-TV"] == [] and figs["Golem"] == []
    assert data.attrs["title"] == "Nur zwei von fünf Medien nennen Quellen: N-TV, Handelsblatt, Golem und Bloomberg"
    assert "Ohne Quelle: finanzen.ch, IT BOLTWISE, Artikel 003." in data.attrs["alt"]


def test_citations_shared_source_in_english(battery):
    _fig, data = chart_citations(battery)
    assert data.attrs["title"] == "Daily Ledger and Metro Wire both rely on Reuters"
    assert data.attrs["alt"].startswith("Network diagram of outlets (left) and the sources they cite (right), "
                                        "where Daily Ledger and Metro Wire")


@pytest.mark.parametrize("story", ["meta", "battery"])
def test_citation_labels_sit_on_their_own_straight_stretch_clear_of_every_line(story, request):
    fig, data = chart_citations(request.getfixturevalue(story))
    fig.canvas.draw()
    ax = fig.axes[0]
    shown = [t for t in ax.texts if t.get_text() in {edge_label(json.loads(f)) for f in data["figures"]}]
    assert len(shown) == int((data["n_figures"] > 0).sum()) > 0
    links = [ln for ln in ax.lines if len(ln.get_xdata()) == 4]
    assert len(links) == len(data)
    for t in shown:
        box = t.get_window_extent()
        assert all(ln.get_ydata()[1] == ln.get_ydata()[2] for ln in links)   # straight middle stretches
        gaps = [box.y0 - ax.transData.transform((0.5, ln.get_ydata()[1]))[1] for ln in links]
        assert min(g for g in gaps if g > 0) < 10              # the label sits just above its own stretch
        for ln in links:                                       # no line passes through the label
            xy = ax.transData.transform(list(zip(ln.get_xdata(), ln.get_ydata())))
            for (x0, y0), (x1, y1) in zip(xy[:-1], xy[1:]):
                for k in range(101):
                    x, y = x0 + (x1 - x0) * k / 100, y0 + (y1 - y0) * k / 100
                    assert not (box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1), t.get_text()


def test_who_cites_whom_in_a_big_folder_keeps_25_links_and_leaves_out_articles_off_story():
    from .support import big_folder_tables

    tables = big_folder_tables(n_quantities=1, n_outlets=30)
    tables["articles"] = tables["articles"].assign(cites='["Bloomberg"]')
    _fig, data = chart_citations(tables, "en")
    assert len(data) == 25
    assert data.attrs["subtitle"].endswith("; 25 of 30 links shown, those that carry a figure first")
    assert data.attrs["source"].endswith("and 18 more; analysis of the articles")
    off = tables["articles"]["file"].iloc[:10]
    tables = dict(tables, articles=tables["articles"].assign(
        off_story=["no_ties" if f in set(off) else "" for f in tables["articles"]["file"]]))
    _fig, data = chart_citations(tables, "en")
    assert len(data) == 20 and not set(off) & set(data["file"])
