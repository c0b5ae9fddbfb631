"""environment.yml (conda) and pyproject.toml (pip) declare the same runtime packages."""

from __future__ import annotations

import re
import tomllib

import yaml

from helpers.paths import REPO_ROOT

DEV_ONLY = {"python", "pip", "pytest", "ruff", "pypdf"}


def _requirements(specs: list[str]) -> dict[str, str]:
    parsed = {}
    for spec in specs:
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec)
        parsed[match[1].lower().replace("_", "-")] = match[2].replace(" ", "")
    return parsed


def test_conda_and_pip_runtime_packages_agree():
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    pip_side = _requirements(pyproject["project"]["dependencies"])
    conda_specs = [d for d in env["dependencies"] if isinstance(d, str)]
    conda_side = {k: v for k, v in _requirements(conda_specs).items() if k not in DEV_ONLY}
    assert conda_side == pip_side


def test_conda_env_installs_the_package_itself():
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    pip_entries = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_entries
    assert "conda-forge" in env["channels"]
