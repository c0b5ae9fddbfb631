"""Claims held by named actors: reported positions and quoted prescriptions.

Reported: a stance verb or speech verb of ``helpers.reported`` with a named subject ("Tokyo
is on record opposing …", "Seoul said that it would …"); the holder is that subject's actor,
the actor the subject of the reported action; a reported action holding a quotation of two
words or more ('said Seoul should "look to the future"') is quoted. Quoted: a prescription,
stance or speech verb inside quotation marks, held by the speaker named outside them (or the
previous sentence's actors); a sentence that is all quotation continues the quotation
attributed just before it (“…,” Lin Jian said. “The United States should …”). Attributed:
the author's claims of a sentence whose speaker is named after them ("Sanctions must stay,
the South Korean minister said.") are that speaker's.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from helpers import cues, reported
from helpers.claims import AUTHOR, Claim, action_and_scope, stance_of
from helpers.subjects import (
    UNNAMED_SUBJECT,
    SentenceContext,
    cue_actors,
    named_between,
    one_other_actor,
    plural_object,
    singular_reference,
    subject_actors,
)

# a speaker named after the words: "Sanctions must stay, the South Korean minister said."
ATTRIBUTION = re.compile(
    r",\s*(?P<who>[^,;:]{2,60}?)\s+(?:said|says|added|warned|told reporters|noted|stressed"
    r"|insisted|argued)\b[^,;:]{0,40}[.!]?\s*$"
)


def attributed(ctx: SentenceContext, claims: list[Claim]) -> list[Claim]:
    """The author's claims of a sentence whose speaker is named after them (``ATTRIBUTION``),
    as the speaker's reported positions; dropped when the speaker names no actor ("…, a
    senior official said."). Claims after the attribution, and the others, are kept."""
    m = ATTRIBUTION.search(cues.mask_quotes(ctx.text))
    if m is None or not claims:
        return claims
    holders = _speaker_actors(ctx, *m.span("who"))
    out = []
    for claim in claims:
        if claim.holder != AUTHOR or claim.cue.start >= m.start():
            out.append(claim)
            continue
        out += [replace(claim, holder=h, voice="reported") for h in holders]
    return out


def _speaker_actors(ctx: SentenceContext, start: int, end: int) -> list[str]:
    """The actors a speaker phrase names ("the South Korean minister", "a spokesman in
    Beijing"; "he" the person it refers to)."""
    if re.fullmatch(r"\s*(?:he|she)\s*", ctx.text[start:end], re.I):
        return singular_reference(ctx, start)
    return _named(ctx, start, end)


def _named(ctx: SentenceContext, start: int, end: int) -> list[str]:
    """The canonical actors named inside ``start``–``end`` ("other" left out)."""
    return [a for a in named_between(ctx, start, end) if a != OTHER_ACTOR]


def reported_claims(ctx: SentenceContext) -> list[Claim]:
    """Positions the sentence reports a named actor to hold (``helpers.reported``)."""
    text = ctx.text
    masked = cues.mask_quotes(text)
    claims = []
    found = reported.stance_cues(masked, text) + reported.speech_cues(masked, text)
    found += [
        n
        for n in reported.naming_cues(masked, text)
        if not any(cues.overlap(n.cue, r.cue) for r in found)
    ]
    for rep in found + reported.advice_cues(masked, text):
        holders = _holders(ctx, rep) or _possessor_in_cue(ctx, rep) or _official_for(ctx, rep)
        if not holders or _appraises_an_actor(ctx, rep):
            continue
        if holders == [ctx.addressee] and _own_government_now(ctx.text, rep):
            holders = [AUTHOR]  # "The United States condemns …": the issuing government
        voice = AUTHOR if holders == [AUTHOR] else rep.voice
        cue = rep.cue
        action, side, clause = action_and_scope(text, cue, rep.scope_end or len(text))
        scope = _fronted(text) + text[rep.holder_at :]  # "In return, X agreed to …"
        stance = cue.stance or stance_of(text, cue, side, scope=scope)
        if not cue.stance and NOT_TO.search(cue.text):
            stance = "oppose"  # "urged Washington not to lift sanctions": lifting them opposed
        elif not cue.stance and (negated := NOT_TO_AFTER.match(side)):
            stance = "oppose"  # "wants Washington not to sell arms": the negation is the stance
            side = side[: negated.start("not")] + side[negated.end("not") :]
            action = NOT_BEFORE_TO.sub("", action, count=1)
        if voice == "reported" and QUOTED_WORDS.search(side):
            voice = "quoted"  # 'now says Seoul should "look to the future"': its own words
        own = [ctx.addressee] if voice == AUTHOR else holders  # "we" is the addressee
        if rep.inner:
            actors, source = cue_actors(ctx, cue)
            if source.startswith("addressee"):
                actors, source = own, "holder (reported)"
        if rep.holder_span:
            actors, source = cue_actors(ctx, cues.Cue("reported", "after", rep.holder_at,
                                                       rep.holder_at, ""))  # fmt: skip
        elif rep.inner:
            pass
        elif rep.scope_end is not None:
            actors, source = _agents(ctx, cue, side, holders)
        elif objects := _object_of_verb(ctx, rep, holders):
            actors, source = objects, "object of the reporting verb"
        elif rep.actor_is_holder:
            actors, source = own, "holder (reported)"
        else:
            actors, source = _wanted_of(ctx, cue, side, own, holders)
        if rep.inner and _unnamed_inner_subject(text[: cue.start]):
            actors, source = [OTHER_ACTOR], "unnamed actor"  # "hoped all sides would …"
        each_own = source == "holder (reported)" and len(holders) > 1 and actors == own
        for holder in holders:  # "Neither side wants to extend START": each its own
            mine = (holder,) if each_own else tuple(actors)
            claims.append(Claim(cue, mine, source, action, side, clause, stance, holder, voice))
    return claims


