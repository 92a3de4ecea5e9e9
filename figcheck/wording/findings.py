"""wording/findings: TODO docstring."""
from __future__ import annotations

import math

from figcheck.wording.numbers import format_amount, format_number, format_range


# ---------------------------------------------------------------------------
# Words: labels, numbers and lists in the story's language
# ---------------------------------------------------------------------------
_QUANTITY_LABELS = {
    "deal_amount": ("Investitionssumme", "Deal amount"), "investment": ("Investition", "Investment"),
    "stake": ("Anteil", "Stake"), "valuation": ("Bewertung", "Valuation"), "revenue": ("Umsatz", "Revenue"),
    "profit": ("Gewinn", "Profit"), "loss": ("Verlust", "Loss"), "net_income": ("Nettogewinn", "Net income"),
    "price_per_share": ("Preis je Aktie", "Price per share"), "shares": ("Anzahl Aktien", "Number of shares"),
    "total": ("Gesamtbetrag", "Total"), "market_value": ("Börsenwert", "Market value"),
    "funding": ("Finanzierung", "Funding"), "users": ("Nutzer", "Users"), "employees": ("Beschäftigte", "Employees"),
    "year_founded": ("Gründungsjahr", "Year founded"), "ai_spending": ("KI-Ausgaben", "AI spending"),
    "workers": ("Arbeitskräfte", "Workers"), "customers": ("Kunden", "Customers"), "price": ("Preis", "Price"),
    "jobs": ("Stellen", "Jobs"), "job_cuts": ("Stellenabbau", "Job cuts"), "fine": ("Strafe", "Fine"),
    "spending": ("Ausgaben", "Spending"), "rank": ("Rang", "Rank"), "year_acquired": ("Jahr der Übernahme",
                                                                                     "Year acquired"),
    "market_share": ("Marktanteil", "Market share"), "change": ("Veränderung", "Change"),
    "change_points": ("Veränderung in Prozentpunkten", "Change in percentage points"),
    "interest_rate": ("Zinssatz", "Interest rate"), "inflation": ("Inflation", "Inflation"),
    "unemployment_rate": ("Arbeitslosenquote", "Unemployment rate"), "margin": ("Marge", "Margin"),
    "vote_share": ("Stimmenanteil", "Vote share"), "people": ("Personen", "People"),
    "casualties": ("Opfer", "Casualties"), "debt": ("Schulden", "Debt"),
    "tax_bill": ("Steuerschuld", "Tax bill"), "damages": ("Schadenersatz", "Damages"),
    "dividend": ("Dividende", "Dividend"), "deaths": ("Tote", "Deaths"), "injured": ("Verletzte", "Injured"),
    "backlog": ("Auftragsbestand", "Order backlog"),
}
_FINDING_WORDS = {
    "en": {"article": "article", "stage": {"early": "early stage", "settled": "settled",
                                                  "past": "earlier", "projected": "projected"},
           "lower": "lower", "higher": "higher", "q": ("“", "”")},
    "de": {"article": "Artikel", "stage": {"early": "frühes Stadium", "settled": "feststehend",
                                                  "past": "früher", "projected": "erwartet"},
           "lower": "niedriger", "higher": "höher", "q": ("„", "“")},
}


def compare_quantity_label(quantity: str, language: str = "en", quantities: dict | None = None) -> str:
    """A reader's name for a quantity: the story's 'label', a built-in name, or the name with spaces."""
    spec = (quantities or {}).get(quantity) or {}
    if isinstance(spec, dict) and spec.get("label"):
        return str(spec["label"])
    if quantity in _QUANTITY_LABELS:
        return _QUANTITY_LABELS[quantity][0 if language == "de" else 1]
    if "__" in quantity:  # a stake of another holder (compare_split_holders): 'Stake (tci)'
        base, holder = quantity.split("__", 1)
        return f"{compare_quantity_label(base, language, quantities)} ({holder.replace('_', ' ')})"
    return quantity.replace("_", " ").capitalize()


