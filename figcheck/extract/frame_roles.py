"""Whose, of what and when a figure is: the holder, object, time and part of its measure frame.

The holder only where the words say so (a genitive, a possessive, a compound's first part, the
name next to a verb of holding, buying or paying); the object from the preposition after the
measure ("an der Commerzbank", "of Pioneer", a premium's reference "to its closing price"); the
time from a year in the clause or a word that dates the figure; the part from "weitere",
"je", "übrigen".
"""
from __future__ import annotations

import re

from figcheck.extract.clause import (
    FILLERS_DE, FILLERS_EN, ARTICLES, TIME_NOUNS, WHEN_WORDS, Around, EN_POSSESSIVE, after_units, is_word, tokens, until_break
)
from figcheck.extract.measures import (
    NOT_MEASURES, PARTICLES, VERBS, holder_key, inflected, is_measure_word, lemma, measure_key, verb_concept
)
from figcheck.extract.names import DEMONYMS, GENERIC_DOERS, NOT_NAMES, is_generic

def clause_verb(a: Around, de: bool) -> str:
    """The first measure verb of the clause, either side ('5.000 Stellen abbauen', 'cut 5,000 jobs');
    'ums Leben kommen' is to die. The whole of 'N der M Stellen' / 'N of the M jobs' takes no verb:
    the verb moves the part."""
    left = [t for t in a.left[:4] if t[3] not in (FILLERS_DE if de else FILLERS_EN) or t[3] in ("der", "of")]
    if len(left) >= 2 and left[0][3] in ("der", "of", "the") and (left[1][2][:1].isdigit() or len(left) > 2
                                                                   and left[1][3] == "of" and left[2][2][:1].isdigit()):
        return ""
    words = [t[3] for t in a.right[:8]]
    if "ums" in words and "leben" in words:
        return "sterben"
    for t in a.left[:14] + a.right[:10]:   # "2,400 people in the valley may have died"
        if t[5] and not (de and t[2][0].isupper()):
            lem = t[4]
            if lem in VERBS:
                return lem
    return ""




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
        if tok[0].isupper() and not tok.lower().endswith(("-based", "-owned", "-listed")) and t[3] not in ARTICLES:
            run.append(tok)
            tail = False
            continue
        if run:
            runs.append(run)
            run = []
        tail = bool(runs) and t[3] not in ARTICLES
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
        if not is_word(tok):
            break
        low = tok.lower()
        if not words and low in ARTICLES:
            continue
        if low in NOT_NAMES:
            break                     # "die Mehrheit an Velmar": a part, not a name
        if tok[0].isupper() or tok.isupper() or (words and low in ("of", "&")):
            words.append(tok)
            continue
        if de and not words:          # "der italienischen Unicredit"
            continue
        break
    while words and words[-1].lower() in ("of", "&"):
        words.pop()
    # "des Leipziger Batterieherstellers Velmar": the name after a place adjective and a descriptor
    while len(words) > 1 and (is_generic(words[0].lower()) or words[0].endswith("er") and words[0][:1].isupper()
                              and not inflected(words[0], "de") and is_generic(words[1].lower())):
        words.pop(0)
    return " ".join(words).lower()


# words of time are no names: the clause's time nouns (weekdays, "Jahr"), months, seasons
_TIME_WORDS = TIME_NOUNS | frozenset("""
januar februar märz april mai juni juli august september oktober november dezember january february march
june july october december anfang ende mitte frühjahr sommer herbst winter
""".split())
HOLDING_VERBS = frozenset(("halten", "besitzen", "kontrollieren", "hold", "own", "control", "aufstocken", "ausbauen",
                            "erwerben", "übernehmen", "kaufen", "buy", "acquire", "verkaufen", "veräußern", "sell",
                            "zahlen", "pay", "investieren", "invest", "bieten", "offer", "einsteigen", "behalten", "bid",
                            # an estimate is its estimator's: "Das Ministerium rechnet mit", "analysts expect"
                            "rechnen", "erwarten", "schätzen", "prognostizieren", "veranschlagen", "beziffern",
                            "expect", "estimate", "forecast", "predict", "project"))


