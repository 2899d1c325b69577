"""The date box of an answer that runs after the agency's own period (issue 24): the citizen types
the day the agency got the request and gets their own last day, labelled with what they do by
then; the agency's day is shown as context, and the "等多久" box says the date is the agency's.
The same answers as the command line."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, run_cli
from checkers.wording.deadline import cn_day

pytestmark = pytest.mark.browser


def _cli(rule: str, day: str) -> dict:
    result = run_cli(ROOT, "deadline", "--rule", rule, "--from", day, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_no_reply_answers_the_citizens_own_reconsideration_day(chromium, content):
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/checker/info-stage--no-reply/")
    own = _cli("gov-info.reconsideration-no-reply", "2026-03-02")
    # The day asked for in the words on the citizen's own paper, not the statute's.
    assert page.locator("label[for=now-from]").inner_text() == content.rules["gov-info.reconsideration-no-reply"]["date_label"]
    page.fill("#now-from", "2026-03-02")
    page.get_by_role("button", name="算出最晚哪天申请行政复议").click()
    box = page.locator("dd", has=page.locator("#now-from"))
    box.get_by_text("最晚哪天申请行政复议：" + cn_day(own["deadline"])).wait_for()
    text = box.inner_text()
    assert "到" + cn_day(own["after"]["deadline"]) + "届满" in text and "这是对方的期限" in text
    assert cn_day(own["after_extended"]["deadline"]) in text
    # The agency's own day is in its own box, said to be the agency's.
    page.fill("#now-expect-from", "2026-03-02")
    page.get_by_role("button", name="算出机关最晚哪天办完").click()
    expect_box = page.locator("dd", has=page.locator("#now-expect-from"))
    expect_box.get_by_text("这是机关的期限，不是你的").wait_for()
    assert cn_day(own["after"]["deadline"]) in expect_box.inner_text()
    page.close()


def test_a_door_without_a_period_says_so_instead_of_showing_a_date_box(chromium):
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/checker/problem--seized/")
    now = page.locator("section.now").inner_text()
    assert "没有给这一步规定期限" in now and "执行程序结束以前" in now
    assert page.locator("section.now form.now-date").count() == 0
    page.close()
