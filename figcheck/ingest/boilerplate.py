"""Which lines of an article are not the article: adverts, recommendations, promos, job listings,
comment rules, tag clouds, bylines — general line rules, each line kept in boilerplate.csv."""
from __future__ import annotations

import re

from figcheck.ingest.base import CAPTION_MARK, LONG_LINE, I
from figcheck.ingest.dates import parse_date_line
from figcheck.ingest.lines import (
    IngestLine, BYLINE, END_PUNCT, LIST_ITEM, is_paragraph,
    words_in
)
from figcheck.ingest.metadata import (
    dateline, mark_photo_tags, masthead_outlet, meta_parts,
    outlet_date_line
)


# Whole-line labels (a heading or a marker on its own line).
_ADVERT_LINE = re.compile(r"^(?:ad|ads|anzeige|anzeigen|advertisement|advertising|werbung|sponsored|gesponsert|"
                          r"promoted|paid content|paid post|sponsored content|partner-?inhalt|"
                          r"werbung schließen|close ad|skip ad)\s*:?$", I)
_RECOMMEND_LINE = re.compile(
    r"^(?:empfehlungen|empfehlung|unsere empfehlungen|mehr zum thema|zum thema|auch interessant|"
    r"das könnte (?:sie|dich) auch interessieren|das könnte (?:sie|dich) interessieren|"
    r"(?:lesen sie|lies) (?:auch|mehr|weiter)|weiterlesen|weitere artikel|weitere themen|ähnliche artikel|"
    r"verwandte artikel|passend zum thema|meistgelesen|meistgelesene artikel|am meisten gelesen|"
    r"top-?artikel|top-?themen|neueste artikel|aktuelle artikel|mehr aus (?:dem|der) \w+|mehr (?:von|aus) [\w .-]{1,30}|"
    r"read more|read next|read also|related|related articles|related stories|related content|related topics|"
    r"more on this story|more on this topic|more from [\w .-]{1,30}|more stories|you may also like|"
    r"you might also like|recommended|recommended for you|most read|most popular|top stories|trending|"
    r"editor'?s picks|see also)\s*:?$", I)
_RECOMMEND_PREFIX = re.compile(
    r"^(?:lesen sie auch|lies auch|mehr zum thema|auch interessant|siehe auch|zum thema|weiterlesen|"
    r"read more|read also|see also|related|more on this|also read|recommended)\s*:\s*\S", I)
_JOBS_LINE = re.compile(r"^(?:stellenangebote|stellenanzeigen|stellenmarkt|jobbörse|jobs|top-?jobs|"
                        r"aktuelle jobs|jobangebote|karriere|job offers|job listings|jobs board|careers|"
                        r"vacancies)(?:\s+(?:bei|at|von|im|in|der|des)\s+[\w .-]{1,30})?\s*:?$", I)
_TAGS_PREFIX = re.compile(r"^(?:tags|schlagwörter|schlagworte|stichwörter|stichworte|themen|topics|"
                          r"kategorien|categories|filed under|mehr zu)\s*:\s*\S", I)
_NAV_LINE = re.compile(r"^(?:teilen|share|share this|share this article|drucken|print|e-?mail|mail|"
                       r"kommentieren|kommentare|comments?|zurück|back|weiter|next|previous|vorheriger artikel|"
                       r"nächster artikel|zur startseite|startseite|home|menü|menu|suche|search|anmelden|"
                       r"login|log in|sign in|abonnieren|subscribe|merken|bookmark|vorlesen|listen|"
                       r"artikel anhören|listen to this article|copy link|link kopieren|facebook|twitter|x|"
                       r"linkedin|whatsapp|xing|instagram|pinterest|reddit|telegram|threads|bluesky|"
                       r"flipboard|pocket|mastodon)\s*:?$", I)
_READING_TIME = re.compile(r"^(?:lesezeit\s*:?\s*)?(?:ca\.\s*)?\d{1,3}\s*(?:min\.?|minuten|minutes?)"
                           r"(?:\s+(?:lesezeit|read|reading time|lesen))?$", I)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|(?:alle rechte vorbehalten|all rights reserved)", I)
