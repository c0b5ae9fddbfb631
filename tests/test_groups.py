"""helpers.groups and helpers.groupterms, and the views built on them, on synthetic articles:
groupings, keyness of each group against the rest, actor dispersion, bounded pages."""

from __future__ import annotations

import pandas as pd
import plotly.io as pio
import pytest

from helpers.actors import find_mentions, load_actors
from helpers.errors import InputError
from helpers.groups import MAX_GROUPS, group_documents
from helpers.groupterms import group_collocations, keyness_by_group, top_terms_by_group
from helpers.views.dispersion import MAX_MARKS, actor_dispersion_chart, actor_positions
from helpers.views.ingest import paragraph_length_chart
from helpers.views.tokenize import group_keyness_chart, top_terms_chart
from tests.conftest import paragraph_rows
from tests.test_textstats import corpus_of

FIVE = {
    "a": ["Pyongyang tested a missile. The Trump-Kim summit failed. Sanctions bite."],
    "b": ["Sanctions bite hard. The DPRK answered with another missile test."],
    "c": ["Tariffs on steel rose. Tariffs hurt Beijing. China answered with tariffs."],
    "d": ["The allies met in Seoul. South Korea wants talks with the North."],
    "e": ["Washington should talk. Talks need patience. The Kim-Xi meeting came first."],
}


def documents(n: int, **columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], **columns})


def test_auto_compares_each_article_up_to_the_limit_then_a_field():
    few = group_documents(documents(3, author=["x", "y", "x"]))
    assert few.by == "doc_id" and list(few.labels) == ["d0", "d1", "d2"]
    assert few.note == "Compared: each article, 3 groups over 3 articles."
    outlets = ["Ledger", "Review", "Ledger", "Desk", "Review", "Ledger", "Desk", "Desk"]
    many = group_documents(documents(8, blog_brand=outlets, author=[f"a{i}" for i in range(8)]))
    assert many.by == "outlet" and many.labels["d3"] == "Desk"
    assert many.groups == ["Desk", "Ledger", "Review"]
    assert "grouped by outlet (compare_by: outlet), 3 groups over 8 articles" in many.note


def test_groups_by_author_year_and_date_split_with_unknowns_named():
    docs = documents(4, author=["x", "", "x", "y"], published=["2019-05", "2021-01-02", "", "2020"])
    assert list(group_documents(docs, "author").labels) == ["x", "(unknown author)", "x", "y"]
    assert list(group_documents(docs, "year").labels) == ["2019", "2021", "(undated)", "2020"]
    split = group_documents(docs, "published<2020-06-01").labels
    assert list(split) == [
        "before 2020-06-01",
        "2020-06-01 or later",
        "(undated)",
        "before 2020-06-01",
    ]


def test_outlet_falls_back_to_the_manifest_source_without_its_note():
    docs = documents(2, blog_brand=["", "Harbor Review"], source=["Pacific Ledger (seed 0)", ""])
    assert list(group_documents(docs, "outlet").labels) == ["Pacific Ledger", "Harbor Review"]


def test_beyond_the_limit_the_largest_groups_are_kept_and_the_rest_pooled():
    authors = [f"author{i}" for i in range(9)] + ["author0", "author1"]
    grouping = group_documents(documents(11, author=authors), "author")
    assert grouping.labels.nunique() == MAX_GROUPS
    assert grouping.groups[-1] == "other (4 authors)"
    assert grouping.groups[:2] == ["author0", "author1"]
    assert (
        "9 groups over 11 articles; the 5 largest are shown and the other 4 pooled" in grouping.note
    )


def test_an_unknown_grouping_is_refused_naming_the_parameter():
    with pytest.raises(InputError, match="compare_by: 'colour' is not one of doc_id, author"):
        group_documents(documents(2), "colour")


@pytest.fixture(scope="module")
def five():
    sentences, tokens = corpus_of(FIVE)
    return sentences, tokens, group_documents(pd.DataFrame({"doc_id": sorted(FIVE)}), "doc_id")


def test_keyness_compares_each_of_five_articles_with_the_rest(five):
    sentences, tokens, grouping = five
    table = keyness_by_group(tokens, sentences, grouping.labels, min_count=2)
    assert set(table["group"]) == set(FIVE)
    top = table.sort_values("z", ascending=False).groupby("group").head(1).set_index("group")
    assert top.loc["c", "term"] == "tariffs"
    assert top.loc["c", ["count_group", "count_rest"]].tolist() == [3, 0]
    assert top.loc["c", "quote"] == "Tariffs on steel rose."
    sanctions = table[table["term"] == "sanctions"].set_index("group")
    assert (sanctions["count_group"] + sanctions["count_rest"] == 2).all()
    assert sanctions.loc["a", "z"] > 0 and sanctions.loc["c", "z"] < 0
    fig = group_keyness_chart(table, top_n=3)
    assert len(fig.data) == 5
    assert [a.text for a in fig.layout.annotations] == sorted(FIVE)


