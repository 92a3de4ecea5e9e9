"""The master pattern: one pass over a text finds every candidate figure (digits, number words,
fractions, ordinals, vague amounts, dates)."""
from __future__ import annotations

import bisect
import re

from figcheck.extract.vocabulary import CURRENCY_BEFORE, SCALE_WORDS, currency_suffix_regex, trie_regex


# ---------------------------------------------------------------------------
# The master pattern: one pass finds every candidate
# ---------------------------------------------------------------------------
_SP = "[ \u00a0\u202f\u2009]"
MONTHS_DE = ("Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
                 "Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\.")
MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|December|"
                 "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.")
# abbreviations newswires write without a dot ("Posted Mar 10, 2023"): a date only with its year
_MONTHS_EN_NODOT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_NUM = (r"[0-9]{1,3}(?:[.,'’\u00a0\u202f\u2009][0-9]{3})+(?:[.,][0-9]+)?(?![0-9])"
           r"|[0-9]{1,3}(?: [0-9]{3})+(?![0-9]|[.,][0-9])"
           r"|[0-9]+(?:[.,][0-9]+)?")
# scale words, misspellings a reader still reads included ("Millarden", "bilion"): vocabulary.SCALE_WORDS
_SCALE_RE = trie_regex(SCALE_WORDS)
# currencies after a number ("5 Mio. Franken", "12.5 million Australian dollars", "40 rand") and before
# one ("US$5bn", "USD12m", "Rs 500 crore", "€5"): the CLDR's names, symbols and codes (vocabulary.py)
# and the minor units ("Euro-Cent", "pence")
_MINOR_FORMS = ["Euro-Cent", "Euro-Cents", "Euro Cent", "Euro Cents", "Eurocent", "Eurocents", "euro cent",
                "euro cents", "euro-cent", "euro-cents", "eurocent", "eurocents", "US-Cent", "US-Cents",
                "Dollar-Cents", "Dollar Cents", "dollar cents", "dollar-cents", "Cent", "Cents", "cent", "cents",
                "pence", "Rappen"]
_CUR_SUFFIX = currency_suffix_regex(_MINOR_FORMS)
_CUR_PREFIX = "(?:" + trie_regex(CURRENCY_BEFORE) + ")" + _SP + "?"
_PCT_RE = (r"%|Prozentpunkten|Prozentpunkte|Prozentpunkt|Prozent|v\.[ ]?H\.|per[ ]cent|percentage[ ]points?|"
              r"percent|pct|pc|Basispunkten|Basispunkte|Basispunkt|basis[ ]points?|bps|bp")
_SUPERL_DE_STEMS = ("größt", "groesst", "grösst", "höchst", "best", "wichtigst", "stärkst", "teuerst",
                       "wertvollst", "bedeutendst", "erfolgreichst", "beliebtest", "kleinst", "niedrigst",
                       "schlechtest", "reichst", "schnellst", "ältest", "häufigst", "längst", "schwächst",
                       "günstigst", "billigst", "weitest", "schwerst", "tiefst", "umsatzstärkst",
                       "bevölkerungsreichst", "meistverkauft", "platziert")
_SUPERL_DE = "(?:" + "|".join(_SUPERL_DE_STEMS) + ")e[nmrs]?"
_SUPERL_EN = (r"(?:largest|biggest|highest|most|best|smallest|lowest|richest|oldest|longest|fastest|"
                 r"busiest|worst|strongest|weakest|top|leading)")
_CARD_DE = (r"(?:[Zz]wei|[Zz]wan|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ech|[Ss]ieben|[Ss]ieb|[Aa]cht|[Nn]eun|"
               r"[Zz]ehn|[Ee]lf|[Zz]wölf|[Hh]undert|[Tt]ausend|[Ee]in(?=und|hundert|tausend))"
               r"(?:zwei|zwan|drei|vier|fünf|sechs|sech|sieben|sieb|acht|neun|zehn|elf|zwölf|zig|ßig|ssig|"
               r"hundert|tausend|und|eins|ein)*")
_EN_ONES = "one|two|three|four|five|six|seven|eight|nine"
_CARD_EN = (r"(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|"
               r"[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen|[Tt]wenty|"
               r"[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)"
               r"(?:-(?:" + _EN_ONES + r"))?")
