"""Writing charts to output/<story>/charts/: PNG and SVG reproducibly (no dates, fixed ids), alt text
(.txt) and the data behind each chart (.csv); files of charts a run no longer draws are removed."""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from PIL import Image

from figcheck.charts.plan import Chart
from figcheck.charts.style import chart_style
from figcheck.common.files import write_bytes_atomic, write_csv_atomic, write_text_atomic


def chart_bytes(fig: Figure, fmt: str, dpi: float | None = None) -> bytes:
    """The figure as PNG or SVG bytes, reproducibly: no dates, no software stamp, fixed SVG ids.

    PNGs are written at the style's savefig.dpi (200: 1280 px, sharp at 640 px on dense
    screens); dpi=100 gives the 640 px preview a notebook shows.
    """
    buf = io.BytesIO()
    with chart_style():
        if fmt == "svg":
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        else:
            fig.savefig(buf, format="png", metadata={"Software": None}, **({"dpi": dpi} if dpi else {}))
    return buf.getvalue()


def chart_preview(chart: Chart) -> bytes:
    """The chart as the notebook shows it, a 640 px PNG: the saved 1280 px PNG halved (each pixel the mean
    of four, no second drawing of the figure), or the figure drawn at 100 dpi when it was not saved."""
    if not chart.png:
        return chart_bytes(chart.figure, "png", dpi=100)
    image = Image.open(io.BytesIO(chart.png))
    small = image.convert("RGB").reduce(2)
    buf = io.BytesIO()
    small.save(buf, format="PNG")
    return buf.getvalue()


def save_chart(fig: Figure, data: pd.DataFrame, charts_dir, name: str | None = None, alt: str | None = None,
               png: bytes | None = None) -> list[Path]:
    """Write charts/<name>.png, .svg, .txt (alt text) and .csv (the data), each atomically (`png`: the PNG's
    bytes when they are already drawn)."""
    charts_dir = Path(charts_dir)
    name = name or data.attrs.get("name") or "chart"
    alt = alt if alt is not None else data.attrs.get("alt", "")
    paths = [write_bytes_atomic(charts_dir / f"{name}.png", png or chart_bytes(fig, "png")),
             write_bytes_atomic(charts_dir / f"{name}.svg", chart_bytes(fig, "svg")),
             write_text_atomic(charts_dir / f"{name}.txt", alt.strip() + "\n")]
    table = data.copy()
    table.attrs = {}
    for col in table.columns:
        if table[col].dtype == float:
            table[col] = table[col].map(lambda v: "" if pd.isna(v) else repr(float(v)))
    paths.append(write_csv_atomic(table, charts_dir / f"{name}.csv"))
    return paths


def save_charts(charts: list[Chart], charts_dir) -> pd.DataFrame:
    """Save every chart and remove chart files of an earlier run that this run no longer draws.

    Returns one row per chart: name, kind, quantity, title, files.
    """
    charts_dir = Path(charts_dir)
    keep = set()
    rows = []
    for c in charts:
        c.png = chart_bytes(c.figure, "png")
        paths = save_chart(c.figure, c.data, charts_dir, c.name, c.alt, c.png)
        keep |= {p.name for p in paths}
        rows.append({"name": c.name, "kind": c.kind, "quantity": c.quantity, "title": c.title,
                     "files": " ".join(p.name for p in paths)})
    if charts_dir.is_dir():
        for p in sorted(charts_dir.iterdir()):
            if p.suffix in (".png", ".svg", ".txt", ".csv") and p.name not in keep:
                p.unlink()
    return pd.DataFrame(rows, columns=["name", "kind", "quantity", "title", "files"])
