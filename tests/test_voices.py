"""Whose position, and the error classes of issue 13, as rules on synthetic sentences."""

from __future__ import annotations

import pytest

from helpers.actors import find_mentions
from helpers.positions import positions_for_corpus
from tests.conftest import sentences_of

FIELDS = ["holder", "voice", "actor", "lever", "direction", "stance"]


@pytest.fixture
def rows(positions_of):
    """Position rows of one document whose sentences are the given texts, as tuples."""

    def rows(*texts: str) -> list[tuple]:
        return list(positions_of(*texts)[["sent_id", *FIELDS]].itertuples(index=False, name=None))

    return rows


# -- reported and quoted positions -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tokyo is on record opposing any sanctions relief.",
         ("Japan", "reported", "Japan", "sanctions", "more", "oppose")),
        ("Moscow does not want a nuclear North Korea.",
         ("Russia", "reported", "North Korea", "denuclearization", "more", "oppose")),
        ("Beijing has never wanted a nuclear North Korea.",
         ("China", "reported", "North Korea", "denuclearization", "more", "oppose")),
        ("Seoul has no wish to resume the talks.",
         ("South Korea", "reported", "South Korea", "negotiations/diplomacy", "less", "oppose")),
        ("China expressed strong support for the talks.",
         ("China", "reported", "China", "negotiations/diplomacy", "more", "support")),
        ("Beijing prefers to keep its troops at home.",
         ("China", "reported", "China", "troop presence", "more", "support")),
        ("Kim Jong-un vowed to expand the country's nuclear arsenal.",
         ("North Korea", "reported", "North Korea", "denuclearization", "less", "support")),
        ("Putin called for a freeze on military exercises.",
         ("Russia", "reported", "Russia", "military exercises", "less", "support")),
        ("Seoul said that it would resume talks only with progress on the freeze.",
         ("South Korea", "reported", "South Korea", "negotiations/diplomacy", "more",
          "conditional")),
    ],
)  # fmt: skip
def test_reported_stance_verbs_give_the_actors_position(text, expected, rows):
    assert (1, *expected) in rows(text)


def test_a_pledge_of_an_alliance_or_of_ties_in_quotation_marks_is_each_holders(rows):
    # news headlines: "Lee and Trump Pledge Stronger Alliance", "… Pledge 'Future-Oriented' Ties"
    found = rows("Washington and Seoul pledge a stronger alliance.")
    assert {(r[1], r[5], r[6]) for r in found} == {
        ("United States", "more", "support"),
        ("South Korea", "more", "support"),
    }
    assert {r[1] for r in rows("Tokyo pledged 'future-oriented' ties with Seoul.")} == {"Japan"}


def test_a_protest_after_a_time_or_before_its_occasion_is_the_protesters_opposition(rows):
    found = rows("Tokyo protested on Monday against the new sanctions.")
    assert {(r[1], r[4], r[5], r[6]) for r in found} == {("Japan", "sanctions", "less", "oppose")}
    found = rows("Seoul protested last year after China installed a platform in the Yellow Sea.")
    assert {(r[1], r[6]) for r in found} == {("South Korea", "oppose")}


def test_a_negated_infinitive_after_a_reported_verb_opposes_the_action(rows):
    # the negation is the stance; the direction is the change the holder wants
    found = rows("Tokyo urged Washington not to lift sanctions.")
    assert [r[1:] for r in found] == [
        ("Japan", "reported", "United States", "sanctions", "more", "oppose"),
    ]
    found = rows("Two senators urged the administration not to slow arms deliveries to Taipei.")
    assert [r[4:] for r in found] == [("arms sales and military aid", "more", "oppose")]
    found = rows("Tokyo wants Washington not to withdraw its troops from Okinawa.")
    assert {r[3:] for r in found} == {("United States", "troop presence", "more", "oppose")}
    found = rows("Tokyo urged Washington to lift sanctions.")
    assert [r[5:] for r in found] == [("less", "support")]


