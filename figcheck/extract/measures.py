"""Measure words: the nouns and verbs that say what a figure measures, their lemmas, and the
bilingual table of synonyms that names common measures alike in both languages.

A figure's measure is read by extract/frames.py from the words bound to it ("Anteil von 15
Prozent", "a $900m loan", "investiert 14,3 Milliarden"). `lemma` gives the word's dictionary
form (simplemma, with a few corrections); `measure_key` turns a measure into the key figures are
grouped by: a concept of the table below when the word (or the head of a German compound) is a
known synonym, else the lemma itself, so that a measure no table knows ("Hilfspaket", "break
fee") still groups the figures that use it.
"""
from __future__ import annotations

import re
from functools import lru_cache

# concept -> (unit classes it can have, words: German and English lemmas, lowercase; a German
# compound's head counts too, so "Kaufpreis" needs no entry of its own when "preis" is one)
CONCEPTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "deal_amount": (("money",), (
        "kaufpreis", "übernahmepreis", "transaktionswert", "transaktionsvolumen", "deal", "deal value",
        "purchase price", "transaction value", "consideration", "acquisition price", "takeover price", "agreement",
        "transaction", "purchase", "acquisition", "takeover", "buyout", "merger", "übernahme", "kauf", "erwerb",
        "zukauf", "transaktion", "fusion", "geschäft", "milliardengeschäft", "rekordgeschäft", "sale", "verkauf",
        "verkaufspreis", "sale price", "selling price", "price tag", "tie-up", "summe", "gesamtsumme", "betrag",
        "kaufsumme", "sum", "amount", "deal size", "investition", "investment", "investitionssumme", "einstieg",
        "milliardeninvestition")),
    "offer": (("money",), ("offer", "bid", "angebot", "übernahmeangebot", "gebot", "offerte", "kaufangebot",
                           "takeover bid", "takeover offer")),
    "enterprise_value": (("money",), ("enterprise value", "unternehmenswert", "value including debt",
                                      "deal value including debt", "total enterprise value", "transaction value including debt",
                                      "value including net debt", "implied total enterprise value")),
    "investment": (("money",), ("capital injection", "kapitalspritze")),
    "equity": (("money",), ("eigenkapital", "equity", "kernkapital", "equity capital", "eigenmittel",
                            "core capital", "tier 1 capital")),
    "commitment": (("money",), ("zusage", "investitionszusage", "commitment", "equity commitment", "pledge",
                                "investment commitment", "verpflichtung")),
    "valuation": (("money",), ("bewertung", "valuation", "firmenwert", "unternehmensbewertung",
                               "company valuation")),
    "market_value": (("money",), ("börsenwert", "marktwert", "marktkapitalisierung", "market value",
                                  "market cap", "market capitalisation", "market capitalization", "closing value")),
    "price_per_share": (("money",), ("price per share", "per-share price", "zuteilungspreis", "ausgabepreis",
                                     "angebotspreis", "platzierungspreis", "offer price", "bid price",
                                     "übernahmepreis je aktie", "exercise price")),
    "share_price": (("money",), ("aktienkurs", "kurs", "share price", "stock price", "schlusskurs", "closing price",
                                 "börsenkurs", "xetra-schluss", "close")),
    "proceeds": (("money",), ("erlös", "gesamterlös", "verkaufserlös", "einnahme", "proceeds")),
    "net_proceeds": (("money",), ("nettoerlös", "net proceeds", "nettoeinnahme")),
    "revenue": (("money",), ("umsatz", "revenue", "sales", "turnover", "jahresumsatz", "konzernumsatz",
                             "annual revenue", "annual sales")),
    "profit": (("money",), ("gewinn", "profit", "earnings", "net income", "überschuss", "nettogewinn",
                            "reingewinn", "jahresgewinn", "betriebsgewinn", "operating profit", "ebit", "ebitda")),
    "loss": (("money",), ("verlust", "loss", "fehlbetrag", "net loss", "nettoverlust", "defizit", "deficit",
                          "abschreibung", "writedown", "write-down", "write-off")),
    "debt": (("money",), ("schuld", "schulden", "verschuldung", "verbindlichkeit", "nettofinanzschulden",
                          "schuldenlast", "schuldenberg", "schuldenstand", "finanzschulden", "debt load",
                          "nettoschulden", "debt", "net debt", "liabilities", "borrowing")),
    "loan": (("money",), ("kredit", "darlehen", "förderkredit", "loan", "credit line", "credit facility",
                          "kreditlinie", "bridge loan", "überbrückungskredit")),
    "bond": (("money",), ("anleihe", "bond", "bonds", "note")),
    "guarantee": (("money",), ("garantie", "bürgschaft", "guarantee", "loss guarantee", "verlustgarantie",
                               "staatsgarantie", "backstop")),
    "aid": (("money",), ("hilfe", "hilfspaket", "rettungspaket", "staatshilfe", "kapitalhilfe", "aid",
                         "bailout", "rescue package", "rescue", "subvention", "subsidy", "zuschuss", "grant",
                         "stützung")),
    "liquidity": (("money",), ("liquiditätshilfe", "liquidity assistance", "liquidity", "emergency liquidity",
                               "liquidity support", "liquidity backstop", "liquiditätsspritze", "liquiditätslinie")),
    "funding": (("money",), ("finanzierung", "finanzierungsrunde", "funding", "funding round", "capital raise",
                             "raise", "fundraising", "capital increase", "kapitalerhöhung", "offering",
                             "share offering", "risikokapital", "venture capital", "share sale", "stock sale",
                             "stock offering", "equity raise", "capital raising")),
    "dividend": (("money",), ("dividende", "dividend", "ausschüttung")),
    "fine": (("money",), ("strafe", "geldstrafe", "bußgeld", "geldbuße", "fine", "penalty", "settlement",
                          "vergleich")),
    "damages": (("money",), ("schadenersatz", "schadensersatz", "damages", "compensation", "entschädigung")),
    "tax_bill": (("money",), ("steuerschuld", "steuernachforderung", "steuerforderung", "tax bill", "back taxes",
                              "tax claim", "back tax", "back tax bill", "unpaid tax", "unpaid taxes", "tax", "taxes",
                              "steuer", "steuern", "steuernachzahlung")),
    "backlog": (("money",), ("auftragsbestand", "backlog", "order backlog", "order book", "auftragsvolumen")),
    "fee": (("money",), ("gebühr", "fee", "break fee", "termination fee", "breakup fee", "provision",
                         "vertragsstrafe")),
    "spending": (("money",), ("ausgabe", "ausgaben", "spending", "capex", "budget", "aufwand", "expenditure",
                              "investitionsausgaben", "spend")),
    "price": (("money",), ("kosten", "cost", "costs", "preis", "price", "ticketpreis", "listenpreis")),
    "deposits": (("money",), ("einlage", "einlagen", "kundeneinlagen", "deposits", "deposit", "customer deposits",
                              "customer account", "customer accounts", "kundengelder", "kundengeld")),
    # a ceiling per item: "$100,000 insurance limit", "Einlagen bis zu 100.000 Euro" (frames: a noun 'up to')
    "limit": (("money",), ("limit", "insurance limit", "deposit insurance limit", "cap", "ceiling", "obergrenze",
                           "höchstgrenze", "grenze", "deckel", "sicherungsgrenze")),
    "withdrawals": (("money",), ("abfluss", "abflüsse", "abhebung", "withdrawals", "withdrawal", "outflow",
                                 "outflows")),
    "assets": (("money",), ("vermögen", "vermögenswerte", "bilanzsumme", "assets", "total assets",
                            "assets under management", "verwaltetes vermögen")),
    "net_worth": (("money",), ("privatvermögen", "net worth", "fortune", "wealth", "vermögen")),
    "salary": (("money",), ("gehalt", "lohn", "salary", "pay", "wage", "wages", "bonus", "vergütung",
                            "compensation package")),
    "stake": (("percent",), ("anteil", "beteiligung", "aktienpaket", "paket", "stake", "holding", "position",
                             "gesamtposition", "share", "interest", "ownership", "equity stake", "minderheitsbeteiligung",
                             "mehrheitsbeteiligung", "staatsanteil", "stimmrecht", "voting rights", "kapitalanteil",
                             "einstieg", "anteilsschein")),
    "premium": (("percent", "money"), ("prämie", "aufschlag", "aufpreis", "premium", "markup")),
    "discount": (("percent", "money"), ("abschlag", "rabatt", "discount")),
    "market_share": (("percent",), ("marktanteil", "market share")),
    "interest_rate": (("percent",), ("zins", "zinssatz", "leitzins", "rendite", "interest rate", "rate", "yield",
                                     "coupon", "kupon")),
    "inflation": (("percent",), ("inflation", "teuerung", "inflationsrate", "inflation rate")),
    "unemployment_rate": (("percent",), ("arbeitslosenquote", "unemployment rate", "unemployment", "jobless rate")),
    "margin": (("percent",), ("marge", "margin", "gewinnmarge", "profit margin")),
    "growth": (("percent",), ("wachstum", "growth", "zuwachs", "anstieg", "increase", "rise", "gain", "plus")),
    "decline": (("percent",), ("rückgang", "einbruch", "decline", "drop", "fall", "slump", "minus", "verlust",
                               "tumble", "plunge", "slide", "sell-off", "kurssturz", "kursverlust", "absturz")),
    "employees": (("count",), ("mitarbeiter", "mitarbeiterin", "beschäftigte", "beschäftigter", "angestellte",
                               "arbeitnehmer", "belegschaft", "employee", "employees", "staff", "worker", "workers",
                               "workforce", "personnel", "beschäftigten", "mitarbeitende", "mitarbeitenden",
                               "angestellten", "arbeitskräfte", "people employed")),
    "jobs": (("count",), ("stelle", "arbeitsplatz", "job", "jobs", "position", "posten")),
    "job_cuts": (("count",), ("stellenabbau", "jobabbau", "job cuts", "layoffs", "redundancies", "entlassung",
                              "kündigung")),
    "customers": (("count",), ("kunde", "kunden", "customer", "customers", "client", "clients")),
    "users": (("count",), ("nutzer", "user", "users", "abonnent", "subscriber", "subscribers", "mitglied", "member")),
    "shares": (("count",), ("aktie", "aktien", "share", "shares", "anteilsschein", "anteilsscheine", "papier",
                            "papiere", "stück")),
    "people": (("count",), ("mensch", "menschen", "person", "personen", "people", "einwohner", "residents")),
    "deaths": (("count",), ("tote", "todesopfer", "death", "deaths", "dead", "fatalities", "tot")),
    "injured": (("count",), ("verletzte", "injured", "wounded", "verwundete", "verletzt", "verletzter")),
    "countries": (("count",), ("land", "länder", "country", "countries", "staat", "staaten", "markt", "märkte",
                               "market", "markets")),
    "sites": (("count",), ("standort", "standorte", "site", "sites", "filiale", "filialen", "branch", "branches",
                           "store", "stores", "werk", "werke", "plant", "plants", "niederlassung")),
    "capacity": (("other", "count"), ("kapazität", "produktionskapazität", "capacity", "production capacity",
                                      "rohstahlkapazität", "rohstahlproduktion", "produktion", "production",
                                      "output", "förderung")),
    "rank": (("ordinal",), ("rang", "platz", "rank", "place", "position", "stelle")),
    "failure": (("ordinal", "count"), ("failure", "collapse", "pleite", "zusammenbruch", "insolvenz", "bankruptcy",
                                       "bankenpleite", "bank failure", "bank collapse", "banking collapse")),
    "shareholder_rank": (("ordinal",), ("aktionär", "aktionärin", "anteilseigner", "anteilseignerin", "shareholder",
                                        "investor", "eigentümer", "owner")),
}

