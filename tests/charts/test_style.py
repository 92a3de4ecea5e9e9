"""figcheck.charts.style: the house style — legible at 640 px, money written literally, a plain minus,
the style file's settings.

Runs on hand-made tables shaped like docs/tables.md (tests/fixtures/charts/, test material): the
default story as the comparison describes it, and an invented English story.
"""
from __future__ import annotations

import matplotlib
import pytest

from figcheck.charts.dotplot import chart_dotplot
from figcheck.charts.layout import new_figure
from figcheck.charts.save import chart_bytes
from figcheck.charts.style import CHART_STYLE, chart_style

from .support import all_charts, drawn_texts


def test_legible_at_640_px(charts):
    for _story, c in charts:
        assert c.figure.get_figwidth() * c.figure.dpi == 640
        with chart_style():
            sizes = [t.get_fontsize() for t in drawn_texts(c.figure)]
        assert min(sizes) >= 8, c.name
        assert any(t.get_gid() == "chart-source" and t.get_text().startswith(("Quelle:", "Source:"))
                   for t in c.figure.texts)


def test_money_text_renders_literally(tmp_path):
    with chart_style():
        assert matplotlib.rcParams["text.parse_math"] is False
        fig = new_figure()
        t = fig.text(0.1, 0.5, "$5M to $10M")
        e = fig.text(0.1, 0.3, "€5M to €10M")
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        plain = r.get_text_width_height_descent("$5M to $10M", t.get_fontproperties(), ismath=False)[0]
        assert t.get_window_extent(r).width == pytest.approx(plain, abs=1)
        assert e.get_window_extent(r).width > 0
    svg = chart_bytes(fig, "svg").decode()
    assert "$5M to $10M" in svg and "€5M to €10M" in svg


def test_chart_files_show_dollars_and_euros_literally_and_plain_minus(battery, tmp_path):
    fig, data = chart_dotplot(battery, "price_per_cell")
    assert data.attrs["title"] == "Line cost: only Metro Wire gives a figure, $5m to $10m"
    svg = chart_bytes(fig, "svg").decode()
    assert "$5m to $10m" in svg
    fig, _ = chart_dotplot(battery, "investment")
    svg = chart_bytes(fig, "svg").decode()
    assert "€200 million" in svg and "€2bn" in svg
    for _story, c in all_charts():
        assert "\u2212" not in chart_bytes(c.figure, "svg").decode(), c.name


def test_style_file_is_the_house_style():
    assert CHART_STYLE.is_file()
    with chart_style():
        rc = matplotlib.rcParams
        assert rc["svg.fonttype"] == "none" and rc["svg.hashsalt"] == "newsroom-charts"
        assert rc["axes.unicode_minus"] is False
        assert rc["figure.figsize"][0] == 6.4
        colours = [c["color"].upper() for c in rc["axes.prop_cycle"]]
        assert colours[:3] == ["#0072B2", "#D55E00", "#009E73"]
