"""Extractive summaries (summaries.csv): the thesis first, then TextRank's supporting extracts.

TextRank (Mihalcea & Tarau 2004): sentences are nodes; the weight of an edge is the number
of shared content words (lower-cased, Porter-stemmed, stopwords of
data/reference/stopwords.csv and one-letter words left out) divided by
``log(len(a)) + log(len(b))``; PageRank (damping 0.85, power iteration to 1e-10) scores the
sentences. Edges join only sentences at most ``WINDOW`` sentences apart, so a long document
costs O(n · WINDOW) instead of O(n²) (a short article, up to WINDOW + 1 sentences, is scored
exactly as full TextRank).

Thesis (``part`` = "thesis"): when positions are given, the claims of the author's own voice
carry the argument. The title comes first when it is a claim; then the author's claim
sentences ranked by the number of distinct policy levers they prescribe on (the sentence
that lays out a proposal names several), TextRank score breaking ties, up to ``thesis``
sentences in all. Supporting extracts (``part`` = "support") are the ``n`` highest-scoring
other sentences. Ties: earlier sentence first. Deterministic.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np
import pandas as pd
from nltk.stem import PorterStemmer

from helpers.errors import InputError
from helpers.executors import map_documents
from helpers.tokenize import load_stopwords, normalize

SUMMARY_COLUMNS = ["doc_id", "rank", "sent_id", "score", "text", "part"]
DAMPING = 0.85
WINDOW = 25  # sentences: edges join sentences at most this far apart
WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
_STEMMER = PorterStemmer()


@lru_cache(maxsize=200_000)
def _term(word: str, stopwords: frozenset[str]) -> str:
    """The stemmed content term of one word, "" for a stopword or a one-letter word."""
    norm = normalize(word)
    return _STEMMER.stem(norm) if len(norm) > 1 and norm not in stopwords else ""


def content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    """Stemmed content words of a sentence (stopwords and one-letter words dropped)."""
    terms = {_term(w, stopwords) for w in WORD.findall(text)}
    terms.discard("")
    return terms


def sentence_edges(
    texts: list[str], stopwords: frozenset[str], window: int = WINDOW
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, weight) of every TextRank edge between sentences at most ``window`` apart,
    both directions listed. Shared words are counted on the postings of each word (vectorised:
    the k-th next posting of the same word, k = 1 … window), never on all pairs."""
    bags = [content_words(t, stopwords) for t in texts]
    logs = np.array([math.log(len(b) or 1) for b in bags])
    vocabulary: dict[str, int] = {}
    sent = [i for i, bag in enumerate(bags) for _ in bag]
    word = [vocabulary.setdefault(w, len(vocabulary)) for bag in bags for w in bag]
    sent_ids, word_ids = np.array(sent, dtype=np.int64), np.array(word, dtype=np.int64)
    order = np.lexsort((sent_ids, word_ids))
    sent_ids, word_ids = sent_ids[order], word_ids[order]
    keys = []
    for k in range(1, window + 1):
        gap = sent_ids[k:] - sent_ids[:-k]
        near = (word_ids[k:] == word_ids[:-k]) & (gap <= window)
        if not near.any():
            break  # postings are sorted: a larger k is farther still
        keys.append(sent_ids[:-k][near] * (window + 1) + gap[near])
    empty = np.zeros(0, dtype=np.int64)
    pairs, shared = np.unique(np.concatenate(keys) if keys else empty, return_counts=True)
    i, j = pairs // (window + 1), pairs // (window + 1) + pairs % (window + 1)
    norm = logs[i] + logs[j]
    keep = norm > 0
    i, j, w = i[keep], j[keep], shared[keep] / norm[keep]
    return np.concatenate([i, j]), np.concatenate([j, i]), np.concatenate([w, w])


def pagerank_edges(
    n: int, src: np.ndarray, dst: np.ndarray, weight: np.ndarray, damping: float = DAMPING,
    tol: float = 1e-10,
) -> np.ndarray:  # fmt: skip
    """Weighted PageRank over an edge list by power iteration; a node without edges spreads
    its score evenly."""
    if n == 0:
        return np.zeros(0)
    out = np.bincount(src, weights=weight, minlength=n)
    share = weight / np.where(out[src] == 0, 1, out[src])
    dangling = out == 0
    scores = np.full(n, 1 / n)
    for _ in range(1000):
        spread = np.bincount(dst, weights=share * scores[src], minlength=n)
        updated = (1 - damping) / n + damping * (spread + scores[dangling].sum() / n)
        if np.abs(updated - scores).sum() < tol:
            return updated
        scores = updated
    return scores