_NOT_LETTER = r"(?![^\W\d_])"
_TAIL = (
    r"(?:(?P<sp1>" + _SP + r"?|-)(?P<scale>" + _SCALE_RE + r")" + _NOT_LETTER +
    r"|(?P<sscale>bn|mn|tn|[kKmMbB])" + _NOT_LETTER + r")?"
    r"(?:" + _SP + r"?(?P<pct>" + _PCT_RE + r")" + _NOT_LETTER +
    r"|(?P<pctadj>-?[Pp]rozentig\w{0,4}|-[Pp]rozent\w{0,12}|-per-?cent\w{0,4})"
    r"|(?P<pmin>p)" + _NOT_LETTER +                # "300p": British pence, read in English text only
    r"|(?:" + _SP + r"|-)?(?P<csuf>" + _CUR_SUFFIX + r")" + _NOT_LETTER + r")?"
)
# Numbers written with digits, matched at the start of each run of digits (or the currency sign
# or month name before it). Dates and things that are never figures come first: the first
# branch that matches wins.
_NUMERIC = re.compile(
    r"(?P<date_iso>[0-9]{4}-[01][0-9]-[0-3][0-9])(?![0-9])"
    r"|(?P<date_dmy>[0-9]{1,2}\.[ ]?[0-9]{1,2}\.[ ]?(?:[0-9]{4}|[0-9]{2})(?![0-9.,]?[0-9])"
    r"|[0-9]{1,2}/[0-9]{1,2}/(?:[0-9]{4}|[0-9]{2})(?![0-9/]))"
    r"|(?P<date_dmon>[0-9]{1,2}(?:\.|st|nd|rd|th)?" + _SP + r"(?:" + MONTHS_DE + "|" + MONTHS_EN +
    r")(?:,?" + _SP + r"[0-9]{4})?)(?![0-9\w])"
    r"|(?P<date_mdy>(?:" + MONTHS_EN + r")" + _SP + r"[0-9]{1,2}(?:st|nd|rd|th)?(?:," + _SP +
    r"?[0-9]{4})?(?![0-9]|[.,][0-9])|(?:" + _MONTHS_EN_NODOT + r")" + _SP + r"[0-9]{1,2}," + _SP +
    r"[0-9]{4}(?![0-9]))"
    # splits and fiscal years ("50/50-Joint-Venture", "2023/24"), decades and years before a noun ("1990s",
    # "2015er-Deal"): one look at the character after the digits lets every other number skip them
    r"|(?=[0-9]{1,4}[/:])(?:(?P<split>[0-9]{1,2}[/:][0-9]{1,2})(?=-?(?:Joint|JV|Gemeinschafts|Aufteilung|"
    r"Partnerschaft|Beteiligung)|"
    + _SP + r"(?:joint|split|partnership|venture|Joint|JV|Gemeinschaftsunternehmen|Aufteilung|Beteiligung|"
    r"ownership|basis))"
    r"|(?P<fiscal>[12][0-9]{3}/(?:[0-9]{4}|[0-9]{1,2}))(?![0-9/.,]?[0-9]))"
    r"|(?P<skip>[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?" + _SP + r"?(?:Uhr|h\b|[ap]\.m\.|[ap]m\b|GMT|MEZ|CET|UTC)"
    r"|[0-9]+:[0-9]+(?::[0-9]+)*(?:[.,][0-9]+)?"
    r"|[0-9]{4}" + _SP + r"?(?:GMT|UTC|BST|CET|CEST|MEZ|MESZ|EST|EDT|PST|PDT)\b"
    r"|[0-9]{1,2}" + _SP + r"?(?:Uhr|[ap]\.m\.|[ap]m\b)"
    r"|\+[0-9]{1,3}[ ./-]?\(?[0-9]{1,5}\)?(?:[ ./-]?[0-9]{2,}){2,}"
    r"|\(0[0-9]{2,5}\)" + _SP + r"?[0-9]{3,}(?:[ -][0-9]{2,})*"
    r"|0[0-9]{2,5}[/-][0-9]{3,}(?:[ -][0-9]{2,})*"
    r"|0[0-9]{3,}(?: [0-9]{2,})+(?![0-9.,])"
    r"|\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-][0-9]{4}(?![0-9])"
    r"|1-[0-9]{3}-[0-9]{3}-[0-9]{4}(?![0-9])"
    r"|[0-9]+[a-zA-Z_]+[0-9][0-9a-zA-Z_]*)"
    r"|(?=[12][0-9]{3}[se'’])(?:(?P<decade>[12][0-9]{2}0(?:s|'s|’s|er(?:-Jahren?|" + _SP + r"Jahren?|n)?))"
    r"(?![^\W_])"
    r"|(?P<yearer>[12][0-9]{2}[1-9]er)(?=-[^\W\d_]))"
    r"|(?P<numord>[0-9]+(?:st|nd|rd|th)(?:[ -]" + _SUPERL_EN + r")?)(?![^\W\d_])"
    r"|(?P<num>(?P<cpre>" + _CUR_PREFIX + r")?(?P<sign>(?<![\w.,)\]])[-+−](?=[0-9]))?"
    r"(?P<digits>" + _NUM + r")" + _TAIL + r")"
)
# the same without splits, fiscal years, decades and "2015er": used when no '/', ':', 's' or 'e' follows the
# digits (nearly every number), so that they cost nothing there
_SPECIAL_AFTER = frozenset("/:se'’")
_NUMERIC_PLAIN = re.compile(_NUMERIC.pattern.replace(
    _NUMERIC.pattern[_NUMERIC.pattern.index("|(?=[0-9]{1,4}[/:])"):_NUMERIC.pattern.index("|(?P<skip>")], "").replace(
    _NUMERIC.pattern[_NUMERIC.pattern.index("|(?=[12][0-9]{3}[se'’])"):_NUMERIC.pattern.index("|(?P<numord>")], ""))
