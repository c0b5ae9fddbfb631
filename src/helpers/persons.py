"""People in a sentence, for "he"/"she": a pronoun for a person stands for that person's actor.

A person mention is an actors.csv row of kind ``person`` ("Moon Jae-in", "the president"), or
an actor mention followed by a singular noun for an office holder ("a Washington official",
"the Chinese foreign minister"); possessives ("Kim's envoy") are not antecedents. "he"/"she"
(and "his"/"her") resolve to the first person named before the pronoun in its sentence (the
subject is the likelier antecedent: "Moon met Xi, and he said …"), else the first person of the
nearest earlier sentence that names one (up to three back), else the first person named after
it in the same sentence ("Four years ago she argued …, a Washington official recalled").
Countries named in between are skipped, since a country is "it". None when no person is named:
the caller falls back to the nearest actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd  # noqa: F401

from helpers.mentiontable import Mentions

OFFICE_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:official|president|minister|secretary|envoy|spokes(?:man|woman|person)"
    r"|leader|ambassador|diplomat|general|senator|congress(?:man|woman)|chair(?:man|woman)?"
    r"|negotiator|advis[eo]r|representative|premier|chancellor|king|queen|dictator|ruler"
    r"|lawmaker|commander|officer|strongman|foreign minister|prime minister)\b(?!s)",
    re.I,
)
PERSON_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\s*$", re.I)
LOOK_BACK = 3


def person_mentions(text: str, mentions: Mentions) -> list[tuple[str, int]]:
    """(actor, start) of the person mentions of one sentence, in text order."""
    kinds = mentions["kind"] if "kind" in mentions.columns else [""] * len(mentions)
    found = [
        (actor, int(s))
        for actor, s, e, kind in zip(
            mentions["actor"], mentions["s"], mentions["e"], kinds, strict=True
        )  # fmt: skip
        if kind == "person" or OFFICE_NOUN.match(text, int(e))
    ]
    return sorted(set(found), key=lambda f: f[1])


def person_reference(
    text: str, mentions: Mentions, before: int, previous: Sequence[Sequence[str]]
) -> list[str] | None:
    """The actor "he/she" at offset ``before`` stands for (module docstring), or None.

    ``previous``: the person actors of the earlier sentences, nearest first."""
    people = person_mentions(text, mentions)
    earlier = [actor for actor, s in people if s < before]
    if earlier:
        return [earlier[0]]
    for actors in previous[:LOOK_BACK]:
        if actors:
            return [actors[0]]
    later = [actor for actor, s in people if s > before]
    return [later[0]] if later else None


def sentence_persons(text: str, mentions: Mentions) -> list[str]:
    """The person actors of one sentence, in text order (for the sentences after it)."""
    return list(dict.fromkeys(actor for actor, _ in person_mentions(text, mentions)))
