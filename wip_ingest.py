"""Section 1 of helpers.py: ingest -- read, decode, clean and describe the articles (notebook 01).

The steps, each a small function:

    read + decode      decode_article_bytes()    BOMs, strict UTF-8, else charset-normalizer;
                                                 binary content (PNG, PDF, NUL bytes) is refused
    HTML               extract_html_article()    trafilatura main text + title/date/sitename/url
    normalise          normalize_article_text()  NFC, odd spaces, soft hyphens, line ends, mojibake
    classify lines     classify_article_lines()  general rules: adverts, promos (incl. 'Subscribe to ...'),
                                                 job listings, comment policy, tag clouds, captions, metadata
                                                 (date lines, '<Outlet>, <date>' source lines, bylines)
    assemble           assemble_clean_text()     clean text + segments [start, end, kind]
    describe           detect_article_language(), find_article_cites(), parse_published(), count_article_words()
    duplicates         find_duplicate_articles()         exact and near duplicates (word shingles)

`ingest_folder()` runs them over a folder; `ingest_story()` over a story; `write_ingest_outputs()`
writes articles.csv, ingest_report.csv and boilerplate.csv atomically.
Hidden files (names starting with ".") and sub-folders in articles/ are ignored, not reported.
"""
from __future__ import annotations

import codecs
import csv
import datetime as _dt
import hashlib
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from wip_common import ROOT, StoryError, list_stories, write_csv_atomic

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
LONG_LINE = 1500          # lines longer than this are body text: no rule looks at them (keeps big files linear)
CAPTION_MARK = "\ue000"   # private-use character put in front of HTML <figcaption> text

