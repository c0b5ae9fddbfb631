"""Prescriptive claims (cues, actors, levers, stance), sentiment, summaries and charts."""

from __future__ import annotations

import pickle
from pathlib import Path

import nltk
import pandas as pd
import pytest

from helpers.actors import find_mentions, load_actors
from helpers.contract import CONTRACT
from helpers.errors import InputError
from helpers.levers import compile_levers, levers_in, load_levers
from helpers.positions import (
    NO_MENTIONS,
    extract_positions,
    positions_for_corpus,
    sentence_claims,
)
from helpers.sentiment import actor_sentiment, analyzer, sentence_sentiment
from helpers.subjects import SentenceContext
from helpers.summaries import pagerank, sentence_edges, textrank_summary
from helpers.views.positions import article_titles
from tests.conftest import SEEDS, sentences_of

ACTORS = load_actors()
LEVERS = load_levers()
COLUMNS = ["sent_id", "actor", "lever", "stance", "cue", "action"]


def positions_of(*texts: str, addressee: str = "United States") -> pd.DataFrame:
    sentences = sentences_of(*texts)
    return extract_positions(sentences, find_mentions(sentences, ACTORS), ACTORS, LEVERS, addressee)


def claims(*texts: str, addressee: str = "United States") -> list[tuple]:
    table = positions_of(*texts, addressee=addressee)
    return list(table[COLUMNS].itertuples(index=False, name=None))


# -- cue types -----------------------------------------------------------------------------------


def test_modal_subject_is_the_actor_not_the_object():
    assert claims("Washington will have to offer compensatory benefits to the former.") == [
        (
            1,
            "United States",
            "incentives and concessions",
            "support",
            "will have to",
            "offer compensatory benefits to the former",
        ),
    ]
    assert claims("Washington should cooperate with Beijing on sanctions.") == [
        (
            1,
            "United States",
            "relations with China",
            "support",
            "should",
            "cooperate with Beijing on sanctions",
        ),
        (
            1,
            "United States",
            "sanctions",
            "support",
            "should",
            "cooperate with Beijing on sanctions",
        ),
    ]


def test_possessive_is_not_the_subject():
    assert claims("Beijing’s North Korean allies must stop missile testing.") == [
        (1, "North Korea", "testing and proliferation", "support", "must", "stop missile testing"),
    ]


def test_coordinated_subjects_and_groups_give_a_row_each():
    rows = claims(
        "Thus, Washington and Seoul should indicate their commitment to cooperate with Beijing."
    )
    assert [(r[1], r[2]) for r in rows] == [
        ("South Korea", "relations with China"),
        ("United States", "relations with China"),
    ]
    rows = claims("At the same time, the allies should provide the PRC with a road map.")
    assert [(r[1], r[2]) for r in rows] == [
        ("South Korea", "negotiations/diplomacy"),
        ("United States", "negotiations/diplomacy"),
    ]


def test_for_clause_names_the_actor():
    assert claims(
        "Indeed, it is long overdue for South Korea to take over responsibility for its own "
        "conventional defense."
    ) == [
        (
            1,
            "South Korea",
            "alliance burden-sharing",
            "support",
            "it is long overdue for South Korea to",
            "take over responsibility for its own conventional defense",
        ),
    ]
    table = positions_of(
        "There is another reason for the Biden administration to reach out to China."
    )
    assert table[["actor", "lever", "cue_type"]].values.tolist() == [
        ["United States", "relations with China", "for-clause"]
    ]


def test_approaches_go_to_the_addressee_when_the_subject_names_no_actor():
    assert claims("The starting point would be to halt the collapse in bilateral relations.") == [
        (
            1,
            "United States",
            "relations with China",
            "support",
            "The starting point would be to",
            "halt the collapse in bilateral relations",
        ),
    ]
    table = positions_of(
        "Formalizing the North’s decision not to proliferate would offer a good starting point "
        "for agreement."
    )
    # the addressee formalizes; the North, whose decision it is, forgoes proliferating
    assert sorted(table[["actor", "lever", "cue_type", "actor_source"]].values.tolist()) == [
        ["North Korea", "testing and proliferation", "approach", "addressee (gerund subject)"],
        ["United States", "negotiations/diplomacy", "approach", "addressee (gerund subject)"],
    ]


