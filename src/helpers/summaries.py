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
    sentences; rank 1 first."""
    if n < 1:
        raise InputError(f"summary_sentences must be at least 1, got {n}")
    stopwords = load_stopwords() if stopwords is None else stopwords
    claims = _author_claims(positions)
    frames = []
    for doc_id, doc in sentences.groupby("doc_id", sort=True):
        doc = doc.sort_values("sent_id", kind="stable")
        scores = textrank_scores([str(t) for t in doc["text"]], stopwords)
        scored = doc.assign(score=np.round(scores, 6))
        lead = _thesis(doc_id, scored, claims.get(doc_id, {}), thesis, titles or {})
        rest = scored[~scored["sent_id"].isin(lead["sent_id"])].sort_values(
            ["score", "sent_id"], ascending=[False, True], kind="stable"
        )
        top = pd.concat([lead, rest.head(n).assign(part="support")], ignore_index=True)
        frames.append(top.assign(doc_id=doc_id, rank=range(1, len(top) + 1))[SUMMARY_COLUMNS])
    if not frames:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    return pd.concat(frames, ignore_index=True)


def _author_claims(positions: pd.DataFrame | None) -> dict[str, dict[int, int]]:
    """doc_id → {sent_id: distinct levers named} of the author's own claims."""
    if positions is None or positions.empty:
        return {}
    own = positions[positions["voice"] == "author"]
    named = own.assign(named=own["lever"] != "other")
    counts = named.groupby(["doc_id", "sent_id"]).apply(
        lambda g: g.loc[g["named"], "lever"].nunique(), include_groups=False
    )
    out: dict[str, dict[int, int]] = {}
    for (doc_id, sent_id), count in counts.items():
        out.setdefault(str(doc_id), {})[int(sent_id)] = int(count)
    return out


def _thesis(
    doc_id: str, scored: pd.DataFrame, claims: dict[int, int], limit: int, titles: dict
) -> pd.DataFrame:
    """The thesis rows of one document (rules in the module docstring)."""
    columns = ["sent_id", "score", "text", "part"]
    if not claims or limit < 1:
        return pd.DataFrame(columns=columns)
    rows = []
    if 0 in claims and titles.get(doc_id):
        rows.append((0, np.nan, titles[doc_id], "thesis"))
    body = scored[scored["sent_id"].isin(list(claims))]
    body = body.assign(levers=body["sent_id"].map(claims)).sort_values(
        ["levers", "score", "sent_id"], ascending=[False, False, True], kind="stable"
    )
    for sent_id, score, text in body[["sent_id", "score", "text"]].itertuples(index=False):
        if len(rows) >= limit:
            break
        rows.append((int(sent_id), score, text, "thesis"))
    return pd.DataFrame(rows, columns=columns)
