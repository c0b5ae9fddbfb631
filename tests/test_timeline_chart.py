"""helpers.views.timeline's chart and helpers.views.episodes on small synthetic corpora:
episode bands and labels with dates, references drawn at their event's day, lanes chosen for
many articles, the month × episode heat strip, the computed guide, and escaping."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from helpers.catalog import EVENT_COLUMNS, EventCatalog
from helpers.episodes import (
    coarser,
    episode_references,
    found_episodes,
    select_lanes,
    span_text,
)
from helpers.errors import InputError
from helpers.timeline import document_anchors, extract_corpus_timeline
from helpers.views.episodes import heat_strip, timeline_guide
from helpers.views.timeline import (
    REFERENCE_LANE,
    catalog_table,
    chart_items,
    episode_table,
    timeline_figure,
)

EVENTS = pd.DataFrame(
    [
        ["war", "War", "1950-06-25", "1953-07-27", "period", "Korean War", "", "War <i>I</i>"],
        ["parade", "The parade", "2020-10-10", "2020-10-10", "event", "", "parades?", "Parade"],
        ["sanctions", "Squeeze", "2016-03-02", "2017-12-22", "period", "", "tightened", "Squeeze"],
        ["coldwar", "Cold War", "1947-01-01", "1991-12-31", "period", "Cold War", "", ""],
        ["unused", "Unused", "2019-01-01", "2019-01-01", "event", "Nobody", "", "Quiet"],
    ],
    columns=EVENT_COLUMNS[:8],
).assign(source="https://example.org", note="")  # fmt: skip
CATALOG = EventCatalog.from_table(EVENTS)


def sentences(doc_id: str, *texts: str) -> pd.DataFrame:
    rows, offset = [], 0
    for i, text in enumerate(texts, start=1):
        rows.append([doc_id, i, i, offset, offset + len(text), text])
        offset += len(text) + 2
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "para_id", "start", "end", "text"])


def corpus(docs: dict[str, tuple[str, ...]], anchors: dict[str, str]) -> tuple:
    table = pd.concat([sentences(d, *texts) for d, texts in docs.items()])
    timeline = extract_corpus_timeline(table, anchors, CATALOG)
    documents = document_anchors(
        pd.DataFrame({"doc_id": list(docs), "published": [anchors.get(d, "") for d in docs]})
    )
    return timeline, documents


def two_articles():
    return corpus(
        {"new-article": ("In 2016 and 2017 <b>sanctions</b> were tightened.",
                         "Its October parade showed missiles.", "Four years ago it rained."),
         "other": ("Since the Korean War, peace.", "The Cold War ended.")},
        {"new-article": "2020-11-19"},
    )  # fmt: skip


def test_span_text():
    assert span_text(date(2015, 9, 3), date(2015, 9, 3)) == "3 Sep 2015"
    assert span_text(date(2018, 3, 25), date(2018, 3, 28)) == "25–28 Mar 2018"
    assert span_text(date(2016, 3, 2), date(2017, 12, 22)) == "Mar 2016 – Dec 2017"


def test_a_reference_to_a_one_day_event_is_drawn_at_its_day_and_periods_at_their_span():
    timeline, _ = two_articles()
    refs = episode_references(timeline, EVENTS).set_index("expression")
    assert refs.loc["October", ["start", "x_start", "x_end"]].tolist() == [
        "2020-10-01", date(2020, 10, 10), date(2020, 10, 10)]  # fmt: skip
    assert refs.loc["2016 and 2017", ["x_start", "x_end"]].tolist() == [
        date(2016, 3, 2), date(2017, 12, 22)]  # fmt: skip
    assert "Cold War" not in refs.index  # no episode: drawn as an other mark, not a reference
    found = found_episodes(refs.reset_index(), EVENTS)
    assert list(found["label"]) == [
        "War <i>I</i> · Jun 1950 – Jul 1953", "Squeeze · Mar 2016 – Dec 2017",
        "Parade · 10 Oct 2020"]  # fmt: skip
    assert found.set_index("episode")["articles"].to_dict() == {
        "War <i>I</i>": 1, "Squeeze": 1, "Parade": 1}  # fmt: skip


def test_chart_labels_each_episode_with_its_dates_escaped_and_bands_it_across_the_lanes():
    timeline, documents = two_articles()
    fig = timeline_figure(timeline, EVENTS, "2014-01-01", "2021-12-31", documents=documents)
    labels = [a.text for a in fig.layout.annotations]
    assert labels == [
        "<b>War &lt;i&gt;I&lt;/i&gt;</b><br>Jun 1950 – Jul 1953",
        "<b>Squeeze</b><br>Mar 2016 – Dec 2017",
        "<b>Parade</b><br>10 Oct 2020",
    ]
    assert not any("Quiet" in t for t in labels)  # an episode nobody refers to is not drawn
    legend = [t.name for t in fig.data if t.showlegend]
    assert len(legend) == len(set(legend))  # each style once, whichever panel it is drawn in
    assert {"War &lt;i&gt;I&lt;/i&gt;", "Squeeze", "Parade", "publication date"} <= set(legend)
    ranked = sorted((t.legendrank, t.name) for t in fig.data if t.showlegend)
    assert [name for _, name in ranked][:3] == ["War &lt;i&gt;I&lt;/i&gt;", "Squeeze", "Parade"]
    bands = [(s.xref, s.x0[:10], s.x1[:10]) for s in fig.layout.shapes]
    assert ("x2", "2020-09-15", "2020-11-04") in bands  # a one-day episode gets a visible band
    assert ("x", "1950-06-25", "1953-07-27") in bands
    assert list(fig.layout.yaxis.ticktext) == ["new-article", "other", REFERENCE_LANE]
    assert fig.layout.xaxis.range[1] == "2013-12-31" and fig.layout.xaxis2.range[0] == "2014-01-01"
    bars = [t for t in fig.data if t.type == "bar"]
    assert bars and all(min(t.x) > 0 and t.base is not None for t in bars)
    hover = " ".join(h for t in fig.data if t.customdata is not None for h in t.customdata)
    assert "&lt;b&gt;sanctions&lt;/b&gt;" in hover and "<b>sanctions</b>" not in hover
    texts = [x for t in fig.data if t.type == "scatter" and t.mode == "text" for x in t.text]
    assert "October" in texts and "2016 and 2017" in texts and "Korean War" in texts


def test_marks_are_grouped_by_episode_and_other_dates_lie_in_their_own_row():
    timeline, documents = two_articles()
    items, episodes, shown = chart_items(timeline, EVENTS, documents)
    assert shown == ["new-article", "other"]
    lane = items[items["lane"] == "new-article"].set_index("group")
    assert lane.loc["episode:Parade", "start"] == date(2020, 10, 10)
    assert lane.loc["relative", "y"] > lane.loc["episode:Parade", "y"]  # "Four years ago"
    assert lane.loc["published", "symbol"] == "star"
    cited = items[items["lane"] == REFERENCE_LANE]
    assert len(cited) == 4 and "Unused" not in " ".join(cited["hover"])  # only linked events


def test_lanes_default_to_the_most_referencing_articles_when_there_are_many():
    docs = {f"doc-{i:02d}": ("Its October parade.",) * (i % 3 + 1) for i in range(12)}
    timeline, documents = corpus(docs, {d: "2020-11-19" for d in docs})
    refs = episode_references(timeline, EVENTS)
    shown = select_lanes(list(documents["doc_id"]), refs, [])
    assert len(shown) == 8 and all(refs["doc_id"].value_counts()[d] >= 2 for d in shown)
    assert select_lanes(list(documents["doc_id"]), refs, ["doc-03", "doc-01"]) == [
        "doc-03", "doc-01"]  # fmt: skip
    with pytest.raises(InputError, match=r"lanes: unknown doc_id\(s\) \['nope'\]"):
        select_lanes(list(documents["doc_id"]), refs, ["nope"])
    fig = timeline_figure(timeline, EVENTS, documents=documents)
    assert len(fig.layout.yaxis.ticktext) == 9
    guide = timeline_guide(refs, EVENTS, shown, len(docs))
    assert "**Parade · 10 Oct 2020**: 24 reference(s), in 12 of 12 articles" in guide
    assert "draws 8 of the 12 articles" in guide


def test_guide_names_the_articles_and_says_when_nothing_was_found():
    timeline, documents = two_articles()
    refs = episode_references(timeline, EVENTS)
    guide = timeline_guide(refs, EVENTS, ["new-article", "other"], 2)
    assert "refer to 3 episode(s)" in guide and "in new-article" in guide
    assert "War &lt;i&gt;I&lt;/i&gt;" in guide and "draws" not in guide
    assert "No article refers" in timeline_guide(refs.iloc[:0], EVENTS, [], 2)


def test_heat_strip_counts_references_per_episode_and_publication_month():
    docs = {"a": ("Its October parade.", "Its October parade."), "b": ("Its October parade.",),
            "c": ("In 2016 and 2017 sanctions were tightened.",)}  # fmt: skip
    timeline, documents = corpus(docs, {"a": "2020-11-19", "b": "2020-12", "c": "2020-11-02"})
    fig = heat_strip(episode_references(timeline, EVENTS), EVENTS, documents)
    (trace,) = fig.data
    assert list(trace.x) == ["2020-11", "2020-12"]
    assert list(trace.y) == ["Squeeze · Mar 2016 – Dec 2017", "Parade · 10 Oct 2020"]
    assert [list(r) for r in trace.z] == [[1, None], [2, 1]]
    assert "2 reference(s) in 1 article(s)" in trace.customdata[1][0]
    assert "Its October parade." in trace.customdata[1][0]
    empty = heat_strip(episode_references(timeline.iloc[:0], EVENTS), EVENTS, documents)
    assert "No article refers" in empty.layout.annotations[0].text


def test_documents_without_expressions_still_get_lanes_and_anchor_stars():
    timeline, documents = two_articles()
    fig = timeline_figure(timeline.iloc[:0], EVENTS, documents=documents)
    assert list(fig.layout.yaxis.ticktext) == ["new-article", "other", REFERENCE_LANE]
    stars = [t for t in fig.data if t.type == "scatter" and t.marker.symbol == "star"]
    assert len(stars) == 1 and stars[0].x == ("2020-11-19",)
    with pytest.raises(InputError, match="documents: missing column 'doc_id'"):
        timeline_figure(timeline, EVENTS, documents=pd.DataFrame({"anchor": ["2020"]}))
    with pytest.raises(InputError, match="focus_end"):
        timeline_figure(timeline, EVENTS, "2021-12-31", "2014-01-01")


def test_episode_table_can_be_limited_to_the_drawn_articles():
    timeline, _ = two_articles()
    table = episode_table(timeline, EVENTS, ["other"])
    assert table.loc[table["found"], "doc_id"].tolist() == ["other"]


def test_heat_strip_folds_months_into_quarters_then_years_when_there_are_many():
    months = pd.Series([f"{y}-{m:02d}" for y in range(2016, 2022) for m in range(1, 13)])
    quarters, unit = coarser(months)
    assert unit == "quarter" and quarters.iloc[0] == "2016-Q1" and quarters.nunique() == 24
    years, unit = coarser(pd.concat([months, pd.Series(["undated"])]), most=10)
    assert unit == "year" and sorted(set(years)) == [str(y) for y in range(2016, 2022)] + [
        "undated"
    ]
    assert coarser(pd.Series(["2020-11", "undated"]))[1] == "month"


def test_catalog_table_counts_the_links_of_every_event():
    timeline, _ = two_articles()
    table = catalog_table(timeline, EVENTS).set_index("event_id")
    assert table.loc[["war", "parade", "unused"], ["references", "articles"]].values.tolist() == [
        [1, 1], [1, 1], [0, 0]]  # fmt: skip
    assert table.index[-1] == "unused" and len(table) == len(EVENTS)
