"""Whose claim it is: the actors of a prescriptive cue, found from its subject.

Actor: the subject of the cue, not any actor in the sentence. The subject is the stretch of
text between the last clause boundary and the cue; actors in it that follow a preposition or
are possessive modifiers ("Beijing's North Korean allies") are not subjects. After an inverted
modal ("Nor should Washington …") the subject is the actors or pronoun right after the modal.
A gerund subject ("Continuing to infantilize Seoul is not …"), a subject with no actor
("“Maximum pressure” has failed") and an imperative have the article's addressee as actor,
and so does the authorial "we"/"us" (an op-ed's "we" is the country it addresses; "Seoul and
we" gives both). A contrast between commas or after "not"/"rather than" ("China, not the
United States, should") is skipped, so the actor is the one before it. A plural reference
("the two governments", "they", "both") takes the actors of the nearest preceding sentence
that names any (up to three sentences back; a lone actor is paired with the addressee);
"it/he/she" the last subject actor named before it ("As the administration reviews its policy
toward Pyongyang, it …" is the administration), else the first subject-position actor of the
nearest earlier sentence naming one ("The lesson for Washington is that China acts …. It …" is
China); "he/she" prefer people (``helpers.persons``). A group subject ("the allies") gives one row
per member, or, when its sentence names a pair "A and B" elsewhere ("The allies should …;
South Korea and Japan both …"), one row for each of that pair. A possessor with a relational
noun ("Washington’s allies") is not the subject: when "the allies" is a group alias in
actors.csv with the possessor as a member, the subject is the other members (South Korea);
otherwise it names no known actor and gives no claim (the addressee would be a guess). Other
possessives stand for their possessor ("Seoul’s government").

See ``helpers.positions`` for the claims these actors belong to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from helpers import cues
from helpers.actors import Alias
from helpers.mentiontable import Mentions
from helpers.persons import PERSON_PRONOUN, person_reference

BACKWARD_SENTENCES = 3
Previous = Sequence[Sequence[str]]  # actors of earlier sentences, nearest first


@dataclass(frozen=True, eq=False)
class SentenceContext:
    """One sentence as cue subjects are resolved in it.

    ``mentions``: its actor mentions (columns actor, s, e: offsets in ``text``); ``previous``:
    the actors of the sentences before it, nearest first (only three are looked at);
    ``addressee``: the article's addressee; ``groups``: the actors table's group aliases.
    """

    text: str
    mentions: Mentions
    previous: Previous
    addressee: str
    groups: Sequence[Alias] = ()
    persons: Previous = ()  # the person actors of the sentences before it, nearest first
    subjects: Previous = ()  # their actors in subject position (``sentence_subjects``)
    pairs: Previous = ()  # the pair "A and B" each names (``sentence_pair``)
    lists: Sequence[Previous] = ()  # the lists "A, B and C" each names (``sentence_lists``)
    speakers: Sequence[str] = ()  # who speaks the quotation the sentence before attributed
    terms: bool = False  # in the run of a proposal's terms (``helpers.proposalterms``)
    in_paragraph: int = 0  # how many sentences of its paragraph come before it
    policy_before: bool = False  # the sentence before holds an author's claim or has no actor
    # as its subject: "it" can point at a policy ("Then there is the military option. It …")

    @property
    def paragraph_subjects(self) -> Previous:
        """``subjects`` of the sentences before it in its own paragraph, nearest first."""
        return self.subjects[: self.in_paragraph]


# a verb of saying or believing whose clause the cue's subject opens, a name or a counted group
# after it ("Beijing hoped Washington would …": Washington; "said the three countries should"),
# with or without "that"
ATTITUDE_VERB = re.compile(
    r"\b(?:said|says|hoped|hopes|believes|believed|thinks|thought|fears|feared|expects|expected"
    r"|insisted|insists|argued|argues|warned|warns)(?=\s+(?:that\s+)?(?:(?:the\s+)?(?-i:[A-Z])"
    r"|(?:the|both)\s+(?:two|three|four)\s+[a-z]|both\s+(?-i:[A-Z])))"
)


def _subject_start(text: str, cue_start: int) -> int:
    """Start of the cue's subject: just after the last clause boundary before the cue."""
    last = 0
    for m in re.finditer(
        f"{cues.SOFT_BOUNDARY.pattern}|{cues.HARD_BOUNDARY.pattern}|{ATTITUDE_VERB.pattern}",
        text[:cue_start],
        re.I,
    ):
        last = m.end()
    return last


