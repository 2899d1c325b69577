"""The Markdown that column editors write, rendered as untrusted input.

Case posts are written by editors in petition offices, not by developers, and a page must be
safe even where no Content-Security-Policy protects it (another host, a USB stick).  So posts
do not go through the site's Markdown (raw HTML, attribute lists, any link target): they get
this profile, which
- treats any HTML the editor typed as text (Python-Markdown's raw-HTML steps are removed);
- has no attribute lists and no Markdown-in-HTML;
- keeps links to http(s):, mailto:, tel: and this site's own pages, and images from this site only;
and then passes the result through nh3 (Ammonia), a maintained allowlist sanitizer, as a
second, independent line.  What the profile drops or refuses is returned as findings, so
`validate` can tell the editor, at the line, why.
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import markdown
import nh3
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor
from pymdownx.slugs import slugify

from ..memo import Table, version_of

SCHEMES = {"http", "https", "mailto", "tel"}
TAGS = {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td", "img", "hr"}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}, **{h: {"id"} for h in ("h3", "h4", "h5", "h6")}}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_TAG = re.compile(r"<\s*[A-Za-z/!?]")
_ATTR_LIST = re.compile(r"\{\s*(?::|[#.][A-Za-z_]|[^{}=]*\w\s*=)[^{}]*\}")


@dataclass(frozen=True)
class Finding:
    needle: str   # text to find in the source, for the line number
    message: str


def scheme(url: str) -> str | None:
    """The scheme a browser would see: entities decoded, control characters and spaces removed
    (browsers drop them, so 'java\\nscript:' is javascript:)."""
    found = _SCHEME.match(_CONTROL.sub("", htmllib.unescape(url)))
    return found.group(1).lower() if found else None


class _Check(Treeprocessor):
    """Refuses what the profile does not publish, and records why."""

    def __init__(self, md, findings: list[Finding]):
        super().__init__(md)
        self.findings = findings

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for el in list(parent):
                if el.tag == "a":
                    href = el.get("href", "")
                    kind = scheme(href)
                    if kind is not None and kind not in SCHEMES or href.lstrip().startswith("//"):
                        shown = _CONTROL.sub("", href)[:40]  # one line, as the browser would read it
                        self.findings.append(Finding(href.split("\n")[0] or (el.text or ""),
                                                     f"链接地址“{shown}”不能用：只能链接到 http(s)://、mailto:、tel: 或本站页面"))
                        del el.attrib["href"]
                elif el.tag == "img":
                    src = el.get("src", "")
                    if scheme(src) is not None or src.lstrip().startswith("//"):
                        self.findings.append(Finding(src.split("\n")[0], "图片只能用本站的图片（放在 docs/assets/images/ 里，用相对地址），"
                                                                          "不能从其他网站加载"))
                        parent.remove(el)
        for el in root.iter():
            # Text inside code is shown as code, on purpose; what follows the code is not code.
            for text in ((el.tail,) if el.tag in ("code", "pre") else (el.text, el.tail)):
                if not text:
                    continue
                tag = _TAG.search(text)
                if tag:
                    self.findings.append(Finding(text[tag.start():tag.start() + 12],
                                                 "正文不要写 HTML 标签，只用 Markdown；写了的会原样显示成文字"))
                attrs = _ATTR_LIST.search(text)
                if attrs:
                    self.findings.append(Finding(attrs.group(0), "正文不要写 {: …} 这样的属性列表；写了的会原样显示成文字"))


class _Profile:
    """One Markdown instance, reset between posts: building one costs more than converting a post,
    and a column of thousands is rendered at every validation."""

    def __init__(self):
        # Headings get the same ids as on the rest of the site (mkdocs.yml: toc with pymdownx's slugify).
        self.md = markdown.Markdown(extensions=["tables", "sane_lists", TocExtension(slugify=slugify(case="lower"),
                                                                                      permalink=False)])
        self.md.preprocessors.deregister("html_block")  # raw HTML blocks stay text
        self.md.inlinePatterns.deregister("html")       # inline tags too
        self.check = _Check(self.md, [])
        self.md.treeprocessors.register(self.check, "xf-check", 0)

    def convert(self, text: str) -> tuple[str, list[Finding]]:
        self.md.reset()
        self.check.findings = []
        return self.md.convert(text), self.check.findings


_profile: _Profile | None = None
# Parts rendered before, in this build or an earlier one (checkers/memo.py): a column of thousands
# of posts is loaded at every build, and only the parts that changed need rendering again.  Opened
# by the content loader (checkers/content/cases.py).
TABLE = Table("safe-markdown", lambda: version_of(("Markdown", "nh3", "pymdown-extensions"), (Path(__file__),)))


def render(text: str) -> tuple[str, list[Finding]]:
    """(safe HTML, what was refused).  The HTML holds only TAGS with ATTRIBUTES."""
    html, findings = TABLE.get(text, lambda: _frozen(_render(text)))
    return html, list(findings)


def _frozen(rendered: tuple[str, list[Finding]]) -> tuple[str, tuple[Finding, ...]]:
    return rendered[0], tuple(rendered[1])


def _render(text: str) -> tuple[str, list[Finding]]:
    global _profile
    _profile = _profile or _Profile()
    rendered, findings = _profile.convert(text)
    clean = nh3.clean(rendered, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                      link_rel="noopener noreferrer", strip_comments=True)
    return clean, findings


def without_links(html: str) -> str:
    """The same HTML with links reduced to their words (a lead shown on a list page, where a
    relative link written for the post would point elsewhere)."""
    return nh3.clean(html, tags=TAGS - {"a", "img"}, attributes={}, strip_comments=True)


def text(html: str) -> str:
    """Plain text of rendered HTML, for a feed description."""
    return " ".join(htmllib.unescape(nh3.clean(html, tags=set(), attributes={})).split())
