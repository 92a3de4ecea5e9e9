"""figcheck.extract.scanner: candidates that are never figures (phone numbers), dates that end where their day
ends, splits, fiscal years and compounds read whole.

Every sentence here is written for these tests (German and English); none is taken from a corpus.
"""
import pytest

from .support import figs


def test_us_phone_numbers_are_not_figures():
    assert figs("Call the hotline, (512) 555-0187, or 1-800-555-0199 today.", "en") == []


# --- dates with a day are dates, and they end where the day ends -------------------------------------------
@pytest.mark.parametrize("text,lang,value", [
    ("The reference day was Oct. 5, before the talks.", "en", 1005),
    ("Posted Mar 10, 2024 09:15 AM", "en", 20240310),
    ("Published Sept 3, 2022 by the desk", "en", 20220903),
])
def test_dates_with_a_day(text, lang, value):
    assert [(f["value"], f["unit"]) for f in figs(text, lang) if f["unit"] == "date"] == [(value, "date")]
    assert [f for f in figs(text, lang) if f["unit"] != "date"] == []


def test_a_date_does_not_swallow_the_next_number():
    text = "Der Bund verkaufte am 11. September 4,5 Prozent der Aktien."
    got = [(f["text"], f["value"], f["unit"]) for f in figs(text)]
    assert got == [("11. September", 911, "date"), ("4,5 Prozent", 4.5, "percent")]
    got = [(f["value"], f["unit"]) for f in figs("The state sold on September 4,5 percent of the bank.", "en")]
    assert (4, "date") not in got


def test_month_abbreviation_without_year_is_no_date():
    assert [f["unit"] for f in figs("Der Mar 10 Bericht kam spät.")] != ["date"]


# --- splits, fiscal years and decades are read whole --------------------------------------------------------
@pytest.mark.parametrize("text,lang,expected", [
    ("Ziel ist ein 50/50-Joint-Venture.", "de", [(50, "percent")]),
    ("Ziel ist ein 50:50-Joint-Venture.", "de", [(50, "percent")]),
    ("The partners agreed a 60:40 split of the profits.", "en", [(60, "percent"), (40, "percent")]),
    ("Der Zug fährt um 20:45 Uhr ab.", "de", []),
    ("Das Spiel endete 2:1 für die Gäste.", "de", []),
    ("Das Ziel gilt für das Geschäftsjahr 2024/25.", "de", [(2025, "year")]),
])
def test_splits_and_fiscal_years(text, lang, expected):
    assert [(f["value"], f["unit"]) for f in figs(text, lang)] == expected


def test_the_word_before_a_scale_word_begins_the_figure():
    assert [(f["text"], f["unit"]) for f in figs("Ein Vier-Milliarden-Dollar-Deal kam zustande.")] == [
        ("Vier-Milliarden-Dollar", "USD")]
    assert [f["text"] for f in figs("Die Stadt bekommt zwei Milliarden Euro.")] == ["zwei Milliarden Euro"]
