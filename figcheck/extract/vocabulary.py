"""Words that make figures: scale words, currencies, percent words, number words, fractions,
ordinals and vague amounts ("Milliarden", "dozens")."""
from __future__ import annotations



# ---------------------------------------------------------------------------
# Vocabulary: scales, currencies, percent words, number words
# ---------------------------------------------------------------------------
SCALES = {
    "tsd.": 1e3, "tsd": 1e3, "tausend": 1e3, "thousand": 1e3, "k": 1e3,
    "mio.": 1e6, "mio": 1e6, "million": 1e6, "millionen": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "mrd.": 1e9, "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    "bln": 1e9, "b": 1e9,
    "bio.": 1e12, "billionen": 1e12, "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12,
    "hundred": 1e2, "hundert": 1e2,
}
# words whose value depends on the language of the text: a German "Billion" is 10^12
SCALES_DE = {"billion": 1e12}

CURRENCY = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "us-$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "us-dollar": "USD", "us dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "a$": "AUD", "aud": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "hk$": "HKD", "hkd": "HKD",
    "nz$": "NZD", "nzd": "NZD", "s$": "SGD", "sgd": "SGD", "r$": "BRL", "brl": "BRL",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pfund": "GBP", "pfund sterling": "GBP", "pound": "GBP", "pounds": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP",
    "chf": "CHF", "fr.": "CHF", "sfr.": "CHF", "franken": "CHF", "schweizer franken": "CHF", "swiss francs": "CHF",
    "francs": "CHF",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rmb": "CNY",
    "₹": "INR", "inr": "INR", "rupien": "INR", "rupees": "INR", "₽": "RUB", "rub": "RUB", "rubel": "RUB",
    "roubles": "RUB", "rubles": "RUB", "₩": "KRW", "krw": "KRW", "won": "KRW",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "zloty": "PLN", "try": "TRY", "lira": "TRY",
    "rupiah": "IDR", "idr": "IDR", "rand": "ZAR", "zar": "ZAR", "reais": "BRL", "forint": "HUF",
    "huf": "HUF", "kronor": "SEK", "czk": "CZK", "mxn": "MXN", "ruble": "RUB", "rouble": "RUB",
}
# minor units: (currency or None = the text's money currency / the language's default, divisor)
MINOR = {"cent": None, "cents": None, "pence": "GBP", "p": "GBP", "rappen": "CHF", "euro cents": "EUR",
             "euro cent": "EUR", "euro-cent": "EUR", "euro-cents": "EUR", "eurocent": "EUR", "eurocents": "EUR",
             "us-cent": "USD", "us-cents": "USD", "dollar cents": "USD", "dollar-cents": "USD"}

PERCENT = {"%": "percent", "prozent": "percent", "v. h.": "percent", "v.h.": "percent", "per cent": "percent",
               "percent": "percent", "pct": "percent", "prozentpunkt": "percentage_points",
               "prozentpunkte": "percentage_points", "prozentpunkten": "percentage_points",
               "percentage point": "percentage_points", "percentage points": "percentage_points",
               "basispunkt": "bp", "basispunkte": "bp", "basispunkten": "bp", "basis point": "bp",
               "basis points": "bp", "bps": "bp", "bp": "bp"}

WORD_NUM = {
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "eines": 1, "one": 1, "a": 1, "an": 1,
    "eineinhalb": 1.5, "anderthalb": 1.5,
}
FRACTIONS = {"hälfte": 0.5, "halb": 0.5, "half": 0.5, "halves": 0.5, "drittel": 1 / 3, "third": 1 / 3,
                 "thirds": 1 / 3, "viertel": 0.25, "quarter": 0.25, "quarters": 0.25, "fünftel": 0.2,
                 "fifth": 0.2, "fifths": 0.2, "zehntel": 0.1, "tenth": 0.1, "tenths": 0.1}
