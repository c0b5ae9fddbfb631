"""The pipeline runner: ``python -m helpers.pipeline [-p name=value] [--only NAME] [--force]``.

Reads pipeline.yml, executes each notebook with papermill into build/executed/, renders the
HTML site into a staging copy of reports/ and swaps it in when every notebook succeeded.
Notebooks whose inputs are ready run concurrently (``--jobs``). A notebook is skipped when
its notebook file, resolved parameters, helpers source and declared inputs hash the same as
at its last successful run and its outputs and report are still there.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tqdm import tqdm

from helpers.errors import InputError
from helpers.execute import Outcome, execute
from helpers.executors import scheduler_environment
from helpers.paths import Paths, declared_path, project_paths
from helpers.plan import (
    PIPELINE_FILE,
    Step,
    check_overrides_known,
    load_plan,
    parse_overrides,
    resolve_parameters,
    upstream,
)
from helpers.publish import (
    IndexEntry,
    check_writable,
    corpus_fingerprint,
    count_articles,
    human_size,
    publish_report,
    site_size,
    staged_site,
    write_assets,
    write_index,
)
from helpers.reportpage import PageContext
from helpers.runcache import RunCache
from helpers.scheduler import run_steps

HELPERS_DIR = Path(__file__).parent


def main(argv: list[str] | None = None, prog: str = "python -m helpers.pipeline") -> int:
    args = _arguments(prog).parse_args(argv)
    try:
        with scheduler_environment(args.scheduler):
            return run(
                root=args.root,
                overrides=parse_overrides(args.param),
                only=args.only,
                force=args.force,
                jobs=args.jobs,
                plan_file=Path(args.pipeline),
                quiet=args.quiet,
                standalone=args.standalone,
            )
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def _arguments(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                        help="override a notebook parameter (repeatable)")  # fmt: skip
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only this notebook (repeatable)")  # fmt: skip
    parser.add_argument("--force", action="store_true", help="rerun even unchanged notebooks")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default 2)")
    parser.add_argument(
        "--root",
        default="",
        help="workspace root (default: $COMMENTARY_ROOT, "
        "else the nearest folder up from here with data/raw/, else the checkout)",
    )
    parser.add_argument("--quiet", action="store_true",
                        help="no progress bars: one line per notebook, as in a log")  # fmt: skip
    parser.add_argument("--pipeline", default=str(PIPELINE_FILE), help="the pipeline file")
    parser.add_argument("--scheduler", default="auto", metavar="NAME",
                        help="per-document executor in the notebooks: auto (default),"
                        " inprocess, pool, dask (a LocalCluster) or tcp://host:8786")  # fmt: skip
    parser.add_argument("--standalone", action="store_true",
                        help="self-contained pages (plotly.js inlined), to e-mail")  # fmt: skip
    return parser


def run(
    root: str = "",
    overrides: dict[str, str] | None = None,
    only: list[str] | None = None,
    force: bool = False,
    jobs: int = 2,
    plan_file: Path = PIPELINE_FILE,
    quiet: bool = False,
    standalone: bool = False,
) -> int:
    """Run the pipeline; 0 when every selected notebook succeeded, 1 otherwise."""
    started = time.perf_counter()
    paths = project_paths(root)
    plan = load_plan(plan_file)
    steps = _select(plan, only)
    overrides = overrides or {}
    check_overrides_known(steps, overrides)
    params = {
        s.name: resolve_parameters(s, overrides, str(paths.root) if root else "") for s in steps
    }
    check_writable(paths.reports)
    cache = RunCache(paths, HELPERS_DIR)
    try:
        with staged_site(paths.reports) as staging:
            corpus = PageContext(
                fingerprint=corpus_fingerprint(paths.raw),
                n_articles=count_articles(paths.raw),
                standalone=standalone,
            )
            job = _Job(paths, params, cache, force, staging, corpus, not quiet)
            outcomes = run_steps(steps, upstream(steps), job, max(1, jobs), _summary)
            failed = [o for o in outcomes if o.status == "failed"]
            if failed:
                raise _Failed(failed)
            _build_site(staging, paths, plan, outcomes, params, cache)
    except _Failed as err:
        cache.save()
        for outcome in err.outcomes:
            print(f"error: {outcome.error}", file=sys.stderr)
        print(f"error: the site was not replaced: {paths.reports} left as it was", file=sys.stderr)
        return 1
    cache.save()
    total = time.perf_counter() - started
    size = human_size(site_size(paths.reports))
    print(f"done in {total:.1f} s; site {size}: {paths.reports / 'index.html'}", file=sys.stderr)
    print(paths.reports / "index.html")
    return 0


class _Failed(Exception):
    """Some notebooks failed: the staged site is discarded."""

    def __init__(self, outcomes: list[Outcome]):
        super().__init__(f"{len(outcomes)} notebook(s) failed")
        self.outcomes = outcomes


def _select(steps: list[Step], only: list[str] | None) -> list[Step]:
    if not only:
        return steps
    names = [s.name for s in steps]
    unknown = [n for n in only if n not in names]
    if unknown:
        raise InputError(f"--only {unknown[0]}: no such notebook; valid: {', '.join(names)}")
    return [s for s in steps if s.name in only]


@dataclass(frozen=True)
class _Job:
    """Running one step: skip it when the cache says so, else execute and render it."""

    paths: Paths
    params: dict[str, dict[str, Any]]
    cache: RunCache
    force: bool
    staging: Path
    corpus: PageContext
    progress: bool = True

    def __call__(self, step: Step, position: int) -> Outcome:
        params = self.params[step.name]
        key = self.cache.key(step, params)
        previous = self.cache.take(step.name)
        if not self.force and self.cache.fresh(step, key, previous):
            self.cache.keep(step.name, previous)
            executed = self.paths.executed / f"{step.name}.ipynb"
            return Outcome(step.name, "unchanged", previous.get("seconds", 0.0), executed, params,
                           previous.get("cells", 0))  # fmt: skip
        out_dir = self.paths.executed
        outcome = execute(step, params, out_dir, position, self.progress, self.paths.root)
        if outcome.status == "ok":
            tables = [declared_path(out, self.paths.root) for out in step.outputs]
            context = replace(self.corpus, parameters=outcome.parameters)
            outcome = _render(step, outcome, self.staging, tables, context)
        if outcome.status == "ok":
            self.cache.record(step, key, outcome)
        return outcome


def _render(
    step: Step, outcome: Outcome, site: Path, tables: list[Path], context: PageContext
) -> Outcome:
    """``outcome`` once its HTML page (and copies of the ``tables`` it wrote) are in ``site``;
    a rendering error fails the notebook.

    Each render gets its own exporter: nbconvert registers filters on the exporter per
    call, so one shared between concurrent renders would race."""
    try:
        publish_report(outcome.executed, step.title, site, tables, context)
    except Exception as err:  # noqa: BLE001 - any rendering failure must fail the run
        error = f"{step.name}: rendering HTML failed: {type(err).__name__}: {err}"
        return replace(outcome, status="failed", error=error)
    return outcome


def _build_site(
    staging: Path,
    paths: Paths,
    plan: list[Step],
    outcomes: list[Outcome],
    params: dict[str, dict[str, Any]],
    cache: RunCache,
) -> None:
    """Assets and the index page of the staged site."""
    write_assets(staging)
    entries = _entries(staging, plan, {o.name: o for o in outcomes}, params, cache)
    fingerprint, n_articles = corpus_fingerprint(paths.raw), count_articles(paths.raw)
    write_index(staging, entries, fingerprint, n_articles, paths.table("documents"))


def _entries(
    site: Path,
    plan: list[Step],
    outcomes: dict[str, Outcome],
    params: dict[str, dict[str, Any]],
    cache: RunCache,
) -> list[IndexEntry]:
    entries = []
    for step in plan:
        outcome = outcomes.get(step.name)
        page = site / f"{step.name}.html"
        status = outcome.status if outcome else ("not run" if not page.exists() else "earlier")
        seconds = outcome.seconds if outcome else cache.seconds(step.name)
        entries.append(IndexEntry(
            title=step.title,
            description=step.description,
            href=page.name if page.exists() else "",
            status=status,
            run_time=f"{seconds:.1f} s" if seconds is not None else "",
            parameters=outcome.parameters if outcome else params.get(step.name, {}),
        ))  # fmt: skip
    return entries


def _summary(outcome: Outcome) -> None:
    """One line per notebook, written around any progress bars still running."""
    mark = {"ok": "ran", "unchanged": "unchanged, skipped", "failed": "FAILED"}[outcome.status]
    tqdm.write(
        f"{outcome.name:<14} {mark:<18} {outcome.cells:>3} cells {outcome.seconds:6.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    sys.exit(main())