# Western single-byte encodings that charset-normalizer may name for text cp1252 decodes identically.
_INGEST_WESTERN = {"cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "iso8859_9", "cp1254",
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
# Read and decode
# ---------------------------------------------------------------------------
_INGEST_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"%PDF-", "PDF document"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"PK\x03\x04", "ZIP archive (docx, xlsx, epub...)"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document (doc, xls)"),
    (b"{\\rtf", "RTF document"), (b"ID3", "MP3 audio"), (b"OggS", "Ogg media"), (b"\x7fELF", "program"),
    (b"MZ", "Windows program"), (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"),
    (b"SQLite format 3\x00", "SQLite database"),
]
_INGEST_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


def sniff_binary(data: bytes) -> str | None:
    """Why `data` is not text (e.g. 'binary content (PNG image)'), or None when it may be text.

    Looks at the content, not the file name: a PNG renamed .txt is still a PNG.
    """
    for magic, what in _INGEST_MAGIC:
        if data.startswith(magic):
            return f"binary content ({what}), not text"
    if data[4:8] == b"ftyp":
        return "binary content (MP4/MOV media), not text"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return f"binary content ({data[8:12].decode().strip()} media), not text"
    if any(data.startswith(bom) for bom, _ in _INGEST_BOMS):
        return None
    if b"\x00" in data[:65536]:
        return "binary content (NUL bytes), not text"
    return None


def _ingest_html_charset(data: bytes) -> str | None:
    """The charset an HTML file declares in its first 4 KB (<meta charset=...>), if Python knows it."""
    m = re.search(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", data[:4096], re.I)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_article_bytes(data: bytes, html: bool = False) -> tuple[str, str]:
    """Decode a raw article: (text, encoding name). Raises IngestSkip with the reason when it is not text.

    Order: empty -> byte-order mark (UTF-8/16/32) -> binary signatures and NUL bytes -> strict UTF-8
    -> charset declared by an HTML page -> charset-normalizer's detection. Text that cp1252 decodes
    exactly like the detected single-byte encoding is reported as cp1252.
    """
    if not data:
        raise IngestSkip("empty file")
    for bom, enc in _INGEST_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise IngestSkip(f"undecodable: starts with a {enc} byte-order mark but is not {enc} "
                                 f"(byte {exc.start})") from None
    reason = sniff_binary(data)
    if reason:
        raise IngestSkip(reason)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = _ingest_html_charset(data)
        if declared and declared != "utf-8":
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise IngestSkip("undecodable: no text encoding fits the bytes")
    enc = best.encoding
    text = str(best)
    if enc in _INGEST_WESTERN and enc != "cp1252":
        try:
            if data.decode("cp1252") == text:
                enc = "cp1252"
        except UnicodeDecodeError:
            pass
    return text, enc


def _ingest_control_ratio(text: str) -> float:
    """Share of control characters (other than tab, line ends, form feed) in the first 64 K characters."""
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = len(re.findall(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]", sample))
    return bad / len(sample)


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------
def _ingest_mark_figcaptions(html: str) -> str:
    """HTML with every <figcaption> turned into a paragraph whose text starts with CAPTION_MARK.

    trafilatura drops figure captions, but captions carry figures; the mark survives extraction
    and tells the line classifier the line is a caption.
    """
    if "figcaption" not in html.lower():
        return html
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    for cap in list(tree.iter("figcaption")):
        text = " ".join(cap.text_content().split())
        figure = next((a for a in cap.iterancestors("figure")), None)
        para = lxml.html.Element("p")
        para.text = CAPTION_MARK + text
        if figure is not None and figure.getparent() is not None:
            figure.addnext(para)       # trafilatura drops <figure> content: move the caption out
            cap.drop_tree()
        else:
            cap.getparent().replace(cap, para)
    return lxml.html.tostring(tree, encoding="unicode")


def _ingest_html_fallback_text(html: str) -> str:
    """Visible text of an HTML page (scripts, styles and attributes dropped), one block per line."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template|//iframe|//svg|//head|//nav|//footer"):
        bad.drop_tree()
    blocks = []
    for el in tree.iter("h1", "h2", "h3", "h4", "p", "li", "blockquote", "figcaption", "td", "pre"):
        txt = " ".join(el.text_content().split())
        if txt:
            blocks.append(txt)
    return "\n".join(blocks)


def extract_html_article(html: str) -> dict:
    """Main text and metadata of a news page: {text, title, date, sitename, url}.

    Uses trafilatura (no network, no date guessing from today's date); falls back to the page's
    visible block text when trafilatura finds no main text. Scripts, styles and attributes such as
    <img onerror=...> never reach the text.
    """
    import trafilatura

    marked = _ingest_mark_figcaptions(html)
    doc = trafilatura.bare_extraction(
        marked, with_metadata=True, include_comments=False, include_images=False, include_tables=True,
        include_links=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "max_date": "2099-12-31", "outputformat": "%Y-%m-%d"},
    )
    meta = {"text": "", "title": "", "date": "", "sitename": "", "url": ""}
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        for key in meta:
            meta[key] = (d.get(key) or "").strip() if isinstance(d.get(key), str) else ""
    if not meta["text"].strip():
        meta["text"] = _ingest_html_fallback_text(marked)
    return meta


def _ingest_markdown_to_text(text: str) -> str:
    """Plain text of a Markdown article: heading marks, emphasis, link and image syntax removed.

    Works line by line and keeps the number of lines, so boilerplate line numbers still point
    at the raw file.
    """
    text = re.sub(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)", r"\1", text)      # image -> alt text
    text = re.sub(r"\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)", r"\1", text)        # link -> its text
    text = re.sub(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+", "", text)                     # heading marks
    text = re.sub(r"(?m)^[ \t]{0,3}>[ \t]?", "", text)                          # block quotes
    text = re.sub(r"(\*\*|__)(?=\S)([^\n]{1,500}?)(?<=\S)\1", r"\2", text)      # bold
    return text


# ---------------------------------------------------------------------------
# Unicode normalisation
# ---------------------------------------------------------------------------
_INGEST_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]")
_INGEST_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")
_INGEST_MOJIBAKE = re.compile(r"[ÃÂâÅÄ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                              r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def fix_mojibake(text: str) -> tuple[str, int]:
    """Repair UTF-8 read as cp1252/latin-1 ("fÃ¼r" -> "für") line by line with ftfy; (text, lines fixed).

    Only lines that show the typical byte pairs are handed to ftfy, so clean text costs one regex scan.
    """
    if not _INGEST_MOJIBAKE.search(text):
        return text, 0
    import ftfy

    lines = text.split("\n")
    fixed = 0
    for i, line in enumerate(lines):
        if _INGEST_MOJIBAKE.search(line):
            new = ftfy.fix_encoding(line)
            if new != line:
                lines[i] = new
                fixed += 1
    return "\n".join(lines), fixed


def normalize_article_text(text: str) -> str:
    """NFC; CRLF/CR -> LF; non-breaking, thin, narrow and other odd spaces -> ' '; soft hyphens,
    zero-width characters and control characters removed; runs of spaces collapsed; lines stripped.

    Line count is kept (line N of the result is line N of the decoded file).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _INGEST_SPACES.sub(" ", text)
    text = _INGEST_INVISIBLE.sub("", text)
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r"(?m)^ +| +$", "", text)
    return text


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------
_INGEST_MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "january": 1, "februar": 2, "feb": 2, "february": 2, "märz": 3,
    "maerz": 3, "mär": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5, "may": 5, "juni": 6,
    "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9,
    "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
_INGEST_MONTH_RE = "|".join(sorted(_INGEST_MONTHS, key=len, reverse=True))
_INGEST_WEEKDAYS = (r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|"
             r"thursday|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\.?,?")
_INGEST_DATE_PREFIX = (r"(?:(?:veröffentlicht|publiziert|erschienen|aktualisiert|geändert|zuletzt aktualisiert|stand|"
                r"datum|published|updated|posted|last updated|date|first published)(?:\s+(?:am|on|at))?\s*:?\s*)?"
                rf"(?:{_INGEST_WEEKDAYS}\s*)?(?:den\s+|the\s+)?")
_INGEST_TIME_SUFFIX = (r"(?:\s*(?:,|\||-|–|um|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?"
                r"(?:\s*(?:mez|mesz|cet|cest|utc|gmt|bst|est|edt|pst|pdt))?)?")
_INGEST_DATE_CORES = [
    r"(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    r"(?P<d2>\d{1,2})\.\s?(?P<m2>\d{1,2})\.\s?(?P<y2>\d{4})",
    r"(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>\d{4})",
    rf"(?P<d4>\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?P<mn4>{_INGEST_MONTH_RE})\.?,?\s+(?P<y4>\d{{4}})",
    rf"(?P<mn5>{_INGEST_MONTH_RE})\.?\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y5>\d{{4}})",
]
_INGEST_DATE_LINE = re.compile(rf"^{_INGEST_DATE_PREFIX}(?:{'|'.join(_INGEST_DATE_CORES)}){_INGEST_TIME_SUFFIX}\s*$", re.I)


def _ingest_valid_date(y: int, m: int, d: int) -> str:
    """ISO date for y-m-d when it is a real date between 1900 and 2100, else ''."""
    try:
        date = _dt.date(int(y), int(m), int(d))
    except (ValueError, TypeError):
        return ""
    return date.isoformat() if 1900 <= date.year <= 2100 else ""


def parse_date_line(line: str) -> str:
    """ISO date when the whole line is a date (with optional 'Veröffentlicht am', weekday, time), else ''.

    '2025-06-11' -> '2025-06-11'; '11.06.2025, 14:32 Uhr' -> '2025-06-11';
    'Mittwoch, 11. Juni 2025' and 'June 11, 2025' are read too (German and English month names).
    """
    line = line.strip()
    if len(line) > 80:
        return ""
    m = _INGEST_DATE_LINE.match(line)
    if not m:
        return ""
    g = m.groupdict()
    if g["y1"]:
        return _ingest_valid_date(g["y1"], g["m1"], g["d1"])
    if g["y2"]:
        return _ingest_valid_date(g["y2"], g["m2"], g["d2"])
    if g["y3"]:
        return _ingest_valid_date(g["y3"], g["m3"], g["d3"])
    if g["y4"]:
        return _ingest_valid_date(g["y4"], _INGEST_MONTHS[g["mn4"].lower()], g["d4"])
    if g["y5"]:
        return _ingest_valid_date(g["y5"], _INGEST_MONTHS[g["mn5"].lower()], g["d5"])
    return ""


def parse_published(value: str) -> str:
    """ISO 8601 date (YYYY-MM-DD) for a date written any common way in German or English, else ''.

    Tries the strict date-line patterns first, then dateparser (German and English, day first,
    never relative to today: 'gestern' gives '').
    """
    value = str(value or "").strip()
    if not value:
        return ""
    iso = parse_date_line(value)
    if iso:
        return iso
    if len(value) > 100 or not re.search(r"\d{4}", value):
        return ""
    import dateparser

    parsed = dateparser.parse(value, languages=["de", "en"],
                              settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                                        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        return ""
    return _ingest_valid_date(parsed.year, parsed.month, parsed.day)


# ---------------------------------------------------------------------------
# Line classification: general boilerplate rules
# ---------------------------------------------------------------------------
_INGEST_I = re.I
_INGEST_END_PUNCT = re.compile(r"[.!?…:;][\"'»«“”’)]*$")

# Whole-line labels (a heading or a marker on its own line).
_INGEST_ADVERT_LINE = re.compile(r"^(?:ad|ads|anzeige|anzeigen|advertisement|advertising|werbung|sponsored|gesponsert|"
                          r"promoted|paid content|paid post|sponsored content|partner-?inhalt|"
                          r"werbung schließen|close ad|skip ad)\s*:?$", _INGEST_I)
_INGEST_RECOMMEND_LINE = re.compile(
    r"^(?:empfehlungen|empfehlung|unsere empfehlungen|mehr zum thema|zum thema|auch interessant|"
    r"das könnte (?:sie|dich) auch interessieren|das könnte (?:sie|dich) interessieren|"
    r"(?:lesen sie|lies) (?:auch|mehr|weiter)|weiterlesen|weitere artikel|weitere themen|ähnliche artikel|"
    r"verwandte artikel|passend zum thema|meistgelesen|meistgelesene artikel|am meisten gelesen|"
    r"top-?artikel|top-?themen|neueste artikel|aktuelle artikel|mehr aus (?:dem|der) \w+|mehr (?:von|aus) [\w .-]{1,30}|"
    r"read more|read next|read also|related|related articles|related stories|related content|related topics|"
    r"more on this story|more on this topic|more from [\w .-]{1,30}|more stories|you may also like|"
    r"you might also like|recommended|recommended for you|most read|most popular|top stories|trending|"
    r"editor'?s picks|see also)\s*:?$", _INGEST_I)
_INGEST_RECOMMEND_PREFIX = re.compile(
    r"^(?:lesen sie auch|lies auch|mehr zum thema|auch interessant|siehe auch|zum thema|weiterlesen|"
    r"read more|read also|see also|related|more on this|also read|recommended)\s*:\s*\S", _INGEST_I)
_INGEST_JOBS_LINE = re.compile(r"^(?:stellenangebote|stellenanzeigen|stellenmarkt|jobbörse|jobs|top-?jobs|"
                        r"aktuelle jobs|jobangebote|karriere|job offers|job listings|jobs board|careers|"
                        r"vacancies)(?:\s+(?:bei|at|von|im|in|der|des)\s+[\w .-]{1,30})?\s*:?$", _INGEST_I)
_INGEST_TAGS_PREFIX = re.compile(r"^(?:tags|schlagwörter|schlagworte|stichwörter|stichworte|themen|topics|"
                          r"kategorien|categories|filed under|mehr zu)\s*:\s*\S", _INGEST_I)
_INGEST_NAV_LINE = re.compile(r"^(?:teilen|share|share this|share this article|drucken|print|e-?mail|mail|"
                       r"kommentieren|kommentare|comments?|zurück|back|weiter|next|previous|vorheriger artikel|"
                       r"nächster artikel|zur startseite|startseite|home|menü|menu|suche|search|anmelden|"
                       r"login|log in|sign in|abonnieren|subscribe|merken|bookmark|vorlesen|listen|"
                       r"artikel anhören|listen to this article|copy link|link kopieren|facebook|twitter|x|"
                       r"linkedin|whatsapp|xing|instagram|pinterest|reddit|telegram|threads|bluesky|"
                       r"flipboard|pocket|mastodon)\s*:?$", _INGEST_I)
_INGEST_READING_TIME = re.compile(r"^(?:lesezeit\s*:?\s*)?(?:ca\.\s*)?\d{1,3}\s*(?:min\.?|minuten|minutes?)"
                           r"(?:\s+(?:lesezeit|read|reading time|lesen))?$", _INGEST_I)
_INGEST_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|(?:alle rechte vorbehalten|all rights reserved)", _INGEST_I)
_INGEST_BYLINE = re.compile(r"^(?i:von|by|text|autor(?:in)?|author)\s*:?\s+[A-ZÄÖÜ][\w.'-]+"
                     r"(?:\s+(?:und|and|&|,)?\s*[A-ZÄÖÜ][\w.'-]+){0,5}$")
_INGEST_DOMAIN_LINE = re.compile(r"^(?:quelle|source)?\s*:?\s*((?:www\.)?[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})*"
                          r"\.(?:[a-z]{2,12}))/?$", _INGEST_I)
_INGEST_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<!\d)\+?\(?\d{1,4}\)?(?:[ ./-]?\(?\d{2,4}\)?){2,5}(?!\d)")
_INGEST_CONTACT_CUE = re.compile(r"\b(?:contact|kontakt\w*|call (?:us|our)|rufen sie|schreiben sie|tips?|hinweise?|"
                                r"newsroom|redaktion|e-?mail|tel\.?|telefon|phone|fax|whatsapp)\b")  # lower case: searched in line.lower()
_INGEST_SOCIAL_FOLLOW = re.compile(r"\b(?:follow|folgen?|folgt)\b[^.!?]{0,50}\b(?:on|auf|bei)\s+(?:linkedin|x|twitter|"
                                   r"facebook|instagram|threads|bluesky|mastodon|tiktok|youtube|whatsapp|telegram|"
                                   r"google news|flipboard)\b")  # lower case: searched in line.lower()
_INGEST_SOURCE_LINE = re.compile(r"^(?:quelle|source)\s*:\s*([^\s].{0,60})$", _INGEST_I)

# Cue words searched inside a line (short lines only).
_INGEST_JOB_TITLE = re.compile(r"\((?:[mwfdx]\s*/\s*){2}[mwfdx]\)|\((?:all genders|alle geschlechter)\)|"
                        r"\b(?:werkstudent|praktikant|praktikum|ausbildung zum|duales studium|traineeprogramm|"
                        r"festanstellung|vollzeit|teilzeit)\b")  # lower case: searched in line.lower()
_INGEST_JOB_PROMO = re.compile(r"\b(?:jobs?|stellen|karriere|careers?)\b.{0,80}\b(?:bewerben|finden|apply|entdecken)\b|"
                        r"\bjetzt bewerben\b|\bapply now\b")  # lower case: searched in line.lower()
_INGEST_PROMO_CUES = re.compile(
    r"newsletter|\brss\b|\bfeeds?\b|abonnier|\babo\b|subscrib|\bsign up\b|anmelden|registrier|"
    r"per e-?mail|e-?mail-benachrichtigung|push-(?:nachricht|mitteilung|benachrichtigung)|benachrichtigung|"
    r"patreon|steady|paypal|spenden|unterstütz|\bdonate\b|support us|"
    r"folgen sie uns|folge uns|folgt uns|follow us|like us|teilen sie|share this|jetzt teilen|"
    r"whatsapp-kanal|telegram-kanal|google news|\bpodcast\b|\bapp\b|startseite|homepage|"
    r"kostenlos|gratis|for free|free trial|testen sie|jetzt lesen|weiterlesen mit|\bplus\b-?abo|"
    r"themenrecherche|suchmaschine|nichts verpassen|never miss|stay informed|bleiben sie informiert")  # lower case: searched in line.lower()
# Substrings of which one must occur for _INGEST_PROMO_CUES to match (a cheap filter: str `in` is fast).
_INGEST_PROMO_KEYS = ("newsletter", "rss", "feed", "abo", "subscrib", "sign up", "anmelden", "registrier", "per e",
                      "benachrichtigung", "push-", "patreon", "steady", "paypal", "spenden", "unterstütz", "donate",
                      "support us", "folgen sie uns", "folge uns", "folgt uns", "follow us", "like us", "teilen sie",
                      "share this", "jetzt teilen", "-kanal", "google news", "podcast", "app", "startseite",
                      "homepage", "kostenlos", "gratis", "for free", "free trial", "testen sie", "jetzt lesen",
                      "weiterlesen mit", "themenrecherche", "suchmaschine", "nichts verpassen", "never miss",
                      "stay informed", "bleiben sie informiert")
# An imperative that asks the reader to subscribe ('Subscribe to ...', 'Sign up for our ... newsletter',
# 'Get ... in your inbox', 'Abonnieren Sie ...', 'Melden Sie sich für ... Newsletter an'), at the start of the
# line or of a sentence in it. 'subscribe' as a verb only: 'subscribers' or 'Abonnenten' never match.
_INGEST_SUBSCRIBE_START = re.compile(
    r"(?:^|[.!?:]\s+)(?:(?:jetzt|hier|now)\s+)?"
    r"(?:subscribe\s+(?:to|now|for|today|here)\b|sign\s+up\s+(?:for|to|now|here|today)\b|"
    r"abonnieren\s+sie\b|bestellen\s+sie\s+(?:\w+\s+){0,2}?(?:newsletter|briefing)|"
    r"registrieren\s+sie\s+sich\b[^.!?]{0,80}\b(?:newsletter|briefing|kostenlos)|"
    r"melden\s+sie\s+sich\b[^.!?]{0,100}\b(?:newsletter|briefing|push|benachrichtigung)|"
    r"get\b[^.!?]{0,100}\b(?:in|into|to|straight to|delivered to)\s+your\s+inbox\b|"
    r"hol(?:en\s+sie\s+sich|\s+dir)\b[^.!?]{0,60}\b(?:newsletter|briefing))")  # lower case: searched in line.lower()
_INGEST_READER_ADDRESS = re.compile(r"\b(?:du|dich|dir|dein\w*|euch|euer|eure\w*|habt ihr|nutze|nutzt|lies|hol dir|"
                             r"sichern sie sich|melden sie sich|you|your)\b")  # lower case: searched in line.lower()
_INGEST_COMMENT_TOPIC = re.compile(r"kommentar|kommentier|diskussion|\bforum|netiquette|forenregeln|"
                            r"community-?richtlinien|leserbrief|comments? (?:section|policy|are|will)|"
                            r"(?:post|leave|your|reader) comments?|commenting|community guidelines|"
                            r"house rules")  # lower case: searched in line.lower()
_INGEST_COMMENT_POLICY = re.compile(r"moderier|lösch|vorbehalt|behalten wir uns|respektvoll|sachlich|konstruktiv|"
                             r"regeln|richtlinien|beleidig|freigeschaltet|moderat|delete|remove|rules|"
                             r"guidelines|respectful|civil|offensive|wertvollen beitrag|für unsere leser|"
                             r"for our readers")  # lower case: searched in line.lower()
_INGEST_PUBLISHER_VOICE = re.compile(r"\b(?:wir|uns|unser\w*|du|dich|dein\w*|euch|leser\w*|we|us|our|you|your|"
                              r"readers?)\b")  # lower case: searched in line.lower()
_INGEST_SHOP_CUES = re.compile(r"bücher|buchtipp|buch-?tipp|hörbuch|bestseller|\bshop\b|bei amazon|jetzt bestellen|"
                        r"jetzt kaufen|im handel|affiliate|provision|gutschein|rabatt|angebot des tages|"
                        r"\bbooks?\b|buy now|order now|deal of the day|\bcoupon")  # lower case: searched in line.lower()
_INGEST_LIST_ITEM = re.compile(r"^(?:[-–•*·▸►›»]\s+|\d{1,2}[.)]\s+)")
_INGEST_CREDIT_ONLY = re.compile(r"^(?:foto|fotos|bild|bilder|photo|photos|image|picture|grafik|illustration|video|"
                          r"quelle|credit|bildquelle|titelbild|symbolbild)\s*:\s*[^.!?]{1,80}$|^©\s*[^.!?]{1,80}$", _INGEST_I)
_INGEST_CAPTION_CREDIT = re.compile(
    r"(?P<body>[^\n]{8,600}?[.!?…\"'»«“”)])\s+[-–—|/]\s+(?P<credit>(?:(?i:\w*(?:foto|bild|photo|image|quelle))\s*:?\s*|©\s*)?"
    r"[A-ZÄÖÜ©][\w&.'’/ -]{1,50}?)\s*$")
_INGEST_CAPTION_LABEL = re.compile(r"(?:\b(?:foto|fotos|bild|photo|image|picture|bildquelle|credit)\s*:\s*[^\n]{1,80}"
                            r"|\((?:foto|bild|photo|image|picture|credit)\s*:\s*[^)\n]{1,80}\)|©\s*[^\n]{1,60})$", _INGEST_I)


def _ingest_words(line: str) -> int:
    """Number of whitespace-separated tokens in a line."""
    return len(line.split())


def looks_like_caption(line: str) -> bool:
    """True for an image caption: a sentence followed by a credit ('... Scale AI. - Keystone'),
    or text with 'Foto:', 'Bild:', 'Photo:', '(Image: ...)', '©' at its end."""
    if len(line) > 700 or _ingest_words(line) < 3:
        return False
    m = _INGEST_CAPTION_CREDIT.match(line)
    if m:
        credit = m.group("credit").strip()
        if 1 <= len(credit.split()) <= 5 and not _INGEST_END_PUNCT.search(credit):
            return True
    return bool(_INGEST_CAPTION_LABEL.search(line)) and not _INGEST_CREDIT_ONLY.match(line)


def looks_like_headline(line: str) -> bool:
    """A headline: one short line (<= 20 words, <= 180 characters) that does not end with a full stop
    and holds no second sentence. A lead paragraph ('... Start-up Scale AI. Dessen CEO ...') is not."""
    line = line.strip()
    if not line or len(line) > 180 or _ingest_words(line) > 20:
        return False
    if re.search(r"[.;,]$", line) and not re.search(r"\.\.\.$|…$", line):
        return False
    if re.search(r"[a-zäöüß0-9)][.!?]\s+[A-ZÄÖÜ]", line):   # two sentences
        return False
    return True


def _ingest_is_paragraph(line: str) -> bool:
    """Running text: at least 12 words and ends like a sentence (stops a block of links or listings)."""
    return _ingest_words(line) >= 12 and bool(_INGEST_END_PUNCT.search(line)) and not _INGEST_LIST_ITEM.match(line)


def _ingest_tag_cloud(line: str) -> bool:
    """Tags glued together ('Mark ZuckerbergVerwaltungsratRegierung...') or a list of short tags
    separated by '|', '·', '•' or ',' with no sentence punctuation."""
    if _INGEST_END_PUNCT.search(line) or len(line) > 400:
        return False
    glued = len(re.findall(r"[a-zäöüß][A-ZÄÖÜ][a-zäöüß]", line))
    if glued >= 3 and glued * 2 >= _ingest_words(line):
        return True
    parts = [p.strip() for p in re.split(r"\s*[|·•]\s*", line)]
    return len(parts) >= 4 and all(0 < len(p.split()) <= 4 for p in parts)


def classify_ingest_line(line: str) -> str | None:
    """The boilerplate rule a single (stripped) line matches, or None for article text.

    Rules are general (they would work on other German or English news pages), not a list of
    known lines. Long lines are always article text.
    """
    if len(line) > LONG_LINE:
        return None
    low = line.lower()
    if _INGEST_ADVERT_LINE.match(line):
        return "advert"
    if _INGEST_RECOMMEND_LINE.match(line) or _INGEST_RECOMMEND_PREFIX.match(line):
        return "recommendations"
    if _INGEST_JOBS_LINE.match(line):
        return "jobs"
    if _INGEST_TAGS_PREFIX.match(line):
        return "tag_cloud"
    if _INGEST_NAV_LINE.match(line):
        return "navigation"
    if _INGEST_READING_TIME.match(line):
        return "reading_time"
    if len(line) <= 200 and _INGEST_COPYRIGHT.search(line):
        return "copyright"
    words = _ingest_words(line)
    if words > 80:
        return None
    item = bool(_INGEST_LIST_ITEM.match(line))
    sentence = line.endswith(".") and not line.endswith("...")
    if words <= 25 and not sentence and (_INGEST_JOB_TITLE.search(low) or _INGEST_JOB_PROMO.search(low)):
        return "jobs"
    if words <= 45 and _INGEST_COMMENT_TOPIC.search(low) and _INGEST_COMMENT_POLICY.search(low) \
            and (words <= 12 or _INGEST_PUBLISHER_VOICE.search(low)):
        return "comment_policy"
    if words <= 30 and _INGEST_SOCIAL_FOLLOW.search(low):
        return "newsletter_social"
    if words <= 30 and _INGEST_CONTACT_CUE.search(low) and _INGEST_CONTACT.search(line):
        return "contact"
    if words <= 40 and ("sub" in low or "sign" in low or "sie" in low or "inbox" in low or "hol" in low) \
            and _INGEST_SUBSCRIBE_START.search(low):
        return "newsletter_social"
    reader = bool(_INGEST_READER_ADDRESS.search(low))
    if words <= 40 or reader:
        promo = len(set(m.group(0) for m in _INGEST_PROMO_CUES.finditer(low))) \
            if any(k in low for k in _INGEST_PROMO_KEYS) else 0
        if promo and words <= 40 and (promo >= 2 or reader or line.endswith("!") or item):
            return "newsletter_social"
        if promo >= 3 and reader:
            return "newsletter_social"
    if words <= 40 and (item or " | " in line or line.endswith("!")) and _INGEST_SHOP_CUES.search(low):
        return "shop_promo"
    if words <= 15 and line.endswith("?") and reader and not re.search(r"[«»„“”\"]", line):
        return "reader_prompt"
    if item and line.endswith("!") and words <= 20:
        return "promo_list"
    if _ingest_tag_cloud(line):
        return "tag_cloud"
    if _INGEST_BYLINE.match(line) and words <= 8:
        return "byline"
    return None


# Rules whose heading line opens a block: the short lines after it (links, listings) go too.
_INGEST_BLOCK_RULES = {"advert", "recommendations", "jobs", "tag_cloud"}


@dataclass
class IngestLine:
    """One line of an article after classification."""
    number: int        # 1-based line number in the decoded (and, for HTML, extracted) text
    text: str
    kind: str          # blank, headline, caption, body, removed
    rule: str = ""     # for removed lines: the rule; metadata lines: date_line, source_line, ...


def classify_article_lines(text: str) -> tuple[list[IngestLine], dict]:
    """Classify every line of a normalised article; return (lines, metadata found in the text).

    metadata: {'published': ISO date from a date line, 'outlet': from a source line or dateline,
    'agency': agency named in a dateline}. Linear in the length of the text.
    """
    raw = text.split("\n")
    out: list[IngestLine] = []
    meta = {"published": "", "outlet": "", "agency": ""}
    seen_headline = ""
    seen_long: set[str] = set()
    block_rule = ""
    first_content = True
    header = True      # before the first paragraph of running text
    for i, original in enumerate(raw):
        line = original.strip()
        n = i + 1
        caption_mark = line.startswith(CAPTION_MARK)
        line = line.replace(CAPTION_MARK, "").strip()
        if not line:
            out.append(IngestLine(n, "", "blank"))
            continue
        if caption_mark:
            block_rule = ""
            out.append(IngestLine(n, line, "caption"))
            first_content = False
            continue
        short = len(line) <= LONG_LINE
        # metadata lines
        iso = parse_date_line(line) if short else ""
        if iso:
            meta["published"] = meta["published"] or iso
            out.append(IngestLine(n, line, "removed", "date_line"))
            continue
        dm = _INGEST_DOMAIN_LINE.match(line) if short and len(line) <= 80 else None
        if dm and "." in dm.group(1):
            meta["outlet"] = meta["outlet"] or dm.group(1).lower().removeprefix("www.")
            out.append(IngestLine(n, line, "removed", "source_line"))
            continue
        key = " ".join(line.lower().split())
        if seen_headline and key == seen_headline:
            out.append(IngestLine(n, line, "removed", "repeated_title"))
            continue
        parts = _ingest_meta_parts(line) if short and len(line) <= 200 else None
        if parts is not None:
            meta["published"] = meta["published"] or parts["published"]
            meta["outlet"] = meta["outlet"] or parts["outlet"]
            out.append(IngestLine(n, line, "removed", "byline"))
            continue
        parts = _ingest_outlet_date_line(line) if header and short else None
        if parts is not None:
            meta["published"] = meta["published"] or parts["published"]
            meta["outlet"] = meta["outlet"] or parts["outlet"]
            out.append(IngestLine(n, line, "removed", "source_line" if parts["outlet"] else "date_line"))
            continue
        rule = classify_ingest_line(line) if short else None
        if rule is None and block_rule:
            ad_copy = line.endswith("!") or _INGEST_PROMO_CUES.search(line.lower()) \
                or _INGEST_SHOP_CUES.search(line.lower()) \
                or re.search(r"https?://|www\.", line)
            if _ingest_is_paragraph(line) or looks_like_caption(line) or (block_rule == "advert" and not ad_copy):
                block_rule = ""
            else:
                rule = block_rule
        if rule:
            block_rule = rule if rule in _INGEST_BLOCK_RULES else ""
            out.append(IngestLine(n, line, "removed", rule))
            continue
        if short and len(line) >= 40 and key in seen_long:
            out.append(IngestLine(n, line, "removed", "repeated_line"))
            continue
        if first_content and looks_like_headline(line):
            seen_headline = key
            out.append(IngestLine(n, line, "headline"))
            first_content = False
            continue
        if looks_like_caption(line):
            out.append(IngestLine(n, line, "caption"))
            first_content = False
            continue
        first_content = False
        if len(line) >= 40:
            seen_long.add(key)
        if header and short and _ingest_is_paragraph(line):
            header = False
        out.append(IngestLine(n, line, "body"))
    _ingest_mark_photo_tags(out)
    masthead = _ingest_masthead(out)
    if masthead:
        meta["outlet"] = meta["outlet"] or masthead
    prompts = [ln for ln in out if ln.rule == "reader_prompt"]
    if len(prompts) >= 3:          # many questions to "du"/"you": an interview, not a poll
        for ln in prompts:
            ln.kind, ln.rule = "body", ""
    first = [ln for ln in out if ln.kind in ("body", "headline")][:2]
    dl = next((d for d in (_ingest_dateline(ln.text) for ln in first if ln.kind == "body") if d), None)
    if dl:
        name, is_agency = dl
        if is_agency:
            meta["agency"] = name
        else:
            meta["outlet"] = meta["outlet"] or name
    return out, meta


def _ingest_meta_parts(line: str) -> dict | None:
    """For a header line made of parts separated by '|' or '·' ('By Dana Whitfield | The Tech Ledger |
    March 3, 2025'), with at least one byline or date part: {published, outlet}; else None."""
    parts = [p.strip() for p in re.split(r"\s+[|·•]\s+", line) if p.strip()]
    if len(parts) < 2:
        return None
    dates = [parse_date_line(p) for p in parts]
    bylines = [bool(_INGEST_BYLINE.match(p)) for p in parts]
    if not any(dates) and not any(bylines):
        return None
    rest = [p for p, d, b in zip(parts, dates, bylines) if not d and not b]
    if any(_ingest_words(p) > 6 or _INGEST_END_PUNCT.search(p) for p in rest):
        return None
    return {"published": next((d for d in dates if d), ""), "outlet": rest[0] if len(rest) == 1 else ""}


# Last words that make a name an outlet's name ('Pacific Business Wire', 'Handelsblatt', 'Finanzecho'): checked as
# the end of the name's last word, lower case. A place ('BERLIN', 'New York') has none of them.
_INGEST_OUTLET_HEADS = ("zeitung", "blatt", "kurier", "journal", "times", "news", "wire", "herald", "gazette",
                        "tribune", "chronicle", "ledger", "courier", "observer", "dispatch", "rundschau", "anzeiger",
                        "bote", "echo", "magazin", "magazine", "online", "presse", "press", "report", "daily",
                        "spiegel", "standard", "nachrichten", "post", "circuit", "byte", "insider", "review")
_INGEST_NAME_DATE_SEP = re.compile(r",\s+|\s+[-–—|]\s+")


def _ingest_outlet_like(name: str) -> bool:
    """True when a short name reads as an outlet rather than a place: a known outlet, a web domain, a name
    starting with 'The', or one whose last word ends like a media title ('Wire', 'Journal', '...blatt')."""
    words = name.split()
    if not words or len(words) > 6:
        return False
    low = name.lower()
    if any(_ingest_cite_key(name) == _ingest_cite_key(k) for k in INGEST_KNOWN_OUTLETS):
        return True
    if re.fullmatch(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}", low):
        return True
    if len(words) >= 2 and words[0].lower() == "the":
        return True
    return re.sub(r"[\W_]+$", "", words[-1].lower()).endswith(_INGEST_OUTLET_HEADS)


def _ingest_tidy_outlet(name: str) -> str:
    """An outlet name as a masthead in capitals would be written normally ('PACIFIC BUSINESS WIRE' ->
    'Pacific Business Wire'); short acronyms (BBC, FAZ) and mixed-case names are kept as they are."""
    name = name.strip()
    if not re.search(r"[A-ZÄÖÜ]", name) or re.search(r"[a-zäöüß]", name):
        return name
    known = {k.lower(): k for k in INGEST_KNOWN_OUTLETS}
    if name.lower() in known:
        return known[name.lower()]
    return " ".join(w.capitalize() if len(w) >= 4 or w in ("THE", "DER", "DIE", "DAS") else w for w in name.split())


def _ingest_outlet_date_line(line: str) -> dict | None:
    """For a header line made of a short name and a date ('PACIFIC BUSINESS WIRE, March 5, 2025',
    'The Daily Circuit - March 6, 2025', 'Handelsblatt, 5. März 2025'): {published, outlet}, where outlet
    is '' when the name reads as a place ('BERLIN, 5. März 2025'); None for any other line."""
    if len(line) > 120 or not line[:1].isalnum():
        return None
    for m in _INGEST_NAME_DATE_SEP.finditer(line):
        name, rest = line[:m.start()].strip(), line[m.end():]
        if not name or _ingest_words(name) > 6 or re.search(r"[.!?:;,]$|\d{3,}", name):
            continue
        iso = parse_date_line(rest)
        if not iso:
            continue
        domain = re.fullmatch(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}", name.lower())
        if not domain and not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in ("of", "am", "im", "and", "und",
                                                                                      "&", "de") for w in name.split()):
            return None
        return {"published": iso, "outlet": _ingest_tidy_outlet(name) if _ingest_outlet_like(name) else ""}
    return None


def _ingest_masthead(lines: list[IngestLine]) -> str:
    """In the header (before the first paragraph of running text), a short name line next to a date
    or byline line is the outlet's masthead ('Harbor Street Journal' above 'March 5, 2025'): mark it
    as a source line and return the name ('' when there is none)."""
    nonblank = [ln for ln in lines if ln.kind != "blank"]
    for k, ln in enumerate(nonblank):
        if ln.kind == "body" and _ingest_is_paragraph(ln.text):
            return ""
        if ln.kind != "body" or _ingest_words(ln.text) > 5 or _INGEST_END_PUNCT.search(ln.text) \
                or not ln.text[:1].isupper():
            continue
        near = [nonblank[j].rule for j in (k - 1, k + 1) if 0 <= j < len(nonblank)]
        if any(r in ("date_line", "byline", "source_line") for r in near):
            ln.kind, ln.rule = "removed", "source_line"
            return ln.text
    return ""


def _ingest_mark_photo_tags(lines: list[IngestLine]) -> None:
    """A one- or two-word lowercase line right before a caption is an image's tag or alt text: remove it."""
    nonblank = [ln for ln in lines if ln.kind != "blank"]
    for prev, nxt in zip(nonblank, nonblank[1:]):
        if prev.kind == "body" and nxt.kind == "caption" and _ingest_words(prev.text) <= 2 \
                and prev.text == prev.text.lower() and not _INGEST_END_PUNCT.search(prev.text):
            prev.kind, prev.rule = "removed", "photo_tag"


_INGEST_DATELINE = re.compile(r"^(?P<place>[A-ZÄÖÜ][\wÄÖÜäöüß.' -]{1,40}(?:\s*/\s*[A-ZÄÖÜ][\wÄÖÜäöüß.' -]{1,40}){0,3})"
                       r"\s*\((?P<who>[^()\n]{2,40})\)\s*[-–—:]\s+\S")


def _ingest_dateline(line: str) -> tuple[str, bool] | None:
    """('IT BOLTWISE', False) for 'SILICON VALLEY / LONDON (IT BOLTWISE) – ...'; (agency, True) when the
    name in brackets is a news agency ('Berlin (dpa) - ...'); None when the line has no dateline."""
    m = _INGEST_DATELINE.match(line[:200])
    if not m:
        return None
    who = re.sub(r"[®™©]", "", m.group("who")).strip()
    parts = [p.strip() for p in re.split(r"[/,]", who) if p.strip()]
    if parts and all(_ingest_cite_key(p) in _INGEST_AGENCY_KEYS for p in parts):
        return parts[0], True
    return who, False


# ---------------------------------------------------------------------------
# Assemble the clean text and its segments
# ---------------------------------------------------------------------------
def assemble_clean_text(lines: list[IngestLine]) -> tuple[str, list[list]]:
    """The clean text (kept lines; a blank line in the raw text becomes one paragraph break) and
    its segments: [[start, end, kind], ...] with kind headline / caption / body, consecutive lines
    of one kind merged. Offsets are character offsets into the clean text."""
    parts: list[str] = []
    segments: list[list] = []
    pos = 0
    pending_blank = False
    for ln in lines:
        if ln.kind == "blank":
            pending_blank = True
            continue
        if ln.kind == "removed":
            continue
        if parts:
            sep = "\n\n" if pending_blank or ln.kind != "body" or segments[-1][2] != "body" else "\n"
            parts.append(sep)
            pos += len(sep)
        pending_blank = False
        start = pos
        parts.append(ln.text)
        pos += len(ln.text)
        if segments and segments[-1][2] == ln.kind == "body":
            segments[-1][1] = pos
        else:
            segments.append([start, pos, ln.kind])
    return "".join(parts), segments


# ---------------------------------------------------------------------------
# Language, words, cited sources
# ---------------------------------------------------------------------------
_INGEST_LANGID = None


def detect_article_language(text: str) -> str:
    """'de' or 'en' for a text (py3langid restricted to those two; deterministic)."""
    global _INGEST_LANGID
    if _INGEST_LANGID is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        ident.set_languages(["de", "en"])
        _INGEST_LANGID = ident
    sample = text[:20000]
    if not sample.strip():
        return ""
    return _INGEST_LANGID.classify(sample)[0]


_INGEST_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*")


def count_article_words(text: str) -> int:
    """Words in a text ('14,3', 'KI-Startup' and "Meta's" count as one word each)."""
    return len(_INGEST_WORD.findall(text))


# Built-in list of outlets and news agencies (German, Swiss, Austrian, English-language).
# A name in this list is recognised without quotes when a citation cue stands next to it.
INGEST_KNOWN_OUTLETS = [
    "Reuters", "dpa", "AFP", "AP", "Associated Press", "Bloomberg", "Bloomberg News", "Dow Jones",
    "Dow Jones Newswires", "sda", "SDA", "Keystone-SDA", "APA", "KNA", "epd", "dts", "AWP", "Xinhua",
    "Kyodo", "Interfax", "TASS", "ANSA", "EFE", "UPI", "Yonhap", "PA Media",
    "Handelsblatt", "Spiegel", "Der Spiegel", "SPIEGEL", "Spiegel Online", "Zeit", "Die Zeit", "Zeit Online",
    "FAZ", "F.A.Z.", "Frankfurter Allgemeine", "Frankfurter Allgemeine Zeitung", "Süddeutsche Zeitung", "SZ",
    "Süddeutsche", "Welt", "Die Welt", "Welt am Sonntag", "Bild", "Bild am Sonntag", "Focus", "Focus Online",
    "Stern", "taz", "Tagesspiegel", "Tagesschau", "ARD", "ZDF", "n-tv", "ntv", "RTL", "Deutschlandfunk", "MDR",
    "NDR", "WDR", "SWR", "BR", "RBB", "Golem", "Golem.de", "heise", "heise online", "c't", "t3n", "Chip",
    "Computerbild", "netzpolitik.org", "Wirtschaftswoche", "WirtschaftsWoche", "WiWo", "Manager Magazin",
    "Business Insider", "Gründerszene", "Börsen-Zeitung", "Finanzen.net", "Der Standard",
    "Die Presse", "Kurier", "ORF", "Kleine Zeitung", "Kronen Zeitung", "NZZ", "Neue Zürcher Zeitung",
    "NZZ am Sonntag", "Tages-Anzeiger", "Blick", "SRF", "Watson", "20 Minuten", "Aargauer Zeitung",
    "Luzerner Zeitung", "Basler Zeitung", "Handelszeitung", "Finanz und Wirtschaft", "RND",
    "Redaktionsnetzwerk Deutschland", "Rheinische Post", "Stuttgarter Zeitung", "Münchner Merkur",
    "Augsburger Allgemeine", "Kölner Stadt-Anzeiger", "Hamburger Abendblatt", "Berliner Zeitung",
    "BBC", "CNN", "CNBC", "Fox News", "NBC", "NBC News", "ABC News", "CBS", "CBS News", "NPR", "PBS", "Sky News",
    "The Guardian", "Guardian", "The Times", "Sunday Times", "Financial Times", "FT", "The Economist",
    "Economist", "The Telegraph", "Telegraph", "The Independent", "Daily Mail", "Wall Street Journal", "WSJ",
    "New York Times", "NYT", "Washington Post", "Los Angeles Times", "USA Today", "Politico", "Axios",
    "The Information", "TechCrunch", "The Verge", "Wired", "Ars Technica", "Engadget", "Forbes", "Fortune",
    "Semafor", "Vox", "Quartz", "Al Jazeera", "Nikkei", "Nikkei Asia", "South China Morning Post", "SCMP",
    "Le Monde", "El País", "Corriere della Sera", "CoinDesk", "MarketWatch", "Barron's", "Yahoo Finance",
    "The Atlantic", "The New Yorker", "Newsweek", "The Hill", "Bild-Zeitung", "Rheinische Post",
]
_INGEST_AGENCIES = ["Reuters", "dpa", "AFP", "AP", "Associated Press", "Bloomberg", "Dow Jones", "DJ", "sda", "SDA",
             "Keystone-SDA", "APA", "KNA", "epd", "dts", "AWP", "Xinhua", "Kyodo", "Interfax", "TASS", "ANSA",
             "EFE", "UPI", "Yonhap", "PA Media", "AP/dpa"]


def _ingest_cite_key(name: str) -> str:
    """Comparison key for an outlet name: lower case, letters and digits only, no leading article,
    no top-level domain ('Der Spiegel' ~ 'SPIEGEL'; 'finanzen.ch' ~ 'Finanzen')."""
    name = re.sub(r"[®™©]", "", str(name)).strip().lower()
    name = re.sub(r"^(?:the|der|die|das)\s+", "", name)
    name = re.sub(r"\.(?:de|ch|at|com|net|org|co\.uk|uk|io|news)$", "", name)
    return re.sub(r"[\W_]+", "", name)


_INGEST_AGENCY_KEYS = {_ingest_cite_key(a) for a in _INGEST_AGENCIES}
_INGEST_KNOWN_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(set(INGEST_KNOWN_OUTLETS), key=len,
                                                                               reverse=True)) + r")(?![\w-])")
