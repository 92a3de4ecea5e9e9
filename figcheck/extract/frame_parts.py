"""Which part of a measure a figure is: a further block ('weitere 30 Prozent', 'the next 4 billion'),
each party's ('je 50 Prozent', '50:50'), the rest ('die übrigen 11,5 Prozent'), a fraction of a holding
('die Hälfte des Pakets', 'ein Drittel davon'), how a holding is held ('direkt', 'über
Finanzinstrumente'), a subset of a whole ('11.000 der 27.000 Stellen') or a side of a vote ('178 zu 120
Stimmen'). A part is a quantity of its own (grouping.figure_key: 'stake_added', 'stake_fraction').
"""
from __future__ import annotations

import re

from figcheck.extract.clause import ARTICLES, TIME_NOUNS, Around
from figcheck.extract.frame_roles import HOLDING_VERBS

_PARTS = {
    "weitere": "added", "weiteren": "added", "weiterer": "added", "zusätzliche": "added", "zusätzlichen": "added",
    "zusätzlicher": "added",
    "additional": "added", "another": "added", "further": "added", "extra": "added",
    "je": "each", "jeweils": "each", "each": "each", "apiece": "each", "pro": "each",
    "übrigen": "rest", "übrige": "rest", "übriger": "rest", "restlichen": "rest", "restliche": "rest",
    "restlicher": "rest", "verbleibenden": "rest", "verbleibende": "rest", "remaining": "rest", "rest": "rest",
    "other": "rest",
}


FURTHER = frozenset(w for w, p in _PARTS.items() if p == "added")   # "weitere", "further", "another"
_FRACTION = re.compile(r"\b(?:hälfte|drittel|viertel|fünftel|zehntel|half|halves|thirds?|quarters?|fifths?)\b", re.I)
EQUAL_SPLIT = re.compile(r"^\s*(\d+)\s*[:/]\s*(\d+)\s*$")
_ANAPHORS = frozenset(("davon", "dessen", "deren", "hiervon"))
_EN_ANAPHORS = frozenset(("it", "that", "this", "them", "those", "which"))
_HOLDINGS = frozenset(("paket", "aktienpaket", "anteil", "anteile", "beteiligung", "position", "gesamtposition",
                       "stake", "holding", "holdings", "package", "block"))
_POSSESSIVES = frozenset(("seine", "seinen", "seiner", "ihre", "ihren", "ihrer", "its", "their", "his", "her"))
_CHANNEL_PREPS = frozenset(("über", "durch", "via", "mittels", "through", "using"))
INSTRUMENTS = ("instrument", "derivat", "option", "swap", "termingeschäft", "wandelanleihe", "call")


def part(a: Around, de: bool = True, unit_class: str = "") -> str:
    """What part of a measure the figure is: 'added' ('weitere 30 Prozent', 'a further $2bn'), 'each'
    ('je 50 Prozent', '50% each'), 'rest' ('die übrigen 11,5 Prozent', 'the remaining 51%'); for a
    share: 'fraction' (a part of a holding: 'die Hälfte des Pakets', 'ein Drittel davon', 'half of its
    stake'), 'direct' ('hielten direkt', 'held directly') or 'instruments' ('über Finanzinstrumente',
    'through derivatives'): how a holding is held; ''."""
    if unit_class == "percent":
        split = EQUAL_SPLIT.match(a.sentence[a.fig_start:a.fig_end])
        if split and split.group(1) == split.group(2):
            return "each"                   # "50:50": each party's share
        if _FRACTION.search(a.sentence[a.fig_start:a.fig_end]) and _of_holding(a.right[:6], de):
            return "fraction"
        words = a.left[:10][::-1] + a.right[:10]
        held = _held_through(words)
        if held == "instruments" or held and any(t[4] in HOLDING_VERBS or t[3] in _HOLDINGS or t[4] in _HOLDINGS
                        or t[3] in ("aktien", "shares") for t in words):
            return held                     # "hielten direkt", not "schlage sich direkt in"
    r = a.rest_right()
    vote = _vote_part(a, r)
    if vote:
        return vote
    if len(r) >= 2 and r[0][3] in ("der", "of") and (r[1][2][:1].isdigit() and not r[1][7] or len(r) > 2 and r[1][3] in (
            "rund", "the", "etwa", "about") and r[2][2][:1].isdigit() and not r[2][7]):
        return "subset"                     # "11.000 der rund 27.000 Stellen": a part of a whole
    first = a.left[0][3] if a.left else ""
    if first in ("next", "nächsten") and unit_class in ("money", "money_or_count"):
        after = a.rest_right()[:1]
        if not (after and (after[0][3] in TIME_NOUNS or after[0][4] in TIME_NOUNS)):
            return "added"              # "the next 4 billion francs": a further tranche ("the next 30 days": time)
    for i, t in enumerate(a.left[:3]):
        p = _PARTS.get(t[3])
        if p == "each" and i and a.left[i - 1][6]:
            break                       # "20,40 Euro je Aktie liegt 80 Cent": 'je' is per share, of another figure
        if p == "rest" and i + 1 < len(a.left) and a.left[i + 1][3] in _POSSESSIVES:
            break                       # "seine restliche Beteiligung", "its remaining stake": the holding itself
        if p:
            return p
        if t[2][:1].isdigit():
            break
    for t in a.right[:2]:
        if t[3] in ("each", "apiece", "jeweils"):
            return "each"
    if a.right and a.right[0][3] in FURTHER:
        return "added"                      # "15 weitere Abgeordnete" ("30% more than" compares, adds nothing)
    return ""


