"""How a chart is laid out, in inches: text measured and wrapped, title, subtitle and source line
placed around the plot, labels nudged apart so none overlap."""
from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from figcheck.charts.style import (
    CHART_WIDTH_IN, INK, LABEL_PT, PAD_IN, SOFT, SOURCE_PT,
    SUB_PT, TITLE_PT
)
from figcheck.wording.charts import WRAP_GLUE, WRAP_SCALES


# ---------------------------------------------------------------------------
# Layout: header (title, subtitle), body (one axes), footer (source line), in inches
# ---------------------------------------------------------------------------
def new_figure() -> Figure:
    """A figure in the house width on an Agg canvas (so text can be measured); call inside chart_style()."""
    fig = Figure(figsize=(CHART_WIDTH_IN, 4.0))
    FigureCanvasAgg(fig)
    return fig


def text_size(fig: Figure, text: str, size: float, weight: str = "normal") -> tuple[float, float]:
    """(width, height) of one line of text in inches, measured with the figure's renderer."""
    renderer = fig.canvas.get_renderer()
    prop = FontProperties(size=size, weight=weight)
    w, h, _d = renderer.get_text_width_height_descent(text or " ", prop, ismath=False)
    return w / fig.dpi, h / fig.dpi


_UNIT_TOKENS = WRAP_GLUE     # "Mrd.", "%", "bis", ...: never the first word of a line


def wrap(fig: Figure, text: str, size: float, width_in: float, weight: str = "normal") -> str:
    """Word-wrap text so that no line is wider than width_in (measured, not guessed)."""
    lines, cur = [], ""
    words = []
    for word in text.split():      # never break between a number and its unit ("14,3 Mrd. $", "49 %")
        if words and (word in _UNIT_TOKENS or words[-1].endswith(WRAP_SCALES) and word in "$€£¥"):
            words[-1] += " " + word
        else:
            words.append(word)
    for word in words:
        trial = f"{cur} {word}".strip()
        if cur and text_size(fig, trial, size, weight)[0] > width_in:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return "\n".join(lines)


def layout(fig: Figure, ax, texts: dict, body_in: float, left_in: float, right_in: float,
                   below_in: float = 0.45, above_in: float = 0.1) -> None:
    """Size the figure and place title, subtitle, axes and source line without overlaps.

    body_in: height of the plotting area; left_in/right_in: room for labels beside it;
    below_in: room under it for tick labels; above_in: room over it for annotations.
    """
    width = CHART_WIDTH_IN
    text_w = width - 2 * PAD_IN
    title = wrap(fig, texts["title"], TITLE_PT, text_w, "bold")
    subtitle = wrap(fig, texts["subtitle"], SUB_PT, text_w)
    source = wrap(fig, texts["source"], SOURCE_PT, text_w)
    line = lambda pt, n: n * pt * 1.22 / 72
    title_h = line(TITLE_PT, title.count("\n") + 1)
    sub_h = line(SUB_PT, subtitle.count("\n") + 1)
    src_h = line(SOURCE_PT, source.count("\n") + 1)
    top = 0.16 + title_h + 0.07 + sub_h + 0.14 + above_in
    bottom = 0.12 + src_h + 0.14 + below_in
    height = top + body_in + bottom
    fig.set_size_inches(width, height)
    ax.set_position([left_in / width, bottom / height, (width - left_in - right_in) / width, body_in / height])
    x0 = PAD_IN / width
    fig.text(x0, 1 - 0.16 / height, title, ha="left", va="top", fontsize=TITLE_PT, weight="bold",
             color=INK, gid="chart-title", parse_math=False, linespacing=1.15)
    fig.text(x0, 1 - (0.16 + title_h + 0.07) / height, subtitle, ha="left", va="top", fontsize=SUB_PT,
             color=SOFT, gid="chart-subtitle", parse_math=False, linespacing=1.15)
    fig.text(x0, 0.12 / height, source, ha="left", va="bottom", fontsize=SOURCE_PT, color="#6B6B6B",
             gid="chart-source", parse_math=False, linespacing=1.15)


def fit_names(fig: Figure, names, size: float, max_in: float, weight: str = "normal") -> list[str]:
    """Names wrapped onto more lines where they are wider than max_in inches (keeps margins sane)."""
    return [wrap(fig, str(n), size, max_in, weight) for n in names]


def label_width(fig: Figure, labels, size: float, weight: str = "normal") -> float:
    """Widest of several (possibly multi-line) labels, in inches."""
    widest = 0.0
    for lab in labels:
        for part in str(lab).split("\n"):
            widest = max(widest, text_size(fig, part, size, weight)[0])
    return widest


def shift_text(text, dx_px: float, dy_px: float) -> None:
    """Move a Text artist by a distance in display pixels, whatever its coordinate system."""
    tr = text.get_transform()
    px, py = tr.transform(text.get_position())
    text.set_position(tuple(tr.inverted().transform((px + dx_px, py + dy_px))))


def place_labels(fig: Figure, labels: list, fixed: list = (), direction: str = "down", pad_px: float = 2.0,
                 max_steps: int = 60) -> int:
    """Collision avoidance: nudge `labels` (Text artists) until no two boxes, nor a fixed one, overlap.

    Labels are taken top to bottom (left to right for direction 'right'); each one that
    overlaps a label already placed (or a `fixed` artist) is moved past it in `direction`
    ('down', 'up' or 'right'). Returns how many moves were made.
    """
    renderer = fig.canvas.get_renderer()
    placed = [t.get_window_extent(renderer) for t in fixed if t.get_text()]
    key = (lambda b: (b.x0, -b.y1)) if direction == "right" else (lambda b: (-b.y1, b.x0))
    if direction == "up":
        key = lambda b: (b.y0, b.x0)
    order = sorted((t for t in labels if t.get_text()), key=lambda t: key(t.get_window_extent(renderer)))
    moves = 0
    for t in order:
        for _ in range(max_steps):
            box = t.get_window_extent(renderer)
            hit = next((p for p in placed if box.x0 < p.x1 + pad_px and p.x0 < box.x1 + pad_px
                        and box.y0 < p.y1 + pad_px and p.y0 < box.y1 + pad_px), None)
            if hit is None:
                break
            if direction == "down":
                shift_text(t, 0, -(box.y1 - hit.y0 + pad_px))
            elif direction == "up":
                shift_text(t, 0, hit.y1 - box.y0 + pad_px)
            else:
                shift_text(t, hit.x1 - box.x0 + pad_px, 0)
            moves += 1
        placed.append(t.get_window_extent(renderer))
    return moves


def label_at(ax, x: float, y: float, text: str, room_px: float, side: str = "auto", **kw):
    """Put a label beside a point, right of it if it fits inside the axes, else left of it."""
    fig = ax.figure
    size = kw.pop("fontsize", LABEL_PT)
    width_px = text_size(fig, text, size, kw.get("weight", "normal"))[0] * fig.dpi
    px, py = ax.transData.transform((x, y))
    right_edge = ax.get_window_extent().x1
    if side == "auto":
        side = "right" if px + room_px + width_px + 4 <= right_edge else "left"
    ha = "left" if side == "right" else "right"
    return ax.text(x, y, text, ha=ha, va="center", fontsize=size, parse_math=False, clip_on=False,
                   **kw), side