_INGEST_CITE_BEFORE = re.compile(
    r"(?:\blaut|\bberichte\w*|\bmelde\w*|\bschrieb\w*|\bschreib\w*|\bzitier\w*|\bgegenüber|\bnach angaben|"
    r"\binformationen|\bunter berufung auf|\bim interview mit|\bim gespräch mit|\bsagte\w*|\bsagt|"
    r"\bquelle:|\bsource:|\baccording to|\breport\w*|\btold|\bciting|\bcited|\bquoted|\bvia|\bwrote|\bwrites|"
    r"\bsaid|\bsays|\binterview with|\bspoke to|\bspeaking to|\bconfirmed to|\bin an interview with|"
    r"\bwie)\s+(?:\S+\s+){0,3}[«»„“\"‚']?$", _INGEST_I)
_INGEST_CITE_AFTER = re.compile(
    r"^[»«“”\"'’]?\)?\s*,?\s*(?:\S+\s+){0,2}?(?:zufolge|berichte\w*|melde\w*|schreibt|schrieb|schrieben|"
    r"hatte berichtet|unter berufung|reported|reports|reporting|wrote|writes|said|says|first reported|"
    r"citing)\b|"
    r"^[»«“”\"'’]?\)?\s+(?:hatte|hatten|hat|haben)\s+(?:(?!sich\b)\S+\s+){0,6}?(?:berichtet|gemeldet|geschrieben|enthüllt)\b|"
    r"^[»«“”\"'’]?\)?\s+(?:had|has|was|were)\s+(?:\S+\s+){0,3}?(?:reported|revealed|broke the news|"
    r"the first to report)\b", _INGEST_I)
