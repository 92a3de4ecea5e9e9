"""The charts' house style: the matplotlib style file, the width, colours (Okabe & Ito) and font sizes."""
from __future__ import annotations

import matplotlib.style as _mpl_style

from figcheck.common.paths import ROOT


# ---------------------------------------------------------------------------
# House style
# ---------------------------------------------------------------------------
CHART_STYLE = ROOT / "styles" / "newsroom.mplstyle"
CHART_WIDTH_IN = 6.4          # 640 px at the layout's 100 dpi
CHART_WIDTH_PX = 640          # the width a chart is shown at (notebook 04, report.html)
CHART_TABLES = ("comparison", "evidence", "findings", "figures", "articles")

# Big folders: what a reader needs, not every quantity of 400 articles
QUANTITY_CHARTS = 12      # charts of single quantities (dot plots, progressions), the most important first
CHART_ROWS = 25           # rows of a dot plot, the overview or who-cites-whom; the most telling are kept
PROGRESSION_STEPS = 8     # a quantity reported more often than this is drawn as a dot plot, not as a line

# Okabe & Ito (2008), safe for the common colour-vision deficiencies
OKABE_ITO = {"black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73",
             "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7"}
VERDICT_COLOURS = {"agrees": OKABE_ITO["blue"], "compatible": OKABE_ITO["sky_blue"],
                   "contradicts": OKABE_ITO["vermillion"]}
GREY = "#8A8A8A"
BAND = "#E4E4E4"
INK = "#222222"
SOFT = "#555555"
TITLE_PT = 13.5
SUB_PT = 9.5
SOURCE_PT = 8
LABEL_PT = 9
PAD_IN = 0.2
STAGE_ORDER = {"past": 0, "early": 1, "projected": 2, "settled": 3, "": 3}


def chart_style():
    """Context manager applying the house style (styles/newsroom.mplstyle) to figures made inside it."""
    return _mpl_style.context(str(CHART_STYLE))
