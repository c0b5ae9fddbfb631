"""The reference catalog of events and periods (data/reference/events.csv): reading and
checking it, and matching its events in a sentence — by name, or by a date near a named event
or overlapping an event whose keywords the sentence holds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from helpers.errors import InputError
from helpers.needles import Prefilter
from helpers.paths import reference_file
from helpers.tables import read_reference
from helpers.timespans import Found, Span, gap_days, iou, is_open

EVENT_COLUMNS = ["event_id", "label", "start", "end", "kind", "patterns", "keywords", "episode",
                 "source", "note"]  # fmt: skip
EVENT_KINDS = ("event", "period", "founding")
BOUNDARY = re.compile(
    r"\b(?:the\s+)?(?P<which>end|close|start|beginning|outbreak)\s+of\s+(?:the\s+)?$", re.I
)
CLAUSE_BREAK = re.compile(r"[;:]|\s-{1,2}\s|-{2}")  # a keyword links only in its own clause
QUALIFIERS = {"new", "another", "second", "third", "fourth", "next", "future", "latest"}


@dataclass(frozen=True)
class CatalogEvent:
    event_id: str
    label: str
    kind: str
    span: Span
    patterns: re.Pattern | None
    keywords: re.Pattern | None


@dataclass(frozen=True, eq=False)
class EventCatalog:
    """The events table with its rows parsed and compiled once (picklable, for workers)."""

    table: pd.DataFrame
    events: tuple[CatalogEvent, ...]

    @classmethod
    def from_table(cls, table: pd.DataFrame, where: str = "events") -> EventCatalog:
        """Check and compile ``table`` (events.csv rows); InputError naming a bad row."""
        return cls(table, tuple(compile_catalog(table, where)))


def read_events(path: Path) -> EventCatalog:
    """The reference catalog (data/reference/events.csv), checked and compiled; one-line
    error if bad (the table itself is ``.table``).

    Columns: event_id, label, start, end (YYYY-MM-DD, inclusive), kind (event | period),
    patterns (how a sentence names it: '|'-separated regexes, whole words, any case, curly
    quotes and dashes read as straight ones; a group ``(?P<end>…)`` or ``(?P<start>…)`` names
    the period's last or first day, e.g. the armistice of a war), keywords (cues that link an
    overlapping date in the same clause), episode (a grouping label for the notebook), source
    (URL), note.
    """
    return EventCatalog.from_table(read_reference(path, EVENT_COLUMNS, "events"), str(path))


def catalog_path(events_file: str, root: Path) -> Path:
    """The catalog a notebook reads: "" → the repository's data/reference/events.csv; a
    relative path is taken from the workspace ``root``."""
    if not events_file:
        return reference_file("events.csv")
    path = Path(events_file)
    return path if path.is_absolute() else root / path


def compile_catalog(events: pd.DataFrame, where: str = "events") -> list[CatalogEvent]:
    """Catalog rows with parsed spans and compiled patterns; InputError naming a bad row."""
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        raise InputError(f"{where}: missing column(s) {missing}")
    if events["event_id"].duplicated().any():
        dup = events.loc[events["event_id"].duplicated(), "event_id"].iloc[0]
        raise InputError(f"{where}: event_id {dup!r} appears twice")
    return [_catalog_row(row, where) for row in events.fillna("").to_dict("records")]


def _catalog_row(row: dict, where: str) -> CatalogEvent:
    label = f"{where}: event {row['event_id']!r}"
    if not str(row["event_id"]).strip() or not str(row["source"]).strip():
        raise InputError(f"{label}: needs an event_id and a source")
    if row["kind"] not in EVENT_KINDS:
        raise InputError(f"{label}: kind {row['kind']!r} is not one of {EVENT_KINDS}")
    try:
        span = date.fromisoformat(row["start"]), date.fromisoformat(row["end"])
    except ValueError:
        raise InputError(f"{label}: start/end must be YYYY-MM-DD") from None
    if span[1] < span[0]:
        raise InputError(f"{label}: end {row['end']} is before start {row['start']}")
    return CatalogEvent(
        row["event_id"], row["label"], row["kind"], span,
        _compile(row["patterns"], label), _compile(row["keywords"], label),
    )  # fmt: skip


def _compile(alternatives: str, label: str) -> re.Pattern | None:
    """Whole-word, case-insensitive regex of '|'-separated alternatives (None when empty)."""
    if not alternatives.strip():
        return None
    try:
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    except re.error as err:
        raise InputError(f"{label}: bad pattern {alternatives!r} ({err})") from None


def named_events(text: str, catalog: Sequence[CatalogEvent]) -> list[Found]:
    """Mentions of catalog events by name (not "a new/second/… <name>")."""
    hits = []
    for i in _prefilter(catalog).candidates(text):
        event = catalog[i]
        if event.patterns is None:
            continue
        for m in event.patterns.finditer(text):
            before = re.search(r"(\w+)\W*$", text[: m.start()])
            if before and before.group(1).lower() in QUALIFIERS:
                continue
            hits.append(_named(event, m, text))
    return sorted(hits, key=lambda f: (f.start, -(f.end - f.start)))


_PREFILTERS: dict[int, tuple[Sequence[CatalogEvent], Prefilter]] = {}
_NEVER = re.compile(r"(?!)")


def _prefilter(catalog: Sequence[CatalogEvent]) -> Prefilter:
    """The literal prefilter of the catalog's name patterns, built once per catalog."""
    kept = _PREFILTERS.get(id(catalog))
    if kept is None or kept[0] is not catalog:
        kept = (catalog, Prefilter.of([e.patterns or _NEVER for e in catalog]))
        _PREFILTERS[id(catalog)] = kept
    return kept[1]