_SHORT = frozenset(("fehlen", "fehlten", "fehlt", "fehlte", "missing", "short", "lacked", "lacking"))


def _vote_part(a: Around, right: list) -> str:
    """Which side of a vote a count is: 'mit 178 zu 120 Stimmen' / 'by 178 votes to 120' ('for' the
    first, 'against' the second), 'es fehlen 17 Stimmen' / '17 votes short' ('short'); ''."""
    if not any(t[3].startswith(("stimm", "vote", "votum", "ballot")) for t in a.left[:6] + a.right[:6]):
        return ""                           # "more than double to 0.8 million": no vote
    left = a.left[:2]
    if len(left) >= 2 and left[0][3] in ("zu", "to", "gegen", "against") and left[1][2][:1].isdigit():
        return "against"
    if len(right) >= 2 and right[0][3] in ("zu", "to", "gegen") and right[1][2][:1].isdigit():
        return "for"
    if any(t[3] in _SHORT for t in a.left[:4] + a.right[:4]):
        return "short"
    return ""


def _of_holding(right: list, de: bool) -> bool:
    """Whether a fraction is of a holding named before ('davon', 'of it') or right after it ('des
    9-prozentigen Pakets', 'of its stake'), not of a company's shares ('der Aktien', 'of the company')."""
    if not right:
        return False
    first = right[0][3]
    if first in _ANAPHORS or not de and first == "of" and len(right) > 1 and right[1][3] in _EN_ANAPHORS \
            and not (len(right) > 2 and right[2][5] and right[1][3] in ("this", "that", "those")):
        return True                     # "half of it", not "the first half of that season"
    if first not in ("des", "der", "seines", "ihres", "seiner", "ihrer", "of"):
        return False
    for t in right[1:5]:
        if t[5] and (t[6] if de else t[3] not in ARTICLES):      # ARTICLES holds "its", "their" too
            return t[3] in _HOLDINGS or t[4] in _HOLDINGS   # the whole's noun
    return False


def _held_through(words: list) -> str:
    """How a holding is held, from the words of its clause: 'direct' ('direkt', 'directly', 'über
    direkte Beteiligungen'), 'instruments' ('über Finanzinstrumente', 'through derivatives'); ''.
    Instruments bought ('Mit dem Kauf von Derivaten') name how it grew, not a part."""
    for i, t in enumerate(words):
        if t[3] in ("direkt", "directly", "direkte", "direkten"):
            return "direct"
        if t[3] in _CHANNEL_PREPS:
            for u in words[i + 1:i + 4]:
                if any(x in u[3] for x in INSTRUMENTS):
                    return "instruments"
                if u[3] in ("direkte", "direkten", "direct"):
                    return "direct"
    return ""
