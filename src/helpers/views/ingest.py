"""Tables and the chart the ingest notebook shows."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from helpers.views.plotting import wrap_html

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


def paragraph_length_chart(paragraphs: pd.DataFrame) -> go.Figure:
    """Words per body paragraph along each article; hover shows the paragraph's opening."""
    body = paragraphs[~paragraphs["dropped"]].copy()
    body["words"] = body["text"].str.split().str.len()
    body["position"] = body.groupby("doc_id").cumcount() + 1
    body["opening"] = [wrap_html(t[:240] + ("…" if len(t) > 240 else "")) for t in body["text"]]
    fig = px.bar(
        body, x="position", y="words", facet_row="doc_id", color="doc_id",
        custom_data=["para_id", "opening"],
        labels={"position": "body paragraph", "words": "words"},
        title="Paragraph lengths along each article",
    )  # fmt: skip
    fig.update_traces(hovertemplate="paragraph %{customdata[0]}: %{y} words<br>%{customdata[1]}")
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
    fig.update_layout(showlegend=False, height=220 + 160 * body["doc_id"].nunique())
    return fig


def metadata_conflicts(documents: pd.DataFrame) -> pd.DataFrame:
    """Fields where the manifest and the text disagree, and which value won (the manifest)."""
    rows = [
        {"doc_id": doc_id, "field": note.split(":", 1)[0], "what happened": note.split(": ", 1)[1]}
        for doc_id, provenance in zip(documents["doc_id"], documents["provenance"], strict=True)
        for note in str(provenance).split("; ")
        if " overrides " in note
    ]
    return pd.DataFrame(rows, columns=["doc_id", "field", "what happened"])
