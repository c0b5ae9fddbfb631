"""Commentary forms of the dev batches pos4 and pos5, as rules on synthetic sentences:
pronouns and anaphors that point back, parties urged to act, exceptions and negations,
evaluations, reported verb shapes, "could" proposals, who acts on a want, imperative titles
and the lever vocabulary of alliances, sanctions and intelligence sharing."""

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


# -- evaluations, extraposed advice, epistemic "should", topic openers -------------------------


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("What works, slowly, is pressure that bites.", "support"),
        ("The way forward is a bargain with Beijing on sanctions.", "support"),
        ("What we cannot accept is a bill that doubles the cost of the troops.", "oppose"),
        ("That instinct is wrong.", "oppose"),
        ("A third summit would be theatre, and nothing more.", "oppose"),
        ("Today's sanctions are entirely appropriate.", "support"),
        ("The President was justified in making this demand of the allies.", "support"),
        ("Sharing missile-warning data is worth doing.", "support"),
        ("It would therefore seem sensible, though perhaps not easy, for Tokyo to expand its "
         "missile defenses.", "support"),
        ("It might also be wise, if Seoul is willing, to draw South Korea into the talks.",
         "conditional"),
        ("The halt of joint military exercises is far less consequential.", "support"),
        ("But the alternative, abandoning the alliance, would be worse.", "oppose"),
    ],
)  # fmt: skip
def test_evaluations_and_extraposed_advice_are_claims(rows, text, stance):
    assert {r[6] for r in rows(text)} == {stance}


@pytest.mark.parametrize(
    "text",
    [
        "Nobody should be surprised.",
        "None of this, it should be said, is likely to change Pyongyang's mind.",
        "That reaction should tell Washington something.",
        "Take sanctions.",
        "Look at the record.",
        "Start with what the threat of sanctions has achieved.",
        "Take, for example, the panel's finding that the missile was Iranian.",
        "Seoul's anger is justified.",
        "It is worth setting out what each government says it wants.",
    ],
)
def test_epistemic_should_topic_openers_and_moods_are_not_claims(rows, text):
    assert rows(text) == []


def test_a_short_imperative_with_an_object_phrase_stays_a_claim(rows):
    assert {r[3] for r in rows("Take the offer.")} == {"United States"}


# -- reported positions: more verb shapes, leaders the gazetteer names -------------------------


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("President Marcos met the envoy.", "He does want more joint patrols."),
         ("Philippines", "Philippines", "military exercises", "more", "support")),
        (("Imran Khan has offered talks.",),
         ("Pakistan", "Pakistan", "negotiations/diplomacy", "more", "support")),
        (("Seoul, by contrast, is pushing for a declaration ending the Korean War.",),
         ("South Korea", "South Korea", "security guarantees", "more", "support")),
        (("Seoul and Tokyo agreed this month to expand joint military exercises.",),
         ("Japan", "Japan", "military exercises", "more", "support")),
        (("Marcos has so far preferred to keep the escorts Filipino.",),
         ("Philippines", "Philippines", "maritime security", "more", "support")),
        (("We strongly condemn Russia's escalation in Ukraine.",),
         ("author", "Russia", "military force", "less", "oppose")),
        (("Pyongyang responded with greater enthusiasm for negotiations.",),
         ("North Korea", "North Korea", "negotiations/diplomacy", "more", "support")),
        (("Prime Minister Albanese said Australia would raise defense spending.",),
         ("Australia", "Australia", "alliance burden-sharing", "more", "support")),
    ],
)  # fmt: skip
def test_more_reported_verb_shapes_and_named_leaders(rows, texts, expected):
    found = rows(*texts)
    assert expected in fields(found, len(texts))


def test_standing_with_a_people_is_no_position(rows):
    assert rows("We stand with the people of Syria.") == []
    assert {r[6] for r in rows("The United States stands with its Philippine allies.")} == {
        "support"
    }


# -- "could" proposals --------------------------------------------------------------------------


def test_could_with_an_actor_subject_and_a_lever_is_a_proposal(rows):
    found = rows("In return, Washington and Seoul could scale back their annual exercises.")
    assert fields(found, 1) == {
        ("author", "United States", "military exercises", "less", "conditional"),
        ("author", "South Korea", "military exercises", "less", "conditional"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "South Korea has an army that could defend the country on its own.",
        "Beijing could be persuaded to enforce sanctions.",
        "A ceasefire could have come about months ago.",
        "It can, however, lean on Pakistan.",  # no lever named in the action
        "Their children can achieve a brighter future in a free democracy.",
        "If Seoul could resume talks, Tokyo would follow.",
    ],
)
def test_could_is_no_proposal_without_an_actor_subject_and_a_lever(rows, text):
    assert rows(text) == []


