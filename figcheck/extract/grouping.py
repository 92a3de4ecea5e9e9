"""Quantities found in a story's own words: which figures, across the articles, measure the same thing.

Each figure's measure frame (extract/frames.py) gives a key: the concept of its measure in the
bilingual synonym table (measures.py), or the measure's own lemma when the table does not know
it ("Hilfspaket", "break fee"). Figures of one key and unit class are then told apart by their
holder ("des Staates" vs "UniCredit"), object ("of Mobil" vs "of Pioneer") and time (a year;
a value 'before', a 'planned' level): two figures whose known attributes differ are different
quantities; a figure that leaves an attribute open joins the quantity it fits best. The biggest
quantity of a key takes the key's name; the others add what sets them apart
(`stake__state`, `deal_amount__mobil`, `stake__before`).

A figure whose frame names no measure stays `unclassified`, unless a story's own `quantities`
(cue words given by the user) name it.
"""
from __future__ import annotations

import re

from figcheck.extract.measures import measure_key, verb_concept
from figcheck.extract.names import is_generic, is_place, same_name
from figcheck.extract.quantities import unit_class_of

_OPEN_WHEN = ("", "now")           # times that fit any other time
_STRICT_WHEN = ("before", "first", "planned")


def figure_key(frame: dict, unit_class: str) -> tuple[str, bool]:
    """(key, known) of a figure: the concept its measure names (a verb's concept for a verb frame),
    else the measure lemma, with the part it is ('stake_added' for 'weitere 30 Prozent', 'stake_each'
    for 'je 50 Prozent'); ('', False) when the frame names no measure."""
    measure = frame.get("measure") or ""
    if frame.get("frame") == "unit_after" and unit_class == "other":
        unit, _material, rate = unit_parts(measure)
        return slug(f"{unit} {rate}".strip()), False   # "barrels of oil a day" ~ "barrels a day"; the material apart
    if measure.startswith("period "):
        return "", False                  # "for a second day", "im 3. Quartal": a count of periods or a date
    if frame.get("part") in ("direct", "instruments") and unit_class == "percent":
        return f"stake_{frame['part']}", True   # a position held directly or through instruments is a stake
    if not measure:
        return "", False
    if unit_class == "year":                  # the year of an event: of a deal, of a collapse, of a founding
        key, _known = measure_key(measure, "money")
        if key in ("deal_amount", "offer") or frame.get("frame") == "year_event" and measure in _DEAL_EVENTS:
            return "year_acquired", True
        return f"year_{_YEAR_EVENTS.get(measure, slug(measure))}", measure in _YEAR_EVENTS
    part = frame.get("part") or ""
    if part and part == part:
        key, known = figure_key(dict(frame, part=""), unit_class)
        if part == "added" and key == "stake_sold":
            key = "stake"                 # a further block is one block, seen by its buyer or its seller
        return f"{key}_{part}", known
    if frame.get("frame") == "verb":
        concept = verb_concept(measure, unit_class)
        if concept == "deal_amount" and _invested_in_place(measure, frame.get("object") or ""):
            return "investment", True     # "1,1 Milliarden in den Standort investieren"
        return (concept, True) if concept else (measure, False)
    key, known = measure_key(measure, unit_class)
    verb = verb_concept(frame.get("verb") or "", unit_class) if frame.get("verb") else ""
    if unit_class == "count" and key in ("jobs", "employees") and verb == "job_cuts":
        return "job_cuts", True           # "5.000 Stellen abbauen": the cut, not the workforce
    if unit_class == "count" and key == "people" and verb in ("deaths", "injured"):
        return verb, True                 # "seven people were killed": deaths
    if key == "stake" and verb == "stake_sold":
        return "stake_sold", True         # "verkaufte das Paket von 4,49 Prozent": a package sold, not a holding
    if key == "price" and verb in ("deal_amount", "stake"):
        return "deal_amount", True        # "lässt sich die Mehrheit 2 Mrd. Euro kosten": the price of a deal
    if key == "deal_amount" and _invested_in_place(measure, frame.get("object") or ""):
        return "investment", True         # "Investitionen in Deutschland", "Infrastrukturinvestitionen"
    return key, known


