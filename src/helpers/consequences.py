"""Evaluations by consequence: a policy as the subject, then what it would do.

"Lifting the sanctions now would reward Pyongyang" rejects lifting them; "Sending more
missiles to Taiwan would strengthen deterrence" supports sending them; "More tariffs will not
change Beijing's behaviour" rejects them as futile. The subject is a policy when it opens
with a gerund ("Lifting …", not an actor's name), names a lever before any actor ("A
preventive strike would invite …", "Tariffs on China are …") or names a particular course of
action by a noun (``POLICY_NOUN`` after a definite or possessive word: "Today's measures by
Treasury are …", "Washington's long reluctance was …"; not "Each move would …"). It runs
from the clause's start (after a comma, semicolon, dash, "and" or "but"; an aside such as ",
however,", ", as Trump did in 2018," or ", from Geneva to Hanoi," is skipped) to a modal
(would, could, will, might, may, can), and follows no leading "if" or "when" clause. The verb
after the modal says the stance (a perfect modal, by its participle: "would have
emboldened"): a harm (``HARMS``: reward, embolden, invite,
undermine …; or a phrase, ``HARM_PHRASE``: "send the wrong message", "hand X a victory",
"leave Seoul exposed", "do little for") opposes, a good (``GOODS``: strengthen, deter,
reassure, work …; "send a clear signal", "can work with Pyongyang") supports; negated
("would not help", "will not change") a good or a futility verb opposes and a harm supports,
and so does a good of next to nothing ("would save little", "would achieve nothing"); "make"
takes the polarity of its complement ("make the exodus worse", "make Seoul safer").

An appraisal after "is/are/was/would be" of such a subject is one too ("Scaling them back
is a cheap concession", "Tariffs on China Are a Tax, Not a Strategy", "Talking is fine"),
judged by ``helpers.appraisal``'s lexicon alone; a passive ("was sold as"), an infinitive
or a state ("remains poor") is none.

What a policy subject needs is support for it ("An Audacious Offer Needs a Smaller First
Step", "Any deal needs verification"; a course of action named by a noun with any
determiner; not "needs to", "the need for", nor an actor's needs: "North Korea needs food").

So is the policy's record (``RECORD``): "Sanctions have failed to …", "Three decades of
diplomacy have not removed a single warhead" and "bought nothing" oppose it, "has worked" and
"has not failed" support it.

A cue is given only where ``helpers.cues`` found none that overlaps it (a "could" proposal
gives way); the claim's actor, lever and direction follow from the cue as for any evaluation
whose action is its subject.
"""

from __future__ import annotations

import re

from helpers import cues
from helpers.appraisal import appraisal_stance, appraisal_text
from helpers.cues import APOS, _words
from helpers.subjects import ANAPHORIC_SUBJECT, SentenceContext, gerund_first, possessive

