"""Evaluations, commitments, objects of urging and trailing conditions (issue 13, pos2): rules
on synthetic sentences, each with a near miss that must not fire."""

from __future__ import annotations

from tests.test_claim_sides import actors_of


def fields(found: list[tuple]) -> set[tuple]:
    return {r[1:7] for r in found}


def test_a_policy_called_a_failure_or_appeasement_is_rejected(rows):
    assert ("author", "author", "United States", "negotiations/diplomacy", "less", "oppose") in (
        fields(rows("The nuclear deal was an abject failure."))
    )
    assert fields(rows("The summit was an exercise in appeasement."))
    assert rows("The failure of the talks surprised nobody.") == []


def test_approval_of_a_policy_is_support_and_its_modifier_is_no_actor(rows):
    found = rows("The decision to withdraw American troops was the right one.")
    assert ("author", "author", "United States", "troop presence", "less", "support") in (
        fields(found)
    )
    assert actors_of(rows("The Afghan exit was right."), 1, "other") == {"United States"}
    assert rows("Trump was right about the troops.") == []


def test_a_policy_that_would_reward_aggression_is_rejected(rows):
    found = rows("Easing sanctions on Moscow would reward aggression.")
    assert ("author", "author", "United States", "sanctions", "more", "oppose") in fields(found)


def test_past_it_was_time_to_is_a_prescription(rows):
    assert {r[4] for r in rows("It was time to withdraw the troops.")} == {"troop presence"}


def test_commitments_of_we_and_of_a_named_government(rows):
    found = fields(rows("We do not, and we will not, accept Russia's annexation of Crimea."))
    assert {r[2] for r in found} == {"Russia"} and {r[5] for r in found} == {"oppose"}
    assert {r[2] for r in fields(rows("We will rally our partners to sanction Moscow."))} == {
        "United States"
    }
    hesitate = fields(rows("Tokyo will not hesitate to impose sanctions."))
    assert ("Japan", "reported", "Japan", "sanctions", "more", "support") in hesitate
    assert ("author", "author", "United States", "negotiations/diplomacy", "more", "support") in (
        fields(rows("I remain open to reaching a deal."))
    )


def test_the_object_of_urging_is_the_actor_or_other_when_unnamed(rows):
    named = rows("The administration pressed the Afghan Government to release the reserves.")
    assert {r[3] for r in named} == {"Afghanistan"}
    unnamed = rows("We urge all members of the international community to impose sanctions.")
    assert {r[3] for r in unnamed} == {"other"}


def test_a_relative_clause_between_subject_and_modal_is_skipped(rows):
    found = rows("The Europeans, who have more at stake than America, should send ammunition; "
                 "Germany and France both have factories.")  # fmt: skip
    assert actors_of(found, 1, "arms sales and military aid") == {"Germany", "France"}
    plain = rows("The Europeans, who trade with America, should send ammunition.")
    assert actors_of(plain, 1, "arms sales and military aid") == {
        "Germany", "France", "United Kingdom"
    }  # fmt: skip


def test_a_trailing_condition_naming_an_actor_and_a_lever_gets_its_row(rows):
    found = rows("Kyiv said that it would accept talks only after Russian troops leave.")
    assert ("Ukraine", "reported", "Russia", "troop presence", "less", "conditional") in (
        fields(found)
    )
    assert actors_of(found, 1, "negotiations/diplomacy") == {"Ukraine"}
    assert {r[3] for r in rows("Seoul should resume talks only after it consults Tokyo.")} == {
        "South Korea"
    }


def test_a_change_word_right_after_the_lever_counts_when_none_precedes(rows):
    assert {r[5] for r in rows("Congress must not let the aid package lapse.")} == {"more"}
    assert ("South Korea", "reported", "South Korea", "security guarantees", "more", "support") in (
        fields(rows("Seoul wants a peace declaration before the end of the year."))
    )


def test_once_a_named_thing_happens_is_a_condition_and_a_passive_to_phrase_is_acted_on(rows):
    assert {
        r[6] for r in rows("Brussels has said it would restore trade once inspectors are back.")
    } == {"conditional"}
    held = rows("The Kremlin should be held to the agreement it signed.")
    assert actors_of(held, 1, "negotiations/diplomacy") == {"United States"}


def test_emphatic_does_need_prescribes_and_arm_names_arms_sales(rows):
    assert {r[4] for r in rows("Washington does need a channel to the Taliban.")} == {
        "negotiations/diplomacy"
    }
    assert {r[4] for r in rows("Arm Taiwan now.")} == {"arms sales and military aid"}


def test_statement_and_commentary_forms_of_prescription(rows):
    cases = {
        "The time has come for Seoul to resume talks.": ("South Korea", "support"),
        "It would be wise to resume talks.": ("United States", "support"),
        "The answer is to resume talks with Tehran.": ("United States", "support"),
        "It makes no sense to resume talks.": ("United States", "oppose"),
        "A new round of talks is worth pursuing.": ("United States", "support"),
        "Tokyo would do well to resume talks.": ("Japan", "support"),
    }
    for text, (actor, stance) in cases.items():
        found = rows(text)
        assert {(r[3], r[6]) for r in found if r[4] == "negotiations/diplomacy"} == {
            (actor, stance)
        }, text
    assert rows("The talks made sense to nobody at the time.") == []


