"""One run as one transaction: the workspace lock, the output snapshot and the site swap.

A run changes three things: the tables and texts its notebooks declare as outputs, the run
cache (build/state.json) and the site (reports/). Before any notebook runs, the runner
hard-links every existing output and the run cache into build/.rollback/ (writers replace
files by rename, so the links keep the old bytes). The site is built in .reports.staging.
On success the staging copy becomes .reports.ready, the run cache is saved, and the run
commits by renaming build/.rollback to build/.rollback.done; only then is reports/ swapped.
On failure, interrupt or a crash, the snapshot is put back and the site is left as it was,
so data/processed/ always holds the tables of the run whose pages reports/ shows.
``recover`` (called under the lock when a run starts) finishes whatever a killed run left:
an uncommitted run is rolled back, a committed one has its swap completed, and a missing
reports/ is restored from .reports.previous.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from helpers.errors import InputError

LOCK_NAME = ".lock"
BUSY_EXIT = 75  # sysexits EX_TEMPFAIL: try again when the other run is done


class Busy(InputError):
    """Another run holds the workspace lock."""


@contextmanager
def workspace_lock(build: Path, wait: bool = False) -> Iterator[None]:
    """Hold build/.lock (fcntl.flock) for the block; ``Busy`` names the holder's pid."""
    build.mkdir(parents=True, exist_ok=True)
    path = build / LOCK_NAME
    with path.open("a+", encoding="utf-8") as handle:
        _acquire(handle, path, wait)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _acquire(handle: IO[str], path: Path, wait: bool) -> None:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        pid = handle.read().strip() or "unknown"
        if wait:
            print(f"note: waiting for the run holding {path} (pid {pid})", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
            return
        raise Busy(
            f"another run is in progress (pid {pid}; lock {path}); wait for it or pass --wait"
        ) from None


class Transaction:
    """The snapshot of one run's outputs (see the module docstring)."""

    def __init__(self, root: Path, reports: Path):
        self.root = root
        self.reports = reports
        self.dir = root / "build" / ".rollback"
        self.done = root / "build" / ".rollback.done"
        self.staging = reports.with_name(f".{reports.name}.staging")
        self.ready = reports.with_name(f".{reports.name}.ready")
        self.previous = reports.with_name(f".{reports.name}.previous")

    def begin(self, outputs: list[Path]) -> Path:
        """Snapshot ``outputs`` (files or directories) and return a fresh staging copy of
        the site (so pages not rebuilt this run are carried forward)."""
        building = self.dir.with_name(".rollback.new")
        shutil.rmtree(building, ignore_errors=True)
        saved: dict[str, list[str]] = {}
        for path in outputs:
            files = [f.relative_to(self.root) for f in _files(path)]
            for rel in files:
                _link(self.root / rel, building / "files" / rel)
            saved[path.relative_to(self.root).as_posix()] = [f.as_posix() for f in files]
        building.mkdir(parents=True, exist_ok=True)
        (building / "outputs.json").write_text(json.dumps(saved, indent=1), encoding="utf-8")
        building.rename(self.dir)
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.reports.is_dir():
            shutil.copytree(self.reports, self.staging, symlinks=True)
        else:
            self.staging.mkdir(parents=True)
        return self.staging

    def commit(self, save_state) -> None:
        """The staged site is complete: save the run cache, commit, swap the site in."""
        self.staging.rename(self.ready)
        save_state()
        self.dir.rename(self.done)
        self._finish_swap()

    def rollback(self) -> None:
        """Put every snapshotted output back, discard the staged site, keep reports/."""
        if self.dir.is_dir():
            _restore(self.root, self.dir)
        for leftover in (self.staging, self.ready):
            shutil.rmtree(leftover, ignore_errors=True)
        if not self.reports.exists() and self.previous.is_dir():
            self.previous.rename(self.reports)
        shutil.rmtree(self.dir, ignore_errors=True)

    def recover(self) -> list[str]:
        """Finish what a killed run left (see the module docstring); what was done, in words."""
        notes = []
        shutil.rmtree(self.dir.with_name(".rollback.new"), ignore_errors=True)
        if self.dir.is_dir():
            self.rollback()
            notes.append("an interrupted run was rolled back (outputs and run cache restored)")
        elif self.done.is_dir():
            self._finish_swap()
            notes.append("the site of an interrupted but complete run was swapped in")
        if not self.reports.exists() and self.previous.is_dir():
            self.previous.rename(self.reports)
            notes.append(f"{self.reports} restored from {self.previous.name}")
        for leftover in (self.staging, self.ready, self.previous):
            shutil.rmtree(leftover, ignore_errors=True)
        return notes

    def _finish_swap(self) -> None:
        if self.ready.is_dir():
            if self.reports.exists():
                shutil.rmtree(self.previous, ignore_errors=True)
                self.reports.rename(self.previous)
            self.ready.rename(self.reports)
        shutil.rmtree(self.previous, ignore_errors=True)
        shutil.rmtree(self.done, ignore_errors=True)


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file())
    return []


def _link(source: Path, dest: Path) -> None:
    """``dest`` holds ``source``'s bytes: a hard link, or a copy where links are refused."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, dest)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copy2(source, dest)


def _restore(root: Path, snapshot: Path) -> None:
    """Each snapshotted output as it was: its files back, files added since removed."""
    saved = json.loads((snapshot / "outputs.json").read_text(encoding="utf-8"))
    for rel, files in saved.items():
        keep = set(files)
        for current in _files(root / rel):
            if current.relative_to(root).as_posix() not in keep:
                current.unlink()
        for name in files:
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(snapshot / "files" / name, target)


def check_writable(reports: Path) -> None:
    """Fail early, in one line, when the site cannot be written: probe reports/ itself (a
    read-only or immutable site) and its parent (where staging and the swap happen)."""
    if reports.exists() and not reports.is_dir():
        raise InputError(f"{reports}: exists and is not a directory; cannot publish the site")
    reports.parent.mkdir(parents=True, exist_ok=True)
    places = [reports.parent, reports] if reports.is_dir() else [reports.parent]
    for place in places:
        probe = place / f".write-test-{os.getpid()}"
        try:
            probe.write_text("")
            probe.unlink()
        except OSError as err:
            raise InputError(
                f"{place}: not writable ({err.strerror}); cannot publish the site"
            ) from None