_DOMAIN_LINE = re.compile(r"^(?:quelle|source)?\s*:?\s*((?:www\.)?[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})*"
                          r"\.(?:[a-z]{2,12}))/?$", I)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<!\d)\+?\(?\d{1,4}\)?(?:[ ./-]?\(?\d{2,4}\)?){2,5}(?!\d)")
_CONTACT_CUE = re.compile(r"\b(?:contact|kontakt\w*|call (?:us|our)|rufen sie|schreiben sie|tips?|hinweise?|"
                                r"newsroom|redaktion|e-?mail|tel\.?|telefon|phone|fax|whatsapp)\b")  # lower case: searched in line.lower()
_SOCIAL_FOLLOW = re.compile(r"\b(?:follow|folgen?|folgt)\b[^.!?]{0,50}\b(?:on|auf|bei)\s+(?:linkedin|x|twitter|"
                                   r"facebook|instagram|threads|bluesky|mastodon|tiktok|youtube|whatsapp|telegram|"
                                   r"google news|flipboard)\b")  # lower case: searched in line.lower()

# Cue words searched inside a line (short lines only).
_JOB_TITLE = re.compile(r"\((?:[mwfdx]\s*/\s*){2}[mwfdx]\)|\((?:all genders|alle geschlechter)\)|"
                        r"\b(?:werkstudent|praktikant|praktikum|ausbildung zum|duales studium|traineeprogramm|"
                        r"festanstellung|vollzeit|teilzeit)\b")  # lower case: searched in line.lower()
_JOB_PROMO = re.compile(r"\b(?:jobs?|stellen|karriere|careers?)\b.{0,80}\b(?:bewerben|finden|apply|entdecken)\b|"
                        r"\bjetzt bewerben\b|\bapply now\b")  # lower case: searched in line.lower()
_PROMO_CUES = re.compile(
    r"newsletter|\brss\b|\bfeeds?\b|abonnier|\babo\b|subscrib|\bsign up\b|anmelden|registrier|"
    r"per e-?mail|e-?mail-benachrichtigung|push-(?:nachricht|mitteilung|benachrichtigung)|benachrichtigung|"
    r"patreon|steady|paypal|spenden|unterstütz|\bdonate\b|support us|"
    r"folgen sie uns|folge uns|folgt uns|follow us|like us|teilen sie|share this|jetzt teilen|"
    r"whatsapp-kanal|telegram-kanal|google news|\bpodcast\b|\bapp\b|startseite|homepage|"
    r"kostenlos|gratis|for free|free trial|testen sie|jetzt lesen|weiterlesen mit|\bplus\b-?abo|"
    r"themenrecherche|suchmaschine|nichts verpassen|never miss|stay informed|bleiben sie informiert")  # lower case: searched in line.lower()
# Substrings of which one must occur for _PROMO_CUES to match (a cheap filter: str `in` is fast).
_PROMO_KEYS = ("newsletter", "rss", "feed", "abo", "subscrib", "sign up", "anmelden", "registrier", "per e",
                      "benachrichtigung", "push-", "patreon", "steady", "paypal", "spenden", "unterstütz", "donate",
                      "support us", "folgen sie uns", "folge uns", "folgt uns", "follow us", "like us", "teilen sie",
                      "share this", "jetzt teilen", "-kanal", "google news", "podcast", "app", "startseite",
                      "homepage", "kostenlos", "gratis", "for free", "free trial", "testen sie", "jetzt lesen",
                      "weiterlesen mit", "themenrecherche", "suchmaschine", "nichts verpassen", "never miss",
                      "stay informed", "bleiben sie informiert")
# An imperative that asks the reader to subscribe ('Subscribe to ...', 'Sign up for our ... newsletter',
# 'Get ... in your inbox', 'Abonnieren Sie ...', 'Melden Sie sich für ... Newsletter an'), at the start of the
# line or of a sentence in it. 'subscribe' as a verb only: 'subscribers' or 'Abonnenten' never match.
_SUBSCRIBE_START = re.compile(
    r"(?:^|[.!?:]\s+)(?:(?:jetzt|hier|now)\s+)?"
    r"(?:subscribe\s+(?:to|now|for|today|here)\b|sign\s+up\s+(?:for|to|now|here|today)\b|"
    r"abonnieren\s+sie\b|bestellen\s+sie\s+(?:\w+\s+){0,2}?(?:newsletter|briefing)|"
    r"registrieren\s+sie\s+sich\b[^.!?]{0,80}\b(?:newsletter|briefing|kostenlos)|"
    r"melden\s+sie\s+sich\b[^.!?]{0,100}\b(?:newsletter|briefing|push|benachrichtigung)|"
    r"get\b[^.!?]{0,100}\b(?:in|into|to|straight to|delivered to)\s+your\s+inbox\b|"
    r"hol(?:en\s+sie\s+sich|\s+dir)\b[^.!?]{0,60}\b(?:newsletter|briefing))")  # lower case: searched in line.lower()
