"""Whose position: positions an article reports actors to hold, or quotes them stating.

``helpers.cues`` finds the author's own prescriptions; this module finds the others. Each cue
carries the holder's subject span (the text before the stance or speech verb) and a voice:

- ``reported``, a stance verb (lower case, active voice, not in an "if" clause) with a named
  actor as subject: "X is on record opposing …",
  "X wants/does not want …", "X prefers (not) to …", "X pledged/promised/vowed/agreed/offered
  to …", "X called for …", "X urged …", "X rejected/opposed/criticized …", "X insisted that …",
  "X expressed satisfaction with …", "X has no wish/intention to …" (negated "does not
  want"/"has never wanted"/"prefers not to"/"rejected" give oppose, and so does a subject
  "Neither side/government …": each of the two its own opposition);
- ``reported``, advice: "X resisted advice/pressure/calls from Y to …" is Y's position on
  X's action;
- ``reported``, a speech verb and a modal: "X said (that) he would/should/will/must/may …",
  "X argued that … would …"; after a verb of fearing the holder opposes it ("Tokyo fears
  that Seoul could reopen the deal"); a speech verb and an appraisal of a policy ("Beijing
  says every arms sale is a provocation", not of an actor: "said North Korea is a threat");
- ``reported`` or ``quoted``, an appraisal: "X called/described/branded Y Z" where Z
  approves or disapproves (``helpers.appraisal``): "Tokyo called the ban 'unjustified'" is
  Japan's opposition to the ban (quoted when Z is in quotation marks);
- ``quoted``: a prescriptive cue inside quotation marks in a sentence with a speech verb
  outside them ("We have to work closely with allies," a senior official in Washington said).

- the author's own commitments in a statement: "We will continue to …", "We do not and will
  not accept …", "We call on …" (holder and voice author: an op-ed's or a government's "we").

The holder is the canonical actor of the subject (people map to their government through
actors.csv; "Some in Congress" → United States); a subject naming no actor ("critics say",
"experts argue") gives no row. The
actor is the holder for "X wants to VERB" and for a quoted "we"; else the actors named in the
action ("Beijing does not want a North Korean collapse" → North Korea), else the holder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers import cues
from helpers.appraisal import appraisal_stance, appraisal_text
from helpers.needles import Prefilter

APOS = cues.APOS
_NEG = rf"(?:does|do|did|would|will|could)(?: not|n{APOS}t)|never"
STANCE_VERBS: list[tuple[str, re.Pattern]] = [
    (
        "oppose",
        re.compile(
            rf"\b(?:(?:is|are|was|were|has been|have been) on record (?:as )?(?:opposing|against)"
            rf"|(?:{_NEG})(?:,? and (?:we |it |they |he |she )?(?:{_NEG})(?: will)?,?)?"
            r" (?:want|like|accept|support|tolerate|favou?r)"
            r"|(?:(?<=\bhas )|(?<=\bhad )|(?<=\bhave ))never (?:wanted|liked|accepted|supported"
            r"|tolerated|favou?red)"
            rf"|(?:neither|nor) (?:does|do|did|would|will) (?:it|he|she|they) (?:want|accept)"
            r"|(?:would )?(?:\w+ly )?prefers? not to|would (?:\w+ly )?rather not"
            r"|(?<!was )(?<!were )(?<!been )(?<!is )(?<!are )(?<!be )"
            r"(?:has |have )?(?:\w+ly )?(?:rejected|rejects|opposed|opposes|refused|refuses"
            r"|condemned|condemns|criticized|criticised|criticizes|objected to|objects to"
            r"|ruled out|rules out|admonished \w+ for|warned against|warns against"
            r"|(?:argued|argues|cautioned|cautions|spoke out|speaks out|campaigned)"
            r"(?:, [^,;]{1,25},)? against"  # "He also argued, however, against …"
            rf"|(?:will|would|can|must|should)(?: not|n{APOS}t| never) (?:\w+ )?"
            r"(?:allow|permit|let)(?: [\w.’'-]+){1,6}? to"
            r"|cannot (?:allow|permit)(?: [\w.’'-]+){1,4}? to"
            rf"|(?<=[Ww]e )(?:will|shall)(?: not|n{APOS}t| never) (?:\w+ly )?(?:recogni[sz]e|accept"
            r"|tolerate|abandon|sacrifice|forget|remain silent|stand idly by|back down|waver"
            r"|give up)\b"
            r"|(?:is|are|was|were|remains?) (?:very |deeply |gravely |seriously |increasingly )?"
            r"(?:concerned|troubled|alarmed|dismayed) (?:about|by|at|that)"
            r"|(?:is|are|was|were|remains?) (?:\w+ )?(?:reluctant|loath|loth|unwilling|wary"
            r"|hesitant|averse) (?:to|of)"
            r"|(?:has|have|had) (?:shown |expressed )?(?:no|little) (?:intention|desire|interest"
            r"|appetite|plans?|willingness|wish)(?: (?:of|to|in|for)|(?=\s*[.;]))"
            r"|(?:vowed|vows|pledged|pledges|promised|promises) never to"
            r"|lodged (?:a |an )?(?:\w+ )?(?:protest|complaint)|accused (?:\w+ ){1,3}?of"
            r"|(?:reiterat|renew|repeat|express|emphasi[sz]|underscor|stress|convey)\w*"
            r" (?:our |its |their |his |her |the )?(?:U\.S\. |Washington[’']s |America[’']s "
            r"|American )?(?:strong |firm |unequivocal |continued )?(?:condemnation|opposition)"
            r"(?= (?:of|to)\b)"
            r"|(?:has |have |had )?(?:long |so far |\w+ly )?(?:resisted|resists)"
            r"(?! (?:advice|pressure|calls|demands|the urge|the temptation)\b)(?= (?:the|a|an|any"
            r"|new|further|its|their|such|all|calls|U\.S\.|American|[a-z]+s)\b)"
            r"|(?:has |have )?protest(?:ed|s)(?: (?:on \w+day|last \w+|this \w+|again|repeatedly"
            r"|formally|strongly|sharply))?(?: against|(?= (?:after|when) ))?"
            r"(?= (?:the|a|an|its|their|this|these|after|when)\b)"
            r"|balk\w* at|(?<=\bI )(?:oppose|reject|condemn)|(?<=\b[Ww]e )(?:\w+ly )?(?:oppose"
            r"|reject|condemn)))\b",
        ),
    ),
    (
        "",
        re.compile(
            r"\b(?:(?:is|are|was|were|has been|have been) on record (?:as )?(?:supporting"
            r"|in favou?r of|backing)"
            r"|(?:would|will) (?:\w+ly )?(?:like|prefer) to"
            r"|(?:(?:does|do|did) )?(?:\w+ly )?(?:wants?|wanted) (?:to )?"
            r"|(?:(?:has|have) )?(?:so far |long |always )?(?:prefers?|preferred) to"
            r"|(?:prefers|preferred)(?= (?:the|a|an|its|their) \w+)(?! \w+ \w+ to\b)"
            r"|hopes? to|hoped to|expressed a hope of"
            r"|(?:(?<=\bthey )|(?<=\bthey all )|(?<=\bthey also ))(?:favou?r|support|back|endorse)"
            r"|(?:would|will) (?:\w+ly )?welcome"
            r"(?= (?:the|a|an|it|them|this|that|such|any|talks)\b)"
            r"|(?<!is )(?<!are )(?<!was )(?<!were )(?<!be )(?<!been )(?:expects|expected)"
            r"(?: [\w.’'-]+){1,4}? to\b"  # "… expects Seoul to take the lead"; no forecast:
            r"(?! (?:be|have|reach|pass|exceed|top|hit|surpass|grow|rise|fall|double|triple)\b)"
            r"|desires? to|desired to|seeks? to|sought to"
            r"|(?:has |have )?(?:pledged|pledges|promised|promises|vowed|vows|agreed|agrees"
            r"|offered|offers|intends?|intended|proposed|proposes|threatened|threatens)"
            r"(?: (?:this|last|next) (?:week|month|year)| on \w+day| in \w+)? to"
            r"|(?:has |have )?(?:vowed|vows|vow|pledged|pledges|pledge|promised|promises)"
            r"(?= (?:a |an |the |new |more |full |strong |swift |resolute |firm |continued "
            r"|further |its |their |[\"“'‘])?(?:[\w-]+[\"”'’]? ){0,2}?(?:support|aid|assistance"
            r"|help|response|action|alliance"
            r"|countermeasures|retaliation|cooperation|coordination|consultations?|unity|solidarity"
            r"|partnership|ties|deterrence|talks|dialogue|sanctions"
            r"|investment|funding|weapons|troops|defen[cs]e)\b)"
            r"|(?:has |have )?(?:offered|offers|proposed|proposes)(?= (?:\w+ ){0,2}(?:talks"
            r"|negotiations|dialogue|deal|ceasefire|truce|aid|assistance|help|concessions|summit"
            r"|meeting|compromise|freeze)\b)"
            r"|(?:is|are|was|were|has been|have been) (?:\w+ly )?(?:pushing|pressing|calling"
            r"|asking|lobbying|campaigning|arguing|working) for|(?:is|are|was|were) seeking\b"
            r"|(?:spoke|speaks|spoken|came|come|comes) out in (?:support|favou?r) of"
            r"|(?:has |have |had )?(?:\w+ly )?committed (?:itself |themselves )?to(?= \w+ing\b)"
            r"|(?:has|have) (?:\w+ly )?(?:pushed|pressed|lobbied|campaigned) for"
            r"|(?:is|are|am|was|were|remains?|remained|stands?) (?:\w+ly )?(?:determined|committed"
            r"|ready|willing|resolved|eager|keen|anxious|prepared|open) to"
            r"|(?:will|would)(?: not|n[’']t) hesitate to"
            r"|(?:has |have )?(?:called|calls|call|pressed|presses|press|urged|urges|urge|ordered"
            r"|orders|instructed|instructs|(?:told|tells)(?= (?:its|their|his|her|all)\b)"
            r"|(?<!was )(?<!were )(?<!been )(?<!is )(?<!are )(?<!be )(?:asked|asks)"
            r"|(?<=\bin )urging)(?: [\w.’'-]+){0,6}? (?:for|to)\b"
            r"|(?:urg(?:e|es|ed|ing)) (?=(?:the|an?|all|immediate|unhindered|full|greater"
            r"|restraint|de-?escalation|calm)\b)"
            r"|(?:has |have )?(?:\w+ly )?(?:applauded|applauds|praised|praises|commended"
            r"|commends)(?= (?:the|a|an|this|these|its|their|new|today)\b)"
            r"|(?:expressed|expresses|express) (?:their |its |his |her |our )?(?:\w+ )?"
            r"(?:satisfaction|support) (?:with|for)"
            r"|(?:is|are|was|were|am) (?:very |deeply |especially |so )?(?:pleased|glad|happy"
            r"|heartened|encouraged|gratified|delighted) (?:that|with|by|to see)"
            r"|(?:look|looks|looked) forward to(?= (?:continued|further|more|deeper|closer|working"
            r"|signing"
            r"|strengthening|expanding|deepening)\b)"
            r"|(?:has |have )?(?:\w+ly )?(?:welcomed|welcomes)(?= (?:the|a|an|this|these|its|their"
            r"|new|today)\b| (?-i:[A-Z])[\w.-]*[’']s\b)"  # or another's ("welcomed Tokyo's …")
            r"(?![^.;]{0,60}\b(?:report|publication|visit|arrival)\b)"
            r"|(?:has |have )?(?:demanded|demands|demanding|insisted|insists|advocated|advocates"
            r"|endorsed|endorses|backed|backs|favou?red|favou?rs|supported|supports)\b(?: that)?"
            r"|(?:emphasi[sz]ed|emphasi[sz]es|stressed|stresses|underlined|underscored|discussed"
            r"|discusses|highlighted|highlights|noted|notes|recogni[sz]ed|recogni[sz]es)"
            r" the (?:importance|need|value) (?:of|for)"
            r"|(?:called|calls|call) (?:up)?on"
            r"|(?:reiterat|renew|repeat)\w* (?:our|its|their|his|her|the) (?:calls?|demands?"
            r"|appeals?) (?:for|on|to)"
            r"|(?<=\b[Ww]e )(?:\w+ly )?(?:encourage|expect|ask|invite)(?: [\w.’'-]+){1,6}? to"
            r"|(?<=\bI )(?:support|back|favou?r|endorse|welcome)"
            r"|(?<=\b[Ww]e )(?:\w+ly )?hope for(?= \w)"  # the speaker's own hope, not "hoped for"
            r"|(?:express|expressed|expresses|expressing|voiced?|voices) (?:(?:my|our|his|her|its"
            r"|their) )?(?:\w+ )?(?:support|backing) (?:for|of)"
            r"|(?:rise|rose|rises)(?: today)?(?: to express (?:my|our))? (?:\w+ )?(?:in )?support"
            r" (?:of|for)"
            r"|proud to (?:co-?)?sponsor"
            r"|(?:(?<=\bI )|(?<=\b[Ww]e ))(?:request|urge|ask|recommend|propose|insist)(?= that\b)"
            r"|(?<=\b[Ww]e )(?:\w+ly )?(?:support|back|favou?r|endorse|reaffirm|demand|welcome)"
            r"|(?:stands?|stood) (?:firmly |resolutely |shoulder to shoulder )?(?:with|by)"
            r" (?!the people\b)(?=\w)"
            r"|(?:is|are|was|were) united in (?:our|their|its|the) (?:\w+ )?pursuit of"
            r"|(?:reaffirm|renew|restat|reiterat|underscor|emphasi[sz]|stress)\w* (?:continued "
            r"|strong |steadfast |ironclad |unwavering |firm )?(?:its |their "
            r"|his |her |our |the |U\.S\. |Washington[’']s |America[’']s |American )"
            r"(?:[\w.]+ ){0,3}?"
            r"(?:commitment|support|openness) (?:of [^,;]{1,40}? )?(?:to|for)"
            r"|(?:(?<=[Tt]hey )|(?<=[Ww]e )|(?<=[Hh]e )|(?<=leaders )"
            r"|(?<=also )|(?<=both )|(?<=already )|(?<=has )|(?<=have ))committed to"
            r"|(?:pledged|pledges|promised|promises) (?:its |their |his |her |our )?(?:\w+ ){0,2}?"
            r"efforts? to"
            r"|(?:will|shall) (?:\w+ly )?(?:continue to|keep(?= \w+ing\b))"
            r"|(?:will|shall) (?:\w+ly )?take (?:all |every |any )?(?:necessary |appropriate "
            r"|further |additional |decisive |such )*(?:measures|steps|actions?) (?:to|against)"
            r"|(?:(?<=resolution )|(?<=statement )|(?<=letter )|(?<=declaration )|(?<=motion ))"
            r"calling"
            r"(?: (?:up)?on(?: [\w.’'-]+){1,6}? to| for)\b"
            r"|(?:did|does|do|would|will) not rule out"
            r"|(?:responded|reacted) with (?:\w+ )?(?:enthusiasm|interest|openness) (?:for|to)"
            r"|(?:showed|shown|expressed|voiced|signall?ed) (?:\w+ ){0,2}?(?:enthusiasm|interest"
            r"|openness|willingness) (?:for|in|to)"
            r"|(?<=[Ww]e )(?:will|shall) (?:\w+ly )?(?:continue|work|seek|pursue|look for|stand"
            r"|maintain|keep|press|push|insist|use|defend|honou?r|rally|provide|support|respect"
            r"|help|impose|hold|ensure|protect|deter|strengthen|deepen|expand|increase|respond"
            r"|do (?:our|its) part)"
            r"|(?:will|shall) always (?:respect|support|stand|defend|honou?r|uphold))",
        ),
    ),
]
STANCE_FILTER = Prefilter.of([regex for _, regex in STANCE_VERBS])  # skips verbs a text lacks
SPEECH = re.compile(
    r"\b(?:said|says|say|argued|argues|insisted|insists|claimed|claims|warned|warns"
    r"|told \w+|tells \w+|stated|states|declared|declares|announced|announces|stressed"
    r"|stresses|emphasi[sz]ed|reiterated|reiterates|maintained|maintains|believes|believed"
    r"|thinks|thought|added|wrote|writes|noted|notes|affirmed|affirms|reaffirmed|reaffirms"
    r"|underscored|underscores|made (?:it )?clear|makes (?:it )?clear|signall?ed|signals"
    r"|indicated|indicates|hinted|hints|fears?|feared|worries|worried|hopes?|hoped)(?: that)?\b"
    r"(?! to\b)"
)  # lower case: "States" in "United States" is no speech verb
FEARING = re.compile(r"(?:fear|worr)", re.I)
INNER_MODAL = re.compile(
    r"\b(?:would|will|should|must|could|can|may|might|ought to|(?:has|have|had|needs?|needed) to"
    r"|(?:is|are|was|were) going to)\b",
    re.I,
)
NEGATION_AFTER = re.compile(rf"(?:\s+not|n{APOS}t|\s+never)\b", re.I)
MODAL_BEFORE = re.compile(
    r"\b(?:should|must|would|could|will|might|may|shall|ought to|(?:has|have|need|needs) to)"
    r"\s+(?:\w+ly\s+|also\s+|not\s+)?$",
    re.I,
)
# "I would like to thank", "we want to welcome": courtesies of a speech, no position
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\s+(?:\w+\s+){0,2}$")
NEITHER_SUBJECT = re.compile(r"(?:^|[,;:]\s*)[Nn]either\b(?:\s+[\w-]+){0,3}\s+$")
COURTESY = re.compile(
    r"\s*(?:thank|welcome|congratulate|commend|acknowledge|recogni[sz]e|express|note|begin"
    r"|start|say|add|echo|join|extend|offer (?:my|our) (?:thanks|condolences))\b",
    re.I,
)
# standing with a party, reaffirming a commitment to it, pledging it aid: the holder acts
SOLIDARITY = re.compile(
    r"\b(?:stands?|stood|standing) |\bcommitment to$"
    r"|\b(?:vowed|vows|vow|pledged|pledges|pledge|promised|promises)$",  # "pledged aid to X"
    re.I,
)
# "He has refused before.", "rejects accusations that …": a refusal with no policy as its object
REFUSAL = re.compile(r"\b(?:refus|reject|oppos|object|condemn|criticiz|criticis|den)\w*$", re.I)
NO_POLICY_OBJECT = re.compile(
    r"\s*(?:(?:before|again|repeatedly|so far|twice|once|often|outright|flatly)\s*)?[.;!]"
    r"|\s*(?:the |these |those |such |any |all )?(?:\w+ )?(?:accusations?|allegations?|claims?"
    r"|charges?|suggestions?|characteri[sz]ations?|assertions?|insinuations?|reports?)\b",
    re.I,
)
# "its pledges to", "the offers of": a determiner makes the verb form a noun
NOUN_BEFORE = re.compile(r"\b(?:its|their|his|her|our|my|the|a|an|these|those|such)\s+$", re.I)


@dataclass(frozen=True)
class Reported:
    """One reported or quoted cue: the cue, where its holder's subject ends, its voice and
    whether the actor is the holder ("wants to meet": True) or named in the action."""

    cue: cues.Cue
    holder_at: int  # the holder is the subject before this offset
    voice: str
    actor_is_holder: bool
    inner: bool = False  # the cue is a modal inside reported speech (its subject is the actor)
    holder_span: tuple[int, int] | None = None  # "advice from X to …": the holder is X
    scope_end: int | None = None  # "called the ban 'unjustified'": the action ends here


def stance_cues(masked: str, text: str) -> list[Reported]:
    """Stance-verb cues in a quote-masked sentence (oppose patterns win on overlap)."""
    found: list[Reported] = []
    taken: list[tuple[int, int]] = []  # cues found, and verbs read as no position: no other
    verbs = STANCE_FILTER.candidates(masked)  # verb inside either
    for stance, regex in (STANCE_VERBS[i] for i in verbs):
        for m in regex.finditer(masked):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append(m.span())
            if (
                _hypothetical(masked, m.start())
                or MODAL_BEFORE.search(masked[: m.start()])  # "should seek to": the author's
                or re.match(r"\s*to be\b", masked[m.end() :])
                or NOUN_BEFORE.search(masked[: m.start()])
                or (FIRST_PERSON.search(masked[: m.start()]) and COURTESY.match(masked[m.end() :]))
                or (REFUSAL.search(m[0]) and NO_POLICY_OBJECT.match(masked[m.end() :]))
            ):
                continue  # "if it wants to win", "did not want to be cut out": no position
            neither = not stance and NEITHER_SUBJECT.search(masked[: m.start()])
            said = "oppose" if neither else stance  # "Neither side wants …": this match only
            cue = cues.Cue("reported", "after", m.start(), m.end(), text[m.start() : m.end()],
                           said)  # fmt: skip
            infinitive = (
                m[0].lower().rstrip().endswith(("to", "of"))
                or bool(re.match(r"\s+to\b", masked[m.end() :]))
                or bool(re.match(r"(?:will|shall) ", m[0]))  # "We will rally …": we act
                or bool(SOLIDARITY.search(m[0]))  # "stands with Ukraine": the holder stands
            )
            found.append(Reported(cue, m.start(), "reported", infinitive))
    return sorted(found, key=lambda r: r.cue.start)


def _hypothetical(masked: str, at: int) -> bool:
    """True when the clause holding ``at`` opens with "if"/"unless"/"whether", or follows a
    feared outcome ("The danger is that he offers to …") or a charge ("accusations that …")."""
    edges = list(cues.HARD_BOUNDARY.finditer(masked[:at]))
    if edges and edges[-1][0].lower() == "that":
        before = masked[: edges[-1].start()]
        if FEARED.search(before) or ALLEGED.search(before):
            return True
    return bool(edges) and edges[-1][0].lower() in ("if", "unless", "whether")


ALLEGED = re.compile(  # "rejects accusations that it wants …": the content of a charge
    r"\b(?:accusations?|allegations?|claims?|charges?|suggestions?|insinuations?|rumou?rs?"
    r"|reports?)\s*$",
    re.I,
)
FEARED = re.compile(
    r"\b(?:danger|risk|worry|fear|concern|problem|temptation|trouble)\s+(?:now\s+)?is\s*$", re.I
)


ADVICE = re.compile(
    r"\b(?:advice|pressure|calls?|demands?|requests?|urging|appeals?|entreaties|pleas?)"
    r" (?:from|of|by) (?P<who>[^,;:]{2,80}?) to\b"
)


def advice_cues(masked: str, text: str) -> list[Reported]:
    """ "Pyongyang resisted advice from Beijing to …": the adviser (X in "advice/pressure/calls
    from X to") holds the position; the actor is the sentence's subject."""
    found = []
    for m in ADVICE.finditer(masked):
        cue = cues.Cue("reported", "after", m.end() - 2, m.end(), "to")
        found.append(Reported(cue, m.start(), "reported", False, holder_span=m.span("who")))
    return found


def speech_cues(masked: str, text: str) -> list[Reported]:
    """A modal after a speech verb ("Biden said that he would meet …"): the modal is the cue,
    the speech verb's subject the holder; after a verb of fearing ("Tokyo fears that Seoul
    could reopen the deal") the holder opposes what the modal says."""
    found, taken = [], set()
    speeches = list(SPEECH.finditer(masked))
    modals = [INNER_MODAL.search(masked, m.end(), min(len(masked), m.end() + 60)) for m in speeches]
    for i, (speech, modal) in enumerate(zip(speeches, modals, strict=True)):
        if _unsaid(masked, speech):
            continue
        if modal and modal.start() in taken:
            continue  # "X say that they fear Y will …": the first speaker's modal, X's words
        later = [s for s, m in zip(speeches[i + 1 :], modals[i + 1 :], strict=True)
                 if m and m.start() == modal.start()] if modal else []  # fmt: skip
        if later and not PRONOUN_SPEAKER.fullmatch(masked[speech.end() : later[0].start()]):
            continue  # "A spokesman said Beijing hoped X would …": the nearest speaker's words
        if modal:
            taken.add(modal.start())
            negation = NEGATION_AFTER.match(masked, modal.end())  # "said he will not negotiate"
            end = negation.end() if negation else modal.end()
            feared = bool(FEARING.match(speech[0]))
            stance = "oppose" if bool(negation) != feared else "support" if feared else ""
            cue = cues.Cue("reported", "after", modal.start(), end, masked[modal.start() : end],
                           stance)  # fmt: skip
            found.append(Reported(cue, speech.start(), "reported", False, inner=True))
        elif appraised := _appraised_after(masked, text, speech.end(), speech.start()):
            found.append(appraised)
    return found


# "Lin did not say what countermeasures Beijing might take": no words of the speaker's
UNSAID_BEFORE = re.compile(rf"(?:\bnot|n{APOS}t|\bnever|\b(?:declined|refused) to)\s+$", re.I)
WH_AFTER = re.compile(r"\s+(?:what|whether|how|when|which|who|why|if)\b", re.I)


def _unsaid(masked: str, speech: re.Match) -> bool:
    """True for a negated speech verb or one followed by a question word ("did not say",
    "declined to say", "would not say whether …")."""
    return bool(
        UNSAID_BEFORE.search(masked, 0, speech.start()) or WH_AFTER.match(masked, speech.end())
    )


PRONOUN_SPEAKER = re.compile(r"\s*(?:\w+ly\s+)?(?:that\s+)?(?:they|he|she|it|we|I)\s+", re.I)
SAID_COPULA = re.compile(r"\b(?:is|are|was|were|would be|will be)\b")


def _appraised_after(masked: str, text: str, start: int, holder_at: int) -> Reported | None:
    """ "Beijing says every arms sale is a provocation": an appraisal (``helpers.appraisal``)
    after "is/are" in the reported clause judges its subject, the action; so does one the
    speaker's own quoted words make without a copula ('told the council that the sanctions
    had "lost their relevance"', 'said the sale "seriously violates" the principle')."""
    copula = SAID_COPULA.search(masked, start, min(len(masked), start + REPORTED_SUBJECT))
    if copula is None or not masked[start : copula.start()].strip():
        return _quoted_appraisal(masked, text, start, holder_at)
    appraisal = appraisal_text(text, copula.end(), copula.end() + 1)
    stance = appraisal_stance(appraisal, lexicon_only=True)
    if not stance:
        return None
    cue = cues.Cue("reported", "after", start, start, "", stance)
    return Reported(cue, holder_at, _voice_of(appraisal), False, scope_end=copula.start())


REPORTED_SUBJECT = 90  # characters a reported clause's subject may run before its verb
QUOTE_OPEN = re.compile(r"[\"“]")


def _quoted_appraisal(masked: str, text: str, start: int, holder_at: int) -> Reported | None:
    """A reported clause whose verb phrase opens with the speaker's quoted appraisal: the
    quotation (masked in ``masked``, read in ``text``) after a subject of a few words."""
    quote = QUOTE_OPEN.search(text, start, min(len(text), start + REPORTED_SUBJECT))
    if quote is None or not masked[start : quote.start()].strip():
        return None
    close = text.find("”" if quote[0] == "“" else '"', quote.end())
    stance = appraisal_stance(text[quote.end() : close if close > 0 else len(text)], True)
    if not stance:
        return None
    cue = cues.Cue("reported", "after", start, start, "", stance)
    return Reported(cue, holder_at, "quoted", False, scope_end=quote.start())


def _voice_of(appraisal: str) -> str:
    """quoted when the appraisal is in the holder's own words (in quotation marks)."""
    return "quoted" if appraisal.lstrip()[:1] in '"“' else "reported"


NAMING = re.compile(
    r"\b(?:called|calls|call|described|describes|branded|brands|termed|terms|labell?ed|dubbed)"
    r" (?P<object>it|this|that|them|(?:the|this|that|these|those|its|their|his|her|our|such)"
    r"(?: [\w’'-]+){1,4}?|(?-i:[A-Z])[\w.-]*[’']s(?: [\w’'-]+){1,3}?)(?: as)? (?=[\"“]|an? |the )"
)


def naming_cues(masked: str, text: str) -> list[Reported]:
    """ "Tokyo called the ban 'unjustified'", "Manila called it an act of aggression": the
    appraisal after the named thing gives the stance (VADER's compound: negative opposes,
    positive supports; a neutral one, "called the summit an attempt", gives no cue). The
    named thing is the action, the actor its agent (``voices``); a quoted appraisal is the
    holder's own words (voice quoted)."""
    found = []
    for m in NAMING.finditer(masked):
        if _hypothetical(masked, m.start()):
            continue
        appraisal = appraisal_text(text, m.end())
        stance = appraisal_stance(appraisal)
        if not stance:
            continue
        start, end = m.span("object")
        cue = cues.Cue("reported", "after", m.start(), start, text[m.start() : start], stance)
        found.append(Reported(cue, m.start(), _voice_of(appraisal), False, scope_end=end))
    return found


def quoted_cues(text: str) -> tuple[str, list[cues.Cue]]:
    """(the sentence with everything but its quotations blanked, the prescriptive, stance and
    speech cues inside them: "We want to open a new chapter", "we hope China will …") when a
    speech verb stands outside the quotes; else (text, [])."""
    inside = attributed_quotation(text)
    return (text, []) if inside is None else (inside, cues_in_quotation(inside))


def attributed_quotation(text: str) -> str | None:
    """The sentence with everything but its quotations blanked, when a speech verb stands
    outside them ("“…,” the spokesman said."), else None."""
    masked = cues.mask_quotes(text)
    if masked == text or not SPEECH.search(masked):
        return None
    return "".join(" " if m == t or t in '“”"' else t for m, t in zip(masked, text, strict=True))


def cues_in_quotation(inside: str) -> list[cues.Cue]:
    """The prescriptive, stance and speech cues of quoted words ``inside`` ("We want to …"),
    in text order."""
    found = cues.find_cues(inside)
    for rep in stance_cues(inside, inside) + speech_cues(inside, inside):
        if not any(cues.overlap(rep.cue, c) for c in found):
            found.append(rep.cue)
    return sorted(found, key=lambda c: c.start)