_INVEST = ("investition", "investieren", "invest", "investment", "investitionen")
_SCALE_MODIFIERS = ("milliarden", "millionen", "multimilliarden", "rekord", "gesamt", "groß")


_RATES = ("per day", "per year")


def unit_parts(measure: str) -> tuple[str, str, str]:
    """(unit, material, rate) of a unit frame's measure: 'barrel oil per day' -> ('barrel', 'oil', 'per
    day'), 'tonne luftfracht' -> ('tonne', 'luftfracht', '')."""
    rate = next((r for r in _RATES if measure.endswith(" " + r) or measure == r), "")
    words = measure[: len(measure) - len(rate)].split()
    return (words[0] if words else ""), " ".join(words[1:]), rate


def _invested_in_place(measure: str, obj: str) -> bool:
    """An investment in a place or a site, not in a company: its object is a country or a site
    ('in Deutschland', 'in den Standort'), or its German compound names what is built
    ('Infrastrukturinvestition', not 'Milliardeninvestition')."""
    last = measure.rsplit(" ", 1)[-1]
    head = next((w for w in _INVEST if last.endswith(w)), "")
    if not head:
        return False
    modifier = last[: -len(head)].rstrip("-s")
    if modifier and not modifier.startswith(_SCALE_MODIFIERS):
        return True
    return bool(obj) and (is_place(obj) or any(w in obj for w in _INVESTED_IN))


# what money is put into when it is no company: projects, plants, research ("in KI-bezogene Initiativen")
_INVESTED_IN = ("projekt", "initiative", "infrastruktur", "technologie", "forschung", "rechenzentr", "anlage",
                "ausbau", "netz", "programm", "project", "infrastructure", "technolog", "research", "data cent",
                "facilit", "capacit", "expansion", "program", "development", "entwicklung")


_DEAL_EVENTS = frozenset(("buy", "acquire", "purchase", "merge", "take over", "kaufen", "übernehmen", "erwerben",
                          "fusionieren", "merger", "fusion", "takeover", "buyout", "acquisition"))
_YEAR_EVENTS = {"collapse": "failure", "failure": "failure", "fail": "failure", "bankruptcy": "failure",
                "pleite": "failure", "insolvenz": "failure", "zusammenbruch": "failure", "found": "founded",
                "gründen": "founded", "gründung": "founded", "founding": "founded", "ipo": "ipo", "listing": "ipo",
                "list": "ipo", "börsengang": "ipo"}


def slug(text: str) -> str:
    """A quantity name from words: 'equity commitment' -> 'equity_commitment', 'Hilfspaket' -> 'hilfspaket'."""
    return re.sub(r"[^0-9a-zäöüß]+", "_", text.lower()).strip("_")[:40] or "unclassified"


def same_time(a: str, b: str) -> bool:
    """Two times are one when equal, or when a decade holds the year ('1990s' ~ '1998')."""
    if a == b:
        return True
    if a[:3].isdigit() and b[:3].isdigit() and (a.endswith("s") or b.endswith("s")):
        return a[:3] == b[:3]
    return False


_HOLDER_UNITS = ("percent", "points", "count", "ordinal", "other")   # whose it is matters for these


def cluster_key(members: list[dict]) -> list[dict]:
    """The quantities of one key: the figures split where their times, objects or (for shares, counts
    and ranks) holders conflict; a figure that leaves an attribute open stays with the biggest part."""
    if members and all(f.get("part") == "fraction" for f in members):
        # a fraction of a holding ("die Hälfte davon") is of the whole its own article names
        files = sorted({f.get("file", "") for f in members})
        groups = [[f for f in members if f.get("file", "") == name] for name in files]
    else:
        groups = [members]
    for attr in ("when", "object", "holder", "material"):   # material: "barrels of oil" vs "of gas"
        groups = [part for g in groups for part in _split(g, attr)]
    groups = [part for g in groups for part in _split_bounds(g)]
    out = []
    for g in groups:
        c = {"members": g, "bound": _bound(g[0]) if all(f["_when"] == "planned" for f in g) else ""}
        for k in ("holder", "object", "material"):
            c[k] = next((f.get(k) for f in g if f.get(k) and not is_generic(f[k])), "")
        c["when"] = next((f["_when"] for f in g if f["_when"] not in _OPEN_WHEN), "")
        out.append(c)
    return out


