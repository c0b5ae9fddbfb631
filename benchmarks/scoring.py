"""Scoring for `make eval`: gold quotes matched to system sentences, then counted.

Pure functions over pandas tables, no calls into the extraction helpers (see benchmarks.eval).
A gold row names its sentence by an exact quote substring; it is matched to every system
sentence of the same document whose text contains the quote (after quote-mark and whitespace
normalisation), so a paragraph the text repeats matches both copies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

CLAIM_FIELDS = ("actor", "lever", "direction", "stance", "holder", "voice")
NOT_PRODUCED = "n/a (not produced)"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

SentKey = tuple[str, str]  # (doc_id, sent_id)


def normalize(text: str) -> str:
    """Straight quotes, hyphens for dashes, single spaces: what a quote and a sentence share."""
    return re.sub(r"\s+", " ", str(text).translate(_QUOTES)).strip()


def locate(doc_id: str, quote: str, sentences: pd.DataFrame) -> list[SentKey]:
    """Keys of the sentences of ``doc_id`` whose text contains ``quote``.

    When no one sentence holds it (the tokenizer split inside the quote), the sentences the
    quote's first occurrence runs across in the joined text are returned instead.
    """
    needle = normalize(quote)
    doc = sentences[sentences["doc_id"] == doc_id]
    if not needle:
        return []
    texts = [(str(row.sent_id), normalize(row.text)) for row in doc.itertuples(index=False)]
    inside = [(doc_id, sent_id) for sent_id, text in texts if needle in text]
    return inside or _across(doc_id, needle, texts)


def _across(doc_id: str, needle: str, texts: list[tuple[str, str]]) -> list[SentKey]:
    joined, starts = "", []
    for _, text in texts:
        starts.append(len(joined))
        joined += text + " "
    at = joined.find(needle)
    if at < 0:
        return []
    end = at + len(needle)
    return [
        (doc_id, sent_id)
        for (sent_id, text), start in zip(texts, starts, strict=True)
        if start < end and at < start + len(text)
    ]


def ratio(num: int, den: int) -> float | None:
    """num/den, or None when there is nothing to divide."""
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean of precision and recall (None when either is undefined or both zero)."""
    if precision is None or recall is None or precision + recall == 0:
        return None
    return 2 * precision * recall / (precision + recall)


@dataclass
class ClaimScore:
    """Sentence-level detection counts and field accuracy on matched gold rows."""

    gold_units: int = 0
    unlocated: list[str] = field(default_factory=list)
    found_units: int = 0
    system_sentences: int = 0
    correct_sentences: int = 0
    nonclaims: int = 0
    nonclaims_flagged: int = 0
    matched_rows: int = 0
    field_correct: dict[str, int] = field(default_factory=dict)
    missing_fields: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return ratio(self.correct_sentences, self.system_sentences)

    @property
    def recall(self) -> float | None:
        return ratio(self.found_units, self.gold_units + len(self.unlocated))

    def accuracy(self, name: str) -> float | None:
        return ratio(self.field_correct.get(name, 0), self.matched_rows)


def _value(row, name: str) -> str:
    value = getattr(row, name, "")
    return "" if pd.isna(value) else str(value)


def best_row(gold: dict, candidates: list, fields: list[str]):
    """The candidate system row agreeing with ``gold`` on the most fields (first on ties)."""
    return max(candidates, key=lambda row: sum(_value(row, f) == gold[f] for f in fields))


def score_claims(
    gold: pd.DataFrame, nonclaims: pd.DataFrame, system: pd.DataFrame, sentences: pd.DataFrame
) -> ClaimScore:
    """Compare gold claim rows (text_id, quote, fields) with system position rows."""
    score = ClaimScore()
    produced = [f for f in CLAIM_FIELDS if f in system.columns]
    score.missing_fields = [f for f in CLAIM_FIELDS if f not in system.columns]
    by_sentence: dict[SentKey, list] = {}
    for row in system.itertuples(index=False):
        by_sentence.setdefault((str(row.doc_id), str(row.sent_id)), []).append(row)
    units: set[frozenset] = set()
    gold_sentences: set[SentKey] = set()
    for quote_row in gold[["text_id", "quote"]].drop_duplicates().itertuples(index=False):
        keys = locate(quote_row.text_id, quote_row.quote, sentences)
        if not keys:
            score.unlocated.append(f"{quote_row.text_id}: {quote_row.quote}")
            continue
        units.add(frozenset(keys))
        gold_sentences.update(keys)
    score.gold_units = len(units)
    score.found_units = sum(any(k in by_sentence for k in unit) for unit in units)
    score.system_sentences = len(by_sentence)
    score.correct_sentences = len(gold_sentences & set(by_sentence))
    for row in gold.to_dict("records"):
        keys = locate(row["text_id"], row["quote"], sentences)
        candidates = [r for k in keys for r in by_sentence.get(k, [])]
        if not candidates:
            continue
        score.matched_rows += 1
        chosen = best_row(row, candidates, produced)
        for name in produced:
            score.field_correct[name] = score.field_correct.get(name, 0) + (
                _value(chosen, name) == row[name]
            )
    for row in nonclaims.itertuples(index=False):
        keys = [k for k in locate(row.text_id, row.quote, sentences) if k not in gold_sentences]
        if keys:
            score.nonclaims += 1
            score.nonclaims_flagged += any(k in by_sentence for k in keys)
    return score


