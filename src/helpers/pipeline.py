"""The pipeline runner: ``python -m helpers.pipeline [-p name=value] [--only NAME] [--force]``.

Reads pipeline.yml, executes each notebook with papermill into build/executed/, renders the
HTML site into a staging copy of reports/ and swaps it in when every notebook succeeded.
Notebooks whose inputs are ready run concurrently (``--jobs``). A notebook is skipped when
its notebook file, resolved parameters, helpers source and declared inputs hash the same as
at its last successful run and its outputs and published page are those that run left.
A run is one transaction (helpers.transaction): it holds the workspace lock, and a failed,
interrupted or killed run leaves the outputs, the run cache and the site as they were.
Exit status: 0 done, 1 a notebook failed or a file could not be written, 2 bad input,
75 another run holds the lock, 130 / 143 stopped by SIGINT / SIGTERM.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from helpers.errors import InputError
from helpers.execute import Outcome, execute, kill_kernels
from helpers.executors import WORKERS_ENV, scheduler_environment
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
    corpus_fingerprint,
    count_articles,
    human_size,
    publish_report,
    site_size,
    write_assets,
    write_index,
)
from helpers.rawtext import check_max_mb, duplicate_files, raw_files
from helpers.reportpage import PageContext
from helpers.runcache import RunCache
from helpers.scheduler import run_steps
from helpers.transaction import BUSY_EXIT, Busy, Transaction, check_writable, workspace_lock

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
                wait=args.wait,
            )
    except (KeyboardInterrupt, _Terminated) as err:  # before or after the notebooks ran
        name, code = _signal_of(err)
        print(f"error: stopped by {name}; nothing was published", file=sys.stderr)
        return code
    except Busy as err:
        print(f"error: {err}", file=sys.stderr)
        return BUSY_EXIT
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a full disk or a read-only directory met while publishing
        where = err.filename or "the workspace"
        print(f"error: {where}: {err.strerror or err}; nothing was published", file=sys.stderr)
        return 1


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
    parser.add_argument("--wait", action="store_true",
                        help="wait for another run of this workspace to end")  # fmt: skip
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
    wait: bool = False,
) -> int:
    """Run the pipeline; 0 when every selected notebook succeeded (see the module docstring)."""
    started = time.perf_counter()
    paths = project_paths(root)
    plan = load_plan(plan_file)
    steps = _select(plan, only)
    overrides = overrides or {}
    check_overrides_known(steps, overrides)
    params = {
        s.name: resolve_parameters(s, overrides, str(paths.root) if root else "") for s in steps
    }
    with _sigterm_raises(), workspace_lock(paths.root / "build", wait):
        transaction = Transaction(paths.root, paths.reports)
        for note in transaction.recover():
            print(f"note: {note}", file=sys.stderr)
        _preflight(paths, params)
        cache = RunCache(paths, HELPERS_DIR)
        staging = transaction.begin(_outputs(plan, paths))
        corpus = PageContext(
            fingerprint=corpus_fingerprint(paths.raw),
            n_articles=count_articles(paths.raw),
            standalone=standalone,
        )
        job = _Job(paths, params, cache, force, staging, corpus, not quiet)
        try:
            code = _run_in(job, plan, steps, jobs, transaction)
        except BaseException:
            transaction.rollback()
            raise
    if code:
        return code
    total = time.perf_counter() - started
    size = human_size(site_size(paths.reports))
    print(f"done in {total:.1f} s; site {size}: {paths.reports / 'index.html'}", file=sys.stderr)
    print(paths.reports / "index.html")
    return 0


def _run_in(job: _Job, plan: list[Step], steps: list[Step], jobs: int, transaction) -> int:
    """Run ``steps`` with ``job`` into its staging site and commit, or roll back and say why
    (the exit code)."""
    paths, cache = job.paths, job.cache
    try:
        outcomes = run_steps(steps, upstream(steps), job, max(1, jobs), _summary, kill_kernels)
    except (KeyboardInterrupt, _Terminated) as err:
        transaction.rollback()
        name, code = _signal_of(err)
        print(f"error: stopped by {name}: kernels killed, outputs rolled back, "
              f"{paths.reports} left as it was", file=sys.stderr)  # fmt: skip
        return code
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        transaction.rollback()
        for outcome in failed:
            print(f"error: {outcome.error}", file=sys.stderr)
        print(f"the site was not replaced: {paths.reports} left as it was", file=sys.stderr)
        return 1
    _build_site(job.staging, paths, plan, outcomes, job.params, cache)
    transaction.commit(cache.save)
    return 0


class _Terminated(Exception):
    """SIGTERM arrived: stop like Ctrl-C does."""


def _signal_of(err: BaseException) -> tuple[str, int]:
    """The signal's name and the exit status a shell gives a process it stopped."""
    return ("SIGTERM", 143) if isinstance(err, _Terminated) else ("SIGINT", 130)


