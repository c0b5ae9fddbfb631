"""The catalog's episodes as a corpus refers to them: each expression linked to an event of
an episode with the days to draw it at, the episodes found with their dated labels ("2015
parade · 3 Sep 2015"), the articles to draw when there are many, publication periods."""

from __future__ import annotations

from datetime import date

import pandas as pd

from helpers.errors import InputError

SHORT_EVENT_DAYS = 31  # a reference to an event this short is drawn at the event's day
MAX_LANES = 8  # articles drawn when none are named
MAX_COLUMNS = 36  # publication months fold into quarters, then years, beyond this
REFERENCE_COLUMNS = ["doc_id", "sent_id", "expression", "event_id", "episode", "start", "end",
                     "x_start", "x_end", "quote"]  # fmt: skip


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
    """One row per episode the references reach, in time order: its span over all its
    catalog events, its label with dates, how many references and articles."""
    table = _events(events)
    rows = []
    for episode, refs in references.groupby("episode", sort=False):
        members = table[table["episode"] == episode]
        first, last = min(members["first"]), max(members["last"])
        rows.append([episode, first, last, f"{episode} · {span_text(first, last)}",
                     len(refs), refs["doc_id"].nunique()])  # fmt: skip
    columns = ["episode", "first", "last", "label", "references", "articles"]
    found = pd.DataFrame(rows, columns=columns).sort_values(["first", "episode"])
    return found.reset_index(drop=True)


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
