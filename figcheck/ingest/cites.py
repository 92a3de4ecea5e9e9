"""Which outlets and agencies an article cites ("laut Handelsblatt", "(Reuters)", "told Bloomberg"),
with an alias table so that FT and Financial Times are one source."""
from __future__ import annotations

import re

from figcheck.ingest.base import CITE_SCAN_CHARS, I


# Built-in list of outlets and news agencies (German, Swiss, Austrian, English-language).
# A name in this list is recognised without quotes when a citation cue stands next to it.
INGEST_KNOWN_OUTLETS = [
    "Reuters", "dpa", "AFP", "AP", "Associated Press", "Bloomberg", "Bloomberg News", "Dow Jones",
    "Dow Jones Newswires", "sda", "SDA", "Keystone-SDA", "APA", "KNA", "epd", "dts", "AWP", "Xinhua",
    "Kyodo", "Interfax", "TASS", "ANSA", "EFE", "UPI", "Yonhap", "PA Media",
    "Handelsblatt", "Spiegel", "Der Spiegel", "SPIEGEL", "Spiegel Online", "Zeit", "Die Zeit", "Zeit Online",
    "FAZ", "F.A.Z.", "Frankfurter Allgemeine", "Frankfurter Allgemeine Zeitung", "Süddeutsche Zeitung", "SZ",
    "Süddeutsche", "Welt", "Die Welt", "Welt am Sonntag", "Bild", "Bild am Sonntag", "Focus", "Focus Online",
    "Stern", "taz", "Tagesspiegel", "Tagesschau", "ARD", "ZDF", "n-tv", "ntv", "RTL", "Deutschlandfunk", "MDR",
    "NDR", "WDR", "SWR", "BR", "RBB", "Golem", "Golem.de", "heise", "heise online", "c't", "t3n", "Chip",
    "Computerbild", "netzpolitik.org", "Wirtschaftswoche", "WirtschaftsWoche", "WiWo", "Manager Magazin",
    "Business Insider", "Gründerszene", "Börsen-Zeitung", "Finanzen.net", "Der Standard",
    "Die Presse", "Kurier", "ORF", "Kleine Zeitung", "Kronen Zeitung", "NZZ", "Neue Zürcher Zeitung",
    "NZZ am Sonntag", "Tages-Anzeiger", "Blick", "SRF", "Watson", "20 Minuten", "Aargauer Zeitung",
    "Luzerner Zeitung", "Basler Zeitung", "Handelszeitung", "Finanz und Wirtschaft", "RND",
    "Redaktionsnetzwerk Deutschland", "Rheinische Post", "Stuttgarter Zeitung", "Münchner Merkur",
    "Augsburger Allgemeine", "Kölner Stadt-Anzeiger", "Hamburger Abendblatt", "Berliner Zeitung",
    "BBC", "CNN", "CNBC", "Fox News", "NBC", "NBC News", "ABC News", "CBS", "CBS News", "NPR", "PBS", "Sky News",
    "The Guardian", "Guardian", "The Times", "Sunday Times", "Financial Times", "FT", "The Economist",
    "Economist", "The Telegraph", "Telegraph", "The Independent", "Daily Mail", "Wall Street Journal", "WSJ",
    "New York Times", "NYT", "Washington Post", "Los Angeles Times", "USA Today", "Politico", "Axios",
    "The Information", "TechCrunch", "The Verge", "Wired", "Ars Technica", "Engadget", "Forbes", "Fortune",
    "Semafor", "Vox", "Quartz", "Al Jazeera", "Nikkei", "Nikkei Asia", "South China Morning Post", "SCMP",
    "Le Monde", "El País", "Corriere della Sera", "CoinDesk", "MarketWatch", "Barron's", "Yahoo Finance",
    "The Atlantic", "The New Yorker", "Newsweek", "The Hill", "Bild-Zeitung", "Rheinische Post",
]
_AGENCIES = ["Reuters", "dpa", "AFP", "AP", "Associated Press", "Bloomberg", "Dow Jones", "DJ", "sda", "SDA",
             "Keystone-SDA", "APA", "KNA", "epd", "dts", "AWP", "Xinhua", "Kyodo", "Interfax", "TASS", "ANSA",
             "EFE", "UPI", "Yonhap", "PA Media", "AP/dpa"]


