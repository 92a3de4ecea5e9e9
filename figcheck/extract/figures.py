"""extract/figures: TODO docstring."""
from __future__ import annotations

import bisect

from figcheck.extract.context import RANGE_CONN
from figcheck.extract.hedges import apply_hedge, prev_tokens, strip
from figcheck.extract.labels import (
    COUNTISH, HEAD_UCLS, PPS_FROM, SAME_AS_BEFORE, SECOND_WORD, head_gate,
    head_quantity, is_conversion, label, share_price
)
from figcheck.extract.numbers import base
from figcheck.extract.quantities import unit_class_of, vocab
from figcheck.extract.reading import classify_plain, from_match
from figcheck.extract.scanner import EXTRACT_MAX_FIGURES, candidates
from figcheck.extract.sentences import sentence


def extract_figures(text: str, language: str = "de", quantities: dict | None = None) -> list[dict]:
    """Every figure in one text, in order: see the module docstring for the fields and rules.

    `language` ("de" or "en") decides the decimal mark and what "Billion" means; `quantities` is
    the story's quantities parameter ({name: {cues: [...], unit: ...}}), which adds to or
    overrides the built-in vocabulary EXTRACT_QUANTITIES. Never raises on a string.
    """
    if not isinstance(text, str) or not text:
        return []
    language = language if language in ("de", "en") else "de"
    voc = vocab(quantities if isinstance(quantities, dict) else None)
    matches = candidates(text)
    raw: list[dict] = []
    i = 0
    n = len(matches)
    while i < n and len(raw) < EXTRACT_MAX_FIGURES:
        m = matches[i]
        i += 1
        try:
            fig = from_match(m, text, language)
        except (ValueError, OverflowError, ZeroDivisionError):
            fig = None
        if fig is None:
            continue
        kind = fig["_kind"]
        toks, n_before = prev_tokens(text, fig["start"])
        if kind == "number" and fig.get("_plain") and not fig.get("_words"):
            if not classify_plain(fig, text, language, toks, n_before):
                continue
        # ranges: "10 bis 15 Milliarden", "zwischen 10 und 15", "9-10 bn"
        if kind == "number" and i < n and fig["unit"] not in ("date",):
            rc = RANGE_CONN.match(text, fig["end"])
            if rc and matches[i].start() == rc.end() and matches[i].lastgroup == "skip":
                continue                                   # "von 10 bis 12 Uhr"
            if rc and matches[i].start() == rc.end() and rc.group("c") in ("-", "–", ":") and fig.get("_plain"):
                nxt = from_match(matches[i], text, language, pair=True)
                if nxt is not None and nxt.get("_plain") and nxt["value"] <= fig["value"] < 1000:
                    i += 1
                    continue                               # a score: "19-8", "3–1"
            if rc and matches[i].start() == rc.end() and matches[i].lastgroup in ("num", "wnum"):
                conn = rc.group("c").strip()
                between = strip(toks[-1]) if toks else ""
                ok = conn in ("-", "–", "—", "bis", "to") or (conn in ("und", "and") and between in
                                                                ("zwischen", "between"))
                if conn == "to" and between == "from":
                    ok = False                             # "rose from 29% to 40%": two figures
                if conn in ("or", "oder"):
                    # "drei oder vier Millionen": a range when the second carries the scale or unit
                    ok = bool(fig.get("_plain")) and matches[i].lastgroup in ("num", "wnum") and \
                        text[matches[i].end() - 1].isalpha()
                fig2 = from_match(matches[i], text, language, pair=True) if ok else None
                if fig2 is not None and fig2["_kind"] == "number":
                    fig2_plain = fig2.get("_plain")
                    if fig2_plain and not fig2.get("_words"):
                        classify_plain(fig2, text, language, [], 99)
                    if rc.group("c") in ("-", "–") and fig.get("_plain") and fig2_plain and fig["unit"] == "count" \
                            and fig2["unit"] == "count" and not fig2.get("_noun") and fig2["value"] < 100:
                        i += 1
                        continue                           # "4-6 6-3": set scores, not a range
                    merged = _merge_range(fig, fig2, language, conn)
                    if merged is not None:
                        if conn in ("und", "and"):
                            j = text.rfind(toks[-1], max(0, fig["start"] - 80), fig["start"])
                            merged["start"] = j if j >= 0 else fig["start"]
                        fig = merged
                        i += 1
                        toks, n_before = prev_tokens(text, fig["start"])
        if fig.get("_range_only"):
            continue                                       # a number word that began no range
        fig["_btoks"] = toks                               # the words before it, joined only when asked
        apply_hedge(fig, text, toks)
        raw.append(fig)
    _fill_currency(raw, language)
    out = []
    sent_cache = (-1, -1)
    sent_text = ""
    gates: dict = {}                                       # head_gate of the current sentence, by kind
    sent_memo: dict = {}
    cue_cache: dict = {}
    prev_fig = None
    conv = None                                            # the money figure just before: (sentence, end, quantity)
    for fig in raw:
        s, e = fig["start"], fig["end"]
        if not (sent_cache[0] <= s and e <= sent_cache[1]):
            sent_cache = sentence(text, s, e, sent_memo)
            sent_text = text[sent_cache[0]:sent_cache[1]]
            gates = {}
        ucls = fig.pop("_ucls", None) or unit_class_of(fig["unit"]) if fig["unit"] else "other"
        if fig["unit"] == "date":
            quantity = "unclassified"
        else:
            own = fig.get("_own", "")
            noun_case = bool(fig.get("_noun")) and fig["unit"] in ("count", "other")
            head = ""
            if not noun_case and ucls in HEAD_UCLS:
                kind = 1 if ucls == "count" else 0
                gate = gates.get(kind)
                if gate is None:
                    gate = gates[kind] = head_gate(sent_text, kind, language)
                if gate or kind == 0 and text.endswith(("for ", "für "), max(0, s - 4), s):
                    head = head_quantity(text, fig, ucls, sent_cache, gate)
                if head and voc.unit_of.get(head) not in ("money", "count"):
                    head = ""                              # a story's own quantities may rename or drop it
            if noun_case:
                # "500 Mitarbeiter", "four minutes": the noun says what is counted
                hit = voc.token_cues(fig["_noun"].lower())
                allowed = COUNTISH.get(fig["unit"], ())
                cands = [(w, q) for q, w in (hit[0] if hit else ()) if voc.unit_of.get(q) in allowed]
                if not cands and fig["unit"] == "count":
                    # "2,300 full-time employees", "1.400 feste Mitarbeiter": the noun after one adjective
                    m2 = SECOND_WORD.match(text, e, e + 60)
                    hit = voc.token_cues(m2.group(1).lower()) if m2 is not None else ()
                    cands = [(w, q) for q, w in (hit[0] if hit else ()) if voc.unit_of.get(q) in allowed]
                quantity = max(cands)[1] if cands else "unclassified"
                if quantity in ("people", "casualties", "unclassified") and fig["unit"] == "count":
                    gate = gates.get(1)
                    if gate is None:
                        gate = gates[1] = head_gate(sent_text, 1, language)
                    head = head_quantity(text, fig, ucls, sent_cache, gate) if gate else ""
                    if head and voc.unit_of.get(head) == "count":
                        quantity = head                    # "seven people killed": deaths, not people
            elif head:
                quantity = head                            # "a $900m loan", "$20bn in damages", "Tote"
            elif fig.get("_company") and voc.unit_of.get("valuation") == "money":
                quantity = "valuation"
            elif prev_fig is not None and prev_fig[0] == sent_cache[0] and prev_fig[1] == ucls and \
                    " ".join([strip(t) for t in fig["_btoks"][-2:]]).endswith(SAME_AS_BEFORE):
                quantity = prev_fig[2]                     # "$3 billion, up from $1.8 billion": the same quantity
            else:
                quantity, _score = label(text, fig, ucls, sent_cache, voc, own, cue_cache)
            if ucls == "money" and not head and (fig.get("_sub") or quantity in PPS_FROM) and \
                    voc.unit_of.get("price_per_share") == "money" and share_price(fig, quantity, sent_text):
                quantity = "price_per_share"               # pence beside shares, a buyout "at 300p"
            if conv is not None and conv[0] == sent_cache[0] and ucls == "money" and \
                    is_conversion(text, conv[1], s):
                quantity = conv[2]                         # "$900m (£479m)": the conversion is the same quantity
            if fig.get("_money_pending"):
                if voc.unit_of.get(quantity) == "money":
                    fig["unit"] = fig["_money_pending"]
                else:
                    # a count by context ("Milliarden Nutzer"); with no context a vague amount stays
                    # money, a scaled number becomes "other"
                    if voc.unit_of.get(quantity) == "count":
                        fig["unit"] = "count"
                    elif fig["_kind"] != "vague":
                        fig["unit"] = "other"
        if quantity != "unclassified":
            prev_fig = (sent_cache[0], ucls, quantity)
        conv = (sent_cache[0], fig["end"], quantity) if ucls == "money" else None
        # the contract's fields only (the working dict is dropped after this loop)
        out.append({"start": s, "end": fig["end"], "text": text[s:e], "value": fig["value"], "unit": fig["unit"],
                    "qualifier": fig["qualifier"], "low": fig["low"], "high": fig["high"], "quantity": quantity,
                    "sentence": sent_text, "sentence_start": sent_cache[0]})
    return out