def _is_subject(text: str, start: int, end: int, span_start: int) -> bool:
    """False for an actor after a preposition ("with Beijing") or "not" in the subject span."""
    before = [w.lower() for w in re.findall(r"[\w’']+", text[span_start:start])]
    while before and before[-1] in cues.DETERMINERS:
        before.pop()
    return not (before and before[-1] in cues.PREPOSITIONS | cues.EXCLUDING)


def possessive(text: str, end: int) -> bool:
    """True when the mention ending at ``end`` is a possessor ("Washington's approach")."""
    return bool(re.match(r"[’']s?\b", text[end:]))


def subject_actors(text: str, span: tuple[int, int], mentions: Mentions) -> list[str]:
    """Actors named as subject in ``text[span[0]:span[1]]`` (``mentions``: sentence offsets)."""
    inside = [
        (actor, e)
        for actor, s, e in zip(mentions["actor"], mentions["s"], mentions["e"], strict=True)
        if s >= span[0] and e <= span[1] and _is_subject(text, s, e, span[0])
    ]
    heads = [actor for actor, e in inside if not possessive(text, e)]
    return list(dict.fromkeys(heads or [actor for actor, _ in inside]))


def possessor_relation(
    text: str, span: tuple[int, int], mentions: Mentions, groups: Sequence[Alias]
) -> list[str] | None:
    """Actors of a subject "X’s <relational noun>" (see the module docstring), else None.

    The other members of the group "the <noun>" names when X is one of them; [] when the
    noun is relational ("allies", "partners") but no such group holds X.
    """
    inside = [
        (actor, e)
        for actor, s, e in zip(mentions["actor"], mentions["s"], mentions["e"], strict=True)
        if s >= span[0] and e <= span[1] and _is_subject(text, s, e, span[0])
    ]
    if not inside or not all(possessive(text, e) for _, e in inside):
        return None
    words = re.findall(r"[\w’'-]+", text[max(e for _, e in inside) : span[1]])
    head = words[-1].lower() if len(words) > 1 else ""
    group = group_named(head, groups)
    owners = {actor for actor, _ in inside}
    if group and owners & set(group.members):
        return [m for m in group.members if m not in owners]
    return [] if group or head in cues.RELATIONAL_NOUNS else None


def group_named(noun: str, groups: Sequence[Alias]) -> Alias | None:
    """The group alias "the <noun>" matches ("the allies"), if any."""
    return next((g for g in groups if g.regex.fullmatch(f"the {noun.lower()}")), None)


def resolve_plural(
    previous: Previous,
    count: int | None,
    addressee: str,
    lists: Sequence[Previous] = (),
    subjects: Previous = (),
) -> list[str]:
    """Actors a plural reference stands for: a counted one ("the three ministers") is the
    nearest list of that many actors the text has named ("Seoul, Tokyo and Washington";
    ``lists``: each earlier sentence's lists, nearest first; see ``_counted_list``); else
    the actors of the nearest preceding sentence naming any (``previous`` is nearest first,
    up to three back). A pair that sentence leaves incomplete is the two actors last in
    subject position (``subjects``: the sentences before it in its paragraph, up to three;
    "Seoul should write … . Tokyo should stop … . And the two governments should …"), else
    the addressee completes it ("the two governments" after a sentence naming China:
    Washington and Beijing); "the three partners" gathers actors from earlier sentences
    until it has three."""
    found = _nearest(previous)
    # too few actors near: look further back, unless the addressee completes a pair
    further = count is not None and len(found) < count and (count > 2 or addressee in found)
    if count and (named := _counted_list(previous, count, lists, further)):
        return named
    if count == 2 and len(found) < 2 and len(salient := _distinct_actors(subjects)) >= 2:
        return salient[:2]
    if count and count > 2:
        found += [a for a in _distinct_actors(previous) if a not in found]
    if len(found) < 2 and addressee not in found:
        found.append(addressee)
    return found[:count] if count else found


