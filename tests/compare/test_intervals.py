"""figcheck.compare.intervals: the values a figure's wording allows (exact, "rund", "über",
"bis zu", a range, a vague "Milliarden").
"""
from __future__ import annotations

import math

import pytest

from figcheck.compare.intervals import compare_figure_interval, compare_is_pointlike, compare_vague_bounds

from ..support import BN


def test_exact_interval_is_widened_by_half_the_tolerance_each_side():
    raw_lo, raw_hi, lo, hi = compare_figure_interval(14.3 * BN, 14.3 * BN, 14.3 * BN, "exact", "", 0.05)
    assert (raw_lo, raw_hi) == (14.3 * BN, 14.3 * BN)
    assert lo == pytest.approx(14.3 * BN * 0.975) and hi == pytest.approx(14.3 * BN * 1.025)


def test_two_exact_figures_agree_only_within_about_the_tolerance():
    """14.3 and 15 billion are 4.7 % apart: they agree; 75 and 81 billion (7.4 %) do not."""
    def meet(a, b):
        _, _, lo1, hi1 = compare_figure_interval(a, a, a, "exact", "", 0.05)
        _, _, lo2, hi2 = compare_figure_interval(b, b, b, "exact", "", 0.05)
        return lo1 <= hi2 and lo2 <= hi1
    assert meet(14.3 * BN, 15 * BN)
    assert not meet(75 * BN, 81 * BN)


def test_lower_bound_is_open_upwards():
    raw_lo, raw_hi, _lo, hi = compare_figure_interval(10 * BN, 10 * BN, None, "lower", "über 10 Milliarden")
    assert raw_lo == 10 * BN and math.isinf(raw_hi) and math.isinf(hi)


def test_close_hedge_is_near_its_bound_but_up_to_is_not():
    fast = compare_figure_interval(50, None, 50, "upper", "fast die Hälfte")
    bis = compare_figure_interval(65 * BN, None, 65 * BN, "upper", "bis zu 65 Milliarden Dollar")
    assert 40 <= fast[0] < 49 and fast[1] == 50
    assert bis[0] == 0.0 and bis[1] == 65 * BN


def test_approx_without_bounds_allows_ten_percent():
    raw_lo, raw_hi, _, _ = compare_figure_interval(1 * BN, None, None, "approx", "rund eine Milliarde")
    assert raw_lo == pytest.approx(0.9 * BN) and raw_hi == pytest.approx(1.1 * BN)


@pytest.mark.parametrize("text,language,low", [
    ("Meta investiert Milliarden", "de", 2e9),          # standalone plural: at least two
    ("eine Milliardensumme", "de", 1e9),                # compound: at least one
    ("milliardenschweren Unternehmen", "de", 1e9),
    ("Hunderttausenden Crowdworkern", "de", 2e5),
    ("Acme invests billions", "en", 2e9),
    ("a multibillion deal", "en", 1e9),
    ("hundreds of thousands of users", "en", 1e5),
])
def test_vague_amounts_take_their_floor_from_the_scale_word(text, language, low):
    got_low, got_high = compare_vague_bounds(text, language)
    assert got_low == low and got_high > got_low


def test_vague_plural_overrides_a_floor_of_one_but_keeps_higher_floors():
    assert compare_figure_interval(None, 1e9, None, "vague", "Milliarden", 0.05, "de")[0] == 2e9
    assert compare_figure_interval(None, 5e9, None, "vague", "Milliarden", 0.05, "de")[0] == 5e9


def test_figure_without_numbers_is_unbounded():
    raw_lo, raw_hi, _, _ = compare_figure_interval(None, None, None, "exact", "")
    assert math.isinf(raw_lo) and math.isinf(raw_hi)


def test_pointlike_includes_close_hedges_only():
    assert compare_is_pointlike({"qualifier": "upper", "text": "nahezu 15 Milliarden Dollar"})
    assert not compare_is_pointlike({"qualifier": "upper", "text": "bis zu 65 Milliarden Dollar"})
    assert not compare_is_pointlike({"qualifier": "lower", "text": "über 10 Milliarden"})
    assert compare_is_pointlike({"qualifier": "approx", "text": "rund 1"})
