"""Prescriptive claims — who should do what: one row per (sentence, actor, policy lever).

A claim is a sentence in which the author prescribes, predicts or rejects a course of action.
Cues are listed in ``helpers.cues`` (modals, "it is overdue for X to", approaches, offers,
rejections, imperatives); cues inside quotation marks are someone else's words and are skipped,
and so are cues reported after "X said/argued … that". A question is not a prescription: a
modal before its subject in a sentence ending with "?" ("Should Washington abandon Seoul?",
"Why should America keep troops in Korea?") or after a question word ("Who should pay?")
gives no claim — not a neutral row, since the author asks rather than takes a stance. Nor does
a conditional "Should talks fail, …", which makes the sentence's other claims conditional.

Actor: the subject of the cue, found as ``helpers.subjects`` describes.

Levers: data/reference/levers.csv patterns, searched in the action side of the cue (after a
modal, before a rejection such as "has failed"), then in the cue's whole clause; a claim that
names no lever gets "other" (dropped when the same actor has a lever in that sentence).

Stance: oppose for rejections, negated modals ("should not", "Neither X nor Y should", "Nor
should X") and negative imperatives; neutral for "don't have to"/"need not"/"Nor does X have
to" and deliberation ("must decide how/whether"); conditional when the sentence sets a
condition ("in exchange for", "in return", "if", "unless", not "even if"; "Should talks fail,
…"); otherwise support. Stance is the author's stance on the action, not on the lever's
intensity: "agree to end joint military exercises" is support (for ending them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import cues, reported
from helpers.actors import Actors, document_mentions
from helpers.direction import ChangeWords, lever_direction, load_change_words
from helpers.errors import InputError
from helpers.executors import map_documents
from helpers.imperatives import imperative_cue
from helpers.levers import LeverMatch, Levers, load_levers  # noqa: F401 (notebook 04 imports)
from helpers.subjects import (
    BACKWARD_SENTENCES,
    SentenceContext,
    cue_actors,
    inverted_subject,
    singular_reference,
    subject_actors,
)
from helpers.tables import concat_or_empty
from helpers.tokenize import by_document

POSITION_COLUMNS = [
    "doc_id", "sent_id", "holder", "voice", "actor", "lever", "direction", "stance", "cue",
    "action", "quote", "cue_type", "actor_source", "source",
]  # fmt: skip
AUTHOR = "author"
OTHER = "other"


@dataclass(frozen=True)
class Claim:
    """One claim: actors with how they were found, and the lever/action text it covers."""

    cue: cues.Cue
    actors: tuple[str, ...]
    source: str
    action: str
    action_side: str  # the text levers are looked for first
    clause: str  # then the cue's whole clause
    stance: str
    holder: str = AUTHOR
    voice: str = AUTHOR


# -- action, levers, stance --------------------------------------------------------------------


def _clause_start(text: str, at: int) -> int:
    """Start of the clause holding ``at``: after the last ; : or "but", connectives skipped."""
    last = 0
    for m in re.finditer(r"[;:]|\bbut\b", text[:at], re.I):
        last = m.end()
    lead = cues.CONNECTIVES.match(text[last:at])
    return last + (lead.end() if lead else 0)


def _shorten(phrase: str) -> str:
    words = phrase.split()
    short = " ".join(words[: cues.MAX_ACTION_WORDS])
    return short + (" …" if len(words) > cues.MAX_ACTION_WORDS else "")


def action_and_scope(
    text: str, cue: cues.Cue, next_start: int, subject_end: int | None = None
) -> tuple[str, str, str]:
    """(action phrase, action-side text, whole clause text) of one cue; ``subject_end``:
    where the subject after an inverted modal ends (the action follows it)."""
    if cue.side == "sentence":
        after = text[cue.start :]
        stop = cues.ACTION_END.search(after)
        return _shorten(after[: stop.start()] if stop else after), text, text
    clause = text[_clause_start(text, cue.start) : next_start]
    if cue.side == "before":
        before = text[_clause_start(text, cue.start) : cue.start]
        lever_side = clause if cue.kind == "approach" else before  # "X would offer a start for Y"
        return _shorten(before.strip(" ,—")), lever_side, clause
    start = cue.start + len("offer") if cue.kind == "offer" else (subject_end or cue.end)
    after = text[start:next_start]
    stop = cues.ACTION_END.search(after)
    prefix = text[cue.start : start] if cue.kind == "offer" or cue.stance == "neutral" else ""
    action = prefix + " " + (after[: stop.start()] if stop else after)
    return _shorten(action.strip()), after, clause


def stance_of(
    text: str, cue: cues.Cue, after: str, negative: bool = False, conditional: bool = False
) -> str:
    """The author's stance on the cue's action (rules in the module docstring).

    ``negative``: a "neither"/"nor" lead negates the modal; ``conditional``: the sentence holds
    a condition its words do not show ("Should talks fail, …").
    """
    if cue.stance:
        return cue.stance
    if cue.kind == "modal" and bool(cues.NEGATED_MODAL.search(cue.text)) != negative:
        return "neutral" if negative and cues.OBLIGATION.search(cue.text) else "oppose"
    if cue.kind == "modal" and cues.DELIBERATIVE.match(after):
        return "neutral"
    if conditional or cues.CONDITIONAL.search(cues.mask_quotes(text)):
        return "conditional"
    return "support"


# -- per sentence, per document ----------------------------------------------------------------


def sentence_claims(ctx: SentenceContext) -> list[Claim]:
    """Claims in one sentence (``ctx.mentions`` has columns actor, s, e: sentence offsets).

    Questions and "Should X happen, …" conditions give none (they still end the action of
    the cue before them).
    """
    text = ctx.text
    found = cues.find_cues(text)
    imperative = imperative_cue(text)
    if imperative and not any(c.start < imperative.end for c in found):
        found.insert(0, imperative)
    masked = cues.mask_quotes(text)
    orders = [cues.word_order(masked, cue) for cue in found]
    conditional = any(order == "condition" for order, _ in orders)
    claims = []
    for i, (cue, (order, negative)) in enumerate(zip(found, orders, strict=True)):
        if order in ("question", "condition"):
            continue
        next_start = found[i + 1].start if i + 1 < len(found) else len(text)
        inverted = inverted_subject(ctx, cue) if order else None
        if inverted:
            actors, source, subject_end = inverted
        else:
            actors, source = cue_actors(ctx, cue)
            subject_end = None
        action, side, clause = action_and_scope(text, cue, next_start, subject_end)
        stance = stance_of(text, cue, side, negative, conditional)
        claims.append(Claim(cue, tuple(actors), source, action, side, clause, stance))
    return claims + reported_claims(ctx) + quoted_claims(ctx)


def reported_claims(ctx: SentenceContext) -> list[Claim]:
    """Positions the sentence reports a named actor to hold (``helpers.reported``)."""
    text = ctx.text
    masked = cues.mask_quotes(text)
    claims = []
    found = reported.stance_cues(masked, text) + reported.speech_cues(masked, text)
    for rep in found + reported.advice_cues(masked, text):
        holders = _holders(ctx, rep)
        if not holders:
            continue
        voice = AUTHOR if holders == [AUTHOR] else rep.voice
        cue = rep.cue
        action, side, clause = action_and_scope(text, cue, len(text))
        stance = stance_of(text, cue, side) if not cue.stance else cue.stance
        if rep.inner:
            actors, source = cue_actors(ctx, cue)
            if source.startswith("addressee"):
                actors, source = holders, "holder (reported)"
        own = [ctx.addressee] if voice == AUTHOR else holders  # "we" is the addressee
        if rep.holder_span:
            actors, source = cue_actors(ctx, cues.Cue("reported", "after", rep.holder_at,
                                                       rep.holder_at, ""))  # fmt: skip
        elif rep.inner:
            pass
        elif rep.actor_is_holder:
            actors, source = own, "holder (reported)"
        else:
            named = _named_in(ctx, cue.end, cue.end + len(side))
            actors, source = (named, "object (reported)") if named else (own, "holder")
        for holder in holders:
            claims.append(Claim(cue, tuple(actors), source, action, side, clause, stance,
                                holder, voice))  # fmt: skip
    return claims


def _holders(ctx: SentenceContext, rep: reported.Reported) -> list[str]:
    """The named actors of the reporting verb's subject ([] for "critics say")."""
    lead = ctx.text[: rep.holder_at]
    if re.search(r"\b(?:it|he|she|who)\s*$", lead, re.I) or re.search(
        r"\b(?:does|do|did|would|will) (?:it|he|she)\b", rep.cue.text, re.I
    ):
        return singular_reference(ctx, rep.holder_at)
    if rep.holder_span:
        return _named_in(ctx, *rep.holder_span)
    at = rep.holder_at
    actors, source = cue_actors(ctx, cues.Cue("reported", "after", at, at, ""))
    if source == "addressee (we)" or re.search(r"\bI\s*$", ctx.text[:at]):
        return [AUTHOR]
    if not source.startswith("addressee"):
        return actors
    first = ctx.text.find(",")  # an appositive: "Flournoy, the favorite for …, is on record"
    if 0 < first < at and not cues.HARD_BOUNDARY.search(ctx.text[:first]):
        return subject_actors(ctx.text, (0, first), ctx.mentions)
    lead = ctx.text[:at]
    group = re.search(r"\b(?:some|many|most|members|officials|leaders|lawmakers|hawks|voices)"
                      r" (?:in|of|from) [^,;:]*$", lead, re.I)  # fmt: skip
    return _named_in(ctx, group.start(), at) if group else []