# a negated infinitive after the reporting verb or its object: the action is rejected
NOT_TO = re.compile(r"\bnot\s+to\s*$", re.I)
NOT_TO_AFTER = re.compile(r"\s*(?:[\w.’'-]+\s+){0,4}?(?P<not>not\s+)to\b", re.I)
NOT_BEFORE_TO = re.compile(r"\bnot\s+(?=to\b)", re.I)

# the subject of a reported clause right after its speech verb ("Beijing hoped the parties
# concerned would …", "said the international community should …")
INNER_SUBJECT = re.compile(
    r"\b(?:that|hoped?|hopes|said|says|say|believes?|thinks?|expects?|urged?|urges)\s+", re.I
)


def _unnamed_inner_subject(lead: str) -> bool:
    """True when the reported clause's subject, after the last speech word of ``lead``, is a
    party with no actors.csv row ("all sides", "the parties concerned", "the international
    community": ``UNNAMED_SUBJECT``)."""
    ends = [m.end() for m in INNER_SUBJECT.finditer(lead)]
    return bool(ends and UNNAMED_SUBJECT.match(lead[ends[-1] :].strip()))


# a quotation of two words or more: the holder's own words inside a reported position
QUOTED_WORDS = re.compile(r"[\"“][^\"“”]*?\w+\W+\w+[^\"“”]*[\"”]")


# the addressee's own name as the whole subject, and a present-tense stance verb: a government
# statement's own position ("The United States condemns …", "… remains committed to …"),
# not a reported one ("The United States agreed to …" in a CRS summary is reported)
OWN_NAME = re.compile(  # after a fronted phrase ("To be clear, ", "Have no doubt, ")
    r"\s*(?:[^,;:]{1,30},\s*)?(?:the )?(?:United States(?: of America)?|U\.S\.|(?-i:US)|America)"
    r"\s+(?:(?:\w+ly|also|long|still|again|once again)\s+)*",
    re.I,
)
PRESENT_STANCE = re.compile(
    r"(?:condemns|supports|remains|calls|urges|rejects|opposes|welcomes|applauds|praises"
    r"|commends|stands|continues"
    r"|reaffirms|seeks|is |are |will |has long|insists|demands|wants|does not|do not|never"
    r"|cannot)",
    re.I,
)


def _own_government_now(text: str, rep: reported.Reported) -> bool:
    """True for "The United States condemns …" (see ``OWN_NAME``)."""
    verb = re.sub(r"^(?:\w+ly\s+)+", "", rep.cue.text)  # "strongly condemns"
    return bool(OWN_NAME.fullmatch(text[: rep.holder_at])) and bool(PRESENT_STANCE.match(verb))


def _fronted(text: str) -> str:
    """The sentence's fronted phrase before its first comma ("In return, "), else ""."""
    lead = re.match(r"[^,;:]{1,40},", text)
    return lead[0] + " " if lead else ""