_INGEST_QUOTED = re.compile(r"[«»„“\"‚‘]([A-Z0-9ÄÖÜ][\w.&'’ -]{0,40}?)[«»“”\"‘’]")
_INGEST_MEDIA_NOUN = re.compile(
    r"(?<![A-Za-zÄÖÜäöüß])(?:Nachrichtenagentur|Agentur|Zeitung|Tageszeitung|Wochenzeitung|Wirtschaftszeitung|"
    r"Finanzzeitung|Zeitschrift|Magazin|Nachrichtenmagazin|Wirtschaftsmagazin|Fachmagazin|Onlinemagazin|"
    r"Nachrichtenportal|Newsportal|Fachportal|Onlineportal|Techportal|Sender|Fernsehsender|Nachrichtensender|"
    r"Radiosender|Wirtschaftsdienst|[Nn]ews agency|[Nn]ewswire|[Ww]ire service|[Nn]ewspaper|[Mm]agazine|"
    r"[Bb]roadcaster|[Nn]ews site|[Nn]ews website|[Tt]ech site|[Tt]ech blog)[ ]+[«„“\"»]?"
    r"(?P<name>[A-Z][\w&'’-]*(?:\.[a-z]{2,3})?(?:[ ][A-Z][\w&'’-]*){0,3})")
