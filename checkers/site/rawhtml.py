"""Keep finished HTML blocks away from Python-Markdown.

Our templates write most of a page as HTML (articles, citations, forms, lists), and
Python-Markdown passes such blocks through unchanged; but first its raw-HTML step feeds
the whole page through ``html.parser``, tag by tag.  In the L build profile that was a
fifth of the build (issue 7).  So before Markdown runs, each block that Markdown would
only copy is swapped for a short token, and the block is put back into Markdown's output.

A block qualifies only when Markdown would have copied it verbatim: it stands between
blank lines, starts at the margin with a block-level tag, ends with that tag's closing
tag, and asks for no Markdown inside (``markdown`` attribute, md_in_html).  Fenced code
is left alone.  A test builds the site both ways and requires identical pages.
"""
from __future__ import annotations

import hashlib
import re

from markdown import Markdown

_BLOCK_TAGS = frozenset(Markdown().block_level_elements)
_FIRST_TAG = re.compile(r"<([a-z][a-z0-9]*)\b")
_MARKDOWN_ATTR = re.compile(r"<[^>]*\smarkdown(?:\s*=|[\s>/])")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>", re.S)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_RAW_TEXT = frozenset({"script", "style"})
# Letters and digits only, so no Markdown extension rewrites it.  Each page's tokens carry a hash of
# that page's own text, which the text cannot contain: content that types something token-like
# (a hostile post, say) can never be mistaken for one of our blocks.
TOKEN = "xfrawhtml{nonce}n{index:05d}q"
_TOKEN = re.compile(r"(<p>)?(xfrawhtml[0-9a-f]{12}n\d{5}q)(</p>)?")


def _qualifies(chunk: str) -> bool:
    """One block-level element, or several one after another, each starting a line right after
    the previous one's closing tag (a list and its note, a form and its scripts): Markdown copies
    such a run as one raw block, joined by the same newlines."""
    if _MARKDOWN_ATTR.search(chunk):
        return False
    pos = 0
    while True:
        first = _FIRST_TAG.match(chunk, pos)
        if not first or first.group(1) not in _BLOCK_TAGS:
            return False
        pos = _element_end(chunk, pos, first.group(1))
        if pos is None:
            return False
        if pos == len(chunk):
            return True
        if chunk[pos] != "\n":  # text after a closing tag on its line: Markdown reads it as Markdown
            return False
        pos += 1


def _element_end(chunk: str, start: int, name: str) -> int | None:
    """Where the element opened at `start` ends (just after its closing tag), or None: the tags are
    counted as an HTML parser counts them, void elements and the text of script and style aside."""
    depth, pos = 0, start
    for tag in _TAG.finditer(chunk, start):
        if tag.start() < pos:
            continue  # inside a script or style already skipped
        closing, tag_name, self_closing = tag.group(1), (tag.group(2) or "").lower(), tag.group(3)
        if not tag_name or tag_name in _VOID or self_closing:
            continue  # a comment, a void or self-closed element
        if closing:
            depth -= 1
            if depth == 0:
                return tag.end() if tag_name == name else None
            if depth < 0:
                return None
        else:
            depth += 1
            if tag_name in _RAW_TEXT:  # its text is not markup: go straight to its end tag
                end = chunk.find(f"</{tag_name}>", tag.end())
                if end < 0:
                    return None
                pos = end
    return None


def stash(markdown: str) -> tuple[str, dict[str, str]]:
    """(Markdown with tokens in place of finished HTML blocks, token -> block)."""
    blocks: dict[str, str] = {}
    if _MARKDOWN_ATTR.search(markdown):
        # md_in_html re-parses the HTML inside such a block; which chunks lie inside is not worth
        # guessing for the few pages that use it (the column's first page).
        return markdown, blocks
    out: list[str] = []
    fence = ""
    nonce = hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:12]
    for chunk in re.split(r"(\n[ \t]*\n)", markdown):  # keeps the blank lines themselves
        block = chunk.rstrip("\n")  # a run that ends the page keeps its last newline outside
        if not fence and not chunk.isspace() and _qualifies(block):
            token = TOKEN.format(nonce=nonce, index=len(blocks))
            blocks[token] = block
            out.append(token + chunk[len(block):])
            continue
        for line in chunk.split("\n"):  # a fence opened in this chunk hides the chunks after it
            opened = _FENCE.match(line)
            if opened and (not fence or opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence)):
                fence = "" if fence else opened.group(1)
        out.append(chunk)
    return "".join(out), blocks


def restore(html: str, blocks: dict[str, str]) -> str:
    """Markdown wrapped each lone token in <p>…</p>; the block replaces both, followed by the blank
    line Markdown writes after a raw block (none at the very end), so the page is byte for byte
    what it would have been."""
    if not blocks:
        return html

    def put_back(m: re.Match) -> str:
        block = blocks.get(m.group(2))
        if block is None:  # the same letters typed in a page's own text: left as they are
            return m.group(0)
        if m.group(1) and m.group(3):  # a block of its own: the blank line, unless it ends the page
            return block if m.end() == len(html) else block + "\n"
        return (m.group(1) or "") + block + (m.group(3) or "")

    return _TOKEN.sub(put_back, html)
