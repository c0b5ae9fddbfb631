"""The adversarial cases of issue 12, each reproduced: mixed sites, links out of data/raw,
kills mid-swap, Ctrl-C, unreadable files, full disks and validation gaps."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.corpus import ingest_corpus
from helpers.errors import InputError
from helpers.paths import REPO_ROOT
from helpers.pipeline import main
from helpers.transaction import Transaction
from tests.test_reliability import error_lines, site_digest

ZEBRA = "Zebra Article\n\nWashington should impose sanctions on North Korea in 2019. China must help Zanzibar.\n"  # noqa: E501
PAGES = ["01_ingest.html", "02_tokenize.html", "03_timeline.html", "04_positions.html"]


def summary_lines(err: str) -> dict[str, str]:
    """The runner's one line per notebook: name → "ran", "unchanged, skipped" or "FAILED"."""
    marks = ("ran", "unchanged, skipped", "FAILED")
    lines = {}
    for line in err.splitlines():
        words = line.split()
        for mark in marks:
            if words and words[0][:2].isdigit() and " ".join(words[1:]).startswith(mark):
                lines[words[0]] = mark
    return lines


@pytest.mark.slow
def test_a_failed_run_then_a_fixed_run_publishes_one_corpus(pipeline_root, tmp_path, capsys):
    """Issue 12 case 1, as reported: the fixed run must not skip pages of the old corpus."""
    workspace = tmp_path / "ws"
    shutil.copytree(pipeline_root, workspace, symlinks=True)
    processed = workspace / "data" / "processed"
    tables = {p.name: p.read_bytes() for p in processed.glob("*.csv")}
    (workspace / "data" / "raw" / "zz.txt").write_text(ZEBRA)
    # the issue failed 03 with focus_start=notadate, which the parameter check now refuses
    # before anything runs; a malformed events table still fails 03 after 01 and 02 ran
    (workspace / "bad_events.csv").write_text("event_id,label\nx,X\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(workspace), "-p", "events_file=bad_events.csv"]) == 1
    assert {p.name: p.read_bytes() for p in processed.glob("*.csv")} == tables  # rolled back
    assert len(error_lines(capsys)) == 1  # one error: line per failure, not two
    assert main(["--root", str(workspace)]) == 0
    assert set(summary_lines(capsys.readouterr().err).values()) == {"ran"}
    for page in PAGES:
        assert "zz" in (workspace / "reports" / page).read_text(encoding="utf-8"), page
    assert "zz" in (processed / "positions.csv").read_text(encoding="utf-8")


def test_a_skip_needs_the_page_that_run_rendered(pipeline_root, tmp_path, capsys):
    root = tmp_path / "ws"
    shutil.copytree(pipeline_root, root, symlinks=True)
    assert main(["--root", str(root), "--only", "01_ingest"]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "--only", "01_ingest"]) == 0
    assert summary_lines(capsys.readouterr().err) == {"01_ingest": "unchanged, skipped"}
    (root / "reports" / "01_ingest.html").write_text("<p>a page from another run</p>")
    assert main(["--root", str(root), "--only", "01_ingest"]) == 0
    assert summary_lines(capsys.readouterr().err) == {"01_ingest": "ran"}


def test_a_kill_between_the_renames_is_recovered_and_only_keeps_every_page(
    pipeline_root, tmp_path, capsys
):
    """Case 4: no reports/ after a kill mid-swap; the next --only run restores the site and
    carries the other pages forward instead of publishing a one-page site."""
    root = tmp_path / "ws"
    shutil.copytree(pipeline_root, root, symlinks=True)
    pages = {p: (root / "reports" / p).read_bytes() for p in PAGES}
    tx = Transaction(root, root / "reports")
    staging = tx.begin([root / "data" / "interim"])
    staging.rename(tx.ready)  # the new site is complete, the run not committed ...
    (root / "reports").rename(tx.previous)  # ... and the kill comes after the first rename
    assert main(["--root", str(root), "--only", "02_tokenize", "--force"]) == 0
    assert "note: an interrupted run was rolled back" in capsys.readouterr().err
    for page in PAGES:
        assert (root / "reports" / page).exists(), page
    assert (root / "reports" / "01_ingest.html").read_bytes() == pages["01_ingest.html"]
    assert 'href="04_positions.html"' in (root / "reports" / "index.html").read_text()


