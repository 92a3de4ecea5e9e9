"""What a figure measures, read from the words bound to it: its measure frame.

For each figure: the *measure* (the noun it quantifies, or the verb that moves it, as a lemma:
"$8 billion equity commitment" -> "equity commitment", "Anteil von 15 Prozent" -> "anteil",
"investiert 14,3 Milliarden" -> "investieren"), the *holder* (whose: "des Staates", "Exxon's",
the subject of "hält"), the *object* (of what: "an der Commerzbank", "of Pioneer", "in Scale AI")
and *when* (a year in the clause, or a word that dates it: "zuvor", "previously", "nun").

The rules read the grammar around the figure inside its clause, nearest first:
1. glued: a compound or adjective made of the figure ("Sechs-Milliarden-Euro-Hilfspaket",
   "49-prozentigen Anteil", "a 9 billion-franc guarantee");
2. per share: "$253 a share", "13,20 Euro je Aktie";
3. a noun right after it: "a $900m loan", "5.000 Stellen", "$2.25 billion capital raise",
   or "in" + noun: "$5.5 billion in loans";
4. a noun it is linked to: "a premium of 27%", "Kredit über zwei Milliarden", "Anteil von 15
   Prozent", "deal valued at", "Investitionen in Höhe von";
5. "for" + figure after a purchase: "its acquisition of XTO for $30 billion", "buy X for";
6. a measure verb of the clause: "hält 9 Prozent", "paid $253", "für 14 Milliarden verkauft";
7. the subject of a link verb when it is a known measure: "Der Umsatz stieg auf 10 Milliarden",
   "Die Schulden lagen bei 33 Milliarden", also through a relative pronoun ("der Schuldenberg,
   der sich auf 33 Milliarden belief").
`frame` names the rule that found the measure; an empty measure means none did.
"""
from __future__ import annotations

import re
from functools import lru_cache

from figcheck.extract.clause import (
    ARTICLES, EN_POSSESSIVE, TIME_NOUNS, Around, FILLERS_DE, FILLERS_EN, LINK_VERBS, is_word, noun, tokens
)
from figcheck.extract.context import is_measure
from figcheck.extract.frame_parts import EQUAL_SPLIT, FURTHER, INSTRUMENTS, part
from figcheck.extract.frame_roles import _subordinate, clause_verb, holder, object_of, when
from figcheck.extract.measures import (
    NOT_MEASURES, PARTICLES, VERBS, is_measure_word, is_purchase_noun, lemma, measure_key, verb_concept
)

_LINKS_DE = ("von", "über")                 # the noun is right before: "Anteil von 15 Prozent"
_LINKS_EN = ("of", "worth", "totalling", "totaling", "amounting", "at")
_RELATIVE = frozenset(("der", "die", "das", "welche", "welcher", "welches", "which", "that", "who"))


def figure_frame(sentence: str, rel_start: int, rel_end: int, fig_text: str, unit_class: str,
                 language: str) -> dict:
    """The measure frame of one figure: {measure, measure_text, frame, holder, object, when}.

    `rel_start`/`rel_end` are the figure's offsets inside `sentence`; `unit_class` is money,
    percent, count, other, year, ordinal (money_or_count when the figure has no currency yet);
    `language` de or en. A sentence read before (agency copy that several outlets print word for
    word) is not read again: the frame is memoised, and a copy returned.
    """
    return dict(_frame(sentence, rel_start, rel_end, fig_text, unit_class, language))


@lru_cache(maxsize=20_000)
def _frame(sentence: str, rel_start: int, rel_end: int, fig_text: str, unit_class: str, language: str) -> dict:
    de = language == "de"
    a = Around(sentence, rel_start, rel_end, "de" if de else "en")
    frame = {"measure": "", "measure_text": "", "frame": "", "holder": "", "object": "", "when": "", "verb": "",
             "part": ""}
    found = None
    for rule in _RULES:
        found = rule(a, fig_text, de, unit_class)
        if found:
            break
    pos = None
    if found:
        frame["measure"], frame["measure_text"], frame["frame"], pos = found
        if _MINOR_UNIT.search(fig_text) and measure_key(frame["measure"], "money")[0] in ("deal_amount", "offer"):
            # pence and cents in a deal: a price per share ("a buyout at 410p"), else a price ("on sale for 79p")
            shares = any(t[4] in _SHARE_LEMMAS or t[4] == "shares" for t in tokens(sentence, "de" if de else "en")) \
                or frame["measure"].rsplit(" ", 1)[-1] in _COMPANY_DEALS
            frame["measure"], frame["frame"] = ("price per share", "per_share") if shares else ("price", "noun_of")
    if frame["measure"] and frame["frame"] != "verb":
        frame["measure"] = _aid_for(a, frame["measure"], pos) + _opening_qualifier(a, de)
    frame["holder"] = holder(a, de, pos, frame["measure"], frame["frame"])
    frame["object"] = object_of(a, de, pos, frame["measure"], frame["frame"], unit_class)
    frame["when"] = when(a, fig_text)
    frame["part"] = part(a, de, unit_class)
    if frame["frame"] != "verb":
        frame["verb"] = clause_verb(a, de)
    return frame