def _object_of_verb(ctx: SentenceContext, rep: reported.Reported, holders: list[str]) -> list[str]:
    """Actors named between the reporting verb and its "to"/"for" ("pressed Washington to",
    "admonished Beijing for"): the ones asked to act (a counted group: "urged the two
    governments to"); ["other"] when the object names no actor ("urge all nations to"), as
    data/dev/README.md's gold has it (``other`` = an acting party without an actors.csv row,
    the same convention as the lever ``other``)."""
    if rep.holder_span or rep.cue.start != rep.holder_at:
        return []
    named = named_between(ctx, rep.cue.start + 1, rep.cue.end)
    verb = OBJECT_PHRASE.search(rep.cue.text)
    if not named and verb:  # "urged the two governments to"; "urge all nations to": other
        return plural_object(ctx, rep.cue.start + verb.end("verb")) or [OTHER_ACTOR]
    return [] if set(named) & set(holders) else named


OBJECT_PHRASE = re.compile(
    r"^(?:(?:has|have) )?(?P<verb>(?:urg|press|call)\w*(?: on)?) (?!to\b|for\b)\S+(?: \S+)*"
    r" (?:to|for)$"
)
OTHER_ACTOR = "other"


# "his government has pressed …": the body of the person (or state) a possessive names
BODY_OF = re.compile(
    r"\b(?P<owner>his|her|its)\s+(?:own\s+|(?:foreign|defen[cs]e|trade|finance|state)\s+)?(?:government|administration|team|officials"
    r"|ministry|aides|advis[eo]rs|envoys?|negotiators?|spokes(?:man|woman|person))"
    r"(?:\s+(?:has|have|had|also|already|repeatedly|again))*\s+$",
    re.I,
)


def _holders(ctx: SentenceContext, rep: reported.Reported) -> list[str]:
    """The named actors of the reporting verb's subject ([] for "critics say"); "his
    government" stands for the person "his" refers to."""
    lead = ctx.text[: rep.holder_at]
    if rep.cue.text.lower().startswith("urging") and re.match(r"\s*(?:we|I)\b", lead, re.I):
        return [AUTHOR]  # "We stand with … in urging X to …": the main clause's "we"
    body = BODY_OF.search(lead)
    if body:
        return singular_reference(ctx, body.end("owner"))
    if antecedent := _relative_antecedent(ctx, lead):
        return antecedent
    if re.search(r"\b(?:it|he|she|who)\s*$", lead, re.I) or re.search(
        r"\b(?:does|do|did|would|will) (?:it|he|she)\b", rep.cue.text, re.I
    ):
        return singular_reference(ctx, rep.holder_at)
    if rep.holder_span:
        return named_between(ctx, *rep.holder_span)
    said = SAID_THEY.search(lead)  # "Japanese officials have said that they favour …"
    if said and (named := subject_actors(ctx.text, (0, said.start()), ctx.mentions)):
        return named
    at = rep.holder_at
    if PRIVATE_PARTY.search(ctx.text[:at]):
        return []  # "Japanese executives say …": a position of no government
    actors, source = cue_actors(ctx, cues.Cue("reported", "after", at, at, ""))
    if source == "addressee (we)" or FIRST_PERSON.search(ctx.text[:at]):
        return [AUTHOR]
    if not source.startswith("addressee"):
        return [a for a in actors if a != OTHER_ACTOR]  # "the world wants …": no named holder
    first = ctx.text.find(",")  # an appositive: "Flournoy, the favorite for …, is on record"
    appositive = 0 < first < at and not cues.HARD_BOUNDARY.search(ctx.text[:first])
    if appositive and (named := subject_actors(ctx.text, (0, first), ctx.mentions)):
        return named  # (not "Today, the Board of …": a fronted adverb, read on)
    group = MEMBERS_OF.search(ctx.text[:at])
    if group:
        return named_between(ctx, group.start(), at)
    place = PLACE_THEN_OFFICIAL.match(ctx.text[:at])  # "In Beijing, a spokesman said …"
    return named_between(ctx, 0, place.end("place")) if place else []