HARMS = _words(
    "reward embolden emboldens invite invites undermine undermines weaken weakens erode "
    "erodes damage damages hurt hurts harm harms alienate alienates provoke provokes punish "
    "punishes endanger endangers jeopardize jeopardise jeopardizes jeopardises destabilize "
    "destabilise destabilizes destabilises legitimize legitimise legitimizes legitimises "
    "squander squanders sacrifice sacrifices betray betrays abandon abandons backfire "
    "backfires antagonize antagonise antagonizes antagonises inflame inflames escalate "
    "escalates isolate isolates cost costs risk risks fracture fractures split splits divide "
    "divides strand strands starve starves expose exposes undercut undercuts sabotage "
    "sabotages poison poisons wreck wrecks derail derails doom dooms worsen worsens tempt "
    "tempts accelerate accelerates fuel fuels"
)
GOODS = _words(
    "strengthen strengthens reassure reassures deter deters help helps ensure ensures protect "
    "protects restore restores improve improves bolster bolsters reinforce reinforces advance "
    "advances stabilize stabilise stabilizes stabilises ease eases reduce reduces calm calms "
    "secure secures preserve preserves save saves build builds support supports enhance "
    "enhances boost boosts revive revives unlock unlocks buy buys limit limits serve serves "
    "constrain constrains slow slows curb curbs prevent prevents deny denies work works succeed "
    "succeeds"
)
# negated, these say the policy achieves nothing: "will not change Beijing's behaviour"
FUTILE = _words(
    "change changes stop stops solve solves end ends fix fixes work works succeed succeeds "
    "matter matters bring brings persuade persuades convince convinces move moves budge alter "
    "alters achieve achieves deliver delivers resolve resolves"
)
WORSE = re.compile(
    r"\bmake (?:\w+ ){0,6}?(?:worse|harder|weaker|less (?:safe|secure|likely)|more (?:dangerous"
    r"|likely to (?:fail|collapse)|difficult|vulnerable)|impossible|a party to)\b",
    re.I,
)
BETTER = re.compile(
    r"\bmake (?:\w+ ){0,6}?(?:safer|stronger|easier|more (?:secure|credible|likely to succeed"
    r"|stable|resilient)|harder to (?:undo|reverse|attack|coerce|ignore))\b",
    re.I,
)
MODAL = re.compile(
    rf"\b(?:would|could|will|might|may|can)(?:n{APOS}t| not| never| only| also| simply| just"
    rf"| merely| surely| likely| probably| quickly| soon| inevitably| almost certainly)*"
    rf"(?: have)? (?P<verb>[a-z]+)\b",  # "would have cost lives": the participle
    re.I,
)
# what a policy would do, said by a phrase rather than one verb
HARM_PHRASE = re.compile(
    r"(?:send|sends) (?:\w+ ){0,2}?(?:the |a )?(?:wrong|dangerous|mixed|terrible|bad)"
    r" (?:message|signal)"
    r"|(?:hand|hands|handed) (?:[\w’'-]+ ){1,4}?(?:an? |the )?(?:[\w-]+ )?(?:victory|win|prize"
    r"|gift|pretext|excuse|propaganda|charge|veto|windfall|argument)"
    r"|(?:leave|leaves|left) (?:[\w’'-]+ ){1,3}?(?:exposed|vulnerable|isolated|alone|weaker"
    r"|poorer|worse off|stranded|guessing|reading|behind|defen[cs]eless)\b"
    r"|(?:do|does|done) (?:little|less|nothing|no good)\b",
    re.I,
)
GOOD_PHRASE = re.compile(
    r"(?:send|sends) (?:\w+ ){0,2}?(?:a |the )?(?:clear|strong|powerful|right|unmistakable)"
    r" (?:message|signal)"
    r"|(?:leave|leaves|left) (?:[\w’'-]+ ){1,3}?(?:safer|stronger|better off|more secure"
    r"|more stable)\b",
    re.I,
)
# what a policy needs to work: "An Audacious Offer Needs a Smaller First Step" (not "needs to")
NEEDS = re.compile(r"\b(?P<need>needs|need)\b(?! (?:to|for|of)\b)(?= [a-z])", re.I)
# a good or an effect of next to nothing: "would save little and cost much"
SMALL_GAIN = re.compile(r"\s+(?:very little|little|next to nothing|almost nothing|nothing)\b", re.I)
COPULA = re.compile(r"\b(?:is|are|was|were|would be|will be|would only be|would also be)\b", re.I)
# a policy's record: "Three decades of diplomacy have not removed a single warhead",
# "Sanctions have failed to …", "Cancelling them bought nothing that lasted"
RECORD = re.compile(
    rf"\b(?:(?:has|have|had)(?P<negated>n{APOS}t| not| never| yet to)?(?: (?:\w+ly|also|so far"
    r"|yet|thus far))* (?P<record>produced|achieved|delivered|yielded|removed|slowed|stopped"
    r"|halted|changed|bought|brought|won|secured|worked|succeeded|failed|paid off)"
    r"|(?P<past>produced|achieved|delivered|yielded|bought|brought|won|secured)"
    r"(?= (?:nothing|little|no|not much)\b))\b",
    re.I,
)
NOTHING = re.compile(r"\s+(?:nothing|little|no\b|not much|not a single|none)", re.I)
SUCCEEDED = ("worked", "succeeded", "paid off")
# what an appraisal opens with: a degree, an article, an adjective; not "to", "that", "being"
APPRAISAL_START = re.compile(
    r"\s+(?:not |no |hardly |never )?(?:(?:an?|the|far|much|even|also|still|simply|only"
    r"|more|most|less|least|just|plainly|clearly) )*(?!to\b|that\b|being\b|likely\b"
    r"|expected\b|set\b|due\b|going\b|about\b|\w+ed\b|\w+en\b|sold\b|made\b|held\b)[a-z]",
    re.I,
)
ASIDE = re.compile(
    r"(?:however|of course|too|though|then|in turn|in public|for now|for its part|moreover"
    r"|in practice|by contrast|predictably"
    # a comparison or a span between commas: "Cancelling them, as Trump did in 2018, bought
    # nothing"; "Three decades of diplomacy, from the 1994 Agreed Framework to the Hanoi
    # summit, have not removed a single warhead"
    r"|as (?:\w+ ){1,3}(?:did|does|do|has|have|had|was|were)(?: \w+){0,4}"
    r"|from (?:[\w’'-]+ ){1,6}to(?: [\w’'-]+){1,6})",
    re.I,
)
# where a clause starts; "and" before a name joins names ("Cutting troops in Japan and Korea")
SUBJECT_START = re.compile(r"(?:[,;:—–]|\bbut\b|\band\b(?! (?-i:[A-Z])))\s*", re.I)
OPENERS = re.compile(
    r"^(?:if|when|unless|whether|because|although|though|while|as|since|until|once|after|before"
    r"|it|this|that|these|those|which|who|what|there|he|she|they|we|you|i)\b",
    re.I,
)
# a subject pointing back at a policy the sentence before judged or named ("Snapping back every
# sanction would be a mistake. It would hurt …"; ``SentenceContext.policy_before``)
POINTING_PRONOUN = re.compile(r"(?:it|both|this|that)(?: (?:also|only|simply|even|too))?", re.I)
LEADING_CLAUSE = re.compile(r"\s*(?:if|unless|when|whether|once|until)\b", re.I)  # "If …, X would"
MAX_SUBJECT_WORDS = 12


