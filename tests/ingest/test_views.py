"""figcheck.ingest.views: what notebook 01 shows of the ingested story."""
from figcheck.ingest.views import boilerplate_by_article, ingest_summary, show_article_segments


def test_notebook_views(default_result):
    summary = ingest_summary(default_result.articles)
    assert summary.splitlines()[0].startswith("000_c4e7b7921a2cde72.txt | finanzen.ch (text) | 2025-06-11 | de")
    bp = boilerplate_by_article(default_result.boilerplate)
    assert "[jobs]" in bp and "Stellenangebote" in bp
    seg = show_article_segments(default_result.articles.loc[1, "text"], default_result.articles.loc[1, "segments"])
    assert "[caption ] Meta übernimmt wohl 49 Prozent von Scale AI. - Keystone" in seg
