"""A deterministic, seeded corpus generator for tests and benchmarks.

``write_synthetic(root, n, seed)`` writes ``root/data/raw/`` with ``n`` articles and a
``manifest.csv``, so ``root`` is a workspace ``python -m helpers.pipeline --root`` can run.
Article i depends only on (seed, i): the same seed gives byte-identical files, and a smaller
corpus is a prefix of a larger one. Each article has an author, an outlet and a publication
date between 2016-01-01 and 2021-12-31; its header takes one of the forms ingest knows
(``HEADERS``: dateline with Topic/Region/Blog Brand/Tags and a repeated title; title, byline
and a day-month dateline; an ISO dateline with a closing bio; no header, dated by a manifest
row) and its paragraphs one of three layouts (``LAYOUTS``: blank-line separated, hard-wrapped
inside blank-line blocks, one per line). Header and layout cycle with i, so any 12 consecutive
articles cover every combination. Paragraphs mix the seed articles' sentences with template
sentences that date a reference episode of data/reference/events.csv before publication ("In
June 2018, the Trump-Kim summit in Singapore …") and prescribe a lever to an actor
("Washington should tighten sanctions on Pyongyang."), so timeline and positions have
something to aggregate. Names, outlets and institutes are invented.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import textwrap
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from helpers.corpus import ingest_corpus
from helpers.dates import MONTH_NAMES
from helpers.errors import InputError
from helpers.manifest import COLUMNS as MANIFEST_COLUMNS
from helpers.paths import REPO_ROOT, reference_file
from helpers.tables import read_reference
from helpers.tokenize import sentences_for_corpus

FIRST_DAY, LAST_DAY = date(2016, 1, 1), date(2021, 12, 31)
HEADERS = ("dateline", "byline", "iso", "manifest")
LAYOUTS = ("blank", "wrapped", "lines")
WRAP = 72
FIRST_NAMES = ("Anna", "Daniel", "Grace", "Hyun", "James", "Laura", "Mei", "Nathan", "Olivia",
               "Peter", "Rachel", "Samuel", "Sofia", "Thomas", "Yuki", "Victor")  # fmt: skip
LAST_NAMES = ("Abernathy", "Brennan", "Castellano", "Delgado", "Eastman", "Fairchild", "Gould",
              "Halvorsen", "Ishikawa", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak",
              "Okafor", "Park", "Quinlan", "Rasmussen")  # fmt: skip
OUTLETS = ("Harbor Review", "Pacific Ledger", "Strategy Desk", "Meridian Weekly", "Korea Watch",
           "The Policy Quarterly", "Atlas Dispatch")  # fmt: skip
INSTITUTES = ("the Lakeside Institute", "the Center for Pacific Studies", "Northfield University",
              "the Forum on Asian Security", "the Greenway Foundation")  # fmt: skip
ROLES = ("a Senior Fellow at", "a professor of international relations at", "a research fellow at",
         "a former ambassador and an advisor to", "the director of Asian studies at")  # fmt: skip
TOPICS = ("North Korea", "Security", "Diplomacy", "Sanctions", "Nuclear Weapons")
REGIONS = ("Asia", "East Asia", "Northeast Asia", "Asia-Pacific")
TAGS = ("North Korea", "China", "DPRK", "Kim Jong-un", "Sanctions", "Military", "ICBM",
        "Diplomacy", "South Korea", "Nuclear", "Alliances")  # fmt: skip
# Holders and targets of template claims; each must be an alias in actors.csv (checked on load).
ACTORS = ("Washington", "Seoul", "Beijing", "Pyongyang", "Tokyo", "America", "China",
          "South Korea", "North Korea", "Japan")  # fmt: skip
# Template actions by lever (names as in levers.csv); {target} is another actor.
ACTIONS = {
    "sanctions": (
        "tighten sanctions on {target}",
        "enforce sanctions against {target}",
        "ease sanctions on {target}",
        "offer sanctions relief to {target}",
    ),
    "negotiations/diplomacy": ("open negotiations with {target}", "hold talks with {target}"),
    "military exercises": ("suspend joint military exercises", "resume large-scale drills"),
    "troop presence": ("withdraw its troops from the peninsula", "keep its troops in place"),
    "denuclearization": ("insist on denuclearization first", "accept less than disarmament"),
    "testing and proliferation": ("press {target} to keep its moratorium on missile tests",),
    "security guarantees": ("give {target} security guarantees",),
    "incentives and concessions": ("offer {target} concessions", "demand something in return"),
    "economic engagement": ("expand trade with {target}", "send humanitarian assistance"),
    "relations with China": ("seek better relations with Beijing",),
    "multilateral coordination": ("seek support from {target}",),
    "military force": ("rule out military action against {target}",),
}
CLAIMS = ("{holder} should {action}.", "{holder} must {action}.", "{holder} must not {action}.",
          "{holder} ought to {action}.", "It is time for {holder} to {action}.",
          "If talks stall, {holder} should {action}.", "{holder} should not {action}.")  # fmt: skip
# Sentences dating an episode: events by month or day, periods (whole years) by year.
EVENT_SENTENCES = ("In {month_year}, {label} changed the calculations in {capital}.",
                   "Recall {label} of {full_date}.")  # fmt: skip
YEAR_SENTENCES = ("Much has been made of {label} since {year}.",
                  "{capital} has not forgotten {label} in {year}.",
                  "Officials in {capital} still cite {label}, which began in {year}.",
                  "Little that followed {label} in {year} went as planned.")  # fmt: skip
RELATIVE = (
    "{n} years ago, few expected {capital} to move.",
    "Last year {capital} changed course.",
    "In recent years the mood shifted.",
    "Over the last {n} years little changed.",
)
CAPITALS = ("Washington", "Seoul", "Beijing", "Pyongyang", "Tokyo")
NUMBERS = ("Two", "Three", "Four", "Five")


@dataclass
class Article:
    """One generated article: the file's text and what ingest should find in it."""

    file: str
    text: str
    header: str
    layout: str
    title: str
    author: str
    outlet: str
    published: str
    topic: str = ""
    region: str = ""
    blog_brand: str = ""
    tags: str = ""
    paragraphs: list[str] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)