def _named(event: CatalogEvent, m: re.Match, text: str) -> Found:
    """A named event with its span; "the end/start of <period>" is the period's last/first
    day, and so is a pattern's group named ``end``/``start`` ("(?P<end>armistice)")."""
    groups = {k for k, v in m.groupdict().items() if v is not None}
    if groups & {"end", "start"}:
        day = event.span[1] if "end" in groups else event.span[0]
        return Found(m.start(), m.end(), "event", (day, day), "day", "named event",
                     event_id=event.event_id)  # fmt: skip
    boundary = BOUNDARY.search(text[: m.start()]) if event.kind == "period" else None
    if boundary:
        first, last = event.span
        day = last if boundary["which"].lower() in ("end", "close") else first
        return Found(boundary.start(), m.end(), "event", (day, day), "day", "event boundary",
                     event_id=event.event_id)  # fmt: skip
    kind = "event" if event.kind == "founding" else event.kind
    days = (event.span[1] - event.span[0]).days
    granularity = "period" if event.kind == "period" else "days" if days else "day"
    return Found(m.start(), m.end(), kind, event.span, granularity, "named event",
                 event_id=event.event_id)  # fmt: skip


def link(
    hit: Found, text: str, named: Sequence[CatalogEvent], catalog: Sequence[CatalogEvent]
) -> str:
    """The catalog event a dated expression refers to, or "" (see ``helpers.timeline``).

    A date shared with an event is not a reference to it: the sentence must name the event
    (``named``) or hold one of its keywords, and the spans must overlap. Among candidates an
    event lying inside the expression's span wins ("in 1950" with "went to war": China's entry
    that October, not the 1950-53 war), then the best overlap. Open spans ("prior to spring
    2018") link nothing."""
    if hit.span is None or is_open(hit.span):
        return ""
    close = [e for e in named if gap_days(hit.span, e.span) == 0]
    if close:
        return _best(hit.span, close)
    part = clause(text, hit)
    cued = [
        e
        for e in catalog
        if e.keywords is not None and e.keywords.search(part) and iou(hit.span, e.span) > 0
    ]
    return _best(hit.span, cued) if cued else ""


def clause(text: str, hit: Found) -> str:
    """The part of the sentence around ``hit`` between semicolons, colons and dashes."""
    cuts = [0] + [m.end() for m in CLAUSE_BREAK.finditer(text)] + [len(text) + 1]
    first = max(c for c in cuts if c <= hit.start)
    last = min(c for c in cuts if c > hit.start)
    return text[first : last - 1] if last <= len(text) else text[first:]


def _best(span: Span, events: Sequence[CatalogEvent]) -> str:
    def inside(e: CatalogEvent) -> bool:
        return span[0] <= e.span[0] and e.span[1] <= span[1]

    return max(events, key=lambda e: (inside(e), iou(span, e.span))).event_id
