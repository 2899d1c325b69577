"""YAML content -> Markdown pages and browser JSON, with no site-tool dependency.

Run by ``python -m checkers generate`` or by the thin site-tool hook.  Keeping
this a plain step means the pages can move to another static-site tool (Material
for MkDocs reached its end of life in November 2026) without touching the content model.
Generated folders are owned by the generator: stale files in them are removed,
and files are only rewritten when their text changes so ``properdocs serve`` does
not rebuild in a loop.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import browser_data, feed, open_data, place, search_words
from .outputs import GENERATED_DIRS, GENERATED_FILES, ROBOTS, SITE_NAME
from .. import parallel
from .pages import CALCULATOR_PAGE, Site


def robots(site_url: str, name: str = SITE_NAME) -> str:
    """Crawlers may read every page; the sitemap (written by the site tool) is named by its full
    address, as the robots.txt format requires."""
    lines = [f"# {name}：公益普法网站，所有页面都可以收录。", "User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url}sitemap.xml")
    return "\n".join(lines) + "\n"


@dataclass
class Result:
    pages: int = 0
    changed: int = 0
    nav: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    site: Site | None = None  # kept for the hook, which adds the site's parts to each case post


def generate(content, out_dir: Path, site_url: str = "", preview: bool = False, name: str | None = None,
             only: set[str] | None = None) -> Result:
    """Write every generated page and file into out_dir.  `only`: make just these pages (and the
    site-wide files), leaving the others as they are: a local edition's folder starts as a copy of
    the national one, and only the pages its additions and its place reach are made again."""
    site = Site(content, site_url, preview, name=name)
    specs = site.page_specs()
    place.table(site)  # every (case, place) resolved once, on both cores, before the page makers fork: they read it
    files = parallel.make_all({page: make for page, make in specs.items() if only is None or page in only})
    files.update(browser_data.files(site, CALCULATOR_PAGE))
    files.update(open_data.files(site))
    files.update(feed.files(site))
    files.update(search_words.files(site))
    files.update(place.files(site))  # data/place/: what place.js shows for ?place=
    place.table.cache_clear()  # 18 MB at any scale, which the site tool's workers would each inherit
    files[ROBOTS] = robots(site.site_url, site.name)
    if only is None:
        site.prerender_case_pages()
    stray = [f for f in files if "/" not in f and f not in GENERATED_FILES]
    assert not stray, f"add {stray} to GENERATED_FILES: the build cache must know the generator's own files"
    result = Result(pages=sum(1 for f in files if f.endswith(".md")), nav=site.nav(), files=sorted(files), site=site)
    result.changed = sum(write_if_changed(out_dir / rel, text) for rel, text in files.items())
    keep = set(files) | (set(specs) if only is not None else set())
    for folder in GENERATED_DIRS:
        for path in sorted((out_dir / folder).rglob("*"), reverse=True):
            rel = path.relative_to(out_dir).as_posix()
            if path.is_file() and rel not in keep:
                path.unlink()
                result.changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return result


def write_if_changed(target: Path, text: str) -> bool:
    """Write only a changed text: the site tool then sees only what really changed."""
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    # A new file, never written through: an edition's folder shares its unchanged files with the
    # national one (hard links), and writing into one would change both.
    target.unlink(missing_ok=True)
    target.write_text(text, encoding="utf-8")
    return True

