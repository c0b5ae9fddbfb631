"""Executing one notebook with papermill's Python API, with a progress bar and a one-line error."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
import papermill
from papermill.exceptions import PapermillExecutionError

from helpers.errors import one_line
from helpers.paths import REPO_ROOT
from helpers.plan import Step

KERNEL = "python3"
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


def execute(step: Step, parameters: dict[str, Any], executed_dir: Path, position: int = 0):
    """Run ``step`` into ``executed_dir``/<name>.ipynb; a failed notebook is kept there."""
    executed_dir.mkdir(parents=True, exist_ok=True)
    out = executed_dir / f"{step.name}.ipynb"
    started = time.perf_counter()
    error = ""
    try:
        papermill.execute_notebook(
            str(step.notebook),
            str(out),
            parameters=parameters,
            kernel_name=KERNEL,
            progress_bar={"desc": f"{step.name:<14}", "position": position, "leave": False},
            cwd=str(REPO_ROOT),
            extra_arguments=KERNEL_ARGUMENTS,
        )
    except PapermillExecutionError as err:
        error = describe_failure(step.name, err, out)
    except Exception as err:  # noqa: BLE001 - a dead kernel, a missing kernelspec, a full disk
        error = f"{step.name} failed before or between cells: {type(err).__name__}: {one_line(err)}"
    seconds = time.perf_counter() - started
    status = "failed" if error else "ok"
    return Outcome(step.name, status, seconds, out, parameters, count_code_cells(out), error)


def describe_failure(name: str, err: PapermillExecutionError, out: Path) -> str:
    """One line: notebook, cell, exception, and where the failed notebook is kept."""
    first_line = next((ln for ln in err.source.splitlines() if ln.strip()), "").strip()
    evalue = one_line(err.evalue)
    return (
        f"{name} failed in cell {err.exec_count} ({first_line[:60]}): {err.ename}: {evalue} "
        f"[failed notebook kept at {_relative(out)}]"
    )


def count_code_cells(path: Path) -> int:
    """Code cells of an executed notebook (0 when it was not written)."""
    if not path.exists():
        return 0
    nb = nbformat.read(path, as_version=4)
    return sum(cell.cell_type == "code" for cell in nb.cells)


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
