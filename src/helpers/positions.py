"""Prescriptive claims — who should do what: one row per (sentence, actor, policy lever).

A claim is a sentence in which the author prescribes, predicts or rejects a course of action.
Cues are listed in ``helpers.cues`` (modals, "it is overdue for X to", approaches, offers,
rejections, imperatives); cues inside quotation marks are someone else's words and are skipped,
and so are cues reported after "X said/argued … that". A question is not a prescription: a
modal before its subject in a sentence ending with "?" ("Should Washington abandon Seoul?",
"Why should America keep troops in Korea?") or after a question word ("Who should pay?")
gives no claim — not a neutral row, since the author asks rather than takes a stance. Nor does
a conditional "Should talks fail, …", which makes the sentence's other claims conditional.

Actor: the subject of the cue, not any actor in the sentence. The subject is the stretch of
text between the last clause boundary and the cue; actors in it that follow a preposition or
are possessive modifiers ("Beijing's North Korean allies") are not subjects. After an inverted
modal ("Nor should Washington …") the subject is the actors or pronoun right after the modal.
A gerund subject ("Continuing to infantilize Seoul is not …"), a subject with no actor
("“Maximum pressure” has failed") and an imperative have the article's addressee as actor,
and so does the authorial "we"/"us" (an op-ed's "we" is the country it addresses; "Seoul and
we" gives both). A contrast between commas or after "not"/"rather than" ("China, not the
United States, should") is skipped, so the actor is the one before it. A plural reference
("the two governments", "they", "both") takes the actors of the nearest preceding sentence
that names any (up to three sentences back; a lone actor is paired with the addressee);
"it/he/she" the last actor named before it. A group subject ("the allies") gives one row per
member. A possessor with a relational noun ("Washington’s allies") is not the subject: when
"the allies" is a group alias in actors.csv with the possessor as a member, the subject is the
other members (South Korea); otherwise it names no known actor and gives no claim (the
addressee would be a guess). Other possessives stand for their possessor ("Seoul’s
government").

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
from pathlib import Path

import pandas as pd

from helpers import cues
from helpers.actors import Alias, canonical_actors, compile_aliases
from helpers.errors import InputError
from helpers.paths import reference_file
from helpers.tables import read_reference
from helpers.tokenize import by_document

LEVER_COLUMNS = ["lever", "pattern", "note"]
POSITION_COLUMNS = [
    "doc_id", "sent_id", "actor", "lever", "stance", "cue", "action", "quote",
    "cue_type", "actor_source",
]  # fmt: skip
OTHER = "other"
BACKWARD_SENTENCES = 3


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


# -- reference tables --------------------------------------------------------------------------


def load_levers(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate levers.csv (default: the repository's data/reference/levers.csv)."""
    path = Path(path) if path else reference_file("levers.csv")
    table = read_reference(path, LEVER_COLUMNS, "levers")
    compile_levers(table, str(path))
    return table


def compile_levers(
    levers: pd.DataFrame, source: str = "levers table"
) -> list[tuple[str, re.Pattern]]:
    """(lever, compiled pattern) per row, case-insensitive, on word boundaries."""
    compiled = []
    for number, (lever, pattern) in enumerate(
        zip(levers["lever"], levers["pattern"], strict=True), start=2
    ):
        if not lever.strip() or not pattern.strip():
            raise InputError(f"{source}: row {number} needs a lever and a pattern")
        try:
            compiled.append((lever.strip(), re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I)))
        except re.error as err:
            raise InputError(f"{source}: row {number}: bad pattern {pattern!r} ({err})") from None
    return compiled


def levers_in(text: str, compiled: list[tuple[str, re.Pattern]]) -> list[str]:
    """Levers named in ``text``, in levers.csv order, each once.

    Matches are taken longest first and may not overlap, so "sanctions relief" counts for
    the relief lever only, not also for plain "sanctions".
    """
    found = sorted(
        ((m.start(), m.end(), i) for i, (_, rx) in enumerate(compiled) for m in rx.finditer(text)),
        key=lambda f: (f[0] - f[1], f[0], f[2]),
    )
    taken: list[tuple[int, int, int]] = []
    for start, end, i in found:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, i))
    return list(dict.fromkeys(compiled[i][0] for i in sorted(i for _, _, i in taken)))


# -- actors ------------------------------------------------------------------------------------


def _subject_start(text: str, cue_start: int) -> int:
    """Start of the cue's subject: just after the last clause boundary before the cue."""
    last = 0
    for m in re.finditer(
        f"{cues.SOFT_BOUNDARY.pattern}|{cues.HARD_BOUNDARY.pattern}", text[:cue_start], re.I
    ):
        last = m.end()
    return last


