"""End-to-end scale benchmark: `python -m helpers.pipeline` on generated corpora, per executor.

For each size (default 1,000 articles; `make bench` passes ``--sizes 1000,10000``) the
corpus is written once by helpers.synthetic (not timed); each executor then runs the real
runner cold on a fresh workspace holding a copy of it. Printed per run: wall seconds, the CPU
seconds of the process tree (user + system of the runner and every kernel and worker,
sampled, so a busy machine shows up as wall much larger than CPU / cores), the 1-minute load average
before the run, and the peak resident memory of the whole process tree (sampled every
0.2 s with psutil: runner, kernels, pool and Dask workers). After the first executor's run:
a no-op rerun and the size of each report page (plotly.js, in reports/assets/, excluded).
With two sizes, the ratio of their wall times (goal <= 11 for 10k/1k).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from helpers.paths import REPO_ROOT
from helpers.synthetic import write_synthetic

SCHEDULERS = ("auto", "inprocess", "pool", "dask")  # auto: what `make run` does
SEED = 2020


@dataclass
class Run:
    """One runner invocation."""

    wall: float
    cpu: float
    peak_mb: float
    load: float
    error: str


def run_pipeline(root: Path, scheduler: str) -> Run:
    """The runner on ``root`` with ``scheduler``, measured."""
    command = [sys.executable, "-m", "helpers.pipeline", "--root", str(root),
               "--scheduler", scheduler]  # fmt: skip
    load = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    peak = _PeakMemory(process.pid)
    peak.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    peak.stop()
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    error = errors[0][:160] if process.returncode else ""
    return Run(wall, peak.cpu, peak.mb, load, error)


class _PeakMemory(threading.Thread):
    """Samples the summed RSS of a process and all its descendants until stopped, and the
    CPU seconds each has used (its last sample: a process's final 0.2 s may be missed)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.root, self.peak, self._done = psutil.Process(pid), 0, threading.Event()
        self._cpu: dict[int, float] = {}

    def run(self) -> None:
        while not self._done.wait(0.2):
            try:
                tree = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            total = 0
            for proc in tree:
                try:
                    total += proc.memory_info().rss
                    times = proc.cpu_times()
                    self._cpu[proc.pid] = times.user + times.system
                except psutil.NoSuchProcess:
                    continue
            self.peak = max(self.peak, total)

    def stop(self) -> None:
        self._done.set()
        self.join()

    @property
    def cpu(self) -> float:
        return sum(self._cpu.values())

    @property
    def mb(self) -> float:
        return self.peak / 2**20


def page_weights(root: Path) -> dict[str, int]:
    """Bytes of each report page (the shared plotly.js bundle is not a page)."""
    return {p.name: p.stat().st_size for p in sorted((root / "reports").glob("*.html"))}


def fresh_workspace(corpus: Path, base: Path, name: str) -> Path:
    root = base / name
    shutil.copytree(corpus / "data" / "raw", root / "data" / "raw")
    return root


def describe(label: str, run: Run) -> str:
    status = f"FAILED: {run.error}" if run.error else "ok"
    return (f"  {label:<22} {run.wall:7.1f} s wall {run.cpu:7.1f} s CPU"
            f"  peak {run.peak_mb:6,.0f} MB  (load {run.load:4.1f})  {status}")  # fmt: skip


def measure_size(n: int, base: Path, schedulers: list[str]) -> float:
    """Print the figures for one corpus size; returns the first executor's cold wall time."""
    corpus = base / f"corpus-{n}"
    write_synthetic(corpus, n, SEED)
    print(f"{n:,} articles (helpers.synthetic seed {SEED}), cold `make run` per executor:")
    first = None
    for scheduler in schedulers:
        root = fresh_workspace(corpus, base, f"{scheduler}-{n}")
        cold = run_pipeline(root, scheduler)
        print(describe(f"{scheduler}, cold", cold), flush=True)
        if first is None:
            first = cold.wall
            if not cold.error:
                print(describe(f"{scheduler}, no-op rerun", run_pipeline(root, scheduler)))
            pages = page_weights(root).items()
            print("  report pages: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in pages))
        shutil.rmtree(root)
    return first or 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes")
    parser.add_argument("--schedulers", default=",".join(SCHEDULERS), help="executors to run")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    schedulers = args.schedulers.split(",")
    print(f"scale_run on {os.cpu_count()} CPUs; wall >> CPU/cores means a busy machine")
    with tempfile.TemporaryDirectory() as tmp:
        walls = [measure_size(n, Path(tmp), schedulers) for n in sizes]
    if len(sizes) == 2 and walls[0]:
        print(f"  {sizes[1]:,}/{sizes[0]:,} wall ratio ({schedulers[0]}): {walls[1] / walls[0]:.2f}"
              f" (linear {sizes[1] / sizes[0]:.0f}; goal <= 11)")  # fmt: skip


if __name__ == "__main__":
    main()
