"""figcheck.ingest.decode: bytes to text (encodings, binary files) and text normalisation."""
import pytest
from hypothesis import given, settings, strategies as st

from figcheck.ingest.base import IngestSkip
from figcheck.ingest.decode import decode_article_bytes, fix_mojibake, normalize_article_text

from .support import PDF, PNG


@pytest.mark.parametrize("data, encoding", [
    ("Straße € 5".encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + "Straße € 5".encode("utf-8"), "utf-8-sig"),
    ("Straße € 5".encode("utf-16"), "utf-16"),
    ("Straße € 5".encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
    ("Die Straße kostet 5 € und die Größe ist üblich, sagt der Bürgermeister.".encode("cp1252"), "cp1252"),
])
def test_decode_article_bytes(data, encoding):
    text, enc = decode_article_bytes(data)
    assert enc == encoding
    assert "Straße" in text and "€" in text and "\ufeff" not in text


@pytest.mark.parametrize("data, words", [
    (b"", "empty"), (PNG, "PNG"), (PDF, "PDF"), (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00", "ZIP"), (b"abc\x00\x00def\x00" * 10, "NUL"),
])
def test_decode_refuses_binary(data, words):
    with pytest.raises(IngestSkip) as exc:
        decode_article_bytes(data)
    assert words in str(exc.value)


def test_html_declared_charset():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Gr\xf6\xdfe: 5 \x80</p></body></html>'
    text, enc = decode_article_bytes(page.encode("latin-1"), html=True)
    assert enc == "cp1252" and "Größe: 5 €" in text


def test_normalize_article_text():
    raw = "A\u00a0B\u2009C\u202fD\r\nZei\u00adtung\rE\u200bF  G \nu\u0308ber\t\tx"
    out = normalize_article_text(raw)
    assert out == "A B C D\nZeitung\nEF G\nüber x"
    assert out.count("\n") == raw.count("\r\n") + raw.count("\r") - raw.count("\r\n") + raw.count("\n") - raw.count("\r\n")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_normalize_is_idempotent_and_keeps_lines(raw):
    once = normalize_article_text(raw)
    assert normalize_article_text(once) == once
    assert "\r" not in once and "\u00ad" not in once and "\u00a0" not in once
    unified = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    assert once.count("\n") == unified.count("\n")


def test_fix_mojibake():
    broken = "Die GrÃ¶ÃŸe fÃ¼r MÃ¤rkte â€“ 5 â‚¬\nSauber: Größe"
    fixed, n = fix_mojibake(broken)
    assert fixed == "Die Größe für Märkte – 5 €\nSauber: Größe" and n == 1
    assert fix_mojibake("Größe für Märkte") == ("Größe für Märkte", 0)


# --- text that is not UTF-8: the encodings German and English news is written in come first -----------------
@pytest.mark.parametrize("text, codec, encoding", [
    ("Größter Zukauf … 3,2 Mio. € für die Übernahme", "cp1252", "cp1252"),      # was read as Mac Turkish
    ("Die Bäckerei zahlt 4 € mehr – „gut so“, sagt sie.", "cp1252", "cp1252"),
    ("Größe: 5 Äpfel für Müller", "latin-1", "cp1252"),                        # Latin-1 decodes alike
    ("Übernahme für 12 Mio. Franken in Zürich", "latin-1", "cp1252"),
    ("Die Übernahme kostet 5 € je Aktie.", "iso8859_15", "iso8859_15"),         # '€' where Latin-1 has '¤'
    ("Größter Zukauf … 3,2 Mio. € für die Übernahme", "utf-16", "utf-16"),
])
def test_short_western_texts_decode_right(text, codec, encoding):
    got, enc = decode_article_bytes(text.encode(codec))
    assert got == text and enc == encoding


@pytest.mark.parametrize("text, codec", [
    ("Złoty spadł o 5 procent, a kurs wzrósł.", "cp1250"),
    ("Сделка стоит 5 миллиардов рублей.", "cp1251"),
    ("Η συμφωνία κοστίζει 5 δισ. ευρώ.", "cp1253"),
])
def test_other_alphabets_are_not_taken_for_cp1252(text, codec):
    got, enc = decode_article_bytes(text.encode(codec))
    assert enc != "cp1252" and got == text


def test_reads_as_western():
    from figcheck.ingest.decode import reads_as_western
    assert reads_as_western("Größe für Müller – 5 €")
    assert not reads_as_western("z³oty spad³")                                # a symbol inside words
    assert not reads_as_western("Ñäåëêà ñòîèò")                                 # Cyrillic read as cp1252
    assert not reads_as_western("Gr\x81\x9dße")                                 # control characters
