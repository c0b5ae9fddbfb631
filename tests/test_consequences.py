"""Evaluations by consequence, needs and comparisons, requests, appraisals a named actor
gives ("called the ban 'unjustified'"), evaluations that point back, and rhetorical forms that
are no claims, on synthetic sentences."""

from __future__ import annotations

import pytest


def fields(found: list[tuple], sent_id: int = 1) -> set[tuple]:
    """(holder, actor, lever, direction, stance) of one sentence's rows."""
    return {(r[1], r[3], r[4], r[5], r[6]) for r in found if r[0] == sent_id}


@pytest.mark.parametrize(
    ("text", "lever", "direction", "stance"),
    [
        ("Lifting the sanctions now would reward Pyongyang for its tests.",
         "sanctions", "more", "oppose"),
        ("Sending more missiles to Taiwan would strengthen deterrence.",
         "arms sales and military aid", "more", "support"),
        ("Expanding the tariffs will not change Beijing's behaviour.", "sanctions", "less",
         "oppose"),
        ("A preventive strike would invite artillery fire on Seoul.", "military force", "less",
         "oppose"),
        ("Ending the exercises could make the alliance weaker.", "military exercises", "more",
         "oppose"),
        ("Resuming the exercises would not provoke the North.", "military exercises", "more",
         "support"),
        # a perfect modal, and consequences a phrase says
        ("Lifting sanctions would have emboldened Pyongyang.", "sanctions", "more", "oppose"),
        ("Troop cuts would also send the wrong message to Kim.", "troop presence", "more",
         "oppose"),
        ("Extending the treaty would send a clear signal to Moscow.", "negotiations/diplomacy",
         "more", "support"),
        ("Cutting aid would do nothing to change the regime's behaviour.",
         "economic engagement", "more", "oppose"),
        # a good of next to nothing, and names joined by "and" inside the policy subject
        ("Cutting troops in Japan and Korea would save little.", "troop presence", "more",
         "oppose"),
        ("Cutting aid to Egypt and Jordan would achieve nothing.", "economic engagement", "more",
         "oppose"),
        ("Arms control worked with Moscow and can work with Pyongyang.",
         "negotiations/diplomacy", "more", "support"),
    ],
)  # fmt: skip
def test_a_policy_subject_judged_by_its_consequence_is_a_claim(
    rows, text, lever, direction, stance
):
    assert fields(rows(text)) == {("author", "United States", lever, direction, stance)}


def test_it_would_goes_on_judging_the_policy_of_the_sentence_before(rows):
    judged = rows("Snapping back every sanction at once would be a mistake.",
                  "It would hurt ordinary Venezuelans more than the regime.")  # fmt: skip
    assert (
        fields(judged, 2)
        == fields(judged, 1)
        == {("author", "United States", "sanctions", "less", "oppose")}
    )
    goes_on = rows("Withdrawing the troops would be a mistake.", "Worse, it would embolden Kim.")
    assert fields(goes_on, 2) == {("author", "United States", "troop presence", "more", "oppose")}
    named = rows("Then there is the military option.", "It would invite artillery fire on Seoul.")
    assert fields(named, 2) == {("author", "United States", "military force", "less", "oppose")}
    # "it" an actor the sentence before names as its subject: no policy to judge
    assert rows("North Korea tested a missile on Sunday.", "It would strengthen its hand.") == []
    assert rows("China has imposed tariffs on wine.", "It would help its own growers.") == []


@pytest.mark.parametrize(
    ("text", "lever"),
    [
        ("Lifting the sanctions, as Washington did in 2016, bought nothing that lasted.",
         "sanctions"),
        ("Three decades of diplomacy, from the Agreed Framework to the Hanoi summit, have not"
         " removed a single warhead.", "negotiations/diplomacy"),
    ],
)  # fmt: skip
def test_a_record_judged_past_an_aside_between_commas(rows, text, lever):
    assert {(r[3], r[4], r[6]) for r in rows(text)} == {("United States", lever, "oppose")}