# -- who would act on what a holder wants -------------------------------------------------------


def test_a_bare_want_of_a_state_of_affairs_is_asked_of_the_one_other_actor(rows):
    found = rows("Pyongyang tested again.", "Beijing wants a quiet border.")
    assert {(r[1], r[3], r[7]) for r in found if r[0] == 2} == {
        ("China", "North Korea", "counterpart (reported)")
    }


def test_a_diplomatic_partner_is_no_actor_of_the_want(rows):
    found = rows("Tokyo wants a dialogue with Pyongyang.")
    assert {(r[1], r[3]) for r in found} == {("Japan", "Japan")}
    assert {r[3] for r in rows("Tokyo wants Pyongyang to return the abductees.")} == {"North Korea"}


def test_the_three_partners_gather_actors_from_earlier_sentences(rows):
    found = rows(
        "Australia signed the pact in 2021.",
        "Britain and America will build the boats.",
        "The three partners should expand joint military exercises.",
    )
    assert {r[3] for r in found if r[0] == 3} == {"Australia", "United Kingdom", "United States"}


def test_more_imperative_titles_but_not_press_or_emphasis(rows):
    assert {(r[3], r[4], r[5]) for r in rows("Escort the Resupply Boats, and Say So Quietly")} == {
        ("United States", "maritime security", "more")
    }
    assert rows("Press Availability on Iran Snapback Sanctions") == []
    assert rows("Make no mistake: these actions have no validity.") == []


@pytest.mark.parametrize(
    ("text", "lever", "direction"),
    [
        ("Beijing should squeeze North Korea harder.", "sanctions", "more"),
        ("China should cut off crude oil shipments to the North.", "sanctions", "more"),
        ("Seoul and Tokyo should keep sharing intelligence.", "multilateral coordination", "more"),
        ("Seoul should raise its contribution to the cost of the troops.",
         "alliance burden-sharing", "more"),
        ("Taipei should buy more of its own air defense.", "alliance burden-sharing", "more"),
        ("Washington should reaffirm the Mutual Defense Treaty.",
         "alliance commitments and deterrence", "more"),
        ("A China-first approach will not work.", "relations with China", "less"),
        ("The allies should expand their joint naval patrols.", "military exercises", "more"),
        ("Seoul should pay more for the alliance.", "alliance burden-sharing", "more"),
        ("Tokyo should finish its defence build-up.", "alliance burden-sharing", "more"),
        ("Washington must stand by its Philippine allies.",
         "alliance commitments and deterrence", "more"),
        ("Seoul wants a seat at the table.", "negotiations/diplomacy", "more"),
        ("Tokyo should pick up the phone to Beijing.", "negotiations/diplomacy", "more"),
        ("North Korea must eliminate its nuclear-weapons program.", "denuclearization", "more"),
        ("Seoul does not need its own bomb.", "denuclearization", "more"),
        ("Beijing wants a nuclear-free peninsula.", "denuclearization", "more"),
        ("It is more important than ever to reassure Taiwan of our commitment.",
         "alliance commitments and deterrence", "more"),
        ("It is critical to keep the sanctions in place.", "sanctions", "more"),
    ],
)  # fmt: skip
def test_alliance_sanctions_and_intelligence_vocabulary(rows, text, lever, direction):
    assert (lever, direction) in {(r[4], r[5]) for r in rows(text)}


def test_shared_warning_data_is_coordination_not_a_missile_test(rows):
    for text in (
        "Seoul and Tokyo should share missile-warning data in real time.",
        "The allies should begin sharing real-time warning data.",
    ):
        assert {r[4] for r in rows(text)} == {"multilateral coordination"}


