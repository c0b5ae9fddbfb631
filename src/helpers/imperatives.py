"""Imperatives: a sentence that opens (after adverbials such as "In return", "Perhaps even",
or a fronted phrase such as "After Hanoi,")
with a base-form policy verb and no subject prescribes to the article's addressee
("Negotiate a formal pact …"); "Do not …"/"Never …" give oppose."""

from __future__ import annotations

import re

from helpers.cues import APOS, Cue, _words

# imperatives: a leading base-form policy verb (after optional adverbials)
IMPERATIVE_LEAD = re.compile(
    r"^[\s“\"'‘(]*(?:(?:in return|in exchange|perhaps|maybe|even|then|also|first|second|third"
    r"|finally|next|instead|meanwhile|at the same time|above all|rather|simply|and|so|thus"
    r"|therefore|moreover|in addition|additionally|similarly|likewise|again|now|just|only"
    r"|at a minimum|at the very least|at least|most importantly|better yet|better still"
    r"|ideally)\b[\s,]*"
    r"|(?:after|before|with|without|for|on|in|given|beyond) [^,;:.]{1,30},\s*"
    r"|(?:when|once|if|until|unless|as long as|while) [^,;:.]{1,40},\s*)*",
    re.I,
)
NEGATIVE_IMPERATIVE = re.compile(rf"^(?:do not|don{APOS}t|never)\s+", re.I)
IMPERATIVE_VERBS = _words(
    "accept acknowledge add address agree allow announce ask assure avoid begin bring"
    " build call cancel cease choose close commit concede consider continue convene cooperate"
    " coordinate declare decline delay delink demand deny deploy deter disconnect drop ease"
    " embrace encourage end engage ensure establish expand explore extend focus forget"
    " formalize freeze give grant halt hold impose include insist invest invite join keep"
    " launch leave let lift limit link maintain make negotiate normalize offer open"
    " oppose pause persuade prioritize promise propose provide pull pursue push put quit"
    " reach reaffirm recognize reconsider reduce reject relax remove renew reopen replace"
    " resist restart restore resume revive scrap secure seek send share shift show sign start"
    " stop strengthen suspend take tell tie toss treat try urge use wait welcome withdraw"
    " arm sell sanction talk rejoin recognize fund deter name restore sign rethink restrain"
    " punish contain confront enforce reengage re-engage revisit reverse rebuild reinforce"
    " prepare protect defend isolate squeeze abandon bolster boost tighten loosen stand rush"
    " escort patrol reassure reward engage condition lean shore patch mend"
    " reset slow speed accelerate fix bargain buy pay raise lower"
    " require deliver plan count rely approve authorize honor honour respect finish complete"
    " press"
)
# "Let me first thank …", "Make no mistake": a speech's courtesy or emphasis, no prescription
COURTESY = re.compile(
    r"let (?:me|us) (?:\w+ )?(?:thank|welcome|begin|start|say|add|echo|join|recogni[sz]e"
    r"|acknowledge|congratulate|note)\b|make no mistake\b|welcome (?:all|everyone|you)\b",
    re.I,
)
# "Take sanctions." "Consider the record." "Start with what the threat has achieved." "Take
# for example, …": a sentence that only names the next topic
TOPIC_OPENER = re.compile(
    r"(?:take [\w’'-]+|consider (?:the |a |an |this |that )?[\w’'-]+|(?:look at|remember|recall"
    r"|witness|start with|begin with)"
    r"(?: [\w’'-]+){1,4}|(?:consider|start with|begin with) (?:what|how|why|whether|where"
    r"|who)\b[^.;:!?]*|take,? for (?:example|instance)\b.*)"
    r"[.:]?\s*$",
    re.I,
)
PRESS_NOUNS = _words(
    "availability briefing conference release statement remarks gaggle freedom reports coverage"
)
NOT_AFTER_IMPERATIVE = _words(
    "of is are was were has have had will would can could may might should must"
)


def imperative_cue(text: str) -> Cue | None:
    """The imperative cue of a sentence that opens with a base-form policy verb, else None."""
    lead = IMPERATIVE_LEAD.match(text)
    rest_at = lead.end() if lead else 0
    negative = NEGATIVE_IMPERATIVE.match(text[rest_at:])
    verb_at = rest_at + (negative.end() if negative else 0)
    words = [w.strip(",.;:!?—–") for w in text[verb_at:].split()[:2]]
    if not words or words[0].lower() not in IMPERATIVE_VERBS or COURTESY.match(text, verb_at):
        return None
    if len(words) > 1 and words[1].lower() in NOT_AFTER_IMPERATIVE:
        return None
    if len(words) > 1 and words[0].lower() == "press" and words[1].lower() in PRESS_NOUNS:
        return None  # "Press Availability on Iran Snapback Sanctions": the press
    if TOPIC_OPENER.match(text, verb_at):  # "Take sanctions.": a topic, not a prescription
        return None
    if not negative and not text[verb_at].isupper() and rest_at == 0:
        return None
    end = verb_at + len(words[0])
    stance = "oppose" if negative else ""
    return Cue("imperative", "sentence", verb_at, end, text[rest_at:end].strip(), stance)
