"""Exact and near duplicates among a story's articles (the same text under another headline, a
paragraph added or cut), by shingle containment through a shingle index."""
from __future__ import annotations

import hashlib
import re

from figcheck.ingest.base import (
    NEAR_DUPLICATE_MIN_RATIO, NEAR_DUPLICATE_THRESHOLD, SHINGLE_MAX_WORDS, SHINGLE_POSTINGS_MAX,
    SHINGLE_SAMPLE_STEP
)


# ---------------------------------------------------------------------------
# Duplicates
# ---------------------------------------------------------------------------
def _shingles(text: str, vocab: dict, k: int = 5, sample: int = 20000) -> tuple[set, int]:
    """Word k-shingles of a text as integer hashes of word-id tuples (deterministic), and the number of
    them divisible by SHINGLE_SAMPLE_STEP. Only the first SHINGLE_MAX_WORDS words count; texts of more
    than `sample` words keep only the shingles divisible by SHINGLE_SAMPLE_STEP (an unbiased estimate
    at a fraction of the memory)."""
    ids = [vocab.setdefault(w, len(vocab)) for w in text.lower().split(maxsplit=SHINGLE_MAX_WORDS)[:SHINGLE_MAX_WORDS]]
    if len(ids) < k:
        grams = {hash(tuple(ids))} if ids else set()
    else:
        grams = {hash(g) for g in zip(*(ids[j:] for j in range(k)))}
    step = SHINGLE_SAMPLE_STEP
    if len(ids) > sample:
        grams = {g for g in grams if g % step == 0}
        return grams, len(grams)
    return grams, sum(1 for g in grams if g % step == 0)


def find_duplicate_articles(texts: dict[str, str], threshold: float = NEAR_DUPLICATE_THRESHOLD) -> dict[str, tuple[str, float]]:
    """{file: (earlier_file, similarity)} for texts that repeat an earlier one (in file-name order).

    Identical after normalisation: similarity 1.0. Nearly the same: of two texts' word-5-shingles,
    the share of the smaller set found in the other (containment) or the Jaccard index is >= threshold,
    and the shorter text has at least NEAR_DUPLICATE_MIN_RATIO of the longer one's words. This catches
    the same text under another headline, lightly edited, or with a paragraph added or cut; a long
    article that merely quotes a short one stays independent. similarity is the larger of the two
    scores. Each duplicate points to the most similar earlier original (never to another duplicate).

    Near linear in the total text: shared shingles are counted through an index from shingle to the
    originals holding it; a shingle held by more than SHINGLE_POSTINGS_MAX originals (stock phrases)
    is not followed further.
    """
    vocab: dict[str, int] = {}
    norm = {f: " ".join(re.sub(r"[^\w\s]+", " ", t.lower()).split()) for f, t in texts.items()}
    sizes = {f: norm[f].count(" ") + 1 if norm[f] else 0 for f in texts}
    digests: dict[str, str] = {}
    shingles: dict[str, tuple[set, int, bool]] = {}
    postings: dict[int, list[str]] = {}
    result: dict[str, tuple[str, float]] = {}
    for f in sorted(texts):
        digest = hashlib.sha256(norm[f].encode("utf-8")).hexdigest()
        if digest in digests and norm[f]:
            result[f] = (digests[digest], 1.0)
            continue
        digests.setdefault(digest, f)
        if not norm[f]:
            continue
        sh, n_sampled = _shingles(norm[f], vocab)
        sampled = sizes[f] > 20000
        shared: dict[str, int] = {}
        for g in sh:
            for o in postings.get(g, ()):
                shared[o] = shared.get(o, 0) + 1
        best, best_sim = "", 0.0
        for o, inter in shared.items():
            if min(sizes[f], sizes[o]) < NEAR_DUPLICATE_MIN_RATIO * max(sizes[f], sizes[o]):
                continue
            so, o_sampled_n, o_sampled = shingles[o]
            if sampled == o_sampled:
                na, nb = len(sh), len(so)
            else:      # compare on the sampled shingles of both (the intersection already is)
                na, nb = (len(sh), o_sampled_n) if sampled else (n_sampled, len(so))
            if not na or not nb:
                continue
            sim = max(inter / min(na, nb), inter / (na + nb - inter))
            sim = min(sim, 1.0)
            if sim > best_sim:
                best, best_sim = o, sim
        if best and best_sim >= threshold:
            result[f] = (best, min(round(best_sim, 3), 0.999))
            continue
        shingles[f] = (sh, n_sampled, sampled)
        for g in sh:
            held = postings.setdefault(g, [])
            if len(held) < SHINGLE_POSTINGS_MAX:
                held.append(f)
    return result