# measure verbs: lemma -> concept (by unit class, '*' any); a verb frame is weaker than a noun
VERBS: dict[str, dict[str, str]] = {
    # buying, paying, selling: the price
    "kaufen": {"money": "deal_amount", "percent": "stake"}, "erwerben": {"money": "deal_amount", "percent": "stake"},
    "übernehmen": {"money": "deal_amount", "percent": "stake"}, "zahlen": {"money": "deal_amount"},
    "bezahlen": {"money": "deal_amount"}, "buy": {"money": "deal_amount", "percent": "stake"},
    "acquire": {"money": "deal_amount", "percent": "stake"}, "purchase": {"money": "deal_amount", "percent": "stake"},
    "pay": {"money": "deal_amount"}, "take over": {"money": "deal_amount"},
    # a share sold: a package that changes hands, not a holding (frame_roles reads the buyer as its holder)
    "verkaufen": {"money": "deal_amount", "percent": "stake_sold"},
    "veräußern": {"money": "deal_amount", "percent": "stake_sold"},
    "abgeben": {"percent": "stake_sold"}, "sell": {"money": "deal_amount", "percent": "stake_sold"},
    "offer": {"money": "offer"}, "bid": {"money": "offer"}, "bieten": {"money": "offer"},
    "investieren": {"money": "deal_amount"}, "invest": {"money": "deal_amount"},
    "einsteigen": {"money": "deal_amount", "percent": "stake"},
    # value
    "bewerten": {"money": "valuation"}, "value": {"money": "valuation"},
    # holding
    "halten": {"percent": "stake", "count": "shares"}, "besitzen": {"percent": "stake"},
    "kontrollieren": {"percent": "stake"}, "hold": {"percent": "stake"}, "own": {"percent": "stake"},
    "control": {"percent": "stake"}, "aufstocken": {"percent": "stake"}, "ausbauen": {"percent": "stake"},
    "beteiligen": {"percent": "stake"},
    "erhöhen": {"percent": "stake"}, "reduzieren": {"percent": "stake"},
    # money in, money out
    "einsammeln": {"money": "funding"}, "raise": {"money": "funding"}, "aufnehmen": {"money": "loan"},
    "borrow": {"money": "loan"}, "lend": {"money": "loan"}, "leihen": {"money": "loan"},
    "verdienen": {"money": "profit"}, "earn": {"money": "profit"}, "verlieren": {"money": "loss", "percent": "decline"},
    "lose": {"money": "loss", "percent": "decline"}, "ausgeben": {"money": "spending"}, "spend": {"money": "spending"},
    "kosten": {"money": "price"}, "cost": {"money": "price"}, "einnehmen": {"money": "proceeds"},
    "kill": {"count": "deaths"}, "die": {"count": "deaths"}, "sterben": {"count": "deaths"},
    "töten": {"count": "deaths"}, "injure": {"count": "injured"}, "wound": {"count": "injured"},
    "verletzen": {"count": "injured"}, "tot": {"count": "deaths"}, "dead": {"count": "deaths"},
    "verletzt": {"count": "injured"},
    "erlösen": {"money": "proceeds"}, "bringen": {"money": "proceeds"}, "fetch": {"money": "deal_amount"},
    "umsetzen": {"money": "revenue"}, "withdraw": {"money": "withdrawals"}, "abheben": {"money": "withdrawals"},
    "abziehen": {"money": "withdrawals"}, "take out": {"money": "withdrawals"}, "pull out": {"money": "withdrawals"},
    # jobs
    "streichen": {"count": "job_cuts"}, "abbauen": {"count": "job_cuts"}, "cut": {"count": "job_cuts"},
    "kürzen": {"count": "job_cuts"}, "wegfallen": {"count": "job_cuts"}, "eliminate": {"count": "job_cuts"},
    "slash": {"count": "job_cuts"}, "axe": {"count": "job_cuts"}, "shed": {"count": "job_cuts"},
    "entlassen": {"count": "job_cuts"}, "lay off": {"count": "job_cuts"}, "beschäftigen": {"count": "employees"},
    "employ": {"count": "employees"},
    # moves of a price or a level
    "steigen": {"percent": "growth"}, "rise": {"percent": "growth"}, "klettern": {"percent": "growth"},
    "zulegen": {"percent": "growth"}, "gain": {"percent": "growth"}, "jump": {"percent": "growth"},
    "climb": {"percent": "growth"}, "fallen": {"percent": "decline"}, "sinken": {"percent": "decline"},
    "fall": {"percent": "decline"}, "drop": {"percent": "decline"}, "decline": {"percent": "decline"},
    "slump": {"percent": "decline"}, "tumble": {"percent": "decline"}, "plunge": {"percent": "decline"},
    "sink": {"percent": "decline"}, "lose value": {"percent": "decline"}, "verlieren value": {"percent": "decline"},
    "einbrechen": {"percent": "decline"}, "nachgeben": {"percent": "decline"}, "anziehen": {"percent": "growth"},
    "slide": {"percent": "decline"}, "sag": {"percent": "decline"}, "soar": {"percent": "growth"},
    "surge": {"percent": "growth"}, "abstürzen": {"percent": "decline"}, "fallen lassen": {"percent": "decline"},
    "wachsen": {"percent": "growth"}, "grow": {"percent": "growth"},
}
# verb forms simplemma misses or reads as nouns; English irregular past forms
VERB_FORMS = {
    "beteiligt": "beteiligen", "beteiligte": "beteiligen",
    "paid": "pay", "pays": "pay", "paying": "pay", "bought": "buy", "buys": "buy", "buying": "buy", "sold": "sell",
    "sells": "sell", "selling": "sell", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall",
    "lost": "lose", "held": "hold", "holds": "hold", "owns": "own", "owned": "own", "raised": "raise",
    "raises": "raise", "raising": "raise", "valued": "value", "values": "value", "valuing": "value",
    "cut": "cut", "cuts": "cut", "cutting": "cut", "earned": "earn", "spent": "spend", "lent": "lend",
    "offered": "offer", "offers": "offer", "offering": "offer", "bid": "bid", "bids": "bid",
    "acquired": "acquire", "acquires": "acquire", "acquiring": "acquire", "invested": "invest",
    "invests": "invest", "investing": "invest", "gained": "gain", "jumped": "jump", "dropped": "drop",
    "declined": "decline", "slumped": "slump", "tumbled": "tumble", "plunged": "plunge", "climbed": "climb",
    "grew": "grow", "borrowed": "borrow", "fetched": "fetch", "employs": "employ", "employed": "employ",
    "controls": "control", "controlled": "control", "purchased": "purchase", "killed": "kill", "kills": "kill",
    "died": "die", "dies": "die", "injured": "injure", "wounded": "wound", "starben": "sterben", "starb": "sterben",
    "gestorben": "sterben", "getötet": "töten", "tötete": "töten", "töteten": "töten",
    "hält": "halten", "hielt": "halten", "hielten": "halten", "gehalten": "halten",
    "übernimmt": "übernehmen", "übernahm": "übernehmen", "übernommen": "übernehmen",
    "erwirbt": "erwerben", "erwarb": "erwerben", "erworben": "erwerben", "kaufte": "kaufen", "gekauft": "kaufen",
    "zahlt": "zahlen", "zahlte": "zahlen", "gezahlt": "zahlen", "bezahlt": "bezahlen", "bezahlte": "bezahlen",
    "verkaufte": "verkaufen", "verkauft": "verkaufen", "veräußerte": "veräußern", "veräußert": "veräußern",
    "investiert": "investieren", "investierte": "investieren", "bewertet": "bewerten", "bewertete": "bewerten",
    "steigt": "steigen", "stieg": "steigen", "gestiegen": "steigen", "sank": "sinken", "sinkt": "sinken",
    "gesunken": "sinken", "fiel": "fallen", "fällt": "fallen", "gefallen": "fallen", "verlor": "verlieren",
    "verloren": "verlieren", "verdiente": "verdienen", "verdient": "verdienen", "streicht": "streichen",
    "strich": "streichen", "gestrichen": "streichen", "baut": "abbauen", "abgebaut": "abbauen",
    "beschäftigt": "beschäftigen", "kontrolliere": "kontrollieren", "kontrolliert": "kontrollieren",
    "besitzt": "besitzen", "nahm": "einnehmen", "eingenommen": "einnehmen", "brachte": "bringen",
    "steigt ein": "einsteigen", "stieg ein": "einsteigen", "eingestiegen": "einsteigen", "einzusteigen": "einsteigen",
    "stockte": "aufstocken", "aufgestockt": "aufstocken", "aufzustocken": "aufstocken", "legte": "zulegen",
    "zugelegt": "zulegen", "legten": "zulegen", "zog": "anziehen", "bot": "bieten", "bietet": "bieten",
    "geboten": "bieten", "sammelte": "einsammeln", "eingesammelt": "einsammeln", "kostet": "kosten",
    "kostete": "kosten", "gekostet": "kosten", "reduziert": "reduzieren", "reduzierte": "reduzieren",
    "erhöht": "erhöhen", "erhöhte": "erhöhen", "auszubauen": "ausbauen", "ausgebaut": "ausbauen",
    "baute": "ausbauen", "gibt": "geben", "withdrew": "withdraw", "withdrawn": "withdraw", "withdraws": "withdraw",
    "hoben": "abheben", "hob": "abheben", "abgehoben": "abheben", "zogen": "abziehen", "abgezogen": "abziehen",
}
# words that are never a measure though they sit where one could (articles, pronouns, quantifiers...)
NOT_MEASURES = frozenset("""
last next previous this current former latest new old first second third same such own several few many
vorjahr letzten nächsten vergangenen kommenden ersten zweiten dritten gleichen eigenen
a an the this that these those its their his her our your my some any each every all both other another such
more less most least only just about around nearly almost over under up down per than then also still even
which who whom whose what when where why how whether if as at by for from in into of on onto to with without
and or but nor so yet after before since until while during against between among through across via
is are was were be been being has have had having do does did will would shall should can could may might must
it they he she we you i them him us me one two three four five six seven eight nine ten
der die das den dem des ein eine einer einem einen eines und oder aber doch sondern mit ohne von vom zu zum zur
für gegen um auf an am im in ins aus bei nach seit bis über unter vor hinter neben zwischen durch je pro als wie
ist sind war waren sein wird werden wurde wurden hat haben hatte hatten kann können soll sollen will wollen
rund etwa fast knapp gut mehr weniger insgesamt zusammen jeweils bereits schon noch nur erst nun jetzt damit
dabei davon dafür darauf sowie bzw beziehungsweise euro dollar prozent percent cent cents million millionen
milliarde milliarden billion billions millions mio mrd bn m tsd thousand tausend hundert hundred
year years jahr jahre jahren month months monat monate monaten week weeks woche wochen day days tag tage tagen
following toward towards including excluding according amid despite regarding concerning versus vs within upon
overnight today yesterday tomorrow ago earlier later alone apiece
er sie es wir ihr man dieser diese dieses jener jene
now currently already still again then once yet soon recently previously formerly initially
makes includes applies comes goes means gives puts takes brings remains represents marks shows covers adds
says sees needs helps lifts cuts pushes leaves keeps gets sets stands ranks equals exceeds tops values
""".split()) | frozenset("""
""".split())

