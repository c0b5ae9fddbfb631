"""pipeline.yml loading, dependencies and parameter checks."""

from __future__ import annotations

import nbformat
import pytest

from helpers.errors import InputError
from helpers.plan import (
    Step,
    check_overrides_known,
    check_type,
    load_plan,
    notebook_defaults,
    parse_overrides,
    resolve_parameters,
    upstream,
)


def test_pipeline_yml_lists_the_notebooks_in_order():
    steps = load_plan()
    assert steps[0].name == "01_ingest"
    assert all(step.notebook.exists() for step in steps)
    assert [s.name for s in steps] == sorted(s.name for s in steps)


def test_dependencies_follow_declared_inputs_and_outputs(tmp_path):
    nb = tmp_path / "x.ipynb"
    a = Step("a", nb, "A", "", outputs=("data/processed/a.csv",))
    b = Step("b", nb, "B", "", inputs=("data/processed",), outputs=("data/processed/b.csv",))
    c = Step("c", nb, "C", "", inputs=("data/raw",))
    assert upstream([a, b, c]) == {"a": set(), "b": {"a"}, "c": set()}


def test_overrides_are_name_value_pairs():
    assert parse_overrides(["min_count=3", "terms=[a, b]"]) == {"min_count": "3", "terms": "[a, b]"}
    with pytest.raises(InputError, match="expected name=value"):
        parse_overrides(["min_count"])


def test_values_are_typed_by_the_declared_parameter():
    assert check_type("n", "min_count", "3", "int") == 3
    assert check_type("n", "ratio", "2", "float") == 2.0
    assert check_type("n", "terms", "[North Korea, sanctions]", "list[str]") == [
        "North Korea",
        "sanctions",
    ]
    assert check_type("n", "anchor", "2020-11-19", "str") == "2020-11-19"
    with pytest.raises(InputError, match=r"parameter min_count of n expects int, got 'abc'"):
        check_type("n", "min_count", "abc", "int")


def test_unknown_override_lists_the_valid_names():
    steps = load_plan()[:1]
    with pytest.raises(InputError, match=r"unknown parameter\(s\) max_file_mbb; valid names: "):
        check_overrides_known(steps, {"max_file_mbb": "3"})


def test_resolved_parameters_take_the_root_and_overrides(workspace):
    step = load_plan()[0]
    params = resolve_parameters(step, {"max_file_mb": "2"}, str(workspace))
    assert params == {"max_file_mb": 2.0, "root": str(workspace)}


def _notebook(path, source: str):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "language": "python",
        "display_name": "Python 3",
    }
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell("print(n)")]
    nbformat.write(nb, path)
    return path


def test_defaults_come_from_the_parameters_cell_and_pipeline_yml_overrides_them(tmp_path):
    nb = _notebook(
        tmp_path / "x.ipynb", 'n: int = 3\nterms: list[str] = ["a", "b"]\nname: str = ""'
    )
    assert notebook_defaults(nb) == {"n": 3, "terms": ["a", "b"], "name": ""}
    step = Step("x", nb, "X", "", parameters={"n": 5})
    assert resolve_parameters(step, {}, "") == {"n": 5, "terms": ["a", "b"], "name": ""}
    assert resolve_parameters(step, {"n": "7", "terms": "[c]"}, "")["terms"] == ["c"]


def test_a_parameters_cell_default_that_is_not_a_literal_is_named(tmp_path):
    nb = _notebook(tmp_path / "x.ipynb", "n: int = len('abc')")
    with pytest.raises(InputError, match=r"x.ipynb: parameters cell: n = len\('abc'\)"):
        notebook_defaults(nb)


def test_yaml_dates_in_maps_and_lists_become_iso_text():
    assert check_type("n", "anchor_overrides", "{doc-a: 2020-11-20}", "dict") == {
        "doc-a": "2020-11-20"
    }
    assert check_type("n", "kwic_terms", "[North Korea, 2020, 2020-11-19]", "list[str]") == [
        "North Korea",
        "2020",
        "2020-11-19",
    ]
    with pytest.raises(InputError, match=r"parameter anchor_overrides of n expects dict"):
        check_type("n", "anchor_overrides", "{doc-a: 2020-02-30}", "dict")
    with pytest.raises(InputError, match=r"parameter kwic_terms of n expects list\[str\]"):
        check_type("n", "kwic_terms", "[[nested]]", "list[str]")
