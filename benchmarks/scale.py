"""Scale benchmark: a synthetic corpus through the ingest, tokenize, timeline and positions helpers.

The corpus is helpers.synthetic's (seeded, written once to a temporary data/raw for the largest
size; a smaller size is its first N articles). Each article is parsed from its file and goes through
the per-document functions the notebooks use, one document at a time, partitioned over a
process pool (2 workers = the machine's cores), as the design's per-document principle
allows. Each size runs in a fresh process so its peak memory (max RSS of the largest process)
is its own. Prints wall seconds, CPU seconds per stage, tokens/s, peak memory and the 10k/1k
wall-time ratio (goal ≤ 11; 1,000 articles ≤ 60 s).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from resource import RUSAGE_CHILDREN, RUSAGE_SELF

from helpers.actors import find_mentions, load_actors
from helpers.catalog import read_events
from helpers.corpus import parse_document, raw_files
from helpers.levers import load_levers
from helpers.manifest import read_manifest
from helpers.paths import REPO_ROOT, reference_file
from helpers.positions import extract_positions
from helpers.synthetic import write_synthetic
from helpers.timeline import extract_timeline
from helpers.tokenize import (
    load_abbreviations,
    load_stopwords,
    sentences_for_doc,
    tokens_for_doc,
)

SEED = 2020


def measure_range(raw: str, first: int, last: int) -> dict:
    """Articles ``first``..``last - 1`` of ``raw`` through the stages: CPU seconds (process
    time, so a busy machine does not inflate them) per stage, and counts."""
    raw_dir = Path(raw)
    files, manifest = raw_files(raw_dir)[first:last], read_manifest(raw_dir / "manifest.csv")
    abbreviations, stopwords = load_abbreviations(), load_stopwords()
    events, actors, levers = read_events(reference_file("events.csv")), load_actors(), load_levers()
    seconds = {"ingest": 0.0, "tokenize": 0.0, "timeline": 0.0, "positions": 0.0}
    counts = {"sentences": 0, "tokens": 0, "timeline": 0, "positions": 0}
    for path in files:
        started = time.process_time()
        doc = parse_document(path, manifest.get(path.name))
        lap0 = time.process_time()
        sentences = sentences_for_doc(doc.doc_id, doc.text, doc.paragraphs, abbreviations)
        tokens = tokens_for_doc(doc.doc_id, doc.text, sentences, stopwords)
        lap = time.process_time()
        timeline = extract_timeline(sentences, doc.record["published"], events)
        lap2 = time.process_time()
        mentions = find_mentions(sentences, actors)
        positions = extract_positions(sentences, mentions, actors, levers, "United States")
        done = time.process_time()
        seconds["ingest"] += lap0 - started
        seconds["tokenize"] += lap - lap0
        seconds["timeline"] += lap2 - lap
        seconds["positions"] += done - lap2
        counts["sentences"] += len(sentences)
        counts["tokens"] += len(tokens)
        counts["timeline"] += len(timeline)
        counts["positions"] += len(positions)
    return {"seconds": seconds, "counts": counts}


def measure(raw: str, n_articles: int, jobs: int = 2) -> dict:
    """The first ``n_articles`` of ``raw`` in ``jobs`` contiguous partitions on a process pool."""
    bounds = [n_articles * k // jobs for k in range(jobs + 1)]
    started = time.perf_counter()
    with ProcessPoolExecutor(jobs) as workers:
        parts = list(workers.map(measure_range, [raw] * jobs, bounds[:-1], bounds[1:]))
    wall = time.perf_counter() - started
    merged = {key: {k: sum(p[key][k] for p in parts) for k in parts[0][key]} for key in parts[0]}
    peak = max(resource.getrusage(who).ru_maxrss for who in (RUSAGE_SELF, RUSAGE_CHILDREN))
    return {"articles": n_articles, "jobs": jobs, "wall": wall, **merged, "peak_mb": peak / 1024}


def in_fresh_process(raw: Path, n_articles: int) -> dict:
    command = [
        sys.executable,
        "-m",
        "benchmarks.scale",
        "--one",
        str(n_articles),
        "--raw",
        str(raw),
    ]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=REPO_ROOT)
    return json.loads(done.stdout)


def report(result: dict) -> float:
    s, c = result["seconds"], result["counts"]
    print(f"  {result['articles']:>6,} articles: {result['wall']:6.1f} s wall"
          f" ({result['jobs']} workers)"
          f" | CPU s: ingest {s['ingest']:5.1f}, tokenize {s['tokenize']:6.1f}"
          f" ({c['tokens'] / s['tokenize']:,.0f} tokens/s)"
          f", timeline {s['timeline']:6.1f}, positions {s['positions']:6.1f}"
          f" | peak {result['peak_mb']:,.0f} MB"
          f" | {c['sentences']:,} sentences, {c['tokens']:,} tokens, {c['timeline']:,} dates,"
          f" {c['positions']:,} claims")  # fmt: skip
    return result["wall"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", type=int, help="measure one size and print JSON")
    parser.add_argument("--raw", help="with --one: the generated data/raw folder")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--seed", type=int, default=SEED, help="generator seed")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.raw, args.one)))
        return
    sizes = [int(n) for n in args.sizes.split(",")]
    print(f"scale (helpers.synthetic corpus, seed {args.seed}; a fresh process per size)")
    with tempfile.TemporaryDirectory() as tmp:
        write_synthetic(Path(tmp), max(sizes), args.seed)
        totals = [report(in_fresh_process(Path(tmp) / "data" / "raw", n)) for n in sizes]
    if len(sizes) == 2:
        print(f"  {sizes[1]:,}/{sizes[0]:,} time ratio: {totals[1] / totals[0]:.2f}"
              f" (linear would be {sizes[1] / sizes[0]:.0f}; goal <= 11)")  # fmt: skip


if __name__ == "__main__":
    main()
