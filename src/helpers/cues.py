"""The language of prescription: cue patterns and the clause rules the positions module uses.

These are rules of English, not knowledge about any article; what is about the world (actors,
policy levers) lives in data/reference/. Every pattern is matched case-insensitively.

Cue types (``side`` = where the action phrase is, relative to the cue):

- ``modal``: should, must, ought to, had better, (will/would/…) have/need to, has/needs to;
  the actor is the cue's subject; "don't have to"/"need not" are marked ``not_required``.
- ``for-clause``: "it is (long) overdue / time / essential for X to", "another reason for X to";
  the actor is X (or the addressee when there is no "for X").
- ``approach``: "the starting point would be to", "… would offer a good starting point",
  "… might be one approach", "the best way to X is to", "… demonstrates the need for",
  "… is not an argument against X" (support for X).
- ``offer``: "an American offer to/of …" in a hedged sentence (might/could/would/may/should);
  the actor is the one named just before "offer".
- ``rejection``: "has failed" (not "has failed to": an actor failing to act), "has no chance
  of succeeding", "would be a terrible idea", "is a mistake", "now is the wrong time to",
  "is unlikely to go far",
  "is not in X's interest", "militates against" … (stance oppose).
- ``imperative``: a sentence that opens (after adverbials such as "In return", "Perhaps even")
  with a base-form policy verb and no subject; the actor is the addressee.

An epistemic modal ("should surprise nobody", "should be obvious by now", "should come as no
surprise") says what ought to be evident, not what anyone ought to do: no cue.

Word order of a modal (``word_order``): "question" when the sentence ends with "?" and the
modal comes before its subject ("Should Washington …?", "Why should America …?", "Does Seoul
have to …?") or its subject is a question word ("Who should pay …?"); "condition" for a
declarative "Should talks fail, …"; "inverted" after "nor", "neither", "never", "so", "only
then" … ("Nor should Washington …": the subject follows the modal). A lead of "neither"/"nor"
("Neither Washington nor Beijing should …") negates the modal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.cuerules import APOS, CUE_FILTER, CUE_RULES, CueRule, _rule, _words  # noqa: F401

# epistemic "should": what ought to be evident or expected, not what anyone ought to do
EPISTEMIC = re.compile(
    r"^\s*(?:(?:anyone|anybody|we|they|you|one) )?(?:\w+ly )?(?:surprise|astonish|shock|startle"
    r"|reassure|worry|alarm|puzzle|baffle"
    r"|come as (?:no |a |little )?(?:surprise|shock)|be (?:\w+ly )?(?:obvious|clear|evident"
    r"|apparent|plain|no surprise|unsurprising|self-evident|noted|remembered|expected|said"
    r"|stressed|added|admitted|conceded|surprised|astonished|shocked|fooled)"
    r"|have (?:been )?(?:obvious|clear|expected|known|surprised)|tell \w+ (?:something|a lot"
    r"|much)|pretend|imagine|assume|suppose|kid (?:ourselves|themselves|itself)|doubt)\b"
    r"|^\s*be\s*[.;!]",
    re.I,
)
NEGATED_MODAL = re.compile(rf"(?:n{APOS}t|\bnot|\bnever)\b", re.I)
DELIBERATIVE = re.compile(
    r"^\s*(?:decide|consider|determine|weigh|assess|ask (?:itself|themselves))\b", re.I
)
CONDITIONAL = re.compile(
    r"\b(?:in exchange for|in return|only if|provided(?: that)?|on (?:the )?condition"
    r"|as long as|so long as|unless|only (?:with|after|when|once|in the context of))\b"
    # a linkage or price: "depending on how far it goes", "as the price of any dialogue",
    # "tie the next tranche to verifiable action", "should Iran not uphold its end"
    r"|\b(?:depend(?:s|ing)? on|as events dictate|as the price (?:of|for)|a condition (?:of|for)"
    r"|while (?:the )?(?:talks|negotiations) (?:continue|last|are under way))\b"
    r"|\b(?:tie|ties|tied|tying|link|links|linked|linking) (?:[\w’'-]+ ){1,6}?to(?= \w)"
    r"|\bshould (?-i:[A-Z])[\w-]+ not\b"
    # not a concessive ", if civil," or ", if an incomplete one"
    r"|(?<!even )(?<!as )\bif\b(?! (?:not )?\w+(?:ly)?,| an? [\w-]+(?: [\w-]+)? one\b)"
    r"|\buntil\b(?! (?:\d|now|then|recently|the (?:end|start)\b))"
    r"|\bafter (?:the |an? )?(?:\w+ )?\w+(?:ion|ment|ance)\b"
    r"|\b(?:after|once|before) (?:the )?(?-i:[A-Z][\w.’'-]*\s){1,3}(?!has\b|is\b|was\b)[a-z]+s\b"
    r"|\bonce (?:the |its |their |a )?\w+ (?:are|is|has|have|agrees?|returns?|stops?)\b",
    re.I,
)
# a prescription the writer disowns: "I am not arguing that Washington should recognise …",
# "None of this means Washington should stop talking to Beijing" (what follows is rejected)
DISAVOWED = re.compile(
    rf"\b(?:(?:I|we) (?:am|are|was|were|do|did)(?: not|n{APOS}t) (?:arguing|saying|suggesting"
    r"|proposing|claiming|recommending)|(?:none of this|this|that|it) (?:does not|doesn't"
    rf"|doesn’t|need not) mean|none of this (?:means|implies)|that is not to say)"
    r"(?: that)?\s[^.;:!?]*$",
    re.I,
)
HEDGE = re.compile(r"\b(?:might|could|would|may|should)\b", re.I)
REPORTED = re.compile(
    r"\b(?P<who>\w+) (?:(?:has|have|had) )?(?:\w+ly )?(?:said|says|say|argued|argues|argue"
    r"|insisted|insists|insist|claimed|claims|claim|believes?|believed|warned|warns|warn"
    r"|wrote|writes|told \w+"
    r"|tells \w+|tell \w+|suggested|suggests|suggest|thinks|think|thought|contended|contends"
    r"|contend|stated|states|declared|declares)(?: \w+ly)?(?: that\b| (?=(?:he|she|they|it|the"
    r"|this|these|those|\w+ (?:should|must|would|will|could|need|needs|has|have))\b))",
    re.I,
)

# clause structure
SOFT_BOUNDARY = re.compile(r"[,—–(]")
HARD_BOUNDARY = re.compile(
    r"[;:()]|\b(?:but|that|which|who|because|while|whereas|although|though|if|when|unless)\b",
    re.I,
)
CONNECTIVES = re.compile(
    r"^(?:(?:thus|indeed|however|moreover|therefore|yet|and|so|still|also|then|finally"
    r"|first|second|third|in short|in sum|of course|at the same time|in that way|in this way"
    r"|instead|meanwhile|nevertheless|nonetheless|similarly|likewise|as a result|in addition"
    r"|besides|again|now|perhaps|even|simply|rather)\b[,\s]*)+",
    re.I,
)
ACTION_END = re.compile(
    r"[,;:—–?!()]|\.\s*$|\b(?:in exchange for|in return|if|unless|which|so that)\b", re.I
)
PREPOSITIONS = _words(
    "of from with to toward towards against on in by for than between over about at into upon"
    " under amid among without within despite like unlike except around near across throughout"
    " inside along beyond off"
)
DETERMINERS = _words("the a an both this that these those")
PLURAL_PHRASE = (
    r"(?:the|these|those|both)(?: two| three)? (?:governments|countries|sides|nations|capitals"
    r"|leaders|powers|parties|states|allies|partners|officials|ministers|presidents)|the two"
    r"|the three|both|they"
    r"|neither(?: of them| of the two| side| government| country| capital| party| leader)"
)
PLURAL_REFERENCE = re.compile(rf"^(?:{PLURAL_PHRASE})$", re.I)
# the authorial "we" of an op-ed is the country it addresses, never the actors just named
AUTHORIAL_WE = re.compile(  # "we also", "we again", "my government" (a statement's own)
    r"^(?:we|us|we all|all of us|(?:my|our) (?:government|country))"
    r"(?: (?:are|were|have|had|will|would|do|did|have been|had been))?"
    r"(?: (?:also|again|once again|further|still|therefore|thus|jointly|strongly|hereby))?$",
    re.I,
)
COORDINATED_WE = re.compile(r"\b(?:we (?:and|or)|(?:and|or|nor) we)\b", re.I)
# "X, not Y, should" / "X rather than Y should": the "not Y" phrase is no subject
CONTRAST = re.compile(r"^(?:and |but )?(?:not|rather than|instead of|as opposed to)\b", re.I)
EXCLUDING = _words("not")  # right before an actor, puts it outside the subject
SINGULAR_PRONOUN = re.compile(r"^(?:it|he|she)$", re.I)
NOT_GERUNDS = _words(
    "nothing something anything everything during according regarding being king thing"
    " morning evening spring including excluding concerning following notwithstanding"
)
MAX_ACTION_WORDS = 14
# "Washington’s allies": a possessor is not its own ally, partner or rival
RELATIONAL_NOUNS = _words(
    "allies ally partners partner friends friend neighbors neighbours neighbor neighbour"
    " rivals rival adversaries adversary enemies enemy foes foe opponents opponent critics"
    " critic clients client proxies proxy patrons patron protectors protector"
)

# word order: questions and inversions
QUESTION_END = re.compile(r"\?[\s”’\"')\]]*$")
LEAD_BOUNDARY = re.compile(
    r"[,;:()—–]|\b(?:but|that|because|while|whereas|although|though|if|when|unless)\b", re.I
)
INTERROGATIVES = _words("why how what when where who whom whose which")
RELATIVES = _words("who whom whose which")  # interrogative only at the start of a sentence
AUXILIARIES = _words(
    "do does did is are was were will would can could shall may might has have had"
)
SUBJECT_STARTERS = _words("we they it he she you i the a an")
INVERSION = re.compile(
    r"^(?:and )?(?:(?P<negative>nor|neither|never|under no circumstances|in no case"
    r"|on no account|at no (?:point|time))|so|only then|only so|not only)$",
    re.I,
)
NEGATIVE_LEAD = re.compile(r"^(?:and )?(?:neither|nor)\b", re.I)
OBLIGATION = re.compile(r"\b(?:have|has|need|needs) to$", re.I)  # negated: not required
# the subject right after an inverted modal: actors joined by these words, or a pronoun
SUBJECT_JOINER = re.compile(r"[\s,]*(?:(?:the|and|or|nor|both)\b[\s,]*)*", re.I)
SUBJECT_PRONOUN = re.compile(rf"\s*(?:{PLURAL_PHRASE}|we|it|he|she)\b", re.I)


# -- detection -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """One cue found in a sentence (offsets into the sentence text)."""

    kind: str
    side: str
    start: int
    end: int
    text: str
    stance: str = ""
    slot: tuple[int, int] | None = None


def overlap(a: Cue, b: Cue) -> bool:
    """True when two cues share a character of the sentence."""
    return a.start < b.end and b.start < a.end


def mask_quotes(text: str) -> str:
    """``text`` with quoted passages blanked (same length), so quoted cues are not the author's.

    A sentence that opens or closes a quotation it does not finish is masked to its end/start.
    Single-word scare quotes (“nothing”) are blanked too, harmlessly.
    """
    if "“" not in text and "”" not in text and '"' not in text:
        return text  # most sentences quote nothing
    chars = list(text)
    inside = _quote_state_at_start(text)
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and not inside):
            inside = True
            continue
        if ch == "”" or (ch == '"' and inside):
            inside = False
            continue
        if inside:
            chars[i] = " "
    return "".join(chars)


def _quote_state_at_start(text: str) -> bool:
    """True when the sentence closes a quote it never opened (it starts inside a quote)."""
    first_close, first_open = text.find("”"), text.find("“")
    return first_close != -1 and (first_open == -1 or first_close < first_open)


def find_cues(text: str) -> list[Cue]:
    """Non-imperative cues in a sentence, longest first on overlap, by position."""
    masked = mask_quotes(text)
    found = []
    for rule in (CUE_RULES[i] for i in CUE_FILTER.candidates(masked)):
        for m in rule.regex.finditer(masked):
            slot = m.span("slot") if "slot" in rule.regex.groupindex and m["slot"] else None
            found.append(
                Cue(
                    rule.kind,
                    rule.side,
                    m.start(),
                    m.end(),
                    text[m.start() : m.end()],
                    rule.stance,
                    slot,
                )
            )
    found.sort(key=lambda c: (c.start - c.end, c.start))
    kept: list[Cue] = []
    for cue in found:
        if all(cue.end <= k.start or cue.start >= k.end for k in kept):
            kept.append(cue)
    kept = [
        c
        for c in kept
        if not reported_speech(masked, c) and _valid_offer(masked, c) and not _epistemic(masked, c)
    ]
    return sorted(kept, key=lambda c: c.start)


def reported_speech(masked: str, cue: Cue) -> bool:
    """True when the cue sits in reported speech ("Biden said that he should …")."""
    return any(
        m.end() <= cue.start and m["who"].lower() not in ("i", "we")
        for m in REPORTED.finditer(masked)
    )


def _epistemic(masked: str, cue: Cue) -> bool:
    """True for an epistemic "should" ("should surprise nobody", "should be obvious") or the
    writer's own discourse ("I should be precise about …", "I should add that …")."""
    if cue.kind != "modal":
        return False
    if WRITER_DISCOURSE.match(masked[cue.end :]) and re.search(r"\bI\s*$", masked[: cue.start]):
        return True
    if DEMONSTRATIVE_BEFORE.search(masked[: cue.start]) and EFFECT_AFTER.match(masked[cue.end :]):
        return True  # "That should make China nervous", "this should be no faster"
    return bool(EPISTEMIC.match(masked[cue.end :]))