def _is_subject(text: str, start: int, end: int, span_start: int) -> bool:
    """False for an actor after a preposition ("with Beijing") or "not" in the subject span."""
    before = [w.lower() for w in re.findall(r"[\w’']+", text[span_start:start])]
    while before and before[-1] in cues.DETERMINERS:
        before.pop()
    return not (before and before[-1] in cues.PREPOSITIONS | cues.EXCLUDING)


def _possessive(text: str, end: int) -> bool:
    return bool(re.match(r"[’']s?\b", text[end:]))


def subject_actors(text: str, span: tuple[int, int], mentions: pd.DataFrame) -> list[str]:
    """Actors named as subject in ``text[span[0]:span[1]]`` (``mentions``: sentence offsets)."""
    inside = [
        (actor, e)
        for actor, s, e in zip(mentions["actor"], mentions["s"], mentions["e"], strict=True)
        if s >= span[0] and e <= span[1] and _is_subject(text, s, e, span[0])
    ]
    heads = [actor for actor, e in inside if not _possessive(text, e)]
    return list(dict.fromkeys(heads or [actor for actor, _ in inside]))


def possessor_relation(
    text: str, span: tuple[int, int], mentions: pd.DataFrame, groups: list[Alias]
) -> list[str] | None:
    """Actors of a subject "X’s <relational noun>" (see the module docstring), else None.

    The other members of the group "the <noun>" names when X is one of them; [] when the
    noun is relational ("allies", "partners") but no such group holds X.
    """
    inside = [
        (actor, e)
        for actor, s, e in zip(mentions["actor"], mentions["s"], mentions["e"], strict=True)
        if s >= span[0] and e <= span[1] and _is_subject(text, s, e, span[0])
    ]
    if not inside or not all(_possessive(text, e) for _, e in inside):
        return None
    words = re.findall(r"[\w’'-]+", text[max(e for _, e in inside) : span[1]])
    head = words[-1].lower() if len(words) > 1 else ""
    group = _group_named(head, groups)
    owners = {actor for actor, _ in inside}
    if group and owners & set(group.members):
        return [m for m in group.members if m not in owners]
    return [] if group or head in cues.RELATIONAL_NOUNS else None


def _group_named(noun: str, groups: list[Alias]) -> Alias | None:
    """The group alias "the <noun>" matches ("the allies"), if any."""
    return next((g for g in groups if g.regex.fullmatch(f"the {noun.lower()}")), None)


def resolve_plural(previous: list[list[str]], count: int | None, addressee: str) -> list[str]:
    """Actors a plural reference stands for: those of the nearest preceding sentence naming any
    (``previous`` is nearest first, up to three back), the addressee completing a pair."""
    found = next((list(a) for a in previous[:BACKWARD_SENTENCES] if a), [])
    if len(found) < 2 and addressee not in found:
        found.append(addressee)
    return found[:count] if count else found


def cue_actors(
    text: str,
    cue: cues.Cue,
    mentions: pd.DataFrame,
    previous: list[list[str]],
    addressee: str,
    groups: list[Alias] | None = None,
) -> tuple[list[str], str]:
    """The actors of one cue and how they were found (see the module docstring).

    ``groups``: the group aliases of the actors table (for "Washington’s allies").
    """
    groups = groups or []
    if cue.kind == "imperative":
        return [addressee], "addressee (imperative)"
    if cue.slot:
        related = possessor_relation(text, cue.slot, mentions, groups)
        if related is not None:
            return related, "possessor's relation"
        named = subject_actors(text, cue.slot, mentions)
        if named:
            return named, "for-clause"
        we = cues.AUTHORIAL_WE.match(text[cue.slot[0] : cue.slot[1]].strip())
        return [addressee], "addressee (we)" if we else "addressee (implied)"
    if cue.kind == "offer":
        named = mentions[(mentions["e"] <= cue.start) & (mentions["e"] >= cue.start - 2)]
        if len(named):
            return list(dict.fromkeys(named["actor"])), "offer"
    return _clause_subject(text, cue.start, mentions, previous, addressee, groups)


def inverted_subject(
    text: str,
    cue: cues.Cue,
    mentions: pd.DataFrame,
    previous: list[list[str]],
    addressee: str,
    groups: list[Alias] | None = None,
) -> tuple[list[str], str, int] | None:
    """(actors, source, subject end) after an inverted modal ("Nor should Washington …"),
    or None when no actor or pronoun follows the modal."""
    groups = groups or []
    end = _subject_after(text, cue.end, mentions, groups)
    if end is None:
        return None
    span = (cue.end, end)
    words = re.findall(r"[\w’'-]+", text[cue.end : end])
    found = _span_subject(text, span, words, mentions, previous, addressee, groups)
    return (*found, end) if found else None