def pagerank(weights: np.ndarray, damping: float = DAMPING, tol: float = 1e-10) -> np.ndarray:
    """Weighted PageRank of a dense weight matrix (see ``pagerank_edges``)."""
    src, dst = np.nonzero(weights)
    return pagerank_edges(len(weights), src, dst, weights[src, dst], damping, tol)


def textrank_scores(texts: list[str], stopwords: frozenset[str]) -> np.ndarray:
    """TextRank score of each sentence of one document."""
    return pagerank_edges(len(texts), *sentence_edges(texts, stopwords))


def textrank_summary(
    sentences: pd.DataFrame,
    n: int = 3,
    stopwords: frozenset[str] | None = None,
    positions: pd.DataFrame | None = None,
    thesis: int = 2,
    titles: dict[str, str] | None = None,
) -> pd.DataFrame:
    """summaries.csv rows per document: its thesis (when ``positions`` are given; the title
    counts as sentence 0 when ``titles`` has it), then its ``n`` most central other
    sentences; rank 1 first. Documents are summarised on the executor (``map_documents``)."""
    if n < 1:
        raise InputError(f"summary_sentences must be at least 1, got {n}")
    stopwords = load_stopwords() if stopwords is None else stopwords
    claims, titles = _author_claims(positions), titles or {}
    ordered = sentences.sort_values(["doc_id", "sent_id"], kind="stable")
    groups = [
        (str(doc_id), [int(i) for i in doc["sent_id"]], [str(t) for t in doc["text"]],
         claims.get(str(doc_id), {}), n, thesis, titles.get(doc_id) or "", stopwords)
        for doc_id, doc in ordered.groupby("doc_id", sort=True)
    ]  # fmt: skip
    rows = [row for doc in map_documents(document_summary, groups) for row in doc]
    table = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return table.astype({"rank": "int64", "sent_id": "int64", "score": "float64"})


def document_summary(
    doc_id: str,
    sent_ids: list[int],
    texts: list[str],
    claims: dict[int, int],
    n: int,
    thesis: int,
    title: str,
    stopwords: frozenset[str],
) -> list[tuple]:
    """summaries.csv rows of one document (sentences in ``sent_id`` order): the thesis, then
    the ``n`` best-scoring other sentences (rules in the module docstring)."""
    scores = np.round(textrank_scores(texts, stopwords), 6)
    scored = list(zip(sent_ids, scores.tolist(), texts, strict=True))
    lead = _thesis(scored, claims, thesis, title)
    taken = {sent_id for sent_id, *_ in lead}
    rest = sorted((row for row in scored if row[0] not in taken), key=lambda r: (-r[1], r[0]))
    top = lead + [(*row, "support") for row in rest[:n]]
    return [(doc_id, rank, *row) for rank, row in enumerate(top, start=1)]


def _author_claims(positions: pd.DataFrame | None) -> dict[str, dict[int, int]]:
    """doc_id → {sent_id: distinct levers named} of the author's own claims."""
    if positions is None or positions.empty:
        return {}
    own = positions[positions["voice"] == "author"]
    named: dict[tuple[str, int], set[str]] = {}
    for doc_id, sent_id, lever in own[["doc_id", "sent_id", "lever"]].itertuples(index=False):
        levers = named.setdefault((str(doc_id), int(sent_id)), set())
        if lever != "other":
            levers.add(lever)
    out: dict[str, dict[int, int]] = {}
    for (doc_id, sent_id), levers in sorted(named.items()):
        out.setdefault(doc_id, {})[sent_id] = len(levers)
    return out


def _thesis(
    scored: list[tuple[int, float, str]], claims: dict[int, int], limit: int, title: str
) -> list[tuple]:
    """The thesis rows (sent_id, score, text, part) of one document (rules in the module
    docstring): a prescriptive title, then claim sentences by levers named, then score."""
    if not claims or limit < 1:
        return []
    rows: list[tuple] = [(0, np.nan, title, "thesis")] if 0 in claims and title else []
    body = sorted(
        (row for row in scored if row[0] in claims),
        key=lambda r: (-claims[r[0]], -r[1], r[0]),
    )
    rows += [(*row, "thesis") for row in body]
    return rows[:limit]
