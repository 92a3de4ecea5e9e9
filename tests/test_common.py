"""Section 0 of helpers.py: paths, story parameters, atomic writes."""
import os
from pathlib import Path

import pandas as pd
import pytest

import helpers


def test_paths_are_anchored_on_helpers_not_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paths = helpers.story_paths("meta-scale-ai")
    assert paths.articles == Path(helpers.__file__).resolve().parent / "data" / "meta-scale-ai" / "articles"
    assert paths.articles.is_dir()
    assert paths.output.parent.name == "output"


def test_default_story_is_listed_and_loads_with_defaults():
    assert "meta-scale-ai" in helpers.list_stories()
    params = helpers.load_story("meta-scale-ai")
    assert params["story"] == "meta-scale-ai"
    assert params["tolerance"] == pytest.approx(0.05)
    assert params["language"] == "auto"


@pytest.mark.parametrize("name", ["does-not-exist", "../etc", "Bad Name", ""])
def test_missing_or_malformed_story_is_one_clear_line(name):
    with pytest.raises(helpers.StoryError) as err:
        helpers.require_story(name)
    message = str(err.value)
    assert "\n" not in message
    if name == "does-not-exist":
        assert "data/does-not-exist/articles" in message and "meta-scale-ai" in message


def test_unknown_parameter_names_the_key_and_the_valid_ones():
    with pytest.raises(helpers.ParameterError) as err:
        helpers.validate_params({"tolerence": 0.1})
    assert "'tolerence'" in str(err.value)
    for key in helpers.PARAMETERS:
        assert key in str(err.value)


@pytest.mark.parametrize("key,value", [("tolerance", "5%"), ("exclude", "a.txt"), ("quantities", ["x"]),
                                       ("language", "fr"), ("tolerance", 2.0), ("outlets", {"a.txt": 3}),
                                       ("tolerance", True)])
def test_wrong_types_are_refused(key, value):
    with pytest.raises(helpers.ParameterError) as err:
        helpers.validate_params({key: value})
    assert key in str(err.value)


def test_valid_parameters_are_kept_and_none_means_default():
    params = helpers.validate_params({"tolerance": 0, "exclude": ["a.txt"], "title": None,
                                      "quantities": {"fine": {"cues": ["Strafe"], "unit": "EUR"}}})
    assert params["tolerance"] == 0.0 and isinstance(params["tolerance"], float)
    assert params["exclude"] == ["a.txt"]
    assert params["title"] == ""
    assert params["quantities"]["fine"]["unit"] == "EUR"


def test_notebook_params_sees_injected_names():
    namespace = {"helpers": helpers, "In": [], "_i1": "x"}
    before = set(namespace)
    namespace.update({"story": "meta-scale-ai", "tolerance": 0.1})
    assert helpers.notebook_params(namespace, before)["tolerance"] == 0.1
    namespace["typo_key"] = 1
    with pytest.raises(helpers.ParameterError, match="typo_key"):
        helpers.notebook_params(namespace, before)


def test_atomic_csv_write_is_deterministic_and_leaves_no_temp_files(tmp_path):
    df = pd.DataFrame({"file": ["b.txt", "ä ö.txt"], "value": [14.3e9, float("nan")], "text": ["x,y", 'say "hi"']})
    path = tmp_path / "out" / "t.csv"
    helpers.write_csv_atomic(df, path)
    first = path.read_bytes()
    helpers.write_csv_atomic(df, path)
    assert path.read_bytes() == first
    assert b"\r\n" not in first
    assert os.listdir(path.parent) == ["t.csv"]
    back = helpers.read_table(path)
    assert list(back["text"]) == ["x,y", 'say "hi"']
    assert back["value"].iloc[0] == pytest.approx(14.3e9)


def test_failed_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("old\n")

    class Boom(pd.DataFrame):
        def to_csv(self, *a, **k):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        helpers.write_csv_atomic(Boom({"a": [1]}), path)
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["t.csv"]


