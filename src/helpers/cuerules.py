"""The prescriptive cue patterns ``helpers.cues`` finds: modals, for-clauses, approaches,
offers, rejections and approvals, each with the side of the cue its action is on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.needles import Prefilter

APOS = "[’']"


def _words(text: str) -> frozenset[str]:
    """A word set from a space-separated string."""
    return frozenset(text.split())


@dataclass(frozen=True)
class CueRule:
    """A cue pattern: its type, which side of it the action is on, and a fixed stance."""

    kind: str
    side: str  # "after" | "before" | "sentence"
    regex: re.Pattern
    stance: str = ""  # "" = decided by the sentence (negation, conditions)


LEAD = r"\s*(?:(?:but|and|yet|so),? )?"  # a connective before a subject that points back


def _rule(kind: str, side: str, pattern: str, stance: str = "") -> CueRule:
    return CueRule(kind, side, re.compile(rf"\b(?:{pattern})\b", re.I), stance)


CUE_RULES: list[CueRule] = [
    _rule(
        "modal",
        "after",
        rf"(?:do|does|did|will|would)(?:n{APOS}t| not) (?:have|need) to"
        rf"|need not|needn{APOS}t",
        "neutral",
    ),
    _rule(
        "modal",
        "after",
        r"(?:will|would|shall|may|might|could)(?: \w+ly)?"
        r"(?: also| still| then| now| first| simply)? (?:have|need) to",
    ),
    _rule(  # the author's own choice: "I would not lift a single sanction until …"
        "modal",
        "after",
        rf"(?<=\bI )would(?: not|n{APOS}t| never)?(?= (?:\w+ly )?(?!(?:say|argue|add|note|think"
        r"|guess|imagine|suspect|expect|hope|like|love|be|have|call|describe|put|remind|point"
        r"|venture|submit|agree|prefer|rather|want|wish|ask|urge)\b)[a-z]+\b)",
    ),
    _rule(
        "modal",
        "after",
        rf"(?:should|must)(?:n{APOS}t| not| never)?"
        rf"|ought(?:n{APOS}t| not)? to|had better|(?:has|have|needs?) to|(?:does|do) need(?: to)?"
        r"|would do well to|(?:would be|is|are) well advised to"
        r"|would be (?:wise|smart|prudent) to|(?:can|could) (?:well )?afford to"
        # "The Security Council has a responsibility to address …", "India has every right to"
        r"|(?:has|have|bears?) (?:a|an|the|its|their|our|his|her)(?: \w+)? (?:responsibility"
        r"|obligation|duty) to|(?:has|have) every right to"
        r"|(?:is|are) (?:fully )?entitled to(?! (?:wonder|ask|think|feel|doubt|suspect|the|an?"
        r"|that|this|these|those|its|their|his|her|our|some|any|no|[\w-]+(?:al|ed|ing|s))\b)",
    ),
    _rule(  # "Washington could offer a freeze": a proposal when an actor is its subject and
        # its action names a lever (helpers.positions keeps no other); not "could be", "could have"
        "proposal",
        "after",
        r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )(?:could|can)(?: also| then| instead| simply"
        r"| in turn| now|, however,)? (?!be\b|have\b|not\b|never\b|only\b|hardly\b|no longer\b)"
        r"(?=[a-z])",
    ),
    _rule(
        "for-clause",
        "after",
        rf"it(?: is|{APOS}s| was| would be| will be)"
        r"(?: \w+){0,2}? (?:overdue|time|wise|prudent|better|smart|sensible|important"
        r"|essential|necessary|vital|imperative|crucial|urgent) for (?P<slot>[^,;:.]+?) to",
    ),
    _rule(
        "for-clause",
        "after",
        rf"it(?: is|{APOS}s| was| would be| will be)(?: \w+){{0,2}}? (?:overdue|time|wise|prudent"
        r"|smart|sensible|essential|necessary|vital|imperative|crucial|critical|urgent|important)"
        r"(?: than ever(?: before)?)? to"
        r"|the time has come to|(?:it )?makes (?:good |more |perfect )?sense to"
        r"|(?:now|today|this) is the (?:right |best )?(?:time|moment) to",
    ),
    _rule(
        "for-clause",
        "after",
        r"the time has come for (?P<slot>[^,;:.]+?) to",
    ),
    _rule(  # "Now is the time for Congress to act"
        "for-clause",
        "after",
        r"(?:now|today|this) is the (?:right |best )?(?:time|moment) for (?P<slot>[^,;:.]+?) to",
    ),
    _rule(  # "It would therefore seem sensible, though perhaps not easy, for X to …"
        "for-clause",
        "after",
        r"it (?:would|might|may|could|will) (?:also |therefore |thus |then |perhaps |surely )*"
        r"(?:be|seem|appear) (?:\w+ )?(?:wise|sensible|prudent|advisable|better|smart|helpful"
        r"|useful|worthwhile|right)(?:, [^,;:.]{1,50},)? for (?P<slot>[^,;:.]+?) to",
    ),
    _rule(  # "It might also be wise, if Seoul is willing, to draw …"
        "for-clause",
        "after",
        r"it (?:would|might|may|could|will) (?:also |therefore |thus |then |perhaps |surely )*"
        r"(?:be|seem|appear) (?:\w+ )?(?:wise|sensible|prudent|advisable|better|smart|helpful"
        r"|useful|worthwhile|right)(?:, [^,;:.]{1,50},)? to",
    ),
    _rule(  # "It is simply unacceptable to allow …", "It would still be foolish to build …"
        "rejection",
        "after",
        rf"it(?: is|{APOS}s| was| would(?: \w+)? be| will be)(?: \w+){{0,2}}? (?:unacceptable"
        r"|intolerable|wrong|a mistake|an error|foolish|reckless|dangerous|irresponsible|naive"
        r"|unwise|counterproductive|self-defeating) to"
        r"(?! (?:say|tell|know|predict|judge|assume|think)\b)",
        "oppose",
    ),
    _rule(  # "It's unfortunate that Russia decided to veto …": the slot did what is deplored
        "rejection",
        "after",
        rf"it(?: is|{APOS}s| was)(?: \w+ly)? (?:unfortunate|regrettable|deplorable|disappointing"
        r"|troubling|unacceptable|outrageous|shameful) that (?P<slot>(?:the |all )?\S+"
        r"(?: (?:and|or) \S+)?(?: (?-i:[A-Z])\S+)?)",
        "oppose",
    ),
    _rule(  # "It is essential that Iran (should) return …": the slot is the clause's subject
        "for-clause",
        "after",
        rf"it(?: is|{APOS}s| was| would be| will be| remains)(?: \w+){{0,2}}? (?:imperative"
        r"|essential|vital|critical|crucial|important|necessary|urgent)"
        r"(?: than ever(?: before)?)? that"
        r" (?!you\b)(?P<slot>(?:the |all )?\S+(?: (?-i:[A-Z])\S+)?)(?: should| must)?",
    ),
    _rule(
        "approach",
        "after",
        r"(?:the|our|its|their) (?:obvious |best |real |only |right )?(?:answer|solution|goal|aim"
        r"|objective|priority|task|remedy"
        r"|right response|better course|wiser course|sensible course|only option|best option)"
        r" (?:is|remains|should be|must be|would be|will be) to"
        r"|there is no (?:alternative|substitute) (?:to|for)|(?:is|are) no substitute for"
        r"|there is no (?:other )?(?:\w+ )?(?:path|way|route) (?:to|for)",
    ),
    _rule(  # "What works, slowly, is pressure that bites", "The way forward is a bargain …"
        "approach",
        "after",
        r"what (?:works|helps|is needed|would help|might work|matters(?: most| now| here)?)"
        r"(?:, [^,;:.]{1,30},)? is"
        r"|the way (?:to|of) [^,;:.]{3,80}? (?:is|lies) to"  # "The way to deter an invasion is to"
        r"|what (?:we|they|it|\w+) (?:\w+ly )?needs? (?:from (?P<slot>[^,;:.]{1,30}?) )?is(?! to\b)"
        r"|the (?:way forward|answer to [^,;:.]{2,40}?|better course|best course) (?:is|remains)"
        r"(?! to\b)",
        "support",
    ),
    _rule(  # "What Beijing can do is enforce the sanctions it voted for"
        "approach",
        "after",
        r"what (?P<slot>(?:\w+ ){0,2}?\w+) (?:can|could) (?:still |also |usefully )?do"
        r"(?: now| instead| first)? is",
        "support",
    ),
    _rule(  # "That is the best argument for not letting it", "… warrants the enactment of"
        "approach",
        "after",
        r"the (?:best|strongest|best possible) (?:argument|case) for"
        r"|warrants? (?=(?:the|a|an|urgent|immediate|further|serious|new)\b)",
        "support",
    ),
    _rule(  # "What we cannot accept is a bill that …"
        "rejection",
        "after",
        rf"what (?:we|I|\w+) (?:cannot|can{APOS}t|will not|won{APOS}t|do not|don{APOS}t|must not)"
        r" (?:accept|tolerate|support|afford) is",
        "oppose",
    ),
    _rule(
        "for-clause",
        "after",
        r"(?:another|a|one|good|strong|every|further|additional"
        r"|compelling)(?: \w+)? reason for (?P<slot>[^,;:.]+?) to",
    ),
    _rule(
        "approach",
        "after",
        r"the (?:\w+ )?(?:starting point|first step|next step|place to"
        r" start) (?:would|should|might|could|will|is) be(?: to)?",
    ),
    _rule(
        "approach",
        "after",
        r"the (?:best|only|surest|right|wisest) way (?:to|of|for) [^,;:.]{3,80}? (?:is|would be)"
        r" to|(?:demonstrates?|shows?|underscores?|highlights?|underlines?|reinforces?|proves?)"
        r" the (?:need|importance|value) (?:for|of|to)"
        r"|(?:would|will|could|stands? to)(?: \w+)? (?:benefit|gain) from",
    ),
    _rule(
        "approach",
        "after",
        r"(?:(?:is|are|was) )?(?:not|no|hardly) an? (?:argument|case|reason) (?:against|for not)",
        "support",
    ),
    _rule(
        "approach",
        "before",
        r"(?:would|could|might|may|will) (?:offer|provide|make|be"
        r"|serve as) (?:a|an|one|another|the) (?:\w+ )?(?:starting point|first step"
        r"|way forward|good start|approach|option|solution)",
    ),
    _rule("offer", "after", r"(?<=\s)offer (?:to|of)"),
    _rule(  # "Taiwan Needs Missiles, Not Promises", "What the embargo needs is enforcement"
        "approach",
        "after",
        r"needs?(?= (?:an? |the |more |[\w-]+ ){0,3}?[\w-]+, not\b)"
        r"|what (?:\w+ ){1,4}?needs?(?: now| most| above all)?(?:, [^,;:.]{1,30},)? is",
        "support",
    ),
    _rule(  # "That means more realistic exercises", "It also means keeping the exercises"
        "approach",
        "after",
        rf"^{LEAD}(?:that|this|it|doing so)(?: also| then| in turn)?"
        r" (?:means|requires|demands|calls for)(?= (?:\w+ing|more|fewer|less|an?|the|[\w-]+s)\b)",
        "support",
    ),
    _rule(  # "It is an argument for doing the build-up in the open"
        "approach",
        "after",
        r"(?:is|are|was|were) (?:an?|the) (?:\w+ )?(?:argument|case) for(?= \w+ing\b)",
        "support",
    ),
    _rule(  # "None of this is an argument for slowing down", "Washington gains nothing by …"
        "rejection",
        "after",
        r"none of (?:this|that|it) (?:is|was) an? (?:\w+ )?(?:argument|case|reason) (?:for|to)"
        r"|(?:is|are|was) not an? (?:\w+ )?(?:argument|case|reason) (?:for|to)(?= \w+)"
        r"|(?:gains?|gained|stands? to gain|has nothing to gain|would gain) nothing (?:by|from)"
        r"|neither (?:\w+ ){1,3}?(?:is|was) an? (?:\w+ )?(?:argument|case|reason) (?:for|to)"
        r"|(?:is|are|was|were) not (?:nearly |remotely |anywhere near )?good enough"
        r"|none of (?:it|this|that) is (?:nearly )?good enough",
        "oppose",
    ),
    _rule(  # "That does not mean giving Kim something for nothing"
        "rejection",
        "after",
        rf"^{LEAD}(?:(?:that|this|it|none of this) (?:does not|doesn{APOS}t|need not|should not)"
        r" means?|none of (?:this|that|it) means)(?= \w+ing\b)",
        "oppose",
    ),
    _rule(  # "A better course is to keep …", "The surest way to deter Beijing is a larger navy"
        "approach",
        "after",
        r"an? (?:better|wiser|safer|smarter|sounder) (?:course|option|approach|path|policy"
        r"|strategy|bet) (?:is|would be) to"
        r"|the (?:best|only|surest|right|wisest|safest) way (?:to|of) [^,;:.]{3,80}? (?:is|would"
        r" be)(?! to\b)(?! not\b)"
        rf"|^{LEAD}(?:far |much )?better(?: still)?,? to(?= \w+)",  # "Better to hold the line …"
        "support",
    ),
    _rule(  # "Denuclearization requires strong pressure", "both agencies need adequate resources"
        "approach",
        "after",
        r"(?:needs?|will need)(?= (?:strong|stronger"
        r"|sustained|continued|more|greater|additional|appropriate|adequate|sufficient|urgent"
        r"|immediate|full|robust|international|new|real|serious) )",
    ),
    _rule(
        "rejection",
        "before",
        r"(?:has|have)(?: \w+ly| already| long)? failed(?! to\b)"
        r"|(?:has|have) no chance of (?:succeeding|success)"
        r"|(?:is|are|will be|would be) unlikely to (?:go far|work|succeed|help|pay off"
        r"|bear fruit|change anything|change (?:\w+ ){0,2}(?:mind|calculus|behaviou?r|course"
        r"|thinking))"
        rf"|(?:is|are|will be|would be) not in (?:\w+ \w+{APOS}s |\w+{APOS}s |the |our |its "
        r"|their )?(?:own |national |best |long-term |strategic |security )?interests?"
        r"|(?:is|are|was|would be|will be) (?:a mistake|an error|a failure|a blunder"
        r"|counterproductive|futile|a dead end|doomed|self-defeating|reckless)"
        r"|(?:is|are|was|would be|will be) (?:a|an) (?:\w+ )?(?:terrible|bad|dangerous|grave"
        r"|costly|reckless|foolish|poor|risky|serious|strategic|historic) (?:idea|mistake|error"
        r"|blunder|gamble|bet|choice|move)"
        r"|(?:is|are|was|would be|will be) the wrong (?:lesson|answer|response|message|signal"
        r"|choice|course|approach|move|call|way|priority|place to start)"
        rf"|(?:will|would|does|do)(?: not|n{APOS}t) work"
        r"|(?:is|are|was|were|would be|will be) (?:an? )?(?:\w+ )?(?:failure|disaster|fiasco"
        r"|surrender|exercise in appeasement|capitulation)"
        r"|would (?:only )?(?:reward aggression|embolden)"
        r"|(?:is|are|was|were|would be) (?:the )?wrong (?:call|decision|choice|move|answer|one)"
        r"|would (?:only )?(?:teach|tell|show|signal to|convince) (?:\w+ ){1,3}?that\b"
        r"|(?:is|are|was|were|would be) (?:simply |plainly |just )?(?:wrong|(?:a )?fantasy"
        r"|theat(?:re|er)|an illusion|wishful thinking|a pipe dream)(?=[.;,]| about\b| and\b)"
        # "The PRC response … is unwarranted", "Going after the banks would be a step too far"
        r"|(?:is|are|was|would be) the (?:single )?(?:most (?:dangerous|damaging|costly)"
        r"|least (?:useful|effective|helpful|valuable|promising))\b"  # "… is the least useful"
        r"|(?:is|are|was|were|would be|will be) (?:\w+ )?(?:unwarranted|unjustified"
        r"|unjustifiable|indefensible|irresponsible|a step too far)"
        r"|(?:is|are) no longer good enough",
        "oppose",
    ),
    _rule(
        "approval",
        "before",
        r"(?:is|are|would be) worth (?:pursuing|trying|exploring|considering|the risk)"
        r"|(?:is|was|would be) (?:the )?right (?:one|decision|call|move|choice|approach|course)"
        r"|(?:is|was) right\b(?! to\b| about| that| now| here| in| on| when)"
        r"|(?:is|are|was|were|would be|will be|remains?) (?:a |an )?(?:\w+ )?(?:step in the right"
        r" direction|step forward|(?:good|positive|welcome|promising|useful) (?:start|step|move"
        r"|beginning)|(?:long )?overdue)"
        r"|deserves? (?:(?:more|greater|continued|full|strong|bipartisan) )?(?:\w+ )?(?:money"
        r"|support|funding|attention|resources|backing)"
        r"|deserves? (?:an? )?(?:\w+ )?(?:hearing|chance|answer|response|try|look|consideration)"
        r"|(?:is|are|was|were|would be|seems?) (?:entirely |perfectly |fully |clearly )?"
        r"(?:appropriate|warranted|sensible|prudent|wise)(?=[.;,])|(?:was|were) justified in"
        r"|(?:is|are|would be) (?:well )?worth (?:doing|having|keeping|it)\b"
        r"|(?:is|remains) (?:a|our|the) (?:\w+ )?priority(?= for\b|[.;,])"
        r"|(?:is|are|remains|would be) (?:the )?(?:best|only|surest|right|smartest|most"
        r" effective) (?:way|path|route|course|option|approach)(?: forward)?(?=[.;,]| for\b)"
        r"|(?:makes|would make|(?<!not )(?<!n't )(?<!n’t )make) (?:good |more |perfect )?sense"
        r"(?! to\b)"
        r"|(?:is|are) the (?:answer|solution|remedy)\b"
        r"|(?:is|are|was|would be) (?:\w+ )?welcome(?=[.;,])"
        r"|(?:is|are|would be) (?:far|much|even) better(?=[.;,]| than\b)"
        r"|(?:is|are|would be|will be) (?:still |always |far |much )?(?:better|safer|wiser|smarter"
        r"|cheaper|stronger|more effective|worth more) than\b"
        r"(?! (?:it|they|he|she|we|I|ever|before|expected|in)\b)"
        r"|(?:is|are|was|would be) (?:a |an )?(?:reasonable|decent|sensible|modest) (?:start|step"
        r"|beginning|first step)"
        r"|(?:is|was|would be) (?:the )?right (?:answer|response|step)"
        r"|would cost (?:little|nothing|very little)\b"
        r"|(?:is|are|was|would be) (?:far |much |even |considerably )?less (?:consequential"
        r"|costly|dangerous|risky|damaging|alarming|of a concession)\b"
        # "engagement is worth the trouble", "a freeze is not a gift to Kim"
        r"|(?:is|are|would be) (?:well )?worth the (?:trouble|effort|cost|price|risk)"
        r"|(?:is|are|would be) not an? (?:\w+ )?(?:gift|reward|concession|favou?r) to"
        r"|would not be the end of|(?:is|are) not the problem\b"
        r"|(?:is|are|was|would be) the (?:single )?most (?:useful|important|effective|promising"
        r"|valuable|helpful)\b"
        # "our partnership … is critical for realizing …", "… is a crucial element of …"
        r"|(?:is|are|remains?) (?:\w+ )?(?:critical|essential|vital|crucial|indispensable)"
        r" (?:to|for)(?= \w+ing\b)"
        r"|(?:is|are) (?:a|an|the) (?:\w+ )?(?:critical|essential|vital|crucial|key)"
        r" (?:element|part|component|pillar) of"
        # "Their case is not foolish": a position the author declines to dismiss
        r"|(?:(?<=\bcase)|(?<=\bargument)|(?<=\bidea)|(?<=\bproposal)|(?<=\brequest)"
        r"|(?<=\bdemand)) (?:\w+ )?is not (?:a |an )?"
        r"(?:foolish|frivolous|unreasonable|absurd|crazy|naive|irrational|trivial)\b",
        "support",
    ),
    _rule(  # "A Half Deal Beats No Deal", "… gets the order right", "China belongs in the room"
        "approval",
        "before",
        r"beats? (?=(?:no|nothing|the|a|an|another|any)\b)|gets? (?:the \w+|it|this|that) right"
        r"|deserves? (?:a|its) place|belongs?(?= (?:in the room|at the (?:negotiating )?table))"
        r"|(?:has|have) (?:its|their) (?:place|uses|merits)",
        "support",
    ),
    _rule(  # "I am not against talking to Kim", "I have no quarrel with the designation"
        "approval",
        "after",
        r"(?:am|are|is) not (?:against|opposed to)(?= \w+ing\b)|(?:do|does) not dismiss"
        r"|(?:have|has) no (?:quarrel|problem|objection) with|none of (?:this|that|it) rules out"
        r"|none of (?:this|that|it) replaces|nothing replaces",  # "… replaces a division"
        "support",
    ),
    _rule(  # "Washington cannot wait for the Security Council to rediscover its spine"
        "rejection",
        "after",
        rf"(?:cannot|can{APOS}t|can not)(?= (?:afford to )?wait (?:for|until)\b)",
        "oppose",
    ),
    _rule(  # "I am not arguing for lifting everything"
        "rejection",
        "after",
        r"(?<=\bI )am not arguing for",
        "oppose",
    ),
    _rule(  # "the case for cuts rests on a misreading", "The revenue share makes things worse"
        "rejection",
        "before",
        r"rests? on (?:a|an) (?:\w+ )?(?:misreading|mistake|fallacy|illusion|misunderstanding)"
        r"|(?:makes|made) (?:things|matters|everything|the problem) worse",
        "oppose",
    ),
    _rule(  # "The door has not closed on diplomacy", "keep the door open to talks"
        "approval",
        "after",
        rf"(?:the|its|our|their) door (?:has not|hasn{APOS}t|have not|is not|isn{APOS}t) (?:closed"
        r"|shut|been closed|been shut) (?:on|to)|(?:keep|keeps|keeping|kept|leave|leaves|leaving"
        r"|left|hold|holds) (?:the|its|our|their) door open (?:to|for)"
        r"|(?:the|its|our|their) door (?:to|for)(?= (?:further |renewed |direct )?(?:diplomacy"
        r"|dialogue|talks|negotiations?|engagement)\b[^.;]*\b(?:remains|is|stays|will remain)"
        r" open\b)",
        "support",
    ),
    _rule(  # "the EU is right to offer it", "the case for tighter controls is strong"
        "approval",
        "after",
        r"(?:is|are|was|were) right to"
        r"|the case for(?=[^.;]*\b(?:is|remains) (?:strong|compelling|overwhelming|clear))",
        "support",
    ),
    _rule(  # the rejected action is the subject: "Lifting sanctions would throw away …"
        "rejection",
        "before",
        r"(?:is|are|would be|will be) no better|(?:is|are) no way (?:to|for)"
        r"|would (?:only )?(?:be a gift to|throw away|squander|hand \w+ (?:a|an|the))"
        r"|(?<!there )(?:is|are) (?:not|no|hardly) (?:the |an? )?(?:\w+ )?(?:answer|solution|policy"
        r"|strategy|success|pressure|plan|deterrent|substitute)\b"
        r"|(?:is|would be) a recipe for (?:disaster|failure|conflict|war|escalation)"
        r"|(?:would|will|could|has|have) backfired?|backfires"
        r"|(?:has|have) (?:not|never) worked|did not work|never worked"
        r"|(?:is|are|was|would be) (?:neither \w+ nor |not |hardly |never )(?:desirable"
        r"|acceptable|wise|sensible|an option)"
        r"|(?:has|have) run (?:its|their) course|(?:has|have) outlived (?:its|their) usefulness"
        r"|would (?:only )?repeat (?:the |its |their |an? )?(?:\w+ )?(?:error|mistake|failure)s?"
        r"|would cost (?:\w+ ){1,2}(?:its|their|his|her) "
        r"|(?:is|are|was|would be) (?:far |much |even |considerably )?(?:worse\b|more (?:dangerous"
        r"|costly|risky|damaging)\b)",
        "oppose",
    ),
    _rule(
        "rejection",
        "after",
        r"militates? against|argues? against|the case against"
        r"|(?:is|would be) (?:a mistake|wrong|unwise|foolish|reckless|dangerous) to"
        r"|(?:is|would be|will be) (?:the )?wrong (?:time|moment|way|approach|place) to"
        r"|(?:is|are) (?:no|not the) time to|makes (?:no|little) sense to"
        rf"|it(?:{APOS}s| is| would be| was) not in (?:\w+ ){{0,3}}interests? to"
        r"|(?:is|are|was) no reason (?:to|for)|neither is an? (?:\w+ )?reason (?:to|for)"
        r"|(?<=\bI )(?:am|remain) (?:also |deeply |very |increasingly )?(?:concerned|worried"
        r"|troubled) (?:that|about|by)"
        rf"|(?:does|do)(?: not|n{APOS}t) need(?! to\b)"
        rf"|(?:cannot|can{APOS}t|can not|could not|can ill) afford to",
        "oppose",
    ),
    _rule(  # a commitment kept: "Our commitment to the defence of the ROK is ironclad", "the
        # U.S. support for Ukraine … is unwavering", 'said the commitment was "ironclad"'
        "approval",
        "sentence",
        r"(?:commitments?|support|pledges?|guarantees?)\b(?! of\b)[^.;:“”\"]{0,100}?"
        r"\b(?:is|are|was|were|remains?|remained) [“\"]?(?:\w+ )?(?:ironclad|unwavering"
        r"|steadfast|unshakable|unshakeable|rock-solid)\b",
        "support",
    ),
]
CUE_FILTER = Prefilter.of([rule.regex for rule in CUE_RULES])  # skips rules a text cannot match
