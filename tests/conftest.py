"""Shared fixtures: the seed articles, scratch workspaces and one full pipeline run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.paths import REPO_ROOT
from helpers.pipeline import run

SEED_RAW = REPO_ROOT / "data" / "raw"


def make_workspace(root: Path, raw_from: Path = SEED_RAW) -> Path:
    """A workspace under ``root`` whose data/raw is a copy of ``raw_from``."""
    shutil.copytree(raw_from, root / "data" / "raw")
    return root


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A fresh workspace holding the seed articles."""
    return make_workspace(tmp_path / "ws")


@pytest.fixture(scope="session")
def pipeline_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole pipeline, run once on the seeds into a temporary workspace."""
    root = make_workspace(tmp_path_factory.mktemp("pipeline"))
    assert run(root=str(root)) == 0
    return root
