"""A small rule-based temporal tagger (in the spirit of HeidelTime) and the reference catalog.

``extract_timeline`` finds the temporal expressions of one document's sentences and normalizes
each to an ISO span (start, end), using the document's publication date as the anchor for
anything relative. Rules, in priority order (a character claimed by one rule is not re-used):

- named events and periods: the ``patterns`` of data/reference/events.csv ("the Korean War",
  "the Singapore gathering"); not when qualified as another one ("a new Cold War");
- full dates ("November 19, 2020", "19 November 2020", "2020-11-19", "March 25-28, 2018");
- parts of months ("early October 2020": days 1-10, mid 11-20, late 21-end), months with a
  year ("November 2020"), and dates without a year ("June 12": the latest one on or before
  the anchor);
- seasons ("spring 2018": March-May; summer June-August; autumn/fall September-November;
  winter YYYY = December YYYY-1 to February YYYY);
- parts of years ("early 2018": January-April, "mid-2017": May-August, "late 1950":
  September-December; "the start/middle/end of 1950" likewise);
- decades ("the 1990s"; early = years 0-3, mid = 4-6, late = 7-9);
- year ranges and pairs ("2016-17", "from 1950 to 1953", "between 2016 and 2019"; "2016 and
  2017" is one span, "2016 and 2019" two separate years); single years
  (1800-2099, not in "1,000", "COVID-19", "Resolution 2071" or "2000 troops");
- relative expressions, flagged ``relative``: "Four years ago" (the anchor's year minus four),
  "over the last four years" (anchor minus four years to the anchor), "recently" (the year up
  to the anchor), "in recent years" (five years up to the anchor; months: six, weeks: four,
  decades: thirty years), "last year", "next month", "yesterday";
- bare months ("Its October military parade"): the latest such month up to the anchor's month
  ("last October": strictly before it; "next October": strictly after).

Without an anchor, anchor-dependent rows are kept with empty start/end, ``resolved`` False
and a note. An expression is linked to a catalog event (``event_id``) when its sentence names
that event and the two spans lie within ``NEAR_DAYS``, else when the sentence holds one of the
event's ``keywords`` and the spans overlap (best overlap-over-union wins).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from helpers.dates import FULL_MONTH, PARTIAL_DATE, SHORT_MONTH, month_number
from helpers.errors import InputError
from helpers.paths import reference_file
from helpers.tables import read_reference

TIMELINE_COLUMNS = ["doc_id", "sent_id", "expression", "kind", "start", "end", "granularity",
                    "event_id", "quote"]  # fmt: skip
EXTRA_COLUMNS = ["char_start", "char_end", "relative", "resolved", "rule", "anchor", "note"]
EVENT_COLUMNS = ["event_id", "label", "start", "end", "kind", "patterns", "keywords", "episode",
                 "source", "note"]  # fmt: skip
SENTENCE_COLUMNS = ["doc_id", "sent_id", "para_id", "start", "end", "text"]
EVENT_KINDS = ("event", "period")
NEAR_DAYS = 183  # a sentence naming an event links its dates up to half a year away
UNRESOLVED = "no publication date: this relative expression cannot be resolved"
QUALIFIERS = {"new", "another", "second", "third", "fourth", "next", "future", "latest"}
NORMALIZE = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-",
                           "—": "-", "\u00a0": " "})  # fmt: skip

Span = tuple[date, date]

# -- spans and the anchor ------------------------------------------------------------------------


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
    return span


def iou(a: Span, b: Span) -> float:
    """Overlap of two inclusive day spans over their union (0 when disjoint)."""
    overlap = (min(a[1], b[1]) - max(a[0], b[0])).days + 1
    union = (max(a[1], b[1]) - min(a[0], b[0])).days + 1
    return max(overlap, 0) / union


def gap_days(a: Span, b: Span) -> int:
    """Days between two spans (0 when they overlap)."""
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


# -- the reference catalog -----------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogEvent:
    event_id: str
    label: str
    kind: str
    span: Span
    patterns: re.Pattern | None
    keywords: re.Pattern | None


def read_events(path: Path) -> pd.DataFrame:
    """The reference catalog (data/reference/events.csv), checked; one-line error if bad.

    Columns: event_id, label, start, end (YYYY-MM-DD, inclusive), kind (event | period),
    patterns (how a sentence names it: '|'-separated regexes, whole words, any case, curly
    quotes and dashes read as straight ones), keywords (cues that link an overlapping date in
    the same sentence), episode (a grouping label for the notebook), source (URL), note.
    """
    table = read_reference(path, EVENT_COLUMNS, "events")
    compile_catalog(table, str(path))
    return table


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


# -- what a rule finds ---------------------------------------------------------------------------


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


Rule = Callable[[re.Match, str, Anchor | None], "Found | None"]

MONTH = rf"(?P<month>(?:{FULL_MONTH})(?![a-z])|(?:{SHORT_MONTH})\b\.?)"
YEAR = r"(?<![\w$£€#/.,])(?P<year>1[89]\d\d|20\d\d)(?![\d%]|,\d|\.\d|s\b)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen"]  # fmt: skip
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ONES, TEENS = "|".join(NUMBER_WORDS[:9]), "|".join(NUMBER_WORDS)
NUMBER = rf"(?P<n>\d+|an?|{TEENS}|(?:{'|'.join(TENS)})(?:[- ](?:{ONES}))?)"
UNIT = r"(?P<unit>years?|months?|decades?|weeks?|days?)"
PART = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}  # months of a year
MONTH_PART = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}  # days of a month
DECADE_PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}  # years of a decade
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
RECENT = {"year": (5, "year"), "month": (6, "month"), "week": (4, "week"), "day": (7, "day"),
          "decade": (30, "year")}  # fmt: skip
NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:resolutions?|res|number|page|pages|route|flight|room|model|article|section|"
    r"chapter|paragraph|code|unit|hill|highway)|\b(?:no|nos|pp)\.|#)\s*$",
    re.IGNORECASE,
)  # fmt: skip
YEAR_PREPOSITIONS = {"in", "since", "until", "by", "before", "after", "from", "during", "of",
                     "through", "around", "circa", "early", "late", "mid"}  # fmt: skip
NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:troops|people|soldiers|men|women|km|kilomet\w+|miles|tons|tonnes|barrels|dollars|"
    r"yuan|won|units|members|missiles|casualties|deaths|feet|met(?:er|re)s|ft|m)\b",
    re.IGNORECASE,
)  # fmt: skip
MONTH_CUES = {"in", "since", "until", "till", "by", "last", "this", "next", "early", "late", "mid",
              "during", "before", "after", "from", "through", "of", "its", "that"}  # fmt: skip


def number(word: str) -> int:
    """'4' → 4, 'Four' → 4, 'a' → 1, 'seventy-five' → 75."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    if word in NUMBER_WORDS:
        return NUMBER_WORDS.index(word) + 1
    tens, _, ones = word.replace(" ", "-").partition("-")
    return (TENS.index(tens) + 2) * 10 + (NUMBER_WORDS.index(ones) + 1 if ones else 0)


