"""Prescriptive claims — who should do what: one row per (sentence, actor, policy lever).

A claim is a sentence in which the author prescribes, predicts or rejects a course of action.
Cues are listed in ``helpers.cues`` (modals, "it is overdue for X to", approaches, offers,
rejections, imperatives); cues inside quotation marks are someone else's words and are skipped,
and so are cues reported after "X said/argued … that". A question is not a prescription: a
modal before its subject in a sentence ending with "?" ("Should Washington abandon Seoul?",
"Why should America keep troops in Korea?") or after a question word ("Who should pay?")
gives no claim — not a neutral row, since the author asks rather than takes a stance. Nor does
a conditional "Should talks fail, …", which makes the sentence's other claims conditional.

A policy judged by its consequence or appraised ("Lifting the sanctions would reward
Pyongyang", "Scaling them back is a cheap concession") is a claim too (``helpers.consequences``);
so is an appraisal a named actor gives ("Tokyo called the ban 'unjustified'":
``helpers.reported``, ``helpers.appraisal``).

Actor: the subject of the cue, found as ``helpers.subjects`` describes ("he/she" a person's
government: ``helpers.persons``). The other sides of a claim — the subject of its condition, the
other party of an exchange, the agent of a passive, a conceded clause — follow
``helpers.sides``; positions held by named actors (reported, quoted) ``helpers.voices``. A
claim on a lever a government holds over its own people (``OWN_PEOPLE_LEVERS``: human rights)
whose subject names no actor ("The release of political prisoners is a step in the right
direction") is about the foreign government the sentence, else the one before, names.
Imperatives and subject-less prescriptions are the addressee's: the notebook's parameter, an
analyst's per-article override, else the one actor a prescriptive title names ("Seoul Should
Not Trade THAAD for Tourists") or an imperative title calls by name ("Take the Submarines,
Seoul, and …").

Levers: data/reference/levers.csv patterns, searched in the action side of the cue (after a
modal, before a rejection such as "has failed"), then in the cue's whole clause; a claim that
points back ("that offer should be withdrawn", ``ANAPHOR``) takes the levers of the sentence
before; a claim that names no lever gets the lever its words suggest (``helpers.leverwords``,
learned from the gold: "Those who choose to leave Cuba should be free to return" → human
rights), when a ``LeverWords`` table is given, else "other" (dropped when the same actor has a
lever in that sentence).

Stance: oppose for rejections, negated modals ("should not", "Neither X nor Y should", "Nor
should X"), negative imperatives and prescriptions the writer disowns ("None of this means X
should …", "I am not arguing that X should …"); neutral for "don't have to"/"need not"/"Nor
does X have to" and deliberation ("must decide how/whether"); conditional when the sentence
sets a condition ("in exchange for", "in return", "if", "unless", not "even if" nor ", if an
incomplete one"; "Should talks fail, …"), an approval too ("makes sense only if …");
otherwise support. Stance is the author's stance on the action, not on the lever's
intensity: "agree to end joint military exercises" is support (for ending them).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial
from typing import NamedTuple

import pandas as pd

from helpers import cues
from helpers.actors import Actors, document_mentions, headline_names
from helpers.claims import (  # noqa: F401 (re-exported)
    AUTHOR,
    Claim,
    action_and_scope,
    stance_of,
    unresisted,
)
from helpers.consequences import MODAL, POINTING_PRONOUN, consequence_cue
from helpers.cuerules import LEAD
from helpers.direction import (
    FLIP,
    ChangeWords,
    action_direction,
    change_before,
    head_of,
    lever_direction,
    load_change_words,
)
from helpers.errors import InputError
from helpers.executors import map_documents
from helpers.imperatives import imperative_cue
from helpers.levers import LeverMatch, Levers, load_levers  # noqa: F401 (notebook 04 imports)
from helpers.leverwords import LeverWords, load_lever_words  # noqa: F401 (notebook 04 imports)
from helpers.mentiontable import MentionTable, empty_table, tables_by_sentence
from helpers.owners import OWN, programme_owner, programme_state
from helpers.persons import sentence_persons
from helpers.proposalterms import announces_terms, states_term, term_cues
from helpers.sides import with_sides
from helpers.subjects import (
    BACKWARD_SENTENCES,
    SentenceContext,
    cue_actors,
    group_named,
    inverted_subject,
    sentence_lists,
    sentence_pair,
    sentence_subjects,
)
from helpers.tables import concat_or_empty
from helpers.tokenize import by_document
from helpers.voices import (
    WHOLE_QUOTE,
    attributed,
    continued_quote_claims,
    quote_speakers,
    quoted_claims,
    reported_claims,
)

POSITION_COLUMNS = [
    "doc_id", "sent_id", "holder", "voice", "actor", "lever", "direction", "stance", "cue",
    "action", "quote", "cue_type", "actor_source", "source",
]  # fmt: skip
OTHER = "other"


# -- per sentence, per document ----------------------------------------------------------------


def sentence_claims(ctx: SentenceContext, levers: Levers | None = None) -> list[Claim]:
    """Claims in one sentence (``ctx.mentions`` has columns actor, s, e: sentence offsets).

    Questions and "Should X happen, …" conditions give none (they still end the action of
    the cue before them).
    """
    text = ctx.text
    found = cues.find_cues(text)
    imperative = imperative_cue(text)
    if imperative and not any(c.start < imperative.end for c in found):
        found.insert(0, imperative)
    if ctx.terms:  # "North Korea would halt …" after "Consider what a deal might look like."
        found = sorted([*found, *term_cues(text, found)], key=lambda c: c.start)
    masked = cues.mask_quotes(text)
    consequence = consequence_cue(ctx, masked, levers)  # wins over a "could" proposal
    if consequence and not cues.reported_speech(masked, consequence):
        rest = [c for c in found if c.kind != "proposal" or not cues.overlap(c, consequence)]
        if not any(cues.overlap(c, consequence) for c in rest):
            found = sorted([*rest, consequence], key=lambda c: c.start)
    orders = [cues.word_order(masked, cue) for cue in found]
    conditional = any(order == "condition" for order, _ in orders)
    claims = []
    for i, (cue, (order, negative)) in enumerate(zip(found, orders, strict=True)):
        if order in ("question", "condition"):
            continue
        next_start = found[i + 1].start if i + 1 < len(found) else len(text)
        inverted = inverted_subject(ctx, cue) if order else None
        if inverted:
            actors, source, subject_end = inverted
        else:
            actors, source = cue_actors(ctx, cue)
            subject_end = None
        if cue.kind == "proposal" and not _proposes(ctx, source):
            continue
        action, side, clause = action_and_scope(text, cue, next_start, subject_end)
        stance = stance_of(text, cue, side, negative, conditional, clause)
        if stance == "support" and cue.kind == "modal" and _disavowed(text, cue):
            stance = "oppose"  # "None of this means Washington should stop talking to Beijing"
        action, side, stance = unresisted(action, side, stance)
        claims.append(Claim(cue, tuple(actors), source, action, side, clause, stance))
    claims = attributed(ctx, claims) + reported_claims(ctx) + quoted_claims(ctx)
    claims += continued_quote_claims(ctx)
    return with_sides(ctx, claims, levers) if levers is not None else claims


PROPOSERS = ("subject", "pronoun")


def _disavowed(text: str, cue: cues.Cue) -> bool:
    """True when the writer disowns the prescription ("I am not arguing that X should …")."""
    return cues.DISAVOWED.search(text, 0, cue.start) is not None


def _proposes(ctx: SentenceContext, source: str) -> bool:
    """True when a "could" cue's subject is an actor (``source`` says how its actors were
    found: named, or a pronoun for one) in a sentence that is no question and no if-clause:
    "Seoul could scale back the exercises"."""
    return source in PROPOSERS and not re.match(r"\s*(?:if|when|unless|whether)\b", ctx.text, re.I)


def extract_positions(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    actors: Actors,
    levers: Levers,
    addressee: str,
    lever_words: LeverWords | None = None,
    title_addressee: bool = True,
    issuer: str = "",
) -> pd.DataFrame:
    """positions.csv rows for the documents in ``sentences`` (see the module docstring).

    ``mentions`` are find_mentions rows for the same sentences; ``addressee`` (a canonical
    actor of ``actors``) is the actor of imperatives and subject-less prescriptions, unless
    ``title_addressee`` and a document's title prescribes to another actor by name ("Seoul
    Should Not Trade THAAD for Tourists": the rest of that article addresses Seoul);
    ``lever_words`` the fallback for claims no lever pattern matches (None: "other");
    ``issuer`` the government whose executive office wrote the documents
    (``helpers.issuers``): the positions they report it holding are the author's own.
    """
    if addressee not in actors.canonical:
        raise InputError(f"addressee {addressee!r} is not an actor in the actors table")
    groups = actors.groups
    rows: list[list] = []
    own = by_document(mentions)
    for doc_id, doc in sentences.sort_values(["doc_id", "sent_id"]).groupby("doc_id", sort=True):
        doc_mentions = own.get(doc_id, mentions[:0])
        rows.extend(
            _document_rows(
                doc_id,
                doc,
                doc_mentions,
                levers,
                addressee,
                groups,
                lever_words,
                title_addressee,
                issuer,
            )  # fmt: skip
        )
    return pd.DataFrame(_tidy(rows), columns=POSITION_COLUMNS)


def _document_rows(
    doc_id, doc, mentions, levers: Levers, addressee, groups, lever_words=None, from_title=True,
    issuer="",
) -> list[list]:  # fmt: skip
    by_sentence = _mentions_by_sentence(doc, mentions)
    named_in_doc = tuple(dict.fromkeys(mentions["actor"]))
    words = change_words()
    previous: list[list[str]] = []  # nearest first, as far back as subjects look
    persons: list[list[str]] = []  # the same for person mentions ("he", "she")
    subjects: list[list[str]] = []  # and for subject-position actors ("it")
    pairs: list[list[str]] = []  # and for the pair "A and B" a sentence names ("the allies")
    lists: list[list[list[str]]] = []  # the lists "A, B and C" of every sentence before
    speakers: list[str] = []  # who speaks the quotation still open ("…,” X said. “…”)
    terms = False  # the sentence is in the run of a proposal's terms
    rows: list[list] = []
    earlier = ("", "")  # the previous sentence and the one before (levers of "that offer")
    rows_before: list[list] = []  # and its rows ("That is welcome" evaluates them)
    paragraphs = doc["para_id"] if "para_id" in doc.columns else pd.Series(0, index=doc.index)
    paragraph, in_paragraph = None, 0  # the title is a paragraph of its own
    for sent_id, text, para_id in zip(doc["sent_id"], doc["text"], paragraphs, strict=True):
        first_row = len(rows)
        local = by_sentence.get(sent_id, NO_MENTIONS)
        here = "title" if int(sent_id) == TITLE_SENT_ID else para_id
        in_paragraph, paragraph = (in_paragraph + 1 if here == paragraph else 0), here
        ctx = SentenceContext(str(text), local, tuple(previous), addressee, groups, tuple(persons),
                              tuple(subjects), tuple(pairs), tuple(lists),
                              tuple(speakers), terms, in_paragraph,
                              _policy_before(rows_before, subjects))  # fmt: skip
        source = "title" if int(sent_id) == TITLE_SENT_ID else "text"
        found = sentence_claims(ctx, levers)
        if not found and source == "title" and not QUESTION_TITLE.match(str(text)):
            # "China Vows … Over Drone Sale": read it as prose
            ctx = replace(ctx, text=sentence_case(str(text), local))
            found = sentence_claims(ctx, levers)
        if source == "title" and from_title and (called := _vocative(str(text), local, found)):
            addressee = called  # "Take the Submarines, Seoul, …": the article addresses Seoul
            ctx = replace(ctx, addressee=called)
            found = sentence_claims(ctx, levers)
        for claim in map(partial(_issued, issuer=issuer), found):
            pointing = _consequence_pointing(claim, str(text))  # "It would …": the policy before
            if echoed := _evaluated_before(claim, str(text), rows_before, pointing):
                rows += _echo_rows(echoed, claim, sent_id, text, pointing)
                continue
            for lever, match, scope, since, origin, shared, until in _claim_levers(
                claim, levers, str(text), earlier, lever_words, pointing
            ):
                if claim.cue.kind == "proposal" and (
                    origin != "phrase" or scope != claim.action_side
                ):
                    continue  # "could" proposes only an action that names a lever
                direction = lever_direction(scope, match, claim.stance, words, since, shared, until)
                if origin == "phrase" and _named_before_action(claim, scope, match, str(text)):
                    # "they began the exercises …, and should not cancel them": cancel decides
                    direction = action_direction(claim.action_side, match, claim.stance, words,
                                                 direction)  # fmt: skip
                if origin == "anaphor":  # "that offer": the direction the sentence before gave
                    said = _direction_said(rows_before, lever) or _direction_in(
                        _pointed_sentence(earlier, levers), lever, levers, words
                    )
                    direction = anaphor_direction(scope, claim.stance, words, said)
                elif origin == "keywords":
                    direction = anaphor_direction(scope, claim.stance, words)
                actors = _lever_actors(claim, lever, local, previous, addressee)
                if origin == "phrase":
                    owned = programme_owner(actors, lever, match, scope, str(text), local)
                    if owned == actors and _names_no_actor(claim, scope):
                        owned = programme_state(actors, lever, match, scope, str(text), local,
                                                previous, named_in_doc)  # fmt: skip
                    actors = owned
                actors = _relief_granter(actors, claim, lever, direction, addressee)
                actors = _exercise_holders(actors, claim, lever, ctx)
                for actor in _with_exercise_partners(actors, claim, lever, ctx):
                    rows.append(
                        [doc_id, int(sent_id), claim.holder, claim.voice, actor, lever,
                         direction, claim.stance, claim.cue.text, claim.action, text,
                         claim.cue.kind, claim.source, source]
                    )  # fmt: skip
        if source == "title" and from_title:
            addressee = _title_addressee(found, addressee)
        terms = announces_terms(str(text)) or (terms and (bool(found) or states_term(str(text))))
        earlier = (str(text), earlier[0])
        rows_before = rows[first_row:]
        previous = [list(dict.fromkeys(local["actor"])), *previous][:BACKWARD_SENTENCES]
        persons = [sentence_persons(str(text), local), *persons][:BACKWARD_SENTENCES]
        subjects = [_with_main_subject(found, sentence_subjects(str(text), local)),
                    *subjects][:BACKWARD_SENTENCES]  # fmt: skip
        pairs = [sentence_pair(str(text), local), *pairs][:BACKWARD_SENTENCES]
        lists = [sentence_lists(str(text), local), *lists]
        if not WHOLE_QUOTE.fullmatch(str(text)):  # a quotation going on keeps its speaker
            speakers = quote_speakers(ctx)
    return rows


def _policy_before(rows_before: list[list], subjects: list[list[str]]) -> bool:
    """True when "it" can point at a policy of the sentence before: it holds an author's
    claim, or it names no actor as its subject ("Then there is the military option")."""
    return any(r[2] == AUTHOR for r in rows_before) or not (subjects and subjects[0])


def _issued(claim: Claim, issuer: str) -> Claim:
    """A position the issuing government's statement reports that government holding ("The
    Secretary reaffirmed the ironclad U.S. commitment …") as the author's own."""
    if issuer and claim.holder == issuer and claim.voice == "reported":
        return replace(claim, holder=AUTHOR, voice=AUTHOR)
    return claim


