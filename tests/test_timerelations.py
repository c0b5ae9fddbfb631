"""Issue 14's links and spans on synthetic sentences with the repository's catalog: shifted
and opened spans, anniversaries, event boundaries, events named by description, decades with
apostrophes, deictics and expressions relative to the previous date in the text."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.corpus import parse_document
from helpers.paths import reference_file
from helpers.timeline import extract_timeline, read_events, resolve_anchor
from helpers.tokenize import sentences_for_doc

EVENTS = read_events(reference_file("events.csv"))


def rows(*texts: str, anchor: str | None = "2020-11-19") -> list[tuple]:
    """(expression, start, end, event_id) of ``texts`` read as one document."""
    sentences, offset = [], 0
    for i, text in enumerate(texts, start=1):
        sentences.append(["doc", i, i, offset, offset + len(text), text])
        offset += len(text) + 2
    table = extract_timeline(
        pd.DataFrame(sentences, columns=["doc_id", "sent_id", "para_id", "start", "end", "text"]),
        anchor,
        EVENTS,
    )
    return [(r.expression, r.start, r.end, r.event_id) for r in table.itertuples()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prior to spring 2018, in advance of the Trump-Kim summit, Beijing kept away.",
         [("Prior to spring 2018", "", "2018-03-01", ""),
          ("Trump-Kim summit", "2018-06-12", "2018-06-12", "singapore_2018")]),
        ("Before 2016 the talks had stalled.", [("Before 2016", "", "2016-01-01", "")]),
        ("After mid-2017 the mood changed.", [("After mid-2017", "2017-08-31", "", "")]),
        ("Talks have been suspended since 2009.", [("since 2009", "2009-01-01", "2020-11-19", "")]),
        ("Nothing moved until late 2019.", [("until late 2019", "", "2019-12-31", "")]),
    ],
)  # fmt: skip
def test_prepositions_shift_or_open_the_span_and_open_spans_link_nothing(text, expected):
    assert rows(text) == expected


def test_a_date_shared_with_an_event_is_not_a_reference_to_it():
    assert rows(
        "Four years ago she emphasized the importance of additional sanctions.",
        "In 2016 and 2017 the PRC sharply tightened sanctions enforcement.",
        "In recent weeks the Council adopted two new sanctions resolutions.",
        anchor="2017-09-28",
    ) == [
        ("Four years ago", "2013-01-01", "2013-12-31", ""),
        ("2016 and 2017", "2016-01-01", "2017-12-31", "sanctions_2016_2017"),
        ("In recent weeks", "2017-08-31", "2017-09-28", "sanctions_2016_2017"),
    ]  # fmt: skip


def test_a_keyword_links_only_in_its_own_clause():
    assert rows("An aide recalled this week; the parade showed a new missile.",
                anchor="2020-10-10") == [("this week", "2020-10-05", "2020-10-11", "")]  # fmt: skip


def test_an_event_inside_the_span_wins_over_a_longer_period():
    assert rows("It is the border which Mao's China went to war to prevent in 1950.") == [
        ("1950", "1950-01-01", "1950-12-31", "pva_enters_korea")
    ]


def test_anniversaries_resolve_from_founding_dates_and_link_the_event_they_mark():
    assert rows(
        "Pyongyang marked the 75th anniversary of the founding of the Workers' Party today.",
        anchor="2020-10-10",
    ) == [
        ("the 75th anniversary of the founding of the Workers' Party", "2020-10-10", "2020-10-10",
         "wpk_parade_2020"),
        ("today", "2020-10-10", "2020-10-10", ""),
    ]  # fmt: skip
    assert rows("On the 70th anniversary of the armistice the peninsula will be divided.") == [
        ("the 70th anniversary of the armistice", "2023-07-27", "2023-07-27", "korean_war")
    ]


def test_the_end_of_a_period_is_its_last_day_and_keeps_the_anniversary_in_its_note():
    table = extract_timeline(
        pd.DataFrame([["d", 1, 1, 0, 60, "The parade marked the 70th anniversary of the end of "
                       "World War II."]],
                     columns=["doc_id", "sent_id", "para_id", "start", "end", "text"]),
        "2020-11-19", EVENTS,
    )  # fmt: skip
    (row,) = table.itertuples()
    assert (row.expression, row.start, row.end, row.event_id) == (
        "the end of World War II", "1945-09-02", "1945-09-02", "wwii"
    )  # fmt: skip
    assert row.note == "the 70th anniversary: 2015-09-02"


@pytest.mark.parametrize(
    ("text", "event_id"),
    [
        ("The first Trump-Kim meeting produced a vague statement.", "singapore_2018"),
        ("The collapse of the Hanoi talks should surprise nobody.", "hanoi_2019"),
        ("There were three high-profile summits in 2018 and 2019.", "trump_kim_summits"),
    ],
)
def test_events_named_by_description_link_to_the_catalog(text, event_id):
    assert [r[3] for r in rows(text)] == [event_id]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The record of the 1990's is mixed.", [("1990's", "1990-01-01", "1999-12-31", "")]),
        ("In the early 1990s they talked.", [("early 1990s", "1990-01-01", "1993-12-31", "")]),
        ("By the late '90s it was fraying.", [("late '90s", "1997-01-01", "1999-12-31", "")]),
        ("Back in the '10s it was calm.", [("'10s", "2010-01-01", "2019-12-31", "")]),
    ],
)
def test_decades_with_apostrophes_and_parts(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Within the next three months the winner must decide.",
         [("Within the next three months", "2020-10-10", "2021-01-10", "")]),
        ("Three years from now it will be divided.",
         [("Three years from now", "2023-01-01", "2023-12-31", "")]),
        ("It depends on decisions made this winter.",
         [("this winter", "2020-12-01", "2021-02-28", "")]),
        ("It was hot this summer.", [("this summer", "2020-06-01", "2020-08-31", "")]),
        ("The test came earlier this month.",
         [("earlier this month", "2020-10-01", "2020-10-10", "")]),
        ("An official said so this week.", [("this week", "2020-10-05", "2020-10-11", "")]),
    ],
)  # fmt: skip
def test_forward_and_part_of_unit_deictics(text, expected):
    assert rows(text, anchor="2020-10-10") == expected


def test_relative_expressions_count_from_the_previous_date_in_the_text():
    assert rows(
        "The deal was signed in October 1994.",
        "Two years later Congress balked, and a few months later it stalled.",
        "The talks stalled in 2019.",
        "That summer Kim Jong-un met Donald Trump at the DMZ.",
        "The first Trump-Kim meeting came, and the eight months that followed produced nothing.",
    ) == [
        ("October 1994", "1994-10-01", "1994-10-31", ""),
        ("Two years later", "1996-01-01", "1996-12-31", ""),
        ("a few months later", "", "", ""),
        ("2019", "2019-01-01", "2019-12-31", ""),
        ("That summer", "2019-06-01", "2019-08-31", "dmz_2019"),
        ("first Trump-Kim meeting", "2018-06-12", "2018-06-12", "singapore_2018"),
        ("the eight months that followed", "2018-06-12", "2019-02-12", ""),
    ]  # fmt: skip


def test_a_relative_expression_without_an_earlier_date_stays_unresolved_with_a_note():
    table = extract_timeline(
        pd.DataFrame([["d", 1, 1, 0, 30, "Two years later it collapsed."]],
                     columns=["doc_id", "sent_id", "para_id", "start", "end", "text"]),
        "2020-11-19", EVENTS,
    )  # fmt: skip
    (row,) = table.itertuples()
    assert (row.expression, row.start, row.resolved) == ("Two years later", "", False)
    assert "earlier date" in row.note


PARADE_ARTICLE = """Pyongyang Shows Its Newest Missile

