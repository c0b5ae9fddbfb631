"""Workspaces and resources: where the default root is, init, lab, the kernel, strip."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from helpers import kernel
from helpers.cli import main
from helpers.errors import InputError
from helpers.manifest import COLUMNS
from helpers.paths import CHECKOUT, NOTEBOOKS_DIR, PIPELINE_FILE, REFERENCE_DIR, default_root
from helpers.workspace import lab_command
from scripts.strip_notebooks import strip


@pytest.fixture
def no_root_variable(monkeypatch):
    monkeypatch.delenv("COMMENTARY_ROOT", raising=False)


def test_resources_hold_the_notebooks_pipeline_and_reference_tables():
    assert PIPELINE_FILE.is_file() and (REFERENCE_DIR / "actors.csv").is_file()
    assert sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb"))[0] == "01_ingest.ipynb"


def test_default_root_is_the_nearest_folder_with_data_raw(workspace, no_root_variable):
    (workspace / "notebooks").mkdir()
    assert default_root(workspace) == workspace.resolve()
    assert default_root(workspace / "notebooks") == workspace.resolve()  # Lab's kernel cwd


def test_default_root_falls_back_to_the_checkout_and_honours_the_variable(
    tmp_path, monkeypatch, no_root_variable
):
    assert default_root(tmp_path) == CHECKOUT
    monkeypatch.setenv("COMMENTARY_ROOT", str(tmp_path))
    assert default_root(CHECKOUT) == tmp_path.resolve()


def test_init_makes_an_empty_workspace_and_refuses_an_existing_one(tmp_path, capsys):
    assert main(["init", str(tmp_path / "ws")]) == 0
    raw = tmp_path / "ws" / "data" / "raw"
    assert [p.name for p in raw.iterdir()] == ["manifest.csv"]
    assert (raw / "manifest.csv").read_text(encoding="utf-8") == ",".join(COLUMNS) + "\n"
    assert "commentary run --root" in capsys.readouterr().err
    assert main(["init", str(tmp_path / "ws")]) == 2
    assert "already holds files; init makes a new workspace only" in capsys.readouterr().err


def test_lab_is_rooted_at_the_workspace_with_its_notebooks(workspace, monkeypatch):
    monkeypatch.setattr(kernel, "ensure_kernel", lambda: "")
    monkeypatch.setattr("os.geteuid", lambda: 1000)
    command, env = lab_command(str(workspace), ["--port", "8890"])
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={workspace.resolve()}" in command
    assert command[-2:] == ["--port", "8890"] and "--allow-root" not in command
    assert env["COMMENTARY_ROOT"] == str(workspace.resolve())
    copied = sorted(p.name for p in (workspace / "notebooks").glob("*.ipynb"))
    assert copied == sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb"))
    monkeypatch.setattr("os.geteuid", lambda: 0)
    assert "--allow-root" in lab_command(str(workspace), [])[0]


def test_outside_any_workspace_the_error_says_how_to_make_one(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMENTARY_ROOT", "")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("helpers.paths.CHECKOUT", None)
    with pytest.raises(InputError, match="not a workspace .* `commentary init DIR`"):
        default_root()


def test_the_runner_uses_the_named_kernel_when_it_runs_this_python(monkeypatch):
    monkeypatch.setattr(kernel, "_spec_argv", lambda name: [sys.executable, "-m", "ipykernel"])
    assert kernel.runner_kernel() == kernel.KERNEL_NAME
    monkeypatch.setattr(kernel, "_spec_argv", lambda name: ["/elsewhere/python", "-m", "x"])
    assert kernel.runner_kernel() == kernel.FALLBACK
    monkeypatch.setattr(kernel, "_spec_argv", lambda name: None)
    assert kernel.runner_kernel() == kernel.FALLBACK


def test_strip_removes_outputs_counts_and_run_metadata(tmp_path):
    nb = nbformat.read(NOTEBOOKS_DIR / "01_ingest.ipynb", as_version=4)
    sources = [c.source for c in nb.cells]
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", text="x")]
    code.execution_count, code.metadata["execution"] = 3, {"iopub.status.busy": "t"}
    nb.metadata["papermill"] = {"duration": 1.0}
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    done = subprocess.run([sys.executable, "scripts/strip_notebooks.py", str(path)],
                          cwd=CHECKOUT, capture_output=True, text=True, check=True)  # fmt: skip
    assert done.stdout == f"stripped {path}\n"
    again = nbformat.read(path, as_version=4)
    assert [c.source for c in again.cells] == sources and "papermill" not in again.metadata
    assert all(not c.outputs and c.execution_count is None for c in again.cells if "outputs" in c)
    assert not strip(again)  # a stripped notebook is left alone
