"""The published site in a real browser (headless Chromium), from disk, with no network.

Every page loads with no console error and no request leaving file://, every plotly chart
has drawn an SVG with at least one trace, of types the site's plotly.js bundle has (plotly.js
turns an unknown type into scatter), and an article carrying HTML markup shows it as text
without running it. Skipped when Chromium is missing, except under CI=true.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from helpers.pipeline import run
from tests.conftest import make_workspace

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HOSTILE = (
    "Markup <script>alert(1)</script> in a title\n\n"
    "An article may quote markup such as <script>alert(1)</script> on sanctions in its text. "
    "It may also carry <img src=x onerror=alert(1)> in a sentence about North Korea.\n\n"
    "Washington should treat it as text. The allies must not run it.\n"
)

pytestmark = pytest.mark.browser


def require_chromium() -> None:
    """Skip when Chromium is missing, except under CI=true (where that fails)."""
    if not CHROMIUM:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required under CI (install the chromium package)")
        pytest.skip("Chromium not installed")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_chromium()
    root = make_workspace(tmp_path_factory.mktemp("browser"))
    (root / "data" / "raw" / "zz-markup.txt").write_text(HOSTILE, encoding="utf-8")
    assert run(root=str(root)) == 0
    return root / "reports"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


def visit(browser, page_path: Path) -> dict:
    """Open ``page_path`` offline; what it requested, logged, alerted and drew."""
    context = browser.new_context(offline=True)
    page = context.new_page()
    seen = {"errors": [], "outside": [], "dialogs": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith("file://"):
            return r.continue_()
        seen["outside"].append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.goto(page_path.as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    seen["charts"] = page.evaluate(
        """() => [...document.querySelectorAll('.plotly-graph-div')].map(d => ({
            svg: !!d.querySelector('svg.main-svg'),
            traces: (d._fullData || []).length,
            unsupported: (d._fullData || []).map(t => d.data[t.index].type || 'scatter')
                .filter((type, i) => type !== d._fullData[i].type),
        }))"""
    )
    seen["text"] = page.inner_text("body")
    context.close()
    return seen


def test_index_links_every_report(site, browser):
    seen = visit(browser, site / "index.html")
    assert seen["errors"] == [] and seen["outside"] == []
    for page in sorted(site.glob("[0-9]*.html")):
        assert page.stem in (site / "index.html").read_text(encoding="utf-8")


def test_every_report_renders_its_charts_offline(site, browser):
    pages = sorted(site.glob("[0-9]*.html"))
    assert pages
    for page in pages:
        seen = visit(browser, page)
        assert seen["errors"] == [], (page.name, seen["errors"])
        assert seen["outside"] == [], (page.name, seen["outside"])
        assert seen["dialogs"] == [], (page.name, seen["dialogs"])
        assert seen["charts"], f"{page.name}: no plotly chart"
        for chart in seen["charts"]:
            assert chart["svg"] and chart["traces"] >= 1, (page.name, chart)
            assert chart["unsupported"] == [], f"{page.name}: trace types not in plotly.js bundle"


def test_markup_in_an_article_is_shown_as_text(site, browser):
    shown = {}
    for page in sorted(site.glob("*.html")):
        seen = visit(browser, page)
        assert seen["dialogs"] == [], page.name
        shown[page.stem] = seen["text"]
    title = "Markup <script>alert(1)</script> in a title"
    assert title in shown["01_ingest"] and title in shown["04_positions"]
    assert "<script>alert(1)</script> on" in shown["01_ingest"]  # the longest paragraphs
    assert "<img src=x onerror=alert(1)>" in shown["02_tokenize"]


def test_timeline_chart_labels_every_episode_found_with_its_dates(site, browser):
    """The episode labels are text in the drawn SVG (readable without hovering)."""
    import pandas as pd

    from helpers.episodes import episode_references, found_episodes, span_text
    from helpers.paths import reference_file

    events = pd.read_csv(reference_file("events.csv"), dtype=str, keep_default_na=False)
    timeline = pd.read_csv(site.parent / "data" / "processed" / "timeline.csv", dtype=str,
                           keep_default_na=False)  # fmt: skip
    found = found_episodes(episode_references(timeline, events), events)
    assert {"Korean War", "2015 parade", "2016-17 sanctions tightening", "2018 summits",
            "October 2020 parade"} <= set(found["episode"])  # fmt: skip
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 1000})
    page = context.new_page()
    page.goto((site / "03_timeline.html").as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    svg_text = page.evaluate(
        """() => [...document.querySelector('.plotly-graph-div').querySelectorAll('svg text')]
            .map(t => t.textContent).join('\\n')"""
    )
    context.close()
    for ep in found.itertuples(index=False):
        assert ep.episode in svg_text and span_text(ep.first, ep.last) in svg_text, ep.label
    assert "3 Sep 2015" in svg_text and "10 Oct 2020" in svg_text


def open_page(browser, page_path: Path, media: str = "screen"):
    """A page opened offline (caller closes its context), waited on until charts are drawn."""
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.emulate_media(media=media)
    page.goto(page_path.as_uri(), wait_until="load")
    page.wait_for_function(
        "[...document.querySelectorAll('.plotly-graph-div')].every(d => d.querySelector('svg'))"
    )
    return context, page


def test_every_report_has_contents_linking_its_headings(site, browser):
    for path in sorted(site.glob("[0-9]*.html")):
        context, page = open_page(browser, path)
        targets = page.eval_on_selector_all(
            "nav.toc a",
            "links => links.map(a => !!document.getElementById(a.getAttribute('href').slice(1)))",
        )
        context.close()
        assert len(targets) >= 3 and all(targets), path.name


def test_reports_link_the_tables_they_wrote_and_the_copies_are_there(site, browser):
    wrote = {"01_ingest": {"documents.csv", "paragraphs.csv"},
             "02_tokenize": {"sentences.csv", "tokens.csv", "textstats.csv"},
             "03_timeline": {"timeline.csv"},
             "04_positions": {"mentions.csv", "positions.csv", "summaries.csv"}}  # fmt: skip
    processed = site.parent / "data" / "processed"
    for name, tables in wrote.items():
        context, page = open_page(browser, site / f"{name}.html")
        links = page.eval_on_selector_all("a.csv-link", "as => as.map(a => a.getAttribute('href'))")
        context.close()
        assert {link.removeprefix("data/") for link in links} == tables, name
        for link in links:
            copy, original = site / link, processed / Path(link).name
            assert (
                copy.read_text("utf-8").splitlines()[0]
                == original.read_text("utf-8").splitlines()[0]
            )
            assert len(copy.read_text("utf-8").splitlines()) == len(
                original.read_text("utf-8").splitlines()
            )


def test_footer_states_parameters_fingerprint_and_generation_time(site, browser):
    index = (site / "index.html").read_text("utf-8")
    fingerprint = index.split("Corpus fingerprint <code>")[1].split("<")[0]
    context, page = open_page(browser, site / "02_tokenize.html")
    footer = page.inner_text("footer.report-footer")
    context.close()
    assert f"Corpus fingerprint {fingerprint} (3 articles)" in footer
    assert "top_n=15" in footer and "compare_by='auto'" in footer
    assert re.search(r"Generated \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d UTC", footer)


def test_tables_sort_by_a_clicked_header_and_filter_by_typed_words(site, browser):
    context, page = open_page(browser, site / "03_timeline.html")
    table = page.locator("table", has=page.locator("th", has_text="expression")).last
    rows = table.locator("tbody tr")
    n = rows.count()
    assert n > 12
    table.locator("thead th", has_text="sent_id").first.click()
    column = page.evaluate(
        "t => [...t.tHead.rows[0].cells].findIndex(c => c.textContent.startsWith('sent_id'))",
        table.element_handle(),
    )
    ids = [int(rows.nth(i).locator("td, th").nth(column).inner_text()) for i in range(n)]
    assert ids == sorted(ids)
    page.locator(".table-tools input").last.fill("nk-china-help")
    shown = table.locator("tbody tr:not(.filtered-out)")
    assert 0 < shown.count() < n
    assert all("nk-china-help" in shown.nth(i).inner_text() for i in range(shown.count()))
    context.close()


def test_a_printed_report_keeps_every_column_and_hides_the_toolbars(site, browser, tmp_path):
    from pypdf import PdfReader

    context, page = open_page(browser, site / "03_timeline.html", media="print")
    hidden = page.eval_on_selector_all(
        ".modebar-container, .site-nav, .table-tools",
        "els => els.every(e => getComputedStyle(e).display === 'none')",
    )
    last_cells = page.eval_on_selector_all(
        ".jp-OutputArea-output table",
        "ts => ts.map(t => [...t.tBodies[0].rows].at(-1).lastElementChild.textContent.trim())",
    )
    page.pdf(path=str(tmp_path / "report.pdf"), format="A4", print_background=True)
    context.close()
    assert hidden
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "report.pdf").pages)

    def words(s: str) -> str:  # a word hyphenated across lines is one word
        return re.sub(r"-\s+", "-", " ".join(s.split()))

    quote = max(last_cells, key=len)
    assert len(quote) > 40
    assert words(quote) in words(text)


def test_a_standalone_page_draws_its_charts_alone(site, browser, tmp_path):
    from helpers.publish import publish_report
    from helpers.reportpage import PageContext

    executed = site.parent / "build" / "executed" / "02_tokenize.ipynb"
    publish_report(executed, "Tokens", tmp_path, [], PageContext(standalone=True))
    alone = tmp_path / "02_tokenize.html"
    assert not (tmp_path / "assets").exists()
    seen = visit(browser, alone)
    assert seen["errors"] == [] and seen["outside"] == []
    assert seen["charts"] and all(c["svg"] and c["traces"] >= 1 for c in seen["charts"])
