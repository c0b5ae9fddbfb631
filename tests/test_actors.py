"""Actor mentions: alias matching, overlaps, groups, exclusions, offsets, bad tables, seeds."""

from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd
import pytest

from helpers.actors import canonical_actors, find_mentions, load_actors, mention_counts
from helpers.errors import InputError
from tests.conftest import SEEDS, sentences_of

ACTORS = load_actors()


def mention_rows(*texts: str) -> list[tuple]:
    table = find_mentions(sentences_of(*texts), ACTORS)
    return list(
        table[["sent_id", "actor", "alias", "start", "end"]].itertuples(index=False, name=None)
    )


def test_longest_alias_wins_and_the_north_is_north_korea():
    assert mention_rows("North Korea, the North and the North Korean state.") == [
        (1, "North Korea", "North Korea", 0, 11),
        (1, "North Korea", "the North", 13, 22),
        (1, "North Korea", "North Korean", 31, 43),
    ]


def test_title_and_name_is_one_south_korea_mention():
    assert mention_rows("Xi met South Korean President Park Geun-hye in Seoul.") == [
        (1, "China", "Xi", 0, 2),
        (1, "South Korea", "South Korean President Park Geun-hye", 7, 43),
        (1, "South Korea", "Seoul", 47, 52),
    ]


def test_excluded_spans_are_not_actors():
    assert mention_rows("The Korean War shaped the Korean peninsula.") == []
    assert mention_rows("China hawks in Washington disagree.") == [
        (1, "United States", "Washington", 15, 25)
    ]


def test_group_expands_to_one_row_per_member():
    table = find_mentions(sentences_of("Then the allies should talk."), ACTORS)
    assert list(
        table[["actor", "alias", "start", "end", "group"]].itertuples(index=False, name=None)
    ) == [
        ("South Korea", "the allies", 5, 15, "US–ROK alliance"),
        ("United States", "the allies", 5, 15, "US–ROK alliance"),
    ]


def test_offsets_index_the_document_text():
    texts = ("Pyongyang tested a missile.", "The U.S. and the DPRK’s friends in Beijing met.")
    document = " ".join(texts)
    table = find_mentions(sentences_of(*texts), ACTORS)
    assert [document[s:e] for s, e in zip(table["start"], table["end"], strict=True)] == list(
        table["alias"]
    )
    assert list(table["alias"]) == ["Pyongyang", "U.S.", "DPRK", "Beijing"]
    assert list(table["sent_id"]) == [1, 2, 2, 2]


def test_words_containing_an_alias_are_not_mentions():
    assert mention_rows("Americas, Kimchi, Xiamen and the presidential race.") == []


def test_mention_counts_per_document():
    table = find_mentions(sentences_of("Beijing and China agree.", "Beijing waits."), ACTORS)
    counts = mention_counts(table)
    assert counts.to_dict("records") == [
        {
            "doc_id": "syn",
            "actor": "China",
            "mentions": 3,
            "sentences": 2,
            "aliases": "Beijing; China",
        }
    ]


def write_actors(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "actors.csv"
    path.write_text("actor,pattern,kind,members,note\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Xland,Xland,planet,,", "kind 'planet'"),
        ("Xland,(Xland,state,,", "bad pattern"),
        ("Pair,the pair,group,Xland;Nowhere,", "group members"),
        (",Xland,state,,", "actor is empty"),
    ],
)
def test_bad_actor_rows_fail_in_one_line(tmp_path: Path, row: str, message: str):
    path = write_actors(tmp_path, ["Xland,Xland,state,,", row])
    with pytest.raises(InputError, match=message) as err:
        load_actors(path)
    assert str(path) in str(err.value) and "row 3" in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_actor_file_and_column(tmp_path: Path):
    with pytest.raises(InputError, match="not found"):
        load_actors(tmp_path / "none.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("actor,pattern\nX,X\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"missing column\(s\) \['kind', 'members', 'note'\]"):
        load_actors(bad)


def test_canonical_actors_of_the_repository_table():
    assert (
        canonical_actors(ACTORS.table)[:6]
        == list(ACTORS.canonical[:6])
        == [
            "United States",
            "North Korea",
            "South Korea",
            "China",
            "Japan",
            "Russia",
        ]
    )