@pytest.mark.parametrize(
    "text",
    [
        "North Korea's tests would destabilize the region.",  # an actor's conduct, no policy
        "If Seoul agrees, the talks could help.",  # an if-clause
        "Would lifting the sanctions reward Pyongyang?",  # a question
        "Lifting the sanctions would take a vote of the Security Council.",  # no consequence verb
        "Sanctions would probably stay.",  # a prediction
        "Sanctions would have stayed in place.",  # a counterfactual without a consequence
    ],
)
def test_no_consequence_claim_without_a_policy_subject_and_a_consequence(rows, text):
    assert rows(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Pressing too hard in public would hand Yoon's critics the charge that he bowed.",
        "Standing aside would only leave Seoul reading about decisions on its security.",
        "Staying another decade would have cost lives without changing the outcome.",
    ],
)
def test_a_harm_said_by_a_phrase_rejects_the_policy(rows, text):
    assert {r[6] for r in rows(text)} == {"oppose"}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("A verified freeze that held for two years would leave Northeast Asia safer.", "support"),
    ],
)
def test_a_good_left_behind_is_support(rows, text, stance):
    assert {r[6] for r in rows(text)} == {stance}


def test_a_simple_past_narrates_and_an_actor_failing_to_act_is_no_record(rows):
    assert rows("The summit failed.") == []  # a narrated event ("has failed" judges)
    assert rows("Pyongyang failed to honor its pledges.") == []


@pytest.mark.parametrize(
    ("text", "lever"),
    [
        ("Taiwan Needs Anti-Ship Missiles, Not Promises", "arms sales and military aid"),
        ("What the embargo needs is enforcement.", "sanctions"),
        ("A better course is to keep the sanctions in place.", "sanctions"),
        ("The surest way to deter Beijing is a stronger alliance.",
         "alliance commitments and deterrence"),
        ("A verified freeze is better than a disarmament that never comes.",
         "inspections and verification"),
        # what a policy subject needs: "An Audacious Offer Needs a Smaller First Step"
        ("Any deal with Pyongyang needs verification.", "negotiations/diplomacy"),
        ("Diplomacy needs time.", "negotiations/diplomacy"),
    ],
)  # fmt: skip
def test_needs_and_comparisons_are_support(rows, text, lever):
    assert ("author", lever, "support") in {(r[1], r[4], r[6]) for r in rows(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Relations are better than they were.",
        "The regime needs hard currency.",
        "It needs time.",
        "North Korea needs food aid.",
        "Officials stressed the need for a ceasefire.",
    ],
)
def test_a_comparison_with_the_past_and_a_bare_need_are_no_claims(rows, text):
    assert rows(text) == []


def test_a_proposal_deserves_a_hearing_and_i_request_that_are_the_authors(rows):
    assert {(r[1], r[6]) for r in rows("The proposal deserves a serious hearing.")} == {
        ("author", "support")
    }
    found = rows("I request that the administration approve the sale of F-16s to Taiwan.")
    assert {(r[1], r[2], r[6]) for r in found} == {("author", "author", "support")}


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("Tokyo called China's ban \"unjustified.\"",),
         {("Japan", "quoted", "China", "oppose")}),
        (("Chinese ships fired water cannon at a Philippine supply boat.",
          "Manila called it an act of aggression."),
         {("Philippines", "reported", "China", "oppose")}),
        (('A White House official called the accord "a historic step."',),
         {("United States", "quoted", "United States", "support")}),
    ],
)  # fmt: skip
def test_an_appraisal_a_named_actor_gives_is_its_position(rows, texts, expected):
    found = rows(*texts)
    assert {(r[1], r[2], r[3], r[6]) for r in found if r[0] == len(texts)} == expected


def test_a_neutral_or_hypothetical_appraisal_is_no_position(rows):
    assert rows('Beijing called the summit "an attempt to build an Asian NATO."') == []
    assert rows("If Tokyo called the ban unjustified, talks would stall.") == []


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Scaling back the exercises is a cheap concession.", "oppose"),
        ("Talking to Pyongyang is fine.", "support"),
        ("Tariffs on China Are a Tax, Not a Strategy", "oppose"),
        ("Tariffs alone are a weaker answer than a fund.", "oppose"),
        ("Pressing Seoul in public, however, would be a poor way to treat an ally.", "oppose"),
        # a particular course of action named by a noun
        ("Today's measures by Treasury are entirely appropriate.", "support"),
        ("The maximalist demand has produced nothing since 2019.", "oppose"),
        ("Washington's long reluctance was a mistake.", "oppose"),
        ("These actions are unacceptable and underscore the threat.", "oppose"),
        ("This approach would embolden Pyongyang.", "oppose"),
    ],
)
def test_an_appraisal_of_a_policy_subject_is_a_claim(rows, text, stance):
    assert {(r[1], r[6]) for r in rows(text)} == {("author", stance)}


