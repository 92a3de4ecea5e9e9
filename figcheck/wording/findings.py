"""The sentences of findings.csv and evidence.csv, built from the comparison's records.

A finding record (compare/records.py) carries `words`: the template it is told with and the
claims, figures and numbers it needs. `finding_message` picks the language's template
(`de.py` / `en.py`, FINDINGS) and fills it; `evidence_reason` does the same for the short
`reason` of an evidence row. Quantity names come from `quantity_name`.
"""
from __future__ import annotations

import math
from typing import Callable

from figcheck.wording import texts
from figcheck.wording.numbers import format_amount, format_number, format_range
from figcheck.wording.words import in_quotes, join_words


# ---------------------------------------------------------------------------
# Names, intervals, quotes
# ---------------------------------------------------------------------------
def quantity_name(quantity: str, language: str = "en", quantities: dict | None = None) -> str:
    """A reader's name for a quantity: the story's 'label', a built-in name, or the name with spaces."""
    spec = (quantities or {}).get(quantity) or {}
    if isinstance(spec, dict) and spec.get("label"):
        return str(spec["label"])
    names = texts(language).QUANTITY_NAMES
    if quantity in names:
        return names[quantity]
    if "__" in quantity:  # a quantity split off by what sets it apart: 'Anteil (Staat)', 'Stake (tci)'
        base, suffix = quantity.split("__", 1)
        return f"{quantity_name(base, language, quantities)} ({_suffix_words(suffix, language)})"
    base, _, part = quantity.rpartition("_")
    if base in names and part in texts(language).SUFFIX_WORDS:   # 'stake_added' -> 'Anteil (weitere)'
        return f"{names[base]} ({texts(language).SUFFIX_WORDS[part]})"
    return quantity.replace("_", " ").capitalize()


def _suffix_words(suffix: str, language: str) -> str:
    """The words of a quantity's suffix, known ones in the reader's language ('state_before' -> 'Staat,
    zuvor'); a number that only tells two quantities apart is left out ('state_3' -> 'Staat')."""
    words = texts(language).SUFFIX_WORDS
    parts = [words.get(p, p) for p in suffix.split("_") if p and not p.isdigit()]
    return ", ".join(parts) if parts else suffix


def quantity_namer(language: str, quantities: dict | None = None,
                   holder_labels: dict | None = None) -> Callable[[str], str]:
    """quantity -> name, for one story: its own labels, the holders' names of split stakes."""
    def name(quantity: str) -> str:
        holder = (holder_labels or {}).get(quantity)
        if holder:
            return f"{quantity_name(quantity.split('__')[0], language, quantities)} ({holder})"
        return quantity_name(quantity, language, quantities)
    return name


def describe_interval(claim_or_fig: dict, language: str = "en") -> str:
    """What a wording allows, in words: 'at least 2 billion USD', 'up to 50 %', '14.3 billion USD'."""
    t = texts(language)
    lo, hi, unit = claim_or_fig["raw_lo"], claim_or_fig["raw_hi"], claim_or_fig["unit"]
    q = claim_or_fig.get("qualifier", "exact")
    if q in ("exact", "approx") and claim_or_fig.get("point") is not None:
        v = format_amount(claim_or_fig["point"], unit, language, style="long")
        return f"{t.ABOUT} {v}" if q == "approx" else v
    if math.isfinite(lo) and not math.isfinite(hi):
        return f"{t.AT_LEAST} {format_amount(lo, unit, language, style='long')}"
    if math.isfinite(hi) and (not math.isfinite(lo) or lo <= 0):
        return f"{t.AT_MOST} {format_amount(hi, unit, language, style='long')}"
    if q == "vague":
        return f"{t.AT_LEAST} {format_amount(lo, unit, language, style='long')}"
    if q == "upper":
        return f"{t.JUST_UNDER} {format_amount(hi, unit, language, style='long')}"
    return format_range(lo, hi, unit, language, style="long")


def factor_words(factor: float, language: str, consensus: tuple | None = None, value: float | None = None) -> str:
    """'about 14', '14–15' (from both ends of the consensus), or '12 %' for small gaps."""
    f = factor if factor >= 1 else 1 / factor
    if consensus and value and all(x is not None for x in consensus) and value > 0:
        a, b = sorted(((consensus[0] / value), (consensus[1] / value)))
        if factor < 1:
            a, b = sorted((1 / b, 1 / a))
        if round(a) != round(b) and a >= 2:
            return f"{round(a)}–{round(b)}"
    if f >= 2:
        about = texts(language).ABOUT_FACTOR
        return f"{about} {round(f):d}" if f < 20 else \
            f"{about} {format_number(round(f, -int(math.floor(math.log10(f)))), language)}"
    pct = (1 - 1 / factor) * 100 if factor >= 1 else (1 / factor - 1) * 100
    return format_amount(pct, "percent", language, style="long")


