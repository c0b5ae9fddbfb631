"""Direction on the lever: the change in a policy lever a claim's holder wants.

``direction`` is "more" (impose, keep, expand, resume …), "less" (withdraw, end, lift, freeze
…) or "none" (no change named). It is read from the action text, lever by lever:

1. the lever's first phrase in the action (``Levers.matches``);
2. a phrasal verb of the table split by the lever as its object ("Pulling troops out", "scale
   the drills back"), else the change words before it, within ``WINDOW`` words and after the
   previous lever phrase and after the last coordinator with a change word after it ("show
   restraint and end the exercises": end), else, for a phrase coordinated with the one before
   it, the change word of that one ("trade away the exercises or the troops": less), else the
   three words after it, short of the next lever phrase ("let the aid package lapse"; "a
   verified freeze": the freeze is not verification's change)
   (verb, noun and comparative classes of data/reference/directions.csv: "withdraw troops" →
   less, "tougher sanctions" → more); several multiply like signs ("halt the collapse in
   relations": less × less = more; "offer to withdraw": more × less = less); none means
   "more" (the action names the lever to do it: "pursue talks"); a negation after the last
   change word ("decision not to proliferate") reverses it;
3. a phrase that itself names a reduction (levers.csv polarity "less": "sanctions relief",
   "troops … return home", "defense dependence") reverses it;
4. the stance: a rejected action is the opposite change ("Continuing to infantilize Seoul is
   not in America's interest" → continuing × dependence (less) × rejected = more
   burden-sharing); a neutral stance ("must decide how serious it is") is "none";
5. with no lever phrase (the lever "other", or one the keywords or an anaphor give) the change
   word is read in the head of the action, up to its first clause break ("join that effort;
   the allies … in preventing …": none); the lever "other" with no change word is "more" (the
   action is the lever: "press Maduro in public") unless the action is conduct or attitude
   ("listen to", "operate in the world as it is": none); rejected or condemned with no change
   word ("condemns Russia's seizure of Crimea") it is "less".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.errors import InputError
from helpers.levers import LeverMatch
from helpers.overlaps import longest_first
from helpers.paths import reference_file
from helpers.tables import read_reference

DIRECTION_COLUMNS = ["direction", "pattern", "note"]
DIRECTIONS = ("more", "less", "none")
WINDOW = 8  # words before a lever phrase searched for its change word
NEGATION = re.compile(r"\b(?:not|no|never|without)\b|n[’']t\b", re.I)
FLIP = {"more": "less", "less": "more", "none": "none"}
# a negation at most one word before the lever ("Do not rush to embrace X" is no "not X")
NEGATION_BEFORE = re.compile(r"(?:\b(?:not|no|never|without)|n[’']t)\s+(?:[\w-]+\s+)?$", re.I)


PARTICLES = "out|back|down|up|off"
# a phrasal verb of the table, "pull\w* (?:out|back)", "scal\w* back": its object may come
# between verb and particle ("Pulling troops out", "scale the drills back")
PHRASAL = re.compile(
    rf"(?<![\w\\])(?P<verb>[a-z]+)\\w\* (?P<particle>\(\?:(?:{PARTICLES})(?:\|(?:{PARTICLES}))*\)"
    rf"|(?:{PARTICLES}))(?=\||$)"
)
# the words between a split verb and its particle: no clause word ("scaled the drills back",
# not "scale exercises that were scaled back")
SPLIT_REACH = 40  # characters a split verb may stand before its lever
SPLIT_OBJECT = r"(?:(?!(?:that|which|who|and|or|but|to|is|are|was|were|be|been)\b)[\w’'.-]+ ){1,4}?"


@dataclass(frozen=True, eq=False)
class ChangeWords:
    """The change-word classes compiled once: one alternation per direction, and the phrasal
    verbs split by their object (``split_more``, ``split_less``)."""

    more: re.Pattern
    less: re.Pattern
    split_more: re.Pattern = re.compile(r"(?!)")
    split_less: re.Pattern = re.compile(r"(?!)")

    @classmethod
    def from_table(cls, table: pd.DataFrame, source: str = "directions table") -> ChangeWords:
        """Compile directions.csv rows; a one-line error names a bad row."""
        parts: dict[str, list[str]] = {"more": [], "less": []}
        for number, (direction, pattern) in enumerate(
            zip(table["direction"], table["pattern"], strict=True), start=2
        ):
            if direction not in parts:
                raise InputError(
                    f"{source}: row {number}: direction {direction!r} is not more/less"
                )
            try:
                re.compile(pattern)
            except re.error as err:
                raise InputError(f"{source}: row {number}: bad pattern ({err})") from None
            parts[direction].append(pattern)
        more, less = (
            re.compile(rf"\b(?:{'|'.join(parts[d]) or '(?!)'})\b", re.I) for d in ("more", "less")
        )
        split_more, split_less = (_split_phrasals(parts[d]) for d in ("more", "less"))
        return cls(more, less, split_more, split_less)

    def split_over(self, text: str, start: int, end: int) -> str:
        """The direction of a split phrasal verb around ``text[start:end]`` ("Pulling troops
        out": less), else ""."""
        for direction, regex in (("more", self.split_more), ("less", self.split_less)):
            for m in regex.finditer(text):
                if m.start() < start and m.end() >= end and m.start() >= start - SPLIT_REACH:
                    return direction
        return ""

    def product_in(self, text: str) -> tuple[str, int] | None:
        """(direction, end of the last one) of the change words in ``text`` multiplied like
        signs (more +1, less -1), a change word just after a negation reversed ("The door has
        not closed on diplomacy": more), else None. Overlapping words count once, the longest
        ("give up" is less, not the "give" of more)."""
        found = longest_first(
            (m.start(), m.end(), row)
            for row, regex in enumerate((self.more, self.less))
            for m in regex.finditer(text)
            if m.end() > m.start()
        )
        if not found:
            return None
        negated = sum(1 for start, _, _ in found if NEGATION_BEFORE.search(text[:start]))
        direction = "more" if (sum(row for _, _, row in found) + negated) % 2 == 0 else "less"
        return direction, found[-1][1]


def _split_phrasals(patterns: list[str]) -> re.Pattern:
    """One alternation of the table's phrasal verbs with room for an object before the
    particle."""
    found = [
        rf"(?<!-){m['verb']}\w* {SPLIT_OBJECT}{m['particle']}"
        for pattern in patterns
        for m in PHRASAL.finditer(pattern)
    ]
    return re.compile(rf"\b(?:{'|'.join(found)})\b", re.I) if found else re.compile(r"(?!)")


def load_change_words(path: str | Path | None = None) -> ChangeWords:
    """Read and compile directions.csv (default: data/reference/directions.csv)."""
    path = Path(path) if path else reference_file("directions.csv")
    return ChangeWords.from_table(read_reference(path, DIRECTION_COLUMNS, "directions"), str(path))


def _window(text: str, start: int, end: int) -> str:
    """The last ``WINDOW`` words of ``text[start:end]``."""
    words = list(re.finditer(r"\S+", text[start:end]))
    return text[start + words[-WINDOW].start() : end] if len(words) >= WINDOW else text[start:end]


# a coordinator between verb phrases ("show restraint and end the exercises")
COORDINATOR = re.compile(r"(?:[,;]|\b(?:and|or|but)\b)\s+", re.I)


def last_conjunct(window: str, words: ChangeWords) -> tuple[str, tuple[str, int] | None]:
    """The shortest part of ``window`` after a coordinator that holds a change word ("show
    restraint and end the": "end the"), else the whole window, with its ``product_in``: the
    verb of the last conjunct governs the lever, not a product with the verb before ("stop
    smearing China and stop its sanctions": less)."""
    for cut in reversed([m.end() for m in COORDINATOR.finditer(window)]):
        if found := words.product_in(window[cut:]):
            return window[cut:], found
    return window, words.product_in(window)


def change_before(text: str, at: int, words: ChangeWords, since: int = 0) -> str:
    """The change the words between ``since`` and ``at`` name: more, less or "" (none)."""
    window = _window(text, since, at)
    conjunct, found = last_conjunct(window, words)
    if not found:
        return "less" if NEGATION_BEFORE.search(window) else ""  # "no talks", "without any aid"
    direction, end = found
    return FLIP[direction] if NEGATION.search(conjunct[end:]) else direction


AFTER_WORDS = 3  # words after a lever phrase searched when none before names a change
AFTER_STOP = frozenset(
    re.findall(
        r"\w+",
        "before after until in of for with to by on at while because as and but or if that"
        " which from than since during",
    )
)


def change_after(text: str, at: int, words: ChangeWords) -> str:
    """The change the next ``AFTER_WORDS`` words after ``at`` name ("let the aid package
    lapse", "humanitarian aid … continue"): more, less or ""."""
    kept = []
    for word in text[at:].split()[:AFTER_WORDS]:
        if word.lower().strip(",.;:") in AFTER_STOP:
            break  # "a peace declaration before the end of his term": not the lever's change
        kept.append(word)
    found = words.product_in(" ".join(kept))
    return found[0] if found else ""


def action_direction(
    action: str, match: LeverMatch, stance: str, words: ChangeWords, otherwise: str
) -> str:
    """The direction the change word opening ``action`` names for a lever whose phrase came
    before the cue ("should not cancel them" → more), else ``otherwise``."""
    change = change_after(action, 0, words) if stance != "neutral" else ""  # its verb
    return _signed(change, match, stance) if change else otherwise


# where the head of an action ends: a clause or phrase break after its verb ("join that
# effort; the allies have … in preventing", "reopening a channel is stronger now than …")
HEAD_END = re.compile(
    r"[;:—–(]|,\s|\s(?:that|which|who|whose|because|since|than|while|whereas|although|though"
    r"|unless|until|before|after|once|when|where|if)\b",
    re.I,
)


# an action of conduct or attitude, not an act: it names no change ("operate in the world as
# it is", "listen to all of these positions")
NO_CHANGE_HEAD = re.compile(
    r"(?:listen|operate|behave|reflect|respect|understand|remember|reali[sz]e|know)\b", re.I
)


def head_of(action: str) -> str:
    """The action up to its first clause break, after a fronted phrase ("For the most
    advanced equipment, relaxing them now"): where its own change word stands when no lever
    phrase anchors one (a lever from the keywords, an anaphor, "other")."""
    action = action[m.end() :] if (m := FRONTED.match(action)) else action
    m = HEAD_END.search(action)
    return action[: m.start()] if m else action


# a fronted prepositional phrase before the action's own words
FRONTED = re.compile(
    r"\s*(?:for|in|on|with|at|by|from|under|over|without|given|as for|beyond)\b[^,;:]{1,60},\s+",
    re.I,
)


def lever_direction(
    text: str,
    match: LeverMatch | None,
    stance: str,
    words: ChangeWords,
    since: int = 0,
    shared: int = 0,
    until: int | None = None,
) -> str:
    """The direction of one claim on one lever (rules in the module docstring); ``match`` is
    the lever's phrase in ``text`` (None for "other": the whole text is the window), ``since``
    the end of the lever phrase before it, ``shared`` that phrase's start and ``until`` the
    start of the lever phrase after it (the words after ``match`` are read up to there: "a
    verified freeze" is more verification, the freeze is the other lever's)."""
    if stance == "neutral":
        return "none"
    if match is None:
        head = head_of(text)
        change = change_before(head, len(head), words)
        if not change:  # what a holder condemns or rejects it wants less of ("seizure of Crimea")
            if stance == "oppose":
                return "less"
            return "none" if NO_CHANGE_HEAD.match(head.strip()) else "more"
        return FLIP[change] if stance == "oppose" else change
    change = (
        words.split_over(text, match.start, match.end)
        or change_before(text, match.start, words, since)
        or (COORDINATED.fullmatch(text, since, match.start) and change_before(text, shared, words))
        or change_after(text[:until], match.end, words)
        or "more"
    )
    return _signed(change, match, stance)


# a lever phrase coordinated with the one before it shares its verb ("trade away the
# exercises or the 28,500 troops": both less)
COORDINATED = re.compile(
    r"\s*(?:and|or|nor|as well as)\s+(?:(?:the|a|an|its|their|our|his|her|any|all|some|other"
    r"|[\d,.]+)\s+){0,3}",
    re.I,
)


def _signed(change: str, match: LeverMatch, stance: str) -> str:
    """A change word's direction on the lever: reversed by a phrase naming a reduction
    ("sanctions relief"), then by a rejection."""
    direction = FLIP[change] if match.polarity == "less" else change
    return FLIP[direction] if stance == "oppose" else direction