ORDINAL_WORDS = {"zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "acht": 8,
                     "neunt": 9, "zehnt": 10, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                     "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

# vague amounts: lowercase stem -> (low, high, kind); kind "money" = amount of money unless a noun follows
VAGUE = [
    # dozens or hundreds of a scale: "Dutzende Millionen Euro" is 24 to 144 million
    ("dutzende millionen", 2.4e7, 1.44e8, "money"), ("dutzende milliarden", 2.4e10, 1.44e11, "money"),
    ("hunderte millionen", 2e8, 1e9, "money"), ("hunderte milliarden", 2e11, 1e12, "money"),
    ("dozens of millions", 2.4e7, 1.44e8, "money"), ("dozens of billions", 2.4e10, 1.44e11, "money"),
    ("hundreds of thousands", 2e5, 1e6, "count"), ("tens of thousands", 2e4, 1e5, "count"),
    ("hundreds of millions", 2e8, 1e9, "money"), ("tens of millions", 2e7, 1e8, "money"),
    ("hundreds of billions", 2e11, 1e12, "money"), ("tens of billions", 2e10, 1e11, "money"),
    ("multimilliarden", 2e9, 1e12, "money"), ("multi-billion", 2e9, 1e12, "money"),
    ("multibillion", 2e9, 1e12, "money"), ("multi-million", 2e6, 1e9, "money"), ("multimillion", 2e6, 1e9, "money"),
    ("milliarden", 2e9, 1e12, "money"), ("billionen", 2e12, 1e15, "money"), ("millionen", 2e6, 1e9, "money"),
    ("billions", 2e9, 1e12, "money"), ("trillions", 2e12, 1e15, "money"), ("millions", 2e6, 1e9, "money"),
    ("billion-", 1e9, 1e12, "money"), ("million-", 1e6, 1e9, "money"), ("trillion-", 1e12, 1e15, "money"),
    ("hunderttausende", 2e5, 1e6, "count"), ("zehntausende", 2e4, 1e5, "count"), ("abertausende", 2e3, 1e5, "count"),
    ("aberhunderte", 200, 1e4, "count"), ("tausende", 2e3, 1e4, "count"), ("hunderte", 200, 1e3, "count"),
    ("dutzende", 24, 144, "count"), ("thousands", 2e3, 1e4, "count"), ("hundreds", 200, 1e3, "count"),
    ("dozens", 24, 144, "count"),
]


# ---------------------------------------------------------------------------
# Regular expressions from word lists
# ---------------------------------------------------------------------------
def trie_regex(words) -> str:
    """One regular expression (no groups) matching any of `words`, longest first: the words share
    their prefixes, so the engine decides by one character at each step instead of trying every
    word in turn (the currency table has some 700 forms)."""
    import re

    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return build(trie)


# ---------------------------------------------------------------------------
# Scale words as newswires and hurried writers print them
# ---------------------------------------------------------------------------
# written forms of scale words after a number ("14,3 Mrd.", "5bn", "400 Mill.", "3 crore")
SCALE_WORDS = [
    "Tsd.", "Tausend", "Mio.", "Mio", "Millionen", "Million", "Mill.", "Mrd.", "Mrd", "Mia.", "Milliarden",
    "Milliarde", "Bio.", "Billionen", "Billion", "thousand", "Thousand", "million", "Million", "millions",
    "Millions", "billion", "Billion", "billions", "Billions", "trillion", "Trillion", "trillions", "Trillions",
    "mn", "bn", "tn", "mln", "bln", "trn", "Mn", "Bn", "MN", "BN", "mil", "crore", "crores", "lakh", "lakhs",
]
SCALES.update({"mill.": 1e6, "mia.": 1e9, "mil": 1e6, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
               "dutzend": 12, "dozen": 12})
# the full words a reader still reads when a letter is missing or two letters swapped
# ("Millarden", "Milionen", "bilion", "Milliaden"): each misspelling means what its word means
_SCALE_FULL = {"million": 1e6, "millions": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9,
               "billion": 1e9, "billions": 1e9, "billionen": 1e12, "trillion": 1e12, "trillions": 1e12}
# real words one letter away from a scale word: never read as one
_NOT_SCALE = {"billon", "millon", "trillon"}


def _misspellings(word: str) -> set[str]:
    """One inner letter dropped or two inner neighbours swapped (the first and last letters stay)."""
    out = {word[:i] + word[i + 1:] for i in range(1, len(word) - 1)}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 2)}
    out.discard(word)
    return out


SCALE_MISSPELT: dict[str, float] = {}
for _w, _v in _SCALE_FULL.items():
    for _m in _misspellings(_w):
        if _m not in _SCALE_FULL and _m not in SCALES and _m not in _NOT_SCALE and len(_m) >= 6:
            SCALE_MISSPELT[_m] = _v
