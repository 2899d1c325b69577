"""Site-tool hook (ProperDocs; MkDocs 1.x hook API): keep our finished HTML blocks away from Python-Markdown (checkers/site/rawhtml.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from properdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from checkers.site import rawhtml  # noqa: E402

_stashed: dict[str, dict[str, str]] = {}


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    # Last, so the blocks other hooks add (a case post's top and bottom parts) are kept away too.
    text, _stashed[page.file.src_uri] = rawhtml.stash(markdown)
    return text


@event_priority(100)
def on_page_content(html, page, config, files):
    # First, so every other hook and plugin sees the page as Markdown would have written it.
    return rawhtml.restore(html, _stashed.pop(page.file.src_uri, {}))