# Figures written in words, matched at the start of candidate words (see _ex_word_starts)
_ORD_EN = r"(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)"
_ORD_DE = (r"(?:[Ee]rst|[Zz]weit|[Dd]ritt|[Vv]iert|[Ff]ünft|[Ss]echst|[Ss]iebt|[Ss]iebent|[Aa]cht|[Nn]eunt|"
           r"[Zz]ehnt|[Ee]lft|[Zz]wölft)e[nmrs]?")
# number words fused with a unit into one word ("zweijährige", "Vierjahrestief", "dreistufiges")
COMPOUND_STEMS_DE = ("jährig", "tägig", "wöchig", "monatig", "stündig", "minütig", "stufig", "teilig")
JAHRES_NOUNS = ("tief", "tiefs", "hoch", "hochs", "tiefststand", "höchststand", "frist", "plan", "plans",
                "vertrag", "vertrags", "zeitraum", "zeitraums", "rekord", "rekords", "vergleich", "schnitt",
                "durchschnitt", "programm", "ziel", "horizont", "prognose")
# units a number word joins with a hyphen in English ("a three-year deal", "a two-day strike")
COMPOUND_UNITS_EN = ("year", "day", "week", "month", "hour", "minute", "decade", "century", "stage", "part")
_WSCALE = trie_regex([w for w in SCALE_WORDS if w not in ("mn", "bn", "tn", "mln", "bln", "trn", "Mn", "Bn",
                                                           "MN", "BN", "mil")] + ["hundred", "Dutzend", "dozen"])
