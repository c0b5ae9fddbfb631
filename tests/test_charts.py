"""The report renderer: a chart's div whose drawing script waits for the deferred plotly.js."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from helpers.views.plotting import ReportHtmlRenderer, run_after_plotly


def test_the_drawing_script_becomes_a_module_script_and_data_is_untouched():
    title = "Markup <script>alert(1)</script> in a title"
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"title": {"text": title}})
    div = ReportHtmlRenderer().to_mimebundle(fig.to_dict())["text/html"]
    assert div.count('<script type="module">') == 1
    assert div.count("<script") == 1  # the title's markup is escaped in the figure's JSON
    assert div.index('<script type="module">') < div.index("Plotly.newPlot(")
    assert "Markup \\u003cscript\\u003ealert(1)" in div


def test_html_without_a_drawing_script_is_refused():
    with pytest.raises(ValueError, match="Plotly.newPlot"):
        run_after_plotly('<div class="plotly-graph-div"></div>')