def compare_describe_interval(claim_or_fig: dict, language: str = "en") -> str:
    """What a wording allows, in words: 'at least 2 billion USD', 'up to 50 %', '14.3 billion USD'."""
    lo, hi, unit = claim_or_fig["raw_lo"], claim_or_fig["raw_hi"], claim_or_fig["unit"]
    q = claim_or_fig.get("qualifier", "exact")
    de = language == "de"
    if q in ("exact", "approx") and claim_or_fig.get("point") is not None:
        v = format_amount(claim_or_fig["point"], unit, language, style="long")
        return (f"rund {v}" if de else f"about {v}") if q == "approx" else v
    if math.isfinite(lo) and not math.isfinite(hi):
        return f"{'mindestens' if de else 'at least'} {format_amount(lo, unit, language, style='long')}"
    if math.isfinite(hi) and (not math.isfinite(lo) or lo <= 0):
        return f"{'höchstens' if de else 'at most'} {format_amount(hi, unit, language, style='long')}"
    if q == "vague":
        return (f"mindestens {format_amount(lo, unit, language, style='long')}" if de
                else f"at least {format_amount(lo, unit, language, style='long')}")
    if q == "upper":
        return f"{'knapp unter' if de else 'just under'} {format_amount(hi, unit, language, style='long')}"
    return format_range(lo, hi, unit, language, style="long")


def in_quotes(text: str, language: str) -> str:
    """A span in the language's quotation marks."""
    a, b = _FINDING_WORDS["de" if language == "de" else "en"]["q"]
    return f"{a}{text}{b}"


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
        return f"{'etwa' if language == 'de' else 'about'} {round(f):d}" if f < 20 else \
            f"{'etwa' if language == 'de' else 'about'} {format_number(round(f, -int(math.floor(math.log10(f)))), language)}"
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

_OUTLIER_TEXTS = {
    "de": {"gap": ("etwa {times}-mal {direction}", "{times}-mal {direction}", "{times} {direction}"),
           "message": "{label}: {who} nennt {quote} ({value}) – {gap} als der Konsens von {consensus} ({support}).",
           "scale_slip": " Der Abstand ist fast genau eine Zehnerpotenz (×{power:g}): vermutlich ein Fehler in der "
                         "Größenordnung (etwa Millionen statt Milliarden).",
           "early_figure": " Die Zahl stammt aus einem frühen Stadium ({cue}) und ist womöglich überholt."},
    "en": {"gap": ("{times} times {direction}", "{times} times {direction}", "{times} {direction}"),
           "message": "{label}: {who} reports {quote} ({value}), {gap} than the consensus of {consensus} ({support}).",
           "scale_slip": " The gap is almost exactly a power of ten (×{power:g}): probably a scale slip "
                         "(e.g. million for billion).",
           "early_figure": " It is an early figure ({cue}) and may be out of date."},
}


def outlier_message(claim: dict, factor: float | None, etype: str, wide: bool, label: str, times: str,
                         consensus_txt: str, support_txt: str, language: str) -> str:
    """The sentence of an outlier or contradiction finding: who says what, how far from the consensus, and why
    (a scale slip or an early figure) when the error type tells."""
    lang = "de" if language == "de" else "en"
    texts = _OUTLIER_TEXTS[lang]
    direction = _FINDING_WORDS[lang]["lower" if (factor or 1) >= 1 else "higher"]
    about, many, few = texts["gap"]
    gap = (about if wide and times[:1].isdigit() else many if wide else few).format(times=times, direction=direction)
    msg = texts["message"].format(label=label, who=claim["label"], quote=span_quote(claim["rep"], language),
                                  value=compare_describe_interval(claim, language), gap=gap,
                                  consensus=consensus_txt, support=support_txt)
    if etype == "scale_slip":
        msg += texts["scale_slip"].format(power=10 ** round(math.log10(factor)))
    elif etype == "early_figure":
        msg += texts["early_figure"].format(cue=in_quotes(claim["rep"].get("stage_cue", ""), language))
    return msg


def reason(fig: dict, claim: dict, verdict: str, role: str, language: str) -> str:
    """A few plain words on why a figure got its verdict (evidence.csv `reason`)."""
    de = language == "de"
    if role.endswith("_shorthand") and verdict != "contradicts":
        return (f"Kurzform für {span_quote(claim['rep'], language)}" if de
                else f"shorthand for {span_quote(claim['rep'], language)}")
    if claim["timepoint"] != "current" and verdict == "compatible":
        return ("Wert zu einem anderen Zeitpunkt" if de else "a value at another point in time")
    if verdict == "compatible":
        return {"lower": ("Untergrenze, kein Widerspruch", "lower bound, no contradiction"),
                "upper": ("Obergrenze, kein Widerspruch", "upper bound, no contradiction"),
                "vague": ("vage Angabe, kein Widerspruch", "vague wording, no contradiction")}.get(
            fig["qualifier"], ("gerundet, kein Widerspruch", "rounded, no contradiction"))[0 if de else 1]
    if verdict == "agrees":
        return "im Konsens" if de else "within the consensus"
    return "widerspricht dem Konsens" if de else "contradicts the consensus"
