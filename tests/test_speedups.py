"""The speed-ups give the same answers as the code they shortcut, on the seeds and dev texts."""

from __future__ import annotations

import re

import pytest
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer

from helpers.actors import load_actors, spans_in
from helpers.catalog import named_events
from helpers.corpus import ingest_corpus
from helpers.needles import Prefilter, needles
from helpers.paths import REPO_ROOT
from helpers.timeline import NORMALIZE, RULES, catalog_path, read_events
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
    assert needles(re.compile(r"(?<!\w)(?:North Korea(?:ns?)?)(?!\w)")) == ("North Korea",)
    assert needles(re.compile(r"(?:White House|Pentagon)")) == ("Pentagon", "White House")
    assert needles(re.compile(r"(?:[Tt]he )?Kim (?:regime|dynasty)")) == ("dynasty", "regime")
    assert needles(re.compile(r"\w+ly")) == ("ly",)
    assert needles(re.compile(r"[A-Z]\w+")) == ()
    assert needles(re.compile(r"a?")) == ()  # may match the empty string: no shortcut


def test_case_insensitive_needles_are_lower_cased_and_verbose_patterns_parsed():
    assert needles(re.compile(r"(?i)China|PRC")) == ("china", "prc")
    assert needles(re.compile(r"last \s+ (?:year|month)", re.I | re.X)) == ("last",)
    assert needles(re.compile(r"last \s+ (?:year|month)", re.I)) == ("last ",)
    # a case-folding group inside a case-sensitive pattern gives no case-sensitive needle
    assert needles(re.compile(r"(?i:early|late) [0-9]+")) == (" ",)


def test_prefilter_keeps_every_regex_that_can_match():
    regexes = [re.compile(r"U\.S\."), re.compile(r"(?i)summit"), re.compile(r"\d+"),
               re.compile(r"S\.A")]  # fmt: skip
    prefilter = Prefilter.of(regexes)
    assert prefilter.candidates("The U.S.A. SUMMIT") == [0, 1, 2, 3]  # overlapping needles
    assert prefilter.candidates("No match here") == [2]  # no needles: always scanned
    assert prefilter.candidates("Ｓummit in Seoul") == [1, 2]  # not ASCII: folded ones kept
    assert prefilter.candidates("the summit in 2018") == [1, 2]


def _brute_force(text: str, regexes: list[re.Pattern]) -> list[int]:
    return [i for i, regex in enumerate(regexes) if regex.search(text)]


def test_prefilter_of_the_date_rules_and_catalog_loses_no_match(texts):
    catalog = read_events(catalog_path("", REPO_ROOT)).events
    date_rules = [regex for regex, _ in RULES]
    names = [e.patterns for e in catalog if e.patterns is not None]
    sentences = [s.translate(NORMALIZE) for t in texts.values() for s in t.split(". ")]
    matched = 0
    for regexes in (date_rules, names):
        prefilter = Prefilter.of(regexes)
        for sentence in sentences:
            found = _brute_force(sentence, regexes)
            matched += len(found)
            assert set(found) <= set(prefilter.candidates(sentence)), sentence
    assert matched > 80
    hits = [named_events(s, catalog) for s in sentences]
    assert sum(map(len, hits)) > 10


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