def holder(a: Around, de: bool, pos, measure: str, kind: str = "") -> str:
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
            if name and (not stake or holder_key(name) == "state" or _personal(after[1:4])
                         or lemma(measure, "de") == "einstieg"):
                return holder_key(name)   # "Anteil des Staates", "Einstieg des Milliardärs Kretinsky"
    if measure and de:
        key = holder_key(measure, compound=True)
        if key:
            return key
    paired = _respective(a, de)
    if paired:
        return paired
    for t in a.left[:10]:
        m = EN_POSSESSIVE.match(t[2])
        if m and (t[2][0].isupper() or m.group(1).lower() not in GENERIC_DOERS | NOT_MEASURES):
            return holder_key(m.group(1).lower())     # "Exxon's", "UBS’s", "the founder's"
    if kind == "verb" and measure in SELL_VERBS:
        return _buyer(a, de)              # a share sold is the buyer's: "verkaufte 4,5 Prozent an die Unicredit"
    moved = measure in _MOVE_VERBS or kind == "verb" and verb_concept(measure, "percent") in ("growth", "decline") \
        or kind != "verb" and bool(measure) and measure_key(measure, "percent")[0] in ("growth", "decline")
    found = _verb_subject(a, de) or (_moved_name(a, de) or _mover(a, de) if moved else "")
    if not found and not kind == "verb" and measure_key(measure, "ordinal")[0] in ("failure", "rank"):
        # whose rank: the subject of 'be' or 'become' ("SVB has become the second-largest bank failure")
        found = _verb_subject(a, de, _BE_VERBS | _BECOME, right_always=True)
    if not found and pos is not None and kind != "verb" and measure_key(measure, "money")[0] in ("offer", "deal_amount"):
        after = [t for t in a.right_all if t[0] >= pos[1]][:5]
        if after and after[0][3] in ("by", "durch"):      # "a $4.2bn buyout by retail group Orbis": the buyer
            start = next((k for k, t in enumerate(after[1:5], 1) if t[6]), None)
            name = _name_near(after[start:], de) if start is not None else ""
            found = holder_key(name) if name else ""
    if not found and not de and measure_key(measure, "money")[0] == "offer" and kind != "verb":
        # a bid's holder is the bidder the sentence opens with ("Orbis has won ... with a bid worth"),
        # not a name set off by a comma ("Larsen, which says ..."); German opens with any noun capitalised
        opening = list(reversed(a.left_all))[:5]
        name = _name_near(opening, de) if opening and opening[0][6] else ""
        after = opening[len(name.split()):len(name.split()) + 1] if name else []
        found = holder_key(name) if name and not (after and after[0][2] == ",") else ""
    if not found and _is_stake(measure, kind):
        # a share's holder is the subject next to 'sein' or 'haben' too: "Mit einem Anteil von neun
        # Prozent ist die Unicredit ...", "UniCredit has 9%"
        found = _verb_subject(a, de, HOLDING_VERBS | _BE_VERBS, right_always=True)
    return found


def _respective(a: Around, de: bool) -> str:
    """Coordinated possessives and coordinated figures pair in order: in "Harrow's and Norland's
    collapses rank as the fourth- and fifth-biggest" the fourth is Harrow's, the fifth Norland's; ''."""
    if de:
        return ""
    poss = [t for t in a.left[:10] if EN_POSSESSIVE.match(t[2])]
    if len(poss) < 2:
        return ""
    i = a.left.index(poss[0])
    if not (i + 2 < len(a.left) and a.left[i + 1][3] in ("and", "or") and a.left[i + 2] is poss[1]):
        return ""
    right = a.right[:2]
    first_of_pair = bool(right) and (right[0][3] == "and" or right[0][2] == "-" and len(right) > 1
                                     and right[1][3] == "and")
    which = poss[1] if first_of_pair else poss[0]              # poss[1] comes first in the text
    return holder_key(EN_POSSESSIVE.match(which[2]).group(1).lower())


SELL_VERBS = frozenset(("verkaufen", "veräußern", "abgeben", "sell", "divest", "offload", "dispose"))


def _buyer(a: Around, de: bool) -> str:
    """Who a sale goes to: 'an die Unicredit', 'an das italienische Institut', 'to UniCredit'; ''."""
    for toks in (a.right[:10], list(reversed(a.left[:10]))):
        found = _buyer_in(toks, de)
        if found is not None:
            return found
    return ""


def _buyer_in(toks: list, de: bool) -> str | None:
    for i, t in enumerate(toks):
        if de and t[3] == "an" and i + 1 < len(toks) and toks[i + 1][3] in ("die", "den", "das") or \
                not de and t[3] == "to":
            after = [u for u in toks[i + 1:i + 5] if u[3] not in ARTICLES]
            name = _name_near(after, de)
            if name:
                return holder_key(name)
            first = [u for u in after if u[5]][:2]
            for u in first:
                if u[3] in DEMONYMS or is_generic(u[3]):
                    return u[3]
            return ""
    return None


