"""helpers.reportpage and helpers.sitedata: stable ids, the table of contents, the CSV copies."""

from __future__ import annotations

import csv
import io

import pytest

from helpers.reportpage import finish_page, headings, stable_ids, table_of_contents
from helpers.sitedata import copy_neutralised, neutralise, publish_tables

UID_A = "fccfc58f-3b7c-4671-b1d6-e7b3ffa783b6"
UID_B = "426810fc-38c7-4f69-9ac2-575d640236b0"


def page(*parts: str) -> str:
    return "<html><body><main>" + "".join(parts) + "</main></body></html>"


def test_plotly_and_styler_ids_become_counters():
    raw = page(
        f'<div id="{UID_A}" class="plotly-graph-div"></div>',
        f'<script>if (document.getElementById("{UID_A}")) Plotly.newPlot("{UID_A}", [])</script>',
        f'<div class="plotly-graph-div" id="{UID_B}" style="height:100%"></div>',
        f'<script>Plotly.newPlot("{UID_B}")</script>',
        "<style>#T_a70f3_row0_col2, #T_a70f3 td {text-align: right}</style>",
        '<table id="T_a70f3"><td id="T_a70f3_row0_col2">x</td></table>',
        '<table id="T_0b9e1"></table>',
    )
    stable = stable_ids(raw)
    assert UID_A not in stable and UID_B not in stable and "a70f3" not in stable
    assert stable.count("chart-1") == 3 and stable.count("chart-2") == 2
    assert "#T_s1_row0_col2, #T_s1 td" in stable and 'id="T_s1_row0_col2"' in stable
    assert 'id="T_s2"' in stable
    assert stable_ids(raw.replace(UID_A, "0" * 8 + UID_A[8:])) == stable  # ids only by order


def test_the_contents_list_the_h2_and_h3_headings_after_the_title_cell():
    cell = '<div class="jp-Cell jp-MarkdownCell">'
    raw = page(
        "<!-- report-toc -->",
        f'{cell}<h1 id="T">Title</h1><p>Lead.</p></div>',
        f'{cell}<h2 id="A-&amp;-B">A &amp; B',
        '<a class="anchor-link" href="#A-&amp;-B">¶</a></h2></div>',
        f'{cell}<h3 id="Sub">Sub <code>x</code></h3></div>',
    )
    assert headings(raw) == [(2, "A-&amp;-B", "A & B"), (3, "Sub", "Sub x")]
    done = finish_page(raw)
    assert "<!-- report-toc -->" not in done
    title, toc, first = done.index("</h1>"), done.index('<nav class="toc"'), done.index('id="A-')
    assert title < toc < first
    assert '<a href="#A-&amp;amp;-B">A &amp; B</a>' in done
    assert '<li class="toc-h3"><a href="#Sub">Sub x</a></li>' in done


def test_a_page_with_one_heading_gets_no_contents():
    assert table_of_contents(page('<h2 id="Only">Only</h2>')) == ""


def test_formula_like_cells_are_neutralised_and_numbers_kept():
    assert neutralise('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert neutralise("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"
    assert neutralise("-- and then the talks failed") == "'-- and then the talks failed"
    assert neutralise("@handle said") == "'@handle said"
    assert neutralise("\tindented") == "'\tindented"
    for kept in ("-0.65", "+1", "-12", "3.5e-4", "North Korea", "", "a=b"):
        assert neutralise(kept) == kept


def test_the_published_copy_differs_only_in_neutralised_cells(tmp_path):
    source = tmp_path / "processed" / "quotes.csv"
    source.parent.mkdir()
    rows = [
        ["doc_id", "compound", "quote"],
        ["a", "-0.65", "=1+1, said nobody"],
        ["b", "0.2", 'He said "no,\nnever" and left.'],
    ]
    with source.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    links = publish_tables([source, tmp_path / "processed" / "absent.csv"], tmp_path / "site")
    assert links == ("data/quotes.csv",)
    with (tmp_path / "site" / "data" / "quotes.csv").open(newline="", encoding="utf-8") as f:
        copied = list(csv.reader(f))
    assert copied == [rows[0], ["a", "-0.65", "'=1+1, said nobody"], rows[2]]
    copy_neutralised(source, tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "site/data/quotes.csv").read_bytes()


def test_the_index_lists_each_article_escaped_with_its_source(tmp_path):
    from helpers.publish import write_index

    documents = tmp_path / "documents.csv"
    rows = [
        ["doc_id", "title", "author", "published", "blog_brand", "source"],
        ["b", "<b>Bold</b> claims", "Ann Lee", "2021-03-03", "Harbor Review", ""],
        ["a", "", "", "", "", "Pacific Ledger (synthetic corpus, seed 0)"],
    ]
    with documents.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    write_index(tmp_path, [], "abc123", 2, documents)
    index = (tmp_path / "index.html").read_text("utf-8")
    listed = index.split("<h2>Articles</h2>")[1]
    assert "2 articles in documents.csv." in listed
    assert listed.index("<code>a</code>") < listed.index("<code>b</code>")
    assert "&lt;b&gt;Bold&lt;/b&gt; claims" in listed and "<b>Bold" not in listed
    assert "(untitled)" in listed and "(undated)" in listed
    assert "Pacific Ledger (synthetic corpus, seed 0)" in listed and "Harbor Review" in listed


def test_a_cell_longer_than_csvs_default_limit_is_copied_whole(tmp_path):
    long = "word " * 60_000  # 300 kB, over csv's 128 KiB field limit (a run-on paragraph)
    source = tmp_path / "paragraphs.csv"
    source.write_text(f"doc_id,text\nrunon,{long}\n", encoding="utf-8")
    copy_neutralised(source, tmp_path / "site" / "paragraphs.csv")
    assert (tmp_path / "site" / "paragraphs.csv").read_text(encoding="utf-8") == (
        f"doc_id,text\nrunon,{long}\n"
    )


def _rewritten_whole(text: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in csv.reader(io.StringIO(text, newline="")):
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


@pytest.mark.parametrize(
    "text",
    [
        "doc_id,quote\na,plain\n",  # nothing to neutralise: copied as bytes
        "=x,quote\na,-- dash\n",  # the header's first cell and a data cell
        'doc_id,quote\na,"two\n-- lines"\nb,@handle\n',  # a candidate inside a quoted cell
        'doc_id,quote\na,"two\nlines"\nb,"=1+1, said nobody"\nc,-0.5\n',  # after one
        'doc_id,quote\na,"-- ""quoted"" dash"\n',
    ],
)
def test_rewriting_only_the_candidate_records_equals_rewriting_every_record(tmp_path, text):
    source = tmp_path / "t.csv"
    source.write_bytes(text.encode("utf-8"))
    copy_neutralised(source, tmp_path / "copy.csv")
    assert (tmp_path / "copy.csv").read_text(encoding="utf-8") == _rewritten_whole(text)