def _named_in(ctx: SentenceContext, start: int, end: int) -> list[str]:
    inside = ctx.mentions[(ctx.mentions["s"] >= start) & (ctx.mentions["e"] <= end)]
    return list(dict.fromkeys(inside["actor"]))


def quoted_claims(ctx: SentenceContext) -> list[Claim]:
    """Prescriptions inside quotation marks, held by the speaker named outside them."""
    inside, found = reported.quoted_cues(ctx.text)
    if not found:
        return []
    blank = [i for i, (a, b) in enumerate(zip(inside, ctx.text, strict=True)) if a != b]
    outside = ctx.mentions[ctx.mentions["s"].isin(blank)]
    holders = list(dict.fromkeys(outside["actor"])) or list(ctx.previous[0] if ctx.previous else [])
    if not holders:
        return []
    quote_ctx = SentenceContext(inside, ctx.mentions[~ctx.mentions["s"].isin(blank)],
                                ctx.previous, ctx.addressee, ctx.groups)  # fmt: skip
    claims = []
    for i, cue in enumerate(found):
        next_start = found[i + 1].start if i + 1 < len(found) else len(inside)
        actors, source = cue_actors(quote_ctx, cue)
        if source.startswith("addressee"):
            actors, source = holders, "speaker (quoted)"
        action, side, clause = action_and_scope(inside, cue, next_start)
        stance = stance_of(inside, cue, side)
        for holder in holders:
            claims.append(Claim(cue, tuple(actors), source, action, side, clause, stance,
                                holder, "quoted"))  # fmt: skip
    return claims


