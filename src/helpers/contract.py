"""The data contract: the tables in data/processed/ and the columns each must have."""

from __future__ import annotations

import pandas as pd

from helpers.errors import InputError

CONTRACT: dict[str, list[str]] = {
    "documents": ["doc_id", "source_file", "title", "author", "published", "published_note",
                  "topic", "region", "tags", "n_paragraphs", "sha256"],
    "paragraphs": ["doc_id", "para_id", "start", "end", "text", "dropped", "drop_reason"],
    "sentences": ["doc_id", "sent_id", "para_id", "start", "end", "text"],
    "tokens": ["doc_id", "sent_id", "tok_id", "token", "norm", "start", "end", "is_stop",
               "is_punct"],
    "textstats": ["doc_id", "n_sentences", "n_tokens", "n_types", "mean_sentence_length",
                  "readability"],
    "timeline": ["doc_id", "sent_id", "expression", "kind", "start", "end", "granularity",
                 "event_id", "quote"],
    "mentions": ["doc_id", "sent_id", "actor", "alias", "start", "end"],
    "positions": ["doc_id", "sent_id", "holder", "voice", "actor", "lever", "direction", "stance",
                  "cue", "action", "quote"],
    "summaries": ["doc_id", "rank", "sent_id", "score", "text"],
}  # fmt: skip
STANCES = ("support", "oppose", "conditional", "neutral")
DIRECTIONS = ("more", "less", "none")
VOICES = ("author", "reported", "quoted")

# Column types when a table is read back; every other column is text (so a doc_id "001" or a
# published "2020" stays text and an empty cell is "").
INTEGERS: dict[str, list[str]] = {
    "documents": ["n_paragraphs", "n_dropped"],
    "paragraphs": ["para_id", "start", "end"],
    "sentences": ["sent_id", "para_id", "start", "end"],
    "tokens": ["sent_id", "tok_id", "start", "end"],
    "textstats": ["n_paragraphs", "n_sentences", "n_tokens", "n_words", "n_types"],
    "timeline": ["sent_id"],
    "mentions": ["sent_id", "start", "end"],
    "positions": ["sent_id"],
    "summaries": ["rank", "sent_id"],
}
FLOATS: dict[str, list[str]] = {
    "textstats": ["mean_sentence_length", "syllables_per_word", "readability"],
    "summaries": ["score"],
}
BOOLEANS: dict[str, list[str]] = {
    "paragraphs": ["dropped"],
    "tokens": ["is_stop", "is_punct"],
}


def missing_columns(name: str, table: pd.DataFrame) -> list[str]:
    """Contract columns of table ``name`` that ``table`` lacks."""
    return [c for c in CONTRACT[name] if c not in table.columns]


def check_contract(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """``table`` unchanged if it has every contract column of ``name``, else a one-line error."""
    missing = missing_columns(name, table)
    if missing:
        raise InputError(f"{name}.csv would lack contract column(s) {missing}")
    return table
