"""What the timeline notebook shows: the audit, kind-count and episode tables, and the chart.

The chart tells the episodes of the reference catalog (its ``episode`` groups) that the
articles refer to: each is a labelled band across the lanes ("2015 parade · 3 Sep 2015"),
and each article's references to it are marks in that article's lane, in the episode's
colour, labelled with the expressions. A reference to a short event is drawn at the event's
day even when the text gave a year. Other dates are thin, light marks in a row of their own
under the lane; the publication date (anchor) is a black star; the bottom lane holds the
catalog events some shown article links to. Spans of at least ``min_bar_days`` are bars drawn
with an explicit ``base`` (a bar from a start to an equal end has zero width: plotly's known
trap). Two panels share the lanes: a narrow one for the deep past (before the focus window)
and a wide one for the focus window. Lanes: every article up to ``MAX_LANES``, else the most
referencing ones, or the ones the notebook's ``lanes`` names.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from helpers.episodes import episode_references, found_episodes, select_lanes, span_text
from helpers.errors import InputError
from helpers.timeline import parse_anchor
from helpers.views.plotting import COLOURS, HOVER, empty_figure, plain_label, wrap_html

REFERENCE_LANE = "cited catalog events"
OTHER_STYLE = {  # legend name, colour, opacity
    "date": ("other date in the text", "#6baed6", 0.7),
    "relative": ("relative to publication (often vague)", "#fdae6b", 0.5),
    "catalog": ("catalog event outside the episodes", "#737373", 0.8),
}
AUDIT_COLUMNS = ["doc_id", "sent_id", "expression", "kind", "start", "end", "granularity",
                 "event_id", "relative", "resolved", "rule", "note", "quote"]  # fmt: skip
DAY_MS = 86_400_000
LEGEND_RANK = {"date": 900, "relative": 901, "catalog": 902, "published": 903, "reference": 904}
EPISODE_COLOURS = COLOURS + ["#17becf", "#bcbd22", "#e377c2"]
MARK_COLUMNS = ["lane", "y", "start", "end", "hover", "group", "name", "colour", "opacity",
                "size", "symbol"]  # fmt: skip
BAND_MIN_DAYS = 25  # a one-day episode's band reaches this far either side of its day
LABEL_PX = 6.6  # estimated width of one character of an episode label (11 px font)
PLOT_PX = 900  # estimated width of the plotting area, for packing the episode labels
LABEL_CHARS = 34  # a lane's label for one episode is cut here


def _hover(row, label: str) -> str:
    event = f"<br>event: {html.escape(label)}" if label else ""
    return (
        f"<b>{html.escape(str(row.expression))}</b><br>{row.start or '…'} → {row.end or '…'}"
        f"{event}<br>{html.escape(str(row.doc_id))}, sentence {row.sent_id}:<br>"
        f"<i>{wrap_html(row.quote)}</i>"
    )


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


def _anchors(timeline: pd.DataFrame, documents: pd.DataFrame | None) -> dict[str, str]:
    """doc_id → anchor, from the timeline's anchor column and, winning, the documents'."""
    out: dict[str, str] = {}
    for table in (timeline, _documents(documents)):
        if "anchor" in table.columns:
            pairs = table[["doc_id", "anchor"]].drop_duplicates()
            out |= {str(d): a for d, a in pairs.itertuples(index=False) if isinstance(a, str) and a}
    return out


def _day(value: str) -> date:
    return date.fromisoformat(str(value))


def _mark(lane, y, x_start, x_end, hover, group, name, colour, opacity=1.0, size=11,
          symbol="circle") -> dict:  # fmt: skip
    values = (lane, y, x_start, x_end, hover, group, name, colour, opacity, size, symbol)
    return dict(zip(MARK_COLUMNS, values, strict=True))


def chart_items(
    timeline: pd.DataFrame,
    events: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    lanes: list | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """(marks, episodes, shown lanes): one row per mark with its lane, y, start/end dates,
    hover text and style group; the episodes found (``found_episodes``)."""
    timeline = timeline.fillna({"start": "", "end": "", "event_id": ""}).astype({"doc_id": str})
    references = episode_references(timeline, events)
    shown = select_lanes(_doc_ids(timeline, documents), references, lanes)
    episodes = found_episodes(references, events)
    episodes["colour"] = [EPISODE_COLOURS[i % len(EPISODE_COLOURS)] for i in range(len(episodes))]
    colour = dict(zip(episodes["episode"], episodes["colour"], strict=True))
    labels = dict(zip(events["event_id"], events["label"], strict=True))
    y = {doc_id: i for i, doc_id in enumerate(shown)}
    marks = []
    rank = {episode: i for i, episode in enumerate(episodes["episode"])}
    refs = references[references["doc_id"].isin(shown)]
    refs = refs.sort_values("episode", key=lambda col: col.map(rank), kind="stable")
    for r in refs.itertuples(index=False):
        marks.append(_mark(r.doc_id, y[r.doc_id] - 0.08, r.x_start, r.x_end,
                           _hover(r, labels.get(r.event_id, "")), f"episode:{r.episode}",
                           r.episode, colour[r.episode], size=12))  # fmt: skip
    keys = set(zip(refs["doc_id"], refs["sent_id"], refs["expression"], strict=True))
    for r in timeline[timeline["doc_id"].isin(shown)].itertuples(index=False):
        if not (r.start and r.end) or (r.doc_id, r.sent_id, r.expression) in keys:
            continue
        group = "catalog" if r.event_id else "relative" if r.kind == "relative" else "date"
        name, hue, opacity = OTHER_STYLE[group]
        marks.append(_mark(r.doc_id, y[r.doc_id] + 0.3, _day(r.start), _day(r.end),
                           _hover(r, labels.get(r.event_id, "")), group, name, hue, opacity,
                           size=7))  # fmt: skip
    for doc_id, anchor in sorted(_anchors(timeline, documents).items()):
        if doc_id in y:
            span = parse_anchor(anchor, f"{doc_id}: anchor")
            hover = f"<b>{html.escape(doc_id)}</b><br>publication date: {html.escape(anchor)}"
            marks.append(_mark(doc_id, y[doc_id] - 0.08, span.start, span.start, hover,
                               "published", "publication date", "#111111", size=14,
                               symbol="star"))  # fmt: skip
    marks += _reference_marks(events, timeline[timeline["doc_id"].isin(shown)], len(shown))
    return pd.DataFrame(marks, columns=MARK_COLUMNS), episodes, shown


def _reference_marks(events: pd.DataFrame, timeline: pd.DataFrame, y: int) -> list[dict]:
    """The catalog events the shown articles link to, one row."""
    cited = events[events["event_id"].isin(set(timeline["event_id"]) - {""})]
    marks = []
    for e in cited.itertuples(index=False):
        first, last = _day(e.start), _day(e.end)
        hover = (f"<b>{html.escape(str(e.label))}</b><br>{span_text(first, last)} ({e.kind})"
                 f"<br>source: {wrap_html(e.source)}")  # fmt: skip
        marks.append(_mark(REFERENCE_LANE, y, first, last, hover, "reference",
                           "cited catalog event", "#969696", 0.8, size=9,
                           symbol="diamond-open"))  # fmt: skip
    return marks


def timeline_figure(
    timeline: pd.DataFrame,
    events: pd.DataFrame,
    focus_start: str = "2014-01-01",
    focus_end: str = "2021-12-31",
    min_bar_days: int = 14,
    documents: pd.DataFrame | None = None,
    lanes: list | None = None,
) -> go.Figure:
    """The timeline of episodes (see the module docstring); ``documents`` (doc_id, optional
    anchor) lists the articles, ``lanes`` chooses which get a lane ([]: see ``select_lanes``)."""
    focus = _focus(focus_start, focus_end)
    items, episodes, shown = chart_items(timeline, events, documents, lanes)
    if not shown:
        return empty_figure("No documents to show")
    past = _deep_past(items, episodes, focus[0])
    panels = [past, focus] if past else [focus]
    widths = [0.28, 0.72] if past else [1.0]
    fig = make_subplots(rows=1, cols=len(panels), shared_yaxes=True, horizontal_spacing=0.015,
                        column_widths=widths if past else None)  # fmt: skip
    listed: set[str] = set()  # legend groups already in the legend
    ranks = {f"episode:{e}": i for i, e in enumerate(episodes["episode"])} | LEGEND_RANK
    for col, panel in enumerate(panels, start=1):
        inside = items[(items["end"] >= panel[0]) & (items["start"] <= panel[1])]
        traces = _traces(inside, min_bar_days, listed, ranks) + _lane_labels(inside, episodes)
        for trace in traces:
            fig.add_trace(trace, row=1, col=col)
        fig.update_xaxes(type="date", range=[panel[0].isoformat(), panel[1].isoformat()], col=col)
    label_rows = _episode_bands(fig, episodes, panels, widths)
    ticks = [plain_label(d) for d in shown] + [REFERENCE_LANE]
    fig.update_yaxes(tickvals=list(range(len(ticks))), ticktext=ticks, autorange=False,
                     range=[len(ticks) - 0.45, -0.75], showgrid=True, zeroline=False)  # fmt: skip
    top = 50 + 30 * label_rows
    fig.update_layout(
        height=top + 130 + 105 * len(shown), barmode="overlay", hovermode="closest",
        legend={"orientation": "h", "y": -0.08, "yanchor": "top", "font": {"size": 11}},
        margin={"l": 10, "r": 10, "t": top, "b": 10},
        title={"text": "Which article refers to which episode, and when", "y": 0.995,
               "yanchor": "top"},
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


def _deep_past(items: pd.DataFrame, episodes: pd.DataFrame, focus_start: date):
    """The deep-past panel's range (a few years before the earliest start) or None."""
    starts = list(items.loc[items["start"] < focus_start, "start"])
    starts += [d for d in episodes["first"] if d < focus_start]
    if not starts:
        return None
    first = min(starts)
    return date(first.year - first.year % 5 - 2, 1, 1), focus_start - timedelta(days=1)