# A capitalised name (up to four words) whose last word ends like a media title ('The Tech Ledger',
# 'Rheinische Handelszeitung'): an outlet not in the built-in list, counted only next to a citation cue.
_INGEST_HEAD_NAME = re.compile(
    r"(?<![\w-])(?P<name>(?:(?:The|Die|Der|Das)\s+)?(?:[A-ZÄÖÜ][\w&'’-]*\s+){0,3}"
    r"(?:[A-ZÄÖÜ][\w-]*?(?:zeitung|blatt|kurier|rundschau|anzeiger|echo)|"
    r"(?:[A-ZÄÖÜ][\w-]*?)?(?:Zeitung|Blatt|Kurier|Journal|Times|News|Wire|Herald|Gazette|Tribune|Chronicle|Ledger|"
    r"Courier|Observer|Dispatch|Rundschau|Anzeiger|Bote|Echo)))(?![\w-])"
    r"(?!\s*&|\s+[A-ZÄÖÜ][a-zäöüß])")    # the name goes on ('Independent News & Media', 'News Corp')
# Words in front of a media-title name that are not part of it: articles, cue words, possessives ("Pearson's"),
# hyphenated descriptions ('China-published') and media nouns ('die Zeitung The Times', 'des Senders Sky News').
_INGEST_HEAD_LEAD = re.compile(
    r"^(?:(?:Die|Der|Das|Dem|Den|Des|Ein|Eine|Einer|A|An|Laut|Wie|Nach|Gegenüber|Auch|Zuerst|So|Per|Via|Citing|"
    r"Says|Said|Told|\S+['’]s|\w+-[a-zäöüß][\w-]*|\w*(?:[Ss]ender|[Ss]enders|[Zz]eitung|[Mm]agazin|[Aa]gentur|"
    r"[Pp]ortal|[Bb]latt|[Dd]ienst))\s+)+")