# ("ohne" is left out: "Ohne Aufstockung der Mittel ..." states a condition more often than an exclusion)
def _aid_for(a: Around, measure: str, pos) -> str:
    """Aid named by what it is for ('$50 billion of aid (...) for the liquidity of Harrow', 'Hilfen für
    die Liquidität'): that measure, where the table knows it; else the measure itself."""
    if pos is None or measure_key(measure, "money")[0] != "aid":
        return measure
    after = [t for t in a.right_all if t[0] >= pos[1]]
    if after and after[0][2] == "(":
        close = next((i for i, t in enumerate(after) if t[2] == ")"), None)
        after = after[close + 1:] if close is not None else after
    if len(after) < 2 or after[0][3] not in ("for", "für", "zur"):
        return measure
    nxt = [t for t in after[1:4] if t[3] not in ARTICLES]
    if nxt and nxt[0][5]:
        key, known = measure_key(nxt[0][4], "money")
        if known and key != "aid":
            return nxt[0][4]
    return measure


_QUALIFIERS = {"inklusive": "inklusive", "einschließlich": "inklusive", "including": "including",
               "excluding": "excluding", "exklusive": "ohne", "abzüglich": "ohne"}


def _opening_qualifier(a: Around, de: bool) -> str:
    """What a phrase opening the sentence adds to its measure ('Inklusive erwarteter Zinserträge ... sei
    das Geschäft 14,8 Milliarden wert', 'Including debt, the deal is worth $60 billion'): ' inklusive
    zinserträge', read by measures.measure_key as a measure including something; '' when none."""
    opening = list(reversed(a.left_all))
    if len(opening) < 3 or opening[0][3] not in _QUALIFIERS or opening[0][0] >= a.fig_start \
            or any(t[2] in (":", ";", "–", "—") for t in opening):
        return ""                   # "Ohne ... Crew geht es nicht: Um bei 65 Knoten": another clause
    words = [t for t in opening[1:7] if t[0] < a.fig_start]
    if de:
        head = next((t for t in words if t[6]), None)          # the first noun: "erwarteter Zinserträge"
    else:
        run = []
        for t in words:
            if not t[5] or t[3] in _QUALIFIER_END:
                break
            run.append(t)
        head = run[-1] if run else None                        # "net debt" -> "debt"
    return f" {_QUALIFIERS[opening[0][3]]} {head[3]}" if head is not None else ""


_QUALIFIER_END = frozenset(("the", "a", "an", "is", "was", "it", "to", "until", "of", "and", "bis", "zum"))


def _phrase(words: list[str], de: bool) -> str:
    """The lemma of a measure phrase: the head (last word) lemmatised, English modifiers kept."""
    lang = "de" if de else "en"
    if de or len(words) == 1:
        return lemma(words[-1], lang)
    return " ".join([w.lower() for w in words[:-1]] + [lemma(words[-1], lang)])


def _en_noun_run(tokens: list, limit: int = 3) -> list:
    """The English noun phrase at the start of `tokens` (modifiers and head, at most `limit` tokens)."""
    run = []
    for t in tokens[:limit]:
        if not noun(t[2], False):
            break
        run.append(t)
    return run


_VAGUE_STEM = re.compile(r"^(?:multi-?)?(?:milliarden|millionen|billionen|hunderttausende|tausende|billion|million)-?",
                         re.I)
_WORTH_ADJECTIVE = re.compile(r"(?:schwer\w*|-dollar|-euro|-pound|-franc)$", re.I)
_COMPANY_NOUNS = frozenset(("unternehmen", "konzern", "firma", "start-up", "startup", "company", "firm", "group",
                            "business", "gruppe", "bank", "institut"))


_COMPANY_DEALS = frozenset(("buyout", "takeover", "offer", "bid", "acquisition", "merger", "übernahme",
                            "übernahmeangebot", "angebot", "gebot"))
_MINOR_UNIT = re.compile(r"\d\s*(?:p|pence|cents?|rappen)\b", re.I)
_AGE = re.compile(r"(?:-jährig\w*|-year-old|-years-old)$", re.I)


def _for_every(a: Around, fig_text: str, de: bool, unit_class: str):
    """'1 Orbis share for every 12.5 Quillon shares', 'eine Aktie für je 12,5 Aktien': the exchange
    ratio of a share swap."""
    w = [t[3] for t in a.left[:2]]
    if w in (["every", "for"], ["each", "for"], ["je", "für"], ["jede", "für"]) \
            and any(t[4] in _SHARE_LEMMAS or t[3] in ("shares", "aktien") for t in a.right[:4]):
        return "exchange ratio", "for every", "ratio", (a.left[1][0], a.left[0][1])
    return None                     # "for every 40 cents a reader gives, 10 cents go": no share swap


def _age(a: Around, fig_text: str, de: bool, unit_class: str):
    """An age: '41-jährige', 'a 42-year-old', '42 years old', 'aged 45', 'at the age of 81', 'im Alter von 81'."""
    low = fig_text.lower()
    right = a.right[1:] if a.right and a.right[0][2] == "-" and a.right[0][0] == a.fig_end else a.right
    nxt = right[0][3] if right else ""
    near = [t[3] for t in a.left[:4]]
    if _AGE.search(low) or nxt.startswith(("-jährig", "jährig", "-year-old", "year-old")) or \
            nxt in ("years", "jahre") and len(right) > 1 and right[1][3] in ("old", "alt") or \
            near[:1] == ["aged"] or "age" in near[:3] and "of" in near[:2] or "alter" in near[:3]:
        return "age", fig_text, "age", (a.fig_end, a.fig_end)
    return None


