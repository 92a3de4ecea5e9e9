"""Story parameters: one schema for every notebook's parameters cell, story.yaml and `make new-story`.

`PARAMETERS` lists each parameter with its types, default and one line of documentation;
`validate_params` checks a dict against it, `notebook_params` reads a notebook's parameters
(and its story.yaml), `load_story` validates a story before a run."""
from __future__ import annotations


import yaml

from figcheck.common.paths import DEFAULT_STORY, ParameterError, ROOT, STORY_SLUG, require_story, story_paths


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
    "include": ((list,), [], "article files to keep in the comparison even when notebook 01 finds them off story "
                             "(sharing too little with the other articles)"),
    "tolerance": ((float, int), 0.05, "relative tolerance for two figures to agree (0.05 = 5 %)"),
    "labels": ((dict,), {}, "corrections of what a figure measures: {figure id or measure word: quantity}, e.g. "
                            "{'003_example:1532': stake, Hilfspaket: aid}; 'unclassified' leaves a figure out"),
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
    if not all(isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip() for k, v in out["labels"].items()):
        raise ParameterError("parameter 'labels' must map figure ids (as in figures.csv figure_id) or measure "
                             "words to quantity names (text), e.g. {'003_example:1532': stake}")
    for key in ("exclude", "include"):
        if not all(isinstance(x, str) for x in out[key]):
            raise ParameterError(f"parameter '{key}' must be a list of file names")
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
