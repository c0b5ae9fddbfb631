"""Page-load benchmark: each report's cold first paint and charts-drawn time in Chromium.

Every page of a site (by default a fresh seed workspace built by the runner; ``--site DIR``
measures an existing site) is opened from file:// in headless Chromium (/usr/bin/chromium via
playwright), offline, in a browser launched on a fresh profile per load (cold cache). From
navigation start it records first-contentful-paint (PerformanceObserver, 'paint' entries)
and the time when every ``.plotly-graph-div`` holds an ``svg.main-svg`` with at least one
drawn trace (polled every 10 ms; charts count as drawn no earlier than the first paint).
Prints, per page, the median and worst of ``--repeat`` loads (goal: first contentful paint
≤ 1.5 s, all charts drawn ≤ 3 s), and the site's size.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from helpers.paths import REPO_ROOT
from helpers.publish import human_size, site_size

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
GOAL_FCP_MS = 1500
GOAL_DRAWN_MS = 3000
TIMEOUT_MS = 60_000

# Runs before the page's own scripts: records FCP and polls until every chart is drawn.
PROBE = """
window.__load = {fcp: null, drawn: null, charts: 0};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.name === 'first-contentful-paint') window.__load.fcp = e.startTime;
  }
}).observe({type: 'paint', buffered: true});
const drawn = (d) => !!d.querySelector('svg.main-svg')
  && (d._fullData || []).length >= 1
  && !!d.querySelector('svg.main-svg g.trace, svg.main-svg g.hm');
const poll = () => {
  if (document.readyState !== 'loading') {
    const charts = [...document.querySelectorAll('.plotly-graph-div')];
    if (charts.every(drawn)) {
      window.__load.drawn = performance.now();
      window.__load.charts = charts.length;
      return;
    }
  }
  setTimeout(poll, 10);
};
poll();
"""


def build_site(base: Path) -> Path:
    """The seed workspace's site, built by the runner in ``base``."""
    shutil.copytree(REPO_ROOT / "data" / "raw", base / "data" / "raw")
    command = [sys.executable, "-m", "helpers.pipeline", "--root", str(base)]
    subprocess.run(command, check=True, capture_output=True, cwd=REPO_ROOT)
    return base / "reports"


def cold_load(playwright, page_path: Path) -> dict:
    """One load of ``page_path`` in a browser on a new, empty profile."""
    with tempfile.TemporaryDirectory(prefix="pageload-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=FLAGS, offline=True
        )
        try:
            page = context.new_page()
            page.add_init_script(PROBE)
            page.goto(page_path.as_uri(), wait_until="load", timeout=TIMEOUT_MS)
            page.wait_for_function(
                "window.__load.fcp !== null && window.__load.drawn !== null", timeout=TIMEOUT_MS
            )
            return page.evaluate("window.__load")
        finally:
            context.close()


def measure(site: Path, repeat: int) -> list[dict]:
    """Per page: chart count and the median and worst FCP and charts-drawn times (ms)."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        for page_path in sorted(site.glob("*.html")):
            loads = [cold_load(p, page_path) for _ in range(repeat)]
            fcp = [load["fcp"] for load in loads]
            drawn = [max(load["drawn"], load["fcp"]) for load in loads]
            rows.append({
                "page": page_path.name,
                "kB": page_path.stat().st_size / 1000,
                "charts": loads[0]["charts"],
                "fcp": (statistics.median(fcp), max(fcp)),
                "drawn": (statistics.median(drawn), max(drawn)),
            })  # fmt: skip
    return rows


def verdict(median: float, goal: float) -> str:
    return "ok" if median <= goal else "SLOW"


def print_table(rows: list[dict], repeat: int) -> None:
    print(f"cold loads per page: {repeat} (median / worst, ms from navigation start)")
    header = (
        f"{'page':<20}{'html kB':>8}{'charts':>7}  {'FCP med / max':<20} charts drawn med / max"
    )
    print(header)
    for r in rows:
        fcp = f"{r['fcp'][0]:>6.0f} / {r['fcp'][1]:>6.0f} {verdict(r['fcp'][0], GOAL_FCP_MS):<4}"
        drawn = (
            f"{r['drawn'][0]:>6.0f} / {r['drawn'][1]:>6.0f} {verdict(r['drawn'][0], GOAL_DRAWN_MS)}"
        )
        print(f"{r['page']:<20}{r['kB']:>8.0f}{r['charts']:>7}  {fcp} {drawn}")
    print(f"goal: FCP ≤ {GOAL_FCP_MS} ms, all charts drawn ≤ {GOAL_DRAWN_MS} ms")


def print_sizes(site: Path) -> None:
    assets = site / "assets"
    parts = ", ".join(
        f"{p.name} {human_size(p.stat().st_size)}" for p in sorted(assets.glob("*")) if p.is_file()
    )
    print(f"site {human_size(site_size(site))} (assets: {parts})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing site (default: build the seeds')")
    parser.add_argument("--repeat", type=int, default=3, help="cold loads per page (default 3)")
    args = parser.parse_args()
    if not CHROMIUM:
        print("pageload: Chromium not installed; skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site.resolve() if args.site else build_site(Path(tmp))
        if not any(site.glob("*.html")):
            raise SystemExit(f"{site}: no HTML pages to load")
        print_table(measure(site, args.repeat), args.repeat)
        print_sizes(site)


if __name__ == "__main__":
    main()
