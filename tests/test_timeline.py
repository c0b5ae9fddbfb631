"""helpers.timeline and helpers.views.timeline: each rule on synthetic sentences with exact
spans, negatives that must not match, the catalog, anchors, linking, the seeds and the chart."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers.catalog import (
    EVENT_COLUMNS,
    EventCatalog,
    catalog_path,
    compile_catalog,
    read_events,
)
from helpers.contract import check_contract
from helpers.corpus import parse_document
from helpers.errors import InputError
from helpers.manifest import read_manifest
from helpers.paths import REPO_ROOT, reference_file
from helpers.timeline import (
    document_anchors,
    extract_corpus_timeline,
    extract_timeline,
    parse_anchor,
    resolve_anchor,
    tag_sentence,
)
from helpers.tokenize import sentences_for_doc
from helpers.views.timeline import audit_table, episode_table, kind_counts

RAW = REPO_ROOT / "data" / "raw"
NO_EVENTS = EventCatalog.from_table(pd.DataFrame(columns=EVENT_COLUMNS))


def sentence_rows(*texts: str, doc_id: str = "doc") -> pd.DataFrame:
    """Sentence rows for ``texts`` as if they were one cleaned text joined by blank lines."""
    rows, offset = [], 0
    for i, text in enumerate(texts, start=1):
        rows.append([doc_id, i, i, offset, offset + len(text), text])
        offset += len(text) + 2
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "para_id", "start", "end", "text"])


def tag(text: str, anchor: str | None = "2020-11-19", events=NO_EVENTS) -> list[tuple]:
    table = extract_timeline(sentence_rows(text), anchor, events)
    return [(r.expression, r.start, r.end, r.granularity) for r in table.itertuples()]


def event_row(event_id, start, end, kind="event", patterns="", keywords="", episode=""):
    return [event_id, event_id.replace("_", " "), start, end, kind, patterns, keywords, episode,
            "https://example.org/source", ""]  # fmt: skip


def catalog(*rows) -> pd.DataFrame:
    return pd.DataFrame([event_row(*r) for r in rows], columns=EVENT_COLUMNS)


# -- rules: exact spans ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was November 19, 2020.", [("November 19, 2020", "2020-11-19", "2020-11-19", "day")]),
        ("On 3 September 2015 they marched.",
         [("3 September 2015", "2015-09-03", "2015-09-03", "day")]),
        ("Dated Nov. 3, 2021 and 2020-10-10.",
         [("Nov. 3, 2021", "2021-11-03", "2021-11-03", "day"),
          ("2020-10-10", "2020-10-10", "2020-10-10", "day")]),
        ("Kim was in Beijing March 25–28, 2018.",
         [("March 25–28, 2018", "2018-03-25", "2018-03-28", "day")]),
        ("They met 7-8 May 2018.", [("7-8 May 2018", "2018-05-07", "2018-05-08", "day")]),
        ("By November 2020 it was over.",
         [("November 2020", "2020-11-01", "2020-11-30", "month")]),
        ("In early October 2020 it rained.",
         [("early October 2020", "2020-10-01", "2020-10-10", "month-part")]),
        ("In spring 2018, nothing.", [("spring 2018", "2018-03-01", "2018-05-31", "season")]),
        ("In the fall of 2019 and winter 2018.",
         [("fall of 2019", "2019-09-01", "2019-11-30", "season"),
          ("winter 2018", "2017-12-01", "2018-02-28", "season")]),
        ("When I visited in mid-2017 it was hot.",
         [("mid-2017", "2017-05-01", "2017-08-31", "year-part")]),
        ("Beijing intervened in late 1950.",
         [("late 1950", "1950-09-01", "1950-12-31", "year-part")]),
        ("By early 2018 and the end of 2017.",
         [("early 2018", "2018-01-01", "2018-04-30", "year-part"),
          ("end of 2017", "2017-09-01", "2017-12-31", "year-part")]),
        ("They survived famine in the 1990s.", [("1990s", "1990-01-01", "1999-12-31", "decade")]),
        ("In the late 1950s.", [("late 1950s", "1957-01-01", "1959-12-31", "decade")]),
        ("In 1950 China went to war.", [("1950", "1950-01-01", "1950-12-31", "year")]),
        ("She attended the 2015 parade.", [("2015", "2015-01-01", "2015-12-31", "year")]),
        ("In 2016 and 2017 sanctions tightened.",
         [("2016 and 2017", "2016-01-01", "2017-12-31", "year")]),
        ("In 2016–17, 2016-2017 and 1950-53.",
         [("2016–17", "2016-01-01", "2017-12-31", "year"),
          ("2016-2017", "2016-01-01", "2017-12-31", "year"),
          ("1950-53", "1950-01-01", "1953-12-31", "year")]),
        ("From 1950 to 1953, and between 2016 and 2019.",
         [("1950 to 1953", "1950-01-01", "1953-12-31", "year"),
          ("2016 and 2019", "2016-01-01", "2019-12-31", "year")]),
        ("In 2016 and 2019 there were tests.",
         [("2016", "2016-01-01", "2016-12-31", "year"),
          ("2019", "2019-01-01", "2019-12-31", "year")]),
        ("In 2016 people protested.", [("2016", "2016-01-01", "2016-12-31", "year")]),
    ],
)  # fmt: skip
def test_calendar_rules_give_exact_spans(text, expected):
    assert tag(text) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Four years ago she spoke.", "2020-11-19",
         [("Four years ago", "2016-01-01", "2016-12-31", "year")]),
        ("It began 70 years ago.", "2020-11-19",
         [("70 years ago", "1950-01-01", "1950-12-31", "year")]),
        ("It began 70 years ago.", "2020-11",
         [("70 years ago", "1950-01-01", "1950-12-31", "year")]),
        ("Two decades ago, three months ago.", "2020-11-19",
         [("Two decades ago", "2000-01-01", "2000-12-31", "year"),
          ("three months ago", "2020-08-01", "2020-08-31", "month")]),
        ("Much has changed over the last four years.", "2020-11-19",
         [("over the last four years", "2016-11-19", "2020-11-19", "year")]),
        ("In the past decade.", "2020-11-19",
         [("In the past decade", "2010-11-19", "2020-11-19", "decade")]),
        ("They recently admonished Beijing.", "2020-11",
         [("recently", "2019-11-01", "2020-11-30", "vague")]),
        ("In recent years hostility grew.", "2020-11-19",
         [("In recent years", "2015-11-19", "2020-11-19", "vague")]),
        ("Last year, next month and yesterday.", "2020-11-19",
         [("Last year", "2019-01-01", "2019-12-31", "year"),
          ("next month", "2020-12-01", "2020-12-31", "month"),
          ("yesterday", "2020-11-18", "2020-11-18", "day")]),
        ("Its October military parade showed missiles.", "2020-11-19",
         [("October", "2020-10-01", "2020-10-31", "month")]),
        ("Its October military parade showed missiles.", "2021-03",
         [("October", "2020-10-01", "2020-10-31", "month")]),
        ("In November and last November.", "2020-11-19",
         [("November", "2020-11-01", "2020-11-30", "month"),
          ("last November", "2019-11-01", "2019-11-30", "month")]),
        ("Talks resume in May; next March.", "2020-11-19",
         [("May", "2020-05-01", "2020-05-31", "month"),
          ("next March", "2021-03-01", "2021-03-31", "month")]),
        ("They met on June 12 and December 25.", "2020-11-19",
         [("June 12", "2020-06-12", "2020-06-12", "day"),
          ("December 25", "2019-12-25", "2019-12-25", "day")]),
    ],
)  # fmt: skip
def test_anchored_rules_give_exact_spans(text, anchor, expected):
    assert tag(text, anchor) == expected


def test_relative_rows_are_flagged_and_absolute_ones_not():
    table = extract_timeline(
        sentence_rows("Four years ago, in 2015, in October."), "2020-11-19", NO_EVENTS
    )
    assert dict(zip(table["expression"], table["relative"], strict=True)) == {
        "Four years ago": True, "2015": False, "October": True,
    }  # fmt: skip
    assert table["resolved"].all() and set(table["anchor"]) == {"2020-11-19"}


def test_without_anchor_relative_rows_are_kept_unresolved_with_a_note():
    table = extract_timeline(sentence_rows("Four years ago, in October, in 2015."), None, NO_EVENTS)
    rows = {r.expression: r for r in table.itertuples()}
    assert set(rows) == {"Four years ago", "October", "2015"}
    for expression in ("Four years ago", "October"):
        row = rows[expression]
        assert (row.start, row.end, row.resolved, row.relative) == ("", "", False, True)
        assert "cannot be resolved" in row.note
    assert (rows["2015"].start, rows["2015"].resolved) == ("2015-01-01", True)


@pytest.mark.parametrize(
    "text",
    [
        "North Korea remains a problem for South Korea.",
        "The North fought COVID-19 and Pukguksong-4 was shown.",
        "It marked the 70th anniversary of the end of the war.",
        "Over 1,000 troops and 12,000 soldiers marched; 2000 soldiers stayed.",
        "Xi held the first of four meetings with Kim.",
        "Resolution 2071 and page 2016 are not years; neither is S/RES/2270.",
        "May I ask whether they will march? March forward!",
        "The October Revolution shaped June Carter's songs.",
        "Kim laid waste to Beijing's allies for years.",
        "It costs $2015 and 2019% more.",
        "A new Cold War and a second Korean War loom.",
    ],
)
def test_negatives_do_not_match(text):
    catalog_table = read_events(reference_file("events.csv"))
    assert tag(text, events=catalog_table) == []


def test_offsets_index_the_cleaned_text():
    texts = ("Nothing here.", "In 2016 and 2017 the PRC tightened sanctions; mid-2017 too.")
    table = extract_timeline(sentence_rows(*texts), "2020-11-19", NO_EVENTS)
    joined = "\n\n".join(texts)
    assert [joined[s:e] for s, e in zip(table["char_start"], table["char_end"], strict=True)] == [
        "2016 and 2017", "mid-2017",
    ]  # fmt: skip
    assert list(table["sent_id"]) == [2, 2]


# -- named events and linking ---------------------------------------------------------------------


def test_named_events_take_the_catalog_span_and_id():
    summit = "Singapore (?:summit|gathering)|Trump-Kim summit"
    events = catalog(("korean_war", "1950-06-25", "1953-07-27", "period", "Korean War"),
                     ("summit", "2018-06-12", "2018-06-12", "event", summit))  # fmt: skip
    text = "Since the Korean War, before the Singapore gathering and the Trump–Kim summit."
    table = extract_timeline(sentence_rows(text), None, EventCatalog.from_table(events))
    rows = [
        (r.expression, r.kind, r.start, r.end, r.event_id, r.granularity)
        for r in table.itertuples()
    ]
    assert rows == [
        ("Korean War", "period", "1950-06-25", "1953-07-27", "korean_war", "period"),
        ("Singapore gathering", "event", "2018-06-12", "2018-06-12", "summit", "day"),
        ("Trump–Kim summit", "event", "2018-06-12", "2018-06-12", "summit", "day"),
    ]  # fmt: skip


def test_keyword_links_an_overlapping_date_and_prefers_the_best_overlap():
    events = catalog(
        ("parade_2015", "2015-09-03", "2015-09-03", "event", "", "parades?"),
        ("parade_2020", "2020-10-10", "2020-10-10", "event", "", "parades?"),
        ("res_a", "2016-03-02", "2016-03-02", "event", "", "sanctions?"),
        ("tightening", "2016-03-02", "2017-12-22", "period", "", "sanctions?"),
    )
    table = extract_timeline(
        sentence_rows(
            "She viewed the 2015 parade.",
            "Its October military parade showed missiles.",
            "In 2016 and 2017 the PRC sharply tightened sanctions enforcement.",
            "In 2016 and 2017 nothing happened.",
            "In 2019 sanctions were relaxed.",
        ),
        "2020-11-19", EventCatalog.from_table(events),
    )  # fmt: skip
    assert list(table["event_id"]) == ["parade_2015", "parade_2020", "tightening", "", ""]


def test_a_named_event_links_overlapping_dates_in_its_sentence_only():
    events = catalog(
        ("summit", "2018-06-12", "2018-06-12", "event", "Trump-Kim summit", "sanctions?")
    )
    table = extract_timeline(
        sentence_rows(
            "Prior to spring 2018, in advance of the Trump-Kim summit, China agreed to sanctions.",
            "In 2010, before the Trump-Kim summit, things differed.",
            "In June 2018, at the Trump-Kim summit, they shook hands.",
            "In spring 2018 they talked.",
        ),
        "2020-11", EventCatalog.from_table(events),
    )  # fmt: skip
    assert [(r.expression, r.end, r.event_id) for r in table.itertuples()] == [
        ("Prior to spring 2018", "2018-03-01", ""), ("Trump-Kim summit", "2018-06-12", "summit"),
        ("2010", "2010-12-31", ""), ("Trump-Kim summit", "2018-06-12", "summit"),
        ("June 2018", "2018-06-30", "summit"), ("Trump-Kim summit", "2018-06-12", "summit"),
        ("spring 2018", "2018-05-31", ""),
    ]  # fmt: skip


# -- the catalog ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("x", "2018-06-12", "2018-06-12", "meeting"), "kind 'meeting'"),
        (("x", "2018-06-12", "2018-06-01"), "before start"),
        (("x", "12 June 2018", "2018-06-12"), "YYYY-MM-DD"),
        (("x", "2018-06-12", "2018-06-12", "event", "Singapore (summit"), "bad pattern"),
    ],
)
def test_bad_catalog_rows_fail_in_one_line_naming_the_event(row, message):
    with pytest.raises(InputError, match=re.escape(message)) as err:
        compile_catalog(catalog(row), "events.csv")
    assert "'x'" in str(err.value) and "\n" not in str(err.value)


def test_catalog_needs_unique_ids_and_sources(tmp_path):
    twice = catalog(("x", "2018-06-12", "2018-06-12"), ("x", "2019-06-12", "2019-06-12"))
    with pytest.raises(InputError, match="appears twice"):
        compile_catalog(twice)
    unsourced = catalog(("x", "2018-06-12", "2018-06-12")).assign(source="")
    with pytest.raises(InputError, match="needs an event_id and a source"):
        compile_catalog(unsourced)
    with pytest.raises(InputError, match="missing reference table"):
        read_events(tmp_path / "events.csv")


def test_reference_catalog_holds_the_verified_dates_with_sources():
    events = read_events(reference_file("events.csv")).table.set_index("event_id")
    spans = {i: (r.start, r.end) for i, r in events.iterrows()}
    assert spans["victory_day_parade_2015"] == ("2015-09-03", "2015-09-03")
    assert spans["unsc_2270"][0] == "2016-03-02" and spans["unsc_2321"][0] == "2016-11-30"
    assert spans["unsc_2371"][0] == "2017-08-05" and spans["unsc_2375"][0] == "2017-09-11"
    assert spans["unsc_2397"][0] == "2017-12-22"
    assert spans["inter_korean_2018_04"] == ("2018-04-27", "2018-04-27")
    assert spans["kim_xi_2018_03"] == ("2018-03-25", "2018-03-28")
    assert spans["singapore_2018"] == ("2018-06-12", "2018-06-12")
    assert spans["hanoi_2019"] == ("2019-02-27", "2019-02-28")
    assert spans["xi_pyongyang_2019"] == ("2019-06-20", "2019-06-21")
    assert spans["dmz_2019"] == ("2019-06-30", "2019-06-30")
    assert spans["wpk_parade_2020"] == ("2020-10-10", "2020-10-10")
    assert spans["korean_war"] == ("1950-06-25", "1953-07-27")
    assert {"cold_war", "wwii"} <= set(spans)
    assert events["source"].str.match(r"https?://\S+").all()


# -- anchors --------------------------------------------------------------------------------------


def test_parse_anchor_accepts_day_month_year_and_rejects_the_rest():
    assert (parse_anchor("2020-11").start.isoformat(), parse_anchor("2020-11").end.isoformat()) == (
        "2020-11-01", "2020-11-30",
    )  # fmt: skip
    assert parse_anchor("2020").end.isoformat() == "2020-12-31"
    assert parse_anchor(None) is None and parse_anchor("") is None
    for bad in ("19/11/2020", "2020-02-30", "November 2020"):
        with pytest.raises(InputError, match="anchor"):
            parse_anchor(bad)


def test_resolve_anchor_order_override_dateline_published():
    assert resolve_anchor("2020-11-19", "2020-11", "2020-12-01") == ("2020-12-01", "override")
    assert resolve_anchor("2020-11-19", "2020-11") == ("2020-11-19", "dateline")
    assert resolve_anchor(None, "2020-11") == ("2020-11", "published")
    assert resolve_anchor(None, float("nan")) == (None, "none")


def test_document_anchors_prefer_override_then_dateline_then_published():
    documents = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "dateline": ["2019-03-03", float("nan"), float("nan")],
         "published": ["2019-03-04", 2018, float("nan")]}
    )  # fmt: skip
    table = document_anchors(documents, {"c": "2021-01"})
    assert table[["doc_id", "anchor", "anchor_source"]].values.tolist() == [
        ["a", "2019-03-03", "dateline"], ["b", "2018", "published"], ["c", "2021-01", "override"],
    ]  # fmt: skip
    with pytest.raises(InputError, match=r"anchor_overrides: unknown doc_id\(s\) \['zz'\]"):
        document_anchors(documents, {"zz": "2020-01-01"})
    with pytest.raises(InputError, match=r"anchor_overrides\['a'\]"):
        document_anchors(documents, {"a": "soon"})


# -- the seeds ------------------------------------------------------------------------------------


def seed_timeline(name: str) -> tuple[pd.DataFrame, str]:
    """The timeline of one seed: parsed by helpers.corpus, split by helpers.tokenize."""
    path = RAW / name
    doc = parse_document(path, read_manifest(RAW / "manifest.csv").get(name))
    sentences = sentences_for_doc(doc.doc_id, doc.text, doc.paragraphs)
    anchor, _ = resolve_anchor(doc.record["dateline"], doc.record["published"])
    table = extract_timeline(sentences, anchor, read_events(reference_file("events.csv")))
    return table, doc.text


def test_seed_with_dateline_expressions():
    table, text = seed_timeline("nk-china-help.txt")
    assert set(table["anchor"]) == {"2020-11-19"}
    assert [(r.expression, r.start, r.end, r.event_id) for r in table.itertuples()] == [
        ("Four years ago", "2016-01-01", "2016-12-31", ""),  # a statement, not the tightening
        ("over the last four years", "2016-11-19", "2020-11-19", ""),
        ("Cold War", "1947-01-01", "1991-12-31", "cold_war"),
        ("late 1950", "1950-09-01", "1950-12-31", "pva_enters_korea"),
        ("In recent years", "2015-11-19", "2020-11-19", ""),
        ("2015", "2015-01-01", "2015-12-31", "victory_day_parade_2015"),
        ("the end of World War II", "1945-09-02", "1945-09-02", "wwii"),
        ("2016 and 2017", "2016-01-01", "2017-12-31", "sanctions_2016_2017"),
        ("mid-2017", "2017-05-01", "2017-08-31", ""),
        ("Trump-Kim summit", "2018-06-12", "2018-06-12", "singapore_2018"),
        ("Singapore gathering", "2018-06-12", "2018-06-12", "singapore_2018"),
        ("the Chinese leader visited Pyongyang", "2019-06-20", "2019-06-21", "xi_pyongyang_2019"),
        ("1990s", "1990-01-01", "1999-12-31", ""),
        ("1950", "1950-01-01", "1950-12-31", "pva_enters_korea"),  # "went to war ... in 1950"
    ]  # fmt: skip
    assert all(text[s:e] == x for s, e, x in table[["char_start", "char_end", "expression"]].values)
    assert "November 19, 2020" not in set(table["expression"])  # the dateline is not body text
    check_contract("timeline", table)


def test_seed_without_dateline_is_anchored_on_the_manifest_month():
    table, _ = seed_timeline("nk-proliferation-deal.txt")
    assert set(table["anchor"]) == {"2020-11"}
    assert [(r.expression, r.start, r.end, r.event_id) for r in table.itertuples()] == [
        ("October", "2020-10-01", "2020-10-31", "wpk_parade_2020"),
        ("Korean War", "1950-06-25", "1953-07-27", "korean_war"),
        ("Prior to spring 2018", "", "2018-03-01", ""),
        ("Trump-Kim summit", "2018-06-12", "2018-06-12", "singapore_2018"),
        ("Kim-Xi", "2018-03-25", "2019-06-21", "kim_xi_meetings"),
        ("recently", "2019-11-01", "2020-11-30", ""),
        ("Chinese intervention", "1950-10-19", "1950-10-19", "pva_enters_korea"),
        ("70 years ago", "1950-01-01", "1950-12-31", "pva_enters_korea"),
    ]  # fmt: skip
    assert not table["quote"].str.contains("COVID-19").any()  # its sentence has no date


def test_the_four_episodes_are_found_in_the_seeds_with_quotes():
    events = read_events(reference_file("events.csv"))
    timeline = pd.concat([seed_timeline(n)[0] for n in sorted(p.name for p in RAW.glob("*.txt"))])
    episodes = episode_table(timeline, events.table)
    found = episodes[episodes["found"]]
    for episode, cue in [("2015 parade", "2015 parade"), ("2016-17 sanctions tightening",
                         "tightened sanctions"), ("2018 summits", "Singapore gathering"),
                         ("October 2020 parade", "October military parade")]:  # fmt: skip
        quotes = found.loc[found["episode"] == episode, "quote"]
        assert quotes.str.contains(cue).any(), episode


# -- corpus, views and chart ----------------------------------------------------------------------


def test_corpus_timeline_uses_each_documents_anchor():
    sentences = pd.concat([sentence_rows("Four years ago.", doc_id="b"),
                           sentence_rows("Four years ago.", doc_id="a")])  # fmt: skip
    table = extract_corpus_timeline(sentences, {"a": "2020-11-19"}, NO_EVENTS)
    assert table[["doc_id", "start", "resolved"]].values.tolist() == [
        ["a", "2016-01-01", True], ["b", "", False],
    ]  # fmt: skip


def test_missing_sentence_columns_fail_in_one_line():
    with pytest.raises(InputError, match=r"sentences: missing column\(s\) \['text'\]"):
        extract_timeline(sentence_rows("x").drop(columns="text"), None, NO_EVENTS)


def chart_inputs() -> tuple[pd.DataFrame, pd.DataFrame]:
    events = catalog(("war", "1950-06-25", "1953-07-27", "period", "Korean War"),
                     ("parade", "2020-10-10", "2020-10-10", "event", "", "parades?"))  # fmt: skip
    sentences = pd.concat([
        sentence_rows("In 2016 and 2017 <b>sanctions</b> bit.", "Its October parade.",
                      doc_id="new-article"),
        sentence_rows("Since the Korean War.", doc_id="other"),
    ])  # fmt: skip
    catalog_ = EventCatalog.from_table(events)
    timeline = extract_corpus_timeline(sentences, {"new-article": "2020-11-19"}, catalog_)
    return timeline, events


def test_audit_table_and_counts():
    timeline, _ = chart_inputs()
    audit = audit_table(timeline)
    assert list(audit["expression"]) == ["2016 and 2017", "October", "Korean War"]
    assert {"rule", "note", "quote", "resolved"} <= set(audit.columns)
    counts = kind_counts(timeline).set_index("doc_id")
    assert (
        counts.loc["new-article", "date"] == 2
        and counts.loc["new-article", "linked to an event"] == 1
    )
    assert counts.loc["other", "period"] == 1


def chart_documents() -> pd.DataFrame:
    """The anchors table of chart_inputs' two articles plus two without any expression."""
    documents = pd.DataFrame(
        {"doc_id": ["other", "quiet", "new-article", "undated"],
         "published": ["", "2021-03", "2020-11-19", ""]}
    )  # fmt: skip
    return document_anchors(documents)