def _bound(fig: dict) -> str:
    q = fig.get("qualifier") or ""
    return q if q in ("lower", "upper") else ""


def _split_bounds(group: list[dict]) -> list[list[dict]]:
    """A planned level is a threshold to pass ('mehr als 14,9 Prozent', 'more than 10%'), a ceiling
    ('bis zu 24,5 Prozent', 'up to 29.9%') or a target ('auf 29,9 Prozent'): three things, not one
    level hedged three ways. Figures of other times keep their hedges as hedges."""
    if not group or any(f["_when"] != "planned" for f in group):
        return [group]
    parts: dict[str, list[dict]] = {}
    for f in group:
        parts.setdefault(_bound(f), []).append(f)
    return [parts[k] for k in sorted(parts)]


def _classes(values: list[str], same) -> list[list[str]]:
    """Distinct values grouped by `same`, transitively (a holder named 'UniCredit' and 'Unicredit SpA'
    is one; 'KI-Startup', 'KI-Startup Scale AI' and 'Scale AI' are one object)."""
    classes: list[list[str]] = []
    for v in values:
        joined = [c for c in classes if any(same(v, w) for w in c)]
        merged = [v] + [w for c in joined for w in c]
        classes = [c for c in classes if c not in joined] + [merged]
    return sorted(classes, key=lambda c: sorted(c))


def _split(group: list[dict], attr: str) -> list[list[dict]]:
    """One attribute's split of a group: a part per distinct value; figures without one join the part
    with the most articles (for times: the present, the figures of no strict time)."""
    if attr == "holder" and group and group[0].get("unit_class") not in _HOLDER_UNITS:
        return [group]
    key = "_when" if attr == "when" else attr
    if attr == "when":
        values = sorted({f[key] for f in group if f[key] not in _OPEN_WHEN})
        classes = _classes(values, same_time)
    else:
        values = sorted({f[key] for f in group if f[key] and not is_generic(f[key])})   # "das Institut" names none
        classes = _classes(values, same_name)
    if not classes or len(classes) == 1 and attr != "when" and not (attr == "holder" and _state(group)):
        return [group]
    parts = [[f for f in group if f[key] and any(f[key] == v for v in c)] for c in classes]
    if attr == "holder":
        parts = _alias_holders(parts)
    rest = [f for f in group if not any(f in p for p in parts)]
    if attr == "when":
        return [p for p in [rest] + parts if p]
    # the state's share is named with the state ("Anteil des Bundes", "Staatsanteil"): a share that
    # names no holder, or only a company's descriptor ("das Institut"), never joins the state's part
    order = [i for i in sorted(range(len(parts)), key=lambda i: (-len({f.get("file", "") for f in parts[i]}),
                                                                 -len(parts[i])))
             if attr != "holder" or not _state(parts[i])]
    if not order:
        return [p for p in [rest] + parts if p]
    biggest = order[0]
    if rest and attr == "holder" and len({f.get("file", "") for f in parts[biggest]}) < 2:
        return [rest] + parts    # no holder the story's articles share: figures naming none stay together
    parts[biggest] += rest
    return parts


def _state(part: list[dict]) -> bool:
    return any(f.get("holder") == "state" for f in part)


def _alias_holders(parts: list[list[dict]]) -> list[list[dict]]:
    """Holders named apart that give the same share of the same thing are one holder named twice
    ('EPCG' and 'Kretinskys EP Group' with 20 per cent each; a holding company and its owner): their
    parts join. Holders whose values differ ('des Staates' 12 %, 'UniCredit' 9 %) stay apart."""
    if parts and parts[0] and parts[0][0].get("unit_class") == "ordinal":
        return parts            # two holders of one rank ("the second-largest") are two: ranks pass on
    merged: list[list[dict]] = []
    for p in parts:
        values = _values(p)
        target = next((m for m in merged if values & _values(m)), None)
        if target is None:
            merged.append(list(p))
        else:
            target.extend(p)
    return merged