_PERSONS = ("milliardär", "investor", "unternehmer", "gründer", "eigentümer", "großaktionär", "familie",
            "finanzinvestor", "erbe", "milliardärs", "investors", "unternehmers", "gründers", "eigentümers")


def _personal(tokens: list) -> bool:
    """Whether a genitive names a person or an investor ('des tschechischen Milliardärs'): whose a
    share is, not what it is a share of."""
    return any(t[3].endswith(_PERSONS) for t in tokens)


def _is_stake(measure: str, kind: str) -> bool:
    if kind == "verb":
        return verb_concept(measure, "percent") == "stake"
    # "Rettungspaket" is aid, though a "Paket" of shares is a stake
    return bool(measure) and measure_key(measure, "percent")[0] == "stake" and not measure_key(measure, "money")[1]


_BE_VERBS = frozenset(("sein", "haben", "bleiben", "be", "have", "remain"))
_BECOME = frozenset(("become", "werden", "fail", "scheitern", "mark", "rank"))
_MOVE_VERBS = frozenset(("rise", "fall", "climb", "drop", "jump", "gain", "decline", "slump", "tumble", "plunge",
                         "sink", "steigen", "sinken", "fallen", "klettern", "zulegen", "anziehen", "nachgeben",
                         "einbrechen"))
_SHARE_WORDS = frozenset(("shares", "share", "stock", "stocks", "aktie", "aktien", "papiere", "kurs"))


def _mover(a: Around, de: bool) -> str:
    """Who moved, named before the verb ('PacWest Bancorp lost 38%', 'First Republic Bank fell 15%'),
    also past a relative clause between commas ('Signature Bank, which caters to crypto, declined 22%')."""
    left = a.left_all[:24]
    for i, t in enumerate(left[:6]):
        if not (t[5] and (t[4] in VERBS or t[3] in ("down", "up"))):
            continue
        before = left[i + 1:i + 5]
        if len(before) > 2 and before[0][3] in ("which", "who", "that", "der", "die", "das") and before[1][2] == ",":
            before = left[i + 3:i + 7]                  # "The ... ETF, which tumbled 8%": its antecedent
        elif before and before[0][2] == ",":            # walk back past ", which ... ,"
            for j in range(i + 2, len(left) - 1):
                if left[j][2] == "," and left[j - 1][3] in ("which", "who", "that", "der", "die", "das"):
                    before = left[j + 1:j + 5]
                    break
            else:
                return ""
        name = _name_near([u for u in before if u[3] not in ("were", "was", "had", "have", "has")], de)
        return holder_key(name) if name else ""
    return ""


def _moved_name(a: Around, de: bool) -> str:
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


def _verb_subject(a: Around, de: bool, verbs: frozenset = HOLDING_VERBS, right_always: bool = False) -> str:
    """The name right before or right after a verb of holding, buying or paying in the clause:
    'UniCredit holds 9%', 'Der Bund verkaufte', 'hielten die Italiener', 'Exxon has offered', a
    separable verb with its particle at the clause's end ('Unicredit steigt mit 9 Prozent ein'); else
    the name a share is given with ('Blackrock mit rund sieben Prozent', 'BlackRock, with 7%')."""
    left = a.left[:10]
    particle = a.right[-1][3] if de and a.right and a.right[-1][3] in PARTICLES else ""
    for i, t in enumerate(left):
        if t[4] not in verbs and not (particle and particle + t[4] in verbs):
            continue
        if de and t[2][:1].isupper() and i + 1 < len(left):
            continue                        # a capitalised "Kauf": a noun, not the verb
        before = a.left[i + 1:i + 6]        # the words before the verb, nearest first ("SBC agreed to buy")
        after = list(reversed(left[:i]))    # the words between the verb and the figure
        if de and _subordinate(a) and any(
                is_word(u[2]) and not u[2][0].isupper() and u[3] not in ARTICLES for u in left[i + 1:-1]):
            before = []                     # "dass ... Schenker übernimmt": the word before the verb is its object
        if _governed(before):
            before = []                     # "In Deutschland hält Kretinsky": a place, not the subject
        for cand in ([before] if not de else [before, after]):
            name = _name_near(cand, de) or _antecedent(a, cand, de)
            if name:
                return holder_key(name)
        for cand in ([before] if not de else [before, after]):
            generic = [u for u in cand if u[3] not in ARTICLES and is_word(u[2])][:1]
            if generic and (generic[0][3] in GENERIC_DOERS or generic[0][3] in DEMONYMS):
                return generic[0][3]        # "Die Bank hält", "halten die Italiener": may stand for a name
    if de and (right_always or len(a.rest_left(de)) == 0):
        right = a.right[:8]        # a figure before its verb: "Rund 9,5 Prozent der Aktien hielten die Italiener"
        for i, t in enumerate(right):
            if t[4] in verbs and not t[2][:1].isupper():
                after = right[i + 1:i + 4]
                name = _name_near(after, de)
                if name:
                    return holder_key(name)
                first = [u for u in after if u[3] not in ARTICLES][:1]
                if first and (first[0][3] in DEMONYMS or first[0][3] in GENERIC_DOERS):
                    return first[0][3]
                break
    return _with_share(a, de)


