"""Notebook 03's views of the episodes for many articles: the month × episode heat strip
and the guide to the chart, computed from what was found."""

from __future__ import annotations

import html
import re

import pandas as pd
import plotly.graph_objects as go

from helpers.episodes import coarser, found_episodes, publication_month
from helpers.views.plotting import HOVER, empty_figure, plain_label, wrap_html


def heat_strip(references: pd.DataFrame, events: pd.DataFrame, anchors: pd.DataFrame,
               examples: int = 2) -> go.Figure:  # fmt: skip
    """Episodes (rows) × publication month (columns): how many references, with the number
    of articles and up to ``examples`` quotes on hover. Its size grows with months and
    episodes, not with articles."""
    if references.empty:
        return empty_figure("No article refers to an episode of the reference catalog")
    month = anchors.set_index("doc_id")["anchor"].map(publication_month)
    refs = references.assign(month=references["doc_id"].map(month).fillna("undated"))
    refs["month"], unit = coarser(refs["month"])
    found = found_episodes(references, events)
    months = sorted(set(refs["month"]) - {"undated"}) + (
        ["undated"] if (refs["month"] == "undated").any() else []
    )
    z, text, hover = [], [], []
    for ep in found.itertuples(index=False):
        row_z, row_hover = [], []
        for m in months:
            cell = refs[(refs["episode"] == ep.episode) & (refs["month"] == m)]
            row_z.append(len(cell) or None)
            row_hover.append(_cell_hover(ep.label, m, cell, examples))
        z.append(row_z)
        text.append(["" if v is None else str(v) for v in row_z])
        hover.append(row_hover)
    fig = go.Figure(go.Heatmap(
        z=z, x=months, y=[plain_label(label) for label in found["label"]], text=text,
        texttemplate="%{text}", customdata=hover, hovertemplate=HOVER, colorscale="Blues",
        xgap=2, ygap=2, colorbar={"title": {"text": "references"}, "thickness": 12},
    ))  # fmt: skip
    fig.update_xaxes(type="category", title=f"publication {unit} of the article")
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(
        height=140 + 34 * len(found), margin={"l": 10, "r": 10, "t": 40, "b": 40},
        title=f"References to each episode, by the {unit} the articles were published",
    )  # fmt: skip
    return fig


def _cell_hover(label: str, month: str, cell: pd.DataFrame, examples: int) -> str:
    if cell.empty:
        return f"<b>{plain_label(label)}</b><br>{month}: no reference"
    lines = [f"<b>{plain_label(label)}</b><br>{month}: {len(cell)} reference(s) in "
             f"{cell['doc_id'].nunique()} article(s)"]  # fmt: skip
    for r in cell.head(examples).itertuples(index=False):
        quote = str(r.quote) if len(str(r.quote)) <= 140 else f"{str(r.quote)[:139]}…"
        lines.append(f"{plain_label(r.doc_id)}: <i>{wrap_html(quote, 70)}</i>")
    return "<br>".join(lines)


def markdown_text(text: object) -> str:
    """``text`` from the data, safe in Markdown (markup characters escaped)."""
    escaped = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_\[\]{}#|!~])", r"\\\1", escaped)


def timeline_guide(
    references: pd.DataFrame, events: pd.DataFrame, shown: list[str], n_articles: int
) -> str:
    """What to look for in the chart, computed from what was found: each episode referred
    to, how often and by which articles; and which articles have a lane."""
    found = found_episodes(references, events)
    if found.empty:
        return (
            "No article refers to an episode of the reference catalog, so the chart shows "
            "the dates alone; the audit table at the end lists them."
        )
    lines = [f"The articles refer to {len(found)} episode(s) of the reference catalog:", ""]
    for ep in found.itertuples(index=False):
        docs = sorted(set(references.loc[references["episode"] == ep.episode, "doc_id"]))
        who = (
            ", ".join(markdown_text(d) for d in docs)
            if len(docs) <= 3
            else (f"{len(docs)} of {n_articles} articles")
        )
        lines.append(f"- **{markdown_text(ep.label)}**: {ep.references} reference(s), in {who}")
    if len(shown) < n_articles:
        lines += ["", f"The chart draws {len(shown)} of the {n_articles} articles (those with "
                  "the most episode references, unless the `lanes` parameter names others); "
                  "the heat strip below counts every article."]  # fmt: skip
    return "\n".join(lines)