def _glued(a: Around, fig_text: str, de: bool, unit_class: str):
    """'Sechs-Milliarden-Euro-Hilfspaket', '$10B-Investition', '49-prozentigen Anteil', 'a 9 billion-franc
    guarantee', a vague compound ('Milliardendeal', 'Milliardeninvestition'), and a company worth so much
    ('ein milliardenschweres Unternehmen', 'a billion-dollar company': its valuation)."""
    low = fig_text.lower()
    lang = "de" if de else "en"
    if unit_class == "percent" and EQUAL_SPLIT.match(low):
        # "ein 50:50-Joint-Venture", "a 60/40 venture": how the owners share it, each party's stake
        return ("anteil" if de else "stake"), fig_text, "ratio", (a.fig_end, a.fig_end)
    tail = _VAGUE_STEM.sub("", low) if _VAGUE_STEM.match(low) and " " not in low else ""
    if tail and not _WORTH_ADJECTIVE.search(low) and len(tail) > 2 and not tail.startswith(("schwer", "fach")):
        return lemma(tail.capitalize() if de else tail, lang), fig_text, "glued", (0, 0)
    if _WORTH_ADJECTIVE.search(low) and a.right and a.right[0][4] in _COMPANY_NOUNS:
        t = a.right[0]
        return "valuation", t[2], "glued", (t[0], t[1])
    hyphen = bool(a.right) and a.right[0][2] == "-" and a.right[0][0] == a.fig_end
    if hyphen:
        a.right = a.right[1:]
    # "20-Prozent-Anteil": the token ran on past the figure, its rest follows the hyphen
    ran_on = bool(a.right) and a.right[0][0] == a.fig_end + 1 and a.sentence[a.fig_end:a.fig_end + 1] == "-"
    if not (hyphen or ran_on or low.endswith("-") or re.search(r"(prozentig\w*|-(?:franc|dollar|euro|pound|yen|milliarden|"
                                                     r"millionen))$", low)):
        return None
    if not a.right:
        return None
    t = a.right[0]
    if de and noun(t[2], True):
        return t[4], t[2], "glued", (t[0], t[1])
    run = _en_noun_run(a.right) if not de else []
    if run:
        return _phrase([r[2] for r in run], False), " ".join(r[2] for r in run), "glued", (run[0][0], run[-1][1])
    return None


def _rate(tokens: list) -> str:
    """'per day' for 'per day', 'a day', 'pro Tag', 'täglich'; 'per year' for 'a year', 'jährlich', 'im Jahr'."""
    words = [t[3] for t in tokens]
    for i, w in enumerate(words):
        if w in ("täglich", "daily") or w in ("per", "a", "pro", "je") and i + 1 < len(words) and \
                words[i + 1] in ("day", "tag"):
            return "per day"
        if w in ("jährlich", "annually", "yearly") or w in ("per", "a", "pro", "je", "im") and i + 1 < len(words) \
                and words[i + 1] in ("year", "jahr"):
            return "per year"
    return ""


def _rate_left(left: list) -> str:
    """The rate an adjective of the clause gives a unit ('die jährliche Rohstahlproduktion sinkt auf neun
    Millionen Tonnen', 'annual output of 1.2 million tonnes')."""
    for t in left:
        if t[3].startswith(("jährlich", "annual", "yearly")):
            return "per year"
        if t[3].startswith(("täglich", "daily")):
            return "per day"
    return ""


_SHARE_LEMMAS = ("share", "aktie", "stück", "anteilsschein")


def _per_share(a: Around, fig_text: str, de: bool, unit_class: str):
    """'$253 a share', '0.50 francs per share', '640 pence per Nordex share', '640 pence-a-share',
    '13,20 Euro je Aktie'; a dividend per share stays a dividend ('Dividende von 65 Cent je Aktie')."""
    rest = a.rest_right()
    found = None
    if rest and rest[0][3].endswith(("-a-share", "-per-share", "a-share")):
        found = ("price per share", rest[0][2], "per_share", (rest[0][0], rest[0][1]))
    elif len(rest) >= 2 and rest[0][3] in ("a", "per", "each", "je", "pro"):
        for t in rest[1:3]:
            if t[4] in _SHARE_LEMMAS:
                found = ("price per share", f"{rest[0][2]} {t[2]}", "per_share", (rest[0][0], t[1]))
                break
            if not t[6]:                      # only a name may stand between: "per Nordex share"
                break
    if found:
        linked = _noun_linked(a, fig_text, de, unit_class)
        if linked and measure_key(linked[0])[0] == "dividend":
            return linked
    return found