def _value(fig: dict) -> float | None:
    """A figure's value, rounded for comparing as equal; None for a vague figure."""
    v = fig.get("value")
    return round(v, 6) if isinstance(v, (int, float)) and v == v else None


def _values(figures: list[dict]) -> set[float]:
    return {_value(f) for f in figures if _value(f) is not None}


def _suffix(cluster: dict, main: dict) -> str:
    """What names a quantity split off the main one: the attributes that set it apart (a holder or an
    object the main one names otherwise, a time), else the first attribute it names ('state_before')."""
    parts = [slug(cluster[k].split()[0]) for k in ("holder", "object", "material")
             if cluster.get(k) and main.get(k) and not same_name(cluster[k], main[k])]
    if cluster["when"] and cluster["when"] != main["when"]:
        parts.append(slug(cluster["when"]))
    if cluster.get("bound") and cluster["bound"] != main.get("bound"):
        parts.append(cluster["bound"])
    if not parts:
        parts = [slug(cluster[k].split()[0]) for k in ("holder", "object") if cluster[k] and cluster[k] != main[k]][:1]
    return "_".join(parts[:2])


def _contrast_only(members: list[dict]) -> None:
    """A value 'before' or a 'planned' level is set apart only where its article also gives the
    current value of the same measure ("von zuletzt 9 auf rund 21 Prozent", "28 Prozent; Ziel 29,9");
    alone it is that article's figure of the measure. An 'initial' one always joins."""
    current = {f.get("file", "") for f in members if f["when"] not in _STRICT_WHEN}
    for f in members:
        f["_when"] = f["when"]
        if f["when"] == "first" or f["when"] in _STRICT_WHEN and f.get("file", "") not in current:
            f["_when"] = ""


def story_year(figures: list[dict]) -> int | None:
    """The story's present: the latest publication year of its articles when they have one, else the
    year its figures name most often (the later one on a tie); None when neither is known."""
    published = [str(f.get("published") or "")[:4] for f in figures]
    years = [int(y) for y in published if y.isdigit()]
    if years:
        return max(years)
    named = [int(f["value"]) for f in figures if f.get("unit") == "year" and f.get("value") == f.get("value")
             and 1800 <= (f.get("value") or 0) <= 2100]
    if not named:
        return None
    return max(set(named), key=lambda y: (named.count(y), y))


def _date_old(members: list[dict], present: int | None) -> None:
    """A figure dated two or more years before the story's present ('its $81 billion purchase of Mobil
    in 1998') is its own time; later or undated ones are the present."""
    for f in members:
        w = f["_when"]
        if w[:4].isdigit() and present is not None and int(w[:4]) <= present - 2:
            continue
        if w[:4].isdigit():
            f["_when"] = ""


# measures a story may use for one thing: an enterprise value that is the deal's price ("Unternehmenswert
# von 14,3 Milliarden" where others write "für 14,3 Milliarden verkauft"), aid that is liquidity
SIBLINGS = (("enterprise_value", "deal_amount"), ("liquidity", "aid"))


def _join_siblings(by_key: dict) -> None:
    """A sibling measure joins the other where the story gives both the same value in the same unit,
    and at least two articles give that value under the other's name (two outlets' price of 14.3
    billion, one's enterprise value of 14.3 billion); where their values differ (an enterprise value of
    64.5 billion, a price of 59.5 that one outlet calls a $64.5 billion purchase) they stay two."""
    for a, b in SIBLINGS:
        for ucls in {u for (_k, u) in by_key}:
            first, second = by_key.get((a, ucls)), by_key.get((b, ucls))
            if not first or not second:
                continue
            # the values at least two articles give under the other measure's name
            files: dict[tuple, set] = {}
            for f in second:
                if _value(f) is not None:
                    files.setdefault((f.get("unit"), _value(f)), set()).add(f.get("file", ""))
            values = {v for v, fs in files.items() if len(fs) >= 2}
            if any((f.get("unit"), _value(f)) in values for f in first if _value(f) is not None):
                for f in first:
                    f["key"] = b
                second.extend(first)
                del by_key[(a, ucls)]