def _merge_range(a: dict, b: dict, language: str, conn: str) -> dict | None:
    """One range figure from two numbers joined by bis/to/-/und, the scale carried across; or None."""
    if b.get("_plain") and not a.get("_plain"):
        return None                                    # "10 Mrd. bis 2025": not a range
    if a["unit"] in ("year",) and b["unit"] != "year" and b.get("_plain"):
        return None
    va, vb = a["value"], b["value"]
    unit = b["unit"] or a["unit"]
    if a.get("_plain") and not b.get("_plain"):
        # carry the scale of the second number to the first: "10 bis 15 Milliarden"
        va = va * b.get("_mult", 1.0)
        unit = b["unit"]
    elif a.get("_plain") and b.get("_plain") and a["unit"] in ("count", "other") and b["unit"] in ("count", "other"):
        unit = b["unit"]                               # "50 - 80 Metern": the unit word follows the second
    elif a["unit"] and b["unit"] and a["unit"] != b["unit"]:
        return None
    if conn in ("-", "–", "—") and not (va <= vb):
        return None                                    # 3-1: a score, not a range
    if not va <= vb:
        if conn not in ("und", "and"):
            return None
        va, vb = vb, va                                # "zwischen 64 und 50 Prozent"
    if a["unit"] == "year" and b["unit"] == "year" and a.get("_plain") and b.get("_plain"):
        unit = "year"
    fig = base(a["start"], b["end"], (va + vb) / 2.0, unit, "range", va, vb)
    fig["_kind"] = "number"
    fig["_scaled"] = b.get("_scaled")
    fig["_digit_unit"] = b.get("_digit_unit", 1.0)
    fig["_minor"] = b.get("_minor")
    fig["_sub"] = b.get("_sub")
    fig["_noun"] = b.get("_noun", "")
    fig["_range"] = True
    return fig


def _fill_currency(figs: list[dict], language: str) -> None:
    """Give money figures without a stated currency the currency of the nearest figure that has one."""
    pos = [f["start"] for f in figs if len(f["unit"]) == 3 and f["unit"].isupper()]
    cur = [f["unit"] for f in figs if len(f["unit"]) == 3 and f["unit"].isupper()]

    def nearest(p: int) -> str:
        if not pos:
            return ""
        j = bisect.bisect_left(pos, p)
        cands = [k for k in (j - 1, j) if 0 <= k < len(pos)]
        return cur[min(cands, key=lambda k: abs(pos[k] - p))]

    for f in figs:
        if f["unit"]:
            continue
        kind = f["_kind"]
        if f.get("_minor"):
            f["unit"] = nearest(f["start"]) or ("EUR" if language == "de" else "USD")
            continue
        c = nearest(f["start"]) or "other"
        if kind == "vague" and f["_vkind"] == "count":
            f["unit"] = "count"
            f["_ucls"] = "count"
        elif kind in ("vague", "number"):
            # "Milliarden", "10 Milliarden" with no currency and no noun: money or a count, by context
            f["unit"] = c
            f["_money_pending"] = c
            f["_ucls"] = "money_or_count"
        else:
            f["unit"] = "other"
