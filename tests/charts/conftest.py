"""Fixtures of the chart tests (the fixture stories' tables, `meta` and `battery`, are in tests/conftest.py):
every chart of the fixture stories drawn once, and charts from the real comparison's tables."""
import pytest

from figcheck.charts.style import CHART_TABLES
from figcheck.common.files import write_csv_atomic
from figcheck.common.tables import read_table
from figcheck.compare.story import compare_story, write_comparison

from ..support import build
from .support import all_charts


@pytest.fixture(scope="session")
def charts():
    """(story, Chart) for every chart of the default story, the English story and its long-names variant."""
    return all_charts()


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    """The default story's hand-transcribed figures, compared by compare_story, via CSV files."""
    figures, articles = build.default_story()
    out = tmp_path_factory.mktemp("compared")
    write_comparison(compare_story(figures, articles, {}), out)
    write_csv_atomic(articles, out / "articles.csv")
    write_csv_atomic(figures, out / "figures.csv")
    return {n: read_table(out / f"{n}.csv") for n in CHART_TABLES}
