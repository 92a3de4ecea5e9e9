"""The logic of the figure-check collection, in sections that follow the pipeline.

    0. Common    paths, story parameters, atomic writes, number formatting    (every stage)
    1. Ingest    read, decode, clean and describe the articles                (notebook 01)
    2. Extract   every figure, its hedge, its interval and what it measures   (notebook 02)
    3. Compare   consensus, outliers, contradictions, derived checks, sources (notebook 03)
    4. Charts    narrative charts in the house style                          (notebook 04)
    5. Report    one self-contained page to share                             (end of a run)

Notebooks call these functions and show the results; every function is small, pure where it
can be, and tested in tests/. Nothing here does I/O at import time.
The tables passed between stages are described in docs/tables.md.
"""
from __future__ import annotations

import base64
import bisect
import codecs
import csv
import datetime as _dt
import hashlib
import html
import html as _html
import io
import json
import math
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import matplotlib.style as _mpl_style
import pandas as pd
import yaml
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

# ============================================================================
# 0. Common: paths, story parameters, atomic writes
# ============================================================================
# ---------------------------------------------------------------------------
# Paths: everything is anchored on the location of this file, never on the
# working directory (papermill, nbval and JupyterLab all start kernels elsewhere).
# ---------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parent
DATA_DIR = ROOT / "data"
OUTPUT_DIR = ROOT / "output"
NOTEBOOK_DIR = ROOT / "notebooks"
DEFAULT_STORY = "meta-scale-ai"
STORY_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class StoryError(Exception):
    """A story folder that is missing, empty or unusable: one clear line for the reader."""


class ParameterError(Exception):
    """A story parameter that is unknown or of the wrong type: names the key and the valid ones."""


@dataclass(frozen=True)
class StoryPaths:
    story: str
    data: Path
    articles: Path
    story_yaml: Path
    sources_csv: Path
    output: Path
    charts: Path
    notebooks: Path

    def out(self, name: str) -> Path:
        """Path of one output table, e.g. paths.out("figures.csv")."""
        return self.output / name


def story_paths(story: str = DEFAULT_STORY) -> StoryPaths:
    data = DATA_DIR / story
    output = OUTPUT_DIR / story
    return StoryPaths(
        story=story,
        data=data,
        articles=data / "articles",
        story_yaml=data / "story.yaml",
        sources_csv=data / "sources.csv",
        output=output,
        charts=output / "charts",
        notebooks=output / "notebooks",
    )


def list_stories() -> list[str]:
    """Names of the story folders under data/ that hold an articles/ folder."""
    if not DATA_DIR.is_dir():
        return []
    return sorted(p.name for p in DATA_DIR.iterdir() if (p / "articles").is_dir())


def require_story(story: str) -> StoryPaths:
    """The story's paths, or a StoryError naming the folder and the stories that exist."""
    paths = story_paths(story)
    if not isinstance(story, str) or not STORY_SLUG.match(story or ""):
        raise StoryError(f"'{story}' is not a story name (use lowercase letters, digits and '-').")
    if not paths.articles.is_dir():
        known = ", ".join(list_stories()) or "none"
        raise StoryError(
            f"no story folder {paths.articles.relative_to(ROOT)}/ "
            f"(stories that exist: {known}; create one with `make new-story STORY={story}`)"
        )
    return paths


# ---------------------------------------------------------------------------
# Story parameters: one schema, used by every notebook's parameters cell, by
# story.yaml validation and by `make new-story` (which writes it out, documented).
# ---------------------------------------------------------------------------
# name: (allowed python types, default, one-line documentation)
PARAMETERS: dict[str, tuple[tuple[type, ...], object, str]] = {
    "story": ((str,), DEFAULT_STORY, "folder name under data/ (set by `make run STORY=...`)"),
    "title": ((str,), "", "the story's title for charts and the report; empty: taken from the articles"),
    "language": ((str,), "auto", "language of titles and findings: auto (the articles' majority), de or en"),
    "quantities": ((dict,), {}, "extra or overridden quantities: name -> {cues: [words], unit: USD|percent|count|...}"),
    "relations": ((list,), [], "derived checks: [{result: valuation, numerator: deal_amount, denominator: stake}] or "
                  "[{result: total, factors: [price_per_share, shares]}]"),
    "outlets": ((dict,), {}, "outlet name per article file, overriding sources.csv and the text: {file: outlet}"),
    "exclude": ((list,), [], "article files to leave out of the analysis"),
    "tolerance": ((float, int), 0.05, "relative tolerance for two figures to agree (0.05 = 5 %)"),
}
LANGUAGES = ("auto", "de", "en")


def default_params() -> dict:
    return {k: (v[1].copy() if isinstance(v[1], (dict, list)) else v[1]) for k, v in PARAMETERS.items()}


def validate_params(params: dict) -> dict:
    """Check story parameters; return them completed with defaults.

    Raises ParameterError with one message naming the offending key and the valid ones.
    """
    if not isinstance(params, dict):
        raise ParameterError(f"story parameters must be a mapping of key: value, not {type(params).__name__}")
    valid = ", ".join(PARAMETERS)
    unknown = [k for k in params if k not in PARAMETERS]
    if unknown:
        raise ParameterError(f"unknown parameter '{unknown[0]}'; valid parameters are: {valid}")
    out = default_params()
    for key, value in params.items():
        types, _default, doc = PARAMETERS[key]
        if value is None:  # an empty entry in story.yaml means "use the default"
            continue
        if isinstance(value, bool) or not isinstance(value, types):
            names = " or ".join(t.__name__ for t in types)
            raise ParameterError(f"parameter '{key}' must be {names}, got {type(value).__name__} {value!r} ({doc})")
        out[key] = value
    if out["language"] not in LANGUAGES:
        raise ParameterError(f"parameter 'language' must be one of {', '.join(LANGUAGES)}, got {out['language']!r}")
    if not 0 <= float(out["tolerance"]) < 1:
        raise ParameterError(f"parameter 'tolerance' must be between 0 and 1, got {out['tolerance']!r}")
    out["tolerance"] = float(out["tolerance"])
    for name, spec in out["quantities"].items():
        if not isinstance(spec, dict) or not isinstance(spec.get("cues", []), list):
            raise ParameterError(f"quantity '{name}' must be a mapping with 'cues' (a list of words) and 'unit'")
        extra = set(spec) - {"cues", "unit", "label"}
        if extra:
            raise ParameterError(f"quantity '{name}' has unknown key '{sorted(extra)[0]}'; valid keys: cues, unit, label")
    for rel in out["relations"]:
        if not isinstance(rel, dict) or "result" not in rel:
            raise ParameterError("each entry of 'relations' must be a mapping with 'result' and "
                                 "'numerator'/'denominator' or 'factors'")
    for key in ("outlets",):
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in out[key].items()):
            raise ParameterError(f"parameter '{key}' must map file names to outlet names (text)")
    if not all(isinstance(x, str) for x in out["exclude"]):
        raise ParameterError("parameter 'exclude' must be a list of file names")
    return out


def notebook_params(namespace: dict, before: set) -> dict:
    """Validate the parameters a notebook received.

    `before` is the set of names defined before the parameters cell; every name added since
    (by the parameters cell or papermill's injected cell) is a parameter, so a misspelt key in
    story.yaml is caught here instead of being silently ignored.

    The story's story.yaml applies here too, so a notebook opened in JupyterLab (or run by
    nbval) gives the same results as `make run`: a value the parameters cell sets away from
    its default wins, story.yaml fills the rest. Under papermill the injected values already
    are story.yaml's, so nothing changes there.
    """
    given = {k: v for k, v in namespace.items() if k not in before and not k.startswith("_")}
    params = validate_params(given)
    from_file = read_story_yaml(params["story"]) if STORY_SLUG.match(params["story"]) else {}
    if not from_file:
        return params
    defaults = default_params()
    merged = {**from_file, "story": params["story"]}
    merged.update({k: v for k, v in given.items() if k != "story" and v != defaults[k]})
    return validate_params(merged)


def read_story_yaml(story: str) -> dict:
    """The story's story.yaml as a dict ({} when absent); ParameterError when it is malformed."""
    path = story_paths(story).story_yaml
    if not path.exists():
        return {}
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ParameterError(f"{path.relative_to(ROOT)} is not valid YAML: {str(exc).splitlines()[0]}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ParameterError(f"{path.relative_to(ROOT)} must hold key: value lines, not a {type(loaded).__name__}")
    return loaded


def load_story(story: str) -> dict:
    """Validate a story before a run: the folder exists and its story.yaml is well-formed."""
    require_story(story)
    params = dict(read_story_yaml(story))
    params["story"] = story
    return validate_params(params)


# ---------------------------------------------------------------------------
# Atomic, deterministic output: a failed run never leaves a half-written file,
# and the same inputs give the same bytes.
# ---------------------------------------------------------------------------
_UMASK = os.umask(0)
os.umask(_UMASK)


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def write_text_atomic(path: Path, text: str) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_csv_atomic(df: pd.DataFrame, path: Path) -> Path:
    """Write a table as UTF-8 CSV with \\n line ends, all or nothing."""
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return write_text_atomic(path, buf.getvalue())


# Columns of the tables in docs/tables.md that hold numbers; every other column is text.
NUMERIC_COLUMNS = frozenset({
    "start", "end", "value", "low", "high", "sentence_start", "word_count", "similarity", "bytes",
    "lines_removed", "line", "n_outlets", "n_figures", "consensus_low", "consensus_high", "median",
    "min", "max", "spread", "support", "independent_sources", "factor", "rank", "score"})


def read_table(path: Path) -> pd.DataFrame:
    """Read a table this collection wrote; empty strings stay empty strings, not NaN, in text columns."""
    path = Path(path)
    if not path.exists():
        raise StoryError(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} is missing: "
                         "run the notebooks before it first (make run)")
    df = pd.read_csv(path, keep_default_na=False, na_values=[""], dtype_backend="numpy_nullable")
    for col in df.columns:
        if df[col].dtype == object or str(df[col].dtype).startswith("string"):
            df[col] = df[col].fillna("").astype(object)
        elif df[col].isna().all() and col not in NUMERIC_COLUMNS:
            # a text column that happens to be empty in every row (no article names its outlet)
            # must not come back as a column of integer NAs
            df[col] = pd.Series([""] * len(df), index=df.index, dtype=object)
        elif df[col].isna().all():
            df[col] = pd.array([pd.NA] * len(df), dtype="Float64")
    return df


def article_label(file: str, outlet: str = "", language: str = "en") -> str:
    """How charts and messages name an article: its outlet, else 'article 001' / 'Artikel 001'."""
    if isinstance(outlet, str) and outlet.strip():
        return outlet.strip()
    stem = Path(str(file)).stem
    short = stem.split("_")[0] if "_" in stem else stem
    return f"{'Artikel' if language == 'de' else 'article'} {short}"


# ---------------------------------------------------------------------------
# Table cells: one reading of empty, numeric and JSON cells for every section.
# ---------------------------------------------------------------------------
def cell_float(x) -> float:
    """A table cell as float; NaN for None, NA, empty text or text that is not a number."""
    try:
        if x is None or x is pd.NA or isinstance(x, bool) or (isinstance(x, str) and not x.strip()):
            return math.nan
        return float(x)
    except (TypeError, ValueError):
        return math.nan


def cell_json(cell, default):
    """A JSON cell (list or object) parsed; `default` when empty, malformed or of another type."""
    if isinstance(cell, (list, dict)):
        return cell if isinstance(cell, type(default)) else default
    if not isinstance(cell, str) or not cell.strip():
        return default
    try:
        out = json.loads(cell)
    except ValueError:
        return default
    return out if isinstance(out, type(default)) else default


# ---------------------------------------------------------------------------
# The story's language: one rule for findings, charts and the report.
# ---------------------------------------------------------------------------
def story_language(articles: pd.DataFrame | None, setting: str = "auto") -> str:
    """The language findings, charts and the report are written in: "de" or "en".

    1. An explicit setting ("de" or "en", the story parameter `language`) wins.
    2. Otherwise the majority of articles.csv `language` (only de and en articles count).
    3. A tie goes to the language of the earliest-published de/en article (`published`,
       any date pandas can read); when no such article has a date, to the language of
       the first de/en article by file name.
    4. With no de or en article at all: "en".
    """
    if setting in ("de", "en"):
        return setting
    if not isinstance(articles, pd.DataFrame) or "language" not in articles.columns or articles.empty:
        return "en"
    arts = articles.copy()
    arts["_lang"] = arts["language"].map(lambda x: str(x).strip().lower() if isinstance(x, str) else "")
    arts = arts[arts["_lang"].isin(["de", "en"])]
    if arts.empty:
        return "en"
    counts = arts["_lang"].value_counts()
    de, en = int(counts.get("de", 0)), int(counts.get("en", 0))
    if de != en:
        return "de" if de > en else "en"
    files = arts["file"].astype(str) if "file" in arts.columns else pd.Series([""] * len(arts), index=arts.index)
    arts["_file"] = files
    if "published" in arts.columns:
        dates = [pd.to_datetime(str(p), errors="coerce", utc=True) if isinstance(p, str) and p.strip() else pd.NaT
                 for p in arts["published"]]
        arts["_date"] = dates
        dated = arts[arts["_date"].notna()]
        if not dated.empty:
            return str(dated.sort_values(["_date", "_file"], kind="stable")["_lang"].iloc[0])
    return str(arts.sort_values("_file", kind="stable")["_lang"].iloc[0])


def join_words(items: list[str], language: str = "en") -> str:
    """'A, B und C' / 'A, B and C' (empty items left out)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" und " if language == "de" else " and ") + items[-1]


# ---------------------------------------------------------------------------
# Numbers the way the story's language writes them: one formatter for findings,
# charts and the report. style="short" (charts, tables): de "14,3 Mrd. $", "49 %",
# en "$14.3bn", "49%"; style="long" (sentences of findings): de "14,3 Milliarden USD",
# en "14.3 billion USD".
# ---------------------------------------------------------------------------
_COMMON_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_COMMON_SCALES = {
    ("de", "short"): [(1e12, "Bio.", "Bio."), (1e9, "Mrd.", "Mrd."), (1e6, "Mio.", "Mio.")],
    ("en", "short"): [(1e12, "trn", "trn"), (1e9, "bn", "bn"), (1e6, "m", "m")],
    ("de", "long"): [(1e12, "Billion", "Billionen"), (1e9, "Milliarde", "Milliarden"), (1e6, "Million", "Millionen")],
    ("en", "long"): [(1e12, "trillion", "trillion"), (1e9, "billion", "billion"), (1e6, "million", "million")],
}
_COMMON_RANGE_WORDS = {"de": ("bis", "mindestens", "höchstens"), "en": ("to", "at least", "at most")}


def format_number(x: float, language: str = "de", decimals: int | None = None) -> str:
    """x with the language's separators (de 14,3 / 12.000 / 1200; en 14.3 / 12,000), hyphen-minus sign.

    Without `decimals`: as few as show the value exactly (up to two), else one; below 1,
    two significant digits (0.0049). German four-digit numbers have no separator (Duden).
    """
    if decimals is None:
        decimals = next((d for d in (0, 1, 2) if abs(round(x, d) - x) <= 1e-9 * max(1.0, abs(x))), None)
        if decimals is None:
            decimals = 1 if abs(x) >= 1 else min(6, 1 - math.floor(math.log10(abs(x))))
    s = f"{abs(x):,.{decimals}f}"
    if language == "de":
        s = s.replace(",", "\u0001").replace(".", ",").replace("\u0001", ".")
        if abs(x) < 10000:
            s = s.replace(".", "")
    return ("-" if x < 0 and s.strip("0.,") else "") + s


def _common_scale(value: float, language: str, style: str, plural: bool) -> tuple[float, str]:
    """(scaled value, scale word) for big numbers: de Mrd./Milliarden, en bn/billion; ('', value) below a million."""
    for factor, one, many in _COMMON_SCALES[(language, style)]:
        if abs(value) >= factor * 0.9995:
            scaled = value / factor
            return scaled, (one if not plural and abs(scaled - 1) < 1e-9 else many)
    return value, ""


def _common_amount_parts(value: float, unit: str, language: str, style: str = "short",
                         plural: bool = False) -> tuple[str, str, str]:
    """(prefix, number, suffix) of a formatted figure, so that a range can share the unit."""
    language = "en" if language == "en" else "de"
    style = "long" if style == "long" else "short"
    unit = unit.strip() if isinstance(unit, str) else ""
    if unit == "percent":
        return "", format_number(value, language), " %" if language == "de" else "%"
    if unit == "percentage_points":
        words = {("de", "short"): " Pp.", ("en", "short"): " points",
                 ("de", "long"): " Prozentpunkte", ("en", "long"): " percentage points"}
        return "", format_number(value, language), words[(language, style)]
    if unit in ("year", "date"):
        return "", (str(int(round(value))) if abs(value - round(value)) < 1e-9 else format_number(value, language)), ""
    if unit == "ordinal":
        n = int(round(value))
        suffix = "." if language == "de" else {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, "th")
        return "", str(n), suffix
    money = bool(re.fullmatch(r"[A-Z]{3}", unit))
    if not money and unit != "count":
        return "", format_number(value, language), ""
    scaled, name = _common_scale(value, language, style, plural)
    number = format_number(scaled, language)
    if style == "long":
        tail = " ".join(w for w in (name, unit if money else "") if w)
        return "", number, f" {tail}" if tail else ""
    if unit == "count":
        return "", number, (f" {name}" if language == "de" and name else name)
    symbol = _COMMON_SYMBOLS.get(unit, unit)
    if language == "de":
        return "", number, f" {name} {symbol}" if name else f" {symbol}"
    sign = "-" if number.startswith("-") else ""
    return f"{sign}{symbol}{' ' if len(symbol) > 1 else ''}", number.lstrip("-"), name


def format_amount(value, unit: str, language: str = "de", style: str = "short") -> str:
    """A figure as the story's language writes it; '' for an empty or non-finite value.

    style="short" (charts, tables): de "14,3 Mrd. $", "1 Mrd. $", "49 %", "1,2 Mio.";
    en "$14.3bn", "$1bn", "49%", "1.2m". style="long" (sentences): de "14,3 Milliarden USD",
    "1 Milliarde USD", en "14.3 billion USD". Money in ISO 4217 codes (USD $, EUR €,
    GBP £, JPY ¥, others by code), percent, percentage points, counts, years, dates, ordinals.
    """
    v = cell_float(value)
    if not math.isfinite(v):
        return ""
    prefix, number, suffix = _common_amount_parts(v, unit, language, style)
    return f"{prefix}{number}{suffix}"


def format_range(low, high, unit: str, language: str = "de", style: str = "short") -> str:
    """A range the way the language writes it.

    short: de "10 bis 15 Mrd. $", en "$10bn to $15bn"; long: de "14,3–15 Milliarden USD",
    en "14.3–15 billion USD". Equal ends give one value; a missing or infinite end gives
    "mindestens 10 Mrd. $" / "at most $65bn"; '' when both are missing.
    """
    language = "en" if language == "en" else "de"
    to, at_least, at_most = _COMMON_RANGE_WORDS[language]
    lo, hi = cell_float(low), cell_float(high)
    lo_ok, hi_ok = math.isfinite(lo), math.isfinite(hi)
    if not lo_ok and not hi_ok:
        return ""
    if not lo_ok:
        return f"{at_most} {format_amount(hi, unit, language, style)}"
    if not hi_ok:
        return f"{at_least} {format_amount(lo, unit, language, style)}"
    if abs(lo - hi) <= 1e-9 * max(1.0, abs(hi)):
        return format_amount(lo, unit, language, style)
    p1, n1, s1 = _common_amount_parts(lo, unit, language, style, plural=True)
    p2, n2, s2 = _common_amount_parts(hi, unit, language, style, plural=True)
    shared = (p1, s1) == (p2, s2)
    if shared and n1 == n2:
        return format_amount(lo, unit, language, style)
    if style == "long":
        if shared:
            return f"{p1}{n1}–{n2}{s1}"
        return f"{format_amount(lo, unit, language, style)} – {format_amount(hi, unit, language, style)}"
    if language == "de" and shared:
        return f"{p1}{n1} {to} {n2}{s2}"
    return f"{p1}{n1}{s1} {to} {p2}{n2}{s2}"


# ============================================================================
# 1. Ingest: read, decode, clean and describe the articles (notebook 01)
# ============================================================================
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
# One name for the short and long forms of an outlet: a cite is shown under the name on the right, and two
# forms count as one source ('FT' and 'Financial Times'). Keys are compared with _ingest_cite_key.
_INGEST_CITE_ALIASES = {
    "FT": "Financial Times", "WSJ": "Wall Street Journal", "NYT": "New York Times",
    "SZ": "Süddeutsche Zeitung", "Süddeutsche": "Süddeutsche Zeitung",
    "FAZ": "Frankfurter Allgemeine", "F.A.Z.": "Frankfurter Allgemeine",
    "Frankfurter Allgemeine Zeitung": "Frankfurter Allgemeine", "FAZ.net": "Frankfurter Allgemeine",
    "Associated Press": "AP", "Deutsche Presse-Agentur": "dpa", "Agence France-Presse": "AFP",
    "Agence France Presse": "AFP", "Bloomberg News": "Bloomberg", "Dow Jones Newswires": "Dow Jones",
    "BBC News": "BBC", "NZZ": "Neue Zürcher Zeitung", "WiWo": "Wirtschaftswoche", "Spiegel Online": "Spiegel",
    "Focus Online": "Focus", "heise online": "heise", "Bild-Zeitung": "Bild", "SCMP": "South China Morning Post",
}
_INGEST_CITE_ALIAS_KEYS = {_ingest_cite_key(k): v for k, v in _INGEST_CITE_ALIASES.items()}
# German inflected forms of built-in names ('der Süddeutschen Zeitung', 'der Frankfurter Allgemeinen'):
# an adjective ending in -sche/-ne/-ue before another capitalised word, or a final 'Allgemeine', takes an -n.
_INGEST_INFLECT_WORD = re.compile(r"\b(?!(?:Die|The|Le|La)\b)([A-ZÄÖÜ]\w+(?:sche|ne|ue))\b(?=\s+[A-ZÄÖÜ])|\b(Allgemeine|Süddeutsche)$")
_INGEST_KNOWN_INFLECTED = {
    _INGEST_INFLECT_WORD.sub(lambda m: (m.group(1) or m.group(2)) + "n", n): n
    for n in INGEST_KNOWN_OUTLETS + list(_INGEST_CITE_ALIASES)
    if not n.startswith(("Die ", "Der ")) and _INGEST_INFLECT_WORD.search(n)}


def _ingest_cite_canonical(name: str) -> str:
    """The name a cite is shown and counted under: German inflection undone ('Süddeutschen Zeitung' ->
    'Süddeutsche Zeitung'; for names not built in, '-ischen'/'-schen' before a capitalised word and a final
    'Allgemeinen' lose the -n) and short forms joined to one name (_INGEST_CITE_ALIASES: 'FT' -> 'Financial Times')."""
    name = _INGEST_KNOWN_INFLECTED.get(name) or re.sub(
        r"\b([A-ZÄÖÜ]\w+(?:isch|sch))en\b(?=\s+[A-ZÄÖÜ])|\b(Allgemein)en$", lambda m: (m.group(1) or m.group(2)) + "e", name)
    return _INGEST_CITE_ALIAS_KEYS.get(_ingest_cite_key(name), name)


_INGEST_KNOWN_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(
    set(INGEST_KNOWN_OUTLETS) | set(_INGEST_CITE_ALIASES) | set(_INGEST_KNOWN_INFLECTED), key=len,
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
# A lower-case word other than a linking word inside quotes: a quotation, not a name ('"Time to act"').
_INGEST_QUOTE_NOT_NAME = re.compile(r"(?<![\w.&'’-])(?!(?:of|the|and|for|on|am|im|in|an|der|die|das|des|und|für|von|"
                                    r"zu|online|de|du|la|le|el|y|et|di|della)(?![\w'’]))[a-zäöüß][\w'’-]*")
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
            if not name or len(name.split()) > 4 or re.search(r"[.!?,;:]$", name) or _INGEST_QUOTE_NOT_NAME.search(name):
                continue           # a quotation ('"This time it's different"'), not a title
            before, after = chunk[max(0, m.start() - 60):m.start()], chunk[m.end():m.end() + 50]
            if re.search(r":\s*$", before):
                continue           # 'told the paper: "..."' introduces speech
            if _INGEST_CITE_BEFORE.search(before) or _INGEST_CITE_AFTER.match(after):
                found.append((rs + m.start(1), name))
        for m in _INGEST_MEDIA_NOUN.finditer(chunk):
            found.append((rs + m.start("name"), re.sub(r"['’]s$", "", m.group("name").strip(" .,"))))
        for m in _INGEST_AGENCY_PARENS.finditer(chunk):
            for k, name in enumerate(re.split(r"\s*[/,]\s*", m.group("names"))):
                found.append((rs + m.start("names") + k, name))
    own = _ingest_cite_key(_ingest_cite_canonical(own_outlet)) if own_outlet else ""
    out: list[str] = []
    keys: set[str] = set()
    for _pos, name in sorted(found, key=lambda t: t[0]):
        name = _ingest_cite_canonical(name)
        key = _ingest_cite_key(name)
        if not key or key == own or key in keys:
            continue
        keys.add(key)
        out.append(name)
    return out


# ---------------------------------------------------------------------------
# Duplicates
# ---------------------------------------------------------------------------
def _ingest_shingles(text: str, vocab: dict, k: int = 5, sample: int = 20000) -> tuple[set, int]:
    """Word k-shingles of a text as integer hashes of word-id tuples (deterministic), and the number of
    them divisible by SHINGLE_SAMPLE_STEP. Only the first SHINGLE_MAX_WORDS words count; texts of more
    than `sample` words keep only the shingles divisible by SHINGLE_SAMPLE_STEP (an unbiased estimate
    at a fraction of the memory)."""
    ids = [vocab.setdefault(w, len(vocab)) for w in text.lower().split(maxsplit=SHINGLE_MAX_WORDS)[:SHINGLE_MAX_WORDS]]
    if len(ids) < k:
        grams = {hash(tuple(ids))} if ids else set()
    else:
        grams = {hash(g) for g in zip(*(ids[j:] for j in range(k)))}
    step = SHINGLE_SAMPLE_STEP
    if len(ids) > sample:
        grams = {g for g in grams if g % step == 0}
        return grams, len(grams)
    return grams, sum(1 for g in grams if g % step == 0)


def find_duplicate_articles(texts: dict[str, str], threshold: float = NEAR_DUPLICATE_THRESHOLD) -> dict[str, tuple[str, float]]:
    """{file: (earlier_file, similarity)} for texts that repeat an earlier one (in file-name order).

    Identical after normalisation: similarity 1.0. Nearly the same: of two texts' word-5-shingles,
    the share of the smaller set found in the other (containment) or the Jaccard index is >= threshold,
    and the shorter text has at least NEAR_DUPLICATE_MIN_RATIO of the longer one's words. This catches
    the same text under another headline, lightly edited, or with a paragraph added or cut; a long
    article that merely quotes a short one stays independent. similarity is the larger of the two
    scores. Each duplicate points to the most similar earlier original (never to another duplicate).

    Near linear in the total text: shared shingles are counted through an index from shingle to the
    originals holding it; a shingle held by more than SHINGLE_POSTINGS_MAX originals (stock phrases)
    is not followed further.
    """
    vocab: dict[str, int] = {}
    norm = {f: " ".join(re.sub(r"[^\w\s]+", " ", t.lower()).split()) for f, t in texts.items()}
    sizes = {f: norm[f].count(" ") + 1 if norm[f] else 0 for f in texts}
    digests: dict[str, str] = {}
    shingles: dict[str, tuple[set, int, bool]] = {}
    postings: dict[int, list[str]] = {}
    result: dict[str, tuple[str, float]] = {}
    for f in sorted(texts):
        digest = hashlib.sha256(norm[f].encode("utf-8")).hexdigest()
        if digest in digests and norm[f]:
            result[f] = (digests[digest], 1.0)
            continue
        digests.setdefault(digest, f)
        if not norm[f]:
            continue
        sh, n_sampled = _ingest_shingles(norm[f], vocab)
        sampled = sizes[f] > 20000
        shared: dict[str, int] = {}
        for g in sh:
            for o in postings.get(g, ()):
                shared[o] = shared.get(o, 0) + 1
        best, best_sim = "", 0.0
        for o, inter in shared.items():
            if min(sizes[f], sizes[o]) < NEAR_DUPLICATE_MIN_RATIO * max(sizes[f], sizes[o]):
                continue
            so, o_sampled_n, o_sampled = shingles[o]
            if sampled == o_sampled:
                na, nb = len(sh), len(so)
            else:      # compare on the sampled shingles of both (the intersection already is)
                na, nb = (len(sh), o_sampled_n) if sampled else (n_sampled, len(so))
            if not na or not nb:
                continue
            sim = max(inter / min(na, nb), inter / (na + nb - inter))
            sim = min(sim, 1.0)
            if sim > best_sim:
                best, best_sim = o, sim
        if best and best_sim >= threshold:
            result[f] = (best, min(round(best_sim, 3), 0.999))
            continue
        shingles[f] = (sh, n_sampled, sampled)
        for g in sh:
            held = postings.setdefault(g, [])
            if len(held) < SHINGLE_POSTINGS_MAX:
                held.append(f)
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
        agency = _ingest_cite_canonical(art["agency"]) if art["agency"] else ""
        if agency and _ingest_cite_key(agency) not in {_ingest_cite_key(c) for c in cites}:
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


# ============================================================================
# 2. Extract: every figure, its hedge and what it measures (notebook 02)
# ============================================================================
# ---------------------------------------------------------------------------
# Vocabulary: scales, currencies, percent words, number words
# ---------------------------------------------------------------------------
_EX_SCALES = {
    "tsd.": 1e3, "tsd": 1e3, "tausend": 1e3, "thousand": 1e3, "k": 1e3,
    "mio.": 1e6, "mio": 1e6, "million": 1e6, "millionen": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "mrd.": 1e9, "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    "bln": 1e9, "b": 1e9,
    "bio.": 1e12, "billionen": 1e12, "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12,
    "hundred": 1e2, "hundert": 1e2,
}
# words whose value depends on the language of the text: a German "Billion" is 10^12
_EX_SCALES_DE = {"billion": 1e12}

_EX_CURRENCY = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "us-$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "us-dollar": "USD", "us dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "a$": "AUD", "aud": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "hk$": "HKD", "hkd": "HKD",
    "nz$": "NZD", "nzd": "NZD", "s$": "SGD", "sgd": "SGD", "r$": "BRL", "brl": "BRL",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pfund": "GBP", "pfund sterling": "GBP", "pound": "GBP", "pounds": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP",
    "chf": "CHF", "fr.": "CHF", "sfr.": "CHF", "franken": "CHF", "schweizer franken": "CHF", "swiss francs": "CHF",
    "francs": "CHF",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rmb": "CNY",
    "₹": "INR", "inr": "INR", "rupien": "INR", "rupees": "INR", "₽": "RUB", "rub": "RUB", "rubel": "RUB",
    "roubles": "RUB", "rubles": "RUB", "₩": "KRW", "krw": "KRW", "won": "KRW",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "zloty": "PLN", "try": "TRY", "lira": "TRY",
    "rupiah": "IDR", "idr": "IDR", "rand": "ZAR", "zar": "ZAR", "reais": "BRL", "forint": "HUF",
    "huf": "HUF", "kronor": "SEK", "czk": "CZK", "mxn": "MXN", "ruble": "RUB", "rouble": "RUB",
}
# minor units: (currency or None = the text's money currency / the language's default, divisor)
_EX_MINOR = {"cent": None, "cents": None, "pence": "GBP", "p": "GBP", "rappen": "CHF", "euro cents": "EUR",
             "euro cent": "EUR", "euro-cent": "EUR", "euro-cents": "EUR", "eurocent": "EUR", "eurocents": "EUR",
             "us-cent": "USD", "us-cents": "USD", "dollar cents": "USD", "dollar-cents": "USD"}

_EX_PERCENT = {"%": "percent", "prozent": "percent", "v. h.": "percent", "v.h.": "percent", "per cent": "percent",
               "percent": "percent", "pct": "percent", "prozentpunkt": "percentage_points",
               "prozentpunkte": "percentage_points", "prozentpunkten": "percentage_points",
               "percentage point": "percentage_points", "percentage points": "percentage_points",
               "basispunkt": "bp", "basispunkte": "bp", "basispunkten": "bp", "basis point": "bp",
               "basis points": "bp", "bps": "bp", "bp": "bp"}

_EX_WORD_NUM = {
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "eines": 1, "one": 1, "a": 1, "an": 1,
    "eineinhalb": 1.5, "anderthalb": 1.5,
}
_EX_FRACTIONS = {"hälfte": 0.5, "halb": 0.5, "half": 0.5, "halves": 0.5, "drittel": 1 / 3, "third": 1 / 3,
                 "thirds": 1 / 3, "viertel": 0.25, "quarter": 0.25, "quarters": 0.25, "fünftel": 0.2,
                 "fifth": 0.2, "fifths": 0.2, "zehntel": 0.1, "tenth": 0.1, "tenths": 0.1}
_EX_ORDINAL_WORDS = {"zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "acht": 8,
                     "neunt": 9, "zehnt": 10, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                     "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

# vague amounts: lowercase stem -> (low, high, kind); kind "money" = amount of money unless a noun follows
_EX_VAGUE = [
    ("hundreds of thousands", 2e5, 1e6, "count"), ("tens of thousands", 2e4, 1e5, "count"),
    ("hundreds of millions", 2e8, 1e9, "money"), ("tens of millions", 2e7, 1e8, "money"),
    ("hundreds of billions", 2e11, 1e12, "money"), ("tens of billions", 2e10, 1e11, "money"),
    ("multimilliarden", 2e9, 1e12, "money"), ("multi-billion", 2e9, 1e12, "money"),
    ("multibillion", 2e9, 1e12, "money"), ("multi-million", 2e6, 1e9, "money"), ("multimillion", 2e6, 1e9, "money"),
    ("milliarden", 2e9, 1e12, "money"), ("billionen", 2e12, 1e15, "money"), ("millionen", 2e6, 1e9, "money"),
    ("billions", 2e9, 1e12, "money"), ("trillions", 2e12, 1e15, "money"), ("millions", 2e6, 1e9, "money"),
    ("billion-", 1e9, 1e12, "money"), ("million-", 1e6, 1e9, "money"), ("trillion-", 1e12, 1e15, "money"),
    ("hunderttausende", 2e5, 1e6, "count"), ("zehntausende", 2e4, 1e5, "count"), ("abertausende", 2e3, 1e5, "count"),
    ("aberhunderte", 200, 1e4, "count"), ("tausende", 2e3, 1e4, "count"), ("hunderte", 200, 1e3, "count"),
    ("dutzende", 24, 144, "count"), ("thousands", 2e3, 1e4, "count"), ("hundreds", 200, 1e3, "count"),
    ("dozens", 24, 144, "count"),
]

# ---------------------------------------------------------------------------
# The master pattern: one pass finds every candidate
# ---------------------------------------------------------------------------
_EX_SP = "[ \u00a0\u202f\u2009]"
_EX_MONTHS_DE = ("Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
                 "Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\.")
_EX_MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|December|"
                 "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.")
_EX_NUM = (r"[0-9]{1,3}(?:[.,'’\u00a0\u202f\u2009][0-9]{3})+(?:[.,][0-9]+)?(?![0-9])"
           r"|[0-9]{1,3}(?: [0-9]{3})+(?![0-9]|[.,][0-9])"
           r"|[0-9]+(?:[.,][0-9]+)?")
_EX_SCALE_RE = (r"Tsd\.|Tausend|Mio\.|Mio|Millionen|Million|Mrd\.|Mrd|Milliarden|Milliarde|Bio\.|Billionen|Billion|"
                r"[Tt]housand|[Mm]illions?|[Bb]illions?|[Tt]rillions?|mn|bn|tn|mln|bln|trn|Mn|Bn|MN|BN")
_EX_CUR_SUFFIX = (r"[Ee]uro[ -]?[Cc]ents?|US-Cents?|[Dd]ollar[ -][Cc]ents|"
                  r"US-Dollar|US-\$|US[ ]Dollars?|U\.S\.[ ]dollars|Dollars?|dollars?|USD|Euros?|euros?|EUR|€|\$|"
                  r"Schweizer[ ]Franken|Franken|Swiss[ ]francs|francs|CHF|Fr\.|Pfund[ ]Sterling|Pfund|"
                  r"pounds?[ ]sterling|pounds?|sterling|GBP|£|Yen|yen|JPY|Yuan|yuan|Renminbi|CNY|RMB|"
                  r"Rupien|rupees|INR|Rubel|roubles|rubles|RUB|Won|KRW|SEK|NOK|DKK|PLN|Zloty|AUD|CAD|HKD|"
                  r"rupiah|Rupiah|IDR|Rand|rand|ZAR|reais|Forint|forint|HUF|kronor|CZK|MXN|"
                  r"Cents?|cents?|pence|Rappen")
_EX_CUR_PREFIX = (r"(?:US\$|U\.S\.\$|US-\$|HK\$|NZ\$|CA\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|₽|₩)" + _EX_SP + "?|"
                  r"(?:USD|EUR|CHF|GBP|JPY|CNY|AUD|CAD|HKD|SEK|NOK|DKK|SFr\.|Fr\.)" + _EX_SP + "?")
_EX_PCT_RE = (r"%|Prozentpunkten|Prozentpunkte|Prozentpunkt|Prozent|v\.[ ]?H\.|per[ ]cent|percentage[ ]points?|"
              r"percent|pct|Basispunkten|Basispunkte|Basispunkt|basis[ ]points?|bps|bp")
_EX_SUPERL_DE_STEMS = ("größt", "groesst", "grösst", "höchst", "best", "wichtigst", "stärkst", "teuerst",
                       "wertvollst", "bedeutendst", "erfolgreichst", "beliebtest", "kleinst", "niedrigst",
                       "schlechtest", "reichst", "schnellst", "ältest", "häufigst", "längst", "schwächst",
                       "günstigst", "billigst", "weitest", "schwerst", "tiefst", "umsatzstärkst",
                       "bevölkerungsreichst", "meistverkauft", "platziert")
_EX_SUPERL_DE = "(?:" + "|".join(_EX_SUPERL_DE_STEMS) + ")e[nmrs]?"
_EX_SUPERL_EN = (r"(?:largest|biggest|highest|most|best|smallest|lowest|richest|oldest|longest|fastest|"
                 r"busiest|worst|strongest|weakest|top|leading)")
_EX_CARD_DE = (r"(?:[Zz]wei|[Zz]wan|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ech|[Ss]ieben|[Ss]ieb|[Aa]cht|[Nn]eun|"
               r"[Zz]ehn|[Ee]lf|[Zz]wölf|[Hh]undert|[Tt]ausend|[Ee]in(?=und|hundert|tausend))"
               r"(?:zwei|zwan|drei|vier|fünf|sechs|sech|sieben|sieb|acht|neun|zehn|elf|zwölf|zig|ßig|ssig|"
               r"hundert|tausend|und|eins|ein)*")
_EX_EN_ONES = "one|two|three|four|five|six|seven|eight|nine"
_EX_CARD_EN = (r"(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|"
               r"[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen|[Tt]wenty|"
               r"[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)"
               r"(?:-(?:" + _EX_EN_ONES + r"))?")
_EX_NOT_LETTER = r"(?![^\W\d_])"
_EX_TAIL = (
    r"(?:(?P<sp1>" + _EX_SP + r"?)(?P<scale>" + _EX_SCALE_RE + r")" + _EX_NOT_LETTER +
    r"|(?P<sscale>bn|mn|tn|[kKmMbB])" + _EX_NOT_LETTER + r")?"
    r"(?:" + _EX_SP + r"?(?P<pct>" + _EX_PCT_RE + r")" + _EX_NOT_LETTER +
    r"|(?P<pctadj>-?[Pp]rozentig\w{0,4}|-[Pp]rozent\w{0,12}|-per-?cent\w{0,4})"
    r"|(?P<pmin>p)" + _EX_NOT_LETTER +                # "300p": British pence, read in English text only
    r"|(?:" + _EX_SP + r"|-)?(?P<csuf>" + _EX_CUR_SUFFIX + r")" + _EX_NOT_LETTER + r")?"
)
# Numbers written with digits, matched at the start of each run of digits (or the currency sign
# or month name before it). Dates and things that are never figures come first: the first
# branch that matches wins.
_EX_NUMERIC = re.compile(
    r"(?P<date_iso>[0-9]{4}-[01][0-9]-[0-3][0-9])(?![0-9])"
    r"|(?P<date_dmy>[0-9]{1,2}\.[ ]?[0-9]{1,2}\.[ ]?(?:[0-9]{4}|[0-9]{2})(?![0-9.,]?[0-9])"
    r"|[0-9]{1,2}/[0-9]{1,2}/(?:[0-9]{4}|[0-9]{2})(?![0-9/]))"
    r"|(?P<date_dmon>[0-9]{1,2}(?:\.|st|nd|rd|th)?" + _EX_SP + r"(?:" + _EX_MONTHS_DE + "|" + _EX_MONTHS_EN +
    r")(?:,?" + _EX_SP + r"[0-9]{4})?)(?![0-9\w])"
    r"|(?P<date_mdy>(?:" + _EX_MONTHS_EN + r")" + _EX_SP + r"[0-9]{1,2}(?:st|nd|rd|th)?(?:," + _EX_SP +
    r"?[0-9]{4})?)(?![0-9])"
    r"|(?P<skip>[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?" + _EX_SP + r"?(?:Uhr|h\b|[ap]\.m\.|[ap]m\b|GMT|MEZ|CET|UTC)"
    r"|[0-9]+:[0-9]+(?::[0-9]+)*(?:[.,][0-9]+)?"
    r"|[0-9]{4}" + _EX_SP + r"?(?:GMT|UTC|BST|CET|CEST|MEZ|MESZ|EST|EDT|PST|PDT)\b"
    r"|[0-9]{1,2}" + _EX_SP + r"?(?:Uhr|[ap]\.m\.|[ap]m\b)"
    r"|\+[0-9]{1,3}[ ./-]?\(?[0-9]{1,5}\)?(?:[ ./-]?[0-9]{2,}){2,}"
    r"|\(0[0-9]{2,5}\)" + _EX_SP + r"?[0-9]{3,}(?:[ -][0-9]{2,})*"
    r"|0[0-9]{2,5}[/-][0-9]{3,}(?:[ -][0-9]{2,})*"
    r"|0[0-9]{3,}(?: [0-9]{2,})+(?![0-9.,])"
    r"|\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-][0-9]{4}(?![0-9])"
    r"|1-[0-9]{3}-[0-9]{3}-[0-9]{4}(?![0-9])"
    r"|[0-9]+[a-zA-Z_]+[0-9][0-9a-zA-Z_]*)"
    r"|(?P<numord>[0-9]+(?:st|nd|rd|th)(?:[ -]" + _EX_SUPERL_EN + r")?)(?![^\W\d_])"
    r"|(?P<num>(?P<cpre>" + _EX_CUR_PREFIX + r")?(?P<sign>(?<![\w.,)\]])[-+−](?=[0-9]))?"
    r"(?P<digits>" + _EX_NUM + r")" + _EX_TAIL + r")"
)
# Figures written in words, matched at the start of candidate words (see _ex_word_starts)
_EX_WORDS = re.compile(
    r"\b(?:"
    r"(?P<ordw>(?:[Zz]weit|[Dd]ritt|[Vv]iert|[Ff]ünft|[Ss]echst|[Ss]iebt|[Aa]cht|[Nn]eunt|[Zz]ehnt)"
    + _EX_SUPERL_DE + r"|(?:[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)"
    r"[ -]" + _EX_SUPERL_EN + r")" + _EX_NOT_LETTER +
    r"|"
    r"(?P<frac>(?:(?:[Dd]ie|[Dd]er|zur|[Ee]ine?|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Nn]eun|[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|"
    r"[Ff]our)" + _EX_SP + r"|[Tt]wo-|[Tt]hree-)?(?:Hälfte|Drittel|Viertel|Fünftel|Zehntel|[Hh]alf|thirds?|"
    r"quarters?|fifths?|tenths?))" + _EX_NOT_LETTER +
    r"|(?P<wnum>(?P<wsmall>(?:[Ee]ine[mnrs]?|[Ee]in|[Oo]ne|[Aa]n?)(?=" + _EX_SP +
    r"(?:Tausend|Millionen|Million|Milliarde|Billion|thousand|million|billion|trillion|hundred)\b)|[Ee]ineinhalb|"
    r"[Aa]nderthalb|(?P<cardde>" + _EX_CARD_DE + r")|(?P<carden>" + _EX_CARD_EN + r"))" + _EX_NOT_LETTER +
    r"(?:" + _EX_SP + r"(?P<wscale>Tausend|Millionen|Million|Milliarden|Milliarde|Billionen|Billion|thousand|"
    r"millions?|billions?|trillions?|hundred))?"
    r"(?:" + _EX_SP + r"(?P<wpct>Prozent|percent|per[ ]cent|Prozentpunkte|percentage[ ]points?)" + _EX_NOT_LETTER +
    r"|(?:" + _EX_SP + r"|-)(?P<wcsuf>" + _EX_CUR_SUFFIX + r")" + _EX_NOT_LETTER + r")?)"
    r"|(?P<vague>(?P<vword>(?:[Hh]undreds|[Tt]ens)[ ]of[ ](?:thousands|millions|billions)|[Mm]ulti-?(?:billion|million)\w*|"
    r"(?:[Mm]ulti)?[Mm]illiarden\w*|[Mm]illionen\w*|[Bb]illionen\w*|(?:[Bb]illion|[Mm]illion|[Tt]rillion)-"
    r"(?:dollar|euro|pound)\w*|(?:[Zz]ehn|[Hh]undert|[Aa]ber)?[Tt]ausende[nr]?|(?:[Aa]ber)?[Hh]underte[nr]?|"
    r"[Dd]utzende[nr]?|[Bb]illions|[Mm]illions|[Tt]rillions|[Tt]housands|[Hh]undreds|[Dd]ozens)(?![^\W\d_])"
    r"(?:" + _EX_SP + r"(?:of" + _EX_SP + r")?(?P<vcsuf>US-Dollar|Dollar|dollars|Euro|euros|pounds|Franken|francs|"
    r"yen|Yen|yuan|Yuan)" + _EX_NOT_LETTER + r")?)"
    r")"
)


def _ex_build_word_vocab() -> dict[str, str]:
    """Every word at which a figure written in words can start or end (both capitalisations).

    Finding candidates by set intersection over the text's words is much faster than letting a
    regular expression try every word start (the benchmark target is 3,000 articles a second).
    """
    de_ones = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
    de_tens = ["zwanzig", "dreißig", "dreissig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]
    words = set(de_ones[1:]) | set(de_tens) | {
        "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn",
        "hundert", "tausend", "eineinhalb", "anderthalb"}
    words |= {o + "und" + t for o in de_ones for t in de_tens}
    words |= {o + "hundert" for o in de_ones} | {o + "tausend" for o in de_ones}
    en = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred").split()
    words |= set(en)
    words |= {"hälfte", "drittel", "viertel", "fünftel", "zehntel", "half", "third", "thirds", "quarter",
              "quarters", "fifth", "fifths", "tenth", "tenths", "second", "fourth", "sixth", "seventh", "eighth",
              "ninth"}
    words |= {"hunderte", "hunderten", "hunderter", "tausende", "tausenden", "tausender", "zehntausende",
              "zehntausenden", "hunderttausende", "hunderttausenden", "abertausende", "abertausenden",
              "aberhunderte", "aberhunderten", "dutzende", "dutzenden", "dutzend", "thousands", "hundreds",
              "dozens", "thousand"}
    for pre in ("zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt"):
        for sup in _EX_SUPERL_DE_STEMS:
            for end in ("e", "en", "er", "es", "em"):
                words.add(pre + sup + end)
                if "ß" in sup:
                    words.add(pre + sup.replace("ß", "ss") + end)
    ones = "one two three four five six seven eight nine".split()
    words |= {t + "-" + o for t in en[17:26] for o in ones}
    words |= {"two-thirds", "three-quarters", "two-third", "three-quarter"}
    for o in ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"):
        for sup in _EX_SUPERL_EN.strip("(?:)").split("|"):
            words.add(o + "-" + sup)
    words |= {w[:1].upper() + w[1:] for w in words}
    # tokens as text.split() leaves them, with punctuation attached: token -> word
    out = {}
    for w in words:
        out[w] = w
        for p in ",.;:!?)\"“”»«'’":
            out[w + p] = w
        for p in "(\"„“«»":
            out[p + w] = w
    return out


_EX_WORD_VOCAB = _ex_build_word_vocab()
_EX_WORD_KEYS = frozenset(_EX_WORD_VOCAB)      # intersected with the text's tokens at C speed
# substrings that mark scale words and their compounds (Milliarde, Millionenbetrag, billion-dollar)
_EX_SCALE_STEMS = ("illiard", "illion")
# words after which a scale or fraction word may carry the figure's start ("eine Milliarde", "die Hälfte")
_EX_PUNCT_RE = re.compile("[.,;:!?()\\[\\]{}\"'«»„“”‚‘’\\-–—/…]")
_EX_PREFIX_BEFORE = re.compile(r"(?:\(|(?:" + _EX_CUR_PREFIX + r")?[-+−]?)\Z")
_EX_PREFIX_CHARS = frozenset("$€£¥₹₽₩+-−( \u00a0\u202f\u2009.")
_EX_MONTH_BEFORE = re.compile(r"(?:" + _EX_MONTHS_EN + r")" + _EX_SP + r"\Z")
# the same month names as plain strings: one str.endswith() call tells whether the regex can match
_EX_MONTH_ENDINGS = tuple(_EX_MONTHS_EN.replace("\\", "").split("|"))


# A safeguard, not a limit any article reaches: a text yields at most this many figures (the
# first ones), so that megabytes of digits and scale words cannot stall a run.
EXTRACT_MAX_FIGURES = 5000


def _ex_word_start(text: str, i: int) -> int:
    """Start of the word holding offset i (at most 40 characters back)."""
    lo = max(0, i - 40)
    while i > lo and (text[i - 1].isalpha()):
        i -= 1
    return i


def _ex_candidates(text: str) -> list:
    """Regex matches for every candidate figure, in text order, not overlapping."""
    nums = []
    last = 0
    for r in _EX_DIGIT_RUN.finditer(text):
        if len(nums) > EXTRACT_MAX_FIGURES:
            break
        p = r.start()
        if p < last:
            continue
        m = None
        c = text[p - 1] if p else ""
        if c and c in _EX_PREFIX_CHARS and (not c.isspace() or p > 1 and text[p - 2] in "DRFPYK.$€£¥₹₽₩"):
            b = _EX_PREFIX_BEFORE.search(text, max(0, p - 7), p)
            if b is not None and b.start() < p:
                m = _EX_NUMERIC.match(text, b.start())
        if m is None and c == " " and p > 3 and text[p - 2] in "yhletr." and \
                text.endswith(_EX_MONTH_ENDINGS, max(0, p - 11), p - 1):
            b = _EX_MONTH_BEFORE.search(text, max(0, p - 11), p)
            if b is not None:
                m = _EX_NUMERIC.match(text, b.start())
                if m is not None and m.lastgroup != "date_mdy":
                    m = None
        if m is None:
            m = _EX_NUMERIC.match(text, p)
        if m is not None and m.end() > p:
            nums.append(m)
            last = m.end()
        else:
            last = r.end()
    starts = set()
    found = {_EX_WORD_VOCAB[t] for t in _EX_WORD_KEYS.intersection(text.split())}
    for w in found:
        i = text.find(w)
        while i >= 0 and len(starts) <= 2 * EXTRACT_MAX_FIGURES:
            if (i == 0 or not text[i - 1].isalpha()) and (i + len(w) >= len(text) or not text[i + len(w)].isalpha()):
                starts.add(i)
            i = text.find(w, i + 1)
    for stem in _EX_SCALE_STEMS:
        i = text.find(stem)
        while i >= 0 and len(starts) <= 2 * EXTRACT_MAX_FIGURES:
            starts.add(_ex_word_start(text, i))
            i = text.find(stem, i + 1)
    words = []
    last = 0
    num_starts = [m.start() for m in nums]
    for i in sorted(starts):
        if i < last:
            continue
        k = bisect.bisect_right(num_starts, i) - 1
        if k >= 0 and nums[k].end() > i:
            continue                              # inside "14,3 Milliarden": read with its number
        if len(words) > EXTRACT_MAX_FIGURES:
            break
        m = None
        j = i - 1
        if j > 0 and text[j] in " \u00a0\u202f":
            pws = _ex_word_start(text, j)
            if pws < j:
                m = _EX_WORDS.match(text, pws)
                if m is not None and (m.end() <= i or pws < last):
                    m = None
        if m is None:
            m = _EX_WORDS.match(text, i)
        if m is not None:
            words.append(m)
            last = m.end()
    if not words:
        return nums
    out = []
    last = 0
    for m in sorted(nums + words, key=lambda x: (x.start(), -x.end())):
        if m.start() >= last:
            out.append(m)
            last = m.end()
    return out


# "[0-9][0-9]*", not "[0-9]+": the same runs, but a pattern that starts with a plain character set
# lets the regex engine skip to the next digit in a fast loop (twice as fast over a long text)
_EX_DIGIT_RUN = re.compile(r"[0-9][0-9]*")

# ---------------------------------------------------------------------------
# Context words (looked up in small dicts, never by scanning the text)
# ---------------------------------------------------------------------------
# hedge before a figure: phrase -> (qualifier, kind); kind picks the low/high rule
_EX_HEDGES = {
    # approx
    "rund": ("approx", "approx"), "etwa": ("approx", "approx"), "ca.": ("approx", "approx"),
    "circa": ("approx", "approx"), "zirka": ("approx", "approx"), "ungefähr": ("approx", "approx"),
    "schätzungsweise": ("approx", "approx"), "geschätzt": ("approx", "approx"), "geschätzte": ("approx", "approx"),
    "geschätzten": ("approx", "approx"), "annähernd": ("approx", "approx"), "um die": ("approx", "approx"),
    "an die": ("approx", "approx"), "grob": ("approx", "approx"), "about": ("approx", "approx"),
    "around": ("approx", "approx"), "roughly": ("approx", "approx"), "approximately": ("approx", "approx"),
    "approx.": ("approx", "approx"), "some": ("approx", "approx"), "an estimated": ("approx", "approx"),
    "estimated": ("approx", "approx"), "c.": ("approx", "approx"), "~": ("approx", "approx"),
    "in the region of": ("approx", "approx"), "circa.": ("approx", "approx"),
    # lower
    "über": ("lower", "lower"), "mehr als": ("lower", "lower"), "mindestens": ("lower", "lower"),
    "wenigstens": ("lower", "lower"), "gut": ("lower", "lower"), "oberhalb von": ("lower", "lower"),
    "jenseits von": ("lower", "lower"), "ab": ("lower", "lower"), "more than": ("lower", "lower"),
    "over": ("lower", "lower"), "at least": ("lower", "lower"), "upwards of": ("lower", "lower"),
    "in excess of": ("lower", "lower"), "above": ("lower", "lower"), "north of": ("lower", "lower"),
    "better than": ("lower", "lower"), "a minimum of": ("lower", "lower"),
    # upper, just below
    "fast": ("upper", "near"), "nahezu": ("upper", "near"), "knapp": ("upper", "near"),
    "beinahe": ("upper", "near"), "nearly": ("upper", "near"), "almost": ("upper", "near"),
    "just under": ("upper", "near"), "close to": ("upper", "near"), "knapp unter": ("upper", "near"),
    "just shy of": ("upper", "near"), "not quite": ("upper", "near"),
    # upper, a cap
    "bis zu": ("upper", "cap"), "höchstens": ("upper", "cap"), "maximal": ("upper", "cap"),
    "bis maximal": ("upper", "cap"), "up to": ("upper", "cap"), "at most": ("upper", "cap"),
    "as much as": ("upper", "cap"), "as many as": ("upper", "cap"), "no more than": ("upper", "cap"),
    "a maximum of": ("upper", "cap"),
    # upper, below
    "weniger als": ("upper", "below"), "unter": ("upper", "below"), "unterhalb von": ("upper", "below"),
    "less than": ("upper", "below"), "under": ("upper", "below"), "fewer than": ("upper", "below"),
    "below": ("upper", "below"),
}
_EX_HEDGE_MAXWORDS = 4
_EX_HEDGE_LAST = frozenset(h.rsplit(" ", 1)[-1] for h in _EX_HEDGES)
# words that may sit before "über"/"over" without making it a hedge, though capitalised
_EX_TIME_NOUNS = {"jahr", "jahre", "jahren", "monat", "monate", "monaten", "woche", "wochen", "tag", "tage",
                  "tagen", "quartal", "zeitraum", "insgesamt"}
# words after "over" that make it "during", not "more than"
_EX_DURATION = {"years", "year", "months", "month", "weeks", "week", "days", "decades", "hours", "jahre", "jahren",
                "monate", "monaten", "wochen", "tage", "tagen", "jahrzehnte"}
_EX_POST_HEDGE = re.compile(r"[ ,]{1,2}(?P<h>oder mehr|und mehr|or more|and more|plus|oder weniger|or less|"
                            r"or fewer|und darüber|and above|or above)\b")
_EX_RANGE_CONN = re.compile(r"-?(?P<c>[ ]?(?:-|–|—)[ ]?|[ ](?:bis|to|und|and|or|oder)[ ])")
_EX_YEAR_CUES = {"jahr", "jahre", "jahres", "jahren", "im", "seit", "bis", "ab", "von", "vor", "nach", "anfang",
                 "ende", "mitte", "frühjahr", "frühling", "sommer", "herbst", "winter", "in", "since", "until",
                 "by", "from", "year", "early", "late", "mid", "für", "for", "zwischen", "between", "of",
                 "geschäftsjahr", "geschäftsjahres", "saison", "quartal", "stand", "während", "during", "um",
                 "around", "circa", "ca.", "etwa", "before", "after", "spring", "summer", "autumn", "fall",
                 "end", "start", "beginning", "fiscal", "q1", "q2", "q3", "q4"}
_EX_MONTH_WORDS = {m.lower().rstrip(".") for m in (_EX_MONTHS_DE + "|" + _EX_MONTHS_EN).replace("\\", "").split("|")}
_EX_YEAR_CUES |= _EX_MONTH_WORDS
# capitalised words that may stand right before a bare number without it being a product name
_EX_NOT_PRODUCT = _EX_YEAR_CUES | {
    "the", "a", "an", "der", "die", "das", "den", "dem", "des", "ein", "eine", "im", "am", "um", "auf", "mit",
    "bei", "zu", "zum", "zur", "aus", "und", "oder", "aber", "doch", "nur", "noch", "schon", "bereits", "erst",
    "insgesamt", "damals", "heute", "jetzt", "mehr", "weitere", "alle", "diese", "dieser", "jeder", "jede",
    "only", "just", "about", "all", "some", "nearly", "almost", "over", "under", "these", "those", "another",
    "and", "or", "but", "with", "at", "on", "to", "per", "je", "pro", "platz", "rang", "rank", "no.", "nr.",
    "weitere", "rund", "etwa", "über", "fast", "knapp", "nahezu", "gut", "bis", "laut", "allein", "gerade",
    "mal", "top", "both", "beide", "total", "nun", "dann", "damit", "so", "als", "wie", "when", "as", "than",
    "because", "weil", "dass", "that", "which", "who", "while", "with", "without", "ohne", "gegen", "against",
}
_EX_IDENTIFIER_WORDS = {"nr.", "no.", "nummer", "number", "#", "artikel", "art.", "paragraf", "paragraph", "§",
                        "abs.", "kapitel", "chapter", "seite", "s.", "page", "p.", "pp.", "vol.", "band", "heft",
                        "issue", "folge", "episode", "staffel", "season", "version", "v.", "tel.", "fax",
                        "telefon", "phone", "postfach", "plz", "zimmer", "room", "gate", "flight", "flug",
                        "linie", "line", "route", "highway", "bus", "kw", "figure", "abbildung", "abb.",
                        "tabelle", "table", "grafik"}
_EX_FUNCTION_WORDS_EN = {
    "of", "and", "or", "the", "a", "an", "to", "in", "on", "at", "for", "by", "with", "from", "as", "is", "was",
    "were", "are", "be", "been", "has", "have", "had", "will", "would", "could", "should", "may", "might", "can",
    "that", "this", "these", "those", "than", "then", "but", "not", "per", "into", "over", "under", "after",
    "before", "since", "until", "up", "down", "out", "off", "more", "less", "so", "if", "when", "while", "which",
    "who", "whom", "what", "where", "it", "its", "their", "his", "her", "our", "your", "they", "he", "she", "we",
    "you", "i", "to", "times", "against", "between", "among", "during", "about", "around", "each", "other",
    "others", "percent", "cent", "million", "billion", "trillion", "thousand", "hundred", "bn", "m", "am", "pm",
    "also", "said", "says", "say", "last", "next", "ago", "earlier", "later", "only", "all", "both", "either",
    "nor", "yet", "via", "too", "very", "much", "many", "most", "least", "later", "compared", "versus", "vs",
    "through", "across", "despite", "there", "here", "because", "although", "though", "whether", "is", "being",
}
_EX_MEASURES = {"km", "m", "cm", "mm", "kg", "g", "t", "h", "min", "sek", "gb", "tb", "mb", "ghz", "mhz", "mw",
                "gw", "kw", "kwh", "gwh", "twh", "grad", "°c", "ha", "qm", "meter", "kilometer", "tonnen",
                "kilogramm", "gramm", "liter", "stunden", "minuten", "sekunden", "miles", "metres", "meters",
                "kilometres", "kilometers", "tonnes", "tons", "litres", "liters", "hours", "minutes", "seconds",
                "degrees", "mph", "feet", "inches", "acres", "hektar", "quadratmeter", "euro-cent", "milliseconds",
                "millisekunden", "kilobytes", "megabytes", "gigabytes", "terabytes", "megawatt", "gigawatt",
                "kilowatt", "kilowattstunden", "zentimeter", "millimeter", "celsius", "yards", "pounds-weight",
                "promille", "knoten", "volt", "watt", "pixel", "ps", "bar", "mbit/s", "prozentpunkte", "minute", "sekunde",
                "stunde", "zoll", "inch", "meile", "mile", "mal", "times", "fach", "grad", "metre", "meter",
                "kilometre", "kilometer", "tonne", "ton", "liter", "litre", "hektar", "seemeile", "byte", "gigabyte",
                "megabyte", "terabyte", "hertz", "kalorie", "calorie", "millisekunde", "millisecond", "lichtjahr",
                "jahrhundert", "jahrzehnt", "fuß", "fuss", "foot", "zentner", "pfund-gewicht", "megabit", "gigabit",
                "kilobit", "mbit", "gbit", "kbit", "megapixel", "kilokalorien", "kcal", "dezibel", "barrel"}
_EX_ABBREV_END = re.compile(
    r"(?:\b(?:Mio|Mrd|Tsd|Bio|ca|Nr|No|Dr|Prof|St|Inc|Co|Corp|Ltd|bzw|etc|vgl|usw|Jan|Feb|Mär|Apr|Aug|Sep|Sept|"
    r"Okt|Oct|Nov|Dez|Dec|Mr|Mrs|Ms|Hr|Fr|z\.B|u\.a|v\.a|d\.h|U\.S|a\.m|p\.m|v\.H|Abs|Art|Abb|Vol|S|p|pp|vs)"
    r"|\b[A-Z])\.$")
_EX_SENT_END = re.compile(r"[.!?…\n](?:(?<=\n)|[.!?…]*[\"'»«“”’)\]]*(?=\s))")


@lru_cache(maxsize=16384)
def _ex_float(digits: str, language: str) -> tuple[float, float]:
    """Parse a written number ('14,3', '1.000', '1 000', "1'000") as (value, unit of its last digit).

    The language decides between decimal comma (de) and decimal point (en); a separator
    followed by exactly three digits and not the language's decimal mark is a thousands
    separator; two different marks: the last is the decimal one.
    """
    s = digits
    for ch in (" ", "\u00a0", "\u202f", "\u2009", "'", "’"):
        if ch in s:
            s = s.replace(ch, "")
    ndot, ncom = s.count("."), s.count(",")
    if ndot and ncom:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif ndot + ncom == 1:
        sep = "." if ndot else ","
        head, _, tail = s.partition(sep)
        dec_mark = "," if language == "de" else "."
        if len(tail) == 3 and sep != dec_mark and head not in ("0", ""):
            s = head + tail
        else:
            s = head + "." + tail
    elif ndot + ncom > 1:
        s = s.replace(".", "").replace(",", "")
    try:
        value = float(s)
    except ValueError:
        return math.nan, math.nan
    unit = 10.0 ** -(len(s) - s.index(".") - 1) if "." in s else 1.0
    return value, unit


@lru_cache(maxsize=4096)
def _ex_word_value(word: str, language: str) -> float | None:
    """Value of a number word ('drei', 'fünfundzwanzig', 'twenty-five', 'eine'), or None."""
    w = word.lower()
    if w in _EX_WORD_NUM:
        return float(_EX_WORD_NUM[w])
    try:
        from text_to_num import text2num
    except ImportError:  # pragma: no cover - text2num is pinned in requirements.txt
        return None
    for lang in ((language, "de", "en") if language in ("de", "en") else ("de", "en")):
        try:
            return float(text2num(w, lang))
        except (ValueError, TypeError, IndexError, KeyError):
            continue
    return None


def _ex_prev_tokens(text: str, start: int, n: int = _EX_HEDGE_MAXWORDS + 2) -> tuple[list[str], int]:
    """Up to n words before `start` in the same sentence (as written), and how many words precede
    `start` in its sentence (99 when the sentence start lies beyond the 80-character window)."""
    lo = max(0, start - 80)
    window = text[lo:start]
    nl = window.rfind("\n")
    bounded = lo == 0 or nl >= 0
    if nl >= 0:
        window = window[nl + 1:]
    toks = window.split()
    if not bounded and toks and not window[0].isspace():
        toks = toks[1:]
    for i in range(len(toks) - 1, -1, -1):      # the last sentence end among the words, if any
        t = toks[i]
        c = t[-1]
        if c in ".!?" and not (c == "." and _ex_is_abbrev(t, len(t) - 1)):
            toks = toks[i + 1:]
            bounded = True
            break
    return toks[-n:], (len(toks) if bounded else 99)


@lru_cache(maxsize=65536)
def _ex_strip(tok: str) -> str:
    """A token without surrounding quotes and brackets, lowercased."""
    return tok.strip("\"'„“”«»‚‘’()[]{},;:").lower()


def _ex_find_hedge(toks: list[str]) -> tuple[str, str, int]:
    """(qualifier, rule, number of tokens) for the hedge phrase ending the token list, else ('', '', 0)."""
    if not toks or _ex_strip(toks[-1]) not in _EX_HEDGE_LAST:
        return "", "", 0
    low = [_ex_strip(t) for t in toks[-_EX_HEDGE_MAXWORDS:]]
    for k in range(min(_EX_HEDGE_MAXWORDS, len(low)), 0, -1):
        phrase = " ".join(low[-k:])
        hit = _EX_HEDGES.get(phrase)
        if hit:
            return hit[0], hit[1], k
    return "", "", 0


def _ex_bounds(value: float, qualifier: str, rule: str, digit_unit: float) -> tuple[float, float]:
    """low, high for a single value under its hedge (see the module docstring)."""
    if math.isnan(value):
        return math.nan, math.nan
    a = abs(value)
    if qualifier == "approx":
        band = max(0.10 * a, min(0.5 * digit_unit, 0.25 * a))
        return value - band, value + band
    if qualifier == "lower":
        return value, math.inf
    if qualifier == "upper":
        if rule == "near":
            lo, hi = 0.9 * value, value
        else:
            lo, hi = (0.0, value) if value >= 0 else (-math.inf, value)
        return min(lo, hi), max(lo, hi)
    return value, value


_EX_NEXT_WORD = re.compile(r"[ \u00a0\u202f]?((?:[^\W\d_]|-)*)")


def _ex_next_word(text: str, end: int) -> str:
    """The word right after `end` (skipping one space), as written, or ''.

    The letters and hyphens, at most 40 of them; one regex match does it, and the character loop
    runs only when the match holds a non-letter word character (superscripts, roman numerals).
    """
    n = len(text)
    m = _EX_NEXT_WORD.match(text, end, min(n, end + 41))
    j = m.start(1)
    w = m.group(1)[:40]
    if not w or w.isalpha() or w.replace("-", "").isalpha() or w.strip("-") == "":
        return w
    k = j
    while k < n and k - j < 40 and (text[k].isalpha() or text[k] == "-"):
        k += 1
    return text[j:k]


@lru_cache(maxsize=16384)
def _ex_is_measure(word: str) -> bool:
    """True for a unit of measurement or a multiplier ('km', 'Metern', 'Minuten', 'Mal', 'times')."""
    w = word.lower()
    if w in _EX_MEASURES:
        return True
    for suffix in ("n", "en", "s", "e"):
        if w.endswith(suffix) and w[: -len(suffix)] in _EX_MEASURES:
            return True
    return False


def _ex_count_noun(text: str, end: int, language: str, w: str | None = None) -> str:
    """The countable noun after a number ('Mitarbeiter', 'employees'), or '' when none follows;
    `w` is _ex_next_word(text, end) when the caller has it already."""
    if w is None:
        w = _ex_next_word(text, end)
    if not w or end < len(text) and not text[end].isspace():
        return ""
    if w[0].isupper():
        lw = w.lower()
        if lw in _EX_MONTH_WORDS or lw in ("uhr", "und", "bis", "oder") or lw in _EX_SCALES:
            return ""
        return w if language == "de" or len(w) > 2 else ""
    lw = w.lower()
    if language == "de" or lw in _EX_FUNCTION_WORDS_EN:
        # German: one adjective may stand between number and noun ("drei neue Produkte")
        if language == "de" and len(lw) > 3 and lw[-1] in "enrs" and lw not in ("oder", "aber", "unter", "über",
                                                                              "wieder", "immer", "nur"):
            w2 = _ex_next_word(text, end + 1 + len(w))
            if w2 and w2[0].isupper() and w2.lower() not in _EX_MONTH_WORDS:
                return w2
        return ""
    return w if len(w) > 2 else ""


def _ex_url_like(text: str, start: int, end: int) -> bool:
    """True when the number sits in a URL, e-mail address, file name or path."""
    lo = max(0, start - 60)
    a = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start)) + 1
    if a == 0 and lo > 0:
        a = lo
    b = end
    n = len(text)
    while b < n and b - end < 60 and not text[b].isspace():
        b += 1
    tok = text[a:b]
    if "://" in tok or "www." in tok or "@" in tok:
        return True
    if "/" in tok and tok.count("/") >= 2 or "=" in tok and ("?" in tok or "&" in tok):
        return True
    m = re.search(r"\.(?:pdf|jpe?g|png|gif|docx?|xlsx?|csv|html?|txt|zip|mp[34]|json|xml|pptx?)\b", tok, re.I)
    return bool(m)


# ---------------------------------------------------------------------------
# Quantities: what a figure measures
# ---------------------------------------------------------------------------
# name -> (unit class, cues). A cue is a word prefix ("investi" matches "investiert", "Investition");
# "*x" matches x anywhere in a word (German compounds: "Firmenbewertung"); "~x" is a weak cue (0.4),
# "!x" a strong one (1.5: words that name the quantity outright, "bewertet", "valued");
# a cue with a space is a phrase. Unit classes: money, percent, points, count, year, ordinal.
EXTRACT_QUANTITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "deal_amount": ("money", (
        "investi", "*investition", "übernahme", "*übernahme", "übernehm", "übernimmt", "übernommen", "kauf", "kauft",
        "gekauft", "*kaufpreis", "erwerb", "erwirbt", "erworben", "zukauf", "deal", "deals", "*deal", "transaktion",
        "einstieg", "~beteiligung", "~anteil", "~summe", "~betrag", "zahlt", "bezahlt", "~zahlen", "angebot",
        "*angebot", "offerte", "fusion", "mehrheit", "*mehrheit", "invest", "acquisition", "acquire", "buy", "buys",
        "bought", "purchase", "takeover", "transaction", "~stake", "paid", "pays", "pay", "paying", "offer", "bid",
        "merger", "~sum", "~amount", "majority", "~sold", "~sells", "versteigert", "~verkauft", "~verkauf",
    )),
    "valuation": ("money", (
        "!bewertet", "!bewertung", "!*bewertung", "~wert", "!valued", "!valuation", "!valuing", "!values",
        "~worth",
    )),
    "market_value": ("money", (
        "börsenwert", "*börsenwert", "marktwert", "marktkapitalisierung", "market value", "market cap",
        "market capitalisation", "market capitalization",
    )),
    "revenue": ("money", (
        "umsatz", "*umsatz", "umsätze", "erlös", "*erlöse", "einnahmen", "revenue", "revenues", "sales", "turnover",
    )),
    "profit": ("money", (
        "gewinn", "*gewinn", "überschuss", "ergebnis", "ebit", "ebitda", "profit", "profits", "net income",
        "earnings", "verdient",
    )),
    "loss": ("money", ("verlust", "*verlust", "fehlbetrag", "defizit", "loss", "losses", "deficit", "lost")),
    "price_per_share": ("money", ("je aktie", "pro aktie", "aktienkurs", "per share", "a share", "share price",
                                  "kurs", "*kurs")),
    "funding": ("money", ("finanzierungsrunde", "*finanzierungsrunde", "finanzierung", "risikokapital",
                          "eingesammelt", "sammelt", "funding", "raised", "raises", "raise", "~round", "venture")),
    "spending": ("money", ("ausgaben", "ausgeben", "investitionsausgaben", "infrastruktur", "*infrastruktur",
                           "rechenzentr", "initiative", "*initiativen", "budget", "*budget", "capex", "spending",
                           "spend", "capital expenditure", "data centre", "data center", "infrastructure",
                           "initiatives", "spent", "spends", "ausgegeben", "hardware")),
    "debt": ("money", ("schulden", "kredit", "*kredit", "darlehen", "*darlehen", "anleihe", "verbindlichkeiten",
                       "debt", "loan", "loans", "bond", "bonds", "borrow")),
    "price": ("money", ("kostet", "~kosten", "preis", "*preis", "price", "prices", "costs", "cost", "priced",
                        "ticket")),
    "backlog": ("money", ("auftragsbestand", "*auftragsbestand", "auftragseingang", "backlog", "order book",
                          "orders")),
    "fine": ("money", ("strafe", "*strafe", "bußgeld", "*bußgeld", "geldbuße", "fine", "fined", "penalty")),
    "tax_bill": ("money", ("!steuerschuld", "!*steuerschuld", "!steuernachforderung", "!*steuernachforderung",
                           "!steuerforderung", "!steuernachzahlung", "!tax bill", "!back tax", "!unpaid taxes",
                           "!tax claim", "!tax debt", "!tax demand", "in taxes")),
    "damages": ("money", ("!schadenersatz", "!schadensersatz", "!*schadenersatz", "!*schadensersatz",
                          "!damages")),
    "dividend": ("money", ("!dividende", "!*dividende", "ausschüttung", "!dividend", "!dividends")),
    "stake": ("percent", (
        "anteil", "*anteil", "beteiligung", "*beteiligung", "übernehm", "übernimmt", "übernommen", "kauf", "kauft",
        "erwerb", "erwirbt", "hält", "halten", "aktien", "stake", "share of", "holding", "owns", "acquire",
        "buy", "bought", "zahlt", "zahlen", "pay", "pays", "paying", "paid", "mehrheit", "majority",
    )),
    "market_share": ("percent", ("marktanteil", "*marktanteil", "market share")),
    "change": ("percent", ("gestiegen", "steigt", "stieg", "wachstum", "*wachstum", "gewachsen", "zugelegt", "plus",
                           "gesunken", "sinkt", "sank", "fiel", "gefallen", "rückgang", "*rückgang", "einbruch",
                           "verlor", "minus", "rose", "rise", "rises", "grew", "growth", "increase", "increased",
                           "jump", "jumped", "fell", "fall", "falls", "drop", "dropped", "decline", "declined",
                           "~up", "~down", "gain", "gained")),
    "change_points": ("points", ("gestiegen", "stieg", "gesunken", "sank", "fiel", "rose", "fell", "increase",
                                 "decrease", "up", "down")),
    "interest_rate": ("percent", ("zins", "*zins", "leitzins", "zinssatz", "rendite", "interest", "rate", "rates",
                                  "yield")),
    "inflation": ("percent", ("inflation", "teuerung", "preissteigerung")),
    "unemployment_rate": ("percent", ("arbeitslosenquote", "arbeitslos", "unemployment", "jobless")),
    "margin": ("percent", ("marge", "*marge", "margin")),
    "vote_share": ("percent", ("stimmen", "wähler", "votes", "vote", "wahl", "gewählt", "umfrage", "poll")),
    "users": ("count", ("nutzer", "*nutzer", "user", "users", "abonnent", "subscriber", "mitglied", "member",
                        "accounts", "konten")),
    "customers": ("count", ("kunden", "*kunden", "customers", "clients")),
    "employees": ("count", ("mitarbeiter", "*mitarbeiter", "beschäftigt", "angestellte", "belegschaft", "stellen",
                            "arbeitsplätze", "*worker", "arbeiter", "*arbeiter", "employees", "staff", "workers",
                            "jobs", "workforce", "people employed")),
    "shares": ("count", ("aktien", "shares", "anteilsscheine")),
    "people": ("count", ("menschen", "personen", "einwohner", "people", "persons", "residents", "inhabitants",
                         "bürger", "citizens", "besucher", "visitors", "zuschauer", "spectators")),
    "deaths": ("count", ("tote", "toten", "todesopfer", "getötet", "starben", "starb", "gestorben", "ums leben",
                         "tödlich", "dead", "killed", "deaths", "died", "fatalities")),
    "injured": ("count", ("verletzt", "verletzte", "verletzten", "*verletzte", "*verletzten", "verwundet",
                          "injured", "wounded")),
    "casualties": ("count", ("opfer", "victims", "casualties")),
    "year_founded": ("year", ("gegründet", "gründ", "*gründung", "founded", "founding", "founder", "established",
                              "aufgebaut", "ins leben gerufen", "set up")),
    "year_acquired": ("year", ("kauf", "gekauft", "übernahme", "übernommen", "erworben", "acquired", "acquisition",
                               "bought", "takeover")),
    "rank": ("ordinal", ()),
}
_EX_UNIT_CLASS = {"percent": "percent", "percentage_points": "points", "count": "count", "year": "year",
                  "ordinal": "ordinal", "date": "date", "other": "other"}
_EX_TOKEN_PUNCT = ".,;:!?()[]{}\"'«»„“”‚‘’…*"
_EX_WORDRUN = re.compile(r"[^\W\d_]{2,}")
_EX_WORD_RE = re.compile(r"[^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)*")
# ";", ":", dashes, or ", und/but...": one leading character set, so the engine scans fast
_EX_CLAUSE_BREAK = re.compile(r"[,;:–—](?:(?<=,) (?:und|aber|doch|während|sondern|but|while|whereas|and)\b|(?<!,))")


class _ExVocab:
    """Compiled cue vocabulary: built-in quantities merged with a story's own (which win)."""

    def __init__(self, quantities: dict | None):
        spec = {name: (unit, list(cues), 1.0) for name, (unit, cues) in EXTRACT_QUANTITIES.items()}
        for name, q in (quantities or {}).items():
            if not isinstance(q, dict):
                continue
            unit = _ex_unit_class_of(str(q.get("unit", "")) or spec.get(name, ("money",))[0])
            cues = [str(c) for c in (q.get("cues") or []) if str(c).strip()]
            spec[str(name)] = (unit, cues or (spec[name][1] if name in spec else []), 1.5)
        self.unit_of = {name: unit for name, (unit, _c, _w) in spec.items()}
        self.prefix: dict[str, list] = {}
        self.infix: list[tuple[str, str, float]] = []
        self.phrases: list[tuple[str, str, float]] = []
        for name, (unit, cues, weight) in spec.items():
            for cue in cues:
                w = weight
                c = cue.strip().lower()
                if c.startswith("~"):
                    c, w = c[1:], weight * 0.4
                elif c.startswith("!"):
                    c, w = c[1:], weight * 1.5
                if not c:
                    continue
                if " " in c:
                    self.phrases.append((c, name, w))
                elif c.startswith("*"):
                    self.infix.append((c[1:], name, w * 0.8))   # a compound's head: a little weaker
                else:
                    self.prefix.setdefault(c, []).append((name, w))
        self.lengths = sorted({len(c) for c in self.prefix}, reverse=True)
        alts = [re.escape(c) for c in sorted(self.prefix, key=len, reverse=True)]
        infix = [re.escape(f) for f, _n, _w in self.infix]
        self.any_cue = re.compile("(?:" + "|".join(alts or ["(?!)"]) + ")" +
                                  ("|.*?(?:" + "|".join(infix) + ")" if infix else ""), re.S)
        self.phrase_map: dict[str, list] = {}
        for p, n, w in self.phrases:
            self.phrase_map.setdefault(p, []).append((n, w))
        self.phrase_list = [(p.split(" ", 1)[0], p, tuple(h)) for p, h in self.phrase_map.items()]
        # one search telling whether any phrase occurs at all: from each space, the rest of a phrase,
        # then a look back over the whole phrase (most spans hold none, and skip the phrase loop)
        self.phrase_gate = re.compile(" (?:" + "|".join(
            re.escape(p.split(" ", 1)[1]) + "(?<=" + re.escape(p) + ")" for p in self.phrase_map) + ")"
                                      ) if self.phrase_map else None
        self.cache: dict[str, tuple] = {}
        self.tok_cache: dict[str, tuple] = {}
        self.tok_hit: set[str] = set()            # the tokens of tok_cache that carry cues

    def token_cues(self, tok: str) -> tuple:
        """(hits, offset, length) for one lowercase whitespace-delimited token ('bewertet,',
        '$10b-investition'): the cues of its hyphen- or slash-separated parts; () when none. Memoised."""
        hit = self.tok_cache.get(tok)
        if hit is not None:
            return hit
        found: dict[str, float] = {}
        first = None
        for m in _EX_WORDRUN.finditer(tok):
            cues = self.word_cues(m.group())
            if cues and first is None:
                first = m
            for name, w in cues:
                if w > found.get(name, 0):
                    found[name] = w
        # the position is that of the first part with a cue ("investition" in "$10b-investition")
        hit = (tuple(found.items()), first.start(), first.end() - first.start()) if found else ()
        if len(self.tok_cache) > 200_000:
            self.tok_cache.clear()
            self.tok_hit.clear()
        self.tok_cache[tok] = hit
        if hit:
            self.tok_hit.add(tok)
        return hit

    def word_cues(self, word: str) -> tuple:
        """((quantity, weight), ...) for one lowercase word; memoised."""
        hit = self.cache.get(word)
        if hit is not None:
            return hit
        if self.any_cue.match(word) is None:          # most words: one C-level test
            if len(self.cache) > 200_000:
                self.cache.clear()
            self.cache[word] = ()
            return ()
        found: dict[str, float] = {}
        for n in self.lengths:
            if n <= len(word):
                for name, w in self.prefix.get(word[:n], ()):
                    if w > found.get(name, 0):
                        found[name] = w
        for frag, name, w in self.infix:
            if frag in word and w > found.get(name, 0):
                found[name] = w
        hit = tuple(found.items())
        if len(self.cache) > 200_000:
            self.cache.clear()
        self.cache[word] = hit
        return hit


@lru_cache(maxsize=4096)
def _ex_unit_class_of(unit: str) -> str:
    """The unit class of a unit or of a story's quantity spec ('USD' -> money, 'percent' -> percent)."""
    u = unit.strip()
    if u.lower() in ("money", "currency"):
        return "money"
    if u.lower() in ("percentage_points", "points"):
        return "points"
    if u.lower() in _EX_UNIT_CLASS:
        return _EX_UNIT_CLASS[u.lower()]
    if len(u) == 3 and u.isalpha():
        return "money"
    return u.lower() or "money"


_EX_VOCAB_CACHE: dict[str, _ExVocab] = {}


def _ex_vocab(quantities: dict | None) -> _ExVocab:
    """The compiled vocabulary for a story's quantities parameter (cached per distinct parameter)."""
    if not quantities:
        key = ""
        voc = _EX_VOCAB_CACHE.get(key)
        if voc is not None:
            return voc
    try:
        key = json.dumps(quantities, sort_keys=True, default=str) if quantities else ""
    except (TypeError, ValueError):
        key = repr(quantities)
    voc = _EX_VOCAB_CACHE.get(key)
    if voc is None:
        if len(_EX_VOCAB_CACHE) > 64:
            _EX_VOCAB_CACHE.clear()
        voc = _EX_VOCAB_CACHE[key] = _ExVocab(quantities)
    return voc


_EX_ABBREVS = frozenset(
    "Mio Mrd Tsd Bio ca Nr No Dr Prof St Inc Co Corp Ltd bzw etc vgl usw Jan Feb Mär Apr Aug Sep Sept Okt Oct Nov "
    "Dez Dec Mr Mrs Ms Hr Fr Abs Art Abb Vol pp vs Jr Sr Gen Gov Sen Rep Bd Hrsg engl franz lat sog ggf evtl inkl "
    "zzgl max min Std Mon Tue Wed Thu Fri Sat Sun Mo Di Mi Do Sa So".split())


def _ex_is_abbrev(text: str, dot: int) -> bool:
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
    return w in _EX_ABBREVS and (i == 0 or not text[i - 1].isalpha())


def _ex_sentence_break(text: str, k: int, end_mark: int) -> int:
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
    if text[k] == "." and not text[max(0, k - 6):k].isalpha() and _ex_is_abbrev(text, k):
        return -1
    return after


def _ex_sentence(text: str, start: int, end: int, memo: dict | None = None) -> tuple[int, int]:
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
            m = _EX_SENT_END.match(text, k)
            if m is None:
                b = -1
            else:
                # the same decision as the forward search's for this mark, when its match ends alike
                key = (k, m.end())
                b = memo.get(key)
                if b is None:
                    b = memo[key] = _ex_sentence_break(text, k, key[1])
            memo[k] = b
        if 0 <= b <= start:
            s = b
            break
        j = k
    hi = min(len(text), end + 400)
    e = min(len(text), (end // 200) * 200 + 400)
    for step, m in enumerate(_EX_SENT_END.finditer(text, end, hi)):
        if step >= 8:
            break
        key = m.span()
        b = memo.get(key)
        if b is None:
            b = memo[key] = _ex_sentence_break(text, key[0], key[1])
        if b >= 0:
            e = m.start() if text[m.start()] == "\n" else m.end()
            break
    while s < start and text[s].isspace():
        s += 1
    while e > end and text[e - 1].isspace():
        e -= 1
    return s, e


def _ex_cue_hits(text: str, a: int, b: int, voc: _ExVocab) -> list[tuple[int, int, tuple]]:
    """Cue words in text[a:b]: (start, end, ((quantity, weight), ...)) for each occurrence.

    The span is split on whitespace and each distinct token looked up in a memo (punctuation and
    hyphenated parts are handled by _ExVocab.token_cues), so only cue words cost Python work.
    """
    seg = text[a:b]
    low = seg.lower()
    if len(low) != len(seg):                    # lowercasing changed offsets (rare letters)
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in seg)
    out = []
    nl = len(low)
    toks = set(low.split())
    cache = voc.tok_cache
    # tokens seen before: only those with cues (a set intersection); new tokens: looked up once
    found = [(tok, cache[tok]) for tok in toks.intersection(voc.tok_hit)]
    for tok in toks.difference(cache):
        hit = voc.token_cues(tok)
        if hit:
            found.append((tok, hit))
    for tok, (hits, off, length) in found:
        k = len(tok)
        i = low.find(tok)
        while i >= 0:
            if (i == 0 or low[i - 1].isspace()) and (i + k >= nl or low[i + k].isspace()):
                out.append((a + i + off, a + i + off + length, hits))
            i = low.find(tok, i + 1)
    gate = voc.phrase_gate
    for _first, phrase, hits in (voc.phrase_list if gate is not None and gate.search(low) is not None else ()):
        i = low.find(phrase)
        while i >= 0:
            out.append((a + i, a + i + len(phrase), hits))
            i = low.find(phrase, i + 1)
    return out


def _ex_label(text: str, fig: dict, ucls: str, sent: tuple[int, int], voc: _ExVocab,
              own: str = "", cache: dict | None = None) -> tuple[str, float]:
    """(quantity, score) for one figure from the cue words of its sentence, weighted by distance
    (weight / (1 + distance / 40 characters), halved across a clause break); the sentence before
    counts at half weight when the figure's own sentence gives no clear answer."""
    if ucls == "ordinal":
        return ("rank" if fig.get("_rank") and voc.unit_of.get("rank") == "ordinal" else "unclassified"), 1.0
    allowed = ("money", "count") if ucls == "money_or_count" else (ucls,)
    cache = {} if cache is None else cache
    s0, e0 = sent
    fs, fe = fig["start"], fig["end"]
    scores: dict[str, float] = {}
    unit_of = voc.unit_of

    def add(hits, pos_s, pos_e, factor, breaks=()):
        if pos_e <= fs:
            d = fs - pos_e
            if d > 8 and breaks and bisect.bisect_left(breaks, pos_e) != bisect.bisect_left(breaks, fs):
                factor *= 0.5
        elif pos_s >= fe:
            d = pos_s - fe
            if d > 8 and breaks and bisect.bisect_left(breaks, fe) != bisect.bisect_left(breaks, pos_s):
                factor *= 0.5
        else:
            if factor != _EX_OWN and pos_s >= fs and pos_e <= fe:
                return                                 # words inside the figure ("up to"): not cues
            d = 0
        if d > 240:
            return
        f = factor / (1.0 + d / 40.0)
        for name, w in hits:
            if unit_of.get(name) in allowed:
                scores[name] = scores.get(name, 0.0) + w * f

    def scan(a, b, factor):
        key = (a, b)
        got = cache.get(key)
        if got is None:
            seg = text[a:b]
            breaks = ([m.start() + a for m in _EX_CLAUSE_BREAK.finditer(seg)]
                      if (";" in seg or ":" in seg or "–" in seg or "—" in seg or ", " in seg) else [])
            got = cache[key] = (_ex_cue_hits(text, a, b, voc), breaks)
        hits, breaks = got
        for ps, pe, h in hits:
            add(h, ps, pe, factor, breaks)

    scan(s0, e0, 1.0)
    if own:
        hits = voc.word_cues(own)
        if hits:
            add(hits, fs, fe, _EX_OWN)
    best = max(scores.items(), key=lambda kv: (kv[1], kv[0])) if scores else ("unclassified", 0.0)
    if best[1] < _EX_LABEL_MIN and s0 > 0 and ucls in ("money", "percent", "money_or_count"):
        scan(max(0, s0 - 200), s0, 0.5)
        best = max(scores.items(), key=lambda kv: (kv[1], kv[0])) if scores else ("unclassified", 0.0)
    return best if best[1] >= _EX_LABEL_MIN else ("unclassified", best[1])


_EX_LABEL_MIN = 0.25
_EX_COMPANY_NOUNS = {"unternehmen", "unternehmens", "konzern", "konzerns", "firma", "start-up", "startup",
                     "start-ups", "startups", "company", "firm", "group", "business", "gruppe"}
# words before a figure that make it the same quantity as the figure before it in the sentence
_EX_SAME_AS_BEFORE = ("up from", "down from", "compared with", "compared to", "versus", "vs.", "gegenüber",
                      "nach zuvor", "von zuvor", "zuvor", "previously", "from a previous")
_EX_OWN = 1.0000001          # the factor that marks the figure's own compound word ("Milliardendeal")
_EX_COUNTISH = {"count": ("count",), "other": ()}
# What a money figure is, from the words right at it, which win over the sentence's cues: the
# noun after it ("a $900m (£479m) loan", "$20bn in damages", "300p a share", "in back taxes") or
# the noun it is "of" ("damages of $20bn", "Dividende von 70 Cent", "Steuerschuld über ...").
# Matched on the lowercased text with hyphens as spaces ("530 pence-a-share").
_EX_HEAD_MONEY_AFTER = re.compile(
    r"[\s-]*(?:\([^()\n]{1,60}\)\s*)?(?:[^\W\d_]+[\s-]+){0,2}?"
    r"(?:(?P<dividend>dividends?\b|dividende)"
    r"|(?P<tax_bill>(?:back[\s-]+)?tax[\s-]+(?:bill|claim|demand|debt)|back[\s-]+tax"
    r"|(?:in|of|for)\s+(?:[^\W\d_]+\s+)?taxes\b|steuer(?:schuld|nachforderung|forderung|nachzahlung))"
    r"|(?P<damages>damages\b|schadens?ersatz)"
    r"|(?P<fine>fines?\b|penalty\b|strafe\b|bußgeld|geldbuße)"
    r"|(?P<debt>loans?\b|credit[\s-]+(?:line|facility)|kredit|darlehen|schulden\b)"
    r"|(?P<price_per_share>(?<!for\s)(?<!of\s)(?<!in\s)(?<!für\s)(?:a|per|each|je|pro)[\s-]+(?:[^\W\d_]+\s+)?"
    r"(?:share|aktie)\b))", re.I)
_EX_HEAD_MONEY_BEFORE = re.compile(
    r"(?:(?P<dividend>dividends?|dividende\w*|ausschüttung\w*)"
    r"|(?P<tax_bill>tax[\s-]+(?:bill|claim|demand|debt)s?|back[\s-]+tax(?:es)?|unpaid\s+taxes"
    r"|steuer(?:schuld|nachforderung|forderung|nachzahlung)\w*)"
    r"|(?P<damages>damages|schadens?ersatz\w*)|(?P<debt>loans?|kredit\w*|darlehen\w*))"
    r"\s+(?:[^\W\d_]+\s+){0,3}?(?:of|von|über|in\s+höhe\s+von|worth|totall?ing|amounting\s+to|to|auf|at)\s+\Z")
# the last word before a money figure that can join it to a noun before ("damages of", "Kredit über")
_EX_HEAD_MONEY_JOIN = frozenset(("of", "von", "über", "worth", "totalling", "totaling", "to", "auf", "at"))
# deaths and injured people: the verb or noun right after a count ("seven people killed", "fünf
# Menschen kamen ums Leben", "20 bis 25 wurden verletzt") or right before it ("killed at least five")
_EX_HEAD_COUNT_AFTER = re.compile(
    r"\s*(?:[^\W\d_]+\s+){0,5}?(?:(?P<deaths>killed|dead\b|died|deaths\b|tot\b|tote\b|toten\b|todesopfer|ums\s+leben"
    r"|getötet|starben|gestorben|lost\s+their\s+lives)|(?P<injured>injured|wounded|hurt\b|verletzt|verwundet))",
    re.I)
_EX_HEAD_COUNT_VERBS = {"killed": "deaths", "killing": "deaths", "starben": "deaths", "tötete": "deaths",
                        "töteten": "deaths", "kostete": "deaths", "injured": "injured", "injuring": "injured",
                        "verletzte": "injured"}
# "sold ... for $9.3bn", "bought it for", "won the auction for", "für 5 Milliarden gekauft": the price paid
_EX_HEAD_DEAL_VERB = re.compile(
    r"\b(?:sold|sells?|selling|sale|bought|buys?|buying|paid|pays?|paying|acquired?|acquires|won|auction\w*"
    r"|verkauf\w*|gekauft|kauft\w*|kaufen|bezahlt|zahlt\w*|erworben|erwirbt|übernommen|übernimmt|ersteigert"
    r"|versteigert)\b")
_EX_HEAD_UCLS = frozenset(("money", "money_or_count", "count"))
_EX_PPS_FROM = frozenset(("deal_amount", "price", "unclassified"))
_EX_SECOND_WORD = re.compile(r"[ \u00a0]+[^\W\d_][\w-]*[ \u00a0]+([^\W\d_][\w-]*)")
_EX_CHANGE_BEFORE = frozenset(("up", "down", "by", "rose", "fell", "gained", "lost", "um", "plus", "minus"))
_EX_AGE_AFTER = re.compile(r"[- ]?(?:jährig|year-old|years-old|year old|years old)", re.I)
_EX_AGE_BEFORE = frozenset(("age", "alter", "ages"))     # "at the age of 80", "im Alter von 80 Jahren"


def _ex_share_price(fig: dict, quantity: str, sentence: str) -> bool:
    """True when a money figure labelled `quantity` from its sentence is rather the price of one
    share: an amount in pence or cents (or a small unscaled one) in a sentence about shares, or a
    deal priced in pence ("a buyout at just over 300p"); not a change ("down 3.75p"), not a dividend."""
    if quantity in ("dividend", "price_per_share"):
        return False
    btoks = fig["_btoks"]
    if btoks and _ex_strip(btoks[-1]) in _EX_CHANGE_BEFORE:
        return False
    sub = fig.get("_sub")
    if sub and quantity in ("deal_amount", "valuation"):
        return True
    if not (sub or quantity in _EX_PPS_FROM and not fig.get("_scaled") and abs(fig["value"]) < 1000):
        return False
    return _ex_head_gate(sentence, 2)


def _ex_is_conversion(text: str, prev_end: int, start: int) -> bool:
    """True when a money figure at `start` restates the one ending at `prev_end` in another
    currency: '$900m (£479m)', '(£0.48; $0.98)', '$9.37bn: £4.8bn', '(261bn roubles, £4.8bn)'."""
    gap = text[prev_end:start].strip()
    if gap in ("(", "[", ";", ":", "/"):
        return True
    if gap == ",":
        close, opn = text.find(")", start, start + 60), text.find("(", start, start + 60)
        return close >= 0 and (opn < 0 or close < opn)
    return False


def _ex_head_gate(sentence: str, kind: int, language: str = "") -> bool:
    """Whether a text can hold head words at all, for kind 0 (money: 'loan', 'tax', 'a share'),
    1 (counts: 'killed', 'verletzt') or 2 ('share', 'Aktie'), in the text's language ('': both):
    plain substring tests, once per sentence, spare the head patterns for sentences that hold none."""
    low = sentence.lower()
    en, de = language != "de", language != "en"
    if kind == 2:
        return en and "share" in low or de and "aktie" in low
    if kind == 1:
        return en and ("kill" in low or "dead" in low or "died" in low or "death" in low or "injur" in low or
                       "wound" in low or "hurt" in low) or \
            de and ("tot " in low or "tote" in low or "verletz" in low or "leben" in low or "starb" in low or
                    "getötet" in low or "verwund" in low)
    return en and ("share" in low or "tax" in low or "loan" in low or "divid" in low or "damage" in low or
                   "fine" in low or "credit" in low or "penalt" in low) or \
        de and ("aktie" in low or "steuer" in low or "kredit" in low or "darlehen" in low or "divid" in low or
                "schaden" in low or "schulden" in low or "strafe" in low or "ausschütt" in low or
                "bußgeld" in low or "geldbuße" in low)


def _ex_head_quantity(text: str, fig: dict, ucls: str, sent: tuple[int, int], gate: bool = True) -> str:
    """The quantity named by the words right at a figure ('loan', 'in damages', 'a share', 'Tote',
    'verletzt', 'dividend of'), '' when none: these win over the sentence's cue words. `gate` is
    _ex_head_gate(sentence, kind) for the figure's kind (True: look anyway)."""
    s, e = fig["start"], fig["end"]
    if ucls == "count" and not gate:
        return ""
    lo = max(sent[0], s - 70)
    m = None
    if ucls == "count":
        last = text[max(lo, s - 24):s].rsplit(None, 2)[-2:]   # the last two words before the figure
        for w in reversed(last):
            if w[-1] in ".,;:!?)\"'»“”":
                break                                           # not across a clause break
            q = _EX_HEAD_COUNT_VERBS.get(w.lower())
            if q:
                return q                                        # "killed at least five", "starben zwei"
        m = _EX_HEAD_COUNT_AFTER.match(text, e, min(sent[1], e + 70))
        return m.lastgroup if m is not None else ""
    if ucls not in ("money", "money_or_count"):
        return ""
    if gate:
        last = text[max(lo, s - 24):s].rsplit(None, 1)[-1:]
        if last and last[-1].lower() in _EX_HEAD_MONEY_JOIN:
            m = _EX_HEAD_MONEY_BEFORE.search(text[lo:s].lower())
        if m is None:
            m = _EX_HEAD_MONEY_AFTER.match(text, e, min(sent[1], e + 70))
    if m is None:
        if text.endswith(("for ", "für "), max(0, s - 4), s) and \
                _EX_HEAD_DEAL_VERB.search(text[sent[0]:s].lower()) is not None:
            # "on sale for 79p": pence and small sums are a price, not a deal
            small = fig.get("_sub") or not fig.get("_scaled") and abs(fig["value"]) < 1000
            return "price" if small else "deal_amount"
        return ""
    if m.lastgroup == "price_per_share" and any(w in text[sent[0]:sent[1]].lower() for w in ("divid", "ausschütt")):
        return "dividend"                     # "Dividende von 65 Cent je Aktie, ... 80 Cent pro Aktie"
    return m.lastgroup


# ---------------------------------------------------------------------------
# From a regex match to a figure
# ---------------------------------------------------------------------------
def _ex_scale_value(word: str | None, language: str) -> float:
    """Multiplier of a scale word ('Mrd.' -> 1e9; 'Billion' -> 1e12 in German, 1e9 in English)."""
    if not word:
        return 1.0
    w = word.lower()
    if language == "de" and w in _EX_SCALES_DE and word[0] == "B":
        return _EX_SCALES_DE[w]
    return _EX_SCALES.get(w, 1.0)


@lru_cache(maxsize=4096)
def _ex_currency(word: str | None) -> str:
    """ISO 4217 code of a currency word or symbol, '' when it is none."""
    if not word:
        return ""
    w = " ".join(word.lower().split())
    return _EX_CURRENCY.get(w, "")


def _ex_date_value(kind: str, s: str) -> float:
    """A date as a sortable number YYYYMMDD (missing year -> MMDD); nan when it is not a real date."""
    try:
        if kind == "date_iso":
            y, mo, d = (int(x) for x in s.split("-"))
        elif kind == "date_dmy":
            parts = [p for p in re.split(r"[./ ]+", s) if p]
            if "/" in s:
                mo, d, y = (int(x) for x in parts[:3])
                if mo > 12:
                    mo, d = d, mo
            else:
                d, mo, y = (int(x) for x in parts[:3])
            if y < 100:
                y += 2000 if y < 70 else 1900
        else:
            nums = re.findall(r"[0-9]+", s)
            word = re.search(r"[A-Za-zÄÖÜäöüß]+", s).group().lower()
            mo = next(i for i, names in enumerate(_EX_MONTH_LIST, 1) if word in names)
            d = int(nums[0])
            y = int(nums[1]) if len(nums) > 1 else 0
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return math.nan
        return float(y * 10000 + mo * 100 + d)
    except (ValueError, StopIteration, AttributeError, IndexError):
        return math.nan


_EX_MONTH_LIST = [
    {"januar", "jänner", "jan", "january"}, {"februar", "feb", "february"}, {"märz", "mär", "march", "mar"},
    {"april", "apr"}, {"mai", "may"}, {"juni", "jun", "june"}, {"juli", "jul", "july"}, {"august", "aug"},
    {"september", "sep", "sept"}, {"oktober", "okt", "october", "oct"}, {"november", "nov"},
    {"dezember", "dez", "december", "dec"},
]


def _ex_base(start: int, end: int, value: float, unit: str, qualifier: str, low: float, high: float) -> dict:
    """A figure dict with the contract keys (text, quantity and sentence filled in later)."""
    return {"start": start, "end": end, "text": "", "value": value, "unit": unit, "qualifier": qualifier,
            "low": low, "high": high, "quantity": "unclassified", "sentence": "", "sentence_start": start}


_EX_TOP_GROUPS = ("date_iso", "date_dmy", "date_dmon", "date_mdy", "skip", "numord", "num", "frac", "wnum", "ordw",
                  "vague")


def _ex_from_match(m: re.Match, text: str, language: str, pair: bool = False) -> dict | None:
    """Turn one candidate match into a raw figure (no hedge, range, label yet), or None.

    `pair` is True when the match is read as the second half of "9-10", "19-8".
    """
    kind = m.lastgroup
    if kind not in _EX_TOP_GROUPS:
        kind = next((k for k in _EX_TOP_GROUPS if k in m.re.groupindex and m.group(k) is not None), None)
    s, e = m.span()
    if kind == "skip":
        return None
    if kind and kind.startswith("date_"):
        v = _ex_date_value(kind, m.group())
        if math.isnan(v):
            return None
        return dict(_ex_base(s, e, v, "date", "exact", v, v), _kind="date")
    prev = text[s - 1] if s else " "
    if kind == "numord":
        if prev.isalnum():
            return None
        v = float(re.match(r"[0-9]+", m.group()).group())
        return dict(_ex_base(s, e, v, "ordinal", "exact", v, v), _kind="ordinal", _rank=" " in m.group() or
                    "-" in m.group())
    if kind == "ordw":
        w = m.group().lower()
        v = float(next((n for stem, n in _EX_ORDINAL_WORDS.items() if w.startswith(stem)), math.nan))
        return dict(_ex_base(s, e, v, "ordinal", "exact", v, v), _kind="ordinal", _rank=True)
    if kind == "vague":
        w = m.group("vword").lower()
        for stem, lo, hi, vk in _EX_VAGUE:
            if w.startswith(stem):
                break
        else:
            return None
        rest = w[len(stem):].strip("-")
        if rest and stem in ("milliarden", "millionen", "billionen"):
            lo = lo / 2          # compounds: "Milliardensumme", "milliardenschwer" are one billion or more
        cur = _ex_currency(m.group("vcsuf"))
        if stem.endswith("-"):
            cur = cur or _ex_currency(rest.split("-")[0].rstrip("s") if rest else "")
        fig = _ex_base(s, e, math.nan, cur or "", "vague", lo, hi)
        fig["_kind"] = "vague"
        fig["_vkind"] = "money" if cur else vk
        if not cur and vk == "money" and not stem.endswith("-") and not rest:
            # "millions of us", "Millionen Zuschauer": a count when a noun, not a currency, follows
            nxt = _ex_next_word(text, e)
            if language == "en" and nxt.lower() == "of":
                nxt = _ex_next_word(text, e + 1 + len(nxt))
                if nxt and not _ex_currency(nxt) and nxt.lower() not in ("pounds", "dollars", "euros"):
                    fig["_vkind"] = "count"
            elif nxt[:1].isupper() and not _ex_currency(nxt) and e < len(text) and text[e] == " ":
                fig["_vkind"] = "count"
        fig["_own"] = rest if len(rest) > 2 else ""
        if rest.startswith("schwer") or rest in ("dollar", "euro", "pound"):
            # "ein milliardenschweres Unternehmen", "a billion-dollar company": a company worth that much
            noun = _ex_next_word(text, e).lower()
            fig["_own"] = noun
            if noun in _EX_COMPANY_NOUNS:
                fig["_company"] = True
        fig["_bare"] = not rest
        return fig
    if kind == "frac":
        g = m.group("frac")
        parts = g.replace("-", " ").split()
        word = parts[-1].lower()
        frac = _EX_FRACTIONS.get(word)
        if frac is None:
            return None
        det = parts[0].lower() if len(parts) > 1 else ""
        after = _ex_next_word(text, e).lower()
        if word in ("hälfte",):
            if not det:
                return None
            n = 1.0
        elif word in ("half",):
            if det not in ("", "a", "one") or after not in ("of", "the", "its", "their", "his", "her", "a", "an",
                                                         "our", "all"):
                return None
            n = 1.0
        else:
            if not det or det in ("die", "der", "zur"):
                return None
            n = _ex_word_value(det, language) or math.nan
            if math.isnan(n):
                return None
            if language == "en" or word in ("third", "thirds", "quarter", "quarters", "fifth", "fifths",
                                            "tenth", "tenths"):
                if after not in ("of", "the", "der", "des", "aller", "von"):
                    return None
            elif after not in ("der", "des", "aller", "von", "seiner", "ihrer", "unserer") and \
                    not (after[:1].isupper()):
                return None
        v = 100.0 * n * frac
        fig = _ex_base(s, e, v, "percent", "exact", v, v)
        fig["_kind"] = "fraction"
        return fig
    if kind == "wnum":
        g = m.group
        if prev.isalnum() or prev == "-":
            return None
        raw = g("wsmall") or g("cardde") or g("carden") or g("wnum").split()[0]
        n = _ex_word_value(raw.split()[0] if raw else "", language)
        if n is None:
            return None
        scale = _ex_scale_value(g("wscale"), language)
        pct = g("wpct")
        cur = _ex_currency(g("wcsuf"))
        minor = (g("wcsuf") or "").lower() in _EX_MINOR
        noun = ""
        range_start = False
        if not (g("wscale") or pct or cur or minor):
            noun = _ex_count_noun(text, e, language) if n >= 2 else ""
            if not noun:
                rc = _EX_RANGE_CONN.match(text, e)
                if rc is None or rc.group("c").strip() not in ("bis", "to", "-", "–", "und", "and", "or", "oder"):
                    return None
                range_start = True            # "zwei bis drei Milliarden": kept only if a range follows
        elif g("wscale") and not (pct or cur or minor):
            noun = _ex_count_noun(text, e, language)
        v = n * scale
        unit = ""
        if pct:
            unit = _EX_PERCENT.get(pct.lower(), "percent")
        elif cur:
            unit = cur
        elif minor:
            v = v / 100.0
            unit = _EX_MINOR[(g("wcsuf") or "").lower()] or ""
        if noun and language == "en" and noun[0].isupper():
            return None                       # "Six Nations", "Three Lions": a name
        if noun:
            unit = "other" if _ex_is_measure(noun) else "count"
        fig = _ex_base(s, e, v, unit, "exact", v, v)
        fig["_noun"] = noun
        fig["_kind"] = "number"
        fig["_scaled"] = bool(g("wscale"))
        fig["_digit_unit"] = scale
        fig["_words"] = True
        fig["_minor"] = minor and not unit
        fig["_sub"] = minor
        fig["_mult"] = scale / 100.0 if minor else scale
        if range_start:
            fig["unit"] = "count"
            fig["_plain"] = True
            fig["_range_only"] = True
        return fig
    # a written number
    g = m.group
    cpre, sign, digits, scale_w, sscale, csuf, pct, pctadj, pmin = g("cpre", "sign", "digits", "scale", "sscale",
                                                                     "csuf", "pct", "pctadj", "pmin")
    if pmin:
        if language != "en" or cpre or scale_w or sscale:
            return None                       # "5p" outside an English price: not a figure
        csuf = "p"
    nstart = m.start("digits")
    first = s if cpre else (m.start("sign") if sign else nstart)
    p = text[first - 1] if first else " "
    if not cpre:
        if p.isalnum() or p in "_/\\#§":
            return None
        if p in "-‑" and first >= 2 and text[first - 2].isalpha():
            return None                       # GPT-5, COVID-19
        if p == "." and first >= 2 and text[first - 2].isalnum():
            return None                       # version numbers, 1.2.3
        if p in "-–" and first >= 2 and text[first - 2].isdigit() and not pair:
            return None                       # second half of a pair left unread: "Leeds 1-1 Hull", "2014-15"
    if (p in "=?&@.:~" or (e < len(text) and text[e] in "/@_")) and _ex_url_like(text, first, e):
        return None
    value, dunit = _ex_float(digits, language)
    if math.isnan(value):
        return None
    if sign and sign in "-−":
        value = -value
    cur = _ex_currency(cpre.strip() if cpre else None) or _ex_currency(csuf)
    minor = bool(csuf) and csuf.lower() in _EX_MINOR and not cpre
    if minor and language == "en" and csuf[0].isupper() and csuf.lower() in ("cent", "cents"):
        return None                           # "50 Cent" in English text is a name, not half a dollar
    if sscale and not cur:
        return None                           # "10m" without a currency: metres, not millions
    after = text[e] if e < len(text) else " "
    if after.isalnum() and not (after.isdigit()):
        return None
    scale = _ex_scale_value(scale_w or sscale, language)
    v = value * scale
    unit = ""
    if pct or pctadj:
        unit = _EX_PERCENT.get(" ".join((pct or "").lower().split()), "percent") if pct else "percent"
        if unit == "bp":
            unit, v = "percentage_points", v / 100.0
    elif cur:
        unit = cur
    elif minor:
        v = v / 100.0
        unit = _EX_MINOR[csuf.lower()] or ""
    scaled = bool(scale_w or sscale)
    plain = not (cpre or sign or scale_w or sscale or csuf or pct or pctadj)
    # _ex_base's keys and the reading's own, in one dict display
    fig = {"start": s, "end": e, "text": "", "value": v, "unit": unit, "qualifier": "exact", "low": v, "high": v,
           "quantity": "unclassified", "sentence": "", "sentence_start": s,
           "_kind": "number", "_scaled": scaled, "_digit_unit": dunit * scale, "_plain": plain,
           "_int4": plain and len(digits) == 4 and digits.isdigit(), "_minor": minor and not unit,
           "_digits": digits, "_mult": (v / value) if value else scale, "_sub": minor}
    if scaled and not unit:
        # a unit of measurement after the number ('800 km'), keeping the next word for _ex_count_noun
        hyphen = e < len(text) and text[e] == "-"
        w0 = _ex_next_word(text, e + 1 if hyphen else e)
        if _ex_is_measure(w0.split("-")[0]):
            fig["unit"] = "other"             # "15 million tonnes"
        else:
            noun = _ex_count_noun(text, e, language, None if hyphen else w0)
            if noun:
                fig["unit"] = "count"
                fig["_noun"] = noun
    return fig


def _ex_classify_plain(fig: dict, text: str, language: str, toks: list[str], n_before: int) -> bool:
    """Decide the unit of a bare number (year, count, other) or drop it (product names, footnotes,
    identifiers). Returns False when the number is not a figure."""
    s, e = fig["start"], fig["end"]
    prev = text[s - 1] if s else " "
    nxt = text[e] if e < len(text) else " "
    if prev == "[" and nxt == "]":
        return False                          # footnote marker [3]
    if prev == "(" and nxt == ")" and abs(fig["value"]) < 100 and not fig["_int4"]:
        return False                          # list marker (2)
    if nxt == "." and e + 1 < len(text) and text[e + 1] == " " and (s == 0 or text[s - 1] == "\n"):
        return False                          # enumeration "1. "
    digits = fig.get("_digits", "")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return False                          # "000", "0049": codes and broken numbers, not amounts
    prev_tok = toks[-1] if toks else ""
    pt = _ex_strip(prev_tok)
    if pt in _EX_IDENTIFIER_WORDS or prev_tok in ("#", "§"):
        return False
    if len(prev_tok) == 1 and prev_tok.isupper() and prev == " " and not (language == "en" and prev_tok in "AI"):
        return False                          # road and grade names: A 67, B 96, Q 3
    if nxt in "-j " and _EX_AGE_AFTER.match(text, e, e + 12) is not None or pt == "aged" or \
            pt in ("of", "von") and len(toks) > 1 and _ex_strip(toks[-2]) in _EX_AGE_BEFORE:
        fig["unit"] = "other"                 # an age ("35-jährige", "a 42-year-old", "aged 80"): not a count
        return True
    v = fig["value"]
    is_year_shape = fig["_int4"] and (1000 <= v <= 2199 if _EX_YEAR_CUES.__contains__(pt) else 1800 <= v <= 2100)
    year_cue = pt in _EX_YEAR_CUES or pt.endswith(("jahr", "jahres", "quartal", "quartals"))
    # product and model names: a capitalised word (not a function word) right before the number
    # (a rest that is all lowercase has no capital: the character loop runs only otherwise)
    if prev == " " and prev_tok and (prev_tok[0].isupper() or not prev_tok[1:].islower() and
                                     any(c.isupper() for c in prev_tok[1:])) \
            and prev_tok[-1].isalnum() and pt not in _EX_NOT_PRODUCT and not year_cue:
        mixed = any(c.isupper() for c in prev_tok[1:]) or any(c.isdigit() for c in prev_tok)
        if mixed or n_before != 1 or language == "en":
            return False
    if language == "de" and nxt == "." and not fig["_int4"] and v < 100 and float(v).is_integer() and \
            (e + 1 >= len(text) or text[e + 1] in " )+/,–-\n") and not (e + 2 < len(text) and text[e + 1] == " "
                                                                  and text[e + 2] in "\n"):
        fig["unit"] = "ordinal"                # "3. Etappe", "1. Ogier", "(38.)": German ordinals
        fig["end"] = e + 1
        return True
    if pt in ("platz", "rang", "rank", "position") and float(v).is_integer():
        fig["unit"] = "ordinal"
        fig["_rank"] = True
        return True
    # a unit of measurement after the number ('800 km'), keeping the next word for _ex_count_noun
    hyphen = e < len(text) and text[e] == "-"
    w0 = _ex_next_word(text, e + 1 if hyphen else e)
    if _ex_is_measure(w0.split("-")[0]):
        fig["unit"] = "other"
        return True
    noun = _ex_count_noun(text, e, language, None if hyphen else w0)
    if is_year_shape and (year_cue or not noun or language == "en"):
        fig["unit"] = "year"
        return True
    if year_cue and pt in ("jahr", "jahre", "jahres", "year") and 1 <= v <= 2199 and float(v).is_integer():
        fig["unit"] = "year"
        return True
    if float(v).is_integer():
        fig["unit"] = "count"
    else:
        fig["unit"] = "other"
    fig["_noun"] = noun
    return True


def extract_figures(text: str, language: str = "de", quantities: dict | None = None) -> list[dict]:
    """Every figure in one text, in order: see the module docstring for the fields and rules.

    `language` ("de" or "en") decides the decimal mark and what "Billion" means; `quantities` is
    the story's quantities parameter ({name: {cues: [...], unit: ...}}), which adds to or
    overrides the built-in vocabulary EXTRACT_QUANTITIES. Never raises on a string.
    """
    if not isinstance(text, str) or not text:
        return []
    language = language if language in ("de", "en") else "de"
    voc = _ex_vocab(quantities if isinstance(quantities, dict) else None)
    matches = _ex_candidates(text)
    raw: list[dict] = []
    i = 0
    n = len(matches)
    while i < n and len(raw) < EXTRACT_MAX_FIGURES:
        m = matches[i]
        i += 1
        try:
            fig = _ex_from_match(m, text, language)
        except (ValueError, OverflowError, ZeroDivisionError):
            fig = None
        if fig is None:
            continue
        kind = fig["_kind"]
        toks, n_before = _ex_prev_tokens(text, fig["start"])
        if kind == "number" and fig.get("_plain") and not fig.get("_words"):
            if not _ex_classify_plain(fig, text, language, toks, n_before):
                continue
        # ranges: "10 bis 15 Milliarden", "zwischen 10 und 15", "9-10 bn"
        if kind == "number" and i < n and fig["unit"] not in ("date",):
            rc = _EX_RANGE_CONN.match(text, fig["end"])
            if rc and matches[i].start() == rc.end() and matches[i].lastgroup == "skip":
                continue                                   # "von 10 bis 12 Uhr"
            if rc and matches[i].start() == rc.end() and rc.group("c") in ("-", "–", ":") and fig.get("_plain"):
                nxt = _ex_from_match(matches[i], text, language, pair=True)
                if nxt is not None and nxt.get("_plain") and nxt["value"] <= fig["value"] < 1000:
                    i += 1
                    continue                               # a score: "19-8", "3–1"
            if rc and matches[i].start() == rc.end() and matches[i].lastgroup in ("num", "wnum"):
                conn = rc.group("c").strip()
                between = _ex_strip(toks[-1]) if toks else ""
                ok = conn in ("-", "–", "—", "bis", "to") or (conn in ("und", "and") and between in
                                                                ("zwischen", "between"))
                if conn == "to" and between == "from":
                    ok = False                             # "rose from 29% to 40%": two figures
                if conn in ("or", "oder"):
                    # "drei oder vier Millionen": a range when the second carries the scale or unit
                    ok = bool(fig.get("_plain")) and matches[i].lastgroup in ("num", "wnum") and \
                        text[matches[i].end() - 1].isalpha()
                fig2 = _ex_from_match(matches[i], text, language, pair=True) if ok else None
                if fig2 is not None and fig2["_kind"] == "number":
                    fig2_plain = fig2.get("_plain")
                    if fig2_plain and not fig2.get("_words"):
                        _ex_classify_plain(fig2, text, language, [], 99)
                    if rc.group("c") in ("-", "–") and fig.get("_plain") and fig2_plain and fig["unit"] == "count" \
                            and fig2["unit"] == "count" and not fig2.get("_noun") and fig2["value"] < 100:
                        i += 1
                        continue                           # "4-6 6-3": set scores, not a range
                    merged = _ex_merge_range(fig, fig2, language, conn)
                    if merged is not None:
                        if conn in ("und", "and"):
                            j = text.rfind(toks[-1], max(0, fig["start"] - 80), fig["start"])
                            merged["start"] = j if j >= 0 else fig["start"]
                        fig = merged
                        i += 1
                        toks, n_before = _ex_prev_tokens(text, fig["start"])
        if fig.get("_range_only"):
            continue                                       # a number word that began no range
        fig["_btoks"] = toks                               # the words before it, joined only when asked
        _ex_apply_hedge(fig, text, toks)
        raw.append(fig)
    _ex_fill_currency(raw, language)
    out = []
    sent_cache = (-1, -1)
    sent_text = ""
    gates: dict = {}                                       # _ex_head_gate of the current sentence, by kind
    sent_memo: dict = {}
    cue_cache: dict = {}
    prev_fig = None
    conv = None                                            # the money figure just before: (sentence, end, quantity)
    for fig in raw:
        s, e = fig["start"], fig["end"]
        if not (sent_cache[0] <= s and e <= sent_cache[1]):
            sent_cache = _ex_sentence(text, s, e, sent_memo)
            sent_text = text[sent_cache[0]:sent_cache[1]]
            gates = {}
        ucls = fig.pop("_ucls", None) or _ex_unit_class_of(fig["unit"]) if fig["unit"] else "other"
        if fig["unit"] == "date":
            quantity = "unclassified"
        else:
            own = fig.get("_own", "")
            noun_case = bool(fig.get("_noun")) and fig["unit"] in ("count", "other")
            head = ""
            if not noun_case and ucls in _EX_HEAD_UCLS:
                kind = 1 if ucls == "count" else 0
                gate = gates.get(kind)
                if gate is None:
                    gate = gates[kind] = _ex_head_gate(sent_text, kind, language)
                if gate or kind == 0 and text.endswith(("for ", "für "), max(0, s - 4), s):
                    head = _ex_head_quantity(text, fig, ucls, sent_cache, gate)
                if head and voc.unit_of.get(head) not in ("money", "count"):
                    head = ""                              # a story's own quantities may rename or drop it
            if noun_case:
                # "500 Mitarbeiter", "four minutes": the noun says what is counted
                hit = voc.token_cues(fig["_noun"].lower())
                allowed = _EX_COUNTISH.get(fig["unit"], ())
                cands = [(w, q) for q, w in (hit[0] if hit else ()) if voc.unit_of.get(q) in allowed]
                if not cands and fig["unit"] == "count":
                    # "2,300 full-time employees", "1.400 feste Mitarbeiter": the noun after one adjective
                    m2 = _EX_SECOND_WORD.match(text, e, e + 60)
                    hit = voc.token_cues(m2.group(1).lower()) if m2 is not None else ()
                    cands = [(w, q) for q, w in (hit[0] if hit else ()) if voc.unit_of.get(q) in allowed]
                quantity = max(cands)[1] if cands else "unclassified"
                if quantity in ("people", "casualties", "unclassified") and fig["unit"] == "count":
                    gate = gates.get(1)
                    if gate is None:
                        gate = gates[1] = _ex_head_gate(sent_text, 1, language)
                    head = _ex_head_quantity(text, fig, ucls, sent_cache, gate) if gate else ""
                    if head and voc.unit_of.get(head) == "count":
                        quantity = head                    # "seven people killed": deaths, not people
            elif head:
                quantity = head                            # "a $900m loan", "$20bn in damages", "Tote"
            elif fig.get("_company") and voc.unit_of.get("valuation") == "money":
                quantity = "valuation"
            elif prev_fig is not None and prev_fig[0] == sent_cache[0] and prev_fig[1] == ucls and \
                    " ".join([_ex_strip(t) for t in fig["_btoks"][-2:]]).endswith(_EX_SAME_AS_BEFORE):
                quantity = prev_fig[2]                     # "$3 billion, up from $1.8 billion": the same quantity
            else:
                quantity, _score = _ex_label(text, fig, ucls, sent_cache, voc, own, cue_cache)
            if ucls == "money" and not head and (fig.get("_sub") or quantity in _EX_PPS_FROM) and \
                    voc.unit_of.get("price_per_share") == "money" and _ex_share_price(fig, quantity, sent_text):
                quantity = "price_per_share"               # pence beside shares, a buyout "at 300p"
            if conv is not None and conv[0] == sent_cache[0] and ucls == "money" and \
                    _ex_is_conversion(text, conv[1], s):
                quantity = conv[2]                         # "$900m (£479m)": the conversion is the same quantity
            if fig.get("_money_pending"):
                if voc.unit_of.get(quantity) == "money":
                    fig["unit"] = fig["_money_pending"]
                else:
                    # a count by context ("Milliarden Nutzer"); with no context a vague amount stays
                    # money, a scaled number becomes "other"
                    if voc.unit_of.get(quantity) == "count":
                        fig["unit"] = "count"
                    elif fig["_kind"] != "vague":
                        fig["unit"] = "other"
        if quantity != "unclassified":
            prev_fig = (sent_cache[0], ucls, quantity)
        conv = (sent_cache[0], fig["end"], quantity) if ucls == "money" else None
        # the contract's fields only (the working dict is dropped after this loop)
        out.append({"start": s, "end": fig["end"], "text": text[s:e], "value": fig["value"], "unit": fig["unit"],
                    "qualifier": fig["qualifier"], "low": fig["low"], "high": fig["high"], "quantity": quantity,
                    "sentence": sent_text, "sentence_start": sent_cache[0]})
    return out


def _ex_merge_range(a: dict, b: dict, language: str, conn: str) -> dict | None:
    """One range figure from two numbers joined by bis/to/-/und, the scale carried across; or None."""
    if b.get("_plain") and not a.get("_plain"):
        return None                                    # "10 Mrd. bis 2025": not a range
    if a["unit"] in ("year",) and b["unit"] != "year" and b.get("_plain"):
        return None
    va, vb = a["value"], b["value"]
    unit = b["unit"] or a["unit"]
    if a.get("_plain") and not b.get("_plain"):
        # carry the scale of the second number to the first: "10 bis 15 Milliarden"
        va = va * b.get("_mult", 1.0)
        unit = b["unit"]
    elif a.get("_plain") and b.get("_plain") and a["unit"] in ("count", "other") and b["unit"] in ("count", "other"):
        unit = b["unit"]                               # "50 - 80 Metern": the unit word follows the second
    elif a["unit"] and b["unit"] and a["unit"] != b["unit"]:
        return None
    if conn in ("-", "–", "—") and not (va <= vb):
        return None                                    # 3-1: a score, not a range
    if not va <= vb:
        if conn not in ("und", "and"):
            return None
        va, vb = vb, va                                # "zwischen 64 und 50 Prozent"
    if a["unit"] == "year" and b["unit"] == "year" and a.get("_plain") and b.get("_plain"):
        unit = "year"
    fig = _ex_base(a["start"], b["end"], (va + vb) / 2.0, unit, "range", va, vb)
    fig["_kind"] = "number"
    fig["_scaled"] = b.get("_scaled")
    fig["_digit_unit"] = b.get("_digit_unit", 1.0)
    fig["_minor"] = b.get("_minor")
    fig["_sub"] = b.get("_sub")
    fig["_noun"] = b.get("_noun", "")
    fig["_range"] = True
    return fig


def _ex_apply_hedge(fig: dict, text: str, toks: list[str]) -> None:
    """Read the hedge before (and after) a figure: qualifier, low/high, span widened over the hedge."""
    kind = fig["_kind"]
    if kind in ("date", "ordinal") or fig.get("_range"):
        return
    qual, rule, k = _ex_find_hedge(toks)
    if qual:
        head = _ex_strip(toks[-k])
        before = toks[-k - 1] if len(toks) > k else ""
        nxt = _ex_next_word(text, fig["end"]).lower()
        if head in ("über", "over") and k == 1:
            b = _ex_strip(before)
            if head == "über" and before[:1].isupper() and b not in _EX_NOT_PRODUCT and \
                    b not in _EX_TIME_NOUNS and len(toks) > k + 1:
                qual = ""                              # "ein Kredit über drei Milliarden": of
            elif head == "over" and nxt in _EX_DURATION:
                qual = ""                              # "over five years": during
        if head in ("ab", "bis", "unter", "under", "below", "above", "gut", "some") and fig["unit"] in ("year",):
            qual = ""
        if head in ("gut",) and fig["unit"] in ("count", "other", "") and kind == "vague":
            qual = ""
        if kind == "vague":
            qual = ""                                  # "mehrere Milliarden": stays vague
        if qual and fig["unit"] == "year" and qual != "approx":
            qual = ""
    if qual:
        # widen the span over the hedge words
        pos = fig["start"]
        for t in reversed(toks[-k:]):
            j = text.rfind(t, max(0, pos - 80), pos)
            if j < 0:
                break
            pos = j
        lead = len(toks[-k]) - len(toks[-k].lstrip("\"'„“”«»‚‘’([{"))
        fig["start"] = pos + lead
        fig["qualifier"] = qual
        fig["low"], fig["high"] = _ex_bounds(fig["value"], qual, rule, fig.get("_digit_unit", 1.0) or 1.0)
    ph = _EX_POST_HEDGE.match(text, fig["end"])
    if ph and kind != "vague" and fig["qualifier"] == "exact":
        h = ph.group("h")
        if h in ("oder mehr", "und mehr", "or more", "and more", "plus", "und darüber", "and above", "or above"):
            fig["qualifier"], fig["low"], fig["high"] = "lower", fig["value"], math.inf
        else:
            fig["qualifier"], fig["low"], fig["high"] = "upper", 0.0, fig["value"]
        fig["end"] = ph.end()
    # "minus 5 Prozent"
    if toks and _ex_strip(toks[-1]) == "minus" and kind == "number" and fig["value"] > 0 and not qual:
        fig["value"] = -fig["value"]
        fig["low"], fig["high"] = -fig["high"], -fig["low"]
        fig["start"] = fig["start"] - len(toks[-1]) - 1


def _ex_fill_currency(figs: list[dict], language: str) -> None:
    """Give money figures without a stated currency the currency of the nearest figure that has one."""
    pos = [f["start"] for f in figs if len(f["unit"]) == 3 and f["unit"].isupper()]
    cur = [f["unit"] for f in figs if len(f["unit"]) == 3 and f["unit"].isupper()]

    def nearest(p: int) -> str:
        if not pos:
            return ""
        j = bisect.bisect_left(pos, p)
        cands = [k for k in (j - 1, j) if 0 <= k < len(pos)]
        return cur[min(cands, key=lambda k: abs(pos[k] - p))]

    for f in figs:
        if f["unit"]:
            continue
        kind = f["_kind"]
        if f.get("_minor"):
            f["unit"] = nearest(f["start"]) or ("EUR" if language == "de" else "USD")
            continue
        c = nearest(f["start"]) or "other"
        if kind == "vague" and f["_vkind"] == "count":
            f["unit"] = "count"
            f["_ucls"] = "count"
        elif kind in ("vague", "number"):
            # "Milliarden", "10 Milliarden" with no currency and no noun: money or a count, by context
            f["unit"] = c
            f["_money_pending"] = c
            f["_ucls"] = "money_or_count"
        else:
            f["unit"] = "other"


# ---------------------------------------------------------------------------
# The story table, the notebook views
# ---------------------------------------------------------------------------
FIGURE_COLUMNS = ["figure_id", "file", "article_id", "outlet", "published", "language", "start", "end", "text",
                  "value", "unit", "qualifier", "low", "high", "quantity", "segment", "sentence", "sentence_start"]


def _ex_segment_of(segments, pos: int) -> str:
    """The kind (headline, caption, body) of the segment holding offset pos; 'body' when none does."""
    for seg in segments or ():
        try:
            s, e, kind = seg
        except (TypeError, ValueError):
            continue
        if s <= pos < e:
            return str(kind)
    return "body"


def extract_story_figures(articles: pd.DataFrame, params: dict | None = None) -> pd.DataFrame:
    """figures.csv for a story: every figure of every article (docs/tables.md), sorted by file and start.

    `articles` is articles.csv (notebook 01); the article's own language is used, and the story's
    `quantities` parameter extends the vocabulary. low/high are NaN (written empty) where unbounded.
    """
    params = params or {}
    quantities = params.get("quantities") or {}
    exclude = set(params.get("exclude") or [])
    rows = []
    for _, art in articles.iterrows():
        if art.get("file") in exclude:
            continue
        text = art.get("text") or ""
        if not isinstance(text, str):
            text = ""
        lang = art.get("language") or "de"
        try:
            segments = json.loads(art.get("segments") or "[]")
        except (TypeError, ValueError):
            segments = []
        for f in extract_figures(text, lang, quantities):
            rows.append({
                "figure_id": f"{art.get('article_id', '')}:{f['start']}",
                "file": art.get("file", ""), "article_id": art.get("article_id", ""),
                "outlet": art.get("outlet", ""), "published": art.get("published", ""), "language": lang,
                "start": f["start"], "end": f["end"], "text": f["text"],
                "value": f["value"], "unit": f["unit"], "qualifier": f["qualifier"],
                "low": f["low"] if math.isfinite(f["low"]) else math.nan,
                "high": f["high"] if math.isfinite(f["high"]) else math.nan,
                "quantity": f["quantity"], "segment": _ex_segment_of(segments, f["start"]),
                "sentence": f["sentence"], "sentence_start": f["sentence_start"],
            })
    df = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    if len(df):
        df = df.sort_values(["file", "start"], kind="stable").reset_index(drop=True)
    for col in ("value", "low", "high"):
        df[col] = df[col].astype(float)
    for col in ("start", "end", "sentence_start"):
        df[col] = df[col].astype(int)
    return df


def write_figures(df: pd.DataFrame, paths) -> "Path":
    """Write figures.csv to the story's output folder, atomically; returns its path."""
    return write_csv_atomic(df[FIGURE_COLUMNS], paths.out("figures.csv"))


def _ex_fmt_value(value: float, unit: str) -> str:
    """A figure's value for people: 14.3 bn USD, 49 %, 2016, ~ (vague)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "vague"
    a = abs(value)
    for div, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if a >= div and unit not in ("year", "date", "ordinal"):
            return f"{value / div:g}{suffix}"
    return f"{value:g}" if unit != "date" else f"{int(value)}"


def figures_summary(figures: pd.DataFrame) -> str:
    """Plain-text list of the figures: file prefix, text, value, unit, qualifier, quantity."""
    lines = []
    for _, f in figures.iterrows():
        prefix = str(f["file"]).split("_")[0]
        lines.append(f"{prefix} | {f['text']!s:<34} | {_ex_fmt_value(f['value'], f['unit']):>9} {f['unit']:<8} | "
                     f"{f['qualifier']:<6} | {f['quantity']}")
    return "\n".join(lines)


_EX_UNIT_COLOURS = {"percent": "#d6eaff", "percentage_points": "#d6eaff", "count": "#e6f5d0", "year": "#f0e0ff",
                    "ordinal": "#f0e0ff", "date": "#eeeeee", "other": "#eeeeee"}


def highlight_figures_html(text: str, figures) -> str:
    """HTML of one article with its figures highlighted (every piece of text escaped).

    `figures` is a list of figure dicts or a DataFrame with start, end, value, unit, qualifier,
    quantity. Overlapping spans are skipped after the first. The title of each mark says what
    the figure was read as.
    """
    text = text if isinstance(text, str) else ""
    if isinstance(figures, pd.DataFrame):
        figs = figures.to_dict("records")
    else:
        figs = list(figures or [])
    figs = sorted(figs, key=lambda f: (int(f["start"]), -int(f["end"])))
    out = []
    pos = 0
    for f in figs:
        s, e = int(f["start"]), int(f["end"])
        if s < pos or e > len(text) or s >= e:
            continue
        unit = str(f.get("unit", ""))
        colour = _EX_UNIT_COLOURS.get(unit, "#fff2b3")
        tip = (f"{_ex_fmt_value(f.get('value'), unit)} {unit} · {f.get('qualifier', '')} · "
               f"{f.get('quantity', '')}")
        out.append(_html.escape(text[pos:s]))
        out.append(f'<mark style="background:{colour}" title="{_html.escape(tip, quote=True)}">'
                   f"{_html.escape(text[s:e])}<sub style=\"font-size:70%;color:#555\">"
                   f"{_html.escape(str(f.get('quantity', '')))}</sub></mark>")
        pos = e
    out.append(_html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>\n")
    return f'<div style="font-family:sans-serif;line-height:1.6;max-width:60em">{body}</div>'


def figure_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures per article (rows, by file prefix) and unit (columns), with totals."""
    if figures.empty:
        return pd.DataFrame()
    df = figures.assign(article=figures["file"].astype(str).str.split("_").str[0])
    table = pd.crosstab(df["article"], df["unit"], margins=True, margins_name="total")
    table.columns.name = None
    return table


def highlight_story_html(articles: pd.DataFrame, figures: pd.DataFrame) -> str:
    """One HTML block per article: an escaped heading (file, outlet) and the text with its figures
    highlighted by highlight_figures_html. Every piece of article text is escaped."""
    parts = []
    for _, art in articles.sort_values("file").iterrows():
        own = figures[figures["file"] == art["file"]] if len(figures) else figures
        head = f"{art['file']} · {art.get('outlet') or 'outlet unknown'} · {len(own)} figures"
        parts.append(f"<h4>{_html.escape(head)}</h4>")
        parts.append(highlight_figures_html(art.get("text") or "", own))
    return "\n".join(parts)


# ============================================================================
# 3. Compare: consensus, outliers, contradictions, citations (notebook 03)
# ============================================================================
INF = math.inf

# Columns of the three tables this section writes (docs/tables.md; extra columns last).
COMPARISON_COLUMNS = ["quantity", "unit", "n_outlets", "n_figures", "consensus_low", "consensus_high",
                      "median", "min", "max", "spread", "status", "agree", "compatible", "contradict",
                      "label", "support", "independent_sources"]
EVIDENCE_COLUMNS = ["quantity", "unit", "file", "outlet", "figure_id", "text", "value", "low", "high",
                    "qualifier", "stage", "attributed_to", "verdict", "factor", "sentence", "published",
                    "start", "end", "segment", "role", "stage_cue", "reason"]
FINDING_COLUMNS = ["rank", "kind", "quantity", "unit", "files", "outlets", "values", "severity", "score",
                   "message", "evidence", "detail"]

# How specific a wording is: lower is more specific (used to pick the article's claim).
_CMP_SPECIFICITY = {"exact": 0, "approx": 1, "range": 2, "upper": 3, "lower": 3, "vague": 5}
_CMP_POINT_QUALIFIERS = ("exact", "approx", "range")
_CMP_STAGE_RANK = {"past": 0, "early": 1, "projected": 2, "settled": 3}
_CMP_TIMEPOINT = {"past": "past", "projected": "projected", "early": "current", "settled": "current"}
_CMP_TIMEPOINT_RANK = {"past": 0, "current": 1, "projected": 2}


@dataclass
class ComparisonResult:
    """The three tables of notebook 03 plus the story language the messages are written in."""
    comparison: pd.DataFrame
    evidence: pd.DataFrame
    findings: pd.DataFrame
    language: str = "en"


# ---------------------------------------------------------------------------
# Small value helpers
# ---------------------------------------------------------------------------
def _cmp_num(x) -> float | None:
    """A finite float, or None for empty cells, NaN, NA and text that is not a number."""
    if x is None or x is pd.NA or isinstance(x, bool):
        return None
    if isinstance(x, str):
        x = x.strip()
        if not x:
            return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _cmp_overlap(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    """Whether two closed intervals share at least one value."""
    return a_lo <= b_hi and b_lo <= a_hi


def _cmp_widen(lo: float, hi: float, tolerance: float) -> tuple[float, float]:
    """Widen [lo, hi] by a relative tolerance on each side (infinite ends stay infinite)."""
    return (lo - abs(lo) * tolerance if math.isfinite(lo) else lo,
            hi + abs(hi) * tolerance if math.isfinite(hi) else hi)


# ---------------------------------------------------------------------------
# Intervals: what a wording allows
# ---------------------------------------------------------------------------
# Scale words of vague amounts ("Milliarden", "billions", "Hunderttausende"): regex, scale,
# and how far above the scale the wording still reaches (the next scale word).
_CMP_VAGUE_SCALES_DE = [
    (r"hunderttausend", 1e5, 10), (r"zehntausend", 1e4, 10), (r"tausend", 1e3, 10), (r"hundert", 1e2, 10),
    (r"billion", 1e12, 1000), (r"milliard", 1e9, 1000), (r"million", 1e6, 1000),
]
_CMP_VAGUE_SCALES_EN = [
    (r"hundreds of thousands", 1e5, 10), (r"tens of thousands", 1e4, 10), (r"hundreds of millions", 1e8, 10),
    (r"tens of millions", 1e7, 10), (r"hundreds of billions", 1e11, 10), (r"tens of billions", 1e10, 10),
    (r"thousand", 1e3, 10), (r"hundred", 1e2, 10),
    (r"trillion", 1e12, 1000), (r"billion", 1e9, 1000), (r"million", 1e6, 1000),
]
# A standalone plural ("Milliarden", "billions") means at least two of the scale;
# a compound ("Milliardendeal", "milliardenschwer", "multibillion") means at least one.
_CMP_PLURAL_WORD = re.compile(
    r"^(?:milliarden|millionen|billionen|tausende|tausenden|hunderte|hunderten|zehntausende|zehntausenden|"
    r"hunderttausende|hunderttausenden|billions|millions|trillions|thousands|hundreds)$", re.I)
_CMP_CLOSE_HEDGE = re.compile(r"\b(?:fast|nahezu|knapp|beinahe|annähernd|nearly|almost|close to|just under|"
                              r"just shy of|approaching)\b", re.I)


def compare_vague_bounds(text: str, language: str = "de") -> tuple[float | None, float | None]:
    """The interval a vague amount allows, from its scale word.

    "Milliarden" / "billions" (a standalone plural) -> at least 2 billion; "Milliardensumme",
    "milliardenschwer", "multibillion" (compounds) -> at least 1 billion; the top is the next
    scale word (a thousand billions). (None, None) when no scale word is found.
    """
    low_text = (text or "").lower()
    tables = _CMP_VAGUE_SCALES_EN if language == "en" else _CMP_VAGUE_SCALES_DE
    if language not in ("de", "en"):
        tables = _CMP_VAGUE_SCALES_DE + _CMP_VAGUE_SCALES_EN
    for pattern, scale, reach in tables:
        m = re.search(pattern, low_text)
        if not m:
            continue
        word_m = re.search(r"[\w-]*" + pattern + r"[\w-]*", low_text)
        word = word_m.group(0) if word_m else ""
        multiple = " " in pattern  # "hundreds of thousands": already plural
        plural = multiple or bool(_CMP_PLURAL_WORD.match(word))
        return (2 * scale if plural and not multiple else scale), scale * reach
    return None, None


def compare_figure_interval(value, low, high, qualifier: str, text: str = "", tolerance: float = 0.05,
                            language: str = "de") -> tuple[float, float, float, float]:
    """(raw_lo, raw_hi, lo, hi): the interval a figure's wording allows, and the same widened by tolerance.

    exact 14.3 -> [14.3, 14.3], widened [13.585, 15.015] at 5 %; approx ("rund") keeps the
    extractor's low/high or takes +-10 %; lower ("über 10") -> [10, inf); upper ("fast 50")
    -> [42.5, 50] for close hedges (fast, nahezu, almost), [0, 50] for "bis zu"/"up to";
    range -> [low, high]; vague -> from the scale word (compare_vague_bounds). Missing numbers
    give (-inf, inf), which contradicts nothing.
    """
    v, lo, hi = _cmp_num(value), _cmp_num(low), _cmp_num(high)
    q = (qualifier or "exact").strip().lower()
    raw_lo, raw_hi = -INF, INF
    if q == "vague":
        vlo, vhi = compare_vague_bounds(text, language)
        los = [x for x in (lo, vlo) if x is not None]
        his = [x for x in (hi, vhi) if x is not None]
        raw_lo = max(los) if los else -INF
        raw_hi = min(his) if his else INF
        if raw_lo > raw_hi:  # the two readings disagree: trust the extractor
            raw_lo = lo if lo is not None else -INF
            raw_hi = hi if hi is not None else INF
    elif q == "exact":
        if v is None:
            v = lo if lo is not None else hi
        if v is not None:
            raw_lo = raw_hi = v
    elif q == "approx":
        if v is not None:
            r = max(0.1, 2 * tolerance)
            raw_lo = lo if lo is not None and lo < v else v - abs(v) * r
            raw_hi = hi if hi is not None and hi > v else v + abs(v) * r
        elif lo is not None and hi is not None:
            raw_lo, raw_hi = lo, hi
    elif q == "lower":
        base = lo if lo is not None else v
        if base is not None:
            raw_lo = base
            raw_hi = hi if hi is not None and hi > base else INF
    elif q == "upper":
        base = hi if hi is not None else v
        if base is not None:
            raw_hi = base
            if lo is not None and lo < base:
                raw_lo = lo
            elif _CMP_CLOSE_HEDGE.search(text or ""):
                raw_lo = base - abs(base) * 0.15
            else:
                raw_lo = 0.0 if base > 0 else -INF
    elif q == "range":
        a = lo if lo is not None else v
        b = hi if hi is not None else v
        if a is not None and b is not None:
            raw_lo, raw_hi = min(a, b), max(a, b)
    else:  # an unknown qualifier: treat the value as exact
        if v is not None:
            raw_lo = raw_hi = v
    w_lo, w_hi = _cmp_widen(raw_lo, raw_hi, tolerance)
    return raw_lo, raw_hi, w_lo, w_hi


def compare_is_pointlike(fig: dict) -> bool:
    """Whether a figure names a value rather than a bound: exact, approx, range, and close
    hedges ("fast 15", "nahezu 15", "almost half"), unlike "bis zu"/"up to" or "über"."""
    q = fig.get("qualifier", "")
    if q in _CMP_POINT_QUALIFIERS:
        return True
    return q == "upper" and bool(_CMP_CLOSE_HEDGE.search(str(fig.get("text", "") or "")))


def compare_point(value, low, high, qualifier: str) -> float | None:
    """The single number a figure stands for (None for vague wording and open bounds without a value)."""
    v, lo, hi = _cmp_num(value), _cmp_num(low), _cmp_num(high)
    q = (qualifier or "").lower()
    if q == "vague":
        return None
    if q == "range" and lo is not None and hi is not None:
        return (lo + hi) / 2
    if v is not None:
        return v
    if q == "lower":
        return lo
    if q == "upper":
        return hi
    return lo if lo is not None else hi


# ---------------------------------------------------------------------------
# Stage and time: early (talks, plans, reports), settled, past, projected
# ---------------------------------------------------------------------------
_CMP_PAST_CUES = re.compile(
    r"\b(?:kürzlich|zuvor|vorher|zuletzt|damals|früher|ehemals|einst|im Vorjahr|vergangenen Jahr|letzten Jahr|"
    r"vor (?:einem|einer|zwei|drei|vier|fünf|\d+) (?:Jahr|Jahren|Monat|Monaten|Woche|Wochen)|"
    r"previously|formerly|earlier|last (?:year|month|week|round|valued)|a year ago|in the past|recently|"
    r"had been valued|was valued)\b", re.I)
_CMP_MODAL_CUES = re.compile(
    r"\b(?:könnte|könnten|würde|würden|dürfte|dürften|soll|sollen|sollte|wird|werden|could|would|might|will|"
    r"expected to|set to|likely to|(?-i:may))\b", re.I)
_CMP_CHANGE_CUES = re.compile(
    r"\b(?:steig\w*|steiger\w*|erhöh\w*|wachs\w*|wächst|klettern?|erreich\w*|anheb\w*|anstieg\w*|"
    r"rise|rises|rising|increase\w*|grow\w*|climb\w*|reach\w*|boost\w*|lift\w*|jump\w*)\b", re.I)
_CMP_FORECAST_CUES = re.compile(r"\b(?:prognostiz\w*|Prognose\w*|forecast\w*|projected|projection\w*)\b", re.I)
_CMP_NOW_CUES = re.compile(r"\b(?:nun|jetzt|inzwischen|mittlerweile|nunmehr|now|currently|derzeit|aktuell)\b", re.I)
_CMP_EARLY_CUES = re.compile(
    r"\b(?:plan\w*|geplant\w*|Pläne\w*|Gespräch\w*|Verhandlung\w*|verhandel\w*|Berichten zufolge|laut Berichten|"
    r"Medienberichten|Insider\w*|angeblich|offenbar|wohl|erwäg\w*|potenziell\w*|möglich\w*|soll|sollen|sollte|"
    r"könnte|könnten|würde|würden|im Falle|talks|negotiat\w*|reportedly|is said to|are said to|"
    r"people familiar|considering|potential|proposed|would|could|might|aims? to|in discussions|(?-i:may))\b",
    re.I)
_CMP_CLAUSE_SPLIT = re.compile(
    r"[,;:()\[\]–—]|\s-\s|\b(?:doch|aber|jedoch|während|obwohl|but|while|whereas|although|however)\b", re.I)


def compare_clause(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` that holds the span [start, end) (split at commas, dashes, 'doch', 'but'...)."""
    sentence = sentence or ""
    cuts = [0]
    for m in _CMP_CLAUSE_SPLIT.finditer(sentence):
        if m.start() >= end or m.end() <= start:
            cuts.append(m.start() if m.start() >= end else m.end())
    left = max([c for c in cuts if c <= start] or [0])
    rights = [c for c in cuts if c >= end]
    right = min(rights) if rights else len(sentence)
    return sentence[left:right]


def compare_stage(sentence: str, start: int | None = None, end: int | None = None) -> tuple[str, str]:
    """(stage, cue): when a figure holds, read from its clause and sentence.

    past      "kürzlich mit 14 Milliarden bewertet", "previously valued at"  (clause)
    projected "könnte auf 25 Milliarden steigen", "could rise to", "forecast" (clause)
    settled   "nun", "now" in the clause, or plain indicative
    early     plans, talks, reports in the sentence: "plant", "in Gesprächen", "Berichten
              zufolge", "soll", "könnte", "reportedly", "talks"
    `start`/`end` are offsets of the span inside the sentence (None: the whole sentence).
    """
    sentence = sentence or ""
    if start is None or end is None or not 0 <= start <= end <= len(sentence):
        clause = sentence
    else:
        clause = compare_clause(sentence, start, end)
    m = _CMP_PAST_CUES.search(clause)
    if m:
        return "past", m.group(0)
    modal, change = _CMP_MODAL_CUES.search(clause), _CMP_CHANGE_CUES.search(clause)
    if modal and change:
        return "projected", f"{modal.group(0)} … {change.group(0)}" if modal.start() < change.start() \
            else f"{change.group(0)} … {modal.group(0)}"
    m = _CMP_FORECAST_CUES.search(clause)
    if m:
        return "projected", m.group(0)
    m = _CMP_NOW_CUES.search(clause)
    if m:
        return "settled", m.group(0)
    m = _CMP_EARLY_CUES.search(sentence)
    if m:
        return "early", m.group(0)
    return "settled", ""


# ---------------------------------------------------------------------------
# Sentences and attribution: who says a figure comes from whom
# ---------------------------------------------------------------------------
_CMP_ABBREVIATIONS = re.compile(r"(?:\b(?:Inc|Corp|Ltd|Co|Dr|Prof|Mr|Mrs|Ms|St|Nr|Mio|Mrd|Tsd|bzw|ca|vgl|etc|"
                                r"z\.B|u\.a|d\.h|Jan|Feb|Mär|Apr|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec|vs)|\b[A-Z])$")


def compare_sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a text: split at line breaks and at . ! ? followed by a capital."""
    text = text or ""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        base, chunk = line.start(), line.group(0)
        pos = 0
        for m in re.finditer(r"[.!?…]+[»«\"“”')]*\s+(?=[A-ZÄÖÜ0-9«„\"“(])", chunk):
            if _CMP_ABBREVIATIONS.search(chunk[pos:m.start()]):
                continue
            spans.append((base + pos, base + m.start() + len(m.group(0).rstrip())))
            pos = m.end()
        if chunk[pos:].strip():
            spans.append((base + pos, base + len(chunk.rstrip())))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_CMP_SOURCE_NAME = r"[«»\"„“”']?((?:[A-ZÄÖÜ][\w.&+-]*|[a-z]+-?[A-Z][\w.&-]*)(?:\s(?:[A-ZÄÖÜ][\w.&+-]*|of|der|des|de))*)[«»\"„“”']?"
_CMP_ATTRIBUTION_PATTERNS = [
    re.compile(r"\blaut\s+(?:de[mnrs]\s+|die\s+|das\s+)?«([^»]{2,40})»"),
    re.compile(r"\blaut\s+(?:de[mnrs]\s+|die\s+|das\s+)?„([^“]{2,40})“"),
    re.compile(r"\blaut\s+(?:de[mnrs]\s+|die\s+|das\s+)?" + _CMP_SOURCE_NAME),
    re.compile(r"\baccording to\s+(?:the\s+)?" + _CMP_SOURCE_NAME),
    re.compile(r"(?:de[mnr]\s+|die\s+|das\s+)?" + _CMP_SOURCE_NAME + r"\s+zufolge\b"),
]
# Reporting verbs: these also attribute the sentence before ("… , berichtet Bloomberg.").
_CMP_REPORTING_PATTERNS = [
    re.compile(r"\b(?:berichtet(?:e|en)?|meldet(?:e|en)?|schreibt|schrieb|zitiert(?:e)?)\s+(?:de[mnrs]\s+|die\s+|das\s+)?"
               + _CMP_SOURCE_NAME),
    re.compile(r"(?:wie|so)\s+(?:de[mnr]\s+|die\s+|das\s+)?" + _CMP_SOURCE_NAME
               + r"\s+(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)\b"),
    re.compile(_CMP_SOURCE_NAME + r"\s+(?:reported|reports|wrote|writes|said)\b"),
    re.compile(r"\b(?:reported|reports|told)\s+(?:by\s+)?(?:the\s+)?" + _CMP_SOURCE_NAME),
]
_CMP_NOT_SOURCES = {
    "berichten", "angaben", "informationen", "insidern", "kreisen", "medienberichten", "quellen", "experten",
    "analysten", "unternehmen", "unternehmensangaben", "schätzungen", "people", "sources", "reports", "analysts",
    "insiders", "he", "she", "they", "it", "we", "the", "a", "an", "dem", "der", "die", "das", "sie", "er", "es",
    "statistik", "studie", "umfrage", "data", "documents", "dokumenten", "filings", "this", "that",
}
# Reported speech carries an attribution on into the next sentence ("…, sagte Wang laut
# «Handelsblatt». Scale AI werde nun mit 29 Milliarden bewertet."): Konjunktiv I and "demnach".
_CMP_REPORTED_SPEECH = re.compile(r"\b(?:sei|seien|werde|werden sollen|habe|hätten|wäre|könne|solle|müsse|wolle|dürfe|"
                                  r"liege|betrage|zahle|gebe|plane|demnach)\b")
_CMP_UNNAMED_REPORT = re.compile(r"\b(?:Berichten zufolge|laut Berichten|Medienberichten|Insidern|reportedly|"
                                 r"according to (?:people|sources|reports|media))\b", re.I)


def _cmp_norm_source(name: str) -> str:
    """A comparable key for a source name: «N-TV», n-tv and NTV are the same."""
    return re.sub(r"[^0-9a-zäöü]", "", (name or "").lower())


def compare_find_sources(text: str, cites: list[str] | None = None, reporting_only: bool = False) -> list[str]:
    """Sources a piece of text attributes something to, in order of appearance.

    Names the article cites (articles.csv `cites`) count where they appear in an attribution
    ("laut «Handelsblatt»", "berichtet Bloomberg", "according to Reuters") or anywhere in the
    text; other names count only in such a pattern. `reporting_only` keeps only reporting-verb
    patterns (used for the sentence after a figure: "…, berichtet Bloomberg.").
    """
    text = text or ""
    found: list[tuple[int, str]] = []
    patterns = _CMP_REPORTING_PATTERNS if reporting_only else _CMP_ATTRIBUTION_PATTERNS + _CMP_REPORTING_PATTERNS
    cited = {_cmp_norm_source(c): c for c in (cites or []) if isinstance(c, str) and c.strip()}
    for pat in patterns:
        for m in pat.finditer(text):
            name = m.group(1).strip(" .,;:«»\"„“”'")
            key = _cmp_norm_source(name)
            if not key or key in _CMP_NOT_SOURCES or name.split()[0].lower() in _CMP_NOT_SOURCES:
                continue
            # prefer the article's own spelling of a cited name; cut a trailing common word
            match = next((c for k, c in cited.items() if k and (key == k or key.startswith(k))), None)
            found.append((m.start(1), match or name))
    if not reporting_only:
        for key, name in cited.items():
            m = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text, re.I)
            if m:
                found.append((m.start(), name))
    out: list[str] = []
    for _pos, name in sorted(found):
        if _cmp_norm_source(name) not in {_cmp_norm_source(o) for o in out}:
            out.append(name)
    return out


def compare_attribute(text: str, start: int, sentence_spans: list[tuple[int, int]], cites: list[str]) -> tuple[str, str]:
    """(source, where) a figure at offset `start` of an article is attributed to.

    Looks in the figure's sentence, then the sentence before when the figure's sentence is in
    reported speech (Konjunktiv I: "werde", "sei"; "demnach"),
    then the sentence after when it ends with a reporting verb ("…, berichtet Bloomberg");
    an unnamed report ("Berichten zufolge", "reportedly") in an article that cites exactly
    one source is attributed to that source. ("", "") when nothing says where it comes from.
    """
    idx = next((i for i, (a, b) in enumerate(sentence_spans) if a <= start < b), None)
    if idx is None:
        return "", ""
    own = text[sentence_spans[idx][0]:sentence_spans[idx][1]]
    got = compare_find_sources(own, cites)
    if got:
        return got[0], "sentence"
    if idx > 0 and _CMP_REPORTED_SPEECH.search(own):
        got = compare_find_sources(text[sentence_spans[idx - 1][0]:sentence_spans[idx - 1][1]], cites)
        if got:
            return got[0], "previous sentence"
    if idx + 1 < len(sentence_spans):
        got = compare_find_sources(text[sentence_spans[idx + 1][0]:sentence_spans[idx + 1][1]], cites,
                                   reporting_only=True)
        if got:
            return got[0], "next sentence"
    if _CMP_UNNAMED_REPORT.search(own) and len(cites) == 1:
        return cites[0], "article"
    return "", ""


# ---------------------------------------------------------------------------
# Preparing the figures: one row per figure with interval, stage, source, label
# ---------------------------------------------------------------------------
def _cmp_segment_of(start, segments) -> str:
    """The segment kind (headline, caption, body) holding offset `start`, from articles.csv `segments`."""
    s = _cmp_num(start)
    for seg in cell_json(segments, []):
        if isinstance(seg, list) and len(seg) >= 3 and s is not None and seg[0] <= s < seg[1]:
            return str(seg[2])
    return ""


def compare_opening_span(text: str, segments, sentence_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """(start, end) of an article's opening: the first sentence of its first body segment
    (without segments: the first sentence after the first line). (0, 0) when there is none."""
    body_start = None
    for seg in cell_json(segments, []):
        if isinstance(seg, list) and len(seg) >= 3 and seg[2] == "body":
            body_start = seg[0]
            break
    if body_start is None:
        nl = (text or "").find("\n")
        body_start = nl + 1 if nl >= 0 else 0
    for a, b in sentence_spans:
        if b > body_start and len(text[max(a, body_start):b].strip()) >= 20:
            return max(a, body_start), b
    return 0, 0


def compare_prepare_figures(figures: pd.DataFrame, articles: pd.DataFrame, params: dict) -> pd.DataFrame:
    """The figures to compare, one row each, with everything the comparison needs.

    Drops figures of excluded and duplicate articles, of quantity 'unclassified' or empty,
    and without any number; adds outlet (params 'outlets' > articles.csv > figures.csv),
    label, published, segment, stage, stage_cue, timepoint, attributed_to, the interval
    (raw_lo, raw_hi, lo, hi) and point.
    """
    tol = float(params.get("tolerance", 0.05))
    figs = figures.copy() if figures is not None else pd.DataFrame()
    for col in ("file", "quantity", "unit", "qualifier", "text", "sentence", "segment", "outlet", "published",
                "language", "figure_id"):
        if col not in figs.columns:
            figs[col] = ""
        figs[col] = figs[col].fillna("").astype(str)
    for col in ("start", "end", "value", "low", "high", "sentence_start"):
        if col not in figs.columns:
            figs[col] = None
    arts = {}
    if articles is not None and len(articles):
        for rec in articles.to_dict("records"):
            arts[str(rec.get("file", ""))] = rec
    exclude = set(params.get("exclude") or [])
    outlets_param = params.get("outlets") or {}
    lang_story = story_language(articles, params.get("language", "auto"))
    keep = []
    spans_cache: dict[str, list] = {}
    for rec in figs.to_dict("records"):
        f = rec["file"]
        art = arts.get(f, {})
        q = rec["quantity"].strip()
        if f in exclude or not q or q == "unclassified":
            continue
        if str(art.get("duplicate_of", "") or "").strip():
            continue
        rec["unit"] = rec["unit"].strip() or "other"
        rec["qualifier"] = rec["qualifier"].strip().lower() or "exact"
        outlet = outlets_param.get(f) or str(art.get("outlet", "") or "").strip() or rec["outlet"].strip()
        rec["outlet"] = outlet
        rec["label"] = article_label(f, outlet, lang_story)
        rec["published"] = str(art.get("published", "") or "").strip() or rec["published"].strip()
        lang = str(art.get("language", "") or rec["language"] or lang_story)
        raw_lo, raw_hi, lo, hi = compare_figure_interval(rec["value"], rec["low"], rec["high"], rec["qualifier"],
                                                         rec["text"], tol, lang)
        if not (math.isfinite(raw_lo) or math.isfinite(raw_hi)):
            continue
        rec.update(raw_lo=raw_lo, raw_hi=raw_hi, lo=lo, hi=hi,
                   point=compare_point(rec["value"], rec["low"], rec["high"], rec["qualifier"]))
        if not rec["segment"]:
            rec["segment"] = _cmp_segment_of(rec["start"], art.get("segments")) or "body"
        start, end = _cmp_num(rec["start"]), _cmp_num(rec["end"])
        s_start = _cmp_num(rec["sentence_start"])
        sentence = rec["sentence"]
        if start is not None and s_start is not None:
            rel_s, rel_e = int(start - s_start), int((end or start) - s_start)
        else:
            pos = sentence.find(rec["text"]) if rec["text"] else -1
            rel_s, rel_e = (pos, pos + len(rec["text"])) if pos >= 0 else (None, None)
        rec["stage"], rec["stage_cue"] = compare_stage(sentence, rel_s, rel_e)
        rec["timepoint"] = _CMP_TIMEPOINT[rec["stage"]]
        text = str(art.get("text", "") or "")
        cites = [c for c in cell_json(art.get("cites", ""), []) if isinstance(c, str)]
        if text and start is not None:
            if f not in spans_cache:
                spans_cache[f] = compare_sentence_spans(text)
            src, where = compare_attribute(text, int(start), spans_cache[f], cites)
            o_start, o_end = compare_opening_span(text, art.get("segments"), spans_cache[f])
            rec["opening"] = o_start <= start < o_end
        else:
            got = compare_find_sources(sentence, cites)
            src, where = (got[0], "sentence") if got else ("", "")
        rec["attributed_to"], rec["attributed_where"] = src, where
        rec.setdefault("opening", False)
        keep.append(rec)
    cols = list(figs.columns) + [c for c in ("label", "raw_lo", "raw_hi", "lo", "hi", "point", "stage", "stage_cue",
                                             "timepoint", "attributed_to", "attributed_where", "opening") if c not in figs.columns]
    out = pd.DataFrame(keep, columns=cols)
    if len(out):
        out["_start_sort"] = out["start"].map(lambda x: _cmp_num(x) if _cmp_num(x) is not None else -1.0)
        out = out.sort_values(["quantity", "unit", "file", "_start_sort"], kind="mergesort").drop(columns="_start_sort")
    return out.reset_index(drop=True)


def compare_group_figures(figs: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """Like with like: the prepared figures grouped by (quantity, unit).

    Money in different currencies lands in different groups and is never compared as one;
    'unclassified' figures were already left out by compare_prepare_figures.
    """
    groups: dict[tuple[str, str], pd.DataFrame] = {}
    if figs is None or not len(figs):
        return groups
    for (q, u), g in figs.groupby(["quantity", "unit"], sort=True):
        if q and q != "unclassified":
            groups[(str(q), str(u))] = g.reset_index(drop=True)
    return groups


# ---------------------------------------------------------------------------
# Currency equivalents: "£1.3bn ($2.48bn; 1.88bn euros)" is one claim, converted
# ---------------------------------------------------------------------------
_CMP_EQUIV_GAP = re.compile(
    r"\s*[(\[]?\s*(?:(?:or|oder|about|around|roughly|approximately|approx\.|some|nearly|equivalent to|worth|"
    r"rund|etwa|circa|ca\.|umgerechnet|knapp|gut|=|;|:|/|,)\s*)*[(\[]?\s*", re.I)
_CMP_EQUIV_MARK = re.compile(r"[(\[;:/=]|\b(?:or|oder|about|around|roughly|approximately|approx|some|nearly|"
                             r"equivalent|worth|rund|etwa|circa|ca|umgerechnet|knapp|gut)\b", re.I)


def _cmp_is_money(unit: str) -> bool:
    """Whether a unit is a currency code (ISO 4217), not percent, count, year..."""
    return bool(re.fullmatch(r"[A-Z]{3}", str(unit or "")))


def compare_currency_equivalents(figures: pd.DataFrame) -> dict[str, dict]:
    """{figure_id: the figure it converts} for money figures that restate the previous one in another currency.

    Rule: in the same sentence, a money figure that follows another money figure of a
    different currency, separated only by a bracket, "or"/"oder", "about"/"rund"/"etwa",
    ";", ":", "/" or "=" (and blanks/commas), is the same claim converted: "£1.3bn ($2.48bn;
    1.88bn euros)", "a $900m (£479m) loan", "10 Millionen Euro (rund 11 Millionen Dollar)";
    after a conversion a comma is enough: "$9.4bn (261bn roubles, £4.8bn)".
    A chain of conversions points to its first figure. The whole figures table is read
    (unclassified figures too), since the first figure may carry another label.
    """
    out: dict[str, dict] = {}
    if figures is None or not len(figures) or not {"file", "unit", "start", "end"} <= set(figures.columns):
        return out
    recs = [r for r in figures.to_dict("records") if _cmp_is_money(r.get("unit"))
            and _cmp_num(r.get("start")) is not None and _cmp_num(r.get("end")) is not None]
    recs.sort(key=lambda r: (str(r["file"]), _cmp_num(r["start"])))
    for prev, cur in zip(recs, recs[1:]):
        if prev["file"] != cur["file"] or prev["unit"] == cur["unit"]:
            continue
        s0 = _cmp_num(cur.get("sentence_start"))
        if s0 is None or s0 != _cmp_num(prev.get("sentence_start")):
            continue
        sent = str(cur.get("sentence") or "")
        a, b = int(_cmp_num(prev["end"]) - s0), int(_cmp_num(cur["start"]) - s0)
        if not (0 <= a <= b <= len(sent)) or b - a > 30:
            continue
        gap = sent[a:b]
        chained = str(prev.get("figure_id", "")) in out and "," in gap  # "(261bn roubles, £4.8bn)"
        if not _CMP_EQUIV_GAP.fullmatch(gap) or not (_CMP_EQUIV_MARK.search(gap) or chained):
            continue
        root = out.get(str(prev.get("figure_id", "")), prev)
        if root["unit"] == cur["unit"]:
            continue
        out[str(cur.get("figure_id", ""))] = root
    return out


# ---------------------------------------------------------------------------
# Holders: "TCI holds 5%" and "Atticus holds 2%" are different stakes
# ---------------------------------------------------------------------------
_CMP_HOLDING_VERBS = re.compile(r"\b(?:holds?|held|holding|owns?|owned|owning|controls?|controlled|controlling|"
                                r"hält|halten|hielt|hielten|besitzt|besitzen|besaß|kontrolliert|kontrollieren|"
                                r"gehör\w*)\b", re.I)
_CMP_DEAL_VERBS = re.compile(
    r"\b(?:buy\w*|bought|acquir\w*|acquisition|purchas\w*|take|takes|taking|took|taken|invest\w*|pay|pays|paid|"
    r"paying|sell\w*|sold|sale|offer\w*|bid\w*|deal|übernimm\w*|übernehm\w*|übernahm\w*|übernahme\w*|kauf\w*|"
    r"gekauft|erwirb\w*|erwerb\w*|erwarb\w*|erworben|einsteig\w*|steigt|stieg|einstieg\w*|investier\w*|"
    r"zahl\w*|gezahlt|verkauf\w*|bietet|geboten|gebot\w*|sichert|beteiligt|deal\w*)\b", re.I)
_CMP_NAME_STOP = {"Mr", "Mrs", "Ms", "Dr", "Prof", "The", "A", "An", "Der", "Die", "Das", "Ein", "Eine", "Through",
                  "His", "Her", "Its", "Their", "They", "He", "She", "It", "We", "Er", "Sie", "Es", "Wir", "Also",
                  "Auch", "At", "In", "Im", "Am", "Laut", "According", "But", "And", "Und", "Aber", "Now", "Nun",
                  "Currently", "Derzeit", "Already", "Bereits", "Together", "Zusammen", "Family", "Familie"}


def _cmp_holding_subject(sentence: str, start: int | None, end: int | None = None) -> str | None:
    """The holder's name when a holding verb (holds, owns, controls, hält, besitzt) stands right
    next to the figure; "" when the verb is there but no name ("They own 29%"); None without one."""
    if not sentence or start is None or start < 0:
        return None
    end = start if end is None else end
    before = sentence[:start]
    clause_start = max(before.rfind(x) for x in (";", ":", " – ", " - ", "\n"))
    before = before[clause_start + 1:] if clause_start >= 0 else before
    verbs = list(_CMP_HOLDING_VERBS.finditer(before))
    if verbs and len(before) - verbs[-1].end() <= 25:
        subject = before[:verbs[-1].start()]
    elif re.match(r"\s*(?:\w+\s+){0,2}?(?:hält|hielt|besitzt|besaß|kontrolliert)\b", sentence[end:end + 30]):
        subject = before.split(",")[-1]  # German verb after the figure: "an der Meta 49 Prozent hält"
    else:
        return None
    subject = re.split(r"[.!?]\s", subject)[-1]
    subject = re.sub(r"\s*,?\s*\b(?:who|which|that|der|die|das|dem|denen)\s*$", "", subject.strip(" ,"), flags=re.I)
    words = re.findall(r"[A-ZÄÖÜ][\w&.'-]*", " ".join(subject.split()[-7:]))
    names = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    return " ".join(w for w in names if w not in _CMP_NAME_STOP and len(w) > 1)


def compare_stake_holder(sentence: str, start: int | None, end: int | None = None) -> str:
    """Who holds a stake, when the sentence says so: the capitalised names of the subject of a
    holding verb (holds, owns, controls, hält, besitzt) right before the figure.

    "Mr Glazer and his family hold a 28.1% stake" -> "Glazer"; "JP McManus and John Magnier,
    who own 29%" -> "JP McManus John Magnier"; "an der Meta 49 Prozent hält" -> "Meta".
    "" when no holding verb stands next to the figure (a stake being bought has no holder here)
    or when it has no named subject ("They own 29%").
    """
    return _cmp_holding_subject(sentence, start, end) or ""


def _cmp_holder_key(holder: str) -> frozenset:
    """The holder's name tokens, for matching 'JP McManus and John Magnier' with 'John Magnier and JP McManus'."""
    return frozenset(w.lower() for w in holder.split())


def _cmp_same_holder(a: frozenset, b: frozenset) -> bool:
    """Two holders are one when more than half of the shorter name's tokens are shared
    ('Malcolm Glazer' ~ 'Glazer'; 'Fund Tessa' is not 'Fund Orrin')."""
    return bool(a and b) and 2 * len(a & b) > min(len(a), len(b))


def compare_split_holders(figs: pd.DataFrame, language: str = "en") -> tuple[pd.DataFrame, dict[str, str]]:
    """Stakes of different holders are different quantities.

    For share quantities in percent (stake, Anteil...), a figure next to a holding verb
    ("Fund Tessa holds 5%", "They own 29%") is somebody's existing holding. When a quantity has
    any holding, its figures are set apart: each named holder's holdings become the quantity
    '<quantity>__<holder>' (label '<label> (<holder>)'), a holding without a named holder
    '<quantity>__<article>' (it cannot be matched with anybody's). The figures without a
    holding verb (stakes bought, sold, planned) keep the quantity; when there are none, the
    holder named in most articles (ties: the earliest file) keeps it. A quantity whose
    holdings all belong to one holder and has no other figures is left as it is.
    Returns (figures, {new quantity: holder name}).
    """
    labels: dict[str, str] = {}
    if figs is None or not len(figs):
        return figs, labels
    figs = figs.copy()
    holders = []
    for r in figs.to_dict("records"):
        h = None
        if _CMP_SHARE_QUANTITY.search(str(r.get("quantity", ""))) and r.get("unit") == "percent":
            s0, st, en = _cmp_num(r.get("sentence_start")), _cmp_num(r.get("start")), _cmp_num(r.get("end"))
            if s0 is not None and st is not None:
                h = _cmp_holding_subject(str(r.get("sentence", "")), int(st - s0), int((en or st) - s0))
        holders.append(h)
    figs["holder"] = [h or "" for h in holders]
    holding = pd.Series([h is not None for h in holders], index=figs.index)
    for q in sorted(set(figs.loc[holding, "quantity"])):
        in_q = figs["quantity"] == q
        groups: dict[frozenset, dict] = {}
        for idx, r in figs[in_q & holding].iterrows():
            k = _cmp_holder_key(r["holder"]) if r["holder"] else frozenset({f"\0{r['file']}"})
            hit = next((g for g in groups if g == k or _cmp_same_holder(g, k)), None)
            if hit is None:
                groups[k] = {"name": r["holder"], "files": {r["file"]}, "rows": [idx]}
            else:
                groups[hit]["files"].add(r["file"])
                groups[hit]["rows"].append(idx)
        others = bool((in_q & ~holding).any())
        if len(groups) < 2 and not others:
            continue
        named = [g for g in groups if groups[g]["name"]]
        main = None if others or not named else min(
            named, key=lambda g: (-len(groups[g]["files"]), min(groups[g]["files"])))
        for g, info in groups.items():
            if g is main:
                continue
            name = info["name"] or article_label(min(info["files"]), "", language)
            new_q = f"{q}__{re.sub(r'[^a-z0-9]+', '_', name.lower()).strip('_')}"
            figs.loc[info["rows"], "quantity"] = new_q
            labels[new_q] = name
    return figs, labels


# ---------------------------------------------------------------------------
# Claims: what one article says about one quantity at one point in time
# ---------------------------------------------------------------------------
def _cmp_specificity_key(fig: dict) -> tuple:
    """Sort key: body before headline/caption, then exact > approx > range > bounds > vague, narrow first."""
    seg_rank = 1 if fig.get("segment") == "headline" else 0
    spec = _CMP_SPECIFICITY.get(fig.get("qualifier", "exact"), 4)
    lo, hi = fig.get("raw_lo", -INF), fig.get("raw_hi", INF)
    if math.isfinite(lo) and math.isfinite(hi):
        width = (hi - lo) / max(abs(hi), abs(lo), 1e-12)
    else:
        width = INF
    stage_rank = 0 if fig.get("stage") == "settled" else 1
    return (seg_rank if spec < 5 else 3, spec, width, stage_rank, _cmp_num(fig.get("start")) or 0.0)


def compare_article_claims(group: pd.DataFrame) -> list[dict]:
    """One claim per (article, timepoint) of one quantity group.

    The claim is represented by the body's most specific figure: a headline's "$10B" is
    shorthand for the body's "über 10 Milliarden", so the body speaks for the article (a
    headline or caption figure represents it only when the body has none). Each claim keeps
    all its figures, for the self-contradiction check.
    """
    claims = []
    if group is None or not len(group):
        return claims
    recs = group.to_dict("records")
    keys = sorted({(r["file"], r["timepoint"]) for r in recs}, key=lambda k: (k[0], _CMP_TIMEPOINT_RANK[k[1]]))
    for file, tp in keys:
        members = [r for r in recs if r["file"] == file and r["timepoint"] == tp]
        rep = min(members, key=_cmp_specificity_key)
        claims.append({
            "file": file, "outlet": rep["outlet"], "label": rep["label"], "quantity": rep["quantity"],
            "unit": rep["unit"], "timepoint": tp, "stage": rep["stage"], "published": rep.get("published", ""),
            "rep": rep, "figures": members, "qualifier": rep["qualifier"], "pointlike": compare_is_pointlike(rep),
            "raw_lo": rep["raw_lo"], "raw_hi": rep["raw_hi"], "lo": rep["lo"], "hi": rep["hi"], "point": rep["point"],
            "attributed_to": rep.get("attributed_to", "") or next(
                (m.get("attributed_to") for m in members if m.get("attributed_to")), ""),
        })
    return claims


# ---------------------------------------------------------------------------
# Hedge-aware consensus: interval voting
# ---------------------------------------------------------------------------
def compare_voting_intervals(claims: list[dict], voting: list[int]) -> tuple[list[tuple], list[int]]:
    """The intervals the claims vote with, and which claim each belongs to.

    An article votes with every specific (not vague) figure of its body, as one voter: an
    article that mentions two values of one quantity (this year's and last year's change, two
    deals) backs whichever of them the others confirm, and is not made an outlier by the other.
    Headline figures vote only when the body has none; vague wording only when nothing else.
    """
    iv, owner = [], []
    for i in voting:
        c = claims[i]
        members = [f for f in c["figures"] if f["qualifier"] != "vague" and f.get("segment") != "headline"]
        if not members:
            members = [c["rep"]]
        for f in members:
            iv.append((f["lo"], f["hi"], c["label"], compare_is_pointlike(f)))
            owner.append(i)
    return iv, owner


def compare_refit_claim(claim: dict, region: tuple) -> None:
    """Let the article's most specific figure inside the consensus speak for it, when its first
    choice lies outside (the article reported the consensus value and some other value too)."""
    r_lo, r_hi = region
    if r_lo is None or _cmp_overlap(claim["lo"], claim["hi"], r_lo, r_hi):
        return
    inside = [f for f in claim["figures"] if _cmp_overlap(f["lo"], f["hi"], r_lo, r_hi)
              and f.get("segment") != "headline" and f["qualifier"] != "vague"]
    if not inside:
        return
    rep = min(inside, key=_cmp_specificity_key)
    claim.update(rep=rep, qualifier=rep["qualifier"], pointlike=compare_is_pointlike(rep), stage=rep["stage"],
                 raw_lo=rep["raw_lo"], raw_hi=rep["raw_hi"], lo=rep["lo"], hi=rep["hi"], point=rep["point"],
                 attributed_to=rep.get("attributed_to", "") or claim["attributed_to"])

def compare_consensus(intervals: list[tuple[float, float, str, bool]]) -> dict:
    """The stretch of values most voters' intervals share.

    `intervals`: (lo, hi, voter, is_point) per claim — a voter (outlet) counts once.
    Sweeps over the endpoints; the support of a value is the number of distinct voters whose
    interval holds it. Among the stretches of maximal support, ties go to the one backed by
    more point figures (exact/approx/range), then the narrower, then the lower.
    Returns {region_lo, region_hi, support, supporters (indexes), voters}; support 0 when empty.
    """
    empty = {"region_lo": None, "region_hi": None, "support": 0, "supporters": [], "voters": 0}
    iv = [(lo, hi, v, p) for lo, hi, v, p in intervals if lo <= hi]
    if not iv:
        return empty
    ends = sorted({x for lo, hi, _v, _p in iv for x in (lo, hi) if math.isfinite(x)})
    probes: list[tuple[float, float, float]] = []  # (a, b, probe value)
    if not ends:
        probes.append((-INF, INF, 0.0))
    else:
        probes.append((-INF, ends[0], ends[0] - 1 - abs(ends[0])))
        for i, e in enumerate(ends):
            probes.append((e, e, e))
            if i + 1 < len(ends):
                probes.append((e, ends[i + 1], (e + ends[i + 1]) / 2))
        probes.append((ends[-1], INF, ends[-1] + 1 + abs(ends[-1])))
    scored = []
    for a, b, x in probes:
        members = tuple(i for i, (lo, hi, _v, _p) in enumerate(iv) if lo <= x <= hi)
        scored.append((a, b, members, len({iv[i][2] for i in members})))
    best = max(s[3] for s in scored)
    if best == 0:
        return empty
    # merge neighbouring probes with the same members into stretches
    regions: list[list] = []
    for a, b, members, support in scored:
        if support != best:
            continue
        if regions and regions[-1][2] == members and regions[-1][1] >= a:
            regions[-1][1] = max(regions[-1][1], b)
        else:
            regions.append([a, b, members])

    def key(r):
        n_points = len({iv[i][2] for i in r[2] if iv[i][3]})
        width = r[1] - r[0] if math.isfinite(r[1] - r[0]) else INF
        return (-n_points, width, r[0])

    a, b, members = min(regions, key=key)
    # idx of the original list (skipping empty intervals)
    index_map = [i for i, (lo, hi, _v, _p) in enumerate(intervals) if lo <= hi]
    return {"region_lo": a, "region_hi": b, "support": best,
            "supporters": [index_map[i] for i in members], "voters": len({v for _l, _h, v, _p in iv})}


def compare_consensus_range(claims: list[dict], supporters: list[int], region: tuple[float, float]) -> tuple:
    """(consensus_low, consensus_high): the values the supporting claims name.

    Point claims give their values (14.3, 15, 15 -> 14.3–15); when only bounds support the
    consensus, the stretch all of their wordings allow (über 10 and fast 15 -> 10–15).
    """
    pts = []
    for i in supporters:
        c = claims[i]
        if c["qualifier"] == "range":
            pts += [c["raw_lo"], c["raw_hi"]]
        elif c["qualifier"] in _CMP_POINT_QUALIFIERS and c["point"] is not None:
            pts.append(c["point"])
    if pts:
        return min(pts), max(pts)
    lo = max(claims[i]["raw_lo"] for i in supporters)
    hi = min(claims[i]["raw_hi"] for i in supporters)
    if lo > hi:
        lo, hi = region
    if lo <= 0 < hi and all(claims[i]["qualifier"] == "upper" for i in supporters):
        lo = -INF  # "bis zu 65": no floor worth reporting
    return (lo if math.isfinite(lo) else None), (hi if math.isfinite(hi) else None)


def compare_factor(consensus_low: float | None, consensus_high: float | None, claim: dict) -> float | None:
    """How far off a claim is: consensus midpoint / the claim's nearest value (> 1: the claim is lower)."""
    vals = [x for x in (consensus_low, consensus_high) if x is not None]
    if not vals:
        return None
    mid = sum(vals) / len(vals)
    if claim.get("point") is not None and (claim.get("qualifier") in _CMP_POINT_QUALIFIERS
                                           or claim.get("pointlike")):
        v = claim["point"]
    elif math.isfinite(claim["raw_hi"]) and claim["raw_hi"] < mid:
        v = claim["raw_hi"]
    elif math.isfinite(claim["raw_lo"]) and claim["raw_lo"] > mid:
        v = claim["raw_lo"]
    else:
        v = claim.get("point")
    if not v or mid == 0 or (v < 0) != (mid < 0):
        return None
    return mid / v


def compare_verdict(claim: dict, region: tuple[float | None, float | None]) -> str:
    """agrees (a point figure inside the consensus), compatible (a bound, vague wording or a value
    from another point in time that does not contradict), or contradicts."""
    r_lo, r_hi = region
    if r_lo is None and r_hi is None:
        return "agrees"
    r_lo = -INF if r_lo is None else r_lo
    r_hi = INF if r_hi is None else r_hi
    if _cmp_overlap(claim["lo"], claim["hi"], r_lo, r_hi):
        return "agrees" if (claim["qualifier"] in _CMP_POINT_QUALIFIERS or claim.get("pointlike")) else "compatible"
    if claim.get("timepoint", "current") != "current":
        return "compatible"
    return "contradicts"


def compare_error_type(factor: float | None, claim: dict, consensus: tuple, tolerance: float) -> str:
    """What kind of error a contradicting figure looks like, where a rule can tell.

    scale_slip     off by a power of ten (10, 100, 1000...): the value times 10^k lands in the consensus
    early_figure   the figure comes from an early stage (talks, plans, reports)
    ""             no rule applies
    (A different currency is reported separately: currencies are never compared.)
    """
    if factor and factor > 0:
        k = round(math.log10(factor))
        if k != 0:
            lo, hi = consensus
            lo = lo if lo is not None else hi
            hi = hi if hi is not None else lo
            v = claim.get("point")
            if v is not None and lo is not None:
                scaled = v * 10 ** k
                if lo * (1 - 2 * tolerance) <= scaled <= hi * (1 + 2 * tolerance):
                    return "scale_slip"
    if claim.get("stage") == "early":
        return "early_figure"
    return ""


# ---------------------------------------------------------------------------
# Words: labels, numbers and lists in the story's language
# ---------------------------------------------------------------------------
_CMP_QUANTITY_LABELS = {
    "deal_amount": ("Investitionssumme", "Deal amount"), "investment": ("Investition", "Investment"),
    "stake": ("Anteil", "Stake"), "valuation": ("Bewertung", "Valuation"), "revenue": ("Umsatz", "Revenue"),
    "profit": ("Gewinn", "Profit"), "loss": ("Verlust", "Loss"), "net_income": ("Nettogewinn", "Net income"),
    "price_per_share": ("Preis je Aktie", "Price per share"), "shares": ("Anzahl Aktien", "Number of shares"),
    "total": ("Gesamtbetrag", "Total"), "market_value": ("Börsenwert", "Market value"),
    "funding": ("Finanzierung", "Funding"), "users": ("Nutzer", "Users"), "employees": ("Beschäftigte", "Employees"),
    "year_founded": ("Gründungsjahr", "Year founded"), "ai_spending": ("KI-Ausgaben", "AI spending"),
    "workers": ("Arbeitskräfte", "Workers"), "customers": ("Kunden", "Customers"), "price": ("Preis", "Price"),
    "jobs": ("Stellen", "Jobs"), "job_cuts": ("Stellenabbau", "Job cuts"), "fine": ("Strafe", "Fine"),
    "spending": ("Ausgaben", "Spending"), "rank": ("Rang", "Rank"), "year_acquired": ("Jahr der Übernahme",
                                                                                     "Year acquired"),
    "market_share": ("Marktanteil", "Market share"), "change": ("Veränderung", "Change"),
    "change_points": ("Veränderung in Prozentpunkten", "Change in percentage points"),
    "interest_rate": ("Zinssatz", "Interest rate"), "inflation": ("Inflation", "Inflation"),
    "unemployment_rate": ("Arbeitslosenquote", "Unemployment rate"), "margin": ("Marge", "Margin"),
    "vote_share": ("Stimmenanteil", "Vote share"), "people": ("Personen", "People"),
    "casualties": ("Opfer", "Casualties"), "debt": ("Schulden", "Debt"),
    "tax_bill": ("Steuerschuld", "Tax bill"), "damages": ("Schadenersatz", "Damages"),
    "dividend": ("Dividende", "Dividend"), "deaths": ("Tote", "Deaths"), "injured": ("Verletzte", "Injured"),
    "backlog": ("Auftragsbestand", "Order backlog"),
}
_CMP_WORDS = {
    "en": {"article": "article", "stage": {"early": "early stage", "settled": "settled",
                                                  "past": "earlier", "projected": "projected"},
           "lower": "lower", "higher": "higher", "q": ("“", "”")},
    "de": {"article": "Artikel", "stage": {"early": "frühes Stadium", "settled": "feststehend",
                                                  "past": "früher", "projected": "erwartet"},
           "lower": "niedriger", "higher": "höher", "q": ("„", "“")},
}


def compare_quantity_label(quantity: str, language: str = "en", quantities: dict | None = None) -> str:
    """A reader's name for a quantity: the story's 'label', a built-in name, or the name with spaces."""
    spec = (quantities or {}).get(quantity) or {}
    if isinstance(spec, dict) and spec.get("label"):
        return str(spec["label"])
    if quantity in _CMP_QUANTITY_LABELS:
        return _CMP_QUANTITY_LABELS[quantity][0 if language == "de" else 1]
    if "__" in quantity:  # a stake of another holder (compare_split_holders): 'Stake (tci)'
        base, holder = quantity.split("__", 1)
        return f"{compare_quantity_label(base, language, quantities)} ({holder.replace('_', ' ')})"
    return quantity.replace("_", " ").capitalize()


def compare_describe_interval(claim_or_fig: dict, language: str = "en") -> str:
    """What a wording allows, in words: 'at least 2 billion USD', 'up to 50 %', '14.3 billion USD'."""
    lo, hi, unit = claim_or_fig["raw_lo"], claim_or_fig["raw_hi"], claim_or_fig["unit"]
    q = claim_or_fig.get("qualifier", "exact")
    de = language == "de"
    if q in ("exact", "approx") and claim_or_fig.get("point") is not None:
        v = format_amount(claim_or_fig["point"], unit, language, style="long")
        return (f"rund {v}" if de else f"about {v}") if q == "approx" else v
    if math.isfinite(lo) and not math.isfinite(hi):
        return f"{'mindestens' if de else 'at least'} {format_amount(lo, unit, language, style='long')}"
    if math.isfinite(hi) and (not math.isfinite(lo) or lo <= 0):
        return f"{'höchstens' if de else 'at most'} {format_amount(hi, unit, language, style='long')}"
    if q == "vague":
        return (f"mindestens {format_amount(lo, unit, language, style='long')}" if de
                else f"at least {format_amount(lo, unit, language, style='long')}")
    if q == "upper":
        return f"{'knapp unter' if de else 'just under'} {format_amount(hi, unit, language, style='long')}"
    return format_range(lo, hi, unit, language, style="long")


def _cmp_q(text: str, language: str) -> str:
    """A span in the language's quotation marks."""
    a, b = _CMP_WORDS["de" if language == "de" else "en"]["q"]
    return f"{a}{text}{b}"


def _cmp_factor_words(factor: float, language: str, consensus: tuple | None = None, value: float | None = None) -> str:
    """'about 14', '14–15' (from both ends of the consensus), or '12 %' for small gaps."""
    f = factor if factor >= 1 else 1 / factor
    if consensus and value and all(x is not None for x in consensus) and value > 0:
        a, b = sorted(((consensus[0] / value), (consensus[1] / value)))
        if factor < 1:
            a, b = sorted((1 / b, 1 / a))
        if round(a) != round(b) and a >= 2:
            return f"{round(a)}–{round(b)}"
    if f >= 2:
        return f"{'etwa' if language == 'de' else 'about'} {round(f):d}" if f < 20 else \
            f"{'etwa' if language == 'de' else 'about'} {format_number(round(f, -int(math.floor(math.log10(f)))), language)}"
    pct = (1 - 1 / factor) * 100 if factor >= 1 else (1 / factor - 1) * 100
    return format_amount(pct, "percent", language, style="long")


# ---------------------------------------------------------------------------
# Evidence items and finding records
# ---------------------------------------------------------------------------
def _cmp_evidence_item(fig: dict) -> dict:
    """The {file, outlet, text, sentence, start, end} a finding cites for one figure."""
    s, e = _cmp_num(fig.get("start")), _cmp_num(fig.get("end"))
    return {"file": fig["file"], "outlet": fig.get("outlet", ""), "text": fig.get("text", ""),
            "sentence": fig.get("sentence", ""), "start": int(s) if s is not None else None,
            "end": int(e) if e is not None else None}


def _cmp_finding(kind, quantity, unit, figs: list[dict], severity, score, message, detail=None, values=None) -> dict:
    """One findings.csv record (before ranking)."""
    files = sorted({f["file"] for f in figs})
    outlets = []
    for f in sorted(figs, key=lambda f: f["file"]):
        if f.get("label") and f["label"] not in outlets:
            outlets.append(f["label"])
    if values is None:
        values = [f["point"] if f.get("point") is not None else
                  (f["raw_lo"] if math.isfinite(f.get("raw_lo", -INF)) else None) for f in figs]
    return {"kind": kind, "quantity": quantity, "unit": unit, "files": files, "outlets": outlets,
            "values": [v for v in values if v is not None], "severity": severity, "score": round(float(score), 3),
            "message": message, "evidence": [_cmp_evidence_item(f) for f in figs], "detail": detail or {}}


def _cmp_span_quote(fig: dict, language: str) -> str:
    """The figure's span, quoted."""
    return _cmp_q(fig.get("text", ""), language)


def _cmp_context_quote(fig: dict, language: str) -> str:
    """A headline's figure quoted with its headline when the span alone says little ("Milliarden")."""
    sentence = str(fig.get("sentence", "") or "").strip()
    text = str(fig.get("text", "") or "")
    if fig.get("segment") == "headline" and sentence and text in sentence and len(sentence) <= 140 \
            and len(text.split()) < 3:
        return _cmp_q(sentence, language)
    return _cmp_span_quote(fig, language)


# ---------------------------------------------------------------------------
# Per-quantity analysis
# ---------------------------------------------------------------------------
def compare_timeline(claims: list[dict]) -> list[dict]:
    """Claims of one quantity in the order they held.

    By publication date when every claim has one; otherwise by what the wording says:
    past values first, then a projection ("könnte auf 25 Milliarden steigen"), then the
    current value of another article ("nun mit 29 Milliarden") — but an article's own current
    value comes before its own projection.
    """
    files_with_projection = {c["file"] for c in claims if c["timepoint"] == "projected"}

    def rank(c):
        if c["timepoint"] == "past":
            return 0
        if c["timepoint"] == "current" and c["file"] in files_with_projection:
            return 1
        return 2 if c["timepoint"] == "projected" else 3

    if claims and all(c.get("published") for c in claims):
        return sorted(claims, key=lambda c: (c["published"], rank(c), c["file"]))
    return sorted(claims, key=lambda c: (rank(c), c.get("published") or "~", c["file"]))

_CMP_OUTLIER_TEXTS = {
    "de": {"gap": ("etwa {times}-mal {direction}", "{times}-mal {direction}", "{times} {direction}"),
           "message": "{label}: {who} nennt {quote} ({value}) – {gap} als der Konsens von {consensus} ({support}).",
           "scale_slip": " Der Abstand ist fast genau eine Zehnerpotenz (×{power:g}): vermutlich ein Fehler in der "
                         "Größenordnung (etwa Millionen statt Milliarden).",
           "early_figure": " Die Zahl stammt aus einem frühen Stadium ({cue}) und ist womöglich überholt."},
    "en": {"gap": ("{times} times {direction}", "{times} times {direction}", "{times} {direction}"),
           "message": "{label}: {who} reports {quote} ({value}), {gap} than the consensus of {consensus} ({support}).",
           "scale_slip": " The gap is almost exactly a power of ten (×{power:g}): probably a scale slip "
                         "(e.g. million for billion).",
           "early_figure": " It is an early figure ({cue}) and may be out of date."},
}


def _cmp_outlier_message(claim: dict, factor: float | None, etype: str, wide: bool, label: str, times: str,
                         consensus_txt: str, support_txt: str, language: str) -> str:
    """The sentence of an outlier or contradiction finding: who says what, how far from the consensus, and why
    (a scale slip or an early figure) when the error type tells."""
    lang = "de" if language == "de" else "en"
    texts = _CMP_OUTLIER_TEXTS[lang]
    direction = _CMP_WORDS[lang]["lower" if (factor or 1) >= 1 else "higher"]
    about, many, few = texts["gap"]
    gap = (about if wide and times[:1].isdigit() else many if wide else few).format(times=times, direction=direction)
    msg = texts["message"].format(label=label, who=claim["label"], quote=_cmp_span_quote(claim["rep"], language),
                                  value=compare_describe_interval(claim, language), gap=gap,
                                  consensus=consensus_txt, support=support_txt)
    if etype == "scale_slip":
        msg += texts["scale_slip"].format(power=10 ** round(math.log10(factor)))
    elif etype == "early_figure":
        msg += texts["early_figure"].format(cue=_cmp_q(claim["rep"].get("stage_cue", ""), language))
    return msg


def compare_quantity_group(group: pd.DataFrame, params: dict, language: str) -> dict:
    """Everything about one (quantity, unit): claims, consensus, verdicts, status, findings, evidence rows."""
    tol = float(params.get("tolerance", 0.05))
    quantity, unit = str(group["quantity"].iloc[0]), str(group["unit"].iloc[0])
    label = compare_quantity_label(quantity, language, params.get("quantities"))
    holder = (params.get("_holder_labels") or {}).get(quantity)
    if holder:
        label = f"{compare_quantity_label(quantity.split('__')[0], language, params.get('quantities'))} ({holder})"
    claims = compare_article_claims(group)
    current = [i for i, c in enumerate(claims) if c["timepoint"] == "current"]
    voting = current or list(range(len(claims)))
    iv, owner = compare_voting_intervals(claims, voting)
    cons = compare_consensus(iv)
    supporters = sorted({owner[j] for j in cons["supporters"]})
    region = (cons["region_lo"], cons["region_hi"])
    if cons["support"] >= 2:  # only a consensus of several outlets may pick an article's value for it
        for i in supporters:
            compare_refit_claim(claims[i], region)
    if supporters:
        c_lo, c_hi = compare_consensus_range(claims, supporters, region)
    else:
        c_lo = c_hi = None
    for i, c in enumerate(claims):
        c["verdict"] = compare_verdict(c, region) if supporters else "agrees"
        c["factor"] = compare_factor(c_lo, c_hi, c)
        c["moved"] = c["timepoint"] != "current" and c["verdict"] != "agrees" and not (
            region[0] is not None and _cmp_overlap(c["lo"], c["hi"], region[0], region[1]))
    # one voice is no disagreement: when every current claim comes from one article (outlet),
    # its differing values are that article's own, never a contradiction between outlets
    single_voice = len({claims[i]["label"] for i in voting}) < 2
    if single_voice:
        for c in claims:
            if c["verdict"] == "contradicts":
                c["verdict"], c["moved"] = "agrees", False
    n_voters = cons["voters"]
    # a consensus stands when at least two outlets back it and no other stretch has as many
    rest = [t for j, t in enumerate(iv) if owner[j] not in supporters]
    majority = cons["support"] >= 2 and compare_consensus(rest)["support"] < cons["support"]
    contradicting = [c for c in claims if c["verdict"] == "contradicts"]
    moved = [c for c in claims if c["moved"]]
    outlets_all = sorted({c["label"] for c in claims})
    if contradicting:
        status = "contested"
    elif moved:
        status = "progression"
    elif len(outlets_all) <= 1:
        status = "single_source"
    else:
        status = "agreed"

    findings: list[dict] = []
    fmt = lambda lo, hi: format_range(lo, hi, unit, language, style="long")  # noqa: E731
    de = language == "de"

    # independence: who the supporters rely on
    upstream = {}
    for i in supporters:
        c = claims[i]
        upstream.setdefault(_cmp_norm_source(c["attributed_to"]) or _cmp_norm_source(c["label"]), []).append(c)
    independent = len(upstream)

    # consensus finding
    agreeing_all = sorted((claims[i] for i in supporters if claims[i]["verdict"] == "agrees"), key=lambda c: c["file"])
    if supporters and len({c["label"] for c in agreeing_all}) >= 2:
        sup = sorted((claims[i] for i in supporters), key=lambda c: c["file"])
        agreeing = agreeing_all
        compat = [c for c in claims if c["verdict"] == "compatible" and not c["moved"]]
        parts = [f"{c['label']} ({_cmp_span_quote(c['rep'], language)})" for c in agreeing]
        n_agree = len({c["label"] for c in agreeing})
        if de:
            msg = (f"{label}: {n_agree} Medien stimmen überein – {join_words(parts, language)} "
                   f"{'nennen' if len(parts) > 1 else 'nennt'} {fmt(c_lo, c_hi)}.")
        else:
            msg = (f"{label}: {n_agree} outlets agree — {join_words(parts, language)} "
                   f"{'report' if len(parts) > 1 else 'reports'} {fmt(c_lo, c_hi)}.")
        for c in compat:
            kind = {"lower": ("eine Untergrenze", "a lower bound"), "upper": ("eine Obergrenze", "an upper bound"),
                    "vague": ("eine vage Angabe", "vague wording")}.get(c["qualifier"], ("eine Rundung", "a rounding"))
            early = c["stage"] == "early"
            cue = c["rep"].get("stage_cue", "")
            if de:
                msg += (f" {_cmp_span_quote(c['rep'], language)} ({c['label']}) ist {kind[0]} und widerspricht "
                        f"dem nicht" + (f"; die Zahl stammt aus einem frühen Stadium ({_cmp_q(cue, language)}), "
                                        f"als der Deal noch nicht feststand" if early else "") + ".")
            else:
                msg += (f" {c['label']}'s {_cmp_span_quote(c['rep'], language)} is {kind[1]} and does not "
                        f"contradict it" + (f"; it is an early figure ({_cmp_q(cue, language)}), reported before "
                                            f"the deal was settled" if early else "") + ".")
        shared = [(src, cs) for src, cs in upstream.items() if len(cs) >= 2]
        if shared:
            names = [cs[0]["attributed_to"] or cs[0]["label"] for _s, cs in shared]
            msg += (f" Nicht unabhängig: mehrere berufen sich auf {join_words(names, language)}." if de else
                    f" Not independent: several rely on {join_words(names, language)}.")
        figs = [c["rep"] for c in sup] + [c["rep"] for c in compat]
        findings.append(_cmp_finding(
            "consensus", quantity, unit, figs, "info", 30 + min(len(sup), 10),
            msg, {"consensus_low": c_lo, "consensus_high": c_hi, "support": cons["support"],
                  "independent_sources": independent, "compatible": [c["file"] for c in compat]},
            values=[v for v in (c_lo, c_hi) if v is not None]))

    # outliers and contradictions
    if contradicting:
        if majority:
            for c in contradicting:
                f = c["factor"]
                wide = f is not None and (f >= 2 or f <= 0.5)
                etype = compare_error_type(f, c, (c_lo, c_hi), tol)
                sup_labels = join_words(sorted({c["label"] for c in agreeing_all}
                                              or {claims[i]["label"] for i in supporters}), language)
                times = _cmp_factor_words(f, language, (c_lo, c_hi), c["point"]) if f else "?"
                msg = _cmp_outlier_message(c, f, etype, wide, label, times, fmt(c_lo, c_hi), sup_labels, language)
                kind = "outlier" if wide else "contradiction"
                if kind == "outlier":
                    sev, score = ("medium", 60) if etype == "early_figure" else (
                        "high", 90 + min(10.0, 5 * abs(math.log10(f))))
                else:
                    sev, score = "medium", 65
                figs = [c["rep"]] + [claims[i]["rep"] for i in sorted(supporters, key=lambda i: claims[i]["file"])]
                findings.append(_cmp_finding(
                    kind, quantity, unit, figs, sev, score, msg,
                    {"factor": f, "error_type": etype, "consensus_low": c_lo, "consensus_high": c_hi,
                     "stage": c["stage"], "outlier_file": c["file"]}))
        else:
            parts = [f"{c['label']} {_cmp_span_quote(c['rep'], language)} ({compare_describe_interval(c, language)})"
                     for c in sorted((claims[i] for i in voting), key=lambda c: c["file"])]
            msg = (f"{label}: Die Medien widersprechen sich, keine Zahl hat eine Mehrheit – {join_words(parts, language)}."
                   if de else f"{label}: the outlets contradict each other and no value has a majority — "
                              f"{join_words(parts, language)}.")
            vals = [claims[i]["point"] for i in voting if claims[i]["point"]]
            ratio = max(vals) / min(vals) if vals and min(vals) > 0 else None
            findings.append(_cmp_finding(
                "contradiction", quantity, unit, [claims[i]["rep"] for i in voting],
                "high" if ratio and ratio >= 2 else "medium", 75 if ratio and ratio >= 2 else 65, msg,
                {"factor": ratio, "support": cons["support"], "voters": n_voters}))

    # progression: the same quantity at different points in time
    if moved:
        seq = compare_timeline([c for c in claims if c["verdict"] != "contradicts" and c["qualifier"] != "vague"])
        stage_words = {"past": ("früher", "earlier"), "projected": ("erwartet", "projected"),
                       "current": ("aktuell", "now")}
        steps = []
        for c in seq:
            cue = c["rep"].get("stage_cue", "")
            w = stage_words[c["timepoint"]][0 if de else 1]
            steps.append(f"{compare_describe_interval(c, language)} ({w}, {c['label']}: "
                         f"{_cmp_span_quote(c['rep'], language)}" + (f", {_cmp_q(cue, language)}" if cue else "") + ")")
        if len(steps) > 8:
            steps = steps[:4] + ["…"] + steps[-3:]
        arrow = " → "
        msg = (f"{label}: Kein Widerspruch, sondern eine Entwicklung über die Zeit – {arrow.join(steps)}." if de else
               f"{label}: not a contradiction but a change over time — {arrow.join(steps)}.")
        findings.append(_cmp_finding(
            "progression", quantity, unit, [c["rep"] for c in seq], "low", 40, msg,
            {"sequence": [{"file": c["file"], "stage": c["stage"], "timepoint": c["timepoint"], "value": c["point"]}
                          for c in seq]},
            values=[c["point"] for c in seq]))

    # self-contradiction: an article's headline/opening against its own body
    for c in claims:
        rep = c["rep"]
        bad = [f for f in c["figures"] if f is not rep and (f.get("segment") == "headline" or f.get("opening"))
               and not _cmp_overlap(f["lo"], f["hi"], rep["lo"], rep["hi"])]
        if not bad:
            continue
        seg_words = {"headline": ("Schlagzeile", "headline"), "caption": ("Bildunterschrift", "caption"),
                     "body": ("Text", "body"), "opening": ("Einstieg", "opening")}
        parts = [f"{seg_words['opening' if f.get('opening') and f['segment'] != 'headline' else f['segment']][0 if de else 1]} "
                 f"{_cmp_context_quote(f, language)} ({compare_describe_interval(f, language)})" for f in bad]
        rep_desc = compare_describe_interval(rep, language)
        if de:
            msg = (f"{label}: {c['label']} widerspricht sich selbst – {join_words(parts, language)}, "
                   f"aber im {seg_words.get(rep['segment'], ('Text', 'text'))[0]} {_cmp_span_quote(rep, language)} "
                   f"({rep_desc}).")
        else:
            msg = (f"{label}: {c['label']} contradicts itself — its {join_words(parts, language)}, but its "
                   f"{seg_words.get(rep['segment'], ('Text', 'text'))[1]} says {_cmp_span_quote(rep, language)} "
                   f"({rep_desc}).")
        findings.append(_cmp_finding(
            "self_contradiction", quantity, unit, bad + [rep], "high", 85, msg,
            {"file": c["file"], "segments": [("opening" if f.get("opening") and f["segment"] != "headline"
                                              else f["segment"]) for f in bad] + [rep["segment"]]}))

    # evidence rows: every figure of the group, with the verdict of its claim
    evidence = []
    for c in claims:
        for f in c["figures"]:
            role = "claim" if f is c["rep"] else (f"{f['segment']}_shorthand" if f["segment"] in ("headline", "caption")
                                                 else "secondary")
            if f is c["rep"]:
                verdict, factor = c["verdict"], c["factor"]
            else:
                fc = dict(f, timepoint=c["timepoint"], pointlike=compare_is_pointlike(f))
                verdict = compare_verdict(fc, region) if supporters else "agrees"
                factor = compare_factor(c_lo, c_hi, fc)
                if verdict == "contradicts" and _cmp_overlap(f["lo"], f["hi"], c["rep"]["lo"], c["rep"]["hi"]):
                    verdict, factor = c["verdict"], c["factor"]  # shorthand for what the body says
                if verdict == "contradicts" and single_voice:
                    verdict, factor = "compatible", None  # another value of the only article: not a dispute
            evidence.append({
                "quantity": quantity, "unit": unit, "file": f["file"], "outlet": f["outlet"],
                "figure_id": f.get("figure_id", ""), "text": f.get("text", ""), "value": _cmp_num(f.get("value")),
                "low": _cmp_num(f.get("low")), "high": _cmp_num(f.get("high")), "qualifier": f["qualifier"],
                "stage": f["stage"], "attributed_to": f.get("attributed_to", ""), "verdict": verdict,
                "factor": round(factor, 4) if factor else None, "sentence": f.get("sentence", ""),
                "published": f.get("published", ""), "start": _cmp_num(f.get("start")), "end": _cmp_num(f.get("end")),
                "segment": f["segment"], "role": role, "stage_cue": f.get("stage_cue", ""),
                "reason": ((("weitere Zahl desselben Artikels, kein Vergleich zwischen Medien" if de else
                             "another value in the same article, not compared across outlets")
                            if single_voice and role == "secondary" and verdict == "compatible" and factor is None
                            else _cmp_reason(f, c, verdict, role, language))),
            })

    pts = [c["point"] for c in claims if c["point"] is not None and c["qualifier"] != "vague"]
    pts_sorted = sorted(pts)
    median = (pts_sorted[len(pts) // 2] if len(pts) % 2 else (pts_sorted[len(pts) // 2 - 1] + pts_sorted[len(pts) // 2]) / 2) if pts else None
    row = {
        "quantity": quantity, "unit": unit, "n_outlets": len(outlets_all), "n_figures": int(len(group)),
        "consensus_low": c_lo, "consensus_high": c_hi, "median": median,
        "min": min(pts) if pts else None, "max": max(pts) if pts else None,
        "spread": round(max(pts) / min(pts), 4) if pts and min(pts) > 0 else None, "status": status,
        "agree": json.dumps(sorted({c["file"] for c in claims if c["verdict"] == "agrees"}), ensure_ascii=False),
        "compatible": json.dumps(sorted({c["file"] for c in claims if c["verdict"] == "compatible"}), ensure_ascii=False),
        "contradict": json.dumps(sorted({c["file"] for c in claims if c["verdict"] == "contradicts"}), ensure_ascii=False),
        "label": label, "support": cons["support"], "independent_sources": independent,
    }
    return {"row": row, "claims": claims, "findings": findings, "evidence": evidence,
            "consensus": (c_lo, c_hi), "status": status}


def _cmp_reason(fig: dict, claim: dict, verdict: str, role: str, language: str) -> str:
    """A few plain words on why a figure got its verdict (evidence.csv `reason`)."""
    de = language == "de"
    if role.endswith("_shorthand") and verdict != "contradicts":
        return (f"Kurzform für {_cmp_span_quote(claim['rep'], language)}" if de
                else f"shorthand for {_cmp_span_quote(claim['rep'], language)}")
    if claim["timepoint"] != "current" and verdict == "compatible":
        return ("Wert zu einem anderen Zeitpunkt" if de else "a value at another point in time")
    if verdict == "compatible":
        return {"lower": ("Untergrenze, kein Widerspruch", "lower bound, no contradiction"),
                "upper": ("Obergrenze, kein Widerspruch", "upper bound, no contradiction"),
                "vague": ("vage Angabe, kein Widerspruch", "vague wording, no contradiction")}.get(
            fig["qualifier"], ("gerundet, kein Widerspruch", "rounded, no contradiction"))[0 if de else 1]
    if verdict == "agrees":
        return "im Konsens" if de else "within the consensus"
    return "widerspricht dem Konsens" if de else "contradicts the consensus"


# ---------------------------------------------------------------------------
# Currencies: the same quantity reported in different currencies
# ---------------------------------------------------------------------------
_CMP_MONEY_NONCODES = {"percent", "percentage_points", "count", "year", "ordinal", "date", "other"}


def compare_currency_findings(results: dict, language: str, tolerance: float) -> list[dict]:
    """Quantities reported in more than one currency are never converted or merged; when the
    minority currency's number equals the majority's consensus, the currency itself looks
    wrong: an outlier with error type 'currency'."""
    out = []
    by_q: dict[str, list] = {}
    for (q, u), res in results.items():
        if u not in _CMP_MONEY_NONCODES and re.fullmatch(r"[A-Z]{3}", u):
            by_q.setdefault(q, []).append((u, res))
    de = language == "de"
    for q, items in sorted(by_q.items()):
        if len(items) < 2:
            continue
        items.sort(key=lambda ur: (-ur[1]["row"]["n_outlets"], ur[0]))
        main_u, main = items[0]
        label = compare_quantity_label(q, language)
        for u, res in items[1:]:
            figs = [c["rep"] for c in res["claims"]]
            same_number = any(
                c["point"] is not None and main["consensus"][0] is not None and
                main["consensus"][0] * (1 - tolerance) <= c["point"] <= (main["consensus"][1] or main["consensus"][0]) * (1 + tolerance)
                for c in res["claims"])
            quotes = join_words([f"{c['label']} {_cmp_span_quote(c['rep'], language)}" for c in res["claims"]], language)
            main_labels = join_words(sorted({c["label"] for c in main["claims"]}), language)
            if de:
                msg = (f"{label}: {quotes} in {u}, {main_labels} in {main_u}; Beträge in verschiedenen Währungen "
                       f"werden nicht verglichen." + (" Die Zahl gleicht dem Konsens in " + main_u +
                                                       " – womöglich ist die Währung falsch." if same_number else ""))
            else:
                msg = (f"{label}: {quotes} in {u}, {main_labels} in {main_u}; amounts in different currencies are not "
                       f"compared." + (f" The number matches the {main_u} consensus — the currency may be wrong."
                                       if same_number else ""))
            # never a contradiction: the amounts are not compared (conversions in brackets were
            # already set aside by compare_currency_equivalents). Only a number that equals the
            # other currency's consensus is a finding: an outlier whose error looks like the
            # currency. A quantity simply reported in two currencies is two rows of comparison.csv.
            if same_number:
                out.append(_cmp_finding(
                    "outlier", q, u, figs + [c["rep"] for c in main["claims"]], "medium", 45, msg,
                    {"error_type": "currency", "currencies": [main_u, u], "same_number": True}))
    return out


# ---------------------------------------------------------------------------
# Derived checks: figures that imply each other
# ---------------------------------------------------------------------------
BUILTIN_RELATIONS = [
    {"result": "valuation", "numerator": "deal_amount", "denominator": "stake"},
    {"result": "valuation", "numerator": "investment", "denominator": "stake"},
    {"result": "valuation", "numerator": "funding", "denominator": "stake"},
    {"result": "total", "factors": ["price_per_share", "shares"]},
    {"result": "deal_amount", "factors": ["price_per_share", "shares"]},
    {"result": "market_value", "factors": ["price_per_share", "shares"]},
]
_CMP_SHARE_QUANTITY = re.compile(r"stake|share(?!s$)|anteil|ownership|beteiligung", re.I)


def _cmp_fig_clause(fig: dict) -> str:
    """The clause of a figure's sentence around it (its whole sentence when offsets are missing)."""
    sent = str(fig.get("sentence") or "")
    st, en, s0 = _cmp_num(fig.get("start")), _cmp_num(fig.get("end")), _cmp_num(fig.get("sentence_start"))
    if st is None or s0 is None:
        return sent
    return compare_clause(sent, int(st - s0), int((en or st) - s0))


def _cmp_is_holding(fig: dict) -> bool:
    """Whether a stake figure describes an existing holding ("who own 29%", "hält 5 Prozent"), not a purchase."""
    return bool(_CMP_HOLDING_VERBS.search(_cmp_fig_clause(fig)))


def compare_same_transaction(amount: dict, stake: dict) -> bool:
    """Whether an article's amount and stake claims plausibly describe one transaction, so that
    amount ÷ stake may be read as a valuation (the built-in identity).

    Rule: some figure of the stake claim (the reported value, or the same value said again)
    does not describe an existing holding (no own/hold/control/hält/besitzt in its clause),
    and either sits in the same sentence as a figure of the amount claim, or its sentence names
    a transaction (buy, acquire, take, invest, pay, übernehmen, kaufen, investieren...) and so
    does the amount's sentence. "Meta übernimmt 49 Prozent" + "Meta investiert 14,3 Milliarden
    Dollar" pass; "McManus and Magnier, who own 29%, will reject a £800m offer" does not.
    """
    def same_value(f, c):
        return _cmp_overlap(f["lo"], f["hi"], c["rep"]["lo"], c["rep"]["hi"]) if "lo" in f else f is c["rep"]
    stakes = [f for f in stake.get("figures") or [stake["rep"]] if same_value(f, stake) and not _cmp_is_holding(f)]
    amounts = [f for f in amount.get("figures") or [amount["rep"]] if same_value(f, amount)]
    for s in stakes:
        for a in amounts:
            same_sentence = (_cmp_num(s.get("sentence_start")) is not None and s.get("file") == a.get("file")
                             and _cmp_num(s.get("sentence_start")) == _cmp_num(a.get("sentence_start")))
            if same_sentence or (_CMP_DEAL_VERBS.search(str(s.get("sentence") or ""))
                                 and _CMP_DEAL_VERBS.search(str(a.get("sentence") or ""))):
                return True
    return False


def _cmp_builtin_relation(rel: dict, params: dict) -> bool:
    """A built-in identity (BUILTIN_RELATIONS), not one of the story's own relations (story.yaml)."""
    return rel not in (params.get("relations") or [])


def compare_builtin_inputs_fit(rel: dict, got: dict) -> bool:
    """Whether one article's inputs to a built-in identity plausibly belong together: amount ÷
    stake by compare_same_transaction; a product (price per share × shares) only when its
    factors stand in one sentence ("$48 per share for all 50 million shares")."""
    if "numerator" in rel:
        if _CMP_SHARE_QUANTITY.search(str(rel.get("denominator", ""))):
            return compare_same_transaction(got[rel["numerator"]], got[rel["denominator"]])
        return True
    reps = [c.get("rep") or {} for c in got.values()]
    starts = {(r.get("file"), _cmp_num(r.get("sentence_start"))) for r in reps}
    return len(starts) == 1 and None not in {s for _f, s in starts}


def _cmp_builtin_share_relation(rel: dict, params: dict) -> bool:
    """A built-in amount ÷ stake identity (not one of the story's own relations)."""
    return (rel not in (params.get("relations") or []) and "numerator" in rel
            and bool(_CMP_SHARE_QUANTITY.search(str(rel.get("denominator", "")))))


def _cmp_relation_terms(rel: dict) -> list[tuple[str, str]]:
    """[(role, quantity)] of a relation: numerator/denominator, factors or parts."""
    if "factors" in rel:
        return [("factor", q) for q in rel.get("factors") or []]
    if "parts" in rel:
        return [("part", q) for q in rel.get("parts") or []]
    return [("numerator", rel.get("numerator")), ("denominator", rel.get("denominator"))]


def _cmp_as_factor(value: float, unit: str) -> float:
    """A percent as a fraction (49 -> 0.49); other units unchanged."""
    return value / 100.0 if unit == "percent" else value


def compare_implied(rel: dict, terms: dict[str, dict]) -> tuple[float, float, float | None] | None:
    """(lo, hi, point) the relation implies from the claims of its terms (interval arithmetic).

    numerator ÷ denominator (a percent counts as a fraction: 14.3 bn ÷ 49 % = 29.2 bn),
    product of factors, or sum of parts. None when a term is missing or unbounded.
    """
    def iv(c):
        lo, hi = c["raw_lo"], c["raw_hi"]
        return _cmp_as_factor(lo, c["unit"]), _cmp_as_factor(hi, c["unit"]), \
            (_cmp_as_factor(c["point"], c["unit"]) if c["point"] is not None else None)
    if "factors" in rel or "parts" in rel:
        names = rel.get("factors") or rel.get("parts") or []
        if not names or any(n not in terms for n in names):
            return None
        lo, hi, pt = (1.0, 1.0, 1.0) if "factors" in rel else (0.0, 0.0, 0.0)
        for n in names:
            a, b, p = iv(terms[n])
            if not (math.isfinite(a) and math.isfinite(b)) or a < 0:
                return None
            if "factors" in rel:
                lo, hi = lo * a, hi * b
                pt = pt * p if pt is not None and p is not None else None
            else:
                lo, hi = lo + a, hi + b
                pt = pt + p if pt is not None and p is not None else None
        return lo, hi, pt
    num, den = terms.get(rel.get("numerator")), terms.get(rel.get("denominator"))
    if num is None or den is None:
        return None
    a, b, p = iv(num)
    c, d, r = iv(den)
    if not all(math.isfinite(x) for x in (a, b, c, d)) or c <= 0:
        return None
    return a / d, b / c, (p / r if p is not None and r else None)


def compare_derived_checks(results: dict, params: dict, language: str) -> list[dict]:
    """One derived_check finding per relation and article that reports its inputs.

    The built-in identities (amount ÷ stake = valuation; price per share × shares = total)
    and params['relations'] from story.yaml. Inputs come from the same article first; the
    result from the same article, else the consensus of the result quantity. A check is
    consistent when the implied interval meets the reported one widened by the tolerance.
    Also part ≤ whole: a stake is at most 100 %, the amount paid for a stake is at most the
    valuation, and {result: whole, parts: [...]} relations.
    """
    tol = float(params.get("tolerance", 0.05))
    de = language == "de"
    rels = list(params.get("relations") or []) + [r for r in BUILTIN_RELATIONS
                                                     if r not in (params.get("relations") or [])]
    # claims by quantity (current timepoint, non-vague), regardless of currency
    by_q: dict[str, list[dict]] = {}
    cons_by_q: dict[str, list] = {}
    for (q, u), res in results.items():
        for c in res["claims"]:
            if c["timepoint"] == "current" and c["qualifier"] != "vague":
                by_q.setdefault(q, []).append(c)
        if res["consensus"][0] is not None:
            cons_by_q.setdefault(q, []).append((u, res))
    findings: list[dict] = []
    seen = set()
    for rel in rels:
        result_q = rel.get("result")
        terms = [q for _r, q in _cmp_relation_terms(rel)]
        if not result_q or not terms or any(not q for q in terms):
            continue
        key = json.dumps(rel, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        files = sorted({c["file"] for q in terms for c in by_q.get(q, [])})
        done_any = False
        for file in files:
            got = {q: next((c for c in by_q.get(q, []) if c["file"] == file), None) for q in terms}
            if any(v is None for v in got.values()):
                continue
            if any(g["qualifier"] not in _CMP_POINT_QUALIFIERS + ("upper", "lower") for g in got.values()):
                continue
            money = {g["unit"] for g in got.values() if g["unit"] not in _CMP_MONEY_NONCODES}
            if len(money) > 1:
                continue
            builtin = _cmp_builtin_relation(rel, params)
            if builtin and not compare_builtin_inputs_fit(rel, got):
                continue  # e.g. the amount and the stake may belong to different deals or holders
            implied = compare_implied(rel, got)
            if implied is None:
                continue
            own = next((c for c in by_q.get(result_q, []) if c["file"] == file
                        and (not money or c["unit"] in money)), None)
            f = _cmp_derived_finding(rel, got, implied, own, cons_by_q.get(result_q, []), money, tol, language,
                                     builtin=builtin)
            if f:
                findings.append(f)
                done_any = True
        if not done_any and not (_cmp_builtin_relation(rel, params) and "numerator" not in rel):
            # no article reports all inputs: use the consensus values (never for a built-in
            # product, whose factors from different articles need not belong together)
            got = {}
            for q in terms:
                opts = cons_by_q.get(q, [])
                if not opts:
                    break
                u, res = max(opts, key=lambda ur: ur[1]["row"]["n_outlets"])
                if _cmp_builtin_share_relation(rel, params) and q == rel.get("denominator") and any(
                        _cmp_is_holding(c["rep"]) for c in res["claims"] if c["verdict"] == "agrees"):
                    break  # a holder's existing stake, not the share a deal buys
                lo, hi = res["consensus"]
                got[q] = {"raw_lo": lo, "raw_hi": hi if hi is not None else lo, "unit": u,
                          "point": (lo + hi) / 2 if hi is not None else lo, "qualifier": "range",
                          "file": "", "label": "", "rep": None, "consensus_of": res}
            if len(got) == len(terms):
                money = {g["unit"] for g in got.values() if g["unit"] not in _CMP_MONEY_NONCODES}
                implied = compare_implied(rel, got) if len(money) <= 1 else None
                if implied is not None:
                    f = _cmp_derived_finding(rel, got, implied, None, cons_by_q.get(result_q, []), money, tol, language,
                                             builtin=_cmp_builtin_relation(rel, params))
                    if f:
                        findings.append(f)
    # part <= whole: shares of a whole are at most 100 %
    for q, cs in sorted(by_q.items()):
        if not _CMP_SHARE_QUANTITY.search(q):
            continue
        for c in cs:
            if c["unit"] == "percent" and math.isfinite(c["raw_lo"]) and c["raw_lo"] > 100 * (1 + tol):
                label = compare_quantity_label(q, language, params.get("quantities"))
                msg = (f"{label}: {c['label']} nennt {_cmp_span_quote(c['rep'], language)} – ein Anteil kann "
                       f"nicht über 100 % liegen." if de else
                       f"{label}: {c['label']} reports {_cmp_span_quote(c['rep'], language)} — a share cannot "
                       f"exceed 100 %.")
                findings.append(_cmp_finding("derived_check", q, c["unit"], [c["rep"]], "high", 80, msg,
                                             {"check": "part_le_whole", "consistent": False, "whole": 100.0,
                                              "tolerance": tol}))
    return findings


def _cmp_derived_finding(rel, got, implied, own, result_opts, money, tol, language, builtin=False) -> dict | None:
    """The finding for one derived check: implied vs reported (same article, else consensus).

    None when the reported result is one of the inputs itself (the same figure, or for
    amount ÷ stake a 'valuation' equal to the amount while the stake is below 90 %: the
    amount was the whole price, so the identity says nothing). A built-in check that does
    not fit is worded as a question and ranked below disagreements between outlets."""
    de = language == "de"
    result_q = rel["result"]
    lo, hi, pt = implied
    if own is not None:
        r_lo, r_hi = own["raw_lo"], own["raw_hi"]
        r_pt, r_unit = own["point"], own["unit"]
        reporter = own["label"]
        rep_figs = [own["rep"]]
        r_source = "same article"
    else:
        opts = [(u, res) for u, res in result_opts if not money or u in money]
        if not opts:
            return None
        r_unit, res = max(opts, key=lambda ur: ur[1]["row"]["n_outlets"])
        r_lo, r_hi = res["consensus"]
        r_hi = r_hi if r_hi is not None else r_lo
        r_pt = (r_lo + r_hi) / 2
        reporter = join_words(sorted({c["label"] for c in res["claims"] if c["verdict"] == "agrees"}), language)
        rep_figs = [c["rep"] for c in res["claims"] if c["verdict"] == "agrees"]
        r_source = "consensus"
    if r_lo is None or not math.isfinite(r_lo):
        return None
    inputs = [c for c in got.values() if c.get("rep")]
    ident = lambda f: (f["file"], _cmp_num(f.get("start")), _cmp_num(f.get("end")), f.get("text"))  # noqa: E731
    if any(ident(f) == ident(c["rep"]) for f in rep_figs if f for c in inputs):
        return None  # never compare a figure with itself
    if "numerator" in rel:
        num, den = got.get(rel["numerator"]), got.get(rel["denominator"])
        if num and den and num.get("point") is not None and den.get("unit") == "percent" \
                and den.get("point") is not None and den["point"] < 90:
            w = _cmp_widen(r_lo, r_hi if r_hi is not None else r_lo, tol / 5)
            if w[0] <= num["point"] <= w[1]:
                return None  # the reported result is the amount itself
    w_lo, w_hi = _cmp_widen(r_lo, r_hi, tol)
    consistent = _cmp_overlap(lo, hi, w_lo, w_hi) if "parts" not in rel else lo <= w_hi  # parts: at most the whole
    bounded = any(c.get("qualifier") in ("upper", "lower") for c in got.values())
    est = pt if pt is not None else ((lo + hi) / 2 if math.isfinite(hi) else lo)
    if bounded:  # a bound implies a stretch of values: the gap is the distance between the stretches
        gap = 0.0 if _cmp_overlap(lo, hi, r_lo, r_hi) else min(abs(lo - r_hi), abs(hi - r_lo))
        diff = gap / abs(r_pt) if r_pt else None
    else:
        diff = abs(est - r_pt) / abs(r_pt) if r_pt else None
    from_outlier = [c for c in got.values() if c.get("verdict") == "contradicts"]
    labels = {q: compare_quantity_label(q, language) for q in [result_q] + [q for _r, q in _cmp_relation_terms(rel)]}
    unit_of = lambda c: c["unit"]  # noqa: E731
    parts = []
    for role, q in _cmp_relation_terms(rel):
        c = got[q]
        txt = _cmp_span_quote(c["rep"], language) if c.get("rep") else format_range(
            c["raw_lo"], c["raw_hi"], unit_of(c), language, style="long")
        parts.append(txt)
    op = " ÷ " if "numerator" in rel else (" × " if "factors" in rel else " + ")
    if bounded:
        implied_txt = (format_range(lo, hi, r_unit, language, style="long") if math.isfinite(hi) else
                       f"{'mindestens' if de else 'at least'} {format_amount(lo, r_unit, language, style='long')}")
    else:
        implied_txt = format_amount(est, r_unit, language, style="long")
    approx = (("etwa " if de else "about ") if pt is not None and not bounded else "")
    reported_txt = format_range(r_lo, r_hi, r_unit, language, style="long")
    who = next((c["label"] for c in got.values() if c.get("label")), "")
    diff_txt = format_amount(diff * 100, "percent", language, style="long") if diff is not None else "?"
    tol_txt = format_amount(tol * 100, "percent", language, style="long")
    if de:
        head = f"{labels[result_q]}: " + (f"Aus {who}: " if who else "Aus den Konsenswerten: ")
        msg = (f"{head}{op.join(parts)} ergibt {approx}{implied_txt}; "
               + (f"{'passt zur' if consistent else 'passt nicht zur'} Bewertung von {reported_txt}"
                  if result_q == "valuation" else f"{'passt zu' if consistent else 'passt nicht zu'} {reported_txt}")
               + f" ({'im selben Artikel' if own is not None else reporter}; Abweichung {diff_txt}, Toleranz {tol_txt}).")
    else:
        head = f"{labels[result_q]}: " + (f"from {who}: " if who else "from the consensus values: ")
        msg = (f"{head}{op.join(parts)} = {approx}{implied_txt}, "
               f"{'consistent' if consistent else 'not consistent'} with the reported {reported_txt} "
               f"({'same article' if own is not None else reporter}; difference {diff_txt}, tolerance {tol_txt}).")
    figs = [c["rep"] for c in got.values() if c.get("rep")] + [f for f in rep_figs if f]
    seen, uniq = set(), []
    for f in figs:
        k = (f["file"], f.get("start"))
        if k not in seen:
            seen.add(k)
            uniq.append(f)
    if consistent:
        sev, score = "info", 25
    elif builtin and not from_outlier:  # a rule of thumb the story did not ask for: a question, not a verdict
        sev, score = "medium", 50
        msg += (" Eingebaute Faustregel: Womöglich gehören die Zahlen nicht zum selben Geschäft – bitte prüfen."
                if de else " Built-in rule of thumb: the figures may not belong to the same deal — worth checking.")
    elif from_outlier:  # follows from an outlier already reported: worth a look, not a new alarm
        sev, score = "medium", 48 if builtin else 55
        msg += (f" Folgt aus der abweichenden Zahl von {join_words(sorted({c['label'] for c in from_outlier}), language)}."
                if de else f" This follows from {join_words(sorted({c['label'] for c in from_outlier}), language)}'s "
                           f"outlying figure.")
    elif own is None and not any(c.get("rep") for c in got.values()):
        sev, score = "medium", 58  # built from consensus values of different articles: a lead, not a verdict
    else:
        sev, score = "high", 80
    return _cmp_finding(
        "derived_check", result_q, r_unit, uniq, sev, score, msg,
        {"relation": rel, "implied": est, "implied_low": lo, "implied_high": hi if math.isfinite(hi) else None,
         "reported": r_pt, "reported_low": r_lo, "reported_high": r_hi, "consistent": consistent,
         "difference": diff, "tolerance": tol, "result_from": r_source,
         "from_outlier": sorted({c["file"] for c in from_outlier})},
        values=[v for v in (est, r_pt) if v is not None])


# ---------------------------------------------------------------------------
# Who cites whom
# ---------------------------------------------------------------------------
def compare_attribution_findings(figs: pd.DataFrame, articles: pd.DataFrame, results: dict,
                                 params: dict, language: str) -> list[dict]:
    """Attribution findings: per article, the sources it cites and the figures it attributes to
    them; per quantity, outlets whose figures share one upstream source (not independent)."""
    de = language == "de"
    out = []
    arts = articles.to_dict("records") if articles is not None and len(articles) else []
    exclude = set(params.get("exclude") or [])
    outlets_param = params.get("outlets") or {}
    lang = language
    for art in sorted(arts, key=lambda a: str(a.get("file", ""))):
        file = str(art.get("file", ""))
        if file in exclude or str(art.get("duplicate_of", "") or "").strip():
            continue
        cites = [c for c in cell_json(art.get("cites", ""), []) if isinstance(c, str) and c.strip()]
        mine = figs[figs["file"] == file] if len(figs) else figs
        attributed = [r for r in mine.to_dict("records") if r.get("attributed_to")] if len(mine) else []
        sources = list(cites)
        for r in attributed:
            if _cmp_norm_source(r["attributed_to"]) not in {_cmp_norm_source(s) for s in sources}:
                sources.append(r["attributed_to"])
        if not sources:
            continue
        outlet = outlets_param.get(file) or str(art.get("outlet", "") or "")
        who = article_label(file, outlet, lang)
        per_src: dict[str, list[dict]] = {}
        for r in attributed:
            per_src.setdefault(r["attributed_to"], []).append(r)
        bits = []
        for src, rs in per_src.items():
            spans = join_words([f"{_cmp_span_quote(r, language)} "
                               f"({compare_quantity_label(r['quantity'], language, params.get('quantities'))})"
                               for r in rs], language)
            bits.append(f"{spans} {'auf' if de else 'to'} {src}")
        if de:
            msg = f"{who} beruft sich auf {join_words(sources, language)}"
            msg += (f"; führt {join_words(bits, language)} zurück." if bits else ".")
        else:
            msg = f"{who} cites {join_words(sources, language)}"
            msg += (f"; it attributes {join_words(bits, language)}." if bits else ".")
        ev = [dict(r) for r in attributed]
        if not ev:
            ev = [{"file": file, "outlet": outlet, "text": "", "sentence": "", "start": None, "end": None,
                   "label": who, "raw_lo": -INF, "point": None}]
        f = _cmp_finding("attribution", "", "", ev, "info", 15 + min(len(sources), 5), msg,
                         {"cites": cites, "sources": sources,
                          "attributions": [{"figure_id": r.get("figure_id", ""), "quantity": r["quantity"],
                                            "source": r["attributed_to"], "where": r.get("attributed_where", "")}
                                           for r in attributed]},
                         values=[r["point"] for r in attributed if r.get("point") is not None])
        f["outlets"] = [who]
        out.append(f)
    # shared upstream per quantity
    for (q, u), res in sorted(results.items()):
        by_src: dict[str, list[dict]] = {}
        for c in res["claims"]:
            if c["timepoint"] != "current":
                continue
            src = c["attributed_to"]
            if src:
                by_src.setdefault(_cmp_norm_source(src), []).append(c)
        for key, cs in sorted(by_src.items()):
            # an outlet that IS the source counts as relying on it too
            cs = cs + [c for c in res["claims"] if c["timepoint"] == "current" and _cmp_norm_source(c["outlet"]) == key
                       and c not in cs]
            labels = sorted({c["label"] for c in cs})
            if len(labels) < 2:
                continue
            src = next(c["attributed_to"] for c in cs if c["attributed_to"])
            label = compare_quantity_label(q, language, params.get("quantities"))
            msg = (f"{label}: {join_words(labels, language)} stützen sich auf dieselbe Quelle ({src}) – "
                   f"ihre Übereinstimmung ist nicht unabhängig." if de else
                   f"{label}: {join_words(labels, language)} rely on the same source ({src}) — their agreement "
                   f"is not independent.")
            out.append(_cmp_finding("attribution", q, u, [c["rep"] for c in cs], "medium", 50, msg,
                                    {"source": src, "shared": True, "files": sorted({c["file"] for c in cs})}))
    return out


# ---------------------------------------------------------------------------
# The whole comparison
# ---------------------------------------------------------------------------
def _cmp_jsonable(x):
    """Values JSON can hold: NaN/inf -> None, numpy numbers -> float/int."""
    if isinstance(x, dict):
        return {str(k): _cmp_jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_cmp_jsonable(v) for v in x]
    if isinstance(x, bool) or x is None or isinstance(x, str):
        return x
    if isinstance(x, (int, float)) or hasattr(x, "__float__"):
        f = float(x)
        if not math.isfinite(f):
            return None
        return int(f) if f.is_integer() and abs(f) < 2 ** 53 else round(f, 6)
    return str(x)


def compare_rank_findings(findings: list[dict]) -> pd.DataFrame:
    """findings.csv: ranked by score (how much a reader should care), ties by kind, quantity, files."""
    if not findings:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    order = sorted(findings, key=lambda f: (-f["score"], f["kind"], f["quantity"], f["files"], f["message"]))
    rows = []
    for i, f in enumerate(order, start=1):
        rows.append({
            "rank": i, "kind": f["kind"], "quantity": f["quantity"], "unit": f["unit"],
            "files": json.dumps(f["files"], ensure_ascii=False), "outlets": json.dumps(f["outlets"], ensure_ascii=False),
            "values": json.dumps(_cmp_jsonable(f["values"]), ensure_ascii=False), "severity": f["severity"],
            "score": f["score"], "message": f["message"],
            "evidence": json.dumps(_cmp_jsonable(f["evidence"]), ensure_ascii=False),
            "detail": json.dumps(_cmp_jsonable(f["detail"]), ensure_ascii=False, sort_keys=True),
        })
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


_CMP_CHANGE_QUANTITY = re.compile(r"change|growth|rise|increase|decline|drop|fall|gain|jump|cut|loss|"
                                  r"wachstum|anstieg|rückgang|veränderung|zuwachs|abbau|plus|minus", re.I)


_CMP_CHANGE_VERBS = re.compile(
    r"\b(?:boost\w*|rais\w*|rise[sn]?|rising|rose|cut\w*|increas\w*|lift\w*|fell|fall\w*|drop\w*|grow\w*|grew|"
    r"reduc\w*|lower\w*|jump\w*|climb\w*|slump\w*|gain\w*|shr[iu]nk\w*|"
    r"steig\w*|stieg\w*|gestiegen|sank|sinkt|sinken|gesunken|fiel|fällt|gefallen|erhöh\w*|senk\w*|gesenkt|"
    r"wächst|wachsen|wuchs|gewachsen|kürz\w*|gekürzt|verringer\w*|reduzier\w*|zuleg\w*|legte|hob|angehoben|"
    r"anheb\w*)\b", re.I)


def compare_is_change_by(fig: dict) -> bool:
    """Whether a figure is the size of a change, not a level: right after 'by' / 'um'
    ("boost its dividend by 27%", "um 3 Prozent gesenkt"), for a quantity that names a level
    (stake, valuation...). Such a figure never joins a level's comparison or progression."""
    if _CMP_CHANGE_QUANTITY.search(str(fig.get("quantity", ""))):
        return False
    sent = str(fig.get("sentence") or "")
    st, s0 = _cmp_num(fig.get("start")), _cmp_num(fig.get("sentence_start"))
    if st is None or s0 is None or not 0 <= st - s0 <= len(sent):
        return False
    before, after = sent[:int(st - s0)], sent[int(st - s0):]
    if not re.search(r"\b(?:by|um)\s+(?:(?:about|around|some|nearly|almost|rund|etwa|knapp|fast|gut)\s+)?$", before, re.I):
        return False
    if re.search(r"\bzu\s+\w+en\b", after):  # "um über 10 Milliarden ... zu investieren": a purpose, not a change
        return False
    return bool(_CMP_CHANGE_VERBS.search(sent))


def compare_equivalent_evidence(converted: pd.DataFrame, equivalents: dict, evidence: list[dict],
                                language: str) -> list[dict]:
    """Evidence rows (role 'equivalent') for figures that restate another money figure in another
    currency: they take the verdict of the figure they convert (else 'compatible') and never vote."""
    out = []
    if converted is None or not len(converted):
        return out
    by_id = {str(e.get("figure_id", "")): e for e in evidence}
    de = language == "de"
    for f in converted.to_dict("records"):
        root = equivalents.get(str(f.get("figure_id", "")), {})
        main = by_id.get(str(root.get("figure_id", "")), {})
        quote = _cmp_q(str(root.get("text", "")), language)
        out.append({
            "quantity": f["quantity"], "unit": f["unit"], "file": f["file"], "outlet": f["outlet"],
            "figure_id": f.get("figure_id", ""), "text": f.get("text", ""), "value": _cmp_num(f.get("value")),
            "low": _cmp_num(f.get("low")), "high": _cmp_num(f.get("high")), "qualifier": f["qualifier"],
            "stage": f["stage"], "attributed_to": f.get("attributed_to", ""),
            "verdict": main.get("verdict") or "compatible", "factor": None, "sentence": f.get("sentence", ""),
            "published": f.get("published", ""), "start": _cmp_num(f.get("start")), "end": _cmp_num(f.get("end")),
            "segment": f["segment"], "role": "equivalent", "stage_cue": f.get("stage_cue", ""),
            "reason": (f"Umrechnung von {quote}, wird nicht verglichen" if de
                       else f"conversion of {quote}, not compared"),
        })
    return out


def compare_story(figures: pd.DataFrame, articles: pd.DataFrame, params: dict | None = None) -> ComparisonResult:
    """Compare the outlets of one story: the tables comparison, evidence and findings.

    `figures` and `articles` are shaped like figures.csv and articles.csv (docs/tables.md);
    `params` are the story parameters (tolerance, language, relations, quantities, outlets,
    exclude; missing keys take their defaults).
    """
    p = default_params()
    p.update({k: v for k, v in (params or {}).items() if v is not None})
    p["tolerance"] = float(p["tolerance"])
    language = story_language(articles, p["language"])
    equivalents = compare_currency_equivalents(figures)
    figs = compare_prepare_figures(figures, articles, p)
    figs, p["_holder_labels"] = compare_split_holders(figs, language)
    is_equiv = figs["figure_id"].astype(str).isin(equivalents) if len(figs) else pd.Series([], dtype=bool)
    converted, figs = figs[is_equiv].reset_index(drop=True), figs[~is_equiv].reset_index(drop=True)
    if len(figs):  # "raise the dividend by 27%" is a change, not a level: left out of the comparison
        figs = figs[[not compare_is_change_by(r) for r in figs.to_dict("records")]].reset_index(drop=True)
    groups = compare_group_figures(figs)
    results = {key: compare_quantity_group(g, p, language) for key, g in groups.items()}
    findings: list[dict] = []
    for key in sorted(results):
        findings += results[key]["findings"]
    findings += compare_currency_findings(results, language, p["tolerance"])
    findings += compare_derived_checks(results, p, language)
    findings += compare_attribution_findings(figs, articles, results, p, language)
    comparison = pd.DataFrame([results[k]["row"] for k in sorted(results)], columns=COMPARISON_COLUMNS)
    ev_rows = [e for k in sorted(results) for e in results[k]["evidence"]]
    ev_rows += compare_equivalent_evidence(converted, equivalents, ev_rows, language)
    evidence = pd.DataFrame(ev_rows, columns=EVIDENCE_COLUMNS)
    if len(evidence):
        evidence = evidence.sort_values(["quantity", "unit", "file", "start"], kind="mergesort",
                                        na_position="first").reset_index(drop=True)
    return ComparisonResult(comparison=comparison, evidence=evidence, findings=compare_rank_findings(findings),
                            language=language)


def write_comparison(result: ComparisonResult, paths) -> list[Path]:
    """Write comparison.csv, evidence.csv and findings.csv into the story's output folder (atomically)."""
    out_dir = Path(paths.output) if hasattr(paths, "output") else Path(paths)
    written = []
    for name, df in (("comparison.csv", result.comparison), ("evidence.csv", result.evidence),
                     ("findings.csv", result.findings)):
        written.append(write_csv_atomic(df, out_dir / name))
    return written


def compare_load_inputs(paths) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(figures, articles) of a story, as notebooks 02 and 01 wrote them."""
    out_dir = Path(paths.output) if hasattr(paths, "output") else Path(paths)
    return read_table(out_dir / "figures.csv"), read_table(out_dir / "articles.csv")


def compare_findings_text(findings: pd.DataFrame) -> str:
    """The ranked findings as plain text, one block each: rank, severity, kind, quantity, message."""
    lines = []
    for r in findings.to_dict("records"):
        q = f" · {r['quantity']}" if r["quantity"] else ""
        lines.append(f"{r['rank']:>2}. [{r['severity']}] {r['kind']}{q}\n    {r['message']}")
    return "\n".join(lines) if lines else "(no findings)"


def compare_evidence_table(evidence: pd.DataFrame, quantity: str) -> pd.DataFrame:
    """The evidence of one quantity, with the columns a reader looks at first."""
    cols = ["file", "outlet", "text", "qualifier", "value", "stage", "verdict", "factor", "attributed_to",
            "segment", "role", "reason"]
    return evidence[evidence["quantity"] == quantity][cols].reset_index(drop=True)


def compare_table_view(comparison: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """comparison.csv for reading: one line per quantity with the consensus in words and short file ids."""
    def ids(cell):
        return ", ".join(Path(f).stem.split("_")[0] for f in cell_json(cell, []))
    rows = []
    for r in comparison.to_dict("records"):
        num = lambda x: _cmp_num(x)  # noqa: E731
        rows.append({
            "quantity": r["label"], "unit": r["unit"], "status": r["status"], "outlets": r["n_outlets"],
            "consensus": format_range(num(r["consensus_low"]), num(r["consensus_high"]), r["unit"], language, style="long"),
            "range reported": format_range(num(r["min"]), num(r["max"]), r["unit"], language, style="long"),
            "agree": ids(r["agree"]), "compatible": ids(r["compatible"]), "contradict": ids(r["contradict"]),
        })
    return pd.DataFrame(rows)


# ============================================================================
# 4. Charts: narrative charts in the house style (notebook 04)
# ============================================================================
# ---------------------------------------------------------------------------
# House style
# ---------------------------------------------------------------------------
CHART_STYLE = ROOT / "styles" / "newsroom.mplstyle"
CHART_WIDTH_IN = 6.4          # 640 px at the layout's 100 dpi
CHART_TABLES = ("comparison", "evidence", "findings", "figures", "articles")

# Okabe & Ito (2008), safe for the common colour-vision deficiencies
OKABE_ITO = {"black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73",
             "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7"}
VERDICT_COLOURS = {"agrees": OKABE_ITO["blue"], "compatible": OKABE_ITO["sky_blue"],
                   "contradicts": OKABE_ITO["vermillion"]}
_CHARTS_GREY = "#8A8A8A"
_CHARTS_BAND = "#E4E4E4"
_CHARTS_INK = "#222222"
_CHARTS_SOFT = "#555555"
_CHARTS_TITLE_PT = 13.5
_CHARTS_SUB_PT = 9.5
_CHARTS_SOURCE_PT = 8
_CHARTS_LABEL_PT = 9
_CHARTS_PAD_IN = 0.2

_CHARTS_WORDS = {
    "de": {
        "outlet": ("Medium", "Medien"), "source": "Quelle", "consensus": "Konsens", "to": "bis",
        "only": "nur", "even": "sogar", "computed": "berechnet",
        "numbers": ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
                    "elf", "zwölf"],
        "hedge": {"approx": "rund ", "lower": "über ", "upper": "bis zu ", "range": "", "exact": "", "vague": ""},
        "stage": {"past": "früher", "early": "erste Meldung", "projected": "erwartet", "settled": "aktuell", "": ""},
        "status": {"contested": "umstritten", "agreed": "einig", "progression": "verändert",
                   "single_source": "nur eine Quelle"},
        "units": {"USD": "US-Dollar", "EUR": "Euro", "GBP": "Pfund", "CHF": "Franken", "percent": "Prozent",
                  "percentage_points": "Prozentpunkten"},
    },
    "en": {
        "outlet": ("outlet", "outlets"), "source": "Source", "consensus": "consensus", "to": "to",
        "only": "only", "even": "as much as", "computed": "computed",
        "numbers": ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve"],
        "hedge": {"approx": "about ", "lower": "more than ", "upper": "up to ", "range": "", "exact": "",
                  "vague": ""},
        "stage": {"past": "earlier", "early": "first report", "projected": "projected", "settled": "now", "": ""},
        "status": {"contested": "contested", "agreed": "agreed", "progression": "changed",
                   "single_source": "single source"},
        "units": {"USD": "US dollars", "EUR": "euros", "GBP": "pounds", "CHF": "Swiss francs",
                  "percent": "per cent", "percentage_points": "percentage points"},
    },
}
_CHARTS_STAGE_ORDER = {"past": 0, "early": 1, "projected": 2, "settled": 3, "": 3}


def chart_style():
    """Context manager applying the house style (styles/newsroom.mplstyle) to figures made inside it."""
    return _mpl_style.context(str(CHART_STYLE))


# ---------------------------------------------------------------------------
# Small readers: cells of the comparison's tables
# ---------------------------------------------------------------------------
def _charts_text(x) -> str:
    """A text cell as a stripped string ('' for empty or NA)."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return ""
    return str(x).strip()


def _charts_table(tables: dict, name: str) -> pd.DataFrame:
    """One of the tables, or an empty frame when it is missing."""
    df = tables.get(name)
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


def load_chart_tables(paths) -> dict:
    """Read the tables the charts need from output/<story>/ (figures.csv is optional)."""
    tables = {}
    for name in CHART_TABLES:
        path = paths.out(f"{name}.csv")
        if name == "figures" and not path.exists():
            tables[name] = pd.DataFrame()
            continue
        tables[name] = read_table(path)
    return tables


# ---------------------------------------------------------------------------
# Words (numbers: format_amount / format_range / format_number in helpers (section 0))
# ---------------------------------------------------------------------------
def _charts_count(n: int, language: str, capital: bool = True) -> str:
    """A small count as a word ("Vier", "three"), digits from 13 on."""
    words = _CHARTS_WORDS[language]["numbers"]
    w = words[n] if 0 <= n < len(words) else str(n)
    if language == "de" and n == 1:
        w = "ein"
    return w[:1].upper() + w[1:] if capital else w


def _charts_join_some(items: list[str], language: str, k: int = 3) -> str:
    """Like join_words, but at most k items: 'A, B, C und 2 weitere' / 'A, B, C and 2 more'."""
    if len(items) <= k + 1:
        return join_words(items, language)
    more = f"{len(items) - k} weitere" if language == "de" else f"{len(items) - k} more"
    return join_words(items[:k] + [more], language)


def _charts_outlets_word(n: int, language: str) -> str:
    """'Medium'/'Medien', 'outlet'/'outlets' for n."""
    one, many = _CHARTS_WORDS[language]["outlet"]
    return one if n == 1 else many


def _charts_lower_first(title: str, names) -> str:
    """The title to follow 'where': first letter lower-cased unless it starts with a name (outlet, source)."""
    if any(n and title.startswith(n) for n in names):
        return title
    return title[:1].lower() + title[1:]


def _charts_mid(label: str, language: str) -> str:
    """A label inside an English sentence: 'Deal amount' -> 'deal amount' (acronyms like 'AI spend' kept)."""
    if language == "en" and label[:1].isupper() and label[1:2].islower():
        return label[:1].lower() + label[1:]
    return label


def _charts_cap(s: str) -> str:
    """First letter upper-cased, the rest untouched."""
    return s[:1].upper() + s[1:]


def _charts_hedge(text: str, qualifier: str, language: str) -> str:
    """The hedge as the article wrote it ("nahezu ", "more than "), else the language's generic word."""
    qualifier = _charts_text(qualifier)
    if qualifier in ("exact", "range", "vague", ""):
        return ""
    words = []
    for w in _charts_text(text).split():
        if re.match(r"^[\d$€£¥]", w) or not re.fullmatch(r"[^\W\d_]+", w):
            break
        words.append(w)
    lead = " ".join(words)
    if words and len(words) <= 3 and len(words) < len(_charts_text(text).split()) and any(
            c.isdigit() for c in _charts_text(text)):
        return lead.lower() + " "
    return _CHARTS_WORDS[language]["hedge"].get(qualifier, "")


def _charts_figure_label(row: dict, language: str, quote_words: bool = True) -> str:
    """How a mark is labelled: hedge + formatted value; the quote itself when it has no digits
    ("fast die Hälfte"), unless quote_words is False."""
    text = _charts_text(row.get("text"))
    if quote_words and text and not any(c.isdigit() for c in text):
        return f"„{text}“" if language == "de" else f"“{text}”"
    q = _charts_text(row.get("qualifier"))
    if q == "range":
        lo, hi = cell_float(row.get("low")), cell_float(row.get("high"))
        if not (math.isnan(lo) or math.isnan(hi)):
            return format_range(lo, hi, row.get("unit"), language)
    return _charts_hedge(text, q, language) + format_amount(row.get("value"), row.get("unit"), language)


def _charts_quote(text: str, language: str) -> str:
    """A span in the language's quotation marks."""
    return f"„{text}“" if language == "de" else f"“{text}”"


# ---------------------------------------------------------------------------
# Who is who: outlet names, quantity labels, sources
# ---------------------------------------------------------------------------
def _charts_outlet_map(tables: dict, language: str) -> dict:
    """file -> the name charts use for it (outlet, else 'Artikel 001' / 'article 001')."""
    out = {}
    for table in ("articles", "evidence"):
        df = _charts_table(tables, table)
        if {"file", "outlet"} <= set(df.columns):
            for f, o in zip(df["file"], df["outlet"]):
                f = _charts_text(f)
                if f and (f not in out or (_charts_text(o) and out[f] == article_label(f, "", language))):
                    out[f] = article_label(f, _charts_text(o), language)
    return out


def _charts_quantity_label(tables: dict, quantity: str, language: str, unit: str | None = None) -> str:
    """The quantity's label from comparison.csv, else its name in words ('deal amount').

    With `unit`, a quantity compared in several units (GBP and USD) is named with its unit,
    'deal amount (GBP)', so that no title or row names two different things alike."""
    comp = _charts_table(tables, "comparison")
    label = quantity.replace("_", " ")
    if {"quantity", "label"} <= set(comp.columns):
        for q, lab in zip(comp["quantity"], comp["label"]):
            if q == quantity and _charts_text(lab):
                label = _charts_text(lab)
                break
    if unit and "unit" in comp.columns:
        units = {_charts_text(u) for q, u in zip(comp["quantity"], comp["unit"]) if q == quantity}
        if len(units) > 1:
            word = unit if re.fullmatch(r"[A-Z]{3}", unit) else (_charts_unit_words(unit, language) or unit)
            label = f"{label} ({word})"
    return label


def _charts_source_line(files: list[str], outlets: dict, language: str) -> str:
    """'Quelle: finanzen.ch, IT BOLTWISE, Artikel 001; eigene Auswertung' (outlets in file order)."""
    names = []
    for f in sorted(set(files)):
        name = outlets.get(f) or article_label(f, "", language)
        if name not in names:
            names.append(name)
    tail = "eigene Auswertung der Artikel" if language == "de" else "analysis of the articles"
    word = "Quelle" if language == "de" else "Source"
    return f"{word}: {', '.join(names)}; {tail}" if names else f"{word}: {tail}"


def _charts_findings(tables: dict, kind: str, quantity: str | None = None) -> list[dict]:
    """Findings of one kind (optionally for one quantity), in rank order, with JSON cells parsed."""
    df = _charts_table(tables, "findings")
    if df.empty or "kind" not in df.columns:
        return []
    rows = []
    for rec in df.to_dict("records"):
        if _charts_text(rec.get("kind")) != kind:
            continue
        detail = cell_json(rec.get("detail"), {})
        if quantity is not None and _charts_text(rec.get("quantity")) != quantity and detail.get("result") != quantity:
            continue
        rec = dict(rec, files=cell_json(rec.get("files"), []), outlets=cell_json(rec.get("outlets"), []),
                   values=cell_json(rec.get("values"), []), evidence=cell_json(rec.get("evidence"), []),
                   detail=detail)
        rows.append(rec)
    rows.sort(key=lambda r: (cell_float(r.get("rank")) if not math.isnan(cell_float(r.get("rank"))) else 1e9))
    return rows


def _charts_comparison_row(tables: dict, quantity: str, unit: str | None = None) -> dict:
    """The comparison.csv row of a quantity (and unit), {} when absent."""
    comp = _charts_table(tables, "comparison")
    for rec in comp.to_dict("records"):
        if rec.get("quantity") == quantity and (unit is None or rec.get("unit") == unit):
            return rec
    return {}


# ---------------------------------------------------------------------------
# Layout: header (title, subtitle), body (one axes), footer (source line), in inches
# ---------------------------------------------------------------------------
def _charts_new_figure() -> Figure:
    """A figure in the house width on an Agg canvas (so text can be measured); call inside chart_style()."""
    fig = Figure(figsize=(CHART_WIDTH_IN, 4.0))
    FigureCanvasAgg(fig)
    return fig


def _charts_text_size(fig: Figure, text: str, size: float, weight: str = "normal") -> tuple[float, float]:
    """(width, height) of one line of text in inches, measured with the figure's renderer."""
    renderer = fig.canvas.get_renderer()
    prop = FontProperties(size=size, weight=weight)
    w, h, _d = renderer.get_text_width_height_descent(text or " ", prop, ismath=False)
    return w / fig.dpi, h / fig.dpi


_CHARTS_UNIT_TOKENS = {"Mrd.", "Mio.", "Bio.", "%", "$", "€", "£", "¥", "Pp.", "CHF", "bis"}


def _charts_wrap(fig: Figure, text: str, size: float, width_in: float, weight: str = "normal") -> str:
    """Word-wrap text so that no line is wider than width_in (measured, not guessed)."""
    lines, cur = [], ""
    words = []
    for word in text.split():      # never break between a number and its unit ("14,3 Mrd. $", "49 %")
        if words and (word in _CHARTS_UNIT_TOKENS or words[-1].endswith(("Mrd.", "Mio.", "Bio.")) and word in "$€£¥"):
            words[-1] += " " + word
        else:
            words.append(word)
    for word in words:
        trial = f"{cur} {word}".strip()
        if cur and _charts_text_size(fig, trial, size, weight)[0] > width_in:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return "\n".join(lines)


def _charts_layout(fig: Figure, ax, texts: dict, body_in: float, left_in: float, right_in: float,
                   below_in: float = 0.45, above_in: float = 0.1) -> None:
    """Size the figure and place title, subtitle, axes and source line without overlaps.

    body_in: height of the plotting area; left_in/right_in: room for labels beside it;
    below_in: room under it for tick labels; above_in: room over it for annotations.
    """
    width = CHART_WIDTH_IN
    text_w = width - 2 * _CHARTS_PAD_IN
    title = _charts_wrap(fig, texts["title"], _CHARTS_TITLE_PT, text_w, "bold")
    subtitle = _charts_wrap(fig, texts["subtitle"], _CHARTS_SUB_PT, text_w)
    source = _charts_wrap(fig, texts["source"], _CHARTS_SOURCE_PT, text_w)
    line = lambda pt, n: n * pt * 1.22 / 72
    title_h = line(_CHARTS_TITLE_PT, title.count("\n") + 1)
    sub_h = line(_CHARTS_SUB_PT, subtitle.count("\n") + 1)
    src_h = line(_CHARTS_SOURCE_PT, source.count("\n") + 1)
    top = 0.16 + title_h + 0.07 + sub_h + 0.14 + above_in
    bottom = 0.12 + src_h + 0.14 + below_in
    height = top + body_in + bottom
    fig.set_size_inches(width, height)
    ax.set_position([left_in / width, bottom / height, (width - left_in - right_in) / width, body_in / height])
    x0 = _CHARTS_PAD_IN / width
    fig.text(x0, 1 - 0.16 / height, title, ha="left", va="top", fontsize=_CHARTS_TITLE_PT, weight="bold",
             color=_CHARTS_INK, gid="chart-title", parse_math=False, linespacing=1.15)
    fig.text(x0, 1 - (0.16 + title_h + 0.07) / height, subtitle, ha="left", va="top", fontsize=_CHARTS_SUB_PT,
             color=_CHARTS_SOFT, gid="chart-subtitle", parse_math=False, linespacing=1.15)
    fig.text(x0, 0.12 / height, source, ha="left", va="bottom", fontsize=_CHARTS_SOURCE_PT, color="#6B6B6B",
             gid="chart-source", parse_math=False, linespacing=1.15)


def _charts_fit_names(fig: Figure, names, size: float, max_in: float, weight: str = "normal") -> list[str]:
    """Names wrapped onto more lines where they are wider than max_in inches (keeps margins sane)."""
    return [_charts_wrap(fig, str(n), size, max_in, weight) for n in names]


def _charts_label_width(fig: Figure, labels, size: float, weight: str = "normal") -> float:
    """Widest of several (possibly multi-line) labels, in inches."""
    widest = 0.0
    for lab in labels:
        for part in str(lab).split("\n"):
            widest = max(widest, _charts_text_size(fig, part, size, weight)[0])
    return widest


def _charts_shift_text(text, dx_px: float, dy_px: float) -> None:
    """Move a Text artist by a distance in display pixels, whatever its coordinate system."""
    tr = text.get_transform()
    px, py = tr.transform(text.get_position())
    text.set_position(tuple(tr.inverted().transform((px + dx_px, py + dy_px))))


def place_labels(fig: Figure, labels: list, fixed: list = (), direction: str = "down", pad_px: float = 2.0,
                 max_steps: int = 60) -> int:
    """Collision avoidance: nudge `labels` (Text artists) until no two boxes, nor a fixed one, overlap.

    Labels are taken top to bottom (left to right for direction 'right'); each one that
    overlaps a label already placed (or a `fixed` artist) is moved past it in `direction`
    ('down', 'up' or 'right'). Returns how many moves were made.
    """
    renderer = fig.canvas.get_renderer()
    placed = [t.get_window_extent(renderer) for t in fixed if t.get_text()]
    key = (lambda b: (b.x0, -b.y1)) if direction == "right" else (lambda b: (-b.y1, b.x0))
    if direction == "up":
        key = lambda b: (b.y0, b.x0)
    order = sorted((t for t in labels if t.get_text()), key=lambda t: key(t.get_window_extent(renderer)))
    moves = 0
    for t in order:
        for _ in range(max_steps):
            box = t.get_window_extent(renderer)
            hit = next((p for p in placed if box.x0 < p.x1 + pad_px and p.x0 < box.x1 + pad_px
                        and box.y0 < p.y1 + pad_px and p.y0 < box.y1 + pad_px), None)
            if hit is None:
                break
            if direction == "down":
                _charts_shift_text(t, 0, -(box.y1 - hit.y0 + pad_px))
            elif direction == "up":
                _charts_shift_text(t, 0, hit.y1 - box.y0 + pad_px)
            else:
                _charts_shift_text(t, hit.x1 - box.x0 + pad_px, 0)
            moves += 1
        placed.append(t.get_window_extent(renderer))
    return moves


def _charts_label_at(ax, x: float, y: float, text: str, room_px: float, side: str = "auto", **kw):
    """Put a label beside a point, right of it if it fits inside the axes, else left of it."""
    fig = ax.figure
    size = kw.pop("fontsize", _CHARTS_LABEL_PT)
    width_px = _charts_text_size(fig, text, size, kw.get("weight", "normal"))[0] * fig.dpi
    px, py = ax.transData.transform((x, y))
    right_edge = ax.get_window_extent().x1
    if side == "auto":
        side = "right" if px + room_px + width_px + 4 <= right_edge else "left"
    ha = "left" if side == "right" else "right"
    return ax.text(x, y, text, ha=ha, va="center", fontsize=size, parse_math=False, clip_on=False,
                   **kw), side


# ---------------------------------------------------------------------------
# Chart 1: dot plot per quantity
# ---------------------------------------------------------------------------
def chart_evidence(tables: dict, quantity: str, unit: str | None = None) -> list[dict]:
    """The evidence rows a chart plots for one quantity: figures with a number, each outlet's claims.

    Vague figures ("Milliarden": no number given) are left out. When evidence.csv says which
    figures are an article's claim (column `role`), an article's secondary mentions and
    headline shorthands are left out too, so that each outlet's row shows what it claims.
    """
    ev = _charts_table(tables, "evidence")
    rows = []
    for r in (ev.to_dict("records") if not ev.empty else []):
        if r.get("quantity") != quantity or (unit and _charts_text(r.get("unit")) != unit):
            continue
        if _charts_text(r.get("qualifier")) == "vague" or math.isnan(cell_float(r.get("value"))):
            continue
        if _charts_text(r.get("role")) == "equivalent":  # a conversion into another currency, not a claim
            continue
        rows.append(r)
    claims = {_charts_text(r.get("file")) for r in rows if _charts_text(r.get("role")) == "claim"}
    return [r for r in rows if _charts_text(r.get("file")) not in claims or _charts_text(r.get("role")) == "claim"]


def _charts_outlier_files(tables: dict, quantity: str, unit: str | None = None) -> dict:
    """file -> outlier finding (first, by rank) for a quantity (in one unit, when given)."""
    out = {}
    for f in _charts_findings(tables, "outlier", quantity):
        if unit and _charts_text(f.get("unit")) not in ("", unit):
            continue
        named = f["detail"].get("outlier_files") or f["detail"].get("outlier_file") or f["files"]
        for file in ([named] if isinstance(named, str) else named):
            out.setdefault(file, f)
    return out


def _charts_factor_words(finding: dict, comp: dict, value: float, language: str) -> str:
    """', 14- bis 15-mal weniger' / ', 14 to 15 times less': how far an outlier is from the consensus band."""
    cl, ch = cell_float(comp.get("consensus_low")), cell_float(comp.get("consensus_high"))
    if value and value > 0 and not (math.isnan(cl) or math.isnan(ch)):
        factors = sorted({cl / value, ch / value})
    else:
        factors = [cell_float((finding or {}).get("detail", {}).get("factor"))]
    if any(math.isnan(f) or f <= 0 for f in factors) or all(0.67 < f < 1.5 for f in factors):
        return ""
    less = factors[0] > 1
    nums = sorted({round(f if less else 1 / f, 0 if (f if less else 1 / f) >= 3 else 1) for f in factors})
    words = [format_number(n, language) for n in nums]
    if language == "de":
        n = words[0] if len(words) == 1 else f"{words[0]}- bis {words[-1]}"
        return f", {n}-mal {'weniger' if less else 'mehr'}"
    n = words[0] if len(words) == 1 else f"{words[0]} to {words[-1]}"
    return f", {n} times {'less' if less else 'more'}"


def dotplot_data(tables: dict, quantity: str, unit: str | None = None, language: str = "auto") -> pd.DataFrame:
    """Tidy rows of a dot plot: one per outlet and distinct figure, ordered as drawn (top first)."""
    lang = story_language(_charts_table(tables, "articles"), language)
    ev = _charts_table(tables, "evidence")
    outlets = _charts_outlet_map(tables, lang)
    comp = _charts_comparison_row(tables, quantity, unit)
    unit = unit or _charts_text(comp.get("unit"))
    outliers = _charts_outlier_files(tables, quantity, unit)
    rows, seen = [], set()
    for r in chart_evidence(tables, quantity, unit):
        value, low, high = (cell_float(r.get(k)) for k in ("value", "low", "high"))
        key = (r.get("file"), _charts_text(r.get("qualifier")), value, low, high)
        if key in seen:
            continue
        seen.add(key)
        file = _charts_text(r.get("file"))
        f = outliers.get(file)
        vals = [cell_float(v) for v in (f or {}).get("values", [])]
        one = f is not None and len(f.get("files", [])) == 1
        is_outlier = f is not None and (not (one and vals) or any(abs(v - value) <= 1e-9 * max(1, abs(value))
                                                                  for v in vals))
        q = _charts_text(r.get("qualifier"))
        mark = {"lower": "arrow_right", "upper": "arrow_left", "approx": "band", "range": "band"}.get(q, "dot")
        row = {"quantity": quantity, "unit": unit, "file": file, "outlet": outlets.get(file, article_label(file, "", lang)),
               "text": _charts_text(r.get("text")), "qualifier": q, "value": value, "low": low, "high": high,
               "stage": _charts_text(r.get("stage")), "verdict": _charts_text(r.get("verdict")),
               "attributed_to": _charts_text(r.get("attributed_to")), "mark": mark,
               "highlight": "outlier" if is_outlier else "",
               "consensus_low": cell_float(comp.get("consensus_low")),
               "consensus_high": cell_float(comp.get("consensus_high"))}
        row["label"] = _charts_figure_label(row, lang)
        if is_outlier:
            row["label"] = (_charts_quote(row["text"], lang) if row["text"] else row["label"]) + \
                _charts_factor_words(f, comp, value, lang)
        rows.append(row)
    df = pd.DataFrame(rows, columns=["quantity", "unit", "file", "outlet", "text", "qualifier", "value", "low",
                                     "high", "stage", "verdict", "attributed_to", "mark", "highlight", "label",
                                     "consensus_low", "consensus_high"])
    if df.empty:
        return df
    if df["outlet"].nunique() < 2:      # one outlet: no consensus to shade
        df["consensus_low"] = math.nan
        df["consensus_high"] = math.nan
    best = df.groupby("outlet")["value"].transform("max")
    df = df.assign(_best=best).sort_values(["_best", "outlet", "value", "file"], ascending=[False, True, False, True])
    return df.drop(columns="_best").reset_index(drop=True)


def _charts_dot_title(tables: dict, data: pd.DataFrame, quantity: str, language: str) -> str:
    """The dot plot's title, stating the finding: outliers against the rest, agreement, or disagreement."""
    unit = data["unit"].iloc[0] if not data.empty else ""
    comp = _charts_comparison_row(tables, quantity, unit or None)
    status = _charts_text(comp.get("status"))
    label = _charts_quantity_label(tables, quantity, language, unit)
    w = _CHARTS_WORDS[language]
    out = data[data["highlight"] == "outlier"]
    rest = data[data["highlight"] != "outlier"]
    n_rest = rest["outlet"].nunique()
    if not out.empty and not rest.empty:
        lo, hi = rest["value"].min(), rest["value"].max()
        verb = ("nennt" if n_rest == 1 else "nennen") if language == "de" else ("reports" if n_rest == 1 else "report")
        head = f"{_charts_count(n_rest, language)} {_charts_outlets_word(n_rest, language)} {verb} " \
               f"{format_range(lo, hi, unit, language)}"
        tails = []
        for _, r in out.drop_duplicates("outlet").head(2).iterrows():
            below = r["value"] < lo
            word = w["only"] if below else w["even"]
            hedge = w["hedge"].get(r["qualifier"], "")
            tails.append(f"{r['outlet']} {word} {hedge}{format_amount(r['value'], unit, language)}")
        return head + ", " + ", ".join(tails)
    n = data["outlet"].nunique()
    if status == "contested" or _charts_findings(tables, "contradiction", quantity):
        rng = format_range(data["value"].min(), data["value"].max(), unit, language)
        return (f"{_charts_cap(label)}: Die Medien widersprechen sich, {rng}" if language == "de"
                else f"{_charts_cap(label)}: outlets disagree, with figures from {rng}")
    if n == 1:
        r = data.iloc[0]
        return (f"{_charts_cap(label)}: Nur {r['outlet']} nennt eine Zahl, {r['label']}" if language == "de"
                else f"{_charts_cap(label)}: only {r['outlet']} gives a figure, {r['label']}")
    cl, ch = cell_float(comp.get("consensus_low")), cell_float(comp.get("consensus_high"))
    if math.isnan(cl) or math.isnan(ch):
        cl, ch = data["value"].min(), data["value"].max()
    cons = format_range(cl, ch, unit, language)
    return (f"{_charts_cap(label)}: {_charts_count(n, language)} Medien sind sich einig, {cons}" if language == "de"
            else f"{_charts_cap(label)}: {_charts_count(n, language, False)} outlets agree on {cons}")


def _charts_unit_words(unit: str, language: str) -> str:
    """'US-Dollar', 'per cent', ... for a subtitle; the code itself when unknown."""
    return _CHARTS_WORDS[language]["units"].get(unit, unit if re.fullmatch(r"[A-Z]{3}", unit or "") else "")


def _charts_alt_values(data: pd.DataFrame, language: str) -> str:
    """'finanzen.ch: „rund …“ (1 Mrd. $); …' for alt text."""
    parts = []
    for _, r in data.iterrows():
        val = format_amount(r["value"], r["unit"], language)
        quote = _charts_quote(r["text"], language) if r["text"] else r["label"]
        parts.append(f"{r['outlet']}: {quote}" + (f" ({val})" if val and val not in quote else ""))
    return "; ".join(parts)


def dotplot_texts(tables: dict, data: pd.DataFrame, quantity: str, language: str, log_scale: bool = False) -> dict:
    """Title, subtitle, source line and alt text of a dot plot, from the findings."""
    unit = data["unit"].iloc[0] if not data.empty else ""
    label = _charts_quantity_label(tables, quantity, language, unit)
    title = _charts_dot_title(tables, data, quantity, language) if not data.empty else label
    uw = _charts_unit_words(unit, language)
    n = data["outlet"].nunique()
    finding = title[len(label) + 2:] if title.startswith(f"{_charts_cap(label)}: ") else title
    band = not data.empty and not math.isnan(float(data["consensus_low"].iloc[0]))
    if language == "de":
        subtitle = f"{_charts_cap(label)} laut jedem Artikel" + (f", in {uw}" if uw else "") + \
                   ("; grau hinterlegt: die Spanne, die die meisten Medien stützen" if band else "")
        if log_scale:
            subtitle += ". Logarithmische Achse: jede Gitterlinie ist zehnmal so viel wie die vorige"
        alt = (f"Punktdiagramm: {label} laut {_charts_count(n, language, False)} "
               f"{_charts_outlets_word(n, language)}, wo sich zeigt: {finding}. Werte: {_charts_alt_values(data, language)}.")
    else:
        subtitle = f"{_charts_cap(label)} as reported in each article" + (f", in {uw}" if uw else "") + \
                   ("; grey band: the range most outlets support" if band else "")
        if log_scale:
            subtitle += ". Logarithmic axis: each gridline is ten times the one before"
        alt = (f"Dot plot of the {_charts_mid(label, language)} reported by {_charts_count(n, language, False)} "
               f"{_charts_outlets_word(n, language)}, where {_charts_lower_first(finding, data['outlet'])}. "
               f"Figures: {_charts_alt_values(data, language)}.")
    source = _charts_source_line(list(data["file"]), _charts_outlet_map(tables, language), language)
    return {"title": title, "subtitle": subtitle, "source": source, "alt": alt}


def _charts_x_formatter(unit: str, language: str) -> FuncFormatter:
    """Tick labels in the story's number style ('0' at zero, hyphen-minus)."""
    return FuncFormatter(lambda v, _pos: "0" if v == 0 else format_amount(v, unit, language))


def _charts_dot_scale(data: pd.DataFrame) -> tuple[bool, float, float]:
    """(log scale?, xmin, xmax): linear from zero unless the figures span more than 50-fold."""
    vals = pd.concat([data["value"], data["low"], data["high"], data["consensus_low"], data["consensus_high"]])
    vals = vals.astype(float)
    vals = vals[vals.notna() & (vals > 0)]
    if vals.empty:
        return False, 0.0, 1.0
    lo, hi = float(vals.min()), float(vals.max())
    if _charts_text(data["unit"].iloc[0]) in ("year", "date", "ordinal"):   # no meaningful zero
        pad = max(2.0, (hi - lo) * 0.25)
        return False, math.floor(lo - pad), math.ceil(hi + pad)
    if lo > 0 and hi / lo > 50:
        return True, 10 ** math.floor(math.log10(lo / 1.3)), 10 ** math.ceil(math.log10(hi * 1.3))
    return False, 0.0, hi * 1.12


def chart_dotplot(tables: dict, quantity: str, unit: str | None = None, language: str = "auto"):
    """Dot plot of one quantity across outlets: (Figure, tidy data).

    Each outlet's figure is a row; hedges are drawn (arrow: lower/upper bound, band: about /
    range), the consensus band is shaded, outliers are labelled with their quote.
    """
    lang = story_language(_charts_table(tables, "articles"), language)
    data = dotplot_data(tables, quantity, unit, lang)
    log, xmin, xmax = _charts_dot_scale(data)
    texts = dotplot_texts(tables, data, quantity, lang, log)
    unit = data["unit"].iloc[0] if not data.empty else (unit or "")
    with chart_style():
        fig = _charts_new_figure()
        ax = fig.add_subplot()
        ylabels = _charts_fit_names(fig, data["outlet"], 10, 2.0, "bold")
        left = max(0.9, _charts_label_width(fig, ylabels, 10, "bold") + _CHARTS_PAD_IN + 0.12)
        body = max(1.0, (0.42 if all("\n" not in y for y in ylabels) else 0.55) * len(data))
        legend = len({"agrees", "compatible", "contradicts"} & set(data["verdict"])) >= 2
        _charts_layout(fig, ax, texts, body, left, 0.3, below_in=0.62 if legend else 0.35, above_in=0.12)
        if log:
            ax.set_xscale("log")
            ax.xaxis.set_major_locator(FixedLocator([10 ** k for k in range(int(round(math.log10(xmin))),
                                                                           int(round(math.log10(xmax))) + 1)]))
            ax.xaxis.set_minor_locator(FixedLocator([]))
        else:
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3))
        ax.set_xlim(xmin, xmax)
        ax.xaxis.set_major_formatter(_charts_x_formatter(unit, lang))
        ax.set_ylim(len(data) - 0.5, -0.5)
        ax.set_yticks(range(len(data)), ylabels)
        for tick, (_, r) in zip(ax.get_yticklabels(), data.iterrows()):
            if r["highlight"] == "outlier":
                tick.set_color(OKABE_ITO["vermillion"])
                tick.set_fontweight("bold")
        _charts_draw_consensus(ax, data, unit, lang, log)
        labels = _charts_draw_marks(ax, data, log, xmin, xmax)
        _charts_verdict_legend(ax, data, lang, 0.36 / body)
        fig.canvas.draw()
        place_labels(fig, labels, fixed=[t for t in ax.get_yticklabels()], direction="down")
    data.attrs.update(texts, name=f"dots_{quantity}", kind="dotplot")
    return fig, data


def _charts_draw_consensus(ax, data: pd.DataFrame, unit: str, language: str, log: bool) -> None:
    """Shade the consensus band and label it above the plot."""
    if data.empty:
        return
    cl, ch = float(data["consensus_low"].iloc[0]), float(data["consensus_high"].iloc[0])
    if math.isnan(cl) or math.isnan(ch):
        return
    fig = ax.figure
    x0, x1 = ax.transData.transform([(cl, 0), (ch, 0)])[:, 0]
    if x1 - x0 < 6:      # keep a single-value consensus visible
        mid = (x0 + x1) / 2
        cl, ch = (ax.transData.inverted().transform([(mid - 3, 0), (mid + 3, 0)])[:, 0])
    ax.axvspan(cl, ch, color=_CHARTS_BAND, zorder=0, lw=0)
    word = _CHARTS_WORDS[language]["consensus"]
    text = f"{_charts_cap(word)}: {format_range(data['consensus_low'].iloc[0], data['consensus_high'].iloc[0], unit, language)}"
    mid_x = math.sqrt(cl * ch) if log and cl > 0 else (cl + ch) / 2
    px = ax.transData.transform((mid_x, 0))[0]
    w = _charts_text_size(fig, text, 8.5)[0] * fig.dpi
    box = ax.get_window_extent()
    ha = "center"
    if px + w / 2 > box.x1:
        ha, mid_x = "right", ch
    elif px - w / 2 < box.x0:
        ha, mid_x = "left", cl
    ax.text(mid_x, -0.55, text, ha=ha, va="bottom", fontsize=8.5, color=_CHARTS_SOFT, parse_math=False,
            clip_on=False, gid="consensus-label")


_CHARTS_VERDICT_WORDS = {"de": {"agrees": "stimmt mit dem Konsens überein", "compatible": "passt dazu (Rundung, Grenze)",
                                 "contradicts": "widerspricht"},
                          "en": {"agrees": "matches the consensus", "compatible": "compatible (rounded, a bound)",
                                 "contradicts": "contradicts"}}


def _charts_verdict_legend(ax, data: pd.DataFrame, language: str, below: float) -> None:
    """A one-line key under the axis for the dot colours that occur (agrees, compatible, contradicts)."""
    from matplotlib.lines import Line2D
    present = [v for v in ("agrees", "compatible", "contradicts") if v in set(data["verdict"])]
    if len(present) < 2:
        return
    handles = [Line2D([], [], ls="", marker="o", ms=7, color=VERDICT_COLOURS[v], mec="white") for v in present]
    fig = ax.figure
    x0 = _CHARTS_PAD_IN / fig.get_figwidth()
    y0 = ax.get_position().y0 - below * ax.get_position().height
    fig.legend(handles, [_CHARTS_VERDICT_WORDS[language][v] for v in present], loc="upper left",
               bbox_to_anchor=(x0, y0), bbox_transform=fig.transFigure, ncol=len(present), fontsize=8.5,
               handlelength=0.8, handletextpad=0.4, columnspacing=1.2, borderaxespad=0, borderpad=0,
               labelcolor=_CHARTS_SOFT)


def _charts_draw_marks(ax, data: pd.DataFrame, log: bool, xmin: float, xmax: float) -> list:
    """Draw every row's dot, hedge arrow or band, and its value label; returns the labels."""
    labels = []
    span_px = ax.get_window_extent().width
    arrow_px = 0.08 * span_px
    for y, (_, r) in enumerate(data.iterrows()):
        colour = VERDICT_COLOURS.get(r["verdict"], _CHARTS_GREY)
        if r["highlight"] == "outlier":
            colour = OKABE_ITO["vermillion"]
        v = float(r["value"])
        px = ax.transData.transform((v, y))[0]
        left_px, right_px = px, px
        if r["mark"] == "band":
            lo = float(r["low"]) if not math.isnan(r["low"]) else v
            hi = float(r["high"]) if not math.isnan(r["high"]) else v
            ax.plot([lo, hi], [y, y], color=colour, alpha=0.35, lw=9, solid_capstyle="butt", zorder=2)
            left_px = min(px, ax.transData.transform((lo, y))[0])
            right_px = max(px, ax.transData.transform((hi, y))[0])
        elif r["mark"] in ("arrow_right", "arrow_left"):
            sign = 1 if r["mark"] == "arrow_right" else -1
            end = ax.transData.inverted().transform((px + sign * arrow_px, 0))[0]
            ax.add_patch(FancyArrowPatch((v, y), (end, y), arrowstyle="-|>,head_length=5,head_width=3.5",
                                         color=colour, lw=1.8, zorder=2, shrinkA=0, shrinkB=0))
            if sign > 0:
                right_px = px + arrow_px
            else:
                left_px = px - arrow_px
        ax.plot([v], [y], "o", color=colour, ms=8, zorder=3, mec="white", mew=0.8)
        weight = "bold" if r["highlight"] == "outlier" else "normal"
        tcolour = OKABE_ITO["vermillion"] if r["highlight"] == "outlier" else _CHARTS_INK
        right_room = right_px - px + 7
        text, side = _charts_label_at(ax, v, y, r["label"], right_room, color=tcolour, weight=weight)
        if side == "left":
            x_left = ax.transData.inverted().transform((left_px - 7, 0))[0]
            text.set_position((x_left, y))
        else:
            text.set_position((ax.transData.inverted().transform((right_px + 7, 0))[0], y))
        labels.append(text)
    return labels


# ---------------------------------------------------------------------------
# Chart 2: progression of one quantity over time or stage, with derived checks
# ---------------------------------------------------------------------------
def _charts_relation(detail: dict) -> tuple[str, list[str]]:
    """('÷', [numerator, denominator]) or ('×', factors) of a derived check's relation, ('', []) if unknown."""
    rel = detail.get("relation")
    if isinstance(rel, str):
        parts = [p.strip() for p in re.split(r"[/÷]", rel)]
        if len(parts) == 2:
            return "÷", parts
        parts = [p.strip() for p in re.split(r"[*×]", rel)]
        return ("×", parts) if len(parts) >= 2 else ("", [])
    if isinstance(rel, dict):
        if rel.get("numerator") and rel.get("denominator"):
            return "÷", [str(rel["numerator"]), str(rel["denominator"])]
        if isinstance(rel.get("factors"), list):
            return "×", [str(x) for x in rel["factors"]]
    return "", []


def _charts_apply(op: str, a: float, b: float, unit_b: str) -> float:
    """a ÷ b or a × b, with a percentage taken as a share (49 % -> 0.49)."""
    share = b / 100 if unit_b == "percent" else b
    if op == "÷":
        return a / share if share else math.nan
    return a * share


def _charts_lookup_inputs(tables: dict, op: str, names: list[str], files: list[str], implied: float) -> list:
    """[(quantity, value), (quantity, value)] from evidence whose result is closest to `implied`.

    Used when the derived check names its inputs but not their values; figures of the
    check's own articles are preferred.
    """
    if op == "" or len(names) != 2 or math.isnan(implied):
        return []
    cands = []
    for name in names:
        rows = [r for r in chart_evidence(tables, name)]
        own = [r for r in rows if _charts_text(r.get("file")) in files]
        cands.append([(cell_float(r.get("value")), _charts_text(r.get("unit"))) for r in (own or rows)])
    best = None
    for a, _ua in cands[0]:
        for b, ub in cands[1]:
            got = _charts_apply(op, a, b, ub)
            if got and not math.isnan(got):
                err = abs(got - implied) / abs(implied)
                if best is None or err < best[0]:
                    best = (err, a, b)
    if best is None or best[0] > 0.01:
        return []
    return [(names[0], best[1]), (names[1], best[2])]


def _charts_derived(tables: dict, quantity: str) -> list[dict]:
    """Derived checks whose result is this quantity, the most telling first.

    Each: implied and reported value, inputs [(quantity, value)], the operator, consistent.
    Checks built on an outlier come last; then inconsistent ones; then those that combine
    figures from different articles.
    """
    out = []
    for f in _charts_findings(tables, "derived_check", quantity):
        d, vals = f["detail"], [cell_float(v) for v in f["values"]]
        implied = cell_float(d.get("implied"))
        reported = cell_float(d.get("reported"))
        if math.isnan(implied) and len(vals) >= 2:
            implied = vals[-2]
        if math.isnan(reported) and len(vals) >= 2:
            reported = vals[-1]
        if math.isnan(implied):
            continue
        op, names = _charts_relation(d)
        inputs = d.get("inputs")
        if isinstance(inputs, dict):
            inputs = [(k, cell_float(v)) for k, v in inputs.items()]
        elif isinstance(inputs, list):
            inputs = [("", cell_float(v)) for v in inputs]
        else:
            inputs = _charts_lookup_inputs(tables, op, names, f["files"], implied)
        consistent = d.get("consistent")
        if not isinstance(consistent, bool):
            tol = cell_float(d.get("tolerance"))
            tol = 0.05 if math.isnan(tol) else tol
            consistent = not math.isnan(reported) and abs(implied - reported) <= tol * abs(reported)
        out.append({"implied": implied, "reported": reported, "inputs": inputs, "op": op or "÷",
                    "consistent": consistent, "unit": _charts_text(f.get("unit")), "files": f["files"],
                    "from_outlier": bool(d.get("from_outlier")),
                    "same_article": d.get("result_from") == "same article" or len(set(f["files"])) == 1})
    out.sort(key=lambda c: (c["from_outlier"], not c["consistent"], not c["same_article"]))
    return out


def _charts_input_unit(tables: dict, name: str, fallback: str) -> str:
    """Unit of an input quantity of a derived check (from comparison.csv)."""
    row = _charts_comparison_row(tables, name) if name else {}
    return _charts_text(row.get("unit")) or fallback


def _charts_formula(tables: dict, check: dict, unit: str, language: str) -> str:
    """'14,3 Mrd. $ ÷ 49 % = 29,2 Mrd. $' for a derived check (as far as the inputs are known)."""
    implied = format_amount(check["implied"], unit, language)
    ins = check["inputs"]
    if len(ins) == 2:
        (n1, v1), (n2, v2) = ins
        u1 = _charts_input_unit(tables, n1, unit)
        u2 = _charts_input_unit(tables, n2, "percent" if 0 < v2 <= 100 and v1 > 1000 else "other")
        return f"{format_amount(v1, u1, language)} {check['op']} {format_amount(v2, u2, language)} = {implied}"
    return implied


def progression_data(tables: dict, quantity: str, unit: str | None = None, language: str = "auto") -> pd.DataFrame:
    """Tidy rows of a progression chart: reported values by stage and date, plus implied values."""
    lang = story_language(_charts_table(tables, "articles"), language)
    ev = _charts_table(tables, "evidence")
    comp = _charts_comparison_row(tables, quantity, unit)
    unit = unit or _charts_text(comp.get("unit"))
    outlets = _charts_outlet_map(tables, lang)
    rows, seen = [], set()
    for r in chart_evidence(tables, quantity, unit):
        v = cell_float(r.get("value"))
        stage = _charts_text(r.get("stage"))
        key = (_charts_text(r.get("file")), v, stage)
        if math.isnan(v) or key in seen:
            continue
        seen.add(key)
        rows.append({"quantity": quantity, "unit": unit, "kind": "reported", "file": key[0],
                     "outlet": outlets.get(key[0], article_label(key[0], "", lang)), "text": _charts_text(r.get("text")),
                     "value": v, "qualifier": _charts_text(r.get("qualifier")), "stage": stage,
                     "stage_label": _CHARTS_WORDS[lang]["stage"].get(stage, stage),
                     "published": _charts_text(r.get("published")), "consistent": pd.NA})
    rows.sort(key=lambda r: (_CHARTS_STAGE_ORDER.get(r["stage"], 2), r["published"] or "9999", r["file"], r["value"]))
    for i, r in enumerate(rows):
        r["step"] = i
        r["label"] = _charts_figure_label(r, lang)
    for check in _charts_derived(tables, quantity)[:1]:      # the most telling check
        near = min(rows, key=lambda r: abs(r["value"] - check["reported"]) if not math.isnan(check["reported"])
                   else -r["step"]) if rows else None
        rows.append({"quantity": quantity, "unit": unit, "kind": "implied", "file": "", "outlet": "",
                     "text": _charts_formula(tables, check, unit, lang), "value": check["implied"], "qualifier": "",
                     "stage": near["stage"] if near else "", "stage_label": _CHARTS_WORDS[lang]["computed"],
                     "published": "", "consistent": check["consistent"], "step": len(rows),
                     "checks_step": near["step"] if near else pd.NA,
                     "label": f"{_CHARTS_WORDS[lang]['computed']}: {_charts_formula(tables, check, unit, lang)}"})
    cols = ["quantity", "unit", "kind", "step", "file", "outlet", "text", "value", "qualifier", "stage",
            "stage_label", "published", "consistent", "checks_step", "label"]
    return pd.DataFrame(rows, columns=cols)


def _charts_inputs_words(tables: dict, quantity: str, language: str) -> str:
    """'als Investitionssumme ÷ Anteil' / 'as deal amount ÷ stake', or 'aus anderen Zahlen' when unknown."""
    for check in _charts_derived(tables, quantity)[:1]:
        names = [n for n, _v in check["inputs"] if n]
        if len(names) == 2:
            a, b = (_charts_quantity_label(tables, n, language) for n in names)
            return f"als {a} {check['op']} {b}" if language == "de" else f"as {a} {check['op']} {b}"
    return "aus anderen Zahlen" if language == "de" else "from other figures"


def progression_texts(tables: dict, data: pd.DataFrame, quantity: str, language: str) -> dict:
    """Title (how the value moved, and whether the derived check agrees), subtitle, source, alt text."""
    label = _charts_quantity_label(tables, quantity, language)
    rep = data[data["kind"] == "reported"]
    imp = data[data["kind"] == "implied"]
    unit = data["unit"].iloc[0] if not data.empty else ""
    if rep.empty:
        title = _charts_cap(label)
    else:
        a, b = rep["value"].iloc[0], rep["value"].iloc[-1]
        up = b >= a
        first, last = rep.iloc[0].to_dict(), rep.iloc[-1].to_dict()
        plain = first["qualifier"] in ("exact", "") and last["qualifier"] in ("exact", "")
        la, lb = _charts_figure_label(first, language), _charts_figure_label(last, language)
        if language == "de":
            p1, n1, s1 = _common_amount_parts(a, unit, language)
            p2, n2, s2 = _common_amount_parts(b, unit, language)
            rng = f"von {n1} auf {n2}{s2}" if plain and s1 == s2 and not p1 else f"von {la} auf {lb}"
            title = f"{_charts_cap(label)} {'stieg' if up else 'sank'} {rng}"
        else:
            title = f"{_charts_cap(label)} {'rose' if up else 'fell'} from {la} to {lb}"
        if not imp.empty:
            ok = bool(imp["consistent"].iloc[0])
            implied = format_amount(imp["value"].iloc[0], unit, language)
            if language == "de":
                title += " – und die Rechnung geht auf" if ok else f" – doch die Rechnung ergibt {implied}"
            else:
                title += ", and the arithmetic checks out" if ok else f", but the arithmetic gives {implied}"
    steps = "; ".join(f"{r['stage_label']} ({r['outlet']}): {r['label']}" for _, r in rep.iterrows())
    if language == "de":
        subtitle = f"{_charts_cap(label)} nach Zeitpunkt der Angabe"
        if not imp.empty:
            subtitle += f"; Raute: berechnet {_charts_inputs_words(tables, quantity, language)}"
        alt = f"Liniendiagramm: {label} in {len(rep)} Angaben, wo sich zeigt: {title}. Werte: {steps}."
    else:
        subtitle = f"{_charts_cap(label)} by when the figure applies"
        if not imp.empty:
            subtitle += f"; diamond: computed {_charts_inputs_words(tables, quantity, language)}"
        alt = (f"Line chart of the {_charts_mid(label, language)} in {len(rep)} reports, where {_charts_lower_first(title, rep['outlet'])}. "
               f"Figures: {steps}.")
    if not imp.empty:
        alt = alt[:-1] + "; " + "; ".join(imp["label"]) + "."
    files = list(rep["file"]) + [f for c in _charts_derived(tables, quantity)[:1] for f in c["files"]]
    source = _charts_source_line(files, _charts_outlet_map(tables, language), language)
    return {"title": title, "subtitle": subtitle, "source": source, "alt": alt}


def chart_progression(tables: dict, quantity: str, unit: str | None = None, language: str = "auto"):
    """Progression chart of a quantity reported at several stages: (Figure, tidy data)."""
    lang = story_language(_charts_table(tables, "articles"), language)
    data = progression_data(tables, quantity, unit, lang)
    texts = progression_texts(tables, data, quantity, lang)
    unit = data["unit"].iloc[0] if not data.empty else (unit or "")
    rep = data[data["kind"] == "reported"]
    imp = data[data["kind"] == "implied"]
    with chart_style():
        fig = _charts_new_figure()
        ax = fig.add_subplot()
        ncat = max(len(rep) + len(imp), 1)
        ymax = max([1.0] + list(data["value"].astype(float))) * 1.22
        tick_w = _charts_label_width(fig, ["0", format_amount(ymax, unit, lang)], 9)
        left = _CHARTS_PAD_IN + tick_w + 0.12
        step_in = (CHART_WIDTH_IN - left - 0.3) / ncat - 0.1
        ticks = [_charts_wrap(fig, r["stage_label"], 9, step_in) + "\n" + _charts_wrap(fig, r["outlet"], 9, step_in)
                 for _, r in rep.iterrows()]
        ticks += [_charts_wrap(fig, r["stage_label"], 9, step_in) + "\n"
                  + _charts_wrap(fig, r["text"].split(" = ")[0], 9, step_in) for _, r in imp.iterrows()]
        below = 0.2 + 0.16 * max([2] + [t.count("\n") + 1 for t in ticks])
        _charts_layout(fig, ax, texts, 2.5, left, 0.3, below_in=below, above_in=0.05)
        ax.grid(axis="x", visible=False)
        ax.grid(axis="y", visible=True)
        ax.set_xlim(-0.5, ncat - 0.5)
        ax.set_ylim(0, ymax)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
        ax.yaxis.set_major_formatter(_charts_x_formatter(unit, lang))
        ax.set_xticks(range(ncat), ticks, fontsize=9)
        ax.plot(rep["step"], rep["value"], color=_CHARTS_GREY, lw=1.6, zorder=2)
        colours = [OKABE_ITO["blue"] if s != "projected" else OKABE_ITO["sky_blue"] for s in rep["stage"]]
        ax.scatter(rep["step"], rep["value"], s=70, c=colours, zorder=3, edgecolors="white", linewidths=0.8)
        labels = [ax.text(r["step"], r["value"], r["label"], ha="center", va="bottom", fontsize=_CHARTS_LABEL_PT,
                          parse_math=False, color=_CHARTS_INK) for _, r in rep.iterrows()]
        for _, r in imp.iterrows():
            colour = OKABE_ITO["green"] if r["consistent"] is True else OKABE_ITO["vermillion"]
            if not pd.isna(r["checks_step"]):
                ref = rep[rep["step"] == r["checks_step"]]["value"].iloc[0]
                ax.plot([r["checks_step"], r["step"]], [ref, r["value"]], ls=(0, (2, 2)), lw=1.2, color=colour,
                        zorder=1)
            ax.plot([r["step"]], [r["value"]], "D", ms=8, mfc="white", mec=colour, mew=2, zorder=4)
            labels.append(ax.text(r["step"], r["value"], format_amount(r["value"], unit, lang), ha="center",
                                  va="bottom", fontsize=_CHARTS_LABEL_PT, color=colour, parse_math=False))
        for t in labels:
            _charts_shift_text(t, 0, 9)
        for tick, colour in zip(ax.get_xticklabels()[len(rep):], [OKABE_ITO["green"] if c is True else
                                                                   OKABE_ITO["vermillion"] for c in imp["consistent"]]):
            tick.set_color(colour)
        fig.canvas.draw()
        place_labels(fig, labels, direction="up")
    data.attrs.update(texts, name=f"progression_{quantity}", kind="progression")
    return fig, data


# ---------------------------------------------------------------------------
# Chart 3: who cites whom
# ---------------------------------------------------------------------------
def citations_data(tables: dict, language: str = "auto") -> pd.DataFrame:
    """Tidy edges outlet -> cited source, with the figures attributed along each edge."""
    lang = story_language(_charts_table(tables, "articles"), language)
    outlets = _charts_outlet_map(tables, lang)
    arts = _charts_table(tables, "articles")
    edges: dict[tuple[str, str], dict] = {}

    def edge(file, source):
        key = (file, source)
        if key not in edges:
            edges[key] = {"file": file, "outlet": outlets.get(file, article_label(file, "", lang)),
                          "source": source, "figures": [], "quantities": [], "order": len(edges)}
        return edges[key]

    def add_figure(e, label, quantity):
        if label and label not in e["figures"]:
            e["figures"].append(label)
            e["quantities"].append(quantity)

    for rec in (arts.to_dict("records") if not arts.empty else []):
        for src in cell_json(rec.get("cites"), []):
            if isinstance(src, str) and src.strip():
                edge(_charts_text(rec.get("file")), src.strip())
    ev = _charts_table(tables, "evidence")
    for r in (ev.to_dict("records") if not ev.empty else []):
        src = _charts_text(r.get("attributed_to"))
        if src:
            r = dict(r, value=cell_float(r.get("value")), low=cell_float(r.get("low")),
                     high=cell_float(r.get("high")))
            q = _charts_text(r.get("quantity"))
            add_figure(edge(_charts_text(r.get("file")), src),
                       f"{_charts_quantity_label(tables, q, lang)}: {_charts_figure_label(r, lang, False)}", q)
    for f in _charts_findings(tables, "attribution"):
        for a in f["detail"].get("attributions", []) if isinstance(f["detail"].get("attributions"), list) else []:
            if isinstance(a, dict) and _charts_text(a.get("source")) and f["files"]:
                file = _charts_text(a.get("file")) or f["files"][0]
                e = edge(file, _charts_text(a.get("source")))
                q = _charts_text(a.get("quantity"))
                fig_id = _charts_text(a.get("figure_id"))
                hit = [r for r in (ev.to_dict("records") if not ev.empty else []) if fig_id and r.get("figure_id") == fig_id]
                if hit and not e["figures"]:
                    r = dict(hit[0], value=cell_float(hit[0].get("value")), low=cell_float(hit[0].get("low")),
                             high=cell_float(hit[0].get("high")))
                    add_figure(e, f"{_charts_quantity_label(tables, q, lang)}: {_charts_figure_label(r, lang, False)}", q)
        for src in f["detail"].get("sources", []) if isinstance(f["detail"].get("sources"), list) else []:
            for file in f["files"][:1]:
                if isinstance(src, str) and src.strip():
                    edge(file, src.strip())
        src = _charts_text(f["detail"].get("source"))
        if not src:
            continue
        for i, file in enumerate(f["files"]):
            e = edge(file, src)
            vals = f["values"]
            if i < len(vals) and not math.isnan(cell_float(vals[i])) and not e["figures"]:
                q = _charts_text(f.get("quantity"))
                add_figure(e, f"{_charts_quantity_label(tables, q, lang)}: {format_amount(vals[i], f.get('unit'), lang)}"
                           if q else format_amount(vals[i], f.get("unit"), lang), q)
    rows = sorted(edges.values(), key=lambda e: (e["file"], e["order"]))
    out = pd.DataFrame([{"file": e["file"], "outlet": e["outlet"], "source": e["source"],
                         "figures": json.dumps(e["figures"], ensure_ascii=False),
                         "quantities": json.dumps(e["quantities"], ensure_ascii=False),
                         "n_figures": len(e["figures"])} for e in rows],
                       columns=["file", "outlet", "source", "figures", "quantities", "n_figures"])
    return out


def _charts_all_files(tables: dict) -> list[str]:
    """Every article file the tables know about, sorted."""
    files = set()
    for name in ("articles", "evidence"):
        df = _charts_table(tables, name)
        if "file" in df.columns:
            files |= {_charts_text(f) for f in df["file"] if _charts_text(f)}
    return sorted(files)


def citations_texts(tables: dict, data: pd.DataFrame, language: str) -> dict:
    """Title (shared upstream sources, or how many outlets name one), subtitle, source line, alt text."""
    files = _charts_all_files(tables)
    outlets = _charts_outlet_map(tables, language)
    n_all = len(files)
    citing = list(dict.fromkeys(data["file"]))
    sources = list(dict.fromkeys(data["source"]))
    shared = [(s, list(dict.fromkeys(data.loc[data["source"] == s, "outlet"]))) for s in sources]
    shared = [(s, o) for s, o in shared if len(o) >= 2]
    src_list = join_words(sources[:4], language) + (
        (" und weitere" if language == "de" else " and others") if len(sources) > 4 else "")
    k = len(citing)
    if shared:
        s, o = max(shared, key=lambda x: len(x[1]))
        who = join_words(o[:3], language)
        title = (f"{who} berufen sich {'beide' if len(o) == 2 else 'alle'} auf {s}" if language == "de"
                 else f"{who} {'both' if len(o) == 2 else 'all'} rely on {s}")
    elif k == 0:
        title = "Kein Medium nennt eine Quelle" if language == "de" else "No outlet names a source"
    elif language == "de":
        verb = "nennt" if k == 1 else "nennen"
        title = f"{'Nur ' if k < n_all else ''}{_charts_count(k, language, k == n_all)} von " \
                f"{_charts_count(n_all, language, False)} Medien {verb} Quellen: {src_list}"
        title = title.replace("Nur ein von", "Nur eines von").replace("Ein von", "Eines von")
    else:
        verb = "names" if k == 1 else "name"
        title = f"{'Only ' if k < n_all else ''}{_charts_count(k, language, k == n_all)} of " \
                f"{_charts_count(n_all, language, False)} outlets {verb} sources: {src_list}"
    silent = [outlets.get(f, f) for f in files if f not in citing]
    links = "; ".join(f"{r['outlet']} → {r['source']}" + (f" ({', '.join(json.loads(r['figures']))})"
                                                          if r["n_figures"] else "") for _, r in data.iterrows())
    if language == "de":
        subtitle = "Welches Medium sich auf welche Quelle beruft; in der Mitte: die Zahlen, die es ihr zuschreibt"
        if silent:
            subtitle += "; grau: nennt keine Quelle"
        alt = f"Verbindungsdiagramm: Medien links, zitierte Quellen rechts, wo sich zeigt: {title}. " \
              f"Verbindungen: {links or 'keine'}." + (f" Ohne Quelle: {', '.join(silent)}." if silent else "")
    else:
        subtitle = "Which outlet cites which source; in the middle: the figures it attributes to that source"
        if silent:
            subtitle += "; grey: names no source"
        alt = f"Network diagram of outlets (left) and the sources they cite (right), where " \
              f"{_charts_lower_first(title, list(outlets.values()) + sources)}. Links: {links or 'none'}." + \
              (f" No source named: {', '.join(silent)}." if silent else "")
    return {"title": title, "subtitle": subtitle, "source": _charts_source_line(files, outlets, language),
            "alt": alt}


def _charts_edge_label(figures: list[str]) -> str:
    """'Deal amount: $1.2bn, $3bn · Stake: 40%' from ['Deal amount: $1.2bn', 'Deal amount: $3bn', 'Stake: 40%']."""
    groups: dict[str, list[str]] = {}
    for f in figures:
        head, sep, val = f.partition(": ")
        groups.setdefault(head if sep else "", []).append(val if sep else f)
    return " · ".join((f"{k}: " if k else "") + ", ".join(v) for k, v in groups.items())


_CHARTS_LINK_IN, _CHARTS_LINK_OUT = 0.18, 0.82   # where a link's straight middle stretch starts and ends


def chart_citations(tables: dict, language: str = "auto"):
    """Who cites whom: outlets left, cited sources right, one row per link in the middle. (Figure, data).

    Every link (outlet -> source) fans out from the outlet to its own row, runs straight
    across the middle and fans in to the source; the figures the outlet attributes to that
    source sit just above the straight stretch, where no other line passes, so labels never
    sit on each other or on a crossing. Outlets that name no source are listed in grey at the bottom.
    """
    lang = story_language(_charts_table(tables, "articles"), language)
    data = citations_data(tables, lang)
    texts = citations_texts(tables, data, lang)
    outlets = _charts_outlet_map(tables, lang)
    files = _charts_all_files(tables)
    left_names = list(dict.fromkeys(outlets.get(f, article_label(f, "", lang)) for f in files))
    citing = list(dict.fromkeys(data["outlet"]))
    silent = [o for o in left_names if o not in citing]
    sources = list(dict.fromkeys(data["source"]))
    with chart_style():
        fig = _charts_new_figure()
        ax = fig.add_subplot()
        shown = dict(zip(left_names, _charts_fit_names(fig, left_names, 10, 1.7)))
        shown.update(zip(sources, _charts_fit_names(fig, sources, 10, 1.5, "bold")))
        lw = _charts_label_width(fig, [shown[o] for o in left_names], 10) + 0.12
        rw = _charts_label_width(fig, [shown[s_] for s_ in sources], 10, "bold") + 0.12
        mid_w = (CHART_WIDTH_IN - 2 * _CHARTS_PAD_IN - lw - rw) * (_CHARTS_LINK_OUT - _CHARTS_LINK_IN - 0.04)
        edge_text = []
        for f in data["figures"]:
            one = _charts_edge_label(json.loads(f))
            if _charts_text_size(fig, one, 8.5)[0] > mid_w:      # one quantity per line, then wrap
                one = "\n".join(_charts_wrap(fig, part, 8.5, mid_w) for part in one.split(" · "))
            edge_text.append(one)
        lines = max([1] + [t.count("\n") + 1 for t in edge_text])
        name_lines = max([1] + [v.count("\n") + 1 for v in shown.values()])
        row_in = max(0.3 + 0.15 * lines, 0.14 + 0.18 * name_lines)
        rows = len(data) + len(silent)
        n = max(rows, len(sources), 1)
        _charts_layout(fig, ax, texts, max(1.0, row_in * n), _CHARTS_PAD_IN + lw, _CHARTS_PAD_IN + rw,
                       below_in=0.05, above_in=0.05)
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(n - 0.5, -0.5)
        offset = (n - rows) / 2
        edge_y = [offset + i for i in range(len(data))]
        ly = {o: sum(y for y, e in zip(edge_y, data["outlet"]) if e == o) / list(data["outlet"]).count(o)
              for o in citing}
        ly.update({o: offset + len(data) + i for i, o in enumerate(silent)})
        order = sorted(sources, key=lambda s_: (sum(y for y, e in zip(edge_y, data["source"]) if e == s_)
                                                / list(data["source"]).count(s_), sources.index(s_)))
        ry = {s_: (n - len(order)) / 2 + i for i, s_ in enumerate(order)}
        for name, y in ly.items():
            colour = _CHARTS_INK if name in citing else _CHARTS_GREY
            ax.plot([0], [y], "o", ms=7, color=colour, zorder=3, clip_on=False)
            t = ax.text(0, y, shown[name], ha="right", va="center", fontsize=10, color=colour, parse_math=False,
                        clip_on=False, linespacing=1.05)
            _charts_shift_text(t, -9, 0)
        for s_, y in ry.items():
            ax.plot([1], [y], "s", ms=8, color=OKABE_ITO["orange"], zorder=3, clip_on=False)
            t = ax.text(1, y, shown[s_], ha="left", va="center", fontsize=10, weight="bold", color=_CHARTS_INK,
                        parse_math=False, clip_on=False, linespacing=1.05)
            _charts_shift_text(t, 10, 0)
        labels = []
        for y, (_, r), label in zip(edge_y, data.iterrows(), edge_text):
            y0, y1 = ly[r["outlet"]], ry[r["source"]]
            strong = r["n_figures"] > 0
            ax.plot([0, _CHARTS_LINK_IN, _CHARTS_LINK_OUT, 1], [y0, y, y, y1],
                    color=OKABE_ITO["blue"] if strong else "#BBBBBB", lw=2.0 if strong else 1.1, zorder=2,
                    solid_joinstyle="round", solid_capstyle="round")
            if strong:
                label_t = ax.text((_CHARTS_LINK_IN + _CHARTS_LINK_OUT) / 2, y, label, ha="center", va="bottom",
                                  fontsize=8.5, linespacing=1.1, color=OKABE_ITO["blue"], parse_math=False, zorder=5)
                _charts_shift_text(label_t, 0, 3)
                labels.append(label_t)
        fig.canvas.draw()
        nodes = [t for t in ax.texts if all(t is not lab for lab in labels)]
        place_labels(fig, labels, fixed=nodes, direction="down")
    data.attrs.update(texts, name="citations", kind="citations")
    return fig, data


# ---------------------------------------------------------------------------
# Chart 4: overview of all compared quantities
# ---------------------------------------------------------------------------
_CHARTS_STATUS_ORDER = {"contested": 0, "progression": 1, "agreed": 2, "single_source": 3}
_CHARTS_STATUS_COLOURS = {"contested": OKABE_ITO["vermillion"], "progression": OKABE_ITO["orange"],
                          "agreed": OKABE_ITO["blue"], "single_source": _CHARTS_GREY}


def overview_data(tables: dict, language: str = "auto") -> pd.DataFrame:
    """Tidy rows of the overview: every compared figure relative to its quantity's consensus."""
    lang = story_language(_charts_table(tables, "articles"), language)
    comp = _charts_table(tables, "comparison")
    ev = _charts_table(tables, "evidence")
    outlets = _charts_outlet_map(tables, lang)
    rows = []
    recs = sorted((c for c in comp.to_dict("records") if _charts_text(c.get("quantity")) not in ("", "unclassified")),
                  key=lambda c: (_CHARTS_STATUS_ORDER.get(_charts_text(c.get("status")), 4),
                                 -(cell_float(c.get("n_outlets")) or 0), _charts_text(c.get("quantity"))))
    recs = [c for c in recs if chart_evidence(tables, _charts_text(c.get("quantity")), _charts_text(c.get("unit")))
            and _charts_text(c.get("status")) != "single_source"
            and (cell_float(c.get("n_outlets")) or 0) >= 2]      # one outlet: nothing to compare
    for i, c in enumerate(recs):
        q, unit = _charts_text(c.get("quantity")), _charts_text(c.get("unit"))
        cl, ch = cell_float(c.get("consensus_low")), cell_float(c.get("consensus_high"))
        ref = (cl + ch) / 2 if not (math.isnan(cl) or math.isnan(ch)) else cell_float(c.get("median"))
        figs = chart_evidence(tables, q, unit)
        if not figs:
            continue
        seen = set()
        for r in figs:
            v = cell_float(r.get("value"))
            key = (r.get("file"), v)
            if math.isnan(v) or v <= 0 or key in seen or not ref or math.isnan(ref) or ref <= 0:
                continue
            seen.add(key)
            rows.append({"row": i, "quantity": q, "label": _charts_quantity_label(tables, q, lang, unit), "unit": unit,
                         "status": _charts_text(c.get("status")), "n_outlets": int(cell_float(c.get("n_outlets")) or 0),
                         "spread": cell_float(c.get("spread")), "reference": ref,
                         "file": _charts_text(r.get("file")),
                         "outlet": outlets.get(_charts_text(r.get("file")), ""), "value": v, "ratio": v / ref,
                         "verdict": _charts_text(r.get("verdict"))})
        if not any(r["row"] == i for r in rows):
            rows.append({"row": i, "quantity": q, "label": _charts_quantity_label(tables, q, lang, unit), "unit": unit,
                         "status": _charts_text(c.get("status")), "n_outlets": int(cell_float(c.get("n_outlets")) or 0),
                         "spread": cell_float(c.get("spread")), "reference": ref, "file": "", "outlet": "",
                         "value": math.nan, "ratio": math.nan, "verdict": ""})
    return pd.DataFrame(rows, columns=["row", "quantity", "label", "unit", "status", "n_outlets", "spread",
                                       "reference", "file", "outlet", "value", "ratio", "verdict"])


def _charts_single_source_count(tables: dict) -> int:
    """How many quantities only one outlet reports (left out of the overview)."""
    comp = _charts_table(tables, "comparison")
    return sum(1 for c in comp.to_dict("records")
               if _charts_text(c.get("quantity")) not in ("", "unclassified")
               and (_charts_text(c.get("status")) == "single_source" or (cell_float(c.get("n_outlets")) or 0) < 2))


# the overview's words, (German, English) per phrase
_CHARTS_OVERVIEW_WORDS = {
    "both": ("Uneinig bei {contested}, einig bei {agreed}", "Outlets disagree on the {contested} but agree on the {agreed}"),
    "contested": ("Die Medien sind uneins bei {contested}", "Outlets disagree on the {contested}"),
    "agreed": ("Einig bei {agreed}", "Outlets agree on the {agreed}"),
    "all_agreed": ("Die Medien sind sich bei allen {n} Größen einig", "Outlets agree on all {n} figures"),
    "none": ("Jede Zahl stammt nur aus einer Quelle", "Every figure comes from a single source"),
    "rose": ("{q} stieg", "the {q} rose"), "fell": ("{q} sank", "the {q} fell"),
    "changed": ("{q} veränderte sich", "the {q} changed"),
    "subtitle": ("Jede Zahl im Verhältnis zum Konsens der Medien (Mittellinie; ÷10 = ein Zehntel davon)",
                 "Each figure relative to the outlets' consensus (centre line; ÷10 = a tenth of it)"),
    "times": ("; {q}: Werte aus verschiedenen Zeitpunkten", "; {q}: figures from different points in time"),
    "single": (". Nicht gezeigt: {n} {noun}, die nur ein Medium nennt", ". Not shown: {n} {noun} only one outlet reports"),
    "nouns": (("Größe", "Größen"), ("figure", "figures")), "spread": ("Spanne", "spread"),
    "alt": ("Übersichtsdiagramm: alle {n} verglichenen Größen, je Zeile die Zahlen der Medien im Verhältnis zum "
            "Konsens, wo sich zeigt: {title}. {rows}.",
            "Overview chart of all {n} compared figures, one row each with every outlet's figure relative to the "
            "consensus, where {title_mid}. {rows}."),
}


def _charts_overview_words(language: str) -> dict:
    """The overview's phrases in one language."""
    return {k: v[0 if language == "de" else 1] for k, v in _CHARTS_OVERVIEW_WORDS.items()}


def _charts_progression_move(tables: dict, quantity: str, unit: str) -> str:
    """How a progression quantity moved from its first to its last reported value: rose, fell or changed."""
    rep = progression_data(tables, quantity, unit or None)
    rep = rep[rep["kind"] == "reported"]
    if rep.empty or rep["value"].iloc[-1] == rep["value"].iloc[0]:
        return "changed"
    return "rose" if rep["value"].iloc[-1] > rep["value"].iloc[0] else "fell"


def overview_title(tables: dict, data: pd.DataFrame, language: str) -> str:
    """Where the outlets agree and where they do not; a progression is named as a change, never as agreement.

    de "Uneinig bei Investitionssumme, einig bei Anteil und Gründungsjahr; Bewertung stieg",
    en "Outlets disagree on the deal amount but agree on the stake; the valuation rose".
    """
    words = _charts_overview_words(language)
    q = data.drop_duplicates("row")
    names = lambda status: list(dict.fromkeys(  # noqa: E731  (each name once, in row order)
        _charts_mid(x, language) for x in q.loc[q["status"] == status, "label"]))
    contested = names("contested")
    agreed = [x for x in names("agreed") if x not in contested]
    moves = [words[_charts_progression_move(tables, r["quantity"], r["unit"])].format(q=_charts_mid(r["label"], language))
             for _, r in q[q["status"] == "progression"].iterrows()]
    some = {"contested": _charts_join_some(contested, language), "agreed": _charts_join_some(agreed, language)}
    if contested and agreed:
        title = words["both"].format(**some)
    elif contested:
        title = words["contested"].format(**some)
    elif agreed and moves:
        title = words["agreed"].format(**some)
    elif agreed:
        title = words["all_agreed"].format(n=_charts_count(len(agreed), language, False))
    elif moves:
        return _charts_cap(join_words(moves, language))
    else:
        return words["none"]
    return f"{title}; {join_words(moves, language)}" if moves else title


def overview_texts(tables: dict, data: pd.DataFrame, language: str) -> dict:
    """Title (where outlets agree, where they do not, what changed), subtitle, source line, alt text."""
    words = _charts_overview_words(language)
    q = data.drop_duplicates("row")
    single = _charts_single_source_count(tables)
    changed = list(q.loc[q["status"] == "progression", "label"])
    title = overview_title(tables, data, language)
    subtitle = words["subtitle"]
    if changed:
        subtitle += words["times"].format(q=join_words(changed, language))
    if single:
        subtitle += words["single"].format(n=single, noun=words["nouns"][single != 1])
    rows = "; ".join(f"{r['label']}: {_CHARTS_WORDS[language]['status'].get(r['status'], r['status'])}, "
                     f"{r['n_outlets']} {_charts_outlets_word(r['n_outlets'], language)}"
                     + (f", {words['spread']} ×{format_number(r['spread'], language, 1 if r['spread'] < 10 else 0)}"
                        if not math.isnan(r['spread']) and r['n_outlets'] > 1 else "")
                     for _, r in q.iterrows())
    alt = words["alt"].format(n=len(q), title=title, title_mid=_charts_lower_first(title, []), rows=rows)
    files = [f for f in data["file"] if f]
    return {"title": title, "subtitle": subtitle,
            "source": _charts_source_line(files, _charts_outlet_map(tables, language), language), "alt": alt}


def _charts_ratio_label(r: float, language: str) -> str:
    """'×2', '÷10', 'Konsens' for a ratio tick."""
    if abs(r - 1) < 1e-9:
        return "Konsens" if language == "de" else "consensus"
    if r > 1:
        return f"×{format_number(r, language)}"
    return f"÷{format_number(1 / r, language)}"


def chart_overview(tables: dict, language: str = "auto"):
    """Overview: one row per compared quantity, each figure relative to the consensus. (Figure, data)."""
    lang = story_language(_charts_table(tables, "articles"), language)
    data = overview_data(tables, lang)
    texts = overview_texts(tables, data, lang)
    q = data.drop_duplicates("row")
    ratios = data["ratio"].dropna().astype(float)
    lo = min([0.5] + list(ratios / 1.6))
    hi = max([2.0] + list(ratios * 1.6))
    candidates = [1 / 1000, 1 / 100, 1 / 20, 1 / 10, 1 / 5, 1 / 2, 1, 2, 5, 10, 20, 100, 1000]
    ticks = [t for t in candidates if lo <= t <= hi]
    while len(ticks) > 7:
        ticks = [t for i, t in enumerate(ticks) if t == 1 or i % 2 == ticks.index(1) % 2]
    w = _CHARTS_WORDS[lang]
    side = []
    for _, r in q.iterrows():
        spread = "" if math.isnan(r["spread"]) or r["n_outlets"] < 2 else f", ×{format_number(r['spread'], lang, 1 if r['spread'] < 10 else 0)}"
        side.append(f"{w['status'].get(r['status'], r['status'])}\n{r['n_outlets']} "
                    f"{_charts_outlets_word(r['n_outlets'], lang)}{spread}")
    with chart_style():
        fig = _charts_new_figure()
        ax = fig.add_subplot()
        labels = _charts_fit_names(fig, [_charts_cap(s) for s in q["label"]], 10, 1.9)
        left = _CHARTS_PAD_IN + _charts_label_width(fig, labels, 10) + 0.12
        right = _CHARTS_PAD_IN + _charts_label_width(fig, side, 8.5) + 0.15
        _charts_layout(fig, ax, texts, max(1.0, 0.62 * len(q)), left, right, below_in=0.35, above_in=0.05)
        ax.set_xscale("log")
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_minor_locator(FixedLocator([]))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: _charts_ratio_label(v, lang)))
        ax.set_ylim(len(q) - 0.5, -0.5)
        ax.set_yticks(range(len(q)), labels)
        ax.axvline(1, color="#444444", lw=1.2, zorder=1)
        notes = []
        for i, (_, r) in enumerate(q.iterrows()):
            pts = data[(data["row"] == r["row"]) & data["ratio"].notna()]
            m = len(pts)
            for k, (_, p) in enumerate(pts.iterrows()):
                dy = (k - (m - 1) / 2) * min(0.11, 0.6 / max(m, 1))
                ax.plot([p["ratio"]], [i + dy], "o", ms=7, color=VERDICT_COLOURS.get(p["verdict"], _CHARTS_GREY),
                        mec="white", mew=0.7, zorder=3, alpha=0.95)
                if p["verdict"] == "contradicts" and p["outlet"]:
                    t = ax.text(p["ratio"], i + dy, p["outlet"], ha="left" if p["ratio"] < 1 else "right",
                                va="center", fontsize=8.5, color=OKABE_ITO["vermillion"], parse_math=False)
                    _charts_shift_text(t, 8 if p["ratio"] < 1 else -8, 0)
                    notes.append(t)
            ax.text(1.02, i, side[i], transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=8.5,
                    color=_CHARTS_STATUS_COLOURS.get(r["status"], _CHARTS_GREY), parse_math=False, clip_on=False,
                    linespacing=1.1)
        fig.canvas.draw()
        place_labels(fig, notes, direction="down")
    data.attrs.update(texts, name="overview", kind="overview")
    return fig, data


# ---------------------------------------------------------------------------
# All charts of a story, and saving them
# ---------------------------------------------------------------------------
@dataclass
class Chart:
    """One chart ready to save: its file name stem, kind, quantity, texts, figure and data."""
    name: str
    kind: str
    quantity: str
    title: str
    subtitle: str
    source: str
    alt: str
    figure: Figure
    data: pd.DataFrame


def _charts_slug(s: str) -> str:
    """A file-name-safe version of a quantity name."""
    return re.sub(r"[^a-z0-9_]+", "_", s.lower()).strip("_") or "quantity"


def chart_plan(tables: dict) -> list[tuple[str, str, str, str]]:
    """Which charts a story gets: [(name, kind, quantity, unit)], in reading order.

    overview (when anything was compared), a dot plot for each compared quantity that is
    not a progression (most important finding first), a progression chart for each
    progression, and who-cites-whom when any outlet names a source.
    """
    comp = _charts_table(tables, "comparison")
    recs = [c for c in comp.to_dict("records") if _charts_text(c.get("quantity")) not in ("", "unclassified")]
    ranks = {}
    for f in _charts_findings_all(tables):
        ranks.setdefault(_charts_text(f.get("quantity")), cell_float(f.get("rank")))
    recs.sort(key=lambda c: (ranks.get(_charts_text(c.get("quantity")), 1e9), _charts_text(c.get("quantity"))))
    units = {}
    for c in recs:
        units.setdefault(c["quantity"], []).append(c["unit"])
    plan = [("overview", "overview", "", "")] if overview_data(tables)["ratio"].notna().any() else []
    # a progression belongs to one quantity in one unit: the dollar figures' change over time
    # says nothing about the pound figures of the same quantity
    progression = {(_charts_text(f.get("quantity")), _charts_text(f.get("unit")))
                   for f in _charts_findings(tables, "progression")}
    for c in recs:
        q, u = _charts_text(c.get("quantity")), _charts_text(c.get("unit"))
        stem = _charts_slug(q) + (f"_{_charts_slug(u)}" if len(units[q]) > 1 else "")
        moved = _charts_text(c.get("status")) == "progression" or (q, u) in progression
        reported = progression_data(tables, q, u or None) if moved else None
        if moved and reported[reported["kind"] == "reported"]["value"].nunique() >= 2:
            plan.append((f"progression_{stem}", "progression", q, u))
        elif dotplot_data(tables, q, u or None)["outlet"].nunique() >= 2:
            plan.append((f"dots_{stem}", "dotplot", q, u))
    if not citations_data(tables, "en").empty:
        plan.append(("citations", "citations", "", ""))
    return plan


def _charts_findings_all(tables: dict) -> list[dict]:
    """All findings rows in rank order (raw cells)."""
    df = _charts_table(tables, "findings")
    if df.empty or "rank" not in df.columns:
        return []
    return sorted(df.to_dict("records"), key=lambda r: cell_float(r.get("rank")))


def make_charts(tables: dict, language: str = "auto") -> list[Chart]:
    """Draw every chart of chart_plan(tables) in the story's language."""
    lang = story_language(_charts_table(tables, "articles"), language)
    charts = []
    for name, kind, quantity, unit in chart_plan(tables):
        if kind == "overview":
            fig, data = chart_overview(tables, lang)
        elif kind == "dotplot":
            fig, data = chart_dotplot(tables, quantity, unit or None, lang)
        elif kind == "progression":
            fig, data = chart_progression(tables, quantity, unit or None, lang)
        else:
            fig, data = chart_citations(tables, lang)
        data.attrs["name"] = name
        a = data.attrs
        charts.append(Chart(name, kind, quantity, a["title"], a["subtitle"], a["source"], a["alt"], fig, data))
    return charts


def chart_bytes(fig: Figure, fmt: str, dpi: float | None = None) -> bytes:
    """The figure as PNG or SVG bytes, reproducibly: no dates, no software stamp, fixed SVG ids.

    PNGs are written at the style's savefig.dpi (200: 1280 px, sharp at 640 px on dense
    screens); dpi=100 gives the 640 px preview a notebook shows.
    """
    buf = io.BytesIO()
    with chart_style():
        if fmt == "svg":
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        else:
            fig.savefig(buf, format="png", metadata={"Software": None}, **({"dpi": dpi} if dpi else {}))
    return buf.getvalue()


def save_chart(fig: Figure, data: pd.DataFrame, charts_dir, name: str | None = None, alt: str | None = None) -> list[Path]:
    """Write charts/<name>.png, .svg, .txt (alt text) and .csv (the data), each atomically."""
    charts_dir = Path(charts_dir)
    name = name or data.attrs.get("name") or "chart"
    alt = alt if alt is not None else data.attrs.get("alt", "")
    paths = [write_bytes_atomic(charts_dir / f"{name}.png", chart_bytes(fig, "png")),
             write_bytes_atomic(charts_dir / f"{name}.svg", chart_bytes(fig, "svg")),
             write_text_atomic(charts_dir / f"{name}.txt", alt.strip() + "\n")]
    table = data.copy()
    table.attrs = {}
    for col in table.columns:
        if table[col].dtype == float:
            table[col] = table[col].map(lambda v: "" if pd.isna(v) else repr(float(v)))
    paths.append(write_csv_atomic(table, charts_dir / f"{name}.csv"))
    return paths


def save_charts(charts: list[Chart], charts_dir) -> pd.DataFrame:
    """Save every chart and remove chart files of an earlier run that this run no longer draws.

    Returns one row per chart: name, kind, quantity, title, files.
    """
    charts_dir = Path(charts_dir)
    keep = set()
    rows = []
    for c in charts:
        paths = save_chart(c.figure, c.data, charts_dir, c.name, c.alt)
        keep |= {p.name for p in paths}
        rows.append({"name": c.name, "kind": c.kind, "quantity": c.quantity, "title": c.title,
                     "files": " ".join(p.name for p in paths)})
    if charts_dir.is_dir():
        for p in sorted(charts_dir.iterdir()):
            if p.suffix in (".png", ".svg", ".txt", ".csv") and p.name not in keep:
                p.unlink()
    return pd.DataFrame(rows, columns=["name", "kind", "quantity", "title", "files"])


# ============================================================================
# 5. Report: one self-contained page to share (end of a run)
# ============================================================================
# Labels of the page itself, in the story's language.
_REPORT_LABELS = {
    "en": {
        "lang": "en", "report": "Figure check", "findings": "Findings", "charts": "Charts",
        "comparison": "Comparison by quantity", "articles": "Articles", "skipped": "Files not analysed",
        "evidence": "Evidence", "no_findings": "No findings: the outlets' figures could not be compared.",
        "no_charts": "No charts were drawn.", "no_table": "Not produced by this run.",
        "no_charts_why": {"no_run": "No charts were drawn: the charts notebook (04) has not run for this story.",
                          "no_comparison": "No charts were drawn: no figure could be compared across articles.",
                          "single": "No charts were drawn: no quantity was reported by two or more articles, "
                                    "so there is nothing to set side by side.",
                          "other": "No charts were drawn: the compared figures gave nothing to plot."},
        "summary_unnamed": "{articles} (outlets not named), {figures}, {findings}.",
        "summary_some": "{articles} from {outlets} and {unknown} without a named outlet, {figures}, {findings}.",
        "severity": "Severity", "quantity": "Quantity", "unit": "Unit", "outlets": "Outlets",
        "figures": "Figures", "consensus": "Consensus", "median": "Median", "min": "Min", "max": "Max",
        "status": "Status", "outlet": "Outlet", "date": "Date", "language": "Language", "cites": "Cites",
        "title": "Headline", "file": "File", "words": "Words", "reason": "Reason",
        "duplicate": "duplicate of", "summary": "{articles} from {outlets}, {figures}, {findings}.",
        "nouns": {"articles": ("article", "articles"), "outlets": ("outlet", "outlets"),
                  "figures": ("figure", "figures"), "findings": ("finding", "findings")},
        "made": "Made with <code>{command}</code> by the figure-checking notebook collection "
                "(scripts/run_story.py, notebooks 01–04) from the {n} files in <code>{articles}</code>.",
        "params": "Story parameters that differ from the defaults: {params}.",
        "defaults": "All story parameters at their defaults.",
        "caveat": "Figures are extracted automatically: check every quote against the article before publishing.",
        "chart_data": "Data behind the chart: <code>{csv}</code>",
    },
    "de": {
        "lang": "de", "report": "Zahlencheck", "findings": "Befunde", "charts": "Grafiken",
        "comparison": "Vergleich nach Größe", "articles": "Artikel", "skipped": "Nicht ausgewertete Dateien",
        "evidence": "Belege", "no_findings": "Keine Befunde: die Zahlen der Medien ließen sich nicht vergleichen.",
        "no_charts": "Es wurden keine Grafiken gezeichnet.", "no_table": "In diesem Lauf nicht erzeugt.",
        "no_charts_why": {"no_run": "Keine Grafiken: das Grafik-Notebook (04) ist für diese Story nicht gelaufen.",
                          "no_comparison": "Keine Grafiken: keine Zahl ließ sich zwischen Artikeln vergleichen.",
                          "single": "Keine Grafiken: keine Größe wird von zwei oder mehr Artikeln genannt, "
                                    "es gibt also nichts nebeneinanderzustellen.",
                          "other": "Keine Grafiken: die verglichenen Zahlen ergaben nichts zu zeichnen."},
        "summary_unnamed": "{articles} (Medien nicht genannt), {figures}, {findings}.",
        "summary_some": "{articles} aus {outlets} und {unknown} ohne genanntes Medium, {figures}, {findings}.",
        "severity": "Gewicht", "quantity": "Größe", "unit": "Einheit", "outlets": "Medien",
        "figures": "Zahlen", "consensus": "Konsens", "median": "Median", "min": "Min.", "max": "Max.",
        "status": "Status", "outlet": "Medium", "date": "Datum", "language": "Sprache", "cites": "Zitiert",
        "title": "Überschrift", "file": "Datei", "words": "Wörter", "reason": "Grund",
        "duplicate": "Duplikat von", "summary": "{articles} aus {outlets}, {figures}, {findings}.",
        "nouns": {"articles": ("Artikel", "Artikel"), "outlets": ("Medium", "Medien"),
                  "figures": ("Zahl", "Zahlen"), "findings": ("Befund", "Befunde")},
        "made": "Erstellt mit <code>{command}</code> von der Notebook-Sammlung zum Zahlencheck "
                "(scripts/run_story.py, Notebooks 01–04) aus den {n} Dateien in <code>{articles}</code>.",
        "params": "Story-Parameter, die vom Standard abweichen: {params}.",
        "defaults": "Alle Story-Parameter auf ihrem Standardwert.",
        "caveat": "Die Zahlen werden automatisch erkannt: jedes Zitat vor der Veröffentlichung am Artikel prüfen.",
        "chart_data": "Daten der Grafik: <code>{csv}</code>",
    },
}
_REPORT_KINDS = {
    "en": {"consensus": "Consensus", "outlier": "Outlier", "contradiction": "Contradiction",
           "self_contradiction": "Self-contradiction", "derived_check": "Derived check",
           "progression": "Progression", "attribution": "Attribution", "currency": "Other currency"},
    "de": {"consensus": "Übereinstimmung", "outlier": "Ausreißer", "contradiction": "Widerspruch",
           "self_contradiction": "Widerspruch im Artikel", "derived_check": "Rechenprobe",
           "progression": "Entwicklung", "attribution": "Quellenangabe", "currency": "Andere Währung"},
}
_REPORT_SEVERITIES = {
    "en": {"high": "high", "medium": "medium", "low": "low", "info": "info"},
    "de": {"high": "hoch", "medium": "mittel", "low": "niedrig", "info": "Info"},
}
_REPORT_STATUS = {
    "en": {"agreed": "agreed", "contested": "contested", "progression": "progression",
           "single_source": "single source"},
    "de": {"agreed": "übereinstimmend", "contested": "umstritten", "progression": "Entwicklung",
           "single_source": "eine Quelle"},
}
_REPORT_CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 17px; line-height: 1.55; color: #1a1a1a;
  background: #fff; margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 3rem; }
h1, h2, h3, table, .meta, .badge, figcaption, footer, .summary {
  font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-size: 1.3rem; margin: 2.4rem 0 .8rem; padding-bottom: .2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.05rem; margin: 0 0 .3rem; }
.summary { color: #444; margin: 0 0 .3rem; }
.caveat { color: #555; font-size: .9rem; font-style: italic; }
ol.findings { padding-left: 1.6rem; }
ol.findings > li { margin: 0 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
.badge { display: inline-block; font-size: .75rem; font-weight: bold; letter-spacing: .03em;
  text-transform: uppercase; padding: .05rem .4rem; border-radius: 3px; margin-right: .4rem;
  border: 1px solid currentColor; }
.sev-high { color: #b2182b; } .sev-medium { color: #b35806; } .sev-low { color: #2166ac; }
.sev-info { color: #555; }
.kind { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: .85rem; color: #444; }
.message { margin: .2rem 0 .4rem; }
ul.evidence { margin: .2rem 0 0; padding-left: 1.1rem; font-size: .95rem; }
ul.evidence li { margin: .25rem 0; }
blockquote { margin: 0; color: #333; }
mark { background: #ffe08a; padding: 0 .1em; color: #000; }
.source { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: .8rem; color: #555; }
figure { margin: 1.2rem 0 2rem; break-inside: avoid; page-break-inside: avoid; }
figure img { max-width: 100%; height: auto; display: block; border: 1px solid #ddd; }
figcaption { font-size: .9rem; color: #333; margin-top: .4rem; }
figcaption .data { display: block; color: #666; font-size: .8rem; margin-top: .2rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid #ddd; }
th { border-bottom: 2px solid #1a1a1a; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-family: Menlo, Consolas, monospace; font-size: .85em; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid #ccc; font-size: .85rem; color: #444; }
a { color: #1a4f8b; }
@media print {
  body { max-width: none; font-size: 11pt; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
""".strip()


def _report_esc(value: object) -> str:
    """Text for HTML, escaped (quotes too, so it is safe in attributes); missing values give ''."""
    return html.escape(_report_text(value), quote=True)


def _report_text(value: object) -> str:
    """A cell as plain text: '' for missing values (None, NaN, pd.NA)."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _report_number(value: object) -> float | None:
    """A cell as a float, or None when it is empty or not a number."""
    text = _report_text(value).strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def _report_read(path: Path) -> pd.DataFrame | None:
    """A table a notebook wrote, or None when this run did not produce it."""
    return read_table(path) if Path(path).exists() else None


def _report_title(params: dict, articles: pd.DataFrame, story: str, labels: dict,
                  findings: pd.DataFrame | None = None) -> str:
    """The page title: the `title` parameter, else the headline of the earliest article that no
    high-severity finding is about (a fact-check must not lead with the headline it disputes),
    else the story's folder name."""
    title = _report_text(params.get("title", "")).strip()
    if title:
        return title
    disputed = set()
    if findings is not None and not findings.empty and {"severity", "files"} <= set(findings.columns):
        for _, row in findings[findings["severity"].map(_report_text) == "high"].iterrows():
            disputed.update(str(f) for f in cell_json(row.get("files"), []))
    if not articles.empty and "title" in articles.columns:
        ordered = articles.assign(_p=articles.get("published", "").map(_report_text),
                                  _f=articles["file"].map(_report_text))
        ordered = ordered.sort_values(["_p", "_f"], key=lambda s: s.replace("", "~"))
        for file, headline in zip(ordered["_f"], ordered["title"].map(_report_text)):
            if headline.strip() and file not in disputed:
                return f"{labels['report']}: {headline.strip()}"
    return f"{labels['report']}: {story}"


def _report_highlight_many(sentence: str, marks: list[tuple[int, int]]) -> str:
    """The sentence, escaped, with every (start, end) range marked; overlapping ranges merge."""
    merged: list[list[int]] = []
    for start, end in sorted(marks):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(html.escape(sentence[pos:start]) + "<mark>" + html.escape(sentence[start:end]) + "</mark>")
        pos = end
    return "".join(out) + html.escape(sentence[pos:])


def _report_group_evidence(items: list) -> list[dict]:
    """Evidence items grouped by (file, sentence), in first-seen order: one quote per sentence.

    Items with neither a sentence nor a span are dropped.
    """
    groups: dict[tuple[str, str], dict] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        sentence, span = _report_text(item.get("sentence")), _report_text(item.get("text"))
        if not sentence.strip() and not span.strip():
            continue
        key = (_report_text(item.get("file")), sentence or span)
        groups.setdefault(key, {"file": key[0], "sentence": key[1], "outlet": _report_text(item.get("outlet")),
                                "items": []})["items"].append(item)
    return list(groups.values())


def _report_quote_html(quote: dict, texts: dict, outlets: dict, labels: dict) -> str:
    """One evidence quote: the sentence with its spans marked, then outlet and file."""
    sentence, marks, missing = quote["sentence"], [], []
    for item in quote["items"]:
        span = _report_text(item.get("text"))
        if not span:
            continue
        offset = _report_span_offset(dict(item, sentence=sentence), texts)
        if offset is None or sentence[offset:offset + len(span)] != span:
            found = sentence.find(span)
            offset = found if found >= 0 else None
        if offset is None:
            missing.append(span)
        else:
            marks.append((offset, offset + len(span)))
    text = _report_highlight_many(sentence, marks)
    text += "".join(f" (<mark>{html.escape(span)}</mark>)" for span in dict.fromkeys(missing))
    file = quote["file"]
    outlet = quote["outlet"] or outlets.get(file, "")
    return (f'<li><blockquote>“{text}”</blockquote>'
            f'<span class="source">— {_report_esc(_report_outlet(outlet, file, labels))}, '
            f'<code>{_report_esc(file)}</code></span></li>')


def _report_span_offset(item: dict, texts: dict) -> int | None:
    """Where the evidence span starts inside its sentence, from its offsets in the article's clean text."""
    text = texts.get(_report_text(item.get("file")), "")
    sentence, span = _report_text(item.get("sentence")), _report_text(item.get("text"))
    start = _report_number(item.get("start"))
    if not text or not sentence or start is None:
        return None
    start = int(start)
    if text[start:start + len(span)] != span:
        return None
    sentence_start = text.rfind(sentence, 0, start + len(sentence))  # the copy that begins at or before start
    if sentence_start < 0 or sentence_start + len(sentence) < start + len(span):
        return None
    return start - sentence_start


def _report_outlet(outlet: object, file: object, labels: dict) -> str:
    """An outlet name for the page; 'article 001' / 'Artikel 001' (as findings and charts say) when unknown."""
    return article_label(_report_text(file), _report_text(outlet), labels["lang"])


def _report_findings_html(findings: pd.DataFrame | None, texts: dict, outlets: dict, language: str,
                          names: dict | None = None) -> str:
    """The ranked findings, each with its severity, message and quoted evidence.

    `names` maps a quantity to the label the comparison gives it (shown instead of the key).
    """
    labels, kinds, sevs = _REPORT_LABELS[language], _REPORT_KINDS[language], _REPORT_SEVERITIES[language]
    if findings is None or findings.empty:
        return f"<p>{labels['no_findings']}</p>"
    ordered = findings.copy()
    ordered["_rank"] = ordered.get("rank", pd.Series(range(len(ordered)))).map(_report_number)
    ordered["_rank"] = ordered["_rank"].fillna(float("inf"))
    ordered["_order"] = range(len(ordered))
    ordered = ordered.sort_values(["_rank", "_order"], kind="stable")
    items = []
    for _, row in ordered.iterrows():
        severity = _report_text(row.get("severity")).strip() or "info"
        kind = _report_text(row.get("kind")).strip()
        quantity = _report_text(row.get("quantity")).strip()
        quantity = (names or {}).get(quantity) or quantity
        head = (f'<span class="badge sev-{_report_esc(severity if severity in sevs else "info")}">'
                f'{_report_esc(sevs.get(severity, severity))}</span>'
                f'<span class="kind">{_report_esc(kinds.get(kind, kind))}'
                + (f" · {_report_esc(quantity)}" if quantity else "") + "</span>")
        evidence = [_report_quote_html(quote, texts, outlets, labels)
                    for quote in _report_group_evidence(cell_json(row.get("evidence"), []))]
        body = (f'<ul class="evidence" aria-label="{labels["evidence"]}">' + "".join(evidence) + "</ul>"
                if evidence else "")
        items.append(f'<li class="finding">{head}<p class="message">{_report_esc(row.get("message"))}</p>'
                     f"{body}</li>")
    return '<ol class="findings">' + "\n".join(items) + "</ol>"


def _report_quantity_names(comparison: pd.DataFrame | None) -> dict:
    """quantity -> its label in comparison.csv (where the comparison gives one)."""
    if comparison is None or "label" not in comparison.columns:
        return {}
    return {_report_text(q): _report_text(lab).strip() for q, lab in zip(comparison["quantity"], comparison["label"])
            if _report_text(lab).strip()}


def _report_no_charts_reason(charts_dir: Path, comparison: pd.DataFrame | None) -> str:
    """Why a run has no charts: 'no_run' (notebook 04 did not run), 'no_comparison' (nothing was
    compared), 'single' (no quantity reported by two or more articles) or 'other'."""
    if not Path(charts_dir).is_dir():
        return "no_run"
    if comparison is None or not len(comparison):
        return "no_comparison"
    n = pd.to_numeric(comparison.get("n_outlets", pd.Series(dtype=float)), errors="coerce").fillna(0)
    return "single" if not (n >= 2).any() else "other"


def _report_charts_html(charts_dir: Path, language: str, order: dict | None = None,
                        comparison: pd.DataFrame | None = None) -> str:
    """Every chart as an embedded PNG with its alt text (attribute and visible caption).

    `order` maps a chart name to its place (from output/<story>/charts.csv when notebook 04
    writes one); charts it does not list follow, by name. Without charts, says why
    (from `comparison`, when given).
    """
    order = order or {}
    labels = _REPORT_LABELS[language]
    pngs = sorted(Path(charts_dir).glob("*.png")) if Path(charts_dir).is_dir() else []
    pngs.sort(key=lambda p: (order.get(p.stem, len(order)), p.name))
    if not pngs:
        return f"<p>{labels['no_charts_why'][_report_no_charts_reason(charts_dir, comparison)]}</p>"
    blocks = []
    for png in pngs:
        alt_path = png.with_suffix(".txt")
        alt = alt_path.read_text(encoding="utf-8").strip() if alt_path.exists() else png.stem
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        csv = png.with_suffix(".csv")
        note = (f'<span class="data">{labels["chart_data"].format(csv=_report_esc(_report_rel(csv)))}</span>'
                if csv.exists() else "")
        blocks.append(f'<figure id="chart-{_report_esc(png.stem)}">'
                      f'<img src="data:image/png;base64,{data}" alt="{_report_esc(alt)}">'
                      f"<figcaption>{_report_esc(alt)}{note}</figcaption></figure>")
    return "\n".join(blocks)


def _report_chart_order(paths) -> dict:
    """name -> position of the charts listed in output/<story>/charts.csv (the charts' own order), else {}."""
    index = _report_read(paths.out("charts.csv"))
    if index is None or "name" not in index.columns:
        return {}
    return {_report_text(name): i for i, name in enumerate(index["name"])}


def _report_rel(path: Path) -> str:
    """A path relative to the repository, for the page (no absolute machine paths)."""
    path = Path(path)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def _report_comparison_html(comparison: pd.DataFrame | None, language: str) -> str:
    """The comparison table: one row per quantity and unit."""
    labels, status_names = _REPORT_LABELS[language], _REPORT_STATUS[language]
    if comparison is None or comparison.empty:
        return f"<p>{labels['no_table']}</p>"
    head = "".join(f"<th>{labels[k]}</th>" for k in
                   ("quantity", "unit", "outlets", "figures", "consensus", "median", "min", "max", "status"))
    rows = []
    for _, row in comparison.iterrows():
        unit = _report_text(row.get("unit"))
        fmt = lambda col: _report_esc(format_amount(row.get(col), unit, language))  # noqa: E731
        low, high = fmt("consensus_low"), fmt("consensus_high")
        consensus = low if low == high else (f"{low} – {high}" if low and high else low or high)
        name = _report_text(row.get("label")).strip() or _report_text(row.get("quantity"))
        status = _report_text(row.get("status"))
        rows.append(
            f"<tr><td>{_report_esc(name)}</td><td>{_report_esc(unit)}</td>"
            f'<td class="num">{_report_esc(_report_text(row.get("n_outlets")))}</td>'
            f'<td class="num">{_report_esc(_report_text(row.get("n_figures")))}</td>'
            f'<td class="num">{consensus}</td><td class="num">{fmt("median")}</td>'
            f'<td class="num">{fmt("min")}</td><td class="num">{fmt("max")}</td>'
            f"<td>{_report_esc(status_names.get(status, status))}</td></tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>" + "\n".join(rows) + "</tbody></table>"


def _report_link(url: str, text: str) -> str:
    """Text linked to an http(s) URL; any other scheme (javascript:, data:) stays plain text."""
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{_report_esc(url)}">{text}</a>'
    return text


def _report_articles_html(articles: pd.DataFrame, report: pd.DataFrame | None, language: str) -> str:
    """The articles analysed (outlet, date, language, cites, headline) and the files left out."""
    labels = _REPORT_LABELS[language]
    if articles.empty:
        return f"<p>{labels['no_table']}</p>"
    head = "".join(f"<th>{labels[k]}</th>" for k in
                   ("outlet", "date", "language", "cites", "title", "file", "words"))
    rows = []
    for _, row in articles.sort_values("file", key=lambda s: s.map(_report_text)).iterrows():
        file = _report_text(row.get("file"))
        cites = ", ".join(str(c) for c in cell_json(row.get("cites"), []))
        duplicate = _report_text(row.get("duplicate_of"))
        title = _report_esc(row.get("title"))
        if duplicate:
            title += f' <span class="source">({labels["duplicate"]} <code>{_report_esc(duplicate)}</code>)</span>'
        rows.append(
            f"<tr><td>{_report_esc(_report_outlet(row.get('outlet'), file, labels))}</td>"
            f'<td class="num">{_report_esc(row.get("published"))}</td><td>{_report_esc(row.get("language"))}</td>'
            f"<td>{_report_esc(cites)}</td><td>{_report_link(_report_text(row.get('url')), title)}</td>"
            f'<td><code>{_report_esc(file)}</code></td><td class="num">{_report_esc(row.get("word_count"))}</td></tr>')
    out = f"<table><thead><tr>{head}</tr></thead><tbody>" + "\n".join(rows) + "</tbody></table>"
    if report is not None and not report.empty and "status" in report.columns:
        skipped = report[report["status"].map(_report_text) == "skipped"]
        if not skipped.empty:
            out += (f"<h3>{labels['skipped']}</h3><ul>" + "".join(
                f"<li><code>{_report_esc(r.get('file'))}</code>: {_report_esc(r.get('reason'))}</li>"
                for _, r in skipped.sort_values("file").iterrows()) + "</ul>")
    return out


def _report_changed_params(params: dict) -> dict:
    """The story parameters that differ from their defaults (the story name left out)."""
    defaults = default_params()
    return {k: v for k, v in params.items() if k != "story" and k in defaults and v != defaults[k]}


def build_report_html(paths, params: dict) -> str:
    """The whole report page for one story, as a string (deterministic, self-contained, escaped).

    Reads output/<story>/articles.csv, ingest_report.csv, comparison.csv, findings.csv and
    charts/*.png|.txt; a table this run did not produce gives a short note, not an error.
    """
    articles = _report_read(paths.out("articles.csv"))
    articles = articles if articles is not None else pd.DataFrame(columns=["file"])
    language = story_language(articles, params.get("language", "auto"))
    labels = _REPORT_LABELS[language]
    story = paths.story
    figures = _report_read(paths.out("figures.csv"))
    findings = _report_read(paths.out("findings.csv"))
    title = _report_title(params, articles, story, labels, findings)
    comparison = _report_read(paths.out("comparison.csv"))
    ingest = _report_read(paths.out("ingest_report.csv"))
    texts = {_report_text(f): _report_text(t) for f, t in zip(articles.get("file", []), articles.get("text", []))}
    outlets = {_report_text(f): _report_text(o) for f, o in zip(articles.get("file", []), articles.get("outlet", []))}
    # outlets are counted only where an article names one; the others are said to be unnamed
    n_outlets = len({o.strip() for o in outlets.values() if o.strip()})
    n_unknown = sum(1 for o in outlets.values() if not o.strip())
    counts = {"articles": len(articles), "outlets": n_outlets, "figures": 0 if figures is None else len(figures),
              "findings": 0 if findings is None else len(findings)}
    words = {k: f"{n} {labels['nouns'][k][n != 1]}" for k, n in counts.items()}
    if n_unknown and not n_outlets:
        summary = labels["summary_unnamed"].format(**words)
    elif n_unknown:
        summary = labels["summary_some"].format(unknown=n_unknown, **words)
    else:
        summary = labels["summary"].format(**words)
    n_files = (len(ingest) if ingest is not None else
               len([p for p in paths.articles.iterdir() if p.is_file()]) if paths.articles.is_dir() else 0)
    command = "make run" if story == "meta-scale-ai" else f"make run STORY={story}"
    changed = _report_changed_params(params)
    param_line = (labels["params"].format(params=_report_esc(json.dumps(changed, ensure_ascii=False, sort_keys=True)))
                  if changed else labels["defaults"])
    footer = (labels["made"].format(command=_report_esc(command), n=n_files,
                                    articles=_report_esc(_report_rel(paths.articles) + "/"))
              + " " + param_line + f" Story: <code>{_report_esc(story)}</code>.")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{labels["lang"]}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_report_esc(title)}</title>",
        f"<style>\n{_REPORT_CSS}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_report_esc(title)}</h1>",
        f'<p class="summary">{_report_esc(summary)}</p>',
        f'<p class="caveat">{labels["caveat"]}</p>',
        "</header>",
        f'<section id="findings"><h2>{labels["findings"]}</h2>',
        _report_findings_html(findings, texts, outlets, language, _report_quantity_names(comparison)),
        "</section>",
        f'<section id="charts"><h2>{labels["charts"]}</h2>',
        _report_charts_html(paths.charts, language, _report_chart_order(paths), comparison),
        "</section>",
        f'<section id="comparison"><h2>{labels["comparison"]}</h2>',
        _report_comparison_html(comparison, language),
        "</section>",
        f'<section id="articles"><h2>{labels["articles"]}</h2>',
        _report_articles_html(articles, ingest, language),
        "</section>",
        f"<footer><p>{footer}</p></footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def write_report(paths, params: dict) -> Path:
    """Write output/<story>/report.html atomically; returns its path."""
    return write_text_atomic(paths.out("report.html"), build_report_html(paths, params))
