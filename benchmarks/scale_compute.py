"""The notebooks' compute cells (no charts, no kernels) on a workspace: wall and CPU per stage.

``python -m benchmarks.scale_compute WS`` runs what 01–04 compute, in that order, in this one
process, with the executor ``HELPERS_SCHEDULER`` names (CPU is this process's only: with
``pool`` the workers' CPU is not in it). Writes WS/data/interim and WS/data/processed. Shows
which stages dominate and which are still serial.
"""

from __future__ import annotations

import resource
import sys
import time

from helpers.actors import find_mentions, load_actors
from helpers.contract import CONTRACT, check_contract
from helpers.corpus import ingest_corpus, read_texts, write_corpus
from helpers.paths import project_paths
from helpers.positions import load_levers, positions_for_corpus
from helpers.sentiment import actor_sentiment, sentence_sentiment
from helpers.summaries import textrank_summary
from helpers.tables import read_table, write_table
from helpers.textstats import collocations, text_stats, top_terms
from helpers.timeline import catalog_path, document_anchors, extract_corpus_timeline, read_events
from helpers.tokenize import sentences_for_corpus, tokens_for_corpus


class Laps:
    """Prints wall and CPU seconds since the previous lap."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def __call__(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        print(
            f"  {name:<22} {wall - self.wall:7.2f} s wall {cpu - self.cpu:7.2f} s CPU", flush=True
        )
        self.wall, self.cpu = wall, cpu


def main(root: str) -> None:
    paths, lap = project_paths(root), Laps()
    corpus = ingest_corpus(paths.raw)
    write_corpus(corpus, paths.interim, paths.processed)
    lap("01 ingest + write")
    documents = read_table(paths.table("documents"), CONTRACT["documents"])
    paragraphs = read_table(paths.table("paragraphs"), CONTRACT["paragraphs"])
    texts = read_texts(paths.interim, sorted(documents["doc_id"]))
    sentences = sentences_for_corpus(texts, paragraphs)
    lap("02 sentences")
    tokens = tokens_for_corpus(texts, sentences)
    lap("02 tokens")
    stats = text_stats(sentences, tokens)
    for name, table in (("sentences", sentences), ("tokens", tokens), ("textstats", stats)):
        write_table(check_contract(name, table), paths.table(name))
    lap("02 text_stats + write")
    top_terms(tokens, sentences, 15)
    collocations(tokens, sentences, 2)
    lap("02 top terms, bigrams")
    events = read_events(catalog_path("", paths.root))
    anchors = document_anchors(documents, {}).set_index("doc_id")["anchor"].to_dict()
    timeline = extract_corpus_timeline(sentences, anchors, events)
    write_table(check_contract("timeline", timeline), paths.table("timeline"))
    lap("03 timeline")
    actors, levers = load_actors(), load_levers()
    mentions = find_mentions(sentences, actors)
    lap("04 mentions")
    positions_for_corpus(sentences, mentions, actors, levers, "United States", {})
    lap("04 positions")
    actor_sentiment(sentence_sentiment(sentences), mentions)
    lap("04 sentiment")
    textrank_summary(sentences, 3)
    lap("04 summaries")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  {len(tokens):,} tokens; peak memory of this process {peak:,.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1])
