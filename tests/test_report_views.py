"""The tokenize report on synthetic corpora: five articles compared each against the rest,
actors placed from their mentions, the comparison stated on the page; many articles grouped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers.actors import find_mentions, load_actors
from helpers.pipeline import run
from helpers.synthetic import write_synthetic

pytestmark = pytest.mark.pipeline


def figures(page: Path) -> dict[str, dict]:
    """Each chart of a report page by its title: {"data": [...], "layout": {...}}."""
    text = page.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    found = {}
    for match in re.finditer(r'Plotly\.newPlot\(\s*"chart-\d+",\s*', text):
        data, end = decoder.raw_decode(text, match.end())
        rest = re.match(r"\s*,\s*", text[end:])
        layout, _ = decoder.raw_decode(text, end + rest.end())
        title = layout.get("title", {}).get("text", "")
        found[title] = {"data": data, "layout": layout}
    return found


def build(root: Path, n: int) -> Path:
    write_synthetic(root, n, seed=3)
    assert run(root=str(root), only=["01_ingest", "02_tokenize"]) == 0
    return root / "reports" / "02_tokenize.html"


def test_five_articles_each_compared_with_the_rest_and_their_actors_placed(tmp_path):
    page = build(tmp_path, 5)
    text = page.read_text(encoding="utf-8")
    assert text.count("Compared: each article, 5 groups over 5 articles.") == 2
    charts = figures(page)
    keyness = next(f for t, f in charts.items() if t.startswith("Keyness"))
    assert len(keyness["data"]) == 5
    assert {a["text"] for a in keyness["layout"]["annotations"]} == {
        f"syn-3-{i:05d}" for i in range(5)
    }
    marks = charts["Where each actor is mentioned along each article"]
    assert len(marks["data"]) == 5
    sentences = pd.read_csv(tmp_path / "data" / "processed" / "sentences.csv")
    mentions = find_mentions(sentences, load_actors())
    counts = mentions["actor"].value_counts()
    assert len(counts) <= 12  # every actor is drawn (the chart keeps the 12 most mentioned)
    hovers = [h for trace in marks["data"] for h in trace["customdata"]]
    assert len(hovers) == len(mentions)
    per_article = {t["name"]: len(t["customdata"]) for t in marks["data"]}
    assert per_article == mentions.groupby("doc_id").size().to_dict()
    assert all(re.search(r" · “[^”]+” · s\d+", h) for h in hovers)


def test_many_articles_are_compared_by_group_and_stay_light(tmp_path):
    page = build(tmp_path, 12)
    text = page.read_text(encoding="utf-8")
    note = re.search(
        r"Compared: articles grouped by (\w+) \(compare_by: (\w+)\), (\d) groups", text
    )
    assert note and note[2] in {"outlet", "author", "year"} and 2 <= int(note[3]) <= 6
    charts = figures(page)
    heat = next(f for t, f in charts.items() if t.startswith("Where each actor is mentioned, over"))
    assert heat["data"][0]["type"] == "heatmap"
    assert "over 12 articles" in heat["layout"]["title"]["text"]
    ingest = figures(tmp_path / "reports" / "01_ingest.html")
    assert any(t.startswith("Paragraph lengths over 12 articles") for t in ingest)
    assert page.stat().st_size < 1_000_000