_INGEST_AGENCY_PARENS = re.compile(r"\((?P<names>(?:" + "|".join(re.escape(a) for a in _INGEST_AGENCIES) +
                            r")(?:\s*[/,]\s*[\w-]{2,20}){0,3})\)")


def find_article_cites(text: str, own_outlet: str = "", segments: list | None = None) -> list[str]:
    """Outlets and agencies a text cites, in order of first mention, never its own outlet.

    Recognised: a known outlet (built-in list) or a quoted name («N-TV», „Handelsblatt“) next to a
    citation cue ('laut', 'berichtet', 'zufolge', 'hatte zuerst ... berichtet', 'according to', 'told',
    'reported', 'had first reported'...); a name of two or more capitalised words ending like a media title
    ('The Valley Ledger', 'Westtaler Rundschau') next to such a cue; a name after a media noun
    ('die Nachrichtenagentur Reuters', 'the newspaper X'); agency codes in brackets ('(dpa)', '(AFP/Reuters)'). Captions are skipped (their credits are photo agencies, not sources).
    Only the first CITE_SCAN_CHARS characters are searched (a news article is far shorter).
    """
    regions = [(s, min(e, CITE_SCAN_CHARS)) for s, e, k in (segments or [[0, len(text), "body"]])
               if k != "caption" and s < CITE_SCAN_CHARS]
    found: list[tuple[int, str]] = []
    for rs, re_ in regions:
        chunk = text[rs:re_]
        known_spans = [(m.start(), m.end()) for m in _INGEST_KNOWN_RE.finditer(chunk)]
        longer: list[tuple[int, int]] = []      # media-title names that hold a known name ('Rheinische Handelszeitung')
        for m in _INGEST_HEAD_NAME.finditer(chunk):
            name = _INGEST_HEAD_LEAD.sub("", m.group("name"))
            start = m.end() - len(name)
            if " " not in name:
                continue           # one word ('Handelszeitung', 'Datenblatt', 'die Zeitung'): known list or quotes only
            core = start + 4 if name.startswith("The ") else start
            inside = [(s, e) for s, e in known_spans if s < m.end() and start < e]
            if any(s <= core or e > m.end() for s, e in inside):
                continue           # a known name starts it or covers it ('the Financial Times', 'BBC News')
            before = re.split(r"[.!?:]\s+", chunk[max(0, start - 60):start])[-1]   # the cue in the same sentence
            after = chunk[m.end():m.end() + 50]
            if _INGEST_CITE_BEFORE.search(before) or _INGEST_CITE_AFTER.match(after):
                found.append((rs + start, name))
                longer.append((start, m.end()))
        for m in _INGEST_KNOWN_RE.finditer(chunk):
            if any(s <= m.start() and m.end() <= e for s, e in longer):
                continue
            before, after = chunk[max(0, m.start() - 60):m.start()], chunk[m.end():m.end() + 50]
            if _INGEST_CITE_BEFORE.search(before) or _INGEST_CITE_AFTER.match(after):
                found.append((rs + m.start(), m.group(1)))
        for m in _INGEST_QUOTED.finditer(chunk):
            name = m.group(1).strip()
            if not name or len(name.split()) > 4 or re.search(r"[.!?,;:]$", name):
                continue
            before, after = chunk[max(0, m.start() - 60):m.start()], chunk[m.end():m.end() + 50]
            if _INGEST_CITE_BEFORE.search(before) or _INGEST_CITE_AFTER.match(after):
                found.append((rs + m.start(1), name))
        for m in _INGEST_MEDIA_NOUN.finditer(chunk):
            found.append((rs + m.start("name"), re.sub(r"['’]s$", "", m.group("name").strip(" .,"))))
        for m in _INGEST_AGENCY_PARENS.finditer(chunk):
            for k, name in enumerate(re.split(r"\s*[/,]\s*", m.group("names"))):
                found.append((rs + m.start("names") + k, name))
    own = _ingest_cite_key(own_outlet)
    out: list[str] = []
    keys: set[str] = set()
    for _pos, name in sorted(found, key=lambda t: t[0]):
        key = _ingest_cite_key(name)
        if not key or key == own or key in keys:
            continue
        keys.add(key)
        out.append(name)
    return out


