"""Display set-up shared by every notebook: one plotly renderer for JupyterLab and the HTML
reports, the colours and hover template every chart uses, and the tables' display options.

Under papermill plotly defaults to the ``plotly_mimetype`` renderer, which nbconvert drops.
``setup_plotly`` registers ``report_html``, a renderer that adds a ``text/html`` div (without
plotly.js: the published pages load one shared copy from reports/assets/), and makes
``plotly_mimetype+report_html`` the default: JupyterLab shows the mimetype, the reports the div.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

RENDERER = "plotly_mimetype+report_html"
TEMPLATE = "plotly_white"
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]  # one per article
HOVER = "%{customdata}<extra></extra>"  # hover shows the mark's customdata, no trace box
MAX_ARTICLES = 6  # a view draws one panel or trace per article up to this many; beyond, the corpus


class ReportHtmlRenderer(MimetypeRenderer):
    """A ``text/html`` bundle: the figure's div and the script that draws it, no plotly.js."""

    def to_mimebundle(self, fig_dict: dict) -> dict:
        html = pio.to_html(
            fig_dict,
            include_plotlyjs=False,
            full_html=False,
            validate=False,
            config={"displaylogo": False, "responsive": True},
        )
        return {"text/html": run_after_plotly(html)}


def run_after_plotly(div: str) -> str:
    """Make the div's drawing script a module script, so it runs after a deferred plotly.js.

    The pages load plotly.js with ``defer``; module scripts run after deferred ones, in order.
    The first ``<script>`` tag is plotly's own (the figure's JSON follows it, ``<`` escaped).
    """
    tag = re.search(r"<script[^>]*>", div)
    if tag is None or "Plotly.newPlot" not in div[tag.end() :]:
        raise ValueError("plotly's HTML has no <script> calling Plotly.newPlot")
    return f'{div[: tag.start()]}<script type="module">{div[tag.end() :]}'


def setup_plotly() -> None:
    """Make ``plotly_mimetype+report_html`` the default renderer and ``plotly_white`` the
    default template."""
    pio.renderers["report_html"] = ReportHtmlRenderer()
    pio.renderers.default = RENDERER
    pio.templates.default = TEMPLATE


def setup_tables(max_colwidth: int | None = 400, max_rows: int = 200) -> None:
    """pandas display options for the notebooks' tables: cells cut at ``max_colwidth``
    characters (None: never cut), up to ``max_rows`` rows shown, index labels repeated on
    every row (not merged across rows) so the reports can sort and filter rows."""
    pd.set_option("display.max_colwidth", max_colwidth)
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.multi_sparse", False)
    pd.set_option("styler.sparse.index", False)


def wrap_html(text: str, width: int = 80) -> str:
    """Escape ``text`` and break it with ``<br>`` every ~``width`` characters at word boundaries.

    Escaping matters: plotly renders a subset of HTML in labels, and article text is data.
    """
    lines: list[str] = []
    line = ""
    for word in html.escape(str(text), quote=False).split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "<br>".join(lines)


MAX_HOVER_CHARS = 300  # a sentence longer than this is cut in hovers (the tables keep it)


def clip(text: object, limit: int = MAX_HOVER_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (a run-on "sentence" of
    thousands of words must not be copied into every mark's hover)."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def hover_lines(label: pd.Series, quote: pd.Series) -> list[str]:
    """Hover labels: an escaped bold ``label`` line over the wrapped, escaped, clipped quote."""
    return [
        f"<b>{html.escape(str(a))}</b><br>{wrap_html(clip(q))}"
        for a, q in zip(label, quote, strict=True)
    ]


def panel_grid(n: int, max_cols: int = 3) -> dict:
    """make_subplots arguments for ``n`` panels in rows of up to ``max_cols``, with spacing
    plotly accepts for any ``n`` (it refuses spacing above 1 / (rows - 1))."""
    cols = max(1, min(n, max_cols))
    rows = max(1, -(-n // cols))
    return {
        "rows": rows,
        "cols": cols,
        "horizontal_spacing": min(0.12, 0.5 / cols),
        "vertical_spacing": min(0.3 / rows, 0.5 / max(rows - 1, 1)),
    }


def rug_trace(x, y, colour: str, name: str, customdata) -> go.Scatter:
    """One panel's marks of a dispersion plot: a vertical tick at each occurrence."""
    return go.Scatter(
        x=x,
        y=y,
        mode="markers",
        marker={"symbol": "line-ns-open", "size": 14, "line": {"width": 2}, "color": colour},
        name=name,
        customdata=customdata,
        hovertemplate=HOVER,
    )


def plain_label(text: object) -> str:
    """``text`` from the data, escaped for a plotly title, axis label or annotation.

    plotly renders a subset of HTML (links among it) in those places; escaped text shows as
    typed (plotly turns the entities back into characters).
    """
    return html.escape(str(text), quote=False)


def empty_figure(message: str) -> go.Figure:
    """A blank figure carrying ``message``, for a view with nothing to show."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig
