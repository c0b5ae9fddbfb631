"""Lever keywords: a lever learned from the gold for claims the lever patterns give "other".

data/reference/lever_keywords.csv (made by scripts/lever_keywords.py, see ``derive_keywords``)
has one row per (lever, stem): a Snowball (Porter2) stem of a word that the gold claims of that
lever use, with ``count`` (how many evidence units of the lever hold the stem: distinct gold
claim quotes of data/dev/gold_claims.csv and data/dev/seeds/gold_claims.csv, and the
levers.csv rows, pattern words and note together) and ``share`` (count / the units of any
lever, "other" included, holding it). A stem is kept when it is frequent (count >=
``min_count``) and specific (share >= ``min_share``); the thresholds (2 and 0.6) come from
leave-one-batch-out cross-validation (``python -m benchmarks.lever_cv``, ten folds: held-fold
lever accuracy 0.62 → 0.66 mean over the folds, direction 0.74 → 0.80). Count 1 ties on lever
(0.656 against 0.655) with direction 0.82, but keeps 720 stems seen once, against 130: the
smaller table was kept. Gold quotes a lever
pattern matches are left out: the fallback is only asked about claims no pattern matches, and
the pattern words of levers.csv come in through its own rows. Stop words
(data/reference/stopwords.csv) and actor names (the spans actors.csv patterns match) never
become stems.

``LeverWords.propose(text)``: the stems of ``text`` looked up in the table; each lever scores
the sum of its stems' shares and the highest wins (ties: more stems, then table order); a lever
"other" winning, or no stem found, proposes nothing (None). It is the fallback of
``helpers.positions._claim_levers`` only: a pattern lever, or the levers an anaphor points back
to, are never overridden.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from nltk.stem.snowball import SnowballStemmer

from helpers.actors import Actors, alias_prefilter, spans_in
from helpers.errors import InputError
from helpers.levers import Levers
from helpers.paths import reference_file
from helpers.tables import read_reference

KEYWORD_COLUMNS = ["lever", "stem", "count", "share", "note", "source"]
OTHER = "other"
WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
REGEX_ESCAPE = re.compile(r"\\[A-Za-z]")  # \w, \s, \b in a pattern are no words
MIN_LETTERS = 3  # shorter words ("un", "go", "ok") carry no lever
_STEMMER = SnowballStemmer("english")  # Porter2; pure Python, nothing to download


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball English stem of a lower-case word."""
    return _STEMMER.stem(word)


def stems(text: str, stopwords: frozenset[str] = frozenset()) -> list[str]:
    """Distinct stems of ``text``'s words in order: lower-cased, a final "'s" dropped, words in
    ``stopwords`` or shorter than ``MIN_LETTERS`` skipped."""
    out: dict[str, None] = {}
    for word in WORD.findall(text.lower().replace("’", "'")):
        if word in stopwords:
            continue
        word = word.removesuffix("'s").replace("'", "")
        if len(word) >= MIN_LETTERS and word not in stopwords:
            out[stem(word)] = None
    return list(out)


@dataclass(frozen=True, eq=False)
class LeverWords:
    """The lever keyword table compiled once: stem → (lever, share) pairs (picklable)."""

    table: pd.DataFrame
    weights: dict[str, tuple[tuple[str, float], ...]]
    order: dict[str, int]  # lever → its first row (ties go to the earlier lever)

    @classmethod
    def from_table(cls, table: pd.DataFrame, source: str = "lever keywords table") -> LeverWords:
        """Validate and compile lever_keywords.csv rows; a one-line error names a bad row."""
        weights: dict[str, list[tuple[str, float]]] = {}
        order: dict[str, int] = {}
        for number, (lever, word, share) in enumerate(
            zip(table["lever"], table["stem"], table["share"], strict=True), start=2
        ):
            lever, word = str(lever).strip(), str(word).strip()
            try:
                value = float(share)
            except ValueError:
                value = -1.0
            if not lever or not word or not 0 < value <= 1:
                raise InputError(
                    f"{source}: row {number} needs a lever, a stem and a share in (0, 1]"
                )
            weights.setdefault(word, []).append((lever, value))
            order.setdefault(lever, number)
        return cls(table, {w: tuple(p) for w, p in weights.items()}, order)

    def scores(self, text: str) -> dict[str, tuple[float, int]]:
        """lever → (sum of shares, stems) over the table's stems in ``text``."""
        found: dict[str, tuple[float, int]] = {}
        for word in stems(text):
            for lever, share in self.weights.get(word, ()):
                total, hits = found.get(lever, (0.0, 0))
                found[lever] = (total + share, hits + 1)
        return found

    def propose(self, text: str) -> str | None:
        """The lever ``text``'s stems name most (module docstring), or None."""
        found = self.scores(text)
        if not found:
            return None
        best = max(found, key=lambda lever: (*found[lever], -self.order[lever]))
        return None if best == OTHER else best


