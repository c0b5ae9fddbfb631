"""helpers.textstats and helpers.views.tokenize: statistics, keyness, collocations, KWIC and
dispersion."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from helpers.contract import CONTRACT
from helpers.corpus import ingest_corpus
from helpers.errors import InputError
from helpers.groupterms import keyness_by_group
from helpers.paths import REPO_ROOT
from helpers.textstats import (
    collocations,
    dispersion,
    flesch_reading_ease,
    kwic,
    syllables,
    text_stats,
    top_collocations,
    top_terms,
)
from helpers.tokenize import sentences_for_doc, tokens_for_doc
from helpers.views.tokenize import (
    dispersion_chart,
    group_keyness_chart,
    kwic_view,
    top_terms_chart,
)
from tests.conftest import paragraph_rows


def corpus_of(docs: dict[str, list[str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences and tokens of synthetic documents given as lists of paragraphs."""
    sentences, tokens = [], []
    for doc_id, paragraphs in docs.items():
        text, rows = paragraph_rows(doc_id, paragraphs)
        sents = sentences_for_doc(doc_id, text, rows)
        sentences.append(sents)
        tokens.append(tokens_for_doc(doc_id, text, sents))
    return pd.concat(sentences, ignore_index=True), pd.concat(tokens, ignore_index=True)


# -- text statistics ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [("the", 1), ("made", 1), ("people", 2), ("agree", 2), ("sanctions", 2),
     ("anti-aircraft", 4), ("DPRK", 1), ("1950", 1)],
)  # fmt: skip
def test_syllable_heuristic(word, count):
    assert syllables(word) == count


def test_flesch_reading_ease_formula():
    assert flesch_reading_ease(100, 5, 150) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert math.isnan(flesch_reading_ease(0, 0, 0))


def test_text_stats_on_a_synthetic_document():
    sentences, tokens = corpus_of({"d": ["The cat sat.", "The dog didn’t run away."]})
    row = text_stats(sentences, tokens).iloc[0]
    assert row["n_paragraphs"] == 2 and row["n_sentences"] == 2
    assert row["n_tokens"] == 11  # The cat sat . The dog did n’t run away .
    assert row["n_words"] == 8  # punctuation and the clitic n’t left out
    assert row["n_types"] == 7  # "the" twice
    assert row["mean_sentence_length"] == 4.0
    syll = 1 + 1 + 1 + 1 + 1 + 1 + 1 + 2  # the cat sat the dog did run a-way
    assert row["readability"] == round(206.835 - 1.015 * 4 - 84.6 * syll / 8, 2)


def test_text_stats_on_the_seeds_agree_with_the_other_tables(seeds):
    corpus, sentences, tokens = seeds
    stats = text_stats(sentences, tokens).set_index("doc_id")
    assert set(CONTRACT["textstats"]) - {"doc_id"} <= set(stats.columns)
    documents = corpus.documents.set_index("doc_id")
    assert (stats["n_paragraphs"] == documents["n_paragraphs"]).all()
    assert stats["n_tokens"].to_dict() == tokens.groupby("doc_id").size().to_dict()
    assert stats["n_sentences"].to_dict() == sentences.groupby("doc_id").size().to_dict()
    assert (stats["n_types"] < stats["n_words"]).all() and (
        stats["n_words"] < stats["n_tokens"]
    ).all()


# -- top terms ---------------------------------------------------------------------------------


def test_top_terms_count_content_words_per_document():
    sentences, tokens = corpus_of({"a": ["Sanctions work. The sanctions bite, and China helps."]})
    top = top_terms(tokens, sentences, top_n=2)
    assert list(top["term"]) == ["sanctions", "bite"]  # ties broken alphabetically
    assert list(top["count"]) == [2, 1]
    assert list(top["sent_id"]) == [1, 2]
    assert top["quote"].iloc[0] == "Sanctions work."
    with pytest.raises(InputError, match="top_n"):
        top_terms(tokens, sentences, top_n=0)


# -- keyness -----------------------------------------------------------------------------------