def test_seed_offsets_index_the_cleaned_text(seed_docs: dict, seed_sentences: pd.DataFrame):
    mentions = find_mentions(seed_sentences, ACTORS)
    assert set(mentions["doc_id"]) == set(SEEDS)
    for row in mentions.itertuples():
        assert seed_docs[row.doc_id].text[row.start : row.end] == row.alias


def test_seed_mentions(seed_sentences: pd.DataFrame):
    mentions = find_mentions(seed_sentences, ACTORS)

    def actors_in(doc_id: str, prefix: str) -> list[tuple[str, str]]:
        sent = seed_sentences[
            (seed_sentences["doc_id"] == doc_id) & seed_sentences["text"].str.startswith(prefix)
        ]
        assert len(sent) == 1, prefix
        own = mentions[
            (mentions["doc_id"] == doc_id) & (mentions["sent_id"] == sent["sent_id"].iloc[0])
        ]
        return list(zip(own["actor"], own["alias"], strict=True))

    assert actors_in("nk-china-help", "China hawks tend") == [
        ("China", "Beijing"),
        ("North Korea", "DPRK"),
    ]
    assert ("South Korea", "South Korean President Park Geun-hye") in actors_in(
        "nk-china-help", "President Xi Jinping met"
    )
    assert actors_in("nk-proliferation-deal", "The dynasty’s record") == []  # "the Korean War"
    assert actors_in("nk-proliferation-deal", "The criticism of Trump’s") == [
        ("United States", "Trump"),
        ("North Korea", "North"),
        ("United States", "U.S."),
        ("North Korea", "Kim"),
    ]


def test_compiled_actors_survive_pickling_and_are_not_recompiled(monkeypatch):
    sentences = sentences_of("Beijing and the allies talk.", "Xi Jinping waits.")
    before = find_mentions(sentences, ACTORS)
    shipped = pickle.loads(pickle.dumps(ACTORS))  # as a process pool would send it
    assert [a.regex.pattern for a in shipped.aliases] == [a.regex.pattern for a in ACTORS.aliases]

    def no_compiling(*args, **kwargs):
        raise AssertionError("find_mentions recompiled the actors table")

    monkeypatch.setattr("helpers.actors.compile_aliases", no_compiling)
    pd.testing.assert_frame_equal(find_mentions(sentences, shipped), before)
    assert set(before["actor"]) >= {"China", "United States", "South Korea"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Treasury Secretary Janet Yellen said the measures would bite.", "United States"),
        ("Foreign ministry spokesman Lin Jian told a regular briefing.", "China"),
        ("Defence Minister Gen Nakatani said the increase was needed.", "Japan"),
        ("Foreign Minister Cho Hyun met his counterpart.", "South Korea"),
        ("Maria Zakharova called the sanctions illegal.", "Russia"),
    ],
)
def test_ministers_and_spokespeople_map_to_their_government(text, actor):
    assert set(find_mentions(sentences_of(text), ACTORS)["actor"]) == {actor}


def later_people(*texts: str) -> set[tuple]:
    """(sent_id, actor, alias) of the mentions after the first sentence."""
    return {(r[0], r[1], r[2]) for r in mention_rows(*texts) if r[0] > 1}


def test_one_word_of_an_earlier_persons_name_is_that_person():
    assert later_people(
        "Foreign Minister Cho Hyun met Wang Yi in Seoul.",
        "Cho asked for help, and Wang agreed.",
        "Cho Min-soo was absent, as was President Cho.",
    ) == {
        (2, "South Korea", "Cho"),
        (2, "China", "Wang"),
        (3, "South Korea", "Cho"),
    }


def test_a_name_after_an_actor_and_a_title_is_that_actors_person():
    assert later_people(
        "Japanese Director General Funakoshi and U.S. Secretary of State Antony Blinken met.",
        "Funakoshi spoke first; Blinken followed.",
    ) == {(2, "Japan", "Funakoshi"), (2, "United States", "Blinken")}
    assert later_people("A Japanese delegation led by Smith arrived.", "Smith spoke.") == set()
    assert later_people(
        "Japan's chief cabinet secretary, Kenji Sato, said Tokyo had protested.",
        "Sato told reporters.",
    ) == {(2, "Japan", "Sato")}


def test_a_name_two_actors_share_names_neither():
    assert (
        later_people(
            "Chinese Ambassador Zhang and North Korean Ambassador Zhang met.", "Zhang left early."
        )
        == set()
    )
