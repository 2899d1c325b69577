"""The WeChat 公众号 version of a 案例专栏 post, and the limits it must meet.

Offices republish posts in their 公众号, whose editor keeps inline styles only (no <style>, no
scripts; class and id are dropped on paste), takes at most 20,000 characters, lists two levels
deep and links only to other 公众号 articles; a title has at most 32 characters, a summary 128,
and pictures must be uploaded to WeChat first.  So the version is the post as the safe profile
rendered it (checkers/content/safe_markdown.py), with
- every link's words kept and marked [n], its address in a numbered note at the end;
- every picture replaced by a line saying which one to upload there (its address in a note);
- the byline, the local-practice label, the three sections and the cited articles verbatim, as
  on the post's page;
- the stylesheet below inlined by css-inline (a maintained inliner), then nh3 keeping only the
  tags WeChat takes, each with its style attribute and nothing else.
The post's own checks (checkers/content/publish.py) build it once, with ADDRESS standing for the
site's address, and report the limits at the editor's line; the site puts in the real address
(Site.case_wechat) and writes it beside the post's page (hooks/content.py).
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

import css_inline
import nh3

from ..content import safe_markdown
from ..content.citation import label
from ..wording.deadline import cn_date

TITLE, SUMMARY, LENGTH, LIST_DEPTH = 32, 128, 20_000, 2
ADDRESS = "https://site.invalid/"  # the site's address until the site knows it (RFC 2606: never resolves)
ADDRESS_ALLOWANCE = 100  # the length checked for it: longer than any real site address
FILE, TEXT_FILE = "wechat.html", "wechat.txt"  # beside the post's page: cases/<id>/wechat.html
STYLE = """
.wx{font-size:16px;line-height:1.8;color:#222}
.wx p{margin:0 0 1em}
.wx h2{font-size:18px;margin:1.6em 0 .8em;padding-left:8px;border-left:4px solid #3f51b5;color:#1a237e}
.wx h3,.wx h4,.wx h5,.wx h6{font-size:16px;margin:1.2em 0 .6em}
.wx ul,.wx ol{margin:0 0 1em;padding-left:1.5em}
.wx blockquote{margin:0 0 1em;padding:8px 12px;background:#f5f5f5;border-left:3px solid #9e9e9e;color:#444}
.wx blockquote p{margin:0 0 .4em}
.wx th,.wx td{border:1px solid #ccc;padding:4px 8px}
.wx pre{white-space:pre-wrap;background:#f5f5f5;padding:8px}
.wx sup{font-size:12px;color:#3f51b5}
.wx .meta,.wx .small{font-size:14px;color:#555}
.wx .local{margin:0 0 1em;padding:8px 12px;background:#fff8e1;border-left:4px solid #ffa000}
.wx .local p{margin:0 0 .4em}
.wx .notes{font-size:14px;color:#555;border-top:1px solid #ddd;padding-top:8px}
.wx .notes p{margin:0 0 .4em;word-break:break-all}
"""
TAGS = {"section", "p", "br", "strong", "em", "b", "i", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td", "sup", "code", "pre", "hr", "span"}
STYLE_PROPERTIES = {"font-size", "line-height", "color", "margin", "padding", "padding-left", "padding-top", "border",
                    "border-left", "border-top", "background", "white-space", "word-break"}
_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False, keep_link_tags=False)
_LIST_TAG = re.compile(r"<(?P<close>/?)(?:ul|ol)>|<li>(?:\s*<p>)?(?P<words>[^<]*)")
_BLOCK_TAG = re.compile(r"</?(?:section|p|h[2-6]|li|blockquote|tr|pre|hr|br)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Version:
    title: str
    summary: str
    html: str   # the article: inline styles only

    def at(self, site_url: str) -> Version:
        """With the site's real address in place of ADDRESS."""
        return Version(self.title, self.summary, self.html.replace(ADDRESS, site_url))

    def checked_length(self) -> int:
        """Its length as checked: the stand-in address counted as ADDRESS_ALLOWANCE characters."""
        return len(self.html) + self.html.count(ADDRESS) * (ADDRESS_ALLOWANCE - len(ADDRESS))


class _Rewrite(HTMLParser):
    """The safe profile's HTML again, with links and pictures made into notes."""

    def __init__(self, page: str, notes: list[str]):
        super().__init__(convert_charrefs=True)
        self.page, self.notes, self.out, self.link = page, notes, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.link = (attrs.get("href") or "", [])
        elif tag == "img":
            self.notes.append(f"图片“{attrs.get('alt') or '无说明'}”：{urljoin(self.page, attrs.get('src', ''))}"
                              "（先把它上传到公众号，再放在这里）")
            self.out.append(f'<span class="small">〔图片，见注{len(self.notes)}〕</span>')
        else:
            self.out.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag == "a" and self.link:
            href, words = self.link
            address = href.split(":", 1)[1] if safe_markdown.scheme(href) in ("mailto", "tel") else urljoin(self.page, href)
            self.notes.append(f"{''.join(words).strip() or '链接'}：{address}")
            self.out.append(f"<sup>[{len(self.notes)}]</sup>")
            self.link = None
        elif tag != "img":
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.link:
            self.link[1].append(data)
        self.out.append(htmllib.escape(data, quote=False))


def build(data: dict, lead: str, sections, quoted, authors: list[str], page: str) -> Version:
    """A post's WeChat version.  `lead` and `sections` are its safe HTML, `quoted` the (law,
    article) pairs it cites, `page` the address of its page (under ADDRESS)."""
    notes: list[str] = []

    def rewritten(part: str) -> str:
        if "<a " not in part and "<img " not in part:
            return part  # most posts: nothing to rewrite, and parsing is most of the cost
        parser = _Rewrite(page, notes)
        parser.feed(part)
        parser.close()
        return "".join(parser.out)

    e = htmllib.escape
    out = [f'<section class="wx"><p class="meta">供稿：{e("、".join(authors))} · {cn_date(data["date"])}</p>', rewritten(lead)]
    if data.get("local_practice"):
        out.append(f'<section class="local"><p><strong>地方做法，不是全国统一的法律规定</strong></p><p>{e(data["local_practice"])}</p></section>')
    for title, part in sections:
        out.append(f"<h2>{e(title)}</h2>{rewritten(part)}")
    out.append("<h3>本文引用的条文</h3>")
    for law, article in quoted:
        lines = "".join(f"<p>{e(line)}</p>" for line in article["text"].split("\n"))
        out.append(f"<blockquote><p><strong>{e(label(law['short_title'], {'article': article['number']}, article['text']))}"
                   f"</strong></p>{lines}</blockquote>")
    for law in {law["id"]: law for law, _ in quoted}.values():
        until = f"{cn_date(law['effective_until'])}以后不再适用" if law.get("effective_until") else "现行有效"
        since = f"{cn_date(law['effective_from'])}起施行" if law.get("effective_from") else "施行日期见法规页说明"
        out.append(f'<p class="small">引用版本：《{e(law["title"])}》（{e(law["version"])}），{since}，{until}。'
                   + (f"注意：{e(law['later_amendment'])}" if law.get("later_amendment") else "") + "</p>")
    notes.append(f"找对途径：{urljoin(page, '../../checker/')}")
    out.append(f'<p class="small">案例由供稿机关撰写，当事人已匿名处理。它讲的是一件事怎样依法办理，不代表同类事情都会有同样的结果；'
               f"您的事情该走哪条路，可以用“找对途径”查一查<sup>[{len(notes)}]</sup>。</p>")
    out.append('<section class="notes"><p><strong>注释</strong></p>'
               + "".join(f"<p>[{n}] {e(note)}</p>" for n, note in enumerate(notes, 1))
               + f"<p>原文：{e(page)}</p></section></section>")
    inlined = _INLINER.inline_fragment("".join(out), STYLE)
    clean = nh3.clean(inlined, tags=TAGS, attributes={tag: {"style"} for tag in TAGS}, filter_style_properties=STYLE_PROPERTIES,
                      link_rel=None, strip_comments=True, generic_attribute_prefixes=set())
    wechat = data.get("wechat") or {}
    return Version(wechat.get("title", data["title"]), wechat.get("summary") or summary_of(safe_markdown.text(lead)), clean)


def summary_of(lead: str) -> str:
    """The lead as a summary: whole sentences that fit SUMMARY, or its start and …, as the site
    cuts a page's description (an editor who wants other words writes wechat.summary)."""
    if len(lead) <= SUMMARY:
        return lead
    cut = max(lead.rfind(mark, 0, SUMMARY) for mark in "。！？")
    return lead[:cut + 1] if cut > 0 else lead[:SUMMARY - 1] + "…"


def limits(version: Version, data: dict) -> list[tuple[tuple, str]]:
    """What WeChat would refuse, as (front-matter path, or () for the body, message)."""
    own = data.get("wechat") or {}
    out = []
    if len(version.title) > TITLE:
        out.append((("wechat", "title") if "title" in own else ("title",),
                    f"公众号标题最多{TITLE}个字，现在{len(version.title)}个："
                    + ("缩短它" if "title" in own else "在头部信息写一个短标题：wechat: {title: ……}")))
    if len(version.summary) > SUMMARY:  # only one the editor wrote: the lead is cut to fit
        out.append((("wechat", "summary"), f"公众号摘要最多{SUMMARY}个字，现在{len(version.summary)}个：缩短它"))
    if version.checked_length() > LENGTH:
        out.append(((), f"公众号版本有 {version.checked_length()} 个字符（连同格式和引用的条文），公众号最多 {LENGTH} 个："
                        "缩短正文，或者少引用几条"))
    return out


def list_depth(html: str) -> tuple[int, str]:
    """How deep lists nest in a part of a post, and the words of the first item deeper than
    LIST_DEPTH (to find its line).  Read with a pattern: the sanitizer wrote this HTML, so its
    tags are regular, and a post without lists costs nothing."""
    if "<ul" not in html and "<ol" not in html:
        return 0, ""
    depth = deepest = 0
    too_deep = ""
    for tag in _LIST_TAG.finditer(html):
        if tag.group("words") is not None:
            if depth > LIST_DEPTH and not too_deep and tag.group("words").strip():
                too_deep = htmllib.unescape(tag.group("words").strip())
            continue
        depth += -1 if tag.group("close") else 1
        deepest = max(deepest, depth)
    return deepest, too_deep


def plain_text(html: str) -> str:
    """The article as text, for editors that take no formatting: a blank line between blocks.  Read
    with patterns, like list_depth: nh3 wrote this HTML, and the site makes one for every post."""
    text = _TAG.sub("", _BLOCK_TAG.sub("\n", html))
    lines = [" ".join(line.split()) for line in htmllib.unescape(text).split("\n")]
    return "\n\n".join(line for line in lines if line) + "\n"


def document(version: Version) -> str:
    """The file editors open or copy from: the article alone as the body, kept out of search engines."""
    e = htmllib.escape
    return ('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta name="robots" content="noindex">\n'
            f'<title>{e(version.title)}</title>\n<meta name="description" content="{e(version.summary)}">\n</head>\n'
            f"<body>{version.html}</body>\n</html>\n")
