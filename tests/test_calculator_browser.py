"""The 期限计算器 in a real browser: keyboard only, pre-filled from the URL, on a phone,
without JavaScript, and with nothing sent to any other host."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.browser




def test_keyboard_only_gives_the_deadline_and_announces_it(chromium):
    base, browser = chromium
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
    page.goto(base + "/calculator/")
    page.keyboard.press("Tab")
    for _ in range(200):  # Tab from the top of the page until the situation list has focus
        if page.evaluate("document.activeElement.id") == "dl-rule":
            break
        page.keyboard.press("Tab")
    for _ in range(60):  # arrow keys through the options
        if page.input_value("#dl-rule") == "xinfang.review-request":
            break
        page.keyboard.press("ArrowDown")
    assert page.input_value("#dl-rule") == "xinfang.review-request"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "dl-from"
    page.keyboard.type("09012026")  # a native date field takes digits in the locale's order (en-US: MM DD YYYY)
    assert page.input_value("#dl-from") == "2026-09-01"
    for _ in range(5):  # the date field's own parts (month, day, year) take Tab stops first
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    assert page.evaluate("document.activeElement.textContent") == "计算截止日期"
    page.keyboard.press("Enter")
    result = page.locator("#dl-result")
    assert result.get_attribute("aria-live") == "polite"
    result.get_by_text("截止日期：2026年10月8日（星期四）").wait_for()
    assert "法定节假日（国庆节）" in result.inner_text()
    assert "《信访工作条例》第三十五条" in result.inner_text()
    assert "rule=xinfang.review-request" in page.url and "from=2026-09-01" in page.url
    assert hosts == {urlsplit(base).netloc}, hosts
    page.close()


def test_rule_page_links_to_the_calculator_prefilled(chromium):
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/rule/xinfang.handle/")
    page.get_by_role("link", name="用期限计算器算一算").click()
    expect(page.locator("#dl-rule")).to_have_value("xinfang.handle")  # set by the script, after the page parses
    page.fill("#dl-from", "2026-08-10")
    page.click("button[type=submit]")
    page.locator("#dl-result .dl-answer").wait_for()  # under load the answer can lag the click
    text = page.locator("#dl-result").inner_text()
    assert "2026年10月9日" in text and "最晚到2026年11月9日" in text
    page.close()


def test_the_date_box_asks_for_the_day_on_the_citizens_paper(chromium, content):
    """Issue 25: once a situation is chosen, the date box is labelled as the answer pages label it
    (收到一审判决书的那天), not with the statute's trigger; a chained rule asks for its first day."""
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/calculator/")
    label = page.locator("label[for=dl-from]")
    generic = label.inner_text()
    for rule_id in ("civil.appeal-judgment", "gov-info.reconsideration-no-reply"):
        rule = content.rules[rule_id]
        expected = rule.get("date_label") or content.rules[rule["after"]]["date_label"]
        page.select_option("#dl-rule", rule_id)
        expect(label).to_have_text(expected)
    page.select_option("#dl-rule", "")
    expect(label).to_have_text(generic)
    page.close()


def test_a_date_in_a_year_without_its_notice_is_marked_provisional(chromium):
    """2027 before its notice: 除夕 to 初三 are holidays by 第二条, the answer says 暂定 and why;
    a year with no data at all says 未经核实."""
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/calculator/?rule=civil.appeal-judgment&from=2027-01-21")
    page.locator(".dl-answer").wait_for()  # the rule's data arrives after the page
    text = page.locator("#dl-result").inner_text()
    assert "截止日期：2027年2月9日（星期二）" in text and "暂定" in text
    assert "2027年2月5日（星期五）是法定节假日（春节）" in text and "国务院还没有公布2027年的节假日安排" in text
    assert "《全国年节及纪念日放假办法》第二条" in text and "未经核实" not in text
    page.goto(base + "/calculator/?period=5&unit=工作日&from=2003-12-28")
    page.locator("#pd-result .dl-answer").wait_for()
    text = page.locator("#pd-result").inner_text()
    assert "未经核实" in text and "没有2003年的放假和调休安排" in text
    page.close()


