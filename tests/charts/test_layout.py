"""figcheck.charts.layout: labels never overlap and stay inside the figure; place_labels moves them apart.

Runs on hand-made tables shaped like docs/tables.md (tests/fixtures/charts/, test material): the
default story as the comparison describes it, and an invented English story.
"""
from __future__ import annotations

from figcheck.charts.layout import new_figure, place_labels
from figcheck.charts.style import chart_style

from .support import drawn_texts


def test_labels_never_overlap_and_stay_inside(charts):
    for story, c in charts:
        fig = c.figure
        with chart_style():
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


def test_place_labels_moves_overlapping_texts_apart():
    with chart_style():
        fig = new_figure()
        ax = fig.add_subplot()
        a = ax.text(0.5, 0.5, "14,3 Mrd. $")
        b = ax.text(0.5, 0.5, "15 Mrd. $")
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        assert a.get_window_extent(r).overlaps(b.get_window_extent(r))
        assert place_labels(fig, [a, b]) >= 1
        assert not a.get_window_extent(r).overlaps(b.get_window_extent(r))