def extract_positions(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    actors: Actors,
    levers: Levers,
    addressee: str,
) -> pd.DataFrame:
    """positions.csv rows for the documents in ``sentences`` (see the module docstring).

    ``mentions`` are find_mentions rows for the same sentences; ``addressee`` (a canonical
    actor of ``actors``) is the actor of imperatives and subject-less prescriptions.
    """
    if addressee not in actors.canonical:
        raise InputError(f"addressee {addressee!r} is not an actor in the actors table")
    groups = actors.groups
    rows: list[list] = []
    own = by_document(mentions)
    for doc_id, doc in sentences.sort_values(["doc_id", "sent_id"]).groupby("doc_id", sort=True):
        doc_mentions = own.get(doc_id, mentions[:0])
        rows.extend(_document_rows(doc_id, doc, doc_mentions, levers, addressee, groups))
    return pd.DataFrame(_tidy(rows), columns=POSITION_COLUMNS)


def _document_rows(doc_id, doc, mentions, levers: Levers, addressee, groups) -> list[list]:
    by_sentence, named = _mentions_by_sentence(doc, mentions)
    words = change_words()
    previous: list[list[str]] = []  # nearest first, as far back as subjects look
    rows = []
    for sent_id, text in doc[["sent_id", "text"]].itertuples(index=False):
        local = by_sentence.get(sent_id, NO_MENTIONS)
        ctx = SentenceContext(str(text), local, tuple(previous), addressee, groups)
        source = "title" if int(sent_id) == TITLE_SENT_ID else "text"
        for claim in sentence_claims(ctx):
            for lever, match, scope, since in _claim_levers(claim, levers, str(text)):
                direction = lever_direction(scope, match, claim.stance, words, since)
                for actor in claim.actors:
                    rows.append(
                        [doc_id, int(sent_id), claim.holder, claim.voice, actor, lever,
                         direction, claim.stance, claim.cue.text, claim.action, text,
                         claim.cue.kind, claim.source, source]
                    )  # fmt: skip
        previous = [named.get(sent_id, []), *previous][:BACKWARD_SENTENCES]
    return rows


TITLE_SENT_ID = 0  # a title given as sentence 0 (``with_titles``) is a claim like any other


def change_words() -> ChangeWords:
    """The change-word classes of data/reference/directions.csv, read once per process."""
    global _WORDS
    if _WORDS is None:
        _WORDS = load_change_words()
    return _WORDS


_WORDS: ChangeWords | None = None


NO_MENTIONS = pd.DataFrame({"actor": pd.Series(dtype=str), "s": pd.Series(dtype=int),
                            "e": pd.Series(dtype=int)})  # fmt: skip


