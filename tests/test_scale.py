"""The real runner on generated corpora of 1, 10 and 50 articles (slow: ``pytest -m slow``)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.pipeline import main
from helpers.plan import load_plan
from helpers.synthetic import write_synthetic

PAGE_LIMIT = 3_000_000  # bytes per report, plotly.js excluded (it is in reports/assets/)


@pytest.mark.slow
@pytest.mark.parametrize("n", [1, 10, 50])
def test_every_notebook_runs_and_publishes_at_this_corpus_size(tmp_path, n):
    write_synthetic(tmp_path, n, seed=11)
    assert main(["--root", str(tmp_path)]) == 0
    documents = pd.read_csv(tmp_path / "data" / "processed" / "documents.csv")
    assert len(documents) == n
    for table in ("sentences", "tokens", "timeline", "positions"):
        rows = pd.read_csv(tmp_path / "data" / "processed" / f"{table}.csv")
        assert len(rows) > 0, table
    for step in load_plan():
        page = tmp_path / "reports" / f"{step.name}.html"
        assert page.stat().st_size <= PAGE_LIMIT, f"{page.name}: {page.stat().st_size:,} bytes"
