"""figcheck.extract.multiples: "verdoppelt", "more than double", "threefold", read through extract_figures.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import pytest

from .support import close, figs


@pytest.mark.parametrize("text,lang,value,qualifier", [
    ("Output is expected to more than double by 2030.", "en", 2, "lower"),
    ("The deal means doubling output in the basin.", "en", 2, "exact"),
    ("Profits tripled last year.", "en", 3, "exact"),
    ("The pool is twice as large as planned.", "en", 2, "exact"),
    ("Der Umsatz hat sich fast verdoppelt.", "de", 2, "upper"),
    ("Die Kosten haben sich verdreifacht.", "de", 3, "exact"),
    ("Der Verkehr soll um das Achtfache wachsen.", "de", 8, "exact"),
    ("Das Risiko ist dreifach so hoch.", "de", 3, "exact"),
    ("Revenue grew threefold in a year.", "en", 3, "exact"),
])
def test_multiples(text, lang, value, qualifier):
    f = [f for f in figs(text, lang) if f["unit"] == "other"][0]
    assert close(f["value"], value) and f["qualifier"] == qualifier, f
