"""The kernel's own stderr (ipykernel's log, stray writes to descriptor 2) goes to a log file
beside the executed notebook, never between the runner's one-line-per-notebook messages, and
a kernel that dies names its last words."""

from __future__ import annotations

from pathlib import Path

import nbformat

from helpers.execute import execute, kernel_log
from helpers.plan import Step


def _step(tmp_path: Path, source: str) -> Step:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source)]
    path = tmp_path / "noisy.ipynb"
    nbformat.write(nb, path)
    return Step("noisy", path, "Noisy", "writes to the kernel's stderr")


def test_kernel_log_lines_stay_off_the_runners_stderr(tmp_path, capfd):
    step = _step(
        tmp_path,
        "import os\nfrom ipykernel.kernelapp import IPKernelApp\n"
        "os.write(2, b'descriptor noise\\n')\nIPKernelApp.instance().log.error('app noise')",
    )
    done = execute(step, {}, tmp_path / "build" / "executed", progress=False, cwd=tmp_path)
    assert done.status == "ok", done.error
    captured = capfd.readouterr()
    assert "noise" not in captured.err and "noise" not in captured.out
    log = kernel_log(done.executed).read_text()
    assert "descriptor noise" in log and "[IPKernelApp] ERROR | app noise" in log


def test_a_dead_kernel_names_its_last_log_line(tmp_path, capfd):
    step = _step(tmp_path, "import os\nos.write(2, b'out of patience\\n')\nos._exit(3)")
    done = execute(step, {}, tmp_path / "build" / "executed", progress=False, cwd=tmp_path)
    assert done.status == "failed"
    assert done.error.startswith("noisy failed before or between cells: DeadKernelError")
    assert done.error.endswith(": out of patience]")
    assert "\n" not in done.error
    assert "out of patience" not in capfd.readouterr().err