def _pointed_sentence(earlier: tuple[str, str], levers: Levers) -> str:
    """The sentence an anaphor points back to: the previous one (``earlier[0]``), or when it
    names no lever and the one before it does, that one ("Seoul offered talks. Tokyo is wary.
    Washington should take Seoul up on that offer")."""
    before, older = earlier
    return older if not levers.named_in(before) and levers.named_in(older) else before


def _names_no_actor(claim: Claim, scope: str) -> bool:
    """True when the claim's actors are not named as its agent (``DEFAULT_SOURCES``) and the
    lever phrase lies in its action ("Seoul should keep its commitment to the treaty" names
    Seoul; "a verifiable freeze should come first" names no one)."""
    own = OWN.search(claim.cue.text)  # "Seoul reaffirmed its commitment to the NPT": its own
    return scope == claim.action_side and claim.source.startswith(DEFAULT_SOURCES) and not own


def _with_main_subject(claims: list[Claim], subjects: list[str]) -> list[str]:
    """A sentence's subject actors with the one actor of its first prescription whose subject
    is a name or a pronoun first ("First, it should let the licences lapse …, where China is
    behind": the "it" of the next sentence is the same government, not China)."""
    main = next((c.actors for c in claims if c.source in ("subject", "pronoun")), ())
    if len(main) != 1 or main[0] == OTHER:
        return subjects
    return [main[0], *(a for a in subjects if a != main[0])]


