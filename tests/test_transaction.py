"""A run as a transaction: the output snapshot, the site swap, recovery after a kill, the lock."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from helpers.pipeline import main
from helpers.transaction import Busy, Transaction, check_writable, workspace_lock


def _workspace(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A root with a published site, two outputs (a table and a directory) and a run cache."""
    root = tmp_path / "ws"
    (root / "reports").mkdir(parents=True)
    (root / "reports" / "01.html").write_text("old page 01")
    (root / "reports" / "02.html").write_text("old page 02")
    (root / "data" / "interim").mkdir(parents=True)
    (root / "data" / "interim" / "a.txt").write_text("old a")
    (root / "data" / "processed").mkdir()
    (root / "data" / "processed" / "t.csv").write_text("old t\n")
    (root / "build").mkdir()
    (root / "build" / "state.json").write_text('{"01": "old"}\n')
    outputs = [root / "data" / "interim", root / "data" / "processed" / "t.csv"]
    return root, outputs + [root / "build" / "state.json"]


def _rewrite_outputs(root: Path) -> None:
    """What a run's notebooks do: replace files by rename, add and delete some."""
    for name, text in [("data/processed/t.csv", "new t\n"), ("data/interim/b.txt", "new b")]:
        partial = root / (name + ".partial")
        partial.write_text(text)
        partial.replace(root / name)
    (root / "data" / "interim" / "a.txt").unlink()


def _tree(path: Path) -> dict[str, str]:
    return {p.relative_to(path).as_posix(): p.read_text() for p in path.rglob("*") if p.is_file()}


def test_commit_swaps_the_site_in_and_carries_pages_forward(tmp_path):
    root, outputs = _workspace(tmp_path)
    tx = Transaction(root, root / "reports")
    staging = tx.begin(outputs)
    (staging / "02.html").write_text("new page 02")
    _rewrite_outputs(root)
    tx.commit(lambda: (root / "build" / "state.json").write_text('{"01": "new"}\n'))
    assert _tree(root / "reports") == {"01.html": "old page 01", "02.html": "new page 02"}
    assert _tree(root / "data" / "interim") == {"b.txt": "new b"}
    assert not any(p.name.startswith((".reports", ".rollback")) for p in root.rglob(".*"))


def test_rollback_restores_outputs_and_run_cache_and_keeps_the_site(tmp_path):
    root, outputs = _workspace(tmp_path)
    before = _tree(root)
    tx = Transaction(root, root / "reports")
    staging = tx.begin(outputs)
    (staging / "01.html").write_text("half-built")
    _rewrite_outputs(root)
    partial = root / "build" / "state.json.partial"
    partial.write_text("{}")
    partial.replace(root / "build" / "state.json")
    tx.rollback()
    assert _tree(root) == before


def _killed_between_the_renames(tmp_path: Path, committed: bool) -> tuple[Path, Transaction]:
    """The state a kill leaves after reports/ was renamed away and before the new site was
    renamed in (committed: the run cache was saved and the run committed first)."""
    root, outputs = _workspace(tmp_path)
    tx = Transaction(root, root / "reports")
    staging = tx.begin(outputs)
    (staging / "02.html").write_text("new page 02")
    _rewrite_outputs(root)
    staging.rename(tx.ready)
    if committed:
        (root / "build" / "state.json").unlink()
        (root / "build" / "state.json").write_text('{"01": "new"}\n')
        tx.dir.rename(tx.done)
    (root / "reports").rename(tx.previous)
    assert not (root / "reports").exists()
    return root, Transaction(root, root / "reports")


def test_a_kill_before_the_commit_is_rolled_back_on_the_next_start(tmp_path):
    root, tx = _killed_between_the_renames(tmp_path, committed=False)
    notes = tx.recover()
    assert "rolled back" in notes[0]
    assert _tree(root / "reports") == {"01.html": "old page 01", "02.html": "old page 02"}
    assert _tree(root / "data" / "interim") == {"a.txt": "old a"}
    assert (root / "build" / "state.json").read_text() == '{"01": "old"}\n'


def test_a_kill_after_the_commit_finishes_the_swap_on_the_next_start(tmp_path):
    root, tx = _killed_between_the_renames(tmp_path, committed=True)
    assert "swapped in" in tx.recover()[0]
    assert _tree(root / "reports") == {"01.html": "old page 01", "02.html": "new page 02"}
    assert json.loads((root / "build" / "state.json").read_text()) == {"01": "new"}
    assert not tx.previous.exists() and not tx.ready.exists()


def test_a_missing_site_is_restored_from_the_previous_copy(tmp_path):
    root, _ = _workspace(tmp_path)
    tx = Transaction(root, root / "reports")
    (root / "reports").rename(tx.previous)
    assert tx.recover() == [f"{root / 'reports'} restored from .reports.previous"]
    assert (root / "reports" / "01.html").read_text() == "old page 01"


def test_a_second_run_is_told_who_holds_the_lock(workspace, capsys):
    with workspace_lock(workspace / "build"):
        assert main(["--root", str(workspace), "--only", "01_ingest"]) == 75
        with pytest.raises(Busy), workspace_lock(workspace / "build"):
            pass
    err = capsys.readouterr().err.strip()
    pid = (workspace / "build" / ".lock").read_text().strip()
    assert pid == ""  # released: the pid is cleared on exit
    assert err.startswith(f"error: another run is in progress (pid {os.getpid()}; lock ")
    assert err.endswith("wait for it or pass --wait") and "\n" not in err
    assert not (workspace / "reports").exists()


def test_wait_takes_the_lock_once_the_other_run_releases_it(workspace, capsys):
    released = threading.Event()
    holding = threading.Event()

    def other_run():
        with workspace_lock(workspace / "build"):
            holding.set()
            threading.Event().wait(1.0)
            released.set()

    thread = threading.Thread(target=other_run)
    thread.start()
    holding.wait()
    # a dangling link is refused inside the lock (parameters are checked before waiting)
    (workspace / "data" / "raw" / "gone.txt").symlink_to(workspace / "missing.txt")
    code = main(["--root", str(workspace), "--wait"])
    assert released.is_set()  # main returned only after the other run let go
    thread.join()
    assert code == 2
    err = capsys.readouterr().err
    assert "gone.txt" in err and "is a dangling link" in err


def test_the_site_directory_itself_is_probed(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    check_writable(reports)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]  # probes removed
