"""helpers.tokenize: each tokenizer rule on synthetic text, sentences and offsets on the seeds."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.contract import CONTRACT
from helpers.errors import InputError
from helpers.tokenize import (
    is_punct,
    load_stopwords,
    normalize,
    sentences_for_doc,
    tokenize,
    tokens_for_doc,
)
from tests.conftest import paragraph_rows

PROLIFERATION = "nk-proliferation-deal"
CHINA_HELP = "nk-china-help"


def split(doc_id: str, paragraphs: list[str]) -> list[str]:
    text, rows = paragraph_rows(doc_id, paragraphs)
    return list(sentences_for_doc(doc_id, text, rows)["text"])


# -- tokenizer rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O’Brien and O'Brien", ["O’Brien", "and", "O'Brien"]),
        (
            "the DPRK’s test, the DPRK's test",
            ["the", "DPRK", "’s", "test", ",", "the", "DPRK", "'s", "test"],
        ),
        ("They don’t; we don't.", ["They", "do", "n’t", ";", "we", "do", "n't", "."]),
        ("can’t won’t isn't", ["ca", "n’t", "wo", "n’t", "is", "n't"]),
        (
            "we’re, they've, I’ll, he’d, I'm",
            ["we", "’re", ",", "they", "'ve", ",", "I", "’ll", ",", "he", "’d", ",", "I", "'m"],
        ),
        ("the governments’ visions", ["the", "governments", "’", "visions"]),
        ("Kim Jong-un’s regime", ["Kim", "Jong-un", "’s", "regime"]),
        ("in mid-2017 amid COVID-19", ["in", "mid-2017", "amid", "COVID-19"]),
        ("anti-aircraft and tete-a-tetes", ["anti-aircraft", "and", "tete-a-tetes"]),
        ("place on—sanctions", ["place", "on", "—", "sanctions"]),
        ("the short- and long-term", ["the", "short", "-", "and", "long-term"]),
        (
            "see https://www.cato.org/blog/x-y?id=3.",
            ["see", "https://www.cato.org/blog/x-y?id=3", "."],
        ),
        ("at www.example.com, then", ["at", "www.example.com", ",", "then"]),
        (
            "1,000 troops, 3.5 percent, the 70th year",
            ["1,000", "troops", ",", "3.5", "percent", ",", "the", "70th", "year"],
        ),
        ("the 1990s and 10:30 on 2020-11-19", ["the", "1990s", "and", "10:30", "on", "2020-11-19"]),
        ("the U.S. and China", ["the", "U.S.", "and", "China"]),
        ("U.S.-PRC and China-U.S. ties", ["U.S.-PRC", "and", "China-U.S.", "ties"]),
        ("Robert C. O’Brien said", ["Robert", "C.", "O’Brien", "said"]),
        ("Mr. Smith met Gen. Lee", ["Mr.", "Smith", "met", "Gen.", "Lee"]),
        ("Plan B.", ["Plan", "B", "."]),
        (
            "“Maximum pressure” (so-called)...",
            ["“", "Maximum", "pressure", "”", "(", "so-called", ")", "..."],
        ),
        ("missile/nuclear testing", ["missile", "/", "nuclear", "testing"]),
    ],
)
def test_tokenizer_rules(text, expected):
    assert tokenize(text) == expected


def test_norm_folds_case_and_quotes():
    assert [normalize(t) for t in ["O’Brien", "’s", "n’t", "“", "U.S."]] == [
        "o'brien", "'s", "n't", '"', "u.s.",
    ]  # fmt: skip


def test_punct_and_stopword_flags():
    assert [is_punct(t) for t in ["—", "“", ".", "...", "U.S.", "’s", "1,000"]] == [
        True, True, True, True, False, False, False,
    ]  # fmt: skip
    stop = load_stopwords()
    assert {"the", "and", "'s", "n't", "would"} <= stop
    assert not {"sanctions", "china", "u.s.", "korea"} & stop


# -- tokens on the seeds -----------------------------------------------------------------------


def test_token_offsets_round_trip_on_every_seed_token(seeds):
    corpus, _, tokens = seeds
    assert len(tokens) > 2000
    for row in tokens.itertuples():
        assert corpus.texts[row.doc_id][row.start : row.end] == row.token


def test_tokens_cover_every_visible_character_of_every_sentence(seeds):
    corpus, sentences, tokens = seeds
    for doc_id, text in corpus.texts.items():
        covered = set()
        for row in tokens[tokens["doc_id"] == doc_id].itertuples():
            covered.update(range(row.start, row.end))
        visible = {
            i
            for s in sentences[sentences["doc_id"] == doc_id].itertuples()
            for i in range(s.start, s.end)
            if not text[i].isspace()
        }
        assert covered == visible


def test_tokens_table_matches_the_contract(seeds):
    _, sentences, tokens = seeds
    assert list(tokens.columns) == CONTRACT["tokens"]
    for doc_id, group in tokens.groupby("doc_id"):
        assert list(group["tok_id"]) == list(range(1, len(group) + 1))
        assert group["start"].is_monotonic_increasing
        known = set(sentences.loc[sentences["doc_id"] == doc_id, "sent_id"])
        assert set(group["sent_id"]) == known


def seed_run(tokens: pd.DataFrame, doc_id: str, start: int, n: int) -> list[str]:
    doc = tokens[(tokens["doc_id"] == doc_id) & (tokens["start"] >= start)]
    return list(doc["token"].head(n))


def test_specific_seed_tokens_and_offsets(seeds):
    corpus, _, tokens = seeds
    text = corpus.texts[PROLIFERATION]
    at = text.index("Robert C. O’Brien")
    assert seed_run(tokens, PROLIFERATION, at, 4) == ["Robert", "C.", "O’Brien", "offered"]
    obrien = tokens[(tokens["doc_id"] == PROLIFERATION) & (tokens["token"] == "O’Brien")]
    assert list(obrien["start"]) == [at + len("Robert C. ")]
    assert list(obrien["norm"]) == ["o'brien"]
    at = text.index("Kim Jong-un’s government")
    assert seed_run(tokens, PROLIFERATION, at, 4) == ["Kim", "Jong-un", "’s", "government"]
    at = text.index("scale—either")
    assert seed_run(tokens, PROLIFERATION, at, 3) == ["scale", "—", "either"]
    text = corpus.texts[CHINA_HELP]
    at = text.index("don’t have")
    assert seed_run(tokens, CHINA_HELP, at, 3) == ["do", "n’t", "have"]
    at = text.index("the DPRK’s entry")
    assert seed_run(tokens, CHINA_HELP, at, 4) == ["the", "DPRK", "’s", "entry"]
    at = text.index("China-U.S. relations")
    assert seed_run(tokens, CHINA_HELP, at, 2) == ["China-U.S.", "relations"]


# -- sentences ---------------------------------------------------------------------------------


def sentence_texts(sentences: pd.DataFrame, doc_id: str) -> list[str]:
    return list(sentences.loc[sentences["doc_id"] == doc_id, "text"])


def test_seed_sentences_stay_intact(seeds):
    _, sentences, _ = seeds
    texts = sentence_texts(sentences, PROLIFERATION)
    assert (
        "Yet in the midst of what is obviously bad tidings, National Security Adviser Robert C. "
        "O’Brien offered a bit of good news: there is no evidence that the DPRK has been "
        "proliferating to other governments or organizations."
    ) in texts
    assert (
        "Dealing with the North also offers a subject on which the U.S. and China could cooperate."
        in texts
    )
    assert any(t.startswith("U.S. policymakers desperately wanted") for t in texts)
    assert any(t.endswith("for “nothing.”") for t in texts)
    assert "How to sync the two governments’ visions?" in texts


def test_seed_sentences_split_after_an_abbreviation_or_numeral_that_ends_one(seeds):
    _, sentences, _ = seeds
    texts = sentence_texts(sentences, PROLIFERATION)
    i = next(i for i, t in enumerate(texts) if t.endswith("capable of hitting the U.S."))
    assert texts[i + 1].startswith("It was quite a spectacle")
    texts = sentence_texts(sentences, CHINA_HELP)
    i = next(i for i, t in enumerate(texts) if t.endswith("the end of World War II."))
    assert texts[i + 1] == "Kim Jong-un received no invitation to visit China, even as a tourist."


def test_no_seed_sentence_starts_with_a_lower_case_continuation(seeds):
    _, sentences, _ = seeds
    for text in sentences["text"]:
        first = re.search(r"\w", text).group()
        assert not first.islower(), text


def test_seed_sentences_lie_inside_their_paragraph_and_cover_it(seeds):
    corpus, sentences, _ = seeds
    assert list(sentences.columns) == CONTRACT["sentences"]
    kept = corpus.paragraphs[~corpus.paragraphs["dropped"]]
    for para in kept.itertuples():
        rows = sentences[
            (sentences["doc_id"] == para.doc_id) & (sentences["para_id"] == para.para_id)
        ]
        assert len(rows) >= 1
        assert rows["start"].min() == para.start and rows["end"].max() == para.end
        text = corpus.texts[para.doc_id]
        for s in rows.itertuples():
            assert text[s.start : s.end] == s.text
    dropped = set(
        corpus.paragraphs.loc[corpus.paragraphs["dropped"], ["doc_id", "para_id"]].itertuples(
            index=False
        )
    )
    assert not dropped & set(sentences[["doc_id", "para_id"]].itertuples(index=False))


def test_seed_sentence_counts_are_stable(seeds):
    # every boundary of both seeds was read and found right when these counts were set
    _, sentences, _ = seeds
    assert sentences.groupby("doc_id").size().to_dict() == {CHINA_HELP: 68, PROLIFERATION: 52}
    for _, group in sentences.groupby("doc_id"):
        assert list(group["sent_id"]) == list(range(1, len(group) + 1))


def test_a_heading_paragraph_is_not_glued_to_the_first_sentence():
    texts = split(
        "d", ["Sanctions and Their Limits", "November 19, 2020", "The regime held. It lasted."]
    )
    assert texts == [
        "Sanctions and Their Limits",
        "November 19, 2020",
        "The regime held.",
        "It lasted.",
    ]


def test_quotes_and_question_marks_end_sentences():
    texts = split("d", ["He asked: “Why now?” She did not answer. Was it wise? Nobody knows."])
    assert texts == ["He asked: “Why now?”", "She did not answer.", "Was it wise?", "Nobody knows."]


def test_curated_abbreviations_and_initials_do_not_end_sentences():
    texts = split(
        "d",
        [
            "Sen. Warren met Mr. J. R. Smith on Nov. 3 in Washington, D.C. before noon. "
            "Then she left."
        ],
    )
    assert texts == [
        "Sen. Warren met Mr. J. R. Smith on Nov. 3 in Washington, D.C. before noon.",
        "Then she left.",
    ]


def test_dropped_paragraphs_are_skipped_and_bad_offsets_rejected():
    text, rows = paragraph_rows("d", ["First one. Second one.", "Third one."])
    rows.loc[0, ["start", "end"]] = pd.NA
    table = sentences_for_doc("d", text, rows)
    assert list(table["text"]) == ["Third one."] and list(table["para_id"]) == [2]
    rows.loc[1, "start"] = 0
    with pytest.raises(InputError, match="d: paragraph 2 does not match"):
        sentences_for_doc("d", text, rows)


def test_tokens_for_a_new_synthetic_document():
    text, rows = paragraph_rows("new", ["Kim Jong-un’s envoy didn’t come.", "The U.S. waited."])
    sentences = sentences_for_doc("new", text, rows)
    tokens = tokens_for_doc("new", text, sentences)
    assert list(tokens["token"]) == [
        "Kim",
        "Jong-un",
        "’s",
        "envoy",
        "did",
        "n’t",
        "come",
        ".",
        "The",
        "U.S.",
        "waited",
        ".",
    ]
    assert list(tokens["sent_id"]) == [1] * 8 + [2] * 4
    assert list(tokens["is_stop"]) == [
        False,
        False,
        True,
        False,
        True,
        True,
        False,
        False,
        True,
        False,
        False,
        False,
    ]
    assert all(text[r.start : r.end] == r.token for r in tokens.itertuples())
