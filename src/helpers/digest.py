"""Content hashes of files and directory trees (the run cache's keys, the corpus fingerprint)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from helpers.errors import InputError


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes; "" when it is not there."""
    if not path.is_file():
        return ""
    return hashlib.sha256(_read(path)).hexdigest()


def tree_digest(path: Path) -> str:
    """SHA-256 over a file, or over every file under a directory (names and contents)."""
    digest = hashlib.sha256()
    if path.is_file():
        digest.update(_read(path))
    elif path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file() and _tracked(p)):
            digest.update(file.relative_to(path).as_posix().encode())
            digest.update(_read(file))
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None


def _tracked(path: Path) -> bool:
    return "__pycache__" not in path.parts and not path.name.endswith(".partial")
