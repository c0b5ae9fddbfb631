"""Actor mentions: curated alias patterns (data/reference/actors.csv) found in sentences.

actors.csv has one row per alias: ``actor`` (canonical name), ``pattern`` (a case-sensitive
regular expression, matched on word boundaries), ``kind`` (state, person, group or exclude),
``members`` (``;``-joined canonical actors, groups only) and ``note``. A person stands for the
state in ``actor`` ("Xi Jinping" → China). An ``exclude`` row marks a span that is not an actor
("Korean War", "China hawks") and blocks any alias inside it.

Overlaps are resolved longest first, then leftmost: "North Korea" is one mention, not "the
North" or "Korea"; "South Korean President Park" is one South Korea mention. Groups expand to
one row per member (same alias and offsets), with the group's name in ``group``, so every
``actor`` in mentions.csv is a canonical single actor and counts per actor include the group.
"the former"/"the latter" are not resolved. A person named again with an honorific and one
word of the name ("Mr. Lee" after "President Lee Jae-myung" in the same document) is that
person's mention when the word names one actor there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.errors import InputError
from helpers.executors import map_documents
from helpers.needles import Prefilter
from helpers.overlaps import longest_first
from helpers.paths import reference_file
from helpers.tables import read_reference

ACTOR_COLUMNS = ["actor", "pattern", "kind", "members", "note"]
KINDS = ("state", "person", "group", "exclude")
MENTION_COLUMNS = ["doc_id", "sent_id", "actor", "alias", "start", "end", "kind", "group"]


@dataclass(frozen=True)
class Alias:
    """One compiled alias row."""

    actor: str
    kind: str
    members: tuple[str, ...]
    regex: re.Pattern


@dataclass(frozen=True, eq=False)
class Actors:
    """The actors table with its aliases compiled once (picklable, for worker processes)."""

    table: pd.DataFrame
    aliases: tuple[Alias, ...]
    canonical: tuple[str, ...]

    @classmethod
    def from_table(cls, table: pd.DataFrame, source: str = "actors table") -> Actors:
        """Validate and compile ``table`` (actors.csv rows); one-line error naming a bad row."""
        aliases = tuple(compile_aliases(table, source))
        return cls(table, aliases, tuple(canonical_actors(table)))

    @property
    def groups(self) -> tuple[Alias, ...]:
        """The group aliases ("the allies")."""
        return tuple(alias for alias in self.aliases if alias.kind == "group")


def load_actors(path: str | Path | None = None) -> Actors:
    """Read, validate and compile actors.csv (default: the repository's
    data/reference/actors.csv)."""
    path = Path(path) if path else reference_file("actors.csv")
    return Actors.from_table(read_reference(path, ACTOR_COLUMNS, "actors"), str(path))


def canonical_actors(actors: pd.DataFrame) -> list[str]:
    """Canonical single actors (states and the states persons stand for), in file order."""
    single = actors[actors["kind"].isin(["state", "person"])]["actor"]
    return list(dict.fromkeys(single))


def compile_aliases(actors: pd.DataFrame, source: str = "actors table") -> list[Alias]:
    """Compile every alias row, failing in one line on a bad kind, pattern or member."""
    known = set(canonical_actors(actors))
    aliases = []
    for number, row in enumerate(actors.itertuples(index=False), start=2):
        where = f"{source}: row {number}"
        if row.kind not in KINDS:
            raise InputError(f"{where}: kind {row.kind!r} is not one of {', '.join(KINDS)}")
        if row.kind != "exclude" and not row.actor.strip():
            raise InputError(f"{where}: actor is empty")
        members = tuple(m.strip() for m in row.members.split(";") if m.strip())
        unknown = [m for m in members if m not in known]
        if row.kind == "group" and (not members or unknown):
            raise InputError(f"{where}: group members {row.members!r} must name known actors")
        try:
            regex = re.compile(rf"(?<!\w)(?:{row.pattern})(?!\w)")
        except re.error as err:
            raise InputError(f"{where}: bad pattern {row.pattern!r} ({err})") from None
        aliases.append(Alias(row.actor.strip(), row.kind, members, regex))
    return aliases


def spans_in(
    text: str, aliases: Sequence[Alias], prefilter: Prefilter | None = None
) -> list[tuple[int, int, Alias]]:
    """Non-overlapping alias matches in ``text``: longest first, then leftmost, by start.
    ``prefilter`` (``alias_prefilter(aliases)``, built once by the caller) skips the aliases
    that cannot match: scanning every alias over every sentence was the cost."""
    prefilter = alias_prefilter(aliases) if prefilter is None else prefilter
    found = (
        (m.start(), m.end(), i)
        for i in prefilter.candidates(text)
        for m in aliases[i].regex.finditer(text)
        if m.end() > m.start()
    )
    return [(start, end, aliases[i]) for start, end, i in longest_first(found)]


def alias_prefilter(aliases: Sequence[Alias]) -> Prefilter:
    """The literal prefilter of the aliases' regexes (see helpers.needles)."""
    return Prefilter.of([alias.regex for alias in aliases])


