"""A second run, from a fresh workspace with the network blocked, gives the same bytes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import make_workspace

GUARD = textwrap.dedent(
    '''
    """Loaded by every Python process of the run: refuses and logs non-loopback connections."""
    import os
    import socket

    LOG = os.environ["NETWORK_GUARD_LOG"]
    LOCAL = ("127.", "::1", "localhost", "0.0.0.0")
    _connect, _connect_ex, _getaddrinfo = (
        socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo)


    def _refuse(what):
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(f"{what}\\n")
        raise OSError(f"network disabled by the offline test: {what}")


    def _outside(sock, address):
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return False
        return not str(address[0]).startswith(LOCAL)


    def connect(self, address):
        return _refuse(address) if _outside(self, address) else _connect(self, address)


    def connect_ex(self, address):
        return _refuse(address) if _outside(self, address) else _connect_ex(self, address)


    def getaddrinfo(host, *args, **kwargs):
        if host is not None and not str(host).startswith(LOCAL):
            _refuse(host)
        return _getaddrinfo(host, *args, **kwargs)


    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    socket.getaddrinfo = getaddrinfo
    '''
)


@pytest.fixture(scope="module")
def offline_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, subprocess.CompletedProcess]:
    root = make_workspace(tmp_path_factory.mktemp("offline"))
    guard = tmp_path_factory.mktemp("guard")
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = guard / "attempts.log"
    env = {**os.environ, "PYTHONPATH": str(guard), "NETWORK_GUARD_LOG": str(log)}
    done = subprocess.run(
        [sys.executable, "-m", "helpers.pipeline", "--root", str(root)],
        env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    return root, log, done


def test_the_pipeline_runs_with_the_network_blocked(offline_run):
    root, log, done = offline_run
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(root / "reports" / "index.html")
    assert not log.exists(), log.read_text()


def test_two_runs_give_byte_identical_tables(pipeline_root, offline_run):
    root = offline_run[0]
    first = sorted((pipeline_root / "data" / "processed").glob("*.csv"))
    assert first
    for path in first:
        again = root / "data" / "processed" / path.name
        assert again.read_bytes() == path.read_bytes(), path.name
    for path in sorted((pipeline_root / "data" / "interim").glob("*.txt")):
        assert (root / "data" / "interim" / path.name).read_bytes() == path.read_bytes()


def test_the_guard_would_catch_a_download(offline_run, tmp_path):
    guard = offline_run[1].parent
    env = {**os.environ, "PYTHONPATH": str(guard), "NETWORK_GUARD_LOG": str(tmp_path / "log")}
    code = "import socket; socket.create_connection(('example.org', 80), timeout=5)"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode != 0
    assert (tmp_path / "log").read_text() == "example.org\n"


def test_two_runs_give_the_same_report_pages_but_for_the_generation_time(
    pipeline_root, offline_run
):
    """Chart ids, Styler ids and cell ids are stable; only the marked footer line and the
    workspace path (the ``root`` parameter, which differs) change between the two runs."""
    root = offline_run[0]
    pages = sorted((pipeline_root / "reports").glob("[0-9]*.html"))
    assert len(pages) == 4

    def comparable(path: Path, workspace: Path) -> list[str]:
        text = path.read_text(encoding="utf-8").replace(str(workspace), "<root>")
        lines = text.splitlines()
        varying = [ln for ln in lines if 'data-varies="generation-time"' in ln]
        assert len(varying) == 1, path.name
        return [ln for ln in lines if ln not in varying]

    for page in pages:
        again = root / "reports" / page.name
        assert comparable(page, pipeline_root) == comparable(again, root), page.name
    for table in sorted((pipeline_root / "reports" / "data").glob("*.csv")):
        assert (root / "reports" / "data" / table.name).read_bytes() == table.read_bytes()
