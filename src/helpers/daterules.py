"""The date rules of the temporal tagger: one regex and one handler per kind of expression
(see ``helpers.timeline`` for the list), in priority order in ``RULES``."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from helpers.dates import FULL_MONTH, SHORT_MONTH, month_number
from helpers.timespans import Anchor, Found, Span, month_span, shift, widen, year_span

UNRESOLVED = "no publication date: this relative expression cannot be resolved"

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
        (r"\b(?:(?P<part>early|mid|late)[- ])?(?P<decade>1[89]\d0|20\d0)'?s\b", i, _decade),
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
