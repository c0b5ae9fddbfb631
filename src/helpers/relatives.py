"""Temporal rules beyond the calendar forms of ``helpers.daterules``: the forward and
part-of-unit deictics ("within the next three months", "three years from now", "earlier this
month", "this winter"), decades with apostrophes ("the 1990's", "the late '90s"), and
expressions relative to the previous date in the text ("two years later", "that summer",
"the eight months that followed"), which a rule marks ``pending`` and ``resolve_previous``
settles once the whole document is tagged.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from helpers.daterules import (
    DECADE_PART,
    NUMBER,
    SEASONS,
    UNIT,
    Rule,
    found,
    number,
    unit_of,
)
from helpers.timespans import (
    Anchor,
    Found,
    Span,
    is_open,
    month_span,
    shift,
    widen,
    year_span,
)

VAGUE_AMOUNT = r"(?P<vague>a\s+few|several|some|many)"
NO_PREVIOUS = "relative to an earlier date, but the text has none before it"
VAGUE = "vague: how far from the earlier date is not said"


def season_span(year: int, season: str) -> Span:
    """Meteorological seasons; winter YYYY runs from December YYYY to February YYYY+1."""
    if season == "winter":
        return date(year, 12, 1), month_span(year + 1, 2)[1]
    first, last = SEASONS["autumn" if season == "fall" else season]
    return date(year, first, 1), month_span(year, last)[1]


def nearest_season(season: str, anchor: Anchor, cue: str) -> Span:
    """'this winter': the one holding the anchor, else the nearest; 'last'/'next': strictly
    before/after the anchor."""
    spans = [season_span(y, season) for y in range(anchor.end.year - 2, anchor.end.year + 2)]
    if cue == "last":
        return max((s for s in spans if s[1] < anchor.start), key=lambda s: s[0])
    if cue == "next":
        return min((s for s in spans if s[0] > anchor.end), key=lambda s: s[0])

    def distance(span: Span) -> int:
        return max((span[0] - anchor.end).days, (anchor.start - span[1]).days, 0)

    return min(spans, key=distance)


def _deictic_season(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    if anchor is None:
        return found(m, "relative", None, "season", "deictic season", relative=True)
    span = nearest_season(m["season"].lower(), anchor, m["cue"].lower())
    return found(m, "relative", span, "season", "deictic season", relative=True)


def _part_of_this(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    """'earlier this month': the unit's start to the anchor; 'later this year': to its end."""
    unit = m["unit"].lower()
    if anchor is None:
        return found(m, "relative", None, unit, "part of this unit", relative=True)
    whole = widen((anchor.start, anchor.end), unit)
    span = (whole[0], anchor.end) if m["side"].lower() == "earlier" else (anchor.start, whole[1])
    return found(m, "relative", span, unit, "part of this unit", relative=True)