def test_keyness_on_a_hand_made_pair_with_a_known_answer():
    sentences, tokens = corpus_of(
        {"a": ["Apple apple apple banana cherry."], "b": ["Banana banana banana apple cherry."]}
    )
    labels = pd.Series({"a": "a", "b": "b"})
    table = keyness_by_group(tokens, sentences, labels, min_count=1)
    own = table[table["group"] == "a"].set_index("term")
    # pooled counts are the prior: α(apple) = α(banana) = 4, α(cherry) = 2, α0 = 10; n_a = n_b = 5
    delta = math.log(7 / (5 + 10 - 7)) - math.log(5 / (5 + 10 - 5))
    z = delta / math.sqrt(1 / 7 + 1 / 5)
    assert own.loc["apple", "log_odds"] == pytest.approx(delta)
    assert own.loc["apple", "z"] == pytest.approx(z)
    assert own.loc["banana", "z"] == pytest.approx(-z)
    assert own.loc["cherry", "z"] == pytest.approx(0)
    assert list(own.index) == ["apple", "cherry", "banana"]
    other = table[table["group"] == "b"].set_index("term")
    assert other.loc["banana", "z"] == pytest.approx(z)
    assert other.loc["banana", "quote"] == "Banana banana banana apple cherry."


def test_keyness_min_count_leaves_out_rare_terms():
    sentences, tokens = corpus_of({"a": ["Apple apple pear."], "b": ["Apple plum."]})
    labels = pd.Series({"a": "a", "b": "b"})
    table = keyness_by_group(tokens, sentences, labels, min_count=2)
    assert set(table["term"]) == {"apple"}


# -- collocations ------------------------------------------------------------------------------


def test_collocations_stay_between_punctuation_and_honour_the_floor():
    sentences, tokens = corpus_of(
        {"a": ["North Korea tested missiles. North Korea, China and North Korea talked."]}
    )
    table = collocations(tokens, sentences, min_count=2)
    assert list(table["bigram"]) == ["north korea"]
    assert table["count"].iloc[0] == 3 and table["sent_id"].iloc[0] == 1
    loose = collocations(tokens, sentences, min_count=1)
    assert "korea china" not in set(loose["bigram"])  # a comma between them
    assert "korea talked" in set(loose["bigram"]) and "china and" not in set(loose["bigram"])
    assert list(loose["rank_lr"]) == list(range(1, len(loose) + 1))
    assert loose["likelihood_ratio"].is_monotonic_decreasing


def test_seed_collocations_rank_north_korea_first(seeds):
    _, sentences, tokens = seeds
    top = top_collocations(collocations(tokens, sentences, 2), "likelihood_ratio", 1)
    assert [b for _, b in top.index] == ["north korea", "north korea"]
    with pytest.raises(InputError, match="by:"):
        top_collocations(collocations(tokens, sentences, 2), "t", 1)


# -- keyword in context and dispersion ---------------------------------------------------------


def test_kwic_matches_multi_word_terms_within_a_sentence():
    sentences, tokens = corpus_of(
        {"a": ["Sanctions on North Korea’s regime failed. The North. Korea voted."]}
    )
    table = kwic(tokens, sentences, ["North Korea", "sanctions"])
    assert table[["sent_id", "term", "left", "keyword", "right"]].values.tolist() == [
        [1, "sanctions", "", "Sanctions", " on North Korea’s regime failed."],
        [1, "North Korea", "Sanctions on ", "North Korea", "’s regime failed."],
    ]


def test_kwic_on_the_seeds_finds_every_north_korea(seeds):
    corpus, sentences, tokens = seeds
    table = kwic(tokens, sentences, ["North Korea"], width=20)
    for doc_id, text in corpus.texts.items():
        expected = [m.start() for m in re.finditer(r"\bNorth Korea\b", text)]
        assert list(table.loc[table["doc_id"] == doc_id, "start"]) == expected
    assert (table["keyword"] == "North Korea").all()
    assert table["left"].str.len().max() <= 21 and table["right"].str.len().max() <= 21


def test_dispersion_positions_point_at_the_term(seeds):
    corpus, sentences, tokens = seeds
    hits = dispersion(tokens, sentences, ["Kim Jong-un", "Beijing"])
    assert set(hits["term"]) == {"Kim Jong-un", "Beijing"}
    for hit in hits.itertuples():
        assert corpus.texts[hit.doc_id][hit.start : hit.end] in {"Kim Jong-un", "Beijing"}
        assert 0 < hit.position <= 1
    counts = hits.groupby("term").size().to_dict()
    text = "".join(corpus.texts.values())
    assert counts == {t: len(re.findall(rf"\b{t}\b", text)) for t in ("Kim Jong-un", "Beijing")}


