"""helpers.corpus on the seeds and on small synthetic texts."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers.corpus import (
    bio_author,
    doc_id_for,
    ingest_corpus,
    parse_dateline,
    parse_document,
    split_blocks,
    split_tags,
)
from helpers.errors import InputError
from helpers.views.ingest import metadata_conflicts
from tests.conftest import SEED_RAW

HEADERED = SEED_RAW / "nk-china-help.txt"
HEADLESS = SEED_RAW / "nk-proliferation-deal.txt"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_tags_run_together_are_split():
    assert split_tags("North KoreaChinaDPRKJoe BidenMilitaryICBMKim Jong-un") == [
        "North Korea", "China", "DPRK", "Joe Biden", "Military", "ICBM", "Kim Jong-un",
    ]  # fmt: skip


def test_tags_keep_mc_names_and_acronym_runs():
    assert split_tags("H.R. McMasterUSAF") == ["H.R. McMaster", "USAF"]
    assert split_tags("NATOEurope") == ["NATO", "Europe"]


def test_dateline_with_metadata():
    meta = parse_dateline(
        "November 19, 2020 Topic: North Korea Region: Asia Blog Brand: Korea Watch "
        "Tags: North KoreaChinaDPRK"
    )
    assert meta == {
        "published": "2020-11-19",
        "topic": "North Korea",
        "region": "Asia",
        "blog_brand": "Korea Watch",
        "tags": "North Korea;China;DPRK",
    }


def test_a_sentence_starting_with_a_date_is_not_a_dateline():
    assert parse_dateline("November 19, 2020 was a quiet day in Pyongyang.") is None
    assert parse_dateline("February 30, 2020 Topic: Nothing") is None


def test_bio_names_the_author():
    assert bio_author("Jane Q. Doe is a Visiting Fellow at the Example Institute.") == "Jane Q. Doe"
    assert bio_author("Washington is a city that never learns from its history.") == ""


def test_blank_line_paragraphs_fold_hard_wraps():
    assert split_blocks("One line\nwrapped here.\n\n\nSecond  para.\n") == [
        "One line wrapped here.",
        "Second para.",
    ]


def test_one_paragraph_per_line():
    assert split_blocks("First para.\nSecond para.\nThird para.") == [
        "First para.",
        "Second para.",
        "Third para.",
    ]


def test_doc_id_is_a_slug_of_the_stem():
    assert doc_id_for(Path("My Article (draft).TXT")) == "my-article-draft"


def test_headered_seed(tmp_path):
    doc = parse_document(HEADERED)
    rec = doc.record
    assert rec["title"] == "Joe Biden Should Reach Out to China for Help on North Korea"
    assert rec["published"] == "2020-11-19"
    assert rec["author"] == "Doug Bandow"
    assert rec["author_bio"].startswith("Doug Bandow is a Senior Fellow at the Cato Institute.")
    assert rec["tags"] == "North Korea;China;DPRK;Joe Biden;Military;ICBM;Kim Jong-un"
    assert (rec["topic"], rec["region"], rec["blog_brand"]) == (
        "North Korea",
        "Asia",
        "Korea Watch",
    )
    dropped = doc.paragraphs[doc.paragraphs["dropped"]]
    assert dropped["drop_reason"].tolist() == [
        "title",
        "dateline and metadata",
        "title repeated",
        "verbatim copy of paragraph 15 (teaser before the argument)",
        "author bio",
    ]
    assert rec["n_paragraphs"] == 17
    assert doc.text.startswith("Washington as well as Pyongyang wonders")
    assert doc.text.count("How to get the PRC to help?") == 1
    assert "Cato Institute" not in doc.text


def test_headless_seed_is_all_body():
    doc = parse_document(HEADLESS)
    assert doc.record["title"] == "" and doc.record["published"] == ""
    assert doc.record["n_paragraphs"] == 12 and not doc.paragraphs["dropped"].any()
    assert doc.text.startswith("Yet in the midst of what is obviously bad tidings")


@pytest.mark.parametrize("path", [HEADERED, HEADLESS])
def test_paragraph_offsets_index_the_cleaned_text(path):
    doc = parse_document(path)
    kept = doc.paragraphs[~doc.paragraphs["dropped"]]
    for row in kept.itertuples():
        assert doc.text[row.start : row.end] == row.text


def test_pull_quote_later_in_the_text_is_dropped(tmp_path):
    text = "Opening.\n\nSecond.\n\nThe key point.\n\nMore.\n\nThe key point.\n"
    doc = parse_document(write(tmp_path, "a.txt", text))
    reasons = doc.paragraphs.set_index("para_id")["drop_reason"].to_dict()
    assert reasons == {1: "", 2: "", 3: "", 4: "", 5: "verbatim copy of paragraph 3 (pull-quote)"}


def test_manifest_fills_gaps_and_wins_conflicts(tmp_path):
    path = write(tmp_path, "a.txt", "A Title Line\n\nBody sentence one. Body two.\n")
    doc = parse_document(path, {"title": "Real Title", "published": "2020-11"})
    assert doc.record["title"] == "Real Title"
    assert doc.record["published"] == "2020-11"
    assert "title: manifest 'Real Title' overrides text 'A Title Line'" in doc.record["provenance"]
    assert "published: manifest" in doc.record["provenance"]


def test_header_without_body_is_an_error(tmp_path):
    path = write(tmp_path, "h.txt", "A Title\n\nNovember 19, 2020 Topic: Korea\n")
    with pytest.raises(InputError, match=r"h\.txt: has a header but no body text"):
        parse_document(path)


def test_corpus_of_the_seeds():
    corpus = ingest_corpus(SEED_RAW)
    assert corpus.documents["doc_id"].tolist() == ["nk-china-help", "nk-proliferation-deal"]
    row = corpus.documents.set_index("doc_id").loc["nk-proliferation-deal"]
    assert row["published"] == "2020-11"
    assert row["published_note"].startswith("inferred, not stated")
    assert row["title"] == "" and row["author"] == ""


@pytest.mark.parametrize("written", ["November 19, 2020", "19 November 2020", "2020-11-19"])
def test_dateline_date_forms(written):
    assert parse_dateline(f"{written} Topic: North Korea")["published"] == "2020-11-19"


def test_the_dateline_is_recorded_apart_from_the_merged_date(tmp_path):
    path = write(tmp_path, "d.txt", "Title Here\n\nMarch 3, 2019 Topic: x\n\nBody sentence.\n")
    doc = parse_document(path, {"published": "2019-03-04"})
    assert (doc.record["dateline"], doc.record["published"]) == ("2019-03-03", "2019-03-04")


def test_tags_split_after_digits():
    assert split_tags("COVID-19Donald TrumpNATO") == ["COVID-19", "Donald Trump", "NATO"]


def test_a_dateline_line_glued_to_the_body_stands_alone(tmp_path):
    text = (
        "A Title Line\n\nNovember 19, 2020 Topic: Korea Tags: DPRKChina\n"
        "Washington should talk to Beijing. It must act.\n\nSecond paragraph.\n"
    )
    doc = parse_document(write(tmp_path, "g.txt", text))
    assert doc.record["tags"] == "DPRK;China"
    assert doc.text == "Washington should talk to Beijing. It must act.\n\nSecond paragraph.\n"


def test_one_paragraph_per_line_after_a_blank_line_header(tmp_path):
    long = "This line is a whole paragraph of the argument and runs well past a hard wrap " * 2
    text = f"A Title Line\n\n{long.strip()}.\n{long.strip()}!\nShort closing line.\n"
    doc = parse_document(write(tmp_path, "m.txt", text))
    assert doc.record["n_paragraphs"] == 3


def test_hard_wrapped_lines_are_joined(tmp_path):
    text = "A Title Line\n\nThe first line wraps\nin the middle of a sentence.\n\nNext.\n"
    doc = parse_document(write(tmp_path, "w.txt", text))
    assert doc.text == "The first line wraps in the middle of a sentence.\n\nNext.\n"


def test_bio_before_an_image_credit_is_found(tmp_path):
    text = (
        "Body paragraph one.\n\nBody paragraph two.\n\n"
        "Jane Roe is a Senior Fellow at the Example Institute.\n\nImage: Reuters\n"
    )
    doc = parse_document(write(tmp_path, "c.txt", text))
    assert doc.record["author"] == "Jane Roe"
    assert doc.paragraphs["drop_reason"].tolist() == ["", "", "author bio", "image credit"]


def test_hard_wrapped_text_without_blank_lines_is_rejoined(tmp_path):
    text = (
        "Washington should talk to Beijing about the peninsula and\n"
        "about the sanctions that the two governments still argue\n"
        "over. It must act soon.\n"
        "A second paragraph starts here and it also runs over the\n"
        "wrap width of this note, which is about sixty characters,\n"
        "and ends here.\n"
    )
    assert split_blocks(text) == [
        "Washington should talk to Beijing about the peninsula and about the sanctions "
        "that the two governments still argue over. It must act soon.",
        "A second paragraph starts here and it also runs over the wrap width of this "
        "note, which is about sixty characters, and ends here.",
    ]


def test_a_seed_folded_at_72_columns_keeps_its_sentences_whole(tmp_path):
    folded = "\n".join(textwrap.fill(line, 72) for line in HEADLESS.read_text().split("\n"))
    doc = parse_document(write(tmp_path, "folded.txt", folded))
    assert "The moratorium stopped North Korea short of that goal." in doc.text
    assert "\n\n" in doc.text and "halting military exercises for “nothing.”" in doc.text
    assert all(len(p) > 72 for p in doc.paragraphs["text"])


def test_conflicts_between_manifest_and_text_are_listed(tmp_path):
    write(tmp_path, "a.txt", "A Title Line\n\nMarch 3, 2019 Topic: x\n\nBody sentence.\n")
    write(tmp_path, "b.txt", "Another body sentence.\n")
    write(tmp_path, "manifest.csv", "file,title\na.txt,Real Title\nb.txt,Title B\n")
    conflicts = metadata_conflicts(ingest_corpus(tmp_path).documents)
    assert conflicts.values.tolist() == [
        ["a", "title", "manifest 'Real Title' overrides text 'A Title Line'"]
    ]
