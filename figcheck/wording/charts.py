"""Every word a chart shows: titles, subtitles, source lines, alt text, legends, mark and tick labels.

charts/ computes what a chart found (a small dict of facts per chart: which outlets are
outliers, the consensus range, who cites whom, ...) and draws it; the functions here turn
those facts into text with the language's templates (`de.py` / `en.py`, CHARTS):
`dotplot_texts`, `progression_texts`, `citations_texts` and `overview_texts` return a
chart's title, subtitle, source line and alt text; the smaller ones label its marks.
"""
from __future__ import annotations

import math
import re

from figcheck.common.tables import cell_float, cell_text
from figcheck.wording import de, en, texts
from figcheck.wording.numbers import amount_parts, format_amount, format_number, format_range
from figcheck.wording.words import in_quotes, join_words


def _words(language: str) -> dict:
    """The chart templates of a language (CHARTS in de.py / en.py)."""
    return texts(language).CHARTS


# Words a wrapped chart line never starts with, whatever the story's language (charts/layout.wrap)
WRAP_GLUE = frozenset(w for t in (de, en) for w in t.CHARTS["wrap_glue"])
WRAP_SCALES = tuple(dict.fromkeys(w for t in (de, en) for w in t.CHARTS["wrap_scales"]))


# ---------------------------------------------------------------------------
# Small words
# ---------------------------------------------------------------------------
def count(n: int, language: str, capital: bool = True) -> str:
    """A small count as a word ("Vier", "three"), digits from 13 on."""
    words = _words(language)["numbers"]
    w = words[n] if 0 <= n < len(words) else str(n)
    return w[:1].upper() + w[1:] if capital else w


def count_of(n: int, language: str, capital: bool = True) -> str:
    """A count before 'of' / 'von': "eines von fünf", else as count()."""
    w = _words(language)["numbers_of"].get(n)
    if w is None:
        return count(n, language, capital)
    return cap(w) if capital else w


def join_some(items: list[str], language: str, k: int = 3) -> str:
    """Like join_words, but at most k items: 'A, B, C und 2 weitere' / 'A, B, C and 2 more'."""
    if len(items) <= k + 1:
        return join_words(items, language)
    return join_words(items[:k] + [_words(language)["more"].format(n=len(items) - k)], language)


def outlets_word(n: int, language: str) -> str:
    """'Medium'/'Medien', 'outlet'/'outlets' for n."""
    one, many = _words(language)["outlets"]
    return one if n == 1 else many


def lower_first(title: str, names) -> str:
    """The title to follow 'where': first letter lower-cased unless it starts with a name (outlet, source)."""
    if any(n and title.startswith(n) for n in names):
        return title
    return title[:1].lower() + title[1:]


def in_sentence(title: str, names, language: str) -> str:
    """A title quoted inside an alt-text sentence: lower_first in English, unchanged in German."""
    return lower_first(title, names) if _words(language)["lower_mid_sentence"] else title


def mid_sentence(label: str, language: str) -> str:
    """A label inside an English sentence: 'Deal amount' -> 'deal amount' (acronyms like 'AI spend' kept)."""
    if _words(language)["lower_mid_sentence"] and label[:1].isupper() and label[1:2].islower():
        return label[:1].lower() + label[1:]
    return label


def cap(s: str) -> str:
    """First letter upper-cased, the rest untouched."""
    return s[:1].upper() + s[1:]


def _hedge(text: str, qualifier: str, language: str) -> str:
    """The hedge as the article wrote it ("nahezu ", "more than "), else the language's generic word."""
    qualifier = cell_text(qualifier)
    if qualifier in ("exact", "range", "vague", ""):
        return ""
    words = []
    for w in cell_text(text).split():
        if re.match(r"^[\d$€£¥]", w) or not re.fullmatch(r"[^\W\d_]+", w):
            break
        words.append(w)
    lead = " ".join(words)
    if words and len(words) <= 3 and len(words) < len(cell_text(text).split()) and any(
            c.isdigit() for c in cell_text(text)):
        return lead.lower() + " "
    return _words(language)["hedge"].get(qualifier, "")