def test_a_reported_clause_judged_in_the_speakers_quoted_words_is_a_quoted_position(rows):
    found = rows(
        'Russia\'s ambassador told the council that the sanctions had "lost their relevance."'
    )
    assert [r[1:3] + r[4:] for r in found] == [("Russia", "quoted", "sanctions", "less", "oppose")]
    found = rows('China said the arms sale "seriously violates" the one-China principle.')
    assert {r[1:3] + r[6:] for r in found} == {("China", "quoted", "oppose")}
    found = rows('Kim Yo-jong said the North has "no interest" in any talks with Seoul.')
    assert [r[1:3] + r[4:] for r in found] == [
        ("North Korea", "quoted", "negotiations/diplomacy", "less", "oppose")
    ]
    found = rows('Beijing says every arms sale is "playing with fire."')
    assert [r[1:3] + r[4:] for r in found] == [
        ("China", "quoted", "arms sales and military aid", "less", "oppose")
    ]
    # quoted words that judge nothing state no position
    assert rows('She said the talks were "of interest to historians."') == []
    assert rows('Russia\'s ambassador said the sanctions had "covered a lot of ground."') == []


def test_the_speakers_own_hope_for_a_lever_is_a_position_a_past_hope_is_not(rows):
    found = rows("We hope for calm and constructive dialogue with China.")
    assert {r[1:] for r in found} == {
        ("author", "author", "United States", "negotiations/diplomacy", "more", "support")
    }
    assert rows("Japanese officials had hoped for explicit language on the row.") == []


def test_a_reported_position_needs_a_named_holder_and_an_active_verb(rows):
    assert rows("Critics say that Washington should lift sanctions.") == []
    assert rows("An American offer to withdraw troops was rejected.") == []
    assert rows("If Tokyo wants to win, it will have to wait.")[0][1] == "author"


def test_an_appositive_and_a_group_of_people_keep_their_actor(rows):
    text = "Pompeo, the favorite for the post, is on record opposing negotiation."
    assert rows(text)[0][1:5] == ("United States", "reported", "United States",
                                  "negotiations/diplomacy")  # fmt: skip
    some = rows("Some in Congress want to cut off talks until Pyongyang disarms.")
    assert some[0][1:3] == ("United States", "reported")
    assert some[0][-1] == "conditional"


def test_quoted_prescriptions_belong_to_the_speaker(rows):
    text = "In Tokyo, an official told reporters: “We have to keep the sanctions.”"
    assert rows(text) == [(1, "Japan", "quoted", "Japan", "sanctions", "more", "support")]


def test_a_reported_position_partly_in_the_holders_words_is_quoted(rows):
    quoted = 'Tokyo said the allies should "act together rather than separately."'
    assert {(r[1], r[2]) for r in rows(quoted)} == {("Japan", "quoted")}
    paraphrased = "Tokyo said the allies should act together rather than separately."
    assert {(r[1], r[2]) for r in rows(paraphrased)} == {("Japan", "reported")}
    one_word = 'Tokyo said the allies should act "together" with Seoul.'
    assert {(r[1], r[2]) for r in rows(one_word)} == {("Japan", "reported")}


def test_welcoming_another_government_s_measure(rows):
    found = rows("Japan welcomed Washington's new sanctions on North Korea.")
    assert [r[1:] for r in found] == [
        ("Japan", "reported", "United States", "sanctions", "more", "support")
    ]


def test_the_authors_own_we_commitments_are_author_rows(rows):
    found = rows("We do not and will not accept North Korea as a nuclear armed state.")
    assert (1, "author", "author", "North Korea", "denuclearization", "more", "oppose") in found
    called = rows("We call on the North to end these missile tests.")
    assert (1, "author", "author", "North Korea", "testing and proliferation", "less",
            "support") in called  # fmt: skip


# -- the error classes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The collapse of the talks should surprise nobody.",
        "That should be obvious by now to anyone who watched the summit.",
        "It should come as no surprise that the sanctions failed.",
        "Pyongyang has failed to honor its pledges to dismantle its test sites.",
        "That should cushion the blow to oil importers.",
        "The INF talks took six years, and this should be no faster.",
    ],
)
def test_epistemic_should_and_an_actor_failing_to_act_are_no_claims(text, rows):
    assert rows(text) == []


