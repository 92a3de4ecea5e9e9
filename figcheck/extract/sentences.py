"""Sentence bounds around a figure (abbreviations such as 'Mio.' and 'Inc.' do not end a sentence)."""
from __future__ import annotations

import re


_SENT_END = re.compile(r"[.!?…\n](?:(?<=\n)|[.!?…]*[\"'»«“”’)\]]*(?=\s))")


_ABBREVS = frozenset(
    "Mio Mrd Tsd Bio ca Nr No Dr Prof St Inc Co Corp Ltd bzw etc vgl usw Jan Feb Mär Apr Aug Sep Sept Okt Oct Nov "
    "Dez Dec Mr Mrs Ms Hr Fr Abs Art Abb Vol pp vs Jr Sr Gen Gov Sen Rep Bd Hrsg engl franz lat sog ggf evtl inkl "
    "zzgl max min Std Mon Tue Wed Thu Fri Sat Sun Mo Di Mi Do Sa So".split())


def is_abbrev(text: str, dot: int) -> bool:
    """True when the '.' at offset `dot` ends an abbreviation (Mio., Nr., z.B., U.S.), not a sentence."""
    i = dot
    lo = max(0, dot - 6)
    while i > lo and text[i - 1].isalpha():
        i -= 1
    w = text[i:dot]
    if not w:
        return False
    if len(w) == 1:
        return True                               # single letters: initials, z.B., U.S.
    return w in _ABBREVS and (i == 0 or not text[i - 1].isalpha())


def _sentence_break(text: str, k: int, end_mark: int) -> int:
    """Offset where the next sentence starts when the mark text[k:end_mark] ends one, else -1
    (the '.' of an abbreviation such as 'Mio.', or a lowercase word follows)."""
    if text[k] == "\n":
        return k + 1
    after = end_mark
    n = len(text)
    while after < n and text[after] in " \u00a0\t":
        after += 1
    if after < n and text[after].islower():
        return -1
    if text[k] == "." and not text[max(0, k - 6):k].isalpha() and is_abbrev(text, k):
        return -1
    return after


def sentence(text: str, start: int, end: int, memo: dict | None = None) -> tuple[int, int]:
    """Bounds of the sentence around [start, end): the nearest sentence breaks before and after
    (at most 400 characters away), without surrounding spaces.

    `memo` is a dict kept for one text across its figures (what each sentence mark decided), so
    that neighbouring figures do not weigh the same marks again.
    """
    if memo is None:
        memo = {}
    lo = max(0, start - 400)
    s = max(0, (start // 200) * 200 - 200)      # no break found: a fixed block, shared by neighbours
    j = start
    rfind = text.rfind
    for _step in range(8):                      # the nearest marks only: bounded work per figure
        k = max(rfind(".", lo, j), rfind("!", lo, j), rfind("?", lo, j), rfind("\n", lo, j), rfind("…", lo, j))
        if k < 0:
            break
        b = memo.get(k)
        if b is None:
            m = _SENT_END.match(text, k)
            if m is None:
                b = -1
            else:
                # the same decision as the forward search's for this mark, when its match ends alike
                key = (k, m.end())
                b = memo.get(key)
                if b is None:
                    b = memo[key] = _sentence_break(text, k, key[1])
            memo[k] = b
        if 0 <= b <= start:
            s = b
            break
        j = k
    hi = min(len(text), end + 400)
    e = min(len(text), (end // 200) * 200 + 400)
    for step, m in enumerate(_SENT_END.finditer(text, end, hi)):
        if step >= 8:
            break
        key = m.span()
        b = memo.get(key)
        if b is None:
            b = memo[key] = _sentence_break(text, key[0], key[1])
        if b >= 0:
            e = m.start() if text[m.start()] == "\n" else m.end()
            break
    while s < start and text[s].isspace():
        s += 1
    while e > end and text[e - 1].isspace():
        e -= 1
    return s, e
