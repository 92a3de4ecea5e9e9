#!/usr/bin/env python3
"""Scaffold a new story: data/<name>/articles/, a documented story.yaml and an empty sources.csv.

    python scripts/new_story.py NAME        (make new-story STORY=NAME)

story.yaml is generated from figcheck.common.params.PARAMETERS, so it documents every
parameter with its default and stays in sync with what the notebooks accept. An existing
story is never overwritten; a name that is not a simple slug is refused. Both with one line
and exit 2.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from figcheck.common.files import write_text_atomic
from figcheck.common.params import PARAMETERS
from figcheck.common.paths import DATA_DIR, ROOT, STORY_SLUG, StoryError, story_paths

SOURCES_HEADER = "file,outlet,url,published\n"

# Commented examples, shown under the parameter they illustrate.
EXAMPLES = {
    "title": ['title: "How much did Acme pay for Widgets Inc?"'],
    "language": ["language: en"],
    "quantities": [
        "quantities:",
        "  deal_amount:                 # overrides the built-in quantity of that name",
        "    cues: [deal, acquisition, takeover, buy]",
        "    unit: USD",
        "  order_backlog:               # a quantity of your own",
        "    cues: [backlog, order book]",
        "    unit: EUR",
        "    label: Order backlog       # optional: how charts and the report name it",
    ],
    "relations": [
        "relations:",
        "  - result: valuation          # deal_amount / stake = valuation",
        "    numerator: deal_amount",
        "    denominator: stake",
        "  - result: total              # price_per_share * shares = total",
        "    factors: [price_per_share, shares]",
    ],
    "outlets": [
        "outlets:",
        '  "003_press_release.txt": Acme Corp (press release)',
    ],
    "exclude": [
        "exclude:",
        '  - "005_duplicate_wire_copy.txt"',
    ],
    "include": [
        "include:                         # notebook 01 marked it off story; it belongs here",
        '  - "004_interview_with_the_ceo.txt"',
    ],
    "tolerance": ["tolerance: 0.1"],
    "labels": [
        "labels:",
        '  "002_article.txt:1532": stake   # one figure (figures.csv figure_id) measures the stake',
        "  Bußgeld: fine                   # every figure measured by this word",
        "  Vorjahresumsatz: unclassified   # leave these figures out",
    ],
}


def _yaml_value(value: object) -> str:
    """A default value written the way YAML reads it back unchanged (flow style, one line)."""
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True).strip().removesuffix("...").strip()


def story_yaml_text(name: str) -> str:
    """The documented story.yaml for a new story, generated from PARAMETERS."""
    lines = [
        f"# story.yaml for data/{name}/: the papermill parameters of this story.",
        f"# `make run STORY={name}` passes this file to every notebook (papermill -f).",
        "# Every parameter the notebooks accept is listed below with its default; change a",
        "# value, or delete the line to keep the default. A misspelt key or a wrong type stops",
        "# the run with one line naming the key and the valid ones.",
        "",
    ]
    for key, (types, default, doc) in PARAMETERS.items():
        type_names = " or ".join(t.__name__ for t in types)
        lines.append(f"# {key} ({type_names}): {doc}")
        lines.append(f"#   default: {_yaml_value(default)}")
        if key == "story":
            lines.append(f"#   set by the command line (make run STORY={name}); leave it out of this file.")
            lines.append("")
            continue
        example = EXAMPLES.get(key)
        if example:
            lines.append("#   example:")
            lines.extend(f"#     {line}" for line in example)
        lines.append(f"{key}: {_yaml_value(default)}")
        lines.append("")
    return "\n".join(lines)


def create_story(name: str) -> Path:
    """Create data/<name>/ with articles/, story.yaml and sources.csv; StoryError if refused."""
    if not isinstance(name, str) or not STORY_SLUG.match(name):
        raise StoryError(
            f"'{name}' is not a simple story name: use lowercase letters, digits and '-' "
            "(start with a letter or digit, at most 64 characters), e.g. acme-widgets-deal")
    data = DATA_DIR / name
    if data.exists():
        raise StoryError(
            f"data/{name}/ already exists; nothing was changed (pick another name, or edit that story)")
    paths = story_paths(name)
    paths.articles.mkdir(parents=True)
    write_text_atomic(paths.story_yaml, story_yaml_text(name))
    write_text_atomic(paths.sources_csv, SOURCES_HEADER)
    return data


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make new-story STORY=<name>   (python scripts/new_story.py NAME)", file=sys.stderr)
        return 2
    name = argv[1]
    try:
        data = create_story(name)
    except StoryError as exc:
        print(f"make new-story: {exc}", file=sys.stderr)
        return 2
    rel = data.relative_to(ROOT)
    print(f"Created {rel}/")
    print(f"  {rel}/articles/    put the articles here (.txt, .md, .html), one file per article")
    print(f"  {rel}/story.yaml   optional parameters, each documented with its default")
    print(f"  {rel}/sources.csv  optional: outlet, url, published per file (wins over what the text says)")
    print(f"Then: make run STORY={name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