_TIME_EN = r"(?:days?|weeks?|months?|years?|decades?|century|centuries|hours?|nights?)"
_WORD_PATTERN = re.compile(
    r"\b(?:"
    r"(?P<vague>(?P<vword>(?:[Hh]undreds|[Tt]ens)[ ]of[ ](?:thousands|millions|billions)|[Mm]ulti-?(?:billion|million)\w*|"
    r"(?:[Dd]utzende|[Hh]underte|[Dd]ozens[ ]of|[Hh]undreds[ ]of)" + _SP + r"(?:Millionen|Milliarden|millions|"
    r"billions)|"
    r"(?:[Mm]ulti)?[Mm]illiarden\w*|[Mm]illionen\w*|[Bb]illionen\w*|(?:[Bb]illion|[Mm]illion|[Tt]rillion)-"
    r"(?:dollar|euro|pound)\w*|(?:[Zz]ehn|[Hh]undert|[Aa]ber)?[Tt]ausende[nr]?|(?:[Aa]ber)?[Hh]underte[nr]?|"
    r"[Dd]utzende[nr]?|[Bb]illions|[Mm]illions|[Tt]rillions|[Tt]housands|[Hh]undreds|[Dd]ozens)(?![^\W\d_])"
    r"(?:" + _SP + r"(?:of" + _SP + r")?(?P<vcsuf>" + _CUR_SUFFIX + r")" + _NOT_LETTER + r")?)" + r"|"
    r"(?P<frac>(?:(?:[Dd]ie|[Dd]er|zur|[Ee]ine?|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Nn]eun|[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|"
    r"[Ff]our)" + _SP + r"|[Tt]wo-|[Tt]hree-)(?:Hälfte|Drittel|Viertel|Fünftel|Zehntel|[Hh]alf|thirds?|"
    r"quarters?|fifths?|tenths?)|[Hh]alf)" + _NOT_LETTER + r"(?!" + _SP + r"an?" + _SP + r"(?:million|billion|trillion|"
    r"dozen)\b)"
    r"|(?P<comp>(?P<compde>" + _CARD_DE + r"|[Ee]in)(?P<compstem>" + "|".join(COMPOUND_STEMS_DE) +
    r"|jahres(?=" + "|".join(JAHRES_NOUNS) + r"))[a-zäöü]*|(?P<compen>" + _CARD_EN + r"|[Oo]ne)-(?P<compunit>" +
    "|".join(COMPOUND_UNITS_EN) + r")(?:-(?:old|long))?)" + _NOT_LETTER +
    r"|(?P<mult>[Vv]er(?:doppel|dopple|dopp|dreifach|vierfach|fünffach|zehnfach|hundertfach|tausendfach)"
    r"[a-zäöü]*|[Dd]oppelte?[nmrs]?|(?:" + _CARD_DE + r")fach(?:e[nmrs]?)?|[Dd]oubl(?:ed|ing|e)|"
    r"[Tt]ripl(?:ed|ing|e)|[Qq]uadrupl(?:ed|ing|e)|(?:" + _CARD_EN + r")-?fold|[Tt]wice)" + _NOT_LETTER +
    r"|(?P<wnum>(?:(?P<whalf>(?:[Ee]ine[mnr]?|[Ee]in)" + _SP + r"halbe[nmrs]?|[Hh]alf" + _SP + r"an?)(?=" + _SP +
    r"(?:Millionen|Million|Milliarde|Milliarden|Billion|Dutzend|million|billion|trillion|dozen)\b)|"
    r"(?P<wsmall>(?:[Ee]ine[mnrs]?|[Ee]in|[Oo]ne|[Aa]n?)(?=" + _SP +
    r"(?:Tausend|Millionen|Million|Milliarde|Billion|thousand|million|billion|trillion|hundred)\b)|"
    r"[Oo]ne(?=" + _SP + _TIME_EN + r"\b))|[Ee]ineinhalb|"
    r"[Aa]nderthalb|(?P<cardde>" + _CARD_DE + r")|(?P<carden>" + _CARD_EN + r"))" + _NOT_LETTER +
    r"(?:(?:" + _SP + r"|-)(?P<wscale>" + _WSCALE + r")" + _NOT_LETTER + r")?"
    r"(?:" + _SP + r"(?P<wpct>Prozent|percent|per[ ]cent|Prozentpunkte|percentage[ ]points?)" + _NOT_LETTER +
    r"|(?:" + _SP + r"|-)(?P<wcsuf>" + _CUR_SUFFIX + r")" + _NOT_LETTER + r")?)" +
    r"|(?P<ordw>(?:[Zz]weit|[Dd]ritt|[Vv]iert|[Ff]ünft|[Ss]echst|[Ss]iebt|[Aa]cht|[Nn]eunt|[Zz]ehnt)"
    + _SUPERL_DE + r"|(?:[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)"
    r"[ -]" + _SUPERL_EN + r")" + _NOT_LETTER +
    r"|(?P<ordx>" + _ORD_EN + r"|" + _ORD_DE + r")(?P<ordsusp>-(?=" + _SP + r"(?:and|or|und|oder|bis)" + _SP +
    r"))?" + _NOT_LETTER +
    r")"
)