def test_a_demonstrative_subject_is_epistemic_only_before_an_effect(rows):
    # "That should make China nervous" says what a state of affairs will do; a government
    # the pronoun stands for, or "that" with a noun, can still be told what to do
    assert rows("Seoul bought more radars.", "That should make China nervous.") == []
    assert {r[4] for r in rows("Seoul bought more radars.", "It should buy more of its own air"
                                " defence.")} == {"alliance burden-sharing"}  # fmt: skip
    assert {r[4] for r in rows("That offer should give Kim a reason to talk.")} == {
        "negotiations/diplomacy"
    }


@pytest.mark.parametrize(
    ("text", "lever"),
    [
        ("Maximum pressure has failed.", "sanctions"),
        ("Launching a preventive strike would be a terrible idea.", "military force"),
        ("Another summit without preparation is unlikely to succeed.",
         "negotiations/diplomacy"),
        ("Demanding full disarmament first is a mistake.", "denuclearization"),
        ("Now is the wrong time to expand joint military exercises.", "military exercises"),
    ],
)  # fmt: skip
def test_evaluative_rejections_oppose_the_action_and_reverse_its_direction(text, lever, rows):
    found = rows(text)
    assert (1, "author", "author", "United States", lever, "less", "oppose") in found


def test_a_pronoun_takes_the_subject_not_the_nearest_country(rows):
    text = (
        "As the new administration reviews its policy toward Pyongyang, it should consider "
        "new talks."
    )
    assert {r[3] for r in rows(text)} == {"United States"}


def test_the_two_governments_are_the_two_actors_last_named(rows):
    found = rows("Beijing worries about Seoul.", "Things changed.",
                 "The two governments should open talks.")  # fmt: skip
    assert {r[3] for r in found if r[0] == 3} == {"China", "South Korea"}


@pytest.mark.parametrize(
    "text",
    [
        "Washington should offer to withdraw troops after the establishment of peace.",
        "Washington should keep sanctions until Pyongyang disarms.",
        "Washington should meet Kim only with preconditions.",
    ],
)
def test_conditions_make_the_row_conditional(text, rows):
    assert {r[-1] for r in rows(text)} == {"conditional"}


def test_a_prescriptive_title_is_a_claim_with_source_title(reference):
    sentences = sentences_of("Nothing here prescribes.", doc_id="d1")
    titles = {"d1": "Joe Biden Should Reach Out to China for Help"}
    table = positions_for_corpus(
        sentences,
        find_mentions(sentences, reference.actors),
        reference.actors,
        reference.levers,
        "United States",
        {},
        titles,
    )
    assert list(table[["sent_id", "actor", "lever", "direction", "source"]].itertuples(
        index=False, name=None)) == [
        (0, "United States", "relations with China", "more", "title")
    ]  # fmt: skip


def test_advice_from_an_actor_is_the_advisers_position_on_the_subjects_action(rows):
    found = rows("For years Pyongyang resisted advice from Beijing to eschew nuclear weapons.")
    assert found == [(1, "China", "reported", "North Korea", "denuclearization", "more", "support")]


def test_a_group_subject_takes_the_pair_its_sentence_names(rows):
    found = rows("The allies should join the talks; South Korea and Japan both have more at stake.")
    assert {r[3] for r in found if r[1] == "author"} == {"South Korea", "Japan"}
    fixed = rows("The allies should join the talks.")
    assert {r[3] for r in fixed} == {"United States", "South Korea"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I support the administration in these talks.",
         ("author", "author", "United States", "negotiations/diplomacy", "more", "support")),
        ("The best way to help that process is to keep the current sanctions.",
         ("author", "author", "United States", "sanctions", "more", "support")),
        ("The report demonstrates the need for tougher sanctions.",
         ("author", "author", "United States", "sanctions", "more", "support")),
        ("Two years later Congress was already balking at paying for the aid it promised.",
         ("United States", "reported", "United States", "economic engagement", "less",
          "oppose")),
    ],
)  # fmt: skip
def test_first_person_support_approaches_and_balking(text, expected, rows):
    assert (1, *expected) in rows(text)


def test_rejecting_an_argument_against_an_action_supports_it(rows):
    found = rows("That is a fact about Iran, not an argument against talking to it.")
    assert (1, "author", "author", "United States", "negotiations/diplomacy", "more",
            "support") in found  # fmt: skip


