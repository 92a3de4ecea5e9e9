"""Which event a year dates: 'the 2009 collapse of Norland Savings', 'its merger with Quillon in 1999',
'In 2019, Orbis acquired two rivals, Vessel and Plume', 'the biggest failure since Norland
Mutual in 2008'. A year alone is no quantity; a year with its event and the event's name is one
(grouping.py keys it by the event: the year of a deal, of a failure, of a founding).
"""
from __future__ import annotations

import re

from figcheck.extract.clause import Around, tokens
from figcheck.extract.measures import NOT_MEASURES, is_measure_word

_EVENT_VERBS = frozenset(("buy", "acquire", "purchase", "merge", "take over", "kaufen", "übernehmen", "erwerben",
                          "fusionieren", "found", "gründen", "collapse", "fail", "list"))
_EVENT_NOUNS = frozenset(("merger", "acquisition", "deal", "purchase", "takeover", "buyout", "collapse", "failure",
                          "ipo", "listing", "bankruptcy", "fusion", "übernahme", "kauf", "zukauf", "erwerb",
                          "börsengang", "pleite", "insolvenz", "zusammenbruch", "gründung", "founding"))
_EVENT_PREPS = ("of", "with", "between", "von", "mit", "der", "des", "zwischen")
_OPENERS = frozenset(("in", "im", "by", "bis", "ende", "anfang", "mitte", "early", "late", "during", "until"))
_SUPERLATIVE = re.compile(r"(?:largest|biggest|greatest|worst|größte\w*|schwerste\w*)$", re.I)
_REFERENCE_PREPS = frozenset(("since", "after", "seit", "nach", "behind", "following"))


def year_frame(sentence: str, rel_start: int, rel_end: int, language: str) -> dict:
    """The event a year dates, where the sentence names the event and what it was about. {measure: the
    event's lemma, object: its name, frame: 'year_event'}; empty when it names no event with a name."""
    de = language == "de"
    lang = "de" if de else "en"
    a = Around(sentence, rel_start, rel_end, lang)
    frame = {"measure": "", "measure_text": "", "frame": "", "holder": "", "object": "", "when": "", "verb": "",
             "part": ""}
    found = _in_clause(a, sentence, de) or _since_superlative(sentence, rel_start, de) \
        or _opening_event(a, sentence, rel_end, de)
    if found:
        frame.update(measure=found[0], measure_text=found[1], frame="year_event", object=found[2])
    return frame


def _in_clause(a: Around, sentence: str, de: bool):
    """The event word right after the year or in its clause before it, and the name after the event."""
    after = a.rest_right()
    candidates = ([after[0]] if after and after[0][5] else []) + a.left[:8]
    for t in candidates:
        if not _event(t, de):
            continue
        following = [u for u in tokens(sentence, "de" if de else "en") if u[0] >= t[1]][:10]
        name = _name_after_event(t, following, de)
        return (t[4], t[2], name) if name else None
    return None


def _since_superlative(sentence: str, rel_start: int, de: bool):
    """'the biggest lender failure since Norland Savings in 2009', 'the third-biggest collapse, behind
    Norland Savings in 2009', 'the biggest collapse since 2009': the year dates the earlier event the
    superlative is measured against, and the name between is that event's."""
    toks = tokens(sentence, "de" if de else "en")
    left = [t for t in toks if t[1] <= rel_start][::-1][:14]
    for k, t in enumerate(left):
        if t[3] not in _REFERENCE_PREPS:
            continue
        name = " ".join(u[2] for u in reversed(left[:k]) if u[6]).lower()
        j = k + 1
        if j < len(left) and left[j][2] == ",":
            j += 1
        if j < len(left) and (left[j][4] in _EVENT_NOUNS or left[j][3] in _EVENT_NOUNS) \
                and any(_SUPERLATIVE.search(u[3]) for u in left[j + 1:j + 4]):
            return left[j][4], left[j][2], name
        return None
    return None


def _opening_event(a: Around, sentence: str, rel_end: int, de: bool):
    """A year in a phrase opening the sentence ('In the early 1980s, a merger between Orbis and Quillon
    ...', 'In 2019, Orbis acquired two rivals, Vessel Energy and Plume Energy, for ...')
    dates the first event of the main clause."""
    opening = list(reversed(a.left_all))
    if not opening or opening[0][3] not in _OPENERS or len(a.left) > 4:
        return None
    after = [t for t in tokens(sentence, "de" if de else "en") if t[0] >= rel_end]
    comma = next((k for k, t in enumerate(after[:5]) if t[2] == ","), None)
    if comma is None:
        return None
    main = after[comma + 1:comma + 25]
    for j, t in enumerate(main):
        if not _event(t, de):
            continue
        name = _name_after_event(t, main[j + 1:j + 12], de)
        return (t[4], t[2], name) if name else None
    return None


def _event(t: tuple, de: bool) -> bool:
    verb = t[4] in _EVENT_VERBS and not (de and t[6]) and (de or t[3] != t[4])   # "purchased", "kaufte"
    return verb or t[4] in _EVENT_NOUNS or t[3] in _EVENT_NOUNS


def _name_after_event(t: tuple, following: list, de: bool) -> str:
    """The name an event word names after it: after a noun its preposition ('merger with Quillon'),
    after a verb its object, past a descriptor to an apposition ('two rivals, Parsley and DoublePoint')."""
    verb = t[4] in _EVENT_VERBS and not (de and t[6]) and (de or t[3] != t[4])
    if not verb:
        following = following[1:] if following and following[0][3] in _EVENT_PREPS else []
    return _event_name(following, de) or _appositive(following, de)


def _appositive(toks: list, de: bool) -> str:
    """The names after a comma that follow a descriptor of words ('two smaller Gulf Coast competitors,
    Parsley Energy and DoublePoint Energy')."""
    for k, u in enumerate(toks[:8]):
        if u[2] == ",":
            return _event_name(toks[k + 1:k + 10], de)
        if not u[5]:
            break
    return ""


def _event_name(toks: list, de: bool) -> str:
    """The name an event names after it ('Quillon', 'Norland Savings', 'Vessel Energy'), past articles;
    for 'between Orbis and Quillon' the last name."""
    words: list[str] = []
    for u in toks:
        if not words and u[3] in ("the", "der", "die", "das", "den", "dem", "des", "its", "seine", "ihre"):
            continue
        if u[6] and u[3] not in NOT_MEASURES and not is_measure_word(u[4]):
            words.append(u[2])
            continue
        if words and u[3] in ("and", "und"):
            words = []
            continue
        break
    return " ".join(words).lower()
