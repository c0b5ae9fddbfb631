"""Sentences and word tokens with character offsets into a document's cleaned text.

Sentences: NLTK's Punkt, run paragraph by paragraph (a sentence never crosses a paragraph, so
a heading or dateline cannot be glued to body text). Punkt is trained on the document itself
for its orthographic evidence (which words occur lower-case, i.e. are not names), and its
abbreviations are the curated ones in data/reference/abbreviations.csv plus any dotted ones it
learns ("u.s"); single-word abbreviations learned from one short text are unreliable (it learns
"ii" from "World War II.") and are not used. Nothing is downloaded.

Words: one regular expression scanned left to right (see ``TOKEN_RULES``), so every token is a
slice of the text: ``text[start:end] == token``. Curly and straight apostrophes are treated
alike: "O’Brien" is one token, "DPRK’s" → "DPRK" + "’s", "don’t" → "do" + "n’t" (Penn
Treebank convention). Hyphenated words ("Kim Jong-un", "mid-2017", "COVID-19"), dotted
abbreviations ("U.S.", "U.S.-PRC"), URLs and numbers ("1,000", "3.5", "70th") stay whole; em
dashes and other punctuation are tokens of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pandas as pd
from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
    PunktTrainer,
)

from helpers.errors import InputError
from helpers.executors import map_documents
from helpers.paths import reference_file
from helpers.tables import concat_or_empty, read_reference

SENTENCE_COLUMNS = ["doc_id", "sent_id", "para_id", "start", "end", "text"]
TOKEN_COLUMNS = [
    "doc_id", "sent_id", "tok_id", "token", "norm", "start", "end", "is_stop", "is_punct",
]  # fmt: skip

APOS = "’'"
CLITIC = r"(?i:s|re|ve|ll|d|m)(?!\w)"  # 's 're 've 'll 'd 'm split off a word
HYPHEN = "-‐‑"  # hyphen-minus, hyphen, non-breaking hyphen
DOTTED = r"(?:[^\W\d_]\.){2,}"  # U.S. e.g. a.m.
TOKEN_RULES = [
    # fast paths for the common cases; each defers to the full rules below when in doubt
    ("plain word", r"[^\W\d_]+(?=[\s,;)\]”\"!?—]|\Z)"),  # letters followed by space or , ; ) …
    ("plain punctuation", r"[,;:!?()\[\]“”\"—–]|\.(?!\.)"),
    ("url", r"(?:https?://|www\.)[^\s<>\"“”]*[^\s<>\"“”.,;:!?’')\]}]"),
    ("dotted", rf"{DOTTED}(?:[{HYPHEN}]\w+)*"),  # U.S., U.S.-PRC
    ("number", r"\d+(?:[.,:/]\d+)+\w*"),  # 1,000  3.5  10:30  1,000th
    (
        "abbreviation",
        r"(?=[^\W\d_]{1,8}\.\s)\b(?i:<ABBREVIATIONS>)\.(?=\s)",
    ),  # Mr. Gen. (not at the text's end)
    ("initial", r"\b[A-Z]\.(?=\s)"),  # the C. of Robert C. O’Brien
    ("negation stem", rf"[^\W\d_]+(?=n[{APOS}]t\b)"),  # do|n’t, ca|n’t
    ("negation", rf"n[{APOS}]t\b"),
    ("clitic", rf"(?<=\w)[{APOS}]{CLITIC}"),  # DPRK|’s
    ("word", rf"\w+(?:[{HYPHEN}](?:{DOTTED}|\w+)|[{APOS}](?!{CLITIC})\w+)*"),  # O’Brien, Jong-un
    ("ellipsis or dash run", r"\.{2,}|-{2,}"),
    ("punctuation", r"[^\w\s\u200b-\u200d\ufeff]"),  # one character: — “ ” , . ( $ …
]
PUNCT = re.compile(r"[^\w]+")
NORM_TABLE = str.maketrans({"’": "'", "‘": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                            "‐": "-", "‑": "-"})  # fmt: skip


@lru_cache(maxsize=8)
def load_abbreviations(path: Path | None = None) -> frozenset[str]:
    """Curated abbreviations (lower case, final period dropped) from abbreviations.csv."""
    return frozenset(
        _read_column(path or reference_file("abbreviations.csv"), "abbreviation", "abbreviations")
    )


@lru_cache(maxsize=8)
def load_stopwords(path: Path | None = None) -> frozenset[str]:
    """Stopwords (normalized forms) from stopwords.csv: the Snowball list plus noted additions."""
    return frozenset(_read_column(path or reference_file("stopwords.csv"), "word", "stopwords"))


def _read_column(path: Path, column: str, what: str) -> list[str]:
    """The non-empty values of ``column``, stripped and lower-cased."""
    table = read_reference(path, [column], what)
    return [v.strip().lower() for v in table[column] if v.strip()]


# -- sentences ---------------------------------------------------------------------------------


def sentence_splitter(text: str, abbreviations: frozenset[str]) -> PunktSentenceTokenizer:
    """Punkt trained on ``text`` (orthographic evidence) with the given abbreviations."""
    trainer = PunktTrainer(lang_vars=LANGUAGE, token_cls=Token)
    trainer.train(text, finalize=True)
    params: PunktParameters = trainer.get_params()
    params.abbrev_types = set(abbreviations) | {a for a in params.abbrev_types if "." in a}
    return PunktSentenceTokenizer(params, lang_vars=LANGUAGE, token_cls=Token)


class LanguageVars(PunktLanguageVars):
    """Punkt's English variables with NLTK's own three patterns compiled once by the standard
    library. NLTK compiles them per tokenizer (checking each for ReDoS) and runs every match
    under a timeout; for the per-document training here that cost more than the splitting.
    The patterns are linear, and this is how Punkt ran before NLTK 3.9."""

    re_boundary_realignment = re.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def _word_tokenizer_re(self) -> re.Pattern:
        return _compiled(
            self._word_tokenize_fmt
            % {
                "NonWord": self._re_non_word_chars,
                "MultiChar": self._re_multi_char_punct,
                "WordStart": self._re_word_start,
            }
        )

    def period_context_re(self) -> re.Pattern:
        return _compiled(
            self._period_context_fmt
            % {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars}
        )


@lru_cache(maxsize=4)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.UNICODE | re.VERBOSE)


LANGUAGE = LanguageVars()


class Token(PunktToken):
    """Punkt's token with what it derives from the token's string alone (its type and the
    ellipsis, initial, alphabetic and non-punctuation tests) computed once per distinct
    string instead of per occurrence, which was most of Punkt's training time. Same values
    (the tests return booleans where Punkt returns a match object; Punkt only tests them)."""

    __slots__ = ()

    def __init__(self, tok: str, **params) -> None:
        self.tok, self.type, self.period_final = tok, _token_type(tok), tok.endswith(".")
        self.parastart = self.linestart = self.sentbreak = self.abbr = self.ellipsis = None
        for name, value in params.items():
            setattr(self, name, value)

    def _get_type(self, tok: str) -> str:
        return _token_type(tok)

    @property
    def is_ellipsis(self) -> bool:
        return _token_tests(self.tok)[0]

    @property
    def is_initial(self) -> bool:
        return _token_tests(self.tok)[1]

    @property
    def is_alpha(self) -> bool:
        return _token_tests(self.tok)[2]

    @property
    def is_non_punct(self) -> bool:
        return _NON_PUNCT.search(self.type) is not None


_NON_PUNCT = re.compile(r"[^\W\d]")  # Punkt's _re_non_punct
_PLAIN = PunktToken("plain")  # computes Punkt's own answers for the caches below


@lru_cache(maxsize=1 << 16)
def _token_type(tok: str) -> str:
    return PunktToken._get_type(_PLAIN, tok)


@lru_cache(maxsize=1 << 16)
def _token_tests(tok: str) -> tuple[bool, bool, bool]:
    return (
        bool(PunktToken._RE_ELLIPSIS.match(tok)),
        bool(PunktToken._RE_INITIAL.match(tok)),
        bool(PunktToken._RE_ALPHA.match(tok)),
    )


def sentences_for_doc(
    doc_id: str, text: str, paragraphs: pd.DataFrame, abbreviations: frozenset[str] | None = None
) -> pd.DataFrame:
    """Sentence rows of one document: paragraph by paragraph, offsets into ``text``.

    ``paragraphs`` holds this document's rows of paragraphs.csv (others are ignored); dropped
    paragraphs, whose offsets are empty, are skipped.
    """
    splitter = sentence_splitter(text, abbreviations or load_abbreviations())
    rows = []
    for para_id, start, end in _kept_paragraphs(doc_id, text, paragraphs):
        for s, e in splitter.span_tokenize(text[start:end]):
            rows.append(
                (doc_id, len(rows) + 1, para_id, start + s, start + e, text[start + s : start + e])
            )
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def _kept_paragraphs(
    doc_id: str, text: str, paragraphs: pd.DataFrame
) -> list[tuple[int, int, int]]:
    """(para_id, start, end) of the document's kept paragraphs, checked against ``text``."""
    rows = paragraphs[(paragraphs["doc_id"] == doc_id) & paragraphs["start"].notna()]
    spans = []
    for para_id, start, end, para in rows[["para_id", "start", "end", "text"]].itertuples(
        index=False
    ):
        start, end = int(start), int(end)
        if text[start:end] != para:
            raise InputError(
                f"{doc_id}: paragraph {para_id} does not match the cleaned text at {start}:{end};"
                " re-run 01_ingest"
            )
        spans.append((int(para_id), start, end))
    return spans