# -- batch pos6: evaluations of a congressional and think-tank register -------------------------


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("It's not in our national interest to appease Beijing.", "oppose"),
        ("A war with North Korea is not in our long-term interest.", "oppose"),
        ("That is no reason to slow down the sanctions.", "oppose"),
        ("I am also concerned that there is cavalier talk about military strikes.", "oppose"),
        ("Seoul does not need its own nuclear weapons.", "oppose"),
        ("The policy of maximum pressure has run its course.", "oppose"),
        ("Lifting the tariffs in exchange for purchases would repeat the central error.",
         "oppose"),
        ("A bomb of its own would cost Seoul its standing in the treaty.", "oppose"),
        ("The Administration's intent to rework trade relations with China is welcome.",
         "support"),
        ("A smaller coalition that keeps up the sanctions is far better.", "support"),
        ("New export controls are a reasonable start.", "support"),
        ("A concession on some consumer goods would cost little.", "support"),
        ("The repression of the North Korean people warrants the enactment of new sanctions.",
         "support"),
        ("Seoul reaffirmed its commitment to the Non-Proliferation Treaty.", "support"),
        ("It's time to bring to bear all the tools of diplomacy.", "support"),
        ("Blocking the sale was the wrong call.", "oppose"),
        ("Giving way now would teach Beijing that economic coercion works.", "oppose"),
        ("A review of the deployment under Chinese pressure would be a surrender.", "oppose"),
        ("A declaration signed before any freeze would hand Kim the political prize.", "oppose"),
        ("The obvious answer is to make the sanctions harder to undo.", "support"),
    ],
)  # fmt: skip
def test_commentary_evaluations_are_claims(rows, text, stance):
    assert stance in {r[6] for r in rows(text)}


def test_welcome_all_is_a_courtesy(rows):
    assert rows("Welcome all to today's hearing.") == []


def test_an_evaluation_of_that_judges_the_rows_of_the_sentence_before(rows):
    found = rows("India and Pakistan say they want no further escalation.", "That is welcome.")
    assert fields(found, 2) == {
        ("author", "India", "military force", "less", "support"),
        ("author", "Pakistan", "military force", "less", "support"),
    }
    found = rows("Washington offered to lift sanctions.", "This would be a mistake.")
    assert fields(found, 2) == {("author", "United States", "sanctions", "more", "oppose")}


def test_a_group_adjective_keeps_its_members_as_the_policys_actors(rows):
    found = rows("The allied halt of military exercises is far less consequential.")
    assert {r[3] for r in found} == {"United States", "South Korea"}
    assert {r[3] for r in rows("American troop cuts would be a mistake.")} == {"United States"}


@pytest.mark.parametrize(
    ("text", "holder", "stance"),
    [
        ("Pyongyang has made clear it will not give up its nuclear weapons.", "North Korea",
         "oppose"),
        ("Washington has signaled it would accept a freeze on missile tests.", "United States",
         "support"),
        ("Seoul is reluctant to impose new sanctions.", "South Korea", "oppose"),
        ("China is loath to cut off oil to the North.", "China", "oppose"),
        ("Washington has no intention of withdrawing its troops.", "United States", "oppose"),
        ("Kim has vowed never to give up his nuclear arsenal.", "North Korea", "oppose"),
        ("South Korea is keen to resume economic projects.", "South Korea", "support"),
        ("Russia has pushed for sanctions relief.", "Russia", "support"),
    ],
)  # fmt: skip
def test_news_forms_of_a_reported_position(rows, text, holder, stance):
    assert {(r[1], r[2], r[6]) for r in rows(text)} == {(holder, "reported", stance)}


@pytest.mark.parametrize(
    "text",
    [
        "Farmers in Iowa will be relieved, and they should be.",
        "Japanese executives now say privately that they will resist new sanctions.",
        "Polls show that roughly seven in ten South Koreans want a bomb of their own.",
        "Most Americans want the troops home.",
        "The danger is that he offers to shrink the American troop presence in the South.",
        "It is essential that you are here today.",
        "Start with what Tokyo heard.",
        "The hawks say they only need to be enforced properly.",
    ],
)
def test_elliptical_should_private_parties_feared_offers_and_asides_are_no_claims(rows, text):
    assert rows(text) == []


def test_a_government_named_by_its_presidents_surname(rows):
    found = rows("The Moon government has said it will raise its contribution.")
    assert {(r[1], r[4]) for r in found} == {("South Korea", "alliance burden-sharing")}