def _noun_after(a: Around, fig_text: str, de: bool, unit_class: str):
    """'a $900m loan', '$2.25 billion capital raise', '5.000 Stellen', '$5.5 billion in loans'."""
    rest = a.rest_right()
    if not rest:
        return None
    t = rest[0]
    if unit_class == "ordinal" and (t[3] in TIME_NOUNS or t[4] in TIME_NOUNS):
        return "period " + t[4], t[2], "noun_after", (t[0], t[1])   # "for a second day": a count, not a rank
    if is_measure(t[2]) and unit_class in ("other", "count"):
        # a unit of measurement: what is measured follows it ("2,64 Millionen Tonnen Luftfracht",
        # "16 billion barrels of oil", "85 Tonnen schwer")
        nxt = rest[1:4]
        if nxt and nxt[0][2].lower() in ("of", "a", "per", "pro", "je", "an") and len(nxt) > 1:
            nxt = nxt[1:]
        what = nxt[0][2] if nxt and is_word(nxt[0][2]) and nxt[0][2].lower() not in NOT_MEASURES else ""
        unit_lemma = t[4]
        measure = f"{unit_lemma} {lemma(what, 'de' if de else 'en')}" if what else unit_lemma
        rate = _rate(rest[1:10]) or _rate_left(a.left)
        if rate:
            measure += f" {rate}"
        return measure, f"{t[2]} {what}".strip(), "unit_after", (t[0], (nxt[0][1] if what else t[1]))
    if unit_class in ("count", "money_or_count") and t[4] in _PEOPLE and len(a.left) >= 2 \
            and a.left[0][3] in ("for", "für") and noun(a.left[1][2], de):
        u = a.left[1]                                  # "jobs for 12 million people": the jobs, not the people
        return u[4], f"{u[2]} {a.left[0][2]} {t[2]}", "noun_of", (u[0], u[1])
    if de:
        if unit_class != "percent" and not t[6] and t[5] and len(rest) > 1 and noun(rest[1][2], True) \
                and t[3] not in NOT_MEASURES:
            t = rest[1]                                # "1.400 feste Mitarbeiter": an adjective before the noun
        if noun(t[2], True) and unit_class != "percent":
            return t[4], t[2], "noun_after", (t[0], t[1])
        return None
    if t[3] in ("in", "of") and len(rest) > 1 and unit_class in ("money", "money_or_count"):
        if t[3] == "in" and any(u[4] in _INVEST_VERBS for u in a.left[:5]):
            return None                        # "invest $2 billion in data centers": where it goes, not what
        run = _en_noun_run(rest[1:])
        if run and run[-1][3] in _PAYMENT_FORMS and t[3] == "in":
            return None                        # "for 3 billion francs in stock": how it is paid, not what
        if run and run[-1][3] in ("total", "capital", "all") and t[3] == "in":
            return None                        # "raise $2.25 billion in total / in capital": the verb says what
        if run:
            return _phrase([r[2] for r in run], False), " ".join(r[2] for r in run), "in_noun", (run[0][0], run[-1][1])
        return None
    run = _en_noun_run(rest)
    if run:
        after = rest[len(run):]
        if run[-1][3] in _GENERIC_NOUNS and len(after) > 1 and after[0][3] in ("in", "of"):
            inner = _en_noun_run(after[1:])   # "a $31bn bill in unpaid taxes": the taxes
            if inner:
                return (_phrase([r[2] for r in inner], False), " ".join(r[2] for r in inner), "in_noun",
                        (inner[0][0], inner[-1][1]))
        if unit_class in ("money", "money_or_count") and len(after) > 1 and after[0][3] in ("per", "a") \
                and after[1][4] in _SHARE_LEMMAS:       # "The $41 price per share"
            return (_phrase([r[2] for r in run], False) + " per share", " ".join(r[2] for r in run) + " per share",
                    "noun_after", (run[0][0], after[1][1]))
        return _phrase([r[2] for r in run], False), " ".join(r[2] for r in run), "noun_after", (run[0][0], run[-1][1])
    return None


_CHANGE_VERBS = frozenset(("raise", "increase", "lift", "lower", "cut", "reduce", "erhöhen", "anheben", "senken",
                           "reduzieren", "aufstocken", "kürzen", "ausbauen"))
_PEOPLE = frozenset(("people", "person", "mensch", "menschen", "personen", "familie", "family", "families",
                     "haushalt", "household", "households", "einwohner", "bürger", "resident", "residents"))
_INVEST_VERBS = frozenset(("invest", "pour", "pump", "put", "spend", "plough", "plow"))
_SIZE_NOUNS = frozenset(("volumen", "umfang", "höhe", "größe", "volume", "size"))
_PAYMENT_FORMS = frozenset(("stock", "shares", "cash", "equity", "scrip", "bonds", "notes", "debt"))
_GENERIC_NOUNS = frozenset(("bill", "sum", "amount", "total", "figure", "package", "payment", "tab", "charge"))
_ABOVE = {"über": "aufschlag", "oberhalb": "aufschlag", "above": "premium",
          "unter": "abschlag", "unterhalb": "abschlag", "below": "discount"}
# what German "über" names when it means "through": instruments, funds, subsidiaries, holdings
_MEANS = INSTRUMENTS + ("fonds", "tochter", "beteiligung", "gesellschaft", "holding", "vehikel", "direkt")
_EARLIER = frozenset(("vorjahr", "vorjahres", "vorjahreszeitraum", "vorjahresquartal", "vorquartal", "vormonat",
                      "year", "quarter", "month", "level", "niveau"))