def test_offer_names_its_actor_and_needs_a_hedge():
    assert claims("An American offer to withdraw troops might be one approach.") == [
        (1, "United States", "troop presence", "support", "offer to", "offer to withdraw troops"),
    ]
    assert claims("An American offer to withdraw troops was rejected.") == []


def test_imperatives_go_to_the_addressee():
    assert claims(
        "Negotiate a formal pact forbidding missile/nuclear testing and WMD proliferation."
    ) == [
        (
            1,
            "United States",
            "negotiations/diplomacy",
            "support",
            "Negotiate",
            "Negotiate a formal pact forbidding missile/nuclear testing and WMD proliferation",
        ),
        (
            1,
            "United States",
            "testing and proliferation",
            "support",
            "Negotiate",
            "Negotiate a formal pact forbidding missile/nuclear testing and WMD proliferation",
        ),
    ]
    assert claims("In return agree to end joint military exercises.") == [
        (
            1,
            "United States",
            "military exercises",
            "conditional",
            "agree",
            "agree to end joint military exercises",
        ),
    ]
    assert claims(
        "Perhaps even toss in the withdrawal of one military unit.", addressee="China"
    ) == [
        (
            1,
            "China",
            "troop presence",
            "support",
            "toss",
            "toss in the withdrawal of one military unit",
        ),
    ]
    assert claims("Never lift sanctions unilaterally.") == [
        (
            1,
            "United States",
            "sanctions",
            "oppose",
            "Never lift",
            "lift sanctions unilaterally",
        ),
    ]


def test_sentence_openings_that_are_not_imperatives():
    assert claims("Offer is a noun here and tells nobody to act.") == []
    assert claims("Trade with China grew in 2019.") == []


# -- stance rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lever", "stance"),
    [
        (
            "“Maximum pressure” has failed and has no chance of succeeding without Chinese help.",
            "sanctions",
            "oppose",
        ),
        (
            "Thus, simply demanding tougher PRC sanctions enforcement, the Trump administration’s "
            "latest gambit, is unlikely to go far.",
            "sanctions",
            "oppose",
        ),
        (
            "Continuing to infantilize Seoul is not in America’s interest.",
            "alliance burden-sharing",
            "oppose",
        ),
        (
            "That militates against returning to the Obama policy of doing nothing.",
            "inaction (strategic patience)",
            "oppose",
        ),
        ("Washington should not impose new sanctions.", "sanctions", "oppose"),
        (
            "Washington should ease sanctions in exchange for a pledge.",
            "sanctions",
            "conditional",
        ),
        (
            "If Beijing helps, Washington should offer concessions.",
            "incentives and concessions",
            "conditional",
        ),
        ("Washington should impose new sanctions as events dictate.", "sanctions", "conditional"),
        (
            "Seoul should resume talks, depending on how Pyongyang behaves.",
            "negotiations/diplomacy",
            "conditional",
        ),
        (
            "Washington should link any sanctions relief to real progress.",
            "sanctions",
            "conditional",
        ),
        (
            "Washington should keep talking to Pyongyang even if talks fail.",
            "negotiations/diplomacy",
            "support",
        ),
        ("Seoul doesn’t have to sign a peace treaty.", "security guarantees", "neutral"),
        # a prescription the writer disowns
        (
            "None of this means Washington should stop talking to Pyongyang.",
            "negotiations/diplomacy",
            "oppose",
        ),
        ("I am not arguing that Washington should lift sanctions.", "sanctions", "oppose"),
        (
            "Washington must decide whether to pursue denuclearization.",
            "denuclearization",
            "neutral",
        ),
    ],
)
def test_stance_rules(text: str, lever: str, stance: str):
    rows = claims(text)
    assert [(r[2], r[3]) for r in rows] == [(lever, stance)]
    assert rows[0][1] == ("South Korea" if text.startswith("Seoul") else "United States")


