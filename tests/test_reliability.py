"""Bad inputs get one-line errors naming the culprit, and the last good site survives them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from helpers.corpus import ingest_corpus
from helpers.errors import InputError
from helpers.levers import load_levers
from helpers.pipeline import main

RAW_CASES = {
    "empty": ("empty.txt", b"", r"empty\.txt: the file is empty"),
    "binary": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"image\.txt: not a text file "
               r"\(looks like a PNG image\)"),
    "cp1252": ("latin.txt", "Kim\u2019s offer was refused.\n".encode("cp1252"),
               r"latin\.txt: byte 0x92 at offset 3 is not UTF-8; name the file's encoding"),
    "header only": ("header.txt", b"A Title Line\n\nNovember 19, 2020 Topic: Korea Tags: DPRK\n",
                    r"header\.txt: has a header but no body text"),
}  # fmt: skip


def site_digest(reports: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in reports.rglob("*") if p.is_file()):
        digest.update(path.relative_to(reports).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def published(workspace: Path) -> Path:
    """A workspace whose site was published once by a good ingest run."""
    assert main(["--root", str(workspace), "--only", "01_ingest"]) == 0
    return workspace


def error_lines(capsys) -> list[str]:
    return [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("error:")]


@pytest.mark.parametrize("case", RAW_CASES, ids=list(RAW_CASES))
def test_bad_raw_file_is_named_in_one_line(tmp_path, case):
    name, data, message = RAW_CASES[case]
    (tmp_path / name).write_bytes(data)
    with pytest.raises(InputError, match=message) as caught:
        ingest_corpus(tmp_path)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("case", ["empty", "binary"])
def test_bad_raw_file_fails_the_run_and_keeps_the_site(published, capsys, case):
    before = site_digest(published / "reports")
    name, data, message = RAW_CASES[case]
    (published / "data" / "raw" / name).write_bytes(data)
    assert main(["--root", str(published), "--only", "01_ingest"]) == 1
    lines = error_lines(capsys)
    assert any("01_ingest failed in cell" in ln and name in ln for ln in lines), lines
    assert site_digest(published / "reports") == before


def test_a_latin1_file_is_read_when_the_manifest_names_its_encoding(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Kim\u2019s offer was refused.\n".encode("cp1252"))
    (tmp_path / "manifest.csv").write_text("file,encoding\nlatin.txt,cp1252\n")
    corpus = ingest_corpus(tmp_path)
    assert corpus.texts["latin"] == "Kim\u2019s offer was refused.\n"


def test_two_files_with_one_doc_id_are_refused(tmp_path):
    (tmp_path / "My Article.txt").write_text("One body sentence.\n")
    (tmp_path / "my-article.txt").write_text("Another body sentence.\n")
    with pytest.raises(InputError, match=r"My Article\.txt and my-article\.txt both map to "
                       r"doc_id 'my-article'; rename one"):  # fmt: skip
        ingest_corpus(tmp_path)


def test_an_oversized_article_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # 50 MB of text
        handle.write(b"Sanctions were tightened again. " * (50_000_000 // 32))
    with pytest.raises(InputError, match=r"huge\.txt: 50\.0 MB is over the 10 MB limit"):
        ingest_corpus(tmp_path)


def test_the_size_limit_is_a_parameter(published, capsys):
    assert main(["--root", str(published), "--only", "01_ingest", "-p", "max_file_mb=0.001"]) == 1
    assert any("is over the 0.001 MB limit" in ln for ln in error_lines(capsys))


@pytest.mark.parametrize("setup", ["missing", "no txt"])
def test_raw_directory_missing_or_empty(tmp_path, setup):
    raw = tmp_path / "raw"
    if setup == "no txt":
        raw.mkdir()
        (raw / "notes.md").write_text("not an article")
    message = "does not exist" if setup == "missing" else "holds no .txt article"
    with pytest.raises(InputError, match=message):
        ingest_corpus(raw)


def test_a_wrongly_typed_parameter_is_refused(published, capsys):
    before = site_digest(published / "reports")
    assert main(["--root", str(published), "-p", "max_file_mb=abc"]) == 2
    assert error_lines(capsys) == [
        "error: parameter max_file_mb of 01_ingest expects float, got 'abc' (str)"
    ]
    assert site_digest(published / "reports") == before


def test_an_unwritable_site_is_refused_before_running(workspace, capsys):
    (workspace / "reports").write_text("a file where the site should be")
    assert main(["--root", str(workspace)]) == 2
    assert error_lines(capsys) == [
        f"error: {workspace / 'reports'}: exists and is not a directory; cannot publish the site"
    ]


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("title\nx\n", r"manifest\.csv: needs a header row with a 'file' column"),
        ("file,colour\na.txt,red\n", r"unknown column\(s\) \['colour'\]"),
        ("file,published\na.txt,19 Nov 2020\n", r"line 2, column published \(a\.txt\): '19 Nov"),
        (
            "file,published\na.txt,2020-02-30\n",
            r"manifest\.csv line 2, column published \(a\.txt\)",
        ),
        ("file,title\na.txt,Too,many\n", r"line 2: more values than columns"),
        ("file,title\nb.txt,Missing\n", r"names file\(s\) not in .*: b\.txt"),
        ("file,title\na.txt,One\na.txt,Two\n", r"line 3: a\.txt is listed twice"),
        (
            'file,title\na.txt,"Unclosed\nb.txt,Two\n',
            r"not a readable CSV table \(.*an unclosed quote\?\)",
        ),
        ("file,title\na.txt,Caf\u00e9\n".encode("cp1252"), r"byte 0xe9 at offset 20 is not UTF-8"),
    ],
)
def test_a_malformed_manifest_is_named(tmp_path, manifest, message):
    (tmp_path / "a.txt").write_text("A body sentence.\n")
    data = manifest if isinstance(manifest, bytes) else manifest.encode()
    (tmp_path / "manifest.csv").write_bytes(data)
    with pytest.raises(InputError, match=message):
        ingest_corpus(tmp_path)


def test_a_malformed_reference_table_is_named_and_the_site_kept(workspace, capsys):
    assert main(["--root", str(workspace)]) == 0
    before = site_digest(workspace / "reports")
    bad = workspace / "bad_events.csv"
    bad.write_text(
        "event_id,label,start,end,kind,patterns,keywords,episode,source,note\n"
        "x,X,2020-13-01,2020-12-01,event,foo,,,https://example.org,\n"
    )
    assert main(["--root", str(workspace), "-p", "events_file=bad_events.csv"]) == 1
    lines = error_lines(capsys)
    assert any(
        "03_timeline failed in cell" in ln
        and f"InputError: {bad}: event 'x': start/end must be YYYY-MM-DD" in ln
        for ln in lines
    ), lines
    assert site_digest(workspace / "reports") == before


def test_a_crash_outside_any_cell_is_one_line_and_leaves_no_staging(published, capsys, monkeypatch):
    def dead_kernel(*args, **kwargs):
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr("papermill.execute_notebook", dead_kernel)
    before = site_digest(published / "reports")
    assert main(["--root", str(published), "--only", "01_ingest", "--force"]) == 1
    assert error_lines(capsys)[0] == (
        "error: 01_ingest failed before or between cells: RuntimeError: "
        "Kernel died before replying to kernel_info"
    )
    assert site_digest(published / "reports") == before
    assert not (published / ".reports.staging").exists()


def test_numeric_file_names_stay_text_doc_ids(workspace):
    raw = workspace / "data" / "raw"
    (raw / "manifest.csv").unlink()
    (raw / "nk-china-help.txt").rename(raw / "001.txt")
    (raw / "nk-proliferation-deal.txt").rename(raw / "002.txt")
    assert main(["--root", str(workspace)]) == 0
    sentences = (workspace / "data" / "processed" / "sentences.csv").read_text(encoding="utf-8")
    assert sentences.splitlines()[1].startswith("001,1,")
    assert "002,1," in sentences


def test_an_unreadable_reference_table_is_named(tmp_path):
    bad = tmp_path / "levers.csv"
    bad.write_bytes("lever,pattern,note\nsanctions,Sanktionen f\u00fcr,x\n".encode("cp1252"))
    with pytest.raises(InputError, match=rf"{bad}: byte 0xfc at offset \d+ is not UTF-8"):
        load_levers(bad)
    bad.write_text('lever,pattern,note\nsanctions,"unclosed,x\n')
    with pytest.raises(InputError, match=rf"{bad}: not a readable CSV table"):
        load_levers(bad)