def cite_key(name: str) -> str:
    """Comparison key for an outlet name: lower case, letters and digits only, no leading article,
    no top-level domain ('Der Spiegel' ~ 'SPIEGEL'; 'finanzen.ch' ~ 'Finanzen')."""
    name = re.sub(r"[®™©]", "", str(name)).strip().lower()
    name = re.sub(r"^(?:the|der|die|das)\s+", "", name)
    name = re.sub(r"\.(?:de|ch|at|com|net|org|co\.uk|uk|io|news)$", "", name)
    return re.sub(r"[\W_]+", "", name)


AGENCY_KEYS = {cite_key(a) for a in _AGENCIES}
# One name for the short and long forms of an outlet: a cite is shown under the name on the right, and two
# forms count as one source ('FT' and 'Financial Times'). Keys are compared with cite_key.
_CITE_ALIASES = {
    "FT": "Financial Times", "WSJ": "Wall Street Journal", "NYT": "New York Times",
    "SZ": "Süddeutsche Zeitung", "Süddeutsche": "Süddeutsche Zeitung",
    "FAZ": "Frankfurter Allgemeine", "F.A.Z.": "Frankfurter Allgemeine",
    "Frankfurter Allgemeine Zeitung": "Frankfurter Allgemeine", "FAZ.net": "Frankfurter Allgemeine",
    "Associated Press": "AP", "Deutsche Presse-Agentur": "dpa", "Agence France-Presse": "AFP",
    "Agence France Presse": "AFP", "Bloomberg News": "Bloomberg", "Dow Jones Newswires": "Dow Jones",
    "BBC News": "BBC", "NZZ": "Neue Zürcher Zeitung", "WiWo": "Wirtschaftswoche", "Spiegel Online": "Spiegel",
    "Focus Online": "Focus", "heise online": "heise", "Bild-Zeitung": "Bild", "SCMP": "South China Morning Post",
}
_CITE_ALIAS_KEYS = {cite_key(k): v for k, v in _CITE_ALIASES.items()}
# German inflected forms of built-in names ('der Süddeutschen Zeitung', 'der Frankfurter Allgemeinen'):
# an adjective ending in -sche/-ne/-ue before another capitalised word, or a final 'Allgemeine', takes an -n.
_INFLECT_WORD = re.compile(r"\b(?!(?:Die|The|Le|La)\b)([A-ZÄÖÜ]\w+(?:sche|ne|ue))\b(?=\s+[A-ZÄÖÜ])|\b(Allgemeine|Süddeutsche)$")
_KNOWN_INFLECTED = {
    _INFLECT_WORD.sub(lambda m: (m.group(1) or m.group(2)) + "n", n): n
    for n in INGEST_KNOWN_OUTLETS + list(_CITE_ALIASES)
    if not n.startswith(("Die ", "Der ")) and _INFLECT_WORD.search(n)}


def cite_canonical(name: str) -> str:
    """The name a cite is shown and counted under: German inflection undone ('Süddeutschen Zeitung' ->
    'Süddeutsche Zeitung'; for names not built in, '-ischen'/'-schen' before a capitalised word and a final
    'Allgemeinen' lose the -n) and short forms joined to one name (_CITE_ALIASES: 'FT' -> 'Financial Times')."""
    name = _KNOWN_INFLECTED.get(name) or re.sub(
        r"\b([A-ZÄÖÜ]\w+(?:isch|sch))en\b(?=\s+[A-ZÄÖÜ])|\b(Allgemein)en$", lambda m: (m.group(1) or m.group(2)) + "e", name)
    return _CITE_ALIAS_KEYS.get(cite_key(name), name)


_KNOWN_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(
    set(INGEST_KNOWN_OUTLETS) | set(_CITE_ALIASES) | set(_KNOWN_INFLECTED), key=len,
                                                                               reverse=True)) + r")(?![\w-])")
_CITE_BEFORE = re.compile(
    r"(?:\blaut|\bberichte\w*|\bmelde\w*|\bschrieb\w*|\bschreib\w*|\bzitier\w*|\bgegenüber|\bnach angaben|"
    r"\binformationen|\bunter berufung auf|\bim interview mit|\bim gespräch mit|\bsagte\w*|\bsagt|"
    r"\bquelle:|\bsource:|\baccording to|\breport\w*|\btold|\bciting|\bcited|\bquoted|\bvia|\bwrote|\bwrites|"
    r"\bsaid|\bsays|\binterview with|\bspoke to|\bspeaking to|\bconfirmed to|\bin an interview with|"
    r"\bwie)\s+(?:\S+\s+){0,3}[«»„“\"‚']?$", I)
