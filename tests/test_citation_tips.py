"""In a real browser, a citation shows its article text on hover, on keyboard focus and on tap."""
from __future__ import annotations

import pytest


pytestmark = pytest.mark.browser
PAGE = "/procedure/xf-review/"
FIRST_CITE = "li.step .cite >> nth=0"




def test_hover_and_focus_show_the_article_text(chromium):
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + PAGE)
    cite = page.locator(FIRST_CITE)
    tip = cite.locator(".cite-tip")
    assert not tip.is_visible()
    cite.locator("a").hover()
    assert tip.is_visible()
    assert "自收到书面答复之日起30日内" in tip.inner_text()
    page.mouse.move(0, 0)
    assert not tip.is_visible()
    cite.locator("a").focus()
    assert tip.is_visible()
    page.close()


def test_first_tap_shows_text_second_tap_opens_the_article(chromium):
    base, browser = chromium
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base + PAGE)
    link = page.locator(FIRST_CITE).locator("a")
    link.tap()
    page.wait_for_timeout(300)
    assert page.url.endswith(PAGE), "the first tap must not leave the page"
    assert page.locator(FIRST_CITE).locator(".cite-tip").is_visible()
    link.tap()
    page.wait_for_url("**/law/xinfang-gongzuo-tiaoli-2022/#*")
    assert page.locator("h3[id='第35条']").is_visible()
    context.close()
