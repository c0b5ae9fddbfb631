"""Government statements speak in their own voice: ``helpers.issuers`` and the positions it
turns from reported to the author's."""

from __future__ import annotations

import pandas as pd

from helpers.actors import find_mentions, load_actors
from helpers.issuers import issuing_governments
from helpers.positions import load_levers, positions_for_corpus
from tests.conftest import sentences_of

ACTORS = load_actors()
AUTHORS = {
    "state": "U.S. Department of State",
    "whitehouse": "Joseph R. Biden, President of the United States",
    "envoy": "Sung Kim, Special Representative for North Korea Policy",
    "usun": "Linda Thomas-Greenfield, U.S. Representative to the United Nations",
    "mfa": "Chinese Ministry of Foreign Affairs",
    "senate": "Sen. Ben Cardin, Ranking Member, Senate Foreign Relations Committee",
    "oped": "synthetic (written for this set)",
}


def test_an_executive_office_issues_for_its_government_and_a_legislator_does_not():
    documents = pd.DataFrame({"doc_id": list(AUTHORS), "author": list(AUTHORS.values())})
    assert issuing_governments(documents, ACTORS, "United States") == {
        "state": "United States",
        "whitehouse": "United States",
        "envoy": "United States",  # North Korea is the envoy's brief, not his government
        "usun": "United States",
        "mfa": "China",
    }


def holders(issuers: dict[str, str]) -> set[tuple[str, str, str]]:
    sentences = sentences_of(
        "The Secretary of State reaffirmed the ironclad U.S. commitment to the defense of Japan."
    )
    mentions = find_mentions(sentences, ACTORS)
    rows = positions_for_corpus(
        sentences, mentions, ACTORS, load_levers(), "United States", issuers=issuers
    )
    return set(zip(rows["holder"], rows["voice"], rows["lever"], strict=True))


def test_the_issuing_governments_reported_position_is_the_authors_own():
    lever = "alliance commitments and deterrence"
    assert holders({}) == {("United States", "reported", lever)}
    assert holders({"syn": "United States"}) == {("author", "author", lever)}
    assert holders({"syn": "China"}) == {("United States", "reported", lever)}
