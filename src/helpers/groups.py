"""Groups of articles to compare: each article, or articles by author, outlet, year or a date.

``compare_by`` names the grouping: ``doc_id`` (each article), ``author``, ``outlet`` (the
dateline's Blog Brand, else the manifest's source), ``year``, ``published<YYYY-MM-DD`` (a
date split) or ``auto`` (each article up to ``MAX_GROUPS`` articles, else the first of
outlet, author, year that makes 2 … ``MAX_GROUPS`` groups, else outlet). Beyond
``MAX_GROUPS`` groups the largest ``MAX_GROUPS - 1`` are kept and the rest pooled as "other",
and ``Grouping.note`` says so: views built on a grouping stay bounded for any corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from helpers.errors import InputError

MAX_GROUPS = 6
FIELDS = ("doc_id", "author", "outlet", "year")
DATE_SPLIT = re.compile(r"published<(\d{4}-\d\d-\d\d)")
NAMES = {"doc_id": "article", "author": "author", "outlet": "outlet", "year": "year"}


@dataclass(frozen=True)
class Grouping:
    """doc_id → group label (``labels``), what it groups by, and a sentence saying so."""

    by: str
    labels: pd.Series
    note: str

    @property
    def groups(self) -> list[str]:
        """Group labels, largest first (ties by label), "other" last."""
        sizes = self.labels.value_counts()
        ordered = sorted(sizes.index, key=lambda g: (g.startswith("other ("), -sizes[g], g))
        return list(ordered)


def field_labels(documents: pd.DataFrame, by: str) -> pd.Series:
    """Each document's value of ``by`` (see the module docstring), "(unknown …)" when empty."""
    docs = documents.set_index("doc_id")

    def text(column: str) -> pd.Series:
        return docs.get(column, pd.Series("", index=docs.index)).fillna("").astype(str)

    if by == "doc_id":
        return pd.Series(docs.index, index=docs.index)
    if by == "author":
        values = text("author").replace("", "(unknown author)")
    elif by == "outlet":
        source = text("source").str.replace(r"\s*\(.*\)$", "", regex=True).map(_short)
        brand = text("blog_brand")
        values = brand.where(brand != "", source).replace("", "(unknown outlet)")
    elif by == "year":
        values = text("published").str[:4].where(text("published").str.match(r"\d{4}"), "(undated)")
    elif match := DATE_SPLIT.fullmatch(by):
        day, published = match[1], text("published")
        values = published.map(lambda p: _date_side(p, day))
    else:
        choices = ", ".join([*FIELDS, "published<YYYY-MM-DD", "auto"])
        raise InputError(f"compare_by: {by!r} is not one of {choices}")
    return values.rename("group")


def _short(label: str, width: int = 40) -> str:
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def _date_side(published: str, day: str) -> str:
    if not re.match(r"\d{4}", published):
        return "(undated)"
    return f"before {day}" if published < day else f"{day} or later"


def choose(documents: pd.DataFrame, compare_by: str) -> str:
    """The grouping ``auto`` stands for on ``documents``; any other value as given."""
    if compare_by != "auto":
        return compare_by
    if len(documents) <= MAX_GROUPS:
        return "doc_id"
    for by in ("outlet", "author", "year"):
        if 2 <= field_labels(documents, by).nunique() <= MAX_GROUPS:
            return by
    return "outlet"


def group_documents(documents: pd.DataFrame, compare_by: str = "auto") -> Grouping:
    """The grouping of ``documents`` (documents.csv rows) that ``compare_by`` names."""
    by = choose(documents, compare_by)
    labels = field_labels(documents, by)
    sizes = labels.value_counts()
    noun = NAMES.get(by, "publication date")
    pooled = ""
    if len(sizes) > MAX_GROUPS:
        kept = sorted(sizes.index, key=lambda g: (-sizes[g], g))[: MAX_GROUPS - 1]
        rest = sizes.drop(kept)
        other = f"other ({len(rest)} {noun}s)"
        labels = labels.where(labels.isin(kept), other)
        pooled = f"; the {MAX_GROUPS - 1} largest are shown and the other {len(rest)} pooled"
    how = "each article" if by == "doc_id" else f"articles grouped by {noun} (compare_by: {by})"
    note = (
        f"Compared: {how}, {len(sizes)} group{'s' if len(sizes) != 1 else ''} "
        f"over {len(labels)} article{'s' if len(labels) != 1 else ''}{pooled}."
    )
    return Grouping(by, labels, note)
