"""`make eval`: the extraction rules scored against hand-made gold, per set.

Sets: data/dev (development texts, gold in data/dev/*.csv) and the seeds (data/raw, gold in
data/dev/seeds/*.csv), printed by default; data/heldout (same layout as data/dev) only with
``--set heldout``: it is held out, so rules are never tuned on it. The helpers are called only
from the three adapter functions below (one per task), the way notebooks 01-04 call them; adjust
those when the helpers change.
Scoring lives in benchmarks.scoring. Run: python -m benchmarks.eval [--set heldout] [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

from benchmarks.scoring import (
    CLAIM_FIELDS,
    NOT_PRODUCED,
    ClaimScore,
    TimexScore,
    best_row,
    f1,
    locate,
    score_claims,
    score_timex,
)
from helpers.paths import REPO_ROOT

DEV = REPO_ROOT / "data" / "dev"
HELDOUT = REPO_ROOT / "data" / "heldout"
DEV_BATCHES = {  # sources.csv column batch: when the texts were added
    "issue13": "the first 19 texts, issue 13",
    "pos2": "13 texts added with their gold before the rules were judged on them",
    "pos3": "14 texts (human rights, export controls, budget, posture) with gold written first",
    "pos3-check": "3 texts scored only after the pos3 rules, to check they generalise",
    "pos4": "10 texts (South China Sea, Iran, Gaza, NATO, AUKUS, India-Pakistan), gold first",
    "pos5": "10 texts on Korea, China and the alliances (8 synthetic op-eds), gold first",
    "pos6": "10 texts: congressional statements and 4 synthetic op-eds, gold first",
    "pos4-check": "8 texts scored once, after the rules of pos4-pos6, to check they generalise",
    "pos7-check": "8 texts on Korea, China and Japan, scored once after all of this round's rules",
    "pos8-check": "8 texts (Sudan, Myanmar, the Arctic; 5 op-eds on Asia), scored once, session 4",
    "pos9-check": "8 texts (Yemen, Libya, Belarus; 5 op-eds on Korea, Japan, sanctions), the same",
    "pos10-check": "8 texts (2 U.S. statements on Taiwan, 3 news reports, 3 op-eds), the same",
    "pos11-check": "8 texts (2 U.S. statements on Iran, 3 news reports, 3 op-eds), the same",
    "pos12-check": "8 synthetic news reports on Korea, China, Japan and Russia, the same",
    "pos13-check": "8 texts (4 State Department and White House readouts, 4 op-eds), the same",
    "pos14-check": "8 texts (3 U.S. statements, 3 op-eds, 2 news reports), scored once, session 5",
    "pos15-check": "8 texts (2 U.S. statements, 4 op-eds, 2 news reports), the same",
    "pos16-check": "8 texts (4 U.S. statements on Iran, North Korea, arms control), session 6",
    "pos17-check": "8 texts (4 U.S. statements, 3 op-eds, 1 news report), the same",
    "pos18-check": "8 texts (4 U.S. statements, 3 op-eds, 1 news report), session 7",
    "pos19-check": "8 texts (4 U.S. statements, 2 op-eds, 2 news reports), session 8",
}
ADDRESSEE = "United States"  # 04_positions' default parameter
MANIFEST_FIELDS = {
    "title": "title",
    "author": "author",
    "published": "published",
    "source": "source",
}


# --- adapters: the only calls into helpers -------------------------------------------------


def run_sentences(raw_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Documents and sentences of a raw directory, as notebooks 01 and 02 make them."""
    from helpers.corpus import ingest_corpus
    from helpers.tokenize import sentences_for_corpus

    corpus = ingest_corpus(raw_dir)
    texts = {doc_id: corpus.texts[doc_id] for doc_id in sorted(corpus.texts)}
    return corpus.documents, sentences_for_corpus(texts, corpus.paragraphs)


