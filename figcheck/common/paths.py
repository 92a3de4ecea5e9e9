"""Where things are: the repository, data/<story>/ and output/<story>/, anchored on this file
(never on the working directory: papermill, nbval and JupyterLab start kernels elsewhere)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


# ---------------------------------------------------------------------------
# Paths: everything is anchored on the location of this file, never on the
# working directory (papermill, nbval and JupyterLab all start kernels elsewhere).
# ---------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[2]
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
