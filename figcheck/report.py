"""report.html: one self-contained page per story (findings with quoted evidence, charts, comparison,
articles) — its HTML structure and CSS. Every word on the page comes from wording/report.py."""
from __future__ import annotations

import base64
import html
import json
import math
from pathlib import Path

import pandas as pd

from figcheck.charts.plan import chart_selection
from figcheck.charts.style import CHART_WIDTH_PX
from figcheck.charts.tables import load_chart_tables
from figcheck.common.files import write_text_atomic
from figcheck.common.language import story_language
from figcheck.common.params import default_params
from figcheck.common.paths import ROOT, StoryError
from figcheck.common.tables import cell_json, read_table
from figcheck.extract.offstory import judged_articles, no_common_story
from figcheck.wording.charts import cap_line
from figcheck.wording.numbers import format_amount
from figcheck.wording.report import footer_line, page_language, page_title, report_labels, summary_line
from figcheck.wording.story import no_story_sentence
from figcheck.wording.words import article_label


_CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 17px; line-height: 1.55; color: #1a1a1a;
  background: #fff; margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 3rem; }
h1, h2, h3, table, .meta, .badge, figcaption, footer, .summary {
  font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-size: 1.3rem; margin: 2.4rem 0 .8rem; padding-bottom: .2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.05rem; margin: 0 0 .3rem; }
