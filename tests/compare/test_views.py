"""figcheck.compare.views: what notebook 03 shows."""
from __future__ import annotations

from figcheck.compare.views import compare_findings_text


def test_findings_text_is_plain(default):
    text = compare_findings_text(default.findings)
    assert text.splitlines()[0].startswith(" 1. [high] outlier · deal_amount")