def figure_label(row: dict, language: str, quote_words: bool = True) -> str:
    """How a mark is labelled: hedge + formatted value; the quote itself when it has no digits
    ("fast die Hälfte"), unless quote_words is False."""
    text = cell_text(row.get("text"))
    if quote_words and text and not any(c.isdigit() for c in text):
        return in_quotes(text, language)
    q = cell_text(row.get("qualifier"))
    if q == "range":
        lo, hi = cell_float(row.get("low")), cell_float(row.get("high"))
        if not (math.isnan(lo) or math.isnan(hi)):
            return format_range(lo, hi, row.get("unit"), language)
    return _hedge(text, q, language) + format_amount(row.get("value"), row.get("unit"), language)


def unit_words(unit: str, language: str) -> str:
    """'US-Dollar', 'per cent', ... for a subtitle; the code itself when unknown."""
    return _words(language)["units"].get(unit, unit if re.fullmatch(r"[A-Z]{3}", unit or "") else "")


def quantity_words(quantity: str, label: str, unit: str, language: str) -> str:
    """A chart's name for a quantity: comparison.csv's `label`, else the key in words ('deal amount');
    with `unit` (a quantity compared in several units) the unit too: 'deal amount (GBP)'."""
    text = label or quantity.replace("_", " ")
    if unit:
        word = unit if re.fullmatch(r"[A-Z]{3}", unit) else (unit_words(unit, language) or unit)
        text = _words(language)["quantity_unit"].format(label=text, unit=word)
    return text


def stage_label(stage: str, language: str) -> str:
    """'erste Meldung' / 'first report' for a figure's stage."""
    return _words(language)["stage"].get(stage, stage)


def status_word(status: str, language: str) -> str:
    """'umstritten' / 'contested' for a comparison status."""
    return _words(language)["status"].get(status, status)


SOURCE_NAMES = 12   # outlets a source line names before "and 40 more"


def source_line(names: list[str], language: str, k: int = SOURCE_NAMES) -> str:
    """'Quelle: finanzen.ch, IT BOLTWISE, Artikel 001; eigene Auswertung der Artikel'; past k names,
    'Source: article 000, …, article 011 and 40 more; analysis of the articles'."""
    t = _words(language)
    if not names:
        return t["source_none"]
    listed = ", ".join(names[:k])
    if len(names) > k:
        listed += texts(language).AND + t["more"].format(n=len(names) - k)
    return t["source"].format(names=listed)


def cap_line(selection: dict, language: str) -> str:
    """The chart cap, stated: '12 of the 167 quantities that several outlets report have a chart of their
    own, the most important first (at most 12); the others are in comparison.csv.' '' when none is left out.
    `selection`: charts/plan.chart_selection (cap, drawn, candidates)."""
    if selection.get("candidates", 0) <= selection.get("drawn", 0):
        return ""
    return _words(language)["cap"].format(drawn=selection["drawn"], total=selection["candidates"],
                                          cap=selection["cap"])


def cap_status(selection: dict, language: str) -> str:
    """cap_line, or, when the cap left nothing out, 'Every quantity that several outlets report has a chart
    of its own (at most 12 per story).' (for notebook 04); '' when no quantity is reported by several outlets."""
    if not selection.get("candidates"):
        return ""
    return cap_line(selection, language) or _words(language)["cap_all"].format(cap=selection["cap"])


def shown_note(kind: str, shown: tuple[int, int] | None, language: str) -> str:
    """What a capped chart leaves out, for its subtitle: '; 25 of 122 outlets shown, those that
    contradict first' (kind: dotplot, overview or citations); '' when nothing is left out."""
    if not shown or shown[0] >= shown[1]:
        return ""
    return _words(language)["shown"][kind].format(shown=shown[0], total=shown[1])


# ---------------------------------------------------------------------------
# Dot plot
# ---------------------------------------------------------------------------
def outlier_label(row: dict, gap: tuple[list[float], bool] | None, language: str) -> str:
    """An outlier's mark label: its quote (or figure) and how far it is from the consensus,
    '„rund 1 Mrd. $“, 14- bis 15-mal weniger'. gap: (factors, less) or None when unknown."""
    head = in_quotes(row["text"], language) if row["text"] else figure_label(row, language)
    if not gap:
        return head
    t = _words(language)["dotplot"]
    factors, less = gap
    words = [format_number(n, language) for n in factors]
    times = words[0] if len(words) == 1 else t["gap_range"].format(low=words[0], high=words[-1])
    return head + t["gap"].format(times=times, direction=t["direction"]["less" if less else "more"])


def consensus_label(low: float, high: float, unit: str, language: str) -> str:
    """'Konsens: 10 bis 15 Mrd. $' over the consensus band."""
    return _words(language)["dotplot"]["consensus"].format(range=format_range(low, high, unit, language))


