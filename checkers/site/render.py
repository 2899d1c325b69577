"""Jinja environment and the small formatting helpers our templates share.

Content is untrusted text: autoescape is on, and text that lands in a
Markdown context (headings) is additionally neutralised so that content can
never become a link, an image or an attribute list.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from ..content.citation import anchor, provision
from ..engines.deadline import Period
from ..wording.deadline import cn_date

_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~<>&\"'"}


def md_text(value: str) -> Markup:
    """Text safe inside a Markdown line: every Markdown/HTML special becomes an entity."""
    return Markup("".join(_MD_SPECIAL.get(c, c) for c in str(value)))


def one_block(html: str) -> Markup:
    """Finished, sanitized HTML as a single block for the site tool's Markdown: a blank line (in a
    code block, say) would end the block early, so each is written as a newline entity, which
    reads the same inside <pre> and is plain space elsewhere."""
    while "\n\n" in html:
        html = html.replace("\n\n", "\n&#10;")
    return Markup(html)


def period_text(period: dict) -> str:
    return str(Period(period["value"], period["unit"]))


class Linker:
    """Relative URLs between generated pages, so the site works from any path and from file://."""

    def __init__(self, page: str):
        # With directory URLs every page is a folder, so links start from its own URL.
        self.base = page_url(page) or "."

    def __call__(self, target_page: str, fragment: str = "") -> str:
        rel = posixpath.relpath(page_url(target_page) or ".", self.base)
        return ("./" if rel == "." else rel + "/") + (f"#{fragment}" if fragment else "")

    def folder(self, path: str) -> str:
        """A folder of the built site that holds files, not pages: 'assets/javascripts' -> '../../assets/javascripts/'."""
        return posixpath.relpath(path, self.base) + "/"


def page_url(page: str) -> str:
    """'procedure/x.md' -> 'procedure/x'; 'procedure/index.md' -> 'procedure' (directory URLs)."""
    stem = page[:-3]
    if stem == "index":
        return ""
    return stem[:-6] if stem.endswith("/index") else stem


def groupby_chapter(articles: list[dict]) -> list[tuple[str | None, list[dict]]]:
    """Consecutive articles of the same chapter, in order (Jinja's groupby sorts, which would reorder)."""
    groups: list[tuple[str | None, list[dict]]] = []
    for article in articles:
        if groups and groups[-1][0] == article.get("chapter"):
            groups[-1][1].append(article)
        else:
            groups.append((article.get("chapter"), [article]))
    return groups


def environment(templates: Path) -> Environment:
    # Markdown heading ids look like {#id}, so Jinja comments use {## ##} instead.
    env = Environment(loader=FileSystemLoader(templates), autoescape=True, undefined=StrictUndefined,
                      comment_start_string="{##", comment_end_string="##}",
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(md=md_text, one_block=one_block, cn_date=cn_date, period=period_text, groupby_chapter=groupby_chapter,
                       # JSON for a <script type="application/json">: HTML-safe like tojson, but Chinese stays
                       # UTF-8 (3 bytes a character, not 6 as \uXXXX): these pages are read on phones.
                       script_json=lambda value: htmlsafe_json_dumps(value, ensure_ascii=False, sort_keys=True))
    env.globals.update(provision=provision, anchor=anchor)
    # An office's fact is shown only with its official source (office.md.j2).
    env.tests["sourced"] = lambda key, data: bool((data.get(key) or {}).get("source"))
    return env
