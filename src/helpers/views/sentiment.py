"""The tone-by-actor view of the positions notebook: bars labelled with their number of
sentences, per article for a few articles and over the corpus for many, and the table of
the same figures."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from helpers.views.plotting import (
    COLOURS,
    HOVER,
    MAX_ARTICLES,
    clip,
    empty_figure,
    plain_label,
    wrap_html,
)


def corpus_sentiment(actor_scores: pd.DataFrame) -> pd.DataFrame:
    """Per actor over all articles (from ``actor_sentiment``): articles, sentences, mean
    compound weighted by sentences, and the most negative and most positive sentence."""
    rows = []
    for actor, own in actor_scores.groupby("actor", sort=True):
        low = own.loc[own["min_compound"].idxmin()]
        high = own.loc[own["max_compound"].idxmax()]
        n = int(own["n_sentences"].sum())
        mean = float((own["mean_compound"] * own["n_sentences"]).sum() / n)
        rows.append((actor, own["doc_id"].nunique(), n, round(mean, 4),
                     low["doc_id"], int(low["min_sent_id"]), low["min_compound"], low["min_text"],
                     high["doc_id"], int(high["max_sent_id"]), high["max_compound"],
                     high["max_text"]))  # fmt: skip
    columns = ["actor", "n_articles", "n_sentences", "mean_compound", "min_doc_id",
               "min_sent_id", "min_compound", "min_text", "max_doc_id", "max_sent_id",
               "max_compound", "max_text"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def sentiment_table(actor_scores: pd.DataFrame) -> pd.DataFrame:
    """The chart's figures: per article and actor for up to ``MAX_ARTICLES`` articles, per
    actor over the corpus beyond; the extreme sentences clipped for reading, with their
    sentence id and score (sentences.csv has the whole text)."""
    per_article = actor_scores["doc_id"].nunique() <= MAX_ARTICLES
    table = actor_scores if per_article else corpus_sentiment(actor_scores)

    def quoted(side: str) -> pd.Series:
        where = "s" + table[f"{side}_sent_id"].astype(str)
        if not per_article:
            where = table[f"{side}_doc_id"] + " " + where
        score = table[f"{side}_compound"].map(lambda v: f"{v:+.2f}")
        text = table[f"{side}_text"].map(lambda t: clip(t, 160))
        return where + " (" + score + "): " + text

    keys = ["doc_id", "actor"] if per_article else ["actor"]
    counts = ["n_sentences"] if per_article else ["n_articles", "n_sentences"]
    shown = table[keys + counts + ["mean_compound"]].assign(
        most_negative=quoted("min"), most_positive=quoted("max")
    )
    return shown.sort_values(keys).set_index(keys)


def sentiment_chart(actor_scores: pd.DataFrame) -> go.Figure:
    """Mean VADER compound score of the sentences naming each actor (descriptive), each bar
    labelled n = its number of sentences: one colour per article for up to ``MAX_ARTICLES``
    articles, one bar per actor over the corpus beyond. Hover: the most negative and most
    positive sentence."""
    if actor_scores.empty:
        return empty_figure("No actor mentions to score.")
    per_article = actor_scores["doc_id"].nunique() <= MAX_ARTICLES
    order = sorted(actor_scores["actor"].unique())
    fig = go.Figure()
    if per_article:
        for k, (doc_id, own) in enumerate(actor_scores.groupby("doc_id", sort=True)):
            _bars(fig, own, plain_label(doc_id), COLOURS[k % len(COLOURS)])
    else:
        _bars(fig, corpus_sentiment(actor_scores).assign(doc_id="all articles"), "all", COLOURS[0])
    fig.update_yaxes(categoryorder="array", categoryarray=[plain_label(a) for a in order[::-1]])
    fig.update_xaxes(range=[-1.15, 1.15], zeroline=True, title="mean VADER compound (-1 … +1)")
    n_traces = len(fig.data)
    where = "per article" if per_article else f"over {actor_scores['doc_id'].nunique():,} articles"
    fig.update_layout(
        barmode="group",
        height=200 + (20 + 16 * n_traces) * len(order),
        title=f"Tone of the sentences naming each actor, {where} (n = sentences; descriptive)",
    )
    return fig


def _bars(fig: go.Figure, rows: pd.DataFrame, name: str, colour: str) -> None:
    hover = [
        f"<b>{plain_label(r.actor)}</b> · {plain_label(r.doc_id)}<br>mean compound "
        f"{r.mean_compound:+.3f} over {r.n_sentences} sentences<br>most negative, "
        f"s{r.min_sent_id} ({r.min_compound:+.2f}): {wrap_html(clip(r.min_text), 90)}<br>"
        f"most positive, s{r.max_sent_id} ({r.max_compound:+.2f}): "
        f"{wrap_html(clip(r.max_text), 90)}"
        for r in rows.itertuples(index=False)
    ]
    fig.add_bar(
        x=rows["mean_compound"],
        y=rows["actor"].map(plain_label),
        orientation="h",
        name=name,
        marker_color=colour,
        text=[f"n = {n}" for n in rows["n_sentences"]],
        textposition="outside",
        cliponaxis=False,
        customdata=hover,
        hovertemplate=HOVER,
    )
