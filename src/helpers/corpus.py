"""Ingest: one raw article → cleaned body text, paragraph table and document record.

What the text itself carries is parsed generically: a title line, a dateline with
"Topic: … Region: … Blog Brand: … Tags: …", a byline, a closing author bio. Paragraphs are
blank-line separated (lines inside one are joined) or, when the file has no blank line, one
per line. A paragraph repeated verbatim is kept once: a copy among the first two body
paragraphs is a teaser and is dropped in favour of the later one in the argument's flow;
otherwise later copies are dropped as pull-quotes. Every raw block is accounted for in the
paragraph table (dropped, drop_reason); the cleaned text holds the kept body paragraphs
joined by a blank line, and all offsets index into it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from helpers.dates import FULL_MONTH, SHORT_MONTH, month_number
from helpers.errors import InputError
from helpers.manifest import check_manifest_files, merge_metadata, read_manifest
from helpers.rawtext import DEFAULT_MAX_MB, check_max_mb, decode, raw_files, read_bytes
from helpers.tables import write_table

PARAGRAPH_COLUMNS = ["doc_id", "para_id", "start", "end", "text", "dropped", "drop_reason"]
DOCUMENT_COLUMNS = [
    "doc_id", "source_file", "title", "author", "published", "published_note", "topic",
    "region", "blog_brand", "source", "tags", "n_paragraphs", "n_dropped", "sha256", "author_bio",
    "dateline", "provenance",
]  # fmt: skip

MONTH = rf"(?:{FULL_MONTH}|{SHORT_MONTH})"
DATE_FORMS = rf"{MONTH}\.? \d{{1,2}},? \d{{4}}|\d{{1,2}} {MONTH}\.? \d{{4}}|\d{{4}}-\d\d-\d\d"
DATELINE = re.compile(rf"^(?P<date>{DATE_FORMS})\b\s*(?P<rest>.*)$", re.S)
META_KEYS = ("Topic", "Region", "Blog Brand", "Tags")
META_FIELD = re.compile(r"\b(" + "|".join(META_KEYS) + r"):\s*")
TAG_BOUNDARY = re.compile(
    r"(?<=[a-z])(?<!Mc)(?<!Mac)(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=\d)(?=[A-Z][a-z])"
)
CREDIT = re.compile(r"^(?:Image|Photo|Picture|Credit|Image credit|Photo credit)s?\s*:", re.I)
PARAGRAPH_LINE = 100  # a line this long ending a sentence is a paragraph, not a hard wrap
WRAP_END = 0.8  # in hard-wrapped text, a sentence-final line this much shorter ends a paragraph
BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})$")
BIO = re.compile(
    r"^(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s+(?:is|was|serves as)\s+"
    r"(?:a|an|the)\s.{0,120}?\b(?:[Ff]ellow|[Pp]rofessor|[Dd]irector|[Ee]ditor|[Aa]uthor"
    r"|[Aa]nalyst|[Ss]cholar|[Rr]esearcher|[Cc]olumnist|[Cc]ontributor|[Cc]orrespondent"
    r"|[Jj]ournalist|[Ww]riter|[Aa]mbassador|[Aa]dvis[eo]r|[Ll]ecturer|[Ff]ounder)\b"
)
SENTENCE_END = ("." , "!", "”", '"', ";", ":")  # fmt: skip
MAX_TITLE_WORDS = 20


@dataclass
class ParsedDocument:
    """One article after ingest: its cleaned text, paragraph rows and documents.csv record."""

    doc_id: str
    text: str
    paragraphs: pd.DataFrame
    record: dict = field(default_factory=dict)


def doc_id_for(path: Path) -> str:
    """The document id: the file stem, lower-cased, runs of other characters turned to '-'."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")