@dataclass
class TimexScore:
    """Expression detection counts, value accuracy and event-link accuracy on matches."""

    gold: int = 0
    unlocated: list[str] = field(default_factory=list)
    system: int = 0
    matched: int = 0
    valued: int = 0
    value_correct: int = 0
    linked_correct: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.matched, self.system)

    @property
    def recall(self) -> float | None:
        return ratio(self.matched, self.gold)

    @property
    def value_accuracy(self) -> float | None:
        return ratio(self.value_correct, self.valued)

    @property
    def link_accuracy(self) -> float | None:
        return ratio(self.linked_correct, self.matched)


Span = tuple[str, str, int, int]  # doc_id, sent_id, char start, char end in the sentence


def gold_span(row: dict, sentences: pd.DataFrame) -> Span | None:
    """Where a gold expression sits: its context's sentence and its offsets there."""
    context = row.get("context") or row["expression"]
    keys = locate(row["text_id"], context, sentences)
    if not keys:
        return None
    context, expression = normalize(context), normalize(row["expression"])
    doc_id, sent_id = keys[0]
    text = normalize(_sentence_text(sentences, doc_id, sent_id))
    if context not in text or expression not in context:
        return None  # context split across sentences, or a malformed gold row
    at = text.find(context) + context.find(expression)
    return doc_id, sent_id, at, at + len(expression)


def system_span(row, sentences: pd.DataFrame) -> Span | None:
    """Where a system timeline row's expression sits in its sentence (first occurrence)."""
    text = normalize(_sentence_text(sentences, str(row.doc_id), str(row.sent_id)))
    expression = normalize(row.expression)
    at = text.find(expression)
    if at < 0:
        return None
    return str(row.doc_id), str(row.sent_id), at, at + len(expression)


def _sentence_text(sentences: pd.DataFrame, doc_id: str, sent_id: str) -> str:
    hit = sentences[(sentences["doc_id"] == doc_id) & (sentences["sent_id"].astype(str) == sent_id)]
    return str(hit["text"].iloc[0]) if len(hit) else ""


def overlap(a: Span, b: Span) -> int:
    """Characters two spans of the same sentence share (0 for different sentences)."""
    if a[:2] != b[:2]:
        return 0
    return max(0, min(a[3], b[3]) - max(a[2], b[2]))


def values_agree(gold: dict, row) -> bool:
    """The bounds the gold row gives (non-empty start/end) equal the system's."""
    return all(not gold[b] or _value(row, b) == gold[b] for b in ("start", "end"))


def score_timex(gold: pd.DataFrame, system: pd.DataFrame, sentences: pd.DataFrame) -> TimexScore:
    """Match gold expressions to system timeline rows by overlapping text, one to one."""
    score = TimexScore(gold=len(gold), system=len(system))
    spans = [(row, system_span(row, sentences)) for row in system.itertuples(index=False)]
    free = [i for i, (_, span) in enumerate(spans) if span is not None]
    for row in gold.fillna("").to_dict("records"):
        span = gold_span(row, sentences)
        if span is None:
            score.unlocated.append(f"{row['text_id']}: {row['expression']}")
            continue
        best = max(free, key=lambda i: overlap(span, spans[i][1]), default=None)
        if best is None or overlap(span, spans[best][1]) == 0:
            continue
        free.remove(best)
        chosen = spans[best][0]
        score.matched += 1
        if row["start"] or row["end"]:
            score.valued += 1
            score.value_correct += values_agree(row, chosen)
        score.linked_correct += _value(chosen, "event_id") == row["event_id"]
    return score
