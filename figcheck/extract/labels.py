"""What a figure measures: the quantity named by the words at it ('loan', 'je Aktie', 'Tote') or,
failing that, by the cue words of its sentence, weighted by distance."""
from __future__ import annotations

import bisect
import re

from figcheck.extract.hedges import strip
from figcheck.extract.quantities import CLAUSE_BREAK, Vocab


def _cue_hits(text: str, a: int, b: int, voc: Vocab) -> list[tuple[int, int, tuple]]:
    """Cue words in text[a:b]: (start, end, ((quantity, weight), ...)) for each occurrence.

    The span is split on whitespace and each distinct token looked up in a memo (punctuation and
    hyphenated parts are handled by Vocab.token_cues), so only cue words cost Python work.
    """
    seg = text[a:b]
    low = seg.lower()
    if len(low) != len(seg):                    # lowercasing changed offsets (rare letters)
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in seg)
    out = []
    nl = len(low)
    toks = set(low.split())
    cache = voc.tok_cache
    # tokens seen before: only those with cues (a set intersection); new tokens: looked up once
    found = [(tok, cache[tok]) for tok in toks.intersection(voc.tok_hit)]
    for tok in toks.difference(cache):
        hit = voc.token_cues(tok)
        if hit:
            found.append((tok, hit))
    for tok, (hits, off, length) in found:
        k = len(tok)
        i = low.find(tok)
        while i >= 0:
            if (i == 0 or low[i - 1].isspace()) and (i + k >= nl or low[i + k].isspace()):
                out.append((a + i + off, a + i + off + length, hits))
            i = low.find(tok, i + 1)
    gate = voc.phrase_gate
    for _first, phrase, hits in (voc.phrase_list if gate is not None and gate.search(low) is not None else ()):
        i = low.find(phrase)
        while i >= 0:
            out.append((a + i, a + i + len(phrase), hits))
            i = low.find(phrase, i + 1)
    return out


def label(text: str, fig: dict, ucls: str, sent: tuple[int, int], voc: Vocab,
              own: str = "", cache: dict | None = None) -> tuple[str, float]:
    """(quantity, score) for one figure from the cue words of its sentence, weighted by distance
    (weight / (1 + distance / 40 characters), halved across a clause break); the sentence before
    counts at half weight when the figure's own sentence gives no clear answer."""
    if ucls == "ordinal":
        return ("rank" if fig.get("_rank") and voc.unit_of.get("rank") == "ordinal" else "unclassified"), 1.0
    allowed = ("money", "count") if ucls == "money_or_count" else (ucls,)
    cache = {} if cache is None else cache
    s0, e0 = sent
    fs, fe = fig["start"], fig["end"]
    scores: dict[str, float] = {}
    unit_of = voc.unit_of

    def add(hits, pos_s, pos_e, factor, breaks=()):
        if pos_e <= fs:
            d = fs - pos_e
            if d > 8 and breaks and bisect.bisect_left(breaks, pos_e) != bisect.bisect_left(breaks, fs):
                factor *= 0.5
        elif pos_s >= fe:
            d = pos_s - fe
            if d > 8 and breaks and bisect.bisect_left(breaks, fe) != bisect.bisect_left(breaks, pos_s):
                factor *= 0.5
        else:
            if factor != _OWN and pos_s >= fs and pos_e <= fe:
                return                                 # words inside the figure ("up to"): not cues
            d = 0
        if d > 240:
            return
        f = factor / (1.0 + d / 40.0)
        for name, w in hits:
            if unit_of.get(name) in allowed:
                scores[name] = scores.get(name, 0.0) + w * f

    def scan(a, b, factor):
        key = (a, b)
        got = cache.get(key)
        if got is None:
            seg = text[a:b]
            breaks = ([m.start() + a for m in CLAUSE_BREAK.finditer(seg)]
                      if (";" in seg or ":" in seg or "–" in seg or "—" in seg or ", " in seg) else [])
            got = cache[key] = (_cue_hits(text, a, b, voc), breaks)
        hits, breaks = got
        for ps, pe, h in hits:
            add(h, ps, pe, factor, breaks)

    scan(s0, e0, 1.0)
    if own:
        hits = voc.word_cues(own)
        if hits:
            add(hits, fs, fe, _OWN)
    best = max(scores.items(), key=lambda kv: (kv[1], kv[0])) if scores else ("unclassified", 0.0)
    if best[1] < _LABEL_MIN and s0 > 0 and ucls in ("money", "percent", "money_or_count"):
        scan(max(0, s0 - 200), s0, 0.5)
        best = max(scores.items(), key=lambda kv: (kv[1], kv[0])) if scores else ("unclassified", 0.0)
    return best if best[1] >= _LABEL_MIN else ("unclassified", best[1])


_LABEL_MIN = 0.25
COMPANY_NOUNS = {"unternehmen", "unternehmens", "konzern", "konzerns", "firma", "start-up", "startup",
                     "start-ups", "startups", "company", "firm", "group", "business", "gruppe"}
