"""Every German word and sentence the collection writes for a reader, in one place.

The analysis never builds sentences: it returns records, and the modules of `wording/`
turn them into text with the templates below (`str.format` fields in braces). The English
module `en.py` has the same names. A translator, or an editor who wants other words,
changes this file only.
"""
from __future__ import annotations

CODE = "de"

# --- small words -----------------------------------------------------------
QUOTES = ("„", "“")
AND = " und "
ARTICLE = "Artikel"
ABOUT = "rund"            # "rund 14 Milliarden USD" (an approximate figure)
ABOUT_FACTOR = "etwa"     # "etwa 14-mal"
AT_LEAST = "mindestens"
AT_MOST = "höchstens"
JUST_UNDER = "knapp unter"
LOWER = "niedriger"
HIGHER = "höher"

# --- the names of the built-in quantities ----------------------------------
QUANTITY_NAMES = {
    "deal_amount": "Investitionssumme", "investment": "Investition", "stake": "Anteil", "valuation": "Bewertung",
    "revenue": "Umsatz", "profit": "Gewinn", "loss": "Verlust", "net_income": "Nettogewinn",
    "price_per_share": "Preis je Aktie", "shares": "Anzahl Aktien", "total": "Gesamtbetrag",
    "market_value": "Börsenwert", "funding": "Finanzierung", "users": "Nutzer", "employees": "Beschäftigte",
    "year_founded": "Gründungsjahr", "year_failure": "Jahr des Zusammenbruchs",
    "year_ipo": "Jahr des Börsengangs", "ai_spending": "KI-Ausgaben", "workers": "Arbeitskräfte",
    "customers": "Kunden", "price": "Preis", "jobs": "Stellen", "job_cuts": "Stellenabbau", "fine": "Strafe",
    "spending": "Ausgaben", "rank": "Rang", "year_acquired": "Jahr der Übernahme", "market_share": "Marktanteil",
    "change": "Veränderung", "change_points": "Veränderung in Prozentpunkten", "interest_rate": "Zinssatz",
    "inflation": "Inflation", "unemployment_rate": "Arbeitslosenquote", "margin": "Marge",
    "vote_share": "Stimmenanteil", "people": "Personen", "casualties": "Opfer", "debt": "Schulden",
    "tax_bill": "Steuerschuld", "damages": "Schadenersatz", "dividend": "Dividende", "deaths": "Tote",
    "injured": "Verletzte", "backlog": "Auftragsbestand",
    "aid": "Staatshilfe", "assets": "Vermögenswerte", "bond": "Anleihe", "capacity": "Kapazität",
    "commitment": "Zusage", "countries": "Länder", "decline": "Rückgang", "limit": "Obergrenze", "deposits": "Einlagen",
    "discount": "Abschlag", "enterprise_value": "Unternehmenswert", "equity": "Eigenkapital", "failure": "Pleite (Rang)",
    "fee": "Gebühr", "growth": "Anstieg", "guarantee": "Garantie", "liquidity": "Liquiditätshilfe", "loan": "Kredit",
    "net_proceeds": "Nettoerlös", "net_worth": "Vermögen", "offer": "Angebot", "premium": "Aufschlag",
    "proceeds": "Erlös", "salary": "Gehalt", "share_price": "Aktienkurs", "shareholder_rank": "Rang unter den Aktionären",
    "sites": "Standorte", "stake_sold": "Verkauftes Aktienpaket", "withdrawals": "Abflüsse",
}
# words of a quantity's suffix (extract/grouping.py: what sets a split-off quantity apart)
SUFFIX_WORDS = {"state": "Staat", "before": "zuvor", "planned": "geplant", "first": "zunächst", "now": "jetzt",
                "later": "später", "added": "weitere", "each": "je", "fraction": "Bruchteil davon", "direct": "direkt", "instruments": "über Finanzinstrumente", "lower": "Schwelle", "upper": "Obergrenze", "premarket": "vorbörslich", "after_hours": "nachbörslich", "subset": "davon", "for": "dafür", "against": "dagegen", "short": "fehlend", "rest": "übrige", "incl": "inklusive"}

