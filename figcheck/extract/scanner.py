"""The master pattern: one pass over a text finds every candidate figure (digits, number words,
fractions, ordinals, vague amounts, dates)."""
from __future__ import annotations

import bisect
import re


# ---------------------------------------------------------------------------
# The master pattern: one pass finds every candidate
# ---------------------------------------------------------------------------
_SP = "[ \u00a0\u202f\u2009]"
MONTHS_DE = ("Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
                 "Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\.")
MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|December|"
                 "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.")
_NUM = (r"[0-9]{1,3}(?:[.,'’\u00a0\u202f\u2009][0-9]{3})+(?:[.,][0-9]+)?(?![0-9])"
           r"|[0-9]{1,3}(?: [0-9]{3})+(?![0-9]|[.,][0-9])"
           r"|[0-9]+(?:[.,][0-9]+)?")
_SCALE_RE = (r"Tsd\.|Tausend|Mio\.|Mio|Millionen|Million|Mrd\.|Mrd|Milliarden|Milliarde|Bio\.|Billionen|Billion|"
                r"[Tt]housand|[Mm]illions?|[Bb]illions?|[Tt]rillions?|mn|bn|tn|mln|bln|trn|Mn|Bn|MN|BN")
_CUR_SUFFIX = (r"[Ee]uro[ -]?[Cc]ents?|US-Cents?|[Dd]ollar[ -][Cc]ents|"
                  r"US-Dollar|US-\$|US[ ]Dollars?|U\.S\.[ ]dollars|Dollars?|dollars?|USD|Euros?|euros?|EUR|€|\$|"
                  r"Schweizer[ ]Franken|Franken|Swiss[ ]francs|francs|CHF|Fr\.|Pfund[ ]Sterling|Pfund|"
                  r"pounds?[ ]sterling|pounds?|sterling|GBP|£|Yen|yen|JPY|Yuan|yuan|Renminbi|CNY|RMB|"
                  r"Rupien|rupees|INR|Rubel|roubles|rubles|RUB|Won|KRW|SEK|NOK|DKK|PLN|Zloty|AUD|CAD|HKD|"
                  r"rupiah|Rupiah|IDR|Rand|rand|ZAR|reais|Forint|forint|HUF|kronor|CZK|MXN|"
                  r"Cents?|cents?|pence|Rappen")
_CUR_PREFIX = (r"(?:US\$|U\.S\.\$|US-\$|HK\$|NZ\$|CA\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|₽|₩)" + _SP + "?|"
                  r"(?:USD|EUR|CHF|GBP|JPY|CNY|AUD|CAD|HKD|SEK|NOK|DKK|SFr\.|Fr\.)" + _SP + "?")
