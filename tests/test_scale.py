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


@pytest.mark.slow
@pytest.mark.browser
def test_reports_at_50_articles_render_in_the_browser(tmp_path):
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROMIUM, FLAGS, require_chromium, visit

    require_chromium()
    write_synthetic(tmp_path, 50, seed=11)
    assert main(["--root", str(tmp_path)]) == 0
    pages = sorted((tmp_path / "reports").glob("[0-9]*.html"))
    assert [p.stem for p in pages] == [step.name for step in load_plan()]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for page in [tmp_path / "reports" / "index.html", *pages]:
            seen = visit(browser, page)
            assert seen["errors"] == [] and seen["outside"] == [], (page.name, seen)
            for chart in seen["charts"]:
                assert chart["svg"] and chart["traces"] >= 1, (page.name, chart)
        browser.close()
