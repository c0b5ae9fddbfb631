"""The lock: constraints.txt, environment.yml (conda) and pyproject.toml (pip) agree."""

from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.version import Version

from helpers.paths import REPO_ROOT

# distributed: an optional extra (--scheduler dask); pypdf: the print test reads PDFs
DEV_ONLY = {"python", "pip", "pytest", "ruff", "pypdf", "distributed"}


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _constraints() -> dict[str, str]:
    lines = (REPO_ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = [ln.split("==") for ln in lines if ln and not ln.startswith("#")]
    return {_normalize(name): version for name, version in pins}


def _conda_pins() -> dict[str, str]:
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text(encoding="utf-8"))
    specs = [d for d in env["dependencies"] if isinstance(d, str)]
    return {_normalize(re.split(r"[=<>]", s, maxsplit=1)[0]): s for s in specs}


def _pyproject_requirements() -> dict[str, Requirement]:
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = [Requirement(d) for d in pyproject["project"]["dependencies"]]
    return {_normalize(r.name): r for r in requirements}


def test_conda_and_pip_runtime_packages_agree():
    conda_side = set(_conda_pins()) - DEV_ONLY
    assert conda_side == set(_pyproject_requirements())


def test_environment_yml_pins_the_versions_of_constraints_txt():
    locked = _constraints()
    for name, spec in _conda_pins().items():
        if name in {"python", "pip"}:
            continue
        assert spec == f"{name}=={locked[name]}", name


def test_locked_versions_satisfy_pyproject_lower_bounds():
    locked = _constraints()
    for name, requirement in _pyproject_requirements().items():
        assert requirement.specifier.contains(Version(locked[name])), (name, locked[name])


def test_constraints_do_not_pin_the_project_itself():
    assert "commentary-notebooks" not in _constraints()


def test_conda_env_installs_the_package_itself():
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_entries = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_entries
    assert "conda-forge" in env["channels"]