@pytest.mark.parametrize(
    "text",
    [
        "Each move would improve stability even if it proved to be the last.",  # no particular one
        "The deal was signed in 2018.",  # no appraisal
        "Seoul's decision was announced on Friday.",
        "That deal was signed in 2018.",
        "This is unacceptable.",  # no course of action named
    ],
)
def test_a_policy_noun_subject_needs_a_definite_course_and_a_judgement(rows, text):
    assert rows(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Human rights conditions in Cuba remain poor.",  # a state, not a policy judged
        "The trade deal was sold as a down payment.",  # a passive
        "Returning home is a day to celebrate.",  # no appraisal in the lexicon
        "Sanctions are a tool the Treasury uses often.",
    ],
)
def test_a_state_a_passive_or_a_neutral_complement_is_no_appraisal(rows, text):
    assert rows(text) == []


@pytest.mark.parametrize(
    ("second", "direction", "stance"),
    [
        ("That is the wrong way to begin.", "more", "oppose"),
        ("It would be a gift to Beijing.", "more", "oppose"),
        ("Washington should build such a mechanism.", "less", "support"),
    ],
)
def test_an_evaluation_that_points_back_takes_the_lever_of_the_sentence_before(
    rows, second, direction, stance
):
    found = rows("Some in Congress propose lifting the sanctions on Pyongyang.", second)
    assert {(r[4], r[5], r[6]) for r in found if r[0] == 2} == {("sanctions", direction, stance)}


@pytest.mark.parametrize(
    "text",
    [
        "Consider the record.",  # a topic opener, not advice
        "Nobody should pretend the trade is harmless.",  # rhetorical should
        "Nor should anyone pretend the dispute is closed.",
        "He has refused before.",  # a refusal with no policy as its object
        "The United States rejects accusations that it wants Libya's oil.",
        "Some former negotiators argue quietly that the South should keep offering aid.",
    ],
)
def test_rhetorical_forms_and_refusals_of_no_policy_are_no_claims(rows, text):
    assert rows(text) == []


def test_a_refusal_of_a_policy_stays_a_position(rows):
    assert {(r[1], r[4], r[6]) for r in rows("Pyongyang has refused talks.")} == {
        ("North Korea", "negotiations/diplomacy", "oppose")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Yoon said that South Korea may reconsider its refusal to supply weapons.",
         {("South Korea", "South Korea", "support")}),
        ("Tokyo fears that Washington will not lift the tariffs.",
         {("Japan", "United States", "support")}),
        ("Beijing says every arms sale to Taiwan is a provocation.",
         {("China", "Taiwan", "oppose")}),
    ],
)  # fmt: skip
def test_reported_hedges_fears_and_appraisals_are_positions(rows, text, expected):
    assert {(r[1], r[3], r[6]) for r in rows(text)} == expected


@pytest.mark.parametrize(
    "text",
    [
        'Secretary Mattis has said North Korea is "the most urgent threat to peace."',
        "Japanese executives say privately that they fear their plants will be hostages.",
        "Officials said the meeting was held in Hanoi.",
    ],
)
def test_an_appraised_actor_a_private_partys_fear_and_a_fact_are_no_positions(rows, text):
    assert rows(text) == []


def test_the_party_that_stands_with_another_is_the_actor(rows):
    found = rows("The United States stands with Ukraine.", "We stand with the citizens of Belarus.")
    assert {(r[0], r[3]) for r in found} == {(1, "United States"), (2, "United States")}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Counting ships is not a policy.", "oppose"),
        ("More pressure is unlikely to change his mind.", "oppose"),
        ("Targeted export controls on advanced chips make sense.", "support"),
        ("A Taiwan armed with mines is far safer than one that waits to be rescued.", "support"),
        ("There is no other viable path to unified governance.", "support"),
    ],
)
def test_more_evaluative_forms_are_claims(rows, text, stance):
    assert {r[6] for r in rows(text)} == {stance}


@pytest.mark.parametrize(
    ("text", "holder", "stance"),
    [
        ("The United States is seriously concerned by the drills around Taiwan.", "author",
         "oppose"),
        ("We welcome the resolution the Security Council adopted.", "author", "support"),
        ("Seoul is deeply concerned about the missile launches.", "South Korea", "oppose"),
    ],
)  # fmt: skip
def test_concern_and_welcome_are_positions(rows, text, holder, stance):
    assert {(r[1], r[6]) for r in rows(text)} == {(holder, stance)}


@pytest.mark.parametrize(
    "text",
    [
        "There is no perfect solution to the North Korea dilemma.",
        "Controls that do not make sense are rare.",
    ],
)
def test_no_perfect_solution_and_a_negated_sense_are_no_claims(rows, text):
    assert rows(text) == []


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("A spokesman in Beijing said Tokyo should stop the build-up.", "China"),
        ("Two Republican senators urged the administration not to slow arms deliveries.",
         "United States"),
        ("Several senators want secondary sanctions on Chinese banks.", "United States"),
        ("Beijing hoped Washington would resume talks.", "China"),
    ],
)  # fmt: skip
def test_news_report_holders_and_hopes(rows, text, holder):
    assert {r[1] for r in rows(text)} == {holder}


