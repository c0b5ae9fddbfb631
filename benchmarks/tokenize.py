"""Tokenizer throughput: helpers.tokenize vs NLTK's NLTKWordTokenizer on the same sentences.

The seed articles are ingested and split into sentences, then replicated to about 1,000
articles; both tokenizers get the same sentences. Prints tokens/s of each, the ratio, the
share of tokens on which the two agree (identical character spans), and the end-to-end time of
sentences_for_doc and tokens_for_doc on the replicated corpus. Run: python benchmarks/tokenize.py
"""

import os
import sys

# This file is named like the standard library's tokenize module: keep its folder off the
# import path so that ``import tokenize`` (done by inspect, linecache, …) finds the real one.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != HERE]

import argparse  # noqa: E402
import time  # noqa: E402

from nltk.tokenize import NLTKWordTokenizer  # noqa: E402

from helpers.corpus import ingest_corpus  # noqa: E402
from helpers.paths import REPO_ROOT  # noqa: E402
from helpers.tokenize import (  # noqa: E402
    iter_tokens,
    sentences_for_doc,
    tokens_for_doc,
)


def best_of(repeats: int, work) -> tuple[float, int]:
    """The fastest of ``repeats`` runs of ``work()`` (seconds) and what it returned."""
    times, result = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def agreement(sentences: list[str]) -> tuple[int, int, int]:
    """Token counts (ours, NLTK's) and how many character spans the two share."""
    nltk = NLTKWordTokenizer()
    ours = theirs = shared = 0
    for text in sentences:
        a = {m.span() for m in iter_tokens(text)}
        b = set(nltk.span_tokenize(text))
        ours, theirs, shared = ours + len(a), theirs + len(b), shared + len(a & b)
    return ours, theirs, shared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size to replicate to")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs; the best is kept")
    args = parser.parse_args()

    corpus = ingest_corpus(REPO_ROOT / "data" / "raw")
    seeds = {d: (t, sentences_for_doc(d, t, corpus.paragraphs)) for d, t in corpus.texts.items()}
    copies = max(1, args.articles // len(seeds))
    seed_sentences = [s for _, sents in seeds.values() for s in sents["text"]]
    sentences = seed_sentences * copies
    n_articles = copies * len(seeds)
    n_chars = sum(map(len, sentences))
    print(
        f"corpus: {n_articles} articles ({len(seeds)} seeds × {copies}), "
        f"{len(sentences):,} sentences, {n_chars / 1e6:.1f} M characters"
    )

    nltk = NLTKWordTokenizer()
    ours_s, ours_n = best_of(
        args.repeats, lambda: sum(1 for s in sentences for _ in iter_tokens(s))
    )
    nltk_s, nltk_n = best_of(args.repeats, lambda: sum(len(nltk.tokenize(s)) for s in sentences))
    for name, n, seconds in (
        ("helpers.tokenize", ours_n, ours_s),
        ("NLTKWordTokenizer", nltk_n, nltk_s),
    ):
        print(f"{name:<18} {n:>10,} tokens {seconds:7.2f} s {n / seconds:>12,.0f} tokens/s")
    ratio = (ours_n / ours_s) / (nltk_n / nltk_s)
    print(f"ratio (ours / NLTK, tokens/s): {ratio:.1f}×  (goal ≥ 5×)")

    ours, theirs, shared = agreement(seed_sentences)
    print(
        f"agreement (identical spans, seed sentences): {shared:,} of our {ours:,} tokens "
        f"({shared / ours:.1%}), of NLTK's {theirs:,} ({shared / theirs:.1%})"
    )

    docs = [(f"{d}-{i}", text) for i in range(copies) for d, (text, _) in seeds.items()]
    paragraphs = {d: corpus.paragraphs[corpus.paragraphs["doc_id"] == d] for d in seeds}
    start = time.perf_counter()
    sents = {}
    for doc_id, text in docs:
        source = doc_id.rsplit("-", 1)[0]
        sents[doc_id] = sentences_for_doc(source, text, paragraphs[source]).assign(doc_id=doc_id)
    sent_s = time.perf_counter() - start
    start = time.perf_counter()
    n_rows = sum(len(tokens_for_doc(d, text, sents[d])) for d, text in docs)
    tok_s = time.perf_counter() - start
    print(
        f"end to end, {len(docs)} articles: sentences_for_doc {sent_s:.2f} s, "
        f"tokens_for_doc {tok_s:.2f} s ({n_rows:,} token rows)"
    )


if __name__ == "__main__":
    main()
