"""The whole comparison of a story: from figures.csv and articles.csv to the three tables.

`compare_story` prepares the figures, sets conversions and changes aside, compares each
(quantity, unit) group, adds the currency, derived and attribution findings, then has the
findings, reasons and labels worded in the story's language and ranks the findings.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd

from figcheck.common.files import write_csv_atomic
from figcheck.common.language import story_language
from figcheck.common.params import default_params
from figcheck.common.tables import read_table
from figcheck.compare.base import (
    COMPARISON_COLUMNS, ComparisonResult, EVIDENCE_COLUMNS, FINDING_COLUMNS, number_or_none
)
from figcheck.compare.citations import compare_attribution_findings
from figcheck.compare.currencies import compare_currency_equivalents, compare_currency_findings
from figcheck.compare.derived import compare_derived_checks
from figcheck.compare.holders import compare_split_holders
from figcheck.compare.prepare import compare_group_figures, compare_prepare_figures
from figcheck.compare.quantity import compare_quantity_group
from figcheck.extract.grouping import story_year
from figcheck.extract.offstory import judged_articles, no_common_story, on_story
from figcheck.wording.findings import evidence_reason, finding_message, quantity_namer
from figcheck.wording.story import no_story_sentence


def _jsonable(x):
    """Values JSON can hold: NaN/inf -> None, numpy numbers -> float/int."""
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    if isinstance(x, bool) or x is None or isinstance(x, str):
        return x
    if isinstance(x, (int, float)) or hasattr(x, "__float__"):
        f = float(x)
        if not math.isfinite(f):
            return None
        return int(f) if f.is_integer() and abs(f) < 2 ** 53 else round(f, 6)
    return str(x)


def compare_rank_findings(findings: list[dict]) -> pd.DataFrame:
    """findings.csv: ranked by score (how much a reader should care), ties by kind, quantity, files."""
    if not findings:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    order = sorted(findings, key=lambda f: (-f["score"], f["kind"], f["quantity"], f["files"], f["message"]))
    rows = []
    for i, f in enumerate(order, start=1):
        rows.append({
            "rank": i, "kind": f["kind"], "quantity": f["quantity"], "unit": f["unit"],
            "files": json.dumps(f["files"], ensure_ascii=False), "outlets": json.dumps(f["outlets"], ensure_ascii=False),
            "values": json.dumps(_jsonable(f["values"]), ensure_ascii=False), "severity": f["severity"],
            "score": f["score"], "message": f["message"],
            "evidence": json.dumps(_jsonable(f["evidence"]), ensure_ascii=False),
            "detail": json.dumps(_jsonable(f["detail"]), ensure_ascii=False, sort_keys=True),
            "confidence": f.get("confidence", "medium"),
        })
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


_CHANGE_QUANTITY = re.compile(r"change|growth|rise|increase|decline|drop|fall|gain|jump|cut|loss|"
                                  r"wachstum|anstieg|rückgang|veränderung|zuwachs|abbau|plus|minus", re.I)


_CHANGE_VERBS = re.compile(
    r"\b(?:boost\w*|rais\w*|rise[sn]?|rising|rose|cut\w*|increas\w*|lift\w*|fell|fall\w*|drop\w*|grow\w*|grew|"
    r"reduc\w*|lower\w*|jump\w*|climb\w*|slump\w*|gain\w*|shr[iu]nk\w*|"
    r"steig\w*|stieg\w*|gestiegen|sank|sinkt|sinken|gesunken|fiel|fällt|gefallen|erhöh\w*|senk\w*|gesenkt|"
    r"wächst|wachsen|wuchs|gewachsen|kürz\w*|gekürzt|verringer\w*|reduzier\w*|zuleg\w*|legte|hob|angehoben|"
    r"anheb\w*)\b", re.I)


def compare_is_change_by(fig: dict) -> bool:
    """Whether a figure is the size of a change, not a level: right after 'by' / 'um'
    ("boost its dividend by 27%", "um 3 Prozent gesenkt"), for a quantity that names a level
    (stake, valuation...). Such a figure never joins a level's comparison or progression."""
    if _CHANGE_QUANTITY.search(str(fig.get("quantity", ""))):
        return False
    sent = str(fig.get("sentence") or "")
    st, s0 = number_or_none(fig.get("start")), number_or_none(fig.get("sentence_start"))
    if st is None or s0 is None or not 0 <= st - s0 <= len(sent):
        return False
    before, after = sent[:int(st - s0)], sent[int(st - s0):]
    if not re.search(r"\b(?:by|um)\s+(?:(?:about|around|some|nearly|almost|rund|etwa|knapp|fast|gut)\s+)?$", before, re.I):
        return False
    if re.search(r"\bzu\s+\w+en\b", after):  # "um über 10 Milliarden ... zu investieren": a purpose, not a change
        return False
    return bool(_CHANGE_VERBS.search(sent))


