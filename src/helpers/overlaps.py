"""Longest-first, non-overlapping matches: how actor aliases and lever phrases claim text."""

from __future__ import annotations

from collections.abc import Iterable


def longest_first(found: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, row) matches that do not overlap, by start.

    Longer matches are taken first, then the leftmost, then the lower row, so "sanctions
    relief" wins over "sanctions" and "North Korea" over "Korea".
    """
    taken: list[tuple[int, int, int]] = []
    for start, end, row in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2])):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, row))
    return sorted(taken)