# words before a figure that make it the same quantity as the figure before it in the sentence
SAME_AS_BEFORE = ("up from", "down from", "compared with", "compared to", "versus", "vs.", "gegenüber",
                      "nach zuvor", "von zuvor", "zuvor", "previously", "from a previous")
_OWN = 1.0000001          # the factor that marks the figure's own compound word ("Milliardendeal")
COUNTISH = {"count": ("count",), "other": ()}
# What a money figure is, from the words right at it, which win over the sentence's cues: the
# noun after it ("a $900m (£479m) loan", "$20bn in damages", "300p a share", "in back taxes") or
# the noun it is "of" ("damages of $20bn", "Dividende von 70 Cent", "Steuerschuld über ...").
# Matched on the lowercased text with hyphens as spaces ("530 pence-a-share").
_HEAD_MONEY_AFTER = re.compile(
    r"[\s-]*(?:\([^()\n]{1,60}\)\s*)?(?:[^\W\d_]+[\s-]+){0,2}?"
    r"(?:(?P<dividend>dividends?\b|dividende)"
    r"|(?P<tax_bill>(?:back[\s-]+)?tax[\s-]+(?:bill|claim|demand|debt)|back[\s-]+tax"
    r"|(?:in|of|for)\s+(?:[^\W\d_]+\s+)?taxes\b|steuer(?:schuld|nachforderung|forderung|nachzahlung))"
    r"|(?P<damages>damages\b|schadens?ersatz)"
    r"|(?P<fine>fines?\b|penalty\b|strafe\b|bußgeld|geldbuße)"
    r"|(?P<debt>loans?\b|credit[\s-]+(?:line|facility)|kredit|darlehen|schulden\b)"
    r"|(?P<price_per_share>(?<!for\s)(?<!of\s)(?<!in\s)(?<!für\s)(?:a|per|each|je|pro)[\s-]+(?:[^\W\d_]+\s+)?"
    r"(?:share|aktie)\b))", re.I)
_HEAD_MONEY_BEFORE = re.compile(
    r"(?:(?P<dividend>dividends?|dividende\w*|ausschüttung\w*)"
    r"|(?P<tax_bill>tax[\s-]+(?:bill|claim|demand|debt)s?|back[\s-]+tax(?:es)?|unpaid\s+taxes"
    r"|steuer(?:schuld|nachforderung|forderung|nachzahlung)\w*)"
    r"|(?P<damages>damages|schadens?ersatz\w*)|(?P<debt>loans?|kredit\w*|darlehen\w*))"
    r"\s+(?:[^\W\d_]+\s+){0,3}?(?:of|von|über|in\s+höhe\s+von|worth|totall?ing|amounting\s+to|to|auf|at)\s+\Z")
# the last word before a money figure that can join it to a noun before ("damages of", "Kredit über")
_HEAD_MONEY_JOIN = frozenset(("of", "von", "über", "worth", "totalling", "totaling", "to", "auf", "at"))
# deaths and injured people: the verb or noun right after a count ("seven people killed", "fünf
# Menschen kamen ums Leben", "20 bis 25 wurden verletzt") or right before it ("killed at least five")
_HEAD_COUNT_AFTER = re.compile(
    r"\s*(?:[^\W\d_]+\s+){0,5}?(?:(?P<deaths>killed|dead\b|died|deaths\b|tot\b|tote\b|toten\b|todesopfer|ums\s+leben"
    r"|getötet|starben|gestorben|lost\s+their\s+lives)|(?P<injured>injured|wounded|hurt\b|verletzt|verwundet))",
    re.I)
_HEAD_COUNT_VERBS = {"killed": "deaths", "killing": "deaths", "starben": "deaths", "tötete": "deaths",
                        "töteten": "deaths", "kostete": "deaths", "injured": "injured", "injuring": "injured",
                        "verletzte": "injured"}
# "sold ... for $9.3bn", "bought it for", "won the auction for", "für 5 Milliarden gekauft": the price paid
_HEAD_DEAL_VERB = re.compile(
    r"\b(?:sold|sells?|selling|sale|bought|buys?|buying|paid|pays?|paying|acquired?|acquires|won|auction\w*"
    r"|verkauf\w*|gekauft|kauft\w*|kaufen|bezahlt|zahlt\w*|erworben|erwirbt|übernommen|übernimmt|ersteigert"
    r"|versteigert)\b")
HEAD_UCLS = frozenset(("money", "money_or_count", "count"))
PPS_FROM = frozenset(("deal_amount", "price", "unclassified"))
SECOND_WORD = re.compile(r"[ \u00a0]+[^\W\d_][\w-]*[ \u00a0]+([^\W\d_][\w-]*)")
_CHANGE_BEFORE = frozenset(("up", "down", "by", "rose", "fell", "gained", "lost", "um", "plus", "minus"))
AGE_AFTER = re.compile(r"[- ]?(?:jährig|year-old|years-old|year old|years old)", re.I)
AGE_BEFORE = frozenset(("age", "alter", "ages"))     # "at the age of 80", "im Alter von 80 Jahren"


