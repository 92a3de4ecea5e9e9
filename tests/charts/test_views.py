"""figcheck.charts.views: a chart's title and alt text as Markdown that JupyterLab shows as written
(tests/browser/ checks it in JupyterLab itself: no LaTeX math in notebook 04's outputs)."""
from __future__ import annotations

import re

from figcheck.charts.plan import make_charts
from figcheck.charts.views import escape_markdown


def test_dollar_signs_reach_mathjax_escaped_so_no_math_starts():
    assert escape_markdown("Vier Medien nennen 10 bis 15 Mrd. $, finanzen.ch nur rund 1 Mrd. $") == \
        "Vier Medien nennen 10 bis 15 Mrd. \\\\$, finanzen.ch nur rund 1 Mrd. \\\\$"
    assert escape_markdown("$10bn to $15bn") == "\\\\$10bn to \\\\$15bn"


def test_markdown_syntax_is_escaped_and_plain_text_kept():
    assert escape_markdown("*a* _b_ `c` [d](e) <i>f</i> # | \\") == \
        "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<i\\>f\\</i\\> \\# \\| \\\\"
    plain = "Investitionssumme laut fünf Medien: „rund eine Milliarde US-Dollar“ (1 Mrd. €), 49 %."
    assert escape_markdown(plain) == plain


def test_every_dollar_in_the_default_storys_titles_and_alt_texts_is_escaped(meta):
    for c in make_charts(meta):
        for text in (c.title, c.alt):
            escaped = escape_markdown(text)
            assert escaped.count("\\\\$") == text.count("$"), (c.name, text)
            assert not re.search(r"(?<!\\)\$", escaped), (c.name, text)