_SUBORDINATORS = frozenset(("dass", "weil", "nachdem", "ob", "wenn", "als", "da", "womit", "wodurch", "obwohl",
                           "während", "wie", "sodass", "damit", "bevor", "seit", "seitdem", "indem", "sofern", "falls",
                           "soweit", "wobei", "weshalb", "weswegen", "zumal", "ehe", "bis", "um"))
_RELATIVE_PRONOUNS = frozenset(("der", "die", "das", "den", "dem", "deren", "dessen", "welche", "welcher", "welches"))


_PRONOUNS = {"er": "der", "sie": "die", "it": "", "they": ""}


def _antecedent(a: Around, cand: list, de: bool) -> str:
    """What a pronoun subject next to the verb stands for, within the sentence: German 'er' the
    nearest subject with 'der', 'sie' with 'die', opening a clause before ('Nachdem der Staat ... verkauft
    hatte, will er seine restliche Beteiligung behalten'); English 'it'/'they' the name that opens the
    sentence ('Orbis said it holds 9%'). '' when there is none."""
    first = next((t for t in cand if t[3] not in ARTICLES), None)
    if first is None or first[3] not in _PRONOUNS:
        return ""
    earlier = list(reversed(a.left_all[len(a.left):]))       # the sentence before the clause, in order
    if not de:
        return _name_near(earlier[:4], False) if earlier else ""
    found = ""
    for i, t in enumerate(earlier):
        if t[3] != _PRONOUNS[first[3]]:
            continue
        if i and earlier[i - 1][2] != "," and earlier[i - 1][3] not in _SUBORDINATORS:
            continue                    # "6 Prozent der Papiere", "an die Bank": no subject
        name = _name(earlier[i:], True)
        if name and not is_generic(name):
            found = name
    return found


_SENTENCE_PRONOUNS = frozenset(("it", "they"))     # German "Er/Sie/Es" open too many other sentences


def opens_with_pronoun(sentence: str, rel_start: int, lang: str) -> bool:
    """Whether the figure's sentence opens with a pronoun subject and the figure stands in that first
    clause ('It is now the fourth-biggest bank failure, ...')."""
    toks = tokens(sentence, lang)
    if not toks or toks[0][3] not in _SENTENCE_PRONOUNS:
        return False
    return not any(t[2] in ",;:" for t in toks if t[0] < rel_start)


def named_before(sentence: str, lang: str) -> str:
    """Who a pronoun opening the next sentence stands for: the name that opens this sentence ('Orbis
    agreed to buy Quillon.' -> 'orbis'); when it opens with no name (a possessive, a noun), the last
    name of the sentence ('... before supervisors closed Norland Savings.' -> 'norland savings')."""
    de = lang == "de"
    toks = [t for t in tokens(sentence, lang)]
    head = [t for t in toks[:5] if t[3] not in ARTICLES]
    if head and not any(EN_POSSESSIVE.match(t[2]) for t in head[:4]):     # "Harrow's ... collapse": no name subject
        name = _name_near(toks[:4], de)
        if name:
            return holder_key(name)
    if de:
        return ""                       # German capitalises every noun: no name run to read
    runs, run = [], []
    for i, t in enumerate(toks[1:], 1):
        starts = i + 1 < len(toks) and toks[i + 1][6]                # "Norland Savings Bank"
        if t[6] and not EN_POSSESSIVE.match(t[2]) and t[3] not in _TIME_WORDS \
                and (run or starts or t[3] not in NOT_MEASURES and not is_measure_word(t[4])):
            run.append(t)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    return holder_key(" ".join(t[2] for t in runs[-1]).lower()) if runs else ""