def _above_below(a: Around, fig_text: str, de: bool, unit_class: str):
    """'knapp fünf Prozent über dem Schlusskurs', '12% above the average price': the gap to a reference,
    a premium or a discount; against an earlier time ('über dem Vorjahr', 'below last year's level') a
    rise or a fall. What it is measured against is its object (frame_roles.object_of)."""
    rest = _past_coordinated(a.rest_right())        # "80 Cent oder knapp vier Prozent über dem Schlusskurs"
    if unit_class not in ("percent", "points") and rest is a.rest_right():
        return None
    if len(rest) < 2 or rest[0][3] not in _ABOVE or rest[1][2][:1].isdigit():
        return None
    t = rest[0]
    ref = [u for u in rest[1:6] if u[5] and u[3] not in ARTICLES and not EN_POSSESSIVE.match(u[2])]
    if not ref or ref[0][3] in TIME_NOUNS or ref[0][4] in TIME_NOUNS:
        return None                                   # "über die Jahre", "over the years": time, not a reference
    if any(m in u[3] for u in ref[:2] for m in _MEANS):
        return None                                   # "über Finanzinstrumente", "über Fonds": how, not above what
    up = _ABOVE[t[3]] in ("aufschlag", "premium")
    if any(u[4] in _EARLIER or u[3] in _EARLIER for u in ref[:2]):
        return ("steigen" if de else "rise") if up else ("sinken" if de else "fall"), t[2], "verb", (t[0], t[0])
    return _ABOVE[t[3]], t[2], "above_below", (t[0], t[0])


_OR = frozenset(("oder", "bzw", "beziehungsweise", "or"))
_PERCENT_WORDS = frozenset(("prozent", "percent", "%", "per", "prozentpunkte"))


def _past_coordinated(rest: list) -> list:
    """The words after a second figure the figure is coordinated with ('60 Cent oder knapp fünf Prozent
    über ...', '$2 or 5% above ...'): both stand in the same relation; else `rest` itself."""
    if not rest or rest[0][3].rstrip(".") not in _OR:
        return rest
    for j, t in enumerate(rest[1:6], 1):
        if t[3] in _PERCENT_WORDS or t[2].endswith("%"):
            after = rest[j + 1:]
            if after and after[0][3] == "cent":        # "per cent"
                after = after[1:]
            return after if after and after[0][3] in _ABOVE else rest
    return rest


def _noun_linked(a: Around, fig_text: str, de: bool, unit_class: str):
    """'a premium of 27%', 'loss guarantee of a maximum of 9 billion', 'deal valued at $59.5bn',
    'Anteil von 15 Prozent', 'Kredit über zwei Milliarden', 'Investitionen in Höhe von'."""
    rest = a.rest_left(de)
    if de and len(a.left) >= 2 and a.left[0][3] == "über" and noun(a.left[1][2], True):
        t = a.left[1]                                  # "Darlehen über 200 Millionen": über links, not hedges
        return _past_genitive(a.left[1:]) or (t[4], t[2], "noun_of", (t[0], t[1]))
    if de:
        # "in Höhe von", "im Wert von", "im Umfang von": the noun is before them
        if len(rest) >= 3 and rest[0][2] == "von" and rest[1][2] in ("Höhe", "Wert", "Umfang", "Volumen") and \
                rest[2][2] in ("in", "im"):
            rest = rest[3:]
            if rest and noun(rest[0][2], True):
                return lemma(rest[0][2], "de"), rest[0][2], "noun_of", (rest[0][0], rest[0][1])
            return None
        if len(rest) >= 4 and rest[0][2] == "von" and rest[2][3] in ("in", "im", "bei", "am") \
                and noun(rest[3][2], True) and measure_key(rest[3][4], unit_class)[1] \
                and not measure_key(rest[1][4], unit_class)[1]:
            t = rest[3]                                # "Produktionskapazität in Hallstadt von": past the place
            return t[4], t[2], "noun_of", (t[0], t[1])
        if len(rest) >= 2 and rest[0][2] in _LINKS_DE and noun(rest[1][2], True):
            t = rest[1]
            if t[4] in _SIZE_NOUNS:                    # "Das Rettungspaket hat ein Volumen von": the package
                owner = next((u for u in rest[2:8] if noun(u[2], True)), None)
                if owner is not None:
                    return owner[4], owner[2], "noun_of", (owner[0], owner[1])
            return _past_genitive(rest[1:]) or (t[4], t[2], "noun_of", (t[0], t[1]))
        return None
    if len(rest) >= 3 and rest[0][3] == "of" and rest[1][3] in ("maximum", "minimum", "total") \
            and rest[2][3] in ("a", "an", "the"):
        rest = rest[3:]                                # "a maximum of": a hedge, the link is before it
    if not rest:
        return None
    link = rest[0][3]
    if link == "at" and len(rest) > 1:
        verb = lemma(rest[1][2], "en")
        if verb in ("close", "open", "trade", "end", "finish") and unit_class == "money":
            return "share price", rest[1][2], "noun_of", (rest[1][0], rest[1][1])   # "shares closed at 270p"
        if verb in ("value", "price"):                 # "deal valued at", "priced at"
            run = _left_noun_run(rest[2:])
            if not run and len(rest) == 2 and len(a.left_all) > len(a.left) + 1 and \
                    a.left_all[len(a.left)][2] == ",":
                run = _left_noun_run(a.left_all[len(a.left) + 1:])   # "The merger, valued at $12 billion,"
            if run and run[0][3] in _COMPANY_NOUNS | {"startup", "start-up", "lender", "maker"}:
                return "valuation", " ".join(r[2] for r in run) + " " + rest[1][2], "noun_of", (run[0][0], rest[1][1])
            if run:
                return (_phrase([r[2] for r in run], False), " ".join(r[2] for r in run) + " " + rest[1][2],
                        "noun_of", (run[0][0], rest[1][1]))
            return "value", rest[1][2], "verb", (rest[1][0], rest[1][1])
        return None
    if link in _LINKS_EN[:-1] or link == "to" and len(rest) > 1 and rest[1][3] == "amounting":
        left = rest[1:] if link != "to" else rest[2:]
        run = _left_noun_run(left)
        if run and run[0][4] in _SIZE_NOUNS:           # "the package has a volume of": the package
            owner = _left_noun_run([u for u in left[len(run):len(run) + 6] if u[3] not in ("has", "had", "have", "a",
                                                                                              "an", "the", "with")])
            if owner:
                run = owner
        if run:
            beyond = left[len(run):]
            if len(beyond) >= 2 and beyond[0][3] in ("before", "after", "excluding", "including") and \
                    noun(beyond[1][2], False):        # "a profit before tax of $3bn"
                words = [beyond[1][2], beyond[0][2]] + [r[2] for r in run]
                return " ".join(w.lower() for w in words), " ".join(words), "noun_of", (beyond[1][0], run[-1][1])
            return _phrase([r[2] for r in run], False), " ".join(r[2] for r in run), "noun_of", (run[0][0], run[-1][1])
    return None