def test_a_commitment_called_ironclad_is_supported_a_fact_or_a_resolve_is_no_claim():
    assert claims("Our commitment to the defence of South Korea is ironclad.") == [
        (1, "United States", "alliance commitments and deterrence", "support",
         "commitment to the defence of South Korea is ironclad",
         "commitment to the defence of South Korea is ironclad"),
    ]  # fmt: skip
    assert claims("The evidence that Pyongyang shipped the shells is ironclad.") == []
    assert claims("Kim's resolve to keep his weapons is unwavering.") == []


def test_neutral_action_keeps_its_negation():
    assert claims("Seoul doesn’t have to sign a peace treaty.")[0][4:] == (
        "doesn’t have to",
        "doesn’t have to sign a peace treaty",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Should Washington abandon Seoul?",
        "Why should America keep troops in Korea?",
        "Who could blame Seoul?",
        "Who should pay for Korea’s defense?",
        "Does Seoul have to sign a peace treaty?",
        "If Seoul will not pay, why should we lift sanctions?",
    ],
)
def test_questions_are_not_prescriptions(text: str):
    assert claims(text) == []


def test_a_question_keeps_the_claims_stated_before_it():
    assert claims("Washington must lift sanctions, but should it keep troops in Korea?") == [
        (1, "United States", "sanctions", "support", "must", "lift sanctions"),
    ]
    assert claims("Does anyone doubt that Seoul should lift sanctions?") == [
        (1, "South Korea", "sanctions", "support", "should", "lift sanctions"),
    ]


def test_inverted_should_is_a_condition_not_a_claim():
    assert claims("Should talks fail, Washington must impose sanctions.") == [
        (1, "United States", "sanctions", "conditional", "must", "impose sanctions"),
    ]


def test_neither_nor_negates_the_modal():
    assert claims("Neither Washington nor Beijing should risk war.") == [
        (1, "China", "other", "oppose", "should", "risk war"),
        (1, "United States", "other", "oppose", "should", "risk war"),
    ]
    assert claims("Nor does Seoul have to sign a peace treaty.") == [
        (1, "South Korea", "security guarantees", "neutral", "have to", "sign a peace treaty"),
    ]


def test_inverted_modal_takes_the_subject_after_it():
    assert sourced("Nor should Washington lift sanctions.", addressee="Japan") == [
        (1, "United States", "sanctions", "oppose", "should", "lift sanctions", "subject"),
    ]
    assert [r[1:4] for r in claims("Nor should Washington and Seoul lift sanctions.")] == [
        ("South Korea", "sanctions", "oppose"),
        ("United States", "sanctions", "oppose"),
    ]
    assert claims("So should Seoul.", addressee="Japan") == [
        (1, "South Korea", "other", "support", "should", ""),
    ]


# -- actor resolution --------------------------------------------------------------------------


def test_plural_reference_resolves_from_the_previous_sentence():
    table = positions_of(
        "Demanding tougher PRC sanctions, the Trump administration’s ploy, is unlikely to go far.",
        "The two governments should discuss their mutual red lines.",
    )
    second = table[table["sent_id"] == 2]
    assert second[["actor", "lever", "actor_source"]].values.tolist() == [
        ["China", "negotiations/diplomacy", "plural reference"],
        ["United States", "negotiations/diplomacy", "plural reference"],
    ]


def test_plural_reference_is_completed_by_the_addressee():
    rows = claims("How to get the PRC to help?", "The two governments should talk.")
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (2, "China", "negotiations/diplomacy"),
        (2, "United States", "negotiations/diplomacy"),
    ]