# --- findings (findings.csv `message`) --------------------------------------
FINDINGS = {
    "consensus": "{label}: {n} Medien stimmen überein – {parts} {verb} {range}.",
    "consensus_verb": ("nennt", "nennen"),
    "consensus_part": "{who} ({quote})",
    "compatible": " {quote} ({who}) ist {kind} und widerspricht dem nicht{early}.",
    "compatible_kind": {"lower": "eine Untergrenze", "upper": "eine Obergrenze", "vague": "eine vage Angabe",
                        "other": "eine Rundung"},
    "compatible_early": "; die Zahl stammt aus einem frühen Stadium ({cue}), als der Deal noch nicht feststand",
    "not_independent": " Nicht unabhängig: mehrere berufen sich auf {names}.",
    "outlier": "{label}: {who} nennt {quote} ({value}) – {gap} als der Konsens von {consensus} ({support}).",
    "gap": {"about": "etwa {times}-mal {direction}", "many": "{times}-mal {direction}",
            "few": "{times} {direction}"},
    "scale_slip": " Der Abstand ist fast genau eine Zehnerpotenz (×{power:g}): vermutlich ein Fehler in der "
                  "Größenordnung (etwa Millionen statt Milliarden).",
    "early_figure": " Die Zahl stammt aus einem frühen Stadium ({cue}) und ist womöglich überholt.",
    "frames_same": " Beide Zahlen messen dasselbe: {words}.",
    "frames_unclear": " Prüfenswert, aber unsicher: Ob beide Zahlen dasselbe messen, ist unklar ({what}; {words}).",
    "frames_what": {"measure": "Messgröße", "holder": "wessen", "object": "wovon", "time": "Zeitpunkt",
                    "claim": "der Artikel nennt mehrere Werte", "vague": "eine vage Größenordnung"},
    "lookalike": " Die Zahl gleicht aber {quote} ({label}, {who}) – womöglich ist das gemeint.",
    "no_majority": "{label}: Die Medien widersprechen sich, keine Zahl hat eine Mehrheit – {parts}.",
    "no_majority_part": "{who} {quote} ({value})",
    "progression": "{label}: Kein Widerspruch, sondern eine Entwicklung über die Zeit – {steps}.",
    "progression_step": "{value} ({when}, {who}: {quote}{cue})",
    "timepoint": {"past": "früher", "projected": "erwartet", "current": "aktuell"},
    "self_contradiction": "{label}: {who} widerspricht sich selbst – {parts}, aber im {segment} {quote} ({value}).",
    "self_part": "{segment} {quote} ({value})",
    "segment": {"headline": "Schlagzeile", "caption": "Bildunterschrift", "body": "Text", "opening": "Einstieg",
                "": "Text"},
    "currency": "{label}: {quotes} in {unit}, {others} in {main_unit}; Beträge in verschiedenen Währungen "
                "werden nicht verglichen.",
    "currency_same_number": " Die Zahl gleicht dem Konsens in {main_unit} – womöglich ist die Währung falsch.",
    "over_100": "{label}: {who} nennt {quote} – ein Anteil kann nicht über 100 % liegen.",
    "derived": "{label}: {source}{terms} ergibt {approx}{implied}; {fit} {reported} ({where}; Abweichung {diff}, "
               "Toleranz {tolerance}).",
    "derived_source": {"article": "Aus {who}: ", "consensus": "Aus den Konsenswerten: "},
    "derived_fit": {True: "passt zu", False: "passt nicht zu"},
    "derived_fit_valuation": {True: "passt zur Bewertung von", False: "passt nicht zur Bewertung von"},
    "derived_same_article": "im selben Artikel",
    "derived_rule_of_thumb": " Eingebaute Faustregel: Womöglich gehören die Zahlen nicht zum selben Geschäft – "
                             "bitte prüfen.",
    "derived_from_outlier": " Folgt aus der abweichenden Zahl von {who}.",
    "cites": "{who} beruft sich auf {sources}",
    "cites_attributed": "; führt {bits} zurück.",
    "cites_end": ".",
    "cites_bit": "{spans} auf {source}",
    "cites_span": "{quote} ({label})",
    "shared_source": "{label}: {who} stützen sich auf dieselbe Quelle ({source}) – ihre Übereinstimmung ist "
                     "nicht unabhängig.",
}

