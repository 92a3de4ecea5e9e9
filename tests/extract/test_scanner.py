"""figcheck.extract.scanner: candidates that are never figures (phone numbers).

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
from .support import figs


def test_us_phone_numbers_are_not_figures():
    assert figs("Call the hotline, (512) 555-0187, or 1-800-555-0199 today.", "en") == []
