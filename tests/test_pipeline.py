"""The whole pipeline on the seeds, in a temporary workspace: tables, reports, failures."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
from plotly.offline import get_plotlyjs_version

from helpers.contract import CONTRACT, missing_columns
from helpers.pipeline import main, run
from helpers.plan import load_plan
from tests.conftest import make_workspace

STEPS = load_plan()


def read(root: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(root / "data" / "processed" / f"{name}.csv", keep_default_na=False)


def test_every_contract_table_written_has_its_columns(pipeline_root):
    written = sorted(p.stem for p in (pipeline_root / "data" / "processed").glob("*.csv"))
    assert {"documents", "paragraphs"} <= set(written)
    for name in written:
        if name in CONTRACT:
            assert missing_columns(name, read(pipeline_root, name)) == [], name


def test_documents_and_paragraphs_on_the_seeds(pipeline_root):
    documents = read(pipeline_root, "documents").set_index("doc_id")
    assert documents.loc["nk-china-help", "published"] == "2020-11-19"
    assert documents.loc["nk-china-help", "n_paragraphs"] == 17
    assert documents.loc["nk-proliferation-deal", "n_paragraphs"] == 12
    paragraphs = read(pipeline_root, "paragraphs")
    assert len(paragraphs) == 22 + 12
    assert paragraphs["dropped"].sum() == 5
    text = (pipeline_root / "data" / "interim" / "nk-china-help.txt").read_text(encoding="utf-8")
    kept = paragraphs[(paragraphs["doc_id"] == "nk-china-help") & ~paragraphs["dropped"]]
    assert all(text[int(r.start) : int(r.end)] == r.text for r in kept.itertuples())


def test_every_report_is_published_with_rendered_chart_data(pipeline_root):
    reports = pipeline_root / "reports"
    index = (reports / "index.html").read_text(encoding="utf-8")
    for step in STEPS:
        page = (reports / f"{step.name}.html").read_text(encoding="utf-8")
        assert f'href="{step.name}.html"' in index
        assert "Plotly.newPlot" in page, step.name
        assert '<script defer="" src="assets/plotly-cartesian.min.js"></script>' in page
        assert page.count("Plotly.newPlot(") == page.count('<script type="module">'), step.name
        assert not re.search(r"<script[^>]+src=\"https?://", page), step.name
        assert 'href="index.html"' in page
    bundle = (reports / "assets" / "plotly-cartesian.min.js").read_text(encoding="utf-8")
    assert f"v{get_plotlyjs_version()}\n" in bundle[:200]  # the plotly.js plotly.py was made for
    assert (reports / "assets" / "plotly-cartesian.LICENSE").exists()
    assert not (reports / "assets" / "plotly.min.js").exists()


def test_ingest_report_shows_the_paragraph_chart_data(pipeline_root):
    page = (pipeline_root / "reports" / "01_ingest.html").read_text(encoding="utf-8")
    assert "Paragraph lengths along each article" in page
    assert "nk-proliferation-deal" in page
    assert "ingest_corpus(paths.raw" not in page  # code hidden


def test_a_failing_cell_stops_the_run_and_keeps_the_last_site(workspace, capsys):
    assert run(root=str(workspace), only=["01_ingest"]) == 0
    good_index = (workspace / "reports" / "index.html").read_bytes()
    (workspace / "data" / "raw" / "empty.txt").write_text("")
    assert main(["--root", str(workspace), "--only", "01_ingest", "--force"]) == 1
    err = capsys.readouterr().err
    line = next(ln for ln in err.splitlines() if "failed in cell" in ln)
    assert line.startswith("error: 01_ingest failed in cell 5 (corpus = ingest_corpus(")
    assert "InputError" in line and "empty.txt: the file is empty" in line
    assert "build/executed/01_ingest.ipynb" in line
    assert (workspace / "build" / "executed" / "01_ingest.ipynb").exists()
    assert (workspace / "reports" / "index.html").read_bytes() == good_index


def test_an_unknown_parameter_is_refused_with_the_valid_names(workspace, capsys):
    assert main(["--root", str(workspace), "-p", "max_file_mbb=3"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: unknown parameter(s) max_file_mbb; valid names: ")
    assert "max_file_mb" in err and "\n" not in err


def summary_status(err: str, name: str) -> str:
    """The status word of the runner's one-line summary for ``name`` (progress bars aside)."""
    return re.search(rf"^{name}\s+(ran|unchanged|FAILED)", err.replace("\r", "\n"), re.M)[1]