def verdict_words(verdicts: list[str], language: str) -> list[str]:
    """The legend entries of the dot colours (agrees, compatible, contradicts)."""
    return [_words(language)["dotplot"]["verdicts"][v] for v in verdicts]


def dotplot_title(finding: dict, label: str, unit: str, language: str) -> str:
    """The dot plot's title, stating the finding: outliers against the rest, disagreement, one source, agreement."""
    t = _words(language)["dotplot"]
    kind = finding["kind"]
    if kind == "outliers":
        n = finding["n_rest"]
        tails = [t["outlier"].format(outlet=o["outlet"], word=t["below"] if o["below"] else t["above"],
                                     hedge=_words(language)["hedge"].get(o["qualifier"], ""),
                                     value=format_amount(o["value"], unit, language)) for o in finding["outliers"]]
        return t["outliers"].format(Count=count(n, language), outlets=outlets_word(n, language),
                                    verb=t["verb"][n != 1], tails=", ".join(tails),
                                    range=format_range(finding["low"], finding["high"], unit, language))
    if kind == "single":
        return t["single"].format(Label=cap(label), outlet=finding["outlet"], figure=finding["figure"])
    rng = format_range(finding["low"], finding["high"], unit, language)
    n = finding.get("n", 0)
    return t[kind].format(Label=cap(label), range=rng, count=count(n, language, False), Count=count(n, language))


def _alt_values(figures: list[dict], language: str) -> str:
    """'finanzen.ch: „rund …“ (1 Mrd. $); …' for alt text."""
    t = _words(language)["dotplot"]
    parts = []
    for r in figures:
        val = format_amount(r["value"], r["unit"], language)
        quote = in_quotes(r["text"], language) if r["text"] else r["label"]
        parts.append(t["alt_value"].format(outlet=r["outlet"], quote=quote)
                     + (t["alt_amount"].format(value=val) if val and val not in quote else ""))
    return "; ".join(parts)


def dotplot_texts(facts: dict, language: str) -> dict:
    """Title, subtitle, source line and alt text of a dot plot, from its facts (charts/dotplot.dotplot_facts)."""
    t = _words(language)["dotplot"]
    label, unit, n = facts["label"], facts["unit"], facts["n_outlets"]
    title = dotplot_title(facts["finding"], label, unit, language) if facts["finding"] else label
    uw = unit_words(unit, language)
    finding = title[len(label) + 2:] if title.startswith(f"{cap(label)}: ") else title
    subtitle = (t["subtitle"].format(Label=cap(label)) + (t["subtitle_unit"].format(unit=uw) if uw else "")
                + (t["subtitle_band"] if facts["band"] else "") + (t["subtitle_log"] if facts["log"] else "")
                + shown_note("dotplot", facts.get("shown"), language))
    alt = t["alt"].format(label=mid_sentence(label, language), count=count(n, language, False),
                          outlets=outlets_word(n, language),
                          finding=in_sentence(finding, [r["outlet"] for r in facts["figures"]], language),
                          values=_alt_values(facts["figures"], language))
    return {"title": title, "subtitle": subtitle, "source": source_line(facts["sources"], language), "alt": alt}


# ---------------------------------------------------------------------------
# Progression
# ---------------------------------------------------------------------------
def formula(facts: dict, language: str) -> str:
    """'14,3 Mrd. $ ÷ 49 % = 29,2 Mrd. $' for a derived check; only the result when the inputs are unknown.

    facts: terms [(value, unit), (value, unit)] or [], op, result, unit."""
    result = format_amount(facts["result"], facts["unit"], language)
    if len(facts["terms"]) != 2:
        return result
    (v1, u1), (v2, u2) = facts["terms"]
    return _words(language)["progression"]["formula"].format(
        a=format_amount(v1, u1, language), op=facts["op"], b=format_amount(v2, u2, language), result=result)


def formula_terms(text: str) -> str:
    """What a formula() computes from: '14,3 Mrd. $ ÷ 49 %' of '14,3 Mrd. $ ÷ 49 % = 29,2 Mrd. $'."""
    return text.split(" = ")[0]


def implied_texts(facts: dict, language: str) -> dict:
    """The words of a computed (implied) value: its formula, its stage label and its mark label."""
    t = _words(language)["progression"]
    text = formula(facts, language)
    return {"text": text, "stage_label": t["computed"], "label": t["computed_label"].format(formula=text)}


