"""`extract_figures`: every figure in one text, in order, with its span, value in base units, unit,
hedge (qualifier), interval (low, high), quantity and sentence.

The steps: the scanner finds candidates, reading.py turns each into a number with its unit,
ranges are joined, hedges applied, currencies filled in from the text, and each figure gets the
quantity it measures (labels.py)."""
from __future__ import annotations

import bisect
import re

from figcheck.extract.context import PAIR_CONN, RANGE_CONN
from figcheck.extract.names import DEMONYMS, is_generic, is_place, resolve_demonyms
from figcheck.extract.frame_roles import named_before, opens_with_pronoun
from figcheck.extract.frames import figure_frame
from figcheck.extract.measures import measure_key
from figcheck.extract.year_events import year_frame
from figcheck.extract.grouping import name_quantities
from figcheck.extract.hedges import apply_hedge, copy_hedge, prev_tokens, strip
from figcheck.extract.labels import (
    COUNTISH, HEAD_UCLS, PPS_FROM, SAME_AS_BEFORE, SECOND_WORD, head_gate,
    head_quantity, is_conversion, label, share_price
)
from figcheck.extract.numbers import base
from figcheck.extract.quantities import unit_class_of, vocab
from figcheck.extract.reading import classify_plain, from_match
from figcheck.extract.scanner import EXTRACT_MAX_FIGURES, candidates
from figcheck.extract.sentences import sentence


def extract_figures(text: str, language: str = "de", quantities: dict | None = None,
                    name: bool = True) -> list[dict]:
    """Every figure in one text, in order: see the module docstring for the fields and rules.

    `language` ("de" or "en") decides the decimal mark and what "Billion" means; `quantities` is
    the story's quantities parameter ({name: {cues: [...], unit: ...}}), which adds to or
    overrides the built-in vocabulary EXTRACT_QUANTITIES. `name`: name the text's quantities from
    its figures' frames (False when the caller names them across a story). Never raises on a string.
    """
    if not isinstance(text, str) or not text:
        return []
    language = language if language in ("de", "en") else "de"
    voc = vocab(quantities if isinstance(quantities, dict) else None)
    raw = read_figures(text, language)
    _fill_currency(raw, language)
    figs = label_figures(raw, text, language, voc)
    if name:             # one text's quantities; a story's are named across its articles (extract/table.py)
        name_quantities(figs, quantities if isinstance(quantities, dict) else None)
    return figs


def read_figures(text: str, language: str) -> list[dict]:
    """The raw figures of a text: numbers read, bare numbers judged, ranges joined, hedges applied."""
    matches = candidates(text)
    raw: list[dict] = []
    i, n = 0, len(matches)
    while i < n and len(raw) < EXTRACT_MAX_FIGURES:
        m = matches[i]
        i += 1
        try:
            fig = from_match(m, text, language)
        except (ValueError, OverflowError, ZeroDivisionError):
            fig = None
        if fig is None:
            continue
        toks, n_before = prev_tokens(text, fig["start"])
        if fig["_kind"] == "number" and fig.get("_plain") and not fig.get("_words"):
            if not classify_plain(fig, text, language, toks, n_before):
                continue
        if fig["_kind"] == "number" and i < n and fig["unit"] not in ("date",):
            _carry_pair(fig, matches, i, text, language, toks)
            fig, used = _join_range(fig, matches, i, text, language, toks)
            if fig is None:
                i += used
                continue
            if used:
                i += used
                toks, n_before = prev_tokens(text, fig["start"])
        if fig.get("_range_only"):
            continue                                       # a number word that began no range
        if fig["_kind"] == "number" and fig["start"] > 5 and text[fig["start"] - 2] in "so" and \
                not fig.get("_plain") and not fig.get("_range"):
            if _join_one(fig, text):                       # "bis ", "to " before it: "eine bis 2,5 Millionen"
                toks, n_before = prev_tokens(text, fig["start"])
        fig["_btoks"] = toks                               # the words before it, joined only when asked
        apply_hedge(fig, text, toks)
        raw.append(fig)
        second = fig.pop("_pair_next", None)
        if second is not None:
            second["_btoks"] = toks
            raw.append(second)                             # "the vote was 3-2": both counts
    if len(raw) > 1 and ("(" in text or "=" in text):
        _notes_and_conversions(raw, text)
    return raw