def test_counted_plural_is_the_nearest_list_of_that_many_actors():
    three = positions_of(
        "The foreign ministers of the United States, Japan and South Korea met in Washington.",
        "North Korea fired a missile on Sunday, and China called for calm.",
        "The three ministers should set up a working group on cyber theft.",
    )
    ministers = sorted(three[three["sent_id"] == 3]["actor"])
    assert ministers == ["Japan", "South Korea", "United States"]
    two = positions_of(
        "Washington, Tokyo and Seoul met.",
        "North Korea fired a missile, and China and Russia called for calm.",
        "The two powers should restrain Pyongyang.",
    )
    assert sorted(two[two["sent_id"] == 3]["actor"]) == ["China", "Russia"]


def test_counted_pair_is_the_two_subjects_before_it_not_the_addressee():
    table = positions_of(
        "Seoul should write the compensation fund into law.",
        "Tokyo should stop discouraging its companies from paying into it.",
        "And the two governments should sign the logistics agreement.",
    )
    pair = table[table["sent_id"] == 3]
    assert sorted(pair["actor"]) == ["Japan", "South Korea"]
    assert set(pair["actor_source"]) == {"plural reference"}
    # one actor named just before: the addressee still completes the pair
    rows = claims("How to get the PRC to help?", "The two governments should talk.")
    assert sorted(r[1] for r in rows) == ["China", "United States"]


def test_asides_between_subject_and_modal_are_skipped():
    assert claims("Washington, however, should lift sanctions.")[0][1:3] == (
        "United States",
        "sanctions",
    )
    assert claims("Seoul, for its part, should not impose tariffs.", addressee="Japan") == [
        (1, "South Korea", "sanctions", "oppose", "should not", "impose tariffs"),
    ]


WITH_SOURCE = [*COLUMNS, "actor_source"]


def sourced(*texts: str, addressee: str = "United States") -> list[tuple]:
    table = positions_of(*texts, addressee=addressee)
    return list(table[WITH_SOURCE].itertuples(index=False, name=None))


def test_authorial_we_is_the_addressee_not_the_actors_just_named():
    assert sourced(
        "Beijing and Pyongyang have grown closer.", "We should not abandon our allies in Seoul."
    ) == [
        (
            2,
            "United States",
            "other",
            "oppose",
            "should not",
            "abandon our allies in Seoul",
            "addressee (we)",
        ),
    ]
    assert sourced(
        "Beijing has grown closer to Pyongyang.", "We must lift sanctions.", addressee="Japan"
    ) == [
        (2, "Japan", "sanctions", "support", "must", "lift sanctions", "addressee (we)"),
    ]
    assert sourced("It is time for us to lift sanctions.") == [
        (
            1,
            "United States",
            "sanctions",
            "support",
            "It is time for us to",
            "lift sanctions",
            "addressee (we)",
        ),
    ]
    assert sourced("Beijing is wary, and we should talk to Seoul.") == [
        (
            1,
            "United States",
            "negotiations/diplomacy",
            "support",
            "should",
            "talk to Seoul",
            "addressee (we)",
        ),
    ]
    assert sourced("Seoul and we should end the exercises.") == [
        (
            1,
            "South Korea",
            "military exercises",
            "support",
            "should",
            "end the exercises",
            "subject and addressee (we)",
        ),
        (
            1,
            "United States",
            "military exercises",
            "support",
            "should",
            "end the exercises",
            "subject and addressee (we)",
        ),
    ]