def progression_title(facts: dict, language: str) -> str:
    """How the value moved ('Bewertung stieg von 14 auf 29 Mrd. $') and whether the derived check agrees."""
    t = _words(language)["progression"]
    label, unit = facts["label"], facts["unit"]
    if not facts["steps"]:
        return cap(label)
    first, last = facts["first"], facts["last"]
    a, b = first["value"], last["value"]
    verb = t["verb"]["up" if b >= a else "down"]
    title = None
    if t["moved_shared_unit"] and first["qualifier"] in ("exact", "") and last["qualifier"] in ("exact", ""):
        p1, n1, s1 = amount_parts(a, unit, language)
        _p2, n2, s2 = amount_parts(b, unit, language)
        if s1 == s2 and not p1:
            title = t["moved_shared_unit"].format(Label=cap(label), verb=verb, n1=n1, n2=n2, suffix=s2)
    if title is None:
        title = t["moved"].format(Label=cap(label), verb=verb, first=figure_label(first, language),
                                  last=figure_label(last, language))
    implied = facts["implied"]
    if implied:
        title += t["check_ok"] if implied["consistent"] else t["check_off"].format(
            implied=format_amount(implied["value"], unit, language))
    return title


def progression_texts(facts: dict, language: str) -> dict:
    """Title, subtitle, source line and alt text of a progression chart (charts/progression.progression_facts)."""
    t = _words(language)["progression"]
    label = facts["label"]
    title = progression_title(facts, language)
    steps = "; ".join(t["step"].format(stage=s["stage_label"], outlet=s["outlet"], figure=s["label"])
                      for s in facts["steps"])
    subtitle = t["subtitle"].format(Label=cap(label))
    if facts["implied"]:
        inputs = facts["inputs"]
        words = t["inputs"].format(a=inputs["a"], op=inputs["op"], b=inputs["b"]) if inputs else t["inputs_unknown"]
        subtitle += t["subtitle_check"].format(inputs=words)
    alt = t["alt"].format(label=mid_sentence(label, language), n=len(facts["steps"]), steps=steps,
                          title=in_sentence(title, [s["outlet"] for s in facts["steps"]], language))
    if facts["implied"]:
        alt = alt[:-1] + "; " + "; ".join(facts["implied"]["labels"]) + "."
    return {"title": title, "subtitle": subtitle, "source": source_line(facts["sources"], language), "alt": alt}


# ---------------------------------------------------------------------------
# Who cites whom
# ---------------------------------------------------------------------------
def attributed_figure(quantity: str, figure: str, language: str) -> str:
    """'Investitionssumme: 14,3 Mrd. $': a figure an outlet attributes to a source, with its quantity."""
    return _words(language)["citations"]["figure"].format(quantity=quantity, figure=figure)


def edge_label(figures: list[str]) -> str:
    """'Deal amount: $1.2bn, $3bn · Stake: 40%' from ['Deal amount: $1.2bn', 'Deal amount: $3bn', 'Stake: 40%']
    (attributed_figure's labels, grouped by quantity)."""
    groups: dict[str, list[str]] = {}
    for f in figures:
        head, sep, val = f.partition(": ")
        groups.setdefault(head if sep else "", []).append(val if sep else f)
    return " · ".join((f"{k}: " if k else "") + ", ".join(v) for k, v in groups.items())


def citations_title(facts: dict, language: str) -> str:
    """Shared upstream sources, else how many outlets name a source at all."""
    t = _words(language)["citations"]
    sources, k, n_all = facts["sources"], facts["n_citing"], facts["n_articles"]
    if facts["shared"]:
        source, outlets = facts["shared"]
        return t["shared"].format(who=join_words(outlets[:3], language), all=t["all"][len(outlets) != 2],
                                  source=source)
    if k == 0:
        return t["none"]
    return t["some"].format(only=t["only"] if k < n_all else "", Count=count_of(k, language, k == n_all),
                            total=count(n_all, language, False), verb=t["verb"][k != 1],
                            sources=join_words(sources[:4], language) + (t["others"] if len(sources) > 4 else ""))


