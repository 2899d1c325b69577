"""Every page of the built site (the place pages by the sample below), in Chromium behind the
shipped nginx: it loads with zero requests to other hosts, no console error (a CSP violation is
one), and no sideways scrolling on a 360 px phone."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest


pytestmark = pytest.mark.browser


# The place pages (place/: 31 provinces and 333 prefectures) are one template filled from the
# divisions: every province page, and the prefecture pages with the most to show (the longest, where
# a line could push the page wide), stand for them.  Every other page is visited.
PLACE_PREFECTURES = 12


def visited(site) -> list[str]:
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    prefectures = [p for p in pages if p.startswith("place/") and len(p) == len("place/0000")]
    largest = sorted(prefectures, key=lambda p: (site / p / "index.html").stat().st_size, reverse=True)[:PLACE_PREFECTURES]
    return [p for p in pages if p not in prefectures or p in largest]


def test_every_page_is_private_clean_and_fits_a_phone(chromium, site):
    base, browser = chromium
    own = urlsplit(base).netloc
    pages = visited(site)
    foreign, errors, wide = [], [], []
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    current = {"url": ""}
    page.on("request", lambda r: urlsplit(r.url).netloc not in (own, "") and r.url.split(":")[0] != "data"
            and foreign.append(f"{current['url']} -> {r.url}"))
    page.on("console", lambda m: m.type == "error" and errors.append(f"{current['url']}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{current['url']}: {e}"))
    for path in pages:
        current["url"] = path
        page.goto(f"{base}/{'' if path == '.' else path + '/'}", wait_until="load")
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
            wide.append(path)
    context.close()
    assert len(pages) > 100
    assert not foreign, "\n".join(foreign[:10])
    assert not errors, "\n".join(errors[:10])
    assert not wide, wide[:10]