def _build_word_vocab() -> dict[str, str]:
    """Every word at which a figure written in words can start or end (both capitalisations).

    Finding candidates by set intersection over the text's words is much faster than letting a
    regular expression try every word start (the benchmark target is 3,000 articles a second).
    """
    de_ones = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
    de_tens = ["zwanzig", "dreißig", "dreissig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]
    words = set(de_ones[1:]) | set(de_tens) | {
        "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn",
        "hundert", "tausend", "eineinhalb", "anderthalb"}
    words |= {o + "und" + t for o in de_ones for t in de_tens}
    words |= {o + "hundert" for o in de_ones} | {o + "tausend" for o in de_ones}
    en = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred").split()
    words |= set(en)
    words |= {"hälfte", "drittel", "viertel", "fünftel", "zehntel", "half", "third", "thirds", "quarter",
              "quarters", "fifth", "fifths", "tenth", "tenths", "second", "fourth", "sixth", "seventh", "eighth",
              "ninth"}
    words |= {"hunderte", "hunderten", "hunderter", "tausende", "tausenden", "tausender", "zehntausende",
              "zehntausenden", "hunderttausende", "hunderttausenden", "abertausende", "abertausenden",
              "aberhunderte", "aberhunderten", "dutzende", "dutzenden", "dutzend", "thousands", "hundreds",
              "dozens", "thousand"}
    # ordinal superlatives ("zweitgrößte") stand before their noun, like the fused words below
    ranked = set()
    for pre in ("zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt"):
        for sup in _SUPERL_DE_STEMS:
            for end in ("e", "en", "er", "es", "em"):
                ranked.add(pre + sup + end)
                if "ß" in sup:
                    ranked.add(pre + sup.replace("ß", "ss") + end)
    ones = "one two three four five six seven eight nine".split()
    words |= {t + "-" + o for t in en[17:26] for o in ones}
    # ordinals in words ("the second phase", "an vierter Stelle"), halves of a scale ("eine halbe Milliarde"),
    # "one" before a span of time ("in just one day"), multiples ("verdoppelt", "more than double")
    words |= {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
    for stem in ("erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "siebent", "acht", "neunt", "zehnt",
                 "elft", "zwölft"):
        words |= {stem + end for end in ("e", "en", "er", "es", "em")}
    words |= {"halbe", "halben", "halbes", "halbem", "halber", "one", "tens"}
    words |= {"doubled", "doubling", "double", "tripled", "tripling", "triple", "quadrupled", "quadrupling",
              "quadruple", "twice", "doppelt", "doppelte", "doppelten", "doppeltes", "doppelter", "doppeltem"}
    words |= {"ver" + v + end for v in ("doppel", "dreifach", "vierfach", "fünffach", "zehnfach", "hundertfach",
                                       "tausendfach")
              for end in ("t", "te", "ten", "tes", "n", "nd", "ung")}
    words |= {"verdopplung", "verdoppelung"}
    cards_de = de_ones + ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn",
                          "achtzehn", "neunzehn", "hundert", "tausend"] + de_tens
    # number words fused with a unit ("zweijährige", "dreistufiges", "Vierjahrestief", "a three-year deal")
    fused = {c + "fach" + end for c in cards_de[1:] for end in ("", "e", "en", "er", "es", "em")}
    fused |= {c + stem + end for c in cards_de for stem in COMPOUND_STEMS_DE
              for end in ("", "e", "en", "er", "es", "em")}
    fused |= {c + "jahres" + noun for c in cards_de for noun in JAHRES_NOUNS}
    fused |= {c + "fold" for c in en} | {c + "-fold" for c in en}
    fused |= {c + "-" + u + tail for c in en[:-1] + ["one"] for u in COMPOUND_UNITS_EN
              for tail in ("", "-old", "-long")}
    fused |= ranked
    fused |= {w[:1].upper() + w[1:] for w in fused}
    words |= {"two-thirds", "three-quarters", "two-third", "three-quarter"}
    for o in ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"):
        for sup in _SUPERL_EN.strip("(?:)").split("|"):
            words.add(o + "-" + sup)
    words |= {w[:1].upper() + w[1:] for w in words}
    # a suspended hyphen: "the second- and third-largest", "zweit- und drittgrößte"
    words |= {o + "-" for o in ("second", "third", "fourth", "fifth", "zweit", "dritt", "viert", "fünft")}
    # tokens as text.split() leaves them, with punctuation attached: token -> word
    out = {}
    for w in words:
        out[w] = w
        for p in ",.;:!?)\"“”»«'’":
            out[w + p] = w
        for p in "(\"„“«»":
            out[p + w] = w
    # words that stand before a noun: only the marks that end a clause follow them (a smaller set of
    # tokens keeps the intersection with the text's words in the processor's cache)
    for w in fused - words:
        out[w] = w
        for p in ",.)":
            out[w + p] = w
    return out


_WORD_VOCAB = _build_word_vocab()
_WORD_KEYS = frozenset(_WORD_VOCAB)      # intersected with the text's tokens at C speed
# words that can be the second word of a figure ("eine Hälfte", "two thirds", "eine halbe Milliarde",
# "tens of thousands"): at these the word before is tried first
_SECOND_WORDS = frozenset(w for v in ("hälfte", "drittel", "viertel", "fünftel", "zehntel", "half", "third", "thirds",
                                      "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "halbe", "halben",
                                      "halbes", "halbem", "halber", "thousand", "thousands", "millions", "billions",
                                      "dutzend")
                          for w in (v, v[:1].upper() + v[1:]))
# words that may begin a figure whose next word is a scale or fraction word ("eine Milliarde",
# "Sechs-Milliarden", "half a million", "Dutzende Millionen"): only these are tried before it
_BEFORE_SCALE = frozenset(w for w in _WORD_VOCAB.values() if w.isalpha()) | frozenset(
    w[:1].upper() + w[1:] for w in ("ein", "eine", "einer", "einem", "einen", "eines", "one", "a", "an",
                                    "half", "die", "der", "zur", "two", "three", "four", "hundreds", "tens",
                                    "dozens") for w in (w, w[:1].upper() + w[1:])) | frozenset(
    ("ein", "eine", "einer", "einem", "einen", "eines", "one", "a", "an", "half", "die", "der", "zur", "two",
     "three", "four", "hundreds", "tens", "dozens", "of"))
# substrings that mark scale words and their compounds (Milliarde, Millionenbetrag, billion-dollar)
_SCALE_STEMS = ("illiard", "illion")
# words after which a scale or fraction word may carry the figure's start ("eine Milliarde", "die Hälfte")
# the last character of every currency prefix ("USD12m", "Rs 500", "US$ 5"): only a digit run after one
# of these (or after one and a space) can have a prefix
_PREFIX_LAST = frozenset(w[-1] for w in CURRENCY_BEFORE)
_PREFIX_CHARS = _PREFIX_LAST | frozenset("$€£¥₹₽₩+-−( \u00a0\u202f\u2009.")
_MONTH_BEFORE = re.compile(r"(?:" + MONTHS_EN + "|" + _MONTHS_EN_NODOT + r")" + _SP + r"\Z")
# the same month names as plain strings: one str.endswith() call tells whether the regex can match
_MONTH_ENDINGS = tuple(MONTHS_EN.replace("\\", "").split("|")) + tuple(_MONTHS_EN_NODOT.split("|"))
_NODOT = frozenset(_MONTHS_EN_NODOT.split("|"))


# A safeguard, not a limit any article reaches: a text yields at most this many figures (the
# first ones), so that megabytes of digits and scale words cannot stall a run.
EXTRACT_MAX_FIGURES = 5000


def _word_start(text: str, i: int) -> int:
    """Start of the word holding offset i (at most 40 characters back)."""
    lo = max(0, i - 40)
    while i > lo and (text[i - 1].isalpha()):
        i -= 1
    return i


_PREFIX_SET = frozenset(CURRENCY_BEFORE)
_TOKEN_OPEN = frozenset("([{\"'„“«»‚‘")


def _prefix_start(text: str, p: int) -> int:
    """Where a number's currency prefix and sign begin ("US$5.4", "USD 12m", "(€5", "-5"), -1 when
    neither stands right before the digits at p. The prefix is a whole token ("x$5" has none)."""
    j = p - 1 if p and text[p - 1] in "-+−" else p
    k = j - 1 if j and text[j - 1] in " \u00a0\u202f\u2009" else j
    i = k
    while i > 0 and k - i < 7 and not text[i - 1].isspace() and text[i - 1] not in _TOKEN_OPEN:
        i -= 1
    if i < k and text[i:k] in _PREFIX_SET:
        return i
    return j if j < p else -1


def candidates(text: str) -> list:
    """Regex matches for every candidate figure, in text order, not overlapping.

    Numbers in digits (_digit_candidates) and figures in words (_word_candidates, tried where
    _word_candidate_starts finds a number word) are found apart; where two overlap, the one that starts
    first wins (of two at one start, the longer).
    """
    nums = _digit_candidates(text)
    starts, second = _word_candidate_starts(text)
    words = _word_candidates(text, nums, starts, second)
    if not words:
        return nums
    out = []
    last = 0
    for m in sorted(nums + words, key=lambda x: (x.start(), -x.end())):
        if m.start() >= last:
            out.append(m)
            last = m.end()
    return out


def _digit_candidates(text: str) -> list:
    """The matches of numbers written with digits, in text order, not overlapping: each run of digits
    is matched from its currency prefix or sign ("US$5", "-5"), from the month before it ("March 5,
    2024"), or from its first digit."""
    nums = []
    last = 0
    for r in _DIGIT_RUN.finditer(text):
        if len(nums) > EXTRACT_MAX_FIGURES:
            break
        p = r.start()
        if p < last:
            continue
        m = None
        c = text[p - 1] if p else ""
        if c and c in _PREFIX_CHARS and (not c.isspace() or p > 1 and text[p - 2] in _PREFIX_LAST and
                                         (text[p - 2] != "s" or text[p - 3:p - 1] == "Rs")):
            b = _prefix_start(text, p)
            if 0 <= b < p:
                m = _NUMERIC_PLAIN.match(text, b)
        if m is None and c == " " and p > 3 and (text[p - 2] in "yhletr." and
                                                 text.endswith(_MONTH_ENDINGS, max(0, p - 11), p - 1) or
                                                 text[p - 4:p - 1] in _NODOT or text[p - 5:p - 1] == "Sept"):
            b = _MONTH_BEFORE.search(text, max(0, p - 11), p)
            if b is not None and b.start() >= last:      # not the month of a date already read
                m = _NUMERIC_PLAIN.match(text, b.start())
                if m is not None and m.lastgroup != "date_mdy":
                    m = None
        if m is None:
            q = r.end()
            m = (_NUMERIC if q < len(text) and text[q] in _SPECIAL_AFTER else _NUMERIC_PLAIN).match(text, p)
        if m is not None and m.end() > p:
            nums.append(m)
            last = m.end()
        else:
            last = r.end()
    return nums


def _word_candidate_starts(text: str) -> tuple[set, set]:
    """Where a figure in words may start: the offsets of the text's words in _WORD_VOCAB and of the
    words holding a scale stem ("Milliarde", "Millionenbetrag"), and, of these, the offsets where the
    word before may begin the figure ("eine Milliarde", "die Hälfte")."""
    starts = set()
    second = set()                            # starts of words a figure may begin one word earlier
    found = {_WORD_VOCAB[t] for t in _WORD_KEYS.intersection(text.split())}
    for w in found:
        i = text.find(w)
        sec = w in _SECOND_WORDS
        while i >= 0 and len(starts) <= 2 * EXTRACT_MAX_FIGURES:
            if (i == 0 or not text[i - 1].isalpha()) and (i + len(w) >= len(text) or not text[i + len(w)].isalpha()):
                starts.add(i)
                if sec:
                    second.add(i)
            i = text.find(w, i + 1)
    for stem in _SCALE_STEMS:
        i = text.find(stem)
        while i >= 0 and len(starts) <= 2 * EXTRACT_MAX_FIGURES:
            k = _word_start(text, i)
            starts.add(k)
            second.add(k)
            i = text.find(stem, i + 1)
    return starts, second


def _word_candidates(text: str, nums: list, starts: set, second: set) -> list:
    """The matches of figures written in words, tried at `starts` in text order (at a start in `second`
    from the word before when it may begin the figure), not overlapping one another nor inside a
    number in digits ("14,3 Milliarden" is read with its number)."""
    words = []
    last = 0
    num_starts = [m.start() for m in nums]
    for i in sorted(starts):
        if i < last:
            continue
        k = bisect.bisect_right(num_starts, i) - 1
        if k >= 0 and nums[k].end() > i:
            continue                              # inside "14,3 Milliarden": read with its number
        if len(words) > EXTRACT_MAX_FIGURES:
            break
        m = None
        j = i - 1
        if j > 0 and i in second and text[j] in " \u00a0\u202f-":
            # the word before may begin the figure: "eine Milliarde", "Sechs-Milliarden-Euro-Paket"
            pws = _word_start(text, j)
            if pws < j and text[pws:j] in _BEFORE_SCALE:
                m = _WORD_PATTERN.match(text, pws)
                if m is not None and (m.end() <= i or pws < last):
                    m = None
        if m is None:
            m = _WORD_PATTERN.match(text, i)
        if m is not None:
            words.append(m)
            last = m.end()
    return words


# "[0-9][0-9]*", not "[0-9]+": the same runs, but a pattern that starts with a plain character set
# lets the regex engine skip to the next digit in a fast loop (twice as fast over a long text)
_DIGIT_RUN = re.compile(r"[0-9][0-9]*")