def test_possessor_is_not_its_own_ally():
    # "the allies" is the US–ROK group in actors.csv: Washington's allies are its other members
    assert sourced("Washington’s allies should pay more for their defense.", addressee="Japan") == [
        (
            1,
            "South Korea",
            "alliance burden-sharing",
            "support",
            "should",
            "pay more for their defense",
            "possessor's relation",
        ),
    ]
    assert [r[1] for r in claims("Seoul’s allies should pay more for their defense.")] == [
        "United States"
    ]
    assert [r[1] for r in claims("It is time for Washington’s allies to lift sanctions.")] == [
        "South Korea"
    ]
    assert claims("Nor should Washington’s allies lift sanctions.") == [
        (1, "South Korea", "sanctions", "oppose", "should", "lift sanctions"),
    ]


def test_relation_outside_any_group_names_no_actor():
    assert claims("Beijing’s allies should pay more for their defense.") == []
    assert claims("Washington’s partners should pay more for their defense.") == []
    assert sourced("Seoul’s government should lift sanctions.") == [
        (1, "South Korea", "sanctions", "support", "should", "lift sanctions", "subject"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "China, not the United States, should lead the talks.",
        "China and not the United States should lead the talks.",
        "China rather than the United States should lead the talks.",
        "China, rather than the United States, should lead the talks.",
        "China, instead of the United States, should lead the talks.",
    ],
)
def test_contrasted_actor_is_not_the_subject(text: str):
    assert sourced(text) == [
        (1, "China", "negotiations/diplomacy", "support", "should", "lead the talks", "subject"),
    ]


def test_contrast_after_coordinated_subjects_keeps_them_all():
    assert [r[1] for r in sourced("Seoul and Tokyo, not Washington, should lead the talks.")] == [
        "Japan",
        "South Korea",
    ]


def test_claim_without_a_lever_is_other():
    assert claims("The Biden administration must operate in the world as it is.") == [
        (1, "United States", "other", "support", "must", "operate in the world as it is"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Beijing intervened militarily in late 1950 to prevent the North from being overrun.",
        "Washington and Beijing met twice in 2018.",
        "The seeming assumption that the North “must not” develop nuclear weapons was naive.",
    ],
)
def test_actor_without_an_authorial_prescription_is_no_claim(text: str):
    assert claims(text) == []


def test_reported_speech_is_the_speakers_position_not_the_authors():
    table = positions_of("Biden said that Washington should meet Kim.")
    assert list(table[["holder", "voice", "actor", "cue"]].itertuples(index=False, name=None)) == [
        ("United States", "reported", "United States", "should")
    ]


def test_bad_addressee_and_override_fail_in_one_line():
    sentences = sentences_of("Negotiate a pact.")
    mentions = find_mentions(sentences, ACTORS)
    with pytest.raises(InputError, match="addressee 'Atlantis' is not an actor"):
        extract_positions(sentences, mentions, ACTORS, LEVERS, "Atlantis")
    with pytest.raises(InputError, match=r"unknown doc_id\(s\) \['nope'\]"):
        positions_for_corpus(
            sentences, mentions, ACTORS, LEVERS, "United States", {"nope": "China"}
        )
    rows = positions_for_corpus(
        sentences, mentions, ACTORS, LEVERS, "United States", {"syn": "China"}
    )
    assert rows[["actor", "lever"]].values.tolist() == [["China", "negotiations/diplomacy"]]


def test_levers_do_not_double_count_overlapping_phrases(tmp_path: Path):
    compiled = compile_levers(LEVERS.table)
    assert levers_in("an offer of sanctions relief", compiled) == ["sanctions"]
    assert levers_in("tighter sanctions and sanctions relief", compiled) == ["sanctions"]
    phrases = LEVERS.matches("tighter sanctions and sanctions relief")
    assert [(m.lever, m.polarity) for m in phrases] == [("sanctions", ""), ("sanctions", "less")]
    assert levers_in("bring them home", compiled) == ["troop presence"]
    assert levers_in("turn a blind eye", compiled) == ["inaction (strategic patience)"]
    assert levers_in("free-riding allies", compiled) == ["alliance burden-sharing"]
    assert levers_in("take over responsibility for the region", compiled) == []
    bad = tmp_path / "levers.csv"
    bad.write_text("lever,pattern,note\nx,(unclosed,\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2: bad pattern"):
        load_levers(bad)