def sentences_for_corpus(texts: dict[str, str], paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Sentence rows of every document in ``texts``, in doc_id order."""
    by_doc, abbreviations = by_document(paragraphs), load_abbreviations()
    groups = [(d, texts[d], by_doc.get(d, paragraphs[:0]), abbreviations) for d in sorted(texts)]
    return concat_or_empty(map_documents(sentences_for_doc, groups), SENTENCE_COLUMNS)


def by_document(table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """``table``'s rows per doc_id, split once (filtering per document is quadratic)."""
    return dict(iter(table.groupby("doc_id", sort=False)))


# -- words -------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def token_pattern(abbreviations: frozenset[str]) -> re.Pattern:
    """The compiled tokenizer: ``TOKEN_RULES`` in order, single-word abbreviations filled in."""
    words = sorted(
        (re.escape(a) for a in abbreviations if "." not in a), key=lambda a: (-len(a), a)
    )
    alternatives = "|".join(words) or "(?!)"
    rules = [rule.replace("<ABBREVIATIONS>", alternatives) for _, rule in TOKEN_RULES]
    return re.compile("|".join(f"(?:{rule})" for rule in rules))


def iter_tokens(text: str, abbreviations: frozenset[str] | None = None) -> Iterator[re.Match]:
    """Token matches in ``text`` (``.group()``, ``.start()``, ``.end()``)."""
    return token_pattern(abbreviations or load_abbreviations()).finditer(text)


def tokenize(text: str) -> list[str]:
    """The tokens of ``text`` as strings."""
    return [m.group() for m in iter_tokens(text)]


def normalize(token: str) -> str:
    """Lower case with curly quotes and hyphen variants folded to ASCII."""
    return token.lower().translate(NORM_TABLE)


def is_punct(token: str) -> bool:
    """True when the token has no letter or digit."""
    return PUNCT.fullmatch(token) is not None


def tokens_for_doc(
    doc_id: str, text: str, sentences: pd.DataFrame, stopwords: frozenset[str] | None = None
) -> pd.DataFrame:
    """Token rows of one document, sentence by sentence; ``tok_id`` counts from 1 per document."""
    stopwords = load_stopwords() if stopwords is None else stopwords
    pattern = token_pattern(load_abbreviations())
    own = sentences[sentences["doc_id"] == doc_id]
    cols: dict[str, list] = {c: [] for c in ("sent_id", "token", "start", "end")}
    for sent_id, start, end in own[["sent_id", "start", "end"]].itertuples(index=False):
        start = int(start)
        for m in pattern.finditer(text, start, int(end)):
            cols["sent_id"].append(int(sent_id))
            cols["token"].append(m.group())
            cols["start"].append(m.start())
            cols["end"].append(m.end())
    return _token_frame(doc_id, cols, stopwords)


def _token_frame(doc_id: str, cols: dict[str, list], stopwords: frozenset[str]) -> pd.DataFrame:
    types = set(cols["token"])
    norm_of = {t: normalize(t) for t in types}
    punct = {t: is_punct(t) for t in types}
    norms = [norm_of[t] for t in cols["token"]]
    return pd.DataFrame(
        {
            "doc_id": doc_id,
            "sent_id": cols["sent_id"],
            "tok_id": range(1, len(norms) + 1),
            "token": cols["token"],
            "norm": norms,
            "start": cols["start"],
            "end": cols["end"],
            "is_stop": [n in stopwords for n in norms],
            "is_punct": [punct[t] for t in cols["token"]],
        },
        columns=TOKEN_COLUMNS,
    )


def tokens_for_corpus(texts: dict[str, str], sentences: pd.DataFrame) -> pd.DataFrame:
    """Token rows of every document in ``texts``, in doc_id order."""
    by_doc, stopwords = by_document(sentences), load_stopwords()
    groups = [(d, texts[d], by_doc.get(d, sentences[:0]), stopwords) for d in sorted(texts)]
    return concat_or_empty(map_documents(tokens_for_doc, groups), TOKEN_COLUMNS)
