"""Finishing one report page: what its footer says, stable ids, a table of contents.

nbconvert renders the page; these functions make it the same bytes on every run (plotly's
random div ids, pandas Styler's random uuids and papermill's random parameters-cell id
become counters; only the footer's generation time changes) and add a table of contents
built from the page's own headings.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

TOC_MARK = "<!-- report-toc -->"
PLOTLY_DIV = re.compile(r"<div [^>]*\bplotly-graph-div\b[^>]*>")
UUID_ID = re.compile(r'\bid="([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"')
STYLER_ID = re.compile(r'\bid="T_([0-9a-f]{5})"')
HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)(?:<a class="anchor-link"[^>]*>.*?</a>)?</h\1>')
TAG = re.compile(r"<[^>]+>")
CELL_START = '<div class="jp-Cell '  # nbconvert's lab template opens each cell so


@dataclass(frozen=True)
class PageContext:
    """What a report's footer states and links: its run, its corpus, the tables it wrote."""

    parameters: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""
    n_articles: int = 0
    tables: tuple[str, ...] = ()  # site-relative links, e.g. data/sentences.csv
    generated: str = ""  # ISO time, UTC; the one part of a page that changes between runs
    standalone: bool = False

    def as_resources(self) -> dict[str, Any]:
        """The template's view: ``resources.report`` (values shown as ``name=value`` text)."""
        return {
            "parameters": {k: _shown(v) for k, v in self.parameters.items()},
            "fingerprint": self.fingerprint,
            "n_articles": self.n_articles,
            "tables": [(t, t.rsplit("/", 1)[-1]) for t in self.tables],
            "generated": self.generated,
            "standalone": self.standalone,
        }


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def stable_ids(page: str) -> str:
    """``page`` with plotly div ids as chart-1, chart-2 … and Styler uuids as T_s1, T_s2 …"""
    divs = [UUID_ID.search(tag) for tag in PLOTLY_DIV.findall(page)]
    for i, uid in enumerate(dict.fromkeys(m[1] for m in divs if m), start=1):
        page = page.replace(uid, f"chart-{i}")
    for i, uid in enumerate(dict.fromkeys(STYLER_ID.findall(page)), start=1):
        page = re.sub(rf"\bT_{uid}(?=[_\"\s{{,.:])", f"T_s{i}", page)
    return page


def headings(page: str) -> list[tuple[int, str, str]]:
    """(level, anchor id, text) of every h2 and h3, in page order."""
    return [
        (int(level), anchor, html.unescape(TAG.sub("", inner)).strip())
        for level, anchor, inner in HEADING.findall(page)
    ]


def table_of_contents(page: str) -> str:
    """A ``<nav class="toc">`` listing the page's h2 (and h3) headings; empty when under two."""
    found = headings(page)
    if len(found) < 2:
        return ""
    items = "".join(
        f'<li class="toc-h{level}"><a href="#{html.escape(anchor)}">{html.escape(text)}</a></li>'
        for level, anchor, text in found
    )
    return f'<nav class="toc" aria-label="Contents"><b>Contents</b><ol>{items}</ol></nav>'


def finish_page(page: str) -> str:
    """Stable ids, then the table of contents after the cell holding the page's title (the
    template's marker when there is no h1)."""
    page = stable_ids(page)
    toc = table_of_contents(page)
    title = page.find("</h1>")
    after = page.find(CELL_START, title) if title >= 0 else -1
    if after < 0:
        return page.replace(TOC_MARK, toc, 1)
    page = page[:after] + toc + page[after:]
    return page.replace(TOC_MARK, "", 1)