def test_on_a_phone_nothing_scrolls_sideways(chromium):
    base, browser = chromium
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + "/calculator/?rule=xinfang.handle&from=2026-08-10")
    page.locator(".dl-answer").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_without_javascript_the_counting_rule_is_shown(chromium):
    base, browser = chromium
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/calculator/")
    body = page.locator("article").inner_text()
    assert "开始的那一天不算" in body
    assert page.locator("noscript").count() == 1
    context.close()


def test_tab_enter_space_and_digits_alone_from_a_rule_page(chromium):
    """No arrow keys, no mouse: from a rule page to the answer with Tab, Enter, Space and the date's digits."""
    base, browser = chromium
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/rule/xinfang.review-request/")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "用期限计算器算一算":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/calculator/**")
    expect(page.locator("#dl-rule")).to_have_value("xinfang.review-request")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "dl-from":
            break
    page.keyboard.type("09012026")  # this headless Chromium's date field is in en-US order (MM DD YYYY)
    assert page.input_value("#dl-from") == "2026-09-01"
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Space")
    page.locator("#dl-result").get_by_text("截止日期：2026年10月8日（星期四）").wait_for()
    context.close()


def test_only_the_chosen_rule_is_downloaded(chromium):
    """A phone downloads the calendar and the engine, then one small file for the situation chosen,
    however many rules the site has (issue 7); and ?rule= never names an arbitrary script."""
    base, browser = chromium
    context = browser.new_context()
    page = context.new_page()
    data = []
    page.on("request", lambda r: data.append(urlsplit(r.url).path) if "/data/" in r.url else None)
    page.goto(base + "/calculator/?rule=..%2F..%2Fassets%2Fjavascripts%2Fsearch&from=2026-08-10")
    assert data == ["/data/calendar.js"]
    assert page.locator("#dl-result").inner_text() == "" and page.input_value("#dl-rule") == ""
    page.select_option("#dl-rule", "xinfang.handle")
    page.locator("#dl-trigger").get_by_text("这个期限从这件事发生的那天起算").wait_for()
    page.fill("#dl-from", "2026-08-10")
    page.click("button[type=submit]")
    page.locator("#dl-result").get_by_text("截止日期：2026年10月9日").wait_for()
    assert data == ["/data/calendar.js", "/data/rules/xinfang.handle.js"]
    data.clear()  # an answer in the URL: the trigger line and the answer wait for one download
    page.goto(base + "/calculator/?rule=xinfang.review-request&from=2026-09-01")
    page.locator("#dl-result").get_by_text("截止日期：2026年10月8日（星期四）").wait_for()
    assert "这个期限从这件事发生的那天起算" in page.locator("#dl-trigger").inner_text()
    assert data == ["/data/calendar.js", "/data/rules/xinfang.review-request.js"]
    context.close()


def test_works_when_the_site_is_opened_as_files(chromium, site):
    """Offices copy the site to a USB stick: from file:// the rule's data still loads (a script, not fetch)."""
    _, browser = chromium
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "calculator" / "index.html").as_uri() + "?rule=xinfang.handle&from=2026-08-10")
    page.locator("#dl-result").get_by_text("截止日期：2026年10月9日").wait_for()
    assert "最晚到2026年11月9日" in page.locator("#dl-result").inner_text()
    context.close()


def test_a_person_in_custody_sees_both_last_days_side_by_side(chromium):
    """刑事诉讼法 第105条第4款: no roll-over in custody.  The cautious date is shown beside the
    rolled-over one, never hidden in a note (issue 15)."""
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/calculator/?rule=criminal.appeal-judgment&from=2026-09-25")
    pair = page.locator(".dl-pair")
    pair.wait_for()
    text = pair.inner_text()
    assert "人不在押" in text and "2026年10月8日（星期四）" in text
    assert "人在押（不因节假日顺延）" in text and "2026年10月5日（星期一）" in text
    assert "稳妥的做法" in page.locator(".dl-custody").inner_text()
    assert "截止日期（人不在押）：2026年10月8日" in page.locator(".dl-deadline").inner_text()
    page.close()