def test_we_encourage_x_to_and_will_never_allow_x_to_name_x(rows):
    assert {r[3] for r in rows("We encourage Tehran to resume talks.")} == {"Iran"}
    never = fields(rows("We will never allow Iran to obtain nuclear weapons."))
    assert ("author", "author", "Iran", "denuclearization", "more", "oppose") in never


def test_it_opening_a_sentence_is_the_previous_sentence_subject_not_a_prepositional_object(rows):
    found = rows("The lesson for Washington is that China acts on its own interests.",
                 "It should not impose sanctions on Pyongyang.")  # fmt: skip
    assert actors_of(found, 2, "sanctions") == {"China"}


def test_a_stance_verb_after_the_authors_modal_is_no_reported_position(rows):
    found = rows("Washington should seek to improve relations with Beijing.")
    assert {(r[1], r[2]) for r in found} == {("author", "author")}
    assert ("Japan", "reported") in {(r[1], r[2]) for r in rows("Tokyo seeks to resume talks.")}


def test_it_is_essential_that_x_names_x_and_our_goal_is_to_prescribes(rows):
    assert {
        r[3] for r in rows("It is essential that Iran return to compliance with the deal.")
    } == {"Iran"}
    assert {r[4] for r in rows("Our goal is to restore compliance with the JCPOA.")} == {
        "negotiations/diplomacy"
    }
    assert rows("It is essential reading for anyone.") == []


def test_iran_statement_vocabulary_names_levers_and_groups(rows):
    weapon = fields(rows("Tehran must never obtain a nuclear weapon."))
    assert ("author", "author", "Iran", "denuclearization", "more", "oppose") in weapon
    proxies = rows("Iran should stop funding its proxies.")
    assert ("author", "author", "Iran", "support for terrorism and proxies", "less", "support") in (
        fields(proxies)
    )
    e3 = rows("The E3 should cooperate fully with the IAEA.")
    assert actors_of(e3, 1, "inspections and verification") == {
        "France", "Germany", "United Kingdom"
    }  # fmt: skip


def test_more_policy_verbs_open_an_imperative_but_a_noun_does_not(rows):
    assert {r[4] for r in rows("Defend Taiwan against invasion.")} == {"military force"}
    assert rows("Pressure on Iran has grown.") == []


def test_a_pointed_act_judged_by_a_copula_is_its_doers(rows):
    found = rows("Today the DPRK launched a ballistic missile.",
                 "This launch is a flagrant violation of UN resolutions.")  # fmt: skip
    assert {r[1:7] for r in found if r[0] == 2} == {
        ("author", "author", "North Korea", "testing and proliferation", "less", "oppose")
    }
    assert [r for r in rows("Today the DPRK launched a missile.", "This launch came at dawn.")
            if r[0] == 2] == []  # fmt: skip


def test_gladness_and_readout_support_are_positions(rows):
    glad = fields(
        rows("I am glad that the administration has finally approved arms sales to Taiwan.")
    )
    assert ("author", "author", "United States", "arms sales and military aid", "more",
            "support") in glad  # fmt: skip
    readout = fields(
        rows("The two ministers expressed continued support for talks with Pyongyang.")
    )
    assert {r[3] for r in readout} == {"negotiations/diplomacy"}
    assert rows("I am glad to be here today.") == []


def test_the_writers_discourse_and_a_topic_question_are_no_claims(rows):
    assert rows("I should be precise about what I am arguing.") == []
    assert rows("Consider what a first agreement might look like.") == []
    assert fields(rows("Washington should stress that the alliance is ironclad."))
    assert fields(rows("Consider lifting sanctions."))


def test_a_course_denied_the_name_of_a_policy_or_leverage_is_rejected(rows):
    assert ("author", "author", "United States", "troop presence", "more", "oppose") in fields(
        rows("Threatening to withdraw the troops is not leverage.")
    )
    assert {r[6] for r in rows("Counting ships is not a North Korea policy.")} == {"oppose"}
    assert rows("Sanctions are a strategy of delay.") == []


def test_inspections_of_a_programme_with_no_actor_named_are_the_armed_states(rows):
    found = rows("North Korea has tested six nuclear devices.",
                 "Verified inspections would be worth more than another summit.")  # fmt: skip
    assert {r[3] for r in found if r[0] == 2 and r[4] == "inspections and verification"} == {
        "North Korea"
    }


def test_a_door_kept_open_to_a_lever_supports_it_apart_from_the_demand_after_it(rows):
    found = fields(rows("The door has not closed on diplomacy, but Pyongyang must stop its tests."))
    assert ("author", "author", "United States", "negotiations/diplomacy", "more", "support") in (
        found
    )
    assert ("author", "author", "North Korea", "testing and proliferation", "less", "support") in (
        found
    )
    assert {r[3:5] for r in rows("The door to talks remains open.")} == {
        ("United States", "negotiations/diplomacy")
    }
    assert rows("The door to the meeting room is open.") == []
