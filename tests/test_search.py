"""Chinese search, in a real browser: what citizens type finds the right page in the top 3."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.browser

# (what a citizen types, the page that must be among the first three results)
QUERIES = [
    ("复查", "procedure/xf-review/"),
    ("复核", "procedure/xf-recheck/"),
    ("不再受理", "topic/repeat-petition/"),
    ("检举控告", "procedure/xf-accusation/"),
    ("建议意见", "procedure/xf-suggestion/"),
    ("多人走访", "procedure/xf-submit/"),
    ("五个法治化", "topic/five-rule-of-law/"),
    ("打击报复", "topic/petitioner-rights/"),
    ("信访处理意见书", "procedure/xf-claim/"),
    ("诉访分离", "topic/legal-channels-first/"),
    ("节假日", "topic/period-counting/"),
    ("异议", "rule/xinfang.transfer-objection/"),
    ("办理期限", "rule/xinfang.handle/"),
    ("信访条例", "law/xinfang-tiaoli-2005/"),
    ("禁止", "topic/prohibited-acts/"),
    ("登记", "procedure/xf-register-notify/"),
    ("回避", "procedure/xf-claim/"),
    ("听证", "procedure/xf-recheck/"),
    ("请求复查的期限", "rule/xinfang.review-request/"),
    ("司法救助", "channel/judicial-aid/"),
    ("工作日", "topic/period-counting/"),
    ("信访工作条例", "law/xinfang-gongzuo-tiaoli-2022/"),
    ("计算器", "calculator/"),
    ("民事判决上诉", "rule/civil.appeal-judgment/"),
    ("申请行政复议", "channel/admin-reconsideration/"),
    ("劳动争议申请仲裁", "rule/labor.arbitration-limitation/"),
    ("国家赔偿", "rule/compensation.claim-limitation/"),
    ("政府信息公开", "rule/gov-info.reply/"),
    ("再审", "rule/civil.retrial-application/"),
    # Staff: a document's or practice's own name still finds it, though citizen pages rank first.
    ("复核意见书", "form/recheck-opinion/"),
    ("首接负责", "practice/one-stop-centre-flow/"),
    # 案例专栏: a practice's name finds the column that shows it.
    ("带案下访", "cases/procurator-field-visit-complaint/"),
    ("黄金期", "cases/police-first-petition-golden-period/"),
    ("律师接访", "cases/lawyers-at-reception-hall/"),
]


@pytest.fixture(scope="module")
def search_page(chromium):
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/")
    yield base, page
    page.close()


def type_query(page, query: str) -> None:
    """Open the search box and type a query, waiting for the results line to answer it."""
    # Locator waits, not wait_for_function: the site's CSP forbids eval, which that would need.
    meta = page.locator(".md-search-result__meta")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("Backspace")  # empty query: the previous results are cleared before the next search
    expect(meta).not_to_contain_text("结果", timeout=15000)
    box.fill(query)
    box.press("End")  # Material's search reacts to key events; fill() alone sends none
    expect(meta).to_contain_text("结果", timeout=15000)


def top_results(page, query: str, n: int = 3) -> list[str]:
    type_query(page, query)
    links = page.locator("li.md-search-result__item > a.md-search-result__link").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")
    pages: list[str] = []
    for link in links:  # a page's sections are listed under it: count each page once
        path = urlsplit(link).path.lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages[:n]


@pytest.mark.parametrize("query,expected", QUERIES)
def test_query_finds_page_in_top_three(search_page, query, expected):
    base, page = search_page
    results = top_results(page, query)
    assert expected in results, f"{query!r}: top 3 were {results}"
