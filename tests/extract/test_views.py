"""figcheck.extract.views: what notebook 02 shows (highlighted figures)."""
from figcheck.extract.views import highlight_figures_html

from .support import figs


def test_highlight_escapes_every_piece_of_text():
    text = "<script>alert(1)</script> Meta zahlt 5 Mio. Euro & mehr <b>"
    html = highlight_figures_html(text, figs(text))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; mehr &lt;b&gt;" in html
    assert html.count("<mark") == 1 and "5 Mio. Euro</mark>" not in html.replace("<sub", "</mark><sub")[:0] + html
    evil = [{"start": 0, "end": 8, "value": 1.0, "unit": "<i>", "qualifier": "exact", "quantity": "<q>"}]
    html2 = highlight_figures_html(text, evil)
    assert "<i>" not in html2 and "<q>" not in html2