# German separable verbs: the particle at the clause's end ("steigt ... ein" -> einsteigen)
PARTICLES = frozenset(("ein", "auf", "ab", "aus", "an", "zu", "zurück", "vor", "mit", "bei", "fest", "hoch"))
# nouns of buying and selling: a figure "for" after them is the price ("acquisition of X for $30bn")
_PURCHASE_NOUNS = frozenset(("purchase", "acquisition", "takeover", "buyout", "deal", "sale", "merger", "kauf",
                             "übernahme", "erwerb", "verkauf", "zukauf", "deal", "transaktion", "veräußerung",
                             "agreement", "transaction"))
# holders named in many ways: one key (the state as Staat, Bund, Regierung, government...)
_HOLDERS = {
    "staat": "state", "staats": "state", "bund": "state", "bundes": "state", "bundesregierung": "state",
    "regierung": "state", "regierungs": "state", "finanzagentur": "state", "government": "state",
    "state": "state", "federal government": "state", "bundesrepublik": "state", "treasury": "state",
    "deutschen staates": "state", "deutschen bundes": "state", "staates": "state", "staats-": "state",
}


def is_purchase_noun(lem: str) -> bool:
    """Whether a lemma names a purchase or sale ('acquisition', 'Übernahme'): its "for" names the price."""
    return lem in _PURCHASE_NOUNS or lem.rsplit(" ", 1)[-1] in _PURCHASE_NOUNS


