"""`properdocs build`, on every core.

ProperDocs reads and converts every page, then renders every page, one after another (its
`commands.build.build`).  Our pages do not depend on each other's text: a page's template needs the
navigation (titles and addresses of the pages in the menu) and the page itself.  So the menu's
pages are read here first, and then forked workers each take a share of the pages and do both
halves for it: Markdown, hooks, theme template, file.  What a page leaves for later steps (its
canonical address for the sitemap, its anchors and links for the anchor check, its warnings for
strict mode) comes back to this process, and the build ends as ProperDocs' does: sitemap, 404,
anchor check, post-build hooks.

This module and preview/builder.py are the places that know ProperDocs' internals
(properdocs.commands.build's page functions); a move to another site tool replaces them, not the
generator.  Same steps, same functions, so the pages are the same: tests/test_build_driver.py
builds the site both ways and compares every file.
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from properdocs import replacement  # noqa: F401  (as `properdocs build` does: Material's `mkdocs` imports resolve)
from properdocs import utils
from properdocs.__main__ import State, _enable_warnings
from properdocs.commands import build as tool
from properdocs.config import load_config
from properdocs.exceptions import Abort, BuildError
from properdocs.structure.files import InclusionLevel, set_exclusions, get_files
from properdocs.structure.nav import get_navigation
from properdocs.structure.pages import Page

from checkers import parallel

log = logging.getLogger("properdocs.commands.build")
_logging = None
_PARENT = [os.getpid()]
# Starting workers costs about as much as rendering a few dozen pages.
MIN_PARALLEL = 50


def build(config_file: Path, site_dir: Path, workers: int | None = None) -> float:
    """Build the site like `properdocs build -f config_file -d site_dir`; returns the seconds taken."""
    global _logging
    _logging = _logging or State()  # the command line's log format, once per process
    _enable_warnings()
    started = time.perf_counter()
    _PARENT[0] = os.getpid()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger("properdocs").addHandler(counter)
    try:
        _build(config, workers)
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
    return time.perf_counter() - started


def _build(config, workers: int | None) -> None:
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

    def make(file):
        return lambda: _page(file.page, config, files, doc_files, nav, env)

    made = parallel.make_all({file.src_uri: make(file) for file in doc_files}, workers=workers, minimum=MIN_PARALLEL)
    for file in doc_files:
        _take_back(file.page, made[file.src_uri], files)
    for template in config.theme.static_templates:  # sitemap.xml (canonical addresses), 404.html
        tool._build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        tool._build_extra_template(template, files, config, nav)
    for file in doc_files:
        file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    config.plugins.on_post_build(config=config)


class _Warnings(logging.Handler):
    """The warnings a worker logs, sent back so that strict mode counts them in this process."""
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


def _page(page: Page, config, files, doc_files, nav, env) -> dict:
    """One page, both halves: read, Markdown, hooks (tool._populate_page); template, post-page
    hooks, write (tool._build_page).  Returns what later steps need from it."""
    caught = _Warnings()
    logger = logging.getLogger("properdocs")
    kept = logger.handlers
    # In a worker, warnings only go back to this process, which shows and counts them once.
    logger.handlers = [caught] if os.getpid() != _PARENT[0] else [*kept, caught]
    try:
        tool._populate_page(page, config, files)
        tool._build_page(page, config, doc_files, nav, env)
    finally:
        logger.handlers = kept
    links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
    return {"canonical_url": page.canonical_url, "present_anchor_ids": page.present_anchor_ids,
            "links": links, "meta": page.meta, "title": page.title, "warnings": caught.records,
            "forked": os.getpid() != _PARENT[0]}


def _take_back(page: Page, made: dict, files) -> None:
    """Put what a worker learnt about a page back on this process's page object."""
    page.canonical_url = made["canonical_url"]
    page.present_anchor_ids = made["present_anchor_ids"]
    page.links_to_anchors = {files.get_file_from_path(src): anchors for src, anchors in made["links"].items()}
    page.meta = made["meta"]
    if page.markdown is None:
        page.markdown = ""  # read in the worker; the title property needs it set
        page._title_from_render = made["title"]
    for name, level, message in made["warnings"]:
        if made["forked"]:  # made here, they were logged already
            logging.getLogger(name).log(level, message)
