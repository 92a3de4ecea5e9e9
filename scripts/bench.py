#!/usr/bin/env python3
"""Benchmark figure extraction: articles per second (one process) and peak memory.

    python scripts/bench.py [--corpus PATH] [--n N] [--language de|en|auto] [--repeat R]

Corpus (default: the default story's articles, cleaned by ingestion, repeated to N articles):
  * a .jsonl file with a "text" field per line (e.g. bbc-news.jsonl, de-wikinews articles.jsonl)
  * a 10kGNAD-style .csv (`label;'text'`, delimiter ';', quote character "'")
  * a folder of .txt files
The texts are read first, then extract_figures() (including quantity labelling) runs over
them once to warm up and R times measured; the best pass is reported, by the process's CPU time
(one core, not disturbed by other programs) and by the wall clock. Peak memory is tracemalloc's
peak during one extraction pass (the texts themselves are loaded before), plus the process's
maximum resident set size.
"""
from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import helpers  # noqa: E402


def load_corpus(path: Path | None, n: int) -> tuple[list[str], str]:
    """The texts to run over, at most n (default story: repeated up to n), and a description."""
    if path is None:
        paths = helpers.story_paths(helpers.DEFAULT_STORY)
        arts = helpers.ingest_folder(paths.articles).articles
        texts = [t for t in arts["text"].tolist() if t]
        out = [texts[i % len(texts)] for i in range(n)]
        return out, f"default story {helpers.DEFAULT_STORY} ({len(texts)} ingested articles repeated)"
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
        helpers.extract_figures(t, lang)
    best = best_wall = float("inf")
    n_figs = 0
    for _ in range(max(1, args.repeat)):
        c0, t0 = time.process_time(), time.perf_counter()
        n_figs = 0
        for t, lang in zip(texts, langs):
            n_figs += len(helpers.extract_figures(t, lang))
        best = min(best, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - t0)
    tracemalloc.start()
    for t, lang in zip(texts, langs):
        helpers.extract_figures(t, lang)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    chars = sum(len(t) for t in texts)
    kbytes = sum(len(t.encode("utf-8")) for t in texts) / 1024
    rows = [
        ("corpus", desc),
        ("articles", f"{len(texts)}"),
        ("mean article size", f"{kbytes / len(texts):.2f} KB ({chars / len(texts):.0f} characters)"),
        ("articles/s (CPU time)", f"{len(texts) / best:,.0f}"),
        ("articles/s (wall clock)", f"{len(texts) / best_wall:,.0f}"),
        ("KB/s (CPU time)", f"{kbytes / best:,.0f}"),
        ("figures/article", f"{n_figs / len(texts):.2f}"),
        ("CPU time (best of %d)" % max(1, args.repeat), f"{best:.3f} s"),
        ("peak memory (tracemalloc, one pass)", f"{peak / 1024:,.0f} KB"),
        ("max resident set size", f"{rss_kb / 1024:.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    print("figure extraction benchmark (one process)")
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
