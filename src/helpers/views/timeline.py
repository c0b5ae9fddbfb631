"""What the timeline notebook shows: the audit, kind-count and episode tables, and the chart,
one lane per article plus a "reference" lane of the catalog.

Lanes come from the document list when one is given (e.g. ``document_anchors``' table: doc_id and
anchor), so an article without any temporal expression still gets its lane and anchor mark.

Spans of at least ``min_bar_days`` are horizontal bars drawn with an explicit ``base`` (start)
and width (duration in milliseconds) — a bar from a start to an equal end has zero width and
vanishes, plotly's known trap; shorter spans are markers at their start. Two panels share the
lanes: a narrow one for the deep past (everything before the focus window, e.g. 1939-1991) and
a wide one for the focus window, so 1950 stays visible without squashing 2014-2021.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from helpers.errors import InputError
from helpers.timeline import parse_anchor
from helpers.views.plotting import HOVER, empty_figure, wrap_html

REFERENCE_LANE = "reference"
KIND_STYLE = {  # legend name, colour
    "date": ("date in the text", "#1f77b4"),
    "relative": ("relative to publication date", "#ff7f0e"),
    "event": ("named event", "#2ca02c"),
    "period": ("named period", "#9467bd"),
    "published": ("publication date (anchor)", "#222222"),
    "reference": ("reference catalog", "#8c8c8c"),
}
AUDIT_COLUMNS = ["doc_id", "sent_id", "expression", "kind", "start", "end", "granularity",
                 "event_id", "relative", "resolved", "rule", "note", "quote"]  # fmt: skip
SLOTS = 7  # items of one lane are spread over up to this many rows so they do not hide each other
PACK_GAP_DAYS = 150  # ... and items closer than this (a marker's visual width) take another row
DAY_MS = 86_400_000


def chart_items(
    timeline: pd.DataFrame, events: pd.DataFrame, documents: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per mark: lane, kind, start, end (dates) and the escaped hover text.

    Anchor marks come from ``timeline``'s anchor column and, winning, ``documents``' one."""
    labels = dict(zip(events["event_id"], events["label"], strict=True))
    timeline = timeline.fillna({"start": "", "end": "", "event_id": ""})
    rows = [_text_item(r, labels) for r in timeline.itertuples(index=False) if r.start and r.end]
    anchors = dict(_anchors(timeline)) | dict(_anchors(_documents(documents)))
    rows += [_anchor_item(doc_id, anchor) for doc_id, anchor in sorted(anchors.items())]
    rows += [_reference_item(r) for r in events.itertuples(index=False)]
    return pd.DataFrame(rows, columns=["lane", "kind", "start", "end", "hover"])


def _text_item(row, labels: dict[str, str]) -> list:
    event = f"<br>event: {html.escape(labels.get(row.event_id, ''))}" if row.event_id else ""
    hover = (
        f"<b>{html.escape(str(row.expression))}</b> ({row.kind}, {row.granularity})<br>"
        f"{row.start} → {row.end}{event}<br>{row.doc_id}, sentence {row.sent_id}:<br>"
        f"<i>{wrap_html(row.quote)}</i>"
    )
    return [row.doc_id, row.kind, _day(row.start), _day(row.end), hover]


def _anchors(table: pd.DataFrame) -> list[tuple[str, str]]:
    if "anchor" not in table.columns:
        return []
    pairs = table[["doc_id", "anchor"]].drop_duplicates()
    return [(d, a) for d, a in pairs.itertuples(index=False) if isinstance(a, str) and a]


def _documents(documents: pd.DataFrame | None) -> pd.DataFrame:
    """The document list (doc_id, optional anchor) or an empty one; checks its doc_id column."""
    if documents is None:
        return pd.DataFrame(columns=["doc_id"])
    if "doc_id" not in documents.columns:
        raise InputError("documents: missing column 'doc_id'")
    return documents.astype({"doc_id": str})


def _doc_ids(timeline: pd.DataFrame, documents: pd.DataFrame | None) -> list[str]:
    """Every document of ``documents`` and of ``timeline``, sorted."""
    return sorted(set(_documents(documents)["doc_id"]) | set(timeline["doc_id"].astype(str)))


