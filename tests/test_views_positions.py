"""Notebook 04's views: generated summary, claim tables, direction matrices and comparisons."""

from __future__ import annotations

import pandas as pd

from helpers.actors import find_mentions
from helpers.views.directions import (
    AUTHOR_VOICES,
    CLASSES,
    compare_levers,
    comparison_groups,
    direction_counts,
    direction_matrix,
)
from helpers.views.positions import (
    claim_overview,
    claims_table,
    mention_chart,
    mention_overview,
    position_summary,
    table_note,
)
from tests.conftest import sentences_of


def test_position_summary_says_what_the_author_wants_and_escapes(positions_of):
    table = positions_of(
        "Washington should lift sanctions <b>now</b>.",
        "Seoul should not impose sanctions.",
        "Tokyo is on record opposing any sanctions relief.",
        "Beijing does not want a nuclear North Korea.",
    )
    text = position_summary(table, {"syn": "A <i>title</i>"})
    lines = text.splitlines()
    assert lines[0] == "#### A &lt;i&gt;title&lt;/i&gt;"
    assert (
        "- **United States**: less *sanctions* — lift sanctions &lt;b&gt;now&lt;/b&gt; [s1]"
        in lines
    )
    assert (
        "- **South Korea**: less *sanctions* (by rejecting the opposite) — impose sanctions [s2]"
        in lines
    )
    assert "**The article reports these positions:**" in lines
    assert any(line.startswith("- **Japan**: more *sanctions*") for line in lines)
    assert any(
        line.startswith("- **China wants from North Korea**: more *denuclearization*")
        for line in lines
    )


def test_summary_of_many_articles_opens_with_a_corpus_overview(positions_of):
    frames = [
        positions_of("Washington should lift sanctions.", doc_id=f"d{i:02}") for i in range(12)
    ]
    text = position_summary(pd.concat(frames, ignore_index=True))
    assert text.startswith("**12 articles make claims.**")
    assert "- *sanctions*: 12 articles (less in 12)" in text
    assert text.count("#### ") == 10


def test_claims_table_splits_author_and_reported_voices_in_one_table(positions_of):
    table = positions_of("Washington should withdraw troops.", "Beijing wants to expand trade.")
    documents = pd.DataFrame({"doc_id": ["syn"], "author": ["A. Writer"]})
    author = claims_table(table, documents, AUTHOR_VOICES)
    assert author[
        ["article", "author", "sentence", "holder", "actor", "levers"]
    ].values.tolist() == [
        ["syn", "A. Writer", "s1", "author", "United States", "troop presence (less)"]
    ]
    reported = claims_table(table, documents, ("reported", "quoted"))
    assert reported["holder"].tolist() == ["China"]
    assert table_note(table, AUTHOR_VOICES).startswith("1 claim rows in 1 article:")


def test_direction_matrix_colours_by_direction_with_a_legend_and_escapes(positions_of):
    table = positions_of(
        "Washington should lift sanctions <script>now</script>.",
        "Washington should tighten sanctions.",
        "Washington should end military exercises in exchange for a freeze.",
    )
    fig = direction_matrix(table, "actor", "Who <b>wants</b> what")
    heat = fig.data[0]
    assert list(heat.y) == ["United States"]
    cells = dict(zip(heat.x, heat.z[0], strict=True))
    assert cells["sanctions"] == CLASSES.index("mixed")
    assert cells["military exercises"] == CLASSES.index("conditional")
    assert "more" in heat.colorbar.ticktext[0] and "less" in heat.colorbar.ticktext[1]
    hover = heat.customdata[0][list(heat.x).index("sanctions")]
    assert "&lt;script&gt;" in hover and "<script>" not in hover
    assert fig.layout.title.text == "Who &lt;b&gt;wants&lt;/b&gt; what"


def test_compare_levers_finds_disagreement_on_direction_not_stance(positions_of):
    a = positions_of("Washington should withdraw its troops.", doc_id="a")
    b = positions_of("Washington should not withdraw its troops.", doc_id="b")
    c = positions_of("Washington should keep its troops.", doc_id="c")
    table = compare_levers(pd.concat([a, b, c], ignore_index=True), "doc_id")
    row = table[table["lever"] == "troop presence"].iloc[0]
    assert row["verdict"] == "disagree: more — b, c; less — a"
    assert row["a"].startswith("less (s1)")


def test_views_aggregate_beyond_a_handful_of_articles(positions_of, reference):
    frames = [
        positions_of("Washington should lift sanctions.", doc_id=f"d{i:02}") for i in range(20)
    ]
    table = pd.concat(frames, ignore_index=True)
    documents = pd.DataFrame({"doc_id": sorted(table["doc_id"].unique()), "author": "same"})
    assert comparison_groups(table, documents) == ("author", "author")
    assert len(claim_overview(table, list(documents["doc_id"]))) == 1
    counts = direction_counts(table, "holder")
    assert counts.to_dict("records") == [{"holder": "author", "sanctions": "20↓", "claims": 20}]
    sentences = pd.concat(
        [sentences_of("Washington should lift sanctions.", doc_id=f"d{i:02}") for i in range(20)]
    )
    mentions = find_mentions(sentences, reference.actors)
    assert len(mention_chart(mentions, sentences).data) == 1
    assert mention_overview(mentions).to_dict("records")[0]["articles"] == 20
