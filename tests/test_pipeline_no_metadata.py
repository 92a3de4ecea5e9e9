"""A story whose articles name no outlet and no date (as most wire copy and archives):
every stage must still run through the tables it writes and reads back.

The three articles below are test material written for this test (fictional)."""
from figcheck.charts.plan import make_charts
from figcheck.common.files import write_csv_atomic
from figcheck.common.params import validate_params
from figcheck.common.tables import read_table
from figcheck.compare.story import compare_story
from figcheck.extract.table import extract_story_figures
from figcheck.ingest.story import ingest_folder

ARTICLES = {
    "000_a.txt": "Harlow buys Fenwick stake\n\nHarlow Group will pay $2.4 billion for a 30% stake in "
                 "Fenwick Labs, the company said on Tuesday. The deal values Fenwick at $8 billion.\n",
    "001_b.txt": "Harlow agrees Fenwick deal\n\nHarlow Group agreed to pay about $2.4 billion for 30 percent "
                 "of Fenwick Labs. Fenwick was founded in 2011 and employs 900 people.\n",
    "002_c.txt": "Harlow's Fenwick bet\n\nHarlow Group is paying $240 million for a 30% stake in Fenwick Labs, "
                 "which was founded in 2011.\n",
}


def _roundtrip(df, path):
    write_csv_atomic(df, path)
    return read_table(path)


def test_story_without_outlets_or_dates_runs_through_every_stage(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = ingest_folder(folder)
    articles = _roundtrip(result.articles, tmp_path / "articles.csv")
    assert list(articles["outlet"]) == ["", "", ""] and list(articles["published"]) == ["", "", ""]
    params = validate_params({})
    figures = _roundtrip(extract_story_figures(articles, params), tmp_path / "figures.csv")
    deal = figures[figures["quantity"] == "deal_amount"]
    assert sorted(deal["value"].astype(float)) == [2.4e8, 2.4e9, 2.4e9]
    compared = compare_story(figures, articles, params)
    findings = compared.findings
    outlier = findings[findings["kind"] == "outlier"]
    assert len(outlier) == 1 and "article 002" in outlier.iloc[0]["message"]
    assert "scale" in outlier.iloc[0]["detail"]
    tables = {"articles": articles, "figures": figures, "comparison": compared.comparison,
              "evidence": compared.evidence, "findings": findings}
    charts = make_charts(tables, "auto")
    assert any(c.name == "dots_deal_amount" for c in charts)
    for chart in charts:
        assert chart.title and "article 00" in chart.source
