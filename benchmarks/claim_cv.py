"""Leave-one-batch-out test of a sentence-level claim classifier beside the rules.

Would a learned model find the claims the rules miss? Each sentence of the dev batches and
the seeds (titles as sentence 0) is labelled a claim when a gold quote lies in it. Features:
lower-cased words and word pairs with actor names (actors.csv) masked to ACTOR and lever
phrases (levers.csv) to LEVER, a title and a question flag, and with ``--dense`` a few cue
flags (appraisal words of helpers.appraisal, consequence verbs of helpers.consequences, a
modal, a lever, past-tense verbs, a year). A logistic regression (numpy, L2, batch gradient
descent) is trained on the other folds and scored on the held fold: alone, and as a union with
the rules (a sentence is a claim when the rules give it a row or the model's probability is at
least the threshold). Printed: pooled precision, recall and F1 per threshold, and the rules'.

Nothing in the pipeline uses this model; it is a benchmark that answers the question with
figures. Run: python -m benchmarks.claim_cv [--dense] [--l2 1.0]
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

from benchmarks.eval import run_positions
from benchmarks.lever_cv import Fold, folds
from benchmarks.scoring import f1, locate

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
MIN_COUNT = 2  # a feature seen fewer times in the training folds is dropped
STEPS, RATE = 300, 5.0
MODAL = re.compile(r"\b(?:should|must|need|needs|ought|would|could|will)\b", re.I)
PAST = re.compile(r"\b(?:said|told|announced|met|signed|launched|was|were|had)\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def labelled(fold: Fold) -> list[dict]:
    """One record per sentence of the fold: text, masked words, gold label, rules' label."""
    from helpers.actors import find_mentions, load_actors
    from helpers.levers import load_levers

    actors, levers = load_actors(None), load_levers(None)
    system = run_positions(fold.sentences, fold.documents)
    fired = set(zip(system["doc_id"].astype(str), system["sent_id"].astype(str), strict=True))
    gold = set()
    for quote in fold.gold[["text_id", "quote"]].drop_duplicates().itertuples(index=False):
        gold.update(locate(quote.text_id, quote.quote, fold.located))
    mentions = find_mentions(fold.located, actors)
    spans: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for m in mentions.itertuples(index=False):
        spans.setdefault((str(m.doc_id), str(m.sent_id)), []).append((m.start, m.end, "ACTOR"))
    out = []
    for row in fold.located.itertuples(index=False):
        key, text = (str(row.doc_id), str(row.sent_id)), str(row.text)
        marks = spans.get(key, []) + [(m.start, m.end, "LEVER") for m in levers.matches(text)]
        out.append({"text": text, "words": _masked_words(text, marks), "title": key[1] == "0",
                    "claim": key in gold, "rules": key in fired})  # fmt: skip
    return out


def _masked_words(text: str, marks: list[tuple[int, int, str]]) -> list[str]:
    parts, at = [], 0
    for start, end, token in sorted(marks):
        if start >= at:
            parts += [text[at:start], f" {token} "]
            at = end
    parts.append(text[at:])
    words = re.findall(r"[A-Za-z']+|[?]", "".join(parts))
    return [w if w in ("ACTOR", "LEVER") else w.lower() for w in words]


def features(record: dict, dense: bool) -> set[str]:
    """The feature names of one sentence record."""
    from helpers.appraisal import APPROVING, DISAPPROVING
    from helpers.consequences import GOODS, HARMS

    words, text = record["words"], record["text"]
    found = {*words, *(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)), "#bias"}
    flags = {"#title": record["title"], "#question": text.rstrip().endswith("?")}
    if dense:
        flags |= {
            "#approve": bool(APPROVING.search(text)),
            "#disapprove": bool(DISAPPROVING.search(text)),
            "#harm": bool(HARMS & set(words)), "#good": bool(GOODS & set(words)),
            "#modal": bool(MODAL.search(text)), "#lever": "LEVER" in words,
            "#past": bool(PAST.search(text)), "#year": bool(YEAR.search(text)),
        }  # fmt: skip
    return found | {name for name, on in flags.items() if on}


def fit(rows: list[set[str]], labels: list[bool], l2: float) -> tuple[dict[str, int], np.ndarray]:
    """Vocabulary and weights of an L2 logistic regression over binary features."""
    counts = Counter(f for row in rows for f in row)
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    x = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for i, row in enumerate(rows):
        x[i, [vocab[f] for f in row if f in vocab]] = 1
    y, w = np.array(labels, dtype=float), np.zeros(len(vocab))
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= RATE * (x.T @ (p - y) + l2 * w) / len(rows)
    return vocab, w


def probabilities(rows: list[set[str]], vocab: dict[str, int], w: np.ndarray) -> np.ndarray:
    scores = [sum(w[vocab[f]] for f in row if f in vocab) for row in rows]
    return 1 / (1 + np.exp(-np.array(scores)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.claim_cv", description=__doc__)
    parser.add_argument("--dense", action="store_true", help="add the cue flags")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1.0)")
    args = parser.parse_args(argv)
    os.environ.setdefault("HELPERS_SCHEDULER", "inprocess")  # no worker pool from a benchmark
    with tempfile.TemporaryDirectory() as tmp:
        records = {fold.name: labelled(fold) for fold in folds(Path(tmp))}
    counts = {(how, t): [0, 0, 0] for how in ("alone", "union") for t in THRESHOLDS}
    rules = [0, 0, 0]  # true positives, system sentences, gold sentences
    for name, held in records.items():
        train = [r for other, rs in records.items() if other != name for r in rs]
        vocab, w = fit([features(r, args.dense) for r in train], [r["claim"] for r in train],
                       args.l2)  # fmt: skip
        p = probabilities([features(r, args.dense) for r in held], vocab, w)
        claim = np.array([r["claim"] for r in held])
        fired = np.array([r["rules"] for r in held])
        _add(rules, claim, fired)
        for t in THRESHOLDS:
            _add(counts[("alone", t)], claim, p >= t)
            _add(counts[("union", t)], claim, fired | (p >= t))
    print(f"leave-one-batch-out over {len(records)} folds, pooled "
          f"({sum(len(r) for r in records.values())} sentences; dense={args.dense}, "
          f"l2={args.l2:g})")  # fmt: skip
    print(_line("rules", rules))
    for (how, t), tally in counts.items():
        print(_line(f"{how} {t:g}", tally))


def _add(tally: list[int], gold: np.ndarray, predicted: np.ndarray) -> None:
    tally[0] += int((gold & predicted).sum())
    tally[1] += int(predicted.sum())
    tally[2] += int(gold.sum())


def _line(label: str, tally: list[int]) -> str:
    precision = tally[0] / tally[1] if tally[1] else None
    recall = tally[0] / tally[2] if tally[2] else None
    score = f1(precision, recall)
    return (f"{label:<10}  P {precision or 0:.3f}  R {recall or 0:.3f}  "
            f"F1 {score or 0:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