# words between the two figures of a pair ("auf 12 von zuvor rund 16,5 Prozent")
_PAIR_GAP = re.compile(r"[ ](?:auf|to|von|from)[ ](?:(?:zuvor|vorher|bisher|zuletzt|ehemals|damals|previously|"
                       r"earlier|formerly|rund|etwa|ca\.|circa|knapp|gut|über|fast|nahezu|about|around|nearly|"
                       r"almost|some|roughly|just|only|nur|mehr als|more than|less than|weniger als)[ ])*\Z")
_PAIR_OPEN = {"auf": ("von",), "to": ("from",), "von": ("auf",), "from": ("to",)}
_PAIR_FIRST = frozenset(("von", "from", "auf", "to"))


def _carry_pair(fig: dict, matches: list, i: int, text: str, language: str, toks: list[str]) -> None:
    """Two figures of one measure with the unit or scale printed once, on the second: "von 11,5 auf 9
    Millionen Tonnen", "von elf auf neun Millionen Tonnen", "from 18.5 to 21-23 billion euros", "auf 12
    von zuvor 16,5 Prozent". The bare first figure takes the second's scale and unit when its number
    is of the same size (within a factor 20); years and counted nouns keep theirs."""
    if not fig.get("_plain") or fig.get("_noun") or fig["unit"] == "year" or not toks or \
            strip(toks[-1]) not in _PAIR_FIRST:
        return
    pc = PAIR_CONN.match(text, fig["end"])
    if pc is None or strip(toks[-1]) not in _PAIR_OPEN.get(pc.group("p"), ()):
        return
    nxt_m = matches[i]
    if _PAIR_GAP.match(text, fig["end"], nxt_m.start()) is None or nxt_m.lastgroup in ("skip",) or \
            nxt_m.start() - fig["end"] > 40:
        return
    carrier = from_match(nxt_m, text, language, pair=True)
    if carrier is not None and carrier.get("_plain") and i + 1 < len(matches):
        # "9 bis 9,5 Millionen Tonnen": the scale is on the range's second end
        rc = RANGE_CONN.match(text, nxt_m.end())
        if rc is not None and matches[i + 1].start() == rc.end():
            carrier = from_match(matches[i + 1], text, language, pair=True)
    if carrier is None or carrier.get("_plain") or carrier["_kind"] != "number":
        return
    if not (carrier.get("_scaled") or carrier["unit"] in ("percent", "other") or len(carrier["unit"]) == 3):
        return
    mult = carrier.get("_mult", 1.0) or 1.0
    own = carrier["value"] / mult if mult else carrier["value"]
    if not own or not (1 / 20 <= abs(fig["value"] / own) <= 20):
        return                                             # "von 500 auf 1,2 Millionen": different sizes
    v = fig["value"] * mult
    fig.update(value=v, low=v, high=v, unit=carrier["unit"], _mult=mult, _scaled=carrier.get("_scaled"),
               _digit_unit=fig.get("_digit_unit", 1.0) * mult, _plain=False, _range_only=False,
               _minor=carrier.get("_minor"), _sub=carrier.get("_sub"), _int4=False)


# "eine bis 2,5 Millionen", "one to two billion dollars": a range whose first end is the word one
_ONE_TO = re.compile(r"(?<![^\W\d_])(?:[Ee]ine[mnr]?|[Ee]in|[Oo]ne)[ ](?:bis|to)[ ]\Z")


def _join_one(fig: dict, text: str) -> bool:
    """Join "eine bis" before a figure with a scale or unit into a range from one: "eine bis 2,5
    Millionen Euro" -> 1 to 2.5 million EUR. True when joined."""
    s = fig["start"]
    if s < 6 or text[s - 1] != " " or not text.endswith(("bis ", "to "), 0, s):
        return False
    m = _ONE_TO.search(text, max(0, s - 10), s)
    mult = fig.get("_mult", 1.0) or 1.0
    if m is None or not (fig.get("_scaled") or fig["unit"]) or fig["value"] <= mult:
        return False
    low = 1.0 * mult
    fig.update(start=m.start(), value=(low + fig["value"]) / 2, qualifier="range", low=low, high=fig["value"],
               _range=True)
    return True