def load_lever_words(path: str | Path | None = None) -> LeverWords:
    """Read and compile lever_keywords.csv (default: data/reference/lever_keywords.csv)."""
    path = Path(path) if path else reference_file("lever_keywords.csv")
    table = read_reference(path, ["lever", "stem", "share"], "lever keywords")
    return LeverWords.from_table(table, str(path))


# -- derivation (scripts/lever_keywords.py, benchmarks/lever_cv.py) ----------------------------


@dataclass(frozen=True)
class Thresholds:
    """What a stem needs to be kept: ``min_count`` units of its lever, ``min_share`` of all."""

    min_count: int = 2
    min_share: float = 0.6


def masked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` (actor names) blanked out."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def gold_units(gold: pd.DataFrame, levers: Levers | None = None) -> list[tuple[str, str]]:
    """(lever, quote) per distinct (text_id, quote, lever) of gold claim rows, in order; with
    ``levers``, only the quotes no lever pattern matches (those the fallback is asked about)."""
    rows = gold[["text_id", "quote", "lever"]].astype(str).drop_duplicates()
    units = [(lever, quote) for _, quote, lever in rows.itertuples(index=False)]
    return [u for u in units if not levers.matches(u[1])] if levers is not None else units


def lever_units(levers: pd.DataFrame) -> list[tuple[str, str]]:
    """(lever, words) per levers.csv row: its pattern's literal words and its note."""
    return [
        (str(lever).strip(), f"{REGEX_ESCAPE.sub(' ', str(pattern))} {note}")
        for lever, pattern, note in levers[["lever", "pattern", "note"]].itertuples(index=False)
    ]


def load_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """The words of stopwords.csv (default: data/reference/stopwords.csv)."""
    path = Path(path) if path else reference_file("stopwords.csv")
    return frozenset(read_reference(path, ["word"], "stop words")["word"].str.strip().str.lower())


def actor_spans(actors: Actors) -> Callable[[str], list[tuple[int, int]]]:
    """A function giving the spans of ``text`` that name an actor (its aliases)."""
    prefilter = alias_prefilter(actors.aliases)
    return lambda text: [(s, e) for s, e, _ in spans_in(text, actors.aliases, prefilter)]


def keyword_table(
    gold: pd.DataFrame,
    levers: Levers,
    actors: Actors,
    thresholds: Thresholds = Thresholds(),
    stopwords: frozenset[str] | None = None,
    source: str = "",
) -> pd.DataFrame:
    """``derive_keywords`` from gold claim rows (as read from CSV) whose quote no pattern of
    ``levers`` matches, and from the rows of ``levers``' own table."""
    stopwords = load_stopwords() if stopwords is None else stopwords
    units = gold_units(gold, levers)
    patterns = lever_units(levers.table)
    return derive_keywords(units, patterns, stopwords, actor_spans(actors), thresholds, source)


def derive_keywords(
    gold: Sequence[tuple[str, str]],
    patterns: Sequence[tuple[str, str]],
    stopwords: frozenset[str],
    actor_spans,
    thresholds: Thresholds = Thresholds(),
    source: str = "",
) -> pd.DataFrame:
    """lever_keywords.csv rows from (lever, text) evidence units: ``gold`` (claim quotes) and
    ``patterns`` (levers.csv rows); ``actor_spans(text)`` gives the actor names to drop.
    Rows sorted by lever, then count (most first), then stem."""
    counts: dict[str, Counter] = {}  # stem → lever → units
    origin: dict[tuple[str, str], Counter] = {}  # (lever, stem) → units per origin
    for kind, units in (("gold", gold), ("levers.csv", patterns)):
        for lever, text in units:
            for word in stems(masked(text, actor_spans(text)), stopwords):
                counts.setdefault(word, Counter())[lever] += 1
                origin.setdefault((lever, word), Counter())[kind] += 1
    rows = []
    for word, by_lever in counts.items():
        total = sum(by_lever.values())
        for lever, count in by_lever.items():
            share = count / total
            if count >= thresholds.min_count and share >= thresholds.min_share:
                made = origin[(lever, word)]
                note = " + ".join(f"{made[k]} {k}" for k in ("gold", "levers.csv") if made[k])
                note = f"{note} of the {total} units holding it"
                rows.append((lever, word, count, round(share, 3), note, source))
    rows.sort(key=lambda r: (r[0], -r[2], r[1]))
    return pd.DataFrame(rows, columns=KEYWORD_COLUMNS)
