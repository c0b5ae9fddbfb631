"""Day spans of the temporal tagger: the publication-date anchor, span arithmetic, and
``Found``, one expression a rule or the event catalog finds in a sentence."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from helpers.dates import PARTIAL_DATE
from helpers.errors import InputError

Span = tuple[date, date]
OPEN_START, OPEN_END = date.min, date.max  # "prior to X" has no start, "after X" no end


@dataclass(frozen=True)
class Anchor:
    """The publication date as a span: a day, a month or a year."""

    text: str
    start: date
    end: date


def parse_anchor(value: str | None, name: str = "anchor") -> Anchor | None:
    """``"2020-11-19"``, ``"2020-11"`` or ``"2020"`` as an Anchor; None/"" → None."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or str(value) == "":
        return None
    text = str(value).strip()
    if not PARTIAL_DATE.match(text):
        raise InputError(f"{name}: {text!r} is not a date YYYY-MM-DD, YYYY-MM or YYYY")
    parts = [int(p) for p in text.split("-")]
    try:
        if len(parts) == 3:
            day = date(*parts)
            return Anchor(text, day, day)
    except ValueError:
        raise InputError(f"{name}: {text!r} is not a calendar date") from None
    start, end = month_span(*parts) if len(parts) == 2 else year_span(parts[0])
    return Anchor(text, start, end)


def year_span(year: int, last: int | None = None) -> Span:
    return date(year, 1, 1), date(last or year, 12, 31)


def month_span(year: int, month: int) -> Span:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` (the day clamped to the target month's length)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(anchor: Anchor, amount: int, unit: str) -> Span:
    """The anchor span moved back by ``amount`` units (negative: forward)."""
    if unit in ("day", "week"):
        days = timedelta(days=amount * (7 if unit == "week" else 1))
        return anchor.start - days, anchor.end - days
    months = amount * {"month": 1, "year": 12, "decade": 120}[unit]
    return add_months(anchor.start, -months), add_months(anchor.end, -months)


def widen(span: Span, unit: str) -> Span:
    """A span widened to whole ``unit``s (years for year/decade, months for month)."""
    start, end = span
    if unit in ("year", "decade"):
        return year_span(start.year, end.year)
    if unit == "month":
        return start.replace(day=1), month_span(end.year, end.month)[1]
    if unit == "week":  # the ISO week, Monday to Sunday
        return start - timedelta(days=start.weekday()), end + timedelta(days=6 - end.weekday())
    return span


def is_open(span: Span) -> bool:
    """True for a span with no start ("prior to X") or no end ("after X")."""
    return span[0] == OPEN_START or span[1] == OPEN_END


def iou(a: Span, b: Span) -> float:
    """Overlap of two inclusive day spans over their union (0 when disjoint)."""
    overlap = (min(a[1], b[1]) - max(a[0], b[0])).days + 1
    union = (max(a[1], b[1]) - min(a[0], b[0])).days + 1
    return max(overlap, 0) / union


def gap_days(a: Span, b: Span) -> int:
    """Days between two spans (0 when they overlap)."""
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


@dataclass(frozen=True)
class Found:
    """One expression: local offsets in the sentence, its kind, span and how it was found."""

    start: int
    end: int
    kind: str
    span: Span | None
    granularity: str
    rule: str
    relative: bool = False
    note: str = ""
    event_id: str = ""
    pending: tuple[str, int, str] | None = None  # (relation, amount, unit) to the previous date