SCALES.update({k: v for k, v in SCALE_MISSPELT.items() if k not in SCALES})
# a German "Bilion" is still a Billion, 10^12
SCALES_DE.update({m: 1e12 for m in _misspellings("billion") if m in SCALE_MISSPELT})
SCALE_WORDS += sorted({v for m in SCALE_MISSPELT for v in (m, m[0].upper() + m[1:])})


# ---------------------------------------------------------------------------
# Currencies: names, symbols and codes from the CLDR (Babel), built once at import
# ---------------------------------------------------------------------------
# the 40 most traded currencies (BIS triennial survey 2022) and a few more that news names often, in
# order of trading volume: a name several currencies share ("Dollar", "Krone", "peso") goes to the
# first of them
TRADED_CURRENCIES = (
    "USD EUR JPY GBP CNY AUD CAD CHF HKD SGD SEK KRW NOK NZD INR MXN TWD ZAR BRL DKK PLN THB ILS IDR CZK AED "
    "TRY HUF CLP SAR PHP MYR COP RUB RON PEN BGN ARS NGN UAH EGP KWD QAR VND PKR KES").split()
# words of currency names too common in other senses to stand alone, lowercase, after a number ("won",
# "real"); capitalised, as German writes them, they are read
_NOT_BARE = {"won", "real", "sol", "lev", "leu", "lei", "lew", "dong", "neue", "neuer", "new", "koruna",
             "schilling", "shilling", "shillings", "dinar", "dinars", "rial", "riyal", "riyals", "naira",
             "nairas", "hryvnia", "hryvnias", "hrywnja", "hrywen", "leva", "soles", "korunas", "dirham",
             "dirhams", "rupiahs"}
# what the CLDR lacks: newswire prefixes, slang, sub-units, Latin-letter symbols, plurals
_HAND_CURRENCY = {
    "us$": "USD", "u.s.$": "USD", "us-$": "USD", "$us": "USD", "u.s. dollar": "USD", "u.s. dollars": "USD",
    "us dollar": "USD", "us dollars": "USD", "us-dollars": "USD", "dollars": "USD", "dollar": "USD",
    "bucks": "USD", "greenbacks": "USD", "c$": "CAD", "s$": "SGD", "a$": "AUD", "au$": "AUD", "nz$": "NZD",
    "hk$": "HKD", "r$": "BRL", "rs": "INR", "rs.": "INR", "rm": "MYR", "fr.": "CHF", "sfr.": "CHF",
    "franken": "CHF", "francs": "CHF", "swiss francs": "CHF", "pfund sterling": "GBP", "pounds sterling": "GBP",
    "pound sterling": "GBP", "sterling": "GBP", "quid": "GBP", "pfund": "GBP", "pound": "GBP", "pounds": "GBP",
    "rmb": "CNY", "renminbi": "CNY", "yuan": "CNY", "yen": "JPY", "yens": "JPY", "¥": "JPY", "￥": "JPY",
    "元": "CNY", "₽": "RUB", "₺": "TRY", "₴": "UAH", "₦": "NGN", "tl": "TRY", "zł": "PLN", "kč": "CZK",
    "reais": "BRL", "euros": "EUR", "euro": "EUR", "rupees": "INR", "rupien": "INR", "roubles": "RUB",
    "rouble": "RUB", "rubles": "RUB", "ruble": "RUB", "rubel": "RUB", "zloty": "PLN", "zlotys": "PLN",
    "kronor": "SEK", "lira": "TRY", "rand": "ZAR", "forint": "HUF", "rupiah": "IDR", "ringgit": "MYR",
    "baht": "THB", "₹": "INR", "₩": "KRW", "₪": "ILS", "₱": "PHP", "₫": "VND", "฿": "THB",
}
# written before a number: symbols, codes and newswire prefixes ("US$5bn", "USD12m", "Rs 500 crore")
_HAND_PREFIX = ["US$", "U.S.$", "US-$", "$US", "C$", "S$", "A$", "AU$", "NZ$", "HK$", "R$", "Rs", "Rs.", "RM",
                "SFr.", "sFr.", "Fr.", "₽", "₺", "₴", "₦", "￥"]
# codes that are also other things before a number ("COP 28", the climate conference)
_NOT_PREFIX_CODES = {"COP", "SAR", "PEN"}