def consequence_cue(ctx: SentenceContext, masked: str, levers=None) -> cues.Cue | None:
    """The first consequence evaluation or appraisal of a policy subject in the sentence
    (module docstring; ``masked``: its text with quotations masked), or None."""
    if cues.QUESTION_END.search(masked):
        return None
    verbs = sorted(
        [*MODAL.finditer(masked), *COPULA.finditer(masked), *RECORD.finditer(masked),
         *NEEDS.finditer(masked)],
        key=lambda m: m.start(),
    )  # fmt: skip
    for m in verbs:
        subject = _subject(masked, m.start())
        if subject is None or LEADING_CLAUSE.match(masked[: subject[0]]):
            continue
        appraisal = not {"verb", "record", "need"} & set(m.re.groupindex)
        if POINTING_PRONOUN.fullmatch(masked[subject[0] : subject[1]].strip()):
            if "verb" not in m.re.groupindex or not ctx.policy_before:
                continue  # "It is …", or no claim before it to point at
        elif not _policy(ctx, subject, levers, appraisal) and not (
            "need" in m.re.groupindex and _course_named(ctx, subject)
        ):
            continue
        stance = (
            _stance(masked, m)
            if "verb" in m.re.groupindex
            else _record(masked, m)
            if "record" in m.re.groupindex
            else "support"
            if "need" in m.re.groupindex
            else _appraised(masked, m)
        )
        if stance:
            kind = "rejection" if stance == "oppose" else "approval"
            return cues.Cue(kind, "before", m.start(), m.end(), ctx.text[m.start() : m.end()],
                            stance)  # fmt: skip
    return None


def _subject(masked: str, modal_start: int) -> tuple[int, int] | None:
    """The subject span before a modal: from the clause's start, a few words, no opener;
    an aside before the modal ("…, however, would") is skipped."""
    edges = [
        (0, 0),
        *((m.start(), m.end()) for m in SUBJECT_START.finditer(masked, 0, modal_start)),
    ]
    i, end = len(edges) - 1, modal_start
    while i > 0 and ASIDE.fullmatch(masked[edges[i][1] : end].strip(" ,") or "however"):
        i, end = i - 1, edges[i][0]  # "X, however, would": X
    start = edges[i][1]
    phrase = masked[start:end].strip()
    words = phrase.split()
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    pointed = POINTED_POLICY.match(phrase) or ANAPHORIC_SUBJECT.match(phrase)
    if POINTING_PRONOUN.fullmatch(phrase):
        return start + masked[start:end].index(words[0]), end
    if OPENERS.match(phrase) and not pointed:  # "These actions are …", "This launch is …"
        return None
    if words[0].lower() in cues.PREPOSITIONS | cues.NOT_GERUNDS:
        return None  # a parenthesis ("– including six tests –"), not the subject
    return start + masked[start:end].index(words[0]), end