SAID_THEY = re.compile(
    r"\b(?:said|say|says|told \w+|added|argued|insisted)(?: \w+ly)?(?: that)? they\s*$", re.I
)
# the writer as the reporting verb's subject: "I said", "I'd hope", "we continue to urge"
FIRST_PERSON = re.compile(
    r"\b(?:I|[Ww]e)(?:[’']d| would| do| also| still| \w+ly| (?:will )?continue to)*\s*$"
)
# a fronted capital, then an official: "In Beijing, foreign ministry spokesman Guo Jiakun said"
PLACE_THEN_OFFICIAL = re.compile(
    r"\s*(?:In|From) (?P<place>(?-i:[A-Z][\w.-]+)(?: (?-i:[A-Z][\w.-]+))?),\s*(?:the |a |an )?"
    r"(?:[\w-]+ ){0,3}?(?:spokes(?:man|woman|person)|officials?|ministers?|ministry|diplomats?"
    r"|aides?|envoys?|ambassadors?|government|president|premier|leaders?)\b[^,;:]*$",
    re.I,
)
# people or a body of an actor: "officials in Beijing", "the Board of Governors of the IAEA"
MEMBERS_OF = re.compile(
    r"\b(?:some|many|most|members|officials?|leaders|lawmakers|hawks|voices"
    r"|spokes(?:man|woman|person)|diplomats?|ministers?|aides?|envoys?"
    r"|negotiators?|commanders?|chiefs?|heads?|ambassadors?|generals?|admirals?"
    r"|representatives?|board(?: of governors)?|delegations?) (?:in|of|from|at) [^,;:]*$",
    re.I,
)


def _possessor_in_cue(ctx: SentenceContext, rep: reported.Reported) -> list[str]:
    """The government whose position a readout names when its speaker names none ("Special
    Representative Kim underscored continued U.S. openness to …"), else []."""
    m = POSSESSOR_IN_CUE.search(rep.cue.text)
    if m is None:
        return []
    return _named(ctx, rep.cue.start + m.start(), rep.cue.start + m.end())


def _official_for(ctx: SentenceContext, rep: reported.Reported) -> list[str]:
    """The government a titled official of no named government speaks for in a readout: the
    subject of the words reported ("The Secretary emphasized that the United States would
    …"), else []."""
    if not rep.inner or not OFFICIAL_TITLE.fullmatch(ctx.text[: rep.holder_at]):
        return []
    actors, source = cue_actors(ctx, rep.cue)
    return [] if source.startswith("addressee") else [a for a in actors if a != OTHER_ACTOR]


OFFICIAL_TITLE = re.compile(
    r"\s*(?:the\s+)?(?:Secretary|Deputy Secretary|Under Secretary|Assistant Secretary"
    r"|Special Representative|Special Envoy|Ambassador|President|Vice President|Prime Minister"
    r"|Foreign Minister|Minister|spokes(?:man|woman|person))\s+(?:\w+\s+)?",
    re.I,
)
POSSESSOR_IN_CUE = re.compile(
    r"\b(?:U\.S\.|[A-Z][\w.]*[’']s|American)(?= (?:[\w-]+ )?"
    r"(?:commitment|support|openness|condemnation|opposition)\b)"
)


def _relative_antecedent(ctx: SentenceContext, lead: str) -> list[str]:
    """The actor named just before ", who" ("fell out with Mao, who criticized …" → Mao's
    government), else []."""
    rel = re.search(r",\s*who\s*$", lead, re.I)
    if rel is None:
        return []
    m = ctx.mentions
    return [a for a, e in zip(m["actor"], m["e"], strict=True) if e == rel.start()][:1]


def _wanted_of(
    ctx: SentenceContext, cue: cues.Cue, side: str, own: list[str], holders: list[str]
) -> tuple[list[str], str]:
    """Who would act on what a holder wants: a counted group ("wants the three governments
    to"), else the actors the object names as agents ("wants Caracas to publish"), not a
    diplomatic partner ("a dialogue with Pyongyang": the holder talks), a measure's target
    ("sanctions on Chinese banks") nor a place ("troops in Seoul"); "us" the writer's own
    government (the addressee: "doesn't want us to sell"); for a bare want of a state
    of affairs ("Beijing wants a quiet border"), the one other actor this sentence or the one
    before names; else the holder."""
    m = ctx.mentions
    named = [
        actor
        for actor, s in zip(m["actor"], m["s"], strict=True)
        if cue.end <= s <= cue.end + len(side)
        and not PARTNER_BEFORE.search(ctx.text[:s])
        and not TARGET_BEFORE.search(ctx.text[:s])
        and not PLACE_BEFORE.search(ctx.text[:s])
    ]
    if JUDGING.search(cue.text):
        return _judged(ctx, cue, side, named, {*holders, *own})
    if group := plural_object(ctx, cue.end):  # before the actors its clause goes on to name
        return group, "plural object (reported)"
    if US_OBJECT.match(side):  # "Beijing doesn't want us to sell F-16s to Taiwan": the writer's
        return [ctx.addressee], "object (reported)"
    if named:
        return list(dict.fromkeys(named)), "object (reported)"
    if BARE_WANT.search(cue.text) and not named_between(ctx, cue.end, cue.end + len(side)):
        others = one_other_actor(ctx, {*holders, *own, OTHER_ACTOR})
        if others:
            return others, "counterpart (reported)"
    return own, "holder"