def _traces(
    items: pd.DataFrame, min_bar_days: int, listed: set[str], ranks: dict[str, int]
) -> list[go.BaseTraceType]:
    """Per style group: one bar trace (long spans) and one marker trace (short spans); a group
    gets a legend entry the first time (``listed`` is updated), ordered by ``ranks``."""
    traces = []
    long = (items["end"] - items["start"]).map(lambda d: d.days) >= min_bar_days
    for group, rows in items.groupby("group", sort=False):
        first, legend = rows.iloc[0], group not in listed
        listed.add(group)
        common = {"name": plain_label(first["name"]), "legendgroup": group,
                  "legendrank": ranks.get(group, 999),
                  "hovertemplate": HOVER}  # fmt: skip
        bars, marks = rows[long[rows.index]], rows[~long[rows.index]]
        thin = group in OTHER_STYLE
        if not bars.empty:
            width = [((e - s).days + 1) * DAY_MS for s, e in zip(bars["start"], bars["end"],
                                                                   strict=True)]  # fmt: skip
            traces.append(go.Bar(
                base=[s.isoformat() for s in bars["start"]], x=width, y=bars["y"],
                orientation="h", width=0.07 if thin else 0.16,
                marker={"color": first["colour"], "opacity": first["opacity"] * 0.8},
                customdata=bars["hover"], showlegend=legend and marks.empty, **common,
            ))  # fmt: skip
        if not marks.empty:
            traces.append(go.Scatter(
                x=[s.isoformat() for s in marks["start"]], y=marks["y"], mode="markers",
                marker={"color": first["colour"], "size": int(first["size"]),
                        "symbol": first["symbol"], "opacity": first["opacity"],
                        "line": {"width": 1, "color": "white"}},
                customdata=marks["hover"], showlegend=legend, **common,
            ))  # fmt: skip
    return traces


