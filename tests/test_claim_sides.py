"""The other sides of a claim, person pronouns and clause-level conditions (issue 13, pos2),
as rules on synthetic sentences."""

from __future__ import annotations

from helpers.actors import find_mentions
from helpers.persons import person_reference
from tests.conftest import sentences_of

FIELDS = ["holder", "voice", "actor", "lever", "direction", "stance"]


def actors_of(found: list[tuple], sent_id: int, lever: str) -> set[str]:
    return {r[3] for r in found if r[0] == sent_id and r[4] == lever}


# -- he / she ----------------------------------------------------------------------------------


def test_he_is_the_person_named_before_not_the_nearest_country(rows):
    found = rows("The new president met Kim Jong-un's envoy in Seoul.",
                 "He should propose a freeze on sanctions.")  # fmt: skip
    assert actors_of(found, 2, "sanctions") == {"United States"}


def test_she_may_name_the_official_after_it_in_the_sentence(rows):
    found = rows("Pyongyang tested a missile.",
                 "She called for more sanctions, a Japanese official recalled.")  # fmt: skip
    assert {r[1] for r in found if r[0] == 2} == {"Japan"}


def test_his_government_is_the_government_of_the_person_named(rows):
    text = "President Moon Jae-in met Xi Jinping, and his government has pressed Beijing to " \
        "enforce sanctions."  # fmt: skip
    found = rows(text)
    assert ("South Korea", "reported", "China", "sanctions", "more", "support") in [
        r[1:7] for r in found
    ]


def test_person_reference_is_none_without_a_person(reference):
    sentences = sentences_of("Beijing and Tokyo argued.")
    mentions = find_mentions(sentences, reference.actors).rename(columns={"start": "s", "end": "e"})
    assert person_reference("Beijing and Tokyo argued.", mentions, 0, ()) is None


# -- condition, exchange, passive, concession ----------------------------------------------


def test_the_subject_of_an_if_clause_naming_a_lever_gets_a_conditional_row(rows):
    found = rows("If Beijing enforces the sanctions, Washington should resume talks.")
    assert ("author", "author", "China", "sanctions", "more", "conditional") in [
        r[1:7] for r in found
    ]
    assert actors_of(found, 1, "negotiations/diplomacy") == {"United States"}


def test_the_main_claim_takes_no_lever_from_its_condition(rows):
    found = rows("If Pyongyang tests a missile, that offer should be withdrawn.")
    assert actors_of(found, 1, "testing and proliferation") == {"North Korea"}
    assert not [r for r in found if r[3] == "United States" and r[4] == "testing and proliferation"]


def test_an_if_clause_without_a_lever_adds_no_row(rows):
    found = rows("If Beijing hesitates, Washington should resume talks.")
    assert {r[3] for r in found} == {"United States"}


def test_the_other_side_of_an_exchange_is_the_actor_it_names(rows):
    found = rows("Moscow called for a freeze on joint exercises in exchange for a freeze on "
                 "North Korean testing.")  # fmt: skip
    assert ("Russia", "reported", "North Korea", "testing and proliferation", "less",
            "conditional") in [r[1:7] for r in found]  # fmt: skip


def test_a_giving_verb_makes_the_lone_other_actor_of_the_context_the_counterpart(rows):
    found = rows("North Korea tested more missiles last year.",
                 "The United States should offer sanctions relief in exchange for a freeze of "
                 "the reactor.")  # fmt: skip
    assert actors_of(found, 2, "denuclearization") == {"North Korea"}
    ambiguous = rows("China and North Korea met.",
                     "Washington should offer sanctions relief in exchange for a freeze of the "
                     "reactor.")  # fmt: skip
    assert actors_of(ambiguous, 2, "denuclearization") == {"United States"}


def test_a_passive_subject_is_acted_on_by_the_addressee_or_the_by_agent(rows):
    assert actors_of(rows("Russia should not be left out of the talks."), 1,
                     "negotiations/diplomacy") == {"United States"}  # fmt: skip
    assert actors_of(rows("Pyongyang should be punished with sanctions by Beijing."), 1,
                     "sanctions") == {"China"}  # fmt: skip
    assert actors_of(rows("Seoul should be prepared to resume talks."), 1,
                     "negotiations/diplomacy") == {"South Korea"}  # fmt: skip
    assert actors_of(rows("Beijing should be asked to enforce sanctions."), 1,
                     "sanctions") == {"China"}  # fmt: skip


def test_a_conceded_clause_before_but_takes_the_stance_of_the_claim_after_it(rows):
    found = rows("Washington and Beijing met.",
                 "The two governments don't have to be friends, but Beijing would need to "
                 "resume talks.")  # fmt: skip
    mine = {(r[3], r[6]) for r in found if r[0] == 2 and r[4] == "negotiations/diplomacy"}
    assert mine == {("United States", "support"), ("China", "support")}
    alone = rows("Washington and Beijing met.", "The two governments don't have to resume talks.")
    assert {r[6] for r in alone if r[0] == 2} == {"neutral"}