@dataclass
class Material:
    """What articles are built from: seed sentences, episodes, claim actors and lever actions."""

    sentences: list[str]
    events: list[tuple[date, str, str]]
    actors: list[str]
    actions: dict[str, tuple[str, ...]]


def load_material(raw_dir: Path | None = None) -> Material:
    """Seed sentences (the real ingest and tokenizer on ``raw_dir``) and the reference tables."""
    corpus = ingest_corpus(raw_dir or REPO_ROOT / "data" / "raw")
    sentences = sentences_for_corpus(corpus.texts, corpus.paragraphs)["text"].tolist()
    return Material(sentences, _episodes(), _known_actors(), _known_actions())


def _episodes() -> list[tuple[date, str, str]]:
    """(start, name, kind) of reference events: the label where the event's own patterns find
    it in the label (so the timeline links it by name), else the episode (kind "period", as it
    groups several events); parentheses dropped."""
    columns = ["label", "start", "patterns", "episode", "kind"]
    events = read_reference(reference_file("events.csv"), columns, "events").fillna("")
    out = []
    for label, start, patterns, episode, kind in events[columns].itertuples(index=False):
        label = re.sub(r"\s*\([^)]*\)", "", label).strip()
        name = label if patterns and re.search(patterns, label) else episode
        if name:
            article = "" if re.search(r"\b[IVX]+$|’s\b|'s\b", name) else "the "
            kind = kind if name == label else "period"  # an episode is dated by year only
            out.append((date.fromisoformat(start), article + name, kind))
    first = {}
    for start, name, kind in sorted(out):
        first.setdefault(name, (start, name, kind))  # an episode once, at its first event
    return list(first.values())


def _known_actors() -> list[str]:
    """The ``ACTORS`` aliases; an error names any that actors.csv does not match."""
    patterns = read_reference(reference_file("actors.csv"), ["actor", "pattern"], "actors")
    known = [p for a, p in zip(patterns["actor"], patterns["pattern"], strict=True) if a]
    missing = [a for a in ACTORS if not any(re.fullmatch(p, a) for p in known)]
    if missing:
        raise InputError(f"{reference_file('actors.csv')}: no alias matches {missing}")
    return list(ACTORS)


