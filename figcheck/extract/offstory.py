"""Is the folder one story? How much each article shares with the others, and which articles are off story.

A reporter's folder holds one story's articles; a stray one (another story, a newsletter, a
press release about something else) would bring its figures into the comparison. So each article
is described by what a story's articles share — its proper names (people, companies, places
that are not everywhere: "Scale AI", "Kretinsky", "UniCredit"), its specific figures (14.3 billion
dollars, 49 percent: two significant digits or more) and the words that say what its figures
measure (`measure` of figures.csv) — and every two articles get a tie score: each shared name
counts 1, each shared figure 0.5 (at most 1.5), each shared measure word 0.25 (at most 1).
Two articles are tied when the score reaches TIE.

The story is the folder's densest group of tied articles: articles are taken away, the least
tied first, until each one left is tied to at least half of the others (the core); then every
article tied to a core article joins it. The folder holds a common story when the core has at
least STORY_MIN_ARTICLES articles and a STORY_SHARE of the articles judged (duplicates are not
judged; a folder of fewer than two articles is not judged at all). Articles outside the story
are off story; in a folder without a common story every article is. Nothing here reads a
dictionary of names: the same rules hold for any story, in German and in English.

Cheap: one pass of the figure extraction and one of the names per article, then scores only for
pairs that share something (an index from each name, figure and word to its articles).
"""
from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import simplemma

from figcheck.common.language import story_language
from figcheck.extract.figures import extract_figures
from figcheck.ingest.base import IngestResult
from figcheck.ingest.cites import INGEST_KNOWN_OUTLETS
from figcheck.wording.story import no_story_sentence, off_story_reason, story_summary

TIE = 2.5                  # the score at which two articles are tied
NAME, FIGURE, MEASURE = 1.0, 0.5, 0.25           # what one shared name, figure, measure word counts
FIGURES_MAX, MEASURES_MAX = 1.5, 1.0              # at most this much from figures, from measure words
CORE_SHARE = 0.5           # a core article is tied to at least half of the other core articles
STORY_SHARE = 0.25         # the core holds at least this share of the articles judged
STORY_MIN_ARTICLES = 3     # ... and at least this many (fewer when the folder holds fewer)
SHARED_SHOWN = 6           # names, figures and words listed per article in articles.csv `shares`

# Capitalised words that are no story's own: articles and pronouns at a line's start, titles, months
# and days, currency and scale words, legal forms, general acronyms, the largest places and peoples,
# and the words of institutions every business story names. A story is told by the rest.
_GENERIC = frozenset("""
der die das den dem des ein eine einer eines einem einen und oder aber im am zum zur vom beim ins auch
the a an and or but in on at of for to by with from as it its this that these those he she they we you i
his her their our not no new mr mrs ms dr prof sir herr frau
januar jänner februar märz april mai juni juli august september oktober november dezember
january february march june july october december jan feb mar apr jun jul aug sep sept oct nov dec
montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday thursday friday saturday
sunday euro euros dollar dollars pfund pound pounds franken yen yuan rubel prozent percent milliarden millionen
milliarde million billion billionen tausend
us usa uk eu un ki ai ag se gmbh inc ltd plc co corp nv sa spa llc ceo cfo coo cto vs bn mn tv it
europe european europa europäische europäischen europäischer asia asian africa african america american
americans amerika britain british england english german germans germany deutschland deutsche deutschen
deutscher france french frankreich china chinese japan japanese india indian russia russian russland italy
italian italien spain spanish spanien österreich schweiz swiss switzerland washington london berlin paris
york wien frankfurt brussels brüssel west east north south western eastern northern southern
group company corporation bank government minister president chief executive officer chairman director
street city state states united national international federal world global
""".split())
_OUTLET_WORDS = frozenset(w for name in INGEST_KNOWN_OUTLETS for w in name.lower().split())
_TOKEN = re.compile(r"[^\W\d_][\w&-]*[^\W_]|[^\W\d_]|\d[\d.,]*|[’']s\b|[^\w\s]|\n")
_SENTENCE_END = frozenset(".!?:;\n„“\"«»()–—•|")
_NO_NUMBER_UNITS = ("year", "date", "ordinal", "other")