# -- whose act a judgement judges, the antecedent of "who", the addressee a title names ----------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The United States strongly condemns the military's use of violence.", "other"),
        ("The United States condemns the DPRK's launch of a ballistic missile.", "North Korea"),
        (("Tokyo announced a record defence budget.", "The United States welcomed the budget."),
         "Japan"),
        ("Seoul is deeply troubled by the collapse of the talks.", "other"),
    ],
)  # fmt: skip
def test_a_judgement_is_about_the_party_judged_never_the_judge(text, actor, rows):
    texts = (text,) if isinstance(text, str) else text
    assert {r[3] for r in rows(*texts) if r[0] == len(texts)} == {actor}


def test_who_after_a_named_person_is_that_persons_government(rows):
    text = "Kim later fell out with Mao, who criticized the planned power transfer to his son."
    assert [r[1:4] for r in rows(text)] == [("China", "reported", "North Korea")]


def title_actors(reference, title: str, overrides: dict[str, str] | None = None) -> list[str]:
    """The actors of the body's one subject-less prescription under ``title``."""
    sentences = sentences_of("The better course is to keep the troops where they are.")
    mentions = find_mentions(sentences, reference.actors)
    found = positions_for_corpus(sentences, mentions, reference.actors, reference.levers,
                                 "United States", overrides, {"syn": title})  # fmt: skip
    return list(found.loc[found["sent_id"] == 1, "actor"])


def test_a_title_prescribing_to_an_actor_names_the_articles_addressee(reference):
    assert title_actors(reference, "Seoul Should Not Trade THAAD for Tourists") == ["South Korea"]
    assert title_actors(reference, "Tokyo Must Keep Its Nerve") == ["Japan"]
    assert title_actors(reference, "Keep the Troops in Korea") == ["United States"]
    assert title_actors(reference, "Seoul and Tokyo Should Talk") == ["United States"]
    assert title_actors(reference, "What Seoul Wants From Washington") == ["United States"]
    overridden = title_actors(reference, "Seoul Should Pay More", {"syn": "United States"})
    assert overridden == ["United States"]


def test_a_ministry_of_a_person_named_before_holds_what_it_has_said(rows):
    found = rows("Kim may not want them; his foreign ministry has said repeatedly that "
                 "denuclearization is off the table.")  # fmt: skip
    assert found == [(1, "North Korea", "reported", "North Korea", "denuclearization", "less",
                      "oppose")]  # fmt: skip


def test_a_policy_appraised_in_reported_speech_is_no_author_claim(rows):
    found = rows("His foreign ministry has said repeatedly that denuclearization is off the "
                 "table.")  # fmt: skip
    assert [r[2] for r in found] == ["reported"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The G7 should create a standing fund against coercion.", "other"),
        ("Libya's leaders must hold elections this year.", "other"),
        ("All must commit to reducing tension.", "other"),
        ("Members of the Council must condemn the launch.", "other"),
        ("China's leaders should stop the drills.", "China"),
        ("Sanctions must stay.", "United States"),
    ],
)
def test_a_party_without_an_actor_row_is_other_not_the_addressee(text, actor, rows):
    assert {r[3] for r in rows(text)} == {actor}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States applauds the new sanctions enforcement by Japan.",
         ("author", "author", "Japan", "sanctions", "more", "support")),
        ("I look forward to continued coordination with the Philippines.",
         ("author", "author", "United States", "multilateral coordination", "more", "support")),
        ("President Yoon ordered the military to maintain the joint exercises.",
         ("South Korea", "reported", "South Korea", "military exercises", "more", "support")),
    ],
)  # fmt: skip
def test_applause_looking_forward_and_orders_are_positions(text, expected, rows):
    assert (1, *expected) in rows(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tokyo prefers the old deal to a new one.",
         ("Japan", "reported", "Japan", "negotiations/diplomacy", "more", "support")),
        ("Beijing has told its own firms to avoid American chips.",
         ("China", "reported", "China", "other", "less", "support")),
        ("We reiterate our condemnation of North Korea's missile tests.",
         ("author", "author", "North Korea", "testing and proliferation", "less", "oppose")),
    ],
)  # fmt: skip
def test_a_preferred_thing_a_directive_and_a_repeated_condemnation(text, expected, rows):
    assert (1, *expected) in rows(text)


