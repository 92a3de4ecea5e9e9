#!/usr/bin/env python3
"""Benchmark figure extraction: articles per second (one process) and peak memory.

    python scripts/bench.py [--corpus PATH] [--n N] [--language de|en|auto] [--repeat R]

Corpus (default: the default story's articles, cleaned by ingestion, repeated to N articles):
  * a .jsonl file with a "text" field per line (e.g. bbc-news.jsonl, de-wikinews articles.jsonl)
  * a 10kGNAD-style .csv (`label;'text'`, delimiter ';', quote character "'")
  * a folder of .txt files
The texts are read first, then extract_figures() (including quantity labelling) runs over
them once to warm up and R times measured; the best pass is reported. The headline rate is by
the CPU time of this process (time.process_time(): one core, not slowed by other programs on
the machine); the wall-clock rate (time.perf_counter()) is shown beside it. Peak memory is
tracemalloc's peak during one extraction pass (the texts themselves are loaded before), plus the
process's maximum resident set size. The last line is a one-line summary for the README.

Then the whole run (`--folder N`, default 400; `--folder 0` skips it): a folder of N articles is
generated from the same corpus into data/bench-<N>/articles/ (git-ignored; made anew each time) and
`scripts/run_story.py bench-<N>` runs the four notebooks on it as `make run` would. Reported: the
run's wall-clock time and each notebook's, the size of report.html, the number of charts and how
many articles notebook 01 found off story. A corpus with at least N texts gives its first N texts,
one file each (unrelated articles: the folder is no story, and the run says so; `--keep-all` writes a
story.yaml that keeps them all with the parameter include, the slowest case). A smaller corpus, such
as the default story's five articles, is mixed: each generated article is a headline and 6 to 12
sentences drawn from the whole corpus (seeded, so the folder is the same every time), one story told
400 times over with different sentences, not 400 copies that ingestion would drop as duplicates.
"""
from __future__ import annotations

import argparse
import csv
import json
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from figcheck.common.paths import DEFAULT_STORY, ROOT, story_paths
from figcheck.common.tables import read_table
from figcheck.extract.figures import extract_figures
from figcheck.ingest.story import ingest_folder


def load_corpus(path: Path | None, n: int) -> tuple[list[str], str]:
    """The texts to run over, at most n (default story: repeated up to n), and a description."""
    if path is None:
        paths = story_paths(DEFAULT_STORY)
        arts = ingest_folder(paths.articles).articles
        texts = [t for t in arts["text"].tolist() if t]
        out = [texts[i % len(texts)] for i in range(n)]
        return out, f"default story {DEFAULT_STORY} ({len(texts)} ingested articles repeated)"
    path = Path(path)
    texts: list[str] = []
    if path.is_dir():
        for p in sorted(path.rglob("*.txt")):
            texts.append(p.read_text(encoding="utf-8", errors="replace"))
            if len(texts) >= n:
                break
    elif path.suffix == ".jsonl":
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    if isinstance(rec.get("text"), str):
                        texts.append(rec["text"])
                if len(texts) >= n:
                    break
    elif path.suffix == ".csv":
        csv.field_size_limit(1 << 30)
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh, delimiter=";", quotechar="'"):
                if len(row) >= 2:
                    texts.append(row[1])
                if len(texts) >= n:
                    break
    else:
        raise SystemExit(f"unknown corpus format: {path} (use .jsonl, 10kGNAD .csv or a folder of .txt)")
    if not texts:
        raise SystemExit(f"no texts found in {path}")
    return texts, f"{path} ({len(texts)} articles)"


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"„“A-ZÄÖÜ0-9])")


def generate_folder(texts: list[str], n: int, folder: Path, seed: int = 400) -> list[Path]:
    """Write n articles made from `texts` into `folder` (emptied first): the first n texts when there are
    that many, else each article a headline and 6 to 12 sentences drawn (seeded) from all the texts."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    if len(texts) >= n:
        bodies = texts[:n]
    else:
        rnd = random.Random(seed)
        heads = [t.strip().splitlines()[0] for t in texts if t.strip()]
        pool = [s.strip() for t in texts for s in _SENTENCE_BREAK.split(" ".join(t.split("\n")[1:])) if len(s) > 30]
        bodies = [rnd.choice(heads) + "\n\n" + " ".join(rnd.sample(pool, min(len(pool), rnd.randint(6, 12))))
                  for _ in range(n)]
    written = []
    for i, body in enumerate(bodies):
        path = folder / f"{i:03d}_bench.txt"
        path.write_text(body if body.endswith("\n") else body + "\n", encoding="utf-8")
        written.append(path)
    return written


def whole_run(texts: list[str], desc: str, n: int, keep_all: bool) -> list[tuple[str, str]]:
    """Generate a folder of n articles from the corpus, run scripts/run_story.py on it, and report the
    run: [(label, value)] rows (wall-clock time, each notebook's, report size, charts, off story)."""
    story = f"bench-{n}"
    paths = story_paths(story)
    if paths.data.exists():                 # made anew: no story.yaml of an earlier --keep-all run
        shutil.rmtree(paths.data)
    generate_folder(texts, n, paths.articles)
    if keep_all:
        names = sorted(p.name for p in paths.articles.iterdir())
        paths.story_yaml.write_text("include:\n" + "".join(f"  - {x}\n" for x in names), encoding="utf-8")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_story.py"), story],
                          capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"the whole run failed:\n{proc.stdout}\n{proc.stderr}")
    steps = re.findall(r"^  (\S+)\s+ok\s+([\d.]+) s", proc.stdout, re.M)
    report = paths.out("report.html")
    charts = len(list(paths.charts.glob("*.png"))) if paths.charts.is_dir() else 0
    status = read_table(paths.out("ingest_report.csv"))["status"].value_counts()
    return [("folder", f"{n} articles in data/{story}/articles/, made from {desc}"
                       + ("; story.yaml keeps them all (include)" if keep_all else "")),
            ("whole run (make run)", f"{took:.1f} s wall clock"),
            *[(f"  {name}", f"{float(sec):.1f} s") for name, sec in steps],
            ("report.html", f"{report.stat().st_size / 1e6:.2f} MB"),
            ("charts", f"{charts}"),
            ("articles off story", f"{int(status.get('off_story', 0))} (duplicates {int(status.get('duplicate', 0))})")]