@dataclass(frozen=True)
class Ties:
    """What one article can share with the others: names (lowercased), specific figures (value,
    unit) and measure words, with the form each name is written in (for the reader)."""
    names: frozenset
    figures: frozenset
    measures: frozenset
    shown: dict = field(default_factory=dict, compare=False)
    openers: frozenset = frozenset()    # words that open its sentences only ("Quillon reports ...")


@lru_cache(maxsize=100_000)
def _known_word(word: str) -> bool:
    """Whether a capitalised German word is in the lemmatiser's dictionary (a common noun, mostly)."""
    return simplemma.is_known(word, lang="de")


def article_names(text: str, language: str) -> dict[str, str]:
    """The proper names of a text (see _names)."""
    return _names(text, language)[0]


def _names(text: str, language: str) -> tuple[dict[str, str], dict[str, str]]:
    """({lowercased: as written} of the proper names of a text, and of the capitalised words that only
    open its sentences). A name is a capitalised word that does not open a sentence, is not generic (_GENERIC, an outlet's name) and, in German (where every noun is
    capitalised), is an acronym, has a capital inside ("UniCredit"), is unknown to the dictionary
    ("Kretinsky") or stands in a run of capitalised words ("Deutsche Bahn", "Scale AI")."""
    de = language == "de"
    out: dict[str, str] = {}
    openers: dict[str, str] = {}     # capitalised words that only open sentences: names if others use them so
    run: list[str] = []
    initial = True

    def close_run():
        if len(run) >= 2:
            for w in run:
                out.setdefault(w.lower(), w)
        run.clear()

    for m in _TOKEN.finditer(text):
        tok = m.group()
        if not tok[:1].isalpha():
            if tok[:1] not in "’'":
                close_run()
                initial = tok in _SENTENCE_END or initial and not tok.strip()
            continue
        first, initial = initial, False
        for part in (p for p in tok.split("-") if p):
            low = part.lower()
            if first or not part[:1].isupper() or len(low) < 2 or low in _GENERIC or low in _OUTLET_WORDS:
                if first and part[:1].isupper() and len(low) >= 2 and low not in _GENERIC and low not in _OUTLET_WORDS:
                    openers.setdefault(low, part)
                close_run()
                first = False
                continue
            run.append(part)
            if not de or part.isupper() or any(c.isupper() for c in part[1:]) or not _known_word(part):
                out.setdefault(low, part)
    close_run()
    return out, {k: v for k, v in openers.items() if k not in out}


def _specific(value, unit: str) -> bool:
    """A figure two unrelated articles rarely share: a number with two significant digits or more."""
    if value is None or unit in _NO_NUMBER_UNITS:
        return False
    try:
        v = float(value)
    except (TypeError, ValueError):
        return False
    if math.isnan(v) or v == 0:
        return False
    return len(f"{abs(v):.6g}".split("e")[0].replace(".", "").strip("0")) >= 2


def article_ties(text: str, language: str) -> Ties:
    """What an article can share with others: its names (also those its figures' frames name as holder
    or object), its specific figures and the words its figures measure."""
    shown, openers = _names(text, language)
    figures, measures = set(), set()
    for fig in extract_figures(text, language):
        if _specific(fig.get("value"), str(fig.get("unit", ""))):
            figures.add((round(float(fig["value"]), 6), str(fig["unit"])))
        if fig.get("measure"):
            measures.add(str(fig["measure"]))
        for role in ("holder", "object"):
            for w in str(fig.get(role) or "").split():
                if len(w) > 1 and w not in _GENERIC and w != "state":
                    shown.setdefault(w, w)
    return Ties(frozenset(shown), frozenset(figures), frozenset(measures), shown, frozenset(openers))


