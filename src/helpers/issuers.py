"""Who issues a government statement: a document whose author is an executive office ("U.S.
Department of State", "Joseph R. Biden, President of the United States", "Linda
Thomas-Greenfield, U.S. Representative to the United Nations") speaks for that office's
government, so what it reports that government doing or wanting ("The Secretary reaffirmed
the ironclad U.S. commitment …", "The United States strongly condemned today's launch") is
the author's own position, not a reported one (data/dev/README.md: "the issuing government
writing in its own name is the author"). Legislators ("Sen.", "Rep.") and researchers are no
executive office: their reports of the administration stay reported.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.actors import Actors, alias_prefilter, spans_in

EXECUTIVE_OFFICE = re.compile(
    r"\b(?:Department of (?:State|Defen[cs]e|the Treasury)|Secretary of (?:State|Defen[cs]e"
    r"|the Treasury)|Mission to the (?:United Nations|UN)|Representative (?:to|for) (?:the )?"
    r"(?:United Nations|UN)|Special Representative|President of|White House|Spokes(?:person"
    r"|man|woman)|Office of the|Trade Representative|Ambassador|Foreign Ministry"
    r"|Ministry of Foreign Affairs)\b",
    re.I,
)
# an actor named after these words is the office's brief, not its government ("Special
# Representative for North Korea Policy"); after "President of" it is the government
BRIEF = re.compile(r"\b(?:for|to|on)\s+(?:the\s+)?$", re.I)


def issuing_governments(documents: pd.DataFrame, actors: Actors, addressee: str) -> dict[str, str]:
    """doc_id → the canonical actor whose executive office wrote the document (documents.csv
    ``author``): the one state its author names outside the office's brief, else
    ``addressee`` when it names none ("Lloyd J. Austin III, Secretary of Defense"); documents
    of no executive office, or naming several states, are left out."""
    prefilter = alias_prefilter(actors.aliases)
    issuers = {}
    authors = documents["author"].fillna("").astype(str)
    for doc_id, author in zip(documents["doc_id"], authors, strict=True):
        if not EXECUTIVE_OFFICE.search(author):
            continue
        named = {
            alias.actor
            for s, _, alias in spans_in(author, actors.aliases, prefilter)
            if alias.kind in ("state", "person") and not BRIEF.search(author[:s])
        }
        if len(named) <= 1:
            issuers[str(doc_id)] = next(iter(named), addressee)
    return issuers
