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

from helpers.actors import mention_counts
from helpers.positions import OTHER
from helpers.views.plotting import COLOURS, HOVER, empty_figure, wrap_html

MAX_TABLE_ROWS = 60  # claim rows shown per table; positions.csv under reports/data has all
QUOTE_CHARS = 180


def claims_table(
    positions: pd.DataFrame, documents: pd.DataFrame, voices: tuple[str, ...]
) -> pd.DataFrame:
    """One row per (article, sentence, holder, actor) of ``voices``: author, sentence ("title"
    for sentence 0), holder, actor, each lever with the direction wanted, stance, action and
    the quote (cut at QUOTE_CHARS). Rows past MAX_TABLE_ROWS are left out (see
    ``table_note``)."""
    own = positions[positions["voice"].isin(voices)]
    authors = dict(zip(documents["doc_id"], documents["author"], strict=True))
    table = (
        own.assign(lever=own["lever"] + " (" + own["direction"] + ")")
        .groupby(["doc_id", "sent_id", "holder", "actor"], sort=True)
        .agg(
            levers=("lever", "; ".join),
            stance=("stance", "first"),
            action=("action", "first"),
            quote=("quote", "first"),
        )
        .reset_index()
    )
    table.insert(1, "author", table["doc_id"].map(lambda d: authors.get(d) or ""))
    table["sent_id"] = table["sent_id"].map(lambda i: "title" if i == 0 else f"s{i}")
    table["quote"] = table["quote"].map(_cut)
    return table.rename(columns={"doc_id": "article", "sent_id": "sentence"}).head(MAX_TABLE_ROWS)


def table_note(positions: pd.DataFrame, voices: tuple[str, ...]) -> str:
    """A line saying how many claim rows of ``voices`` there are and how many are shown."""
    own = positions[positions["voice"].isin(voices)]
    n = len(own.drop_duplicates(["doc_id", "sent_id", "holder", "actor"]))
    docs = own["doc_id"].nunique()
    shown = f"the first {MAX_TABLE_ROWS} are shown; " if n > MAX_TABLE_ROWS else ""
    articles = "article" if docs == 1 else "articles"
    return f"{n} claim rows in {docs} {articles}: {shown}every row is in `positions.csv`."


def _cut(text: str) -> str:
    text = str(text)
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def claim_counts(positions: pd.DataFrame, doc_ids: list[str]) -> pd.DataFrame:
    """Per document: claim sentences, the author's and the reported rows, actors and levers
    (zeros included)."""
    grouped = positions.groupby("doc_id")
    table = pd.DataFrame(
        {
            "claim_sentences": grouped["sent_id"].nunique(),
            "author_rows": grouped["voice"].agg(lambda v: int((v == "author").sum())),
            "reported_rows": grouped["voice"].agg(lambda v: int((v != "author").sum())),
            "actors": grouped["actor"].nunique(),
            "levers": grouped["lever"].agg(lambda s: s[s != OTHER].nunique()),
        }
    )
    return table.reindex(sorted(doc_ids), fill_value=0).rename_axis("doc_id").reset_index()


def corpus_counts(positions: pd.DataFrame, doc_ids: list[str]) -> pd.DataFrame:
    """The claim counts of the whole corpus in one row (for many articles)."""
    per_doc = claim_counts(positions, doc_ids)
    return pd.DataFrame(
        {
            "articles": [len(per_doc)],
            "with_claims": [int((per_doc["claim_sentences"] > 0).sum())],
            "claim_sentences": [int(per_doc["claim_sentences"].sum())],
            "author_rows": [int(per_doc["author_rows"].sum())],
            "reported_rows": [int(per_doc["reported_rows"].sum())],
        }
    )


def claim_overview(positions: pd.DataFrame, doc_ids: list[str], per_doc: int = 12):
    """``claim_counts`` for up to ``per_doc`` articles, else ``corpus_counts``."""
    if len(doc_ids) <= per_doc:
        return claim_counts(positions, doc_ids)
    return corpus_counts(positions, doc_ids)


WANTS = {"more": "more", "less": "less", "none": "no change in"}
MAX_SUMMARY_DOCS = 10
OVERVIEW = {"more": "more", "less": "less", "none": "no change"}


def position_summary(
    positions: pd.DataFrame,
    titles: dict[str, str] | None = None,
    summaries: pd.DataFrame | None = None,
) -> str:
    """A Markdown position summary, generated from the tables: per article (the first
    MAX_SUMMARY_DOCS with claims) its thesis sentences (summaries' part "thesis"), what the
    author wants per lever and direction, and the positions it reports actors to hold; each
    item cites its sentences. With more articles, a corpus overview comes first."""
    titles = titles or {}
    if positions.empty:
        return "No claims were found."
    parts = []
    docs = sorted(positions["doc_id"].unique())
    if len(docs) > MAX_SUMMARY_DOCS:
        parts += _overview(positions, len(docs))
    for doc_id in docs[:MAX_SUMMARY_DOCS]:
        doc = positions[positions["doc_id"] == doc_id]
        parts.append(f"#### {md_escape(titles.get(doc_id) or doc_id)}")
        parts += _thesis_lines(summaries, doc_id)
        author = doc[doc["voice"] == "author"]
        if len(author):
            parts += ["", "**The author wants:**", ""] + _capped(_lever_bullets(author, "actor"))
        reported = doc[doc["voice"] != "author"]
        if len(reported):
            parts += ["", "**The article reports these positions:**", ""]
            parts += _capped(_lever_bullets(reported, "holder"))
        parts.append("")
    return "\n".join(parts)


