"""What each notebook parameter accepts (type, range, choices), and the checks that enforce it.

``DECLARATIONS`` is keyed by notebook and parameter; a parameter its notebook's ``parameters``
cell assigns but this table omits is type-checked only (by the runner, from the cell's
annotation). The runner checks every notebook's values before any notebook runs; each notebook's
cell right after ``parameters`` calls ``check_notebook_parameters`` so plain papermill and
JupyterLab get the same one line before anything is written, including for a ``-p`` name the
notebook does not declare (papermill itself only warns about those).
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from helpers.errors import InputError

INJECTED_MARK = "# Parameters"  # papermill's first line of the cell it injects


class ParameterError(InputError):
    """A parameter value or name the notebook does not accept; one line, in Jupyter too."""


@dataclass(frozen=True)
class Spec:
    """One parameter: ``accepts`` says in words what ``check`` lets through."""

    accepts: str
    check: Callable[[Any], bool]
    file: bool = False  # a path: "" or a file that exists (relative to the workspace root)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _int_in(low: int, high: int) -> Spec:
    return Spec(f"an integer from {low} to {high}", lambda v: _is_int(v) and low <= v <= high)


def _iso_date(v: Any, month_ok: bool = False) -> bool:
    if not isinstance(v, str):
        return False
    text = f"{v}-01" if month_ok and re.fullmatch(r"\d{4}-\d{2}", v) else v
    try:
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None and bool(
            date.fromisoformat(text)
        )
    except ValueError:
        return False


def _terms(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(t, str) and t.strip() for t in v)


def _text_map(value_check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda v: (
        isinstance(v, dict)
        and all(isinstance(k, str) and k and value_check(x) for k, x in v.items())
    )


TEXT = Spec("text", lambda v: isinstance(v, str))
NAME = Spec("non-empty text", lambda v: isinstance(v, str) and bool(v.strip()))
FILE = Spec('"" (the packaged table) or a CSV file, relative to root', TEXT.check, file=True)
ROOT = Spec('"" (the default workspace) or a folder holding data/raw/', TEXT.check)
DATE = Spec("a date YYYY-MM-DD", _iso_date)
TERMS = Spec("a list of non-empty terms", _terms)

DECLARATIONS: dict[str, dict[str, Spec]] = {
    "01_ingest": {
        "root": ROOT,
        "max_file_mb": Spec(
            "a finite number of MB above 0",
            lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 < v < math.inf,
        ),
    },
    "02_tokenize": {
        "root": ROOT,
        "kwic_terms": TERMS,
        "dispersion_terms": TERMS,
        "top_n": _int_in(1, 1000),
        "min_count": _int_in(1, 1_000_000),
        "actors_file": FILE,
        "compare_by": Spec(
            "auto, doc_id, author, outlet, year or published<YYYY-MM-DD",
            lambda v: (
                isinstance(v, str)
                and (
                    v in {"auto", "doc_id", "author", "outlet", "year"}
                    or (v.startswith("published<") and _iso_date(v.removeprefix("published<")))
                )
            ),
        ),
    },
    "03_timeline": {
        "root": ROOT,
        "anchor_overrides": Spec(
            "a map doc_id -> YYYY-MM-DD or YYYY-MM",
            _text_map(lambda x: _iso_date(x, month_ok=True)),
        ),
        "focus_start": DATE,
        "focus_end": DATE,
        "lanes": Spec(
            "a list of doc_ids ([] = every article when 8 or fewer, else the 8 most-referencing)",
            lambda v: isinstance(v, list) and all(isinstance(t, str) and t for t in v),
        ),
        "events_file": FILE,
    },
    "04_positions": {
        "root": ROOT,
        "addressee": NAME,
        "addressee_overrides": Spec(
            "a map doc_id -> actor name", _text_map(lambda x: isinstance(x, str) and bool(x))
        ),
        "actors_file": FILE,
        "levers_file": FILE,
        "lever_keywords_file": FILE,
        "summary_sentences": _int_in(1, 100),
        "thesis_sentences": _int_in(0, 100),
    },
}
ORDERED = {"03_timeline": [("focus_start", "focus_end")]}  # (earlier, later) pairs


def check_values(notebook: str, values: Mapping[str, Any]) -> None:
    """Every declared parameter of ``notebook`` present in ``values`` is accepted, or a
    ParameterError naming it and what it accepts."""
    declared = DECLARATIONS.get(notebook, {})
    for name, spec in declared.items():
        if name in values and not spec.check(values[name]):
            raise ParameterError(
                f"parameter {name} of {notebook} accepts {spec.accepts}; got {values[name]!r}"
            )
    root = _root(notebook, values)
    for name, spec in declared.items():
        if spec.file and values.get(name):
            path = Path(values[name])
            path = path if path.is_absolute() else root / path
            if not path.is_file():
                raise ParameterError(f"parameter {name} of {notebook} accepts {spec.accepts}; "
                                     f"{path} is not a file")  # fmt: skip
    for earlier, later in ORDERED.get(notebook, []):
        if earlier in values and later in values and values[earlier] >= values[later]:
            raise ParameterError(
                f"parameters {earlier} and {later} of {notebook}: {earlier} must come before "
                f"{later}; got {values[earlier]} and {values[later]}"
            )


def _root(notebook: str, values: Mapping[str, Any]) -> Path:
    from helpers.paths import project_paths

    root = values.get("root", "")
    if root and not (Path(root) / "data" / "raw").is_dir():
        raise ParameterError(f"parameter root of {notebook} accepts {ROOT.accepts}; got {root!r}")
    return project_paths(root).root


def check_notebook_parameters(notebook: str, namespace: Mapping[str, Any]) -> None:
    """The validation cell: names papermill injected must be parameters of ``notebook``, and
    every declared value in ``namespace`` (the kernel's globals) must be accepted."""
    history = [str(cell) for cell in namespace.get("In", [])]
    injected = [cell for cell in history if cell.lstrip().startswith(INJECTED_MARK)]
    if injected:
        known = set(DECLARATIONS.get(notebook, {}))
        for cell in history:
            if not cell.lstrip().startswith(INJECTED_MARK):
                known |= assigned_names(cell)
        unknown = sorted(assigned_names(injected[-1]) - known)
        if unknown:
            raise ParameterError(
                f"unknown parameter(s) {', '.join(unknown)} for {notebook}; "
                f"valid names: {', '.join(sorted(known))}"
            )
    check_values(notebook, namespace)


def assigned_names(source: str) -> set[str]:
    """Top-level names a cell assigns (``x = 1``, ``x: int = 1``); none if it does not parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names
