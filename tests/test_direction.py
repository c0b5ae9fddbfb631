"""Direction on the lever: change words, phrase polarity and stance, on synthetic sentences."""

from __future__ import annotations

import pytest

from helpers.direction import ChangeWords, head_of, lever_direction, load_change_words
from helpers.errors import InputError


@pytest.fixture
def directions(positions_of):
    """(actor, lever, direction, stance) of each position row of one sentence."""

    def directions(text: str) -> list[tuple[str, str, str, str]]:
        table = positions_of(text)[["actor", "lever", "direction", "stance"]]
        return list(table.itertuples(index=False, name=None))

    return directions


@pytest.mark.parametrize(
    ("text", "lever", "direction"),
    [
        ("Washington should withdraw its troops from Germany.", "troop presence", "less"),
        ("Washington should keep its troops in Germany.", "troop presence", "more"),
        ("Washington should impose tougher sanctions.", "sanctions", "more"),
        ("Washington should lift sanctions on Iran.", "sanctions", "less"),
        ("Washington should not lift sanctions on Iran.", "sanctions", "more"),
        ("Washington should halt the collapse in bilateral relations.", "relations with China",
         "more"),
        ("Washington should stop expanding military exercises.", "military exercises", "less"),
        ("Expanding joint military exercises would be a mistake.", "military exercises", "less"),
        ("Keeping Seoul dependent on American protection is not in America's interest.",
         "alliance burden-sharing", "more"),
        ("Tokyo should pay for more of its own defense.", "alliance burden-sharing", "more"),
        ("Washington must pursue negotiations.", "negotiations/diplomacy", "more"),
        # restrictions, white lists and punitive measures are the sanctions lever
        ("Washington should relax its restrictions on advanced semiconductors.", "sanctions",
         "less"),
        ("Tokyo should restore Seoul to its export white list.", "sanctions", "less"),
        ("Tokyo should not remove Seoul from its export white list.", "sanctions", "less"),
        ("The Administration must be ready to re-impose punitive measures.", "sanctions", "more"),
        ("Washington should tighten export restrictions on China.", "sanctions", "more"),
        ("Washington should offer partial relief.", "sanctions", "less"),
        ("Offering relief now would reward Kim.", "sanctions", "more"),
        # readiness, pacts and mutual defence are alliance commitments
        ("Seoul should keep up its military readiness.", "alliance commitments and deterrence",
         "more"),
        ("The allies should sign a mutual defence pact.", "alliance commitments and deterrence",
         "more"),
        ("Washington must ensure the defense of our Republic of Korea and Japanese allies.",
         "alliance commitments and deterrence", "more"),
        # restraint, fighting, engaging China, conventional defence
        ("Beijing should act with restraint.", "military force", "less"),
        ("The allies should tone down their joint exercises.", "military exercises", "less"),
        ("Washington condemned the indiscriminate fighting.", "military force", "less"),
        ("Congress should ask how best to engage China.", "relations with China", "more"),
        ("Seoul should take the lead in its conventional defence.", "alliance burden-sharing",
         "more"),
    ],
)  # fmt: skip
def test_direction_follows_the_change_the_action_names(text, lever, direction, directions):
    rows = {(lv, d) for _, lv, d, _ in directions(text)}
    assert (lever, direction) in rows


def test_a_phrase_naming_a_reduction_reverses_the_verb(directions):
    # "expand the arsenal" is less denuclearization, "shut down facilities" more
    assert ("denuclearization", "less") in {
        (lv, d) for _, lv, d, _ in directions("Moscow should expand its nuclear arsenal.")
    }
    assert ("denuclearization", "more") in {
        (lv, d) for _, lv, d, _ in directions("Moscow should shut down its nuclear facilities.")
    }


def test_each_lever_reads_only_the_words_after_the_previous_lever(directions):
    rows = directions("Washington should end military exercises and keep its troops there.")
    assert ("United States", "military exercises", "less", "support") in rows
    assert ("United States", "troop presence", "more", "support") in rows


def test_neutral_stance_and_an_unnamed_change_give_none(directions):
    rows = directions("Washington must decide how serious it is about denuclearization.")
    assert rows == [("United States", "denuclearization", "none", "neutral")]
    assert directions("Washington must operate in the world as it is.")[0][2] == "none"