# -- seeds -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_positions(seed_sentences: pd.DataFrame) -> pd.DataFrame:
    mentions = find_mentions(seed_sentences, ACTORS)
    return positions_for_corpus(seed_sentences, mentions, ACTORS, LEVERS, "United States")


def rows_for(positions: pd.DataFrame, prefix: str, voice: str = "author") -> list[tuple]:
    own = positions[positions["quote"].str.startswith(prefix) & (positions["voice"] == voice)]
    return list(own[["actor", "lever", "stance", "cue_type"]].itertuples(index=False, name=None))


def test_seed_claims_an_analyst_marks(seed_positions: pd.DataFrame):
    assert rows_for(seed_positions, "However, if the incoming administration hopes") == [
        ("United States", "incentives and concessions", "conditional", "modal"),
    ]
    assert rows_for(seed_positions, "Negotiate a formal pact") == [
        ("United States", "negotiations/diplomacy", "support", "imperative"),
        ("United States", "testing and proliferation", "support", "imperative"),
    ]
    assert {r[0] for r in rows_for(seed_positions, "Thus, Washington and Seoul should")} == {
        "United States",
        "South Korea",
    }
    assert rows_for(seed_positions, "“Maximum pressure” has failed") == [
        ("United States", "sanctions", "oppose", "rejection"),
    ]
    assert rows_for(seed_positions, "Indeed, it is long overdue for South Korea") == [
        ("South Korea", "alliance burden-sharing", "support", "for-clause"),
    ]
    assert rows_for(seed_positions, "The two governments should discuss") == [
        ("China", "negotiations/diplomacy", "support", "modal"),
        ("United States", "negotiations/diplomacy", "support", "modal"),
    ]
    assert rows_for(seed_positions, "In return agree to end joint military exercises") == [
        ("United States", "military exercises", "conditional", "imperative"),
    ]


def test_seed_sentences_without_prescription(seed_positions: pd.DataFrame):
    for prefix in (
        "Beijing intervened militarily",
        "Candidate Joe Biden said",
        "The seeming assumption that the mere incantation",  # quoted “must not”
        "Xi obviously did not want",
        "He observed:",
    ):
        assert rows_for(seed_positions, prefix) == [], prefix


def test_seed_table_contract(seed_positions: pd.DataFrame):
    assert list(seed_positions.columns[:11]) == CONTRACT["positions"]
    assert set(seed_positions["doc_id"]) == set(SEEDS)
    assert set(seed_positions["stance"]) <= {"support", "oppose", "conditional", "neutral"}
    assert set(seed_positions["direction"]) <= {"more", "less", "none"}
    assert set(seed_positions["voice"]) <= {"author", "reported", "quoted"}
    unique = ["doc_id", "sent_id", "holder", "actor", "lever"]
    assert not seed_positions.duplicated(unique).any()
    keys = seed_positions[unique]
    assert keys.equals(keys.sort_values(list(keys.columns)).reset_index(drop=True))


# -- sentiment ---------------------------------------------------------------------------------