# ---------------------------------------------------------------------------
# Duplicates
# ---------------------------------------------------------------------------
def _ingest_shingles(text: str, vocab: dict, k: int = 5, sample: int = 20000) -> set:
    """Word k-shingles of a text as tuples of word ids (deterministic). Only the first
    SHINGLE_MAX_WORDS words count; texts of more than `sample` words keep only the shingles whose
    hash is divisible by 16 (an unbiased Jaccard estimate at a sixteenth of the memory)."""
    ids = [vocab.setdefault(w, len(vocab)) for w in text.lower().split(maxsplit=SHINGLE_MAX_WORDS)[:SHINGLE_MAX_WORDS]]
    if len(ids) < k:
        return {tuple(ids)} if ids else set()
    step = 16 if len(ids) > sample else 1
    grams = zip(*(ids[j:] for j in range(k)))
    if step == 1:
        return set(grams)
    return {g for g in grams if hash(g) % step == 0}


def find_duplicate_articles(texts: dict[str, str], threshold: float = NEAR_DUPLICATE_THRESHOLD) -> dict[str, tuple[str, float]]:
    """{file: (earlier_file, similarity)} for texts that repeat an earlier one (in file-name order):
    identical after normalisation (1.0) or word-5-shingle Jaccard >= threshold. Each duplicate points
    to the most similar earlier original (never to another duplicate).

    Linear in the total text: shingles are only built for texts whose word count is within the
    threshold ratio of another text's (two texts of very different length cannot be near duplicates).
    """
    vocab: dict[str, int] = {}
    norm = {f: " ".join(re.sub(r"[^\w\s]+", " ", t.lower()).split()) for f, t in texts.items()}
    sizes = {f: norm[f].count(" ") + 1 if norm[f] else 0 for f in texts}
    order = sorted(texts, key=lambda f: sizes[f])
    candidates = set()
    for a, b in zip(order, order[1:]):
        if sizes[a] and sizes[a] >= threshold * sizes[b]:
            candidates.update((a, b))
    digests: dict[str, str] = {}
    shingles: dict[str, set] = {}
    result: dict[str, tuple[str, float]] = {}
    originals: list[str] = []
    for f in sorted(texts):
        digest = hashlib.sha256(norm[f].encode("utf-8")).hexdigest()
        if digest in digests and norm[f]:
            result[f] = (digests[digest], 1.0)
            continue
        best, best_sim = "", 0.0
        if f in candidates:
            sh = shingles[f] = _ingest_shingles(norm[f], vocab)
            for o in originals:
                so = shingles.get(o)
                if not sh or not so or min(sizes[f], sizes[o]) < threshold * max(sizes[f], sizes[o]):
                    continue
                sim = len(sh & so) / len(sh | so)
                if sim > best_sim:
                    best, best_sim = o, sim
        if best and best_sim >= threshold:
            result[f] = (best, round(best_sim, 3))
            continue
        digests.setdefault(digest, f)
        originals.append(f)
    return result


# ---------------------------------------------------------------------------
# sources.csv
# ---------------------------------------------------------------------------
SOURCES_COLUMNS = ("file", "outlet", "url", "published")


def read_sources_csv(path: Path | None) -> dict[str, dict]:
    """{file: {outlet, url, published}} from a story's sources.csv ({} when there is none).

    Raises StoryError with one line when the file is malformed: no 'file' column, unknown columns,
    a date that is not a date, or a file listed twice.
    """
    if path is None or not Path(path).exists():
        return {}
    path = Path(path)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StoryError(f"{shown} is not UTF-8 text; save it as UTF-8 CSV with columns "
                         f"{', '.join(SOURCES_COLUMNS)}") from None
    try:
        rows = list(csv.reader(io.StringIO(raw)))
    except csv.Error as exc:
        raise StoryError(f"{shown} is not a valid CSV file: {exc}") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return {}
    header = [h.strip().lower() for h in rows[0]]
    if "file" not in header:
        raise StoryError(f"{shown} needs a header line with a 'file' column (columns: {', '.join(SOURCES_COLUMNS)}),"
                         f" found: {', '.join(header) or 'nothing'}")
    unknown = [h for h in header if h not in SOURCES_COLUMNS]
    if unknown:
        raise StoryError(f"{shown} has unknown column '{unknown[0]}'; valid columns are {', '.join(SOURCES_COLUMNS)}")
    out: dict[str, dict] = {}
    for n, row in enumerate(rows[1:], start=2):
        if len(row) > len(header):
            raise StoryError(f"{shown} line {n} has {len(row)} fields but the header has {len(header)} "
                             "(quote values that contain commas)")
        rec = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        name = unicodedata.normalize("NFC", rec.get("file", ""))
        if not name:
            raise StoryError(f"{shown} line {n} has no file name")
        if name in out:
            raise StoryError(f"{shown} lists '{name}' twice (line {n})")
        pub = rec.get("published", "")
        iso = parse_published(pub) if pub else ""
        if pub and not iso:
            raise StoryError(f"{shown} line {n}: published '{pub}' is not a date (use YYYY-MM-DD)")
        out[name] = {"outlet": rec.get("outlet", ""), "url": rec.get("url", ""), "published": iso}
    return out


