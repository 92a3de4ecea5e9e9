"""Every word of report.html: headings, column names, notes, the names of finding kinds, severities and
statuses, the page title, the summary line and the footer, from the templates in de.py / en.py (REPORT).

The page's HTML structure and CSS are in figcheck/report.py, which escapes what it passes in here.
"""
from __future__ import annotations

from figcheck.wording import texts


def report_labels(language: str) -> dict:
    """The report's words in one language (REPORT of de.py / en.py): headings, column names and notes,
    with the names of finding kinds ('kinds'), severities ('severities') and statuses ('statuses')."""
    return texts(language).REPORT


def page_language(language: str) -> str:
    """The page's `lang` attribute: 'de' or 'en'."""
    return texts(language).CODE


def page_title(subject: str, labels: dict) -> str:
    """'Zahlencheck: <headline>' / 'Figure check: <story>' (labels: report_labels of the page's language)."""
    return labels["page_title"].format(subject=subject)


def summary_line(counts: dict, n_unknown: int, language: str) -> str:
    """'5 Artikel aus 5 Medien, 61 Zahlen, 9 Befunde.' from the counts of articles, outlets (named ones),
    figures and findings; n_unknown articles that name no outlet are said to be unnamed."""
    labels = report_labels(language)
    words = {k: labels["count"].format(n=n, noun=labels["nouns"][k][n != 1]) for k, n in counts.items()}
    if n_unknown and not counts["outlets"]:
        return labels["summary_unnamed"].format(**words)
    if n_unknown:
        return labels["summary_some"].format(unknown=n_unknown, **words)
    return labels["summary"].format(**words)


def footer_line(command: str, n_files: int, articles: str, params: str | None, story: str, language: str) -> str:
    """The footer: the command that made the page, from how many files in which folder, the story
    parameters that differ from the defaults (params, None when none do) and the story (HTML, escaped)."""
    labels = report_labels(language)
    param_line = labels["params"].format(params=params) if params else labels["defaults"]
    return (labels["made"].format(command=command, n=n_files, articles=articles) + " " + param_line + " "
            + labels["story"].format(story=story))
