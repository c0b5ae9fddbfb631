"""Counts over sentences.csv and tokens.csv: text statistics, top terms, keyness, collocations,
keyword-in-context lines and dispersion. Every row that points into the text carries its
doc_id, sent_id and the sentence (``quote``) it comes from.

Words are tokens that are not punctuation and not a split-off clitic ("’s", "n’t"); terms are
words that are not stopwords, counted by their ``norm``.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise

import numpy as np
import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

from helpers.errors import InputError
from helpers.tables import concat_or_empty
from helpers.tokenize import by_document, normalize, tokenize

STATS_COLUMNS = [
    "doc_id",
    "n_paragraphs",
    "n_sentences",
    "n_tokens",
    "n_words",
    "n_types",
    "mean_sentence_length",
    "syllables_per_word",
    "readability",
]
CLITIC_NORM = re.compile(r"'\w+|n't")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


# -- text statistics ---------------------------------------------------------------------------


def word_mask(tokens: pd.DataFrame) -> pd.Series:
    """True for word tokens: not punctuation and not a split-off clitic."""
    norms = tokens["norm"].astype(str)
    distinct = pd.unique(norms)
    clitic = {n for n in distinct if CLITIC_NORM.fullmatch(n)}
    return ~tokens["is_punct"].astype(bool) & ~norms.isin(clitic)


def term_mask(tokens: pd.DataFrame) -> pd.Series:
    """True for content terms: words that are not stopwords."""
    return word_mask(tokens) & ~tokens["is_stop"].astype(bool)


def syllables(word: str) -> int:
    """Syllable estimate: runs of vowels (a e i o u y), less a silent final "e" (not "-le",
    "-ee"); at least 1, so numbers and vowel-less acronyms ("DPRK") count as one."""
    word = word.lower()
    count = len(VOWEL_GROUP.findall(word))
    if count > 1 and word.endswith("e") and not word.endswith(("le", "ee")):
        count -= 1
    return max(1, count)


def flesch_reading_ease(n_words: int, n_sentences: int, n_syllables: int) -> float:
    """Flesch (1948) reading ease: 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words).

    Higher is easier: 60–70 plain English, 30–50 college level, below 30 academic prose.
    """
    if not n_words or not n_sentences:
        return math.nan
    return 206.835 - 1.015 * n_words / n_sentences - 84.6 * n_syllables / n_words


def stats_row(doc_id: str, counts: dict[str, int]) -> dict:
    """One textstats.csv row from a document's counts: paragraphs, sentences, tokens, words,
    types and syllables (see ``text_stats``)."""
    n_sentences, n_words, n_syllables = (counts[k] for k in ("sentences", "words", "syllables"))
    return {
        "doc_id": doc_id,
        "n_paragraphs": counts["paragraphs"],
        "n_sentences": n_sentences,
        "n_tokens": counts["tokens"],
        "n_words": n_words,
        "n_types": counts["types"],
        "mean_sentence_length": round(n_words / n_sentences, 2) if n_sentences else math.nan,
        "syllables_per_word": round(n_syllables / n_words, 3) if n_words else math.nan,
        "readability": round(flesch_reading_ease(n_words, n_sentences, n_syllables), 2),
    }


def text_stats(sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """textstats.csv: one row per document of ``sentences``, in doc_id order: counts, mean
    sentence length in words, Flesch reading ease.

    n_paragraphs counts paragraphs holding a sentence; n_tokens counts every token row
    (punctuation included); n_words and n_types count words and their distinct norms.
    """
    words = tokens.loc[word_mask(tokens), ["doc_id", "norm"]]
    per_word = {w: syllables(w) for w in pd.unique(words["norm"])}
    words = words.assign(syllables=words["norm"].map(per_word))
    by_word = words.groupby("doc_id")
    columns = {
        "paragraphs": sentences.groupby("doc_id")["para_id"].nunique(),
        "sentences": sentences.groupby("doc_id").size(),
        "tokens": tokens.groupby("doc_id").size(),
        "words": by_word.size(),
        "types": by_word["norm"].nunique(),
        "syllables": by_word["syllables"].sum(),
    }
    rows = [
        stats_row(doc_id, {k: int(v.get(doc_id, 0)) for k, v in columns.items()})
        for doc_id in sorted(set(sentences["doc_id"]))
    ]
    return pd.DataFrame(rows, columns=STATS_COLUMNS)


# -- quotes ------------------------------------------------------------------------------------


def attach_quotes(rows: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (with doc_id, sent_id) plus the sentence text as ``quote``."""
    quotes = sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "quote"})
    return rows.merge(quotes, on=["doc_id", "sent_id"], how="left")


