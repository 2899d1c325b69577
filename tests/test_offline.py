"""`make offline`: the site opens from a folder (file://), with no web server and no headers:
links reach pages (never a directory listing), and the checker, the calculator, search and the
case timeline work."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from checkers.site.offline import folder_link
from conftest import ROOT, site_build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("offline") / "site"
    result = site_build(ROOT, out, offline=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return out


def test_folder_links_get_index_html():
    assert folder_link("../rule/x/#第35条") == "../rule/x/index.html#第35条"
    assert folder_link("calculator/?rule=a") == "calculator/index.html?rule=a"
    assert folder_link("./") == "./index.html" and folder_link("..") == "../index.html"
    for unchanged in ("https://www.gov.cn/", "#top", "x.css", "mailto:a@b.cn", "/abs/"):
        assert folder_link(unchanged) == unchanged


def test_every_link_on_every_page_names_a_file(offline_site):
    import re

    folders = []
    for page in offline_site.rglob("*.html"):
        for url in re.findall(r'\bhref="([^"]*)"', page.read_text(encoding="utf-8")):
            if folder_link(url) != url:
                folders.append((page.relative_to(offline_site).as_posix(), url))
    assert not folders, folders[:10]


def test_checker_calculator_and_search_work_from_a_folder(chromium, offline_site):
    _, browser = chromium
    root = offline_site.as_uri() + "/"
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(root + "index.html")
    page.get_by_role("link", name="找对途径").first.click()
    assert page.url.endswith("/checker/index.html")
    page.get_by_role("link", name="解决我自己遇到的问题，维护我的权益").click()
    assert page.url.endswith("/index.html") and page.locator("h1").inner_text() == "你的问题属于哪一类？"
    page.goto(root + "search/index.html#q=" + "复议")
    page.locator("#xf-search-results li").first.wait_for()
    assert "找到" in page.locator("#xf-search-status").inner_text()
    page.locator("#xf-search-results li a").first.click()
    assert page.url.endswith("/index.html") and "Index of" not in page.title()
    page.goto(root + "calculator/index.html?rule=xinfang.review-request&from=2026-09-01")
    page.locator(".dl-deadline").get_by_text("2026年10月8日").wait_for()
    page.locator(".dl-answer a").first.click()
    assert "/law/xinfang-gongzuo-tiaoli-2022/index.html" in page.url
    # A clerk's case timeline leads to the notice filled with the case's dates.
    page.goto(root + "procedure/staff-handling/index.html?from=2026-09-01&at-accept=2026-09-10")
    page.locator("#tl-result a", has_text="延期").first.click()
    assert "/form/notice-extension/index.html?" in page.url
    expect(page.locator("[data-timeline='due:conclude']")).to_have_value("2026-11-09")  # filled by the script after load
    assert not errors, errors
    page.close()
