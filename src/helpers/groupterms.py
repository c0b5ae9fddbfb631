"""Top terms and keyness over groups of articles (helpers.groups): corpus views that stay
the same size however many articles a group holds. Rows carry the doc_id, sent_id and
sentence (``quote``) of the first use of each term in the group, as every view does.
"""

from __future__ import annotations

import pandas as pd

from helpers.errors import InputError
from helpers.tables import concat_or_empty
from helpers.textstats import (
    attach_quotes,
    collocations,
    log_odds_dirichlet,
    term_mask,
    word_mask,
)

KEYNESS_COLUMNS = ["group", "term", "count_group", "count_rest", "log_odds", "se", "z",
                   "doc_id", "sent_id", "quote"]  # fmt: skip


def _labelled(tokens: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """``tokens`` with each row's group; a document without a label is an error."""
    group = tokens["doc_id"].map(labels)
    if group.isna().any():
        missing = sorted(set(tokens.loc[group.isna(), "doc_id"]))[:3]
        raise InputError(f"compare_by: no group for document(s) {missing}")
    return tokens.assign(group=group)


def _first_use(terms: pd.DataFrame) -> pd.DataFrame:
    """Per (group, norm): the doc_id and sent_id of its first occurrence (by doc, sentence)."""
    ordered = terms.sort_values(["group", "norm", "doc_id", "sent_id"], kind="stable")
    return ordered.drop_duplicates(["group", "norm"])[["group", "norm", "doc_id", "sent_id"]]


def top_terms_by_group(
    tokens: pd.DataFrame, sentences: pd.DataFrame, labels: pd.Series, top_n: int = 15
) -> pd.DataFrame:
    """The ``top_n`` most frequent terms of each group: count, rate per 1,000 words, number
    of the group's articles using it (``n_docs``) and the first sentence using it."""
    if top_n < 1:
        raise InputError(f"top_n: must be at least 1, got {top_n}")
    toks = _labelled(tokens, labels)
    terms = toks[term_mask(toks)]
    counts = terms.groupby(["group", "norm"]).agg(
        count=("tok_id", "size"), n_docs=("doc_id", "nunique")
    )
    counts = counts.reset_index().sort_values(
        ["group", "count", "norm"], ascending=[True, False, True]
    )
    top = counts.groupby("group").head(top_n).copy()
    top["rank"] = top.groupby("group").cumcount() + 1
    n_words = toks[word_mask(toks)].groupby("group").size()
    top["per_1000_words"] = (1000 * top["count"] / top["group"].map(n_words)).round(2)
    top = top.merge(_first_use(terms), on=["group", "norm"], how="left")
    top = attach_quotes(top.rename(columns={"norm": "term"}), sentences)
    columns = ["group", "rank", "term", "count", "per_1000_words", "n_docs", "doc_id",
               "sent_id", "quote"]  # fmt: skip
    return top[columns].reset_index(drop=True)


def keyness_by_group(
    tokens: pd.DataFrame,
    sentences: pd.DataFrame,
    labels: pd.Series,
    min_count: int = 2,
    prior_weight: float = 1.0,
) -> pd.DataFrame:
    """Each group against the rest of the corpus: z-score of the log-odds ratio with the
    corpus as informative Dirichlet prior (``textstats.log_odds_dirichlet``). Terms used
    fewer than ``min_count`` times in the corpus are left out; rows are sorted by group, then
    z (the group's own terms first). One group: no comparison, no rows."""
    toks = _labelled(tokens, labels)
    terms = toks[term_mask(toks)]
    everywhere = terms["norm"].value_counts().sort_index()
    prior = prior_weight * everywhere[everywhere >= min_count]
    frames = []
    for group in sorted(terms["group"].unique()) if terms["group"].nunique() > 1 else []:
        own = terms["group"] == group
        table = log_odds_dirichlet(
            terms.loc[own, "norm"].value_counts(), terms.loc[~own, "norm"].value_counts(), prior
        )
        table = table.rename(columns={"count_a": "count_group", "count_b": "count_rest"})
        frames.append(table.rename_axis("norm").reset_index().assign(group=group))
    table = concat_or_empty(frames, ["norm", "count_group", "count_rest", "log_odds", "se", "z",
                                     "group"])  # fmt: skip
    table = table.merge(_first_use(terms), on=["group", "norm"], how="left")
    table = attach_quotes(table.rename(columns={"norm": "term"}), sentences)
    table = table.sort_values(["group", "z", "term"], ascending=[True, False, True])
    return table[KEYNESS_COLUMNS].reset_index(drop=True)


def group_collocations(
    tokens: pd.DataFrame, sentences: pd.DataFrame, labels: pd.Series, min_count: int = 2
) -> pd.DataFrame:
    """``textstats.collocations`` with each group's articles pooled as one text; rows name
    the group and the doc_id and sent_id of the bigram's first sentence."""
    toks = _labelled(tokens, labels)
    keys = sentences[["doc_id", "sent_id"]].assign(group=sentences["doc_id"].map(labels))
    keys = keys.sort_values(["group", "doc_id", "sent_id"], kind="stable")
    keys["pooled_id"] = keys.groupby("group").cumcount() + 1
    toks = toks.merge(keys, on=["group", "doc_id", "sent_id"], how="left")
    toks = toks.sort_values(["group", "pooled_id", "tok_id"], kind="stable")
    sents = sentences.merge(keys, on=["doc_id", "sent_id"])

    def pooled(table: pd.DataFrame) -> pd.DataFrame:
        table = table.drop(columns=["doc_id", "sent_id"])
        return table.rename(columns={"group": "doc_id", "pooled_id": "sent_id"})

    table = collocations(pooled(toks), pooled(sents), min_count)
    table = table.rename(columns={"doc_id": "group", "sent_id": "pooled_id"})
    table = table.merge(keys, on=["group", "pooled_id"], how="left").drop(columns="pooled_id")
    columns = ["group", "bigram", "count", "likelihood_ratio", "pmi", "rank_lr", "rank_pmi",
               "doc_id", "sent_id", "quote"]  # fmt: skip
    return table[columns]
