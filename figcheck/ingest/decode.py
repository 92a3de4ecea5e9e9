"""From bytes to clean Unicode: binary files refused, the encoding found, mojibake repaired, spaces
and invisible characters normalised."""
from __future__ import annotations

import codecs
import re
import unicodedata

from figcheck.ingest.base import IngestSkip, WESTERN


# ---------------------------------------------------------------------------
# Read and decode
# ---------------------------------------------------------------------------
_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"%PDF-", "PDF document"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"PK\x03\x04", "ZIP archive (docx, xlsx, epub...)"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document (doc, xls)"),
    (b"{\\rtf", "RTF document"), (b"ID3", "MP3 audio"), (b"OggS", "Ogg media"), (b"\x7fELF", "program"),
    (b"MZ", "Windows program"), (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"),
    (b"SQLite format 3\x00", "SQLite database"),
]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


def sniff_binary(data: bytes) -> str | None:
    """Why `data` is not text (e.g. 'binary content (PNG image)'), or None when it may be text.

    Looks at the content, not the file name: a PNG renamed .txt is still a PNG.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary content ({what}), not text"
    if data[4:8] == b"ftyp":
        return "binary content (MP4/MOV media), not text"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return f"binary content ({data[8:12].decode().strip()} media), not text"
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in data[:65536]:
        return "binary content (NUL bytes), not text"
    return None


def _html_charset(data: bytes) -> str | None:
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
    -> charset declared by an HTML page -> the encodings German and English news is written in
    (cp1252, Latin-1, Latin-9) when they decode cleanly and give real words -> charset-normalizer's
    detection. Text that cp1252 decodes exactly like the detected single-byte encoding is reported
    as cp1252.
    """
    if not data:
        raise IngestSkip("empty file")
    for bom, enc in _BOMS:
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
        declared = _html_charset(data)
        if declared and declared != "utf-8":
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    western = decode_western(data)
    if western is not None:
        return western
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise IngestSkip("undecodable: no text encoding fits the bytes")
    enc = best.encoding
    text = str(best)
    if enc in WESTERN and enc != "cp1252":
        try:
            if data.decode("cp1252") == text:
                enc = "cp1252"
        except UnicodeDecodeError:
            pass
    return text, enc


# letters of German, English and their neighbours' words in the Windows-1252 / Latin-1 range, and the
# marks news prints with them; anything else from those code pages is a sign of another encoding
_WESTERN_LETTERS = frozenset("äöüÄÖÜßéèêëàâáãåçñóòôõøíìîïúùûýÿÉÈÊËÀÂÁÃÅÇÑÓÒÔÕØÍÌÎÏÚÙÛÝæÆœŒšŠžŽŸ")
_WESTERN_MARKS = frozenset("€„“”‘’‚–—…«»°§·´¼½¾²³µ©®™£¥¢\u00a0¡¿ºª•†‰‹›±×÷¹¦¤¬\u00ad")
# marks that may stand between two letters of a word ("it’s", "Nord–Süd")
_IN_WORD_MARKS = frozenset("’‘´–—·\u00ad")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def reads_as_western(text: str) -> bool:
    """True when text decoded with a Western code page reads as words: every non-ASCII character is a
    Western letter or a common mark, marks do not split words ("z³oty" is Polish cp1250), no C1
    control characters, and the non-ASCII letters stay a minority inside mostly ASCII words (Cyrillic
    or Greek read as cp1252 is nearly all accented letters)."""
    sample = text[:200_000]
    odd = 0
    accented = 0
    for m in _NON_ASCII.finditer(sample):
        c = m.group()
        i = m.start()
        if c in _WESTERN_LETTERS:
            accented += 1
            left = sample[i - 1] if i else " "
            right = sample[i + 1] if i + 1 < len(sample) else " "
            if not ((left.isascii() and left.isalpha()) or (right.isascii() and right.isalpha())):
                odd += 1                                  # an accented letter with no plain letter beside it
        elif c in _WESTERN_MARKS:
            if c not in _IN_WORD_MARKS and 0 < i < len(sample) - 1 and sample[i - 1].isalpha() \
                    and sample[i + 1].isalpha():
                odd += 2                                  # a symbol inside a word
        else:
            return False                                  # C1 controls, letters of other alphabets
    if accented == 0:
        return odd == 0
    letters = sum(1 for c in sample[:20_000] if c.isalpha())
    return odd <= 0.1 * accented and accented <= 0.3 * max(1, letters)


def decode_western(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when bytes that are not UTF-8 decode cleanly with cp1252 (Latin-1's printable
    characters and Windows' quotes, dashes and '€') and read as words (reads_as_western), else None.
    Latin-1 text decodes alike and is reported as cp1252 (its bytes 0x80-0x9F are control characters,
    never words); Latin-9 when a currency sign '¤' stands where it has '€'."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if not reads_as_western(text):
        return None
    if "¤" in text:
        alt = data.decode("iso8859_15")
        if reads_as_western(alt):
            return alt, "iso8859_15"
    return text, "cp1252"


def control_ratio(text: str) -> float:
    """Share of control characters (other than tab, line ends, form feed) in the first 64 K characters."""
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = len(re.findall(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]", sample))
    return bad / len(sample)


# ---------------------------------------------------------------------------
# Unicode normalisation
# ---------------------------------------------------------------------------
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")
_MOJIBAKE = re.compile(r"[ÃÂâÅÄ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                              r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def fix_mojibake(text: str) -> tuple[str, int]:
    """Repair UTF-8 read as cp1252/latin-1 ("fÃ¼r" -> "für") line by line with ftfy; (text, lines fixed).

    Only lines that show the typical byte pairs are handed to ftfy, so clean text costs one regex scan.
    """
    if not _MOJIBAKE.search(text):
        return text, 0
    import ftfy

    lines = text.split("\n")
    fixed = 0
    for i, line in enumerate(lines):
        if _MOJIBAKE.search(line):
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
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r"(?m)^ +| +$", "", text)
    return text
