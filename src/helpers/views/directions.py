"""Direction on the lever, aggregated: the matrices and comparisons of notebook 04.

A claim row's *class* is the change it wants: "conditional" when its stance is conditional,
else its direction (more, less, none). A cell (who × lever, or lever × group) shows the
counts per class ("2↑ 1↓ 1c") and is coloured by the class most of its claims have ("mixed"
on a tie). Charts keep the ``MAX_ROWS`` busiest rows and ``MAX_LEVERS`` levers, so their size
does not grow with the corpus; every cell's hover quotes up to ``MAX_QUOTES`` sentences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from helpers.positions import OTHER
from helpers.views.plotting import HOVER, empty_figure, plain_label, wrap_html

CLASSES = ["more", "less", "conditional", "none", "mixed"]
CLASS_LABELS = {
    "more": "more (wants the lever increased or kept)",
    "less": "less (wants it reduced or ended)",
    "conditional": "conditional (on a condition)",
    "none": "no change named",
    "mixed": "mixed (a tie)",
}
CLASS_COLOURS = {"more": "#2166ac", "less": "#e08214", "conditional": "#8073ac",
                 "none": "#d9d9d9", "mixed": "#f7f7f7"}  # fmt: skip
MARKS = {"more": "↑", "less": "↓", "conditional": "c", "none": "·"}
MAX_ROWS = 15
MAX_LEVERS = 15
MAX_QUOTES = 4
AUTHOR_VOICES = ("author",)
REPORTED_VOICES = ("reported", "quoted")


def with_class(positions: pd.DataFrame) -> pd.DataFrame:
    """``positions`` with a ``change`` column: conditional, more, less or none."""
    change = positions["direction"].where(positions["stance"] != "conditional", "conditional")
    return positions.assign(change=change)


def majority(classes: Iterable[str]) -> str:
    """The class most rows have, "mixed" on a tie."""
    counts = Counter(classes).most_common(2)
    return counts[0][0] if len(counts) == 1 or counts[0][1] > counts[1][1] else "mixed"


def counts_label(classes: Iterable[str]) -> str:
    """ "2↑ 1↓ 1c": claim counts per class, in CLASSES order."""
    counts = Counter(classes)
    return " ".join(f"{counts[c]}{MARKS[c]}" for c in MARKS if c in counts)


def by_voice(positions: pd.DataFrame, voices: tuple[str, ...]) -> pd.DataFrame:
    """The rows of ``voices`` (author, or reported and quoted)."""
    return positions[positions["voice"].isin(voices)]


def direction_counts(positions: pd.DataFrame, by: str, max_rows: int = 20) -> pd.DataFrame:
    """Lever × direction counts per ``by`` (holder, author, actor …): one row per value (the
    ``max_rows`` with most claims), one column per lever, cells like "2↑ 1↓"."""
    named = with_class(positions[positions["lever"] != OTHER])
    if named.empty:
        return pd.DataFrame(columns=[by])
    rows = named[by].value_counts().index[:max_rows]
    levers = named["lever"].value_counts().index[:MAX_LEVERS]
    kept = named[named[by].isin(rows) & named["lever"].isin(levers)]
    cells = kept.groupby([by, "lever"])["change"].agg(counts_label).unstack(fill_value="")
    table = cells.reindex(index=rows, columns=levers, fill_value="").rename_axis(columns=None)
    claims = named.drop_duplicates(["doc_id", "sent_id", by]).groupby(by).size()
    return table.assign(claims=claims.reindex(rows).values).rename_axis(by).reset_index()


def _hover(title: str, rows: pd.DataFrame) -> str:
    rows = rows.drop_duplicates(["doc_id", "sent_id"]).sort_values(["doc_id", "sent_id"])
    lines = [
        f"{plain_label(d)} s{s} ({plain_label(c)}): {wrap_html(q, 90)}"
        for d, s, c, q in zip(rows["doc_id"], rows["sent_id"], rows["change"], rows["quote"],
                              strict=True)
    ][:MAX_QUOTES]  # fmt: skip
    more = len(rows) - MAX_QUOTES
    tail = [f"… and {more} more sentences"] if more > 0 else []
    return "<br>".join([f"<b>{plain_label(title)}</b>", *lines, *tail])


def _matrix(table: pd.DataFrame, rows_key: str, cols_key: str, title: str) -> go.Figure:
    """A heatmap of ``rows_key`` × ``cols_key`` coloured by majority class."""
    ys = list(table[rows_key].value_counts().index[:MAX_ROWS])
    xs = list(table[cols_key].value_counts().index[:MAX_LEVERS])
    z = [[None] * len(xs) for _ in ys]
    text = [[""] * len(xs) for _ in ys]
    hover = [[""] * len(xs) for _ in ys]
    kept = table[table[rows_key].isin(ys) & table[cols_key].isin(xs)]
    for (y, x), cell in kept.groupby([rows_key, cols_key]):
        i, j = ys.index(y), xs.index(x)
        z[i][j] = CLASSES.index(majority(cell["change"]))
        text[i][j] = counts_label(cell["change"])
        hover[i][j] = _hover(f"{y} × {x}: {counts_label(cell['change'])}", cell)
    n = len(CLASSES)
    scale = []
    for k, name in enumerate(CLASSES):
        scale += [[k / n, CLASS_COLOURS[name]], [(k + 1) / n, CLASS_COLOURS[name]]]
    fig = go.Figure(
        go.Heatmap(
            x=[plain_label(x) for x in xs],
            y=[plain_label(y) for y in ys],
            z=z,
            text=text,
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate=HOVER,
            hoverongaps=False,
            zmin=-0.5,
            zmax=n - 0.5,
            colorscale=scale,
            xgap=2,
            ygap=2,
            colorbar={
                "title": "direction wanted",
                "tickvals": list(range(n)),
                "ticktext": [CLASS_LABELS[c] for c in CLASSES],
            },
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=-30)
    fig.update_layout(title=plain_label(title), height=260 + 36 * len(ys))
    return fig


def direction_matrix(positions: pd.DataFrame, who: str, title: str) -> go.Figure:
    """``who`` (actor or holder) × lever, coloured by the direction most claims want."""
    named = positions[positions["lever"] != OTHER]
    if named.empty:
        return empty_figure("No claim here names a policy lever.")
    return _matrix(with_class(named), who, "lever", title)


def comparison_groups(positions: pd.DataFrame, documents: pd.DataFrame, max_docs: int = 12):
    """(column, its label) the comparison groups by: articles when there are at most
    ``max_docs`` of them, else authors."""
    if positions["doc_id"].nunique() <= max_docs:
        return "doc_id", "article"
    return "author", "author"


def with_author(positions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``positions`` with each article's author ("unknown author" when blank)."""
    authors = dict(zip(documents["doc_id"], documents["author"], strict=True))
    return positions.assign(
        author=positions["doc_id"].map(lambda d: authors.get(d) or "unknown author")
    )


