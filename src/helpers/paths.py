"""Where things live: every path is resolved from a project root, never from the cwd.

The root defaults to this repository; notebooks take a ``root`` parameter (empty = this
repository) so the runner and the tests can point a whole run at another workspace.
Curated reference tables always come from the repository unless a notebook parameter names
another file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DIR = REPO_ROOT / "data" / "reference"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"


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


def project_paths(root: str | Path | None = None) -> Paths:
    """Paths for ``root`` (empty or None = this repository)."""
    return Paths(Path(root).resolve() if root else REPO_ROOT)


def reference_file(name: str) -> Path:
    """A curated table in the repository's data/reference/ (e.g. ``"events.csv"``)."""
    return REFERENCE_DIR / name


def declared_file(name: str, root: Path, default: str = "") -> Path:
    """The file a pipeline declaration or a notebook's ``*_file`` parameter names.

    Empty → the repository's data/reference/``default``; absolute → as given; relative →
    from the workspace ``root``. The run cache hashes what this returns, so it must be the
    function notebooks read their ``*_file`` parameters with."""
    if not name:
        return reference_file(default)
    path = Path(name)
    return path if path.is_absolute() else root / path


def declared_path(relative: str, root: Path) -> Path:
    """A pipeline.yml input or output: curated data/reference/ is the repository's (what a
    notebook reads when its ``*_file`` parameter is empty), everything else the workspace's."""
    reference = Path("data") / "reference"
    if Path(relative).parts[:2] == reference.parts:
        return REPO_ROOT / relative
    return root / relative
