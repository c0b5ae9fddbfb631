"""Summaries built from the tables: TextRank extracts, position bullets, article comparison.

Extractive summary — TextRank (Mihalcea & Tarau 2004): sentences are nodes; the weight of an
edge is the number of shared content words (lower-cased, Porter-stemmed, stopwords of
data/reference/stopwords.csv and one-letter words left out) divided by
``log(len(a)) + log(len(b))``; PageRank (damping 0.85, power iteration to 1e-10) scores the
sentences and the top ``n`` are the summary (ties: earlier sentence first). Deterministic.

Position summary and comparison are generated from positions.csv rows, never written by hand;
every bullet cites its sentence ids.
"""

from __future__ import annotations

import html
import math
import re

import numpy as np
import pandas as pd
from nltk.stem import PorterStemmer

from helpers.errors import InputError
from helpers.positions import OTHER
from helpers.tokenize import load_stopwords, normalize

SUMMARY_COLUMNS = ["doc_id", "rank", "sent_id", "score", "text"]
STANCE_SCORE = {"support": 1.0, "conditional": 0.5, "neutral": 0.0, "oppose": -1.0}
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


# -- from positions ----------------------------------------------------------------------------


def who_should_do_what(positions: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    """One readable row per (sentence, actor) of a document: action, levers, stance, quote."""
    own = positions[positions["doc_id"] == doc_id]
    table = (
        own.groupby(["sent_id", "actor"], sort=True)
        .agg(
            action=("action", "first"),
            lever=("lever", "; ".join),
            stance=("stance", "first"),
            quote=("quote", "first"),
        )
        .reset_index()
    )
    return table[["sent_id", "actor", "action", "lever", "stance", "quote"]]


def claim_counts(positions: pd.DataFrame, doc_ids: list[str]) -> pd.DataFrame:
    """Per document: claim sentences, positions rows, actors and levers (zeros included)."""
    grouped = positions.groupby("doc_id")
    table = pd.DataFrame(
        {
            "claim_sentences": grouped["sent_id"].nunique(),
            "rows": grouped.size(),
            "actors": grouped["actor"].nunique(),
            "levers": grouped["lever"].agg(lambda s: s[s != OTHER].nunique()),
        }
    )
    return table.reindex(sorted(doc_ids), fill_value=0).rename_axis("doc_id").reset_index()


def net_stance(positions: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Mean stance score (support 1, conditional 0.5, neutral 0, oppose -1) per ``keys``,
    counting each sentence once, with the claim count and the cited sentence ids."""
    rows = positions.drop_duplicates([*keys, "sent_id"]).assign(
        score=lambda t: t["stance"].map(STANCE_SCORE)
    )
    return (
        rows.groupby(keys, sort=True)
        .agg(
            net=("score", "mean"),
            claims=("sent_id", "size"),
            sent_ids=("sent_id", lambda s: ", ".join(str(i) for i in sorted(s))),
            stances=("stance", lambda s: ", ".join(sorted(set(s)))),
        )
        .reset_index()
        .assign(net=lambda t: t["net"].round(3))
    )


def compare_articles(positions: pd.DataFrame) -> pd.DataFrame:
    """Levers across articles: which all back, which only one addresses, disagreements.

    One row per lever: ``verdict``, ``n_docs`` and, per document, its stances, sentence ids
    and the actions it prescribes ("support (s10): withdraw troops"); disagreements first,
    then shared, then the rest. Stance is on the prescribed action, not on the lever, so two
    articles that both back action on "troop presence" may want opposite things: the actions
    in the cells say which.
    """
    docs = sorted(positions["doc_id"].unique())
    levered = positions[positions["lever"] != OTHER]
    per_doc = net_stance(levered, ["lever", "doc_id"])
    actions = levered.groupby(["lever", "doc_id"])["action"].agg(
        lambda a: "; ".join(dict.fromkeys(a))
    )
    rows = []
    for lever, group in per_doc.groupby("lever", sort=True):
        cells = {d: "" for d in docs}
        for doc_id, stances, sent_ids in zip(
            group["doc_id"], group["stances"], group["sent_ids"], strict=True
        ):
            ids = sent_ids.replace(", ", ", s")
            cells[doc_id] = f"{stances} (s{ids}): {actions[(lever, doc_id)]}"
        rows.append(
            {"lever": lever, "verdict": _verdict(group, len(docs)), "n_docs": len(group), **cells}
        )
    order = {"disagree": 0, "shared": 1}
    table = pd.DataFrame(rows, columns=["lever", "verdict", "n_docs", *docs])
    key = table["verdict"].map(lambda v: order.get(v.split(":")[0], 2))
    table = table.assign(_k=key).sort_values(["_k", "lever"], kind="stable")
    return table.drop(columns="_k").reset_index(drop=True)


def _verdict(group: pd.DataFrame, n_docs: int) -> str:
    if (group["net"] > 0).any() and (group["net"] < 0).any():
        return "disagree: " + ", ".join(
            f"{d} {n:+.2f}" for d, n in zip(group["doc_id"], group["net"], strict=True)
        )
    if len(group) == 1:
        return f"only {group['doc_id'].iloc[0]}"
    every = "all" if n_docs > 2 else "both"
    if len(group) == n_docs and (group["net"] > 0).all():
        return f"shared: {every} back action on it (compare the actions)"
    if len(group) == n_docs and (group["net"] < 0).all():
        return f"shared: {every} reject action on it (compare the actions)"
    return f"addressed by {len(group)} of {n_docs}"


def position_summary(positions: pd.DataFrame, titles: dict[str, str] | None = None) -> str:
    """A Markdown position summary per article: per actor and stance, what the author wants
    done, each claim with its levers and sentence id. Generated, not hand-written."""
    titles = titles or {}
    if positions.empty:
        return "No prescriptive claims were found."
    parts = []
    for doc_id, doc in positions.groupby("doc_id", sort=True):
        parts.append(f"#### {md_escape(titles.get(doc_id) or doc_id)}")
        parts.extend(_actor_bullets(doc))
        parts.append("")
    return "\n".join(parts)


STANCE_PHRASE = {
    "support": "should",
    "conditional": "should, on conditions",
    "oppose": "should not (the author rejects)",
    "neutral": "is addressed without a side taken",
}


def _actor_bullets(doc: pd.DataFrame) -> list[str]:
    """Per (actor, stance) a bullet, and under it one bullet per claim: action, levers, id."""
    claims = (
        doc.groupby(["actor", "sent_id"], sort=True)
        .agg(action=("action", "first"), stance=("stance", "first"), levers=("lever", ", ".join))
        .reset_index()
    )
    order = (
        claims.groupby("actor")["sent_id"]
        .agg(["size", "min"])
        .sort_values(["size", "min"], ascending=[False, True])
    )
    bullets = []
    for actor in order.index:
        for stance in ("support", "conditional", "oppose", "neutral"):
            items = claims[(claims["actor"] == actor) & (claims["stance"] == stance)]
            if len(items):
                bullets.append(f"- **{md_escape(actor)}** {STANCE_PHRASE[stance]}:")
                bullets.extend(
                    f"    - {md_escape(a)} — *{md_escape(lv)}* [s{i}]"
                    for a, lv, i in zip(
                        items["action"], items["levers"], items["sent_id"], strict=True
                    )
                )
    return bullets


def md_escape(text: str) -> str:
    """Escape article text for Markdown/HTML output."""
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", html.escape(str(text), quote=False))


def article_titles(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id → title, the doc_id standing in for an unknown title."""
    return {d: t or d for d, t in zip(documents["doc_id"], documents["title"], strict=True)}
