"""Counted groups as the subject of a reported clause or the object of wanting and urging
(``subjects.plural_object``, ``voices``), and a measure's target is not the one who acts."""

from __future__ import annotations

from helpers.actors import find_mentions
from helpers.subjects import plural_count
from tests.conftest import sentences_of


def actors(found: list[tuple], sent_id: int) -> set[str]:
    """The actors of one sentence's rows."""
    return {r[3] for r in found if r[0] == sent_id}


MEETING = "Japan, South Korea and China met in Busan on Sunday."


def test_plural_count():
    assert plural_count("the three governments") == 3
    assert plural_count("Both sides") == 2
    assert plural_count("the allies") is None


def test_a_counted_group_opens_the_clause_of_a_verb_of_saying(rows):
    found = rows(MEETING, "Beijing said the three countries should resume talks on trade.")
    assert actors(found, 2) == {"China", "Japan", "South Korea"}
    assert {(r[1], r[2]) for r in found} == {("China", "reported")}


def test_a_counted_group_wanted_to_act(rows):
    found = rows(MEETING, "Seoul wants the three governments to abandon the new sanctions.")
    assert actors(found, 2) == {"China", "Japan", "South Korea"}
    assert {(r[1], r[4], r[5]) for r in found} == {("South Korea", "sanctions", "less")}


def test_a_counted_group_urged_to_act(rows):
    found = rows(MEETING, "Beijing urged the three governments to resume talks.")
    assert actors(found, 2) == {"China", "Japan", "South Korea"}


def test_both_koreas_are_north_and_south(rows):
    found = rows("China urged both Koreas to end the military exercises.")
    assert {(r[1], r[3], r[4], r[5]) for r in found} == {
        ("China", "North Korea", "military exercises", "less"),
        ("China", "South Korea", "military exercises", "less"),
    }


def test_the_target_of_a_wanted_measure_is_not_its_actor(rows):
    found = rows("Several senators want secondary sanctions on Chinese banks.")
    assert {(r[1], r[3], r[4], r[5]) for r in found} == {
        ("United States", "United States", "sanctions", "more")
    }


def test_korea_alone_is_the_peninsula_and_both_koreas_its_two_states(reference):
    sentences = sentences_of("A united Korea would need both Koreas to agree on a Korea policy.")
    mentions = find_mentions(sentences, reference.actors)
    assert list(zip(mentions["actor"], mentions["alias"], strict=True)) == [
        ("North Korea", "both Koreas"),
        ("South Korea", "both Koreas"),
    ]


def test_relief_a_target_wants_is_granted_by_the_addressee(rows):
    found = rows("Havana has demanded an end to the embargo.")
    assert {(r[1], r[3], r[4], r[5]) for r in found} == {
        ("Cuba", "United States", "sanctions", "less")
    }
    # the holder's own measure stays its own
    found = rows("Washington wants the sanctions on Havana eased.")
    assert {(r[1], r[3]) for r in found} == {("United States", "United States")}


def test_sanctions_a_target_opposes_are_the_imposers_to_lift(rows):
    found = rows("China firmly opposes illegal unilateral sanctions.")
    assert {(r[1], r[3], r[4], r[5], r[6]) for r in found} == {
        ("China", "United States", "sanctions", "less", "oppose")
    }
