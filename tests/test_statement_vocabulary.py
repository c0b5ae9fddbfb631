"""Government-statement vocabulary (batch pos3 error classes) on synthetic sentences: levers
of human-rights, aid, export-control and recognition statements, their change words, and the
issuing government's own calls ("we also call upon", "my government calls on")."""

from __future__ import annotations

import pytest

FIELDS = ["holder", "actor", "lever", "direction", "stance"]


@pytest.fixture
def rows(positions_of):
    """Position rows of one document whose sentences are the given texts, as tuples."""

    def rows(*texts: str) -> set[tuple]:
        return set(positions_of(*texts)[FIELDS].itertuples(index=False, name=None))

    return rows


@pytest.mark.parametrize(
    ("text", "lever", "direction"),
    [
        ("Minsk should free all jailed dissidents at once.", "human rights", "more"),
        ("Political prisoners in Belarus should be released without delay.", "human rights",
         "more"),
        ("Hanoi must respect the basic rights of its citizens.", "human rights", "more"),
        ("The junta should restore democratic institutions.", "human rights", "more"),
        ("Washington should expand foreign assistance to Central America.",
         "economic engagement", "more"),
        ("Congress should cut reconstruction funding for Iraq.", "economic engagement", "less"),
        ("Washington should add more firms to the entity list.", "sanctions", "more"),
        ("The Commerce Department must close the loopholes in its rules.", "sanctions", "more"),
        ("Washington should let the oil licences expire.", "sanctions", "more"),
        ("Washington should renew the general licence for another year.", "sanctions", "less"),
        ("The allies must deter aggression in the Baltic.",
         "alliance commitments and deterrence", "more"),
        ("Ankara must stop shelling villages across the border.", "military force", "less"),
        ("Washington should withhold diplomatic recognition from the junta.",
         "negotiations/diplomacy", "less"),
        ("Pyongyang must end its provocations.", "testing and proliferation", "less"),
        ("Washington should keep strong pressure on the regime.", "sanctions", "more"),
        ("Washington should engage directly with Pyongyang.", "negotiations/diplomacy", "more"),
        ("The militias must stop attacking coalition forces.", "military force", "less"),
        ("The Pentagon should speed up deliveries of the air defense systems.",
         "arms sales and military aid", "more"),
        ("Washington should ease the pressure on Pyongyang.", "sanctions", "less"),
        ("Washington should keep up the pressure.", "sanctions", "more"),
        ("Seoul must strengthen the alliance.", "alliance commitments and deterrence", "more"),
        ("Moscow should return to arms control.", "negotiations/diplomacy", "more"),
        ("We will defend U.S. personnel and military positions in Iraq.", "troop presence", "more"),
        ("Both sides must pursue de-escalation.", "military force", "less"),
        ("Havana should complete the release of the 53.", "human rights", "more"),
    ],
)  # fmt: skip
def test_statement_levers_and_their_change(text, lever, direction, rows):
    found = {(lv, d) for _, _, lv, d, _ in rows(text)}
    assert (lever, direction) in found, found


def test_the_release_verb_inside_a_prisoner_phrase_is_not_read_as_less(rows):
    # "release" alone is a change word of easing; releasing detainees is more human rights
    assert ("human rights", "more") in {(lv, d) for _, _, lv, d, _ in rows(
        "Caracas should release the detained activists.")}  # fmt: skip
    assert ("human rights", "less") in {(lv, d) for _, _, lv, d, _ in rows(
        "Caracas should not release the detained activists.")}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "We also call upon Vietnam to free all political prisoners.",
        "We once again call upon Vietnam to free all political prisoners.",
        "My government calls on Vietnam to free all political prisoners.",
        "We reiterate our call on Vietnam to free all political prisoners.",
    ],
)
def test_the_issuing_governments_own_calls_are_author_claims(text, rows):
    assert ("author", "Vietnam", "human rights", "more", "support") in rows(text)


