"""Section 0 of helpers.py: paths, story parameters, atomic writes (work in progress module)."""
from __future__ import annotations

import csv
import io
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