US_OBJECT = re.compile(r"\s*us\s+to\b")  # lower case: "US" is the United States' name
# a verb judging what another party did: the party judged is the actor, never the judge
JUDGING = re.compile(
    r"\b(?:condemn|critici[sz]|denounc|deplor|welcom|concerned|troubled|alarmed|dismayed)\w*",
    re.I,
)


# a measure its owner's adjective names ("U.S. sanctions", "the North Korean torpedo attack")
OWNED_MEASURE = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:sanctions|tariffs|troops|forces|strikes?|drills|exercises"
    r"|pressure|attacks?|launch(?:es)?|tests?|missiles?|demands?|bans?|restrictions|controls"
    r"|aid|assistance|arms|deployments?|veto(?:es)?)\b"
)


def _judged(
    ctx: SentenceContext, cue: cues.Cue, side: str, named: list[str], judges: set[str]
) -> tuple[list[str], str]:
    """Whose act a judgement judges ("condemns the DPRK's launch", "welcomed the budget"):
    the owner of a possessive or of an owned measure ("U.S. sanctions") in its object, else
    the actors the object names, else the one other actor of this sentence or the one before,
    else a party with no actor ("other": "condemned the indiscriminate fighting")."""
    owners = [
        actor
        for actor, s, e in zip(
            ctx.mentions["actor"], ctx.mentions["s"], ctx.mentions["e"], strict=True
        )
        if cue.end <= s <= cue.end + len(side)
        and (re.match(rf"{cues.APOS}s?\b", ctx.text[e:]) or OWNED_MEASURE.match(ctx.text, e))
    ]
    if owners or named:
        return list(dict.fromkeys(owners or named)), "object (reported)"
    others = one_other_actor(ctx, {*judges, OTHER_ACTOR})
    return (others, "counterpart (reported)") if others else ([OTHER_ACTOR], "judged party")


def _appraises_an_actor(ctx: SentenceContext, rep: reported.Reported) -> bool:
    """True when a reported appraisal's subject opens with an actor ("Mattis said North Korea
    is 'the most urgent threat'"): a judgement of a government, not of a policy."""
    if rep.scope_end is None or rep.cue.text:
        return False  # only the appraisals after a speech verb (naming cues have a verb)
    words = re.search(r"\w", ctx.text[rep.cue.end : rep.scope_end])
    if words is None:
        return False
    first = rep.cue.end + words.start()
    first = first + len(re.match(r"(?:that |the )?", ctx.text[first:]).group())
    return any(s == first for s in ctx.mentions["s"])


def _agents(
    ctx: SentenceContext, cue: cues.Cue, side: str, holders: list[str]
) -> tuple[list[str], str]:
    """Whose the appraised thing is ("called China's ban …", "called it …"): the actors it
    names, else the one other actor of this sentence or the one before, else the holder."""
    named = named_between(ctx, cue.end, cue.end + len(side))
    if named:
        return named, "object (reported)"
    others = one_other_actor(ctx, {*holders, OTHER_ACTOR})
    return (others, "counterpart (reported)") if others else (holders, "holder")


PARTNER_BEFORE = re.compile(
    r"\b(?:talks|dialogue|negotiations|relations|summit|meeting|deal|channel|engagement"
    r"|cooperation|coordination|ties|trade|partnership|consultations|contacts|exchanges)"
    r" (?:with|toward|towards)\s+(?:the\s+)?$",
    re.I,
)
# a place, not an agent: "the status quo in North Korea", "fewer troops in South Korea"
PLACE_BEFORE = re.compile(r"\b(?:in|inside|across|throughout|near|around|off)\s+(?:the\s+)?$", re.I)
# the target of a measure ("sanctions on Chinese banks") suffers it: the holder would impose it
TARGET_BEFORE = re.compile(
    r"\b(?:sanctions|tariffs|duties|pressure|penalties|controls|restrictions|embargo|strikes)"
    r" (?:on|against)\s+(?:the\s+)?$",
    re.I,
)
BARE_WANT = re.compile(r"\b(?:wants?|wanted|want)\s*$", re.I)