PRONOUN_OBJECT = re.compile(r"\s*\w+ (?:them|it|those|these)\b", re.I)  # "cancel them"


def _named_before_action(claim: Claim, scope: str, match: LeverMatch, text: str) -> bool:
    """True when a lever phrase found outside the action lies before the cue and the action's
    verb takes it back as a pronoun ("The allies began the exercises, and they should not
    cancel them")."""
    if scope == claim.action_side or claim.cue.side != "after":
        return False
    if not PRONOUN_OBJECT.match(claim.action_side):
        return False
    at = text.find(scope)
    return at >= 0 and at + match.end <= claim.cue.start


def _title_addressee(claims: list[Claim], addressee: str) -> str:
    """The actor a title's prescription names as its subject, when there is just one ("Seoul
    Should Not Send Weapons to Kyiv": the article's imperatives and subject-less prescriptions
    are Seoul's), else ``addressee``."""
    named = {
        actor
        for c in claims
        if c.holder == AUTHOR and c.cue.kind in ("modal", "imperative") and c.source == "subject"
        for actor in c.actors
    }
    return named.pop() if len(named) == 1 and OTHER not in named else addressee


def _vocative(text: str, local, claims: list[Claim]) -> str:
    """The one actor an imperative sentence addresses by name between commas ("Take the
    Submarines, Seoul, and Leave Enrichment for Later"), else ""."""
    if not any(c.cue.kind == "imperative" for c in claims):
        return ""
    called = {
        actor
        for actor, s, e in zip(local["actor"], local["s"], local["e"], strict=True)
        if re.search(r",\s*$", text[:s]) and re.match(r"\s*(?:,|[.!]?\s*$)", text[e:])
    }
    return called.pop() if len(called) == 1 and OTHER not in called else ""