def _notes_and_conversions(raw: list[dict], text: str) -> None:
    """Exchange-rate notes and bracketed conversions, once every figure is read:
    "($1 = 0.9258 Swiss francs)" is one rate (unit other), not a dollar and an amount of francs;
    "up to 5 billion francs (US$5.4 billion)": the conversion shares the hedge of what it converts."""
    drop = []
    for k in range(1, len(raw)):
        a, b = raw[k - 1], raw[k]
        if b["start"] - a["end"] > 3 or a["_kind"] != "number" or b["_kind"] != "number":
            continue
        gap = text[a["end"]:b["start"]]
        if gap.strip() == "=" and a["value"] == 1 and _is_money(a) and _is_money(b) and a["unit"] != b["unit"]:
            b.update(start=a["start"], unit="other", _rate=True)
            b["_plain"] = False
            drop.append(k - 1)
            continue
        if gap.strip() == "(" and _is_money(b) and (_is_money(a) or a.get("_scaled")):
            b["_conv"] = True                              # a conversion: never the currency of what it converts
            if a["qualifier"] in ("approx", "lower", "upper") and b["qualifier"] == "exact":
                copy_hedge(a, b)
    for k in reversed(drop):
        del raw[k]


def _is_money(f: dict) -> bool:
    """True for a figure in a currency (an ISO code as its unit)."""
    u = f["unit"]
    return len(u) == 3 and u.isupper()


_MULTIPLE = re.compile(r"(?:more\s+than\s+|mehr\s+als\s+)?(?:doubl|tripl|quadrupl|verdoppel|verdreifach|vervierfach|"
                       r"halv|halbier)", re.I)


def _join_range(fig: dict, matches: list, i: int, text: str, language: str, toks: list[str]) -> tuple[dict | None, int]:
    """Ranges: "10 bis 15 Milliarden", "zwischen 10 und 15", "9-10 bn". Returns (figure, matches used):
    the joined range and 1; the figure itself and 0; or None and the matches to skip when the
    pair is no figure at all ("von 10 bis 12 Uhr", a score "19-8", set scores "4-6 6-3")."""
    rc = RANGE_CONN.match(text, fig["end"])
    nxt_m = matches[i]
    if not rc or nxt_m.start() != rc.end():
        return fig, 0
    if nxt_m.lastgroup == "skip":
        return None, 0                                     # "von 10 bis 12 Uhr"
    if rc.group("c") in ("-", "–", ":") and fig.get("_plain"):
        nxt = from_match(nxt_m, text, language, pair=True)
        if nxt is not None and nxt.get("_plain") and nxt["value"] <= fig["value"] < 1000:
            if _VOTE_BEFORE.search(text, max(0, fig["start"] - 80), fig["start"]) and fig["value"] < 100 \
                    and rc.group("c") != ":":
                fig["unit"] = nxt["unit"] = "count"        # "the vote was 3-2": three for, two against
                fig["_pair_next"] = nxt
                return fig, 1
            return None, 1                                 # a score: "19-8", "3–1"
    if nxt_m.lastgroup not in ("num", "wnum"):
        return fig, 0
    conn = rc.group("c").strip()
    between = strip(toks[-1]) if toks else ""
    ok = conn in ("-", "–", "—", "bis", "to") or (conn in ("und", "and") and between in ("zwischen", "between"))
    if conn == "to" and between == "from" or conn in ("to", "bis", "auf") and _MULTIPLE.match(
            text, fig["start"], fig["end"]):
        ok = False             # "rose from 21% to 33%", "more than double to 0.8 million": two figures
    if conn in ("or", "oder"):
        # "drei oder vier Millionen": a range when the second carries the scale or unit
        ok = bool(fig.get("_plain")) and text[nxt_m.end() - 1].isalpha()
    fig2 = from_match(nxt_m, text, language, pair=True) if ok else None
    if fig2 is None or fig2["_kind"] != "number":
        return fig, 0
    fig2_plain = fig2.get("_plain")
    if fig2_plain and not fig2.get("_words"):
        classify_plain(fig2, text, language, [], 99)
    if rc.group("c") in ("-", "–") and fig.get("_plain") and fig2_plain and fig["unit"] == "count" \
            and fig2["unit"] == "count" and not fig2.get("_noun") and fig2["value"] < 100:
        return None, 1                                     # "4-6 6-3": set scores, not a range
    merged = _merge_range(fig, fig2, language, conn)
    if merged is None:
        return fig, 0
    if conn in ("und", "and"):
        j = text.rfind(toks[-1], max(0, fig["start"] - 80), fig["start"])
        merged["start"] = j if j >= 0 else fig["start"]
    return merged, 1


