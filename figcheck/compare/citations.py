"""Who cites whom: the sources each article names, and outlets whose figures share one source.

Two outlets that agree because both copy the same agency are not two independent
confirmations; these findings say so.
"""
from __future__ import annotations


import pandas as pd

from figcheck.common.tables import cell_json
from figcheck.compare.attribution import norm_source
from figcheck.compare.base import INF
from figcheck.compare.records import finding
from figcheck.wording.words import article_label


def compare_attribution_findings(figs: pd.DataFrame, articles: pd.DataFrame, results: dict,
                                 params: dict, language: str) -> list[dict]:
    """Attribution findings: per article, the sources it cites and the figures it attributes to
    them; per quantity, outlets whose figures share one upstream source (not independent).
    `language` names articles without an outlet ('Artikel 03')."""
    out = []
    arts = articles.to_dict("records") if articles is not None and len(articles) else []
    exclude = set(params.get("exclude") or [])
    outlets_param = params.get("outlets") or {}
    lang = language
    for art in sorted(arts, key=lambda a: str(a.get("file", ""))):
        file = str(art.get("file", ""))
        if file in exclude or str(art.get("duplicate_of", "") or "").strip():
            continue
        cites = [c for c in cell_json(art.get("cites", ""), []) if isinstance(c, str) and c.strip()]
        mine = figs[figs["file"] == file] if len(figs) else figs
        attributed = [r for r in mine.to_dict("records") if r.get("attributed_to")] if len(mine) else []
        sources = list(cites)
        for r in attributed:
            if norm_source(r["attributed_to"]) not in {norm_source(s) for s in sources}:
                sources.append(r["attributed_to"])
        if not sources:
            continue
        outlet = outlets_param.get(file) or str(art.get("outlet", "") or "")
        who = article_label(file, outlet, lang)
        per_src: dict[str, list[dict]] = {}
        for r in attributed:
            per_src.setdefault(r["attributed_to"], []).append(r)
        words = {"template": "cites", "who": who, "sources": sources, "per_source": list(per_src.items())}
        ev = [dict(r) for r in attributed]
        if not ev:
            ev = [{"file": file, "outlet": outlet, "text": "", "sentence": "", "start": None, "end": None,
                   "label": who, "raw_lo": -INF, "point": None}]
        f = finding("attribution", "", "", ev, "info", 15 + min(len(sources), 5), words,
                         {"cites": cites, "sources": sources,
                          "attributions": [{"figure_id": r.get("figure_id", ""), "quantity": r["quantity"],
                                            "source": r["attributed_to"], "where": r.get("attributed_where", "")}
                                           for r in attributed]},
                         values=[r["point"] for r in attributed if r.get("point") is not None])
        f["outlets"] = [who]
        out.append(f)
    # shared upstream per quantity
    for (q, u), res in sorted(results.items()):
        by_src: dict[str, list[dict]] = {}
        for c in res["claims"]:
            if c["timepoint"] != "current":
                continue
            src = c["attributed_to"]
            if src:
                by_src.setdefault(norm_source(src), []).append(c)
        for key, cs in sorted(by_src.items()):
            # an outlet that IS the source counts as relying on it too
            cs = cs + [c for c in res["claims"] if c["timepoint"] == "current" and norm_source(c["outlet"]) == key
                       and c not in cs]
            labels = sorted({c["label"] for c in cs})
            if len(labels) < 2:
                continue
            src = next(c["attributed_to"] for c in cs if c["attributed_to"])
            words = {"template": "shared_source", "labels": labels, "source": src}
            # the evidence: the figures the articles attribute to that source, not whatever figure
            # stands for the article's claim ("a deal worth $3bn, Orbis said", not "Larsen ... $7bn")
            evidence = [next((m for m in c.get("figures") or [] if norm_source(m.get("attributed_to", "")) == key),
                             c["rep"]) for c in cs]
            out.append(finding("attribution", q, u, evidence, "medium", 50, words,
                                    {"source": src, "shared": True, "files": sorted({c["file"] for c in cs})}))
    return out
