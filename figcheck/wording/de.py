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
    "year_founded": "Gründungsjahr", "ai_spending": "KI-Ausgaben", "workers": "Arbeitskräfte",
    "customers": "Kunden", "price": "Preis", "jobs": "Stellen", "job_cuts": "Stellenabbau", "fine": "Strafe",
    "spending": "Ausgaben", "rank": "Rang", "year_acquired": "Jahr der Übernahme", "market_share": "Marktanteil",
    "change": "Veränderung", "change_points": "Veränderung in Prozentpunkten", "interest_rate": "Zinssatz",
    "inflation": "Inflation", "unemployment_rate": "Arbeitslosenquote", "margin": "Marge",
    "vote_share": "Stimmenanteil", "people": "Personen", "casualties": "Opfer", "debt": "Schulden",
    "tax_bill": "Steuerschuld", "damages": "Schadenersatz", "dividend": "Dividende", "deaths": "Tote",
    "injured": "Verletzte", "backlog": "Auftragsbestand",
}

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