def comparison_matrix(positions: pd.DataFrame, by: str, label: str) -> go.Figure:
    """Lever × ``by`` (articles or authors), coloured by the direction most claims want."""
    named = positions[positions["lever"] != OTHER]
    if named.empty:
        return empty_figure("No claim names a policy lever.")
    fig = _matrix(with_class(named), "lever", by, f"Levers side by side: direction per {label}")
    fig.update_xaxes(tickangle=0 if named[by].nunique() <= 4 else -30)
    return fig


def compare_levers(positions: pd.DataFrame, by: str, max_columns: int = 8) -> pd.DataFrame:
    """One row per lever: verdict (disagree / shared / only / addressed by), how many groups
    (``by``: doc_id, author or holder) address it, and — for at most ``max_columns`` groups —
    each group's cell ("more (s3, s9): keep sanctions"); disagreements first."""
    named = with_class(positions[positions["lever"] != OTHER])
    groups = sorted(named[by].unique())
    show = groups if len(groups) <= max_columns else []
    rows = []
    for lever, own in named.groupby("lever", sort=True):
        by_group = list(own.groupby(by))
        wants = {g: majority(cell["change"]) for g, cell in by_group}
        cells = {g: "" for g in show}
        for g, cell in by_group:
            if g in cells:
                ids = ", ".join(f"s{i}" for i in sorted(set(cell["sent_id"])))
                actions = "; ".join(dict.fromkeys(cell["action"]))
                cells[g] = f"{wants[g]} ({ids}): {actions}"
        verdict = _verdict(wants, len(groups))
        rows.append({"lever": lever, "verdict": verdict, "n": len(wants), **cells})
    table = pd.DataFrame(rows, columns=["lever", "verdict", "n", *show])
    order = table["verdict"].map(lambda v: {"disagree": 0, "shared": 1}.get(v.split(":")[0], 2))
    table = table.assign(_k=order).sort_values(["_k", "n", "lever"], ascending=[True, False, True])
    return table.drop(columns="_k").reset_index(drop=True)


def _verdict(wants: dict[str, str], n_groups: int) -> str:
    """disagree (some want more, some less) / shared / only X / addressed by k of n."""
    more = sorted(g for g, w in wants.items() if w == "more")
    less = sorted(g for g, w in wants.items() if w == "less")
    if more and less:
        return f"disagree: more — {_names(more)}; less — {_names(less)}"
    if len(wants) == 1:
        return f"only {next(iter(wants))}: {next(iter(wants.values()))}"
    kinds = set(wants.values())
    every = "all" if n_groups > 2 else "both"
    if len(wants) == n_groups and len(kinds) == 1:
        return f"shared: {every} want {kinds.pop()}"
    return f"addressed by {len(wants)} of {n_groups}: " + ", ".join(
        f"{k} {sum(w == k for w in wants.values())}" for k in CLASSES if k in kinds
    )


def _names(groups: list[str], limit: int = 4) -> str:
    shown = ", ".join(groups[:limit])
    return shown + (f" and {len(groups) - limit} more" if len(groups) > limit else "")
