"""`make bench`: every benchmark in turn, each printing its own figures."""

from __future__ import annotations

import subprocess
import sys

from helpers.paths import REPO_ROOT

BENCHMARKS = [
    "benchmarks.pipeline",
    "benchmarks.scale",
    "benchmarks.tokenize",
    "benchmarks.pageload",
]


def main() -> None:
    for module in BENCHMARKS:
        print(f"== {module}", flush=True)
        subprocess.run([sys.executable, "-m", module], check=True, cwd=REPO_ROOT)
        print(flush=True)


if __name__ == "__main__":
    main()
