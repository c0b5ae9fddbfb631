"""Shared fixtures: the seed articles, scratch workspaces, one full pipeline run and the
compiled reference tables with positions extracted from synthetic sentences."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from helpers.actors import Actors, find_mentions, load_actors
from helpers.contract import CONTRACT
from helpers.corpus import ingest_corpus, parse_document
from helpers.levers import Levers, load_levers
from helpers.paths import REPO_ROOT
from helpers.pipeline import run
from helpers.positions import extract_positions
from helpers.tokenize import sentences_for_corpus, sentences_for_doc, tokens_for_corpus

SEED_RAW = REPO_ROOT / "data" / "raw"
SEEDS = ("nk-china-help", "nk-proliferation-deal")


def make_workspace(root: Path, raw_from: Path = SEED_RAW) -> Path:
    """A workspace under ``root`` whose data/raw is a copy of ``raw_from``."""
    shutil.copytree(raw_from, root / "data" / "raw")
    return root


def paragraph_rows(doc_id: str, paragraphs: list[str]) -> tuple[str, pd.DataFrame]:
    """A cleaned text and its paragraphs.csv rows, as ingest would write them."""
    text = "\n\n".join(paragraphs) + "\n"
    rows, offset = [], 0
    for para_id, para in enumerate(paragraphs, start=1):
        rows.append((doc_id, para_id, offset, offset + len(para), para, False, ""))
        offset += len(para) + 2
    return text, pd.DataFrame(rows, columns=CONTRACT["paragraphs"])


def sentences_of(*texts: str, doc_id: str = "syn") -> pd.DataFrame:
    """Sentence rows for texts joined by one space, as sentences.csv would hold them."""
    rows, start = [], 0
    for i, text in enumerate(texts, start=1):
        rows.append((doc_id, i, 1, start, start + len(text), text))
        start += len(text) + 1
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "para_id", "start", "end", "text"])


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A fresh workspace holding the seed articles."""
    return make_workspace(tmp_path / "ws")


@pytest.fixture(scope="module")
def seeds():
    """The seed articles after ingest, with their sentence and token tables."""
    corpus = ingest_corpus(SEED_RAW)
    sentences = sentences_for_corpus(corpus.texts, corpus.paragraphs)
    return corpus, sentences, tokens_for_corpus(corpus.texts, sentences)


@pytest.fixture(scope="module")
def seed_docs() -> dict:
    """The seeds parsed by the real ingest: doc_id → ParsedDocument."""
    return {n: parse_document(SEED_RAW / f"{n}.txt") for n in SEEDS}


@pytest.fixture(scope="module")
def seed_sentences(seed_docs: dict) -> pd.DataFrame:
    """The seeds' sentences from the real tokenizer (helpers.tokenize.sentences_for_doc)."""
    frames = [sentences_for_doc(d.doc_id, d.text, d.paragraphs) for d in seed_docs.values()]
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="session")
def pipeline_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole pipeline, run once on the seeds into a temporary workspace."""
    root = make_workspace(tmp_path_factory.mktemp("pipeline"))
    assert run(root=str(root)) == 0
    return root


@dataclass(frozen=True)
class Reference:
    """The repository's actors and levers tables, compiled."""

    actors: Actors
    levers: Levers


@pytest.fixture(scope="session")
def reference() -> Reference:
    """data/reference/actors.csv and levers.csv, compiled once for the session."""
    return Reference(load_actors(), load_levers())


@pytest.fixture(scope="session")
def positions_of(reference: Reference) -> Callable[..., pd.DataFrame]:
    """positions.csv rows of one document whose sentences are the given texts (``lever_words``:
    the keyword fallback, none by default)."""

    def positions_of(
        *texts: str, doc_id: str = "syn", addressee: str = "United States", lever_words=None
    ) -> pd.DataFrame:
        sentences = sentences_of(*texts, doc_id=doc_id)
        mentions = find_mentions(sentences, reference.actors)
        return extract_positions(
            sentences, mentions, reference.actors, reference.levers, addressee, lever_words
        )

    return positions_of


ROW_FIELDS = ["sent_id", "holder", "voice", "actor", "lever", "direction", "stance", "actor_source"]


@pytest.fixture(scope="session")
def rows(positions_of: Callable[..., pd.DataFrame]) -> Callable[..., list[tuple]]:
    """ROW_FIELDS of each positions row of one document whose sentences are the given texts
    (test modules needing other fields define their own ``rows``)."""

    def rows(*texts: str) -> list[tuple]:
        return list(positions_of(*texts)[ROW_FIELDS].itertuples(index=False, name=None))

    return rows
