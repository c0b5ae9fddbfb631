"""The contract tables a report wrote, copied into the site's data/ for readers to download.

data/processed/ stays the machine contract, byte for byte as the notebooks wrote it. The
copies in reports/data/ are for people who open them in a spreadsheet, where a cell starting
with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is run as a formula: article
text is data and may start that way ("-- and then…", "=2+2", "@handle"). Such a cell gets a
leading apostrophe (the OWASP "CSV injection" advice); plain numbers such as ``-0.65`` are
left alone so numeric columns stay numeric.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def neutralise(cell: str) -> str:
    """``cell`` safe for a spreadsheet: an apostrophe before a formula-like start."""
    if cell.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def copy_neutralised(source: Path, dest: Path) -> None:
    """Copy the CSV ``source`` to ``dest`` with every cell passed through ``neutralise``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    # csv refuses cells over 128 KiB by default; no cell is larger than its file
    csv.field_size_limit(max(csv.field_size_limit(), source.stat().st_size))
    partial = dest.with_name(dest.name + ".partial")
    with (
        source.open(newline="", encoding="utf-8") as src,
        partial.open("w", newline="", encoding="utf-8") as out,
    ):
        writer = csv.writer(out, lineterminator="\n")
        for row in csv.reader(src):
            writer.writerow([neutralise(cell) for cell in row])
    partial.replace(dest)


def publish_tables(tables: list[Path], site: Path) -> tuple[str, ...]:
    """Copy each existing CSV of ``tables`` into ``site``/data/; their site-relative links."""
    links = []
    for table in tables:
        if table.suffix.lower() == ".csv" and table.is_file():
            copy_neutralised(table, site / "data" / table.name)
            links.append(f"data/{table.name}")
    return tuple(links)