def _subject_after(text: str, at: int, mentions: pd.DataFrame, groups: list[Alias]) -> int | None:
    """End of the actors joined by "and"/"or"/"nor" (or of a pronoun) just after ``at``; a
    possessive actor extends to its relational noun ("Washington’s allies") within 3 words."""
    end = None
    for s, e in sorted(set(zip(mentions["s"], mentions["e"], strict=True))):
        if s < at:
            continue
        if not cues.SUBJECT_JOINER.fullmatch(text[at:s]):
            break
        if _possessive(text, e):
            return _relation_end(text, e, groups)
        end = at = e
    if end is None:
        pronoun = cues.SUBJECT_PRONOUN.match(text, at)
        end = pronoun.end() if pronoun else None
    return end


def _relation_end(text: str, at: int, groups: list[Alias]) -> int | None:
    """End of the relational noun within three words after ``at`` (a possessive), else None."""
    for m in list(re.finditer(r"[\w’'-]+", text[at:]))[1:4]:
        if m[0].lower() in cues.RELATIONAL_NOUNS or _group_named(m[0], groups):
            return at + m.end()
    return None


def _clause_subject(
    text, cue_start, mentions, previous, addressee, groups
) -> tuple[list[str], str]:
    """Subject actors before ``cue_start``, widening across commas past asides ("however")
    and contrasts ("X, not Y, should": the "not Y" phrase is skipped)."""
    end = cue_start
    start = _subject_start(text, end)
    for _ in range(3):
        words = re.findall(r"[\w’'-]+", text[start:end])
        contrast = bool(cues.CONTRAST.match(" ".join(words)))
        if not contrast:
            found = _span_subject(text, (start, end), words, mentions, previous, addressee, groups)
            if found:
                return found
        if not (contrast or _aside(words)) or start == 0 or text[start - 1] not in ",—–":
            break
        end, start = start - 1, _subject_start(text, start - 1)
    return [addressee], "addressee (no actor in subject)"


def _span_subject(
    text, span, words, mentions, previous, addressee, groups
) -> tuple[list[str], str] | None:
    """The actors of one subject span (words = its words), or None when it names none."""
    if _gerund_first(words, text, span[0], mentions):
        return [addressee], "addressee (gerund subject)"
    related = possessor_relation(text, span, mentions, groups)
    if related is not None:
        return related, "possessor's relation"
    named = subject_actors(text, span, mentions)
    phrase = cues.CONNECTIVES.sub("", " ".join(words), count=1).strip()
    if named and cues.COORDINATED_WE.search(phrase):
        return list(dict.fromkeys([*named, addressee])), "subject and addressee (we)"
    if named:
        return named, "subject"
    if cues.AUTHORIAL_WE.match(phrase):
        return [addressee], "addressee (we)"
    if cues.PLURAL_REFERENCE.match(phrase):
        count = 2 if re.search(r"\b(?:two|both)\b", phrase, re.I) else None
        return resolve_plural(previous, count, addressee), "plural reference"
    if cues.SINGULAR_PRONOUN.match(phrase):
        return _singular(mentions, span[0], previous, addressee), "pronoun"
    return None


def _aside(words: list[str]) -> bool:
    """True for an interjected phrase ("however", "for its part") between subject and cue."""
    return len(words) <= 2 or (len(words) <= 4 and words[0].lower() in cues.PREPOSITIONS)


def _gerund_first(words: list[str], text: str, start: int, mentions: pd.DataFrame) -> bool:
    """True when the span opens with an -ing word that is not an actor ("Beijing")."""
    if not words or not words[0].lower().endswith("ing") or words[0].lower() in cues.NOT_GERUNDS:
        return False
    at = text.index(words[0], start)
    return not any(s <= at < e for s, e in zip(mentions["s"], mentions["e"], strict=True))


def _singular(mentions: pd.DataFrame, before: int, previous: list[list[str]], addressee: str):
    earlier = mentions[mentions["e"] <= before]
    if len(earlier):
        return [earlier["actor"].iloc[-1]]
    for actors in previous[:BACKWARD_SENTENCES]:
        if actors:
            return [actors[0]]
    return [addressee]


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


def sentence_claims(
    text: str,
    mentions: pd.DataFrame,
    previous: list[list[str]],
    addressee: str,
    groups: list[Alias] | None = None,
) -> list[Claim]:
    """Claims in one sentence; ``mentions`` has columns actor, s, e (sentence offsets).

    Questions and "Should X happen, …" conditions give none (they still end the action of
    the cue before them).
    """
    found = cues.find_cues(text)
    imperative = cues.imperative_cue(text)
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
        inverted = (
            inverted_subject(text, cue, mentions, previous, addressee, groups) if order else None
        )
        if inverted:
            actors, source, subject_end = inverted
        else:
            actors, source = cue_actors(text, cue, mentions, previous, addressee, groups)
            subject_end = None
        action, side, clause = action_and_scope(text, cue, next_start, subject_end)
        stance = stance_of(text, cue, side, negative, conditional)
        claims.append(Claim(cue, tuple(actors), source, action, side, clause, stance))
    return claims


