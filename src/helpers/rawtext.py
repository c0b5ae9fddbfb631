"""Reading one raw article safely: size limit, binary sniffing, encoding, line endings."""

from __future__ import annotations

import codecs
from pathlib import Path

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


def read_bytes(path: Path, max_mb: float = DEFAULT_MAX_MB) -> bytes:
    """The file's bytes, refusing oversized files before reading them."""
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
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"{path}: not a text file (looks like {kind})")
    text = _decode(data, path, encoding)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _binary_kind(data: bytes) -> str:
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    return "binary data (NUL bytes)" if b"\x00" in data[:8192] else ""


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