# measures whose holder tells two quantities apart, where a pronoun may name it ("It became the new
# second-largest collapse", "They own 31% of Quillon")
_WHOSE = frozenset(("stake", "stake_sold", "failure", "rank", "shareholder_rank"))
_ADJECTIVE_END = ("ian", "ese", "ish", "-listed", "-based")


def _pronoun_holder(text: str, sent_start: int, sent_text: str, rel_start: int, holder: str, language: str,
                    memo: dict) -> str:
    """The holder of a share or a rank whose sentence opens with a pronoun subject ("It is now the
    fourth-biggest failure"): the name the sentence before stands for (frame_roles.named_before), when
    the text uses it as a name; else the holder the frame read."""
    if not sent_start or not opens_with_pronoun(sent_text, rel_start, language) \
            or holder and holder in sent_text[:rel_start].lower():
        return holder
    k = sent_start - 1
    while k > 0 and not text[k].isalnum():
        k -= 1                                         # the last word of the sentence before
    before = sentence(text, k, k + 1, memo)
    name = named_before(text[before[0]:before[1]], language)
    return name if name and _named_in(text, name) else holder


def _named_in(text: str, name: str) -> bool:
    """Whether a name stands in the text as a name: capitalised after a lowercase word or a comma, not
    only where a sentence opens ('However', 'Steps'); no place, nationality or descriptor."""
    first = name.split()[0]
    if is_place(name) or is_generic(name) or first in DEMONYMS or " " not in name and name.endswith(_ADJECTIVE_END):
        return False
    for m in re.finditer(r"(?<=[a-zäöüß,] )" + re.escape(first) + r"\b", text, re.I):
        if m.group()[0].isupper():
            return True
    return False


_RESTATED = re.compile(r"\s*,?\s*(?:or|oder|bzw\.?|beziehungsweise)\s*", re.I)

# words before "3-2" (in its sentence) that make it a vote, not a score
_VOTE_BEFORE = re.compile(r"\b(?:[Vv]ot(?:e|es|ed|ing)|ruling|verdict|[Aa]bstimmung|[Vv]otum|stimmten?)\b[^.!?]*\Z")


