"""Wheel build hook: the user-facing top-level folders become package data of a real wheel.

notebooks/, pipeline.yml and data/reference/ stay at the top of the repository; a standard
wheel carries them under helpers/_bundle/ (helpers.paths looks there first). An editable
install gets none of them (it reads them from the checkout), so no stale copy lands in
site-packages, which a plain ``force-include`` table would put there for editable installs too.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUNDLE = {
    "notebooks": "helpers/_bundle/notebooks",
    "pipeline.yml": "helpers/_bundle/pipeline.yml",
    "data/reference": "helpers/_bundle/data/reference",
}


class BundleHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "standard":
            build_data["force_include"].update(BUNDLE)
