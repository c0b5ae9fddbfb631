"""`make bench`: every benchmark in turn, each printing its own figures."""

from __future__ import annotations

import subprocess
import sys

from helpers.paths import REPO_ROOT

BENCHMARKS = [
    ["benchmarks.pipeline"],
    ["benchmarks.scale_run", "--sizes", "1000,10000"],  # 1,000 alone: make bench-1k
    ["benchmarks.scale", "--sizes", "1000"],
    ["benchmarks.tokenize"],
    ["benchmarks.pageload"],
]


def main() -> None:
    for module, *args in BENCHMARKS:
        print(f"== {module} {' '.join(args)}", flush=True)
        subprocess.run([sys.executable, "-m", module, *args], check=True, cwd=REPO_ROOT)
        print(flush=True)


if __name__ == "__main__":
    main()