def cue_actors(ctx: SentenceContext, cue: cues.Cue) -> tuple[list[str], str]:
    """The actors of one cue in ``ctx``'s sentence and how they were found (see the module
    docstring); ``ctx.groups`` serve "Washington’s allies"."""
    text, mentions, addressee = ctx.text, ctx.mentions, ctx.addressee
    if cue.kind == "imperative":
        return [addressee], "addressee (imperative)"
    if cue.slot:
        related = possessor_relation(text, cue.slot, mentions, ctx.groups)
        if related is not None:
            return related, "possessor's relation"
        named = subject_actors(text, cue.slot, mentions)
        if named:
            return named, "for-clause"
        we = cues.AUTHORIAL_WE.match(text[cue.slot[0] : cue.slot[1]].strip())
        return [addressee], "addressee (we)" if we else "addressee (implied)"
    if cue.kind == "offer":
        ends = np.asarray(mentions["e"])
        named = mentions[(ends <= cue.start) & (ends >= cue.start - 2)]
        if len(named):
            return list(dict.fromkeys(named["actor"])), "offer"
    return _clause_subject(ctx, cue.start)


def inverted_subject(ctx: SentenceContext, cue: cues.Cue) -> tuple[list[str], str, int] | None:
    """(actors, source, subject end) after an inverted modal ("Nor should Washington …"),
    or None when no actor or pronoun follows the modal."""
    end = _subject_after(ctx.text, cue.end, ctx.mentions, ctx.groups)
    if end is None:
        return None
    words = re.findall(r"[\w’'-]+", ctx.text[cue.end : end])
    found = _span_subject(ctx, (cue.end, end), words)
    return (*found, end) if found else None


def _subject_after(text: str, at: int, mentions: Mentions, groups: Sequence[Alias]) -> int | None:
    """End of the actors joined by "and"/"or"/"nor" (or of a pronoun) just after ``at``; a
    possessive actor extends to its relational noun ("Washington’s allies") within 3 words."""
    end = None
    for s, e in sorted(set(zip(mentions["s"], mentions["e"], strict=True))):
        if s < at:
            continue
        if not cues.SUBJECT_JOINER.fullmatch(text[at:s]):
            break
        if possessive(text, e):
            return _relation_end(text, e, groups)
        end = at = e
    if end is None:
        pronoun = cues.SUBJECT_PRONOUN.match(text, at)
        end = pronoun.end() if pronoun else None
    return end


def _relation_end(text: str, at: int, groups: Sequence[Alias]) -> int | None:
    """End of the relational noun within three words after ``at`` (a possessive), else None."""
    for m in list(re.finditer(r"[\w’'-]+", text[at:]))[1:4]:
        if m[0].lower() in cues.RELATIONAL_NOUNS or group_named(m[0], groups):
            return at + m.end()
    return None


def _clause_subject(ctx: SentenceContext, cue_start: int) -> tuple[list[str], str]:
    """Subject actors before ``cue_start``, widening across commas past asides ("however")
    and contrasts ("X, not Y, should": the "not Y" phrase is skipped) and relative clauses ("X,
    who …, should")."""
    text, end = ctx.text, cue_start
    start = _list_start(ctx, _subject_start(text, end), end)
    for _ in range(3):
        relative = RELATIVE_ASIDE.search(text[:start])  # "The Europeans, who …, should"
        if relative:
            end, start = relative.start(), _subject_start(text, relative.start())
        words = re.findall(r"[\w’'-]+", text[start:end])
        contrast = bool(cues.CONTRAST.match(" ".join(words)))
        if not contrast:
            found = _span_subject(ctx, (start, end), words)
            if found:
                return found
        if not (contrast or _aside(words)) or start == 0 or text[start - 1] not in ",—–":
            break
        end, start = start - 1, _subject_start(text, start - 1)
    return [ctx.addressee], "addressee (no actor in subject)"


def _list_start(ctx: SentenceContext, start: int, end: int) -> int:
    """The start of a listed subject whose first items a comma cut off ("Washington, Tokyo
    and Seoul agreed": from Washington); ``start`` when the span coordinates nothing or the
    words before the comma are no actor's name."""
    text = ctx.text
    if not re.search(r"\b(?:and|or)\b", text[start:end]):
        return start
    while start > 0 and text[:start].rstrip().endswith(","):
        comma = text.rstrip().rfind(",", 0, start)
        earlier = _subject_start(text, comma)
        item = re.match(r"\s*(?:the\s+)?", text[earlier:comma], re.I)
        first = earlier + (item.end() if item else 0)
        named = any(s == first and e == comma for s, e in
                    zip(ctx.mentions["s"], ctx.mentions["e"], strict=True))  # fmt: skip
        if not named:
            break
        start = earlier
    return start


