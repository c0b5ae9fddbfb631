"""Extractive summaries (summaries.csv): TextRank over each document's sentences.

Extractive summary — TextRank (Mihalcea & Tarau 2004): sentences are nodes; the weight of an
edge is the number of shared content words (lower-cased, Porter-stemmed, stopwords of
data/reference/stopwords.csv and one-letter words left out) divided by
``log(len(a)) + log(len(b))``; PageRank (damping 0.85, power iteration to 1e-10) scores the
sentences and the top ``n`` are the summary (ties: earlier sentence first). Deterministic.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
from nltk.stem import PorterStemmer

from helpers.errors import InputError
from helpers.tokenize import load_stopwords, normalize

SUMMARY_COLUMNS = ["doc_id", "rank", "sent_id", "score", "text"]
DAMPING = 0.85
WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")


def content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    """Stemmed content words of a sentence (stopwords and one-letter words dropped)."""
    stem = PorterStemmer().stem
    words = (normalize(w) for w in WORD.findall(text))
    return {stem(w) for w in words if len(w) > 1 and w not in stopwords}


def similarity_matrix(texts: list[str], stopwords: frozenset[str]) -> np.ndarray:
    """TextRank edge weights: shared words / (log |a| + log |b|), zero diagonal."""
    bags = [content_words(t, stopwords) for t in texts]
    n = len(bags)
    weights = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            norm = math.log(len(bags[i]) or 1) + math.log(len(bags[j]) or 1)
            shared = len(bags[i] & bags[j])
            if shared and norm > 0:
                weights[i, j] = weights[j, i] = shared / norm
    return weights


def pagerank(weights: np.ndarray, damping: float = DAMPING, tol: float = 1e-10) -> np.ndarray:
    """Weighted PageRank by power iteration; a node without edges spreads evenly."""
    n = len(weights)
    if n == 0:
        return np.zeros(0)
    out = weights.sum(axis=1)
    transition = np.where(out[:, None] > 0, weights / np.where(out == 0, 1, out)[:, None], 1 / n)
    scores = np.full(n, 1 / n)
    for _ in range(1000):
        updated = (1 - damping) / n + damping * transition.T @ scores
        if np.abs(updated - scores).sum() < tol:
            return updated
        scores = updated
    return scores


def textrank_summary(
    sentences: pd.DataFrame, n: int = 3, stopwords: frozenset[str] | None = None
) -> pd.DataFrame:
    """summaries.csv rows: the ``n`` most central sentences of each document, rank 1 first."""
    if n < 1:
        raise InputError(f"summary_sentences must be at least 1, got {n}")
    stopwords = load_stopwords() if stopwords is None else stopwords
    frames = []
    for doc_id, doc in sentences.groupby("doc_id", sort=True):
        doc = doc.sort_values("sent_id", kind="stable")
        scores = pagerank(similarity_matrix([str(t) for t in doc["text"]], stopwords))
        ranked = doc.assign(score=np.round(scores, 6)).sort_values(
            ["score", "sent_id"], ascending=[False, True], kind="stable"
        )
        top = ranked.head(n).assign(rank=range(1, min(n, len(ranked)) + 1))
        frames.append(top[SUMMARY_COLUMNS].assign(doc_id=doc_id))
    if not frames:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    return pd.concat(frames, ignore_index=True)