@contextmanager
def _sigterm_raises() -> Iterator[None]:
    """SIGTERM raises ``_Terminated`` in the main thread for the block (elsewhere: no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise _Terminated()

    before = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _preflight(paths: Paths, params: dict[str, dict[str, Any]]) -> None:
    """One-line errors before anything runs: the site must be writable, the raw directory
    readable and free of links, the size limit a real number; duplicate articles warned."""
    check_writable(paths.reports)
    for name, values in params.items():
        if "max_file_mb" in values:
            check_max_mb(values["max_file_mb"], f"parameter max_file_mb of {name}")
    if paths.raw.is_dir():
        for first, second in duplicate_files(raw_files(paths.raw)):
            print(f"warning: {first} and {second.name} have the same content; "
                  "both are analysed as separate articles", file=sys.stderr)  # fmt: skip


def _outputs(plan: list[Step], paths: Paths) -> list[Path]:
    """What a run may rewrite inside the workspace: declared outputs and the run cache."""
    found = [declared_path(name, paths.root) for step in plan for name in step.outputs]
    inside = [p for p in found if p.is_relative_to(paths.root)]
    return sorted(set(inside)) + [paths.root / "build" / "state.json"]


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

    def __call__(self, step: Step, position: int, sharing: int = 1) -> Outcome:
        params = self.params[step.name]
        key = self.cache.key(step, params)
        previous = self.cache.take(step.name)
        if not self.force and self.cache.fresh(step, key, previous):
            self.cache.keep(step.name, previous)
            executed = self.paths.executed / f"{step.name}.ipynb"
            return Outcome(step.name, "unchanged", previous.get("seconds", 0.0), executed, params,
                           previous.get("cells", 0))  # fmt: skip
        outcome = execute(step, params, self.paths.executed, position, self.progress,
                          self.paths.root, kernel_environment(sharing))  # fmt: skip
        if outcome.status == "ok":
            tables = [declared_path(out, self.paths.root) for out in step.outputs]
            context = replace(self.corpus, parameters=outcome.parameters)
            outcome = _render(step, outcome, self.staging, tables, context)
        if outcome.status == "ok":
            self.cache.record(step, key, outcome, self.staging / f"{step.name}.html")
        return outcome


def kernel_environment(sharing: int, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """What a kernel started beside ``sharing - 1`` others gets on top of the runner's
    environment: its share of the CPUs as ``HELPERS_WORKERS`` (so two notebooks running at
    once on two cores each compute in their kernel instead of oversubscribing the machine
    with two pools), unless the user set it."""
    environ = os.environ if environ is None else environ
    if WORKERS_ENV in environ:
        return {}
    return {WORKERS_ENV: str(max(1, (os.cpu_count() or 1) // max(1, sharing)))}


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
    """One line per notebook, written around any progress bars still running (tqdm's, which
    papermill imported when a notebook ran; a run that skipped everything has none)."""
    mark = {"ok": "ran", "unchanged": "unchanged, skipped", "failed": "FAILED"}[outcome.status]
    line = f"{outcome.name:<14} {mark:<18} {outcome.cells:>3} cells {outcome.seconds:6.1f} s"
    bars = sys.modules.get("tqdm")
    if bars is not None:
        bars.tqdm.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr)


if __name__ == "__main__":
    status = main()
    if status in (130, 143) and threading.active_count() > 1:
        sys.stderr.flush()  # a notebook thread still winding down must not delay the exit
        os._exit(status)
    sys.exit(status)
