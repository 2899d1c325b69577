"""`properdocs build`, on every core, and each page rendered once for every site.

ProperDocs reads and converts every page, then renders every page, one after another (its
`commands.build.build`).  Our pages do not depend on each other's text: a page's template needs the
navigation (titles and addresses of the pages in the menu) and the page itself.  So the menu's
pages are read here first, and then forked workers each take a share of the pages and do both
halves for it: Markdown, hooks, theme template, file.  What a page leaves for later steps (its
canonical address for the sitemap, its anchors and links for the anchor check, its search text,
its warnings for strict mode) comes back to this process, and the build ends as ProperDocs' does:
sitemap, 404, anchor check, post-build hooks.

With a page cache (sitetool/pagecache.py), a page whose source, navigation, templates and code are
unchanged is not rendered again: its last rendering is taken.  Pages are then rendered with
placeholders for the site's name and address (checkers/site/identity.py) and each site fills in
its own, so the national site and every local edition share one rendering of each page they have
in common, and a build after a small edit renders only what the edit reached.

This module and preview/builder.py are the places that know ProperDocs' internals; a move to another
site tool replaces them, not the generator.  tests/test_build_driver.py builds the site this way and
with `properdocs build` and compares every file.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from properdocs import replacement  # noqa: F401  (as `properdocs build` does: Material's `mkdocs` imports resolve)
from properdocs import utils
from properdocs.__main__ import State, _enable_warnings
from properdocs.commands import build as tool
from properdocs.config import load_config
from properdocs.exceptions import Abort, BuildError
from properdocs.structure.files import InclusionLevel, get_files, set_exclusions
from properdocs.structure.nav import get_navigation
from properdocs.structure.pages import Page

from checkers import parallel
from checkers.site import identity as identities
from checkers.site import plan as build_plan
from checkers.site.pages import draw_qr

from .pagecache import PageCache

log = logging.getLogger("properdocs.commands.build")
_logging = None
_PARENT = [os.getpid()]
# Starting workers costs about as much as rendering a few dozen pages.
MIN_PARALLEL = 50


@dataclass
class Built:
    seconds: float
    rendered: int  # pages rendered in this build
    cached: int    # pages whose last rendering was taken from the page cache


def build(config_file: Path, site_dir: Path, workers: int | None = None, cache: PageCache | None = None,
          identity: identities.Identity | None = None, **options) -> Built:
    """Build the site like `properdocs build -f config_file -d site_dir`.
    With `identity`, pages are rendered with placeholders (the plan must say shared) and written
    as this site's; `options` override the config (docs_dir, site_url)."""
    global _logging
    _logging = _logging or State()  # the command line's log format, once per process
    _enable_warnings()
    started = time.perf_counter()
    _PARENT[0] = os.getpid()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), **options)
    config.plugins.on_startup(command="build", dirty=False)
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger("properdocs").addHandler(counter)
    try:
        made = _build(config, workers, cache, identity)
        if counts := counter.get_counts():
            raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            log.error(str(error))
            raise Abort("Aborted with a BuildError!")
        raise
    finally:
        logging.getLogger("properdocs").removeHandler(counter)
        config.plugins.on_shutdown()
    cached = sum(1 for m in made.values() if m["cached"])
    return Built(time.perf_counter() - started, len(made) - cached, cached)