QUESTION_TITLE = re.compile(
    r"\s*(?:who|what|why|how|where|when|which|whose|will|can|should)\b", re.I
)


def sentence_case(title: str, mentions) -> str:
    """A headline in Title Case as prose ("Seoul Says It May Reconsider Arms" → "Seoul says it
    may reconsider arms"): every word but the first and the actor names lower-cased, offsets
    kept."""
    names = list(zip(mentions["s"], mentions["e"], strict=True))
    out, first = list(title), True
    for word in re.finditer(r"[A-Za-z][\w'’-]*", title):
        if first:
            first = False
            continue
        inside = any(s <= word.start() < e for s, e in names)
        if not inside and not re.fullmatch(r"[A-Z]{2,}\w*|[A-Z]", word[0]):  # NATO, U.S. kept
            out[word.start() : word.end()] = word[0].lower()
    return "".join(out)


# an evaluation whose whole subject points back: "That is welcome", "This would be a mistake"
DEMONSTRATIVE_SUBJECT = re.compile(rf"{LEAD}(?:that|this)\s*", re.I)
# a consequence whose subject points at the claim before: "It would hurt …", "Worse, it would"
POINTING_CONSEQUENCE = re.compile(rf"{LEAD}(?:\w+,\s*)?{POINTING_PRONOUN.pattern}\s*", re.I)