# ---------------------------------------------------------------------------
# One file, one folder, one story
# ---------------------------------------------------------------------------
def ingest_article(name: str, data: bytes) -> dict:
    """Ingest one raw file (its name and bytes): a dict with the article's fields (no outlet choice,
    duplicates or cites yet), the removed lines and notes. Raises IngestSkip for unusable files."""
    ext = Path(name).suffix.lower()
    if ext not in INGEST_EXTENSIONS:
        raise IngestSkip(f"unsupported file type {ext or '(no extension)'} (read: {', '.join(INGEST_EXTENSIONS)})")
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    is_html = ext in HTML_EXTENSIONS or head.startswith((b"<!doctype html", b"<html"))
    text, encoding = decode_article_bytes(data, html=is_html)
    if _ingest_control_ratio(text) > 0.01:
        raise IngestSkip(f"binary content (control characters after decoding as {encoding}), not text")
    if not text.strip():
        raise IngestSkip("no text (whitespace only)" if text else "empty file")
    notes = []
    meta = {"title": "", "date": "", "sitename": "", "url": ""}
    if is_html:
        meta = extract_html_article(text)
        text = meta["text"]
        notes.append("HTML main text by trafilatura")
        if not text.strip():
            raise IngestSkip("no article text found in the HTML page")
    elif ext == ".md":
        text = _ingest_markdown_to_text(text)
    text = normalize_article_text(text)
    text, fixed = fix_mojibake(text)
    if fixed:
        notes.append(f"repaired mojibake in {fixed} line{'s' if fixed != 1 else ''}")
    lines, found = classify_article_lines(text)
    clean, segments = assemble_clean_text(lines)
    if not any(k == "body" for _s, _e, k in segments) and count_article_words(clean) < 5:
        raise IngestSkip("no article text left after removing boilerplate")
    headline = next((clean[s:e] for s, e, k in segments if k == "headline"), "")
    first = next((clean[s:e].split("\n")[0] for s, e, k in segments if k != "caption"), "")
    published = parse_published(meta["date"]) if meta["date"] else ""
    return {
        "file": name, "article_id": Path(name).stem,
        "title": meta["title"] or headline or first,
        "text_outlet": found["outlet"], "html_outlet": meta["sitename"],
        "agency": found["agency"],
        "url": meta["url"], "published": published or found["published"],
        "language": detect_article_language(clean), "word_count": count_article_words(clean),
        "segments": segments, "encoding": encoding, "text": clean,
        "removed": [(ln.number, ln.rule, ln.text) for ln in lines if ln.kind == "removed"],
        "notes": notes,
    }


def _ingest_choose_outlet(name: str, art: dict, outlets: dict, sources: dict) -> tuple[str, str]:
    """(outlet, outlet_from): parameter > sources.csv > source line or dateline > HTML sitename > ''."""
    if outlets.get(name, "").strip():
        return outlets[name].strip(), "parameter"
    if sources.get(name, {}).get("outlet", "").strip():
        return sources[name]["outlet"].strip(), "sources.csv"
    if art["text_outlet"]:
        return re.sub(r"[®™©]", "", art["text_outlet"]).strip(), "text"
    if art["html_outlet"]:
        return art["html_outlet"], "html"
    return "", "unknown"


def _ingest_story_label(folder: Path) -> str:
    """A folder as shown in messages: relative to the repository when inside it."""
    folder = Path(folder)
    try:
        return str(folder.resolve().relative_to(ROOT)) + "/"
    except ValueError:
        return str(folder) + "/"


def ingest_folder(articles_dir, sources_csv=None, outlets=None, exclude=()) -> IngestResult:
    """Ingest every file of a folder: IngestResult(articles, report, boilerplate), sorted by file.

    Unusable files are reported (status 'skipped' with the reason) and the run goes on; duplicates
    get status 'duplicate' but stay in articles. Raises StoryError (one line naming the folder and
    the stories that exist) when the folder is missing or holds no usable article. Never writes.
    """
    folder = Path(articles_dir)
    stories = ", ".join(list_stories()) or "none"
    if not folder.is_dir():
        raise StoryError(f"no article folder {_ingest_story_label(folder)} (stories that exist: {stories})")
    outlets = {unicodedata.normalize("NFC", k): v for k, v in (outlets or {}).items()}
    exclude = {unicodedata.normalize("NFC", x) for x in (exclude or ())}
    sources = read_sources_csv(Path(sources_csv) if sources_csv else None)
    files = sorted((p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")),
                   key=lambda p: unicodedata.normalize("NFC", p.name))
    arts: dict[str, dict] = {}
    report: dict[str, dict] = {}
    removed_rows = []
    for path in files:
        name = unicodedata.normalize("NFC", path.name)
        row = {"file": name, "status": "skipped", "reason": "", "encoding": "", "lines_removed": 0, "bytes": 0}
        report[name] = row
        try:
            data = path.read_bytes()
        except OSError as exc:
            row["reason"] = f"cannot read the file: {exc.strerror or exc}"
            continue
        row["bytes"] = len(data)
        if name in exclude:
            row["reason"] = "excluded by the parameter 'exclude'"
            continue
        try:
            art = ingest_article(name, data)
        except IngestSkip as exc:
            row["reason"] = str(exc)
            continue
        row.update(status="ok", encoding=art["encoding"], lines_removed=len(art["removed"]),
                   reason="; ".join(art["notes"]))
        removed_rows += [{"file": name, "line": n, "rule": rule, "text": txt} for n, rule, txt in art["removed"]]
        arts[name] = art
    if not arts:
        why = "; ".join(f"{r['file']}: {r['reason']}" for r in report.values())[:300]
        raise StoryError(f"no usable article in {_ingest_story_label(folder)} "
                         f"({len(report)} file{'s' if len(report) != 1 else ''}{': ' + why if why else ''}) "
                         f"(stories that exist: {stories})")
    dups = find_duplicate_articles({f: a["text"] for f, a in arts.items()})
    rows = []
    for name, art in arts.items():
        src = sources.get(name, {})
        outlet, outlet_from = _ingest_choose_outlet(name, art, outlets, sources)
        cites = find_article_cites(art["text"], outlet, art["segments"])
        if art["agency"] and _ingest_cite_key(art["agency"]) not in {_ingest_cite_key(c) for c in cites}:
            cites = [art["agency"]] + cites
        dup, sim = dups.get(name, ("", ""))
        if dup:
            report[name]["status"] = "duplicate"
            what = "same text as" if sim == 1.0 else f"nearly the same text (similarity {sim:.2f}) as"
            report[name]["reason"] = "; ".join(filter(None, [f"{what} {dup}", report[name]["reason"]]))
        rows.append({
            "file": name, "article_id": art["article_id"], "title": art["title"], "outlet": outlet,
            "outlet_from": outlet_from, "url": src.get("url") or art["url"],
            "published": src.get("published") or art["published"], "language": art["language"],
            "cites": json.dumps(cites, ensure_ascii=False), "word_count": art["word_count"],
            "duplicate_of": dup, "similarity": sim,
            "segments": json.dumps(art["segments"]), "encoding": art["encoding"], "text": art["text"],
        })
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS).sort_values("file", kind="stable").reset_index(drop=True)
    rep = pd.DataFrame(list(report.values()), columns=REPORT_COLUMNS).sort_values("file", kind="stable")
    bp = pd.DataFrame(removed_rows, columns=BOILERPLATE_COLUMNS).sort_values(["file", "line"], kind="stable")
    return IngestResult(articles, rep.reset_index(drop=True), bp.reset_index(drop=True))


def ingest_story(paths, params: dict) -> IngestResult:
    """Ingest a story: its articles/ folder, its sources.csv, and the parameters outlets and exclude."""
    return ingest_folder(paths.articles, paths.sources_csv if Path(paths.sources_csv).exists() else None,
                         outlets=params.get("outlets") or {}, exclude=params.get("exclude") or ())


def write_ingest_outputs(result: IngestResult, paths) -> list[Path]:
    """Write articles.csv, ingest_report.csv and boilerplate.csv to the story's output folder,
    each atomically (all tables are computed before the first write). Returns the paths."""
    written = []
    for name, df in (("articles.csv", result.articles), ("ingest_report.csv", result.report),
                     ("boilerplate.csv", result.boilerplate)):
        written.append(write_csv_atomic(df, paths.out(name)))
    return written


# ---------------------------------------------------------------------------
# Views for the notebook
# ---------------------------------------------------------------------------
def ingest_summary(articles: pd.DataFrame) -> str:
    """One plain-text line per article: file, outlet, published, language, cites, words, status."""
    lines = []
    for _, r in articles.sort_values("file").iterrows():
        cites = ", ".join(json.loads(r["cites"])) if r["cites"] else ""
        status = f"duplicate of {r['duplicate_of']}" if r["duplicate_of"] else "ok"
        lines.append(f"{r['file']} | {r['outlet'] or '-'} ({r['outlet_from']}) | {r['published'] or '-'} | "
                     f"{r['language']} | cites: {cites or '-'} | {r['word_count']} words | {status}")
    return "\n".join(lines)


def boilerplate_by_article(boilerplate: pd.DataFrame, width: int = 90) -> str:
    """The removed lines, grouped by article and rule, as readable plain text."""
    out = []
    for file, grp in boilerplate.groupby("file", sort=True):
        out.append(f"== {file}: {len(grp)} line{'s' if len(grp) != 1 else ''} removed")
        for rule, g in grp.groupby("rule", sort=False):
            out.append(f"   [{rule}]")
            for _, r in g.iterrows():
                txt = r["text"] if len(r["text"]) <= width else r["text"][:width - 1] + "…"
                out.append(f"      {r['line']:>4}  {txt}")
    return "\n".join(out)


def show_article_segments(text: str, segments, width: int = 100) -> str:
    """The clean text with each segment labelled ([headline], [caption], [body]), lines shortened."""
    if isinstance(segments, str):
        segments = json.loads(segments)
    out = []
    for s, e, kind in segments:
        for para in text[s:e].split("\n"):
            if para.strip():
                out.append(f"[{kind:8}] " + (para if len(para) <= width else para[:width - 1] + "…"))
    return "\n".join(out)
