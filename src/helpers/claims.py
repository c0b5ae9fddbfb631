"""One claim of a sentence, its action phrase, lever scope and the author's stance on it.

The rules are those of ``helpers.positions`` (its docstring describes cues, scopes and stances);
this module holds the pieces the author's, reported and quoted claims share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers import cues

AUTHOR = "author"


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
    scope_start: int = 0  # the sentence's levers are looked for from here (after a condition)


# a rejection with an exception is support on that condition
UNLESS = re.compile(r"\bunless\b", re.I)


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
    text: str,
    cue: cues.Cue,
    after: str,
    negative: bool = False,
    conditional: bool = False,
    scope: str | None = None,
) -> str:
    """The author's stance on the cue's action (rules in the module docstring).

    ``negative``: a "neither"/"nor" lead negates the modal; ``conditional``: the sentence holds
    a condition its words do not show ("Should talks fail, …"); ``scope``: the text a condition
    must be in to make this claim conditional (its clause; default the whole sentence): in
    "X would resume A only with B, and Y pressed Z to C", C is not conditional on B.
    """
    if cue.stance == "oppose" and cue.kind == "rejection" and UNLESS.search(text, cue.end):
        return "conditional"  # "Selling boats would be a mistake unless Congress funds …"
    if cue.stance == "support" and cue.kind == "approval" and _conditioned(text, cue, scope):
        return "conditional"  # "Counterstrike makes sense only if it is tied into …"
    if cue.stance:
        return cue.stance
    if cue.kind == "modal" and bool(cues.NEGATED_MODAL.search(cue.text)) != negative:
        return "neutral" if negative and cues.OBLIGATION.search(cue.text) else "oppose"
    if cue.kind == "modal" and cues.DELIBERATIVE.match(after):
        return "neutral"
    if conditional or cues.CONDITIONAL.search(cues.mask_quotes(text if scope is None else scope)):
        return "conditional"
    return "support"


def _conditioned(text: str, cue: cues.Cue, scope: str | None) -> bool:
    """True when a condition follows an approval in its clause ("makes sense only if …")."""
    after = text[cue.end :]
    if scope is not None and scope in text:
        after = text[cue.end : text.index(scope) + len(scope)]
    return cues.CONDITIONAL.search(cues.mask_quotes(after)) is not None


# an action resisted: "should resist the temptation to lift sanctions" rejects lifting them
RESISTED = re.compile(
    r"\s*(?:also |firmly |still )?resist(?:s|ed|ing)? (?:the (?:temptation|urge|pressure|calls?)"
    r"|any (?:attempt|temptation|effort|pressure|calls?)|attempts|efforts|calls|pressure)"
    r"(?: \w+){0,3}? to\s+",
    re.I,
)


def unresisted(action: str, side: str, stance: str) -> tuple[str, str, str]:
    """(action, side, stance) with a resisted action taken as the action rejected ("resist
    the temptation to fly to Pyongyang first": fly …, oppose), else as given."""
    m = RESISTED.match(side)
    if m is None or stance not in ("support", "conditional"):
        return action, side, stance
    in_action = RESISTED.match(action)
    return (action[in_action.end() :] if in_action else action), side[m.end() :], "oppose"