def _lane_labels(items: pd.DataFrame, episodes: pd.DataFrame) -> list[go.Scatter]:
    """One text label per article and episode: the expressions, above the first mark."""
    refs = items[items["group"].str.startswith("episode:")]
    points = []
    for (lane, _), rows in refs.groupby(["lane", "group"], sort=False):
        names = list(dict.fromkeys(rows["hover"].str.extract(r"<b>(.*?)</b>")[0]))
        text = ", ".join(html.unescape(n) for n in names)
        text = text if len(text) <= LABEL_CHARS else f"{text[: LABEL_CHARS - 1]}…"
        points.append((lane, min(rows["start"]), float(rows["y"].iloc[0]), text,
                       rows["colour"].iloc[0]))  # fmt: skip
    points.sort(key=lambda p: (p[0], p[1]))
    xs, ys, texts, colours = [], [], [], []
    previous_lane, k = None, 0
    for lane, x, y, text, colour in points:
        k = k + 1 if lane == previous_lane else 0
        previous_lane = lane
        xs.append(x.isoformat())
        ys.append(y - 0.24 - 0.17 * (k % 2))
        texts.append(plain_label(text))
        colours.append(colour)
    if not xs:
        return []
    return [go.Scatter(x=xs, y=ys, mode="text", text=texts, textposition="middle right",
                       textfont={"size": 11, "color": colours}, hoverinfo="skip",
                       showlegend=False)]  # fmt: skip


