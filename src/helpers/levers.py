"""Policy levers: curated patterns (data/reference/levers.csv) and the levers a text names.

levers.csv has one row per pattern: ``lever`` (the lever's name), ``pattern`` (a
case-insensitive regular expression, matched on word boundaries), ``note`` and, optionally,
``polarity``: "less" when the phrase itself names a reduction of the lever ("sanctions relief",
"troops return home", "defense dependence" for burden-sharing), else empty. Polarity feeds the
direction of a claim (``helpers.direction``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.errors import InputError
from helpers.needles import Prefilter
from helpers.overlaps import longest_first
from helpers.paths import reference_file
from helpers.tables import read_reference

LEVER_COLUMNS = ["lever", "pattern", "note"]
POLARITIES = ("", "less")


@dataclass(frozen=True)
class LeverMatch:
    """One lever phrase found in a text: lever, offsets and the phrase's own polarity."""

    lever: str
    start: int
    end: int
    polarity: str


@dataclass(frozen=True, eq=False)
class Levers:
    """The levers table with its patterns compiled once (picklable, for worker processes)."""

    table: pd.DataFrame
    patterns: tuple[tuple[str, re.Pattern], ...]
    polarity: tuple[str, ...]
    prefilter: Prefilter  # skips the patterns a text cannot match

    @classmethod
    def from_table(cls, table: pd.DataFrame, source: str = "levers table") -> Levers:
        """Validate and compile ``table`` (levers.csv rows); one-line error naming a bad row."""
        patterns = tuple(compile_levers(table, source))
        polarity = tuple(table["polarity"]) if "polarity" in table.columns else ()
        for number, value in enumerate(polarity, start=2):
            if value not in POLARITIES:
                raise InputError(f"{source}: row {number}: polarity {value!r} is not '' or less")
        prefilter = Prefilter.of([regex for _, regex in patterns])
        return cls(table, patterns, polarity or ("",) * len(patterns), prefilter)

    def named_in(self, text: str) -> list[str]:
        """Levers named in ``text`` (see ``levers_in``)."""
        return levers_in(text, self.patterns, self.prefilter)

    def matches(self, text: str) -> list[LeverMatch]:
        """Lever phrases in ``text`` by position (longest first on overlap, as ``levers_in``)."""
        return [
            LeverMatch(self.patterns[i][0], s, e, self.polarity[i])
            for s, e, i in _taken(text, self.patterns, self.prefilter)
        ]


def load_levers(path: str | Path | None = None) -> Levers:
    """Read, validate and compile levers.csv (default: the repository's
    data/reference/levers.csv)."""
    path = Path(path) if path else reference_file("levers.csv")
    return Levers.from_table(read_reference(path, LEVER_COLUMNS, "levers"), str(path))


def compile_levers(
    levers: pd.DataFrame, source: str = "levers table"
) -> list[tuple[str, re.Pattern]]:
    """(lever, compiled pattern) per row, case-insensitive, on word boundaries."""
    compiled = []
    for number, (lever, pattern) in enumerate(
        zip(levers["lever"], levers["pattern"], strict=True), start=2
    ):
        if not lever.strip() or not pattern.strip():
            raise InputError(f"{source}: row {number} needs a lever and a pattern")
        try:
            compiled.append((lever.strip(), re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I)))
        except re.error as err:
            raise InputError(f"{source}: row {number}: bad pattern {pattern!r} ({err})") from None
    return compiled


def levers_in(
    text: str, compiled: Sequence[tuple[str, re.Pattern]], prefilter: Prefilter | None = None
) -> list[str]:
    """Levers named in ``text``, in levers.csv order, each once.

    Matches are taken longest first and may not overlap, so "sanctions relief" is matched by
    the relief lever only, not also for plain "sanctions".
    """
    taken = _taken(text, compiled, prefilter)
    return list(dict.fromkeys(compiled[i][0] for i in sorted(i for _, _, i in taken)))


def _taken(
    text: str, compiled: Sequence[tuple[str, re.Pattern]], prefilter: Prefilter | None
) -> list[tuple[int, int, int]]:
    """Non-overlapping (start, end, row) matches, longest first then leftmost, by start."""
    prefilter = prefilter or Prefilter.of([rx for _, rx in compiled])
    return longest_first(
        (m.start(), m.end(), i)
        for i in prefilter.candidates(text)  # the others cannot match
        for m in compiled[i][1].finditer(text)
    )
