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
