"""Who carries out a change in a weapons programme its owner is named for ("the
denuclearization of the DPRK", "North Korea's nuclear program", "its denuclearization"), and
whose measure a judgement condemns ("U.S. sanctions"): ``helpers.owners`` and
``voices.OWNED_MEASURE``."""

from __future__ import annotations


def actor_lever(found: list[tuple], sent_id: int) -> set[tuple[str, str, str]]:
    """(holder, actor, lever) of one sentence's rows."""
    return {(r[1], r[3], r[4]) for r in found if r[0] == sent_id}


def test_the_owner_named_after_the_programme_carries_out_the_change(rows):
    found = rows(
        "The three ministers reaffirmed their commitment to the complete denuclearization"
        " of the DPRK."
    )
    assert {(r[3], r[4], r[5]) for r in found} == {("North Korea", "denuclearization", "more")}


def test_the_owner_named_before_the_programme_carries_out_the_change(rows):
    found = rows("His aides say Lee would accept a freeze on North Korea's nuclear program.")
    assert {(r[3], r[4]) for r in found} == {("North Korea", "denuclearization")}


def test_its_programme_is_the_nearest_actor_before_it(rows):
    found = rows(
        "Tokyo urged Seoul to tighten sanctions on North Korea and to keep working toward its"
        " complete denuclearization."
    )
    assert ("Japan", "North Korea", "denuclearization") in actor_lever(found, 1)
    assert ("Japan", "South Korea", "sanctions") in actor_lever(found, 1)


def test_acting_against_the_programme_is_the_subjects_act(rows):
    found = rows("Washington should continue efforts to limit the DPRK's ballistic missiles.")
    assert {(r[3], r[4]) for r in found} == {("United States", "testing and proliferation")}


def test_the_subjects_own_programme_stays_its_own(rows):
    found = rows("North Korea must live up to its commitment to eliminate its nuclear program.")
    assert {(r[3], r[4], r[5]) for r in found} == {("North Korea", "denuclearization", "more")}


def test_inspections_stay_with_the_inspected_state(rows):
    found = rows(
        "Iran has refused to provide the access required for the IAEA to conduct its"
        " verification work, and Iran must immediately comply with its safeguards obligations."
    )
    assert {r[3] for r in found if r[4] == "inspections and verification"} == {"Iran"}


def test_a_condemned_measure_is_its_owners_act_not_its_targets(rows):
    found = rows(
        "China on Thursday condemned a new round of U.S. sanctions on Chinese firms accused of"
        " supplying Russia."
    )
    assert {(r[1], r[3], r[4], r[5]) for r in found} == {
        ("China", "United States", "sanctions", "less")
    }


def test_a_counted_group_wanted_to_act_comes_before_the_actors_its_clause_names(rows):
    found = rows(
        "Japan, South Korea and the United States met in Tokyo on Sunday.",
        'Seoul wants the three governments to "create the conditions in which Pyongyang can'
        ' come back to talks."',
    )
    assert {r[3] for r in found if r[0] == 2} == {"Japan", "South Korea", "United States"}


def test_exercises_another_government_wants_ended_are_the_allies_to_end(rows):
    found = rows(
        "Washington and Seoul held their largest drills in years last month.",
        "Pyongyang has long demanded that the drills be scrapped.",
    )
    assert actor_lever(found, 2) == {
        ("North Korea", "United States", "military exercises"),
        ("North Korea", "South Korea", "military exercises"),
    }


def test_exercises_the_subject_holds_stay_its_own(rows):
    found = rows(
        "Washington and Seoul held their largest drills in years last month.",
        "Beijing should cancel its drills around Taiwan.",
    )
    assert {(r[3], r[4]) for r in found if r[0] == 2} == {("China", "military exercises")}


def test_a_programme_no_one_is_named_for_is_the_programme_states_nearby(rows):
    found = rows(
        "Pyongyang tested another missile in May.",
        "A verifiable freeze would be better than nothing.",
    )
    assert actor_lever(found, 2) == {
        ("author", "North Korea", "inspections and verification"),
        ("author", "North Korea", "denuclearization"),
    }
    # no programme state named in the document: the addressee's, as before
    found = rows("Washington wants talks.", "A verifiable freeze would be better than nothing.")
    assert actor_lever(found, 2) == {
        ("author", "United States", "inspections and verification"),
        ("author", "United States", "denuclearization"),
    }


def test_a_step_no_one_is_named_for_is_the_documents_one_programme_states(rows):
    calm = ("Seoul and Tokyo want calm.", "Their ministers say so.", "They also want trade.")
    found = rows("A freeze would be better than nothing.", *calm,
                 "North Korea tested another missile in May.")  # fmt: skip
    assert actor_lever(found, 1) == {("author", "North Korea", "denuclearization")}
    # the goal itself is the addressee's to set; two programme states leave the addressee
    found = rows("Denuclearization should stay the goal.", *calm,
                 "North Korea tested another missile in May.")  # fmt: skip
    assert actor_lever(found, 1) == {("author", "United States", "denuclearization")}
    found = rows("A freeze would be better than nothing.", *calm,
                 "North Korea and Iran tested missiles in May.")  # fmt: skip
    assert actor_lever(found, 1) == {("author", "United States", "denuclearization")}


def test_a_party_named_to_act_on_a_programme_keeps_the_act(rows):
    found = rows(
        "Pyongyang tested another missile in May.",
        "The allies should ask the IAEA to verify any freeze.",
    )
    assert {r[3] for r in found if r[0] == 2} == {
        "International Atomic Energy Agency",
        "South Korea",
        "United States",
    }


def test_a_holders_own_commitment_stays_its_own(rows):
    found = rows(
        "Pyongyang tested another missile in May.",
        "Seoul reaffirmed its commitment to the Non-Proliferation Treaty.",
    )
    assert {r[3] for r in found if r[0] == 2} == {"South Korea"}
