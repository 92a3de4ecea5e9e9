"""The built-in vocabulary of quantities (name -> unit class and cue words) and its compiled,
cached form merged with a story's own `quantities`."""
from __future__ import annotations

import json
import re
from functools import lru_cache


# ---------------------------------------------------------------------------
# Quantities: what a figure measures
# ---------------------------------------------------------------------------
# name -> (unit class, cues). A cue is a word prefix ("investi" matches "investiert", "Investition");
# "*x" matches x anywhere in a word (German compounds: "Firmenbewertung"); "~x" is a weak cue (0.4),
# "!x" a strong one (1.5: words that name the quantity outright, "bewertet", "valued");
# a cue with a space is a phrase. Unit classes: money, percent, points, count, year, ordinal.
EXTRACT_QUANTITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "deal_amount": ("money", (
        "investi", "*investition", "übernahme", "*übernahme", "übernehm", "übernimmt", "übernommen", "kauf", "kauft",
        "gekauft", "*kaufpreis", "erwerb", "erwirbt", "erworben", "zukauf", "deal", "deals", "*deal", "transaktion",
        "einstieg", "~beteiligung", "~anteil", "~summe", "~betrag", "zahlt", "bezahlt", "~zahlen", "angebot",
        "*angebot", "offerte", "fusion", "mehrheit", "*mehrheit", "invest", "acquisition", "acquire", "buy", "buys",
        "bought", "purchase", "takeover", "transaction", "~stake", "paid", "pays", "pay", "paying", "offer", "bid",
        "merger", "~sum", "~amount", "majority", "~sold", "~sells", "versteigert", "~verkauft", "~verkauf",
    )),
    "valuation": ("money", (
        "!bewertet", "!bewertung", "!*bewertung", "~wert", "!valued", "!valuation", "!valuing", "!values",
        "~worth",
    )),
    "market_value": ("money", (
        "börsenwert", "*börsenwert", "marktwert", "marktkapitalisierung", "market value", "market cap",
        "market capitalisation", "market capitalization",
    )),
    "revenue": ("money", (
        "umsatz", "*umsatz", "umsätze", "erlös", "*erlöse", "einnahmen", "revenue", "revenues", "sales", "turnover",
    )),
    "profit": ("money", (
        "gewinn", "*gewinn", "überschuss", "ergebnis", "ebit", "ebitda", "profit", "profits", "net income",
        "earnings", "verdient",
    )),
    "loss": ("money", ("verlust", "*verlust", "fehlbetrag", "defizit", "loss", "losses", "deficit", "lost")),
    "price_per_share": ("money", ("je aktie", "pro aktie", "aktienkurs", "per share", "a share", "share price",
                                  "kurs", "*kurs")),
    "funding": ("money", ("finanzierungsrunde", "*finanzierungsrunde", "finanzierung", "risikokapital",
                          "eingesammelt", "sammelt", "funding", "raised", "raises", "raise", "~round", "venture")),
    "spending": ("money", ("ausgaben", "ausgeben", "investitionsausgaben", "infrastruktur", "*infrastruktur",
                           "rechenzentr", "initiative", "*initiativen", "budget", "*budget", "capex", "spending",
                           "spend", "capital expenditure", "data centre", "data center", "infrastructure",
                           "initiatives", "spent", "spends", "ausgegeben", "hardware")),
    "debt": ("money", ("schulden", "kredit", "*kredit", "darlehen", "*darlehen", "anleihe", "verbindlichkeiten",
                       "debt", "loan", "loans", "bond", "bonds", "borrow")),
    "price": ("money", ("kostet", "~kosten", "preis", "*preis", "price", "prices", "costs", "cost", "priced",
                        "ticket")),
    "backlog": ("money", ("auftragsbestand", "*auftragsbestand", "auftragseingang", "backlog", "order book",
                          "orders")),
    "fine": ("money", ("strafe", "*strafe", "bußgeld", "*bußgeld", "geldbuße", "fine", "fined", "penalty")),
    "tax_bill": ("money", ("!steuerschuld", "!*steuerschuld", "!steuernachforderung", "!*steuernachforderung",
                           "!steuerforderung", "!steuernachzahlung", "!tax bill", "!back tax", "!unpaid taxes",
                           "!tax claim", "!tax debt", "!tax demand", "in taxes")),
    "damages": ("money", ("!schadenersatz", "!schadensersatz", "!*schadenersatz", "!*schadensersatz",
                          "!damages")),
    "dividend": ("money", ("!dividende", "!*dividende", "ausschüttung", "!dividend", "!dividends")),
    "stake": ("percent", (
        "anteil", "*anteil", "beteiligung", "*beteiligung", "übernehm", "übernimmt", "übernommen", "kauf", "kauft",
        "erwerb", "erwirbt", "hält", "halten", "aktien", "stake", "share of", "holding", "owns", "acquire",
        "buy", "bought", "zahlt", "zahlen", "pay", "pays", "paying", "paid", "mehrheit", "majority",
    )),
    "market_share": ("percent", ("marktanteil", "*marktanteil", "market share")),
    "change": ("percent", ("gestiegen", "steigt", "stieg", "wachstum", "*wachstum", "gewachsen", "zugelegt", "plus",
                           "gesunken", "sinkt", "sank", "fiel", "gefallen", "rückgang", "*rückgang", "einbruch",
                           "verlor", "minus", "rose", "rise", "rises", "grew", "growth", "increase", "increased",
                           "jump", "jumped", "fell", "fall", "falls", "drop", "dropped", "decline", "declined",
                           "~up", "~down", "gain", "gained")),
    "change_points": ("points", ("gestiegen", "stieg", "gesunken", "sank", "fiel", "rose", "fell", "increase",
                                 "decrease", "up", "down")),
    "interest_rate": ("percent", ("zins", "*zins", "leitzins", "zinssatz", "rendite", "interest", "rate", "rates",
                                  "yield")),
    "inflation": ("percent", ("inflation", "teuerung", "preissteigerung")),
    "unemployment_rate": ("percent", ("arbeitslosenquote", "arbeitslos", "unemployment", "jobless")),
    "margin": ("percent", ("marge", "*marge", "margin")),
    "vote_share": ("percent", ("stimmen", "wähler", "votes", "vote", "wahl", "gewählt", "umfrage", "poll")),
    "users": ("count", ("nutzer", "*nutzer", "user", "users", "abonnent", "subscriber", "mitglied", "member",
                        "accounts", "konten")),
    "customers": ("count", ("kunden", "*kunden", "customers", "clients")),
    "employees": ("count", ("mitarbeiter", "*mitarbeiter", "beschäftigt", "angestellte", "belegschaft", "stellen",
                            "arbeitsplätze", "*worker", "arbeiter", "*arbeiter", "employees", "staff", "workers",
                            "jobs", "workforce", "people employed")),
    "shares": ("count", ("aktien", "shares", "anteilsscheine")),
    "people": ("count", ("menschen", "personen", "einwohner", "people", "persons", "residents", "inhabitants",
                         "bürger", "citizens", "besucher", "visitors", "zuschauer", "spectators")),
    "deaths": ("count", ("tote", "toten", "todesopfer", "getötet", "starben", "starb", "gestorben", "ums leben",
                         "tödlich", "dead", "killed", "deaths", "died", "fatalities")),
    "injured": ("count", ("verletzt", "verletzte", "verletzten", "*verletzte", "*verletzten", "verwundet",
                          "injured", "wounded")),
    "casualties": ("count", ("opfer", "victims", "casualties")),
    "year_founded": ("year", ("gegründet", "gründ", "*gründung", "founded", "founding", "founder", "established",
                              "aufgebaut", "ins leben gerufen", "set up")),
    "year_acquired": ("year", ("kauf", "gekauft", "übernahme", "übernommen", "erworben", "acquired", "acquisition",
                               "bought", "takeover")),
    "rank": ("ordinal", ()),
}
_UNIT_CLASS = {"percent": "percent", "percentage_points": "points", "count": "count", "year": "year",
                  "ordinal": "ordinal", "date": "date", "other": "other"}