def _mentions_by_sentence(
    doc: pd.DataFrame, own: pd.DataFrame
) -> tuple[dict[int, pd.DataFrame], dict[int, list[str]]]:
    """One document's mentions per sent_id, with offsets (s, e) relative to the sentence
    (the sent_id column stays: dropping it costs more than carrying it), and the distinct
    actors each sentence names, in order."""
    starts = own["sent_id"].map(dict(zip(doc["sent_id"], doc["start"], strict=True)))
    group = own["group"] if "group" in own.columns else pd.Series("", index=own.index)
    local = pd.DataFrame({"actor": own["actor"], "s": own["start"] - starts,
                          "e": own["end"] - starts, "sent_id": own["sent_id"],
                          "group": group.fillna("")})  # fmt: skip
    local = local.sort_values("sent_id", kind="stable").reset_index(drop=True)
    ids = local["sent_id"].to_numpy()
    cuts = [0, *(np.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist(), len(ids)]
    spans = [(int(ids[a]), a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    actors = local["actor"].tolist()
    named = {i: list(dict.fromkeys(actors[a:b])) for i, a, b in spans}
    return {i: local.iloc[a:b] for i, a, b in spans}, named


def _claim_levers(
    claim: Claim, levers: Levers, sentence: str
) -> list[tuple[str, LeverMatch | None, str, int]]:
    """(lever, its phrase, the text it was found in, end of the phrase before) per lever of a
    claim: levers of the action side, else of the cue's clause, else of the sentence, else
    "other". A lever's
    phrase is its first, or its first naming a reduction ("American forces would return
    home")."""
    for scope in (claim.action_side, claim.clause, sentence):
        found = levers.matches(scope)
        if found:
            out = []
            for lever in dict.fromkeys(m.lever for m in found):
                own = [m for m in found if m.lever == lever]
                match = next((m for m in own if m.polarity == "less"), own[0])
                since = max((m.end for m in found if m.end <= match.start), default=0)
                out.append((lever, match, scope, since))
            return out
    return [(OTHER, None, claim.action_side, 0)]


KEY, LEVER, STANCE = (0, 1, 2, 4), 5, 7  # positions of (doc, sentence, holder, actor) in a row


def _tidy(rows: list[list]) -> list[list]:
    """One row per (doc, sentence, holder, actor, lever), the first cue that takes a side
    winning (a neutral "don't have to" yields to "would need to"); "other" only if alone."""
    seen: set[tuple] = set()
    kept = []
    for row in sorted(rows, key=lambda r: r[STANCE] == "neutral"):  # stable: order kept
        key = (*(row[k] for k in KEY), row[LEVER])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    named = {tuple(row[k] for k in KEY) for row in kept if row[LEVER] != OTHER}
    kept = [r for r in kept if r[LEVER] != OTHER or tuple(r[k] for k in KEY) not in named]
    return sorted(kept, key=lambda r: (*(r[k] for k in KEY), r[LEVER]))


def positions_for_corpus(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    actors: Actors,
    levers: Levers,
    addressee: str,
    overrides: dict[str, str] | None = None,
    titles: dict[str, str] | None = None,
) -> pd.DataFrame:
    """extract_positions per document, with ``overrides`` (doc_id → addressee) applied;
    ``titles`` (doc_id → title) are read as sentence 0 of their document (source "title")."""
    overrides = overrides or {}
    unknown = sorted(set(overrides) - set(sentences["doc_id"]))
    if unknown:
        raise InputError(f"addressee_overrides names unknown doc_id(s) {unknown}")
    if titles:
        sentences, mentions = with_titles(sentences, mentions, titles, actors)
    own = by_document(mentions)
    groups = [
        (doc, own.get(doc_id, mentions[:0]), actors, levers, overrides.get(doc_id, addressee))
        for doc_id, doc in sentences.groupby("doc_id", sort=True)
    ]
    return concat_or_empty(map_documents(extract_positions, groups), POSITION_COLUMNS)


def title_sentences(sentences: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """``sentences`` with each document's non-empty title first, as sentence 0 (para 0,
    offsets 0 … len(title): a title is not part of the cleaned body)."""
    docs = sorted(set(sentences["doc_id"]))
    rows = [
        (d, TITLE_SENT_ID, 0, 0, len(t), t) for d in docs if (t := (titles.get(d) or "").strip())
    ]
    heads = pd.DataFrame(rows, columns=["doc_id", "sent_id", "para_id", "start", "end", "text"])
    return concat_or_empty([heads, sentences[heads.columns]], list(heads.columns))


def with_titles(
    sentences: pd.DataFrame, mentions: pd.DataFrame, titles: dict[str, str], actors: Actors
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(sentences with titles as sentence 0, mentions with the titles' mentions added)."""
    table = title_sentences(sentences, titles)
    heads = table[table["sent_id"] == TITLE_SENT_ID]
    found = document_mentions(heads, actors)
    return table, concat_or_empty([found, mentions], list(mentions.columns))
