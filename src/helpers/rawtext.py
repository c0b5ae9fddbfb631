"""Reading raw articles safely: which files, size limit, binary sniffing, encoding, line endings."""

from __future__ import annotations

import codecs
import math
import os
from pathlib import Path

from helpers.digest import file_digest
from helpers.errors import InputError

DEFAULT_MAX_MB = 10.0
"""Articles larger than this are refused (a long op-ed is ~50 kB); the ingest notebook's
``max_file_mb`` parameter changes it."""

BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (e.g. .docx)",
}


UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
WIDE_ENCODINGS = ("utf-16", "utf_16", "utf16", "utf-32", "utf_32", "utf32")


def raw_files(raw_dir: Path) -> list[Path]:
    """The .txt articles in ``raw_dir`` (any case of .txt), sorted; an error when there are
    none, and for any symbolic link (it could publish a file from anywhere) or non-file."""
    if not raw_dir.is_dir():
        raise InputError(f"{raw_dir}: the raw data directory does not exist")
    candidates = sorted(p for p in raw_dir.iterdir() if p.suffix.lower() == ".txt")
    for path in [*candidates, raw_dir / "manifest.csv"]:
        _check_regular(path)
    if not candidates:
        raise InputError(f"{raw_dir}: holds no .txt article")
    return candidates


def _check_regular(path: Path) -> None:
    if path.is_symlink():
        target = os.readlink(path)
        try:
            path.resolve(strict=True)
            state = f"points to {target}"
        except RuntimeError:
            state = f"is a symbolic link loop ({target})"
        except OSError:
            state = f"is a dangling link (to {target})"
        raise InputError(
            f"{path}: a symbolic link, refused ({state}); copy the file into {path.parent}"
        )
    if path.exists() and not path.is_file():
        raise InputError(f"{path}: not a regular file")


def duplicate_files(files: list[Path]) -> list[tuple[Path, Path]]:
    """Pairs (first file, later file) whose bytes are identical, in ``files`` order."""
    first: dict[str, Path] = {}
    pairs = []
    for path in files:
        digest = file_digest(path)
        if digest in first:
            pairs.append((first[digest], path))
        else:
            first[digest] = path
    return pairs


def check_max_mb(value: object, where: str = "max_file_mb") -> float:
    """``value`` as a finite positive number of MB, or a one-line error naming ``where``."""
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if number is None or not math.isfinite(number) or number <= 0:
        raise InputError(f"{where}: {value!r} is not a finite positive number of MB")
    return float(number)


def read_bytes(path: Path, max_mb: float = DEFAULT_MAX_MB) -> bytes:
    """The file's bytes, refusing oversized files before reading them."""
    max_mb = check_max_mb(max_mb)
    size = path.stat().st_size
    if size > max_mb * 1_000_000:
        raise InputError(
            f"{path}: {size / 1e6:.1f} MB is over the {max_mb:g} MB limit for one article "
            "(raise max_file_mb in pipeline.yml or with -p max_file_mb=N)"
        )
    return path.read_bytes()


def decode(data: bytes, path: Path, encoding: str = "") -> str:
    """Decode ``data`` as UTF-8 (BOM allowed) or the manifest's ``encoding``; LF line endings."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    wide = encoding.strip().lower().startswith(WIDE_ENCODINGS)
    if not wide:
        _check_not_binary(data, path)
    text = _decode(data, path, encoding)
    if "\x00" in text:
        raise InputError(f"{path}: holds NUL characters once decoded as {encoding}; not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_not_binary(data: bytes, path: Path) -> None:
    """Refuse known binary formats and NUL bytes anywhere (``in`` scans at C speed); UTF-16
    text, by its byte-order mark or its NUL pattern, gets advice instead of "binary"."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"{path}: not a text file (looks like {kind})")
    nul = data.find(b"\x00")
    if nul < 0:
        return
    if data.startswith(UTF16_BOMS) or _looks_utf16(data):
        raise InputError(
            f"{path}: looks like UTF-16 text; name encoding utf-16 for it in the encoding "
            "column of data/raw/manifest.csv"
        )
    raise InputError(f"{path}: not a text file (NUL byte at offset {nul})")


def _looks_utf16(data: bytes) -> bool:
    """BOM-less UTF-16 of mostly ASCII text: NULs at every other byte of the first 1000."""
    head = data[:1000]
    return len(head) >= 4 and any(head[i::2].count(0) > 0.9 * len(head[i::2]) for i in (0, 1))


def _decode(data: bytes, path: Path, encoding: str) -> str:
    if encoding:
        try:
            codecs.lookup(encoding)
            return data.decode(encoding)
        except LookupError:
            raise InputError(
                f"{path}: unknown encoding {encoding!r} in data/raw/manifest.csv"
            ) from None
        except UnicodeDecodeError as err:
            raise InputError(
                f"{path}: byte 0x{data[err.start]:02x} at offset {err.start} is not valid "
                f"{encoding} (the encoding data/raw/manifest.csv names)"
            ) from None
    return decode_utf8(
        data,
        path,
        "name the file's encoding (e.g. cp1252) in the encoding column of data/raw/manifest.csv",
    )


def decode_utf8(data: bytes, path: Path, advice: str) -> str:
    """``data`` as UTF-8 (BOM allowed); else a one-line error naming the byte, then ``advice``."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: byte 0x{data[err.start]:02x} at offset {err.start} is not UTF-8; {advice}"
        ) from None