def label_figures(raw: list[dict], text: str, language: str, voc) -> list[dict]:
    """Each raw figure with its sentence, its measure frame (measure, holder, object, when) and the
    quantity its sentence's cue words suggest (`cue`), as the contract's fields."""
    out = []
    sent_cache = (-1, -1)
    sent_text = ""
    state = {"gates": {}, "sent_memo": {}, "cue_cache": {}, "prev_fig": None, "conv": None}
    prev_frame, prev_sentence, prev_start, prev_end = None, -1, 0, 0
    for fig in raw:
        s, e = fig["start"], fig["end"]
        if not (sent_cache[0] <= s and e <= sent_cache[1]):
            sent_cache = sentence(text, s, e, state["sent_memo"])
            sent_text = text[sent_cache[0]:sent_cache[1]]
            state["gates"] = {}
        ucls = fig.pop("_ucls", None) or unit_class_of(fig["unit"]) if fig["unit"] else "other"
        conv = state["conv"]
        is_conv = conv is not None and conv[0] == sent_cache[0] and ucls == "money" and is_conversion(text, conv[1], s) \
            and prev_frame is not None
        same_as_before = prev_frame is not None and prev_sentence == sent_cache[0] and \
            " ".join([strip(t) for t in fig["_btoks"][-2:]]).endswith(SAME_AS_BEFORE)
        if fig["unit"] == "year":
            # a year dates an event the clause names with its name ('the 2009 collapse of Norland Savings');
            # else its cue words name it ('gegründet')
            frame = year_frame(sent_text, s - sent_cache[0], e - sent_cache[0], language)
        elif fig["unit"] == "date":
            frame = dict(_NO_FRAME)
        elif is_conv and prev_frame is not None:
            frame = dict(prev_frame)                       # "$900m (£479m)": the converted figure's frame
        elif same_as_before and prev_frame.get("measure"):
            frame = dict(prev_frame, when="before")        # "$2 billion, up from $1.5 billion": the same, before
        else:
            frame = figure_frame(sent_text, s - sent_cache[0], e - sent_cache[0], text[s:e], ucls, language)
            if not frame["measure"] and prev_frame is not None and prev_sentence == sent_cache[0] \
                    and _RESTATED.fullmatch(text, prev_end, s):
                # "falling by $12.40, or 18.2%": the same move restated, read where the first one stands
                first = figure_frame(sent_text, prev_start - sent_cache[0], prev_end - sent_cache[0],
                                     text[prev_start:prev_end], ucls, language)
                frame = dict(frame, **{k: first[k] for k in ("measure", "measure_text", "frame", "holder")})
            if measure_key(frame["measure"], ucls)[0] in _WHOSE:
                frame["holder"] = _pronoun_holder(text, sent_cache[0], sent_text, s - sent_cache[0],
                                                  frame["holder"], language, state["sent_memo"])
        # the cue words of the sentence: only where the frame names no measure, where a figure without
        # a currency must be told money or count, and for a story's own quantities
        need_cue = fig["unit"] != "date" and (not frame["measure"] or fig.get("_money_pending") or voc.own)
        quantity = _quantity_of(fig, text, language, voc, ucls, sent_cache, sent_text, state) if need_cue \
            else "unclassified"
        if quantity != "unclassified":
            state["prev_fig"] = (sent_cache[0], ucls, quantity)
        state["conv"] = (sent_cache[0], fig["end"], quantity) if ucls == "money" else None
        prev_frame, prev_sentence, prev_start, prev_end = frame, sent_cache[0], s, e
        # the contract's fields only (the working dict is dropped after this loop)
        out.append({"start": s, "end": fig["end"], "text": text[s:e], "value": fig["value"], "unit": fig["unit"],
                    "qualifier": fig["qualifier"], "low": fig["low"], "high": fig["high"], "quantity": quantity,
                    "sentence": sent_text, "sentence_start": sent_cache[0], "cue": quantity,
                    "measure": frame["measure"], "measure_text": frame["measure_text"], "frame": frame["frame"],
                    "holder": frame["holder"], "object": frame["object"], "when": frame["when"],
                    "verb": frame.get("verb", ""), "part": frame.get("part", ""), "unit_class": ucls})
    resolve_demonyms(out, text, language)                  # "die Italiener": the Unicredit the text named
    return out


_NO_FRAME = {"measure": "", "measure_text": "", "frame": "", "holder": "", "object": "", "when": "", "verb": "",
             "part": ""}


def _gate(state: dict, sent_text: str, kind: int, language: str) -> bool:
    """head_gate of the current sentence for one kind, computed once per sentence."""
    gate = state["gates"].get(kind)
    if gate is None:
        gate = state["gates"][kind] = head_gate(sent_text, kind, language)
    return gate


def _quantity_of(fig: dict, text: str, language: str, voc, ucls: str, sent: tuple[int, int], sent_text: str,
                 state: dict) -> str:
    """The quantity one figure measures: the noun it counts, the head words at it, the figure before
    it, else the cue words of its sentence; then share prices, conversions and pending money units."""
    s = fig["start"]
    noun_case = bool(fig.get("_noun")) and fig["unit"] in ("count", "other")
    head = ""
    if not noun_case and ucls in HEAD_UCLS:
        kind = 1 if ucls == "count" else 0
        gate = _gate(state, sent_text, kind, language)
        if gate or kind == 0 and text.endswith(("for ", "für "), max(0, s - 4), s):
            head = head_quantity(text, fig, ucls, sent, gate)
        if head and voc.unit_of.get(head) not in ("money", "count"):
            head = ""                                      # a story's own quantities may rename or drop it
    prev_fig = state["prev_fig"]
    if noun_case:
        quantity = _counted_quantity(fig, text, language, voc, ucls, sent, sent_text, state)
    elif head:
        quantity = head                                    # "a $900m loan", "$20bn in damages", "Tote"
    elif fig.get("_company") and voc.unit_of.get("valuation") == "money":
        quantity = "valuation"
    elif prev_fig is not None and prev_fig[0] == sent[0] and prev_fig[1] == ucls and \
            " ".join([strip(t) for t in fig["_btoks"][-2:]]).endswith(SAME_AS_BEFORE):
        quantity = prev_fig[2]                             # "$3 billion, up from $1.8 billion": the same quantity
    else:
        quantity, _score = label(text, fig, ucls, sent, voc, fig.get("_own", ""), state["cue_cache"])
    if ucls == "money" and not head and (fig.get("_sub") or quantity in PPS_FROM) and \
            voc.unit_of.get("price_per_share") == "money" and share_price(fig, quantity, sent_text):
        quantity = "price_per_share"                       # pence beside shares, a buyout "at 300p"
    conv = state["conv"]
    if conv is not None and conv[0] == sent[0] and ucls == "money" and is_conversion(text, conv[1], s):
        quantity = conv[2]                                 # "$900m (£479m)": the conversion is the same quantity
    if fig.get("_money_pending"):
        if voc.unit_of.get(quantity) == "money":
            fig["unit"] = fig["_money_pending"]
        # a count by context ("Milliarden Nutzer"); with no context a vague amount stays
        # money, a scaled number becomes "other"
        elif voc.unit_of.get(quantity) == "count":
            fig["unit"] = "count"
        elif fig["_kind"] != "vague":
            fig["unit"] = "other"
    return quantity


