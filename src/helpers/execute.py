"""Executing one notebook with papermill's Python API, with a one-line error.

Progress: a bar per running notebook on a terminal; when stderr is not a terminal (a CI log)
or the run is quiet, no bar at all, so the log is the runner's one line per notebook. The bar
and that line count the same thing: every cell of the notebook."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
import papermill
from papermill.exceptions import PapermillExecutionError

from helpers.errors import one_line
from helpers.kernel import runner_kernel
from helpers.plan import Step

# ipykernel warns on every start that its loopback TCP sockets are unencrypted; the runner
# starts one kernel per notebook on this machine only, so keep the kernel's log to errors.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]


@dataclass(frozen=True)
class Outcome:
    """What happened to one notebook in one run."""

    name: str
    status: str  # "ok", "unchanged" (skipped: nothing it depends on changed) or "failed"
    seconds: float
    executed: Path
    parameters: dict[str, Any] = field(default_factory=dict)
    cells: int = 0
    error: str = ""


def execute(
    step: Step,
    parameters: dict[str, Any],
    executed_dir: Path,
    position: int = 0,
    progress: bool = True,
    cwd: Path | None = None,
):
    """Run ``step`` into ``executed_dir``/<name>.ipynb, in ``cwd`` (the workspace; default the
    one holding ``executed_dir``); a failed notebook is kept there. ``progress`` asks for a bar,
    shown only when stderr is a terminal."""
    executed_dir.mkdir(parents=True, exist_ok=True)
    out = executed_dir / f"{step.name}.ipynb"
    started = time.perf_counter()
    error = ""
    try:
        papermill.execute_notebook(
            str(step.notebook),
            str(out),
            parameters=parameters,
            kernel_name=runner_kernel(),
            progress_bar=_bar(step.name, position) if progress and sys.stderr.isatty() else False,
            cwd=str(cwd or executed_dir.parents[1]),
            extra_arguments=KERNEL_ARGUMENTS,
        )
    except PapermillExecutionError as err:
        error = describe_failure(step.name, err, out)
    except Exception as err:  # noqa: BLE001 - a dead kernel, a missing kernelspec, a full disk
        error = f"{step.name} failed before or between cells: {type(err).__name__}: {one_line(err)}"
    seconds = time.perf_counter() - started
    status = "failed" if error else "ok"
    return Outcome(step.name, status, seconds, out, parameters, count_cells(out), error)


def describe_failure(name: str, err: PapermillExecutionError, out: Path) -> str:
    """One line: notebook, cell, exception, and where the failed notebook is kept."""
    first_line = next((ln for ln in err.source.splitlines() if ln.strip()), "").strip()
    evalue = one_line(err.evalue)
    return (
        f"{name} failed in cell {err.exec_count} ({first_line[:60]}): {err.ename}: {evalue} "
        f"[failed notebook kept at {_relative(out)}]"
    )


def _bar(name: str, position: int) -> dict[str, Any]:
    """papermill's tqdm bar (its total: every cell, as ``count_cells``)."""
    return {"desc": f"{name:<14}", "position": position, "leave": False}


def count_cells(path: Path) -> int:
    """Cells of an executed notebook, markdown too, as papermill's bar counts them (0 when it
    was not written)."""
    if not path.exists():
        return 0
    return len(nbformat.read(path, as_version=4).cells)


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