def test_unchanged_notebooks_are_skipped_until_an_input_changes(workspace, capsys):
    args = ["--root", str(workspace), "--only", "01_ingest"]
    assert main(args) == 0
    assert summary_status(capsys.readouterr().err, "01_ingest") == "ran"
    assert main(args) == 0
    assert summary_status(capsys.readouterr().err, "01_ingest") == "unchanged"
    assert main([*args, "--force"]) == 0
    assert summary_status(capsys.readouterr().err, "01_ingest") == "ran"
    assert main([*args, "-p", "max_file_mb=5"]) == 0
    assert summary_status(capsys.readouterr().err, "01_ingest") == "ran"
    (workspace / "data" / "interim" / "nk-china-help.txt").unlink()  # an output changed
    assert main([*args, "-p", "max_file_mb=5"]) == 0
    assert summary_status(capsys.readouterr().err, "01_ingest") == "ran"
    assert (workspace / "data" / "interim" / "nk-china-help.txt").exists()
    with (workspace / "data" / "raw" / "nk-china-help.txt").open("a") as handle:
        handle.write("\n\nOne more paragraph.\n")
    assert main([*args, "-p", "max_file_mb=5"]) == 0
    assert summary_status(capsys.readouterr().err, "01_ingest") == "ran"


def test_the_index_records_parameters_status_and_fingerprint(pipeline_root):
    index = (pipeline_root / "reports" / "index.html").read_text(encoding="utf-8")
    assert "Corpus fingerprint <code>" in index
    assert "<code>max_file_mb=10.0</code>" in index
    assert index.count('class="status-ok"') == len(STEPS)


def test_charts_carry_the_plotly_mimetype_for_jupyterlab_and_html_for_reports(pipeline_root):
    for step in STEPS:
        nb = nbformat.read(pipeline_root / "build" / "executed" / f"{step.name}.ipynb", 4)
        bundles = [o.data for c in nb.cells if c.cell_type == "code" for o in c.outputs
                   if o.output_type in ("display_data", "execute_result")]  # fmt: skip
        charts = [b for b in bundles if "application/vnd.plotly.v1+json" in b]
        assert charts, step.name
        assert all("Plotly.newPlot" in b["text/html"] for b in charts), step.name


NEW_ARTICLE = """Seoul Should Lead the Next Round

March 3, 2021 Topic: Korea Region: Asia Blog Brand: Example Desk Tags: South KoreaDiplomacy

In 2019 the Hanoi summit collapsed without an agreement. Seoul should propose a new round of
negotiations with Pyongyang. Washington must not tighten sanctions further.

Two years ago the talks stalled, and nothing has moved since.

Jane Roe is a Visiting Fellow at the Example Institute.
"""


def test_a_new_article_flows_through_every_notebook(tmp_path):
    root = make_workspace(tmp_path / "ws")
    (root / "data" / "raw" / "seoul-should-lead.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    assert run(root=str(root)) == 0
    doc = "seoul-should-lead"
    documents = read(root, "documents").set_index("doc_id")
    assert documents.loc[doc, ["published", "author", "tags"]].tolist() == [
        "2021-03-03", "Jane Roe", "South Korea;Diplomacy",
    ]  # fmt: skip
    for name in ("sentences", "tokens", "textstats", "mentions", "summaries"):
        assert (read(root, name)["doc_id"] == doc).any(), name
    timeline = read(root, "timeline")
    found = timeline[timeline["doc_id"] == doc].set_index("expression")
    assert found.loc["2019", ["start", "end"]].tolist() == ["2019-01-01", "2019-12-31"]
    assert found.loc["Two years ago", ["start", "end"]].tolist() == ["2019-01-01", "2019-12-31"]
    positions = read(root, "positions")
    ours = positions[positions["doc_id"] == doc]
    assert {("South Korea", "support"), ("United States", "oppose")} <= set(
        zip(ours["actor"], ours["stance"], strict=True)
    )
    assert doc in (root / "reports" / "03_timeline.html").read_text(encoding="utf-8")