def test_a_speaker_named_after_the_words_holds_the_position(rows):
    found = rows("Sanctions must stay in place, the South Korean minister said.")
    assert {(r[1], r[2], r[4]) for r in found} == {("South Korea", "reported", "sanctions")}
    assert rows("The talks should resume soon, a senior official said.") == []  # unnamed


@pytest.mark.parametrize(
    ("text", "holder", "stance"),
    [
        ("The United States welcomed the budget.", "United States", "support"),
        ("Pyongyang has shown little interest.", "North Korea", "oppose"),
        ("The commander of U.S. Forces Korea said the drills would go ahead.", "United States",
         "support"),
    ],
)  # fmt: skip
def test_welcomes_little_interest_and_a_commanders_words_are_positions(rows, text, holder, stance):
    assert {(r[1], r[6]) for r in rows(text)} == {(holder, stance)}


def test_welcoming_a_report_is_no_position(rows):
    assert rows("The United States welcomes the release today of a report by the panel.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We want to open a new chapter with Beijing," President Lee said.',
         {("South Korea", "quoted", "South Korea")}),
        ('"We hope the North will respond positively," the ministry in Seoul said.',
         {("South Korea", "quoted", "North Korea")}),
    ],
)  # fmt: skip
def test_stance_and_speech_verbs_inside_a_quotation_are_the_speakers(rows, text, expected):
    assert {(r[1], r[2], r[3]) for r in rows(text)} == expected


def test_asked_to_and_a_plural_subject_with_an_adverb_are_positions(rows):
    found = rows("Seoul asked Washington to delay the exercises.")
    assert {(r[1], r[3]) for r in found} == {("South Korea", "United States")}
    assert rows("Seoul was asked to pay more.") == []  # a passive: no position of Seoul's
    found = rows("Seoul and Beijing held talks.", "The two sides also agreed to resume talks.")
    assert {r[1] for r in found if r[0] == 2} == {"South Korea", "China"}


def title_rows(reference, title: str) -> set[tuple]:
    """(sent_id, holder, voice, actor) of the rows of a one-sentence document titled ``title``."""
    from conftest import sentences_of

    from helpers.actors import find_mentions
    from helpers.positions import extract_positions, with_titles

    sentences = sentences_of("The talks went on.")
    mentions = find_mentions(sentences, reference.actors)
    sentences, mentions = with_titles(sentences, mentions, {"syn": title}, reference.actors)
    found = extract_positions(sentences, mentions, reference.actors, reference.levers,
                              "United States")  # fmt: skip
    return {(r.sent_id, r.holder, r.voice, r.actor) for r in found.itertuples()}


def test_a_title_case_headline_is_read_as_prose(reference):
    found = title_rows(reference, "Seoul Proposes Military Talks as Pyongyang Keeps Its Distance")
    assert {(r[0], r[1], r[2]) for r in found} == {(0, "South Korea", "reported")}
    assert title_rows(reference, "Who Wants What on the Korean Peninsula") == set()
    assert (
        title_rows(reference, "Secretary Blinken's Call with Republic of Korea Minister") == set()
    )


def test_sentence_case_keeps_offsets_names_and_acronyms():
    from helpers.mentiontable import empty_table
    from helpers.positions import sentence_case

    title = "Seoul Says It May Reconsider Arms After NATO Summit"
    assert (
        sentence_case(title, empty_table()) == "Seoul says it may reconsider arms after NATO summit"
    )


@pytest.mark.parametrize(
    ("text", "holder", "stance"),
    [
        ("It's unfortunate that Russia decided to exercise its veto.", "author", "oppose"),
        ("Japan lodged a protest through its embassy.", "Japan", "oppose"),
        ("Pyongyang accused Washington of seeking to topple the regime.", "North Korea", "oppose"),
        ("Putin said Russia did not rule out military cooperation with North Korea.", "Russia",
         "support"),
        ("Washington will continue to pressure Pyongyang.", "United States", "support"),
        ("Secretary Blinken reaffirmed the ironclad U.S. commitment to the security of Japan.",
         "United States", "support"),
        ("Japanese and Philippine leaders committed to uphold freedom of navigation.", "Japan",
         "support"),
    ],
)  # fmt: skip
def test_readout_and_news_forms_of_a_position(rows, text, holder, stance):
    assert (holder, stance) in {(r[1], r[6]) for r in rows(text)}