def _past_genitive(left: list):
    """'Kredit der Förderbank über zwei Milliarden': the noun before a genitive ('der Förderbank') is the
    measure; the genitive is whose it is (frame_roles reads it)."""
    if len(left) >= 3 and left[1][3] in ("der", "des") and noun(left[2][2], True) and measure_key(left[2][4])[1] \
            and not measure_key(left[0][4])[1]:
        t = left[2]
        return t[4], t[2], "noun_of", (t[0], t[1])
    return None


def _left_noun_run(left: list, limit: int = 3) -> list:
    """The English noun phrase ending right before a link word, in text order: 'loss guarantee'."""
    run = []
    for t in left[:limit]:
        if not noun(t[2], False):
            break
        run.insert(0, t)
    return run


def _for_purchase(a: Around, fig_text: str, de: bool, unit_class: str):
    """'its 2010 acquisition of XTO Energy for more than $30 billion', 'offered to buy Credit Suisse
    for up to $1 billion', 'für 14 Milliarden Euro an DSV verkauft': the price of a purchase."""
    if unit_class not in ("money", "money_or_count"):
        return None
    rest = a.rest_left(de)
    if not rest or rest[0][3] not in ("for", "für"):
        return None
    for t in rest[1:14]:
        lem = t[4]
        if is_purchase_noun(lem) or VERBS.get(lem, {}).get("money") == "deal_amount":
            kind = "noun_of" if is_purchase_noun(lem) else "verb"
            return lem, t[2], kind, (t[0], t[1])
    if de:
        for t in a.right[:12]:
            lem = t[4]
            if VERBS.get(lem, {}).get("money") in ("deal_amount", "offer"):
                return lem, t[2], "verb", (t[0], t[1])
    return None


