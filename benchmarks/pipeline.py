"""Pipeline benchmark: the runner (cold and no-op) against the naive CLI chain.

The naive chain is what one would script by hand: for each notebook, sequentially, the
papermill CLI then the `jupyter nbconvert` CLI. Both run the same notebooks on the seeds in
fresh temporary workspaces, in this one process run. Prints seconds and the ratio
(goal: cold runner / naive chain ≤ 0.4; no-op rerun about a second).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers.paths import REPO_ROOT
from helpers.plan import load_plan

BIN = Path(sys.executable).parent


def workspace(base: Path, name: str) -> Path:
    root = base / name
    shutil.copytree(REPO_ROOT / "data" / "raw", root / "data" / "raw")
    return root


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=REPO_ROOT)
    return time.perf_counter() - started


def naive_chain(root: Path) -> float:
    """papermill CLI then nbconvert CLI, per notebook, one after the other."""
    total = 0.0
    out = root / "naive"
    out.mkdir()
    for step in load_plan():
        executed = out / step.notebook.name
        total += timed([str(BIN / "papermill"), str(step.notebook), str(executed),
                        "-p", "root", str(root), "-k", "python3", "--no-progress-bar"])  # fmt: skip
        total += timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input",
                        str(executed)])  # fmt: skip
    return total


def runner(root: Path, *extra: str) -> float:
    return timed([sys.executable, "-m", "helpers.pipeline", "--root", str(root), *extra])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        naive = naive_chain(workspace(base, "naive"))
        ours_root = workspace(base, "runner")
        cold = runner(ours_root)
        noop = runner(ours_root)
        sizes = sum(p.stat().st_size for p in (ours_root / "reports").rglob("*") if p.is_file())
    n = len(load_plan())
    print(f"pipeline ({n} notebooks, seeds)")
    print(f"  naive chain (papermill CLI + nbconvert CLI, sequential): {naive:6.1f} s")
    print(f"  runner, cold (fresh workspace, env installed):           {cold:6.1f} s")
    print(f"  ratio cold runner / naive chain:                         {cold / naive:6.2f}"
          "  (goal <= 0.4)")  # fmt: skip
    print(f"  runner, no-op rerun:                                     {noop:6.1f} s")
    print(f"  published site: {sizes / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