def test_a_participle_committed_to_is_no_commitment(rows):
    assert rows("The Cuban people deserve a government committed to democracy.") == []


@pytest.mark.parametrize(
    ("text", "holder", "actor"),
    [
        ("China vowed resolute countermeasures over the drone sale.", "China", "China"),
        ("Japan pledged more aid to Ukraine.", "Japan", "Japan"),  # the giver acts
    ],
)
def test_a_vow_or_pledge_of_a_thing_is_the_holders_position(rows, text, holder, actor):
    assert {(r[1], r[3]) for r in rows(text)} == {(holder, actor)}


def test_an_honorific_and_one_word_of_an_earlier_name_is_that_persons_mention(reference):
    from conftest import sentences_of

    from helpers.actors import find_mentions

    sentences = sentences_of(
        "President Lee Jae-myung met Xi Jinping.", "Mr. Lee called for talks.", "Mr. Smith left."
    )
    found = find_mentions(sentences, reference.actors)
    assert {(r.sent_id, r.actor, r.alias) for r in found.itertuples() if r.sent_id > 1} == {
        (2, "South Korea", "Mr. Lee")
    }


@pytest.mark.parametrize(
    ("text", "lever", "direction", "stance"),
    [
        ("Sanctions have failed to do the one thing they were sold to do.", "sanctions", "less",
         "oppose"),
        ("Three decades of diplomacy have not removed a single warhead.",
         "negotiations/diplomacy", "less", "oppose"),
        ("Maximum pressure has worked.", "sanctions", "more", "support"),
        ("Diplomacy has not failed.", "negotiations/diplomacy", "more", "support"),
        ("That means more realistic combined exercises, not fewer.", "military exercises",
         "more", "support"),
        ("It also means keeping the joint exercises on the calendar.", "military exercises",
         "more", "support"),
    ],
)  # fmt: skip
def test_a_policys_record_and_what_a_course_means_are_claims(rows, text, lever, direction, stance):
    assert fields(rows(text)) == {("author", "United States", lever, direction, stance)}


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang has failed to honor its pledges.",  # an actor's record, no policy
        "The talks have produced a framework.",  # no verdict on the record
        "It means that the talks failed.",  # an inference, no course
    ],
)
def test_an_actors_record_and_an_inference_are_no_claims(rows, text):
    assert rows(text) == []


def test_a_course_it_does_not_mean_is_rejected(rows):
    found = fields(rows("That does not mean ending the joint exercises."))
    assert found == {("author", "United States", "military exercises", "more", "oppose")}


def test_a_freeze_with_no_actor_in_its_subject_is_the_armed_states_act(rows):
    found = rows("North Korea tested another missile in March.",
                 "A freeze of the nuclear programme would be better than a fantasy.")  # fmt: skip
    assert {r[3] for r in found if r[0] == 2 and r[4] == "denuclearization"} == {"North Korea"}
    asked = rows("North Korea tested another missile in March.",
                 "Negotiate a formal pact forbidding missile testing.")  # fmt: skip
    assert {r[3] for r in asked if r[0] == 2} == {"United States"}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("It is an argument for keeping the exercises on the calendar.", "support"),
        ("None of this is an argument for ending the exercises.", "oppose"),
        ("None of this means ending the exercises.", "oppose"),
        ("Washington gains nothing by ending the exercises.", "oppose"),
    ],
)
def test_arguments_for_a_course_and_what_none_of_this_means(rows, text, stance):
    assert {r[6] for r in rows(text) if r[4] == "military exercises"} == {stance}


def test_the_wrong_lesson_judges_the_sentence_before(rows):
    found = rows("Seoul should scrap the exercises.", "That would be the wrong lesson.")
    assert fields(found, 2) == {("author", "South Korea", "military exercises", "more", "oppose")}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Third, require the Pentagon to speed up arms deliveries to Taiwan.", "support"),
        ("Don't Count on Beijing to Enforce the Sanctions", "oppose"),
    ],
)
def test_more_imperative_verbs(rows, text, stance):
    assert {(r[3], r[6]) for r in rows(text)} == {("United States", stance)}


@pytest.mark.parametrize(
    "text",
    [
        "Neither reaction is a reason to end the joint exercises.",
        "Ending the joint exercises is not good enough.",
    ],
)
def test_no_reason_and_not_good_enough_reject(rows, text):
    assert {(r[4], r[6]) for r in rows(text)} == {("military exercises", "oppose")}
