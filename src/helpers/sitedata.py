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
import io
import re
import shutil
from pathlib import Path

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def neutralise(cell: str) -> str:
    """``cell`` safe for a spreadsheet: an apostrophe before a formula-like start."""
    if cell.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


FIELD_START = re.compile(r'[,\n]"?[=+\-@\t\r]')  # where a formula cell may open (or at 0)


def copy_neutralised(source: Path, dest: Path) -> None:
    """Copy the CSV ``source`` to ``dest`` with every cell passed through ``neutralise``.

    Only the records that may hold a formula-like cell are parsed and rewritten (the writer
    quotes as pandas does, so the other records are kept byte for byte); a file where such a
    record spans lines is rewritten whole."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    text = source.read_text(encoding="utf-8")
    # csv refuses cells over 128 KiB by default; no cell is larger than its file
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    if not (FIELD_START.search(text) or FIELD_START.match("\n" + text[:2])):
        shutil.copyfile(source, partial)
    else:
        fixed = _rewrite_lines(text)
        with partial.open("w", newline="", encoding="utf-8") as out:
            if fixed is None:
                _rewrite_all(text, out)
            else:
                out.write(fixed)
    partial.replace(dest)


def _rewrite_lines(text: str) -> str | None:
    """``text`` with each single-line record that may hold a formula cell rewritten; None
    when such a record is not a whole line (a quoted cell spans lines)."""
    found = FIELD_START.finditer(text)
    starts = sorted({0, *(text.rfind("\n", 0, m.end() - 1) + 1 for m in found)})
    pieces, done, odd = [], 0, False  # odd: inside a quoted cell at ``done``
    for start in starts:
        if start < done:
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        odd ^= bool(text.count('"', done, start) % 2)
        line = text[start:end]
        if odd or line.count('"') % 2:
            return None
        pieces += [text[done:start], _neutralised_line(line)]
        done = end
    return "".join([*pieces, text[done:]])


def _neutralised_line(line: str) -> str:
    row = next(csv.reader([line]))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


def _rewrite_all(text: str, out) -> None:
    writer = csv.writer(out, lineterminator="\n")
    for row in csv.reader(io.StringIO(text, newline="")):
        writer.writerow([neutralise(cell) for cell in row])


def publish_tables(tables: list[Path], site: Path) -> tuple[str, ...]:
    """Copy each existing CSV of ``tables`` into ``site``/data/; their site-relative links."""
    links = []
    for table in tables:
        if table.suffix.lower() == ".csv" and table.is_file():
            copy_neutralised(table, site / "data" / table.name)
            links.append(f"data/{table.name}")
    return tuple(links)
