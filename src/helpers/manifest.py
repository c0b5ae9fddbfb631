"""data/raw/manifest.csv: what an analyst knows that a text doesn't say, and how it merges.

Columns: file (required), title, author, published (YYYY-MM-DD, YYYY-MM or YYYY),
published_note, source, encoding. Every column but ``file`` may be empty or absent.
When the text and the manifest both give a title, author or published date and they
disagree, the manifest wins (it is the analyst's deliberate correction) and the document's
``provenance`` says so; agreement and single sources are recorded there too.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from helpers.dates import PARTIAL_DATE
from helpers.errors import InputError
from helpers.tables import utf8_text

COLUMNS = ("file", "title", "author", "published", "published_note", "source", "encoding")
MERGED_FIELDS = ("title", "author", "published")


def read_manifest(path: Path) -> dict[str, dict]:
    """Rows of the manifest keyed by file name ({} when there is no manifest)."""
    if not path.exists():
        return {}
    try:
        return _read_rows(path, utf8_text(path))
    except csv.Error as err:
        raise InputError(f"{path}: not a readable CSV table ({err}; an unclosed quote?)") from None


def _read_rows(path: Path, text: str) -> dict[str, dict]:
    with io.StringIO(text, newline="") as handle:
        reader = csv.DictReader(handle, strict=True)
        if reader.fieldnames is None or "file" not in reader.fieldnames:
            raise InputError(f"{path}: needs a header row with a 'file' column")
        unknown = sorted(set(reader.fieldnames) - set(COLUMNS))
        if unknown:
            raise InputError(f"{path}: unknown column(s) {unknown}; valid: {list(COLUMNS)}")
        rows: dict[str, dict] = {}
        for row in reader:
            _check_row(path, reader.line_num, row)
            name = row["file"].strip()
            if name in rows:
                raise InputError(f"{path} line {reader.line_num}: {name} is listed twice")
            rows[name] = {k: (v or "").strip() for k, v in row.items() if k}
    return rows


def _check_row(path: Path, line: int, row: dict) -> None:
    if None in row:
        raise InputError(f"{path} line {line}: more values than columns (quote commas)")
    if any("\n" in (value or "") for value in row.values()):
        raise InputError(
            f"{path} line {line}: a quoted value runs past the line end (unclosed quote)"
        )
    name = (row.get("file") or "").strip()
    if not name:
        raise InputError(f"{path} line {line}: empty 'file'")
    published = (row.get("published") or "").strip()
    if published and not _calendar_date(published):
        raise InputError(
            f"{path} line {line}, column published ({name}): {published!r} "
            "is not a calendar date as YYYY-MM-DD, YYYY-MM or YYYY"
        )


def _calendar_date(text: str) -> bool:
    """``text`` matches YYYY-MM-DD, YYYY-MM or YYYY and names a real month and day."""
    if not PARTIAL_DATE.match(text):
        return False
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def check_manifest_files(manifest: dict[str, dict], files: list[Path], path: Path) -> None:
    """Every manifest row must name a file that is there."""
    missing = sorted(set(manifest) - {f.name for f in files})
    if missing:
        raise InputError(f"{path}: names file(s) not in {path.parent}: {', '.join(missing)}")


def merge_metadata(found: dict, manifest_row: dict) -> dict:
    """title, author, published, published_note, source and provenance for documents.csv."""
    merged, notes = {}, []
    for name in MERGED_FIELDS:
        value, note = _merge_field(name, found.get(name, ""), manifest_row.get(name, ""))
        merged[name] = value
        if note:
            notes.append(f"{name}: {note}")
    text_dated = merged["published"] and found.get("published") == merged["published"]
    merged["published_note"] = manifest_row.get("published_note", "") or (
        "dateline in the text" if text_dated else ""
    )
    merged["source"] = manifest_row.get("source", "")
    merged["provenance"] = "; ".join(notes)
    return merged


def _merge_field(name: str, from_text: str, from_manifest: str) -> tuple[str, str]:
    where = "bio or byline" if name == "author" else "text"
    if from_text and from_manifest:
        if from_text == from_manifest:
            return from_text, f"{where}, manifest agrees"
        return from_manifest, f"manifest {from_manifest!r} overrides {where} {from_text!r}"
    if from_text:
        return from_text, where
    if from_manifest:
        return from_manifest, "manifest"
    return "", "unknown"
