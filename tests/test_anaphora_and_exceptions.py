"""Pronouns and anaphors that point back, parties urged to act, exceptions and negations
(batches pos4/pos5 error classes), as rules on synthetic sentences."""

from __future__ import annotations

import pytest


def fields(found: list[tuple], sent_id: int) -> set[tuple]:
    """(holder, actor, lever, direction, stance) of one sentence's rows."""
    return {(r[1], r[3], r[4], r[5], r[6]) for r in found if r[0] == sent_id}


def test_a_possessive_pronoun_subject_is_its_antecedent(rows):
    found = rows("Seoul was attacked by drones last week.", "Its response should be measured.")
    assert {r[3] for r in found if r[0] == 2} == {"South Korea"}
    found = rows("Tokyo and Seoul met in May.", "Their leaders should resume talks.")
    assert {r[3] for r in found if r[0] == 2} == {"Japan", "South Korea"}


def test_an_anaphoric_subject_takes_the_actor_and_direction_of_the_sentence_before(rows):
    found = rows("Iran said it would expand enrichment.", "Such steps would be counterproductive.")
    assert fields(found, 2) == {("author", "Iran", "denuclearization", "more", "oppose")}


def test_a_reduction_of_an_earlier_reduction_is_more(rows):
    found = rows("Washington offered to lift sanctions.", "That offer should be withdrawn.")
    assert fields(found, 2) == {("author", "United States", "sanctions", "more", "support")}
    kept = rows("Washington offered to lift sanctions.", "That offer should stand.")
    assert {r[5] for r in kept if r[0] == 2} == {"less"}


def test_the_party_a_prescription_urges_gets_its_own_row(rows):
    found = rows("Washington should press India, quietly, to resume the talks.")
    assert {r[3] for r in found} == {"United States", "India"}
    assert {r[4] for r in found} == {"negotiations/diplomacy"}
    assert {r[3] for r in rows("Washington should support India in the talks.")} == {
        "United States"
    }


def test_a_rejection_with_an_exception_is_conditional_support(rows):
    found = rows("Lifting sanctions would be a mistake unless Pyongyang freezes its tests.")
    assert ("author", "United States", "sanctions", "less", "conditional") in fields(found, 1)
    plain = rows("Lifting sanctions would be a mistake.")
    assert fields(plain, 1) == {("author", "United States", "sanctions", "more", "oppose")}


@pytest.mark.parametrize(
    ("text", "direction", "stance"),
    [
        ("Maduro has said he will not negotiate.", "less", "oppose"),
        ("Seoul said it would never accept sanctions relief.", "more", "oppose"),
        ("Seoul said it would accept sanctions relief.", "less", "support"),
    ],
)
def test_a_negated_modal_in_reported_speech_is_a_rejection(rows, text, direction, stance):
    assert {(r[5], r[6]) for r in rows(text)} == {(direction, stance)}


def test_the_longest_change_word_wins_give_up_is_less(rows):
    assert {r[5] for r in rows("Pyongyang should give up its nuclear deterrent.")} == {"more"}
    assert {r[5] for r in rows("Washington should give more aid to Kyiv.")} == {"more"}