def _verb(a: Around, fig_text: str, de: bool, unit_class: str):
    """A measure verb of the figure's clause, before it ('hält 9 Prozent', 'paid $253', 'raise $2bn')
    or, in German, after it ('14 Milliarden Euro ... zahlen', 'mit 29 Milliarden bewertet');
    a separable verb with its particle at the clause's end ('steigt mit 9 Prozent ... ein')."""
    uc = "money" if unit_class == "money_or_count" else unit_class
    particle = a.right[-1][2].lower() if de and a.right and a.right[-1][2].lower() in PARTICLES else ""
    level = a.rest_left(de)
    level = bool(level) and level[0][2].lower() in ("auf", "bei", "to", "at") or not de and len(a.left) > 1 \
        and a.left[0][3] == "to" and a.left[1][3] != "up"   # "sinkt auf 12 Prozent", "raised to £2.2bn": a level
    for i, t in enumerate(a.left[:14 if particle else 8]):   # a separable verb spans its clause
        lem = t[4]
        if not de and i + 1 < len(a.left) and a.left[i + 1][3] in ARTICLES:
            continue                       # "with a bid worth $5.1bn": a noun after its article, not the verb
        if level and (lem in LINK_VERBS or lem in _CHANGE_VERBS):
            continue                       # "an offer will be raised to £2.2bn": the bid's new level, not funds raised
        if not de and i and a.left[i - 1][3] in _BE_FORMS:
            continue                       # "The deal value is about": a noun before 'is', not the verb
        if particle and (particle + lem) in VERBS and uc in VERBS[particle + lem]:
            return particle + lem, f"{t[2]} … {particle}", "verb", (t[0], t[1])
        if not de and t[3] == "out" and i + 1 < len(a.left) and a.left[i + 1][4] + " out" in VERBS \
                and uc in VERBS[a.left[i + 1][4] + " out"]:
            verb = a.left[i + 1]             # a phrasal verb: "took out $42 billion", "pulled out"
            return verb[4] + " out", f"{verb[2]} out", "verb", (verb[0], t[1])
        if lem in VERBS and uc in VERBS[lem] and not (de and t[2][:1].isupper() and t is not a.left[-1]):
            return lem, t[2], "verb", (t[0], t[1])
    if de and len(a.left) > 8:
        # the finite verb in second place of a long main clause ("Der Bund verkaufte im Rahmen des vor
        # einer Woche angekündigten Teilausstiegs knapp 4,5 Prozent"): past the middle field
        for k in range(len(a.left) - 4, len(a.left) - 1):
            t = a.left[k]
            if t[4] in VERBS and uc in VERBS[t[4]] and not t[2][:1].isupper() and not _subordinate(a):
                moves = k and a.left[k - 1][3] == "sich" or verb_concept(t[4], uc) in ("growth", "decline")
                if moves and any(noun(u[2], True) and measure_key(u[4], uc)[1] for u in a.left[:k]):
                    break           # "reduziert sich der Anteil der Stadt auf 17": what moves is the measure
                return t[4], t[2], "verb", (t[0], t[1])
    if de:
        for t in a.right[:12]:
            lem = t[4]
            if lem in VERBS and uc in VERBS[lem]:
                if lem == "kosten" and any(u[4] in _BOUGHT for u in a.left[:10]):
                    return "kauf", t[2], "verb_price", (t[0], t[1])   # "lässt sich die Mehrheit 2 Mrd. kosten"
                return lem, t[2], "verb", (t[0], t[1])
        # the verb at the very end of the sentence, past an apposition ("um über 10 Milliarden Dollar
        # in Scale AI, ein ... Startup, zu investieren")
        upto = next((i for i, t in enumerate(a.right_all) if t[2] == ";"), len(a.right_all))
        tail = [t for t in a.right_all[:upto] if t[5]][-2:]   # not past ';': another main clause
        for t in tail:
            lem = t[4]
            if lem in VERBS and uc in VERBS[lem] and not t[2][0].isupper():
                return lem, t[2], "verb", (t[0], t[1])
    return None


_SHARE_NOUNS = frozenset(("anteil", "aktie", "stimmrecht", "share", "stake"))
_SHARE_PLURALS = frozenset(("anteile", "aktien", "stimmrechte", "shares"))


def _partitive_stake(a: Around, fig_text: str, de: bool, unit_class: str):
    """A share of a company's shares ('40 Prozent der Anteile an der Werft', '20% of the shares of
    Quillon') or a share a purchase noun names ('Erwerb weiterer 30 Prozent', 'Übernahme von weiteren 30
    Prozent'): a stake."""
    if unit_class != "percent":
        return None
    r = a.rest_right()
    if len(r) >= 2 and r[0][3] in ("der", "of") and (r[1][4] in _SHARE_NOUNS or r[1][3] in _SHARE_PLURALS):
        return ("anteil" if de else "stake"), r[1][2], "noun_of", (r[1][0], r[1][1])
    if len(r) >= 3 and r[0][3] == "of" and r[1][3] == "the" and r[2][3] in ("shares", "stock", "stake"):
        return "stake", r[2][2], "noun_of", (r[2][0], r[2][1])
    left = [t for t in a.left if t[3] not in FURTHER and t[3] not in (FILLERS_DE if de else FILLERS_EN)]
    if left and left[0][3] in ("von", "of"):
        left = left[1:]
    if left and is_purchase_noun(left[0][4]):
        return ("anteil" if de else "stake"), left[0][2], "noun_of", (left[0][0], left[0][1])
    return None


def _up_down(a: Around, fig_text: str, de: bool, unit_class: str):
    """'were up 1.1%', 'down 3%', 'im Plus von 2 Prozent': the size of a move."""
    rest = [t for t in a.left[:4] if t[3] not in ("about", "around", "nearly", "almost", "some", "roughly", "rund",
                                                    "etwa", "knapp", "fast", "gut", "more", "than", "less", "another",
                                                    "further", "a", "weitere", "weiteren")]
    if unit_class in ("percent", "points") and rest and rest[0][3] in ("up", "down", "plus", "minus"):
        verb = "rise" if rest[0][3] in ("up", "plus") else "fall"
        return verb, rest[0][2], "verb", (rest[0][0], rest[0][1])
    return None


_GUARANTEE_VERBS = frozenset(("guarantee", "insure", "protect", "cover", "garantieren", "sichern", "absichern",
                              "schützen", "versichern", "decken", "backstop"))
_GUARANTEE_STEMS = ("guarant", "insur", "garantier", "gesichert", "abgesichert", "geschützt", "versichert")


