"""Site-tool hook (ProperDocs; MkDocs 1.x hook API): the site's search index (checkers/site/search_index.py, read by search.js).

Material's own search is switched off: it sends the whole index to a phone on the first query
and cannot match 复议 inside 行政复议.  This file only marks what is searchable and runs the
indexer after the build; the indexing itself knows nothing about MkDocs.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkers.site import search_index  # noqa: E402

_ARTICLE = '<article class="md-content__inner md-typeset"'


def on_post_page(output, page, config):
    # Index the article only, never the navigation around it, and carry the page's search
    # weight (front matter `search: boost`, set for staff pages, laws, lists and case posts).
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return output
    attrs = " " + search_index.BODY
    if "boost" in search:
        attrs += f' data-search-weight="{float(search["boost"])}"'
    return output.replace(_ARTICLE, _ARTICLE + attrs, 1)


def on_post_build(config):
    # After every page is written, so the index matches the site exactly (also on each
    # rebuild under `properdocs serve`).
    search_index.build(Path(config["site_dir"]))