def _subordinate(a: Around) -> bool:
    """Whether the figure's German clause is a subordinate one (verb last): it opens with a conjunction
    ('dass', 'nachdem') or, after a comma, with a relative pronoun."""
    if not a.left:
        return False
    first = a.left[-1][3]
    if first in _SUBORDINATORS:
        return True
    opened = len(a.left_all) > len(a.left) and a.left_all[len(a.left)][2] == ","
    return first in _RELATIVE_PRONOUNS and opened


def _governed(before: list) -> bool:
    """Whether the words before a verb (nearest first) are a prepositional phrase: the name there
    follows a preposition ('In Deutschland hält', 'Wider alle Kritik hat'); 'agreed to buy': 'to' marks
    the infinitive, no phrase."""
    if before and before[0][3] == "to":
        return False
    for t in before[:4]:
        if t[3] in _PREPOSITIONS:
            return True
        if not t[5] or t[3] in ARTICLES:
            continue
        if not t[6] and not t[3].endswith(("e", "en", "er", "es")):
            return False                    # a lowercase word that is no adjective: the phrase ended
    return False


_PREPOSITIONS = frozenset("""
an auf aus bei durch für gegen in im ins mit nach über um unter von vom vor zu zum zur seit am beim wider trotz
of in at on for with from by to into over under after since against via despite
""".split())


def _with_share(a: Around, de: bool) -> str:
    """'Blackrock mit rund sieben Prozent', 'BlackRock, with 7%': the name a share is given with."""
    rest = a.rest_left(de)
    if not rest or rest[0][3] not in ("mit", "with"):
        return ""
    before = [t for t in a.left_all[len(a.left) - len(rest) + 1:][:4] if t[2] != ","]
    if not before or not before[0][6]:
        return ""                           # "jetzt mit dem 20-Prozent-Einstieg": no name right before 'mit'
    name = _name_near(before, de)
    return holder_key(name) if name else ""


def _name_near(tokens: list, de: bool) -> str:
    """A proper name among a few tokens (skipping articles and auxiliaries): capitalised, not a known
    measure, not a sentence-opening adverb; several capitalised words in a row are one name."""
    words = []
    for k, t in enumerate(tokens):
        tok = t[2]
        low = tok.lower()
        if not is_word(tok) or low in ("has", "have", "had", "will", "would", "agreed", "to", "also", "is", "was") \
                or low in _ADVERBS:
            if words:
                break
            continue                        # "Orbis previously held": past the adverb
        if low in ARTICLES:
            if words:
                break
            continue
        if not words and not tok[0].isupper() and holder_key(low) == "state":
            return "state"                  # "the government holds", "the state's"
        if tok[0].isupper() and is_generic(low) and not words:
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and nxt[6] and not is_generic(nxt[3]) and nxt[3] not in NOT_MEASURES \
                    and (abs(nxt[0] - t[1]) <= 1 or abs(t[0] - nxt[1]) <= 1):
                words.append(t)             # "Harrow Bank holds": the descriptor is part of the name
                continue
            continue                        # "der US-Vermögensverwalter Blackrock": past the descriptor
        if tok[0].isupper() and low not in NOT_MEASURES and not is_generic(low) and low not in _TIME_WORDS \
                and low not in NOT_NAMES \
                and (not is_measure_word(lemma(tok, "de" if de else "en")) or holder_key(low) == "state") \
                and not (de and inflected(tok, "de") and holder_key(low) != "state"):
            words.append(t)
            continue
        break
    return " ".join(t[2] for t in sorted(words)).lower()


_RELATIVE_PREPS = ("to", "over", "above", "below", "against", "versus", "from", "since", "gegenüber", "zum", "zur",
                   "auf", "seit", "vom", "über", "unter", "oberhalb", "unterhalb")