def _episode_bands(fig: go.Figure, episodes: pd.DataFrame, panels, widths) -> int:
    """A shaded band per episode across the lanes, labelled at the top with its dates;
    labels are packed into rows so they do not overlap. Returns the number of label rows."""
    ends: list[float] = []  # per label row, the right edge (in px) of its last label
    for ep in episodes.itertuples(index=False):
        first = ep.first - timedelta(days=BAND_MIN_DAYS) if ep.first == ep.last else ep.first
        last = ep.last + timedelta(days=BAND_MIN_DAYS) if ep.first == ep.last else ep.last
        for col, panel in enumerate(panels, start=1):
            if last < panel[0] or first > panel[1]:
                continue
            axis = "x" if col == 1 else f"x{col}"
            fig.add_shape(type="rect", xref=axis, yref="paper", x0=first.isoformat(),
                          x1=last.isoformat(), y0=0, y1=1, fillcolor=ep.colour, opacity=0.13,
                          line={"width": 0}, layer="below")  # fmt: skip
        col = next(i for i, p in enumerate(panels, start=1) if ep.first <= p[1])
        panel, offset = panels[col - 1], sum(widths[: col - 1])
        centre = max(ep.first, panel[0]) + (min(ep.last, panel[1]) - max(ep.first, panel[0])) / 2
        px = PLOT_PX * (offset + widths[col - 1] * (centre - panel[0]).days
                        / max((panel[1] - panel[0]).days, 1))  # fmt: skip
        lines = [ep.episode, span_text(ep.first, ep.last)]
        half = LABEL_PX * max(len(line) for line in lines) / 2 + 6
        row = next((i for i, end in enumerate(ends) if end < px - half), len(ends))
        ends[row : row + 1] = [px + half]
        fig.add_annotation(
            x=centre.isoformat(), xref="x" if col == 1 else f"x{col}", y=1, yref="paper",
            yanchor="bottom", yshift=4 + 30 * row, showarrow=False, align="center",
            text=f"<b>{plain_label(lines[0])}</b><br>{plain_label(lines[1])}",
            font={"size": 11, "color": ep.colour},
        )  # fmt: skip
    return max(len(ends), 1)


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


def episode_table(
    timeline: pd.DataFrame, events: pd.DataFrame, doc_ids: list[str] | None = None
) -> pd.DataFrame:
    """Each catalog ``episode`` with the expressions linked to its events and their quotes
    (of the articles ``doc_ids`` when given); an episode nobody mentions gets one row with
    found False."""
    if doc_ids is not None:
        timeline = timeline[timeline["doc_id"].astype(str).isin(doc_ids)]
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
    return pd.DataFrame(rows, columns=columns).astype({"sent_id": "Int64"})


def catalog_table(timeline: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Every catalog event with how many expressions and articles link to it (the chart's
    bottom row draws those with at least one), most cited first, then by date."""
    linked = timeline[timeline["event_id"].fillna("") != ""]
    counts = linked.groupby("event_id").agg(
        references=("doc_id", "size"), articles=("doc_id", "nunique")
    )
    table = events[["event_id", "label", "start", "end", "kind", "episode", "source"]].copy()
    table = table.join(counts, on="event_id").fillna({"references": 0, "articles": 0})
    table = table.astype({"references": int, "articles": int})
    return table.sort_values(["references", "start"], ascending=[False, True]).reset_index(
        drop=True
    )
