"""A title names people by one word of the name once the body names them in full
(``actors.headline_names``)."""

from __future__ import annotations

from helpers.actors import find_mentions
from helpers.positions import positions_for_corpus, with_titles
from tests.conftest import sentences_of

TITLE = "Lee Presses Xi to Help Restart Talks With North Korea"
BODY = (
    "President Lee Jae-myung met Chinese President Xi Jinping in Gyeongju on Saturday.",
    "Officials said the meeting was cordial.",
)


def title_mentions(reference, title: str, *body: str) -> list[tuple[str, str]]:
    sentences = sentences_of(*body)
    _, mentions = with_titles(sentences, find_mentions(sentences, reference.actors), {"syn": title},
                              reference.actors)  # fmt: skip
    heads = mentions[mentions["sent_id"] == 0]
    return list(zip(heads["alias"], heads["actor"], strict=True))


def test_surnames_in_a_title_are_the_people_the_body_names(reference):
    assert title_mentions(reference, TITLE, *BODY) == [
        ("Lee", "South Korea"),
        ("Xi", "China"),
        ("North Korea", "North Korea"),
    ]


def test_role_words_and_people_the_body_does_not_name_are_no_mentions(reference):
    assert title_mentions(reference, "President Presses Lee on Trade", *BODY[1:]) == []
    assert title_mentions(reference, "President Presses Premier", *BODY) == []


def test_the_title_claim_is_the_reported_request(reference):
    sentences = sentences_of(*BODY)
    rows = positions_for_corpus(sentences, find_mentions(sentences, reference.actors),
                                reference.actors, reference.levers, "United States",
                                titles={"syn": TITLE})  # fmt: skip
    title = rows[rows["sent_id"] == 0]
    assert set(
        zip(
            title["holder"],
            title["voice"],
            title["actor"],
            title["lever"],
            title["direction"],
            strict=True,
        )
    ) == {  # fmt: skip
        ("South Korea", "reported", "China", "negotiations/diplomacy", "more")
    }
