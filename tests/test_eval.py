"""benchmarks.scoring on tiny synthetic gold, and the shipped gold files against their texts."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from benchmarks.scoring import (
    NOT_PRODUCED,
    f1,
    locate,
    overlap,
    score_claims,
    score_timex,
)
from helpers.paths import REPO_ROOT

SENTENCES = pd.DataFrame(
    [
        ("a", "s1", "Washington should lift sanctions in exchange for a freeze."),
        ("a", "s2", "The talks collapsed in 2019 and nobody was surprised."),
        ("a", "s3", "Seoul’s view is that the allies should talk."),
        ("a", "s4", "It should surprise nobody."),
        ("b", "s1", "Kerry spoke to the U.N."),
        ("b", "s2", "Security Council today."),
    ],
    columns=["doc_id", "sent_id", "text"],
)


def test_locate_ignores_quote_style_and_spans_a_split_sentence():
    assert locate("a", "Seoul's view", SENTENCES) == [("a", "s3")]
    assert locate("b", "to the U.N. Security Council", SENTENCES) == [("b", "s1"), ("b", "s2")]
    assert locate("a", "not in the text", SENTENCES) == []
    assert locate("b", "Seoul's view", SENTENCES) == []


def claims_gold() -> pd.DataFrame:
    columns = ["text_id", "quote", "holder", "actor", "lever", "direction", "stance", "voice"]
    return pd.DataFrame(
        [
            ("a", "should lift sanctions", "author", "United States", "sanctions", "less",
             "conditional", "author"),
            ("a", "the allies should talk", "author", "South Korea", "negotiations/diplomacy",
             "more", "support", "author"),
            ("a", "the allies should talk", "author", "United States", "negotiations/diplomacy",
             "more", "support", "author"),
            ("a", "a quote nowhere in the text", "author", "China", "other", "none", "support",
             "author"),
        ],
        columns=columns,
    )  # fmt: skip


def test_score_claims_counts_sentences_and_fields():
    system = pd.DataFrame(
        [
            ("a", "s1", "United States", "sanctions", "support"),
            ("a", "s3", "United States", "negotiations/diplomacy", "support"),
            ("a", "s4", "United States", "other", "support"),
        ],
        columns=["doc_id", "sent_id", "actor", "lever", "stance"],
    )
    nonclaims = pd.DataFrame(
        [("a", "It should surprise nobody", "epistemic"), ("a", "The talks collapsed", "fact")],
        columns=["text_id", "quote", "reason"],
    )
    score = score_claims(claims_gold(), nonclaims, system, SENTENCES)
    assert (score.gold_units, len(score.unlocated), score.found_units) == (2, 1, 2)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.matched_rows == 3
    # both allies rows pick the one system row; only the United States row agrees on actor
    assert score.accuracy("actor") == pytest.approx(2 / 3)
    assert score.accuracy("lever") == 1.0
    assert score.accuracy("stance") == pytest.approx(2 / 3)
    assert score.missing_fields == ["direction", "holder", "voice"]
    assert score.accuracy("direction") == 0.0
    assert (score.nonclaims, score.nonclaims_flagged) == (2, 1)
    assert NOT_PRODUCED.startswith("n/a")


def test_score_claims_with_no_system_rows():
    empty = pd.DataFrame(columns=["doc_id", "sent_id", "actor"])
    score = score_claims(claims_gold(), claims_gold()[:0], empty, SENTENCES)
    assert score.precision is None
    assert score.recall == 0.0
    assert f1(score.precision, score.recall) is None


def timex_gold() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("a", "in 2019", "2019-01-01", "2019-12-31", "hanoi_2019", "collapsed in 2019"),
            ("b", "today", "2020-01-02", "2020-01-02", "", ""),
            ("a", "before 2019", "", "2019-01-01", "", ""),
        ],
        columns=["text_id", "expression", "start", "end", "event_id", "context"],
    )


def test_score_timex_matches_overlapping_text_one_to_one():
    system = pd.DataFrame(
        [
            ("a", "s2", "2019", "2019-01-01", "2019-12-31", ""),
            ("b", "s2", "today", "2020-01-02", "2020-01-02", None),
            ("b", "s2", "today", "2020-01-02", "2020-01-02", None),
        ],
        columns=["doc_id", "sent_id", "expression", "start", "end", "event_id"],
    )
    score = score_timex(timex_gold(), system, SENTENCES)
    assert (score.gold, score.system, score.matched) == (3, 3, 2)
    assert score.unlocated == ["a: before 2019"]
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.value_accuracy == 1.0
    assert score.link_accuracy == 0.5  # the 2019 row misses its event link


def test_open_bound_compares_only_the_given_end():
    sentences = pd.DataFrame([("c", "s1", "It ended before 2019.")], columns=SENTENCES.columns)
    gold = timex_gold().iloc[[2]].assign(text_id="c")
    right = pd.DataFrame(
        [("c", "s1", "before 2019", "1900-01-01", "2019-01-01", "")],
        columns=["doc_id", "sent_id", "expression", "start", "end", "event_id"],
    )
    assert score_timex(gold, right, sentences).value_accuracy == 1.0
    wrong = right.assign(end="2019-12-31")
    assert score_timex(gold, wrong, sentences).value_accuracy == 0.0


def test_overlap_needs_the_same_sentence():
    assert overlap(("a", "s1", 0, 5), ("a", "s1", 3, 9)) == 2
    assert overlap(("a", "s1", 0, 5), ("a", "s2", 0, 5)) == 0


DEV = REPO_ROOT / "data" / "dev"
HELDOUT = REPO_ROOT / "data" / "heldout"
GOLD_SETS = [
    (DEV, DEV / "texts"),
    (DEV / "seeds", REPO_ROOT / "data" / "raw"),
    (HELDOUT, HELDOUT / "texts"),
]


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def reference(name: str, column: str) -> set[str]:
    return {r[column] for r in rows(REPO_ROOT / "data" / "reference" / name) if r[column]}


@pytest.mark.parametrize(("gold_dir", "text_dir"), GOLD_SETS)
def test_gold_rows_quote_their_texts_and_use_reference_names(gold_dir, text_dir):
    levers = reference("levers.csv", "lever") | {"other"}
    actors = reference("actors.csv", "actor") | {"other"}
    events = reference("events.csv", "event_id") | {""}
    for row in rows(gold_dir / "gold_claims.csv"):
        assert row["quote"] in (text_dir / f"{row['text_id']}.txt").read_text("utf-8"), row
        assert row["lever"] in levers and row["actor"] in actors, row
        assert row["holder"] in actors | {"author"}, row
        assert (row["holder"] == "author") == (row["voice"] == "author"), row
        assert row["direction"] in {"more", "less", "none"}, row
        assert row["stance"] in {"support", "oppose", "conditional", "neutral"}, row
    for row in rows(gold_dir / "gold_nonclaims.csv"):
        assert row["quote"] in (text_dir / f"{row['text_id']}.txt").read_text("utf-8"), row
    for row in rows(gold_dir / "gold_timex.csv"):
        context = row["context"] or row["expression"]
        assert context in (text_dir / f"{row['text_id']}.txt").read_text("utf-8"), row
        assert row["expression"] in context and row["event_id"] in events, row
        assert all(len(row[b]) in (0, 10) for b in ("start", "end")), row


@pytest.mark.parametrize(("set_dir", "real"), [(DEV, 12), (HELDOUT, 10)])
def test_every_text_has_a_source_row(set_dir, real):
    ids = [r["id"] for r in rows(set_dir / "sources.csv")]
    assert sorted(ids) == sorted(p.stem for p in (set_dir / "texts").glob("*.txt"))
    assert sum(r["source"] != "synthetic" for r in rows(set_dir / "sources.csv")) >= real
    assert all(len(r["published"]) == 10 for r in rows(set_dir / "sources.csv"))


def test_heldout_texts_are_not_dev_texts():
    dev = {r["id"] for r in rows(DEV / "sources.csv")}
    dev_sources = {r["source"] for r in rows(DEV / "sources.csv")} - {"synthetic"}
    held = rows(HELDOUT / "sources.csv")
    assert not dev & {r["id"] for r in held}
    assert not dev_sources & {r["source"] for r in held}


def test_eval_prints_heldout_only_when_asked(capsys):
    from benchmarks.eval import main

    main(["--set", "heldout"])
    shown = capsys.readouterr().out
    held = len(rows(HELDOUT / "sources.csv"))
    assert shown.startswith(f"== held-out (data/heldout): {held} texts")
    assert "dev (data/dev)" not in shown and "seeds" not in shown
    main([])
    shown = capsys.readouterr().out
    dev = len(rows(DEV / "sources.csv"))
    assert f"== dev (data/dev): {dev} texts" in shown and "held-out" not in shown