@lru_cache(maxsize=50_000)
def holder_key(name: str, compound: bool = False) -> str:
    """One key for a holder's many names (articles and adjectives dropped, the state's names alike);
    with `compound`, the holder named by the first part of a measure ('staatsanteil' -> 'state'),
    else ''."""
    name = " ".join(name.replace("’", "'").split()).lower()
    if compound:
        for prefix, key in _HOLDERS.items():
            if name.startswith(prefix) and len(name) > len(prefix) + 3 and _head(name):
                return key
        return ""
    if name in _HOLDERS:
        return _HOLDERS[name]
    words = [w for w in name.split() if w not in _ADJECTIVES]
    for w in words:
        if w in _HOLDERS:
            return _HOLDERS[w]
    return " ".join(words)


_ADJECTIVES = frozenset(("deutschen", "deutsche", "deutscher", "italienische", "italienischen", "dänische",
                         "dänischen", "the", "der", "die", "das", "des", "dem", "den"))
_WORD_SPLIT = re.compile(r"[-/]")
_POSSESSIVE = re.compile(r"(?<=\w)(?:'s|’s)\b")
_LEMMATIZER = None
_LEMMA_FIXES = {("de", "schulden"): "schulden", ("de", "jobs"): "job", ("de", "importen"): "import",
                ("en", "cutting"): "cut", ("en", "rose"): "rise", ("en", "sales"): "sales",
                ("en", "earnings"): "earnings", ("en", "damages"): "damages", ("en", "assets"): "assets",
                ("en", "proceeds"): "proceeds", ("en", "offering"): "offering", ("en", "offerings"): "offering", ("en", "deposits"): "deposits", ("en", "savings"): "savings",
                ("en", "shares"): "share", ("en", "losses"): "loss", ("en", "data"): "data",
                ("de", "beschäftigten"): "beschäftigte", ("de", "toten"): "tote", ("de", "verletzten"): "verletzte",
                ("de", "einnahmen"): "einnahme", ("de", "kosten"): "kosten", ("de", "ausgaben"): "ausgabe"}