def split_blocks(text: str) -> list[str]:
    """Paragraph blocks: blank-line separated if the text has a blank line, else one per line.

    Inside a blank-line block, lines are a hard-wrapped paragraph and are joined, unless the
    block is one paragraph per line (every line ends a sentence, some line is paragraph-long)
    or a line is a dateline, which stands alone. A text with no blank line whose lines are
    hard-wrapped (most lines stop mid-sentence, none is paragraph-long) is rejoined: a line
    that ends a sentence well short of the wrap width ends a paragraph. Whitespace runs fold
    to single spaces.
    """
    if not re.search(r"\n[ \t]*\n", text):
        lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
        return _rejoin_wrapped(lines) if _hard_wrapped(lines) else lines
    blocks: list[str] = []
    for part in re.split(r"\n[ \t]*\n", text):
        blocks.extend(" ".join(lines.split()) for lines in _paragraphs_in(part) if lines.strip())
    return blocks


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width: most stop mid-sentence and none is paragraph-long."""
    open_ended = sum(not line.endswith(SENTENCE_END + ("?",)) for line in lines)
    return len(lines) >= 4 and open_ended > len(lines) / 2 and max(map(len, lines)) < PARAGRAPH_LINE


def _rejoin_wrapped(lines: list[str]) -> list[str]:
    """Paragraphs of hard-wrapped lines (see split_blocks); datelines stand alone."""
    width = max(map(len, lines))
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if parse_dateline(line):
            paragraphs.extend([" ".join(current), line] if current else [line])
            current = []
            continue
        current.append(line)
        if line.endswith(SENTENCE_END + ("?",)) and len(line) < WRAP_END * width:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _paragraphs_in(part: str) -> list[str]:
    """One blank-line block as paragraphs (see split_blocks)."""
    lines = [line.strip() for line in part.strip().split("\n") if line.strip()]
    ends_sentences = all(line.endswith(SENTENCE_END + ("?",)) for line in lines)
    if len(lines) > 1 and ends_sentences and max(map(len, lines)) >= PARAGRAPH_LINE:
        return lines
    for i, line in enumerate(lines):
        if parse_dateline(line):
            before, after = " ".join(lines[:i]), " ".join(lines[i + 1 :])
            return [before, line, after]
    return [" ".join(lines)]


def split_tags(tags: str) -> list[str]:
    """Split run-together tags: "North KoreaChinaDPRKJoe Biden" → North Korea; China; DPRK; …"""
    return [tag.strip() for tag in TAG_BOUNDARY.split(tags) if tag.strip()]


def parse_dateline(block: str) -> dict | None:
    """Published date and Topic/Region/Blog Brand/Tags from a dateline block, else None."""
    match = DATELINE.match(block)
    if not match:
        return None
    published = _iso_date(match["date"])
    if published is None:
        return None
    meta = {"published": published}
    pieces = META_FIELD.split(match["rest"])
    if pieces[0].strip():  # text after the date that is not a metadata field: not a dateline
        return None
    for key, value in zip(pieces[1::2], pieces[2::2], strict=True):
        meta[key.lower().replace(" ", "_")] = value.strip()
    if "tags" in meta:
        meta["tags"] = ";".join(split_tags(meta["tags"]))
    return meta


def looks_like_title(block: str) -> bool:
    """A short single-line block without sentence-final punctuation (a question mark is fine)."""
    return len(block.split()) <= MAX_TITLE_WORDS and not block.endswith(SENTENCE_END)


def bio_author(block: str) -> str:
    """The name in an author bio ("X is a Senior Fellow at …"), else ""."""
    match = BIO.match(block)
    return match["name"] if match else ""


def parse_document(
    path: Path, manifest_row: dict | None = None, max_mb: float = DEFAULT_MAX_MB
) -> ParsedDocument:
    """Parse one raw article (see the module docstring for the rules)."""
    manifest_row = manifest_row or {}
    data = read_bytes(path, max_mb)
    blocks = split_blocks(decode(data, path, manifest_row.get("encoding", "")))
    found, reasons = _header_and_bio(blocks)
    _mark_duplicates(blocks, reasons)
    if all(reasons):
        raise InputError(f"{path}: has a header but no body text")
    doc_id = doc_id_for(path)
    text, paragraphs = _paragraph_table(doc_id, blocks, reasons)
    record = {
        "doc_id": doc_id,
        "source_file": path.name,
        "topic": found.get("topic", ""),
        "region": found.get("region", ""),
        "blog_brand": found.get("blog_brand", ""),
        "tags": found.get("tags", ""),
        "n_paragraphs": int((~paragraphs["dropped"]).sum()),
        "n_dropped": int(paragraphs["dropped"].sum()),
        "sha256": hashlib.sha256(data).hexdigest(),
        "author_bio": found.get("author_bio", ""),
        "dateline": found.get("published", ""),
        **merge_metadata(found, manifest_row),
    }
    return ParsedDocument(doc_id, text, paragraphs, {k: record[k] for k in DOCUMENT_COLUMNS})


def _header_and_bio(blocks: list[str]) -> tuple[dict, list[str]]:
    """Metadata found in header/bio blocks, and a drop reason per block ("" = body)."""
    found: dict = {}
    reasons = [""] * len(blocks)
    for i, block in enumerate(blocks[:3]):
        if "published" not in found and (meta := parse_dateline(block)):
            found.update(meta)
            reasons[i] = "dateline and metadata"
        elif "author" not in found and (byline := BYLINE.match(block)):
            found["author"] = byline["name"]
            reasons[i] = "byline"
        elif i == 0 and looks_like_title(block) and len(blocks) > 1:
            found["title"] = block
            reasons[i] = "title"
        elif found.get("title") == block:
            reasons[i] = "title repeated"
        else:
            break
    last = len(blocks) - 1
    while last > 0 and CREDIT.match(blocks[last]) and not reasons[last]:
        reasons[last] = "image credit"
        last -= 1
    if last > 0 and (name := bio_author(blocks[last])) and not reasons[last]:
        found.setdefault("author", name)
        found["author_bio"] = blocks[last]
        reasons[last] = "author bio"
    return found, reasons


def _mark_duplicates(blocks: list[str], reasons: list[str]) -> None:
    """Drop all but one copy of each body paragraph repeated verbatim (see module docstring)."""
    body = [i for i, reason in enumerate(reasons) if not reason]
    copies: dict[str, list[int]] = {}
    for i in body:
        copies.setdefault(blocks[i], []).append(i)
    lead = set(body[:2])
    for positions in copies.values():
        if len(positions) < 2:
            continue
        keep = positions[1] if positions[0] in lead else positions[0]
        for i in positions:
            if i != keep:
                where = "teaser before the argument" if i in lead else "pull-quote"
                reasons[i] = f"verbatim copy of paragraph {keep + 1} ({where})"


def _paragraph_table(doc_id: str, blocks: list[str], reasons: list[str]):
    """The cleaned text (kept blocks joined by blank lines) and the paragraph rows."""
    rows, kept, offset = [], [], 0
    for i, (block, reason) in enumerate(zip(blocks, reasons, strict=True)):
        start = end = pd.NA
        if not reason:
            if kept:
                offset += 2
            start, end = offset, offset + len(block)
            kept.append(block)
            offset = end
        rows.append([doc_id, i + 1, start, end, block, bool(reason), reason])
    table = pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)
    table[["start", "end"]] = table[["start", "end"]].astype("Int64")
    return "\n\n".join(kept) + "\n", table


def _iso_date(text: str) -> str | None:
    """ "November 19, 2020", "19 Nov 2020" or "2020-11-19" → "2020-11-19"; None if impossible."""
    if iso := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text):
        year, number, day = (int(g) for g in iso.groups())
    else:
        day = int(re.search(r"\b\d{1,2}\b", text)[0])
        year = int(re.search(r"\d{4}", text)[0])
        number = month_number(re.search(MONTH, text)[0])
    try:
        return date(year, number, day).isoformat()
    except ValueError:
        return None


@dataclass
class Corpus:
    """Every article of a raw directory after ingest."""

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    texts: dict[str, str]


def ingest_corpus(raw_dir: Path, max_mb: float = DEFAULT_MAX_MB) -> Corpus:
    """Parse every article of ``raw_dir`` with its manifest row."""
    check_max_mb(max_mb)
    manifest_path = raw_dir / "manifest.csv"
    files = raw_files(raw_dir)
    manifest = read_manifest(manifest_path)
    check_manifest_files(manifest, files, manifest_path)
    _check_unique_ids(files)
    parsed = [parse_document(f, manifest.get(f.name), max_mb) for f in files]
    parsed.sort(key=lambda doc: doc.doc_id)
    documents = pd.DataFrame([doc.record for doc in parsed], columns=DOCUMENT_COLUMNS)
    paragraphs = pd.concat([doc.paragraphs for doc in parsed], ignore_index=True)
    return Corpus(documents, paragraphs, {doc.doc_id: doc.text for doc in parsed})


def _check_unique_ids(files: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in files:
        doc_id = doc_id_for(path)
        if not doc_id:
            raise InputError(f"{path}: its name gives an empty doc_id; rename it")
        if doc_id in seen:
            raise InputError(
                f"{seen[doc_id]} and {path.name} both map to doc_id {doc_id!r}; rename one"
            )
        seen[doc_id] = path


def write_corpus(corpus: Corpus, interim: Path, processed: Path) -> None:
    """Cleaned texts to ``interim``/<doc_id>.txt; documents.csv, paragraphs.csv to ``processed``."""
    interim.mkdir(parents=True, exist_ok=True)
    processed.mkdir(parents=True, exist_ok=True)
    for stale in interim.glob("*.txt"):
        if stale.stem not in corpus.texts:
            stale.unlink()
    for doc_id, text in corpus.texts.items():  # by rename: a run's snapshot keeps the old file
        partial = interim / f"{doc_id}.txt.partial"
        try:
            partial.write_text(text, encoding="utf-8", newline="\n")
        except OSError:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(interim / f"{doc_id}.txt")
    write_table(corpus.documents, processed / "documents.csv")
    write_table(corpus.paragraphs, processed / "paragraphs.csv")


def read_texts(interim: Path, doc_ids: list[str]) -> dict[str, str]:
    """The cleaned texts written by ingest, by doc_id."""
    return {d: (interim / f"{d}.txt").read_text(encoding="utf-8") for d in doc_ids}