def _evaluated_before(
    claim: Claim, text: str, rows_before: list[list], pointing: bool = False
) -> list[list]:
    """The rows of the sentence before that an author's evaluation with a demonstrative
    subject judges ("Both governments want no escalation. That is welcome."), or that a
    ``pointing`` consequence goes on judging ("… would be a mistake. It would hurt …"), else []."""
    if claim.holder != AUTHOR or claim.cue.kind not in ("approval", "rejection"):
        return []
    if claim.cue.side != "before":  # "That militates against X": X is what is judged
        return []
    if not pointing and not DEMONSTRATIVE_SUBJECT.fullmatch(text[: claim.cue.start]):
        return []
    return [row for row in rows_before if row[5] != OTHER]


def _consequence_pointing(claim: Claim, text: str) -> bool:
    """True for a consequence cue (``helpers.consequences``) whose subject is "it" or "both":
    it judges the policy of the sentence before, what its claim judged ("… would be a
    mistake. It would hurt …") or the lever it names, never a lever of its own."""
    return bool(MODAL.fullmatch(claim.cue.text)) and bool(
        POINTING_CONSEQUENCE.fullmatch(text[: claim.cue.start])
    )


def _echo_rows(
    echoed: list[list], claim: Claim, sent_id, text, goes_on: bool = False
) -> list[list]:
    """One row per (actor, lever) the evaluation judges: the direction the sentence before
    gave, reversed by a rejection; ``goes_on``: the evaluation goes on judging what the claim
    before judged ("… would be a mistake. It would hurt …"), so only a change of side
    reverses it."""
    out, seen = [], set()
    for row in echoed:
        key = (row[4], row[5])
        if key in seen:
            continue
        seen.add(key)
        against = (claim.stance == "oppose") != (goes_on and row[7] == "oppose")
        direction = FLIP[row[6]] if against else row[6]
        out.append([row[0], int(sent_id), claim.holder, claim.voice, row[4], row[5], direction,
                    claim.stance, claim.cue.text, claim.action, text, claim.cue.kind,
                    "the sentence before (that)", "text"])  # fmt: skip
    return out


TITLE_SENT_ID = 0  # a title given as sentence 0 (``with_titles``) is a claim like any other
# levers a government holds over its own people: a claim on them whose subject names no actor
# ("Political prisoners should be released", "The release of … is a step in the right
# direction") is about the foreign government the sentence, else the one before, names
OWN_PEOPLE_LEVERS = frozenset({"human rights"})
# what the government holding its people does ("Releasing the prisoners would be a start")
OWN_PEOPLE_GERUND = re.compile(
    r"(?:releas|free|respect|restor|allow|acknowledg|end|lift|stopp|ceas|hold)ing$", re.I
)
# levers a government holds over its own weapons programme: a freeze, a test ban or inspections
# whose subject names no actor ("A verified freeze is better than a fantasy") is the foreign
# government's act, as is the gerund of its own step ("Freezing the reactor would be a start")
OWN_PROGRAMME_LEVERS = frozenset(
    {"denuclearization", "testing and proliferation", "inspections and verification"}
)
OWN_PROGRAMME_GERUND = re.compile(
    r"(?:freez|dismantl|halt|stopp|ceas|destroy|declar|abandon|giv|test|launch|enrich|build"
    r"|expand|cap|shutt|clos)ing$",
    re.I,
)
UNNAMED_GOVERNMENT = re.compile(r"\bthe (?:regime|government|authorities|junta)\b", re.I)


def _lever_actors(claim: Claim, lever: str, local, previous: list[list[str]], addressee: str):
    """The claim's actors, or for an ``OWN_PEOPLE_LEVERS`` lever with no actor in the subject
    (the addressee by default, not an authorial "we") the foreign states named nearby."""
    fallback = (claim.source.startswith("addressee") and claim.source != "addressee (we)") or (
        claim.actors == (OTHER,) and UNNAMED_GOVERNMENT.search(claim.cue.text)
    )  # "urging the regime to respect …": the regime is the government named nearby
    if lever not in OWN_PEOPLE_LEVERS | OWN_PROGRAMME_LEVERS or not fallback:
        return claim.actors
    if lever in OWN_PROGRAMME_LEVERS and claim.source == "addressee (imperative)":
        return claim.actors  # "Negotiate a pact forbidding testing": the addressee negotiates
    own_act = OWN_PEOPLE_GERUND if lever in OWN_PEOPLE_LEVERS else OWN_PROGRAMME_GERUND
    gerund = re.match(r"\s*(\w+ing)\b", claim.action)
    if claim.source == "addressee (gerund subject)" and gerund and not own_act.match(gerund[1]):
        return claim.actors  # "Addressing the DPRK's abuses remains a priority": the addressee
    for named in (list(dict.fromkeys(local["actor"])), *previous[:1]):
        foreign = [a for a in named if a not in (addressee, "other")]
        if foreign:
            return tuple(foreign)
    return claim.actors


