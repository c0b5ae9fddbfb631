"""One sentence's actor mentions as plain arrays: the part of a DataFrame the claim rules use.

Claim extraction looks at every sentence's mentions many times (columns, boolean masks,
length); a pandas DataFrame per sentence made that the main cost of positions. A
``MentionTable`` answers the same operations — ``table["actor"]`` (a numpy array),
``table[mask]`` (a boolean numpy array or list), ``len(table)``, ``table.columns`` — so the rules
accept either.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

COLUMNS = ("actor", "s", "e", "group", "kind")


class MentionTable:
    """Columns of equal length as numpy arrays, indexed like a DataFrame's."""

    __slots__ = ("_columns", "columns")

    def __init__(self, columns: Mapping[str, np.ndarray]):
        self._columns = dict(columns)
        self.columns = tuple(self._columns)

    def __getitem__(self, key):
        if isinstance(key, str):
            return self._columns[key]
        mask = np.asarray(key, dtype=bool)
        return MentionTable({name: values[mask] for name, values in self._columns.items()})

    def __len__(self) -> int:
        return len(self._columns["actor"])


def empty_table() -> MentionTable:
    """A table with no mentions."""
    return MentionTable({
        "actor": np.array([], dtype=object), "s": np.array([], dtype=int),
        "e": np.array([], dtype=int), "group": np.array([], dtype=object),
        "kind": np.array([], dtype=object),
    })  # fmt: skip


def tables_by_sentence(local: pd.DataFrame) -> dict[int, MentionTable]:
    """``local`` (columns sent_id and COLUMNS, sentence offsets) split into one table per
    sent_id, rows in their order."""
    if not len(local):
        return {}
    ids = local["sent_id"].to_numpy()
    arrays = {name: local[name].to_numpy(dtype=object if name in ("actor", "group", "kind")
                                         else int) for name in COLUMNS}  # fmt: skip
    out: dict[int, MentionTable] = {}
    for sent_id in dict.fromkeys(ids.tolist()):
        rows = ids == sent_id
        out[sent_id] = MentionTable({name: values[rows] for name, values in arrays.items()})
    return out


Mentions = pd.DataFrame | MentionTable  # what the claim rules accept as a sentence's mentions
