"""Section 0 of helpers.py: paths, story parameters, atomic writes (work in progress module)."""
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

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
    """
    given = {k: v for k, v in namespace.items() if k not in before and not k.startswith("_")}
    return validate_params(given)


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