@pytest.mark.parametrize("kind", ["outside", "loop", "dangling", "inside"])
def test_a_symbolic_link_in_raw_is_refused_and_named(workspace, tmp_path, capsys, kind):
    raw = workspace / "data" / "raw"
    secret = tmp_path / "secret.txt"
    secret.write_text("The launch codes are in the drawer.\n")
    link = raw / "leak.txt"
    target = {
        "outside": secret,
        "loop": raw / "leak.txt",
        "dangling": tmp_path / "gone.txt",
        "inside": raw / "nk-china-help.txt",
    }[kind]
    link.symlink_to(target)
    expected = {
        "outside": f"points to {secret}",
        "loop": "is a symbolic link loop",
        "dangling": "is a dangling link",
        "inside": "points to",
    }[kind]
    with pytest.raises(InputError, match=f"leak.txt: a symbolic link, refused \\({expected}"):
        ingest_corpus(raw)
    assert main(["--root", str(workspace)]) == 2
    lines = error_lines(capsys)
    assert len(lines) == 1 and f"{link}: a symbolic link, refused" in lines[0]
    assert not (workspace / "data" / "processed").exists()  # refused before anything ran
    assert not (workspace / "reports").exists()


SLEEPER_PLAN = """notebooks:
  - name: 01_sleep
    notebook: {notebook}
    inputs: [data/raw]
    outputs: [data/processed/sleep.csv]
"""


def _as_at_a_terminal() -> None:
    """SIGINT delivered as at a terminal: a shell without job control starts background
    commands with it ignored, and a process inherits that (so would the runner here)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _sleeper(root: Path) -> Path:
    """A pipeline file whose one notebook records its kernel's pid, then sleeps."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('root: str = ""  # workspace root')
    params.metadata["tags"] = ["parameters"]
    body = (
        "import os, time, pathlib\n"
        "pathlib.Path(root, 'kernel.pid').write_text(str(os.getpid()))\n"
        "time.sleep(300)"
    )
    nb.cells = [params, nbformat.v4.new_code_cell(body)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nb.metadata["language_info"] = {"name": "python"}
    notebook = root / "sleep.ipynb"
    nbformat.write(nb, notebook)
    plan = root / "pipeline.yml"
    plan.write_text(SLEEPER_PLAN.format(notebook=notebook))
    return plan


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "code", "name"), [(2, 130, "SIGINT"), (15, 143, "SIGTERM")])
def test_a_signal_stops_the_kernels_and_keeps_the_site(workspace, signum, code, name):
    """Case 5: the kernel sits in another process group; the signal must still stop it."""
    plan = _sleeper(workspace)
    (workspace / "reports").mkdir()
    (workspace / "reports" / "index.html").write_text("the last good site")
    runner = subprocess.Popen(
        [sys.executable, "-m", "helpers.pipeline", "--root", str(workspace), "--pipeline",
         str(plan)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT,
        preexec_fn=_as_at_a_terminal,
    )  # fmt: skip
    pid_file = workspace / "kernel.pid"
    for _ in range(1800):  # a kernel may take minutes to start on a busy 2-core machine
        if pid_file.exists() and pid_file.read_text() or runner.poll() is not None:
            break
        time.sleep(0.1)
    assert runner.poll() is None, runner.communicate()[1]
    kernel = int(pid_file.read_text())
    runner.send_signal(signum)
    _, err = runner.communicate(timeout=60)
    assert runner.returncode == code, err
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert lines == [
        f"error: stopped by {name}: kernels killed, outputs rolled back, "
        f"{workspace / 'reports'} left as it was"
    ]
    for _ in range(50):
        if not _alive(kernel):
            break
        time.sleep(0.1)
    assert not _alive(kernel)
    assert (workspace / "reports" / "index.html").read_text() == "the last good site"
    assert not (workspace / ".reports.staging").exists()
    assert not (workspace / "build" / ".rollback").exists()


def _as_a_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """The runner as an ordinary user: root drops the capabilities that ignore file modes."""
    prefix = []
    if os.geteuid() == 0:
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    command = [*prefix, sys.executable, "-m", "helpers.pipeline", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="needs setpriv")
def test_an_unreadable_raw_file_is_one_line_before_anything_runs(workspace):
    secret = workspace / "data" / "raw" / "locked.txt"
    secret.write_text("A body sentence.\n")
    secret.chmod(0)
    done = _as_a_user(["--root", str(workspace)], REPO_ROOT)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == f"error: {secret}: cannot read (Permission denied)"
    assert not (workspace / "build" / "executed").exists()


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="needs setpriv")
@pytest.mark.parametrize("where", ["reports", "root"])
def test_a_read_only_site_is_refused_before_anything_runs(workspace, where):
    reports = workspace / "reports"
    reports.mkdir()
    (workspace / "build").mkdir()
    (reports if where == "reports" else workspace).chmod(0o555)
    try:
        done = _as_a_user(["--root", str(workspace)], REPO_ROOT)
    finally:
        (reports if where == "reports" else workspace).chmod(0o755)
    place = reports if where == "reports" else workspace
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (
        f"error: {place}: not writable (Permission denied); cannot publish the site"
    )
    assert not (workspace / "build" / "executed").exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_under_a_table_is_one_line_and_leaves_no_partial(
    pipeline_root, tmp_path, capsys
):
    root = tmp_path / "ws"
    shutil.copytree(pipeline_root, root, symlinks=True)
    partial = root / "data" / "processed" / "textstats.csv.partial"
    partial.symlink_to("/dev/full")  # every write to it fails with ENOSPC
    before = site_digest(root / "reports")
    tables = (root / "data" / "processed" / "tokens.csv").read_bytes()
    assert main(["--root", str(root), "--only", "02_tokenize", "--force"]) == 1
    lines = error_lines(capsys)
    table = root / "data" / "processed" / "textstats.csv"
    assert len(lines) == 1 and f"{table}: cannot write (No space left on device)" in lines[0]
    assert not partial.exists() and not partial.is_symlink()
    assert site_digest(root / "reports") == before
    assert (root / "data" / "processed" / "tokens.csv").read_bytes() == tables


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_under_the_executed_notebook_is_one_line(pipeline_root, tmp_path, capsys):
    root = tmp_path / "ws"
    shutil.copytree(pipeline_root, root, symlinks=True)
    executed = root / "build" / "executed" / "01_ingest.ipynb"
    executed.unlink()
    executed.symlink_to("/dev/full")
    assert main(["--root", str(root), "--only", "01_ingest", "--force"]) == 1
    assert error_lines(capsys) == [
        f"error: 01_ingest: cannot write {executed}: No space left on device"
    ]
    assert not executed.exists() and not executed.is_symlink()  # no truncated notebook