def _known_actions() -> dict[str, tuple[str, ...]]:
    """The ``ACTIONS`` of levers that levers.csv lists (another levers table may lack some)."""
    levers = set(read_reference(reference_file("levers.csv"), ["lever"], "levers")["lever"])
    return {lever: phrases for lever, phrases in ACTIONS.items() if lever in levers}


def publication_date(rng: random.Random) -> date:
    """A uniformly drawn day between FIRST_DAY and LAST_DAY."""
    return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def claim_sentence(rng: random.Random, material: Material) -> str:
    """A prescriptive claim: an actor, a modal cue and a lever action."""
    holder, target = rng.sample(material.actors, 2)
    action = rng.choice(rng.choice(list(material.actions.values()))).format(target=target)
    sentence = rng.choice(CLAIMS).format(holder=holder, action=action)
    return sentence[0].upper() + sentence[1:]


def episode_sentence(rng: random.Random, material: Material, published: date) -> str:
    """A sentence dating a reference episode that began before ``published``, or a relative one."""
    earlier = [e for e in material.events if e[0] < published]
    capital = rng.choice(CAPITALS)
    if not earlier or rng.random() < 0.2:
        return rng.choice(RELATIVE).format(n=rng.choice(NUMBERS).lower(), capital=capital)
    start, label, kind = rng.choice(earlier)
    forms = YEAR_SENTENCES if kind == "period" else EVENT_SENTENCES + YEAR_SENTENCES
    sentence = rng.choice(forms).format(
        label=label,
        capital=capital,
        year=start.year,
        month_year=f"{MONTH_NAMES[start.month - 1]} {start.year}",
        full_date=f"{MONTH_NAMES[start.month - 1]} {start.day}, {start.year}",
    )
    return sentence[0].upper() + sentence[1:]


def body_paragraphs(rng: random.Random, material: Material, published: date) -> list[str]:
    """6-12 distinct paragraphs of 3-6 sentences; about one sentence in four from a template,
    the others seed sentences drawn without replacement (reshuffled when all are used)."""
    pool: list[str] = []
    paragraphs: list[str] = []
    while len(paragraphs) < rng.randint(6, 12) or len(paragraphs) < 2:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            roll = rng.random()
            if roll < 0.13:
                sentences.append(claim_sentence(rng, material))
            elif roll < 0.25:
                sentences.append(episode_sentence(rng, material, published))
            else:
                pool = pool or rng.sample(material.sentences, len(material.sentences))
                sentences.append(pool.pop())
        paragraph = " ".join(sentences)
        if paragraph not in paragraphs:
            paragraphs.append(paragraph)
    paragraphs[0] = f"{paragraphs[0]} {claim_sentence(rng, material)}"
    paragraphs[-1] = f"{episode_sentence(rng, material, published)} {paragraphs[-1]}"
    return paragraphs


def tag_run(tags: list[str]) -> str:
    """Tags run together as in the seeds' header ("North KoreaChinaDPRK")."""
    return "".join(tags)


def separable(tags: list[str]) -> list[str]:
    """``tags`` without an acronym right after an acronym: "ICBMDPRK" cannot be split again."""
    kept: list[str] = []
    for tag in tags:
        if not (kept and kept[-1].isupper() and tag[:2].isupper()):
            kept.append(tag)
    return kept


