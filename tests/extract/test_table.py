"""figcheck.extract.table: the story's figures table (figures.csv) on the default story and on articles
written here."""
import csv

import pandas as pd

from figcheck.common.tables import read_table
from figcheck.extract.table import FIGURE_COLUMNS, extract_story_figures, write_figures

from .support import INF


def test_default_story_table_follows_the_codebook(story_figures):
    articles, df = story_figures
    assert list(df.columns) == FIGURE_COLUMNS
    assert df.equals(df.sort_values(["file", "start"], kind="stable").reset_index(drop=True))
    texts = dict(zip(articles["file"], articles["text"]))
    for _, r in df.iterrows():
        assert texts[r["file"]][r["start"]:r["end"]] == r["text"]
        assert r["figure_id"] == f"{r['article_id']}:{r['start']}"
        assert r["segment"] in ("headline", "caption", "body")
        assert r["sentence"] in texts[r["file"]]
    head = df[(df["file"].str.startswith("000")) & (df["segment"] == "headline")]
    assert list(head["text"]) == ["Milliarden"] and head["quantity"].iloc[0] == "deal_amount"
    vague = df[df["qualifier"] == "vague"]
    money = vague[vague["unit"] == "USD"]
    assert vague["value"].isna().all() and len(money) >= 6 and (money["low"] >= 1e9).all()
    # unbounded ends are empty (NaN) in the table, never inf
    assert not df[["low", "high"]].isin([INF, -INF]).any().any()


def test_write_figures_is_atomic_and_byte_identical(story_figures, tmp_path):
    _articles, df = story_figures

    class P:
        def out(self, name):
            return tmp_path / name
    path = write_figures(df, P())
    first = path.read_bytes()
    write_figures(df, P())
    assert path.read_bytes() == first
    back = read_table(path)
    assert list(back.columns) == FIGURE_COLUMNS and len(back) == len(df)
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert any(r["high"] == "" and r["qualifier"] == "lower" for r in rows)


def test_extract_story_figures_uses_each_articles_language_and_exclude():
    arts = pd.DataFrame([
        {"file": "a.txt", "article_id": "a", "outlet": "A", "published": "", "language": "en",
         "segments": "[[0, 40, \"body\"]]", "text": "The deal is worth 1,500 million dollars."},
        {"file": "b.txt", "article_id": "b", "outlet": "B", "published": "", "language": "de",
         "segments": "[]", "text": "Der Deal ist 1,5 Milliarden Euro wert."},
    ])
    df = extract_story_figures(arts, {"exclude": []})
    assert list(df["value"]) == [1.5e9, 1.5e9] and list(df["unit"]) == ["USD", "EUR"]
    assert len(extract_story_figures(arts, {"exclude": ["a.txt"]})) == 1
