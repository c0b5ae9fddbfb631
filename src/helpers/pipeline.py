"""The pipeline runner: ``python -m helpers.pipeline [-p name=value] [--only NAME] [--force]``.

Reads pipeline.yml, executes each notebook with papermill into build/executed/, renders the
HTML site into a staging copy of reports/ and swaps it in when every notebook succeeded.
Notebooks whose inputs are ready run concurrently (``--jobs``). A notebook is skipped when
its notebook file, resolved parameters, helpers source and declared inputs hash the same as
at its last successful run and its outputs and report are still there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from tqdm import tqdm

from helpers.errors import InputError
from helpers.execute import Outcome, execute
from helpers.paths import REPO_ROOT, Paths, project_paths
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
    discard,
    exporter,
    human_size,
    render_report,
    site_size,
    start_staging,
    swap_in,
    tree_digest,
    write_assets,
    write_index,
)

HELPERS_DIR = Path(__file__).parent


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    try:
        return run(
            root=args.root,
            overrides=parse_overrides(args.param),
            only=args.only,
            force=args.force,
            jobs=args.jobs,
            plan_file=Path(args.pipeline),
        )
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers.pipeline", description=__doc__)
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                        help="override a notebook parameter (repeatable)")  # fmt: skip
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only this notebook (repeatable)")  # fmt: skip
    parser.add_argument("--force", action="store_true", help="rerun even unchanged notebooks")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default 2)")
    parser.add_argument("--root", default="", help="workspace root (default: this repository)")
    parser.add_argument("--pipeline", default=str(PIPELINE_FILE), help="the pipeline file")
    return parser


def run(
    root: str = "",
    overrides: dict[str, str] | None = None,
    only: list[str] | None = None,
    force: bool = False,
    jobs: int = 2,
    plan_file: Path = PIPELINE_FILE,
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
    runner = _Run(paths, plan, steps, params, force, max(1, jobs))
    outcomes = runner.execute_all()
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        runner.save_state()
        for outcome in failed:
            print(f"error: {outcome.error}", file=sys.stderr)
        print(f"error: the site was not replaced: {paths.reports} left as it was", file=sys.stderr)
        return 1
    runner.publish(outcomes)
    total = time.perf_counter() - started
    size = human_size(site_size(paths.reports))
    print(f"done in {total:.1f} s; site {size}: {paths.reports / 'index.html'}", file=sys.stderr)
    print(paths.reports / "index.html")
    return 0


def _select(steps: list[Step], only: list[str] | None) -> list[Step]:
    if not only:
        return steps
    names = [s.name for s in steps]
    unknown = [n for n in only if n not in names]
    if unknown:
        raise InputError(f"--only {unknown[0]}: no such notebook; valid: {', '.join(names)}")
    return [s for s in steps if s.name in only]


class _Run:
    """One run: scheduling, skipping, executing, rendering, publishing."""

    def __init__(
        self,
        paths: Paths,
        plan: list[Step],
        steps: list[Step],
        params: dict,
        force: bool,
        jobs: int,
    ):
        self.paths = paths
        self.plan = plan
        self.steps = steps
        self.params = params
        self.force = force
        self.jobs = jobs
        self.state_file = paths.root / "build" / "state.json"
        self.state = _load_json(self.state_file)
        self.helpers_hash = tree_digest(HELPERS_DIR)
        self.staging = start_staging(paths.reports)

    def execute_all(self) -> list[Outcome]:
        """Run the selected steps; the staging site is discarded unless every one succeeded."""
        try:
            outcomes = self._schedule()
        except BaseException:
            discard(self.staging)
            raise
        if any(o.status == "failed" for o in outcomes):
            discard(self.staging)
        return outcomes

    def _schedule(self) -> list[Outcome]:
        deps = upstream(self.steps)
        selected = {s.name for s in self.steps}
        pending = {s.name: s for s in self.steps}
        done: dict[str, Outcome] = {}
        running: dict[Future, str] = {}
        with ThreadPoolExecutor(self.jobs) as pool:
            while pending or running:
                ready = [
                    s for s in pending.values()
                    if all(d in done or d not in selected for d in deps[s.name])
                ]  # fmt: skip
                failed = any(o.status == "failed" for o in done.values())
                for step in [] if failed else ready:
                    del pending[step.name]
                    running[pool.submit(self._one, step, len(running))] = step.name
                if not running:
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    outcome = future.result()
                    done[running.pop(future)] = outcome
                    _summary(outcome)
        return [done[s.name] for s in self.steps if s.name in done]

    def _one(self, step: Step, position: int) -> Outcome:
        params = self.params[step.name]
        key = self._key(step, params)
        executed = self.paths.executed / f"{step.name}.ipynb"
        previous = self.state.pop(step.name, {})
        if not self.force and previous.get("key") == key and self._intact(step, previous):
            self.state[step.name] = previous
            return Outcome(step.name, "unchanged", previous.get("seconds", 0.0), executed, params,
                           previous.get("cells", 0))  # fmt: skip
        outcome = execute(step, params, self.paths.executed, position)
        if outcome.status == "ok":
            self._render(step, outcome)
        if outcome.status == "ok":
            self.state[step.name] = {"key": key, "outputs": self._outputs_hash(step),
                                     "seconds": round(outcome.seconds, 2),
                                     "cells": outcome.cells}  # fmt: skip
        return outcome

    def _render(self, step: Step, outcome: Outcome) -> None:
        """The HTML page of an executed notebook; a rendering error fails the notebook.

        Each render gets its own exporter: nbconvert registers filters on the exporter per
        call, so one shared between concurrent renders would race."""
        try:
            render_report(outcome.executed, step.title, self.staging / f"{step.name}.html",
                          exporter())  # fmt: skip
        except Exception as err:  # noqa: BLE001 - any rendering failure must fail the run
            outcome.status = "failed"
            outcome.error = f"{step.name}: rendering HTML failed: {type(err).__name__}: {err}"

    def _key(self, step: Step, params: dict[str, Any]) -> str:
        digest = hashlib.sha256(step.notebook.read_bytes())
        digest.update(json.dumps(params, sort_keys=True, default=str).encode())
        digest.update(self.helpers_hash.encode())
        for name in [*step.inputs, *_named_files(params)]:
            digest.update(name.encode())
            digest.update(tree_digest(self._resolve(name)).encode())
        return digest.hexdigest()

    def _intact(self, step: Step, previous: dict) -> bool:
        """The published report is there and the outputs are byte for byte those of the last
        successful run (a failed run may have rewritten some, or a user deleted one)."""
        report = self.paths.reports / f"{step.name}.html"
        return report.exists() and previous.get("outputs") == self._outputs_hash(step)

    def _outputs_hash(self, step: Step) -> str:
        digest = hashlib.sha256()
        for name in step.outputs:
            digest.update(name.encode() + tree_digest(self._resolve(name)).encode())
        return digest.hexdigest()

    def _resolve(self, relative: str) -> Path:
        """A declared input/output in the workspace; curated reference data is the
        repository's (notebooks read data/reference/ from there, see helpers.paths)."""
        base = REPO_ROOT if relative.startswith("data/reference") else self.paths.root
        return base / relative

    def publish(self, outcomes: list[Outcome]) -> None:
        write_assets(self.staging)
        entries = self._entries({o.name: o for o in outcomes})
        n_articles = sum(1 for p in self.paths.raw.glob("*.txt"))
        write_index(self.staging, entries, corpus_fingerprint(self.paths.raw), n_articles)
        swap_in(self.staging, self.paths.reports)
        self.save_state()

    def save_state(self) -> None:
        """build/state.json: what each notebook's last successful run read and wrote."""
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        self.state_file.write_text(json.dumps(self.state, indent=1, sort_keys=True) + "\n")

    def _entries(self, outcomes: dict[str, Outcome]) -> list[IndexEntry]:
        entries = []
        for step in self.plan:
            outcome = outcomes.get(step.name)
            page = self.staging / f"{step.name}.html"
            status = outcome.status if outcome else ("not run" if not page.exists() else "earlier")
            seconds = outcome.seconds if outcome else self.state.get(step.name, {}).get("seconds")
            entries.append(IndexEntry(
                title=step.title,
                description=step.description,
                href=page.name if page.exists() else "",
                status=status,
                run_time=f"{seconds:.1f} s" if seconds is not None else "",
                parameters=outcome.parameters if outcome else self.params.get(step.name, {}),
            ))  # fmt: skip
        return entries


def _named_files(params: dict[str, Any]) -> list[str]:
    """Files a notebook reads because a ``*_file`` parameter names them (root-relative)."""
    return sorted(v for k, v in params.items() if k.endswith("_file") and isinstance(v, str) and v)


def _load_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _summary(outcome: Outcome) -> None:
    """One line per notebook, written around any progress bars still running."""
    mark = {"ok": "ran", "unchanged": "unchanged, skipped", "failed": "FAILED"}[outcome.status]
    tqdm.write(
        f"{outcome.name:<14} {mark:<18} {outcome.cells:>3} cells {outcome.seconds:6.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    sys.exit(main())