def _german_inflections(name: str) -> set[str]:
    """'Australischer Dollar' -> 'Australische(n/m/s) Dollar': the adjective declines in the text."""
    first, sep, rest = name.partition(" ")
    if not sep or not first[:1].isupper():
        return {name}
    for end in ("er", "es", "e"):
        if first.endswith(end) and len(first) > 5:
            stem = first[: -len(end)]
            return {f"{stem}{e} {rest}" for e in ("e", "en", "er", "es", "em")} | {name}
    return {name}


def _build_currency_table() -> tuple[dict[str, str], list[str], list[str]]:
    """(casefolded form -> ISO code, forms written after a number, forms written before one)."""
    from babel import Locale

    table: dict[str, str] = {}
    after: set[str] = set()
    before: set[str] = set()

    def add(form: str, code: str, bare: bool = False) -> None:
        key = " ".join(form.casefold().split())
        if key not in table:                    # the first (most traded) currency keeps a shared name
            table[key] = code
        if bare and key in _NOT_BARE:
            after.add(form[:1].upper() + form[1:])   # "1.000 Won" in German; never "won", "real" in English
            return
        after.update({form, form.lower(), form[:1].upper() + form[1:]})

    for lang in ("en", "de"):
        loc = Locale(lang)
        plural = loc._data["currency_names_plural"]
        for code in TRADED_CURRENCIES:
            names = {loc.currencies.get(code) or code, *dict(plural.get(code, {})).values()}
            if lang == "de":
                names = {v for n in names for v in _german_inflections(n)}
            for n in names:
                add(n, code)
            table.setdefault(code.casefold(), code)
            after.add(code)
            if code not in _NOT_PREFIX_CODES:
                before.add(code)
            sym = loc.currency_symbols.get(code)
            if sym and sym != code:
                table.setdefault(sym.casefold(), code)
                after.add(sym)
                before.add(sym)
    for lang in ("en", "de"):                    # then the last words of the names: "Franken", "rupees"
        loc = Locale(lang)
        plural = loc._data["currency_names_plural"]
        for code in TRADED_CURRENCIES:
            names = {loc.currencies.get(code) or code, *dict(plural.get(code, {})).values()}
            for n in names:
                last = n.replace("-", " ").split()[-1]
                if last != n and last.upper() != code:
                    add(last, code, bare=True)
    for form, code in _HAND_CURRENCY.items():
        table[form] = code
        if form[:1].isalpha():
            after.update({form, form[:1].upper() + form[1:]})
        else:
            after.add(form)
    after.update({"US-Dollar", "US-Dollars", "U.S. dollars", "US Dollars", "US dollars", "Pfund Sterling",
                  "Swiss Francs", "Euros"})
    after -= {"Rs", "Rs.", "RM", "rs", "rs.", "rm", "Rm", "us$", "$us", "c$", "s$", "a$", "hk$", "nz$", "r$",
              "au$", "u.s.$", "us-$", "Tl", "tl", "TL"}
    before.update(_HAND_PREFIX)
    for form in before:
        table.setdefault(form.casefold(), table.get(form.casefold(), ""))
    return table, sorted(after), sorted(before)


_CUR_TABLE, CURRENCY_AFTER, CURRENCY_BEFORE = _build_currency_table()


def currency_suffix_regex(minor: list[str]) -> str:
    """The regular expression of the currency words after a number (and the minor units `minor`): codes
    and symbols as written ("USD", "CHF", "CA$"), the capitalised forms of words too common to stand alone
    lowercase ("Won", "Real"), and every name case-insensitively ("dollars", "Dollars", "Schweizer Franken")
    - one lowercase copy of each name keeps the compiled pattern small."""
    exact = {f for f in CURRENCY_AFTER if not any(c.islower() for c in f)}
    capital = {f for f in CURRENCY_AFTER if f.casefold() in _NOT_BARE}
    names = {f.lower() for f in CURRENCY_AFTER if f not in exact and f.casefold() not in _NOT_BARE}
    names |= {f.lower() for f in minor}
    return "(?:" + trie_regex(exact) + "|" + trie_regex(capital) + "|(?i:" + trie_regex(names) + "))"
for _k, _v in _CUR_TABLE.items():
    if _v:
        CURRENCY.setdefault(_k, _v)
