"""Trust in the browser (issue 16): the tools say what is wrong with a date next to the field,
朗读 never uses a network voice, and a huge search query is answered, not crashed."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CASES = [
    ("/calculator/?rule=civil.limitation&from=9999-12-31", "#dl-from", "本站只计算1949年至2099年之间的日期。"),
    ("/calculator/?rule=civil.limitation&from=2026-02-30", "#dl-from", "这不是一个真实存在的日期"),
    ("/procedure/staff-handling/?from=2026-08-10&at-accept=2026-02-30", "#tl-at-accept", "这不是一个真实存在的日期"),
    ("/procedure/staff-handling/?from=2026-08-10&at-accept=2026-08-01", "#tl-at-accept", "这一步的日期早于起点"),
    ("/procedure/staff-handling/?from=1900-01-01", "#tl-from", "本站只计算1949年至2099年之间的日期。"),
]


@pytest.mark.parametrize("path,field,message", CASES, ids=[c[0] for c in CASES])
def test_a_date_the_tool_cannot_use_is_named_next_to_its_field(chromium, path, field, message):
    base, browser = chromium
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + path)
    note = page.locator(f"{field}-error")
    note.wait_for()
    assert message in note.inner_text()
    assert page.get_attribute(field, "aria-invalid") == "true"
    assert page.get_attribute(field, "aria-describedby") == f"{field[1:]}-error"
    assert not errors, errors
    page.close()


def test_fixing_the_date_clears_the_message(chromium):
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/calculator/?rule=xinfang.review-request&from=2026-02-30")
    page.locator("#dl-from-error").wait_for()
    page.fill("#dl-from", "2026-09-01")
    page.click("button[type=submit]")
    page.locator("#dl-result .dl-answer").wait_for()
    assert page.locator("#dl-from-error").is_hidden() and page.get_attribute("#dl-from", "aria-invalid") is None
    page.close()


VOICES = """
(() => {
  const voices = %s;
  Object.defineProperty(window, "speechSynthesis", {value: {
    getVoices: () => voices, speaking: false, cancel() {}, addEventListener() {},
    speak(u) { window.__spoken = {voice: u.voice && u.voice.name, lang: u.lang}; }
  }});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""


@pytest.mark.parametrize("voices,spoken", [
    ('[{name: "Google 普通话（中国大陆）", lang: "zh-CN", localService: false},'
     ' {name: "Tingting", lang: "zh-CN", localService: true}]', "Tingting"),
    ('[{name: "Google 普通话（中国大陆）", lang: "zh-CN", localService: false}]', None),
])
def test_read_aloud_uses_only_a_voice_on_this_device(chromium, voices, spoken):
    base, browser = chromium
    context = browser.new_context()
    context.add_init_script(VOICES % voices)
    page = context.new_page()
    page.goto(base + "/procedure/xf-review/")
    button = page.locator(".xf-speak")
    if spoken is None:
        assert button.is_hidden()  # only a network voice: no 朗读 at all
    else:
        button.click()
        assert page.evaluate("window.__spoken") == {"voice": spoken, "lang": "zh-CN"}
    context.close()


def test_a_huge_query_is_answered(chromium):
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/search/#q=" + "复议" * 50_000)
    page.locator("#xf-search-results[data-query]").wait_for(state="attached")
    status = page.locator("#xf-search-status").inner_text()
    assert "搜索没能运行" not in status and "只用了前60个字" in status
    page.close()
