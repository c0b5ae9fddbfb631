"""Write the lock: constraints.txt from ``pip freeze`` of this environment, and the same pins
into environment.yml's runtime and test packages.

``python scripts/lock.py`` (``make upgrade`` runs it after upgrading). ``make`` installs with
``pip install -c constraints.txt -e '.[dev]'``; tests/test_lock.py keeps the two files agreeing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "commentary-notebooks"
CONDA_EXTRA = [
    "pytest",
    "ruff",
    "pypdf",
    "distributed",
]  # dev packages on conda-forge (playwright: pip only)
HEADER = """\
# The lock: exact versions the test suite ran with (pip freeze of the tested environment).
# `make` installs with `pip install -c constraints.txt -e '.[dev]'`; `make upgrade` refreshes it
# (and environment.yml's pins). Not hand-edited.
"""
ENV_HEADER = """\
# The conda route: `conda env create -f environment.yml && conda activate commentary-notebooks`,
# then `make run` / `make test` use this environment. Pinned to the versions of constraints.txt
# (written by scripts/lock.py; tests/test_lock.py checks they agree); pyproject.toml holds the
# lower bounds.
"""


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def frozen() -> dict[str, str]:
    """name → version of every distribution in this environment but the project itself."""
    out = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                         check=True, capture_output=True, text=True).stdout  # fmt: skip
    pins = {}
    for line in out.splitlines():
        name, sep, version = line.partition("==")
        if sep and normalize(name) != PROJECT:
            pins[normalize(name)] = version.strip()
    return pins


def runtime_names() -> list[str]:
    """The runtime dependencies of pyproject.toml, in its order."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [normalize(re.split(r"[<>=!~ ;\[]", d, maxsplit=1)[0])
            for d in pyproject["project"]["dependencies"]]  # fmt: skip


def environment_yml(pins: dict[str, str]) -> str:
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    lines = [ENV_HEADER, "name: commentary-notebooks", "channels:", "  - conda-forge",
             "dependencies:", f"  - python={python}"]  # fmt: skip
    lines += [f"  - {name}=={pins[name]}" for name in runtime_names() + CONDA_EXTRA]
    lines += ["  - pip", "  - pip:", "      - -e ."]
    return "\n".join(lines) + "\n"


def main() -> int:
    pins = frozen()
    body = "".join(f"{name}=={version}\n" for name, version in sorted(pins.items()))
    (ROOT / "constraints.txt").write_text(HEADER + body, encoding="utf-8")
    (ROOT / "environment.yml").write_text(environment_yml(pins), encoding="utf-8")
    print(f"constraints.txt: {len(pins)} pins; environment.yml pinned to them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
