"""Tables and the chart the ingest notebook shows."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from helpers.views.plotting import (
    COLOURS,
    MAX_ARTICLES,
    clip,
    empty_figure,
    plain_label,
    wrap_html,
)

OVERVIEW_COLUMNS = ["doc_id", "title", "author", "published", "published_note", "tags",
                    "n_paragraphs", "n_dropped", "provenance"]  # fmt: skip


def document_overview(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents table with unknowns spelled out, for reading."""
    view = documents[OVERVIEW_COLUMNS].copy()
    for column in ("title", "author", "published"):
        view[column] = view[column].fillna("").replace("", "(unknown)")
    return view.set_index("doc_id")


def dropped_blocks(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The raw blocks kept out of the body, with the reason."""
    dropped = paragraphs[paragraphs["dropped"]]
    return dropped[["doc_id", "para_id", "drop_reason", "text"]].set_index(["doc_id", "para_id"])


def body_paragraphs(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The body paragraphs with their length in words."""
    body = paragraphs[~paragraphs["dropped"].astype(bool)].copy()
    body["words"] = body["text"].str.split().str.len()
    return body


def paragraph_length_chart(paragraphs: pd.DataFrame) -> go.Figure:
    """Words per body paragraph: bars along each article, numbered by para_id (as in the
    tables), for up to ``MAX_ARTICLES`` articles; the distribution over the corpus beyond."""
    body = body_paragraphs(paragraphs)
    if body.empty:
        return empty_figure("No body paragraph.")
    if body["doc_id"].nunique() > MAX_ARTICLES:
        return paragraph_length_histogram(body)
    body["opening"] = [wrap_html(clip(t, 240)) for t in body["text"]]
    docs = sorted(body["doc_id"].unique())
    fig = make_subplots(
        rows=len(docs), cols=1, subplot_titles=[plain_label(d) for d in docs],
        vertical_spacing=min(0.12, 0.5 / max(len(docs) - 1, 1)),
    )  # fmt: skip
    for row, doc in enumerate(docs, start=1):
        rows = body[body["doc_id"] == doc]
        fig.add_bar(
            x=rows["para_id"], y=rows["words"], row=row, col=1,
            marker_color=COLOURS[(row - 1) % len(COLOURS)], customdata=rows["opening"],
            hovertemplate="paragraph %{x}: %{y} words<br>%{customdata}<extra></extra>",
        )  # fmt: skip
    fig.update_xaxes(title_text="paragraph (para_id)", row=len(docs), col=1)
    fig.update_yaxes(title_text="words")
    fig.update_layout(
        showlegend=False,
        height=200 + 170 * len(docs),
        title="Paragraph lengths along each article (bars numbered by para_id)",
    )
    return fig


def paragraph_length_histogram(body: pd.DataFrame, width: int = 10) -> go.Figure:
    """How many body paragraphs have each length (bins of ``width`` words), whole corpus."""
    bins = (body["words"] // width) * width
    counts = bins.value_counts().sort_index()
    fig = go.Figure(
        go.Bar(
            x=counts.index + width / 2, y=counts.to_numpy(), width=width * 0.95,
            marker_color=COLOURS[0],
            customdata=[f"{b}–{b + width - 1}" for b in counts.index],
            hovertemplate="%{customdata} words: %{y} paragraphs<extra></extra>",
        )
    )  # fmt: skip
    fig.update_layout(
        height=380,
        xaxis_title="words in the paragraph",
        yaxis_title="paragraphs",
        title=(
            f"Paragraph lengths over {body['doc_id'].nunique():,} articles "
            f"({len(body):,} body paragraphs)"
        ),
    )
    return fig


def extreme_paragraphs(paragraphs: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The ``n`` longest and ``n`` shortest body paragraphs of the corpus, with their opening."""
    body = body_paragraphs(paragraphs).sort_values(["words", "doc_id", "para_id"])
    picked = pd.concat([body.tail(n)[::-1].assign(which="longest"),
                        body.head(n).assign(which="shortest")])  # fmt: skip
    picked = picked.drop_duplicates(["doc_id", "para_id"])
    picked["opening"] = picked["text"].map(lambda t: clip(t, 200))
    return picked[["which", "doc_id", "para_id", "words", "opening"]].set_index("which")


def metadata_conflicts(documents: pd.DataFrame) -> pd.DataFrame:
    """Fields where the manifest and the text disagree, and which value won (the manifest)."""
    rows = [
        {"doc_id": doc_id, "field": note.split(":", 1)[0], "what happened": note.split(": ", 1)[1]}
        for doc_id, provenance in zip(documents["doc_id"], documents["provenance"], strict=True)
        for note in str(provenance).split("; ")
        if " overrides " in note
    ]
    return pd.DataFrame(rows, columns=["doc_id", "field", "what happened"])
