"""Stress benchmark: inputs under the size limit that once hung or exhausted memory (issue 12/2).

Two workspaces, each run through every notebook by the runner in a subprocess:
a 10 MB article (synthetic op-ed text concatenated, run with max_file_mb=11) and a 1 MB
run-on (130,000 words, no punctuation). Prints per case: wall seconds, each notebook's
seconds (the runner's summary lines), the peak resident memory of the whole process tree
and of its largest process (a kernel), and the site size. A case over ``--timeout`` seconds
is stopped with SIGINT (the runner kills its kernels) and reported with the notebook that
was still running. ``python -m benchmarks.stress [--timeout 900] [--case article|runon]``
"""

from __future__ import annotations

import argparse
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil  # installed with ipykernel (a runtime dependency); used here only

from helpers.paths import REPO_ROOT
from helpers.plan import load_plan

WORDS = [
    "sanctions", "Beijing", "Washington", "Pyongyang", "pressure", "talks", "deal", "missile",
    "China", "Korea", "alliance", "summit", "treaty", "diplomacy", "leverage", "nuclear",
]  # fmt: skip


SUMMARY = re.compile(r"^\S+\s+(ran|unchanged, skipped|FAILED)\s+\d+ cells")


def article_workspace(base: Path, megabytes: float = 10.0) -> Path:
    """One article of ``megabytes`` MB made of the synthetic generator's op-ed text."""
    root = base / "article"
    corpus = base / "gen"
    subprocess.run([sys.executable, "-m", "helpers.synthetic", "--n", "400", "--dir",
                    str(corpus), "--seed", "1"], check=True, capture_output=True)  # fmt: skip
    pieces = [p.read_text(encoding="utf-8") for p in sorted((corpus / "data/raw").glob("*.txt"))]
    body = "\n\n".join(pieces)
    target = int(megabytes * 1_000_000)
    text = ("Stress Article\n\n" + (body + "\n\n") * (target // len(body) + 1))[:target]
    raw = root / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "big.txt").write_text(text.rsplit(" ", 1)[0] + ".\n", encoding="utf-8")
    return root


def runon_workspace(base: Path, n_words: int = 130_000) -> Path:
    """One article of ``n_words`` words without a single punctuation mark (about 1 MB)."""
    root = base / "runon"
    raw = root / "data" / "raw"
    raw.mkdir(parents=True)
    rng = random.Random(0)
    words = " ".join(rng.choice(WORDS) for _ in range(n_words))
    (raw / "runon.txt").write_text(f"Run On\n\n{words}\n", encoding="utf-8")
    return root


def measure(root: Path, timeout: float) -> dict:
    """Run the pipeline on ``root``; wall seconds, notebook lines, peak memory, status."""
    command = [sys.executable, "-m", "helpers.pipeline", "--root", str(root), "-p",
               "max_file_mb=11", "--jobs", "1"]  # fmt: skip
    started = time.perf_counter()
    runner = subprocess.Popen(command, cwd=REPO_ROOT, stderr=subprocess.PIPE, text=True)
    peak_tree = peak_one = 0
    status = "done"
    while runner.poll() is None:
        tree_rss = _tree_rss(runner.pid)
        peak_tree, peak_one = max(peak_tree, sum(tree_rss)), max([peak_one, *tree_rss])
        if time.perf_counter() - started > timeout:
            runner.send_signal(signal.SIGINT)
            status = f"timed out after {timeout:.0f} s"
            break
        time.sleep(0.5)
    _, err = runner.communicate()
    wall = time.perf_counter() - started
    lines = [ln for ln in err.splitlines() if SUMMARY.match(ln)]
    finished = {ln.split()[0] for ln in lines}
    if status == "done" and runner.returncode:
        status = f"exit {runner.returncode}: {_first_error(err)}"
    elif status != "done":
        running = [s.name for s in load_plan() if s.name not in finished]
        status += f" in {running[0] if running else '?'}"
    site = sum(p.stat().st_size for p in (root / "reports").rglob("*") if p.is_file())
    return {"wall": wall, "lines": lines, "tree": peak_tree, "one": peak_one,
            "status": status, "site": site}  # fmt: skip


def _tree_rss(pid: int) -> list[int]:
    try:
        parent = psutil.Process(pid)
        procs = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return [0]
    sizes = []
    for proc in procs:
        try:
            sizes.append(proc.memory_info().rss)
        except psutil.NoSuchProcess:
            continue
    return sizes or [0]


def _first_error(err: str) -> str:
    return next((ln for ln in err.splitlines() if ln.startswith("error:")), "")[:160]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per case")
    parser.add_argument("--case", choices=["article", "runon"], action="append")
    args = parser.parse_args()
    cases = {"article": article_workspace, "runon": runon_workspace}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.case or list(cases):
            root = cases[name](Path(tmp))
            size = sum(p.stat().st_size for p in (root / "data" / "raw").glob("*.txt"))
            result = measure(root, args.timeout)
            print(f"{name:<8} input {size / 1e6:5.1f} MB  wall {result['wall']:7.1f} s  "
                  f"peak RSS tree {result['tree'] / 1e9:5.2f} GB, largest process "
                  f"{result['one'] / 1e9:5.2f} GB  site {result['site'] / 1e6:6.1f} MB  "
                  f"{result['status']}", flush=True)  # fmt: skip
            for line in result["lines"]:
                print(f"    {line}", flush=True)


if __name__ == "__main__":
    main()
