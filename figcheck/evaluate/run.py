"""Measure the collection on annotated stories: `make evaluate DIR=path`.

Every folder under DIR that holds a `gold.csv` is a story: its articles are the files
`NN_*.txt` (or an `articles/` folder), with optional `not-figures.csv`. Each story runs
through the same steps as notebooks 01–03 (ingest, extract, compare) with no configuration:
the story's `sources.csv` is read only with `--sources`, since a new story rarely comes
with one. The tables go to output/evaluate/<story>/ so that every number can be looked up;
the scores follow figcheck/evaluate/scoring.py.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from figcheck.common.files import write_csv_atomic
from figcheck.common.params import default_params
from figcheck.common.paths import OUTPUT_DIR
from figcheck.compare.story import compare_story, write_comparison
from figcheck.evaluate.scoring import read_csv, score_figures, score_findings
from figcheck.extract.table import extract_story_figures
from figcheck.ingest.story import ingest_folder


def story_folders(root: Path) -> list[Path]:
    """The folders under `root` (itself included) that hold a gold.csv, sorted by name."""
    root = Path(root)
    found = [root] if (root / "gold.csv").is_file() else []
    found += sorted(p.parent for p in root.glob("*/gold.csv"))
    return found


def run_story(folder: Path, out_dir: Path, use_sources: bool = False) -> dict:
    """Ingest, extract and compare one annotated story; write its tables to out_dir; the scores."""
    params = default_params()
    params["story"] = folder.name
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        src = folder / "articles" if (folder / "articles").is_dir() else folder
        articles.mkdir()
        for f in sorted(src.iterdir()):
            if f.is_file() and re.match(r"\d+_", f.name):
                shutil.copyfile(f, articles / f.name)
        sources = folder / "sources.csv" if use_sources and (folder / "sources.csv").is_file() else None
        ingested = ingest_folder(articles, sources)
    figures = extract_story_figures(ingested.articles, params)
    result = compare_story(figures, ingested.articles, params)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_csv_atomic(ingested.articles, out_dir / "articles.csv")
    write_csv_atomic(figures, out_dir / "figures.csv")
    write_comparison(result, out_dir)
    figs = read_csv(out_dir / "figures.csv")
    gold = read_csv(folder / "gold.csv")
    traps = read_csv(folder / "not-figures.csv") if (folder / "not-figures.csv").is_file() else []
    return {"figures": score_figures(figs, gold, traps),
            "findings": score_findings(figs, read_csv(out_dir / "findings.csv"), gold)}


def summary_line(name: str, s: dict) -> str:
    """One line of scores for a story (or the total)."""
    f, g = s["figures"], s["findings"]
    return (f"{name:32s} recall={f['recall']:.3f} precision={f['precision']:.3f} traps={f['traps']} "
            f"grouping_f1={g['grouping_f1']:.3f} cross_f1={g['cross_f1']:.3f} alarms={g['alarms']} "
            f"false_alarms={g['false_alarms']} disagreements={len(g['disagreements'])} found={len(g['found'])}")


def _total(scores: list[dict]) -> dict:
    """Figures pooled over the stories; grouping as the mean of the stories; alarms summed."""
    n = len(scores) or 1
    gold = sum(s["figures"]["gold"] for s in scores)
    extracted = sum(s["figures"]["extracted"] for s in scores)
    matched = sum(s["figures"]["matched"] for s in scores)
    kept = sum(s["figures"]["precision"] * s["figures"]["extracted"] for s in scores)
    return {"figures": {"recall": matched / gold if gold else 1.0, "precision": kept / extracted if extracted else 0.0,
                        "traps": sum(s["figures"]["traps"] for s in scores)},
            "findings": {"grouping_f1": sum(s["findings"]["grouping_f1"] for s in scores) / n,
                         "cross_f1": sum(s["findings"]["cross_f1"] for s in scores) / n,
                         "alarms": sum(s["findings"]["alarms"] for s in scores),
                         "false_alarms": sum(s["findings"]["false_alarms"] for s in scores),
                         "disagreements": [d for s in scores for d in s["findings"]["disagreements"]],
                         "found": [d for s in scores for d in s["findings"]["found"]]}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="make evaluate", description=__doc__.splitlines()[0])
    ap.add_argument("dir", help="a folder of annotated stories (each with gold.csv), or one story folder")
    ap.add_argument("--sources", action="store_true", help="read each story's sources.csv (default: no configuration)")
    ap.add_argument("--show", action="store_true", help="list misses, false positives and every alarm")
    args = ap.parse_args(argv)
    folders = story_folders(Path(args.dir))
    if not folders:
        print(f"no story folder with a gold.csv under {args.dir}", file=sys.stderr)
        return 2
    scores = []
    for folder in folders:
        s = run_story(folder, OUTPUT_DIR / "evaluate" / folder.name, args.sources)
        scores.append(s)
        print(summary_line(folder.name, s))
        if args.show:
            _show(s)
    if len(scores) > 1:
        print(summary_line("total", _total(scores)))
    print(f"tables in {OUTPUT_DIR / 'evaluate'}/<story>/")
    return 0


def _show(s: dict) -> None:
    for g in s["figures"]["misses"]:
        print(f"    miss  {g['file']}: {g.get('span')!r} = {g.get('value')} {g.get('unit')} ({g.get('quantity')})")
    for f in s["figures"]["false_positives"]:
        print(f"    extra {f['file']}: {f.get('text')!r} = {f.get('value')} {f.get('unit')}")
    for line in s["findings"]["alarm_lines"]:
        print(f"    {line}")
    for q in s["findings"]["disagreements"]:
        print(f"    {'found ' if q in s['findings']['found'] else 'MISSED'} disagreement: {q}")


if __name__ == "__main__":
    sys.exit(main())