def unit_of(word: str) -> str:
    return word.lower().rstrip("s")


def found(m: re.Match, kind: str, span: Span | None, granularity: str, rule: str,
          relative: bool = False) -> Found:  # fmt: skip
    """A Found for the whole match (note filled in when an anchored span is missing)."""
    note = UNRESOLVED if relative and span is None else ""
    return Found(m.start(), m.end(), kind, span, granularity, rule, relative, note)


def year_blocked(m: re.Match, text: str) -> bool:
    """True when the number is an identifier ("Resolution 2071") or a count ("2000 troops",
    unless a preposition makes it a year: "in 2016 people …")."""
    before = text[: m.start()]
    if NOT_YEAR_BEFORE.search(before):
        return True
    word = re.search(r"(\w+)\W*$", before)
    dated = word is not None and word.group(1).lower() in YEAR_PREPOSITIONS
    return not dated and bool(NOT_YEAR_AFTER.match(text[m.end() :]))


# -- the rules -----------------------------------------------------------------------------------


def _full_date(m: re.Match, text: str, anchor: Anchor | None) -> Found | None:
    try:
        day = date(int(m["year"]), month_number(m["month"]), int(m["day"]))
    except ValueError:
        return None
    return found(m, "date", (day, day), "day", "full date")


def _iso_date(m: re.Match, text: str, anchor: Anchor | None) -> Found | None:
    try:
        day = date.fromisoformat(m.group())
    except ValueError:
        return None
    return found(m, "date", (day, day), "day", "full date")


