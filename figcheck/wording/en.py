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
    "year_founded": "Year founded", "year_failure": "Year of the collapse",
    "year_ipo": "Year of the listing", "ai_spending": "AI spending", "workers": "Workers", "customers": "Customers",
    "price": "Price", "jobs": "Jobs", "job_cuts": "Job cuts", "fine": "Fine", "spending": "Spending",
    "rank": "Rank", "year_acquired": "Year acquired", "market_share": "Market share", "change": "Change",
    "change_points": "Change in percentage points", "interest_rate": "Interest rate", "inflation": "Inflation",
    "unemployment_rate": "Unemployment rate", "margin": "Margin", "vote_share": "Vote share", "people": "People",
    "casualties": "Casualties", "debt": "Debt", "tax_bill": "Tax bill", "damages": "Damages",
    "dividend": "Dividend", "deaths": "Deaths", "injured": "Injured", "backlog": "Order backlog",
    "aid": "State aid", "assets": "Assets", "bond": "Bond", "capacity": "Capacity", "commitment": "Commitment",
    "countries": "Countries", "decline": "Fall", "limit": "Limit", "deposits": "Deposits", "discount": "Discount",
    "enterprise_value": "Enterprise value", "equity": "Equity", "failure": "Failure (rank)", "fee": "Fee",
    "growth": "Rise", "guarantee": "Guarantee", "liquidity": "Liquidity assistance", "loan": "Loan",
    "net_proceeds": "Net proceeds", "net_worth": "Net worth", "offer": "Offer", "premium": "Premium",
    "proceeds": "Proceeds", "salary": "Salary", "share_price": "Share price", "shareholder_rank": "Shareholder rank",
    "sites": "Sites", "stake_sold": "Stake sold", "withdrawals": "Withdrawals",
}
# words of a quantity's suffix (extract/grouping.py: what sets a split-off quantity apart)
SUFFIX_WORDS = {"state": "state", "before": "before", "planned": "planned", "first": "at first", "now": "now",
                "later": "later", "added": "added", "each": "each", "fraction": "fraction of it", "direct": "direct", "instruments": "through instruments", "lower": "threshold", "upper": "ceiling", "premarket": "premarket", "after_hours": "after hours", "subset": "of them", "for": "for", "against": "against", "short": "short", "rest": "remaining", "incl": "including"}

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
    "frames_same": " Both figures measure the same thing: {words}.",
    "frames_unclear": " Worth checking, but unsure: it is unclear whether both figures measure the same thing ({what}; "
                      "{words}).",
    "frames_what": {"measure": "measure", "holder": "whose", "object": "of what", "time": "when",
                    "claim": "the article gives several values", "vague": "a vague order of magnitude"},
    "lookalike": " But the figure matches {quote} ({label}, {who}); that may be what is meant.",
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