def _anchor_item(doc_id: str, anchor: str) -> list:
    span = parse_anchor(anchor, f"{doc_id}: anchor")
    hover = f"<b>{html.escape(doc_id)}</b><br>publication date (anchor): {html.escape(anchor)}"
    return [doc_id, "published", span.start, span.end, hover]


def _reference_item(row) -> list:
    hover = (
        f"<b>{html.escape(row.label)}</b><br>{row.start} → {row.end} ({row.kind})<br>"
        f"source: {wrap_html(row.source)}"
    )
    return [REFERENCE_LANE, "reference", _day(row.start), _day(row.end), hover]


def _day(value: str) -> date:
    return date.fromisoformat(str(value))


def timeline_figure(
    timeline: pd.DataFrame,
    events: pd.DataFrame,
    focus_start: str = "2014-01-01",
    focus_end: str = "2021-12-31",
    min_bar_days: int = 14,
    documents: pd.DataFrame | None = None,
) -> go.Figure:
    """The interactive timeline (see the module docstring); ``documents`` (doc_id, optional
    anchor) gives every listed article a lane, with or without expressions."""
    focus = _focus(focus_start, focus_end)
    items = chart_items(timeline, events, documents)
    doc_ids = _doc_ids(timeline, documents)
    if not doc_ids and items.empty:
        return empty_figure("No documents, temporal expressions or reference events to show")
    lanes = sorted((set(items["lane"]) | set(doc_ids)) - {REFERENCE_LANE}) + [REFERENCE_LANE]
    items = _place(items, lanes)
    past = _deep_past(items, focus[0])
    panels = [past, focus] if past else [focus]
    fig = make_subplots(
        rows=1, cols=len(panels), shared_yaxes=True, horizontal_spacing=0.02,
        column_widths=[0.3, 0.7] if past else None,
        subplot_titles=[f"{name} {a.year}–{b.year}" for name, (a, b) in
                        zip(["deep past", "focus"][-len(panels):], panels, strict=True)],
    )  # fmt: skip
    for col, panel in enumerate(panels, start=1):
        for trace in _traces(items, min_bar_days, legend=col == len(panels)):
            fig.add_trace(trace, row=1, col=col)
        fig.update_xaxes(type="date", range=[panel[0].isoformat(), panel[1].isoformat()], col=col)
    fig.update_yaxes(tickvals=list(range(len(lanes))), ticktext=lanes, autorange=False,
                     range=[len(lanes) - 0.5, -0.5], showgrid=True)  # fmt: skip
    fig.update_layout(
        height=220 + 110 * len(lanes), barmode="overlay", hovermode="closest",
        legend={"orientation": "h", "y": -0.15}, margin={"l": 10, "r": 10, "t": 50, "b": 10},
        title="Temporal expressions by article, with the reference events",
    )  # fmt: skip
    return fig


def _focus(focus_start: str, focus_end: str) -> tuple[date, date]:
    try:
        focus = date.fromisoformat(focus_start), date.fromisoformat(focus_end)
    except ValueError:
        raise InputError(
            f"focus_start/focus_end: {focus_start!r}, {focus_end!r} must be YYYY-MM-DD"
        ) from None
    if focus[1] <= focus[0]:
        raise InputError(f"focus_end {focus_end} must be after focus_start {focus_start}")
    return focus


def _place(items: pd.DataFrame, lanes: list[str]) -> pd.DataFrame:
    """A numeric y for each item: its lane's index plus a row within the lane, packed so
    that items closer than ``PACK_GAP_DAYS`` do not share a row (at most ``SLOTS`` rows)."""
    items = items.sort_values(["lane", "start", "end", "kind"], kind="stable").copy()
    slots = []
    for _, lane in items.groupby("lane", sort=False):
        ends: list[date] = []
        for start, end in zip(lane["start"], lane["end"], strict=True):
            free = [i for i, last in enumerate(ends) if (start - last).days > PACK_GAP_DAYS]
            slot = free[0] if free else len(ends) if len(ends) < SLOTS else ends.index(min(ends))
            ends[slot : slot + 1] = [max(end, start + timedelta(days=PACK_GAP_DAYS))]
            slots.append(slot)
    items["y"] = (
        items["lane"].map(lanes.index)
        + (pd.Series(slots, index=items.index) - (SLOTS - 1) / 2) * 0.8 / SLOTS
    )
    return items


