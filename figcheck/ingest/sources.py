"""sources.csv: outlet, url and published date per file, which wins over what the text says."""
from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from figcheck.common.paths import ROOT, StoryError
from figcheck.ingest.dates import parse_published


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
