"""helpers.synthetic: deterministic files, varied articles, and ingest finds what was generated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.actors import find_mentions, load_actors
from helpers.corpus import ingest_corpus
from helpers.errors import InputError
from helpers.paths import reference_file
from helpers.positions import load_levers, positions_for_corpus
from helpers.synthetic import (
    ACTIONS,
    FIRST_DAY,
    HEADERS,
    LAST_DAY,
    LAYOUTS,
    load_material,
    main,
    write_synthetic,
)
from helpers.timeline import extract_corpus_timeline, read_events
from helpers.tokenize import sentences_for_corpus

N = 12  # one article of every header × layout combination


def files(raw: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(raw.iterdir())}


@pytest.fixture(scope="module")
def material():
    return load_material()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("synthetic")
    articles = write_synthetic(root, N, seed=7)
    return root, articles, ingest_corpus(root / "data" / "raw")


def test_same_seed_gives_byte_identical_files(tmp_path: Path, generated):
    root, _, _ = generated
    assert main(["--n", str(N), "--dir", str(tmp_path), "--seed", "7"]) == 0
    assert files(tmp_path / "data" / "raw") == files(root / "data" / "raw")


def test_different_seeds_differ_and_a_smaller_corpus_is_a_prefix(tmp_path: Path, generated):
    root, _, _ = generated
    seven = files(root / "data" / "raw")
    other = write_synthetic(tmp_path / "b", 3, seed=8)
    assert all(a.text.encode() not in seven.values() for a in other)
    write_synthetic(tmp_path / "c", 5, seed=7)
    small = files(tmp_path / "c" / "data" / "raw")
    del small["manifest.csv"]
    assert small == {name: seven[name] for name in small}
    assert sorted(small) == [f"syn-7-{i:05d}.txt" for i in range(5)]


def test_articles_vary(generated):
    _, articles, _ = generated
    assert {(a.header, a.layout) for a in articles} == {(h, x) for h in HEADERS for x in LAYOUTS}
    assert len({a.author for a in articles}) >= 10
    assert len({a.outlet for a in articles}) >= 4
    assert all(FIRST_DAY.isoformat() <= a.published <= LAST_DAY.isoformat() for a in articles)
    assert len({a.published[:4] for a in articles}) >= 4


def test_ingest_finds_what_was_generated(generated):
    _, articles, corpus = generated
    docs = corpus.documents.set_index("source_file")
    for a in articles:
        doc = docs.loc[a.file]
        found = doc[["title", "author", "published", "topic", "region", "blog_brand", "tags"]]
        expected = [a.title, a.author, a.published, a.topic, a.region, a.blog_brand, a.tags]
        assert found.fillna("").tolist() == expected, a.file
        assert corpus.texts[doc["doc_id"]] == "\n\n".join(a.paragraphs) + "\n", a.file
        assert doc["n_dropped"] == {"dateline": 4, "byline": 4, "iso": 3, "manifest": 0}[a.header]


def test_wrapped_layout_is_hard_wrapped_and_lines_layout_has_no_blank_line(generated):
    _, articles, _ = generated
    for a in articles:
        body = a.text.split("\n")
        if a.layout == "wrapped":
            assert max(len(line) for line in body[5:]) <= 72 < max(map(len, a.paragraphs))
        elif a.layout == "lines":
            assert "\n\n" not in a.text


def test_every_template_action_names_its_lever(material):
    levers = load_levers().table.groupby("lever")["pattern"].apply("|".join)
    for lever, phrases in ACTIONS.items():
        for phrase in phrases:
            assert re.search(levers[lever], phrase.format(target="Seoul")), (lever, phrase)
    assert set(material.actions) == set(ACTIONS)


def test_timeline_and_positions_have_something_to_aggregate(generated):
    _, _, corpus = generated
    sentences = sentences_for_corpus(corpus.texts, corpus.paragraphs)
    anchors = corpus.documents.set_index("doc_id")["published"].to_dict()
    timeline = extract_corpus_timeline(
        sentences, anchors, read_events(reference_file("events.csv"))
    )
    assert set(timeline["doc_id"]) == set(anchors)
    assert timeline["event_id"].fillna("").ne("").sum() >= N
    actors = load_actors()
    mentions = find_mentions(sentences, actors)
    positions = positions_for_corpus(sentences, mentions, actors, load_levers(), "United States")
    assert set(positions["doc_id"]) == set(anchors)
    assert {"support", "oppose"} <= set(positions["stance"])
    assert positions["lever"].nunique() >= 8


def test_refuses_a_raw_folder_holding_other_articles(tmp_path: Path):
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "mine.txt").write_text("An analyst's article.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"already holds 1 other article\(s\) \(mine.txt"):
        write_synthetic(tmp_path, 2)
    assert main(["--n", "0", "--dir", str(tmp_path / "x")]) == 2