def _relief_granter(actors, claim: Claim, lever: str, direction: str, addressee: str):
    """A reported holder who wants less of sanctions it suffers ("Havana has demanded an end to
    the embargo", "What Chinese officials want is the removal of the tariffs", "China firmly
    opposes unilateral sanctions") wants them lifted by the one who imposes them: the
    addressee, not the holder itself."""
    wants_relief = lever == "sanctions" and direction == "less"
    suffers = claim.voice != AUTHOR and claim.holder != addressee
    if wants_relief and suffers and tuple(actors) == (claim.holder,):
        return (addressee,)
    return actors


REPORTED_SOURCES = ("holder", "object", "counterpart")  # Claim.source of another's act
# Claim.source of actors not named as the action's agent: a default, a holder, a pronoun
DEFAULT_SOURCES = ("addressee", *REPORTED_SOURCES, "judged party", "pronoun")

# exercises two armies hold together: "the joint exercises should continue"
JOINT_EXERCISES = re.compile(
    r"\b(?:joint|combined|allied|bilateral)\s+(?:[\w-]+\s+){0,2}?(?:exercises|drills|training)\b",
    re.I,
)


def _exercise_holders(actors, claim: Claim, lever: str, ctx: SentenceContext) -> tuple:
    """``actors``, or for military exercises that a reported holder or object, not the acting
    subject, stands for and none of them holds (North Korea "demanded that the drills be
    scrapped") the members of the allies group of actors.csv, when the sentence or the ones
    before name them all ("Beijing should cancel its drills" stays Beijing's)."""
    allies = group_named("allies", ctx.groups)
    if lever != "military exercises" or allies is None:
        return tuple(actors)
    if not claim.source.startswith(REPORTED_SOURCES):
        return tuple(actors)
    if any(a in allies.members for a in actors):
        return tuple(actors)
    near = _named_nearby(ctx)
    if not all(m in near for m in allies.members):
        return tuple(actors)
    return tuple(allies.members)


def _named_nearby(ctx: SentenceContext) -> set[str]:
    """The actors the sentence or the ones before it (``ctx.previous``) name."""
    return {*ctx.mentions["actor"], *(a for named in ctx.previous for a in named)}


def _with_exercise_partners(actors, claim: Claim, lever: str, ctx: SentenceContext) -> tuple:
    """``actors``, and for joint exercises held by the addressee alone by default ("the joint
    exercises should continue") its partners in the allies group of actors.csv that the text
    names nearby (Washington and Seoul in Korea commentary)."""
    if lever != "military exercises" or tuple(actors) != (ctx.addressee,):
        return tuple(actors)
    if not claim.source.startswith("addressee") or not JOINT_EXERCISES.search(ctx.text):
        return tuple(actors)
    near = _named_nearby(ctx)
    allies = group_named("allies", ctx.groups)
    if allies is None or ctx.addressee not in allies.members:
        return tuple(actors)
    partners = [m for m in allies.members if m != ctx.addressee and m in near]
    return (*actors, *partners)


def change_words() -> ChangeWords:
    """The change-word classes of data/reference/directions.csv, read once per process."""
    global _WORDS
    if _WORDS is None:
        _WORDS = load_change_words()
    return _WORDS


_WORDS: ChangeWords | None = None


NO_MENTIONS = empty_table()


def _mentions_by_sentence(doc: pd.DataFrame, own: pd.DataFrame) -> dict[int, MentionTable]:
    """One document's mentions per sent_id, with offsets (s, e) relative to the sentence."""
    starts = own["sent_id"].map(dict(zip(doc["sent_id"], doc["start"], strict=True)))
    group = own["group"] if "group" in own.columns else pd.Series("", index=own.index)
    kind = own["kind"] if "kind" in own.columns else pd.Series("", index=own.index)
    local = pd.DataFrame({"actor": own["actor"], "s": own["start"] - starts,
                          "e": own["end"] - starts, "sent_id": own["sent_id"],
                          "group": group.fillna(""), "kind": kind.fillna("")})  # fmt: skip
    return tables_by_sentence(local)


class LeverFind(NamedTuple):
    """One lever of a claim: its phrase (None unless named), the text it was found in, the end
    of the lever phrase before it, and how it was found (phrase, anaphor, keywords, none)."""

    lever: str
    match: LeverMatch | None
    scope: str
    since: int
    origin: str
    shared: int = 0  # the start of the lever phrase before it (its verb may govern this one)
    until: int | None = None  # the start of the lever phrase after it


