"""Tables, summaries and plotly figures for the positions notebook.

The position summary and the article comparison are generated from positions.csv rows, never
written by hand; every bullet cites its sentence ids, every chart mark's hover quotes its
(escaped) sentences.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import plotly.graph_objects as go

from helpers.positions import OTHER
from helpers.views.plotting import COLOURS, HOVER, empty_figure, wrap_html

STANCE_SCORE = {"support": 1.0, "conditional": 0.5, "neutral": 0.0, "oppose": -1.0}
STANCE_COLOURS = [[0.0, "#c0392b"], [0.5, "#f4f4f4"], [1.0, "#2166ac"]]  # oppose → support
MAX_QUOTES = 4


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


# -- charts ------------------------------------------------------------------------------------


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
            marker_color=COLOURS[k % len(COLOURS)],
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
