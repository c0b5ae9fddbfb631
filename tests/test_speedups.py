"""The speed-ups give the same answers as the code they shortcut, on the seeds and dev texts."""

from __future__ import annotations

import re

import pytest
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer

from helpers.actors import _needles, load_actors, spans_in
from helpers.corpus import ingest_corpus
from helpers.paths import REPO_ROOT
from helpers.tokenize import load_abbreviations, sentence_splitter
from tests.conftest import SEED_RAW

DEV_TEXTS = REPO_ROOT / "data" / "dev" / "texts"


def _plain_punkt(text: str, abbreviations: frozenset[str]) -> PunktSentenceTokenizer:
    """sentence_splitter as it was, with NLTK's own token class."""
    trainer = PunktTrainer()
    trainer.train(text, finalize=True)
    params: PunktParameters = trainer.get_params()
    params.abbrev_types = set(abbreviations) | {a for a in params.abbrev_types if "." in a}
    return PunktSentenceTokenizer(params)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {**ingest_corpus(SEED_RAW).texts, **ingest_corpus(DEV_TEXTS).texts}


def test_punkt_with_the_cached_token_splits_exactly_as_nltk_does(texts):
    abbreviations = load_abbreviations()
    for doc_id, text in texts.items():
        ours, plain = sentence_splitter(text, abbreviations), _plain_punkt(text, abbreviations)
        assert ours._params.ortho_context == plain._params.ortho_context, doc_id
        assert ours._params.sent_starters == plain._params.sent_starters, doc_id
        assert ours._params.collocations == plain._params.collocations, doc_id
        assert list(ours.span_tokenize(text)) == list(plain.span_tokenize(text)), doc_id


def test_needles_are_the_literals_every_match_contains():
    assert _needles(re.compile(r"(?<!\w)(?:North Korea(?:ns?)?)(?!\w)")) == ("North Korea",)
    assert _needles(re.compile(r"(?:White House|Pentagon)")) == ("Pentagon", "White House")
    assert _needles(re.compile(r"(?:[Tt]he )?Kim (?:regime|dynasty)")) == ("dynasty", "regime")
    assert _needles(re.compile(r"\w+ly")) == ("ly",)
    assert _needles(re.compile(r"(?i)china")) == ()  # case-insensitive: no shortcut
    assert _needles(re.compile(r"[A-Z]\w+")) == ()


def _spans_by_brute_force(text: str, aliases) -> list[tuple[int, int, object]]:
    found = [(m.start(), m.end(), i) for i, alias in enumerate(aliases)
             for m in alias.regex.finditer(text) if m.end() > m.start()]  # fmt: skip
    found.sort(key=lambda f: (f[0] - f[1], f[0], f[2]))
    taken: list[tuple[int, int, object]] = []
    for start, end, i in found:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, aliases[i]))
    return sorted(taken, key=lambda t: t[0])


def test_spans_in_finds_what_running_every_alias_finds(texts):
    aliases = load_actors().aliases
    paragraphs = [p for text in texts.values() for p in text.split("\n") if p.strip()]
    assert sum(bool(spans_in(p, aliases)) for p in paragraphs) > 50
    for paragraph in paragraphs:
        assert spans_in(paragraph, aliases) == _spans_by_brute_force(paragraph, aliases)