def _claim_levers(
    claim: Claim,
    levers: Levers,
    sentence: str,
    earlier: tuple[str, str] = ("", ""),
    lever_words: LeverWords | None = None,
    pointing: bool = False,
) -> list[LeverFind]:
    """The levers of a claim: those of the action side, else of the cue's clause, else of the
    sentence, else those of the sentence before an anaphor points to (``earlier``: the two
    sentences before, see ``_pointed_sentence``), else the lever
    ``lever_words`` proposes for the action side, else for the clause, else "other". A lever's
    phrase is its first, or its first naming a reduction ("American forces would return
    home"). ``pointing`` (``_consequence_pointing``): only the sentence before's, else none."""
    for scope in (
        () if pointing else (claim.action_side, claim.clause, sentence[claim.scope_start :])
    ):
        found = levers.matches(scope)
        if found:
            out = []
            cue_end = _cue_end_in(claim, sentence, scope)
            for lever in dict.fromkeys(m.lever for m in found):
                own = [m for m in found if m.lever == lever]
                match = next((m for m in own if m.polarity == "less"), own[0])
                prior = max((m for m in found if m.end <= match.start), key=lambda m: m.end,
                            default=None)  # fmt: skip
                since = prior.end if prior else 0
                if cue_end <= match.start:  # 'said the U.S. "strongly condemns" the launch'
                    since = max(since, cue_end)
                shared = prior.start if prior and since == prior.end else since
                out.append(LeverFind(lever, match, scope, since, "phrase", shared,
                                     _next_start(found, match)))  # fmt: skip
            return out
    side = claim.action_side
    if _points_back(claim, sentence) and (
        named := levers.named_in(_pointed_sentence(earlier, levers))
    ):
        return [LeverFind(lever, None, side, 0, "anaphor") for lever in named]  # "that offer"
    if pointing:
        return []
    if lever_words is not None:
        for scope in (claim.action_side, claim.clause):
            if proposed := lever_words.propose(scope):
                return [LeverFind(proposed, None, side, 0, "keywords")]
    return [LeverFind(OTHER, None, side, 0, "none")]


def _next_start(found: list[LeverMatch], match: LeverMatch) -> int | None:
    """The start of the lever phrase after ``match`` among ``found`` (None if it is the last):
    where the words read after ``match`` for its change end."""
    return min((m.start for m in found if m.start >= match.end), default=None)


def _cue_end_in(claim: Claim, sentence: str, scope: str) -> int:
    """The end of the claim's cue within ``scope`` (a clause or the sentence holding it), so
    that the cue's own verb is no change word of the levers after it; 0 for the action side."""
    if scope is claim.action_side:
        return 0
    at = sentence.find(scope)
    inside = 0 <= at <= claim.cue.start and claim.cue.end <= at + len(scope)
    return claim.cue.end - at if inside else 0


# an action that names its policy by pointing back: "that offer should be withdrawn", "join
# that effort", "doing so would …": its levers are those the sentence before names
ANAPHOR = re.compile(
    r"\b(?:that|this|these|those|such(?: an?)?|the same) (?:\w+ )?(?:offers?|efforts?|approach"
    r"|polic(?:y|ies)|methods?|steps?|plans?|ideas?|proposals?|strateg(?:y|ies)|course|measures?"
    r"|moves?|options?|path|process|commitments?|terms|demands?|initiatives?)\b"
    r"|\b(?:do|doing|did|does) (?:so|that)\b|\bsuch an? \w+|\b(?:keep|keeps|kept) at it\b",
    re.I,
)


def _points_back(claim: Claim, sentence: str) -> bool:
    """True when the claim names its policy by pointing back: an anaphor in its clause ("that
    offer", "such a mechanism", "keep at it"), a reported verb whose object is "it" or "them"
    ("Beijing would welcome it"), or an evaluation whose whole subject is "That", "This", "It"
    or "They" ("That is the wrong way to begin", "It would be a gift to Beijing")."""
    if ANAPHOR.search(claim.clause):
        return True
    if claim.cue.kind == "reported" and POINTING_OBJECT.match(claim.action_side):
        return True  # "Beijing would welcome it", "Manila called it an act of aggression"
    return claim.cue.kind in ("approval", "rejection") and bool(
        POINTING_SUBJECT.fullmatch(sentence[: claim.cue.start])
    )


POINTING_OBJECT = re.compile(r"\s*(?:it|them)\b", re.I)
POINTING_SUBJECT = re.compile(rf"{LEAD}(?:that|this|it|they|these|those|both)\s*", re.I)


def anaphor_direction(action: str, stance: str, words: ChangeWords, earlier: str = "") -> str:
    """Direction on a lever an anaphor points back to: the direction the sentence before gives
    it (``earlier``), reversed when the action names a reduction ("withdraw that offer"), else
    the action's change word, else more; reversed by a rejection ("Iran will expand
    enrichment. Such steps would be counterproductive": more denuclearization); none when the
    stance is neutral."""
    if stance == "neutral":
        return "none"
    head = head_of(action)
    change = change_before(head, len(head), words)
    # "withdraw that offer" (of lifting sanctions): less of less is more
    reversed_earlier = FLIP[earlier] if earlier and change == "less" else earlier
    direction = reversed_earlier or change or "more"
    return FLIP[direction] if stance == "oppose" else direction