# "that"/"this" standing alone as the subject of "should", and the effect it should have: what
# a state of affairs ought to bring about, not what anyone ought to do
DEMONSTRATIVE_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but|yet|so)\s+)(?:that|this)\s*$", re.I)
EFFECT_AFTER = re.compile(
    r"\s*(?:\w+ly )?(?:make|makes|cushion|soften|give|be no|be enough|concern|trouble|please"
    r"|remind|prompt|encourage|focus|tell)\b",
    re.I,
)


# what a writer says of their own text after "I should/must": no position on a policy
WRITER_DISCOURSE = re.compile(
    r"\s*(?:also |first |perhaps )?(?:be (?:precise|clear|candid|frank|honest|upfront|explicit)"
    r"|say|add|note|admit|confess|concede|acknowledge|disclose|stress|emphasi[sz]e|point out"
    r"|explain|clarify|declare)\b",
    re.I,
)


def _valid_offer(masked: str, cue: Cue) -> bool:
    """An offer cue needs a hedged sentence and a determiner + one word before "offer"."""
    if cue.kind != "offer":
        return True
    before = masked[: cue.start].split()
    return (
        bool(HEDGE.search(masked))
        and len(before) >= 2
        and before[-2].lower() in ("a", "an", "the", "this", "one", "any")
    )


