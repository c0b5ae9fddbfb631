"""Whether an appraisal approves or disapproves: "unjustified", "an act of aggression",
"a cheap concession", "far safer".

A short lexicon of the words commentary and diplomacy judge policies with comes first
(VADER's lexicon lacks many: it scores "unjustified" and "regrettable" 0); where it says
nothing, VADER's compound score decides when it is clear (``helpers.sentiment``). A negation
before the appraisal ("is not a solution", "is no concession") flips it.
"""

from __future__ import annotations

import re

from helpers import cues, sentiment

CLEAR = 0.3  # |VADER compound| from which an appraisal the lexicon misses counts
DISAPPROVING = re.compile(
    r"\b(?:unjustifi\w*|regrettable|inappropriate|troubling|incomprehensible|unacceptable"
    r"|provocat\w*|violat(?:ions?|es|ed|ing)|illegal|illegitimate|aggression|reckless|irresponsible"
    r"|destabili[sz]ing|coerci\w*|bullying|hostile|trap|sham|farce|mistake|deplorable"
    r"|outrageous|absurd\w*|null and void|unlawful|playing with fire|daydream|counterproductive"
    r"|escalatory|affront|betrayal|setback|blackmail"
    r"|interference|unhelpful|unwarranted|baseless|poor|bad|wrong|dangerous|costly|risky"
    r"|futile|cheap concession|concession|gift|warning|gamble|dead end|distraction|illusion"
    r"|fantasy|folly|naive|naïve|tax|embargo|surrender|capitulation|appeasement|giveaway|weaker"
    r"|worse|less effective|inconsistent with|a threat|posed? a (?:\w+ )?threat|off the table"
    r"|out of the question|obsolete|outdated|lost (?:its|their) relevance|reward"
    r"|recipe for (?:disaster|failure|trouble|hollow \w+|war|escalation))\b",
    re.I,
)
APPROVING = re.compile(
    r"\b(?:welcome|constructive|positive|a good idea|historic|significant|encouraging"
    r"|promising|breakthrough|step forward|milestone|productive|admirable|courageous"
    r"|sensible|wise|success|necessary|appropriate|justified|long overdue|fine|good|better"
    r"|unwavering|steadfast|unshakable|unshakeable|rock-solid"
    r"|(?<!of )interest(?:ed)?(?= in\b|\W*$)"
    r"|safer|smarter|wiser|cheaper|essential|vital|indispensable|ironclad|prudent|worth"
    r"|effective|useful|valuable|the answer|insurance|consistent with|in line with|defensive"
    r"|legitimate|lawful|irreversible|non-negotiable)\b",
    re.I,
)
NEGATED = re.compile(r"^\s*(?:not|no|never|hardly|neither)\b", re.I)
# what a course of action claims to be, judged only when denied: "is not a policy", "is not
# leverage", "is no substitute" (unnegated, "is a strategy of delay" says nothing clear)
CLAIMED_MERIT = re.compile(
    r"^\s*(?:not|no)\s+(?:(?:an?|the|real|serious|\w+-\w+|[A-Z][\w.-]*(?: [A-Z][\w.-]*)?)\s+)*"
    r"(?:polic(?:y|ies)|strateg(?:y|ies)|solution|plan|leverage|remedy|substitute|deterrent"
    r"|deterrence|defen[cs]e policy|answer)\b",
    re.I,
)


def appraisal_stance(text: str, lexicon_only: bool = False) -> str:
    """oppose, support or "" (no clear appraisal) for the words that judge something;
    ``lexicon_only``: without VADER's say where the lexicon has none."""
    against, favour = bool(DISAPPROVING.search(text)), bool(APPROVING.search(text))
    if against != favour:
        return "oppose" if against != bool(NEGATED.match(text)) else "support"
    if not against and CLAIMED_MERIT.match(text):
        return "oppose"
    if against or lexicon_only:
        return ""
    score = sentiment.analyzer().polarity_scores(text)["compound"]  # negation scored in
    return "" if abs(score) < CLEAR else "oppose" if score < 0 else "support"


def appraisal_text(text: str, start: int, search_from: int | None = None) -> str:
    """The words from ``start`` to the end of the action (``cues.ACTION_END``, looked for
    from ``search_from``, default ``start``): what an appraisal after a verb says."""
    stop = cues.ACTION_END.search(text, start if search_from is None else search_from)
    return text[start : stop.start() if stop else len(text)]
