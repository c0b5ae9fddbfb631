"""Where things live: package resources versus the workspace; never the bare cwd.

*Resources* are what the package ships: the notebooks, pipeline.yml and the curated
data/reference/ tables. A wheel carries them under ``helpers/_bundle/`` (pyproject.toml maps
them there); an editable install or a checkout reads them from the checkout.
A *workspace* holds one corpus and what is made from it: data/raw/ (the articles and
manifest.csv), data/interim/, data/processed/, build/ and reports/. Without an explicit root
the workspace is $COMMENTARY_ROOT, else the nearest of the cwd and its parents that holds
data/raw/, else the checkout when running from one.
Curated reference tables always come from the resources unless a notebook parameter names
another file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from helpers.errors import InputError

ROOT_VARIABLE = "COMMENTARY_ROOT"
_PACKAGE = Path(__file__).resolve().parent
_BUNDLE = _PACKAGE / "_bundle"
_SOURCE_ROOT = _PACKAGE.parents[1]  # the checkout, for src/helpers/paths.py


def _checkout() -> Path | None:
    """The repository this module runs from (editable install, tests), or None."""
    if (_SOURCE_ROOT / "pyproject.toml").exists() and (_SOURCE_ROOT / "pipeline.yml").exists():
        return _SOURCE_ROOT
    return None


CHECKOUT = _checkout()
RESOURCES = _BUNDLE if (_BUNDLE / "pipeline.yml").exists() else (CHECKOUT or _BUNDLE)
# The checkout's root (the resources' root when installed from a wheel): for tests,
# benchmarks and development tools, which run from a checkout.
REPO_ROOT = CHECKOUT or RESOURCES
REFERENCE_DIR = RESOURCES / "data" / "reference"
NOTEBOOKS_DIR = RESOURCES / "notebooks"
PIPELINE_FILE = RESOURCES / "pipeline.yml"


@dataclass(frozen=True)
class Paths:
    """The directories of one workspace (inputs, intermediate and published outputs)."""

    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def manifest(self) -> Path:
        return self.raw / "manifest.csv"

    @property
    def interim(self) -> Path:
        return self.root / "data" / "interim"

    @property
    def processed(self) -> Path:
        return self.root / "data" / "processed"

    @property
    def executed(self) -> Path:
        return self.root / "build" / "executed"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def table(self, name: str) -> Path:
        """Path of a contract table in data/processed/, e.g. ``table("sentences")``."""
        return self.processed / f"{name}.csv"


def default_root(cwd: Path | None = None) -> Path:
    """The workspace when none is named: $COMMENTARY_ROOT, else the nearest of ``cwd`` (default
    the current directory) and its parents holding data/raw/, else the checkout."""
    named = os.environ.get(ROOT_VARIABLE, "")
    if named:
        return Path(named).resolve()
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "raw").is_dir():
            return folder
    if CHECKOUT is not None:
        return CHECKOUT
    raise InputError(
        f"{here}: not a workspace (no data/raw/ here or above); "
        "make one with `commentary init DIR` or pass --root DIR"
    )


def project_paths(root: str | Path | None = None) -> Paths:
    """Paths for ``root`` (empty or None = the default workspace, see ``default_root``)."""
    return Paths(Path(root).resolve() if root else default_root())


def reference_file(name: str) -> Path:
    """A curated table in the package's data/reference/ (e.g. ``"events.csv"``)."""
    return REFERENCE_DIR / name


def declared_file(name: str, root: Path, default: str = "") -> Path:
    """The file a pipeline declaration or a notebook's ``*_file`` parameter names.

    Empty → the package's data/reference/``default``; absolute → as given; relative →
    from the workspace ``root``. The run cache hashes what this returns, so it must be the
    function notebooks read their ``*_file`` parameters with."""
    if not name:
        return reference_file(default)
    path = Path(name)
    return path if path.is_absolute() else root / path


def declared_path(relative: str, root: Path) -> Path:
    """A pipeline.yml input or output: curated data/reference/ is the package's (what a
    notebook reads when its ``*_file`` parameter is empty), everything else the workspace's."""
    reference = Path("data") / "reference"
    if Path(relative).parts[:2] == reference.parts:
        return RESOURCES / relative
    return root / relative