def _build(config, workers: int | None, cache: PageCache | None, identity) -> dict:
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    utils.clean_directory(config.site_dir)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in doc_files:
        if file.page is None:
            Page(None, file, config)  # a page outside the menu
    # The menu shows the titles of its pages, and the footer those of the previous and next page:
    # these pages are read before any page is rendered.  (Their Markdown is converted later, in
    # the worker that renders them, as for every page.)
    for page in nav.pages:
        page.read_source(config)
    env = config.plugins.on_env(env, config=config, files=files)
    files.copy_static_files(inclusion=InclusionLevel.is_included)
    keys = cache.keys(config, nav, doc_files, build_plan.page_extra) if cache else {}

    def make(file):
        return lambda: _page(file.page, config, files, doc_files, nav, env, cache, keys.get(file.src_uri), identity)

    made = parallel.make_all({file.src_uri: make(file) for file in doc_files}, workers=workers, minimum=MIN_PARALLEL)
    for file in doc_files:
        _take_back(file.page, made[file.src_uri], files, identity)
    if cache:
        cache.used({keys[src] for src in made})
    for template in config.theme.static_templates:  # sitemap.xml (canonical addresses), 404.html
        tool._build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        tool._build_extra_template(template, files, config, nav)
    for file in doc_files:
        file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    if identity:  # what pages did not write: static files, sitemap, 404 (the pages already are)
        identities.specialise_tree(Path(config.site_dir), identity, draw_qr,
                                   skip={file.page.file.abs_dest_path for file in doc_files})
    config.plugins.on_post_build(config=config)
    return made


class _Warnings(logging.Handler):
    """The warnings a worker logs, sent back so that strict mode counts them in this process."""
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


def _page(page: Page, config, files, doc_files, nav, env, cache, key, identity) -> dict:
    """One page: its last rendering from the cache, or both halves made here: read, Markdown, hooks
    (tool._populate_page); template, post-page hooks (_render).  Written as this site's page;
    returns what later steps need from it."""
    hit = cache.get(key) if cache and key else None
    if hit:
        output, made = hit
    else:
        caught = _Warnings()
        logger = logging.getLogger("properdocs")
        kept = logger.handlers
        # In a worker, warnings only go back to this process, which shows and counts them once.
        logger.handlers = [caught] if os.getpid() != _PARENT[0] else [*kept, caught]
        try:
            tool._populate_page(page, config, files)
            output = _render(page, config, doc_files, nav, env)
        finally:
            logger.handlers = kept
        links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
        made = {"canonical_url": page.canonical_url, "present_anchor_ids": page.present_anchor_ids,
                "links": links, "meta": page.meta, "title": page.title, "warnings": caught.records}
        if cache and key:
            cache.put(key, output, made)
    if output.strip():
        text = identities.specialise(output, identity, draw_qr) if identity else output
        utils.write_file(text.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
    # Files the content hook puts beside the page (a post's 公众号 version): made anew each build,
    # from the content of this build, cached page or not.
    folder = Path(page.file.abs_dest_path).parent
    for name, beside in (build_plan.page_files(page.file.src_uri) if build_plan.page_files else {}).items():
        (folder / name).write_text(identities.specialise(beside, identity, draw_qr) if identity else beside, encoding="utf-8")
    return {**made, "forked": os.getpid() != _PARENT[0], "cached": bool(hit)}


def _render(page: Page, config, doc_files, nav, env) -> str:
    """tool._build_page up to the file: the page in the theme's template, through the page-context
    and post-page hooks.  (Written by the caller, which may first fill in the site's own name.)"""
    config._current_page = page
    try:
        page.active = True  # the menu shows where the page is
        context = tool.get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
        return config.plugins.on_post_page(output, page=page, config=config)
    finally:
        page.active = False
        config._current_page = None


def _take_back(page: Page, made: dict, files, identity) -> None:
    """Put what a worker (or the cache) knows about a page on this process's page object, as this
    site's: a page may show the site's own address in its text, which the search index reads."""
    if identity:
        made = identities.specialise_made(made, identity)
    page.canonical_url = made["canonical_url"]
    page.present_anchor_ids = made["present_anchor_ids"]
    page.links_to_anchors = {files.get_file_from_path(src): anchors for src, anchors in made["links"].items()}
    page.meta = made["meta"]
    if page.markdown is None:
        page.markdown = ""  # read elsewhere; the title property needs it set
        page._title_from_render = made["title"]
    if made["forked"] or made["cached"]:  # made here, its warnings were logged already
        for name, level, message in made["warnings"]:
            logging.getLogger(name).log(level, message)