def _lemmatizer():
    """simplemma's lemmatizer (greedy for German compounds), made once per process (about 1 s)."""
    global _LEMMATIZER
    if _LEMMATIZER is None:
        from simplemma import Lemmatizer
        from simplemma.strategies import DefaultStrategy
        _LEMMATIZER = Lemmatizer(cache_max_size=0, lemmatization_strategy=DefaultStrategy(greedy=True))
    return _LEMMATIZER


_PLAIN = None


@lru_cache(maxsize=50_000)
def inflected(word: str, language: str) -> bool:
    """Whether a capitalised word is an inflected form of a dictionary word ('Medien' of 'Medium',
    'Staates' of 'Staat'), so no name; names the dictionary does not know stay as they are
    ('Kretinsky', where the greedy lemma strips an ending). simplemma without its greedy mode."""
    global _PLAIN
    if _PLAIN is None:
        from simplemma import Lemmatizer
        from simplemma.strategies import DefaultStrategy
        _PLAIN = Lemmatizer(cache_max_size=0, lemmatization_strategy=DefaultStrategy(greedy=False))
    try:
        return _PLAIN.lemmatize(word, language).lower() != word.lower()
    except (ValueError, KeyError):
        return False


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The word's lemma, casefolded: 'Anteils' -> 'anteil', 'loans' -> 'loan', 'hält' -> 'halten'."""
    low = word.lower()
    fixed = _LEMMA_FIXES.get((language, low)) or VERB_FORMS.get(low)
    if fixed:
        return fixed
    if not word or not word[0].isalpha():
        return low
    try:
        return _lemmatizer().lemmatize(word, language).lower()
    except (ValueError, KeyError):
        return low


