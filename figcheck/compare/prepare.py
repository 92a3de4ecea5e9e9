"""The figures to compare, one row each, with outlet, interval, stage, attribution and segment."""
from __future__ import annotations

import math

import pandas as pd

from figcheck.common.language import story_language
from figcheck.common.tables import cell_json
from figcheck.compare.attribution import compare_attribute, compare_find_sources, compare_sentence_spans
from figcheck.compare.base import TIMEPOINT, number_or_none
from figcheck.compare.intervals import compare_figure_interval, compare_point
from figcheck.compare.stages import compare_stage
from figcheck.wording.words import article_label


# ---------------------------------------------------------------------------
# Preparing the figures: one row per figure with interval, stage, source, label
# ---------------------------------------------------------------------------
def _segment_of(start, segments) -> str:
    """The segment kind (headline, caption, body) holding offset `start`, from articles.csv `segments`."""
    s = number_or_none(start)
    for seg in cell_json(segments, []):
        if isinstance(seg, list) and len(seg) >= 3 and s is not None and seg[0] <= s < seg[1]:
            return str(seg[2])
    return ""


def compare_opening_span(text: str, segments, sentence_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """(start, end) of an article's opening: the first sentence of its first body segment
    (without segments: the first sentence after the first line). (0, 0) when there is none."""
    body_start = None
    for seg in cell_json(segments, []):
        if isinstance(seg, list) and len(seg) >= 3 and seg[2] == "body":
            body_start = seg[0]
            break
    if body_start is None:
        nl = (text or "").find("\n")
        body_start = nl + 1 if nl >= 0 else 0
    for a, b in sentence_spans:
        if b > body_start and len(text[max(a, body_start):b].strip()) >= 20:
            return max(a, body_start), b
    return 0, 0


def compare_prepare_figures(figures: pd.DataFrame, articles: pd.DataFrame, params: dict) -> pd.DataFrame:
    """The figures to compare, one row each, with everything the comparison needs.

    Drops figures of excluded and duplicate articles, of quantity 'unclassified' or empty,
    and without any number; adds outlet (params 'outlets' > articles.csv > figures.csv),
    label, published, segment, stage, stage_cue, timepoint, attributed_to, the interval
    (raw_lo, raw_hi, lo, hi) and point.
    """
    tol = float(params.get("tolerance", 0.05))
    figs = figures.copy() if figures is not None else pd.DataFrame()
    for col in ("file", "quantity", "unit", "qualifier", "text", "sentence", "segment", "outlet", "published",
                "language", "figure_id"):
        if col not in figs.columns:
            figs[col] = ""
        figs[col] = figs[col].fillna("").astype(str)
    for col in ("start", "end", "value", "low", "high", "sentence_start"):
        if col not in figs.columns:
            figs[col] = None
    arts = {}
    if articles is not None and len(articles):
        for rec in articles.to_dict("records"):
            arts[str(rec.get("file", ""))] = rec
    exclude = set(params.get("exclude") or [])
    outlets_param = params.get("outlets") or {}
    lang_story = story_language(articles, params.get("language", "auto"))
    keep = []
    spans_cache: dict[str, list] = {}
    for rec in figs.to_dict("records"):
        f = rec["file"]
        art = arts.get(f, {})
        q = rec["quantity"].strip()
        if f in exclude or not q or q == "unclassified" or str(art.get("duplicate_of", "") or "").strip():
            continue
        outlet = outlets_param.get(f) or str(art.get("outlet", "") or "").strip() or rec["outlet"].strip()
        if _prepare_one(rec, art, outlet, lang_story, tol, spans_cache):
            keep.append(rec)
    cols = list(figs.columns) + [c for c in ("label", "raw_lo", "raw_hi", "lo", "hi", "point", "stage", "stage_cue",
                                             "timepoint", "attributed_to", "attributed_where", "opening") if c not in figs.columns]
    out = pd.DataFrame(keep, columns=cols)
    if len(out):
        out["_start_sort"] = out["start"].map(lambda x: number_or_none(x) if number_or_none(x) is not None else -1.0)
        out = out.sort_values(["quantity", "unit", "file", "_start_sort"], kind="mergesort").drop(columns="_start_sort")
    return out.reset_index(drop=True)


_TIME_SUFFIX = {"before": "past", "planned": "projected"}


def _prepare_one(rec: dict, art: dict, outlet: str, lang_story: str, tol: float, spans_cache: dict) -> bool:
    """Complete one figure's row in place (outlet, label, interval, segment, stage, attribution,
    opening); False when its wording allows no value at all."""
    f = rec["file"]
    rec["unit"] = rec["unit"].strip() or "other"
    rec["qualifier"] = rec["qualifier"].strip().lower() or "exact"
    rec["outlet"] = outlet
    rec["label"] = article_label(f, outlet, lang_story)
    rec["published"] = str(art.get("published", "") or "").strip() or rec["published"].strip()
    lang = str(art.get("language", "") or rec["language"] or lang_story)
    raw_lo, raw_hi, lo, hi = compare_figure_interval(rec["value"], rec["low"], rec["high"], rec["qualifier"],
                                                     rec["text"], tol, lang)
    if not (math.isfinite(raw_lo) or math.isfinite(raw_hi)):
        return False
    rec.update(raw_lo=raw_lo, raw_hi=raw_hi, lo=lo, hi=hi,
               point=compare_point(rec["value"], rec["low"], rec["high"], rec["qualifier"]))
    if not rec["segment"]:
        rec["segment"] = _segment_of(rec["start"], art.get("segments")) or "body"
    start, end = number_or_none(rec["start"]), number_or_none(rec["end"])
    s_start = number_or_none(rec["sentence_start"])
    sentence = rec["sentence"]
    if start is not None and s_start is not None:
        rel_s, rel_e = int(start - s_start), int((end or start) - s_start)
    else:
        pos = sentence.find(rec["text"]) if rec["text"] else -1
        rel_s, rel_e = (pos, pos + len(rec["text"])) if pos >= 0 else (None, None)
    rec["stage"], rec["stage_cue"] = compare_stage(sentence, rel_s, rel_e)
    rec["timepoint"] = TIMEPOINT[rec["stage"]]
    base, _, when = rec["quantity"].rpartition("__")
    if base and when in _TIME_SUFFIX:
        # extraction set a previous value or a planned level apart ("von zuletzt 9 auf 21 Prozent",
        # "auf 29,9 Prozent auszubauen"): compared as the quantity at another point in time
        rec["quantity"] = base
        rec["stage"] = _TIME_SUFFIX[when]
        rec["timepoint"] = TIMEPOINT[rec["stage"]]
        rec["stage_cue"] = rec["stage_cue"] or str(rec.get("measure_text") or "")
    text = str(art.get("text", "") or "")
    cites = [c for c in cell_json(art.get("cites", ""), []) if isinstance(c, str)]
    if text and start is not None:
        if f not in spans_cache:
            spans_cache[f] = compare_sentence_spans(text)
        src, where = compare_attribute(text, int(start), spans_cache[f], cites)
        o_start, o_end = compare_opening_span(text, art.get("segments"), spans_cache[f])
        rec["opening"] = o_start <= start < o_end
    else:
        got = compare_find_sources(sentence, cites)
        src, where = (got[0], "sentence") if got else ("", "")
    rec["attributed_to"], rec["attributed_where"] = src, where
    rec.setdefault("opening", False)
    return True


def compare_group_figures(figs: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """Like with like: the prepared figures grouped by (quantity, unit).

    Money in different currencies lands in different groups and is never compared as one;
    'unclassified' figures were already left out by compare_prepare_figures.
    """
    groups: dict[tuple[str, str], pd.DataFrame] = {}
    if figs is None or not len(figs):
        return groups
    for (q, u), g in figs.groupby(["quantity", "unit"], sort=True):
        if q and q != "unclassified":
            groups[(str(q), str(u))] = g.reset_index(drop=True)
    return groups