def test_telling_reporters_is_speech_not_a_directive(rows):
    assert [r[1:5] for r in rows("Seoul told reporters that it wants to resume talks.")] == [
        ("South Korea", "reported", "South Korea", "negotiations/diplomacy")
    ]


def test_neither_of_two_sides_wanting_is_each_sides_opposition(rows):
    found = rows("Washington and Moscow met in Geneva.",
                 "Neither side wants to extend the treaty limits as they stand.")  # fmt: skip
    assert {r[1:] for r in found if r[0] == 2} == {
        ("United States", "reported", "United States", "negotiations/diplomacy", "less",
         "oppose"),
        ("Russia", "reported", "Russia", "negotiations/diplomacy", "less", "oppose"),
    }  # fmt: skip


def test_neither_opposes_only_its_own_clause_not_a_later_want(rows):
    found = rows(
        "Washington and Moscow met in Geneva.",
        "Neither side wants to end the treaty; Beijing wants to extend the talks.",
    )
    assert ("China", "reported", "China", "negotiations/diplomacy", "more", "support") in {
        r[1:] for r in found if r[0] == 2
    }


def test_extend_is_a_courtesy_only_in_the_speakers_own_voice(rows):
    assert rows("I would like to extend my thanks to the chairman.") == []
    assert [r[1:4] for r in rows("Beijing wants to extend the talks.")] == [
        ("China", "reported", "China")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Special Representative Kim emphasized U.S. condemnation of the DPRK's missile launches.",
         ("United States", "reported", "North Korea", "oppose")),
        ("Special Representative Kim underscored continued U.S. openness to talks with the DPRK.",
         ("United States", "reported", "United States", "support")),
    ],
)  # fmt: skip
def test_a_readout_gives_the_position_of_the_government_it_names(rows, text, expected):
    assert expected in {(r[1], r[2], r[3], r[6]) for r in rows(text)}


def test_a_title_before_kim_is_a_us_envoy_not_the_north_korean_leader(reference):
    from tests.conftest import sentences_of

    found = find_mentions(sentences_of("Special Representative Kim met Kim Jong Un."),
                          reference.actors)  # fmt: skip
    assert list(found["actor"]) == ["United States", "North Korea"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States will take all necessary measures to ensure the security of Japan.",
         ("author", "author", "support")),
        ("The United States does not, and never will, accept North Korea as a nuclear state.",
         ("author", "author", "oppose")),
        ("Today, the Board of Governors of the IAEA adopted a resolution calling on Iran to "
         "grant inspectors access.", ("International Atomic Energy Agency", "reported", "support")),
        ("I look forward to signing legislation that provides more aid to Ukraine.",
         ("author", "author", "support")),
    ],
)  # fmt: skip
def test_statement_commitments_refusals_and_resolutions(rows, text, expected):
    assert expected in {(r[1], r[2], r[6]) for r in rows(text)}


def test_every_item_of_a_listed_subject_holds_the_position(rows):
    found = rows("Washington, Tokyo and Seoul agreed to expand the drills.")
    assert {r[1] for r in found} == {"United States", "Japan", "South Korea"}
    found = rows("After the test, Tokyo and Seoul agreed to expand the drills.")
    assert {r[1] for r in found} == {"Japan", "South Korea"}


def test_a_capital_fronted_before_its_spokesman_holds_the_words(rows):
    found = rows('In Beijing, a foreign ministry spokesman said Washington should "stop hyping '
                 'the threat."')  # fmt: skip
    assert {r[1] for r in found} == {"China"}


def test_vowing_closer_coordination_is_a_position(rows):
    found = rows("Japan and South Korea vowed closer coordination on North Korea.")
    assert {(r[1], r[4]) for r in found} == {
        ("Japan", "multilateral coordination"), ("South Korea", "multilateral coordination")
    }  # fmt: skip


