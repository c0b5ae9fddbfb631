"""pipeline.yml: the notebooks, their order, inputs and outputs; parameters and their checks.

Each entry names a notebook and declares what it reads (``inputs``) and writes
(``outputs``), paths relative to the workspace root. A notebook's defaults are the values
its ``parameters`` cell assigns (papermill's convention); an entry's ``parameters`` only
override them, for every run. A notebook depends on every earlier
notebook whose outputs it reads; independent notebooks may run concurrently.
Overrides given on the command line are checked against the parameters the notebook's
``parameters`` cell declares (papermill itself only warns about unknown names).
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from helpers.errors import InputError, one_line
from helpers.params import check_values
from helpers.paths import PIPELINE_FILE

ENTRY_KEYS = {"name", "notebook", "title", "description", "parameters", "inputs", "outputs"}


@dataclass(frozen=True)
class Step:
    """One notebook of the pipeline."""

    name: str
    notebook: Path
    title: str
    description: str
    parameters: dict[str, Any] = field(default_factory=dict)
    inputs: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()


def load_plan(path: Path = PIPELINE_FILE) -> list[Step]:
    """The steps of ``path`` in run order."""
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise InputError(f"{path}: cannot read ({one_line(err)})") from None
    entries = spec.get("notebooks") if isinstance(spec, dict) else None
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{path}: needs a non-empty 'notebooks' list")
    steps = [_step(path, i, entry) for i, entry in enumerate(entries, start=1)]
    names = [s.name for s in steps]
    if len(set(names)) != len(names):
        raise InputError(f"{path}: notebook names repeat: {names}")
    return steps


def _step(path: Path, index: int, entry: Any) -> Step:
    where = f"{path} notebook #{index}"
    if not isinstance(entry, dict) or not {"name", "notebook"} <= set(entry):
        raise InputError(f"{where}: needs at least 'name' and 'notebook'")
    unknown = sorted(set(entry) - ENTRY_KEYS)
    if unknown:
        raise InputError(f"{where} ({entry['name']}): unknown key(s) {unknown}")
    notebook = path.parent / entry["notebook"]  # relative to the pipeline file
    if not notebook.exists():
        raise InputError(f"{where} ({entry['name']}): {notebook} does not exist")
    return Step(
        name=str(entry["name"]),
        notebook=notebook,
        title=str(entry.get("title", entry["name"])),
        description=str(entry.get("description", "")),
        parameters=dict(entry.get("parameters") or {}),
        inputs=tuple(entry.get("inputs") or ()),
        outputs=tuple(entry.get("outputs") or ()),
    )


def upstream(steps: list[Step]) -> dict[str, set[str]]:
    """For each step, the earlier steps whose outputs it reads."""
    deps: dict[str, set[str]] = {}
    for i, step in enumerate(steps):
        deps[step.name] = {
            earlier.name
            for earlier in steps[:i]
            if any(_overlaps(inp, out) for inp in step.inputs for out in earlier.outputs)
        }
    return deps


def _overlaps(a: str, b: str) -> bool:
    a, b = a.rstrip("/"), b.rstrip("/")
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    """``["min_count=3"]`` → ``{"min_count": "3"}``; values are typed later, per notebook."""
    overrides: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"-p {pair!r}: expected name=value")
        overrides[name.strip()] = value
    return overrides


def declared_parameters(notebook: Path) -> dict[str, dict]:
    """The parameters a notebook's ``parameters`` cell declares, as papermill.inspect_notebook
    gives them (name, inferred_type_name, default source, help), read with ``ast`` so a run
    that executes nothing does not import papermill."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError) as err:
        raise InputError(f"{notebook}: not a readable notebook ({one_line(err)})") from None
    source = next(
        (_text(c.get("source", "")) for c in cells
         if "parameters" in c.get("metadata", {}).get("tags", [])),
        "",
    )  # fmt: skip
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise InputError(f"{notebook.name}: parameters cell: {one_line(err)}") from None
    lines = source.splitlines()
    found = {}
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if not isinstance(target, ast.Name) or node.value is None:
            continue
        annotation = getattr(node, "annotation", None)
        type_name = ast.get_source_segment(source, annotation) if annotation else "None"
        comment = re.search(r"#\s*(.*)$", lines[node.end_lineno - 1][node.end_col_offset :])
        found[target.id] = {
            "name": target.id,
            "inferred_type_name": type_name,
            "default": ast.get_source_segment(source, node.value),
            "help": comment[1].strip() if comment else "",
        }
    return found


