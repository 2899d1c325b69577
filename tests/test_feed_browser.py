"""The 案例专栏 feed opened in Chromium behind the shipped nginx: the XML itself, readable in the
site's style by our own CSS (no XSLT, which browsers are removing: no deprecation banner, no
console error), with authors by name, and nothing loaded from another host."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser
DC = "http://purl.org/dc/elements/1.1/"


def test_feed_opens_as_a_readable_list(chromium, content):
    base, browser = chromium
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    foreign, errors, loaded = [], [], []
    page.on("request", lambda r: loaded.append(r.url) or (urlsplit(r.url).netloc != urlsplit(base).netloc
                                                         and foreign.append(r.url)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(base + "/feed_rss_created.xml", wait_until="load")
    title = "document.querySelector('channel > title')"
    assert page.evaluate(f"{title}.textContent") == "信访路线图 · 案例专栏"
    # Styled by our own sheet: the heading in the site's indigo, each post a block of its own.
    assert page.evaluate(f"getComputedStyle({title}).backgroundColor") == "rgb(63, 81, 181)"
    assert page.evaluate("getComputedStyle(document.querySelector('item')).display") == "block"
    assert page.evaluate("getComputedStyle(document.querySelector('item > link')).display") == "none"
    posts = sorted((c for c in content.items["case"].values() if c.data["status"] == "published"),
                   key=lambda c: (c.data["date"], c.id), reverse=True)
    titles = page.evaluate("[...document.querySelectorAll('item > title')].map(e => e.textContent)")
    assert titles == [p.data["title"] for p in posts][:len(titles)] and titles
    first_authors = page.evaluate(f"[...document.querySelector('item').getElementsByTagNameNS('{DC}', 'creator')].map(e => e.textContent)")
    assert first_authors == [content.case_authors[a]["name"] for a in posts[0].data["authors"]]
    # What a person sees reads as a list (text laid out, not one run of characters).
    shown = page.evaluate("document.documentElement.innerText") or ""
    assert "订阅地址" in page.evaluate("getComputedStyle(document.querySelector('channel > description'), '::after').content")
    assert any(u.endswith("/assets/stylesheets/feed.css") for u in loaded) and not any(u.endswith(".xsl") for u in loaded)
    assert page.locator("xslt-warning-banner").count() == 0
    assert not foreign and not errors, (foreign, errors, shown[:200])
    context.close()