def _span_subject(
    ctx: SentenceContext, span: tuple[int, int], words: list[str]
) -> tuple[list[str], str] | None:
    """The actors of one subject span (words = its words), or None when it names none."""
    text, mentions, previous, addressee = ctx.text, ctx.mentions, ctx.previous, ctx.addressee
    if gerund_first(words, text, span[0], mentions):
        return [addressee], "addressee (gerund subject)"
    related = possessor_relation(text, span, mentions, ctx.groups)
    if related is not None:
        return related, "possessor's relation"
    named = subject_actors(text, span, mentions)
    phrase = cues.CONNECTIVES.sub("", " ".join(words), count=1).strip()
    if named and cues.COORDINATED_WE.search(phrase):
        return list(dict.fromkeys([*named, addressee])), "subject and addressee (we)"
    if named and (members := _group_members_named(ctx, span)):
        return members, "group named in the sentence"
    if named:
        return named, "subject"
    if cues.AUTHORIAL_WE.match(phrase):
        return [addressee], "addressee (we)"
    if UNNAMED_SUBJECT.match(phrase):
        return ["other"], "unnamed actor"  # data/dev/README.md: no canonical name = other
    if cues.PLURAL_REFERENCE.match(TRAILING_ADVERB.sub("", phrase)):  # "The two sides also"
        count = plural_count(phrase)
        resolved = resolve_plural(previous, count, addressee, ctx.lists, ctx.paragraph_subjects)
        return resolved, "plural reference"
    if cues.SINGULAR_PRONOUN.match(phrase):
        return singular_reference(ctx, span[1]), "pronoun"
    if possessive := POSSESSIVE_SUBJECT.match(phrase):  # "Its response should be measured"
        if possessive[1].lower() == "their":
            return resolve_plural(previous, None, addressee), "possessive pronoun"
        return singular_reference(ctx, span[0] + possessive.end(1)), "possessive pronoun"
    if ANAPHORIC_SUBJECT.match(phrase) and (earlier := _nearest(previous)):
        return earlier, "anaphoric subject"  # "Such steps would be counterproductive"
    return None


PLURAL_COUNTS = {"two": 2, "both": 2, "three": 3, "neither": 2}


def plural_count(phrase: str) -> int | None:
    """How many actors a plural reference counts ("the three governments": 3), else None."""
    word = re.search(r"\b(?:two|both|three|neither)\b", phrase.lower())
    return PLURAL_COUNTS[word[0]] if word else None


# a counted or group object of a verb of wanting or urging ("wants the three governments to")
PLURAL_OBJECT = re.compile(rf"\s*(?P<phrase>{cues.PLURAL_PHRASE})\s+to\b", re.I)


def plural_object(ctx: SentenceContext, at: int) -> list[str]:
    """The actors a plural object right after ``at`` stands for ("wants the three governments
    to abandon it": the nearest three-actor list), else [] (also for "they", no object form)."""
    m = PLURAL_OBJECT.match(ctx.text, at)
    if m is None or m["phrase"].lower() in ("they", "both"):
        return []
    count = plural_count(m["phrase"])
    return resolve_plural(ctx.previous, count, ctx.addressee, ctx.lists, ctx.paragraph_subjects)


TRAILING_ADVERB = re.compile(
    r"(?: (?:also|again|now|then|later|finally|jointly|still|already|too|instead|quickly))+$", re.I
)
# "Its response", "their leaders": the possessor is the pronoun's antecedent
POSSESSIVE_SUBJECT = re.compile(r"^(its|his|her|their) (?:\w+ )?[a-z][\w-]*$", re.I)
# a subject pointing back at what the sentence before described: its actors act
ANAPHORIC_SUBJECT = re.compile(
    r"^(?:such|these|those|this|that)(?: an?)? (?:\w+ )?(?:steps?|moves?|measures?|actions?"
    r"|decisions?|threats?|provocations?|escalations?|tests?|launch(?:es)?|attacks?"
    r"|drills?|exercises?|strikes?|deployments?|transfers?|shipments?)$",
    re.I,
)


def _counted_list(
    previous: Previous, count: int, lists: Sequence[Previous], further: bool
) -> list[str]:
    """The nearest list of ``count`` actors named no further back than the nearest sentence
    naming any actor, or, when ``further`` (that sentence names too few), anywhere before."""
    at = next((i for i, a in enumerate(previous[:BACKWARD_SENTENCES]) if a), None)
    reach = len(lists) if further or at is None else at + 1
    counted = (list(c) for chains in lists[:reach] for c in chains if len(c) == count)
    return next(counted, [])