def _text(source: str | list[str]) -> str:
    return source if isinstance(source, str) else "".join(source)


def notebook_defaults(notebook: Path, declared: dict[str, dict] | None = None) -> dict[str, Any]:
    """The values a notebook's ``parameters`` cell assigns, by name."""
    declared = declared_parameters(notebook) if declared is None else declared
    return {name: _literal(notebook, name, spec["default"]) for name, spec in declared.items()}


def _literal(notebook: Path, name: str, source: str) -> Any:
    try:
        return ast.literal_eval(source)
    except (ValueError, SyntaxError):
        raise InputError(
            f"{notebook.name}: parameters cell: {name} = {source} is not a literal value"
        ) from None


def resolve_parameters(step: Step, overrides: dict[str, Any], root: str) -> dict[str, Any]:
    """Every parameter of the notebook: its ``parameters`` cell's defaults, then pipeline.yml's
    overrides, then the command line's that this notebook declares; type- and range-checked."""
    declared = declared_parameters(step.notebook)
    for name in step.parameters:
        if name not in declared:
            raise InputError(
                f"pipeline.yml ({step.name}): unknown parameter {name!r}; valid: {sorted(declared)}"
            )
    chosen = {
        **notebook_defaults(step.notebook, declared),
        **step.parameters,
        **{k: v for k, v in overrides.items() if k in declared},
    }
    if root and "root" in declared:
        chosen["root"] = root
    for name, value in chosen.items():
        chosen[name] = check_type(step.name, name, value, declared[name]["inferred_type_name"])
    check_values(step.name, chosen)  # ranges and choices (helpers.params), before any run
    return chosen


def check_overrides_known(steps: list[Step], overrides: dict[str, Any]) -> None:
    """Every override must be a parameter of at least one selected notebook."""
    valid: set[str] = set()
    for step in steps:
        valid |= set(declared_parameters(step.notebook))
    unknown = sorted(set(overrides) - valid)
    if unknown:
        raise InputError(
            f"unknown parameter(s) {', '.join(unknown)}; valid names: {', '.join(sorted(valid))}"
        )


TYPE_CHECKS = {
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "str": lambda v: isinstance(v, str),
    "list": lambda v: isinstance(v, list),
    "dict": lambda v: isinstance(v, dict),
}


def check_type(step: str, name: str, value: Any, type_name: str) -> Any:
    """``value`` converted to the declared type, or a one-line error.

    Command-line values arrive as text: a ``str`` parameter takes it as is, any other type
    parses it as YAML (``3``, ``[a, b]``, ``{doc: 2020-11-19}``); dates YAML finds become ISO
    text (notebook parameters must be JSON), and so do the items of a ``list[str]``.
    Ints widen to float.
    """
    base = type_name.split("[", 1)[0].strip().lower() if type_name else ""
    if base == "str":
        return value if isinstance(value, str) else _as_text(step, name, value, type_name)
    if isinstance(value, str):
        value = _parse_yaml(step, name, value, type_name)
    value = _dates_as_text(value)
    if base == "float" and TYPE_CHECKS["int"](value):
        return float(value)
    check = TYPE_CHECKS.get(base)
    if check and not check(value):
        raise _type_error(step, name, value, type_name)
    if type_name.replace(" ", "").lower() == "list[str]":
        return [_as_text(step, name, item, type_name) for item in value]
    return value


def _dates_as_text(value: Any) -> Any:
    """YAML dates (in lists and maps too) as ISO text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    if isinstance(value, dict):
        return {_dates_as_text(k): _dates_as_text(v) for k, v in value.items()}
    return value


def _as_text(step: str, name: str, value: Any, type_name: str) -> str:
    if isinstance(value, list | dict) or value is None:
        raise _type_error(step, name, value, type_name)
    return str(value)


def _parse_yaml(step: str, name: str, text: str, type_name: str) -> Any:
    try:
        return yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):  # ValueError: an impossible date such as 2020-02-30
        raise _type_error(step, name, text, type_name) from None


def _type_error(step: str, name: str, value: Any, type_name: str) -> InputError:
    return InputError(
        f"parameter {name} of {step} expects {type_name}, got {value!r} ({type(value).__name__})"
    )