def test_top_terms_and_collocations_by_group_point_at_their_first_sentence(five):
    sentences, tokens, _ = five
    labels = pd.Series({"a": "missiles", "b": "missiles", "c": "trade", "d": "talks", "e": "talks"})
    top = top_terms_by_group(tokens, sentences, labels, top_n=3).set_index(["group", "term"])
    found = top.loc[("missiles", "sanctions"), ["count", "n_docs", "doc_id", "sent_id"]]
    assert found.tolist() == [2, 2, "a", 3]
    top = top.reset_index().groupby("group").head(1).set_index("group")
    assert top.loc["trade", "term"] == "tariffs" and top.loc["trade", "count"] == 3
    bigrams = group_collocations(tokens, sentences, labels, min_count=2).set_index("bigram")
    assert bigrams.loc["sanctions bite", ["group", "count", "doc_id", "sent_id"]].tolist() == [
        "missiles", 2, "a", 3]  # fmt: skip
    assert bigrams.loc["sanctions bite", "quote"] == "Sanctions bite."
    assert len(top_terms_chart(top.reset_index(), panel="group").data) == 3


def test_actor_dispersion_counts_aliases_and_hyphenated_names(five):
    sentences, _, _ = five
    texts = {d: paragraph_rows(d, paras)[0] for d, paras in FIVE.items()}
    mentions = find_mentions(sentences, load_actors())
    positions = actor_positions(mentions, sentences, texts)
    a = positions[positions["doc_id"] == "a"]
    assert {"North Korea", "United States"} <= set(a["actor"])  # Pyongyang, Trump-Kim
    assert set(a.loc[a["alias"] == "Pyongyang", "actor"]) == {"North Korea"}
    assert (positions["position"].between(0, 1)).all()
    fig = actor_dispersion_chart(positions)
    assert len(fig.data) == positions["doc_id"].nunique()
    assert sum(len(t.x) for t in fig.data) == len(positions)


def test_many_articles_get_a_corpus_heatmap_and_marks_are_sampled_beyond_the_limit():
    rows = pd.DataFrame({
        "doc_id": [f"d{i % 9}" for i in range(3 * MAX_MARKS)],
        "sent_id": 1, "actor": ["China", "Japan", "Russia"] * MAX_MARKS, "alias": "x",
        "start": 0, "position": [(i % 100) / 100 for i in range(3 * MAX_MARKS)], "quote": "q",
    })  # fmt: skip
    heat = actor_dispersion_chart(rows)
    assert (
        heat.data[0].type == "heatmap"
        and "over 9 articles (6,000 mentions)" in heat.layout.title.text
    )
    marks = actor_dispersion_chart(
        rows.assign(doc_id=rows["doc_id"].isin(["d0", "d1"]).map({True: "d0", False: "d1"}))
    )
    drawn = sum(len(t.x) for t in marks.data)
    assert drawn == MAX_MARKS and f"{MAX_MARKS:,} of" in marks.layout.title.text


def test_a_5000_word_run_without_punctuation_makes_a_small_page():
    words = " ".join(
        f"Beijing{i % 7} talks" if i % 50 == 0 else f"word{i % 300}" for i in range(5000)
    )
    sentences, tokens = corpus_of({"run": [words]})
    assert len(sentences) == 1
    text, paragraphs = paragraph_rows("run", [words])
    mentions = pd.DataFrame({"doc_id": "run", "sent_id": 1, "actor": "China", "alias": "Beijing",
                             "start": range(0, 5000 * 8, 80), "end": 0})  # fmt: skip
    figures = [
        paragraph_length_chart(paragraphs),
        top_terms_chart(top_terms_by_group(tokens, sentences, pd.Series({"run": "run"}))),
        actor_dispersion_chart(actor_positions(mentions, sentences, {"run": text})),
    ]
    for fig in figures:
        assert len(pio.to_json(fig)) < 400_000


def test_extreme_paragraphs_lists_the_longest_and_shortest_body_paragraphs():
    from helpers.views.ingest import extreme_paragraphs

    _, rows = paragraph_rows("a", ["one two three", "one", "one two three four five", "x y"])
    rows.loc[1, ["dropped", "drop_reason"]] = [True, "title"]
    table = extreme_paragraphs(rows, n=1)
    assert table.index.tolist() == ["longest", "shortest"]
    assert table[["para_id", "words"]].values.tolist() == [[3, 5], [4, 2]]