def object_of(a: Around, de: bool, pos, measure: str = "", kind: str = "", unit_class: str = "") -> str:
    """Of what: 'an der Commerzbank', 'in Scale AI', 'of Pioneer', 'for Credit Suisse' after the figure
    or its measure noun; for a premium or a change, what it is measured against ('a 9% premium to
    the average price for 30 days' -> 'average price')."""
    if measure_key(measure)[0] in ("premium", "discount", "growth", "decline") and a.right:
        after = after_units(a.right)
        if pos is not None and after and after[0][0] <= pos[0]:
            after = [t for t in after if t[0] >= pos[1]]     # "a 9% premium to ...": after the noun
        first = " ".join(t[3] for t in after[:2])
        words = [] if not after else after[1:] if after[0][2].lower() in _RELATIVE_PREPS else \
            after[2:] if first in ("as per", "compared to", "compared with", "relative to", "im vergleich") else []
        ref = [t for t in words[:5] if t[5] and t[3] not in ARTICLES and not EN_POSSESSIVE.match(t[2])]
        if de:                                 # German: the nouns ("dem Xetra-Schlusskurs lag": not the verb)
            ref = [t for t in ref[:next((i for i, t in enumerate(ref) if not t[6] and i), len(ref))] if t[6]]
        ref = [t[3] for t in ref][:2]
        if ref:
            return "vs " + " ".join(ref)       # what it is measured against: compared word for word
    if pos is None or pos[0] < 0 or kind == "verb":
        after = after_units(a.right)
    elif pos[1] <= a.fig_start:       # the measure before the figure: the words after it ("Der Anteil des
        between = sorted(t for t in a.left_all if t[0] >= pos[1])   # Staates an der Fluglinie liegt bei"),
        between = until_break(between)                              # then those after the figure
        while between and between[-1][3] in ("von", "über", "of", "at", "worth", "höhe", "in", "mit", "with"):
            between = between[:-1]                 # "Anteil von neun Prozent": the link to the figure itself
        after = between + [t for t in a.right_all if t[0] >= pos[1]]
    else:
        after = [t for t in a.right_all if t[0] >= pos[1]]
    after = until_break(after)
    if measure_key(measure, "percent")[0] == "stake" and de and after and after[0][2] in ("des", "der"):
        name = _name(after[1:], True)            # "Anteil des Unternehmens Scale AI": the company's shares
        if name and holder_key(name) != "state" and not _personal(after[1:4]) and lemma(measure, "de") != "einstieg":
            return name
    stake = unit_class in ("", "percent") and (measure_key(measure, "percent")[0] == "stake"
                                               or kind == "verb" and verb_concept(measure, "percent") == "stake")
    preps = ("an", "in", "bei", "am", "für", "von", "mit") if de and stake else ("an", "in", "am", "für", "von") if de \
        else ("in", "of", "for", "with")     # "bei der Commerzbank einsteigen"; "Geschäft bei der Bahn": no object
    sold = kind == "verb" and measure in SELL_VERBS
    for i, t in enumerate(after[:4] if len(after) <= 4 or pos is None or pos[1] > a.fig_start else after[:8]):
        if sold and t[3] == "an" and i + 1 < len(after) and after[i + 1][3] in ("die", "den", "das"):
            continue                                # "verkaufte 4,5 Prozent an die Unicredit": the buyer
        if t[3] in preps and i + 1 < len(after):
            name = _name(after[i + 1:], de)
            if name in ("höhe", "wert", "umfang", "volumen", "größenordnung"):
                continue                            # "Investitionen in Höhe von": a size, not an object
            if name and name not in NOT_MEASURES and name.split()[-1] not in _TIME_WORDS:
                return name
            invested = kind == "verb" and measure in ("invest", "investieren", "spend", "ausgeben")
            if not de and (t[3] == "of" or t[3] == "in" and (stake or invested)):
                # "9% of the platform", "a stake in the airline", "invest $2 billion in data centers"
                run = []
                for u in after[i + 1:i + 5]:
                    if u[3] in ARTICLES and not run:
                        continue
                    if not u[5] or u[6] or u[3] in NOT_MEASURES or u[3] in GENERIC_DOERS:
                        break
                    run.append(u)
                if run:                             # "the platform", "data centers" -> "data center"
                    return " ".join([u[3] for u in run[:-1]] + [run[-1][4]])
    if unit_class != "percent" and (measure_key(measure, "money")[0] in _DEAL_CONCEPTS
                                    or kind == "verb" and measure in _BUY_VERBS):
        return _bought(a, de)   # a share's object is after "an", "of": after a German verb may stand its subject
    if unit_class in ("", "percent"):
        return _relative_antecedent(a)
    return ""