# --- charts (titles, subtitles, source lines, alt text, labels; wording/charts.py) ----
# The same names as in de.py (see there).
CHARTS = {
    "numbers": ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve"],
    "numbers_of": {},
    "outlets": ("outlet", "outlets"),
    "more": "{n} more",                  # "A, B, C and 2 more"
    "lower_mid_sentence": True,          # "Dot plot of the deal amount", "…, where four outlets report"
    "hedge": {"approx": "about ", "lower": "more than ", "upper": "up to ", "range": "", "exact": "",
              "vague": ""},
    "stage": {"past": "earlier", "early": "first report", "projected": "projected", "settled": "now", "": ""},
    "status": {"contested": "contested", "agreed": "agreed", "progression": "changed",
               "single_source": "single source"},
    "units": {"USD": "US dollars", "EUR": "euros", "GBP": "pounds", "CHF": "Swiss francs",
              "percent": "per cent", "percentage_points": "percentage points"},
    # English figures ("$14.3bn", "49%") have no separate unit word a line could start with
    "wrap_glue": (),
    "wrap_scales": (),
    "source": "Source: {names}; analysis of the articles",
    "source_none": "Source: analysis of the articles",
    "cap": "{drawn} of the {total} quantities that several outlets report have a chart of their own, the most "
           "important first (at most {cap} per story); all quantities are in comparison.csv.",
    "cap_all": "Every quantity that several outlets report has a chart of its own (at most {cap} per story).",
    # a big folder's chart keeps the most telling rows and says so in its subtitle
    "shown": {"dotplot": "; {shown} of {total} outlets shown, half of them those that contradict",
              "overview": ". Shown: {shown} of {total} compared figures, the contested ones first",
              "citations": "; {shown} of {total} links shown, those that carry a figure first"},
    "quantity_unit": "{label} ({unit})",
    "dotplot": {
        "outliers": "{Count} {outlets} {verb} {range}, {tails}",
        "verb": ("reports", "report"),
        "outlier": "{outlet} {word} {hedge}{value}",
        "below": "only", "above": "as much as",
        "contested": "{Label}: outlets disagree, with figures from {range}",
        "single": "{Label}: only {outlet} gives a figure, {figure}",
        "agreed": "{Label}: {count} outlets agree on {range}",
        "subtitle": "{Label} as reported in each article",
        "subtitle_unit": ", in {unit}",
        "subtitle_band": "; grey band: the range most outlets support",
        "subtitle_log": ". Logarithmic axis: each gridline is ten times the one before",
        "alt": "Dot plot of the {label} reported by {count} {outlets}, where {finding}. Figures: {values}.",
        "alt_value": "{outlet}: {quote}",
        "alt_amount": " ({value})",
        "consensus": "Consensus: {range}",
        "gap": ", {times} times {direction}",
        "gap_range": "{low} to {high}",
        "direction": {"less": "less", "more": "more"},
        "verdicts": {"agrees": "matches the consensus", "compatible": "compatible (rounded, a bound)",
                     "contradicts": "contradicts"},
    },
    "progression": {
        "moved": "{Label} {verb} from {first} to {last}",
        "moved_shared_unit": None,
        "verb": {"up": "rose", "down": "fell"},
        "check_ok": ", and the arithmetic checks out",
        "check_off": ", but the arithmetic gives {implied}",
        "step": "{stage} ({outlet}): {figure}",
        "subtitle": "{Label} by when the figure applies",
        "subtitle_check": "; diamond: computed {inputs}",
        "inputs": "as {a} {op} {b}",
        "inputs_unknown": "from other figures",
        "alt": "Line chart of the {label} in {n} reports, where {title}. Figures: {steps}.",
        "computed": "computed",
        "computed_label": "computed: {formula}",
        "formula": "{a} {op} {b} = {result}",
    },
    "citations": {
        "shared": "{who} {all} rely on {source}",
        "all": ("both", "all"),
        "none": "No outlet names a source",
        "some": "{only}{Count} of {total} outlets {verb} sources: {sources}",
        "only": "Only ",
        "verb": ("names", "name"),
        "others": " and others",
        "subtitle": "Which outlet cites which source; in the middle: the figures it attributes to that source",
        "subtitle_silent": "; grey: names no source",
        "alt": "Network diagram of outlets (left) and the sources they cite (right), where {title}. "
               "Links: {links}.",
        "alt_silent": " No source named: {names}.",
        "no_links": "none",
        "link": "{outlet} → {source}",
        "link_figures": " ({figures})",
        "figure": "{quantity}: {figure}",
    },
    "overview": {
        "both": "Outlets disagree on the {contested} but agree on the {agreed}",
        "contested": "Outlets disagree on the {contested}",
        "agreed": "Outlets agree on the {agreed}",
        "all_agreed": "Outlets agree on all {n} figures",
        "none": "Every figure comes from a single source",
        "rose": "the {q} rose", "fell": "the {q} fell", "changed": "the {q} changed",
        "subtitle": "Each figure relative to the outlets' consensus (centre line; ÷10 = a tenth of it)",
        "times": "; {q}: figures from different points in time",
        "single": ". Not shown: {n} {noun} only one outlet reports",
        "nouns": ("figure", "figures"),
        "alt": "Overview chart of all {n} compared figures, one row each with every outlet's figure relative to "
               "the consensus, where {title}. {rows}.",
        "alt_row": "{label}: {status}, {n} {outlets}",
        "alt_spread": ", spread ×{spread}",
        "side": "{status}\n{n} {outlets}",
        "side_spread": ", ×{spread}",
        "tick_consensus": "consensus",
        "tick_times": "×{n}",
        "tick_part": "÷{n}",
    },
}

