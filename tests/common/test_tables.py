"""figcheck.common.tables: reading the tables back, cell helpers."""
import math

import pandas as pd

from figcheck.common.files import write_csv_atomic
from figcheck.common.tables import cell_float, cell_json, read_table


def test_cell_json_and_cell_float():
    assert cell_json('["a", 1]', []) == ["a", 1]
    assert cell_json('{"a": 1}', []) == []
    assert cell_json("not json", {}) == {}
    assert cell_json(["x"], []) == ["x"]
    assert cell_float(" 2.5 ") == 2.5
    assert math.isnan(cell_float("")) and math.isnan(cell_float(None))


def test_read_table_keeps_all_empty_text_columns_as_text(tmp_path):
    """No article names its outlet or date: those columns are empty in every row (a BBC-style story)."""
    df = pd.DataFrame({"file": ["a.txt", "b.txt"], "outlet": ["", ""], "published": ["", ""],
                       "value": [float("nan"), float("nan")], "start": [1, 2]})
    path = write_csv_atomic(df, tmp_path / "t.csv")
    back = read_table(path)
    assert list(back["outlet"]) == ["", ""] and list(back["published"]) == ["", ""]
    assert (back["outlet"].map(lambda v: v or "article")).tolist() == ["article", "article"]
    assert back["value"].isna().all() and str(back["value"].dtype) == "Float64"
    assert list(back["start"]) == [1, 2]