_CITE_AFTER = re.compile(
    r"^[»«“”\"'’]?\)?\s*,?\s*(?:\S+\s+){0,2}?(?:zufolge|berichte\w*|melde\w*|schreibt|schrieb|schrieben|"
    r"hatte berichtet|unter berufung|reported|reports|reporting|wrote|writes|said|says|first reported|"
    r"citing)\b|"
    r"^[»«“”\"'’]?\)?\s+(?:hatte|hatten|hat|haben)\s+(?:(?!sich\b)\S+\s+){0,6}?(?:berichtet|gemeldet|geschrieben|enthüllt)\b|"
    r"^[»«“”\"'’]?\)?\s+(?:had|has|was|were)\s+(?:\S+\s+){0,3}?(?:reported|revealed|broke the news|"
    r"the first to report)\b", I)
_QUOTED = re.compile(r"[«»„“\"‚‘]([A-Z0-9ÄÖÜ][\w.&'’ -]{0,40}?)[«»“”\"‘’]")
# A lower-case word other than a linking word inside quotes: a quotation, not a name ('"Time to act"').
_QUOTE_NOT_NAME = re.compile(r"(?<![\w.&'’-])(?!(?:of|the|and|for|on|am|im|in|an|der|die|das|des|und|für|von|"
                                    r"zu|online|de|du|la|le|el|y|et|di|della)(?![\w'’]))[a-zäöüß][\w'’-]*")
_MEDIA_NOUN = re.compile(
    r"(?<![A-Za-zÄÖÜäöüß])(?:Nachrichtenagentur|Agentur|Zeitung|Tageszeitung|Wochenzeitung|Wirtschaftszeitung|"
    r"Finanzzeitung|Zeitschrift|Magazin|Nachrichtenmagazin|Wirtschaftsmagazin|Fachmagazin|Onlinemagazin|"
    r"Nachrichtenportal|Newsportal|Fachportal|Onlineportal|Techportal|Sender|Fernsehsender|Nachrichtensender|"
    r"Radiosender|Wirtschaftsdienst|[Nn]ews agency|[Nn]ewswire|[Ww]ire service|[Nn]ewspaper|[Mm]agazine|"
    r"[Bb]roadcaster|[Nn]ews site|[Nn]ews website|[Tt]ech site|[Tt]ech blog)[ ]+[«„“\"»]?"
    r"(?P<name>[A-Z][\w&'’-]*(?:\.[a-z]{2,3})?(?:[ ][A-Z][\w&'’-]*){0,3})")
# A capitalised name (up to four words) whose last word ends like a media title ('The Tech Ledger',
# 'Rheinische Handelszeitung'): an outlet not in the built-in list, counted only next to a citation cue.
_HEAD_NAME = re.compile(
    r"(?<![\w-])(?P<name>(?:(?:The|Die|Der|Das)\s+)?(?:[A-ZÄÖÜ][\w&'’-]*\s+){0,3}"
    r"(?:[A-ZÄÖÜ][\w-]*?(?:zeitung|blatt|kurier|rundschau|anzeiger|echo)|"
    r"(?:[A-ZÄÖÜ][\w-]*?)?(?:Zeitung|Blatt|Kurier|Journal|Times|News|Wire|Herald|Gazette|Tribune|Chronicle|Ledger|"
    r"Courier|Observer|Dispatch|Rundschau|Anzeiger|Bote|Echo)))(?![\w-])"
    r"(?!\s*&|\s+[A-ZÄÖÜ][a-zäöüß])")    # the name goes on ('Independent News & Media', 'News Corp')
# Words in front of a media-title name that are not part of it: articles, cue words, possessives ("Pearson's"),
# hyphenated descriptions ('China-published') and media nouns ('die Zeitung The Times', 'des Senders Sky News').
_HEAD_LEAD = re.compile(
    r"^(?:(?:Die|Der|Das|Dem|Den|Des|Ein|Eine|Einer|A|An|Laut|Wie|Nach|Gegenüber|Auch|Zuerst|So|Per|Via|Citing|"
    r"Says|Said|Told|\S+['’]s|\w+-[a-zäöüß][\w-]*|\w*(?:[Ss]ender|[Ss]enders|[Zz]eitung|[Mm]agazin|[Aa]gentur|"
    r"[Pp]ortal|[Bb]latt|[Dd]ienst))\s+)+")