def test_the_castro_regime_is_cuba(rows):
    found = rows("We call upon the Castro regime to free all political prisoners.")
    assert ("author", "Cuba", "human rights", "more", "support") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lifting the arms embargo is a step in the right direction.",
         ("author", "United States", "sanctions", "less", "support")),
        ("The new tariffs on steel were a good start.",
         ("author", "United States", "sanctions", "more", "support")),
        ("The case for stricter export controls is compelling.",
         ("author", "United States", "sanctions", "more", "support")),
        ("Development assistance to Haiti deserves more funding.",
         ("author", "United States", "economic engagement", "more", "support")),
        ("Tokyo is right to expand its missile defenses.",
         ("author", "Japan", "testing and proliferation", "more", "support")),
        ("Congress would be wise to expand food assistance to Yemen.",
         ("author", "United States", "economic engagement", "more", "support")),
        ("Washington can afford to ease the tariffs on Canadian lumber.",
         ("author", "United States", "sanctions", "less", "support")),
        ("Washington cannot afford to ease the sanctions on Moscow.",
         ("author", "United States", "sanctions", "more", "oppose")),
        ("Easing the sanctions now would throw away the leverage they bought.",
         ("author", "United States", "sanctions", "more", "oppose")),
        ("Withdrawing the troops this year would be a gift to the insurgents.",
         ("author", "United States", "troop presence", "more", "oppose")),
        ("A war with Iran is neither inevitable nor desirable.",
         ("author", "United States", "military force", "less", "oppose")),
        ("Do not rush to embrace Tehran.",
         ("author", "United States", "negotiations/diplomacy", "less", "oppose")),
        ("After the election, lift the tariffs on Mexico.",
         ("author", "United States", "sanctions", "less", "conditional")),
        ("Cutting the aid budget is no substitute for diplomacy.",
         ("author", "United States", "negotiations/diplomacy", "more", "support")),
        ("Both departments need adequate resources for foreign assistance.",
         ("author", "United States", "economic engagement", "more", "support")),
        ("We join our partners in urging Vietnam to respect the rights of its citizens.",
         ("author", "Vietnam", "human rights", "more", "support")),
    ],
)  # fmt: skip
def test_evaluations_of_an_action_are_claims(text, expected, rows):
    assert expected in rows(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both Tokyo and Seoul would benefit from closer coordination.",
         ("author", "Japan", "multilateral coordination", "more", "support")),
        ("A quiet channel would show the value of maintaining a workable relationship with"
         " Beijing.", ("author", "United States", "relations with China", "more", "support")),
        ("Washington should keep a civil, if tense, relationship with Beijing.",
         ("author", "United States", "relations with China", "more", "support")),
    ],
)  # fmt: skip
def test_benefits_values_and_a_concessive_if(text, expected, rows):
    assert expected in rows(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Direct talks with Pyongyang are the best way forward.",
         ("author", "United States", "negotiations/diplomacy", "more", "support")),
        ("Lifting the sanctions now makes sense.",
         ("author", "United States", "sanctions", "less", "support")),
        ("More troops are not the answer.",
         ("author", "United States", "troop presence", "less", "oppose")),
        ("A preventive strike would be a recipe for disaster.",
         ("author", "United States", "military force", "less", "oppose")),
        ("Maximum pressure has not worked.",
         ("author", "United States", "sanctions", "less", "oppose")),
    ],
)  # fmt: skip
def test_more_evaluation_shapes(text, expected, rows):
    assert expected in rows(text)


def test_courtesies_of_a_speech_are_no_claims(rows):
    assert rows("I would like to thank the Secretary-General for his briefing on Iran.") == set()
    assert rows("Let me first thank the Special Envoy for his briefing on sanctions.") == set()
    assert ("author", "United States", "sanctions", "more", "support") in rows(
        "I would like to see the sanctions on Iran tightened."
    )


# -- actors of statement claims ------------------------------------------------------------------


def test_a_rights_claim_without_a_subject_actor_is_about_the_government_named_nearby(rows):
    found = rows(
        "Belarus still jails its critics.",
        "The release of political prisoners is a step in the right direction.",
    )
    assert ("author", "Belarus", "human rights", "more", "support") in found
    # an authorial "we" keeps its own actor: the addressee presses, Belarus is pressed
    assert ("author", "United States", "human rights", "more", "support") in rows(
        "We must keep raising the fate of political prisoners with Belarus."
    )


def test_a_gerund_subject_keeps_the_addressee_unless_it_is_the_governments_own_act(rows):
    assert ("author", "United States", "human rights", "more", "support") in rows(
        "Belarus still jails its critics.",
        "Raising the fate of political prisoners remains a priority for the United States.",
    )
    assert ("author", "Belarus", "human rights", "more", "support") in rows(
        "Belarus still jails its critics.",
        "Releasing all political prisoners would be a positive start.",
    )


def test_the_international_community_as_subject_is_an_unnamed_actor(rows):
    assert ("author", "other", "human rights", "more", "support") in rows(
        "The international community must act to promote accountability for these abuses."
    )
    assert rows("The world wants the sanctions on Iran lifted.") == set()  # no named holder


def test_an_anaphoric_action_takes_the_levers_of_the_sentence_before(rows):
    found = rows("Washington has offered talks to Pyongyang.",
                 "If Pyongyang refuses to answer, that offer should be withdrawn.")  # fmt: skip
    assert ("author", "United States", "negotiations/diplomacy", "less", "conditional") in found
    found = rows("Washington has offered talks to Pyongyang.", "Seoul should join that effort.")
    assert ("author", "South Korea", "negotiations/diplomacy", "more", "support") in found
    # no anaphor: a claim without a lever stays "other"
    found = rows("Washington has offered talks to Pyongyang.", "Seoul should be patient.")
    offered = rows("Washington has offered talks to Pyongyang.")  # a reported offer
    assert {lv for _, _, lv, _, _ in found - offered} == {"other"}


def test_urging_the_regime_means_the_government_named_nearby(rows):
    found = rows(
        "Belarus jailed two more journalists this week.",
        "We stand with its people in urging the regime to respect their rights.",
    )
    assert ("author", "Belarus", "human rights", "more", "support") in found


def test_a_statement_in_the_addressees_own_name_is_the_authors(rows):
    found = rows("The United States remains committed to sanctions on Iran's oil exports.")
    assert {h for h, *_ in found} == {"author"}
    reported = rows("The United States agreed to provide security guarantees to North Korea.")
    assert {h for h, *_ in reported} == {"United States"}  # a past agreement is reported
    officials = rows("U.S. officials say they support sanctions on Iran's oil exports.")
    assert "author" not in {h for h, *_ in officials}


def test_what_a_holder_condemns_without_a_lever_it_wants_less_of(rows):
    assert ("author", "Russia", "other", "less", "oppose") in rows(
        "We condemn Russia's seizure of Crimea."
    )


def test_the_administration_capitalised_and_urging_a_noun_phrase(rows):
    assert ("author", "United States", "human rights", "more", "support") in rows(
        "We urge the Administration to keep pressing for greater human rights protections."
    )
    found = rows("We are also urging unhindered humanitarian access to all those in need.")
    assert ("author", "United States", "economic engagement", "more", "support") in found