def _next_n(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    """'within the next three months': from the anchor to three months after it."""
    unit = unit_of(m["unit"])
    if anchor is None:
        return found(m, "relative", None, unit, "next n units", relative=True)
    amount = number(m["n"] or "1")
    return found(m, "relative", (anchor.start, shift(anchor, -amount, unit)[1]), unit,
                 "next n units", relative=True)  # fmt: skip


def _from_now(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    """'three years from now': the anchor moved forward, widened to the unit."""
    unit = unit_of(m["unit"])
    granularity = "year" if unit == "decade" else unit
    if anchor is None:
        return found(m, "relative", None, granularity, "from now", relative=True)
    span = widen(shift(anchor, -number(m["n"]), unit), unit)
    return found(m, "relative", span, granularity, "from now", relative=True)


def _short_decade(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    """ "the late '90s": the latest such decade not after the anchor (else the 1900s)."""
    tens = int(m["tens"])
    latest = anchor.end.year if anchor else 1999
    decade = 2000 + 10 * tens if 2000 + 10 * tens <= latest else 1900 + 10 * tens
    first, last = DECADE_PART[m["part"].lower()] if m["part"] else (0, 9)
    return found(m, "date", year_span(decade + first, decade + last), "decade", "decade")


def _pending(relation: str, amount: int, unit: str, rule: str) -> Rule:
    def handler(m: re.Match, text: str, anchor: Anchor | None) -> Found:
        n = number(m["n"]) if "n" in m.groupdict() and m["n"] else amount
        u = unit_of(m["unit"]) if "unit" in m.groupdict() and m["unit"] else unit
        if "vague" in m.groupdict() and m["vague"]:
            return replace(found(m, "relative", None, "vague", rule, True), note=VAGUE)
        hit = found(m, "relative", None, "year" if u == "decade" else u, rule, relative=True)
        return replace(hit, note=NO_PREVIOUS, pending=(relation, n, u))

    return handler


def _that_unit(m: re.Match, text: str, anchor: Anchor | None) -> Found:
    """'that summer', 'that year', 'the following year': the unit of the previous date."""
    word = m["what"].lower()
    relation, unit = ("after" if m["following"] else "that"), word
    if word in SEASONS or word == "winter":
        relation, unit = ("that season", word)
    granularity = "season" if relation == "that season" else unit
    hit = found(m, "relative", None, granularity, "previous date's unit", relative=True)
    return replace(hit, note=NO_PREVIOUS, pending=(relation, 1, unit))


def resolve_pending(hit: Found, previous: Span | None) -> Found:
    """A ``pending`` expression settled against the previous date in the text (if any)."""
    if hit.pending is None or previous is None:
        return hit
    relation, amount, unit = hit.pending
    base = Anchor("", previous[0], previous[0])
    if relation == "later":
        span = widen(shift(base, -amount, unit), unit)
    elif relation == "followed":
        end = Anchor("", previous[1], previous[1])
        span = previous[1], shift(end, -amount, unit)[1]
    elif relation == "after":
        span = widen(shift(base, -1, unit), unit)
    elif relation == "that season":
        span = season_span(previous[0].year, unit)
    else:
        span = widen((previous[0], previous[0]), unit)
    return replace(hit, span=span, note="", pending=None)


def resolve_previous(hits: list[Found]) -> list[Found]:
    """``hits`` of one document in text order, each pending one resolved against the latest
    bounded, non-vague date before it."""
    previous: Span | None = None
    out = []
    for hit in hits:
        hit = resolve_pending(hit, previous)
        if hit.span is not None and not is_open(hit.span) and hit.granularity != "vague":
            previous = hit.span
        out.append(hit)
    return out


def relative_rules() -> list[tuple[re.Pattern, Rule]]:
    """(regex, handler), tried before ``helpers.daterules.RULES``."""
    i, season = re.IGNORECASE, r"(?P<season>spring|summer|autumn|fall|winter)"
    specs = [
        (rf"\b(?P<cue>this|last|next|the\s+coming)\s+{season}\b", i, _deictic_season),
        (r"\b(?P<side>earlier|later)\s+this\s+(?P<unit>year|month|week)\b", i, _part_of_this),
        (rf"\b(?:(?:over|in|during|for|throughout|within)\s+)?the\s+(?:next|coming)\s+"
         rf"(?:{NUMBER}\s+)?{UNIT}\b", i, _next_n),
        (rf"(?<![\d,.])\b{NUMBER}\s+{UNIT}\s+from\s+now\b", i, _from_now),
        (r"(?:\b(?P<part>early|mid|late)[- ])?(?<!\w)'(?P<tens>\d)0s\b", i, _short_decade),
        (rf"(?<![\d,.])\b(?:{NUMBER}|{VAGUE_AMOUNT})\s+{UNIT}\s+(?:later|afterwards?)\b", i,
         _pending("later", 1, "year", "later")),
        (rf"\bthe\s+(?:{NUMBER}\s+)?{UNIT}\s+that\s+followed\b", i,
         _pending("followed", 1, "year", "that followed")),
        (r"\b(?:that|(?P<following>the\s+following))\s+(?P<what>year|month|week|spring|summer|"
         r"autumn|fall|winter)\b", i, _that_unit),
    ]  # fmt: skip
    return [(re.compile(pattern, flags), handler) for pattern, flags, handler in specs]
