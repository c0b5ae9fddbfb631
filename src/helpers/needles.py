"""Literal prefilters for regular expressions: skip the ones a text cannot match.

Most sentences hold no date, no actor name and no cue, yet every rule's regex was scanned over
every sentence. A regex's *needles* are strings one of which every match contains (read from
its parse tree: a run of literal characters, or a branch whose every alternative has needles);
a text holding none of them is not scanned. The answer is exact: a skipped regex would have
found nothing. A case-insensitive regex's needles are compared lower-cased, and only on ASCII
text (where lower-casing is exactly re's case folding); other texts scan every regex.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from re import _constants, _parser  # the regex parse tree

NO_SHORTCUT = ()


def needles(regex: re.Pattern) -> tuple[str, ...]:
    """Strings one of which every match of ``regex`` contains, lower-cased when it ignores
    case; () when none are known (an empty match, or an unfamiliar parse tree)."""
    return _needles(regex.pattern, regex.flags)


@lru_cache(maxsize=4096)
def _needles(pattern: str, flags: int) -> tuple[str, ...]:
    folded = bool(flags & re.IGNORECASE)
    try:
        found = _sequence_needles(list(_parser.parse(pattern, flags)), folded)
    except Exception:  # noqa: BLE001 - an unfamiliar parse tree only means no shortcut
        return NO_SHORTCUT
    if not found or not all(found):
        return NO_SHORTCUT
    if folded:
        found = tuple(sorted({n.lower() for n in found}))
        if not all(n.isascii() for n in found):
            return NO_SHORTCUT
    return found


def _sequence_needles(ops: list, folded: bool) -> tuple[str, ...] | None:
    """The best needles of a parsed sequence: its longest run of literal characters, or a
    branch whose every alternative has needles (then any of theirs). Repeats, classes and
    lookarounds are skipped (they need not consume the same characters); so is a subpattern
    that turns case-folding on inside a case-sensitive regex."""
    best: tuple[str, ...] | None = None
    run: list[str] = []
    for op, arg in [*ops, (None, None)]:
        if op is _constants.LITERAL:
            run.append(chr(arg))
            continue
        candidates = [("".join(run),)] if run else []
        run = []
        if op is _constants.BRANCH:
            parts = [_sequence_needles(list(branch), folded) for branch in arg[1]]
            if all(parts):
                candidates.append(tuple(sorted({n for part in parts for n in part})))
        elif op is _constants.SUBPATTERN and (folded or not arg[1] & re.IGNORECASE):
            candidates.append(_sequence_needles(list(arg[3]), folded))
        for found in candidates:
            if found and (best is None or min(map(len, found)) > min(map(len, best))):
                best = found
    return best


@dataclass(frozen=True)
class _Scan:
    """Which needles occur in a text: one alternation of them all, longest first, searched
    from each position after the last hit, finds every position where a needle starts with
    its longest needle there (any shorter one starting there is its prefix)."""

    regex: re.Pattern | None
    regexes_of: dict[str, frozenset[int]]  # needle → regexes it, or a prefix of it, admits

    @classmethod
    def of(cls, needles_per_regex: Sequence[tuple[str, ...]]) -> _Scan:
        owners: dict[str, set[int]] = {}
        for i, strings in enumerate(needles_per_regex):
            for needle in strings:
                owners.setdefault(needle, set()).add(i)
        if not owners:
            return cls(None, {})
        longest_first = sorted(owners, key=lambda n: (-len(n), n))
        regex = re.compile("|".join(map(re.escape, longest_first)))
        regexes_of = {
            needle: frozenset(i for other, ids in owners.items() if needle.startswith(other)
                              for i in ids)
            for needle in owners
        }  # fmt: skip
        return cls(regex, regexes_of)

    def admitted(self, text: str) -> set[int]:
        if self.regex is None:
            return set()
        found: set[int] = set()
        m = self.regex.search(text)
        while m:  # every position where a needle starts, each with its longest needle
            found |= self.regexes_of[m.group()]
            m = self.regex.search(text, m.start() + 1)
        return found


@dataclass(frozen=True)
class Prefilter:
    """The needles of a sequence of regexes, for ``candidates`` (picklable)."""

    exact: _Scan  # the case-sensitive regexes with needles
    folded: _Scan  # the case-insensitive ones, needles lower-cased
    folded_ids: frozenset[int]
    always: frozenset[int]  # regexes without needles: always scanned

    @classmethod
    def of(cls, regexes: Sequence[re.Pattern]) -> Prefilter:
        """The prefilter of ``regexes`` (built once per distinct list of patterns)."""
        return _prefilter(tuple((r.pattern, r.flags) for r in regexes))

    @classmethod
    def build(cls, patterns: tuple[tuple[str, int], ...]) -> Prefilter:
        found = [_needles(pattern, flags) for pattern, flags in patterns]
        ignore = [bool(flags & re.IGNORECASE) for _, flags in patterns]
        exact = [NO_SHORTCUT if i else n for n, i in zip(found, ignore, strict=True)]
        folded = [n if i else NO_SHORTCUT for n, i in zip(found, ignore, strict=True)]
        return cls(
            _Scan.of(exact),
            _Scan.of(folded),
            frozenset(i for i, n in enumerate(folded) if n),
            frozenset(i for i, n in enumerate(found) if not n),
        )

    def candidates(self, text: str) -> list[int]:
        """Indices, in order, of the regexes that may match ``text`` (the others cannot)."""
        hits = self.always | self.exact.admitted(text)
        if text.isascii():
            hits |= self.folded.admitted(text.lower())
        else:
            hits |= self.folded_ids
        return sorted(hits)


@lru_cache(maxsize=64)
def _prefilter(patterns: tuple[tuple[str, int], ...]) -> Prefilter:
    return Prefilter.build(patterns)