def _day_range(m: re.Match, text: str, anchor: Anchor | None) -> Found | None:
    year, month = int(m["year"]), month_number(m["month"])
    try:
        span = date(year, month, int(m["day"])), date(year, month, int(m["day2"]))
    except ValueError:
        return None
    return found(m, "date", span, "day", "day range") if span[0] < span[1] else None


def _month_part(m: re.Match, text: str, anchor: Anchor | None) -> Found | None:
    month = month_number(m["month"])
    year = int(m["year"]) if m["year"] else latest_month(month, anchor, None)
    if year is None:
        return found(m, "date", None, "month-part", "part of month", relative=True)
    first, last = MONTH_PART[m["part"].lower()]
    end = min(last, calendar.monthrange(year, month)[1])
    span = date(year, month, first), date(year, month, end)
    return found(m, "date", span, "month-part", "part of month", relative=not m["year"])


def _month_year(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    return found(m, "date", month_span(int(m["year"]), month_number(m["month"])), "month",
                 "month and year")  # fmt: skip


def _month_day(m: re.Match, text: str, anchor: Anchor | None) -> Found | None:
    """A date without a year: the latest such day on or before the anchor."""
    month, day = month_number(m["month"]), int(m["day"])
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None
    if anchor is None:
        return found(m, "date", None, "day", "date without year", relative=True)
    year = anchor.end.year
    while True:  # 29 February needs a leap year
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate and candidate <= anchor.end:
            return found(m, "date", (candidate, candidate), "day", "date without year", True)
        year -= 1


def _season(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    year, season = int(m["year"]), m["season"].lower()
    if season == "winter":
        span = date(year - 1, 12, 1), month_span(year, 2)[1]
    else:
        first, last = SEASONS[season]
        span = date(year, first, 1), month_span(year, last)[1]
    return found(m, "date", span, "season", "season")


def _year_part(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    part = {"start": "early", "beginning": "early", "middle": "mid", "end": "late"}.get(
        m["part"].lower(), m["part"].lower()
    )
    year = int(m["year"])
    first, last = PART[part]
    return found(m, "date", (date(year, first, 1), month_span(year, last)[1]), "year-part",
                 "part of year")  # fmt: skip


def _decade(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    decade = int(m["decade"])
    first, last = DECADE_PART[m["part"].lower()] if m["part"] else (0, 9)
    return found(m, "date", year_span(decade + first, decade + last), "decade", "decade")


def _year_range(m: re.Match, text: str, anchor: Anchor | None) -> Found | None:
    first, second = int(m["year"]), m["year2"]
    sep = m["sep"].strip().lower()
    if len(second) == 2 and sep not in "-/":
        return None  # "2019 and 20 years later"
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    between = re.search(r"\bbetween\s*$", text[: m.start()], re.IGNORECASE)
    contiguous = sep != "and" or last == first + 1 or between is not None
    if last <= first or not contiguous or year_blocked(m, text):
        return None
    return found(m, "date", year_span(first, last), "year", "year range")


def _year(m: re.Match, text: str, anchor: Anchor | None) -> Found | None:
    if year_blocked(m, text):
        return None
    return found(m, "date", year_span(int(m["year"])), "year", "year")


def _ago(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    unit = unit_of(m["unit"])
    granularity = "year" if unit == "decade" else unit
    if anchor is None:
        return found(m, "relative", None, granularity, "ago", relative=True)
    span = widen(shift(anchor, number(m["n"]), unit), unit)
    return found(m, "relative", span, granularity, "ago", relative=True)


def _last_n(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    """'over the last four years': from the anchor minus four years to the anchor."""
    unit = unit_of(m["unit"])
    plural_without_n = not m["n"] and m["unit"].lower().endswith("s")
    amount, unit_used = RECENT[unit] if plural_without_n else (number(m["n"] or "1"), unit)
    if anchor is None:
        return found(m, "relative", None, unit, "last n units", relative=True)
    return found(m, "relative", (shift(anchor, amount, unit_used)[0], anchor.end), unit,
                 "last n units", relative=True)  # fmt: skip


def _recent(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    amount, unit = RECENT[unit_of(m["unit"])] if m["unit"] else (1, "year")
    if anchor is None:
        return found(m, "relative", None, "vague", "recent", relative=True)
    return found(m, "relative", (shift(anchor, amount, unit)[0], anchor.end), "vague", "recent",
                 relative=True)  # fmt: skip


def _deictic(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    """last/this/next year|month|week, yesterday, today, tomorrow."""
    word = m.group().lower()
    step = {"last": 1, "this": 0, "next": -1, "yesterday": 1, "today": 0, "tomorrow": -1}
    words = word.split()
    amount, unit = step[words[0]], words[1] if len(words) > 1 else "day"
    if anchor is None:
        return found(m, "relative", None, unit, "deictic", relative=True)
    return found(m, "relative", widen(shift(anchor, amount, unit), unit), unit, "deictic", True)


def latest_month(month: int, anchor: Anchor | None, cue: str | None) -> int | None:
    """The year of the latest ``month`` up to the anchor's month (``cue`` last/next: strictly
    before/after it); None without an anchor."""
    if anchor is None:
        return None
    ref = anchor.end
    cue = (cue or "").lower()
    if cue == "next":
        return ref.year if month > ref.month else ref.year + 1
    if cue == "last":
        return ref.year if month < ref.month else ref.year - 1
    return ref.year if month <= ref.month else ref.year - 1


def _bare_month(m: re.Match, text: str, anchor: Anchor | None) -> Found | None:
    before = re.search(r"(\w+)\W*$", text[: m.start()])
    cue = m["cue"] or (before.group(1) if before else "")
    if cue.lower() not in MONTH_CUES and (
        m["month"] in ("May", "March") or re.match(r"\s+[A-Z]", text[m.end() :])
    ):
        return None  # "May" the verb, "March" the noun, "October Revolution" a name
    month = month_number(m["month"])
    year = latest_month(month, anchor, m["cue"])
    span = None if year is None else month_span(year, month)
    return found(m, "date", span, "month", "bare month", relative=True)


def _rules() -> list[tuple[re.Pattern, Rule]]:
    """(regex, handler) in priority order; the named-event rule runs before these."""
    i, year2 = re.IGNORECASE, r"(?P<year2>(?:1[89]|20)?\d\d)(?![\d%])"
    specs = [
        (r"\b(?:1[89]|20)\d\d-[01]\d-[0-3]\d\b", 0, _iso_date),
        (rf"{MONTH}\s+{DAY}\s*-\s*(?P<day2>[0-3]?\d),?\s+{YEAR}", 0, _day_range),
        (rf"\b{DAY}\s*-\s*(?P<day2>[0-3]?\d)\s+{MONTH},?\s+{YEAR}", 0, _day_range),
        (rf"{MONTH}\s+{DAY},?\s+{YEAR}", 0, _full_date),
        (rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}", 0, _full_date),
        (rf"\b(?P<part>(?i:early|mid|late))[- ]{MONTH}(?:,?\s+(?:of\s+)?{YEAR})?", 0, _month_part),
        (rf"{MONTH},?\s+(?:of\s+)?{YEAR}", 0, _month_year),
        (rf"{MONTH}\s+{DAY}(?![\d:-])", 0, _month_day),
        (rf"\b(?P<season>(?i:spring|summer|autumn|fall|winter))\s+(?:of\s+)?{YEAR}", 0, _season),
        (rf"\b(?P<part>early|mid|late)[- ]?(?:in\s+)?{YEAR}", i, _year_part),
        (rf"\b(?P<part>start|beginning|middle|end)\s+of\s+{YEAR}", i, _year_part),
        (r"\b(?:(?P<part>early|mid|late)[- ])?(?P<decade>1[89]\d0|20\d0)s\b", i, _decade),
        (rf"{YEAR}\s*(?P<sep>-|/|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*{year2}", i, _year_range),
        (YEAR, 0, _year),
        (rf"\b(?:(?:over|in|during|for|throughout|within)\s+)?the\s+(?:last|past|previous|"
         rf"preceding)\s+(?:{NUMBER}\s+)?{UNIT}\b", i, _last_n),
        (rf"(?<![\d,.])\b{NUMBER}\s+{UNIT}\s+ago\b", i, _ago),
        (r"\brecently\b|\b(?:in\s+)?recent\s+(?P<unit>years|months|weeks|decades)\b", i, _recent),
        (r"\b(?:(?:last|this|next)\s+(?:year|month|week)|yesterday|today|tomorrow)\b", i,
         _deictic),
        (rf"\b(?:(?P<cue>(?i:last|this|next))\s+)?(?P<month>{FULL_MONTH})\b(?!-)", 0, _bare_month),
    ]  # fmt: skip
    return [(re.compile(pattern, flags), handler) for pattern, flags, handler in specs]


RULES = _rules()

# -- tagging one sentence ------------------------------------------------------------------------


def named_events(text: str, catalog: list[CatalogEvent]) -> list[Found]:
    """Mentions of catalog events by name (not "a new/second/… <name>")."""
    hits = []
    for event in catalog:
        if event.patterns is None:
            continue
        for m in event.patterns.finditer(text):
            before = re.search(r"(\w+)\W*$", text[: m.start()])
            if before and before.group(1).lower() in QUALIFIERS:
                continue
            days = (event.span[1] - event.span[0]).days
            granularity = "period" if event.kind == "period" else "days" if days else "day"
            hits.append(Found(m.start(), m.end(), event.kind, event.span, granularity,
                              "named event", event_id=event.event_id))  # fmt: skip
    return sorted(hits, key=lambda f: (f.start, -(f.end - f.start)))


def tag_sentence(text: str, anchor: Anchor | None, catalog: list[CatalogEvent]) -> list[Found]:
    """Every expression in one sentence, non-overlapping, linked to catalog events, in order."""
    norm = text.translate(NORMALIZE)
    named = named_events(norm, catalog)
    claimed: list[Found] = []
    candidates: Iterable[Found] = named + [
        hit
        for regex, handler in RULES
        for m in regex.finditer(norm)
        if (hit := _resolve_match(handler, m, norm, anchor)) is not None
    ]
    for hit in candidates:
        if all(hit.end <= c.start or hit.start >= c.end for c in claimed):
            claimed.append(hit)
    ids = {f.event_id for f in named}
    near = [e for e in catalog if e.event_id in ids]
    linked = [
        f if f.event_id else replace(f, event_id=link(f, norm, near, catalog)) for f in claimed
    ]
    return sorted(linked, key=lambda f: f.start)


def _resolve_match(handler: Rule, m: re.Match, text: str, anchor: Anchor | None) -> Found | None:
    """``handler``'s Found; a span outside the calendar (year 1 to 9999, e.g. "3000 years ago")
    is kept as an unresolved row with a note rather than failing the run."""
    try:
        return handler(m, text, anchor)
    except (ValueError, OverflowError):
        return Found(m.start(), m.end(), "relative", None, "year", "out of range", True,
                     "outside the calendar this tagger resolves (years 1 to 9999)")  # fmt: skip


def link(hit: Found, text: str, named: list[CatalogEvent], catalog: list[CatalogEvent]) -> str:
    """The catalog event a dated expression refers to, or "" (see the module docstring)."""
    if hit.span is None:
        return ""
    close = [e for e in named if gap_days(hit.span, e.span) <= NEAR_DAYS]
    if close:
        return min(
            close, key=lambda e: (gap_days(hit.span, e.span), -iou(hit.span, e.span))
        ).event_id
    cued = [
        e
        for e in catalog
        if e.keywords is not None and e.keywords.search(text) and iou(hit.span, e.span) > 0
    ]
    return max(cued, key=lambda e: iou(hit.span, e.span)).event_id if cued else ""


# -- one document --------------------------------------------------------------------------------


def extract_timeline(
    sentences: pd.DataFrame, anchor: str | None, events: pd.DataFrame
) -> pd.DataFrame:
    """Temporal expressions of one document's sentences (timeline.csv rows, see the contract).

    ``sentences``: rows of sentences.csv for one doc; ``anchor``: its publication date
    (YYYY-MM-DD, YYYY-MM, YYYY or None); ``events``: the reference catalog.
    """
    missing = [c for c in SENTENCE_COLUMNS if c not in sentences.columns]
    if missing:
        raise InputError(f"sentences: missing column(s) {missing}")
    parsed, catalog = parse_anchor(anchor), compile_catalog(events)
    rows = []
    for sent in sentences.sort_values(["doc_id", "sent_id"]).itertuples(index=False):
        for hit in tag_sentence(str(sent.text), parsed, catalog):
            rows.append(_row(sent, hit, parsed))
    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS + EXTRA_COLUMNS)
    table[["char_start", "char_end"]] = table[["char_start", "char_end"]].astype("Int64")
    return table


def _row(sent, hit: Found, anchor: Anchor | None) -> dict:
    offset = None if pd.isna(sent.start) else int(sent.start)
    start, end = (d.isoformat() for d in hit.span) if hit.span else ("", "")
    return {
        "doc_id": sent.doc_id, "sent_id": int(sent.sent_id),
        "expression": str(sent.text)[hit.start : hit.end], "kind": hit.kind,
        "start": start, "end": end, "granularity": hit.granularity, "event_id": hit.event_id,
        "quote": str(sent.text),
        "char_start": None if offset is None else offset + hit.start,
        "char_end": None if offset is None else offset + hit.end,
        "relative": hit.relative, "resolved": hit.span is not None, "rule": hit.rule,
        "anchor": anchor.text if anchor else "", "note": hit.note,
    }  # fmt: skip


def extract_corpus_timeline(
    sentences: pd.DataFrame, anchors: dict[str, str | None], events: pd.DataFrame
) -> pd.DataFrame:
    """``extract_timeline`` for every document of ``sentences`` (doc_id order)."""
    frames = [
        extract_timeline(group, anchors.get(doc_id), events)
        for doc_id, group in sentences.groupby("doc_id", sort=True)
    ]
    empty = pd.DataFrame(columns=TIMELINE_COLUMNS + EXTRA_COLUMNS)
    return pd.concat(frames, ignore_index=True) if frames else empty


# -- anchors ------------------------------------------------------------------------------------


def resolve_anchor(
    dateline: str | None, published: str | None, override: str | None = None
) -> tuple[str | None, str]:
    """(anchor, source): the override, else the text's dateline, else the manifest's
    published date, else (None, "none")."""
    for value, source in ((override, "override"), (dateline, "dateline"), (published, "published")):
        if value not in (None, "") and not (isinstance(value, float) and pd.isna(value)):
            return str(value), source
    return None, "none"


def document_anchors(documents: pd.DataFrame, overrides: dict[str, str] | None = None):
    """doc_id, dateline, published, anchor, anchor_source for each row of documents.csv.

    ``dateline`` is the date the text's own dateline carries (parsed at ingest), ``published``
    the merged value (manifest included); ``overrides`` maps doc_id → date and wins.
    """
    overrides = overrides or {}
    unknown = sorted(set(overrides) - set(documents["doc_id"]))
    if unknown:
        raise InputError(f"anchor_overrides: unknown doc_id(s) {unknown}")
    for doc_id, value in overrides.items():
        parse_anchor(value, f"anchor_overrides[{doc_id!r}]")
    rows = []
    for doc in documents.sort_values("doc_id").itertuples(index=False):
        dateline = _published(getattr(doc, "dateline", None))
        published = _published(doc.published)
        anchor, source = resolve_anchor(dateline, published, overrides.get(doc.doc_id))
        parse_anchor(anchor, f"{doc.doc_id}: anchor")
        rows.append([doc.doc_id, dateline or "", published or "", anchor or "", source])
    return pd.DataFrame(
        rows, columns=["doc_id", "dateline", "published", "anchor", "anchor_source"]
    )


def _published(value) -> str | None:
    """documents.csv's published as text (pandas reads a bare year as a number)."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return None
    return str(int(value)) if isinstance(value, (int, float)) else str(value)
