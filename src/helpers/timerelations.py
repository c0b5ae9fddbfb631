"""Expressions built on another one in the same sentence: anniversaries of catalog events
("the 75th anniversary of the founding of the Workers' Party") and spans a preposition
shifts or opens ("prior to spring 2018" ends where spring begins, "since 2009" runs to the
publication date)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from helpers.catalog import CatalogEvent
from helpers.timespans import OPEN_END, OPEN_START, Anchor, Found

ANNIVERSARY = re.compile(
    r"\b(?P<phrase>(?:the\s+)?(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary)\s+of\s+(?:the\s+)?$",
    re.I,
)
PREPOSITION = re.compile(
    r"\b(?P<prep>prior\s+to|before|after|since|until|till|up\s+to)\s+(?:the\s+)?$", re.I
)
BASES = ("named event", "event boundary")  # what an anniversary can count from


def anniversary_day(base: date, years: int) -> date:
    """``base`` moved ``years`` on (29 February falls on 28 February in a common year)."""
    try:
        return base.replace(year=base.year + years)
    except ValueError:
        return base.replace(year=base.year + years, day=28)


def marked_event(day: date, catalog: Sequence[CatalogEvent], fallback: str) -> str:
    """The catalog event held on ``day`` (an anniversary marks it), else ``fallback``."""
    on_day = [e for e in catalog if e.kind == "event" and e.span[0] <= day <= e.span[1]]
    return min(on_day, key=lambda e: (e.span[1] - e.span[0]).days).event_id if on_day else fallback


def anniversaries(hits: list[Found], text: str, catalog: Sequence[CatalogEvent]) -> list[Found]:
    """ "the Nth anniversary of <catalog event>" as one dated expression (the event's start
    plus N years), linked to the event held that day or else to the base event. When the base
    is itself a dated boundary ("the end of World War II", 2 Sep 1945) it keeps its row and
    date, and its note gives the anniversary's ("the 70th anniversary: 2015-09-02")."""
    out: list[Found] = []
    for hit in sorted(hits, key=lambda f: f.start):
        m = ANNIVERSARY.search(text[: hit.start])
        if m is None or hit.rule not in BASES or hit.span is None:
            out.append(hit)
            continue
        day = anniversary_day(hit.span[0], int(m["n"]))
        event_id = marked_event(day, catalog, hit.event_id)
        if hit.rule == "event boundary":
            out.append(replace(hit, note=f"{m['phrase']}: {day.isoformat()}"))
        else:
            out.append(Found(m.start(), hit.end, "date", (day, day), "day", "anniversary",
                             event_id=event_id))  # fmt: skip
    return out


def shifted(hit: Found, text: str, anchor: Anchor | None) -> Found:
    """A date expression after "prior to/before/after/since/until X" widened to the span the
    phrase denotes: before X → up to X's start (open start); after X → from X's end; since
    X → X's start to the publication date (open without one); until X → up to X's end.
    Named events keep their own span: "before the Singapore summit" still names the summit."""
    m = PREPOSITION.search(text[: hit.start])
    if m is None or hit.span is None or hit.rule in BASES or hit.pending:
        return hit
    prep = " ".join(m["prep"].lower().split())
    first, last = hit.span
    if prep in ("prior to", "before"):
        span = OPEN_START, first
    elif prep == "after":
        span = last, OPEN_END
    elif prep == "since":
        span = first, anchor.end if anchor and anchor.end >= first else OPEN_END
    else:
        span = OPEN_START, last
    return replace(hit, start=m.start(), span=span, rule=f"{hit.rule}, {prep}")