# --- evidence.csv `reason` --------------------------------------------------
REASONS = {
    "shorthand": "Kurzform für {quote}",
    "other_time": "Wert zu einem anderen Zeitpunkt",
    "compatible": {"lower": "Untergrenze, kein Widerspruch", "upper": "Obergrenze, kein Widerspruch",
                   "vague": "vage Angabe, kein Widerspruch", "other": "gerundet, kein Widerspruch"},
    "agrees": "im Konsens",
    "contradicts": "widerspricht dem Konsens",
    "same_article": "weitere Zahl desselben Artikels, kein Vergleich zwischen Medien",
    "conversion": "Umrechnung von {quote}, wird nicht verglichen",
}

# --- charts (titles, subtitles, source lines, alt text, labels; wording/charts.py) ----
# charts/ computes each chart's facts; wording/charts.py fills these templates with them.
# Fields: {label} a quantity's name inside a sentence, {Label} the same at the start of one,
# {count} / {Count} a small number in words, lower-case / capitalised.
CHARTS = {
    "numbers": ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
                "elf", "zwölf"],
    "numbers_of": {1: "eines"},          # "Nur eines von fünf Medien"
    "outlets": ("Medium", "Medien"),
    "more": "{n} weitere",               # "A, B, C und 2 weitere"
    "lower_mid_sentence": False,         # names and titles keep their capital inside a sentence
    "hedge": {"approx": "rund ", "lower": "über ", "upper": "bis zu ", "range": "", "exact": "", "vague": ""},
    "stage": {"past": "früher", "early": "erste Meldung", "projected": "erwartet", "settled": "aktuell", "": ""},
    "status": {"contested": "umstritten", "agreed": "einig", "progression": "verändert",
               "single_source": "nur eine Quelle"},
    "units": {"USD": "US-Dollar", "EUR": "Euro", "GBP": "Pfund", "CHF": "Franken", "percent": "Prozent",
              "percentage_points": "Prozentpunkten"},
    # a chart line never starts with these (German figures: "14,3 Mrd. $", "49 %", "10 bis 15")
    "wrap_glue": ("Mrd.", "Mio.", "Bio.", "%", "$", "€", "£", "¥", "Pp.", "CHF", "bis"),
    "wrap_scales": ("Mrd.", "Mio.", "Bio."),   # ... nor with a currency sign after these
    "source": "Quelle: {names}; eigene Auswertung der Artikel",
    "source_none": "Quelle: eigene Auswertung der Artikel",
    "cap": "{drawn} der {total} Größen, die mehrere Medien nennen, haben ein eigenes Diagramm, die wichtigsten "
           "zuerst (höchstens {cap} je Geschichte); alle Größen stehen in comparison.csv.",
    "cap_all": "Jede Größe, die mehrere Medien nennen, hat ein eigenes Diagramm (höchstens {cap} je Geschichte).",
    # a big folder's chart keeps the most telling rows and says so in its subtitle
    "shown": {"dotplot": "; gezeigt: {shown} von {total} Medien, zur Hälfte die abweichenden",
              "overview": ". Gezeigt: {shown} von {total} verglichenen Größen, die umstrittenen zuerst",
              "citations": "; gezeigt: {shown} von {total} Verbindungen, die mit Zahlen zuerst"},
    "quantity_unit": "{label} ({unit})",       # a quantity compared in several units
    "dotplot": {
        "outliers": "{Count} {outlets} {verb} {range}, {tails}",
        "verb": ("nennt", "nennen"),
        "outlier": "{outlet} {word} {hedge}{value}",
        "below": "nur", "above": "sogar",
        "contested": "{Label}: Die Medien widersprechen sich, {range}",
        "single": "{Label}: Nur {outlet} nennt eine Zahl, {figure}",
        "agreed": "{Label}: {Count} Medien sind sich einig, {range}",
        "subtitle": "{Label} laut jedem Artikel",
        "subtitle_unit": ", in {unit}",
        "subtitle_band": "; grau hinterlegt: die Spanne, die die meisten Medien stützen",
        "subtitle_log": ". Logarithmische Achse: jede Gitterlinie ist zehnmal so viel wie die vorige",
        "alt": "Punktdiagramm: {label} laut {count} {outlets}, wo sich zeigt: {finding}. Werte: {values}.",
        "alt_value": "{outlet}: {quote}",
        "alt_amount": " ({value})",
        "consensus": "Konsens: {range}",
        "gap": ", {times}-mal {direction}",            # an outlier's distance from the consensus
        "gap_range": "{low}- bis {high}",
        "direction": {"less": "weniger", "more": "mehr"},
        "verdicts": {"agrees": "stimmt mit dem Konsens überein", "compatible": "passt dazu (Rundung, Grenze)",
                     "contradicts": "widerspricht"},
    },
    "progression": {
        "moved": "{Label} {verb} von {first} auf {last}",
        "moved_shared_unit": "{Label} {verb} von {n1} auf {n2}{suffix}",   # "von 14 auf 29 Mrd. $"
        "verb": {"up": "stieg", "down": "sank"},
        "check_ok": " – und die Rechnung geht auf",
        "check_off": " – doch die Rechnung ergibt {implied}",
        "step": "{stage} ({outlet}): {figure}",
        "subtitle": "{Label} nach Zeitpunkt der Angabe",
        "subtitle_check": "; Raute: berechnet {inputs}",
        "inputs": "als {a} {op} {b}",
        "inputs_unknown": "aus anderen Zahlen",
        "alt": "Liniendiagramm: {label} in {n} Angaben, wo sich zeigt: {title}. Werte: {steps}.",
        "computed": "berechnet",
        "computed_label": "berechnet: {formula}",
        "formula": "{a} {op} {b} = {result}",
    },
    "citations": {
        "shared": "{who} berufen sich {all} auf {source}",
        "all": ("beide", "alle"),                      # two outlets / more
        "none": "Kein Medium nennt eine Quelle",
        "some": "{only}{Count} von {total} Medien {verb} Quellen: {sources}",
        "only": "Nur ",
        "verb": ("nennt", "nennen"),
        "others": " und weitere",
        "subtitle": "Welches Medium sich auf welche Quelle beruft; in der Mitte: die Zahlen, die es ihr zuschreibt",
        "subtitle_silent": "; grau: nennt keine Quelle",
        "alt": "Verbindungsdiagramm: Medien links, zitierte Quellen rechts, wo sich zeigt: {title}. "
               "Verbindungen: {links}.",
        "alt_silent": " Ohne Quelle: {names}.",
        "no_links": "keine",
        "link": "{outlet} → {source}",
        "link_figures": " ({figures})",
        "figure": "{quantity}: {figure}",              # a figure attributed to a source
    },
    "overview": {
        "both": "Uneinig bei {contested}, einig bei {agreed}",
        "contested": "Die Medien sind uneins bei {contested}",
        "agreed": "Einig bei {agreed}",
        "all_agreed": "Die Medien sind sich bei allen {n} Größen einig",
        "none": "Jede Zahl stammt nur aus einer Quelle",
        "rose": "{q} stieg", "fell": "{q} sank", "changed": "{q} veränderte sich",
        "subtitle": "Jede Zahl im Verhältnis zum Konsens der Medien (Mittellinie; ÷10 = ein Zehntel davon)",
        "times": "; {q}: Werte aus verschiedenen Zeitpunkten",
        "single": ". Nicht gezeigt: {n} {noun}, die nur ein Medium nennt",
        "nouns": ("Größe", "Größen"),
        "alt": "Übersichtsdiagramm: alle {n} verglichenen Größen, je Zeile die Zahlen der Medien im Verhältnis "
               "zum Konsens, wo sich zeigt: {title}. {rows}.",
        "alt_row": "{label}: {status}, {n} {outlets}",
        "alt_spread": ", Spanne ×{spread}",
        "side": "{status}\n{n} {outlets}",
        "side_spread": ", ×{spread}",
        "tick_consensus": "Konsens",
        "tick_times": "×{n}",
        "tick_part": "÷{n}",
    },
}

