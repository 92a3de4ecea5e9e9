"""Charts (notebook 04): the data behind each chart, titles and alt text from the findings,
literal money text, labels that do not overlap, byte-identical files on a re-run.

Runs on hand-made tables shaped like docs/tables.md (tests/fixtures/charts/, test material):
the default story as the comparison describes it, and an invented English story.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from matplotlib.text import Text

import helpers

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "charts"
F0, F1, F2, F3, F4 = ("000_c4e7b7921a2cde72.txt", "001_6b933f934256e5b5.txt", "002_063d8c8ae8a83d5a.txt",
                      "003_f8a4403dadf464df.txt", "004_735e3cab86f0cf67.txt")


def load(story: str) -> dict:
    return {n: helpers.read_table(FIXTURES / story / f"{n}.csv") for n in helpers.CHART_TABLES}


@pytest.fixture()
def meta():
    return load("meta-scale-ai")


@pytest.fixture()
def battery():
    return load("en-battery-plant")


# ---------------------------------------------------------------------------
# numbers the way the story's language writes them
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("value, unit, lang, expected", [
    (14.3e9, "USD", "de", "14,3 Mrd. $"), (1e9, "USD", "de", "1 Mrd. $"), (49, "percent", "de", "49 %"),
    (14.3e9, "USD", "en", "$14.3bn"), (1e9, "USD", "en", "$1bn"), (49, "percent", "en", "49%"),
    (2.5e9, "EUR", "de", "2,5 Mrd. €"), (2e8, "EUR", "en", "€200m"), (3e6, "GBP", "en", "£3m"),
    (14.3e9, "CHF", "de", "14,3 Mrd. CHF"), (14.3e9, "CHF", "en", "CHF 14.3bn"), (5e6, "USD", "de", "5 Mio. $"),
    (29183673469.39, "USD", "de", "29,2 Mrd. $"), (12000, "count", "de", "12.000"), (1200, "count", "de", "1200"),
    (1200, "count", "en", "1,200"), (1.2e6, "count", "en", "1.2m"), (2014, "year", "de", "2014"),
    (2, "ordinal", "en", "2nd"), (2, "ordinal", "de", "2."), (-3.5, "percentage_points", "en", "-3.5 points"),
    (-2e9, "USD", "en", "-$2bn"), (float("nan"), "USD", "en", ""), (None, "USD", "de", ""),
])
def test_format_amount(value, unit, lang, expected):
    assert helpers.format_amount(value, unit, lang) == expected


def test_format_range_shares_the_unit_in_german():
    assert helpers.format_range(10e9, 15e9, "USD", "de") == "10 bis 15 Mrd. $"
    assert helpers.format_range(10e9, 15e9, "USD", "en") == "$10bn to $15bn"
    assert helpers.format_range(2e9, 2e9, "EUR", "en") == "€2bn"


def test_language_auto_is_the_articles_majority(meta, battery):
    assert helpers.story_language(meta["articles"], "auto") == "de"
    assert helpers.story_language(battery["articles"], "auto") == "en"
    assert helpers.story_language(meta["articles"], "en") == "en"


# ---------------------------------------------------------------------------
# chart 1: the dot plot
# ---------------------------------------------------------------------------
def test_dotplot_data_default_story(meta):
    fig, data = helpers.chart_dotplot(meta, "deal_amount")
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
    _fig, data = helpers.chart_dotplot(meta, "deal_amount")
    assert data.attrs["title"] == "Vier Medien nennen 10 bis 15 Mrd. $, finanzen.ch nur rund 1 Mrd. $"
    assert data.attrs["alt"].startswith("Punktdiagramm: Investitionssumme laut fünf Medien, wo sich zeigt: Vier Medien")
    assert "finanzen.ch: „rund eine Milliarde US-Dollar“ (1 Mrd. $)" in data.attrs["alt"]
    assert data.attrs["source"] == ("Quelle: finanzen.ch, Artikel 001, IT BOLTWISE, Artikel 003, Artikel 004; "
                                    "eigene Auswertung der Artikel")
    _fig, en = helpers.chart_dotplot(meta, "deal_amount", language="en")
    assert en.attrs["title"] == "Four outlets report $10bn to $15bn, finanzen.ch only about $1bn"
    assert en.attrs["alt"].startswith("Dot plot of the investitionssumme reported by five outlets, where four outlets")


def test_changing_a_finding_changes_the_title(meta):
    # the outlier is now IT BOLTWISE: the title names it, and finanzen.ch joins the others
    findings = meta["findings"].copy()
    i = findings.index[findings["kind"] == "outlier"][0]
    findings.loc[i, "files"] = json.dumps([F2])
    findings.loc[i, "values"] = json.dumps([15e9])
    _fig, data = helpers.chart_dotplot(dict(meta, findings=findings), "deal_amount")
    assert data.attrs["title"] == "Vier Medien nennen 1 bis 15 Mrd. $, IT BOLTWISE sogar 15 Mrd. $"
    # no outlier at all: the status decides (contested)
    no_outlier = dict(meta, findings=findings[findings["kind"] != "outlier"])
    _fig, data = helpers.chart_dotplot(no_outlier, "deal_amount")
    assert data.attrs["title"] == "Investitionssumme: Die Medien widersprechen sich, 1 bis 15 Mrd. $"
    assert not (data["highlight"] == "outlier").any()
    # agreed quantity: consensus from the comparison
    _fig, data = helpers.chart_dotplot(meta, "stake")
    assert data.attrs["title"] == "Anteil: Drei Medien sind sich einig, 49 bis 50 %"


# ---------------------------------------------------------------------------
# chart 2: progression with the derived check
# ---------------------------------------------------------------------------
def test_progression_data_and_title(meta):
    _fig, data = helpers.chart_progression(meta, "valuation")
    rep = data[data["kind"] == "reported"]
    assert list(rep["value"]) == [14e9, 25e9, 29e9]
    assert list(rep["stage"]) == ["past", "projected", "settled"]
    imp = data[data["kind"] == "implied"].iloc[0]
    assert imp["value"] == pytest.approx(14.3e9 / 0.49, rel=1e-6)
    assert imp["consistent"] is True or imp["consistent"] == True  # noqa: E712
    assert imp["text"] == "14,3 Mrd. $ ÷ 49 % = 29,2 Mrd. $"
    assert imp["checks_step"] == rep.loc[rep["value"] == 29e9, "step"].iloc[0] and imp["step"] == len(rep)
    assert data.attrs["title"] == "Bewertung stieg von 14 auf 29 Mrd. $ – und die Rechnung geht auf"
    assert "berechnet: 14,3 Mrd. $ ÷ 49 % = 29,2 Mrd. $" in data.attrs["alt"]


def test_progression_title_when_the_check_fails(meta):
    findings = meta["findings"].copy()
    i = findings.index[findings["kind"] == "derived_check"][0]
    detail = json.loads(findings.loc[i, "detail"])
    detail.update(consistent=False, reported=35e9)
    findings.loc[i, "detail"] = json.dumps(detail)
    _fig, data = helpers.chart_progression(dict(meta, findings=findings), "valuation")
    assert data.attrs["title"] == "Bewertung stieg von 14 auf 29 Mrd. $ – doch die Rechnung ergibt 29,2 Mrd. $"


# ---------------------------------------------------------------------------
# chart 3: who cites whom; chart 4: overview
# ---------------------------------------------------------------------------
def test_citations_data(meta):
    _fig, data = helpers.chart_citations(meta)
    assert set(zip(data["file"], data["source"])) == {(F1, "N-TV"), (F1, "Handelsblatt"), (F1, "Golem"),
                                                      (F4, "Bloomberg")}
    figs = {s: json.loads(f) for s, f in zip(data["source"], data["figures"])}
    assert figs["Handelsblatt"] == ["Bewertung: 29 Mrd. $"]
    assert figs["Bloomberg"] == ["Investitionssumme: über 10 Mrd. $"]
    assert figs["N-TV"] == [] and figs["Golem"] == []
    assert data.attrs["title"] == "Nur zwei von fünf Medien nennen Quellen: N-TV, Handelsblatt, Golem und Bloomberg"
    assert "Ohne Quelle: finanzen.ch, IT BOLTWISE, Artikel 003." in data.attrs["alt"]


def test_citations_shared_source_in_english(battery):
    _fig, data = helpers.chart_citations(battery)
    assert data.attrs["title"] == "Daily Ledger and Metro Wire both rely on Reuters"
    assert data.attrs["alt"].startswith("Network diagram of outlets (left) and the sources they cite (right), "
                                        "where Daily Ledger and Metro Wire")


@pytest.mark.parametrize("story", ["meta", "battery"])
def test_citation_labels_sit_on_their_own_straight_stretch_clear_of_every_line(story, request):
    fig, data = helpers.chart_citations(request.getfixturevalue(story))
    fig.canvas.draw()
    ax = fig.axes[0]
    shown = [t for t in ax.texts if t.get_text() in {helpers.edge_label(json.loads(f)) for f in data["figures"]}]
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


def test_overview(meta):
    _fig, data = helpers.chart_overview(meta)
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
    _fig, data = helpers.chart_overview(dict(meta, evidence=ev, comparison=comp))
    assert data.attrs["title"] == "Einig bei Anteil; Bewertung sank"
    _fig, data = helpers.chart_overview(dict(meta, evidence=ev, comparison=comp), "en")
    assert data.attrs["title"].startswith("Outlets agree on the ") and data.attrs["title"].endswith(" fell")
    assert "; the " in data.attrs["alt"] and " fell. " in data.attrs["alt"]


# ---------------------------------------------------------------------------
# an English story of our own with other quantities: no code change
# ---------------------------------------------------------------------------
def test_english_story_gets_sensible_charts(battery):
    charts = helpers.make_charts(battery)
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


def test_default_story_plan(meta):
    assert [n for n, *_ in helpers.chart_plan(meta)] == ["overview", "dots_deal_amount", "progression_valuation",
                                                          "dots_stake", "citations"]


# ---------------------------------------------------------------------------
# house style: literal money, no U+2212, no overlapping labels, legible
# ---------------------------------------------------------------------------
def drawn_texts(fig) -> list[Text]:
    """Every text the figure draws: figure texts, axes texts, visible tick labels, legend texts."""
    fig.canvas.draw()
    texts = list(fig.texts)
    for leg in fig.legends:
        texts += leg.get_texts()
    for ax in fig.axes:
        texts += ax.texts
        if ax.get_legend():
            texts += ax.get_legend().get_texts()
        if not ax.axison:
            continue
        for axis, lim in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            lo, hi = sorted(lim)
            for loc, tick in zip(axis.get_majorticklocs(), axis.get_major_ticks()):
                if lo - 1e-9 <= loc <= hi + 1e-9:
                    texts.append(tick.label1)
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


def long_names(tables: dict) -> dict:
    """The English story with long outlet names, to stress labels and margins."""
    long = {o: f"The {o} Evening Chronicle Online Edition" for o in tables["articles"]["outlet"]}
    out = {k: v.copy() for k, v in tables.items()}
    for name in ("articles", "evidence", "figures"):
        out[name]["outlet"] = out[name]["outlet"].map(lambda o: long.get(o, o))
    return out


def all_charts():
    stories = [("meta-scale-ai", load("meta-scale-ai")), ("en-battery-plant", load("en-battery-plant")),
               ("long-names", long_names(load("en-battery-plant")))]
    return [(story, c) for story, tables in stories for c in helpers.make_charts(tables)]


@pytest.fixture(scope="module")
def charts():
    return all_charts()


def test_labels_never_overlap_and_stay_inside(charts):
    for story, c in charts:
        fig = c.figure
        with helpers.chart_style():
            texts = drawn_texts(fig)
            renderer = fig.canvas.get_renderer()
            boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
        page = fig.bbox
        for i, (a, ba) in enumerate(boxes):
            assert ba.x0 >= page.x0 - 0.5 and ba.x1 <= page.x1 + 0.5 and ba.y0 >= -0.5 and ba.y1 <= page.y1 + 0.5, \
                (story, c.name, a)
            for b, bb in boxes[i + 1:]:
                w = min(ba.x1, bb.x1) - max(ba.x0, bb.x0)
                h = min(ba.y1, bb.y1) - max(ba.y0, bb.y0)
                assert w <= 0.5 or h <= 0.5, (story, c.name, a, b)


def test_legible_at_640_px(charts):
    for _story, c in charts:
        assert c.figure.get_figwidth() * c.figure.dpi == 640
        with helpers.chart_style():
            sizes = [t.get_fontsize() for t in drawn_texts(c.figure)]
        assert min(sizes) >= 8, c.name
        assert any(t.get_gid() == "chart-source" and t.get_text().startswith(("Quelle:", "Source:"))
                   for t in c.figure.texts)


def test_place_labels_moves_overlapping_texts_apart():
    with helpers.chart_style():
        fig = helpers.new_figure()
        ax = fig.add_subplot()
        a = ax.text(0.5, 0.5, "14,3 Mrd. $")
        b = ax.text(0.5, 0.5, "15 Mrd. $")
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        assert a.get_window_extent(r).overlaps(b.get_window_extent(r))
        assert helpers.place_labels(fig, [a, b]) >= 1
        assert not a.get_window_extent(r).overlaps(b.get_window_extent(r))


def test_money_text_renders_literally(tmp_path):
    with helpers.chart_style():
        assert matplotlib.rcParams["text.parse_math"] is False
        fig = helpers.new_figure()
        t = fig.text(0.1, 0.5, "$5M to $10M")
        e = fig.text(0.1, 0.3, "€5M to €10M")
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        plain = r.get_text_width_height_descent("$5M to $10M", t.get_fontproperties(), ismath=False)[0]
        assert t.get_window_extent(r).width == pytest.approx(plain, abs=1)
        assert e.get_window_extent(r).width > 0
    svg = helpers.chart_bytes(fig, "svg").decode()
    assert "$5M to $10M" in svg and "€5M to €10M" in svg


def test_chart_files_show_dollars_and_euros_literally_and_plain_minus(battery, tmp_path):
    fig, data = helpers.chart_dotplot(battery, "price_per_cell")
    assert data.attrs["title"] == "Line cost: only Metro Wire gives a figure, $5m to $10m"
    svg = helpers.chart_bytes(fig, "svg").decode()
    assert "$5m to $10m" in svg
    fig, _ = helpers.chart_dotplot(battery, "investment")
    svg = helpers.chart_bytes(fig, "svg").decode()
    assert "€200 million" in svg and "€2bn" in svg
    for _story, c in all_charts():
        assert "\u2212" not in helpers.chart_bytes(c.figure, "svg").decode(), c.name


# ---------------------------------------------------------------------------
# files: four per chart, atomic, byte-identical on a re-run
# ---------------------------------------------------------------------------
def test_save_writes_png_svg_alt_and_data(meta, tmp_path):
    charts = helpers.make_charts(meta)
    (tmp_path / "dots_old_quantity.png").write_bytes(b"stale")
    table = helpers.save_charts(charts, tmp_path)
    assert list(table["name"]) == [c.name for c in charts]
    for c in charts:
        for ext in ("png", "svg", "txt", "csv"):
            assert (tmp_path / f"{c.name}.{ext}").stat().st_size > 0
        assert (tmp_path / f"{c.name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert (tmp_path / f"{c.name}.txt").read_text(encoding="utf-8") == c.alt + "\n"
        back = helpers.read_table(tmp_path / f"{c.name}.csv")
        assert len(back) == len(c.data) and list(back.columns) == list(c.data.columns)
    assert not (tmp_path / "dots_old_quantity.png").exists()
    assert not list(tmp_path.glob(".*.tmp"))
    dots = helpers.read_table(tmp_path / "dots_deal_amount.csv")
    assert dots.loc[dots["highlight"] == "outlier", "outlet"].tolist() == ["finanzen.ch"]


def test_second_render_gives_identical_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):                       # two independent renders from the tables
        for story in ("meta-scale-ai", "en-battery-plant"):
            helpers.save_charts(helpers.make_charts(load(story)), out / story)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert len(files) == 4 * 10
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    svg = (a / "meta-scale-ai" / "overview.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_style_file_is_the_house_style():
    assert helpers.CHART_STYLE.is_file()
    with helpers.chart_style():
        rc = matplotlib.rcParams
        assert rc["svg.fonttype"] == "none" and rc["svg.hashsalt"] == "newsroom-charts"
        assert rc["axes.unicode_minus"] is False
        assert rc["figure.figsize"][0] == 6.4
        colours = [c["color"].upper() for c in rc["axes.prop_cycle"]]
        assert colours[:3] == ["#0072B2", "#D55E00", "#009E73"]


# ---------------------------------------------------------------------------
# the real shape: charts from notebook 03's comparison of the default story
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    """The default story's hand-transcribed figures, compared by helpers.compare_story, via CSV files."""
    import importlib.util
    build_py = Path(__file__).resolve().parent / "fixtures" / "compare" / "build.py"
    if not build_py.exists() or not hasattr(helpers, "compare_story"):
        pytest.skip("the comparison section or its fixture is not there")
    spec = importlib.util.spec_from_file_location("compare_fixture_build", build_py)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    figures, articles = build.default_story()
    out = tmp_path_factory.mktemp("compared")
    helpers.write_comparison(helpers.compare_story(figures, articles, {}), out)
    helpers.write_csv_atomic(articles, out / "articles.csv")
    helpers.write_csv_atomic(figures, out / "figures.csv")
    return {n: helpers.read_table(out / f"{n}.csv") for n in helpers.CHART_TABLES}