_WORD_CONCEPT: dict[str, str] = {}          # a word's first concept
_WORD_CONCEPTS: dict[str, list[str]] = {}    # all its concepts: "Einstieg" is a deal's amount or a stake
for _concept, (_units, _words) in CONCEPTS.items():
    for _w in _words:
        _WORD_CONCEPT.setdefault(_w, _concept)
        _WORD_CONCEPTS.setdefault(_w, []).append(_concept)


def is_measure_word(word: str) -> bool:
    """Whether a lemma is itself a measure of the table ('anteil', 'kaufpreis'), not only by its
    compound head: 'Nordwerk' may be a name, though a 'Werk' is a site."""
    return word in _WORD_CONCEPTS


def _concept_for(word: str, unit_class: str) -> str:
    """The word's concept that fits the unit class (the first one when no class is given); ''."""
    for concept in _WORD_CONCEPTS.get(word, ()):
        if not unit_class or unit_class in CONCEPTS[concept][0]:
            return concept
    return ""
_HEADS = sorted((w for w in _WORD_CONCEPT if " " not in w), key=len, reverse=True)
# heads that end many compounds which are not measures ("Tankstelle", "Parkplatz")
_NOT_HEAD_OF = {"stelle": ("tank", "annahme", "sammel", "bau", "halte", "feuer", "unfall", "dienst", "grenz",
                           "anlauf", "schnitt", "fund", "tat", "brand", "leit", "verwaltungs", "geschäfts"),
                "platz": ("park", "spiel", "sport", "markt", "dorf", "kirch", "rat", "bahnhofs"),
                "hilfe": ("spiel", "orientierungs", "entscheidungs", "schützen", "formulierungs"),
                "papier": ("positions", "strategie", "eck", "grundsatz", "diskussions"),
                "land": ("bundes", "heimat", "aus", "aus-"), "markt": ("super", "wochen", "floh", "weihnachts")}


