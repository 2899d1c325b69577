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
from checkers.site import column  # noqa: E402
from checkers.site.pages import CASES  # noqa: E402
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
    try:
        content = loader.load(ROOT)
    except ContentError as exc:
        raise Abort("内容校验失败：\n" + "\n".join(exc.lines()))
    result = generate(content, Path(config["docs_dir"]), config["site_url"] or "", preview=_state["serve"])
    config["nav"] = _expand(config["nav"], result.nav)
    # A section too long for the nav (pages.LONG_SECTION) is reached through its index page;
    # its pages are left out of the nav on purpose, so strict mode must not call them omitted.
    left_out = [f"/{index.rsplit('/', 1)[0]}/*.md" for index, children in result.nav.items() if not children]
    if left_out:
        config["not_in_nav"] = config["not_in_nav"] + GitIgnoreSpec.from_lines(left_out)
    _state["site"] = result.site
    return config


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
    _write_wechat_version(page)
    return _CODE.sub(r'\1<code tabindex="0"', output)


def _write_wechat_version(page) -> None:
    # A post's 公众号 version (checkers/site/wechat.py) beside its page, cases/<id>/wechat.html: a
    # file, not a page, so it is in no menu, sitemap or search index.  Written with the page, so
    # the preview's one-page updates write it too.
    source = page.file.src_uri
    if source.startswith(_POSTS) and source.endswith(".md"):
        folder = Path(page.file.abs_dest_path).parent  # the page itself is written after this event
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in _state["site"].case_wechat_files(Path(source).stem).items():
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