def make_article(i: int, seed: int, material: Material) -> Article:
    """Article ``i`` of the corpus for ``seed`` (depends on nothing else)."""
    rng = random.Random(f"synthetic:{seed}:{i}")
    header, layout = HEADERS[i % len(HEADERS)], LAYOUTS[i // len(HEADERS) % len(LAYOUTS)]
    published = publication_date(rng)
    author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    holder, target = rng.sample(material.actors, 2)
    lever = rng.choice(list(material.actions))
    title = rng.choice(
        (f"{holder} Should Rethink {lever.title()} With {target}", f"What {holder} Owes {target}",
         f"Can {holder} Trust {target}?", f"The Case for a New {holder} Policy on {lever}")
    )  # fmt: skip
    article = Article(
        file=f"syn-{seed}-{i:05d}.txt", text="", header=header, layout=layout, title=title,
        author=author, outlet=rng.choice(OUTLETS), published=published.isoformat(),
        paragraphs=body_paragraphs(rng, material, published),
    )  # fmt: skip
    bio = f"{author} is {rng.choice(ROLES)} {rng.choice(INSTITUTES)}."
    head = _header_lines(rng, article, published)
    tail = [] if header == "manifest" else [bio]
    article.text = _layout(head + article.paragraphs + tail, len(head), layout)
    article.manifest = _manifest_row(article, seed)
    return article


def _header_lines(rng: random.Random, article: Article, published: date) -> list[str]:
    """The header blocks for the article's header form (fills its expected metadata)."""
    if article.header == "manifest":
        return []
    article.topic, article.region = rng.choice(TOPICS), rng.choice(REGIONS)
    tags = separable(rng.sample(TAGS, rng.randint(2, 5)))
    month = MONTH_NAMES[published.month - 1]
    if article.header == "dateline":
        article.blog_brand, article.tags = article.outlet, ";".join(tags)
        fields = f"Topic: {article.topic} Region: {article.region} Blog Brand: {article.outlet}"
        when = f"{month} {published.day}, {published.year}"
        return [article.title, f"{when} {fields} Tags: {tag_run(tags)}", article.title]
    if article.header == "byline":
        article.region, article.tags = "", ";".join(tags)
        when = f"{published.day} {month[:3]} {published.year}"
        dateline = f"{when} Topic: {article.topic} Tags: {tag_run(tags)}"
        return [article.title, f"By {article.author}", dateline]
    return [
        article.title,
        f"{published.isoformat()} Topic: {article.topic} Region: {article.region}",
    ]


def _layout(blocks: list[str], n_header: int, layout: str) -> str:
    """The file text: blank-line blocks, body blocks hard-wrapped at WRAP, or one per line."""
    if layout == "lines":
        return "\n".join(blocks) + "\n"
    if layout == "wrapped":
        wrap = textwrap.TextWrapper(WRAP, break_long_words=False, break_on_hyphens=False)
        blocks = blocks[:n_header] + [wrap.fill(b) for b in blocks[n_header:]]
    return "\n\n".join(blocks) + "\n"


def _manifest_row(article: Article, seed: int) -> dict:
    """Every article's row names its outlet; a header-less one is dated and titled here."""
    row = dict.fromkeys(MANIFEST_COLUMNS, "")
    row["file"] = article.file
    row["source"] = f"{article.outlet} (synthetic corpus, seed {seed})"
    if article.header == "manifest":
        row.update(title=article.title, author=article.author, published=article.published)
        row["published_note"] = "synthetic: the date the generator drew"
    return row


def generate(n: int, seed: int = 0, material: Material | None = None) -> list[Article]:
    """The first ``n`` articles of the corpus for ``seed``."""
    if n < 1:
        raise InputError(f"--n must be at least 1, not {n}")
    material = material or load_material()
    return [make_article(i, seed, material) for i in range(n)]


def write_synthetic(root: Path, n: int, seed: int = 0) -> list[Article]:
    """Write ``root``/data/raw/*.txt and manifest.csv; an error if other articles are there."""
    articles = generate(n, seed)
    raw = Path(root) / "data" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    others = sorted({p.name for p in raw.glob("*.txt")} - {a.file for a in articles})
    if others:
        raise InputError(f"{raw}: already holds {len(others)} other article(s) ({others[0]} …)")
    for article in articles:
        (raw / article.file).write_text(article.text, encoding="utf-8", newline="\n")
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(a.manifest for a in articles)
    return articles


def summary(articles: list[Article]) -> pd.DataFrame:
    """One row per article: file, header, layout, author, outlet, published."""
    keys = ["file", "header", "layout", "author", "outlet", "published"]
    return pd.DataFrame([{k: getattr(a, k) for k in keys} for a in articles])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--dir", required=True, help="workspace root to write data/raw/ into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same files)")
    args = parser.parse_args(argv)
    try:
        articles = write_synthetic(Path(args.dir), args.n, args.seed)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    table = summary(articles)
    print(f"wrote {len(articles)} articles to {Path(args.dir) / 'data' / 'raw'} (seed {args.seed}):"
          f" {table['author'].nunique()} authors, {table['outlet'].nunique()} outlets,"
          f" published {table['published'].min()} to {table['published'].max()}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