def test_both_officials_are_the_two_governments_named_before(rows):
    found = rows("Secretary Blinken spoke with Foreign Minister Park of South Korea.",
                 "Both officials strongly condemned the missile launches.")  # fmt: skip
    assert {(r[1], r[6]) for r in found if r[0] == 2} == {
        ("United States", "oppose"),
        ("South Korea", "oppose"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the author's own choice, in the first person
        ("I would not lift a single sanction until inspectors were on the ground.",
         ("author", "United States", "sanctions", "more", "oppose")),
        ("Better to hold the talks now and build the case later.",
         ("author", "United States", "negotiations/diplomacy", "more", "support")),
        ("What we actually need from Tokyo is more munitions.",
         ("author", "Japan", "arms sales and military aid", "more", "support")),
    ],
)  # fmt: skip
def test_first_person_choices_elliptical_advice_needs_and_arguing_against(rows, text, expected):
    assert expected in fields(rows(text), 1)


def test_arguing_against_a_measure_on_its_target(rows):
    """The target of the sanctions ("on North Korea") is not the one who would impose them."""
    found = fields(rows("Beijing argued against new sanctions on North Korea."), 1)
    assert {(r[0], r[2], r[3], r[4]) for r in found} == {("China", "sanctions", "less", "oppose")}
    assert "North Korea" not in {r[1] for r in found}


@pytest.mark.parametrize(
    "text",
    ["I would argue that the talks failed.", "I would like to thank the chairman."],
)
def test_i_would_say_argue_or_like_is_no_choice(rows, text):
    assert rows(text) == []


def test_an_imperative_to_ask_or_press_a_party_gives_that_party_a_row(rows):
    assert {r[3] for r in rows("Ask Tokyo and Seoul for Capabilities, Not Cash")} >= {
        "Japan", "South Korea"
    }  # fmt: skip
    assert ("China", "sanctions", "more", "support") in {
        r[3:7] for r in rows("Press Beijing to enforce the sanctions it voted for.")
    }
    assert rows("Press Availability on Iran Snapback Sanctions") == []  # the press, no verb


def test_this_council_is_the_security_council_and_condemning_wants_less(rows):
    found = rows("I call on the Council to condemn these latest ballistic missile launches.")
    assert ("UN Security Council", "testing and proliferation", "less", "support") in {
        r[3:7] for r in found
    }
    assert rows("She spoke at the Council on Foreign Relations.") == []


def test_a_quoted_condemnation_is_no_second_change_word(rows):
    found = rows('A spokesperson said the United States "strongly condemns" the missile launch.')
    assert {r[5:7] for r in found if r[4] == "testing and proliferation"} == {("less", "oppose")}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("It is simply unacceptable to allow Pyongyang to threaten our cities.", "oppose"),
        ("It would still be foolish to build our policy on Beijing's help.", "oppose"),
        ("When the talks resume, keep Seoul in the room.", "support"),
        ("When New START Lapses, Keep the Numbers Anyway", "support"),
    ],
)
def test_extraposed_rejections_and_imperatives_after_a_when_clause(rows, text, stance):
    assert {r[6] for r in rows(text)} == {stance}


def test_too_early_to_say_is_no_rejection(rows):
    assert rows("It is too early to say whether the talks will resume.") == []


def test_a_duty_or_a_right_of_the_subject_is_a_prescription(rows):
    found = rows("The Security Council has a responsibility to enforce the arms embargo.")
    assert fields(found, 1) == {("author", "UN Security Council", "sanctions", "more", "support")}
    assert {r[3] for r in rows("India has every right to demand that Pakistan end it.")} == {
        "India"
    }


def test_entitled_to_a_thing_or_to_wonder_is_no_prescription(rows):
    assert rows("An ally is entitled to know what protection it gets.") != []
    assert (
        rows(
            "Filipinos are entitled to traditional fishing rights.",
            "Koreans are entitled to that quarrel.",
            "Japan is entitled to wonder what the Quad adds.",
        )
        == []
    )


def test_now_is_the_time_prescribes_for_its_slot_or_the_addressee(rows):
    found = rows("Now is the time for Congress to pass the sanctions bill.")
    assert fields(found, 1) == {("author", "United States", "sanctions", "more", "support")}
    found = rows("This is the moment to resume talks with Pyongyang.")
    assert fields(found, 1) == {
        ("author", "United States", "negotiations/diplomacy", "more", "support")
    }
    assert rows("This is the second time this year that Pyongyang has tested a missile.") == []


