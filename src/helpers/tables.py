"""Reading and writing the contract tables in data/processed/ (UTF-8 CSV, stable, LF)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.errors import InputError


def write_table(table: pd.DataFrame, path: Path) -> None:
    """Write ``table`` as UTF-8 CSV with LF line endings, via a temporary file then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".csv.partial")
    table.to_csv(partial, index=False, lineterminator="\n", encoding="utf-8")
    partial.replace(path)


def read_table(path: Path, required: list[str] | None = None) -> pd.DataFrame:
    """Read a contract table, failing in one line if it is missing or lacks ``required`` columns."""
    if not path.exists():
        raise InputError(f"{path}: missing; run the notebook that writes it first")
    table = pd.read_csv(path, keep_default_na=False, na_values=[""])
    missing = [c for c in required or [] if c not in table.columns]
    if missing:
        raise InputError(f"{path}: missing column(s) {missing}")
    return table
