""" "It" carries the main subject of the prescription before it, not a government a relative
clause or a preposition's object names; and what a holder wants with a partner or in a place
is the holder's own act (``positions._with_main_subject``, ``subjects.singular_reference``,
``voices.PARTNER_BEFORE``, ``voices.PLACE_BEFORE``)."""

from __future__ import annotations


def actors(found: list[tuple], sent_id: int) -> set[str]:
    """The actors of one sentence's rows."""
    return {r[3] for r in found if r[0] == sent_id}


def test_it_is_the_main_subject_before_not_the_one_a_relative_clause_names(rows):
    found = rows(
        "What, then, should Washington do instead?",
        "First, it should move the control line to cover memory, where China is still behind.",
        "Second, it should bring the Netherlands and Japan along before it tightens the rules.",
    )
    assert actors(found, 2) == actors(found, 3) == {"United States"}


def test_it_after_only_a_prepositions_object_is_the_subject_before(rows):
    found = rows(
        "The administration should talk to Pyongyang, and it should talk soon.",
        "But it should not negotiate over Seoul's head.",
    )
    assert actors(found, 2) == {"United States"}


def test_it_after_a_possessive_subject_is_that_possessor(rows):
    found = rows(
        "South Korea should keep the exercises going.",
        "North Korea's defence ministry warned on Sunday that it would end the moratorium on"
        " missile tests.",
    )
    assert {(r[1], r[3]) for r in found if r[0] == 2} == {("North Korea", "North Korea")}


def test_cooperation_with_a_partner_is_the_holders_act(rows):
    found = rows("Putin said Russia did not rule out military cooperation with North Korea.")
    assert actors(found, 1) == {"Russia"}


def test_a_place_the_wanted_thing_is_in_is_no_actor(rows):
    found = rows("China prefers the status quo in North Korea to a collapse.")
    assert {(r[1], r[3]) for r in found} == {("China", "China")}
