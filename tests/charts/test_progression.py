"""figcheck.charts.progression: the data of a quantity that moved, the derived check on it, its title.

Runs on hand-made tables shaped like docs/tables.md (tests/fixtures/charts/, test material): the
default story as the comparison describes it, and an invented English story.
"""
from __future__ import annotations

import json

import pytest

from figcheck.charts.progression import chart_progression


def test_progression_data_and_title(meta):
    _fig, data = chart_progression(meta, "valuation")
    rep = data[data["kind"] == "reported"]
    assert list(rep["value"]) == [14e9, 25e9, 29e9]
    assert list(rep["stage"]) == ["past", "projected", "settled"]
    imp = data[data["kind"] == "implied"].iloc[0]
    assert imp["value"] == pytest.approx(14.3e9 / 0.49, rel=1e-6)
    assert imp["consistent"] is True or imp["consistent"] == True  # noqa: E712
    assert imp["text"] == "14,3 Mrd. $ ÷ 49 % = 29,2 Mrd. $"
    assert imp["checks_step"] == rep.loc[rep["value"] == 29e9, "step"].iloc[0] and imp["step"] == len(rep)
    assert data.attrs["title"] == "Bewertung stieg von 14 auf 29 Mrd. $ – und die Rechnung geht auf"
    assert "berechnet: 14,3 Mrd. $ ÷ 49 % = 29,2 Mrd. $" in data.attrs["alt"]


def test_progression_title_when_the_check_fails(meta):
    findings = meta["findings"].copy()
    i = findings.index[findings["kind"] == "derived_check"][0]
    detail = json.loads(findings.loc[i, "detail"])
    detail.update(consistent=False, reported=35e9)
    findings.loc[i, "detail"] = json.dumps(detail)
    _fig, data = chart_progression(dict(meta, findings=findings), "valuation")
    assert data.attrs["title"] == "Bewertung stieg von 14 auf 29 Mrd. $ – doch die Rechnung ergibt 29,2 Mrd. $"
