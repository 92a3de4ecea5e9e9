"""Every English word and sentence the collection writes for a reader, in one place.

The same names as `de.py` (see there); `str.format` fields in braces.
"""
from __future__ import annotations

CODE = "en"

# --- small words -----------------------------------------------------------
QUOTES = ("“", "”")
AND = " and "
ARTICLE = "article"
ABOUT = "about"           # "about 14 billion USD" (an approximate figure)
ABOUT_FACTOR = "about"    # "about 14 times"
AT_LEAST = "at least"
AT_MOST = "at most"
JUST_UNDER = "just under"
LOWER = "lower"
HIGHER = "higher"

# --- the names of the built-in quantities ----------------------------------
QUANTITY_NAMES = {
    "deal_amount": "Deal amount", "investment": "Investment", "stake": "Stake", "valuation": "Valuation",
    "revenue": "Revenue", "profit": "Profit", "loss": "Loss", "net_income": "Net income",
    "price_per_share": "Price per share", "shares": "Number of shares", "total": "Total",
    "market_value": "Market value", "funding": "Funding", "users": "Users", "employees": "Employees",
    "year_founded": "Year founded", "ai_spending": "AI spending", "workers": "Workers", "customers": "Customers",
    "price": "Price", "jobs": "Jobs", "job_cuts": "Job cuts", "fine": "Fine", "spending": "Spending",
    "rank": "Rank", "year_acquired": "Year acquired", "market_share": "Market share", "change": "Change",
    "change_points": "Change in percentage points", "interest_rate": "Interest rate", "inflation": "Inflation",
    "unemployment_rate": "Unemployment rate", "margin": "Margin", "vote_share": "Vote share", "people": "People",
    "casualties": "Casualties", "debt": "Debt", "tax_bill": "Tax bill", "damages": "Damages",
    "dividend": "Dividend", "deaths": "Deaths", "injured": "Injured", "backlog": "Order backlog",
}

# --- findings (findings.csv `message`) --------------------------------------
FINDINGS = {
    "consensus": "{label}: {n} outlets agree — {parts} {verb} {range}.",
    "consensus_verb": ("reports", "report"),
    "consensus_part": "{who} ({quote})",
    "compatible": " {who}'s {quote} is {kind} and does not contradict it{early}.",
    "compatible_kind": {"lower": "a lower bound", "upper": "an upper bound", "vague": "vague wording",
                        "other": "a rounding"},
    "compatible_early": "; it is an early figure ({cue}), reported before the deal was settled",
    "not_independent": " Not independent: several rely on {names}.",
    "outlier": "{label}: {who} reports {quote} ({value}), {gap} than the consensus of {consensus} ({support}).",
    "gap": {"about": "{times} times {direction}", "many": "{times} times {direction}",
            "few": "{times} {direction}"},
    "scale_slip": " The gap is almost exactly a power of ten (×{power:g}): probably a scale slip "
                  "(e.g. million for billion).",
    "early_figure": " It is an early figure ({cue}) and may be out of date.",
    "no_majority": "{label}: the outlets contradict each other and no value has a majority — {parts}.",
    "no_majority_part": "{who} {quote} ({value})",
    "progression": "{label}: not a contradiction but a change over time — {steps}.",
    "progression_step": "{value} ({when}, {who}: {quote}{cue})",
    "timepoint": {"past": "earlier", "projected": "projected", "current": "now"},
    "self_contradiction": "{label}: {who} contradicts itself — its {parts}, but its {segment} says {quote} "
                          "({value}).",
    "self_part": "{segment} {quote} ({value})",
    "segment": {"headline": "headline", "caption": "caption", "body": "body", "opening": "opening", "": "text"},
    "currency": "{label}: {quotes} in {unit}, {others} in {main_unit}; amounts in different currencies are not "
                "compared.",
    "currency_same_number": " The number matches the {main_unit} consensus — the currency may be wrong.",
    "over_100": "{label}: {who} reports {quote} — a share cannot exceed 100 %.",
    "derived": "{label}: {source}{terms} = {approx}{implied}, {fit} {reported} ({where}; difference {diff}, "
               "tolerance {tolerance}).",
    "derived_source": {"article": "from {who}: ", "consensus": "from the consensus values: "},
    "derived_fit": {True: "consistent with the reported", False: "not consistent with the reported"},
    "derived_fit_valuation": {True: "consistent with the reported", False: "not consistent with the reported"},
    "derived_same_article": "same article",
    "derived_rule_of_thumb": " Built-in rule of thumb: the figures may not belong to the same deal — worth "
                             "checking.",
    "derived_from_outlier": " This follows from {who}'s outlying figure.",
    "cites": "{who} cites {sources}",
    "cites_attributed": "; it attributes {bits}.",
    "cites_end": ".",
    "cites_bit": "{spans} to {source}",
    "cites_span": "{quote} ({label})",
    "shared_source": "{label}: {who} rely on the same source ({source}) — their agreement is not independent.",
}

# --- evidence.csv `reason` --------------------------------------------------
REASONS = {
    "shorthand": "shorthand for {quote}",
    "other_time": "a value at another point in time",
    "compatible": {"lower": "lower bound, no contradiction", "upper": "upper bound, no contradiction",
                   "vague": "vague wording, no contradiction", "other": "rounded, no contradiction"},
    "agrees": "within the consensus",
    "contradicts": "contradicts the consensus",
    "same_article": "another value in the same article, not compared across outlets",
    "conversion": "conversion of {quote}, not compared",
}
