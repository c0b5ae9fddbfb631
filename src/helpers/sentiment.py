"""Sentence sentiment with VADER, averaged by actor per article: a descriptive measure only.

NLTK's ``SentimentIntensityAnalyzer`` normally loads a lexicon fetched by NLTK's downloader,
which never runs here. The MIT-licensed lexicon file ships inside the installed
``vaderSentiment`` package; NLTK 3.10 only loads lexicons by name from a directory on
``nltk.data.path``, so that package directory is appended to the path (once) and the file is
loaded by name. Caveat: VADER was built for short social-media text; in foreign-policy prose
its scores follow topic words ("war", "threat", "pressure") as much as the author's view.
"""

from __future__ import annotations

import importlib.resources
from functools import lru_cache

import nltk
import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer

from helpers.errors import InputError
from helpers.executors import map_documents, partitions

LEXICON = "vader_lexicon.txt"
SENTENCES_PER_TASK = 40  # an article's worth: the executor's threshold counts tasks
SENTIMENT_COLUMNS = ["doc_id", "sent_id", "compound", "pos", "neu", "neg", "text"]
ACTOR_SENTIMENT_COLUMNS = [
    "doc_id", "actor", "n_sentences", "mean_compound", "min_sent_id", "min_compound",
    "min_text", "max_sent_id", "max_compound", "max_text",
]  # fmt: skip


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """VADER with the lexicon of the installed ``vaderSentiment`` package (no download)."""
    try:
        folder = importlib.resources.files("vaderSentiment")
    except ModuleNotFoundError:
        raise InputError("vaderSentiment is not installed; it ships the VADER lexicon") from None
    if not folder.joinpath(LEXICON).is_file():
        raise InputError(f"{folder}: has no {LEXICON}")
    if str(folder) not in nltk.data.path:
        nltk.data.path.append(str(folder))
    return SentimentIntensityAnalyzer(lexicon_file=LEXICON)


def sentence_sentiment(
    sentences: pd.DataFrame, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """VADER scores (compound in [-1, 1], pos/neu/neg shares) per sentence; given
    ``mentions``, only of the sentences that mention an actor (all ``actor_sentiment`` reads)."""
    if mentions is not None:
        named = pd.MultiIndex.from_frame(mentions[["doc_id", "sent_id"]])
        sentences = sentences[
            pd.MultiIndex.from_frame(sentences[["doc_id", "sent_id"]]).isin(named)
        ]
    texts = [str(t) for t in sentences["text"]]
    parts = partitions(texts, max(1, len(texts) // SENTENCES_PER_TASK))
    scores = [s for part in map_documents(polarity_scores, [(p,) for p in parts]) for s in part]
    table = pd.DataFrame(
        {
            "doc_id": sentences["doc_id"].to_numpy(),
            "sent_id": sentences["sent_id"].to_numpy(),
            **{k: [s[k] for s in scores] for k in ("compound", "pos", "neu", "neg")},
            "text": sentences["text"].to_numpy(),
        },
        columns=SENTIMENT_COLUMNS,
    )
    return table.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)


def polarity_scores(texts: list[str]) -> list[dict[str, float]]:
    """VADER's scores of each text (one task of ``sentence_sentiment``)."""
    vader = analyzer()
    return [vader.polarity_scores(text) for text in texts]


def actor_sentiment(sentiment: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Mean compound score of the sentences mentioning each actor, per article.

    A sentence counts once per actor however often it names the actor; the most negative and
    most positive of those sentences are kept so a chart can quote them.
    """
    pairs = mentions[["doc_id", "sent_id", "actor"]].drop_duplicates()
    scored = pairs.merge(sentiment, on=["doc_id", "sent_id"], how="inner")
    scored = scored.sort_values(["doc_id", "actor", "sent_id"], kind="stable")
    scored = scored.reset_index(drop=True)
    grouped = scored.groupby(["doc_id", "actor"], sort=True)["compound"]
    low = scored.loc[grouped.idxmin()].reset_index(drop=True)
    high = scored.loc[grouped.idxmax()].reset_index(drop=True)
    return pd.DataFrame(
        {
            "doc_id": low["doc_id"],
            "actor": low["actor"],
            "n_sentences": grouped.size().to_numpy(),
            "mean_compound": [round(float(m), 4) for m in grouped.mean()],
            "min_sent_id": low["sent_id"].astype(int),
            "min_compound": low["compound"],
            "min_text": low["text"],
            "max_sent_id": high["sent_id"].astype(int),
            "max_compound": high["compound"],
            "max_text": high["text"],
        },
        columns=ACTOR_SENTIMENT_COLUMNS,
    )