def span_quote(fig: dict, language: str) -> str:
    """The figure's span, quoted."""
    return in_quotes(fig.get("text", ""), language)


def context_quote(fig: dict, language: str) -> str:
    """A headline's figure quoted with its headline when the span alone says little ("Milliarden")."""
    sentence = str(fig.get("sentence", "") or "").strip()
    text = str(fig.get("text", "") or "")
    if fig.get("segment") == "headline" and sentence and text in sentence and len(sentence) <= 140 \
            and len(text.split()) < 3:
        return in_quotes(sentence, language)
    return span_quote(fig, language)


# ---------------------------------------------------------------------------
# One function per template
# ---------------------------------------------------------------------------
def _consensus(w: dict, label: str, language: str, _name) -> str:
    t = texts(language).FINDINGS
    parts = [t["consensus_part"].format(who=c["label"], quote=span_quote(c["rep"], language)) for c in w["agreeing"]]
    msg = t["consensus"].format(label=label, n=len({c["label"] for c in w["agreeing"]}),
                                parts=join_words(parts, language), verb=t["consensus_verb"][len(parts) > 1],
                                range=format_range(*w["range"], w["unit"], language, style="long"))
    for c in w["compatible"]:
        kind = t["compatible_kind"].get(c["qualifier"], t["compatible_kind"]["other"])
        early = (t["compatible_early"].format(cue=in_quotes(c["rep"].get("stage_cue", ""), language))
                 if c["stage"] == "early" else "")
        msg += t["compatible"].format(who=c["label"], quote=span_quote(c["rep"], language), kind=kind, early=early)
    if w["shared"]:
        msg += t["not_independent"].format(names=join_words(w["shared"], language))
    return msg


def _outlier(w: dict, label: str, language: str, name) -> str:
    t = texts(language)
    claim, factor, cons = w["claim"], w["factor"], w["range"]
    times = factor_words(factor, language, cons, claim["point"]) if factor else "?"
    direction = t.LOWER if (factor or 1) >= 1 else t.HIGHER
    gaps = t.FINDINGS["gap"]
    gap = gaps["about" if w["wide"] and times[:1].isdigit() else "many" if w["wide"] else "few"]
    msg = t.FINDINGS["outlier"].format(
        label=label, who=claim["label"], quote=span_quote(claim["rep"], language),
        value=describe_interval(claim, language), gap=gap.format(times=times, direction=direction),
        consensus=format_range(*cons, w["unit"], language, style="long"),
        support=join_words(w["support"], language))
    if w["error_type"] == "scale_slip":
        msg += t.FINDINGS["scale_slip"].format(power=10 ** round(math.log10(factor)))
    elif w["error_type"] == "early_figure":
        msg += t.FINDINGS["early_figure"].format(cue=in_quotes(claim["rep"].get("stage_cue", ""), language))
    return msg + _frame_note(w, language, name)


def _no_majority(w: dict, label: str, language: str, name) -> str:
    t = texts(language).FINDINGS
    parts = [t["no_majority_part"].format(who=c["label"], quote=span_quote(c["rep"], language),
                                          value=describe_interval(c, language)) for c in w["claims"]]
    return t["no_majority"].format(label=label, parts=join_words(parts, language)) + _frame_note(w, language, name)


def _frame_note(w: dict, language: str, name) -> str:
    """What the figures' frames say: the measure words both use, or what is unclear; a look-alike."""
    t = texts(language).FINDINGS
    frames = w.get("frames")
    note = ""
    if frames:
        words = []
        for x in frames.get("words") or []:
            q = in_quotes(x, language) if x else ""
            if q and q not in words:
                words.append(q)
        words_txt = " / ".join(words) or "–"
        if frames.get("agree"):
            note = t["frames_same"].format(words=words_txt)
        else:
            what = join_words([t["frames_what"][u] for u in frames.get("unclear") or [] if u in t["frames_what"]],
                              language)
            note = t["frames_unclear"].format(what=what or t["frames_what"]["measure"], words=words_txt)
    look = w.get("lookalike")
    if look:
        note += t["lookalike"].format(quote=span_quote(look["fig"], language), label=name(look["quantity"]),
                                      who=look["fig"].get("label") or look["fig"].get("file", ""))
    return note


def _progression(w: dict, label: str, language: str, _name) -> str:
    t = texts(language).FINDINGS
    steps = []
    for c in w["sequence"]:
        cue = c["rep"].get("stage_cue", "")
        steps.append(t["progression_step"].format(
            value=describe_interval(c, language), when=t["timepoint"][c["timepoint"]], who=c["label"],
            quote=span_quote(c["rep"], language), cue=f", {in_quotes(cue, language)}" if cue else ""))
    if len(steps) > 8:
        steps = steps[:4] + ["…"] + steps[-3:]
    return t["progression"].format(label=label, steps=" → ".join(steps))