def compare_equivalent_evidence(converted: pd.DataFrame, equivalents: dict, evidence: list[dict]) -> list[dict]:
    """Evidence rows (role 'equivalent') for figures that restate another money figure in another
    currency: they take the verdict of the figure they convert (else 'compatible') and never vote."""
    out = []
    if converted is None or not len(converted):
        return out
    by_id = {str(e.get("figure_id", "")): e for e in evidence}
    for f in converted.to_dict("records"):
        root = equivalents.get(str(f.get("figure_id", "")), {})
        main = by_id.get(str(root.get("figure_id", "")), {})
        out.append({
            "quantity": f["quantity"], "unit": f["unit"], "file": f["file"], "outlet": f["outlet"],
            "figure_id": f.get("figure_id", ""), "text": f.get("text", ""), "value": number_or_none(f.get("value")),
            "low": number_or_none(f.get("low")), "high": number_or_none(f.get("high")), "qualifier": f["qualifier"],
            "stage": f["stage"], "attributed_to": f.get("attributed_to", ""),
            "verdict": main.get("verdict") or "compatible", "factor": None, "sentence": f.get("sentence", ""),
            "published": f.get("published", ""), "start": number_or_none(f.get("start")), "end": number_or_none(f.get("end")),
            "segment": f["segment"], "role": "equivalent", "stage_cue": f.get("stage_cue", ""),
            "reason": {"code": "conversion", "text": str(root.get("text", ""))},
        })
    return out


def compare_story(figures: pd.DataFrame, articles: pd.DataFrame, params: dict | None = None) -> ComparisonResult:
    """Compare the outlets of one story: the tables comparison, evidence and findings.

    `figures` and `articles` are shaped like figures.csv and articles.csv (docs/tables.md);
    `params` are the story parameters (tolerance, language, relations, quantities, outlets,
    exclude; missing keys take their defaults). Articles notebook 01 marked off story are left
    out; when it found no common story, the result holds empty tables and `no_story`, the
    sentence that says so.
    """
    p = default_params()
    p.update({k: v for k, v in (params or {}).items() if v is not None})
    p["tolerance"] = float(p["tolerance"])
    language = story_language(articles, p["language"])
    if no_common_story(articles):      # notebook 01 found no story the articles share: nothing to compare
        judged = judged_articles(articles)
        return ComparisonResult(comparison=pd.DataFrame(columns=COMPARISON_COLUMNS),
                                evidence=pd.DataFrame(columns=EVIDENCE_COLUMNS),
                                findings=compare_rank_findings([]), language=language,
                                no_story=no_story_sentence(len(judged), language))
    articles = on_story(articles)      # articles off story are left out, like duplicates
    if figures is not None and len(figures) and articles is not None and "file" in figures.columns:
        figures = figures[figures["file"].isin(set(articles["file"]))].reset_index(drop=True)
    equivalents = compare_currency_equivalents(figures)
    figs = compare_prepare_figures(figures, articles, p)
    figs, p["_holder_labels"] = compare_split_holders(figs, language)
    is_equiv = figs["figure_id"].astype(str).isin(equivalents) if len(figs) else pd.Series([], dtype=bool)
    converted, figs = figs[is_equiv].reset_index(drop=True), figs[~is_equiv].reset_index(drop=True)
    if len(figs):  # "raise the dividend by 27%" is a change, not a level: left out of the comparison
        figs = figs[[not compare_is_change_by(r) for r in figs.to_dict("records")]].reset_index(drop=True)
    p["_present_year"] = story_year(figures.to_dict("records")) if figures is not None and len(figures) else None
    groups = compare_group_figures(figs)
    results = {key: compare_quantity_group(g, p) for key, g in groups.items()}
    findings: list[dict] = []
    for key in sorted(results):
        findings += results[key]["findings"]
    mark_lookalikes(findings, results, p["tolerance"])
    findings += compare_currency_findings(results, p["tolerance"])
    findings += compare_derived_checks(results, p)
    findings += compare_attribution_findings(figs, articles, results, p, language)
    ev_rows = [e for k in sorted(results) for e in results[k]["evidence"]]
    ev_rows += compare_equivalent_evidence(converted, equivalents, ev_rows)
    rows = [results[k]["row"] for k in sorted(results)]
    word_the_comparison(findings, ev_rows, rows, language, quantity_namer(language, p.get("quantities"),
                                                                            p.get("_holder_labels")))
    comparison = pd.DataFrame(rows, columns=COMPARISON_COLUMNS)
    evidence = pd.DataFrame(ev_rows, columns=EVIDENCE_COLUMNS)
    if len(evidence):
        evidence = evidence.sort_values(["quantity", "unit", "file", "start"], kind="mergesort",
                                        na_position="first").reset_index(drop=True)
    return ComparisonResult(comparison=comparison, evidence=evidence, findings=compare_rank_findings(findings),
                            language=language)


