"""Leave-one-batch-out cross-validation of the lever keyword fallback (helpers.leverwords).

Folds: each dev batch (data/dev/sources.csv column batch) and the seeds. For each fold the
keyword table is derived from the gold claims of the other folds only (and levers.csv), the
positions are run on the held fold's texts with and without the table, and its gold rows are
scored (benchmarks.scoring.score_claims, as `make eval` scores). Every (min_count, min_share)
of the grid is tried; the pick maximises the mean held-fold lever accuracy without lowering
the mean direction accuracy below that of no fallback (ties: higher direction, then actor, then
the stricter thresholds). Printed: the grid's means, then the pick per fold, with and without.

Run: python -m benchmarks.lever_cv [--min-count N --min-share S]  (one setting, no grid)
"""

from __future__ import annotations

import argparse
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from benchmarks.eval import (
    DEV,
    DEV_BATCHES,
    batch_ids,
    read_gold,
    run_positions,
    run_sentences,
    scored_sentences,
    stage_dev_texts,
)
from benchmarks.scoring import score_claims
from helpers.paths import REPO_ROOT

FIELDS = ("lever", "direction", "actor")
MIN_COUNTS = (1, 2, 3, 4, 5)
MIN_SHARES = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass
class Fold:
    """One held fold: its texts' sentences and documents, its gold and the other folds' gold."""

    name: str
    documents: pd.DataFrame
    sentences: pd.DataFrame
    located: pd.DataFrame
    gold: pd.DataFrame
    nonclaims: pd.DataFrame
    train: pd.DataFrame  # the gold claims of every other fold


def folds(raw_dev: Path) -> list[Fold]:
    """The dev batches and the seeds as folds (dev texts staged in ``raw_dev``)."""
    parts = []  # (name, documents, sentences, gold, nonclaims)
    dev_docs, dev_sents = run_sentences(stage_dev_texts(raw_dev))
    dev_gold, dev_non = read_gold(DEV / "gold_claims.csv"), read_gold(DEV / "gold_nonclaims.csv")
    for batch in DEV_BATCHES:
        ids = batch_ids(DEV, batch)
        parts.append((batch, dev_docs[dev_docs["doc_id"].isin(ids)],
                      dev_sents[dev_sents["doc_id"].isin(ids)],
                      dev_gold[dev_gold["text_id"].isin(ids)],
                      dev_non[dev_non["text_id"].isin(ids)]))  # fmt: skip
    seed_docs, seed_sents = run_sentences(REPO_ROOT / "data" / "raw")
    seeds = DEV / "seeds"
    parts.append(("seeds", seed_docs, seed_sents, read_gold(seeds / "gold_claims.csv"),
                  read_gold(seeds / "gold_nonclaims.csv")))  # fmt: skip
    out = []
    for i, (name, documents, sentences, gold, nonclaims) in enumerate(parts):
        train = pd.concat([p[3] for j, p in enumerate(parts) if j != i], ignore_index=True)
        located = scored_sentences(sentences, documents)
        out.append(Fold(name, documents, sentences, located, gold, nonclaims, train))
    return out


def scores(fold: Fold, lever_words) -> dict[str, float]:
    """Field accuracies (and the row count "n") of the held fold's positions."""
    system = run_positions(fold.sentences, fold.documents, lever_words)
    score = score_claims(fold.gold, fold.nonclaims, system, fold.located)
    return {"n": score.matched_rows, **{f: score.accuracy(f) or 0.0 for f in FIELDS}}


def mean(rows: list[dict[str, float]], name: str) -> float:
    return sum(r[name] for r in rows) / len(rows)


def pooled(rows: list[dict[str, float]], name: str) -> float:
    return sum(r[name] * r["n"] for r in rows) / sum(r["n"] for r in rows)


def run(settings: list[tuple[int, float]]) -> None:
    from helpers.actors import load_actors
    from helpers.levers import load_levers
    from helpers.leverwords import LeverWords, Thresholds, keyword_table, load_stopwords

    actors, levers, stopwords = load_actors(None), load_levers(None), load_stopwords()
    with tempfile.TemporaryDirectory() as tmp:
        held = folds(Path(tmp))
    without = [scores(fold, None) for fold in held]
    # every kept (lever, stem) of a fold: the thresholds then only filter it
    full = [keyword_table(f.train, levers, actors, Thresholds(1, 0.0), stopwords) for f in held]
    results: dict[tuple[int, float], list[dict[str, float]]] = {}
    for min_count, min_share in settings:
        results[(min_count, min_share)] = [
            scores(fold, LeverWords.from_table(kept, fold.name) if len(kept) else None)
            for fold, table in zip(held, full, strict=True)
            for kept in [table[(table["count"] >= min_count) & (table["share"] >= min_share)]]
        ]
    floor = mean(without, "direction")
    print(f"leave-one-batch-out over {len(held)} folds ({', '.join(f.name for f in held)}); "
          f"mean over folds (pooled over rows in brackets)")  # fmt: skip
    print(f"{'min_count':>9} {'min_share':>9}  " + "  ".join(f"{f:>15}" for f in FIELDS))
    print(_line("(none)", "", without))
    for (min_count, min_share), rows in results.items():
        print(_line(str(min_count), f"{min_share:g}", rows))
    allowed = [k for k, rows in results.items() if mean(rows, "direction") >= floor - 1e-9]
    if not allowed:
        print("no setting keeps the direction accuracy: the fallback does not help")
        return
    pick = max(allowed, key=lambda k: (*(round(mean(results[k], f), 9) for f in FIELDS), k))
    print(f"\npick: min_count {pick[0]}, min_share {pick[1]:g} "
          f"(max mean lever accuracy, direction not below {floor:.3f})")  # fmt: skip
    print(f"{'fold':<11} {'rows':>4}  " + "  ".join(f"{f + ' w/o → with':>20}" for f in FIELDS))
    for fold, base, rows in zip(held, without, results[pick], strict=True):
        cells = "  ".join(f"{base[f]:>11.3f} → {rows[f]:.3f}" for f in FIELDS)
        print(f"{fold.name:<11} {int(base['n']):>4}  {cells}")
    for label, how in (("mean", mean), ("pooled", pooled)):
        cells = "  ".join(f"{how(without, f):>11.3f} → {how(results[pick], f):.3f}" for f in FIELDS)
        print(f"{label:<11} {'':>4}  {cells}")


def _line(count: str, share: str, rows: list[dict[str, float]]) -> str:
    cells = "  ".join(f"{mean(rows, f):.3f} [{pooled(rows, f):.3f}]" for f in FIELDS)
    return f"{count:>9} {share:>9}  {cells}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lever_cv", description=__doc__)
    parser.add_argument("--min-count", type=int, help="one setting only (with --min-share)")
    parser.add_argument("--min-share", type=float)
    args = parser.parse_args(argv)
    os.environ.setdefault("HELPERS_SCHEDULER", "inprocess")  # small folds: no worker pool
    if args.min_count is not None or args.min_share is not None:
        from helpers.leverwords import Thresholds

        default = Thresholds()
        settings = [(args.min_count or default.min_count, args.min_share or default.min_share)]
    else:
        settings = [(c, s) for c in MIN_COUNTS for s in MIN_SHARES]
    run(settings)


if __name__ == "__main__":
    main()