_WORDRUN = re.compile(r"[^\W\d_]{2,}")
# ";", ":", dashes, or ", und/but...": one leading character set, so the engine scans fast
CLAUSE_BREAK = re.compile(r"[,;:–—](?:(?<=,) (?:und|aber|doch|während|sondern|but|while|whereas|and)\b|(?<!,))")


class Vocab:
    """Compiled cue vocabulary: built-in quantities merged with a story's own (which win)."""

    def __init__(self, quantities: dict | None):
        spec = {name: (unit, list(cues), 1.0) for name, (unit, cues) in EXTRACT_QUANTITIES.items()}
        for name, q in (quantities or {}).items():
            if not isinstance(q, dict):
                continue
            unit = unit_class_of(str(q.get("unit", "")) or spec.get(name, ("money",))[0])
            cues = [str(c) for c in (q.get("cues") or []) if str(c).strip()]
            spec[str(name)] = (unit, cues or (spec[name][1] if name in spec else []), 1.5)
        self.unit_of = {name: unit for name, (unit, _c, _w) in spec.items()}
        self.own = frozenset(str(n) for n, q in (quantities or {}).items() if isinstance(q, dict))
        self.prefix: dict[str, list] = {}
        self.infix: list[tuple[str, str, float]] = []
        self.phrases: list[tuple[str, str, float]] = []
        for name, (unit, cues, weight) in spec.items():
            for cue in cues:
                w = weight
                c = cue.strip().lower()
                if c.startswith("~"):
                    c, w = c[1:], weight * 0.4
                elif c.startswith("!"):
                    c, w = c[1:], weight * 1.5
                if not c:
                    continue
                if " " in c:
                    self.phrases.append((c, name, w))
                elif c.startswith("*"):
                    self.infix.append((c[1:], name, w * 0.8))   # a compound's head: a little weaker
                else:
                    self.prefix.setdefault(c, []).append((name, w))
        self.lengths = sorted({len(c) for c in self.prefix}, reverse=True)
        alts = [re.escape(c) for c in sorted(self.prefix, key=len, reverse=True)]
        infix = [re.escape(f) for f, _n, _w in self.infix]
        self.any_cue = re.compile("(?:" + "|".join(alts or ["(?!)"]) + ")" +
                                  ("|.*?(?:" + "|".join(infix) + ")" if infix else ""), re.S)
        self.phrase_map: dict[str, list] = {}
        for p, n, w in self.phrases:
            self.phrase_map.setdefault(p, []).append((n, w))
        self.phrase_list = [(p.split(" ", 1)[0], p, tuple(h)) for p, h in self.phrase_map.items()]
        # one search telling whether any phrase occurs at all: from each space, the rest of a phrase,
        # then a look back over the whole phrase (most spans hold none, and skip the phrase loop)
        self.phrase_gate = re.compile(" (?:" + "|".join(
            re.escape(p.split(" ", 1)[1]) + "(?<=" + re.escape(p) + ")" for p in self.phrase_map) + ")"
                                      ) if self.phrase_map else None
        self.cache: dict[str, tuple] = {}
        self.tok_cache: dict[str, tuple] = {}
        self.tok_hit: set[str] = set()            # the tokens of tok_cache that carry cues

    def token_cues(self, tok: str) -> tuple:
        """(hits, offset, length) for one lowercase whitespace-delimited token ('bewertet,',
        '$10b-investition'): the cues of its hyphen- or slash-separated parts; () when none. Memoised."""
        hit = self.tok_cache.get(tok)
        if hit is not None:
            return hit
        found: dict[str, float] = {}
        first = None
        for m in _WORDRUN.finditer(tok):
            cues = self.word_cues(m.group())
            if cues and first is None:
                first = m
            for name, w in cues:
                if w > found.get(name, 0):
                    found[name] = w
        # the position is that of the first part with a cue ("investition" in "$10b-investition")
        hit = (tuple(found.items()), first.start(), first.end() - first.start()) if found else ()
        if len(self.tok_cache) > 200_000:
            self.tok_cache.clear()
            self.tok_hit.clear()
        self.tok_cache[tok] = hit
        if hit:
            self.tok_hit.add(tok)
        return hit

    def word_cues(self, word: str) -> tuple:
        """((quantity, weight), ...) for one lowercase word; memoised."""
        hit = self.cache.get(word)
        if hit is not None:
            return hit
        if self.any_cue.match(word) is None:          # most words: one C-level test
            if len(self.cache) > 200_000:
                self.cache.clear()
            self.cache[word] = ()
            return ()
        found: dict[str, float] = {}
        for n in self.lengths:
            if n <= len(word):
                for name, w in self.prefix.get(word[:n], ()):
                    if w > found.get(name, 0):
                        found[name] = w
        for frag, name, w in self.infix:
            if frag in word and w > found.get(name, 0):
                found[name] = w
        hit = tuple(found.items())
        if len(self.cache) > 200_000:
            self.cache.clear()
        self.cache[word] = hit
        return hit


@lru_cache(maxsize=4096)
def unit_class_of(unit: str) -> str:
    """The unit class of a unit or of a story's quantity spec ('USD' -> money, 'percent' -> percent)."""
    u = unit.strip()
    if u.lower() in ("money", "currency"):
        return "money"
    if u.lower() in ("percentage_points", "points"):
        return "points"
    if u.lower() in _UNIT_CLASS:
        return _UNIT_CLASS[u.lower()]
    if len(u) == 3 and u.isalpha():
        return "money"
    return u.lower() or "money"


_VOCAB_CACHE: dict[str, Vocab] = {}


def vocab(quantities: dict | None) -> Vocab:
    """The compiled vocabulary for a story's quantities parameter (cached per distinct parameter)."""
    if not quantities:
        key = ""
        voc = _VOCAB_CACHE.get(key)
        if voc is not None:
            return voc
    try:
        key = json.dumps(quantities, sort_keys=True, default=str) if quantities else ""
    except (TypeError, ValueError):
        key = repr(quantities)
    voc = _VOCAB_CACHE.get(key)
    if voc is None:
        if len(_VOCAB_CACHE) > 64:
            _VOCAB_CACHE.clear()
        voc = _VOCAB_CACHE[key] = Vocab(quantities)
    return voc
