"""A line of an article and the simple shapes every line rule asks about (words, sentence end, list item)."""
from __future__ import annotations

import re
from dataclasses import dataclass


END_PUNCT = re.compile(r"[.!?…:;][\"'»«“”’)]*$")
BYLINE = re.compile(r"^(?i:von|by|text|autor(?:in)?|author)\s*:?\s+[A-ZÄÖÜ][\w.'-]+"
                     r"(?:\s+(?:und|and|&|,)?\s*[A-ZÄÖÜ][\w.'-]+){0,5}$")
LIST_ITEM = re.compile(r"^(?:[-–•*·▸►›»]\s+|\d{1,2}[.)]\s+)")


def words_in(line: str) -> int:
    """Number of whitespace-separated tokens in a line."""
    return len(line.split())


def is_paragraph(line: str) -> bool:
    """Running text: at least 12 words and ends like a sentence (stops a block of links or listings)."""
    return words_in(line) >= 12 and bool(END_PUNCT.search(line)) and not LIST_ITEM.match(line)


@dataclass
class IngestLine:
    """One line of an article after classification."""
    number: int        # 1-based line number in the decoded (and, for HTML, extracted) text
    text: str
    kind: str          # blank, headline, caption, body, removed
    rule: str = ""     # for removed lines: the rule; metadata lines: date_line, source_line, ...
