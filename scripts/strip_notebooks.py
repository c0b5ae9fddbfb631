"""Strip notebooks for committing: no outputs, no execution counts, no run metadata.

``python scripts/strip_notebooks.py [FILE.ipynb ...]`` (default: notebooks/*.ipynb) rewrites
only the files that change and prints their names; cell ids, order and sources stay as they
are. ``make strip`` and the pre-commit hook run it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

RUN_METADATA = ("execution", "papermill", "collapsed", "scrolled")


def strip(nb: nbformat.NotebookNode) -> bool:
    """Remove outputs, counts and run metadata in place; whether anything changed."""
    changed = False
    for cell in nb.cells:
        for key in RUN_METADATA:
            changed |= cell.metadata.pop(key, None) is not None
        if cell.cell_type != "code":
            continue
        changed |= bool(cell.outputs) or cell.execution_count is not None
        cell.outputs, cell.execution_count = [], None
    for key in ("papermill", "widgets"):
        changed |= nb.metadata.pop(key, None) is not None
    return changed


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(Path("notebooks").glob("*.ipynb"))
    for path in files:
        nb = nbformat.read(path, as_version=4)
        if strip(nb):
            nbformat.write(nb, path)
            print(f"stripped {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
