"""Minimal HTML reading for the site tests (stdlib only): tags, ids, links, visible text."""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Page:
    path: Path
    tags: list[tuple[str, dict]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    text: str = ""


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.ids, self.chunks, self.skip = [], set(), [], 0

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.chunks.append(data)


def scan(path: Path) -> Page:
    """The page as last written: many tests read every page of the same built site."""
    stat = path.stat()
    return _scan(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4096)
def _scan(path: Path, mtime_ns: int, size: int) -> Page:
    scanner = _Scanner()
    scanner.feed(path.read_text(encoding="utf-8"))
    # Material inserts zero-width spaces in some places; compare text without them.
    text = re.sub(r"\s+", " ", "".join(scanner.chunks).replace("\u200b", ""))
    return Page(path, scanner.tags, scanner.ids, text)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()
