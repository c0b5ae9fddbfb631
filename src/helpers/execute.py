"""Executing one notebook with papermill's Python API, with a one-line error.

Progress: a bar per running notebook on a terminal; when stderr is not a terminal (a CI log)
or the run is quiet, no bar at all, so the log is the runner's one line per notebook. The bar
and that line count the same thing: every cell of the notebook.

papermill (through nbclient and jupyter_client) starts each kernel in a new session, so a
Ctrl-C at the terminal never reaches it: every kernel manager the runner creates is kept in
``KERNELS`` and ``kill_kernels`` kills each kernel's process group. papermill and nbformat
are imported only when a notebook runs (importing them takes about a second).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

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


KERNELS: set = set()
_KERNELS_LOCK = threading.Lock()


@cache
def tracked_kernel_manager(env: tuple[tuple[str, str], ...] = (), log: str = "") -> type:
    """jupyter_client's AsyncKernelManager (nbclient's default), remembering each instance
    and starting its kernel with ``env`` added to this process's environment and its stderr
    (ipykernel's own log, stray writes to file descriptor 2) appended to the file ``log``
    instead of the runner's, whose lines are one per notebook."""
    from jupyter_client.manager import AsyncKernelManager

    class TrackedKernelManager(AsyncKernelManager):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            with _KERNELS_LOCK:
                KERNELS.add(self)

        async def _async_pre_start_kernel(self, **kw: Any):
            if env:
                kw["env"] = {**kw.get("env", os.environ), **dict(env)}
            return await super()._async_pre_start_kernel(**kw)

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            if not log:
                return await super()._async_launch_kernel(kernel_cmd, **kw)
            with open(log, "ab") as sink:  # the kernel process keeps its own descriptor
                return await super()._async_launch_kernel(kernel_cmd, stderr=sink, **kw)

    return TrackedKernelManager


def kill_kernels() -> int:
    """SIGKILL the process group of every kernel still running; how many were killed."""
    killed = 0
    with _KERNELS_LOCK:
        managers = list(KERNELS)
    for km in managers:
        provisioner = getattr(km, "provisioner", None)
        process = getattr(provisioner, "process", None)
        pgid = getattr(provisioner, "pgid", None) or getattr(process, "pid", None)
        if not pgid:
            continue
        try:
            os.killpg(pgid, signal.SIGKILL)
            killed += 1
        except (ProcessLookupError, PermissionError):
            pass
    return killed


def _forget_finished_kernels() -> None:
    with _KERNELS_LOCK:
        for km in [km for km in KERNELS if not km.has_kernel]:
            KERNELS.discard(km)


def execute(
    step: Step,
    parameters: dict[str, Any],
    executed_dir: Path,
    position: int = 0,
    progress: bool = True,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
):
    """Run ``step`` into ``executed_dir``/<name>.ipynb, in ``cwd`` (the workspace; default the
    one holding ``executed_dir``); a failed notebook is kept there. ``progress`` asks for a bar,
    shown only when stderr is a terminal; ``env`` is added to the kernel's environment."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    executed_dir.mkdir(parents=True, exist_ok=True)
    out = executed_dir / f"{step.name}.ipynb"
    log = kernel_log(out)
    log.unlink(missing_ok=True)
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
            kernel_manager_class=tracked_kernel_manager(
                tuple(sorted((env or {}).items())), str(log)
            ),
        )
    except PapermillExecutionError as err:
        error = describe_failure(step.name, err, out)
    except OSError as err:  # writing the executed notebook: a full disk, a read-only build/
        out.unlink(missing_ok=True)  # a truncated notebook is worse than none
        error = f"{step.name}: cannot write {err.filename or out}: {err.strerror or err}"
    except Exception as err:  # noqa: BLE001 - a dead kernel, a missing kernelspec
        error = f"{step.name} failed before or between cells: {type(err).__name__}: {one_line(err)}"
        if last := _last_line(log):
            error += f" [kernel log {_relative(log)}: {last}]"
    finally:
        _forget_finished_kernels()
    seconds = time.perf_counter() - started
    status = "failed" if error else "ok"
    return Outcome(step.name, status, seconds, out, parameters, count_cells(out), error)


def kernel_log(executed: Path) -> Path:
    """Where the kernel that ran the notebook ``executed`` wrote its stderr."""
    return executed.with_suffix(".kernel.log")


def _last_line(path: Path) -> str:
    """The last non-blank line of a text file, shortened ("" when missing or empty)."""
    try:
        lines = [ln.strip() for ln in path.read_text(errors="replace").splitlines()]
    except OSError:
        return ""
    return next((ln[:200] for ln in reversed(lines) if ln), "")


def describe_failure(name: str, err: Any, out: Path) -> str:
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
    was not written or is unreadable)."""
    import nbformat

    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError):  # missing, or truncated (nbformat's NotJSONError)
        return 0
    return len(nb.cells)


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