def _deep_past(items: pd.DataFrame, focus_start: date) -> tuple[date, date] | None:
    """The deep-past panel's range (a few years before the earliest start) or None."""
    earlier = items.loc[items["start"] < focus_start, "start"]
    if earlier.empty:
        return None
    first = min(earlier)
    return date(first.year - first.year % 5 - 2, 1, 1), focus_start - timedelta(days=1)


def _traces(items: pd.DataFrame, min_bar_days: int, legend: bool) -> list[go.BaseTraceType]:
    """Per kind: one bar trace (long spans) and one marker trace (short spans)."""
    traces = []
    long = (items["end"] - items["start"]).map(lambda d: d.days) >= min_bar_days
    for kind, (name, colour) in KIND_STYLE.items():
        bars, marks = items[(items["kind"] == kind) & long], items[(items["kind"] == kind) & ~long]
        common = {
            "name": name,
            "legendgroup": kind,
            "hovertemplate": HOVER,
        }
        if not bars.empty:
            width = [
                ((e - s).days + 1) * DAY_MS for s, e in zip(bars["start"], bars["end"], strict=True)
            ]
            traces.append(go.Bar(
                base=[s.isoformat() for s in bars["start"]], x=width, y=bars["y"], orientation="h",
                width=0.09, marker={"color": colour, "opacity": 0.6}, customdata=bars["hover"],
                showlegend=legend, **common,
            ))  # fmt: skip
            legend_done = True
        else:
            legend_done = False
        if not marks.empty:
            traces.append(go.Scatter(
                x=[s.isoformat() for s in marks["start"]], y=marks["y"], mode="markers",
                marker={"color": colour, "size": 11, "symbol": "diamond",
                        "line": {"width": 1, "color": "white"}},
                customdata=marks["hover"], showlegend=legend and not legend_done, **common,
            ))  # fmt: skip
    return traces


def audit_table(timeline: pd.DataFrame) -> pd.DataFrame:
    """Every extracted expression, with how it was found, for checking by eye."""
    columns = [c for c in AUDIT_COLUMNS if c in timeline.columns]
    return (
        timeline[columns].sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
    )


def kind_counts(timeline: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Expressions per document and kind (rows: doc_id; columns: kinds; plus linked to events);
    every document of ``documents`` gets a row, of zeros when nothing was found in it."""
    doc_ids = pd.Index(_doc_ids(timeline, documents), name="doc_id")
    doc = timeline["doc_id"].astype(str)
    counts = pd.crosstab(doc, timeline["kind"]) if not timeline.empty else pd.DataFrame()
    counts = counts.reindex(index=doc_ids, fill_value=0)
    linked = timeline["event_id"].fillna("") != ""
    counts["linked to an event"] = linked.groupby(doc).sum().reindex(doc_ids, fill_value=0)
    counts.columns.name = None
    return counts.astype(int).reset_index()


def episode_table(timeline: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Each catalog ``episode`` with the expressions linked to its events and their quotes;
    an episode nobody mentions gets one row with found False."""
    columns = ["episode", "found", "doc_id", "sent_id", "expression", "event_id", "start", "end",
               "quote"]  # fmt: skip
    episodes = events[events["episode"].fillna("") != ""]
    rows = []
    for episode in dict.fromkeys(episodes["episode"]):
        ids = list(episodes.loc[episodes["episode"] == episode, "event_id"])
        hits = timeline[timeline["event_id"].isin(ids)]
        if hits.empty:
            rows.append([episode, False, "", None, "", "", "", "", ""])
        for hit in hits.itertuples(index=False):
            rows.append([episode, True, hit.doc_id, hit.sent_id, hit.expression, hit.event_id,
                         hit.start, hit.end, hit.quote])  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
