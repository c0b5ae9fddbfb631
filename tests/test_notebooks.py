"""Notebook hygiene, and every notebook executing with cwd = notebooks/ as JupyterLab would."""

from __future__ import annotations

import nbformat
import papermill
import pytest

from helpers.paths import NOTEBOOKS_DIR
from helpers.plan import load_plan

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs_and_with_a_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert 'root: str = ""' in tagged[0].source
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def test_every_notebook_is_in_the_pipeline():
    assert sorted(s.notebook for s in load_plan()) == NOTEBOOKS


def test_notebooks_run_in_order_from_the_notebooks_directory(workspace, tmp_path):
    for step in load_plan():
        papermill.execute_notebook(
            str(step.notebook),
            str(tmp_path / step.notebook.name),
            parameters={"root": str(workspace)},
            kernel_name="python3",
            progress_bar=False,
            cwd=str(NOTEBOOKS_DIR),
        )
    for step in load_plan():
        for output in step.outputs:
            assert (workspace / output).exists(), (step.name, output)
