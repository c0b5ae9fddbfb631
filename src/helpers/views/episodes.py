"""The catalog's episodes as the corpus refers to them: which episodes were found, their
labels with dates ("2015 parade · 3 Sep 2015"), each reference with the day to draw it at,
the articles that get a lane, and the month × episode heat strip for many articles."""

from __future__ import annotations

import html
import re
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from helpers.errors import InputError
from helpers.views.plotting import COLOURS, HOVER, empty_figure, plain_label, wrap_html

SHORT_EVENT_DAYS = 31  # a reference to an event this short is drawn at the event's day
MAX_LANES = 8  # lanes drawn when the notebook's ``lanes`` is empty
MAX_COLUMNS = 36  # the heat strip folds months into quarters, then years, beyond this
REFERENCE_COLUMNS = ["doc_id", "sent_id", "expression", "event_id", "episode", "start", "end",
                     "x_start", "x_end", "quote"]  # fmt: skip
EPISODE_COLOURS = COLOURS + ["#17becf", "#bcbd22", "#e377c2"]


def span_text(first: date, last: date) -> str:
    """'3 Sep 2015', '25–28 Mar 2018', 'Mar 2016 – Dec 2017'."""
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    return f"{first:%b %Y} – {last:%b %Y}"


def _events(events: pd.DataFrame) -> pd.DataFrame:
    table = events.fillna({"episode": ""}).astype({"start": str, "end": str})
    return table.assign(
        first=table["start"].map(date.fromisoformat), last=table["end"].map(date.fromisoformat)
    ).set_index("event_id")


def episode_references(timeline: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Every expression linked to an event of an episode, with where to draw it: at the
    event's day for a short event ("the 2015 parade" → 3 Sep 2015), else the part of the
    event's span the expression covers ("since 1950" → 1950 to the armistice)."""
    table = _events(events)
    linked = timeline[timeline["event_id"].fillna("").isin(table.index[table["episode"] != ""])]
    rows = []
    for r in linked.itertuples(index=False):
        event = table.loc[r.event_id]
        x_start, x_end = event["first"], event["last"]
        if (x_end - x_start).days > SHORT_EVENT_DAYS and r.start and r.end:  # the part of the
            x_start = max(x_start, date.fromisoformat(r.start))  # event the expression covers
            x_end = min(x_end, date.fromisoformat(r.end))
            if x_end < x_start:
                x_start, x_end = event["first"], event["last"]
        rows.append([r.doc_id, r.sent_id, r.expression, r.event_id, event["episode"], r.start,
                     r.end, x_start, x_end, r.quote])  # fmt: skip
    return pd.DataFrame(rows, columns=REFERENCE_COLUMNS)


def found_episodes(references: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per episode the references reach, in time order: its span over the events
    referred to, its label with dates, how many references and articles."""
    table = _events(events)
    rows = []
    for episode, refs in references.groupby("episode", sort=False):
        cited = table.loc[sorted(set(refs["event_id"]))]
        first, last = min(cited["first"]), max(cited["last"])
        rows.append([episode, first, last, f"{episode} · {span_text(first, last)}",
                     len(refs), refs["doc_id"].nunique()])  # fmt: skip
    columns = ["episode", "first", "last", "label", "references", "articles"]
    found = pd.DataFrame(rows, columns=columns).sort_values(["first", "episode"])
    found = found.reset_index(drop=True)
    found["colour"] = [EPISODE_COLOURS[i % len(EPISODE_COLOURS)] for i in range(len(found))]
    return found


def select_lanes(
    doc_ids: list[str], references: pd.DataFrame, lanes: list | None, limit: int = MAX_LANES
) -> list[str]:
    """The articles that get a lane: ``lanes`` when given (checked), else every article when
    there are at most ``limit``, else the ``limit`` with the most episode references."""
    if lanes:
        unknown = sorted(set(map(str, lanes)) - set(doc_ids))
        if unknown:
            raise InputError(f"lanes: unknown doc_id(s) {unknown}")
        return [str(d) for d in dict.fromkeys(lanes)]
    if len(doc_ids) <= limit:
        return list(doc_ids)
    counts = references["doc_id"].value_counts().reindex(doc_ids, fill_value=0)
    ranked = sorted(doc_ids, key=lambda d: (-counts[d], d))[:limit]
    return sorted(ranked)


def publication_month(anchor: str) -> str:
    """'2020-11' for an anchor '2020-11-19' or '2020-11'; 'undated' without one."""
    return anchor[:7] if isinstance(anchor, str) and len(anchor) >= 7 else "undated"


def coarser(months: pd.Series, most: int = MAX_COLUMNS) -> tuple[pd.Series, str]:
    """Publication months ('2020-11'), or quarters ('2020-Q4') or years when there would be
    more than ``most`` columns; and the unit's name."""

    def quarter(m: str) -> str:
        return m if m == "undated" else f"{m[:4]}-Q{(int(m[5:7]) - 1) // 3 + 1}"

    for unit, fold in (("month", str), ("quarter", quarter), ("year", lambda m: m[:4])):
        folded = months.map(fold)
        if folded.nunique() <= most or unit == "year":
            return folded.replace("unda", "undated"), unit
    raise AssertionError("unreachable")


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
