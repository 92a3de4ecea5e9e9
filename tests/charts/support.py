"""Helpers shared by the chart tests: every text a figure draws, a story with long outlet names, and
every chart of the fixture stories drawn (plain functions: tests call them directly)."""
from __future__ import annotations

from matplotlib.text import Text

from figcheck.charts.plan import make_charts

from ..support import load


def drawn_texts(fig) -> list[Text]:
    """Every text the figure draws: figure texts, axes texts, visible tick labels, legend texts."""
    fig.canvas.draw()
    texts = list(fig.texts)
    for leg in fig.legends:
        texts += leg.get_texts()
    for ax in fig.axes:
        texts += ax.texts
        if ax.get_legend():
            texts += ax.get_legend().get_texts()
        if not ax.axison:
            continue
        for axis, lim in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            lo, hi = sorted(lim)
            for loc, tick in zip(axis.get_majorticklocs(), axis.get_major_ticks()):
                if lo - 1e-9 <= loc <= hi + 1e-9:
                    texts.append(tick.label1)
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


def long_names(tables: dict) -> dict:
    """The English story with long outlet names, to stress labels and margins."""
    long = {o: f"The {o} Evening Chronicle Online Edition" for o in tables["articles"]["outlet"]}
    out = {k: v.copy() for k, v in tables.items()}
    for name in ("articles", "evidence", "figures"):
        out[name]["outlet"] = out[name]["outlet"].map(lambda o: long.get(o, o))
    return out


def all_charts():
    stories = [("meta-scale-ai", load("meta-scale-ai")), ("en-battery-plant", load("en-battery-plant")),
               ("long-names", long_names(load("en-battery-plant")))]
    return [(story, c) for story, tables in stories for c in make_charts(tables)]


def big_folder_tables(n_quantities: int = 16, n_outlets: int = 30) -> dict:
    """An invented big folder (test material): `n_quantities` counts reported alike by three outlets,
    and one deal amount reported by `n_outlets` outlets, of which the last reports a tenth."""
    import pandas as pd

    from figcheck.compare.story import compare_story

    from ..support import BN, arts_for, sfig

    figs, files = [], [f"{i:03d}_outlet.txt" for i in range(n_outlets)]
    for q in range(n_quantities):
        for f in files[:3]:
            figs.append(sfig(f, f"The group counts {100 + q} depots.", f"{100 + q} depots", 100.0 + q, "count",
                             f"depots_{q:02d}", offset=100 * (q + 1)))
    for i, f in enumerate(files):
        value = 0.25 if i == len(files) - 1 else 2.5
        figs.append(sfig(f, f"Quarry Group pays ${value}bn.", f"${value}bn", value * BN, "USD", "deal_amount"))
    figs = pd.DataFrame(figs)
    arts = arts_for(files, outlets={f: f"Outlet {i:02d}" for i, f in enumerate(files)})
    res = compare_story(figs, arts, {})
    return {"comparison": res.comparison, "evidence": res.evidence, "findings": res.findings, "figures": figs,
            "articles": arts}
