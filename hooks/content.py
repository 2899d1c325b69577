"""MkDocs hook: validate the YAML content and generate its pages before each build.

Deliberately thin.  All the work is in ``checkers`` (loader + generator), which
knows nothing about MkDocs; this file only wires it into ``mkdocs build`` and
``mkdocs serve`` so the site can later move to another static-site tool.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkers package lives beside mkdocs.yml, not installed

from checkers import cases, loader  # noqa: E402
from checkers.site.pages import CASES  # noqa: E402
from checkers.problems import ContentError  # noqa: E402
from checkers.site.generate import generate  # noqa: E402


_state = {"serve": False, "site": None}
# The column's own pages: posts, and the blog plugin's category, archive and further index pages.
_COLUMN_PAGES = tuple(f"{CASES}/{part}/" for part in ("posts", "category", "archive", "page"))


def on_startup(command, dirty):
    # Draft case posts are previewed under `mkdocs serve` but never built for publication.
    _state["serve"] = command == "serve"


@event_priority(100)
def on_config(config):
    # Runs at the start of every build, including each rebuild under `mkdocs serve`,
    # before MkDocs collects docs/, so the generated pages are always current.
    # Early (priority 100) so the feed plugin sees its image: RSS wants an absolute URL
    # and the site's address is only known here (SITE_URL), and without one it writes "None".
    config.plugins["rss"].config.image = config["site_url"] + "assets/images/favicon.png"
    try:
        content = loader.load(ROOT)
    except ContentError as exc:
        raise Abort("内容校验失败：\n" + "\n".join(map(str, exc.problems)) + f"\n共 {len(exc.problems)} 个问题")
    result = generate(content, Path(config["docs_dir"]), config["site_url"] or "")
    config["nav"] = _expand(config["nav"], result.nav)
    _state["site"] = result.site
    return config


@event_priority(100)
def on_files(files, config):
    # Before the blog plugin collects its posts (priority 0): a draft is dropped here, so it
    # reaches no page, list, archive or feed.
    if _state["serve"]:
        return files
    site = _state["site"]
    for case in site.items("case"):
        if case.data["status"] == "draft":
            files.remove(files.get_file_from_path(f"{CASES}/posts/{case.id}.md"))
    return files


def on_page_markdown(markdown, page, config, files):
    # The 案例专栏's pages: their weight in search (see _case_search), and for each post, from
    # its front matter, the review date and local-practice label under the lead, and the
    # verbatim articles and its doors and procedures after the body.
    source = page.file.src_uri
    if source.startswith(_COLUMN_PAGES):
        page.meta["search"] = _case_search(source)
    if not (source.startswith(f"{CASES}/posts/") and source.endswith(".md")):
        return markdown
    top, bottom = _state["site"].case_parts(Path(source).stem)
    head, marker, body = markdown.partition(cases.EXCERPT)
    return head + marker + "\n\n" + top + body + bottom


def on_serve(server, config, builder):
    # Live reload: editing YAML, a schema or a template rebuilds the site.
    for folder in ("procedures", "schemas", "checkers/site/templates"):
        server.watch(str(ROOT / folder))
    return server


def _case_search(source: str) -> dict:
    """Search: a citizen's query should land on the procedure or door first (it carries the law);
    a case illustrates it, so posts rank below, and the column's list pages (categories, archive,
    further index pages), which only repeat post leads, are left out."""
    return {"boost": 0.5} if source.startswith(f"{CASES}/posts/") else {"exclude": True}


def _expand(nav: list, children: dict[str, list]) -> list:
    """Turn `title: section/index.md` into a section holding the index and every generated page."""
    out = []
    for entry in nav:
        (title, target), = entry.items()
        out.append({title: [target, *children[target]]} if isinstance(target, str) and target in children else entry)
    return out