def run_timeline(documents: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """timeline.csv rows, as notebook 03 makes them with its default parameters."""
    from helpers.timeline import (
        catalog_path,
        document_anchors,
        extract_corpus_timeline,
        read_events,
    )

    events = read_events(catalog_path("", REPO_ROOT))
    anchors = document_anchors(documents, {})
    return extract_corpus_timeline(
        sentences, anchors.set_index("doc_id")["anchor"].to_dict(), events
    )


DEFAULT_KEYWORDS = "data/reference/lever_keywords.csv"  # run_positions: notebook 04's table


def run_positions(
    sentences: pd.DataFrame, documents: pd.DataFrame | None = None, lever_words=DEFAULT_KEYWORDS
) -> pd.DataFrame:
    """positions.csv rows, as notebook 04 makes them with its default parameters (titles read
    as sentence 0 when ``documents`` is given); ``lever_words``: the keyword fallback, a
    ``LeverWords`` or None (no fallback) in place of the default table (benchmarks.lever_cv)."""
    from helpers.actors import find_mentions, load_actors
    from helpers.issuers import issuing_governments
    from helpers.positions import load_lever_words, load_levers, positions_for_corpus

    actors = load_actors(None)
    levers = load_levers(None)
    if lever_words is DEFAULT_KEYWORDS:
        lever_words = load_lever_words(None)
    mentions = find_mentions(sentences, actors)
    titles = _titles(documents)
    issuers = {} if documents is None else issuing_governments(documents, actors, ADDRESSEE)
    return positions_for_corpus(
        sentences, mentions, actors, levers, ADDRESSEE, {}, titles, lever_words, issuers
    )


def scored_sentences(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The sentences gold quotes are located in: the body's, and each title as sentence 0."""
    from helpers.positions import title_sentences

    return title_sentences(sentences, _titles(documents))


def _titles(documents: pd.DataFrame | None) -> dict[str, str]:
    if documents is None:
        return {}
    return dict(zip(documents["doc_id"], documents["title"], strict=True))


# --- sets ----------------------------------------------------------------------------------


def read_gold(path: Path) -> pd.DataFrame:
    """A gold CSV as text columns (empty cells as "")."""
    if not path.exists():
        sys.exit(f"eval: gold file {path} is missing")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def stage_dev_texts(target: Path, set_dir: Path = DEV) -> Path:
    """Copy ``set_dir``/texts into ``target`` with a manifest.csv made from its sources.csv."""
    for path in sorted((set_dir / "texts").glob("*.txt")):
        shutil.copy(path, target / path.name)
    sources = read_gold(set_dir / "sources.csv")
    with open(target / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", *MANIFEST_FIELDS.values()])
        for row in sources.to_dict("records"):
            writer.writerow([f"{row['id']}.txt", *(row[c] for c in MANIFEST_FIELDS)])
    return target


def evaluate(
    raw_dir: Path, gold_dir: Path, misses: list[str] | None = None, only: set[str] | None = None
):
    """Run the three tasks on ``raw_dir`` and score them against the gold in ``gold_dir``;
    ``misses`` (a list) collects one line per claim error (``claim_misses``); ``only``: score
    just these text ids (the rules still run on every text)."""
    documents, sentences = run_sentences(raw_dir)
    if only is not None:
        documents = documents[documents["doc_id"].isin(only)]
        sentences = sentences[sentences["doc_id"].isin(only)]
    gold, system = _kept(gold_dir / "gold_claims.csv", only), run_positions(sentences, documents)
    located = scored_sentences(sentences, documents)
    claims = score_claims(gold, _kept(gold_dir / "gold_nonclaims.csv", only), system, located)
    if misses is not None:
        misses.extend(claim_misses(gold, system, located))
    timex = score_timex(
        _kept(gold_dir / "gold_timex.csv", only), run_timeline(documents, sentences), sentences
    )
    return claims, timex, len(documents)


def _kept(path: Path, only: set[str] | None) -> pd.DataFrame:
    table = read_gold(path)
    return table if only is None else table[table["text_id"].isin(only)]


def batch_ids(set_dir: Path, batch: str) -> set[str]:
    """Text ids of one batch of a set's sources.csv (column ``batch``; all when it lacks one)."""
    sources = read_gold(set_dir / "sources.csv")
    if "batch" not in sources.columns:
        return set(sources["id"])
    return set(sources.loc[sources["batch"] == batch, "id"])


def claim_misses(gold: pd.DataFrame, system: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    """One line per gold row whose best system row differs (the fields gold, system), per
    missed gold sentence, and per system sentence holding no gold quote."""
    by_key: dict[tuple[str, str], list] = {}
    for row in system.itertuples(index=False):
        by_key.setdefault((str(row.doc_id), str(row.sent_id)), []).append(row)
    fields = [f for f in CLAIM_FIELDS if f in system.columns]
    lines, golden = [], set()
    for row in gold.to_dict("records"):
        keys = locate(row["text_id"], row["quote"], sentences)
        golden.update(keys)
        candidates = [r for k in keys for r in by_key.get(k, [])]
        if not candidates:
            lines.append(f"  MISSED {row['text_id']}: {row['quote'][:90]}")
            continue
        chosen = best_row(row, candidates, fields)
        wrong = [f"{f} {row[f]}≠{getattr(chosen, f)}" for f in fields
                 if str(getattr(chosen, f)) != row[f]]  # fmt: skip
        if wrong:
            lines.append(f"  FIELD {row['text_id']}: {'; '.join(wrong)} | {row['quote'][:70]}"
                         f" | cue={chosen.cue!r} src={chosen.actor_source}")  # fmt: skip
    for key, rows in by_key.items():
        if key not in golden:
            lines.append(f"  EXTRA {key[0]}#{key[1]}: {rows[0].quote[:100]}")
    return lines


# --- report --------------------------------------------------------------------------------


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def report(name: str, n_docs: int, claims: ClaimScore, timex: TimexScore, verbose: bool) -> str:
    """A compact table of one set's figures."""
    lines = [
        f"== {name}: {n_docs} texts",
        f"claims  P {fmt(claims.precision)}  R {fmt(claims.recall)}  "
        f"F1 {fmt(f1(claims.precision, claims.recall))}   "
        f"(gold sentences {claims.gold_units + len(claims.unlocated)}, "
        f"unlocated {len(claims.unlocated)}, system sentences {claims.system_sentences}; "
        f"non-claims flagged {claims.nonclaims_flagged}/{claims.nonclaims})",
        f"  fields on {claims.matched_rows} matched gold rows:",
    ]
    for name_ in CLAIM_FIELDS:
        shown = NOT_PRODUCED if name_ in claims.missing_fields else ""
        lines.append(f"    {name_:<10} {fmt(claims.accuracy(name_))}  {shown}".rstrip())
    lines.append(
        f"timex   P {fmt(timex.precision)}  R {fmt(timex.recall)}   "
        f"value acc {fmt(timex.value_accuracy)} (n={timex.valued})   "
        f"event-link acc {fmt(timex.link_accuracy)} (n={timex.matched})   "
        f"(gold {timex.gold}, unlocated {len(timex.unlocated)}, system {timex.system})"
    )
    if verbose:
        lines += [f"  unlocated claim quote: {q}" for q in claims.unlocated]
        lines += [f"  unlocated timex: {q}" for q in timex.unlocated]
    return "\n".join(lines)


def batch_report(batch: str, verbose: bool) -> str:
    """The report of one dev batch, with its claim errors when ``verbose``."""
    misses: list[str] | None = [] if verbose else None
    with tempfile.TemporaryDirectory() as tmp:
        claims, timex, n_docs = evaluate(
            stage_dev_texts(Path(tmp)), DEV, misses, batch_ids(DEV, batch)
        )
    title = f"dev, batch {batch} only ({DEV_BATCHES[batch]})"
    return "\n".join([report(title, n_docs, claims, timex, verbose), *(misses or [])])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval", description=__doc__)
    parser.add_argument(
        "--set",
        choices=["dev", "heldout"],
        default="dev",
        help="dev: data/dev and the seeds (default); heldout: data/heldout only",
    )
    parser.add_argument("--verbose", action="store_true", help="list unlocated gold quotes")
    parser.add_argument(
        "--batch", choices=sorted(DEV_BATCHES), help="dev: score and list only this batch"
    )
    args = parser.parse_args(argv)
    if args.set == "heldout":
        with tempfile.TemporaryDirectory() as tmp:  # never list held-out misses: not to tune on
            held = evaluate(stage_dev_texts(Path(tmp), HELDOUT), HELDOUT)
        print(report("held-out (data/heldout)", held[2], held[0], held[1], args.verbose))
        return
    if args.batch:
        print(batch_report(args.batch, args.verbose))
        return
    dev_misses: list[str] | None = [] if args.verbose else None
    seed_misses: list[str] | None = [] if args.verbose else None
    with tempfile.TemporaryDirectory() as tmp:
        dev = evaluate(stage_dev_texts(Path(tmp)), DEV, dev_misses)
        batches = {b: evaluate(Path(tmp), DEV, None, batch_ids(DEV, b)) for b in DEV_BATCHES}
    seeds = evaluate(REPO_ROOT / "data" / "raw", DEV / "seeds", seed_misses)
    print(report("dev (data/dev)", dev[2], dev[0], dev[1], args.verbose))
    print("\n".join(dev_misses or []))
    for batch, (claims, timex, n_docs) in batches.items():
        print()
        print(report(f"dev, batch {batch} only ({DEV_BATCHES[batch]})", n_docs, claims, timex,
                     False))  # fmt: skip
    print()
    print(report("seeds (data/raw)", seeds[2], seeds[0], seeds[1], args.verbose))
    print("\n".join(seed_misses or []))


if __name__ == "__main__":
    main()
