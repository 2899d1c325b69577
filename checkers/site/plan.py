"""What the next build should make, when something other than `properdocs build` asks: the
national site or a local edition, from content already loaded or not, with real names or with the
placeholders every site's pages are rendered with once (identity.py), all pages or only some.

Set by the commands that build several sites in one process (checkers/cli/editions.py) and read by
the content hook (hooks/content.py); a plain `properdocs build` finds none and builds the national
site, or the edition named by the EDITION environment variable (make build EDITION=<id>).
"""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass
class Plan:
    edition: str | None = None
    content: object | None = None      # a loaded Content, to be used instead of loading again
    shared: bool = False               # render with identity.PLACEHOLDERS
    only: set[str] | None = None       # the generated pages to make; None: all
    case_pages: dict | None = None     # the column posts' page bodies, when another site made them
    site: object | None = None         # set by the hook: the Site it generated (for the next site)


current: Plan | None = None
# Set by the content hook: what it puts in place of a page's source, for the page cache's key (a
# column post's page is made from the whole content, not from its file alone).
page_extra = None
# Set by the content hook: files written beside a page (a post's 公众号 version), written by the
# build with the page whether the page was rendered or taken from the page cache.
page_files = None


def now() -> Plan:
    return current or Plan(edition=os.environ.get("EDITION") or None)
