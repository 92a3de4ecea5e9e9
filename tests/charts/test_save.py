"""figcheck.charts.save: four files per chart, atomic, byte-identical on a re-run and in another process.

Runs on hand-made tables shaped like docs/tables.md (tests/fixtures/charts/, test material): the
default story as the comparison describes it, and an invented English story.
"""
from __future__ import annotations

from figcheck.charts.plan import make_charts
from figcheck.charts.save import save_charts
from figcheck.common.tables import read_table

from ..support import CHART_FIXTURES, load


def test_save_writes_png_svg_alt_and_data(meta, tmp_path):
    charts = make_charts(meta)
    (tmp_path / "dots_old_quantity.png").write_bytes(b"stale")
    table = save_charts(charts, tmp_path)
    assert list(table["name"]) == [c.name for c in charts]
    for c in charts:
        for ext in ("png", "svg", "txt", "csv"):
            assert (tmp_path / f"{c.name}.{ext}").stat().st_size > 0
        assert (tmp_path / f"{c.name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert (tmp_path / f"{c.name}.txt").read_text(encoding="utf-8") == c.alt + "\n"
        back = read_table(tmp_path / f"{c.name}.csv")
        assert len(back) == len(c.data) and list(back.columns) == list(c.data.columns)
    assert not (tmp_path / "dots_old_quantity.png").exists()
    assert not list(tmp_path.glob(".*.tmp"))
    dots = read_table(tmp_path / "dots_deal_amount.csv")
    assert dots.loc[dots["highlight"] == "outlier", "outlet"].tolist() == ["finanzen.ch"]


def test_second_render_gives_identical_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):                       # two independent renders from the tables
        for story in ("meta-scale-ai", "en-battery-plant"):
            save_charts(make_charts(load(story)), out / story)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert len(files) == 4 * 10
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    svg = (a / "meta-scale-ai" / "overview.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_separate_processes_give_identical_bytes(tmp_path):
    """A re-run is a new process (new hash seed): the files must still be byte-identical."""
    import hashlib
    import os
    import subprocess
    import sys
    script = (
        "import sys, hashlib\n"
        "from figcheck.charts.plan import make_charts\n"
        "from figcheck.charts.save import chart_bytes\n"
        "from figcheck.charts.style import CHART_TABLES\n"
        "from figcheck.common.tables import read_table\n"
        "from pathlib import Path\n"
        "d = Path(sys.argv[1])\n"
        "tables = {n: read_table(d / f'{n}.csv') for n in CHART_TABLES}\n"
        "for c in make_charts(tables):\n"
        "    for fmt in ('png', 'svg'):\n"
        "        print(c.name, fmt, hashlib.sha256(chart_bytes(c.figure, fmt)).hexdigest())\n")
    outs = []
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-c", script, str(CHART_FIXTURES / "meta-scale-ai")],
                              capture_output=True, text=True, env=env, timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        outs.append(proc.stdout)
    assert outs[0] == outs[1] and outs[0].count("\n") == 10
