"""TextRank on one long document: seconds per size (windowed edges keep it near-linear).

Run: python -m benchmarks.summaries [N ...]   (default 1000 10000 45000 sentences)
"""

from __future__ import annotations

import random
import sys
import time

import pandas as pd

from helpers.summaries import textrank_summary

WORDS = [
    "sanctions", "talks", "troops", "alliance", "pressure", "summit", "missile", "freeze",
    "deal", "relief", "China", "Seoul", "Tokyo", "Washington", "Pyongyang", "envoy",
    "verification", "reactor", "border", "aid", "trade", "exercises",
]  # fmt: skip


def long_document(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` synthetic sentences of 8-20 policy words, one document."""
    rng = random.Random(seed)
    texts = [" ".join(rng.choices(WORDS, k=rng.randint(8, 20))) + "." for _ in range(n)]
    return pd.DataFrame({"doc_id": "long", "sent_id": range(1, n + 1), "text": texts})


def main(argv: list[str]) -> None:
    for n in [int(a) for a in argv] or [1000, 10000, 45000]:
        sentences = long_document(n)
        start = time.perf_counter()
        textrank_summary(sentences, 3)
        print(f"textrank_summary: {n:>6} sentences in {time.perf_counter() - start:6.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
