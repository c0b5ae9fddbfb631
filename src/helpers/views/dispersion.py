"""Where actors are mentioned along each article (mentions from helpers.actors, so aliases
and hyphenated names count): marks per article for a few articles, a position heatmap over
the whole corpus for many. Marks beyond ``MAX_MARKS`` are sampled, and the chart says so."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from helpers.textstats import attach_quotes
from helpers.views.plotting import (
    COLOURS,
    HOVER,
    MAX_ARTICLES,
    empty_figure,
    hover_lines,
    panel_grid,
    plain_label,
    rug_trace,
)

MAX_MARKS = 2000  # marks drawn in one chart; more are sampled evenly
BINS = 10


def actor_positions(
    mentions: pd.DataFrame, sentences: pd.DataFrame, texts: dict[str, str]
) -> pd.DataFrame:
    """One row per mention: doc_id, sent_id, actor, alias, start and ``position`` (share of
    the article's cleaned text before it, 0 … 1), with the sentence as ``quote``."""
    length = pd.Series({d: max(len(t), 1) for d, t in texts.items()})
    rows = mentions[["doc_id", "sent_id", "actor", "alias", "start"]].copy()
    rows["position"] = (rows["start"] / rows["doc_id"].map(length)).clip(0, 1).round(4)
    return attach_quotes(rows, sentences)


def sample_evenly(rows: pd.DataFrame, limit: int = MAX_MARKS) -> pd.DataFrame:
    """``rows`` when at most ``limit``, else ``limit`` of them taken at even steps."""
    if len(rows) <= limit:
        return rows
    step = len(rows) / limit
    return rows.iloc[[int(i * step) for i in range(limit)]]


def actor_dispersion_chart(positions: pd.DataFrame, top_actors: int = 12) -> go.Figure:
    """Marks per article (``MAX_ARTICLES`` or fewer) or the corpus heatmap (more)."""
    if positions.empty:
        return empty_figure("No actor is mentioned in the corpus.")
    counts = positions["actor"].value_counts()
    actors = sorted(counts.index, key=lambda a: (-counts[a], a))[:top_actors]
    shown = positions[positions["actor"].isin(actors)]
    if shown["doc_id"].nunique() > MAX_ARTICLES:
        return corpus_position_heatmap(shown, actors)
    return article_marks(shown, actors)


def article_marks(positions: pd.DataFrame, actors: list[str]) -> go.Figure:
    """One panel per article, one mark per mention at its position; sampled beyond
    ``MAX_MARKS`` marks (the title says how many are drawn)."""
    docs = sorted(positions["doc_id"].unique())
    drawn = sample_evenly(positions)
    grid = panel_grid(len(docs), max_cols=1)
    fig = make_subplots(subplot_titles=[plain_label(d) for d in docs], **grid)
    for row, doc in enumerate(docs, start=1):
        rows = drawn[drawn["doc_id"] == doc]
        label = rows["actor"] + " · “" + rows["alias"] + "” · s" + rows["sent_id"].astype(str)
        trace = rug_trace(
            100 * rows["position"],
            rows["actor"].map(plain_label),
            COLOURS[(row - 1) % len(COLOURS)],
            plain_label(doc),
            hover_lines(label, rows["quote"]),
        )
        fig.add_trace(trace, row=row, col=1)
        order = [plain_label(a) for a in actors[::-1]]
        fig.update_yaxes(categoryorder="array", categoryarray=order, row=row, col=1)
    fig.update_xaxes(range=[0, 100])
    fig.update_xaxes(title_text="position in the article (% of its text)", row=len(docs), col=1)
    sampled = (
        f" — {len(drawn):,} of {len(positions):,} mentions drawn (evenly sampled)"
        if len(drawn) < len(positions)
        else ""
    )
    fig.update_layout(
        showlegend=False,
        height=140 + len(docs) * (50 + 22 * len(actors)),
        title=f"Where each actor is mentioned along each article{sampled}",
    )
    return fig


def corpus_position_heatmap(positions: pd.DataFrame, actors: list[str]) -> go.Figure:
    """Actor × tenth of the article: share of the actor's mentions (all articles) there."""
    tenth = (positions["position"] * BINS).clip(upper=BINS - 1e-9).astype(int)
    table = pd.crosstab(positions["actor"], tenth).reindex(
        index=actors, columns=range(BINS), fill_value=0
    )
    share = table.div(table.sum(axis=1), axis=0)
    n_docs = positions.groupby("actor")["doc_id"].nunique().reindex(actors)
    labels = [f"{b * 10}–{(b + 1) * 10} %" for b in range(BINS)]
    hover = [
        [
            f"<b>{plain_label(a)}</b> · {labels[b]} of the text<br>{table.loc[a, b]} of "
            f"{table.loc[a].sum()} mentions ({share.loc[a, b]:.0%}) in {n_docs[a]} articles"
            for b in range(BINS)
        ]
        for a in actors
    ]
    fig = go.Figure(
        go.Heatmap(
            z=share.to_numpy(), x=labels, y=[plain_label(a) for a in actors],
            colorscale="Blues", zmin=0, customdata=hover, hovertemplate=HOVER,
            colorbar={"title": "share"},
        )
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(
        height=160 + 28 * len(actors),
        xaxis_title="position in the article (tenths of its text)",
        title=(
            f"Where each actor is mentioned, over {positions['doc_id'].nunique():,} articles "
            f"({len(positions):,} mentions): share of each actor's mentions per tenth"
        ),
    )
    return fig