_PCT_RE = (r"%|Prozentpunkten|Prozentpunkte|Prozentpunkt|Prozent|v\.[ ]?H\.|per[ ]cent|percentage[ ]points?|"
              r"percent|pct|Basispunkten|Basispunkte|Basispunkt|basis[ ]points?|bps|bp")
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
    r"(?:(?P<sp1>" + _SP + r"?)(?P<scale>" + _SCALE_RE + r")" + _NOT_LETTER +
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
    r"?[0-9]{4})?)(?![0-9])"
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
    r"|(?P<numord>[0-9]+(?:st|nd|rd|th)(?:[ -]" + _SUPERL_EN + r")?)(?![^\W\d_])"
    r"|(?P<num>(?P<cpre>" + _CUR_PREFIX + r")?(?P<sign>(?<![\w.,)\]])[-+−](?=[0-9]))?"
    r"(?P<digits>" + _NUM + r")" + _TAIL + r")"
)
# Figures written in words, matched at the start of candidate words (see _ex_word_starts)
_WORD_PATTERN = re.compile(
    r"\b(?:"
    r"(?P<ordw>(?:[Zz]weit|[Dd]ritt|[Vv]iert|[Ff]ünft|[Ss]echst|[Ss]iebt|[Aa]cht|[Nn]eunt|[Zz]ehnt)"
    + _SUPERL_DE + r"|(?:[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)"
    r"[ -]" + _SUPERL_EN + r")" + _NOT_LETTER +
    r"|"
    r"(?P<frac>(?:(?:[Dd]ie|[Dd]er|zur|[Ee]ine?|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Nn]eun|[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|"
    r"[Ff]our)" + _SP + r"|[Tt]wo-|[Tt]hree-)?(?:Hälfte|Drittel|Viertel|Fünftel|Zehntel|[Hh]alf|thirds?|"
    r"quarters?|fifths?|tenths?))" + _NOT_LETTER +
    r"|(?P<wnum>(?P<wsmall>(?:[Ee]ine[mnrs]?|[Ee]in|[Oo]ne|[Aa]n?)(?=" + _SP +
    r"(?:Tausend|Millionen|Million|Milliarde|Billion|thousand|million|billion|trillion|hundred)\b)|[Ee]ineinhalb|"
    r"[Aa]nderthalb|(?P<cardde>" + _CARD_DE + r")|(?P<carden>" + _CARD_EN + r"))" + _NOT_LETTER +
    r"(?:" + _SP + r"(?P<wscale>Tausend|Millionen|Million|Milliarden|Milliarde|Billionen|Billion|thousand|"
    r"millions?|billions?|trillions?|hundred))?"
    r"(?:" + _SP + r"(?P<wpct>Prozent|percent|per[ ]cent|Prozentpunkte|percentage[ ]points?)" + _NOT_LETTER +
    r"|(?:" + _SP + r"|-)(?P<wcsuf>" + _CUR_SUFFIX + r")" + _NOT_LETTER + r")?)"
    r"|(?P<vague>(?P<vword>(?:[Hh]undreds|[Tt]ens)[ ]of[ ](?:thousands|millions|billions)|[Mm]ulti-?(?:billion|million)\w*|"
    r"(?:[Mm]ulti)?[Mm]illiarden\w*|[Mm]illionen\w*|[Bb]illionen\w*|(?:[Bb]illion|[Mm]illion|[Tt]rillion)-"
    r"(?:dollar|euro|pound)\w*|(?:[Zz]ehn|[Hh]undert|[Aa]ber)?[Tt]ausende[nr]?|(?:[Aa]ber)?[Hh]underte[nr]?|"
    r"[Dd]utzende[nr]?|[Bb]illions|[Mm]illions|[Tt]rillions|[Tt]housands|[Hh]undreds|[Dd]ozens)(?![^\W\d_])"
    r"(?:" + _SP + r"(?:of" + _SP + r")?(?P<vcsuf>US-Dollar|Dollar|dollars|Euro|euros|pounds|Franken|francs|"
    r"yen|Yen|yuan|Yuan)" + _NOT_LETTER + r")?)"
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
    for pre in ("zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt"):
        for sup in _SUPERL_DE_STEMS:
            for end in ("e", "en", "er", "es", "em"):
                words.add(pre + sup + end)
                if "ß" in sup:
                    words.add(pre + sup.replace("ß", "ss") + end)
    ones = "one two three four five six seven eight nine".split()
    words |= {t + "-" + o for t in en[17:26] for o in ones}
    words |= {"two-thirds", "three-quarters", "two-third", "three-quarter"}
    for o in ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"):
        for sup in _SUPERL_EN.strip("(?:)").split("|"):
            words.add(o + "-" + sup)
    words |= {w[:1].upper() + w[1:] for w in words}
    # tokens as text.split() leaves them, with punctuation attached: token -> word
    out = {}
    for w in words:
        out[w] = w
        for p in ",.;:!?)\"“”»«'’":
            out[w + p] = w
        for p in "(\"„“«»":
            out[p + w] = w
    return out


_WORD_VOCAB = _build_word_vocab()
_WORD_KEYS = frozenset(_WORD_VOCAB)      # intersected with the text's tokens at C speed
# substrings that mark scale words and their compounds (Milliarde, Millionenbetrag, billion-dollar)
_SCALE_STEMS = ("illiard", "illion")
# words after which a scale or fraction word may carry the figure's start ("eine Milliarde", "die Hälfte")
_PUNCT_RE = re.compile("[.,;:!?()\\[\\]{}\"'«»„“”‚‘’\\-–—/…]")
_PREFIX_BEFORE = re.compile(r"(?:\(|(?:" + _CUR_PREFIX + r")?[-+−]?)\Z")
_PREFIX_CHARS = frozenset("$€£¥₹₽₩+-−( \u00a0\u202f\u2009.")
_MONTH_BEFORE = re.compile(r"(?:" + MONTHS_EN + r")" + _SP + r"\Z")
# the same month names as plain strings: one str.endswith() call tells whether the regex can match
_MONTH_ENDINGS = tuple(MONTHS_EN.replace("\\", "").split("|"))


# A safeguard, not a limit any article reaches: a text yields at most this many figures (the
# first ones), so that megabytes of digits and scale words cannot stall a run.
EXTRACT_MAX_FIGURES = 5000


def _word_start(text: str, i: int) -> int:
    """Start of the word holding offset i (at most 40 characters back)."""
    lo = max(0, i - 40)
    while i > lo and (text[i - 1].isalpha()):
        i -= 1
    return i


def candidates(text: str) -> list:
    """Regex matches for every candidate figure, in text order, not overlapping."""
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
        if c and c in _PREFIX_CHARS and (not c.isspace() or p > 1 and text[p - 2] in "DRFPYK.$€£¥₹₽₩"):
            b = _PREFIX_BEFORE.search(text, max(0, p - 7), p)
            if b is not None and b.start() < p:
                m = _NUMERIC.match(text, b.start())
        if m is None and c == " " and p > 3 and text[p - 2] in "yhletr." and \
                text.endswith(_MONTH_ENDINGS, max(0, p - 11), p - 1):
            b = _MONTH_BEFORE.search(text, max(0, p - 11), p)
            if b is not None:
                m = _NUMERIC.match(text, b.start())
                if m is not None and m.lastgroup != "date_mdy":
                    m = None
        if m is None:
            m = _NUMERIC.match(text, p)
        if m is not None and m.end() > p:
            nums.append(m)
            last = m.end()
        else:
            last = r.end()
    starts = set()
    found = {_WORD_VOCAB[t] for t in _WORD_KEYS.intersection(text.split())}
    for w in found:
        i = text.find(w)
        while i >= 0 and len(starts) <= 2 * EXTRACT_MAX_FIGURES:
            if (i == 0 or not text[i - 1].isalpha()) and (i + len(w) >= len(text) or not text[i + len(w)].isalpha()):
                starts.add(i)
            i = text.find(w, i + 1)
    for stem in _SCALE_STEMS:
        i = text.find(stem)
        while i >= 0 and len(starts) <= 2 * EXTRACT_MAX_FIGURES:
            starts.add(_word_start(text, i))
            i = text.find(stem, i + 1)
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
        if j > 0 and text[j] in " \u00a0\u202f":
            pws = _word_start(text, j)
            if pws < j:
                m = _WORD_PATTERN.match(text, pws)
                if m is not None and (m.end() <= i or pws < last):
                    m = None
        if m is None:
            m = _WORD_PATTERN.match(text, i)
        if m is not None:
            words.append(m)
            last = m.end()
    if not words:
        return nums
    out = []
    last = 0
    for m in sorted(nums + words, key=lambda x: (x.start(), -x.end())):
        if m.start() >= last:
            out.append(m)
            last = m.end()
    return out


# "[0-9][0-9]*", not "[0-9]+": the same runs, but a pattern that starts with a plain character set
# lets the regex engine skip to the next digit in a fast loop (twice as fast over a long text)
_DIGIT_RUN = re.compile(r"[0-9][0-9]*")