@pytest.mark.parametrize(
    ("text", "lever", "stance"),
    [
        ("Sanctioning the biggest state banks would be a step too far.", "sanctions", "oppose"),
        ("China's drills around Taiwan are unwarranted.", "military exercises", "oppose"),
        ("Neither is a reason to delay talks.", "negotiations/diplomacy", "oppose"),
        ("Engagement with Pyongyang is worth the trouble.", "negotiations/diplomacy", "support"),
        ("A freeze of the nuclear programme is not a gift to Kim.", "denuclearization",
         "support"),
        ("Our alliance with Japan is critical for deterring aggression.",
         "alliance commitments and deterrence", "support"),
        ("Disrupting the oil network is a crucial element of the sanctions campaign.",
         "sanctions", "support"),
    ],
)  # fmt: skip
def test_an_evaluation_of_a_policy_is_a_position_on_it(rows, text, lever, stance):
    assert {(r[4], r[6]) for r in rows(text)} == {(lever, stance)}


def test_a_rejected_delay_wants_more_and_a_place_is_no_subject(rows):
    assert {(r[3], r[5]) for r in rows("Neither is a reason to delay talks.")} == {
        ("United States", "more")
    }
    assert {r[3] for r in rows("China's drills around Taiwan are unwarranted.")} == {"China"}


def test_a_position_declined_to_be_dismissed_is_supported_not_a_fear(rows):
    found = rows("Seoul wants its own enrichment plant.", "Seoul's case is not foolish.")
    assert {(r[3], r[6]) for r in found if r[0] == 2} == {("South Korea", "support")}
    feared = rows("Seoul fears a trade war.", "That fear is not irrational.")
    assert [r for r in feared if r[0] == 2] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What matters is whether the allies enforce the sanctions together.",
         ("United States", "sanctions", "support")),
        ("What Beijing can do is enforce the sanctions it voted for.",
         ("China", "sanctions", "support")),
        ("The way to deter an invasion is to sell Taiwan more missiles.",
         ("United States", "arms sales and military aid", "support")),
        ("Selling Taiwan more missiles is the most useful step Washington can take.",
         ("United States", "arms sales and military aid", "support")),
        ("Cutting economic aid is the least useful contribution Congress can make.",
         ("United States", "economic engagement", "oppose")),
    ],
)  # fmt: skip
def test_what_matters_the_way_to_and_superlatives_judge_a_course(rows, text, expected):
    assert expected in {(r[3], r[4], r[6]) for r in rows(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Half Deal With Pyongyang Beats No Deal at All", ("negotiations/diplomacy", "support")),
        ("Seoul's plan for talks gets the order right.", ("negotiations/diplomacy", "support")),
        ("China belongs in the room.", ("negotiations/diplomacy", "support")),
        ("Sanctions have their place.", ("sanctions", "support")),
        ("I am not against talking to Kim Jong Un.", ("negotiations/diplomacy", "support")),
        ("I have no quarrel with the new sanctions.", ("sanctions", "support")),
        ("None of this rules out talks with the North.", ("negotiations/diplomacy", "support")),
        ("I am not arguing for lifting the sanctions.", ("sanctions", "oppose")),
        ("The case for troop cuts rests on a misreading.", ("troop presence", "oppose")),
        ("None of that replaces new sanctions.", ("sanctions", "support")),
        ("Washington cannot wait for the Security Council to act.",
         ("inaction (strategic patience)", "oppose")),
    ],
)  # fmt: skip
def test_idioms_of_approval_and_rejection_judge_a_course(rows, text, expected):
    assert expected in {(r[4], r[6]) for r in rows(text)}


def test_they_and_an_object_it_point_back_to_the_levers_before(rows):
    found = rows(
        "Some in Seoul want a uranium enrichment plant.", "They are wrong, and dangerously so."
    )
    assert {(r[4], r[6]) for r in found if r[0] == 2} == {("denuclearization", "oppose")}
    found = rows("Seoul offered talks with Pyongyang.", "Beijing would welcome them.")
    assert {(r[1], r[4]) for r in found if r[0] == 2} == {("China", "negotiations/diplomacy")}


def test_an_anaphor_reaches_over_a_sentence_that_names_no_lever(rows):
    found = rows(
        "Seoul offered talks with Pyongyang.",
        "Tokyo is wary.",
        "Washington should take Seoul up on that offer.",
    )
    assert {(r[3], r[4]) for r in found if r[0] == 3} == {
        ("United States", "negotiations/diplomacy")
    }
    found = rows(
        "Seoul offered talks with Pyongyang.",
        "Tokyo is wary.",
        "Beijing is silent.",
        "Washington should take Seoul up on that offer.",
    )
    assert {r[4] for r in found if r[0] == 4} == {"other"}  # two sentences back at most