def _distinct_actors(sentences: Previous) -> list[str]:
    """The named actors of the sentences before (up to three), nearest sentence first, once."""
    found: list[str] = []
    for actors in sentences[:BACKWARD_SENTENCES]:
        found += [a for a in actors if a not in found and a != "other"]
    return found


def _nearest(previous: Previous) -> list[str]:
    """The actors of the nearest of the previous sentences that names any ([] if none)."""
    return next((list(a) for a in previous[:BACKWARD_SENTENCES] if a), [])


def named_between(ctx: SentenceContext, start: int, end: int) -> list[str]:
    """The actors mentioned wholly inside ``start``–``end`` of the sentence, in order, once."""
    m = ctx.mentions
    inside = m[(np.asarray(m["s"]) >= start) & (np.asarray(m["e"]) <= end)]
    return list(dict.fromkeys(inside["actor"]))


def one_other_actor(ctx: SentenceContext, mine: set[str]) -> list[str]:
    """The one actor not in ``mine`` this sentence names, else the sentence before; [] when
    there are several (which one would be a guess)."""
    for actors in (list(ctx.mentions["actor"]), *ctx.previous[:1]):
        others = set(actors) - mine
        if others:
            return list(others) if len(others) == 1 else []
    return []


# acting parties without an actors.csv row: "The international community must …"
UNNAMED_SUBJECT = re.compile(
    r"^(?:the )?(?:international community|(?:rest of the )?world|United Nations|UN|U\.N\."
    r"|(?:all )?(?:UN )?member states|all (?:nations|countries|states|governments)"
    r"|all|all (?:sides|parties)|(?:the )?parties(?: concerned)?|members of the \w+(?: \w+)?"
    r"|(?-i:G-?\d{1,2}|ASEAN|ECOWAS|BRICS|OPEC\+?|Quad)"  # groups of governments: "The G7"
    r"|(?-i:[A-Z][a-z]+)[’']s (?:\w+ )?(?:leaders|government|authorities|rulers|generals"
    r"|factions|parties))$",  # "Libya's leaders": a government actors.csv does not list
    re.I,
)
RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose)\s*$", re.I)


def _aside(words: list[str]) -> bool:
    """True for an interjected phrase ("however", "for its part") between subject and cue."""
    return len(words) <= 2 or (len(words) <= 4 and words[0].lower() in cues.PREPOSITIONS)


def gerund_first(words: list[str], text: str, start: int, mentions: Mentions) -> bool:
    """True when the span opens with an -ing word that is not an actor ("Beijing")."""
    if not words or not words[0].lower().endswith("ing") or words[0].lower() in cues.NOT_GERUNDS:
        return False
    at = text.index(words[0], start)
    return not any(s <= at < e for s, e in zip(mentions["s"], mentions["e"], strict=True))


def _singular(mentions: Mentions, before: int, previous: Previous, addressee: str, text: str = ""):
    """ "it/he/she": the last earlier actor of the sentence that is a subject (not after a
    preposition: "As the administration reviews its policy toward Pyongyang, it …" is the
    administration), else the last earlier actor, else the nearest earlier sentence's."""
    earlier = mentions[np.asarray(mentions["e"]) <= before]
    if len(earlier) and text and (subjects := _subjects_in(text, earlier)):
        return [subjects[-1]]
    if len(earlier):
        return [list(earlier["actor"])[-1]]
    for actors in previous[:BACKWARD_SENTENCES]:
        if actors:
            return [actors[0]]
    return [addressee]


def _subjects_in(text: str, mentions: Mentions) -> list[str]:
    """The actors of ``mentions`` in subject position (see ``sentence_subjects``), in order."""
    return [
        actor
        for actor, s, e in zip(mentions["actor"], mentions["s"], mentions["e"], strict=True)
        if _is_subject(text, s, e, 0) and not possessive(text, e)
    ]


def sentence_subjects(text: str, mentions: Mentions) -> list[str]:
    """Actors of a sentence in subject position: not after a preposition, not possessive
    ("The lesson for Washington is that China acts …" → China), in text order."""
    return list(dict.fromkeys(_subjects_in(text, mentions)))


