"""The ingest tables' columns, its limits, and the types every ingest step shares."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd


# ---------------------------------------------------------------------------
# Table layouts (docs/tables.md)
# ---------------------------------------------------------------------------
ARTICLE_COLUMNS = ["file", "article_id", "title", "outlet", "outlet_from", "url", "published", "language",
                   "cites", "word_count", "duplicate_of", "similarity", "segments", "encoding", "text"]
REPORT_COLUMNS = ["file", "status", "reason", "encoding", "lines_removed", "bytes"]
BOILERPLATE_COLUMNS = ["file", "line", "rule", "text"]

INGEST_EXTENSIONS = (".txt", ".md", ".html", ".htm")
HTML_EXTENSIONS = (".html", ".htm")
NEAR_DUPLICATE_THRESHOLD = 0.8
CITE_SCAN_CHARS = 1_000_000   # cited sources are looked for in the first million characters of a text
SHINGLE_MAX_WORDS = 200_000   # near-duplicate check on the first 200,000 words of a text
SHINGLE_SAMPLE_STEP = 16       # texts of more than 20,000 words keep one shingle in 16
SHINGLE_POSTINGS_MAX = 50      # a shingle shared by more originals than this is a stock phrase: not followed
NEAR_DUPLICATE_MIN_RATIO = 0.5  # a near duplicate has at least half the words of its original
LONG_LINE = 1500          # lines longer than this are body text: no rule looks at them (keeps big files linear)
CAPTION_MARK = "\ue000"   # private-use character put in front of HTML <figcaption> text

# Western single-byte encodings that charset-normalizer may name for text cp1252 decodes identically.
WESTERN = {"cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "iso8859_9", "cp1254",
                   "mac_roman", "mac_iceland", "mac_turkish", "mac_latin2", "cp1257", "iso8859_13"}


@dataclass
class IngestResult:
    """What ingestion produces: the three tables of docs/tables.md."""
    articles: pd.DataFrame
    report: pd.DataFrame
    boilerplate: pd.DataFrame


class IngestSkip(Exception):
    """A file that cannot be used; the message is the reason shown in ingest_report.csv."""


# ---------------------------------------------------------------------------
# Line classification: general boilerplate rules
# ---------------------------------------------------------------------------
I = re.I
