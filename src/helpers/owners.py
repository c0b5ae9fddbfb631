"""Who carries out a change in a weapons programme whose owner the action names: "work toward
the complete denuclearization of North Korea", "accept a freeze on North Korea's nuclear
program", "keep working toward its denuclearization" are North Korea's acts, whoever the
subject is; "limit the DPRK's ability to advance its missiles" stays the subject's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from helpers.levers import LeverMatch
from helpers.mentiontable import MentionTable
from helpers.paths import reference_file
from helpers.tables import read_reference

OTHER = "other"
# levers a state's own programme is (inspections are the inspector's work, not the owner's)
OWNED_PROGRAMME_LEVERS = frozenset({"denuclearization", "testing and proliferation"})
OWNER_AFTER = re.compile(r"\s+(?:of|by)\s+(?:the\s+)?", re.I)  # "denuclearization of the DPRK"
OWNER_BEFORE = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,3}")  # "North Korea's nuclear program"
ITS_BEFORE = re.compile(r"\bits\s+(?!own\b)(?:[\w-]+\s+){0,2}$", re.I)  # "its denuclearization"
# acting against the programme in its own conjunct: the claim's own actors do it
AGAINST_PROGRAMME = re.compile(
    r"\b(?:limit|curb|counter|constrain|contain|prevent|deter|block|thwart|impede|disrupt"
    r"|interdict|punish|condemn|respond|defend|protect|forbid|prohibit|outlaw)\w*\b"
    r"|\bban(?:s|ned|ning)?\b",
    re.I,
)


def programme_owner(
    actors: tuple[str, ...], lever: str, match: LeverMatch | None, scope: str, text: str,
    mentions: MentionTable,
) -> tuple[str, ...]:  # fmt: skip
    """The owner of the programme ``match`` names in ``scope`` (a part of sentence ``text``;
    ``mentions`` in sentence offsets) when it is not among ``actors``, else ``actors``."""
    at = text.find(scope)
    if lever not in OWNED_PROGRAMME_LEVERS or match is None or at < 0:
        return actors
    if _against(scope, match):
        return actors
    start, end = at + match.start, at + match.end
    owners = [
        actor
        for actor, s, e in zip(mentions["actor"], mentions["s"], mentions["e"], strict=True)
        if actor != OTHER and _owns(text, s, e, start, end)
    ]
    if not owners and (its := ITS_BEFORE.search(text, max(0, start - 40), start)):
        before = [a for a, e in zip(mentions["actor"], mentions["e"], strict=True)
                  if e <= its.start()]  # fmt: skip
        owners = [a for a in before[-1:] if a != OTHER]
    owners = [a for a in dict.fromkeys(owners) if a not in actors]
    return tuple(owners) if owners else actors


def _against(scope: str, match: LeverMatch) -> bool:
    """True when the conjunct before the lever phrase acts against the programme ("continue
    efforts to limit the DPRK's missiles")."""
    return bool(AGAINST_PROGRAMME.search(re.split(r",|;|\band\b", scope[: match.start])[-1]))


def _owns(text: str, s: int, e: int, start: int, end: int) -> bool:
    """True when the mention at ``s``–``e`` owns the lever phrase at ``start``–``end``."""
    if s >= end:
        return bool(OWNER_AFTER.fullmatch(text, end, s))
    return e <= start and bool(OWNER_BEFORE.fullmatch(text, e, start))


# the levers of a programme's fate: its owner gives it up, tests, is inspected
PROGRAMME_LEVERS = OWNED_PROGRAMME_LEVERS | {"inspections and verification"}


@cache
def programme_states() -> frozenset[str]:
    """The states whose weapons programmes the commentary is about
    (data/reference/programmes.csv, each with the resolutions that make it so)."""
    path = reference_file("programmes.csv")
    return frozenset(read_reference(path, ["actor", "programme", "source"], "programmes")["actor"])


GOAL = re.compile(r"denucleari[sz]", re.I)  # the goal named, not a step of the programme's
OWN = re.compile(r"\b(?:its|their|his|her|our) own\b|\b(?:its|their) commitment", re.I)


def programme_state(
    actors: tuple[str, ...], lever: str, match: LeverMatch, scope: str, text: str,
    mentions: MentionTable, previous: Sequence[Sequence[str]], document: Sequence[str] = (),
) -> tuple[str, ...]:  # fmt: skip
    """``actors``, or for a programme lever none of them owns ("a verifiable freeze", "no
    nuclear test while talks continue") the one programme state the sentence or the three
    before it name, else, for a step rather than the goal ("denuclearization"), the one the
    whole ``document`` names (its actors: "A Freeze Is Better Than a Fantasy" heads an article
    on North Korea alone): the freeze, the test and the inspected site are its; not when the
    actors act against it ("limit", "counter"), hold a programme or a commitment of their own
    ("a bomb of its own", "its commitment to the treaty") or are named in the action before
    the lever phrase ("asked China to lean on Pyongyang")."""
    states = programme_states()
    if lever not in PROGRAMME_LEVERS or any(a in states for a in actors):
        return actors
    if _against(scope, match) or OWN.search(scope) or _named_before(actors, match, scope, text,
                                                                    mentions):  # fmt: skip
        return actors
    for named in (list(mentions["actor"]), *previous[:3]):
        near = {a for a in named if a in states}
        if near:
            return tuple(near) if len(near) == 1 else actors
    if GOAL.match(scope, match.start):
        return actors  # "Keep Denuclearization on the Table": the goal the addressee sets
    named = {a for a in document if a in states}
    return tuple(named) if len(named) == 1 else actors


def _named_before(
    actors: tuple[str, ...], match: LeverMatch, scope: str, text: str, mentions: MentionTable
) -> bool:
    """True when one of ``actors`` is mentioned in ``scope`` (a part of ``text``) before the
    lever phrase ("asked China to lean on Pyongyang"; not "missiles that can reach Japan")."""
    at = text.find(scope)
    return at >= 0 and any(
        actor in actors and s >= at and e <= at + match.start
        for actor, s, e in zip(mentions["actor"], mentions["s"], mentions["e"], strict=True)
    )