def test_vader_loads_the_packaged_lexicon_without_download(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(nltk, "download", lambda *a, **k: pytest.fail("nltk.download called"))
    analyzer.cache_clear()
    scores = sentence_sentiment(
        sentences_of("This is a great success.", "This is a terrible failure.")
    )
    assert scores["compound"].iloc[0] > 0.5 and scores["compound"].iloc[1] < -0.5


def test_actor_sentiment_averages_sentences_naming_the_actor():
    sentences = sentences_of(
        "Beijing is a wonderful friend.", "Beijing and Seoul face a terrible war."
    )
    sentiment = sentence_sentiment(sentences)
    table = actor_sentiment(sentiment, find_mentions(sentences, ACTORS))
    first, second = sentiment["compound"]
    china = table[table["actor"] == "China"].iloc[0]
    assert china["n_sentences"] == 2
    assert china["mean_compound"] == round((first + second) / 2, 4)
    assert (china["min_sent_id"], china["max_sent_id"]) == (2, 1)
    assert table["actor"].tolist() == ["China", "South Korea"]


def test_scoring_only_the_sentences_naming_an_actor_gives_the_same_actor_table():
    sentences = sentences_of(
        "Beijing is a wonderful friend.", "The weather was awful.", "Seoul faces a terrible war."
    )
    mentions = find_mentions(sentences, ACTORS)
    named = sentence_sentiment(sentences, mentions)
    assert named["sent_id"].tolist() == [1, 3]
    every = actor_sentiment(sentence_sentiment(sentences), mentions)
    assert actor_sentiment(named, mentions).equals(every)


# -- summaries ---------------------------------------------------------------------------------


def test_pagerank_ranks_the_hub_of_a_star_first():
    import numpy as np

    star = np.array([[0, 1, 1, 1], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]], dtype=float)
    scores = pagerank(star)
    assert scores.argmax() == 0 and abs(scores.sum() - 1) < 1e-9
    assert scores[1] == pytest.approx(scores[3])


def test_textrank_picks_the_sentence_sharing_most_words():
    sentences = sentences_of(
        "Sanctions pressure Pyongyang.",
        "Diplomacy needs patience.",
        "Sanctions and diplomacy both need patience with Pyongyang.",
        "Rain fell.",
    )
    summary = textrank_summary(sentences, n=2)
    assert summary.columns.tolist() == ["doc_id", "rank", "sent_id", "score", "text", "part"]
    assert summary["sent_id"].tolist()[0] == 3
    assert summary["rank"].tolist() == [1, 2]
    assert textrank_summary(sentences, n=2).equals(summary)
    assert len(textrank_summary(sentences, n=10)) == 4
    with pytest.raises(InputError, match="summary_sentences must be at least 1, got 0"):
        textrank_summary(sentences, n=0)


def test_article_titles_fall_back_to_the_doc_id():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["A Title", ""]})
    assert article_titles(documents) == {"a": "A Title", "b": "b"}


def test_one_sentence_context_resolves_a_plural_subject_from_earlier_sentences():
    text = "They should resume talks."
    ctx = SentenceContext(text, NO_MENTIONS, (("China", "North Korea"),), "United States")
    [claim] = sentence_claims(ctx)
    assert (claim.actors, claim.source, claim.stance) == (
        ("China", "North Korea"),
        "plural reference",
        "support",
    )
    alone = SentenceContext(text, NO_MENTIONS, ((), ("China",)), "United States")
    assert sentence_claims(alone)[0].actors == ("China", "United States")


def test_compiled_levers_survive_pickling_and_positions_do_not_recompile(monkeypatch):
    sentences = sentences_of("The allies should ease sanctions.", "Beijing must negotiate.")
    mentions = find_mentions(sentences, ACTORS)
    before = extract_positions(sentences, mentions, ACTORS, LEVERS, "United States")
    actors, levers = pickle.loads(pickle.dumps((ACTORS, LEVERS)))
    assert levers.named_in("an offer of sanctions relief") == ["sanctions"]

    def no_compiling(*args, **kwargs):
        raise AssertionError("a reference table was recompiled per document")

    monkeypatch.setattr("helpers.levers.compile_levers", no_compiling)
    monkeypatch.setattr("helpers.actors.compile_aliases", no_compiling)
    after = positions_for_corpus(sentences, mentions, actors, levers, "United States")
    pd.testing.assert_frame_equal(after, before)
    assert set(before["actor"]) == {"United States", "South Korea", "China"}


