"""figcheck.ingest.sources: the story's optional sources.csv."""
import pytest

from figcheck.common.paths import StoryError
from figcheck.ingest.sources import read_sources_csv


@pytest.mark.parametrize("content, words", [
    ("outlet,url\nx,y\n", "'file' column"),
    ("file,outlet,paper\na.txt,X,Y\n", "unknown column 'paper'"),
    ("file,outlet,url,published\na.txt,X,,gestern\n", "not a date"),
    ("file,outlet\na.txt,X\na.txt,Y\n", "twice"),
    ("file,outlet\na.txt,X,extra,more\n", "fields"),
])
def test_malformed_sources_csv(tmp_path, content, words):
    path = tmp_path / "sources.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StoryError) as exc:
        read_sources_csv(path)
    assert words in str(exc.value) and "\n" not in str(exc.value)


def test_sources_csv_absent_or_valid(tmp_path):
    assert read_sources_csv(None) == {}
    assert read_sources_csv(tmp_path / "nope.csv") == {}
    p = tmp_path / "s.csv"
    p.write_bytes("\ufefffile,published\nä b.txt,2025-01-31\n".encode("utf-8"))
    assert read_sources_csv(p) == {"ä b.txt": {"outlet": "", "url": "", "published": "2025-01-31"}}
