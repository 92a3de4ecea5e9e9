"""Holders' and objects' names: when two names are one, words that only describe a name, and the
names an article's demonyms stand for.

A frame's holder or object is a name as the article words it ("UniCredit", "der Frankfurter
Geldhaus", "die Italiener"). Three questions are answered here:
- `is_generic`: a word that stands for a company without naming it ("das Institut", "die
  Logistiksparte", "the lender", "the Danes") fits any name;
- `same_name`: two names are one when they share a word ("UniCredit" ~ "Unicredit SpA");
- `demonym_aliases`: in German and English news a company is often called by its nationality
  ("die Italiener", "the Danes") after the article named it with that nationality ("die
  italienische Unicredit", "Danish forwarder DSV"); the map lets a frame read the demonym as the name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from figcheck.extract.measures import inflected

# nouns that stand for a company already named: not a holder's name ("das Institut", "the bank")
GENERIC_DOERS = frozenset("""
institut instituts bank banken konzern konzerns unternehmen unternehmens firma gruppe geldhaus geldhauses
großbank kreditinstitut finanzkonzern mutter tochter käufer verkäufer investor investoren anleger aktionär
aktionäre italiener dänen amerikaner deutschen schweizer franzosen chinesen briten partner parteien seite
company firm group lender bank buyer seller investor investors shareholders rival rivals giant parent unit
""".split())

# the last part of a word that describes a company or a part of one without naming it: the head of a
# German compound ("Logistiksparte", "Stahlgeschäft", "Lebensmittelgroßhändler") or an English noun
_DESCRIPTOR_HEADS = (
    "sparte", "geschäft", "geschäfts", "tochter", "tochterfirma", "firma", "gesellschaft", "konzern", "konzerns",
    "gruppe", "unternehmen", "unternehmens", "geldhaus", "geldhauses", "bankhaus", "institut", "instituts",
    "händler", "hersteller", "anbieter", "dienstleister", "spediteur", "logistiker", "versicherer", "rivale",
    "rivalen", "wettbewerber", "konkurrent", "konkurrenten", "käufer", "verkäufer", "investor", "standort", "werk",
    "einheit", "bereich", "sektor", "branche", "startup", "start-up", "holding", "mutter", "mutterkonzern",
    "division", "arm", "business", "operations", "subsidiary", "company", "firm", "group", "maker", "producer",
    "manufacturer", "lender", "insurer", "rival", "competitor", "platform", "plattform", "unit", "carrier",
    "airline", "fluglinie", "fluggesellschaft", "retailer", "chain", "kette", "giant", "riese", "verwalter",
    "milliardär", "unternehmer", "finanzinvestor", "fonds", "fund", "manager",
)

# nationality adjective stems -> the demonym a text calls the company by ("die italienische Unicredit" ...
# "die Italiener"); German stems take the endings -e, -en, -er, -es
_DEMONYMS_DE = {
    "italienisch": "italiener", "dänisch": "dänen", "schweizer": "schweizer", "schweizerisch": "schweizer",
    "französisch": "franzosen", "amerikanisch": "amerikaner", "us-amerikanisch": "amerikaner",
    "britisch": "briten", "chinesisch": "chinesen", "japanisch": "japaner", "niederländisch": "niederländer",
    "spanisch": "spanier", "österreichisch": "österreicher", "schwedisch": "schweden", "tschechisch": "tschechen",
    "russisch": "russen", "indisch": "inder", "kanadisch": "kanadier", "koreanisch": "koreaner",
    "norwegisch": "norweger", "finnisch": "finnen", "polnisch": "polen", "belgisch": "belgier",
    "luxemburgisch": "luxemburger", "griechisch": "griechen", "türkisch": "türken", "brasilianisch": "brasilianer",
}
_DEMONYMS_EN = {
    "italian": "italians", "danish": "danes", "swiss": "swiss", "french": "french", "american": "americans",
    "british": "british", "chinese": "chinese", "japanese": "japanese", "dutch": "dutch", "spanish": "spaniards",
    "austrian": "austrians", "swedish": "swedes", "czech": "czechs", "russian": "russians", "indian": "indians",
    "canadian": "canadians", "korean": "koreans", "norwegian": "norwegians", "finnish": "finns",
    "german": "germans", "belgian": "belgians", "greek": "greeks", "brazilian": "brazilians",
}
# words for a part of something, never a name ("übernimmt die Mehrheit an Velmar", "half of the shares")
NOT_NAMES = frozenset("""
mehrheit minderheit hälfte drittel viertel fünftel rest teil großteil mehrzahl weiteres weitere
majority minority half third quarter fifth rest part bulk
""".split())
DEMONYMS = frozenset(_DEMONYMS_DE.values()) | frozenset(_DEMONYMS_EN.values())
_ADJ_DE = re.compile(r"\b(" + "|".join(sorted(_DEMONYMS_DE, key=len, reverse=True)) + r")(?:e|en|er|es)?\s+",
                     re.IGNORECASE)
_ADJ_EN = re.compile(r"\b(" + "|".join(sorted(_DEMONYMS_EN, key=len, reverse=True)) + r")\s+", re.IGNORECASE)
_CAP_WORD = re.compile(r"[A-ZÄÖÜ][\w&.-]*")
_ARTICLE_WORDS = frozenset(("the", "der", "die", "das", "des", "dem", "den"))


@lru_cache(maxsize=20_000)
def is_generic(name: str) -> bool:
    """Whether a holder's or object's name only describes a company ('institut', 'frankfurter geldhaus',
    'logistiksparte', 'the lender', 'italiener'): it fits any name. A name whose last word is a
    name ('lebensmittelgroßhändler metro') is not."""
    words = name.split()
    if not words:
        return False
    if len(words) > 1:            # "frankfurter geldhaus", "italian lender": only descriptors; "signature bank": a name
        return all(_describes(w) or _qualifies(w) for w in words) and _describes(words[-1])
    return _describes(words[0])


def _describes(word: str) -> bool:
    if word in GENERIC_DOERS or word in DEMONYMS:
        return True
    stems = (word, word[:-1]) if word.endswith("s") else (word,)      # genitive: "des Batterieherstellers"
    # a compound's head counts for the longer heads only: "Nordwerk" and "Finanzarm" may be names
    return any(w == h or len(h) >= 6 and len(w) > len(h) + 2 and w.endswith(h) for w in stems for h in _DESCRIPTOR_HEADS)


def _qualifies(word: str) -> bool:
    """An adjective before a descriptor: of a place ('frankfurter', 'mailänder'), a nationality
    ('italienische', 'danish', 'us'), or a size ('große', 'big')."""
    stem = re.sub(r"(?:e|en|er|es)$", "", word)
    return word.endswith("er") and len(word) > 5 or stem in _DEMONYMS_DE or word in _DEMONYMS_EN or \
        word in ("us", "u.s.", "uk", "eu", "big", "large", "small", "große", "größte", "kleine", "new", "neue", "the", "a",
                 "an", "der", "die", "das", "den", "dem", "des")


_PLACE_WORDS = frozenset("""
usa us u.s. uk eu europa europe standort standorte werk werke fabrik fabriken infrastruktur netz region
plant plants site sites factory factories infrastructure network region facility facilities
""".split())


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    """Country and region names in German and English (Babel's CLDR data)."""
    from babel import Locale
    names = set()
    for lang in ("de", "en"):
        names |= {n.lower() for n in Locale(lang).territories.values()}
    return frozenset(names)


@lru_cache(maxsize=20_000)
def is_place(name: str) -> bool:
    """Whether a frame's object is a place, not a company: a country or region ('Deutschland', 'the
    United States'), or a word for a site ('Standort', 'plant')."""
    words = name.split()
    if not words:
        return False
    return name in _territories() or words[-1] in _territories() or words[-1] in _PLACE_WORDS or \
        any(words[-1].endswith(w) for w in ("standort", "fabrik"))


def same_name(a: str, b: str) -> bool:
    """Two holders or objects are one when they share a word ('UniCredit' ~ 'Unicredit SpA', 'Mobil
    Oil' ~ 'Mobil'); an empty one, or one that only describes a company, fits anything. What a
    premium or a move is measured against ('vs closing price') is compared word for word."""
    if a.startswith("vs ") or b.startswith("vs "):
        return a == b or reference_key(a) == reference_key(b)
    if not a or not b or is_generic(a) or is_generic(b):
        return True
    wa, wb = _words(a), _words(b)
    if a.replace(" ", "").replace("-", "") == b.replace(" ", "").replace("-", ""):
        return True                 # "Orbis Quillon" ~ "OrbisQuillon"
    return bool(wa & wb) or a in b or b in a or _initials(a) == b.replace(".", "") or _initials(b) == a.replace(".", "")


# what a premium or a move is measured against, in either language: the close, an average, an offer
_REFERENCES = (("schluss", "close"), ("close", "close"), ("closing", "close"), ("durchschnitt", "average"),
               ("average", "average"), ("mittel", "average"), ("vwap", "average"), ("angebot", "offer"),
               ("offer", "offer"), ("bid", "offer"), ("gebot", "offer"), ("vorjahr", "year"), ("year", "year"),
               ("vortag", "day"), ("previous day", "day"), ("ausgabe", "issue"), ("issue", "issue"),
               ("buchwert", "book"), ("book", "book"), ("marktwert", "market"), ("market", "market"))
_UNDISTURBED = ("undisturbed", "unaffected", "unbeeinflusst", "ungestört")


def reference_key(ref: str) -> str:
    """What a reference names, in either language: 'vs frankfurt-schluss', 'vs frankfurt-schlusskurs', 'vs last
    close' and 'vs closing value' are the close; 'vs undisturbed closing' is the close before the news
    (another reference); a reference no word of the table names is its own words."""
    text = ref[3:] if ref.startswith("vs ") else ref
    found = sorted({c for stem, c in _REFERENCES if stem in text})
    if not found:
        return text
    return "+".join(found) + ("+undisturbed" if any(w in text for w in _UNDISTURBED) else "")


def _initials(name: str) -> str:
    """'silicon valley bank' -> 'svb': a name's initials, for its abbreviation."""
    words = name.split()
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


# words many company names end with: 'XTO Energy' and 'Parsley Energy' share no name
_NAME_SUFFIXES = frozenset("""
energy resources petroleum oil gas natural financial capital holding holdings group partners international
corporation corp inc co company plc ltd llc ag se gmbh sa nv spa industries technologies systems motors
airlines pharmaceuticals services investments bancorp
""".split())


def _words(name: str) -> set[str]:
    """A name's own words, without a German genitive -s ('Kretinskys Holding' ~ 'Kretinsky') and without
    the words that only describe ('Signature Bank' and 'First Republic Bank' share no name)."""
    words = [w for w in name.split() if not is_generic(w) and w not in ("of", "&", "the", "and", "und")
             and w not in _NAME_SUFFIXES] or name.split()
    return {w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words}


def demonym_aliases(text: str, language: str) -> dict[str, str]:
    """{demonym: name} for the companies a text introduces with their nationality ('die italienische
    Unicredit' -> {'italiener': 'unicredit'}, 'Danish rival DSV' -> {'danes': 'dsv'}); a demonym given
    to two different names in one text is left out (ambiguous)."""
    pattern, table = (_ADJ_DE, _DEMONYMS_DE) if language == "de" else (_ADJ_EN, _DEMONYMS_EN)
    found: dict[str, set[str]] = {}
    for m in pattern.finditer(text):
        stem = m.group(1).lower()
        if language == "de" and not m.group(0)[0].islower() and stem != "schweizer":
            continue                       # "Italienische ..." opening a sentence is fine, a name is not
        name = _name_after(text, m.end(), language)
        if name:
            found.setdefault(table[stem], set()).add(name)
    return {dem: next(iter(names)) for dem, names in sorted(found.items()) if len(names) == 1}


def _name_after(text: str, pos: int, language: str) -> str:
    """The name in the next few words after a nationality adjective, past descriptors ('Großbank
    Unicredit' -> 'unicredit', 'rival DSV' -> 'dsv', 'Swiss National Bank' -> 'national bank'); ''
    when the words only describe ('italienischen Medien' names no company: an inflected common noun)."""
    words: list[str] = []
    for m in re.finditer(r"\S+", text[pos:pos + 80]):
        w = m.group().strip(",.;:()\"„“”'’")
        low = w.lower()
        if not w or low in _ARTICLE_WORDS:
            break
        capital = bool(_CAP_WORD.fullmatch(w)) or w.isupper()
        if capital and language == "de" and is_generic(low):
            if words:
                break
            continue                       # "italienische Großbank Unicredit"
        if capital:
            if language == "de" and not words and inflected(w, "de"):
                break                      # "italienischen Medien": a common noun, inflected
            words.append(low)
            if m.group() != w:             # punctuation ends the name
                break
            continue
        if words or not low.isalpha() or not is_generic(low):
            break                          # English descriptors are lowercase: "Danish rival DSV"
    name = " ".join(words)
    return "" if not name or is_generic(name) and len(words) == 1 else name


def resolve_demonyms(figures: list[dict], text: str, language: str) -> None:
    """Replace a holder or object that is a demonym ('italiener') by the name the text introduced it
    with ('unicredit'), in place; the text is read only when some figure needs it."""
    if not any(f.get(k) in DEMONYMS for f in figures for k in ("holder", "object")):
        return
    aliases = demonym_aliases(text, language)
    for f in figures:
        for k in ("holder", "object"):
            if f.get(k) in aliases:
                f[k] = aliases[f[k]]