def _capped_noun(a: Around, fig_text: str, de: bool, unit_class: str):
    """A noun right before 'up to' / 'bis zu' with no verb between ('guarantees deposits up to $100,000',
    'Einlagen bis zu 100.000 Euro'): a ceiling per item, a limit, not the noun's amount."""
    if unit_class not in ("money", "money_or_count"):
        return None
    low = fig_text.lower()
    left = a.left
    if low.startswith(("up to ", "bis zu ")) and left:
        t = left[0]
    elif len(left) >= 3 and [left[1][3], left[0][3]] in (["up", "to"], ["bis", "zu"]):
        t = left[2]
    else:
        return None
    if not noun(t[2], de) or not is_measure_word(t[4]):
        return None                 # "may go up to $7bn", "nach Schätzung der Opposition bis zu": no capped measure
    if not any(u[4] in _GUARANTEE_VERBS or u[3].startswith(_GUARANTEE_STEMS) for u in a.left[:10]):
        return None                 # "pushed their earnings up to $43m": a level reached, not a ceiling
    return "limit", f"{t[2]} {'bis zu' if de else 'up to'}", "noun_of", (t[0], t[1])


def _subject(a: Around, fig_text: str, de: bool, unit_class: str):
    """The subject of a link verb when it is a known measure: 'Der Umsatz stieg auf 10 Milliarden',
    'Die Nettofinanzschulden lagen zuletzt bei knapp 33 Milliarden'; through a relative pronoun to
    the noun before the comma ('des Schuldenbergs, der sich auf rund 33 Milliarden belief')."""
    level = a.rest_left(de)[:1]
    reach = 18 if level and level[0][3] in ("auf", "to") else 12   # "reduzierte sich der Staatsanteil ... auf 12 Prozent"
    for i, t in enumerate(a.left[:reach]):
        if not noun(t[2], de) and not (not de and i == len(a.left_all) - 1 and t[6] and is_measure_word(t[3])):
            continue                       # English: a measure opening the sentence is capitalised ("Revenue rose")
        lem = t[4]
        if not de and (not measure_key(lem, unit_class)[1] or lem in _GENERAL_HEADS):
            # "The deal value is": a head too general to name a measure alone ('value') names one with
            # its modifier, when the table knows the compound; a general head ('rate') always does: "the
            # jobless rate is" is no interest rate
            run = _left_noun_run(a.left[i:])
            phrase = _phrase([r[2] for r in run], False) if len(run) > 1 else ""
            if phrase and (measure_key(phrase, unit_class)[1] or lem in _GENERAL_HEADS):
                return phrase, " ".join(r[2] for r in run), "subject", (run[0][0], run[-1][1])
        if measure_key(lem, unit_class)[1]:
            return lem, t[2], "subject", (t[0], t[1])
    if a.left and a.left[-1][2].lower() in _RELATIVE and len(a.left_all) > len(a.left) + 1:
        comma = a.left_all[len(a.left)]
        if comma[2] == ",":
            before = a.left_all[len(a.left) + 1:len(a.left) + 9]
            for i, t in enumerate(before):
                if noun(t[2], de):
                    lem = t[4]
                    if measure_key(lem, unit_class)[1]:
                        return lem, t[2], "subject", (t[0], t[1])
                    # past a genitive to its head: "die Verschuldung der Nordbahn, die sich auf ..."
                    gen = next((k for k in range(i + 1, min(i + 4, len(before))) if before[k][3] in ("der", "des", "of")),
                               None)
                    if gen is not None and gen + 1 < len(before) and noun(before[gen + 1][2], de) \
                            and measure_key(before[gen + 1][4], unit_class)[1]:
                        h = before[gen + 1]
                        return h[4], h[2], "subject", (h[0], h[1])
                    break
    return None


_GENERAL_HEADS = frozenset(("rate", "level", "number", "total", "figure", "ratio", "index"))
_BE_FORMS = frozenset(("is", "was", "are", "were", "stood", "stands", "remains", "remained", "of"))
_BOUGHT = frozenset(("mehrheit", "anteil", "beteiligung", "übernahme", "kauf", "majority", "stake", "takeover"))


def _through_parenthesis(a: Around, fig_text: str, de: bool, unit_class: str):
    """'The transaction's value, including debt, is about 64.5 billion': the subject before a
    parenthesis between commas, with what the parenthesis adds ('including debt')."""
    if not a.left or len(a.left) > 4 or not all(t[4] in LINK_VERBS or t[3] in FILLERS_EN | FILLERS_DE
                                                or t[3] in ("bei", "auf", "at", "to") for t in a.left):
        return None
    rest = a.left_all[len(a.left):]
    if not rest or rest[0][2] != ",":
        return None
    inner = []
    for i, t in enumerate(rest[1:8], start=1):
        if t[2] == ",":
            before = rest[i + 1:i + 4]
            head = next((u for u in before if noun(u[2], de)), None)
            if head is None or not inner:
                return None
            added = " ".join(u[3] for u in reversed(inner))
            if not added.startswith(("including", "excluding", "inklusive", "einschließlich", "ohne", "net of")):
                return None
            run = _left_noun_run(before) if not de else [head]
            words = [u[2] for u in run] if run else [head[2]]
            return (" ".join(w.lower() for w in words) + " " + added, " ".join(words) + ", " + added, "subject",
                    (head[0], head[1]))
        inner.append(t)
    return None


_RULES = (_for_every, _age, _glued, _per_share, _above_below, _noun_after, _noun_linked, _for_purchase, _up_down, _verb,
          _partitive_stake, _capped_noun, _subject, _through_parenthesis)


