"""The lever keyword fallback (helpers.leverwords): its table, its proposals, its place after
the lever patterns, and the derivation of the table (scripts/lever_keywords.py)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd
import pytest

from helpers.errors import InputError
from helpers.leverwords import LeverWords, Thresholds, derive_keywords, load_lever_words, stems
from scripts.lever_keywords import main as derive_main

FIELDS = ["sent_id", "actor", "lever", "direction", "stance"]


def table(*rows: tuple[str, str, float]) -> LeverWords:
    """A keyword table of (lever, stem, share) rows."""
    frame = pd.DataFrame(
        [(lever, word, 2, share, "", "") for lever, word, share in rows],
        columns=["lever", "stem", "count", "share", "note", "source"],
    )
    return LeverWords.from_table(frame)


GARDENS = table(("economic engagement", "garden", 1.0), ("human rights", "orchard", 0.7))


def fields(positions_of, text: str, lever_words=None) -> list[tuple]:
    frame = positions_of(text, lever_words=lever_words)
    return list(frame[FIELDS].itertuples(index=False, name=None))


def test_stems_drop_stop_words_short_words_and_possessives():
    assert stems("The gardens' gardener's plans, and the UN's", frozenset({"the", "and"})) == [
        "garden",
        "plan",
    ]


def test_propose_sums_shares_and_ties_go_to_more_stems_then_the_earlier_lever():
    assert GARDENS.propose("Water the gardens") == "economic engagement"
    assert GARDENS.propose("Plant orchards") == "human rights"
    assert GARDENS.propose("Water the roses") is None
    two = table(("a", "garden", 0.6), ("b", "orchard", 0.6), ("b", "rose", 0.5))
    assert two.propose("gardens and orchards") == "a"  # 0.6 each, one stem each: the first
    assert two.propose("gardens, orchards and roses") == "b"  # 1.1 beats 0.6
    assert table(("other", "garden", 0.9)).propose("Water the gardens") is None


def test_the_table_is_picklable_and_checked():
    assert pickle.loads(pickle.dumps(GARDENS)).propose("garden") == "economic engagement"
    bad = pd.DataFrame([("a", "garden", "lots")], columns=["lever", "stem", "share"])
    with pytest.raises(InputError, match="row 2 needs a lever, a stem and a share"):
        LeverWords.from_table(bad, "kw.csv")


def test_a_claim_no_pattern_names_gets_the_keyword_lever(positions_of):
    text = "Washington should water the gardens."
    assert fields(positions_of, text) == [(1, "United States", "other", "more", "support")]
    assert fields(positions_of, text, GARDENS) == [
        (1, "United States", "economic engagement", "more", "support")
    ]
    rejected = "Washington should not water the gardens."
    assert fields(positions_of, rejected, GARDENS) == [
        (1, "United States", "economic engagement", "less", "oppose")
    ]


def test_a_pattern_lever_is_never_overridden(positions_of):
    text = "Washington should impose sanctions on the gardens."
    assert fields(positions_of, text, GARDENS) == [
        (1, "United States", "sanctions", "more", "support")
    ]


def test_below_the_thresholds_a_claim_stays_other(positions_of):
    gold = [("economic engagement", "Water the gardens"), ("other", "The gardens look fine")]
    spans = lambda text: []  # noqa: E731 (no actors)
    kept = derive_keywords(gold, [], frozenset({"the"}), spans, Thresholds(1, 0.6))
    assert list(kept["stem"]) == ["water", "fine", "look"]  # garden: 1 of 2, share 0.5
    words = LeverWords.from_table(kept)
    text = "Washington should plant gardens."
    assert fields(positions_of, text, words) == [(1, "United States", "other", "more", "support")]
    assert derive_keywords(gold, [], frozenset(), spans, Thresholds(2, 0.5)).empty


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_script_derives_exact_rows_from_a_tiny_gold(tmp_path: Path):
    gold = write(tmp_path / "gold.csv", "text_id,quote,lever\n"
        "t1,Freedonia should water the gardens,economic engagement\n"
        "t1,Freedonia should water the gardens,economic engagement\n"  # one unit, not two
        "t2,Freedonia must water its orchards,economic engagement\n"
        "t3,Gardens need sanctions,sanctions\n"  # a pattern matches: not a unit
        "t4,Freedonia should admire gardens,other\n")  # fmt: skip
    levers = write(tmp_path / "levers.csv", "lever,pattern,note\n"
        r"sanctions,sanction\w*|embargo,trade penalties on orchards" "\n")  # fmt: skip
    actors = write(tmp_path / "actors.csv", "actor,pattern,kind,members,note\n"
                   "Freedonia,Freedonia,state,,a state\n")  # fmt: skip
    stop = write(tmp_path / "stop.csv", "word,source\nthe,test\nits,test\nmust,test\n")
    out = tmp_path / "kw.csv"
    args = ["--gold", str(gold), "--levers", str(levers), "--actors", str(actors),
            "--stopwords", str(stop), "--out", str(out), "--min-count", "2",
            "--min-share", "0.6"]  # fmt: skip
    assert derive_main(args) == 0
    made = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(made.columns) == ["lever", "stem", "count", "share", "note", "source"]
    assert made[["lever", "stem", "count", "share", "note"]].values.tolist() == [
        ["economic engagement", "water", "2", "1.0", "2 gold of the 2 units holding it"],
    ]  # garden: 1 of 2 (other has one); orchard: 1 gold + 1 levers.csv, split
    assert set(made["source"]) == {made["source"][0]}
    assert "count >= 2 and share >= 0.6" in made["source"][0]
    assert load_lever_words(out).propose("water the lawn") == "economic engagement"


def test_the_repository_table_loads_and_names_levers_of_levers_csv(reference):
    words = load_lever_words()
    named = set(reference.levers.table["lever"]) | {"other"}
    assert set(words.table["lever"]) <= named
    assert len(words.weights) > 0


def test_the_repository_table_is_derived_from_the_current_gold_and_levers(tmp_path: Path):
    out = tmp_path / "lever_keywords.csv"
    assert derive_main(["--out", str(out)]) == 0
    committed = Path(__file__).parents[1] / "data" / "reference" / "lever_keywords.csv"
    assert out.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
        "data/reference/lever_keywords.csv is stale: run python scripts/lever_keywords.py"
    )
