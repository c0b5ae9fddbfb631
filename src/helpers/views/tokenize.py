"""Plotly figures for the tokenize notebook; every mark's hover shows its (escaped) sentence."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

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

MAX_KWIC_LINES = 200  # concordance lines shown; more are sampled evenly


def _sentence_label(rows: pd.DataFrame, detail: pd.Series) -> pd.Series:
    """Hover label lines "term · detail · sentence N" for rows with term and sent_id."""
    return rows["term"] + " · " + detail + " · sentence " + rows["sent_id"].astype(str)


def top_terms_chart(top: pd.DataFrame, panel: str = "doc_id", title: str = "") -> go.Figure:
    """Horizontal bars of each panel's top terms (``top_terms`` per article, or
    ``top_terms_by_group`` with ``panel="group"``), up to three panels a row."""
    if top.empty:
        return empty_figure("No terms to show.")
    names = sorted(top[panel].unique(), key=lambda g: (str(g).startswith("other ("), str(g)))
    grid = panel_grid(len(names))
    titles = [plain_label(n) for n in names]
    fig = make_subplots(subplot_titles=titles, **grid)
    for k, name in enumerate(names):
        rows = top[top[panel] == name].sort_values("rank", ascending=False)
        label = _sentence_label(rows, rows["count"].astype(str) + "×")
        fig.add_bar(
            x=rows["count"],
            y=rows["term"],
            orientation="h",
            row=k // grid["cols"] + 1,
            col=k % grid["cols"] + 1,
            marker_color=COLOURS[k % len(COLOURS)],
            name=plain_label(name),
            customdata=hover_lines(label, rows["quote"]),
            hovertemplate=HOVER,
        )
    fig.update_yaxes(dtick=1)
    per_row = 60 + 20 * top.groupby(panel).size().max()
    fig.update_layout(
        showlegend=False,
        height=140 + per_row * grid["rows"],
        title=title or "Top terms per article (count; stopwords and punctuation left out)",
    )
    return fig


def group_keyness_chart(table: pd.DataFrame, top_n: int = 15) -> go.Figure:
    """Bars of the ``top_n`` terms most over-represented in each group against the rest
    (from ``keyness_by_group``), one panel per group; hover gives both counts and the quote."""
    shown = table[(table["z"] > 0) & (table["count_group"] > 0)]
    shown = shown.sort_values(["group", "z"], ascending=[True, False]).groupby("group").head(top_n)
    if shown.empty:
        return empty_figure("No term sets one group apart from the rest (one group only?).")
    names = sorted(shown["group"].unique(), key=lambda g: (str(g).startswith("other ("), str(g)))
    grid = panel_grid(len(names))
    fig = make_subplots(subplot_titles=[plain_label(n) for n in names], **grid)
    for k, name in enumerate(names):
        rows = shown[shown["group"] == name].sort_values("z")
        label = (
            rows["term"]
            + " · in group: " + rows["count_group"].astype(str)
            + ", rest: " + rows["count_rest"].astype(str)
            + " · z = " + rows["z"].round(2).astype(str)
            + " · " + rows["doc_id"].astype(str) + " sentence " + rows["sent_id"].astype(str)
        )  # fmt: skip
        fig.add_bar(
            x=rows["z"],
            y=rows["term"],
            orientation="h",
            row=k // grid["cols"] + 1,
            col=k % grid["cols"] + 1,
            marker_color=COLOURS[k % len(COLOURS)],
            customdata=hover_lines(label, rows["quote"]),
            hovertemplate=HOVER,
        )
    fig.update_yaxes(dtick=1)
    per_row = 60 + 20 * shown.groupby("group").size().max()
    fig.update_layout(
        showlegend=False,
        height=140 + per_row * grid["rows"],
        title="Keyness: terms over-represented in each group against the rest (z of log-odds)",
    )
    return fig


def dispersion_chart(hits: pd.DataFrame, terms: list[str]) -> go.Figure:
    """Lexical dispersion (from ``dispersion``): token position on x, term on y, one panel per
    document, one mark per occurrence."""
    if hits.empty:
        return empty_figure("None of the dispersion terms occurs in the corpus.")
    docs = sorted(hits["doc_id"].unique())
    fig = make_subplots(subplot_titles=[plain_label(d) for d in docs], **panel_grid(len(docs), 1))
    for row, doc in enumerate(docs, start=1):
        rows = hits[hits["doc_id"] == doc]
        label = _sentence_label(rows, "token " + rows["tok_id"].astype(str))
        trace = rug_trace(
            rows["tok_id"],
            rows["term"],
            COLOURS[(row - 1) % len(COLOURS)],
            plain_label(doc),
            hover_lines(label, rows["quote"]),
        )
        fig.add_trace(trace, row=row, col=1)
        fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(terms)), row=row, col=1)
    fig.update_xaxes(rangemode="tozero")
    fig.update_xaxes(title_text="token position", row=len(docs), col=1)
    fig.update_layout(
        showlegend=False,
        height=120 + len(docs) * (40 + 22 * len(terms)),
        title="Lexical dispersion: where each term occurs along each article",
    )
    return fig


def stats_view(stats: pd.DataFrame) -> pd.DataFrame:
    """textstats rows per article for up to ``MAX_ARTICLES`` articles; beyond, their spread
    over the corpus (min, quartiles, max, mean of each figure)."""
    table = stats.set_index("doc_id")
    if len(table) <= MAX_ARTICLES:
        return table
    spread = table.describe().drop(index=["count", "std"]).round(2)
    return spread.rename_axis(f"over {len(table):,} articles")


def kwic_view(table: pd.DataFrame, max_lines: int = MAX_KWIC_LINES):
    """The concordance as a styled table: left context right-aligned, keyword bold, escaped;
    beyond ``max_lines`` lines an even sample of them, with a caption saying so."""
    if table.empty:
        return pd.DataFrame({"note": ["None of the terms occurs in the corpus."]})
    caption = ""
    if len(table) > max_lines:
        step = len(table) / max_lines
        table = table.iloc[[int(i * step) for i in range(max_lines)]]
        caption = f"{max_lines} of {round(step * max_lines):,} lines, sampled evenly"
    shown = table[["doc_id", "sent_id", "left", "keyword", "right"]]
    return (
        shown.style.format(escape="html")
        .set_properties(subset=["left"], **{"text-align": "right"})
        .set_properties(subset=["keyword"], **{"font-weight": "bold", "text-align": "center"})
        .set_properties(subset=["right"], **{"text-align": "left"})
        .hide(axis="index")
        .set_caption(html.escape(caption))
    )