def with_openers(features: dict[str, Ties]) -> dict[str, Ties]:
    """Each article's names with the words that only open its sentences but that another article of
    the folder uses as a name mid-sentence ("Quillon reports higher profits. Quillon said ..." beside
    "shares in Quillon"): a name the article shares, though it never writes it mid-sentence."""
    out = {}
    for f, t in features.items():
        used = {n for g, u in features.items() if g != f for n in u.names}
        extra = t.openers & used
        out[f] = Ties(t.names | extra, t.figures, t.measures, t.shown, t.openers) if extra else t
    return out


def tie_score(a: Ties, b: Ties) -> float:
    """How much two articles share: 1 per name, 0.5 per figure (at most 1.5), 0.25 per measure word
    (at most 1)."""
    return (NAME * len(a.names & b.names) + min(FIGURES_MAX, FIGURE * len(a.figures & b.figures))
            + min(MEASURES_MAX, MEASURE * len(a.measures & b.measures)))


@dataclass
class StoryVerdict:
    """Which articles tell the folder's story. `story` and `core` are file names; `ties[f]` counts the
    articles f is tied to (within the story when there is one); `has_story` is False when the folder
    holds no common story (then every judged article is off story)."""
    judged: list[str]
    core: list[str]
    story: list[str]
    has_story: bool
    ties: dict[str, int]


def _tied_pairs(features: dict[str, Ties]) -> dict[str, set[str]]:
    """file -> the files it is tied to, scoring only pairs that share a name, a figure or a word."""
    index: dict[tuple, list[str]] = defaultdict(list)
    for f, t in features.items():
        for kind, items in (("n", t.names), ("f", t.figures), ("m", t.measures)):
            for item in items:
                index[(kind, item)].append(f)
    pairs = {(a, b) for files in index.values() for i, a in enumerate(files) for b in files[i + 1:]}
    tied: dict[str, set[str]] = {f: set() for f in features}
    for a, b in pairs:
        if tie_score(features[a], features[b]) >= TIE:
            tied[a].add(b)
            tied[b].add(a)
    return tied


def story_verdict(features: dict[str, Ties]) -> StoryVerdict:
    """The folder's story from what its articles share (see the module's docstring)."""
    files = sorted(features)
    if len(files) < 2:
        return StoryVerdict(files, files, files, True, {f: 0 for f in files})
    tied = _tied_pairs(features)
    core, degree = set(files), {f: len(tied[f]) for f in files}
    while core:
        need = math.ceil((len(core) - 1) * CORE_SHARE)
        weakest = min(core, key=lambda f: (degree[f], f))
        if degree[weakest] >= need:
            break
        core.remove(weakest)
        for other in tied[weakest] & core:
            degree[other] -= 1
    least = min(STORY_MIN_ARTICLES, len(files) - 1) if len(files) > 2 else 2
    has_story = len(core) >= max(least, 2) and len(core) >= STORY_SHARE * len(files)
    story = sorted(core | {f for f in files if tied[f] & core}) if has_story else []
    within = set(story) if has_story else set(files)
    return StoryVerdict(files, sorted(core) if has_story else [], story, has_story,
                        {f: len(tied[f] & within) for f in files})


def _shares(f: str, features: dict[str, Ties], others: list[str]) -> list[str]:
    """What article f shares with the others (names as written, then figures, then measure words),
    the most widely shared first, at most SHARED_SHOWN."""
    count: dict[tuple, int] = defaultdict(int)
    mine = features[f]
    for o in others:
        if o == f:
            continue
        t = features[o]
        for name in mine.names & t.names:
            count[(0, mine.shown.get(name, name))] += 1
        for value, unit in mine.figures & t.figures:
            count[(1, f"{value:g} {unit}")] += 1
        for word in mine.measures & t.measures:
            count[(2, word)] += 1
    ranked = sorted(count, key=lambda k: (k[0], -count[k], k[1]))
    return [text for _kind, text in ranked[:SHARED_SHOWN]]


