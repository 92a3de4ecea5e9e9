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

import bisect
import re
from functools import lru_cache

from figcheck.extract.context import is_measure
from figcheck.extract.measures import (
    NOT_MEASURES, PARTICLES, VERB_FORMS, VERBS, holder_key, is_purchase_noun, lemma, measure_key
)

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.&-]*[^\W_])?|\d+(?:[.,'’]\d+)*(?:[^\W\d_]+)?|[^\w\s]")
_BREAK = frozenset(";:()[]–—\"„“”«»,")
_UNIT_WORDS = frozenset("""
million millionen milliarde milliarden billion billionen trillion mrd mio bn mn tn trn tsd thousand tausend hundert
hundred dollar dollars euro euros franc francs franken pfund pound pounds sterling yen yuan prozent percent cent
pct prozentpunkte prozentpunkten points point basispunkte bp usd eur chf gbp cent cents pence rappen us$ $ € £ %
franken
""".split())
_TIME_NOUNS = frozenset("""
jahr jahre jahren jahres monat monate monaten woche wochen tag tage tagen stunde stunden uhr quartal halbjahr
year years month months week weeks day days hour hours quarter decade decades jahrzehnt jahrzehnte jahrzehnten
montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday thursday friday saturday sunday
""".split())
_FILLERS_DE = frozenset("""
rund etwa ca circa zirka knapp fast nahezu gut über mehr als bis zu maximal mindestens höchstens annähernd
insgesamt zusammen jeweils umgerechnet geschätzte geschätzten geschätzt satte stolze zuletzt zuvor nun jetzt derzeit
aktuell damals noch schon bereits einem einer eines ein eine den dem der die das nur gerade weniger unter ab
""".split())
_FILLERS_EN = frozenset("""
about around approximately approx nearly almost roughly some over under more less than up to as much many a an
the least just estimated combined total record whopping further another additional
""".split())
_LINKS_DE = ("von", "über")                 # the noun is right before: "Anteil von 15 Prozent"
_LINKS_EN = ("of", "worth", "totalling", "totaling", "amounting", "at")
_LINK_VERBS = frozenset("""
sein liegen betragen belaufen erreichen steigen sinken fallen klettern wachsen summieren beziffern schätzen
reduzieren erhöhen ausbauen aufstocken kommen machen ergeben türmen verringern schrumpfen
be stand reach total come amount rise fall climb drop increase decrease grow jump put estimate peg set close
""".split())
_EN_POSSESSIVE = re.compile(r"^(.+?)(?:'s|’s|s'|s’)$")
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)(?:er|s)?$")
_WHEN_WORDS = {
    "zuvor": "before", "zuletzt": "before", "vorher": "before", "bisher": "before", "bislang": "before",
    "damals": "before", "ursprünglich": "first", "zunächst": "first", "anfangs": "first", "nun": "now",
    "jetzt": "now", "inzwischen": "now", "mittlerweile": "now", "derzeit": "now", "aktuell": "now",
    "previously": "before", "formerly": "before", "initially": "first", "originally": "first",
    "earlier": "before", "now": "now", "currently": "now", "künftig": "later", "bereits": "before",
    "already": "before", "last": "before", "vorerst": "now",
}
_RELATIVE = frozenset(("der", "die", "das", "welche", "welcher", "welches", "which", "that", "who"))
_ARTICLES = frozenset(("der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
                       "the", "a", "an", "its", "their", "his", "her", "our", "seine", "seinen", "seiner", "ihre",
                       "ihren", "ihrer"))


@lru_cache(maxsize=50_000)
def _tokens(sentence: str, lang: str = "en") -> tuple[tuple, ...]:
    """(start, end, text, lowercase, lemma, is a word, is capitalised, is a year) of the words, numbers and
    punctuation of a sentence (memoised per sentence and language)."""
    out = []
    for m in _TOKEN.finditer(sentence):
        tok = m.group()
        word = tok[:1].isalpha()
        out.append((m.start(), m.end(), tok, tok.lower(), lemma(tok, lang) if word else tok, word,
                    word and tok[0].isupper(), bool(_YEAR.match(tok)) if tok[:1].isdigit() else False))
    return tuple(out)


@lru_cache(maxsize=50_000)
def _token_ends(sentence: str, lang: str = "en") -> list[int]:
    return [t[1] for t in _tokens(sentence, lang)]


def _word(tok: str) -> bool:
    return tok[:1].isalpha()


def _noun(tok: str, de: bool) -> bool:
    """A noun that can be a measure: German: capitalised; English: a lowercase content word.
    Never a function word, a scale or unit word, a time word or (English) a verb form or adverb."""
    if not _word(tok):
        return False
    low = tok.lower()
    if low in NOT_MEASURES or low in _UNIT_WORDS or low in _TIME_NOUNS:
        return False
    if de:
        return tok[0].isupper() and low not in _ARTICLES
    return (not tok[0].isupper() and low not in VERB_FORMS and not low.endswith("ly")
            and not (low.endswith("ed") and len(low) > 4))


def _past_conversion(right: list) -> list:
    """The tokens after a figure without a bracket right after it, which restates it in another
    currency or unit ("3 billion francs ($3.3 billion) for its rival")."""
    i = 0
    while i < len(right) and right[i][2].lower().rstrip(".") in _UNIT_WORDS:
        i += 1
    if i < len(right) and right[i][2] in "([":
        for j in range(i + 1, min(len(right), i + 14)):
            if right[j][2] in ")]":
                return right[:i] + right[j + 1:]
    return right


class _Around:
    """The tokens of a figure's clause: `left` nearest first, `right` in order, both stopping at a
    clause break; `left_all` runs on to the sentence start (for a relative clause's antecedent)."""

    def __init__(self, sentence: str, rel_start: int, rel_end: int, lang: str = "en"):
        toks = _tokens(sentence, lang)
        ends = _token_ends(sentence, lang)
        i = bisect.bisect_right(ends, rel_start)          # tokens ending at or before the figure's start
        j = i
        while j < len(toks) and toks[j][0] < rel_end:
            j += 1
        left_all = list(toks[:i][::-1])
        right = list(toks[j:])
        if j and toks[j - 1][1] > rel_end and toks[j - 1][0] < rel_end:
            # a word that runs on past the figure ("640 pence-a-share"): its rest follows the figure
            rest = sentence[rel_end:toks[j - 1][1]].lstrip("-")
            if rest[:1].isalpha():
                right.insert(0, (toks[j - 1][1] - len(rest), toks[j - 1][1], rest, rest.lower(),
                                 lemma(rest, lang), True, rest[0].isupper(), False))
        right_all = _past_conversion(right)
        self.left_all = left_all
        self.fig_end = rel_end
        self.left = self._until_break(left_all)
        self.right = [t for t in self._until_break(right_all) if t[2] not in ".!?"]
        self.right_all = right_all
        self.sentence = sentence
        self._rest_right = None
        self._rest_left = None

    def rest_right(self) -> list:
        """The right tokens past scale and currency words and a hyphen glued to them ("640 pence-a-share")
        (computed once)."""
        if self._rest_right is None:
            rest = _after_units(self.right)
            if rest and rest[0][2] == "-" and len(rest) > 1 and rest[1][0] == rest[0][1]:
                rest = rest[1:]
            self._rest_right = rest
        return self._rest_right

    def rest_left(self, de: bool) -> list:
        """The left tokens past hedge and filler words, nearest first (computed once)."""
        if self._rest_left is None:
            self._rest_left = _skip(self.left, _FILLERS_DE if de else _FILLERS_EN)
        return self._rest_left

    @staticmethod
    def _until_break(tokens: list) -> list:
        out = []
        for t in tokens:
            if t[2] in _BREAK:
                break
            out.append(t)
        return out


def _skip(tokens: list, skip: frozenset) -> list:
    """tokens without the leading ones whose lowercase text is in `skip`."""
    i = 0
    while i < len(tokens) and tokens[i][2].lower().rstrip(".") in skip:
        i += 1
    return tokens[i:]


def _after_units(right: list) -> list:
    """The tokens after a figure, past scale and currency words still glued to it and past a
    bracketed conversion right after it ("$900m (£479m) loan")."""
    return _skip(right, _UNIT_WORDS)


def figure_frame(sentence: str, rel_start: int, rel_end: int, fig_text: str, unit_class: str,
                 language: str) -> dict:
    """The measure frame of one figure: {measure, measure_text, frame, holder, object, when}.

    `rel_start`/`rel_end` are the figure's offsets inside `sentence`; `unit_class` is money,
    percent, count, other, year, ordinal (money_or_count when the figure has no currency yet);
    `language` de or en.
    """
    de = language == "de"
    a = _Around(sentence, rel_start, rel_end, "de" if de else "en")
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
            shares = any(t[4] in _SHARE_LEMMAS or t[4] == "shares" for t in _tokens(sentence, "de" if de else "en")) \
                or frame["measure"].rsplit(" ", 1)[-1] in _COMPANY_DEALS
            frame["measure"], frame["frame"] = ("price per share", "per_share") if shares else ("price", "noun_of")
    frame["holder"] = _holder(a, de, pos, frame["measure"], frame["frame"])
    frame["object"] = _object(a, de, pos, frame["measure"], frame["frame"])
    frame["when"] = _when(a, fig_text)
    frame["part"] = _part(a)
    if frame["frame"] != "verb":
        frame["verb"] = _clause_verb(a, de)
    return frame


_PARTS = {
    "weitere": "added", "weiteren": "added", "weiterer": "added", "zusätzliche": "added", "zusätzlichen": "added",
    "zusätzlicher": "added",
    "additional": "added", "another": "added", "further": "added", "extra": "added",
    "je": "each", "jeweils": "each", "each": "each", "apiece": "each", "pro": "each",
    "übrigen": "rest", "übrige": "rest", "übriger": "rest", "restlichen": "rest", "restliche": "rest",
    "restlicher": "rest", "verbleibenden": "rest", "verbleibende": "rest", "remaining": "rest", "rest": "rest",
    "other": "rest",
}


def _part(a: _Around) -> str:
    """What part of a measure the figure is: 'added' ('weitere 30 Prozent', 'a further $2bn'), 'each'
    ('je 50 Prozent', '50% each'), 'rest' ('die übrigen 18,5 Prozent', 'the remaining 51%'); ''."""
    for t in a.left[:3]:
        p = _PARTS.get(t[3])
        if p:
            return p
        if t[2][:1].isdigit():
            break
    for t in a.right[:2]:
        if t[3] in ("each", "apiece", "jeweils"):
            return "each"
    return ""


def _clause_verb(a: _Around, de: bool) -> str:
    """The first measure verb of the clause, either side ('5.000 Stellen abbauen', 'cut 5,000 jobs');
    'ums Leben kommen' is to die."""
    words = [t[3] for t in a.right[:8]]
    if "ums" in words and "leben" in words:
        return "sterben"
    for t in a.left[:6] + a.right[:8]:
        if t[5] and not (de and t[2][0].isupper()):
            lem = t[4]
            if lem in VERBS:
                return lem
    return ""


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
        if not _noun(t[2], False):
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


def _age(a: _Around, fig_text: str, de: bool, unit_class: str):
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


def _glued(a: _Around, fig_text: str, de: bool, unit_class: str):
    """'Sechs-Milliarden-Euro-Hilfspaket', '$10B-Investition', '49-prozentigen Anteil', 'a 9 billion-franc
    guarantee', a vague compound ('Milliardendeal', 'Milliardeninvestition'), and a company worth so much
    ('ein milliardenschweres Unternehmen', 'a billion-dollar company': its valuation)."""
    low = fig_text.lower()
    lang = "de" if de else "en"
    tail = _VAGUE_STEM.sub("", low) if _VAGUE_STEM.match(low) and " " not in low else ""
    if tail and not _WORTH_ADJECTIVE.search(low) and len(tail) > 2 and not tail.startswith(("schwer", "fach")):
        return lemma(tail.capitalize() if de else tail, lang), fig_text, "glued", (0, 0)
    if _WORTH_ADJECTIVE.search(low) and a.right and a.right[0][4] in _COMPANY_NOUNS:
        t = a.right[0]
        return "valuation", t[2], "glued", (t[0], t[1])
    hyphen = bool(a.right) and a.right[0][2] == "-" and a.right[0][0] == a.fig_end
    if hyphen:
        a.right = a.right[1:]
    if not (hyphen or low.endswith("-") or re.search(r"(prozentig\w*|-(?:franc|dollar|euro|pound|yen|milliarden|"
                                                     r"millionen))$", low)):
        return None
    if not a.right:
        return None
    t = a.right[0]
    if de and _noun(t[2], True):
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


_SHARE_LEMMAS = ("share", "aktie", "stück", "anteilsschein")


def _per_share(a: _Around, fig_text: str, de: bool, unit_class: str):
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


def _noun_after(a: _Around, fig_text: str, de: bool, unit_class: str):
    """'a $900m loan', '$2.25 billion capital raise', '5.000 Stellen', '$5.5 billion in loans'."""
    rest = a.rest_right()
    if not rest:
        return None
    t = rest[0]
    if is_measure(t[2]) and unit_class in ("other", "count"):
        # a unit of measurement: what is measured follows it ("2,64 Millionen Tonnen Luftfracht",
        # "16 billion barrels of oil", "85 Tonnen schwer")
        nxt = rest[1:4]
        if nxt and nxt[0][2].lower() in ("of", "a", "per", "pro", "je", "an") and len(nxt) > 1:
            nxt = nxt[1:]
        what = nxt[0][2] if nxt and _word(nxt[0][2]) and nxt[0][2].lower() not in NOT_MEASURES else ""
        unit_lemma = t[4]
        measure = f"{unit_lemma} {lemma(what, 'de' if de else 'en')}" if what else unit_lemma
        rate = _rate(rest[1:10])
        if rate:
            measure += f" {rate}"
        return measure, f"{t[2]} {what}".strip(), "unit_after", (t[0], (nxt[0][1] if what else t[1]))
    if de:
        if unit_class != "percent" and not t[6] and t[5] and len(rest) > 1 and _noun(rest[1][2], True) \
                and t[3] not in NOT_MEASURES:
            t = rest[1]                                # "1.400 feste Mitarbeiter": an adjective before the noun
        if _noun(t[2], True) and unit_class != "percent":
            return t[4], t[2], "noun_after", (t[0], t[1])
        return None
    if t[3] in ("in", "of") and len(rest) > 1 and unit_class in ("money", "money_or_count"):
        run = _en_noun_run(rest[1:])
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
        return _phrase([r[2] for r in run], False), " ".join(r[2] for r in run), "noun_after", (run[0][0], run[-1][1])
    return None


_GENERIC_NOUNS = frozenset(("bill", "sum", "amount", "total", "figure", "package", "payment", "tab", "charge"))


def _noun_linked(a: _Around, fig_text: str, de: bool, unit_class: str):
    """'a premium of 27%', 'loss guarantee of a maximum of 9 billion', 'deal valued at $59.5bn',
    'Anteil von 15 Prozent', 'Kredit über zwei Milliarden', 'Investitionen in Höhe von'."""
    rest = a.rest_left(de)
    if de and len(a.left) >= 2 and a.left[0][3] == "über" and _noun(a.left[1][2], True):
        t = a.left[1]                                  # "Darlehen über 200 Millionen": über links, not hedges
        return t[4], t[2], "noun_of", (t[0], t[1])
    if de:
        # "in Höhe von", "im Wert von", "im Umfang von": the noun is before them
        if len(rest) >= 3 and rest[0][2] == "von" and rest[1][2] in ("Höhe", "Wert", "Umfang", "Volumen") and \
                rest[2][2] in ("in", "im"):
            rest = rest[3:]
            if rest and _noun(rest[0][2], True):
                return lemma(rest[0][2], "de"), rest[0][2], "noun_of", (rest[0][0], rest[0][1])
            return None
        if len(rest) >= 2 and rest[0][2] in _LINKS_DE and _noun(rest[1][2], True):
            t = rest[1]
            return t[4], t[2], "noun_of", (t[0], t[1])
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
            if run:
                return (_phrase([r[2] for r in run], False), " ".join(r[2] for r in run) + " " + rest[1][2],
                        "noun_of", (run[0][0], rest[1][1]))
            return "value", rest[1][2], "verb", (rest[1][0], rest[1][1])
        return None
    if link in _LINKS_EN[:-1] or link == "to" and len(rest) > 1 and rest[1][3] == "amounting":
        left = rest[1:] if link != "to" else rest[2:]
        run = _left_noun_run(left)
        if run:
            beyond = left[len(run):]
            if len(beyond) >= 2 and beyond[0][3] in ("before", "after", "excluding", "including") and \
                    _noun(beyond[1][2], False):        # "a profit before tax of $3bn"
                words = [beyond[1][2], beyond[0][2]] + [r[2] for r in run]
                return " ".join(w.lower() for w in words), " ".join(words), "noun_of", (beyond[1][0], run[-1][1])
            return _phrase([r[2] for r in run], False), " ".join(r[2] for r in run), "noun_of", (run[0][0], run[-1][1])
    return None


def _left_noun_run(left: list, limit: int = 3) -> list:
    """The English noun phrase ending right before a link word, in text order: 'loss guarantee'."""
    run = []
    for t in left[:limit]:
        if not _noun(t[2], False):
            break
        run.insert(0, t)
    return run


def _for_purchase(a: _Around, fig_text: str, de: bool, unit_class: str):
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


def _verb(a: _Around, fig_text: str, de: bool, unit_class: str):
    """A measure verb of the figure's clause, before it ('hält 9 Prozent', 'paid $253', 'raise $2bn')
    or, in German, after it ('14 Milliarden Euro ... zahlen', 'mit 29 Milliarden bewertet');
    a separable verb with its particle at the clause's end ('steigt mit 9 Prozent ... ein')."""
    uc = "money" if unit_class == "money_or_count" else unit_class
    particle = a.right[-1][2].lower() if de and a.right and a.right[-1][2].lower() in PARTICLES else ""
    level = a.rest_left(de)
    level = bool(level) and level[0][2].lower() in ("auf", "bei", "to", "at")   # "sinkt auf 12 Prozent": a level
    for t in a.left[:8]:
        lem = t[4]
        if level and lem in _LINK_VERBS:
            continue
        if particle and (particle + lem) in VERBS and uc in VERBS[particle + lem]:
            return particle + lem, f"{t[2]} … {particle}", "verb", (t[0], t[1])
        if lem in VERBS and uc in VERBS[lem] and not (de and t[2][:1].isupper() and t is not a.left[-1]):
            return lem, t[2], "verb", (t[0], t[1])
    if de:
        for t in a.right[:12]:
            lem = t[4]
            if lem in VERBS and uc in VERBS[lem]:
                if lem == "kosten" and any(u[4] in _BOUGHT for u in a.left[:10]):
                    return "kauf", t[2], "verb_price", (t[0], t[1])   # "lässt sich die Mehrheit 2 Mrd. kosten"
                return lem, t[2], "verb", (t[0], t[1])
        # the verb at the very end of the sentence, past an apposition ("um über 10 Milliarden Dollar
        # in Scale AI, ein ... Startup, zu investieren")
        tail = [t for t in a.right_all if t[5]][-2:]
        for t in tail:
            lem = t[4]
            if lem in VERBS and uc in VERBS[lem] and not t[2][0].isupper():
                return lem, t[2], "verb", (t[0], t[1])
    return None


def _up_down(a: _Around, fig_text: str, de: bool, unit_class: str):
    """'were up 1.1%', 'down 3%', 'im Plus von 2 Prozent': the size of a move."""
    rest = [t for t in a.left[:3] if t[3] not in ("about", "around", "nearly", "almost", "some", "roughly", "rund",
                                                    "etwa", "knapp", "fast", "gut", "more", "than", "less")]
    if unit_class in ("percent", "points") and rest and rest[0][3] in ("up", "down", "plus", "minus"):
        verb = "rise" if rest[0][3] in ("up", "plus") else "fall"
        return verb, rest[0][2], "verb", (rest[0][0], rest[0][1])
    return None


def _subject(a: _Around, fig_text: str, de: bool, unit_class: str):
    """The subject of a link verb when it is a known measure: 'Der Umsatz stieg auf 10 Milliarden',
    'Die Nettofinanzschulden lagen zuletzt bei knapp 33 Milliarden'; through a relative pronoun to
    the noun before the comma ('des Schuldenbergs, der sich auf rund 33 Milliarden belief')."""
    for i, t in enumerate(a.left[:12]):
        if not _noun(t[2], de):
            continue
        lem = t[4]
        if measure_key(lem, unit_class)[1]:
            return lem, t[2], "subject", (t[0], t[1])
    if a.left and a.left[-1][2].lower() in _RELATIVE and len(a.left_all) > len(a.left) + 1:
        comma = a.left_all[len(a.left)]
        if comma[2] == ",":
            for t in a.left_all[len(a.left) + 1:len(a.left) + 6]:
                if _noun(t[2], de):
                    lem = t[4]
                    if measure_key(lem, unit_class)[1]:
                        return lem, t[2], "subject", (t[0], t[1])
                    break
    return None


_BOUGHT = frozenset(("mehrheit", "anteil", "beteiligung", "übernahme", "kauf", "majority", "stake", "takeover"))
def _through_parenthesis(a: _Around, de: bool):
    """'The transaction's value, including debt, is about 64.5 billion': the subject before a
    parenthesis between commas, with what the parenthesis adds ('including debt')."""
    if not a.left or len(a.left) > 3 or not all(t[4] in _LINK_VERBS or t[3] in _FILLERS_EN | _FILLERS_DE
                                                for t in a.left):
        return None
    rest = a.left_all[len(a.left):]
    if not rest or rest[0][2] != ",":
        return None
    inner = []
    for i, t in enumerate(rest[1:8], start=1):
        if t[2] == ",":
            before = rest[i + 1:i + 4]
            noun = next((u for u in before if _noun(u[2], de)), None)
            if noun is None or not inner:
                return None
            added = " ".join(u[3] for u in reversed(inner))
            if not added.startswith(("including", "excluding", "inklusive", "einschließlich", "ohne", "net of")):
                return None
            run = _left_noun_run(before) if not de else [noun]
            words = [u[2] for u in run] if run else [noun[2]]
            return (" ".join(w.lower() for w in words) + " " + added, " ".join(words) + ", " + added, "subject",
                    (noun[0], noun[1]))
        inner.append(t)
    return None


_RULES = (_age, _glued, _per_share, _noun_after, _noun_linked, _for_purchase, _up_down, _verb, _subject)


_NP_END = frozenset(("for", "to", "in", "of", "with", "by", "at", "on", "and", "which", "that", "who", "from", "as",
                     "after", "before", "than", "or", "but", "was", "is", "were", "are", "will", "would", "said"))


def _name_en(tokens: list, limit: int = 6) -> str:
    """The name an English noun phrase ends in, past articles and descriptors: 'the Austin-based chip
    designer' -> '' (no name), 'chip designer Quillon Semiconductor' -> 'quillon semiconductor', 'rival
    Swiss bank Credit Suisse' -> 'credit suisse', 'Pioneer Natural Resources' -> 'pioneer natural resources'."""
    runs, run = [], []
    tail = False                      # a lowercase word after the last name: the name only describes
    for t in tokens[:limit]:
        tok = t[2]
        if not t[5] or t[3] in _NP_END and not (run and t[3] in ("of", "&")):
            break
        if tok[0].isupper() and not tok.lower().endswith(("-based", "-owned", "-listed")) and t[3] not in _ARTICLES:
            run.append(tok)
            tail = False
            continue
        if run:
            runs.append(run)
            run = []
        tail = bool(runs) and t[3] not in _ARTICLES
    if run:
        runs.append(run)
    if not runs or tail:
        return ""
    words = runs[-1]
    while words and words[-1].lower() in ("of", "&"):
        words = words[:-1]
    return " ".join(words).lower()


def _name(tokens: list, de: bool, limit: int = 5) -> str:
    """A name at the start of `tokens` (articles and German adjectives skipped): 'der Deutschen
    Bahn' -> 'deutschen bahn', 'Pioneer Natural Resources' -> 'pioneer natural resources'."""
    if not de:
        return _name_en(tokens, limit + 1)
    words = []
    for t in tokens[:limit]:
        tok = t[2]
        if not _word(tok):
            break
        low = tok.lower()
        if not words and low in _ARTICLES:
            continue
        if tok[0].isupper() or tok.isupper() or (words and low in ("of", "&")):
            words.append(tok)
            continue
        if de and not words:          # "der italienischen Unicredit"
            continue
        break
    while words and words[-1].lower() in ("of", "&"):
        words.pop()
    return " ".join(words).lower()


# nouns that stand for a company already named: not a holder's name ("das Institut", "the bank")
_GENERIC_DOERS = frozenset("""
institut instituts bank banken konzern konzerns unternehmen unternehmens firma gruppe geldhaus geldhauses
großbank kreditinstitut finanzkonzern mutter tochter käufer verkäufer investor investoren anleger aktionär
aktionäre italiener dänen amerikaner deutschen schweizer franzosen chinesen briten partner parteien seite
company firm group lender bank buyer seller investor investors shareholders rival rivals giant parent unit
""".split())
_HOLDING_VERBS = frozenset(("halten", "besitzen", "kontrollieren", "hold", "own", "control", "aufstocken", "ausbauen",
                            "erwerben", "übernehmen", "kaufen", "buy", "acquire", "verkaufen", "veräußern", "sell",
                            "zahlen", "pay", "investieren", "invest", "bieten", "offer", "einsteigen"))


def _holder(a: _Around, de: bool, pos, measure: str, kind: str = "") -> str:
    """Whose figure it is, only where the words say so: a genitive right after the measure noun
    ('Anteil des Staates'), a compound's first part ('Staatsanteil'), a possessive right before the
    measure or the figure ('Exxon's', 'UBS’s'), or the name next to a verb of holding, buying or
    paying ('UniCredit hält', 'hält die Unicredit', 'UBS agreed to pay'). '' when none does."""
    if pos is not None and de and kind != "verb":
        if pos[0] >= a.fig_end:
            after = [t for t in a.right_all if t[0] >= pos[1]][:6]
        else:
            after = sorted(t for t in a.left_all if t[0] >= pos[1])[:6]
        if after and after[0][2] in ("des", "der") and (len(after) < 2 or after[1][2][:1].isupper()
                                                        or len(after) > 2 and after[2][2][:1].isupper()):
            name = _name(after[1:], True)
            stake = measure_key(measure, "percent")[0] == "stake"
            if name and (not stake or holder_key(name) == "state"):
                return holder_key(name)
    if measure and de:
        key = holder_key(measure, compound=True)
        if key:
            return key
    for t in a.left[:10]:
        m = _EN_POSSESSIVE.match(t[2])
        if m and t[2][0].isupper():
            return holder_key(m.group(1).lower())
    return _verb_subject(a, de) or (_moved_name(a, de) if measure in _MOVE_VERBS else "")


_MOVE_VERBS = frozenset(("rise", "fall", "climb", "drop", "jump", "gain", "decline", "slump", "tumble", "plunge",
                         "sink", "steigen", "sinken", "fallen", "klettern", "zulegen", "anziehen", "nachgeben",
                         "einbrechen"))
_SHARE_WORDS = frozenset(("shares", "share", "stock", "stocks", "aktie", "aktien", "papiere", "kurs"))


def _moved_name(a: _Around, de: bool) -> str:
    """Whose shares moved: the name beside 'shares'/'Aktie' in the clause ('Shares in Pioneer',
    'Pioneer shares', 'Die Commerzbank-Aktie' -> 'commerzbank')."""
    toks = list(reversed(a.left[:12]))
    for i, t in enumerate(toks):
        low = t[3]
        if "-" in low and low.rsplit("-", 1)[-1] in _SHARE_WORDS:
            return holder_key(low.rsplit("-", 1)[0])
        if low not in _SHARE_WORDS:
            continue
        around = toks[max(0, i - 3):i][::-1] + toks[i + 1:i + 4]
        name = _name_near([u for u in around if u[2].lower() not in ("in", "of", "von", "der", "des")], de)
        if name:
            return holder_key(name)
    return ""


def _verb_subject(a: _Around, de: bool) -> str:
    """The name right before or right after a verb of holding, buying or paying in the clause:
    'UniCredit holds 9%', 'Der Bund verkaufte', 'hielten die Italiener', 'Exxon has offered'."""
    left = a.left[:10]
    for i, t in enumerate(left):
        if t[4] not in _HOLDING_VERBS:
            continue
        before = left[i + 1:i + 4]          # the words before the verb, nearest first
        after = list(reversed(left[:i]))    # the words between the verb and the figure
        if de and any(_word(u[2]) and not u[2][0].isupper() and u[2].lower() not in _ARTICLES
                      for u in left[i + 1:]):
            before = []                     # a verb at the clause's end: the word before it is its object
        for cand in ([before] if not de else [before, after]):
            name = _name_near(cand, de)
            if name:
                return holder_key(name)
    return ""


def _name_near(tokens: list, de: bool) -> str:
    """A proper name among a few tokens (skipping articles and auxiliaries): capitalised, not a known
    measure, not a sentence-opening adverb; several capitalised words in a row are one name."""
    words = []
    for t in tokens:
        tok = t[2]
        low = tok.lower()
        if not _word(tok) or low in ("has", "have", "had", "will", "would", "agreed", "to", "also", "is", "was"):
            if words:
                break
            continue
        if low in _ARTICLES:
            if words:
                break
            continue
        if tok[0].isupper() and low not in NOT_MEASURES and low not in _GENERIC_DOERS \
                and not measure_key(lemma(tok, "de" if de else "en"))[1] \
                and not (de and lemma(tok, "de") != low and holder_key(low) != "state"):
            words.append(t)
            continue
        break
    return " ".join(t[2] for t in sorted(words)).lower()


_RELATIVE_PREPS = ("to", "over", "above", "below", "against", "versus", "from", "since", "gegenüber", "zum", "zur",
                   "auf", "seit", "vom")


def _object(a: _Around, de: bool, pos, measure: str = "", kind: str = "") -> str:
    """Of what: 'an der Commerzbank', 'in Scale AI', 'of Pioneer', 'for Credit Suisse' after the figure
    or its measure noun; for a premium or a change, what it is measured against ('a 9% premium to
    the average price for 30 days' -> 'average price')."""
    if measure_key(measure)[0] in ("premium", "discount", "growth", "decline") and a.right:
        after = _after_units(a.right)
        if pos is not None and after and after[0][0] <= pos[0]:
            after = [t for t in after if t[0] >= pos[1]]     # "a 9% premium to ...": after the noun
        first = " ".join(t[3] for t in after[:2])
        words = [] if not after else after[1:] if after[0][2].lower() in _RELATIVE_PREPS else \
            after[2:] if first in ("as per", "compared to", "compared with", "relative to", "im vergleich") else []
        ref = [t[3] for t in words[:5] if t[5] and t[3] not in _ARTICLES
               and not _EN_POSSESSIVE.match(t[2])][:2]
        if ref:
            return "vs " + " ".join(ref)       # what it is measured against: compared word for word
    after = _after_units(a.right) if pos is None or pos[0] < 0 or pos[0] > a.fig_end or kind == "verb" else \
        [t for t in a.right_all if t[0] >= pos[1]]
    after = _Around._until_break(after)
    if measure_key(measure, "percent")[0] == "stake" and de and after and after[0][2] in ("des", "der"):
        name = _name(after[1:], True)            # "Anteil des Unternehmens Scale AI": the company's shares
        if name and holder_key(name) != "state":
            return name
    preps = ("an", "in", "bei", "am", "für", "von", "mit") if de else ("in", "of", "for", "with")
    for i, t in enumerate(after[:4]):
        if t[3] in preps and i + 1 < len(after):
            name = _name(after[i + 1:], de)
            if name and name not in NOT_MEASURES:
                return name
    return ""


_BEFORE_LINKS = {("von", "auf"), ("from", "to"), ("from", "at")}
_TARGET = re.compile(
    r"\b(?:zu\s+(?:erhöhen|erwerben|steigern)|aufzustocken|auszubauen|anzuheben|Ziel\w*|"
    r"Genehmigung|Erlaubnis|beantrag\w*|müsste\w*|"
    r"target\w*|aims?\s+to|seek\w*|approval|permission|would\s+have\s+to)\b")


def _when(a: _Around, fig_text: str = "") -> str:
    """When the figure holds: a year in its clause ('in 1999', 'im Jahr 2008', 'den 1990er-Jahren');
    'before' for the first figure of 'von 9 auf 21 Prozent' / 'from 29% to 40%' or a dating word
    right before it ('zuvor', 'zuletzt', 'previously', 'bereits'); 'planned' for a level someone
    wants to reach ('auf 29,9 Prozent auszubauen', 'Genehmigung ... zu erwerben', 'aims to');
    'now' for 'nun', 'jetzt', 'now'; '' when nothing says."""
    for t in a.left[:12] + a.right[:10]:
        if t[7]:
            return t[2][:4] + ("s" if t[2][4:] in ("s", "er") else "")
    # words between the figure and the number before it in the clause
    near = []
    for t in a.left[:8]:
        if t[2][:1].isdigit():
            break
        near.append(t[3])
    after = [t[3] for t in a.right[:4] if not t[2][:1].isdigit()]
    prep_before = next((w for w in near if w in ("von", "from", "auf", "to", "bis", "at")), "")
    prep_after = next((w for w in after if w in ("auf", "to", "bis", "at")), "")
    if prep_before and (prep_before, prep_after) in _BEFORE_LINKS:
        return "before"
    lo = a.left[-1][0] if a.left else a.fig_end
    hi = a.right[-1][1] if a.right else a.fig_end
    clause = a.sentence[lo:hi]
    for w in near:
        dated = _WHEN_WORDS.get(w)
        if dated == "before" or dated == "first":
            return dated
    if _TARGET.search(clause):
        return "planned"
    for w in near:
        if _WHEN_WORDS.get(w):
            return _WHEN_WORDS[w]
    return ""
