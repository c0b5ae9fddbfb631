"""Who carries out a change in a weapons programme whose owner the action names: "work toward
the complete denuclearization of North Korea", "accept a freeze on North Korea's nuclear
program", "keep working toward its denuclearization" are North Korea's acts, whoever the
subject is; "limit the DPRK's ability to advance its missiles" stays the subject's."""

from __future__ import annotations

import re

from helpers.levers import LeverMatch
from helpers.mentiontable import MentionTable

OTHER = "other"
# levers a state's own programme is (inspections are the inspector's work, not the owner's)
OWNED_PROGRAMME_LEVERS = frozenset({"denuclearization", "testing and proliferation"})
OWNER_AFTER = re.compile(r"\s+(?:of|by)\s+(?:the\s+)?", re.I)  # "denuclearization of the DPRK"
OWNER_BEFORE = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,3}")  # "North Korea's nuclear program"
ITS_BEFORE = re.compile(r"\bits\s+(?!own\b)(?:[\w-]+\s+){0,2}$", re.I)  # "its denuclearization"
# acting against the programme in its own conjunct: the claim's own actors do it
AGAINST_PROGRAMME = re.compile(
    r"\b(?:limit|curb|counter|constrain|contain|prevent|deter|block|thwart|impede|disrupt"
    r"|interdict|punish|condemn|respond|defend|protect)\w*\b",
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
    if AGAINST_PROGRAMME.search(re.split(r",|;|\band\b", scope[: match.start])[-1]):
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


def _owns(text: str, s: int, e: int, start: int, end: int) -> bool:
    """True when the mention at ``s``–``e`` owns the lever phrase at ``start``–``end``."""
    if s >= end:
        return bool(OWNER_AFTER.fullmatch(text, end, s))
    return e <= start and bool(OWNER_BEFORE.fullmatch(text, e, start))