def test_a_titled_official_speaks_for_the_government_the_reported_words_name(rows):
    found = rows("The Secretary emphasized that the United States would keep its troops in Korea.")
    assert {(r[1], r[2], r[3], r[4]) for r in found} == {
        ("United States", "reported", "United States", "troop presence")
    }
    assert rows("The official said the drills would go ahead.") == []  # no government named


def test_an_actors_own_act_judged_is_a_claim_on_that_actor(rows):
    found = rows("North Korea's latest missile test is a clear provocation.")
    assert {(r[1], r[3], r[4], r[5], r[6]) for r in found} == {
        ("author", "North Korea", "testing and proliferation", "less", "oppose")
    }
    assert rows("Japan's defence budget is growing.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan has already committed to spend 2 percent of GDP on defense.",
         ("Japan", "reported", "Japan")),
        ("Taiwan will keep building its self-defence capabilities.",
         ("Taiwan", "reported", "Taiwan")),
    ],
)  # fmt: skip
def test_commitments_already_made_and_kept_up(rows, text, expected):
    assert expected in {r[1:4] for r in rows(text)}


def test_the_writers_own_hope_is_an_author_claim_on_the_party_hoped_of(rows):
    assert rows("I would hope that Japan will include Taiwan in the talks.") == [
        (1, "author", "author", "Japan", "negotiations/diplomacy", "more", "support")
    ]
    assert [r[3] for r in rows("I'd hope that Japan would include Taiwan in the talks.")] == [
        "Japan"
    ]
    # a party with no actors.csv row: the addressee, never the writer, as actor
    assert [r[3] for r in rows("I hope that Panama will act to include Taiwan in the talks.")] == [
        "United States"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We continue to press Iran to choose diplomacy.",
        "I rise today to express my strong support for talks with Iran.",
        "I rise in support of new talks with Iran.",
    ],
)
def test_a_legislators_or_statements_own_support_is_the_authors(rows, text):
    assert {(r[1], r[4], r[6]) for r in rows(text)} == {
        ("author", "negotiations/diplomacy", "support")
    }


def test_the_nearest_speaker_holds_the_words_unless_it_points_back(rows):
    found = rows("A spokesman told reporters that Beijing hoped Washington and Pyongyang would "
                 "resume talks.")  # fmt: skip
    assert {(r[1], r[3]) for r in found} == {("China", "United States"), ("China", "North Korea")}
    back = rows("Japanese diplomats say privately that they fear Seoul will reopen the talks.")
    assert {(r[1], r[3]) for r in back} == {("Japan", "South Korea")}


def test_a_governments_own_commitments_in_the_future_tense(rows):
    assert {(r[1], r[6]) for r in rows("We will not recognize the annexation of Crimea.")} == {
        ("author", "oppose")
    }
    assert {(r[1], r[4]) for r in rows("We will deter provocations with strong deterrence.")} >= {
        ("author", "alliance commitments and deterrence")
    }
    always = rows("The US will always respect Ukraine's recognized borders.")
    assert {(r[1], r[2], r[3]) for r in always} == {("author", "author", "United States")}
    assert rows("We will not know the answer until next year.") == []


def test_an_imperative_title_calling_an_actor_by_name_names_the_addressee(reference):
    vocative = "Take the Submarines, Seoul, and Leave Enrichment for Later"
    assert title_actors(reference, vocative) == ["South Korea"]
    assert title_actors(reference, "Take the Submarines From Seoul") == ["United States"]


@pytest.mark.parametrize(
    "text",
    [
        "The United States strongly condemns the DPRK's launch of a ballistic missile.",
        "Have no doubt, the United States stands with Ukraine.",
        "To be clear, the United States does not, and never will, accept a nuclear North Korea.",
    ],
)
def test_a_statements_own_government_in_the_present_is_the_author(rows, text):
    assert {(r[1], r[2]) for r in rows(text)} == {("author", "author")}


def test_a_past_act_of_the_government_stays_reported(rows):
    found = rows("In 2018, the United States agreed to provide security guarantees.")
    assert {(r[1], r[2]) for r in found} == {("United States", "reported")}


