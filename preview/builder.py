"""The editor's preview build: one full build, then after each save only the pages the edit can
have changed, made by the same hooks, templates and theme as the published site.

Why this design (issue 20): at L a full build takes ~40 s, of which reading 3,000 posts is ~5 s and
rendering ~4,000 pages the rest; an edit changes a handful.  So the loaded content and the site
tool's state (files, navigation, theme environment) are kept between saves; a saved file is read
again alone (checkers.content.loader.reload, which still runs every cross-check), the generator says which
pages the edit can reach (checkers.site.affected), those are generated, and only those whose text
changed go through ProperDocs, one page at a time, with its own page functions.  Anything
else (a template, a schema, a new or deleted file, a changed menu, a statute) builds everything.
tests/test_preview.py proves the pages equal a full build's.

The one place that uses ProperDocs' internals (properdocs.commands.build._populate_page and
_build_page): a later move to another site tool replaces this file, not the generator.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from properdocs import replacement  # noqa: F401  (as `properdocs build` does: Material's `mkdocs` imports resolve)
from properdocs.commands import build as tool_build
from properdocs.config import load_config
from properdocs.structure.files import InclusionLevel

from checkers.content import editions, loader
from checkers.content.problems import ContentError
from checkers.site import affected, browser_data, feed, open_data, workspace
from checkers.site.generate import write_if_changed
from checkers.site.pages import CALCULATOR_PAGE, Site

POSTS = "docs/cases/posts/"


@dataclass
class Outcome:
    how: str                      # "full", "pages" or "problems"
    seconds: float
    pages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class _Capture:
    """A plugin that only remembers the build's files, navigation and theme environment."""
    def on_files(self, files, config):
        self.files = files
        return files

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        self.env = env
        return env


class Preview:
    def __init__(self, root: Path, site_dir: Path, serve_url: str = "http://127.0.0.1:8000/", edition: str | None = None):
        self.root, self.site_dir, self.serve_url = root.resolve(), site_dir.resolve(), serve_url
        # A local edition (make serve EDITION=<id>): the content hook reads the same EDITION, and
        # the pages are generated into the edition's own folder, never into docs/.
        self.edition = edition
        self.state = None
        # Files whose last save was refused.  The kept content is the last good one, so a save of
        # the same file can still be made alone; a save of any other file builds everything.
        self.refused: set[str] = set()

    # --- the whole site ---------------------------------------------------------------------------
    def full(self) -> Outcome:
        started = time.perf_counter()
        chain = editions.read(self.root, self.edition).chain if self.edition else ()
        options = {"docs_dir": str(workspace.edition_docs(self.root, self.edition, with_generated=False, chain=chain))} if self.edition else {}
        config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site_dir), **options)
        self.refused = set()
        capture = _Capture()
        config.plugins["preview-capture"] = capture
        config.plugins.on_startup(command="serve", dirty=False)  # drafts are shown, marked 草稿
        try:
            tool_build.build(config, serve_url=self.serve_url)
        except Exception as exc:  # bad content or a strict-mode warning: show it, keep serving
            self.state = None
            return Outcome("problems", time.perf_counter() - started, problems=_problem_lines(exc))
        hook = config.plugins["hooks/content.py"]
        self.state = {"config": config, "files": capture.files, "nav": capture.nav, "env": capture.env, "hook": hook,
                      "specs": set(hook._state["site"].page_specs())}
        return Outcome("full", time.perf_counter() - started)

    # --- one saved file ---------------------------------------------------------------------------
    def update(self, path: Path) -> Outcome:
        """After `path` was saved: the pages it changes, or the whole site when that is simpler."""
        path = path.resolve()
        rel = path.relative_to(self.root).as_posix()
        if self.state is None or self.refused - {rel} or not path.exists():
            return self.full()
        if self.edition and not rel.startswith("procedures/"):  # its folder holds copies of docs/ and editions/
            return self.full()
        if rel.startswith(POSTS) and path.suffix == ".md" or rel.startswith("procedures/") and path.suffix == ".yaml":
            return self._content(path, rel)
        if rel.startswith("docs/"):
            return self._docs_file(rel[len("docs/"):])
        return self.full()

    def _content(self, path: Path, rel: str) -> Outcome:
        started = time.perf_counter()
        s = self.state
        old_site = s["hook"]._state["site"]
        old_content = old_site.content
        try:
            content = loader.reload(old_content, self.root, path)
        except ContentError as exc:
            self.refused.add(rel)
            return Outcome("problems", time.perf_counter() - started, problems=exc.lines())
        self.refused.discard(rel)
        old_item = _item_at(old_content, rel)
        new_item = _item_at(content, rel)
        if old_item is None or new_item is None or old_item.id != new_item.id:
            return self.full()  # a new, renamed or re-identified item: the menu and lists move
        site = Site(content, s["config"]["site_url"] or "", preview=True, env=old_site.env)
        pages = affected.pages(new_item.kind, new_item.id, old_item.data, new_item.data, old_site, site)
        specs = site.page_specs()
        if pages is None or set(specs) != s["specs"] or site.nav() != old_site.nav():
            return self.full()
        s["hook"]._state["site"] = site
        docs = Path(s["config"]["docs_dir"])
        changed = [page for page in sorted(pages & specs.keys()) if write_if_changed(docs / page, specs[page]())]
        changed += [page for page in sorted(pages - specs.keys()) if (docs / page).exists()]  # hand-written, hook-extended
        if new_item.kind == "case":
            changed.append(rel[len("docs/"):])
        data = feed.files(site)  # a post shows in the feed, never in the calculator's or the open data
        if new_item.kind != "case":
            data.update({**browser_data.files(site, CALCULATOR_PAGE), **open_data.files(site)})
        statics = [name for name, text in data.items() if write_if_changed(docs / name, text)]
        return self._render(changed, statics, started)

    def _docs_file(self, name: str) -> Outcome:
        """A hand-written page or an asset (stylesheet, script, image) under docs/."""
        started = time.perf_counter()
        file = self.state["files"].get_file_from_path(name)
        if file is None:
            return self.full()
        if file.is_documentation_page():
            return self._render([name], [], started)
        return self._render([], [name], started)

    def _render(self, pages: list[str], statics: list[str], started: float) -> Outcome:
        s = self.state
        config, files, nav, env = s["config"], s["files"], s["nav"], s["env"]
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for name in statics:
            file = files.get_file_from_path(name)
            if file is None:
                return self.full()
            file.copy_file()
        for name in pages:
            file = files.get_file_from_path(name)
            if file is None or file.page is None:
                return self.full()
            tool_build._populate_page(file.page, config, files)
            tool_build._build_page(file.page, config, doc_files, nav, env)
        return Outcome("pages", time.perf_counter() - started, pages=pages + statics)


def _item_at(content, rel: str):
    return next((item for item in content.all_items() if item.path == rel), None)


def _problem_lines(exc: Exception) -> list[str]:
    text = str(exc)
    return [line for line in text.splitlines() if line.strip()] or [type(exc).__name__]
