"""The run cache: what each notebook's last successful run read and wrote (build/state.json).

A notebook is skipped when its skip key — notebook file, resolved parameters, helpers source
and every declared input — hashes as at its last successful run, its outputs hash the same
as that run left them and the page in reports/ is byte for byte the one that run rendered
(a page is current only if it was rendered from the run whose key it carries).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from helpers.digest import file_digest, tree_digest
from helpers.execute import Outcome
from helpers.paths import Paths, declared_file, declared_path
from helpers.plan import Step


class RunCache:
    """build/state.json of one workspace, and the hashes it is compared with."""

    def __init__(self, paths: Paths, source_dir: Path):
        self.paths = paths
        self.file = paths.root / "build" / "state.json"
        self.state = load_json(self.file)
        self.source_hash = tree_digest(source_dir)

    def key(self, step: Step, params: dict[str, Any]) -> str:
        """Hash of everything a run of ``step`` with ``params`` depends on."""
        digest = hashlib.sha256(step.notebook.read_bytes())
        digest.update(json.dumps(params, sort_keys=True, default=str).encode())
        digest.update(self.source_hash.encode())
        for name in step.inputs:
            digest.update(name.encode())
            digest.update(tree_digest(declared_path(name, self.paths.root)).encode())
        for name in named_files(params):
            digest.update(name.encode())
            digest.update(tree_digest(declared_file(name, self.paths.root)).encode())
        return digest.hexdigest()

    def outputs_hash(self, step: Step) -> str:
        """Hash of the files ``step`` declares it writes."""
        digest = hashlib.sha256()
        for name in step.outputs:
            digest.update(
                name.encode() + tree_digest(declared_path(name, self.paths.root)).encode()
            )
        return digest.hexdigest()

    def take(self, name: str) -> dict:
        """The last successful run of ``name``, forgotten until kept or recorded again."""
        return self.state.pop(name, {})

    def fresh(self, step: Step, key: str, previous: dict) -> bool:
        """``previous`` has ``key``, the published page is the one it rendered and the outputs
        are byte for byte those it left (a user may have deleted or edited one)."""
        report = self.paths.reports / f"{step.name}.html"
        return (
            previous.get("key") == key
            and bool(previous.get("page"))
            and file_digest(report) == previous.get("page")
            and previous.get("outputs") == self.outputs_hash(step)
        )

    def keep(self, name: str, previous: dict) -> None:
        self.state[name] = previous

    def record(self, step: Step, key: str, outcome: Outcome, page: Path) -> None:
        """A successful run of ``step`` that rendered ``page`` (in the staged site)."""
        self.state[step.name] = {
            "key": key,
            "page": file_digest(page),
            "outputs": self.outputs_hash(step),
            "seconds": round(outcome.seconds, 2),
            "cells": outcome.cells,
        }

    def seconds(self, name: str) -> float | None:
        return self.state.get(name, {}).get("seconds")

    def save(self) -> None:
        """build/state.json: what each notebook's last successful run read and wrote."""
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_name(self.file.name + ".partial")
        partial.write_text(json.dumps(self.state, indent=1, sort_keys=True) + "\n")
        partial.replace(self.file)  # by rename: the run's snapshot keeps the old file


def named_files(params: dict[str, Any]) -> list[str]:
    """Files a notebook reads because a ``*_file`` parameter names them (root-relative)."""
    return sorted(v for k, v in params.items() if k.endswith("_file") and isinstance(v, str) and v)


def load_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