def test_a_quotation_continued_in_the_next_sentence_keeps_its_speaker(rows):
    said = '"China opposes these sanctions," spokesperson Lin Jian told a regular briefing.'
    found = rows(said, '"The United States should stop its unilateral sanctions."')
    assert [r[1:] for r in found if r[0] == 2] == [
        ("China", "quoted", "United States", "sanctions", "less", "support")
    ]
    interrupted = rows(said, "The briefing then ended.", '"Washington should lift sanctions."')
    assert [r for r in interrupted if r[0] == 3] == []


@pytest.mark.parametrize(
    "text",
    [
        "Lin Jian did not say what sanctions Beijing might impose.",
        "Lin Jian would not say whether Beijing would impose sanctions.",
        "Lin Jian declined to say if Beijing would impose sanctions.",
    ],
)
def test_a_speaker_who_does_not_say_states_no_position(rows, text):
    assert rows(text) == []
    assert {r[1] for r in rows("Lin Jian said Beijing would impose sanctions.")} == {"China"}


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Beijing would welcome talks with Pyongyang."],
         {("China", "negotiations/diplomacy", "support")}),
        (["Washington expects Seoul to take the lead in its own defence."],
         {("United States", "alliance burden-sharing", "support")}),
        (["Tokyo has watched the talks closely.",
          "Japanese officials have said privately that they favour new sanctions."],
         {("Japan", "sanctions", "support")}),
        (["Moon Jae-in also argued, however, against a sanctions-only approach."],
         {("South Korea", "sanctions", "oppose")}),
    ],
)  # fmt: skip
def test_welcoming_expecting_favouring_and_arguing_against_are_positions(rows, texts, expected):
    last = len(texts)
    assert {(r[1], r[4], r[6]) for r in rows(*texts) if r[0] == last} == expected


def test_a_forecast_is_no_expectation_of_an_act(rows):
    assert rows("The Pentagon expects China to pass 1,000 warheads by 2030.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Havana committed to releasing the prisoners.", {("Cuba", "support")}),
        ("Tokyo has been campaigning for tougher sanctions.", {("Japan", "support")}),
        ("Beijing has resisted new sanctions since 2017.", {("China", "oppose")}),
        ("Seoul protested the sale of the drones.", {("South Korea", "oppose")}),
        ("The Security Council spoke out in support of the diplomatic efforts.",
         {("UN Security Council", "support")}),
    ],
)  # fmt: skip
def test_commitments_campaigns_resistance_and_protests_are_reported_positions(rows, text, expected):
    assert {(r[1], r[6]) for r in rows(text)} == expected
    assert {r[2] for r in rows(text)} == {"reported"}


@pytest.mark.parametrize(
    "text",
    [
        "A spokeswoman said Beijing hoped the parties concerned would resume talks.",
        "China's foreign ministry said it hoped all sides would return to dialogue.",
        "Seoul said the international community should answer with sanctions.",
    ],
)
def test_a_reported_clause_about_unnamed_parties_is_their_act_not_the_holders(rows, text):
    assert {r[3] for r in rows(text)} == {"other"}
    assert {r[3] for r in rows("Seoul said Tokyo should answer with sanctions.")} == {"Japan"}


def test_the_treasury_and_the_departments_are_the_united_states(rows):
    found = rows("The Treasury Department wants tougher sanctions on Chinese banks.")
    assert {(r[1], r[4]) for r in found} == {("United States", "sanctions")}


def test_a_refusal_to_allow_reaches_over_a_long_object(rows):
    found = rows("We will not allow these champions of human rights to be forgotten.")
    assert {(r[1], r[4], r[6]) for r in found} == {("author", "human rights", "oppose")}


def test_us_as_the_object_of_a_want_is_the_writers_government(rows):
    found = rows("The Beijing Government doesn't want us to sell new F-16s to Taiwan.")
    assert {(r[1], r[3], r[4], r[5], r[6]) for r in found} == {
        ("China", "United States", "arms sales and military aid", "less", "oppose")
    }


def test_a_verb_read_as_no_position_hides_the_shorter_verb_inside_it(rows):
    assert rows("Xi obviously did not want to be cut out of the action.") == []
    assert {(r[1], r[6]) for r in rows("Beijing does not want a North Korean collapse.")} == {
        ("China", "oppose")
    }