# --- report.html (wording/report.py) ----------------------------------------
REPORT = {
    "page_title": "Zahlencheck: {subject}",
    "findings": "Befunde", "charts": "Grafiken",
    "comparison": "Vergleich nach Größe", "articles": "Artikel", "skipped": "Nicht ausgewertete Dateien",
    "off_story": "Weggelassene Artikel: nicht Teil der Geschichte",
    "evidence": "Belege", "no_findings": "Keine Befunde: die Zahlen der Medien ließen sich nicht vergleichen.",
    "no_charts": "Es wurden keine Grafiken gezeichnet.", "no_table": "In diesem Lauf nicht erzeugt.",
    "no_charts_why": {"no_run": "Keine Grafiken: das Grafik-Notebook (04) ist für diese Story nicht gelaufen.",
                      "no_comparison": "Keine Grafiken: keine Zahl ließ sich zwischen Artikeln vergleichen.",
                      "single": "Keine Grafiken: keine Größe wird von zwei oder mehr Artikeln genannt, "
                                "es gibt also nichts nebeneinanderzustellen.",
                      "other": "Keine Grafiken: die verglichenen Zahlen ergaben nichts zu zeichnen.",
                      "no_story": "Keine Grafiken: die Artikel erzählen keine gemeinsame Geschichte (siehe Befunde)."},
    "summary_unnamed": "{articles} (Medien nicht genannt), {figures}, {findings}.",
    "summary_some": "{articles} aus {outlets} und {unknown} ohne genanntes Medium, {figures}, {findings}.",
    "severity": "Gewicht", "quantity": "Größe", "unit": "Einheit", "outlets": "Medien",
    "figures": "Zahlen", "consensus": "Konsens", "median": "Median", "min": "Min.", "max": "Max.",
    "status": "Status", "outlet": "Medium", "date": "Datum", "language": "Sprache", "cites": "Zitiert",
    "title": "Überschrift", "file": "Datei", "words": "Wörter", "reason": "Grund",
    "duplicate": "Duplikat von", "summary": "{articles} aus {outlets}, {figures}, {findings}.",
    "count": "{n} {noun}",
    "nouns": {"articles": ("Artikel", "Artikel"), "outlets": ("Medium", "Medien"),
              "figures": ("Zahl", "Zahlen"), "findings": ("Befund", "Befunde")},
    "made": "Erstellt mit <code>{command}</code> von der Notebook-Sammlung zum Zahlencheck "
            "(scripts/run_story.py, Notebooks 01–04) aus den {n} Dateien in <code>{articles}</code>.",
    "params": "Story-Parameter, die vom Standard abweichen: {params}.",
    "defaults": "Alle Story-Parameter auf ihrem Standardwert.",
    "story": "Story: <code>{story}</code>.",
    "caveat": "Die Zahlen werden automatisch erkannt: jedes Zitat vor der Veröffentlichung am Artikel prüfen.",
    "chart_data": "Daten der Grafik: <code>{csv}</code>",
    "more_quotes": "… und {n} weitere Belege: findings.csv, Spalte evidence",
    "quote": "“{text}”",                 # an evidence sentence (the page quotes in these marks)
    "range": "{low} – {high}",           # a consensus range in the comparison table
    "kinds": {"consensus": "Übereinstimmung", "outlier": "Ausreißer", "contradiction": "Widerspruch",
              "self_contradiction": "Widerspruch im Artikel", "derived_check": "Rechenprobe",
              "progression": "Entwicklung", "attribution": "Quellenangabe", "currency": "Andere Währung"},
    "severities": {"high": "hoch", "medium": "mittel", "low": "niedrig", "info": "Info"},
    "statuses": {"agreed": "übereinstimmend", "contested": "umstritten", "progression": "Entwicklung",
                 "single_source": "eine Quelle"},
}