def guess_language(text: str) -> str:
    """de or en, by a handful of very common function words (cheap; the benchmark only)."""
    words = text[:2000].lower().split()
    de = sum(w in ("der", "die", "und", "das", "nicht", "ist", "mit", "den") for w in words)
    en = sum(w in ("the", "and", "of", "to", "is", "that", "with", "was") for w in words)
    return "de" if de >= en else "en"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    ap.add_argument("--language", default="auto", choices=["auto", "de", "en"])
    ap.add_argument("--repeat", type=int, default=3, help="timed passes; the best is reported")
    ap.add_argument("--folder", type=int, default=400, help="articles in the generated folder of the whole run "
                                                           "(default 400; 0 skips the whole run)")
    ap.add_argument("--keep-all", action="store_true", help="keep every generated article (parameter include)")
    args = ap.parse_args(argv)

    texts, desc = load_corpus(args.corpus, args.n)
    langs = [guess_language(t) if args.language == "auto" else args.language for t in texts]
    for t, lang in zip(texts[:50], langs):                       # warm-up (caches, lazy imports)
        extract_figures(t, lang)
    best = best_wall = float("inf")
    n_figs = 0
    for _ in range(max(1, args.repeat)):
        c0, t0 = time.process_time(), time.perf_counter()
        n_figs = 0
        for t, lang in zip(texts, langs):
            n_figs += len(extract_figures(t, lang))
        best = min(best, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - t0)
    tracemalloc.start()
    for t, lang in zip(texts, langs):
        extract_figures(t, lang)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    chars = sum(len(t) for t in texts)
    kbytes = sum(len(t.encode("utf-8")) for t in texts) / 1024
    n = len(texts)
    repeat = max(1, args.repeat)
    rows = [
        ("corpus", desc),
        ("articles", f"{n}"),
        ("mean article size", f"{kbytes / n:.2f} KB UTF-8 ({chars / n:.0f} characters)"),
        ("figures/article", f"{n_figs / n:.2f}"),
        ("clock", f"CPU time of this process (one core), best of {repeat} passes; wall clock beside"),
        ("articles/s (CPU time)", f"{n / best:,.0f}"),
        ("articles/s (wall clock)", f"{n / best_wall:,.0f}"),
        ("KB/s (CPU time)", f"{kbytes / best:,.0f}"),
        ("KB/s (wall clock)", f"{kbytes / best_wall:,.0f}"),
        ("best CPU time / best wall time", f"{best:.3f} s / {best_wall:.3f} s"),
        ("peak memory (tracemalloc, one pass)", f"{peak / 1024:,.0f} KB"),
        ("max resident set size", f"{rss_kb / 1024:.0f} MB"),
        ("Python", f"{platform.python_version()} ({platform.machine()})"),
    ]
    width = max(len(k) for k, _ in rows)
    print("figure extraction benchmark: extract_figures() with quantity labelling, one process")
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")
    name = Path(args.corpus).name if args.corpus else f"default story {DEFAULT_STORY}"
    if args.folder > 0:
        texts_run, desc_run = load_corpus(args.corpus, args.folder)
        if args.corpus is None:   # the default story's own articles, not the ones repeated above
            texts_run = list(dict.fromkeys(texts_run))
            desc_run = f"the {len(texts_run)} articles of the default story {DEFAULT_STORY}, mixed"
        run_rows = whole_run(texts_run, desc_run, args.folder, args.keep_all)
        run = dict(run_rows)
        width_run = max(len(k) for k, _ in run_rows)
        print("whole-run benchmark: scripts/run_story.py on a generated folder (make run)")
        for k, v in run_rows:
            print(f"  {k:<{width_run}}  {v}")
    print(f"summary: {n / best:,.0f} articles/s ({kbytes / best:,.0f} KB/s) by CPU time on one core, "
          f"{n / best_wall:,.0f}/s wall clock; {name}, {n} articles of {kbytes / n:.1f} KB, "
          f"{n_figs / n:.1f} figures each; peak {peak / 1024:,.0f} KB traced, {rss_kb / 1024:.0f} MB RSS; "
          f"Python {platform.python_version()}"
          + (f"; whole run of {args.folder} generated articles {run['whole run (make run)'].split(' wall')[0]}, "
             f"report {run['report.html']}, {run['charts']} charts" if args.folder > 0 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