@pytest.mark.parametrize("value", [".nan", ".inf", "-1", "0"])
def test_the_size_limit_must_be_a_finite_positive_number(workspace, capsys, value):
    assert main(["--root", str(workspace), "-p", f"max_file_mb={value}"]) == 2
    lines = error_lines(capsys)
    assert len(lines) == 1
    assert lines[0].startswith(
        "error: parameter max_file_mb of 01_ingest accepts a finite number of MB above 0; got "
    )
    with pytest.raises(InputError, match="not a finite positive number"):
        ingest_corpus(workspace / "data" / "raw", max_mb=float(value.replace(".", "")))


def test_a_nul_byte_anywhere_is_refused(tmp_path):
    (tmp_path / "late.txt").write_bytes(b"A body sentence. " * 1000 + b"\x00 and more text.\n")
    with pytest.raises(InputError, match=r"late\.txt: not a text file \(NUL byte at offset 17000"):
        ingest_corpus(tmp_path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_gets_advice_and_is_read_when_the_manifest_names_it(tmp_path, encoding):
    text = "Washington should press Beijing on sanctions.\n"
    (tmp_path / "wide.txt").write_bytes(text.encode(encoding))
    with pytest.raises(InputError, match=r"wide\.txt: looks like UTF-16 text; name encoding"):
        ingest_corpus(tmp_path)
    (tmp_path / "manifest.csv").write_text(f"file,encoding\nwide.txt,{encoding}\n")
    assert ingest_corpus(tmp_path).texts["wide"] == text


def test_duplicate_content_under_two_names_is_warned(workspace, capsys):
    raw = workspace / "data" / "raw"
    shutil.copyfile(raw / "nk-china-help.txt", raw / "copy-of-help.txt")
    assert main(["--root", str(workspace), "--only", "01_ingest"]) == 0
    warnings = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("warning:")]
    assert warnings == [
        f"warning: {raw / 'copy-of-help.txt'} and nk-china-help.txt have the same content; "
        "both are analysed as separate articles"
    ]


def test_importing_the_runner_loads_no_notebook_machinery():
    """A no-op run must not pay for papermill, nbconvert, nbformat or pandas imports."""
    probe = (
        "import sys, helpers.pipeline; "
        "print(sorted(m for m in ('papermill', 'nbconvert', 'nbformat', 'pandas', 'jupyter_client')"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
