"""The README stays true to the tree: its commands, paths, parameters and example exist and work."""
import re
from pathlib import Path

import yaml

from figcheck.common.params import PARAMETERS, validate_params
from figcheck.common.paths import DEFAULT_STORY

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_two_commands_come_first():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert first_block.splitlines()[0].startswith("make run")
    assert first_block.splitlines()[1].startswith("make test")


def test_every_make_target_the_readme_names_exists():
    named = set(re.findall(r"make ([a-z][a-z-]+)", README))
    targets = set(re.findall(r"^([a-z][a-z-]+):", MAKEFILE, re.M))
    assert named <= targets, named - targets


def test_every_path_in_the_layout_exists():
    layout = re.search(r"## Layout\n\n```\n(.*?)```", README, re.S).group(1)
    for line in layout.splitlines():
        path = line.split()[0]
        if "<story>" in path:
            path = path.replace("<story>", DEFAULT_STORY)
            if path.startswith("output/") or path.endswith((".yaml", ".csv")):
                continue  # written by a run, or optional per story
        assert (ROOT / path).exists(), path
    for name in re.findall(r"\b(\d\d_[a-z_]+)\b", layout):
        assert (ROOT / "notebooks" / f"{name}.ipynb").exists(), name


def test_linked_files_exist():
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        assert (ROOT / target).exists(), target


def test_parameters_table_lists_every_parameter_and_the_example_validates():
    for key in PARAMETERS:
        if key != "story":
            assert f"| `{key}` |" in README, key
    example = re.search(r"```yaml\n(.*?)```", README, re.S).group(1)
    params = validate_params(yaml.safe_load(example))
    assert params["quantities"]["fine"]["unit"] == "EUR"