def test_article_label_falls_back_to_the_file_number():
    assert helpers.article_label("001_6b93.txt", "") == "article 001"
    assert helpers.article_label("001_6b93.txt", "", "de") == "Artikel 001"
    assert helpers.article_label("000_c4e7.txt", "finanzen.ch", "de") == "finanzen.ch"


def test_atomic_write_gives_an_ordinary_readable_file(tmp_path):
    path = helpers.write_text_atomic(tmp_path / "r.html", "<p>x</p>")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


# ---------------------------------------------------------------------------
# one story-language rule for findings, charts and the report
# ---------------------------------------------------------------------------
def _arts(rows):
    return pd.DataFrame(rows, columns=["file", "language", "published"])


def test_story_language_setting_wins_then_majority():
    arts = _arts([("a.txt", "de", ""), ("b.txt", "de", ""), ("c.txt", "en", "")])
    assert helpers.story_language(arts, "en") == "en"
    assert helpers.story_language(arts, "de") == "de"
    assert helpers.story_language(arts) == "de"
    assert helpers.story_language(_arts([("a.txt", "en", ""), ("b.txt", "en", ""), ("c.txt", "de", "")])) == "en"
    # other languages do not vote
    assert helpers.story_language(_arts([("a.txt", "fr", ""), ("b.txt", "fr", ""), ("c.txt", "en", "")])) == "en"


def test_story_language_tie_goes_to_the_earliest_published_article():
    arts = _arts([("a.txt", "de", "2025-06-12"), ("b.txt", "en", "2025-06-10T08:00:00+02:00"),
                  ("c.txt", "de", ""), ("d.txt", "en", "not a date")])
    assert helpers.story_language(arts) == "en"
    arts.loc[0, "published"] = "2025-06-01"
    assert helpers.story_language(arts) == "de"


def test_story_language_tie_without_dates_goes_to_the_first_file_by_name():
    assert helpers.story_language(_arts([("b.txt", "de", ""), ("a.txt", "en", "")])) == "en"
    assert helpers.story_language(_arts([("b.txt", "en", ""), ("a.txt", "de", "")])) == "de"


def test_story_language_without_usable_articles_is_english():
    assert helpers.story_language(pd.DataFrame()) == "en"
    assert helpers.story_language(None) == "en"
    assert helpers.story_language(_arts([("a.txt", "fr", "")])) == "en"


# ---------------------------------------------------------------------------
# one number formatter (short for charts and tables, long for sentences)
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("value, unit, lang, style, expected", [
    (14.3e9, "USD", "de", "short", "14,3 Mrd. $"), (1e9, "USD", "de", "short", "1 Mrd. $"),
    (49, "percent", "de", "short", "49 %"), (14.3e9, "USD", "en", "short", "$14.3bn"),
    (1e9, "USD", "en", "short", "$1bn"), (49, "percent", "en", "short", "49%"),
    (14.3e9, "USD", "de", "long", "14,3 Milliarden USD"), (1e9, "USD", "de", "long", "1 Milliarde USD"),
    (2e9, "EUR", "en", "long", "2 billion EUR"), (1.2e6, "count", "de", "long", "1,2 Millionen"),
    (450, "USD", "en", "long", "450 USD"), (49, "percent", "en", "long", "49%"),
    (-3.5, "percentage_points", "de", "long", "-3,5 Prozentpunkte"), (2, "ordinal", "de", "long", "2."),
    (0.0049, "percent", "en", "short", "0.0049%"), (29183673469.39, "USD", "en", "long", "29.2 billion USD"),
    (float("inf"), "USD", "en", "short", ""), ("", "USD", "de", "long", ""),
])
def test_format_amount_both_styles(value, unit, lang, style, expected):
    assert helpers.format_amount(value, unit, lang, style=style) == expected