def mark_off_story(result: IngestResult, include=(), language: str = "auto") -> IngestResult:
    """Judge which articles tell the folder's story and mark the others off story.

    Adds to articles.csv `story_ties` (how many of the story's articles each one is tied to),
    `shares` (JSON list of what it shares with them) and `off_story` ('' on the story, `no_ties`
    when it shares too little with the story, `no_story` when the folder holds none); in
    ingest_report.csv an off-story article gets status `off_story` and the reason, worded in the
    story's language. Files named in `include` stay on the story (their reason says so).
    Duplicates are not judged; they follow their original.
    """
    arts = result.articles.copy()
    report = result.report.copy()
    dup = arts["duplicate_of"].fillna("").astype(str) if "duplicate_of" in arts.columns else pd.Series("", index=arts.index)
    judged = arts[dup == ""]
    features = {f: article_ties(t, lang) for f, t, lang in zip(judged["file"], judged["text"], judged["language"])}
    features = with_openers(features)
    verdict = story_verdict(features)
    keep = set(include or ())
    off = {f: ("no_ties" if verdict.has_story else "no_story") for f in verdict.judged if f not in verdict.story}
    on_story = [f for f in verdict.judged if f not in off or f in keep]
    lang = story_language(arts[arts["file"].isin(on_story or verdict.judged)], language)
    group = verdict.story or verdict.judged
    shares = {f: _shares(f, features, group) for f in verdict.judged}
    originals = dict(zip(arts["file"], dup))
    arts["story_ties"] = [verdict.ties.get(originals[f] or f, 0) for f in arts["file"]]
    arts["shares"] = [json.dumps(shares.get(originals[f] or f, []), ensure_ascii=False) for f in arts["file"]]
    arts["off_story"] = ["" if (originals[f] or f) in keep else off.get(originals[f] or f, "") for f in arts["file"]]
    for i, row in report.iterrows():
        f = row["file"]
        if row["status"] == "ok" and f in off:
            kind = "kept" if f in keep else off[f]
            reason = off_story_reason(kind, shares.get(f, []), lang)
            report.at[i, "reason"] = "; ".join(x for x in (reason, str(row["reason"] or "")) if x)
            if kind != "kept":
                report.at[i, "status"] = "off_story"
    return IngestResult(arts, report, result.boilerplate)


def judged_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles of articles.csv the story check judges: all but duplicates."""
    if articles is None or "duplicate_of" not in articles.columns:
        return articles
    return articles[articles["duplicate_of"].fillna("").astype(str) == ""]


def no_common_story(articles: pd.DataFrame) -> bool:
    """Whether articles.csv says the folder holds no common story: every article that is not a
    duplicate is marked off story (`off_story` non-empty), and there is at least one."""
    if articles is None or articles.empty or "off_story" not in articles.columns:
        return False
    judged = judged_articles(articles)
    return len(judged) > 0 and bool((judged["off_story"].fillna("").astype(str) != "").all())


def on_story(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles of articles.csv that are not marked off story (all of them when the column is missing)."""
    if articles is None or "off_story" not in articles.columns:
        return articles
    return articles[articles["off_story"].fillna("").astype(str) == ""]


def story_check_view(articles: pd.DataFrame) -> pd.DataFrame:
    """What notebook 01 shows of the story check: per article, how many of the story's articles it is
    tied to, what it shares with them, and whether it is off story."""
    cols = ["file", "outlet", "story_ties", "shares", "off_story"]
    if articles is None or "off_story" not in articles.columns:
        return pd.DataFrame(columns=cols)
    view = articles[[c for c in cols if c in articles.columns]].copy()
    view["shares"] = view["shares"].map(lambda cell: ", ".join(json.loads(cell)) if cell else "")
    return view.reset_index(drop=True)


def story_check_summary(articles: pd.DataFrame, language: str = "auto") -> str:
    """The story check in one or two sentences, in the story's language (wording/story.py)."""
    judged = judged_articles(articles)
    if judged is None or judged.empty or "off_story" not in judged.columns:
        return ""
    lang = story_language(articles, language)
    if no_common_story(articles):
        return no_story_sentence(len(judged), lang)
    off = judged[judged["off_story"].fillna("").astype(str) != ""]
    ties = [int(t) for t in on_story(judged)["story_ties"]]
    return story_summary(len(judged), list(off["file"]), (min(ties), max(ties)), lang)
