"""Site-tool hook (ProperDocs; MkDocs 1.x hook API): validate the YAML content and generate its pages before each build.

Deliberately thin.  All the work is in ``checkers`` (loader + generator), which
knows nothing about MkDocs; this file only wires it into ``properdocs build`` (and the
editor's preview, preview/, which runs the same build) so the site can later move to another
static-site tool.
"""
from __future__ import annotations

import gzip
import re
import sys
from urllib.parse import urljoin
from pathlib import Path

from properdocs.exceptions import Abort
from pathspec.gitignore import GitIgnoreSpec
from properdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkers package lives beside mkdocs.yml, not installed

from checkers.content import loader  # noqa: E402
from checkers.site import column, identity  # noqa: E402
from checkers.site import plan as build_plan  # noqa: E402
from checkers.site.pages import CASES, page_of  # noqa: E402
from checkers.content.problems import ContentError  # noqa: E402
from checkers.site.generate import generate  # noqa: E402


_state = {"serve": False, "site": None}
# One page in the site tool's sitemap, which lists each page by its canonical address.
_SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)
_CODE = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code\b")
_POSTS = f"{CASES}/posts/"
# Search: a citizen's query should land on the procedure or door first (it carries the law); a
# case illustrates it, so posts rank below.  (The column's lists say so in their own front matter.)
_POST_SEARCH = {"boost": 0.5}


def on_startup(command, dirty):
    # Draft case posts are shown in the editor's preview (preview/ starts the build as "serve")
    # but never built for publication.
    _state["serve"] = command == "serve"


@event_priority(100)  # first, so every plugin configured after it finds the pages generated
def on_config(config):
    # Runs at the start of every build, including the preview's full builds,
    # before MkDocs collects docs/, so the generated pages are always current.
    plan = build_plan.now()
    try:
        content = plan.content or loader.load(ROOT, plan.edition)
    except ContentError as exc:
        raise Abort("内容校验失败：\n" + "\n".join(exc.lines()))
    # The site's name, and a local edition's banner and footer (checkers/site/identity.py); when
    # every site's pages are rendered at once, placeholders that each site fills in.
    own = identity.PLACEHOLDERS if plan.shared else identity.of(content.edition, config["site_url"] or "")
    config["site_name"] = own.name
    config["extra"]["edition"] = {"banner": own.banner, "footer": own.footer}
    result = generate(content, Path(config["docs_dir"]), config["site_url"] or "", preview=_state["serve"],
                      name=own.name if plan.shared else None, only=plan.only)
    config["nav"] = _expand(config["nav"], result.nav)
    # A section too long for the nav (pages.LONG_SECTION) is reached through its index page;
    # its pages are left out of the nav on purpose, so strict mode must not call them omitted.
    left_out = [f"/{index.rsplit('/', 1)[0]}/*.md" for index, children in result.nav.items() if not children]
    # What a local edition adds is listed on its section's page, never in the menu (Site.nav).
    left_out += [f"/{page_of(item.kind, item.id)}" for item in content.all_items() if item.edition is not None]
    if left_out:
        config["not_in_nav"] = config["not_in_nav"] + GitIgnoreSpec.from_lines(left_out)
    _state["site"] = plan.site = result.site
    if plan.case_pages is not None:  # the posts' bodies, made already for another site
        result.site._case_pages = dict(plan.case_pages)
    build_plan.page_extra, build_plan.page_files = _page_extra, _page_files
    return config


def _page_extra(source: str) -> str:
    """What on_page_markdown puts into a page besides its own file (a post's page body, the
    column's newest posts), for sitetool's page cache: a page is the same only if this is too."""
    if source == column.INDEX:
        return column.first_page(_state["site"])
    if source.startswith(_POSTS) and source.endswith(".md"):
        return _state["site"].case_page(Path(source).stem) + _state["site"].case_description(Path(source).stem)
    return ""


