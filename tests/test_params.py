"""Parameters are checked by name, type and range before anything is written: by the runner,
and by each notebook's validation cell under plain papermill."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from helpers.kernel import KERNEL_NAME
from helpers.params import (
    DECLARATIONS,
    ParameterError,
    assigned_names,
    check_notebook_parameters,
    check_values,
)
from helpers.pipeline import main
from helpers.plan import declared_parameters, load_plan

STEPS = {s.name: s for s in load_plan()}


@pytest.mark.parametrize("step", STEPS.values(), ids=lambda s: s.name)
def test_every_parameter_is_declared_and_validated_right_after_the_parameters_cell(step):
    assert set(DECLARATIONS[step.name]) == set(declared_parameters(step.notebook))
    nb = nbformat.read(step.notebook, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    check = nb.cells[index + 1].source
    assert f'check_notebook_parameters("{step.name}", globals())' in check
    assert nb.metadata.kernelspec.name == KERNEL_NAME


@pytest.mark.parametrize(
    ("notebook", "values", "message"),
    [
        ("02_tokenize", {"top_n": 0}, "parameter top_n of 02_tokenize accepts an integer from 1"),
        ("02_tokenize", {"top_n": "abc"}, "accepts an integer from 1 to 1000; got 'abc'"),
        ("02_tokenize", {"kwic_terms": ["sanctions", ""]}, "kwic_terms of 02_tokenize accepts"),
        ("03_timeline", {"focus_start": "yesterday"}, "focus_start of 03_timeline accepts a date"),
        ("03_timeline", {"focus_start": "2020-02-30"}, "accepts a date YYYY-MM-DD"),
        ("03_timeline", {"anchor_overrides": {"a": "2020-13"}}, "anchor_overrides of 03"),
        ("03_timeline", {"focus_start": "2021-01-01", "focus_end": "2020-01-01"},
         "focus_start must come before focus_end"),
        ("01_ingest", {"max_file_mb": 0}, "max_file_mb of 01_ingest accepts a finite number of MB"),
        ("04_positions", {"summary_sentences": True}, "summary_sentences of 04_positions"),
    ],
)  # fmt: skip
def test_bad_values_give_one_line_naming_the_parameter(notebook, values, message):
    with pytest.raises(ParameterError, match=message) as err:
        check_values(notebook, values)
    assert "\n" not in str(err.value)


def test_good_values_pass_and_a_month_anchor_is_accepted(workspace):
    values = {"anchor_overrides": {"a": "2020-11"}, "root": str(workspace)}
    check_values("03_timeline", {**values, "focus_start": "2014-01-01", "focus_end": "2021-12-31"})
    check_values("01_ingest", {"max_file_mb": 3})


def test_a_named_table_file_must_exist_relative_to_root(workspace):
    with pytest.raises(ParameterError, match=r"actors_file of 04_positions .* is not a file"):
        check_values("04_positions", {"root": str(workspace), "actors_file": "mine.csv"})
    (workspace / "mine.csv").write_text("actor,pattern\n", encoding="utf-8")
    check_values("04_positions", {"root": str(workspace), "actors_file": "mine.csv"})


def test_a_root_without_data_raw_is_refused(tmp_path):
    with pytest.raises(ParameterError, match="parameter root of 01_ingest accepts"):
        check_values("01_ingest", {"root": str(tmp_path)})


def test_an_injected_name_the_notebook_does_not_declare_is_refused():
    history = ["", 'top_n: int = 15  # terms\nroot: str = ""', "# Parameters\ntopn = 5\n"]
    namespace = {"In": history, "top_n": 15, "topn": 5, "root": ""}
    with pytest.raises(ParameterError, match="unknown parameter.s. topn for 02_tokenize"):
        check_notebook_parameters("02_tokenize", namespace)
    history[-1] = "# Parameters\ntop_n = 5\n"
    check_notebook_parameters("02_tokenize", {**namespace, "top_n": 5})


def test_assigned_names_reads_plain_and_annotated_assignments():
    assert assigned_names("a = 1\nb: int = 2\nc.d = 3\nfor e in []: pass") == {"a", "b"}
    assert assigned_names("not python (") == set()


def _papermill(step: str, out, **parameters):
    return papermill.execute_notebook(
        str(STEPS[step].notebook), str(out), parameters=parameters,
        kernel_name="python3", progress_bar=False,
    )  # fmt: skip


@pytest.mark.pipeline
@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"top_n": "abc"}, "ParameterError: parameter top_n of 02_tokenize accepts an integer"),
        ({"topn": 5}, "ParameterError: unknown parameter(s) topn for 02_tokenize"),
    ],
)
def test_plain_papermill_stops_at_the_validation_cell_before_writing(
    workspace, tmp_path, parameters, message
):
    with pytest.raises(PapermillExecutionError) as err:
        _papermill("02_tokenize", tmp_path / "out.ipynb", root=str(workspace), **parameters)
    assert message in str(err.value)
    assert err.value.exec_count == 3  # parameters, injected parameters, validation
    assert not (workspace / "data" / "processed").exists()


@pytest.mark.pipeline
def test_a_notebook_run_before_its_upstream_says_which_to_run_first(workspace, tmp_path):
    with pytest.raises(PapermillExecutionError) as err:
        _papermill("02_tokenize", tmp_path / "out.ipynb", root=str(workspace))
    assert "missing; run 01_ingest first (it writes documents.csv)" in str(err.value)
    assert "Traceback" not in str(err.value)


@pytest.mark.parametrize(
    ("flag", "message"),
    [
        ("top_n=0", "error: parameter top_n of 02_tokenize accepts an integer from 1 to 1000"),
        ("focus_start=yesterday", "error: parameter focus_start of 03_timeline accepts a date"),
        ("top_n=abc", "error: parameter top_n of 02_tokenize expects int, got 'abc'"),
        ("topn=5", "error: unknown parameter(s) topn; valid names:"),
    ],
)
def test_the_runner_refuses_before_any_notebook_runs(workspace, capsys, flag, message):
    assert main(["--root", str(workspace), "-p", flag]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert not (workspace / "data" / "processed").exists()
    assert not (workspace / "build").exists() and not (workspace / "reports").exists()


@pytest.mark.pipeline
def test_papermill_cli_with_an_unknown_name_fails_in_one_line_with_the_named_kernel(
    workspace, tmp_path
):
    """``papermill … -p topn 5`` used to warn and exit 0; the notebook's kernelspec
    (commentary-notebooks, installed by make) runs it."""
    papermill_cli = Path(sys.executable).parent / "papermill"
    notebook = STEPS["02_tokenize"].notebook
    command = [papermill_cli, notebook, tmp_path / "out.ipynb", "-p", "root", str(workspace),
               "-p", "topn", "5", "--no-progress-bar"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 1
    assert "ParameterError: unknown parameter(s) topn for 02_tokenize" in done.stderr
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert executed.metadata.kernelspec.name == KERNEL_NAME
    assert not (workspace / "data" / "processed").exists()