.summary { color: #444; margin: 0 0 .3rem; }
.caveat { color: #555; font-size: .9rem; font-style: italic; }
ol.findings { padding-left: 1.6rem; }
ol.findings > li { margin: 0 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
.badge { display: inline-block; font-size: .75rem; font-weight: bold; letter-spacing: .03em;
  text-transform: uppercase; padding: .05rem .4rem; border-radius: 3px; margin-right: .4rem;
  border: 1px solid currentColor; }
.sev-high { color: #b2182b; } .sev-medium { color: #b35806; } .sev-low { color: #2166ac; }
.sev-info { color: #555; }
.kind { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: .85rem; color: #444; }
.message { margin: .2rem 0 .4rem; }
ul.evidence { margin: .2rem 0 0; padding-left: 1.1rem; font-size: .95rem; }
ul.evidence li { margin: .25rem 0; }
blockquote { margin: 0; color: #333; }
mark { background: #ffe08a; padding: 0 .1em; color: #000; }
.source { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: .8rem; color: #555; }
figure { margin: 1.2rem 0 2rem; break-inside: avoid; page-break-inside: avoid; }
figure img { max-width: 100%; height: auto; display: block; border: 1px solid #ddd; }
figcaption { font-size: .9rem; color: #333; margin-top: .4rem; }
figcaption .data { display: block; color: #666; font-size: .8rem; margin-top: .2rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid #ddd; }
th { border-bottom: 2px solid #1a1a1a; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-family: Menlo, Consolas, monospace; font-size: .85em; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid #ccc; font-size: .85rem; color: #444; }
a { color: #1a4f8b; }
@media print {
  body { max-width: none; font-size: 11pt; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
""".strip()


QUOTES_SHOWN = 10   # quotes under one finding; a finding over a big folder's articles says how many more


def _esc(value: object) -> str:
    """Text for HTML, escaped (quotes too, so it is safe in attributes); missing values give ''."""
    return html.escape(_text(value), quote=True)


def _text(value: object) -> str:
    """A cell as plain text: '' for missing values (None, NaN, pd.NA)."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _number(value: object) -> float | None:
    """A cell as a float, or None when it is empty or not a number."""
    text = _text(value).strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def _read(path: Path) -> pd.DataFrame | None:
    """A table a notebook wrote, or None when this run did not produce it."""
    return read_table(path) if Path(path).exists() else None


def _title(params: dict, articles: pd.DataFrame, story: str, labels: dict,
                  findings: pd.DataFrame | None = None) -> str:
    """The page title: the `title` parameter, else the headline of the earliest article that no
    high-severity finding is about (a fact-check must not lead with the headline it disputes),
    else the story's folder name."""
    title = _text(params.get("title", "")).strip()
    if title:
        return title
    disputed = set()
    if findings is not None and not findings.empty and {"severity", "files"} <= set(findings.columns):
        for _, row in findings[findings["severity"].map(_text) == "high"].iterrows():
            disputed.update(str(f) for f in cell_json(row.get("files"), []))
    if not articles.empty and "title" in articles.columns:
        ordered = articles.assign(_p=articles.get("published", "").map(_text),
                                  _f=articles["file"].map(_text))
        ordered = ordered.sort_values(["_p", "_f"], key=lambda s: s.replace("", "~"))
        for file, headline in zip(ordered["_f"], ordered["title"].map(_text)):
            if headline.strip() and file not in disputed:
                return page_title(headline.strip(), labels)
    return page_title(story, labels)


def _highlight_many(sentence: str, marks: list[tuple[int, int]]) -> str:
    """The sentence, escaped, with every (start, end) range marked; overlapping ranges merge."""
    merged: list[list[int]] = []
    for start, end in sorted(marks):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(html.escape(sentence[pos:start]) + "<mark>" + html.escape(sentence[start:end]) + "</mark>")
        pos = end
    return "".join(out) + html.escape(sentence[pos:])


def _group_evidence(items: list) -> list[dict]:
    """Evidence items grouped by (file, sentence), in first-seen order: one quote per sentence.

    Items with neither a sentence nor a span are dropped.
    """
    groups: dict[tuple[str, str], dict] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        sentence, span = _text(item.get("sentence")), _text(item.get("text"))
        if not sentence.strip() and not span.strip():
            continue
        key = (_text(item.get("file")), sentence or span)
        groups.setdefault(key, {"file": key[0], "sentence": key[1], "outlet": _text(item.get("outlet")),
                                "items": []})["items"].append(item)
    return list(groups.values())


def _quote_html(quote: dict, texts: dict, outlets: dict, language: str) -> str:
    """One evidence quote: the sentence with its spans marked, then outlet and file."""
    sentence, marks, missing = quote["sentence"], [], []
    for item in quote["items"]:
        span = _text(item.get("text"))
        if not span:
            continue
        offset = _span_offset(dict(item, sentence=sentence), texts)
        if offset is None or sentence[offset:offset + len(span)] != span:
            found = sentence.find(span)
            offset = found if found >= 0 else None
        if offset is None:
            missing.append(span)
        else:
            marks.append((offset, offset + len(span)))
    text = _highlight_many(sentence, marks)
    text += "".join(f" (<mark>{html.escape(span)}</mark>)" for span in dict.fromkeys(missing))
    file = quote["file"]
    outlet = quote["outlet"] or outlets.get(file, "")
    return (f'<li><blockquote>{report_labels(language)["quote"].format(text=text)}</blockquote>'
            f'<span class="source">— {_esc(_outlet(outlet, file, language))}, '
            f'<code>{_esc(file)}</code></span></li>')


def _span_offset(item: dict, texts: dict) -> int | None:
    """Where the evidence span starts inside its sentence, from its offsets in the article's clean text."""
    text = texts.get(_text(item.get("file")), "")
    sentence, span = _text(item.get("sentence")), _text(item.get("text"))
    start = _number(item.get("start"))
    if not text or not sentence or start is None:
        return None
    start = int(start)
    if text[start:start + len(span)] != span:
        return None
    sentence_start = text.rfind(sentence, 0, start + len(sentence))  # the copy that begins at or before start
    if sentence_start < 0 or sentence_start + len(sentence) < start + len(span):
        return None
    return start - sentence_start


def _outlet(outlet: object, file: object, language: str) -> str:
    """An outlet name for the page; 'article 001' / 'Artikel 001' (as findings and charts say) when unknown."""
    return article_label(_text(file), _text(outlet), language)


def _findings_html(findings: pd.DataFrame | None, texts: dict, outlets: dict, language: str,
                   names: dict | None = None, no_story: str = "") -> str:
    """The ranked findings, each with its severity, message and quoted evidence; `no_story`, the
    sentence that replaces them when the folder holds no common story.

    `names` maps a quantity to the label the comparison gives it (shown instead of the key).
    """
    labels = report_labels(language)
    kinds, sevs = labels["kinds"], labels["severities"]
    if no_story:
        return f'<p class="message">{_esc(no_story)}</p>'
    if findings is None or findings.empty:
        return f"<p>{labels['no_findings']}</p>"
    ordered = findings.copy()
    ordered["_rank"] = ordered.get("rank", pd.Series(range(len(ordered)))).map(_number)
    ordered["_rank"] = ordered["_rank"].fillna(float("inf"))
    ordered["_order"] = range(len(ordered))
    ordered = ordered.sort_values(["_rank", "_order"], kind="stable")
    items = []
    for _, row in ordered.iterrows():
        severity = _text(row.get("severity")).strip() or "info"
        kind = _text(row.get("kind")).strip()
        quantity = _text(row.get("quantity")).strip()
        quantity = (names or {}).get(quantity) or quantity
        head = (f'<span class="badge sev-{_esc(severity if severity in sevs else "info")}">'
                f'{_esc(sevs.get(severity, severity))}</span>'
                f'<span class="kind">{_esc(kinds.get(kind, kind))}'
                + (f" · {_esc(quantity)}" if quantity else "") + "</span>")
        quotes = _group_evidence(cell_json(row.get("evidence"), []))
        evidence = [_quote_html(quote, texts, outlets, language) for quote in quotes[:QUOTES_SHOWN]]
        if len(quotes) > QUOTES_SHOWN:   # a finding over 400 articles: the rest is in findings.csv
            evidence.append(f'<li class="source">{_esc(labels["more_quotes"].format(n=len(quotes) - QUOTES_SHOWN))}</li>')
        body = (f'<ul class="evidence" aria-label="{labels["evidence"]}">' + "".join(evidence) + "</ul>"
                if evidence else "")
        items.append(f'<li class="finding">{head}<p class="message">{_esc(row.get("message"))}</p>'
                     f"{body}</li>")
    return '<ol class="findings">' + "\n".join(items) + "</ol>"


def _quantity_names(comparison: pd.DataFrame | None) -> dict:
    """quantity -> its label in comparison.csv (where the comparison gives one)."""
    if comparison is None or "label" not in comparison.columns:
        return {}
    return {_text(q): _text(lab).strip() for q, lab in zip(comparison["quantity"], comparison["label"])
            if _text(lab).strip()}


def _no_charts_reason(charts_dir: Path, comparison: pd.DataFrame | None, no_story: bool = False) -> str:
    """Why a run has no charts: 'no_run' (notebook 04 did not run), 'no_story' (the folder holds no
    common story), 'no_comparison' (nothing was compared), 'single' (no quantity reported by two or
    more articles) or 'other'."""
    if no_story:
        return "no_story"
    if not Path(charts_dir).is_dir():
        return "no_run"
    if comparison is None or not len(comparison):
        return "no_comparison"
    n = pd.to_numeric(comparison.get("n_outlets", pd.Series(dtype=float)), errors="coerce").fillna(0)
    return "single" if not (n >= 2).any() else "other"


def _cap_html(cap: dict | None, language: str) -> str:
    """The note that the charts are capped (wording/charts.cap_line), '' when nothing was left out."""
    line = cap_line(cap, language) if cap else ""
    return f'<p class="caveat">{_esc(line)}</p>' if line else ""


def _charts_html(charts_dir: Path, language: str, order: dict | None = None,
                 comparison: pd.DataFrame | None = None, cap: dict | None = None, no_story: bool = False) -> str:
    """Every chart as an embedded PNG with its alt text (attribute and visible caption).

    `order` maps a chart name to its place (from output/<story>/charts.csv when notebook 04
    writes one); charts it does not list follow, by name. Without charts, says why
    (from `comparison`, when given). `cap` (charts/plan.chart_selection) says how many
    quantities got no chart of their own because of the cap.
    """
    order = order or {}
    labels = report_labels(language)
    pngs = sorted(Path(charts_dir).glob("*.png")) if Path(charts_dir).is_dir() else []
    pngs.sort(key=lambda p: (order.get(p.stem, len(order)), p.name))
    if not pngs:
        return f"<p>{labels['no_charts_why'][_no_charts_reason(charts_dir, comparison, no_story)]}</p>"
    blocks = [cap_note] if (cap_note := _cap_html(cap, language)) else []
    for png in pngs:
        alt_path = png.with_suffix(".txt")
        alt = alt_path.read_text(encoding="utf-8").strip() if alt_path.exists() else png.stem
        csv = png.with_suffix(".csv")
        note = (f'<span class="data">{labels["chart_data"].format(csv=_esc(_rel(csv)))}</span>'
                if csv.exists() else "")
        blocks.append(f'<figure id="chart-{_esc(png.stem)}">{_chart_img(png, alt)}'
                      f"<figcaption>{_esc(alt)}{note}</figcaption></figure>")
    return "\n".join(blocks)


def _chart_img(png: Path, alt: str) -> str:
    """One chart, embedded once at the width it is shown: its SVG (vector, 640 px wide, a fraction of
    the PNG's bytes) when the run wrote one, else its PNG."""
    svg = png.with_suffix(".svg")
    if svg.exists():
        data = base64.b64encode(svg.read_bytes()).decode("ascii")
        return (f'<img src="data:image/svg+xml;base64,{data}" width="{CHART_WIDTH_PX}" '
                f'alt="{_esc(alt)}">')
    data = base64.b64encode(png.read_bytes()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{_esc(alt)}">'


def _chart_cap(paths) -> dict | None:
    """What the chart cap left out (charts/plan.chart_selection), None when notebook 03 has not run."""
    try:
        return chart_selection(load_chart_tables(paths))
    except StoryError:
        return None


def _chart_order(paths) -> dict:
    """name -> position of the charts listed in output/<story>/charts.csv (the charts' own order), else {}."""
    index = _read(paths.out("charts.csv"))
    if index is None or "name" not in index.columns:
        return {}
    return {_text(name): i for i, name in enumerate(index["name"])}


def _rel(path: Path) -> str:
    """A path relative to the repository, for the page (no absolute machine paths)."""
    path = Path(path)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def _comparison_html(comparison: pd.DataFrame | None, language: str) -> str:
    """The comparison table: one row per quantity and unit."""
    labels = report_labels(language)
    status_names = labels["statuses"]
    if comparison is None or comparison.empty:
        return f"<p>{labels['no_table']}</p>"
    head = "".join(f"<th>{labels[k]}</th>" for k in
                   ("quantity", "unit", "outlets", "figures", "consensus", "median", "min", "max", "status"))
    rows = []
    for _, row in comparison.iterrows():
        unit = _text(row.get("unit"))
        fmt = lambda col: _esc(format_amount(row.get(col), unit, language))  # noqa: E731
        low, high = fmt("consensus_low"), fmt("consensus_high")
        consensus = low if low == high else (labels["range"].format(low=low, high=high) if low and high
                                             else low or high)
        name = _text(row.get("label")).strip() or _text(row.get("quantity"))
        status = _text(row.get("status"))
        rows.append(
            f"<tr><td>{_esc(name)}</td><td>{_esc(unit)}</td>"
            f'<td class="num">{_esc(_text(row.get("n_outlets")))}</td>'
            f'<td class="num">{_esc(_text(row.get("n_figures")))}</td>'
            f'<td class="num">{consensus}</td><td class="num">{fmt("median")}</td>'
            f'<td class="num">{fmt("min")}</td><td class="num">{fmt("max")}</td>'
            f"<td>{_esc(status_names.get(status, status))}</td></tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>" + "\n".join(rows) + "</tbody></table>"


def _link(url: str, text: str) -> str:
    """Text linked to an http(s) URL; any other scheme (javascript:, data:) stays plain text."""
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{_esc(url)}">{text}</a>'
    return text


def _articles_html(articles: pd.DataFrame, report: pd.DataFrame | None, language: str) -> str:
    """The articles analysed (outlet, date, language, cites, headline) and the files left out."""
    labels = report_labels(language)
    if articles.empty:
        return f"<p>{labels['no_table']}</p>"
    head = "".join(f"<th>{labels[k]}</th>" for k in
                   ("outlet", "date", "language", "cites", "title", "file", "words"))
    rows = []
    for _, row in articles.sort_values("file", key=lambda s: s.map(_text)).iterrows():
        file = _text(row.get("file"))
        cites = ", ".join(str(c) for c in cell_json(row.get("cites"), []))
        duplicate = _text(row.get("duplicate_of"))
        title = _esc(row.get("title"))
        if duplicate:
            title += f' <span class="source">({labels["duplicate"]} <code>{_esc(duplicate)}</code>)</span>'
        rows.append(
            f"<tr><td>{_esc(_outlet(row.get('outlet'), file, language))}</td>"
            f'<td class="num">{_esc(row.get("published"))}</td><td>{_esc(row.get("language"))}</td>'
            f"<td>{_esc(cites)}</td><td>{_link(_text(row.get('url')), title)}</td>"
            f'<td><code>{_esc(file)}</code></td><td class="num">{_esc(row.get("word_count"))}</td></tr>')
    out = f"<table><thead><tr>{head}</tr></thead><tbody>" + "\n".join(rows) + "</tbody></table>"
    if report is not None and not report.empty and "status" in report.columns:
        for status, heading in (("off_story", "off_story"), ("skipped", "skipped")):
            left_out = report[report["status"].map(_text) == status]
            if not left_out.empty:
                out += (f"<h3>{labels[heading]}</h3><ul>" + "".join(
                    f"<li><code>{_esc(r.get('file'))}</code>: {_esc(r.get('reason'))}</li>"
                    for _, r in left_out.sort_values("file").iterrows()) + "</ul>")
    return out


def _changed_params(params: dict) -> dict:
    """The story parameters that differ from their defaults (the story name left out)."""
    defaults = default_params()
    return {k: v for k, v in params.items() if k != "story" and k in defaults and v != defaults[k]}


def _summary(articles: pd.DataFrame, outlets: dict, figures: pd.DataFrame | None,
             findings: pd.DataFrame | None, language: str) -> str:
    """The line under the title: how many articles, outlets, figures and findings."""
    # outlets are counted only where an article names one; the others are said to be unnamed
    counts = {"articles": len(articles), "outlets": len({o.strip() for o in outlets.values() if o.strip()}),
              "figures": 0 if figures is None else len(figures), "findings": 0 if findings is None else len(findings)}
    return summary_line(counts, sum(1 for o in outlets.values() if not o.strip()), language)


def _footer(paths, params: dict, ingest: pd.DataFrame | None, language: str) -> str:
    """The footer's text (HTML): the command, the files read, the parameters changed, the story."""
    story = paths.story
    n_files = (len(ingest) if ingest is not None else
               len([p for p in paths.articles.iterdir() if p.is_file()]) if paths.articles.is_dir() else 0)
    command = "make run" if story == "meta-scale-ai" else f"make run STORY={story}"
    changed = _changed_params(params)
    return footer_line(command=_esc(command), n_files=n_files, articles=_esc(_rel(paths.articles) + "/"),
                       params=_esc(json.dumps(changed, ensure_ascii=False, sort_keys=True)) if changed else None,
                       story=_esc(story), language=language)


def _page(title: str, summary: str, sections: list[tuple[str, str]], footer: str, language: str) -> str:
    """The page around its parts: head, title and summary, one <section> per (id, HTML), footer."""
    labels = report_labels(language)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{page_language(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_esc(title)}</h1>",
        f'<p class="summary">{_esc(summary)}</p>',
        f'<p class="caveat">{labels["caveat"]}</p>',
        "</header>",
    ]
    for key, body in sections:
        parts += [f'<section id="{key}"><h2>{labels[key]}</h2>', body, "</section>"]
    parts += [f"<footer><p>{footer}</p></footer>", "</body>", "</html>", ""]
    return "\n".join(parts)


def build_report_html(paths, params: dict) -> str:
    """The whole report page for one story, as a string (deterministic, self-contained, escaped).

    Reads output/<story>/articles.csv, ingest_report.csv, comparison.csv, findings.csv and
    charts/*.png|.txt; a table this run did not produce gives a short note, not an error.
    """
    articles = _read(paths.out("articles.csv"))
    articles = articles if articles is not None else pd.DataFrame(columns=["file"])
    language = story_language(articles, params.get("language", "auto"))
    figures = _read(paths.out("figures.csv"))
    findings = _read(paths.out("findings.csv"))
    comparison = _read(paths.out("comparison.csv"))
    ingest = _read(paths.out("ingest_report.csv"))
    texts = {_text(f): _text(t) for f, t in zip(articles.get("file", []), articles.get("text", []))}
    outlets = {_text(f): _text(o) for f, o in zip(articles.get("file", []), articles.get("outlet", []))}
    title = _title(params, articles, paths.story, report_labels(language), findings)
    no_story = no_story_sentence(len(judged_articles(articles)), language) if no_common_story(articles) else ""
    sections = [
        ("findings", _findings_html(findings, texts, outlets, language, _quantity_names(comparison), no_story)),
        ("charts", _charts_html(paths.charts, language, _chart_order(paths), comparison, _chart_cap(paths),
                                bool(no_story))),
        ("comparison", _comparison_html(comparison, language)),
        ("articles", _articles_html(articles, ingest, language)),
    ]
    return _page(title, _summary(articles, outlets, figures, findings, language), sections,
                 _footer(paths, params, ingest, language), language)


def write_report(paths, params: dict) -> Path:
    """Write output/<story>/report.html atomically; returns its path."""
    return write_text_atomic(paths.out("report.html"), build_report_html(paths, params))
