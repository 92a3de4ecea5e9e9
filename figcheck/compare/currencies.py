"""Money in several currencies: conversions in brackets are one claim, and a currency that looks wrong.

Amounts in different currencies are never converted or compared with each other: each
currency is its own row of the comparison.
"""
from __future__ import annotations

import re

import pandas as pd

from figcheck.compare.base import number_or_none
from figcheck.compare.records import finding


# ---------------------------------------------------------------------------
# Currency equivalents: "£1.3bn ($2.48bn; 1.88bn euros)" is one claim, converted
# ---------------------------------------------------------------------------
_EQUIV_GAP = re.compile(
    r"\s*[(\[]?\s*(?:(?:or|oder|about|around|roughly|approximately|approx\.|some|nearly|equivalent to|worth|"
    r"rund|etwa|circa|ca\.|umgerechnet|knapp|gut|=|;|:|/|,)\s*)*[(\[]?\s*", re.I)
_EQUIV_MARK = re.compile(r"[(\[;:/=]|\b(?:or|oder|about|around|roughly|approximately|approx|some|nearly|"
                             r"equivalent|worth|rund|etwa|circa|ca|umgerechnet|knapp|gut)\b", re.I)


def _is_money(unit: str) -> bool:
    """Whether a unit is a currency code (ISO 4217), not percent, count, year..."""
    return bool(re.fullmatch(r"[A-Z]{3}", str(unit or "")))


def compare_currency_equivalents(figures: pd.DataFrame) -> dict[str, dict]:
    """{figure_id: the figure it converts} for money figures that restate the previous one in another currency.

    Rule: in the same sentence, a money figure that follows another money figure of a
    different currency, separated only by a bracket, "or"/"oder", "about"/"rund"/"etwa",
    ";", ":", "/" or "=" (and blanks/commas), is the same claim converted: "£1.3bn ($2.48bn;
    1.88bn euros)", "a $900m (£479m) loan", "10 Millionen Euro (rund 11 Millionen Dollar)";
    after a conversion a comma is enough: "$9.4bn (261bn roubles, £4.8bn)".
    A chain of conversions points to its first figure. The whole figures table is read
    (unclassified figures too), since the first figure may carry another label.
    """
    out: dict[str, dict] = {}
    if figures is None or not len(figures) or not {"file", "unit", "start", "end"} <= set(figures.columns):
        return out
    recs = [r for r in figures.to_dict("records") if _is_money(r.get("unit"))
            and number_or_none(r.get("start")) is not None and number_or_none(r.get("end")) is not None]
    recs.sort(key=lambda r: (str(r["file"]), number_or_none(r["start"])))
    for prev, cur in zip(recs, recs[1:]):
        if prev["file"] != cur["file"] or prev["unit"] == cur["unit"]:
            continue
        s0 = number_or_none(cur.get("sentence_start"))
        if s0 is None or s0 != number_or_none(prev.get("sentence_start")):
            continue
        sent = str(cur.get("sentence") or "")
        a, b = int(number_or_none(prev["end"]) - s0), int(number_or_none(cur["start"]) - s0)
        if not (0 <= a <= b <= len(sent)) or b - a > 30:
            continue
        gap = sent[a:b]
        chained = str(prev.get("figure_id", "")) in out and "," in gap  # "(261bn roubles, £4.8bn)"
        if not _EQUIV_GAP.fullmatch(gap) or not (_EQUIV_MARK.search(gap) or chained):
            continue
        root = out.get(str(prev.get("figure_id", "")), prev)
        if root["unit"] == cur["unit"]:
            continue
        out[str(cur.get("figure_id", ""))] = root
    return out


# ---------------------------------------------------------------------------
# Currencies: the same quantity reported in different currencies
# ---------------------------------------------------------------------------
MONEY_NONCODES = {"percent", "percentage_points", "count", "year", "ordinal", "date", "other"}


def compare_currency_findings(results: dict, tolerance: float) -> list[dict]:
    """Quantities reported in more than one currency are never converted or merged; when the
    minority currency's number equals the majority's consensus, the currency itself looks
    wrong: an outlier with error type 'currency'.

    Never a contradiction: the amounts are not compared (conversions in brackets were already
    set aside by compare_currency_equivalents). A quantity simply reported in two currencies is
    two rows of comparison.csv and no finding.
    """
    out = []
    by_q: dict[str, list] = {}
    for (q, u), res in results.items():
        if u not in MONEY_NONCODES and re.fullmatch(r"[A-Z]{3}", u):
            by_q.setdefault(q, []).append((u, res))
    for q, items in sorted(by_q.items()):
        if len(items) < 2:
            continue
        items.sort(key=lambda ur: (-ur[1]["row"]["n_outlets"], ur[0]))
        main_u, main = items[0]
        for u, res in items[1:]:
            lo, hi = main["consensus"]
            same_number = any(c["point"] is not None and lo is not None and
                              lo * (1 - tolerance) <= c["point"] <= (hi or lo) * (1 + tolerance)
                              for c in res["claims"])
            if not same_number:
                continue
            figs = [c["rep"] for c in res["claims"]]
            words = {"template": "currency", "claims": res["claims"], "unit": u, "main_unit": main_u,
                     "main_labels": sorted({c["label"] for c in main["claims"]}), "same_number": True}
            # a suspicion, not evidence: the same number may be a rounded conversion ("$100bn" for CHF 100bn)
            out.append(finding("outlier", q, u, figs + [c["rep"] for c in main["claims"]], "low", 40, words,
                               {"error_type": "currency", "currencies": [main_u, u], "same_number": True},
                               confidence="low"))
    return out