# the head of a subject that is no government: companies, voters, experts
PRIVATE_PARTY = re.compile(
    r"\b(?:executives|companies|firms|businesses|investors|farmers|voters|citizens|residents"
    r"|protesters|activists|analysts|experts|scholars|economists|commentators|students|workers"
    r"|consumers|exporters|importers|bankers|traders"
    # public opinion, a share of a people: "seven in ten South Koreans", "most Americans"
    r"|(?:in (?:ten|10)|most|many|a majority of|percent of|half of)\s+"
    r"(?-i:[A-Z][\w-]*\s+)?(?-i:[A-Z][\w-]*(?:ans|ese|is)))"
    r"(?:\s+(?:\w+ly|now|also|have|had|has))*\s*$",
    re.I,
)


def quoted_claims(ctx: SentenceContext) -> list[Claim]:
    """Prescriptions inside quotation marks, held by the speaker named outside them."""
    inside, found = reported.quoted_cues(ctx.text)
    if not found:
        return []
    quoted = _inside_quotes(ctx, inside)
    outside = ctx.mentions[~quoted]
    holders = list(dict.fromkeys(outside["actor"])) or list(ctx.previous[0] if ctx.previous else [])
    if not holders:
        return []
    return _quoted(ctx, inside, found, quoted, holders)


def quote_speakers(ctx: SentenceContext) -> list[str]:
    """The named actors outside the quotation marks of a sentence that attributes a quotation
    with a speech verb ("… ,” spokesman Lin Jian told a briefing."), else []."""
    inside = reported.attributed_quotation(ctx.text)
    if inside is None:
        return []
    outside = ctx.mentions[~_inside_quotes(ctx, inside)]
    return [a for a in dict.fromkeys(outside["actor"]) if a != OTHER_ACTOR]


WHOLE_QUOTE = re.compile(r"\s*[“\"][^“”\"]+[”\"]?\s*")


def continued_quote_claims(ctx: SentenceContext) -> list[Claim]:
    """Prescriptions of a sentence that is all quotation, continuing the quotation the
    sentence before attributed (``ctx.speakers``): “…,” Lin Jian said. “The United States
    should stop …” is Lin Jian's (China's) in his own words."""
    if not ctx.speakers or not WHOLE_QUOTE.fullmatch(ctx.text):
        return []
    inside = re.sub('[“”"]', " ", ctx.text)
    found = reported.cues_in_quotation(inside)
    everything = np.ones(len(ctx.mentions), dtype=bool)
    return _quoted(ctx, inside, found, everything, list(ctx.speakers)) if found else []


def _inside_quotes(ctx: SentenceContext, inside: str) -> np.ndarray:
    """Which of the sentence's mentions lie inside its quotations (``inside``: the sentence
    with everything but them blanked)."""
    blank = [i for i, (a, b) in enumerate(zip(inside, ctx.text, strict=True)) if a != b]
    return ~np.isin(np.asarray(ctx.mentions["s"]), blank)


def _quoted(ctx: SentenceContext, inside: str, found, quoted, holders: list[str]) -> list[Claim]:
    """The claims of ``found`` cues in quoted words ``inside``, each held by every holder."""
    quote_ctx = SentenceContext(inside, ctx.mentions[quoted],
                                ctx.previous, ctx.addressee, ctx.groups)  # fmt: skip
    claims = []
    for i, cue in enumerate(found):
        next_start = found[i + 1].start if i + 1 < len(found) else len(inside)
        actors, source = cue_actors(quote_ctx, cue)
        if source.startswith("addressee"):
            actors, source = holders, "speaker (quoted)"
        action, side, clause = action_and_scope(inside, cue, next_start)
        stance = stance_of(inside, cue, side)
        for holder in holders:
            claims.append(Claim(cue, tuple(actors), source, action, side, clause, stance,
                                holder, "quoted"))  # fmt: skip
    return claims
