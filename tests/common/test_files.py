"""figcheck.common.files: atomic, deterministic writes."""
import os

import pandas as pd
import pytest

from figcheck.common.files import write_csv_atomic, write_text_atomic
from figcheck.common.tables import read_table


def test_atomic_csv_write_is_deterministic_and_leaves_no_temp_files(tmp_path):
    df = pd.DataFrame({"file": ["b.txt", "ä ö.txt"], "value": [14.3e9, float("nan")], "text": ["x,y", 'say "hi"']})
    path = tmp_path / "out" / "t.csv"
    write_csv_atomic(df, path)
    first = path.read_bytes()
    write_csv_atomic(df, path)
    assert path.read_bytes() == first
    assert b"\r\n" not in first
    assert os.listdir(path.parent) == ["t.csv"]
    back = read_table(path)
    assert list(back["text"]) == ["x,y", 'say "hi"']
    assert back["value"].iloc[0] == pytest.approx(14.3e9)


def test_failed_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("old\n")

    class Boom(pd.DataFrame):
        def to_csv(self, *a, **k):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_csv_atomic(Boom({"a": [1]}), path)
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["t.csv"]


def test_atomic_write_gives_an_ordinary_readable_file(tmp_path):
    path = write_text_atomic(tmp_path / "r.html", "<p>x</p>")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