_AGENCY_PARENS = re.compile(r"\((?P<names>(?:" + "|".join(re.escape(a) for a in _AGENCIES) +
                            r")(?:\s*[/,]\s*[\w-]{2,20}){0,3})\)")


def find_article_cites(text: str, own_outlet: str = "", segments: list | None = None) -> list[str]:
    """Outlets and agencies a text cites, in order of first mention, never its own outlet.

    Recognised: a known outlet (built-in list) or a quoted name («N-TV», „Handelsblatt“) next to a
    citation cue ('laut', 'berichtet', 'zufolge', 'hatte zuerst ... berichtet', 'according to', 'told',
    'reported', 'had first reported'...); a name of two or more capitalised words ending like a media title
    ('The Valley Ledger', 'Westtaler Rundschau') next to such a cue; a name after a media noun
    ('die Nachrichtenagentur Reuters', 'the newspaper X'); agency codes in brackets ('(dpa)', '(AFP/Reuters)'). Captions are skipped (their credits are photo agencies, not sources).
    Only the first CITE_SCAN_CHARS characters are searched (a news article is far shorter).
    """
    regions = [(s, min(e, CITE_SCAN_CHARS)) for s, e, k in (segments or [[0, len(text), "body"]])
               if k != "caption" and s < CITE_SCAN_CHARS]
    found: list[tuple[int, str]] = []
    for rs, re_ in regions:
        chunk = text[rs:re_]
        known_spans = [(m.start(), m.end()) for m in _KNOWN_RE.finditer(chunk)]
        longer: list[tuple[int, int]] = []      # media-title names that hold a known name ('Rheinische Handelszeitung')
        for m in _HEAD_NAME.finditer(chunk):
            name = _HEAD_LEAD.sub("", m.group("name"))
            start = m.end() - len(name)
            if " " not in name:
                continue           # one word ('Handelszeitung', 'Datenblatt', 'die Zeitung'): known list or quotes only
            core = start + 4 if name.startswith("The ") else start
            inside = [(s, e) for s, e in known_spans if s < m.end() and start < e]
            if any(s <= core or e > m.end() for s, e in inside):
                continue           # a known name starts it or covers it ('the Financial Times', 'BBC News')
            before = re.split(r"[.!?:]\s+", chunk[max(0, start - 60):start])[-1]   # the cue in the same sentence
            after = chunk[m.end():m.end() + 50]
            if _CITE_BEFORE.search(before) or _CITE_AFTER.match(after):
                found.append((rs + start, name))
                longer.append((start, m.end()))
        for m in _KNOWN_RE.finditer(chunk):
            if any(s <= m.start() and m.end() <= e for s, e in longer):
                continue
            before, after = chunk[max(0, m.start() - 60):m.start()], chunk[m.end():m.end() + 50]
            if _CITE_BEFORE.search(before) or _CITE_AFTER.match(after):
                found.append((rs + m.start(), m.group(1)))
        for m in _QUOTED.finditer(chunk):
            name = m.group(1).strip()
            if not name or len(name.split()) > 4 or re.search(r"[.!?,;:]$", name) or _QUOTE_NOT_NAME.search(name):
                continue           # a quotation ('"This time it's different"'), not a title
            before, after = chunk[max(0, m.start() - 60):m.start()], chunk[m.end():m.end() + 50]
            if re.search(r":\s*$", before):
                continue           # 'told the paper: "..."' introduces speech
            if _CITE_BEFORE.search(before) or _CITE_AFTER.match(after):
                found.append((rs + m.start(1), name))
        for m in _MEDIA_NOUN.finditer(chunk):
            found.append((rs + m.start("name"), re.sub(r"['’]s$", "", m.group("name").strip(" .,"))))
        for m in _AGENCY_PARENS.finditer(chunk):
            for k, name in enumerate(re.split(r"\s*[/,]\s*", m.group("names"))):
                found.append((rs + m.start("names") + k, name))
    own = cite_key(cite_canonical(own_outlet)) if own_outlet else ""
    out: list[str] = []
    keys: set[str] = set()
    for _pos, name in sorted(found, key=lambda t: t[0]):
        name = cite_canonical(name)
        key = cite_key(name)
        if not key or key == own or key in keys:
            continue
        keys.add(key)
        out.append(name)
    return out