def _policy(ctx: SentenceContext, span: tuple[int, int], levers, appraised: bool = False) -> bool:
    """True when the subject is a policy: a gerund first, a lever named and no actor before
    it (but its possessor when ``appraised``: "North Korea's latest missile test is a clear
    provocation" judges the act; "North Korea's tests would destabilize …" predicts), or a
    particular course of action named by a noun."""
    start, end = span
    inside = [(s, e) for s, e in zip(ctx.mentions["s"], ctx.mentions["e"], strict=True)
              if start <= s < end]  # fmt: skip
    if gerund_first(re.findall(r"[\w’'-]+", ctx.text[start:end]), ctx.text, start, ctx.mentions):
        return True
    if levers is None:
        return False
    found = levers.matches(ctx.text[start:end])  # "Tariffs on China": the actor comes after
    if found and not any(
        s < start + found[0].start and not (appraised and possessive(ctx.text, e))
        for s, e in inside
    ):
        return True
    noun = POLICY_NOUN.search(ctx.text, start, end)  # "Today's measures by Treasury"
    if noun is None or not DEFINITE.match(ctx.text, start):
        return False  # "Each move would …": no particular course of action
    return not any(s < noun.start() and not possessive(ctx.text, e) for s, e in inside)


def _course_named(ctx: SentenceContext, span: tuple[int, int]) -> bool:
    """True when a subject names a course of action by a noun, whatever its determiner, and no
    actor before it ("An audacious offer needs …", "Any deal needs …")."""
    noun = POLICY_NOUN.search(ctx.text, *span)
    return noun is not None and not any(span[0] <= s < noun.start() for s in ctx.mentions["s"])


# what names a particular course of action as a subject: "the decision", "Washington's
# approach", "today's measures"
DEFINITE = re.compile(
    r"(?:the|this|that|these|those|its|their|his|her|our|today[’']s"
    r"|(?-i:[A-Z][\w.-]*)(?: (?-i:[A-Z][\w.-]*))*[’']s?)\b",
    re.I,
)
POLICY_NOUN = re.compile(
    r"\b(?:measures|steps|actions|package|decision|approach|policy|policies|strategy|move"
    r"|initiative|stance|intent|plan|proposal|offer|deal|agreement|arrangement|bargain"
    r"|response|reluctance|demand|request|effort|efforts|idea|option|course|method|sequencing"
    r"|tactic|tactics|gambit|gesture|overture|ultimatum|designation|designations"
    r"|announcement|legislation|bill|resolution)\b",
    re.I,
)
POINTED_POLICY = re.compile(rf"(?:this|that|these|those) (?:\w+ )?{POLICY_NOUN.pattern}", re.I)


def _appraised(masked: str, copula: re.Match) -> str:
    """oppose, support or "" from the appraisal after "is/would be" ("a cheap concession",
    "not a strategy", "far safer than …"); an infinitive or clause after it is no appraisal."""
    complement = appraisal_text(masked, copula.end())
    if APPRAISAL_START.match(complement) is None:
        return ""
    return appraisal_stance(complement, lexicon_only=True)


def _record(masked: str, record: re.Match) -> str:
    """oppose, support or "" from what the policy has done: failed, or achieved nothing
    ("have not removed a single warhead", "bought nothing") opposes; "has worked" supports;
    "has not failed" supports."""
    verb = (record["record"] or record["past"]).lower()
    negated = bool(record["negated"])
    if verb == "failed":
        return "support" if negated else "oppose"
    if verb in SUCCEEDED:
        return "oppose" if negated else "support"
    if negated or NOTHING.match(masked, record.end()):
        return "oppose"
    return ""


def _stance(masked: str, modal: re.Match) -> str:
    """oppose, support or "" (no consequence verb) from the verb after the modal."""
    verb, negated = modal["verb"].lower(), bool(cues.NEGATED_MODAL.search(modal[0]))
    rest = masked[modal.start("verb") :]
    if verb in ("make", "makes"):
        good = BETTER.match(rest) is not None
        bad = WORSE.match(rest) is not None
        if good == bad:
            return ""
        return "support" if good != negated else "oppose"
    verb = _base(verb)
    if (verb in GOODS or verb in FUTILE) and SMALL_GAIN.match(rest, len(modal["verb"])):
        return "support" if negated else "oppose"  # "would save little", "would change nothing"
    harm, good = HARM_PHRASE.match(rest), GOOD_PHRASE.match(rest)
    if verb in HARMS or harm:
        return "support" if negated else "oppose"
    if verb in GOODS or good:
        return "oppose" if negated else "support"
    if negated and verb in FUTILE:
        return "oppose"
    return ""


def _base(verb: str) -> str:
    """A participle's consequence verb ("emboldened" → embolden, "stopped" → stop), else
    ``verb``."""
    for stem in (verb, verb[:-1], verb[:-2], verb[:-3]):
        if stem in HARMS or stem in GOODS or stem in FUTILE:
            return stem
    return verb