def find_mentions(sentences: pd.DataFrame, actors: Actors) -> pd.DataFrame:
    """Actor mentions in ``sentences`` (sentences.csv rows), offsets into the cleaned text.

    One row per (mention, actor); a group mention gives one row per member. Excluded spans
    give none. Rows are ordered by doc_id, sent_id, start, actor.
    """
    groups = [(doc, actors) for _, doc in sentences.groupby("doc_id", sort=True)]
    found = [frame for frame in map_documents(document_mentions, groups) if len(frame)]
    return pd.concat(found, ignore_index=True) if found else document_mentions(sentences, actors)


def document_mentions(sentences: pd.DataFrame, actors: Actors) -> pd.DataFrame:
    """find_mentions computed here, in this process (for one document, or a few rows)."""
    rows = []
    columns = ["doc_id", "sent_id", "start", "text"]
    prefilter = alias_prefilter(actors.aliases)
    named: dict[tuple[str, str], set[str]] = {}  # (doc_id, a person's name word) → actors
    for doc_id, sent_id, start, text in sentences[columns].itertuples(index=False):
        offset, text = int(start), str(text)
        spans = spans_in(text, actors.aliases, prefilter)
        for s, e, alias in spans:
            for actor, group in _expand(alias):
                rows.append((doc_id, int(sent_id), actor, text[s:e], offset + s, offset + e,
                             alias.kind, group))  # fmt: skip
        rows += _second_references(doc_id, int(sent_id), offset, text, spans, named)
        for actor, name in _named_people(text, spans):
            for word in NAME_WORD.findall(name):
                if word not in ROLE_WORDS:
                    named.setdefault((doc_id, word), set()).add(actor)
    rows.sort(key=lambda r: (r[0], r[1], r[4], r[2]))  # doc_id, sent_id, start, actor
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


# "Mr. Lee" or "Lee" after "President Lee Jae-myung": a person named again by one word of the
# name (not followed by another capitalised word: "Lee Myung-bak" is someone else)
SECOND_NAME = re.compile(
    r"\b(?:(?:Mr|Ms|Mrs|Dr)\.? )?(?P<name>[A-Z][a-z]+)\b(?!-| (?:[A-Z]|of [A-Z]))"
)
NAME_WORD = re.compile(r"\b[A-Z][a-z]{1,}\b")
# "Japanese Foreign Minister Toshimitsu Motegi": a name after an actor and a title of office
NAME = r"(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+|-[a-z]+){0,2})\b"
TITLED_NAME = re.compile(rf"(?: (?:[A-Za-z][a-z]+|of|for)){{1,4}}? {NAME}")
# "Japan's chief cabinet secretary, Yoshimasa Hayashi,": an office of the actor's, then a name
OFFICE_OF = re.compile(
    rf"[’']s(?: [a-z-]+){{0,3}} (?:official|minister|secretary|spokes(?:man|woman|person)"
    rf"|envoy|ambassador|adviser|advisor|president|premier|leader|commander|negotiator"
    rf"|diplomat|chief), {NAME}(?=,)"
)


