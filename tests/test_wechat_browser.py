"""复制到公众号 in Debian's Chromium, behind the shipped nginx and its CSP (issue 28): the button puts
exactly the built 公众号 version on the clipboard, as HTML and as plain text, with ClipboardItem and,
in a browser without it, with the copy command; nothing is fetched from another host."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

READ_CLIPBOARD = """async () => {
  const out = {};
  for (const item of await navigator.clipboard.read())
    for (const type of item.types) out[type] = await (await item.getType(type)).text();
  return out;
}"""


def _copied(page, base: str, case_id: str) -> dict:
    page.goto(f"{base}/cases/{case_id}/", wait_until="load")
    box = page.locator("[data-wechat-copy]")
    expect(box).to_be_attached()
    box.locator("summary").click()  # folded: citizens reading the post need not see it
    page.get_by_role("button", name="复制到公众号").click()
    expect(page.get_by_role("status")).to_have_text("已复制。到公众号后台新建图文，在正文里粘贴。")
    return page.evaluate(READ_CLIPBOARD)


def _expected(site, case_id: str) -> tuple[str, str]:
    page = (site / "cases" / case_id / "wechat.html").read_text(encoding="utf-8")
    return (page[page.index("<body>") + len("<body>"):page.rindex("</body>")],
            (site / "cases" / case_id / "wechat.txt").read_text(encoding="utf-8"))


def test_the_copy_button_puts_the_wechat_version_on_the_clipboard(chromium, site, content):
    base, browser = chromium
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    foreign = []
    page.on("request", lambda r: urlsplit(r.url).netloc != urlsplit(base).netloc and foreign.append(r.url))
    posts = [c.id for c in content.items["case"].values() if c.data["status"] == "published"]
    assert len(posts) == 8
    for case_id in posts:
        html, text = _expected(site, case_id)
        copied = _copied(page, base, case_id)
        assert copied.get("text/html") == html, case_id
        assert copied.get("text/plain") == text, case_id
    context.close()
    assert not foreign, foreign


def test_without_clipboard_item_the_copy_command_copies_the_same(chromium, site):
    base, browser = chromium
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script("delete window.ClipboardItem;")  # an older browser
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    html, text = _expected(site, "repeat-request-after-recheck")
    copied = _copied(page, base, "repeat-request-after-recheck")
    context.close()
    assert copied.get("text/html") == html and copied.get("text/plain") == text
    assert not errors, errors[:3]
