"""The terms of a proposal the author lays out, sentence by sentence, in the conditional.

An op-ed that announces a proposal ("What I would propose instead is an interim agreement.",
"Consider what a first agreement might look like.", "What would that look like?") goes on to
state its terms as what each side *would* do: "North Korea would halt nuclear and long-range
missile tests …", "In return, the United States and South Korea would scale back …". Each of
those is the author's proposal, read like a "could" proposal (``helpers.cuerules``): a claim
only when an actor is the subject and the action names a lever. Outside such a run "would" is a
prediction and no cue.

The run starts with the sentence after an announcement and goes on while each sentence gives a
claim or states a term ("India could lead on …" names no lever but is one); the first sentence
that does neither ends it.
"""

from __future__ import annotations

import re

from helpers.cues import Cue, mask_quotes

ANNOUNCEMENT = re.compile(
    r"\bI(?: would|'d)? (?:propose|suggest|recommend)\b"
    r"|\bmy (?:proposal|offer|plan)\b"
    r"|\b(?:what|how) (?:would|might|could) (?:that|this|it|such an?(?: \w+)?|an?(?: \w+)? "
    r"(?:deal|agreement|bargain|package|offer|plan|arrangement|compromise|step))"
    r" (?:look|work)\b"
    r"|\bconsider (?:what|how) [^.?!]{0,60}\b(?:would|might|could) (?:look|work)\b",
    re.I,
)

TERM = re.compile(  # "North Korea would halt …", "and it would refrain from …"
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )(?<!\bwhat )\bwould"
    r"(?: also| still| then| in turn| simply| instead| first| now)?"
    r" (?!be\b|have\b|not\b|never\b|only\b|hardly\b|like\b|rather\b|prefer\b|say\b|argue\b"
    r"|mean\b|look\b|seem\b|want\b|welcome\b)(?=[a-z])",
    re.I,
)


def announces_terms(text: str) -> bool:
    """True when a sentence announces the terms of a proposal that the next sentences give."""
    return bool(ANNOUNCEMENT.search(mask_quotes(text)))


COULD = re.compile(
    r"\b(?:could|can)(?: also| then| instead| simply| in turn)? (?!be\b|have\b|not\b)[a-z]"
)


def states_term(text: str) -> bool:
    """True when a sentence of a run states a term ("would"/"could" and a verb), in or out of
    a lever."""
    masked = mask_quotes(text)
    return bool(TERM.search(masked) or COULD.search(masked))


def term_cues(text: str, taken: list[Cue]) -> list[Cue]:
    """The "would" of each term in a sentence of a proposal's run, as "proposal" cues; none
    that overlaps a cue already ``taken``, and none in a question."""
    masked = mask_quotes(text)
    if masked.rstrip().endswith("?"):
        return []
    found = [
        Cue("proposal", "after", m.start(), m.end(), text[m.start() : m.end()])
        for m in TERM.finditer(masked)
    ]
    return [c for c in found if all(c.end <= t.start or c.start >= t.end for t in taken)]