# --- report.html (wording/report.py) ----------------------------------------
REPORT = {
    "page_title": "Figure check: {subject}",
    "findings": "Findings", "charts": "Charts",
    "comparison": "Comparison by quantity", "articles": "Articles", "skipped": "Files not analysed",
    "off_story": "Articles left out: not part of the story",
    "evidence": "Evidence", "no_findings": "No findings: the outlets' figures could not be compared.",
    "no_charts": "No charts were drawn.", "no_table": "Not produced by this run.",
    "no_charts_why": {"no_run": "No charts were drawn: the charts notebook (04) has not run for this story.",
                      "no_comparison": "No charts were drawn: no figure could be compared across articles.",
                      "single": "No charts were drawn: no quantity was reported by two or more articles, "
                                "so there is nothing to set side by side.",
                      "other": "No charts were drawn: the compared figures gave nothing to plot.",
                      "no_story": "No charts were drawn: the articles do not tell one story (see Findings)."},
    "summary_unnamed": "{articles} (outlets not named), {figures}, {findings}.",
    "summary_some": "{articles} from {outlets} and {unknown} without a named outlet, {figures}, {findings}.",
    "severity": "Severity", "quantity": "Quantity", "unit": "Unit", "outlets": "Outlets",
    "figures": "Figures", "consensus": "Consensus", "median": "Median", "min": "Min", "max": "Max",
    "status": "Status", "outlet": "Outlet", "date": "Date", "language": "Language", "cites": "Cites",
    "title": "Headline", "file": "File", "words": "Words", "reason": "Reason",
    "duplicate": "duplicate of", "summary": "{articles} from {outlets}, {figures}, {findings}.",
    "count": "{n} {noun}",
    "nouns": {"articles": ("article", "articles"), "outlets": ("outlet", "outlets"),
              "figures": ("figure", "figures"), "findings": ("finding", "findings")},
    "made": "Made with <code>{command}</code> by the figure-checking notebook collection "
            "(scripts/run_story.py, notebooks 01–04) from the {n} files in <code>{articles}</code>.",
    "params": "Story parameters that differ from the defaults: {params}.",
    "defaults": "All story parameters at their defaults.",
    "story": "Story: <code>{story}</code>.",
    "caveat": "Figures are extracted automatically: check every quote against the article before publishing.",
    "chart_data": "Data behind the chart: <code>{csv}</code>",
    "more_quotes": "… and {n} more quotes: findings.csv, column evidence",
    "quote": "“{text}”",
    "range": "{low} – {high}",
    "kinds": {"consensus": "Consensus", "outlier": "Outlier", "contradiction": "Contradiction",
              "self_contradiction": "Self-contradiction", "derived_check": "Derived check",
              "progression": "Progression", "attribution": "Attribution", "currency": "Other currency"},
    "severities": {"high": "high", "medium": "medium", "low": "low", "info": "info"},
    "statuses": {"agreed": "agreed", "contested": "contested", "progression": "progression",
                 "single_source": "single source"},
}

# --- the story check (notebook 01; wording/story.py) -------------------------------------------
STORY = {
    "all": "All {n} articles tell one story: each shares names, figures or measure words with {tied} of the others.",
    "range": "{low} to {high}",
    "some": "{n_on} of {n} articles tell one story; {n_off} {verb} off story and left out of the comparison: {files}.",
    "verb": ("is", "are"),
    "more": " and {n} more",
    "no_ties": "off story: {shares} with the articles that tell the folder's story",
    "no_story": "off story: the folder holds no common story, and this article {shares} with the others",
    "kept": "kept by the parameter include, although it {shares} with the story's articles",
    "shares": "shares only {shared}",
    "shares_nothing": "shares no names, measure words or figures",
    "no_story_sentence": "The {n} articles in this folder do not tell one story — too few of them share names, "
                         "measure words or figures — so nothing is compared (the parameter include keeps "
                         "articles that belong together).",
}
