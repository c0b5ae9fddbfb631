"""Reading and writing the contract tables in data/processed/ (UTF-8 CSV, stable, LF)."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import yaml

from helpers.contract import BOOLEANS, FLOATS, INTEGERS
from helpers.errors import InputError, one_line
from helpers.paths import PIPELINE_FILE
from helpers.rawtext import decode_utf8


def concat_or_empty(frames: Sequence[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    """``frames`` stacked with a fresh index, or an empty table with ``columns`` if none."""
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def write_table(table: pd.DataFrame, path: Path) -> None:
    """Write ``table`` as UTF-8 CSV with LF line endings, via a temporary file then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".csv.partial")
    try:
        table.to_csv(partial, index=False, lineterminator="\n", encoding="utf-8")
    except OSError as err:  # a full disk: no stray .partial, and the table named
        partial.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write ({err.strerror or err})") from None
    partial.replace(path)


def read_table(path: Path, required: list[str] | None = None) -> pd.DataFrame:
    """Read a contract table with its declared column types (helpers.contract), failing in one
    line if it is missing, lacks ``required`` columns or holds a value of the wrong type."""
    table = _read_text(path, required or [], f"missing; {run_first(path.name)}")
    try:
        return _typed(table, path.stem)
    except (ValueError, TypeError) as err:
        raise InputError(f"{path}: {err}") from None


def run_first(file_name: str) -> str:
    """ "run 01_ingest first (it writes documents.csv)": the pipeline.yml notebook whose
    outputs include data/processed/``file_name``."""
    writer = _writers().get(file_name)
    if writer is None:
        return "run the notebook that writes it first"
    return f"run {writer} first (it writes {file_name})"


@functools.cache
def _writers() -> dict[str, str]:
    """Output file name → the notebook that writes it, from the packaged pipeline.yml."""
    try:
        spec = yaml.safe_load(PIPELINE_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return {
        Path(output).name: str(entry.get("name"))
        for entry in spec.get("notebooks") or []
        for output in entry.get("outputs") or []
    }


def read_reference(path: Path, columns: list[str], what: str) -> pd.DataFrame:
    """A curated reference table (data/reference/*.csv) as text, failing in one line if the file
    is missing or lacks ``columns``; ``what`` names its content in the error."""
    return _read_text(path, columns, f"missing reference table of {what} (file not found)")


def _read_text(path: Path, columns: list[str], absent: str) -> pd.DataFrame:
    """Every cell as text ("" when empty); ``absent`` is the error when the file is missing."""
    if not path.exists():
        raise InputError(f"{path}: {absent}")
    try:
        table = pd.read_csv(io.StringIO(utf8_text(path)), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise InputError(f"{path}: not a readable CSV table ({one_line(err)})") from None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise InputError(f"{path}: missing column(s) {missing}")
    return table


def utf8_text(path: Path) -> str:
    """A small UTF-8 table's text (BOM allowed); a one-line error naming the bad byte."""
    return decode_utf8(path.read_bytes(), path, "save it as UTF-8")


def _typed(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """Integer (nullable only where a cell is empty), float and boolean columns converted;
    the rest stays text."""
    present = [c for c in INTEGERS.get(name, []) if c in table.columns]
    for column in present:
        values = pd.to_numeric(table[column].replace("", None))
        table[column] = values.astype("Int64" if values.isna().any() else "int64")
    for column in (c for c in FLOATS.get(name, []) if c in table.columns):
        table[column] = pd.to_numeric(table[column].replace("", None)).astype(float)
    for column in (c for c in BOOLEANS.get(name, []) if c in table.columns):
        values = table[column].map({"True": True, "False": False})
        if values.isna().any():
            raise ValueError(f"column {column} holds a value other than True/False")
        table[column] = values.astype(bool)
    return table