_READER_ADDRESS = re.compile(r"\b(?:du|dich|dir|dein\w*|euch|euer|eure\w*|habt ihr|nutze|nutzt|lies|hol dir|"
                             r"sichern sie sich|melden sie sich|you|your)\b")  # lower case: searched in line.lower()
_COMMENT_TOPIC = re.compile(r"kommentar|kommentier|diskussion|\bforum|netiquette|forenregeln|"
                            r"community-?richtlinien|leserbrief|comments? (?:section|policy|are|will)|"
                            r"(?:post|leave|your|reader) comments?|commenting|community guidelines|"
                            r"house rules")  # lower case: searched in line.lower()
_COMMENT_POLICY = re.compile(r"moderier|lösch|vorbehalt|behalten wir uns|respektvoll|sachlich|konstruktiv|"
                             r"regeln|richtlinien|beleidig|freigeschaltet|moderat|delete|remove|rules|"
                             r"guidelines|respectful|civil|offensive|wertvollen beitrag|für unsere leser|"
                             r"for our readers")  # lower case: searched in line.lower()
_PUBLISHER_VOICE = re.compile(r"\b(?:wir|uns|unser\w*|du|dich|dein\w*|euch|leser\w*|we|us|our|you|your|"
                              r"readers?)\b")  # lower case: searched in line.lower()
_SHOP_CUES = re.compile(r"bücher|buchtipp|buch-?tipp|hörbuch|bestseller|\bshop\b|bei amazon|jetzt bestellen|"
                        r"jetzt kaufen|im handel|affiliate|provision|gutschein|rabatt|angebot des tages|"
                        r"\bbooks?\b|buy now|order now|deal of the day|\bcoupon")  # lower case: searched in line.lower()
_CREDIT_ONLY = re.compile(r"^(?:foto|fotos|bild|bilder|photo|photos|image|picture|grafik|illustration|video|"
                          r"quelle|credit|bildquelle|titelbild|symbolbild)\s*:\s*[^.!?]{1,80}$|^©\s*[^.!?]{1,80}$", I)
_CAPTION_CREDIT = re.compile(
    r"(?P<body>[^\n]{8,600}?[.!?…\"'»«“”)])\s+[-–—|/]\s+(?P<credit>(?:(?i:\w*(?:foto|bild|photo|image|quelle))\s*:?\s*|©\s*)?"
    r"[A-ZÄÖÜ©][\w&.'’/ -]{1,50}?)\s*$")
_CAPTION_LABEL = re.compile(r"(?:\b(?:foto|fotos|bild|photo|image|picture|bildquelle|credit)\s*:\s*[^\n]{1,80}"
                            r"|\((?:foto|bild|photo|image|picture|credit)\s*:\s*[^)\n]{1,80}\)|©\s*[^\n]{1,60})$", I)


def looks_like_caption(line: str) -> bool:
    """True for an image caption: a sentence followed by a credit ('... Scale AI. - Keystone'),
    or text with 'Foto:', 'Bild:', 'Photo:', '(Image: ...)', '©' at its end."""
    if len(line) > 700 or words_in(line) < 3:
        return False
    m = _CAPTION_CREDIT.match(line)
    if m:
        credit = m.group("credit").strip()
        if 1 <= len(credit.split()) <= 5 and not END_PUNCT.search(credit):
            return True
    return bool(_CAPTION_LABEL.search(line)) and not _CREDIT_ONLY.match(line)


def looks_like_headline(line: str) -> bool:
    """A headline: one short line (<= 20 words, <= 180 characters) that does not end with a full stop
    and holds no second sentence. A lead paragraph ('... Start-up Scale AI. Dessen CEO ...') is not."""
    line = line.strip()
    if not line or len(line) > 180 or words_in(line) > 20:
        return False
    if re.search(r"[.;,]$", line) and not re.search(r"\.\.\.$|…$", line):
        return False
    if re.search(r"[a-zäöüß0-9)][.!?]\s+[A-ZÄÖÜ]", line):   # two sentences
        return False
    return True