def word_order(masked: str, cue: Cue) -> tuple[str, bool]:
    """(order, negative) of a modal cue in a quote-masked sentence (see the module docstring).

    order is "" (subject then modal), "question", "condition" or "inverted"; negative is True
    when a "neither"/"nor"/"never" lead negates the modal.
    """
    if cue.kind != "modal":
        return "", False
    raw, at_start = _lead(masked, cue.start)
    lead = CONNECTIVES.sub("", raw, count=1).strip()
    trigger = INVERSION.match(raw)
    negative = bool(trigger and trigger["negative"]) or bool(NEGATIVE_LEAD.match(raw))
    inverted = bool(trigger) or (not lead and (at_start or _subject_follows(masked, cue.end)))
    first = lead.split()[0].lower() if lead else ""
    asks = first in AUXILIARIES or (
        first in INTERROGATIVES and (at_start or first not in RELATIVES)
    )
    if QUESTION_END.search(masked) and (inverted or asks):
        return "question", negative
    if inverted and not trigger:
        return ("condition" if cue.text.lower().startswith("should") else ""), negative
    return ("inverted" if inverted else ""), negative


def _lead(masked: str, at: int) -> tuple[str, bool]:
    """The words between the last clause edge and ``at``, and whether no edge precedes them."""
    edge = 0
    for m in LEAD_BOUNDARY.finditer(masked[:at]):
        edge = m.end()
    return " ".join(re.findall(r"[\w’'-]+", masked[edge:at])), edge == 0


def _subject_follows(masked: str, at: int) -> bool:
    """True when the word after ``at`` opens a subject (a name or a pronoun/article)."""
    m = re.match(r"\s+([\w’']+)", masked[at:])
    return bool(m) and (m[1][0].isupper() or m[1].lower() in SUBJECT_STARTERS)