def test_textrank_edges_join_only_sentences_within_the_window():
    texts = ["sanctions relief", "rain fell", "sanctions relief talks", "sanctions relief"]
    src, dst, weight = sentence_edges(texts, frozenset(), window=1)
    assert sorted(zip(src.tolist(), dst.tolist(), strict=True)) == [
        (2, 3),
        (3, 2),
    ]  # 0–2 is 2 apart
    src, dst, weight = sentence_edges(texts, frozenset(), window=3)
    pairs = sorted(zip(src.tolist(), dst.tolist(), strict=True))
    assert pairs == [(0, 2), (0, 3), (2, 0), (2, 3), (3, 0), (3, 2)]
    assert weight.tolist()[0] > 0


def test_summary_leads_with_the_title_and_the_claims_naming_most_levers():
    sentences = sentences_of(
        "Sanctions and diplomacy both need patience with Pyongyang.",
        "Washington should offer sanctions relief, talks and security guarantees.",
        "Washington should hold talks.",
        "Rain fell on Pyongyang and on diplomacy.",
        doc_id="d1",
    )
    titles = {"d1": "Washington Should Talk to Pyongyang"}
    positions = positions_for_corpus(
        sentences, find_mentions(sentences, ACTORS), ACTORS, LEVERS, "United States", {}, titles
    )
    summary = textrank_summary(sentences, 1, positions=positions, thesis=2, titles=titles)
    assert summary["part"].tolist() == ["thesis", "thesis", "support"]
    assert summary["sent_id"].tolist()[:2] == [0, 2]
    assert summary["text"].iloc[0] == titles["d1"]
    assert summary["sent_id"].iloc[2] not in (0, 2)


def fields_for(positions: pd.DataFrame, prefix: str) -> set[tuple]:
    own = positions[positions["quote"].str.startswith(prefix)]
    columns = ["holder", "voice", "actor", "lever", "direction", "stance"]
    return set(own[columns].itertuples(index=False, name=None))


def test_seed_rows_the_analyst_review_flagged(seed_positions: pd.DataFrame):
    withdraw = fields_for(seed_positions, "An American offer to withdraw troops")
    assert (
        "author",
        "author",
        "United States",
        "troop presence",
        "less",
        "conditional",
    ) in withdraw
    burden = fields_for(seed_positions, "Continuing to infantilize Seoul")
    assert burden == {
        ("author", "author", "United States", "alliance burden-sharing", "more", "oppose"),
        ("South Korea", "reported", "South Korea", "alliance burden-sharing", "less", "support"),
    }  # fmt: skip ("the South desires to maintain its … dependence")
    relief = fields_for(seed_positions, "Out of such discussions might evolve")
    assert ("author", "author", "United States", "sanctions", "less", "conditional") in relief
    chummy = fields_for(seed_positions, "The two governments don’t have to be")
    assert {actor for _, _, actor, lever, _, _ in chummy if lever == "relations with China"} == {
        "United States", "China"}  # fmt: skip
    assert ("United States", "reported", "United States", "negotiations/diplomacy", "less",
            "oppose") in fields_for(seed_positions, "Michele Flournoy")  # fmt: skip
    assert ("United States", "reported", "United States", "negotiations/diplomacy", "more",
            "conditional") in fields_for(seed_positions, "Candidate Joe Biden said")  # fmt: skip
    assert ("China", "reported", "North Korea", "denuclearization", "more",
            "oppose") in fields_for(seed_positions, "The PRC does not want")  # fmt: skip


def test_joint_exercises_by_default_are_the_addressee_and_its_allied_partner():
    table = positions_of("Seoul wants talks with the North.",
                         "It also means keeping the joint exercises on the calendar.")  # fmt: skip
    second = table[(table["sent_id"] == 2) & (table["lever"] == "military exercises")]
    assert sorted(second["actor"]) == ["South Korea", "United States"]
    alone = positions_of("Tokyo wants talks.", "It also means keeping the joint exercises going.")
    assert set(alone[alone["lever"] == "military exercises"]["actor"]) == {"United States"}