@lru_cache(maxsize=100_000)
def measure_key(measure: str, unit_class: str = "") -> tuple[str, bool]:
    """(key, known) for a measure lemma (one word or a phrase): the concept of the synonym table
    when the phrase, the word or a German compound's head is listed there and the concept fits
    the unit class; else the measure itself. known tells which."""
    m = " ".join(_POSSESSIVE.sub(" ", measure).split()).lower()    # "the transaction's value"
    if not m:
        return "", False
    whole = _concept_for(m, unit_class)
    if whole:
        return whole, True
    for link in (" before ", " after ", " vor ", " nach ", " excluding ", " including ", " ohne ", " inklusive ",
                 " einschließlich "):
        if link in m:                          # "profit before tax": a profit; the rest qualifies it
            base, rest = m.split(link, 1)
            key, known = measure_key(base, unit_class)
            if link.strip() not in ("including", "inklusive", "einschließlich"):
                return key, known
            if key in ("deal_amount", "valuation", "offer") and ("debt" in rest or "schulden" in rest):
                return "enterprise_value", True    # "the deal's value including debt": an enterprise value
            return f"{key}_incl", known
    words = m.split()
    for k in range(1, len(words) - 1):          # "regional jobless rate": its known tail, "jobless rate"
        tail = _concept_for(" ".join(words[k:]), unit_class)
        if tail:
            return tail, True
    last = m.rsplit(" ", 1)[-1]
    part = _WORD_SPLIT.split(last)[-1]          # "euro-hilfspaket" -> "hilfspaket"
    head = _head(last)
    if head and head != part and _modifier_is_measure(part[: -len(head)]):
        head = ""          # "Umsatzanteil", "Marktwert": a share of revenue is not a stake
    units = ("money", "count") if unit_class == "money_or_count" else (unit_class,)
    for cand in (m, last, part, head):
        concept = next((c for u in units for c in [_concept_for(cand, u)] if c), "")
        if concept:
            return concept, True
    return (part if part != last and part and len(part) > 3 else m), False


