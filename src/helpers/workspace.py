"""Workspaces: ``commentary init DIR`` makes one; ``commentary lab`` opens JupyterLab on one."""

from __future__ import annotations

import csv
import os
import shutil
import sys
from pathlib import Path

from helpers.errors import InputError
from helpers.manifest import COLUMNS
from helpers.paths import NOTEBOOKS_DIR, ROOT_VARIABLE, project_paths


def init_workspace(folder: str | Path) -> Path:
    """A new workspace at ``folder``: data/raw/ with a header-only manifest.csv."""
    root = Path(folder).resolve()
    paths = project_paths(root)
    if paths.manifest.exists() or (paths.raw.is_dir() and any(paths.raw.iterdir())):
        raise InputError(f"{paths.raw}: already holds files; init makes a new workspace only")
    if root.exists() and not root.is_dir():
        raise InputError(f"{root}: exists and is not a folder")
    paths.raw.mkdir(parents=True, exist_ok=True)
    with paths.manifest.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(COLUMNS)
    return root


def lab_command(root: str, lab_args: list[str]) -> tuple[list[str], dict[str, str]]:
    """The JupyterLab command line and environment for the workspace ``root``.

    Lab is rooted at the workspace so data/ and reports/ can be browsed; a workspace without
    notebooks/ gets a copy of the package's. Kernels inherit $COMMENTARY_ROOT, so a notebook
    with ``root = ""`` reads this workspace. ``--allow-root`` only when running as root."""
    from helpers.kernel import ensure_kernel

    workspace = project_paths(root).root
    notebooks = workspace / "notebooks"
    if not notebooks.exists():
        shutil.copytree(NOTEBOOKS_DIR, notebooks)
        print(f"copied the notebooks into {notebooks}", file=sys.stderr)
    ensure_kernel()
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={workspace}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    args = [a for a in lab_args if a != "--"]
    return command + args, {**os.environ, ROOT_VARIABLE: str(workspace)}