def test_charts_from_the_real_comparison(compared):
    charts = {c.name: c for c in helpers.make_charts(compared)}
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


def test_separate_processes_give_identical_bytes(tmp_path):
    """A re-run is a new process (new hash seed): the files must still be byte-identical."""
    import hashlib
    import os
    import subprocess
    import sys
    script = (
        "import sys, hashlib; import helpers\n"
        "from pathlib import Path\n"
        "d = Path(sys.argv[1])\n"
        "tables = {n: helpers.read_table(d / f'{n}.csv') for n in helpers.CHART_TABLES}\n"
        "for c in helpers.make_charts(tables):\n"
        "    for fmt in ('png', 'svg'):\n"
        "        print(c.name, fmt, hashlib.sha256(helpers.chart_bytes(c.figure, fmt)).hexdigest())\n")
    outs = []
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-c", script, str(FIXTURES / "meta-scale-ai")],
                              capture_output=True, text=True, env=env, timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        outs.append(proc.stdout)
    assert outs[0] == outs[1] and outs[0].count("\n") == 10


def test_nothing_compared_gives_no_charts_and_clears_old_ones(meta, tmp_path):
    empty = {k: v.iloc[0:0] for k, v in meta.items()}
    assert helpers.make_charts(empty) == []
    (tmp_path / "overview.png").write_bytes(b"old run")
    assert helpers.save_charts([], tmp_path).empty
    assert not (tmp_path / "overview.png").exists()
    # figures but no evidence rows: nothing to plot except who cites whom
    no_evidence = dict(meta, evidence=meta["evidence"].iloc[0:0])
    assert [c.name for c in helpers.make_charts(no_evidence)] == ["citations"]
