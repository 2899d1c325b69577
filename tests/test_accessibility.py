"""axe-core finds no serious or critical accessibility problem on any kind of page,
and the channel checker and the calculator can be used with the keyboard alone."""
from __future__ import annotations

import pytest

from browser import ROOT, type_query

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "/", "roadmap": "/roadmap/citizen/", "procedure": "/procedure/xf-review/",
    "law": "/law/xinfang-gongzuo-tiaoli-2022/", "rule": "/rule/xinfang.handle/", "topic": "/topic/period-counting/",
    "channel": "/channel/admin-reconsideration/", "channel overview": "/channel/",
    "checker question": "/checker/", "checker outcome": "/checker/kind--suggest/",
    "calculator with answer": "/calculator/?rule=xinfang.review-request&from=2026-09-01", "privacy": "/privacy/",
    "case post": "/cases/police-first-petition-golden-period/", "case column": "/cases/",
    "case category": "/cases/category/初信初访/", "case guide": "/cases/guide/",
    "staff procedure with timeline": "/procedure/staff-handling/?from=2026-08-10&at-accept=2026-08-10",
    "local practice": "/practice/police-first-petition-30-days/", "form": "/form/handling-opinion/",
    # 找谁 by place (issue 26): the place pages, and an answer page filled in for ?place=.
    "place index": "/place/", "place province": "/place/42/", "place prefecture": "/place/3509/",
    "answer with a place": "/channel/admin-reconsideration/?place=350902",
}




def axe(page) -> list[str]:
    assert AXE.exists(), "run `make test` (it installs axe-core with npm ci)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_no_serious_accessibility_violation(chromium, kind, elder):
    base, browser = chromium
    context = browser.new_context(bypass_csp=True)  # axe is injected as a script; the site's CSP would refuse it
    if elder:
        context.add_init_script("localStorage.setItem('xf-elder', '1')")
    page = context.new_page()
    page.goto(base + PAGES[kind])
    if "place=" in PAGES[kind]:
        page.wait_for_selector("ul.who-here")  # place.js has filled the cases in
    problems = axe(page)
    context.close()
    assert not problems, "\n".join(problems)


def test_headings_are_in_order_and_controls_are_labelled(chromium):
    base, browser = chromium
    page = browser.new_page()
    for path in PAGES.values():
        page.goto(base + path)
        # .md-content, not article: on the column's index each post excerpt is its own <article>.
        levels = page.locator(".md-content h1, .md-content h2, .md-content h3, .md-content h4").evaluate_all(
            "els => els.map(e => Number(e.tagName[1]))")
        assert levels and levels[0] == 1, path
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (path, levels)
        unlabelled = page.locator("article select, article input:not([type=hidden])").evaluate_all(
            "els => els.filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)")
        assert not unlabelled, (path, unlabelled)
    page.close()


def test_checker_by_keyboard_alone(chromium):
    base, browser = chromium
    page = browser.new_page()
    page.goto(base + "/checker/")
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('option')"):
            break
    first = page.evaluate("document.activeElement.textContent")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    # On an answer page the answers so far sit folded under the answer itself (现在就做 comes first).
    assert page.locator("nav.trail").text_content().find(first.strip()) >= 0
    assert page.locator("details.trail-fold > summary").inner_text().startswith("您的回答")
    page.close()


def test_no_serious_accessibility_violation_with_search_results_open(chromium):
    base, browser = chromium
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(base + "/")
    type_query(page, "复查")
    page.locator("#xf-search-results > li").first.wait_for()
    problems = axe(page)
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_no_serious_accessibility_violation_on_any_document_page(chromium, content, elder):
    """Every document a citizen fills in and every staff notice, the latter also as reached from a
    case timeline (its dates filled in)."""
    base, browser = chromium
    context = browser.new_context(bypass_csp=True)
    if elder:
        context.add_init_script("localStorage.setItem('xf-elder', '1')")
    page = context.new_page()
    paths = [f"/document/{i}/" for i in content.items["document"]] + [f"/form/{i}/" for i in content.items["form"]]
    paths.append("/form/notice-extension/?procedure=staff-handling&from=2026-09-01&at-accept=2026-09-10")
    problems = []
    for path in paths:
        page.goto(base + path)
        problems += [f"{path}: {p}" for p in axe(page)]
    context.close()
    assert not problems, "\n".join(problems)
