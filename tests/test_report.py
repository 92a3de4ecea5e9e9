"""The shareable report (output/<story>/report.html): self-contained, escaped, complete, deterministic.

The tables here are written by the test, in the codebook's columns (docs/tables.md), with
hostile article text ("<script>", "<img onerror=...>", a javascript: URL) to prove that
every piece of article-derived text is escaped.
"""
from __future__ import annotations

import base64
import json
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from figcheck.common.files import write_csv_atomic
from figcheck.common.params import validate_params
from figcheck.common.paths import StoryPaths
from figcheck.common.tables import read_table
from figcheck.compare.base import COMPARISON_COLUMNS
from figcheck.report import build_report_html, _highlight_many, _title, write_report
from figcheck.wording.report import report_labels


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(40))  # bytes are embedded, never decoded

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "section",
                "ol", "ul", "li", "span", "blockquote", "code", "mark", "figure", "img", "figcaption", "table",
                "thead", "tbody", "tr", "th", "td", "footer", "a"}

EVIL_TEXT = ("Evil <script>alert('t')</script> Deal\n\n"
             "The buyer pays $1.2 billion, not $1.2 billion later <img src=x onerror=alert(2)>.\n\n"
             "The stake is 40 percent.")


class TagCollector(HTMLParser):
    """Every start tag with its attributes, and the visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> TagCollector:
    parser = TagCollector()
    parser.feed(page)
    return parser


def make_paths(tmp_path: Path, story: str = "test-report") -> StoryPaths:
    data, output = tmp_path / "data" / story, tmp_path / "output" / story
    (data / "articles").mkdir(parents=True)
    (output / "charts").mkdir(parents=True)
    return StoryPaths(story=story, data=data, articles=data / "articles", story_yaml=data / "story.yaml",
                      sources_csv=data / "sources.csv", output=output, charts=output / "charts",
                      notebooks=output / "notebooks")


def write_tables(paths: StoryPaths, findings_order=(0, 1)) -> None:
    second = EVIL_TEXT.index("$1.2 billion later")
    sentence = EVIL_TEXT.split("\n\n")[1]
    articles = pd.DataFrame([
        {"file": "001_evil.txt", "article_id": "001_evil", "title": "Evil <script>alert('t')</script> Deal",
         "outlet": "<img src=x onerror=alert(1)>", "outlet_from": "text", "url": "javascript:alert(3)",
         "published": "2025-03-05", "language": "en", "cites": json.dumps(["<b>Reuters</b>", "Bloomberg"]),
         "word_count": 20, "duplicate_of": "", "similarity": "", "segments": "[]", "encoding": "utf-8",
         "text": EVIL_TEXT},
        {"file": "002_plain.txt", "article_id": "002_plain", "title": "Plain headline", "outlet": "Plain Post",
         "outlet_from": "sources.csv", "url": "https://plain.example/a", "published": "2025-03-06",
         "language": "en", "cites": "[]", "word_count": 300, "duplicate_of": "", "similarity": "",
         "segments": "[]", "encoding": "utf-8", "text": "Plain text."},
    ])
    write_csv_atomic(articles, paths.out("articles.csv"))
    write_csv_atomic(pd.DataFrame([
        {"file": "001_evil.txt", "status": "ok", "reason": "", "encoding": "utf-8", "lines_removed": 0, "bytes": 1},
        {"file": "002_plain.txt", "status": "ok", "reason": "", "encoding": "utf-8", "lines_removed": 0, "bytes": 1},
        {"file": "003_<b>.png", "status": "skipped", "reason": "binary <content>", "encoding": "",
         "lines_removed": 0, "bytes": 1},
    ]), paths.out("ingest_report.csv"))
    write_csv_atomic(pd.DataFrame([
        {"file": "001_evil.txt", "start": second, "end": second + 12, "text": "$1.2 billion", "value": 1.2e9,
         "unit": "USD", "qualifier": "exact", "low": 1.2e9, "high": 1.2e9, "quantity": "deal_amount",
         "sentence": sentence},
    ]), paths.out("figures.csv"))
    write_csv_atomic(pd.DataFrame([
        {"quantity": "deal_amount", "unit": "USD", "n_outlets": 4, "n_figures": 5, "consensus_low": 1.2e9,
         "consensus_high": 1.2e9, "median": 1.2e9, "min": 1.2e6, "max": 1.5e9, "spread": 1250.0,
         "status": "contested", "agree": "[]", "compatible": "[]", "contradict": "[]",
         "label": "deal <i>amount</i>"},
        {"quantity": "stake", "unit": "percent", "n_outlets": 1, "n_figures": 1, "consensus_low": 40.0,
         "consensus_high": 40.0, "median": 40.0, "min": 40.0, "max": 40.0, "spread": 1.0,
         "status": "single_source", "agree": "[]", "compatible": "[]", "contradict": "[]", "label": ""},
    ]), paths.out("comparison.csv"))
    evidence = [{"file": "001_evil.txt", "outlet": "<img src=x onerror=alert(1)>", "text": "$1.2 billion",
                 "sentence": sentence, "start": second, "end": second + 12}]
    rows = [
        {"rank": 1, "kind": "outlier", "quantity": "deal_amount", "unit": "USD", "files": '["001_evil.txt"]',
         "outlets": "[]", "values": "[1200000.0]", "severity": "high", "score": 9.0,
         "message": "FIRST: <script>alert(1)</script> reports $1.2 million, 1,000 times below.",
         "evidence": json.dumps(evidence), "detail": "{}"},
        {"rank": 2, "kind": "consensus", "quantity": "stake", "unit": "percent", "files": '["002_plain.txt"]',
         "outlets": "[]", "values": "[40.0]", "severity": "info", "score": 1.0,
         "message": "SECOND: the stake is 40 percent.",
         "evidence": json.dumps([{"file": "002_plain.txt", "outlet": "", "text": "40 percent",
                                  "sentence": "The stake is 40 percent.", "start": 0, "end": 0}]),
         "detail": "{}"},
    ]
    write_csv_atomic(pd.DataFrame([rows[i] for i in findings_order]), paths.out("findings.csv"))
    (paths.charts / "b_overview.png").write_bytes(PNG)
    (paths.charts / "b_overview.txt").write_text('Dot plot of "deals" <script>x</script> & more\n', encoding="utf-8")
    (paths.charts / "b_overview.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (paths.charts / "a_deal.png").write_bytes(PNG[::-1])
    (paths.charts / "a_deal.txt").write_text("Dot plot of the deal amount by outlet.", encoding="utf-8")


@pytest.fixture
def story(tmp_path):
    paths = make_paths(tmp_path)
    write_tables(paths)
    return paths


def params(**changes) -> dict:
    return validate_params(dict({"story": "test-report"}, **changes))


def test_article_text_is_escaped_everywhere(story):
    page = build_report_html(story, params())
    parsed = parse(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    assert "<script" not in page.lower() and "<img src=x" not in page and "<b>" not in page and "<i>" not in page
    for _tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;b&gt;Reuters&lt;/b&gt;" in page
    assert "binary &lt;content&gt;" in page and "003_&lt;b&gt;.png" in page
    # a javascript: URL is never a link; an http(s) one is
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs == ["https://plain.example/a"]
    assert "javascript:" not in " ".join(str(a) for _t, attrs in parsed.tags for a in attrs.values())


def test_page_is_self_contained(story):
    page = build_report_html(story, params())
    parsed = parse(page)
    tags = [tag for tag, _ in parsed.tags]
    assert "script" not in tags and "link" not in tags and "iframe" not in tags
    assert "@import" not in page and "url(" not in page
    for tag, attrs in parsed.tags:
        if tag == "img":
            assert attrs["src"].startswith("data:image/png;base64,")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_findings_are_ranked_with_severity_message_and_highlighted_evidence(tmp_path):
    paths = make_paths(tmp_path)
    write_tables(paths, findings_order=(1, 0))  # the CSV lists rank 2 first
    page = build_report_html(paths, params())
    findings = page.split('<section id="findings">')[1].split("</section>")[0]
    assert findings.index("FIRST:") < findings.index("SECOND:")
    assert 'class="badge sev-high">high<' in findings and 'class="badge sev-info">info<' in findings
    assert ">Outlier · deal &lt;i&gt;amount&lt;/i&gt;<" in findings and ">Consensus · stake<" in findings
    # the span is marked where its offsets put it: the second "$1.2 billion" of the sentence
    assert ("The buyer pays $1.2 billion, not <mark>$1.2 billion</mark> later "
            "&lt;img src=x onerror=alert(2)&gt;.") in findings
    # without usable offsets the first occurrence is marked; an unknown outlet names the file
    assert "The stake is <mark>40 percent</mark>." in findings
    assert "Plain Post" in findings and "<code>002_plain.txt</code>" in findings
    assert "<code>001_evil.txt</code>" in findings


def test_charts_are_embedded_with_alt_text_and_caption(story):
    page = build_report_html(story, params())
    imgs = [attrs for tag, attrs in parse(page).tags if tag == "img"]
    assert [base64.b64decode(i["src"].split(",", 1)[1]) for i in imgs] == [PNG[::-1], PNG]  # sorted by name
    assert imgs[1]["alt"] == 'Dot plot of "deals" <script>x</script> & more'  # the attribute, unescaped
    assert "<figcaption>Dot plot of &quot;deals&quot; &lt;script&gt;x&lt;/script&gt; &amp; more" in page
    assert "<figcaption>Dot plot of the deal amount by outlet." in page
    assert "b_overview.csv" in page


def test_comparison_table_and_articles_list(story):
    page = build_report_html(story, params())
    comparison = page.split('<section id="comparison">')[1].split("</section>")[0]
    assert "deal &lt;i&gt;amount&lt;/i&gt;" in comparison
    assert "$1.2bn" in comparison and "$1.2m" in comparison and "$1.5bn" in comparison
    assert ">contested<" in comparison and ">single source<" in comparison and ">40%<" in comparison
    articles = page.split('<section id="articles">')[1].split("</section>")[0]
    for expected in ("Plain Post", "2025-03-05", "2025-03-06", "&lt;b&gt;Reuters&lt;/b&gt;, Bloomberg",
                     "Plain headline", ">en<"):
        assert expected in articles, expected


def test_title_footer_and_parameters(story):
    page = build_report_html(story, params())
    # no title parameter: the earliest headline no high-severity finding disputes (001 holds the outlier)
    assert "<h1>Figure check: Plain headline</h1>" in page
    assert "Evil &lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; Deal" in page  # listed, escaped
    footer = page.split("<footer>")[1]
    assert "make run STORY=test-report" in footer and "All story parameters at their defaults" in footer
    assert "<code>test-report</code>" in footer
    assert "2 articles from 2 outlets, 1 figure, 2 findings." in page
    page = build_report_html(story, params(title="Chip <deal>", exclude=["x.txt"]))
    assert "<h1>Chip &lt;deal&gt;</h1>" in page and "<title>Chip &lt;deal&gt;</title>" in page
    assert "&quot;exclude&quot;: [&quot;x.txt&quot;]" in page.split("<footer>")[1]
    assert str(story.output) not in page  # no machine paths in a page meant to be mailed


def test_german_story_gets_german_labels_and_numbers(story):
    page = build_report_html(story, params(language="de"))
    assert '<html lang="de">' in page and ">Befunde</h2>" in page and ">Ausreißer · deal &lt;i&gt;amount&lt;/i&gt;<" in page
    assert "1,2 Mrd. $" in page and "1,2 Mio. $" in page and ">umstritten<" in page


def test_language_follows_the_articles_majority(story):
    articles = read_table(story.out("articles.csv"))
    articles["language"] = "de"
    write_csv_atomic(articles, story.out("articles.csv"))
    assert '<html lang="de">' in build_report_html(story, params())
    assert '<html lang="en">' in build_report_html(story, params(language="en"))


def test_write_report_is_atomic_and_deterministic(story):
    path = write_report(story, params())
    assert path == story.out("report.html")
    first = path.read_bytes()
    assert write_report(story, params()).read_bytes() == first
    assert first.decode("utf-8") == build_report_html(story, params())
    assert not [p for p in story.output.iterdir() if p.name.endswith(".tmp")]


def test_missing_tables_give_notes_not_errors(tmp_path):
    paths = make_paths(tmp_path)
    write_csv_atomic(pd.DataFrame([{"file": "a.txt", "title": "A", "outlet": "", "published": "",
                                    "language": "en", "cites": "", "text": "x"}]),
                     paths.out("articles.csv"))
    page = build_report_html(paths, params())
    assert "No findings" in page and "Not produced by this run." in page
    assert "No charts were drawn: no figure could be compared across articles." in page
    assert "— article a, <code>a.txt</code>" not in page  # no findings, so no evidence
    assert "<td>article a</td>" in page and "1 article (outlets not named), 0 figures, 0 findings." in page


def _unnamed_story(tmp_path, language, outlets, comparison_rows):
    """Three invented articles (test material), charts folder present but empty."""
    paths = make_paths(tmp_path)
    write_csv_atomic(pd.DataFrame([{"file": f"{i}.txt", "title": f"T{i}", "outlet": o, "published": "",
                                    "language": language, "cites": "", "text": "Testtext"}
                                   for i, o in enumerate(outlets)]), paths.out("articles.csv"))
    write_csv_atomic(pd.DataFrame(comparison_rows, columns=COMPARISON_COLUMNS),
                     paths.out("comparison.csv"))
    paths.charts.mkdir(parents=True, exist_ok=True)
    return paths


def test_unnamed_outlets_are_not_counted_as_outlets_and_no_charts_says_why(tmp_path):
    one = {"quantity": "stake", "unit": "percent", "n_outlets": 1, "n_figures": 1, "status": "single_source",
           "label": "Anteil"}
    paths = _unnamed_story(tmp_path, "de", ["", "", ""], [one])
    page = build_report_html(paths, params())
    assert "3 Artikel (Medien nicht genannt)" in page and "aus 3 Medien" not in page
    assert "Keine Grafiken: keine Größe wird von zwei oder mehr Artikeln genannt" in page
    assert "Es wurden keine Grafiken gezeichnet." not in page


def test_some_outlets_named_and_nothing_compared(tmp_path):
    paths = _unnamed_story(tmp_path, "en", ["Test Gazette", "Test Gazette", ""], [])
    page = build_report_html(paths, params())
    assert "3 articles from 1 outlet and 1 without a named outlet" in page
    assert "No charts were drawn: no figure could be compared across articles." in page


def test_highlight_escapes_and_marks():
    assert _highlight_many("a <b> 5 c 5", [(10, 11)]) == "a &lt;b&gt; 5 c <mark>5</mark>"
    assert _highlight_many("plain <x>", []) == "plain &lt;x&gt;"


def test_charts_follow_the_order_notebook_04_gives(story):
    write_csv_atomic(pd.DataFrame({"name": ["b_overview", "a_deal"], "title": ["x", "y"]}),
                     story.out("charts.csv"))
    page = build_report_html(story, params())
    assert page.index('id="chart-b_overview"') < page.index('id="chart-a_deal"')


def test_spans_of_one_sentence_share_one_quote_and_empty_evidence_is_dropped(story):
    findings = read_table(story.out("findings.csv"))
    sentence = "Acme pays $5 million for 40% of <Widgets>."
    findings.loc[1, "evidence"] = json.dumps([
        {"file": "002_plain.txt", "outlet": "Plain Post", "text": "$5 million", "sentence": sentence},
        {"file": "002_plain.txt", "outlet": "Plain Post", "text": "40%", "sentence": sentence},
        {"file": "002_plain.txt", "outlet": "Plain Post", "text": "", "sentence": ""},
    ])
    write_csv_atomic(findings, story.out("findings.csv"))
    page = build_report_html(story, params())
    assert page.count("<blockquote>") == 2  # one for the first finding, one for this sentence
    assert "“Acme pays <mark>$5 million</mark> for <mark>40%</mark> of &lt;Widgets&gt;.”" in page
    assert "“”" not in page


def test_highlight_many_merges_overlaps():
    assert _highlight_many("ab <c> de", [(0, 2), (1, 3), (7, 9)]) == \
        "<mark>ab </mark>&lt;c&gt; <mark>de</mark>"


def test_title_never_leads_with_a_disputed_headline():
    import pandas as pd
    articles = pd.DataFrame({"file": ["000_a.txt", "001_b.txt"], "published": ["2025-01-01", "2025-01-02"],
                             "title": ["Acme pays billions", "Acme buys Widgets"]})
    labels = report_labels("en")
    assert _title({}, articles, "acme", labels) == "Figure check: Acme pays billions"
    findings = pd.DataFrame({"severity": ["high", "info"], "files": ['["000_a.txt"]', '["001_b.txt"]']})
    assert _title({}, articles, "acme", labels, findings) == "Figure check: Acme buys Widgets"
    findings.loc[1, "severity"] = "high"
    assert _title({}, articles, "acme", labels, findings) == "Figure check: acme"
    assert _title({"title": "Own title"}, articles, "acme", labels, findings) == "Own title"


# ---------------------------------------------------------------------------
# big folders and folders that are not one story
# ---------------------------------------------------------------------------
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="460.8pt" height="288pt"></svg>'


def test_a_chart_with_an_svg_is_embedded_once_as_that_svg(story):
    (story.charts / "a_deal.svg").write_bytes(SVG)
    page = build_report_html(story, params())
    imgs = [attrs for tag, attrs in parse(page).tags if tag == "img"]
    assert imgs[0]["src"] == "data:image/svg+xml;base64," + base64.b64encode(SVG).decode("ascii")
    assert imgs[0]["width"] == "640"                              # the width notebook 04 shows it at
    assert imgs[1]["src"].startswith("data:image/png;base64,")    # no SVG: the PNG
    assert page.count(base64.b64encode(PNG[::-1]).decode("ascii")) == 0   # the PNG of a_deal is not embedded too


def test_a_finding_quotes_at_most_ten_passages(tmp_path):
    paths = make_paths(tmp_path)
    write_tables(paths)
    findings = read_table(paths.out("findings.csv"))
    many = [{"file": f"{i:03d}.txt", "outlet": f"Outlet {i}", "text": "40 percent",
             "sentence": f"Outlet {i} says the stake is 40 percent.", "start": 0, "end": 0} for i in range(14)]
    findings.loc[1, "evidence"] = json.dumps(many)
    write_csv_atomic(findings, paths.out("findings.csv"))
    page = build_report_html(paths, params())
    assert page.count("says the stake is <mark>40 percent</mark>") == 10
    assert "… and 4 more quotes: findings.csv, column evidence" in page


def test_a_folder_without_a_story_says_so_instead_of_findings(tmp_path):
    paths = make_paths(tmp_path)
    write_tables(paths)
    articles = read_table(paths.out("articles.csv")).assign(off_story="no_story", story_ties=0, shares="[]")
    write_csv_atomic(articles, paths.out("articles.csv"))
    write_csv_atomic(read_table(paths.out("findings.csv")).iloc[0:0], paths.out("findings.csv"))
    for png in paths.charts.glob("*"):
        png.unlink()
    report = read_table(paths.out("ingest_report.csv"))
    report.loc[report["status"] == "ok", ["status", "reason"]] = ["off_story", "off story: shares no <names>"]
    write_csv_atomic(report, paths.out("ingest_report.csv"))
    page = build_report_html(paths, params())
    findings = page.split('<section id="findings">')[1].split("</section>")[0]
    assert "The 2 articles in this folder do not tell one story" in findings
    charts = page.split('<section id="charts">')[1].split("</section>")[0]
    assert "No charts were drawn: the articles do not tell one story (see Findings)." in charts
    articles = page.split('<section id="articles">')[1].split("</section>")[0]
    assert "<h3>Articles left out: not part of the story</h3>" in articles
    assert "<code>001_evil.txt</code>: off story: shares no &lt;names&gt;" in articles


def test_the_report_states_the_chart_cap(tmp_path):
    from tests.charts.support import big_folder_tables

    paths = make_paths(tmp_path)
    write_tables(paths)
    for name, df in big_folder_tables().items():
        write_csv_atomic(df, paths.out(f"{name}.csv"))
    page = build_report_html(paths, params())
    charts = page.split('<section id="charts">')[1].split("</section>")[0]
    assert ('<p class="caveat">12 of the 17 quantities that several outlets report have a chart of their own, '
            "the most important first (at most 12 per story); all quantities are in comparison.csv.</p>") in charts