def extract_positions(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    actors: pd.DataFrame,
    levers: pd.DataFrame,
    addressee: str,
) -> pd.DataFrame:
    """positions.csv rows for the documents in ``sentences`` (see the module docstring).

    ``mentions`` are find_mentions rows for the same sentences; ``addressee`` (a canonical
    actor of ``actors``) is the actor of imperatives and subject-less prescriptions.
    """
    if addressee not in canonical_actors(actors):
        raise InputError(f"addressee {addressee!r} is not an actor in the actors table")
    compiled = compile_levers(levers)
    groups = [alias for alias in compile_aliases(actors) if alias.kind == "group"]
    rows: list[list] = []
    for doc_id, doc in sentences.sort_values(["doc_id", "sent_id"]).groupby("doc_id", sort=True):
        rows.extend(_document_rows(doc_id, doc, mentions, compiled, addressee, groups))
    table = pd.DataFrame(rows, columns=POSITION_COLUMNS)
    return _tidy(table)


def _document_rows(doc_id, doc, mentions, compiled, addressee, groups) -> list[list]:
    by_sentence = _mentions_by_sentence(doc, mentions[mentions["doc_id"] == doc_id])
    previous: list[list[str]] = []
    rows = []
    for sent_id, text in doc[["sent_id", "text"]].itertuples(index=False):
        local = by_sentence.get(sent_id, NO_MENTIONS)
        for claim in sentence_claims(str(text), local, previous, addressee, groups):
            for actor in claim.actors:
                for lever in _claim_levers(claim, compiled):
                    rows.append(
                        [
                            doc_id,
                            int(sent_id),
                            actor,
                            lever,
                            claim.stance,
                            claim.cue.text,
                            claim.action,
                            text,
                            claim.cue.kind,
                            claim.source,
                        ]
                    )
        previous.insert(0, list(dict.fromkeys(local["actor"])))
    return rows


NO_MENTIONS = pd.DataFrame({"actor": pd.Series(dtype=str), "s": pd.Series(dtype=int),
                            "e": pd.Series(dtype=int)})  # fmt: skip


def _mentions_by_sentence(doc: pd.DataFrame, own: pd.DataFrame) -> dict[int, pd.DataFrame]:
    """One document's mentions per sent_id, with offsets (s, e) relative to the sentence
    (the sent_id column stays: dropping it costs more than carrying it)."""
    starts = own["sent_id"].map(dict(zip(doc["sent_id"], doc["start"], strict=True)))
    local = pd.DataFrame({"actor": own["actor"], "s": own["start"] - starts,
                          "e": own["end"] - starts, "sent_id": own["sent_id"]})  # fmt: skip
    return dict(iter(local.groupby("sent_id", sort=False)))


def _claim_levers(claim: Claim, compiled) -> list[str]:
    return levers_in(claim.action_side, compiled) or levers_in(claim.clause, compiled) or [OTHER]


def _tidy(table: pd.DataFrame) -> pd.DataFrame:
    """One row per (doc, sentence, actor, lever), first cue wins; "other" only if alone."""
    table = table.drop_duplicates(["doc_id", "sent_id", "actor", "lever"], keep="first")
    named = table[table["lever"] != OTHER].groupby(["doc_id", "sent_id", "actor"]).size()
    has_lever = [
        (d, s, a) in named.index
        for d, s, a in zip(table["doc_id"], table["sent_id"], table["actor"], strict=True)
    ]
    table = table[~((table["lever"] == OTHER) & pd.Series(has_lever, index=table.index))]
    table = table.sort_values(["doc_id", "sent_id", "actor", "lever"], kind="stable")
    return table.reset_index(drop=True)


def positions_for_corpus(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    actors: pd.DataFrame,
    levers: pd.DataFrame,
    addressee: str,
    overrides: dict[str, str] | None = None,
) -> pd.DataFrame:
    """extract_positions per document, with ``overrides`` (doc_id → addressee) applied."""
    overrides = overrides or {}
    unknown = sorted(set(overrides) - set(sentences["doc_id"]))
    if unknown:
        raise InputError(f"addressee_overrides names unknown doc_id(s) {unknown}")
    own = by_document(mentions)
    frames = [
        extract_positions(
            doc, own.get(doc_id, mentions[:0]), actors, levers, overrides.get(doc_id, addressee)
        )
        for doc_id, doc in sentences.groupby("doc_id", sort=True)
    ]
    return (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=POSITION_COLUMNS)
    )