# --- die Prüfung auf eine gemeinsame Geschichte (Notebook 01; wording/story.py) ----------------
STORY = {
    "all": "Alle {n} Artikel erzählen eine Geschichte: jeder teilt Namen, Zahlen oder Messgrößen mit {tied} der "
           "anderen.",
    "range": "{low} bis {high}",
    "some": "{n_on} von {n} Artikeln erzählen eine Geschichte; {n_off} {verb} nicht Teil davon und bleiben beim "
            "Vergleich außen vor: {files}.",
    "verb": ("ist", "sind"),
    "more": " und {n} weitere",
    "no_ties": "nicht Teil der Geschichte: {shares} mit den Artikeln, die die Geschichte des Ordners erzählen",
    "no_story": "nicht Teil der Geschichte: der Ordner enthält keine gemeinsame Geschichte, und dieser Artikel "
                "{shares} mit den anderen",
    "kept": "durch den Parameter include behalten, obwohl er {shares} mit den Artikeln der Geschichte",
    "shares": "teilt nur {shared}",
    "shares_nothing": "teilt keine Namen, Messgrößen oder Zahlen",
    "no_story_sentence": "Die {n} Artikel in diesem Ordner erzählen keine gemeinsame Geschichte – zu wenige von "
                         "ihnen teilen Namen, Messgrößen oder Zahlen –, deshalb wird nichts verglichen (der "
                         "Parameter include behält Artikel, die zusammengehören).",
}