def test_a_fronted_phrase_is_passed_over_for_the_actions_own_change_word():
    words = load_change_words(None)
    action = "For the most advanced equipment, relaxing them now"
    assert head_of(action) == "relaxing them now"
    assert lever_direction(action, None, "oppose", words) == "more"  # "… would be a gift"
    assert head_of("relaxing them, as Beijing wants") == "relaxing them"


def test_change_words_table_errors_name_the_row():
    import pandas as pd

    bad = pd.DataFrame({"direction": ["up"], "pattern": ["raise"], "note": [""]})
    with pytest.raises(InputError, match="row 2: direction 'up'"):
        ChangeWords.from_table(bad)
    assert load_change_words().product_in("halt the collapse") == ("more", 17)


@pytest.mark.parametrize(
    ("text", "lever", "direction"),
    [
        ("The allies should settle these questions together.", "multilateral coordination",
         "more"),
        ("Washington should stop negotiating alone.", "multilateral coordination", "more"),
        ("Washington should not negotiate over Seoul's head.", "multilateral coordination",
         "more"),
        ("Beijing prefers to deal with each capital separately.", "multilateral coordination",
         "less"),
        ("Tokyo and Seoul should deepen trilateral missile-warning cooperation.",
         "multilateral coordination", "more"),
        ("Washington should cancel the drone sale to Taiwan.", "arms sales and military aid",
         "less"),
        ("Washington should approve the sale of armed drones.", "arms sales and military aid",
         "more"),
        ("Taipei has to do its part too.", "alliance burden-sharing", "more"),
    ],
)  # fmt: skip
def test_partners_acting_together_weapons_sold_and_a_fair_share(text, lever, direction,
                                                                 directions):  # fmt: skip
    assert (lever, direction) in [(r[1], r[2]) for r in directions(text)]


def test_a_trilateral_deal_is_negotiation_not_coordination(directions):
    found = directions("Washington should insist on a trilateral deal.")
    assert [r[1] for r in found] == ["negotiations/diplomacy"]


def test_resisting_a_change_wants_the_opposite(directions):
    # the resisted action is the one rejected; the direction is the change wanted
    assert directions("Washington should resist the temptation to lift sanctions.") == [
        ("United States", "sanctions", "more", "oppose")
    ]
    assert directions("Seoul should resist pressure to expand the exercises.") == [
        ("South Korea", "military exercises", "less", "oppose")
    ]
    # resisting pressure itself, with no action after it, is the action supported
    assert [r[3] for r in directions("Seoul should resist Chinese pressure.")] == ["support"]


def test_a_lever_named_before_the_cue_takes_the_change_of_the_action(directions):
    found = directions("The allies began their largest exercises on Monday, and they should not "
                       "cancel them to coax Pyongyang to the table.")  # fmt: skip
    assert {(r[1], r[2], r[3]) for r in found} == {("military exercises", "more", "oppose")}


@pytest.mark.parametrize(
    ("text", "lever", "direction"),
    [
        ("South Korea should carry a fair share of the cost.", "alliance burden-sharing", "more"),
        ("Washington should complete the withdrawal of its troops.", "troop presence", "less"),
        ("Seoul must shoulder more of the cost of its own defence.", "alliance burden-sharing",
         "more"),
    ],
)  # fmt: skip
def test_finishing_carrying_and_building_are_more(text, lever, direction, directions):
    assert (lever, direction) in [(r[1], r[2]) for r in directions(text)]


@pytest.mark.parametrize(
    ("text", "lever", "direction"),
    [
        ("Pulling troops out would be a gift to Pyongyang.", "troop presence", "more"),
        ("Seoul should scale the drills back.", "military exercises", "less"),
        ("Tokyo should step the sanctions up.", "sanctions", "more"),
        # "large-scale" is no verb, and a clause is no object
        ("Seoul should restore the large-scale exercises that were scaled back.",
         "military exercises", "more"),
    ],
)  # fmt: skip
def test_a_phrasal_verb_split_by_its_object_names_the_change(text, lever, direction, directions):
    assert (lever, direction) in [(r[1], r[2]) for r in directions(text)]


