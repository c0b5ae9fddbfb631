"""The other sides of a claim: who acts in its condition, in its exchange, and in a concession.

Rules (general clause structure; each adds rows to or adjusts a sentence's claims):

- Condition: in "If A does Y, B should X" the claim is B's; A's part (Y) is a conditional row for
  A when the "if" clause names a subject actor and a lever ("If Beijing enforces the coal bans,
  Washington should ease …" → China, sanctions, conditional). The main claim's levers are looked
  for in its own clause only (not in the condition: "If Pyongyang tests …, that offer should be
  withdrawn" is not about testing). A trailing "until/unless/only after/provided" clause whose
  subject is a pronoun or no actor is met by the lone other actor of the context ("should not
  recognize the Taliban government until it reopens girls' schools" → Taliban).
- Exchange: "X in exchange for / in return for Y": Y is done by another actor. Y's actor is the
  actor Y names ("a freeze on North Korean testing" → North Korea); when Y names none and the
  claim's verb gives something ("offer partial relief in exchange for a verifiable freeze"), it is
  the counterpart: the nearest actor named in this or the previous sentences that is not the
  claim's. Y's row is conditional with Y's levers.
- Passive: "Russia should not be left out" names who is acted on; the actor is the agent ("by X")
  or the addressee ("The Kremlin should be held to the same terms"). "X should be asked/allowed
  to V" keeps X (X does V), and so do adjectival participles ("should be prepared to").
- Help sought: "Washington should seek support from Japan and Russia": Japan and Russia get
  rows with the claim's levers and stance (they would give the support).
- Concession: "A need not X, but B would need to Y": the neutral first clause concedes, and A
  takes the stance of the claim after "but" (the sentence argues for Y with A on board).
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from helpers import cues
from helpers.claims import Claim
from helpers.subjects import SentenceContext, named_between, one_other_actor, subject_actors

IF_CLAUSE = re.compile(r"^\s*(?:(?:and|but|so|yet|only)\s+)?(?:if|once|when)\b([^,;:]+),", re.I)
TRAILING_CONDITION = re.compile(
    r"\b(?:only (?:after|if|when|once)|unless|until|once|before|provided(?: that)?)\s+"
    r"([^,;:—–()]+)",
    re.I,
)
# a condition the claim binds its action to, whoever must meet it ("Lift nothing until the
# inspectors are back"); "before" and "once" are as often only when
BINDING_CONDITION = re.compile(r"(?:only (?:after|if|when|once)|unless|until|provided)\b", re.I)
EXCHANGE = re.compile(r"\b(?:in exchange for|in return for)\b\s*", re.I)
EXCHANGE_END = re.compile(r"[,;:—–()?!]|\.\s*$|\b(?:if|unless|which|so that|while|but)\b", re.I)
GIVING = re.compile(
    r"(?<!\ba )(?<!\ban )(?<!\bthe )\b(?:offer|give|grant|provide|ease|lift|relax|suspend"
    r"|extend|reduce|cancel|scale back)(?:s|ed|ing)?\b",
    re.I,
)
PASSIVE = re.compile(
    r"^\s*(?:not\s+)?be\s+(?:\w+ly\s+)?(?P<verb>[a-z]+(?:ed|en|wn|ft|lt|ld|id|ught|nt|de|ne))\b"
    r"(?!\s+to\s+(?!the\b|an?\b|its\b|their\b|account\b)[a-z])",
)
ADJECTIVAL = cues._words(
    "prepared committed determined concerned involved engaged united interested pleased"
    " satisfied open keen patient content silent vigilant prudent confident frank alarmed"
    " worried convinced aligned measured proportionate restrained calibrated"
)
BY_AGENT = re.compile(r"\bby\b", re.I)


def passive_actors(ctx: SentenceContext, claim: Claim) -> Claim:
    """``claim`` with the agent as actor when its modal governs a passive (module docstring)."""
    passive = PASSIVE.match(claim.action_side)
    if not passive or passive["verb"].lower() in ADJECTIVAL or claim.cue.kind != "modal":
        return claim
    if claim.source.startswith("addressee"):
        return claim
    at = claim.cue.end + passive.end()
    by = BY_AGENT.search(ctx.text, at, at + 40)
    agents = named_between(ctx, by.end(), by.end() + 40) if by else []
    actors = agents[:1] if agents else [ctx.addressee]
    return replace(claim, actors=tuple(actors), source="agent of a passive")


STATE_HEADS = cues._words(
    "regime government administration leadership officials leaders authorities military"
    " army navy forces diplomats negotiators envoy president minister"
)


def policy_subject(ctx: SentenceContext, claim: Claim) -> Claim:
    """``claim`` with the addressee as actor when an evaluation's subject names actors only as
    modifiers of a policy noun ("The Afghan exit was right", "American troop cuts would be a
    mistake"): the evaluated thing is a policy, not an actor ("the Iranian regime" stays); so is
    a pronoun subject of an evaluation ("It was an exercise in appeasement"). A group's
    adjective keeps its members ("The allied halt of exercises …": the allies halted)."""
    if claim.cue.kind not in ("rejection", "approval") or claim.source not in (
        "subject",
        "pronoun",
    ):
        return claim
    if claim.source == "pronoun":  # "it was an exercise in appeasement": the policy
        return replace(claim, actors=(ctx.addressee,), source="addressee (policy subject)")
    m = ctx.mentions
    before = [(s, e) for s, e in zip(m["s"], m["e"], strict=True) if e <= claim.cue.start]
    heads = [re.match(r"\s+([A-Za-z][\w-]*)", ctx.text[e:]) for _, e in before]
    if not before or not all(h and h[1].lower() not in STATE_HEADS and h.end() + e < claim.cue.start
                             for h, (_, e) in zip(heads, before, strict=True)):  # fmt: skip
        return claim
    if "kind" in m.columns and set(m["kind"][np.asarray(m["e"]) <= claim.cue.start]) == {"group"}:
        return replace(claim, source="group's policy")  # "The allied halt …": the allies halt
    return replace(claim, actors=(ctx.addressee,), source="addressee (policy subject)")


def condition_side(ctx: SentenceContext, claim: Claim, levers) -> list[Claim]:
    """A conditional row for the subject of a leading "if" clause, or of a trailing "only
    after/until/unless X …" clause, that names a lever (the trailing subject must be named)."""
    lead = IF_CLAUSE.match(ctx.text)
    trailing = TRAILING_CONDITION.search(ctx.text, claim.cue.end)
    if claim.stance == "neutral":
        return []
    unnamed = False  # a trailing condition naming no actor first: "until it reopens …"
    if lead and claim.cue.start >= lead.end():
        span = lead.span(1)
    elif trailing and (named_between(ctx, trailing.start(1), trailing.start(1) + 25)
                       or re.match(r"we\b", trailing[1], re.I)):  # fmt: skip
        span = trailing.span(1)
    elif trailing and BINDING_CONDITION.match(trailing[0]):
        span, unnamed = trailing.span(1), True
    else:
        return []
    actors = [a for a in subject_actors(ctx.text, span, ctx.mentions) if a not in claim.actors]
    clause = ctx.text[span[0] : span[1]]
    if not actors and re.match(r"\s*we\b", clause, re.I) and ctx.addressee not in claim.actors:
        actors = [ctx.addressee]  # "North Korea needs to … before we can resume talks"
    if unnamed and not actors:  # "until it reopens girls' schools", "only after a freeze"
        actors = _counterpart(ctx, claim)
    if not actors or not levers.matches(clause):
        return []
    cue = cues.Cue("condition", "after", span[0], span[0], "condition")
    return [Claim(cue, tuple(actors), "subject of the condition", clause.strip(), clause, clause,
                  "conditional", claim.holder, claim.voice)]  # fmt: skip


def exchange_side(ctx: SentenceContext, claim: Claim, levers) -> list[Claim]:
    """A conditional row for the actor of "in exchange for Y" (module docstring)."""
    text = ctx.text
    found = EXCHANGE.search(text, claim.cue.end)
    if not found:
        return []
    stop = EXCHANGE_END.search(text, found.end())
    end = stop.start() if stop else len(text)
    side = text[found.end() : end]
    if not levers.matches(side):
        return []
    actors = [a for a in named_between(ctx, found.end(), end) if a not in claim.actors]
    if not actors and GIVING.search(text, claim.cue.end, found.start()):
        actors = _counterpart(ctx, claim)
    if not actors:
        return []
    cue = cues.Cue("exchange", "after", found.start(), found.end(), found[0].strip())
    return [Claim(cue, tuple(actors), "other side of the exchange", side.strip(), side, side,
                  "conditional", claim.holder, claim.voice)]  # fmt: skip


def _counterpart(ctx: SentenceContext, claim: Claim) -> list[str]:
    """The one actor other than the claim's (and its holder) named in this sentence, else in
    the previous one; [] when there are several (the counterpart would be a guess)."""
    return one_other_actor(ctx, {*claim.actors, claim.holder})


def concede(ctx: SentenceContext, claims: list[Claim]) -> list[Claim]:
    """Neutral "need not / don't have to" claims before ", but" take the stance of the claim
    after it (module docstring)."""
    out = list(claims)
    for i, claim in enumerate(claims):
        if claim.stance != "neutral" or claim.cue.kind != "modal":
            continue
        later = next((c for c in claims[i + 1 :] if c.stance != "neutral"
                      and c.cue.start > claim.cue.end), None)  # fmt: skip
        if later and re.search(r",?\s*\bbut\b", ctx.text[claim.cue.end : later.cue.start]):
            out[i] = replace(claim, stance=later.stance)
    return out


SOUGHT_FROM = re.compile(
    r"\b(?:seek\w*|sought|enlist\w*|win\w*|secur\w*|request\w*|ask\w* for|need\w*)"
    r" (?:the )?(?:\w+ )?(?:support|help|cooperation|assistance|backing|buy-in)"
    r" (?:of|from) ((?:(?:both|the|its|their|our) )?[^,;:.—–()]+)",
    re.I,
)


def sought_from(ctx: SentenceContext, claim: Claim) -> list[Claim]:
    """Rows for the actors whose help a claim seeks ("Washington should seek support from both
    Japan and Russia" → Japan and Russia would give it), with the claim's levers and stance."""
    found = SOUGHT_FROM.search(claim.action_side)
    if not found or claim.stance == "neutral":
        return []
    offset = ctx.text.find(claim.action_side)
    if offset < 0:
        return []
    start, end = offset + found.start(1), offset + found.end(1)
    actors = [a for a in named_between(ctx, start, end) if a not in claim.actors]
    return [replace(claim, actors=tuple(actors), source="whose help is sought")] if actors else []


# "should press India, quietly, to resume the back channel": India is asked to act
URGED = re.compile(
    r"^\s*(?:(?:also|then|instead|quietly|\w+ly) )?(?:press|urge|ask|push|pressure|lean on"
    r"|encourage|persuade|convince|prod|nudge|get)\b(?P<who>[^;:.]{2,60}?),? (?:to|for)\b",
    re.I,
)


def urged_side(ctx: SentenceContext, claim: Claim) -> list[Claim]:
    """A row for the party a prescribed action urges to act ("Washington should press India
    to resume talks" → India resumes talks), with the words after "to" as its action side."""
    side = claim.action_side
    if claim.cue.kind == "imperative":  # "Ask Tokyo and Seoul for Capabilities": from the verb
        side = ctx.text[claim.cue.start :]
    found = URGED.match(side) if claim.cue.kind in ("modal", "imperative") else None
    offset = ctx.text.find(side, claim.cue.start) if found else -1
    if offset < 0 or claim.stance == "neutral":
        return []
    urged = [a for a in named_between(ctx, offset + found.start("who"), offset + found.end("who"))
             if a not in claim.actors]  # fmt: skip
    if not urged:
        return []
    after = side[found.end() :]
    return [replace(claim, actors=tuple(urged), source="urged to act", action_side=after)]


def without_condition(ctx: SentenceContext, claim: Claim) -> Claim:
    """``claim`` with its lever scopes cut after a leading "if" clause it follows."""
    lead = IF_CLAUSE.match(ctx.text)
    if not lead or claim.cue.start < lead.end():
        return claim
    clause = claim.clause
    if ctx.text[: lead.end()].strip() and clause.lstrip().startswith(
        ctx.text[: lead.end()].strip()
    ):
        clause = ctx.text[lead.end() : lead.end() + len(clause)]
    return replace(claim, clause=clause, scope_start=lead.end())


def with_sides(ctx: SentenceContext, claims: list[Claim], levers) -> list[Claim]:
    """The claims of a sentence after the rules of this module, their other sides added."""
    out = []
    for claim in concede(ctx, claims):
        claim = policy_subject(ctx, passive_actors(ctx, claim))
        exchange = exchange_side(ctx, claim, levers)
        marker = EXCHANGE.search(claim.action_side) if exchange else None
        if marker:  # the main claim's own levers are those before "in exchange for"
            claim = replace(claim, action_side=claim.action_side[: marker.start()])
        out.append(without_condition(ctx, claim))
        out += condition_side(ctx, claim, levers) + exchange + sought_from(ctx, claim)
        out += urged_side(ctx, claim)
    return out
