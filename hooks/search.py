"""Site-tool hook (ProperDocs; MkDocs 1.x hook API): the site's search index (checkers/site/search_index.py, read by search.js).

Material's own search is switched off: it sends the whole index to a phone on the first query
and cannot match 复议 inside 行政复议.  This file only marks what is searchable, reads each page's
searchable text as the page is written, and runs the indexer after the build; the indexing itself
knows nothing about MkDocs.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkers.site import identity, search_index  # noqa: E402

_ARTICLE = '<article class="md-content__inner md-typeset"'
# Where a page keeps what the index needs of it.  On the page's metadata, because the build may
# write pages in other processes (sitetool/driver.py), which send each page's metadata back.
RECORD = identity.RECORD
_files = []


def on_files(files, config):
    _files[:] = [files]
    return files


def on_post_page(output, page, config):
    # Index the article only, never the navigation around it, and carry the page's search
    # weight (front matter `search: boost`, set for staff pages, laws, lists and case posts).
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return output
    attrs = " " + search_index.BODY
    if "boost" in search:
        attrs += f' data-search-weight="{float(search["boost"])}"'
    output = output.replace(_ARTICLE, _ARTICLE + attrs, 1)
    page.meta[RECORD] = search_index.read_html(output, page.file.dest_uri)
    return output


def on_post_build(config):
    # After every page is written, so the index matches the site exactly (also on each
    # rebuild under `properdocs serve`).
    pages = [file.page for file in _files[0].documentation_pages()] if _files else []
    records = [page.meta.get(RECORD) for page in pages if page is not None]
    search_index.build(Path(config["site_dir"]), [r for r in records if r])