def test_a_rejection_pointed_back_to_keeps_the_rejected_change(positions_of):
    found = positions_of("Pulling troops out would be a gift to Pyongyang.",
                         "It would be a gift to Beijing, too.")  # fmt: skip
    second = found[(found["sent_id"] == 2) & (found["lever"] == "troop presence")]
    assert list(second["direction"]) == ["more"] and list(second["stance"]) == ["oppose"]


def test_a_negated_change_word_is_the_opposite_change(directions):
    assert ("sanctions", "more") in [
        (r[1], r[2]) for r in directions("Washington should make clear it will not lift sanctions.")
    ]
    assert ("sanctions", "more", "oppose") in [
        (r[1], r[2], r[3]) for r in directions("Washington should not lift sanctions.")
    ]


@pytest.mark.parametrize(
    ("text", "lever", "direction"),
    [
        # the verb of the last conjunct governs the lever, not a product with the one before
        ("China should show restraint and end the military exercises.", "military exercises",
         "less"),
        ("The United States should stop smearing China and stop its unilateral sanctions.",
         "sanctions", "less"),
        # re- verbs of restoring are more
        ("Washington should reopen the channel, since the summit collapsed.",
         "negotiations/diplomacy", "more"),
    ],
)  # fmt: skip
def test_coordinated_verbs_and_re_verbs(text, lever, direction, directions):
    assert (lever, direction) in {(lv, d) for _, lv, d, _ in directions(text)}


def test_an_act_with_no_lever_is_more_of_it_unless_it_is_conduct(directions):
    assert directions("Washington should press Maduro in public.") == [
        ("United States", "other", "more", "support")
    ]
    assert directions("Washington should listen to its allies.") == [
        ("United States", "other", "none", "support")
    ]
    # the head of the action decides: "prevent" in the relative clause is not its change
    rows = directions("Washington should take up that offer, which would prevent a crisis.")
    assert [d for _, _, d, _ in rows] == ["more"]


def test_lever_phrases_coordinated_as_one_object_share_its_verb(directions):
    rows = directions("Washington must not trade away the joint exercises or the 28,500 troops.")
    assert {(lv, d, st) for _, lv, d, st in rows} == {
        ("military exercises", "more", "oppose"),
        ("troop presence", "more", "oppose"),
    }
    # a change word inside the phrase before ("sanctions relaxation") is that phrase's own
    rows = directions("Washington should offer sanctions relaxation and security guarantees.")
    assert {(lv, d) for _, lv, d, _ in rows} == {
        ("sanctions", "less"),
        ("security guarantees", "more"),
    }
    # a verb after the coordinator is a verb of its own
    rows = directions("Pyongyang should eschew nuclear weapons and adopt economic reforms.")
    assert ("economic engagement", "more") in {(lv, d) for _, lv, d, _ in rows}


def test_a_freeze_said_bare_is_more_denuclearization_and_its_verification_more_checking(
    directions,
):
    rows = directions("A verified freeze would be better than nothing.")
    assert {(lv, d) for _, lv, d, _ in rows} == {
        ("inspections and verification", "more"),  # the freeze after it is not its change
        ("denuclearization", "more"),
    }
    rows = directions("Washington should lift sanctions only after a freeze.")
    assert {(lv, d, st) for _, lv, d, st in rows} == {
        ("sanctions", "less", "conditional"),
        ("denuclearization", "more", "conditional"),
    }
    # a freeze on something is that thing's change; the verb keeps its object's lever
    rows = directions("Beijing wants a freeze on joint military exercises.")
    assert {(lv, d) for _, lv, d, _ in rows} == {("military exercises", "less")}
    rows = directions("Pyongyang should freeze its nuclear program.")
    assert {(lv, d) for _, lv, d, _ in rows} == {("denuclearization", "more")}


def test_a_trade_pact_and_humanitarian_relief_are_other_levers(directions):
    assert "alliance commitments and deterrence" not in {
        lv for _, lv, _, _ in directions("Washington should sign a trade pact with Tokyo.")
    }
    assert "sanctions" not in {
        lv for _, lv, _, _ in directions("Washington should fund humanitarian relief in Sudan.")
    }