def test_kind_counts_give_a_zero_row_to_documents_without_expressions():
    timeline, _ = chart_inputs()
    counts = kind_counts(timeline, chart_documents())
    assert list(counts.columns) == ["doc_id", "date", "period", "linked to an event"]
    assert counts.values.tolist() == [
        ["new-article", 2, 0, 1], ["other", 0, 1, 1], ["quiet", 0, 0, 0], ["undated", 0, 0, 0],
    ]  # fmt: skip
    empty = kind_counts(timeline.iloc[:0], chart_documents())
    assert empty.values.tolist() == [
        ["new-article", 0], ["other", 0], ["quiet", 0], ["undated", 0],
    ]  # fmt: skip


def test_catalog_path_defaults_to_the_repository_and_resolves_from_root(tmp_path):
    assert catalog_path("", tmp_path) == reference_file("events.csv")
    assert catalog_path("mine/events.csv", tmp_path) == tmp_path / "mine" / "events.csv"
    assert catalog_path(str(tmp_path / "x.csv"), Path("/elsewhere")) == tmp_path / "x.csv"


def test_spans_outside_the_calendar_are_kept_unresolved_not_fatal():
    hits = tag_sentence(
        "Its statecraft took shape some 3000 years ago.", parse_anchor("2020-11-19"), []
    )
    assert [(h.kind, h.span, h.relative) for h in hits] == [("relative", None, True)]
    assert hits[0].note.startswith("outside the calendar")


def test_compiled_catalog_survives_pickling_and_is_not_recompiled(monkeypatch):
    catalog_ = read_events(reference_file("events.csv"))
    shipped = pickle.loads(pickle.dumps(catalog_))  # as a process pool would send it
    assert [e.event_id for e in shipped.events] == list(catalog_.table["event_id"])
    sentences = sentence_rows("Since the Korean War, and in 2018 at the Singapore summit.")
    before = extract_timeline(sentences, "2020-11-19", catalog_)

    def no_compiling(*args, **kwargs):
        raise AssertionError("extract_timeline recompiled the catalog")

    monkeypatch.setattr("helpers.catalog.compile_catalog", no_compiling)
    pd.testing.assert_frame_equal(extract_timeline(sentences, "2020-11-19", shipped), before)
    assert before["event_id"].ne("").all() and len(before) == 3