def _lookalike(claim: dict, quantity: str, unit: str, results: dict, tol: float) -> dict | None:
    """Another quantity's figure (same unit) whose value equals this claim's: {quantity, fig}, or None."""
    pt = claim.get("point")
    if pt is None:
        return None
    for (q, u), res in sorted(results.items()):
        if q == quantity or u != unit:
            continue
        for c in res["claims"]:
            other = c.get("point")
            if other is not None and abs(other - pt) <= tol * max(abs(pt), abs(other), 1e-12):
                return {"quantity": q, "fig": c["rep"]}
    return None


def mark_lookalikes(findings: list[dict], results: dict, tol: float) -> None:
    """An outlier or contradiction whose deviating value is the value of another quantity in the story
    ("up to $1.75 billion" raised vs "a total offering of US$1.75 billion") may compare two different
    things: it becomes a low 'worth checking' finding that names the look-alike."""
    for f in findings:
        if f["kind"] not in ("outlier", "contradiction") or f["severity"] not in ("high", "medium"):
            continue
        w = f["words"]
        claims = [w["claim"]] if "claim" in w else list(w.get("claims") or [])
        for c in claims:
            look = _lookalike(c, f["quantity"], f["unit"], results, tol)
            if look:
                w["lookalike"] = look
                f["severity"], f["score"], f["confidence"] = "low", 35.0, "low"
                f["detail"]["lookalike"] = look["quantity"]
                break


def word_the_comparison(findings: list[dict], evidence: list[dict], rows: list[dict], language: str,
                        name) -> None:
    """Fill in, in place, every text a reader sees: finding messages, evidence reasons and the
    quantities' names in comparison.csv (`name`: quantity -> name)."""
    for f in findings:
        f["message"] = finding_message(f, language, name)
    for e in evidence:
        e["reason"] = evidence_reason(e["reason"], language)
    for r in rows:
        r["label"] = name(r["quantity"])


def write_comparison(result: ComparisonResult, paths) -> list[Path]:
    """Write comparison.csv, evidence.csv and findings.csv into the story's output folder (atomically)."""
    out_dir = Path(paths.output) if hasattr(paths, "output") else Path(paths)
    written = []
    for name, df in (("comparison.csv", result.comparison), ("evidence.csv", result.evidence),
                     ("findings.csv", result.findings)):
        written.append(write_csv_atomic(df, out_dir / name))
    return written


def compare_load_inputs(paths) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(figures, articles) of a story, as notebooks 02 and 01 wrote them."""
    out_dir = Path(paths.output) if hasattr(paths, "output") else Path(paths)
    return read_table(out_dir / "figures.csv"), read_table(out_dir / "articles.csv")