def _counted_quantity(fig: dict, text: str, language: str, voc, ucls: str, sent: tuple[int, int],
                      sent_text: str, state: dict) -> str:
    """"500 Mitarbeiter", "four minutes": the noun says what is counted (or the noun after one
    adjective); people who died or were hurt by the head words at the figure."""
    e = fig["end"]
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
        gate = _gate(state, sent_text, 1, language)
        head = head_quantity(text, fig, ucls, sent, gate) if gate else ""
        if head and voc.unit_of.get(head) == "count":
            quantity = head                                # "seven people killed": deaths, not people
    return quantity


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
    """Give money figures without a stated currency the currency the text carries: the last amount
    with a currency before it (not a bracketed conversion: "36 billion dollars (£29bn). ... more than
    80 billion" is dollars), else the nearest one after it that is not its own conversion."""
    money = [f for f in figs if len(f["unit"]) == 3 and f["unit"].isupper() and not f.get("_conv")]
    pos = [f["start"] for f in money]
    cur = [f["unit"] for f in money]
    conv_at = {f["start"] for f in figs if f.get("_conv")}

    def carried(f: dict) -> str:
        """The currency of a scaled amount just before (250 characters) of the same order of size:
        "Zusagen von rund 1 Mrd. € ... nur rund eine halbe Milliarde" is euros, whatever it measures."""
        if f["_kind"] != "number" or not f.get("_scaled") or f.get("_noun") or not pos:
            return ""
        j = bisect.bisect_left(pos, f["start"]) - 1
        if j < 0 or f["start"] - pos[j] > 250 or not money[j].get("_scaled"):
            return ""
        a, b = abs(f["value"]), abs(money[j]["value"])
        return cur[j] if a and b and 1 / 1000 <= a / b <= 1000 else ""

    def nearest(f: dict) -> str:
        p = f["start"]
        if not pos:
            conv = [g["unit"] for g in figs if g.get("_conv") and g["start"] > p]
            return conv[0] if conv and not _own_conversion(f, figs) else ""
        j = bisect.bisect_left(pos, p)
        before = j - 1 if j > 0 else None
        after = j if j < len(pos) else None
        if after is not None and pos[after] in conv_at:
            after = None
        if before is not None and (after is None or p - pos[before] <= 300):
            return cur[before]
        if after is not None:
            return cur[after]
        return cur[before] if before is not None else ""

    for f in figs:
        if f["unit"]:
            continue
        kind = f["_kind"]
        if f.get("_minor"):
            f["unit"] = nearest(f) or ("EUR" if language == "de" else "USD")
            continue
        c = carried(f)
        if c:
            f["unit"] = c
            continue
        c = nearest(f) or "other"
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


def _own_conversion(f: dict, figs: list[dict]) -> bool:
    """True when the only currency after `f` is the bracketed conversion of `f` itself."""
    k = next((i for i, g in enumerate(figs) if g is f), -1)
    return 0 <= k < len(figs) - 1 and bool(figs[k + 1].get("_conv"))