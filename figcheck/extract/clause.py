"""The words of a figure's clause: tokens with their lemmas, and the clause around a figure.

`tokens` cuts a sentence into words, numbers and punctuation once (memoised), each with its
lowercase form, lemma and a few flags; `Around` holds the tokens left of a figure (nearest first)
and right of it, up to the clause's breaks. The measure rules (frames.py) and the holder, object,
time rules (frame_roles.py) and the part rules (frame_parts.py) read them.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from figcheck.extract.measures import NOT_MEASURES, VERB_FORMS, lemma

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.&-]*[^\W_])?|\d+(?:[.,'’]\d+)*(?:[^\W\d_]+)?|[^\w\s]")
BREAK = frozenset(";:()[]–—\"„“”«»,")
UNIT_WORDS = frozenset("""
million millionen milliarde milliarden billion billionen trillion mrd mio bn mn tn trn tsd thousand tausend hundert
hundred dollar dollars euro euros franc francs franken pfund pound pounds sterling yen yuan prozent percent cent
pct prozentpunkte prozentpunkten points point basispunkte bp usd eur chf gbp cent cents pence rappen us$ $ € £ %
franken
""".split())
TIME_NOUNS = frozenset("""
jahr jahre jahren jahres monat monate monaten woche wochen tag tage tagen stunde stunden uhr quartal halbjahr
year years month months week weeks day days hour hours quarter decade decades jahrzehnt jahrzehnte jahrzehnten
montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday thursday friday saturday sunday
""".split())
FILLERS_DE = frozenset("""
rund etwa ca circa zirka knapp fast nahezu gut über mehr als bis zu maximal mindestens höchstens annähernd
insgesamt zusammen jeweils umgerechnet geschätzte geschätzten geschätzt satte stolze zuletzt zuvor nun jetzt derzeit
aktuell damals noch schon bereits einem einer eines ein eine den dem der die das nur gerade weniger unter ab
""".split())
FILLERS_EN = frozenset("""
about around approximately approx nearly almost roughly some over under more less than up to as much many a an
the least just estimated combined total record whopping further another additional
""".split())
LINK_VERBS = frozenset("""
sein liegen betragen belaufen erreichen steigen sinken fallen klettern wachsen summieren beziffern schätzen
reduzieren erhöhen ausbauen aufstocken kommen machen ergeben türmen verringern schrumpfen
be stand reach total come amount rise fall climb drop increase decrease grow jump put estimate peg set close
""".split())
EN_POSSESSIVE = re.compile(r"^(.+?)(?:'s|’s|s'|s’)$")
YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)(?:er|s)?$")
WHEN_WORDS = {
    "zuvor": "before", "zuletzt": "before", "vorher": "before", "bisher": "before", "bislang": "before",
    "damals": "before", "ursprünglich": "first", "zunächst": "first", "anfangs": "first", "nun": "now",
    "jetzt": "now", "inzwischen": "now", "mittlerweile": "now", "derzeit": "now", "aktuell": "now",
    "previously": "before", "formerly": "before", "initially": "first", "originally": "first",
    "earlier": "before", "now": "now", "currently": "now", "künftig": "later", "bereits": "before",
    "already": "before", "last": "before", "vorerst": "now",
}
ARTICLES = frozenset(("der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
                       "the", "a", "an", "its", "their", "his", "her", "our", "seine", "seinen", "seiner", "ihre",
                       "ihren", "ihrer"))


@lru_cache(maxsize=50_000)
def tokens(sentence: str, lang: str = "en") -> tuple[tuple, ...]:
    """(start, end, text, lowercase, lemma, is a word, is capitalised, is a year) of the words, numbers and
    punctuation of a sentence (memoised per sentence and language)."""
    out = []
    for m in _TOKEN.finditer(sentence):
        tok = m.group()
        glued = _GLUED.match(tok) if "." in tok else None
        if glued:                          # "Euro.Christoph": a sentence glued to the next one (scraped text)
            k = m.start() + glued.end(1)
            for start, end in ((m.start(), k), (k, k + 1), (k + 1, m.end())):
                out.append(_token(sentence[start:end], start, end, lang))
            continue
        out.append(_token(tok, m.start(), m.end(), lang))
    return tuple(out)


_GLUED = re.compile(r"([^\W\d_]{3,})\.(?=[A-ZÄÖÜ][a-zäöüß]{2,}$)")


def _token(tok: str, start: int, end: int, lang: str) -> tuple:
    word = tok[:1].isalpha()
    return (start, end, tok, tok.lower(), lemma(tok, lang) if word else tok, word,
            word and tok[0].isupper(), bool(YEAR.match(tok)) if tok[:1].isdigit() else False)


@lru_cache(maxsize=50_000)
def _token_ends(sentence: str, lang: str = "en") -> list[int]:
    return [t[1] for t in tokens(sentence, lang)]


def is_word(tok: str) -> bool:
    return tok[:1].isalpha()


def noun(tok: str, de: bool) -> bool:
    """A noun that can be a measure: German: capitalised; English: a lowercase content word.
    Never a function word, a scale or unit word, a time word or (English) a verb form or adverb."""
    if not is_word(tok):
        return False
    low = tok.lower()
    if low in NOT_MEASURES or low in UNIT_WORDS or low in TIME_NOUNS:
        return False
    if de:
        return tok[0].isupper() and low not in ARTICLES
    return (not tok[0].isupper() and low not in VERB_FORMS and not low.endswith("ly")
            and not (low.endswith("ed") and len(low) > 4))


def _past_conversion(right: list) -> list:
    """The tokens after a figure without a bracket right after it, which restates it in another
    currency or unit ("3 billion francs ($3.3 billion) for its rival")."""
    i = 0
    while i < len(right) and right[i][2].lower().rstrip(".") in UNIT_WORDS:
        i += 1
    if i < len(right) and right[i][2] in "([":
        for j in range(i + 1, min(len(right), i + 14)):
            if right[j][2] in ")]":
                return right[:i] + right[j + 1:]
    return right


class Around:
    """The tokens of a figure's clause: `left` nearest first, `right` in order, both stopping at a
    clause break; `left_all` runs on to the sentence start (for a relative clause's antecedent)."""

    def __init__(self, sentence: str, rel_start: int, rel_end: int, lang: str = "en"):
        toks = tokens(sentence, lang)
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
        self.fig_start = rel_start
        self.fig_end = rel_end
        self.left = until_break(left_all)
        self.right = [t for t in _until_glued(until_break(right_all), rel_end) if t[2] not in ".!?"]
        self.right_all = right_all
        self.sentence = sentence
        self.lang = lang
        self._rest_right = None
        self._rest_left = None

    def rest_right(self) -> list:
        """The right tokens past scale and currency words and a hyphen glued to them ("640 pence-a-share")
        (computed once)."""
        if self._rest_right is None:
            rest = after_units(self.right)
            if rest and rest[0][2] == "-" and len(rest) > 1 and rest[1][0] == rest[0][1]:
                rest = rest[1:]
            self._rest_right = rest
        return self._rest_right

    def rest_left(self, de: bool) -> list:
        """The left tokens past hedge and filler words, nearest first (computed once)."""
        if self._rest_left is None:
            self._rest_left = skip(self.left, FILLERS_DE if de else FILLERS_EN)
        return self._rest_left



def _until_glued(tokens: list, fig_end: int) -> list:
    """The tokens up to a full stop glued to a capitalised word ('Euro.Christoph'): the sentence ends."""
    for i, t in enumerate(tokens[:-1]):
        if t[2] == "." and tokens[i + 1][0] == t[1] and tokens[i + 1][6] and (
                i and tokens[i - 1][1] == t[0] and tokens[i - 1][5] and len(tokens[i - 1][2]) >= 3
                or not i and t[0] == fig_end):
            return tokens[:i]
    return tokens


def until_break(tokens: list) -> list:
    """The tokens up to the first clause break (; : dashes brackets quotes commas)."""
    out = []
    for t in tokens:
        if t[2] in BREAK:
            break
        out.append(t)
    return out


def skip(tokens: list, skip: frozenset) -> list:
    """tokens without the leading ones whose lowercase text is in `skip`."""
    i = 0
    while i < len(tokens) and tokens[i][2].lower().rstrip(".") in skip:
        i += 1
    return tokens[i:]


def after_units(right: list) -> list:
    """The tokens after a figure, past scale and currency words still glued to it and past a
    bracketed conversion right after it ("$900m (£479m) loan")."""
    return skip(right, UNIT_WORDS)