def _relative_antecedent(a: Around) -> str:
    """A share in a relative clause that opens with its preposition ('NH, an der Larsen 50 Prozent
    hält', 'Quillon, in which Orbis holds 9%'): its object is the name before the comma, the short
    name in brackets when there is one ('Nordholding (NH), an der')."""
    w = [t[3] for t in a.left[-2:]]
    if len(w) != 2 or w[1] not in ("an", "in", "bei", "of") or w[0] not in ("dem", "der", "denen", "which", "whom"):
        return ""
    rest = a.left_all[len(a.left):]
    if not rest or rest[0][2] != ",":
        return ""
    toks = rest[1:]
    if toks and toks[0][2] == ")":
        inner = [t for t in toks[1:4] if t[2] != "("]
        if inner and inner[0][6]:
            return inner[0][3]
    names = []
    for t in toks[:5]:
        if not t[6]:
            break
        names.insert(0, t[3])
    return " ".join(names)


_DEAL_CONCEPTS = ("deal_amount", "offer", "enterprise_value", "price_per_share", "valuation")
_BUY_VERBS = frozenset(("buy", "acquire", "purchase", "take over", "kaufen", "übernehmen", "erwerben", "akquirieren",
                        "value"))


def _bought(a: Around, de: bool) -> str:
    """What a deal buys when its sentence says so with a verb: 'to buy Pioneer Natural Resources in a
    deal valued at', 'buying pipeline operator Denbury in an all-share deal', 'übernimmt die
    Logistiktochter Schenker für'; the name after the verb nearest the figure, past descriptors."""
    toks = [t for t in tokens(a.sentence, "de" if de else "en") if not a.fig_start <= t[0] < a.fig_end]
    best, dist = "", 10 ** 6
    for i, t in enumerate(toks):
        if t[4] not in _BUY_VERBS or de and t[6]:
            continue
        if any(u[3] in ("since", "seit", "after", "nach", "before", "vor") for u in toks[max(0, i - 2):i]):
            continue                 # "its largest deal since acquiring Quillon": an earlier deal, not this one
        name = _object_name(toks[i + 1:i + 8], de)
        d = abs(t[0] - a.fig_end)
        if name and d < dist:
            best, dist = holder_key(name), d
    return best


def _object_name(toks: list, de: bool) -> str:
    """The name a verb's object gives, past its article and descriptors ('US rival Pioneer Natural
    Resources in' -> 'pioneer natural resources', 'die Logistiktochter Schenker für' -> 'schenker');
    the name ends at the first word that is not part of it ('die Unicredit vom Staat' -> 'unicredit')."""
    words = []
    for u in toks:
        if not words and u[3] in ARTICLES:
            continue
        if not words and not u[6] and u[3] in NOT_MEASURES:
            break                           # "valued at ... as Norvane": a function word ends the object
        if not words and _descriptive(u, de):
            continue
        if u[6] and u[3] not in NOT_MEASURES and not is_generic(u[3]) and not is_measure_word(u[4]) \
                and u[3] not in _TIME_WORDS and u[3] not in NOT_NAMES:
            words.append(u[2])
            continue
        break
    return " ".join(words).lower()


def _descriptive(t: tuple, de: bool) -> bool:
    """A word that describes what is bought before its name: 'US rival', 'pipeline operator', 'die
    dänische Logistiktochter'."""
    if not t[5]:
        return False
    if de:
        return not t[6] or is_generic(t[3])
    return not t[6] or is_generic(t[3]) or t[3] in DEMONYMS or t[3] in ("us", "u.s.", "uk")


_SINCE = frozenset(("seit", "since", "ab"))
_GAP_NOUNS = frozenset(("aufschlag", "abschlag", "prämie", "premium", "discount", "aufpreis"))
_OPENERS = frozenset(("in", "im", "by", "bis", "ende", "anfang", "mitte", "early", "late", "during", "until"))


def _opening_year(a: Around) -> str:
    """The year of a time phrase that opens the sentence before a comma ('In 2019, ...', 'In March
    2021, ...', 'Im Jahr 2008, ...') and so dates the clause after it; '' when none does."""
    if len(a.left_all) <= len(a.left):
        return ""
    opening = list(reversed(a.left_all[len(a.left):]))     # the words before the figure's clause, in order
    if opening[0][3] not in _OPENERS:
        return ""
    if len(opening) > 6 or opening[-1][2] != ",":
        # an opening time phrase dates every clause of its sentence ("In 2019, Orbis acquired two
        # rivals, Parsley and DoublePoint, for a combined $11 billion")
        comma = next((k for k, t in enumerate(opening[:7]) if t[2] == ","), None)
        if comma is None:
            return ""
        opening = opening[:comma + 1]
    years = [t for t in opening if t[7]]
    return years[0][2][:4] + ("s" if years[0][2][4:] in ("s", "er") else "") if years else ""