def test_a_condition_makes_only_its_own_clause_conditional(rows):
    found = rows("Seoul said that it would resume trade only with progress on denuclearization, "
                 "and Tokyo has pressed Beijing to enforce sanctions.")  # fmt: skip
    stances = {(r[1], r[4]): r[6] for r in found}
    assert stances[("South Korea", "economic engagement")] == "conditional"
    assert stances[("Japan", "sanctions")] == "support"


def test_after_a_named_actor_does_something_is_a_condition(rows):
    found = rows("Washington should withdraw troops after Seoul takes over command.")
    assert {r[6] for r in found} == {"conditional"}
    assert {r[6] for r in rows("Washington should withdraw troops after the summit.")} == {
        "support"
    }


def test_a_binding_condition_with_a_pronoun_subject_is_the_named_actors(rows):
    found = rows("Washington should keep sanctions on Cuba until it frees political prisoners.")
    assert ("Cuba", "human rights", "more", "conditional", "subject of the condition") in {
        r[3:] for r in found
    }
    # a date is no condition anyone meets
    later = rows("Washington should keep the sanctions on Cuba until the end of the year.")
    assert {r[3] for r in later} == {"United States"}


def test_an_approval_tied_to_a_condition_is_conditional_a_concessive_if_is_not(rows):
    found = rows("Resuming talks makes sense only if Pyongyang freezes its tests.")
    assert {r[3:7] for r in found} == {
        ("United States", "negotiations/diplomacy", "more", "conditional"),
        ("North Korea", "testing and proliferation", "less", "conditional"),  # freezes: a verb
    }
    found = rows("Resuming talks was the right answer, if an incomplete one.")
    assert {r[6] for r in found} == {"support"}


def test_a_mention_table_gives_the_same_claims_as_a_dataframe(reference):
    from helpers.mentiontable import tables_by_sentence
    from helpers.positions import sentence_claims
    from helpers.subjects import SentenceContext

    text = "If Beijing enforces the sanctions, Washington and Seoul should resume talks."
    sentences = sentences_of(text)
    found = find_mentions(sentences, reference.actors)
    frame = found.rename(columns={"start": "s", "end": "e"})[["actor", "s", "e", "group", "kind",
                                                               "sent_id"]]  # fmt: skip
    table = tables_by_sentence(frame)[1]
    claims = [
        [(c.actors, c.stance, c.source) for c in sentence_claims(
            SentenceContext(text, mentions, (), "United States"), reference.levers)]
        for mentions in (frame.drop(columns="sent_id"), table)
    ]  # fmt: skip
    assert claims[0] == claims[1] and len(claims[0]) == 2


def test_the_allies_take_the_pair_an_earlier_sentence_names_when_it_shares_a_member(rows):
    found = rows("Washington and Tokyo met in March.", "The allies should resume exercises.")
    assert actors_of(found, 2, "military exercises") == {"United States", "Japan"}
    unrelated = rows("China and Russia met in March.", "The allies should resume exercises.")
    assert actors_of(unrelated, 2, "military exercises") == {"United States", "South Korea"}


def test_the_allies_take_an_earlier_list_of_three_sharing_a_member_however_far_back(rows):
    between = ("They met in March.", "Critics call it costly.", "Talks went on.", "Japan is wary.")
    found = rows("The United States, Britain and Australia signed a pact.", *between,
                 "The allies should resume exercises.")  # fmt: skip
    assert actors_of(found, 6, "military exercises") == {
        "United States", "United Kingdom", "Australia",
    }  # fmt: skip
    # a pair that far back is as often two sides: the group keeps its members
    found = rows("The United States and North Korea met in Hanoi.", *between,
                 "The allies should resume exercises.")  # fmt: skip
    assert actors_of(found, 6, "military exercises") == {"United States", "South Korea"}


def test_those_whose_help_is_sought_get_rows_with_the_claims_levers(rows):
    found = rows("Washington should seek support from both Japan and Russia for economic aid.")
    assert actors_of(found, 1, "economic engagement") == {"United States", "Japan", "Russia"}
    plain = rows("Washington should seek a deal with Japan on economic aid.")
    assert actors_of(plain, 1, "economic engagement") == {"United States"}


def test_a_pronoun_subject_of_an_evaluation_is_the_policy_not_the_last_country(rows):
    found = rows("The deal did not stop Iran.", "It was an exercise in appeasement.")
    assert {r[3] for r in found if r[0] == 2} == {"United States"}