def singular_reference(ctx: SentenceContext, before: int) -> list[str]:
    """The actor "it/he/she" just before offset ``before`` stands for: "he/she" a person
    (``helpers.persons``) when one is named, otherwise as ``_singular``."""
    pronoun = PERSON_PRONOUN.search(ctx.text, 0, before)
    if pronoun:
        person = person_reference(ctx.text, ctx.mentions, pronoun.start(), ctx.persons)
        if person:
            return person
    at = pronoun.start() if pronoun else before
    earlier = ctx.mentions[np.asarray(ctx.mentions["e"]) <= at]
    in_subject = [
        _is_subject(ctx.text, s, e, 0) for s, e in zip(earlier["s"], earlier["e"], strict=True)
    ]
    if not any(in_subject):  # "It" opening a sentence, or after only objects of prepositions
        for actors in ctx.subjects[:BACKWARD_SENTENCES]:  # ("… over Seoul's head, and it …")
            if actors:
                return [actors[0]]
    return _singular(ctx.mentions, at, ctx.previous, ctx.addressee, ctx.text)


def _group_members_named(ctx: SentenceContext, span: tuple[int, int]) -> list[str]:
    """The members a group subject ("the allies") has in this text: a pair "A and B" the same
    sentence names outside the subject ("The allies should …; South Korea and Japan both …"),
    else the pair of the nearest earlier sentence naming one (up to three back) that shares a
    member with the group ("Washington and Seoul should …. … the allies would …"), else the
    nearest earlier list of three or more that does, however far back ("the leaders of the
    United States, Britain and Australia …. … The allies should …"; a pair that far back is
    as often two sides), else [] (the group keeps its members from actors.csv)."""
    mentions = ctx.mentions
    phrase = ctx.text[span[0] : span[1]]
    if "group" not in mentions.columns or not any(g.regex.search(phrase) for g in ctx.groups):
        return []
    rows = list(zip(mentions["s"], mentions["e"], mentions["actor"], mentions["group"],
                    strict=True))  # fmt: skip
    inside = [r for r in rows if r[0] >= span[0] and r[1] <= span[1]]
    if not inside or not all(r[3] for r in inside):
        return []
    pair = named_pair(ctx.text, [r for r in rows if r not in inside])
    if pair:
        return pair
    members = {r[2] for r in inside}
    earlier = next((p for p in ctx.pairs[:BACKWARD_SENTENCES] if p), [])
    if set(earlier) & members:
        return list(earlier)
    named = (chain for chains in ctx.lists for chain in reversed(chains)
             if len(chain) > 2 and set(chain) & members)  # fmt: skip
    return list(next(named, []))


def named_pair(text: str, rows: Sequence[tuple]) -> list[str]:
    """The first pair "A and B" of single (non-group) actors among mention ``rows`` (s, e,
    actor, group), else []."""
    single = sorted({(s, e, a) for s, e, a, g in rows if not g})
    for (_, e1, a1), (s2, _, a2) in zip(single, single[1:], strict=False):
        if a1 != a2 and re.fullmatch(r"\s*,?\s*(?:and|&)\s*", text[e1:s2]):
            return [a1, a2]
    return []


def named_lists(text: str, rows: Sequence[tuple]) -> list[list[str]]:
    """The lists "A and B", "A, B and C" of single (non-group) actors among mention ``rows``
    (s, e, actor, group), in text order; each actor once per list."""
    single = sorted({(s, e, a) for s, e, a, g in rows if not g})
    chains: list[list[str]] = []
    chain: list[str] = []
    for (_, e1, a1), (s2, _, a2) in zip(single, single[1:], strict=False):
        if re.fullmatch(r"\s*(?:,|,?\s*(?:and|&))\s*", text[e1:s2]):
            chain = chain or [a1]
            chain += [a2] if a2 not in chain else []
            continue
        chains += [chain] if len(chain) > 1 else []
        chain = []
    return chains + ([chain] if len(chain) > 1 else [])


def _mention_rows(mentions: Mentions) -> list[tuple]:
    """The (s, e, actor, group) rows of a sentence's mentions ([] without a group column)."""
    if "group" not in mentions.columns:
        return []
    cols = (mentions["s"], mentions["e"], mentions["actor"], mentions["group"])
    return list(zip(*cols, strict=True))


def sentence_lists(text: str, mentions: Mentions) -> list[list[str]]:
    """The lists of actors a sentence names (``named_lists``), for a counted plural after it."""
    return named_lists(text, _mention_rows(mentions))


def sentence_pair(text: str, mentions: Mentions) -> list[str]:
    """The pair "A and B" a sentence names (for a group subject in the sentences after it)."""
    return named_pair(text, _mention_rows(mentions))