def on_files(files, config):
    # Each post is published at cases/<file name>/ rather than cases/posts/<file name>/: the
    # address is the file name editors chose.  A draft is dropped here outside `properdocs serve`,
    # so it reaches no page, list or feed.
    site = _state["site"]
    for case in site.items("case"):
        file = files.get_file_from_path(f"{_POSTS}{case.id}.md")
        if case.data["status"] == "draft" and not _state["serve"]:
            files.remove(file)
            continue
        file.dest_uri = f"{CASES}/{case.id}/index.html"
        for cached in ("url", "abs_dest_path"):  # derived from dest_uri, possibly already computed
            file.__dict__.pop(cached, None)
    return files


def on_page_markdown(markdown, page, config, files):
    # A page that repeats another's answer (an outcome reached by several answers) names that page
    # as its canonical address, so a search engine lists the answer once.
    if "canonical" in page.meta:
        target = files.get_file_from_path(page.meta["canonical"])
        page.canonical_url = urljoin(config["site_url"] or "/", target.url)
    # The 案例专栏's pages: under the introduction, its newest posts and lists; for each post,
    # its search weight and, from its front matter, the byline, review date and local-practice
    # label under the lead, and the verbatim articles and its doors and procedures after the body.
    source = page.file.src_uri
    if source == column.INDEX:
        return markdown + "\n" + column.first_page(_state["site"])
    if not (source.startswith(_POSTS) and source.endswith(".md")):
        return markdown
    page.meta["search"] = _POST_SEARCH
    page.meta["description"] = _state["site"].case_description(Path(source).stem)
    # The editor's Markdown is replaced whole by the page the generator built from it with the
    # column's safe profile: posts are untrusted input (checkers/content/safe_markdown.py).
    return _state["site"].case_page(Path(source).stem)


def on_post_page(output, page, config):
    # A code block may scroll sideways, so keyboard users must be able to focus it.  Material's
    # script used to add this; it is not loaded (overrides/main.html).
    if build_plan.current is None:  # a plain properdocs build or the preview; else sitetool writes them
        _write_wechat_version(page)
    return _CODE.sub(r'\1<code tabindex="0"', output)


def _page_files(source: str) -> dict[str, str]:
    """A post's 公众号 version (checkers/site/wechat.py) beside its page, cases/<id>/wechat.html: a
    file, not a page, so it is in no menu, sitemap or search index."""
    if source.startswith(_POSTS) and source.endswith(".md"):
        return _state["site"].case_wechat_files(Path(source).stem)
    return {}


def _write_wechat_version(page) -> None:
    # Written with the page, so the preview's one-page updates write it too.
    files = _page_files(page.file.src_uri)
    if files:
        folder = Path(page.file.abs_dest_path).parent  # the page itself is written after this event
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")


def on_post_build(config):
    # The site tool lists every page by its canonical address, so a page that repeats another's
    # answer would list that page a second time: each address is kept once.
    sitemap = Path(config["site_dir"]) / "sitemap.xml"
    if not sitemap.exists():
        return
    seen: set[str] = set()

    def first(match: re.Match) -> str:
        if match.group(1) in seen:
            return ""
        seen.add(match.group(1))
        return match.group(0)

    text = _SITEMAP_URL.sub(first, sitemap.read_text(encoding="utf-8"))
    sitemap.write_text(text, encoding="utf-8")
    with gzip.GzipFile(sitemap.with_suffix(".xml.gz"), "wb", mtime=0) as packed:
        packed.write(text.encode("utf-8"))


def _expand(nav: list, children: dict[str, list]) -> list:
    """Turn `title: section/index.md` into a section holding the index and every generated page,
    at any depth of the nav."""
    out = []
    for entry in nav:
        if isinstance(entry, str):
            out.append(entry)
            continue
        (title, target), = entry.items()
        if isinstance(target, list):
            out.append({title: _expand(target, children)})
        else:
            out.append({title: [target, *children[target]]} if target in children else entry)
    return out
