"""One file, one folder, one story: ingest every article and write articles.csv, ingest_report.csv
and boilerplate.csv."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pandas as pd

from figcheck.common.files import write_csv_atomic
from figcheck.common.paths import ROOT, StoryError, list_stories
from figcheck.ingest.base import (
    ARTICLE_COLUMNS, BOILERPLATE_COLUMNS, HTML_EXTENSIONS, INGEST_EXTENSIONS, IngestResult, IngestSkip,
    REPORT_COLUMNS
)
from figcheck.ingest.boilerplate import classify_article_lines
from figcheck.ingest.cites import cite_canonical, cite_key, find_article_cites
from figcheck.ingest.dates import parse_published
from figcheck.ingest.decode import (
    control_ratio, decode_article_bytes, fix_mojibake, normalize_article_text
)
from figcheck.ingest.duplicates import find_duplicate_articles
from figcheck.ingest.html import markdown_to_text, extract_html_article
from figcheck.ingest.language import count_article_words, detect_article_language
from figcheck.ingest.segments import assemble_clean_text
from figcheck.ingest.sources import read_sources_csv


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
    if control_ratio(text) > 0.01:
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
        text = markdown_to_text(text)
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


def _choose_outlet(name: str, art: dict, outlets: dict, sources: dict) -> tuple[str, str]:
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


def _story_label(folder: Path) -> str:
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
        raise StoryError(f"no article folder {_story_label(folder)} (stories that exist: {stories})")
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
        raise StoryError(f"no usable article in {_story_label(folder)} "
                         f"({len(report)} file{'s' if len(report) != 1 else ''}{': ' + why if why else ''}) "
                         f"(stories that exist: {stories})")
    dups = find_duplicate_articles({f: a["text"] for f, a in arts.items()})
    rows = []
    for name, art in arts.items():
        src = sources.get(name, {})
        outlet, outlet_from = _choose_outlet(name, art, outlets, sources)
        cites = find_article_cites(art["text"], outlet, art["segments"])
        agency = cite_canonical(art["agency"]) if art["agency"] else ""
        if agency and cite_key(agency) not in {cite_key(c) for c in cites}:
            cites = [agency] + cites
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
