"""Plotly figures for the tokenize notebook; every mark's hover shows its (escaped) sentence."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from helpers.textstats import keyness
from helpers.views.plotting import COLOURS, HOVER, empty_figure, wrap_html


def _hover(label: pd.Series, quote: pd.Series) -> list[str]:
    """Hover labels: an escaped bold ``label`` line over the wrapped, escaped quote."""
    return [
        f"<b>{html.escape(str(a))}</b><br>{wrap_html(q)}" for a, q in zip(label, quote, strict=True)
    ]


def _sentence_label(rows: pd.DataFrame, detail: pd.Series) -> pd.Series:
    """Hover label lines "term · detail · sentence N" for rows with term and sent_id."""
    return rows["term"] + " · " + detail + " · sentence " + rows["sent_id"].astype(str)


def top_terms_chart(top: pd.DataFrame) -> go.Figure:
    """Side-by-side horizontal bars of each document's top terms (from ``top_terms``)."""
    if top.empty:
        return empty_figure("No terms to show.")
    docs = sorted(top["doc_id"].unique())
    fig = make_subplots(rows=1, cols=len(docs), subplot_titles=docs, horizontal_spacing=0.12)
    for col, doc in enumerate(docs, start=1):
        rows = top[top["doc_id"] == doc].sort_values("rank", ascending=False)
        label = _sentence_label(rows, rows["count"].astype(str) + "×")
        fig.add_bar(
            x=rows["count"],
            y=rows["term"],
            orientation="h",
            row=1,
            col=col,
            marker_color=COLOURS[(col - 1) % len(COLOURS)],
            name=doc,
            customdata=_hover(label, rows["quote"]),
            hovertemplate=HOVER,
        )
    fig.update_yaxes(dtick=1)
    fig.update_layout(
        showlegend=False,
        height=160 + 26 * top.groupby("doc_id").size().max(),
        title="Top terms per article (count; stopwords and punctuation left out)",
    )
    return fig


def keyness_chart(table: pd.DataFrame, doc_a: str, doc_b: str, top_n: int = 15) -> go.Figure:
    """Diverging bars of z-scores (from ``keyness``): ``top_n`` terms leaning to each side."""
    if table.empty:
        return empty_figure("No term reaches the minimum count.")
    shown = pd.concat([table[table["z"] > 0].head(top_n), table[table["z"] < 0].tail(top_n)])
    shown = shown.sort_values("z")
    label = (
        shown["term"]
        + f" · {doc_a}: "
        + shown["count_a"].astype(str)
        + f", {doc_b}: "
        + shown["count_b"].astype(str)
        + " · z = "
        + shown["z"].round(2).astype(str)
    )
    colours = [COLOURS[0] if f == doc_a else COLOURS[1] for f in shown["favours"]]
    fig = go.Figure(
        go.Bar(
            x=shown["z"],
            y=shown["term"],
            orientation="h",
            marker_color=colours,
            customdata=_hover(label, shown["quote"]),
            hovertemplate=HOVER,
        )
    )
    for x, doc in ((1, doc_a), (0, doc_b)):
        fig.add_annotation(
            text=f"more in {html.escape(doc)}",
            x=x,
            y=1.04,
            xref="paper",
            yref="paper",
            showarrow=False,
            xanchor="right" if x else "left",
        )
    fig.add_vline(x=0, line_color="#888")
    fig.update_layout(
        height=max(300, 22 * len(shown)),
        xaxis_title="z-score of the log-odds ratio",
        title="Keyness: log-odds ratio, informative Dirichlet prior",
    )
    return fig


def dispersion_chart(hits: pd.DataFrame, terms: list[str]) -> go.Figure:
    """Lexical dispersion (from ``dispersion``): token position on x, term on y, one panel per
    document, one mark per occurrence."""
    if hits.empty:
        return empty_figure("None of the dispersion terms occurs in the corpus.")
    docs = sorted(hits["doc_id"].unique())
    fig = make_subplots(rows=len(docs), cols=1, subplot_titles=docs, vertical_spacing=0.12)
    for row, doc in enumerate(docs, start=1):
        rows = hits[hits["doc_id"] == doc]
        label = _sentence_label(rows, "token " + rows["tok_id"].astype(str))
        fig.add_scatter(
            x=rows["tok_id"],
            y=rows["term"],
            mode="markers",
            row=row,
            col=1,
            marker={
                "symbol": "line-ns-open",
                "size": 14,
                "line": {"width": 2},
                "color": COLOURS[(row - 1) % len(COLOURS)],
            },
            name=doc,
            customdata=_hover(label, rows["quote"]),
            hovertemplate=HOVER,
        )
        fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(terms)), row=row, col=1)
    fig.update_xaxes(rangemode="tozero")
    fig.update_xaxes(title_text="token position", row=len(docs), col=1)
    fig.update_layout(
        showlegend=False,
        height=120 + len(docs) * (40 + 22 * len(terms)),
        title="Lexical dispersion: where each term occurs along each article",
    )
    return fig


def keyness_figure(
    tokens: pd.DataFrame,
    sentences: pd.DataFrame,
    pair: tuple[str, str] | None,
    min_count: int = 2,
    top_n: int = 15,
) -> go.Figure:
    """The keyness chart for ``pair`` (from ``keyness_pair``), or a note when there is none."""
    if pair is None:
        n_docs = tokens["doc_id"].nunique()
        return empty_figure(f"Keyness compares two articles; this corpus has {n_docs}.")
    return keyness_chart(keyness(tokens, sentences, *pair, min_count=min_count), *pair, top_n=top_n)


def kwic_view(table: pd.DataFrame):
    """The concordance as a styled table: left context right-aligned, keyword bold, escaped."""
    if table.empty:
        return pd.DataFrame({"note": ["None of the terms occurs in the corpus."]})
    shown = table[["doc_id", "sent_id", "left", "keyword", "right"]]
    return (
        shown.style.format(escape="html")
        .set_properties(subset=["left"], **{"text-align": "right"})
        .set_properties(subset=["keyword"], **{"font-weight": "bold", "text-align": "center"})
        .set_properties(subset=["right"], **{"text-align": "left"})
        .hide(axis="index")
    )
