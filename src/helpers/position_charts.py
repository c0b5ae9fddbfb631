"""Plotly figures for the positions notebook; every mark's hover quotes its (escaped) sentences."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from helpers.charts import empty_figure, wrap_html
from helpers.positions import OTHER
from helpers.summaries import net_stance

HOVER = "%{customdata}<extra></extra>"
STANCE_COLOURS = [[0.0, "#c0392b"], [0.5, "#f4f4f4"], [1.0, "#2166ac"]]  # oppose → support
DOC_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
MAX_QUOTES = 4


def _quotes(rows: pd.DataFrame) -> str:
    """Hover lines "s12 (support): quote" for up to MAX_QUOTES distinct sentences."""
    rows = rows.drop_duplicates("sent_id").sort_values("sent_id")
    lines = [
        f"s{s} ({html.escape(st)}): {wrap_html(q, 90)}"
        for s, st, q in zip(rows["sent_id"], rows["stance"], rows["quote"], strict=True)
    ][:MAX_QUOTES]
    more = len(rows) - MAX_QUOTES
    return "<br>".join(lines + ([f"… and {more} more"] if more > 0 else []))


def _cell_hover(title: str, net: float, stances: str, rows: pd.DataFrame) -> str:
    return f"<b>{html.escape(title)}</b><br>net stance {net:+.2f} ({stances})<br>{_quotes(rows)}"


def _grid(rows_key: str, cols_key: str, table: pd.DataFrame, positions: pd.DataFrame):
    """z, text and hover matrices of a net-stance heatmap (rows × columns)."""
    ys = list(
        dict.fromkeys(table.sort_values(["claims", rows_key], ascending=[False, True])[rows_key])
    )
    xs = sorted(table[cols_key].unique())
    z = [[None] * len(xs) for _ in ys]
    text = [[""] * len(xs) for _ in ys]
    hover = [[""] * len(xs) for _ in ys]
    for r in table.itertuples(index=False):
        i, j = ys.index(getattr(r, rows_key)), xs.index(getattr(r, cols_key))
        z[i][j] = r.net
        text[i][j] = f"{r.net:+.1f}"
        cell = positions[
            (positions[rows_key] == getattr(r, rows_key))
            & (positions[cols_key] == getattr(r, cols_key))
        ]
        title = f"{getattr(r, rows_key)} × {getattr(r, cols_key)}"
        hover[i][j] = _cell_hover(title, r.net, r.stances, cell)
    return xs, ys, z, text, hover


def _heatmap(xs, ys, z, text, hover, title: str) -> go.Figure:
    fig = go.Figure(
        go.Heatmap(
            x=xs,
            y=ys,
            z=z,
            text=text,
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate=HOVER,
            hoverongaps=False,
            zmin=-1,
            zmax=1,
            zmid=0,
            colorscale=STANCE_COLOURS,
            xgap=2,
            ygap=2,
            colorbar={
                "title": "net stance",
                "tickvals": [-1, 0, 1],
                "ticktext": ["oppose", "neutral", "support"],
            },
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=-30)
    fig.update_layout(title=title, height=220 + 40 * len(ys))
    return fig


def stance_heatmap(positions: pd.DataFrame, doc_id: str, title: str = "") -> go.Figure:
    """Actor × lever for one article, coloured by net stance (support 1, conditional 0.5,
    neutral 0, oppose -1, averaged over its sentences); hover shows the quotes."""
    own = positions[positions["doc_id"] == doc_id]
    if own.empty:
        return empty_figure(f"No prescriptive claims found in {doc_id}.")
    table = net_stance(own, ["actor", "lever"])
    xs, ys, z, text, hover = _grid("actor", "lever", table, own)
    return _heatmap(xs, ys, z, text, hover, title or f"Who should do what: {doc_id}")


def comparison_heatmap(positions: pd.DataFrame) -> go.Figure:
    """Lever × article, coloured by each article's net stance on the lever; hover quotes."""
    named = positions[positions["lever"] != OTHER]
    if named.empty:
        return empty_figure("No claim names a policy lever.")
    table = net_stance(named, ["lever", "doc_id"])
    xs, ys, z, text, hover = _grid("lever", "doc_id", table, named)
    fig = _heatmap(xs, ys, z, text, hover, "Levers side by side: net stance per article")
    fig.update_xaxes(tickangle=0)
    return fig


def mention_chart(mentions: pd.DataFrame, sentences: pd.DataFrame) -> go.Figure:
    """Mentions per actor and article (grouped bars); hover: aliases and the first quote."""
    if mentions.empty:
        return empty_figure("No actor mentions found.")
    quotes = sentences.set_index(["doc_id", "sent_id"])["text"]
    fig = go.Figure()
    order = mentions["actor"].value_counts().sort_values(kind="stable").index.tolist()
    for k, (doc_id, own) in enumerate(mentions.groupby("doc_id", sort=True)):
        grouped = own.groupby("actor", sort=True)
        counts = grouped.size()
        hover = [
            f"<b>{html.escape(actor)}</b> · {html.escape(doc_id)}<br>{counts[actor]} mentions in "
            f"{g['sent_id'].nunique()} sentences<br>aliases: "
            f"{wrap_html('; '.join(sorted(set(g['alias']))), 90)}<br>first, s{g['sent_id'].min()}: "
            f"{wrap_html(quotes[(doc_id, g['sent_id'].min())], 90)}"
            for actor, g in grouped
        ]
        fig.add_bar(
            x=counts.values,
            y=counts.index,
            orientation="h",
            name=doc_id,
            marker_color=DOC_COLOURS[k % len(DOC_COLOURS)],
            customdata=hover,
            hovertemplate=HOVER,
        )
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.update_layout(
        barmode="group",
        title="Actor mentions per article (groups counted for each member)",
        height=200 + 45 * len(order),
        xaxis_title="mentions",
    )
    return fig


def sentiment_chart(actor_scores: pd.DataFrame) -> go.Figure:
    """Mean VADER compound score of the sentences naming each actor, per article (descriptive);
    hover: number of sentences and the most negative and most positive of them."""
    if actor_scores.empty:
        return empty_figure("No actor mentions to score.")
    fig = go.Figure()
    order = sorted(actor_scores["actor"].unique())
    for k, (doc_id, own) in enumerate(actor_scores.groupby("doc_id", sort=True)):
        hover = [
            f"<b>{html.escape(r.actor)}</b> · {html.escape(doc_id)}<br>mean compound "
            f"{r.mean_compound:+.3f} over {r.n_sentences} sentences<br>most negative, "
            f"s{r.min_sent_id} ({r.min_compound:+.2f}): {wrap_html(r.min_text, 90)}<br>"
            f"most positive, s{r.max_sent_id} ({r.max_compound:+.2f}): {wrap_html(r.max_text, 90)}"
            for r in own.itertuples(index=False)
        ]
        fig.add_bar(
            x=own["mean_compound"],
            y=own["actor"],
            orientation="h",
            name=doc_id,
            marker_color=DOC_COLOURS[k % len(DOC_COLOURS)],
            customdata=hover,
            hovertemplate=HOVER,
        )
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1])
    fig.update_xaxes(range=[-1, 1], zeroline=True, title="mean VADER compound (-1 … +1)")
    fig.update_layout(
        barmode="group",
        height=200 + 45 * len(order),
        title="Tone of the sentences naming each actor (descriptive only)",
    )
    return fig
