"""Import direction: views (helpers.views) import the analysis modules, never the reverse."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import helpers

PACKAGE = Path(helpers.__file__).parent
VIEWS = "helpers.views"


def module_name(path: Path) -> str:
    """Dotted name of a module file under src/helpers ("helpers.views.plotting")."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, package: str) -> set[str]:
    """Every module ``source`` imports, relative imports resolved against ``package`` (the one
    the source lives in); ``from a import b`` counts as importing both a and a.b."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def package_of(path: Path) -> str:
    """The dotted package a module file belongs to ("helpers.views" for views/plotting.py)."""
    return ".".join(path.parent.relative_to(PACKAGE.parent).parts)


def imports_views(source: str, package: str) -> bool:
    return any(n == VIEWS or n.startswith(VIEWS + ".") for n in imported(source, package))


@pytest.mark.parametrize(
    ("source", "package", "expected"),
    [
        ("from helpers.views.plotting import COLOURS", "helpers", True),
        ("import helpers.views.timeline", "helpers", True),
        ("from helpers import views", "helpers", True),
        ("from .views import positions", "helpers", True),
        ("from . import plotting", "helpers.views", True),
        ("from ..positions import OTHER", "helpers.views", False),
        ("from helpers.viewsy import x\nimport helpers.timeline", "helpers", False),
    ],
)
def test_the_detector_sees_every_spelling_of_a_views_import(source, package, expected):
    assert imports_views(source, package) is expected


def test_no_analysis_module_imports_views():
    modules = sorted(PACKAGE.rglob("*.py"))
    analysis = [p for p in modules if not module_name(p).startswith(VIEWS)]
    assert len(analysis) > 10 and len(modules) > len(analysis)
    offenders = [
        module_name(p) for p in analysis if imports_views(p.read_text("utf-8"), package_of(p))
    ]
    assert offenders == []


def test_notebook_views_share_only_plotting():
    """A notebook's views module imports analysis modules and views.plotting, no other view."""
    plotting = f"{VIEWS}.plotting"
    for path in sorted((PACKAGE / "views").glob("*.py")):
        names = imported(path.read_text("utf-8"), package_of(path))
        others = {
            n
            for n in names
            if n.startswith(VIEWS + ".") and n != plotting and not n.startswith(plotting + ".")
        }
        assert others == set(), module_name(path)
