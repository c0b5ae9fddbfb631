"""The published site: HTML reports with code hidden, one shared plotly.js, an index page.

The site is built in a staging directory next to reports/ and swapped in only when the
whole run succeeded (helpers.transaction), so a failed run leaves the last good site in place.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpers.digest import tree_digest
from helpers.errors import InputError
from helpers.rawtext import raw_files
from helpers.reportpage import PageContext, finish_page
from helpers.sitedata import publish_tables

if TYPE_CHECKING:
    from nbconvert import HTMLExporter

TEMPLATES = Path(__file__).parent / "templates"
PLOTLY_JS = TEMPLATES / "assets" / "plotly-cartesian.min.js"  # vendored; see its README.md
SITE_TITLE = "Foreign-policy commentary: reports"
MAX_INDEX_ARTICLES = 2000  # the index lists at most this many articles (documents.csv has all)


@dataclass(frozen=True)
class IndexEntry:
    """One row of the index page."""

    title: str
    description: str
    href: str
    status: str
    run_time: str
    parameters: dict[str, Any]


def exporter() -> HTMLExporter:
    """An HTML exporter that hides code and prompts and uses the report template."""
    from nbconvert import HTMLExporter  # imported when a page is rendered (a slow import)

    return HTMLExporter(
        template_name="report",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def render_report(
    executed: Path,
    title: str,
    dest: Path,
    html: HTMLExporter,
    context: PageContext | None = None,
) -> None:
    """Render an executed notebook to ``dest`` (an HTML page of the site), with the footer
    ``context`` describes, stable ids and a table of contents (helpers.reportpage)."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    nb.metadata["title"] = title
    for cell in nb.cells:  # papermill gives its injected cell a random id
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    context = context or PageContext()
    resources = {
        "metadata": {"name": title},
        "report": context.as_resources(),
        "inline": inline_assets(context.standalone),
    }
    body, _ = html.from_notebook_node(nb, resources=resources)
    dest.write_text(finish_page(body), encoding="utf-8")


def publish_report(
    executed: Path, title: str, site: Path, tables: list[Path], context: PageContext
) -> None:
    """Copy the ``tables`` a notebook wrote into ``site``/data/ and render its page there,
    its footer linking them and stating ``context`` (the generation time is set here)."""
    site.mkdir(parents=True, exist_ok=True)
    links = publish_tables(tables, site)
    now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", " UTC")
    context = replace(context, tables=links, generated=now)
    render_report(executed, title, site / f"{executed.stem}.html", exporter(), context)


def inline_assets(standalone: bool) -> dict[str, str]:
    """Text of the files a page inlines: report.js always; plotly.js and the stylesheets
    too when the page must stand alone."""
    inline = {"report.js": (TEMPLATES / "report.js").read_text(encoding="utf-8")}
    if standalone:
        inline[PLOTLY_JS.name] = PLOTLY_JS.read_text(encoding="utf-8")
        inline["site.css"] = (TEMPLATES / "site.css").read_text(encoding="utf-8")
        lab_static = lab_template_static()
        for name in ("index.css", "theme-light.css"):
            inline[f"lab-{name}"] = (lab_static / name).read_text(encoding="utf-8")
    return inline


def write_assets(site: Path) -> None:
    """The shared plotly.js (cartesian bundle, with its licence) and stylesheets in assets/."""
    assets = site / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "plotly.min.js").unlink(missing_ok=True)  # the full bundle older sites carried
    for name in (PLOTLY_JS.name, "plotly-cartesian.LICENSE"):
        shutil.copyfile(PLOTLY_JS.parent / name, assets / name)
    shutil.copyfile(TEMPLATES / "site.css", assets / "site.css")
    lab_static = lab_template_static()
    for name in ("index.css", "theme-light.css"):
        shutil.copyfile(lab_static / name, assets / f"lab-{name}")


def lab_template_static() -> Path:
    """nbconvert's lab template static/ directory (JupyterLab's stylesheets)."""
    from jupyter_core.paths import jupyter_path

    for base in jupyter_path("nbconvert", "templates", "lab", "static"):
        if (Path(base) / "index.css").exists():
            return Path(base)
    raise InputError("nbconvert's lab template (static/index.css) is not installed")


def article_rows(documents_csv: Path, limit: int = MAX_INDEX_ARTICLES) -> tuple[list[dict], int]:
    """Title, author, date and source of each article in documents.csv (up to ``limit``, in
    doc_id order), and how many there are; none when the table is not there yet."""
    if not documents_csv.is_file():
        return [], 0
    with documents_csv.open(newline="", encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r.get("doc_id", ""))
    fields = ("doc_id", "title", "author", "published", "blog_brand", "source")
    shown = [{k: row.get(k, "") for k in fields} for row in rows[:limit]]
    return shown, len(rows)


def write_index(
    site: Path,
    entries: list[IndexEntry],
    fingerprint: str,
    n_articles: int,
    documents_csv: Path | None = None,
) -> None:
    """reports/index.html, rendered with Jinja2 autoescaping: the reports, then the articles
    of ``documents_csv``."""
    import jinja2

    articles, n_listed = article_rows(documents_csv) if documents_csv else ([], 0)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True
    )
    page = env.get_template("index.html.j2").render(
        title=SITE_TITLE,
        reports=entries,
        fingerprint=fingerprint,
        n_articles=n_articles,
        site_size=human_size(site_size(site)),
        articles=articles,
        n_listed=n_listed,
    )
    (site / "index.html").write_text(page, encoding="utf-8")


def count_articles(raw: Path) -> int:
    """The articles the corpus reads from ``raw`` (helpers.corpus.raw_files); 0 when none."""
    try:
        return len(raw_files(raw))
    except InputError:
        return 0


def corpus_fingerprint(raw: Path) -> str:
    """Short SHA-256 over the names and contents of every file in data/raw."""
    return tree_digest(raw)[:12]


def site_size(site: Path) -> int:
    """Bytes of every file under ``site``."""
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def human_size(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"
