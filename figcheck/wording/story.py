"""The words of notebook 01's story check: why an article is off story (ingest_report.csv `reason`)
and the one sentence that stops the comparison of a folder with no common story (notebooks 03 and 04,
report.html), from the templates in de.py / en.py (STORY)."""
from __future__ import annotations

from figcheck.wording import texts
from figcheck.wording.words import in_quotes, join_words


def off_story_reason(kind: str, shared: list[str], language: str) -> str:
    """Why an article is left out of the comparison (kind `no_ties`: it shares too little with the
    story's articles; `no_story`: the folder holds no common story) or kept although it is off story
    (kind `kept`: the parameter include). `shared`: what it shares with them, shown when anything."""
    t = texts(language).STORY
    what = t["shares"].format(shared=join_words([in_quotes(s, language) for s in shared[:3]], language)) \
        if shared else t["shares_nothing"]
    return t[kind].format(shares=what)


def no_story_sentence(n_articles: int, language: str) -> str:
    """The one sentence that replaces the findings when the folder holds no common story."""
    return texts(language).STORY["no_story_sentence"].format(n=n_articles)


def story_summary(n_articles: int, off: list[str], ties: tuple[int, int], language: str) -> str:
    """Notebook 01's story check in a sentence: 'All 5 articles tell one story: each shares names,
    figures or measure words with 4 of the others.' or '5 of 8 articles tell one story; 3 are off story
    and left out of the comparison: a.txt, b.txt and c.txt.' (ties: the fewest and most articles of the
    story one article is tied to)."""
    t = texts(language).STORY
    if not off:
        low, high = ties
        tied = str(low) if low == high else t["range"].format(low=low, high=high)
        return t["all"].format(n=n_articles, tied=tied)
    return t["some"].format(n_on=n_articles - len(off), n=n_articles, n_off=len(off),
                            verb=t["verb"][len(off) != 1],
                            files=join_words(off, language) if len(off) <= 10
                            else ", ".join(off[:10]) + t["more"].format(n=len(off) - 10))