# -- top terms ---------------------------------------------------------------------------------


def top_terms(tokens: pd.DataFrame, sentences: pd.DataFrame, top_n: int = 15) -> pd.DataFrame:
    """The ``top_n`` most frequent terms of each document (ties by term), with the rate per
    1,000 words and the first sentence using each term."""
    if top_n < 1:
        raise InputError(f"top_n: must be at least 1, got {top_n}")
    terms = tokens[term_mask(tokens)]
    counts = terms.groupby(["doc_id", "norm"]).agg(
        count=("tok_id", "size"), sent_id=("sent_id", "min")
    )
    counts = counts.reset_index().rename(columns={"norm": "term"})
    counts = counts.sort_values(["doc_id", "count", "term"], ascending=[True, False, True])
    top = counts.groupby("doc_id").head(top_n).copy()
    top["rank"] = top.groupby("doc_id").cumcount() + 1
    n_words = tokens[word_mask(tokens)].groupby("doc_id").size()
    top["per_1000_words"] = (1000 * top["count"] / top["doc_id"].map(n_words)).round(2)
    top = attach_quotes(top, sentences)
    return top[["doc_id", "rank", "term", "count", "per_1000_words", "sent_id", "quote"]]


# -- keyness -----------------------------------------------------------------------------------


def log_odds_dirichlet(counts_a: pd.Series, counts_b: pd.Series, prior: pd.Series) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, §3.5).

    For word w with counts y_a, y_b, prior α_w, totals n_a, n_b and α_0 = Σα:
    δ_w = log((y_a+α_w)/(n_a+α_0−y_a−α_w)) − log((y_b+α_w)/(n_b+α_0−y_b−α_w)),
    σ²_w ≈ 1/(y_a+α_w) + 1/(y_b+α_w), z_w = δ_w/σ_w. Positive z favours A. All three
    series are indexed by term; the result is indexed by ``prior``'s terms.
    """
    y_a = counts_a.reindex(prior.index, fill_value=0).astype(float)
    y_b = counts_b.reindex(prior.index, fill_value=0).astype(float)
    alpha, alpha0 = prior.astype(float), float(prior.sum())
    n_a, n_b = y_a.sum(), y_b.sum()
    delta = np.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha)) - np.log(
        (y_b + alpha) / (n_b + alpha0 - y_b - alpha)
    )
    se = np.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))
    return pd.DataFrame(
        {
            "count_a": y_a.astype(int),
            "count_b": y_b.astype(int),
            "log_odds": delta,
            "se": se,
            "z": delta / se,
        }  # fmt: skip
    )


# -- collocations ------------------------------------------------------------------------------


def word_runs(tokens: pd.DataFrame) -> tuple[list[list[str]], list[tuple[str, int]]]:
    """Runs of normalized words between punctuation marks (so a bigram never spans a comma
    or a sentence), and the (doc_id, sent_id) of each run."""
    doc, sent = tokens["doc_id"].to_numpy(), tokens["sent_id"].to_numpy()
    punct = tokens["is_punct"].to_numpy(dtype=bool)
    after = np.ones(len(tokens), dtype=bool)  # the token opens a run unless it continues one
    after[1:] = punct[:-1] | (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])
    words = ~punct
    starts = np.flatnonzero((after & words)[words])  # run starts, counted among the words
    norms = tokens["norm"].to_numpy()[words].tolist()
    bounds = [*starts.tolist(), len(norms)]
    runs = [norms[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    first = np.flatnonzero(words)[starts]
    where = list(zip(doc[first].tolist(), sent[first].tolist(), strict=True))
    return runs, where


def collocations(tokens: pd.DataFrame, sentences: pd.DataFrame, min_count: int = 2) -> pd.DataFrame:
    """Bigrams of each document scored by NLTK's likelihood ratio and PMI.

    Bigrams never cross punctuation; those with a stopword or clitic, or seen fewer than
    ``min_count`` times, are left out. Rows per document are sorted by likelihood ratio.
    """
    toks = by_document(tokens)
    frames = [_doc_collocations(d, toks[d], min_count) for d in sorted(toks)]
    columns = [
        "doc_id",
        "bigram",
        "count",
        "likelihood_ratio",
        "pmi",
        "rank_lr",
        "rank_pmi",
        "sent_id",
    ]
    table = concat_or_empty(frames, columns)
    return attach_quotes(table[columns], sentences)


def _doc_collocations(doc_id: str, tokens: pd.DataFrame, min_count: int) -> pd.DataFrame:
    runs, where = word_runs(tokens)
    finder = BigramCollocationFinder.from_documents(runs)
    skip = set(tokens.loc[~term_mask(tokens), "norm"])
    finder.apply_word_filter(lambda w: w in skip)
    finder.apply_freq_filter(min_count)
    measures = BigramAssocMeasures()
    lr = dict(finder.score_ngrams(measures.likelihood_ratio))
    pmi = dict(finder.score_ngrams(measures.pmi))
    first = _first_runs(runs, where, set(lr))
    rows = [
        (doc_id, f"{a} {b}", finder.ngram_fd[(a, b)], lr[(a, b)], pmi[(a, b)], first[(a, b)])
        for a, b in lr
    ]
    table = pd.DataFrame(
        rows, columns=["doc_id", "bigram", "count", "likelihood_ratio", "pmi", "sent_id"]
    )
    table = table.sort_values(
        ["likelihood_ratio", "bigram"], ascending=[False, True], ignore_index=True
    )
    table["rank_lr"] = range(1, len(table) + 1)
    table["rank_pmi"] = table["pmi"].rank(ascending=False, method="min").astype(int)
    return table.round({"likelihood_ratio": 3, "pmi": 3})


def _first_runs(runs: list[list[str]], where: list[tuple[str, int]], bigrams: set) -> dict:
    first: dict = {}
    for run, (_, sent_id) in zip(runs, where, strict=True):
        for pair in pairwise(run):
            if pair in bigrams:
                first.setdefault(pair, sent_id)
    return first


# -- keyword in context and dispersion ---------------------------------------------------------


def term_norms(term: str) -> list[str]:
    """A search term as the sequence of token norms it matches ("North Korea" → north, korea)."""
    norms = [normalize(t) for t in tokenize(term)]
    if not norms:
        raise InputError(f"term {term!r}: holds no token")
    return norms


def find_term(tokens: pd.DataFrame, term: str) -> pd.DataFrame:
    """Occurrences of ``term`` (one or more words) inside one sentence: doc_id, sent_id,
    term, tok_id of the first token, start and end offsets of the whole match."""
    norms = term_norms(term)
    width = len(norms)
    values = tokens["norm"].to_numpy()
    n = max(len(values) - width + 1, 0)
    hit = np.ones(n, dtype=bool)
    for i, norm in enumerate(norms):
        hit &= values[i : i + n] == norm
    first = np.flatnonzero(hit)
    last = first + width - 1
    same = (tokens["doc_id"].to_numpy()[first] == tokens["doc_id"].to_numpy()[last]) & (
        tokens["sent_id"].to_numpy()[first] == tokens["sent_id"].to_numpy()[last]
    )
    first, last = first[same], last[same]
    return pd.DataFrame(
        {
            "doc_id": tokens["doc_id"].to_numpy()[first],
            "sent_id": tokens["sent_id"].to_numpy()[first],
            "term": term,
            "tok_id": tokens["tok_id"].to_numpy()[first],
            "start": tokens["start"].to_numpy()[first],
            "end": tokens["end"].to_numpy()[last],
        }
    )


def find_terms(tokens: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """``find_term`` for each term, in the order given, tokens in document order."""
    frames = [find_term(tokens, term) for term in terms]
    return concat_or_empty(frames, ["doc_id", "sent_id", "term", "tok_id", "start", "end"])


def kwic(
    tokens: pd.DataFrame, sentences: pd.DataFrame, terms: list[str], width: int = 60
) -> pd.DataFrame:
    """Keyword-in-context lines: left context, keyword as written, right context (up to
    ``width`` characters each, within the sentence), with doc_id, sent_id and offsets."""
    hits = attach_quotes(find_terms(tokens, terms), sentences)
    starts = hits.merge(
        sentences[["doc_id", "sent_id", "start"]], on=["doc_id", "sent_id"], suffixes=("", "_sent")
    )["start_sent"]
    rows = []
    for hit, s0 in zip(hits.itertuples(index=False), starts, strict=True):
        a, b = hit.start - s0, hit.end - s0
        left, right = hit.quote[:a], hit.quote[b:]
        left = left if len(left) <= width else "…" + left[-width:]
        right = right if len(right) <= width else right[:width] + "…"
        rows.append(
            (hit.doc_id, hit.sent_id, hit.term, left, hit.quote[a:b], right, hit.start, hit.end)
        )
    columns = ["doc_id", "sent_id", "term", "left", "keyword", "right", "start", "end"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["doc_id", "start", "term"], ignore_index=True)


def dispersion(tokens: pd.DataFrame, sentences: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """Where each term occurs along each document: token position (tok_id) and its share of
    the document's length, with the sentence for hover."""
    hits = attach_quotes(find_terms(tokens, terms), sentences)
    length = tokens.groupby("doc_id")["tok_id"].max()
    hits["position"] = (hits["tok_id"] / hits["doc_id"].map(length)).round(4)
    return hits.sort_values(["doc_id", "tok_id", "term"], ignore_index=True)