# -- charts ------------------------------------------------------------------------------------


def test_chart_hovers_escape_the_quote():
    sentences, tokens = corpus_of(
        {"a": ["Kim <b>met</b> Xi. Kim left."], "b": ["Xi stayed <i>home</i>. Xi waited."]}
    )
    figures = [
        top_terms_chart(top_terms(tokens, sentences, 3)),
        group_keyness_chart(
            keyness_by_group(tokens, sentences, pd.Series({"a": "a", "b": "b"}), min_count=1)
        ),
        dispersion_chart(dispersion(tokens, sentences, ["Kim", "Xi"]), ["Kim", "Xi"]),
    ]
    for fig in figures:
        hovers = [h for trace in fig.data for h in trace.customdata]
        assert any("Kim &lt;b&gt;met&lt;/b&gt; Xi." in h for h in hovers)
        assert not any("<b>met</b>" in h or "<i>home</i>" in h for h in hovers)


def test_kwic_view_escapes_the_contexts():
    sentences, tokens = corpus_of({"a": ["Kim <b>met</b> Xi <script>."]})
    html = kwic_view(kwic(tokens, sentences, ["Xi"])).to_html()
    assert "Kim &lt;b&gt;met&lt;/b&gt;" in html and "<script>" not in html


# -- the notebook ------------------------------------------------------------------------------

NEW_ARTICLE = (
    "Why Seoul Wants a Deal\n\nMarch 3, 2021 Topic: Security Region: Asia Tags: South Korea\n\n"
    "South Korea’s President Moon Jae-in doesn't want war. He said so in Jan. 2021—again. "
    "The U.S. should listen.\n\nDr. Kim, a former adviser, asked: “Why not talk?” Few answered.\n"
)


@pytest.mark.pipeline
@pytest.mark.parametrize(
    "seeds_kept",
    [["nk-china-help.txt"], ["nk-china-help.txt", "nk-proliferation-deal.txt"]],
    ids=["one article", "three articles"],
)
def test_notebook_runs_with_one_or_three_articles(tmp_path, seeds_kept):
    papermill = pytest.importorskip("papermill")
    from helpers.corpus import write_corpus
    from helpers.paths import NOTEBOOKS_DIR, project_paths
    from helpers.tables import read_table

    paths = project_paths(tmp_path)
    paths.raw.mkdir(parents=True)
    for name in seeds_kept:
        (paths.raw / name).write_bytes((REPO_ROOT / "data" / "raw" / name).read_bytes())
    if len(seeds_kept) == 2:
        (paths.raw / "new-article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    write_corpus(ingest_corpus(paths.raw), paths.interim, paths.processed)
    papermill.execute_notebook(
        str(NOTEBOOKS_DIR / "02_tokenize.ipynb"),
        str(tmp_path / "out.ipynb"),
        parameters={"root": str(tmp_path)},
        kernel_name="python3",
        progress_bar=False,
        cwd=str(NOTEBOOKS_DIR),
    )
    for name in ("sentences", "tokens", "textstats"):
        table = read_table(paths.table(name), CONTRACT[name])
        assert table["doc_id"].nunique() == (1 if len(seeds_kept) == 1 else 3)
    if len(seeds_kept) == 2:
        sentences = read_table(paths.table("sentences"))
        new = list(sentences.loc[sentences["doc_id"] == "new-article", "text"])
        assert new == [
            "South Korea’s President Moon Jae-in doesn't want war.",
            "He said so in Jan. 2021—again.",
            "The U.S. should listen.",
            "Dr. Kim, a former adviser, asked: “Why not talk?”",
            "Few answered.",
        ]


def test_word_dispersion_draws_a_panel_per_article_for_twelve_articles():
    docs = {
        f"d{i:02}": [f"Seoul and Beijing met in round {i}. Beijing said no."] for i in range(12)
    }
    sentences, tokens = corpus_of(docs)
    fig = dispersion_chart(dispersion(tokens, sentences, ["Beijing"]), ["Beijing"])
    assert [len(trace.x) for trace in fig.data] == [2] * 12
    assert [a.text for a in fig.layout.annotations] == sorted(docs)
