"""长者模式 and 朗读, measured in the page: text size, line height, contrast, touch targets,
persistence across pages, and the read-aloud button only where a Chinese voice exists."""
from __future__ import annotations

import pytest


pytestmark = pytest.mark.browser

# WCAG relative luminance and contrast ratio, computed in the page from the used colours.
CONTRAST = """el => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  let bg = null;
  for (let n = el; n && !bg; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (c && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') bg = c;
  }
  const a = lum(rgb(getComputedStyle(el).color)), b = lum(rgb(bg || 'rgb(255,255,255)'));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""




def test_elder_mode_enlarges_contrasts_and_persists(chromium):
    base, browser = chromium
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + "/procedure/xf-review/")
    toggle = page.get_by_role("button", name="长者模式")
    assert toggle.get_attribute("aria-pressed") == "false"
    body = page.locator("article p").first
    normal = body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    size = body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    line = body.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) / parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 18 and size > normal and line >= 1.5
    for selector in ("article p", "article li", ".basis-inline"):
        assert page.locator(selector).first.evaluate(CONTRAST) >= 7, selector
    for control in page.locator("header .xf-header-button, header label.md-header__button, article a.badge, article ul.links a").all():
        if control.is_visible():
            box = control.bounding_box()
            assert box["width"] >= 48 and box["height"] >= 48, control.evaluate("e => e.outerHTML.slice(0, 80)")
    page.goto(base + "/calculator/")  # another page: the choice persists
    assert page.evaluate("document.documentElement.classList.contains('elder')")
    assert page.get_by_role("button", name="长者模式").get_attribute("aria-pressed") == "true"
    for control in page.locator("#dl-form select, #dl-form input, #dl-form button").all():
        box = control.bounding_box()
        assert box["height"] >= 48
    context.close()


def test_read_aloud_only_with_a_chinese_voice(chromium):
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/")
    assert page.locator("button.xf-speak").is_hidden()  # headless Chromium has no Chinese voice
    page.close()
    context = browser.new_context()
    context.add_init_script("""
      window.__spoken = [];
      const voice = {lang: 'zh-CN', name: 'test', localService: true};  // on this device (issue 16)
      Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
        speaking: false, getVoices: () => [voice], speak: u => window.__spoken.push(u.text), cancel() {},
        addEventListener() {}, onvoiceschanged: null}});
      window.SpeechSynthesisUtterance = function (text) { this.text = text; };
    """)
    page = context.new_page()
    page.goto(base + "/procedure/xf-review/")
    button = page.get_by_role("button", name="朗读")
    assert button.is_visible()
    button.click()
    assert "请求复查" in page.evaluate("window.__spoken.join('')")
    context.close()
