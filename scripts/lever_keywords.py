"""Derive data/reference/lever_keywords.csv: the lever keyword fallback (helpers.leverwords).

Evidence units are the distinct (text_id, quote, lever) rows of the gold claim tables whose
quote no levers.csv pattern matches (the claims the fallback is asked about, the gold "other"
rows among them) and the rows of levers.csv (a row's pattern words and note). A unit's words
are lower-cased, stop words (stopwords.csv) and actor names (the spans actors.csv matches)
dropped, and stemmed with NLTK's Snowball English stemmer (no downloads). A (lever, stem) is
kept when at least ``--min-count`` units of that lever hold the stem and they are at least
``--min-share`` of all units holding it. The defaults are the thresholds leave-one-batch-out
cross-validation picked (``python -m benchmarks.lever_cv``). Every row's ``source`` column
records the inputs and thresholds, its ``note`` the units behind it. The texts of the dev
batches in ``HELD_BATCHES`` (data/dev/sources.csv column batch) are left out: they check
the rules and the table on text neither was derived from.

Run: python scripts/lever_keywords.py [--gold CSV ...] [--levers CSV] [--out CSV]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from helpers.actors import load_actors
from helpers.levers import load_levers
from helpers.leverwords import Thresholds, keyword_table, load_stopwords
from helpers.paths import REPO_ROOT
from helpers.tables import read_reference, write_table

GOLD = [REPO_ROOT / "data/dev/gold_claims.csv", REPO_ROOT / "data/dev/seeds/gold_claims.csv"]
REFERENCE = REPO_ROOT / "data" / "reference"
DEFAULTS = Thresholds()
HELD_BATCHES = (
    "pos8-check",
    "pos9-check",
    "pos10-check",
    "pos11-check",
    "pos12-check",
    "pos13-check",
    "pos14-check",
    "pos15-check",
    "pos16-check",
    "pos17-check",
    "pos18-check",
    "pos19-check",
)
SOURCES = REPO_ROOT / "data/dev/sources.csv"


def held_text_ids() -> set[str]:
    """Ids of the dev texts of ``HELD_BATCHES``."""
    sources = read_reference(SOURCES, ["id", "batch"], "dev sources")
    return set(sources.loc[sources["batch"].isin(HELD_BATCHES), "id"])


def _shown(path: Path) -> str:
    """``path`` relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/lever_keywords.py", description=__doc__)
    parser.add_argument("--gold", type=Path, nargs="+", default=GOLD, help="gold_claims CSVs")
    parser.add_argument("--levers", type=Path, default=REFERENCE / "levers.csv")
    parser.add_argument("--actors", type=Path, default=REFERENCE / "actors.csv")
    parser.add_argument("--stopwords", type=Path, default=REFERENCE / "stopwords.csv")
    parser.add_argument("--out", type=Path, default=REFERENCE / "lever_keywords.csv")
    parser.add_argument("--min-count", type=int, default=DEFAULTS.min_count)
    parser.add_argument("--min-share", type=float, default=DEFAULTS.min_share)
    args = parser.parse_args(argv)
    gold = pd.concat(
        [read_reference(p, ["text_id", "quote", "lever"], "gold claims") for p in args.gold],
        ignore_index=True,
    )
    gold = gold[~gold["text_id"].isin(held_text_ids())]
    levers = load_levers(args.levers)
    thresholds = Thresholds(args.min_count, args.min_share)
    source = (
        f"scripts/lever_keywords.py: Snowball stems of the gold claim quotes no lever pattern "
        f"matches in "
        f"{' and '.join(_shown(p) for p in args.gold)} and of the pattern words and notes of "
        f"{_shown(args.levers)} (batches {', '.join(HELD_BATCHES)} held out), stop words and "
        f"actor names dropped; kept with count >= "
        f"{thresholds.min_count} and share >= {thresholds.min_share:g} "
        f"(thresholds from python -m benchmarks.lever_cv)"
    )
    table = keyword_table(
        gold, levers, load_actors(args.actors), thresholds, load_stopwords(args.stopwords), source
    )
    write_table(table, args.out)
    print(f"{_shown(args.out)}: {len(table)} stems for {table['lever'].nunique()} levers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