def _tag_cloud(line: str) -> bool:
    """Tags glued together ('Mark ZuckerbergVerwaltungsratRegierung...') or a list of short tags
    separated by '|', '·', '•' or ',' with no sentence punctuation."""
    if END_PUNCT.search(line) or len(line) > 400:
        return False
    glued = len(re.findall(r"[a-zäöüß][A-ZÄÖÜ][a-zäöüß]", line))
    if glued >= 3 and glued * 2 >= words_in(line):
        return True
    parts = [p.strip() for p in re.split(r"\s*[|·•]\s*", line)]
    return len(parts) >= 4 and all(0 < len(p.split()) <= 4 for p in parts)


def classify_ingest_line(line: str) -> str | None:
    """The boilerplate rule a single (stripped) line matches, or None for article text.

    Rules are general (they would work on other German or English news pages), not a list of
    known lines. Long lines are always article text.
    """
    if len(line) > LONG_LINE:
        return None
    low = line.lower()
    if _ADVERT_LINE.match(line):
        return "advert"
    if _RECOMMEND_LINE.match(line) or _RECOMMEND_PREFIX.match(line):
        return "recommendations"
    if _JOBS_LINE.match(line):
        return "jobs"
    if _TAGS_PREFIX.match(line):
        return "tag_cloud"
    if _NAV_LINE.match(line):
        return "navigation"
    if _READING_TIME.match(line):
        return "reading_time"
    if len(line) <= 200 and _COPYRIGHT.search(line):
        return "copyright"
    words = words_in(line)
    if words > 80:
        return None
    item = bool(LIST_ITEM.match(line))
    sentence = line.endswith(".") and not line.endswith("...")
    if words <= 25 and not sentence and (_JOB_TITLE.search(low) or _JOB_PROMO.search(low)):
        return "jobs"
    if words <= 45 and _COMMENT_TOPIC.search(low) and _COMMENT_POLICY.search(low) \
            and (words <= 12 or _PUBLISHER_VOICE.search(low)):
        return "comment_policy"
    if words <= 30 and _SOCIAL_FOLLOW.search(low):
        return "newsletter_social"
    if words <= 30 and _CONTACT_CUE.search(low) and _CONTACT.search(line):
        return "contact"
    if words <= 40 and ("sub" in low or "sign" in low or "sie" in low or "inbox" in low or "hol" in low) \
            and _SUBSCRIBE_START.search(low):
        return "newsletter_social"
    reader = bool(_READER_ADDRESS.search(low))
    if words <= 40 or reader:
        promo = len(set(m.group(0) for m in _PROMO_CUES.finditer(low))) \
            if any(k in low for k in _PROMO_KEYS) else 0
        if promo and words <= 40 and (promo >= 2 or reader or line.endswith("!") or item):
            return "newsletter_social"
        if promo >= 3 and reader:
            return "newsletter_social"
    if words <= 40 and (item or " | " in line or line.endswith("!")) and _SHOP_CUES.search(low):
        return "shop_promo"
    if words <= 15 and line.endswith("?") and reader and not re.search(r"[«»„“”\"]", line):
        return "reader_prompt"
    if item and line.endswith("!") and words <= 20:
        return "promo_list"
    if _tag_cloud(line):
        return "tag_cloud"
    if BYLINE.match(line) and words <= 8:
        return "byline"
    return None


# Rules whose heading line opens a block: the short lines after it (links, listings) go too.
_BLOCK_RULES = {"advert", "recommendations", "jobs", "tag_cloud"}


def classify_article_lines(text: str) -> tuple[list[IngestLine], dict]:
    """Classify every line of a normalised article; return (lines, metadata found in the text).

    metadata: {'published': ISO date from a date line, 'outlet': from a source line or dateline,
    'agency': agency named in a dateline}. Linear in the length of the text.
    """
    out: list[IngestLine] = []
    meta = {"published": "", "outlet": "", "agency": ""}
    st = {"headline": "", "long": set(), "block": "", "first": True, "header": True}
    for i, original in enumerate(text.split("\n")):
        line = original.strip()
        n = i + 1
        caption_mark = line.startswith(CAPTION_MARK)
        line = line.replace(CAPTION_MARK, "").strip()
        if not line:
            out.append(IngestLine(n, "", "blank"))
        elif caption_mark:
            st["block"], st["first"] = "", False
            out.append(IngestLine(n, line, "caption"))
        else:
            out.append(_classify_line(n, line, meta, st))
    _finish_metadata(out, meta)
    return out, meta


