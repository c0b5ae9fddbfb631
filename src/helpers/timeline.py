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

- (``helpers.relatives``, tried first) forward and part-of-unit deictics ("within the next
  three months", "three years from now", "earlier this month", "this winter"), decades with
  apostrophes ("the late '90s") and expressions relative to the previous date in the text
  ("two years later", "that summer", "the eight months that followed"; "a few months later"
  is vague: no span);
- (``helpers.timerelations``) "the Nth anniversary of <catalog event>" (its start plus N
  years), "the end/start of <period>" (its last/first day, in ``helpers.catalog``), and
  "prior to/before/after/since/until X" shifting or opening X's span (open bounds are empty).

Without an anchor, anchor-dependent rows are kept with empty start/end, ``resolved`` False
and a note. An expression is linked to a catalog event (``event_id``) when the sentence is
about it: it names the event and the spans overlap, else a keyword of the event stands in the
expression's clause and the spans overlap (see ``helpers.catalog.link``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

import pandas as pd

from helpers.catalog import (  # noqa: F401 (notebook 03 imports them here)
    CatalogEvent,
    EventCatalog,
    catalog_path,
    link,
    named_events,
    read_events,
)
from helpers.daterules import RULES as CALENDAR_RULES
from helpers.daterules import Rule
from helpers.errors import InputError
from helpers.executors import map_documents
from helpers.needles import Prefilter
from helpers.relatives import relative_rules, resolve_previous
from helpers.tables import concat_or_empty
from helpers.timerelations import anniversaries, shifted
from helpers.timespans import OPEN_END, OPEN_START, Anchor, Found, parse_anchor

TIMELINE_COLUMNS = ["doc_id", "sent_id", "expression", "kind", "start", "end", "granularity",
                    "event_id", "quote"]  # fmt: skip
EXTRA_COLUMNS = ["char_start", "char_end", "relative", "resolved", "rule", "anchor", "note"]
RULES = relative_rules() + CALENDAR_RULES  # the relative forms first ("earlier this month")
RULE_FILTER = Prefilter.of([regex for regex, _ in RULES])  # skips rules a sentence cannot match
SENTENCE_COLUMNS = ["doc_id", "sent_id", "para_id", "start", "end", "text"]
NORMALIZE = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-",
                           "—": "-", "\u00a0": " "})  # fmt: skip

# -- tagging one sentence ------------------------------------------------------------------------


def tag_sentence(text: str, anchor: Anchor | None, catalog: Sequence[CatalogEvent]) -> list[Found]:
    """Every expression in one sentence, non-overlapping, linked to catalog events, in order
    (an expression relative to an earlier date stays ``pending``: see ``extract_timeline``)."""
    norm = text.translate(NORMALIZE)
    named = named_events(norm, catalog)
    claimed: list[Found] = []
    candidates: Iterable[Found] = named + [
        hit
        for regex, handler in (RULES[i] for i in RULE_FILTER.candidates(norm))
        for m in regex.finditer(norm)
        if (hit := _resolve_match(handler, m, norm, anchor)) is not None
    ]
    for hit in candidates:
        if all(hit.end <= c.start or hit.start >= c.end for c in claimed):
            claimed.append(hit)
    claimed = [shifted(f, norm, anchor) for f in anniversaries(claimed, norm, catalog)]
    return sorted((_linked(f, norm, named, catalog) for f in claimed), key=lambda f: f.start)


def _linked(hit: Found, text: str, named: list[Found], catalog: Sequence[CatalogEvent]) -> Found:
    if hit.event_id:
        return hit
    ids = {f.event_id for f in named}
    near = [e for e in catalog if e.event_id in ids]
    return replace(hit, event_id=link(hit, text, near, catalog))


def _resolve_match(handler: Rule, m: re.Match, text: str, anchor: Anchor | None) -> Found | None:
    """``handler``'s Found; a span outside the calendar (year 1 to 9999, e.g. "3000 years ago")
    is kept as an unresolved row with a note rather than failing the run."""
    try:
        return handler(m, text, anchor)
    except (ValueError, OverflowError):
        return Found(m.start(), m.end(), "relative", None, "year", "out of range", True,
                     "outside the calendar this tagger resolves (years 1 to 9999)")  # fmt: skip


# -- one document --------------------------------------------------------------------------------


def extract_timeline(
    sentences: pd.DataFrame, anchor: str | None, events: EventCatalog
) -> pd.DataFrame:
    """Temporal expressions of one document's sentences (timeline.csv rows, see the contract).

    ``sentences``: rows of sentences.csv for one doc; ``anchor``: its publication date
    (YYYY-MM-DD, YYYY-MM, YYYY or None); ``events``: the compiled catalog (``read_events``).
    """
    missing = [c for c in SENTENCE_COLUMNS if c not in sentences.columns]
    if missing:
        raise InputError(f"sentences: missing column(s) {missing}")
    parsed, catalog = parse_anchor(anchor), events.events
    found = [
        (sent, hit)
        for sent in sentences.sort_values(["doc_id", "sent_id"]).itertuples(index=False)
        for hit in tag_sentence(str(sent.text), parsed, catalog)
    ]
    settled = resolve_previous([hit for _, hit in found])
    rows = []
    for (sent, before), hit in zip(found, settled, strict=True):
        if before.pending and hit.span is not None:  # keywords only: a named event in its
            norm = str(sent.text).translate(NORMALIZE)  # sentence is what it counts from
            hit = _linked(hit, norm, [], catalog)
        rows.append(_row(sent, hit, parsed))
    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS + EXTRA_COLUMNS)
    table[["char_start", "char_end"]] = table[["char_start", "char_end"]].astype("Int64")
    return table


def _row(sent, hit: Found, anchor: Anchor | None) -> dict:
    offset = None if pd.isna(sent.start) else int(sent.start)
    start, end = (_iso(d) for d in hit.span) if hit.span else ("", "")
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


def _iso(day) -> str:
    return "" if day in (OPEN_START, OPEN_END) else day.isoformat()


def extract_corpus_timeline(
    sentences: pd.DataFrame, anchors: dict[str, str | None], events: EventCatalog
) -> pd.DataFrame:
    """``extract_timeline`` for every document of ``sentences`` (doc_id order)."""
    groups = [(g, anchors.get(d), events) for d, g in sentences.groupby("doc_id", sort=True)]
    frames = map_documents(extract_timeline, groups)
    return concat_or_empty(frames, TIMELINE_COLUMNS + EXTRA_COLUMNS)


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
