"""The terms of a proposal the author lays out in the conditional (``helpers.proposalterms``)."""

from __future__ import annotations

from helpers.proposalterms import announces_terms, states_term


def fields(found: list[tuple], sent_id: int) -> set[tuple]:
    """(holder, actor, lever, direction, stance) of one sentence's rows."""
    return {(r[1], r[3], r[4], r[5], r[6]) for r in found if r[0] == sent_id}


def test_sentences_that_announce_terms():
    assert announces_terms("Consider what a first agreement might look like.")
    assert announces_terms("What I would propose instead is an interim agreement.")
    assert announces_terms("What would that look like?")
    assert announces_terms("The sequence I would propose is modest.")
    assert not announces_terms("Nobody knows what a deal with Kim would cost.")
    assert not announces_terms("India has never wanted the Quad to look like an alliance.")


def test_a_term_is_a_would_or_could_with_a_verb():
    assert states_term("India could lead on disaster response.")
    assert states_term("North Korea would halt its tests.")
    assert not states_term("That would be a mistake.")
    assert not states_term("None of this is generous.")


def test_each_side_s_term_after_an_announcement_is_the_author_s_proposal(rows):
    found = rows(
        "Consider what a first agreement might look like.",
        "North Korea would halt nuclear tests and allow monitoring at Yongbyon.",
        "In return, Washington and Seoul would scale back the largest combined exercises.",
    )
    assert fields(found, 2) == {
        ("author", "North Korea", "testing and proliferation", "less", "support"),
        ("author", "North Korea", "inspections and verification", "more", "support"),
    }
    assert fields(found, 3) == {
        ("author", "United States", "military exercises", "less", "conditional"),
        ("author", "South Korea", "military exercises", "less", "conditional"),
    }


def test_a_pronoun_term_takes_its_antecedent(rows):
    found = rows(
        "What I would propose is an interim agreement.",
        "Pyongyang would freeze its enrichment, and it would refrain from missile launches.",
    )
    assert {(r[3], r[4], r[5]) for r in found if r[0] == 2} == {
        ("North Korea", "denuclearization", "more"),
        ("North Korea", "testing and proliferation", "less"),
    }


def test_outside_a_run_would_is_a_prediction(rows):
    assert fields(rows("North Korea would halt nuclear tests only under duress."), 1) == set()
    found = rows(
        "Consider what a first agreement might look like.",
        "None of this is generous.",
        "North Korea would halt nuclear tests.",
    )
    assert fields(found, 3) == set()


def test_a_term_without_a_lever_keeps_the_run_going(rows):
    found = rows(
        "What would that look like?",
        "India could lead on what it is already good at.",
        "Japan would scale back its joint exercises with the United States.",
    )
    assert {(r[3], r[4], r[5]) for r in found if r[0] == 3} >= {
        ("Japan", "military exercises", "less")
    }
    assert fields(found, 2) == set()


def test_a_question_in_a_run_is_no_term(rows):
    found = rows(
        "Consider what a first agreement might look like.",
        "Would North Korea halt its nuclear tests?",
    )
    assert fields(found, 2) == set()