def _date_or_domain_rule(line: str, short: bool, meta: dict) -> str:
    """'date_line' or 'source_line' for a line that is only a date or a domain, filling `meta`; else ''."""
    iso = parse_date_line(line) if short else ""
    if iso:
        meta["published"] = meta["published"] or iso
        return "date_line"
    dm = _DOMAIN_LINE.match(line) if short and len(line) <= 80 else None
    if dm and "." in dm.group(1):
        meta["outlet"] = meta["outlet"] or dm.group(1).lower().removeprefix("www.")
        return "source_line"
    return ""


def _byline_rule(line: str, short: bool, header: bool, meta: dict) -> str:
    """'byline', 'source_line' or 'date_line' for a byline or an outlet/date line, filling `meta`; else ''."""
    parts = meta_parts(line) if short and len(line) <= 200 else None
    rule = "byline"
    if parts is None and header and short:
        parts = outlet_date_line(line)
        rule = "source_line" if parts and parts["outlet"] else "date_line"
    if parts is None:
        return ""
    meta["published"] = meta["published"] or parts["published"]
    meta["outlet"] = meta["outlet"] or parts["outlet"]
    return rule


def _classify_line(n: int, line: str, meta: dict, st: dict) -> IngestLine:
    """One non-empty line: metadata, boilerplate (alone or continuing a block), headline, caption or body."""
    short = len(line) <= LONG_LINE
    key = " ".join(line.lower().split())
    meta_rule = _date_or_domain_rule(line, short, meta)
    if not meta_rule and st["headline"] and key == st["headline"]:
        return IngestLine(n, line, "removed", "repeated_title")
    meta_rule = meta_rule or _byline_rule(line, short, st["header"], meta)
    if meta_rule:
        return IngestLine(n, line, "removed", meta_rule)
    rule = classify_ingest_line(line) if short else None
    if rule is None and st["block"]:
        ad_copy = line.endswith("!") or _PROMO_CUES.search(line.lower()) \
            or _SHOP_CUES.search(line.lower()) \
            or re.search(r"https?://|www\.", line)
        if is_paragraph(line) or looks_like_caption(line) or (st["block"] == "advert" and not ad_copy):
            st["block"] = ""
        else:
            rule = st["block"]
    if rule:
        st["block"] = rule if rule in _BLOCK_RULES else ""
        return IngestLine(n, line, "removed", rule)
    if short and len(line) >= 40 and key in st["long"]:
        return IngestLine(n, line, "removed", "repeated_line")
    if st["first"] and looks_like_headline(line):
        st["headline"], st["first"] = key, False
        return IngestLine(n, line, "headline")
    st["first"] = False
    if looks_like_caption(line):
        return IngestLine(n, line, "caption")
    if len(line) >= 40:
        st["long"].add(key)
    if st["header"] and short and is_paragraph(line):
        st["header"] = False
    return IngestLine(n, line, "body")


def _finish_metadata(out: list[IngestLine], meta: dict) -> None:
    """After all lines: photo tags, the masthead's outlet, interview prompts kept, the dateline's agency."""
    mark_photo_tags(out)
    masthead = masthead_outlet(out)
    if masthead:
        meta["outlet"] = meta["outlet"] or masthead
    prompts = [ln for ln in out if ln.rule == "reader_prompt"]
    if len(prompts) >= 3:          # many questions to "du"/"you": an interview, not a poll
        for ln in prompts:
            ln.kind, ln.rule = "body", ""
    first = [ln for ln in out if ln.kind in ("body", "headline")][:2]
    dl = next((d for d in (dateline(ln.text) for ln in first if ln.kind == "body") if d), None)
    if dl:
        name, is_agency = dl
        if is_agency:
            meta["agency"] = name
        else:
            meta["outlet"] = meta["outlet"] or name
