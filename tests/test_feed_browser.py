"""The 案例专栏 feed opened in Chromium behind the shipped nginx: a readable page in the site's
style (our own XSL and CSS), with authors by name, and nothing loaded from another host."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_feed_opens_as_a_readable_list(chromium, content):
    base, browser = chromium
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    foreign, errors, loaded = [], [], []
    page.on("request", lambda r: loaded.append(r.url) or (urlsplit(r.url).netloc != urlsplit(base).netloc
                                                         and foreign.append(r.url)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(base + "/feed_rss_created.xml", wait_until="load")
    assert page.locator("h1").inner_text() == "信访路线图 · 案例专栏"
    posts = sorted((c for c in content.items["case"].values() if c.data["status"] == "published"),
                   key=lambda c: (c.data["date"], c.id), reverse=True)
    titles = page.locator(".feed-items h3").all_inner_texts()
    assert titles == [p.data["title"] for p in posts][:len(titles)] and titles
    first_meta = page.locator(".feed-meta").first.inner_text()
    for author in posts[0].data["authors"]:
        assert content.case_authors[author]["name"] in first_meta and author not in first_meta
    # Styled by our own sheet (the CSP allows no inline style): the header has the site's indigo.
    assert page.evaluate("getComputedStyle(document.querySelector('.feed-header')).backgroundColor") == "rgb(63, 81, 181)"
    assert any(u.endswith("/assets/feed.xsl") for u in loaded) and any(u.endswith("/assets/stylesheets/feed.css") for u in loaded)
    # Chromium 156 marks XSLT as deprecated with a banner of its own whose inline style and
    # handler our CSP blocks; those reports are the browser's.  Nothing of ours is inline.
    banner = page.locator("xslt-warning-banner").count() > 0
    ours = [e for e in errors if not (banner and "violates the following Content Security Policy" in e)]
    assert page.evaluate("document.querySelectorAll('[style]:not(xslt-warning-banner), script').length") == 0
    assert not foreign and not ours, (foreign, ours)
    context.close()
