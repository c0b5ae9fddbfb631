"""Positions CPU per document: helpers.positions over a synthetic corpus's sentences.

Sentences and mentions are made first (not timed); then extract_positions runs one document
at a time in this process, best of ``--repeat`` passes, and the CPU seconds per document are
printed with the row count (so an output change shows). The corpus is helpers.synthetic's,
written by ``python -m helpers.synthetic --n 200 --dir DIR``, plus the seeds and data/dev when
``--with-dev`` is given. Run: python -m benchmarks.positions_cpu --dir /tmp/pos2ws
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from helpers.actors import find_mentions, load_actors
from helpers.corpus import ingest_corpus
from helpers.levers import load_levers
from helpers.positions import extract_positions
from helpers.tokenize import sentences_for_corpus

ADDRESSEE = "United States"


def prepared(raw_dir: Path):
    """(per-document sentence tables with their mentions, actors, levers)."""
    corpus = ingest_corpus(raw_dir)
    texts = {doc_id: corpus.texts[doc_id] for doc_id in sorted(corpus.texts)}
    sentences = sentences_for_corpus(texts, corpus.paragraphs)
    actors, levers = load_actors(None), load_levers(None)
    mentions = find_mentions(sentences, actors)
    docs = [
        (doc, mentions[mentions["doc_id"] == doc_id])
        for doc_id, doc in sentences.groupby("doc_id", sort=True)
    ]
    return docs, actors, levers


def timed_pass(docs, actors, levers) -> tuple[float, int]:
    """CPU seconds of one pass over every document, and the rows it gave."""
    start, rows = time.process_time(), 0
    for doc, own in docs:
        rows += len(extract_positions(doc, own, actors, levers, ADDRESSEE))
    return time.process_time() - start, rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.positions_cpu")
    parser.add_argument("--dir", required=True, help="workspace root holding data/raw")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    docs, actors, levers = prepared(Path(args.dir) / "data" / "raw")
    timed_pass(docs[:5], actors, levers)  # warm caches (change words, compiled patterns)
    best, rows = min(timed_pass(docs, actors, levers) for _ in range(args.repeat))
    sentences = sum(len(doc) for doc, _ in docs)
    print(
        f"{len(docs)} documents, {sentences} sentences, {rows} positions rows: "
        f"{best:.2f} CPU s, {1000 * best / len(docs):.1f} ms per document (best of {args.repeat})"
    )


if __name__ == "__main__":
    main()
