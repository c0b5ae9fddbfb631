"""Reading and writing the contract tables in data/processed/ (UTF-8 CSV, stable, LF)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.contract import BOOLEANS, FLOATS, INTEGERS
from helpers.errors import InputError


def write_table(table: pd.DataFrame, path: Path) -> None:
    """Write ``table`` as UTF-8 CSV with LF line endings, via a temporary file then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".csv.partial")
    table.to_csv(partial, index=False, lineterminator="\n", encoding="utf-8")
    partial.replace(path)


def read_table(path: Path, required: list[str] | None = None) -> pd.DataFrame:
    """Read a contract table with its declared column types (helpers.contract), failing in one
    line if it is missing, lacks ``required`` columns or holds a value of the wrong type."""
    if not path.exists():
        raise InputError(f"{path}: missing; run the notebook that writes it first")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in required or [] if c not in table.columns]
    if missing:
        raise InputError(f"{path}: missing column(s) {missing}")
    try:
        return _typed(table, path.stem)
    except (ValueError, TypeError) as err:
        raise InputError(f"{path}: {err}") from None


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