def assign_quantities(figures: list[dict]) -> None:
    """Set `quantity` of every figure of a story (dicts with key, unit_class, holder, object, when,
    file, start); figures without a key keep the quantity they have."""
    by_key: dict[tuple[str, str], list[dict]] = {}
    for f in figures:
        if f.get("key"):
            by_key.setdefault((f["key"], f["unit_class"]), []).append(f)
    _join_siblings(by_key)
    present = story_year(figures)
    for members in by_key.values():
        _contrast_only(members)
        _date_old(members, present)
    for (key, _ucls), members in sorted(by_key.items()):
        clusters = sorted(cluster_key(members), key=lambda c: (-len({m.get("file", "") for m in c["members"]}),
                                                               -len(c["members"]), c["members"][0]["start"]))
        main = clusters[0]
        used = {""}
        for c in clusters:
            suffix = "" if c is main else _suffix(c, main)
            while suffix in used and c is not main:
                suffix = f"{suffix}_{len(used)}" if suffix else str(len(used))
            used.add(suffix)
            name = slug(key) + (f"__{suffix}" if suffix else "")
            for f in c["members"]:
                f["quantity"] = name


# a figure whose frame is empty takes the quantity its sentence's cue words suggest (weaker)
CUE_FALLBACK = True


def name_quantities(figures: list[dict], quantities: dict | None = None) -> None:
    """Set `quantity` of the figures of one text or one story from their frames (see the module
    docstring). A story's own quantities (`quantities`: name -> cues, unit) win where their cue
    words name the figure; a figure without a frame keeps its cue quantity when CUE_FALLBACK."""
    own = set(quantities or {})
    for f in figures:
        ucls = unit_class_of(f["unit"]) if f.get("unit") else "other"
        if f.get("unit_class") == "money_or_count" and ucls == "other":
            ucls = "money_or_count"       # "investiert Milliarden" with no currency: the measure says money
        f["unit_class"] = ucls
        f["material"] = ""
        if f.get("unit") == "date":
            f["key"], f["known"] = "", False
            continue
        if f.get("cue") in own:
            f["key"], f["known"] = f["cue"], True
            continue
        f["key"], f["known"] = figure_key(f, ucls)
        f["material"] = unit_parts(f.get("measure") or "")[1] if f.get("frame") == "unit_after" else ""
        if not f["key"] and CUE_FALLBACK and f.get("cue") not in ("", None, "unclassified"):
            part = f.get("part") or ""
            f["key"], f["known"] = f["cue"] + (f"_{part}" if part and part == part else ""), False
        f["quantity"] = "unclassified"
    assign_quantities(figures)


def apply_labels(figures: list[dict], labels: dict | None) -> int:
    """A reporter's corrections (story parameter `labels`): {figure id or measure word: quantity}.
    A figure id ('003_example:1532', figures.csv `figure_id`) names one figure; a measure word
    ('Hilfspaket', 'equity commitment', matched on the figure's measure or its words, any case)
    names every figure measured by it. The figure takes the quantity, and its frame says that the
    reporter set it (frame 'user'), which the comparison trusts. 'unclassified' leaves a figure out.
    Returns how many figures were corrected."""
    if not labels:
        return 0
    by_word = {k.strip().lower(): str(v).strip() for k, v in labels.items() if ":" not in k}
    by_id = {k.strip(): str(v).strip() for k, v in labels.items() if ":" in k}
    n = 0
    for f in figures:
        q = by_id.get(str(f.get("figure_id", "")))
        if q is None:
            words = {str(f.get(k) or "").strip().lower() for k in ("measure", "measure_text")} - {""}
            q = next((by_word[w] for w in sorted(words) if w in by_word), None)
        if q is None:
            continue
        f["quantity"] = slug(q) if q != "unclassified" else "unclassified"
        if q != "unclassified":
            f["frame"], f["measure"] = "user", f.get("measure") or q
        n += 1
    return n