def _named_people(text: str, spans) -> list[tuple[str, str]]:
    """(actor, name text) of the people a sentence names: its person mentions, and the names
    that follow an actor mention and a title of office whose words are all ROLE_WORDS
    ("South Korean Foreign Minister Cho Hyun", "Japanese Director General Funakoshi") or its
    possessive and an office set off by commas ("Japan's chief cabinet secretary, Yoshimasa
    Hayashi,")."""
    people = [(alias.actor, text[s:e]) for s, e, alias in spans if alias.kind == "person"]
    for _, e, alias in spans:
        if alias.kind not in ("state", "person"):
            continue
        if office := OFFICE_OF.match(text, e):
            people.append((alias.actor, office["name"]))
        if not (m := TITLED_NAME.match(text, e)):
            continue
        title = text[e : m.start("name")].split()
        if title and all(w.capitalize() in ROLE_WORDS or w in ("of", "for") for w in title):
            people.append((alias.actor, m["name"]))
    return people


def _second_references(doc_id, sent_id: int, offset: int, text: str, spans, named) -> list[tuple]:
    """Mentions of "X" or "Mr./Ms. X" where X is a word of one earlier person's name in the
    same document (``_named_people``) naming one actor only; no alias of the table matched
    there."""
    rows = []
    for m in SECOND_NAME.finditer(text):
        actors = named.get((doc_id, m["name"]), set())
        if len(actors) != 1 or any(s < m.end() and m.start() < e for s, e, _ in spans):
            continue
        rows.append((doc_id, sent_id, next(iter(actors)), m[0], offset + m.start(),
                     offset + m.end(), "person", ""))  # fmt: skip
    return rows


# words of a person alias that are a role, not a name ("President Lee Jae-myung": Lee, Jae)
ROLE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "President Prime Minister Secretary Senator Representative Congressman Congresswoman"
        " Chairman Chairwoman Chair General Admiral Foreign Defense Defence State Vice Leader"
        " Supreme Ambassador Envoy Special Deputy Spokesperson Spokesman Mr Ms Mrs Dr Sen Rep"
        " Gen Former First Lady Chancellor King Queen Premier Comrade Chief Justice Minority"
        " Majority Director Assistant Under Undersecretary Commander Attorney Finance Trade"
        " Unification Interior National Security Adviser Advisor",
    )
)


def headline_names(heads: pd.DataFrame, body: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Mentions of the people a title names by one word of the name ("Lee Presses Xi to Help
    …") whom the body of the same document names in full ("President Lee Jae-myung"): a word
    standing for one actor only, not a role word, outside the title's ``found`` mentions."""
    people = body[body["kind"] == "person"]
    actors_of: dict[tuple[str, str], set[str]] = {}
    for doc_id, actor, alias in people[["doc_id", "actor", "alias"]].itertuples(index=False):
        for word in NAME_WORD.findall(str(alias)):
            if word not in ROLE_WORDS:
                actors_of.setdefault((doc_id, word), set()).add(actor)
    taken: dict[str, list[tuple[int, int]]] = {}  # doc_id → the title's mention spans
    for doc_id, s, e in found[["doc_id", "start", "end"]].itertuples(index=False):
        taken.setdefault(doc_id, []).append((s, e))
    rows = []
    for doc_id, sent_id, start, text in heads[["doc_id", "sent_id", "start", "text"]].itertuples(
        index=False
    ):
        spans = taken.get(doc_id, [])
        for m in NAME_WORD.finditer(str(text)):
            actors = actors_of.get((doc_id, m[0]), set())
            s, e = int(start) + m.start(), int(start) + m.end()
            if len(actors) == 1 and not any(a < e and s < b for a, b in spans):
                rows.append((doc_id, int(sent_id), next(iter(actors)), m[0], s, e, "person", ""))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _expand(alias: Alias) -> list[tuple[str, str]]:
    """(actor, group) pairs an alias stands for: its members for a group, none if excluded."""
    if alias.kind == "exclude":
        return []
    if alias.kind == "group":
        return [(member, alias.actor) for member in alias.members]
    return [(alias.actor, "")]


def mention_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions and sentences per (doc_id, actor), with the aliases used, most mentioned first."""
    grouped = mentions.groupby(["doc_id", "actor"], sort=True)
    counts = grouped.agg(
        mentions=("alias", "size"),
        sentences=("sent_id", "nunique"),
        aliases=("alias", lambda a: "; ".join(sorted(set(a)))),
    ).reset_index()
    return counts.sort_values(
        ["doc_id", "mentions", "actor"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)