def test_format_range_both_styles_and_open_ends():
    assert helpers.format_range(10e9, 15e9, "USD", "de") == "10 bis 15 Mrd. $"
    assert helpers.format_range(10e9, 15e9, "USD", "en") == "$10bn to $15bn"
    assert helpers.format_range(1e9, 2e9, "USD", "de", style="long") == "1–2 Milliarden USD"
    assert helpers.format_range(5e8, 2e9, "USD", "en", style="long") == "500 million USD – 2 billion USD"
    assert helpers.format_range(10, 15, "percent", "de", style="long") == "10–15 %"
    assert helpers.format_range(14.301e9, 14.299e9, "USD", "de") == "14,3 Mrd. $"   # the same once rounded
    assert helpers.format_range(float("-inf"), 65e9, "USD", "en") == "at most $65bn"
    assert helpers.format_range(2e9, float("inf"), "USD", "de", style="long") == "mindestens 2 Milliarden USD"
    assert helpers.format_range(None, None, "USD", "de") == ""


def test_format_number_separators():
    assert helpers.format_number(12000, "de") == "12.000"
    assert helpers.format_number(1200, "de") == "1200"
    assert helpers.format_number(1200, "en") == "1,200"
    assert helpers.format_number(14.3, "de") == "14,3"
    assert helpers.format_number(-0.0001, "en", 1) == "0.0"


def test_cell_json_and_cell_float():
    assert helpers.cell_json('["a", 1]', []) == ["a", 1]
    assert helpers.cell_json('{"a": 1}', []) == []
    assert helpers.cell_json("not json", {}) == {}
    assert helpers.cell_json(["x"], []) == ["x"]
    assert helpers.cell_float(" 2.5 ") == 2.5
    import math
    assert math.isnan(helpers.cell_float("")) and math.isnan(helpers.cell_float(None))


def test_format_range_long_keeps_the_singular_when_the_ends_differ_in_scale():
    assert helpers.format_range(2e5, 1e6, "count", "de", style="long") == "200.000 – 1 Million"


def test_join_words():
    assert helpers.join_words(["A", "", "B", "C"], "de") == "A, B und C"
    assert helpers.join_words(["A", "B"], "en") == "A and B"
    assert helpers.join_words(["A"], "de") == "A" and helpers.join_words([], "en") == ""


def test_read_table_keeps_all_empty_text_columns_as_text(tmp_path):
    """No article names its outlet or date: those columns are empty in every row (a BBC-style story)."""
    df = pd.DataFrame({"file": ["a.txt", "b.txt"], "outlet": ["", ""], "published": ["", ""],
                       "value": [float("nan"), float("nan")], "start": [1, 2]})
    path = helpers.write_csv_atomic(df, tmp_path / "t.csv")
    back = helpers.read_table(path)
    assert list(back["outlet"]) == ["", ""] and list(back["published"]) == ["", ""]
    assert (back["outlet"].map(lambda v: v or "article")).tolist() == ["article", "article"]
    assert back["value"].isna().all() and str(back["value"].dtype) == "Float64"
    assert list(back["start"]) == [1, 2]


def test_notebook_params_apply_story_yaml_unless_the_cell_sets_a_value(tmp_path, monkeypatch):
    story_dir = tmp_path / "data" / "acme"
    (story_dir / "articles").mkdir(parents=True)
    (story_dir / "story.yaml").write_text("title: From the file\ntolerance: 0.2\n", encoding="utf-8")
    import figcheck.common.paths
    monkeypatch.setattr(figcheck.common.paths, "DATA_DIR", tmp_path / "data")
    before = {"helpers"}
    cell = {"helpers": helpers, **helpers.default_params(), "story": "acme"}
    params = helpers.notebook_params(cell, before)
    assert params["title"] == "From the file" and params["tolerance"] == 0.2
    cell["tolerance"] = 0.1  # set by hand in the parameters cell: wins over the file
    assert helpers.notebook_params(cell, before)["tolerance"] == 0.1
    (story_dir / "story.yaml").write_text("tolerence: 0.2\n", encoding="utf-8")
    with pytest.raises(helpers.ParameterError, match="tolerence"):
        helpers.notebook_params(cell, before)