def citations_texts(facts: dict, language: str) -> dict:
    """Title, subtitle, source line and alt text of the who-cites-whom chart (charts/citations.citations_facts)."""
    t = _words(language)["citations"]
    title = citations_title(facts, language)
    silent = facts["silent"]
    links = "; ".join(t["link"].format(outlet=e["outlet"], source=e["source"])
                      + (t["link_figures"].format(figures=", ".join(e["figures"])) if e["figures"] else "")
                      for e in facts["links"])
    subtitle = t["subtitle"] + (t["subtitle_silent"] if silent else "") + shown_note(
        "citations", facts.get("shown"), language)
    named = ", ".join(silent[:SOURCE_NAMES]) + (
        texts(language).AND + _words(language)["more"].format(n=len(silent) - SOURCE_NAMES)
        if len(silent) > SOURCE_NAMES else "")
    alt = t["alt"].format(title=in_sentence(title, facts["names"], language), links=links or t["no_links"]) + (
        t["alt_silent"].format(names=named) if silent else "")
    return {"title": title, "subtitle": subtitle, "source": source_line(facts["source_names"], language),
            "alt": alt}


# ---------------------------------------------------------------------------
# Overview
# ---------------------------------------------------------------------------
def _spread(spread: float, language: str) -> str:
    """A spread factor: one decimal below 10 ('2,5'), none from 10 on."""
    return format_number(spread, language, 1 if spread < 10 else 0)


def overview_title(facts: dict, language: str) -> str:
    """Where the outlets agree and where they do not; a progression is named as a change, never as agreement.

    de "Uneinig bei Investitionssumme, einig bei Anteil und Gründungsjahr; Bewertung stieg",
    en "Outlets disagree on the deal amount but agree on the stake; the valuation rose".
    """
    t = _words(language)["overview"]
    rows = facts["rows"]
    names = lambda status: list(dict.fromkeys(  # noqa: E731  (each name once, in row order)
        mid_sentence(r["label"], language) for r in rows if r["status"] == status))
    contested = names("contested")
    agreed = [x for x in names("agreed") if x not in contested]
    moves = [t[r["move"]].format(q=mid_sentence(r["label"], language)) for r in rows if r["status"] == "progression"]
    some = {"contested": join_some(contested, language), "agreed": join_some(agreed, language)}
    if contested and agreed:
        title = t["both"].format(**some)
    elif contested:
        title = t["contested"].format(**some)
    elif agreed and moves:
        title = t["agreed"].format(**some)
    elif agreed:
        title = t["all_agreed"].format(n=count(len(agreed), language, False))
    elif moves:
        return cap(join_words(moves, language))
    else:
        return t["none"]
    return f"{title}; {join_words(moves, language)}" if moves else title


def overview_texts(facts: dict, language: str) -> dict:
    """Title, subtitle, source line and alt text of the overview (charts/overview.overview_facts)."""
    t = _words(language)["overview"]
    rows, single = facts["rows"], facts["single_source"]
    changed = [r["label"] for r in rows if r["status"] == "progression"]
    title = overview_title(facts, language)
    subtitle = t["subtitle"]
    if changed:
        subtitle += t["times"].format(q=join_words(changed, language))
    if single:
        subtitle += t["single"].format(n=single, noun=t["nouns"][single != 1])
    subtitle += shown_note("overview", facts.get("shown"), language)
    alt_rows = "; ".join(
        t["alt_row"].format(label=r["label"], status=status_word(r["status"], language), n=r["n_outlets"],
                            outlets=outlets_word(r["n_outlets"], language))
        + (t["alt_spread"].format(spread=_spread(r["spread"], language))
           if not math.isnan(r["spread"]) and r["n_outlets"] > 1 else "")
        for r in rows)
    alt = t["alt"].format(n=len(rows), title=in_sentence(title, [], language), rows=alt_rows)
    return {"title": title, "subtitle": subtitle, "source": source_line(facts["sources"], language), "alt": alt}


def overview_side_label(status: str, n_outlets: int, spread: float, language: str) -> str:
    """The note right of an overview row: 'umstritten\\n5 Medien, ×14'."""
    t = _words(language)["overview"]
    side = t["side"].format(status=status_word(status, language), n=n_outlets,
                            outlets=outlets_word(n_outlets, language))
    if math.isnan(spread) or n_outlets < 2:
        return side
    return side + t["side_spread"].format(spread=_spread(spread, language))


def ratio_label(r: float, language: str) -> str:
    """'×2', '÷10', 'Konsens' for a ratio tick of the overview."""
    t = _words(language)["overview"]
    if abs(r - 1) < 1e-9:
        return t["tick_consensus"]
    if r > 1:
        return t["tick_times"].format(n=format_number(r, language))
    return t["tick_part"].format(n=format_number(1 / r, language))