def top_collocations(
    table: pd.DataFrame, by: str = "likelihood_ratio", top_n: int = 15, panel: str = "doc_id"
) -> pd.DataFrame:
    """The ``top_n`` bigrams of each document (or of each ``panel``, e.g. the group of
    ``groupterms.group_collocations``) by ``by`` ("likelihood_ratio" or "pmi")."""
    if by not in ("likelihood_ratio", "pmi"):
        raise InputError(f"by: must be 'likelihood_ratio' or 'pmi', got {by!r}")
    ordered = table.sort_values([panel, by, "bigram"], ascending=[True, False, True])
    where = ["sent_id"] if panel == "doc_id" else ["doc_id", "sent_id"]
    columns = [panel, "bigram", "count", by, *where, "quote"]
    return ordered.groupby(panel).head(top_n)[columns].set_index([panel, "bigram"])


def corpus_terms(tokens: pd.DataFrame, n: int = 3) -> list[str]:
    """The ``n`` most frequent terms of the whole corpus (ties by term)."""
    counts = tokens.loc[term_mask(tokens), "norm"].value_counts()
    return sorted(counts.index, key=lambda t: (-counts[t], t))[:n]


def sentence_counts_note(stats: pd.DataFrame, many: int = 6) -> str:
    """One line: sentences and tokens per article (totals beyond ``many`` articles), from
    ``text_stats``."""
    if len(stats) > many:
        return (
            f"{len(stats):,} articles: {stats['n_sentences'].sum():,} sentences / "
            f"{stats['n_tokens'].sum():,} tokens in all; per article, median "
            f"{stats['n_sentences'].median():g} sentences / {stats['n_tokens'].median():g} tokens."
        )
    parts = [
        f"{r.doc_id} {r.n_sentences} sentences / {r.n_tokens} tokens" for r in stats.itertuples()
    ]
    return "Per article: " + "; ".join(parts) + "." if parts else "No article."