_GENERIC_MODIFIERS = ("gesamt", "netto", "brutto", "jahres", "konzern", "kapital", "minderheits", "mehrheits",
                      "milliarden", "millionen", "rekord", "rest", "zusatz", "sonder", "teil", "direkt", "basis",
                      "staats", "bundes", "aktien", "anteils", "rettungs", "not", "förder", "eigenkapital",
                      "fremdkapital")


def _modifier_is_measure(modifier: str) -> bool:
    """Whether a compound's first part names a measure of its own ('umsatz' in 'Umsatzanteil'),
    so that the compound is not its head's measure; generic parts ('Gesamt-', 'Jahres-') are not."""
    mod = modifier.strip("-").rstrip("s") if modifier.endswith("s") and len(modifier) > 4 else modifier.strip("-")
    if not mod or mod.startswith(_GENERIC_MODIFIERS) or modifier.startswith(_GENERIC_MODIFIERS):
        return False
    return mod in _WORD_CONCEPT or modifier.strip("-") in _WORD_CONCEPT


_HEAD_SET = frozenset(_HEADS)
_HEAD_LENGTHS = sorted({len(h) for h in _HEADS}, reverse=True)


@lru_cache(maxsize=100_000)
def _head(word: str) -> str:
    """A German compound's head among the listed measure words ('rettungspaket' -> 'paket'), or '':
    the longest listed word the compound ends with, at least three letters before it."""
    word = _WORD_SPLIT.split(word)[-1]
    for n in _HEAD_LENGTHS:
        if len(word) - n < 3:
            continue
        h = word[-n:]
        if h in _HEAD_SET:
            if word[:-n].endswith(_NOT_HEAD_OF.get(h, ())):
                return ""
            return h
    return word if word in _WORD_CONCEPT else ""


def verb_concept(verb_lemma: str, unit_class: str) -> str:
    """The concept a measure verb gives a figure of a unit class ('' when it gives none)."""
    by_unit = VERBS.get(verb_lemma) or {}
    return by_unit.get(unit_class) or by_unit.get("money" if unit_class == "money_or_count" else "", "")