_ADVERBS = frozenset(("now", "previously", "currently", "already", "still", "reportedly", "recently", "just",
                      "initially", "formerly", "together", "jointly", "nun", "jetzt", "bereits", "derzeit", "zuvor",
                      "zuletzt", "inzwischen", "gemeinsam", "zusammen"))
_BEFORE_LINKS = {("von", "auf"), ("from", "to"), ("from", "at")}
_TARGET = re.compile(
    r"\b(?:zu\s+(?:erhöhen|erwerben|steigern|können|dürfen)|aufzustocken|auszubauen|anzuheben|Ziel\w*|"
    r"Genehmigung|Erlaubnis|beantrag\w*|müsste\w*|"
    r"target\w*|aims?\s+to|seek\w*|approval|permission|would\s+have\s+to|"
    # a level a change will reach: "an offer will be raised to £2.2bn", "soll auf 40 Euro erhöht werden"
    r"(?:will|would|could|may|might)\s+(?:be\s+)?(?:raised|increased|lifted|cut|lowered|reduced|sweetened)|"
    r"(?:erhöht|angehoben|aufgestockt|gesenkt|nachgebessert)\s+werden)\b")


def when(a: Around, fig_text: str = "") -> str:
    """When the figure holds: a year in its clause ('in 1999', 'im Jahr 2008', 'den 1990er-Jahren');
    'before' for the first figure of 'von 9 auf 21 Prozent' / 'from 29% to 40%' or a dating word
    right before it ('zuvor', 'zuletzt', 'previously', 'bereits'); 'planned' for a level someone
    wants to reach ('auf 29,9 Prozent auszubauen', 'Genehmigung ... zu erwerben', 'aims to');
    'now' for 'nun', 'jetzt', 'now'; '' when nothing says."""
    opening = _opening_year(a)
    if opening:
        return opening                          # "In 2019, Orbis paid ...", "Im März 2021, ..."
    for side, toks in ((a.left, a.left[:12]), (a.right, a.right[:10])):
        for k, t in enumerate(toks):
            if not t[7]:
                continue
            if side is a.left:
                before = side[k + 1] if k + 1 < len(side) else None
            else:
                before = side[k - 1] if k else None
            if before is not None and before[3] in _SINCE:
                continue                        # "seit 2016", "since 2019": a start, not the figure's time
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
    gap = any(lemma(w, "de") in _GAP_NOUNS or w in _GAP_NOUNS for w in near)   # "Aufschlag von 27 Prozent auf"
    if prep_before and (prep_before, prep_after) in _BEFORE_LINKS and not gap:
        return "before"
    lo = a.left[-1][0] if a.left else a.fig_end
    hi = a.right[-1][1] if a.right else a.fig_end
    clause = a.sentence[lo:hi]
    opening = [t[3] for t in reversed(a.left_all[:len(a.left) + 3])][:2]
    if len(opening) == 2 and opening[1] == "," and WHEN_WORDS.get(opening[0]) in ("before", "first"):
        return WHEN_WORDS[opening[0]]                   # "Previously, the bank held 9%"
    for w in near:
        dated = WHEN_WORDS.get(w)
        if dated == "before" or dated == "first":
            return dated
    if _TARGET.search(clause):
        return "planned"
    if _NEXT_YEAR.search(clause) or _NEXT_YEAR.search(" ".join(t[2] for t in reversed(a.left_all[:12]))):
        return "later"          # "Im kommenden Jahr rechnet der Rechnungshof mit ...", "will rise 5% next year"
    session = _SESSION.search(a.sentence)
    if session:             # a price move before the market opens or after it closes is a day's other move
        return "premarket" if session.group(1) else "after_hours"
    for w in near:
        if WHEN_WORDS.get(w):
            return WHEN_WORDS[w]
    return ""


_SESSION = re.compile(r"\b(?:(pre-?market|vorbörslich\w*|before\s+the\s+(?:open|bell)|vor\s+(?:Börsen|Handels)beginn)"
                      r"|after[- ]hours|extended\s+trading|nachbörslich\w*|after\s+the\s+(?:close|bell)"
                      r"|nach\s+Börsenschluss)\b", re.I)
_NEXT_YEAR = re.compile(r"\b(?:next|nächste[sn]?|kommende[sn]?)\s+(?:year|jahr)\b", re.I)