def _overview(positions: pd.DataFrame, n_docs: int) -> list[str]:
    named = positions[(positions["lever"] != OTHER) & (positions["voice"] == "author")]
    lines = [f"**{n_docs} articles make claims.** The levers their authors address most:"]
    busiest = sorted(named.groupby("lever"), key=lambda kv: (-kv[1]["doc_id"].nunique(), kv[0]))
    for lever, own in busiest[:8]:
        per_doc = own.drop_duplicates(["doc_id", "direction"])["direction"].value_counts()
        wants = ", ".join(f"{OVERVIEW[d]} in {per_doc[d]}" for d in WANTS if d in per_doc)
        lines.append(f"- *{md_escape(lever)}*: {own['doc_id'].nunique()} articles ({wants})")
    lines += ["", f"The first {MAX_SUMMARY_DOCS} articles in detail:", ""]
    return lines


def _thesis_lines(summaries: pd.DataFrame | None, doc_id: str) -> list[str]:
    if summaries is None or "part" not in summaries.columns:
        return []
    own = summaries[(summaries["doc_id"] == doc_id) & (summaries["part"] == "thesis")]
    return [
        f"> {md_escape(t)} [{'title' if int(i) == 0 else f's{i}'}]\n>"
        for i, t in zip(own["sent_id"], own["text"], strict=True)
    ][:3]


MAX_BULLETS = 12
STANCE_NOTES = {"oppose": "by rejecting the opposite", "conditional": "on a condition",
                "neutral": "no side taken"}  # fmt: skip


def _capped(bullets: list[str]) -> list[str]:
    more = len(bullets) - MAX_BULLETS
    return bullets[:MAX_BULLETS] + (
        [f"- … and {more} more in the tables below"] if more > 0 else []
    )


def _lever_bullets(rows: pd.DataFrame, who: str) -> list[str]:
    """One bullet per (who, lever, direction), most cited first: "**United States**: less
    *troop presence* (on a condition) — withdraw troops … [s46]"; other levers' "other" rows
    are left out when ``who`` has a named lever."""
    named = rows[rows["lever"] != OTHER]
    rows = named if len(named) else rows
    cells = sorted(
        rows.groupby([who, "lever", "direction"], sort=True),
        key=lambda kv: (-kv[1]["sent_id"].nunique(), kv[1]["sent_id"].min(), kv[0]),
    )
    bullets = []
    for (name, lever, direction), cell in cells:
        ids = ", ".join("title" if i == 0 else f"s{i}" for i in sorted(set(cell["sent_id"])))
        notes = [STANCE_NOTES[x] for x in sorted(set(cell["stance"])) if x in STANCE_NOTES]
        note = f" ({'; '.join(notes)})" if notes else ""
        subject = md_escape(name)
        others = sorted(set(cell["actor"]) - {name})
        if who == "holder" and others:
            subject += " wants from " + " and ".join(md_escape(a) for a in others)
        bullets.append(
            f"- **{subject}**: {WANTS[direction]} *{md_escape(lever)}*{note} — "
            f"{md_escape(cell['action'].iloc[0])} [{ids}]"
        )
    return bullets


def md_escape(text: str) -> str:
    """Escape article text for Markdown/HTML output."""
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", html.escape(str(text), quote=False))


def article_titles(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id → title, the doc_id standing in for an unknown title."""
    return {d: t or d for d, t in zip(documents["doc_id"], documents["title"], strict=True)}


# -- charts ------------------------------------------------------------------------------------


def mention_chart(mentions: pd.DataFrame, sentences: pd.DataFrame) -> go.Figure:
    """Mentions per actor and article (grouped bars); hover: aliases and the first quote."""
    if mentions.empty:
        return empty_figure("No actor mentions found.")
    if mentions["doc_id"].nunique() > len(COLOURS):
        return _mention_totals(mentions)
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


def mention_overview(mentions: pd.DataFrame, per_doc: int = 12) -> pd.DataFrame:
    """``mention_counts`` for up to ``per_doc`` articles; beyond, one row per actor over the
    corpus: mentions, sentences, articles and its five commonest aliases."""
    if mentions["doc_id"].nunique() <= per_doc:
        return mention_counts(mentions)
    grouped = mentions.groupby("actor")
    table = pd.DataFrame(
        {
            "mentions": grouped.size(),
            "sentences": grouped.apply(
                lambda g: len(g.drop_duplicates(["doc_id", "sent_id"])), include_groups=False
            ),
            "articles": grouped["doc_id"].nunique(),
            "aliases": grouped["alias"].agg(lambda a: "; ".join(a.value_counts().index[:5])),
        }
    )
    return table.sort_values("mentions", ascending=False).rename_axis("actor").reset_index()


def _mention_totals(mentions: pd.DataFrame, top: int = 20) -> go.Figure:
    """Mentions per actor over the whole corpus (the ``top`` actors), with the number of
    articles naming each; hover: the aliases used most."""
    grouped = mentions.groupby("actor")
    table = pd.DataFrame({"mentions": grouped.size(), "articles": grouped["doc_id"].nunique()})
    table = table.sort_values(["mentions"], ascending=False).head(top).iloc[::-1]
    hover = [
        f"<b>{html.escape(actor)}</b><br>{r.mentions} mentions in {r.articles} articles<br>"
        "aliases: " + wrap_html("; ".join(
            grouped.get_group(actor)["alias"].value_counts().index[:6]), 90)
        for actor, r in table.iterrows()
    ]  # fmt: skip
    fig = go.Figure(
        go.Bar(x=table["mentions"], y=table.index, orientation="h", marker_color=COLOURS[0],
               customdata=hover, hovertemplate=HOVER)
    )  # fmt: skip
    fig.update_layout(
        title="Actor mentions over all articles (groups counted for each member)",
        height=200 + 28 * len(table),
        xaxis_title="mentions",
    )
    return fig
