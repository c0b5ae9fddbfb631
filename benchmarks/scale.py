"""Scale benchmark: a synthetic corpus through the tokenize, timeline and positions helpers.

The corpus is deterministic: article i recombines the seed articles' sentences
(random.Random(SEED + i)) into 10–16 paragraphs of 3–6 sentences. Each article goes through
the per-document functions the notebooks use, one document at a time, partitioned over a
process pool (2 workers = the machine's cores), as the design's per-document principle
allows. Each size runs in a fresh process so its peak memory (max RSS of the largest process)
is its own. Prints wall seconds, CPU seconds per stage, tokens/s, peak memory and the 10k/1k
wall-time ratio (goal ≤ 11; 1,000 articles ≤ 60 s).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from resource import RUSAGE_CHILDREN, RUSAGE_SELF

import pandas as pd

from helpers.actors import find_mentions, load_actors
from helpers.catalog import read_events
from helpers.corpus import ingest_corpus
from helpers.levers import load_levers
from helpers.paths import REPO_ROOT, reference_file
from helpers.positions import extract_positions
from helpers.timeline import extract_timeline
from helpers.tokenize import (
    load_abbreviations,
    load_stopwords,
    sentences_for_corpus,
    sentences_for_doc,
    tokens_for_doc,
)

SEED = 2020
ANCHOR = "2020-11-19"


def seed_sentences() -> list[str]:
    corpus = ingest_corpus(REPO_ROOT / "data" / "raw")
    return sentences_for_corpus(corpus.texts, corpus.paragraphs)["text"].tolist()


def synthetic_article(rng: random.Random, pool: list[str]) -> tuple[str, pd.DataFrame]:
    """Cleaned text and paragraph rows of one recombined article."""
    paragraphs = [
        " ".join(rng.choice(pool) for _ in range(rng.randint(3, 6)))
        for _ in range(rng.randint(10, 16))
    ]
    text = "\n\n".join(paragraphs) + "\n"
    starts = [0]
    for para in paragraphs[:-1]:
        starts.append(starts[-1] + len(para) + 2)
    rows = {
        "para_id": range(1, len(paragraphs) + 1),
        "start": starts,
        "end": [s + len(p) for s, p in zip(starts, paragraphs, strict=True)],
        "text": paragraphs,
    }
    return text, pd.DataFrame(rows)


def measure_range(first: int, last: int) -> dict:
    """Articles ``first``..``last - 1`` through the stages: CPU seconds per stage, counts."""
    pool = seed_sentences()
    abbreviations, stopwords = load_abbreviations(), load_stopwords()
    events, actors, levers = read_events(reference_file("events.csv")), load_actors(), load_levers()
    seconds = {"tokenize": 0.0, "timeline": 0.0, "positions": 0.0}
    counts = {"sentences": 0, "tokens": 0, "timeline": 0, "positions": 0}
    for i in range(first, last):
        doc_id = f"synthetic-{i:05d}"
        text, paragraphs = synthetic_article(random.Random(SEED + i), pool)
        paragraphs.insert(0, "doc_id", doc_id)
        started = time.perf_counter()
        sentences = sentences_for_doc(doc_id, text, paragraphs, abbreviations)
        tokens = tokens_for_doc(doc_id, text, sentences, stopwords)
        lap = time.perf_counter()
        timeline = extract_timeline(sentences, ANCHOR, events)
        lap2 = time.perf_counter()
        mentions = find_mentions(sentences, actors)
        positions = extract_positions(sentences, mentions, actors, levers, "United States")
        done = time.perf_counter()
        seconds["tokenize"] += lap - started
        seconds["timeline"] += lap2 - lap
        seconds["positions"] += done - lap2
        counts["sentences"] += len(sentences)
        counts["tokens"] += len(tokens)
        counts["timeline"] += len(timeline)
        counts["positions"] += len(positions)
    return {"seconds": seconds, "counts": counts}


def measure(n_articles: int, jobs: int = 2) -> dict:
    """``n_articles`` split into ``jobs`` contiguous partitions run by a process pool."""
    bounds = [n_articles * k // jobs for k in range(jobs + 1)]
    started = time.perf_counter()
    with ProcessPoolExecutor(jobs) as workers:
        parts = list(workers.map(measure_range, bounds[:-1], bounds[1:]))
    wall = time.perf_counter() - started
    merged = {key: {k: sum(p[key][k] for p in parts) for k in parts[0][key]} for key in parts[0]}
    peak = max(resource.getrusage(who).ru_maxrss for who in (RUSAGE_SELF, RUSAGE_CHILDREN))
    return {"articles": n_articles, "jobs": jobs, "wall": wall, **merged, "peak_mb": peak / 1024}


def in_fresh_process(n_articles: int) -> dict:
    command = [sys.executable, "-m", "benchmarks.scale", "--one", str(n_articles)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=REPO_ROOT)
    return json.loads(done.stdout)


def report(result: dict) -> float:
    s, c = result["seconds"], result["counts"]
    print(f"  {result['articles']:>6,} articles: {result['wall']:6.1f} s wall"
          f" ({result['jobs']} workers)"
          f" | CPU s: tokenize {s['tokenize']:6.1f} ({c['tokens'] / s['tokenize']:,.0f} tokens/s)"
          f", timeline {s['timeline']:6.1f}, positions {s['positions']:6.1f}"
          f" | peak {result['peak_mb']:,.0f} MB"
          f" | {c['sentences']:,} sentences, {c['tokens']:,} tokens, {c['timeline']:,} dates,"
          f" {c['positions']:,} claims")  # fmt: skip
    return result["wall"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", type=int, help="measure one size and print JSON")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    sizes = [int(n) for n in args.sizes.split(",")]
    print(
        f"scale (synthetic corpus from the seeds' sentences, seed {SEED}; a fresh process per size)"
    )
    totals = [report(in_fresh_process(n)) for n in sizes]
    if len(sizes) == 2:
        print(f"  {sizes[1]:,}/{sizes[0]:,} time ratio: {totals[1] / totals[0]:.2f}"
              f" (linear would be {sizes[1] / sizes[0]:.0f}; goal <= 11)")  # fmt: skip


if __name__ == "__main__":
    main()