def share_price(fig: dict, quantity: str, sentence: str) -> bool:
    """True when a money figure labelled `quantity` from its sentence is rather the price of one
    share: an amount in pence or cents (or a small unscaled one) in a sentence about shares, or a
    deal priced in pence ("a buyout at just over 300p"); not a change ("down 3.75p"), not a dividend."""
    if quantity in ("dividend", "price_per_share"):
        return False
    btoks = fig["_btoks"]
    if btoks and strip(btoks[-1]) in _CHANGE_BEFORE:
        return False
    sub = fig.get("_sub")
    if sub and quantity in ("deal_amount", "valuation"):
        return True
    if not (sub or quantity in PPS_FROM and not fig.get("_scaled") and abs(fig["value"]) < 1000):
        return False
    return head_gate(sentence, 2)


def is_conversion(text: str, prev_end: int, start: int) -> bool:
    """True when a money figure at `start` restates the one ending at `prev_end` in another
    currency: '$900m (£479m)', '(£0.48; $0.98)', '$9.37bn: £4.8bn', '(261bn roubles, £4.8bn)'."""
    gap = text[prev_end:start].strip()
    if gap in ("(", "[", ";", ":", "/"):
        return True
    if gap == ",":
        close, opn = text.find(")", start, start + 60), text.find("(", start, start + 60)
        return close >= 0 and (opn < 0 or close < opn)
    return False


def head_gate(sentence: str, kind: int, language: str = "") -> bool:
    """Whether a text can hold head words at all, for kind 0 (money: 'loan', 'tax', 'a share'),
    1 (counts: 'killed', 'verletzt') or 2 ('share', 'Aktie'), in the text's language ('': both):
    plain substring tests, once per sentence, spare the head patterns for sentences that hold none."""
    low = sentence.lower()
    en, de = language != "de", language != "en"
    if kind == 2:
        return en and "share" in low or de and "aktie" in low
    if kind == 1:
        return en and ("kill" in low or "dead" in low or "died" in low or "death" in low or "injur" in low or
                       "wound" in low or "hurt" in low) or \
            de and ("tot " in low or "tote" in low or "verletz" in low or "leben" in low or "starb" in low or
                    "getötet" in low or "verwund" in low)
    return en and ("share" in low or "tax" in low or "loan" in low or "divid" in low or "damage" in low or
                   "fine" in low or "credit" in low or "penalt" in low) or \
        de and ("aktie" in low or "steuer" in low or "kredit" in low or "darlehen" in low or "divid" in low or
                "schaden" in low or "schulden" in low or "strafe" in low or "ausschütt" in low or
                "bußgeld" in low or "geldbuße" in low)


def head_quantity(text: str, fig: dict, ucls: str, sent: tuple[int, int], gate: bool = True) -> str:
    """The quantity named by the words right at a figure ('loan', 'in damages', 'a share', 'Tote',
    'verletzt', 'dividend of'), '' when none: these win over the sentence's cue words. `gate` is
    head_gate(sentence, kind) for the figure's kind (True: look anyway)."""
    s, e = fig["start"], fig["end"]
    if ucls == "count" and not gate:
        return ""
    lo = max(sent[0], s - 70)
    m = None
    if ucls == "count":
        last = text[max(lo, s - 24):s].rsplit(None, 2)[-2:]   # the last two words before the figure
        for w in reversed(last):
            if w[-1] in ".,;:!?)\"'»“”":
                break                                           # not across a clause break
            q = _HEAD_COUNT_VERBS.get(w.lower())
            if q:
                return q                                        # "killed at least five", "starben zwei"
        m = _HEAD_COUNT_AFTER.match(text, e, min(sent[1], e + 70))
        return m.lastgroup if m is not None else ""
    if ucls not in ("money", "money_or_count"):
        return ""
    if gate:
        last = text[max(lo, s - 24):s].rsplit(None, 1)[-1:]
        if last and last[-1].lower() in _HEAD_MONEY_JOIN:
            m = _HEAD_MONEY_BEFORE.search(text[lo:s].lower())
        if m is None:
            m = _HEAD_MONEY_AFTER.match(text, e, min(sent[1], e + 70))
    if m is None:
        if text.endswith(("for ", "für "), max(0, s - 4), s) and \
                _HEAD_DEAL_VERB.search(text[sent[0]:s].lower()) is not None:
            # "on sale for 79p": pence and small sums are a price, not a deal
            small = fig.get("_sub") or not fig.get("_scaled") and abs(fig["value"]) < 1000
            return "price" if small else "deal_amount"
        return ""
    if m.lastgroup == "price_per_share" and any(w in text[sent[0]:sent[1]].lower() for w in ("divid", "ausschütt")):
        return "dividend"                     # "Dividende von 65 Cent je Aktie, ... 80 Cent pro Aktie"
    return m.lastgroup
