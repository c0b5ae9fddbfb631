"""Installed like a tool: ``pip install .`` (not editable) into a fresh venv, outside the
checkout, then ``commentary init WS``, one article, ``commentary run --root WS``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import nbformat
import pytest

from helpers.paths import CHECKOUT
from helpers.plan import load_plan

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHECKOUT is None, reason="needs the checkout to install from"),
]


def _run(command: list, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])
    return done


def test_a_wheel_in_a_fresh_venv_runs_a_new_workspace(tmp_path):
    venv.create(tmp_path / "venv", with_pip=True)
    bin_dir = tmp_path / "venv" / "bin"
    env = {k: v for k, v in os.environ.items() if k not in {"COMMENTARY_ROOT", "PYTHONPATH"}}
    pip = [bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    _run([*pip, "-c", CHECKOUT / "constraints.txt", CHECKOUT], tmp_path, env)
    where = _run([bin_dir / "python", "-c", "import helpers; print(helpers.__file__)"],
                 tmp_path, env).stdout  # fmt: skip
    assert Path(where.strip()).is_relative_to(tmp_path / "venv")

    _run([bin_dir / "commentary", "init", "WS"], tmp_path, env)
    ws = tmp_path / "WS"
    assert (ws / "data" / "raw" / "manifest.csv").read_text().startswith("file,title,")
    (ws / "data" / "raw" / "nk-china-help.txt").write_bytes(
        (CHECKOUT / "data" / "raw" / "nk-china-help.txt").read_bytes()
    )
    done = _run([bin_dir / "commentary", "run", "--root", "WS"], tmp_path, env)

    steps = load_plan()
    assert sorted(p.name for p in (ws / "reports").glob("*.html")) == sorted(
        [f"{s.name}.html" for s in steps] + ["index.html"]
    )
    assert "nk-china-help" in (ws / "data" / "processed" / "documents.csv").read_text()
    # stderr is a pipe here, as in CI: one plain line per notebook, then the total; no bars
    lines = done.stderr.splitlines()
    assert "\r" not in done.stderr and "\x1b" not in done.stderr
    assert len(lines) == len(steps) + 1 and lines[-1].startswith("done in ")
    # notebooks that start together (03 and 04) print in the order they finish
    by_name = {line.split()[0]: line for line in lines[:-1]}
    assert sorted(by_name) == sorted(s.name for s in steps)
    for step in steps:
        line = by_name[step.name]
        cells = int(re.search(r"(\d+) cells", line)[1])
        executed = nbformat.read(ws / "build" / "executed" / f"{step.name}.ipynb", as_version=4)
        assert " ran " in line
        assert cells == len(executed.cells)  # what papermill's bar would count on a terminal


def test_the_checkout_runs_with_python_dash_m_too():
    done = subprocess.run([sys.executable, "-m", "helpers.pipeline", "--help"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    assert "--root" in done.stdout and "--quiet" in done.stdout