def _direction_said(rows: list[list], lever: str) -> str:
    """The direction the action of the first of ``rows`` (a sentence's rows) gives ``lever``,
    as if supported (a rejected action's is the reverse of the row's), else ""."""
    row = next((row for row in rows if row[LEVER] == lever), None)
    if row is None:
        return ""
    return FLIP[row[6]] if row[STANCE] == "oppose" else row[6]


def _direction_in(text: str, lever: str, levers: Levers, words: ChangeWords) -> str:
    """The direction ``text`` gives ``lever`` at its first phrase, as if supported ("" if
    the text does not name it)."""
    found = levers.matches(text)
    for i, match in enumerate(found):
        if match.lever == lever:
            since, shared = (found[i - 1].end, found[i - 1].start) if i else (0, 0)
            until = _next_start(found, match)
            return lever_direction(text, match, "support", words, since, shared, until)
    return ""


KEY, LEVER, STANCE = (0, 1, 2, 4), 5, 7  # positions of (doc, sentence, holder, actor) in a row


def _tidy(rows: list[list]) -> list[list]:
    """One row per (doc, sentence, holder, actor, lever), the first cue that takes a side
    winning (a neutral "don't have to" yields to "would need to"); "other" only if alone."""
    seen: set[tuple] = set()
    kept = []
    for row in sorted(rows, key=lambda r: r[STANCE] == "neutral"):  # stable: order kept
        key = (*(row[k] for k in KEY), row[LEVER])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    named = {tuple(row[k] for k in KEY) for row in kept if row[LEVER] != OTHER}
    kept = [r for r in kept if r[LEVER] != OTHER or tuple(r[k] for k in KEY) not in named]
    return sorted(kept, key=lambda r: (*(r[k] for k in KEY), r[LEVER]))


def positions_for_corpus(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    actors: Actors,
    levers: Levers,
    addressee: str,
    overrides: dict[str, str] | None = None,
    titles: dict[str, str] | None = None,
    lever_words: LeverWords | None = None,
    issuers: dict[str, str] | None = None,
) -> pd.DataFrame:
    """extract_positions per document, with ``overrides`` (doc_id → addressee) applied (else
    the addressee a title names, see extract_positions) and ``issuers`` (doc_id → the
    government that issued it, ``helpers.issuers.issuing_governments``);
    ``titles`` (doc_id → title) are read as sentence 0 of their document (source "title");
    ``lever_words``: the keyword fallback for claims no lever pattern matches."""
    overrides = overrides or {}
    unknown = sorted(set(overrides) - set(sentences["doc_id"]))
    if unknown:
        raise InputError(f"addressee_overrides names unknown doc_id(s) {unknown}")
    if titles:
        sentences, mentions = with_titles(sentences, mentions, titles, actors)
    own = by_document(mentions)
    groups = [
        (
            doc,
            own.get(doc_id, mentions[:0]),
            actors,
            levers,
            overrides.get(doc_id, addressee),
            lever_words,
            doc_id not in overrides,  # an analyst's addressee is kept, whatever the title says
            (issuers or {}).get(doc_id, ""),
        )
        for doc_id, doc in sentences.groupby("doc_id", sort=True)
    ]
    return concat_or_empty(map_documents(extract_positions, groups), POSITION_COLUMNS)


def title_sentences(sentences: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """``sentences`` with each document's non-empty title first, as sentence 0 (para 0,
    offsets 0 … len(title): a title is not part of the cleaned body)."""
    docs = sorted(set(sentences["doc_id"]))
    rows = [
        (d, TITLE_SENT_ID, 0, 0, len(t), t) for d in docs if (t := (titles.get(d) or "").strip())
    ]
    heads = pd.DataFrame(rows, columns=["doc_id", "sent_id", "para_id", "start", "end", "text"])
    return concat_or_empty([heads, sentences[heads.columns]], list(heads.columns))


def with_titles(
    sentences: pd.DataFrame, mentions: pd.DataFrame, titles: dict[str, str], actors: Actors
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(sentences with titles as sentence 0, mentions with the titles' mentions added)."""
    table = title_sentences(sentences, titles)
    heads = table[table["sent_id"] == TITLE_SENT_ID]
    found = document_mentions(heads, actors)
    named = headline_names(heads, mentions, found)
    if len(named):  # "Lee Presses Xi …" once the body names President Lee and Xi Jinping
        found = pd.concat([found, named], ignore_index=True)
        found = found.sort_values(["doc_id", "sent_id", "start", "actor"], ignore_index=True)
    return table, concat_or_empty([found, mentions], list(mentions.columns))
