"""Helpers shared by the extraction tests.

Plain functions, not fixtures: parametrized and hypothesis tests call them directly (hypothesis
refuses function-scoped fixtures), so the test files import them from here.
"""
import math

from figcheck.extract.figures import extract_figures

INF = math.inf


def figs(text, lang="de", **kw):
    return extract_figures(text, lang, **kw)


def one(text, lang="de", **kw):
    """The only figure in text (fails when there are none or several)."""
    found = figs(text, lang, **kw)
    assert len(found) == 1, [(f["text"], f["value"], f["unit"]) for f in found]
    return found[0]


def fig_at(text, span, lang="de", **kw):
    """The figure whose text contains `span`."""
    found = [f for f in figs(text, lang, **kw) if span in f["text"]]
    assert found, (span, [(f["text"], f["value"]) for f in figs(text, lang, **kw)])
    return found[0]


def close(a, b, rel=1e-9):
    return a == b or (math.isfinite(a) and math.isfinite(b) and abs(a - b) <= rel * max(abs(a), abs(b), 1))


def figure_rows(text, lang):
    """(text, value, unit, quantity) of every figure that is not a date or year."""
    return [(f["text"], f["value"], f["unit"], f["quantity"]) for f in extract_figures(text, lang)
            if f["unit"] not in ("date", "year")]


def figure_with_text(text, lang, span):
    """The figure whose text is `span`."""
    got = [f for f in extract_figures(text, lang) if f["text"] == span]
    assert len(got) == 1, [f["text"] for f in extract_figures(text, lang)]
    return got[0]