def _self_contradiction(w: dict, label: str, language: str, name) -> str:
    t = texts(language).FINDINGS
    seg = t["segment"]
    parts = [t["self_part"].format(segment=seg[s], quote=context_quote(f, language),
                                   value=describe_interval(f, language)) for f, s in zip(w["bad"], w["segments"])]
    rep = w["claim"]["rep"]
    return t["self_contradiction"].format(label=label, who=w["claim"]["label"], parts=join_words(parts, language),
                                          segment=seg.get(rep["segment"], seg[""]), quote=span_quote(rep, language),
                                          value=describe_interval(rep, language)) + _frame_note(w, language, name)


def _currency(w: dict, label: str, language: str, _name) -> str:
    t = texts(language).FINDINGS
    quotes = join_words([f"{c['label']} {span_quote(c['rep'], language)}" for c in w["claims"]], language)
    msg = t["currency"].format(label=label, quotes=quotes, unit=w["unit"],
                               others=join_words(w["main_labels"], language), main_unit=w["main_unit"])
    return msg + (t["currency_same_number"].format(main_unit=w["main_unit"]) if w["same_number"] else "")


def _over_100(w: dict, label: str, language: str, _name) -> str:
    c = w["claim"]
    return texts(language).FINDINGS["over_100"].format(label=label, who=c["label"],
                                                       quote=span_quote(c["rep"], language))


def _derived(w: dict, label: str, language: str, _name) -> str:
    t = texts(language)
    tf = t.FINDINGS
    terms = [span_quote(c["rep"], language) if c.get("rep") else
             format_range(c["raw_lo"], c["raw_hi"], c["unit"], language, style="long") for c in w["terms"]]
    lo, hi, unit = w["implied_low"], w["implied_high"], w["unit"]
    if w["bounded"]:
        implied = (format_range(lo, hi, unit, language, style="long") if math.isfinite(hi) else
                   f"{t.AT_LEAST} {format_amount(lo, unit, language, style='long')}")
    else:
        implied = format_amount(w["estimate"], unit, language, style="long")
    fit = tf["derived_fit_valuation" if w["result"] == "valuation" else "derived_fit"][w["consistent"]]
    diff = w["difference"]
    msg = tf["derived"].format(
        label=label, source=(tf["derived_source"]["article"].format(who=w["who"]) if w["who"]
                             else tf["derived_source"]["consensus"]),
        terms=w["operator"].join(terms), approx=f"{t.ABOUT_FACTOR} " if w["approx"] else "", implied=implied,
        fit=fit, reported=format_range(w["reported_low"], w["reported_high"], unit, language, style="long"),
        where=tf["derived_same_article"] if w["same_article"] else join_words(w["reporters"], language),
        diff=format_amount(diff * 100, "percent", language, style="long") if diff is not None else "?",
        tolerance=format_amount(w["tolerance"] * 100, "percent", language, style="long"))
    if w["note"] == "rule_of_thumb":
        msg += tf["derived_rule_of_thumb"]
    elif w["note"] == "from_outlier":
        msg += tf["derived_from_outlier"].format(who=join_words(w["outliers"], language))
    return msg


def _cites(w: dict, _label: str, language: str, name) -> str:
    t = texts(language).FINDINGS
    bits = []
    for source, figs in w["per_source"]:
        spans = join_words([t["cites_span"].format(quote=span_quote(f, language), label=name(f["quantity"]))
                            for f in figs], language)
        bits.append(t["cites_bit"].format(spans=spans, source=source))
    msg = t["cites"].format(who=w["who"], sources=join_words(w["sources"], language))
    return msg + (t["cites_attributed"].format(bits=join_words(bits, language)) if bits else t["cites_end"])


def _shared_source(w: dict, label: str, language: str, _name) -> str:
    return texts(language).FINDINGS["shared_source"].format(label=label, who=join_words(w["labels"], language),
                                                            source=w["source"])


_TEMPLATES = {"consensus": _consensus, "outlier": _outlier, "no_majority": _no_majority,
              "progression": _progression, "self_contradiction": _self_contradiction, "currency": _currency,
              "over_100": _over_100, "derived": _derived, "cites": _cites, "shared_source": _shared_source}


def finding_message(finding: dict, language: str, name: Callable[[str], str] | None = None) -> str:
    """The sentence a reporter can paste for one finding record (its `words`), in `language`."""
    name = name or (lambda q: quantity_name(q, language))
    words = finding["words"]
    label = name(finding["quantity"]) if finding.get("quantity") else ""
    return _TEMPLATES[words["template"]](words, label, language, name)


def evidence_reason(reason: dict, language: str) -> str:
    """The few words of evidence.csv `reason`: {code, qualifier?, quote?} in `language`."""
    t = texts(language).REASONS
    code = reason["code"]
    if code == "compatible":
        return t["compatible"].get(reason.get("qualifier", ""), t["compatible"]["other"])
    return t[code].format(quote=in_quotes(reason.get("text", ""), language))
