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
"""
from __future__ import annotations

import argparse
import csv
import json
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from figcheck.common.paths import DEFAULT_STORY, story_paths
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
    print(f"summary: {n / best:,.0f} articles/s ({kbytes / best:,.0f} KB/s) by CPU time on one core, "
          f"{n / best_wall:,.0f}/s wall clock; {name}, {n} articles of {kbytes / n:.1f} KB, "
          f"{n_figs / n:.1f} figures each; peak {peak / 1024:,.0f} KB traced, {rss_kb / 1024:.0f} MB RSS; "
          f"Python {platform.python_version()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