October 10, 2020 Topic: North Korea Region: Asia

Pyongyang marked the 75th anniversary of the founding of the Workers' Party with a night-time
parade. Analysts counted more launchers than ever before.
"""


def test_a_new_article_on_the_party_anniversary_links_to_the_october_2020_parade(tmp_path):
    path = tmp_path / "parade-article.txt"
    path.write_text(PARADE_ARTICLE, encoding="utf-8")
    doc = parse_document(path, None)
    sentences = sentences_for_doc(doc.doc_id, doc.text, doc.paragraphs)
    anchor, source = resolve_anchor(doc.record["dateline"], doc.record["published"])
    table = extract_timeline(sentences, anchor, EVENTS)
    assert (anchor, source) == ("2020-10-10", "dateline")
    assert [(r.expression, r.start, r.event_id) for r in table.itertuples()] == [
        ("the 75th anniversary of the founding of the Workers' Party", "2020-10-10",
         "wpk_parade_2020"),
    ]  # fmt: skip


def test_a_pattern_group_named_end_names_the_last_day_of_its_period():
    assert rows("The armistice was signed at Panmunjom.") == [
        ("armistice", "1953-07-27", "1953-07-27", "korean_war")
    ]
    assert rows("The Korean War was long.") == [
        ("Korean War", "1950-06-25", "1953-07-27", "korean_war")
    ]
